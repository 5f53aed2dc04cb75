//! Messages as a test user reads them ([`Seen`]), and the message contents a test user sends.
//!
//! Contents are built here as the JSON Element sends, so one builder serves plain rooms (raw API) and
//! encrypted ones (matrix-sdk encrypts the same JSON).

use serde_json::{Value, json};

/// One `m.room.message` as a user saw it, decrypted where it was encrypted.
#[derive(Debug, Clone, PartialEq)]
pub struct Seen {
    pub event_id: String,
    pub sender: String,
    /// `m.text`, `m.notice`...; empty when it could not be decrypted.
    pub msgtype: String,
    pub body: String,
    /// The HTML body, when `format` is `org.matrix.custom.html`.
    pub formatted_body: Option<String>,
    /// `m.relates_to.m.in_reply_to.event_id`: a reply, or a thread's fallback for clients without threads.
    pub in_reply_to: Option<String>,
    /// The thread root, when the relation is `m.thread`.
    pub thread_root: Option<String>,
    /// The edited event, when the relation is `m.replace`.
    pub replaces: Option<String>,
    /// `m.mentions`, when the event carried it.
    pub mentions: Option<Mentions>,
    /// Sent as `m.room.encrypted`.
    pub encrypted: bool,
    /// Encrypted, and this user had no key for it (yet).
    pub undecryptable: bool,
    pub origin_server_ts: u64,
    /// The whole (decrypted) content, for anything not above.
    pub content: Value,
}

/// `m.mentions`: who a message pings.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Mentions {
    pub user_ids: Vec<String>,
    pub room: bool,
}

impl Seen {
    /// Reads a client-format event: `m.room.message` (plain or decrypted), or `m.room.encrypted` that
    /// could not be decrypted. Anything else is not a message: `None`.
    pub fn from_event(event: &Value, encrypted: bool) -> Option<Seen> {
        let kind = event["type"].as_str()?;
        let undecryptable = kind == "m.room.encrypted";
        if kind != "m.room.message" && !undecryptable {
            return None;
        }
        let content = event["content"].clone();
        let text = |v: &Value| v.as_str().map(str::to_owned);
        let relates = &content["m.relates_to"];
        let rel_type = relates["rel_type"].as_str();
        let mentions = content.get("m.mentions").map(|m| Mentions {
            user_ids: m["user_ids"]
                .as_array()
                .map(|ids| ids.iter().filter_map(text).collect())
                .unwrap_or_default(),
            room: m["room"].as_bool().unwrap_or(false),
        });
        Some(Seen {
            event_id: text(&event["event_id"])?,
            sender: text(&event["sender"]).unwrap_or_default(),
            msgtype: if undecryptable {
                String::new()
            } else {
                text(&content["msgtype"]).unwrap_or_default()
            },
            body: if undecryptable {
                String::new()
            } else {
                text(&content["body"]).unwrap_or_default()
            },
            formatted_body: (content["format"] == "org.matrix.custom.html")
                .then(|| text(&content["formatted_body"]))
                .flatten(),
            in_reply_to: text(&relates["m.in_reply_to"]["event_id"]),
            thread_root: (rel_type == Some("m.thread"))
                .then(|| text(&relates["event_id"]))
                .flatten(),
            replaces: (rel_type == Some("m.replace"))
                .then(|| text(&relates["event_id"]))
                .flatten(),
            mentions,
            encrypted: encrypted || undecryptable,
            undecryptable,
            origin_server_ts: event["origin_server_ts"].as_u64().unwrap_or(0),
            content,
        })
    }

    /// The body without a reply fallback (the `> ` lines a reply quotes above its text).
    pub fn body_without_fallback(&self) -> &str {
        strip_reply_fallback(&self.body)
    }
}

/// The messages after the one with `event_id` (all of them if it is not there).
pub fn after<'a>(messages: &'a [Seen], event_id: &str) -> &'a [Seen] {
    match messages.iter().position(|m| m.event_id == event_id) {
        Some(i) => &messages[i + 1..],
        None => messages,
    }
}

/// A plain message of `msgtype` with no mentions, as a client that supports `m.mentions` sends it.
pub fn plain(msgtype: &str, body: &str) -> Value {
    json!({"msgtype": msgtype, "body": body, "m.mentions": {}})
}

/// A reply to `original` in `room` as Element sends it with a fallback: the quoted original in `body`
/// and in an `<mx-reply>` block of `formatted_body`, the replied-to sender in `m.mentions`.
pub fn reply(room: &str, original: &Seen, body: &str) -> Value {
    let quoted: String = strip_reply_fallback(&original.body)
        .lines()
        .enumerate()
        .map(|(i, line)| {
            if i == 0 {
                format!("> <{}> {line}\n", original.sender)
            } else {
                format!("> {line}\n")
            }
        })
        .collect();
    let original_html = original
        .formatted_body
        .clone()
        .unwrap_or_else(|| escape_html(&original.body));
    let formatted = format!(
        "<mx-reply><blockquote><a href=\"https://matrix.to/#/{room}/{event}\">In reply to</a> \
         <a href=\"https://matrix.to/#/{sender}\">{sender}</a><br />{original_html}</blockquote></mx-reply>{}",
        escape_html(body),
        event = original.event_id,
        sender = original.sender,
    );
    json!({
        "msgtype": "m.text",
        "body": format!("{quoted}\n{body}"),
        "format": "org.matrix.custom.html",
        "formatted_body": formatted,
        "m.relates_to": {"m.in_reply_to": {"event_id": original.event_id}},
        "m.mentions": {"user_ids": [original.sender]},
    })
}

/// A message in the thread of `root`; `latest` is the thread's newest event, which clients without
/// thread support show it as a reply to.
pub fn in_thread(body: &str, root: &str, latest: &str) -> Value {
    json!({
        "msgtype": "m.text",
        "body": body,
        "m.relates_to": {
            "rel_type": "m.thread",
            "event_id": root,
            "is_falling_back": true,
            "m.in_reply_to": {"event_id": latest},
        },
        "m.mentions": {},
    })
}

/// An edit of `original` to `new_body`: `m.new_content` for clients that apply edits, `* new_body` for
/// those that do not.
pub fn edit(original: &str, new_body: &str) -> Value {
    json!({
        "msgtype": "m.text",
        "body": format!("* {new_body}"),
        "m.new_content": {"msgtype": "m.text", "body": new_body, "m.mentions": {}},
        "m.relates_to": {"rel_type": "m.replace", "event_id": original},
        "m.mentions": {},
    })
}

/// `body` without its leading `> ` lines and the blank line after them.
pub fn strip_reply_fallback(body: &str) -> &str {
    if !body.starts_with("> ") {
        return body;
    }
    let mut rest = body;
    while rest.starts_with("> ") || rest.starts_with(">\n") {
        rest = rest.split_once('\n').map_or("", |(_, r)| r);
    }
    rest.strip_prefix('\n').unwrap_or(rest)
}

fn escape_html(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}
