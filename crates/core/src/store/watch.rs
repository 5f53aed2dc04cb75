//! Picks up changes while the bot runs: in the briefings directory, and to the config file. File events are
//! debounced, then one reload follows.
//!
//! Editors save in bursts (temp file, rename, chmod), so events are debounced and one reload follows a burst.
//! The reload itself runs on a blocking thread: it reads and parses files. Reading a file is not a change:
//! inotify reports opens, and every reload opens every briefing, so access events are dropped here; a
//! watcher that counted them would reload forever, once per debounce interval.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use notify::{EventKind, RecommendedWatcher, RecursiveMode, Watcher};
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
    let _watcher = match start(&dir, RecursiveMode::Recursive, tx, |path| {
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
                if msg.is_none() || !settle(&mut rx, debounce, &shutdown).await { break; }
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
    let _watcher = match start(&dir, RecursiveMode::NonRecursive, tx, move |p| {
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
                if msg.is_none() || !settle(&mut rx, debounce, &shutdown).await { break; }
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

/// Waits until `quiet` passes without another event (at most [`MAX_SETTLE`] quiet periods, so a file that is
/// written to without pause is still picked up); `false` when the watch or the bot is ending.
async fn settle(rx: &mut mpsc::UnboundedReceiver<()>, quiet: Duration, shutdown: &CancellationToken) -> bool {
    for _ in 0..MAX_SETTLE {
        tokio::select! {
            _ = shutdown.cancelled() => return false,
            msg = tokio::time::timeout(quiet, rx.recv()) => match msg {
                Ok(Some(())) => continue,
                Ok(None) => return false,
                Err(_) => return true,
            },
        }
    }
    while rx.try_recv().is_ok() {}
    true
}

/// Quiet periods a burst of events may stretch over before the reload happens anyway.
const MAX_SETTLE: usize = 10;

/// A watch on `dir` that sends for each change (never a mere read) to a path that passes `relevant`.
fn start(
    dir: &Path,
    mode: RecursiveMode,
    tx: mpsc::UnboundedSender<()>,
    relevant: impl Fn(&Path) -> bool + Send + 'static,
) -> Result<RecommendedWatcher, notify::Error> {
    let mut watcher = notify::recommended_watcher(move |res: notify::Result<notify::Event>| match res {
        Ok(event) if matches!(event.kind, EventKind::Access(_)) => {}
        Ok(event) => {
            if event.paths.iter().any(|p| relevant(p)) {
                let _ = tx.send(());
            }
        }
        Err(e) => tracing::warn!("file watcher: {e}"),
    })?;
    watcher.watch(dir, mode)?;
    Ok(watcher)
}

#[cfg(test)]
mod tests {
    use std::sync::Mutex;

    use super::*;
    use crate::briefing::ParseOptions;

    /// Regression: inotify reports opens, and each reload opens every briefing; counted as changes, they
    /// made the watcher reload forever, once per debounce interval, even with nothing changing.
    #[tokio::test]
    async fn reloads_once_per_change_and_never_on_its_own_reads() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.txt"), "Title A\n\nSome text.\n").unwrap();
        let store = Arc::new(Store::open(dir.path(), ParseOptions::default()));
        let reports: Arc<Mutex<Vec<ReloadReport>>> = Arc::default();
        let shutdown = CancellationToken::new();
        let seen = reports.clone();
        let task = tokio::spawn(run(
            store.clone(),
            Duration::from_millis(50),
            shutdown.clone(),
            move |r| seen.lock().unwrap().push(r.clone()),
        ));
        // Quiet: a second of nothing changing must reload nothing.
        tokio::time::sleep(Duration::from_millis(1000)).await;
        assert_eq!(reports.lock().unwrap().len(), 0, "reloads with nothing changed");

        std::fs::write(dir.path().join("b.txt"), "Title B\n\nMore text.\n").unwrap();
        let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
        while store.snapshot().len() < 2 {
            assert!(
                tokio::time::Instant::now() < deadline,
                "the new file was not picked up"
            );
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        tokio::time::sleep(Duration::from_millis(1000)).await;
        let count = reports.lock().unwrap().len();
        assert_eq!(count, 1, "one reload for one new file, then quiet");
        shutdown.cancel();
        task.await.unwrap();
    }
}
