//! Digests and announcements on Matrix: the [`Poster`] the scheduler sends through.
//!
//! A post is one `m.notice` sent with the post key as its transaction id
//! (`PUT /rooms/{room}/send/m.room.message/{key}`): a homeserver answers a transaction id repeated by the
//! same device with the first event instead of sending another, and the bot keeps its device across restarts
//! (its session store). The key is also in the content (`org.attache.post`), where the bot's own client
//! finds it again, encrypted rooms included, when a homeserver has forgotten the transaction. An edit is an
//! `m.replace` whose transaction id is derived from the key and the new content, so it too is sent once.

use chrono::{DateTime, Utc};
use matrix_sdk::deserialized_responses::TimelineEventKind;
use matrix_sdk::room::MessagesOptions;
use matrix_sdk::ruma::api::client::filter::RoomEventFilter;
use matrix_sdk::ruma::api::error::ErrorKind;
use matrix_sdk::ruma::events::room::message::{Relation, ReplacementMetadata, RoomMessageEventContent};
use matrix_sdk::ruma::events::{AnySyncMessageLikeEvent, AnySyncTimelineEvent, SyncMessageLikeEvent};
use matrix_sdk::ruma::serde::{JsonObject, Raw};
use matrix_sdk::ruma::{EventId, OwnedEventId, OwnedTransactionId, OwnedUserId, UInt};
use matrix_sdk::{Client, Room, RoomState};
use tokio_util::sync::CancellationToken;

use attache_core::digest::{
    BoxFuture, FailureReason, Platform, PostFailure, PostKey, PostedId, Poster, Target, content,
};
use attache_core::response::Response;

use super::event::answer_content;
use super::render::render_one;
use super::send::{self, SendError};

/// The content key that carries a post's key.
pub const POST_KEY_FIELD: &str = "org.attache.post";
/// A send keeps retrying a rate limit or a network failure this long before the scheduler takes over (it
/// retries later with the same transaction id).
const PATIENCE: std::time::Duration = std::time::Duration::from_secs(60);
/// Events per page, and pages at most, when looking for a post in a room's history.
const PAGE: u32 = 100;
const MAX_PAGES: usize = 20;

pub struct MatrixPoster {
    client: Client,
    user: OwnedUserId,
    shutdown: CancellationToken,
}

impl MatrixPoster {
    pub fn new(client: Client, user: OwnedUserId, shutdown: CancellationToken) -> MatrixPoster {
        MatrixPoster {
            client,
            user,
            shutdown,
        }
    }

    /// The joined room a target names; an alias is resolved on the homeserver.
    async fn room(&self, target: &Target) -> Result<Room, PostFailure> {
        let Target::Matrix(name) = target else {
            return Err(PostFailure::permanent(
                FailureReason::UnknownTarget,
                format!("{target} is not a Matrix room"),
            ));
        };
        let id = match super::room_id(&self.client, name).await {
            Ok(id) => id,
            Err(super::Unresolved::Invalid(why)) => {
                return Err(PostFailure::permanent(FailureReason::UnknownTarget, why));
            }
            Err(super::Unresolved::Lookup(e)) => {
                let e = matrix_sdk::Error::Http(Box::new(e));
                return Err(if send::is_transient(&e) {
                    PostFailure::later(FailureReason::Unavailable, e.to_string())
                } else {
                    PostFailure::permanent(FailureReason::UnknownTarget, e.to_string())
                });
            }
        };
        match self.client.get_room(&id) {
            Some(room) if room.state() == RoomState::Joined => Ok(room),
            // The bot may be invited and join soon: worth trying again within the post's window.
            Some(room) => Err(PostFailure::later(
                FailureReason::NotJoined,
                format!("the bot's membership in {id} is {:?}", room.state()),
            )),
            None => Err(PostFailure::later(
                FailureReason::NotJoined,
                format!("the bot is not in {id}"),
            )),
        }
    }

    async fn send(
        &self,
        room: &Room,
        content: Raw<RoomMessageEventContent>,
        txn: &PostKey,
    ) -> Result<OwnedEventId, PostFailure> {
        let txn: OwnedTransactionId = txn.as_str().into();
        let sent = send::send_as(room, content, &txn, Some(PATIENCE), &self.shutdown).await;
        sent.map_err(|e| failure(e, room))
    }
}

/// A failed send in the terms `digest status` shows.
fn failure(e: SendError, room: &Room) -> PostFailure {
    let error = match e {
        SendError::Cancelled => {
            return PostFailure::later(FailureReason::Unavailable, "the bot is shutting down");
        }
        SendError::NotYet(e) => {
            return match send::rate_limit(&e) {
                Some(after) => PostFailure::rate_limited(after),
                None => PostFailure::later(FailureReason::Unavailable, e.to_string()),
            };
        }
        SendError::Refused(e) => e,
    };
    let detail = error.to_string();
    match error.client_api_error_kind() {
        Some(ErrorKind::Forbidden) if detail.contains("not in room") || detail.contains("not joined") => {
            PostFailure::later(FailureReason::NotJoined, detail)
        }
        Some(ErrorKind::Forbidden) => PostFailure::permanent(FailureReason::PowerLevelTooLow, detail),
        Some(ErrorKind::NotFound) => PostFailure::permanent(FailureReason::UnknownTarget, detail),
        Some(_) => PostFailure::permanent(FailureReason::Other, detail),
        // Not an answer from the homeserver: in an encrypted room, the bot could not encrypt.
        None if room.encryption_state().is_encrypted() => {
            PostFailure::later(FailureReason::Undecryptable, detail)
        }
        None => PostFailure::later(FailureReason::Other, detail),
    }
}

/// The content of a post: one notice that replies to nothing, pings no one and carries its key.
pub fn post_content(response: &Response, key: &PostKey) -> Raw<RoomMessageEventContent> {
    with_key(&answer_content(&render_one(response), None, None), key)
}

/// The content of an edit of `event` to `response`: an `m.replace` with the new content, and a fallback
/// body for clients that do not show edits.
pub fn edit_content(response: &Response, key: &PostKey, event: &EventId) -> Raw<RoomMessageEventContent> {
    let new = answer_content(&render_one(response), None, None);
    with_key(
        &new.make_replacement(ReplacementMetadata::new(event.to_owned(), None)),
        key,
    )
}

/// `content` carrying the post key, in an edit's `m.new_content` too (so the edited event still carries it).
/// Ruma's content types have no place for a key of our own: the typed content is serialized, then the key
/// added to the JSON.
fn with_key(content: &RoomMessageEventContent, key: &PostKey) -> Raw<RoomMessageEventContent> {
    let mut json = serde_json::to_value(content).expect("message content serializes");
    json[POST_KEY_FIELD] = key.as_str().into();
    if let Some(new) = json.get_mut("m.new_content") {
        new[POST_KEY_FIELD] = key.as_str().into();
    }
    Raw::new(&json).expect("JSON serializes").cast_unchecked()
}

/// The event's id if `event` (as the bot's client reads it: decrypted when it could be) is the post under
/// `key`, not an edit of it.
fn post_under(event: &Raw<AnySyncTimelineEvent>, key: &str) -> Option<OwnedEventId> {
    let parsed = event.deserialize().ok()?;
    // Served only to the device that sent it, encrypted or not: the unsigned part is never encrypted.
    let by_transaction = parsed.transaction_id().is_some_and(|t| t.as_str() == key);
    let by_content = matches!(
        &parsed,
        AnySyncTimelineEvent::MessageLike(AnySyncMessageLikeEvent::RoomMessage(SyncMessageLikeEvent::Original(m)))
            if !matches!(m.content.relates_to, Some(Relation::Replacement(_)))
    ) && event
        .get_field::<JsonObject>("content")
        .ok()
        .flatten()
        .is_some_and(|c| c.get(POST_KEY_FIELD).and_then(|k| k.as_str()) == Some(key));
    (by_transaction || by_content).then(|| parsed.event_id().to_owned())
}

impl Poster for MatrixPoster {
    fn platform(&self) -> Platform {
        Platform::Matrix
    }

    fn post<'a>(
        &'a self,
        target: &'a Target,
        content: &'a Response,
        key: &'a PostKey,
    ) -> BoxFuture<'a, Result<PostedId, PostFailure>> {
        Box::pin(async move {
            let room = self.room(target).await?;
            let id = self.send(&room, post_content(content, key), key).await?;
            Ok(PostedId(id.to_string()))
        })
    }

    fn edit<'a>(
        &'a self,
        target: &'a Target,
        posted: &'a PostedId,
        response: &'a Response,
        key: &'a PostKey,
    ) -> BoxFuture<'a, Result<(), PostFailure>> {
        Box::pin(async move {
            let room = self.room(target).await?;
            let event = EventId::parse(&posted.0).map_err(|e| {
                PostFailure::permanent(FailureReason::Other, format!("the post's id {}: {e}", posted.0))
            })?;
            let edit_key = key.edit(&content::version(response));
            self.send(&room, edit_content(response, key, &event), &edit_key)
                .await
                .map(drop)
        })
    }

    fn find_by_key<'a>(
        &'a self,
        target: &'a Target,
        key: &'a PostKey,
        since: DateTime<Utc>,
    ) -> BoxFuture<'a, Result<Option<PostedId>, PostFailure>> {
        Box::pin(async move {
            let room = self.room(target).await?;
            let floor = (since - chrono::Duration::minutes(1)).timestamp_millis();
            let mut from: Option<String> = None;
            for _ in 0..MAX_PAGES {
                let mut options = MessagesOptions::backward();
                options.from = from.take();
                options.limit = UInt::from(PAGE);
                let mut filter = RoomEventFilter::default();
                filter.senders = Some(vec![self.user.clone()]);
                options.filter = filter;
                let page = room.messages(options).await.map_err(|e| {
                    if send::is_transient(&e) {
                        PostFailure::later(FailureReason::Unavailable, e.to_string())
                    } else {
                        PostFailure::permanent(
                            FailureReason::Other,
                            format!("cannot read the room's history to check for the post: {e}"),
                        )
                    }
                })?;
                for event in &page.chunk {
                    // An undecryptable event's transaction id is still in its (clear) unsigned part.
                    let raw = match &event.kind {
                        TimelineEventKind::UnableToDecrypt { event, .. } => event,
                        _ => event.raw(),
                    };
                    if let Some(id) = post_under(raw, key.as_str()) {
                        return Ok(Some(PostedId(id.to_string())));
                    }
                }
                let older = page
                    .chunk
                    .iter()
                    .filter_map(|e| e.timestamp())
                    .any(|ts| i64::from(ts.get()) < floor);
                match page.end {
                    Some(end) if !older && !page.chunk.is_empty() => from = Some(end),
                    _ => return Ok(None),
                }
            }
            Err(PostFailure::permanent(
                FailureReason::Other,
                format!(
                    "more than {} events since the post was due: cannot tell whether it went out",
                    PAGE as usize * MAX_PAGES
                ),
            ))
        })
    }
}

#[cfg(test)]
mod tests {
    use matrix_sdk::ruma::event_id;
    use serde_json::{Value, json};

    use super::*;
    use attache_core::response::{Block, Inline};

    fn json(raw: &Raw<RoomMessageEventContent>) -> Value {
        raw.deserialize_as_unchecked().unwrap()
    }

    /// A message event from the bot with `content`, as a client reads it.
    fn event(content: Value, unsigned: Value) -> Raw<AnySyncTimelineEvent> {
        Raw::new(
            &json!({"type": "m.room.message", "event_id": "$p", "sender": "@bot:example.org",
            "origin_server_ts": 1, "content": content, "unsigned": unsigned}),
        )
        .unwrap()
        .cast_unchecked()
    }

    #[test]
    fn a_post_and_its_edit_carry_the_key_and_ping_no_one() {
        let key = content::announce_key(&Target::Matrix("!r".into()), "b");
        let response = Response::answer(vec![Block::Paragraph {
            text: Inline::plain("hello"),
        }]);
        let post = json(&post_content(&response, &key));
        assert_eq!(post["msgtype"], "m.notice");
        assert_eq!(post["m.mentions"], json!({}));
        assert_eq!(post[POST_KEY_FIELD], key.as_str());
        assert!(post.get("m.relates_to").is_none(), "a post replies to nothing");
        let posted = event(post.clone(), json!({}));
        assert_eq!(
            post_under(&posted, key.as_str()).as_deref(),
            Some(event_id!("$p"))
        );
        let edit = json(&edit_content(&response, &key, event_id!("$p")));
        assert_eq!(
            edit["m.relates_to"],
            json!({"rel_type": "m.replace", "event_id": "$p"})
        );
        assert_eq!(edit["body"], "* hello");
        assert_eq!(
            edit["formatted_body"],
            format!("* {}", post["formatted_body"].as_str().unwrap())
        );
        assert_eq!(edit["m.mentions"], json!({}));
        assert_eq!(edit[POST_KEY_FIELD], key.as_str());
        assert_eq!(
            edit["m.new_content"], post,
            "the new content is the post as it would be now"
        );
        assert_eq!(
            post_under(&event(edit, json!({})), key.as_str()),
            None,
            "an edit is not the post"
        );
        let other = content::announce_key(&Target::Matrix("!r".into()), "c");
        assert_eq!(post_under(&posted, other.as_str()), None);
        let undecryptable: Raw<AnySyncTimelineEvent> = Raw::new(&json!({"type": "m.room.encrypted",
            "event_id": "$p", "sender": "@bot:example.org", "origin_server_ts": 1,
            "content": {"algorithm": "m.megolm.v1.aes-sha2", "ciphertext": "x", "session_id": "s",
                "sender_key": "k", "device_id": "D"},
            "unsigned": {"transaction_id": key.as_str()}}))
        .unwrap()
        .cast_unchecked();
        assert_eq!(
            post_under(&undecryptable, key.as_str()).as_deref(),
            Some(event_id!("$p")),
            "found by its transaction id"
        );
    }
}
