//! The bots the load run measures, each a child process stopped when dropped: Attaché (the release
//! `attache` binary) and maubot, a Python bot framework run from PyPI in its standalone mode with a
//! one-command plugin of ours (`maubot/`), as the peer to compare with.

use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

use synapse_harness::install::{self, Package};
use synapse_harness::{Session, Synapse};

/// maubot as PyPI ships it, installed once per version under the target directory like Synapse.
pub const MAUBOT: Package = Package {
    name: "maubot",
    venv: "maubot-venv",
    pip: "maubot",
    version: "0.6.0",
    import_check: "import maubot.standalone.loader, maubot.matrix, mautrix.client",
};
const PLUGIN_YAML: &str = include_str!("maubot/maubot.yaml");
const PLUGIN_PY: &str = include_str!("maubot/benchsummary.py");
/// What maubot logs once its sync, autojoin and the plugin's handlers are running.
const MAUBOT_READY: &str = "Startup completed, running forever";
const START_TIMEOUT: Duration = Duration::from_secs(60);

/// A bot process, stopped (SIGTERM, then waited for) when dropped, so a panicking run leaves none behind.
pub struct Bot {
    pub name: &'static str,
    pub user_id: String,
    child: Child,
    /// Removed with the bot: its config, store and log.
    _dir: tempfile::TempDir,
    log: PathBuf,
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
    /// Starts `attache run` as `user_id` (password login) with a `[matrix]` section for `server`; it is
    /// ready once it has a device.
    pub fn attache(server: &Synapse, user_id: &str, password: &str, admins: &[&str]) -> Bot {
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
        let mut command = Command::new(attache_binary());
        command
            .arg("--config")
            .arg(&config_path)
            .arg("run")
            .env("ATTACHE_MATRIX_PASSWORD", password)
            .env_remove("RUST_LOG");
        Bot::spawn("Attaché", user_id, command, dir)
    }

    /// Starts maubot 0.6 standalone as `session`'s device, with its default settings but for those a bench
    /// needs (accept invites, handle the first sync, no profile changes, quiet logs), answering
    /// `!{command} ...` with `answer` (an event content's `body` and `formatted_body`).
    pub fn maubot(server: &Synapse, session: &Session, command: &str, answer: &Value) -> Bot {
        let python = install::python_of(&MAUBOT);
        let dir = tempfile::tempdir().expect("a bot dir");
        let plugin = dir.path().join("plugin");
        std::fs::create_dir_all(&plugin).expect("a plugin dir");
        std::fs::write(plugin.join("maubot.yaml"), PLUGIN_YAML).expect("write the plugin");
        std::fs::write(plugin.join("benchsummary.py"), PLUGIN_PY).expect("write the plugin");
        let quote = |s: &str| Value::from(s).to_string();
        let config = maubot_config(server, session, dir.path(), command, answer, quote);
        let config_path = dir.path().join("config.yaml");
        std::fs::write(&config_path, config).expect("write maubot's config");
        let mut run = Command::new(python);
        run.args(["-m", "maubot.standalone", "-c"])
            .arg(&config_path)
            .arg("-m")
            .arg(plugin.join("maubot.yaml"))
            .current_dir(dir.path());
        Bot::spawn("maubot", &session.user_id, run, dir)
    }

    fn spawn(name: &'static str, user_id: &str, mut command: Command, dir: tempfile::TempDir) -> Bot {
        let log = dir.path().join("bot.log");
        let file = std::fs::File::create(&log).expect("bot log");
        let child = command
            .stdin(Stdio::null())
            .stdout(file.try_clone().expect("log"))
            .stderr(file)
            .spawn()
            .unwrap_or_else(|e| panic!("{name} starts: {e}"));
        Bot {
            name,
            user_id: user_id.to_owned(),
            child,
            _dir: dir,
            log,
        }
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Panics with the end of the bot's log if it has exited.
    pub fn assert_running(&mut self) {
        if let Ok(Some(status)) = self.child.try_wait() {
            panic!(
                "{} exited ({status}); its log ends:\n{}",
                self.name,
                self.log_tail()
            );
        }
    }

    pub fn log_tail(&self) -> String {
        watchdog::last_lines(&std::fs::read_to_string(&self.log).unwrap_or_default(), 30)
    }

    /// Waits for maubot's ready line (Attaché is ready once it has a device, which the run checks).
    pub async fn wait_for_ready_line(&mut self) {
        let log = self.log.clone();
        self.wait_for(
            "no ready line",
            START_TIMEOUT,
            Duration::from_millis(50),
            async || {
                std::fs::read_to_string(&log)
                    .unwrap_or_default()
                    .contains(MAUBOT_READY)
                    .then_some(())
            },
        )
        .await
    }

    /// Asks `check` every `period` until it gives a value, while the bot runs; panics with the bot's log
    /// when it has stopped, or when `timeout` has passed without one (`missing` says what was awaited).
    pub async fn wait_for<T>(
        &mut self,
        missing: &str,
        timeout: Duration,
        period: Duration,
        mut check: impl AsyncFnMut() -> Option<T>,
    ) -> T {
        let deadline = Instant::now() + timeout;
        loop {
            if let Some(value) = check().await {
                return value;
            }
            self.assert_running();
            assert!(
                Instant::now() < deadline,
                "{missing} within {timeout:?}; {}'s log ends:\n{}",
                self.name,
                self.log_tail()
            );
            tokio::time::sleep(period).await;
        }
    }
}

/// The `attache` binary cargo built for the bench, or the one `ATTACHE_BIN` names (to compare builds).
fn attache_binary() -> PathBuf {
    std::env::var_os("ATTACHE_BIN")
        .map_or_else(|| PathBuf::from(env!("CARGO_BIN_EXE_attache")), PathBuf::from)
}

/// maubot's standalone config: the example's settings (merged in by maubot itself) except these.
/// `ignore_initial_sync` and `ignore_first_sync` must be off, else an invite sent while it starts is lost.
fn maubot_config(
    server: &Synapse,
    session: &Session,
    dir: &std::path::Path,
    command: &str,
    answer: &Value,
    quote: impl Fn(&str) -> String,
) -> String {
    let text = |key: &str| quote(answer[key].as_str().unwrap_or_default());
    format!(
        r#"user:
  credentials:
    id: {id}
    homeserver: {url}
    access_token: {token}
    device_id: null
  sync: true
  appservice: false
  autojoin: true
  displayname: disable
  avatar_url: disable
  ignore_initial_sync: false
  ignore_first_sync: false
database: {db}
plugin_config:
  command: {command}
  body: {body}
  html: {html}
logging:
  version: 1
  formatters:
    plain: {{format: "[%(asctime)s] [%(levelname)s@%(name)s] %(message)s"}}
  handlers:
    console: {{class: logging.StreamHandler, formatter: plain}}
  loggers:
    maubot.init: {{level: INFO}}
  root: {{level: WARNING, handlers: [console]}}
"#,
        id = quote(&session.user_id),
        url = quote(&server.url()),
        token = quote(&session.access_token),
        db = quote(&format!("sqlite://{}/maubot.db", dir.display())),
        command = quote(command),
        body = text("body"),
        html = text("formatted_body"),
    )
}
