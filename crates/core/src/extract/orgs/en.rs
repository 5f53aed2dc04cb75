//! English organizations and their part in the event, from passive and partnership phrases: "sponsored by A,
//! B and other …", "supported by A, the B and the C", "organized by", "jointly hosted by A and B",
//! "in partnership with", "partners include", "gold sponsors A and B", "thanks to partners A and B",
//! "Sponsors:" followed by a bulleted list, "presented by" (a presenting sponsor), "made possible by",
//! the active "A and B co-hosted the forum" / "A and B are hosting the summit", "X, the firm responsible
//! for the operation of the conference", and "One of them was X" after a count of sponsors; a "… by"
//! participle after another noun ("award ceremonies presented by") gives nothing. The organizations
//! that are the subject or owner of the event otherwise are [`super::en_subject`]'s.
//!
//! A list runs from the phrase to the end of its sentence (or the next phrase) and is split into
//! names by [`super::orglist`]. Only these phrases produce organizations, and not inside quotes: a
//! speaker's employer is not a sponsor.

use regex::Regex;

use crate::transient::Transient;

use super::super::facts::KINDS;
use super::super::orglist::{clean_item, is_org_head, parse_list, subject_orgs, without_abbreviation};
use super::super::people::{leading_person, names};
use super::super::quoted::{self, Span};
use super::super::sentences::sentences;
use super::super::text::Block;
use super::en_subject;
use crate::model::{Relation, Sponsor};

/// The phrases that introduce organizations and say what part they played.
static TRIGGER: Transient = Transient::new(|| {
    let verbs = r"(?:co-?)?(?:sponsored|organi[sz]ed|hosted|supported|convened|funded|backed|presented|produced)|spearheaded|brought\s+together|put\s+together|made\s+possible";
    // "sponsored in part by", "organized annually by", "hosted once again by".
    let adverb = r"(?:jointly|annually|together|in\s+part|partly|primarily|largely|generously|once\s+again|again|each\s+year|every\s+year)\s+";
    let nouns = r"(?:co-?)?(?:organi[sz]ers?|sponsors?|hosts?|partners?|supporters?|backers?)";
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
        (?-u:\b)(?:(?:jointly|also|co)\s+)?(?P<v1>{verbs})(?:\s+and\s+(?P<v2>{verbs}))?\s+(?:{adverb})?(?:by|through)(?-u:\b)(?:\s+(?:an?\s+)?(?:generous\s+)?(?:grants?|funding|donations?|contributions?|(?:the\s+)?support)(?:\s+and\s+(?:grants?|funding|donations?|contributions?|support))?\s+(?:from|of)(?-u:\b))?
        | (?-u:\b)in\s+(?P<p>partnership|collaboration|cooperation|association|conjunction)\s+with(?-u:\b)
        | (?-u:\b)(?P<pw>partnered)\s+with(?-u:\b)
        | (?-u:\b)(?:with|thanks\s+to)\s+(?:the\s+)?(?:generous\s+)?(?P<s>(?:financial\s+)?support|backing|sponsorship|funding)\s+(?:of|from)(?-u:\b)
        | (?-u:\b)under\s+the\s+(?P<a>auspices|patronage)\s+of(?-u:\b)
        | (?-u:\b)at\s+the\s+(?P<i>invitation)\s+of(?-u:\b)
        # an initiative led by A, the forum, led by A: who leads the event runs it.
        | (?-u:\b)(?:initiative|project|programme|program|event|forum|conference|summit|congress|symposium|workshop|meeting)\s*,?\s+(?P<l>led)\s+by(?-u:\b)
        # Funding was provided by A: who pays for the event sponsors it.
        | (?-u:\b)(?P<f>funding|sponsorship|financial\s+support)\s+(?:for\s+(?:the|this)\s+(?:[\w\-]+\s+){{0,3}}?)?(?:was|were|is|has\s+been)\s+(?:generously\s+)?(?:provided|given|contributed|donated)\s+by(?-u:\b)
        # the summit is an initiative of A: who started the event runs it.
        | (?-u:\b)(?:is|was|are|were)\s+(?:an?\s+)?(?:joint\s+)?(?P<ini>initiative|brainchild)\s+of(?-u:\b)
        # the event was a collaboration between (student groups including) A, B and C: its makers.
        | (?-u:\b)(?:was|is|were|are)\s+(?:a\s+)?(?:joint\s+)?(?P<cb>collaboration|co-?operation|partnership|joint\s+effort|joint\s+initiative)\s+(?:between|among)(?:(?:\s+[\w\-]+){{1,3}}\s+including)?(?-u:\b)
        | (?-u:\b){tiers}\s+(?P<t>{nouns}){of_event}{aside}\s*(?:{verb}|:)?
        | (?-u:\b){thanks}(?P<th>{nouns})(?-u:\b):?
        | (?-u:\b)(?P<n>{nouns}){of_event}{aside}\s*(?:{verb}|:)"
    ))
    .expect("trigger regex")
});

/// Active voice, "The University of Lagos and the Arts Council co-hosted the forum": the subject
/// before the verb is the list. Only with the event as object ("the first in its series" counts), so
/// "Acme hosted a dinner" is no sign.
static ACTIVE: Transient = Transient::new(|| {
    Regex::new(
        r"(?ix)(?-u:\b)(?:jointly\s+|also\s+)?
        (?P<v>(?:co-?)?(?:sponsored|organi[sz]ed|hosted|supported|convened|funded)
            | (?:co-?)?(?:sponsor|organi[sz]e|host|convene)s
            # A and B are hosting the summit
            | (?:is|are|was|were)\s+(?:co-?)?(?:hosting|organi[sz]ing|sponsoring|convening))
        \s+(?:(?:the|this(?:\s+year['’]s)?)\s+(?:[\w\-]+\s+){0,4}?
        (?:event|forum|conference|summit|congress|expo|festival|meeting|workshop|week|dialogue|exhibition|fair)(?-u:\b)
        # hosted the first in its series of digital events
        | the\s+(?:first|second|third|latest|last|next|final)\s+(?:in|of)\s+(?:a|its|their|the)\s+series(?-u:\b))",
    )
    .expect("active regex")
});

/// "With Foyle Port as its headline sponsor, the Conference …": a name given its part after "as".
static AS_ROLE: Transient = Transient::new(|| {
    Regex::new(
        r"(?-u:\b)(?i:with)\s+(?:(?i:the)\s+)?(?P<n>\p{Lu}[\p{L}\p{N}.&’'\-]*(?:\s+(?:(?:of|for|and|the|&)\s+)*\p{Lu}[\p{L}\p{N}.&’'\-]*){0,7})\s+as\s+(?:its|the|their|our|an?)\s+(?:(?:main|lead|headline|title|official|principal|premier|gold|platinum|strategic|founding)\s+)?(?P<r>(?:co-?)?(?:organi[sz]er|sponsor|host|partner|supporter))s?(?-u:\b)",
    )
    .expect("as role regex")
});

/// "held at the U.S. Chamber of Commerce": an institution the event is held at hosts it; a hall, hotel or
/// centre is only a venue. The name is the capitalized run after "at", with "of", "for", "and" inside it.
static HELD_AT: Transient = Transient::new(|| {
    Regex::new(
        r"(?-u:\b)(?:held|hosted|takes\s+place|took\s+place|will\s+take\s+place)\s+at\s+(?:the\s+)?(?P<n>\p{Lu}[\p{L}.&’'\-]*(?:\s+(?:(?:of|for|and|&|the)\s+)*\p{Lu}[\p{L}.&’'\-]*)*)",
    )
    .expect("held at regex")
});

/// Words that end the name of a place rather than of an institution ("Pyle Center", "Grand Hyatt
/// Hotel", "Convention Hall").
fn is_venue_word(word: &str) -> bool {
    matches!(
        word.to_lowercase().as_str(),
        "center"
            | "centre"
            | "hall"
            | "hotel"
            | "pavilion"
            | "arena"
            | "stadium"
            | "palace"
            | "castle"
            | "building"
            | "complex"
            | "auditorium"
            | "theatre"
            | "theater"
            | "park"
            | "square"
            | "room"
            | "house"
            | "campus"
            | "forum"
            | "resort"
            | "museum"
            | "gallery"
            | "library"
    )
}

/// The host an event "held at" an institution names, when the name is an institution's.
fn held_at(sentence: &str) -> Option<String> {
    let c = HELD_AT.get().captures(sentence)?;
    let name = c.name("n")?.as_str().trim_end_matches(['.', '’', '\'']);
    let words: Vec<&str> = name.split_whitespace().collect();
    let institution = words.iter().any(|w| is_org_head(w)) && !words.iter().any(|w| is_venue_word(w));
    institution.then(|| name.to_string())
}

/// "Organized by A, the Congress brought …": the list stops at the event's own noun after a comma.
static EVENT_AFTER_COMMA: Transient = Transient::new(|| {
    Regex::new(&format!(
        r"(?i),\s+(?:the|this|its)\s+(?:{KINDS})(?-i:\s+\p{{Ll}}|[,.;]|$)"
    ))
    .expect("event after comma regex")
});

/// An organizing verb right before "in collaboration with" ("was organised in collaboration with").
static ORGANIZING_BEFORE: Transient = Transient::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?P<v>(?:co-?)?(?:organi[sz]ed|hosted|convened))(?:\s+(?:jointly|together|annually))?\s*$")
        .expect("organizing before regex")
});

/// A member's own part before its name at the head of a list: "signature sponsor Uber Canada".
static ROLE_BEFORE_NAME: Transient = Transient::new(|| {
    Regex::new(r"^\s*(?:(?:the|its|our|their)\s+)?(?:[a-z\-]+\s+){0,2}?(?P<r>(?:co-?)?(?:sponsor|partner|host|organi[sz]er))\s+\p{Lu}")
        .expect("role before name regex")
});

/// "Oman’s biggest exhibitions organiser Omanexpo": a name after the noun of its part, used as a title.
static PART_AS_TITLE: Transient = Transient::new(|| {
    Regex::new(r"(?-u:\b)(?P<d>[a-z]+)\s+(?P<r>organi[sz]er|sponsor)\s+(?P<n>\p{Lu}[\p{L}\p{N}&\-]*(?:\s+(?:of\s+|for\s+|and\s+)?\p{Lu}[\p{L}\p{N}&\-]*){0,5})")
        .expect("part as title regex")
});

/// A name set off by its part in the event: "…, publisher of Acme Media, the co-host of the event".
/// The name is the run of capitalized words just before the comma.
static APPOSED: Transient = Transient::new(|| {
    Regex::new(&format!(
        r"(?P<n>\p{{Lu}}[\p{{L}}\p{{N}}.&’'\-]*(?:\s+\p{{Lu}}[\p{{L}}\p{{N}}.&’'\-]*){{0,5}}),\s+(?:(?:the|a|an|its|one\s+of\s+the)\s+(?P<r>(?:co-?)?(?:hosts?|organi[sz]ers?|sponsors?))\s+of\s+(?:the|this)\s+(?:event|{KINDS})|the\s+(?:event|{KINDS})['’]s\s+(?P<r2>(?:co-?)?(?:hosts?|organi[sz]ers?|sponsors?)))(?-u:\b)"
    ))
    .expect("apposed regex")
});

/// A name set off as the body that runs the event: "…, senior partner of Vell, Orrin, & Tam, LLP, the
/// firm responsible for the operation of the conference". A firm's name may join its partners with
/// commas and "&" and end in ", LLP".
static RESPONSIBLE: Transient = Transient::new(|| {
    Regex::new(&format!(
        r"(?P<n>\p{{Lu}}[\p{{L}}\p{{N}}.&’'\-]*(?:(?:,\s+|\s+)(?:(?:of|for|and|the|&)\s+)*\p{{Lu}}[\p{{L}}\p{{N}}.&’'\-]*){{0,7}}),\s+(?:the|a|an)\s+(?:[\w\-]+\s+){{0,2}}?(?:firm|company|organi[sz]ation|group|agency|body|team|association|society|institution)\s+(?:that\s+(?:is|was)\s+)?responsible\s+for\s+(?:the\s+)?(?:operation|organi[sz]ation|organi[sz]ing|running|planning|hosting|staging|management)\s+(?:of\s+)?(?:the|this)\s+(?:event|{KINDS})(?-u:\b)"
    ))
    .expect("responsible regex")
});

/// The name [`RESPONSIBLE`] found: with its commas only when they join a firm's partners ("&" or a
/// corporate suffix), else the part after the last comma.
fn firm_name(raw: &str) -> String {
    // Without a comma, the last part is the whole name.
    let last = raw.rsplit(", ").next().unwrap_or(raw);
    let firm = raw.contains('&')
        || matches!(
            last.trim_end_matches('.'),
            "LLP" | "LLC" | "Inc" | "Ltd" | "PLLC" | "P.C"
        );
    if firm { raw } else { last }.to_string()
}

/// "On the Russian side …", which tells the country of the organizations that follow.
static SIDE: Transient = Transient::new(|| {
    Regex::new(r"^(?i:on\s+the)\s+(\p{Lu}\p{L}+)\s+(?i:side)(?-u:\b)").expect("side regex")
});

pub(super) fn relation_of(word: &str) -> Relation {
    let w = word.to_lowercase();
    if w.contains("sponsor")
        || w.contains("fund")
        || w.contains("financ")
        || w.starts_with("backer")
        || w.starts_with("made")
        // "The Business Expo, presented by A and B": a presenting sponsor.
        || w.starts_with("present")
    {
        Relation::Sponsor
    } else if w.contains("organi")
        || w == "led"
        || w.starts_with("spearhead")
        || w.contains("conven")
        || w.contains("together")
        || w.starts_with("held")
        || w.starts_with("hold")
        || w.ends_with("holding")
        || w.starts_with("produc")
    {
        Relation::Organizer
    } else if w.contains("host") || w.contains("invitation") {
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
    let demonym = SIDE.get().captures(sentence)?.get(1)?.as_str().to_lowercase();
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
    // The part a sentence that ends in a count of sponsors (partners …) gives the next one.
    let mut counted: Option<Relation> = None;
    for (bi, block) in blocks.iter().enumerate() {
        let Block::Para(text) = block else {
            counted = None;
            continue;
        };
        for (name, relation) in one_of_them(text, &mut counted) {
            add(&mut out, name, relation, None);
        }
        // Splitting into sentences costs more than one search of the whole paragraph.
        let responsible = text.contains("responsible") && RESPONSIBLE.get().is_match(text);
        let part_as_title =
            (text.contains("organiser") || text.contains("organizer") || text.contains("sponsor "))
                && PART_AS_TITLE.get().is_match(text);
        if !TRIGGER.get().is_match(text)
            && !ACTIVE.get().is_match(text)
            && !en_subject::may_match(text)
            && !HELD_AT.get().is_match(text)
            && !APPOSED.get().is_match(text)
            && !AS_ROLE.get().is_match(text)
            && !responsible
            && !part_as_title
        {
            continue;
        }
        // What a speaker says is not a statement of who sponsored the event.
        let quoted = quoted::spans(text);
        let sents = sentences(text);
        for (si, sentence) in sents.iter().enumerate() {
            // "Sponsors:" closing a paragraph, then a bulleted list of names.
            let bullets = match blocks.get(bi + 1) {
                Some(Block::List(items)) if si + 1 == sents.len() => Some(items.as_slice()),
                _ => None,
            };
            let country = side_country(sentence);
            for (name, relation) in in_sentence(text, &quoted, sentence, bullets) {
                add(&mut out, name, relation, country.clone());
            }
        }
    }
    out
}

/// Adds an organization unless it is there already with that relation (the name compared without
/// regard to ASCII case), up to 200.
fn add(out: &mut Vec<Sponsor>, name: String, relation: Relation, country: Option<String>) {
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
}

/// `sentence` (at `offset` in the paragraph whose quotations are `quoted`) with the words inside its
/// quotation marks blanked out, byte offsets kept: a title in marks reads as a blank between its marks.
pub(super) fn blank_quoted(sentence: &str, quoted: &[Span], offset: usize) -> String {
    sentence
        .char_indices()
        .map(|(i, c)| {
            if super::super::quoted::within(quoted, offset + i) {
                " ".repeat(c.len_utf8())
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// A sentence that ends in a count of sponsors, partners or organizers: "… supporting over 82 sponsors."
static COUNTED: Transient = Transient::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:\d[\d,]*|many|several|numerous|dozens\s+of)\s+(?:[\w\-]+\s+)?(?P<n>sponsors|partners|supporters|organi[sz]ers|hosts)[.!]?$")
        .expect("counted regex")
});

/// "One of them was Acme Bank": the next sentence names one of those counted.
static ONE_OF_THEM: Transient = Transient::new(|| {
    Regex::new(r"^(?:(?:One|Two|Three|Some|Several)\s+of\s+(?:them|these|those)|Among\s+(?:them|these|those))\s+(?:was|were|is|are|included|includes)\s+")
        .expect("one of them regex")
});

/// The organizations paragraph `text` names as "one of them" after a sentence that counted sponsors
/// (or partners …), with `counted` carrying that part from sentence to sentence and paragraph to
/// paragraph.
fn one_of_them(text: &str, counted: &mut Option<Relation>) -> Vec<(String, Relation)> {
    let mut found = Vec::new();
    if counted.is_none() && !COUNTED.get().is_match(text.trim_end()) && !text.contains(" of them ") {
        return found;
    }
    for sentence in sentences(text) {
        let sentence = sentence.trim();
        if let Some(relation) = *counted
            && let Some(m) = ONE_OF_THEM.get().find(sentence)
        {
            found.extend(
                parse_list(&sentence[m.end()..])
                    .into_iter()
                    .map(|n| (n, relation)),
            );
        }
        *counted = COUNTED
            .get()
            .captures(sentence)
            .and_then(|c| c.name("n"))
            .map(|n| relation_of(n.as_str()));
    }
    found
}

/// The organizations one sentence of paragraph `text` (whose quotations are `quoted`) names with a
/// relation; `bullets` is the list that follows when the sentence ends its paragraph.
fn in_sentence(
    text: &str,
    quoted: &[Span],
    sentence: &str,
    bullets: Option<&[String]>,
) -> Vec<(String, Relation)> {
    // Sentences are sub-slices of the paragraph, so their offset is the pointer difference.
    let offset = (sentence.as_ptr() as usize).saturating_sub(text.as_ptr() as usize);
    let outside = |at: usize| {
        !quoted
            .iter()
            .any(|q| q.open <= offset + at && offset + at < q.close_end)
    };
    let mut found = Vec::new();
    if let Some(caps) = ACTIVE.get().captures(sentence)
        && let (Some(whole), Some(verb)) = (caps.get(0), caps.name("v"))
        && outside(whole.start())
    {
        let relation = relation_of(verb.as_str());
        let pre = &sentence[..whole.start()];
        let mut names = subject_orgs(pre);
        if names.is_empty() {
            names = listed_subjects(pre);
        }
        found.extend(names.into_iter().map(|n| (n, relation)));
    }
    for c in AS_ROLE.get().captures_iter(sentence) {
        if let (Some(n), Some(r)) = (c.name("n"), c.name("r"))
            && outside(n.start())
        {
            found.push((n.as_str().to_string(), relation_of(r.as_str())));
        }
    }
    // The subject rules read the sentence with its quotations blanked out, offsets kept.
    let unquoted = blank_quoted(sentence, quoted, offset);
    found.extend(en_subject::extract(&unquoted, !found.is_empty()));
    let triggers: Vec<_> = TRIGGER
        .get()
        .captures_iter(sentence)
        .filter(|c| outside(c.get(0).map_or(0, |m| m.start())))
        .collect();
    for (ti, caps) in triggers.iter().enumerate() {
        let Some(whole) = caps.get(0) else { continue };
        let end = triggers
            .get(ti + 1)
            .and_then(|c| c.get(0))
            .map_or(sentence.len(), |m| m.start());
        let list = &sentence[whole.end()..end];
        let list = &list[..EVENT_AFTER_COMMA
            .get()
            .find(list)
            .map_or(list.len(), |m| m.start())];
        // "award ceremonies presented by A and B": the participle tells who ran the noun before it,
        // which is a part of the event or another thing, not the event.
        if caps.name("v1").is_some() && follows_other_noun(&sentence[..whole.start()]) {
            continue;
        }
        let relations: Vec<Relation> = [
            "v1", "v2", "p", "pw", "s", "a", "i", "l", "cb", "ini", "f", "t", "th", "n",
        ]
        .iter()
        .filter_map(|&g| caps.name(g).map(|m| (g, m)))
        .map(|(g, m)| {
            // "was organised in collaboration with A": A organized it too; "held in partnership with
            // A" leaves A a partner.
            let by_verb = (g == "p")
                .then(|| ORGANIZING_BEFORE.get().captures(&sentence[..whole.start()]))
                .flatten()
                .and_then(|c| c.name("v"))
                .map(|v| relation_of(v.as_str()));
            // The bodies an event is a collaboration between, or an initiative of, made it.
            if g == "cb" || g == "ini" {
                Relation::Organizer
            } else {
                by_verb.unwrap_or_else(|| relation_of(m.as_str()))
            }
        })
        .collect();
        // "in partnership with signature sponsor A, as well as B": the first member's own part.
        let (list, first_part) = match ROLE_BEFORE_NAME.get().captures(list) {
            // The match ends on the name's first letter.
            Some(c) => (
                c.get(0).map_or(list, |m| {
                    let last = list[..m.end()].chars().next_back().map_or(0, char::len_utf8);
                    &list[m.end() - last..]
                }),
                c.name("r").map(|r| relation_of(r.as_str())),
            ),
            None => (list, None),
        };
        // "in partnership with members of its Marl Network": the network is the partner.
        let list = ["members of its ", "members of the ", "members of their "]
            .iter()
            .find_map(|p| list.trim_start().strip_prefix(p))
            .unwrap_or(list);
        if person_agent(list) {
            continue;
        }
        let mut names = parse_list(list);
        // "In partnership with A, the B convened …": a fronted phrase's list ends where the subject
        // of the main clause begins, and that subject has the part its verb says. A press release's
        // dateline may stand before the phrase ("CHICAGO, April 27 -- In partnership with …").
        let fronted = {
            let lead = sentence[..whole.start()].trim_end();
            lead.is_empty() || lead.ends_with(['—', '–', ':']) || lead.ends_with("--")
        };
        let mut main = None;
        if fronted && let Some((subject, verb)) = names.last().and_then(|n| main_subject(list, n)) {
            names.pop();
            main = verb.map(|relation| (subject, relation));
        }
        if names.is_empty()
            && list
                .trim_matches(|c: char| c.is_whitespace() || c == ':')
                .is_empty()
            && let Some(items) = bullets
        {
            names = items.iter().filter_map(|i| clean_item(i).0).collect();
        }
        for (k, name) in names
            .into_iter()
            .map(|n| without_owner(without_abbreviation(&without_place(&n))))
            .filter(|n| !is_event_name(n) && !is_bare_head(n))
            .enumerate()
        {
            match first_part.filter(|_| k == 0) {
                Some(r) => found.push((name, r)),
                None => found.extend(relations.iter().map(|&r| (name.clone(), r))),
            }
        }
        found.extend(main);
    }
    if let Some(name) = held_at(&unquoted) {
        found.push((name, Relation::Host));
    }
    if unquoted.contains("responsible") {
        for c in RESPONSIBLE.get().captures_iter(&unquoted) {
            if let Some(n) = c.name("n") {
                found.push((firm_name(n.as_str()), Relation::Organizer));
            }
        }
    }
    for c in PART_AS_TITLE.get().captures_iter(&unquoted) {
        let (Some(n), Some(r)) = (c.name("n"), c.name("r")) else {
            continue;
        };
        // One word, or a body by its head word or acronym: "event organiser Jane Doe" is a person.
        let words: Vec<&str> = n.as_str().split_whitespace().collect();
        let body = words.len() == 1
            || words
                .iter()
                .any(|w| super::super::orglist::is_org_head(w) || super::super::text::is_acronym(w));
        let said = unquoted[n.end()..].trim_start().starts_with("said");
        // The noun before is what the body organizes ("conferences organiser"), not a word of the
        // clause ("leaders from HP and sponsor Intel").
        let noun = c.name("d").is_some_and(|d| {
            !matches!(
                d.as_str(),
                "and"
                    | "or"
                    | "the"
                    | "a"
                    | "an"
                    | "from"
                    | "with"
                    | "by"
                    | "of"
                    | "its"
                    | "our"
                    | "their"
                    | "as"
                    | "to"
                    | "for"
            )
        });
        if body && !said && noun {
            found.push((n.as_str().to_string(), relation_of(r.as_str())));
        }
    }
    for c in APPOSED.get().captures_iter(&unquoted) {
        if let (Some(n), Some(r)) = (c.name("n"), c.name("r").or_else(|| c.name("r2"))) {
            let name = n.as_str().strip_prefix("The ").unwrap_or(n.as_str());
            found.push((name.to_string(), relation_of(r.as_str())));
        }
    }
    // "Dowd’s company organized the conference": the company of the person's role, if the
    // paragraph gives it before ("Allison Dowd, content manager for Acme"); never the phrase itself.
    found
        .into_iter()
        .filter_map(|(name, relation)| match POSSESSIVE_NOUN.get().captures(&name) {
            Some(c) => {
                let owner = c.get(1).map_or("", |m| m.as_str());
                employer(owner, &text[..offset]).map(|n| (n, relation))
            }
            None => Some((name, relation)),
        })
        .collect()
}

/// "the USDA’s Natural Resources Service": an acronym's possessive before a name tells whose the body
/// is and is no part of its name ("Women’s Institute", not an acronym, stays whole).
fn without_owner(name: &str) -> String {
    if let Some((owner, rest)) = name.split_once("’s ").or_else(|| name.split_once("'s "))
        && !owner.contains(' ')
        && owner.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && owner.chars().all(|c| c.is_uppercase() || c == '.' || c == '&')
        && rest.split_whitespace().count() >= 2
        && rest.starts_with(char::is_uppercase)
    {
        return rest.to_string();
    }
    name.to_string()
}

/// Whether the text before a "… by" participle ends in a noun that is not the event but a thing of its
/// own or a part of it: "award ceremonies presented by", "a dinner sponsored by".
fn follows_other_noun(before: &str) -> bool {
    let last = before
        .trim_end()
        .rsplit(' ')
        .next()
        .unwrap_or("")
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    matches!(
        last.as_str(),
        "ceremony"
            | "ceremonies"
            | "award"
            | "awards"
            | "prize"
            | "prizes"
            | "dinner"
            | "dinners"
            | "reception"
            | "receptions"
            | "luncheon"
            | "breakfast"
            | "gala"
            | "report"
            | "study"
            | "survey"
            | "film"
            | "video"
            | "book"
            | "exhibit"
            | "exhibits"
            | "contest"
            | "competition"
            | "scholarship"
            | "scholarships"
    )
}

/// The subject of an active sentence listing two organizations or more when [`subject_orgs`], which
/// wants a head word in each, gives none: "The Vell County Task Force and Harbour Help Now are
/// hosting …". One name has a head word; each other has three words or more (or is an acronym) and
/// no person's title, so "Mayor Jane Doe and the Arts Council hosted …" gives nothing.
fn listed_subjects(pre: &str) -> Vec<String> {
    let subject = pre.trim_end().trim_end_matches(',').trim_end();
    let subject = subject
        .rsplit_once(", ")
        .filter(|(_, rest)| rest.contains(" and "))
        .map_or(subject, |(_, rest)| rest);
    let names = parse_list(subject);
    let ends_at_verb = names.last().is_some_and(|n| subject.ends_with(n.as_str()));
    // Beside the shared head words, those of local bodies: "Task Force", "Coalition", "Initiative".
    let headed = |n: &String| {
        n.split_whitespace().any(|w| {
            is_org_head(w)
                || matches!(
                    w,
                    "Force"
                        | "Coalition"
                        | "Initiative"
                        | "Service"
                        | "Services"
                        | "District"
                        | "Districts"
                        | "Cooperative"
                        | "Collaborative"
                        | "Partnership"
                )
        })
    };
    let acronym = |n: &String| {
        !n.contains(' ')
            && n.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && n.chars().all(|c| !c.is_lowercase())
    };
    let other = |n: &String| {
        (n.split_whitespace().count() >= 3 || acronym(n))
            && !n.split_whitespace().any(super::super::people::is_title_word)
            && n.split_whitespace()
                .all(|w| w.starts_with(char::is_uppercase) || w.len() <= 3)
    };
    if names.len() >= 2
        && ends_at_verb
        && names.iter().any(headed)
        && names.iter().all(|n| headed(n) || other(n))
    {
        names
    } else {
        Vec::new()
    }
}

/// Whether what follows "hosted by" is a person, not a body: a name followed by a role in lowercase
/// ("Jason Vell, vice president of Marl Media"), or a title followed by a name ("NT Minister for
/// Infrastructure, Planning and Logistics, Eva Vell").
fn person_agent(list: &str) -> bool {
    let parts: Vec<&str> = list
        .split(", ")
        .map(|p| p.trim().trim_end_matches(['.', ';', ':']).trim_end())
        .collect();
    let [first, .., last] = parts[..] else {
        return false;
    };
    let name_like = |s: &str| {
        let words: Vec<&str> = s.split_whitespace().collect();
        (2..=3).contains(&words.len())
            && words.iter().all(|w| {
                let mut chars = w.chars();
                chars.next().is_some_and(char::is_uppercase)
                    && chars.all(|c| c.is_lowercase() || c == '-' || c == '.')
            })
            && !words.iter().any(|w| is_org_head(w))
    };
    let role = |s: &str, lowercase: bool| {
        s.split_whitespace().next().is_some_and(|w| {
            (!lowercase || w.starts_with(char::is_lowercase))
                && matches!(
                    w.to_lowercase().as_str(),
                    "president"
                        | "vice"
                        | "vice-president"
                        | "director"
                        | "minister"
                        | "chairman"
                        | "chairwoman"
                        | "chair"
                        | "ceo"
                        | "founder"
                        | "secretary"
                        | "professor"
                        | "head"
                        | "manager"
                        | "executive"
                        | "chief"
                        | "deputy"
                        | "mayor"
                        | "governor"
                )
        })
    };
    let titled = first.split_whitespace().take(3).any(|w| role(w, false));
    (name_like(first) && role(parts[1], true)) || (titled && name_like(last))
}

/// "hosted by Acme at Vell’s Harbour Hall Jan. 26-27": what follows "at" is where and when, when it
/// holds a possessive, a venue word or a number.
fn without_place(name: &str) -> String {
    if let Some((org, place)) = name.split_once(" at ") {
        let where_when = place.split_whitespace().any(|w| {
            w.ends_with("’s")
                || w.ends_with("'s")
                || is_venue_word(w)
                || w.contains(|c: char| c.is_ascii_digit())
        });
        if where_when && !org.is_empty() {
            return org.to_string();
        }
    }
    name.to_string()
}

/// "Dowd’s company", "Acme’s organization": a possessive and a common noun, which refers to an
/// organization without naming it.
static POSSESSIVE_NOUN: Transient = Transient::new(|| {
    Regex::new(r"^(\p{Lu}[\p{L}\-]*)['’]s\s+(?:company|firm|organi[sz]ation|agency|employer|group|business|team|office|department)$")
        .expect("possessive noun regex")
});

/// The organization a person named `surname` works for, from the role given with the name earlier in
/// `before`: "Allison Dowd, content manager for Acme" gives Acme.
fn employer(surname: &str, before: &str) -> Option<String> {
    let mut found = None;
    for m in names(before) {
        if m.as_str().rsplit(' ').next() != Some(surname) || !m.as_str().contains(' ') {
            continue;
        }
        let role = leading_person(&before[m.start()..]).and_then(|p| p.role);
        let org = role.and_then(|r| {
            let (_, org) = [" for ", " at ", " of ", " with "]
                .iter()
                .filter_map(|w| r.rsplit_once(w))
                .max_by_key(|(head, _)| head.len())?;
            clean_item(org).0.filter(|o| o.starts_with(char::is_uppercase))
        });
        if org.is_some() {
            found = org;
        }
    }
    found
}

/// The subject of the main clause that a fronted phrase's list ran into: the last name `last`, right
/// before a lowercase verb ("…, the National League of Cities (NLC) convened 15 mayors"). With the
/// part that verb gives when it is one of running an event, else none.
fn main_subject(list: &str, last: &str) -> Option<(String, Option<Relation>)> {
    let at = list.rfind(last)?;
    let mut rest = list[at + last.len()..].trim_start();
    // The abbreviation parse_list dropped.
    if rest.starts_with('(') {
        rest = rest.split_once(')').map_or("", |(_, r)| r).trim_start();
    }
    let verb = rest.split_whitespace().next()?;
    if !FINITE_VERB.get().is_match(verb) || !list[..at].contains(',') {
        return None;
    }
    let relation = MAIN_VERB.get().is_match(verb).then(|| relation_of(verb));
    Some((last.to_string(), relation))
}

/// A word that may be the finite verb of a main clause: a past tense or a common auxiliary, not "and
/// other bodies".
static FINITE_VERB: Transient = Transient::new(|| {
    Regex::new(r"^(?:[a-z]{2,}ed|will|is|was|has|have|are|were|met|began|drew|brought|held|holds|hosts|convenes|organi[sz]es|opens|launches)$")
        .expect("finite verb regex")
});

/// Verbs of running an event, for the subject after a fronted phrase.
static MAIN_VERB: Transient = Transient::new(|| {
    Regex::new(r"^(?:co-?)?(?:convened|hosted|organi[sz]ed|held|presented|staged|sponsored)$")
        .expect("main verb regex")
});

/// A head word alone ("the Ministry told reporters"): it refers back to an organization named
/// before, and is no name of its own.
fn is_bare_head(name: &str) -> bool {
    !name.contains(' ') && is_org_head(name)
}

/// Whether a name is an event's rather than an organization's: a list after "in partnership with A and
/// B, the 2022 Technology Conference began" runs into the event. "Forum" and "Congress" also end names of
/// organizations (World Economic Forum), so they do not count.
fn is_event_name(name: &str) -> bool {
    let last = name.rsplit(' ').next().unwrap_or("").to_lowercase();
    matches!(
        last.trim_matches(|c: char| !c.is_alphanumeric()),
        "conference"
            | "summit"
            | "symposium"
            | "expo"
            | "exhibition"
            | "convention"
            | "fair"
            | "festival"
            | "workshop"
            | "meeting"
            | "roundtable"
    )
}

#[cfg(test)]
mod tests;
