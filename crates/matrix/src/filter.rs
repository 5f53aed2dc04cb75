//! What each sync asks the homeserver for: the filter (uploaded once, then named by id), the long poll,
//! and no presence. Whatever the bot never reads is left out here, so the homeserver neither computes
//! nor sends it and the bot never parses or stores it.

use std::time::Duration;

use matrix_sdk::config::SyncSettings;
use matrix_sdk::ruma::api::client::filter::{FilterDefinition, RoomEventFilter, RoomFilter};
use matrix_sdk::ruma::api::client::sync::sync_events::v3::Filter;
use matrix_sdk::ruma::presence::PresenceState;
use matrix_sdk::ruma::{UInt, UserId};

use super::Bot;

/// How long a sync waits on the server for new events.
const LONG_POLL: Duration = Duration::from_secs(30);
/// Synapse's own cap on timeline events per room in one sync; asking for it keeps gaps rare.
const TIMELINE_LIMIT: u32 = 100;

/// The next sync, from `since`. Not connected yet (this start, or after an error): it returns at once, so
/// the bot is known to be connected (and its rooms to post to) without waiting out a long poll in a quiet
/// account.
///
/// The bot does not show as online: a sync that sets presence costs the homeserver a presence update.
pub fn settings(filter: &Filter, since: Option<&str>, connected: bool) -> SyncSettings {
    let timeout = if connected { LONG_POLL } else { Duration::ZERO };
    let settings = SyncSettings::default()
        .filter(filter.clone())
        .timeout(timeout)
        .set_presence(PresenceState::Offline);
    match since {
        Some(token) => settings.token(token),
        None => settings,
    }
}

/// What the bot asks each sync for: a room's timeline up to Synapse's cap without the bot's own events, the
/// state of only the members who speak (lazy-loaded), and nothing it never reads (presence, typing,
/// receipts, account data). Without its own events, the bot's answers do not wake its next sync: in a
/// burst that halves the syncs, each of which costs the crypto store a copy of the whole account.
/// To-device messages and device lists, which encryption needs, cannot be filtered out and are kept.
pub fn definition(me: &UserId) -> FilterDefinition {
    let mut timeline = RoomEventFilter::default();
    timeline.limit = Some(UInt::from(TIMELINE_LIMIT));
    timeline.not_senders = vec![me.to_owned()];
    let mut room = RoomFilter::with_lazy_loading();
    room.timeline = timeline;
    room.ephemeral = RoomEventFilter::ignore_all();
    room.account_data = RoomEventFilter::ignore_all();
    let mut definition = FilterDefinition::default();
    definition.room = room;
    definition.presence = matrix_sdk::ruma::api::client::filter::Filter::ignore_all();
    definition.account_data = matrix_sdk::ruma::api::client::filter::Filter::ignore_all();
    definition
}

/// The filter uploaded once, so each sync names it by id instead of carrying it for the server to parse
/// and validate again; its definition inline when the upload failed. The store keeps the id under a name
/// derived from the definition, so a changed definition is uploaded anew.
pub async fn uploaded_filter(bot: &Bot) -> Filter {
    let definition = definition(&bot.names.user_id);
    let json = serde_json::to_vec(&definition).expect("a filter serializes");
    let name = format!("attache-sync-{:016x}", fnv1a(&json));
    match bot.client.get_or_upload_filter(&name, definition.clone()).await {
        Ok(id) => Filter::FilterId(id),
        Err(e) => {
            tracing::warn!("cannot upload the sync filter ({e}); sending it with each sync");
            Filter::FilterDefinition(definition)
        }
    }
}

/// FNV-1a, 64 bits: a name for a filter definition that stays the same across builds.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use matrix_sdk::ruma::user_id;

    use super::*;

    #[test]
    fn the_filter_leaves_out_what_the_bot_never_reads() {
        let json = serde_json::to_value(definition(user_id!("@attache:example.org"))).unwrap();
        assert_eq!(json["presence"]["types"], serde_json::json!([]));
        assert_eq!(json["account_data"]["types"], serde_json::json!([]));
        assert_eq!(json["room"]["ephemeral"]["types"], serde_json::json!([]));
        assert_eq!(json["room"]["account_data"]["types"], serde_json::json!([]));
        assert_eq!(json["room"]["state"]["lazy_load_members"], true);
        assert_eq!(json["room"]["timeline"]["limit"], 100);
        assert_eq!(
            json["room"]["timeline"]["not_senders"],
            serde_json::json!(["@attache:example.org"])
        );
        assert!(
            json["room"]["timeline"].get("types").is_none(),
            "every event type in timelines"
        );
    }

    #[test]
    fn a_changed_definition_gets_another_name() {
        assert_ne!(fnv1a(b"{\"a\":1}"), fnv1a(b"{\"a\":2}"));
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
    }
}
