//! Channel routes: `GET /channels/{id}`, and a channel's messages (`POST`/`GET /messages`,
//! `GET`/`PATCH`/`DELETE /messages/{id}`). Unknown channels are 10003, unknown messages 10008, sending
//! where the bot lacks SEND_MESSAGES is 50013; bodies are checked by `validate`, and a create's
//! `nonce`/`enforce_nonce` by `nonce`. Also the message editing that the webhook routes share.

use serde_json::{Value, json};

use super::nonce;
use super::payloads::{self, NewMessage};
use super::rest::{Outcome, query_param, snowflake};
use super::state::{Shared, State, StoredMessage};
use super::validate::{self, ApiError, Errors, Mode};

/// Flags a bot may set on a message it sends: SUPPRESS_EMBEDS, SUPPRESS_NOTIFICATIONS, IS_COMPONENTS_V2.
const SENDABLE_FLAGS: u64 = 4 | 4096 | 32768;
/// The "Bot is thinking..." state of a deferred response.
pub(super) const LOADING: u64 = 1 << 7;

pub(super) fn route(
    shared: &Shared,
    st: &mut State,
    m: &str,
    rest: &[&str],
    query: &str,
    body: Option<&Value>,
) -> Outcome {
    let [id, rest @ ..] = rest else {
        return Err(ApiError::not_found());
    };
    let id = snowflake("channel_id", id)?;
    let Some(ch) = st.channels.get(&id) else {
        return Err(ApiError::unknown_channel());
    };
    let denied = ch.denied;
    match (m, rest) {
        ("GET", []) => {
            let position = st.channels.keys().position(|c| *c == id).unwrap_or(0);
            let last = st
                .messages
                .iter()
                .rev()
                .find(|(_, msg)| msg.channel == id)
                .map(|(k, _)| *k);
            Ok((200, payloads::channel(shared, ch, position, last)))
        }
        ("GET", ["messages"]) => list(st, id, query),
        ("POST", ["messages"]) if denied => Err(ApiError::missing_permissions()),
        ("POST", ["messages"]) => create(shared, st, id, body),
        ("GET", ["messages", mid]) => {
            let mid = snowflake("message_id", mid)?;
            find(st, id, mid).map(|m| (200, m.value.clone()))
        }
        ("PATCH", ["messages", mid]) => {
            let mid = snowflake("message_id", mid)?;
            find(st, id, mid)?;
            edit(st, mid, body.unwrap_or(&Value::Null)).map(|v| (200, v))
        }
        ("DELETE", ["messages", mid]) => {
            let mid = snowflake("message_id", mid)?;
            find(st, id, mid)?;
            st.messages.remove(&mid);
            Ok((204, Value::Null))
        }
        (_, [] | ["messages"] | ["messages", _]) => Err(ApiError::method_not_allowed()),
        _ => Err(ApiError::not_found()),
    }
}

/// A message everyone in `channel` can see.
fn find(st: &State, channel: u64, mid: u64) -> Result<&StoredMessage, ApiError> {
    st.messages
        .get(&mid)
        .filter(|m| m.channel == channel && !m.ephemeral)
        .ok_or_else(ApiError::unknown_message)
}

fn create(shared: &Shared, st: &mut State, channel: u64, body: Option<&Value>) -> Outcome {
    let body = body.unwrap_or(&Value::Null);
    let mut asked = None;
    validate::message_with(body, "", Mode::Create, |e| {
        asked = Some(nonce::validate(e, body));
    })?;
    let nonce = asked.and_then(|a| a.nonce.map(|n| (n, a.enforce)));
    // Every message this route creates is the bot's: the token is the bot's.
    let (author, now) = (shared.bot_id, st.now());
    if let Some((n, true)) = &nonce
        && let Some(mid) = st.nonces.recent(channel, author, n, now)
    {
        // The earlier message as it reads now; gone since, it is not made again (see `nonce`).
        let mut earlier = find(st, channel, mid)?.value.clone();
        earlier["nonce"] = n.clone();
        return Ok((200, earlier));
    }
    let mut kind = 0;
    let mut reference = None;
    if let Some(r) = body.get("message_reference").filter(|r| !r.is_null()) {
        let target = r
            .get("message_id")
            .and_then(|v| v.as_str().and_then(|s| s.parse::<u64>().ok()).or(v.as_u64()));
        match target.and_then(|t| st.messages.get(&t).map(|m| (t, m.channel))) {
            Some((t, c)) if c == channel => {
                kind = 19;
                reference = Some(
                    json!({"type": 0, "message_id": t.to_string(), "channel_id": channel.to_string(), "guild_id": shared.guild_id.to_string()}),
                );
            }
            found => {
                let mut e = Errors::default();
                let (code, msg) = if found.is_some() {
                    (
                        "REPLIES_CANNOT_REFERENCE_OTHER_CHANNEL",
                        "Cannot reply to a message in a different channel",
                    )
                } else {
                    ("REPLIES_UNKNOWN_MESSAGE", "Unknown message")
                };
                e.add("message_reference", code, msg);
                e.into_result()?;
            }
        }
    }
    let id = st.snowflake();
    let flags = body.get("flags").and_then(Value::as_u64).unwrap_or(0) & SENDABLE_FLAGS;
    let mut value = payloads::message(
        shared,
        NewMessage {
            id,
            channel,
            body,
            kind,
            interaction: None,
            flags,
        },
    );
    if let Some(r) = reference {
        value["message_reference"] = r;
    }
    st.messages.insert(
        id,
        StoredMessage {
            channel,
            value: value.clone(),
            ephemeral: false,
        },
    );
    // The answer (and a MESSAGE_CREATE, were one dispatched) carries the nonce; the stored message,
    // which later fetches return, does not.
    if let Some((n, _)) = nonce {
        st.nonces.record(channel, author, &n, id, now);
        value["nonce"] = n;
    }
    Ok((200, value))
}

/// `GET /channels/{id}/messages`: newest first, `limit` 1-100 (default 50), `before`/`after`. With
/// `after`, the page is the `limit` messages right after it (still newest first), so that a client
/// paging forward from the last id it saw misses none; otherwise the newest ones (before `before`).
fn list(st: &State, channel: u64, query: &str) -> Outcome {
    let limit = match query_param(query, "limit") {
        None => 50,
        Some(l) => match l.parse::<u64>() {
            Ok(n @ 1..=100) => n as usize,
            Ok(0) => {
                return field_error(
                    "limit",
                    "NUMBER_TYPE_MIN",
                    "int value should be greater than or equal to 1.",
                );
            }
            Ok(_) => {
                return field_error(
                    "limit",
                    "NUMBER_TYPE_MAX",
                    "int value should be less than or equal to 100.",
                );
            }
            Err(_) => {
                return field_error(
                    "limit",
                    "NUMBER_TYPE_COERCE",
                    &format!("Value \"{l}\" is not int."),
                );
            }
        },
    };
    let bound = |k: &str| query_param(query, k).and_then(|v| v.parse::<u64>().ok());
    let (before, after) = (bound("before"), bound("after"));
    let mut out: Vec<Value> = st
        .messages
        .iter()
        .filter(|(id, m)| {
            m.channel == channel
                && !m.ephemeral
                && before.is_none_or(|b| **id < b)
                && after.is_none_or(|a| **id > a)
        })
        .map(|(_, m)| m.value.clone())
        .collect();
    if after.is_some() {
        out.truncate(limit);
        out.reverse();
    } else {
        out.reverse();
        out.truncate(limit);
    }
    Ok((200, Value::Array(out)))
}

fn field_error(field: &str, code: &'static str, message: &str) -> Outcome {
    let mut e = Errors::default();
    e.add(field, code, message);
    e.into_result().map(|()| (200, Value::Null))
}

/// Applies an edit body to stored message `mid` and returns the message as it now reads. The merged
/// message must still say something (50006); a deferred response leaves its loading state.
pub(super) fn edit(st: &mut State, mid: u64, body: &Value) -> Result<Value, ApiError> {
    validate::message(body, "", Mode::Edit)?;
    let stored = st.messages.get_mut(&mid).ok_or_else(ApiError::unknown_message)?;
    let mut merged = stored.value.clone();
    payloads::apply_edit(&mut merged, body);
    if validate::is_empty(&merged) {
        return Err(ApiError::empty_message());
    }
    let flags = merged.get("flags").and_then(Value::as_u64).unwrap_or(0);
    if flags & LOADING != 0 {
        merged["flags"] = json!(flags & !LOADING);
    } else {
        merged["edited_timestamp"] = json!(payloads::now());
    }
    if let Some(f) = body.get("flags").and_then(Value::as_u64) {
        // Only SUPPRESS_EMBEDS can change on an existing message.
        let current = merged["flags"].as_u64().unwrap_or(0);
        merged["flags"] = json!((current & !4) | (f & 4));
    }
    stored.value = merged.clone();
    Ok(merged)
}
