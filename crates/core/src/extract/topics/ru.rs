//! Russian topics: the enumeration after a cue (обсуждались, обсудят вопросы, рассмотрели, была посвящена,
//! в повестке), up to «и многих других» or the end of the clause, in the case the text gives; and session
//! titles in « » after a session noun (секции «…» и «…», круглый стол «…»).

use regex::Regex;

use crate::transient::Transient;

use super::super::quoted;
use super::super::sentences::sentences;
use super::super::text::word_count;
use super::{topics, trim_item};
use crate::model::Topic;

/// A cue and the noun that may head the list after it ("обсудят вопросы …").
static CUE: Transient = Transient::new(|| {
    Regex::new(
        r"(?i)(?:тем(?:ы|ами|ой)\s+(?:[^\s,.:]+\s+){0,3}?(?:стали|стало|были|станут|станет|стала|будет|—|–|:)|тем(?:ы|а|ами)(?:\s+[^\s,.:—–]+){0,3}:|среди\s+(?:\w+\s+)?тем(?:\s+[^\s,.:—–]+){0,3}\s+[—–]|обсужда\w*|обсуд\w*|рассмотр\w*|рассматрива\w*|затрон\w*|затрагива\w*|посвящ[её]н\w*|касал(?:ось|ась|ся|ись)|шла\s+речь\s+об?|речь\s+(?:шла|ид[её]т|пойд[её]т)\s+об?|говорили\s+о|(?:развернул\w*|велась|шла|строил\w*)\s+вокруг|(?:в|на)\s+повестке(?:\s+дня)?(?:\s*[—–:])?|в\s+центре\s+внимания(?:\s*[—–:])?)\s+(?:обсуждени\w*\s+)?(?:(?:вопрос|тем|проблем|аспект)\w*\s+)?",
    )
    .expect("cue regex")
});

/// Nouns naming sessions, whose titles follow in « ».
static SESSION: Transient = Transient::new(|| {
    Regex::new(r"(?i)(?:секци\w*|круглы\w+\s+стол\w*|сесси\w*|панел\w*|пленарн\w+\s+заседани\w*|дискусси\w*|мастер-класс\w*|тематическ\w+\s+площадк\w*)")
        .expect("session regex")
});

/// Where the list ends: "и многих других", "и др.", a clause about something else, or a reporting clause
/// (", сообщает пресс-служба").
static END: Transient = Transient::new(|| {
    Regex::new(r"(?i)\s+и\s+(?:многих\s+|многие\s+|ряд\s+)?(?:други[хеми]|др\.|т\.\s?д|проч)|,\s+(?:котор\w+|где|что|чтобы|когда|но)\s|,\s+(?:сообща|отмет|отмеча|сказа|подчеркну|рассказа|поясни|заяви)\w*\s|;|\s[—–]\s|\(")
        .expect("end regex")
});

/// A platform of the event, named in « » right after it.
static PLATFORM: Transient = Transient::new(|| Regex::new(r"(?i)площадк[а-яё]*").expect("platform regex"));

/// A short adverbial (a preposition and one to three words) before the noun a cue governs: "в формате
/// дискуссий актуальные вопросы …".
static ADVERBIAL: Transient = Transient::new(|| {
    Regex::new(r"(?i)^\s*(?:в|во|на|при|с|со)\s+(?:[^\s,.:;«»]+\s+){1,3}?(?P<rest>(?:[а-яё]+(?:ые|ие|ых|их)\s+)?(?:вопрос|проблем|тем|аспект|перспектив)[а-яё]*\s)")
        .expect("adverbial regex")
});

/// A session noun followed by what it was about: "дискуссия о проблемах отрасли", "круглый стол по
/// вопросам экологии".
static ABOUT: Transient = Transient::new(|| {
    Regex::new(r"(?i)(?:секци|круглы[а-яё]+\s+стол|сесси|дискусси)[а-яё]*\s+(?:о|об|по\s+(?:вопросам|теме|проблемам))\s+")
        .expect("about regex")
});

/// Words introducing lists of something else (speakers, partners, guests).
static OTHER: Transient = Transient::new(|| {
    Regex::new(r"(?i)спикер|участник|партн[её]р|спонсор|организатор|гост|ссылк|контакт|эксперт")
        .expect("other regex")
});
static INTRO: Transient = Transient::new(|| {
    Regex::new(
        r"(?i)тем[аыу]|вопрос|секци|повестк|программ|обсужд|обсуд|круглы\w+\s+стол|направлени|дискусси|сесси",
    )
    .expect("intro regex")
});

/// Whether a sentence introduces a list of topics (and not of speakers or partners).
pub(super) fn is_intro(sentence: &str) -> bool {
    // The clause that ends the sentence names what follows: "…сессия «…», на которой выступили спикеры:".
    let tail = sentence.rsplit(", ").next().unwrap_or(sentence);
    if OTHER.get().is_match(tail) && !INTRO.get().is_match(tail) {
        return false;
    }
    match (INTRO.get().find(sentence), OTHER.get().find(sentence)) {
        (Some(t), Some(o)) => t.start() < o.start(),
        (Some(_), None) => true,
        _ => false,
    }
}

/// Topics listed inline in a paragraph.
pub(super) fn inline(p: &str) -> Vec<Topic> {
    let mut out = Vec::new();
    if !CUE.get().is_match(p) && !SESSION.get().is_match(p) && !ABOUT.get().is_match(p) {
        return out;
    }
    for sentence in sentences(p) {
        let spans = quoted::spans(sentence);
        for m in CUE.get().find_iter(sentence) {
            // A cue inside a title in « » lists nothing.
            if quoted::within(&spans, m.start()) {
                continue;
            }
            // "A, B и C обсуждались": a reflexive past cue after its subject takes the list before it.
            let before = sentence[..m.start()].trim();
            let reflexive = m.as_str().trim_end().ends_with("лись");
            if reflexive && before.matches(", ").count() >= 2 && !starts_with_preposition(before) {
                out.extend(topics(split(before)));
                continue;
            }
            out.extend(topics(split(&sentence[m.end()..])));
        }
        out.extend(titled_sessions(sentence, &spans));
        for m in ABOUT.get().find_iter(sentence) {
            out.extend(topics(split(&sentence[m.end()..])));
        }
    }
    out
}

/// Whether a phrase opens with a preposition: after a cue it is an adverbial ("рассматривать через
/// призму …"), not the list.
fn starts_with_preposition(s: &str) -> bool {
    let first = s.split_whitespace().next().unwrap_or("").to_lowercase();
    matches!(
        first.as_str(),
        "через"
            | "с"
            | "со"
            | "в"
            | "во"
            | "на"
            | "по"
            | "при"
            | "для"
            | "от"
            | "из"
            | "за"
            | "под"
            | "над"
            | "между"
            | "перед"
            | "после"
    )
}

/// Whether a list item opens a clause of its own rather than naming a subject: a finite verb
/// ("обменяются опытом"), a participle describing the previous item ("предложенную правительством"),
/// or an infinitive anywhere in it ("совместными усилиями выявить …").
fn clause_item(item: &str) -> bool {
    let mut words = item.split_whitespace().map(|w| w.to_lowercase());
    let first = words.next().unwrap_or_default();
    let long = first.chars().count() >= 6;
    let finite = long
        && [
            "ются", "ятся", "ется", "ится", "ают", "яют", "уют", "еют", "ят", "жут", "гут", "дут",
        ]
        .iter()
        .any(|e| first.ends_with(e));
    let participle = long
        && [
            "нную", "нный", "нная", "нное", "нные", "нных", "вшую", "вший", "ющую", "ющий", "ящую", "ящий",
            "ющие", "ящие", "ющих", "ящих",
        ]
        .iter()
        .any(|e| first.ends_with(e));
    let infinitive = std::iter::once(first.clone()).chain(words).any(|w| {
        w.chars().count() >= 7
            && ["ить", "ать", "еть", "ять", "уть", "ыть"]
                .iter()
                .any(|e| w.ends_with(e))
    });
    finite || participle || infinitive
}

/// The items after a cue: split at commas outside « » and at a final «и» between nouns.
fn split(list: &str) -> Vec<String> {
    let mut list = &list[..END.get().find(list).map_or(list.len(), |m| m.start())];
    // "…: на площадке форума пройдет …": a colon opens a clause of its own, unless a short heading
    // ends there.
    if let Some((head, rest)) = list.split_once(": ") {
        list = if word_count(head) <= 3 { rest } else { head };
    }
    // "обсудили в формате дискуссий актуальные вопросы …": an adverbial before the cue's noun is skipped.
    if let Some(c) = ADVERBIAL.get().captures(list) {
        list = c.name("rest").map_or(list, |r| &list[r.start()..]);
    }
    if starts_with_preposition(list) || list.trim_start().to_lowercase().starts_with("обсужд") {
        return Vec::new();
    }
    let list = list.trim().trim_end_matches(['.', '!', '?', ':']);
    // Session titles are their own topics; a cue followed by a quoted title is left to them.
    if list.starts_with(['«', '"', '“']) || list.is_empty() {
        return Vec::new();
    }
    let spans = quoted::spans(list);
    let mut items = Vec::new();
    let mut start = 0;
    for (i, _) in list.match_indices(", ") {
        if !spans.iter().any(|s| s.open <= i && i < s.close_end) {
            items.push(&list[start..i]);
            start = i + 2;
        }
    }
    let last = &list[start..];
    // An item ending in an adjective shares the next one's noun: "возможностей дополнительного,
    // инженерного образования" is one subject.
    let mut joined: Vec<&str> = Vec::new();
    let mut from = None;
    for (k, item) in items.iter().chain(std::iter::once(&last)).enumerate() {
        let item_start = item.as_ptr() as usize - list.as_ptr() as usize;
        let begin = from.take().unwrap_or(item_start);
        let end = item_start + item.len();
        let adjective = item.split_whitespace().last().is_some_and(|w| {
            ["ого", "его", "ых", "ому", "ему", "ыми"]
                .iter()
                .any(|e| w.ends_with(e))
        });
        if adjective && k < items.len() {
            from = Some(begin);
        } else {
            joined.push(&list[begin..end]);
        }
    }
    let last = joined.pop().unwrap_or(last);
    items = joined;
    match last.rsplit_once(" и ") {
        // "… литературы и музея": two nouns; "образовательных и информационных технологий" is one.
        Some((a, b)) if !items.is_empty() && !is_adjective(a.split_whitespace().last().unwrap_or("")) => {
            items.extend([a, b]);
        }
        _ => items.push(last),
    }
    if let Some(i) = items.iter().skip(1).position(|i| clause_item(i)) {
        items.truncate(i + 1);
    }
    let items: Vec<String> = items.into_iter().map(trim_item).collect();
    // A lone general noun ("проблемы, волнующие горожан") names no subject.
    let general = |i: &String| {
        let w = i.to_lowercase();
        word_count(&w) == 1
            && ["вопрос", "тем", "проблем", "аспект"]
                .iter()
                .any(|n| w.starts_with(n))
    };
    let items: Vec<String> = items.into_iter().filter(|i| !general(i)).collect();
    let plausible = |i: &String| !i.is_empty() && word_count(i) <= 15;
    if items.iter().all(plausible) {
        items
    } else {
        Vec::new()
    }
}

/// Whether a Russian word has an adjective's ending.
pub(super) fn is_adjective(word: &str) -> bool {
    let w = word.to_lowercase();
    [
        "ых", "их", "ой", "ый", "ий", "ая", "яя", "ое", "ее", "ого", "его", "ому", "ему", "ыми", "ими", "ую",
        "юю",
    ]
    .iter()
    .any(|e| w.ends_with(e))
}

/// Titles in « » right after a session noun: "в рамках двух секций: «A» и «B»", "круглый стол «C»".
fn titled_sessions(sentence: &str, spans: &[quoted::Span]) -> Vec<Topic> {
    let mut out = Vec::new();
    // "На площадке «…» рассмотрят …": a platform in a sentence about what is discussed is a session.
    let platform = PLATFORM.get();
    let cued = CUE.get().is_match(sentence);
    let platforms = platform.find_iter(sentence).filter(|_| cued);
    for noun in SESSION.get().find_iter(sentence).chain(platforms) {
        let mut at = noun.end();
        for span in spans.iter().filter(|s| s.open >= noun.end()) {
            let between = sentence[at..span.open].trim_matches([',', ' ', ':']);
            if !(between.is_empty() || between == "и" || at == noun.end() && word_count(between) <= 2) {
                break;
            }
            out.push(trim_item(span.inner(sentence)));
            at = span.close_end;
        }
    }
    topics(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn titles(p: &str) -> Vec<String> {
        inline(p).into_iter().map(|t| t.title).collect()
    }

    #[test]
    fn enumerations_after_a_cue() {
        assert_eq!(
            titles(
                "Участники обсудят вопросы математики, биологии, образовательных и информационных технологий, музейного дела и многих других сфер."
            ),
            vec![
                "математики",
                "биологии",
                "образовательных и информационных технологий",
                "музейного дела"
            ]
        );
        assert_eq!(
            titles(
                "В ходе заседания обсуждались особенности преподавания языка и культуры на современном этапе, мотивация при изучении языка в вузах."
            ),
            vec![
                "особенности преподавания языка и культуры на современном этапе",
                "мотивация при изучении языка в вузах"
            ]
        );
    }

    #[test]
    fn a_reporting_clause_ends_the_list() {
        assert_eq!(
            titles("Эксперты будут обсуждать пути развития региона, сообщает пресс-служба губернатора."),
            vec!["пути развития региона"]
        );
    }

    #[test]
    fn themes_named() {
        assert_eq!(
            titles("Темами форума стали туризм, экология и развитие малых городов."),
            vec!["туризм", "экология", "развитие малых городов"]
        );
    }

    #[test]
    fn session_titles_in_guillemets() {
        assert_eq!(
            titles(
                "Работа продолжилась в рамках двух секций: «Развитие промышленности» и «Мировой рынок продовольствия»."
            ),
            vec!["Развитие промышленности", "Мировой рынок продовольствия"]
        );
        assert_eq!(
            titles("В конце дня прошел круглый стол «Год русского языка: итоги» с докладами."),
            vec!["Год русского языка: итоги"]
        );
        assert!(titles("В Минске прошла конференция «Сохранение языка за рубежом».").is_empty());
    }

    #[test]
    fn an_adverbial_before_the_cue_noun_and_sessions_about_a_subject() {
        assert_eq!(
            titles("Участники обсудили в формате круглого стола актуальные вопросы пчеловодства."),
            vec!["актуальные вопросы пчеловодства"]
        );
        assert!(titles("Её будут обсуждать через призму проектов.").is_empty());
        assert_eq!(
            titles("Обсуждались пасеки района, возможности дополнительного, инженерного образования."),
            vec![
                "пасеки района",
                "возможности дополнительного, инженерного образования"
            ]
        );
        assert_eq!(
            titles("Также прошла дискуссия о будущем пасек в России."),
            vec!["будущем пасек в России"]
        );
        assert_eq!(
            titles("Работал круглый стол по вопросам медосбора."),
            vec!["медосбора"]
        );
    }

    #[test]
    fn more_ways_to_introduce_the_subjects() {
        assert_eq!(
            titles("Темы секций: пасеки, ульи, воск."),
            vec!["пасеки", "ульи", "воск"]
        );
        assert_eq!(
            titles("Среди тем слета — пасеки, ульи и воск."),
            vec!["пасеки", "ульи", "воск"]
        );
        assert_eq!(
            titles("Главной темой дня стало разведение пчел."),
            vec!["разведение пчел"]
        );
        assert_eq!(titles("Речь шла о медосборе."), vec!["медосборе"]);
        assert_eq!(
            titles("Дискуссия развернулась вокруг вопросов медосбора."),
            vec!["медосбора"]
        );
        assert_eq!(
            titles("Обсуждение касалось пасек, ульев и воска."),
            vec!["пасек", "ульев", "воска"]
        );
        assert_eq!(
            titles("В повестке — вопросы пасек, ульев и воска."),
            vec!["пасек", "ульев", "воска"]
        );
        assert_eq!(
            titles("Участники обсудили пасеки, ульи и другим важным темам."),
            vec!["пасеки", "ульи"]
        );
        assert_eq!(
            titles("На площадке «Пасека будущего» рассмотрят опыт районов."),
            vec!["опыт районов", "Пасека будущего"]
        );
        assert!(titles("Форум пройдет на площадке «Сотовый двор».").is_empty());
    }

    #[test]
    fn a_lone_general_noun_and_a_contrast_end_the_list() {
        assert!(
            titles(
                "Его участники не только обсудят проблемы, волнующие пасечников, но и определят пути решения."
            )
            .is_empty()
        );
    }

    #[test]
    fn speakers_after_a_session_title_are_no_agenda() {
        assert!(!is_intro(
            "Форум начался с сессии «Мед и воск», на которой выступили спикеры:"
        ));
        assert!(is_intro("На сессии обсудят темы:"));
    }

    // Guards against a list running on into coordinated verbs, participles and a colon's new clause,
    // and against missing a list placed before «обсуждались».
    #[test]
    fn clauses_end_the_list_and_a_list_before_a_passive_cue() {
        assert_eq!(
            titles("Участники обсудят новые вызовы времени, обменяются опытом, определят цели."),
            vec!["новые вызовы времени"]
        );
        assert_eq!(
            titles(
                "Гости смогут обсудить стратегию развития района, предложенную администрацией, и выявить слабые места."
            ),
            vec!["стратегию развития района"]
        );
        assert!(
            titles("Её будут рассматривать через призму проектов: на площадке пройдут дискуссии.").is_empty()
        );
        assert_eq!(
            titles("Главной темой станет обсуждение развития туризма в регионе."),
            vec!["развития туризма в регионе"]
        );
        assert_eq!(
            titles("Перспективы молодежи, вопросы здравоохранения, безопасность дорог обсуждались три часа."),
            vec![
                "Перспективы молодежи",
                "вопросы здравоохранения",
                "безопасность дорог"
            ]
        );
    }
}
