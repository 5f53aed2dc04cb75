//! Text plumbing shared by the extractors: whitespace normalization, splitting a body into paragraph
//! and list blocks, news datelines, word lists, and char-boundary-safe slicing.
//!
//! Everything here is linear in the input and never slices on a non-char boundary, so the extractors
//! built on top can take arbitrary (even garbage) input.

use std::collections::HashSet;
use std::hash::{BuildHasherDefault, Hasher};

use regex::Regex;

use crate::transient::Transient;

/// One block of a body: a paragraph (its lines joined with single spaces) or a bulleted/numbered list.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Block {
    Para(String),
    List(Vec<String>),
}

/// Every paragraph and list item of the blocks, in order.
pub(crate) fn paragraphs(blocks: &[Block]) -> Vec<&str> {
    blocks
        .iter()
        .flat_map(|b| match b {
            Block::Para(p) => vec![p.as_str()],
            Block::List(items) => items.iter().map(String::as_str).collect(),
        })
        .collect()
}

/// Replaces the exotic spaces press sites sprinkle into text (no-break, thin, figure spaces, tabs) with
/// plain spaces and drops zero-width characters and carriage returns, keeping line breaks.
pub(crate) fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        // Printable ASCII is by far the most common case and needs no checks.
        if matches!(c, ' '..='~') {
            out.push(c);
            continue;
        }
        match c {
            '\r' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}' | '\u{ad}' => {}
            '\n' => out.push('\n'),
            c if c.is_whitespace() => out.push(' '),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// A photo caption's pointer after a name: "Jane Doe (pictured above), the president of …".
static CAPTION: Transient = Transient::new(|| {
    Regex::new(r"(?i) \((?:(?:pictured|photo|photographed|shown|seen)(?: (?:above|below|left|right|centre|center|here|top|bottom|at (?:left|right)|far (?:left|right)|second from (?:left|right)))?|left|right|centre|center|far (?:left|right)|second from (?:left|right))\)")
        .expect("caption regex")
});

/// `s` without the pointers to photos that stand between a name and its apposition or verb.
pub(crate) fn without_captions(s: String) -> String {
    if !s.contains(" (") {
        return s;
    }
    match CAPTION.get().replace_all(&s, "") {
        std::borrow::Cow::Owned(cut) => cut,
        std::borrow::Cow::Borrowed(_) => s,
    }
}

/// A page's stamp or byline in front of a paragraph ("date 2018-11-09", "【記者…報導】", "(吉隆坡27日讯)").
static STAMP: Transient = Transient::new(|| {
    Regex::new(
        r"^(?:date\s+\d{4}-\d{2}-\d{2}\s*|【[^】]{0,40}】\s*|[(（][^()（）]{1,24}(?:讯|訊|电|電)[)）]\s*)+",
    )
    .expect("stamp regex")
});

/// `p` without the page's stamps and bylines in front of it.
pub(crate) fn without_stamp(p: &str) -> &str {
    STAMP.get().find(p).map_or(p, |m| &p[m.end()..])
}

/// Collapses every run of whitespace to one space and trims the ends.
/// An acronym in any script: two or more capitals (IDB, МГУ, ОИЯИ), maybe with digits and hyphens.
pub(crate) fn is_acronym(word: &str) -> bool {
    let w = word.trim_matches(|c: char| !c.is_alphanumeric());
    w.chars().filter(|c| c.is_uppercase()).count() >= 2
        && w.chars()
            .all(|c| c.is_uppercase() || c.is_ascii_digit() || c == '-')
}

pub(crate) fn collapse_ws(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if c.is_whitespace() {
            space = !out.is_empty();
        } else {
            if space {
                out.push(' ');
                space = false;
            }
            out.push(c);
        }
    }
    out
}

/// The item text of a bullet or numbered list line, or `None` when the line is not a list item.
pub(crate) fn bullet_item(line: &str) -> Option<&str> {
    let t = line.trim_start();
    let mut chars = t.char_indices();
    let (_, first) = chars.next()?;
    if matches!(first, '•' | '-' | '*' | '–' | '—' | '·' | '▪' | '◦' | '‣' | '●') {
        let rest = &t[first.len_utf8()..];
        // A bullet must be followed by a space, so "-5 degrees" or "*emphasis*" stay prose.
        return rest.starts_with(' ').then(|| rest.trim());
    }
    // "(1)", "(iii)", "(b)": a number, a small roman numeral or one letter in brackets.
    if let Some(rest) = t.strip_prefix('(')
        && let Some((mark, rest)) = rest.split_once(')')
        && rest.starts_with(' ')
        && ((1..=3).contains(&mark.len()) && mark.bytes().all(|b| b.is_ascii_digit())
            || (1..=4).contains(&mark.len()) && mark.chars().all(|c| matches!(c, 'i' | 'v' | 'x'))
            || mark.len() == 1 && mark.bytes().all(|b| b.is_ascii_lowercase()))
    {
        return Some(rest.trim());
    }
    // "1." / "12)" / "3 )": at most three digits, so years like "2018." are not taken for numbering.
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=3).contains(&digits) {
        let rest = &t[digits..];
        let rest = rest.strip_prefix('.').or_else(|| rest.strip_prefix(')'))?;
        return rest.starts_with(' ').then(|| rest.trim());
    }
    None
}

/// Whether a line break after `line`, before `next`, continues a hard-wrapped paragraph: the line does not
/// end a sentence and the next one goes on in lowercase. Pages copied from the web put each paragraph,
/// heading and caption on a line of its own, with no blank line between them.
fn continues(line: &str, next: &str, wrapped: bool) -> bool {
    let next = next.trim_start();
    !ends_sentence(line)
        && next.chars().next().is_some_and(|c| {
            c.is_lowercase() || (wrapped && (c.is_uppercase() || matches!(c, '"' | '“' | '«')))
        })
        && (!wrapped || bullet_item(next).is_none())
}

/// Whether a line ends a sentence (closing marks and brackets aside).
fn ends_sentence(line: &str) -> bool {
    line.trim_end()
        .trim_end_matches(['"', '”', '’', '»', '」', '』', ')', '）'])
        .ends_with(['.', '!', '?', '…', '。', '！', '？', ':', '：'])
}

/// Whether a text is hard-wrapped (a plain-text release broken at a fixed width): most of its lines
/// that end mid-sentence go on in lowercase on the next line, three at least. There a line ending
/// mid-sentence continues even before a capital ("… economy minister Rubén\nMorales Monroy told …").
fn hard_wrapped(body: &str) -> bool {
    let lines: Vec<&str> = body.lines().collect();
    let (mut lower, mut open) = (0, 0);
    for pair in lines.windows(2) {
        let next = pair[1].trim_start();
        if pair[0].trim().is_empty() || next.is_empty() || ends_sentence(pair[0]) {
            continue;
        }
        open += 1;
        if next.chars().next().is_some_and(char::is_lowercase) {
            lower += 1;
        }
    }
    lower >= 3 && lower * 2 >= open
}

/// Splits a body into blocks. Blank lines separate paragraphs, and so does a line break unless it
/// [`continues`] a sentence; list lines form lists; a list that is only interrupted by blank lines
/// ("loose" list) stays one list.
pub(crate) fn blocks(body: &str) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::new();
    let mut para: Vec<&str> = Vec::new();
    let mut items: Vec<String> = Vec::new();
    // Whether the last non-blank line was a list item, so indented lines continue it.
    let mut in_item = false;

    fn flush_para(out: &mut Vec<Block>, para: &mut Vec<&str>) {
        let text = collapse_ws(&para.join(" "));
        para.clear();
        if !text.is_empty() {
            out.push(Block::Para(text));
        }
    }
    fn flush_list(out: &mut Vec<Block>, items: &mut Vec<String>) {
        if items.is_empty() {
            return;
        }
        let new: Vec<String> = items.drain(..).map(|i| collapse_ws(&i)).collect();
        if let Some(Block::List(prev)) = out.last_mut() {
            prev.extend(new);
        } else {
            out.push(Block::List(new));
        }
    }

    let wrapped = hard_wrapped(body);
    let mut lines = body.lines().peekable();
    while let Some(line) = lines.next() {
        if line.trim().is_empty() {
            flush_para(&mut out, &mut para);
            flush_list(&mut out, &mut items);
            continue;
        }
        if let Some(item) = bullet_item(line) {
            flush_para(&mut out, &mut para);
            items.push(item.to_string());
            in_item = true;
        } else if in_item && line.starts_with([' ', '\t']) && !items.is_empty() {
            if let Some(last) = items.last_mut() {
                last.push(' ');
                last.push_str(line.trim());
            }
        } else {
            flush_list(&mut out, &mut items);
            in_item = false;
            para.push(line.trim());
            if !lines.peek().is_some_and(|next| continues(line, next, wrapped)) {
                flush_para(&mut out, &mut para);
            }
        }
    }
    flush_para(&mut out, &mut para);
    flush_list(&mut out, &mut items);
    out
}

/// Whether a paragraph is the mark an excerpt ends with where its text was cut (`[TRUNCATED]`): no
/// words of the article.
pub(crate) fn is_cut_mark(p: &str) -> bool {
    p.trim() == "[TRUNCATED]"
}

/// The last at most `max` bytes of `s`, starting on a char boundary.
pub(crate) fn tail(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut i = s.len() - max;
    while !s.is_char_boundary(i) {
        i += 1;
    }
    &s[i..]
}

/// The first at most `max` bytes of `s`, ending on a char boundary.
pub(crate) fn head(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut i = max;
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    &s[..i]
}

/// A news dateline opening a paragraph ("SINGAPORE, 2 October 2019 – ", "LISBON — ",
/// "SAN FRANCISCO, March 3, 2020 /PRNewswire/ -- "): the city in title case and the byte length of
/// the whole prefix, separator included.
pub(crate) fn dateline(p: &str) -> Option<(String, usize)> {
    static CITY: Transient = Transient::new(|| {
        Regex::new(r"^(\p{Lu}{2,}(?:[ \-]\p{Lu}{2,}){0,3})(?:,|\s+[—–-]|\s*\()").expect("dateline regex")
    });
    static SEP: Transient = Transient::new(|| Regex::new(r"\s(?:--|–|—|-)\s+").expect("separator regex"));
    let city = CITY.get().captures(p)?.get(1)?.as_str();
    let sep = SEP.get().find(head(p, 120))?;
    // Between city and separator only a date, a region or a wire name: no lowercase words, so a
    // sentence opening with an acronym ("NASA, the agency, said – …") is not a dateline.
    let middle = p.get(city.len()..sep.start()).unwrap_or("");
    if middle
        .split_whitespace()
        .any(|w| w.chars().next().is_some_and(char::is_lowercase))
    {
        return None;
    }
    Some((title_case(city), sep.end()))
}

/// A word list written as one space-separated string, so long lists stay compact.
pub(crate) fn words(list: &'static str) -> WordSet {
    list.split_whitespace().collect()
}

/// A set of fixed words, hashed with [`WordHasher`].
pub(crate) type WordSet = HashSet<&'static str, BuildHasherDefault<WordHasher>>;

/// FxHash over bytes: word lookups run for every capitalized word of an article, and SipHash's
/// protection against crafted keys is pointless for a fixed list.
#[derive(Default)]
pub(crate) struct WordHasher(u64);

impl Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x517c_c1b7_2722_0a95);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// Whether `word`, lowercased and without trailing punctuation, is in `set`. Avoids allocating for
/// ASCII words, since this runs for every capitalized word of an article.
pub(crate) fn in_set(set: &WordSet, word: &str) -> bool {
    let w = word.trim_end_matches(['.', ',', ';', ':']);
    let mut buf = [0u8; 32];
    match buf.get_mut(..w.len()) {
        Some(b) if w.is_ascii() => {
            b.copy_from_slice(w.as_bytes());
            b.make_ascii_lowercase();
            std::str::from_utf8(b).is_ok_and(|l| set.contains(l))
        }
        _ => set.contains(w.to_lowercase().as_str()),
    }
}

/// Number of whitespace-separated words.
pub(crate) fn word_count(s: &str) -> usize {
    s.split_whitespace().count()
}

/// Whether `s` has at least `n` words, without counting them all.
pub(crate) fn has_words(s: &str, n: usize) -> bool {
    s.split_whitespace().nth(n.saturating_sub(1)).is_some()
}

/// Whether the first character of `s` is uppercase.
pub(crate) fn starts_upper(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}

/// A name written in capitals, in title case: "SAN FRANCISCO" → "San Francisco" (each word's first
/// letter kept, the rest lower case).
pub(crate) fn title_case(caps: &str) -> String {
    caps.split(' ')
        .map(|w| {
            let mut chars = w.chars();
            chars.next().map_or(String::new(), |c| {
                c.to_string() + chars.as_str().to_lowercase().as_str()
            })
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The matches of `re` with their groups: the fast engine finds each match, the slower one reads its
/// groups over the match alone.
pub(crate) fn captures<'h>(re: &Regex, text: &'h str) -> impl Iterator<Item = regex::Captures<'h>> {
    re.find_iter(text)
        .filter_map(move |m| re.captures_at(&text[..m.end()], m.start()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn acronyms_in_any_script() {
        assert!(is_acronym("МГУ") && !is_acronym("Мы"));
        assert!(is_acronym("IDB") && !is_acronym("Idb"));
    }

    #[test]
    fn a_caption_pointer_is_dropped_and_other_brackets_kept() {
        assert_eq!(
            without_captions("Ann Orrin (pictured above), the chair (left), spoke (in Vell).".to_string()),
            "Ann Orrin, the chair, spoke (in Vell)."
        );
    }

    #[test]
    fn normalize_replaces_exotic_spaces() {
        assert_eq!(normalize("a\u{a0}b\r\nc\u{200b}d\te"), "a b\ncd e");
    }

    #[test]
    fn bullets_and_numbers_are_recognized() {
        assert_eq!(bullet_item("  • Digital economy."), Some("Digital economy."));
        assert_eq!(bullet_item("- item"), Some("item"));
        assert_eq!(bullet_item("2) second"), Some("second"));
        assert_eq!(bullet_item("10. tenth"), Some("tenth"));
        assert_eq!(bullet_item("-5 degrees"), None);
        assert_eq!(bullet_item("2018. was a year"), None);
        assert_eq!(bullet_item("plain text"), None);
        assert_eq!(
            bullet_item("(1) Structure of the report"),
            Some("Structure of the report")
        );
        assert_eq!(
            bullet_item("(iii) Development of a network"),
            Some("Development of a network")
        );
        assert_eq!(bullet_item("(b) Second point"), Some("Second point"));
        assert_eq!(bullet_item("(Reuters) Leaders met"), None);
        assert_eq!(bullet_item("(2018) was a year"), None);
    }

    #[test]
    fn blocks_split_paragraphs_and_lists() {
        let body = "Intro line one\nline two.\nA line of its own\nAnother.\n\nTopics included:\n  • A\n  • B\n\n  • C\n\nEnd.";
        assert_eq!(
            blocks(body),
            vec![
                Block::Para("Intro line one line two.".into()),
                Block::Para("A line of its own".into()),
                Block::Para("Another.".into()),
                Block::Para("Topics included:".into()),
                Block::List(vec!["A".into(), "B".into(), "C".into()]),
                Block::Para("End.".into()),
            ]
        );
    }

    #[test]
    fn intro_line_directly_above_list_is_its_own_paragraph() {
        let body = "Sessions:\n- One\n  continued\n- Two";
        assert_eq!(
            blocks(body),
            vec![
                Block::Para("Sessions:".into()),
                Block::List(vec!["One continued".into(), "Two".into()]),
            ]
        );
    }

    #[test]
    fn slicing_helpers_respect_char_boundaries() {
        let s = "ab“cd”";
        for n in 0..=s.len() + 1 {
            let _ = tail(s, n);
            let _ = head(s, n);
        }
        assert_eq!(tail(s, 5), "cd”");
        assert_eq!(tail(s, 4), "d”");
        assert_eq!(head(s, 4), "ab");
    }

    #[test]
    fn datelines() {
        assert_eq!(dateline("LISBON — The annual"), Some(("Lisbon".into(), 11)));
        let p = "SAN FRANCISCO, March 3, 2020 /PRNewswire/ -- ACME Corp. today";
        assert_eq!(
            dateline(p).map(|(c, n)| (c, &p[n..])),
            Some(("San Francisco".into(), "ACME Corp. today"))
        );
        assert_eq!(dateline("NASA, the agency, said – maybe"), None);
        assert_eq!(dateline("The Summit opened – today"), None);
    }

    #[test]
    fn garbage_does_not_panic() {
        for s in [
            "",
            ".",
            "…",
            " . . ",
            "“",
            "\u{a0}.\u{a0}A",
            "1.",
            "•",
            "a.\u{301}B",
        ] {
            let _ = blocks(s);
        }
    }
}
