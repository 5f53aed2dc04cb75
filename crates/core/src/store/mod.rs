//! The briefing store: loads `briefings/` into an immutable [`Snapshot`] and swaps in a new one on reload.
//!
//! Readers take an `Arc<Snapshot>` and keep it as long as they like; a reload builds the next snapshot
//! aside and swaps it in one step, so nobody sees half a reload. A file that breaks after an edit keeps
//! serving its last good version (reported as stale). This module reads files; it never talks to a chat
//! platform. File watching lives in [`watch`].

mod load;
pub mod watch;

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock};
use std::time::SystemTime;

use crate::briefing::{Briefing, FileError, ParseOptions};
use crate::model::Translations;
use crate::names::NameIndex;
use crate::search::SearchIndex;
use crate::text::Lang;
use crate::wordindex::WordIndex;

pub use load::{LoadedFile, scan};

/// Every briefing that is being served, with its search index and the problems met while loading.
#[derive(Debug)]
pub struct Snapshot {
    /// Newest event first; undated briefings last, by title.
    briefings: Vec<Arc<Briefing>>,
    by_id: HashMap<String, usize>,
    index: SearchIndex,
    names: NameIndex,
    /// Other-language versions of briefings (`NAME.ru.md` beside `NAME.md`), by id, in file order.
    translations: Translations,
    /// Words of speaker names to (briefing, version, quote) positions: version 0 is the briefing itself,
    /// `v` its translation `v - 1`.
    speakers: WordIndex<(u32, u32, u32)>,
    /// Problems found in the last load, one per file, in path order.
    pub errors: Vec<FileError>,
    /// Ids served from an earlier good version because their file is broken now.
    pub stale: Vec<String>,
    pub loaded_at: SystemTime,
}

impl Snapshot {
    pub fn empty() -> Self {
        Snapshot::build(Vec::new(), Translations::new(), Vec::new(), Vec::new())
    }

    fn build(
        mut briefings: Vec<Arc<Briefing>>,
        translations: Translations,
        errors: Vec<FileError>,
        stale: Vec<String>,
    ) -> Self {
        briefings.sort_by(|a, b| {
            b.date
                .is_some()
                .cmp(&a.date.is_some())
                .then(b.date.cmp(&a.date))
                .then_with(|| a.title.cmp(&b.title))
                .then_with(|| a.id.cmp(&b.id))
        });
        let by_id = briefings
            .iter()
            .enumerate()
            .map(|(i, b)| (b.id.clone(), i))
            .collect();
        // The name indexes are built while the search index keeps the other workers busy.
        let (index, (names, speakers)) = rayon::join(
            || SearchIndex::build(&briefings, &translations),
            || {
                let names = NameIndex::build(&briefings, &translations);
                let versions = |b: &Arc<Briefing>| -> Vec<Arc<Briefing>> {
                    std::iter::once(b.clone())
                        .chain(translations.get(&b.id).into_iter().flatten().cloned())
                        .collect()
                };
                let speakers = WordIndex::build(briefings.iter().enumerate().flat_map(|(d, b)| {
                    versions(b).into_iter().enumerate().flat_map(move |(v, version)| {
                        let words: Vec<(String, (u32, u32, u32))> = version
                            .quotes
                            .iter()
                            .enumerate()
                            .flat_map(|(q, quote)| {
                                speaker_words(&quote.speaker)
                                    .map(move |w| (w, (d as u32, v as u32, q as u32)))
                            })
                            .collect();
                        words
                    })
                }));
                (names, speakers)
            },
        );
        Snapshot {
            briefings,
            by_id,
            index,
            names,
            translations,
            speakers,
            errors,
            stale,
            loaded_at: SystemTime::now(),
        }
    }

    /// All briefings, newest event first.
    pub fn briefings(&self) -> &[Arc<Briefing>] {
        &self.briefings
    }

    pub fn get(&self, id: &str) -> Option<&Arc<Briefing>> {
        self.by_id.get(id).map(|&i| &self.briefings[i])
    }

    pub fn len(&self) -> usize {
        self.briefings.len()
    }

    pub fn is_empty(&self) -> bool {
        self.briefings.is_empty()
    }

    pub fn index(&self) -> &SearchIndex {
        &self.index
    }

    /// The version of `b` written in `lang`, when there is one; else `b` itself.
    pub fn localized(&self, b: &Arc<Briefing>, lang: Lang) -> Arc<Briefing> {
        if Lang::from_tag(&b.language) == Some(lang) {
            return b.clone();
        }
        self.translations
            .get(&b.id)
            .into_iter()
            .flatten()
            .find(|t| Lang::from_tag(&t.language) == Some(lang))
            .unwrap_or(b)
            .clone()
    }

    /// The other-language versions of briefing `id`.
    pub fn translations_of(&self, id: &str) -> &[Arc<Briefing>] {
        self.translations.get(id).map_or(&[], Vec::as_slice)
    }

    /// Version `v` of briefing `d` (0: the briefing itself).
    fn version(&self, d: usize, v: usize) -> &Arc<Briefing> {
        match v {
            0 => &self.briefings[d],
            v => &self.translations_of(&self.briefings[d].id)[v - 1],
        }
    }

    /// Every quote whose speaker has, for each typed word, a name word starting with it ("noskov",
    /// "k. noskov", "Носкова"), in whichever language version it stands, newest briefing first: the
    /// briefing, the version holding the quote, and the quote's position in it.
    pub fn quotes_by(&self, speaker: &str) -> Vec<(&Arc<Briefing>, &Arc<Briefing>, usize)> {
        let mut sets: Vec<Vec<(u32, u32, u32)>> = speaker_words(speaker)
            .map(|w| {
                // A Russian name in another case ("Носкова" for "Носков") can stem longer than the name:
                // shortened a letter or two, never below four, until it is the start of a name word.
                let cyrillic = w
                    .chars()
                    .next()
                    .is_some_and(|c| crate::text::script(c) == crate::text::Script::Cyrillic);
                let len = w.chars().count();
                let cuts = if cyrillic { 2 } else { 0 };
                let mut found: Vec<(u32, u32, u32)> = (0..=cuts)
                    .map(|cut| len.saturating_sub(cut))
                    .filter(|n| *n >= 4.min(len))
                    .map(|n| w.chars().take(n).collect::<String>())
                    .map(|prefix| {
                        self.speakers
                            .prefixed(&prefix)
                            .flat_map(|(_, q)| q.iter().copied())
                            .collect::<Vec<_>>()
                    })
                    .find(|found| !found.is_empty())
                    .unwrap_or_default();
                found.sort_unstable();
                found.dedup();
                found
            })
            .collect();
        sets.sort_by_key(Vec::len);
        let Some((first, rest)) = sets.split_first() else {
            return Vec::new();
        };
        first
            .iter()
            .filter(|q| rest.iter().all(|set| set.binary_search(q).is_ok()))
            .map(|&(d, v, q)| {
                (
                    &self.briefings[d as usize],
                    self.version(d as usize, v as usize),
                    q as usize,
                )
            })
            .collect()
    }

    /// The name words of every briefing, for resolving event references.
    pub fn names(&self) -> &NameIndex {
        &self.names
    }
}

/// The lowercase words of a speaker's name, initials without their dot.
/// Stemmed, so "Носкова" finds "Носков"; Chinese names segmented.
fn speaker_words(name: &str) -> impl Iterator<Item = String> + '_ {
    crate::names::words(name).into_iter()
}

/// What a reload changed, by briefing id.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct ReloadReport {
    pub added: Vec<String>,
    pub changed: Vec<String>,
    pub removed: Vec<String>,
    /// Ids kept at their last good version because their file is broken now.
    pub stale: Vec<String>,
    pub errors: Vec<FileError>,
    pub total: usize,
}

impl ReloadReport {
    pub fn is_unchanged(&self) -> bool {
        self.added.is_empty() && self.changed.is_empty() && self.removed.is_empty()
    }
}

/// The store: a directory of briefings and the snapshot currently served from it.
#[derive(Debug)]
pub struct Store {
    source: RwLock<(PathBuf, ParseOptions)>,
    /// The snapshot served now; the scheduler watches it for changes.
    current: tokio::sync::watch::Sender<Arc<Snapshot>>,
    // Serialises reloads so two concurrent ones cannot interleave their read-compare-swap.
    reloading: std::sync::Mutex<()>,
}

impl Store {
    /// Loads `dir` and returns a store serving it, with whatever problems were found in the snapshot.
    pub fn open(dir: impl Into<PathBuf>, options: ParseOptions) -> Self {
        let store = Store {
            source: RwLock::new((dir.into(), options)),
            current: tokio::sync::watch::Sender::new(Arc::new(Snapshot::empty())),
            reloading: std::sync::Mutex::new(()),
        };
        store.reload();
        store
    }

    /// The snapshot being served now.
    pub fn snapshot(&self) -> Arc<Snapshot> {
        self.current.borrow().clone()
    }

    /// The snapshot served now and after every reload that changed it.
    pub fn watch(&self) -> tokio::sync::watch::Receiver<Arc<Snapshot>> {
        self.current.subscribe()
    }

    pub fn dir(&self) -> PathBuf {
        self.source.read().unwrap_or_else(|e| e.into_inner()).0.clone()
    }

    /// Points the store at another directory or limits; takes effect on the next reload.
    pub fn set_source(&self, dir: impl Into<PathBuf>, options: ParseOptions) {
        *self.source.write().unwrap_or_else(|e| e.into_inner()) = (dir.into(), options);
    }

    /// Reads the directory again and swaps in the new snapshot. Never loses a good briefing to a broken
    /// edit: a file that fails now keeps its last good version.
    pub fn reload(&self) -> ReloadReport {
        let _guard = self.reloading.lock().unwrap_or_else(|e| e.into_inner());
        let previous = self.snapshot();
        let (dir, options) = self.source.read().unwrap_or_else(|e| e.into_inner()).clone();
        let started = std::time::Instant::now();
        let scanned = scan(&dir, &options);
        let parsed = started.elapsed();
        let (next, report) = match scanned {
            Ok(files) => merge(&previous, files),
            // An unreadable directory (mid-checkout, unmounted) keeps everything that was served.
            Err(e) => {
                let kept = previous.briefings.clone();
                let report = ReloadReport {
                    stale: kept.iter().map(|b| b.id.clone()).collect(),
                    errors: vec![e.clone()],
                    total: kept.len(),
                    ..ReloadReport::default()
                };
                let stale = report.stale.clone();
                let translations = previous.translations.clone();
                (Snapshot::build(kept, translations, vec![e], stale), report)
            }
        };
        // Receivers are told only when something changed: an unchanged reload keeps the same snapshot.
        if report.is_unchanged() && report.errors == previous.errors && report.stale == previous.stale {
            tracing::trace!("reload changed nothing");
        } else {
            self.current.send_replace(Arc::new(next));
        }
        // Briefings are read again only on the next reload: what reading and indexing them built
        // (extraction's patterns, the Chinese word list) need not stay in memory till then.
        crate::transient::release();
        crate::observe::briefings(report.total, report.errors.len());
        crate::observe::reload(match (report.errors.is_empty(), report.is_unchanged()) {
            (false, _) => "errors",
            (true, true) => "unchanged",
            (true, false) => "changed",
        });
        tracing::debug!(
            briefings = report.total,
            errors = report.errors.len(),
            parse_ms = parsed.as_millis() as u64,
            total_ms = started.elapsed().as_millis() as u64,
            dir = %dir.display(),
            "briefings loaded"
        );
        report
    }
}

/// Builds the next snapshot from freshly loaded files, keeping last good versions of broken files.
fn merge(previous: &Snapshot, files: Vec<LoadedFile>) -> (Snapshot, ReloadReport) {
    let mut previous_by_path: HashMap<&Path, &Arc<Briefing>> =
        previous.briefings.iter().map(|b| (b.path.as_path(), b)).collect();
    for t in previous.translations.values().flatten() {
        previous_by_path.insert(t.path.as_path(), t);
    }
    let mut errors = Vec::new();
    let mut stale = Vec::new();
    // Path order decides which of two files with the same id wins: the first one, every time.
    let mut by_id: BTreeMap<String, Arc<Briefing>> = BTreeMap::new();
    let mut translated: Vec<Arc<Briefing>> = Vec::new();
    for file in files {
        let briefing = match file.result {
            Ok(b) => Arc::new(b),
            Err(e) => {
                errors.push(e);
                match previous_by_path.get(file.path.as_path()) {
                    Some(&old) => {
                        stale.push(old.id.clone());
                        old.clone()
                    }
                    None => continue,
                }
            }
        };
        if briefing.translation {
            translated.push(briefing);
            continue;
        }
        match by_id.get(&briefing.id) {
            Some(first) => errors.push(duplicate(&briefing, &first.path)),
            None => {
                // Reuse the previous Arc when nothing changed, so unchanged briefings share memory.
                let briefing = match previous.get(&briefing.id) {
                    Some(old) if **old == *briefing => old.clone(),
                    _ => briefing,
                };
                by_id.insert(briefing.id.clone(), briefing);
            }
        }
    }
    let translations = attach(&mut by_id, translated, previous, &mut errors);
    let mut report = ReloadReport::default();
    for (id, b) in &by_id {
        let versions_changed = translations.get(id).map(Vec::len)
            != previous.translations.get(id).map(Vec::len)
            || translations
                .get(id)
                .into_iter()
                .flatten()
                .zip(previous.translations.get(id).into_iter().flatten())
                .any(|(a, b)| !Arc::ptr_eq(a, b));
        match previous.get(id) {
            None => report.added.push(id.clone()),
            Some(old) if !Arc::ptr_eq(old, b) || versions_changed => report.changed.push(id.clone()),
            Some(_) => {}
        }
    }
    report.removed = previous
        .by_id
        .keys()
        .filter(|id| !by_id.contains_key(*id))
        .cloned()
        .collect();
    report.removed.sort();
    report.stale = stale.clone();
    report.errors = errors.clone();
    report.total = by_id.len();
    let next = Snapshot::build(by_id.into_values().collect(), translations, errors, stale);
    (next, report)
}

fn duplicate(b: &Briefing, other: &Path) -> FileError {
    FileError::new(
        &b.path,
        None,
        crate::briefing::BriefingError::DuplicateId {
            id: b.id.clone(),
            other: other.to_path_buf(),
        },
    )
}

/// Files of other languages (`NAME.ru.md`) go with the briefing of their id; two of one language are an
/// error naming both; one whose briefing has no file of its own stands for it (the first such, by path).
fn attach(
    by_id: &mut BTreeMap<String, Arc<Briefing>>,
    translated: Vec<Arc<Briefing>>,
    previous: &Snapshot,
    errors: &mut Vec<FileError>,
) -> Translations {
    let mut translations = Translations::new();
    for t in translated {
        let language = Lang::from_tag(&t.language).map_or(t.language.clone(), |l| l.code().to_string());
        let original = by_id.entry(t.id.clone()).or_insert_with(|| t.clone());
        if Arc::ptr_eq(original, &t) {
            continue;
        }
        let versions = translations.entry(t.id.clone()).or_default();
        let same = |b: &Arc<Briefing>| {
            Lang::from_tag(&b.language).map_or(b.language.clone(), |l| l.code().to_string()) == language
        };
        if same(original) {
            errors.push(duplicate(&t, &original.path));
            continue;
        }
        if let Some(first) = versions.iter().find(|v| same(v)) {
            errors.push(duplicate(&t, &first.path));
            continue;
        }
        let reused = previous
            .translations_of(&t.id)
            .iter()
            .find(|old| ***old == *t)
            .cloned();
        versions.push(reused.unwrap_or(t));
    }
    translations.retain(|_, v| !v.is_empty());
    translations
}
