//! Interactions over HTTP: how many interactions per second 1, 2 and 3 `attache` instances answer, with
//! Discord's 3-second limit kept, when the Discord fake posts them, signed, to their endpoints in turn.
//!
//! Each round starts the instances on one fresh PostgreSQL database (so they share paging state and one
//! leads), then keeps `IN_FLIGHT` interactions outstanding (a new one is posted as soon as one is
//! answered) until `COUNT` are answered, half `/summary` and half `/search`, and reports interactions
//! answered per second, how many were deferred, and how many Discord would have refused (late or wrong).
//! Run with `cargo bench --bench interactions` (the release `attache`).

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use discord_fake::{FakeDiscord, Invocation};
use serde_json::json;

const COUNT: usize = 1_000;
const IN_FLIGHT: usize = 32;
const WAIT: Duration = Duration::from_secs(30);

/// An instance, killed on drop.
struct Instance {
    child: Child,
    port: u16,
    _dir: tempfile::TempDir,
}

impl Drop for Instance {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start(fake: &FakeDiscord, database: &str) -> Instance {
    let dir = tempfile::tempdir().expect("a temp dir");
    let config = dir.path().join("attache.toml");
    let briefings = concat!(env!("CARGO_MANIFEST_DIR"), "/briefings");
    std::fs::write(
        &config,
        format!(
            "[briefings]\ndir = \"{briefings}\"\nwatch = false\n[console]\nenabled = \"never\"\n[log]\nfilter = \"warn,attache_http=info\"\n\
             [data]\ndir = \"{}\"\ndatabase_url_env = \"ATTACHE_BENCH_DATABASE_URL\"\n[http]\nlisten = \"127.0.0.1:0\"\n\
             [discord]\ntoken_env = \"ATTACHE_BENCH_DISCORD_TOKEN\"\nguilds = [{}]\napi_base = \"{}\"\ninteractions = \"http\"\npublic_key = \"{}\"\n",
            dir.path().join("data").display(),
            fake.guild_id(),
            fake.api_base(),
            fake.verify_key(),
        ),
    )
    .expect("config written");
    let mut child = Command::new(env!("CARGO_BIN_EXE_attache"))
        .args(["--config", config.to_str().unwrap(), "run"])
        .env("ATTACHE_BENCH_DISCORD_TOKEN", fake.token())
        .env("ATTACHE_BENCH_DATABASE_URL", database)
        .env("NO_COLOR", "1")
        .env_remove("RUST_LOG")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the attache binary starts");
    let stderr = child.stderr.take().expect("stderr");
    let mut lines = BufReader::new(stderr).lines();
    let port = lines
        .by_ref()
        .map_while(Result::ok)
        .find_map(|l| {
            l.split("http: serving on http://127.0.0.1:")
                .nth(1)
                .and_then(|p| p.trim().parse().ok())
        })
        .expect("the log names the port");
    // Keep reading, so the instance never blocks on a full pipe.
    std::thread::spawn(move || lines.map_while(Result::ok).for_each(drop));
    Instance {
        child,
        port,
        _dir: dir,
    }
}

fn ask(fake: &FakeDiscord, n: usize) -> Invocation {
    let (command, option, value) = if n.is_multiple_of(2) {
        ("summary", "event", "infoforum")
    } else {
        ("search", "query", "security")
    };
    Invocation::new(fake.channel_id(), command)
        .user(1000 + n as u64 % 7, "member")
        .options(json!([{"name": option, "type": 3, "value": value}]))
}

fn round(instances: usize) {
    let fake = FakeDiscord::start();
    let database = pg_harness::postgres().fresh_database();
    let running: Vec<Instance> = (0..instances).map(|_| start(&fake, &database)).collect();
    let urls: Vec<String> = running
        .iter()
        .map(|i| format!("http://127.0.0.1:{}/discord/interactions", i.port))
        .collect();
    fake.deliver_over_http(&urls);
    let put = format!(
        "/applications/{}/guilds/{}/commands",
        fake.application_id(),
        fake.guild_id()
    );
    assert!(
        fake.wait_requests(WAIT, |r| r.iter().any(|r| r.method == "PUT" && r.path == put)),
        "the commands were never registered"
    );
    // Warm up every instance.
    let warm = 3 * instances;
    for n in 0..warm {
        fake.slash(ask(&fake, n));
    }
    fake.wait_deliveries(warm, WAIT).expect("warmed up");

    let started = Instant::now();
    for n in 0..COUNT {
        if n >= IN_FLIGHT {
            fake.wait_deliveries(warm + n + 1 - IN_FLIGHT, WAIT)
                .expect("answers keep coming");
        }
        fake.slash(ask(&fake, n));
    }
    let deliveries = fake
        .wait_deliveries(warm + COUNT, WAIT)
        .expect("every interaction answered");
    let elapsed = started.elapsed();
    let measured = &deliveries[warm..];
    let refused = measured.iter().filter(|d| d.outcome.is_err()).count();
    let deferred = measured.iter().filter(|d| d.outcome == Ok(5)).count();
    let mut latency: Vec<Duration> = measured.iter().map(|d| d.elapsed).collect();
    latency.sort_unstable();
    let p = |q: f64| latency[((latency.len() - 1) as f64 * q) as usize];
    println!(
        "{instances} instance(s): {:.0} interactions/s ({COUNT} in {:.2?}, {IN_FLIGHT} in flight); response p50 {:.1?}, p99 {:.1?}; {deferred} deferred, {refused} refused by Discord",
        (COUNT - refused) as f64 / elapsed.as_secs_f64(),
        elapsed,
        p(0.5),
        p(0.99),
    );
}

fn main() {
    for instances in 1..=3 {
        round(instances);
    }
}
