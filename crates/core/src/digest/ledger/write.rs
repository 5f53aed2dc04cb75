//! Writing the ledger: claiming a post for a send, its state changes, each committed on its own, and
//! [`Batch`], the writes of one planning transaction.

use chrono::{DateTime, Utc};

use super::db::{Db, args};
use super::{Intent, Ledger, LedgerError, PostFailure, PostKey, PostedId, Run, ts};

/// Who claims a post for a send, for how long, and under which leadership.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Claim {
    /// The claiming instance's name.
    pub holder: String,
    /// The end of the lease: past it, another instance may take the post over.
    pub until: DateTime<Utc>,
    /// The leadership epoch the claimant holds, for the leader's own sends; the claim fails once a later
    /// leader has taken over. `None` for a send any instance may make (a moderator's post).
    pub fence: Option<i64>,
}

/// How a claim went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Claimed {
    /// The post is ours until the lease ends.
    Yes,
    /// Another instance holds it (its lease is not over).
    Held,
    /// A later leader has taken over: this instance must not post.
    Fenced,
    /// It is not intended any more (sent or failed meanwhile).
    Settled,
}

/// The condition a claim and an attempt share: the post is intended and free (or ours, or its lease is
/// over), and, when a fence is given, the leadership epoch is still that one.
const FREE: &str = "state = 'intended' AND (holder IS NULL OR holder = $2 OR lease_until < $3)
    AND (CAST($4 AS TEXT) IS NULL OR (SELECT value FROM meta WHERE key = 'epoch') = CAST($4 AS TEXT))";

impl Ledger {
    /// Claims `key` for a send (see [`Claim`]).
    pub fn claim(
        &mut self,
        key: &PostKey,
        claim: &Claim,
        now: DateTime<Utc>,
    ) -> Result<Claimed, LedgerError> {
        let sql = format!("UPDATE posts SET holder = $2, lease_until = $5 WHERE key = $1 AND {FREE}");
        let fence = claim.fence.map(|e| e.to_string());
        let claimed = self.db.execute(
            &sql,
            args![
                key.as_str(),
                &claim.holder,
                ts(now),
                fence.as_deref(),
                ts(claim.until)
            ],
        )?;
        if claimed == 1 {
            return Ok(Claimed::Yes);
        }
        let Some(row) = self
            .db
            .query_opt("SELECT state FROM posts WHERE key = $1", args![key.as_str()])?
        else {
            return Err(LedgerError::UnknownKey(key.to_string()));
        };
        if row.text(0)? != "intended" {
            return Ok(Claimed::Settled);
        }
        Ok(if fence.is_some() && !self.epoch_is(claim.fence)? {
            Claimed::Fenced
        } else {
            Claimed::Held
        })
    }

    fn epoch_is(&mut self, fence: Option<i64>) -> Result<bool, LedgerError> {
        let epoch = self
            .db
            .query_opt("SELECT value FROM meta WHERE key = 'epoch'", args![])?
            .map(|r| r.text(0))
            .transpose()?;
        Ok(epoch == fence.map(|e| e.to_string()))
    }

    /// Gives a claim up without sending (the platform is not connected, say).
    pub fn release(&mut self, key: &PostKey, holder: &str) -> Result<(), LedgerError> {
        self.db.execute(
            "UPDATE posts SET holder = NULL, lease_until = NULL WHERE key = $1 AND holder = $2",
            args![key.as_str(), holder],
        )?;
        Ok(())
    }

    /// Forgets every claim: for a SQLite ledger at open, which one process alone holds.
    pub(super) fn release_all(&mut self) -> Result<(), LedgerError> {
        self.db.execute(
            "UPDATE posts SET holder = NULL, lease_until = NULL WHERE holder IS NOT NULL",
            args![],
        )?;
        Ok(())
    }

    /// Records that a send of `key` with content `version` begins, under `claim` (checked again, with
    /// the fence, right before the send). Committed before the send, so a crash during it leaves
    /// `attempts > 0` and whoever sends next looks for the post before sending again.
    pub fn begin_attempt(
        &mut self,
        key: &PostKey,
        version: &str,
        claim: &Claim,
        now: DateTime<Utc>,
    ) -> Result<Result<u32, Claimed>, LedgerError> {
        let sql = format!(
            "UPDATE posts SET attempts = attempts + 1, version = $5, next_attempt = $3, holder = $2,
                lease_until = $6
             WHERE key = $1 AND {FREE} RETURNING attempts"
        );
        let fence = claim.fence.map(|e| e.to_string());
        let row = self.db.query_opt(
            &sql,
            args![
                key.as_str(),
                &claim.holder,
                ts(now),
                fence.as_deref(),
                version,
                ts(claim.until)
            ],
        )?;
        match row {
            Some(r) => Ok(Ok(r.int(0)? as u32)),
            None => match self.claim(key, claim, now)? {
                // Free after all (a race with a release): not ours at the time of the update, so ask again.
                Claimed::Yes => self.begin_attempt(key, version, claim, now),
                other => Ok(Err(other)),
            },
        }
    }

    /// The post is on the platform as `id`.
    pub fn mark_sent(&mut self, key: &PostKey, id: &PostedId, now: DateTime<Utc>) -> Result<(), LedgerError> {
        self.update(
            key,
            "UPDATE posts SET state = 'sent', message_id = $2, sent_at = $3, holder = NULL, lease_until = NULL
             WHERE key = $1",
            args![key.as_str(), id.0.as_str(), ts(now)],
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
            "UPDATE posts SET next_attempt = $2, failure = $3, failure_detail = $4, failed_at = $5,
                holder = NULL, lease_until = NULL
             WHERE key = $1",
            args![
                key.as_str(),
                ts(next),
                failure.reason.code(),
                failure.detail.as_str(),
                ts(now)
            ],
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
            "UPDATE posts SET state = 'failed', failure = $2, failure_detail = $3, failed_at = $4,
                holder = NULL, lease_until = NULL
             WHERE key = $1",
            args![
                key.as_str(),
                failure.reason.code(),
                failure.detail.as_str(),
                ts(now)
            ],
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
            "UPDATE posts SET version = $2, edited_at = $3 WHERE key = $1",
            args![key.as_str(), version, ts(now)],
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
            "UPDATE posts SET failure = $2, failure_detail = $3, failed_at = $4 WHERE key = $1",
            args![
                key.as_str(),
                failure.reason.code(),
                failure.detail.as_str(),
                ts(now)
            ],
        )
    }

    fn update(&mut self, key: &PostKey, sql: &str, args: &[super::db::Value]) -> Result<(), LedgerError> {
        match self.db.execute(sql, args)? {
            0 => Err(LedgerError::UnknownKey(key.to_string())),
            _ => Ok(()),
        }
    }
}

/// Writes inside one [`Ledger::write`] transaction.
pub struct Batch<'a> {
    pub(super) db: &'a mut dyn Db,
}

impl Batch<'_> {
    /// Records a post as intended; `false` when a post with this key exists already (the same post).
    pub fn intend(&mut self, intent: &Intent, now: DateTime<Utc>) -> Result<bool, LedgerError> {
        let added = self.db.execute(
            "INSERT INTO posts (key, kind, name, slot, target, briefing, version, state, attempts,
                next_attempt, deadline, intended_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, 'intended', 0, $8, $9, $8)
             ON CONFLICT (key) DO NOTHING",
            args![
                intent.key.as_str(),
                intent.kind.code(),
                &intent.name,
                &intent.slot,
                &intent.target,
                &intent.briefing,
                &intent.version,
                ts(now),
                ts(intent.deadline),
            ],
        )?;
        Ok(added == 1)
    }

    /// Records a digest run with the current briefing watermark (so record the briefings a run includes
    /// first); recording the same slot again changes nothing.
    pub fn record_run(&mut self, run: &Run) -> Result<(), LedgerError> {
        self.db.execute(
            "INSERT INTO runs (digest, slot, outcome, at, detail, watermark)
             VALUES ($1, $2, $3, $4, $5, (SELECT COALESCE(MAX(seq), 0) FROM briefings))
             ON CONFLICT (digest, slot) DO NOTHING",
            args![
                &run.digest,
                ts(run.slot),
                run.outcome.code(),
                ts(run.at),
                &run.detail
            ],
        )?;
        Ok(())
    }

    /// Records that `digest` has this schedule from `since` on, with the current briefing watermark (a
    /// changed schedule starts afresh).
    pub fn set_schedule(
        &mut self,
        digest: &str,
        fingerprint: &str,
        since: DateTime<Utc>,
    ) -> Result<(), LedgerError> {
        self.db.execute(
            "INSERT INTO schedules (digest, fingerprint, since, watermark)
             VALUES ($1, $2, $3, (SELECT COALESCE(MAX(seq), 0) FROM briefings))
             ON CONFLICT (digest) DO UPDATE SET fingerprint = excluded.fingerprint, since = excluded.since,
                watermark = excluded.watermark",
            args![digest, fingerprint, ts(since)],
        )?;
        Ok(())
    }

    /// Records a briefing's version. The first time, it also gets `first_seen` (`None` for the baseline)
    /// and the next number in the order of first sightings.
    pub fn see(
        &mut self,
        id: &str,
        version: &str,
        first_seen: Option<DateTime<Utc>>,
    ) -> Result<(), LedgerError> {
        self.db.execute(
            "INSERT INTO briefings (id, version, first_seen, seq)
             VALUES ($1, $2, $3, (SELECT COALESCE(MAX(seq), 0) + 1 FROM briefings))
             ON CONFLICT (id) DO UPDATE SET version = excluded.version",
            args![id, version, first_seen.map(ts)],
        )?;
        Ok(())
    }

    pub fn set_baseline(&mut self, at: DateTime<Utc>) -> Result<(), LedgerError> {
        self.db.execute(
            "INSERT INTO meta (key, value) VALUES ('baseline', $1)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            args![ts(at).to_string()],
        )?;
        Ok(())
    }
}
