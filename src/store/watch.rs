//! Picks up changes in the briefings directory while the bot runs: file events, debounced, then a reload.
//!
//! Editors save in bursts (temp file, rename, chmod), so events are debounced and one reload follows a burst.
//! The reload itself runs on a blocking thread: it reads and parses files.

use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use notify_debouncer_mini::notify::{RecommendedWatcher, RecursiveMode};
use notify_debouncer_mini::{DebounceEventResult, Debouncer, new_debouncer};
use tokio::sync::mpsc;
use tokio_util::sync::CancellationToken;

use super::{ReloadReport, Store};

/// Watches the store's directory until `shutdown`; calls `on_reload` with each reload's report.
pub async fn run(
    store: Arc<Store>,
    debounce: Duration,
    shutdown: CancellationToken,
    on_reload: impl Fn(&ReloadReport) + Send + 'static,
) {
    let dir = store.dir();
    let (tx, mut rx) = mpsc::unbounded_channel();
    let _watcher = match start(&dir, debounce, tx) {
        Ok(w) => w,
        Err(e) => {
            tracing::warn!(dir = %dir.display(), "not watching the briefings directory: {e}; use `reload`");
            return;
        }
    };
    tracing::debug!(dir = %dir.display(), "watching for briefing changes");
    // A file that changed between the first load and the watch starting raised no event: look once more.
    let first = store.clone();
    if let Ok(report) = tokio::task::spawn_blocking(move || first.reload()).await
        && !report.is_unchanged()
    {
        on_reload(&report);
    }
    loop {
        tokio::select! {
            _ = shutdown.cancelled() => break,
            msg = rx.recv() => {
                if msg.is_none() { break; }
                // Coalesce whatever else arrived meanwhile into this one reload.
                while rx.try_recv().is_ok() {}
                let store = store.clone();
                match tokio::task::spawn_blocking(move || store.reload()).await {
                    Ok(report) => on_reload(&report),
                    Err(e) => tracing::error!("briefing reload failed: {e}"),
                }
            }
        }
    }
}

fn start(
    dir: &Path,
    debounce: Duration,
    tx: mpsc::UnboundedSender<()>,
) -> Result<Debouncer<RecommendedWatcher>, notify_debouncer_mini::notify::Error> {
    let mut debouncer = new_debouncer(debounce, move |res: DebounceEventResult| match res {
        Ok(events) => {
            let relevant = events.iter().any(|e| {
                let name = e.path.file_name().and_then(|n| n.to_str()).unwrap_or("");
                !name.starts_with('.') && !name.ends_with('~')
            });
            if relevant {
                let _ = tx.send(());
            }
        }
        Err(e) => tracing::warn!("file watcher: {e}"),
    })?;
    debouncer.watcher().watch(dir, RecursiveMode::Recursive)?;
    Ok(debouncer)
}
