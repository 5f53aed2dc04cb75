//! The ledger on a SQLite file (or in memory): WAL with `synchronous = FULL`, so a commit is on disk when
//! it returns, and `BEGIN IMMEDIATE` for writes, so a writing transaction never has to be retried.

use std::borrow::Cow;

use rusqlite::Connection;
use rusqlite::types::ValueRef;

use super::{Backend, Cell, Db, DbError, Migration, Row, Value};

pub struct Sqlite {
    conn: Connection,
}

impl Sqlite {
    pub fn new(conn: Connection) -> Result<Sqlite, DbError> {
        // WAL: readers never block the writer, and a commit is one append. FULL: the append is synced
        // before the commit returns, so an intent is on disk before the post it announces is sent.
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "FULL")?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        Ok(Sqlite { conn })
    }

    /// The connection, for tests that look under the ledger.
    #[cfg(test)]
    pub fn conn(&self) -> &Connection {
        &self.conn
    }
}

/// `$1` → `?1`: SQLite reads `$1` as a named parameter, numbered by first appearance, not by its digits.
fn dialect(sql: &str) -> Cow<'_, str> {
    if !sql.contains('$') {
        return Cow::Borrowed(sql);
    }
    let mut out = String::with_capacity(sql.len());
    let mut chars = sql.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '$' && chars.peek().is_some_and(char::is_ascii_digit) {
            out.push('?');
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

fn bind(args: &[Value]) -> Vec<rusqlite::types::Value> {
    use rusqlite::types::Value as V;
    args.iter()
        .map(|a| match a {
            Value::Int(Some(v)) => V::Integer(*v),
            Value::Text(Some(v)) => V::Text(v.clone()),
            Value::Int(None) | Value::Text(None) => V::Null,
        })
        .collect()
}

impl Db for Sqlite {
    fn backend(&self) -> Backend {
        Backend::Sqlite
    }

    fn execute(&mut self, sql: &str, args: &[Value]) -> Result<u64, DbError> {
        let mut stmt = self.conn.prepare_cached(&dialect(sql))?;
        Ok(stmt.execute(rusqlite::params_from_iter(bind(args)))? as u64)
    }

    fn query(&mut self, sql: &str, args: &[Value]) -> Result<Vec<Row>, DbError> {
        let mut stmt = self.conn.prepare_cached(&dialect(sql))?;
        let width = stmt.column_count();
        let mut rows = stmt.query(rusqlite::params_from_iter(bind(args)))?;
        let mut out = Vec::new();
        while let Some(r) = rows.next()? {
            let mut row = Vec::with_capacity(width);
            for i in 0..width {
                row.push(match r.get_ref(i)? {
                    ValueRef::Null => Cell::Null,
                    ValueRef::Integer(v) => Cell::Int(v),
                    ValueRef::Text(t) => Cell::Text(String::from_utf8_lossy(t).into_owned()),
                    ValueRef::Real(v) => Cell::Int(v as i64),
                    ValueRef::Blob(b) => Cell::Text(String::from_utf8_lossy(b).into_owned()),
                });
            }
            out.push(Row(row));
        }
        Ok(out)
    }

    fn begin(&mut self) -> Result<(), DbError> {
        Ok(self.conn.execute_batch("BEGIN IMMEDIATE")?)
    }

    fn commit(&mut self) -> Result<(), DbError> {
        Ok(self.conn.execute_batch("COMMIT")?)
    }

    fn rollback(&mut self) -> Result<(), DbError> {
        Ok(self.conn.execute_batch("ROLLBACK")?)
    }

    /// Numbered by `PRAGMA user_version`.
    fn migrate(&mut self, migrations: &[Migration]) -> Result<(), DbError> {
        let found: i64 = self.conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if found > migrations.len() as i64 {
            return Err(DbError::TooNew(found));
        }
        for (from, m) in migrations.iter().enumerate().skip(found as usize) {
            let tx = self.conn.transaction()?;
            tx.execute_batch(m.sqlite)?;
            tx.pragma_update(None, "user_version", from as i64 + 1)?;
            tx.commit()?;
        }
        Ok(())
    }

    fn integrity(&mut self) -> Result<String, DbError> {
        Ok(self.conn.query_row("PRAGMA integrity_check", [], |r| r.get(0))?)
    }
}

#[cfg(test)]
mod tests {
    use super::dialect;

    #[test]
    fn parameters_keep_their_numbers() {
        assert_eq!(
            dialect("UPDATE t SET a = $2 WHERE k = $1 AND v = '$x'"),
            "UPDATE t SET a = ?2 WHERE k = ?1 AND v = '$x'"
        );
        assert!(matches!(dialect("SELECT 1"), std::borrow::Cow::Borrowed(_)));
    }
}
