//! Markdown bodies to plain text, in the shape extraction and search expect: paragraphs separated by blank
//! lines, list items on lines of their own behind a `•`. Links are collected on the way.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use super::Link;

/// A Markdown body reduced to text.
#[derive(Debug, Default, PartialEq)]
pub struct PlainText {
    pub text: String,
    /// The first level-1 heading, a title candidate.
    pub heading: Option<String>,
    pub links: Vec<Link>,
}

pub fn to_plain_text(markdown: &str) -> PlainText {
    let mut out = PlainText::default();
    let mut heading: Option<String> = None;
    let mut link: Option<(String, String)> = None;
    let mut depth = 0usize;
    for event in Parser::new_ext(markdown, Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TABLES) {
        match event {
            Event::Start(Tag::Heading { level, .. })
                if level == pulldown_cmark::HeadingLevel::H1 && out.heading.is_none() =>
            {
                heading = Some(String::new());
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some(h) = heading.take() {
                    out.heading = Some(h.trim().to_string());
                }
                block_break(&mut out.text);
            }
            Event::Start(Tag::List(_)) => depth += 1,
            Event::End(TagEnd::List(_)) => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    block_break(&mut out.text);
                }
            }
            Event::Start(Tag::Item) => {
                line_break(&mut out.text);
                out.text.push_str(&"  ".repeat(depth.saturating_sub(1)));
                out.text.push_str("• ");
            }
            Event::End(TagEnd::Item) => line_break(&mut out.text),
            Event::End(TagEnd::Paragraph | TagEnd::BlockQuote(_) | TagEnd::CodeBlock | TagEnd::Table)
                if depth == 0 =>
            {
                block_break(&mut out.text);
            }
            Event::End(TagEnd::TableRow | TagEnd::TableHead) => line_break(&mut out.text),
            Event::End(TagEnd::TableCell) => out.text.push_str("  "),
            Event::Start(Tag::Link { dest_url, .. }) => link = Some((dest_url.to_string(), String::new())),
            Event::End(TagEnd::Link) => {
                if let Some((url, title)) = link.take()
                    && url.starts_with("http")
                {
                    let title = if title.trim().is_empty() {
                        url.clone()
                    } else {
                        title.trim().to_string()
                    };
                    out.links.push(Link { title, url });
                }
            }
            Event::Text(t) | Event::Code(t) | Event::InlineHtml(t) | Event::Html(t) => {
                out.text.push_str(&t);
                if let Some(h) = heading.as_mut() {
                    h.push_str(&t);
                }
                if let Some((_, title)) = link.as_mut() {
                    title.push_str(&t);
                }
            }
            Event::SoftBreak => out.text.push(' '),
            Event::HardBreak => out.text.push('\n'),
            _ => {}
        }
    }
    out.text = out.text.trim().to_string();
    out
}

fn line_break(text: &mut String) {
    if !text.is_empty() && !text.ends_with('\n') {
        text.push('\n');
    }
}

fn block_break(text: &mut String) {
    line_break(text);
    if !text.is_empty() && !text.ends_with("\n\n") {
        text.push('\n');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_lists_and_links() {
        let md = "# The Title\n\nFirst *para*\ncontinues.\n\nTopics:\n\n- One\n- Two [site](https://x.org)\n\nEnd.";
        let p = to_plain_text(md);
        assert_eq!(p.heading.as_deref(), Some("The Title"));
        assert_eq!(
            p.text,
            "The Title\n\nFirst para continues.\n\nTopics:\n\n• One\n• Two site\n\nEnd."
        );
        assert_eq!(
            p.links,
            vec![Link {
                title: "site".into(),
                url: "https://x.org".into()
            }]
        );
    }
}
