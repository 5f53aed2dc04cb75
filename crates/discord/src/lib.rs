//! Discord: slash commands, embeds and paging, over serenity's gateway or Discord's HTTP interactions.
//!
//! The pure half needs no connection and is unit-tested: [`commands`] derives the application commands
//! from the catalogue, [`render`] turns a response into serenity's message builders within every Discord
//! limit, with [`markdown`] writing briefing text safely, [`interaction`] decides roles, commands,
//! autocomplete choices and paging buttons, [`sync`] compares registered commands with the wanted ones,
//! and [`ratelimit`] keeps Discord's rate-limit buckets; [`pages`] keeps which lists have working paging
//! buttons, behind a trait, in memory or in the ledger. The connection half is thin: [`rest`] sends
//! those payloads with the rate limits honoured, [`gateway`] receives interactions through serenity (or,
//! with HTTP interactions, [`endpoint`] checks the ones Discord posts, and [`over_http`] does the rest)
//! and [`answer`] answers them; [`poster`] posts digests and announcements to channels, once each. No
//! token reaches a log or an error: requests are named by route keys that leave interaction tokens out.

pub mod answer;
pub mod commands;
pub mod endpoint;
pub mod gateway;
pub mod interaction;
pub mod markdown;
pub mod over_http;
pub mod pages;
pub mod poster;
pub mod ratelimit;
pub mod render;
pub mod rest;
pub mod sync;

pub use answer::{Discord, First};
pub use endpoint::Endpoint;
pub use gateway::run;
pub use over_http::serve_http;
pub use pages::{LedgerPages, MemoryPages, PageStore, Pager};
