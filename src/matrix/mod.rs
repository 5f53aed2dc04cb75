//! Matrix: the Matrix adapter.

mod dedupe;
pub mod event;
pub mod input;
pub mod render;
mod split;

#[cfg(test)]
mod render_snapshots;
