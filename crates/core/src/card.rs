//! A briefing as response blocks: the card (what `briefing` answers and a digest posts), the facts line,
//! an entry of a list. Shared by the commands and the digests; it reads one briefing and nothing else.

use chrono::{Datelike, NaiveDate};

use crate::model::{Briefing, Relation};
use crate::response::{Block, Inline};

/// A quote on a card is cut to about this many characters, at a sentence or word boundary.
const CARD_QUOTE_CHARS: usize = 300;
/// A card lists at most this many topics, then says how many more there are.
const CARD_TOPICS: usize = 8;

/// The link to a briefing's page on the HTTP side.
pub fn page_link(url: String) -> Block {
    Block::Links {
        links: vec![("Full briefing".to_string(), url)],
    }
}

/// A briefing as an item of a list: title, id, and when and where.
pub fn entry(b: &Briefing) -> Block {
    Block::Entry {
        title: b.title.clone(),
        id: Some(b.id.clone()),
        detail: when_where(b),
        text: None,
    }
}

/// "15–16 November 2018 · Shanghai", or whichever part is known.
pub fn when_where(b: &Briefing) -> Option<String> {
    let parts: Vec<String> = [b.date.map(|d| date_range(d, b.end_date)), b.location.clone()]
        .into_iter()
        .flatten()
        .collect();
    (!parts.is_empty()).then(|| parts.join(" · "))
}

/// A date or a date range, written out: "15 November 2018", "15–16 November 2018",
/// "30 November – 2 December 2018".
pub fn date_range(start: NaiveDate, end: Option<NaiveDate>) -> String {
    let full = |d: NaiveDate| d.format("%-d %B %Y").to_string();
    match end.filter(|e| *e > start) {
        None => full(start),
        Some(e) if e.year() == start.year() && e.month() == start.month() => {
            format!("{}–{}", start.day(), full(e))
        }
        Some(e) if e.year() == start.year() => format!("{} – {}", start.format("%-d %B"), full(e)),
        Some(e) => format!("{} – {}", full(start), full(e)),
    }
}

/// Labelled facts: event (when it differs from the title), date, place, theme.
pub fn facts(b: &Briefing) -> Block {
    let mut fields = Vec::new();
    if let Some(event) = b.event.as_ref().filter(|e| !b.title.contains(e.as_str())) {
        fields.push(("Event".to_string(), event.clone()));
    }
    if let Some(d) = b.date {
        fields.push(("Date".to_string(), date_range(d, b.end_date)));
    }
    if let Some(place) = &b.location {
        fields.push(("Place".to_string(), place.clone()));
    }
    if let Some(theme) = &b.theme {
        fields.push(("Theme".to_string(), theme.clone()));
    }
    Block::Fields { fields }
}

pub fn title(b: &Briefing) -> Block {
    Block::Title {
        text: b.title.clone(),
        url: b.source.clone(),
    }
}

/// Organizations grouped by relation, one labelled field per relation present.
pub fn organizations(b: &Briefing) -> Vec<(String, String)> {
    Relation::ALL
        .into_iter()
        .filter_map(|r| {
            let names: Vec<&str> = b.sponsors_with(r).map(|s| s.name.as_str()).collect();
            (!names.is_empty()).then(|| (r.plural_title().to_string(), names.join("; ")))
        })
        .collect()
}

/// The briefing card: title, facts, summary, one quote, topics and organizations.
pub fn card(b: &Briefing) -> Vec<Block> {
    let mut blocks = vec![title(b), facts(b)];
    if let Some(summary) = &b.summary {
        blocks.push(Block::Paragraph {
            text: Inline::plain(summary),
        });
    }
    if let Some(q) = b.quotes.first() {
        blocks.push(Block::Quote {
            text: shorten(&q.text, CARD_QUOTE_CHARS),
            speaker: q.speaker.clone(),
            role: q.role.clone(),
            event: None,
        });
    }
    if !b.topics.is_empty() {
        let topics = b.topics.iter().map(|t| Inline::plain(&t.title));
        blocks.push(Block::capped_list(Some("Topics"), topics, CARD_TOPICS));
    }
    let orgs = organizations(b);
    if !orgs.is_empty() {
        blocks.push(Block::Fields { fields: orgs });
    }
    blocks
}

/// Cuts `text` to about `max` characters at the last sentence end (or word) before it, marked with `…`.
pub fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut = text.char_indices().nth(max).map_or(text.len(), |(i, _)| i);
    let head = &text[..cut];
    let sentence = head.rfind(". ").filter(|&i| i > max / 3).map(|i| &head[..=i]);
    let word = head.rfind(' ').map_or(head, |i| &head[..i]);
    format!("{} …", sentence.unwrap_or(word).trim_end_matches([',', ';', ':']))
}

/// A note saying which fields of `b` were extracted from its text, so readers know what to double-check.
pub fn extracted_note(b: &Briefing) -> Option<Block> {
    let names: Vec<&str> = b
        .extracted
        .iter()
        .filter(|f| !matches!(f, crate::model::Field::Title))
        .map(|f| field_name(*f))
        .collect();
    (!names.is_empty()).then(|| Block::Note {
        text: Inline::plain(format!("Extracted from the article text: {}.", names.join(", "))),
    })
}

fn field_name(f: crate::model::Field) -> &'static str {
    use crate::model::Field::*;
    match f {
        Title => "title",
        Event => "event",
        Date => "date",
        EndDate => "end date",
        Location => "place",
        Theme => "theme",
        Summary => "summary",
        Quotes => "quotes",
        Sponsors => "organizations",
        Topics => "topics",
        Links => "links",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_ranges_read_naturally() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        assert_eq!(date_range(d(2018, 11, 15), None), "15 November 2018");
        assert_eq!(
            date_range(d(2018, 11, 15), Some(d(2018, 11, 16))),
            "15–16 November 2018"
        );
        assert_eq!(
            date_range(d(2018, 11, 30), Some(d(2018, 12, 2))),
            "30 November – 2 December 2018"
        );
        assert_eq!(
            date_range(d(2018, 12, 31), Some(d(2019, 1, 1))),
            "31 December 2018 – 1 January 2019"
        );
    }

    #[test]
    fn shorten_prefers_sentence_ends() {
        let text = "First sentence is here. Second one runs on and on and on and on.";
        assert_eq!(shorten(text, 40), "First sentence is here. …");
        assert_eq!(shorten("short", 40), "short");
        assert_eq!(shorten("ααα βββ γγγ", 6), "ααα …");
    }
}
