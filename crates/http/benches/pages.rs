//! The HTTP side's routes timed over a synthetic corpus of 10,000 briefings (the core bench's): p50, p99 and
//! the slowest of 2,000 requests each to a briefing page, `/metrics` (with every command's metrics recorded),
//! the list filtered by a tag and search, through the router without a socket; then criterion's figures for
//! the briefing page and `/metrics`.
//!
//! Run with `cargo bench -p attache-http --bench pages`.

use std::hint::black_box;
use std::sync::Arc;
use std::time::{Duration, Instant};

use attache_core::command::Role;
use attache_core::config::Config;
use attache_core::engine::Engine;
use axum::Router;
use criterion::Criterion;
use tower::ServiceExt;

#[path = "../../core/benches/corpus.rs"]
mod corpus;

/// The router serving `engine`, with a Prometheus recorder installed and every command's metrics recorded.
fn router(engine: Engine) -> Router {
    let metrics = metrics_exporter_prometheus::PrometheusBuilder::new()
        .set_buckets_for_metric(
            metrics_exporter_prometheus::Matcher::Full(attache_core::observe::COMMAND_SECONDS.into()),
            attache_core::observe::COMMAND_BUCKETS,
        )
        .expect("buckets")
        .build_recorder();
    let handle = metrics.handle();
    let _ = metrics::set_global_recorder(metrics);
    for line in corpus::COMMANDS {
        engine.handle(line, Role::Admin);
    }
    let state = Arc::new(attache_http::State {
        engine: Arc::new(engine),
        config: attache_core::config::HttpConfig {
            listen: "127.0.0.1:0".parse().unwrap(),
            base_url: Some("https://b.example.org".into()),
            pages: true,
            metrics: true,
        },
        metrics: Some(handle),
        interactions: None,
    });
    attache_http::router(state)
}

/// One request through the router, its body read whole.
fn get(runtime: &tokio::runtime::Runtime, router: &Router, uri: &str) -> axum::body::Bytes {
    let request = axum::http::Request::get(uri)
        .body(axum::body::Body::empty())
        .unwrap();
    let response = runtime.block_on(router.clone().oneshot(request)).unwrap();
    runtime
        .block_on(axum::body::to_bytes(response.into_body(), 1 << 24))
        .unwrap()
}

const ROUTES: &[&str] = &[
    "/briefings/synthetic-00042",
    "/metrics",
    "/?tag=logistics",
    "/search?q=cloud+security",
];

fn main() {
    let dir = tempfile::tempdir().expect("temp dir");
    let n = 10_000;
    corpus::corpus(dir.path(), n);
    let engine = Engine::new(Config {
        briefings_dir: dir.path().to_path_buf(),
        ..Config::default()
    });
    let router = router(engine);
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();

    println!("\n== HTTP over {n} briefings, 2000 requests each ==");
    println!(
        "{:<36} {:>10} {:>10} {:>10}",
        "route", "p50 µs", "p99 µs", "max µs"
    );
    for uri in ROUTES {
        let mut times: Vec<Duration> = (0..2000)
            .map(|_| {
                let t = Instant::now();
                black_box(get(&runtime, &router, uri));
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
    println!();

    let mut c = Criterion::default().configure_from_args();
    for uri in &ROUTES[..2] {
        c.bench_function(&format!("http{uri}"), |b| {
            b.iter(|| get(&runtime, &router, black_box(uri)))
        });
    }
    c.final_summary();
}
