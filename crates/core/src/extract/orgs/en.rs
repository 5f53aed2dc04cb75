//! English organizations and their part in the event, from passive and partnership phrases: "sponsored by A,
//! B and other …", "supported by A, the B and the C", "organized by", "jointly hosted by A and B",
//! "in partnership with", "partners include", "gold sponsors A and B", "thanks to partners A and B",
//! "Sponsors:" followed by a bulleted list, and the active "A and B co-hosted the forum".
//!
//! A list runs from the phrase to the end of its sentence (or the next phrase) and is split into
//! names by [`super::orglist`]. Only these phrases produce organizations, and not inside quotes: a
//! speaker's employer is not a sponsor.

use std::sync::LazyLock;

use regex::Regex;

use super::super::orglist::{clean_item, parse_list, subject_orgs};
use super::super::quoted;
use super::super::sentences::sentences;
use super::super::text::Block;
use super::en_subject;
use crate::model::{Relation, Sponsor};

/// The phrases that introduce organizations and say what part they played.
static TRIGGER: LazyLock<Regex> = LazyLock::new(|| {
    let verbs = r"(?:co-?)?(?:sponsored|organi[sz]ed|hosted|supported|convened|funded|backed)";
    let nouns = r"(?:co-?)?(?:organi[sz]ers?|sponsors?|hosts?|partners?|supporters?)";
    // "Partners of the forum", "sponsors of this year's edition".
    let of_event = r"(?:\s+of\s+(?:the|this|our|this\s+year['’]s|next\s+year['’]s)\s+(?:[\w\-]+\s+){0,2}?
        (?:event|forum|conference|summit|congress|expo|festival|meeting|edition|programme|program|workshop|week|dialogue|exhibition|fair|show))?";
    // "Sponsors (in alphabetical order):".
    let aside = r"(?:\s*\([^()]{1,40}\))?";
    let verb = r"(?:include[sd]?|were|are|was|is)(?-u:\b)";
    // A tier ("gold sponsors", "media partners") marks a list even without a verb: "gold sponsors A and B".
    let tiers = r"(?:gold|silver|platinum|bronze|diamond|premier|principal|title|lead|main|headline|official|founding|strategic|media|knowledge|technology|industry|academic|institutional)";
    // "thanks to sponsors A and B", "thanked its partners A and B": names follow the noun directly.
    let thanks = r"thank(?:s|ed|ing)?\s+(?:to\s+)?(?:(?:our|its|their|the|all(?:\s+of)?(?:\s+(?:our|its|the))?)\s+)?(?:generous\s+|many\s+)?";
    Regex::new(&format!(
        r"(?ix)
        (?-u:\b)(?:(?:jointly|also|co)\s+)?(?P<v1>{verbs})(?:\s+and\s+(?P<v2>{verbs}))?\s+(?:jointly\s+)?by(?-u:\b)(?:\s+(?:an?\s+)?(?:generous\s+)?(?:grants?|funding|donations?|contributions?)\s+from(?-u:\b))?
        | (?-u:\b)in\s+(?P<p>partnership|collaboration|cooperation|association|conjunction)\s+with(?-u:\b)
        | (?-u:\b)(?P<pw>partnered)\s+with(?-u:\b)
        | (?-u:\b)with\s+(?:the\s+)?(?:generous\s+|financial\s+)?(?P<s>support|backing|sponsorship|funding)\s+(?:of|from)(?-u:\b)
        | (?-u:\b)under\s+the\s+(?P<a>auspices|patronage)\s+of(?-u:\b)
        | (?-u:\b){tiers}\s+(?P<t>{nouns}){of_event}{aside}\s*(?:{verb}|:)?
        | (?-u:\b){thanks}(?P<th>{nouns})(?-u:\b):?
        | (?-u:\b)(?P<n>{nouns}){of_event}{aside}\s*(?:{verb}|:)"
    ))
    .expect("trigger regex")
});

/// Active voice, "The University of Lagos and the Arts Council co-hosted the forum": the subject
/// before the verb is the list. Only with the event as object, so "Acme hosted a dinner" is no sign.
static ACTIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)(?-u:\b)(?:jointly\s+|also\s+)?
        (?P<v>(?:co-?)?(?:sponsored|organi[sz]ed|hosted|supported|convened|funded)
            | (?:co-?)?(?:sponsor|organi[sz]e|host|convene)s)
        \s+(?:the|this(?:\s+year['’]s)?)\s+(?:[\w\-]+\s+){0,4}?
        (?:event|forum|conference|summit|congress|expo|festival|meeting|workshop|week|dialogue|exhibition|fair)(?-u:\b)",
    )
    .expect("active regex")
});

/// "On the Russian side …", which tells the country of the organizations that follow.
static SIDE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?i:on\s+the)\s+(\p{Lu}\p{L}+)\s+(?i:side)(?-u:\b)").expect("side regex"));

pub(super) fn relation_of(word: &str) -> Relation {
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
        if !TRIGGER.is_match(text) && !ACTIVE.is_match(text) && !en_subject::may_match(text) {
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
            let mut listed = false;
            if let Some(caps) = ACTIVE.captures(sentence)
                && let (Some(whole), Some(verb)) = (caps.get(0), caps.name("v"))
                && !quoted
                    .iter()
                    .any(|q| q.open <= offset + whole.start() && offset + whole.start() < q.close_end)
            {
                for name in subject_orgs(&sentence[..whole.start()]) {
                    listed = true;
                    push(name, relation_of(verb.as_str()), country.clone());
                }
            }
            let said = |at: usize| quoted.iter().any(|q| q.inner_start <= at && at < q.inner_end);
            let unquoted: String = sentence
                .char_indices()
                .map(|(i, c)| {
                    if said(offset + i) {
                        " ".repeat(c.len_utf8())
                    } else {
                        c.to_string()
                    }
                })
                .collect();
            for (name, relation) in en_subject::extract(&unquoted, listed) {
                push(name, relation, country.clone());
            }
            for (ti, caps) in triggers.iter().enumerate() {
                let Some(whole) = caps.get(0) else { continue };
                let end = triggers
                    .get(ti + 1)
                    .and_then(|c| c.get(0))
                    .map_or(sentence.len(), |m| m.start());
                let list = &sentence[whole.end()..end];
                let relations: Vec<Relation> = ["v1", "v2", "p", "pw", "s", "a", "t", "th", "n"]
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
    fn organized_by_drops_an_abbreviation_but_keeps_a_qualifier() {
        assert_eq!(
            orgs("It was organised by the Asian Broadband Consortium (ABC) for the third year."),
            vec![o("Asian Broadband Consortium", Relation::Organizer)]
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
                o("United Nations Development Programme", Relation::Organizer),
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
    fn tiers_without_a_verb_and_asides_before_the_colon() {
        let got = orgs(
            "Gold sponsors Initrode and Vandelay Industries were thanked. \
             Sponsors (in alphabetical order): Hooli, Pied Piper and Oscorp (OC).",
        );
        assert_eq!(
            got,
            vec![
                o("Initrode", Relation::Sponsor),
                o("Vandelay Industries", Relation::Sponsor),
                o("Hooli", Relation::Sponsor),
                o("Pied Piper", Relation::Sponsor),
                o("Oscorp", Relation::Sponsor),
            ]
        );
        // A tier word followed by no name gives nothing.
        assert!(orgs("Media partners will be announced in May.").is_empty());
    }

    #[test]
    fn partners_of_this_years_edition_then_bullets() {
        let got = orgs("Partners of this year’s edition include:\n\n• Initech Ltd.\n• The Kibo Fund\n");
        assert_eq!(
            got,
            vec![
                o("Initech Ltd.", Relation::Partner),
                o("Kibo Fund", Relation::Partner)
            ]
        );
    }

    #[test]
    fn support_and_funding_from() {
        let got =
            orgs("It ran with support from the Ministry of Culture and with funding from the Arts Council.");
        assert_eq!(
            got,
            vec![
                o("Ministry of Culture", Relation::Supporter),
                o("Arts Council", Relation::Sponsor)
            ]
        );
    }

    #[test]
    fn trigger_inside_parentheses_ends_at_the_closing_one() {
        let got = orgs(
            "The forum (sponsored by Acme Corp and Globex) opened on Monday. The dinner was organised \
             by the Nordic Council (sponsors: Initech and Umbrella Group) and ran late.",
        );
        assert_eq!(
            got,
            vec![
                o("Acme Corp", Relation::Sponsor),
                o("Globex", Relation::Sponsor),
                o("Nordic Council", Relation::Organizer),
                o("Initech", Relation::Sponsor),
                o("Umbrella Group", Relation::Sponsor),
            ]
        );
    }

    #[test]
    fn thanks_to_sponsors() {
        let got = orgs(
            "The organizers thanked their partners Globex and the Cairn Foundation. \
             Thanks to our sponsors, who made it possible.",
        );
        assert_eq!(
            got,
            vec![
                o("Globex", Relation::Partner),
                o("Cairn Foundation", Relation::Partner)
            ]
        );
    }

    #[test]
    fn active_voice_with_the_event_as_object() {
        let got = orgs(
            "The University of Lagos and the Eko Arts Council co-hosted the forum. \
             Arts Council director Jane Doe organised the summit. Acme Group hosted a dinner.",
        );
        assert_eq!(
            got,
            vec![
                o("University of Lagos", Relation::Host),
                o("Eko Arts Council", Relation::Host)
            ]
        );
        // A speaker's employer in an apposition is not the subject.
        assert!(orgs("Jane Doe, CEO of the Acme Foundation, hosted the workshop.").is_empty());
        assert_eq!(
            orgs("On Monday, the Arts Council hosted the forum."),
            vec![o("Arts Council", Relation::Host)]
        );
    }

    #[test]
    fn supported_by_a_grant_from() {
        assert_eq!(
            orgs("The summit was supported by a grant from the Wellcome Trust and by the City of Oslo."),
            vec![
                o("Wellcome Trust", Relation::Supporter),
                o("City of Oslo", Relation::Supporter)
            ]
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
