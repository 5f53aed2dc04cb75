//! Russian topics: the enumeration after a cue (обсуждались, обсудят вопросы, рассмотрели, была посвящена,
//! в повестке, вынесены на обсуждение / на сессию вынесено), up to «и многих других» or the end of the clause, in the case the text gives; and session
//! titles in « » after a session noun (секции «…» и «…», круглый стол «…»).

pub(super) use crate::extract::ru::is_adjective;
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
        r"(?i)(?:тем(?:ы|ами|ой)\s+(?:[^\s,.:]+\s+){0,3}?(?:стали|стало|были|станут|станет|стала|будет|—|–|:)|(?:тематик[аи]|тема)(?:\s+[^\s,.:—–«»]+){0,3}?\s+[—–]|(?:тем(?:ы|а|ами)|тематик[аиуе])(?:\s+[^\s,.:—–]+){0,4}:|среди\s+(?:\w+\s+)?тем(?:\s+[^\s,.:—–]+){0,3}\s+[—–-]|(?:основные|ключевые|главные|приоритетные)\s+направления(?:\s+[^\s,.:—–]+){0,3}:|обсужда\w*|обсуд\w*|обсужден[аоы]?|рассмотр\w*|рассматрива\w*|затрон\w*|затрагива\w*|посвящ[её]н\w*|касал(?:ось|ась|ся|ись)|шла\s+речь\s+об?|речь\s+(?:[^\s,.:;«»]+\s+){0,3}?(?:шла|ид[её]т|пойд[её]т)\s+об?|предмет(?:ом)?\s+обсуждени[яй]\s+(?:стал[иао]?|станут|станет|был[иао]?|[—–:])|(?:по)?говорили\s+о|(?:развернул\w*|велась|шла|строил\w*)\s+вокруг|(?:в|на)\s+повестк[еи](?:\s+[а-яё]+){0,2}?\s+(?:был[иао]?|стоял[иао]?|оказал(?:ись|ся|ась|ось)|значил(?:ись|ся|ась|ось))(?:\s+также)?|(?:в|на)\s+повестке(?:\s+дня)?\s+[а-яё]+\s+[—–-]|(?:в|на)\s+повестке(?:\s+дня)?(?:\s*[—–:])?|в\s+центре\s+(?:внимания|обсуждени[яй]|дискусси[йи])(?:\s*[—–:]|\s+-|(?:\s+[а-яё]+){0,2}?\s+(?:был[иао]?|будут|будет|оказал(?:ись|ся|ась|ось)|стал[иао]?|станут|станет))?|повестк[аи](?:\s+дня)?(?:\s+[а-яё]+)?\s+(?:включал[аи]?|включает|включа[ею]т)(?:\s+в\s+себя)?|(?:в|на)\s+повестку(?:\s+дня)?\s+(?:был[аио]?\s+)?(?:включен[аоы]?|вошл[аи]|вош[её]л)|(?:особое|основное|большое|главное|пристальное|повышенное)\s+внимание(?:\s+[а-яё]+)?\s+(?:будет\s+|было\s+)?уделено|(?:подняли|поднимали|поднимались|подняты|поднят[аы]?|были\s+подняты)\s+(?:вопрос|тем|проблем)[а-яё]*|коснул(?:ись|ся|ась|ось)|говорилось\s+об?|разговор\s+(?:ш[её]л|ид[её]т|пойд[её]т)\s+об?|(?:ш[её]л|ид[её]т)\s+разговор\s+об?|акцент\s+(?:был\s+)?сделан\s+на|обмен[яи][а-яё]*\s+мнениями\s+(?:по|об?)|обмен(?:я|ива)лись\s+опытом\s+(?:в\s+(?:сфере|области)|по)|для\s+обсуждения|вынес(?:[её]н[аоы]?|ли|ут)\s+на\s+(?:обсуждение|рассмотрение|повестку(?:\s+дня)?)|на\s+(?:[а-яё]+\s+){0,2}?(?:обсуждение|рассмотрение|сесси[юи]|заседани[ея]|дискусси[юи]|секци[юи]|круглый\s+стол|повестку(?:\s+дня)?)(?:\s+[а-яё]+){0,2}?\s+(?:был[оиа]?\s+)?(?:вынесен[аоы]?|вынесли|вынесут|выносились|выносятся)|по\s+(?:[а-яё]+\s+)?(?:направлени|тем|секци|тематик)[а-яё]*(?:\s+[а-яё]+){0,4}?\s*:)\s+(?:обсуждени\w*\s+)?(?:(?:и\s+)?(?:вопрос|тем|проблем|аспект)\w*\s+)?",
    )
    .expect("cue regex")
});

/// Nouns naming sessions, whose titles follow in « ».
static SESSION: Transient = Transient::new(|| {
    Regex::new(r"(?i)(?:секци\w*|(?:^|\s)блок(?:ов|ах|ам|а|и)?[\s:,]|круглы\w+\s+стол\w*|сесси\w*|панел\w*|пленарн\w+\s+заседани\w*|дискусси\w*|мастер-класс\w*|тематическ\w+\s+площад(?:к|ок)\w*|(?:^|\s)(?:\d+|дв[ае]|тр[иё]|четыре|пять|шесть|семь|восемь|девять|десять)\s+(?:площад(?:ки|ок)|трек(?:а|ов)))")
        .expect("session regex")
});

/// An indirect question taken as one subject ("обсудили, как …", "обсудили в каких условиях …"): up to
/// where the list ends and before «, а также», of four to fifteen words and holding no title or colon.
fn indirect_question(clause: &str) -> Option<String> {
    let clause = &clause[..END.get().find(clause).map_or(clause.len(), |e| e.start())];
    let clause = trim_item(clause.split(", а также").next().unwrap_or(clause));
    ((4..=15).contains(&word_count(&clause)) && !clause.contains(['«', '"', '“', ':'])).then_some(clause)
}

/// Where the list ends: "и многих других", "и многое другое", "и др.", a clause about something else, or a reporting clause
/// in any tense (", сообщает пресс-служба", ", сообщила в понедельник обладминистрация", ", передает ТАСС").
static END: Transient = Transient::new(|| {
    Regex::new(r"(?i)\s+и\s+(?:многих\s+|многие\s+|многом\s+|многое\s+|ряд\s+)?(?:други[хеми]|другом|другое|др\.|т\.\s?д|проч)|и\s+други[хм]\s+(?:[а-яё]+\s+)?(?:тем|вопрос|направлени|аспект)[а-яё]*|,\s+(?:котор\w+|где|что|чтобы|когда|но)\s|,\s+(?:сообща[ею]т|сообщил[аио]?|отмет|отмеча|сказа|подчеркну|рассказа|поясни|заяви|переда[её]т|передал[аио]?|пиш[еу]т|информиру)\w*\s|\s+под\s+(?:девизом|лозунгом|названием)|\s\d{1,2}\.\d{1,2}\.\d{2,4}|;|\s[—–]\s|[\x22»”],\s+-\s|\(|\)")
        .expect("end regex")
});

/// Where a list ends by [`END`], except at a dash before a year that completes a name ("Года семьи —
/// 2024", "стратегии «Регион — 2030»" written without marks): the dash there is part of the item.
fn list_end(list: &str) -> usize {
    END.get()
        .find_iter(list)
        .find(|m| {
            let dash = matches!(m.as_str().trim(), "—" | "–");
            let rest = &list[m.end()..];
            let year = rest.len() >= 4
                && rest.as_bytes()[..4].iter().all(u8::is_ascii_digit)
                && (rest.len() == 4 || rest[4..].starts_with([',', '.', ';', ')', '»', '"', '!', '?']));
            !(dash && year)
        })
        .map_or(list.len(), |m| m.start())
}

/// A conference, seminar, symposium or lecture ending the words before a title: one more session when
/// it follows another session's title in a list.
static SUB_EVENT: Transient = Transient::new(|| {
    Regex::new(r"(?i)(?:^|\s)(?:конференци|семинар|симпозиум|лекци)[а-яё]*$").expect("sub-event regex")
});

/// Words between a session and its titles: "по темам «A», «B»", "на тему «C»", "под названием «D»".
static TITLE_INTRO: Transient = Transient::new(|| {
    Regex::new(r"(?i)^(?:по\s+тем(?:ам|е)|на\s+тем[уы]|тем[аы]|под\s+названием)$").expect("title intro regex")
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
    Regex::new(r"(?i)(?:секци|круглы[а-яё]+\s+стол|сесси|дискусси)[а-яё]*\s+(?:\(\s*(?:в\s+том\s+числе|в\s+частности|включая)\s+)?(?:о|об|по\s+(?:вопросам|теме|проблемам)|на\s+тему)\s+")
        .expect("about regex")
});

/// A list fronted by «О» before a verb of speaking: "О пасеках, ульях и воске будут говорить …".
static FRONT_ABOUT: Transient = Transient::new(|| {
    Regex::new(r"^\s*(?:О|Об)\s+(?P<list>[^«»\x22“.;:]+?)\s+(?:(?:будут|будем|будет|станут)\s+)?(?:говорить|поговорят|говорили|говорят)\s")
        .expect("front about regex")
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
    if !CUE.get().is_match(p)
        && !SESSION.get().is_match(p)
        && !ABOUT.get().is_match(p)
        && !FRONT_ABOUT.get().is_match(p)
        && !COMMA_INDIRECT.get().is_match(p)
        && !p.contains("темами")
    {
        return out;
    }
    let all = sentences(p);
    let chunks = title_chunks(p, &all);
    for (index, &sentence) in all.iter().enumerate() {
        let spans = quoted::spans(sentence);
        let cues: Vec<_> = CUE
            .get()
            .find_iter(sentence)
            .filter(|m| !quoted::within(&spans, m.start()))
            .collect();
        out.extend(parenthesized(sentence));
        // "Участники обсудили, как …": the indirect question after a comma, which the cues do not reach.
        for c in COMMA_INDIRECT.get().captures_iter(sentence) {
            let Some(q) = c.name("q") else { continue };
            if quoted::within(&spans, q.start()) {
                continue;
            }
            out.extend(
                indirect_question(q.as_str())
                    .map(|c| topics([c]))
                    .unwrap_or_default(),
            );
        }
        for (k, m) in cues.iter().enumerate() {
            // "A, B и C обсуждались": a reflexive past cue after its subject takes the list before it.
            let before = sentence[..m.start()].trim();
            let lower = m.as_str().to_lowercase();
            // The list runs up to the next cue ("обменялись мнениями по A, обсудили B").
            let end = cues.get(k + 1).map_or(sentence.len(), |n| n.start());
            let after = &sentence[m.end()..end];
            let headed = HEADED_CUE.get().is_match(m.as_str());
            // "Конференция, посвящённая A, прошла …": the dedication of the event as a whole is its
            // theme, not a topic; that of a session («заседанием, посвящённым A») is one.
            // An enumeration of three subjects or more is the event's topics all the same ("Форум
            // посвящён A, B и C"), unless its items run on into clauses ("…, прошла в X, сообщило Y").
            if lower.starts_with("посвящ") && event_theme(before) {
                let items = split(after);
                let past = |i: &String| {
                    let first = i.split_whitespace().next().unwrap_or("").to_lowercase();
                    first.chars().count() >= 5
                        && [
                            "лся", "лась", "лось", "лись", "шла", "шло", "шёл", "шел", "ила", "ило", "ыла",
                            "ыло", "ела", "ело", "ала", "яла", "яло", "ил",
                        ]
                        .iter()
                        .any(|e| first.ends_with(e))
                };
                if items.len() >= 3 && !items.iter().any(past) {
                    out.extend(topics(items));
                }
                continue;
            }
            // "Форум призван стать площадкой для обсуждения …": the event's purpose, not its topics.
            if lower.starts_with("для") && PURPOSE.get().is_match(before) {
                continue;
            }
            let reflexive = m.as_str().trim_end().ends_with("лись");
            if reflexive && before.matches(", ").count() >= 2 && !starts_with_preposition(before) {
                out.extend(topics(split(before)));
                continue;
            }
            // "обсудили проблемы и перспективы развития A": a head noun coordinated with another is part of
            // the item, not the cue's.
            let cue = m.as_str().trim_end();
            if after.starts_with("и ")
                && headed
                && let Some(at) = cue.rfind(char::is_whitespace)
            {
                out.extend(topics(split(&sentence[m.start() + at + 1..end])));
                continue;
            }
            // "A обсудили главы стран", "Что обсуждали участники": the words after the verb are who
            // discussed; the subjects discussed, if any, stand before it.
            // "Что обсуждали пасечники": after a question word the words after the verb are its subject.
            if EVENT_AFTER.get().is_match(after) || QUESTION.get().is_match(before) {
                continue;
            }
            if AGENT.get().is_match(after) {
                if let Some(object) = object_before(before).filter(|_| k == 0) {
                    out.extend(topics(split(&object)));
                }
                continue;
            }
            // "A обсуждают в Гатчине": an active verb with a place after it, the subject before it.
            let active = ACTIVE.get().is_match(m.as_str());
            let place_after = active && PLACE_AFTER.get().is_match(after);
            // "обсудили в каких условиях A становится B": an indirect question is one subject.
            if active && let Some(q) = INDIRECT.get().find(after) {
                out.extend(
                    indirect_question(&after[q.start()..])
                        .map(|c| topics([c]))
                        .unwrap_or_default(),
                );
                continue;
            }
            if k == 0
                && place_after
                && let Some(object) = object_before(before)
            {
                out.extend(topics(split(&object)));
                continue;
            }
            out.extend(topics(split_after(after, headed)));
        }
        // "A, B и C станут ключевыми темами конференции": the subjects stand before the cue.
        if let Some(list) = THEMES_AFTER.get().captures(sentence).and_then(|c| c.name("list")) {
            let items = split(list.as_str());
            if items.len() >= 2 {
                out.extend(topics(items));
            }
        }
        // Two commas at least: a fronted «О» phrase with one object is a sentence's opening, not a list.
        if let Some(list) = FRONT_ABOUT.get().captures(sentence).and_then(|c| c.name("list"))
            && list.as_str().matches(", ").count() >= 2
        {
            out.extend(topics(split(list.as_str())));
        }
        if let Some(chunk) = chunks[index] {
            out.extend(titled_sessions(chunk, &quoted::spans(chunk)));
        }
        // "Пройдет пять «круглых столов». Это «A», «B» и «C».": the titles in the next sentence.
        if index > 0 && SESSION.get().is_match(all[index - 1]) {
            out.extend(titles_after_this(sentence));
        }
        for m in ABOUT.get().find_iter(sentence) {
            out.extend(topics(split(&sentence[m.end()..])));
        }
    }
    // "посвящённый 25-летию Конституции": an anniversary is the occasion, not a subject discussed.
    out.retain(|t| !is_anniversary(&t.title));
    out
}

/// A list that a sentence opens and calls its event's themes after it: "A, B и C станут ключевыми
/// темами конференции".
static THEMES_AFTER: Transient = Transient::new(|| {
    Regex::new(r"(?i)^(?P<list>[^.!?:;]+?)\s+(?:стали|станут|были|будут|являются|являлись)\s+(?:[а-яё]+\s+)?темами(?:\s|[.,]|$)")
        .expect("themes after regex")
});

/// Whether an item opens with an anniversary: «25-летию …», «юбилею …», «годовщине …».
fn is_anniversary(item: &str) -> bool {
    let first = item.split_whitespace().next().unwrap_or("").to_lowercase();
    first.contains("-лети")
        || first.contains("летию")
        || first.starts_with("юбиле")
        || first.starts_with("годовщин")
}

/// Two titles or more in marks that a sentence opening with «Это» lists, one after another, joined only
/// by commas and «и».
fn titles_after_this(sentence: &str) -> Vec<Topic> {
    let Some(rest) = sentence.trim_start().strip_prefix("Это") else {
        return Vec::new();
    };
    let base = sentence.len() - rest.len();
    let mut at = base;
    let mut titles = Vec::new();
    for span in quoted::spans(sentence).iter().filter(|s| s.open >= base) {
        let between = sentence[at..span.open].trim_matches([',', ' ', ':', '—', '–']);
        if !(between.is_empty() || between == "и") {
            break;
        }
        titles.push(trim_item(span.inner(sentence)));
        at = span.close_end;
    }
    if titles.len() < 2 {
        return Vec::new();
    }
    topics(titles)
}

/// The stretches in which session titles are read: each sentence, or a sentence joined with the one or
/// two after it while a « opened in it is not yet closed. A title may hold a period ("«Роль партнерства.
/// Бизнес-инкубаторы»"), where the sentence splitter ends a sentence. Indexed by the sentence each
/// stretch starts with; `None` for sentences inside an earlier stretch.
fn title_chunks<'a>(p: &'a str, all: &[&'a str]) -> Vec<Option<&'a str>> {
    let offset = |s: &str| s.as_ptr() as usize - p.as_ptr() as usize;
    let unclosed = |s: &str| s.matches('«').count() > s.matches('»').count();
    let mut out = vec![None; all.len()];
    let mut k = 0;
    while k < all.len() {
        let start = offset(all[k]);
        let mut j = k;
        while j + 1 < all.len() && j - k < 2 && unclosed(&p[start..offset(all[j]) + all[j].len()]) {
            j += 1;
        }
        out[k] = Some(&p[start..offset(all[j]) + all[j].len()]);
        k = j + 1;
    }
    out
}

/// Words stating what the event is for: "призван стать", "цель форума".
static PURPOSE: Transient = Transient::new(|| {
    Regex::new(r"(?i)призван|(?:^|[^а-яё])(?:цел[ьи]|задач[аи])(?:[^а-яё]|$)").expect("purpose regex")
});

/// The words opening an indirect question: "в каких условиях", "как", "каким образом", "почему".
const QUESTION_WORD: &str = r"(?:(?:в|на|при|с)\s+как(?:их|ом|ой|ие)|как(?:им\s+образом)?|почему|зачем|каким|какие|какой|каков[аоы]?)";

/// An active verb of discussing, a comma and an indirect question: "обсудили, как …".
static COMMA_INDIRECT: Transient = Transient::new(|| {
    Regex::new(&format!(
        r"(?i)(?:^|[^а-яё])(?:обсу|рассм)[а-яё]*(?:ли|ют|ят|ут),\s+(?P<q>{QUESTION_WORD}\s+[а-яё][^.;!?]*)"
    ))
    .expect("comma indirect regex")
});

/// An indirect question opening the object of «обсудили»: "в каких условиях …", "как …", "каким
/// образом …".
static INDIRECT: Transient =
    Transient::new(|| Regex::new(&format!(r"(?i)^\s*{QUESTION_WORD}\s+[а-яё]")).expect("indirect regex"));

/// The nouns of the event as a whole, and of its parts, one of which a participle «посвящённый» follows.
static EVENT_NOUN: Transient = Transient::new(|| {
    Regex::new(r"(?i)(?:^|[^а-яё])(?P<event>(?:медиа)?форум|конференци|мероприяти|выставк|съезд|саммит|конгресс|сл[её]т|фестивал)|(?:^|[^а-яё])(?P<part>семинар|секци|сесси|заседани|площадк|дискусси|круглы[а-яё]+\s+стол|панел|блок|мастер-класс|лекци|доклад|встреч|выступлени|день|дн[яеи]|программ)")
        .expect("event noun regex")
});

/// Whether the words before «посвящён-» end in the event as a whole: "Конференция, посвящённая" or
/// "Мероприятие … будет посвящено", with no part of the event (a session, a platform) named nearer.
fn event_theme(before: &str) -> bool {
    // The clause the cue belongs to: a participle after a comma, or a finite «будет посвящено» whose
    // subject opens the sentence.
    let clause = before.trim_end_matches([',', ' ']);
    let clause = clause.rsplit(", ").next().unwrap_or(clause);
    let nouns: Vec<_> = EVENT_NOUN.get().captures_iter(clause).collect();
    nouns.iter().any(|c| c.name("event").is_some()) && nouns.iter().all(|c| c.name("part").is_none())
}

/// A parenthesis listing three subjects or more in a sentence about themes or the agenda: "кроме
/// традиционных тем (A, B, C)".
fn parenthesized(sentence: &str) -> Vec<Topic> {
    let mut out = Vec::new();
    for c in PARENTHESIS.get().captures_iter(sentence) {
        let (Some(open), Some(inner)) = (c.get(0), c.name("inner")) else {
            continue;
        };
        if !THEME_WORD.get().is_match(&sentence[..open.start()]) || inner.as_str().matches(", ").count() < 2 {
            continue;
        }
        let items = split(inner.as_str());
        let lower = |i: &String| i.chars().next().is_some_and(char::is_lowercase);
        if items.len() >= 3 && items.iter().all(|i| lower(i) && word_count(i) <= 8) {
            out.extend(topics(items));
        }
    }
    out
}

static PARENTHESIS: Transient =
    Transient::new(|| Regex::new(r"\((?P<inner>[^()\d«»\x22“”]+)\)").expect("parenthesis regex"));

/// A word naming themes or the agenda.
static THEME_WORD: Transient = Transient::new(|| {
    Regex::new(r"(?i)(?:^|[^а-яё])(?:тем(?:а|ы|у|ой|ами|ах|атик[а-яё]*)|повестк[а-яё]*)(?:[^а-яё]|$)")
        .expect("theme word regex")
});

/// Who discusses, named right after the verb: participants, delegations, officials.
static AGENT: Transient = Transient::new(|| {
    Regex::new(r"(?i)^\s*(?:главы|глава|участник[а-яё]*|эксперт[а-яё]*|делегат[а-яё]*|делегаци[а-яё]*|гост[а-яё]*|представител[а-яё]*|член[а-яё]*|лидер[а-яё]*|министр[а-яё]*|сторон[ыа]|руководител[а-яё]*|специалист[а-яё]*|студент[а-яё]*|школьник[а-яё]*|собравш[а-яё]*|присутствующ[а-яё]*|депутат[а-яё]*|парламентари[а-яё]*|спикер[а-яё]*|президент[а-яё]*|губернатор[а-яё]*|мэр[а-яё]*|они|мы)(?:[\s,.]|$)")
        .expect("agent regex")
});

/// The event itself right after the verb: "A будет посвящена выставка", "B обсудит форум".
static EVENT_AFTER: Transient = Transient::new(|| {
    Regex::new(r"(?i)^\s*(?:выставк[аи]|форум|конференци[яи]|съезд|саммит|семинар|конгресс|встреч[аи]|заседани[ея]|сесси[яи]|мероприяти[ея])(?:[\s,.]|$)")
        .expect("event-after regex")
});

/// A place right after an active verb: "обсуждают в Гатчинском университете".
static PLACE_AFTER: Transient =
    Transient::new(|| Regex::new(r"^\s*(?:в|во|на)\s+\p{Lu}").expect("place regex"));

/// A verb in the active voice, third person plural: обсудили, обсуждают, рассмотрят.
static ACTIVE: Transient =
    Transient::new(|| Regex::new(r"(?i)^(?:обсу|рассм)[а-яё]*(?:ли|ют|ят|ут)\s*$").expect("active regex"));

/// A pronoun or question word that opens a clause whose object it is ("Что обсуждали …", "Эти вопросы
/// обсудили …").
static PRONOUN: Transient = Transient::new(|| {
    Regex::new(r"(?i)^(?:что|чем|какие|каки[хм]|какой|о\s+ч[её]м|это|эти|этот|эта|такие|они|мы|вс[её]|также|затем|потом|здесь|там|тогда|сегодня|вчера|завтра)(?:[\s,.]|$)")
        .expect("pronoun regex")
});

/// A question word standing alone before the verb.
static QUESTION: Transient =
    Transient::new(|| Regex::new(r"(?i)^(?:что|о\s+ч[её]м|какие|каки[хм]|какой)$").expect("question regex"));

/// Parenthetical words at the end of a fronted object: "Меры по …, среди прочего,".
static ASIDE: Transient = Transient::new(|| {
    Regex::new(r"(?i)(?:,?\s*(?:среди\s+прочего|в\s+том\s+числе|в\s+частности|прежде\s+всего|кроме\s+того|также|помимо\s+прочего)\s*,?|\s+(?:будет|будут|был|была|было|были|уже|также|активно|подробно))+\s*$")
        .expect("aside regex")
});

/// Whether the words before a verb are its fronted object: a noun phrase (or a list) that does not open
/// with a preposition, a pronoun, a question word or someone who discusses, and holds no verb of its own.
fn object_before(before: &str) -> Option<String> {
    let before = ASIDE.get().replace(before, "");
    let before = before.trim();
    let words = word_count(before);
    let object = (2..=20).contains(&words)
        && !starts_with_preposition(before)
        && !PRONOUN.get().is_match(before)
        && !AGENT.get().is_match(before)
        && before.chars().next().is_some_and(char::is_uppercase)
        && !before.contains(['«', '"', '“', ':'])
        && !clause_words(before);
    object.then(|| before.to_string())
}

/// Whether a phrase holds a finite verb or a participle clause («… прошел …», «…, которые …»).
fn clause_words(s: &str) -> bool {
    s.split_whitespace().any(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphabetic()).to_lowercase();
        w.chars().count() >= 4
            && ([
                "ал", "ял", "ил", "ел", "ала", "яла", "ила", "ела", "ало", "ило", "али", "яли", "или", "ели",
            ]
            .iter()
            .any(|e| w.ends_with(e))
                && !is_adjective(&w)
                || [
                    "ется", "ится", "ются", "ятся", "ает", "яет", "ует", "ают", "яют", "уют",
                ]
                .iter()
                .any(|e| w.ends_with(e))
                || matches!(
                    w.as_str(),
                    "который" | "которые" | "которая" | "которое" | "которых"
                ))
    })
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

/// Whether a list item opens with a participle describing the previous item ("предложенную
/// правительством"): with a finite verb or an infinitive ([`finite_or_infinitive`]), a clause of its own
/// rather than a subject.
fn opens_with_participle(item: &str) -> bool {
    let first = item.split_whitespace().next().unwrap_or_default().to_lowercase();
    // "продовольственная безопасность", "инновационные технологии", "современное образование": an
    // adjective made from a noun or an adverb, not from a verb.
    let adjective = ["ственн", "онн", "современн", "временн"]
        .iter()
        .any(|s| first.contains(s));
    first.chars().count() >= 6
        && !adjective
        && [
            "нную", "нный", "нная", "нное", "нные", "нных", "вшую", "вший", "ющую", "ющий", "ящую", "ящий",
            "ющие", "ящие", "ющих", "ящих",
        ]
        .iter()
        .any(|e| first.ends_with(e))
}

/// Whether an item opens with a finite verb or holds an infinitive: a clause of its own.
fn finite_or_infinitive(item: &str) -> bool {
    let mut words = item.split_whitespace().map(|w| w.to_lowercase());
    let first = words.next().unwrap_or_default();
    let long = first.chars().count() >= 6;
    let finite = long
        && [
            "ются", "ятся", "ется", "ится", "ают", "яют", "уют", "еют", "ят", "жут", "гут", "дут",
        ]
        .iter()
        .any(|e| first.ends_with(e));
    let infinitive = std::iter::once(first.clone()).chain(words).any(|w| {
        w.chars().count() >= 7
            && ["ить", "ать", "еть", "ять", "уть", "ыть"]
                .iter()
                .any(|e| w.ends_with(e))
    });
    finite || infinitive
}

/// Whom the subjects are put to, before them: "для участников форума".
static FOR_WHOM: Transient = Transient::new(|| {
    Regex::new(
        r"(?i)^\s*для\s+(?:участник|гост|слушател|делегат|собравш|присутствующ)[а-яё]*(?:\s+[а-яё]+)?\s+",
    )
    .expect("for whom regex")
});

/// A general noun and a participle saying what it concerns: "вопросы, касающиеся", "темы, связанные с".
static CONCERNING: Transient = Transient::new(|| {
    Regex::new(r"(?i)^\s*(?:вопрос|тем|проблем|аспект)[а-яё]*,?\s+(?:касающи[а-яё]+|связанн[а-яё]+\s+со?|относящи[а-яё]+\s+ко?)\s+")
        .expect("concerning regex")
});

/// Words opening the members of a general noun: "в том числе", "включая", "в частности", "среди них".
static INCLUDING: Transient = Transient::new(|| {
    Regex::new(r"(?i)^(?:в\s+том\s+числе|включая|в\s+частности|среди\s+них|среди\s+которых)\s+")
        .expect("including regex")
});

/// A head noun of the kind a cue takes before its list, followed by its complement: "проблемы цифровизации".
static HEAD: Transient = Transient::new(|| {
    Regex::new(r"^(?P<head>(?:вопрос[а-яё]*|проблем[а-яё]*|тем[аыу]|аспект[а-яё]*)\s+)[а-яё]+(?:ия|ии|ий|ья|ов|ей|ы|и|а)(?:\s|$)")
        .expect("head regex")
});

/// The items after a cue: split at commas outside « » and at a final «и» between nouns.
fn split(list: &str) -> Vec<String> {
    split_after(list, false)
}

/// A cue that took a head noun before its list: "затронули вопросы".
static HEADED_CUE: Transient = Transient::new(|| {
    Regex::new(r"(?i)(?:^|[^а-яё])(?:вопрос|проблем|тем|аспект)[а-яё]*\s*$").expect("headed cue regex")
});

/// [`split`], where `heads` tells that the cue took a head noun ("вопросы A, проблемы B"): a later item
/// with a head of its own loses it.
fn split_after(list: &str, heads: bool) -> Vec<String> {
    // "A, B (театров, цирков …), C": an aside in brackets inside the list is no item, and ends nothing.
    if let Some(plain) = without_inner_asides(list) {
        return split_after(&plain, heads);
    }
    // "следующие вопросы: A; B; C": after a short heading and a colon, items split at semicolons; a
    // heading that names the questions may be longer ("круглого стола вопросы охватывали: A; B").
    let topical = |head: &str| {
        word_count(head) <= 6
            && head.split_whitespace().any(|w| {
                ["вопрос", "тем", "проблем", "направлени"]
                    .iter()
                    .any(|n| w.to_lowercase().starts_with(n))
            })
    };
    if let Some((head, rest)) = list.split_once(": ")
        && (word_count(head) <= 3 || topical(head))
        && rest.contains("; ")
        && !head.contains(['«', '"', '“'])
    {
        let items: Vec<String> = rest
            .split("; ")
            .map(|i| trim_item(&i[..END.get().find(i).map_or(i.len(), |m| m.start())]))
            .collect();
        if items.len() >= 2 && items.iter().all(|i| (1..=15).contains(&word_count(i))) {
            return items;
        }
    }
    // "широкий спектр вопросов отрасли – A, B и C": a general head before a dash announces the list.
    let list = [" – ", " — "]
        .iter()
        .find_map(|d| list.split_once(d))
        .filter(|(head, _)| {
            word_count(head) <= 6 && (topical(head) || head.to_lowercase().contains("спектр"))
        })
        .map_or(list, |(_, rest)| rest);
    let mut list = &list[..list_end(list)];
    // "…: на площадке форума пройдет …": a colon opens a clause of its own, unless a short heading
    // ends there.
    // A heading that names the questions may be longer ("ключевые вопросы, стоящие перед отраслью: A,
    // B").
    if let Some((head, rest)) = list.split_once(": ") {
        list = if word_count(head) <= 3 || topical(head) {
            rest
        } else {
            head
        };
    }
    // "обсудили в формате дискуссий актуальные вопросы …": an adverbial before the cue's noun is skipped.
    if let Some(c) = ADVERBIAL.get().captures(list) {
        list = c.name("rest").map_or(list, |r| &list[r.start()..]);
    }
    // "вносим на рассмотрение для участников форума A, B": whom the subjects are put to is skipped.
    if let Some(m) = FOR_WHOM.get().find(list) {
        list = &list[m.end()..];
    }
    // "вопросы, касающиеся A": the participle names the subject of a general noun.
    if let Some(m) = CONCERNING.get().find(list) {
        list = &list[m.end()..];
    }
    // "по таким направлениям, как A, B": the list starts after «как».
    if let Some(m) = SUCH_AS.get().find(list) {
        list = &list[m.end()..];
    }
    // "и бизнесом, и участниками": a correlative «и … и» lists who, not what.
    let lower = list.trim_start().to_lowercase();
    if starts_with_preposition(list) || lower.starts_with("обсужд") || lower.starts_with("и ") {
        return Vec::new();
    }
    let list = list.trim().trim_end_matches(['.', '!', '?', ':', ',']);
    // A list cut at the next cue may end in the conjunction that led to it.
    let list = [" и", ", а также", " а также", " а"]
        .iter()
        .find_map(|c| list.strip_suffix(c))
        .unwrap_or(list);
    // Session titles are their own topics; a cue followed by a quoted title is left to them.
    if list.starts_with(['«', '"', '“']) || list.is_empty() {
        return Vec::new();
    }
    let spans = quoted::spans(list);
    let mut items = Vec::new();
    let mut start = 0;
    for (i, _) in list.match_indices(", ") {
        // "как экономического характера, так и в культурной сфере" is one item.
        let correlative = list[i + 2..].starts_with("так и ");
        if !correlative && !spans.iter().any(|s| s.open <= i && i < s.close_end) {
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
    // "вопросы A, проблемы B и C": a later item with a head noun of its own, as the cue's, loses it, and
    // its «и» joins the head's complements.
    let headed = heads && !items.is_empty() && HEAD.get().is_match(last.trim_start());
    let mut joined_by = vec![false; items.len()];
    match final_and(list, &spans, last) {
        // "… литературы и музея": two nouns; "образовательных и информационных технологий" is one, and
        // so is "развития страны и ее отношений" (a possessive pointing back inside the item).
        Some((a, b)) if !headed && !items.is_empty() && !shared_noun(a, b) && !possessive(b) => {
            items.extend([a, b]);
            joined_by.extend([false, true]);
        }
        _ => {
            items.push(last);
            joined_by.push(false);
        }
    }
    // "широкий круг вопросов, в том числе A, B и C": the list starts at «в том числе» («включая»).
    if let Some(k) = items
        .iter()
        .position(|i| INCLUDING.get().is_match(i.trim_start()))
        .filter(|&k| k > 0)
    {
        items.drain(..k);
        joined_by.drain(..k);
        if let Some(m) = items.first().and_then(|i| INCLUDING.get().find(i.trim_start())) {
            items[0] = &items[0].trim_start()[m.end()..];
        }
    }
    // "…, а также B": the conjunction is not part of B.
    let mut items: Vec<&str> = items
        .into_iter()
        .zip(joined_by.iter_mut())
        .enumerate()
        .map(|(k, (i, joined))| {
            let t = i.trim_start();
            let t = match t.strip_prefix("а также ").or_else(|| t.strip_prefix("также ")) {
                Some(rest) => {
                    *joined = true;
                    rest
                }
                None => t,
            };
            if heads
                && k > 0
                && let Some(h) = HEAD.get().captures(t).and_then(|c| c.name("head"))
            {
                &t[h.end()..]
            } else {
                t
            }
        })
        .collect();
    // A participle describing the item before it ends the list, unless a conjunction coordinates it
    // with that item ("…, а также послевоенное восстановление …"); closing the list, it belongs to that
    // item («роли вузов в подготовке кадров, востребованных в реальном секторе экономики»).
    let mut described = None;
    if let Some(i) = items
        .iter()
        .zip(&joined_by)
        .skip(1)
        .position(|(i, joined)| finite_or_infinitive(i) || (!*joined && opens_with_participle(i)))
    {
        if i + 2 == items.len() && opens_with_participle(items[i + 1]) && !finite_or_infinitive(items[i + 1])
        {
            described = Some(items[i + 1]);
        }
        items.truncate(i + 1);
    }
    let mut items: Vec<String> = items.into_iter().map(|i| trim_item(unquote(i))).collect();
    // ("проблемы, волнующие смолян": a lone general noun is no subject, described or not.)
    if let (Some(clause), Some(last)) = (described, items.last_mut())
        && word_count(last) >= 3
    {
        let clause = trim_item(clause);
        if let Some(at) = list.find(&format!("{last}, {clause}")) {
            *last = list[at..at + last.len() + 2 + clause.len()].to_string();
        }
    }
    // A lone general noun ("проблемы, волнующие горожан") names no subject, nor does experience after a
    // past participle alone ("обсудить накопленный опыт", "полученный опыт"): what is shared.
    // Nor do "иных вопросов" and "тематики форума": a general noun with only a word of otherness or the
    // event's name beside it.
    let general_noun = |w: &str| {
        ["вопрос", "тем", "проблем", "аспект"]
            .iter()
            .any(|n| w.starts_with(n))
    };
    let bare = |w: &str| {
        general_noun(w)
            || matches!(
                w,
                "иных"
                    | "других"
                    | "прочих"
                    | "разных"
                    | "различных"
                    | "остальных"
                    | "форума"
                    | "конференции"
                    | "мероприятия"
                    | "семинара"
                    | "съезда"
                    | "встречи"
                    | "слета"
                    | "слёта"
            )
    };
    let general = |i: &String| {
        let w = i.to_lowercase();
        word_count(&w) == 1 && general_noun(&w)
            || word_count(&w) == 2 && w.split_whitespace().all(bare)
            || SHARED_EXPERIENCE.get().is_match(&w) && !w.starts_with("иностран")
    };
    let items: Vec<String> = items
        .into_iter()
        .filter(|i| !general(i) && !EVALUATIVE.get().is_match(i))
        .collect();
    let plausible = |i: &String| !i.is_empty() && word_count(i) <= 15;
    if items.iter().all(plausible) {
        items
    } else {
        Vec::new()
    }
}

/// `list` without the asides in brackets that a comma follows ("B (театров, цирков), C" gives "B, C"),
/// or `None` when it holds none.
fn without_inner_asides(list: &str) -> Option<String> {
    let mut out = String::new();
    let mut rest = list;
    let mut changed = false;
    while let Some(open) = rest.find(" (") {
        let Some(close) = rest[open..].find(')').map(|c| open + c) else {
            break;
        };
        let inner = &rest[open + 2..close];
        if inner.contains('(') || !rest[close + 1..].starts_with(',') {
            out.push_str(&rest[..close + 1]);
            rest = &rest[close + 1..];
            continue;
        }
        out.push_str(&rest[..open]);
        rest = &rest[close + 1..];
        changed = true;
    }
    out.push_str(rest);
    changed.then_some(out)
}

/// Experience after a past participle in «-енный / -анный», and nothing else: "накопленный опыт",
/// "полученным опытом". "иностранный опыт" is an adjective of place and names a subject.
static SHARED_EXPERIENCE: Transient = Transient::new(|| {
    Regex::new(r"^[а-яё]+(?:енн|ённ|анн|янн)(?:ый|ого|ому|ым|ом)\s+опыт(?:а|у|ом|е)?$")
        .expect("shared experience regex")
});

/// A general noun with only a judgement or a pointer before it names no subject: "важные для нас
/// вопросы", "самые актуальные темы", "эти проблемы".
static EVALUATIVE: Transient = Transient::new(|| {
    Regex::new(r"(?i)^(?:(?:сам[а-яё]+|наиболее|очень|крайне|важн[а-яё]*|актуальн[а-яё]*|насущн[а-яё]*|остр[а-яё]*|ключев[а-яё]*|главн[а-яё]*|основн[а-яё]*|различн[а-яё]*|разн[а-яё]*|многи[а-яё]*|интересн[а-яё]*|злободневн[а-яё]*|волнующ[а-яё]*|текущ[а-яё]*|эт[а-яё]*|те|так[а-яё]*|наш[а-яё]*|ваш[а-яё]*|сво[а-яё]*|вс[её]|сегодня|сейчас|для\s+[а-яё]+|для|нас|вас|них|всех)\s+)+(?:вопрос|тем|проблем|аспект)[а-яё]*$")
        .expect("evaluative regex")
});

/// "таким направлениям, как", "такие темы, как:": what comes before the list it announces.
static SUCH_AS: Transient = Transient::new(|| {
    Regex::new(r"(?i)^[^,:;«»]*?так(?:ие|им|их|ими|ая|ой|ую|ое)\s[^,:;«»]*,\s+как:?\s+")
        .expect("such-as regex")
});

/// Where the last item splits at «и», outside titles in « »: "A и B" gives (A, B). In "C D и E" with
/// another «и» before it ("новых проектах и перспективах науки и образования"), a single word after the
/// last «и» completes its neighbour, and the earlier «и» splits.
fn final_and<'a>(list: &str, spans: &[quoted::Span], last: &'a str) -> Option<(&'a str, &'a str)> {
    let offset = last.as_ptr() as usize - list.as_ptr() as usize;
    let ands: Vec<usize> = last
        .match_indices(" и ")
        .map(|(i, _)| i)
        .filter(|i| {
            !spans
                .iter()
                .any(|s| s.open <= offset + i && offset + i < s.close_end)
        })
        .collect();
    let &at = ands.last()?;
    let at = match ands.len() {
        n if n >= 2
            && word_count(&last[at + 3..]) == 1
            && !is_adjective(last[..ands[n - 2]].split_whitespace().last().unwrap_or("")) =>
        {
            ands[n - 2]
        }
        _ => at,
    };
    Some((&last[..at], &last[at + 3..]))
}

/// An item without the marks around it, or a lone mark at one end ("Спорт»" after a lost opening mark).
fn unquote(item: &str) -> &str {
    let t = item.trim();
    let open = t.starts_with(['«', '"', '“']);
    let close = t.ends_with(['»', '"', '”']);
    let inner_marks = |s: &str| s.contains(['«', '»', '"', '“', '”']);
    let stripped = match (open, close) {
        (true, true) => t.get(
            t.chars().next().map_or(0, char::len_utf8)..t.len() - t.chars().last().map_or(0, char::len_utf8),
        ),
        (false, true) => t.get(..t.len() - t.chars().last().map_or(0, char::len_utf8)),
        (true, false) => t.get(t.chars().next().map_or(0, char::len_utf8)..),
        (false, false) => None,
    };
    match stripped {
        Some(inner) if !inner_marks(inner) => inner,
        _ => t,
    }
}

/// Whether an item opens with a possessive pronoun («ее отношений»), which points back at the noun
/// before the «и».
fn possessive(b: &str) -> bool {
    b.split_whitespace()
        .next()
        .is_some_and(|w| matches!(w.to_lowercase().as_str(), "ее" | "её" | "его" | "их"))
}

/// Whether «A и B» coordinates two adjectives of one noun ("образовательных и информационных
/// технологий"): the word before «и» and the one after it both end like adjectives. A noun in «-ий»
/// before «и» ("науки и технологий и условия …") is no adjective when a noun phrase of two words or more
/// follows ("традиций и современности" stays whole).
fn shared_noun(a: &str, b: &str) -> bool {
    let before = a.split_whitespace().last().unwrap_or("");
    let after = b.split_whitespace().next().unwrap_or("");
    is_adjective(before)
        && (is_adjective(after) || !before.to_lowercase().ends_with("ий") || word_count(b) == 1)
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
            let named = TITLE_INTRO.get().is_match(between);
            // "пленарное заседание «A», научная конференция «B»": after a title, a conference or seminar
            // named in the same list is one more session of the event.
            let sibling = at != noun.end()
                && sentence[at..span.open].trim_start().starts_with(',')
                && word_count(between) <= 3
                && SUB_EVENT.get().is_match(between);
            if !(between.is_empty()
                || between == "и"
                || named
                || sibling
                || at == noun.end() && word_count(between) <= 2)
            {
                break;
            }
            at = span.close_end;
            // "дискуссии в формате «круглых столов» по темам «A», «B»": a format in marks is no title.
            let inner = span.inner(sentence);
            if SESSION
                .get()
                .find(inner)
                .is_some_and(|m| m.start() == 0 && m.end() == inner.len())
            {
                continue;
            }
            out.push(trim_item(inner));
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
    fn an_aside_in_brackets_inside_a_list() {
        assert_eq!(
            titles(
                "На слете обсудили развитие пасек, переработку продукции (меда, воска, прополиса и т.д.), подготовку кадров."
            ),
            ["развитие пасек", "переработку продукции", "подготовку кадров"]
        );
    }

    #[test]
    fn a_general_head_before_a_dash_and_a_cue_inside_a_longer_verb() {
        assert_eq!(
            titles(
                "На слете обсуждался широкий спектр вопросов отрасли – нормы ухода, стандарты ульев и способы продажи меда."
            ),
            ["нормы ухода", "стандарты ульев", "способы продажи меда"]
        );
        assert_eq!(
            titles(
                "На слете обсудили темы, связанные с развитием пасек, поговорили о перспективах сотрудничества, приоритетах отрасли."
            ),
            [
                "развитием пасек",
                "перспективах сотрудничества",
                "приоритетах отрасли"
            ]
        );
    }

    #[test]
    fn a_heading_that_names_the_questions_and_a_possessive_inside_an_item() {
        assert_eq!(
            titles(
                "Участники слета обсудили ключевые вопросы, стоящие перед пасечниками: развитие пчеловодства и селекции, охрана ульев, сохранение и приумножение пасек края, выход на рынки."
            ),
            [
                "развитие пчеловодства и селекции",
                "охрана ульев",
                "сохранение и приумножение пасек края",
                "выход на рынки"
            ]
        );
        assert_eq!(
            titles(
                "Участники слета обсудят пути выхода из кризиса, перспективы развития отрасли и ее связей с соседями."
            ),
            [
                "пути выхода из кризиса",
                "перспективы развития отрасли и ее связей с соседями"
            ]
        );
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
        // In the past tense, with an adverbial before its subject, and by a news agency.
        assert_eq!(
            titles(
                "Губернатор дал старт подготовке форума, который пройдет в мае и будет посвящен инновациям в сырьевом секторе, сообщила в понедельник обладминистрация."
            ),
            vec!["инновациям в сырьевом секторе"]
        );
        assert_eq!(
            titles("Участники обсудят цифровую экономику, передает ТАСС."),
            vec!["цифровую экономику"]
        );
        // «сообщества», «сообщения» are nouns of a list, not a reporting verb.
        assert_eq!(
            titles("Участники обсудят развитие малого бизнеса, сообщества предпринимателей и цифровизацию."),
            vec![
                "развитие малого бизнеса",
                "сообщества предпринимателей",
                "цифровизацию"
            ]
        );
    }

    #[test]
    fn counted_platforms_and_a_theme_noun_before_a_colon() {
        assert_eq!(
            titles(
                "Для гостей форума сделали три площадки: «Туризм», «Экология» и «Молодые педагоги». Об этом сообщили организаторы."
            ),
            vec!["Туризм", "Экология", "Молодые педагоги"]
        );
        assert_eq!(
            titles(
                "На полях форума проводятся заседания секций на различную тематику: сельское хозяйство, строительство, промышленность."
            ),
            vec!["сельское хозяйство", "строительство", "промышленность"]
        );
        assert_eq!(
            titles(
                "Тематика мероприятия оказалась самая разнообразная: озеленение городов, развитие электротранспорта и многое другое обсудили участники."
            ),
            vec!["озеленение городов", "развитие электротранспорта"]
        );
        // A platform without a count or a cue names no session.
        assert!(titles("Площадка «Точка кипения» приняла гостей.").is_empty());
    }

    #[test]
    fn a_theme_after_a_dash_blocks_titles_and_a_subject_in_brackets() {
        assert_eq!(
            titles("Основная тематика встречи — развитие сельских библиотек до 2030 года."),
            vec!["развитие сельских библиотек до 2030 года"]
        );
        assert_eq!(
            titles("Программа включает пленарное заседание из двух блоков: «Земля» и «Вода»."),
            vec!["Земля", "Вода"]
        );
        assert_eq!(
            titles("Пройдут три секции (в том числе о поддержке молодых учителей) и выставка."),
            vec!["поддержке молодых учителей"]
        );
        // A general noun with only a judgement before it names nothing.
        assert!(titles("Гости обсудили самые важные для нас вопросы.").is_empty());
        assert!(titles("Гости обсудили самые острые для района проблемы.").is_empty());
        // A space lost before «и других тем» in the source.
        assert_eq!(
            titles("Гости обсудили медосбор, зимовкуи другим важным темам."),
            vec!["медосбор", "зимовку"]
        );
        assert_eq!(
            titles("Гости обсудили острые вопросы экологии."),
            vec!["острые вопросы экологии"]
        );
    }

    #[test]
    fn subjects_put_on_the_agenda() {
        // «вынести на обсуждение (рассмотрение, сессию)»: what is put on the agenda, the phrase with «на»
        // after the verb or before it.
        assert_eq!(
            titles("На обсуждение были вынесены вопросы медосбора, зимовки пчел и сбыта мёда."),
            vec!["медосбора", "зимовки пчел", "сбыта мёда"]
        );
        assert_eq!(
            titles("На вторую сессию слета вынесено состояние пасек, а также будущее рынка воска."),
            vec!["состояние пасек", "будущее рынка воска"]
        );
        assert_eq!(
            titles("Пасечники вынесли на рассмотрение проект устава союза."),
            vec!["проект устава союза"]
        );
        // A verdict or a decision «вынесено» is put on nothing.
        assert!(titles("По итогам слета вынесено решение о новом сборе.").is_empty());
    }

    #[test]
    fn directions_named_before_a_colon() {
        // «по направлениям <genitives>: A, B»: up to four words between the noun and the colon.
        assert_eq!(
            titles(
                "Работали площадки по разным направлениям жизни пасечного сообщества: медосбор и зимовка, сбыт воска."
            ),
            vec!["медосбор и зимовка", "сбыт воска"]
        );
    }

    #[test]
    fn experience_after_a_participle_names_no_subject() {
        assert!(titles("Пасечники смогли обсудить накопленный опыт.").is_empty());
        assert_eq!(
            titles("Пасечники обсудили опыт зимовки пчел в горах."),
            vec!["опыт зимовки пчел в горах"]
        );
        assert_eq!(titles("Пасечники обсудили горный опыт."), vec!["горный опыт"]);
        assert_eq!(
            titles("Пасечники обсудили иностранный опыт."),
            vec!["иностранный опыт"]
        );
    }

    #[test]
    fn a_dash_before_a_year_is_part_of_the_item() {
        assert_eq!(
            titles("Также речь шла о проектах Года пчелы — 2026."),
            vec!["проектах Года пчелы — 2026"]
        );
        // A dash before anything else still ends the list.
        assert_eq!(
            titles("Также речь шла о проектах Года пчелы — 2026 год стал итоговым."),
            vec!["проектах Года пчелы"]
        );
        assert_eq!(
            titles("Обсудили медосбор — сообщает пресс-служба."),
            vec!["медосбор"]
        );
    }

    #[test]
    fn a_session_title_holding_a_period() {
        assert_eq!(
            titles("Прошел круглый стол «Пасеки. Новые ульи и старые соты» и др."),
            vec!["Пасеки. Новые ульи и старые соты"]
        );
        assert_eq!(
            titles("Прошли лекции и «круглый стол»«Воск. Свечи и соты»."),
            vec!["Воск. Свечи и соты"]
        );
        // An unclosed mark joins at most three sentences.
        assert!(titles("Прошел круглый стол «Пасеки. Ульи. Соты. Воск. Мёд.").is_empty());
    }

    #[test]
    fn a_conference_listed_after_a_session_title() {
        assert_eq!(
            titles("Прошли пленарное заседание на тему «Пасеки», научная  конференция «Мёд в России» и др."),
            vec!["Пасеки", "Мёд в России"]
        );
        // Not after a title, nor any other kind of event.
        assert!(titles("Прошла научная конференция «Мёд в России».").is_empty());
        assert_eq!(
            titles("Прошли круглый стол «Пасеки», выставка «Мёд в России»."),
            vec!["Пасеки"]
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
    fn titles_in_the_sentence_after_the_sessions_are_counted() {
        assert_eq!(
            titles(
                "В рамках слёта пройдет три \"круглых стола\". Это \"Зимовка пчёл: практика\", \"Корма и подкормка\" и \"Сбыт мёда\"."
            ),
            vec!["Зимовка пчёл: практика", "Корма и подкормка", "Сбыт мёда"]
        );
        // One title alone after «Это» may be anything the sentence before named.
        assert!(titles("Пройдет круглый стол. Это \"Медовый спас\", праздник района.").is_empty());
    }

    #[test]
    fn a_long_heading_that_names_the_questions_and_no_anniversary() {
        assert_eq!(
            titles(
                "Вынесенные на рассмотрение круглого стола вопросы охватывали: историю пасеки; корма и подкормку пчёл; как продавать мёд."
            ),
            vec!["историю пасеки", "корма и подкормку пчёл", "как продавать мёд"]
        );
        assert!(
            titles("Прошел круглый стол, посвященный 25-летию районной пасеки.")
                .iter()
                .all(|t| !t.contains("летию"))
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
        assert_eq!(titles("Прошла дискуссия на тему сбыта мёда."), vec!["сбыта мёда"]);
        assert_eq!(
            titles("Прошла дискуссия на тему «Мёд и воск»."),
            vec!["Мёд и воск"]
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
            titles("На повестке дня слёта - вопросы медосбора."),
            vec!["медосбора"]
        );
        assert_eq!(
            titles("Особое внимание слёта будет уделено медоносам."),
            vec!["медоносам"]
        );
        assert_eq!(
            titles("Глава района отметил, обязательно будут обсуждаться и темы пасек, ульев, воска."),
            vec!["пасек", "ульев", "воска"]
        );
        assert_eq!(
            titles("О пасеках, ульях, воске и многом другом будут говорить на слёте."),
            vec!["пасеках", "ульях", "воске"]
        );
        assert!(titles("О пасеках будут говорить на слёте.").is_empty());
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

    #[test]
    fn a_fronted_object_and_who_discussed_it() {
        assert_eq!(
            titles("Цены на мед, среди прочего, обсудили главы пасек района."),
            vec!["Цены на мед"]
        );
        assert!(titles("Что обсуждали пасечники на слете").is_empty());
        assert!(titles("Что обсуждали главы пасек на слете").is_empty());
        assert_eq!(
            titles("Роль пасек в развитии района обсуждают в Медовске."),
            vec!["Роль пасек в развитии района"]
        );
        assert!(titles("Губернатор и пасечники обсудили в Медовске планы.").len() <= 1);
        assert!(titles("Разведению пчел будет посвящена выставка на слете.").is_empty());
    }

    #[test]
    fn more_cues_and_where_their_lists_end() {
        assert_eq!(
            titles("Участники обменялись мнениями по вопросам медосбора, обсудили цены на воск."),
            vec!["медосбора", "цены на воск"]
        );
        assert_eq!(
            titles(
                "Пасечники обменивались мнениями о достижениях, новых ульях и перспективах науки и техники."
            ),
            vec!["достижениях", "новых ульях", "перспективах науки и техники"]
        );
        assert_eq!(
            titles("На повестке дня встречи были также ульи как деревянного типа, так и пластикового."),
            vec!["ульи как деревянного типа, так и пластикового"]
        );
        assert_eq!(
            titles(
                "На повестке обсуждения оказались современные проблемы пасек, а также кооперация пасечников и многие другие аспекты."
            ),
            vec!["современные проблемы пасек", "кооперация пасечников"]
        );
        assert_eq!(
            titles("Слет стал площадкой для обсуждения перспектив пчеловодства."),
            vec!["перспектив пчеловодства"]
        );
        assert!(titles("Слет важен для обсуждения и пасечниками, и властями.").is_empty());
        assert!(titles("Цель слета - обмен мнениями по важным для пасечников вопросам.").is_empty());
        assert_eq!(
            titles("Главной темой стало развитие пасек под девизом «Мед для всех»."),
            vec!["развитие пасек"]
        );
        assert_eq!(
            titles(
                "В центре внимания будут ульи по таким направлениям, как воск, прополис и маточное молочко."
            ),
            vec!["воск", "прополис", "маточное молочко"]
        );
        assert_eq!(
            titles("Пасечники обменялись мнениями по вопросам медосбора 12.05.2021, Пчелиный вестник"),
            vec!["медосбора"]
        );
    }

    #[test]
    fn titles_after_a_format_and_a_list_after_directions() {
        assert_eq!(
            titles("Прошли дискуссии в формате «круглых столов» по темам «Мед и воск», «Ульи будущего»."),
            vec!["Мед и воск", "Ульи будущего"]
        );
        assert_eq!(
            titles("Модератором одной из тематических площадок «Пасеки Медовска» стал Иван Сотов."),
            vec!["Пасеки Медовска"]
        );
        assert_eq!(
            titles("Работа шла по трем направлениям: Пасеки», «Ульи» и «Воск и прополис»."),
            vec!["Пасеки", "Ульи", "Воск и прополис"]
        );
    }

    #[test]
    fn the_dedication_of_the_event_is_its_theme_and_that_of_a_session_a_topic() {
        assert!(
            titles("Конференция, посвящённая юбилею пасеки, прошла в Медовске, сообщил сайт района.")
                .is_empty()
        );
        assert!(titles("Мероприятие соберет гостей и будет посвящено пчеловодству.").is_empty());
        assert_eq!(
            titles("Слёт будет посвящён зимовке, кормам и сбыту мёда."),
            vec!["зимовке", "кормам", "сбыту мёда"]
        );
        assert_eq!(
            titles("Слёт открылся пленарным заседанием, посвящённым будущему пасек."),
            vec!["будущему пасек"]
        );
        assert_eq!(
            titles("Первый день слёта был посвящён медоносам."),
            vec!["медоносам"]
        );
    }

    #[test]
    fn a_conjunction_coordinates_an_item_that_looks_like_a_participle() {
        assert_eq!(
            titles("На слёте обсуждались цены на мёд, ульи, а также послевоенное восстановление пасек."),
            vec!["цены на мёд", "ульи", "послевоенное восстановление пасек"]
        );
        assert_eq!(
            titles("Гости обсудили стратегию района, предложенную администрацией."),
            vec!["стратегию района"]
        );
        // An adjective made from a noun is no participle, and the list goes on after it.
        assert_eq!(
            titles(
                "Темами для обсуждения стали цены на мёд, продовольственная безопасность, инновационные ульи, современное пчеловодство."
            ),
            vec![
                "цены на мёд",
                "продовольственная безопасность",
                "инновационные ульи",
                "современное пчеловодство"
            ]
        );
    }

    #[test]
    fn a_general_noun_with_a_word_of_otherness_or_the_event_names_no_subject() {
        assert!(
            titles("Работали площадки для обсуждения вопросов в рамках тематики форума, а также иных вопросов, имеющих значение для района.")
                .is_empty()
        );
        // Two words that name a subject stay.
        assert_eq!(
            titles("Участники обсудили болезни пчёл, цены на мёд и развитие пасек."),
            vec!["болезни пчёл", "цены на мёд", "развитие пасек"]
        );
    }

    #[test]
    fn themes_named_after_their_list_and_main_directions() {
        // The list before the words that call it the themes.
        assert_eq!(
            titles("Сбыт мёда, болезни пчёл и новые ульи станут ключевыми темами слёта пасечников."),
            vec!["Сбыт мёда", "болезни пчёл", "новые ульи"]
        );
        // One subject alone before them is no list.
        assert!(titles("Эти вопросы стали главными темами слёта пасечников.").is_empty());
        // «Основные направления:» and a list.
        assert_eq!(
            titles(
                "В первый день открылись секции. Основные направления: сбыт мёда, болезни пчёл, новые ульи."
            ),
            vec!["сбыт мёда", "болезни пчёл", "новые ульи"]
        );
        // «Среди тем» and a spaced hyphen.
        assert_eq!(
            titles("Среди ключевых тем - сбыт мёда, болезни пчёл, новые ульи."),
            vec!["сбыт мёда", "болезни пчёл", "новые ульи"]
        );
    }

    #[test]
    fn more_cues_in_prose() {
        assert_eq!(
            titles("Как сообщили организаторы, в центре обсуждения - развитие пасек в районе."),
            vec!["развитие пасек в районе"]
        );
        assert_eq!(
            titles("В повестку дня была включена тема сбыта мёда и воска."),
            vec!["сбыта мёда и воска"]
        );
        assert_eq!(
            titles("Пасечники обменялись опытом в сфере кочевого, стационарного и городского пчеловодства."),
            vec!["кочевого, стационарного и городского пчеловодства"]
        );
        // A chance to exchange experience is an activity on offer, not a subject reported.
        assert!(titles("Пасечники смогут обменяться опытом в сфере сбыта мёда, продажи воска.").is_empty());
        assert_eq!(
            titles(
                "Участники обсудили в каких условиях пасека становится доходной, а также обменялись опытом."
            ),
            vec!["в каких условиях пасека становится доходной"]
        );
        assert!(titles("Участники обсудили как дела.").is_empty());
    }

    #[test]
    fn a_second_head_noun_after_the_cues_own() {
        assert_eq!(
            titles("Пасечники затронули вопросы медосбора и зимовки, проблемы сбыта и хранения мёда."),
            vec!["медосбора и зимовки", "сбыта и хранения мёда"]
        );
        // Without a head noun taken by the cue the items keep theirs.
        assert_eq!(
            titles("Цены на мёд, вопросы зимовки, болезни пчёл обсуждались весь день."),
            vec!["Цены на мёд", "вопросы зимовки", "болезни пчёл"]
        );
    }

    #[test]
    fn raised_touched_and_stressed_subjects() {
        assert_eq!(
            titles("На слёте были подняты вопросы зимовки пчёл и сбыта мёда."),
            vec!["зимовки пчёл и сбыта мёда"]
        );
        assert_eq!(
            titles("Пасечники подняли темы кормов, ульев и болезней."),
            vec!["кормов", "ульев", "болезней"]
        );
        assert!(titles("Пасечники подняли флаг слёта.").is_empty());
        assert_eq!(
            titles("Выступающие коснулись вопросов медосбора."),
            vec!["медосбора"]
        );
        assert_eq!(titles("На встрече говорилось о медоносах."), vec!["медоносах"]);
        assert_eq!(titles("Разговор шёл о ценах на воск."), vec!["ценах на воск"]);
        assert_eq!(
            titles("Основное внимание было уделено кормовой базе пасек."),
            vec!["кормовой базе пасек"]
        );
        assert_eq!(titles("Акцент был сделан на зимовке пчёл."), vec!["зимовке пчёл"]);
    }

    #[test]
    fn a_noun_in_ij_before_the_last_and_is_no_adjective() {
        assert_eq!(
            titles(
                "Планируется обсудить цены на мёд, обмен опытом в сфере ульев и технологий и условия для кочевья пасек."
            ),
            vec![
                "цены на мёд",
                "обмен опытом в сфере ульев и технологий",
                "условия для кочевья пасек"
            ]
        );
        assert_eq!(
            titles("Обсуждались цены на мёд, связи традиций и современности."),
            vec!["цены на мёд", "связи традиций и современности"]
        );
        assert_eq!(
            titles("Обсуждались пасеки, развитие научных и образовательных программ."),
            vec!["пасеки", "развитие научных и образовательных программ"]
        );
    }

    #[test]
    fn members_of_a_general_noun_and_more_subject_cues() {
        assert_eq!(
            titles("Пасечники обсудили широкий круг вопросов, в том числе зимовку, кормы и сбыт мёда."),
            vec!["зимовку", "кормы", "сбыт мёда"]
        );
        assert_eq!(
            titles("Речь на слёте шла о медоносах, ульях и воске."),
            vec!["медоносах", "ульях", "воске"]
        );
        assert_eq!(
            titles("Предметом обсуждения стали кормы и зимовка."),
            vec!["кормы и зимовка"]
        );
        assert_eq!(
            titles("В центре внимания пасечников были вопросы зимовки."),
            vec!["зимовки"]
        );
        assert_eq!(
            titles("Участники обсудили, как сохранить пасеки в суровую зиму, а также поделились опытом."),
            vec!["как сохранить пасеки в суровую зиму"]
        );
        assert!(titles("Участники обсудили, как быть.").is_empty());
    }

    #[test]
    fn a_short_passive_a_coordinated_head_and_what_a_general_noun_concerns() {
        assert_eq!(
            titles("На слёте были обсуждены вопросы зимовки и кормов."),
            vec!["зимовки и кормов"]
        );
        assert_eq!(
            titles("Пасечники обсудили проблемы и перспективы развития пасек."),
            vec!["проблемы и перспективы развития пасек"]
        );
        assert_eq!(
            titles("Пасечники обсудят вопросы, касающиеся зимовки пчёл."),
            vec!["зимовки пчёл"]
        );
        assert_eq!(
            titles("Пасечники обсудят темы, связанные с продажей мёда."),
            vec!["продажей мёда"]
        );
    }

    #[test]
    fn whom_the_subjects_are_put_to() {
        assert_eq!(
            titles("Мы вносим на рассмотрение для участников слёта сбыт мёда, зимовку и новые ульи."),
            vec!["сбыт мёда", "зимовку", "новые ульи"]
        );
    }

    #[test]
    fn what_the_agenda_included() {
        assert_eq!(
            titles("Повестка дня включала вопросы зимовки и сбыта мёда."),
            vec!["зимовки и сбыта мёда"]
        );
        assert_eq!(
            titles("Повестка слёта включает в себя кормы, ульи и воск."),
            vec!["кормы", "ульи", "воск"]
        );
    }

    #[test]
    fn items_after_a_heading_split_at_semicolons() {
        assert_eq!(
            titles("Пасечники обсудили следующие вопросы: зимовка пчёл; кормы, подкормка; сбыт мёда."),
            vec!["зимовка пчёл", "кормы, подкормка", "сбыт мёда"]
        );
        assert_eq!(titles("Пасечники обсудили цены; потом пили чай."), vec!["цены"]);
    }

    #[test]
    fn a_parenthesis_listing_themes() {
        assert_eq!(
            titles(
                "Совет выбирает темы - кроме привычных (зимовка пчёл, болезни ульев и их лечение, сбыт мёда), в повестку вошла тема кормов."
            ),
            vec![
                "зимовка пчёл",
                "болезни ульев и их лечение",
                "сбыт мёда",
                "кормов"
            ]
        );
        assert!(titles("Темой стал мёд районов (Медовского, Сотового, Воскового).").len() <= 1);
    }

    #[test]
    fn the_purpose_of_the_event_is_no_topic() {
        assert!(
            titles("Слёт призван стать площадкой для обсуждения важных задач пчеловодов, нужных району.")
                .is_empty()
        );
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

    #[test]
    fn a_participle_closing_the_list_describes_its_last_item() {
        assert_eq!(
            titles(
                "Особое внимание было уделено роли вузов в подготовке высококвалифицированных кадров, востребованных в реальном секторе экономики."
            ),
            vec![
                "роли вузов в подготовке высококвалифицированных кадров, востребованных в реальном секторе экономики"
            ]
        );
        // A lone general noun stays no subject, described or not.
        assert!(titles("Участники обсудили проблемы, волнующие горожан.").is_empty());
    }
}
