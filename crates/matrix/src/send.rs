//! Sending an answer so that it arrives: a rate limit (429, `M_LIMIT_EXCEEDED`) is waited out as the server
//! asks, a network failure or a server error is retried with the core's backoff ([`Policy`]: exponential
//! with jitter), and only a refusal (not in the room, forbidden) gives up. Every retry reuses the event's
//! transaction id, so a send whose response was lost is not posted twice.
//!
//! matrix-sdk would retry a 429 by itself; its retries are switched off for these requests so each wait is
//! logged and counted (the count shows in the log as `rate limited (429)`), and so a wait ends on shutdown.

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use matrix_sdk::config::RequestConfig;
use matrix_sdk::ruma::api::error::{ErrorKind, RetryAfter};
use matrix_sdk::ruma::events::StaticEventContent;
use matrix_sdk::ruma::events::room::message::RoomMessageEventContent;
use matrix_sdk::ruma::serde::Raw;
use matrix_sdk::ruma::{OwnedEventId, TransactionId};
use matrix_sdk::{HttpError, Room};
use tokio_util::sync::CancellationToken;

use attache_core::retry::{Backoff, Policy};

/// 429s waited out since start, for the log.
static RATE_LIMITED: AtomicU64 = AtomicU64::new(0);
/// Sending again after a network failure, a server error, or a 429 that named no time.
const SEND_RETRY: Policy = Policy::new(Duration::from_millis(500), Duration::from_secs(30));

/// Why an answer was not sent.
#[derive(Debug, thiserror::Error)]
pub enum SendError {
    #[error("the homeserver refused the event: {0}")]
    Refused(matrix_sdk::Error),
    /// Still failing for a passing reason (a 429, the network) when the send's patience ran out.
    #[error("not sent yet: {0}")]
    NotYet(matrix_sdk::Error),
    #[error("shutting down")]
    Cancelled,
}

/// Sends one `m.room.message` event with `content`, retrying until it is accepted, refused, or `shutdown`.
pub async fn send(
    room: &Room,
    content: &RoomMessageEventContent,
    shutdown: &CancellationToken,
) -> Result<OwnedEventId, SendError> {
    let content = Raw::new(content).expect("message content serializes");
    send_as(room, content, &TransactionId::new(), None, shutdown).await
}

/// Sends one `m.room.message` under transaction id `txn` (so the homeserver sends it once however often it is
/// repeated), retrying passing failures for up to `patience` (forever with `None`). The content is raw so
/// that it can carry keys ruma's type has no place for (a post's key).
pub async fn send_as(
    room: &Room,
    content: Raw<RoomMessageEventContent>,
    txn: &TransactionId,
    patience: Option<Duration>,
    shutdown: &CancellationToken,
) -> Result<OwnedEventId, SendError> {
    let give_up = patience.map(|p| std::time::Instant::now() + p);
    let mut backoff = SEND_RETRY.backoff();
    loop {
        let attempt = room
            .send_raw(RoomMessageEventContent::TYPE, content.clone().cast())
            .with_transaction_id(txn)
            .with_request_config(RequestConfig::new().disable_retry());
        let result = tokio::select! {
            _ = shutdown.cancelled() => return Err(SendError::Cancelled),
            r = attempt => r,
        };
        let error = match result {
            Ok(sent) => return Ok(sent.response.event_id),
            Err(e) => e,
        };
        let wait = if rate_limit(&error).is_some() {
            let n = RATE_LIMITED.fetch_add(1, Ordering::Relaxed) + 1;
            attache_core::observe::rate_limit_wait("matrix");
            let wait = wait_after(&error, &mut backoff);
            tracing::info!(
                room = %room.room_id(),
                wait_ms = wait.as_millis() as u64,
                total = n,
                "rate limited (429): waiting before sending again"
            );
            wait
        } else if is_transient(&error) {
            let wait = backoff.next_delay();
            tracing::warn!(room = %room.room_id(), "sending failed ({error}); retrying in {wait:?}");
            wait
        } else {
            return Err(SendError::Refused(error));
        };
        if give_up.is_some_and(|at| std::time::Instant::now() + wait > at) {
            return Err(SendError::NotYet(error));
        }
        if !sleep(wait, shutdown).await {
            return Err(SendError::Cancelled);
        }
    }
}

/// The wait before trying again after `error`: the time a 429 named, as given, else `backoff`'s next delay.
pub fn wait_after(error: &matrix_sdk::Error, backoff: &mut Backoff) -> Duration {
    rate_limit(error)
        .flatten()
        .unwrap_or_else(|| backoff.next_delay())
}

/// `Some` when `error` is a 429, with the wait the server asked for, if it said.
pub fn rate_limit(error: &matrix_sdk::Error) -> Option<Option<Duration>> {
    match error.client_api_error_kind() {
        Some(ErrorKind::LimitExceeded(data)) => Some(data.retry_after.as_ref().map(|r| {
            match r {
                RetryAfter::Delay(d) => *d,
                RetryAfter::DateTime(at) => at
                    .duration_since(std::time::SystemTime::now())
                    .unwrap_or_default(),
            }
        })),
        _ => None,
    }
}

/// A failure that may pass: the network, a 429, or a 5xx from the server or a proxy before it.
pub fn is_transient(error: &matrix_sdk::Error) -> bool {
    let http = match error {
        matrix_sdk::Error::Http(h) => h.as_ref(),
        _ => return false,
    };
    match http {
        HttpError::Reqwest(_) => true,
        HttpError::Cached(inner) => matches!(inner.as_ref(), HttpError::Reqwest(_)),
        _ => {
            http.as_client_api_error()
                .is_some_and(|e| e.status_code.is_server_error() || e.status_code.as_u16() == 429)
                || rate_limit(error).is_some()
        }
    }
}

/// Sleeps for `wait`; `false` when `shutdown` came first.
pub async fn sleep(wait: Duration, shutdown: &CancellationToken) -> bool {
    tokio::select! {
        _ = shutdown.cancelled() => false,
        _ = tokio::time::sleep(wait) => true,
    }
}
