//! English organizations that are the subject or the owner of the event rather than the object of a
//! "by" phrase: "RENEW Wisconsin hosted its third annual summit", "the Authority (HKMA) next month will
//! host …", "the Public Investment Fund which organized the conference", "Fen Jiu was the strategic
//! partner of the event", "WCIT’s Trade Summit", "X provided a $5,000 grant … for the summit", "X, or
//! ACR, is hosting the summit", "X proudly hosted BioEng24, the 16th annual conference", "X says it will host
//! …", "X is going to organise …". The subject is the capitalized run that ends right before
//! the verb (descriptors such as "Chinese spirit brand" fall away), and it must have the shape of an
//! organization: a head word (Authority, Fund, University …) or an acronym, except where the sentence
//! itself calls it a partner or sponsor.

use regex::Regex;

use crate::transient::Transient;

use super::super::facts::KINDS;
use super::super::orglist::is_org_head;
use super::super::people::is_title_word;
use super::en::relation_of;
use crate::model::Relation;

/// "… hosted its third annual summit", "… will host", "… held the “Futures Conference”", "… has organised
/// 'Industrial Fair 2003'": the verb, and whether its object is the event (a title in quotation marks,
/// double or single, its words blanked out by the caller, is one).
static ACTIVE: Transient = Transient::new(|| {
    Regex::new(&format!(
        r"(?ix)(?-u:\b)(?P<will>will\s+|would\s+|is\s+to\s+|is\s+set\s+to\s+|is\s+going\s+to\s+)?(?:also\s+|jointly\s+|successfully\s+)?
        (?P<v>(?:co-?)?(?:hosted|organi[sz]ed|sponsored|convened)|held|(?:co-?)?(?:host|organi[sz]e|sponsor|convene)s?|holds?
            |(?:is|are|was|were|be)\s+(?:co-?)?(?:hosting|organi[sz]ing|sponsoring|convening|holding))(?-u:\b)
        (?P<event>\s+(?:the|this|its|their|a|an)\s+(?:[\w’'\-]+\s+){{0,5}}?(?:(?:{KINDS}|event|edition)(?-u:\b)|[“\x22‘'][^”\x22’']{{1,80}}[”\x22’'])
            |\s+[“\x22‘'][^”\x22’']{{1,80}}[”\x22’']
            |\s+\p{{Lu}}[\w\-]*(?:\s+\p{{Lu}}[\w\-]*){{0,4}},\s+(?:the|a|an|its|their)\s+(?:[\w’'\-]+\s+){{0,5}}?(?:{KINDS})(?-u:\b))?"
    ))
    .expect("active regex")
});

/// "X will hold its annual forum", "X welcomed 300 delegates to its fifth congress", "X on Tuesday
/// launched its summit": a body that opens, holds or gathers people for its own event organizes it.
static OWNED: Transient = Transient::new(|| {
    Regex::new(&format!(
        r"(?ix)(?-u:\b)(?:will\s+|is\s+to\s+)?(?:hold|holds|held|opened|opens|open|launched|launches|launch|kicked\s+off|kicks\s+off|staged|stages|welcomed|welcomes|gathered|gathers|brought|hosted|hosts)(?:\s+[^.;:,]{{1,60}}?\s+(?:to|for|at))?\s+(?:its|their)\s+(?:[\w’'\-]+\s+){{0,5}}?(?:{KINDS}|event|edition)(?-u:\b)"
    ))
    .expect("owned regex")
});

/// A cheap test before [`OWNED`]: the possessive it needs.
fn owns(text: &str) -> bool {
    text.contains(" its ") || text.contains(" their ")
}

/// "X provided a $5,000 grant … for the summit", "X also provided financial support.": who pays for the
/// event sponsors it (the sentence is about the event when nothing follows the support).
static FUNDED: Transient = Transient::new(|| {
    Regex::new(&format!(
        r"(?i)(?-u:\b)(?:provided|awarded|gave|granted|contributed|donated|pledged)\s+(?:an?\s+|the\s+)?(?:\$[\d.,]+\s*(?:million\s+|billion\s+)?|[\w\-]+\s+)?(?:grants?|funding|funds|sponsorship|financial\s+support)(?-u:\b)(?:[^;]{{0,160}}?(?-u:\b)for\s+(?:the|this)\s+(?:[\w’'\-]+\s+){{0,4}}?(?:{KINDS}|event)(?-u:\b)|\s*(?:[,.;]|$))"
    ))
    .expect("funded regex")
});

/// "X on Wednesday announced the 2021 Global Summit", "X announced that its annual conference will be
/// held", "X is launching a series of symposia": a body that announces or launches an event organizes it.
static ANNOUNCED: Transient = Transient::new(|| {
    Regex::new(&format!(
        r"(?i)(?-u:\b)(?:announced|announces|unveiled|unveils|launched|launches|(?:is|are)\s+launching)\s+(?:that\s+(?:its|their)|the|this|its|their|an?)\s+(?:[\w’'\-]+\s+){{0,5}}?(?:{KINDS})(?-u:\b)"
    ))
    .expect("announced regex")
});

/// "X helped put the programme together", "X helped organise the forum", "X helped with planning".
static HELPED: Transient = Transient::new(|| {
    Regex::new(&format!(
        r"(?i)(?-u:\b)helped\s+(?:to\s+)?(?:put\s+(?:the|this|its)\s+(?:[\w’'\-]+\s+){{0,3}}?(?:programme|program|agenda|event|{KINDS})\s+together|(?:organi[sz]e|plan|run|stage|create|set\s+up)\s+(?:the|this)\s+(?:[\w’'\-]+\s+){{0,4}}?(?:{KINDS}|event|programme|program)|with\s+(?:the\s+)?(?:planning|organi[sz]ation|organi[sz]ing|logistics)(?-u:\b))"
    ))
    .expect("helped regex")
});

/// "X, which organized the conference": a relative clause about the event.
static WHICH: Transient = Transient::new(|| {
    Regex::new(&format!(
        r"(?i),?\s+(?:which|that)\s+(?:also\s+|jointly\s+)?(?P<v>(?:co-?)?(?:organi[sz]ed|hosted|sponsored|convened|supported|funded)|(?:co-?)?(?:organi[sz]es|hosts|sponsors|supports))\s+(?:the|this)\s+(?:[\w’'\-]+\s+){{0,4}}?(?:{KINDS}|event|edition)(?-u:\b)"
    ))
    .expect("which regex")
});

/// "X was the strategic partner of the event", and at the end of a sentence "X served as the host."
static PREDICATE: Transient = Transient::new(|| {
    Regex::new(&format!(
        r"(?i)\s+(?:was|is|were|are|will\s+be|has\s+been|have\s+been|served\s+as|serves\s+as|acted\s+as|acts\s+as)\s+(?:the|a|an|one\s+of\s+the)\s+(?:[\w\-]+\s+){{0,2}}?(?P<n>co-?organi[sz]ers?|organi[sz]ers?|co-?hosts?|hosts?|sponsors?|partners?|supporters?)(?:\s+(?:of|for|at|to)\s+(?:the|this)\s+(?:[\w’'\-]+\s+){{0,4}}?(?:{KINDS}|event|edition)(?-u:\b)|\s*[.;]?\s*$)"
    ))
    .expect("predicate regex")
});

/// A capitalized name, its words joined by "of", "for", "and", "&" or "the": the first word, then the
/// group of each later one, which a pattern repeats up to its own bound.
const NAME_RUN: &str = r"\p{Lu}[\p{L}&.\-]*(?:\s+(?:(?:of|for|and|&|the)\s+)?\p{Lu}[\p{L}&.\-]*)";

/// "WCIT’s Trade Summit", "Forum Europe’s AI Summit": the owner of the event organizes it.
static OWNER: Transient = Transient::new(|| {
    Regex::new(&format!(
        r"(?P<owner>{NAME_RUN}{{0,5}})['’]s\s+(?:[\w\-]+\s+){{0,5}}?(?i:{KINDS})(?-u:\b)"
    ))
    .expect("owner regex")
});

/// "the 87th Annual Meeting and Business Summit of the West Virginia Chamber of Commerce": a body whose
/// event it is, after "of".
static OWNER_OF: Transient = Transient::new(|| {
    Regex::new(&format!(
        r"(?P<kind>(?i:{KINDS}))(?-u:\b)\s+of\s+(?:the\s+)?(?P<owner>{NAME_RUN}{{0,7}})"
    ))
    .expect("owner of regex")
});

/// "CERAWeek’s organizer S&P Global", "conference host Vell University": a role in the event as the
/// title before a body's name.
static ROLE_TITLE: Transient = Transient::new(|| {
    Regex::new(&format!(
        r"(?:(?i:{KINDS}|event)|\p{{Lu}}[\p{{L}}\-]*['’]s)\s+(?P<n>(?:co-?)?organi[sz]er|(?:co-?)?host|sponsor)\s+(?P<name>{NAME_RUN}{{0,6}})"
    ))
    .expect("role title regex")
});

/// "The Soil and Water Society (SWS) 75th Annual Conference": an organization's name, its abbreviation
/// and the event it owns.
static OWNER_ABBR: Transient = Transient::new(|| {
    Regex::new(&format!(
        r"(?P<owner>\p{{Lu}}[\p{{L}}&.\-]*(?:\s+(?:(?:of|for|and|&|the|on)\s+)?\p{{Lu}}[\p{{L}}&.\-]*){{0,6}})\s+\((?P<abbr>[A-Z]{{2,10}})\)\s+(?:[\w\-]+\s+){{0,4}}?(?i:{KINDS})(?-u:\b)"
    ))
    .expect("owner abbreviation regex")
});

/// "the LANDx, the Netherlands Land Academy, Annual International conference": a short name, its
/// spelled-out form set off by commas, and the event it owns.
static OWNER_APPOSED: Transient = Transient::new(|| {
    Regex::new(&format!(
        r"(?P<owner>\p{{Lu}}[\p{{L}}\-]*),\s+the\s+(?P<full>\p{{Lu}}[\p{{L}}\-]*(?:\s+(?:(?:of|for|and|the)\s+)?\p{{Lu}}[\p{{L}}\-]*){{0,6}}),\s+(?:\d+(?:st|nd|rd|th)\s+)?(?:\p{{Lu}}[\p{{L}}\-]*\s+){{1,3}}(?i:{KINDS})(?-u:\b)"
    ))
    .expect("owner apposed regex")
});

/// The end of `run` whose capitalized words' initials spell `abbr` ("Soil and Water Society" for SWS
/// in "The Soil and Water Society").
fn spelled_tail<'a>(run: &'a str, abbr: &str) -> Option<&'a str> {
    let n = abbr.chars().count();
    let caps: Vec<(usize, char)> = run
        .split(' ')
        .scan(0, |at, w| {
            let start = *at;
            *at += w.len() + 1;
            Some((start, w))
        })
        .filter_map(|(i, w)| w.chars().next().filter(|c| c.is_uppercase()).map(|c| (i, c)))
        .collect();
    if caps.len() < n {
        return None;
    }
    let tail = &caps[caps.len() - n..];
    let initials: String = tail.iter().map(|&(_, c)| c).collect();
    (initials == abbr).then(|| &run[tail[0].0..])
}

/// Words that may stand between a subject and its verb: a time ("next month", "on Monday", "on March
/// 3") or an adverb. "on" before another capitalized word belongs to the name ("the Council on Trade").
static TRAILING_ADVERBIAL: Transient = Transient::new(|| {
    Regex::new(r"(?i)(?:\s+(?:next|last|this)\s+(?:week|month|year)|\s+on\s+(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|Jan(?:uary|\.)?|Feb(?:ruary|\.)?|March|April|May|June|July|Aug(?:ust|\.)?|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)(?:\s+\d{1,2}(?:st|nd|rd|th)?)?|\s+in\s+\p{Lu}\w+|\s+(?:also|jointly|has|have|had|today|yesterday|recently|once\s+again)|\s+(?-i:[a-z]{3,}ly)|\s+(?:says|said|announced|confirmed)(?:\s+that)?\s+(?:it|they))+$")
        .expect("adverbial regex")
});

/// Whether a paragraph may hold any of these statements (cheaper than splitting it into sentences).
pub(super) fn may_match(text: &str) -> bool {
    ACTIVE.get().is_match(text)
        || PREDICATE.get().is_match(text)
        || (owns(text) && OWNED.get().is_match(text))
        || OWNER.get().is_match(text)
        || (text.contains(" of ") && OWNER_OF.get().is_match(text))
        || HELPED.get().is_match(text)
        || FUNDED.get().is_match(text)
        || ANNOUNCED.get().is_match(text)
        || (text.contains(") ") && OWNER_ABBR.get().is_match(text))
        || (text.contains(", the ") && OWNER_APPOSED.get().is_match(text))
        || ROLE_TITLE.get().is_match(text)
}

/// The bodies a subject coordinates, as organizers, each unless an earlier rule of the sentence already
/// gave it its part.
fn add_organizers(out: &mut Vec<(String, Relation)>, name: &str) {
    for n in coordinated(name) {
        if !out.iter().any(|(o, _)| *o == n) {
            out.push((n, Relation::Organizer));
        }
    }
}

/// Organizations one sentence states as subject or owner of the event; `listed` when a list of
/// subjects was already taken from the sentence's active verb.
pub(super) fn extract(sentence: &str, listed: bool) -> Vec<(String, Relation)> {
    let mut out = Vec::new();
    for c in ACTIVE.get().captures_iter(sentence).filter(|_| !listed) {
        let (Some(whole), Some(v)) = (c.get(0), c.name("v")) else {
            continue;
        };
        // "Jane Doe, CEO of the Acme Foundation, hosted …": an apposition closes before the verb; but
        // "Acme, in partnership with Globex, hosted …" sets off a partner, and the subject is before it.
        let (pre, aliased) = without_aside(&sentence[..whole.start()]);
        let apposition = pre.trim_end().ends_with(',');
        if apposition || (c.name("event").is_none() && c.name("will").is_none()) {
            continue;
        }
        // A short form given with the name ("…, or VIG, hosted") marks a body, whatever its words.
        if let Some(name) = subject(pre, !aliased) {
            out.extend(
                coordinated(&name)
                    .into_iter()
                    .map(|n| (n, relation_of(v.as_str()))),
            );
        }
    }
    for c in WHICH.get().captures_iter(sentence) {
        let (Some(whole), Some(v)) = (c.get(0), c.name("v")) else {
            continue;
        };
        if let Some(name) = subject(&sentence[..whole.start()], true) {
            out.push((name, relation_of(v.as_str())));
        }
    }
    // Not again for a body the verb above already gave its part ("X hosted its annual summit").
    if owns(sentence) {
        for m in OWNED.get().find_iter(sentence) {
            if let Some(name) = subject(&sentence[..m.start()], true) {
                add_organizers(&mut out, &name);
            }
        }
    }
    for m in FUNDED.get().find_iter(sentence) {
        if let Some(name) = subject(&sentence[..m.start()], true) {
            out.extend(coordinated(&name).into_iter().map(|n| (n, Relation::Sponsor)));
        }
    }
    for m in HELPED.get().find_iter(sentence) {
        if let Some(name) = subject(&sentence[..m.start()], true) {
            out.extend(coordinated(&name).into_iter().map(|n| (n, Relation::Organizer)));
        }
    }
    // "announced the winners of its awards": what is announced must be the event, not a part of it.
    for m in ANNOUNCED
        .get()
        .find_iter(sentence)
        .filter(|m| !m.as_str().contains(" of "))
    {
        if let Some(name) = subject(&sentence[..m.start()], true) {
            add_organizers(&mut out, &name);
        }
    }
    for c in PREDICATE.get().captures_iter(sentence) {
        let (Some(whole), Some(n)) = (c.get(0), c.name("n")) else {
            continue;
        };
        let relation = relation_of(n.as_str());
        // A person may "host" an event as its presenter; a partner or sponsor is an organization.
        let strict = relation == Relation::Host;
        if let Some(name) = subject(&sentence[..whole.start()], strict) {
            out.push((name, relation));
        }
    }
    for c in OWNER.get().captures_iter(sentence) {
        let Some(owner) = c.name("owner") else { continue };
        let name = owner.as_str().trim_start_matches("The ").trim();
        // "MSU Women’s Leadership Conference": an irregular plural's possessive is part of the
        // event's name, not its owner.
        let plural = name
            .rsplit(' ')
            .next()
            .is_some_and(|w| matches!(w, "Women" | "Men" | "Children" | "People"));
        // "the Trust’s 2007 conference": a head noun alone stands for a name given in full elsewhere.
        let anaphor = !name.contains(' ') && is_org_head(name);
        if org_shaped(name) && !plural && !anaphor {
            out.push((name.to_string(), Relation::Organizer));
        }
    }
    if sentence.contains(" of ") {
        for c in OWNER_OF.get().captures_iter(sentence) {
            let Some(owner) = c.name("owner") else { continue };
            let name = owner.as_str().trim_end_matches(['.', ',']);
            // A head noun, and more than a head noun alone ("the meeting of the Council" refers back).
            // "a meeting of the Council of Ministers" is a session of the body, not its event.
            let kind = c
                .name("kind")
                .map_or(String::new(), |k| k.as_str().to_lowercase());
            let session = matches!(kind.as_str(), "meeting" | "assembly" | "congress");
            let headed = has_head(name) && name.contains(' ');
            if headed && !session && !out.iter().any(|(o, _)| o == name) {
                out.push((name.to_string(), Relation::Organizer));
            }
        }
    }
    for c in ROLE_TITLE.get().captures_iter(sentence) {
        let (Some(n), Some(name)) = (c.name("n"), c.name("name")) else {
            continue;
        };
        let name = name.as_str().trim_end_matches(['.', ',']);
        if org_shaped(name) && !out.iter().any(|(o, _)| o == name) {
            out.push((name.to_string(), relation_of(n.as_str())));
        }
    }
    if sentence.contains(", the ") {
        for c in OWNER_APPOSED.get().captures_iter(sentence) {
            let (Some(owner), Some(full)) = (c.name("owner"), c.name("full")) else {
                continue;
            };
            if has_head(full.as_str()) && !is_org_head(owner.as_str()) {
                out.push((owner.as_str().to_string(), Relation::Organizer));
            }
        }
    }
    if sentence.contains(") ") {
        for c in OWNER_ABBR.get().captures_iter(sentence) {
            let (Some(owner), Some(abbr)) = (c.name("owner"), c.name("abbr")) else {
                continue;
            };
            if let Some(name) = spelled_tail(owner.as_str(), abbr.as_str())
                && has_head(name)
            {
                out.push((name.to_string(), Relation::Organizer));
            }
        }
    }
    out
}

/// A phrase set off by commas between a subject and its verb that names another party: ", in
/// partnership with Globex,", ", with support from the Fund,". `pre` without it.
static ASIDE: Transient = Transient::new(|| {
    Regex::new(r"(?i),\s+(?:(?:in\s+(?:partnership|collaboration|cooperation|association|conjunction)|together|along|jointly)\s+with|with\s+(?:the\s+)?(?:generous\s+|financial\s+)?(?:support|backing|funding|help)\s+(?:of|from)|(?:supported|sponsored|backed|funded)\s+by)\s[^,;:]+?(?:,|\s+\([\p{Lu}\d&.\-]{2,10}\))\s*$")
        .expect("aside regex")
});

/// "Vell Initiative for Growth, or VIG, hosted …": the short form set off after "or" names the same body.
static ALIAS_ASIDE: Transient =
    Transient::new(|| Regex::new(r",\s+or\s+\p{Lu}[\p{Lu}\d&.\-]{1,9},\s*$").expect("alias aside regex"));

/// "Dickinson College, a leader in sustainability education, will host …": a description of the
/// subject set off by commas, an article and no name in it.
static DESCRIBED_ASIDE: Transient =
    Transient::new(|| Regex::new(r",\s+(?:a|an)\s[^,;:()\p{Lu}]+,\s*$").expect("described aside regex"));

/// The words before a verb without an aside that closes them ([`ALIAS_ASIDE`], [`ASIDE`],
/// [`DESCRIBED_ASIDE`]), and whether a short form of the name was among them.
fn without_aside(pre: &str) -> (&str, bool) {
    let alias = ALIAS_ASIDE.get().find(pre);
    let pre = alias.map_or(pre, |m| &pre[..m.start()]);
    let pre = ASIDE.get().find(pre).map_or(pre, |m| &pre[..m.start()]);
    (
        DESCRIBED_ASIDE.get().find(pre).map_or(pre, |m| &pre[..m.start()]),
        alias.is_some(),
    )
}

/// The organization ending `pre`: the capitalized run right before the verb, without a parenthesized
/// acronym or a time adverbial after it, nor a leading "the"; with `strict`, only one shaped like an
/// organization. A run ends at a comma; when what follows the comma describes the name ("Papardes
/// Zieds, Latvia’s Association for Family Planning", "Acme, the region’s largest charity"), the name is
/// before it and may take its shape from the description. A person's title before the name ("President
/// of Acme Fund") is not part of it.
fn subject(pre: &str, strict: bool) -> Option<String> {
    let pre = pre.trim_end().trim_end_matches(',').trim_end();
    if let Some((head, tail)) = pre.rsplit_once(", ")
        && head
            .rsplit(' ')
            .next()
            .is_some_and(|w| w.starts_with(char::is_uppercase))
        && is_description(tail)
    {
        let shaped = org_shaped(tail);
        return subject_run(head, strict && !shaped);
    }
    subject_run(pre, strict)
}

/// Whether a phrase after a comma describes the name before it: it starts with an article and has no
/// capitalized word ("the region’s largest charity"), or with a capitalized possessive ("Latvia’s …").
fn is_description(tail: &str) -> bool {
    let first = tail.split_whitespace().next().unwrap_or("");
    let possessive =
        first.starts_with(char::is_uppercase) && (first.ends_with("’s") || first.ends_with("'s"));
    let plain = matches!(first, "a" | "an" | "the") && !tail.contains(char::is_uppercase);
    possessive || plain
}

fn subject_run(pre: &str, strict: bool) -> Option<String> {
    let mut pre = pre.trim_end().trim_end_matches(',').trim_end();
    if let Some(m) = TRAILING_ADVERBIAL.get().find(pre) {
        pre = pre[..m.start()].trim_end();
    }
    if let Some(open) = pre.strip_suffix(')').and_then(|p| p.rfind('(')) {
        pre = pre[..open].trim_end();
    }
    let words: Vec<&str> = pre.split(' ').collect();
    let connector = |w: &str| matches!(w, "of" | "for" | "and" | "&" | "the" | "on" | "de" | "at");
    // "UN Development Programme (UNDP) Regional Office": a short form inside the name is part of it.
    let capital = |w: &str| {
        let w = w
            .strip_prefix('(')
            .and_then(|w| w.strip_suffix(')'))
            .filter(|a| a.len() >= 2 && a.chars().all(|c| c.is_ascii_uppercase()))
            .unwrap_or(w);
        w.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
    };
    let mut start = words.len();
    // "The Vell Chamber of commerce hosted …": a lowercase last word after "of" and a head word
    // ends the name as the source prints it.
    let lower_tail = words.len() >= 3
        && words[words.len() - 1].chars().all(char::is_lowercase)
        && words[words.len() - 2] == "of"
        && is_org_head(words[words.len() - 3]);
    if lower_tail {
        start -= 2;
    }
    while start > 0
        && (capital(words[start - 1]) || connector(words[start - 1]))
        && (start == words.len() || !words[start - 1].ends_with(','))
    {
        start -= 1;
    }
    while start < words.len() && !capital(words[start]) {
        start += 1;
    }
    let mut run = &words[start..];
    // "2021-05-28 The Vell Chamber hosted …": a stamp before the sentence's own article is not part of
    // the name.
    if let Some(k) = run.iter().rposition(|w| matches!(*w, "The" | "A" | "An"))
        && k > 0
    {
        run = &run[k..];
    }
    // "Mayor Ann Orrin and the Vell Arts Council": a titled person before "and" is not part of the name.
    if let Some(k) = run.iter().rposition(|w| *w == "and")
        && run[..k].iter().any(|w| is_title_word(w))
    {
        run = &run[k + 1..];
        if run.first() == Some(&"the") {
            run = &run[1..];
        }
    }
    // "President of Acme Fund": the person's title.
    if run.len() > 2 && is_title_word(run[0]) && matches!(run[1], "of" | "at" | "for") {
        run = &run[2..];
    }
    // A sentence opener ("The") or a lone capital is not a name.
    let run = if run
        .first()
        .is_some_and(|w| matches!(*w, "The" | "A" | "An" | "Its" | "Their"))
    {
        &run[1..]
    } else {
        run
    };
    let name = run.join(" ");
    let name = name.trim_end_matches(['.', ',', ';', ':', '’', '\'']).to_string();
    // Two names joined by "and" may run longer than one does.
    let short = |name: &str| name.split(' ').count() <= 12;
    let short = short(&name) || coordinated(&name).iter().all(|n| short(n));
    let ok = !run.is_empty() && short && (!strict || org_shaped(&name));
    ok.then_some(name)
}

/// "Kyushu University and Seoul National University": two names, each ending in its head word, joined
/// by "and" are two subjects; "Department of Trade and Industry" and "Bill and Melinda Gates Foundation"
/// are one.
fn coordinated(name: &str) -> Vec<String> {
    let ends_in_head = |s: &str| s.split_whitespace().next_back().is_some_and(is_org_head);
    let two = |a: &str, b: &str| {
        let article = b.starts_with("the ");
        // "A Fund and B Council", "the Center for Studies and the Latin Board" (a head on one side and
        // an article opening the other); not "Commission for Asia and the Pacific".
        let simple = (ends_in_head(a) && ends_in_head(b) || article && (ends_in_head(a) || ends_in_head(b)))
            && !b.contains(" and ");
        // "the School of Advanced Studies (SAIS) and the Center for Strategic and International
        // Studies": each side holds a head word, and the second, opening with its article, may hold an
        // "and" of its own.
        simple || article && has_head(a) && has_head(b)
    };
    match name.split_once(" and ") {
        Some((a, b)) if two(a, b) => vec![
            without_short_form(a).to_string(),
            b.trim_start_matches("the ").to_string(),
        ],
        _ => vec![name.to_string()],
    }
}

/// A name without the short form in brackets after it: "School of Studies (SAIS)".
fn without_short_form(name: &str) -> &str {
    name.trim_end()
        .strip_suffix(')')
        .and_then(|n| n.rsplit_once(" ("))
        .filter(|(_, short)| short.len() >= 2 && short.chars().all(|c| c.is_uppercase() || c == '&'))
        .map_or(name, |(n, _)| n)
}

/// Whether a name holds a head word (School, Center …) anywhere.
fn has_head(name: &str) -> bool {
    name.split_whitespace().any(is_org_head)
}

/// A head word (Authority, Fund, University …) or an acronym (HKMA, RENEW).
fn org_shaped(name: &str) -> bool {
    name.split_whitespace().any(|w| {
        let letters: Vec<char> = w.chars().filter(|c| c.is_alphabetic()).collect();
        is_org_head(w) || (letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(s: &str) -> Vec<(String, Relation)> {
        extract(s, false)
    }

    fn o(name: &str, r: Relation) -> (String, Relation) {
        (name.to_string(), r)
    }

    #[test]
    fn a_body_that_announces_or_launches_an_event_organizes_it() {
        assert_eq!(
            found(
                "Carnival Corporation and Vell Hotels Inc. on Wednesday announced the 2021 Global Health Summit."
            ),
            vec![
                o("Carnival Corporation", Relation::Organizer),
                o("Vell Hotels Inc", Relation::Organizer)
            ]
        );
        assert_eq!(
            found(
                "The Harbour Dental Association announced that its 47th annual conference will be held in March."
            ),
            vec![o("Harbour Dental Association", Relation::Organizer)]
        );
        // What is announced must be an event.
        assert!(
            found("The Harbour Dental Association announced the winners of its awards scheme.").is_empty()
        );
    }

    #[test]
    fn subjects_of_active_verbs() {
        assert_eq!(
            found("RENEW Wisconsin hosted its third annual Energy Policy Summit on Friday."),
            vec![o("RENEW Wisconsin", Relation::Host)]
        );
        assert_eq!(
            found(
                "More are expected as the Hong Kong Monetary Authority (HKMA) next month will host a who’s who of finance."
            ),
            vec![o("Hong Kong Monetary Authority", Relation::Host)]
        );
        assert!(found("Mayor Alan Arakawa hosted the forum.").is_empty());
        assert_eq!(
            found(
                "The University of Louisiana at Lafayette hosted the second annual For Our Future Conference."
            ),
            vec![o("University of Louisiana at Lafayette", Relation::Host)]
        );
        assert_eq!(
            found("The HBCU Advocate successfully held the virtual “HBCU Futures Conference” online."),
            vec![o("HBCU Advocate", Relation::Organizer)]
        );
        assert!(found("The conference was held at the Grand Hotel.").is_empty());
        assert!(found("Hong Kong is expected to host the world’s top bankers.").is_empty());
    }

    #[test]
    fn an_alias_after_or_a_lowercase_tail_and_a_stamp() {
        assert_eq!(
            found(
                "Vell Initiative for Growing Leaders, or VIGL, hosted the fourth annual Harbour Women’s Conference."
            ),
            vec![o("Vell Initiative for Growing Leaders", Relation::Host)]
        );
        // Without the short form, the name needs a head word.
        assert!(found("Vell Growing Leaders hosted the fourth annual conference.").is_empty());
        assert_eq!(
            found("2020-03-02 The Marl Chamber of commerce hosted its annual Trade Expo on Friday."),
            vec![o("Marl Chamber of commerce", Relation::Host)]
        );
        assert_eq!(
            found("The Orrin Harbour Trust is hosting the Tidewater Summit next week."),
            vec![o("Orrin Harbour Trust", Relation::Host)]
        );
        // "Women’s" in the event's name is not its owner.
        assert!(found("Ann Orrin attended the Vell Women’s Leadership Conference.").is_empty());
    }

    #[test]
    fn a_grant_for_the_event() {
        assert_eq!(
            found(
                "The Vell Department of Harbours and Fisheries provided a $12,500 grant in May and a second \
                 $1,250.50 grant in June for the summit at Marl College."
            ),
            vec![o("Vell Department of Harbours and Fisheries", Relation::Sponsor)]
        );
        // A grant for something else.
        assert!(found("The Vell Trust provided a grant for the new harbour wall.").is_empty());
    }

    #[test]
    fn relative_clauses_predicates_and_owners() {
        assert_eq!(
            found(
                "said Yasir, chief of the kingdom's vast Public Investment Fund which organized the conference."
            ),
            vec![o("Public Investment Fund", Relation::Organizer)]
        );
        assert_eq!(
            found(
                "Ola Berg, a farmer, and President of Vell Zieds, Marland’s Union of Growers, which hosted the fair, spoke."
            ),
            vec![o("Vell Zieds", Relation::Host)]
        );
        assert_eq!(
            found("Tom Ray thanked the Orrin Trust, the valley’s oldest charity, which hosted the fair."),
            vec![o("Orrin Trust", Relation::Host)]
        );
        assert_eq!(
            found(
                "The Marl Institute, in partnership with the Tidewater Fund, hosted the Ninth Annual Harbour Summit."
            ),
            vec![o("Marl Institute", Relation::Host)]
        );
        assert_eq!(
            found("Chinese spirit brand Fen Jiu was the strategic partner of the event."),
            vec![o("Fen Jiu", Relation::Partner)]
        );
        assert_eq!(
            found("Two issues were the focus of this week’s 2021 WCIT Trade Summit, open to WCIT’s members."),
            Vec::new()
        );
        assert_eq!(
            found("WCIT’s Trade Summit brings focus to trade."),
            vec![o("WCIT", Relation::Organizer)]
        );
        assert!(found("Saudi Arabia's investment summit opened.").is_empty());
        assert_eq!(
            found(
                "(Vell, Marland) The Tide and Harbour Guild Society (THGS) 12th International Annual Conference, to be held online, will feature talks."
            ),
            vec![o("Tide and Harbour Guild Society", Relation::Organizer)]
        );
        assert_eq!(
            found("In May, the TIDEx, the Vell Tide Academy, Annual Harbour conference took place in Marl."),
            vec![o("TIDEx", Relation::Organizer)]
        );
        // The spelled-out form must name an organization.
        assert!(found("We met Orrin, the Harbour Master, Annual Harbour conference host.").is_empty());
        // The abbreviation must spell the name.
        assert!(found("The Harbour Society (ABC) Annual Conference opened.").is_empty());
        assert_eq!(
            found("The Lagos Arts Council helped put the programme together."),
            vec![o("Lagos Arts Council", Relation::Organizer)]
        );
    }

    #[test]
    fn a_future_progressive_host_and_a_head_noun_owner_standing_for_the_name() {
        assert_eq!(
            found("The Yellow-eyed Penguin Trust will be hosting this conference on 17-18 October 2013."),
            vec![o("Yellow-eyed Penguin Trust", Relation::Host)]
        );
        assert!(
            found("Following the success of the Trust’s 2007 conference, this one celebrates a milestone.")
                .is_empty()
        );
        assert_eq!(
            found(
                "Following the success of the Penguin Trust’s 2007 conference, this one celebrates a milestone."
            ),
            vec![o("Penguin Trust", Relation::Organizer)]
        );
    }

    /// The sentence as the caller gives it: the words inside quotation marks blanked out.
    fn blanked(s: &str) -> String {
        super::super::en::blank_quoted(s, &crate::extract::quoted::spans(s), 0)
    }

    #[test]
    fn a_title_in_single_marks_and_two_subjects_each_with_its_head() {
        assert_eq!(
            found(&blanked(
                "The Sri Lanka Chamber of Small Industries has organised the 'International Industrial Fair 2003' to celebrate."
            )),
            vec![o("Sri Lanka Chamber of Small Industries", Relation::Organizer)]
        );
        assert_eq!(
            found(
                "Kyushu University and Seoul National University organized the 2nd Joint Symposium online."
            ),
            vec![
                o("Kyushu University", Relation::Organizer),
                o("Seoul National University", Relation::Organizer)
            ]
        );
        assert_eq!(
            found("The Department of Trade and Industry hosted the summit."),
            vec![o("Department of Trade and Industry", Relation::Host)]
        );
        // Two long names, the second with an "and" of its own, the first with its short form.
        assert_eq!(
            found(
                "The Vell Marl School of Advanced International Studies (VMS) and the Center for Strategic and International Studies will hold a conference."
            ),
            vec![
                o(
                    "Vell Marl School of Advanced International Studies",
                    Relation::Organizer
                ),
                o(
                    "Center for Strategic and International Studies",
                    Relation::Organizer
                )
            ]
        );
    }

    #[test]
    fn an_adverb_a_report_or_a_plan_before_the_verb() {
        assert_eq!(
            found("Orrin Harbour University proudly hosted the annual Tidewater Conference."),
            vec![o("Orrin Harbour University", Relation::Host)]
        );
        assert_eq!(
            found("The Vell Development Bank (VDB) says it will host a regional ministers forum in June."),
            vec![o("Vell Development Bank", Relation::Host)]
        );
        assert_eq!(
            found("The Marl Harbour Trust said it would host the Tidewater Summit next year."),
            vec![o("Marl Harbour Trust", Relation::Host)]
        );
        assert_eq!(
            found("The Marl Chamber of Commerce is going to organise a month-long international trade fair."),
            vec![o("Marl Chamber of Commerce", Relation::Organizer)]
        );
    }

    #[test]
    fn an_event_named_with_its_kind_in_apposition() {
        assert_eq!(
            found("Orrin Harbour University hosted TideEng24, the 16th annual conference on coasts."),
            vec![o("Orrin Harbour University", Relation::Host)]
        );
        // A name that is no event is not enough.
        assert!(found("Orrin Harbour University hosted Anna Vell, the new director.").is_empty());
    }

    #[test]
    fn a_partner_set_off_before_the_verb_and_a_short_form_inside_the_name() {
        // The aside closes with a short form instead of a comma.
        assert_eq!(
            found(
                "The Vell Association for Science (VAS), in collaboration with Marl University and the National Research Council (CNR) held the 19th VAS conference."
            ),
            vec![o("Vell Association for Science", Relation::Organizer)]
        );
        assert_eq!(
            found(
                "The UN Development Programme (UNDP) Regional Office for Asia, with the support of the Vell Aid Agency (VAA), hosted the Fourth Ministerial Forum."
            ),
            vec![o(
                "UN Development Programme (UNDP) Regional Office for Asia",
                Relation::Host
            )]
        );
        // A description of the subject, with no name in it.
        assert_eq!(
            found(
                "Marl College, a recognized leader in sustainability education and research, will host the climate symposium."
            ),
            vec![o("Marl College", Relation::Host)]
        );
        // A description of a person leaves no body.
        assert!(
            found("Ann Orrin, a leader in sustainability education, will host the climate symposium.")
                .is_empty()
        );
    }

    #[test]
    fn a_role_in_the_event_as_a_title_before_a_name() {
        assert_eq!(
            found("Ann Orrin, vice chair of HoneyWeek’s organizer S&P Marl, told attendees."),
            vec![o("S&P Marl", Relation::Organizer)]
        );
        assert_eq!(
            found("Conference host Vell University welcomed 300 guests."),
            vec![o("Vell University", Relation::Host)]
        );
        // A person is no body.
        assert!(found("Event host Ann Orrin opened the evening.").is_empty());
    }

    #[test]
    fn an_event_of_a_body() {
        assert_eq!(
            found(
                "When the 87th Annual Meeting and Business Summit of the Vell Chamber of Commerce convenes, leaders attend."
            ),
            vec![o("Vell Chamber of Commerce", Relation::Organizer)]
        );
        // A meeting of a council is a session of it; a head noun alone refers back.
        assert!(found("It was the first meeting of the Council of Foreign Ministers this year.").is_empty());
        assert!(found("The annual conference of the Society opened.").is_empty());
    }
}
