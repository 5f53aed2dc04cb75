//! Event facts: the event's name and location ("at the 9th Infoforum-China conference in Shanghai"),
//! its theme ("The theme … was “…”", "under the theme …"), and its dates through [`super::dates`].
//!
//! The first event mention names the event; its location is the place attached to that mention,
//! else a "held in" place, else the article's dateline. The title is a fallback source throughout.

use std::cell::OnceCell;

use crate::text::Lang;
use crate::transient::Transient;
use chrono::NaiveDate;
use regex::{Captures, Regex};

use super::dates::{OTHER_EDITION, event_dates, is_weekday, month_number};
use super::quoted;
use super::sentences::sentences;
use super::text::{Block, collapse_ws, dateline, starts_upper, tail, word_count};

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
/// Words naming a kind of event.
pub(crate) const KINDS: &str = "conference|forum|summit|congress|expo|exhibition|symposium|convention|\
festival|fair|week|meeting|dialogue|roundtable|games|show|assembly|workshop|hackathon|olympiad|\
championship|awards|seminar|colloquium|retreat|conclave|gathering";

/// Any event word, as a cheap filter before the event patterns.
static KIND_WORD: Transient = Transient::new(|| Regex::new(&format!("(?i){KINDS}")).expect("kind regex"));

/// "the|at [9th|2019] [annual] Name Kind [on|for Topic] [2019] [in|at Place]". Lowercase modifiers
/// stay out of the name; a capitalized "Second" stays in it.
static EVENT: Transient = Transient::new(|| {
    Regex::new(&format!(
        r"(?x)(?-u:\b)(?i:the|at)\s+
        (?P<ord>\d{{1,3}}(?:st|nd|rd|th)\s+|(?:19|20)\d{{2}}\s+)?
        (?:(?:annual|inaugural|international|biennial|upcoming|latest|recent|first|second|third|fourth|
            fifth|sixth|seventh|eighth|ninth|tenth|two-day|three-day|one-day|high-level)\s+)?
        (?P<name>{TOK}(?:\s+(?:(?:of|on|for|and|&|the|de|in)\s+)?{TOK})*)
        \s+(?P<kind>(?i:{KINDS}))(?-u:\b)
        (?P<cont>\s+(?:for|on|of)\s+(?:the\s+)?{TOK}(?:\s+(?:(?:and|&|of|on|for|the)\s+)?{TOK})*)?
        (?:\s+(?P<year>(?:19|20)\d{{2}})(?-u:\b))?
        (?:\s+(?:in|at)\s+(?P<place>{TOK}(?:\s+{TOK})*(?:,\s+{TOK}(?:\s+{TOK})*)?))?"
    ))
    .expect("event regex")
});

/// "the Summit of the Shanghai Cooperation Organisation": a capitalized kind first.
static EVENT_KIND_FIRST: Transient = Transient::new(|| {
    let kinds = "Conference|Forum|Summit|Congress|Symposium|Convention|Assembly|Meeting|Dialogue";
    Regex::new(&format!(
        r"(?-u:\b)(?i:the|at)\s+(?P<ord>\d{{1,3}}(?:st|nd|rd|th)\s+)?(?P<name>(?:{kinds})\s+(?:of|on|for)\s+(?:the\s+)?{TOK}(?:\s+(?:(?:and|&|of|on|for|the)\s+)?{TOK})*)"
    ))
    .expect("kind-first event regex")
});

/// "at DevCon 2020, the premier developer conference": a name in apposition to an event noun.
static EVENT_APPOSITION: Transient = Transient::new(|| {
    Regex::new(&format!(
        r"(?-u:\b)(?:at|during|of|for)\s+(?P<name>{TOK}(?:\s+{TOK})*(?:\s+(?:19|20)\d{{2}})?),\s+(?:the|an?)\s+(?:[\p{{L}}\-]+\s+)*?(?i:{KINDS})(?-u:\b)"
    ))
    .expect("event apposition regex")
});

/// "held … in Place", "took place on 12 May in Place", "kicked off in Place".
static HELD_IN: Transient = Transient::new(|| {
    Regex::new(&format!(
        r"(?i:held|hosted|took\s+place|takes\s+place|take\s+place|taking\s+place|convened|staged|kicked\s+off|opened|opens|began|begins|got\s+underway|gathered|closed|concluded|ended|wrapped\s+up|venue\s+was)(?:\s+[^.;:,]*?)?\s+in\s+(?:the\s+)?(?P<place>{TOK}(?:\s+{TOK})*(?:,\s+{TOK}(?:\s+{TOK})*)?)"
    ))
    .expect("held-in regex")
});

/// The end of the text before a quoted theme: "The theme of this year’s event was “…”", "themed
/// “…”", "under the banner of “…”". Applied to the last few words only.
static THEME_BEFORE_QUOTE: Transient = Transient::new(|| {
    Regex::new(r"(?i)(?:(?-u:\b)(?:theme|motto|slogan)(?-u:\b)[^.!?]*|(?-u:\b)themed\s*:?\s*|(?-u:\b)under\s+the\s+(?:banner|title)\s+(?:of\s+)?)$")
        .expect("theme cue regex")
});

/// A theme without quotes, capitalized: "under the theme Shaping the Digital Future, …", "The theme
/// of the forum was Digital Trust."
static THEME_UNQUOTED: Transient = Transient::new(|| {
    Regex::new(
        r"(?i)(?:(?-u:\b)under\s+the\s+(?:theme|motto|slogan)\s+(?:of\s+)?|(?-u:\b)theme\s+(?:of\s+[^.]*?\s+)?(?:was|is|will\s+be)\s*:?\s+)(?P<t>(?-i:\p{Lu})[^.;“”\x22«»]+)",
    )
    .expect("unquoted theme regex")
});

/// Extracts the event facts from the title and body blocks; Russian and Chinese names and places
/// come from their own rules ([`super::facts_ru`], [`super::facts_zh`]), the English ones filling in.
/// With a title, also the facts of the body alone, so notes can say what only the title gave (the
/// two share the body's scans for event names, "held in" places and themes; dates, and Russian and
/// Chinese places, are read for each).
pub(crate) fn extract(title: Option<&str>, blocks: &[Block], lang: Lang) -> (Facts, Option<Facts>) {
    let paragraphs = super::text::paragraphs(blocks);
    let body = Part::new(&paragraphs);
    let head = title.map(|t| (t, Part::new(title.as_slice())));
    let facts = extract_en(head.as_ref().map(|(t, part)| (*t, part)), &body, &paragraphs);
    let body_only = title.map(|_| extract_en(None, &body, &paragraphs));
    type Place = fn(Option<&str>, &[&str]) -> Option<String>;
    let ((event, body_event), location): (_, Place) = match lang {
        Lang::Ru => (
            super::facts_ru::events(title, &paragraphs),
            super::facts_ru::location,
        ),
        Lang::Zh => (
            super::facts_zh::events(title, &paragraphs),
            super::facts_zh::location,
        ),
        Lang::En => return (facts, body_only),
    };
    // The language's own event and place, where its rules find them.
    let own = |mut facts: Facts, event: Option<String>, place: Option<String>| {
        if event.is_some() {
            facts.event = event;
        }
        if place.is_some() {
            facts.location = place;
        }
        facts
    };
    let body_only = body_only.map(|f| own(f, body_event, location(None, &paragraphs)));
    (own(facts, event, location(title, &paragraphs)), body_only)
}

/// What the English rules find in one part of a text (the body's paragraphs, or the title), each looked
/// for once however many times it is asked: the facts with the title and those of the body alone share
/// the body's scans.
struct Part<'a> {
    texts: &'a [&'a str],
    held_in: OnceCell<Option<String>>,
    mentions: OnceCell<Vec<(String, Option<String>)>>,
    kind_first: OnceCell<Option<String>>,
    apposition: OnceCell<Option<String>>,
    theme: OnceCell<Option<String>>,
}

/// At most this many event mentions are read, body first.
const MENTIONS: usize = 50;

impl<'a> Part<'a> {
    fn new(texts: &'a [&'a str]) -> Self {
        Part {
            texts,
            held_in: OnceCell::new(),
            mentions: OnceCell::new(),
            kind_first: OnceCell::new(),
            apposition: OnceCell::new(),
            theme: OnceCell::new(),
        }
    }

    /// The first "held in" place.
    fn held_in(&self) -> Option<&String> {
        self.held_in
            .get_or_init(|| {
                self.texts
                    .iter()
                    .copied()
                    .filter(|t| HELD_IN.get().is_match(t))
                    .flat_map(sentences)
                    .filter(|s| !OTHER_EDITION.get().is_match(s))
                    .find_map(|s| HELD_IN.get().captures_iter(s).find_map(|c| place_of(s, &c)))
            })
            .as_ref()
    }

    /// The texts naming a kind of event: the event patterns are costly, and most paragraphs name none.
    fn eventful(&self) -> impl Iterator<Item = &'a str> + '_ {
        self.texts.iter().copied().filter(|t| KIND_WORD.get().is_match(t))
    }

    /// Event mentions with their places, in order.
    fn mentions(&self) -> &[(String, Option<String>)] {
        self.mentions.get_or_init(|| {
            let event = EVENT.get();
            self.eventful()
                .flat_map(|t| event.captures_iter(t).filter_map(move |c| event_of(t, &c)))
                .take(MENTIONS)
                .collect()
        })
    }

    /// The first name the pattern `re` finds.
    fn named(&self, cell: &OnceCell<Option<String>>, re: &'static Transient) -> Option<String> {
        cell.get_or_init(|| {
            let re = re.get();
            self.eventful().find_map(|t| {
                let c = re.captures(t)?;
                let ord = c.name("ord").map_or("", |m| m.as_str());
                let name = c.name("name")?.as_str();
                if word_count(name) > 10 {
                    return None;
                }
                Some(trim_period(&collapse_ws(&format!("{ord}{name}"))))
            })
        })
        .clone()
    }

    fn kind_first(&self) -> Option<String> {
        self.named(&self.kind_first, &EVENT_KIND_FIRST)
    }

    fn apposition(&self) -> Option<String> {
        self.named(&self.apposition, &EVENT_APPOSITION)
    }

    fn theme(&self) -> Option<&String> {
        self.theme
            .get_or_init(|| self.texts.iter().copied().find_map(theme_of))
            .as_ref()
    }
}

/// The English rules, on the body and, when given, the title after it (its mentions count after the
/// body's).
fn extract_en(title: Option<(&str, &Part)>, body: &Part, paragraphs: &[&str]) -> Facts {
    let head = title.map(|(_, part)| part);
    let held_in = body.held_in().or_else(|| head.and_then(Part::held_in)).cloned();
    let dateline_city = paragraphs
        .iter()
        .take(3)
        .find_map(|p| dateline(p))
        .map(|(city, _)| city);
    let mut mentions: Vec<(String, Option<String>)> = body.mentions().to_vec();
    if let Some(head) = head {
        let room = MENTIONS.saturating_sub(mentions.len());
        mentions.extend(head.mentions().iter().take(room).cloned());
    }
    // "at the Moscow conference" names a place, not an event.
    let places: Vec<String> = mentions
        .iter()
        .filter_map(|(_, p)| p.clone())
        .chain(held_in.clone())
        .chain(dateline_city.clone())
        .collect();
    mentions.retain(|(e, _)| !places.contains(e));
    let event = mentions
        .first()
        .map(|(e, _)| e.clone())
        .or_else(|| body.kind_first().or_else(|| head.and_then(Part::kind_first)))
        .or_else(|| body.apposition().or_else(|| head.and_then(Part::apposition)))
        .or_else(|| title.and_then(|(t, _)| event_from_title(t)));
    // The place of the event's own mention, then a "held in" place, then any event's place, then
    // the dateline of the opening paragraphs.
    let location = mentions
        .iter()
        .find(|(e, p)| Some(e) == event.as_ref() && p.is_some())
        .and_then(|(_, p)| p.clone())
        .or(held_in)
        .or_else(|| mentions.iter().find_map(|(_, p)| p.clone()))
        .or(dateline_city);
    let theme = body.theme().or_else(|| head.and_then(Part::theme)).cloned();
    let title = title.map(|(t, _)| t);
    let (date, end_date) = match event_dates(title, paragraphs, event.as_deref()) {
        Some((start, end)) => (Some(start), end),
        None => (None, None),
    };
    Facts {
        event,
        location,
        theme,
        date,
        end_date,
    }
}

/// The event name (with its kind when capitalized: "World Economic Forum", "Conference on Digital
/// Transformation") and place of one match.
fn event_of(text: &str, c: &Captures) -> Option<(String, Option<String>)> {
    let name = c.name("name")?.as_str();
    let kind = c.name("kind")?.as_str();
    let calendar = |w: &str| month_number(w).is_some() || is_weekday(w);
    // The patterns allow any length; a real name has a handful of words.
    if name.split_whitespace().all(calendar) || word_count(name) > 8 {
        return None;
    }
    let mut event = String::new();
    if let Some(ord) = c.name("ord") {
        event.push_str(ord.as_str().trim());
        event.push(' ');
    }
    event.push_str(name);
    if starts_upper(kind) {
        event.push(' ');
        event.push_str(kind);
        // "on Friday" is when, not what.
        if let Some(cont) = c
            .name("cont")
            .filter(|m| word_count(m.as_str()) <= 8 && !m.as_str().split_whitespace().any(calendar))
        {
            event.push_str(cont.as_str());
        }
        if let Some(y) = c.name("year") {
            event.push(' ');
            event.push_str(y.as_str());
        }
    }
    Some((trim_period(&collapse_ws(&event)), place_of(text, c)))
}

/// Drops a sentence-final period swallowed by a name, keeping abbreviations ("St.", "D.C.").
fn trim_period(name: &str) -> String {
    let last = name.rsplit(' ').next().unwrap_or("");
    match last.strip_suffix('.') {
        Some(stem) if stem.chars().count() > 3 && !stem.contains('.') => {
            name.trim_end_matches('.').to_string()
        }
        _ => name.to_string(),
    }
}

/// A place from a `place` group: no months, weekdays or digits, and a ", Country" part only when it
/// ends the clause ("in Paris, France." but not "in Shanghai, Russia and China agreed").
fn place_of(text: &str, c: &Captures) -> Option<String> {
    let m = c.name("place")?;
    let mut place = m.as_str().trim_end_matches('.');
    if let Some((city, _)) = place.split_once(", ") {
        let next = text[m.end()..].chars().next();
        let clause_ends = next.is_none_or(|n| matches!(n, '.' | ',' | ';' | ')' | ':'));
        if !clause_ends || word_count(city) > 3 {
            place = city;
        }
    }
    // A place name has at most three words ("New York City"); the pattern allows any number.
    let words: Vec<&str> = place.split_whitespace().collect();
    let place = if place.contains(", ") || words.len() <= 3 {
        place.to_string()
    } else {
        words[..3].join(" ")
    };
    let bad = |w: &str| month_number(w).is_some() || is_weekday(w) || w.chars().any(|c| c.is_ascii_digit());
    if place.split_whitespace().any(bad) || place.is_empty() || word_count(&place) > 6 {
        return None;
    }
    Some(place)
}

/// The theme stated in one paragraph, quoted or not.
fn theme_of(text: &str) -> Option<String> {
    static CUE: Transient =
        Transient::new(|| Regex::new("(?i)them|motto|slogan|banner|title").expect("theme word regex"));
    if !CUE.get().is_match(text) {
        return None;
    }
    for span in quoted::spans(text) {
        if THEME_BEFORE_QUOTE.get().is_match(tail(&text[..span.open], 60)) {
            let t = collapse_ws(span.inner(text));
            let t = t.trim_matches(|c: char| c.is_whitespace() || matches!(c, '.' | ',' | ';'));
            if !t.is_empty() {
                return Some(t.to_string());
            }
        }
    }
    let t = THEME_UNQUOTED.get().captures(text)?.name("t")?.as_str();
    // Stop where the sentence goes on: "under the theme Digital Future, the forum …".
    let end = t.find([',', '(']).unwrap_or(t.len());
    let t = t[..end].trim();
    (t.chars().count() >= 3 && t.chars().count() <= 150).then(|| t.to_string())
}

/// The head of a title ("Smart City Expo 2019: highlights") as the event name, when the title has
/// a head, the head is in Title Case and contains an event word ("Infoforum" counts).
fn event_from_title(title: &str) -> Option<String> {
    let head = [":", " | ", " – ", " — ", " - "]
        .iter()
        .filter_map(|sep| title.split_once(sep).map(|(h, _)| h))
        .min_by_key(|h| h.len())?
        .trim();
    let connectors = ["of", "on", "for", "and", "the", "&", "in"];
    let title_case = head
        .split_whitespace()
        .all(|w| starts_upper(w) || w.starts_with(|c: char| c.is_ascii_digit()) || connectors.contains(&w));
    let lower = head.to_lowercase();
    let kind = KINDS.split('|').any(|k| lower.contains(k));
    (title_case && kind && word_count(head) <= 8).then(|| head.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::text::blocks;

    fn facts(body: &str) -> Facts {
        extract(None, &blocks(body), Lang::En).0
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
        let f = extract(
            Some("Smart City Expo 2019: highlights"),
            &blocks("Nothing here."),
            Lang::En,
        );
        assert_eq!(f.0.event.as_deref(), Some("Smart City Expo 2019"));
        // The body alone names no event.
        assert_eq!(f.1.map(|b| b.event), Some(None));
    }

    #[test]
    fn themes_quoted_and_unquoted() {
        assert_eq!(
            facts("The theme of this year’s event was “One Belt One Road: Cooperation”.")
                .theme
                .as_deref(),
            Some("One Belt One Road: Cooperation")
        );
        assert_eq!(
            facts("It was held under the theme Shaping the Digital Future, with 300 guests.")
                .theme
                .as_deref(),
            Some("Shaping the Digital Future")
        );
    }

    #[test]
    fn date_range_reaches_the_facts() {
        let f = facts("The summit took place on 15–16 November 2018 in Paris.");
        assert_eq!((f.date, f.end_date), (d(2018, 11, 15), d(2018, 11, 16)));
        assert_eq!(f.location.as_deref(), Some("Paris"));
    }

    #[test]
    fn official_names_locations_and_datelines() {
        let f = facts("Xi spoke at the second Belt and Road Forum for International Cooperation in Beijing.");
        assert_eq!(
            f.event.as_deref(),
            Some("Belt and Road Forum for International Cooperation")
        );
        assert_eq!(f.location.as_deref(), Some("Beijing"));
        let f = facts("LISBON — The annual Web Summit kicked off on Monday with 70,000 attendees.");
        assert_eq!(
            (f.event.as_deref(), f.location.as_deref()),
            (Some("Web Summit"), Some("Lisbon"))
        );
        let f = facts("It was announced at DevCon 2020, the premier developer conference.");
        assert_eq!(f.event.as_deref(), Some("DevCon 2020"));
        let f = facts(
            "The 23rd Africa Energy Forum (aef) closed in Cape Town. Next year it will be held in Nairobi.",
        );
        assert_eq!(f.location.as_deref(), Some("Cape Town"));
        let (f, _) = extract(
            Some("Talks at Moscow conference"),
            &blocks("MOSCOW, April 18 - Officials met."),
            Lang::En,
        );
        assert_eq!((f.event, f.location.as_deref()), (None, Some("Moscow")));
        let f = facts("The Women in Tech Forum 2019 will take place in Kyiv.");
        assert_eq!(f.event.as_deref(), Some("Women in Tech Forum 2019"));
        let f = facts("Leaders gathered for the Summit of the Shanghai Cooperation Organisation.");
        assert_eq!(
            f.event.as_deref(),
            Some("Summit of the Shanghai Cooperation Organisation")
        );
        let f = facts("Leaders met at the Munich Security Conference on Friday.");
        assert_eq!(f.event.as_deref(), Some("Munich Security Conference"));
    }

    #[test]
    fn garbage_does_not_panic() {
        for b in [
            "31 February 2018",
            "99 May 2018",
            "the Conference",
            "at the  Forum in",
            "May 1-99, 2018",
            "themed “",
        ] {
            let _ = facts(b);
        }
    }
}
