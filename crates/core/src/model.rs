//! The briefing model: one document about one event, as every other part of Attaché sees it.
//!
//! This module owns the data types only. Parsing lives in [`crate::briefing`], extraction from free text in
//! [`crate::extract`]; nothing here reads files or knows about chat platforms.

use std::fmt;
use std::path::PathBuf;
use std::str::FromStr;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// One briefing, after front matter and extraction have been merged.
///
/// Serialized as the JSON printed by `attache show --json` and `attache extract --json`.
/// Other-language versions of briefings, by id.
pub type Translations = std::collections::HashMap<String, Vec<std::sync::Arc<Briefing>>>;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Briefing {
    pub id: String,
    /// This file is another language's version of the briefing `id` (`NAME.ru.md` beside `NAME.md`).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub translation: bool,
    /// Other names of the event, in any script (`Инфофорум`, `信息论坛`): found by every lookup of an event.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    pub title: String,
    pub event: Option<String>,
    pub date: Option<NaiveDate>,
    pub end_date: Option<NaiveDate>,
    pub location: Option<String>,
    pub theme: Option<String>,
    pub language: String,
    pub tags: Vec<String>,
    pub summary: Option<String>,
    pub source: Option<String>,
    pub quotes: Vec<Quote>,
    pub sponsors: Vec<Sponsor>,
    pub topics: Vec<Topic>,
    pub links: Vec<Link>,
    /// The file the briefing came from, as given to the loader.
    pub path: PathBuf,
    /// Names of the fields that were filled by extraction from the text rather than stated in front matter.
    pub extracted: Vec<Field>,
    /// Where extraction was unsure: one note per doubtful item of an extracted field, for admins to review.
    pub notes: Vec<Note>,
    /// The body as plain text (Markdown stripped), used for search and snippets. Not part of the JSON model.
    #[serde(skip)]
    pub body: String,
}

impl Briefing {
    /// The name to show for the event: the event name when known, else the title.
    pub fn display_name(&self) -> &str {
        self.event.as_deref().unwrap_or(&self.title)
    }

    /// Sponsors with the given relation, in document order.
    pub fn sponsors_with(&self, relation: Relation) -> impl Iterator<Item = &Sponsor> {
        self.sponsors.iter().filter(move |s| s.relation == relation)
    }
}

/// A direct quote with its speaker.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Quote {
    pub text: String,
    pub speaker: String,
    #[serde(default)]
    pub role: Option<String>,
}

/// An organization's part in an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Relation {
    Organizer,
    Host,
    Sponsor,
    Supporter,
    Partner,
}

impl Relation {
    pub const ALL: [Relation; 5] = [
        Relation::Organizer,
        Relation::Host,
        Relation::Sponsor,
        Relation::Supporter,
        Relation::Partner,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Relation::Organizer => "organizer",
            Relation::Host => "host",
            Relation::Sponsor => "sponsor",
            Relation::Supporter => "supporter",
            Relation::Partner => "partner",
        }
    }

    /// Heading used when listing organizations of this relation.
    pub fn plural_title(self) -> &'static str {
        match self {
            Relation::Organizer => "Organizers",
            Relation::Host => "Hosts",
            Relation::Sponsor => "Sponsors",
            Relation::Supporter => "Supporters",
            Relation::Partner => "Partners",
        }
    }
}

impl fmt::Display for Relation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Relation {
    type Err = ();

    /// Accepts the singular and plural forms, case-insensitively ("sponsors", "Organizer").
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.trim().to_ascii_lowercase();
        let s = s.strip_suffix('s').unwrap_or(&s);
        Relation::ALL.into_iter().find(|r| r.as_str() == s).ok_or(())
    }
}

/// An organization that sponsored, organized, hosted, supported or partnered an event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sponsor {
    pub name: String,
    pub relation: Relation,
    #[serde(default)]
    pub country: Option<String>,
}

/// A topic discussed at the event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Topic {
    pub title: String,
    #[serde(default)]
    pub description: Option<String>,
}

/// A link related to the event.
/// Whether `url` is an http(s) URL: the only kind a briefing's links and source may be, and the only kind
/// a renderer turns into a link (a `javascript:` or `data:` URL stays visible text). Case-insensitive in
/// its scheme, no whitespace inside.
pub fn is_web_url(url: &str) -> bool {
    let Some(scheme_end) = url.find("://") else {
        return false;
    };
    let scheme = url[..scheme_end].to_ascii_lowercase();
    let rest = &url[scheme_end + 3..];
    matches!(scheme.as_str(), "http" | "https") && !rest.is_empty() && !rest.contains(char::is_whitespace)
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Link {
    pub title: String,
    pub url: String,
}

/// A doubt about an extracted item ("speaker resolved from a pronoun").
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Note {
    pub field: Field,
    /// The item the note is about (a quote's first words, an organization's name), when it is one item.
    pub item: Option<String>,
    pub note: String,
}

/// A briefing field that extraction can fill; its name is the JSON key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    Title,
    Event,
    Date,
    EndDate,
    Location,
    Theme,
    Summary,
    Quotes,
    Sponsors,
    Topics,
    Links,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relation_parses_singular_plural_and_case() {
        assert_eq!("Sponsors".parse(), Ok(Relation::Sponsor));
        assert_eq!("organizer".parse(), Ok(Relation::Organizer));
        assert_eq!("hosts".parse(), Ok(Relation::Host));
        assert_eq!("sponsorship".parse::<Relation>(), Err(()));
    }

    #[test]
    fn text_without_a_scheme_is_not_a_url_even_when_it_starts_with_multibyte_characters() {
        // Regression: a text without "://" was sliced at byte 3, inside 月 of "10月11日".
        assert!(!is_web_url("10月11日,第十六屆論壇"));
        assert!(!is_web_url("ab"));
        assert!(is_web_url("https://example.org/a"));
        assert!(!is_web_url("javascript://x"));
    }
}
