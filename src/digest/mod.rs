//! Scheduled digests and announcements, posted exactly once even across crashes.
pub mod clock;
pub mod content;
pub mod ledger;
pub mod poster;
pub mod schedule;
pub mod select;
pub mod target;
