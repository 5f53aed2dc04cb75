//! English topics: inline enumerations after a topic noun and a verb ("topics included A, B and C",
//! "four key sessions, namely …", "the panels will discuss …", "dialogues centered on …"), session titles
//! in quotation marks after a session noun ("Panels for the event, “A” and “B,” gave …"), and the
//! subject of a passive "… were discussed".

use regex::Regex;

use crate::transient::Transient;

use super::super::facts::KINDS;
use super::super::quoted;
use super::super::sentences::sentences;
use super::super::text::word_count;
use super::{LINK, topics, trim_item};
use crate::model::Topic;

/// Nouns and verbs that introduce topics.
static TOPIC_WORD: Transient = Transient::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(?:topics?|discussions?|sessions?|panels?|agenda|themes?|tracks?|workshops?|subjects?|issues?|questions?|debates?|talks|presentations?|programme|program|roundtables?|seminars?|streams?|keynotes?|plenar(?:y|ies)|focus\s+areas?)(?-u:\b)",
    )
    .expect("topic word regex")
});

/// Verbs whose object is the topics even when the subject is people ("participants discussed:").
static TOPIC_VERB: Transient = Transient::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:discuss(?:ed|es)?|cover(?:ed|s)?|address(?:ed|es)?|explor(?:ed|es|e)|examin(?:ed|es|e)|debat(?:ed|es|e)|tackl(?:ed|es|e)|touched\s+on|dealt\s+with|focus(?:s|ed|sed)?\s+on)(?-u:\b)")
        .expect("topic verb regex")
});

/// Nouns that introduce lists of something else.
static OTHER_WORD: Transient = Transient::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(?:speakers?|objectives|goals|aims|attendees|participants|delegates|guests|partners?|sponsors?|organi[sz]ers?|exhibitors|members|countries|winners|awards?|links?|contacts?|hosts?|supporters?|delegations?|companies|organi[sz]ations|panell?ists|moderators?|resources|further\s+reading|read\s+more|see\s+also)(?-u:\b)",
    )
    .expect("other word regex")
});

/// Inline lists: "<topic noun> … included|namely|such as|will discuss <list>".
static INLINE: Transient = Transient::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(?P<n>topics?|themes?|sessions?|panels?|plenaries|discussions?|dialogues?|conversations?|debates?|talks?|roundtables?|round\s+tables|workshops?|seminars?|presentations?|agenda|issues|tracks|subjects|areas)(?-u:\b)(?P<gap>[^.:;]*?)(?-u:\b)(?P<v>included|include|includes|including|covered|covers|cover|such\s+as|like|namely|focused\s+on|focussed\s+on|focus(?:es)?\s+on|cent(?:red|ered|re|er|res|ers)\s+on|dealt\s+with|deal\s+with|touched\s+on|looked\s+at|(?:will|would|to)\s+(?:discuss|explore|examine|address|tackle|debate|cover|focus\s+on)|discussed|explored|examined|addressed|tackled|debated|were|are)(?-u:\b)\s*:?\s*",
    )
    .expect("inline topics regex")
});

/// A session noun that quoted titles may follow: "Panels for the Thursday event, “A” and “B,” gave …".
static SESSION: Transient = Transient::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:panels?|sessions?|plenar(?:y|ies)|tracks?|workshops?|roundtables?|round\s+tables?|discussions?|breakouts?)(?-u:\b)")
        .expect("session regex")
});

/// "… were discussed": the subject of the sentence is the topic.
static PASSIVE: Transient = Transient::new(|| {
    Regex::new(r"(?i)\s+(?:were|was)\s+(?:also\s+)?(?:discussed|explored|examined|addressed|debated|tackled)(?-u:\b)")
        .expect("passive regex")
});

/// A verb whose object may be the topics whoever the subject is: "delegates explored A, B and C", "the fair
/// included panel sessions on A, B and C". "to address" is left out: after a noun it states a purpose ("a
/// ministry to address the lack of …").
static VERB_LED: Transient = Transient::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:(?:to|will|would)\s+(?:also\s+)?(?:discuss|explore|examine|debate|tackle|touch\s+on|focus\s+on)|touched\s+on|focus(?:s|ss)?ed\s+on|(?:conducted|held|had|hold|holds|will\s+hold)\s+(?:an?\s+)?(?:[\w\-]+\s+){0,2}?(?:analys[ie]s|discussions?|debates?|dialogues?|exchanges?)\s+(?:of|on|about|around)|(?:includ(?:e|es|ed)|present(?:s|ed)?|feature(?:s|d)?|will\s+(?:include|present|feature|hold)|h[oe]ld)\s+(?:[\w\-]+\s+){0,2}?sessions\s+on|analy[sz]ed|(?:will|would)\s+(?:also\s+)?address|discussed|explored|examined|addressed|debated|tackled|covered|dealt\s+with)(?-u:\b)\s+")
        .expect("verb-led regex")
});

/// The event as the subject of "focus on": "the three-day conference will focus on".
static EVENT_FOCUS: Transient = Transient::new(|| {
    Regex::new(&format!(
        r"(?i)(?-u:\b)(?:{KINDS}|event)\s+(?:(?:will|would)\s+)?(?:also\s+)?focus(?:es|ed|sed)?\s+on\s+$"
    ))
    .expect("event focus regex")
});

/// A list after a colon that closes a topic noun phrase, the object of a verb of discussing: "addressed
/// the six issues selected by participants …: poverty, …", "focused on the system's six aspirations laid
/// out in its framework: …".
static COLON_LIST: Transient = Transient::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(?:discuss(?:ed|es)?|address(?:ed|es)?|explor(?:ed|es|e)|examin(?:ed|es|e)|debat(?:ed|es|e)|tackl(?:ed|es|e)|cover(?:ed|s)?|focus(?:ed|sed|es)?\s+on|centr?e?red\s+on)\s+[^:;.]{0,120}?(?-u:\b)(?:issues|topics|themes|questions|areas|priorities|aspirations|pillars|subjects|challenges|tracks|sessions|panels)(?-u:\b)[^:;.]{0,120}:\s+",
    )
    .expect("colon list regex")
});

/// A purpose before a verb of discussing: "the conference aimed to discuss …" states a goal, not topics.
static GOAL: Transient = Transient::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:aim(?:s|ed|ing)?|seek(?:s|ing)?|sought|intend(?:s|ed)?|designed|purpose\s+(?:is|was)|goal\s+(?:is|was)|in\s+order)\s*$")
        .expect("goal regex")
});

/// A list item that points back at topics named elsewhere ("conference themes with panel discussions
/// …"): the sentence does not list them.
static ANAPHORIC: Transient = Transient::new(|| {
    Regex::new(r"(?i)^(?:the\s+|these\s+|those\s+|its\s+|their\s+)?(?:conference|event|forum|summit|main|key|same)?\s*(?:themes|topics|issues)(?-u:\b)")
        .expect("anaphoric regex")
});

/// A finite verb, which makes "and …" a clause of its own rather than a list item.
static FINITE: Transient = Transient::new(|| {
    Regex::new(r"(?-u:\b)(?:was|were|is|are|has|have|had|will|would|did|does|do|can|could)(?-u:\b)")
        .expect("finite regex")
});

/// "areas including" or "issues such as" before the first item of a list (not "companies including").
static INCLUDING: Transient = Transient::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:areas?|topics?|issues|fields|themes?|subjects|sectors|matters|questions|challenges|domains|priorities)\s+(?:including|such\s+as)\s+")
        .expect("including regex")
});

/// The event a list was discussed at, closing it: "at the fourth annual conference", "during this year's
/// summit", "in different plenary sessions".
static AT_EVENT: Transient = Transient::new(|| {
    Regex::new(r"(?i)\s+(?:(?:at|during)\s+(?:the|an?|this|this\s+year[’']s|its|their)\s+(?:[\p{L}\d’'\-]+\s+){0,4}?(?:conference|forum|summit|meeting|event|symposium|workshop|congress|convention|colloquium|seminar)s?|(?:at|during|in|across)\s+(?:different|several|various|separate|parallel|two|three|four|five|six)\s+(?:[\p{L}\-]+\s+){0,2}?(?:sessions|panels|workshops|plenaries|roundtables))(?-u:\b)[^,]*$")
        .expect("at event regex")
});

/// "themes of", "topics such as", "discussions on" opening a list.
static THEMES_OF: Transient = Transient::new(|| {
    Regex::new(
        r"(?i)^(?:(?:the\s+)?(?:(?:themes?|topics?|issues|areas|subjects|matters)\s+(?:of|in|on|about|around|surrounding|such\s+as|like|including|related\s+to|relating\s+to|concerning|regarding)|(?:discussions?|debates?|talks|presentations?)\s+(?:on|of|about))|related\s+to|relating\s+to|concerning|regarding|surrounding)\s+",
    )
    .expect("themes of regex")
});

/// Nouns coordinated before one complement: "(the main) challenges, problems and opportunities related to".
static SHARED_COMPLEMENT: Transient = Transient::new(|| {
    Regex::new(r"(?i)^(?:(?:the|a|an|its|their)\s+)?(?:[\w\-]+\s+){0,2}[\w\-]+,\s+[\w\-]+,?\s+(?:and|or)\s+[\w\-]+\s+(?:related\s+to|linked\s+to|associated\s+with|of|for|in|on|about|around|regarding)\s")
        .expect("shared complement regex")
});

/// The nouns of [`INLINE`] alone, to measure the gap from the last of them to the verb.
static INLINE_NOUN: Transient = Transient::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:topics?|themes?|sessions?|panels?|plenaries|discussions?|dialogues?|conversations?|debates?|talks?|roundtables?|round\s+tables|workshops?|seminars?|presentations?|agenda|issues|tracks|subjects|areas)(?-u:\b)")
        .expect("inline noun regex")
});

/// One session and its subject: "a plenary session today on how to manage global risks", "address a
/// plenary on developing small enterprises". Not "a workshop on …", which is most often the event itself.
static SESSION_ON: Transient = Transient::new(|| {
    Regex::new(r#"(?-u:\b)(?i:a|an|the|one|another)\s+(?:[a-z\-]+\s+){0,2}?(?:plenary(?:\s+session)?|session|panel(?:\s+discussion)?)\s+(?:today\s+|yesterday\s+|tomorrow\s+)?on\s+(?P<o>[^,;:.()“”"]+)"#)
        .expect("session-on regex")
});

/// An object of "on" that is a time, not a subject.
static WHEN: Transient = Transient::new(|| {
    Regex::new(r"(?i)^(?:\d|the\s+\d|(?:mon|tues|wednes|thurs|fri|satur|sun)day|january|february|march|april|may|june|july|august|september|october|november|december|which|whom|behalf|stage|site|line|air)")
        .expect("when regex")
});

/// An opening adverbial before the subject: "During the event, …".
static OPENING: Transient = Transient::new(|| {
    Regex::new(r"(?i)^(?:during|at|in|on|over|throughout|across|after|before)\s+[^,]{1,60},\s+")
        .expect("opening regex")
});

/// The close of a list of subjects: "… housing, infrastructure and other issues".
static AND_OTHER: Transient = Transient::new(|| {
    Regex::new(r"(?i),?\s+and\s+other\s+(?:issues|topics|subjects|matters|challenges|themes)(?-u:\b)")
        .expect("and other regex")
});

/// A list of at least three subjects closed by "and other issues", after a preposition: "how
/// technology can help in A, B, C and other issues". The items are short common nouns (no names,
/// no clauses), so "Acme, Globex and other companies" and run-on prose are no list.
fn and_other(sentence: &str) -> Vec<Topic> {
    let Some(m) = AND_OTHER.get().find(sentence) else {
        return Vec::new();
    };
    let mut pieces: Vec<&str> = sentence[..m.start()].split(", ").collect();
    if pieces.len() < 3 {
        return Vec::new();
    }
    let first = pieces[0];
    let Some(at) = [
        " in ",
        " on ",
        " about ",
        " including ",
        " like ",
        " such as ",
        " regarding ",
    ]
    .iter()
    .filter_map(|p| first.rfind(p).map(|i| i + p.len()))
    .max() else {
        return Vec::new();
    };
    pieces[0] = &first[at..];
    let plain = |i: &&str| {
        let i = i.trim();
        !i.is_empty()
            && word_count(i) <= 3
            && i.starts_with(|c: char| c.is_lowercase())
            && !FINITE.get().is_match(i)
            && !i.contains(['“', '"', '(', ';', ':'])
    };
    if pieces.iter().all(plain) {
        topics(pieces.iter().map(|i| i.trim().to_string()))
    } else {
        Vec::new()
    }
}

/// Topics listed inline in a paragraph.
pub(super) fn inline(p: &str) -> Vec<Topic> {
    let mut out = Vec::new();
    // Splitting into sentences costs more than one search of the whole paragraph.
    if INLINE.get().is_match(p)
        || COLON_LIST.get().is_match(p)
        || SESSION.get().is_match(p)
        || PASSIVE.get().is_match(p)
        || VERB_LED.get().is_match(p)
        || (FOCUS_WORD.get().is_match(p) && ONE_FOCUS.get().is_match(p))
        || SPEAKERS_DISCUSS.get().is_match(p)
        || (p.contains("from ") && RANGE.get().is_match(p))
        || p.contains(" other ")
        || p.contains("There ")
    {
        for sentence in sentences(p) {
            let mut listed = colon_list(sentence);
            if listed.is_empty() {
                listed = range(sentence);
            }
            if listed.is_empty() {
                listed = inline_topics(sentence);
            }
            if listed.is_empty() {
                listed = verb_led(sentence);
            }
            if listed.is_empty() {
                listed = one_subject(sentence);
            }
            if listed.is_empty() {
                listed = session_doing(sentence);
            }
            if listed.is_empty() {
                listed = speakers_discuss(sentence);
            }
            if listed.is_empty() {
                listed = and_other(sentence);
            }
            if listed.is_empty() {
                listed = there_discussions(sentence);
            }
            out.extend(listed);
            out.extend(titled_sessions(sentence));
            out.extend(named_sessions(sentence));
            out.extend(passive(sentence));
            out.extend(session_on(sentence));
        }
    }
    out
}

/// Whether a sentence introduces a list of topics. Looks at its last clause when that clause names the
/// list ("Along with representatives …, the conference discussions included:"), and lets the first
/// list noun decide ("Speakers at the sessions included:" lists speakers).
pub(super) fn is_intro(sentence: &str) -> bool {
    let clause = sentence
        .rsplit(", ")
        .next()
        .filter(|c| {
            TOPIC_WORD.get().is_match(c) || OTHER_WORD.get().is_match(c) || TOPIC_VERB.get().is_match(c)
        })
        .unwrap_or(sentence);
    if TOPIC_VERB.get().is_match(clause) {
        return true;
    }
    let topic = TOPIC_WORD.get().find(clause);
    let other = OTHER_WORD.get().find(clause).map(|m| m.start());
    match (topic, other) {
        // "the workshop objectives were:": the second noun of a compound is its head.
        (Some(t), Some(o)) => t.start() < o && !clause[t.end()..o].trim().is_empty(),
        (Some(_), None) => true,
        _ => false,
    }
}

/// A participle of discussing and "including" after "topics were" (see [`inline_at`]).
static PARTICIPLE_INCLUDING: Transient = Transient::new(|| {
    Regex::new(r"(?i)^(?:also\s+)?(?:discussed|covered|addressed|explored|examined|debated|tackled|raised)\s*,?\s+(?:including|such\s+as|among\s+them)\s+")
        .expect("participle including regex")
});

/// A prepositional phrase closing the subject, then the verb that opens the list: "(topics to be covered)
/// at the conference include …".
static LATER_VERB: Transient = Transient::new(|| {
    Regex::new(r"(?i)^(?:at|during|in|on)\s+[^,;:.]{0,60}?\s+(?:will\s+)?(?:include[sd]?|are|were)\s+:?\s*")
        .expect("later verb regex")
});

/// Topics listed inline in one sentence, or none.
fn inline_topics(sentence: &str) -> Vec<Topic> {
    // "approached land issues through … and tackled topics such as: …": when the first noun stands too
    // far from its verb, a later noun may still open the list.
    let mut from = 0;
    while let Some(caps) = INLINE.get().captures_at(sentence, from) {
        let listed = inline_at(sentence, &caps);
        if !listed.is_empty() {
            return listed;
        }
        let Some(n) = caps.name("n") else { break };
        from = n.end();
    }
    Vec::new()
}

/// The list after one match of [`INLINE`], or none.
fn inline_at(sentence: &str, caps: &regex::Captures<'_>) -> Vec<Topic> {
    let (Some(whole), Some(verb), Some(gap)) = (caps.get(0), caps.name("v"), caps.name("gap")) else {
        return Vec::new();
    };
    // "sessions, namely": the noun and its verb sit close together; the gap counts from the last noun
    // ("areas of agreement among the business community worldwide on topics such as …").
    let head = &sentence[whole.start()..verb.start()];
    let gap_len = INLINE_NOUN
        .get()
        .find_iter(head)
        .last()
        .map_or(gap.as_str().len(), |m| head.len() - m.end());
    if gap_len > 40 {
        return Vec::new();
    }
    // "engage on issues of interest, who will include participants from …": a relative clause about
    // people between the noun and its verb; what it includes are they.
    let gap_text = gap.as_str();
    if gap_text.contains(", who ") || gap_text.contains(" whom ") {
        return Vec::new();
    }
    let verb = verb.as_str().to_lowercase();
    // "Other topics covered by panelists and speakers included:": the agent of a passive, no list.
    if sentence[whole.end()..].starts_with("by ") {
        return Vec::new();
    }
    // "issues like A, B and C": "like" lists only right after its noun.
    if verb == "like" && !gap.as_str().trim().is_empty() {
        return Vec::new();
    }
    let mut weak_verb = matches!(verb.as_str(), "were" | "are");
    let mut rest = &sentence[whole.end()..];
    // "A number of topics were discussed, including A, B …": the list follows the participle's
    // "including", and the participle makes the cue a strong one.
    if weak_verb && let Some(m) = PARTICIPLE_INCLUDING.get().find(rest) {
        rest = &rest[m.end()..];
        weak_verb = false;
    }
    // "Other topics to be covered at the conference include A, B": the list follows the later verb.
    if let Some(m) = LATER_VERB.get().find(rest) {
        rest = &rest[m.end()..];
    }
    let items = split_list(rest);
    // "One panel discussion focused on increasing endowments": one session, one subject.
    let noun = caps
        .name("n")
        .map_or(String::new(), |n| n.as_str().to_lowercase());
    let one_session = matches!(
        noun.as_str(),
        "panel" | "session" | "workshop" | "seminar" | "roundtable" | "discussion" | "talk" | "presentation"
    ) && (verb.starts_with("focus")
        || ["discuss", "examin", "explor", "address", "tackl", "debat"]
            .iter()
            .any(|v| verb.contains(v)))
        && !clausal(&sentence[whole.end()..]);
    // "tackled topics such as: A": a colon after the cue announces the list, even of one item.
    let announced = whole.as_str().trim_end().ends_with(':');
    let min = if weak_verb {
        3
    } else if one_session || announced {
        1
    } else {
        2
    };
    // "issues like …" lists short noun phrases; a clause after the list ("…, our goal is to …") is none.
    let max = if announced && items.len() == 1 {
        24
    } else if verb == "like" {
        6
    } else {
        16
    };
    let plausible = |i: &String| !i.is_empty() && word_count(i) <= max && !LINK.get().is_match(i);
    if items.len() < min
        || !items.iter().all(plausible)
        || items.first().is_some_and(|i| ANAPHORIC.get().is_match(i))
        || items.iter().any(|i| TALK_BY.get().is_match(i))
    {
        return Vec::new();
    }
    topics(items)
}

/// The items after a colon that closes a topic noun phrase (see [`COLON_LIST`]): at least three short
/// ones.
fn colon_list(sentence: &str) -> Vec<Topic> {
    let Some(m) = COLON_LIST.get().find(sentence) else {
        return Vec::new();
    };
    // "… within the Call, which focused on three themes: …": a relative clause describes something
    // other than the event.
    let before = sentence[..m.start()].to_lowercase();
    if before
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| matches!(w, "which" | "whose"))
    {
        return Vec::new();
    }
    let items = split_list(&sentence[m.end()..]);
    let short = |i: &String| !i.is_empty() && word_count(i) <= 8 && !LINK.get().is_match(i);
    if items.len() >= 3 && items.iter().all(short) {
        topics(items)
    } else {
        Vec::new()
    }
}

/// The items of an inline list, up to where the sentence turns to something else: after a short
/// heading that ends in a colon ("three themes:"), split at commas and a final "and" (an Oxford comma's
/// "and" opens the last item, which then stays whole); ", and" before a clause of its own ends the list.
fn split_list(list: &str) -> Vec<String> {
    let mut list = list;
    // "debated the topics “A”, “B” and “C”, focusing on …": titles in marks, each whole, whatever "and"
    // they hold.
    if let Some(titles) = quoted_titles(list) {
        return titles;
    }
    if let Some((head, rest)) = list.split_once(": ")
        && word_count(head) <= 4
    {
        list = rest;
    }
    // "the four pillars of the conference – A, B, C and D": a heading before a dash announces the list.
    let first_end = list.find(", ").unwrap_or(list.len());
    if let Some((at, end)) = first_dash(&list[..first_end])
        && first_end < list.len()
        && word_count(&list[..at]) <= 8
    {
        list = &list[end..];
    }
    // "focused on themes of A, B and C": the items, not the noun that names them; "focus on exploring
    // A, B and C": the items, not the verb of discussing them.
    // "discussions on issues in A, B and C": frames may stack.
    for _ in 0..2 {
        if let Some(m) = THEMES_OF.get().find(list) {
            list = &list[m.end()..];
        }
    }
    if let Some(m) = GERUND_OPENING.get().find(list)
        && list[m.end()..].contains(", ")
    {
        list = &list[m.end()..];
    }
    // "the latest trends in A, B and C": the fields, not the trends, when several follow.
    if let Some(m) = TRENDS_IN.get().find(list)
        && list[m.end()..].contains(", ")
    {
        list = &list[m.end()..];
    }
    // "the unique role A, B and C play in …": the list inside the frame.
    if let Some(x) = ROLE_PLAY.get().captures(list).and_then(|c| c.name("x")) {
        list = x.as_str();
    }
    // "focused on driving impact in areas including A, B and C": a list announced inside the first
    // item starts after its "areas including" or "issues such as".
    let first_end = list.find(", ").unwrap_or(list.len());
    if first_end < list.len()
        && let Some(m) = INCLUDING.get().find_iter(&list[..first_end]).last()
    {
        list = &list[m.end()..];
    }
    // "the multiple crises Europe is facing, such as A, B and C": the kind is no item; the list follows.
    if let Some((head, rest)) = list.split_once(", such as ")
        && !head.contains(", ")
        && word_count(head) <= 8
    {
        list = rest;
    }
    // "key issues facing communities, among them A, B and C": a noun phrase of topics set off by a comma
    // names the list that an opener after it announces.
    if let Some((head, rest)) = list.split_once(", ")
        && word_count(head) <= 8
        && TOPIC_HEAD.get().is_match(head)
        && let Some(m) = ANNOUNCER.get().find(rest)
    {
        list = &rest[m.end()..];
    }
    // "A; B, C; and D": semicolons separate items that hold commas of their own.
    if let Some(items) = semicolon_items(list) {
        return items;
    }
    let list = cut_at_stops(list, &["; "]);
    // "… and relations took place with a gala dinner": the event's own predicate ends the list.
    let list = EVENT_PREDICATE
        .get()
        .find(list)
        .map_or(list, |m| &list[..m.start()]);
    // "… and rural development at the fourth annual conference": the event the list was discussed at.
    let list = AT_EVENT.get().find(list).map_or(list, |m| &list[..m.start()]);
    let list = list.trim_end_matches(['.', '!', '?', ' ']);
    let mut items: Vec<&str> = list.split(", ").collect();
    // "new openings for farmers, millers and bakers": single words after a first item that ends in
    // "for <word>" are the people it is for, not items of their own.
    if items.len() > 1
        && FOR_WHOM.get().is_match(items[0])
        && items[1..].iter().all(|i| {
            let i = i.strip_prefix("and ").unwrap_or(i);
            i.split(" and ")
                .all(|w| !w.contains(' ') && w.starts_with(char::is_lowercase))
        })
    {
        return vec![trim_item(list)];
    }
    // "partnerships among practitioners, bankers, community leaders, and funders": "among" and
    // "between" take several objects, so short lowercase items up to the one after the last "and" are
    // that object, even of two words; a clause that points back at the phrase ("…, and how these
    // alliances …") may close it.
    if items.len() > 2 && AMONG.get().is_match(items[0]) {
        let short = |i: &str| {
            let i = i.strip_prefix("and ").unwrap_or(i);
            word_count(i) <= 2 && i.starts_with(char::is_lowercase) && !FINITE.get().is_match(i)
        };
        if let Some(k) = (1..items.len()).find(|&k| items[k].starts_with("and "))
            && items[1..=k].iter().all(|i| short(i))
        {
            let rest = &items[k + 1..];
            let back = |r: &&str| POINTS_BACK.get().is_match(r.strip_prefix("and ").unwrap_or(r));
            if rest.is_empty() || (rest.len() == 1 && rest.iter().all(back)) {
                return vec![trim_item(list)];
            }
        }
    }
    // "the intersection between land law and A, B and C": the shared side is no item of its own.
    if items.len() > 2
        && let Some(b) = BETWEEN.get().captures(items[0]).and_then(|c| c.name("b"))
    {
        items[0] = b.as_str();
    }
    if items.len() > 1
        && items
            .last()
            .is_some_and(|l| l.starts_with("and ") && FINITE.get().is_match(l))
    {
        items.pop();
    }
    // "…, education and make changes in their systems": a verb phrase joined to the last item says what
    // is done, not what is discussed.
    if items.len() > 2
        && let Some(last) = items.last_mut()
        && let Some((item, _)) = last
            .rsplit_once(" and ")
            .filter(|(_, b)| BARE_VERB.get().is_match(b))
    {
        *last = item;
    }
    // "…, and how that relates to …": a clause whose subject points back at the item before it
    // belongs to that item.
    let back = if items.len() > 1
        && items
            .last()
            .is_some_and(|l| POINTS_BACK.get().is_match(l.strip_prefix("and ").unwrap_or(l)))
    {
        items.pop()
    } else {
        None
    };
    let mut out: Vec<String> = items.iter().map(|i| i.to_string()).collect();
    if let Some(back) = back {
        if let Some(prev) = out.last_mut() {
            *prev = format!("{prev}, {back}");
        }
        return out.iter().map(|i| trim_item(i)).collect();
    }
    if let Some(last) = out.pop() {
        // "A and B": two items, unless the "and" joins two adjectives of one noun.
        let split_and = |s: &str| match s.rsplit_once(" and ").filter(|(a, b)| !shared_noun(a, b)) {
            Some((a, b)) => vec![a.to_string(), b.to_string()],
            None => vec![s.to_string()],
        };
        match last.strip_prefix("and ") {
            Some(oxford) => out.push(oxford.to_string()),
            // "child labor and human trafficking as well as social resilience": "as well as" adds the
            // last item; an "and" before it may join two more.
            None => match last.rsplit_once(" as well as ") {
                Some((a, b)) => {
                    out.extend(split_and(a));
                    out.push(b.to_string());
                }
                None => out.extend(split_and(&last)),
            },
        }
    }
    // "…, and a vast array of other topics": the tail names no topic.
    let mut out: Vec<String> = out.iter().map(|i| trim_item(i)).collect();
    if out.len() > 2 && out.last().is_some_and(|l| VAGUE_TAIL.get().is_match(l)) {
        out.pop();
    }
    out
}

/// Titles in marks that make up a list, after a bare topic noun or none ("the topics “A”, “B” and
/// “C”"): two at least, with only ", ", "and" or ", and" between them.
fn quoted_titles(list: &str) -> Option<Vec<String>> {
    let list = list.trim_start();
    // The match ends with the opening mark, which stays with the titles.
    let list = TITLES_NOUN.get().find(list).map_or(list, |m| {
        let mark = m.as_str().chars().next_back().map_or(0, char::len_utf8);
        &list[m.end() - mark..]
    });
    let separator = |between: &str| matches!(between.trim(), "," | "and" | ", and" | ";" | "; and");
    let run = quoted::leading_run(list, separator);
    (run.len() >= 2).then(|| run.iter().map(|s| trim_item(s.inner(list))).collect())
}

/// A topic noun right before titles in marks: "the topics “A” …".
static TITLES_NOUN: Transient = Transient::new(|| {
    Regex::new(r#"^(?:the\s+)?(?:topics|themes|subjects|titles|issues)\s+(?:of\s+)?[“"]"#)
        .expect("titles noun regex")
});

/// Where the first dash set off by spaces (" – ", " — ") starts and ends.
fn first_dash(s: &str) -> Option<(usize, usize)> {
    [" – ", " — "]
        .iter()
        .filter_map(|d| s.find(d).map(|i| (i, i + d.len())))
        .min()
}

/// Whether "A and B" joins two adjectives of one noun ("intangible and tangible heritage", "regional
/// and international cooperation"): the words on both sides of "and" end like adjectives, in lowercase,
/// and a noun follows the second; or A is one such adjective alone ("maternal and child health").
pub(super) fn shared_noun(a: &str, b: &str) -> bool {
    const ENDS: [&str; 8] = ["ible", "able", "al", "ic", "ive", "ous", "ary", "ern"];
    let adjective =
        |w: &str| w.starts_with(char::is_lowercase) && w.len() >= 5 && ENDS.iter().any(|e| w.ends_with(e));
    let mut after = b.split_whitespace();
    let both = a.split_whitespace().next_back().is_some_and(adjective)
        && after.next().is_some_and(adjective)
        && after.next().is_some_and(|n| n.starts_with(char::is_lowercase));
    // "maternal and child health": an adjective alone before "and" is no item; it shares the noun.
    let lone = word_count(a) == 1 && adjective(a.trim()) && word_count(b) >= 2;
    both || lone
}

/// A talk named with its speaker: "a keynote address by Vice President X on …", "remarks by the
/// Mayor". A list that holds one is the programme of a session (who spoke), not its topics.
static TALK_BY: Transient = Transient::new(|| {
    Regex::new(r"(?i)^(?:(?:a|an|the|two|three|several)\s+)?(?:[a-z\-]+\s+)?(?:keynote(?:\s+(?:address|speech|talk|lecture))?|address|speech|presentations?|remarks|lecture|talks?|welcome)(?:\s+on\s+[^,]+?)?\s+by\s+(?-i:\p{Lu})")
        .expect("talk by regex")
});

/// A noun phrase of topics (see [`split_list`]).
static TOPIC_HEAD: Transient = Transient::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:areas|topics|issues|themes|subjects|matters|questions|challenges|priorities)(?-u:\b)")
        .expect("topic head regex")
});

/// What announces the items after a noun phrase of topics: "…, among them A, B and C".
static ANNOUNCER: Transient = Transient::new(|| {
    Regex::new(r"^(?:among\s+them|among\s+which|including|such\s+as|notably|namely)\s+")
        .expect("announcer regex")
});

/// `list` up to where it stops ([`LIST_STOPS`], and `more`), each stop found in what the earlier ones
/// left.
fn cut_at_stops<'a>(mut list: &'a str, more: &[&str]) -> &'a str {
    for stop in LIST_STOPS.iter().chain(more) {
        if let Some(i) = list.find(stop) {
            list = &list[..i];
        }
    }
    list
}

/// Where a list stops inside a sentence, besides a semicolon (see [`split_list`]).
const LIST_STOPS: [&str; 20] = [
    ", which",
    // "…, bringing together officials and experts": who came, not what was discussed.
    ", bringing together",
    " for a total of ",
    " in a total of ",
    ", who",
    ", where",
    ", while",
    ", with ",
    " among others",
    ", etc",
    " and more",
    " and others",
    " – ",
    " — ",
    "(",
    ", according to",
    ", along with",
    ", as well as ",
    ", said",
    ", says",
];

/// The items of a list whose separators are semicolons, the punctuation of a list whose items hold
/// commas ("A, B and C; D; and E"), the last opening with "and" or "or", none a clause with a finite
/// verb ("…; the forum also drew …" is no item). Commas inside a segment stay, except one typed for a semicolon in a list of gerund phrases:
/// when most segments open with a gerund, a segment holding ", <gerund> …" is two items. The list ends
/// where its last segment meets one of [`LIST_STOPS`].
fn semicolon_items(list: &str) -> Option<Vec<String>> {
    let mut segments: Vec<&str> = list.split("; ").collect();
    let last_opens = segments
        .last()
        .is_some_and(|l| l.starts_with("and ") || l.starts_with("or "));
    // "A; B; C; D, E and F": three short segments at least, none with a comma but the last, need no
    // "and" before the last; the last is a list of its own.
    let n = segments.len();
    let loose = !last_opens
        && n >= 3
        && segments[..n - 1]
            .iter()
            .all(|s| !s.contains(", ") && word_count(s) <= 8);
    // Items that open with a capital are most often people with their roles ("Jane Doe, CEO of X;
    // …"), which semicolons separate as well; in a loose list only a segment with a comma must not.
    let capital_ok = |s: &str| loose && !s.contains(", ");
    if segments.len() < 2
        || !(last_opens || loose)
        || segments.iter().any(|s| {
            FINITE.get().is_match(s) || !(s.trim_start().starts_with(char::is_lowercase) || capital_ok(s))
        })
    {
        return None;
    }
    if let Some(last) = segments.last_mut() {
        let trimmed = cut_at_stops(last, &[]).trim_end_matches(['.', '!', '?', ' ']);
        *last = trimmed
            .strip_prefix("and ")
            .or_else(|| trimmed.strip_prefix("or "))
            .unwrap_or(trimmed);
    }
    let mut tail = Vec::new();
    if loose && let Some(last) = segments.pop() {
        let (head, end) = last.rsplit_once(" and ").unwrap_or((last, ""));
        tail.extend(head.split(", ").chain((!end.is_empty()).then_some(end)));
        if tail.iter().any(|t| word_count(t) > 8) {
            return None;
        }
    }
    segments.extend(tail);
    let gerund = |s: &str| {
        s.split_whitespace().next().is_some_and(|w| {
            w.len() >= 6
                && w.ends_with("ing")
                && w.starts_with(char::is_lowercase)
                && !matches!(
                    w,
                    "including" | "regarding" | "concerning" | "following" | "according" | "during"
                )
        })
    };
    let parallel = segments.iter().filter(|s| gerund(s)).count() * 2 > segments.len();
    let mut items = Vec::new();
    for segment in segments {
        match segment.split_once(", ") {
            Some((a, b)) if parallel && gerund(b) && word_count(a) >= 3 && word_count(b) >= 3 => {
                items.extend([trim_item(a), trim_item(b)]);
            }
            _ => items.push(trim_item(segment)),
        }
    }
    Some(items)
}

/// "the latest trends in", "new developments in" before a list of fields (see [`split_list`]).
static TRENDS_IN: Transient = Transient::new(|| {
    Regex::new(r"(?i)^(?:the\s+)?(?:(?:latest|newest|current|recent|emerging|key|new)\s+)?(?:trends|developments|innovations|advances|(?:challenges|opportunities|problems)(?:\s+(?:experienced|faced|encountered|arising))?)\s+in\s+")
        .expect("trends in regex")
});

/// A verb of discussing in the gerund opening a list: "focus on exploring A, B and C".
static GERUND_OPENING: Transient = Transient::new(|| {
    Regex::new(
        r"(?i)^(?:exploring|discussing|examining|addressing|tackling|debating|understanding|reviewing)\s+",
    )
    .expect("gerund opening regex")
});

/// The predicate of the event itself after a list: "… took place with a gala dinner", "… was held".
static EVENT_PREDICATE: Transient = Transient::new(|| {
    Regex::new(r"(?i)\s+(?:(?:took|takes|will\s+take)\s+place|(?:was|were|will\s+be)\s+(?:held|organi[sz]ed|attended|chaired|moderated|hosted))(?-u:\b)")
        .expect("event predicate regex")
});

/// A verb in its bare form opening the phrase after the last "and" of a list (see [`split_list`]).
pub(super) static BARE_VERB: Transient = Transient::new(|| {
    Regex::new(r"^(?:make|take|find|build|create|develop|improve|ensure|provide|help|enhance|increase|reduce|strengthen|promote|share|learn|meet|identify|bring|set|turn)\s")
        .expect("bare verb regex")
});

/// A last item that only says there were more: "a vast array of other topics", "many other issues".
static VAGUE_TAIL: Transient = Transient::new(|| {
    Regex::new(r"(?i)^(?:(?:an?\s+)?(?:(?:vast|wide|whole|broad|great|large)\s+)?(?:array|variety|range|host|number|lot|wealth|multitude|plethora|myriad)\s+of\s+(?:[\w\-]+\s+){0,3}(?:topics|issues|subjects|themes|matters|questions)|(?:(?:many|several|various|numerous|a\s+few)\s+)?(?:more|other)(?:\s+[\w\-]+)?(?:\s+(?:in|at|of|during)\s+the\s+(?:forum|conference|summit|event|meeting|congress))?)$")
        .expect("vague tail regex")
});

/// "the (unique) role A, B and C play in …" (see [`split_list`]).
static ROLE_PLAY: Transient = Transient::new(|| {
    Regex::new(r"(?i)^(?:the\s+)?(?:[a-z\-]+\s+)?roles?\s+(?:that\s+)?(?P<x>[^,]+,\s.+?)\s+(?:play|plays|played|can\s+play|will\s+play|could\s+play)\s+in\s")
        .expect("role play regex")
});

/// A first list item that ends in "for <word>" (see [`split_list`]).
static FOR_WHOM: Transient =
    Transient::new(|| Regex::new(r"\s(?:for|among|between)\s+[a-z\-]+$").expect("for whom regex"));

/// A first list item that ends in "among <word>" or "between <word>" (see [`split_list`]).
static AMONG: Transient =
    Transient::new(|| Regex::new(r"\s(?:among|between)\s+[a-z\-]+$").expect("among regex"));

/// "the intersection between A and B": B is the first item of a list that shares A.
static BETWEEN: Transient = Transient::new(|| {
    Regex::new(r"(?i)^(?:the\s+)?(?:intersections?|nexus|interplay|links?|relationships?|connections?)\s+(?:between|of)\s+[^,]+?\s+and\s+(?P<b>.+)$")
        .expect("between regex")
});

/// A clause whose subject points back at what stands before it: "how that relates to …", "why it
/// matters".
static POINTS_BACK: Transient = Transient::new(|| {
    Regex::new(r"(?i)^(?:how|why|what|whether|where)\s+(?:that|this|these|those|it|they)\s")
        .expect("points back regex")
});

/// Whether an object is a clause ("how these issues impact businesses, workers and communities"), whose
/// inner list is not the topics.
fn clausal(object: &str) -> bool {
    let first = object.split_whitespace().next().unwrap_or("").to_lowercase();
    matches!(
        first.as_str(),
        "how" | "what" | "why" | "whether" | "when" | "where" | "which" | "who" | "that" | "if"
    )
}

/// A list of at least three short items after a verb of discussing, when no topic noun introduces it
/// (a single object is the event's purpose, not its topics).
fn verb_led(sentence: &str) -> Vec<Topic> {
    let Some(m) = VERB_LED.get().find(sentence) else {
        return Vec::new();
    };
    // "The conference will focus on A, B and C": only the event focuses on its topics; what a speaker
    // or a plan focuses on is a purpose.
    if m.as_str().to_lowercase().contains("focus") && !EVENT_FOCUS.get().is_match(&sentence[..m.end()]) {
        return Vec::new();
    }
    // "To tackle the issue of A, the Government has …": an infinitive of purpose opening the sentence
    // is no event's discussion.
    if sentence[..m.start()].trim().is_empty() && m.as_str().starts_with("To ") {
        return Vec::new();
    }
    let mut object = &sentence[m.end()..];
    // "a news conference addressed by X, director, and Y": the agent of a passive, no list.
    if object.starts_with("by ") {
        return Vec::new();
    }
    // "The strategies discussed included A, B and C": the participle closes the subject of a verb of
    // including (or of "were"), and the list follows that verb.
    if let Some(r) = REDUCED_RELATIVE.get().find(object) {
        object = &object[r.end()..];
    }
    if clausal(object) || GOAL.get().is_match(&sentence[..m.start()]) {
        return Vec::new();
    }
    // "discussed issues of A, including B": A is one subject whatever its "and", B one more.
    if let Some(m) = THEMES_OF.get().find(object)
        && let Some((first, more)) = object[m.end()..].split_once(", including ")
        && !first.contains(", ")
    {
        let first = trim_item(first);
        let mut items = vec![first];
        items.extend(split_list(more));
        let fits = |i: &String| {
            (1..=10).contains(&word_count(i)) && !FINITE.get().is_match(i) && !LINK.get().is_match(i)
        };
        return if items.iter().all(fits) {
            topics(items)
        } else {
            Vec::new()
        };
    }
    let items = split_list(object);
    // Longer items when none is a clause: "the effect of increasing electrification and automation of
    // mobility options".
    let short = |i: &String, max: usize| !i.is_empty() && word_count(i) <= max && !LINK.get().is_match(i);
    let phrases = items.iter().all(|i| short(i, 12) && !FINITE.get().is_match(i));
    if items.len() >= 3 && (phrases || items.iter().all(|i| short(i, 8))) {
        topics(items)
    } else {
        Vec::new()
    }
}

/// A verb right after a participle of discussing, which makes the participle part of the subject
/// (see [`verb_led`]).
static REDUCED_RELATIVE: Transient = Transient::new(|| {
    Regex::new(r"^(?:included|include|includes|were|are)\s+").expect("reduced relative regex")
});

/// "There will be discussions on A, B and C": the subjects of the discussions to come or held.
static THERE_DISCUSSIONS: Transient = Transient::new(|| {
    Regex::new(r"(?i)^there\s+(?:will\s+be|were|was|are|is)\s+(?:also\s+)?(?:(?:an?|several|many)\s+)?(?:[a-z\-]+\s+)?(?:discussions?|debates?|talks|presentations|sessions|panels)\s+(?:on|about|of|regarding)\s+")
        .expect("there discussions regex")
});

/// The list after [`THERE_DISCUSSIONS`], two items or more. A first item of single nouns that share a
/// complement ("the preservation, development and promotion of …") stays whole.
fn there_discussions(sentence: &str) -> Vec<Topic> {
    let Some(m) = THERE_DISCUSSIONS.get().find(sentence.trim_start()) else {
        return Vec::new();
    };
    let object = &sentence.trim_start()[m.end()..];
    let (shared, rest) = match SHARED_COMPLEMENT.get().find(object) {
        Some(sc) => match object[sc.end()..].find(", ") {
            Some(i) => (Some(&object[..sc.end() + i]), &object[sc.end() + i + 2..]),
            None => (Some(object), ""),
        },
        None => (None, object),
    };
    let mut items: Vec<String> = shared.map(trim_item).into_iter().collect();
    if !rest.trim().is_empty() {
        items.extend(split_list(rest));
    }
    let fits = |i: &String| {
        (1..=16).contains(&word_count(i)) && !FINITE.get().is_match(i) && !LINK.get().is_match(i)
    };
    if items.len() >= 2 && items.iter().all(fits) {
        topics(items)
    } else {
        Vec::new()
    }
}

/// One of several subjects, named alone: "one focus of the summit included …", "a notable theme at this
/// year’s conference will be …". The indefinite article tells it from the event's own theme ("The
/// theme of the forum is …"). A verbless sentence names one more with a comma: "Another topic of
/// discussion at the summit, the …".
static ONE_FOCUS: Transient = Transient::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:one|a|an|another)\s+(?:(?:key|main|major|notable|central|particular|special|recurring|common|important|pervading|prevailing|dominant|frequent)\s+)?(?:focus|theme|topic|subject)\s+(?:(?:of|at|for|during|in)\s+(?:[^\s,;:.]+\s+){1,6}?)?(?:included|includes|was|is|will\s+be|addressed|concerned)\s+|(?-u:\b)another\s+(?:(?:key|main|major|notable|central|particular|special|recurring|common|important)\s+)?(?:focus|theme|topic|subject)\s+(?:of|at|for|during|in)\s+(?:[^\s,;:.]+\s+){0,5}?[^\s,;:.]+,\s+")
        .expect("one focus regex")
});

/// The nouns of [`ONE_FOCUS`], a cheap test before it.
static FOCUS_WORD: Transient =
    Transient::new(|| Regex::new(r"(?i)focus|theme|topic|subject").expect("focus word regex"));

/// The event as the subject of a verb of discussing: "The forum explored how …", "This year's summit
/// examined …".
static EVENT_EXPLORED: Transient = Transient::new(|| {
    Regex::new(&format!(
        r"(?i)^(?:[^,;:“”\x22]{{1,40}}?\s+(?:said|says|added|noted|announced)\s+(?:that\s+)?)?(?:(?:the|this|its|their)\s+(?:[^\s,;:.]+\s+){{0,3}}?(?:{KINDS}|event|session|panel|programme|program)|lectures|sessions|panels|workshops|talks)\s+(?:also\s+)?(?:(?:will|would)\s+(?:also\s+)?(?:explore|examine|discuss|address|tackle|consider|debate|look\s+at|cover)|explored|examined|discussed|addressed|tackled|considered|debated|looked\s+at)\s+"
    ))
    .expect("event explored regex")
});

/// What the sentence's speaker tag or source adds after a clause: ", Dowd said", ", she added",
/// ", according to …".
static SAID_TAIL: Transient = Transient::new(|| {
    Regex::new(&format!(
        r",\s+(?:(?:\p{{Lu}}\S*\s+){{1,3}}|he\s+|she\s+|they\s+)(?:{})(?-u:\b)|,\s+(?:according\s+to|said|says)(?-u:\b)",
        super::super::people::VERBS
    ))
    .expect("said tail regex")
});

/// A single subject named by [`ONE_FOCUS`] or [`EVENT_EXPLORED`], up to the end of the sentence (a
/// speaker tag dropped); a list there is split.
fn one_subject(sentence: &str) -> Vec<Topic> {
    let focus = || {
        FOCUS_WORD
            .get()
            .is_match(sentence)
            .then(|| ONE_FOCUS.get().find(sentence))
            .flatten()
    };
    let Some(m) = focus().or_else(|| EVENT_EXPLORED.get().find(sentence)) else {
        return Vec::new();
    };
    let object = &sentence[m.end()..];
    // "A topic addressed by the panel was …": a passive participle, not the verb.
    if object.starts_with("by ") {
        return Vec::new();
    }
    // The verbless form names a noun phrase that ends the sentence: no verb or clause after it.
    let verbless = m.as_str().trim_end().ends_with(',');
    if verbless
        && (FINITE.get().is_match(object)
            || word_count(object) > 12
            || object
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| matches!(w, "which" | "who" | "that" | "said" | "says")))
    {
        return Vec::new();
    }
    let object = SAID_TAIL
        .get()
        .find(object)
        .map_or(object, |t| &object[..t.start()]);
    let object = trim_item(object);
    // "A theme was chosen …" is a passive: after "was", "is" or "will be" the subject opens with a
    // determiner, a wh-word, a gerund or a name.
    let first = object.split_whitespace().next().unwrap_or("");
    let last = m.as_str().trim_end().rsplit(' ').next().unwrap_or("");
    let copula = matches!(last.to_lowercase().as_str(), "was" | "is" | "be");
    let opens_subject = first.starts_with(char::is_uppercase)
        || first.ends_with("ing")
        || matches!(
            first.to_lowercase().as_str(),
            "how"
                | "what"
                | "why"
                | "whether"
                | "where"
                | "who"
                | "the"
                | "a"
                | "an"
                | "its"
                | "their"
                | "our"
                | "this"
                | "these"
                | "those"
        );
    if (copula && !opens_subject) || word_count(&object) > 24 || object.contains(['“', '"', ';']) {
        return Vec::new();
    }
    let items = split_list(&object);
    if items.len() >= 3 {
        topics(items)
    } else {
        topics([object])
    }
}

/// The subject of one session named with "on": "a main plenary session today on the economic
/// implications of climate change".
fn session_on(sentence: &str) -> Vec<Topic> {
    if !sentence.contains(" on ") {
        return Vec::new();
    }
    let Some(o) = SESSION_ON.get().captures(sentence).and_then(|c| c.name("o")) else {
        return Vec::new();
    };
    let object = o.as_str().trim();
    if WHEN.get().is_match(object) || word_count(object) > 16 || word_count(object) < 2 {
        return Vec::new();
    }
    topics([trim_item(object)])
}

/// A session noun and a participle of discussing: "a panel discussing A", "breakout sessions
/// addressing A, B and C".
static SESSION_DOING: Transient = Transient::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:panels?|sessions?|breakouts?|workshops?|roundtables?|round\s+tables?|seminars?|plenar(?:y|ies)|discussions?)\s+(?:discussing|addressing|covering|exploring|examining|tackling|debating)\s+")
        .expect("session doing regex")
});

/// Speakers as the subject of a verb of discussing: "Keynote speakers discussed A", "several speakers
/// will discuss how …".
static SPEAKERS_DISCUSS: Transient = Transient::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:speakers|panell?ists|presenters)\s+(?:will\s+)?(?:also\s+)?(?:discuss(?:ed)?|examin(?:ed|e)|explor(?:ed|e)|address(?:ed)?|focus(?:ed)?\s+on|(?:presented|present|shared|share|provided|provide)\s+(?:information|insights|updates|findings)\s+(?:on|about|regarding|into))\s+")
        .expect("speakers discuss regex")
});

/// Where an object of discussing ends: a second predicate ("and examined their …"), a purpose (", to
/// promote …"), a quotation mark or a speaker tag.
static OBJECT_END: Transient = Transient::new(|| {
    Regex::new(r#"\s+and\s+(?:then\s+)?[a-z]+ed\s+(?:their|the|its|his|her|how|what|a|an)\s|,\s+(?:to|in\s+order\s+to)\s+[a-z]+\s|[“”"]|,\s+(?:said|says|according\s+to)(?-u:\b)"#)
        .expect("object end regex")
});

/// People or a gathering as the object ("speakers addressed the crowd"): "address" in the sense of
/// speaking to someone, not a subject.
static AUDIENCE: Transient = Transient::new(|| {
    Regex::new(r"(?i)^(?:the\s+|an?\s+|this\s+|its\s+|their\s+)?(?:[a-z\-]+\s+)?(?:audiences?|crowds?|attendees|participants|delegates|guests|gathering|conference|forum|summit|meeting|event|session|assembly|group|students|members|graduates|visitors)(?-u:\b)")
        .expect("audience regex")
});

/// A speech verb inside an object, which makes it a sentence of its own.
static SAID: Transient =
    Transient::new(|| Regex::new(r"(?-u:\b)(?:said|says|told|added|noted)(?-u:\b)").expect("said regex"));

/// The object of a verb of discussing, up to [`OBJECT_END`].
fn object_of(rest: &str) -> &str {
    let rest = OBJECT_END.get().find(rest).map_or(rest, |m| &rest[..m.start()]);
    // "… the political future of the region at a student-organized conference": the event it was
    // discussed at.
    AT_EVENT.get().find(rest).map_or(rest, |m| &rest[..m.start()])
}

/// The subject of sessions told with a participle (see [`SESSION_DOING`]).
fn session_doing(sentence: &str) -> Vec<Topic> {
    let Some(m) = SESSION_DOING.get().find(sentence) else {
        return Vec::new();
    };
    let object = object_of(&sentence[m.end()..]);
    if AUDIENCE.get().is_match(object) {
        return Vec::new();
    }
    let clause = clausal(object);
    let items = if clause {
        vec![trim_item(object)]
    } else {
        split_list(object)
    };
    subjects(items, clause, 1..=16)
}

/// The items of a discussed object as topics when every one has a word count in `words` and none is
/// a link or, outside a wh-clause, a sentence of its own ("the panel discussing the bill said …": a
/// finite verb ends the subject and starts a sentence).
fn subjects(items: Vec<String>, clause: bool, words: std::ops::RangeInclusive<usize>) -> Vec<Topic> {
    let fits = |i: &String| {
        words.contains(&word_count(i))
            && !LINK.get().is_match(i)
            && (clause || !(FINITE.get().is_match(i) || SAID.get().is_match(i)))
    };
    if !items.is_empty() && items.iter().all(fits) {
        topics(items)
    } else {
        Vec::new()
    }
}

/// What speakers discussed (see [`SPEAKERS_DISCUSS`]): one subject unless commas list several.
fn speakers_discuss(sentence: &str) -> Vec<Topic> {
    let Some(m) = SPEAKERS_DISCUSS.get().find(sentence) else {
        return Vec::new();
    };
    let object = object_of(&sentence[m.end()..]);
    if AUDIENCE.get().is_match(object) {
        return Vec::new();
    }
    let clause = clausal(object);
    let items = if clause || !object.contains(", ") {
        vec![trim_item(object)]
    } else {
        split_list(object)
    };
    let least = if items.len() == 1 { 2 } else { 1 };
    subjects(items, clause, least..=20)
}

/// Session titles in quotation marks right after a session noun: "Panels for the Thursday event,
/// “Supply Chain Challenges and Solutions” and “US-China Trade Relations,” gave …".
fn titled_sessions(sentence: &str) -> Vec<Topic> {
    let Some(noun) = SESSION.get().find(sentence) else {
        return Vec::new();
    };
    let spans: Vec<_> = quoted::spans(sentence)
        .into_iter()
        .filter(|s| s.open >= noun.end())
        .collect();
    let Some(first) = spans.first() else {
        return Vec::new();
    };
    // The titles follow the noun phrase closely, and nothing but commas and "and" stands between them.
    let lead = &sentence[noun.end()..first.open];
    if lead.chars().count() > 40 || lead.contains(['.', ';']) {
        return Vec::new();
    }
    let mut titles = vec![first.inner(sentence)];
    for pair in spans.windows(2) {
        let between = sentence[pair[0].close_end..pair[1].open].trim_matches([',', ' ']);
        if !matches!(between, "" | "and" | "or") {
            break;
        }
        titles.push(pair[1].inner(sentence));
    }
    if titles.len() < 2 {
        return Vec::new();
    }
    topics(titles.into_iter().map(trim_item))
}

/// "The first day featured an economic update panel, political update panel, and regional security
/// panel": sessions named by their subjects before a session noun that every item repeats.
static FEATURED: Transient = Transient::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(?:featured|features|included|includes|held|holds|hosted|hosts|offered|offers|had)\s+",
    )
    .expect("featured regex")
});

/// The items after [`FEATURED`], two at least, each ending in the same session noun, as topics.
fn named_sessions(sentence: &str) -> Vec<Topic> {
    let Some(m) = FEATURED.get().find(sentence) else {
        return Vec::new();
    };
    let rest = &sentence[m.end()..];
    let clause = &rest[..rest.find([';', '.', ':']).unwrap_or(rest.len())];
    let clause = clause
        .find(" while ")
        .or_else(|| clause.find(" which "))
        .map_or(clause, |i| &clause[..i]);
    let items: Vec<&str> = clause
        .split(", ")
        .flat_map(|i| i.split(" and "))
        .map(|i| i.trim().trim_start_matches("and ").trim())
        .filter(|i| !i.is_empty())
        .collect();
    let noun = |i: &str| {
        i.rsplit(' ')
            .next()
            .map(|w| w.trim_end_matches('s').to_lowercase())
    };
    let Some(first) = items.first().and_then(|i| noun(i)) else {
        return Vec::new();
    };
    let sessions = [
        "panel",
        "session",
        "workshop",
        "roundtable",
        "seminar",
        "plenary",
        "track",
    ];
    if items.len() < 2
        || !sessions.contains(&first.as_str())
        || items.iter().any(|i| noun(i).as_ref() != Some(&first))
    {
        return Vec::new();
    }
    let subjects: Vec<String> = items
        .iter()
        .filter_map(|i| {
            let words: Vec<&str> = i.split_whitespace().collect();
            let body = &words[..words.len() - 1];
            let body = match body.first() {
                Some(&("a" | "an" | "the")) => &body[1..],
                _ => body,
            };
            (!body.is_empty()
                && body.len() <= 6
                && body
                    .iter()
                    .all(|w| w.chars().all(|c| c.is_alphanumeric() || c == '-')))
            .then(|| body.join(" "))
        })
        .collect();
    if subjects.len() != items.len() {
        return Vec::new();
    }
    topics(subjects)
}

/// The subject of "… were discussed" as one topic, after an opening adverbial.
fn passive(sentence: &str) -> Vec<Topic> {
    let Some(m) = PASSIVE.get().find(sentence) else {
        return Vec::new();
    };
    // "The Colloquium was addressed by the governor": an audience spoken to, not a subject discussed.
    let rest = sentence[m.end()..].trim_start();
    if m.as_str().ends_with("addressed")
        && rest
            .strip_prefix("by")
            .is_some_and(|r| !r.starts_with(char::is_alphanumeric))
    {
        return Vec::new();
    }
    let subject = &sentence[..m.start()];
    let subject = OPENING
        .get()
        .find(subject)
        .map_or(subject, |o| &subject[o.end()..]);
    // "a wide range of issues – from A to B – was discussed": [`range`] reads what the dashes hold;
    // the head before them decides.
    let subject = first_dash(subject).map_or(subject, |(at, _)| &subject[..at]);
    let words = word_count(subject);
    if !(2..=40).contains(&words) || subject.contains(['“', '"', ';']) {
        return Vec::new();
    }
    // "three key topics were explored – A, B and C": the subject names the list that follows.
    let head = subject.trim_end().rsplit(' ').next().unwrap_or("").to_lowercase();
    if matches!(
        head.as_str(),
        "topics" | "themes" | "issues" | "subjects" | "questions"
    ) {
        return Vec::new();
    }
    // Coordinated heads sharing a complement are one noun phrase: "the main challenges, problems and
    // opportunities related to the use of digital tools in farming, energy and transport".
    if SHARED_COMPLEMENT.get().is_match(subject) {
        topics([trim_item(subject)])
    } else {
        topics(split_list(subject))
    }
}

/// A range of subjects: "Topics ranged from A to B", "spoke on topics ranging from A to B", "a wide
/// range of issues – from A to B – was discussed". Only after nouns of subjects: the range of a
/// programme's sessions or panels is often one of formats or times.
static RANGE: Transient = Transient::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:(?:topics?|issues|subjects|themes|questions|matters)\s+(?:rang(?:ed|ing|es|e)\s+)|range\s+of\s+(?:[a-z\-]+\s+)?(?:topics|issues|subjects|themes|questions|matters)\s*(?:[–—]\s*)?)from\s+")
        .expect("range regex")
});

/// Where the first end of a range must not stop: a " to " that belongs to a verb or noun before it
/// ("how to", "access to").
static RANGE_TO: Transient = Transient::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:how|what|where|when|ways?|need|needs|able|going|want|trying|used|access|approach(?:es)?|contributions?|threats?|responses?|respect|relation|regard|relating|related|pertaining|devoted|dedicated)\s+to\s+$")
        .expect("range to regex")
});

/// The two ends of a range of subjects (see [`RANGE`]), the second split at "and" when it joins two
/// phrases of three words or more ("to A and B"). Not dates, numbers or two places.
fn range(sentence: &str) -> Vec<Topic> {
    if !sentence.contains("from ") {
        return Vec::new();
    }
    let Some(m) = RANGE.get().find(sentence) else {
        return Vec::new();
    };
    let rest = &sentence[m.end()..];
    let Some(to) = rest
        .match_indices(" to ")
        .map(|(i, _)| i)
        .find(|&i| !RANGE_TO.get().is_match(&rest[..i + 4]))
    else {
        return Vec::new();
    };
    let first = trim_item(&rest[..to]);
    let mut second = &rest[to + 4..];
    for stop in [" – ", " — ", ", ", "; ", " (", ":"] {
        if let Some(i) = second.find(stop) {
            second = &second[..i];
        }
    }
    let second = trim_item(second);
    let mut items = vec![first];
    match second.rsplit_once(" and ") {
        Some((a, b)) if word_count(a) >= 3 && word_count(b) >= 3 => {
            items.extend([a.to_string(), b.to_string()]);
        }
        _ => items.push(second),
    }
    let fits = |i: &String| {
        (1..=16).contains(&word_count(i))
            && !WHEN.get().is_match(i)
            && !i.contains(|c: char| c.is_ascii_digit())
    };
    let places = items
        .iter()
        .all(|i| !i.contains(' ') && i.starts_with(char::is_uppercase));
    if items.iter().all(fits) && !places {
        topics(items)
    } else {
        Vec::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn titles(p: &str) -> Vec<String> {
        inline(p).into_iter().map(|t| t.title).collect()
    }

    #[test]
    fn frames_around_a_list_are_no_items() {
        assert_eq!(
            titles(
                "Issues discussed related to the harbour dues, river silt, ferry fares and bird strikes as well as pier safety."
            ),
            [
                "the harbour dues",
                "river silt",
                "ferry fares",
                "bird strikes",
                "pier safety"
            ]
        );
        assert_eq!(
            titles(
                "Other topics to be covered at the forum include river silt, ferry fares and bird strikes."
            ),
            ["river silt", "ferry fares", "bird strikes"]
        );
        assert_eq!(
            titles(
                "The summit discussed the many pressures ports are facing, such as river silt, ferry fares and bird strikes."
            ),
            ["river silt", "ferry fares", "bird strikes"]
        );
        assert_eq!(
            titles(
                "The forum discussed issues surrounding dredging, tolls and towage in different plenary sessions with experts."
            ),
            ["dredging", "tolls", "towage"]
        );
        assert_eq!(
            titles(
                "The summit will touch on issues of river silt, ferry fares and the growth of cruise traffic."
            ),
            ["river silt", "ferry fares", "the growth of cruise traffic"]
        );
    }

    #[test]
    fn discussions_held_and_analyses_conducted_on_a_list() {
        assert_eq!(
            titles("Delegates held discussions on port finance, river silt and ferry fares."),
            ["port finance", "river silt", "ferry fares"]
        );
        assert_eq!(
            titles(
                "The forum conducted an in-depth analysis of the port's growth agenda, major development goals and the vision 2030."
            ),
            [
                "the port's growth agenda",
                "major development goals",
                "the vision 2030"
            ]
        );
    }

    #[test]
    fn titles_in_marks_after_a_bare_topic_noun_stay_whole() {
        // (The session noun "panels" reads the same titles again; extraction keeps each once.)
        let mut got = titles(
            "In three panels, pilots debated the topics “The Question of Tides”, “Ports and the Moral Society” and “Silt and the Public Sphere”, focusing on what the port can do.",
        );
        got.truncate(3);
        assert_eq!(
            got,
            [
                "The Question of Tides",
                "Ports and the Moral Society",
                "Silt and the Public Sphere"
            ]
        );
        assert_eq!(
            titles("The forum debated the topics “Tides and Silt”, “Ferries” and “Pilots and Pay”."),
            ["Tides and Silt", "Ferries", "Pilots and Pay"]
        );
    }

    #[test]
    fn the_event_focuses_on_its_topics_and_who_it_brings_together_is_none() {
        assert_eq!(
            titles(
                "Organised by the Vell University, the three-day conference will focus on tides, silt, ferries and the growth of Vell Port, said the rector."
            ),
            ["tides", "silt", "ferries", "the growth of Vell Port"]
        );
        assert!(
            titles("The minister will focus on delivering strong, positive messages about ports, tides and ferries.")
                .is_empty()
        );
        assert_eq!(
            titles(
                "The forum focused on tides, silt and ferries, bringing together pilots, officials and experts."
            ),
            ["tides", "silt", "ferries"]
        );
    }

    #[test]
    fn a_passive_agent_is_no_list() {
        assert!(
            titles("This was announced at a news conference addressed by Ann Lee, director, Harbour Board, and Bo Chan, its chair, on Monday.")
                .is_empty()
        );
    }

    #[test]
    fn to_address_states_a_purpose() {
        assert!(
            titles(
                "Delegates called for a ministry for small firms to address the lack of focus on the small, micro and medium enterprise."
            )
            .is_empty()
        );
        assert_eq!(
            titles("Delegates will address funding, staffing and rural clinics."),
            vec!["funding", "staffing", "rural clinics"]
        );
    }

    #[test]
    fn a_list_ends_at_the_events_predicate_and_stacked_frames_fall_away() {
        assert_eq!(
            titles(
                "A dialogue focused on cooperation, mobility and relations took place with a gala dinner last night."
            ),
            vec!["cooperation", "mobility", "relations"]
        );
        assert_eq!(
            titles(
                "Students attended the panels, which included discussions on issues in regional governments, the private sector and globalization."
            ),
            vec!["regional governments", "the private sector", "globalization"]
        );
        assert_eq!(
            titles(
                "Its sessions will focus on exploring potentiality, art, culture and development of the province."
            ),
            vec!["potentiality", "art", "culture", "development of the province"]
        );
        assert_eq!(
            titles(
                "Panelists discussed the political future of the region at a student-organized conference on Friday."
            ),
            vec!["the political future of the region"]
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
        // A relative clause about people between the noun and its verb: those included are people.
        assert!(
            titles("Stakeholders will engage on issues of interest, who will include participants from government, the private sector and the media.")
                .is_empty()
        );
        // An adjective alone before "and" shares the noun after it.
        assert_eq!(
            titles("Topics included malaria, tuberculosis, maternal and child health."),
            vec!["malaria", "tuberculosis", "maternal and child health"]
        );
        // A heading before a dash announces the list.
        assert_eq!(
            titles(
                "Discussions focused on the four pillars of the summit – access, quality, financing and accountability."
            ),
            vec!["access", "quality", "financing", "accountability"]
        );
    }

    #[test]
    fn topics_were_discussed_including_and_a_vague_tail() {
        assert_eq!(
            titles(
                "A number of topics were discussed, including the harbour tax, the 2030 ferry tender, and a vast array of guild-related topics."
            ),
            vec!["the harbour tax", "the 2030 ferry tender"]
        );
        assert_eq!(
            titles("Topics included tides, ferry fares, dredging and many other issues."),
            vec!["tides", "ferry fares", "dredging"]
        );
        // A tail of two items stays.
        assert_eq!(
            titles("Topics included tides and a range of fishing questions."),
            vec!["tides", "a range of fishing questions"]
        );
    }

    #[test]
    fn there_will_be_discussions_on_and_issues_of_a_including_b() {
        assert_eq!(
            titles(
                "There will be discussions on the repair, upkeep and rebuilding of Marl’s old harbour walls, the state of the quays, ferry fares and other directions in the forum, which many will attend."
            ),
            vec![
                "the repair, upkeep and rebuilding of Marl’s old harbour walls",
                "the state of the quays",
                "ferry fares"
            ]
        );
        assert!(titles("There were talks on Monday.").is_empty());
        assert_eq!(
            titles(
                "Guests from the valley discussed issues of tides and harbour safety, including the cost of dredging the bay."
            ),
            vec!["tides and harbour safety", "the cost of dredging the bay"]
        );
    }

    #[test]
    fn speakers_presented_information_on_the_latest_trends() {
        assert_eq!(
            titles(
                "A line-up of speakers presented information on the latest trends in shipping, fishing and harbour safety."
            ),
            vec!["shipping", "fishing", "harbour safety"]
        );
        assert_eq!(
            titles("Speakers shared insights on the latest trends in shipping."),
            vec!["the latest trends in shipping"]
        );
        // Thoughts offered are no list of subjects.
        assert!(titles("The speakers offered their thoughts on political and social issues.").is_empty());
    }

    #[test]
    fn a_range_of_subjects() {
        assert_eq!(
            titles(
                "Topics ranged from tidal mills on the coast to the pricing of lamp oil and two cases of guild disputes over wool."
            ),
            vec![
                "tidal mills on the coast",
                "the pricing of lamp oil",
                "two cases of guild disputes over wool"
            ]
        );
        assert_eq!(
            titles(
                "The minister added that a wide range of issues – from ferry links between the islands to regional grain prices – was discussed."
            ),
            vec!["ferry links between the islands", "regional grain prices"]
        );
        assert_eq!(
            titles("Guests spoke on topics ranging from how to dye wool to kiln safety."),
            vec!["how to dye wool", "kiln safety"]
        );
        // Times and places are no subjects.
        assert!(titles("Sessions ranged from Monday to Friday.").is_empty());
        assert!(titles("Issues ranged from Velmora to Tarnholm.").is_empty());
    }

    #[test]
    fn sessions_named_by_their_subjects_and_a_count_after_the_list() {
        assert_eq!(
            titles(
                "The first day featured an economic update panel, harbour policy panel, and regional security panel while the second day discussed ferry fares and the new quay for a total of 5 panels."
            ),
            vec![
                "ferry fares",
                "the new quay",
                "economic update",
                "harbour policy",
                "regional security"
            ]
        );
        // Items that do not all end in the same session noun are no such list.
        assert!(titles("The fair featured a harbour panel, two cafés and a boat show.").is_empty());
    }

    #[test]
    fn an_infinitive_of_purpose_opening_the_sentence_lists_no_topics() {
        assert!(
            titles(
                "To tackle the issue of an ageing harbour, the Council has improved the Quay and Berth Package, as well as tasked the Vell Port Office to review fees."
            )
            .is_empty()
        );
    }

    #[test]
    fn a_list_separated_by_semicolons() {
        assert_eq!(
            titles(
                "The breakout panels focused on mapping reefs, tides and currents; training young pilots; and funding the new lighthouse."
            ),
            vec![
                "mapping reefs, tides and currents",
                "training young pilots",
                "funding the new lighthouse"
            ]
        );
        // A comma typed for a semicolon between two gerund phrases.
        assert_eq!(
            titles(
                "Panels focused on dredging the outer harbour; the cost of new quays for the ferries, repairing the old sea wall; and pricing berths."
            ),
            vec![
                "dredging the outer harbour",
                "the cost of new quays for the ferries",
                "repairing the old sea wall",
                "pricing berths"
            ]
        );
        // People with their roles, and clauses, are no semicolon list of topics.
        assert!(
            titles(
                "The panels included Ann Lee, mayor of Marl; Tom Reed, harbour master; and Eva Stone, a pilot."
            )
            .iter()
            .all(|t| !t.contains("harbour master"))
        );
        assert_eq!(
            titles(
                "Topics included tides, fares and dredging; the forum drew 300 guests; and lunch was late."
            ),
            vec!["tides", "fares", "dredging"]
        );
        // Short segments without "and" before the last, which is a list of its own.
        assert_eq!(
            titles(
                "The edition focused on themes such as: the future of the Vell Harbour; ferry fares; EU and Marl relations; dredging the bay, tide tables and pricing berths."
            ),
            vec![
                "the future of the Vell Harbour",
                "ferry fares",
                "EU and Marl relations",
                "dredging the bay",
                "tide tables",
                "pricing berths"
            ]
        );
    }

    #[test]
    fn a_session_that_included_talks_by_people_lists_no_topics() {
        assert!(
            titles(
                "The session included a keynote address by Mayor Ann Lee on harbour safety and a presentation on ferry fares by Pilot Tom Reed."
            )
            .is_empty()
        );
        assert!(titles("The panel included remarks by the Governor and a talk by Eva Stone.").is_empty());
        // A talk as a subject, not a speaker's turn, stays.
        assert_eq!(
            titles("Sessions included talks on safety, ferry fares and dredging."),
            vec!["safety", "ferry fares", "dredging"]
        );
    }

    #[test]
    fn the_subject_of_a_verb_of_including_that_ends_in_a_participle() {
        assert_eq!(
            titles(
                "Ideas discussed included a shared ferry pass; cheaper berths for fishing boats; and a night bus to the quay."
            ),
            vec![
                "a shared ferry pass",
                "cheaper berths for fishing boats",
                "a night bus to the quay"
            ]
        );
        assert_eq!(
            titles("The remedies explored were dredging, new groynes and beach nourishment."),
            vec!["dredging", "new groynes", "beach nourishment"]
        );
    }

    #[test]
    fn a_list_after_among_is_one_object_and_a_topic_that_addressed() {
        assert_eq!(
            titles(
                "A recurring topic of discussion addressed trust among pilots, harbour masters, ferry crews, and owners, and how these ties can be built."
            ),
            vec![
                "trust among pilots, harbour masters, ferry crews, and owners, and how these ties can be built"
            ]
        );
        assert!(titles("A recurring topic addressed by the pilots was never settled.").is_empty());
        assert_eq!(
            titles("Delegates discussed trade between ports, ferry lines, and fishing fleets."),
            Vec::<String>::new()
        );
        // Items that are no short objects of "among" stay a list.
        assert_eq!(
            titles("Delegates explored trust among pilots, the cost of new quays and winter dredging."),
            vec!["trust among pilots", "the cost of new quays", "winter dredging"]
        );
    }

    #[test]
    fn a_list_announced_after_a_noun_phrase_of_topics() {
        assert_eq!(
            titles(
                "The day gave pilots the chance to examine key issues facing small ports, among them silting, storm damage, and finding crews for winter."
            ),
            vec!["silting", "storm damage", "finding crews for winter"]
        );
        // Not after a speech tag.
        assert!(titles("“We knew the problems,” she said, among them silting, storms and crews.").is_empty());
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
    fn panels_that_will_discuss_dialogues_centered_on_and_quoted_titles() {
        assert_eq!(
            titles(
                "The various panels will discuss investing in Asia, private markets, the future of finance and how to navigate a “complex world”, according to the agenda."
            ),
            vec![
                "investing in Asia",
                "private markets",
                "the future of finance",
                "how to navigate a “complex world”"
            ]
        );
        assert_eq!(
            titles(
                "The conference held a series of dialogues centered on cooperation under the initiative, the development of chambers of commerce and associations, and non-governmental economic and trade exchanges."
            ),
            vec![
                "cooperation under the initiative",
                "the development of chambers of commerce and associations",
                "non-governmental economic and trade exchanges"
            ]
        );
        assert_eq!(
            titles(
                "Panels for the Thursday event, “Supply Chain Challenges and Solutions” and “US-China Trade Relations,” gave participants a chance."
            ),
            vec![
                "Supply Chain Challenges and Solutions",
                "US-China Trade Relations"
            ]
        );
    }

    #[test]
    fn lists_after_a_verb_of_discussing() {
        assert_eq!(
            titles("Delegates explored port automation, green fuels and crew training."),
            vec!["port automation", "green fuels", "crew training"]
        );
        assert!(
            titles("Leaders gathered to discuss trade cooperation under the Belt and Road initiative.")
                .is_empty()
        );
        assert!(
            titles(
                "It gave members a chance to discuss how these issues impact businesses, workers and communities."
            )
            .is_empty()
        );
    }

    #[test]
    fn a_list_after_a_colon_that_closes_a_topic_noun_phrase() {
        assert_eq!(
            titles(
                "The panellists addressed the six issues selected by participants as most critical: poverty, education, the Middle East and global governance."
            ),
            vec!["poverty", "education", "the Middle East", "global governance"]
        );
        assert!(
            titles(
                "It was part of the Annual Call, which this year focused on three themes of importance: green transition, energy transition and food security."
            )
            .is_empty()
        );
    }

    #[test]
    fn presentations_that_focus_on_one_panel_and_themes_of() {
        assert_eq!(
            titles(
                "It will open with presentations that focus on faculty recruitment, community outreach, and organizational change."
            ),
            vec![
                "faculty recruitment",
                "community outreach",
                "organizational change"
            ]
        );
        assert_eq!(
            titles(
                "One highlighted panel discussion focused on increasing endowments through venture capital."
            ),
            vec!["increasing endowments through venture capital"]
        );
        assert_eq!(
            titles(
                "The sessions focused on themes of digital transformation, emerging technology, and future work trends."
            ),
            vec![
                "digital transformation",
                "emerging technology",
                "future work trends"
            ]
        );
        assert_eq!(
            titles(
                "Panel discussions focused on the history of colleges, finances, career readiness, along with a career fair."
            ),
            vec!["the history of colleges", "finances", "career readiness"]
        );
        assert!(
            titles(
                "General sessions focused on conference themes with panels between leaders and sponsor Intel."
            )
            .is_empty()
        );
        assert!(titles("The conference aimed to discuss the dynamics of media, as well as uplift students and faculty.").is_empty());
    }

    #[test]
    fn the_subject_of_a_passive_discussed() {
        assert_eq!(
            titles(
                "During the event, the main challenges, problems and opportunities related to the use of digital tools in farming were discussed."
            ),
            vec![
                "the main challenges, problems and opportunities related to the use of digital tools in farming"
            ]
        );
        assert_eq!(
            titles("Cybersecurity, cloud computing and smart cities were discussed."),
            vec!["Cybersecurity", "cloud computing", "smart cities"]
        );
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
            let _ = is_intro(b);
        }
    }

    // Guards against losing the subjects of single plenaries and of "discussions on" lists, and against
    // taking a workshop's own subject or a proper name with "Panel on" for a session's.
    #[test]
    fn plenary_subjects_and_discussions_on() {
        assert_eq!(
            titles(
                "The mayor will address a plenary on financing harbour renewal. Other plenaries will cover ferry fares, dredging, and night noise."
            ),
            vec![
                "financing harbour renewal",
                "ferry fares",
                "dredging",
                "night noise"
            ]
        );
        assert_eq!(
            titles(
                "On the agenda are discussions on raising dock wages, cutting idle time and training pilots."
            ),
            vec!["raising dock wages", "cutting idle time", "training pilots"]
        );
        assert_eq!(
            titles("Three key topics were explored – tidal power, grid storage and pricing."),
            vec!["tidal power", "grid storage", "pricing"]
        );
        assert!(titles("Forty engineers gathered for a one-day workshop on scaling in pipes.").is_empty());
        assert!(titles("She chairs the Panel on Coastal Change and the Harbour Board.").is_empty());
        assert!(titles("A session on Tuesday drew a crowd.").is_empty());
    }

    #[test]
    fn conversations_that_center_on_long_items() {
        assert_eq!(
            titles(
                "Our conversations will center on the state of the old ferry routes that link the islands, how the storms have moved the sandbanks between the northern and southern channels, and ways to pay for it."
            ),
            vec![
                "the state of the old ferry routes that link the islands",
                "how the storms have moved the sandbanks between the northern and southern channels",
                "ways to pay for it"
            ]
        );
    }

    #[test]
    fn longer_phrases_after_a_verb_of_discussing_when_none_is_a_clause() {
        assert_eq!(
            titles(
                "Speakers covered the cost of dredging, the slow spread of reeds and weeds along the eastern banks, and the role of pilots in the harbour."
            ),
            vec![
                "the cost of dredging",
                "the slow spread of reeds and weeds along the eastern banks",
                "the role of pilots in the harbour"
            ]
        );
        assert!(
            titles("Speakers covered dredging, why the reeds and weeds have spread along the eastern banks, and pilots.")
                .is_empty()
        );
    }

    #[test]
    fn a_list_announced_inside_the_first_item() {
        assert_eq!(
            titles(
                "The day held one session, focused on driving change in areas including tidal power, grid storage, and ferry fuels."
            ),
            vec!["tidal power", "grid storage", "ferry fuels"]
        );
        // "firms including" does not announce the subjects.
        assert!(
            !titles(
                "The session will include remarks from officers of firms including Vellco, Orrin, and Marl."
            )
            .contains(&"Vellco".to_string())
        );
    }

    #[test]
    fn one_subject_named_alone() {
        assert_eq!(
            titles("Tides matter, and one focus of the meeting included how silt can block the canal."),
            vec!["how silt can block the canal"]
        );
        assert_eq!(
            titles("A notable theme at this year’s fair will be how drones map the reefs, Quist said."),
            vec!["how drones map the reefs"]
        );
        assert_eq!(
            titles("The forum explored how towns—large and small—are paying for sea walls."),
            vec!["how towns—large and small—are paying for sea walls"]
        );
        // The event's own theme, and a passive, are not subjects.
        assert!(titles("The theme of the fair is how drones map the reefs.").is_empty());
        assert!(titles("A theme was chosen by the pupils.").is_empty());
    }

    #[test]
    fn a_bulleted_list_after_a_sentence_with_will_discuss() {
        assert!(is_intro("This symposium will discuss, among other things:"));
        assert!(!is_intro("Symposium Speakers"));
    }

    // Guards against a noun far before the cue blocking the list ("areas of agreement … on topics such as").
    #[test]
    fn the_gap_counts_from_the_last_noun() {
        assert_eq!(
            titles(
                "The statement listed areas of agreement among the members of the harbour board on topics such as tariffs, dredging, and pilotage."
            ),
            vec!["tariffs", "dredging", "pilotage"]
        );
    }

    // Guards against losing a later cue after a topic noun far from its verb, and a colon-led single
    // item whose second half points back at the first.
    #[test]
    fn a_later_cue_and_an_item_that_points_back() {
        assert_eq!(
            titles(
                "The fair approached harbour issues through the eyes of pilots and tackled topics such as: mapping the shifting sandbanks, and how that relates to safe passage—night and day."
            ),
            vec!["mapping the shifting sandbanks, and how that relates to safe passage—night and day"]
        );
        assert_eq!(
            titles(
                "It also dealt with the interplay between harbour law and tolls, dredging, ferry and barge safety, and pilotage."
            ),
            vec!["tolls", "dredging", "ferry and barge safety", "pilotage"]
        );
    }

    #[test]
    fn sessions_told_with_a_participle_and_what_speakers_discuss() {
        assert_eq!(
            titles(
                "“This year we have breakout sessions addressing kelp farming, mending the old nets and ways to keep the bay clear,” Vell said."
            ),
            vec![
                "kelp farming",
                "mending the old nets",
                "ways to keep the bay clear"
            ]
        );
        assert_eq!(
            titles("The day will open with a panel discussing the Harbour Board’s Ferry Plan."),
            vec!["the Harbour Board’s Ferry Plan"]
        );
        assert_eq!(
            titles(
                "Keynote speakers discussed rising costs in ferry fuel and crew training and examined their effects on small ports."
            ),
            vec!["rising costs in ferry fuel and crew training"]
        );
        assert_eq!(
            titles(
                "Several speakers will discuss how the guilds can be revived to meet new demands. Speakers will also discuss the role of tide tables such as the old charts, to improve safety at sea."
            ),
            vec![
                "how the guilds can be revived to meet new demands",
                "the role of tide tables such as the old charts"
            ]
        );
        assert_eq!(
            titles(
                "Many speakers will focus on the vital role net mending, hull care, and sail repair play in keeping fleets afloat."
            ),
            vec!["net mending", "hull care", "sail repair"]
        );
        // A purpose, an audience and a clause of its own are not what speakers discuss.
        assert!(titles("Speakers gathered to discuss.").is_empty());
        assert!(titles("Keynote speakers addressed the crowd of growers.").is_empty());
        assert!(titles("Members of the panel discussing the toll said it would pass.").is_empty());
    }

    #[test]
    fn a_panel_on_new_openings_for_several_kinds_of_people() {
        assert_eq!(
            titles("The last panel will examine new openings and risks for fishers, millers and bakers."),
            vec!["new openings and risks for fishers, millers and bakers"]
        );
    }

    #[test]
    fn the_event_a_list_was_discussed_at_and_what_it_will_address() {
        assert_eq!(
            titles(
                "More than 160 farmers addressed issues related to agriculture, energy and rural development at the fourth annual conference."
            ),
            vec!["agriculture", "energy", "rural development"]
        );
        // A passive's agent after the cue is no list.
        assert!(titles("Other topics covered by panelists and speakers included:").is_empty());
        assert_eq!(
            titles("Dr. Cooper said the conference will also address childhood and adult obesity."),
            vec!["childhood and adult obesity"]
        );
        assert_eq!(
            titles("Lectures will also address medical marijuana."),
            vec!["medical marijuana"]
        );
        // Two adjectives of one noun are one item.
        assert_eq!(
            titles("The sessions focused on community participation, intangible and tangible heritage."),
            vec!["community participation", "intangible and tangible heritage"]
        );
    }

    #[test]
    fn an_event_addressed_by_people_and_objectives_of_a_workshop() {
        assert!(
            titles("The Colloquium was addressed by, among others, Senator Kip Murkomen of Elgeyo-Marakwet.")
                .is_empty()
        );
        // Addressed with no agent: the subject was discussed.
        assert_eq!(
            titles("Water tariffs and river pollution were addressed."),
            vec!["Water tariffs", "river pollution"]
        );
        assert!(!is_intro("In particular, the workshop objectives were:"));
        assert!(is_intro("The workshop topics were:"));
        assert!(is_intro("Sessions on speakers' fees were:"));
    }

    #[test]
    fn issues_like_a_list_right_after_the_noun() {
        assert_eq!(
            titles("Speakers laid out their concerns on issues like tenure, access and security."),
            vec!["tenure", "access", "security"]
        );
        // A clause after the list is no item, and "like" away from its noun lists nothing.
        assert!(titles("A platform to discuss issues like housing and transit, our goal is to equip these leaders with new ideas.").is_empty());
        assert!(
            titles("Beyond the panels, attendees would like more networking, food and music.").is_empty()
        );
    }

    #[test]
    fn sessions_on_a_list_that_the_event_includes_or_presents() {
        assert_eq!(
            titles("Harbour pilots will present sessions on tide tables, pilotage fees, and dredging."),
            ["tide tables", "pilotage fees", "dredging"]
        );
        assert_eq!(
            titles(
                "The fair included interactive panel sessions on ferry fares, berth pricing and dredging."
            ),
            ["ferry fares", "berth pricing", "dredging"]
        );
    }

    #[test]
    fn a_list_closed_by_other_issues_and_one_more_topic_without_a_verb() {
        assert_eq!(
            titles(
                "Vell said the summit will show how tides can help in milling, baking, marl roads and other issues."
            ),
            vec!["milling", "baking", "marl roads"]
        );
        // Names are no subjects.
        assert!(titles("Vell met Acme, Globex, Initech and other companies.").is_empty());
        assert_eq!(
            titles("Another topic of discussion at the fair, the harbour’s shifting sandbars."),
            vec!["the harbour’s shifting sandbars"]
        );
        assert!(titles("Another topic of the fair, which was held in May, drew crowds.").is_empty());
    }
}
