//! Errors raised while turning one file into a briefing, always located by file and, when known, line.

use std::fmt;
use std::path::PathBuf;

/// What is wrong with a briefing file. Each message says what to do about it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BriefingError {
    #[error("cannot read the file: {0}")]
    Io(String),
    #[error(
        "file is too large ({size} bytes; the limit is {limit} bytes, set by `briefings.max_file_bytes`)"
    )]
    TooLarge { size: u64, limit: u64 },
    #[error("file is empty")]
    Empty,
    #[error("binary file (NUL byte at offset {offset}): a briefing is UTF-8 text")]
    Binary { offset: usize },
    #[error("invalid UTF-8 at byte {column} of this line: save the file as UTF-8")]
    InvalidUtf8 { column: usize },
    #[error(
        "front matter opened with `+++` is never closed: did you forget a `+++` line after the last key?"
    )]
    UnclosedFrontMatter,
    #[error("front matter must be TOML between `+++` lines; YAML (`---`) is not supported")]
    YamlFrontMatter,
    #[error("{0}")]
    Toml(String),
    #[error("`{key}`: {message}")]
    Invalid { key: &'static str, message: String },
    #[error("no title: set `title` in the front matter, or put the title on the first line of the text")]
    NoTitle,
    #[error("duplicate id `{id}`, also used by {}", other.display())]
    DuplicateId { id: String, other: PathBuf },
}

/// A [`BriefingError`] located in a file: displays as `path:line: message`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileError {
    pub path: PathBuf,
    pub line: Option<usize>,
    pub error: BriefingError,
}

impl FileError {
    pub fn new(path: impl Into<PathBuf>, line: Option<usize>, error: BriefingError) -> Self {
        FileError {
            path: path.into(),
            line,
            error,
        }
    }
}

impl fmt::Display for FileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{line}: {}", self.path.display(), self.error),
            None => write!(f, "{}: {}", self.path.display(), self.error),
        }
    }
}

impl std::error::Error for FileError {}
