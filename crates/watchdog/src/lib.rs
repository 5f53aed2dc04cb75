//! What the harnesses of the test servers (Synapse, PostgreSQL) share: a free port on the loopback, whether
//! a process lives, and the start of a watchdog shell. The shell starts the server in the background,
//! prints its pid, then reads its stdin: a `stop` line, or end of file when the test process is gone,
//! makes it stop the server (and on end of file remove its data), so no server outlives its tests.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::time::{Duration, Instant};

/// A port free now on 127.0.0.1. Another process could take it before the server binds it; a start
/// failure would then say so in the server's log.
pub fn free_port() -> u16 {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind a loopback port");
    listener.local_addr().expect("local addr").port()
}

/// Whether `pid` runs and is not a zombie waiting to be reaped.
pub fn alive(pid: u32) -> bool {
    match std::fs::read_to_string(format!("/proc/{pid}/stat")) {
        // The state follows the parenthesised command name.
        Ok(stat) => stat
            .rsplit(") ")
            .next()
            .is_some_and(|rest| !rest.starts_with('Z')),
        Err(_) => false,
    }
}

/// The last `n` lines of `text`, for a failure message that quotes a log.
pub fn last_lines(text: &str, n: usize) -> String {
    let lines: Vec<&str> = text.lines().collect();
    lines[lines.len().saturating_sub(n)..].join("\n")
}

/// Waits until `up` answers true for `server` (pid `pid`, listening on `port`), checking every 50 ms.
/// Panics, quoting the end of its `log`, when the process exits first or `timeout` passes.
pub fn wait_until_up(
    server: &str,
    port: u16,
    pid: u32,
    log: &Path,
    timeout: Duration,
    mut up: impl FnMut() -> bool,
) {
    let started = Instant::now();
    loop {
        if up() {
            return;
        }
        let died = !alive(pid);
        if died || started.elapsed() > timeout {
            let text = std::fs::read_to_string(log).unwrap_or_default();
            panic!(
                "{server} {} on port {port} (log {}); its log ends:\n{}",
                if died {
                    "exited at start"
                } else {
                    "did not answer in time"
                },
                log.display(),
                last_lines(&text, 40)
            );
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// A running watchdog shell: the shell itself, the pipe that keeps the server alive while it is held
/// open, and the server's pid.
pub struct Watchdog {
    pub shell: Child,
    /// Held open while the server should live; closing it (or writing `stop`) ends the server.
    pub stdin: ChildStdin,
    pub pid: u32,
}

impl Watchdog {
    /// Spawns `shell` (a `sh -c` script as the module describes) with piped stdin and stdout, and reads
    /// the pid of `server` it prints first.
    pub fn spawn(shell: &mut Command, server: &str) -> Watchdog {
        let mut child = shell
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("sh starts");
        let stdin = child.stdin.take().expect("piped stdin");
        let mut line = String::new();
        BufReader::new(child.stdout.take().expect("piped stdout"))
            .read_line(&mut line)
            .unwrap_or_else(|e| panic!("the watchdog prints {server}'s pid: {e}"));
        let pid = line
            .trim()
            .parse()
            .unwrap_or_else(|_| panic!("the watchdog printed {line:?}, not {server}'s pid"));
        Watchdog {
            shell: child,
            stdin,
            pid,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_watchdog_reports_its_server_and_ends_it_when_the_pipe_closes() {
        let mut shell = Command::new("sh");
        shell.arg("-c").arg(
            "sleep 60 </dev/null >/dev/null 2>&1 &\npid=$!\necho $pid\nread cmd\nkill -TERM $pid\nwait $pid",
        );
        let watchdog = Watchdog::spawn(&mut shell, "sleep");
        assert!(alive(watchdog.pid));
        let Watchdog {
            mut shell,
            stdin,
            pid,
        } = watchdog;
        drop(stdin);
        shell.wait().expect("the shell ends");
        assert!(!alive(pid), "the server ended with the pipe");
        assert!(!alive(std::process::id() + 10_000_000), "no such process");
        assert_ne!(free_port(), 0);
    }

    #[test]
    fn last_lines_keeps_the_end() {
        assert_eq!(last_lines("a\nb\nc", 2), "b\nc");
        assert_eq!(last_lines("a", 5), "a");
        assert_eq!(last_lines("", 3), "");
    }

    #[test]
    fn a_server_that_exits_at_start_is_reported_with_its_log() {
        let log = std::env::temp_dir().join(format!("watchdog-test-{}.log", std::process::id()));
        std::fs::write(&log, "first\nport in use\n").unwrap();
        let mut child = Command::new("true").spawn().expect("true runs");
        let pid = child.id();
        child.wait().expect("true ends");
        let failure = std::panic::catch_unwind(|| {
            wait_until_up("Nothing", 1, pid, &log, Duration::from_secs(60), || false)
        })
        .expect_err("a dead server is reported");
        let message = failure.downcast_ref::<String>().expect("a formatted message");
        assert!(
            message.starts_with("Nothing exited at start on port 1"),
            "{message}"
        );
        assert!(message.ends_with("first\nport in use"), "{message}");
        std::fs::remove_file(log).ok();
    }
}
