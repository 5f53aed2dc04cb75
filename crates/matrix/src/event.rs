//! Events in and out, as ruma's types: which timeline events are commands for the bot, and the content of
//! an answer.
//!
//! Incoming events (decrypted already, for encrypted rooms) are read by ruma, and [`triage`] decides, purely,
//! whether one is a command: never the bot's own messages, notices, edits, or anything sent before the bot
//! started. Answers are `m.notice` replies with an HTML body and an empty `m.mentions`, so nothing the bot
//! posts can ping anyone.

use matrix_sdk::ruma::events::relation::{Reply, Thread};
use matrix_sdk::ruma::events::room::member::MembershipState;
use matrix_sdk::ruma::events::room::message::{
    MessageFormat, MessageType, Relation, RoomMessageEventContent, TextMessageEventContent,
};
use matrix_sdk::ruma::events::{
    AnySyncMessageLikeEvent, AnySyncStateEvent, AnySyncTimelineEvent, Mentions, SyncMessageLikeEvent,
    SyncStateEvent,
};
use matrix_sdk::ruma::{EventId, OwnedEventId, OwnedUserId, UserId};

use attache_core::command::Role;
use attache_core::config::MatrixConfig;

use super::input::{self, Names};
use super::render::Message;

/// A command found in an event: the line for the engine, and where the answer goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    pub event_id: OwnedEventId,
    pub sender: OwnedUserId,
    pub line: String,
    /// The thread root when the command was sent in a thread.
    pub thread: Option<OwnedEventId>,
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
pub fn triage(
    event: &AnySyncTimelineEvent,
    names: &Names,
    prefix: &str,
    started_ms: u64,
) -> Result<Request, Skip> {
    if event.sender() == names.user_id {
        return Err(Skip::Own);
    }
    let AnySyncTimelineEvent::MessageLike(AnySyncMessageLikeEvent::RoomMessage(
        SyncMessageLikeEvent::Original(message),
    )) = event
    else {
        return Err(Skip::NotAMessage);
    };
    let relation = message.content.relates_to.as_ref();
    if let Some(Relation::Replacement(_)) = relation {
        return Err(Skip::Edit);
    }
    let text = match &message.content.msgtype {
        MessageType::Notice(_) => return Err(Skip::Notice),
        MessageType::Text(text) => text,
        _ => return Err(Skip::NotAMessage),
    };
    if u64::from(message.origin_server_ts.get()) < started_ms {
        return Err(Skip::Old);
    }
    let (is_reply, thread) = match relation {
        Some(Relation::Reply(_)) => (true, None),
        Some(Relation::Thread(t)) => (t.in_reply_to.is_some(), Some(t.event_id.clone())),
        _ => (false, None),
    };
    let line =
        input::command_line(&text.body, html(text), is_reply, prefix, names).ok_or(Skip::NotForTheBot)?;
    Ok(Request {
        event_id: message.event_id.clone(),
        sender: message.sender.clone(),
        line,
        thread,
    })
}

/// The HTML body of a text message, when it has one.
fn html(text: &TextMessageEventContent) -> Option<&str> {
    text.formatted
        .as_ref()
        .filter(|f| f.format == MessageFormat::Html)
        .map(|f| f.body.as_str())
}

/// When `user` joined, in milliseconds since the epoch, if `event` is that join (not a profile change of
/// someone already joined).
pub fn join_of(event: &AnySyncStateEvent, user: &UserId) -> Option<u64> {
    let AnySyncStateEvent::RoomMember(SyncStateEvent::Original(member)) = event else {
        return None;
    };
    let was_joined = member
        .unsigned
        .prev_content
        .as_ref()
        .is_some_and(|p| p.membership == MembershipState::Join);
    (member.state_key == user && member.content.membership == MembershipState::Join && !was_joined)
        .then(|| member.origin_server_ts.get().into())
}

/// The content of one answer event: an `m.notice` replying to the command (inside its thread, if any), with
/// no mentions. `reply_to` is `None` for a posted digest, which replies to nothing.
pub fn answer_content(
    message: &Message,
    reply_to: Option<&EventId>,
    thread: Option<&EventId>,
) -> RoomMessageEventContent {
    let mut content = RoomMessageEventContent::notice_html(&message.body, &message.formatted_body)
        .add_mentions(Mentions::new());
    content.relates_to = match (thread, reply_to) {
        // A reply inside a thread: the thread relation, and the real reply it is (not a fallback), as the
        // spec's threading section asks.
        (Some(root), Some(event)) => Some(Relation::Thread(Thread::reply(root.to_owned(), event.to_owned()))),
        (Some(root), None) => Some(Relation::Thread(Thread::plain(root.to_owned(), root.to_owned()))),
        (None, Some(event)) => Some(Relation::Reply(Reply::with_event_id(event.to_owned()))),
        (None, None) => None,
    };
    content
}

/// The caller's role: admin by the list; moderator by the list or by a power level of at least the configured
/// one in the room (`None` when the room's power levels could not be read).
pub fn role(user: &UserId, power_level: Option<i64>, config: &MatrixConfig) -> Role {
    if config.is_admin(user.as_str()) {
        Role::Admin
    } else if config.is_listed_moderator(user.as_str())
        || power_level.is_some_and(|p| p >= config.moderator_power_level)
    {
        Role::Moderator
    } else {
        Role::Member
    }
}

#[cfg(test)]
mod tests {
    use matrix_sdk::ruma::{event_id, user_id};
    use serde_json::{Value, json};

    use super::*;

    const STARTED: u64 = 1_700_000_000_000;

    fn names() -> Names {
        Names::new(user_id!("@attache:example.org"), None)
    }

    fn event(content: Value) -> Value {
        json!({
            "type": "m.room.message",
            "event_id": "$cmd",
            "sender": "@alice:example.org",
            "origin_server_ts": STARTED + 5,
            "content": content,
        })
    }

    fn triaged(event: Value) -> Result<Request, Skip> {
        let event: AnySyncTimelineEvent = serde_json::from_value(event).unwrap();
        triage(&event, &names(), "!", STARTED)
    }

    fn check(content: Value) -> Result<Request, Skip> {
        triaged(event(content))
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
        assert_eq!(
            check(json!({"msgtype": "m.image", "body": "!help", "url": "mxc://example.org/x"})),
            Err(Skip::NotAMessage)
        );
        let mut old = event(json!({"msgtype": "m.text", "body": "!help"}));
        old["origin_server_ts"] = json!(STARTED - 1);
        assert_eq!(triaged(old), Err(Skip::Old));
        let mut own = event(json!({"msgtype": "m.text", "body": "!help"}));
        own["sender"] = json!("@attache:example.org");
        assert_eq!(triaged(own), Err(Skip::Own));
        let threaded = json!({"msgtype": "m.text", "body": "!help",
            "m.relates_to": {"rel_type": "m.thread", "event_id": "$root", "is_falling_back": true, "m.in_reply_to": {"event_id": "$last"}}});
        assert_eq!(
            check(threaded).unwrap().thread.as_deref(),
            Some(event_id!("$root"))
        );
    }

    #[test]
    fn the_bots_own_join_is_told_from_a_profile_change() {
        let member = |prev: Value| -> AnySyncStateEvent {
            serde_json::from_value(
                json!({"type": "m.room.member", "event_id": "$j", "sender": "@attache:example.org",
                "origin_server_ts": 7, "state_key": "@attache:example.org", "content": {"membership": "join"},
                "unsigned": {"prev_content": prev}}),
            )
            .unwrap()
        };
        let bot = user_id!("@attache:example.org");
        assert_eq!(join_of(&member(json!({"membership": "invite"})), bot), Some(7));
        assert_eq!(
            join_of(&member(json!({"membership": "join", "displayname": "x"})), bot),
            None
        );
        assert_eq!(
            join_of(
                &member(json!({"membership": "invite"})),
                user_id!("@alice:example.org")
            ),
            None
        );
    }

    #[test]
    fn answers_are_notices_replying_without_mentions() {
        let m = Message {
            body: "b".into(),
            formatted_body: "<p>b</p>".into(),
        };
        let json = |c: RoomMessageEventContent| serde_json::to_value(c).unwrap();
        let c = json(answer_content(&m, Some(event_id!("$cmd")), None));
        assert_eq!(c["msgtype"], "m.notice");
        assert_eq!(c["format"], "org.matrix.custom.html");
        assert_eq!(c["m.mentions"], json!({}));
        assert_eq!(c["m.relates_to"], json!({"m.in_reply_to": {"event_id": "$cmd"}}));
        // In a thread, a real reply: `is_falling_back` is left out, which the spec reads as false.
        let c = json(answer_content(
            &m,
            Some(event_id!("$cmd")),
            Some(event_id!("$root")),
        ));
        assert_eq!(
            c["m.relates_to"],
            json!({"rel_type": "m.thread", "event_id": "$root", "m.in_reply_to": {"event_id": "$cmd"}})
        );
        let c = json(answer_content(&m, None, Some(event_id!("$root"))));
        assert_eq!(
            c["m.relates_to"],
            json!({"rel_type": "m.thread", "event_id": "$root", "is_falling_back": true,
                "m.in_reply_to": {"event_id": "$root"}})
        );
        assert!(json(answer_content(&m, None, None)).get("m.relates_to").is_none());
    }

    #[test]
    fn roles_from_lists_and_power_levels() {
        let toml = "[matrix]\nhomeserver = \"https://m.org\"\nuser = \"@bot:m.org\"\npassword_env = \"P\"\n\
            admins = [\"@root:m.org\"]\nmoderators = [\"@mod:m.org\"]\nmoderator_power_level = 50\n";
        let config = attache_core::config::Config::parse(toml, std::path::Path::new("t.toml")).unwrap();
        let m = config.matrix.unwrap();
        assert_eq!(role(user_id!("@root:m.org"), Some(0), &m), Role::Admin);
        assert_eq!(role(user_id!("@mod:m.org"), None, &m), Role::Moderator);
        assert_eq!(role(user_id!("@pl:m.org"), Some(50), &m), Role::Moderator);
        assert_eq!(role(user_id!("@pl:m.org"), Some(49), &m), Role::Member);
        assert_eq!(role(user_id!("@x:m.org"), None, &m), Role::Member);
    }
}
