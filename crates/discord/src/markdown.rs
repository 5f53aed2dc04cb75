//! Briefing text as Discord markdown: [`escape`] keeps text from turning into markdown or a mention,
//! [`inline`], [`block_markdown`] and [`block_text`] write a response's blocks, and [`truncate`] cuts to a
//! limit without breaking an escape. Pure; [`crate::render`] lays the results out within Discord's limits.

use attache_core::response::{Block, Inline, Span};

/// Paragraphs, quotes, unheaded lists and notes as description markdown.
pub fn block_markdown(block: &Block) -> String {
    match block {
        Block::Paragraph { text } => inline(text),
        Block::Quote {
            text,
            speaker,
            role,
            event,
        } => {
            let mut who = format!("— **{}**", escape(speaker));
            if let Some(r) = role {
                who.push_str(&format!(", {}", escape(r)));
            }
            if let Some(ev) = event {
                who.push_str(&format!(" ({})", escape(ev)));
            }
            format!("> “{}”\n> {who}", escape(text).replace('\n', "\n> "))
        }
        Block::List { items, ordered, .. } => list(items, *ordered),
        Block::Note { text } => format!("-# {}", inline(text).replace('\n', " ")),
        other => block_text(other),
    }
}

pub fn list(items: &[Inline], ordered: bool) -> String {
    items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            if ordered {
                format!("{}. {}", i + 1, inline(item))
            } else {
                format!("• {}", inline(item))
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

pub fn inline(text: &Inline) -> String {
    text.0
        .iter()
        .map(|span| match span {
            Span::Plain(t) => escape(t),
            Span::Strong(t) => format!("**{}**", escape(t)),
            Span::Emphasis(t) => format!("*{}*", escape(t)),
            Span::Code(t) => code(t),
            Span::Link { text, url } => link(text, url),
        })
        .collect()
}

/// A masked link: the text escaped, and a `)` in the URL encoded so it cannot end the link early.
pub fn link(text: &str, url: &str) -> String {
    format!("[{}]({})", escape(text), url.replace(')', "%29"))
}

/// Whether `url` is one Discord shows as a link (http or https, in any case): the core's one rule.
pub use attache_core::model::is_web_url as is_web;

/// A code span; a backtick inside would end it early, so it becomes an apostrophe.
pub fn code(text: &str) -> String {
    format!("`{}`", text.replace('`', "'"))
}

/// A block as plain text (for ephemeral problem replies and digest notes), escaped.
pub fn block_text(block: &Block) -> String {
    match block {
        Block::Title { text, .. } => format!("**{}**", escape(text)),
        Block::Paragraph { text } | Block::Note { text } => inline(text),
        Block::Fields { fields } => fields
            .iter()
            .map(|(k, v)| format!("**{}**: {}", escape(k), escape(v)))
            .collect::<Vec<_>>()
            .join("\n"),
        Block::Entry { title, id, .. } => {
            let id = id
                .as_deref()
                .map(|id| format!(" {}", code(id)))
                .unwrap_or_default();
            format!("• {}{id}", escape(title))
        }
        other => block_markdown(other),
    }
}

/// Escapes text so Discord shows it as written: markdown characters get a backslash, and mentions
/// (`@everyone`, `@here`, `<@id>`, `<@&id>`, `<#id>`) are broken with a zero-width space.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut line_start = true;
    for c in text.chars() {
        match c {
            // Brackets alone are enough to keep `[text](url)` from becoming a masked link.
            '\\' | '*' | '_' | '~' | '`' | '|' | '[' | ']' => {
                out.push('\\');
                out.push(c);
            }
            // Headings, block quotes and list markers only mean something at the start of a line.
            '#' | '>' | '-' | '+' if line_start => {
                out.push('\\');
                out.push(c);
            }
            '@' | '<' => {
                out.push(c);
                out.push('\u{200b}');
            }
            _ => out.push(c),
        }
        line_start = c == '\n' || (line_start && c == ' ');
    }
    out
}

/// Cuts `text` to at most `max` characters, ending with `…`, never inside an escape.
pub fn truncate(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let mut cut: String = text.chars().take(max.saturating_sub(1)).collect();
    // A trailing lone backslash would escape the ellipsis; a cut after a space looks unfinished.
    while cut.ends_with('\\') || cut.ends_with(char::is_whitespace) {
        cut.pop();
    }
    cut.push('…');
    cut
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mentions_and_markdown_in_briefing_text_are_neutralised() {
        let s = escape("@everyone see <@123> and **bold** _it_ `code` [x](y)\n# Heading\n> quote");
        assert!(!s.contains("@everyone") && !s.contains("<@1"), "{s}");
        assert!(
            s.contains("\\*\\*bold\\*\\*") && s.contains("\\_it\\_") && s.contains("\\`code\\`"),
            "{s}"
        );
        assert!(s.contains("\n\\# Heading") && s.contains("\n\\> quote"), "{s}");
        assert_eq!(escape("a-b #1"), "a-b #1", "mid-line characters stay");
    }

    #[test]
    fn truncation_never_leaves_a_dangling_escape() {
        let t = truncate(&escape(&"*".repeat(100)), 9);
        assert!(
            t.chars().count() <= 9 && !t.trim_end_matches('…').ends_with('\\'),
            "{t}"
        );
    }

    #[test]
    fn only_http_links_are_links_and_a_paren_cannot_end_one() {
        assert!(is_web("https://example.org") && is_web("HTTP://example.org"));
        assert!(!is_web("javascript:alert(1)") && !is_web("ftp://x") && !is_web(""));
        assert_eq!(
            link("a [b]", "https://x.example/a(b)"),
            "[a \\[b\\]](https://x.example/a(b%29)"
        );
    }
}
