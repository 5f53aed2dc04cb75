//! Event facts: the event's name and location ("at the 9th Infoforum-China conference in Shanghai"),
//! its theme ("The theme … was “…”", "under the theme …") and its dates ("15 November 2018",
//! "November 15–16, 2018", "2018-11-15"), with the title as a fallback source.
//!
//! Dates need a day, a month and a year: a weekday or a year alone gives nothing. A day and month
//! without a year borrow the year only when the text mentions exactly one year.

use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::{Captures, Regex};

use super::quoted;
use super::text::{Block, collapse_ws, is_weekday, month_number, sentences, tail};

/// Event name, location, theme and dates, each when found.
#[derive(Debug, Default, PartialEq)]
pub(crate) struct Facts {
    pub event: Option<String>,
    pub location: Option<String>,
    pub theme: Option<String>,
    pub date: Option<NaiveDate>,
    pub end_date: Option<NaiveDate>,
}

/// A capitalized word in a name or place ("Infoforum-China", "G20", "St.").
const TOK: &str = r"(?:\p{Lu}[\p{L}\p{N}\-’'.&]*)";
const KINDS: &str = "conference|forum|summit|congress|expo|exhibition|symposium|convention|festival|fair|\
week|meeting|dialogue|roundtable|games|show|assembly|workshop|hackathon|olympiad|championship|awards|\
seminar|colloquium|retreat|conclave|gathering";

static EVENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?x)\b(?i:the|at)\s+
        (?P<ord>\d{{1,3}}(?:st|nd|rd|th)\s+|(?:19|20)\d{{2}}\s+)?
        (?:(?i:annual|inaugural|international|biennial|upcoming|latest|recent|first|second|third)\s+)?
        (?P<name>{TOK}(?:\s+(?:(?:of|on|for|and|&|the|de)\s+)?{TOK}){{0,7}})
        \s+(?P<kind>(?i:{KINDS}))\b
        (?:\s+(?P<year>(?:19|20)\d{{2}})\b)?
        (?:\s+(?:in|at)\s+(?P<place>{TOK}(?:\s+{TOK}){{0,2}}(?:,\s+{TOK}(?:\s+{TOK}){{0,2}})?))?"
    ))
    .expect("event regex")
});

static HELD_IN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i:held|hosted|took\s+place|takes\s+place|take\s+place|taking\s+place|convened|staged|venue\s+was)\s+(?i:in|at)\s+(?:the\s+)?(?P<place>{TOK}(?:\s+{TOK}){{0,2}}(?:,\s+{TOK}(?:\s+{TOK}){{0,2}})?)"
    ))
    .expect("held-in regex")
});

static THEME_BEFORE_QUOTE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:\b(?:theme|motto|slogan)\b[^.!?]{0,50}|\bthemed\s*:?\s*|\bunder\s+the\s+(?:banner|title)\s+(?:of\s+)?)$")
        .expect("theme cue regex")
});

static THEME_UNQUOTED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:\bunder\s+the\s+(?:theme|motto|slogan)\s+(?:of\s+)?|\btheme\s+(?:of\s+[^.]{0,40}?\s+)?(?:was|is|will\s+be)\s*:?\s+)(?P<t>(?-i:\p{Lu})[^.;“”\x22«»]{2,150})",
    )
    .expect("unquoted theme regex")
});

const MONTH: &str = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?";
const DAY: &str = r"(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?";
const SEP: &str = r"\s*(?:-|–|—|(?i:to|and|until|till|through|thru))\s*";
const YEAR: &str = r"(?:19|20)\d{2}";

/// Date patterns, most specific first; `y` may be missing only in the year-less ones.
static DATES: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    let p = [
        format!(r"\b(?P<d1>{DAY})\s+(?P<m1>{MONTH})(?:\s+{YEAR})?{SEP}(?P<d2>{DAY})\s+(?P<m2>{MONTH}),?\s+(?P<y>{YEAR})\b"),
        format!(r"\b(?P<m1>{MONTH})\s+(?P<d1>{DAY}){SEP}(?P<m2>{MONTH})\s+(?P<d2>{DAY}),?\s+(?P<y>{YEAR})\b"),
        format!(r"\b(?P<d1>{DAY})(?:{SEP}(?P<d2>{DAY}))?\s+(?:of\s+)?(?P<m1>{MONTH}),?\s+(?P<y>{YEAR})\b"),
        format!(r"\b(?P<m1>{MONTH})\s+(?P<d1>{DAY})(?:{SEP}(?P<d2>{DAY}))?,?\s+(?P<y>{YEAR})\b"),
        r"\b(?P<y>(?:19|20)\d{2})-(?P<mn>[01]\d)-(?P<d1>[0-3]\d)\b".to_string(),
        format!(r"\b(?P<d1>{DAY})(?:{SEP}(?P<d2>{DAY}))?\s+(?:of\s+)?(?P<m1>{MONTH})\b"),
        format!(r"\b(?P<m1>{MONTH})\s+(?P<d1>{DAY})(?:{SEP}(?P<d2>{DAY}))?\b"),
    ];
    p.iter().map(|s| Regex::new(s).expect("date regex")).collect()
});

static YEAR_WORD: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\b(?:19|20)\d{2}\b").expect("year regex"));
static EVENT_CONTEXT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?i)\b(?:{KINDS}|event|held|took\s+place|takes\s+place|will\s+take\s+place|opened|kicked\s+off|convened|gathered)\b"))
        .expect("event context regex")
});
static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:posted|published|updated|written|released)\b[^.]{0,30}$").expect("byline regex")
});

/// Extracts the event facts from the title and body blocks.
pub(crate) fn extract(title: Option<&str>, blocks: &[Block]) -> Facts {
    let paragraphs: Vec<&str> = blocks
        .iter()
        .flat_map(|b| match b {
            Block::Para(p) => vec![p.as_str()],
            Block::List(items) => items.iter().map(String::as_str).collect(),
        })
        .collect();
    let mut facts = Facts::default();
    for text in paragraphs.iter().copied().chain(title) {
        if let Some((event, place)) = EVENT.captures_iter(text).find_map(|c| event_of(text, &c)) {
            facts.event.get_or_insert(event);
            if facts.location.is_none() {
                facts.location = place;
            }
        }
        if facts.location.is_none() {
            facts.location = HELD_IN.captures_iter(text).find_map(|c| place_of(text, &c));
        }
        if facts.theme.is_none() {
            facts.theme = theme_of(text);
        }
    }
    if facts.event.is_none() {
        facts.event = title.and_then(event_from_title);
    }
    let all: Vec<&str> = title.into_iter().chain(paragraphs.iter().copied()).collect();
    if let Some((start, end)) = best_date(&all, facts.event.as_deref()) {
        facts.date = Some(start);
        facts.end_date = end;
    }
    facts
}

/// The event name (with its kind when capitalized: "World Economic Forum") and place of one match.
fn event_of(text: &str, c: &Captures) -> Option<(String, Option<String>)> {
    let name = c.name("name")?.as_str();
    let kind = c.name("kind")?.as_str();
    if name.split_whitespace().all(|w| month_number(w).is_some() || is_weekday(w)) {
        return None;
    }
    let mut event = String::new();
    if let Some(ord) = c.name("ord") {
        event.push_str(ord.as_str().trim());
        event.push(' ');
    }
    event.push_str(name);
    if super::text::starts_upper(kind) {
        event.push(' ');
        event.push_str(kind);
        if let Some(y) = c.name("year") {
            event.push(' ');
            event.push_str(y.as_str());
        }
    }
    Some((event, place_of(text, c)))
}

/// A place from a `place` group: no months, weekdays or digits, and a ", Country" part only when it
/// ends the clause ("in Paris, France." but not "in Shanghai, Russia and China agreed").
fn place_of(text: &str, c: &Captures) -> Option<String> {
    let m = c.name("place")?;
    let mut place = m.as_str().trim_end_matches('.');
    if let Some((city, _)) = place.split_once(", ") {
        let next = text[m.end()..].chars().next();
        if !next.is_none_or(|n| matches!(n, '.' | ',' | ';' | ')' | ':')) {
            place = city;
        }
    }
    let bad = |w: &str| month_number(w).is_some() || is_weekday(w) || w.chars().any(|c| c.is_ascii_digit());
    if place.split_whitespace().any(bad) || place.is_empty() {
        return None;
    }
    Some(place.to_string())
}

/// The theme stated in one paragraph, quoted or not.
fn theme_of(text: &str) -> Option<String> {
    for span in quoted::spans(text) {
        if THEME_BEFORE_QUOTE.is_match(tail(&text[..span.open], 120)) {
            let t = collapse_ws(span.inner(text));
            let t = t.trim_matches(|c: char| c.is_whitespace() || matches!(c, '.' | ',' | ';'));
            if !t.is_empty() {
                return Some(t.to_string());
            }
        }
    }
    let t = THEME_UNQUOTED.captures(text)?.name("t")?.as_str();
    // Stop where the sentence goes on: "under the theme Digital Future, the forum …".
    let end = t.find(|c: char| c == ',' || c == '(').unwrap_or(t.len());
    let t = t[..end].trim();
    (!t.is_empty()).then(|| t.to_string())
}

/// "Infoforum Shanghai 2018: China and Russia …" names no event unless the part before the colon
/// contains an event word.
fn event_from_title(title: &str) -> Option<String> {
    let head = title.split([':', '|']).next()?.split(" – ").next()?.split(" - ").next()?.trim();
    let lower = head.to_lowercase();
    let kinds = ["conference", "forum", "summit", "congress", "expo", "symposium", "convention", "festival"];
    (kinds.iter().any(|k| lower.contains(k)) && head.split_whitespace().count() <= 8).then(|| head.to_string())
}

/// The best-placed date in the text: dates in sentences about the event win over others, bylines
/// lose, year-less dates come last; ties go to the first.
fn best_date(paragraphs: &[&str], event: Option<&str>) -> Option<(NaiveDate, Option<NaiveDate>)> {
    let mut years: Vec<i32> = Vec::new();
    for p in paragraphs {
        for m in YEAR_WORD.find_iter(p) {
            if let Ok(y) = m.as_str().parse::<i32>()
                && !years.contains(&y)
            {
                years.push(y);
            }
        }
    }
    let only_year = if years.len() == 1 { years.first().copied() } else { None };
    let mut best: Option<(i32, NaiveDate, Option<NaiveDate>)> = None;
    for p in paragraphs {
        for sentence in sentences(p) {
            let mut taken: Vec<(usize, usize)> = Vec::new();
            for re in DATES.iter() {
                for c in re.captures_iter(sentence) {
                    let Some(m) = c.get(0) else { continue };
                    if taken.iter().any(|&(s, e)| m.start() < e && s < m.end()) {
                        continue;
                    }
                    taken.push((m.start(), m.end()));
                    let Some((start, end, had_year)) = date_of(&c, only_year) else { continue };
                    let mut score = 0;
                    if EVENT_CONTEXT.is_match(sentence) || event.is_some_and(|e| sentence.contains(e)) {
                        score += 2;
                    }
                    if BYLINE.is_match(&sentence[..m.start()]) {
                        score -= 3;
                    }
                    if !had_year {
                        score -= 1;
                    }
                    if best.as_ref().is_none_or(|(b, _, _)| score > *b) {
                        best = Some((score, start, end));
                    }
                }
            }
        }
    }
    best.map(|(_, s, e)| (s, e))
}

/// The dates of one match, and whether the year was stated.
fn date_of(c: &Captures, only_year: Option<i32>) -> Option<(NaiveDate, Option<NaiveDate>, bool)> {
    let num = |g: &str| -> Option<u32> { c.name(g)?.as_str().trim_end_matches(char::is_alphabetic).parse().ok() };
    let stated = c.name("y").and_then(|y| y.as_str().parse::<i32>().ok());
    let year = stated.or(only_year)?;
    let m1 = match c.name("mn") {
        Some(m) => m.as_str().parse().ok()?,
        None => month_number(c.name("m1")?.as_str())?,
    };
    let start = NaiveDate::from_ymd_opt(year, m1, num("d1")?)?;
    let end = match num("d2") {
        Some(d2) => {
            let m2 = c.name("m2").and_then(|m| month_number(m.as_str())).unwrap_or(m1);
            // "30 December – 2 January 2019": the start is in the previous year.
            let end = NaiveDate::from_ymd_opt(year, m2, d2)?;
            let start_year = if m2 < m1 { year - 1 } else { year };
            let start = NaiveDate::from_ymd_opt(start_year, m1, num("d1")?)?;
            let days = (end - start).num_days();
            if !(1..=60).contains(&days) {
                return None;
            }
            return Some((start, Some(end), stated.is_some()));
        }
        None => None,
    };
    Some((start, end, stated.is_some()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::text::blocks;

    fn facts(body: &str) -> Facts {
        extract(None, &blocks(body))
    }

    fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, day)
    }

    #[test]
    fn event_and_location_from_mention() {
        let f = facts("Speaking at the 9th Infoforum-China conference in Shanghai, he said so.");
        assert_eq!(f.event.as_deref(), Some("9th Infoforum-China"));
        assert_eq!(f.location.as_deref(), Some("Shanghai"));
        let f = facts("Leaders met at the annual World Economic Forum in Davos, Switzerland.");
        assert_eq!(f.event.as_deref(), Some("World Economic Forum"));
        assert_eq!(f.location.as_deref(), Some("Davos, Switzerland"));
    }

    #[test]
    fn event_from_title_when_body_is_silent() {
        let f = extract(Some("Smart City Expo 2019: highlights"), &blocks("Nothing here."));
        assert_eq!(f.event.as_deref(), Some("Smart City Expo 2019"));
    }

    #[test]
    fn themes_quoted_and_unquoted() {
        assert_eq!(
            facts("The theme of this year’s event was “One Belt One Road: Cooperation”.").theme.as_deref(),
            Some("One Belt One Road: Cooperation")
        );
        assert_eq!(
            facts("It was held under the theme Shaping the Digital Future, with 300 guests.").theme.as_deref(),
            Some("Shaping the Digital Future")
        );
    }

    #[test]
    fn absolute_dates_and_ranges() {
        let f = facts("The summit took place on 15 November 2018 in Paris.");
        assert_eq!((f.date, f.end_date), (d(2018, 11, 15), None));
        let f = facts("The forum will be held November 15-16, 2018.");
        assert_eq!((f.date, f.end_date), (d(2018, 11, 15), d(2018, 11, 16)));
        let f = facts("The expo runs 30 November – 2 December 2018.");
        assert_eq!((f.date, f.end_date), (d(2018, 11, 30), d(2018, 12, 2)));
        assert_eq!(facts("Registration: 2019-03-07.").date, d(2019, 3, 7));
    }

    #[test]
    fn weekday_or_year_alone_stays_unknown() {
        let f = facts("The forum opened on Tuesday. It was the best event of 2018, and in May it grew.");
        assert_eq!((f.date, f.end_date), (None, None));
    }

    #[test]
    fn yearless_date_borrows_the_only_year_and_event_dates_beat_bylines() {
        let f = facts("Posted on 1 December 2018\n\nThe conference was held on 20 November 2018.");
        assert_eq!(f.date, d(2018, 11, 20));
        assert_eq!(facts("In 2018 the summit opened on 3 March.").date, d(2018, 3, 3));
    }

    #[test]
    fn garbage_does_not_panic() {
        for b in ["31 February 2018", "99 May 2018", "the Conference", "at the  Forum in", "May 1-99, 2018", "themed “"] {
            let _ = facts(b);
        }
    }
}
