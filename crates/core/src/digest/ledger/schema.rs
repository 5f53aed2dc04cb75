//! The ledger's tables and their migrations, in each dialect (SQLite numbers them by
//! `PRAGMA user_version`, PostgreSQL in `attache_schema`).
//!
//! A migration is appended, never edited: a ledger created by any earlier build is brought forward one step
//! at a time. Times are milliseconds since the epoch in 64-bit integers on both.

use super::db::Migration;

/// The columns of `posts`, in the order `post_from_row` reads them.
pub(super) const POST_COLUMNS: &str =
    "key, kind, name, slot, target, briefing, version, state, message_id, attempts,
    next_attempt, deadline, failure, failure_detail, failed_at, intended_at, sent_at, edited_at";

/// Each entry takes the schema from its index to the next version.
pub(super) const MIGRATIONS: &[Migration] = &[
    // 1: posts with their state, digest runs, schedules, the briefings seen, and settings. Briefings are
    // numbered in the order they were first seen (`seq`); a run or a schedule records the highest number
    // it knew (`watermark`), so "new since the last run" never depends on two clock readings differing.
    Migration {
        sqlite: "CREATE TABLE posts (
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
        postgres: "CREATE TABLE posts (
        key TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('digest', 'announce', 'manual')),
        name TEXT NOT NULL,
        slot TEXT NOT NULL,
        target TEXT NOT NULL,
        briefing TEXT NOT NULL,
        version TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('intended', 'sent', 'failed')),
        message_id TEXT,
        attempts BIGINT NOT NULL DEFAULT 0,
        next_attempt BIGINT NOT NULL,
        deadline BIGINT NOT NULL,
        failure TEXT,
        failure_detail TEXT,
        failed_at BIGINT,
        intended_at BIGINT NOT NULL,
        sent_at BIGINT,
        edited_at BIGINT,
        CHECK (state != 'sent' OR message_id IS NOT NULL)
    );
    CREATE INDEX posts_by_state ON posts (state, next_attempt);
    CREATE INDEX posts_by_briefing ON posts (briefing, state);
    CREATE INDEX posts_by_target ON posts (target, state);
    CREATE TABLE runs (
        digest TEXT NOT NULL,
        slot BIGINT NOT NULL,
        outcome TEXT NOT NULL CHECK (outcome IN ('posted', 'empty', 'skipped')),
        at BIGINT NOT NULL,
        detail TEXT NOT NULL DEFAULT '',
        watermark BIGINT NOT NULL,
        PRIMARY KEY (digest, slot)
    );
    CREATE TABLE schedules (
        digest TEXT PRIMARY KEY,
        fingerprint TEXT NOT NULL,
        since BIGINT NOT NULL,
        watermark BIGINT NOT NULL
    );
    CREATE TABLE briefings (
        id TEXT PRIMARY KEY,
        version TEXT NOT NULL,
        first_seen BIGINT,
        seq BIGINT NOT NULL UNIQUE
    );
    CREATE TABLE meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );",
    },
    // 2: several instances on one ledger. A send is claimed first: the claimant's name (`holder`) and the
    // end of its lease (`lease_until`), so no other instance touches the post meanwhile, and one that died
    // mid-send leaves it to another once the lease is over. `lists` holds the paging state of lists shown
    // in chat, so a button pressed on one instance turns a list made on another.
    Migration {
        sqlite: "ALTER TABLE posts ADD COLUMN holder TEXT;
    ALTER TABLE posts ADD COLUMN lease_until INTEGER;
    CREATE TABLE lists (
        key TEXT PRIMARY KEY,
        owner TEXT NOT NULL,
        prev TEXT,
        next TEXT,
        handle TEXT NOT NULL,
        lapses INTEGER NOT NULL
    );
    CREATE INDEX lists_by_lapse ON lists (lapses);",
        postgres: "ALTER TABLE posts ADD COLUMN holder TEXT;
    ALTER TABLE posts ADD COLUMN lease_until BIGINT;
    CREATE TABLE lists (
        key TEXT PRIMARY KEY,
        owner TEXT NOT NULL,
        prev TEXT,
        next TEXT,
        handle TEXT NOT NULL,
        lapses BIGINT NOT NULL
    );
    CREATE INDEX lists_by_lapse ON lists (lapses);",
    },
];

/// The schema version this build writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;
