//! What the fake remembers: channels and their messages, registered commands, dispatched interactions
//! with everything the bot answered, the request log and the gateway's sessions. One `Mutex` guards it
//! all, so a request is handled atomically; a `Condvar` wakes the tests' blocking waits on every change,
//! so a wait ends at the change it waits for, not at a poll. The fake's own clock ([`State::now`]) runs
//! with real time but can be moved ahead by a test ([`crate::FakeDiscord::advance`]): deadlines, token
//! lifetimes, rate-limit windows and nonce windows pass without the test sleeping through them.
//! Nothing here speaks HTTP or WebSocket.

use std::collections::{BTreeMap, HashMap};
use std::sync::{Condvar, Mutex, MutexGuard};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use serde_json::Value;

use super::FakeOptions;
use super::limits::Limits;
use super::nonce::Nonces;
use super::session::GatewayState;

/// Milliseconds from the Unix epoch to Discord's epoch (the first second of 2015), from the snowflake docs.
const DISCORD_EPOCH_MS: u64 = 1_420_070_400_000;

/// The parts of the fake every task shares: fixed identities, options and the locked state.
pub(super) struct Shared {
    pub token: String,
    pub app_id: u64,
    pub bot_id: u64,
    pub guild_id: u64,
    pub opts: FakeOptions,
    pub ws_url: String,
    pub started: Instant,
    /// The application's key pair: interactions posted to an endpoint are signed with it.
    pub signing: ed25519_dalek::SigningKey,
    state: Mutex<State>,
    changed: Condvar,
}

impl Shared {
    pub fn new(opts: FakeOptions, ws_url: String) -> Shared {
        let mut state = State::default();
        let app_id = state.snowflake();
        let guild_id = state.snowflake();
        let channel = state.snowflake();
        state.channels.insert(channel, Channel::new(channel, "general"));
        Shared {
            token: format!(
                "{app_id}.fake.{:016x}",
                app_id.wrapping_mul(0x9E37_79B9_7F4A_7C15)
            ),
            app_id,
            // Discord's bot user shares its id with the application.
            bot_id: app_id,
            guild_id,
            opts,
            ws_url,
            started: Instant::now(),
            signing: ed25519_dalek::SigningKey::from_bytes(&test_seed(app_id)),
            state: Mutex::new(state),
            changed: Condvar::new(),
        }
    }

    /// Locks the state. A test thread that panicked while holding it must not wedge the server, so a
    /// poisoned lock is taken over as it is.
    pub fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    pub fn notify(&self) {
        self.changed.notify_all();
    }

    /// Waits until `done` holds, or `timeout` passes; returns what `done` last returned. Every change to
    /// the state is followed by [`Shared::notify`], which wakes this to look again.
    pub fn wait_for<T>(&self, timeout: Duration, mut done: impl FnMut(&State) -> Option<T>) -> Option<T> {
        let deadline = Instant::now() + timeout;
        let mut st = self.lock();
        loop {
            if let Some(v) = done(&st) {
                return Some(v);
            }
            let left = deadline.checked_duration_since(Instant::now())?;
            st = self
                .changed
                .wait_timeout(st, left)
                .unwrap_or_else(|e| e.into_inner())
                .0;
        }
    }

    pub fn elapsed(&self) -> Duration {
        self.started.elapsed()
    }
}

#[derive(Default)]
pub(super) struct State {
    last_id: u64,
    pub channels: BTreeMap<u64, Channel>,
    pub messages: BTreeMap<u64, StoredMessage>,
    /// Registered commands by scope: `None` for global, `Some(guild)` for a guild.
    pub commands: BTreeMap<Option<u64>, Vec<Value>>,
    pub interactions: HashMap<u64, InteractionRec>,
    pub by_token: HashMap<String, u64>,
    pub requests: Vec<super::Recorded>,
    pub limits: Limits,
    pub gateway: GatewayState,
    /// Nonces of created messages, for `enforce_nonce`.
    pub nonces: Nonces,
    /// How long a channel message's creation is answered late: it exists at once, as a request Discord
    /// handled whose response is slow to come back.
    pub create_answer_delay: Duration,
    /// How far tests have moved the fake's clock ahead of real time.
    pub skipped: Duration,
    /// The interactions endpoint URLs, when interactions are posted there rather than dispatched on the
    /// gateway; and which one gets the next.
    pub endpoints: Option<(Vec<String>, usize)>,
    /// Every interaction posted to an endpoint, in the order the answers came.
    pub deliveries: Vec<super::Delivery>,
}

/// The seed of the application's signing key: a test key pair, fixed by the application's id.
fn test_seed(app_id: u64) -> [u8; 32] {
    let mut seed = [0u8; 32];
    for (i, chunk) in seed.chunks_mut(8).enumerate() {
        let word = app_id
            .wrapping_mul(0x9E37_79B9_7F4A_7C15)
            .rotate_left(13 * i as u32 + 7);
        chunk.copy_from_slice(&word.to_le_bytes());
    }
    seed
}

impl State {
    /// The fake's clock: real time, plus whatever tests skipped. Everything the fake times (callback
    /// deadlines, token lifetimes, rate-limit and nonce windows) reads this.
    pub fn now(&self) -> Instant {
        Instant::now() + self.skipped
    }

    /// A fresh snowflake: milliseconds since Discord's epoch in the top bits, as real ids carry, and
    /// strictly increasing so that ids order like creation times.
    pub fn snowflake(&mut self) -> u64 {
        let ms = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_millis() as u64)
            .unwrap_or(DISCORD_EPOCH_MS)
            .saturating_sub(DISCORD_EPOCH_MS);
        self.last_id = (ms << 22).max(self.last_id + 1);
        self.last_id
    }

    /// The messages a channel shows to everyone, oldest first, with edits applied.
    pub fn channel_messages(&self, channel: u64) -> Vec<Value> {
        self.messages
            .values()
            .filter(|m| m.channel == channel && !m.ephemeral)
            .map(|m| m.value.clone())
            .collect()
    }
}

pub(super) struct Channel {
    pub id: u64,
    pub name: String,
    /// The bot lacks SEND_MESSAGES here.
    pub denied: bool,
}

impl Channel {
    pub fn new(id: u64, name: &str) -> Channel {
        Channel {
            id,
            name: name.to_string(),
            denied: false,
        }
    }
}

pub(super) struct StoredMessage {
    pub channel: u64,
    pub value: Value,
    /// Seen only by the user of the interaction it answers, so not in the channel's history.
    pub ephemeral: bool,
}

/// The interaction types the fake dispatches, with the documented values.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InteractionKind {
    Command = 2,
    Component = 3,
    Autocomplete = 4,
}

/// One dispatched interaction and everything the bot did with it.
pub(super) struct InteractionRec {
    pub kind: InteractionKind,
    pub token: String,
    pub channel: u64,
    pub created: Instant,
    /// When the INTERACTION_CREATE was written to a connected client; the callback deadline counts
    /// from here, so an interaction parked while the bot was away measures the bot's own latency.
    pub delivered: Option<Instant>,
    pub callback: Option<Callback>,
    /// The message the response created (types 4 and 5), or the component's message (6 and 7).
    pub original: Option<u64>,
    /// For a button press, the message the button was on.
    pub component_message: Option<u64>,
    pub followups: Vec<u64>,
    /// Edits and follow-ups made through the interaction's webhook, which settle a deferred reply.
    pub edits: u32,
    pub last_edit: Option<Instant>,
    /// The user who acted, as the user object Discord shows.
    pub user: Value,
    /// The command name, for message metadata.
    pub name: String,
}

#[derive(Clone, Debug)]
pub(super) struct Callback {
    pub kind: u64,
    pub data: Value,
}
