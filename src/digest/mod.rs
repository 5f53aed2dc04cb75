//! Scheduled digests and announcements, posted exactly once even across crashes.
pub mod schedule;
pub mod select;
pub mod target;
