//! Briefings: the model, and parsing one file into it.

mod error;
mod markdown;
mod parse;

pub use crate::model::*;
pub use error::{BriefingError, FileError};
pub use markdown::{PlainText, to_plain_text};
pub use parse::{ParseOptions, parse, slugify};
