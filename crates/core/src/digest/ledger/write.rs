//! Writing the ledger: a post's state changes, each committed on its own, and [`Batch`], the writes of one
//! planning transaction.

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, params};

use super::{Intent, Ledger, LedgerError, PostFailure, PostKey, PostedId, Run, ts};

impl Ledger {
    /// Records that a send of `key` with content `version` begins. Committed before the send, so a crash
    /// during it leaves `attempts > 0` and the restart looks for the post before sending again.
    pub fn begin_attempt(
        &mut self,
        key: &PostKey,
        version: &str,
        now: DateTime<Utc>,
    ) -> Result<u32, LedgerError> {
        let attempts = self.conn.query_row(
            "UPDATE posts SET attempts = attempts + 1, version = ?2, next_attempt = ?3
             WHERE key = ?1 AND state = 'intended' RETURNING attempts",
            params![key.as_str(), version, ts(now)],
            |r| r.get::<_, u32>(0),
        );
        attempts
            .optional()?
            .ok_or_else(|| LedgerError::UnknownKey(key.to_string()))
    }

    /// The post is on the platform as `id`.
    pub fn mark_sent(&mut self, key: &PostKey, id: &PostedId, now: DateTime<Utc>) -> Result<(), LedgerError> {
        self.update(
            key,
            "UPDATE posts SET state = 'sent', message_id = ?2, sent_at = ?3 WHERE key = ?1",
            params![key.as_str(), id.0, ts(now)],
        )
    }

    /// The send failed and will be tried again at `next`.
    pub fn mark_retry(
        &mut self,
        key: &PostKey,
        failure: &PostFailure,
        next: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> Result<(), LedgerError> {
        self.update(
            key,
            "UPDATE posts SET next_attempt = ?2, failure = ?3, failure_detail = ?4, failed_at = ?5 WHERE key = ?1",
            params![key.as_str(), ts(next), failure.reason.code(), failure.detail, ts(now)],
        )
    }

    /// The post will not be sent.
    pub fn mark_failed(
        &mut self,
        key: &PostKey,
        failure: &PostFailure,
        now: DateTime<Utc>,
    ) -> Result<(), LedgerError> {
        self.update(
            key,
            "UPDATE posts SET state = 'failed', failure = ?2, failure_detail = ?3, failed_at = ?4 WHERE key = ?1",
            params![key.as_str(), failure.reason.code(), failure.detail, ts(now)],
        )
    }

    /// The sent post now shows content `version`.
    pub fn mark_edited(
        &mut self,
        key: &PostKey,
        version: &str,
        now: DateTime<Utc>,
    ) -> Result<(), LedgerError> {
        self.update(
            key,
            "UPDATE posts SET version = ?2, edited_at = ?3 WHERE key = ?1",
            params![key.as_str(), version, ts(now)],
        )
    }

    /// An edit of a sent post failed; the post stays sent.
    pub fn note_failure(
        &mut self,
        key: &PostKey,
        failure: &PostFailure,
        now: DateTime<Utc>,
    ) -> Result<(), LedgerError> {
        self.update(
            key,
            "UPDATE posts SET failure = ?2, failure_detail = ?3, failed_at = ?4 WHERE key = ?1",
            params![key.as_str(), failure.reason.code(), failure.detail, ts(now)],
        )
    }

    fn update(&mut self, key: &PostKey, sql: &str, params: impl rusqlite::Params) -> Result<(), LedgerError> {
        match self.conn.execute(sql, params)? {
            0 => Err(LedgerError::UnknownKey(key.to_string())),
            _ => Ok(()),
        }
    }
}

/// Writes inside one [`Ledger::write`] transaction.
pub struct Batch<'a> {
    pub(super) conn: &'a Connection,
}

impl Batch<'_> {
    /// Records a post as intended; `false` when a post with this key exists already (the same post).
    pub fn intend(&self, intent: &Intent, now: DateTime<Utc>) -> Result<bool, LedgerError> {
        let added = self.conn.execute(
            "INSERT OR IGNORE INTO posts (key, kind, name, slot, target, briefing, version, state, attempts,
                next_attempt, deadline, intended_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'intended', 0, ?8, ?9, ?8)",
            params![
                intent.key.as_str(),
                intent.kind.code(),
                intent.name,
                intent.slot,
                intent.target,
                intent.briefing,
                intent.version,
                ts(now),
                ts(intent.deadline),
            ],
        )?;
        Ok(added == 1)
    }

    /// Records a digest run with the current briefing watermark (so record the briefings a run includes
    /// first); recording the same slot again changes nothing.
    pub fn record_run(&self, run: &Run) -> Result<(), LedgerError> {
        self.conn.execute(
            "INSERT OR IGNORE INTO runs (digest, slot, outcome, at, detail, watermark)
             VALUES (?1, ?2, ?3, ?4, ?5, (SELECT COALESCE(MAX(seq), 0) FROM briefings))",
            params![
                run.digest,
                ts(run.slot),
                run.outcome.code(),
                ts(run.at),
                run.detail
            ],
        )?;
        Ok(())
    }

    /// Records that `digest` has this schedule from `since` on, with the current briefing watermark (a
    /// changed schedule starts afresh).
    pub fn set_schedule(
        &self,
        digest: &str,
        fingerprint: &str,
        since: DateTime<Utc>,
    ) -> Result<(), LedgerError> {
        self.conn.execute(
            "INSERT INTO schedules (digest, fingerprint, since, watermark)
             VALUES (?1, ?2, ?3, (SELECT COALESCE(MAX(seq), 0) FROM briefings))
             ON CONFLICT (digest) DO UPDATE SET fingerprint = excluded.fingerprint, since = excluded.since,
                watermark = excluded.watermark",
            params![digest, fingerprint, ts(since)],
        )?;
        Ok(())
    }

    /// Records a briefing's version. The first time, it also gets `first_seen` (`None` for the baseline)
    /// and the next number in the order of first sightings.
    pub fn see(&self, id: &str, version: &str, first_seen: Option<DateTime<Utc>>) -> Result<(), LedgerError> {
        self.conn.execute(
            "INSERT INTO briefings (id, version, first_seen, seq)
             VALUES (?1, ?2, ?3, (SELECT COALESCE(MAX(seq), 0) + 1 FROM briefings))
             ON CONFLICT (id) DO UPDATE SET version = excluded.version",
            params![id, version, first_seen.map(ts)],
        )?;
        Ok(())
    }

    pub fn set_baseline(&self, at: DateTime<Utc>) -> Result<(), LedgerError> {
        self.conn.execute(
            "INSERT OR REPLACE INTO meta (key, value) VALUES ('baseline', ?1)",
            params![ts(at).to_string()],
        )?;
        Ok(())
    }
}
