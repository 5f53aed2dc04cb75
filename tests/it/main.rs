//! The integration tests: one binary that drives the public API and the `attache` executable.
//!
//! - `cli`: the command line as a user runs it (`ask`, `check`, `show`, `extract`, the console fallback,
//!   a file dropped into the briefings directory while the bot runs).
//! - `bad_input`: the corpus of broken files and the error each must produce.
//! - `snapshots`: the terminal rendering of every command; `discord`: every command as a Discord embed,
//!   and any briefing within Discord's limits.
//! - `discord_http`: Discord over HTTP interactions: signed requests posted by the fake to one instance
//!   or to several sharing a PostgreSQL ledger; refusals, inline and deferred answers, paging across
//!   instances, a burst of 200, and `check` comparing the public key.
//! - `discord_fake`: a local Discord (REST and gateway) that enforces the documented limits, and its own
//!   tests, down to a real serenity client answering an interaction.
//! - `eval`: the labeled articles and the extraction scorer.
//! - `store`: reloads keep the last good state.
//! - `properties`: no chat input, and no file content, panics.
//! - `matrix`: the Matrix adapter against a real Synapse: every command, encrypted rooms, invites, restarts,
//!   roles, a burst of 200 commands under a rate limit, and the homeserver going away and back.
//! - `digests`: scheduled digests and announcements from one bot on both platforms: the right local time
//!   across daylight saving, catch-up, corrections edited in place, and every post exactly once through
//!   twenty SIGKILLs at random instants; three instances on one PostgreSQL ledger through ten kills of the
//!   leader, each post once.
//! - `synapse`: a real Synapse homeserver (installed into a cached venv, started once per run) and test
//!   users as Matrix clients, plain and encrypted, for the Matrix tests; and the harness's own tests.

mod bad_input;
mod cli;
mod digests;
mod discord;
mod discord_bot;
mod discord_http;
mod eval;
mod http;
mod matrix;
mod properties;
mod snapshots;
mod store;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A path under `tests/fixtures`.
pub fn fixture(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(rel)
}

/// Runs `attache` with `args` in the package root, with colour off and a fixed width.
pub fn attache(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_attache"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .env("COLUMNS", "100")
        .env_remove("RUST_LOG")
        .output()
        .expect("the attache binary runs")
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// An engine serving the briefings in `dir`, with the default config otherwise.
pub fn engine_for(dir: PathBuf) -> attache_core::engine::Engine {
    attache_core::engine::Engine::new(attache_core::config::Config {
        briefings_dir: dir,
        ..Default::default()
    })
}

/// Copies a fixture directory into a fresh temporary directory, so a test can change it.
pub fn copy_dir(from: &Path) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temp dir");
    for entry in std::fs::read_dir(from).expect("fixture dir") {
        let entry = entry.expect("entry");
        std::fs::copy(entry.path(), dir.path().join(entry.file_name())).expect("copy");
    }
    dir
}
