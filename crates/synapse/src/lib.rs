//! A real Synapse homeserver for the Matrix tests: installed once into a cached venv, started once per
//! test binary on a free loopback port, and gone when the test process exits however it exits.
//!
//! Synapse runs under a one-line shell watchdog whose stdin is a pipe this process holds. When the test
//! process ends (normally, by panic, or killed) the pipe closes, the watchdog's `read` returns, and it
//! stops Synapse and removes its data directory. A static is never dropped, so nothing here relies on
//! `Drop` for the shared server. Synapse keeps its default rate limits: tests meet real 429s.
//!
//! Submodules: `install` (the venv), `http` (raw API calls, the harness runtime), `admin` (users,
//! tokens, rate-limit overrides), `client` (test users as a Matrix client), `seen` (messages as read).

pub mod admin;
pub mod client;
mod e2ee;
pub mod http;
pub mod install;
pub mod seen;
#[cfg(test)]
mod tests;

use std::collections::HashMap;
use std::fs;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command};
use std::sync::{Arc, Mutex, OnceLock, Weak};
use std::time::{Duration, Instant};

use watchdog::{Watchdog, free_port, last_lines, wait_until_up};

pub use admin::Session;
pub use client::TestUser;
pub use seen::Seen;

/// How long a start may take before the harness gives up and shows Synapse's log. A first start creates
/// the database schema (about 3.5 s here); later ones take about 1.3 s.
const START_TIMEOUT: Duration = Duration::from_secs(90);

/// Set to keep the data directory (config, database, `homeserver.log`) after the test process exits.
const KEEP_ENV: &str = "ATTACHE_KEEP_SYNAPSE";

/// One Synapse process (or, between [`Synapse::stop`] and [`Synapse::start`], its data).
pub struct Synapse {
    port: u16,
    dir: PathBuf,
    python: PathBuf,
    shared_secret: String,
    running: Mutex<Option<Running>>,
    /// Sessions made by [`Synapse::session`], by localpart: each user logs in once per process.
    sessions: tokio::sync::Mutex<HashMap<String, Session>>,
    /// Dropped with the server: background sync loops of its users watch it to stop.
    alive: Arc<()>,
}

struct Running {
    watchdog: Child,
    /// Held open while Synapse should live; closing it (or writing `stop`) ends Synapse.
    stdin: ChildStdin,
    pid: u32,
}

/// The homeserver of this test binary: installed if needed, started once on first use, stopped when the
/// test process exits, even when a test fails or panics. Panics with a clear message saying what is
/// missing (python3 with venv, PyPI) and, when Synapse does not come up, with the tail of its log; every
/// later caller panics with the same message rather than trying again.
pub fn synapse() -> &'static Synapse {
    static SHARED: OnceLock<Result<Synapse, String>> = OnceLock::new();
    let shared = SHARED.get_or_init(|| {
        std::panic::catch_unwind(Synapse::launch).map_err(|panic| {
            panic
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_else(|| "Synapse did not start".into())
        })
    });
    match shared {
        Ok(s) => s,
        Err(msg) => panic!("{msg}"),
    }
}

impl Synapse {
    /// A new homeserver with its own port and data, for a test that must not share one: stopping the
    /// shared server would break every test running beside it. Removed when dropped.
    pub fn dedicated() -> Synapse {
        Synapse::launch()
    }

    fn launch() -> Synapse {
        let python = install::venv_python();
        let dir = tempfile::Builder::new()
            .prefix("synapse-")
            .tempdir_in(install::scratch_dir())
            .expect("a directory for Synapse")
            .keep();
        let server = Synapse {
            port: free_port(),
            dir,
            python,
            shared_secret: hex(&random_bytes(24)),
            running: Mutex::new(None),
            sessions: Default::default(),
            alive: Arc::new(()),
        };
        server.write_config();
        server.start();
        server
    }

    /// `http://127.0.0.1:PORT`
    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    pub fn server_name(&self) -> &str {
        "localhost"
    }

    /// The data directory: config, sqlite database, `homeserver.log`.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The Synapse process id while it runs (for its memory or CPU).
    pub fn pid(&self) -> Option<u32> {
        self.running.lock().unwrap().as_ref().map(|r| r.pid)
    }

    /// Alive while this server value is: for loops that must end with it.
    pub fn alive(&self) -> Weak<()> {
        Arc::downgrade(&self.alive)
    }

    fn log_path(&self) -> PathBuf {
        self.dir.join("homeserver.log")
    }

    fn write_config(&self) {
        let d = self.dir.display();
        let key = base64_unpadded(&random_bytes(32));
        fs::write(self.dir.join("signing.key"), format!("ed25519 a_test {key}\n")).expect("signing key");
        // Written here rather than by `--generate-config`, which costs about 3 s of Python per start and
        // yields the same few settings (the rest are Synapse's defaults, rate limits included).
        let config = format!(
            r#"server_name: "localhost"
listeners:
  - port: {port}
    bind_addresses: ["127.0.0.1"]
    type: http
    tls: false
    x_forwarded: false
    resources:
      - names: [client]
        compress: false
database:
  name: sqlite3
  args:
    database: "{d}/homeserver.db"
log_config: "{d}/log.yaml"
media_store_path: "{d}/media_store"
signing_key_path: "{d}/signing.key"
registration_shared_secret: "{secret}"
macaroon_secret_key: "{macaroon}"
form_secret: "{form}"
report_stats: false
enable_registration: false
trusted_key_servers: []
suppress_key_server_warning: true
caches:
  # Otherwise an identical initial /sync within two minutes returns a cached, stale response.
  sync_response_cache_duration: 0
"#,
            port = self.port,
            secret = self.shared_secret,
            macaroon = hex(&random_bytes(24)),
            form = hex(&random_bytes(24)),
        );
        fs::write(self.dir.join("homeserver.yaml"), config).expect("homeserver.yaml");
        // To stderr, unbuffered, which the watchdog appends to homeserver.log: a failed start shows its
        // traceback and the last request before it, in order.
        let log = "version: 1\nformatters:\n  precise:\n    format: '%(asctime)s - %(name)s - %(levelname)s \
                   - %(request)s - %(message)s'\nhandlers:\n  console:\n    class: logging.StreamHandler\n    \
                   formatter: precise\nroot:\n  level: INFO\n  handlers: [console]\n\
                   disable_existing_loggers: false\n";
        fs::write(self.dir.join("log.yaml"), log).expect("log.yaml");
    }

    /// Starts Synapse (again) on the same port with the same data, and waits until it answers. Does
    /// nothing if it runs. Panics with the tail of its log if it does not come up.
    pub fn start(&self) {
        let mut running = self.running.lock().unwrap();
        if running.is_some() {
            return;
        }
        let keep = std::env::var_os(KEEP_ENV).is_some();
        // $0 python, $1 config, $2 log, $3 the directory to remove at the end ("" keeps it).
        // `read` returns on "stop" (from stop()) or at EOF, when this process has gone; only the latter
        // removes the data. SIGINT is ignored so a Ctrl-C in the terminal leaves the cleanup to EOF.
        let script = r#"trap '' INT HUP
"$0" -m synapse.app.homeserver -c "$1" </dev/null >>"$2" 2>&1 &
pid=$!
echo $pid
read cmd
kill -TERM $pid 2>/dev/null
wait $pid
[ "$cmd" = stop ] || [ -z "$3" ] || rm -rf "$3""#;
        let Watchdog { shell, stdin, pid } = Watchdog::spawn(
            Command::new("sh")
                .arg("-c")
                .arg(script)
                .arg(&self.python)
                .arg(self.dir.join("homeserver.yaml"))
                .arg(self.log_path())
                .arg(if keep { PathBuf::new() } else { self.dir.clone() })
                .current_dir(&self.dir),
            "Synapse",
        );
        *running = Some(Running {
            watchdog: shell,
            stdin,
            pid,
        });
        drop(running);
        self.wait_until_up(pid);
    }

    fn wait_until_up(&self, pid: u32) {
        wait_until_up("Synapse", self.port, pid, &self.log_path(), START_TIMEOUT, || {
            self.is_up()
        });
    }

    /// Stops Synapse with SIGTERM and waits until it has exited; its data stays for [`Synapse::start`].
    /// On the shared server this breaks every test running at the same time: use [`Synapse::dedicated`].
    pub fn stop(&self) {
        let Some(mut r) = self.running.lock().unwrap().take() else {
            return;
        };
        let _ = r.stdin.write_all(b"stop\n");
        drop(r.stdin);
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            if let Ok(Some(_)) = r.watchdog.try_wait() {
                return;
            }
            if Instant::now() > deadline {
                // Synapse ignored SIGTERM: make sure the port is free for start().
                let _ = Command::new("kill").args(["-KILL", &r.pid.to_string()]).status();
                let _ = r.watchdog.wait();
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Whether `GET /_matrix/client/versions` answers 200 now.
    pub fn is_up(&self) -> bool {
        let url = format!("{}/_matrix/client/versions", self.url());
        http::block(async {
            tokio::time::timeout(Duration::from_secs(2), http::call("GET", &url, None, None))
                .await
                .is_ok_and(|r| r.is_ok())
        })
    }

    /// The end of Synapse's log, for a failing test's message.
    pub fn log_tail(&self, lines: usize) -> String {
        last_lines(&fs::read_to_string(self.log_path()).unwrap_or_default(), lines)
    }
}

impl Drop for Synapse {
    /// Only dedicated servers are dropped: closing the pipe makes the watchdog stop Synapse and remove
    /// its data, without making the test wait for it. A stopped one has no watchdog left to do that.
    fn drop(&mut self) {
        let running = self.running.lock().unwrap().take();
        if running.is_none() && std::env::var_os(KEEP_ENV).is_none() {
            let _ = fs::remove_dir_all(&self.dir);
        }
    }
}

fn random_bytes(n: usize) -> Vec<u8> {
    let mut buf = vec![0; n];
    fs::File::open("/dev/urandom")
        .and_then(|mut f| f.read_exact(&mut buf))
        .expect("read /dev/urandom");
    buf
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Unpadded standard base64, as Synapse's signing key files hold.
fn base64_unpadded(bytes: &[u8]) -> String {
    const ABC: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | (b as u32) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            out.push(ABC[(n >> (18 - 6 * i) & 63) as usize] as char);
        }
    }
    out
}
