//! The ledger's database: SQLite (one process, the default) or PostgreSQL (several instances), behind one
//! small interface. The ledger's SQL is written once, in the dialect both share (`$n` parameters,
//! `ON CONFLICT`, `RETURNING`, `COUNT(CASE …)`); only the migrations and the transaction start differ.
//! Values are 64-bit integers (times in milliseconds) and text, so no type needs mapping.

mod postgres;
mod sqlite;

pub use postgres::{LOCK_CLASS, Postgres, config as postgres_config};
pub use sqlite::Sqlite;

/// A parameter: an integer or a text, either possibly NULL (typed, as PostgreSQL needs its type).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    Int(Option<i64>),
    Text(Option<String>),
}

impl From<i64> for Value {
    fn from(v: i64) -> Value {
        Value::Int(Some(v))
    }
}

impl From<u32> for Value {
    fn from(v: u32) -> Value {
        Value::Int(Some(v.into()))
    }
}

impl From<Option<i64>> for Value {
    fn from(v: Option<i64>) -> Value {
        Value::Int(v)
    }
}

impl From<&str> for Value {
    fn from(v: &str) -> Value {
        Value::Text(Some(v.to_string()))
    }
}

impl From<&String> for Value {
    fn from(v: &String) -> Value {
        Value::Text(Some(v.clone()))
    }
}

impl From<String> for Value {
    fn from(v: String) -> Value {
        Value::Text(Some(v))
    }
}

impl From<Option<&str>> for Value {
    fn from(v: Option<&str>) -> Value {
        Value::Text(v.map(str::to_string))
    }
}

/// The parameters of one statement, each converted with [`Value::from`].
macro_rules! args {
    ($($v:expr),* $(,)?) => { &[$($crate::digest::ledger::db::Value::from($v)),*][..] };
}
pub(crate) use args;

/// A column as read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cell {
    Null,
    Int(i64),
    Text(String),
}

/// One row of a result, read by column index.
#[derive(Debug, Clone, Default)]
pub struct Row(pub Vec<Cell>);

impl Row {
    fn cell(&self, i: usize) -> Result<&Cell, DbError> {
        self.0.get(i).ok_or(DbError::Shape {
            column: i,
            expected: "a column",
        })
    }

    pub fn opt_int(&self, i: usize) -> Result<Option<i64>, DbError> {
        match self.cell(i)? {
            Cell::Null => Ok(None),
            Cell::Int(v) => Ok(Some(*v)),
            Cell::Text(_) => Err(DbError::Shape {
                column: i,
                expected: "an integer",
            }),
        }
    }

    pub fn int(&self, i: usize) -> Result<i64, DbError> {
        self.opt_int(i)?.ok_or(DbError::Shape {
            column: i,
            expected: "an integer, not NULL",
        })
    }

    pub fn opt_text(&self, i: usize) -> Result<Option<String>, DbError> {
        match self.cell(i)? {
            Cell::Null => Ok(None),
            Cell::Text(v) => Ok(Some(v.clone())),
            Cell::Int(_) => Err(DbError::Shape {
                column: i,
                expected: "a text",
            }),
        }
    }

    pub fn text(&self, i: usize) -> Result<String, DbError> {
        self.opt_text(i)?.ok_or(DbError::Shape {
            column: i,
            expected: "a text, not NULL",
        })
    }
}

#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error("{0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("{0}")]
    Postgres(#[from] ::postgres::Error),
    #[error("column {column} is not {expected}")]
    Shape { column: usize, expected: &'static str },
    /// The database is from a newer build (its schema version); it is left untouched.
    #[error("schema {0} is newer than this build knows")]
    TooNew(i64),
}

/// Which database a ledger is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// What the ledger asks of its database. Statements run one at a time, each committed on its own unless
/// between [`Db::begin`] and [`Db::commit`].
pub trait Db: Send {
    fn backend(&self) -> Backend;
    /// Runs one statement; the number of rows it changed.
    fn execute(&mut self, sql: &str, args: &[Value]) -> Result<u64, DbError>;
    /// Runs one statement; the rows it returned.
    fn query(&mut self, sql: &str, args: &[Value]) -> Result<Vec<Row>, DbError>;
    /// Starts a transaction that writes: one writer at a time, across processes too, until it ends.
    fn begin(&mut self) -> Result<(), DbError>;
    fn commit(&mut self) -> Result<(), DbError>;
    fn rollback(&mut self) -> Result<(), DbError>;
    /// Brings the schema up to `migrations.len()`, each step with the version it reaches.
    fn migrate(&mut self, migrations: &[Migration]) -> Result<(), DbError>;
    /// "ok" for a sound database.
    fn integrity(&mut self) -> Result<String, DbError>;

    /// The first row, if any.
    fn query_opt(&mut self, sql: &str, args: &[Value]) -> Result<Option<Row>, DbError> {
        Ok(self.query(sql, args)?.into_iter().next())
    }
}

/// One step of the schema, in each dialect.
pub struct Migration {
    pub sqlite: &'static str,
    pub postgres: &'static str,
}
