//! What a test user does in an encrypted room, through matrix-sdk: send (encrypting, after sharing the
//! room key with every joined or invited device it can find) and read (decrypting with the keys it has
//! received so far). Everything runs on the harness runtime, where the clients live.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant, SystemTime};

use matrix_sdk::config::RequestConfig;
use matrix_sdk::deserialized_responses::{TimelineEvent, TimelineEventKind};
use matrix_sdk::room::MessagesOptions;
use matrix_sdk::ruma::api::error::{ErrorKind, RetryAfter};
use matrix_sdk::ruma::{OwnedEventId, OwnedRoomId};
use matrix_sdk::{Client, Room, RoomState};
use serde_json::Value;

use super::http::{MAX_RETRY_WAIT, on_rt};
use super::seen::Seen;

/// How long to wait for the background sync to show a room as joined after a join or a creation.
const ROOM_WAIT: Duration = Duration::from_secs(20);

/// Sends `content` as an `m.room.message` in the encrypted `room`; the event id. Waits out 429s,
/// counting them in `limited`, as the raw API path does.
pub async fn send(client: Client, room: &str, content: Value, limited: Arc<AtomicUsize>) -> String {
    let room_id = room.to_owned();
    on_rt(async move {
        let room = joined_room(&client, &room_id).await;
        loop {
            // The sdk would retry a 429 itself, unseen; disabled, so the count stays true.
            let sent = room
                .send_raw("m.room.message", content.clone())
                .with_request_config(RequestConfig::new().disable_retry())
                .await;
            match sent {
                Ok(r) => return r.response.event_id.to_string(),
                Err(e) => match rate_limited_for(&e) {
                    Some(wait) if wait <= MAX_RETRY_WAIT => {
                        limited.fetch_add(1, Ordering::Relaxed);
                        tokio::time::sleep(wait + Duration::from_millis(50)).await;
                    }
                    _ => panic!("send in the encrypted room {room_id}: {e}"),
                },
            }
        }
    })
    .await
}

/// Every message of the encrypted `room`, oldest first, decrypted where this device has the key.
pub async fn messages(client: Client, room: &str) -> Vec<Seen> {
    let room_id = room.to_owned();
    on_rt(async move {
        let room = joined_room(&client, &room_id).await;
        let mut out = Vec::new();
        let mut from = None;
        loop {
            let mut options = MessagesOptions::backward().from(from.as_deref());
            options.limit = 100u32.into();
            options.filter.types = Some(vec!["m.room.message".into(), "m.room.encrypted".into()]);
            let page = room
                .messages(options)
                .await
                .unwrap_or_else(|e| panic!("messages of {room_id}: {e}"));
            out.extend(page.chunk.iter().filter_map(seen));
            match page.end {
                Some(end) if !page.chunk.is_empty() => from = Some(end),
                _ => break,
            }
        }
        out.reverse();
        out
    })
    .await
}

/// One event of the encrypted `room`, decrypted if this device has the key.
pub async fn event(client: Client, room: &str, event_id: &str) -> Seen {
    let (room_id, event_id) = (room.to_owned(), event_id.to_owned());
    on_rt(async move {
        let room = joined_room(&client, &room_id).await;
        let id = OwnedEventId::try_from(event_id.as_str()).expect("an event id");
        let event = room
            .event(&id, None)
            .await
            .unwrap_or_else(|e| panic!("event {event_id}: {e}"));
        seen(&event).unwrap_or_else(|| panic!("{event_id} is not a message"))
    })
    .await
}

fn seen(event: &TimelineEvent) -> Option<Seen> {
    let encrypted = matches!(
        event.kind,
        TimelineEventKind::Decrypted(_) | TimelineEventKind::UnableToDecrypt { .. }
    );
    let json: Value = serde_json::from_str(event.raw().json().get()).ok()?;
    Seen::from_event(&json, encrypted)
}

/// The sdk's view of `room` once its sync shows this user joined: sending needs the member list and
/// the encryption state from there.
async fn joined_room(client: &Client, room: &str) -> Room {
    let id = OwnedRoomId::try_from(room).unwrap_or_else(|_| panic!("{room} is not a room id"));
    let deadline = Instant::now() + ROOM_WAIT;
    loop {
        if let Some(r) = client.get_room(&id).filter(|r| r.state() == RoomState::Joined) {
            return r;
        }
        assert!(
            Instant::now() < deadline,
            "{room} did not sync as joined within {ROOM_WAIT:?}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// The wait a 429 asks for, if `e` is one.
fn rate_limited_for(e: &matrix_sdk::Error) -> Option<Duration> {
    let ErrorKind::LimitExceeded(data) = e.client_api_error_kind()? else {
        return None;
    };
    Some(match data.retry_after {
        Some(RetryAfter::Delay(d)) => d,
        Some(RetryAfter::DateTime(t)) => t.duration_since(SystemTime::now()).unwrap_or_default(),
        None => Duration::from_secs(1),
    })
}
