//! Discord: the pure half of the Discord adapter. Application commands derived from the catalogue, and
//! responses rendered as message payloads within every Discord limit.
//!
//! Nothing here talks to Discord or imports serenity: payloads are plain serde structures that the
//! connection layer sends as they are, so they can be checked against the documented limits in tests.

pub mod commands;
pub mod render;
