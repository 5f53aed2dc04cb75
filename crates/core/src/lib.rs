//! Attaché's core: it serves event briefings on chat platforms: summaries, quotes, sponsors, topics and search over a
//! directory of briefing files.
//!
//! # Layout
//!
//! The core never imports a chat platform's library; adapters turn platform input into a [`command::Command`]
//! and a [`response::Response`] into platform output.
//!
//! - [`briefing`]: the briefing model and parsing one file (front matter, raw articles, located errors).
//! - [`extract`]: quotes, organizations, topics and facts from an article's text.
//! - [`store`]: loading the briefings directory into immutable snapshots; reloads and file watching.
//! - [`search`]: the full-text index of a snapshot, and snippets.
//! - [`resolve`]: what a user typed for `<event>` to one briefing, or suggestions.
//! - [`catalogue`]: every command's name, options and permission, declared once for all platforms.
//! - [`command`]: parsing a line into a `Command` and executing it into a `Response`.
//! - [`response`]: the neutral response model. [`render`]: its terminal rendering.
//! - [`engine`]: the entry point adapters call; permission checks, reloads, platform status.
//! - [`config`]: the TOML config, deserialized strictly then validated.
//! - [`digest`]: scheduled digests and announcements: cron schedules in IANA zones, the SQLite ledger that
//!   records each post before it is sent (so it is posted exactly once across crashes), edits of corrected
//!   briefings, and the `Poster` trait the platform adapters implement.
//! - [`eval`]: scoring extraction against labeled articles (`attache eval`).
//!
//! # What this crate may depend on
//!
//! No chat library, no HTTP client or server, no network code: `cargo tree -p attache-core` shows no
//! serenity, matrix-sdk, reqwest or hyper. Tokio is here only for the scheduler's timers and wake-ups
//! and for running ledger writes off the async workers. The Discord and Matrix adapters
//! (`attache-discord`, `attache-matrix`) and the `attache` binary depend on this crate, never the reverse.

pub mod briefing;
pub mod card;
pub mod catalogue;
pub mod command;
pub mod config;
pub mod digest;
pub mod engine;
pub mod eval;
pub mod exec;
pub mod extract;
pub mod i18n;
pub mod model;
pub mod names;
pub mod observe;
pub mod question;
pub mod render;
pub mod resolve;
pub mod response;
pub mod retry;
pub mod schedule;
pub mod search;
pub mod store;
pub mod target;
pub mod text;
mod tomlerr;
mod transient;
pub mod wordindex;

#[cfg(test)]
mod layers;
