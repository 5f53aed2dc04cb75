//! The bot as a user runs it: the `attache` binary as a child process with a config file in a temporary
//! directory, its secret in the environment, killed when the test ends however it ends. Its log (stderr) is
//! kept, so a test can wait for a line or count them, and printed when a test fails.

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::fixture;

/// The environment variable the test configs name for the bot's secret.
const SECRET_ENV: &str = "ATTACHE_TEST_MATRIX_SECRET";

/// How the bot authenticates in a test.
pub enum Auth {
    Password(String),
    AccessToken(String),
}

/// What differs between the bots of the tests.
pub struct Options {
    pub homeserver: String,
    pub user: String,
    pub auth: Auth,
    /// TOML lines added to `[matrix]`: admins, autojoin, moderators.
    pub matrix_extra: String,
}

/// A running bot. Dropping it kills the process.
pub struct Bot {
    child: Option<Child>,
    /// Config and `data/` (the store); kept across [`Bot::restart`].
    dir: tempfile::TempDir,
    env: (String, String),
    log: Arc<Mutex<Vec<String>>>,
}

impl Bot {
    /// Writes the config and starts the bot; waits until its first sync is done.
    pub fn start(options: Options) -> Bot {
        let dir = tempfile::tempdir().expect("a temp dir");
        let (key, secret) = match &options.auth {
            Auth::Password(p) => ("password_env", p.clone()),
            Auth::AccessToken(t) => ("access_token_env", t.clone()),
        };
        let config = format!(
            "[briefings]\ndir = {corpus:?}\nwatch = false\n\n[console]\nenabled = \"never\"\n\n\
             [log]\nfilter = \"warn,attache=debug\"\n\n[data]\ndir = {data:?}\n\n\
             [matrix]\nhomeserver = {hs:?}\nuser = {user:?}\n{key} = \"{SECRET_ENV}\"\n{extra}\n",
            corpus = fixture("corpus").display().to_string(),
            data = dir.path().join("data").display().to_string(),
            hs = options.homeserver,
            user = options.user,
            extra = options.matrix_extra,
        );
        std::fs::write(dir.path().join("attache.toml"), config).expect("write the config");
        let mut bot = Bot {
            child: None,
            dir,
            env: (SECRET_ENV.to_string(), secret),
            log: Arc::default(),
        };
        bot.spawn();
        bot
    }

    fn spawn(&mut self) {
        let mut child = Command::new(env!("CARGO_BIN_EXE_attache"))
            .arg("--config")
            .arg(self.dir.path().join("attache.toml"))
            .arg("run")
            .current_dir(self.dir.path())
            .env(&self.env.0, &self.env.1)
            .env("NO_COLOR", "1")
            .env_remove("RUST_LOG")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("the attache binary starts");
        let stderr = child.stderr.take().expect("piped stderr");
        let log = self.log.clone();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                log.lock().unwrap().push(line);
            }
        });
        self.child = Some(child);
        let from = self.log_len();
        self.wait_log(from, "Matrix: synced", Duration::from_secs(60));
    }

    /// Stops the bot as a service manager would (SIGTERM) and checks it exits cleanly and promptly.
    pub fn stop(&mut self) {
        let mut child = self.child.take().expect("the bot runs");
        signal(&child, "TERM");
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            if let Some(status) = child.try_wait().expect("wait for the bot") {
                assert!(
                    status.success(),
                    "the bot exited with {status}\n{}",
                    self.log_tail(30)
                );
                return;
            }
            assert!(
                Instant::now() < deadline,
                "the bot ignored SIGTERM\n{}",
                self.log_tail(30)
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Starts the bot again with the same config and store.
    pub fn restart(&mut self) {
        self.spawn();
    }

    /// Freezes (`STOP`) or thaws (`CONT`) the process, like a machine that stalls.
    pub fn signal(&self, name: &str) {
        signal(self.child.as_ref().expect("the bot runs"), name);
    }

    pub fn store(&self) -> PathBuf {
        self.dir.path().join("data/matrix")
    }

    pub fn log_len(&self) -> usize {
        self.log.lock().unwrap().len()
    }

    /// The log lines from line `from` on containing `needle`.
    pub fn log_lines(&self, from: usize, needle: &str) -> Vec<String> {
        let log = self.log.lock().unwrap();
        log.iter()
            .skip(from)
            .filter(|l| l.contains(needle))
            .cloned()
            .collect()
    }

    /// Waits until a log line from `from` on contains `needle`; panics with the log's tail if none does.
    pub fn wait_log(&self, from: usize, needle: &str, timeout: Duration) -> String {
        let deadline = Instant::now() + timeout;
        loop {
            if let Some(line) = self.log_lines(from, needle).into_iter().next() {
                return line;
            }
            assert!(
                Instant::now() < deadline,
                "no `{needle}` in the bot's log within {timeout:?}; it ends:\n{}",
                self.log_tail(40)
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    pub fn log_tail(&self, n: usize) -> String {
        let log = self.log.lock().unwrap();
        log[log.len().saturating_sub(n)..].join("\n")
    }
}

impl Drop for Bot {
    fn drop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
        if std::thread::panicking() {
            eprintln!("--- the bot's log ends:\n{}", self.log_tail(60));
        }
    }
}

fn signal(child: &Child, name: &str) {
    let status = Command::new("kill")
        .arg(format!("-{name}"))
        .arg(child.id().to_string())
        .status()
        .expect("kill runs");
    assert!(status.success(), "kill -{name} failed");
}
