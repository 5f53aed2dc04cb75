//! Briefings: the model, and parsing one file into it.

mod error;
mod markdown;
mod model;
mod parse;

pub use error::{BriefingError, FileError};
pub use markdown::{PlainText, to_plain_text};
pub use model::*;
pub use parse::{ParseOptions, parse, slugify};
