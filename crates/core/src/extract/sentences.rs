//! Sentence and clause splitting in English, Russian and Chinese that survives abbreviations ("Dr.",
//! "U.S.", "e.g.", "им.", "тыс."), initials and decimals.
//!
//! A sentence ends at `.`, `!`, `?` or `…` before whitespace and a capital, digit, opening mark or dash
//! (Russian dialogue), and at the Chinese `。！？` wherever they stand. Sentences and clauses are returned as
//! sub-slices of the paragraph, so callers can compute their offsets. The scan is one pass over the bytes;
//! the backward look for an abbreviation stays within one word.

use std::sync::LazyLock;

use super::text::{WordSet, in_set, words};

/// Words that end with a period without ending a sentence (compared lowercase, without the period).
static ABBREVIATIONS: LazyLock<WordSet> = LazyLock::new(|| {
    words(
        "mr mrs ms dr prof sr jr st vs no nos fig gen gov sen rep capt col lt sgt mt ft approx dept univ \
         est vol pp jan feb mar apr jun jul aug sep sept oct nov dec ave messrs hon rev amb pres excl \
         incl cf ca art sec op им ул тыс млн млрд руб проф акад доц гг др пр стр ст",
    )
});

/// Whether the period at byte `dot` of `text` belongs to an abbreviation, an initial or a dotted
/// acronym ("Dr.", "J.", "U.S.", "e.g.") rather than ending a sentence.
fn is_abbreviation_dot(text: &str, dot: usize) -> bool {
    let before = &text[..dot];
    let word_start = before
        .rfind(|c: char| c.is_whitespace() || matches!(c, '(' | '[' | '"' | '“' | '«'))
        .map_or(0, |i| i + before[i..].chars().next().map_or(1, char::len_utf8));
    let word = &before[word_start..];
    if word.is_empty() {
        return false;
    }
    if word.contains('.') {
        // "U.S", "e.g", "a.m", "Ph.D", but not "example.com" before a new sentence.
        return word.split('.').all(|part| part.chars().count() <= 3);
    }
    let mut chars = word.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        return c.is_alphabetic(); // an initial: "John F. Kennedy"
    }
    in_set(&ABBREVIATIONS, word)
}

/// The byte length of a sentence-ending mark at `i`, and whether it ends a sentence wherever it stands
/// (the Chinese full stops do; `.!?…` need a space and a new sentence after them).
fn end_mark(bytes: &[u8], i: usize) -> Option<(usize, bool)> {
    match bytes[i] {
        b'.' | b'!' | b'?' => Some((1, false)),
        // "…" (E2 80 A6), "。" (E3 80 82), "！" (EF BC 81), "？" (EF BC 9F): `i` is a char boundary.
        0xE2 if bytes.get(i + 1..i + 3) == Some(&[0x80, 0xA6]) => Some((3, false)),
        0xE3 if bytes.get(i + 1..i + 3) == Some(&[0x80, 0x82]) => Some((3, true)),
        0xEF if matches!(bytes.get(i + 1..i + 3), Some(&[0xBC, 0x81] | &[0xBC, 0x9F])) => Some((3, true)),
        _ => None,
    }
}

/// Whether a period with no space after it still ends a sentence, as in pages whose line breaks were
/// lost ("участников СВО.Одновременно в …"): a word of two letters or more before it, and a capitalized
/// word after it. "U.S.Army", "J.Smith" and "3.5" stay whole.
fn glued_sentence(text: &str, dot: usize, rest: &str) -> bool {
    let mut next = rest.chars();
    let (Some(first), Some(second)) = (next.next(), next.next()) else {
        return false;
    };
    let before = text[..dot]
        .chars()
        .rev()
        .take_while(|c| c.is_alphabetic())
        .count();
    text.as_bytes()[dot] == b'.'
        && first.is_uppercase()
        && second.is_lowercase()
        && before >= 2
        && !is_abbreviation_dot(text, dot)
}

/// Whether a closing mark or bracket that follows a sentence end belongs to that sentence.
fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '”'
            | '’'
            | '\''
            | ')'
            | ']'
            | '»'
            | '“'
            | '.'
            | '!'
            | '?'
            | '」'
            | '』'
            | '）'
            | '】'
            | '！'
            | '？'
            | '。'
    )
}

/// Byte offsets just past each sentence end of `text` (see [`sentences`]), in order.
fn sentence_ends(text: &str) -> impl Iterator<Item = usize> + '_ {
    let bytes = text.as_bytes();
    let mut pos = 0;
    std::iter::from_fn(move || {
        while pos < bytes.len() {
            let i = pos;
            let Some((mark_len, always)) = end_mark(bytes, i) else {
                pos += 1;
                continue;
            };
            // Swallow closing marks that belong to this sentence.
            let mut end = i + mark_len;
            while let Some(d) = text[end..].chars().next().filter(|&d| is_closer(d)) {
                end += d.len_utf8();
            }
            pos = end;
            if always {
                return Some(end);
            }
            let rest = &text[end..];
            let trimmed = rest.trim_start();
            let next = trimmed.chars().next();
            // "值得期待!" before Chinese text ends a sentence without a space.
            // An ASCII "?" glued to Han characters on both sides ("喬治?布什") stands for a lost
            // character (a middle dot), not a question: Chinese asks with "？".
            let han = |c: char| crate::text::script(c) == crate::text::Script::Han;
            let lost = bytes[i] == b'?'
                && rest.chars().next().is_some_and(han)
                && text[..i].chars().next_back().is_some_and(han);
            if lost {
                continue;
            }
            let han_next = bytes[i] != b'.' && next.is_some_and(han);
            if trimmed.len() == rest.len() && !rest.is_empty() && !han_next && !glued_sentence(text, i, rest)
            {
                continue; // no whitespace after the mark: "3.5", "example.com"
            }
            let starts_new = next.is_none_or(|n| {
                n.is_uppercase()
                    || n.is_ascii_digit()
                    || matches!(n, '"' | '“' | '«' | '„' | '‘' | '—' | '–' | '「' | '『')
                    || crate::text::script(n) == crate::text::Script::Han
            });
            if starts_new && !(bytes[i] == b'.' && is_abbreviation_dot(text, i)) {
                return Some(end);
            }
        }
        None
    })
}

/// Splits a paragraph into sentences (trimmed, in order, as sub-slices of `text`). A sentence ends at
/// `.`, `!` or `?` (plus closing quotes/brackets) followed by whitespace and an uppercase letter, digit
/// or opening quote, except after abbreviations and initials.
pub(crate) fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    for end in sentence_ends(text).chain(std::iter::once(text.len())) {
        let sentence = text[start..end].trim();
        if !sentence.is_empty() {
            out.push(sentence);
        }
        start = end;
    }
    out
}

/// The first sentence of `text`, trimmed.
pub(crate) fn first_sentence(text: &str) -> &str {
    let end = sentence_ends(text).next().unwrap_or(text.len());
    text[..end].trim()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_survive_abbreviations_and_decimals() {
        let s = sentences(
            "Dr. Smith met Mr. Jones in the U.S. on Friday. Growth was 3.5 percent, e.g. in Asia. \
             John F. Kennedy spoke! Did he? “Yes.” Then it ended",
        );
        assert_eq!(
            s,
            vec![
                "Dr. Smith met Mr. Jones in the U.S. on Friday.",
                "Growth was 3.5 percent, e.g. in Asia.",
                "John F. Kennedy spoke!",
                "Did he?",
                "“Yes.”",
                "Then it ended",
            ]
        );
    }

    #[test]
    fn russian_and_chinese_sentences() {
        assert_eq!(
            sentences("Форум открыл проф. Иванов из МГУ им. М.В. Ломоносова. «Мы рады», — сказал он. — Да."),
            vec![
                "Форум открыл проф. Иванов из МГУ им. М.В. Ломоносова.",
                "«Мы рады», — сказал он.",
                "— Да."
            ]
        );
        assert_eq!(
            sentences("论坛在北京开幕。他表示：「值得期待!」会议将持续两天！是吗？好"),
            vec![
                "论坛在北京开幕。",
                "他表示：「值得期待!」",
                "会议将持续两天！",
                "是吗？",
                "好"
            ]
        );
    }

    #[test]
    fn a_period_glued_to_the_next_sentence_still_ends_one() {
        // Regression: pages that lost their line breaks ran two sentences into one topic list.
        assert_eq!(
            sentences("Обсудили меры поддержки участников СВО.Одновременно состоялся семинар."),
            vec![
                "Обсудили меры поддержки участников СВО.",
                "Одновременно состоялся семинар."
            ]
        );
        assert_eq!(
            sentences("The U.S.Army and J.Smith came."),
            vec!["The U.S.Army and J.Smith came."]
        );
        assert_eq!(sentences("It grew 3.5 times."), vec!["It grew 3.5 times."]);
    }

    #[test]
    fn domain_names_end_sentences() {
        assert_eq!(
            sentences("Register at www.example.org. Tickets are free."),
            vec!["Register at www.example.org.", "Tickets are free."]
        );
    }

    #[test]
    fn first_sentence_and_garbage() {
        assert_eq!(
            first_sentence("The CEO of Foo, Inc. The rest."),
            "The CEO of Foo, Inc."
        );
        for s in [
            "",
            ".",
            "…",
            " . . ",
            "“",
            "\u{a0}.\u{a0}A",
            "1.",
            "a.\u{301}B",
            "!!!?",
            "A. B. C.",
        ] {
            let _ = sentences(s);
            let _ = first_sentence(s);
        }
    }
}
