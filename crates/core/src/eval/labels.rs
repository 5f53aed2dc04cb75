//! The label schema shared by the team's fictional set (`tests/fixtures/articles`) and the real reports
//! (`../shared/articles-real`, `eval/real/extra`): every field either set uses, so a label file that does
//! not follow it is an error rather than silently half read.

use serde::Deserialize;

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
}
