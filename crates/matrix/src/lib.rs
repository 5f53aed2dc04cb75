//! Matrix: the Matrix adapter. It logs in once and restores that session on every start ([`session`]),
//! syncs in a loop it drives itself, filling the gaps of limited syncs ([`sync`]), answers each room's
//! commands in order on a task of its own ([`room`]), sends a few answers at once, each user's in order
//! ([`pipeline`]), and waits out rate limits ([`send`]).
//! [`poster`] posts digests and announcements once each (the post key as the transaction id), and
//! [`digest`] handles a moderator's `digest` typed in a room.
//!
//! The pure half, testable without a homeserver: [`input`] (which messages are commands), [`event`] (triage,
//! answer content, roles), [`render`] (a `Response` as plain and HTML bodies, split into events) and
//! [`dedupe`]. Nothing here decides what a command means: the engine does, with the role decided here.

mod dedupe;
mod digest;
pub mod event;
mod filter;
pub mod input;
mod pipeline;
pub mod poster;
mod power;
pub mod render;
mod room;
mod send;
mod session;
mod split;
mod sync;

#[cfg(test)]
mod render_snapshots;

use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use matrix_sdk::Client;
use matrix_sdk::deserialized_responses::TimelineEvent;
use matrix_sdk::ruma::{OwnedRoomId, RoomAliasId, RoomId};
use tokio_util::sync::CancellationToken;
use tokio_util::task::TaskTracker;

use attache_core::config::MatrixConfig;
use attache_core::engine::{Engine, PlatformState};
use attache_core::retry::Policy;

pub use session::Secrets;

/// The platform's name in `status`.
pub const PLATFORM: &str = "matrix";
/// Handled event ids remembered for de-duplication.
const SEEN_CAPACITY: usize = 4096;
/// Connecting (logging in, restoring the session) while the homeserver is unreachable.
const CONNECT_RETRY: Policy = Policy::new(Duration::from_secs(1), Duration::from_secs(30));

/// Why the adapter cannot run; each says what to do about it.
#[derive(Debug, thiserror::Error)]
pub enum MatrixError {
    #[error("cannot open the store: {0}")]
    Store(String),
    #[error(
        "{} holds a Matrix device's keys but no session.json: restore the file, or remove the directory to start over as a new device",
        store.display()
    )]
    StoreWithoutSession { store: PathBuf },
    #[error(
        "the store {} belongs to {saved}, but `matrix.user` is {configured}: point `matrix.store` at another directory",
        store.display()
    )]
    StoreOfAnotherUser {
        store: PathBuf,
        saved: String,
        configured: String,
    },
    #[error(
        "the access token is for device {token}, but the store {} holds device {saved}: use a token of that device, or another store directory",
        store.display()
    )]
    TokenOfAnotherDevice {
        store: PathBuf,
        saved: String,
        token: String,
    },
    #[error("the homeserver rejected the access token ({0})")]
    TokenRejected(String),
    #[error("cannot reach the homeserver: {0}")]
    Unreachable(String),
    #[error("`matrix.user` is not a valid user id")]
    BadUser,
    #[error("logged in, but the homeserver returned no session")]
    NoSession,
    #[error("{}: not a saved session ({why}); remove it to log in again", path.display())]
    BadSessionFile { path: PathBuf, why: String },
    #[error("{}: {source}", path.display())]
    Io { path: PathBuf, source: std::io::Error },
    #[error(transparent)]
    Sdk(#[from] matrix_sdk::Error),
}

impl MatrixError {
    /// Whether trying again later may work (the homeserver is down or busy), rather than needing a fix.
    fn is_transient(&self) -> bool {
        match self {
            MatrixError::Unreachable(_) => true,
            MatrixError::Sdk(e) => send::is_transient(e),
            _ => false,
        }
    }
}

/// What the adapter needs to start: the config section and the secrets read from the environment.
#[derive(Clone)]
pub struct Start {
    pub config: MatrixConfig,
    pub secrets: Secrets,
}

impl std::fmt::Debug for Start {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Never the secrets.
        f.debug_struct("Start")
            .field("user", &self.config.user)
            .finish_non_exhaustive()
    }
}

impl PartialEq for Start {
    fn eq(&self, other: &Self) -> bool {
        self.config == other.config
    }
}

/// State shared by the sync loop and the room tasks.
pub(crate) struct Bot {
    engine: Arc<Engine>,
    client: Client,
    /// The config the adapter started with; roles are read from the running config (see [`Bot::config`]).
    started_config: MatrixConfig,
    names: input::Names,
    /// Milliseconds since the epoch at start: older events are backlog.
    started_ms: u64,
    // std lock: held only to test-and-insert an id, never across an `.await`.
    seen: Mutex<dedupe::Seen>,
    /// Each room's power levels, kept until a sync changes them.
    power: power::PowerLevels,
    /// The rooms to serve, when the config lists them.
    served: Option<HashSet<OwnedRoomId>>,
    tasks: TaskTracker,
    shutdown: CancellationToken,
}

impl Bot {
    fn serves(&self, room: &RoomId) -> bool {
        self.served.as_ref().is_none_or(|s| s.contains(room))
    }

    /// Reads the running `[matrix]` section, so a reload's prefix, admins and moderators apply at once (the
    /// one the adapter started with if a reload removed it).
    fn with_config<T>(&self, f: impl FnOnce(&MatrixConfig) -> T) -> T {
        let config = self.engine.config();
        f(config.matrix.as_ref().unwrap_or(&self.started_config))
    }

    /// Whether `event` was sent before the bot started: backlog, never answered.
    fn is_backlog(&self, event: &TimelineEvent) -> bool {
        event
            .timestamp()
            .is_some_and(|ts| u64::from(ts.get()) < self.started_ms)
    }

    /// Marks an event handled; `false` if it already was.
    fn first_time(&self, event_id: &str) -> bool {
        self.seen
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(event_id)
    }
}

/// Runs the adapter until `shutdown`: connects (retrying while the homeserver is unreachable), then syncs.
/// A problem that needs a fix (a rejected password, a store of another account) is logged and stops only
/// this adapter.
pub async fn run(engine: Arc<Engine>, start: Start, shutdown: CancellationToken) {
    engine.set_platform(PLATFORM, PlatformState::Starting);
    let started_ms = now_ms();
    if let Some(client) = connect(&engine, &start, &shutdown).await {
        serve(engine.clone(), client, start.config, started_ms, shutdown).await;
    }
    engine.set_platform(PLATFORM, PlatformState::Stopped);
}

/// A logged-in client, or `None` on shutdown or a problem that needs a fix.
async fn connect(engine: &Engine, start: &Start, shutdown: &CancellationToken) -> Option<Client> {
    let mut backoff = CONNECT_RETRY.backoff();
    loop {
        let attempt = tokio::select! {
            _ = shutdown.cancelled() => return None,
            c = session::connect(&start.config, &start.secrets) => c,
        };
        match attempt {
            Ok(c) => return Some(c),
            Err(e) if e.is_transient() => {
                let wait = match &e {
                    MatrixError::Sdk(sdk) => send::wait_after(sdk, &mut backoff),
                    _ => backoff.next_delay(),
                };
                tracing::warn!("Matrix: {e}; trying again in {wait:?}");
                engine.set_platform(PLATFORM, PlatformState::Reconnecting(e.to_string()));
                if !send::sleep(wait, shutdown).await {
                    return None;
                }
            }
            Err(e) => {
                tracing::error!("Matrix cannot start: {e}");
                return None;
            }
        }
    }
}

/// Syncs and answers until `shutdown`, then waits for the room tasks to finish.
async fn serve(
    engine: Arc<Engine>,
    client: Client,
    config: MatrixConfig,
    started_ms: u64,
    shutdown: CancellationToken,
) {
    let Some(user_id) = client.user_id().map(ToOwned::to_owned) else {
        tracing::error!("Matrix: the session has no user id");
        return;
    };
    let tasks = TaskTracker::new();
    let bot = Arc::new(Bot {
        names: input::Names::new(&user_id, client.account().get_display_name().await.ok().flatten()),
        served: served_rooms(&client, &config.rooms).await,
        engine: engine.clone(),
        client,
        started_config: config,
        started_ms,
        seen: Mutex::new(dedupe::Seen::new(SEEN_CAPACITY)),
        power: power::PowerLevels::default(),
        tasks: tasks.clone(),
        shutdown,
    });
    sync::run(bot).await;
    if let Some(digests) = engine.digests() {
        digests.remove_poster(attache_core::digest::Platform::Matrix);
    }
    tasks.close();
    tasks.wait().await;
}

/// The configured rooms as ids, aliases resolved; `None` when every room is served.
async fn served_rooms(client: &Client, rooms: &[String]) -> Option<HashSet<OwnedRoomId>> {
    if rooms.is_empty() {
        return None;
    }
    let mut served = HashSet::new();
    for room in rooms {
        match room_id(client, room).await {
            Ok(id) => {
                if id.as_str() != room {
                    tracing::info!("serving {room} ({id})");
                }
                served.insert(id);
            }
            Err(e) => tracing::warn!("`matrix.rooms`: cannot resolve {room} ({e}); not serving it"),
        }
    }
    Some(served)
}

/// Why a room name did not give a room id.
#[derive(Debug, thiserror::Error)]
pub(crate) enum Unresolved {
    /// Neither a room id nor an alias.
    #[error("{0}")]
    Invalid(String),
    /// The homeserver could not resolve the alias.
    #[error("{0}")]
    Lookup(matrix_sdk::HttpError),
}

/// The room `name` stands for: a room id as it is, an alias as the homeserver resolves it.
pub(crate) async fn room_id(client: &Client, name: &str) -> Result<OwnedRoomId, Unresolved> {
    if let Ok(id) = RoomId::parse(name) {
        return Ok(id);
    }
    let alias = RoomAliasId::parse(name).map_err(|e| Unresolved::Invalid(e.to_string()))?;
    client
        .resolve_room_alias(&alias)
        .await
        .map(|r| r.room_id)
        .map_err(Unresolved::Lookup)
}

fn now_ms() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as u64)
}
