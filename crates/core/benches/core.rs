//! Benchmarks of the core on a synthetic corpus generated at bench time (1k and 10k briefings):
//! load time and peak memory, each command's latency (with p50/p99 over many runs), search latency, and
//! extraction of raw articles (the seed article, and about 5 KB in each of English, Russian and Chinese).
//!
//! Run with `cargo bench -p attache-core --bench core`: it builds the core alone. The percentile table is
//! printed first, then criterion's figures. The HTTP side's pages are timed on the same corpus by
//! `cargo bench -p attache-http --bench pages`.

use std::alloc::{GlobalAlloc, Layout, System};
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

mod corpus;
use corpus::{COMMANDS, corpus};

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
    println!();
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
    let seed = include_str!("../../../tests/fixtures/infoforum-shanghai-2018.txt");
    let (title, body) = seed.split_once('\n').unwrap_or((seed, ""));
    c.bench_function("extract-seed-article", |b| {
        b.iter(|| attache_core::extract::extract(Some(black_box(title)), black_box(body)))
    });
    // About 6 KB: the reference article followed by a second, press-release style one.
    let second = include_str!("../../../tests/fixtures/articles/ngoa-grid-resilience-summit-lisbon-2025.txt");
    let long = format!("{body}\n\n{}", second.split_once('\n').map_or("", |(_, b)| b));
    c.bench_function(&format!("extract-{}-byte-article", long.len()), |b| {
        b.iter(|| attache_core::extract::extract(Some(black_box(title)), black_box(&long)))
    });
    // About 5 KB in each language, made of the fixture articles of that language.
    let articles = [
        (
            "en",
            &[
                include_str!("../../../tests/fixtures/infoforum-shanghai-2018.txt"),
                second,
            ][..],
        ),
        (
            "ru",
            &[
                include_str!("../../../tests/fixtures/articles/volga-river-transport-forum-kazan-2024.txt"),
                include_str!("../../../tests/fixtures/articles/siberian-libraries-conference-tomsk.txt"),
            ][..],
        ),
        (
            "zh",
            &[
                include_str!("../../../tests/fixtures/articles/donghu-inland-shipping-forum-2024.txt"),
                include_str!("../../../tests/fixtures/articles/beian-tech-university-ai-symposium.txt"),
            ][..],
        ),
    ];
    for (lang, texts) in articles {
        let (title, _) = texts[0].split_once('\n').unwrap_or((texts[0], ""));
        let mut body = String::new();
        for text in texts.iter().cycle() {
            if body.len() >= 5 * 1024 {
                break;
            }
            body.push_str(text.split_once('\n').map_or("", |(_, b)| b));
            body.push_str("\n\n");
        }
        // Dictionaries load once, before the timing.
        let _ = attache_core::extract::extract(Some(title), &body);
        c.bench_function(&format!("extract-{lang}-{}-byte-article", body.len()), |b| {
            b.iter(|| attache_core::extract::extract(Some(black_box(title)), black_box(&body)))
        });
    }
    c.final_summary();
}
