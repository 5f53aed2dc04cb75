//! Extraction: turns the plain text of an article into briefing fields.
//!
//! Pure functions over `&str`; no file access, no knowledge of front matter or chat platforms.

use chrono::NaiveDate;

use crate::briefing::{Quote, Sponsor, Topic};

/// What extraction found in an article. Every field is a best effort; `None` or empty means "not stated".
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Extraction {
    pub event: Option<String>,
    pub date: Option<NaiveDate>,
    pub end_date: Option<NaiveDate>,
    pub location: Option<String>,
    pub theme: Option<String>,
    pub summary: Option<String>,
    pub quotes: Vec<Quote>,
    pub sponsors: Vec<Sponsor>,
    pub topics: Vec<Topic>,
}

/// Extracts briefing fields from an article. `title` is the article's headline when known; `body` is the
/// text after it: paragraphs separated by blank lines, list items on lines of their own.
pub fn extract(title: Option<&str>, body: &str) -> Extraction {
    let _ = (title, body);
    Extraction::default()
}
