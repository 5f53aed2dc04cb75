//! Resolving what a user typed for `<event>` to one briefing: by id, by words of its name, or not at all
//! with the closest ids offered ("Did you mean `infoforum-shanghai-2018`?").
//!
//! Words match when each typed word is a word of the briefing's id, title, event name, place or year, or
//! the start of one ("infofor shanghai"). A typo never silently picks a briefing: it is answered with a
//! suggestion, so a user never reads about the wrong event.

use std::sync::Arc;

use crate::briefing::Briefing;
use crate::store::Snapshot;

/// The outcome of resolving an event reference.
#[derive(Debug, Clone)]
pub enum Resolution {
    Found(Arc<Briefing>),
    /// Several briefings match equally well; listed best first.
    Ambiguous(Vec<Arc<Briefing>>),
    /// Nothing matched; the closest ids, best first (possibly none).
    NotFound { suggestions: Vec<String> },
}

/// At most this many candidates are listed for an ambiguous reference or offered as suggestions.
pub const MAX_CANDIDATES: usize = 5;

pub fn resolve(snapshot: &Snapshot, query: &str) -> Resolution {
    let q = query.trim().to_lowercase();
    if let Some(b) = snapshot.get(&q) {
        return Resolution::Found(b.clone());
    }
    let slug = crate::briefing::slugify(&q);
    if let Some(b) = snapshot.get(&slug) {
        return Resolution::Found(b.clone());
    }
    let words: Vec<String> = words(&q);
    if words.is_empty() {
        return Resolution::NotFound { suggestions: Vec::new() };
    }
    // Score: exact word matches count more than prefix matches; fewer extra words in the name ranks higher.
    let mut matches: Vec<(u32, usize, &Arc<Briefing>)> = snapshot
        .briefings()
        .iter()
        .filter_map(|b| {
            let name = name_words(b);
            let mut score = 0u32;
            for w in &words {
                if name.iter().any(|n| n == w) {
                    score += 2;
                } else if w.chars().count() >= 3 && name.iter().any(|n| n.starts_with(w.as_str())) {
                    score += 1;
                } else {
                    return None;
                }
            }
            Some((score, name.len(), b))
        })
        .collect();
    matches.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    match matches.as_slice() {
        [] => Resolution::NotFound { suggestions: suggestions(snapshot, &q, &words) },
        [(_, _, only)] => Resolution::Found((*only).clone()),
        // A reference that matches more words of one briefing than of any other picks it.
        [(best, _, b), (second, _, _), ..] if best > second => Resolution::Found((*b).clone()),
        many => Resolution::Ambiguous(many.iter().take(MAX_CANDIDATES).map(|(_, _, b)| (*b).clone()).collect()),
    }
}

fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// The words a briefing can be called by.
fn name_words(b: &Briefing) -> Vec<String> {
    let mut out = words(&b.id);
    out.extend(words(&b.title));
    if let Some(e) = &b.event {
        out.extend(words(e));
    }
    if let Some(l) = &b.location {
        out.extend(words(l));
    }
    if let Some(d) = b.date {
        out.push(d.format("%Y").to_string());
    }
    out.sort();
    out.dedup();
    out
}

/// Ids that look like what was typed: by edit distance to the id, or by a typo in one of the name's words.
fn suggestions(snapshot: &Snapshot, q: &str, words: &[String]) -> Vec<String> {
    let mut scored: Vec<(f64, &str)> = snapshot
        .briefings()
        .iter()
        .filter_map(|b| {
            let whole = strsim::jaro_winkler(q, &b.id).max(strsim::jaro_winkler(q, &b.title.to_lowercase()));
            let name = name_words(b);
            // Each typed word against its best name word; the reference scores as its weakest word.
            let per_word = words
                .iter()
                .map(|w| {
                    name.iter()
                        .map(|n| strsim::normalized_damerau_levenshtein(w, n))
                        .fold(0.0, f64::max)
                })
                .fold(1.0, f64::min);
            let score = whole.max(per_word);
            (score >= 0.75).then_some((score, b.id.as_str()))
        })
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(b.1)));
    scored.into_iter().take(MAX_CANDIDATES).map(|(_, id)| id.to_string()).collect()
}
