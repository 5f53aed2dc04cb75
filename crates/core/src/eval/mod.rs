//! Measuring extraction against labeled articles: precision, recall and F1 per field, ROUGE for summaries.
//!
//! Labels are `NAME.json` (schema in [`Labels`]) for an article `NAME.txt`. Scoring rules ([`compare`]):
//! texts are compared after folding NFKC forms, case, whitespace, quotation marks and edge punctuation, and
//! Chinese character by character; a quote counts only with the right speaker (surname, or the whole
//! Chinese name; a Russian one as written or in the nominative), and one predicted quote that covers a
//! label split by its attribution counts for each part; an organization matches by name, alias or
//! nominative, and with its relation or an alternative; a topic as written or in the nominative; items
//! marked `optional` (and quotes without a speaker) neither help nor hurt. Scoring is pure; [`report`]
//! reads the files.

pub mod baseline;
pub mod compare;
mod labels;
pub mod report;
mod rouge;

use chrono::NaiveDate;

use crate::briefing::{Quote, Sponsor, Topic};

pub use compare::fold;
pub use labels::{LabelOrg, LabelQuote, Labels};
pub use rouge::{rouge_1, rouge_l};

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
    /// The language tag the briefing was given.
    pub language: Option<String>,
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
    /// The briefing's language against the label's.
    pub language: Fact,
    /// What kind of miss each quote and topic error is.
    pub misses: Misses,
    pub rouge_1: f64,
    pub rouge_l: f64,
    pub articles: usize,
}

/// The errors of quotes and topics by kind, to tell a boundary or speaker slip from a list or quote that
/// was never found.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Misses {
    /// A labeled quote whose text a prediction covers, under another speaker.
    pub quote_other_speaker: usize,
    /// A labeled quote no prediction covers.
    pub quote_not_found: usize,
    /// A labeled topic missed while a prediction contains it or is part of it: a boundary off.
    pub topic_near: usize,
    /// A labeled topic with no prediction overlapping it: its list was not found.
    pub topic_far: usize,
    /// A false topic that contains a label or is part of one.
    pub false_topic_near: usize,
    /// A false topic overlapping no label.
    pub false_topic_far: usize,
}

impl Misses {
    pub fn add(&mut self, o: Misses) {
        self.quote_other_speaker += o.quote_other_speaker;
        self.quote_not_found += o.quote_not_found;
        self.topic_near += o.topic_near;
        self.topic_far += o.topic_far;
        self.false_topic_near += o.false_topic_near;
        self.false_topic_far += o.false_topic_far;
    }
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
        self.language.add(other.language);
        self.misses.add(other.misses);
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

/// The F1 of one field over a set of articles resampled with replacement, `draws` times: the 5th and 95th
/// percentiles, a 90 % interval that shows how much the figure owes to which articles happen to be in a
/// small set. Deterministic for a seed.
pub fn f1_interval(
    scores: &[&Score],
    field: impl Fn(&Score) -> Counts,
    draws: usize,
    seed: u64,
) -> (f64, f64) {
    if scores.is_empty() || draws == 0 {
        return (1.0, 1.0);
    }
    let mut rng = fastrand::Rng::with_seed(seed);
    let mut f1s: Vec<f64> = (0..draws)
        .map(|_| {
            let mut c = Counts::default();
            for _ in 0..scores.len() {
                c.add(field(scores[rng.usize(..scores.len())]));
            }
            c.f1()
        })
        .collect();
    f1s.sort_by(f64::total_cmp);
    let at = |q: f64| f1s[((draws - 1) as f64 * q).round() as usize];
    (at(0.05), at(0.95))
}

/// Scores one prediction against its labels.
pub fn score(labels: &Labels, p: &Prediction) -> Score {
    let (quotes, quote_misses) = match_quotes(&labels.quotes, &p.quotes);
    let (topics, topic_misses) = match_topics(labels, &p.topics);
    let mut s = Score {
        articles: 1,
        quotes,
        topics,
        misses: Misses {
            quote_other_speaker: quote_misses.quote_other_speaker,
            quote_not_found: quote_misses.quote_not_found,
            ..topic_misses
        },
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
    // A date the label words as "Tuesday" or "next month" is not scored.
    match labels.date.as_deref().map(|l| compare::same_date(l, p.date)) {
        Some(Some(right)) => {
            s.date.labeled += 1;
            s.date.right += usize::from(right);
        }
        Some(None) => {}
        None => s.date.spurious += usize::from(p.date.is_some()),
    }
    // Labels without a language (the fictional set) leave it unscored.
    if let Some(label) = labels.language.as_deref() {
        let primary = |tag: &str| tag.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
        s.language.labeled += 1;
        s.language.right += usize::from(
            p.language
                .as_deref()
                .is_some_and(|p| primary(p) == primary(label)),
        );
    }
    let summary = p.summary.as_deref().unwrap_or("");
    s.rouge_1 = rouge_1(summary, labels.reference());
    s.rouge_l = rouge_l(summary, labels.reference());
    s
}

/// Quotes: a prediction with the right speaker matches every label its text covers (or that covers most of
/// it); labels are matched at most once.
#[cfg(test)]
fn score_quotes(labels: &[LabelQuote], predicted: &[Quote]) -> Counts {
    match_quotes(labels, predicted).0
}

/// The counts of [`score_quotes`], and the required labels missed by kind: under another speaker (a
/// prediction covers the text) or not found.
fn match_quotes(labels: &[LabelQuote], predicted: &[Quote]) -> (Counts, Misses) {
    let folded: Vec<String> = labels.iter().map(|l| fold(&l.text)).collect();
    let texts: Vec<String> = predicted.iter().map(|q| fold(&q.text)).collect();
    let mut used = vec![false; labels.len()];
    let mut c = Counts::default();
    for (q, text) in predicted.iter().zip(&texts) {
        let mut hit_required = false;
        let mut hit_optional = false;
        for (i, l) in labels.iter().enumerate() {
            if !compare::covers(text, &folded[i]) {
                continue;
            }
            // A quote nobody can be named for is optional: any speaker will do.
            if l.speaker.is_some() && !l.speakers().any(|s| compare::same_speaker(s, &q.speaker)) {
                continue;
            }
            if l.is_optional() {
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
    let mut m = Misses::default();
    let missed = labels.iter().zip(&folded).zip(&used);
    for ((_, label), _) in missed.filter(|((l, _), u)| !l.is_optional() && !**u) {
        c.fn_ += 1;
        if texts.iter().any(|t| compare::covers(t, label)) {
            m.quote_other_speaker += 1;
        } else {
            m.quote_not_found += 1;
        }
    }
    (c, m)
}

/// Organizations, by name alone and by name with relation.
fn score_orgs(labels: &[LabelOrg], predicted: &[Sponsor]) -> (Counts, Counts) {
    let names: Vec<Vec<String>> = labels
        .iter()
        .map(|l| l.names().map(compare::fold_org).collect())
        .collect();
    let (mut by_name, mut with_relation) = (Counts::default(), Counts::default());
    let (mut used_name, mut used_rel) = (vec![false; labels.len()], vec![false; labels.len()]);
    for p in predicted {
        let name = compare::fold_org(&p.name);
        let Some(i) = names.iter().position(|ns| ns.contains(&name)) else {
            by_name.fp += 1;
            with_relation.fp += 1;
            continue;
        };
        if labels[i].optional {
            continue;
        }
        let relation_ok = labels[i].accepts(p.relation.as_str());
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

/// Topics: each label matches once, as written or in its dictionary form. Beside the counts, the misses
/// by kind: a missed label or a false topic is "near" when one contains the other (a boundary off).
fn match_topics(labels: &Labels, predicted: &[Topic]) -> (Counts, Misses) {
    let forms: Vec<Vec<String>> = (0..labels.topics.len())
        .map(|i| labels.topic_forms(i).map(fold).collect())
        .collect();
    let texts: Vec<String> = predicted.iter().map(|t| fold(&t.title)).collect();
    let overlaps = |a: &str, b: &str| !a.is_empty() && !b.is_empty() && (a.contains(b) || b.contains(a));
    let mut used = vec![false; forms.len()];
    let mut c = Counts::default();
    let mut m = Misses::default();
    for text in &texts {
        match forms.iter().position(|f| f.contains(text)) {
            Some(i) if !used[i] => {
                used[i] = true;
                c.tp += 1;
            }
            Some(_) => {}
            None => {
                c.fp += 1;
                if forms.iter().flatten().any(|f| overlaps(f, text)) {
                    m.false_topic_near += 1;
                } else {
                    m.false_topic_far += 1;
                }
            }
        }
    }
    for (f, _) in forms.iter().zip(&used).filter(|(_, u)| !**u) {
        c.fn_ += 1;
        if f.iter().any(|f| texts.iter().any(|t| overlaps(f, t))) {
            m.topic_near += 1;
        } else {
            m.topic_far += 1;
        }
    }
    (c, m)
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
        serde_json::from_value(serde_json::json!({"text": text, "speaker": speaker, "role": null}))
            .expect("a label quote")
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
        let labels: [LabelOrg; 1] = [serde_json::from_value(serde_json::json!({
            "name": "Northern Grid Operators Association (NGOA)", "relation": "organizer",
            "alt_relations": ["host"], "aliases": ["NGOA"]
        }))
        .expect("a label organization")];
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
    fn russian_forms_and_chinese_characters_count() {
        let mut l = label("Мы стали одной из площадок", "Андрея Деникина");
        l.speaker_nominative = Some("Андрей Деникин".into());
        let said = [q("Мы стали одной из площадок", "Андрей Деникин")];
        assert_eq!(score_quotes(&[l], &said), Counts { tp: 1, fp: 0, fn_: 0 });
        let zh = label("本次论坛依然具备中外嘉宾云集，议题设置多元。", "徐伟新");
        let said = [q("本次论坛依然具备中外嘉宾云集,议题设置多元。", "徐伟新")];
        assert_eq!(score_quotes(&[zh], &said), Counts { tp: 1, fp: 0, fn_: 0 });
        let mut nobody = label("Anonymous praise.", "x");
        nobody.speaker = None;
        assert_eq!(
            score_quotes(&[nobody], &[q("Anonymous praise", "Someone")]),
            Counts::default()
        );
    }

    fn topic_labels(topics: &[&str]) -> Labels {
        serde_json::from_value(serde_json::json!({
            "title": null, "event": null, "date": null, "location": null, "quotes": [],
            "organizations": [], "topics": topics, "reference_summary": "[reference] -"
        }))
        .expect("labels")
    }

    fn topic(title: &str) -> Topic {
        Topic {
            title: title.into(),
            description: None,
        }
    }

    #[test]
    fn topic_misses_tell_a_boundary_from_a_list_not_found() {
        let labels = topic_labels(&["rural broadband", "port logistics", "water rights"]);
        let got = [
            topic("rural broadband"),
            topic("the future of port logistics"),
            topic("tourism"),
        ];
        let (c, m) = match_topics(&labels, &got);
        assert_eq!(c, Counts { tp: 1, fp: 2, fn_: 2 });
        assert_eq!((m.topic_near, m.topic_far), (1, 1));
        assert_eq!((m.false_topic_near, m.false_topic_far), (1, 1));
    }

    #[test]
    fn quote_misses_tell_a_wrong_speaker_from_a_quote_not_found() {
        let labels = [
            label("We will build the bridge.", "Ana Lima"),
            label("Trade doubled this year.", "Kofi Mensah"),
        ];
        let got = [q("We will build the bridge.", "Kofi Mensah")];
        let (c, m) = match_quotes(&labels, &got);
        assert_eq!(c, Counts { tp: 0, fp: 1, fn_: 2 });
        assert_eq!((m.quote_other_speaker, m.quote_not_found), (1, 1));
    }

    #[test]
    fn f1_interval_narrows_to_the_figure_when_articles_agree() {
        let one = |tp, fp, fn_| Score {
            topics: Counts { tp, fp, fn_ },
            articles: 1,
            ..Score::default()
        };
        let same = [one(1, 1, 0), one(1, 1, 0), one(1, 1, 0)];
        let refs: Vec<&Score> = same.iter().collect();
        let (lo, hi) = f1_interval(&refs, |s| s.topics, 200, 7);
        assert!((lo - 2.0 / 3.0).abs() < 1e-9 && (hi - 2.0 / 3.0).abs() < 1e-9);
        let mixed = [one(4, 0, 0), one(0, 4, 4), one(2, 1, 1)];
        let refs: Vec<&Score> = mixed.iter().collect();
        let (lo, hi) = f1_interval(&refs, |s| s.topics, 500, 7);
        assert!(lo < 0.5 && hi > 0.7, "{lo} {hi}");
        assert_eq!(f1_interval(&refs, |s| s.topics, 500, 7), (lo, hi));
    }

    #[test]
    fn f1_of_nothing_to_find_is_perfect() {
        assert_eq!(Counts::default().f1(), 1.0);
        assert_eq!(Counts { tp: 1, fp: 1, fn_: 1 }.f1(), 0.5);
    }
}
