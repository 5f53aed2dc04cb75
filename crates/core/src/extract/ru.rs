//! The shapes of Russian names: people (two or three capitalized words, or initials and a surname, after
//! their role: «ректор Университета «Дубна» Андрей Деникин»), their dictionary form when the text has it
//! (the shortest form of the same stems: Иван Ковалёв beside Ивана Ковалёва), and organizations (a head
//! noun in any case form — министерство, университет, фонд, союз, палата … — or an acronym, or ПАО/АО/ООО
//! «…»). Case forms of a name are compared through [`crate::text::same_name`].

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

use crate::transient::Transient;

use crate::text::same_name;

/// Stems of nouns that head an organization's name, in any case form.
const ORG_HEADS: [&str; 110] = [
    "министерств",
    "ведомств",
    "департамент",
    "управлен",
    "комитет",
    "комисс",
    "агентств",
    "служб",
    "правительств",
    "администрац",
    "горисполк",
    "исполк",
    "мэри",
    "дум",
    "собран",
    "совет",
    "палат",
    "союз",
    "ассоциац",
    "федерац",
    "фонд",
    "университет",
    "институт",
    "академ",
    "колледж",
    "школ",
    "лице",
    "гимназ",
    "центр",
    "дом",
    "муз",
    "библиотек",
    "театр",
    "корпорац",
    "компан",
    "холдинг",
    "групп",
    "банк",
    "завод",
    "комбинат",
    "объединен",
    "организац",
    "обществ",
    "парт",
    "движен",
    "клуб",
    "сообществ",
    "отделен",
    "филиал",
    "представительств",
    "посольств",
    "консульств",
    "издательств",
    "редакц",
    "телеканал",
    "портал",
    "бюро",
    "кафедр",
    "факультет",
    "лаборатор",
    "инспекц",
    "прокуратур",
    "епарх",
    "минпр",
    "минобр",
    "минэконом",
    "минкульт",
    "минтруд",
    "минздрав",
    "минсельх",
    "минфин",
    "минтранс",
    "минспорт",
    "минцифр",
    // Ministries named by a stem longer than the five letters the others need: «Минпромторга России»,
    // «Минобрнауки», «Минкомсвязи», «Минэкономразвития».
    "минпромторг",
    "минобрнаук",
    "минкомсвяз",
    "минэкономразвит",
    "минэнерг",
    "минстро",
    "минюст",
    "минприрод",
    "минпросвещ",
    "минвостокразвит",
    "коллегия",
    "коллегии",
    "заксобран",
    "парламент",
    "казачеств",
    "войск",
    "консорциум",
    "концерн",
    "ассамбле",
    "лиг",
    "фронт",
    "оргкомитет",
    "профсоюз",
    "учрежден",
    "предприят",
    "технопарк",
    "кластер",
    "альянс",
    "гильди",
    "конфедерац",
    "консерватор",
    "техникум",
    "училищ",
    "больниц",
    "клиник",
    "госпитал",
];

/// Stems of nouns naming a person's role (министр, ректор, глава …).
const ROLES: [&str; 44] = [
    "министр",
    "замминистр",
    "губернатор",
    "глав",
    "ректор",
    "проректор",
    "директор",
    "президент",
    "вице",
    "председател",
    "мэр",
    "заместител",
    "руководител",
    "начальник",
    "декан",
    "профессор",
    "депутат",
    "сенатор",
    "посол",
    "эксперт",
    "полпред",
    "спикер",
    "атаман",
    "представител",
    "заведующ",
    "доцент",
    "академик",
    "член",
    "советник",
    "помощник",
    "уполномочен",
    "координатор",
    "основател",
    "управляющ",
    "аналитик",
    "сотрудник",
    "студент",
    "участник",
    "организатор",
    "генеральн",
    "исполнительн",
    "секретар",
    "главред",
    "редактор",
];

/// Beginnings of capitalized words that are not first names or surnames: places, months, openers.
const NOT_NAMES: [&str; 22] = [
    "республик",
    "федерац",
    "российск",
    "москв",
    "январ",
    "феврал",
    "апрел",
    "июн",
    "июл",
    "август",
    "сентябр",
    "октябр",
    "ноябр",
    "декабр",
    "сегодн",
    "вчера",
    "однако",
    "кроме",
    "также",
    "поэтому",
    "если",
    "после",
];

/// A run of capitalized Cyrillic words, initials included ("А.В. Деникин", "Министр Иван Ковалёв").
static RUN: Transient = Transient::new(|| {
    let word = r"(?:[А-ЯЁ]\.\s?){0,2}[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?";
    Regex::new(&format!(r"{word}(?:\s+{word})*")).expect("name run regex")
});

pub(crate) fn is_name_word(w: &str) -> bool {
    // One lowercasing serves every test: the words of a run are letters, dots and hyphens, so trimming
    // before or after lowercasing is the same.
    let lower = lowercase(w);
    let bare = lower.trim_matches(|c: char| !c.is_alphanumeric());
    let month_may = matches!(lower.as_str(), "май" | "мая" | "мае");
    !is_org_head_lower(bare)
        && !is_role_lower(bare)
        && !month_may
        && !NOT_NAMES.iter().any(|n| lower.starts_with(n))
}

/// `str::to_lowercase`, without its Unicode tables for the Latin and Cyrillic letters that make up
/// nearly every Russian word (extraction lowercases each capitalized word several times).
fn lowercase(w: &str) -> String {
    let simple = |c: char| c.is_ascii() || ('\u{400}'..='\u{44f}').contains(&c) || c == 'ё';
    if !w.chars().all(simple) {
        return w.to_lowercase();
    }
    w.chars()
        .map(|c| match c {
            'А'..='Я' => char::from_u32(c as u32 + 0x20).unwrap_or(c),
            'Ё' => 'ё',
            '\u{400}'..='\u{40f}' => c.to_lowercase().next().unwrap_or(c),
            c => c.to_ascii_lowercase(),
        })
        .collect()
}

/// Whether a word (any case form) heads an organization's name.
pub(crate) fn is_org_head(word: &str) -> bool {
    is_org_head_lower(&lowercase(word.trim_matches(|c: char| !c.is_alphanumeric())))
}

fn is_org_head_lower(w: &str) -> bool {
    // Tested for nearly every word of a Russian text: only the stems that share its first letter.
    static BY_FIRST: LazyLock<HashMap<char, Vec<&'static str>>> = LazyLock::new(|| {
        let mut by_first: HashMap<char, Vec<&'static str>> = HashMap::new();
        for stem in ORG_HEADS {
            if let Some(c) = stem.chars().next() {
                by_first.entry(c).or_default().push(stem);
            }
        }
        by_first
    });
    w.chars()
        .next()
        .and_then(|c| BY_FIRST.get(&c))
        .is_some_and(|stems| has_stem(w, stems))
}

/// Whether a lowercase word is a case form of one of `stems`: it starts with the stem and adds at most
/// four letters of ending.
pub(crate) fn has_stem(w: &str, stems: &[&str]) -> bool {
    stems
        .iter()
        .any(|h| w.starts_with(h) && w.chars().count() <= h.chars().count() + 4)
}

/// Whether a Russian word has an adjective's ending.
pub(crate) fn is_adjective(word: &str) -> bool {
    let w = word.to_lowercase();
    [
        "ых", "их", "ой", "ый", "ий", "ая", "яя", "ое", "ее", "ого", "его", "ому", "ему", "ыми", "ими", "ую",
        "юю",
    ]
    .iter()
    .any(|e| w.ends_with(e))
}

/// Whether a word (any case form) names a role.
pub(crate) fn is_role(word: &str) -> bool {
    is_role_lower(&lowercase(word.trim_matches(|c: char| !c.is_alphanumeric())))
}

fn is_role_lower(w: &str) -> bool {
    ROLES.iter().any(|r| w.starts_with(r))
}

/// A patronymic in any case form: Иванович, Петровна, Ильича.
fn is_patronymic(word: &str) -> bool {
    let w = word.to_lowercase();
    ["вич", "вна", "вны", "вне", "вной", "вну", "ич", "ична", "ичн"]
        .iter()
        .any(|e| w.contains(e))
        && w.chars().count() >= 4
}

/// A surname, a first name and a patronymic, in that order: the last word ends as a patronymic does
/// (Сергеевна, Ивановича), the middle one does not, and the first ends as surnames do (Белова, Иванову,
/// Крайнего), which a place or a title in front of a name rarely does.
fn surname_first(words: &[(usize, &str)]) -> bool {
    let [(_, surname), (_, first), (_, patronymic)] = words else {
        return false;
    };
    const PATRONYMIC: [&str; 15] = [
        "вич",
        "вича",
        "вичу",
        "вичем",
        "виче",
        "ьич",
        "ьича",
        "ьичу",
        "вна",
        "вны",
        "вне",
        "вной",
        "вну",
        "ична",
        "ичны",
    ];
    const SURNAME: [&str; 24] = [
        "ов",
        "ев",
        "ёв",
        "ин",
        "ын",
        "ова",
        "ева",
        "ёва",
        "ина",
        "ына",
        "ову",
        "еву",
        "ину",
        "овой",
        "евой",
        "иной",
        "ский",
        "цкий",
        "ская",
        "цкая",
        "ского",
        "енко",
        "ук",
        "юк",
    ];
    let p = patronymic.to_lowercase();
    let s = surname.to_lowercase();
    PATRONYMIC.iter().any(|e| p.ends_with(e))
        && !is_patronymic(first)
        && !surname.contains('.')
        && SURNAME.iter().any(|e| s.ends_with(e))
}

/// The surname of a full name: the first word when a patronymic ends it ("Белова Анна Сергеевна"), else
/// the last.
pub(crate) fn surname(name: &str) -> &str {
    let words: Vec<(usize, &str)> = name.split_whitespace().map(|w| (0, w)).collect();
    if surname_first(&words) {
        words[0].1
    } else {
        name.rsplit(' ').next().unwrap_or("")
    }
}

/// People's names in `text`, as byte ranges, in order: the last two or three words of a run of
/// capitalized words (or initials and a surname), leaving out roles, organization heads, places, months
/// and sentence openers in front ("Министр Иван Ковалёв" gives "Иван Ковалёв").
pub(crate) fn names(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for m in RUN.get().find_iter(text) {
        // Inside «…» a capitalized run is a title or the name of a thing.
        if text[..m.start()]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric() || c == '«')
        {
            continue;
        }
        let words: Vec<(usize, &str)> = m
            .as_str()
            .split_whitespace()
            .map(|w| (w.as_ptr() as usize - text.as_ptr() as usize, w))
            .collect();
        let first = words
            .iter()
            .position(|(_, w)| is_name_word(w))
            .unwrap_or(words.len());
        let mut rest = &words[first..];
        // Initials written apart ("В. П. Шанцев") are one name with the surname after them.
        let initial = |w: &str| {
            let mut c = w.chars();
            c.next().is_some_and(char::is_uppercase) && c.next() == Some('.') && c.next().is_none()
        };
        let spaced_initials = rest.len() == 3 && initial(rest[0].1) && initial(rest[1].1);
        // Three words are a first name, a patronymic and a surname, or in the official order a surname,
        // a first name and a patronymic ("Белова Анна Сергеевна"); otherwise the first is a place or a
        // title in front ("Ставрополья Иван Ковалёв").
        if spaced_initials {
            // Kept whole: two initials and the surname.
        } else if rest.len() >= 3 && surname_first(&rest[rest.len() - 3..]) {
            rest = &rest[rest.len() - 3..];
        } else if rest.len() >= 3 && !is_patronymic(rest[rest.len() - 2].1) {
            rest = &rest[rest.len() - 2..];
        }
        let initials = rest.first().is_some_and(|(_, w)| w.contains('.'));
        if rest.iter().all(|(_, w)| is_name_word(w)) && (rest.len() >= 2 || initials) && rest.len() <= 3 {
            let start = rest[0].0;
            out.push((start, m.end()));
        }
    }
    out
}

/// The names of `text` as written (the runs [`names`] finds), for [`nominative_among`].
pub(crate) fn name_runs(text: &str) -> Vec<&str> {
    names(text).into_iter().map(|(s, e)| &text[s..e]).collect()
}

/// The dictionary form of a name as the text writes it somewhere: the shortest of the text's names
/// (`runs`, from [`name_runs`], found once for a text with several names to put in this form) whose words
/// are case forms of `name`'s (the nominative Иван Ковалёв is shorter than Ивана Ковалёва, Ивану
/// Ковалёву, Иваном Ковалёвым). The name itself when the text has no other form.
pub(crate) fn nominative_among(name: &str, runs: &[&str]) -> String {
    let words: Vec<&str> = name.split_whitespace().collect();
    runs.iter()
        .copied()
        .filter(|candidate| {
            let other: Vec<&str> = candidate.split_whitespace().collect();
            other.len() == words.len() && other.iter().zip(&words).all(|(a, b)| same_name(a, b))
        })
        .chain(std::iter::once(name))
        .min_by_key(|c| c.chars().count())
        .unwrap_or(name)
        .to_string()
}

/// The role written right before a name ("ректор Университета «Дубна»" before "Андрей Деникин"): from
/// the last role word of the clause up to the name. A capitalized role word after a lowercase one is
/// its object («представитель Президента»), not where the role starts.
pub(crate) fn role_before(clause: &str) -> Option<String> {
    let starts: Vec<usize> = clause
        .char_indices()
        .filter(|&(i, _)| i == 0 || clause[..i].ends_with([' ', ',', '(']))
        .map(|(i, _)| i)
        .filter(|&i| clause[i..].split_whitespace().next().is_some_and(is_role))
        .collect();
    let lower = |&&i: &&usize| clause[i..].chars().next().is_some_and(char::is_lowercase);
    let mut start = *starts.iter().rfind(lower).or(starts.last())?;
    // A role governs the role after it: «помощник председателя коллегии», «заместитель министра».
    while let Some(&prev) = starts.iter().rfind(|&&i| i < start)
        && clause[prev..start].split_whitespace().count() == 1
    {
        start = prev;
    }
    // Two roles joined by a dash are one: «вице-губернатор – полномочный представитель …».
    let adjective = |w: &str| {
        w.chars().all(char::is_lowercase)
            && ["ый", "ий", "ой", "ая", "яя", "ого", "его", "ым", "им"]
                .iter()
                .any(|e| w.ends_with(e))
    };
    let mut head = clause[..start].trim_end();
    while let Some((before, word)) = head.rsplit_once(' ')
        && adjective(word)
    {
        head = before.trim_end();
    }
    let start = match head.strip_suffix(['—', '–', '-']).map(str::trim_end) {
        Some(before) if before.rsplit(' ').next().is_some_and(is_role) => {
            before.len() - before.rsplit(' ').next().map_or(0, str::len)
        }
        _ => start,
    };
    // «и.о. ректора», «врио губернатора»: an acting role keeps its mark.
    let before = clause[..start].trim_end();
    let start = match ["и.о.", "врио", "ВРИО", "И.о.", "Врио"]
        .iter()
        .find(|mark| before.ends_with(**mark))
    {
        Some(mark)
            if before[..before.len() - mark.len()].ends_with([' ', ',', '('])
                || before.len() == mark.len() =>
        {
            before.len() - mark.len()
        }
        _ => start,
    };
    // "Обращаясь к участникам, Иван Петров": the object of a preposition is no one's role.
    let governed = clause[..start].split_whitespace().next_back().is_some_and(|w| {
        matches!(
            w.to_lowercase().as_str(),
            "к" | "ко"
                | "для"
                | "перед"
                | "с"
                | "со"
                | "от"
                | "у"
                | "при"
                | "о"
                | "об"
                | "среди"
                | "между"
        )
    });
    // "Приветствуя участников, Иван Петров": nor is the object of a gerund opening the clause.
    let gerund = {
        let mut before = clause[..start].split_whitespace();
        before
            .next()
            .is_some_and(|w| w.chars().count() >= 5 && (w.ends_with('я') || w.ends_with("ясь")))
            && before.next().is_none()
    };
    let role = clause[start..]
        .trim()
        .trim_end_matches([',', '–', '—', '-'])
        .trim();
    // Words of the quote and its speech verb before the name («…, — отметил Иван Петров») are no role.
    let spoken = [", —", ", –", ", -"].iter().any(|d| role.contains(d));
    (!governed && !gerund && !spoken && !role.is_empty() && role.split_whitespace().count() <= 12)
        .then(|| role.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<&str> {
        names(text).into_iter().map(|(s, e)| &text[s..e]).collect()
    }

    #[test]
    fn the_object_of_a_preposition_is_no_role() {
        assert_eq!(role_before("Обращаясь к участникам, "), None);
        assert_eq!(
            role_before("В Казани министр экономики "),
            Some("министр экономики".to_string())
        );
    }

    #[test]
    fn a_gerunds_object_and_the_words_of_a_quote_are_no_role() {
        assert_eq!(role_before("Приветствуя участников, "), None);
        assert_eq!(
            role_before("«Слет стал главной площадкой для пасечников, — отметил "),
            None
        );
        assert_eq!(
            role_before("Открывая слет, министр сельского хозяйства "),
            Some("министр сельского хозяйства".to_string())
        );
    }

    #[test]
    fn names_roles_and_organizations() {
        assert_eq!(
            found("отметил ректор Университета «Дубна» Андрей Деникин. Министр Иван Ковалёв и А.В. Петров"),
            vec!["Андрей Деникин", "Иван Ковалёв", "А.В. Петров"]
        );
        assert_eq!(
            found("Ставрополья Иван Ковалёв и Пётр Ильич Чайковский"),
            vec!["Иван Ковалёв", "Пётр Ильич Чайковский"]
        );
        // The official order: surname, first name, patronymic.
        assert_eq!(
            found("ректор Белова Анна Сергеевна и декан Крайнев Олег Ильич"),
            vec!["Белова Анна Сергеевна", "Крайнев Олег Ильич"]
        );
        assert_eq!(found("Ставрополья Иван Абрамович"), vec!["Иван Абрамович"]);
        // Initials written apart stay with the surname.
        assert_eq!(
            found("губернатор Озерной области В. П. Медов сказал"),
            vec!["В. П. Медов"]
        );
        assert_eq!(surname("Белова Анна Сергеевна"), "Белова");
        assert_eq!(surname("Анна Сергеевна Белова"), "Белова");
        assert!(found("Республики Беларусь").is_empty());
        assert_eq!(
            role_before("отметил в приветственном слове ректор Университета «Дубна»").as_deref(),
            Some("ректор Университета «Дубна»")
        );
        assert_eq!(
            role_before("сказал вице-губернатор – полномочный представитель Президента в округе").as_deref(),
            Some("вице-губернатор – полномочный представитель Президента в округе")
        );
        // An acting role keeps its mark.
        assert_eq!(
            role_before("Открывая конференцию, и.о. ректора ").as_deref(),
            Some("и.о. ректора")
        );
        assert_eq!(
            role_before("сказал врио губернатора ").as_deref(),
            Some("врио губернатора")
        );
        assert!(is_org_head("Министерства") && is_org_head("университет") && !is_org_head("Москва"));
        assert!(is_role("министр") && is_role("главы"));
    }

    #[test]
    fn the_dictionary_form_is_the_shortest() {
        let text = "По словам главы ведомства Ивана Ковалёва, форум удался. Министр Иван Ковалёв";
        let runs = name_runs(text);
        assert_eq!(nominative_among("Ивана Ковалёва", &runs), "Иван Ковалёв");
        assert_eq!(nominative_among("Петра Сидорова", &runs), "Петра Сидорова");
    }
}
