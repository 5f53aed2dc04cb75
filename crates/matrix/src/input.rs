//! What a message asks: the command line inside a message's text, if it holds one.
//!
//! A command is `<prefix><command> <args>`, or any message that starts by naming the bot: its display name,
//! localpart or user id (`attache: summary infoforum`), or a pill linking to it. Reply fallbacks (the quoted
//! `> ` lines of older clients, `<mx-reply>` in HTML) are stripped first, by ruma's own functions, so
//! replying to an answer with a command works. The HTML body is read with ruma-html's parser and a pill's
//! link with ruma's `MatrixToUri`/`MatrixUri`, never by searching the markup. Pure: text in, text out.

use matrix_sdk::ruma::events::room::message::sanitize::remove_plain_reply_fallback;
use matrix_sdk::ruma::matrix_uri::MatrixId;
use matrix_sdk::ruma::{MatrixToUri, MatrixUri, OwnedUserId, UserId};
use ruma_html::{Html, NodeRef, SanitizerConfig};

/// The names the bot answers to when a message starts with one: its user id (`@attache:example.org`), its
/// localpart (`attache`) and its display name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Names {
    pub user_id: OwnedUserId,
    pub display_name: Option<String>,
}

impl Names {
    pub fn new(user_id: &UserId, display_name: Option<String>) -> Names {
        Names {
            user_id: user_id.to_owned(),
            display_name: display_name.filter(|d| !d.trim().is_empty()),
        }
    }
}

/// The command line a message holds, without the prefix or the bot's name, or `None` when the message is
/// not for the bot. `is_reply` says whether the message has `m.in_reply_to`, so may carry a fallback.
pub fn command_line(
    body: &str,
    formatted_body: Option<&str>,
    is_reply: bool,
    prefix: &str,
    names: &Names,
) -> Option<String> {
    let body = if is_reply {
        remove_plain_reply_fallback(body)
    } else {
        body
    };
    let body = body.trim_start();
    let rest = match pill_text(formatted_body, is_reply, names)
        .and_then(|text| strip_name(body, &text))
        .or_else(|| mentioned(body, names))
    {
        // After the name, the prefix is optional: `attache: !help` and `attache: help` both work.
        Some(rest) => rest.strip_prefix(prefix).unwrap_or(rest),
        None => body.strip_prefix(prefix)?,
    };
    Some(rest.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// The body after a name the bot answers to, and the `:` or `,` after it; `None` if it does not start so.
fn mentioned<'a>(body: &'a str, names: &Names) -> Option<&'a str> {
    [
        Some(names.user_id.as_str()),
        names.display_name.as_deref(),
        Some(names.user_id.localpart()),
    ]
    .into_iter()
    .flatten()
    .find_map(|name| strip_name(body, name))
}

/// `body` without a leading `name` (ignoring case, with an optional `@`), which must end a word.
fn strip_name<'a>(body: &'a str, name: &str) -> Option<&'a str> {
    if name.is_empty() {
        return None;
    }
    let body = if name.starts_with('@') {
        body
    } else {
        body.strip_prefix('@').unwrap_or(body)
    };
    let head = body.get(..name.len())?;
    if !head.eq_ignore_ascii_case(name) && head.to_lowercase() != name.to_lowercase() {
        return None;
    }
    let rest = &body[name.len()..];
    match rest.chars().next() {
        None => Some(""),
        Some(':' | ',') => Some(rest[1..].trim_start()),
        Some(c) if c.is_whitespace() => Some(rest.trim_start()),
        Some(_) => None,
    }
}

/// The text of a pill to the bot at the very start of the HTML body (`<a href="https://matrix.to/#/@bot:…">`),
/// after the reply fallback when the message is a reply.
fn pill_text(formatted_body: Option<&str>, is_reply: bool, names: &Names) -> Option<String> {
    let html = Html::parse(formatted_body?);
    if is_reply {
        html.sanitize_with(&SanitizerConfig::new().remove_reply_fallback());
    }
    let mut first = first_node(html.children())?;
    if is_element(&first, "p") {
        first = first_node(first.children())?;
    }
    let href = href(&first)?;
    (linked_user(&href)? == names.user_id).then(|| text(&first))
}

/// The first node that is not blank text.
fn first_node(mut nodes: impl Iterator<Item = NodeRef>) -> Option<NodeRef> {
    nodes.find(|n| n.as_text().is_none_or(|t| !t.borrow().trim().is_empty()))
}

fn is_element(node: &NodeRef, name: &str) -> bool {
    node.as_element().is_some_and(|e| &*e.name.local == name)
}

/// The `href` of an `<a>` element.
fn href(node: &NodeRef) -> Option<String> {
    let link = node.as_element().filter(|e| &*e.name.local == "a")?;
    let attrs = link.attrs.borrow();
    attrs
        .iter()
        .find(|a| &*a.name.local == "href")
        .map(|a| a.value.to_string())
}

/// The user a link points at: `https://matrix.to/#/@user:server` (percent-encoded or not) or
/// `matrix:u/user:server`.
fn linked_user(href: &str) -> Option<OwnedUserId> {
    let id = match MatrixToUri::parse(href) {
        Ok(uri) => uri.id().clone(),
        Err(_) => MatrixUri::parse(href).ok()?.id().clone(),
    };
    match id {
        MatrixId::User(user) => Some(user),
        _ => None,
    }
}

/// The text inside a node, entities decoded.
fn text(node: &NodeRef) -> String {
    let mut out = String::new();
    let mut stack = vec![node.clone()];
    while let Some(node) = stack.pop() {
        match node.as_text() {
            Some(t) => out.push_str(&t.borrow()),
            None => {
                let children: Vec<NodeRef> = node.children().collect();
                stack.extend(children.into_iter().rev());
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names() -> Names {
        Names::new(
            matrix_sdk::ruma::user_id!("@attache:example.org"),
            Some("Attaché Bot".into()),
        )
    }

    fn line(body: &str) -> Option<String> {
        command_line(body, None, false, "!", &names())
    }

    #[test]
    fn prefix_and_names() {
        assert_eq!(line("!summary infoforum").as_deref(), Some("summary infoforum"));
        assert_eq!(line("  !help   sponsors ").as_deref(), Some("help sponsors"));
        assert_eq!(
            line("attache: summary infoforum").as_deref(),
            Some("summary infoforum")
        );
        assert_eq!(line("Attache, !help").as_deref(), Some("help"));
        assert_eq!(line("@attache:example.org: status").as_deref(), Some("status"));
        assert_eq!(line("attaché bot: events").as_deref(), Some("events"));
        assert_eq!(line("@attache topics x").as_deref(), Some("topics x"));
        assert_eq!(
            line("attache").as_deref(),
            Some(""),
            "the name alone asks for usage"
        );
        assert_eq!(line("attachement: hi"), None, "a longer word is not the name");
        assert_eq!(line("hello !help"), None);
        assert_eq!(line("summary infoforum"), None);
    }

    #[test]
    fn reply_fallbacks_are_stripped() {
        let body = "> <@alice:example.org> !summary infoforum\n> second line\n\n!topics infoforum";
        assert_eq!(
            command_line(body, None, true, "!", &names()).as_deref(),
            Some("topics infoforum")
        );
        // Not a reply: a quote is just text, and no command.
        assert_eq!(command_line(body, None, false, "!", &names()), None);
        let reply_to_command = "> <@alice:example.org> !summary infoforum\n\nthanks";
        assert_eq!(command_line(reply_to_command, None, true, "!", &names()), None);
    }

    #[test]
    fn pills_name_the_bot() {
        let html = "<a href=\"https://matrix.to/#/@attache:example.org\">Attaché Bot</a>: sponsors infoforum";
        let body = "Attaché Bot: sponsors infoforum";
        assert_eq!(
            command_line(body, Some(html), false, "!", &names()).as_deref(),
            Some("sponsors infoforum")
        );
        // A pill whose text is not one of the names still counts.
        let html = "<a href=\"https://matrix.to/#/%40attache%3Aexample.org\">The Bot</a> status";
        assert_eq!(
            command_line("The Bot status", Some(html), false, "!", &names()).as_deref(),
            Some("status")
        );
        // A pill to someone else does not.
        let html = "<a href=\"https://matrix.to/#/@bob:example.org\">The Bot</a> status";
        assert_eq!(
            command_line("The Bot status", Some(html), false, "!", &names()),
            None
        );
        let html = "<mx-reply><blockquote>q</blockquote></mx-reply><a href=\"https://matrix.to/#/@attache:example.org\">x</a>: help";
        assert_eq!(
            command_line("> <@a:b> q\n\nx: help", Some(html), true, "!", &names()).as_deref(),
            Some("help")
        );
        // Not a reply: the pill must open the message, and a fallback is not looked past.
        assert_eq!(command_line("x: help", Some(html), false, "!", &names()), None);
        // Inside a paragraph, with its text's entities decoded and a `matrix:` URI.
        let html =
            "<p> <a href='matrix:u/attache:example.org?action=chat'>Q&amp;A <em>bot</em></a>, help</p>";
        assert_eq!(
            command_line("Q&A bot, help", Some(html), false, "!", &names()).as_deref(),
            Some("help")
        );
        // A link to a room is no pill, whatever its text.
        let html = "<a href=\"https://matrix.to/#/!room:example.org\">The Bot</a> status";
        assert_eq!(
            command_line("The Bot status", Some(html), false, "!", &names()),
            None
        );
    }
}
