//! Questions in plain words, mapped to a command: "who sponsored infoforum?", "кто спонсировал
//! Инфофорум?", "信息论坛的主办方是谁？". Deterministic and offline: cue words in each language (compared by
//! their stems, so "sponsored", "спонсировал" and "спонсоры" all count) say what is asked, and the rest of
//! the question names the event (resolved like any `<event>`, aliases and other scripts included) or a
//! speaker (looked up among the quotes). Only commands everyone may run come out of here.

use crate::command::Command;
use crate::model::Relation;
use crate::resolve::{self, Resolution};
use crate::store::Snapshot;
use crate::text;

/// What a question asks about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Intent {
    Sponsors(Option<Relation>),
    Quotes,
    Topics,
    Summary,
    Briefing,
    Events,
}

/// Cue words, by what they ask. A cue matches a word of the question when their stems are equal or,
/// for cues of four letters or more, when the word starts with the cue's stem. Chinese cues match a
/// segmented word, or inside one.
const CUES: &[(Intent, &[&str])] = &[
    (
        Intent::Sponsors(Some(Relation::Organizer)),
        &[
            "organizer",
            "organiser",
            "organized",
            "organised",
            "organizing",
            "organizers",
            "организатор",
            "организовал",
            "организовали",
            "организаторы",
            "организаторами",
            "主办",
            "主办方",
            "承办",
            "主办单位",
            "举办",
            "组织者",
            "组织",
        ],
    ),
    (
        Intent::Sponsors(Some(Relation::Host)),
        &[
            "hosted",
            "host",
            "hosts",
            "принимал",
            "принимала",
            "принимающая",
            "东道主",
        ],
    ),
    (
        Intent::Sponsors(Some(Relation::Supporter)),
        &[
            "supported",
            "supporter",
            "supporters",
            "support",
            "поддержка",
            "поддержал",
            "поддержали",
            "поддержке",
            "支持",
            "支持单位",
        ],
    ),
    (
        Intent::Sponsors(Some(Relation::Partner)),
        &[
            "partner",
            "partners",
            "партнер",
            "партнёр",
            "партнеры",
            "партнёры",
            "合作伙伴",
            "伙伴",
        ],
    ),
    (
        Intent::Sponsors(None),
        &[
            "sponsor",
            "sponsored",
            "sponsors",
            "sponsorship",
            "funded",
            "behind",
            "backed",
            "спонсор",
            "спонсоры",
            "спонсировал",
            "спонсировали",
            "спонсоров",
            "финансировал",
            "赞助",
            "赞助商",
            "赞助方",
            "资助",
            "机构",
        ],
    ),
    (
        Intent::Quotes,
        &[
            "say",
            "said",
            "says",
            "quote",
            "quotes",
            "quoted",
            "speak",
            "spoke",
            "told",
            "stated",
            "сказал",
            "сказала",
            "говорил",
            "говорила",
            "заявил",
            "заявила",
            "цитаты",
            "цитата",
            "цитату",
            "слова",
            "высказывания",
            "说",
            "说了",
            "表示",
            "引语",
            "讲",
            "讲话",
            "发言",
            "谈到",
            "指出",
        ],
    ),
    (
        Intent::Topics,
        &[
            "discussed",
            "discuss",
            "discussion",
            "topics",
            "topic",
            "agenda",
            "themes",
            "covered",
            "обсуждали",
            "обсуждалось",
            "обсуждались",
            "обсудили",
            "темы",
            "тема",
            "повестка",
            "повестке",
            "讨论",
            "议题",
            "话题",
            "探讨",
            "议程",
        ],
    ),
    (
        Intent::Summary,
        &[
            "where",
            "when",
            "summary",
            "summarize",
            "summarise",
            "happened",
            "где",
            "когда",
            "кратко",
            "произошло",
            "прошел",
            "прошёл",
            "проходил",
            "哪里",
            "哪儿",
            "何时",
            "时候",
            "什么时候",
            "在哪",
            "在哪里",
            "摘要",
            "概要",
            "总结",
            "哪天",
        ],
    ),
    (
        Intent::Briefing,
        &[
            "about",
            "tell",
            "describe",
            "details",
            "расскажи",
            "расскажите",
            "подробнее",
            "介绍",
            "详细",
            "简介",
        ],
    ),
    (
        Intent::Events,
        &[
            "events",
            "forums",
            "conferences",
            "summits",
            "list",
            "события",
            "форумы",
            "конференции",
            "список",
            "活动",
            "哪些",
            "列表",
        ],
    ),
];

/// Words that carry no name: question words, articles, prepositions, particles.
const STOP: &[&str] = &[
    "who",
    "what",
    "which",
    "whom",
    "whose",
    "how",
    "did",
    "does",
    "do",
    "was",
    "were",
    "is",
    "are",
    "the",
    "a",
    "an",
    "of",
    "at",
    "in",
    "on",
    "to",
    "for",
    "by",
    "me",
    "us",
    "please",
    "there",
    "and",
    "or",
    "it",
    "its",
    "that",
    "this",
    "from",
    "with",
    "all",
    "any",
    "take",
    "place",
    "have",
    "has",
    "had",
    "been",
    "кто",
    "что",
    "какие",
    "какой",
    "какая",
    "каких",
    "чем",
    "о",
    "об",
    "на",
    "в",
    "во",
    "и",
    "у",
    "с",
    "со",
    "по",
    "за",
    "был",
    "была",
    "было",
    "были",
    "мне",
    "пожалуйста",
    "же",
    "ли",
    "это",
    "про",
    "的",
    "是",
    "谁",
    "什么",
    "了",
    "吗",
    "呢",
    "在",
    "和",
    "与",
    "哪些",
    "有",
    "请",
    "上",
    "中",
    "对",
];

/// The command a question maps to, if it can tell what is asked; `None` to answer with a search.
pub fn interpret(question: &str, snapshot: &Snapshot) -> Option<Command> {
    let words = text::tokens(question);
    let (intent, used) = intent(&words)?;
    let rest: Vec<&str> = words
        .iter()
        .enumerate()
        .filter(|(i, w)| !used.contains(i) && !is_stop(w))
        .map(|(_, w)| w.as_str())
        .collect();
    if intent == Intent::Events {
        return Some(Command::Events {
            tag: None,
            year: rest
                .iter()
                .find_map(|w| w.parse::<i32>().ok().filter(|y| (1900..3000).contains(y))),
            page: 1,
        });
    }
    if intent == Intent::Quotes {
        return quotes(&rest, snapshot);
    }
    let event = event(&rest, snapshot)?;
    Some(match intent {
        Intent::Sponsors(relation) => Command::Sponsors { event, relation },
        Intent::Topics => Command::Topics { event },
        Intent::Summary => Command::Summary { event },
        Intent::Briefing => Command::Briefing { event },
        Intent::Quotes | Intent::Events => unreachable!("answered above"),
    })
}

/// The intent of the first cue found (in the order of [`CUES`], so "who organized" beats "who"), and the
/// positions of the words that made it.
fn intent(words: &[String]) -> Option<(Intent, Vec<usize>)> {
    for (intent, cues) in CUES {
        let used: Vec<usize> = words
            .iter()
            .enumerate()
            .filter(|(_, w)| cues.iter().any(|c| cue_matches(c, w)))
            .map(|(i, _)| i)
            .collect();
        if !used.is_empty() {
            return Some((*intent, used));
        }
    }
    None
}

fn cue_matches(cue: &str, word: &str) -> bool {
    if text::has_han(cue) {
        return word == cue || (word.chars().count() > cue.chars().count() && word.contains(cue));
    }
    let (cue, word) = (text::stem(cue), text::stem(word));
    word == cue || (cue.chars().count() >= 4 && word.starts_with(cue.as_ref()))
}

fn is_stop(word: &str) -> bool {
    STOP.contains(&word) || word.chars().all(|c| !c.is_alphanumeric())
}

/// The event the words name: all of them, else the longest run of them that resolves to one briefing.
fn event(words: &[&str], snapshot: &Snapshot) -> Option<String> {
    for len in (1..=words.len()).rev() {
        for start in 0..=words.len() - len {
            let query = words[start..start + len].join(" ");
            if let Resolution::Found(b) = resolve::resolve(snapshot, &query) {
                return Some(b.id.clone());
            }
        }
    }
    None
}

/// Quotes: of a speaker the words name (across events, or in the event they also name), else of the event.
fn quotes(words: &[&str], snapshot: &Snapshot) -> Option<Command> {
    let speaker = words.iter().copied().find(|w| {
        w.chars().count() >= 2 && !w.chars().all(|c| c.is_ascii_digit()) && !snapshot.quotes_by(w).is_empty()
    });
    let others: Vec<&str> = words.iter().copied().filter(|w| Some(*w) != speaker).collect();
    let event = event(&others, snapshot);
    match (event, speaker) {
        (None, None) => None,
        (event, speaker) => Some(Command::Quotes {
            event,
            speaker: speaker.map(capitalized),
            page: 1,
        }),
    }
}

/// A name as people write it: its first letter upper case.
fn capitalized(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
