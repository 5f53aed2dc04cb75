//! The naive baseline the extraction is measured against: any text in quotation marks is a quote (with no
//! speaker), capitalized phrases after "by" are organizations, every bullet is a topic, the lead two
//! sentences are the summary.

use std::sync::LazyLock;

use regex::Regex;

use super::Prediction;
use crate::briefing::{Quote, Relation, Sponsor, Topic};

static QUOTED: LazyLock<Regex> = LazyLock::new(|| Regex::new(r#""([^"]{3,})"|“([^”]{3,})”"#).expect("valid"));
static BY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(\w+)\s+by\s+((?:the\s+)?[A-Z][\w&.-]*(?:\s+(?:of|for|and|the|[A-Z][\w&.-]*))*)")
        .expect("valid")
});

pub fn extract(body: &str) -> Prediction {
    let quotes = QUOTED
        .captures_iter(body)
        .filter_map(|c| c.get(1).or(c.get(2)))
        .map(|m| Quote {
            text: m.as_str().to_string(),
            speaker: String::new(),
            role: None,
        })
        .collect();
    let organizations = BY
        .captures_iter(body)
        .map(|c| {
            let verb = c[1].to_lowercase();
            let relation = if verb.starts_with("organi") {
                Relation::Organizer
            } else if verb.starts_with("host") {
                Relation::Host
            } else if verb.starts_with("support") {
                Relation::Supporter
            } else {
                Relation::Sponsor
            };
            let name = c[2]
                .trim_end_matches([' ', '.'])
                .trim_end_matches(" and")
                .to_string();
            Sponsor {
                name,
                relation,
                country: None,
            }
        })
        .collect();
    let topics = body
        .lines()
        .map(str::trim_start)
        .filter_map(|l| {
            l.strip_prefix("• ")
                .or(l.strip_prefix("- "))
                .or(l.strip_prefix("* "))
        })
        .map(|t| Topic {
            title: t.trim().to_string(),
            description: None,
        })
        .collect();
    let summary: String = body
        .split_inclusive(". ")
        .take(2)
        .collect::<String>()
        .trim()
        .to_string();
    Prediction {
        quotes,
        organizations,
        topics,
        summary: (!summary.is_empty()).then_some(summary),
        ..Prediction::default()
    }
}
