//! Running the bot: starts the adapters the config enables and the briefing watcher as tracked tasks, and
//! stops them all on one signal (Ctrl-C, SIGTERM, or the console closing when it is the only adapter).

use std::sync::Arc;
use std::time::Duration;

use tokio_util::sync::CancellationToken;
use tokio_util::task::TaskTracker;

use crate::config::{ConsoleMode, DiscordConfig};
use crate::engine::Engine;
use crate::store::{ReloadReport, watch};

/// How long tasks get to finish after the shutdown signal before the process exits anyway.
const GRACE: Duration = Duration::from_secs(5);

/// A chat platform ready to start: its config and the secret read from the environment.
#[derive(Clone)]
pub enum Platform {
    Discord { config: DiscordConfig, token: String },
}

impl std::fmt::Debug for Platform {
    // By hand, so a secret never reaches a log line.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Platform::Discord { .. } => f.write_str("Discord"),
        }
    }
}

/// Which adapters to start.
#[derive(Debug, Clone)]
pub struct Plan {
    pub console: bool,
    /// The console is the only adapter, so closing it stops the bot.
    pub console_only: bool,
    pub platforms: Vec<Platform>,
}

impl Plan {
    /// Decides from the config: `auto` runs the console when no platform can start.
    pub fn from_config(mode: ConsoleMode, platforms: Vec<Platform>) -> Plan {
        let console = match mode {
            ConsoleMode::Always => true,
            ConsoleMode::Never => false,
            ConsoleMode::Auto => platforms.is_empty(),
        };
        Plan {
            console,
            console_only: console && platforms.is_empty(),
            platforms,
        }
    }

    /// The platforms of `config` whose secrets are set in the environment; each one configured but
    /// unusable is logged with the reason, and the bot starts without it.
    pub fn platforms(config: &crate::config::Config) -> Vec<Platform> {
        for check in config.platforms(crate::config::env_secret) {
            if let Some(problem) = check.problem {
                tracing::warn!(
                    "[{}] is configured but cannot start: {problem}; starting without it",
                    check.name
                );
            }
        }
        let mut out = Vec::new();
        if let Some(d) = &config.discord
            && let Some(token) = crate::config::env_secret(&d.token_env)
        {
            out.push(Platform::Discord {
                config: d.clone(),
                token,
            });
        }
        out
    }
}

/// Runs until a shutdown signal, then waits (up to a grace period) for every task to stop. `ready` is called
/// once the signal handlers are installed, so a signal after whatever it announces always stops cleanly.
pub async fn run(engine: Arc<Engine>, plan: Plan, ready: impl FnOnce()) -> anyhow::Result<()> {
    if !plan.console && plan.platforms.is_empty() {
        anyhow::bail!("nothing to run: no chat platform can start and `console.enabled` is \"never\"");
    }
    let shutdown = CancellationToken::new();
    let tracker = TaskTracker::new();
    // Installed before anything is announced, so a signal from then on always means a clean stop.
    let signals = Signals::install()?;
    tracker.spawn(signals.wait(shutdown.clone()));

    let config = engine.config();
    if config.watch {
        tracker.spawn(watch::run(
            engine.store().clone(),
            config.debounce,
            shutdown.clone(),
            log_reload,
        ));
    }
    for platform in plan.platforms {
        match platform {
            Platform::Discord { config, token } => {
                tracker.spawn(crate::discord::run(
                    engine.clone(),
                    config,
                    token,
                    shutdown.clone(),
                    tracker.clone(),
                ));
            }
        }
    }
    ready();
    // After the announcement, so the console's prompt comes below it.
    if plan.console {
        tracker.spawn(crate::console::run(
            engine.clone(),
            shutdown.clone(),
            plan.console_only,
        ));
    }
    shutdown.cancelled().await;
    tracker.close();
    if tokio::time::timeout(GRACE, tracker.wait()).await.is_err() {
        tracing::warn!("some tasks did not stop within {GRACE:?}; exiting anyway");
    }
    Ok(())
}

/// The shutdown signals: Ctrl-C (SIGINT) and SIGTERM.
struct Signals {
    #[cfg(unix)]
    interrupt: tokio::signal::unix::Signal,
    #[cfg(unix)]
    terminate: tokio::signal::unix::Signal,
}

impl Signals {
    fn install() -> std::io::Result<Signals> {
        #[cfg(unix)]
        {
            use tokio::signal::unix::{SignalKind, signal};
            Ok(Signals {
                interrupt: signal(SignalKind::interrupt())?,
                terminate: signal(SignalKind::terminate())?,
            })
        }
        #[cfg(not(unix))]
        Ok(Signals {})
    }

    /// Cancels `shutdown` on the first signal.
    async fn wait(mut self, shutdown: CancellationToken) {
        #[cfg(unix)]
        let received = async {
            tokio::select! {
                _ = self.interrupt.recv() => "interrupted",
                _ = self.terminate.recv() => "terminated",
            }
        };
        #[cfg(not(unix))]
        let received = async {
            let _ = tokio::signal::ctrl_c().await;
            "interrupted"
        };
        tokio::select! {
            why = received => tracing::info!("{why}, shutting down"),
            _ = shutdown.cancelled() => return,
        }
        shutdown.cancel();
    }
}

/// Logs what a reload changed, and each file that failed, so an admin editing files sees the result.
pub fn log_reload(report: &ReloadReport) {
    for e in &report.errors {
        tracing::warn!("{e}");
    }
    if !report.is_unchanged() {
        tracing::info!(
            added = ?report.added,
            changed = ?report.changed,
            removed = ?report.removed,
            "briefings reloaded: {} served",
            report.total
        );
    }
}
