//! Finding quoted spans in a paragraph: pairs double quote marks (straight, curly, guillemets, low-9)
//! into opener/closer spans, using the characters around each mark to decide its direction.
//!
//! Press text is sloppy: a title may open with “ and "close" with another “, straight quotes have no
//! direction at all, and a mark may be left unclosed. Direction therefore comes from context (a mark
//! glued to the preceding word and followed by a space or punctuation closes), and unmatched marks are
//! dropped instead of swallowing the rest of the paragraph.

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

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Dir {
    Open,
    Close,
}

/// Whether `c` is a double quote mark of any style.
pub(crate) fn is_quote_mark(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '„' | '«' | '»' | '‟' | '〝' | '〞')
}

/// Characters that may sit right before an opening mark ("(“", "—“") or right after a closing one.
fn is_space_like(c: Option<char>, closing_side: bool) -> bool {
    match c {
        None => true,
        Some(c) if c.is_whitespace() => true,
        Some(c) if closing_side => matches!(c, '.' | ',' | ';' | ':' | '!' | '?' | ')' | ']' | '}' | '—' | '–' | '-' | '…'),
        Some(c) => matches!(c, '(' | '[' | '{' | '—' | '–' | '-' | '/'),
    }
}

/// Direction of the mark `c` given its neighbours, or `None` for a mark floating between spaces.
fn direction(prev: Option<char>, c: char, next: Option<char>) -> Option<Dir> {
    let open_ctx = is_space_like(prev, false);
    let close_ctx = is_space_like(next, true);
    match c {
        // Straight quotes have no shape: context decides.
        '"' => match (open_ctx, close_ctx) {
            (true, false) => Some(Dir::Open),
            (false, _) => Some(Dir::Close),
            (true, true) => None,
        },
        // Opening shapes, unless clearly glued to the end of a word (the stray “ closing a title, or
        // the German „…“ convention).
        '“' | '„' | '«' | '‟' | '〝' => {
            if !open_ctx && close_ctx {
                Some(Dir::Close)
            } else {
                Some(Dir::Open)
            }
        }
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

/// All quoted spans of `text`, in order, non-overlapping. An opener followed by another opener before
/// any closer is treated as stray and dropped; a closer without an opener is ignored.
pub(crate) fn spans(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut open: Option<(usize, usize)> = None;
    let mut prev: Option<char> = None;
    let mut iter = text.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        let next = iter.peek().map(|&(_, n)| n);
        if is_quote_mark(c) {
            match direction(prev, c, next) {
                Some(Dir::Open) => open = Some((i, i + c.len_utf8())),
                Some(Dir::Close) => {
                    if let Some((o, inner_start)) = open.take() {
                        out.push(Span {
                            open: o,
                            inner_start,
                            inner_end: i,
                            close_end: i + c.len_utf8(),
                        });
                    }
                }
                None => {}
            }
        }
        prev = Some(c);
    }
    out
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
        assert_eq!(inners("«Bonjour», dit-il. „Hallo“ sagte er."), vec!["Bonjour", "Hallo"]);
    }

    #[test]
    fn stray_opening_mark_closes_a_title() {
        let t = "a report entitled “Winners & Losers In The EU’s Digital Connectivity“.";
        assert_eq!(inners(t), vec!["Winners & Losers In The EU’s Digital Connectivity"]);
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
}
