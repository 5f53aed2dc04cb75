//! The sync loop, driven here with `sync_once` so the adapter owns the tokens and the order of handling.
//!
//! - First start (no sync token in the store): one initial sync whose timelines are skipped, so no backlog is
//!   answered. Later starts resume from the stored token; events from before the start are skipped anyway.
//! - Each sync's commands go to their room's task, in timeline order. A room's timeline that comes back
//!   `limited` (Synapse returns at most 100 events per room, and the rest never reach a handler) also
//!   carries the gap to fetch from `/messages`: from the timeline's `prev_batch` back to the previous sync's
//!   `next_batch`. The room task fetches it and answers it first; ids are de-duplicated across both.
//! - `sync_once` fails on the first error: the loop reports `Reconnecting(why)`, waits (the core's backoff, or
//!   the time a 429 names) and tries again from the same token, so nothing is lost; `Connected` again after
//!   the next successful sync.
//! - Invites are joined when `autojoin` allows, with retries, since Synapse can race a join with its invite.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;
use std::time::Duration;

use matrix_sdk::deserialized_responses::{TimelineEvent, TimelineEventKind};
use matrix_sdk::ruma::api::client::sync::sync_events::v3::Filter;
use matrix_sdk::ruma::events::AnySyncStateEvent;
use matrix_sdk::ruma::serde::Raw;
use matrix_sdk::ruma::{OwnedRoomId, OwnedUserId, RoomId};
use matrix_sdk::store::{StateStoreDataKey, StateStoreDataValue};
use matrix_sdk::sync::{JoinedRoomUpdate, SyncResponse};
use matrix_sdk::{Room, RoomState};

use attache_core::engine::PlatformState;
use attache_core::retry::Policy;

use super::event::{self, Request, triage};
use super::filter::{definition, settings, uploaded_filter};
use super::poster::MatrixPoster;
use super::room::{self, Gap, Work};
use super::send;
use super::{Bot, PLATFORM};

/// Syncing again after a failed sync.
const SYNC_RETRY: Policy = Policy::new(Duration::from_secs(1), Duration::from_secs(10));
/// Joining a room on invite, which Synapse can race with the invite itself.
const JOIN_RETRY: Policy = Policy::new(Duration::from_secs(1), Duration::from_secs(60));
const JOIN_ATTEMPTS: u32 = 10;

pub async fn run(bot: Arc<Bot>) {
    let mut since = stored_token(&bot).await;
    let mut first = since.is_none();
    let mut rooms: HashMap<OwnedRoomId, room::Handle> = HashMap::new();
    let mut backoff = SYNC_RETRY.backoff();
    let mut connected = false;
    let mut poster_registered = false;
    // Rooms the bot has been in since before the current sync: one missing from here is joined anew.
    let mut known: HashSet<OwnedRoomId> = bot
        .client
        .joined_rooms()
        .iter()
        .map(|r| r.room_id().to_owned())
        .collect();
    // Inline until the first sync has succeeded, then uploaded (once) and named by id.
    let mut filter = Filter::FilterDefinition(definition(&bot.names.user_id));
    let mut filter_uploaded = false;
    loop {
        let settings = settings(&filter, since.as_deref(), connected);
        let result = tokio::select! {
            _ = bot.shutdown.cancelled() => break,
            r = bot.client.sync_once(settings) => r,
        };
        let response = match result {
            Ok(r) => r,
            Err(e) => {
                let wait = send::wait_after(&e, &mut backoff);
                tracing::warn!("Matrix sync failed ({e}); reconnecting in {wait:?}");
                bot.engine
                    .set_platform(PLATFORM, PlatformState::Reconnecting(e.to_string()));
                connected = false;
                if !send::sleep(wait, &bot.shutdown).await {
                    break;
                }
                continue;
            }
        };
        if !connected {
            tracing::info!(rooms = response.rooms.joined.len(), "Matrix: synced");
            bot.engine.set_platform(PLATFORM, PlatformState::Connected);
            connected = true;
            backoff.reset();
            if !poster_registered {
                poster_registered = register_poster(&bot);
            }
            if !filter_uploaded {
                filter = uploaded_filter(&bot).await;
                filter_uploaded = true;
            }
        }
        note_power_levels(&bot, &response);
        invites(&bot, &response);
        if first {
            tracing::info!("first start: the history of every room is skipped, never answered");
            first = false;
        } else {
            dispatch(&bot, &mut rooms, &response, since.as_deref(), &known);
        }
        known.extend(response.rooms.joined.keys().cloned());
        for left in response.rooms.left.keys() {
            known.remove(left);
        }
        since = Some(response.next_batch);
        // Room tasks that stopped for lack of work are forgotten.
        rooms.retain(|_, h| !h.is_closed());
    }
}

/// Forgets the kept power levels of the rooms whose power levels the sync changed, and of those left,
/// before any of its commands is answered.
fn note_power_levels(bot: &Bot, response: &SyncResponse) {
    for (room_id, update) in &response.rooms.joined {
        bot.power.update(room_id, update);
    }
    for room_id in response.rooms.left.keys() {
        bot.power.invalidate(room_id);
    }
}

/// Lets the scheduler post through this client; `false` when the bot runs without digests. Called after
/// a sync, so the rooms the bot is in are known when the first post goes out.
fn register_poster(bot: &Bot) -> bool {
    let Some(digests) = bot.engine.digests() else {
        return false;
    };
    let poster = MatrixPoster::new(
        bot.client.clone(),
        bot.names.user_id.clone(),
        bot.shutdown.clone(),
    );
    digests.add_poster(Arc::new(poster));
    true
}

/// Sends each served room's commands, and its gap when the timeline was limited, to the room's task.
fn dispatch(
    bot: &Arc<Bot>,
    rooms: &mut HashMap<OwnedRoomId, room::Handle>,
    response: &SyncResponse,
    since: Option<&str>,
    known: &HashSet<OwnedRoomId>,
) {
    for (room_id, update) in &response.rooms.joined {
        if !bot.serves(room_id) {
            continue;
        }
        let Some(work) = room_work(bot, room_id, update, since, !known.contains(room_id)) else {
            continue;
        };
        let Some(room) = bot.client.get_room(room_id) else {
            continue;
        };
        let handle = rooms
            .entry(room_id.clone())
            .or_insert_with(|| room::Handle::spawn(bot.clone(), room.clone()));
        if let Err(work) = handle.send(work) {
            // The task had just stopped for lack of work: start another with this batch.
            let fresh = room::Handle::spawn(bot.clone(), room);
            let _ = fresh.send(work);
            rooms.insert(room_id.clone(), fresh);
        }
    }
}

/// A room's work in one sync: the commands said since the bot joined, and the gap to fetch when the
/// timeline was limited; `None` when there is nothing to do. `newly`: the room is new to the bot.
fn room_work(
    bot: &Bot,
    room_id: &RoomId,
    update: &JoinedRoomUpdate,
    since: Option<&str>,
    newly: bool,
) -> Option<Work> {
    let timeline = &update.timeline;
    // Joined in this sync: what came before the join (and any gap) was said before the bot was there.
    // The bot's own events are filtered out of timelines (see [`filter`]), so its join is looked for in the
    // room's state too; a room new to the bot whose join is nowhere is all history.
    let joined = own_join(bot, update);
    if newly {
        tracing::debug!(room = %room_id, join = ?joined, "joined: what came before the join is history");
    }
    let gap = match (&timeline.prev_batch, timeline.limited, joined, newly) {
        (Some(from), true, None, false) => Some(Gap {
            from: from.clone(),
            to: since.map(str::to_string),
        }),
        _ => None,
    };
    let events: Vec<&TimelineEvent> = match (joined, newly) {
        (Some(Join::InTimeline(i)), _) => timeline.events[i + 1..].iter().collect(),
        (Some(Join::At(ts)), _) => timeline
            .events
            .iter()
            .filter(|e| e.timestamp().is_some_and(|t| u64::from(t.get()) > ts))
            .collect(),
        (None, true) => Vec::new(),
        (None, false) => timeline.events.iter().collect(),
    };
    let (requests, undecrypted) = read_all(bot, events);
    if gap.is_none() && requests.is_empty() && undecrypted.is_empty() {
        return None;
    }
    if let Some(g) = &gap {
        tracing::info!(room = %room_id, "sync timeline limited: fetching the gap");
        attache_core::observe::gap_fetch();
        tracing::debug!(from = g.from, to = ?g.to, "gap");
    }
    Some(Work {
        gap,
        requests,
        undecrypted,
    })
}

/// Where the bot's own join of a room is in a sync's room update.
#[derive(Debug, Clone, Copy)]
enum Join {
    /// At this index of the timeline.
    InTimeline(usize),
    /// In the state part, at this `origin_server_ts`.
    At(u64),
}

fn own_join(bot: &Bot, update: &JoinedRoomUpdate) -> Option<Join> {
    let me = &bot.names.user_id;
    let join_ts = |raw: &Raw<AnySyncStateEvent>| -> Option<u64> {
        // Only the bot's own member events are read in full.
        if raw.get_field::<OwnedUserId>("state_key").ok().flatten().as_ref() != Some(me) {
            return None;
        }
        event::join_of(&raw.deserialize().ok()?, me)
    };
    let timeline = &update.timeline.events;
    if let Some(i) = timeline
        .iter()
        .rposition(|e| join_ts(e.raw().cast_ref_unchecked()).is_some())
    {
        return Some(Join::InTimeline(i));
    }
    let state = match &update.state {
        matrix_sdk::sync::State::Before(events) | matrix_sdk::sync::State::After(events) => events,
    };
    state
        .iter()
        .find_map(|e| join_ts(e.cast_ref_unchecked()))
        .map(Join::At)
}

/// The commands among `events`, in order, and the events that could not be decrypted yet. The running
/// config is read once for them all.
pub fn read_all<'a>(
    bot: &Bot,
    events: impl IntoIterator<Item = &'a TimelineEvent>,
) -> (Vec<Request>, Vec<TimelineEvent>) {
    let mut requests = Vec::new();
    let mut undecrypted = Vec::new();
    bot.with_config(|config| {
        for event in events {
            match read_as(bot, &config.prefix, event) {
                Read::Command(r) => requests.push(r),
                Read::Undecrypted(e) => undecrypted.push(e),
                Read::Skip => {}
            }
        }
    });
    (requests, undecrypted)
}

/// What a timeline event is to the bot.
pub enum Read {
    Command(Request),
    /// An encrypted event whose key has not arrived (yet).
    Undecrypted(TimelineEvent),
    Skip,
}

/// Reads one (already decrypted, when the key was there) timeline event.
pub fn read(bot: &Bot, event: &TimelineEvent) -> Read {
    bot.with_config(|config| read_as(bot, &config.prefix, event))
}

/// [`read`], with the command prefix of the running config.
fn read_as(bot: &Bot, prefix: &str, event: &TimelineEvent) -> Read {
    if let TimelineEventKind::UnableToDecrypt { utd_info, .. } = &event.kind {
        let old = bot.is_backlog(event);
        let own = event
            .raw()
            .get_field::<OwnedUserId>("sender")
            .ok()
            .flatten()
            .as_ref()
            == Some(&bot.names.user_id);
        if old || own {
            return Read::Skip;
        }
        tracing::warn!(event = ?event.event_id(), reason = ?utd_info.reason, "cannot decrypt an event yet");
        return Read::Undecrypted(event.clone());
    }
    let Ok(incoming) = event.raw().deserialize() else {
        return Read::Skip;
    };
    match triage(&incoming, &bot.names, prefix, bot.started_ms) {
        Ok(request) => Read::Command(request),
        Err(skip) => {
            tracing::trace!(event = %incoming.event_id(), ?skip, "not a command");
            Read::Skip
        }
    }
}

/// The sync token saved by the last run, if any: its absence means this is the first start.
async fn stored_token(bot: &Bot) -> Option<String> {
    match bot
        .client
        .state_store()
        .get_kv_data(StateStoreDataKey::SyncToken)
        .await
    {
        Ok(Some(StateStoreDataValue::SyncToken(token))) => Some(token),
        _ => None,
    }
}

/// Accepts or ignores each new invite, as `autojoin` says.
fn invites(bot: &Arc<Bot>, response: &SyncResponse) {
    for room_id in response.rooms.invited.keys() {
        let Some(room) = bot.client.get_room(room_id) else {
            continue;
        };
        if !bot.serves(room_id) {
            tracing::info!(room = %room_id, "ignoring an invite to a room not in `matrix.rooms`");
            continue;
        }
        let bot = bot.clone();
        bot.tasks.clone().spawn(accept_invite(bot, room));
    }
}

async fn accept_invite(bot: Arc<Bot>, room: Room) {
    let inviter = match room.invite_details().await {
        Ok(details) => details.inviter_id.to_string(),
        Err(e) => {
            tracing::warn!(room = %room.room_id(), "cannot read an invite ({e}); ignoring it");
            return;
        }
    };
    if !bot.with_config(|c| c.autojoin.allows(&inviter, &c.admins)) {
        tracing::info!(room = %room.room_id(), inviter, "ignoring an invite `matrix.autojoin` does not allow");
        return;
    }
    let mut backoff = JOIN_RETRY.backoff();
    for attempt in 1..=JOIN_ATTEMPTS {
        match room.join().await {
            Ok(()) => {
                tracing::info!(room = %room.room_id(), inviter, "joined on invite");
                return;
            }
            Err(_) if room.state() == RoomState::Joined => return,
            Err(e) => {
                let wait = send::wait_after(&e, &mut backoff);
                tracing::warn!(room = %room.room_id(), attempt, "cannot join yet ({e}); retrying in {wait:?}");
                if !send::sleep(wait, &bot.shutdown).await {
                    return;
                }
            }
        }
    }
    tracing::error!(room = %room.room_id(), "gave up joining after {JOIN_ATTEMPTS} attempts");
}
