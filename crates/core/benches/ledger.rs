//! What the ledger adds to each post, on SQLite and on PostgreSQL: the four writes a digest post makes
//! (the intent, the claim, the attempt, the result), each its own committed transaction, durable on both
//! (SQLite in WAL mode with `synchronous = FULL`; PostgreSQL with its default fsync on every commit, on a
//! server of the bench's own started from the machine's PostgreSQL binaries).
//!
//! Run with `cargo bench -p attache-core --bench ledger`. Needs PostgreSQL's server binaries (`.ci/run`
//! installs them); says what is missing otherwise.

use std::hint::black_box;
use std::sync::atomic::{AtomicU64, Ordering};

use chrono::{DateTime, Utc};
use criterion::Criterion;

use attache_core::digest::content::{PostKind, digest_key};
use attache_core::digest::ledger::{Claim, Claimed, Intent, Ledger};
use attache_core::digest::{PostedId, Target};
use pg_harness::{Durability, Postgres};

/// One post's life in the ledger, under a fresh key each time.
fn post(ledger: &mut Ledger, n: u64, holder: &str) {
    let now: DateTime<Utc> = Utc::now();
    let target = Target::parse("discord:1").unwrap();
    let briefing = format!("b{n}");
    let intent = Intent {
        key: digest_key("bench", now, &target, &briefing),
        kind: PostKind::Digest,
        name: "bench".into(),
        slot: now.timestamp().to_string(),
        target: "discord:1".into(),
        briefing,
        version: "v1".into(),
        deadline: now + chrono::Duration::hours(1),
    };
    let claim = Claim {
        holder: holder.into(),
        until: now + chrono::Duration::seconds(30),
        fence: None,
    };
    // The scheduler writes a pass's intents in one batch; here each post has its own.
    assert!(ledger.write(|batch| batch.intend(&intent, now)).unwrap());
    assert_eq!(ledger.claim(&intent.key, &claim, now).unwrap(), Claimed::Yes);
    let attempt = ledger.begin_attempt(&intent.key, "v1", &claim, now).unwrap();
    assert_eq!(attempt, Ok(1));
    ledger
        .mark_sent(&intent.key, &PostedId(format!("m{n}")), now)
        .unwrap();
}

fn main() {
    let mut c = Criterion::default().configure_from_args();
    let counter = AtomicU64::new(0);
    let next = || counter.fetch_add(1, Ordering::Relaxed);

    let dir = tempfile::tempdir().unwrap();
    let mut sqlite = Ledger::open(&dir.path().join("ledger.sqlite3")).unwrap();
    c.bench_function("ledger-post-sqlite", |b| {
        b.iter(|| post(black_box(&mut sqlite), next(), "bench"))
    });

    let server = Postgres::dedicated(Durability::Production);
    let url = server.fresh_database();
    let mut postgres = Ledger::connect(&url, "the bench's server").unwrap();
    c.bench_function("ledger-post-postgresql", |b| {
        b.iter(|| post(black_box(&mut postgres), next(), "bench"))
    });
    c.final_summary();
}
