//! Reading the ledger: pending and sent posts, runs, schedules, briefings seen, and status per target.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use rusqlite::{OptionalExtension, Row, params};

use super::{
    FailureReason, Intent, Ledger, LedgerError, Post, PostKey, PostKind, PostState, PostedId, Run,
    RunOutcome, Seen, TargetRecord, from_ts, schema,
};

impl Ledger {
    /// Every post intended and not yet sent or failed, oldest first.
    pub fn pending(&self) -> Result<Vec<Post>, LedgerError> {
        self.posts("WHERE state = 'intended' ORDER BY intended_at, key", params![])
    }

    /// Every sent post of a briefing, for editing them when it is corrected.
    pub fn sent_of(&self, briefing: &str) -> Result<Vec<Post>, LedgerError> {
        self.posts(
            "WHERE state = 'sent' AND briefing = ?1 ORDER BY sent_at, key",
            params![briefing],
        )
    }

    pub fn post(&self, key: &PostKey) -> Result<Option<Post>, LedgerError> {
        Ok(self.posts("WHERE key = ?1", params![key.as_str()])?.pop())
    }

    /// Every post, oldest first (for tests and diagnostics).
    pub fn all_posts(&self) -> Result<Vec<Post>, LedgerError> {
        self.posts("ORDER BY intended_at, key", params![])
    }

    fn posts(&self, filter: &str, params: impl rusqlite::Params) -> Result<Vec<Post>, LedgerError> {
        let sql = format!("SELECT {} FROM posts {filter}", schema::POST_COLUMNS);
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map(params, post_from_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The latest run recorded for `digest`, whatever its outcome.
    pub fn last_run(&self, digest: &str) -> Result<Option<Run>, LedgerError> {
        self.run("WHERE digest = ?1 ORDER BY slot DESC LIMIT 1", digest)
    }

    /// The latest run of `digest` that was posted or found nothing to post (not skipped).
    pub fn last_done(&self, digest: &str) -> Result<Option<Run>, LedgerError> {
        self.run(
            "WHERE digest = ?1 AND outcome != 'skipped' ORDER BY slot DESC LIMIT 1",
            digest,
        )
    }

    /// The latest skipped run of `digest`.
    pub fn last_skipped(&self, digest: &str) -> Result<Option<Run>, LedgerError> {
        self.run(
            "WHERE digest = ?1 AND outcome = 'skipped' ORDER BY slot DESC LIMIT 1",
            digest,
        )
    }

    fn run(&self, filter: &str, digest: &str) -> Result<Option<Run>, LedgerError> {
        let sql = format!("SELECT digest, slot, outcome, at, detail, watermark FROM runs {filter}");
        Ok(self
            .conn
            .query_row(&sql, params![digest], |r| {
                Ok(Run {
                    digest: r.get(0)?,
                    slot: from_ts(r.get(1)?),
                    outcome: RunOutcome::from_code(&r.get::<_, String>(2)?),
                    at: from_ts(r.get(3)?),
                    detail: r.get(4)?,
                    watermark: r.get(5)?,
                })
            })
            .optional()?)
    }

    /// When `digest` was first seen with this schedule (`fingerprint`), and the briefing watermark then;
    /// runs before that are not its runs.
    pub fn schedule_since(
        &self,
        digest: &str,
        fingerprint: &str,
    ) -> Result<Option<(DateTime<Utc>, i64)>, LedgerError> {
        Ok(self
            .conn
            .query_row(
                "SELECT since, watermark FROM schedules WHERE digest = ?1 AND fingerprint = ?2",
                params![digest, fingerprint],
                |r| Ok((from_ts(r.get(0)?), r.get::<_, i64>(1)?)),
            )
            .optional()?)
    }

    /// Every briefing the ledger has seen.
    pub fn seen(&self) -> Result<HashMap<String, Seen>, LedgerError> {
        let mut stmt = self
            .conn
            .prepare("SELECT id, version, first_seen, seq FROM briefings")?;
        let rows = stmt.query_map([], |r| {
            let first: Option<i64> = r.get(2)?;
            Ok((
                r.get::<_, String>(0)?,
                Seen {
                    version: r.get(1)?,
                    first_seen: first.map(from_ts),
                    seq: r.get(3)?,
                },
            ))
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// When the ledger first took stock of the briefings, if it has.
    pub fn baseline(&self) -> Result<Option<DateTime<Utc>>, LedgerError> {
        Ok(self
            .conn
            .query_row("SELECT value FROM meta WHERE key = 'baseline'", [], |r| {
                r.get::<_, String>(0)
            })
            .optional()?
            .and_then(|v| v.parse().ok())
            .map(from_ts))
    }

    /// Per target: the last post sent, the last failure, and how many posts wait.
    pub fn targets(&self) -> Result<Vec<TargetRecord>, LedgerError> {
        let mut stmt = self.conn.prepare(
            "SELECT target,
                (SELECT sent_at FROM posts s WHERE s.target = p.target AND s.state = 'sent' ORDER BY sent_at DESC LIMIT 1),
                (SELECT briefing FROM posts s WHERE s.target = p.target AND s.state = 'sent' ORDER BY sent_at DESC LIMIT 1),
                (SELECT failed_at FROM posts f WHERE f.target = p.target AND f.failed_at IS NOT NULL ORDER BY failed_at DESC LIMIT 1),
                (SELECT failure FROM posts f WHERE f.target = p.target AND f.failed_at IS NOT NULL ORDER BY failed_at DESC LIMIT 1),
                (SELECT failure_detail FROM posts f WHERE f.target = p.target AND f.failed_at IS NOT NULL ORDER BY failed_at DESC LIMIT 1),
                SUM(state = 'intended')
             FROM posts p GROUP BY target ORDER BY target",
        )?;
        let rows = stmt.query_map([], |r| {
            let sent: Option<i64> = r.get(1)?;
            let failed: Option<i64> = r.get(3)?;
            Ok(TargetRecord {
                target: r.get(0)?,
                last_sent: sent.map(|t| (from_ts(t), r.get::<_, String>(2).unwrap_or_default())),
                last_failure: match failed {
                    Some(t) => Some((
                        from_ts(t),
                        FailureReason::from_code(&r.get::<_, String>(4)?),
                        r.get::<_, Option<String>>(5)?.unwrap_or_default(),
                    )),
                    None => None,
                },
                pending: r.get::<_, i64>(6)? as usize,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// `PRAGMA integrity_check`: "ok" for a sound file.
    pub fn integrity(&self) -> Result<String, LedgerError> {
        Ok(self.conn.query_row("PRAGMA integrity_check", [], |r| r.get(0))?)
    }
}

fn post_from_row(r: &Row<'_>) -> rusqlite::Result<Post> {
    let state: String = r.get("state")?;
    let failed_at: Option<i64> = r.get("failed_at")?;
    Ok(Post {
        intent: Intent {
            key: PostKey(r.get("key")?),
            kind: PostKind::from_code(&r.get::<_, String>("kind")?).unwrap_or(PostKind::Manual),
            name: r.get("name")?,
            slot: r.get("slot")?,
            target: r.get("target")?,
            briefing: r.get("briefing")?,
            version: r.get("version")?,
            deadline: from_ts(r.get("deadline")?),
        },
        state: match state.as_str() {
            "sent" => PostState::Sent,
            "failed" => PostState::Failed,
            _ => PostState::Intended,
        },
        message_id: r.get::<_, Option<String>>("message_id")?.map(PostedId),
        attempts: r.get("attempts")?,
        next_attempt: from_ts(r.get("next_attempt")?),
        intended_at: from_ts(r.get("intended_at")?),
        sent_at: r.get::<_, Option<i64>>("sent_at")?.map(from_ts),
        edited_at: r.get::<_, Option<i64>>("edited_at")?.map(from_ts),
        failure: match failed_at {
            Some(t) => Some((
                from_ts(t),
                FailureReason::from_code(&r.get::<_, String>("failure")?),
                r.get::<_, Option<String>>("failure_detail")?.unwrap_or_default(),
            )),
            None => None,
        },
    })
}
