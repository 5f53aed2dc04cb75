//! Finding quoted spans in a paragraph: pairs double quote marks (straight, curly, guillemets, low-9)
//! into opener/closer spans, using the characters around each mark to decide its direction.
//!
//! Press text is sloppy: a title may open with “ and "close" with another “, straight quotes have no
//! direction at all, and a mark may be left unclosed. Direction therefore comes from context (a mark
//! glued to the preceding word and followed by a space or punctuation closes), and unmatched marks are
//! dropped instead of swallowing the rest of the paragraph.

use crate::transient::Transient;
use regex::Regex;

/// A quoted span in a paragraph, as byte offsets: `open..inner_start` is the opening mark,
/// `inner_end..close_end` the closing one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Span {
    pub open: usize,
    pub inner_start: usize,
    pub inner_end: usize,
    pub close_end: usize,
}

impl Span {
    /// The text between the marks.
    pub fn inner<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.inner_start..self.inner_end).unwrap_or("")
    }
}

/// Whether byte `at` lies between the marks of one of `spans` (a cue or a name inside a quoted title
/// or quoted speech states nothing about the event).
pub(crate) fn within(spans: &[Span], at: usize) -> bool {
    spans.iter().any(|q| q.inner_start <= at && at < q.inner_end)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Dir {
    Open,
    Close,
}

/// Whether `c` is a double quote mark of any style.
pub(crate) fn is_quote_mark(c: char) -> bool {
    matches!(
        c,
        '"' | '“' | '”' | '„' | '«' | '»' | '‟' | '〝' | '〞' | '「' | '」' | '『' | '』'
    )
}

/// Characters that may sit right before an opening mark ("(“", "—“") or right after a closing one.
fn is_space_like(c: Option<char>, closing_side: bool) -> bool {
    match c {
        None => true,
        Some(c) if c.is_whitespace() => true,
        Some(c) if closing_side => matches!(
            c,
            '.' | ',' | ';' | ':' | '!' | '?' | ')' | ']' | '}' | '—' | '–' | '-' | '…'
        ),
        Some(c) => matches!(c, '(' | '[' | '{' | '—' | '–' | '-' | '/'),
    }
}

/// Direction of the mark `c` given its neighbours, or `None` for a mark floating between spaces or
/// an apostrophe inside a word.
fn direction(prev: Option<char>, c: char, next: Option<char>) -> Option<Dir> {
    let open_ctx = is_space_like(prev, false);
    let close_ctx = is_space_like(next, true);
    match c {
        // CJK corner brackets always have a direction.
        '「' | '『' => Some(Dir::Open),
        '」' | '』' => Some(Dir::Close),
        // ASCII single quotes: an apostrophe inside a word ("isn't") is neither.
        '\'' => match (open_ctx, close_ctx) {
            (true, false) => Some(Dir::Open),
            (false, true) => Some(Dir::Close),
            _ => None,
        },
        // Straight quotes have no shape: context decides.
        '"' => match (open_ctx, close_ctx) {
            (true, false) => Some(Dir::Open),
            (false, _) => Some(Dir::Close),
            (true, true) => None,
        },
        // Opening shapes, unless clearly glued to the end of a word (the stray “ closing a title, or
        // the German „…“ convention).
        '“' | '„' | '«' | '‟' | '〝' | '‘' | '‚' => {
            if !open_ctx && close_ctx {
                Some(Dir::Close)
            } else {
                Some(Dir::Open)
            }
        }
        // ’ is mostly an apostrophe: it closes only at the end of a word.
        '’' => match (open_ctx, close_ctx) {
            (false, true) => Some(Dir::Close),
            (true, false) => Some(Dir::Open),
            _ => None,
        },
        // Closing shapes, unless clearly starting a word (some sites use ” on both sides).
        _ => {
            if open_ctx && !close_ctx {
                Some(Dir::Open)
            } else {
                Some(Dir::Close)
            }
        }
    }
}

/// Whether `after` (the text right after a mark glued to a word) starts with the rest of a contraction
/// or possessive: "s", "t", "re", "ll", "ve", "d", "m", then no letter ("it”s", "don”t", "they”re").
fn is_contraction(after: &str) -> bool {
    ["s", "t", "re", "ll", "ve", "d", "m"].iter().any(|suffix| {
        after
            .strip_prefix(suffix)
            .is_some_and(|rest| !rest.chars().next().is_some_and(char::is_alphabetic))
    })
}

/// Double and single quote marks; a regex finds them faster than a char-by-char scan.
static DOUBLE: Transient =
    Transient::new(|| Regex::new("[\"“”„«»‟〝〞「」『』]").expect("double quote regex"));
static SINGLE: Transient = Transient::new(|| Regex::new("[‘’‚]").expect("single quote regex"));
static ASCII_SINGLE: Transient = Transient::new(|| Regex::new("'").expect("ascii single regex"));

/// The closing mark of an opener whose quotes may nest inside it: Russian «…«…»…» or «…„…“…», Chinese
/// 「…『…』…」. Inside English “…” an opener means the earlier one was stray.
fn nesting_closer(open: char) -> Option<char> {
    match open {
        '«' => Some('»'),
        '「' => Some('」'),
        _ => None,
    }
}

/// Pairs the marks `marks` finds (a regex, so the text between marks is skipped quickly). Returns the
/// spans and the opener left unclosed at the end. A closer that may be a plural possessive ("the
/// workers' union", or "the Gardeners” Exchange" on a site that writes ” for ’) gives way to a later
/// closer before the next opener. Inside « » and 「 」, inner
/// quotes nest and the span runs to the outer closer.
fn pair(text: &str, marks: &Regex) -> (Vec<Span>, Option<(usize, usize)>) {
    let mut out: Vec<Span> = Vec::new();
    let mut open: Option<(usize, usize)> = None;
    // The outer mark's closer when it lets quotes nest, and how many inner quotes are open.
    let mut nest: Option<char> = None;
    let mut depth = 0usize;
    let mut possessive = false;
    for m in marks.find_iter(text) {
        let (i, end) = (m.start(), m.end());
        let Some(c) = m.as_str().chars().next() else {
            continue;
        };
        let prev = text[..i].chars().next_back();
        let next = text[end..].chars().next();
        // Some sites store every apostrophe as ”: "it”s", "they”re" are words, not closing marks.
        if c == '”' && prev.is_some_and(char::is_alphabetic) && is_contraction(&text[end..]) {
            continue;
        }
        // A straight mark with spaces on both sides (`" With …," he said`): it opens unless a quote
        // is open.
        // `— сказал он."Хотя …`: a straight mark glued to the end of a sentence and to the next word
        // opens a quote when none is open.
        let glued_open = c == '"'
            && open.is_none()
            && prev.is_some_and(|p| matches!(p, '.' | '!' | '?' | '…'))
            && next.is_some_and(char::is_alphabetic);
        let dir = if glued_open {
            Some(Dir::Open)
        } else {
            direction(prev, c, next)
        }
        .or_else(|| (c == '"').then_some(if open.is_some() { Dir::Close } else { Dir::Open }));
        if let Some(outer) = nest.filter(|_| open.is_some()) {
            match dir {
                Some(Dir::Close) if c == outer && depth == 0 => {}
                Some(Dir::Close) if depth > 0 => {
                    depth -= 1;
                    continue;
                }
                Some(Dir::Open) => {
                    depth += 1;
                    continue;
                }
                _ => continue,
            }
        }
        match dir {
            // `"… Выставка "Сделано" станет …".`: a straight opener inside a straight quote nests when
            // two straight closers follow, its own and the outer one's.
            Some(Dir::Open)
                if c == '"'
                    && open.is_some_and(|(o, _)| text[o..].starts_with('"'))
                    && straight_closers(text, end) >= 2 =>
            {
                nest = Some('"');
                depth = 1;
            }
            // An opener while another is open: the earlier one was stray.
            Some(Dir::Open) => {
                open = Some((i, end));
                nest = nesting_closer(c);
                depth = 0;
                possessive = false;
            }
            Some(Dir::Close) => {
                let closed = if let Some((o, inner_start)) = open.take() {
                    out.push(Span {
                        open: o,
                        inner_start,
                        inner_end: i,
                        close_end: end,
                    });
                    true
                } else if let Some(last) = out.last_mut().filter(|_| possessive) {
                    last.inner_end = i;
                    last.close_end = end;
                    true
                } else {
                    false
                };
                nest = None;
                // "the workers' union", and "the Gardeners” Exchange" where ” stands for apostrophes.
                possessive = closed && matches!(c, '\'' | '”') && prev == Some('s') && next == Some(' ');
            }
            None => {}
        }
    }
    (out, open)
}

/// How many straight marks after byte `from` of `text` close by their context.
fn straight_closers(text: &str, from: usize) -> usize {
    text[from..]
        .match_indices('"')
        .filter(|&(i, _)| {
            let at = from + i;
            direction(text[..at].chars().next_back(), '"', text[at + 1..].chars().next()) == Some(Dir::Close)
        })
        .count()
}

/// All quoted spans of `text`, in order, non-overlapping, plus the opening mark left unclosed at the
/// end (a quote that runs on into the next paragraph). Single quotes (‘…’ or '…') count only in
/// text with no double quotes, since ’ and ' are usually apostrophes.
pub(crate) fn spans_and_tail(text: &str) -> (Vec<Span>, Option<(usize, usize)>) {
    let (double, tail) = pair(text, &DOUBLE.get());
    if double.is_empty() && tail.is_none() {
        if text.contains(['‘', '‚']) {
            return (pair(text, &SINGLE.get()).0, None);
        }
        if text.contains('\'') {
            return (pair(text, &ASCII_SINGLE.get()).0, None);
        }
    }
    (double, tail)
}

/// The spans in marks that open `text` one after another, with only what `separator` accepts between two
/// of them ("“A”, “B” and “C”, focusing on …" gives the three titles).
pub(crate) fn leading_run(text: &str, separator: impl Fn(&str) -> bool) -> Vec<Span> {
    let mut run: Vec<Span> = Vec::new();
    for span in spans(text) {
        let joined = match run.last() {
            None => span.open == 0,
            Some(before) => separator(&text[before.close_end..span.open]),
        };
        if !joined {
            break;
        }
        run.push(span);
    }
    run
}

/// All quoted spans of `text`, in order, non-overlapping; see [`spans_and_tail`].
pub(crate) fn spans(text: &str) -> Vec<Span> {
    spans_and_tail(text).0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inners(text: &str) -> Vec<&str> {
        spans(text).iter().map(|s| s.inner(text)).collect()
    }

    #[test]
    fn curly_and_straight_pairs() {
        assert_eq!(inners("He said “yes” and \"no\"."), vec!["yes", "no"]);
        assert_eq!(
            inners("«Bonjour», dit-il. „Hallo“ sagte er."),
            vec!["Bonjour", "Hallo"]
        );
    }

    #[test]
    fn stray_opening_mark_closes_a_title() {
        let t = "a report entitled “Winners & Losers In The EU’s Digital Connectivity“.";
        assert_eq!(
            inners(t),
            vec!["Winners & Losers In The EU’s Digital Connectivity"]
        );
    }

    #[test]
    fn unmatched_opener_is_dropped() {
        assert_eq!(inners("“oops and then “real one” here"), vec!["real one"]);
        assert!(inners("“never closed").is_empty());
        assert!(inners("a \" b").is_empty());
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        assert_eq!(inners("Today’s “ICT” isn't new"), vec!["ICT"]);
    }

    #[test]
    fn right_double_marks_used_as_apostrophes() {
        let t = "“The Rivers” Guild is what we”re proud of,” Vell said. “It”s ours.” At Mora”s Quay.";
        assert_eq!(
            inners(t),
            vec!["The Rivers” Guild is what we”re proud of,", "It”s ours."]
        );
        // A closing mark glued to "said" still closes.
        assert_eq!(inners("“We are ready”said Vell."), vec!["We are ready"]);
    }

    #[test]
    fn single_quotes_only_without_double_quotes() {
        assert_eq!(inners("‘We don’t give up,’ she said."), vec!["We don’t give up,"]);
        assert_eq!(inners("‘a’ and “b”"), vec!["b"]);
    }

    #[test]
    fn ascii_single_quotes_skip_apostrophes() {
        let t = "'We're open, it isn't over,' said the workers' leader.";
        assert_eq!(inners(t), vec!["We're open, it isn't over,"]);
        let t = "'The workers' union is strong,' she said.";
        assert_eq!(inners(t), vec!["The workers' union is strong,"]);
        assert!(inners("the Workers' Association met").is_empty());
    }

    #[test]
    fn guillemets_and_corner_brackets_nest() {
        let t = "«Мы стали площадкой, где «приземляется» конференция и „живёт“ наука», – отметил он.";
        assert_eq!(
            inners(t),
            vec!["Мы стали площадкой, где «приземляется» конференция и „живёт“ наука"]
        );
        assert_eq!(
            inners("他說:「我們讀了『論語』。」然後"),
            vec!["我們讀了『論語』。"]
        );
        assert_eq!(
            inners("«Сохранение» и «Развитие»"),
            vec!["Сохранение", "Развитие"]
        );
    }

    #[test]
    fn cjk_corner_brackets() {
        assert_eq!(inners("「安心が先」 and 『Book』"), vec!["安心が先", "Book"]);
    }

    #[test]
    fn a_straight_mark_glued_to_a_sentence_end_and_a_word_opens() {
        assert_eq!(
            inners("\"Мы рады гостям\", — сказал он.\"Хотя гостей много\", — добавил он."),
            vec!["Мы рады гостям", "Хотя гостей много"]
        );
    }

    #[test]
    fn a_straight_quote_nests_inside_a_straight_quote_when_both_close() {
        assert_eq!(
            inners("\"Выставка \"Сделано в Казахстане\" станет импульсом\", – отметил он."),
            vec!["Выставка \"Сделано в Казахстане\" станет импульсом"]
        );
        // Two quotes in a row are two spans.
        assert_eq!(inners("She said \"yes\" and \"no\"."), vec!["yes", "no"]);
    }

    #[test]
    fn unclosed_opener_is_reported() {
        let (spans, tail) = spans_and_tail("He said: “First part of a long quote.");
        assert!(spans.is_empty());
        assert_eq!(tail, Some((9, 12)));
    }
}
