//! One file's bytes to one [`Briefing`]: byte checks, front matter, then extraction for what it leaves out.
//!
//! Two kinds of file: Markdown with TOML front matter between `+++` lines, and raw articles (`*.txt`, or
//! `*.md` without front matter) whose first non-empty line is the title. What front matter states wins;
//! every field it leaves out is filled from the text and named in `Briefing::extracted`. Pure: the caller
//! reads the file, so tests need none.

use std::path::Path;

use chrono::NaiveDate;
use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, Visitor};
use toml::Spanned;

use super::error::{BriefingError, FileError};
use super::markdown::{self, PlainText};
use super::{Briefing, Field, Link, Quote, Sponsor, Topic};
use crate::extract;
use crate::model::is_web_url;
use crate::tomlerr;

/// Limits applied while parsing.
#[derive(Debug, Clone, Copy)]
pub struct ParseOptions {
    pub max_file_bytes: u64,
}

impl Default for ParseOptions {
    fn default() -> Self {
        ParseOptions {
            max_file_bytes: 1024 * 1024,
        }
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FrontMatter {
    id: Option<Spanned<String>>,
    title: Option<Spanned<String>>,
    event: Option<String>,
    date: Option<Spanned<toml::value::Datetime>>,
    end_date: Option<Spanned<toml::value::Datetime>>,
    location: Option<String>,
    theme: Option<String>,
    language: Option<Spanned<String>>,
    aliases: Option<Vec<String>>,
    tags: Option<Vec<String>>,
    summary: Option<String>,
    source: Option<Spanned<String>>,
    quotes: Option<Vec<Quote>>,
    sponsors: Option<Vec<Sponsor>>,
    topics: Option<Vec<TopicEntry>>,
    links: Option<Vec<Spanned<Link>>>,
}

/// A topic written either as a plain string or as a `{ title, description }` table.
#[derive(Debug)]
struct TopicEntry(Topic);

impl<'de> Deserialize<'de> for TopicEntry {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = TopicEntry;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a string or a table with `title` and optional `description`")
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<TopicEntry, E> {
                Ok(TopicEntry(Topic {
                    title: s.to_string(),
                    description: None,
                }))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<TopicEntry, A::Error> {
                Topic::deserialize(de::value::MapAccessDeserializer::new(map)).map(TopicEntry)
            }
        }
        d.deserialize_any(V)
    }
}

/// Parses one briefing file. `path` is used for the default id, the kind of file, and error locations.
pub fn parse(path: &Path, bytes: &[u8], opts: &ParseOptions) -> Result<Briefing, FileError> {
    let fail = |line, error| FileError::new(path, line, error);
    let text = decode(bytes, opts).map_err(|(line, e)| fail(line, e))?;
    let is_markdown = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("md") || e.eq_ignore_ascii_case("markdown"));

    let (front, body) = if is_markdown {
        split_front_matter(&text).map_err(|(line, e)| fail(Some(line), e))?
    } else {
        (None, text.as_str())
    };
    let fm: FrontMatter = match front {
        Some(src) => toml::from_str(src).map_err(|e| {
            let p = tomlerr::describe(&e, src);
            // Front matter starts on the line after the opening `+++`.
            fail(Some(p.line + 1), BriefingError::Toml(p.message))
        })?,
        None => FrontMatter::default(),
    };
    build(path, fm, front, body, is_markdown)
}

/// Size, binary and encoding checks; returns the text with a BOM removed and line endings normalised.
fn decode(bytes: &[u8], opts: &ParseOptions) -> Result<String, (Option<usize>, BriefingError)> {
    let size = bytes.len() as u64;
    if size > opts.max_file_bytes {
        return Err((
            None,
            BriefingError::TooLarge {
                size,
                limit: opts.max_file_bytes,
            },
        ));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        return Err((None, BriefingError::Binary { offset }));
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let valid = &bytes[..e.valid_up_to()];
        let line = valid.iter().filter(|&&b| b == b'\n').count() + 1;
        let column = valid.len() - valid.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1) + 1;
        (Some(line), BriefingError::InvalidUtf8 { column })
    })?;
    if text.trim().is_empty() {
        return Err((None, BriefingError::Empty));
    }
    Ok(if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text.to_string()
    })
}

/// Splits `+++` front matter from the body.
fn split_front_matter(text: &str) -> Result<(Option<&str>, &str), (usize, BriefingError)> {
    let first = text.lines().next().unwrap_or("").trim_end();
    if first == "---" {
        return Err((1, BriefingError::YamlFrontMatter));
    }
    if first != "+++" {
        return Ok((None, text));
    }
    let after_open = text.find('\n').map_or(text.len(), |i| i + 1);
    let mut offset = after_open;
    for line in text[after_open..].split_inclusive('\n') {
        if line.trim_end() == "+++" {
            let front = &text[after_open..offset];
            return Ok((Some(front), &text[offset + line.len()..]));
        }
        offset += line.len();
    }
    Err((1, BriefingError::UnclosedFrontMatter))
}

/// What the front matter states about the file's identity and links, each value checked.
struct Stated {
    id: String,
    /// The file is a translation (`NAME.ru.md`) of the briefing with this id.
    translation: bool,
    date: Option<NaiveDate>,
    end_date: Option<NaiveDate>,
    language: Option<String>,
    source: Option<String>,
    links: Option<Vec<Link>>,
}

/// Builds the briefing: checks what the front matter states, finds the title, extracts from the text what
/// the front matter leaves out, and merges the two (the front matter wins).
fn build(
    path: &Path,
    fm: FrontMatter,
    front: Option<&str>,
    body: &str,
    is_markdown: bool,
) -> Result<Briefing, FileError> {
    let located = Located { path, front };
    let stated = check(&fm, &located)?;
    let plain = if is_markdown {
        markdown::to_plain_text(body)
    } else {
        PlainText {
            text: body.trim().to_string(),
            ..PlainText::default()
        }
    };
    let (title, text) = title_and_text(fm.title.as_ref(), &plain, &located)?;
    Ok(merge(fm, stated, title, text, &plain, path))
}

/// A file and its front matter, for errors located at a value.
struct Located<'a> {
    path: &'a Path,
    front: Option<&'a str>,
}

impl Located<'_> {
    /// An error about `key`, at the line of `span` (an offset into the front matter, which starts on
    /// line 2 of the file).
    fn invalid(&self, span: std::ops::Range<usize>, key: &'static str, message: String) -> FileError {
        let line = self.front.map(|f| tomlerr::line_of(f, span.start) + 1);
        FileError::new(self.path, line, BriefingError::Invalid { key, message })
    }
}

/// Checks the stated id, dates, language, source and links.
fn check(fm: &FrontMatter, at: &Located<'_>) -> Result<Stated, FileError> {
    let id = match &fm.id {
        Some(id) => {
            let value = id.get_ref();
            if value.is_empty() || slugify(value) != *value {
                return Err(at.invalid(
                    id.span(),
                    "id",
                    format!(
                        "`{value}` is not a valid id: use lowercase letters, digits and dashes, like `{}`",
                        fallback_slug(&slugify(value))
                    ),
                ));
            }
            value.clone()
        }
        None => fallback_slug(&slugify(&base_name(at.path).0)),
    };
    let suffix = base_name(at.path).1;
    let date_of = |d: &Option<Spanned<toml::value::Datetime>>, key| {
        d.as_ref()
            .map(|d| to_date(d.get_ref()).map_err(|m| at.invalid(d.span(), key, m)))
            .transpose()
    };
    let date = date_of(&fm.date, "date")?;
    let end_date = date_of(&fm.end_date, "end_date")?;
    if let (Some(start), Some(end), Some(span)) = (date, end_date, fm.end_date.as_ref())
        && end < start
    {
        return Err(at.invalid(
            span.span(),
            "end_date",
            format!("{end} is before `date` ({start})"),
        ));
    }
    let language = match &fm.language {
        Some(l) if !is_language_tag(l.get_ref()) => {
            return Err(at.invalid(
                l.span(),
                "language",
                format!(
                    "`{}` is not a BCP 47 language tag like `en` or `zh-Hans`",
                    l.get_ref()
                ),
            ));
        }
        // A translation's front matter may name its language too, but not another one.
        Some(l) if suffix.is_some_and(|s| !same_language(s, l.get_ref())) => {
            return Err(at.invalid(
                l.span(),
                "language",
                format!(
                    "`{}` is not the language of the file name (`.{}.`): rename the file or fix `language`",
                    l.get_ref(),
                    suffix.unwrap_or_default()
                ),
            ));
        }
        l => l
            .as_ref()
            .map(|l| l.get_ref().clone())
            .or(suffix.map(str::to_string)),
    };
    let not_web = |span, key, url: &str| at.invalid(span, key, format!("`{url}` is not an http(s) URL"));
    let source = match &fm.source {
        Some(s) if !is_web_url(s.get_ref()) => return Err(not_web(s.span(), "source", s.get_ref())),
        s => s.as_ref().map(|s| s.get_ref().clone()),
    };
    let links = match &fm.links {
        Some(links) => Some(
            links
                .iter()
                .map(|l| match is_web_url(&l.get_ref().url) {
                    true => Ok(l.get_ref().clone()),
                    false => Err(not_web(l.span(), "links", &l.get_ref().url)),
                })
                .collect::<Result<Vec<_>, _>>()?,
        ),
        None => None,
    };
    Ok(Stated {
        id,
        translation: suffix.is_some(),
        date,
        end_date,
        language,
        source,
        links,
    })
}

/// The title: stated, else a Markdown heading, else the first non-empty line (which then leaves the body).
/// Returns it with the text the rest of the briefing is read from.
fn title_and_text<'t>(
    stated: Option<&Spanned<String>>,
    plain: &'t PlainText,
    at: &Located<'_>,
) -> Result<(String, &'t str), FileError> {
    if let Some(t) = stated {
        let title = t.get_ref().trim();
        if title.is_empty() {
            return Err(at.invalid(t.span(), "title", "must not be empty".into()));
        }
        return Ok((title.to_string(), plain.text.as_str()));
    }
    let (first, rest) = plain.text.split_once('\n').unwrap_or((&plain.text, ""));
    let first = first.trim().trim_start_matches('#').trim();
    match &plain.heading {
        Some(h) if !h.is_empty() && h.as_str() != first => Ok((h.clone(), plain.text.as_str())),
        _ if first.is_empty() => Err(FileError::new(at.path, None, BriefingError::NoTitle)),
        _ => Ok((first.to_string(), rest.trim_start())),
    }
}

/// The briefing: what the front matter states, and what extraction found for every field it leaves out
/// (each such field named in `extracted`, with extraction's doubts about it in `notes`).
fn merge(
    fm: FrontMatter,
    stated: Stated,
    title: String,
    text: &str,
    plain: &PlainText,
    path: &Path,
) -> Briefing {
    let needs_extraction = fm.event.is_none()
        || stated.date.is_none()
        || fm.location.is_none()
        || fm.theme.is_none()
        || fm.summary.is_none()
        || fm.quotes.is_none()
        || fm.sponsors.is_none()
        || fm.topics.is_none();
    let found = if needs_extraction {
        extract::extract(Some(&title), text)
    } else {
        extract::Extraction::default()
    };
    let mut extracted = Vec::new();
    if fm.title.is_none() {
        extracted.push(Field::Title);
    }
    let mut pick = |stated: Option<String>, found: Option<String>, field| {
        stated.or_else(|| found.inspect(|_| extracted.push(field)))
    };
    let event = pick(fm.event, found.event, Field::Event);
    let location = pick(fm.location, found.location, Field::Location);
    let theme = pick(fm.theme, found.theme, Field::Theme);
    let summary = pick(fm.summary, found.summary, Field::Summary);
    let (date, end_date) = match stated.date {
        Some(d) => (Some(d), stated.end_date),
        None if found.date.is_some() => {
            extracted.push(Field::Date);
            if found.end_date.is_some() {
                extracted.push(Field::EndDate);
            }
            (found.date, found.end_date)
        }
        None => (None, stated.end_date),
    };
    let x = &mut extracted;
    let quotes = pick_list(fm.quotes, found.quotes, Field::Quotes, x);
    let sponsors = pick_list(fm.sponsors, found.sponsors, Field::Sponsors, x);
    let topics = fm.topics.map(|t| t.into_iter().map(|TopicEntry(t)| t).collect());
    let topics = pick_list(topics, found.topics, Field::Topics, x);
    // Only looked for when the front matter lists no links.
    let found_links = match (&stated.links, plain.links.is_empty()) {
        (Some(_), _) => Vec::new(),
        (None, true) => bare_urls(text),
        (None, false) => plain.links.clone(),
    };
    let links = pick_list(stated.links, found_links, Field::Links, x);
    extracted.sort();
    // The stated language, else the one the text is written in (detected even when nothing else is
    // extracted), else English.
    let language = stated
        .language
        .or_else(|| found.language.map(str::to_string))
        .or_else(|| crate::text::detect(&format!("{title}\n{text}")).map(str::to_string))
        .unwrap_or_else(|| "en".to_string());
    // Doubts only about what was taken from the text, not about what the front matter states.
    let notes = found
        .notes
        .into_iter()
        .filter(|n| extracted.contains(&n.field))
        .collect();
    Briefing {
        id: stated.id,
        translation: stated.translation,
        aliases: fm.aliases.unwrap_or_default(),
        title,
        event,
        date,
        end_date,
        location,
        theme,
        language,
        tags: fm.tags.unwrap_or_default(),
        summary,
        source: stated.source,
        quotes,
        sponsors,
        topics,
        links,
        path: path.to_path_buf(),
        extracted,
        notes,
        body: text.to_string(),
    }
}

/// A file's name without its extension, and the language tag before the extension when there is one:
/// `infoforum-2018.ru.md` is (`infoforum-2018`, `ru`), a Russian version of `infoforum-2018.md`.
fn base_name(path: &Path) -> (String, Option<&str>) {
    let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or_default();
    match stem.rsplit_once('.') {
        Some((base, tag)) if !base.is_empty() && is_translation_tag(tag) => (base.to_string(), Some(tag)),
        _ => (
            path.file_stem()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned(),
            None,
        ),
    }
}

/// A language tag as a file name carries it: `ru`, `zh`, `zh-CN`, `pt-BR`.
fn is_translation_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let primary = parts.next().unwrap_or_default();
    (2..=3).contains(&primary.len())
        && primary.chars().all(|c| c.is_ascii_lowercase())
        && parts.all(|p| (2..=4).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

/// Whether two language tags name the same language (`zh` and `zh-CN` do).
fn same_language(a: &str, b: &str) -> bool {
    let primary = |t: &str| {
        t.split(['-', '_'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase()
    };
    primary(a) == primary(b)
}

/// The stated list, else the found one (recorded as extracted when it holds anything).
fn pick_list<T>(stated: Option<Vec<T>>, found: Vec<T>, field: Field, extracted: &mut Vec<Field>) -> Vec<T> {
    stated.unwrap_or_else(|| {
        if !found.is_empty() {
            extracted.push(field);
        }
        found
    })
}

/// `slug`, or `briefing` when nothing of the name survived slugging.
fn fallback_slug(slug: &str) -> String {
    if slug.is_empty() {
        "briefing".to_string()
    } else {
        slug.to_string()
    }
}

/// A loose BCP 47 check: a 2-3 letter language, then subtags of 1-8 letters or digits.
fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let lang = parts.next().unwrap_or("");
    (2..=3).contains(&lang.len())
        && lang.chars().all(|c| c.is_ascii_alphabetic())
        && parts.all(|p| (1..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

/// http(s) URLs standing in plain text, for raw articles.
fn bare_urls(text: &str) -> Vec<Link> {
    let mut links: Vec<Link> = Vec::new();
    if !text.contains("http") {
        return links;
    }
    for word in text.split_whitespace() {
        let url = word
            .trim_start_matches(['(', '<', '['])
            .trim_end_matches(['.', ',', ';', ':', ')', '>', ']', '"', '\'', '”', '’']);
        if is_web_url(url) && !links.iter().any(|l| l.url == url) {
            links.push(Link {
                title: url.to_string(),
                url: url.to_string(),
            });
        }
    }
    links
}

/// Returns the date in a TOML datetime, rejecting times: briefings are dated by day.
fn to_date(dt: &toml::value::Datetime) -> Result<NaiveDate, String> {
    match (dt.date, dt.time) {
        (Some(d), None) => NaiveDate::from_ymd_opt(d.year.into(), d.month.into(), d.day.into())
            .ok_or_else(|| format!("{dt} is not a calendar date")),
        _ => Err(format!("expected a date like 2018-11-15, found {dt}")),
    }
}

/// A lowercase slug made from a file stem: letters, digits and single dashes.
pub fn slugify(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}
