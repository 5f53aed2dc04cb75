//! Attaché and a peer, maubot, under load on a real Synapse, one after the other, each in a room of its own
//! with the same users: the round trip of `!summary infoforum` as a user sees it (via `/sync`), beside the
//! round trip of `ping` to an "instant floor" client that answers with no processing, interleaved so both
//! meet the same server and load, with the bot's CPU per round; then bursts of commands sent at once (by
//! one user, then by several), timed against the homeserver's own delivery of them, with the bot's and
//! Synapse's CPU and the answers missing, duplicated or out of their user's order; and the bot's resident
//! and private memory idle and after the bursts. Before the bots, the homeserver's own cost of the same
//! number of replies, sent one after another and all at once by a client doing no work (`sends.rs`).
//!
//! Run with `cargo bench --profile release --bench matrix_load` after `cargo build --release` (the
//! profile reuses the release build's dependencies): it starts its own Synapse, the optimised `attache`
//! binary, and maubot 0.6.0 from PyPI in a venv cached under the target directory (installed on first
//! use, about 10 s; our one-command plugin is `maubot/`). `ROUNDS`, `BURST` and `BURST_USERS` set the
//! counts (30, 200 and 4 by default); `ATTACHE_BIN` runs another `attache` binary (an older build, say).
//! Every user and bot has its rate limits lifted by the admin API, so the figures measure the bots, not
//! Synapse's throttle.

use synapse_harness as synapse;

mod bots;
mod burst;
mod clients;
mod report;
mod run;
mod sends;

use std::process::Command;
use std::time::Duration;

fn main() {
    // `cargo test --benches` runs bench targets without `--bench`: a full run is not a test.
    if !std::env::args().any(|a| a == "--bench") {
        return;
    }
    let count = |var: &str, default: usize| {
        std::env::var(var)
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(default)
    };
    let counts = run::Counts {
        rounds: count("ROUNDS", 30),
        burst: count("BURST", 200),
        burst_users: count("BURST_USERS", 4),
    };
    let server = synapse::synapse();
    synapse::http::rt().block_on(run::run(server, counts));
}

/// utime + stime of `pid` so far, in seconds.
pub fn cpu_seconds(pid: u32) -> f64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).expect("the process runs");
    // Fields after the parenthesised name start at field 3 (state); utime and stime are fields 14, 15.
    let rest: Vec<&str> = stat.rsplit(") ").next().unwrap_or_default().split(' ').collect();
    let ticks = rest[11].parse::<f64>().unwrap_or(0.0) + rest[12].parse::<f64>().unwrap_or(0.0);
    ticks / clock_ticks()
}

fn clock_ticks() -> f64 {
    let out = Command::new("getconf")
        .arg("CLK_TCK")
        .output()
        .expect("getconf runs");
    String::from_utf8_lossy(&out.stdout)
        .trim()
        .parse()
        .unwrap_or(100.0)
}

/// VmRSS of `pid`, in MiB.
pub fn rss_mib(pid: u32) -> Rss {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).expect("the process runs");
    let field = |name: &str| -> f64 {
        status
            .lines()
            .find_map(|l| l.strip_prefix(name))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
            .unwrap_or(0.0)
            / 1024.0
    };
    Rss {
        total: field("VmRSS:"),
        anon: field("RssAnon:"),
        file: field("RssFile:"),
    }
}

/// Resident memory in MiB: all of it, the heap and stacks (anonymous), and pages of the binary and
/// libraries (file-backed, shared with any other process mapping them).
#[derive(Debug, Clone, Copy)]
pub struct Rss {
    pub total: f64,
    pub anon: f64,
    pub file: f64,
}

impl std::fmt::Display for Rss {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{:.1} MiB ({:.1} anonymous, {:.1} file-backed)",
            self.total, self.anon, self.file
        )
    }
}

/// The `p` quantile (0..=1) of sorted durations, nearest rank.
pub fn quantile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

pub fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}
