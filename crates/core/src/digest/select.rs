//! Choosing the briefings a digest run posts, by its [`Select`] key.
//!
//! Pure: whether a briefing is new is asked of the caller (the ledger knows when each briefing was first
//! seen), so this needs no database.

use std::sync::Arc;

use crate::config::Select;
use crate::model::Briefing;
use crate::store::Snapshot;

/// At most this many briefings go out in one run, newest event first; a run that would post more says so in
/// the log. A burst of new files should not flood a channel.
pub const MAX_PER_RUN: usize = 10;

/// The briefings of `snapshot` that `select` chooses, newest event first, at most [`MAX_PER_RUN`]; `is_new` tells
/// whether a briefing id was first seen since the last run. The second value counts what was left out.
pub fn pick(
    select: &Select,
    snapshot: &Snapshot,
    is_new: impl Fn(&str) -> bool,
) -> (Vec<Arc<Briefing>>, usize) {
    let chosen: Vec<Arc<Briefing>> = match select {
        Select::Event(id) => snapshot.get(id).cloned().into_iter().collect(),
        Select::New => snapshot
            .briefings()
            .iter()
            .filter(|b| is_new(&b.id))
            .cloned()
            .collect(),
        Select::Tag { tag, new_only } => snapshot
            .briefings()
            .iter()
            .filter(|b| b.tags.iter().any(|t| t.eq_ignore_ascii_case(tag)))
            .filter(|b| !new_only || is_new(&b.id))
            .cloned()
            .collect(),
    };
    let left_out = chosen.len().saturating_sub(MAX_PER_RUN);
    (chosen.into_iter().take(MAX_PER_RUN).collect(), left_out)
}
