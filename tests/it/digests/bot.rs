//! The bot on both platforms at once, as an admin runs it: the `attache` binary with a config naming the
//! real Synapse and the Discord fake, its digest clock set through `ATTACHE_CLOCK_START`, its briefings and
//! `data/` (ledger, Matrix store) in a temporary directory kept across restarts. It can be stopped with
//! SIGTERM or killed with SIGKILL at any instant; dropping it kills it. Its log is printed when a test fails.

use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};

use synapse_harness::Session;

const MATRIX_SECRET: &str = "ATTACHE_TEST_MATRIX_SECRET";
const DISCORD_SECRET: &str = "ATTACHE_TEST_DISCORD_TOKEN";
const DATABASE_SECRET: &str = "ATTACHE_TEST_DATABASE_URL";

/// Who the bot is on each platform.
#[derive(Clone)]
pub struct Setup {
    pub homeserver: String,
    pub account: Session,
    /// Matrix users who moderate everywhere (`matrix.moderators`).
    pub moderators: Vec<String>,
    pub discord_api: String,
    pub discord_token: String,
    pub guild: u64,
    pub moderator_role: u64,
    /// A PostgreSQL ledger shared with other instances (`data.database_url_env`), else SQLite in `data/`.
    pub database: Option<String>,
    /// More environment for the process (an instance's name, a shared accelerated clock).
    pub env: Vec<(String, String)>,
    /// More keys of `[discord]` (`interactions = "http"`, `public_key`).
    pub discord_extra: String,
    /// `http.listen`: a free port picked by the server unless a test needs it fixed across restarts.
    pub http_listen: String,
}

pub struct Bot {
    child: Option<Child>,
    dir: tempfile::TempDir,
    setup: Setup,
    /// Log files of every run, in order; the current one last.
    logs: Vec<PathBuf>,
}

impl Bot {
    /// Writes the config (`extra` after the platform sections), copies the sample briefings and starts the
    /// bot with its digest clock at `clock`.
    pub fn start(setup: Setup, extra: &str, clock: Option<DateTime<Utc>>) -> Bot {
        let dir = tempfile::tempdir().expect("a temp dir");
        let briefings = dir.path().join("briefings");
        std::fs::create_dir(&briefings).unwrap();
        for entry in std::fs::read_dir(crate::fixture("corpus")).unwrap() {
            let entry = entry.unwrap();
            std::fs::copy(entry.path(), briefings.join(entry.file_name())).unwrap();
        }
        let mut bot = Bot {
            child: None,
            dir,
            setup,
            logs: Vec::new(),
        };
        bot.write_config(extra);
        bot.spawn(clock);
        bot
    }

    pub fn config_path(&self) -> PathBuf {
        self.dir.path().join("attache.toml")
    }

    pub fn briefings(&self) -> PathBuf {
        self.dir.path().join("briefings")
    }

    /// The whole config, with `extra` after the platform sections.
    pub fn config_text(&self, extra: &str) -> String {
        let s = &self.setup;
        format!(
            r#"[briefings]
dir = {briefings:?}
debounce_ms = 100

[console]
enabled = "never"

[log]
filter = "warn,attache=debug"

[data]
dir = {data:?}
{database}

[matrix]
homeserver = {hs:?}
user = {user:?}
access_token_env = "{MATRIX_SECRET}"
autojoin = "anyone"
moderators = {moderators:?}

[discord]
token_env = "{DISCORD_SECRET}"
guilds = [{guild}]
moderator_roles = [{role}]
api_base = {api:?}
{discord_extra}

[http]
listen = {listen:?}

{extra}
"#,
            briefings = self.briefings().display().to_string(),
            data = self.dir.path().join("data").display().to_string(),
            hs = s.homeserver,
            user = s.account.user_id,
            moderators = s.moderators,
            guild = s.guild,
            role = s.moderator_role,
            api = s.discord_api,
            discord_extra = s.discord_extra,
            listen = s.http_listen,
            database = if s.database.is_some() {
                format!("database_url_env = \"{DATABASE_SECRET}\"")
            } else {
                String::new()
            },
        )
    }

    /// Rewrites the config file (the running bot picks the change up, or rejects it).
    pub fn write_config(&self, extra: &str) {
        std::fs::write(self.config_path(), self.config_text(extra)).expect("write the config");
    }

    fn spawn(&mut self, clock: Option<DateTime<Utc>>) {
        assert!(self.child.is_none(), "the bot is already running");
        let log = self.dir.path().join(format!("bot-{}.log", self.logs.len()));
        let mut command = Command::new(env!("CARGO_BIN_EXE_attache"));
        command
            .arg("--config")
            .arg(self.config_path())
            .arg("run")
            .current_dir(self.dir.path())
            .env(MATRIX_SECRET, &self.setup.account.access_token)
            .env(DISCORD_SECRET, &self.setup.discord_token)
            .env("NO_COLOR", "1")
            .env_remove("RUST_LOG")
            .env_remove(attache_core::digest::clock::CLOCK_START_ENV)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(std::fs::File::create(&log).unwrap());
        if let Some(at) = clock {
            command.env(attache_core::digest::clock::CLOCK_START_ENV, at.to_rfc3339());
        }
        if let Some(url) = &self.setup.database {
            command.env(DATABASE_SECRET, url);
        }
        command.envs(self.setup.env.iter().map(|(k, v)| (k, v)));
        self.child = Some(command.spawn().expect("the attache binary starts"));
        self.logs.push(log);
    }

    /// Starts the bot again with the same config, briefings and data.
    pub fn restart(&mut self, clock: Option<DateTime<Utc>>) {
        self.spawn(clock);
    }

    /// Waits until the bot serves both platforms: its first Matrix sync is done and Discord's READY handled.
    pub fn wait_connected(&self) {
        self.wait_log("Matrix: synced", Duration::from_secs(60));
        self.wait_log("discord: connected", Duration::from_secs(60));
    }

    /// SIGKILL: no chance to finish anything.
    pub fn kill(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }

    /// SIGTERM, as a service manager stops it; it must exit cleanly and promptly.
    pub fn stop(&mut self) {
        let mut child = self.child.take().expect("the bot runs");
        let _ = Command::new("kill")
            .arg("-TERM")
            .arg(child.id().to_string())
            .status();
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            if let Some(status) = child.try_wait().unwrap() {
                assert!(status.success(), "the bot exited with {status}\n{}", self.log());
                return;
            }
            assert!(
                Instant::now() < deadline,
                "the bot ignored SIGTERM\n{}",
                self.log()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// The current run's log.
    pub fn log(&self) -> String {
        self.logs
            .last()
            .map(|p| std::fs::read_to_string(p).unwrap_or_default())
            .unwrap_or_default()
    }

    /// The current run's `/metrics`, over a socket.
    pub fn metrics(&self) -> String {
        self.get("/metrics").map(|(_, body)| body).unwrap_or_default()
    }

    /// The address the current run's HTTP side serves on (waits for it to be announced).
    pub fn http_address(&self) -> String {
        let line = self.wait_log("http: serving on http://", Duration::from_secs(30));
        line.rsplit("http://")
            .next()
            .unwrap_or_default()
            .trim()
            .to_string()
    }

    /// `GET path` on the current run's HTTP side: its status and body, or `None` when it does not answer
    /// (not started yet, or killed).
    pub fn get(&self, path: &str) -> Option<(u16, String)> {
        use std::io::{Read, Write};
        let address = self.http_address();
        let mut stream = std::net::TcpStream::connect(&address).ok()?;
        stream.set_read_timeout(Some(Duration::from_secs(5))).ok()?;
        write!(
            stream,
            "GET {path} HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n\r\n"
        )
        .ok()?;
        let mut raw = String::new();
        stream.read_to_string(&mut raw).ok()?;
        let (head, body) = raw.split_once("\r\n\r\n")?;
        let status = head.split_whitespace().nth(1)?.parse().ok()?;
        Some((status, body.to_string()))
    }

    /// Whether the process runs (not killed or stopped).
    pub fn running(&self) -> bool {
        self.child.is_some()
    }

    /// How many lines of the current run's log contain `needle`.
    pub fn count_log(&self, needle: &str) -> usize {
        self.log().lines().filter(|l| l.contains(needle)).count()
    }

    /// Waits until the scheduler has finished a pass that began after this call: whatever it was going to
    /// post by now, it has posted.
    pub fn wait_scheduler_pass(&self) {
        // The pass running now may have begun before; the one after it has not.
        let seen = self.count_log("scheduler pass done");
        let deadline = Instant::now() + Duration::from_secs(30);
        while self.count_log("scheduler pass done") < seen + 2 {
            assert!(
                Instant::now() < deadline,
                "the scheduler made no pass in 30 s:\n{}",
                self.log()
            );
            std::thread::sleep(Duration::from_millis(25));
        }
    }

    /// Waits until the current run's log has a line containing `needle`; returns that line.
    pub fn wait_log(&self, needle: &str, timeout: Duration) -> String {
        let deadline = Instant::now() + timeout;
        loop {
            if let Some(line) = self.log().lines().find(|l| l.contains(needle)) {
                return line.to_string();
            }
            assert!(
                Instant::now() < deadline,
                "no `{needle}` in the bot's log within {timeout:?}:\n{}",
                self.log()
            );
            std::thread::sleep(Duration::from_millis(25));
        }
    }
}

impl Drop for Bot {
    fn drop(&mut self) {
        self.kill();
        if std::thread::panicking() {
            for (i, log) in self.logs.iter().enumerate() {
                let text = std::fs::read_to_string(log).unwrap_or_default();
                let tail: Vec<&str> = text.lines().rev().take(60).collect();
                let tail: Vec<&str> = tail.into_iter().rev().collect();
                eprintln!("--- run {i} of the bot, its log ends:\n{}", tail.join("\n"));
            }
        }
    }
}
