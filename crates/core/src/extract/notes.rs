//! Notes on ambiguity: which extracted items rest on a less certain reading of the text, and why.
//!
//! Extractors report how they found an item ([`Basis`] for quotes); this module turns that into
//! [`Note`]s for the briefing. Notes are additive: they never change what was extracted.

use super::facts::Facts;
use super::people::Subject;
use crate::model::{Field, Note, Quote};

/// Words of a quote shown as the note's item.
const ITEM_WORDS: usize = 8;

/// How a quote's speaker was found.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Basis {
    /// A name next to the quote, as written there (possibly a bare surname).
    Named(String),
    /// "he" / "she", resolved to the last person named.
    Pronoun,
    /// "the minister", resolved to the last person with that word in their role.
    Nominal(String),
    /// No attribution: continues the previous quote in the same paragraph.
    Continuation,
    /// No attribution: continues the previous paragraph's quote.
    NextParagraph,
}

impl Basis {
    pub(crate) fn of(subject: &Subject) -> Self {
        match subject {
            Subject::Named(p) => Basis::Named(p.name.clone()),
            Subject::Pronoun => Basis::Pronoun,
            Subject::Nominal(word) => Basis::Nominal(word.clone()),
        }
    }

    /// An unattributed quote continuing the previous one, in the same paragraph or the next.
    pub(crate) fn continuing(same_paragraph: bool) -> Self {
        if same_paragraph {
            Basis::Continuation
        } else {
            Basis::NextParagraph
        }
    }
}

/// A quote's first words, as the item of its notes.
pub(crate) fn quote_item(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() <= ITEM_WORDS {
        words.join(" ")
    } else {
        format!("{}…", words[..ITEM_WORDS].join(" "))
    }
}

/// The notes for one quote: how its speaker was inferred, and a missing role.
pub(crate) fn quote_notes(quote: &Quote, basis: &Basis) -> Vec<Note> {
    let mut notes = Vec::new();
    let speaker = match basis {
        Basis::Named(name) if name != &quote.speaker => Some(format!(
            "speaker matched by the name “{name}” to an earlier mention"
        )),
        Basis::Named(_) => None,
        Basis::Pronoun => Some("speaker inferred from a pronoun (“he”/“she”)".to_string()),
        Basis::Nominal(word) => Some(format!("speaker inferred from “the {word}”")),
        Basis::Continuation => {
            Some("no attribution of its own; assumed to continue the previous quote".to_string())
        }
        Basis::NextParagraph => Some("attributed across a paragraph break".to_string()),
    };
    notes.extend(speaker);
    if quote.role.is_none() {
        notes.push("no role found for the speaker".to_string());
    }
    notes
        .into_iter()
        .map(|note| Note {
            field: Field::Quotes,
            item: Some(quote_item(&quote.text)),
            note,
        })
        .collect()
}

/// Notes for event facts that depend on the title: found only there, or dated by a year from it
/// (`body_only`: the facts of the body alone, when there is a title).
pub(crate) fn fact_notes(found: &Facts, body_only: Option<&Facts>) -> Vec<Note> {
    let Some(body_only) = body_only else {
        return Vec::new();
    };
    let mut notes = Vec::new();
    let mut check = |field: Field, differs: bool, what: &str| {
        if differs {
            notes.push(Note {
                field,
                item: None,
                note: what.to_string(),
            });
        }
    };
    let taken = "taken from the title; the body does not state it";
    check(
        Field::Event,
        found.event.is_some() && found.event != body_only.event,
        taken,
    );
    check(
        Field::Location,
        found.location.is_some() && found.location != body_only.location,
        taken,
    );
    check(
        Field::Theme,
        found.theme.is_some() && found.theme != body_only.theme,
        taken,
    );
    check(
        Field::Date,
        found.date.is_some() && (found.date, found.end_date) != (body_only.date, body_only.end_date),
        "the date depends on the title (a year or date stated only there)",
    );
    notes
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::extract;

    fn notes(title: Option<&str>, body: &str) -> Vec<(Field, Option<String>, String)> {
        extract(title, body)
            .notes
            .into_iter()
            .map(|n| (n.field, n.item, n.note))
            .collect()
    }

    #[test]
    fn pronoun_resolved_quote_gets_a_note_and_explicit_attribution_none() {
        let body = "Trade is growing, according to Li Wei, the Deputy Minister of Commerce.\n\n\
                    Speaking in Beijing, he stated that “cooperation between our countries will only deepen \
                    in the years to come.”\n\n\
                    “We are delighted to welcome so many delegates this year,” said Jane Doe, the mayor.";
        let e = extract(None, body);
        assert_eq!(e.quotes.len(), 2, "{:#?}", e.quotes);
        assert_eq!(
            notes(None, body),
            vec![(
                Field::Quotes,
                Some("cooperation between our countries will only deepen in…".to_string()),
                "speaker inferred from a pronoun (“he”/“she”)".to_string()
            )]
        );
    }

    #[test]
    fn missing_role_surname_and_continuation_are_noted() {
        let body = "“Our goal is to connect every school to fast internet,” said Anna Berg. \
                    “It will take time, but we are committed to it.”\n\n“More later,” Berg added.";
        let got: Vec<String> = notes(None, body).into_iter().map(|(_, _, n)| n).collect();
        assert_eq!(
            got,
            vec![
                "no role found for the speaker",
                "no attribution of its own; assumed to continue the previous quote",
                "no role found for the speaker",
                "speaker matched by the name “Berg” to an earlier mention",
                "no role found for the speaker",
            ]
        );
    }

    #[test]
    fn event_from_the_title_gets_a_note_and_from_the_body_none() {
        let title = Some("Smart City Expo 2019: highlights");
        let silent = "Visitors tried new buses and sensors.";
        let e = extract(title, silent);
        assert_eq!(e.event.as_deref(), Some("Smart City Expo 2019"));
        assert_eq!(
            notes(title, silent),
            vec![(
                Field::Event,
                None,
                "taken from the title; the body does not state it".to_string()
            )]
        );
        let stated = "Visitors at the Smart City Expo 2019 tried new buses and sensors.";
        assert!(notes(title, stated).iter().all(|(f, _, _)| *f != Field::Event));
    }

    #[test]
    fn quote_item_is_the_first_eight_words() {
        assert_eq!(quote_item("one two  three"), "one two three");
        assert_eq!(quote_item("a b c d e f g h i"), "a b c d e f g h…");
    }

    #[test]
    fn seed_notes() {
        let seed = include_str!("../../../../tests/fixtures/infoforum-shanghai-2018.txt").trim_start();
        let (title, body) = seed.split_once('\n').unwrap_or((seed, ""));
        assert_eq!(
            notes(Some(title), body),
            vec![(
                Field::Quotes,
                Some("Today’s information and communications technologies (ICT) represent the…".to_string()),
                "speaker inferred from a pronoun (“he”/“she”)".to_string()
            )]
        );
    }
}
