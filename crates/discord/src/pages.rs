//! Which lists still have working paging buttons, for whom, and until when: the [`PageStore`] trait, its
//! in-memory implementation ([`MemoryPages`], for a single instance), the ledger's ([`LedgerPages`],
//! shared by instances on one PostgreSQL ledger), and [`contract`], the behaviour any implementation must
//! have, as a test it can run.
//!
//! A list is named by a key (the id of the interaction that made it). What is stored for it, a
//! [`Pager`], is plain fields: user ids, command lines, a token and a UTC time; no `Instant`, no typed
//! command. So a store shared by several instances of the bot (a database) can keep it, and a Next
//! pressed on one instance turns the pages of a list made on another. This module sends nothing: the
//! answering side ([`crate::answer`]) decides what to remember and removes the buttons of lapsed lists.

mod ledger;

pub use ledger::LedgerPages;

use std::collections::HashMap;
use std::sync::Mutex;

use chrono::{DateTime, Utc};

use crate::rest::Secret;
use attache_core::command::Command;
use attache_core::digest::BoxFuture;
use attache_core::response::Page;

/// At most this many lists keep working buttons in memory; beyond it, the one lapsing first goes first.
pub const MAX_PAGERS: usize = 10_000;

/// A list whose buttons still work, as plain fields any store can keep.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pager {
    /// The only user who may turn its pages.
    pub invoker: u64,
    /// The command lines ([`Command::to_line`]) of the previous and next pages, when there are such.
    pub prev: Option<String>,
    pub next: Option<String>,
    /// The token of the latest interaction that showed the list: its buttons are removed through it.
    pub token: Secret,
    /// When the buttons lapse (wall-clock time, the same on every instance).
    pub lapses: DateTime<Utc>,
}

impl Pager {
    /// The pager of `page`, shown by an interaction with `token`, lapsing at `lapses`.
    pub fn new(invoker: u64, page: &Page, token: &str, lapses: DateTime<Utc>) -> Pager {
        Pager {
            invoker,
            prev: page.prev.as_ref().map(Command::to_line),
            next: page.next.as_ref().map(Command::to_line),
            token: Secret::new(token),
            lapses,
        }
    }

    /// The command of the page `forward` (else back) from this one, parsed back from its line; `None`
    /// when there is no page that way. A line that no longer parses (the grammar changed between the
    /// instance that stored it and this one) counts as no page.
    pub fn command(&self, forward: bool) -> Option<Command> {
        let line = if forward { &self.next } else { &self.prev };
        line.as_deref().and_then(|l| Command::parse(l).ok())
    }
}

/// A store that could not be read or written (a database gone away).
#[derive(Debug, thiserror::Error)]
#[error("page store: {0}")]
pub struct PageStoreError(pub String);

/// Where the pagers live. Calls are async so that an implementation may do I/O (a database reached from a
/// thread of its own); none is held across another.
pub trait PageStore: Send + Sync {
    /// Keeps `pager` for list `key`, replacing any it had.
    fn remember(&self, key: u64, pager: Pager) -> BoxFuture<'_, Result<(), PageStoreError>>;

    /// The pager of list `key`, if one is kept (lapsed or not: the caller compares `lapses` with now).
    fn get(&self, key: u64) -> BoxFuture<'_, Result<Option<Pager>, PageStoreError>>;

    /// Removes and returns every pager whose `lapses` is at or before `now`. Each is returned once, to one
    /// caller, however many ask at the same time (so one instance removes a list's buttons).
    fn take_lapsed(&self, now: DateTime<Utc>) -> BoxFuture<'_, Result<Vec<(u64, Pager)>, PageStoreError>>;
}

/// Pagers in this process's memory, at most [`MAX_PAGERS`] of them. Lost on restart, and seen by this
/// instance only.
#[derive(Default)]
pub struct MemoryPages {
    // A std lock: held only to read or update the map, never across an `.await`.
    pagers: Mutex<HashMap<u64, Pager>>,
}

impl MemoryPages {
    pub fn new() -> MemoryPages {
        MemoryPages::default()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<u64, Pager>> {
        self.pagers.lock().unwrap_or_else(|e| e.into_inner())
    }
}

impl PageStore for MemoryPages {
    fn remember(&self, key: u64, pager: Pager) -> BoxFuture<'_, Result<(), PageStoreError>> {
        let mut pagers = self.lock();
        if pagers.len() >= MAX_PAGERS
            && !pagers.contains_key(&key)
            && let Some(first) = pagers.iter().min_by_key(|(_, p)| p.lapses).map(|(k, _)| *k)
        {
            pagers.remove(&first);
        }
        pagers.insert(key, pager);
        Box::pin(std::future::ready(Ok(())))
    }

    fn get(&self, key: u64) -> BoxFuture<'_, Result<Option<Pager>, PageStoreError>> {
        let found = self.lock().get(&key).cloned();
        Box::pin(std::future::ready(Ok(found)))
    }

    fn take_lapsed(&self, now: DateTime<Utc>) -> BoxFuture<'_, Result<Vec<(u64, Pager)>, PageStoreError>> {
        let mut pagers = self.lock();
        let keys: Vec<u64> = pagers
            .iter()
            .filter(|(_, p)| p.lapses <= now)
            .map(|(k, _)| *k)
            .collect();
        let taken = keys
            .into_iter()
            .filter_map(|k| pagers.remove(&k).map(|p| (k, p)))
            .collect();
        Box::pin(std::future::ready(Ok(taken)))
    }
}

/// What every [`PageStore`] must do, asserted on `store` (panics at the first broken rule): an unknown
/// list has no pager; a pager comes back with every field as stored, its command lines parsing back to
/// the commands; remembering a list again replaces its pager; `take_lapsed` takes exactly the lists
/// lapsed by then, each once, even when two instances ask at the same time.
///
/// Lapse times are in 2001, so lists other callers keep are not taken; keys come from the clock, so a
/// store left with the keys of an earlier run does not confuse this one.
pub async fn contract(store: &dyn PageStore) {
    let at = |s: i64| DateTime::from_timestamp(978_307_200 + s, 0).unwrap_or_default();
    let base = (Utc::now().timestamp_micros().unsigned_abs() % 1_000_000_000_000) * 1000;
    let (first, second, third, unknown) = (base + 1, base + 2, base + 3, base + 4);
    let page = Page {
        page: 2,
        pages: 3,
        total: 25,
        prev: Some(Command::parse("search \"cloud security\"").expect("a command")),
        next: Some(Command::parse("quotes speaker:\"Konstantin Noskov\" page:3").expect("a command")),
    };
    let ok = |what: &str, r: Result<(), PageStoreError>| r.unwrap_or_else(|e| panic!("{what}: {e}"));
    let got =
        |what: &str, r: Result<Option<Pager>, PageStoreError>| r.unwrap_or_else(|e| panic!("{what}: {e}"));
    let ours = |taken: Vec<(u64, Pager)>| -> Vec<u64> {
        let mut keys: Vec<u64> = taken
            .into_iter()
            .map(|(k, _)| k)
            .filter(|k| (base + 1..=base + 4).contains(k))
            .collect();
        keys.sort_unstable();
        keys
    };

    assert_eq!(
        got("get", store.get(unknown).await),
        None,
        "an unknown list has no pager"
    );
    let one = Pager::new(7, &page, "token-one", at(10));
    let two = Pager {
        prev: None,
        ..Pager::new(8, &page, "token-two", at(20))
    };
    ok("remember", store.remember(first, one.clone()).await);
    ok("remember", store.remember(second, two.clone()).await);
    let back = got("get", store.get(first).await).expect("a remembered pager is kept");
    assert_eq!(back, one, "a pager comes back as stored");
    assert_eq!(back.token.expose(), "token-one");
    assert_eq!(
        back.command(false),
        page.prev,
        "the previous page's command parses back"
    );
    assert_eq!(
        back.command(true),
        page.next,
        "the next page's command parses back"
    );
    let two_back = got("get", store.get(second).await).expect("kept");
    assert_eq!(two_back.command(false), None, "no previous page");

    // Pressed again: the newer interaction's token, and a later lapse.
    let one_again = Pager::new(7, &page, "token-one-again", at(30));
    ok("remember", store.remember(first, one_again.clone()).await);
    assert_eq!(
        got("get", store.get(first).await),
        Some(one_again),
        "remembering a list again replaces its pager"
    );

    let taken = store.take_lapsed(at(25)).await.expect("take_lapsed");
    assert_eq!(
        ours(taken),
        vec![second],
        "only the lists lapsed by then are taken"
    );
    assert_eq!(got("get", store.get(second).await), None, "a taken pager is gone");
    let again = store.take_lapsed(at(25)).await.expect("take_lapsed");
    assert!(ours(again).is_empty(), "a pager is taken once");
    let taken = store.take_lapsed(at(30)).await.expect("take_lapsed");
    assert_eq!(ours(taken), vec![first], "a pager lapsing exactly then is taken");

    ok(
        "remember",
        store
            .remember(third, Pager::new(9, &page, "token-three", at(1)))
            .await,
    );
    let (a, b) = tokio::join!(store.take_lapsed(at(2)), store.take_lapsed(at(2)));
    let mut both = ours(a.expect("take_lapsed"));
    both.extend(ours(b.expect("take_lapsed")));
    assert_eq!(
        both,
        vec![third],
        "two instances asking at once take a pager once between them"
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn memory_pages_keep_the_contract() {
        contract(&MemoryPages::new()).await;
    }

    #[tokio::test]
    async fn memory_pages_are_bounded_and_drop_the_first_to_lapse() {
        let store = MemoryPages::new();
        let page = Page {
            page: 1,
            pages: 2,
            total: 12,
            prev: None,
            next: Some(Command::parse("events page:2").unwrap()),
        };
        let at = |s: i64| DateTime::from_timestamp(1_700_000_000 + s, 0).unwrap();
        for key in 0..MAX_PAGERS as u64 {
            let lapses = if key == 5 { at(0) } else { at(100 + key as i64) };
            store
                .remember(key, Pager::new(1, &page, "t", lapses))
                .await
                .unwrap();
        }
        store
            .remember(u64::MAX, Pager::new(1, &page, "t", at(1)))
            .await
            .unwrap();
        assert_eq!(store.lock().len(), MAX_PAGERS);
        assert!(
            store.get(5).await.unwrap().is_none(),
            "the first to lapse made room"
        );
        assert!(store.get(u64::MAX).await.unwrap().is_some());
    }

    #[test]
    fn a_pagers_token_stays_out_of_its_debug_text() {
        let page = Page {
            page: 1,
            pages: 2,
            total: 12,
            prev: None,
            next: None,
        };
        let p = Pager::new(1, &page, "secret-token", Utc::now());
        assert!(!format!("{p:?}").contains("secret-token"));
    }
}
