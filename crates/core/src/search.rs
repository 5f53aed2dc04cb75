//! Full-text search over briefings: an inverted index with field weights, ranked BM25-style, and snippets.
//!
//! Built once per snapshot and never mutated, so searches take no lock. Knows nothing of commands or
//! rendering: it returns scored document numbers and plain snippets with the matched ranges marked.

use rustc_hash::FxHashMap as HashMap;
use std::ops::Range;
use std::sync::Arc;

use rayon::prelude::*;

use crate::model::Briefing;
use crate::text;

const K1: f32 = 1.2;
const B: f32 = 0.5;
/// Query words shorter than this are not expanded as prefixes ("se" would match half the index).
const MIN_PREFIX: usize = 3;
const MAX_EXPANSIONS: usize = 32;

/// Words too common to help ranking, in English, Russian and Chinese; dropped from the index and from
/// queries.
fn is_stopword(word: &str) -> bool {
    matches!(
        word,
        "a" | "an"
            | "and"
            | "are"
            | "as"
            | "at"
            | "be"
            | "by"
            | "for"
            | "from"
            | "has"
            | "have"
            | "in"
            | "is"
            | "it"
            | "its"
            | "of"
            | "on"
            | "or"
            | "that"
            | "the"
            | "this"
            | "to"
            | "was"
            | "were"
            | "will"
            | "with"
            | "и"
            | "в"
            | "во"
            | "не"
            | "что"
            | "на"
            | "с"
            | "со"
            | "как"
            | "а"
            | "то"
            | "но"
            | "к"
            | "у"
            | "же"
            | "за"
            | "по"
            | "от"
            | "о"
            | "об"
            | "из"
            | "для"
            | "это"
            | "был"
            | "была"
            | "были"
            | "его"
            | "их"
            | "при"
            | "также"
            | "的"
            | "了"
            | "是"
            | "在"
            | "和"
            | "与"
            | "及"
            | "等"
            | "也"
            | "对"
            | "将"
            | "为"
    )
}

/// How much a word in each field counts relative to a word in the body.
mod weight {
    pub const TITLE: f32 = 4.0;
    pub const EVENT: f32 = 4.0;
    pub const TAG: f32 = 3.0;
    pub const SPEAKER: f32 = 3.0;
    pub const TOPIC: f32 = 2.0;
    pub const SPONSOR: f32 = 2.0;
    pub const PLACE: f32 = 2.0;
    pub const THEME: f32 = 2.0;
    pub const SUMMARY: f32 = 1.5;
    pub const QUOTE: f32 = 1.5;
    pub const BODY: f32 = 1.0;
}

/// The inverted index of one snapshot.
#[derive(Debug, Default)]
pub struct SearchIndex {
    postings: Postings,
    /// Every indexed term, sorted, for prefix expansion.
    terms: Vec<Box<str>>,
    /// Per document, BM25's length normalisation `K1 * (1 - B + B * len / avg_len)`, computed once.
    length_norm: Vec<f32>,
}

/// One ranked result: the position of the briefing in the snapshot's list, and its score.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub doc: usize,
    pub score: f32,
}

impl SearchIndex {
    /// The index of `briefings`, each document holding the words of its other-language versions too.
    pub fn build(briefings: &[Arc<Briefing>], translations: &crate::model::Translations) -> Self {
        // Each worker indexes a run of documents into postings of its own; the runs are then joined. Postings
        // need not be sorted by document: a search scores into dense per-document arrays.
        let (postings, mut lens): (Postings, Lengths) = briefings
            .par_iter()
            .enumerate()
            .fold(
                || (Postings::default(), Vec::new()),
                |(mut postings, mut lens), (doc, b)| {
                    // Within one worker, documents come in increasing order: a term already seen in
                    // this document is the last entry of its list.
                    let doc = doc as u32;
                    let mut len = 0.0;
                    let versions = std::iter::once(b).chain(translations.get(&b.id).into_iter().flatten());
                    for version in versions {
                        each_term(version, |term, w| {
                            len += w;
                            match postings.get_mut(term) {
                                Some(list) => match list.last_mut() {
                                    Some((d, total)) if *d == doc => *total += w,
                                    _ => list.push((doc, w)),
                                },
                                None => {
                                    postings.insert(term.into(), vec![(doc, w)]);
                                }
                            }
                        });
                    }
                    lens.push((doc, len));
                    (postings, lens)
                },
            )
            .reduce(
                || (Postings::default(), Vec::new()),
                |(a, lens_a), (b, lens_b)| {
                    // Join the smaller map into the larger one.
                    if a.len() < b.len() {
                        merge_postings(b, a, lens_b, lens_a)
                    } else {
                        merge_postings(a, b, lens_a, lens_b)
                    }
                },
            );
        lens.sort_unstable_by_key(|(doc, _)| *doc);
        let doc_len: Vec<f32> = lens.into_iter().map(|(_, len)| len).collect();
        let mut terms: Vec<Box<str>> = postings.keys().cloned().collect();
        terms.sort_unstable();
        let avg_len = if doc_len.is_empty() {
            1.0
        } else {
            (doc_len.iter().sum::<f32>() / doc_len.len() as f32).max(1.0)
        };
        let length_norm = doc_len
            .iter()
            .map(|len| K1 * (1.0 - B + B * len / avg_len))
            .collect();
        SearchIndex {
            postings,
            terms,
            length_norm,
        }
    }

    /// Ranks documents for `query`, best first. A query word with no exact match is expanded as a prefix
    /// ("secur" finds "security"); documents matching more of the query words always rank higher.
    pub fn search(&self, query: &str) -> Vec<Hit> {
        self.search_page(query, 0, usize::MAX).0
    }

    /// The hits ranked `skip..skip + take` for `query`, and how many documents matched in all. Only the
    /// requested page is fully sorted, so a page costs little more than counting the matches.
    pub fn search_page(&self, query: &str, skip: usize, take: usize) -> (Vec<Hit>, usize) {
        let words = query_terms(query);
        let n = self.length_norm.len();
        if words.is_empty() || n == 0 {
            return (Vec::new(), 0);
        }
        // Dense per-document accumulators: cheaper than hashing when a word hits thousands of documents.
        let mut total = vec![0f32; n];
        let mut matched = vec![0u32; n];
        let mut word_best = vec![0f32; n];
        let mut touched: Vec<u32> = Vec::new();
        let mut word_touched: Vec<u32> = Vec::new();
        for word in &words {
            for (term, factor) in self.expand(word) {
                let Some(list) = self.postings.get(term) else {
                    continue;
                };
                let idf = ((n as f32 - list.len() as f32 + 0.5) / (list.len() as f32 + 0.5) + 1.0).ln();
                let scale = factor * idf * (K1 + 1.0);
                for &(doc, w) in list {
                    let s = scale * w / (w + self.length_norm[doc as usize]);
                    let best = &mut word_best[doc as usize];
                    if *best == 0.0 {
                        word_touched.push(doc);
                    }
                    *best = best.max(s);
                }
            }
            for doc in word_touched.drain(..) {
                let d = doc as usize;
                if matched[d] == 0 {
                    touched.push(doc);
                }
                total[d] += word_best[d];
                matched[d] += 1;
                word_best[d] = 0.0;
            }
        }
        let count = touched.len();
        let order = |a: &u32, b: &u32| {
            let (a, b) = (*a as usize, *b as usize);
            matched[b]
                .cmp(&matched[a])
                .then(total[b].total_cmp(&total[a]))
                .then(a.cmp(&b))
        };
        let wanted = skip.saturating_add(take).min(count);
        if wanted == 0 {
            return (Vec::new(), count);
        }
        if wanted < count {
            touched.select_nth_unstable_by(wanted - 1, order);
            touched.truncate(wanted);
        }
        touched.sort_unstable_by(order);
        let hits = touched
            .into_iter()
            .skip(skip)
            .map(|doc| Hit {
                doc: doc as usize,
                score: total[doc as usize],
            })
            .collect();
        (hits, count)
    }

    /// The indexed terms a query word stands for, with how much each counts.
    fn expand<'a>(&'a self, word: &'a str) -> Vec<(&'a str, f32)> {
        if self.postings.contains_key(word) {
            return vec![(word, 1.0)];
        }
        if word.chars().count() < MIN_PREFIX {
            return Vec::new();
        }
        let start = self.terms.partition_point(|t| &**t < word);
        self.terms[start..]
            .iter()
            .take_while(|t| t.starts_with(word))
            .take(MAX_EXPANSIONS)
            .map(|t| (&**t, 0.7))
            .collect()
    }
}

/// Term to (document, weight) entries.
type Postings = HashMap<Box<str>, Vec<(u32, f32)>>;
/// (document, length) pairs.
type Lengths = Vec<(u32, f32)>;

/// Joins postings `b` into `a` (the caller passes the larger map as `a`).
fn merge_postings(mut a: Postings, b: Postings, mut lens_a: Lengths, lens_b: Lengths) -> (Postings, Lengths) {
    for (term, list) in b {
        a.entry(term).or_default().extend(list);
    }
    lens_a.extend(lens_b);
    (a, lens_a)
}

/// Lowercased, stemmed words of `text`, stopwords removed.
pub fn tokenize(text: &str) -> impl Iterator<Item = String> + '_ {
    text::word_spans(text).into_iter().filter_map(move |r| {
        let mut buf = String::new();
        normalize(&text[r], &mut buf).then_some(buf)
    })
}

/// Writes the index form of `word` (lowercase, stemmed: "sponsors" and "sponsored" give "sponsor",
/// "министерства" gives "министерств") into `buf`; false for a stopword.
fn normalize(word: &str, buf: &mut String) -> bool {
    buf.clear();
    if word.is_ascii() {
        buf.extend(word.bytes().map(|b| b.to_ascii_lowercase() as char));
    } else {
        buf.extend(word.chars().flat_map(char::to_lowercase));
    }
    if is_stopword(buf) {
        return false;
    }
    stem(buf);
    true
}

/// Replaces `word` by its stem, remembering stems per thread: a corpus repeats its words, and a lookup
/// costs less than the stemmer.
fn stem(word: &mut String) {
    thread_local! {
        static STEMS: std::cell::RefCell<HashMap<Box<str>, Box<str>>> = Default::default();
    }
    if word
        .chars()
        .next()
        .is_some_and(|c| text::script(c) == text::Script::Han)
    {
        return;
    }
    STEMS.with_borrow_mut(|stems| {
        if let Some(s) = stems.get(word.as_str()) {
            word.clear();
            word.push_str(s);
            return;
        }
        let stemmed = text::stem(word).into_owned();
        if stems.len() > 200_000 {
            stems.clear();
        }
        stems.insert(word.as_str().into(), stemmed.as_str().into());
        *word = stemmed;
    });
}

/// The words of a query, as they are looked up in the index.
pub fn query_terms(query: &str) -> Vec<String> {
    let mut words: Vec<String> = tokenize(query).collect();
    words.dedup();
    words.truncate(16);
    words
}

/// Calls `f` with every indexed word of a briefing and the weight of the field it stands in.
fn each_term(b: &Briefing, mut f: impl FnMut(&str, f32)) {
    let mut buf = String::new();
    // One buffer for every word: nothing is allocated per word.
    let mut add = |text: &str, w: f32| {
        for r in text::word_spans(text) {
            if normalize(&text[r], &mut buf) {
                f(&buf, w);
            }
        }
    };
    add(&b.title, weight::TITLE);
    add(&b.id, weight::TITLE);
    for alias in &b.aliases {
        add(alias, weight::TITLE);
    }
    let optional = [
        (&b.event, weight::EVENT),
        (&b.location, weight::PLACE),
        (&b.theme, weight::THEME),
        (&b.summary, weight::SUMMARY),
    ];
    for (text, w) in optional {
        if let Some(text) = text {
            add(text, w);
        }
    }
    for t in &b.tags {
        add(t, weight::TAG);
    }
    for q in &b.quotes {
        add(&q.text, weight::QUOTE);
        add(&q.speaker, weight::SPEAKER);
        if let Some(role) = &q.role {
            add(role, weight::SUMMARY);
        }
    }
    for s in &b.sponsors {
        add(&s.name, weight::SPONSOR);
    }
    for t in &b.topics {
        add(&t.title, weight::TOPIC);
        if let Some(d) = &t.description {
            add(d, weight::SUMMARY);
        }
    }
    add(&b.body, weight::BODY);
}

/// A short passage of a briefing that shows why it matched, with the matched words marked.
#[derive(Debug, Clone, PartialEq)]
pub struct Snippet {
    pub text: String,
    /// Byte ranges of `text` holding a matched word.
    pub marks: Vec<Range<usize>>,
}

/// Picks the passage of `b` that holds the most query words and trims it to about `max_chars`.
pub fn snippet(b: &Briefing, query: &str, max_chars: usize) -> Snippet {
    let words = query_terms(query);
    let mut units: Vec<std::borrow::Cow<str>> = Vec::new();
    units.extend(b.summary.iter().map(|s| s.as_str().into()));
    units.extend(
        b.quotes
            .iter()
            .map(|q| format!("“{}” ({})", q.text, q.speaker).into()),
    );
    units.extend(b.topics.iter().map(|t| t.title.as_str().into()));
    units.extend(
        b.sponsors
            .iter()
            .map(|s| format!("{} ({})", s.name, s.relation).into()),
    );
    units.extend(b.theme.iter().map(|t| t.as_str().into()));
    units.extend(b.body.split("\n\n").map(|p| p.trim().into()));
    // How many distinct query words a unit holds, as a bit set (queries have at most 16 words).
    let mut buf = String::new();
    let mut matches = |unit: &str| {
        let mut found = 0u32;
        for r in text::word_spans(unit) {
            if normalize(&unit[r], &mut buf) {
                for (i, q) in words.iter().enumerate() {
                    if buf == *q || (q.len() >= MIN_PREFIX && buf.starts_with(q.as_str())) {
                        found |= 1 << i;
                    }
                }
            }
        }
        found.count_ones()
    };
    let best = units
        .iter()
        .enumerate()
        .map(|(i, u)| (matches(u), std::cmp::Reverse(i)))
        .max()
        .map(|(_, std::cmp::Reverse(i))| units[i].as_ref())
        .unwrap_or("");
    mark(best, &words, max_chars)
}

/// Trims `unit` to a window around its first matched word and marks every matched word inside it.
fn mark(unit: &str, words: &[String], max_chars: usize) -> Snippet {
    let unit = unit.split_whitespace().collect::<Vec<_>>().join(" ");
    let spans = text::word_spans(&unit);
    let mut buf = String::new();
    let mut is_match = |w: &str| {
        if !normalize(w, &mut buf) {
            return false;
        }
        words
            .iter()
            .any(|q| buf == *q || (q.len() >= MIN_PREFIX && buf.starts_with(q.as_str())))
    };
    let first = spans
        .iter()
        .find(|r| is_match(&unit[(*r).clone()]))
        .map_or(0, |r| r.start);
    let (mut start, mut end) = (0, unit.len());
    if unit.chars().count() > max_chars {
        // Begin a little before the first match, at a word boundary, and cut after max_chars.
        let lead = max_chars / 4;
        start = unit[..first].char_indices().rev().nth(lead).map_or(0, |(i, _)| i);
        start = unit[start..]
            .find(' ')
            .filter(|_| start > 0)
            .map_or(start, |i| start + i + 1);
        end = unit[start..]
            .char_indices()
            .nth(max_chars)
            .map_or(unit.len(), |(i, _)| start + i);
        if end < unit.len() {
            end = unit[start..end].rfind(' ').map_or(end, |i| start + i);
        }
    }
    let mut text = String::new();
    if start > 0 {
        text.push('…');
    }
    let offset = text.len() as isize - start as isize;
    text.push_str(&unit[start..end]);
    if end < unit.len() {
        text.push('…');
    }
    let marks = spans
        .into_iter()
        .filter(|r| r.start >= start && r.end <= end && is_match(&unit[r.clone()]))
        .map(|r| ((r.start as isize + offset) as usize)..((r.end as isize + offset) as usize))
        .collect();
    Snippet { text, marks }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn briefing(id: &str, title: &str, body: &str) -> Arc<Briefing> {
        Arc::new(Briefing {
            id: id.into(),
            translation: false,
            aliases: vec![],
            title: title.into(),
            event: None,
            date: None,
            end_date: None,
            location: None,
            theme: None,
            language: "en".into(),
            tags: vec![],
            summary: None,
            source: None,
            quotes: vec![],
            sponsors: vec![],
            topics: vec![],
            links: vec![],
            path: format!("{id}.md").into(),
            extracted: vec![],
            notes: vec![],
            body: body.into(),
        })
    }

    #[test]
    fn title_outranks_body_and_all_words_outrank_some() {
        let docs = vec![
            briefing("a", "Cloud summit", "Nothing else here."),
            briefing("b", "Security forum", "A forum."),
            briefing("c", "Other", "cloud security cloud security"),
        ];
        let index = SearchIndex::build(&docs, &Default::default());
        let hits: Vec<usize> = index.search("cloud security").iter().map(|h| h.doc).collect();
        assert_eq!(hits[0], 2, "only `c` holds both words");
        let hits: Vec<usize> = index.search("security").iter().map(|h| h.doc).collect();
        assert_eq!(hits[0], 1, "a title match beats body matches");
    }

    #[test]
    fn plurals_and_prefixes_match() {
        let docs = vec![briefing("a", "Sponsors of cities", "cybersecurity")];
        let index = SearchIndex::build(&docs, &Default::default());
        assert_eq!(index.search("sponsor city").len(), 1);
        assert_eq!(index.search("cybersec").len(), 1);
        assert!(
            index.search("cy").is_empty(),
            "two letters are too short to expand"
        );
        assert!(index.search("the of").is_empty());
    }

    #[test]
    fn snippet_marks_matches_in_a_trimmed_window() {
        let long = format!(
            "{} the digital economy grows. {}",
            "word ".repeat(80),
            "tail ".repeat(80)
        );
        let b = briefing("a", "T", &long);
        let s = snippet(&b, "digital economy", 60);
        assert!(s.text.starts_with('…') && s.text.ends_with('…'), "{}", s.text);
        let marked: Vec<&str> = s.marks.iter().map(|r| &s.text[r.clone()]).collect();
        assert_eq!(marked, ["digital", "economy"]);
        assert!(s.text.chars().count() <= 62);
    }
}
