//! Scheduled digests and announcements, posted exactly once even across crashes.
pub mod schedule;
pub mod target;
