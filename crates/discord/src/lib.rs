//! Discord: slash commands, embeds and paging over serenity's gateway.
//!
//! The pure half needs no connection and is unit-tested: [`commands`] derives the application commands
//! from the catalogue, [`render`] turns a response into a message payload within every Discord limit,
//! [`interaction`] decides roles, commands, autocomplete choices and paging buttons, [`sync`] compares
//! registered commands with the wanted ones. The connection half is thin: [`rest`] sends those payloads
//! with Discord's rate limits honoured, and [`gateway`] receives interactions through serenity and answers
//! them; [`poster`] posts digests and announcements to channels, once each.

pub mod answer;
pub mod commands;
pub mod gateway;
pub mod interaction;
pub mod poster;
pub mod ratelimit;
pub mod render;
pub mod rest;
pub mod sync;

pub use gateway::run;
