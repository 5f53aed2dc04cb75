//! Scheduled digests and announcements, posted exactly once even across crashes.
//!
//! The core of it, with no chat platform inside: [`schedule`] says when runs are due (cron in an IANA zone,
//! daylight saving handled), [`select`] what a run posts, [`ledger`] records every post in SQLite before it
//! is sent, [`plan`] decides and records, [`send`] sends from the ledger and edits posts of corrected
//! briefings, and [`runner::Digests`] ties them to the engine on a [`clock::Clock`]. Adapters implement
//! [`poster::Poster`] and register it; see the README's "Digests and announcements: exactly once".

pub mod clock;
pub mod content;
pub mod leader;
pub mod ledger;
pub mod manual;
pub mod plan;
pub mod poster;
pub mod runner;
pub mod select;
pub mod send;
pub mod status;

pub use crate::target::{Platform, Target};
pub use clock::{Clock, ManualClock, ShiftedClock, SystemClock};
pub use poster::{BoxFuture, FailureReason, PostFailure, PostKey, PostedId, Poster, Retry};
pub use runner::{Digests, Tick, run, start};

#[cfg(test)]
mod tests;

use crate::i18n::{Lang, code};
use crate::response::Inline;
use crate::tr_inline;

/// Why no digest scheduler runs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoScheduler {
    /// A one-off command (`attache ask`): the scheduler runs with `attache run`.
    OneOff,
    /// The ledger could not be opened; the error says why.
    Ledger(String),
}

/// Why no scheduler runs, for a reply in `lang`.
pub fn why_off(lang: Lang, why: &NoScheduler) -> Inline {
    match why {
        NoScheduler::OneOff => tr_inline!(lang, "digest-off-one-off", command = code("attache run")),
        NoScheduler::Ledger(error) => tr_inline!(lang, "digest-off-ledger", error = error.as_str()),
    }
}
