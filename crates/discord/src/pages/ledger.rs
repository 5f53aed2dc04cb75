//! [`LedgerPages`]: pagers kept in the ledger's table of lists, so that instances sharing a PostgreSQL
//! ledger share them: a Next pressed on one instance turns a list another made, and the leader removes
//! the buttons of every lapsed list once. Each call runs on the ledger's own thread and is awaited, never
//! blocking an async worker.

use std::sync::Arc;

use chrono::{DateTime, Utc};

use super::{PageStore, PageStoreError, Pager};
use crate::rest::Secret;
use attache_core::digest::BoxFuture;
use attache_core::digest::ledger::{LedgerThread, ListState};

/// Discord's lists are keyed `discord:<interaction id>` in the ledger.
const PREFIX: &str = "discord:";

/// Pagers in the ledger's database.
pub struct LedgerPages {
    ledger: Arc<dyn AsRef<LedgerThread> + Send + Sync>,
}

impl LedgerPages {
    /// Pagers in the ledger `ledger`'s thread owns (the scheduler's, in the bot).
    pub fn new(ledger: Arc<dyn AsRef<LedgerThread> + Send + Sync>) -> LedgerPages {
        LedgerPages { ledger }
    }

    fn thread(&self) -> &LedgerThread {
        (*self.ledger).as_ref()
    }
}

fn to_list(key: u64, pager: Pager) -> ListState {
    ListState {
        key: format!("{PREFIX}{key}"),
        owner: pager.invoker.to_string(),
        prev: pager.prev,
        next: pager.next,
        handle: pager.token.expose().to_string(),
        lapses: pager.lapses,
    }
}

/// A list as this adapter stored it; `None` for a key of another kind.
fn from_list(list: ListState) -> Option<Result<(u64, Pager), PageStoreError>> {
    let key = list.key.strip_prefix(PREFIX)?.parse::<u64>().ok()?;
    let pager = list
        .owner
        .parse::<u64>()
        .map(|invoker| Pager {
            invoker,
            prev: list.prev,
            next: list.next,
            token: Secret::new(list.handle),
            lapses: list.lapses,
        })
        .map_err(|_| PageStoreError(format!("list {key}: the owner is not a Discord user id")));
    Some(pager.map(|p| (key, p)))
}

fn failed(e: impl std::fmt::Display) -> PageStoreError {
    PageStoreError(e.to_string())
}

impl PageStore for LedgerPages {
    fn remember(&self, key: u64, pager: Pager) -> BoxFuture<'_, Result<(), PageStoreError>> {
        let list = to_list(key, pager);
        Box::pin(async move {
            self.thread()
                .call(move |l| l.remember_list(&list))
                .await
                .map_err(failed)
        })
    }

    fn get(&self, key: u64) -> BoxFuture<'_, Result<Option<Pager>, PageStoreError>> {
        Box::pin(async move {
            let key = format!("{PREFIX}{key}");
            // Lapsed or not (the caller compares): every list lapses after the epoch.
            let found = self
                .thread()
                .call(move |l| l.list(&key, DateTime::<Utc>::default()))
                .await
                .map_err(failed)?;
            found.and_then(from_list).transpose().map(|p| p.map(|(_, p)| p))
        })
    }

    fn take_lapsed(&self, now: DateTime<Utc>) -> BoxFuture<'_, Result<Vec<(u64, Pager)>, PageStoreError>> {
        Box::pin(async move {
            // The ledger's lists are all Discord's (Matrix keeps none), so none is taken from another
            // adapter here.
            let taken = self
                .thread()
                .call(move |l| l.take_lapsed_lists(now))
                .await
                .map_err(failed)?;
            taken.into_iter().filter_map(from_list).collect()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pages::contract;
    use attache_core::digest::ledger::{Ledger, Location};

    fn sqlite() -> LedgerPages {
        let ledger = LedgerThread::spawn(Ledger::in_memory().expect("a ledger in memory"));
        LedgerPages::new(Arc::new(ledger))
    }

    /// A fresh database on the test server, and a ledger on it opened as an instance would.
    async fn postgres(url: &str) -> LedgerPages {
        let location = Location::Postgres {
            url: url.to_string(),
            var: "the test server".into(),
        };
        let ledger = LedgerThread::open(location)
            .ready()
            .await
            .expect("a PostgreSQL ledger");
        LedgerPages::new(Arc::new(ledger))
    }

    #[tokio::test]
    async fn ledger_pages_keep_the_contract_on_sqlite() {
        contract(&sqlite()).await;
    }

    #[tokio::test]
    async fn ledger_pages_keep_the_contract_on_postgres() {
        let url = pg_harness::postgres().fresh_database();
        contract(&postgres(&url).await).await;
    }

    /// Two instances on one PostgreSQL ledger: a list one made is turned through the other, and the lapse
    /// of a list is taken by one of them only, even when both ask at once.
    #[tokio::test]
    async fn instances_sharing_a_postgres_ledger_share_their_lists() {
        let url = pg_harness::postgres().fresh_database();
        let (a, b) = (postgres(&url).await, postgres(&url).await);
        let page = attache_core::response::Page {
            page: 1,
            pages: 3,
            total: 30,
            prev: None,
            next: Some(attache_core::command::Command::parse("events page:2").expect("a command")),
        };
        // Whole seconds: the ledger keeps milliseconds.
        let soon = DateTime::from_timestamp(Utc::now().timestamp() + 600, 0).expect("a time");
        let made = Pager::new(42, &page, "token-a", soon);
        a.remember(7, made.clone()).await.expect("remember");
        assert_eq!(b.get(7).await.expect("get"), Some(made), "seen by the other");
        // Turned on b: b's newer token and lapse replace a's.
        let turned = Pager::new(42, &page, "token-b", soon + chrono::Duration::minutes(1));
        b.remember(7, turned.clone()).await.expect("remember");
        assert_eq!(a.get(7).await.expect("get"), Some(turned));
        let later = soon + chrono::Duration::minutes(2);
        let (x, y) = tokio::join!(a.take_lapsed(later), b.take_lapsed(later));
        let mut keys: Vec<u64> = x.expect("take").into_iter().map(|(k, _)| k).collect();
        keys.extend(y.expect("take").into_iter().map(|(k, _)| k));
        assert_eq!(keys, vec![7], "taken by one instance, once");
    }

    #[test]
    fn keys_of_other_kinds_are_left_out() {
        let list = ListState {
            key: "matrix:7".into(),
            owner: "@a:b".into(),
            prev: None,
            next: None,
            handle: String::new(),
            lapses: Utc::now(),
        };
        assert!(from_list(list).is_none());
    }
}
