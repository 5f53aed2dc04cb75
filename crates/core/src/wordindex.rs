//! A word index: lowercase words to the items that hold them, with exact, prefix and one-typo lookups.
//!
//! Used for the names of briefings (resolving `<event>`) and the names of speakers (`quotes speaker:`), so
//! both cost the same with ten briefings or ten thousand. Typos are found with a deletion index (each word
//! with one character removed), as in SymSpell: a lookup touches a handful of keys instead of comparing
//! against every word.

use rustc_hash::FxHashMap as HashMap;

#[derive(Debug)]
pub struct WordIndex<T> {
    items: HashMap<Box<str>, Vec<T>>,
    /// Every word, sorted, for prefix lookups.
    sorted: Vec<Box<str>>,
    /// A word with one character removed, to the words it came from (positions in `sorted`).
    deletes: HashMap<Box<str>, Vec<u32>>,
}

impl<T> Default for WordIndex<T> {
    fn default() -> Self {
        WordIndex {
            items: HashMap::default(),
            sorted: Vec::new(),
            deletes: HashMap::default(),
        }
    }
}

impl<T: Copy + PartialEq> WordIndex<T> {
    /// Indexes `(word, item)` pairs; words should already be lowercase.
    pub fn build(pairs: impl IntoIterator<Item = (String, T)>) -> Self {
        let mut items: HashMap<Box<str>, Vec<T>> = HashMap::default();
        for (word, item) in pairs {
            let list = items.entry(word.into_boxed_str()).or_default();
            if list.last() != Some(&item) {
                list.push(item);
            }
        }
        let mut sorted: Vec<Box<str>> = items.keys().cloned().collect();
        sorted.sort_unstable();
        let mut deletes: HashMap<Box<str>, Vec<u32>> = HashMap::default();
        for (i, word) in sorted.iter().enumerate() {
            for d in one_deleted(word) {
                deletes.entry(d.into_boxed_str()).or_default().push(i as u32);
            }
        }
        WordIndex {
            items,
            sorted,
            deletes,
        }
    }

    /// Items holding exactly `word`.
    pub fn exact(&self, word: &str) -> &[T] {
        self.items.get(word).map_or(&[], Vec::as_slice)
    }

    /// Words starting with `prefix` (including `prefix` itself), with their items.
    pub fn prefixed<'a>(&'a self, prefix: &'a str) -> impl Iterator<Item = (&'a str, &'a [T])> + 'a {
        let start = self.sorted.partition_point(|w| &**w < prefix);
        self.sorted[start..]
            .iter()
            .take_while(move |w| w.starts_with(prefix))
            .map(|w| (&**w, self.items[w].as_slice()))
    }

    /// Words one edit away from `word` (an inserted, deleted, replaced or swapped character), with their items.
    pub fn near<'a>(&'a self, word: &str) -> Vec<(&'a str, &'a [T])> {
        let mut candidates: Vec<u32> = Vec::new();
        // `word` misses a character of an indexed word.
        candidates.extend(self.deletes.get(word).into_iter().flatten());
        for d in one_deleted(word) {
            // `word` has one character too many.
            if let Ok(i) = self.sorted.binary_search_by(|w| (**w).cmp(d.as_str())) {
                candidates.push(i as u32);
            }
            // One character replaced, or two swapped.
            candidates.extend(self.deletes.get(d.as_str()).into_iter().flatten());
        }
        candidates.sort_unstable();
        candidates.dedup();
        candidates
            .into_iter()
            .map(|i| &*self.sorted[i as usize])
            .filter(|w| *w != word && strsim::damerau_levenshtein(word, w) == 1)
            .map(|w| (w, self.items[w].as_slice()))
            .collect()
    }
}

/// `word` with each of its characters removed in turn.
fn one_deleted(word: &str) -> impl Iterator<Item = String> + '_ {
    word.char_indices().map(move |(i, c)| {
        let mut s = String::with_capacity(word.len());
        s.push_str(&word[..i]);
        s.push_str(&word[i + c.len_utf8()..]);
        s
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index() -> WordIndex<u32> {
        WordIndex::build(
            [
                ("infoforum", 1),
                ("shanghai", 1),
                ("summit", 2),
                ("security", 2),
                ("infoforum", 3),
            ]
            .map(|(w, i)| (w.to_string(), i)),
        )
    }

    #[test]
    fn exact_and_prefix() {
        let idx = index();
        assert_eq!(idx.exact("infoforum"), [1, 3]);
        let found: Vec<&str> = idx.prefixed("s").map(|(w, _)| w).collect();
        assert_eq!(found, ["security", "shanghai", "summit"]);
        assert!(idx.exact("nothing").is_empty());
    }

    #[test]
    fn every_kind_of_single_typo_is_found() {
        let idx = index();
        for typo in [
            "infofourm",
            "infoform",
            "infoforumm",
            "infoforun",
            "shangai",
            "sumit",
        ] {
            let near: Vec<&str> = idx.near(typo).into_iter().map(|(w, _)| w).collect();
            assert_eq!(near.len(), 1, "{typo}: {near:?}");
        }
        assert!(
            idx.near("infoforum").is_empty(),
            "the word itself is not a typo of itself"
        );
        assert!(idx.near("xyz").is_empty());
    }
}
