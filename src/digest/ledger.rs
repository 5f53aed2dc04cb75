//! The ledger: a SQLite file recording every digest and announcement post before it is sent, so a restart
//! after any crash neither repeats a post nor loses one.
//!
//! A post moves `intended` → `sent` (with the platform's message id) or `failed` (with a reason). An
//! `intended` row whose `attempts` is above zero may already be on the platform; the scheduler asks the
//! poster to find it by key before sending again. The file is opened with WAL and `synchronous = FULL`: a
//! commit has reached the disk when it returns, so neither a SIGKILL nor a power cut loses a committed row,
//! and a transaction cut short leaves nothing behind. Only this module writes SQL.

mod schema;

use std::collections::HashMap;
use std::fs::File;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, Row, TransactionBehavior, params};

use super::content::PostKind;
use super::poster::{FailureReason, PostFailure, PostKey, PostedId};

pub use schema::SCHEMA_VERSION;

#[derive(Debug, thiserror::Error)]
pub enum LedgerError {
    #[error("{}: cannot open the ledger: {source}", path.display())]
    Open {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error(
        "{}: another Attaché is using this ledger; stop it, or point `data.ledger` at another file",
        path.display()
    )]
    Locked { path: PathBuf },
    #[error(
        "{}: the ledger was written by a newer Attaché (schema {found}; this one knows up to {SCHEMA_VERSION})",
        path.display()
    )]
    TooNew { path: PathBuf, found: i64 },
    #[error("ledger: {0}")]
    Sql(#[from] rusqlite::Error),
    #[error("ledger: no post with key {0}")]
    UnknownKey(String),
}

/// Where a post stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PostState {
    Intended,
    Sent,
    Failed,
}

/// A post to record before sending.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Intent {
    pub key: PostKey,
    pub kind: PostKind,
    /// The digest's name; empty for announcements and manual posts.
    pub name: String,
    /// The run's slot for a digest, the request id for a manual post, empty for an announcement.
    pub slot: String,
    /// The target as written, `discord:<id>` or `matrix:<room>`.
    pub target: String,
    pub briefing: String,
    /// The content version at the time of the intent.
    pub version: String,
    /// Past this, the post is not sent any more.
    pub deadline: DateTime<Utc>,
}

/// A post as recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Post {
    pub intent: Intent,
    pub state: PostState,
    pub message_id: Option<PostedId>,
    /// Sends begun; above zero, the post may be on the platform even while `intended`.
    pub attempts: u32,
    pub next_attempt: DateTime<Utc>,
    pub intended_at: DateTime<Utc>,
    pub sent_at: Option<DateTime<Utc>>,
    pub edited_at: Option<DateTime<Utc>>,
    /// The last failure of a send or an edit.
    pub failure: Option<(DateTime<Utc>, FailureReason, String)>,
}

/// How a digest run ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RunOutcome {
    /// Posts were intended for every target.
    Posted,
    /// Nothing was selected, so nothing was posted.
    Empty,
    /// The run was not posted: too late, or superseded by a later run.
    Skipped,
}

impl RunOutcome {
    fn code(self) -> &'static str {
        match self {
            RunOutcome::Posted => "posted",
            RunOutcome::Empty => "empty",
            RunOutcome::Skipped => "skipped",
        }
    }

    fn from_code(code: &str) -> RunOutcome {
        match code {
            "posted" => RunOutcome::Posted,
            "empty" => RunOutcome::Empty,
            _ => RunOutcome::Skipped,
        }
    }
}

/// One recorded run of a digest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Run {
    pub digest: String,
    pub slot: DateTime<Utc>,
    pub outcome: RunOutcome,
    /// When the run was decided (after the slot when it ran late).
    pub at: DateTime<Utc>,
    pub detail: String,
    /// The number of the last briefing seen when the run was recorded (set by the ledger).
    pub watermark: i64,
}

/// A briefing the ledger knows: its version when last looked at, and when it first appeared (`None` for
/// the briefings there before the ledger's first look, which are never "new").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Seen {
    pub version: String,
    pub first_seen: Option<DateTime<Utc>>,
    /// Its number in the order briefings were first seen.
    pub seq: i64,
}

/// What the ledger knows about one target, for `digest status`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TargetRecord {
    pub target: String,
    /// The last post that went out: when, and of which briefing.
    pub last_sent: Option<(DateTime<Utc>, String)>,
    /// The last failure: when, why, and the platform's words.
    pub last_failure: Option<(DateTime<Utc>, FailureReason, String)>,
    /// Posts intended and not sent yet.
    pub pending: usize,
}

pub struct Ledger {
    conn: Connection,
    path: Option<PathBuf>,
    // Held open for the ledger's life: the OS lock on it keeps a second process off this ledger, and the
    // OS releases it when the process dies, however it dies.
    _lock: Option<File>,
}

impl std::fmt::Debug for Ledger {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Ledger").field("path", &self.path).finish()
    }
}

fn ts(t: DateTime<Utc>) -> i64 {
    t.timestamp_millis()
}

fn from_ts(ms: i64) -> DateTime<Utc> {
    DateTime::from_timestamp_millis(ms).unwrap_or_default()
}

impl Ledger {
    /// Opens (creating, with its directory) the ledger at `path` and brings its schema up to date.
    pub fn open(path: &Path) -> Result<Ledger, LedgerError> {
        let io = |source| LedgerError::Open {
            path: path.to_path_buf(),
            source,
        };
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(io)?;
        }
        let mut lock_path = path.as_os_str().to_owned();
        lock_path.push(".lock");
        let lock = File::options()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&lock_path)
            .map_err(io)?;
        match lock.try_lock() {
            Ok(()) => {}
            Err(std::fs::TryLockError::WouldBlock) => {
                return Err(LedgerError::Locked {
                    path: path.to_path_buf(),
                });
            }
            Err(std::fs::TryLockError::Error(e)) => return Err(io(e)),
        }
        let conn = Connection::open(path)?;
        let mut ledger = Ledger {
            conn,
            path: Some(path.to_path_buf()),
            _lock: Some(lock),
        };
        ledger.prepare()?;
        Ok(ledger)
    }

    /// A ledger that lives in memory only: for tests, and for running without a data directory.
    pub fn in_memory() -> Result<Ledger, LedgerError> {
        let mut ledger = Ledger {
            conn: Connection::open_in_memory()?,
            path: None,
            _lock: None,
        };
        ledger.prepare()?;
        Ok(ledger)
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    fn prepare(&mut self) -> Result<(), LedgerError> {
        // WAL: readers never block the writer, and a commit is one append. FULL: the append is synced
        // before the commit returns, so an intent is on disk before the post it announces is sent.
        self.conn.pragma_update(None, "journal_mode", "WAL")?;
        self.conn.pragma_update(None, "synchronous", "FULL")?;
        self.conn.busy_timeout(std::time::Duration::from_secs(5))?;
        schema::migrate(&mut self.conn).map_err(|e| match e {
            schema::MigrateError::TooNew(found) => LedgerError::TooNew {
                path: self.path.clone().unwrap_or_default(),
                found,
            },
            schema::MigrateError::Sql(e) => LedgerError::Sql(e),
        })
    }

    /// Runs `f` in one transaction: everything it writes is committed together, or not at all.
    pub fn write<T>(
        &mut self,
        f: impl FnOnce(&Batch<'_>) -> Result<T, LedgerError>,
    ) -> Result<T, LedgerError> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let out = f(&Batch { conn: &tx })?;
        tx.commit()?;
        Ok(out)
    }

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

    /// `PRAGMA integrity_check`: "ok" for a sound file.
    pub fn integrity(&self) -> Result<String, LedgerError> {
        Ok(self.conn.query_row("PRAGMA integrity_check", [], |r| r.get(0))?)
    }
}

/// Writes inside one [`Ledger::write`] transaction.
pub struct Batch<'a> {
    conn: &'a Connection,
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

#[cfg(test)]
mod tests;
