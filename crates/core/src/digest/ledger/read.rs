//! Reading the ledger: pending and sent posts, runs, schedules, briefings seen, and status per target.

use std::collections::HashMap;

use chrono::{DateTime, Utc};

use super::db::{Row, args};
use super::{
    FailureReason, Intent, Ledger, LedgerError, Post, PostKey, PostKind, PostState, PostedId, Run,
    RunOutcome, Seen, TargetRecord, from_ts, schema,
};

impl Ledger {
    /// Every post intended and not yet sent or failed, oldest first.
    pub fn pending(&mut self) -> Result<Vec<Post>, LedgerError> {
        self.posts("WHERE state = 'intended' ORDER BY intended_at, key", args![])
    }

    /// Every sent post of a briefing, for editing them when it is corrected.
    pub fn sent_of(&mut self, briefing: &str) -> Result<Vec<Post>, LedgerError> {
        self.posts(
            "WHERE state = 'sent' AND briefing = $1 ORDER BY sent_at, key",
            args![briefing],
        )
    }

    pub fn post(&mut self, key: &PostKey) -> Result<Option<Post>, LedgerError> {
        Ok(self.posts("WHERE key = $1", args![key.as_str()])?.pop())
    }

    /// Every post, oldest first (for tests and diagnostics).
    pub fn all_posts(&mut self) -> Result<Vec<Post>, LedgerError> {
        self.posts("ORDER BY intended_at, key", args![])
    }

    fn posts(&mut self, filter: &str, args: &[super::db::Value]) -> Result<Vec<Post>, LedgerError> {
        let sql = format!("SELECT {} FROM posts {filter}", schema::POST_COLUMNS);
        self.db.query(&sql, args)?.iter().map(post_from_row).collect()
    }

    /// The latest run recorded for `digest`, whatever its outcome.
    pub fn last_run(&mut self, digest: &str) -> Result<Option<Run>, LedgerError> {
        self.run("WHERE digest = $1 ORDER BY slot DESC LIMIT 1", digest)
    }

    /// The latest run of `digest` that was posted or found nothing to post (not skipped).
    pub fn last_done(&mut self, digest: &str) -> Result<Option<Run>, LedgerError> {
        self.run(
            "WHERE digest = $1 AND outcome != 'skipped' ORDER BY slot DESC LIMIT 1",
            digest,
        )
    }

    /// The latest skipped run of `digest`.
    pub fn last_skipped(&mut self, digest: &str) -> Result<Option<Run>, LedgerError> {
        self.run(
            "WHERE digest = $1 AND outcome = 'skipped' ORDER BY slot DESC LIMIT 1",
            digest,
        )
    }

    fn run(&mut self, filter: &str, digest: &str) -> Result<Option<Run>, LedgerError> {
        let sql = format!("SELECT digest, slot, outcome, at, detail, watermark FROM runs {filter}");
        let Some(r) = self.db.query_opt(&sql, args![digest])? else {
            return Ok(None);
        };
        Ok(Some(Run {
            digest: r.text(0)?,
            slot: from_ts(r.int(1)?),
            outcome: RunOutcome::from_code(&r.text(2)?),
            at: from_ts(r.int(3)?),
            detail: r.text(4)?,
            watermark: r.int(5)?,
        }))
    }

    /// When `digest` was first seen with this schedule (`fingerprint`), and the briefing watermark then;
    /// runs before that are not its runs.
    pub fn schedule_since(
        &mut self,
        digest: &str,
        fingerprint: &str,
    ) -> Result<Option<(DateTime<Utc>, i64)>, LedgerError> {
        let row = self.db.query_opt(
            "SELECT since, watermark FROM schedules WHERE digest = $1 AND fingerprint = $2",
            args![digest, fingerprint],
        )?;
        Ok(match row {
            Some(r) => Some((from_ts(r.int(0)?), r.int(1)?)),
            None => None,
        })
    }

    /// Every briefing the ledger has seen.
    pub fn seen(&mut self) -> Result<HashMap<String, Seen>, LedgerError> {
        let rows = self
            .db
            .query("SELECT id, version, first_seen, seq FROM briefings", args![])?;
        rows.iter()
            .map(|r| {
                Ok((
                    r.text(0)?,
                    Seen {
                        version: r.text(1)?,
                        first_seen: r.opt_int(2)?.map(from_ts),
                        seq: r.int(3)?,
                    },
                ))
            })
            .collect()
    }

    /// When the ledger first took stock of the briefings, if it has.
    pub fn baseline(&mut self) -> Result<Option<DateTime<Utc>>, LedgerError> {
        Ok(self
            .db
            .query_opt("SELECT value FROM meta WHERE key = 'baseline'", args![])?
            .map(|r| r.text(0))
            .transpose()?
            .and_then(|v| v.parse().ok())
            .map(from_ts))
    }

    /// Per target: the last post sent, the last failure, and how many posts wait.
    pub fn targets(&mut self) -> Result<Vec<TargetRecord>, LedgerError> {
        let rows = self.db.query(
            "SELECT target,
                (SELECT sent_at FROM posts s WHERE s.target = p.target AND s.state = 'sent' ORDER BY sent_at DESC LIMIT 1),
                (SELECT briefing FROM posts s WHERE s.target = p.target AND s.state = 'sent' ORDER BY sent_at DESC LIMIT 1),
                (SELECT failed_at FROM posts f WHERE f.target = p.target AND f.failed_at IS NOT NULL ORDER BY failed_at DESC LIMIT 1),
                (SELECT failure FROM posts f WHERE f.target = p.target AND f.failed_at IS NOT NULL ORDER BY failed_at DESC LIMIT 1),
                (SELECT failure_detail FROM posts f WHERE f.target = p.target AND f.failed_at IS NOT NULL ORDER BY failed_at DESC LIMIT 1),
                COUNT(CASE WHEN state = 'intended' THEN 1 END)
             FROM posts p GROUP BY target ORDER BY target",
            args![],
        )?;
        rows.iter()
            .map(|r| {
                Ok(TargetRecord {
                    target: r.text(0)?,
                    last_sent: match r.opt_int(1)? {
                        Some(t) => Some((from_ts(t), r.opt_text(2)?.unwrap_or_default())),
                        None => None,
                    },
                    last_failure: match r.opt_int(3)? {
                        Some(t) => Some((
                            from_ts(t),
                            FailureReason::from_code(&r.opt_text(4)?.unwrap_or_default()),
                            r.opt_text(5)?.unwrap_or_default(),
                        )),
                        None => None,
                    },
                    pending: r.int(6)? as usize,
                })
            })
            .collect()
    }

    /// "ok" for a sound ledger (SQLite's `integrity_check`).
    pub fn integrity(&mut self) -> Result<String, LedgerError> {
        Ok(self.db.integrity()?)
    }
}

/// A post from the columns of [`schema::POST_COLUMNS`], in that order.
fn post_from_row(r: &Row) -> Result<Post, LedgerError> {
    Ok(Post {
        intent: Intent {
            key: PostKey(r.text(0)?),
            kind: PostKind::from_code(&r.text(1)?).unwrap_or(PostKind::Manual),
            name: r.text(2)?,
            slot: r.text(3)?,
            target: r.text(4)?,
            briefing: r.text(5)?,
            version: r.text(6)?,
            deadline: from_ts(r.int(11)?),
        },
        state: match r.text(7)?.as_str() {
            "sent" => PostState::Sent,
            "failed" => PostState::Failed,
            _ => PostState::Intended,
        },
        message_id: r.opt_text(8)?.map(PostedId),
        attempts: r.int(9)? as u32,
        next_attempt: from_ts(r.int(10)?),
        intended_at: from_ts(r.int(15)?),
        sent_at: r.opt_int(16)?.map(from_ts),
        edited_at: r.opt_int(17)?.map(from_ts),
        failure: match r.opt_int(14)? {
            Some(t) => Some((
                from_ts(t),
                FailureReason::from_code(&r.opt_text(12)?.unwrap_or_default()),
                r.opt_text(13)?.unwrap_or_default(),
            )),
            None => None,
        },
    })
}
