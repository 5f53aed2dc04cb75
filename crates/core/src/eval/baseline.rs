//! The naive baseline the extraction is measured against: any text in quotation marks is a quote (with no
//! speaker), capitalized phrases after "by" are organizations, every bullet is a topic, and the summary is
//! lead-3, the first three sentences (ending at `.!?` before a space or at `。！？`), which is hard to beat
//! on news.

use regex::Regex;

use crate::transient::Transient;

use super::Prediction;
use crate::briefing::{Quote, Relation, Sponsor, Topic};

static QUOTED: Transient = Transient::new(|| {
    Regex::new(r#""([^"]{3,})"|“([^”]{3,})”|«([^»]{3,})»|「([^」]{3,})」"#).expect("valid")
});
/// The end of a sentence: `.!?` (and closing marks) before whitespace, or a Chinese full stop.
static SENTENCE_END: Transient =
    Transient::new(|| Regex::new(r#"[.!?][”"»’)]*(?:\s|$)|[。！？][”」』"]*"#).expect("valid"));
static BY: Transient = Transient::new(|| {
    Regex::new(r"(\w+)\s+by\s+((?:the\s+)?[A-Z][\w&.-]*(?:\s+(?:of|for|and|the|[A-Z][\w&.-]*))*)")
        .expect("valid")
});

pub fn extract(body: &str) -> Prediction {
    let quotes = QUOTED
        .get()
        .captures_iter(body)
        .filter_map(|c| c.iter().skip(1).flatten().next())
        .map(|m| Quote {
            text: m.as_str().to_string(),
            speaker: String::new(),
            role: None,
        })
        .collect();
    let organizations = BY
        .get()
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
    let summary = lead(body, 3);
    Prediction {
        quotes,
        organizations,
        topics,
        summary: (!summary.is_empty()).then_some(summary),
        ..Prediction::default()
    }
}

/// The first `n` sentences of `body`, lines joined with spaces.
pub fn lead(body: &str, n: usize) -> String {
    let text = body.split_whitespace().collect::<Vec<_>>().join(" ");
    let end = SENTENCE_END
        .get()
        .find_iter(&text)
        .nth(n.saturating_sub(1))
        .map_or(text.len(), |m| m.end());
    text[..end].trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lead_three_in_each_script() {
        assert_eq!(lead("One. Two!\nThree? Four.", 3), "One. Two! Three?");
        assert_eq!(
            lead("论坛开幕。嘉宾致辞！会议结束？明天继续。", 3),
            "论坛开幕。嘉宾致辞！会议结束？"
        );
        assert_eq!(lead("«Да.» Нет. Может.", 2), "«Да.» Нет.");
    }
}
