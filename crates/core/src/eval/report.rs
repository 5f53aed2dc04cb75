//! `attache eval <texts> [--labels <dir>]`: reads every labeled article, scores the extraction and the
//! naive baseline, and writes the tables: one line per article, then precision, recall and F1 per field
//! for all articles and for each language, with the baseline (lead-3 for summaries) beside, each F1's
//! interval over resampled articles, and the quote and topic errors by kind. The one part of `eval` that
//! reads files.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use anyhow::Context as _;

use super::{Counts, Fact, Labels, Prediction, Score, baseline, score};
use crate::briefing::{self, ParseOptions};

/// One article's scores.
#[derive(Debug)]
pub struct Article {
    pub name: String,
    /// The labeled language, else the detected one.
    pub language: String,
    pub system: Score,
    pub baseline: Score,
}

/// The extraction's and the baseline's scores added up.
#[derive(Debug, Default, Clone, Copy)]
pub struct Totals {
    pub system: Score,
    pub baseline: Score,
}

/// Every labeled article, scored.
#[derive(Debug, Default)]
pub struct Report {
    pub articles: Vec<Article>,
    pub all: Totals,
    pub by_language: BTreeMap<String, Totals>,
    /// What was scored against the labels.
    pub measured: Measured,
}

/// What a report scores against the labels.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub enum Measured {
    /// What `attache extract` gives for each text.
    #[default]
    Extraction,
    /// A second labeling of the same texts.
    SecondLabeling,
}

impl Measured {
    /// The heading of its column.
    pub fn as_str(self) -> &'static str {
        match self {
            Measured::Extraction => "extraction",
            Measured::SecondLabeling => "second labeling",
        }
    }
}

/// Scores the labels in `labels` against a second labeling in `second` when one is given ([`agreement`]),
/// else against the extraction ([`run`]).
pub fn measure(
    texts: &Path,
    labels: &Path,
    second: Option<&Path>,
    options: &ParseOptions,
) -> anyhow::Result<Report> {
    match second {
        Some(second) => agreement(texts, labels, second),
        None => run(texts, labels, options),
    }
}

/// Scores every `NAME.json` in `labels` against extraction from `NAME.txt` in `texts` (the same folder
/// when the labels sit beside their texts).
pub fn run(texts: &Path, labels: &Path, options: &ParseOptions) -> anyhow::Result<Report> {
    run_with(texts, labels, Measured::Extraction, |txt, bytes, _| {
        let b = briefing::parse(txt, bytes, options).map_err(|e| anyhow::anyhow!("{e}"))?;
        Ok(Prediction {
            event: b.event,
            date: b.date,
            location: b.location,
            summary: b.summary,
            quotes: b.quotes,
            organizations: b.sponsors,
            topics: b.topics,
            language: Some(b.language),
        })
    })
}

/// Scores a second labeling (`NAME.json` in `second`) of the same texts against the first, as if it were
/// an extraction: how far two labelers following the same rules agree, which is as far as any extractor
/// can be expected to agree with either of them under these scoring rules. The second labeling's optional
/// items are left out, as they neither help nor hurt in the first.
pub fn agreement(texts: &Path, first: &Path, second: &Path) -> anyhow::Result<Report> {
    run_with(texts, first, Measured::SecondLabeling, |txt, _, name| {
        let json = second.join(format!("{name}.json"));
        Labels::read(&json)
            .with_context(|| format!("no second label for {}", txt.display()))?
            .as_prediction()
            .with_context(|| format!("{}: not a prediction", json.display()))
    })
}

/// Scores every label in `labels` against what `predict` gives for its text (path, bytes, name).
fn run_with(
    texts: &Path,
    labels: &Path,
    measured: Measured,
    predict: impl Fn(&Path, &[u8], &str) -> anyhow::Result<Prediction>,
) -> anyhow::Result<Report> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(labels)
        .with_context(|| format!("cannot read {}", labels.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    anyhow::ensure!(
        !files.is_empty(),
        "no labeled articles (NAME.json, with NAME.txt among the texts) in {}",
        labels.display()
    );
    let mut report = Report {
        measured,
        ..Report::default()
    };
    for json in files {
        let article = score_one(&json, texts, &predict)?;
        report.all.system.add(&article.system);
        report.all.baseline.add(&article.baseline);
        let totals = report.by_language.entry(article.language.clone()).or_default();
        totals.system.add(&article.system);
        totals.baseline.add(&article.baseline);
        report.articles.push(article);
    }
    Ok(report)
}

/// Reads one label file and its text, and scores what `predict` gives for it.
fn score_one(
    json: &Path,
    texts: &Path,
    predict: &impl Fn(&Path, &[u8], &str) -> anyhow::Result<Prediction>,
) -> anyhow::Result<Article> {
    let name = json
        .file_stem()
        .unwrap_or_default()
        .to_string_lossy()
        .into_owned();
    let label = Labels::read(json)?;
    let txt = texts.join(format!("{name}.txt"));
    let bytes = std::fs::read(&txt).with_context(|| format!("cannot read {}", txt.display()))?;
    let prediction = predict(&txt, &bytes, &name)?;
    let text = String::from_utf8_lossy(&bytes);
    let language = label
        .language
        .clone()
        .or_else(|| crate::text::detect(&text).map(str::to_string))
        .unwrap_or_else(|| "en".to_string());
    let system = score(&label, &prediction);
    let body = text.trim_start().split_once('\n').map_or("", |(_, body)| body);
    let base = score(&label, &baseline::extract(body));
    Ok(Article {
        name,
        language,
        system,
        baseline: base,
    })
}

impl Report {
    /// The tables: a line per article, then every field for all articles and for each language.
    pub fn render(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "{:<52} {:>4} {:>7} {:>7} {:>7} {:>7} {:>8} {:>7}",
            "article", "lang", "quotes", "orgs", "org+rel", "topics", "ROUGE-1", "lead-3"
        );
        for a in &self.articles {
            let s = &a.system;
            let _ = writeln!(
                out,
                "{:<52} {:>4} {:>7.2} {:>7.2} {:>7.2} {:>7.2} {:>8.2} {:>7.2}",
                a.name,
                a.language,
                s.quotes.f1(),
                s.orgs_name.f1(),
                s.orgs_relation.f1(),
                s.topics.f1(),
                s.rouge_1,
                a.baseline.rouge_1
            );
        }
        out.push_str(&self.render_totals());
        out
    }

    /// Every field for all articles and for each language, without a line per article: what a set
    /// measured blind may show.
    pub fn render_totals(&self) -> String {
        let mut out = String::new();
        let all: Vec<&Score> = self.articles.iter().map(|a| &a.system).collect();
        table(&mut out, self.measured, "all languages", &self.all, &all);
        for (language, totals) in &self.by_language {
            let of: Vec<&Score> = self
                .articles
                .iter()
                .filter(|a| &a.language == language)
                .map(|a| &a.system)
                .collect();
            table(&mut out, self.measured, language, totals, &of);
        }
        out
    }
}

/// One field's counts in an article's score.
type Field = fn(&Score) -> Counts;

/// Resamples of the articles behind each F1 interval.
const DRAWS: usize = 2000;

/// One set of articles: precision, recall and F1 per field for extraction and baseline, summaries
/// against lead-3, the language and the single facts; then the F1 intervals over resampled articles and
/// the misses by kind.
fn table(out: &mut String, measured: Measured, title: &str, t: &Totals, articles: &[&Score]) {
    let (s, b) = (&t.system, &t.baseline);
    let _ = writeln!(out, "\n== {title}: {} articles", s.articles);
    let _ = writeln!(out, "{:<32} {:>26}   {:>26}", "", measured.as_str(), "baseline");
    let _ = writeln!(
        out,
        "{:<32} {:>8} {:>8} {:>8}   {:>8} {:>8} {:>8}",
        "field", "P", "R", "F1", "P", "R", "F1"
    );
    let row = |out: &mut String, name: &str, s: Counts, b: Counts| {
        let _ = writeln!(
            out,
            "{name:<32} {:>8.3} {:>8.3} {:>8.3}   {:>8.3} {:>8.3} {:>8.3}",
            s.precision(),
            s.recall(),
            s.f1(),
            b.precision(),
            b.recall(),
            b.f1()
        );
    };
    row(out, "quotes (with speaker)", s.quotes, b.quotes);
    row(out, "organizations (name)", s.orgs_name, b.orgs_name);
    row(
        out,
        "organizations (name + relation)",
        s.orgs_relation,
        b.orgs_relation,
    );
    row(out, "topics", s.topics, b.topics);
    let _ = writeln!(
        out,
        "{:<32} {:>26}   {:>26}",
        "summary ROUGE-1 / ROUGE-L F",
        format!("{:.3} / {:.3}", s.mean_rouge_1(), s.mean_rouge_l()),
        format!("lead-3 {:.3} / {:.3}", b.mean_rouge_1(), b.mean_rouge_l())
    );
    let fact = |f: Fact| format!("{}/{} right, {} spurious", f.right, f.labeled, f.spurious);
    for (name, f) in [
        ("language", s.language),
        ("event", s.event),
        ("date", s.date),
        ("location", s.location),
    ] {
        // Labels give dates as the text writes them ("7 июля", "Tuesday"), which a second labeling
        // cannot be read against as a day.
        let shown = if name == "date" && measured == Measured::SecondLabeling {
            "not compared".to_string()
        } else {
            fact(f)
        };
        let _ = writeln!(out, "{name:<32} {shown:>26}");
    }
    let fields: [(&str, Field); 3] = [
        ("quotes", |s| s.quotes),
        ("orgs + relation", |s| s.orgs_relation),
        ("topics", |s| s.topics),
    ];
    let spans: Vec<String> = fields
        .iter()
        .map(|(name, field)| {
            let (lo, hi) = super::f1_interval(articles, field, DRAWS, 0x5eed);
            format!("{name} {lo:.2}–{hi:.2}")
        })
        .collect();
    let _ = writeln!(
        out,
        "F1, 90 % of {DRAWS} resamples of the articles: {}",
        spans.join(", ")
    );
    let m = s.misses;
    let _ = writeln!(
        out,
        "quotes missed: {} under another speaker, {} not found",
        m.quote_other_speaker, m.quote_not_found
    );
    let _ = writeln!(
        out,
        "topics missed: {} beside a prediction with other bounds, {} with none near; \
         false topics: {} overlapping a label, {} unrelated",
        m.topic_near, m.topic_far, m.false_topic_near, m.false_topic_far
    );
}
