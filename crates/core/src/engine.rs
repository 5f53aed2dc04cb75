//! The engine: the one place a command line becomes a response, shared by every adapter.
//!
//! It owns the store, the running config and what the adapters report about their platforms. Adapters call
//! [`Engine::handle`] (a line) or [`Engine::run`] (a command built from a platform's typed options) with the
//! caller's [`Role`], and deliver what comes back. Permission checks happen here, once, for every platform.

use std::collections::BTreeMap;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};

use tokio::sync::watch;
use tokio_util::sync::CancellationToken;
use tokio_util::task::TaskTracker;

use crate::command::{Command, Role, UsageError};
use crate::config::{Config, ConfigError};
use crate::digest::Digests;
use crate::exec::{self, Context, Host, HostStatus};
use crate::response::{Inline, Response, Status};
use crate::store::{Snapshot, Store};

pub use crate::exec::{PlatformState, ReloadOutcome};

/// Who runs a command, and from where: the role decides what they may run, the platform labels the
/// command in metrics (`discord`, `matrix`, `console`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Caller {
    pub role: Role,
    pub platform: &'static str,
}

impl Caller {
    pub fn new(role: Role, platform: &'static str) -> Caller {
        Caller { role, platform }
    }
}

#[derive(Debug)]
pub struct Engine {
    store: Arc<Store>,
    /// The running config: replaced whole on an accepted change; the scheduler watches it.
    config: watch::Sender<Arc<Config>>,
    // std locks: held only to clone or replace a value, never across an `.await`.
    platforms: Mutex<BTreeMap<String, PlatformState>>,
    /// The digest scheduler once started, or why it could not start (`digest` and `digest status` say so).
    digests: OnceLock<Result<Arc<Digests>, String>>,
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
            config: watch::Sender::new(Arc::new(config)),
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
        self.config.borrow().clone()
    }

    /// The running config now and after every accepted change.
    pub fn watch_config(&self) -> watch::Receiver<Arc<Config>> {
        self.config.subscribe()
    }

    pub fn name(&self) -> String {
        self.config().name.clone()
    }

    pub fn uptime(&self) -> Duration {
        self.started.elapsed()
    }

    pub fn set_platform(&self, name: &str, state: PlatformState) {
        crate::observe::connected(name, state == PlatformState::Connected);
        self.platforms
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(name.to_string(), state);
    }

    pub fn platforms(&self) -> Vec<(String, PlatformState)> {
        let platforms = self.platforms.lock().unwrap_or_else(|e| e.into_inner());
        platforms.iter().map(|(k, v)| (k.clone(), v.clone())).collect()
    }

    /// Opens the ledger the config names and starts the digest scheduler as a tracked task, on the system
    /// clock (or the one `ATTACHE_CLOCK_START` sets). Only the first call counts. Without a ledger the bot
    /// still answers; `digest` and `digest status` say why digests are off.
    pub fn start_digests(
        &self,
        tracker: &TaskTracker,
        shutdown: CancellationToken,
    ) -> Result<Arc<Digests>, String> {
        self.digests
            .get_or_init(|| {
                crate::digest::start(self.store.clone(), self.watch_config(), tracker, shutdown).map_err(
                    |e| {
                        tracing::error!("digests and announcements are off: {e}");
                        format!("Digests are off here: the ledger could not be opened ({e}).")
                    },
                )
            })
            .clone()
    }

    /// Gives the engine a digest scheduler started elsewhere (tests); only the first call counts.
    pub fn set_digests(&self, digests: Arc<Digests>) {
        let _ = self.digests.set(Ok(digests));
    }

    /// The digest scheduler, when one runs.
    pub fn digests(&self) -> Option<&Arc<Digests>> {
        self.digests.get().and_then(|d| d.as_ref().ok())
    }

    /// The digest scheduler, or why none runs (for replies).
    pub fn scheduler(&self) -> Result<Arc<Digests>, String> {
        match self.digests.get() {
            Some(d) => d.clone(),
            None => Err("It runs with `attache run`, not with one-off commands.".into()),
        }
    }

    /// Reads the config file again (keeping the running one when the new one is invalid), then the briefings.
    /// The scheduler sees both through the watches it holds.
    pub fn reload(&self) -> ReloadOutcome {
        let config = self.reload_config();
        let briefings = self.store.reload();
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
                self.config.send_replace(Arc::new(next));
                tracing::info!(config = %path.display(), "config reloaded");
                Ok(true)
            }
            Err(e) => {
                tracing::error!("config rejected, the running one stays: {e}");
                crate::observe::config_rejected();
                Err(e)
            }
        };
        *self.config_rejected.lock().unwrap_or_else(|e| e.into_inner()) =
            outcome.as_ref().err().map(ToString::to_string);
        outcome
    }

    /// Why the last change to the config file was rejected, while the running config is an older one.
    pub fn config_rejected(&self) -> Option<String> {
        self.config_rejected
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    /// Parses and runs one command line (without the platform's prefix) for a caller of the console.
    pub fn handle(&self, line: &str, role: Role) -> Response {
        self.handle_as(line, &Caller::new(role, "console"))
    }

    /// Runs a parsed command for a caller of the console.
    pub fn run(&self, command: Command, role: Role) -> Response {
        self.run_as(command, &Caller::new(role, "console"))
    }

    /// Parses and runs one command line (without the platform's prefix).
    pub fn handle_as(&self, line: &str, caller: &Caller) -> Response {
        match Command::parse(line) {
            Ok(command) => self.run_as(command, caller),
            Err(e) => {
                crate::observe::command("unknown", caller.platform, "usage", Duration::ZERO);
                usage_reply(&e)
            }
        }
    }

    /// Runs a parsed command for a caller, checking the caller may run it, and counts it. A fault inside a
    /// command is logged and answered with an apology; it never takes the bot down.
    pub fn run_as(&self, command: Command, caller: &Caller) -> Response {
        let started = Instant::now();
        let name = command.spec().name;
        let response = self.answer(command, caller.role);
        crate::observe::command(name, caller.platform, response.status.as_str(), started.elapsed());
        response
    }

    fn answer(&self, command: Command, role: Role) -> Response {
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
        let context = Context {
            snapshot: self.snapshot(),
            config: self.config(),
            role,
            host: self,
        };
        match catch_unwind(AssertUnwindSafe(|| exec::execute(command, &context))) {
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

impl Host for Engine {
    fn status(&self) -> HostStatus {
        HostStatus {
            name: self.name(),
            uptime: self.uptime(),
            platforms: self.platforms(),
            config_rejected: self.config_rejected(),
        }
    }

    fn reload(&self) -> ReloadOutcome {
        Engine::reload(self)
    }

    fn scheduler(&self) -> Result<Arc<Digests>, String> {
        Engine::scheduler(self)
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
