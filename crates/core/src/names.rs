//! The name words of every briefing of a snapshot (id, title, event name, place, year, aliases, and the
//! same of its other-language versions), indexed for
//! word, prefix and one-typo lookups. Built with each snapshot by the store; read by [`crate::resolve`].

use std::sync::Arc;

use crate::model::{Briefing, Translations};
use crate::wordindex::WordIndex;

/// Typed words shorter than this only match whole name words, not as prefixes.
const MIN_PREFIX: usize = 3;

/// Name words of every briefing of a snapshot, for word and typo lookups.
#[derive(Debug, Default)]
pub struct NameIndex {
    /// Name word to the briefings (positions in the snapshot) whose name holds it.
    pub(crate) words: WordIndex<u32>,
    /// Each briefing's name words, sorted, to check the other words of a reference against one candidate.
    pub(crate) per_doc: Vec<Vec<Box<str>>>,
}

impl NameIndex {
    /// The names of `briefings`, each with the names and aliases of its other-language versions.
    pub fn build(briefings: &[Arc<Briefing>], translations: &Translations) -> Self {
        let per_doc: Vec<Vec<Box<str>>> = briefings
            .iter()
            .map(|b| {
                let mut all = name_words(b);
                for t in translations.get(&b.id).into_iter().flatten() {
                    all.extend(name_words(t));
                }
                all.sort();
                all.dedup();
                all.into_iter().map(String::into_boxed_str).collect()
            })
            .collect();
        let words = WordIndex::build(
            per_doc
                .iter()
                .enumerate()
                .flat_map(|(i, ws)| ws.iter().map(move |w| (w.to_string(), i as u32))),
        );
        NameIndex { words, per_doc }
    }

    /// How well `word` matches briefing `doc`'s name: 2 for a whole word, 1 for the start of one.
    pub(crate) fn score(&self, doc: u32, word: &str) -> Option<u32> {
        let names = &self.per_doc[doc as usize];
        let at = names.partition_point(|n| &**n < word);
        match names.get(at) {
            Some(n) if &**n == word => Some(2),
            Some(n) if word.chars().count() >= MIN_PREFIX && n.starts_with(word) => Some(1),
            _ => None,
        }
    }

    /// Briefings matching `word` as a whole name word or, for longer words, the start of one.
    pub(crate) fn candidates(&self, word: &str) -> Vec<u32> {
        let mut docs: Vec<u32> = if word.chars().count() >= MIN_PREFIX {
            self.words
                .prefixed(word)
                .flat_map(|(_, d)| d.iter().copied())
                .collect()
        } else {
            self.words.exact(word).to_vec()
        };
        docs.sort_unstable();
        docs.dedup();
        docs
    }

    /// How many briefings a word would match, to start from the rarest word.
    pub(crate) fn cost(&self, word: &str) -> usize {
        if word.chars().count() >= MIN_PREFIX {
            self.words.prefixed(word).map(|(_, d)| d.len()).sum()
        } else {
            self.words.exact(word).len()
        }
    }
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
    for alias in &b.aliases {
        out.extend(words(alias));
    }
    if let Some(d) = b.date {
        out.push(d.format("%Y").to_string());
    }
    out.sort();
    out.dedup();
    out
}

/// Whether a typed (stemmed) word names a name word: as its start, or, for a Russian name in another case
/// ("Носкова" for "Носков", whose stem can come out longer), shortened by a letter or two but never below
/// four letters. A Latin name is matched as typed: "Noskova" is someone else than "Noskov".
pub fn names_word(name_word: &str, typed: &str) -> bool {
    let len = typed.chars().count();
    let cyrillic = typed
        .chars()
        .next()
        .is_some_and(|c| crate::text::script(c) == crate::text::Script::Cyrillic);
    let cuts = if cyrillic { 2 } else { 0 };
    (0..=cuts)
        .map(|cut| len.saturating_sub(cut))
        .filter(|n| *n >= 4.min(len))
        .any(|n| {
            let end = typed.char_indices().nth(n).map_or(typed.len(), |(i, _)| i);
            name_word.starts_with(&typed[..end])
        })
}

/// The lowercase words of `s`.
/// Stemmed, so a name matches in its other forms ("Инфофоруме" finds "Инфофорум"), and segmented where it
/// is Chinese ("信息论坛的主办方" holds "信息论坛").
pub(crate) fn words(s: &str) -> Vec<String> {
    crate::text::word_spans(s)
        .into_iter()
        .map(|r| {
            let lower = s[r].to_lowercase();
            crate::text::stem(&lower).into_owned()
        })
        .collect()
}
