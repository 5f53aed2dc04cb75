//! Organizations and their part in the event, from passive and partnership phrases: "sponsored by A,
//! B and other …", "supported by A, the B and the C", "organized by", "jointly hosted by A and B",
//! "in partnership with", "partners include", and "Sponsors:" followed by a bulleted list.
//!
//! A list runs from the phrase to the end of its sentence (or the next phrase) and is split into
//! names by [`super::orglist`]. Only these phrases produce organizations, and not inside quotes: a
//! speaker's employer is not a sponsor.

use std::sync::LazyLock;

use regex::Regex;

use super::orglist::{clean_item, parse_list};
use super::quoted;
use super::sentences::sentences;
use super::text::Block;
use crate::briefing::{Relation, Sponsor};

/// The phrases that introduce organizations and say what part they played.
static TRIGGER: LazyLock<Regex> = LazyLock::new(|| {
    let verbs = r"(?:co-?)?(?:sponsored|organi[sz]ed|hosted|supported|convened|funded|backed)";
    Regex::new(&format!(
        r"(?ix)
        (?-u:\b)(?:(?:jointly|also|co)\s+)?(?P<v1>{verbs})(?:\s+and\s+(?P<v2>{verbs}))?\s+(?:jointly\s+)?by(?-u:\b)
        | (?-u:\b)in\s+(?P<p>partnership|collaboration|cooperation|association|conjunction)\s+with(?-u:\b)
        | (?-u:\b)(?P<pw>partnered)\s+with(?-u:\b)
        | (?-u:\b)with\s+the\s+(?P<s>support|backing|sponsorship)\s+of(?-u:\b)
        | (?-u:\b)under\s+the\s+(?P<a>auspices|patronage)\s+of(?-u:\b)
        | (?-u:\b)(?P<n>(?:co-?)?(?:organi[sz]ers?|sponsors?|hosts?|partners?|supporters?))
          (?:\s+of\s+the\s+(?:[a-z\-]+\s+){{0,2}}?(?:event|forum|conference|summit|congress|expo|festival|meeting))?
          \s*(?:(?:include[sd]?|were|are|was|is)(?-u:\b)|:)"
    ))
    .expect("trigger regex")
});

/// "On the Russian side …", which tells the country of the organizations that follow.
static SIDE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?i:on\s+the)\s+(\p{Lu}\p{L}+)\s+(?i:side)(?-u:\b)").expect("side regex"));

fn relation_of(word: &str) -> Relation {
    let w = word.to_lowercase();
    if w.contains("sponsor") || w.contains("fund") {
        Relation::Sponsor
    } else if w.contains("organi") || w.contains("conven") {
        Relation::Organizer
    } else if w.contains("host") {
        Relation::Host
    } else if w.contains("support") || w.contains("back") || w.contains("auspices") || w.contains("patronage")
    {
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
        let dup = out
            .iter()
            .any(|s| s.relation == relation && s.name.eq_ignore_ascii_case(&name));
        if !dup && out.len() < 200 {
            out.push(Sponsor {
                name,
                relation,
                country,
            });
        }
    };
    for (bi, block) in blocks.iter().enumerate() {
        let Block::Para(text) = block else { continue };
        // Splitting into sentences costs more than one search of the whole paragraph.
        if !TRIGGER.is_match(text) {
            continue;
        }
        // What a speaker says is not a statement of who sponsored the event.
        let quoted = quoted::spans(text);
        let sents = sentences(text);
        for (si, sentence) in sents.iter().enumerate() {
            let country = side_country(sentence);
            // Sentences are sub-slices of the paragraph, so their offset is the pointer difference.
            let offset = (sentence.as_ptr() as usize).saturating_sub(text.as_ptr() as usize);
            let triggers: Vec<_> = TRIGGER
                .captures_iter(sentence)
                .filter(|c| {
                    let at = offset + c.get(0).map_or(0, |m| m.start());
                    !quoted.iter().any(|q| q.open <= at && at < q.close_end)
                })
                .collect();
            for (ti, caps) in triggers.iter().enumerate() {
                let Some(whole) = caps.get(0) else { continue };
                let end = triggers
                    .get(ti + 1)
                    .and_then(|c| c.get(0))
                    .map_or(sentence.len(), |m| m.start());
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::text::blocks;

    fn orgs(body: &str) -> Vec<(String, Relation)> {
        extract(&blocks(body))
            .into_iter()
            .map(|s| (s.name, s.relation))
            .collect()
    }

    fn o(name: &str, r: Relation) -> (String, Relation) {
        (name.to_string(), r)
    }

    #[test]
    fn jointly_hosted_by_two() {
        assert_eq!(
            orgs("The summit was jointly hosted by Tsinghua University and the Digital Trade Council."),
            vec![
                o("Tsinghua University", Relation::Host),
                o("Digital Trade Council", Relation::Host)
            ]
        );
    }

    #[test]
    fn organized_by_keeps_parenthesized_abbreviation() {
        assert_eq!(
            orgs("It was organised by the Asian Broadband Consortium (ABC) for the third year."),
            vec![o("Asian Broadband Consortium (ABC)", Relation::Organizer)]
        );
        assert_eq!(
            orgs("The expo is organized by Smart Cities Network (SCN, Europe) and Globex."),
            vec![
                o("Smart Cities Network (SCN, Europe)", Relation::Organizer),
                o("Globex", Relation::Organizer)
            ]
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
        let got = orgs(
            "The forum was organized and hosted by Acme. It was hosted by Acme, in partnership with Globex.",
        );
        assert_eq!(
            got,
            vec![
                o("Acme", Relation::Organizer),
                o("Acme", Relation::Host),
                o("Globex", Relation::Partner)
            ]
        );
    }

    #[test]
    fn ministry_names_with_commas_and_common_nouns() {
        let got = orgs(
            "It was jointly organized by the Ministry of Digital Development, Innovation and Aerospace \
             Industry of the Republic of Kazakhstan and the United Nations Development Programme (UNDP). \
             The event is hosted by the Portuguese government and Lisbon City Council, and sponsored by \
             the University of Oxford, Google, Microsoft and Amazon.",
        );
        assert_eq!(
            got,
            vec![
                o(
                    "Ministry of Digital Development, Innovation and Aerospace Industry of the Republic of Kazakhstan",
                    Relation::Organizer
                ),
                o("United Nations Development Programme (UNDP)", Relation::Organizer),
                o("Portuguese government", Relation::Host),
                o("Lisbon City Council", Relation::Host),
                o("University of Oxford", Relation::Sponsor),
                o("Google", Relation::Sponsor),
                o("Microsoft", Relation::Sponsor),
                o("Amazon", Relation::Sponsor),
            ]
        );
    }

    #[test]
    fn sponsors_heading_then_bullets() {
        let got = orgs("Our sponsors:\n- Initech Ltd.\n- Umbrella Group\n\nThanks to all.");
        assert_eq!(
            got,
            vec![
                o("Initech Ltd.", Relation::Sponsor),
                o("Umbrella Group", Relation::Sponsor)
            ]
        );
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
    fn partners_of_the_forum_and_triggers_inside_quotes() {
        let got = orgs(
            "Official partners of the forum are Sberbank and Gazprom. \
             “We are proud to be supported by Google,” said Jane Doe.",
        );
        assert_eq!(
            got,
            vec![o("Sberbank", Relation::Partner), o("Gazprom", Relation::Partner)]
        );
    }

    #[test]
    fn garbage_does_not_panic() {
        for t in [
            "sponsored by",
            "sponsored by (((",
            "hosted by and and",
            "partners: ,,,",
            "supported by ) (",
        ] {
            let _ = orgs(t);
        }
    }
}
