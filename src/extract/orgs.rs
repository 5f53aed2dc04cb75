//! Organizations and their part in the event, from passive and partnership phrases: "sponsored by A,
//! B and other …", "supported by A, the B and the C", "organized by", "jointly hosted by A and B",
//! "in partnership with", "partners include", and "Sponsors:" followed by a bulleted list.
//!
//! A list runs from the phrase to the end of its sentence (or the next phrase); items are split at
//! commas and at "and" when "and" starts a new organization rather than continuing a name ("Ministry
//! of Telecom and Mass Communication"). An item stops at the first lowercase word that is not a name
//! connector, which also ends the list, so "and other associations of China" and trailing clauses
//! never become organizations. Only these phrases produce organizations: a speaker's employer does not.

use std::sync::LazyLock;

use regex::Regex;

use super::text::{Block, sentences};
use crate::briefing::{Relation, Sponsor};

static TRIGGER: LazyLock<Regex> = LazyLock::new(|| {
    let verbs = r"(?:co-?)?(?:sponsored|organi[sz]ed|hosted|supported|convened|funded|backed)";
    Regex::new(&format!(
        r"(?ix)
        \b(?:(?:jointly|also|co)\s+)?(?P<v1>{verbs})(?:\s+and\s+(?P<v2>{verbs}))?\s+(?:jointly\s+)?by\b
        | \bin\s+(?P<p>partnership|collaboration|cooperation|association|conjunction)\s+with\b
        | \b(?P<pw>partnered)\s+with\b
        | \bwith\s+the\s+(?P<s>support|backing|sponsorship)\s+of\b
        | \bunder\s+the\s+(?P<a>auspices|patronage)\s+of\b
        | \b(?P<n>(?:co-?)?(?:organi[sz]ers?|sponsors?|hosts?|partners?|supporters?))
          \s*(?:(?:include[sd]?|were|are|was|is)\b|:)"
    ))
    .expect("trigger regex")
});

static SIDE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?i:on\s+the)\s+(\p{Lu}\p{L}+)\s+(?i:side)\b").expect("side regex"));

/// Lowercase words allowed inside organization names.
const CONNECTORS: &[&str] = &[
    "of", "for", "and", "the", "de", "du", "des", "la", "le", "van", "von", "der", "on", "in", "at", "&",
    "to", "y", "et", "di", "da", "del", "und", "für", "d’", "l’",
];

/// Head words that start or end an organization name, used to tell "Ministry of Science and
/// Technology" (one name) from "Ministry of Science and Acme Corp" (two).
const ORG_HEADS: &[&str] = &[
    "ministry", "department", "university", "association", "council", "committee", "agency", "institute",
    "foundation", "center", "centre", "chamber", "federation", "academy", "bank", "office", "commission",
    "bureau", "authority", "alliance", "society", "union", "organization", "organisation", "group",
    "corporation", "corp", "company", "co", "government", "embassy", "administration", "network", "school",
    "college", "board", "fund", "trust", "club", "consortium", "secretariat", "inc", "ltd", "llc", "plc",
    "gmbh", "ag", "sa", "holdings", "technologies", "labs", "partners",
];

/// Corporate suffixes that follow a comma but belong to the previous name ("Acme, Inc."), and keep
/// their period.
const SUFFIXES: &[&str] = &["inc", "ltd", "llc", "llp", "co", "corp", "gmbh", "ag", "s.a", "sa", "plc", "n.v", "b.v", "l.p"];

fn relation_of(word: &str) -> Relation {
    let w = word.to_lowercase();
    if w.contains("sponsor") || w.contains("fund") {
        Relation::Sponsor
    } else if w.contains("organi") || w.contains("conven") {
        Relation::Organizer
    } else if w.contains("host") {
        Relation::Host
    } else if w.contains("support") || w.contains("back") || w.contains("auspices") || w.contains("patronage") {
        Relation::Supporter
    } else {
        Relation::Partner
    }
}

/// The country an "On the Russian side …" sentence attributes its organizations to.
fn side_country(sentence: &str) -> Option<String> {
    let demonym = SIDE.captures(sentence)?.get(1)?.as_str().to_lowercase();
    let country = match demonym.as_str() {
        "russian" => "Russia",
        "chinese" => "China",
        "american" => "United States",
        "british" => "United Kingdom",
        "french" => "France",
        "german" => "Germany",
        "indian" => "India",
        "japanese" => "Japan",
        "italian" => "Italy",
        "spanish" => "Spain",
        "kazakh" | "kazakhstani" => "Kazakhstan",
        "belarusian" => "Belarus",
        "ukrainian" => "Ukraine",
        "brazilian" => "Brazil",
        _ => return None,
    };
    Some(country.to_string())
}

/// Extracts organizations with their relation, in document order, deduplicated by name and relation.
pub(crate) fn extract(blocks: &[Block]) -> Vec<Sponsor> {
    let mut out: Vec<Sponsor> = Vec::new();
    let mut push = |name: String, relation: Relation, country: Option<String>| {
        let dup = out.iter().any(|s| s.relation == relation && s.name.eq_ignore_ascii_case(&name));
        if !dup && out.len() < 200 {
            out.push(Sponsor { name, relation, country });
        }
    };
    for (bi, block) in blocks.iter().enumerate() {
        let Block::Para(text) = block else { continue };
        let sents = sentences(text);
        for (si, sentence) in sents.iter().enumerate() {
            let country = side_country(sentence);
            let triggers: Vec<_> = TRIGGER.captures_iter(sentence).collect();
            for (ti, caps) in triggers.iter().enumerate() {
                let Some(whole) = caps.get(0) else { continue };
                let end = triggers.get(ti + 1).and_then(|c| c.get(0)).map_or(sentence.len(), |m| m.start());
                let list = &sentence[whole.end()..end];
                let relations: Vec<Relation> = ["v1", "v2", "p", "pw", "s", "a", "n"]
                    .iter()
                    .filter_map(|g| caps.name(g))
                    .map(|m| relation_of(m.as_str()))
                    .collect();
                let mut names = parse_list(list);
                // "Sponsors:" closing a paragraph, then a bulleted list of names.
                let list_rest = list.trim_matches(|c: char| c.is_whitespace() || c == ':');
                if names.is_empty()
                    && list_rest.is_empty()
                    && si + 1 == sents.len()
                    && let Some(Block::List(items)) = blocks.get(bi + 1)
                {
                    names = items.iter().filter_map(|i| clean_item(i).0).collect();
                }
                for name in names {
                    for &relation in &relations {
                        push(name.clone(), relation, country.clone());
                    }
                }
            }
        }
    }
    out
}

/// Splits the text after a trigger into organization names, stopping at the first item that turns
/// into a clause.
fn parse_list(list: &str) -> Vec<String> {
    let mut list = list.trim_start_matches([':', ' ']);
    for stop in [", which", ", who", ", where", ", while", ", whereas", ", with ", "; ", " – ", " — ", "“", "\""] {
        if let Some(i) = list.find(stop) {
            list = &list[..i];
        }
    }
    let mut names = Vec::new();
    for seg in split_top_level(list) {
        for part in split_and(seg) {
            if part.trim().is_empty() {
                continue;
            }
            let (name, complete) = clean_item(&part);
            if let Some(name) = name {
                names.push(name);
            }
            if !complete || names.len() >= 30 {
                return names;
            }
        }
    }
    names
}

/// Splits at ", " and at " as well as " / " along with " / " together with " outside parentheses.
fn split_top_level(list: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut depth = 0i32;
    let mut start = 0;
    for (i, c) in list.char_indices() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth -= 1,
            _ => {}
        }
        if depth > 0 || i < start {
            continue;
        }
        let rest = &list[i..];
        let sep = [", ", " as well as ", " along with ", " together with "]
            .into_iter()
            .find(|s| rest.starts_with(s));
        // "Acme, Inc." is one name.
        let next_word = rest.get(2..).unwrap_or("").split([' ', ',']).next().unwrap_or("");
        let suffix = sep == Some(", ") && SUFFIXES.contains(&next_word.trim_end_matches('.').to_lowercase().as_str());
        if let Some(sep) = sep.filter(|_| !suffix) {
            out.push(&list[start..i]);
            start = i + sep.len();
        }
    }
    out.push(&list[start..]);
    out
}

/// Splits a comma segment at " and " where "and" starts another organization: before a lowercase
/// word ("and the …", "and other …"), or before a capitalized word unless the left side is an "X of Y"
/// name and the right side does not look like an organization of its own.
fn split_and(segment: &str) -> Vec<String> {
    let words: Vec<&str> = segment.split_whitespace().collect();
    let mut parts: Vec<Vec<&str>> = vec![Vec::new()];
    let mut depth = 0i32;
    for (i, &w) in words.iter().enumerate() {
        let here_depth = depth;
        depth += w.matches(['(', '[']).count() as i32 - w.matches([')', ']']).count() as i32;
        let current = parts.last().map_or(0, Vec::len);
        if w != "and" || here_depth > 0 || current == 0 {
            if let Some(p) = parts.last_mut() {
                p.push(w);
            }
            continue;
        }
        let next = words.get(i + 1).copied().unwrap_or("");
        let right: Vec<&str> = words[i + 1..].iter().copied().take_while(|&x| x != "and").collect();
        let left = parts.last().map(Vec::as_slice).unwrap_or(&[]);
        let split = if !super::text::starts_upper(next) {
            true
        } else {
            let left_has_of = left.iter().any(|x| matches!(*x, "of" | "for" | "on" | "in" | "de"));
            let right_is_org = right.iter().any(|x| is_org_head(x));
            !left_has_of || right_is_org
        };
        if split {
            parts.push(Vec::new());
        } else if let Some(p) = parts.last_mut() {
            p.push(w);
        }
    }
    parts.into_iter().map(|p| p.join(" ")).collect()
}

fn is_org_head(word: &str) -> bool {
    let w = word.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
    ORG_HEADS.contains(&w.as_str())
}

/// Cleans one list item into a name. Returns the name (if any) and whether the item ended cleanly;
/// `false` means a clause began inside it, so the list is over.
fn clean_item(raw: &str) -> (Option<String>, bool) {
    let mut s = raw.trim().trim_matches(|c: char| matches!(c, ',' | ';' | ':' | '*' | '"' | '“' | '”'));
    for prefix in ["and ", "or ", "both ", "also ", "by ", "jointly by ", "the ", "The "] {
        s = s.strip_prefix(prefix).unwrap_or(s).trim_start();
    }
    let mut kept: Vec<&str> = Vec::new();
    let mut depth = 0i32;
    let mut complete = true;
    for w in s.split_whitespace() {
        let name_like = w.chars().any(|c| c.is_uppercase() || c.is_ascii_digit())
            || CONNECTORS.contains(&w.to_lowercase().as_str());
        if depth == 0 && !name_like {
            complete = false;
            break;
        }
        depth += w.matches('(').count() as i32 - w.matches(')').count() as i32;
        kept.push(w);
    }
    while kept.last().is_some_and(|w| CONNECTORS.contains(&w.to_lowercase().as_str())) {
        kept.pop();
    }
    let mut name = kept.join(" ");
    let keeps_dot = kept.last().is_some_and(|w| {
        let bare = w.trim_end_matches('.').to_lowercase();
        SUFFIXES.contains(&bare.as_str()) || bare.contains('.')
    });
    if !keeps_dot {
        name = name.trim_end_matches('.').to_string();
    }
    let name = name.trim_end_matches([',', ';', ':']).trim().to_string();
    let first_ok = name.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        || kept.first().is_some_and(|w| w.chars().any(char::is_uppercase));
    let pronoun = matches!(name.as_str(), "It" | "We" | "They" | "Its" | "Our" | "Their" | "This" | "These" | "I");
    let valid = first_ok && !pronoun && kept.len() <= 15 && name.len() <= 150;
    (valid.then_some(name), complete)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::text::blocks;

    fn orgs(body: &str) -> Vec<(String, Relation)> {
        extract(&blocks(body)).into_iter().map(|s| (s.name, s.relation)).collect()
    }

    fn o(name: &str, r: Relation) -> (String, Relation) {
        (name.to_string(), r)
    }

    #[test]
    fn jointly_hosted_by_two() {
        assert_eq!(
            orgs("The summit was jointly hosted by Tsinghua University and the Digital Trade Council."),
            vec![o("Tsinghua University", Relation::Host), o("Digital Trade Council", Relation::Host)]
        );
    }

    #[test]
    fn organized_by_keeps_parenthesized_abbreviation() {
        assert_eq!(
            orgs("It was organised by the Asian Broadband Consortium (ABC) for the third year."),
            vec![o("Asian Broadband Consortium (ABC)", Relation::Organizer)]
        );
    }

    #[test]
    fn name_with_inner_and_stays_whole_and_other_is_dropped() {
        let got = orgs(
            "Sponsored by the Department of Trade and Industry, Acme Corp. and other regional bodies. \
             Partners include Foo Labs, Bar, Inc. and Baz (Europe, Middle East).",
        );
        assert_eq!(
            got,
            vec![
                o("Department of Trade and Industry", Relation::Sponsor),
                o("Acme Corp.", Relation::Sponsor),
                o("Foo Labs", Relation::Partner),
                o("Bar, Inc.", Relation::Partner),
                o("Baz (Europe, Middle East)", Relation::Partner),
            ]
        );
    }

    #[test]
    fn organised_and_hosted_gives_both_relations_and_dedups() {
        let got = orgs("The forum was organized and hosted by Acme. It was hosted by Acme, in partnership with Globex.");
        assert_eq!(
            got,
            vec![o("Acme", Relation::Organizer), o("Acme", Relation::Host), o("Globex", Relation::Partner)]
        );
    }

    #[test]
    fn sponsors_heading_then_bullets() {
        let got = orgs("Our sponsors:\n- Initech Ltd.\n- Umbrella Group\n\nThanks to all.");
        assert_eq!(got, vec![o("Initech Ltd.", Relation::Sponsor), o("Umbrella Group", Relation::Sponsor)]);
    }

    #[test]
    fn side_sentence_sets_country_and_employers_are_ignored() {
        let s = extract(&blocks(
            "On the French side the event was supported by the Ministry of Culture. \
             Jane Doe, CEO of Acme, said it went well.",
        ));
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].country.as_deref(), Some("France"));
    }

    #[test]
    fn garbage_does_not_panic() {
        for t in ["sponsored by", "sponsored by (((", "hosted by and and", "partners: ,,,", "supported by ) ("] {
            let _ = orgs(t);
        }
    }
}
