//! Benchmarks of the core on a synthetic corpus generated at bench time (1k and 10k briefings):
//! load time and peak memory, each command's latency (with p50/p99 over many runs), search latency, and
//! extraction of a raw article.
//!
//! Run with `cargo bench --bench core`. The percentile table is printed first, then criterion's figures.

use std::alloc::{GlobalAlloc, Layout, System};
use std::fmt::Write as _;
use std::hint::black_box;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use attache_core::briefing::ParseOptions;
use attache_core::command::Role;
use attache_core::config::Config;
use attache_core::engine::Engine;
use attache_core::store::Store;
use criterion::{BenchmarkId, Criterion};

/// Counts live and peak heap bytes, to report the memory a load needs.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            let live = LIVE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(live, Ordering::Relaxed);
        }
        p
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

const WORDS: &[&str] = &[
    "digital",
    "economy",
    "security",
    "cloud",
    "data",
    "policy",
    "trade",
    "energy",
    "port",
    "logistics",
    "cooperation",
    "network",
    "infrastructure",
    "finance",
    "banking",
    "transport",
    "innovation",
    "research",
    "education",
    "health",
    "climate",
    "industry",
    "software",
    "market",
    "regional",
    "cross-border",
    "standards",
    "privacy",
    "identity",
    "payments",
    "satellite",
    "telecom",
    "governance",
    "supply",
    "chain",
    "skills",
];
const PLACES: &[&str] = &[
    "Shanghai",
    "Moscow",
    "Singapore",
    "Nairobi",
    "Lisbon",
    "Almaty",
    "Jakarta",
    "Lima",
];
const PEOPLE: &[&str] = &[
    "Ana Lima",
    "Wei Zhang",
    "Olga Petrova",
    "Kofi Mensah",
    "Ravi Iyer",
    "Sara Costa",
];

/// A deterministic pseudo-random stream, so every run benches the same corpus.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 as usize
    }
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[self.next() % xs.len()]
    }
    fn sentence(&mut self, words: usize) -> String {
        let mut s: String = (0..words).map(|_| self.pick(WORDS)).collect::<Vec<_>>().join(" ");
        s[..1].make_ascii_uppercase();
        s.push('.');
        s
    }
}

/// Writes `n` fictional briefings: nine in ten with full front matter, one in ten a raw article.
fn corpus(dir: &Path, n: usize) {
    let mut rng = Rng(0x5eed_1234_abcd_ef01);
    for i in 0..n {
        let place = rng.pick(PLACES);
        let year = 2000 + i % 26;
        let topic = format!("{} {}", rng.pick(WORDS), rng.pick(WORDS));
        let body: Vec<String> = (0..6)
            .map(|_| (0..4).map(|_| rng.sentence(12)).collect::<Vec<_>>().join(" "))
            .collect();
        let speaker = rng.pick(PEOPLE);
        let text = if i % 10 == 9 {
            format!(
                "Synthetic {topic} forum {i} in {place}\n\n{speaker}, the chair of the synthetic board, said \"{}\"\n\nThe forum was sponsored by the Synthetic Fund {i} and Example Group.\n\n{}\n",
                rng.sentence(14),
                body.join("\n\n")
            )
        } else {
            let mut fm = String::new();
            let _ = write!(
                fm,
                "+++\ntitle = \"Synthetic {topic} summit {i} (fictional)\"\nevent = \"Synthetic Summit {i}\"\ndate = {year}-{:02}-{:02}\nlocation = \"{place}\"\ntheme = \"{}\"\ntags = [\"{}\", \"{}\"]\nsummary = \"{}\"\n",
                1 + i % 12,
                1 + i % 28,
                rng.sentence(5).trim_end_matches('.'),
                rng.pick(WORDS),
                rng.pick(WORDS),
                rng.sentence(20)
            );
            // Top-level keys go before the first [[table]], or TOML files them under it.
            let _ = writeln!(
                fm,
                "topics = [\"{topic}\", \"{}\", \"{}\"]",
                rng.sentence(4),
                rng.sentence(4)
            );
            for _ in 0..2 {
                let _ = write!(
                    fm,
                    "[[quotes]]\ntext = \"{}\"\nspeaker = \"{}\"\nrole = \"Minister of Synthetic Affairs\"\n",
                    rng.sentence(18),
                    rng.pick(PEOPLE)
                );
            }
            let _ = write!(
                fm,
                "[[sponsors]]\nname = \"Synthetic Fund {i}\"\nrelation = \"sponsor\"\n"
            );
            let _ = write!(
                fm,
                "[[sponsors]]\nname = \"Example Group\"\nrelation = \"organizer\"\n"
            );
            fm.push_str("+++\n\n");
            fm + body.join("\n\n").as_str()
        };
        let ext = if i % 10 == 9 { "txt" } else { "md" };
        std::fs::write(dir.join(format!("synthetic-{i:05}.{ext}")), text).expect("write corpus");
    }
}

const COMMANDS: &[&str] = &[
    "help",
    "help sponsors",
    "status",
    "events",
    "events security 2018",
    "briefing synthetic-summit-4242",
    "summary synthetic-00042",
    "topics synthetic-00042",
    "sponsors synthetic-00042",
    "quotes synthetic-00042",
    "quotes speaker:\"Wei Zhang\"",
    "search digital economy",
    "search cloud security banking",
    "search synth",
    "summary synthetic summit 4242",
    "summary synthtic-00042",
    "digest synthetic-00042",
];

fn engine(dir: &Path) -> Engine {
    Engine::new(Config {
        briefings_dir: dir.to_path_buf(),
        ..Config::default()
    })
}

/// Prints load time and memory, and p50/p99 of every command, measured over many runs.
fn report(dirs: &[(usize, &Path)]) {
    println!(
        "\n== load (release build, {} cores) ==",
        std::thread::available_parallelism().map_or(1, |n| n.get())
    );
    for (n, dir) in dirs {
        let start = Instant::now();
        let files = attache_core::store::scan(dir, &ParseOptions::default()).expect("scan");
        let parse = start.elapsed();
        drop(files);
        let before = LIVE.load(Ordering::Relaxed);
        PEAK.store(before, Ordering::Relaxed);
        let start = Instant::now();
        let store = Store::open(*dir, ParseOptions::default());
        let took = start.elapsed();
        let peak = PEAK.load(Ordering::Relaxed) - before;
        let retained = LIVE.load(Ordering::Relaxed) - before;
        println!(
            "{n:>6} files: {} briefings, {} errors, in {:>7.1} ms (reading and parsing alone {:>7.1} ms); heap peak {:>6.1} MiB, retained {:>6.1} MiB",
            store.snapshot().len(),
            store.snapshot().errors.len(),
            took.as_secs_f64() * 1e3,
            parse.as_secs_f64() * 1e3,
            peak as f64 / 1048576.0,
            retained as f64 / 1048576.0
        );
    }
    let (n, dir) = dirs[dirs.len() - 1];
    let engine = engine(dir);
    println!("\n== command latency over {n} briefings, 2000 runs each ==");
    println!(
        "{:<36} {:>10} {:>10} {:>10}",
        "command", "p50 µs", "p99 µs", "max µs"
    );
    for line in COMMANDS {
        let mut times: Vec<Duration> = (0..2000)
            .map(|_| {
                let t = Instant::now();
                black_box(engine.handle(black_box(line), Role::Admin));
                t.elapsed()
            })
            .collect();
        times.sort();
        let us = |d: Duration| d.as_secs_f64() * 1e6;
        println!(
            "{line:<36} {:>10.1} {:>10.1} {:>10.1}",
            us(times[times.len() / 2]),
            us(times[times.len() * 99 / 100]),
            us(times[times.len() - 1])
        );
    }
    http(engine, n);
    println!();
}

/// p50/p99 of a briefing page, the list, search and `/metrics` through the HTTP router (no socket), with
/// the metrics of every command above recorded.
fn http(engine: Engine, n: usize) {
    use tower::ServiceExt;
    let metrics = metrics_exporter_prometheus::PrometheusBuilder::new()
        .set_buckets_for_metric(
            metrics_exporter_prometheus::Matcher::Full(attache_core::observe::COMMAND_SECONDS.into()),
            attache_core::observe::COMMAND_BUCKETS,
        )
        .expect("buckets")
        .build_recorder();
    let handle = metrics.handle();
    let _ = metrics::set_global_recorder(metrics);
    for line in COMMANDS {
        engine.handle(line, Role::Admin);
    }
    let state = std::sync::Arc::new(attache_http::State {
        engine: std::sync::Arc::new(engine),
        config: attache_core::config::HttpConfig {
            listen: "127.0.0.1:0".parse().unwrap(),
            base_url: Some("https://b.example.org".into()),
            pages: true,
            metrics: true,
        },
        metrics: Some(handle),
        interactions: None,
    });
    let router = attache_http::router(state);
    let runtime = tokio::runtime::Builder::new_current_thread().build().unwrap();
    println!("\n== HTTP over {n} briefings, 2000 requests each ==");
    println!(
        "{:<36} {:>10} {:>10} {:>10}",
        "route", "p50 µs", "p99 µs", "max µs"
    );
    for uri in [
        "/briefings/synthetic-00042",
        "/metrics",
        "/?tag=logistics",
        "/search?q=cloud+security",
    ] {
        let mut times: Vec<Duration> = (0..2000)
            .map(|_| {
                let request = axum::http::Request::get(uri)
                    .body(axum::body::Body::empty())
                    .unwrap();
                let t = Instant::now();
                let response = runtime.block_on(router.clone().oneshot(request)).unwrap();
                let body = runtime
                    .block_on(axum::body::to_bytes(response.into_body(), 1 << 24))
                    .unwrap();
                black_box(body);
                t.elapsed()
            })
            .collect();
        times.sort();
        let us = |d: Duration| d.as_secs_f64() * 1e6;
        println!(
            "{uri:<36} {:>10.1} {:>10.1} {:>10.1}",
            us(times[times.len() / 2]),
            us(times[times.len() * 99 / 100]),
            us(times[times.len() - 1])
        );
    }
}

fn main() {
    let small = tempfile::tempdir().expect("temp dir");
    let large = tempfile::tempdir().expect("temp dir");
    corpus(small.path(), 1_000);
    corpus(large.path(), 10_000);
    // ATTACHE_BENCH_TABLE=0 skips the table, e.g. to profile one criterion benchmark alone.
    if std::env::var("ATTACHE_BENCH_TABLE").as_deref() != Ok("0") {
        report(&[(1_000, small.path()), (10_000, large.path())]);
    }

    let mut c = Criterion::default().configure_from_args();
    {
        let mut g = c.benchmark_group("load");
        g.sample_size(10);
        for (n, dir) in [(1_000, small.path()), (10_000, large.path())] {
            g.bench_with_input(BenchmarkId::from_parameter(n), &dir, |b, dir| {
                b.iter(|| Store::open(*dir, ParseOptions::default()))
            });
        }
        g.finish();
    }
    let engine = engine(large.path());
    {
        let mut g = c.benchmark_group("command-10k");
        for line in COMMANDS {
            g.bench_function(*line, |b| b.iter(|| engine.handle(black_box(line), Role::Admin)));
        }
        g.finish();
    }
    let seed = include_str!("../tests/fixtures/infoforum-shanghai-2018.txt");
    let (title, body) = seed.split_once('\n').unwrap_or((seed, ""));
    c.bench_function("extract-seed-article", |b| {
        b.iter(|| attache_core::extract::extract(Some(black_box(title)), black_box(body)))
    });
    // About 6 KB: the reference article followed by a second, press-release style one.
    let second = include_str!("../tests/fixtures/articles/ngoa-grid-resilience-summit-lisbon-2025.txt");
    let long = format!("{body}\n\n{}", second.split_once('\n').map_or("", |(_, b)| b));
    c.bench_function(&format!("extract-{}-byte-article", long.len()), |b| {
        b.iter(|| attache_core::extract::extract(Some(black_box(title)), black_box(&long)))
    });
    c.final_summary();
}
