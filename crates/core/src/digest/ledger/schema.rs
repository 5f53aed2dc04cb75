//! The ledger's tables and their migrations, numbered by `PRAGMA user_version`.
//!
//! A migration is appended, never edited: a ledger created by any earlier build is brought forward one step
//! at a time, each step in its own transaction with the version it reaches.

use rusqlite::Connection;

/// The columns of `posts`, in the order `post_from_row` reads them by name.
pub(super) const POST_COLUMNS: &str =
    "key, kind, name, slot, target, briefing, version, state, message_id, attempts,
    next_attempt, deadline, failure, failure_detail, failed_at, intended_at, sent_at, edited_at";

/// Each entry takes the schema from its index to the next version.
const MIGRATIONS: &[&str] = &[
    // 1: posts with their state, digest runs, schedules, the briefings seen, and settings. Briefings are
    // numbered in the order they were first seen (`seq`); a run or a schedule records the highest number
    // it knew (`watermark`), so "new since the last run" never depends on two clock readings differing.
    "CREATE TABLE posts (
        key TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('digest', 'announce', 'manual')),
        name TEXT NOT NULL,
        slot TEXT NOT NULL,
        target TEXT NOT NULL,
        briefing TEXT NOT NULL,
        version TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('intended', 'sent', 'failed')),
        message_id TEXT,
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt INTEGER NOT NULL,
        deadline INTEGER NOT NULL,
        failure TEXT,
        failure_detail TEXT,
        failed_at INTEGER,
        intended_at INTEGER NOT NULL,
        sent_at INTEGER,
        edited_at INTEGER,
        CHECK (state != 'sent' OR message_id IS NOT NULL)
    );
    CREATE INDEX posts_by_state ON posts (state, next_attempt);
    CREATE INDEX posts_by_briefing ON posts (briefing, state);
    CREATE INDEX posts_by_target ON posts (target, state);
    CREATE TABLE runs (
        digest TEXT NOT NULL,
        slot INTEGER NOT NULL,
        outcome TEXT NOT NULL CHECK (outcome IN ('posted', 'empty', 'skipped')),
        at INTEGER NOT NULL,
        detail TEXT NOT NULL DEFAULT '',
        watermark INTEGER NOT NULL,
        PRIMARY KEY (digest, slot)
    );
    CREATE TABLE schedules (
        digest TEXT PRIMARY KEY,
        fingerprint TEXT NOT NULL,
        since INTEGER NOT NULL,
        watermark INTEGER NOT NULL
    );
    CREATE TABLE briefings (
        id TEXT PRIMARY KEY,
        version TEXT NOT NULL,
        first_seen INTEGER,
        seq INTEGER NOT NULL UNIQUE
    );
    CREATE TABLE meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );",
];

/// The schema version this build writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

pub(super) enum MigrateError {
    /// The file is from a newer build; it is left untouched.
    TooNew(i64),
    Sql(rusqlite::Error),
}

impl From<rusqlite::Error> for MigrateError {
    fn from(e: rusqlite::Error) -> Self {
        MigrateError::Sql(e)
    }
}

pub(super) fn migrate(conn: &mut Connection) -> Result<(), MigrateError> {
    let found: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if found > SCHEMA_VERSION {
        return Err(MigrateError::TooNew(found));
    }
    for (from, sql) in MIGRATIONS.iter().enumerate().skip(found as usize) {
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", from as i64 + 1)?;
        tx.commit()?;
    }
    Ok(())
}
