//! Topics discussed at the event: the items of a bulleted list introduced by a sentence about topics,
//! discussions, sessions, panels or the agenda, and inline lists such as "topics included A, B and C"
//! or "four key sessions, namely A, B, C and D".
//!
//! Lists introduced as speakers, attendees, partners or links are not topics, and neither are lists
//! whose items are mostly URLs.

use std::sync::LazyLock;

use regex::Regex;

use super::sentences::sentences;
use super::text::{Block, collapse_ws, word_count};
use crate::model::Topic;

/// Nouns and verbs that introduce topics.
static TOPIC_WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(?:topics?|discussions?|sessions?|panels?|agenda|themes?|tracks?|workshops?|subjects?|issues?|questions?|debates?|talks|presentations?|programme|program|roundtables?|seminars?|streams?|keynotes?|focus\s+areas?)(?-u:\b)",
    )
    .expect("topic word regex")
});

/// Verbs whose object is the topics even when the subject is people ("participants discussed:").
static TOPIC_VERB: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:discussed|covered|addressed|explored|examined|debated|tackled|touched\s+on|dealt\s+with|focus(?:s|ed|sed)?\s+on)(?-u:\b)")
        .expect("topic verb regex")
});

/// Nouns that introduce lists of something else.
static OTHER_WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(?:speakers?|attendees|participants|delegates|guests|partners?|sponsors?|organi[sz]ers?|exhibitors|members|countries|winners|awards?|links?|contacts?|hosts?|supporters?|delegations?|companies|organi[sz]ations|panell?ists|moderators?|resources|further\s+reading|read\s+more|see\s+also)(?-u:\b)",
    )
    .expect("other word regex")
});

/// Inline lists: "<topic noun> … included|namely|such as <list>".
static INLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(?:topics?|themes?|sessions?|panels?|discussions?|agenda|issues|tracks|subjects|areas)(?-u:\b)(?P<gap>[^.:;]*?)(?-u:\b)(?P<v>included|include|includes|including|covered|covers|cover|such\s+as|namely|focused\s+on|focussed\s+on|centred\s+on|centered\s+on|were|are)(?-u:\b)\s*:?\s*",
    )
    .expect("inline topics regex")
});

/// A URL or bare domain name, which makes a list item a link rather than a topic.
static LINK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)https?://|(?-u:\b)www\.|^\S+\.(?:com|org|net|io|gov|edu|int|info|ru|cn|uk|de)(?:/\S*)?$")
        .expect("link regex")
});

/// Extracts topics in document order, without duplicates.
pub(crate) fn extract(blocks: &[Block]) -> Vec<Topic> {
    let mut out: Vec<Topic> = Vec::new();
    let mut push = |t: Topic| {
        if !t.title.is_empty()
            && !out.iter().any(|o| o.title.eq_ignore_ascii_case(&t.title))
            && out.len() < 100
        {
            out.push(t);
        }
    };
    for (i, block) in blocks.iter().enumerate() {
        match block {
            Block::List(items) => {
                let intro = i.checked_sub(1).and_then(|j| match &blocks[j] {
                    Block::Para(p) => sentences(p).pop(),
                    Block::List(_) => None,
                });
                let links = items.iter().filter(|it| LINK.is_match(it)).count();
                if intro.is_some_and(is_topic_intro) && links * 2 < items.len() {
                    items
                        .iter()
                        .filter(|it| !LINK.is_match(it))
                        .map(|it| bullet_topic(it))
                        .for_each(&mut push);
                }
            }
            // Splitting into sentences costs more than one search of the whole paragraph.
            Block::Para(p) if INLINE.is_match(p) => {
                for sentence in sentences(p) {
                    inline_topics(sentence).into_iter().for_each(&mut push);
                }
            }
            Block::Para(_) => {}
        }
    }
    out
}

/// Whether a sentence introduces a list of topics. Looks at its last clause when that clause names the
/// list ("Along with representatives …, the conference discussions included:"), and lets the first
/// list noun decide ("Speakers at the sessions included:" lists speakers).
fn is_topic_intro(sentence: &str) -> bool {
    let clause = sentence
        .rsplit(", ")
        .next()
        .filter(|c| TOPIC_WORD.is_match(c) || OTHER_WORD.is_match(c) || TOPIC_VERB.is_match(c))
        .unwrap_or(sentence);
    if TOPIC_VERB.is_match(clause) {
        return true;
    }
    let topic = TOPIC_WORD.find(clause).map(|m| m.start());
    let other = OTHER_WORD.find(clause).map(|m| m.start());
    match (topic, other) {
        (Some(t), Some(o)) => t < o,
        (Some(_), None) => true,
        _ => false,
    }
}

/// One bullet as a topic: the text without the trailing period. "Title: long description" is split
/// only when the title is short and the rest is a real sentence, so "Digital Economy: Global Risks and
/// International Cooperation" stays one title.
fn bullet_topic(item: &str) -> Topic {
    let text = trim_item(item);
    for sep in [": ", " – ", " — ", " - "] {
        let Some((title, description)) = text.split_once(sep) else {
            continue;
        };
        let prose = description
            .split_whitespace()
            .filter(|w| w.chars().next().is_some_and(char::is_lowercase))
            .count();
        if word_count(title) <= 6
            && !title.contains(". ")
            && word_count(description) >= 12
            && prose * 3 >= word_count(description)
        {
            return Topic {
                title: title.trim().to_string(),
                description: Some(description.trim().to_string()),
            };
        }
    }
    Topic {
        title: text,
        description: None,
    }
}

fn trim_item(item: &str) -> String {
    let t = collapse_ws(item);
    let t = t.trim_end_matches(['.', ';', ',', ' ']);
    let t = t
        .strip_suffix("; and")
        .or_else(|| t.strip_suffix(" and"))
        .or_else(|| t.strip_suffix("; or"))
        .unwrap_or(t);
    t.trim_end_matches(['.', ';', ',', ' ']).to_string()
}

/// Topics listed inline in one sentence, or none.
fn inline_topics(sentence: &str) -> Vec<Topic> {
    let Some(caps) = INLINE.captures(sentence) else {
        return Vec::new();
    };
    let (Some(whole), Some(verb), Some(gap)) = (caps.get(0), caps.name("v"), caps.name("gap")) else {
        return Vec::new();
    };
    // "sessions, namely": the noun and its verb sit close together.
    if gap.as_str().chars().count() > 40 {
        return Vec::new();
    }
    let mut list = &sentence[whole.end()..];
    for stop in [
        ", which",
        ", who",
        ", where",
        ", while",
        ", with ",
        "; ",
        " among others",
        ", etc",
        " and more",
        " and others",
        " – ",
        " — ",
        "(",
        "“",
    ] {
        if let Some(i) = list.find(stop) {
            list = &list[..i];
        }
    }
    let list = list.trim_end_matches(['.', '!', '?', ' ']);
    let mut items: Vec<String> = list.split(", ").map(str::to_string).collect();
    if let Some(last) = items.pop() {
        let last = last.strip_prefix("and ").unwrap_or(&last).to_string();
        match last
            .rsplit_once(" and ")
            .or_else(|| last.rsplit_once(" as well as "))
        {
            Some((a, b)) => items.extend([a.to_string(), b.to_string()]),
            None => items.push(last),
        }
    }
    let items: Vec<String> = items.iter().map(|i| trim_item(i)).collect();
    let weak_verb = matches!(verb.as_str().to_lowercase().as_str(), "were" | "are");
    let min = if weak_verb { 3 } else { 2 };
    let plausible = |i: &String| !i.is_empty() && word_count(i) <= 12 && !LINK.is_match(i);
    if items.len() < min || !items.iter().all(plausible) {
        return Vec::new();
    }
    items
        .into_iter()
        .map(|title| Topic {
            title,
            description: None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::text::blocks;

    fn titles(body: &str) -> Vec<String> {
        extract(&blocks(body)).into_iter().map(|t| t.title).collect()
    }

    #[test]
    fn bulleted_list_after_topic_intro() {
        let body =
            "Day one was busy. The agenda covered:\n\n• Smart cities.\n• Cloud security;\n• Data ethics";
        assert_eq!(
            titles(body),
            vec!["Smart cities", "Cloud security", "Data ethics"]
        );
    }

    #[test]
    fn long_description_after_short_title_is_split() {
        let t = bullet_topic(
            "AI: how machine learning is changing the way cities plan their transport and energy use.",
        );
        assert_eq!(t.title, "AI");
        assert!(t.description.is_some_and(|d| d.starts_with("how machine")));
        assert_eq!(
            bullet_topic("Digital Economy: Global Risks and International Cooperation.").description,
            None
        );
    }

    #[test]
    fn inline_lists() {
        assert_eq!(
            titles("Topics included cybersecurity, cloud computing and smart cities."),
            vec!["cybersecurity", "cloud computing", "smart cities"]
        );
        assert_eq!(
            titles(
                "The event featured four key sessions, namely Energy, Trade, Finance and Digital Connectivity."
            ),
            vec!["Energy", "Trade", "Finance", "Digital Connectivity"]
        );
        assert!(titles("The topics were interesting and timely.").is_empty());
    }

    #[test]
    fn inline_list_after_including() {
        assert_eq!(
            titles(
                "The forum featured 12 thematic sessions, including trade, finance and people-to-people exchanges."
            ),
            vec!["trade", "finance", "people-to-people exchanges"]
        );
    }

    #[test]
    fn lists_of_links_speakers_or_partners_are_not_topics() {
        let links =
            "Further reading on these topics:\n- https://example.com/a\n- www.example.org/b\n- example.net";
        assert!(titles(links).is_empty());
        assert!(titles("Useful links:\n- Report A\n- Report B").is_empty());
        assert!(titles("Speakers at the sessions included:\n- Jane Doe\n- John Roe").is_empty());
        assert!(titles("Partners:\n- Acme\n- Globex").is_empty());
        assert!(titles("- No intro at all\n- Second").is_empty());
    }

    #[test]
    fn garbage_does_not_panic() {
        for b in [
            "topics included",
            "topics included , , and",
            "sessions:\n-  \n- .",
            "namely and",
        ] {
            let _ = titles(b);
        }
    }
}
