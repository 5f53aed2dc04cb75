//! The console adapter: the same commands as chat, typed at a terminal, answered as terminal text.
//!
//! A thin adapter like the others: it strips an optional `/` or `!`, hands the line to the engine as the
//! local admin, and prints the rendered response. Stdin is read on a thread of its own, because a blocking
//! read cannot be cancelled and must not hold up shutdown.

use std::io::{BufRead, IsTerminal, Write};
use std::sync::Arc;

use tokio::sync::mpsc;
use tokio_util::sync::CancellationToken;

use attache_core::command::Role;
use attache_core::engine::{Caller, Engine, PlatformState};
use attache_core::i18n::Lang;
use attache_core::render::terminal::{self, Style};

/// The terminal style for stdout: colour only on a terminal and when `NO_COLOR` is unset; width from
/// `COLUMNS` when set.
pub fn stdout_style() -> Style {
    let color = std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    let width = std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(80usize);
    Style {
        color,
        width: width.clamp(40, 120),
    }
}

/// Strips the optional command prefix a chat user would type.
pub fn strip_prefix(line: &str) -> &str {
    let line = line.trim();
    line.strip_prefix('/')
        .or_else(|| line.strip_prefix('!'))
        .unwrap_or(line)
        .trim_start()
}

/// Runs the console until stdin ends, `quit` is typed, or `shutdown` fires. When `owns_process` is set,
/// the end of the console shuts the whole bot down.
pub async fn run(engine: Arc<Engine>, shutdown: CancellationToken, owns_process: bool, lang: Lang) {
    engine.set_platform("console", PlatformState::Connected);
    let interactive = std::io::stdin().is_terminal();
    let style = stdout_style();
    let (tx, mut rx) = mpsc::channel::<String>(16);
    std::thread::Builder::new()
        .name("console-stdin".into())
        .spawn(move || {
            let stdin = std::io::stdin();
            for line in stdin.lock().lines() {
                let Ok(line) = line else { break };
                if tx.blocking_send(line).is_err() {
                    break;
                }
            }
        })
        .ok();
    prompt(interactive);
    loop {
        let line = tokio::select! {
            _ = shutdown.cancelled() => break,
            line = rx.recv() => line,
        };
        let Some(line) = line else { break };
        let line = strip_prefix(&line);
        if line.is_empty() {
            prompt(interactive);
            continue;
        }
        if matches!(line, "quit" | "exit") {
            break;
        }
        let engine_ = engine.clone();
        let line = line.to_string();
        // Commands read files on `reload`; keep that off the async workers.
        let caller = Caller::new(Role::Admin, "console").lang(lang).place("console");
        let response = tokio::task::spawn_blocking(move || engine_.handle_as(&line, &caller)).await;
        match response {
            Ok(response) => {
                let mut out = std::io::stdout().lock();
                let _ = write!(out, "{}", terminal::render(&response, style));
                let _ = out.flush();
            }
            Err(e) => tracing::error!("console command failed: {e}"),
        }
        prompt(interactive);
    }
    engine.set_platform("console", PlatformState::Stopped);
    if owns_process {
        shutdown.cancel();
    }
}

fn prompt(interactive: bool) {
    if interactive {
        let mut out = std::io::stdout().lock();
        let _ = write!(out, "> ");
        let _ = out.flush();
    }
}
