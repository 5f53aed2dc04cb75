//! Events in and out, as JSON: which timeline events are commands for the bot, and the content of an answer.
//!
//! Incoming events are read from their JSON (decrypted already, for encrypted rooms) into the few fields that
//! matter, and [`triage`] decides, purely, whether one is a command: never the bot's own messages, notices,
//! edits, or anything sent before the bot started. Answers are `m.notice` replies with an HTML body and an
//! empty `m.mentions`, so nothing the bot posts can ping anyone.

use serde::Deserialize;
use serde_json::{Value, json};

use attache_core::command::Role;
use attache_core::config::MatrixConfig;

use super::input::{self, Names};
use super::render::Message;

/// The parts of a timeline event the bot reads.
#[derive(Debug, Clone, Deserialize)]
pub struct Incoming {
    #[serde(rename = "type")]
    pub kind: String,
    pub event_id: String,
    pub sender: String,
    #[serde(default)]
    pub origin_server_ts: u64,
    pub state_key: Option<String>,
    #[serde(default)]
    pub content: Content,
    #[serde(default)]
    pub unsigned: Unsigned,
}

impl Incoming {
    /// Whether this is `user` joining (not a profile change of someone already joined).
    pub fn is_join_of(&self, user: &str) -> bool {
        self.kind == "m.room.member"
            && self.state_key.as_deref() == Some(user)
            && self.content.membership.as_deref() == Some("join")
            && self
                .unsigned
                .prev_content
                .as_ref()
                .and_then(|p| p.membership.as_deref())
                != Some("join")
    }
}

#[derive(Debug, Clone, Default, Deserialize)]
pub struct Unsigned {
    pub prev_content: Option<Content>,
}

#[derive(Debug, Clone, Default, Deserialize)]
pub struct Content {
    pub msgtype: Option<String>,
    pub body: Option<String>,
    pub format: Option<String>,
    pub formatted_body: Option<String>,
    #[serde(rename = "m.relates_to")]
    pub relates_to: Option<RelatesTo>,
    /// Of `m.room.member` events.
    pub membership: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
pub struct RelatesTo {
    pub rel_type: Option<String>,
    pub event_id: Option<String>,
    #[serde(rename = "m.in_reply_to")]
    pub in_reply_to: Option<InReplyTo>,
}

#[derive(Debug, Clone, Default, Deserialize)]
pub struct InReplyTo {
    pub event_id: Option<String>,
}

/// A command found in an event: the line for the engine, and where the answer goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    pub event_id: String,
    pub sender: String,
    pub line: String,
    /// The thread root when the command was sent in a thread.
    pub thread: Option<String>,
}

/// Why an event is not a command; only logged, at trace level.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Skip {
    Own,
    NotAMessage,
    Notice,
    Edit,
    /// Sent before the bot started: backlog, never answered.
    Old,
    NotForTheBot,
}

/// Decides whether `event` is a command for the bot. `started_ms` is the bot's start, in milliseconds since
/// the epoch; events from before it are backlog.
pub fn triage(event: &Incoming, names: &Names, prefix: &str, started_ms: u64) -> Result<Request, Skip> {
    if event.sender == names.user_id {
        return Err(Skip::Own);
    }
    if event.kind != "m.room.message" {
        return Err(Skip::NotAMessage);
    }
    let c = &event.content;
    let relation = c.relates_to.as_ref();
    if relation.and_then(|r| r.rel_type.as_deref()) == Some("m.replace") {
        return Err(Skip::Edit);
    }
    match c.msgtype.as_deref() {
        Some("m.notice") => return Err(Skip::Notice),
        Some("m.text") => {}
        _ => return Err(Skip::NotAMessage),
    }
    if event.origin_server_ts < started_ms {
        return Err(Skip::Old);
    }
    let is_reply = relation.is_some_and(|r| r.in_reply_to.is_some());
    let html = c
        .formatted_body
        .as_deref()
        .filter(|_| c.format.as_deref() == Some("org.matrix.custom.html"));
    let line = input::command_line(c.body.as_deref().unwrap_or(""), html, is_reply, prefix, names)
        .ok_or(Skip::NotForTheBot)?;
    let thread = relation
        .filter(|r| r.rel_type.as_deref() == Some("m.thread"))
        .and_then(|r| r.event_id.clone());
    Ok(Request {
        event_id: event.event_id.clone(),
        sender: event.sender.clone(),
        line,
        thread,
    })
}

/// The content of one answer event: an `m.notice` replying to the command (inside its thread, if any), with
/// no mentions. `reply_to` is `None` for a posted digest, which replies to nothing.
pub fn answer_content(message: &Message, reply_to: Option<&str>, thread: Option<&str>) -> Value {
    let mut content = json!({
        "msgtype": "m.notice",
        "body": message.body,
        "format": "org.matrix.custom.html",
        "formatted_body": message.formatted_body,
        "m.mentions": {},
    });
    let relation = match (thread, reply_to) {
        // A reply inside a thread: the thread relation, and the real reply it is (not a fallback), as the
        // spec's threading section asks.
        (Some(root), Some(event)) => Some(json!({
            "rel_type": "m.thread",
            "event_id": root,
            "is_falling_back": false,
            "m.in_reply_to": { "event_id": event },
        })),
        (Some(root), None) => Some(json!({
            "rel_type": "m.thread",
            "event_id": root,
            "is_falling_back": true,
            "m.in_reply_to": { "event_id": root },
        })),
        (None, Some(event)) => Some(json!({ "m.in_reply_to": { "event_id": event } })),
        (None, None) => None,
    };
    if let Some(relation) = relation {
        content["m.relates_to"] = relation;
    }
    content
}

/// The caller's role: admin by the list; moderator by the list or by a power level of at least the configured
/// one in the room (`None` when the room's power levels could not be read).
pub fn role(user: &str, power_level: Option<i64>, config: &MatrixConfig) -> Role {
    if config.is_admin(user) {
        Role::Admin
    } else if config.is_listed_moderator(user)
        || power_level.is_some_and(|p| p >= config.moderator_power_level)
    {
        Role::Moderator
    } else {
        Role::Member
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const STARTED: u64 = 1_700_000_000_000;

    fn names() -> Names {
        Names::new("@attache:example.org", None)
    }

    fn event(content: Value) -> Incoming {
        serde_json::from_value(json!({
            "type": "m.room.message",
            "event_id": "$cmd",
            "sender": "@alice:example.org",
            "origin_server_ts": STARTED + 5,
            "content": content,
        }))
        .unwrap()
    }

    fn check(content: Value) -> Result<Request, Skip> {
        triage(&event(content), &names(), "!", STARTED)
    }

    #[test]
    fn commands_and_what_is_never_answered() {
        let r = check(json!({"msgtype": "m.text", "body": "!summary infoforum"})).unwrap();
        assert_eq!((r.line.as_str(), r.thread), ("summary infoforum", None));
        assert_eq!(
            check(json!({"msgtype": "m.notice", "body": "!help"})),
            Err(Skip::Notice)
        );
        let edit = json!({"msgtype": "m.text", "body": " * !help", "m.new_content": {"msgtype": "m.text", "body": "!help"},
            "m.relates_to": {"rel_type": "m.replace", "event_id": "$old"}});
        assert_eq!(check(edit), Err(Skip::Edit));
        assert_eq!(
            check(json!({"msgtype": "m.text", "body": "hello"})),
            Err(Skip::NotForTheBot)
        );
        let mut old = event(json!({"msgtype": "m.text", "body": "!help"}));
        old.origin_server_ts = STARTED - 1;
        assert_eq!(triage(&old, &names(), "!", STARTED), Err(Skip::Old));
        let mut own = event(json!({"msgtype": "m.text", "body": "!help"}));
        own.sender = "@attache:example.org".into();
        assert_eq!(triage(&own, &names(), "!", STARTED), Err(Skip::Own));
        let threaded = json!({"msgtype": "m.text", "body": "!help",
            "m.relates_to": {"rel_type": "m.thread", "event_id": "$root", "is_falling_back": true, "m.in_reply_to": {"event_id": "$last"}}});
        assert_eq!(check(threaded).unwrap().thread.as_deref(), Some("$root"));
    }

    #[test]
    fn the_bots_own_join_is_told_from_a_profile_change() {
        let member = |prev: Value| -> Incoming {
            serde_json::from_value(json!({"type": "m.room.member", "event_id": "$j", "sender": "@attache:example.org",
                "state_key": "@attache:example.org", "content": {"membership": "join"}, "unsigned": {"prev_content": prev}}))
            .unwrap()
        };
        assert!(member(json!({"membership": "invite"})).is_join_of("@attache:example.org"));
        assert!(
            !member(json!({"membership": "join", "displayname": "x"})).is_join_of("@attache:example.org")
        );
        assert!(!member(json!({"membership": "invite"})).is_join_of("@alice:example.org"));
    }

    #[test]
    fn answers_are_notices_replying_without_mentions() {
        let m = Message {
            body: "b".into(),
            formatted_body: "<p>b</p>".into(),
        };
        let c = answer_content(&m, Some("$cmd"), None);
        assert_eq!(c["msgtype"], "m.notice");
        assert_eq!(c["format"], "org.matrix.custom.html");
        assert_eq!(c["m.mentions"], json!({}));
        assert_eq!(c["m.relates_to"], json!({"m.in_reply_to": {"event_id": "$cmd"}}));
        let c = answer_content(&m, Some("$cmd"), Some("$root"));
        assert_eq!(
            c["m.relates_to"],
            json!({"rel_type": "m.thread", "event_id": "$root", "is_falling_back": false,
                "m.in_reply_to": {"event_id": "$cmd"}})
        );
        assert!(answer_content(&m, None, None).get("m.relates_to").is_none());
    }

    #[test]
    fn roles_from_lists_and_power_levels() {
        let toml = "[matrix]\nhomeserver = \"https://m.org\"\nuser = \"@bot:m.org\"\npassword_env = \"P\"\n\
            admins = [\"@root:m.org\"]\nmoderators = [\"@mod:m.org\"]\nmoderator_power_level = 50\n";
        let config = attache_core::config::Config::parse(toml, std::path::Path::new("t.toml")).unwrap();
        let m = config.matrix.unwrap();
        assert_eq!(role("@root:m.org", Some(0), &m), Role::Admin);
        assert_eq!(role("@mod:m.org", None, &m), Role::Moderator);
        assert_eq!(role("@pl:m.org", Some(50), &m), Role::Moderator);
        assert_eq!(role("@pl:m.org", Some(49), &m), Role::Member);
        assert_eq!(role("@x:m.org", None, &m), Role::Member);
    }
}
