//! Resolving what a user typed for `<event>` to one briefing: by id, by words of its name, or not at all
//! with the closest ids offered ("Did you mean `infoforum-shanghai-2018`?").
//!
//! Words match when each typed word is a word of the briefing's id, title, event name, place or year, or
//! the start of one ("infofor shanghai"). A typo never silently picks a briefing: it is answered with a
//! suggestion, so a user never reads about the wrong event. Lookups go through a [`NameIndex`] built
//! with each snapshot ([`crate::names`]), so resolving costs the same with ten briefings or ten thousand.

use rustc_hash::FxHashMap as HashMap;
use std::sync::Arc;

use crate::briefing::Briefing;
use crate::names::{NameIndex, words};
use crate::store::Snapshot;

/// The outcome of resolving an event reference.
#[derive(Debug, Clone)]
pub enum Resolution {
    Found(Arc<Briefing>),
    /// Several briefings match equally well; listed best first.
    Ambiguous(Vec<Arc<Briefing>>),
    /// Nothing matched; the closest ids, best first (possibly none).
    NotFound {
        suggestions: Vec<String>,
    },
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
    let mut words = words(&q);
    words.sort_unstable();
    words.dedup();
    if words.is_empty() {
        return Resolution::NotFound {
            suggestions: Vec::new(),
        };
    }
    let index = snapshot.names();
    // Start from the rarest word, then check each candidate for the others: every word must match.
    words.sort_by_cached_key(|w| index.cost(w));
    let mut matches: Vec<(u32, u32, u32)> = index
        .candidates(&words[0])
        .into_iter()
        .filter_map(|d| {
            let score = words.iter().map(|w| index.score(d, w)).sum::<Option<u32>>()?;
            Some((score, index.per_doc[d as usize].len() as u32, d))
        })
        .collect();
    // More matched words first, then fewer extra words in the name, then snapshot order (newest first).
    matches.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let doc = |d: u32| snapshot.briefings()[d as usize].clone();
    match matches.as_slice() {
        [] => Resolution::NotFound {
            suggestions: suggestions(index, snapshot, &words),
        },
        [(_, _, only)] => Resolution::Found(doc(*only)),
        // A reference that matches more words of one briefing than of any other picks it.
        [(best, _, d), (second, _, _), ..] if best > second => Resolution::Found(doc(*d)),
        many => Resolution::Ambiguous(many.iter().take(MAX_CANDIDATES).map(|m| doc(m.2)).collect()),
    }
}

/// Briefings for what a user has typed so far in an event option (Discord autocomplete): ids that start
/// with it first, then briefings whose name has every typed word (the last one may be unfinished), then
/// near misses of a typo. Empty input lists the newest. At most `max`, best first.
pub fn complete(snapshot: &Snapshot, partial: &str, max: usize) -> Vec<Arc<Briefing>> {
    let q = partial.trim().to_lowercase();
    let all = snapshot.briefings();
    if q.is_empty() {
        return all.iter().take(max).cloned().collect();
    }
    let mut picked: Vec<u32> = Vec::new();
    let push = |d: u32, picked: &mut Vec<u32>| {
        if picked.len() < max && !picked.contains(&d) {
            picked.push(d);
        }
    };
    for (d, b) in all.iter().enumerate() {
        if picked.len() >= max {
            break;
        }
        if b.id.starts_with(&q) {
            push(d as u32, &mut picked);
        }
    }
    let typed = words(&q);
    let ends_in_word = !q.ends_with(|c: char| !c.is_alphanumeric());
    if let Some((last, whole)) = typed.split_last()
        && picked.len() < max
    {
        let index = snapshot.names();
        // The last word is still being typed, so any name word starting with it counts.
        let mut docs: Vec<u32> = if ends_in_word {
            index
                .words
                .prefixed(last)
                .flat_map(|(_, d)| d.iter().copied())
                .collect()
        } else {
            index.candidates(last)
        };
        docs.sort_unstable();
        docs.dedup();
        let mut ranked: Vec<(u32, u32)> = docs
            .into_iter()
            .filter_map(|d| {
                let score = whole.iter().map(|w| index.score(d, w)).sum::<Option<u32>>()?;
                Some((score, d))
            })
            .collect();
        ranked.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        for (_, d) in ranked {
            push(d, &mut picked);
        }
        if picked.is_empty() {
            for id in suggestions(index, snapshot, &typed) {
                if let Some(d) = all.iter().position(|b| b.id == id) {
                    push(d as u32, &mut picked);
                }
            }
        }
    }
    picked.into_iter().map(|d| all[d as usize].clone()).collect()
}

/// Ids of briefings whose name has, for every typed word, that word or a one-letter typo of it; the
/// briefings with the fewest typos come first.
fn suggestions(index: &NameIndex, snapshot: &Snapshot, words: &[String]) -> Vec<String> {
    // Each typed word's spellings in the index: itself (no typo) and its one-typo neighbours.
    let mut spellings: Vec<Vec<(&str, u32, &[u32])>> = words
        .iter()
        .map(|w| {
            let mut v: Vec<(&str, u32, &[u32])> = Vec::new();
            let exact = index.words.exact(w);
            if !exact.is_empty() {
                v.push((w.as_str(), 0, exact));
            }
            v.extend(index.words.near(w).into_iter().map(|(n, docs)| (n, 1, docs)));
            v
        })
        .collect();
    // Start from the word with the fewest briefings, then check each candidate for the other words.
    spellings.sort_by_key(|v| v.iter().map(|s| s.2.len()).sum::<usize>());
    let Some((first, rest)) = spellings.split_first() else {
        return Vec::new();
    };
    let mut typos: HashMap<u32, u32> = HashMap::default();
    for &(_, t, docs) in first {
        for &d in docs {
            let e = typos.entry(d).or_insert(t);
            *e = (*e).min(t);
        }
    }
    let mut ranked: Vec<(u32, u32)> = typos
        .into_iter()
        .filter_map(|(d, t)| {
            let names = &index.per_doc[d as usize];
            let more = rest
                .iter()
                .map(|word| {
                    word.iter()
                        .filter(|(spelling, _, _)| names.binary_search_by(|n| (**n).cmp(spelling)).is_ok())
                        .map(|s| s.1)
                        .min()
                })
                .sum::<Option<u32>>()?;
            Some((t + more, d))
        })
        .collect();
    ranked.sort_unstable();
    ranked
        .into_iter()
        .take(MAX_CANDIDATES)
        .map(|(_, d)| snapshot.briefings()[d as usize].id.clone())
        .collect()
}
