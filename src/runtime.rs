//! Running the bot: starts the adapters the config enables and the briefing watcher as tracked tasks, and
//! stops them all on one signal (Ctrl-C, SIGTERM, or the console closing when it is the only adapter).

use std::sync::Arc;
use std::time::Duration;

use tokio_util::sync::CancellationToken;
use tokio_util::task::TaskTracker;

use crate::config::ConsoleMode;
use crate::engine::Engine;
use crate::store::{ReloadReport, watch};

/// How long tasks get to finish after the shutdown signal before the process exits anyway.
const GRACE: Duration = Duration::from_secs(5);

/// Which adapters to start.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Plan {
    pub console: bool,
    /// The console is the only adapter, so closing it stops the bot.
    pub console_only: bool,
}

impl Plan {
    /// Decides from the config. No chat platform adapter is configured in this build's config, so `auto`
    /// means the console.
    pub fn from_config(mode: ConsoleMode, platforms: usize) -> Plan {
        let console = match mode {
            ConsoleMode::Always => true,
            ConsoleMode::Never => false,
            ConsoleMode::Auto => platforms == 0,
        };
        Plan {
            console,
            console_only: console && platforms == 0,
        }
    }
}

/// Runs until a shutdown signal, then waits (up to a grace period) for every task to stop.
pub async fn run(engine: Arc<Engine>, plan: Plan) -> anyhow::Result<()> {
    let shutdown = CancellationToken::new();
    let tracker = TaskTracker::new();
    tracker.spawn(signals(shutdown.clone()));

    let config = engine.config();
    if config.watch {
        tracker.spawn(watch::run(
            engine.store().clone(),
            config.debounce,
            shutdown.clone(),
            log_reload,
        ));
    }
    if plan.console {
        tracker.spawn(crate::console::run(
            engine.clone(),
            shutdown.clone(),
            plan.console_only,
        ));
    }
    if !plan.console {
        anyhow::bail!("nothing to run: no chat platform is configured and `console.enabled` is \"never\"");
    }
    shutdown.cancelled().await;
    tracker.close();
    if tokio::time::timeout(GRACE, tracker.wait()).await.is_err() {
        tracing::warn!("some tasks did not stop within {GRACE:?}; exiting anyway");
    }
    Ok(())
}

/// Cancels `shutdown` on Ctrl-C or SIGTERM.
async fn signals(shutdown: CancellationToken) {
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = tokio::signal::ctrl_c() => tracing::info!("interrupted, shutting down"),
        _ = term => tracing::info!("terminated, shutting down"),
        _ = shutdown.cancelled() => return,
    }
    shutdown.cancel();
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
