//! Picks up changes while the bot runs: in the briefings directory, and to the config file. File events are
//! debounced, then one reload follows.
//!
//! Editors save in bursts (temp file, rename, chmod), so events are debounced and one reload follows a burst.
//! The reload itself runs on a blocking thread: it reads and parses files.

use std::path::{Path, PathBuf};
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
    let _watcher = match start(&dir, RecursiveMode::Recursive, debounce, tx, |path| {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        !name.starts_with('.') && !name.ends_with('~')
    }) {
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

/// Watches the config file until `shutdown`; calls `on_change` (on a blocking thread) after each burst of
/// changes to it. The file's directory is watched, not the file: editors replace a file by renaming another
/// over it, which would end a watch on the file itself.
pub async fn config_file(
    path: PathBuf,
    debounce: Duration,
    shutdown: CancellationToken,
    on_change: impl Fn() + Send + Sync + 'static,
) {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let Some(name) = path.file_name().map(|n| n.to_owned()) else {
        return;
    };
    let (tx, mut rx) = mpsc::unbounded_channel();
    let _watcher = match start(&dir, RecursiveMode::NonRecursive, debounce, tx, move |p| {
        p.file_name() == Some(name.as_os_str())
    }) {
        Ok(w) => w,
        Err(e) => {
            tracing::warn!(config = %path.display(), "not watching the config file: {e}; use `reload`");
            return;
        }
    };
    tracing::debug!(config = %path.display(), "watching the config file");
    let on_change = Arc::new(on_change);
    // Reading the file raises events too (inotify reports opens): reload only when its stamp changed.
    let stamp = |p: &Path| std::fs::metadata(p).ok().map(|m| (m.modified().ok(), m.len()));
    let mut seen = stamp(&path);
    loop {
        tokio::select! {
            _ = shutdown.cancelled() => break,
            msg = rx.recv() => {
                if msg.is_none() { break; }
                while rx.try_recv().is_ok() {}
                let now = stamp(&path);
                if now == seen {
                    continue;
                }
                seen = now;
                let on_change = on_change.clone();
                if let Err(e) = tokio::task::spawn_blocking(move || on_change()).await {
                    tracing::error!("config reload failed: {e}");
                }
            }
        }
    }
}

/// A debounced watch on `dir` that sends once per burst in which some path passes `relevant`.
fn start(
    dir: &Path,
    mode: RecursiveMode,
    debounce: Duration,
    tx: mpsc::UnboundedSender<()>,
    relevant: impl Fn(&Path) -> bool + Send + 'static,
) -> Result<Debouncer<RecommendedWatcher>, notify_debouncer_mini::notify::Error> {
    let mut debouncer = new_debouncer(debounce, move |res: DebounceEventResult| match res {
        Ok(events) => {
            if events.iter().any(|e| relevant(&e.path)) {
                let _ = tx.send(());
            }
        }
        Err(e) => tracing::warn!("file watcher: {e}"),
    })?;
    debouncer.watcher().watch(dir, mode)?;
    Ok(debouncer)
}
