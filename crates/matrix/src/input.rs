//! What a message asks: the command line inside a message's text, if it holds one.
//!
//! A command is `<prefix><command> <args>`, or any message that starts by naming the bot: its display name,
//! localpart or user id (`attache: summary infoforum`), or a pill linking to it. Reply fallbacks (the quoted
//! `> ` lines of older clients, `<mx-reply>` in HTML) are stripped first, so replying to an answer with a
//! command works. Pure: text in, text out.

use matrix_sdk::ruma::{OwnedUserId, UserId};

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
        strip_reply_fallback(body)
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

/// The body without its reply fallback: the leading `>` lines and the blank line after them.
pub fn strip_reply_fallback(body: &str) -> &str {
    if !body.starts_with('>') {
        return body;
    }
    let mut rest = body;
    while rest.starts_with('>') {
        rest = match rest.split_once('\n') {
            Some((_, after)) => after,
            None => "",
        };
    }
    rest.strip_prefix('\n').unwrap_or(rest)
}

/// The HTML without its `<mx-reply>` fallback.
pub fn strip_mx_reply(html: &str) -> &str {
    match html.find("</mx-reply>") {
        Some(end) if html.trim_start().starts_with("<mx-reply>") => &html[end + "</mx-reply>".len()..],
        _ => html,
    }
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

/// The text of a pill to the bot at the very start of the HTML body (`<a href="https://matrix.to/#/@bot:…">`).
fn pill_text(formatted_body: Option<&str>, is_reply: bool, names: &Names) -> Option<String> {
    let mut html = formatted_body?;
    if is_reply {
        html = strip_mx_reply(html);
    }
    let html = html.trim_start();
    let html = html.strip_prefix("<p>").unwrap_or(html);
    let tag_end = html.strip_prefix("<a ")?.find('>')? + 3;
    let tag = &html[..tag_end];
    let href = tag.split("href=\"").nth(1)?.split('"').next()?;
    let target = href
        .strip_prefix("https://matrix.to/#/")
        .map(|t| t.replace("%40", "@").replace("%3A", ":").replace("%3a", ":"))
        .or_else(|| {
            href.strip_prefix("matrix:u/")
                .map(|u| format!("@{}", u.split('?').next().unwrap_or(u)))
        })?;
    if target.split('?').next()? != names.user_id.as_str() {
        return None;
    }
    let text = &html[tag_end + 1..];
    let text = &text[..text.find("</a>")?];
    Some(unescape(text))
}

/// The few entities a client writes in a pill's text.
fn unescape(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
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
        assert_eq!(
            strip_mx_reply("<mx-reply><blockquote>x</blockquote></mx-reply>!help"),
            "!help"
        );
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
    }
}
