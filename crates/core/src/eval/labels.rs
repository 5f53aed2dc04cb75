//! The label schema shared by the team's fictional set (`tests/fixtures/articles`) and the real reports
//! (`../shared/articles-real`, `eval/real/extra`): every field either set uses, so a label file that does
//! not follow it is an error rather than silently half read.

use std::path::Path;

use anyhow::Context as _;
use chrono::NaiveDate;
use serde::Deserialize;

use super::Prediction;
use crate::briefing::{Quote, Relation, Sponsor, Topic};

/// The labels of one article.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Labels {
    /// Where the real article was retrieved from; the fictional set has none.
    #[serde(default)]
    pub source_url: Option<String>,
    /// The headline, `None` when the excerpt has none.
    pub title: Option<String>,
    /// `en`, `ru` or `zh`; the fictional set leaves it out (its articles are English).
    #[serde(default)]
    pub language: Option<String>,
    pub event: Option<String>,
    /// `YYYY-MM-DD` in the fictional set; the text's own wording in the real ones ("7 июля", "10月14日",
    /// "Tuesday").
    pub date: Option<String>,
    pub location: Option<String>,
    pub quotes: Vec<LabelQuote>,
    pub organizations: Vec<LabelOrg>,
    pub topics: Vec<String>,
    /// Russian only: the dictionary forms of `topics`, index by index; either form counts.
    #[serde(default)]
    pub topics_nominative: Vec<String>,
    /// Written by the labeler; may start with `[reference]`, which is not part of it.
    pub reference_summary: String,
    /// The text ends with a `[TRUNCATED]` line.
    #[serde(default)]
    pub truncated: bool,
    /// `bulleted`, `inline` or `none`: where the topics come from.
    #[serde(default)]
    pub topics_source: Option<String>,
    /// The labeler's reasoning; never scored.
    #[serde(default)]
    pub notes: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LabelQuote {
    pub text: String,
    /// `None` when no speaker can be identified (such quotes are optional).
    pub speaker: Option<String>,
    pub role: Option<String>,
    #[serde(default)]
    pub optional: bool,
    /// A fragment inside reported speech.
    #[serde(default)]
    pub partial: bool,
    /// Cut off by the excerpt limit.
    #[serde(default)]
    pub truncated: bool,
    /// `implicit` when no speech verb is attached.
    #[serde(default)]
    pub attribution: Option<String>,
    /// Russian only: the dictionary form of a speaker the text names only inflected; either form counts.
    #[serde(default)]
    pub speaker_nominative: Option<String>,
}

impl LabelQuote {
    /// Neither rewarded nor penalized: marked optional, or nobody to attribute it to.
    pub fn is_optional(&self) -> bool {
        self.optional || self.speaker.is_none()
    }

    /// The speaker's accepted forms: as written, and the dictionary form.
    pub fn speakers(&self) -> impl Iterator<Item = &str> {
        self.speaker
            .iter()
            .chain(&self.speaker_nominative)
            .map(String::as_str)
    }
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
    /// Russian only: the dictionary form of a name the text gives only inflected.
    #[serde(default)]
    pub nominative: Option<String>,
}

impl LabelOrg {
    /// Every accepted spelling: the name, its aliases and its dictionary form.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(&self.name)
            .chain(&self.aliases)
            .chain(&self.nominative)
            .map(String::as_str)
    }

    /// Whether `relation` is the labeled one or an accepted alternative.
    pub fn accepts(&self, relation: &str) -> bool {
        self.relation == relation || self.alt_relations.iter().any(|r| r == relation)
    }
}

impl Labels {
    /// The labels in a JSON file, with the file named in any error.
    pub fn read(path: &Path) -> anyhow::Result<Labels> {
        let text =
            std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
        serde_json::from_str(&text)
            .with_context(|| format!("{}: labels do not follow the schema", path.display()))
    }

    /// These labels read as an extraction, to score one labeling against another: the items that are
    /// not optional, each in the form written; the reference summary as the summary; a date only when it
    /// is written `YYYY-MM-DD`. A relation outside the five is an error, as it would be in `validate.py`.
    pub fn as_prediction(&self) -> anyhow::Result<Prediction> {
        let organizations = self
            .organizations
            .iter()
            .filter(|o| !o.optional)
            .map(|o| {
                let relation = o.relation.parse::<Relation>().map_err(|()| {
                    anyhow::anyhow!("organization {:?}: unknown relation {:?}", o.name, o.relation)
                })?;
                Ok(Sponsor {
                    name: o.name.clone(),
                    relation,
                    country: None,
                })
            })
            .collect::<anyhow::Result<_>>()?;
        Ok(Prediction {
            event: self.event.clone(),
            date: self
                .date
                .as_deref()
                .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()),
            location: self.location.clone(),
            summary: Some(self.reference().to_string()),
            quotes: self
                .quotes
                .iter()
                .filter(|q| !q.is_optional())
                .map(|q| Quote {
                    text: q.text.clone(),
                    speaker: q.speaker.clone().unwrap_or_default(),
                    role: q.role.clone(),
                })
                .collect(),
            organizations,
            topics: self
                .topics
                .iter()
                .map(|t| Topic {
                    title: t.clone(),
                    description: None,
                })
                .collect(),
            language: self.language.clone(),
        })
    }

    /// The reference summary without its `[reference]` marker.
    pub fn reference(&self) -> &str {
        let s = self.reference_summary.trim_start();
        s.strip_prefix("[reference]").unwrap_or(s).trim_start()
    }

    /// The accepted forms of topic `i`: as written, and its dictionary form when given.
    pub fn topic_forms(&self, i: usize) -> impl Iterator<Item = &str> {
        self.topics
            .get(i)
            .into_iter()
            .chain(self.topics_nominative.get(i))
            .map(String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shared_schema_reads_whole() {
        let json = r#"{
          "source_url": "https://example.org/a", "title": null, "language": "ru",
          "event": "форум", "date": "7 июля", "location": null,
          "quotes": [{"text": "Да", "speaker": "Иванова", "role": null, "partial": true,
                      "truncated": true, "attribution": "implicit", "speaker_nominative": "Иванов"},
                     {"text": "Нет", "speaker": null, "role": null, "optional": true}],
          "organizations": [{"name": "Минским горисполкомом", "relation": "supporter",
                             "aliases": ["Мингорисполком"], "alt_relations": ["organizer"],
                             "nominative": "Минский горисполком", "optional": false}],
          "topics": ["математики"], "topics_nominative": ["математика"],
          "reference_summary": "[reference] Кратко.", "truncated": false,
          "topics_source": "inline", "notes": ["why"]
        }"#;
        let l: Labels = serde_json::from_str(json).expect("the shared schema");
        assert_eq!(l.reference(), "Кратко.");
        assert_eq!(l.quotes[0].speakers().collect::<Vec<_>>(), ["Иванова", "Иванов"]);
        assert!(l.quotes[1].is_optional());
        assert_eq!(l.organizations[0].names().count(), 3);
        assert!(l.organizations[0].accepts("organizer"));
        assert_eq!(l.topic_forms(0).collect::<Vec<_>>(), ["математики", "математика"]);
        assert!(serde_json::from_str::<Labels>(&json.replace("\"notes\"", "\"nots\"")).is_err());
    }

    fn labels(json: serde_json::Value) -> Labels {
        let mut base = serde_json::json!({
            "title": null, "language": "en", "event": "Summit", "date": "2019-05-02",
            "location": "Nassau", "quotes": [], "organizations": [], "topics": [],
            "reference_summary": "[reference] A summit met."
        });
        base.as_object_mut()
            .expect("an object")
            .extend(json.as_object().expect("an object").clone());
        serde_json::from_value(base).expect("labels")
    }

    #[test]
    fn a_second_labeling_reads_as_an_extraction_without_its_optional_items() {
        let second = labels(serde_json::json!({
            "quotes": [{"text": "We met.", "speaker": "Ana Lima", "role": null},
                       {"text": "Anyone?", "speaker": null, "role": null}],
            "organizations": [{"name": "Dental Association", "relation": "organizer"},
                              {"name": "City Council", "relation": "host", "optional": true}],
            "topics": ["oncology", "dental health"]
        }));
        let p = second.as_prediction().expect("a prediction");
        assert_eq!(p.quotes.len(), 1);
        assert_eq!(p.organizations.len(), 1);
        assert_eq!(p.organizations[0].relation, Relation::Organizer);
        assert_eq!(p.topics.len(), 2);
        assert_eq!(p.summary.as_deref(), Some("A summit met."));
        assert_eq!(p.date, NaiveDate::from_ymd_opt(2019, 5, 2));
        // Scored against a first labeling that has one topic more and the other organization: what
        // the two share counts, what either alone has is a miss.
        let first = labels(serde_json::json!({
            "quotes": [{"text": "We met.", "speaker": "Ana Lima", "role": null}],
            "organizations": [{"name": "City Council", "relation": "host"}],
            "topics": ["oncology", "dental health", "general surgery"]
        }));
        let s = crate::eval::score(&first, &p);
        assert_eq!((s.quotes.tp, s.quotes.fp, s.quotes.fn_), (1, 0, 0));
        assert_eq!(
            (s.orgs_relation.tp, s.orgs_relation.fp, s.orgs_relation.fn_),
            (0, 1, 1)
        );
        assert_eq!((s.topics.tp, s.topics.fp, s.topics.fn_), (2, 0, 1));
        assert!((s.rouge_1 - 1.0).abs() < 1e-9);
    }

    #[test]
    fn a_relation_outside_the_five_is_no_prediction() {
        let bad = labels(serde_json::json!({
            "organizations": [{"name": "Dental Association", "relation": "friend"}]
        }));
        let e = bad.as_prediction().expect_err("an unknown relation");
        assert!(e.to_string().contains("friend"), "{e}");
    }
}
