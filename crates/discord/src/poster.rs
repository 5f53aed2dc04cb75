//! Digests and announcements on Discord: the [`Poster`] the scheduler sends through.
//!
//! A post is a channel message sent with `nonce` = the post key and `enforce_nonce: true`, so Discord itself
//! returns the first message when a send is repeated within its nonce window (a retry after a lost
//! response, a restart right after a crash). Past that window, the key in the embed's footer lets
//! [`Poster::find_by_key`] recognise the bot's own message in the channel's history. Fetched messages carry
//! no nonce, which is why the key is also in the footer.

use std::sync::Arc;

use chrono::{DateTime, Utc};
use reqwest::Method;
use serde_json::Value;
use serenity::all::Nonce;

use attache_core::digest::{
    BoxFuture, FailureReason, Platform, PostFailure, PostKey, PostedId, Poster, Target,
};
use attache_core::response::Response;

use super::render::{self, Rendered};
use super::rest::{Rest, RestError, snowflake};

/// Messages asked for per page of a channel's history (Discord's maximum).
const PAGE: usize = 100;
/// The history is searched this many pages deep at most; past that the poster cannot tell.
const MAX_PAGES: usize = 20;
/// Discord's epoch, for turning a time into a snowflake to page back to.
const DISCORD_EPOCH_MS: i64 = 1_420_070_400_000;

pub struct DiscordPoster {
    rest: Arc<Rest>,
    /// The bot's own user id: only its messages can be posts.
    bot_user: u64,
}

impl DiscordPoster {
    pub fn new(rest: Arc<Rest>, bot_user: u64) -> DiscordPoster {
        DiscordPoster { rest, bot_user }
    }
}

/// The footer that names a post, so it can be recognised in the channel's history after a crash.
pub fn footer(key: &PostKey) -> String {
    format!("ref {key}")
}

/// The message for a post: the answer's rendering, for everyone, with the key in the footer (and kept there
/// by edits).
pub fn post_message(content: &Response, key: &PostKey) -> Rendered {
    let mut message = render::render(content);
    message.ephemeral = false;
    message.add_footer(&footer(key));
    message
}

fn channel_of(target: &Target) -> Result<u64, PostFailure> {
    match target {
        Target::Discord(channel) => Ok(*channel),
        other => Err(PostFailure::permanent(
            FailureReason::UnknownTarget,
            format!("{other} is not a Discord channel"),
        )),
    }
}

/// A REST failure in the terms `digest status` shows, with whether trying again can help.
pub fn failure(e: &RestError) -> PostFailure {
    let detail = e.to_string();
    match (e.status(), e.code()) {
        (_, Some(50013 | 50001)) | (Some(403), _) => {
            PostFailure::permanent(FailureReason::MissingPermission, detail)
        }
        (_, Some(10003)) | (Some(404), _) => PostFailure::permanent(FailureReason::UnknownTarget, detail),
        (_, Some(10008)) => PostFailure::permanent(FailureReason::Other, "the message was deleted"),
        (Some(429), _) => PostFailure::rate_limited(None),
        (Some(401), _) => PostFailure::later(FailureReason::Unavailable, detail),
        (Some(s), _) if s >= 500 => PostFailure::later(FailureReason::Unavailable, detail),
        (Some(_), _) => PostFailure::permanent(FailureReason::Other, detail),
        (None, _) => match e {
            RestError::Deadline { wait, .. } => PostFailure::rate_limited(Some(*wait)),
            _ => PostFailure::later(FailureReason::Unavailable, detail),
        },
    }
}

/// Whether `message` is the bot's own post under `key`.
fn carries(message: &Value, bot_user: u64, key: &PostKey) -> bool {
    let author = snowflake(&message["author"]["id"]);
    let wanted = footer(key);
    author == Some(bot_user)
        && message["embeds"].as_array().is_some_and(|embeds| {
            embeds
                .iter()
                .any(|e| e["footer"]["text"].as_str().is_some_and(|t| t.contains(&wanted)))
        })
}

/// The smallest snowflake of a message created at `at`.
fn snowflake_at(at: DateTime<Utc>) -> u64 {
    let ms = (at.timestamp_millis() - DISCORD_EPOCH_MS).max(0) as u64;
    ms << 22
}

impl Poster for DiscordPoster {
    fn platform(&self) -> Platform {
        Platform::Discord
    }

    fn post<'a>(
        &'a self,
        target: &'a Target,
        content: &'a Response,
        key: &'a PostKey,
    ) -> BoxFuture<'a, Result<PostedId, PostFailure>> {
        Box::pin(async move {
            let channel = channel_of(target)?;
            // serenity 0.12.5's CreateMessage carries both `nonce` and `enforce_nonce`.
            let message = post_message(content, key)
                .post()
                .nonce(Nonce::String(key.as_str().to_string()))
                .enforce_nonce(true);
            let path = format!("/channels/{channel}/messages");
            let sent = self
                .rest
                .send(Method::POST, &path, &message, None)
                .await
                .map_err(|e| failure(&e))?;
            snowflake(&sent["id"])
                .map(|id| PostedId(id.to_string()))
                .ok_or_else(|| {
                    PostFailure::later(FailureReason::Other, "Discord returned a message without an id")
                })
        })
    }

    fn edit<'a>(
        &'a self,
        target: &'a Target,
        posted: &'a PostedId,
        content: &'a Response,
        key: &'a PostKey,
    ) -> BoxFuture<'a, Result<(), PostFailure>> {
        Box::pin(async move {
            let channel = channel_of(target)?;
            let edit = post_message(content, key).edit();
            let path = format!("/channels/{channel}/messages/{posted}");
            self.rest
                .send(Method::PATCH, &path, &edit, None)
                .await
                .map(drop)
                .map_err(|e| failure(&e))
        })
    }

    fn find_by_key<'a>(
        &'a self,
        target: &'a Target,
        key: &'a PostKey,
        since: DateTime<Utc>,
    ) -> BoxFuture<'a, Result<Option<PostedId>, PostFailure>> {
        Box::pin(async move {
            let channel = channel_of(target)?;
            // A minute of slack for clocks that disagree.
            let floor = snowflake_at(since - chrono::Duration::minutes(1));
            // Newest first, paging back with `before`, which Discord answers the same way however the
            // `after` ordering falls.
            let mut before: Option<u64> = None;
            for _ in 0..MAX_PAGES {
                let mut path = format!("/channels/{channel}/messages?limit={PAGE}");
                if let Some(b) = before {
                    path.push_str(&format!("&before={b}"));
                }
                let page = match self.rest.get(&path).await {
                    Ok(page) => page,
                    Err(e) => {
                        let f = failure(&e);
                        return Err(match f.reason {
                            FailureReason::MissingPermission => PostFailure::permanent(
                                FailureReason::MissingPermission,
                                "cannot read the channel's history (Read Message History) to check whether \
                                 the post went out before a restart",
                            ),
                            _ => f,
                        });
                    }
                };
                let messages = page.as_array().map(Vec::as_slice).unwrap_or_default();
                if let Some(found) = messages.iter().find(|m| carries(m, self.bot_user, key)) {
                    return Ok(snowflake(&found["id"]).map(|id| PostedId(id.to_string())));
                }
                let oldest = messages.iter().filter_map(|m| snowflake(&m["id"])).min();
                match oldest {
                    Some(oldest) if messages.len() == PAGE && oldest > floor => before = Some(oldest),
                    _ => return Ok(None),
                }
            }
            Err(PostFailure::permanent(
                FailureReason::Other,
                format!(
                    "more than {} messages since the post was due: cannot tell whether it went out",
                    PAGE * MAX_PAGES
                ),
            ))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use attache_core::response::{Block, Inline};

    fn key() -> PostKey {
        attache_core::digest::content::announce_key(&Target::Discord(1), "x")
    }

    #[test]
    fn a_post_carries_its_key_in_the_footer_and_is_recognised_by_it() {
        let content = Response::answer(vec![Block::Paragraph {
            text: Inline::plain("hello"),
        }]);
        let mut m = serde_json::to_value(post_message(&content, &key()).post()).unwrap();
        assert_eq!(m["embeds"][0]["footer"]["text"], footer(&key()).as_str());
        m["author"] = serde_json::json!({"id": "7"});
        assert!(carries(&m, 7, &key()));
        assert!(!carries(&m, 8, &key()), "another author's message is not ours");
        let other = attache_core::digest::content::announce_key(&Target::Discord(1), "y");
        assert!(!carries(&m, 7, &other));
    }

    #[test]
    fn snowflakes_start_at_discords_epoch() {
        let at = DateTime::from_timestamp_millis(DISCORD_EPOCH_MS + 1000).unwrap();
        assert_eq!(snowflake_at(at), 1000 << 22);
        assert_eq!(snowflake_at(DateTime::from_timestamp(0, 0).unwrap()), 0);
    }

    #[test]
    fn failures_say_whether_a_retry_can_help() {
        let status = |status, code| RestError::Status {
            method: Method::POST,
            route: "r".into(),
            status,
            code,
            message: "m".into(),
        };
        assert_eq!(
            failure(&status(403, 50013)).reason,
            FailureReason::MissingPermission
        );
        assert_eq!(failure(&status(404, 10003)).reason, FailureReason::UnknownTarget);
        assert_eq!(
            failure(&status(502, 0)).retry,
            attache_core::digest::Retry::Later(None)
        );
        let deadline = RestError::Deadline {
            method: Method::POST,
            route: "r".into(),
            wait: std::time::Duration::from_secs(90),
        };
        assert_eq!(
            failure(&deadline).retry,
            attache_core::digest::Retry::Later(Some(std::time::Duration::from_secs(90)))
        );
    }
}
