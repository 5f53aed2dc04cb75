//! The paging state of lists shown in chat (a list's previous and next page, who may turn it, and the
//! handle to edit it with), kept in the ledger so that any instance can turn a list any other made.

use chrono::{DateTime, Utc};

use super::db::{Row, args};
use super::{Ledger, LedgerError, from_ts, ts};

/// At most this many lists are kept; beyond it, the ones lapsing soonest are dropped first.
const MAX_LISTS: i64 = 10_000;

/// One list whose buttons still work.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListState {
    /// The list's key (unique per list shown).
    pub key: String,
    /// Who may turn it (a platform user id).
    pub owner: String,
    /// The command lines of the previous and the next page.
    pub prev: Option<String>,
    pub next: Option<String>,
    /// What the platform needs to edit the message once its buttons lapse (an interaction token).
    pub handle: String,
    /// When its buttons lapse.
    pub lapses: DateTime<Utc>,
}

fn list_from_row(r: &Row) -> Result<ListState, LedgerError> {
    Ok(ListState {
        key: r.text(0)?,
        owner: r.text(1)?,
        prev: r.opt_text(2)?,
        next: r.opt_text(3)?,
        handle: r.text(4)?,
        lapses: from_ts(r.int(5)?),
    })
}

impl Ledger {
    /// Records (or updates) a list.
    pub fn remember_list(&mut self, list: &ListState) -> Result<(), LedgerError> {
        self.db.execute(
            "INSERT INTO lists (key, owner, prev, next, handle, lapses) VALUES ($1, $2, $3, $4, $5, $6)
             ON CONFLICT (key) DO UPDATE SET owner = excluded.owner, prev = excluded.prev,
                next = excluded.next, handle = excluded.handle, lapses = excluded.lapses",
            args![
                list.key.as_str(),
                list.owner.as_str(),
                list.prev.as_deref(),
                list.next.as_deref(),
                list.handle.as_str(),
                ts(list.lapses)
            ],
        )?;
        Ok(())
    }

    /// The list with this key, unless it has lapsed or was never recorded.
    pub fn list(&mut self, key: &str, now: DateTime<Utc>) -> Result<Option<ListState>, LedgerError> {
        self.db
            .query_opt(
                "SELECT key, owner, prev, next, handle, lapses FROM lists WHERE key = $1 AND lapses > $2",
                args![key, ts(now)],
            )?
            .map(|r| list_from_row(&r))
            .transpose()
    }

    /// Removes and returns the lists whose buttons have lapsed by `now`: each is returned to one caller
    /// only, whichever instance asks first. Beyond [`MAX_LISTS`], the lists lapsing soonest go too (their
    /// buttons simply stop working).
    pub fn take_lapsed_lists(&mut self, now: DateTime<Utc>) -> Result<Vec<ListState>, LedgerError> {
        self.db.execute(
            "DELETE FROM lists WHERE key NOT IN (SELECT key FROM lists ORDER BY lapses DESC, key LIMIT $1)",
            args![MAX_LISTS],
        )?;
        self.db
            .query(
                "DELETE FROM lists WHERE lapses <= $1 RETURNING key, owner, prev, next, handle, lapses",
                args![ts(now)],
            )?
            .iter()
            .map(list_from_row)
            .collect()
    }
}
