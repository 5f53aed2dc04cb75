//! The bot under load on a real Synapse: the round trip of `!summary infoforum` as a user sees it (via
//! `/sync`), beside the round trip of `!ping` to an "instant floor" client that answers with no
//! processing, interleaved so both meet the same server and load; then a burst of commands sent at
//! once, with the bot's CPU time per answer and its missing and duplicate answers; and its resident
//! memory idle and after the burst.
//!
//! Run with `cargo bench --bench matrix_load` (add `--profile release` to reuse a release build's
//! dependencies rather than build them again with line tables): it starts its own Synapse and the
//! optimised `attache` binary. `ROUNDS` and `BURST` set the counts (30 and 200 by default). The bot, the user and the floor
//! have their rate limits lifted by the admin API, so the figures measure the bot, not Synapse's throttle.

use synapse_harness as synapse;

mod clients;
mod run;

use std::process::{Child, Command, Stdio};
use std::time::Duration;

use synapse::Synapse;

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
    let (rounds, burst) = (count("ROUNDS", 30), count("BURST", 200));
    let server = synapse::synapse();
    synapse::http::rt().block_on(run::run(server, rounds, burst));
}

/// The bot process, stopped when dropped, so that a panicking run leaves none behind.
pub struct Bot {
    child: Child,
    dir: tempfile::TempDir,
}

impl Drop for Bot {
    fn drop(&mut self) {
        let _ = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status();
        let _ = self.child.wait();
    }
}

impl Bot {
    /// Starts `attache run` as `user_id` (password login) with a `[matrix]` section for `server`.
    pub fn start(server: &Synapse, user_id: &str, password: &str, admins: &[&str]) -> Bot {
        let dir = tempfile::tempdir().expect("a bot dir");
        let briefings = concat!(env!("CARGO_MANIFEST_DIR"), "/briefings");
        let config = format!(
            r#"[briefings]
dir = "{briefings}"
watch = false

[console]
enabled = "never"

[log]
filter = "warn"

[data]
dir = "{data}"

[matrix]
homeserver = "{url}"
user = "{user_id}"
password_env = "ATTACHE_MATRIX_PASSWORD"
store = "{data}/matrix"
prefix = "!"
admins = {admins:?}
moderator_power_level = 50
moderators = []
autojoin = "anyone"
rooms = []
"#,
            data = dir.path().join("data").display(),
            url = server.url(),
        );
        let config_path = dir.path().join("attache.toml");
        std::fs::write(&config_path, config).expect("write the bot config");
        let log = std::fs::File::create(dir.path().join("bot.log")).expect("bot log");
        let child = Command::new(env!("CARGO_BIN_EXE_attache"))
            .arg("--config")
            .arg(&config_path)
            .arg("run")
            .env("ATTACHE_MATRIX_PASSWORD", password)
            .env_remove("RUST_LOG")
            .stdin(Stdio::null())
            .stdout(log.try_clone().expect("log"))
            .stderr(log)
            .spawn()
            .expect("the attache binary starts");
        Bot { child, dir }
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Panics with the end of the bot's log if it has exited.
    pub fn assert_running(&mut self) {
        if let Ok(Some(status)) = self.child.try_wait() {
            panic!("the bot exited ({status}); its log ends:\n{}", self.log_tail());
        }
    }

    pub fn log_tail(&self) -> String {
        let log = std::fs::read_to_string(self.dir.path().join("bot.log")).unwrap_or_default();
        synapse::install::last_lines(&log, 30)
    }
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
