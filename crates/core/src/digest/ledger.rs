//! The ledger: a database recording every digest and announcement post before it is sent, so a restart
//! after any crash neither repeats a post nor loses one. A SQLite file by default; PostgreSQL when several
//! instances share it ([`db`]).
//!
//! A post moves `intended` → `sent` (with the platform's message id) or `failed` (with a reason). A send
//! is claimed first (`claim`): the claimant's name and a lease, so no other task or instance touches the
//! post meanwhile, and, for the leader's sends, the leadership epoch it holds, so a deposed leader cannot
//! post. An `intended` row whose `attempts` is above zero may already be on the platform; the sender asks
//! the poster to find it by key before sending again. A commit is durable when it returns (SQLite: WAL
//! with `synchronous = FULL`; PostgreSQL: its default), so neither a SIGKILL nor a power cut loses a
//! committed row, and a transaction cut short leaves nothing behind. Only this module writes SQL.

pub mod db;
mod lists;
mod read;
mod schema;
mod thread;
mod write;

use std::fs::File;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use rusqlite::Connection;

use db::{Backend, Db, DbError};

use super::content::PostKind;
use super::poster::{FailureReason, PostFailure, PostKey, PostedId};

pub use lists::ListState;
pub use schema::SCHEMA_VERSION;
pub use thread::{LedgerThread, Opening};
pub use write::{Batch, Claim, Claimed};

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
    #[error(
        "the PostgreSQL ledger (from `${var}`, named by `data.database_url_env`) cannot be reached: {source}"
    )]
    Connect {
        var: String,
        #[source]
        source: DbError,
    },
    #[error(
        "`data.database_url_env` names the environment variable `{0}`, which is not set; set it to a postgres:// URL, or remove the key to use the SQLite ledger"
    )]
    NoUrl(String),
    #[error("ledger: {0}")]
    Db(#[from] DbError),
    #[error("ledger: no post with key {0}")]
    UnknownKey(String),
    #[error("ledger: a ledger call failed inside (see the log); the ledger keeps serving")]
    Gone,
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

/// Where a ledger lives.
#[derive(Clone, PartialEq, Eq)]
pub enum Location {
    /// A SQLite file, for one process.
    Sqlite(PathBuf),
    /// A PostgreSQL database shared by instances: the URL, and the variable it was read from (for errors).
    Postgres { url: String, var: String },
}

impl std::fmt::Debug for Location {
    // By hand: the URL may carry a password.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Location::Sqlite(p) => f.debug_tuple("Sqlite").field(p).finish(),
            Location::Postgres { var, .. } => f
                .debug_struct("Postgres")
                .field("var", var)
                .finish_non_exhaustive(),
        }
    }
}

impl Location {
    /// The ledger the config names: PostgreSQL at the URL in `data.database_url_env`'s variable (read
    /// through `env`), else the SQLite file `data.ledger`.
    pub fn from_config(
        config: &crate::config::Config,
        env: impl Fn(&str) -> Option<String>,
    ) -> Result<Location, LedgerError> {
        match &config.database_url_env {
            Some(var) => match env(var) {
                Some(url) => Ok(Location::Postgres {
                    url,
                    var: var.clone(),
                }),
                None => Err(LedgerError::NoUrl(var.clone())),
            },
            None => Ok(Location::Sqlite(config.ledger.clone())),
        }
    }

    pub fn backend(&self) -> Backend {
        match self {
            Location::Sqlite(_) => Backend::Sqlite,
            Location::Postgres { .. } => Backend::Postgres,
        }
    }
}

pub struct Ledger {
    db: Box<dyn Db>,
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
        let conn = Connection::open(path).map_err(DbError::from)?;
        let mut ledger = Ledger {
            db: Box::new(db::Sqlite::new(conn)?),
            path: Some(path.to_path_buf()),
            _lock: Some(lock),
        };
        ledger.prepare()?;
        // The lock file says this process alone has the file: a claim left in it is from one that died.
        ledger.release_all()?;
        Ok(ledger)
    }

    /// A ledger that lives in memory only: for tests, and for running without a data directory.
    pub fn in_memory() -> Result<Ledger, LedgerError> {
        let conn = Connection::open_in_memory().map_err(DbError::from)?;
        let mut ledger = Ledger {
            db: Box::new(db::Sqlite::new(conn)?),
            path: None,
            _lock: None,
        };
        ledger.prepare()?;
        Ok(ledger)
    }

    /// Connects to the PostgreSQL ledger at `url` and brings its schema up to date. Blocks: call it off
    /// the async workers (see [`LedgerThread::open`]).
    pub fn connect(url: &str, var: &str) -> Result<Ledger, LedgerError> {
        let connect = |source| LedgerError::Connect {
            var: var.to_string(),
            source,
        };
        let mut ledger = Ledger {
            db: Box::new(db::Postgres::connect(url).map_err(connect)?),
            path: None,
            _lock: None,
        };
        ledger.prepare().map_err(|e| match e {
            LedgerError::Db(source) => connect(source),
            e => e,
        })?;
        Ok(ledger)
    }

    /// Opens the ledger at `location`. Blocks: call it off the async workers.
    pub fn open_at(location: &Location) -> Result<Ledger, LedgerError> {
        match location {
            Location::Sqlite(path) => Ledger::open(path),
            Location::Postgres { url, var } => Ledger::connect(url, var),
        }
    }

    pub fn backend(&self) -> Backend {
        self.db.backend()
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    fn prepare(&mut self) -> Result<(), LedgerError> {
        self.db.migrate(schema::MIGRATIONS).map_err(|e| match e {
            DbError::TooNew(found) => LedgerError::TooNew {
                path: self.path.clone().unwrap_or_else(|| "PostgreSQL".into()),
                found,
            },
            e => LedgerError::Db(e),
        })
    }

    /// Runs `f` in one transaction: everything it writes is committed together, or not at all. Writers
    /// take turns, across instances too.
    pub fn write<T>(
        &mut self,
        f: impl FnOnce(&mut Batch<'_>) -> Result<T, LedgerError>,
    ) -> Result<T, LedgerError> {
        self.db.begin()?;
        let out = f(&mut Batch { db: self.db.as_mut() });
        match out {
            Ok(out) => {
                self.db.commit()?;
                Ok(out)
            }
            Err(e) => {
                if let Err(rollback) = self.db.rollback() {
                    tracing::warn!("ledger: rolling back failed too: {rollback}");
                }
                Err(e)
            }
        }
    }
}

#[cfg(test)]
mod tests;
