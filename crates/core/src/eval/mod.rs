//! Measuring extraction against labeled articles: precision, recall and F1 per field, ROUGE for summaries.
//!
//! Labels are `NAME.json` beside `NAME.txt` (schema in [`Labels`]). Scoring rules: texts are compared after
//! folding case, whitespace, quotation marks and edge punctuation; a quote counts only with the right speaker
//! (surname match), and one predicted quote that covers a label split by its attribution counts for each
//! part; an organization matches by name or alias, and with its relation or an alternative; items marked
//! `optional` neither help nor hurt. Scoring is pure; [`report`] reads the files.

pub mod baseline;
pub mod report;
mod rouge;

use chrono::NaiveDate;
use serde::Deserialize;

use crate::briefing::{Quote, Sponsor, Topic};

pub use rouge::{rouge_1, rouge_l};

/// The labels of one article.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Labels {
    pub title: Option<String>,
    pub event: Option<String>,
    pub date: Option<String>,
    pub location: Option<String>,
    pub quotes: Vec<LabelQuote>,
    pub organizations: Vec<LabelOrg>,
    pub topics: Vec<String>,
    pub reference_summary: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LabelQuote {
    pub text: String,
    pub speaker: String,
    pub role: Option<String>,
    #[serde(default)]
    pub optional: bool,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LabelOrg {
    pub name: String,
    pub relation: String,
    #[serde(default)]
    pub alt_relations: Vec<String>,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub optional: bool,
}

/// What a system extracted from one article.
#[derive(Debug, Clone, Default)]
pub struct Prediction {
    pub event: Option<String>,
    pub date: Option<NaiveDate>,
    pub location: Option<String>,
    pub summary: Option<String>,
    pub quotes: Vec<Quote>,
    pub organizations: Vec<Sponsor>,
    pub topics: Vec<Topic>,
}

/// True positives, false positives and false negatives of one field.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Counts {
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
}

impl Counts {
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) }
    }
    pub fn add(&mut self, other: Counts) {
        self.tp += other.tp;
        self.fp += other.fp;
        self.fn_ += other.fn_;
    }
}

/// An empty field scores perfectly: nothing to find and nothing found.
fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 1.0 } else { a as f64 / b as f64 }
}

/// Whether a single-valued fact was right: counted over labeled articles, plus answers where none was due.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Fact {
    pub right: usize,
    pub labeled: usize,
    /// A value predicted where the label says the text states none.
    pub spurious: usize,
}

impl Fact {
    fn score(&mut self, label: Option<&str>, predicted: Option<&str>, same: impl Fn(&str, &str) -> bool) {
        match (label, predicted) {
            (Some(l), p) => {
                self.labeled += 1;
                if p.is_some_and(|p| same(l, p)) {
                    self.right += 1;
                }
            }
            (None, Some(_)) => self.spurious += 1,
            (None, None) => {}
        }
    }
    pub fn add(&mut self, other: Fact) {
        self.right += other.right;
        self.labeled += other.labeled;
        self.spurious += other.spurious;
    }
}

/// The score of one article (or, added up, of a set).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Score {
    pub quotes: Counts,
    pub orgs_name: Counts,
    pub orgs_relation: Counts,
    pub topics: Counts,
    pub event: Fact,
    pub date: Fact,
    pub location: Fact,
    pub rouge_1: f64,
    pub rouge_l: f64,
    pub articles: usize,
}

impl Score {
    pub fn add(&mut self, other: &Score) {
        self.quotes.add(other.quotes);
        self.orgs_name.add(other.orgs_name);
        self.orgs_relation.add(other.orgs_relation);
        self.topics.add(other.topics);
        self.event.add(other.event);
        self.date.add(other.date);
        self.location.add(other.location);
        self.rouge_1 += other.rouge_1;
        self.rouge_l += other.rouge_l;
        self.articles += other.articles;
    }

    /// Mean ROUGE-1 F over the articles added up.
    pub fn mean_rouge_1(&self) -> f64 {
        self.rouge_1 / self.articles.max(1) as f64
    }

    pub fn mean_rouge_l(&self) -> f64 {
        self.rouge_l / self.articles.max(1) as f64
    }
}

/// Scores one prediction against its labels.
pub fn score(labels: &Labels, p: &Prediction) -> Score {
    let mut s = Score {
        articles: 1,
        quotes: score_quotes(&labels.quotes, &p.quotes),
        topics: score_topics(&labels.topics, &p.topics),
        ..Score::default()
    };
    (s.orgs_name, s.orgs_relation) = score_orgs(&labels.organizations, &p.organizations);
    let loose = |l: &str, p: &str| {
        let (l, p) = (fold(l), fold(p));
        !p.is_empty() && (l == p || l.contains(&p) || p.contains(&l))
    };
    s.event.score(labels.event.as_deref(), p.event.as_deref(), loose);
    s.location
        .score(labels.location.as_deref(), p.location.as_deref(), loose);
    let date = p.date.map(|d| d.format("%Y-%m-%d").to_string());
    s.date
        .score(labels.date.as_deref(), date.as_deref(), |l, p| l == p);
    let summary = p.summary.as_deref().unwrap_or("");
    s.rouge_1 = rouge_1(summary, &labels.reference_summary);
    s.rouge_l = rouge_l(summary, &labels.reference_summary);
    s
}

/// Quotes: a prediction with the right speaker matches every label its text covers (or that covers most of
/// it); labels are matched at most once.
fn score_quotes(labels: &[LabelQuote], predicted: &[Quote]) -> Counts {
    let folded: Vec<String> = labels.iter().map(|l| fold(&l.text)).collect();
    let mut used = vec![false; labels.len()];
    let mut c = Counts::default();
    for q in predicted {
        let text = fold(&q.text);
        let mut hit_required = false;
        let mut hit_optional = false;
        for (i, l) in labels.iter().enumerate() {
            let covers = !text.is_empty()
                && (text.contains(&folded[i])
                    || (folded[i].contains(&text) && text.len() * 2 >= folded[i].len()));
            if !covers || !same_speaker(&l.speaker, &q.speaker) {
                continue;
            }
            if l.optional {
                hit_optional = true;
            } else if !used[i] {
                used[i] = true;
                hit_required = true;
                c.tp += 1;
            } else {
                hit_required = true;
            }
        }
        if !hit_required && !hit_optional {
            c.fp += 1;
        }
    }
    c.fn_ = labels
        .iter()
        .zip(&used)
        .filter(|(l, u)| !l.optional && !**u)
        .count();
    c
}

/// The label's surname (its last word) is a word of the predicted speaker.
fn same_speaker(label: &str, predicted: &str) -> bool {
    let surname = fold(label).split(' ').next_back().unwrap_or("").to_string();
    !surname.is_empty() && fold(predicted).split(' ').any(|w| w == surname)
}

/// Organizations, by name alone and by name with relation.
fn score_orgs(labels: &[LabelOrg], predicted: &[Sponsor]) -> (Counts, Counts) {
    let names: Vec<Vec<String>> = labels
        .iter()
        .map(|l| {
            std::iter::once(&l.name)
                .chain(&l.aliases)
                .map(|n| fold_org(n))
                .collect()
        })
        .collect();
    let (mut by_name, mut with_relation) = (Counts::default(), Counts::default());
    let (mut used_name, mut used_rel) = (vec![false; labels.len()], vec![false; labels.len()]);
    for p in predicted {
        let name = fold_org(&p.name);
        let Some(i) = names.iter().position(|ns| ns.contains(&name)) else {
            by_name.fp += 1;
            with_relation.fp += 1;
            continue;
        };
        if labels[i].optional {
            continue;
        }
        let relation_ok = labels[i].relation == p.relation.as_str()
            || labels[i].alt_relations.iter().any(|r| r == p.relation.as_str());
        for (counts, used, ok) in [
            (&mut by_name, &mut used_name, true),
            (&mut with_relation, &mut used_rel, relation_ok),
        ] {
            match (ok, used[i]) {
                (true, false) => {
                    used[i] = true;
                    counts.tp += 1;
                }
                // A second prediction of the same organization: a duplicate, not a new finding.
                (true, true) => {}
                (false, _) => counts.fp += 1,
            }
        }
    }
    by_name.fn_ = labels
        .iter()
        .zip(&used_name)
        .filter(|(l, u)| !l.optional && !**u)
        .count();
    with_relation.fn_ = labels
        .iter()
        .zip(&used_rel)
        .filter(|(l, u)| !l.optional && !**u)
        .count();
    (by_name, with_relation)
}

fn score_topics(labels: &[String], predicted: &[Topic]) -> Counts {
    let folded: Vec<String> = labels.iter().map(|t| fold(t)).collect();
    let mut used = vec![false; labels.len()];
    let mut c = Counts::default();
    for t in predicted {
        let text = fold(&t.title);
        match folded.iter().position(|l| *l == text) {
            Some(i) if !used[i] => {
                used[i] = true;
                c.tp += 1;
            }
            Some(_) => {}
            None => c.fp += 1,
        }
    }
    c.fn_ = used.iter().filter(|u| !**u).count();
    c
}

/// Folds case, whitespace, quotation marks and edge punctuation, so labels and predictions compare by words.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '"' | '“' | '”' | '„' | '‟' | '«' | '»' | '「' | '」' | '『' | '』' | '‹' | '›' =>
                {}
            // Apostrophes stay (as one kind), quotation marks made of them are edge punctuation below.
            '‘' | '’' | '`' => out.push('\''),
            c if c.is_whitespace() => {
                if !out.ends_with(' ') {
                    out.push(' ');
                }
            }
            c => out.extend(c.to_lowercase()),
        }
    }
    out.trim_matches(|c: char| c.is_whitespace() || c.is_ascii_punctuation() || matches!(c, '—' | '–' | '…'))
        .to_string()
}

/// Organization names also drop a leading "the".
fn fold_org(s: &str) -> String {
    let f = fold(s);
    f.strip_prefix("the ").map(str::to_string).unwrap_or(f)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::briefing::Relation;

    fn q(text: &str, speaker: &str) -> Quote {
        Quote {
            text: text.into(),
            speaker: speaker.into(),
            role: None,
        }
    }

    fn label(text: &str, speaker: &str) -> LabelQuote {
        LabelQuote {
            text: text.into(),
            speaker: speaker.into(),
            role: None,
            optional: false,
        }
    }

    #[test]
    fn folding_ignores_case_space_marks_and_edges() {
        assert_eq!(fold("  “Hello,   World.”  "), "hello, world");
        assert_eq!(fold("It’s «fine»!"), "it's fine");
    }

    #[test]
    fn a_quote_needs_its_speaker_and_may_cover_split_parts() {
        let labels = [
            label("First part,", "Ana Lima"),
            label("Second part.", "Ana Lima"),
        ];
        let whole = [q("First part, Second part.", "Dr. Ana Lima")];
        assert_eq!(score_quotes(&labels, &whole), Counts { tp: 2, fp: 0, fn_: 0 });
        let wrong = [q("First part", "Ana Smith")];
        assert_eq!(score_quotes(&labels, &wrong), Counts { tp: 0, fp: 1, fn_: 2 });
    }

    #[test]
    fn optional_items_neither_help_nor_hurt() {
        let mut l = label("Maybe speech.", "Kofi Mensah");
        l.optional = true;
        assert_eq!(
            score_quotes(&[l.clone()], &[q("Maybe speech", "Kofi Mensah")]),
            Counts::default()
        );
        assert_eq!(score_quotes(&[l], &[]), Counts::default());
    }

    #[test]
    fn organizations_match_by_alias_and_alternative_relation() {
        let labels = [LabelOrg {
            name: "Northern Grid Operators Association (NGOA)".into(),
            relation: "organizer".into(),
            alt_relations: vec!["host".into()],
            aliases: vec!["NGOA".into()],
            optional: false,
        }];
        let p = [Sponsor {
            name: "NGOA".into(),
            relation: Relation::Host,
            country: None,
        }];
        let (name, rel) = score_orgs(&labels, &p);
        assert_eq!((name.tp, rel.tp), (1, 1));
        let p = [Sponsor {
            name: "the NGOA".into(),
            relation: Relation::Sponsor,
            country: None,
        }];
        let (name, rel) = score_orgs(&labels, &p);
        assert_eq!((name.tp, rel.tp, rel.fp, rel.fn_), (1, 0, 1, 1));
    }

    #[test]
    fn f1_of_nothing_to_find_is_perfect() {
        assert_eq!(Counts::default().f1(), 1.0);
        assert_eq!(Counts { tp: 1, fp: 1, fn_: 1 }.f1(), 0.5);
    }
}
