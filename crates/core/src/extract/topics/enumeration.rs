//! A general enumeration detector, beside the cue rules: a sentence that lists three or more parallel
//! noun phrases ("A, B and C", «A, B и C») and has a word of a broad class of topic cues outside the list
//! (discuss-, topic-, issue-, focus-, session-, обсу-, вопрос-, проблем-, секци- …) gives the items as
//! topics, unless an item is a clause, a date, a link or an organization, most items are capitalized (a
//! list of names or places), or the sentence is about speakers, sponsors, partners or who attended.
//! Chinese is left to the cue rules: the detector lowered the Chinese tune figures.

use regex::Regex;

use crate::transient::Transient;

use super::super::text::{is_acronym, word_count};
use super::super::{orglist, ru as ru_names};
use super::{LINK, trim_item};
use crate::text::Lang;

/// Topic cues, as stems: a word of one outside the list makes it a list of subjects.
static CUE_EN: Transient = Transient::new(|| {
    // "issue" but not "issued" (a statement issued on Sunday); "priorities" but not "prioritizes" (a
    // body's policy, not the event's subject).
    Regex::new(r"(?i)(?-u:\b)(?:(?:discuss|topic|theme|agenda|focus|session|panel|cover|address|explor|examin|debat|tackl|challeng|subject|workshop|dialogue|roundtable|question)\w*|issues?(?-u:\b)|priorit(?:y|ies)(?-u:\b))")
        .expect("enumeration cue regex")
});
static CUE_RU: Transient = Transient::new(|| {
    Regex::new(r"(?i)(?:обсу|обсужд|тем[аыеуо]|темат|вопрос|проблем|повестк|сесси|секци|дискусс|круглы\w+\s+стол|направлени|рассмотр|затрон|посвящ)\w*")
        .expect("enumeration cue regex")
});
/// Sentences about people, sponsors or places rather than subjects.
static OTHER_EN: Transient = Transient::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:speakers?|sponsor\w*|partners?|organi[sz]ed\s+by|hosted\s+by|supported\s+by|attended\s+by|panell?ists|moderat\w+|representatives?|delegations?|countries|companies|exhibitors|members|winners|awards?|universities|institutions|bring(?:ing|s)?\s+together|brought\s+together|gather\w*|attend\w*|officials|leaders|experts|ministers|executives|researchers|scholars|students|delegates|participants|attendees|guests|directors?|chair(?:man|woman|person)?|president|officer|secretary|founder)(?-u:\b)")
        .expect("enumeration other regex")
});
static OTHER_RU: Transient = Transient::new(|| {
    Regex::new(r"(?i)спикер|партн[её]р|спонсор|организатор|при\s+поддержке|гост[иеяь]|представител|делегац|участие\s+приняли")
        .expect("enumeration other regex")
});
/// A finite verb or a subordinator, which makes an English item a clause.
static CLAUSE_EN: Transient = Transient::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:was|were|is|are|has|have|had|will|would|did|does|do|can|could|should|said|says|which|who|that|where|when|while|because|if|but|we|they|he|she|it|i)(?-u:\b)")
        .expect("enumeration clause regex")
});
/// Where the first item starts inside the segment that opens an English list.
static OPEN_EN: Transient = Transient::new(|| {
    Regex::new(r"(?i)(?:^|:\s*|(?-u:\b)(?:(?:challenges|trends|issues|advances|developments|progress)(?:\s+[a-z]+ed)?\s+in|including|include[sd]?|such\s+as|like|namely|on|about|regarding|around|of|as|discuss(?:ed|es|ing)?|address(?:ed|es|ing)?|cover(?:ed|s|ing)?|explor(?:ed|es|e|ing)|examin(?:ed|es|e|ing)|tackl(?:ed|es|e|ing)|debat(?:ed|es|e|ing)|were|are|from|to)\s+)")
        .expect("enumeration open regex")
});
/// A verb in its bare form opening an item: the list says what people came to do ("a forum for
/// farmers to exchange information, discuss … and learn about …"), not what was discussed.
static ACTION_EN: Transient = Transient::new(|| {
    Regex::new(r"^(?:discuss|explore|examine|debate|tackle|learn|hear|meet|identify|strengthen|develop|promote|build|find|gain|share|connect)\s")
        .expect("enumeration action regex")
});
static DATE_EN: Transient = Transient::new(|| {
    Regex::new(r"(?i)\d|(?-u:\b)(?:january|february|march|april|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?-u:\b)")
        .expect("enumeration date regex")
});
static OPEN_RU: Transient = Transient::new(|| {
    Regex::new(r"(?i)(?:^|:\s*|\s[—–]\s|(?:^|\s)(?:о|об|обо|по|как|включая|среди|касающ\w*|связанн\w*|вопрос\w*|тем[аыу]?|темами|проблем\w*|обсу\w*|рассмотр\w*|рассматрива\w*|затрон\w*|затрагива\w*|посвящ\w*|стали|были|станут)\s+)")
        .expect("enumeration open regex")
});
static DATE_RU: Transient = Transient::new(|| {
    Regex::new(r"(?i)\d|январ|феврал|март|апрел|ма[йя]|июн|июл|август|сентябр|октябр|ноябр|декабр")
        .expect("enumeration date regex")
});
/// Whether a paragraph may hold a list of three: a comma, a closing conjunction and a cue, checked before
/// splitting it into sentences.
pub(super) fn may_list(p: &str, lang: Lang) -> bool {
    let closer = match lang {
        Lang::Ru => p.contains(" и ") || p.contains(" или "),
        Lang::En => p.contains(" and ") || p.contains(" or "),
        Lang::Zh => false,
    };
    let cue = match lang {
        Lang::Ru => &CUE_RU,
        _ => &CUE_EN,
    };
    closer && p.contains(", ") && cue.get().is_match(p)
}

/// Items a sentence must list to be taken (lists of two found nothing more on any part measured).
const MIN_ITEMS: usize = 3;

/// The items of the enumeration in an English or Russian sentence, at least [`MIN_ITEMS`], or none.
pub(super) fn items(sentence: &str, lang: Lang) -> Vec<String> {
    match lang {
        Lang::Zh => Vec::new(),
        _ => list(sentence, lang),
    }
}

/// Items split at ", " and "; ", the last after "and"/"or" (и/или); the first is the end of the segment
/// that opens the list, after a word that takes it (on, about, including, discussed, о, по, вопросы …).
fn list(sentence: &str, lang: Lang) -> Vec<String> {
    let (cue, other) = match lang {
        Lang::Ru => (&CUE_RU, &OTHER_RU),
        _ => (&CUE_EN, &OTHER_EN),
    };
    let Some(_) = cue.get().find(sentence) else {
        return Vec::new();
    };
    if other.get().is_match(sentence) {
        return Vec::new();
    }
    let body = sentence.trim_end_matches(['.', '!', '?', ' ', ';']);
    // Segments with their byte offsets.
    let mut segs: Vec<(usize, &str)> = Vec::new();
    let mut start = 0;
    let bytes = body.as_bytes();
    let mut i = 0;
    while i + 1 < bytes.len() {
        if (bytes[i] == b',' || bytes[i] == b';') && bytes[i + 1] == b' ' {
            segs.push((start, &body[start..i]));
            start = i + 2;
            i += 2;
            continue;
        }
        i += 1;
    }
    segs.push((start, &body[start..]));
    let (and, or) = match lang {
        Lang::Ru => (" и ", " или "),
        _ => (" and ", " or "),
    };
    let max_words = 8;
    let mut best: Vec<(usize, usize, String)> = Vec::new();
    for c in 1..segs.len() {
        let (off, seg) = segs[c];
        // The closing segment: "and C", or "B and C".
        let lead = match lang {
            Lang::Ru => ["и ", "или "],
            _ => ["and ", "or "],
        };
        let mut list: Vec<(usize, usize, String)> = Vec::new();
        if let Some(rest) = lead.iter().find_map(|l| seg.strip_prefix(l)) {
            let s = off + (seg.len() - rest.len());
            list.push((s, s + rest.len(), rest.to_string()));
        } else if let Some(k) = seg.rfind(and).or_else(|| seg.rfind(or)) {
            let sep = if seg[k..].starts_with(and) { and } else { or };
            let a = &seg[..k];
            let b = &seg[k + sep.len()..];
            if lang == Lang::Ru && super::ru::is_adjective(a.split_whitespace().last().unwrap_or("")) {
                continue;
            }
            // "maternal and child health": two adjectives, or one alone, share the noun: one item.
            if lang == Lang::En && super::en::shared_noun(a, b) {
                list.push((off, off + seg.len(), seg.to_string()));
            } else {
                // "…, education and make changes in their systems": a verb phrase after the last item
                // says what is done, not what is discussed.
                if lang != Lang::En || !super::en::BARE_VERB.get().is_match(b) {
                    list.push((off + k + sep.len(), off + seg.len(), b.to_string()));
                }
                list.push((off, off + k, a.to_string()));
            }
        } else {
            continue;
        }
        // Back over the short segments before it, to the one that opens the list (a clause, a cue, or
        // the sentence's first).
        let mut k = c;
        let mut first_tail = None;
        while k > 0 {
            k -= 1;
            let (o, s) = segs[k];
            if k > 0 && word_count(s) <= max_words && !opens_item(s, lang) && !cue.get().is_match(s) {
                list.push((o, o + s.len(), s.to_string()));
            } else {
                first_tail = Some((o, s));
                break;
            }
        }
        if let Some((o, s)) = first_tail {
            let open = match lang {
                Lang::Ru => &OPEN_RU,
                _ => &OPEN_EN,
            };
            if let Some(m) = open.get().find_iter(s).last() {
                let tail = &s[m.end()..];
                if !tail.trim().is_empty() && word_count(tail) <= max_words {
                    list.push((o + m.end(), o + s.len(), tail.to_string()));
                }
            }
        }
        list.reverse();
        if list.len() > best.len() {
            best = list;
        }
    }
    if best.len() < MIN_ITEMS {
        return Vec::new();
    }
    // The cue stands outside the list.
    let (from, to) = (best[0].0, best[best.len() - 1].1);
    let outside = cue
        .get()
        .find_iter(body)
        .any(|m| m.end() <= from || m.start() >= to);
    if !outside {
        return Vec::new();
    }
    // "…, which in this edition focused on three themes: …" describes something other than the event.
    let before = body[..from].to_lowercase();
    if [", which", ", whose", "которы"]
        .iter()
        .any(|w| before.contains(w))
    {
        return Vec::new();
    }
    let items: Vec<String> = best.into_iter().map(|(_, _, s)| trim_item(&s)).collect();
    let ok = |it: &String| plausible(it, lang);
    if !items.iter().all(ok) {
        return Vec::new();
    }
    // Lists of names: most items capitalized.
    let caps = items
        .iter()
        .skip_while(|it| sentence.starts_with(it.as_str()))
        .filter(|it| it.chars().next().is_some_and(char::is_uppercase))
        .count();
    if caps * 2 >= items.len() {
        return Vec::new();
    }
    items
}

/// Whether an English/Russian segment is a clause rather than an item.
fn opens_item(s: &str, lang: Lang) -> bool {
    match lang {
        Lang::Ru => ru_clause(s),
        _ => CLAUSE_EN.get().is_match(s),
    }
}

fn ru_clause(s: &str) -> bool {
    s.split_whitespace().any(|w| {
        let w = w.to_lowercase();
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        matches!(
            w,
            "который"
                | "которая"
                | "которые"
                | "которых"
                | "где"
                | "что"
                | "чтобы"
                | "когда"
                | "если"
                | "но"
                | "был"
                | "была"
                | "было"
                | "были"
                | "будет"
                | "будут"
        ) || (w.chars().count() >= 6
            && [
                "ются", "ятся", "ется", "ится", "ают", "яют", "уют", "ил", "ила", "или", "ал", "ала", "али",
                "ать", "ить", "еть",
            ]
            .iter()
            .any(|e| w.ends_with(e)))
    })
}

/// Whether an item may be a topic: short, not a clause, date, link, person or organization.
fn plausible(item: &str, lang: Lang) -> bool {
    let n = word_count(item);
    let low = item.to_lowercase();
    if ["и ", "или ", "as well as ", "and ", "or "]
        .iter()
        .any(|w| low.starts_with(w))
    {
        return false;
    }
    if item.is_empty()
        || n > 8
        || LINK.get().is_match(item)
        || item.contains(['“', '”', '"', '«', '»', '(', ')'])
    {
        return false;
    }
    match lang {
        Lang::Ru => {
            !DATE_RU.get().is_match(item)
                && !ru_clause(item)
                && !item.split_whitespace().any(|w| {
                    w.chars().next().is_some_and(char::is_uppercase)
                        && (ru_names::is_org_head(w) || is_acronym(w))
                })
                && ru_names::names(item).is_empty()
        }
        _ => {
            !DATE_EN.get().is_match(item)
                && !CLAUSE_EN.get().is_match(item)
                && !ACTION_EN.get().is_match(item)
                && !item
                    .split_whitespace()
                    .any(|w| w.chars().next().is_some_and(char::is_uppercase) && orglist::is_org_head(w))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_challenges_in_a_list_open_it_and_a_verb_phrase_after_the_last_item_is_dropped() {
        assert_eq!(
            items(
                "The summit will explore how economies can navigate the challenges experienced in health care, \
                 infrastructure, productivity, education and make changes in their systems.",
                Lang::En
            ),
            vec!["health care", "infrastructure", "productivity", "education"]
        );
    }

    #[test]
    fn people_who_came_to_discuss_and_a_policy_prioritized_are_no_topics() {
        assert!(
            items(
                "The delegates, biologists and palaeontologists, came to discuss their research on corals.",
                Lang::En
            )
            .is_empty()
        );
        assert!(
            items(
                "The network prioritizes social care, ensuring equitable access to family doctors, vaccines and public care.",
                Lang::En
            )
            .is_empty()
        );
        assert_eq!(
            items(
                "Priorities of the forum were tides, fares and dredging.",
                Lang::En
            ),
            vec!["tides", "fares", "dredging"]
        );
    }

    #[test]
    fn an_adjective_alone_before_and_shares_the_noun() {
        assert_eq!(
            items(
                "The growing honey glut, mites, foulbrood, maternal and child health, as well as the rise in hive losses will also be discussed at the summit.",
                Lang::En
            ),
            vec![
                "The growing honey glut",
                "mites",
                "foulbrood",
                "maternal and child health"
            ]
        );
    }

    #[test]
    fn enumerations_with_a_cue_outside_the_list() {
        assert_eq!(
            items(
                "The second day turned to the harbour's future, with panels on dredging costs, ferry timetables and night noise.",
                Lang::En
            ),
            vec!["dredging costs", "ferry timetables", "night noise"]
        );
        assert_eq!(
            items(
                "В секциях речь пойдет о ремонте дорог, вывозе мусора и озеленении дворов.",
                Lang::Ru
            ),
            vec!["ремонте дорог", "вывозе мусора", "озеленении дворов"]
        );
    }

    #[test]
    fn names_clauses_sponsors_and_lists_without_a_cue_are_not_topics() {
        // No cue word.
        assert!(items("We bought apples, pears and plums.", Lang::En).is_empty());
        // Speakers and sponsors.
        assert!(
            items(
                "Speakers at the session included mayors, engineers and port pilots.",
                Lang::En
            )
            .is_empty()
        );
        // Names and places, mostly capitalized.
        assert!(
            items(
                "The panel discussed the ties between Norway, Iceland and Denmark.",
                Lang::En
            )
            .is_empty()
        );
        // Clauses.
        assert!(
            items(
                "The topic was hot, the room was full and the coffee ran out.",
                Lang::En
            )
            .is_empty()
        );
        // People named with their roles.
        assert!(
            items(
                "After the break, Orla Venn, executive director of the Tide Guild and incoming board chair, will host a dialogue on harbour fees, tolls, and dredging.",
                Lang::En
            )
            .is_empty()
        );
        // Two items.
        assert!(items("The session covered tides and currents.", Lang::En).is_empty());
        // What people came to do.
        assert!(
            items(
                "The workshop is a place for growers to swap seed, discuss ways to work together and learn about new and proven methods.",
                Lang::En
            )
            .is_empty()
        );
        assert!(items("Спонсорами секции стали банк, завод и порт.", Lang::Ru).is_empty());
        assert!(items("议题包括海洋经济、港口物流、渔业转型。", Lang::Zh).is_empty());
    }
}
