//! Russian event facts: the event's name and its place.
//!
//! A name is a kind of event (форум, конференция, съезд, выставка …) with what makes it a name: a title in
//! « » or " " ("форум «Стратегия»", "итоговый «Форум Действий» ОНФ"), a Latin name ("форум InRussia-2024"),
//! an abbreviation in brackets, or a capitalized adjective with a genitive tail ("Международный форум
//! экономического сотрудничества"); an ordinal and adjectives before it stay ("XIII Международная
//! конференция «…»"). A mention in the nominative wins; an inflected one is given in the nominative.
//!
//! A place is a "в/во/на X" next to a verb saying the event happens (прошёл, состоится, открылся …), then
//! "на базе X", then an event noun followed by "в X", then the dateline ("СВЕТЛОГОРСК, 7 июня").

use crate::transient::Transient;
use regex::{Captures, Regex};

use super::dates::MONTH_RU;
use super::text::{captures, tail, title_case};

/// Stems of the kinds of event, with how their nominative ends.
const KIND_STEMS: &str = "форум|конференци|съезд|выставк|фестивал|саммит|сл[её]т|конгресс|симпозиум|семинар|ярмарк|биеннале|телемарафон|марафон|олимпиад";
/// A word that is an adjective by its ending (any case), hyphenated ones included ("научно-практическая").
/// Neuter and plural endings (-ое, -ие) are left out: they are also those of nouns ("открытие").
const ADJ: &str = r"[\p{L}]+(?:-[\p{L}]+)?(?:ый|ий|ой|ая|яя|ого|его|ому|ему|ым|им|ом|ем|ую|юю|ей|ых|их)";
/// A title in marks, with nested « » or „ “ inside.
const TITLE: &str = r#"(?:«(?:[^«»]|«[^«»]*»)+»|"[^"\n]{2,80}"|„[^“\n]{2,80}“)"#;

/// Adjectives, kind and what names it.
static EVENT: Transient = Transient::new(|| {
    Regex::new(&format!(
        r"(?x)
        (?P<ord>[IVXLC]{{1,6}}\s+|\d{{1,3}}-?(?:й|я|е|го|м)\s+)?
        (?P<adj>(?:{ADJ}\s+){{0,4}})
        (?P<kind>(?:\p{{L}}+-)?(?i:{KIND_STEMS})\p{{Ll}}{{0,3}}(?:-\p{{Ll}}+)?
            (?:\s+и\s+(?i:{KIND_STEMS})\p{{Ll}}{{0,3}})?)
        (?P<tail>
            (?P<title>\s+(?:[\p{{Ll}}\-]+\s+){{0,3}}?{TITLE})
          | (?P<latin>\s+(?:\p{{Ll}}+\s+){{0,2}}?[A-Z][\w\-+.]*[\w+](?:\s+[A-Z0-9][\w\-+.]*)*)
          | (?P<gen>(?:\s+\p{{Ll}}+(?:ого|его|ых|их|ой|ей|ия|ии|ства|ния|тия|ки|ти|ры|ов|ев)){{1,3}}|\s+с\s+международным\s+участием)
        )?
        (?P<abbr>\s*\(\p{{Lu}}[\p{{L}}\-]{{1,10}}\)|\s+\p{{Lu}}{{2,6}})?"
    ))
    .expect("ru event regex")
});

/// A title in marks that starts with the kind: "итоговый «Форум Действий» ОНФ", and a generic event noun
/// followed by a title: "мероприятие «#Поговорим?»".
static TITLED: Transient = Transient::new(|| {
    Regex::new(&format!(
        r"(?P<adj>(?:{ADJ}\s+){{0,2}})(?P<title>«(?i:{KIND_STEMS})[^«»]*»)(?P<abbr>\s+\p{{Lu}}{{2,6}})?|(?i:мероприяти|акци|событи)\p{{Ll}}{{0,2}}\s+(?P<named>«[^«»]{{2,80}}»)"
    ))
    .expect("ru titled regex")
});

/// Nominative forms of the kinds.
const NOMINATIVE: [&str; 16] = [
    "форум",
    "конференция",
    "съезд",
    "выставка",
    "фестиваль",
    "саммит",
    "слёт",
    "слет",
    "конгресс",
    "симпозиум",
    "семинар",
    "ярмарка",
    "биеннале",
    "марафон",
    "телемарафон",
    "олимпиада",
];

/// A verb saying the event happens.
const HELD: &str = r"прош[её]л|прошла|прошло|прошли|пройд[её]т|пройдут|проход(?:ит|ят|ил|ила|ило|или)|состоял(?:ся|ась|ось|ись)|состоится|состоятся|открыл(?:ся|ась|ось|ись)|откро[её]тся|откроются|стартовал[аои]?|стартует|стартуют|начал(?:ся|ась|ось|ись)|начина(?:ет|ют)|начн[её]т|работает|завершил(?:ся|ась|ось|ись)|организован[аоы]?|проводится|проводятся|проводил(?:ся|ась|ось|ись)|собрал[аи]?|открыт[аоы]?|развернул(?:ся|ась|ось|ись)|(?:начал|продолжил|завершил)[аои]?\s+(?:свою\s+)?работу|(?:начн[её]т|продолжит|завершит)\s+(?:свою\s+)?работу";

/// Head nouns of a place written in lower case: "в столице Чувашской Республики", "во дворце спорта".
const PLACE_HEAD: &str = "столице|городе|посёлке|поселке|селе|деревне|здании|центре|зале|доме|дворце|музее|библиотеке|университете|парке|кампусе|театре|академии|институте|колледже|школе|гимназии|конгресс-центре|экспоцентре|технопарке";

/// "в/во/на Place": capitalized words (or a lower-case head noun before them), abbreviations and titles
/// in marks, and the genitive of a venue ("Дворце спорта").
static PLACE: Transient = Transient::new(|| {
    Regex::new(&format!(
        r"(?:^|[\s(,])(?i:в|во|на)\s+(?P<place>(?:(?:{PLACE_HEAD})\s+)?(?:\p{{Lu}}[\p{{L}}\-]*(?:ой|ом|ем|ей|ых|их)\s+\p{{Ll}}[\p{{L}}\-]*|\p{{Lu}}[\p{{L}}\-]*)(?:\s+(?:\p{{Lu}}[\p{{L}}\-]*|«[^«»]+»))*(?:\s+(?:спорта|культуры|искусств|молод[её]жи|науки|техники|творчества|дружбы|профсоюзов|правительства|мира))?)"
    ))
    .expect("ru place regex")
});

static HELD_NEAR: Transient = Transient::new(|| {
    Regex::new(&format!(
        r"^(?:\s+(?i:в\s+рамках)(?:\s+[^\s.;!?]+){{1,6}}?)?(?:\s+[\p{{Ll}}\-]+){{0,3}}?\s+(?i:{HELD})"
    ))
    .expect("ru held-after regex")
});
static HELD_BEFORE: Transient = Transient::new(|| {
    Regex::new(&format!(r"(?i:{HELD})(?:\s+[\p{{L}}\-\d]+){{0,3}}?\s*$")).expect("ru held-before regex")
});

/// "на базе X", "в стенах X": a venue ("на площадке" also names discussion panels).
static VENUE: Transient = Transient::new(|| {
    Regex::new(
        r"(?i:на\s+базе|в\s+стенах)\s+(?P<place>(?:[\p{Ll}\-]+\s+){0,3}?«[^«»]+»|\p{Lu}[\p{L}\-]*(?:\s+(?:\p{Lu}[\p{L}\-]*|«[^«»]+»))*)",
    )
    .expect("ru venue regex")
});

/// An event noun followed by its place: "на итоговом форуме в Москве".
static KIND_IN: Transient = Transient::new(|| {
    Regex::new(&format!(r"(?i:{KIND_STEMS})\p{{Ll}}{{0,3}}(?:\s+{TITLE})?(?:\s+[\p{{Ll}}\-]+){{0,2}}?\s+(?:в|во)\s+(?P<place>\p{{Lu}}[\p{{L}}\-]+)"))
        .expect("ru kind-in regex")
});

/// "СВЕТЛОГОРСК, 7 июня": a city in capitals and a date open the paragraph.
static DATELINE: Transient = Transient::new(|| {
    Regex::new(&format!(
        r"^\s*(?P<place>\p{{Lu}}{{3,}}(?:[ \-]\p{{Lu}}{{2,}}){{0,2}}),\s+\d{{1,2}}\s+(?:{MONTH_RU})"
    ))
    .expect("ru dateline regex")
});

struct Candidate {
    name: String,
    named: bool,
    nominative: bool,
}

fn is_kind(word: &str) -> bool {
    let w = word.to_lowercase();
    KIND_STEMS.split('|').any(|k| {
        w.starts_with(k.replace("[её]", "е").as_str()) || w.starts_with(k.replace("[её]", "ё").as_str())
    })
}

/// The kind's nominative, and whether the written form already is it.
fn nominative_kind(kind: &str) -> (String, bool) {
    // "Онлайн-форум", "форум-выставка": the part that is a kind decides.
    let parts: Vec<&str> = kind.split('-').collect();
    let i = parts.iter().position(|p| is_kind(p)).unwrap_or(0);
    let word = parts[i];
    let lower = word.to_lowercase();
    if NOMINATIVE.contains(&lower.as_str()) {
        return (kind.to_string(), true);
    }
    let Some(nom) = NOMINATIVE.iter().find(|n| {
        let stem: String = n
            .chars()
            .take(n.chars().count().saturating_sub(1).max(4))
            .collect();
        lower.starts_with(&stem)
    }) else {
        return (kind.to_string(), false);
    };
    let nom = if word.starts_with(char::is_uppercase) {
        crate::text::capitalized(nom)
    } else {
        nom.to_string()
    };
    let mut parts: Vec<String> = parts.iter().map(|p| p.to_string()).collect();
    parts[i] = nom;
    (parts.join("-"), false)
}

/// An adjective in an oblique case given in the nominative, masculine or feminine after its noun.
fn nominative_adj(word: &str, feminine: bool) -> String {
    let hard = |stem: &str| !stem.chars().last().is_some_and(|c| "гкхжшчщ".contains(c));
    for (end, soft) in [
        ("ого", false),
        ("ому", false),
        ("ым", false),
        ("ом", false),
        ("ой", false),
        ("ую", false),
        ("его", true),
        ("ему", true),
        ("им", true),
        ("ем", true),
        ("ей", true),
        ("юю", true),
    ] {
        if let Some(stem) = word.strip_suffix(end) {
            // Ordinals with a soft sign: "третьем" → "третий".
            if let Some(hard) = stem.strip_suffix('ь') {
                return format!("{hard}{}", if feminine { "ья" } else { "ий" });
            }
            let ending = match (feminine, soft || !hard(stem)) {
                (true, false) => "ая",
                (true, true) if soft => "яя",
                (true, true) => "ая",
                (false, false) => "ый",
                (false, true) => "ий",
            };
            return format!("{stem}{ending}");
        }
    }
    word.to_string()
}

/// Pronouns declined like adjectives: этот, той, нашем, своего, каждый ….
fn is_pronoun(word: &str) -> bool {
    let w = word.to_lowercase();
    [
        "эт",
        "т",
        "котор",
        "наш",
        "ваш",
        "сво",
        "кажд",
        "данн",
        "так",
        "люб",
        "ин",
        "друг",
        "вс",
        "сам",
        "одн",
        "ег",
        "ее",
        "её",
        "их",
        "мо",
        "тво",
    ]
    .iter()
    .any(|stem| {
        w.strip_prefix(stem).is_some_and(|end| {
            matches!(
                end,
                "от" | "ой"
                    | "ом"
                    | "ого"
                    | "ому"
                    | "им"
                    | "ую"
                    | "ая"
                    | "ый"
                    | "ий"
                    | "ей"
                    | "ем"
                    | "его"
                    | "ему"
                    | "ым"
                    | "ых"
                    | "их"
                    | "оей"
                    | "оем"
                    | "оего"
                    | "оём"
                    | "оих"
                    | ""
            )
        })
    })
}

/// A noun whose ending an adjective's pattern takes: the instrumental of nouns in -ие (событием,
/// участием) and the genitive plural of nouns in -ние (соглашений, заседаний).
fn is_noun_like(word: &str) -> bool {
    let w = word.to_lowercase();
    ["ием", "ений", "аний", "яний", "ований"]
        .iter()
        .any(|e| w.ends_with(e))
}

/// A word that ends like a verb: a past form (выступил, прошла), a reflexive one (состоялся) or a
/// present one with its vowel (выступает, открывают). Nouns in -сли, -ет, -ут (отрасли, совет,
/// институт) are not.
fn is_verb(word: &str) -> bool {
    let w: Vec<char> = word.to_lowercase().chars().collect();
    let n = w.len();
    if n <= 3 {
        return false;
    }
    let vowel = |c: char| "аеёиоуыэюя".contains(c);
    let past = match w[n - 1] {
        'л' => vowel(w[n - 2]),
        'а' | 'о' | 'и' => w[n - 2] == 'л' && vowel(w[n - 3]),
        _ => false,
    };
    let end: String = w[n - 3..].iter().collect();
    past || matches!(w[n - 1], 'я' | 'ь') && (end.ends_with("ся") || end.ends_with("сь"))
        || ["ает", "яет", "еет", "ует", "ают", "яют", "уют"].contains(&end.as_str())
}

fn candidate(c: &Captures, sentence_start: bool, cut: bool) -> Option<Candidate> {
    let text = |g: &str| c.name(g).map_or("", |m| m.as_str());
    let kind = text("kind");
    let mut adjs: Vec<&str> = text("adj").split_whitespace().collect();
    // "на этом форуме", "в нашей конференции": a pronoun and what precedes it are not part of a name;
    // nor is a noun that ends as an adjective does ("Центральным событием саммита", "для соглашений").
    if let Some(i) = adjs.iter().rposition(|a| is_pronoun(a) || is_noun_like(a)) {
        adjs.drain(..=i);
    }
    // "форум выступил координатор проекта «…»": a verb between kind and name ends the mention.
    let between = text("tail").split(['«', '"', '„']).next().unwrap_or("");
    // A tail that ends inside a word ("форум откры|лся") is no genitive.
    let tail = if cut || between.split_whitespace().any(is_verb) {
        ""
    } else {
        text("tail")
    };
    // "выставка на VIII …": a Roman numeral after the kind numbers the next mention, it names nothing.
    let roman = |w: &str| !w.is_empty() && w.chars().all(|c| "IVXLC".contains(c));
    let tail = if text("latin").split_whitespace().last().is_some_and(roman) {
        ""
    } else {
        tail
    };
    let part = |g: &str| !tail.is_empty() && !text(g).is_empty();
    let abbr = text("abbr");
    let first_adj_cap = adjs.first().is_some_and(|a| a.starts_with(char::is_uppercase));
    // A capital in mid-sentence marks a proper adjective ("Азовский форум"); one opening the sentence
    // names something only with a genitive tail.
    let named = part("title")
        || part("latin")
        || abbr.trim_start().starts_with('(')
        || (first_adj_cap && (!sentence_start || part("gen")))
        // "Форум регионов …": a capitalized kind with a genitive tail and nothing before it.
        || (adjs.is_empty() && kind.starts_with(char::is_uppercase) && part("gen"))
        || c.name("ord")
            .is_some_and(|o| o.as_str().trim().chars().all(|c| "IVXLC".contains(c)));
    let (kind_nom, nominative) = nominative_kind(kind.split_whitespace().next().unwrap_or(kind));
    let feminine = kind_nom.ends_with('а') || kind_nom.ends_with('я');
    let mut name = String::new();
    if let Some(o) = c.name("ord") {
        name.push_str(o.as_str().trim());
        name.push(' ');
    }
    for a in &adjs {
        if nominative {
            name.push_str(a);
        } else {
            name.push_str(&nominative_adj(a, feminine));
        }
        name.push(' ');
    }
    if nominative {
        name.push_str(kind);
    } else {
        name.push_str(&kind_nom);
        // "форума и выставки": the second kind follows the first.
    }
    name.push_str(tail);
    if !abbr.trim().is_empty() {
        name.push_str(abbr);
    }
    let name = super::text::collapse_ws(&name);
    // A kind alone is a common noun; with one adjective it is a description, kept only as a fallback.
    if !named && adjs.is_empty() {
        return None;
    }
    Some(Candidate {
        name,
        named,
        nominative,
    })
}

/// The mentions of one text in order. Sentences are not split first: a title in marks may hold a
/// period ("«Стратегия – 2020. Региональная проекция»").
fn candidates(text: &str, out: &mut Vec<Candidate>) {
    let mut found: Vec<(usize, usize, Candidate)> = Vec::new();
    for c in captures(&TITLED.get(), text) {
        let Some(m) = c.get(0) else { continue };
        // «Конгресс стал главной площадкой, …»: a sentence in marks that opens with a kind is speech,
        // not a title.
        let title = c.name("title").map_or("", |t| t.as_str());
        let words = title.split_whitespace().count();
        let verb = title
            .split_whitespace()
            .skip(1)
            .any(|w| w.starts_with(char::is_lowercase) && is_verb(w.trim_end_matches([',', '.', '»'])));
        if words > 12 || verb && (words > 3 || title.contains(',')) {
            continue;
        }
        let name = if let Some(named) = c.name("named") {
            named.as_str().to_string()
        } else {
            let adj = c.name("adj").map_or("", |a| a.as_str());
            let title = c.name("title").map_or("", |a| a.as_str());
            let abbr = c.name("abbr").map_or("", |a| a.as_str());
            super::text::collapse_ws(&format!("{adj}{title}{abbr}"))
        };
        found.push((
            m.start(),
            m.end(),
            Candidate {
                name,
                named: true,
                nominative: true,
            },
        ));
    }
    for c in captures(&EVENT.get(), text) {
        let Some(m) = c.get(0) else { continue };
        // Inside a title already found: "«Форум Действий»".
        if found.iter().any(|(s, e, _)| m.start() < *e && *s < m.end()) {
            continue;
        }
        // Whole words only (the patterns do without \b, which would slow them): "Инфофорум",
        // "форумный" hold a kind but are not one.
        let letter = |c: Option<char>| c.is_some_and(char::is_alphabetic);
        let kind_end = c.name("kind").map_or(m.end(), |k| k.end());
        if letter(text[..m.start()].chars().next_back()) || letter(text[kind_end..].chars().next()) {
            continue;
        }
        let before = text[..m.start()].trim_end();
        let sentence_start = before.is_empty() || before.ends_with(['.', '!', '?', '\n', ':']);
        let cut = c
            .name("tail")
            .is_some_and(|t| letter(text[t.end()..].chars().next()));
        // "форум «открывает новые возможности …»": words in marks that open in lowercase with a verb, or
        // run long, are speech about the event, not its name.
        let quoted = c.name("title").map_or("", |t| t.as_str());
        let inside = quoted
            .char_indices()
            .find(|&(_, c)| matches!(c, '«' | '"' | '„'))
            .map_or("", |(i, c)| &quoted[i + c.len_utf8()..]);
        let words: Vec<&str> = inside.split_whitespace().collect();
        let speech = words.first().is_some_and(|w| w.starts_with(char::is_lowercase))
            && (words.len() > 4
                || words
                    .iter()
                    .any(|w| is_verb(w.trim_end_matches([',', '.', '»', '"', '“']))));
        if speech {
            continue;
        }
        if let Some(cand) = candidate(&c, sentence_start, cut) {
            found.push((m.start(), m.end(), cand));
        }
    }
    found.sort_by_key(|(s, _, _)| *s);
    out.extend(found.into_iter().map(|(_, _, c)| c));
}

/// The event's name: a named mention in the nominative first, then any named one, then an adjective
/// and kind ("международный форум"); the title's mentions before the body's.
#[cfg(test)]
pub(crate) fn event(title: Option<&str>, paragraphs: &[&str]) -> Option<String> {
    events(title, paragraphs).0
}

/// The event's name as [`event`] gives it, and as the body alone gives it (for the notes on what the
/// title decided): the body's mentions are looked for once.
pub(crate) fn events(title: Option<&str>, paragraphs: &[&str]) -> (Option<String>, Option<String>) {
    let rank = |c: &Candidate| 2 * u8::from(c.named) + u8::from(c.nominative);
    // The first of the best-ranked mentions, and its rank.
    let best = |list: &[Candidate]| {
        let top = list.iter().map(rank).max()?;
        list.iter()
            .find(|c| rank(c) == top)
            .map(|c| (top, c.name.clone()))
    };
    let mut body = Vec::new();
    for p in paragraphs {
        candidates(p, &mut body);
    }
    let all = body;
    let body = best(&all);
    let mut head = Vec::new();
    if let Some(t) = title {
        candidates(t, &mut head);
    }
    // The title's mentions come first: its best wins a tie.
    let with_title = match (best(&head), &body) {
        (Some((h, name)), Some((b, _))) if h >= *b => Some(name),
        (Some((_, name)), None) => Some(name),
        (_, body) => body.as_ref().map(|(_, name)| name.clone()),
    };
    // "Евразийский форум" in the title, "Евразийский экономический форум" in the body: the fuller
    // name of the same event.
    let with_title = with_title.map(|name| {
        all.iter()
            .find(|c| extends(&c.name, &name))
            .map_or(name, |c| c.name.clone())
    });
    (with_title, body.map(|(_, name)| name))
}

/// Whether `long` names what `short` names with more words: the same first and last word, and every
/// word of `short` in it (compared by their first four letters, so that case forms agree).
fn extends(long: &str, short: &str) -> bool {
    let stems = |s: &str| -> Vec<String> {
        s.split_whitespace()
            .map(|w| w.to_lowercase().chars().take(4).collect())
            .collect()
    };
    let (l, s) = (stems(long), stems(short));
    l.len() > s.len()
        && s.len() >= 2
        && l.first() == s.first()
        && l.last() == s.last()
        && s.iter().all(|w| l.contains(w))
}

/// The event's place.
pub(crate) fn location(title: Option<&str>, paragraphs: &[&str]) -> Option<String> {
    let texts = || paragraphs.iter().copied().chain(title);
    let held = texts().find_map(|t| {
        captures(&PLACE.get(), t).find_map(|c| {
            let m = c.name("place")?;
            let place = clean_place(m.as_str())?;
            let after = super::text::head(&t[m.start() + place.len()..], 120);
            let before = tail(&t[..c.get(0)?.start()], 120);
            (HELD_NEAR.get().is_match(after) || HELD_BEFORE.get().is_match(before)).then(|| place.to_string())
        })
    });
    held.or_else(|| {
        texts().find_map(|t| {
            let c = captures(&VENUE.get(), t).next()?;
            Some(c.name("place")?.as_str().to_string())
        })
    })
    .or_else(|| {
        texts().find_map(|t| {
            captures(&KIND_IN.get(), t)
                .find_map(|c| clean_place(c.name("place")?.as_str()).map(str::to_string))
        })
    })
    .or_else(|| {
        paragraphs.iter().take(3).find_map(|p| {
            let c = captures(&DATELINE.get(), p).next()?;
            Some(title_case(c.name("place")?.as_str()))
        })
    })
}

/// A place that is not a month, a kind of event or a sentence's next word.
fn clean_place(place: &str) -> Option<&str> {
    let place = place.trim_end_matches(['.', ',']);
    let words: Vec<&str> = place.split_whitespace().collect();
    let first = words.first()?;
    if super::dates::month_number(first).is_some() || is_kind(first) || words.len() > 6 {
        return None;
    }
    Some(place)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_in_marks_latin_and_genitive() {
        assert_eq!(
            event(
                Some("В Зареченске прошла IV Международная конференция «Лес и поле»"),
                &[]
            )
            .as_deref(),
            Some("IV Международная конференция «Лес и поле»")
        );
        assert_eq!(
            event(None, &["Сегодня открылся итоговый «Форум Идей» ЛПК."]).as_deref(),
            Some("итоговый «Форум Идей» ЛПК")
        );
        assert_eq!(
            event(
                None,
                &["Около 300 гостей собрал Межрегиональный форум InSpring-2030."]
            )
            .as_deref(),
            Some("Межрегиональный форум InSpring-2030")
        );
        assert_eq!(
            event(
                None,
                &["9 мая состоялся Международный форум лесного сотрудничества, где выступили гости."]
            )
            .as_deref(),
            Some("Международный форум лесного сотрудничества")
        );
        assert_eq!(
            event(None, &["На открытии форума «Река – 2030» выступил мэр."]).as_deref(),
            Some("форум «Река – 2030»")
        );
    }

    #[test]
    fn a_fragment_of_speech_after_the_kind_is_no_name() {
        assert_eq!(
            event(
                None,
                &[
                    "В Казани открылся Форум регионов России.",
                    "Как подчеркнула Анна Белова, форум «открывает новые возможности для бизнеса»."
                ]
            )
            .as_deref(),
            Some("Форум регионов")
        );
        assert_eq!(
            event(
                None,
                &["Анна Белова назвала форум «главной площадкой для диалога регионов и власти»."]
            ),
            None
        );
    }

    #[test]
    fn speech_in_marks_and_a_numeral_after_the_kind_name_no_event() {
        assert_eq!(
            event(
                None,
                &[
                    "В Зареченске прошел слет пасечников.",
                    "«Слет стал главной площадкой, на которой решаются вопросы пасек», — уточнили в ведомстве.",
                    "В рамках девятого Слета пасечников ЗО прошла ярмарка."
                ]
            )
            .as_deref(),
            Some("девятый Слет пасечников ЗО")
        );
        assert_eq!(
            event(
                None,
                &["Ульям будет посвящена выставка на V Медовом международном форуме в Зареченске."]
            )
            .as_deref(),
            Some("V Медовый международный форум")
        );
    }

    #[test]
    fn a_short_sentence_in_marks_is_speech_not_a_name() {
        assert_eq!(
            event(
                None,
                &["«Форум стал визитной карточкой», — сказал мэр. Слёт «Медовый Спас» прошёл в мае."]
            )
            .as_deref(),
            Some("Слёт «Медовый Спас»")
        );
    }

    #[test]
    fn nouns_before_a_kind_a_tail_cut_in_a_word_and_a_fuller_name_in_the_body() {
        // "событием" and "соглашений" are nouns, not adjectives of the kind.
        assert_eq!(
            event(
                None,
                &["Главным событием слёта стал концерт. Для соглашений форум важен."]
            ),
            None
        );
        assert_eq!(
            event(None, &["Тверь. 5 мая. Слёт пасечников Заречья прошёл в Твери."]).as_deref(),
            Some("Слёт пасечников")
        );
        assert_eq!(
            event(None, &["II Озёрный медовый форум открылся вчера."]).as_deref(),
            Some("II Озёрный медовый форум")
        );
        assert_eq!(
            event(
                Some("В Озёрском форуме примут участие мэры"),
                &["Озёрский экономический форум пройдёт в мае."]
            )
            .as_deref(),
            Some("Озёрский экономический форум")
        );
    }

    #[test]
    fn a_place_of_adjective_and_noun_and_one_before_an_aside() {
        assert_eq!(
            location(None, &["12 мая на Медовом факультете ЗГУ прошел слет."]).as_deref(),
            Some("Медовом факультете ЗГУ")
        );
        assert_eq!(
            location(
                None,
                &["В Зареченске в рамках третьего Слета пасечников ЗО прошла ярмарка."]
            )
            .as_deref(),
            Some("Зареченске")
        );
    }

    #[test]
    fn places_next_to_the_event() {
        assert_eq!(
            location(None, &["В Зареченске завершил работу слёт пасечников."]).as_deref(),
            Some("Зареченске")
        );
        assert_eq!(
            location(None, &["В Зареченске прошла конференция."]).as_deref(),
            Some("Зареченске")
        );
        assert_eq!(
            location(
                None,
                &["Сегодня в Зареченске во Дворце спорта состоялось открытие форума."]
            )
            .as_deref(),
            Some("Дворце спорта")
        );
        assert_eq!(
            location(None, &["Форум пройдёт в Лесогорске с 20 по 22 октября."]).as_deref(),
            Some("Лесогорске")
        );
        assert_eq!(
            location(None, &["ЛЕСОГОРСК, 7 июня. Гости приехали."]).as_deref(),
            Some("Лесогорск")
        );
        assert_eq!(
            location(None, &["ВЕРХНИЙ ЛЕСОГОРСК, 7 июня. Гости приехали."]).as_deref(),
            Some("Верхний Лесогорск")
        );
        assert_eq!(
            location(None, &["Слёт впервые состоялся на базе учебного центра «Сосна»."]).as_deref(),
            Some("учебного центра «Сосна»")
        );
    }
}
