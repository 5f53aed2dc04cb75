//! Matrix: the Matrix adapter.

pub mod render;
#[cfg(test)]
mod render_snapshots;
mod split;
