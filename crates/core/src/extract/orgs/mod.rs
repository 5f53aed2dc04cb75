//! Organizations and their part in the event (sponsor, organizer, supporter, host, partner), in the
//! article's language: each finds a cue for the relation ([`en`]: "sponsored by", "X hosted the summit";
//! [`ru`]: при поддержке, организаторами выступили; [`zh`]: 由…主办, …承办) and the names in the same
//! clause, by their shape. Names in quotes (what a speaker says) and speakers' employers are never taken.

mod en;
mod en_subject;
mod ru;
mod zh;

use super::text::Block;
use crate::model::{Relation, Sponsor};
use crate::text::Lang;

/// Extracts organizations with their relation, in document order, deduplicated by name and relation.
pub(crate) fn extract(blocks: &[Block], lang: Lang) -> Vec<Sponsor> {
    match lang {
        Lang::En => en::extract(blocks),
        Lang::Ru => collect(ru::extract(blocks)),
        Lang::Zh => collect(zh::extract(blocks)),
    }
}

/// Names and relations as sponsors, without repeats, at most 200.
fn collect(found: Vec<(String, Relation)>) -> Vec<Sponsor> {
    let mut out: Vec<Sponsor> = Vec::new();
    for (name, relation) in found {
        let dup = out.iter().any(|s| s.relation == relation && s.name == name);
        if !dup && out.len() < 200 && !name.is_empty() {
            out.push(Sponsor {
                name,
                relation,
                country: None,
            });
        }
    }
    out
}
