//! A briefing as response blocks: the card (what `briefing` answers and a digest posts), the facts line,
//! an entry of a list. Shared by the commands and the digests; it reads one briefing and nothing else.

use chrono::NaiveDate;

use crate::i18n::{self, Lang, code};
use crate::model::{Briefing, Field, Relation};
use crate::response::{Block, Inline};
use crate::{tr, tr_inline};

/// A quote on a card is cut to about this many characters, at a sentence or word boundary.
const CARD_QUOTE_CHARS: usize = 300;
/// A card lists at most this many topics, then says how many more there are.
const CARD_TOPICS: usize = 8;

/// The link to a briefing's page on the HTTP side.
pub fn page_link(lang: Lang, url: String) -> Block {
    Block::Links {
        links: vec![(tr!(lang, "page-link"), url)],
    }
}

/// A briefing as an item of a list: title, id, and when and where.
pub fn entry(lang: Lang, b: &Briefing) -> Block {
    Block::Entry {
        title: b.title.clone(),
        id: Some(b.id.clone()),
        detail: when_where(lang, b),
        text: None,
    }
}

/// "15–16 November 2018 · Shanghai", or whichever part is known.
pub fn when_where(lang: Lang, b: &Briefing) -> Option<String> {
    let parts: Vec<String> = [
        b.date.map(|d| date_range(lang, d, b.end_date)),
        b.location.clone(),
    ]
    .into_iter()
    .flatten()
    .collect();
    (!parts.is_empty()).then(|| parts.join(" · "))
}

/// A date or a date range, written out the language's way: "15–16 November 2018", "15–16 ноября 2018 г.",
/// "2018年11月15日至16日".
pub fn date_range(lang: Lang, start: NaiveDate, end: Option<NaiveDate>) -> String {
    i18n::date_range(lang, start, end)
}

/// Labelled facts: event (when it differs from the title), date, place, theme.
pub fn facts(lang: Lang, b: &Briefing) -> Block {
    let mut fields = Vec::new();
    if let Some(event) = b.event.as_ref().filter(|e| !b.title.contains(e.as_str())) {
        fields.push((tr!(lang, "field-event"), event.clone()));
    }
    if let Some(d) = b.date {
        fields.push((tr!(lang, "field-date"), date_range(lang, d, b.end_date)));
    }
    if let Some(place) = &b.location {
        fields.push((tr!(lang, "field-place"), place.clone()));
    }
    if let Some(theme) = &b.theme {
        fields.push((tr!(lang, "field-theme"), theme.clone()));
    }
    Block::Fields { fields }
}

pub fn title(b: &Briefing) -> Block {
    Block::Title {
        text: b.title.clone(),
        url: b.source.clone(),
    }
}

/// The heading of a relation's group: Organizers, Организаторы, 主办方.
pub fn relation_heading(lang: Lang, r: Relation) -> String {
    i18n::text(lang, &format!("relation-{}", r.as_str()), &[])
}

/// A relation's name: organizer, организатор, 主办.
pub fn relation_name(lang: Lang, r: Relation) -> String {
    i18n::text(lang, &format!("relation-name-{}", r.as_str()), &[])
}

/// Organizations grouped by relation, one labelled field per relation present.
pub fn organizations(lang: Lang, b: &Briefing) -> Vec<(String, String)> {
    Relation::ALL
        .into_iter()
        .filter_map(|r| {
            let names: Vec<&str> = b.sponsors_with(r).map(|s| s.name.as_str()).collect();
            (!names.is_empty()).then(|| (relation_heading(lang, r), names.join("; ")))
        })
        .collect()
}

/// A bulleted list of at most `max` items; the rest are counted in a last "and N more" item.
pub fn capped_list(
    lang: Lang,
    heading: Option<String>,
    items: impl ExactSizeIterator<Item = Inline>,
    max: usize,
) -> Block {
    let total = items.len();
    let mut items: Vec<Inline> = items.take(max).collect();
    if total > max {
        items.push(Inline::plain(tr!(lang, "and-more", count = total - max)));
    }
    Block::List {
        heading,
        items,
        ordered: false,
    }
}

/// The briefing card: title, facts, summary, one quote, topics and organizations.
pub fn card(lang: Lang, b: &Briefing) -> Vec<Block> {
    let mut blocks = vec![title(b), facts(lang, b)];
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
        blocks.push(capped_list(
            lang,
            Some(tr!(lang, "heading-topics")),
            topics,
            CARD_TOPICS,
        ));
    }
    let orgs = organizations(lang, b);
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
pub fn extracted_note(lang: Lang, b: &Briefing) -> Option<Block> {
    let names: Vec<String> = b
        .extracted
        .iter()
        .filter(|f| !matches!(f, Field::Title))
        .map(|f| field_name(lang, *f))
        .collect();
    (!names.is_empty()).then(|| Block::Note {
        text: Inline::plain(tr!(lang, "extracted-note", fields = names.join(", "))),
    })
}

fn field_name(lang: Lang, f: Field) -> String {
    let id = match f {
        Field::Title => "extracted-field-title",
        Field::Event => "extracted-field-event",
        Field::Date => "extracted-field-date",
        Field::EndDate => "extracted-field-end-date",
        Field::Location => "extracted-field-place",
        Field::Theme => "extracted-field-theme",
        Field::Summary => "extracted-field-summary",
        Field::Quotes => "extracted-field-quotes",
        Field::Sponsors => "extracted-field-organizations",
        Field::Topics => "extracted-field-topics",
        Field::Links => "extracted-field-links",
    };
    i18n::text(lang, id, &[])
}

/// "More: `quotes x` · `topics x` · `sponsors x`".
pub fn more_commands(lang: Lang, id: &str) -> Inline {
    tr_inline!(
        lang,
        "more-commands",
        quotes = code(format!("quotes {id}")),
        topics = code(format!("topics {id}")),
        sponsors = code(format!("sponsors {id}")),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_ranges_read_naturally() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        assert_eq!(date_range(Lang::En, d(2018, 11, 15), None), "15 November 2018");
        assert_eq!(
            date_range(Lang::En, d(2018, 11, 15), Some(d(2018, 11, 16))),
            "15–16 November 2018"
        );
        assert_eq!(
            date_range(Lang::Ru, d(2018, 11, 30), Some(d(2018, 12, 2))),
            "30 ноября – 2 декабря 2018 г."
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
