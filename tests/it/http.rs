//! The HTTP side of the running bot: probes and metrics over a real socket, and the pages in a real
//! headless Chromium (Debian's `chromium`, installed by `.ci/run`), with a screenshot of each page kept in
//! `target/tmp/http-pages/`.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use crate::fixture;

/// A bot serving the shipped briefings over HTTP (on a port the system picks) with the console on its
/// stdin; killed on drop.
struct Bot {
    child: Child,
    port: u16,
    stdin: Option<std::process::ChildStdin>,
    lines: mpsc::Receiver<String>,
    _dir: tempfile::TempDir,
}

impl Bot {
    fn start() -> Bot {
        let dir = tempfile::tempdir().unwrap();
        let config = dir.path().join("attache.toml");
        std::fs::write(
            &config,
            format!(
                "[briefings]\ndir = {:?}\nwatch = false\n[console]\nenabled = \"always\"\n[log]\nfilter = \"warn,attache_http=info\"\n\
                 [data]\ndir = {:?}\n[http]\nlisten = \"127.0.0.1:0\"\nbase_url = \"https://briefings.example.org\"\n",
                fixture("corpus"),
                dir.path().join("data"),
            ),
        )
        .unwrap();
        let mut child = Command::new(env!("CARGO_BIN_EXE_attache"))
            .args(["--config", config.to_str().unwrap(), "run"])
            .env("NO_COLOR", "1")
            .env_remove("RUST_LOG")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("the attache binary starts");
        let stdin = child.stdin.take();
        let (send, lines) = mpsc::channel();
        for out in [
            Box::new(child.stdout.take().unwrap()) as Box<dyn Read + Send>,
            Box::new(child.stderr.take().unwrap()),
        ] {
            let send = send.clone();
            std::thread::spawn(move || {
                for line in BufReader::new(out).lines().map_while(Result::ok) {
                    let _ = send.send(line);
                }
            });
        }
        let mut bot = Bot {
            child,
            port: 0,
            stdin,
            lines,
            _dir: dir,
        };
        let serving = bot.wait_line("http: serving on http://127.0.0.1:");
        bot.port = serving
            .rsplit(':')
            .next()
            .and_then(|p| p.trim().parse().ok())
            .expect("the log names the port");
        bot
    }

    /// Waits for a line of the bot's output containing `needle`.
    fn wait_line(&self, needle: &str) -> String {
        loop {
            match self.lines.recv_timeout(Duration::from_secs(30)) {
                Ok(line) if line.contains(needle) => return line,
                Ok(_) => {}
                Err(_) => panic!("the bot never printed `{needle}`"),
            }
        }
    }

    fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }

    /// A raw HTTP/1.1 GET: status, headers, body.
    fn get(&self, path: &str) -> (u16, String, String) {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).expect("the server accepts");
        write!(
            stream,
            "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
        )
        .unwrap();
        let mut raw = String::new();
        stream.read_to_string(&mut raw).unwrap();
        let (head, body) = raw.split_once("\r\n\r\n").unwrap_or((&raw, ""));
        let status = head
            .split_whitespace()
            .nth(1)
            .and_then(|s| s.parse().ok())
            .unwrap_or(0);
        (status, head.to_lowercase(), body.to_string())
    }

    /// Types a command at the bot's console and waits for the answer's first line.
    fn console(&mut self, line: &str, answer: &str) {
        let stdin = self.stdin.as_mut().unwrap();
        writeln!(stdin, "{line}").unwrap();
        stdin.flush().unwrap();
        self.wait_line(answer);
    }
}

impl Drop for Bot {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[test]
fn probes_metrics_and_pages_over_a_socket() {
    let mut bot = Bot::start();
    let (status, _, body) = bot.get("/healthz");
    assert_eq!((status, body.as_str()), (200, "ok\n"));
    // An answer at the console: the console has started, so the bot is ready.
    bot.console("sponsors infoforum", "Cybersecurity Association of China");
    let (status, head, body) = bot.get("/readyz");
    assert_eq!(status, 200, "{body}");
    assert!(head.contains("content-type: application/json"));
    let ready: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(ready["briefings"], 3);
    assert_eq!(ready["platforms"]["console"], "connected");

    let (status, head, metrics) = bot.get("/metrics");
    assert_eq!(status, 200);
    assert!(head.contains("content-type: text/plain; version=0.0.4"));
    let lines: Vec<String> = metrics.lines().map(str::to_string).collect();
    let parsed = prometheus_parse::Scrape::parse(lines.into_iter().map(Ok)).expect("Prometheus text");
    let sample = |name: &str, labels: &[(&str, &str)]| {
        parsed
            .samples
            .iter()
            .find(|s| s.metric == name && labels.iter().all(|(k, v)| s.labels.get(k) == Some(*v)))
    };
    let counted = sample(
        "attache_commands_total",
        &[
            ("command", "sponsors"),
            ("platform", "console"),
            ("outcome", "answer"),
        ],
    )
    .expect("the command is counted");
    assert!(matches!(counted.value, prometheus_parse::Value::Counter(n) if n == 1.0));
    assert!(
        parsed
            .samples
            .iter()
            .any(|s| s.metric == "attache_command_duration_seconds"
                && matches!(s.value, prometheus_parse::Value::Histogram(_))),
        "latency is a histogram with buckets:\n{metrics}"
    );
    for name in [
        "attache_briefings_loaded",
        "attache_briefing_load_errors",
        "attache_reloads_total",
        "attache_platform_connected",
        "attache_config_rejections_total",
    ] {
        assert!(
            parsed.samples.iter().any(|s| s.metric == name),
            "{name} missing:\n{metrics}"
        );
    }

    let (status, head, page) = bot.get("/briefings/infoforum-shanghai-2018");
    assert_eq!(status, 200);
    assert!(head.contains("content-security-policy: default-src 'none'"));
    assert!(head.contains("x-content-type-options: nosniff"));
    for expected in [
        "Konstantin Noskov",
        "Cybersecurity Association of China",
        "Supporters",
    ] {
        assert!(page.contains(expected), "{expected} missing");
    }
    assert_eq!(bot.get("/briefings/..%2f..%2fCargo.toml").0, 404);
    assert_eq!(bot.get("/briefings/nope.json").0, 404);
}

/// Where screenshots of the pages are kept.
fn screenshots() -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("http-pages");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Headless Chromium on `url`, as this machine allows it (no sandbox as root, no background network).
fn chromium(profile: &Path, extra: &[&str], url: &str) -> std::process::Output {
    let binary = ["/usr/bin/chromium", "/usr/bin/chromium-browser"]
        .into_iter()
        .find(|p| Path::new(p).exists())
        .unwrap_or_else(|| {
            panic!("no Chromium: install Debian's `chromium` package (.ci/run does) to test the pages in a browser")
        });
    Command::new(binary)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--enable-logging=stderr",
            "--v=0",
            "--window-size=390,1400",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(extra)
        .arg(url)
        .output()
        .expect("Chromium runs")
}

#[test]
fn the_pages_render_in_a_real_browser() {
    let bot = Bot::start();
    let profile = tempfile::tempdir().unwrap();
    let pages = [
        (
            "index",
            "/",
            vec!["Briefings", "Infoforum Shanghai 2018", "Example Harbour Summit"],
        ),
        (
            "briefing",
            "/briefings/infoforum-shanghai-2018",
            vec![
                "Konstantin Noskov",
                "de-monopolize the global software market",
                "Cybersecurity Association of China",
                "Security Council of the Russian Federation",
                "Training directions for Information Security specialists",
            ],
        ),
        (
            "search",
            "/search?q=cloud+security",
            vec!["Search", "Infoforum Shanghai 2018", "<mark>"],
        ),
    ];
    for (name, path, expected) in pages {
        let dom = chromium(profile.path(), &["--dump-dom"], &bot.url(path));
        let html = String::from_utf8_lossy(&dom.stdout);
        let log = String::from_utf8_lossy(&dom.stderr);
        assert!(dom.status.success(), "{name}: Chromium failed:\n{log}");
        for e in &expected {
            assert!(
                html.contains(e),
                "{name}: `{e}` not in the rendered page:\n{html}"
            );
        }
        // The stylesheet loaded (its rules apply only when it did), and the console holds no refusal or
        // failed load.
        for bad in ["Refused to", "Failed to load", "ERR_", "Uncaught"] {
            assert!(!log.contains(bad), "{name}: `{bad}` in Chromium's log:\n{log}");
        }
        let shot = screenshots().join(format!("{name}.png"));
        let _ = std::fs::remove_file(&shot);
        let out = chromium(
            profile.path(),
            &[&format!("--screenshot={}", shot.display())],
            &bot.url(path),
        );
        assert!(out.status.success() && shot.exists(), "{name}: no screenshot");
        assert!(
            std::fs::metadata(&shot).unwrap().len() > 10_000,
            "{name}: an empty screenshot"
        );
    }
    // The page has the briefing's language.
    let dom = chromium(
        profile.path(),
        &["--dump-dom"],
        &bot.url("/briefings/infoforum-shanghai-2018"),
    );
    assert!(String::from_utf8_lossy(&dom.stdout).contains(r#"<html lang="en">"#));
}
