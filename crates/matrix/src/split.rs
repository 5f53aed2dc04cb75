//! Splitting a rendered answer into events that stay far below Matrix's 65,536-byte event limit.
//!
//! A block is a [`Shape`]: wrapping tags around rows (list items, fields, a paragraph), each row made of atoms
//! (sentences, or a sentence's pieces when one is huge). Blocks are packed whole into messages while they fit;
//! a block that does not fit the current message starts the next one, and a block larger than a whole message
//! is cut between rows, or between the sentences of a row, closing and reopening its tags. When there is more
//! than one message, each is numbered `(1/3)`. Pure, like the renderer.

use super::render::Message;

/// Bytes of `body` plus `formatted_body` per event, numbering included. With the rest of the event and JSON
/// escaping an event stays near 13 KB; encrypted (base64) near 18 KB, both far below 64 KiB.
pub const BODIES_MAX: usize = 12_000;
/// Room kept in every message for its `(i/n)` line.
const MARKER_RESERVE: usize = 64;
const BUDGET: usize = BODIES_MAX - MARKER_RESERVE;
/// Source bytes per atom. Escaping grows text at most about sixfold (`"` becomes `&quot;`), so an atom with
/// its tags always fits a message.
const ATOM_MAX: usize = 800;

/// A piece of text in both renderings.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Atom {
    pub plain: String,
    pub html: String,
}

impl Atom {
    pub fn new(plain: String, html: String) -> Atom {
        Atom { plain, html }
    }

    fn len(&self) -> usize {
        self.plain.len() + self.html.len()
    }
}

/// A unit a block may be split at: its separator from the previous row, its own tags and its atoms.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub sep_plain: &'static str,
    pub sep_html: &'static str,
    pub open: String,
    pub close: String,
    pub atoms: Vec<Atom>,
}

impl Row {
    pub fn new(sep_plain: &'static str, sep_html: &'static str, atoms: Vec<Atom>) -> Row {
        Row {
            sep_plain,
            sep_html,
            open: String::new(),
            close: String::new(),
            atoms,
        }
    }

    pub fn tagged(mut self, open: impl Into<String>, close: impl Into<String>) -> Row {
        self.open = open.into();
        self.close = close.into();
        self
    }
}

/// A block: an optional heading, rows inside wrapping tags, and an optional tail (a quote's attribution).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shape {
    pub head: Option<Atom>,
    pub open: &'static str,
    pub close: &'static str,
    /// An `<ol>`: a continuation opens with `start`, so numbering carries on.
    pub ordered: bool,
    pub rows: Vec<Row>,
    pub tail: Option<Atom>,
}

impl Shape {
    pub fn wrapped(open: &'static str, close: &'static str, rows: Vec<Row>) -> Shape {
        Shape {
            head: None,
            open,
            close,
            ordered: false,
            rows,
            tail: None,
        }
    }

    pub fn ordered(rows: Vec<Row>) -> Shape {
        Shape {
            ordered: true,
            ..Shape::wrapped("<ol>", "</ol>", rows)
        }
    }
}

/// A block, or the part of one, ready to pack.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    pub plain: String,
    pub html: String,
}

impl Piece {
    pub fn len(&self) -> usize {
        self.plain.len() + self.html.len()
    }
}

/// A block as one piece when it fits a message, else as several, each fitting.
pub fn pieces(shape: Shape) -> Vec<Piece> {
    let mut out = Vec::new();
    let tail_len = shape.tail.as_ref().map_or(0, Atom::len);
    let mut cur = Open::start(&shape, 0, true);
    for (ri, row) in shape.rows.iter().enumerate() {
        for (ai, atom) in row.atoms.iter().enumerate() {
            let starts_row = ai == 0 || cur.row.is_none();
            let mut cost = atom.len();
            if starts_row {
                cost += row.open.len() + row.close.len() + row.sep_plain.len() + row.sep_html.len();
            }
            if cur.has_content && cur.len() + cost + shape.close.len() + tail_len > BUDGET {
                out.push(cur.finish(&shape, None));
                cur = Open::start(&shape, ri, false);
            }
            cur.push(row, ri, atom);
        }
    }
    out.push(cur.finish(&shape, shape.tail.as_ref()));
    out
}

/// A piece being filled.
struct Open {
    plain: String,
    html: String,
    /// The row whose tags are open, and the tag that closes it.
    row: Option<usize>,
    row_close: String,
    has_content: bool,
}

impl Open {
    fn start(shape: &Shape, first_row: usize, first: bool) -> Open {
        let mut o = Open {
            plain: String::new(),
            html: String::new(),
            row: None,
            row_close: String::new(),
            has_content: false,
        };
        if first && let Some(head) = &shape.head {
            o.plain.push_str(&head.plain);
            o.html.push_str(&head.html);
        }
        if shape.ordered && first_row > 0 {
            o.html.push_str(&format!("<ol start=\"{}\">", first_row + 1));
        } else {
            o.html.push_str(shape.open);
        }
        o
    }

    fn len(&self) -> usize {
        self.plain.len() + self.html.len() + self.row_close.len()
    }

    fn push(&mut self, row: &Row, ri: usize, atom: &Atom) {
        if self.row != Some(ri) {
            self.html.push_str(&std::mem::take(&mut self.row_close));
            if self.has_content {
                self.plain.push_str(row.sep_plain);
                self.html.push_str(row.sep_html);
            }
            self.html.push_str(&row.open);
            self.row = Some(ri);
            self.row_close.clone_from(&row.close);
        }
        self.plain.push_str(&atom.plain);
        self.html.push_str(&atom.html);
        self.has_content = true;
    }

    fn finish(mut self, shape: &Shape, tail: Option<&Atom>) -> Piece {
        self.html.push_str(&self.row_close);
        self.html.push_str(shape.close);
        if let Some(tail) = tail {
            self.plain.push_str(&tail.plain);
            self.html.push_str(&tail.html);
        }
        Piece {
            plain: self.plain,
            html: self.html,
        }
    }
}

/// Packs pieces into messages, whole pieces per message while they fit, and numbers the messages when there
/// is more than one.
pub fn pack(pieces: Vec<Piece>) -> Vec<Message> {
    let mut messages: Vec<Piece> = Vec::new();
    for piece in pieces {
        if piece.plain.trim().is_empty() && piece.html.is_empty() {
            continue;
        }
        match messages.last_mut() {
            Some(m) if m.len() + 2 + piece.len() <= BUDGET => {
                m.plain.push_str("\n\n");
                m.plain.push_str(&piece.plain);
                m.html.push_str(&piece.html);
            }
            _ => messages.push(piece),
        }
    }
    let n = messages.len();
    messages
        .into_iter()
        .enumerate()
        .map(|(i, m)| {
            if n == 1 {
                Message {
                    body: m.plain,
                    formatted_body: m.html,
                }
            } else {
                Message {
                    body: format!("({}/{n})\n{}", i + 1, m.plain),
                    formatted_body: format!("<p>({}/{n})</p>{}", i + 1, m.html),
                }
            }
        })
        .collect()
}

/// Joins pieces into one message of at most `max` bytes of bodies: whole pieces while they fit, then `…`.
/// For a posted digest, which is one event so that one edit can replace it.
pub fn join(pieces: Vec<Piece>, max: usize) -> Message {
    let mut out = Piece {
        plain: String::new(),
        html: String::new(),
    };
    for piece in pieces {
        if piece.plain.trim().is_empty() && piece.html.is_empty() {
            continue;
        }
        if out.len() + 2 + piece.len() > max {
            out.plain.push_str("\n\n…");
            out.html.push_str("<p>…</p>");
            break;
        }
        if !out.plain.is_empty() {
            out.plain.push_str("\n\n");
        }
        out.plain.push_str(&piece.plain);
        out.html.push_str(&piece.html);
    }
    Message {
        body: out.plain,
        formatted_body: out.html,
    }
}

/// Text cut after each sentence (the whitespace stays with the sentence before it), and any sentence longer
/// than an atom cut at a space, or inside a word when there is none.
pub fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let ends =
            matches!(c, '.' | '!' | '?' | '…' | '。') && chars.peek().is_some_and(|(_, n)| n.is_whitespace());
        if ends {
            // Take the whitespace after the terminator too.
            let mut end = i + c.len_utf8();
            while let Some(&(j, w)) = chars.peek() {
                if !w.is_whitespace() {
                    break;
                }
                end = j + w.len_utf8();
                chars.next();
            }
            cut(&text[start..end], &mut out);
            start = end;
        }
    }
    if start < text.len() {
        cut(&text[start..], &mut out);
    }
    out
}

/// Cuts `text` into parts of at most [`ATOM_MAX`] bytes, at the last space before the limit when there is one.
fn cut<'a>(mut text: &'a str, out: &mut Vec<&'a str>) {
    while text.len() > ATOM_MAX {
        let mut at = ATOM_MAX;
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        if let Some(space) = text[..at].rfind(char::is_whitespace).filter(|&s| s > 0) {
            at = space + text[space..].chars().next().map_or(1, char::len_utf8);
        }
        out.push(&text[..at]);
        text = &text[at..];
    }
    if !text.is_empty() {
        out.push(text);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn atom(s: &str) -> Atom {
        Atom::new(s.to_string(), s.to_string())
    }

    #[test]
    fn sentences_keep_every_byte_in_order() {
        let text = "First one. Second?  Third!\nFourth… no end";
        let parts = sentences(text);
        assert_eq!(
            parts,
            vec!["First one. ", "Second?  ", "Third!\n", "Fourth… ", "no end"]
        );
        assert_eq!(parts.concat(), text);
        assert_eq!(sentences("v1.2 and e.g.x"), vec!["v1.2 and e.g.x"]);
        let long = "word ".repeat(500) + "é".repeat(1000).as_str();
        let parts = sentences(&long);
        assert!(
            parts.iter().all(|p| p.len() <= ATOM_MAX),
            "{:?}",
            parts.iter().map(|p| p.len()).collect::<Vec<_>>()
        );
        assert!(parts[0].ends_with("word "), "cut at a space");
        assert_eq!(parts.concat(), long);
    }

    #[test]
    fn a_list_too_long_for_one_message_continues_its_numbering() {
        let rows = (0..400)
            .map(|i| {
                Row::new(
                    if i == 0 { "" } else { "\n" },
                    "",
                    vec![atom(&format!("item number {i} of the list"))],
                )
                .tagged("<li>", "</li>")
            })
            .collect();
        let mut shape = Shape::ordered(rows);
        shape.head = Some(atom("Heading\n"));
        let parts = pieces(shape);
        assert!(parts.len() > 1);
        assert!(parts.iter().all(|p| p.len() <= BUDGET));
        assert!(parts[0].html.starts_with("Heading\n<ol><li>item number 0 "));
        let second = &parts[1].html;
        let first_item: usize = second["<ol start=\"".len()..]
            .split('"')
            .next()
            .unwrap()
            .parse()
            .unwrap();
        assert!(
            second.contains(&format!("<li>item number {} of", first_item - 1)),
            "{second:.80}"
        );
        assert!(parts.iter().all(|p| p.html.ends_with("</li></ol>")));
        assert!(
            !parts[1].plain.starts_with('\n'),
            "a continuation starts without a separator"
        );
    }

    #[test]
    fn pieces_pack_whole_and_messages_are_numbered() {
        let small = Piece {
            plain: "a".into(),
            html: "<p>a</p>".into(),
        };
        assert_eq!(pack(vec![small.clone(), small.clone()]).len(), 1);
        let big = Piece {
            plain: "b".repeat(BUDGET / 2),
            html: "c".repeat(BUDGET / 3),
        };
        let messages = pack(vec![small.clone(), big.clone(), big, small]);
        assert_eq!(
            messages.len(),
            2,
            "the second big piece starts a message and the small one joins it"
        );
        assert!(messages[0].body.starts_with("(1/2)\na\n\nbbb"));
        assert!(messages[1].formatted_body.starts_with("<p>(2/2)</p>ccc"));
        assert!(
            messages
                .iter()
                .all(|m| m.body.len() + m.formatted_body.len() <= BODIES_MAX)
        );
    }
}
