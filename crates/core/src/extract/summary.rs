//! The summary: up to three lead sentences from the first paragraphs, about 400 characters at most.
//!
//! News articles put the gist first, so the lead sentences make a fair extractive summary. Bylines,
//! headings, list introductions and sentences that are mostly quotation (or sit inside a long quote)
//! are skipped, as are sentences opening with "he"/"she", which need an antecedent the summary lacks.

use std::sync::LazyLock;

use regex::Regex;

use super::quoted::{self, is_quote_mark};
use super::sentences::sentences;
use super::text::{Block, dateline, has_words};

const MAX_SENTENCES: usize = 3;
const MAX_CHARS: usize = 400;

/// Paragraphs that are page furniture: bylines, captions, sharing and subscription prompts.
static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:posted|published|updated|written|by\s|photo|image|source|read\s+more|share|tweet|tags?:|filed\s+under|click|subscribe|advertisement|copyright|©|related)",
    )
    .expect("byline regex")
});

/// Builds the summary, or `None` when no sentence qualifies.
pub(crate) fn summarize(blocks: &[Block]) -> Option<String> {
    let mut chosen: Vec<&str> = Vec::new();
    let mut len = 0;
    'paragraphs: for block in blocks {
        let p = match block {
            Block::Para(p) => p,
            // A list ends the lead.
            Block::List(_) if !chosen.is_empty() => break,
            Block::List(_) => continue,
        };
        if !is_prose(p) {
            continue;
        }
        // The dateline says where the article was filed, not what happened.
        let p = dateline(p).and_then(|(_, end)| p.get(end..)).unwrap_or(p);
        let spans = quoted::spans(p);
        for sentence in sentences(p) {
            if !good_sentence(p, sentence, &spans) {
                continue;
            }
            let chars = sentence.chars().count();
            if chosen.is_empty() && chars > MAX_CHARS {
                return Some(shorten(sentence));
            }
            if len + chars + 1 > MAX_CHARS {
                break 'paragraphs;
            }
            chosen.push(sentence);
            len += chars + 1;
            if chosen.len() == MAX_SENTENCES {
                break 'paragraphs;
            }
        }
    }
    (!chosen.is_empty()).then(|| chosen.join(" "))
}

/// Whether a paragraph is body prose rather than a byline or a heading.
fn is_prose(p: &str) -> bool {
    if BYLINE.is_match(p) && !has_words(p, 25) {
        return false;
    }
    // Headings are short and carry no sentence punctuation.
    has_words(p, 8) || p.trim_end().ends_with(['.', '!', '?'])
}

/// Whether a sentence can stand in a summary.
fn good_sentence(p: &str, sentence: &str, spans: &[quoted::Span]) -> bool {
    if !has_words(sentence, 5) || sentence.ends_with(':') {
        return false;
    }
    let first = sentence.split_whitespace().next().unwrap_or("").to_lowercase();
    if matches!(first.as_str(), "he" | "she" | "they" | "we" | "i") || sentence.starts_with(is_quote_mark) {
        return false;
    }
    // Sentences are sub-slices of the paragraph, so their offset is the pointer difference.
    let start = (sentence.as_ptr() as usize).saturating_sub(p.as_ptr() as usize);
    let end = start + sentence.len();
    let inside: usize = spans
        .iter()
        .map(|s| end.min(s.close_end).saturating_sub(start.max(s.open)))
        .sum();
    // A quote mark left open within the sentence means the quote runs on past it.
    let marks = sentence.chars().filter(|&c| is_quote_mark(c)).count();
    inside * 10 <= sentence.len() * 4 && marks % 2 == 0
}

/// Cuts an overlong sentence at a word boundary.
fn shorten(sentence: &str) -> String {
    let mut out = String::new();
    for word in sentence.split_whitespace() {
        if out.chars().count() + word.chars().count() + 2 > MAX_CHARS {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::text::blocks;

    fn summary(body: &str) -> Option<String> {
        summarize(&blocks(body))
    }

    #[test]
    fn lead_sentences_skip_byline_heading_and_quotes() {
        let body = "Posted by\n\nBig News Heading\n\nDr. Smith opened the U.S. forum on energy in Boston. \
                    “This is a quote that takes up the whole sentence,” he said. \
                    Delegates from 30 countries attended the two-day event.";
        assert_eq!(
            summary(body).as_deref(),
            Some(
                "Dr. Smith opened the U.S. forum on energy in Boston. Delegates from 30 countries attended the two-day event."
            )
        );
    }

    #[test]
    fn dateline_is_stripped() {
        assert_eq!(
            summary("LISBON — The annual Web Summit kicked off in Lisbon on Monday.").as_deref(),
            Some("The annual Web Summit kicked off in Lisbon on Monday.")
        );
    }

    #[test]
    fn a_list_ends_the_lead() {
        let body = "The forum opened in Kyiv on Monday. It drew many guests from abroad.\n\nTopics:\n- A\n- B\n\n\
                    Registration is open at www.example.org for everyone.";
        assert_eq!(
            summary(body).as_deref(),
            Some("The forum opened in Kyiv on Monday. It drew many guests from abroad.")
        );
    }

    #[test]
    fn at_most_three_sentences_and_capped() {
        let body = "One two three four five. Six seven eight nine ten. Eleven twelve thirteen fourteen fifteen. \
                    Sixteen seventeen eighteen nineteen twenty.";
        assert_eq!(summary(body).map(|s| sentences(&s).len()), Some(3));
        let long = "word ".repeat(200) + "end.";
        assert!(summary(&long).is_some_and(|s| s.chars().count() <= MAX_CHARS));
    }

    #[test]
    fn empty_or_garbage_gives_none() {
        assert_eq!(summary(""), None);
        assert_eq!(summary("“ ” “"), None);
    }
}
