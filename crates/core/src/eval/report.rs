//! `attache eval <dir>`: reads every labeled article of a directory, scores the extraction and the naive
//! baseline, and writes the table. The one part of `eval` that reads files.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use anyhow::Context as _;

use super::{Counts, Labels, Prediction, Score, baseline, score};
use crate::briefing::{self, ParseOptions};

/// One article's scores.
#[derive(Debug)]
pub struct Article {
    pub name: String,
    pub system: Score,
    pub baseline: Score,
}

/// Every article of a directory, scored.
#[derive(Debug, Default)]
pub struct Report {
    pub articles: Vec<Article>,
    pub system: Score,
    pub baseline: Score,
}

/// Scores every `NAME.json` in `dir` against extraction from `NAME.txt`.
pub fn run(dir: &Path, options: &ParseOptions) -> anyhow::Result<Report> {
    let mut labels: Vec<PathBuf> = std::fs::read_dir(dir)
        .with_context(|| format!("cannot read {}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    labels.sort();
    anyhow::ensure!(
        !labels.is_empty(),
        "no labeled articles (NAME.json beside NAME.txt) in {}",
        dir.display()
    );
    let mut report = Report::default();
    for json in labels {
        let name = json
            .file_stem()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        let label: Labels = serde_json::from_str(&std::fs::read_to_string(&json)?)
            .with_context(|| format!("{}: labels do not follow the schema", json.display()))?;
        let txt = json.with_extension("txt");
        let bytes = std::fs::read(&txt).with_context(|| format!("cannot read {}", txt.display()))?;
        let b = briefing::parse(&txt, &bytes, options).map_err(|e| anyhow::anyhow!("{e}"))?;
        let system = score(
            &label,
            &Prediction {
                event: b.event,
                date: b.date,
                location: b.location,
                summary: b.summary,
                quotes: b.quotes,
                organizations: b.sponsors,
                topics: b.topics,
            },
        );
        let text = String::from_utf8_lossy(&bytes);
        let body = text.trim_start().split_once('\n').map_or("", |(_, body)| body);
        let base = score(&label, &baseline::extract(body));
        report.system.add(&system);
        report.baseline.add(&base);
        report.articles.push(Article {
            name,
            system,
            baseline: base,
        });
    }
    Ok(report)
}

impl Report {
    /// The table: a line per article, then precision, recall and F1 per field for the system and baseline.
    pub fn render(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "{:<52} {:>7} {:>7} {:>7} {:>7} {:>8}",
            "article", "quotes", "orgs", "org+rel", "topics", "ROUGE-1"
        );
        for a in &self.articles {
            let s = &a.system;
            let _ = writeln!(
                out,
                "{:<52} {:>7.2} {:>7.2} {:>7.2} {:>7.2} {:>8.2}",
                a.name,
                s.quotes.f1(),
                s.orgs_name.f1(),
                s.orgs_relation.f1(),
                s.topics.f1(),
                s.rouge_1
            );
        }
        let _ = writeln!(out, "\n{} articles", self.articles.len());
        let _ = writeln!(out, "{:<32} {:>26}   {:>26}", "", "extraction", "baseline");
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
        let (s, b) = (&self.system, &self.baseline);
        row(&mut out, "quotes (with speaker)", s.quotes, b.quotes);
        row(&mut out, "organizations (name)", s.orgs_name, b.orgs_name);
        row(
            &mut out,
            "organizations (name + relation)",
            s.orgs_relation,
            b.orgs_relation,
        );
        row(&mut out, "topics", s.topics, b.topics);
        let _ = writeln!(
            out,
            "{:<32} {:>26}   {:>26}",
            "summary ROUGE-1 / ROUGE-L F",
            format!("{:.3} / {:.3}", s.mean_rouge_1(), s.mean_rouge_l()),
            format!("{:.3} / {:.3}", b.mean_rouge_1(), b.mean_rouge_l())
        );
        for (name, f) in [("event", s.event), ("date", s.date), ("location", s.location)] {
            let _ = writeln!(
                out,
                "{name:<32} {:>26}",
                format!("{}/{} right, {} spurious", f.right, f.labeled, f.spurious)
            );
        }
        out
    }
}
