//! Answering interactions: `POST /interactions/{id}/{token}/callback` (one callback per interaction,
//! within the deadline after delivery: a second is 40060, a late or unknown one 10062) and the
//! webhook routes of the interaction token (follow-ups, `@original`, follow-up messages), which the
//! token authorizes for its lifetime (then 50027). What each callback type does to messages follows
//! the receiving-and-responding docs.

use serde_json::{Value, json};

use super::channels::{self, LOADING};
use super::payloads::{self, NewMessage};
use super::rest::{Outcome, query_param, snowflake};
use super::state::{Callback, InteractionKind, Shared, State, StoredMessage};
use super::validate::{self, ApiError, Errors, Len, Mode, string_field};
use super::validate_command;

const EPHEMERAL: u64 = 1 << 6;
/// Flags a response may carry: SUPPRESS_EMBEDS, EPHEMERAL, SUPPRESS_NOTIFICATIONS, IS_COMPONENTS_V2.
const RESPONSE_FLAGS: u64 = 4 | EPHEMERAL | 4096 | 32768;

fn form_error(path: &str, code: &'static str, message: &str) -> ApiError {
    let mut e = Errors::default();
    e.add(path, code, message);
    e.into_result().err().unwrap_or_else(ApiError::not_found)
}

pub(super) fn callback(
    shared: &Shared,
    st: &mut State,
    id: &str,
    token: &str,
    query: &str,
    body: Option<&Value>,
) -> Outcome {
    let id = snowflake("interaction_id", id)?;
    let rec = st
        .interactions
        .get(&id)
        .filter(|r| r.token == token)
        .ok_or_else(ApiError::unknown_interaction)?;
    if rec.callback.is_some() {
        return Err(ApiError::already_acknowledged());
    }
    let now = st.now();
    if rec
        .delivered
        .is_none_or(|t| now.saturating_duration_since(t) > shared.opts.callback_deadline)
    {
        return Err(ApiError::unknown_interaction());
    }
    let (kind, channel, component_message) = (rec.kind, rec.channel, rec.component_message);
    let meta_user = rec.user.clone();
    let name = rec.name.clone();
    let body = body.unwrap_or(&Value::Null);
    let Some(ty) = body.get("type").and_then(Value::as_u64) else {
        return Err(form_error("type", "BASE_TYPE_REQUIRED", "This field is required"));
    };
    let allowed: &[u64] = match kind {
        InteractionKind::Command => &[4, 5, 9],
        InteractionKind::Component => &[4, 5, 6, 7, 9],
        InteractionKind::Autocomplete => &[8],
    };
    if !allowed.contains(&ty) {
        let list = allowed.iter().map(u64::to_string).collect::<Vec<_>>().join(", ");
        return Err(form_error(
            "type",
            "BASE_TYPE_CHOICES",
            &format!("Value must be one of ({list})."),
        ));
    }
    let data = body.get("data").cloned().unwrap_or(Value::Null);
    let flags = data.get("flags").and_then(Value::as_u64).unwrap_or(0);
    let new_message = |st: &mut State, body: &Value, flags: u64| {
        let mid = st.snowflake();
        let msg_kind = if kind == InteractionKind::Component {
            19
        } else {
            20
        };
        let interaction = Some((id, kind, &meta_user, name.as_str()));
        let mut value = payloads::message(
            shared,
            NewMessage {
                id: mid,
                channel,
                body,
                kind: msg_kind,
                interaction,
                flags,
            },
        );
        if let Some(c) = component_message {
            value["message_reference"] = json!({"type": 0, "message_id": c.to_string(), "channel_id": channel.to_string(), "guild_id": shared.guild_id.to_string()});
        }
        st.messages.insert(
            mid,
            StoredMessage {
                channel,
                value,
                ephemeral: flags & EPHEMERAL != 0,
            },
        );
        mid
    };
    let original = match ty {
        4 => {
            validate::message(&data, "data", Mode::Create)?;
            Some(new_message(st, &data, flags & RESPONSE_FLAGS))
        }
        // A deferred response may only choose to be ephemeral; the message shows as loading.
        5 => Some(new_message(st, &json!({}), LOADING | (flags & EPHEMERAL))),
        6 => component_message,
        7 => {
            let target = component_message.ok_or_else(ApiError::unknown_message)?;
            channels::edit(st, target, &data).map_err(prefix_data)?;
            component_message
        }
        8 => {
            validate_command::autocomplete_result(&data)?;
            None
        }
        _ => {
            modal(&data)?;
            None
        }
    };
    let Some(rec) = st.interactions.get_mut(&id) else {
        return Err(ApiError::unknown_interaction());
    };
    rec.callback = Some(Callback { kind: ty, data });
    rec.original = original;
    if query_param(query, "with_response") != Some("true") {
        return Ok((204, Value::Null));
    }
    let message = original.and_then(|m| st.messages.get(&m));
    let flags = message.and_then(|m| m.value["flags"].as_u64()).unwrap_or(0);
    let mut resp = json!({
        "interaction": {
            "id": id.to_string(), "type": kind as u64, "activity_instance_id": null,
            "response_message_id": original.map(|m| m.to_string()),
            "response_message_loading": flags & LOADING != 0,
            "response_message_ephemeral": flags & EPHEMERAL != 0,
        },
        "resource": {"type": ty},
    });
    if let Some(m) = message.filter(|_| matches!(ty, 4 | 7)) {
        resp["resource"]["message"] = m.value.clone();
    }
    Ok((200, resp))
}

/// Errors of an UPDATE_MESSAGE body sit under `data`, like the other callback types'.
fn prefix_data(e: ApiError) -> ApiError {
    match e.body.get("errors") {
        Some(errs) if e.body["code"] == 50035 => ApiError {
            status: e.status,
            body: json!({"code": 50035, "message": "Invalid Form Body", "errors": {"data": errs}}),
        },
        _ => e,
    }
}

/// A modal: a custom id of 1-100 characters, a title of 1-45, 1 to 5 components.
fn modal(data: &Value) -> Result<(), ApiError> {
    let mut e = Errors::default();
    string_field(&mut e, data, "custom_id", "data", Len::Between(1, 100), true);
    string_field(&mut e, data, "title", "data", Len::Between(1, 45), true);
    let n = data
        .get("components")
        .and_then(Value::as_array)
        .map_or(0, Vec::len);
    if !(1..=5).contains(&n) {
        e.add(
            "data.components",
            "BASE_TYPE_BAD_LENGTH",
            "Must be between 1 and 5 in length.",
        );
    }
    e.into_result()
}

pub(super) fn webhook(
    shared: &Shared,
    st: &mut State,
    m: &str,
    app: &str,
    token: &str,
    rest: &[&str],
    body: Option<&Value>,
) -> Outcome {
    if snowflake("webhook_id", app)? != shared.app_id {
        return Err(ApiError::unknown_webhook());
    }
    let id = *st
        .by_token
        .get(token)
        .ok_or_else(ApiError::invalid_webhook_token)?;
    let rec = st
        .interactions
        .get(&id)
        .ok_or_else(ApiError::invalid_webhook_token)?;
    if st.now().saturating_duration_since(rec.created) > shared.opts.token_lifetime {
        return Err(ApiError::invalid_webhook_token());
    }
    // Until the interaction is acknowledged its webhook does not exist; autocomplete never has one.
    let Some(cb) = rec.callback.clone().filter(|c| c.kind != 8) else {
        return Err(ApiError::unknown_webhook());
    };
    let (original, followups) = (rec.original, rec.followups.clone());
    let body = body.unwrap_or(&Value::Null);
    let target = match rest {
        [] if m == "POST" => return followup(shared, st, id, cb, body),
        [] => return Err(ApiError::method_not_allowed()),
        ["messages", "@original"] => original.ok_or_else(ApiError::unknown_message)?,
        ["messages", mid] => {
            let mid = snowflake("message_id", mid)?;
            if original != Some(mid) && !followups.contains(&mid) {
                return Err(ApiError::unknown_message());
            }
            mid
        }
        _ => return Err(ApiError::not_found()),
    };
    if !st.messages.contains_key(&target) {
        return Err(ApiError::unknown_message());
    }
    let out = match m {
        "GET" => Ok((200, st.messages[&target].value.clone())),
        "PATCH" => channels::edit(st, target, body).map(|v| (200, v)),
        "DELETE" => {
            st.messages.remove(&target);
            Ok((204, Value::Null))
        }
        _ => Err(ApiError::method_not_allowed()),
    };
    if out.is_ok() && m != "GET" {
        touch(st, id);
    }
    out
}

/// Counts a change the bot made after acknowledging, which settles a deferred reply.
fn touch(st: &mut State, id: u64) {
    let now = st.now();
    if let Some(r) = st.interactions.get_mut(&id) {
        r.edits += 1;
        r.last_edit = Some(now);
    }
}

fn followup(shared: &Shared, st: &mut State, id: u64, cb: Callback, body: &Value) -> Outcome {
    let (original, channel, kind, user, name) = {
        let r = &st.interactions[&id];
        (r.original, r.channel, r.kind, r.user.clone(), r.name.clone())
    };
    // Right after a deferred response, a follow-up edits the loading message (documented, deprecated).
    let loading = original
        .and_then(|o| st.messages.get(&o))
        .is_some_and(|m| m.value["flags"].as_u64().unwrap_or(0) & LOADING != 0);
    if cb.kind == 5 && loading {
        let target = original.ok_or_else(ApiError::unknown_message)?;
        let v = channels::edit(st, target, body)?;
        touch(st, id);
        return Ok((200, v));
    }
    validate::message(body, "", Mode::Create)?;
    let mid = st.snowflake();
    let flags = body.get("flags").and_then(Value::as_u64).unwrap_or(0) & RESPONSE_FLAGS;
    let interaction = Some((id, kind, &user, name.as_str()));
    let value = payloads::message(
        shared,
        NewMessage {
            id: mid,
            channel,
            body,
            kind: 0,
            interaction,
            flags,
        },
    );
    st.messages.insert(
        mid,
        StoredMessage {
            channel,
            value: value.clone(),
            ephemeral: flags & EPHEMERAL != 0,
        },
    );
    if let Some(r) = st.interactions.get_mut(&id) {
        r.followups.push(mid);
    }
    touch(st, id);
    Ok((200, value))
}
