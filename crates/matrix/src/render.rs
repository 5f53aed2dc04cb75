//! A [`Response`] as Matrix messages: each a plain `body` and an `org.matrix.custom.html` `formatted_body`.
//!
//! Pure: no network, no matrix-sdk types. The HTML is built by escaping, never by sanitising: every piece of
//! briefing text goes through [`escape`], so the only tags in the output are the ones written here (`h3`, `p`,
//! `strong`, `em`, `code`, `a`, `ul`, `ol`, `li`, `blockquote`, `br`, `hr`), all on the spec's allowlist, and
//! links only ever point at `http(s)` URLs. Long answers are split by [`super::split`] into numbered parts.

use attache_core::i18n::{Lang, code};
use attache_core::response::{Block, Inline, Page, Post, Response, Span};
use attache_core::{tr, tr_inline};

use super::split::{self, Atom, Piece, Row, Shape};

/// One `m.room.message` event's text: the plain and the HTML rendering of the same content.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Message {
    pub body: String,
    pub formatted_body: String,
}

/// The reply to a command: its blocks and page line (a digest's card is posted apart, see [`render_post`]).
pub fn render(response: &Response) -> Vec<Message> {
    let mut pieces = blocks(&response.blocks);
    if let Some(page) = &response.page {
        pieces.extend(split::pieces(page_shape(response.lang, page)));
    }
    split::pack(pieces)
}

/// What a digest posts: the briefing's card.
pub fn render_post(post: &Post) -> Vec<Message> {
    split::pack(blocks(&post.blocks))
}

/// Bytes of `body` plus `formatted_body` in a posted digest or announcement: one event (so that one
/// `m.replace` corrects it), which encrypted and escaped stays far below the 65,536-byte limit.
pub const POST_MAX: usize = 30_000;

/// A posted digest or announcement as one event; content past [`POST_MAX`] is cut, marked with `…`.
pub fn render_one(response: &Response) -> Message {
    split::join(blocks(&response.blocks), POST_MAX)
}

fn blocks(blocks: &[Block]) -> Vec<Piece> {
    blocks.iter().flat_map(|b| split::pieces(shape(b))).collect()
}

/// A block as rows (the units it may be split at) inside its wrapping tags.
fn shape(block: &Block) -> Shape {
    match block {
        Block::Title { text, url } => title(text, url.as_deref()),
        Block::Fields { fields } => labelled(fields),
        Block::Paragraph { text } => Shape::wrapped("<p>", "</p>", vec![Row::new("", "", atoms(text))]),
        Block::Quote {
            text,
            speaker,
            role,
            event,
        } => quote(text, speaker, role.as_deref(), event.as_deref()),
        Block::List {
            heading,
            items,
            ordered,
        } => list(heading.as_deref(), items, *ordered),
        Block::Entry {
            title,
            id,
            detail,
            text,
        } => entry(title, id.as_deref(), detail.as_deref(), text.as_ref()),
        Block::Links { links } => link_list(links),
        Block::Note { text } => Shape::wrapped("<p><em>", "</em></p>", vec![Row::new("", "", atoms(text))]),
    }
}

/// A heading, linked when its URL is a web link; the plain body shows the URL on the next line.
fn title(text: &str, url: Option<&str>) -> Shape {
    let row = Row::new("", "", str_atoms(text));
    let Some(url) = url.filter(|u| is_web(u)) else {
        return Shape::wrapped("<h3>", "</h3>", vec![row]);
    };
    let mut shape = Shape::wrapped("<h3>", "</h3>", vec![row.tagged(link_open(url), "</a>")]);
    shape.tail = Some(plain_only(format!("\n{}", clean(url))));
    shape
}

/// `Label: value` lines, the labels in bold.
fn labelled(fields: &[(String, String)]) -> Shape {
    let rows = fields
        .iter()
        .enumerate()
        .map(|(i, (label, value))| {
            let mut atoms = vec![Atom::new(
                format!("{}: ", clean(label)),
                format!("<strong>{}</strong>: ", escape(label)),
            )];
            atoms.extend(str_atoms(value));
            Row::new(sep(i, "\n"), sep(i, "<br>"), atoms)
        })
        .collect();
    Shape::wrapped("<p>", "</p>", rows)
}

/// A quotation, then who said it (with their role, and the event when quotes of several are listed).
fn quote(text: &str, speaker: &str, role: Option<&str>, event: Option<&str>) -> Shape {
    let mut who = vec![Atom::new(
        format!("— {}", clean(speaker)),
        format!("— <strong>{}</strong>", escape(speaker)),
    )];
    if let Some(role) = role {
        who.push(both(format!(", {role}")));
    }
    if let Some(event) = event {
        who.push(both(format!(" ({event})")));
    }
    let who_plain: String = who.iter().map(|a| a.plain.as_str()).collect();
    let who_html: String = who.iter().map(|a| a.html.as_str()).collect();
    // No `> ` in the plain body: older clients strip such lines from replies as a reply fallback.
    let row = Row::new("", "", str_atoms(&format!("“{text}”")));
    let mut shape = Shape::wrapped("<blockquote><p>", "</p></blockquote>", vec![row]);
    shape.tail = Some(Atom::new(
        format!("\n  {who_plain}"),
        format!("<p>{who_html}</p>"),
    ));
    shape
}

/// A bulleted or numbered list under an optional bold heading; a numbered one split across messages keeps
/// counting.
fn list(heading: Option<&str>, items: &[Inline], ordered: bool) -> Shape {
    let rows = items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let marker = if ordered {
                format!("{}. ", i + 1)
            } else {
                "• ".to_string()
            };
            let mut row_atoms = vec![plain_only(marker)];
            row_atoms.extend(atoms(item));
            Row::new(sep(i, "\n"), "", row_atoms).tagged("<li>", "</li>")
        })
        .collect();
    let mut shape = if ordered {
        Shape::ordered(rows)
    } else {
        Shape::wrapped("<ul>", "</ul>", rows)
    };
    shape.head = heading.map(|h| {
        Atom::new(
            format!("{}\n", clean(h)),
            format!("<p><strong>{}</strong></p>", escape(h)),
        )
    });
    shape
}

/// An item of a result list: a bold title and what to type to open it, then a detail line and text.
fn entry(title: &str, id: Option<&str>, detail: Option<&str>, text: Option<&Inline>) -> Shape {
    let mut head = vec![plain_only("• ".into())];
    head.extend(
        str_atoms(title)
            .into_iter()
            .map(|a| Atom::new(a.plain, format!("<strong>{}</strong>", a.html))),
    );
    if let Some(id) = id {
        head.push(Atom::new(
            format!(" `{}`", clean(id)),
            format!(" <code>{}</code>", escape(id)),
        ));
    }
    let mut rows = vec![Row::new("", "", head)];
    if let Some(d) = detail {
        rows.push(Row::new("\n  ", "<br>", str_atoms(d)).tagged("<em>", "</em>"));
    }
    if let Some(t) = text {
        rows.push(Row::new("\n  ", "<br>", atoms(t)));
    }
    Shape::wrapped("<p>", "</p>", rows)
}

/// Titled links, one to a line; only a web link becomes an `href`, any other URL stays visible text.
fn link_list(links: &[(String, String)]) -> Shape {
    let rows = links
        .iter()
        .enumerate()
        .map(|(i, (title, url))| {
            let mut row_atoms = vec![plain_only("↗ ".into())];
            row_atoms.extend(str_atoms(title));
            let (shown, open, close) = if is_web(url) {
                (
                    plain_only(format!(": {}", clean(url))),
                    format!("<li>{}", link_open(url)),
                    "</a></li>",
                )
            } else {
                (both(format!(": {url}")), "<li>".to_string(), "</li>")
            };
            row_atoms.push(shown);
            Row::new(sep(i, "\n"), "", row_atoms).tagged(open, close)
        })
        .collect();
    Shape::wrapped("<ul>", "</ul>", rows)
}

/// Text shown the same in both bodies: cleaned in the plain one, escaped in the HTML.
fn both(text: String) -> Atom {
    Atom::new(clean(&text), escape(&text))
}

/// Text for the plain body only (a bullet, a number, a URL the HTML shows as a link).
fn plain_only(text: String) -> Atom {
    Atom::new(text, String::new())
}

/// The opening tag of a link to `url`, which must be a web link.
fn link_open(url: &str) -> String {
    format!("<a href=\"{}\">", escape(url))
}

/// The separator before row `i`: none before the first.
fn sep(i: usize, sep: &'static str) -> &'static str {
    if i == 0 { "" } else { sep }
}

fn page_shape(lang: Lang, page: &Page) -> Shape {
    let mut line = Inline::plain(tr!(
        lang,
        "page-line",
        page = page.page,
        pages = page.pages,
        total = page.total
    ));
    if let Some(next) = &page.next {
        line.0.push(Span::Plain(" ".into()));
        line.0
            .extend(tr_inline!(lang, "page-next", command = code(next.to_line())).0);
    }
    if let Some(prev) = &page.prev {
        line.0.push(Span::Plain(" ".into()));
        line.0
            .extend(tr_inline!(lang, "page-previous", command = code(prev.to_line())).0);
    }
    Shape::wrapped("<p><em>", "</em></p>", vec![Row::new("", "", atoms(&line))])
}

/// Plain text as atoms of whole sentences.
fn str_atoms(text: &str) -> Vec<Atom> {
    split::sentences(text)
        .into_iter()
        .map(|s| both(s.to_string()))
        .collect()
}

/// Inline text as atoms of whole sentences (styled spans keep their style in each part), so a paragraph too
/// long for one event splits between sentences.
fn atoms(text: &Inline) -> Vec<Atom> {
    let mut out = Vec::new();
    for span in &text.0 {
        match span {
            Span::Plain(t) | Span::Strong(t) | Span::Emphasis(t) => {
                for part in split::sentences(t) {
                    let piece = match span {
                        Span::Strong(_) => Span::Strong(part.to_string()),
                        Span::Emphasis(_) => Span::Emphasis(part.to_string()),
                        _ => Span::Plain(part.to_string()),
                    };
                    out.push(Atom::new(span_plain(&piece), span_html(&piece)));
                }
            }
            other => out.push(Atom::new(span_plain(other), span_html(other))),
        }
    }
    out
}

fn span_plain(span: &Span) -> String {
    match span {
        Span::Plain(t) | Span::Strong(t) | Span::Emphasis(t) => clean(t),
        Span::Code(t) => format!("`{}`", clean(t)),
        Span::Link { text, url } => format!("{} <{}>", clean(text), clean(url)),
    }
}

fn span_html(span: &Span) -> String {
    match span {
        Span::Plain(t) => escape(t),
        Span::Strong(t) => format!("<strong>{}</strong>", escape(t)),
        Span::Emphasis(t) => format!("<em>{}</em>", escape(t)),
        Span::Code(t) => format!("<code>{}</code>", escape(t)),
        Span::Link { text, url } if is_web(url) => format!("{}{}</a>", link_open(url), escape(text)),
        Span::Link { text, url } => format!("{} &lt;{}&gt;", escape(text), escape(url)),
    }
}

/// Only web links become `href`s: a `javascript:` or `mxc:` URL in a briefing stays visible text.
use attache_core::model::is_web_url as is_web;

/// Text for the HTML body: cleaned like the plain body ([`clean`]), then escaped, so briefing text can never
/// open a tag.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    for c in clean(text).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// Text for the plain body: control characters replaced, and a word joiner after each `@` that starts a
/// word. `m.mentions` (always empty here) is what decides pings for clients and servers that know it, but
/// the legacy push rules `.m.rule.roomnotif` and `.m.rule.contains_user_name` still match `@room` or a user
/// id in the plain body on older ones; briefing text quoting either must not notify a whole room. The
/// joiner is invisible and keeps the text readable.
pub fn clean(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 4);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\n' | '\t' => out.push(c),
            c if c.is_control() => out.push('\u{FFFD}'),
            '@' if chars.peek().is_some_and(|n| n.is_alphanumeric()) => {
                out.push('@');
                out.push('\u{2060}');
            }
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use attache_core::response::Status;

    #[test]
    fn briefing_text_cannot_open_tags_or_ping() {
        let r = Response::answer(vec![
            Block::Title {
                text: "<script>alert(1)</script> & co".into(),
                url: Some("javascript:alert(1)".into()),
            },
            Block::Paragraph {
                text: Inline::plain("Hey @room, ask @alice:example.org <b>now</b>\u{1b}[2J"),
            },
            Block::Links {
                links: vec![("x\" onclick=\"y".into(), "https://e.org/?a=\"b\"&c".into())],
            },
        ]);
        let m = render(&r);
        assert_eq!(m.len(), 1);
        let Message { body, formatted_body } = &m[0];
        assert!(!formatted_body.contains("<script") && !formatted_body.contains("<b>"));
        assert!(formatted_body.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; co"));
        assert!(!formatted_body.contains("javascript:alert(1)\""), "no href to it");
        assert!(formatted_body.contains("href=\"https://e.org/?a=&quot;b&quot;&amp;c\""));
        assert!(!formatted_body.contains("\" onclick"));
        for text in [body, formatted_body] {
            assert!(!text.contains("@room") && !text.contains("@alice"), "{text}");
            assert!(
                text.contains("@\u{2060}room") && !text.contains('\u{1b}'),
                "{text}"
            );
        }
        assert_eq!(clean("mail a@b.org"), "mail a@\u{2060}b.org");
        assert_eq!(clean("100 @ 5"), "100 @ 5", "a lone @ stays");
    }

    #[test]
    fn problems_render_like_answers() {
        let r = Response::problem(
            Status::Denied,
            Inline::default().code("reload").text(" is for admins only."),
            vec![Inline::plain("Ask an admin.")],
        );
        let m = render(&r);
        assert_eq!(m[0].body, "`reload` is for admins only.\n\nAsk an admin.");
        assert_eq!(
            m[0].formatted_body,
            "<p><code>reload</code> is for admins only.</p><p><em>Ask an admin.</em></p>"
        );
    }
}
