//! Interactions over HTTP: with `interactions = "http"`, Discord posts every interaction to the bot's
//! `/discord/interactions` and takes the HTTP response as its first answer. This module decides what a
//! posted request gets: it must come from Discord (an Ed25519 signature of `X-Signature-Timestamp` and the
//! raw body, made with the application's key), be fresh (its timestamp within [`REPLAY_WINDOW`] of now) and
//! new (no signature, and no interaction id, seen within the window); a PING then gets a PONG, and a
//! command, autocomplete or button press is answered by [`answer`](crate::answer) with its first answer
//! handed back here ([`First::Inline`]) to go out as the response's body.
//!
//! No HTTP server here: the binary routes the server's requests to [`Endpoint::handle`]. Refusals are
//! counted by reason ([`attache_core::observe::discord_http_rejection`]) and logged at debug, never with
//! the body or the signature.

use std::collections::{HashSet, VecDeque};
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use ed25519_dalek::{Signature, VerifyingKey};
use serde_json::{Value, json};
use serenity::all::Interaction;
use tokio::sync::oneshot;

use crate::answer::{DEFER_AFTER, Discord, First};
use crate::gateway::Seen;
use attache_core::config::PublicKey;
use attache_core::observe;

/// How far a request's timestamp may be from now, either way; and how long its signature is remembered
/// to refuse it a second time. Five minutes: Discord's requests arrive within seconds, and clocks in
/// step with NTP differ by far less.
pub const REPLAY_WINDOW: Duration = Duration::from_secs(5 * 60);
/// The largest body taken: Discord's interaction payloads are a few KiB.
pub const MAX_BODY: usize = 64 * 1024;
/// At most this many signatures are remembered; beyond it the oldest is forgotten. Only requests with a
/// valid signature are remembered, which only Discord can make, so this is reached only by more than
/// 200 genuine interactions a second for the whole window.
const MAX_SIGNATURES: usize = 65_536;
/// The longest the endpoint waits for a first answer. Answers are deferred after [`DEFER_AFTER`], so this
/// is only reached when something is badly wrong, still before Discord's 3 seconds are up.
const ANSWER_WAIT: Duration = Duration::from_millis(2_800);

/// Why a request was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rejection {
    /// `X-Signature-Ed25519` or `X-Signature-Timestamp` is missing.
    Unsigned,
    /// The signature is malformed, or not the application key's over the timestamp and body.
    Signature,
    /// The timestamp is not a number of seconds within [`REPLAY_WINDOW`] of now.
    Stale,
    /// The same signature, or the same interaction, came before within the window.
    Replay,
    /// The body is larger than [`MAX_BODY`].
    TooLarge,
    /// Signed by Discord but not an interaction the bot can read.
    Malformed,
    /// An interaction of a kind the bot does not take (a modal submission).
    Unsupported,
    /// Taken, but no first answer (not even a deferral) was ready before Discord's deadline.
    Unanswered,
}

impl Rejection {
    /// The HTTP status: 401 for anything that may not be from Discord or was seen before (Discord's docs
    /// ask for 401 on a failed check), 413 for a body too large, 400 for what Discord sent but the bot
    /// cannot take, 503 when no answer was ready in time.
    pub fn status(self) -> u16 {
        match self {
            Rejection::Unsigned | Rejection::Signature | Rejection::Stale | Rejection::Replay => 401,
            Rejection::TooLarge => 413,
            Rejection::Malformed | Rejection::Unsupported => 400,
            Rejection::Unanswered => 503,
        }
    }

    /// The metric label.
    pub fn reason(self) -> &'static str {
        match self {
            Rejection::Unsigned => "unsigned",
            Rejection::Signature => "signature",
            Rejection::Stale => "stale",
            Rejection::Replay => "replay",
            Rejection::TooLarge => "too_large",
            Rejection::Malformed => "malformed",
            Rejection::Unsupported => "unsupported",
            Rejection::Unanswered => "unanswered",
        }
    }

    fn message(self) -> &'static str {
        match self {
            Rejection::Unsigned => "missing signature headers",
            Rejection::Signature => "invalid request signature",
            Rejection::Stale => "request timestamp out of range",
            Rejection::Replay => "request already seen",
            Rejection::TooLarge => "request body too large",
            Rejection::Malformed => "not an interaction",
            Rejection::Unsupported => "unsupported interaction type",
            Rejection::Unanswered => "no answer in time",
        }
    }
}

/// Checks that requests come from Discord, are fresh, and are new.
pub struct Verifier {
    key: VerifyingKey,
    // A std lock: held only to check and record one signature.
    seen: Mutex<Signatures>,
}

/// Valid signatures seen within the window, in arrival order, at most `cap` of them.
struct Signatures {
    order: VecDeque<(i64, [u8; 64])>,
    set: HashSet<[u8; 64]>,
    cap: usize,
}

impl Signatures {
    fn new(cap: usize) -> Signatures {
        Signatures {
            order: VecDeque::new(),
            set: HashSet::new(),
            cap,
        }
    }

    /// Whether `signature`, of a request sent at `sent`, is new at `now`; remembers it. Signatures sent
    /// before the window are forgotten (their requests are refused as stale anyway), and the oldest beyond
    /// `cap`.
    fn first_time(&mut self, signature: [u8; 64], sent: i64, now: i64) -> bool {
        let window = REPLAY_WINDOW.as_secs() as i64;
        while let Some((at, old)) = self.order.front().copied() {
            if at >= now - window && self.order.len() < self.cap {
                break;
            }
            self.order.pop_front();
            self.set.remove(&old);
        }
        if !self.set.insert(signature) {
            return false;
        }
        self.order.push_back((sent, signature));
        true
    }
}

impl Verifier {
    pub fn new(key: &PublicKey) -> Result<Verifier, String> {
        let key = VerifyingKey::from_bytes(key.bytes()).map_err(|e| format!("the public key: {e}"))?;
        Ok(Verifier {
            key,
            seen: Mutex::new(Signatures::new(MAX_SIGNATURES)),
        })
    }

    /// Whether a request with these headers and `body`, arriving at `now` (Unix seconds), is a fresh,
    /// new request from Discord. A request that passes is remembered, so the same one is refused next
    /// time.
    pub fn check(
        &self,
        signature: Option<&str>,
        timestamp: Option<&str>,
        body: &[u8],
        now: i64,
    ) -> Result<(), Rejection> {
        if body.len() > MAX_BODY {
            return Err(Rejection::TooLarge);
        }
        let (Some(signature), Some(timestamp)) = (signature, timestamp) else {
            return Err(Rejection::Unsigned);
        };
        let signature = decode_signature(signature.trim()).ok_or(Rejection::Signature)?;
        let mut message = Vec::with_capacity(timestamp.len() + body.len());
        message.extend_from_slice(timestamp.as_bytes());
        message.extend_from_slice(body);
        // Strict: refuses the malleable forms of a signature, so one request cannot be replayed under
        // another signature that also verifies.
        self.key
            .verify_strict(&message, &Signature::from_bytes(&signature))
            .map_err(|_| Rejection::Signature)?;
        let sent: i64 = timestamp.trim().parse().map_err(|_| Rejection::Stale)?;
        let window = REPLAY_WINDOW.as_secs() as i64;
        if (now - sent).abs() > window {
            return Err(Rejection::Stale);
        }
        let mut seen = self.seen.lock().unwrap_or_else(|e| e.into_inner());
        if !seen.first_time(signature, sent, now) {
            return Err(Rejection::Replay);
        }
        Ok(())
    }
}

/// 128 hex digits, as Discord writes the signature.
fn decode_signature(hex: &str) -> Option<[u8; 64]> {
    if hex.len() != 128 || !hex.is_ascii() {
        return None;
    }
    let mut out = [0u8; 64];
    for (i, byte) in out.iter_mut().enumerate() {
        *byte = u8::from_str_radix(&hex[2 * i..2 * i + 2], 16).ok()?;
    }
    Some(out)
}

/// The seconds since the Unix epoch.
fn unix_now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}

/// The HTTP endpoint's answering side: checks each request, then answers it through `discord`.
pub struct Endpoint {
    discord: Arc<Discord>,
    verifier: Verifier,
    // A std lock: held only to check and insert one id.
    interactions: Mutex<Seen>,
}

impl Endpoint {
    pub fn new(discord: Arc<Discord>, key: &PublicKey) -> Result<Endpoint, String> {
        Ok(Endpoint {
            discord,
            verifier: Verifier::new(key)?,
            interactions: Mutex::new(Seen::default()),
        })
    }

    /// What a request posted by Discord gets: an HTTP status and a JSON body (the interaction's first
    /// answer, or `{"message": ...}` saying why it was refused).
    pub async fn handle(
        &self,
        signature: Option<&str>,
        timestamp: Option<&str>,
        body: &[u8],
    ) -> (u16, Value) {
        match self.answer(signature, timestamp, body).await {
            Ok(answer) => (200, answer),
            Err(r) => {
                observe::discord_http_rejection(r.reason());
                tracing::debug!(
                    reason = r.reason(),
                    "discord: refused a request to the interactions endpoint"
                );
                (r.status(), json!({"message": r.message()}))
            }
        }
    }

    async fn answer(
        &self,
        signature: Option<&str>,
        timestamp: Option<&str>,
        body: &[u8],
    ) -> Result<Value, Rejection> {
        self.verifier.check(signature, timestamp, body, unix_now())?;
        let interaction: Interaction = serde_json::from_slice(body).map_err(|_| Rejection::Malformed)?;
        let kind = match &interaction {
            // Discord's check that the endpoint is there, when its URL is saved and now and then after.
            Interaction::Ping(_) => {
                observe::discord_http_interaction("ping");
                return Ok(json!({"type": 1}));
            }
            Interaction::Command(_) => "command",
            Interaction::Autocomplete(_) => "autocomplete",
            Interaction::Component(_) => "component",
            _ => return Err(Rejection::Unsupported),
        };
        let id = interaction.id().get();
        let new = self
            .interactions
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .first_time(id);
        if !new {
            return Err(Rejection::Replay);
        }
        observe::discord_http_interaction(kind);
        let (first, answered) = oneshot::channel();
        let discord = self.discord.clone();
        // Tracked, so a deferred answer's edit still goes out during a clean shutdown.
        self.discord
            .tracker()
            .spawn(async move { discord.answer(interaction, First::Inline(first)).await });
        match tokio::time::timeout(ANSWER_WAIT, answered).await {
            Ok(Ok(response)) => Ok(serde_json::to_value(response).unwrap_or(Value::Null)),
            // Dropped unsent: answering failed before it had anything to say, which it logged.
            Ok(Err(_)) | Err(_) => {
                tracing::warn!(
                    id,
                    "discord: no first answer within {ANSWER_WAIT:?} (answers are deferred after {DEFER_AFTER:?})"
                );
                Err(Rejection::Unanswered)
            }
        }
    }
}

#[cfg(test)]
mod tests;
