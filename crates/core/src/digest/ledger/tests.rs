//! Ledger tests: the post life cycle, claims and fencing, runs, lists, reopening, locking, migrations, and
//! a writer killed mid-write, each on SQLite and on a real PostgreSQL server.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

use super::db::args;
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

/// A fresh PostgreSQL ledger on the test server.
fn postgres() -> Ledger {
    Ledger::connect(&pg_harness::postgres().fresh_database(), "the test server").unwrap()
}

/// Runs each named test (a `fn(Ledger)`) on a SQLite ledger in memory and on a PostgreSQL one.
macro_rules! on_both {
    ($($name:ident),* $(,)?) => {
        mod sqlite {
            $(#[test] fn $name() { super::$name(super::Ledger::in_memory().unwrap()) })*
        }
        mod postgres {
            $(#[test] fn $name() { super::$name(super::postgres()) })*
        }
    };
}

on_both!(
    a_post_goes_from_intended_to_sent_once,
    failures_are_kept_per_target_for_status,
    runs_schedules_and_briefings_seen,
    a_claim_keeps_other_instances_off_until_its_lease_ends,
    a_deposed_leader_cannot_claim_or_begin,
    lists_are_shared_and_lapse_once,
    a_failed_transaction_leaves_nothing,
);

fn claim(holder: &str, until: i64) -> Claim {
    Claim {
        holder: holder.into(),
        until: t(until),
        fence: None,
    }
}

fn a_post_goes_from_intended_to_sent_once(mut l: Ledger) {
    let i = intent(1, "discord:1");
    assert!(l.write(|b| b.intend(&i, t(0))).unwrap());
    // The same post intended again is the same post.
    assert!(!l.write(|b| b.intend(&i, t(5))).unwrap());
    let pending = l.pending().unwrap();
    assert_eq!(pending.len(), 1);
    assert_eq!(pending[0].state, PostState::Intended);
    assert_eq!(pending[0].attempts, 0);
    let me = claim("a", 30);
    assert_eq!(l.claim(&i.key, &me, t(1)).unwrap(), Claimed::Yes);
    assert_eq!(l.begin_attempt(&i.key, "v2", &me, t(1)).unwrap(), Ok(1));
    l.mark_sent(&i.key, &PostedId("m1".into()), t(2)).unwrap();
    assert!(l.pending().unwrap().is_empty());
    let sent = l.sent_of("b1").unwrap();
    assert_eq!(sent.len(), 1);
    assert_eq!(sent[0].message_id, Some(PostedId("m1".into())));
    assert_eq!(sent[0].intent.version, "v2");
    assert_eq!(sent[0].sent_at, Some(t(2)));
    // A sent post is not claimed or attempted again.
    assert_eq!(l.claim(&i.key, &me, t(3)).unwrap(), Claimed::Settled);
    assert_eq!(
        l.begin_attempt(&i.key, "v3", &me, t(3)).unwrap(),
        Err(Claimed::Settled)
    );
    l.mark_edited(&i.key, "v3", t(4)).unwrap();
    assert_eq!(l.post(&i.key).unwrap().unwrap().edited_at, Some(t(4)));
}

fn failures_are_kept_per_target_for_status(mut l: Ledger) {
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
    l.begin_attempt(&a.key, "v1", &claim("x", 30), t(1))
        .unwrap()
        .unwrap();
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

fn runs_schedules_and_briefings_seen(mut l: Ledger) {
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
        l.begin_attempt(&i.key, "v1", &claim("dead", 30), t(1))
            .unwrap()
            .unwrap();
        // A second opener is refused while this one lives.
        assert!(matches!(Ledger::open(&path), Err(LedgerError::Locked { .. })));
    }
    let mut l = Ledger::open(&path).unwrap();
    let pending = l.pending().unwrap();
    assert_eq!(pending.len(), 1);
    assert_eq!(
        pending[0].attempts, 1,
        "the attempt must survive, or a restart could post twice"
    );
    assert_eq!(l.integrity().unwrap(), "ok");
    // The claim of the process that died is gone with it: one process alone holds a SQLite ledger.
    let mut l = l;
    assert_eq!(l.claim(&i.key, &claim("next", 60), t(2)).unwrap(), Claimed::Yes);
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
    let mut fresh = Ledger::open(&dir.path().join("fresh.sqlite3")).unwrap();
    let version = fresh
        .db
        .query_opt("PRAGMA user_version", args![])
        .unwrap()
        .unwrap();
    assert_eq!(version.int(0).unwrap(), SCHEMA_VERSION);
    let mode = fresh
        .db
        .query_opt("PRAGMA journal_mode", args![])
        .unwrap()
        .unwrap();
    assert_eq!(mode.text(0).unwrap(), "wal");
}

#[test]
fn a_postgres_ledger_from_a_newer_build_is_refused_untouched_and_instances_migrate_once() {
    let url = pg_harness::postgres().fresh_database();
    // Several instances starting at once: the migration runs once, under its lock.
    let opened: Vec<_> = (0..4)
        .map(|_| {
            let url = url.clone();
            std::thread::spawn(move || Ledger::connect(&url, "v").map(drop))
        })
        .collect();
    for o in opened {
        o.join().unwrap().unwrap();
    }
    let mut l = Ledger::connect(&url, "v").unwrap();
    let version =
        l.db.query_opt("SELECT version FROM attache_schema", args![])
            .unwrap()
            .unwrap();
    assert_eq!(version.int(0).unwrap(), SCHEMA_VERSION);
    l.db.execute(
        "UPDATE attache_schema SET version = $1",
        args![SCHEMA_VERSION + 1],
    )
    .unwrap();
    let e = Ledger::connect(&url, "v").unwrap_err();
    assert!(e.to_string().contains("newer Attaché"), "{e}");
}

/// What another instance sees while one holds a claim: the post is held until the lease ends; then it is
/// free for the next, and the first one's attempt is refused (its claim is gone).
fn a_claim_keeps_other_instances_off_until_its_lease_ends(mut l: Ledger) {
    let i = intent(1, "discord:1");
    l.write(|w| w.intend(&i, t(0))).unwrap();
    let a = claim("a", 30);
    let b = claim("b", 90);
    assert_eq!(l.claim(&i.key, &a, t(1)).unwrap(), Claimed::Yes);
    assert_eq!(l.claim(&i.key, &b, t(2)).unwrap(), Claimed::Held);
    assert_eq!(
        l.begin_attempt(&i.key, "v1", &b, t(2)).unwrap(),
        Err(Claimed::Held)
    );
    // The holder may claim again (a retry within its lease).
    assert_eq!(l.claim(&i.key, &a, t(3)).unwrap(), Claimed::Yes);
    assert_eq!(l.begin_attempt(&i.key, "v1", &a, t(4)).unwrap(), Ok(1));
    // a died mid-send: once its lease is over, b takes the post (and will look for it first).
    assert_eq!(l.claim(&i.key, &b, t(31)).unwrap(), Claimed::Yes);
    assert_eq!(
        l.begin_attempt(&i.key, "v1", &a, t(32)).unwrap(),
        Err(Claimed::Held)
    );
    assert_eq!(l.post(&i.key).unwrap().unwrap().attempts, 1);
    // Released (nothing was sent), it is free at once.
    l.release(&i.key, "b").unwrap();
    assert_eq!(l.claim(&i.key, &claim("c", 40), t(33)).unwrap(), Claimed::Yes);
    // A retry mark ends the claim too.
    l.mark_retry(&i.key, &PostFailure::rate_limited(None), t(60), t(34))
        .unwrap();
    assert_eq!(l.claim(&i.key, &a, t(35)).unwrap(), Claimed::Yes);
}

/// The leader's sends carry its epoch: once a later leader has raised it, the old one can neither claim
/// nor begin a send, while unfenced sends (a moderator's post, from any instance) go on.
fn a_deposed_leader_cannot_claim_or_begin(mut l: Ledger) {
    let (i, j) = (intent(1, "discord:1"), intent(2, "discord:1"));
    l.write(|w| {
        w.intend(&i, t(0))?;
        w.intend(&j, t(0))
    })
    .unwrap();
    let set_epoch = |l: &mut Ledger, e: &str| {
        l.db.execute(
            "INSERT INTO meta (key, value) VALUES ('epoch', $1) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            args![e],
        )
        .unwrap();
    };
    set_epoch(&mut l, "7");
    let leader = Claim {
        fence: Some(7),
        ..claim("old", 30)
    };
    assert_eq!(l.claim(&i.key, &leader, t(1)).unwrap(), Claimed::Yes);
    set_epoch(&mut l, "8");
    assert_eq!(
        l.begin_attempt(&i.key, "v1", &leader, t(2)).unwrap(),
        Err(Claimed::Fenced)
    );
    assert_eq!(l.claim(&j.key, &leader, t(2)).unwrap(), Claimed::Fenced);
    assert_eq!(l.post(&i.key).unwrap().unwrap().attempts, 0, "nothing was begun");
    let new = Claim {
        fence: Some(8),
        ..claim("new", 60)
    };
    // The new leader waits out the old one's lease on the post it had claimed, not on the other.
    assert_eq!(l.claim(&i.key, &new, t(3)).unwrap(), Claimed::Held);
    assert_eq!(l.claim(&j.key, &new, t(3)).unwrap(), Claimed::Yes);
    assert_eq!(l.claim(&i.key, &new, t(31)).unwrap(), Claimed::Yes);
    assert_eq!(l.begin_attempt(&i.key, "v1", &new, t(31)).unwrap(), Ok(1));
    let manual = intent(3, "discord:2");
    l.write(|w| w.intend(&manual, t(0))).unwrap();
    assert_eq!(
        l.claim(&manual.key, &claim("old", 30), t(4)).unwrap(),
        Claimed::Yes
    );
}

fn lists_are_shared_and_lapse_once(mut l: Ledger) {
    let list = |key: &str, lapses: i64| ListState {
        key: key.into(),
        owner: "42".into(),
        prev: None,
        next: Some("events page:2".into()),
        handle: "token".into(),
        lapses: t(lapses),
    };
    l.remember_list(&list("a", 100)).unwrap();
    l.remember_list(&list("b", 200)).unwrap();
    assert_eq!(l.list("a", t(50)).unwrap(), Some(list("a", 100)));
    // Turned: the same key, a later lapse.
    let turned = ListState {
        prev: Some("events".into()),
        next: None,
        ..list("a", 150)
    };
    l.remember_list(&turned).unwrap();
    assert_eq!(l.list("a", t(120)).unwrap(), Some(turned.clone()));
    assert_eq!(l.list("a", t(150)).unwrap(), None, "lapsed");
    assert_eq!(l.take_lapsed_lists(t(160)).unwrap(), vec![turned]);
    assert!(l.take_lapsed_lists(t(160)).unwrap().is_empty(), "taken once");
    assert_eq!(l.list("b", t(160)).unwrap().map(|s| s.key), Some("b".into()));
}

/// A write that fails half-way leaves nothing: not the rows before the failure either.
fn a_failed_transaction_leaves_nothing(mut l: Ledger) {
    let i = intent(1, "discord:1");
    let failed = l.write(|w| {
        w.intend(&i, t(0))?;
        Err::<(), _>(LedgerError::UnknownKey("a failure".into()))
    });
    assert!(failed.is_err());
    assert!(l.all_posts().unwrap().is_empty());
    // And the ledger goes on.
    assert!(l.write(|w| w.intend(&i, t(0))).unwrap());
}

/// The environment variable that turns [`child_writer`] on, naming the ledger it writes: a SQLite path,
/// or a `postgres://` URL.
const CHILD_ENV: &str = "ATTACHE_LEDGER_CHILD";

fn open_child_ledger(at: &str) -> Ledger {
    if at.starts_with("postgres://") {
        Ledger::connect(at, CHILD_ENV).unwrap()
    } else {
        Ledger::open(Path::new(at)).unwrap()
    }
}

/// Not a test on its own: run by [`a_writer_killed_mid_write_loses_no_committed_row`] in a child process,
/// it commits runs of three intents each and prints the number of every run it committed.
#[test]
#[ignore = "run as a child process by a_writer_killed_mid_write_loses_no_committed_row"]
fn child_writer() {
    let Ok(path) = std::env::var(CHILD_ENV) else {
        return;
    };
    let mut l = open_child_ledger(&path);
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
/// with its three intents, no run is there without all three, and the database is sound.
fn a_writer_killed_mid_write_loses_no_committed_row(ledger_at: impl Fn(usize) -> String) {
    for round in 0..3 {
        let at = ledger_at(round);
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args([
                "--exact",
                "digest::ledger::tests::child_writer",
                "--ignored",
                "--nocapture",
                "--test-threads=1",
            ])
            .env(CHILD_ENV, &at)
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
        let mut l = open_child_ledger(&at);
        assert_eq!(l.integrity().unwrap(), "ok");
        let mut count =
            |sql: &str, args: &[db::Value]| l.db.query_opt(sql, args).unwrap().unwrap().int(0).unwrap();
        let runs = count("SELECT COUNT(*) FROM runs", args![]);
        let posts = count("SELECT COUNT(*) FROM posts", args![]);
        assert_eq!(posts, runs * 3, "a transaction was cut in half");
        for n in &committed {
            let found = count("SELECT COUNT(*) FROM runs WHERE slot = $1", args![ts(t(n * 60))]);
            assert_eq!(found, 1, "run {n} was reported committed but is gone");
        }
    }
}

#[test]
fn a_writer_killed_mid_write_loses_no_committed_row_on_sqlite() {
    let dir = tempfile::tempdir().unwrap();
    // Each round starts over on a file of its own, so the child's numbering does not collide with the
    // last round's rows.
    a_writer_killed_mid_write_loses_no_committed_row(|round| {
        dir.path()
            .join(format!("ledger-{round}.sqlite3"))
            .display()
            .to_string()
    });
}

#[test]
fn a_writer_killed_mid_write_loses_no_committed_row_on_postgres() {
    a_writer_killed_mid_write_loses_no_committed_row(|_| pg_harness::postgres().fresh_database());
}
