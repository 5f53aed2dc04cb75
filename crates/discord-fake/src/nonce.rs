//! `nonce` and `enforce_nonce` of Create Message (`POST /channels/{id}/messages`), as Discord's docs
//! describe them:
//!
//! - `nonce`, "integer or string": "Can be used to verify a message was sent (up to 25 characters).
//!   Value will appear in the Message Create event." So the create response carries it, but messages
//!   fetched later do not (Discord does not keep it on stored messages), which is why the nonce lives
//!   here and not in the stored message. The integer is an int64 (Discord's OpenAPI spec); `null` is
//!   as good as absent.
//! - `enforce_nonce`, "boolean": "If true and nonce is present, it will be checked for uniqueness in the
//!   past few minutes. If another message was created by the same author with the same nonce, that
//!   message will be returned and no new message will be created."
//!
//! The docs give no exact window, only "the past few minutes"; the fake uses five minutes and a test
//! may change it ([`super::FakeDiscord::set_nonce_window`]). The docs do not say whether the check is per
//! channel; the fake keys it by channel, author and nonce (the value as sent: `1` and `"1"` differ).
//! A message matched by its nonce but deleted since is not created again: Discord's engineer who added
//! `enforce_nonce` called that intended (discord-api-docs PR 6647), and the request gets 10008.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use serde_json::Value;

use super::validate::{Errors, Len, string_value};

/// "The past few minutes": the docs give no number, so five minutes, a few by any reading.
pub(super) const DEFAULT_WINDOW: Duration = Duration::from_secs(5 * 60);

/// The nonces seen on created messages, and how long a repeat is matched.
pub(super) struct Nonces {
    pub window: Duration,
    /// (channel, author, nonce as JSON text) → the latest message created with it, and when.
    seen: HashMap<(u64, u64, String), (u64, Instant)>,
}

impl Default for Nonces {
    fn default() -> Nonces {
        Nonces {
            window: DEFAULT_WINDOW,
            seen: HashMap::new(),
        }
    }
}

/// What a create body asks of its nonce, once valid.
pub(super) struct Request {
    /// The nonce as sent, `None` when absent or null.
    pub nonce: Option<Value>,
    pub enforce: bool,
}

/// Checks `nonce` (int64, or a string of at most 25 characters) and `enforce_nonce` (boolean),
/// recording violations at their field.
pub(super) fn validate(errs: &mut Errors, body: &Value) -> Request {
    let nonce = match body.get("nonce") {
        None | Some(Value::Null) => None,
        Some(s @ Value::String(_)) => {
            string_value(errs, Some(s), "nonce".into(), Len::Max(25), false);
            Some(s.clone())
        }
        Some(n @ Value::Number(x)) if x.is_i64() => Some(n.clone()),
        Some(other) => {
            // Discord's message for this case (discord-api-docs issue 955); its code is undocumented.
            errs.add(
                "nonce",
                "NONCE_TYPE_INVALID",
                format!("This field must be a string or integer, not \"{other}\"."),
            );
            None
        }
    };
    let enforce = match body.get("enforce_nonce") {
        None | Some(Value::Null) => false,
        Some(Value::Bool(b)) => *b,
        Some(other) => {
            errs.add(
                "enforce_nonce",
                "BASE_TYPE_BOOLEAN",
                format!("Could not interpret \"{other}\" as boolean."),
            );
            false
        }
    };
    Request { nonce, enforce }
}

impl Nonces {
    /// The message `author` created in `channel` with `nonce` inside the window, if any (it may have
    /// been deleted since). A zero window matches nothing.
    pub fn recent(&self, channel: u64, author: u64, nonce: &Value, now: Instant) -> Option<u64> {
        self.seen
            .get(&(channel, author, nonce.to_string()))
            .filter(|(_, at)| now.saturating_duration_since(*at) < self.window)
            .map(|(id, _)| *id)
    }

    /// Remembers that `author` created message `id` in `channel` with `nonce`.
    pub fn record(&mut self, channel: u64, author: u64, nonce: &Value, id: u64, now: Instant) {
        self.seen.insert((channel, author, nonce.to_string()), (id, now));
    }
}
