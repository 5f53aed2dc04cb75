//! What a test makes users do, and what they then see: the `Invocation` of a slash command or an
//! autocomplete, a button press, the `Interaction` handle a test keeps, and the `Reply` it reads back
//! (the callback, the resulting message with edits applied, the follow-ups). Interactions are checked
//! against what the bot registered, as Discord's client would: a test cannot invoke a command, an
//! option or a button that a real user could not.

use serde_json::{Value, json};

use super::payloads::{self, NewInteraction};
use super::session;
use super::state::{InteractionKind, InteractionRec, Shared, State};

/// A user running a slash command (or typing into one, for autocomplete).
#[derive(Clone, Debug)]
pub struct Invocation {
    pub channel: u64,
    pub user: u64,
    pub username: String,
    pub roles: Vec<u64>,
    /// The member's permissions in the channel, as bits.
    pub permissions: u64,
    pub command: String,
    /// Options in Discord's shape, e.g. `[{"name": "event", "type": 3, "value": "infoforum"}]`.
    pub options: Value,
    /// For autocomplete: the option being typed (by name); by default the last one given.
    pub focused: Option<String>,
    pub locale: String,
}

impl Invocation {
    /// `/command` in `channel` by an ordinary member (user 1000, no roles, default permissions).
    pub fn new(channel: u64, command: &str) -> Invocation {
        Invocation {
            channel,
            user: 1000,
            username: "member".to_string(),
            roles: Vec::new(),
            permissions: payloads::MEMBER_PERMISSIONS,
            command: command.to_string(),
            options: json!([]),
            focused: None,
            locale: "en-US".to_string(),
        }
    }
    pub fn options(mut self, options: Value) -> Invocation {
        self.options = options;
        self
    }
    pub fn user(mut self, id: u64, username: &str) -> Invocation {
        self.user = id;
        self.username = username.to_string();
        self
    }
    pub fn roles(mut self, roles: &[u64]) -> Invocation {
        self.roles = roles.to_vec();
        self
    }
    pub fn permissions(mut self, bits: u64) -> Invocation {
        self.permissions = bits;
        self
    }
    pub fn focused(mut self, option: &str) -> Invocation {
        self.focused = Some(option.to_string());
        self
    }
    pub fn locale(mut self, locale: &str) -> Invocation {
        self.locale = locale.to_string();
        self
    }
}

/// A dispatched interaction: enough to find its reply, and the exact payload the bot received.
#[derive(Clone, Debug)]
pub struct Interaction {
    pub id: u64,
    pub token: String,
    pub kind: InteractionKind,
    pub channel: u64,
    pub payload: Value,
}

/// How the bot answered an interaction, as users would see it.
#[derive(Clone, Debug)]
pub struct Reply {
    /// The callback type (4 message, 5 deferred message, 6 deferred update, 7 update, 8 autocomplete).
    pub kind: u64,
    /// The callback's `data` as the bot sent it.
    pub data: Value,
    /// The response message (or, for 6 and 7, the component's message) with every edit applied;
    /// `None` when there is none (autocomplete, modal) or it was deleted.
    pub message: Option<Value>,
    pub followups: Vec<Value>,
    /// Whether the response message is seen only by the user who acted.
    pub ephemeral: bool,
}

impl Reply {
    /// The text a user reads in the response message: content, then each embed's title,
    /// description, field names and values, and footer, one per line.
    pub fn text(&self) -> String {
        self.message.as_ref().map(message_text).unwrap_or_default()
    }

    /// The autocomplete choices offered (for a type 8 reply).
    pub fn choices(&self) -> Vec<Value> {
        self.data
            .get("choices")
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default()
    }
}

/// The visible text of a message object.
pub fn message_text(m: &Value) -> String {
    let mut out: Vec<String> = Vec::new();
    let mut push = |v: &Value| {
        if let Some(s) = v.as_str().filter(|s| !s.is_empty()) {
            out.push(s.to_string());
        }
    };
    push(&m["content"]);
    for e in m["embeds"].as_array().into_iter().flatten() {
        push(&e["title"]);
        push(&e["description"]);
        for f in e["fields"].as_array().into_iter().flatten() {
            push(&f["name"]);
            push(&f["value"]);
        }
        push(&e["footer"]["text"]);
    }
    out.join("\n")
}

pub(super) fn reply_of(st: &State, id: u64) -> Option<(Reply, bool)> {
    let rec = st.interactions.get(&id)?;
    let cb = rec.callback.as_ref()?;
    let stored = rec.original.and_then(|m| st.messages.get(&m));
    let reply = Reply {
        kind: cb.kind,
        data: cb.data.clone(),
        message: stored.map(|m| m.value.clone()),
        followups: rec
            .followups
            .iter()
            .filter_map(|m| st.messages.get(m))
            .map(|m| m.value.clone())
            .collect(),
        ephemeral: stored.is_some_and(|m| m.ephemeral),
    };
    // A deferred reply is settled once the bot has edited it or followed up.
    let settled = !matches!(cb.kind, 5 | 6) || rec.edits > 0;
    Some((reply, settled))
}

/// The registered command a user can see under `name`: the guild's first, then the global one.
fn find_command<'a>(shared: &Shared, st: &'a State, name: &str) -> &'a Value {
    [Some(shared.guild_id), None]
        .iter()
        .filter_map(|scope| st.commands.get(scope))
        .flatten()
        .find(|c| c["name"] == name && c.get("type").and_then(Value::as_u64).unwrap_or(1) == 1)
        .unwrap_or_else(|| {
            panic!("no chat-input command named {name:?} is registered, so no user can invoke it")
        })
}

/// Checks given options against the registered ones (names and types), as Discord's client would
/// only send those, and marks the focused one for autocomplete.
fn shape_options(given: &Value, registered: &Value, focused: Option<&str>, autocomplete: bool) -> Value {
    let Some(list) = given.as_array() else {
        panic!("options must be an array in Discord's shape, got {given}");
    };
    let schema = registered
        .get("options")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    let last = list.len().saturating_sub(1);
    let mut out = Vec::new();
    for (i, o) in list.iter().enumerate() {
        let name = o["name"]
            .as_str()
            .unwrap_or_else(|| panic!("option without a name: {o}"));
        let spec = schema
            .iter()
            .find(|s| s["name"] == name)
            .unwrap_or_else(|| panic!("option {name:?} is not registered on this command"));
        assert_eq!(
            o["type"], spec["type"],
            "option {name:?} has type {} when registered",
            spec["type"]
        );
        let mut o = o.clone();
        if matches!(spec["type"].as_u64(), Some(1 | 2)) {
            o["options"] = shape_options(
                &o.get("options").cloned().unwrap_or(json!([])),
                spec,
                focused,
                autocomplete,
            );
        } else if autocomplete && focused.map_or(i == last, |f| f == name) {
            o["focused"] = json!(true);
        }
        out.push(o);
    }
    Value::Array(out)
}

/// Builds and dispatches an interaction; returns its handle.
pub(super) fn dispatch(
    shared: &Shared,
    st: &mut State,
    inv: &Invocation,
    kind: InteractionKind,
    target: Target,
) -> Interaction {
    let ch = st
        .channels
        .get(&inv.channel)
        .unwrap_or_else(|| panic!("channel {} does not exist in the fake", inv.channel));
    let (data, name, message, component_message) = match target {
        Target::Command => {
            let cmd = find_command(shared, st, &inv.command);
            let options = shape_options(
                &inv.options,
                cmd,
                inv.focused.as_deref(),
                kind == InteractionKind::Autocomplete,
            );
            let mut data = json!({"id": cmd["id"], "name": cmd["name"], "type": 1, "options": options});
            if let Some(g) = cmd.get("guild_id") {
                data["guild_id"] = g.clone();
            }
            (data, inv.command.clone(), None, None)
        }
        Target::Button { message, custom_id } => {
            let data = json!({"custom_id": custom_id, "component_type": 2});
            let mid = message["id"].as_str().and_then(|s| s.parse().ok());
            (data, String::new(), Some(message), mid)
        }
    };
    let channel_snapshot = super::state::Channel {
        id: ch.id,
        name: ch.name.clone(),
        denied: ch.denied,
    };
    let id = st.snowflake();
    let token = format!(
        "aW50ZXJhY3Rpb246{id}{:016x}",
        id.wrapping_mul(0xA076_1D64_78BD_642F).rotate_left(17)
    );
    let user = payloads::user(inv.user, &inv.username);
    let payload = payloads::interaction(
        shared,
        NewInteraction {
            id,
            token: &token,
            kind,
            data,
            channel: &channel_snapshot,
            member: payloads::member(user.clone(), &inv.roles, inv.permissions),
            locale: &inv.locale,
            message,
        },
    );
    st.interactions.insert(
        id,
        InteractionRec {
            kind,
            token: token.clone(),
            channel: inv.channel,
            created: st.now(),
            delivered: None,
            callback: None,
            original: None,
            component_message,
            followups: Vec::new(),
            edits: 0,
            last_edit: None,
            user,
            name,
        },
    );
    st.by_token.insert(token.clone(), id);
    // Posted to the endpoint by the caller instead, when Discord is told to.
    if st.endpoints.is_none() {
        session::dispatch(st, "INTERACTION_CREATE", payload.clone(), Some(id));
    }
    Interaction {
        id,
        token,
        kind,
        channel: inv.channel,
        payload,
    }
}

pub(super) enum Target {
    Command,
    Button { message: Value, custom_id: String },
}

/// Finds the button `custom_id` on a message's components (any nesting); panics when a user could
/// not press it.
pub(super) fn find_button(message: &Value, custom_id: &str) -> Value {
    fn walk(v: &Value, id: &str) -> Option<Value> {
        if v.get("custom_id").and_then(Value::as_str) == Some(id) {
            return Some(v.clone());
        }
        ["components", "accessory"]
            .iter()
            .filter_map(|k| v.get(*k))
            .find_map(|c| match c {
                Value::Array(a) => a.iter().find_map(|x| walk(x, id)),
                other => walk(other, id),
            })
    }
    let button = walk(message, custom_id)
        .unwrap_or_else(|| panic!("no component with custom_id {custom_id:?} on the message"));
    assert_ne!(
        button["disabled"],
        json!(true),
        "button {custom_id:?} is disabled: nobody can press it"
    );
    button
}
