//! Ledger tests: the post life cycle, runs, reopening, locking, migrations, and a writer killed mid-write.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

use rusqlite::params;

use super::*;
use crate::digest::content;
use crate::target::Target;

fn t(secs: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(1_741_600_800 + secs, 0).unwrap()
}

fn intent(n: usize, target: &str) -> Intent {
    let target_parsed = Target::parse(target).unwrap();
    Intent {
        key: content::digest_key("weekly", t(0), &target_parsed, &format!("b{n}")),
        kind: PostKind::Digest,
        name: "weekly".into(),
        slot: t(0).timestamp().to_string(),
        target: target.into(),
        briefing: format!("b{n}"),
        version: "v1".into(),
        deadline: t(3600),
    }
}

#[test]
fn a_post_goes_from_intended_to_sent_once() {
    let mut l = Ledger::in_memory().unwrap();
    let i = intent(1, "discord:1");
    assert!(l.write(|b| b.intend(&i, t(0))).unwrap());
    // The same post intended again is the same post.
    assert!(!l.write(|b| b.intend(&i, t(5))).unwrap());
    let pending = l.pending().unwrap();
    assert_eq!(pending.len(), 1);
    assert_eq!(pending[0].state, PostState::Intended);
    assert_eq!(pending[0].attempts, 0);
    assert_eq!(l.begin_attempt(&i.key, "v2", t(1)).unwrap(), 1);
    l.mark_sent(&i.key, &PostedId("m1".into()), t(2)).unwrap();
    assert!(l.pending().unwrap().is_empty());
    let sent = l.sent_of("b1").unwrap();
    assert_eq!(sent.len(), 1);
    assert_eq!(sent[0].message_id, Some(PostedId("m1".into())));
    assert_eq!(sent[0].intent.version, "v2");
    assert_eq!(sent[0].sent_at, Some(t(2)));
    // A sent post is not attempted again.
    assert!(matches!(
        l.begin_attempt(&i.key, "v3", t(3)),
        Err(LedgerError::UnknownKey(_))
    ));
    l.mark_edited(&i.key, "v3", t(4)).unwrap();
    assert_eq!(l.post(&i.key).unwrap().unwrap().edited_at, Some(t(4)));
}

#[test]
fn failures_are_kept_per_target_for_status() {
    let mut l = Ledger::in_memory().unwrap();
    let (a, b, c) = (
        intent(1, "discord:1"),
        intent(2, "discord:1"),
        intent(1, "matrix:!r"),
    );
    l.write(|w| {
        w.intend(&a, t(0))?;
        w.intend(&b, t(0))?;
        w.intend(&c, t(0))
    })
    .unwrap();
    l.begin_attempt(&a.key, "v1", t(1)).unwrap();
    l.mark_sent(&a.key, &PostedId("m1".into()), t(1)).unwrap();
    let limited = PostFailure::rate_limited(None);
    l.mark_retry(&b.key, &limited, t(60), t(2)).unwrap();
    let denied = PostFailure::permanent(FailureReason::PowerLevelTooLow, "needs 50");
    l.mark_failed(&c.key, &denied, t(3)).unwrap();
    let pending = l.pending().unwrap();
    assert_eq!(pending.len(), 1);
    assert_eq!(pending[0].next_attempt, t(60));
    let targets = l.targets().unwrap();
    assert_eq!(targets.len(), 2);
    assert_eq!(targets[0].target, "discord:1");
    assert_eq!(targets[0].last_sent, Some((t(1), "b1".into())));
    assert_eq!(
        targets[0].last_failure,
        Some((t(2), FailureReason::RateLimited, String::new()))
    );
    assert_eq!(targets[0].pending, 1);
    assert_eq!(targets[1].last_sent, None);
    assert_eq!(
        targets[1].last_failure,
        Some((t(3), FailureReason::PowerLevelTooLow, "needs 50".into()))
    );
}

#[test]
fn runs_schedules_and_briefings_seen() {
    let mut l = Ledger::in_memory().unwrap();
    assert_eq!(l.last_run("weekly").unwrap(), None);
    assert_eq!(l.baseline().unwrap(), None);
    let run = |slot, outcome| Run {
        digest: "weekly".into(),
        slot: t(slot),
        outcome,
        at: t(slot + 5),
        detail: String::new(),
        watermark: 0,
    };
    l.write(|w| {
        w.see("a", "v1", None)?;
        w.see("b", "v1", Some(t(7)))?;
        w.see("b", "v2", Some(t(99)))?;
        w.record_run(&run(0, RunOutcome::Posted))?;
        w.record_run(&run(100, RunOutcome::Skipped))?;
        // Recording the same slot again changes nothing.
        w.record_run(&run(0, RunOutcome::Empty))?;
        w.set_schedule("weekly", "0 9 * * MON@UTC", t(-50))?;
        w.see("c", "v1", Some(t(200)))?;
        w.set_baseline(t(-60))
    })
    .unwrap();
    assert_eq!(l.last_run("weekly").unwrap().unwrap().slot, t(100));
    let done = l.last_done("weekly").unwrap().unwrap();
    assert_eq!(
        (done.slot, done.outcome, done.at),
        (t(0), RunOutcome::Posted, t(5))
    );
    // A run knows which briefings had been seen when it was recorded: "a" and "b", not "c".
    assert_eq!(done.watermark, 2);
    assert_eq!(l.last_skipped("weekly").unwrap().unwrap().slot, t(100));
    assert_eq!(
        l.schedule_since("weekly", "0 9 * * MON@UTC").unwrap(),
        Some((t(-50), 2))
    );
    assert_eq!(l.schedule_since("weekly", "0 8 * * MON@UTC").unwrap(), None);
    let seen = l.seen().unwrap();
    assert_eq!(seen["a"].first_seen, None);
    assert_eq!(
        seen["b"],
        Seen {
            version: "v2".into(),
            first_seen: Some(t(7)),
            seq: 2
        }
    );
    assert_eq!(seen["c"].seq, 3);
    assert_eq!(l.baseline().unwrap(), Some(t(-60)));
}

#[test]
fn a_reopened_ledger_has_every_committed_row_and_one_process_holds_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nested/ledger.sqlite3");
    let i = intent(1, "discord:1");
    {
        let mut l = Ledger::open(&path).unwrap();
        l.write(|w| w.intend(&i, t(0))).unwrap();
        l.begin_attempt(&i.key, "v1", t(1)).unwrap();
        // A second opener is refused while this one lives.
        assert!(matches!(Ledger::open(&path), Err(LedgerError::Locked { .. })));
    }
    let l = Ledger::open(&path).unwrap();
    let pending = l.pending().unwrap();
    assert_eq!(pending.len(), 1);
    assert_eq!(
        pending[0].attempts, 1,
        "the attempt must survive, or a restart could post twice"
    );
    assert_eq!(l.integrity().unwrap(), "ok");
}

#[test]
fn a_ledger_from_a_newer_build_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ledger.sqlite3");
    {
        let c = Connection::open(&path).unwrap();
        c.pragma_update(None, "user_version", SCHEMA_VERSION + 1).unwrap();
    }
    let e = Ledger::open(&path).unwrap_err();
    assert!(e.to_string().contains("newer Attaché"), "{e}");
    let fresh = Ledger::open(&dir.path().join("fresh.sqlite3")).unwrap();
    let version: i64 = fresh
        .conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, SCHEMA_VERSION);
    let mode: String = fresh
        .conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
}

/// The environment variable that turns [`child_writer`] on, naming the ledger it writes.
const CHILD_ENV: &str = "ATTACHE_LEDGER_CHILD";

/// Not a test on its own: run by [`a_writer_killed_mid_write_loses_no_committed_row`] in a child process,
/// it commits runs of three intents each and prints the number of every run it committed.
#[test]
#[ignore = "run as a child process by a_writer_killed_mid_write_loses_no_committed_row"]
fn child_writer() {
    let Ok(path) = std::env::var(CHILD_ENV) else {
        return;
    };
    let mut l = Ledger::open(Path::new(&path)).unwrap();
    for n in 0.. {
        l.write(|w| {
            w.record_run(&Run {
                digest: "weekly".into(),
                slot: t(n * 60),
                outcome: RunOutcome::Posted,
                at: t(n * 60),
                detail: String::new(),
                watermark: 0,
            })?;
            for target in ["discord:1", "discord:2", "matrix:!r"] {
                let mut i = intent(n as usize, target);
                i.key = content::key(&[&n.to_string(), target]);
                w.intend(&i, t(n * 60))?;
            }
            Ok(())
        })
        .unwrap();
        println!("committed {n}");
    }
}

/// SIGKILL at an arbitrary instant of a stream of writes: every run the writer reported committed is there
/// with its three intents, no run is there without all three, and the file is sound.
#[test]
fn a_writer_killed_mid_write_loses_no_committed_row() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ledger.sqlite3");
    for round in 0..3 {
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args([
                "--exact",
                "digest::ledger::tests::child_writer",
                "--ignored",
                "--nocapture",
                "--test-threads=1",
            ])
            .env(CHILD_ENV, &path)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let lines = BufReader::new(child.stdout.take().unwrap()).lines();
        let mut committed = Vec::new();
        // Kill at a different point each round, mid-stream.
        for line in lines {
            if let Some(n) = line.unwrap().strip_prefix("committed ") {
                committed.push(n.parse::<i64>().unwrap());
                if committed.len() == 20 + round * 17 {
                    break;
                }
            }
        }
        assert_eq!(committed.len(), 20 + round * 17, "the writer stopped by itself");
        child.kill().unwrap(); // SIGKILL on Unix
        child.wait().unwrap();
        let l = Ledger::open(&path).unwrap();
        assert_eq!(l.integrity().unwrap(), "ok");
        let runs: i64 = l
            .conn
            .query_row("SELECT COUNT(*) FROM runs", [], |r| r.get(0))
            .unwrap();
        let posts: i64 = l
            .conn
            .query_row("SELECT COUNT(*) FROM posts", [], |r| r.get(0))
            .unwrap();
        assert_eq!(posts, runs * 3, "a transaction was cut in half");
        for n in &committed {
            let found: i64 = l
                .conn
                .query_row(
                    "SELECT COUNT(*) FROM runs WHERE slot = ?1",
                    params![ts(t(n * 60))],
                    |r| r.get(0),
                )
                .unwrap();
            assert_eq!(found, 1, "run {n} was reported committed but is gone");
        }
        // Each round starts over, so the child's numbering does not collide with the last round's rows.
        drop(l);
        std::fs::remove_file(&path).unwrap();
        let _ = std::fs::remove_file(dir.path().join("ledger.sqlite3-wal"));
        let _ = std::fs::remove_file(dir.path().join("ledger.sqlite3-shm"));
    }
}
