//! Renders a [`Response`] as terminal text: wrapped to a width, optionally with ANSI styling.
//!
//! Pure: `Response` in, `String` out. Control characters in briefing text are replaced, so a briefing cannot
//! move the cursor or recolour the terminal of whoever reads it.

use textwrap::Options;

use crate::i18n::Lang;
use crate::response::{Block, Inline, Page, Response, Span};
use crate::tr;

/// How to draw.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Style {
    pub color: bool,
    pub width: usize,
}

impl Default for Style {
    fn default() -> Self {
        Style {
            color: false,
            width: 80,
        }
    }
}

const BOLD: &str = "\x1b[1m";
const DIM: &str = "\x1b[2m";
const ITALIC: &str = "\x1b[3m";
const CYAN: &str = "\x1b[36m";
const UNDERLINE: &str = "\x1b[4m";
const RESET: &str = "\x1b[0m";

pub fn render(response: &Response, style: Style) -> String {
    let mut out = Vec::new();
    render_blocks(&response.blocks, style, &mut out);
    if let Some(page) = &response.page {
        out.push(page_line(response.lang, page, style));
    }
    if let Some(post) = &response.post {
        let rule = "─".repeat(style.width.clamp(20, 60));
        out.push(paint(style, DIM, &rule));
        render_blocks(&post.blocks, style, &mut out);
        out.push(paint(style, DIM, &rule));
    }
    let mut text = out.join("\n\n");
    text.push('\n');
    text
}

fn render_blocks(blocks: &[Block], style: Style, out: &mut Vec<String>) {
    for block in blocks {
        let rendered = render_block(block, style);
        if !rendered.trim().is_empty() {
            out.push(rendered);
        }
    }
}

fn render_block(block: &Block, style: Style) -> String {
    match block {
        Block::Title { text, url } => {
            let text = clean(text);
            let mut s = wrap(&paint(style, BOLD, &text), style.width, "", "");
            let underline = s.lines().map(textwrap::core::display_width).max().unwrap_or(0);
            s.push('\n');
            s.push_str(&paint(style, DIM, &"═".repeat(underline.min(style.width))));
            if let Some(url) = url {
                s.push('\n');
                s.push_str(&paint(style, DIM, &clean(url)));
            }
            s
        }
        Block::Fields { fields } => {
            let label_width = fields.iter().map(|(l, _)| l.chars().count()).max().unwrap_or(0);
            fields
                .iter()
                .map(|(label, value)| {
                    let pad = " ".repeat(label_width - label.chars().count());
                    let first = format!("  {}{pad}  ", paint(style, BOLD, &clean(label)));
                    let rest = " ".repeat(label_width + 4);
                    wrap(&clean(value), style.width, &first, &rest)
                })
                .collect::<Vec<_>>()
                .join("\n")
        }
        Block::Paragraph { text } => wrap(&inline(text, style), style.width, "", ""),
        Block::Quote {
            text,
            speaker,
            role,
            event,
        } => {
            let body = wrap(&format!("“{}”", clean(text)), style.width, "  ", "   ");
            let mut who = format!("— {}", clean(speaker));
            if let Some(role) = role {
                who.push_str(&format!(", {}", clean(role)));
            }
            if let Some(event) = event {
                who.push_str(&format!(" ({})", clean(event)));
            }
            format!(
                "{}\n{}",
                paint(style, ITALIC, &body),
                wrap(&who, style.width, "    ", "      ")
            )
        }
        Block::List {
            heading,
            items,
            ordered,
        } => {
            let mut lines = Vec::new();
            if let Some(h) = heading {
                lines.push(paint(style, BOLD, &clean(h)));
            }
            let digits = items.len().to_string().len();
            for (i, item) in items.iter().enumerate() {
                let marker = if *ordered {
                    format!("{:>digits$}.", i + 1)
                } else {
                    "•".into()
                };
                let first = format!("  {marker} ");
                let rest = " ".repeat(first.chars().count());
                lines.push(wrap(&inline(item, style), style.width, &first, &rest));
            }
            lines.join("\n")
        }
        Block::Entry {
            title,
            id,
            detail,
            text,
        } => {
            let mut head = paint(style, BOLD, &clean(title));
            if let Some(id) = id {
                head.push_str(&format!("  {}", paint(style, CYAN, &format!("[{}]", clean(id)))));
            }
            let mut lines = vec![wrap(&head, style.width, "• ", "  ")];
            if let Some(d) = detail {
                lines.push(wrap(&paint(style, DIM, &clean(d)), style.width, "  ", "  "));
            }
            if let Some(t) = text {
                lines.push(wrap(&inline(t, style), style.width, "  ", "  "));
            }
            lines.join("\n")
        }
        Block::Links { links } => links
            .iter()
            .map(|(title, url)| {
                let url = paint(style, UNDERLINE, &clean(url));
                wrap(&format!("{}: {url}", clean(title)), style.width, "  ↗ ", "    ")
            })
            .collect::<Vec<_>>()
            .join("\n"),
        Block::Note { text } => wrap(&paint(style, DIM, &inline(text, style)), style.width, "", ""),
    }
}

fn page_line(lang: Lang, page: &Page, style: Style) -> String {
    let mut s = tr!(
        lang,
        "page-line",
        page = page.page,
        pages = page.pages,
        total = page.total
    );
    if let Some(next) = &page.next {
        s.push(' ');
        s.push_str(&tr!(lang, "page-next", command = code(&next.to_line(), style)));
    }
    if let Some(prev) = &page.prev {
        s.push(' ');
        s.push_str(&tr!(
            lang,
            "page-previous",
            command = code(&prev.to_line(), style)
        ));
    }
    wrap(&paint(style, DIM, &s), style.width, "", "")
}

fn inline(text: &Inline, style: Style) -> String {
    text.0
        .iter()
        .map(|span| match span {
            Span::Plain(t) => clean(t),
            Span::Strong(t) => paint(style, BOLD, &clean(t)),
            Span::Emphasis(t) => paint(style, ITALIC, &clean(t)),
            Span::Code(t) => code(&clean(t), style),
            Span::Link { text, url } => format!("{} <{}>", clean(text), clean(url)),
        })
        .collect()
}

/// Something to type: backquoted without colour so it stands out either way.
fn code(text: &str, style: Style) -> String {
    if style.color {
        paint(style, CYAN, text)
    } else {
        format!("`{text}`")
    }
}

fn paint(style: Style, code: &str, text: &str) -> String {
    if style.color && !text.is_empty() {
        format!("{code}{text}{RESET}")
    } else {
        text.to_string()
    }
}

fn wrap(text: &str, width: usize, first: &str, rest: &str) -> String {
    // Never break inside hyphenated names ("Infoforum-China", "Anti-Corruption").
    let options = Options::new(width.max(20))
        .initial_indent(first)
        .subsequent_indent(rest)
        .word_splitter(textwrap::WordSplitter::NoHyphenation);
    textwrap::fill(text, options)
}

/// Replaces control characters (escape sequences, carriage returns) that would act on the terminal.
fn clean(text: &str) -> String {
    if !text.chars().any(|c| c.is_control() && c != '\n') {
        return text.to_string();
    }
    text.chars()
        .map(|c| {
            if c.is_control() && c != '\n' {
                if c == '\t' { ' ' } else { '\u{FFFD}' }
            } else {
                c
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_in_text_are_neutralised() {
        let r = Response::answer(vec![Block::Paragraph {
            text: Inline::plain("a\x1b[2Jb\rc"),
        }]);
        let out = render(
            &r,
            Style {
                color: true,
                width: 80,
            },
        );
        assert!(!out.contains("\x1b[2J") && !out.contains('\r'), "{out:?}");
        assert!(out.contains("a\u{FFFD}[2Jb\u{FFFD}c"));
    }

    #[test]
    fn long_lines_wrap_with_hanging_indent() {
        let items = vec![Inline::plain("word ".repeat(30))];
        let r = Response::answer(vec![Block::List {
            heading: None,
            items,
            ordered: false,
        }]);
        let out = render(
            &r,
            Style {
                color: false,
                width: 40,
            },
        );
        assert!(out.lines().all(|l| l.chars().count() <= 40), "{out}");
        assert!(out.lines().nth(1).unwrap().starts_with("    word"), "{out}");
    }
}
