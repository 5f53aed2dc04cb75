//! Renderers: pure functions from a [`crate::response::Response`] to what a platform shows. This module has
//! the terminal's; the Discord and Matrix adapters bring theirs.

pub mod terminal;
