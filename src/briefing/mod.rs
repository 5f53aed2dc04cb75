//! Briefings: the model, and parsing one file into it.

mod model;

pub use model::*;
