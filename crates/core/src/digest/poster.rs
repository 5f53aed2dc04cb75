//! What a chat platform must do for digests: post, edit, and find a post by its key after a crash.
//!
//! The Discord and Matrix adapters implement [`Poster`]; the scheduler never imports either. A poster renders
//! the neutral [`Response`] its own way (an embed, an HTML body) and reports failures in the platform-neutral
//! terms `digest status` shows.

use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::time::Duration;

use chrono::{DateTime, Utc};

use crate::response::Response;

use crate::target::{Platform, Target};

/// A boxed future, so [`Poster`] can be used as a trait object (one per platform, chosen at run time).
pub type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// The platform's id of a posted message: a Discord message id, a Matrix event id.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PostedId(pub String);

impl fmt::Display for PostedId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A post's idempotency key: 24 lowercase hex characters derived from what the post is (digest or
/// announcement, schedule slot, target, briefing), so the same post always has the same key, across
/// restarts. It fits Discord's 25-character `nonce` and is a valid Matrix transaction id.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PostKey(pub(crate) String);

impl PostKey {
    pub const LEN: usize = 24;

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The key of one edit of this post to content `version`: a Matrix poster uses it as the transaction id
    /// of the `m.replace` event, so an edit repeated after a crash is not sent twice.
    pub fn edit(&self, version: &str) -> PostKey {
        super::content::key(&["edit", &self.0, version])
    }
}

impl fmt::Display for PostKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Why a post or an edit failed, in the terms `digest status` shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FailureReason {
    /// Discord: the bot lacks a permission in the channel (View Channel, Send Messages, Embed Links).
    MissingPermission,
    /// Matrix: the bot's power level is below what the room requires to send messages.
    PowerLevelTooLow,
    /// Matrix: the bot is not in the room (and could not join it).
    NotJoined,
    /// The platform asked the bot to slow down.
    RateLimited,
    /// Matrix: the room is encrypted and the bot cannot encrypt for it (keys missing).
    Undecryptable,
    /// The channel or room does not exist, or the alias resolves to nothing.
    UnknownTarget,
    /// The platform is not connected or not configured, or the network failed.
    Unavailable,
    /// The briefing was removed before its post went out.
    BriefingGone,
    /// A post was due but its time ran out (the bot was down or the platform failed until past the window).
    Expired,
    Other,
}

impl FailureReason {
    const ALL: [FailureReason; 10] = [
        FailureReason::MissingPermission,
        FailureReason::PowerLevelTooLow,
        FailureReason::NotJoined,
        FailureReason::RateLimited,
        FailureReason::Undecryptable,
        FailureReason::UnknownTarget,
        FailureReason::Unavailable,
        FailureReason::BriefingGone,
        FailureReason::Expired,
        FailureReason::Other,
    ];

    /// The code stored in the ledger.
    pub fn code(self) -> &'static str {
        match self {
            FailureReason::MissingPermission => "missing_permission",
            FailureReason::PowerLevelTooLow => "power_level",
            FailureReason::NotJoined => "not_joined",
            FailureReason::RateLimited => "rate_limited",
            FailureReason::Undecryptable => "undecryptable",
            FailureReason::UnknownTarget => "unknown_target",
            FailureReason::Unavailable => "unavailable",
            FailureReason::BriefingGone => "briefing_gone",
            FailureReason::Expired => "expired",
            FailureReason::Other => "other",
        }
    }

    pub fn from_code(code: &str) -> FailureReason {
        FailureReason::ALL
            .into_iter()
            .find(|r| r.code() == code)
            .unwrap_or(FailureReason::Other)
    }

    /// For people: what went wrong.
    pub fn describe(self) -> &'static str {
        match self {
            FailureReason::MissingPermission => "missing permission",
            FailureReason::PowerLevelTooLow => "power level too low",
            FailureReason::NotJoined => "room not joined",
            FailureReason::RateLimited => "rate limited",
            FailureReason::Undecryptable => "undecryptable room",
            FailureReason::UnknownTarget => "no such channel or room",
            FailureReason::Unavailable => "platform unavailable",
            FailureReason::BriefingGone => "briefing removed",
            FailureReason::Expired => "too late",
            FailureReason::Other => "failed",
        }
    }
}

impl FailureReason {
    /// The reason in words, in `lang`.
    pub fn text(self, lang: crate::i18n::Lang) -> String {
        let id = match self {
            FailureReason::MissingPermission => "reason-missing-permission",
            FailureReason::PowerLevelTooLow => "reason-power-level",
            FailureReason::NotJoined => "reason-not-joined",
            FailureReason::RateLimited => "reason-rate-limited",
            FailureReason::Undecryptable => "reason-undecryptable",
            FailureReason::UnknownTarget => "reason-unknown-target",
            FailureReason::Unavailable => "reason-unavailable",
            FailureReason::BriefingGone => "reason-briefing-gone",
            FailureReason::Expired => "reason-expired",
            FailureReason::Other => "reason-other",
        };
        crate::i18n::text(lang, id, &[])
    }
}

/// Whether trying again can help.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Retry {
    /// Try again, after this long when the platform said (Discord's `retry_after`), else with backoff.
    Later(Option<Duration>),
    /// Trying again will fail the same way until someone changes something (a permission, a room).
    Never,
}

/// A failed post or edit.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}{}", reason.describe(), if detail.is_empty() { String::new() } else { format!(": {detail}") })]
pub struct PostFailure {
    pub reason: FailureReason,
    /// The platform's own words, for admins.
    pub detail: String,
    pub retry: Retry,
}

impl PostFailure {
    /// A failure that will not go away by itself.
    pub fn permanent(reason: FailureReason, detail: impl Into<String>) -> PostFailure {
        PostFailure {
            reason,
            detail: detail.into(),
            retry: Retry::Never,
        }
    }

    /// A failure worth retrying with backoff.
    pub fn later(reason: FailureReason, detail: impl Into<String>) -> PostFailure {
        PostFailure {
            reason,
            detail: detail.into(),
            retry: Retry::Later(None),
        }
    }

    /// The platform asked for a pause, possibly saying how long.
    pub fn rate_limited(retry_after: Option<Duration>) -> PostFailure {
        PostFailure {
            reason: FailureReason::RateLimited,
            detail: String::new(),
            retry: Retry::Later(retry_after),
        }
    }
}

/// One platform's way of posting digests. Implemented by the Discord and Matrix adapters.
///
/// The scheduler records a post as intended before calling [`Poster::post`], so a post can have been
/// delivered by the platform without the ledger knowing (the process died in between). Before sending such
/// a post again, the scheduler calls [`Poster::find_by_key`]; a poster must make the pair safe:
/// - Matrix: send with the key as the transaction id (`PUT /rooms/{room}/send/m.room.message/{key}`), which
///   the homeserver deduplicates for the same device; beyond its retention, find the bot's own event
///   carrying the key (`unsigned.transaction_id` or the key in the content).
/// - Discord: send with `nonce` = key and `enforce_nonce: true` (Discord returns the first message for a
///   repeated nonce within a few minutes); beyond that, find the bot's own recent message carrying the key
///   (for example in the embed footer).
pub trait Poster: Send + Sync {
    /// The platform whose targets this poster serves.
    fn platform(&self) -> Platform;

    /// Posts `content` to `target`, idempotently under `key` where the platform allows.
    fn post<'a>(
        &'a self,
        target: &'a Target,
        content: &'a Response,
        key: &'a PostKey,
    ) -> BoxFuture<'a, Result<PostedId, PostFailure>>;

    /// Replaces a posted message's content (Discord message edit, Matrix `m.replace`). `key` is the post's
    /// key, which the edited message keeps carrying; a platform that deduplicates by transaction id uses
    /// [`PostKey::edit`] of the new content's version, so a repeated edit is not sent twice.
    fn edit<'a>(
        &'a self,
        target: &'a Target,
        posted: &'a PostedId,
        content: &'a Response,
        key: &'a PostKey,
    ) -> BoxFuture<'a, Result<(), PostFailure>>;

    /// The bot's own message in `target` that was posted under `key`, if there is one. Called only for a
    /// post whose send may have happened before a crash; it cannot have been sent before `since`, so a
    /// poster that pages through history (Discord) can stop there.
    fn find_by_key<'a>(
        &'a self,
        target: &'a Target,
        key: &'a PostKey,
        since: DateTime<Utc>,
    ) -> BoxFuture<'a, Result<Option<PostedId>, PostFailure>>;
}
