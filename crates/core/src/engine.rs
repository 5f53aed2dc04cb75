//! The engine: the one place a command line becomes a response, shared by every adapter.
//!
//! It owns the store, the running config and what the adapters report about their platforms. Adapters call
//! [`Engine::handle`] (a line) or [`Engine::run`] (a command built from a platform's typed options) with the
//! caller's [`Role`], and deliver what comes back. Permission checks happen here, once, for every platform.

use std::collections::BTreeMap;
use std::fmt;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::{Arc, Mutex, OnceLock, RwLock};
use std::time::{Duration, Instant};

use crate::command::{Command, Role, UsageError};
use crate::config::{Config, ConfigError};
use crate::digest::Digests;
use crate::response::{Inline, Response, Status};
use crate::store::{ReloadReport, Snapshot, Store};

/// What an adapter last said about its platform connection.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlatformState {
    Starting,
    Connected,
    Reconnecting(String),
    Stopped,
}

impl fmt::Display for PlatformState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PlatformState::Starting => f.write_str("starting"),
            PlatformState::Connected => f.write_str("connected"),
            PlatformState::Reconnecting(why) => write!(f, "reconnecting: {why}"),
            PlatformState::Stopped => f.write_str("stopped"),
        }
    }
}

/// The result of `reload`: the briefings report, and whether the config changed (or why it was rejected).
#[derive(Debug)]
pub struct ReloadOutcome {
    pub briefings: ReloadReport,
    pub config: Result<bool, ConfigError>,
}

#[derive(Debug)]
pub struct Engine {
    store: Arc<Store>,
    // std locks: held only to clone or replace a value, never across an `.await`.
    config: RwLock<Arc<Config>>,
    platforms: Mutex<BTreeMap<String, PlatformState>>,
    /// The digest scheduler, once the runtime has started one (`digest status` reads it).
    digests: OnceLock<Arc<Digests>>,
    /// The error of the last rejected config change, until one is accepted.
    config_rejected: Mutex<Option<String>>,
    started: Instant,
}

impl Engine {
    /// Loads the briefings the config points at.
    pub fn new(config: Config) -> Engine {
        let store = Arc::new(Store::open(&config.briefings_dir, config.parse_options()));
        Engine {
            store,
            config: RwLock::new(Arc::new(config)),
            platforms: Mutex::new(BTreeMap::new()),
            digests: OnceLock::new(),
            config_rejected: Mutex::new(None),
            started: Instant::now(),
        }
    }

    pub fn store(&self) -> &Arc<Store> {
        &self.store
    }

    pub fn snapshot(&self) -> Arc<Snapshot> {
        self.store.snapshot()
    }

    pub fn config(&self) -> Arc<Config> {
        self.config.read().unwrap_or_else(|e| e.into_inner()).clone()
    }

    pub fn name(&self) -> String {
        self.config().name.clone()
    }

    pub fn uptime(&self) -> Duration {
        self.started.elapsed()
    }

    pub fn set_platform(&self, name: &str, state: PlatformState) {
        self.platforms
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(name.to_string(), state);
    }

    pub fn platforms(&self) -> Vec<(String, PlatformState)> {
        let platforms = self.platforms.lock().unwrap_or_else(|e| e.into_inner());
        platforms.iter().map(|(k, v)| (k.clone(), v.clone())).collect()
    }

    /// Gives the engine the running digest scheduler; only the first call counts.
    pub fn set_digests(&self, digests: Arc<Digests>) {
        let _ = self.digests.set(digests);
    }

    /// The digest scheduler, when one runs.
    pub fn digests(&self) -> Option<&Arc<Digests>> {
        self.digests.get()
    }

    /// Reads the config file again (keeping the running one when the new one is invalid), then the briefings.
    pub fn reload(&self) -> ReloadOutcome {
        let config = self.reload_config();
        let briefings = self.store.reload();
        // The scheduler reads the config and briefings on its next tick: make that now.
        if let Some(digests) = self.digests.get() {
            digests.wake();
        }
        ReloadOutcome { briefings, config }
    }

    /// Reads the config file again and swaps it in whole, or keeps the running one when the new one is
    /// invalid; the rejection is kept for `status` until a later change is accepted. `Ok(true)`: it changed.
    pub fn reload_config(&self) -> Result<bool, ConfigError> {
        let current = self.config();
        let Some(path) = &current.path else {
            return Ok(false);
        };
        let outcome = match Config::load(path) {
            Ok(next) if next == *current => Ok(false),
            Ok(next) => {
                self.store.set_source(&next.briefings_dir, next.parse_options());
                *self.config.write().unwrap_or_else(|e| e.into_inner()) = Arc::new(next);
                tracing::info!(config = %path.display(), "config reloaded");
                Ok(true)
            }
            Err(e) => {
                tracing::error!("config rejected, the running one stays: {e}");
                Err(e)
            }
        };
        *self.config_rejected.lock().unwrap_or_else(|e| e.into_inner()) =
            outcome.as_ref().err().map(ToString::to_string);
        if let Some(digests) = self.digests.get() {
            digests.wake();
        }
        outcome
    }

    /// Why the last change to the config file was rejected, while the running config is an older one.
    pub fn config_rejected(&self) -> Option<String> {
        self.config_rejected
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    /// Parses and runs one command line (without the platform's prefix).
    pub fn handle(&self, line: &str, role: Role) -> Response {
        match Command::parse(line) {
            Ok(command) => self.run(command, role),
            Err(e) => usage_reply(&e),
        }
    }

    /// Runs a parsed command for a caller, checking the caller may run it. A fault inside a command is
    /// logged and answered with an apology; it never takes the bot down.
    pub fn run(&self, command: Command, role: Role) -> Response {
        let spec = command.spec();
        if !role.may(spec.access) {
            return Response::problem(
                Status::Denied,
                Inline::default()
                    .code(spec.name)
                    .text(format!(" is for {} only.", spec.access.describe())),
                vec![Inline::plain(
                    "Ask a moderator or an admin of this room or server.",
                )],
            );
        }
        match catch_unwind(AssertUnwindSafe(|| command.execute(self, role))) {
            Ok(response) => response,
            Err(panic) => {
                let what = panic
                    .downcast_ref::<&str>()
                    .map(|s| s.to_string())
                    .or_else(|| panic.downcast_ref::<String>().cloned())
                    .unwrap_or_default();
                tracing::error!(command = spec.name, "command failed: {what}");
                Response::problem(
                    Status::Internal,
                    Inline::plain("Sorry, something went wrong while answering that. It has been logged."),
                    vec![],
                )
            }
        }
    }
}

/// The reply to a command line that could not be parsed: what was wrong, the usage, where to get help.
pub fn usage_reply(e: &UsageError) -> Response {
    let mut hints = Vec::new();
    match e.command().and_then(crate::catalogue::find) {
        Some(spec) => {
            hints.push(Inline::default().text("Usage: ").code(spec.usage()));
            hints.push(
                Inline::default()
                    .text("Type ")
                    .code(format!("help {}", spec.name))
                    .text(" for details."),
            );
        }
        None => hints.push(
            Inline::default()
                .text("Type ")
                .code("help")
                .text(" to see the commands."),
        ),
    }
    if matches!(e, UsageError::Empty) {
        hints.clear();
    }
    Response::problem(Status::Usage, Inline::plain(e.to_string()), hints)
}
