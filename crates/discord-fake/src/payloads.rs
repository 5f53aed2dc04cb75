//! The JSON objects the fake hands out, shaped as the docs define them (user, guild member, channel,
//! guild, message, interaction, READY, application) and complete enough that serenity 0.12 parses
//! them: every field serenity requires is present, even where Discord's docs mark it optional.

use chrono::{SecondsFormat, Utc};
use serde_json::{Value, json};

use super::state::{Channel, InteractionKind, Shared};

/// Permissions of a default member: view, send, embed links, attach files, read history, use
/// external emojis, add reactions, use application commands.
pub const MEMBER_PERMISSIONS: u64 =
    (1 << 10) | (1 << 11) | (1 << 14) | (1 << 15) | (1 << 16) | (1 << 18) | (1 << 6) | (1 << 31);
const SEND_MESSAGES: u64 = 1 << 11;
/// What the bot may do in a channel it is not denied: the member set plus MANAGE_MESSAGES.
const BOT_PERMISSIONS: u64 = MEMBER_PERMISSIONS | (1 << 13);

pub fn now() -> String {
    Utc::now().to_rfc3339_opts(SecondsFormat::Micros, false)
}

/// A user as other users see it (discriminator "0": the pomelo usernames of today).
pub fn user(id: u64, username: &str) -> Value {
    json!({
        "id": id.to_string(),
        "username": username,
        "discriminator": "0",
        "global_name": username,
        "avatar": null,
        "public_flags": 0,
        "flags": 0,
        "banner": null,
        "accent_color": null,
        "avatar_decoration_data": null,
    })
}

/// The bot's own user, as messages show their author.
pub fn bot_user(s: &Shared) -> Value {
    let mut u = user(s.bot_id, "Attaché");
    u["discriminator"] = json!("4217");
    u["global_name"] = Value::Null;
    u["bot"] = json!(true);
    u
}

/// The current user (`GET /users/@me`, READY's `user`).
pub fn current_user(s: &Shared) -> Value {
    let mut u = bot_user(s);
    u["verified"] = json!(true);
    u["mfa_enabled"] = json!(false);
    u["email"] = Value::Null;
    u["locale"] = json!("en-US");
    u["premium_type"] = json!(0);
    u
}

pub fn member(user: Value, roles: &[u64], permissions: u64) -> Value {
    json!({
        "user": user,
        "nick": null,
        "avatar": null,
        "banner": null,
        "roles": roles.iter().map(u64::to_string).collect::<Vec<_>>(),
        "joined_at": "2024-01-01T12:00:00.000000+00:00",
        "premium_since": null,
        "deaf": false,
        "mute": false,
        "flags": 0,
        "pending": false,
        "permissions": permissions.to_string(),
        "communication_disabled_until": null,
        "unusual_dm_activity_until": null,
    })
}

/// The bot's permissions in a channel, as `app_permissions` carries them.
pub fn bot_permissions(ch: &Channel) -> u64 {
    if ch.denied {
        BOT_PERMISSIONS & !SEND_MESSAGES
    } else {
        BOT_PERMISSIONS
    }
}

/// A guild text channel; a denied channel carries the overwrite that denies the bot SEND_MESSAGES.
pub fn channel(s: &Shared, ch: &Channel, position: usize, last_message_id: Option<u64>) -> Value {
    let overwrites = if ch.denied {
        json!([{"id": s.bot_id.to_string(), "type": 1, "allow": "0", "deny": SEND_MESSAGES.to_string()}])
    } else {
        json!([])
    };
    json!({
        "id": ch.id.to_string(),
        "type": 0,
        "guild_id": s.guild_id.to_string(),
        "name": ch.name,
        "position": position,
        "permission_overwrites": overwrites,
        "topic": null,
        "nsfw": false,
        "last_message_id": last_message_id.map(|m| m.to_string()),
        "rate_limit_per_user": 0,
        "parent_id": null,
        "flags": 0,
    })
}

/// The guild as GUILD_CREATE delivers it, with its channels and the bot as its only member.
pub fn guild_create(s: &Shared, channels: Vec<Value>) -> Value {
    let everyone = json!({
        "id": s.guild_id.to_string(), "name": "@everyone", "color": 0, "hoist": false, "icon": null,
        "unicode_emoji": null, "position": 0, "permissions": MEMBER_PERMISSIONS.to_string(),
        "managed": false, "mentionable": false, "flags": 0,
    });
    // Two literals merged: one would exceed `json!`'s macro recursion limit.
    let mut g = json!({
        "id": s.guild_id.to_string(),
        "name": "Attaché test guild",
        "icon": null, "icon_hash": null, "splash": null, "discovery_splash": null,
        "owner_id": "1000", "afk_channel_id": null, "afk_timeout": 300,
        "widget_enabled": false, "widget_channel_id": null,
        "verification_level": 0, "default_message_notifications": 1, "explicit_content_filter": 0,
        "roles": [everyone], "emojis": [], "features": [], "mfa_level": 0,
        "application_id": null, "system_channel_id": null, "system_channel_flags": 0,
        "rules_channel_id": null, "max_presences": null, "max_members": 500000,
        "vanity_url_code": null, "description": null, "banner": null,
    });
    let rest = json!({
        "premium_tier": 0, "premium_subscription_count": 0, "preferred_locale": "en-US",
        "public_updates_channel_id": null, "max_video_channel_users": 25,
        "max_stage_video_channel_users": 50, "nsfw_level": 0, "stickers": [],
        "premium_progress_bar_enabled": false, "safety_alerts_channel_id": null,
        "incidents_data": null,
        "joined_at": "2024-01-01T12:00:00.000000+00:00", "large": false, "unavailable": false,
        "member_count": 2, "voice_states": [],
        "members": [member(bot_user(s), &[], BOT_PERMISSIONS)],
        "channels": channels, "threads": [], "presences": [], "stage_instances": [],
        "guild_scheduled_events": [], "soundboard_sounds": [], "lazy": true,
    });
    if let (Value::Object(a), Value::Object(b)) = (&mut g, rest) {
        a.extend(b);
    }
    g
}

pub fn ready(s: &Shared, session_id: &str, shard: Option<&Value>) -> Value {
    json!({
        "v": 10,
        "user": current_user(s),
        "guilds": [{"id": s.guild_id.to_string(), "unavailable": true}],
        "session_id": session_id,
        "resume_gateway_url": s.ws_url,
        "shard": shard,
        "application": {"id": s.app_id.to_string(), "flags": application_flags()},
        "private_channels": [],
        "presences": [],
        "relationships": [],
        "guild_join_requests": [],
        "user_settings": {},
        "session_type": "normal",
        "auth": {},
        "geo_ordered_rtc_regions": [],
        "_trace": ["[\"gateway-fake\",{\"micros\":0}]"],
    })
}

/// GATEWAY_MESSAGE_CONTENT_LIMITED (1 << 19) and GATEWAY_GUILD_MEMBERS_LIMITED (1 << 15): an
/// unverified bot with the privileged intents' limited versions switched on.
fn application_flags() -> u64 {
    (1 << 19) | (1 << 15)
}

/// `GET /oauth2/applications/@me`.
pub fn application(s: &Shared) -> Value {
    json!({
        "id": s.app_id.to_string(),
        "name": "Attaché",
        "icon": null,
        "description": "Event briefings",
        "summary": "",
        "type": null,
        "bot": bot_user(s),
        "bot_public": false,
        "bot_require_code_grant": false,
        "verify_key": super::outgoing::hex(s.signing.verifying_key().as_bytes()),
        "flags": application_flags(),
        "owner": user(1000, "owner"),
        "team": null,
        "hook": true,
        "is_monetized": false,
        "tags": [],
        "redirect_uris": [],
        "interactions_endpoint_url": null,
        "integration_types_config": {"0": {}},
        "approximate_guild_count": 1,
    })
}

/// The facts a stored message is built from.
pub struct NewMessage<'a> {
    pub id: u64,
    pub channel: u64,
    pub body: &'a Value,
    /// Message type: 0 default, 19 reply, 20 chat input command.
    pub kind: u64,
    /// The interaction it answers: its id, type, the user, and the command name.
    pub interaction: Option<(u64, InteractionKind, &'a Value, &'a str)>,
    pub flags: u64,
}

/// A message object as `POST /channels/{id}/messages` and the webhook endpoints return it.
pub fn message(s: &Shared, m: NewMessage<'_>) -> Value {
    let mut v = json!({
        "id": m.id.to_string(),
        "channel_id": m.channel.to_string(),
        "author": bot_user(s),
        "content": "",
        "timestamp": now(),
        "edited_timestamp": null,
        "tts": false,
        "mention_everyone": false,
        "mentions": [],
        "mention_roles": [],
        "attachments": [],
        "embeds": [],
        "components": [],
        "pinned": false,
        "type": m.kind,
        "flags": m.flags,
    });
    apply_edit(&mut v, m.body);
    if let Some((id, kind, user, name)) = m.interaction {
        v["webhook_id"] = json!(s.app_id.to_string());
        v["application_id"] = json!(s.app_id.to_string());
        v["interaction_metadata"] = json!({
            "id": id.to_string(), "type": kind as u64, "user": user,
            "authorizing_integration_owners": {"0": s.guild_id.to_string()},
            "name": name, "command_type": 1,
        });
        v["interaction"] = json!({"id": id.to_string(), "type": kind as u64, "name": name, "user": user});
    }
    v
}

/// Applies the editable fields of a message body onto a stored message; `null` clears a field.
pub fn apply_edit(msg: &mut Value, body: &Value) {
    for key in ["content", "embeds", "components", "attachments", "poll"] {
        match body.get(key) {
            None => {}
            Some(Value::Null) => {
                msg[key] = if key == "content" { json!("") } else { json!([]) };
            }
            Some(v) => msg[key] = v.clone(),
        }
    }
    if let Some(Value::Array(embeds)) = msg.get_mut("embeds") {
        for e in embeds.iter_mut().filter(|e| e.is_object()) {
            if e.get("type").is_none() {
                e["type"] = json!("rich");
            }
        }
    }
    if body.get("tts").and_then(Value::as_bool) == Some(true) {
        msg["tts"] = json!(true);
    }
}

/// An interaction payload as INTERACTION_CREATE carries it.
pub struct NewInteraction<'a> {
    pub id: u64,
    pub token: &'a str,
    pub kind: InteractionKind,
    pub data: Value,
    pub channel: &'a Channel,
    pub member: Value,
    pub locale: &'a str,
    /// For a component interaction, the message the component is on.
    pub message: Option<Value>,
}

pub fn interaction(s: &Shared, i: NewInteraction<'_>) -> Value {
    let mut partial_channel = channel(s, i.channel, 0, None);
    partial_channel["permissions"] = json!(bot_permissions(i.channel).to_string());
    let mut v = json!({
        "id": i.id.to_string(),
        "application_id": s.app_id.to_string(),
        "type": i.kind as u64,
        "data": i.data,
        "guild": {"id": s.guild_id.to_string(), "locale": "en-US", "features": []},
        "guild_id": s.guild_id.to_string(),
        "channel": partial_channel,
        "channel_id": i.channel.id.to_string(),
        "member": i.member,
        "token": i.token,
        "version": 1,
        "app_permissions": bot_permissions(i.channel).to_string(),
        "locale": i.locale,
        "guild_locale": "en-US",
        "entitlements": [],
        "authorizing_integration_owners": {"0": s.guild_id.to_string()},
        "context": 0,
        "attachment_size_limit": 10_485_760,
    });
    if let Some(m) = i.message {
        v["message"] = m;
    }
    v
}
