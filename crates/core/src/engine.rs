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

use crate::command::{Command, Expected, Role, UsageError};
use crate::config::{Config, ConfigError};
use crate::digest::Digests;
use crate::exec::{self, Context, Host, HostStatus, NoScheduler};
use crate::i18n::{Lang, code};
use crate::response::{Inline, Response, Status};
use crate::store::{Snapshot, Store};
use crate::{tr, tr_inline};

pub use crate::exec::{PlatformState, ReloadOutcome};

/// Who runs a command, and from where: the role decides what they may run, the platform labels the
/// command in metrics (`discord`, `matrix`, `console`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Caller {
    pub role: Role,
    pub platform: &'static str,
    /// The language to answer in.
    pub lang: Lang,
    /// Where the command came from, as a target (`matrix:<room id>`), for commands about the place.
    pub place: Option<String>,
}

impl Caller {
    /// A caller answered in English until told otherwise ([`Caller::lang`]).
    pub fn new(role: Role, platform: &'static str) -> Caller {
        Caller {
            role,
            platform,
            lang: Lang::En,
            place: None,
        }
    }

    pub fn lang(mut self, lang: Lang) -> Caller {
        self.lang = lang;
        self
    }

    pub fn place(mut self, place: impl Into<String>) -> Caller {
        self.place = Some(place.into());
        self
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
    digests: OnceLock<Result<Arc<Digests>, NoScheduler>>,
    /// The error of the last rejected config change, until one is accepted.
    config_rejected: Mutex<Option<String>>,
    /// The language set for each place (room), kept in `<data.dir>/languages.json`.
    languages: Languages,
    started: Instant,
}

impl Engine {
    /// Loads the briefings the config points at.
    pub fn new(config: Config) -> Engine {
        let config_data_dir = config.data_dir.clone();
        let store = Arc::new(Store::open(&config.briefings_dir, config.parse_options()));
        Engine {
            store,
            config: watch::Sender::new(Arc::new(config)),
            platforms: Mutex::new(BTreeMap::new()),
            digests: OnceLock::new(),
            config_rejected: Mutex::new(None),
            languages: Languages::load(&config_data_dir),
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
    /// clock (or the one `ATTACHE_CLOCK_START` sets); secrets (the PostgreSQL URL) are read through `env`.
    /// Only the first call counts. Without a ledger the bot still answers; `digest` and `digest status`
    /// say why digests are off.
    pub async fn start_digests(
        &self,
        env: impl Fn(&str) -> Option<String>,
        tracker: &TaskTracker,
        shutdown: CancellationToken,
    ) -> Result<Arc<Digests>, NoScheduler> {
        if let Some(d) = self.digests.get() {
            return d.clone();
        }
        let started = crate::digest::start(self.store.clone(), self.watch_config(), env, tracker, shutdown)
            .await
            .map_err(|e| {
                tracing::error!("digests and announcements are off: {e}");
                NoScheduler::Ledger(e.to_string())
            });
        self.digests.get_or_init(|| started).clone()
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
    pub fn scheduler(&self) -> Result<Arc<Digests>, NoScheduler> {
        match self.digests.get() {
            Some(d) => d.clone(),
            None => Err(NoScheduler::OneOff),
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

    /// Parses and runs one command line (without the platform's prefix) for a caller of the console, in
    /// the configured language.
    pub fn handle(&self, line: &str, role: Role) -> Response {
        self.handle_as(line, &self.console_caller(role))
    }

    /// Runs a parsed command for a caller of the console, in the configured language.
    pub fn run(&self, command: Command, role: Role) -> Response {
        self.run_as(command, &self.console_caller(role))
    }

    fn console_caller(&self, role: Role) -> Caller {
        Caller::new(role, "console").lang(self.language_of("console", None))
    }

    /// The language to answer in at `place`: the one set there with `language`, else `fallback` (a
    /// platform's setting), else the config's `bot.language`.
    pub fn language_of(&self, place: &str, fallback: Option<Lang>) -> Lang {
        self.languages
            .get(place)
            .or(fallback)
            .unwrap_or_else(|| self.config().language)
    }

    /// Parses and runs one command line (without the platform's prefix). A line that is no command but
    /// reads as a question ("who sponsored infoforum?", "кто спонсировал Инфофорум?") is answered as one.
    pub fn handle_as(&self, line: &str, caller: &Caller) -> Response {
        match Command::parse(line) {
            Ok(command) => self.run_as(command, caller),
            Err(UsageError::UnknownCommand { suggestion: None, .. }) if is_question(line) => {
                let question = line.trim().to_string();
                self.run_as(Command::Ask { question }, caller)
            }
            Err(e) => {
                crate::observe::command("unknown", caller.platform, "usage", Duration::ZERO);
                usage_reply(caller.lang, &e)
            }
        }
    }

    /// Runs a parsed command for a caller, checking the caller may run it, and counts it. A fault inside a
    /// command is logged and answered with an apology; it never takes the bot down.
    pub fn run_as(&self, command: Command, caller: &Caller) -> Response {
        let started = Instant::now();
        let name = command.spec().name;
        let response = self.answer(command, caller).in_lang(caller.lang);
        crate::observe::command(name, caller.platform, response.status.as_str(), started.elapsed());
        response
    }

    fn answer(&self, command: Command, caller: &Caller) -> Response {
        let (role, lang) = (caller.role, caller.lang);
        let spec = command.spec();
        if !role.may(spec.access) {
            return Response::problem(
                Status::Denied,
                tr_inline!(
                    lang,
                    "denied",
                    command = code(spec.name),
                    who = exec::who(lang, spec.access)
                ),
                vec![tr_inline!(lang, "denied-hint")],
            );
        }
        let context = Context {
            snapshot: self.snapshot(),
            config: self.config(),
            role,
            lang,
            platform: caller.platform,
            place: caller.place.clone(),
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
                Response::problem(Status::Internal, tr_inline!(lang, "internal-error"), vec![])
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
            leadership: self
                .digests()
                .filter(|d| d.shared())
                .map(|d| (d.leadership().instance().to_string(), d.leadership().standing())),
        }
    }

    fn reload(&self) -> ReloadOutcome {
        Engine::reload(self)
    }

    fn scheduler(&self) -> Result<Arc<Digests>, NoScheduler> {
        Engine::scheduler(self)
    }

    fn set_language(&self, place: &str, lang: Lang) -> Result<(), String> {
        self.languages.set(place, lang)
    }
}

/// The language set for each room, kept in a small JSON file under the data directory (written whole to a
/// temporary file and renamed, so a crash never leaves half a file).
#[derive(Debug)]
struct Languages {
    path: std::path::PathBuf,
    // A std lock: held to read or replace the map, and across the file write, never across an `.await`
    // (commands run off the async workers).
    set: Mutex<BTreeMap<String, Lang>>,
}

impl Languages {
    fn load(data_dir: &std::path::Path) -> Languages {
        let path = data_dir.join("languages.json");
        let set = match std::fs::read_to_string(&path) {
            Ok(text) => serde_json::from_str::<BTreeMap<String, String>>(&text)
                .map(|m| {
                    m.into_iter()
                        .filter_map(|(place, tag)| Lang::from_tag(&tag).map(|l| (place, l)))
                        .collect()
                })
                .unwrap_or_else(|e| {
                    tracing::warn!(
                        "{}: not a language list ({e}); starting from none",
                        path.display()
                    );
                    BTreeMap::new()
                }),
            Err(_) => BTreeMap::new(),
        };
        Languages {
            path,
            set: Mutex::new(set),
        }
    }

    fn get(&self, place: &str) -> Option<Lang> {
        self.set
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get(place)
            .copied()
    }

    fn set(&self, place: &str, lang: Lang) -> Result<(), String> {
        let mut set = self.set.lock().unwrap_or_else(|e| e.into_inner());
        set.insert(place.to_string(), lang);
        let tags: BTreeMap<&str, &str> = set.iter().map(|(p, l)| (p.as_str(), l.code())).collect();
        let text = serde_json::to_string_pretty(&tags).unwrap_or_default();
        let temp = self.path.with_extension("json.tmp");
        let write = || -> std::io::Result<()> {
            if let Some(dir) = self.path.parent() {
                std::fs::create_dir_all(dir)?;
            }
            std::fs::write(&temp, &text)?;
            std::fs::rename(&temp, &self.path)
        };
        write().map_err(|e| {
            tracing::error!("{}: {e}", self.path.display());
            format!("{}: {e}", self.path.display())
        })
    }
}

/// Whether a line that names no command reads as a question: several words, or a question mark.
fn is_question(line: &str) -> bool {
    line.split_whitespace().count() >= 2 || line.contains(['?', '？'])
}

/// The reply to a command line that could not be parsed: what was wrong, the usage, where to get help.
pub fn usage_reply(lang: Lang, e: &UsageError) -> Response {
    let mut hints = Vec::new();
    match e.command().and_then(crate::catalogue::find) {
        Some(spec) => {
            hints.push(tr_inline!(lang, "usage-line", usage = code(spec.usage())));
            hints.push(tr_inline!(
                lang,
                "usage-help",
                help = code(format!("help {}", spec.name))
            ));
        }
        None => hints.push(tr_inline!(lang, "usage-help-list", help = code("help"))),
    }
    if matches!(e, UsageError::Empty) {
        hints.clear();
    }
    Response::problem(Status::Usage, usage_message(lang, e), hints).in_lang(lang)
}

/// What was wrong with a command line, in `lang`.
pub fn usage_message(lang: Lang, e: &UsageError) -> Inline {
    match e {
        UsageError::Empty => tr_inline!(lang, "usage-empty", help = code("help")),
        UsageError::TooLong { len } => {
            tr_inline!(lang, "usage-too-long", len = *len, max = crate::command::MAX_LINE)
        }
        UsageError::UnknownCommand {
            name,
            suggestion: None,
        } => {
            tr_inline!(lang, "usage-unknown-command", name = code(name.as_str()))
        }
        UsageError::UnknownCommand {
            name,
            suggestion: Some(best),
        } => tr_inline!(
            lang,
            "usage-unknown-command-did-you-mean",
            name = code(name.as_str()),
            best = code(*best)
        ),
        UsageError::UnknownOption {
            command,
            option,
            suggestion: None,
        } => tr_inline!(
            lang,
            "usage-unknown-option",
            command = code(*command),
            option = code(option.as_str())
        ),
        UsageError::UnknownOption {
            command,
            option,
            suggestion: Some(best),
        } => tr_inline!(
            lang,
            "usage-unknown-option-did-you-mean",
            command = code(*command),
            option = code(option.as_str()),
            best = code(*best)
        ),
        UsageError::Missing { command, option } => {
            tr_inline!(
                lang,
                "usage-missing",
                command = code(*command),
                option = code(*option)
            )
        }
        UsageError::MissingOneOf {
            command,
            first,
            second,
        } => tr_inline!(
            lang,
            "usage-missing-one-of",
            command = code(*command),
            first = code(*first),
            second = code(*second)
        ),
        UsageError::Repeated { command, option } => {
            tr_inline!(
                lang,
                "usage-repeated",
                command = code(*command),
                option = code(*option)
            )
        }
        UsageError::Unexpected { command, words } => {
            tr_inline!(
                lang,
                "usage-unexpected",
                command = code(*command),
                words = code(words.as_str())
            )
        }
        UsageError::BadValue {
            option,
            value,
            expected,
        } => tr_inline!(
            lang,
            "usage-bad-value",
            value = code(value.as_str()),
            option = code(*option),
            expected = expected_text(lang, expected)
        ),
    }
}

/// What a value should have been, in `lang`.
fn expected_text(lang: Lang, expected: &Expected) -> String {
    match expected {
        Expected::Number { min, max } => tr!(
            lang,
            "expected-number",
            min = min.to_string(),
            max = max.to_string()
        ),
        Expected::OneOf(values) => tr!(lang, "expected-one-of", values = values.join(", ")),
        Expected::Text => tr!(lang, "expected-text"),
    }
}
