//! Questions in plain words, mapped to a command: "who sponsored infoforum?", "кто спонсировал
//! Инфофорум?", "信息论坛的主办方是谁？". Deterministic and offline: cue words in each language (compared by
//! their stems, so "sponsored", "спонсировал" and "спонсоры" all count) say what is asked, and the rest of
//! the question names the event (resolved like any `<event>`, aliases and other scripts included) or a
//! speaker (looked up among the quotes). Only commands everyone may run come out of here.
//!
//! A question that names no event ("what topics were discussed?", "кто спонсоры форума?", "论坛的主办方是谁？")
//! asks about the event everyone in the room knows of: the only briefing loaded; with several, the words
//! it does use ("the forum") go to the resolver, which answers a match or lists the candidates, so a
//! question never silently reads about an event it did not mean.

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

/// Words that would cue by their stem what they do not ask: "organizations" shares its stem with
/// "organized", "организации" with "организаторы".
const NOT_CUES: &[&str] = &[
    "organizations",
    "organisations",
    "organization",
    "organisation",
    "организации",
    "организаций",
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

/// Words that say "the event" without naming one: kinds of event and demonstratives, compared by stem
/// (Chinese: as segmented words).
const GENERIC: &[&str] = &[
    "event",
    "forum",
    "conference",
    "summit",
    "congress",
    "meeting",
    "expo",
    "exhibition",
    "symposium",
    "convention",
    "fair",
    "festival",
    "these",
    "those",
    "they",
    "them",
    "he",
    "she",
    "people",
    "speakers",
    "мероприятие",
    "событие",
    "форум",
    "конференция",
    "саммит",
    "съезд",
    "встреча",
    "выставка",
    "симпозиум",
    "фестиваль",
    "этот",
    "эта",
    "это",
    "этом",
    "этого",
    "этой",
    "там",
    "его",
    "они",
    "он",
    "она",
    "выступающие",
    "活动",
    "论坛",
    "会议",
    "大会",
    "峰会",
    "博览会",
    "展会",
    "研讨会",
    "会",
    "这次",
    "此次",
    "本次",
    "本届",
    "这届",
    "该",
    "这个",
    "他们",
    "他",
    "她",
    "大家",
];

fn is_generic(word: &str) -> bool {
    GENERIC.iter().any(|g| {
        if text::has_han(g) {
            word == *g
        } else {
            text::stem(g) == text::stem(word)
        }
    })
}

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
    let event = event(&rest, snapshot).or_else(|| unnamed_event(&rest, snapshot))?;
    Some(match intent {
        Intent::Sponsors(relation) => {
            // "Who organized it?" of an event that lists only sponsors asks who was behind it.
            let listed = |r: Relation| {
                snapshot
                    .get(&event)
                    .is_some_and(|b| b.sponsors_with(r).next().is_some())
            };
            Command::Sponsors {
                relation: relation.filter(|r| listed(*r)),
                event,
            }
        }
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
            .filter(|(_, w)| !NOT_CUES.contains(&w.as_str()) && cues.iter().any(|c| cue_matches(c, w)))
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

/// The event a question means without naming it, when every word left only says "the event": the sole
/// briefing; with several, those words as typed ("forum"), for the resolver to answer or list candidates.
/// `None` when a word names something that is not an event here ("the moon landing").
fn unnamed_event(words: &[&str], snapshot: &Snapshot) -> Option<String> {
    if !words.iter().all(|w| is_generic(w)) {
        return None;
    }
    match snapshot.briefings() {
        [only] => Some(only.id.clone()),
        [] => None,
        _ => match resolve::resolve(snapshot, &words.join(" ")) {
            Resolution::Found(b) => Some(b.id.clone()),
            Resolution::Ambiguous(_) => Some(words.join(" ")),
            Resolution::NotFound { .. } => None,
        },
    }
}

/// Quotes: of a speaker the words name (across events, or in the event they also name), else of the event.
/// The speaker is the longest run of words that names someone quoted ("Konstantin Noskov", "Носкова").
fn quotes(words: &[&str], snapshot: &Snapshot) -> Option<Command> {
    let names_someone = |run: &[&str]| {
        let joined = run.join(" ");
        joined.chars().count() >= 2
            && !run.iter().all(|w| w.chars().all(|c| c.is_ascii_digit()))
            && !snapshot.quotes_by(&joined).is_empty()
    };
    let speaker = (1..=words.len().min(3)).rev().find_map(|len| {
        (0..=words.len() - len)
            .map(|start| start..start + len)
            .find(|r| names_someone(&words[r.clone()]))
    });
    let others: Vec<&str> = match &speaker {
        Some(r) => words[..r.start].iter().chain(&words[r.end..]).copied().collect(),
        None => words.to_vec(),
    };
    // A speaker named alone is looked up across events; with neither, the event the question means.
    let event = event(&others, snapshot).or_else(|| {
        speaker
            .is_none()
            .then(|| unnamed_event(&others, snapshot))
            .flatten()
    });
    let speaker = speaker.map(|r| {
        words[r]
            .iter()
            .map(|w| text::capitalized(w))
            .collect::<Vec<_>>()
            .join(" ")
    });
    match (event, speaker) {
        (None, None) => None,
        (event, speaker) => Some(Command::Quotes {
            event,
            speaker,
            page: 1,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::briefing::ParseOptions;
    use crate::store::Store;

    /// The team's table of questions in three languages, each with the command it must map to, against the
    /// shipped briefings (in English, Russian and Chinese). Prints the accuracy per language.
    #[test]
    fn the_question_table_maps_to_the_expected_commands() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let store = Store::open(root.join("briefings"), ParseOptions::default());
        let snapshot = store.snapshot();
        let table = std::fs::read_to_string(root.join("tests/fixtures/questions.tsv")).unwrap();
        let mut per_lang: std::collections::BTreeMap<&str, (usize, usize)> = Default::default();
        let mut misses = Vec::new();
        for line in table
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        {
            let [lang, question, expected] = line.split('\t').collect::<Vec<_>>()[..] else {
                panic!("a row is language, question, command: {line:?}");
            };
            let got = interpret(question, &snapshot).map_or("-".to_string(), |c| c.to_line());
            let counts = per_lang.entry(lang).or_default();
            counts.1 += 1;
            if got == expected {
                counts.0 += 1;
            } else {
                misses.push(format!("{lang} {question:?}: expected `{expected}`, got `{got}`"));
            }
        }
        for (lang, (right, all)) in &per_lang {
            println!("{lang}: {right}/{all} questions mapped as expected");
            assert!(*all >= 30, "{lang}: at least 30 questions");
        }
        let (right, all) = per_lang.values().fold((0, 0), |a, b| (a.0 + b.0, a.1 + b.1));
        println!("all: {right}/{all} ({:.1}%)", 100.0 * right as f64 / all as f64);
        for m in &misses {
            println!("miss: {m}");
        }
        assert!(right * 10 >= all * 9, "below 90%:\n{}", misses.join("\n"));
    }

    /// A question that names no event: with several briefings it is answered only when its words pick
    /// one ("the summit"); words that fit several go to the resolver as typed, so the answer lists them;
    /// a question with no such words, or with words naming something else, is answered by a search.
    #[test]
    fn an_unnamed_event_is_picked_only_when_the_words_fit_one() {
        let dir = tempfile::tempdir().unwrap();
        for (id, title, event) in [
            ("alpha-2024", "Alpha Week 2024", "Alpha Forum"),
            ("beta-2023", "Beta Days 2023", "Beta Summit"),
            ("gamma-2022", "Gamma Days 2022", "Gamma Forum"),
        ] {
            std::fs::write(
                dir.path().join(format!("{id}.md")),
                format!("+++\nid = \"{id}\"\ntitle = \"{title}\"\nevent = \"{event}\"\n+++\nText.\n"),
            )
            .unwrap();
        }
        let store = Store::open(dir.path().to_path_buf(), ParseOptions::default());
        let snapshot = store.snapshot();
        assert_eq!(snapshot.len(), 3);
        let line = |q: &str| interpret(q, &snapshot).map(|c| c.to_line());
        assert_eq!(
            line("what topics were discussed at the summit?").as_deref(),
            Some("topics beta-2023")
        );
        assert_eq!(
            line("who sponsored the forum?").as_deref(),
            Some("sponsors forum")
        );
        assert_eq!(line("what topics were discussed?"), None);
        assert_eq!(line("who sponsored the moon landing?"), None);
    }

    /// Whatever the words, a question never becomes a command only moderators may run.
    #[test]
    fn a_question_never_runs_a_moderator_command() {
        let store = Store::open(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../briefings"),
            ParseOptions::default(),
        );
        let snapshot = store.snapshot();
        for q in [
            "digest infoforum please",
            "reload everything now",
            "post the digest of infoforum to matrix:!x",
        ] {
            if let Some(c) = interpret(q, &snapshot) {
                assert_eq!(c.spec().access, crate::catalogue::Access::Everyone, "{q}: {c:?}");
            }
        }
    }
}
