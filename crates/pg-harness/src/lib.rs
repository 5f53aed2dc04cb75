//! A real PostgreSQL server for tests: the server binaries of Debian's `postgresql` package (which
//! `.ci/run` installs), a fresh cluster in a temporary directory, started once per test binary on a free
//! loopback port, and gone when the test process exits however it exits.
//!
//! PostgreSQL refuses to run as root; as root, the cluster belongs to the `postgres` user the Debian
//! package creates, and the server runs as that user. It runs under a one-line shell watchdog whose stdin
//! is a pipe this process holds: when the test process ends (normally, by panic, or killed) the pipe
//! closes, the watchdog's `read` returns, and it stops the server and removes the directory. A static is
//! never dropped, so nothing here relies on `Drop` for the shared server.
//!
//! Each test takes a database of its own ([`Postgres::fresh_database`]), so tests run in parallel on one
//! server without seeing each other's rows or advisory locks.

use std::fs;
use std::io::Write;
use std::os::unix::fs::chown;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, OnceLock};
use std::time::Duration;

use watchdog::{Watchdog, free_port, wait_until_up};

/// How long a start may take before the harness gives up and shows the server's log.
const START_TIMEOUT: Duration = Duration::from_secs(60);
/// Set to a directory holding `initdb` and `postgres` to use other server binaries.
pub const BIN_ENV: &str = "ATTACHE_PG_BIN";
/// The role every test connects as (the cluster's superuser, trusted on loopback).
pub const USER: &str = "attache";

/// One PostgreSQL server.
pub struct Postgres {
    port: u16,
    dir: PathBuf,
    running: Mutex<Option<Running>>,
    databases: AtomicUsize,
}

struct Running {
    watchdog: Child,
    stdin: ChildStdin,
    pid: u32,
}

/// How the server is tuned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Durability {
    /// `fsync = off`: commits are not synced. For tests, whose crashes are process kills, not power cuts.
    Tests,
    /// PostgreSQL's defaults: every commit synced, as in production. For measurements.
    Production,
}

/// The server of this test binary: started once on first use, stopped when the test process exits, even
/// when a test fails or panics. Panics with a clear message saying what is missing (the `postgresql`
/// package, the `postgres` user when run as root) or, when the server does not come up, with the tail of
/// its log; every later caller panics with the same message rather than trying again.
pub fn postgres() -> &'static Postgres {
    static SHARED: OnceLock<Result<Postgres, String>> = OnceLock::new();
    let shared = SHARED.get_or_init(|| {
        std::panic::catch_unwind(|| Postgres::launch(Durability::Tests)).map_err(|panic| {
            panic
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_else(|| "PostgreSQL did not start".into())
        })
    });
    match shared {
        Ok(s) => s,
        Err(msg) => panic!("{msg}"),
    }
}

/// The directory with `initdb` and `postgres`: [`BIN_ENV`], else the newest
/// `/usr/lib/postgresql/<version>/bin` (Debian's layout), else `pg_config --bindir`.
pub fn bin_dir() -> Result<PathBuf, String> {
    let has_server = |d: &Path| d.join("initdb").is_file() && d.join("postgres").is_file();
    if let Some(dir) = std::env::var_os(BIN_ENV) {
        let dir = PathBuf::from(dir);
        return if has_server(&dir) {
            Ok(dir)
        } else {
            Err(format!(
                "{BIN_ENV}={} holds no initdb and postgres",
                dir.display()
            ))
        };
    }
    let mut versions: Vec<(u32, PathBuf)> = fs::read_dir("/usr/lib/postgresql")
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| {
            let version = e.file_name().to_str()?.parse::<u32>().ok()?;
            let bin = e.path().join("bin");
            has_server(&bin).then_some((version, bin))
        })
        .collect();
    versions.sort();
    if let Some((_, bin)) = versions.pop() {
        return Ok(bin);
    }
    if let Ok(out) = Command::new("pg_config").arg("--bindir").output() {
        let dir = PathBuf::from(String::from_utf8_lossy(&out.stdout).trim());
        if has_server(&dir) {
            return Ok(dir);
        }
    }
    Err(format!(
        "the PostgreSQL server binaries (initdb, postgres) are not installed: install Debian's `postgresql` \
         package (`apt-get install postgresql`, which .ci/run does), or set {BIN_ENV} to their directory"
    ))
}

/// The uid and gid the server runs as: this process's own, or, as root, the `postgres` user's.
fn server_user() -> Result<Option<(u32, u32)>, String> {
    // SAFETY: geteuid has no preconditions and cannot fail.
    if unsafe { geteuid() } != 0 {
        return Ok(None);
    }
    let passwd = fs::read_to_string("/etc/passwd").map_err(|e| format!("/etc/passwd: {e}"))?;
    passwd
        .lines()
        .find_map(|line| {
            let f: Vec<&str> = line.split(':').collect();
            (f.first() == Some(&"postgres") && f.len() > 3)
                .then(|| Some((f[2].parse().ok()?, f[3].parse().ok()?)))
                .flatten()
        })
        .map(Some)
        .ok_or_else(|| {
            "running as root, and PostgreSQL refuses root: the `postgres` user is missing (Debian's \
             `postgresql` package creates it)"
                .to_string()
        })
}

unsafe extern "C" {
    fn geteuid() -> u32;
}

impl Postgres {
    /// A server of its own, for a test that must stop or measure it; removed when dropped.
    pub fn dedicated(durability: Durability) -> Postgres {
        Postgres::launch(durability)
    }

    fn launch(durability: Durability) -> Postgres {
        let bin = bin_dir().unwrap_or_else(|e| panic!("{e}"));
        let user = server_user().unwrap_or_else(|e| panic!("{e}"));
        let dir = tempfile::Builder::new()
            .prefix("attache-pg-")
            .tempdir()
            .expect("a directory for PostgreSQL")
            .keep();
        let data = dir.join("data");
        fs::create_dir(&data).expect("the data directory");
        if let Some((uid, gid)) = user {
            chown(&dir, Some(uid), Some(gid)).expect("chown the PostgreSQL directory");
            chown(&data, Some(uid), Some(gid)).expect("chown the PostgreSQL data directory");
        }
        let mut initdb = Command::new(bin.join("initdb"));
        initdb
            .arg("-D")
            .arg(&data)
            .args([
                "-U",
                USER,
                "-A",
                "trust",
                "-E",
                "UTF8",
                "--locale=C",
                "--no-sync",
                "--no-instructions",
            ])
            .stdin(Stdio::null());
        as_user(&mut initdb, user);
        let out = initdb.output().expect("initdb runs");
        if !out.status.success() {
            panic!(
                "initdb failed ({}):\n{}{}",
                out.status,
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            );
        }
        let mut settings = vec![
            "listen_addresses = '127.0.0.1'".to_string(),
            format!("unix_socket_directories = '{}'", dir.display()),
            "max_connections = 300".into(),
            "log_min_messages = warning".into(),
        ];
        if durability == Durability::Tests {
            settings.extend(["fsync = off".into(), "full_page_writes = off".into()]);
        }
        let mut conf = settings.join("\n");
        conf.push('\n');
        fs::OpenOptions::new()
            .append(true)
            .open(data.join("postgresql.conf"))
            .and_then(|mut f| f.write_all(conf.as_bytes()))
            .expect("postgresql.conf");
        let server = Postgres {
            port: free_port(),
            dir,
            running: Mutex::new(None),
            databases: AtomicUsize::new(0),
        };
        server.start_with(&bin, user);
        server
    }

    fn log_path(&self) -> PathBuf {
        self.dir.join("server.log")
    }

    fn start_with(&self, bin: &Path, user: Option<(u32, u32)>) {
        let mut running = self.running.lock().unwrap();
        // $0 postgres, $1 data, $2 port, $3 log, $4 the directory to remove at the end.
        // `read` returns at EOF, when this process has gone (or on "stop"): the server gets SIGINT (a fast
        // shutdown: sessions end, nothing waits for clients) and the directory goes.
        let script = r#"trap '' INT HUP
"$0" -D "$1" -p "$2" </dev/null >>"$3" 2>&1 &
pid=$!
echo $pid
read cmd
kill -INT $pid 2>/dev/null
wait $pid
[ "$cmd" = stop ] || rm -rf "$4""#;
        let mut shell = Command::new("sh");
        shell
            .arg("-c")
            .arg(script)
            .arg(bin.join("postgres"))
            .arg(self.dir.join("data"))
            .arg(self.port.to_string())
            .arg(self.log_path())
            .arg(&self.dir)
            .current_dir(&self.dir);
        as_user(&mut shell, user);
        let Watchdog { shell, stdin, pid } = Watchdog::spawn(&mut shell, "PostgreSQL");
        *running = Some(Running {
            watchdog: shell,
            stdin,
            pid,
        });
        drop(running);
        self.wait_until_up(pid);
    }

    fn wait_until_up(&self, pid: u32) {
        wait_until_up(
            "PostgreSQL",
            self.port,
            pid,
            &self.log_path(),
            START_TIMEOUT,
            || {
                std::net::TcpStream::connect(("127.0.0.1", self.port)).is_ok()
                    && self.try_query("postgres", "SELECT 1").is_ok()
            },
        );
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    /// The server process id while it runs.
    pub fn pid(&self) -> Option<u32> {
        self.running.lock().unwrap().as_ref().map(|r| r.pid)
    }

    /// `postgres://attache@127.0.0.1:PORT/<database>`
    pub fn url(&self, database: &str) -> String {
        format!("postgres://{USER}@127.0.0.1:{}/{database}", self.port)
    }

    /// A new, empty database for one test; its URL.
    pub fn fresh_database(&self) -> String {
        let n = self.databases.fetch_add(1, Ordering::Relaxed);
        let name = format!("t{}_{n}", std::process::id());
        self.run("postgres", &format!("CREATE DATABASE {name}"));
        self.url(&name)
    }

    /// Runs `sql` (one or more statements) on `database`, panicking with the server's words on failure.
    /// Callable from any thread, async tests included (the client runs on a thread of its own).
    pub fn run(&self, database: &str, sql: &str) {
        if let Err(e) = self.try_query(database, sql) {
            panic!("PostgreSQL: {sql}: {e}");
        }
    }

    /// The first column of every row `sql` returns, as text.
    pub fn query(&self, database: &str, sql: &str) -> Vec<Option<String>> {
        self.try_query(database, sql)
            .unwrap_or_else(|e| panic!("PostgreSQL: {sql}: {e}"))
    }

    fn try_query(&self, database: &str, sql: &str) -> Result<Vec<Option<String>>, String> {
        let url = self.url(database);
        let sql = sql.to_string();
        std::thread::spawn(move || {
            let mut client = postgres::Client::connect(&url, postgres::NoTls).map_err(|e| e.to_string())?;
            let messages = client.simple_query(&sql).map_err(|e| e.to_string())?;
            Ok(messages
                .into_iter()
                .filter_map(|m| match m {
                    postgres::SimpleQueryMessage::Row(r) => Some(r.get(0).map(str::to_string)),
                    _ => None,
                })
                .collect())
        })
        .join()
        .unwrap_or_else(|_| Err("the query thread panicked".into()))
    }

    /// Ends every session of `database` whose `application_name` is `application` (as if the network
    /// cut it); how many were ended.
    pub fn terminate(&self, database: &str, application: &str) -> usize {
        self.query(
            "postgres",
            &format!(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity \
                 WHERE datname = '{database}' AND application_name = '{application}'"
            ),
        )
        .len()
    }

    /// The end of the server's log.
    pub fn log_tail(&self, lines: usize) -> String {
        let log = fs::read_to_string(self.log_path()).unwrap_or_default();
        let all: Vec<&str> = log.lines().collect();
        all[all.len().saturating_sub(lines)..].join("\n")
    }
}

impl Drop for Postgres {
    /// Only dedicated servers are dropped: closing the pipe makes the watchdog stop the server and remove
    /// its directory.
    fn drop(&mut self) {
        if let Some(mut r) = self.running.lock().unwrap().take() {
            drop(r.stdin);
            let _ = r.watchdog.wait();
        }
    }
}

fn as_user(command: &mut Command, user: Option<(u32, u32)>) {
    if let Some((uid, gid)) = user {
        command.uid(uid).gid(gid).env("HOME", "/tmp");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fresh_database_answers_and_is_empty() {
        let pg = postgres();
        let url = pg.fresh_database();
        let name = url.rsplit('/').next().unwrap();
        pg.run(name, "CREATE TABLE t (v TEXT); INSERT INTO t VALUES ('x')");
        assert_eq!(pg.query(name, "SELECT v FROM t"), vec![Some("x".to_string())]);
        let other = pg.fresh_database();
        let other = other.rsplit('/').next().unwrap();
        assert!(
            pg.try_query(other, "SELECT v FROM t").is_err(),
            "databases are apart"
        );
    }
}
