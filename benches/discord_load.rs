//! Discord load: the release `attache` binary against the Discord fake, measuring what a user waits for
//! and what the bot spends.
//!
//! Reports the time from a slash command being dispatched to the bot's answer being accepted (median and
//! p95, one at a time and in a burst of 200 sent at once), missing and duplicate answers, the bot's CPU
//! time per answer during the burst (from /proc), and its resident memory idle and after the burst.
//! Run with `cargo bench --bench discord_load`.

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use discord_fake::{FakeDiscord, Invocation};
use serde_json::json;

const BURST: usize = 200;
const SEQUENTIAL: usize = 100;

fn main() {
    let fake = FakeDiscord::start();
    let dir = tempfile::tempdir().expect("a temp dir");
    let config = dir.path().join("attache.toml");
    let briefings = concat!(env!("CARGO_MANIFEST_DIR"), "/briefings");
    std::fs::write(
        &config,
        format!(
            "[briefings]\ndir = \"{briefings}\"\nwatch = false\n[console]\nenabled = \"never\"\n[log]\nfilter = \"warn\"\n\
             [data]\ndir = \"{}\"\n[discord]\ntoken_env = \"ATTACHE_BENCH_DISCORD_TOKEN\"\nguilds = [{}]\napi_base = \"{}\"\n",
            dir.path().join("data").display(),
            fake.guild_id(),
            fake.api_base()
        ),
    )
    .expect("config written");
    let mut bot = Command::new(env!("CARGO_BIN_EXE_attache"))
        .args(["--config", config.to_str().unwrap(), "run"])
        .env("ATTACHE_BENCH_DISCORD_TOKEN", fake.token())
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .spawn()
        .expect("the attache binary starts");
    assert!(
        fake.wait_ready(Duration::from_secs(20)),
        "the bot did not connect"
    );
    let pid = bot.id();
    let ask = |n: usize| {
        let event = if n.is_multiple_of(2) {
            "infoforum"
        } else {
            "infoforum shanghai"
        };
        Invocation::new(fake.channel_id(), "summary")
            .user(1000 + n as u64 % 7, "member")
            .options(json!([{"name": "event", "type": 3, "value": event}]))
    };
    // Warm up, then let the process settle before reading idle memory.
    for n in 0..10 {
        let i = fake.slash(ask(n));
        fake.wait_reply(&i, Duration::from_secs(10)).expect("answered");
    }
    std::thread::sleep(Duration::from_secs(1));
    let idle_rss = rss_kib(pid);

    let mut one_at_a_time = Vec::with_capacity(SEQUENTIAL);
    for n in 0..SEQUENTIAL {
        let start = Instant::now();
        let i = fake.slash(ask(n));
        fake.wait_reply(&i, Duration::from_secs(10)).expect("answered");
        one_at_a_time.push(start.elapsed());
    }

    let cpu_before = cpu_ticks(pid);
    let start = Instant::now();
    let burst: Vec<_> = (0..BURST).map(|n| (Instant::now(), fake.slash(ask(n)))).collect();
    let mut latencies = Vec::with_capacity(BURST);
    let mut missing = 0;
    for (sent, i) in &burst {
        match fake.wait_reply(i, Duration::from_secs(30)) {
            Some(_) => latencies.push(sent.elapsed()),
            None => missing += 1,
        }
    }
    let burst_time = start.elapsed();
    std::thread::sleep(Duration::from_millis(200));
    let cpu_after = cpu_ticks(pid);
    let burst_rss = rss_kib(pid);
    let requests = fake.requests();
    let duplicates: usize = burst
        .iter()
        .map(|(_, i)| {
            requests
                .iter()
                .filter(|r| r.path.starts_with(&format!("/interactions/{}/", i.id)) && r.status < 300)
                .count()
                .saturating_sub(1)
        })
        .sum();
    let ticks_per_sec = 100.0; // USER_HZ on Linux
    let cpu_ms = (cpu_after - cpu_before) as f64 / ticks_per_sec * 1000.0;
    let answered = BURST - missing;

    println!("discord load: release bot against the fake, sample briefings");
    println!(
        "  one at a time ({SEQUENTIAL}): median {:.2} ms, p95 {:.2} ms",
        ms(percentile(&mut one_at_a_time, 0.5)),
        ms(percentile(&mut one_at_a_time, 0.95))
    );
    println!(
        "  burst of {BURST} sent at once: all answered in {:.0} ms; median {:.1} ms, p95 {:.1} ms",
        burst_time.as_secs_f64() * 1000.0,
        ms(percentile(&mut latencies, 0.5)),
        ms(percentile(&mut latencies, 0.95))
    );
    println!("  missing answers: {missing}, duplicate answers: {duplicates}");
    println!(
        "  bot CPU during the burst: {cpu_ms:.0} ms, {:.3} ms per answer (10 ms clock ticks)",
        cpu_ms / answered.max(1) as f64
    );
    println!(
        "  bot resident memory: idle {} KiB, after the burst {} KiB",
        idle_rss, burst_rss
    );
    let _ = bot.kill();
    let _ = bot.wait();
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn percentile(v: &mut [Duration], p: f64) -> Duration {
    v.sort_unstable();
    if v.is_empty() {
        return Duration::ZERO;
    }
    v[((v.len() - 1) as f64 * p).round() as usize]
}

/// utime + stime of a process, in clock ticks.
fn cpu_ticks(pid: u32) -> u64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    // Fields after the command name, which is in parentheses and may hold spaces.
    let rest = stat.rsplit_once(')').map(|(_, r)| r).unwrap_or("");
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let field = |n: usize| fields.get(n).and_then(|f| f.parse::<u64>().ok()).unwrap_or(0);
    // utime and stime are fields 14 and 15 of the whole line: 11 and 12 after the name.
    field(11) + field(12)
}

fn rss_kib(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .unwrap_or_default()
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.split_whitespace().next()?.parse().ok())
        .unwrap_or(0)
}
