//! The ledger on PostgreSQL, shared by every instance. A writing transaction takes a transaction-scoped
//! advisory lock first, so writers across instances take turns as they do on SQLite; a migration takes
//! another, so instances starting together migrate once. Commits are durable with PostgreSQL's default
//! `synchronous_commit = on`. A connection that broke is opened again on the next statement (never inside
//! a transaction: that one fails, as it would on SQLite).

use std::collections::HashMap;
use std::time::Duration;

use ::postgres::types::{ToSql, Type};
use ::postgres::{Client, NoTls, Statement};

use super::{Backend, Cell, Db, DbError, Migration, Row, Value};

/// The advisory lock keys (class, key) of this ledger: one class, so other users of the database are
/// not disturbed.
pub const LOCK_CLASS: i32 = 0x4174_7461; // "Atta"
const WRITE_LOCK: i32 = 1;
const MIGRATE_LOCK: i32 = 2;

pub struct Postgres {
    config: ::postgres::Config,
    client: Option<Client>,
    statements: HashMap<String, Statement>,
    in_transaction: bool,
}

/// Parses a `postgres://` URL (or a key=value string) and sets what the ledger needs: a bounded connect,
/// keepalives and a TCP user timeout, so a dead server or network fails a call in seconds, not minutes.
pub fn config(url: &str) -> Result<::postgres::Config, DbError> {
    let mut config: ::postgres::Config = url.parse()?;
    if config.get_connect_timeout().is_none() {
        config.connect_timeout(Duration::from_secs(10));
    }
    if config.get_application_name().is_none() {
        config.application_name("attache");
    }
    config
        .keepalives(true)
        .keepalives_idle(Duration::from_secs(10))
        .tcp_user_timeout(Duration::from_secs(10));
    Ok(config)
}

impl Postgres {
    /// Connects; call it off the async workers (the client runs its own small runtime).
    pub fn connect(url: &str) -> Result<Postgres, DbError> {
        let config = config(url)?;
        let client = config.connect(NoTls)?;
        Ok(Postgres {
            config,
            client: Some(client),
            statements: HashMap::new(),
            in_transaction: false,
        })
    }

    fn client(&mut self) -> Result<&mut Client, DbError> {
        let broken = self.client.as_ref().is_none_or(Client::is_closed);
        if broken && !self.in_transaction {
            self.statements.clear();
            self.client = None;
            self.client = Some(self.config.connect(NoTls)?);
        }
        match self.client.as_mut() {
            Some(c) => Ok(c),
            None => Err(DbError::Shape {
                column: 0,
                expected: "a connection",
            }),
        }
    }

    fn statement(&mut self, sql: &str) -> Result<Statement, DbError> {
        if let Some(s) = self.statements.get(sql) {
            return Ok(s.clone());
        }
        let s = self.client()?.prepare(sql)?;
        self.statements.insert(sql.to_string(), s.clone());
        Ok(s)
    }

    fn run<T>(
        &mut self,
        sql: &str,
        args: &[Value],
        f: impl FnOnce(&mut Client, &Statement, &[&(dyn ToSql + Sync)]) -> Result<T, ::postgres::Error>,
    ) -> Result<T, DbError> {
        let statement = self.statement(sql)?;
        let owned: Vec<Box<dyn ToSql + Sync>> = args
            .iter()
            .map(|a| -> Box<dyn ToSql + Sync> {
                match a {
                    Value::Int(v) => Box::new(*v),
                    Value::Text(v) => Box::new(v.clone()),
                }
            })
            .collect();
        let refs: Vec<&(dyn ToSql + Sync)> = owned.iter().map(|b| b.as_ref()).collect();
        let client = self.client()?;
        let out = f(client, &statement, &refs);
        if out.is_err() && client.is_closed() {
            // Prepared statements belong to the connection that is gone.
            self.statements.clear();
        }
        Ok(out?)
    }
}

fn cell(row: &::postgres::Row, i: usize) -> Result<Cell, DbError> {
    let ty = row.columns()[i].type_();
    let shape = DbError::Shape {
        column: i,
        expected: "an integer or a text",
    };
    Ok(if *ty == Type::INT8 {
        row.try_get::<_, Option<i64>>(i)?.map_or(Cell::Null, Cell::Int)
    } else if *ty == Type::INT4 {
        row.try_get::<_, Option<i32>>(i)?
            .map_or(Cell::Null, |v| Cell::Int(v.into()))
    } else if *ty == Type::INT2 {
        row.try_get::<_, Option<i16>>(i)?
            .map_or(Cell::Null, |v| Cell::Int(v.into()))
    } else if *ty == Type::BOOL {
        row.try_get::<_, Option<bool>>(i)?
            .map_or(Cell::Null, |v| Cell::Int(v.into()))
    } else if [Type::TEXT, Type::VARCHAR, Type::BPCHAR, Type::NAME].contains(ty) {
        row.try_get::<_, Option<String>>(i)?
            .map_or(Cell::Null, Cell::Text)
    } else {
        return Err(shape);
    })
}

impl Db for Postgres {
    fn backend(&self) -> Backend {
        Backend::Postgres
    }

    fn execute(&mut self, sql: &str, args: &[Value]) -> Result<u64, DbError> {
        self.run(sql, args, |c, s, a| c.execute(s, a))
    }

    fn query(&mut self, sql: &str, args: &[Value]) -> Result<Vec<Row>, DbError> {
        let rows = self.run(sql, args, |c, s, a| c.query(s, a))?;
        rows.iter()
            .map(|r| {
                (0..r.len())
                    .map(|i| cell(r, i))
                    .collect::<Result<_, _>>()
                    .map(Row)
            })
            .collect()
    }

    fn begin(&mut self) -> Result<(), DbError> {
        let client = self.client()?;
        client.batch_execute("BEGIN")?;
        self.in_transaction = true;
        let locked = self.client()?.execute(
            "SELECT pg_advisory_xact_lock($1, $2)",
            &[&LOCK_CLASS, &WRITE_LOCK],
        );
        if let Err(e) = locked {
            let _ = self.rollback();
            return Err(e.into());
        }
        Ok(())
    }

    fn commit(&mut self) -> Result<(), DbError> {
        self.in_transaction = false;
        Ok(self.client()?.batch_execute("COMMIT")?)
    }

    fn rollback(&mut self) -> Result<(), DbError> {
        self.in_transaction = false;
        match self.client.as_mut() {
            Some(c) if !c.is_closed() => Ok(c.batch_execute("ROLLBACK")?),
            // A transaction on a connection that is gone was rolled back by the server.
            _ => Ok(()),
        }
    }

    /// Numbered in `attache_schema`; the whole migration is one transaction (DDL is transactional here),
    /// under an advisory lock, so instances starting together migrate once.
    fn migrate(&mut self, migrations: &[Migration]) -> Result<(), DbError> {
        let client = self.client()?;
        let mut tx = client.transaction()?;
        tx.execute(
            "SELECT pg_advisory_xact_lock($1, $2)",
            &[&LOCK_CLASS, &MIGRATE_LOCK],
        )?;
        tx.batch_execute("CREATE TABLE IF NOT EXISTS attache_schema (version BIGINT NOT NULL)")?;
        let found: i64 = match tx.query_opt("SELECT version FROM attache_schema", &[])? {
            Some(r) => r.get(0),
            None => {
                tx.execute("INSERT INTO attache_schema (version) VALUES (0)", &[])?;
                0
            }
        };
        if found > migrations.len() as i64 {
            return Err(DbError::TooNew(found));
        }
        for m in migrations.iter().skip(found as usize) {
            tx.batch_execute(m.postgres)?;
        }
        tx.execute(
            "UPDATE attache_schema SET version = $1",
            &[&(migrations.len() as i64)],
        )?;
        tx.commit()?;
        Ok(())
    }

    fn integrity(&mut self) -> Result<String, DbError> {
        // PostgreSQL keeps its own consistency; this proves the connection and the schema answer.
        self.query("SELECT version FROM attache_schema", &[])?;
        Ok("ok".into())
    }
}
