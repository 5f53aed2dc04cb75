//! Russian organizations: a cue states the relation (при поддержке, организаторами выступили,
//! организуют, совместно с, партнёром стал, спонсор, на базе) and the names follow it, or stand before an
//! active verb (Фонд и университет организовали форум). Names are kept in the case the text gives them;
//! a list is split at commas and at «и» before a capital, and each member needs a head noun
//! (министерство, университет, фонд …), an acronym (МГУ) or a name in « ».

use crate::transient::Transient;
use regex::Regex;

use super::super::quoted;
use super::super::ru::{has_stem, is_adjective, is_org_head};
use super::super::sentences::sentences;
use super::super::text::{Block, is_acronym, paragraphs};
use crate::model::Relation;

/// The reflexive or short passive of «проводить» (проводится, проводилось, проведён): the event held.
const HELD: &str = r"(?:проводил(?:ся|ось|ась|ись)|провод(?:ится|ятся)|провед[её]н[аоы]?)";

/// The cues, each with the relation it states; the names follow the match.
static CUES: Transient<Vec<(Regex, Option<Relation>)>> = Transient::new(|| {
    let verb = r"(?:выступ\w*|явля\w*|стал\w*|был\w*|—|–|-|:)";
    // A relative clause between the role and its verb: "Организатором форума, в котором приняли участие
    // 300 человек, выступил X".
    let relative = r"(?:,\s+(?:(?:в|на|с|со|для|от|к|по|о|об)\s+)?котор\w*[^,.;:«»]{0,100},)?";
    [
        (
            r"при\s+(?:\w+\s+)?(?:поддержке|содействии)(?:\s+и\s+(?:\w+\s+)?(?:участии|содействии|поддержке))?\s+",
            Some(Relation::Supporter),
        ),
        (
            &*format!(r"(?:со)?организатор\w*(?:\s+[^\s,.:—–-]+){{0,6}}?{relative},?\s*{verb}\s*:?\s*"),
            Some(Relation::Organizer),
        ),
        (
            r"(?:организу(?:ет|ют)|организовал[аио]?|организовали|провод(?:ит|ят)|провел[аио]?|провёл|провед[её]т|проведут)\s+",
            Some(Relation::Organizer),
        ),
        // "Поддержку форуму оказали A и B", "Содействие оказал также C": who gave support, after the verb.
        (
            r"(?:поддержку|содействие)(?:\s+[^\s,.:;—–-]+){0,3}?\s+оказал[аио]?(?:\s+(?:также|тоже))?\s+",
            Some(Relation::Supporter),
        ),
        // "Форум поддержали A и B": the supporters after the verb.
        (
            r"поддерж(?:ал[аио]?|али|ивает|ивают)\s+",
            Some(Relation::Supporter),
        ),
        // The passive with its agents in the instrumental: "Семинар организован A совместно с B".
        (
            r"(?:организован|запланирован|подготовлен)(?:[аоы]|н(?:ый|ая|ое|ые|ого|ой|ом|ым|ыми|ых|ую|ому))?\s+",
            Some(Relation::Organizer),
        ),
        // The reflexive or short passive of «проводить», its agents in the instrumental: "Форум
        // проводится A при поддержке B", "Семинар проведён A".
        (&*format!(r"{HELD}\s+"), Some(Relation::Organizer)),
        (
            &*format!(
                r"(?:\w+(?:ым|ыми|ого|ой|ые|ый)\s+)?партн[её]р\w*(?:\s+[^\s,.:—–-]+){{0,4}}?{relative},?\s*{verb}\s*:?\s*"
            ),
            Some(Relation::Partner),
        ),
        (
            &*format!(
                r"(?:\w+(?:ым|ыми|ого|ой|ые|ый)\s+)?спонсор\w*(?:\s+[^\s,.:—–-]+){{0,4}}?{relative},?\s*{verb}\s*:?\s*"
            ),
            Some(Relation::Sponsor),
        ),
        // The operator of the event runs it: "Оператор форума — X", "Задачи оператора взял на себя X".
        (
            &*format!(
                r"оператор\w*\s+(?:{EVENT_KINDS}|мероприяти\w*)(?:\s+[^\s,.:—–-]+){{0,3}}?,?\s*{verb}\s*"
            ),
            Some(Relation::Organizer),
        ),
        (
            r"(?:задач\w*|функци\w*|рол\w*)\s+оператора(?:\s+[^\s,.:—–-]+){0,3}?\s+взял[аио]?\s+на\s+себя\s+",
            Some(Relation::Organizer),
        ),
        // The event held together with someone: "Мероприятие проводилось совместно с X".
        (&*format!(r"{HELD}\s+совместно\s+с\s+"), Some(Relation::Organizer)),
        // Under someone's auspices: "под эгидой X"; on someone's initiative: "по инициативе X".
        (r"под\s+эгидой\s+", Some(Relation::Organizer)),
        (r"по\s+инициативе\s+", Some(Relation::Organizer)),
        (r"на\s+(?:площадке|базе)\s+", Some(Relation::Host)),
        // "совместно с", "к ним присоединился и": the relation of the list before.
        (r"совместно\s+с\s+", None),
        (r"к\s+ним\s+(?:\w+\s+){0,2}присоединил\w*\s+(?:и\s+)?", None),
    ]
    .into_iter()
    .map(|(re, r)| (Regex::new(&format!("(?i){re}")).expect("cue regex"), r))
    .collect()
});

/// An adverb of habit or a place before a passive's agent: "(проводится) традиционно в Крыму".
static BEFORE_AGENT: Transient = Transient::new(|| {
    Regex::new(
        r"^(?:(?:традиционно|ежегодно|впервые|вновь|также|уже)\s+)*(?:(?:в|во|на)\s+\p{Lu}[\p{L}-]*\s+)?",
    )
    .expect("before agent regex")
});

/// A role in apposition after a dash, naming the organization before it: "ОАО «Росагролизинг» -
/// генеральный партнер Форума - наградит …".
static APPOSITION: Transient = Transient::new(|| {
    Regex::new(r"(?i)\s[—–-]\s+(?:\w+(?:ый|ой|ий)\s+)?(?P<role>партн[её]р|спонсор|(?:со)?организатор)(?:ом|ами|ы)?\s")
        .expect("apposition regex")
});

/// A role after its organization and a linking verb: "Издательство «Свет» стало информационным
/// партнером форума".
static ROLE_AFTER: Transient = Transient::new(|| {
    Regex::new(r"(?i)\s(?:стал[аио]?|станет|станут|выступил[аио]?|выступает|выступают|является|являются)\s+(?:[а-яё]+(?:ым|им|ыми|ими)\s+){0,2}(?P<role>партн[её]р|спонсор|(?:со)?организатор)(?:ом|ами)(?:[\s.,;:!?]|$)")
        .expect("role after regex")
});

/// Lowercase nouns that stand for an organization named just before them: "…, ведомство выступает
/// организатором".
const ANAPHOR: [&str; 9] = [
    "ведомство",
    "министерство",
    "компания",
    "организация",
    "фонд",
    "учреждение",
    "ассоциация",
    "университет",
    "вуз",
];

/// Kinds of event, the stems a Russian report names its event by.
const EVENT_KINDS: &str = r"форум\w*|конференц\w*|съезд\w*|конгресс\w*|фестивал\w*|сл[её]т\w*|выставк\w*|саммит\w*|олимпиад\w*|семинар\w*|марафон\w*";

/// An event's title in quotation marks followed by an acronym in the genitive, its owner: «"Форум
/// действий" ОНФ», «форум «Вектор» РСМ». The title names a kind of event, or follows one.
static OWNER: Transient = Transient::new(|| {
    Regex::new(&format!(
        r#"(?P<kind>(?i:{EVENT_KINDS})\s+)?(?:«(?P<t1>[^«»]{{2,80}})»|"(?P<t2>[^"«»]{{2,80}})"|“(?P<t3>[^“”«»]{{2,80}})”)\s+(?P<owner>[А-ЯЁ]{{2,6}})(?:[\s.,;:!?)]|$)"#
    ))
    .expect("owner regex")
});

/// Names of places written as acronyms, which follow an event's title without owning it (форум «Вектор»
/// РФ, «Дни науки» ДФО).
fn is_place_acronym(word: &str) -> bool {
    matches!(word, "РФ" | "РБ" | "США" | "КНР" | "ЕС" | "СНГ" | "ЕАЭС" | "ООН") || word.ends_with("ФО")
}

/// A kind of event in a word ("Форум", "конференции").
static EVENT_WORD: Transient =
    Transient::new(|| Regex::new(&format!(r"(?i)(?:^|[^\w])(?:{EVENT_KINDS})")).expect("event word regex"));

/// The event "пройдет в X" / "состоялся в X" where X is an institution's name (an acronym or a name with
/// one, "в МГУ", "в Тула-ЭКСПО"): the host. A city ("в Казани") is no name of this shape.
static HELD_IN: Transient = Transient::new(|| {
    Regex::new(&format!(
        r"(?i)(?:^|[^\w])(?:{EVENT_KINDS}|мероприяти\w*)(?:\s+[^\s,.;:!?]+){{0,3}}?\s+(?:пройд[её]т|проходит|проходил\w*|прош[её]л|прошл[аио]|состоится|состоял\w*|откро[ею]тся|открыл\w*)\s+(?:в|во)\s+(?P<venue>[^\s,.;:!?]+)"
    ))
    .expect("held in regex")
});

/// Where a list after a cue ends: a clause that goes on about something else, or a second participle
/// of the event («организованный МИД РФ и посвящённый …»).
static LIST_END: Transient = Transient::new(|| {
    Regex::new(r"(?i),\s+(?:а|но|где|когда|котор\w+|чтобы|став\w*|которы\w+|что|в\s+рамках)\s|;|\s[—–]\s|\(|\sи\s+(?-i:(?:посвящ[её]нн|приуроченн|проведенн|проведённ|организованн|объединивш|собравш))[а-яё]*")
        .expect("list end regex")
});

/// Stems of the nouns that tell what kind of organization a name is («страхового общества
/// Сургутнефтегаз», «компании «Вектор»»): a descriptor in front of the name, not part of it.
const DESCRIPTORS: [&str; 18] = [
    "компан",
    "обществ",
    "консорциум",
    "издательств",
    "холдинг",
    "корпорац",
    "концерн",
    "фирм",
    "банк",
    "центр",
    "групп",
    "агентств",
    "организац",
    "объединен",
    "фонд",
    "клуб",
    "студи",
    "завод",
];

/// Organizations of a Russian text with their relation, in order.
pub(super) fn extract(blocks: &[Block]) -> Vec<(String, Relation)> {
    let mut out = Vec::new();
    for p in paragraphs(blocks) {
        let spans = quoted::spans(p);
        for sentence in sentences(p) {
            let offset = sentence.as_ptr() as usize - p.as_ptr() as usize;
            let mut found: Vec<(usize, usize, Option<Relation>)> = CUES
                .get()
                .iter()
                .flat_map(|(re, r)| re.find_iter(sentence).map(move |m| (m.start(), m.end(), *r)))
                // A cue inside a quoted title or speech states nothing about the event.
                .filter(|(s, _, _)| !quoted::within(&spans, offset + s))
                .collect();
            // At one start the longer cue comes first ("проводилось совместно с" before "проводилось").
            found.sort_unstable_by_key(|&(start, end, _)| (start, std::cmp::Reverse(end)));
            // A cue inside a longer one ("совместно с" in "проводилось совместно с") is the longer one's.
            let mut reach = 0;
            found.retain(|&(start, end, _)| {
                let kept = start >= reach;
                if kept {
                    reach = end;
                }
                kept
            });
            let mut previous = None;
            for (k, &(start, end, relation)) in found.iter().enumerate() {
                let Some(relation) = relation.or(previous) else {
                    continue;
                };
                let stop = found.get(k + 1).map_or(sentence.len(), |f| f.0).max(end);
                let cue = sentence[start..end].to_lowercase();
                let mut names = if cue.trim_end().ends_with(':') {
                    colon_list(&sentence[end..stop])
                } else {
                    list(&sentence[end..stop])
                };
                // A venue is a host only when it is an institution ("на базе университета"), not a hall;
                // "на площадке" names a place, so the name itself must be an institution's, not only its
                // descriptor («на площадке выставочного центра «Экспо»»).
                // An institution named after someone ("КГУ им. К.Э. Циолковского") is one as well.
                if relation == Relation::Host {
                    let place = cue.contains("площадк");
                    names.retain(|n| {
                        let named_after = n.name.contains(" им. ") || n.name.contains(" имени ");
                        (n.headed || named_after)
                            && (!place || named_after || n.name.split_whitespace().any(is_org_head))
                    });
                }
                // A passive's agents are in the instrumental («организован Комитетом»); a name in
                // another case after it is the event («был организован ПМЭФ»).
                // «проводится», «проводилось», «проведён»: a passive; «проводит», «провели»: active.
                let reflexive = cue.starts_with("провод")
                    && (cue.trim_end().ends_with("ся") || cue.trim_end().ends_with("сь"));
                // «проведёт», «проведут»: the active future.
                let future =
                    cue.starts_with("проведет") || cue.starts_with("проведёт") || cue.starts_with("проведут");
                let passive = (["организован", "запланирован", "провед"]
                    .iter()
                    .any(|v| cue.starts_with(v))
                    && !future
                    || reflexive)
                    && !cue.contains("совместно");
                if passive {
                    // An acronym does not decline: after a full participle («…», организованный МИД
                    // РФ) it is the agent; after a short one («был организован ПМЭФ») the event.
                    // A full participle in any case («на форуме, организованном ОНФ»), not a short one.
                    let participle = [
                        "ый", "ая", "ое", "ые", "ого", "ому", "ом", "ым", "ыми", "ых", "ой", "ую",
                    ]
                    .iter()
                    .any(|e| cue.trim_end().ends_with(e));
                    let agent = |n: &Member| {
                        n.name
                            .split_whitespace()
                            .next()
                            .is_some_and(|w| instrumental(w) || (participle && is_acronym(w)))
                    };
                    names.retain(agent);
                    // "проводится в Крыму Институтом …": a place or a habit before the agent.
                    if names.is_empty()
                        && let Some(m) = BEFORE_AGENT
                            .get()
                            .find(&sentence[end..stop])
                            .filter(|m| m.end() > 0)
                    {
                        names = list(&sentence[end + m.end()..stop]);
                        names.retain(agent);
                    }
                    // "запланированы областным советом ветеранов": a common-noun name in lowercase, an
                    // adjective and a head noun in the instrumental, then its genitives.
                    if names.is_empty()
                        && let Some(name) = lowercase_agent(&sentence[end..stop])
                    {
                        names.push(Member { name, headed: true });
                    }
                }
                // An active verb with its subject before it: "Фонд и университет организовали форум"
                // (not after a passive, whose subject is the event, nor after «совместно с»).
                let own = found[k].2.is_some() && !cue.contains("совместно") && !cue.contains("оператор");
                if names.is_empty() && relation == Relation::Organizer && own && !passive {
                    names = subject(&sentence[..start]);
                }
                if !names.is_empty() {
                    previous = Some(relation);
                }
                out.extend(names.into_iter().map(|n| (n.name, relation)));
            }
            for c in OWNER.get().captures_iter(sentence) {
                let (Some(owner), Some(title)) =
                    (c.name("owner"), c.name("t1").or(c.name("t2")).or(c.name("t3")))
                else {
                    continue;
                };
                let kind = c.name("kind").is_some() || EVENT_WORD.get().is_match(title.as_str());
                let said = quoted::within(&spans, offset + owner.start());
                if kind && !said && !is_place_acronym(owner.as_str()) {
                    out.push((owner.as_str().to_string(), Relation::Organizer));
                }
            }
            if let Some(c) = HELD_IN.get().captures(sentence)
                && let Some(venue) = c.name("venue")
                && venue.as_str().split('-').any(is_acronym)
                && !is_place_acronym(venue.as_str())
            {
                out.push((venue.as_str().to_string(), Relation::Host));
            }
            for c in ROLE_AFTER.get().captures_iter(sentence) {
                let (Some(all), Some(role)) = (c.get(0), c.name("role")) else {
                    continue;
                };
                if !quoted::within(&spans, offset + all.start()) {
                    let before = &sentence[..all.start()];
                    // "пресс-служба Минстроя РФ, ведомство выступает организатором": a lone anaphoric
                    // noun after a comma stands for the name that ends the clause before it.
                    let name = match before.rsplit_once(", ") {
                        Some((previous, clause)) if ANAPHOR.contains(&clause.trim()) => name_at_end(previous),
                        _ => name_at_end(before),
                    };
                    out.extend(name.map(|n| (n, role_relation(role.as_str()))));
                }
            }
            for owner in owners(sentence) {
                if !quoted::within(&spans, offset + owner.0) {
                    out.push((owner.1, Relation::Organizer));
                }
            }
            for c in APPOSITION.get().captures_iter(sentence) {
                let (Some(all), Some(role)) = (c.get(0), c.name("role")) else {
                    continue;
                };
                let relation = role_relation(role.as_str());
                out.extend(name_at_end(&sentence[..all.start()]).map(|n| (n, relation)));
            }
        }
    }
    out
}

/// A passive's agent written in lowercase: one to three adjectives and a head noun in the instrumental, and
/// up to two words in the genitive («областным советом ветеранов», «областным краеведческим музеем»), ended
/// by punctuation or «и» / «совместно».
fn lowercase_agent(text: &str) -> Option<String> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let bare = |w: &str| w.trim_end_matches([',', '.', ';', ':', '!', '?']).to_string();
    let lower = |w: &str| !w.is_empty() && w.chars().all(|c| c.is_lowercase() || c == '-');
    let instrumental_adjective =
        |w: &str| lower(w) && ["ым", "им", "ой", "ей"].iter().any(|e| w.ends_with(e));
    // One to three adjectives («областным краеведческим музеем»), each ending its word, then the head.
    let k = words
        .iter()
        .take(4)
        .position(|w| !(instrumental_adjective(w) && w.ends_with(|c: char| c.is_alphabetic())))?;
    let head = bare(words[k]);
    if k == 0 || !(lower(&head) && head_noun(&head) && instrumental(&head)) {
        return None;
    }
    let mut name: Vec<String> = words[..=k].iter().map(|w| bare(w)).collect();
    if !words[k].ends_with(|c: char| c.is_alphabetic()) {
        return Some(name.join(" "));
    }
    // A name in « » after the head («региональным отделением «Опоры России»») is part of it.
    if words.get(k + 1).is_some_and(|w| w.starts_with('«')) {
        let rest = &words[k + 1..];
        let close = rest.iter().take(8).position(|w| bare(w).ends_with('»'))?;
        name.extend(rest[..=close].iter().map(|w| bare(w)));
        return Some(name.join(" "));
    }
    for w in words.iter().skip(k + 1).take(2) {
        let b = bare(w);
        let genitive = ["ов", "ев", "ей", "ых", "их", "ии", "ы", "и", "а", "я"]
            .iter()
            .any(|e| b.ends_with(e));
        if !lower(&b) || !genitive || matches!(b.as_str(), "и" | "а" | "совместно") {
            break;
        }
        name.push(b.clone());
        if b.len() != w.len() {
            break;
        }
    }
    Some(name.join(" "))
}

/// Whether a word has an instrumental ending (Комитетом, палатой, Ассамблеей, Западным).
fn instrumental(word: &str) -> bool {
    ["ом", "ем", "ём", "ой", "ей", "ами", "ями", "ым", "им"]
        .iter()
        .any(|e| word.ends_with(e))
}

/// The relation a role noun names (партнёр, спонсор, организатор).
fn role_relation(role: &str) -> Relation {
    match role.to_lowercase() {
        r if r.starts_with("партн") => Relation::Partner,
        r if r.starts_with("спонсор") => Relation::Sponsor,
        _ => Relation::Organizer,
    }
}

/// Organizations named in the genitive right after a kind of event, its owners: «Съезд Союза
/// садоводов», «форуму Общественной палаты «Сообщество»». The name starts with a capital and has a head
/// noun among its first three words; it runs on through capitalized words, head nouns and lowercase
/// genitives, up to punctuation, a title in « » or any other word. Each with its byte offset.
fn owners(sentence: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    for kind in EVENT_WORD.get().find_iter(sentence) {
        let rest = &sentence[kind.end()..];
        if !rest.starts_with(' ') {
            continue;
        }
        let mut name: Vec<&str> = Vec::new();
        for w in rest.split_whitespace() {
            let bare = w.trim_end_matches([',', '.', ';', ':', '!', '?', ')']);
            let capital = bare.chars().next().is_some_and(char::is_uppercase);
            let lower = bare.chars().all(|c| c.is_lowercase() || c == '-');
            let genitive = lower
                && ["ов", "ев", "ей", "ых", "их", "ого", "его", "ой", "ии"]
                    .iter()
                    .any(|e| bare.ends_with(e));
            let fits = if name.is_empty() {
                capital
            } else {
                capital || genitive || head_noun(bare)
            };
            if bare.is_empty()
                || w.starts_with(['«', '"', '“'])
                || !fits
                || is_acronym(bare) && name.is_empty()
            {
                break;
            }
            name.push(bare);
            if bare.len() != w.len() {
                break;
            }
        }
        let head = name.iter().take(3).position(|w| head_noun(w));
        let country = name.len() <= 2
            && name
                .last()
                .is_some_and(|w| w.to_lowercase().starts_with("федерац"));
        if head.is_some() && !country {
            let at = rest.as_ptr() as usize - sentence.as_ptr() as usize;
            out.push((at, name.join(" ")));
        }
    }
    out
}

/// A head noun of an organization's name, not an adjective made from one («Союза», not «Союзного»).
fn head_noun(word: &str) -> bool {
    let w = word.to_lowercase();
    is_org_head(word)
        && ![
            "ый", "ий", "ой", "ая", "яя", "ое", "ее", "ые", "ие", "ого", "его", "ых", "их", "ым", "им",
        ]
        .iter()
        .any(|e| w.ends_with(e))
}

/// The organization's name that ends a stretch of text: from its first head noun or acronym (with the
/// capitalized adjectives before it) to the end, as in "По итогам выставки ОАО «Росагролизинг»".
fn name_at_end(text: &str) -> Option<String> {
    let clause = text.rsplit([',', ':', ';']).next().unwrap_or(text);
    let words: Vec<&str> = clause.split_whitespace().collect();
    let mut start = words.iter().position(|w| is_org_head(w) || is_acronym(w))?;
    while start > 0 && words[start - 1].chars().next().is_some_and(char::is_uppercase) {
        start -= 1;
    }
    clean(&words[start..].join(" ")).map(|m| m.name)
}

/// The names of a list that follows a cue, up to where the clause turns to something else; empty when
/// its first member is not an organization.
///
/// A member that is one capitalized word with no head noun, acronym or « » («Россотрудничеством») is no
/// name by its shape alone; in a list whose other members are organizations by shape, two at least, it
/// is one of them: a list after a cue names one kind of thing. Alone, or beside a single shaped name, it
/// may be a person or a place, and it is dropped.
fn list(text: &str) -> Vec<Member> {
    let spans = quoted::spans(text);
    let end = LIST_END
        .get()
        .find_iter(text)
        // ", а также B" adds to the list where ", а B" turns to something else; a dash inside a name in
        // « » («Россия – Моя история») ends nothing.
        .find(|m| {
            !inside_name(text, m.start(), m.end())
                && !text[m.end()..].starts_with("также ")
                && !quoted::within(&spans, m.start())
        })
        .map_or(text.len(), |m| m.start());
    let mut out: Vec<(Member, bool)> = Vec::new();
    // Where the last member taken starts in `text`, to extend it by a continuation.
    let mut last_start = None;
    for member in split(&text[..end]) {
        let at = member.as_ptr() as usize - text.as_ptr() as usize;
        // A name by its shape, a bare capitalized word, or (in a list of institutions) a name described
        // before its marks; the flag tells whether the member counts as shaped.
        let unheaded = |name| Member { name, headed: false };
        let taken = clean(member)
            .map(|name| (name, true))
            .or_else(|| bare_name(member).map(|name| (unheaded(name), false)))
            .or_else(|| {
                out.iter()
                    .any(|(m, _)| m.headed)
                    .then(|| described(member))
                    .flatten()
                    .map(|name| (unheaded(name), true))
            })
            .or_else(|| {
                // «…, кафедра социологии Белорусского государственного университета, …»: in a list
                // of named bodies, a common head noun in lowercase that a name in capitals completes.
                out.iter()
                    .any(|(m, _)| m.headed)
                    .then(|| lowercase_head(member))
                    .flatten()
                    .map(|name| (Member { name, headed: true }, true))
            });
        match taken {
            Some(member) => {
                out.push(member);
                last_start = Some(at);
            }
            None => match (out.last_mut(), last_start) {
                // «академия наук, образования, искусств и культуры»: lowercase genitives after a name
                // that ends in one continue that name.
                (Some((last, true)), Some(from)) if continues(&last.name, member) => {
                    let whole = text[from..at + member.len()].trim_end_matches(['.', ',', ';', ':']);
                    if let Some(name) = clean(whole) {
                        *last = name;
                    }
                }
                _ => break,
            },
        }
    }
    let shaped = out.iter().filter(|(_, s)| *s).count();
    out.into_iter()
        .filter(|(_, s)| *s || shaped >= 2)
        .map(|(m, _)| m)
        .collect()
}

/// A member of a list that opens with a head noun in lowercase and the nominative (кафедра, правительство,
/// отделение) followed by genitives with a capitalized word among them: «кафедра социологии Белорусского
/// государственного университета», «правительство Ивановской области».
fn lowercase_head(member: &str) -> Option<String> {
    let m = member.trim().trim_end_matches(['.', ',', ';', ':']).trim();
    let m = ["и ", "а также "]
        .iter()
        .find_map(|p| m.strip_prefix(p))
        .unwrap_or(m);
    let words: Vec<&str> = m.split_whitespace().collect();
    let (first, rest) = words.split_first()?;
    let nominative = ["а", "о", "е", "т", "р", "н", "д", "я", "ь"]
        .iter()
        .any(|e| first.ends_with(e));
    let named = rest.iter().any(|w| w.starts_with(char::is_uppercase));
    (first.chars().all(char::is_lowercase)
        && head_noun(first)
        && nominative
        && named
        && (2..=10).contains(&words.len())
        && !m.contains(['«', '»', '"']))
    .then(|| m.to_string())
}

/// A list after a colon, whose members semicolons may separate ("Организаторами выступили: A; B; C"):
/// each part read as a list of its own, up to the first part that names no organization.
fn colon_list(text: &str) -> Vec<Member> {
    let mut out = Vec::new();
    for part in text.split(';') {
        let names = list(part);
        if names.is_empty() {
            break;
        }
        out.extend(names);
    }
    out
}

/// Whether `member`, which is no name of its own, continues the name before it: one to three lowercase
/// words (an «и» among them) after a name whose last word is lowercase, as a list of genitives after a
/// head noun is («академия наук, образования, искусств и культуры»).
fn continues(name: &str, member: &str) -> bool {
    let words: Vec<&str> = member
        .trim()
        .trim_end_matches(['.', ',', ';', ':'])
        .split_whitespace()
        .collect();
    let lower = |w: &&str| w.chars().all(char::is_lowercase);
    let last_lower = name.split_whitespace().last().is_some_and(|w| lower(&w));
    // A verb's ending (обсудили, проводит, работать) makes the words a clause, not genitives.
    let verb = |w: &&str| {
        w.chars().count() >= 5
            && ["ли", "ла", "ло", "ет", "ют", "ят", "ит", "ать", "ить", "еть"]
                .iter()
                .any(|e| w.ends_with(e))
    };
    last_lower
        && (1..=3).contains(&words.len())
        && words.iter().all(lower)
        && !words.iter().any(verb)
        && !words
            .iter()
            .any(|w| ["а", "также", "которые", "который", "которая"].contains(w))
        // «с казахстанской стороны»: a preposition opens an adverbial, not a genitive.
        && words.first().is_some_and(|w| {
            !matches!(
                *w,
                "и" | "с" | "со" | "в" | "во" | "на" | "по" | "от" | "из" | "для" | "к" | "о" | "об" | "при" | "за"
            )
        })
}

/// A member described in lowercase before its name in « » («исторический парк «Дом ремёсел»»), in a list
/// that names institutions by their head nouns: the name in the marks. A kind of event («форум «…»») or
/// of work («проект», «программа») is not described so.
fn described(member: &str) -> Option<String> {
    let m = member.trim().trim_end_matches(['.', ',', ';', ':']).trim();
    for prefix in ["и ", "а также ", "также "] {
        if let Some(rest) = m.strip_prefix(prefix) {
            return described(rest);
        }
    }
    let (before, name) = m.split_once('«')?;
    let words: Vec<&str> = before.split_whitespace().collect();
    let name = name.strip_suffix('»')?;
    let work = |w: &&str| {
        EVENT_WORD.get().is_match(w)
            || has_stem(&w.to_lowercase(), &["проект", "программ", "конкурс", "акци"])
    };
    ((1..=3).contains(&words.len())
        && words.iter().all(|w| all_lower(w))
        && !words.iter().any(work)
        && !name.contains(['«', '»'])
        && name.starts_with(char::is_uppercase)
        && (1..=6).contains(&name.split_whitespace().count()))
    .then(|| name.to_string())
}

/// A list member that is one capitalized word of letters only («Россотрудничеством»), with a leading
/// conjunction dropped.
fn bare_name(member: &str) -> Option<String> {
    let mut m = member.trim().trim_end_matches(['.', ',', ';', ':']).trim();
    for prefix in ["и ", "а также ", "также "] {
        m = m.strip_prefix(prefix).unwrap_or(m).trim_start();
    }
    let mut chars = m.chars();
    let first = chars.next()?;
    (first.is_uppercase() && m.chars().count() >= 4 && chars.all(|c| c.is_lowercase())).then(|| m.to_string())
}

/// Whether a dash joins two nouns of one name rather than opening a clause: lowercase words on both
/// sides, the second in the genitive plural like the first («ассамблея государств – участников СНГ»).
fn inside_name(text: &str, start: usize, end: usize) -> bool {
    let dash = text[start..end].trim();
    if !matches!(dash, "—" | "–") {
        return false;
    }
    let before = text[..start].split_whitespace().next_back().unwrap_or("");
    let after = text[end..].split_whitespace().next().unwrap_or("");
    let lower = |w: &str| !w.is_empty() && w.chars().all(|c| c.is_lowercase() && c.is_alphabetic());
    lower(before) && lower(after) && ["ов", "ев", "ей", "ых", "их"].iter().any(|e| after.ends_with(e))
}

/// The subject of an active verb: the whole clause before it, every member an organization.
fn subject(text: &str) -> Vec<Member> {
    let mut clauses = text.rsplit([',', ':', ';']);
    let mut clause = clauses.next().unwrap_or(text);
    // "Ассоциация «Пчела», которая провела форум": the relative pronoun stands for the name before it.
    if matches!(clause.trim(), "которая" | "который" | "которое" | "которые") {
        clause = clauses.next().unwrap_or(clause);
    }
    // «Встречу … провел X»: an event in the accusative opening the clause is the object, and the
    // subject comes after the verb.
    let object = clause.split_whitespace().next().is_some_and(|w| {
        let w = w.to_lowercase();
        [
            "встреч",
            "конференци",
            "выставк",
            "ярмарк",
            "олимпиад",
            "сесси",
            "акци",
            "церемони",
            "дискусси",
        ]
        .iter()
        .any(|stem| w.strip_prefix(stem).is_some_and(|end| matches!(end, "у" | "ю")))
    });
    if object {
        return Vec::new();
    }
    let members = split(clause);
    let names: Vec<Member> = members.iter().filter_map(|m| clean(m)).collect();
    if names.len() == members.len() {
        names
    } else {
        Vec::new()
    }
}

/// A list split at commas and at «и» / «а также» before a capital or a quotation mark, outside « ».
fn split(text: &str) -> Vec<&str> {
    let spans = quoted::spans(text);
    let mut out = Vec::new();
    let mut start = 0;
    for (i, _) in text.char_indices() {
        if i < start || spans.iter().any(|s| s.open <= i && i < s.close_end) {
            continue;
        }
        let rest = &text[i..];
        // «Региональная палата совместно с Общественной палатой РФ провела»: two subjects.
        let sep = [", ", " и ", " а также ", " совместно с ", " вместе с "]
            .into_iter()
            .find(|s| rest.starts_with(s));
        let Some(sep) = sep else { continue };
        // «при мэре и правительстве Москвы»: «и» joining two objects of one preposition stays inside
        // the name; so does a place after one («управления по Санкт-Петербургу и Ленинградской
        // области …»), unless a head noun opens a name of its own.
        let second_object = || {
            let mut next = rest[sep.len()..].split_whitespace().take(2);
            let (Some(a), Some(b)) = (next.next(), next.next()) else {
                return false;
            };
            placed_object(&text[start..i])
                && b.starts_with(char::is_lowercase)
                && !is_org_head(a)
                && !is_org_head(b)
        };
        if sep == " и "
            && ((governed_pair(&text[start..i]) && rest[sep.len()..].starts_with(char::is_lowercase))
                || second_object())
        {
            continue;
        }
        let after = rest[sep.len()..].trim_start_matches("и ");
        let next = after.chars().next();
        // «и коммуникационное агентство AGT»: an adjective may stand before a head noun in lowercase
        // («проблем и инноваций Института …» goes on with one name).
        let mut words = after.split_whitespace();
        let first = words.next();
        let head = first.is_some_and(is_org_head)
            || (first.is_some_and(is_adjective)
                && words
                    .next()
                    .is_some_and(|w| w.starts_with(char::is_lowercase) && is_org_head(w)));
        let new_name = head || next.is_some_and(|c| c.is_uppercase() || c == '«');
        if sep == ", " || new_name {
            out.push(&text[start..i]);
            start = i + sep.len();
        }
    }
    out.push(&text[start..]);
    out
}

/// Whether the words before an «и» end in «по» and one capitalized object («управления по
/// Санкт-Петербургу»), which a second place may join.
fn placed_object(before: &str) -> bool {
    preposition_and_object(before)
        .is_some_and(|(preposition, object)| object.starts_with(char::is_uppercase) && preposition == "по")
}

/// The last two words before an «и», read as a preposition and its one object.
fn preposition_and_object(before: &str) -> Option<(&str, &str)> {
    let mut words = before.split_whitespace().rev();
    let object = words.next()?;
    Some((words.next()?, object))
}

/// Whether the words before an «и» end in a preposition and its one object («… советом при мэре»), so
/// that a lowercase word after the «и» is that preposition's second object, not another name.
fn governed_pair(before: &str) -> bool {
    preposition_and_object(before).is_some_and(|(preposition, object)| {
        object.chars().all(char::is_lowercase)
            && matches!(preposition.to_lowercase().as_str(), "при" | "для" | "по" | "над")
    })
}

/// A member of a list as a name, and whether a head noun shows it is an institution (its descriptor
/// included: «образовательного центра «Вершина»» is one, though its name is «Вершина»).
struct Member {
    name: String,
    headed: bool,
}

/// A member as a name: leading conjunctions and adverbs dropped, at most sixteen words; `None` unless it
/// starts with a capital and has a head noun, an acronym or a name in « », or is a name after a
/// descriptor («страхового общества Сургутнефтегаз», which gives Сургутнефтегаз).
fn clean(member: &str) -> Option<Member> {
    let mut m = member.trim().trim_end_matches(['.', ',', ';', ':']).trim();
    for prefix in ["и ", "а также ", "также ", "а ", "А ", "И ", "Но "] {
        m = m.strip_prefix(prefix).unwrap_or(m).trim_start();
    }
    let m = before_predicate(m);
    // «при поддержке "Роспатриотцентра"»: a name in straight or curly marks, the marks not its own.
    if let Some(inner) = m
        .strip_prefix(['"', '“'])
        .and_then(|r| r.strip_suffix(['"', '”']))
        .filter(|i| !i.contains(['"', '“', '”', '«', '»']) && i.starts_with(char::is_uppercase))
        .filter(|i| (1..=6).contains(&i.split_whitespace().count()))
    {
        // «провела "Запорожский форум"»: the title of an event, the object of the verb, is no name.
        let headed = inner.split_whitespace().any(is_org_head);
        if !headed && EVENT_WORD.get().is_match(inner) {
            return None;
        }
        return Some(Member {
            name: inner.to_string(),
            headed,
        });
    }
    // «Группы компаний ВИС», «Издательство «Слово»: marks around a name that opens with its head noun
    // are the text's, not the name's.
    let m = match m.strip_prefix('«') {
        Some(rest) if rest.split_whitespace().next().is_some_and(is_org_head) => {
            if rest.matches('»').count() > rest.matches('«').count() {
                rest.strip_suffix('»').unwrap_or(rest)
            } else {
                rest
            }
        }
        _ => m,
    };
    // A lowercase adjective before a capitalized head noun describes the name, «боготинским
    // Университетом X»: it is not part of it.
    let m = match m.split_once(' ') {
        Some((adjective, rest))
            if adjective.chars().all(|c| c.is_lowercase())
                && ["ым", "им", "ой", "ого", "его", "ому", "ему", "ый", "ий"]
                    .iter()
                    .any(|e| adjective.ends_with(e))
                && rest.chars().next().is_some_and(char::is_uppercase)
                && rest.split_whitespace().next().is_some_and(head_noun) =>
        {
            rest
        }
        _ => m,
    };
    // «круглый стол»: a name in marks begins with a capital; in lowercase it is a kind of event.
    if m.strip_prefix(['«', '"', '“'])
        .is_some_and(|rest| rest.starts_with(char::is_lowercase))
    {
        return None;
    }
    let words: Vec<&str> = m.split_whitespace().collect();
    let first = words.first()?;
    let headed = words.iter().any(|w| is_org_head(w));
    if let Some(name) = after_descriptor(&words) {
        return Some(Member { name, headed });
    }
    // A name starts with a capital, or with its head noun before a name in « » ("издательство «Свет»"),
    // or is a state body written in lowercase before a proper name ("правительство Тверской области").
    // Lowercase adjectives only before the word at `k`.
    let adjectives_to = |k: usize| {
        words[..k]
            .iter()
            .all(|w| w.starts_with(char::is_lowercase) && is_adjective(w))
    };
    // The head noun may follow lowercase adjectives ("общественного движения «Союз»").
    let named_kind = words
        .iter()
        .take(4)
        .position(|w| is_org_head(w))
        .is_some_and(|k| adjectives_to(k) && words.get(k + 1).is_some_and(|w| w.starts_with('«')));
    let capital_after = words[1..]
        .iter()
        .any(|w| w.chars().next().is_some_and(char::is_uppercase));
    let state_body = has_stem(&first.to_lowercase(), &STATE_BODIES) && capital_after;
    // "естественно-технологический факультет ЮУрГГПУ": a body in lowercase after its adjectives,
    // completed by an acronym or a proper name.
    let lower_body = words
        .iter()
        .take(3)
        .position(|w| w.starts_with(char::is_lowercase) && is_org_head(w))
        .is_some_and(|k| {
            let completed = |proper: bool| {
                words[k + 1..]
                    .iter()
                    .any(|w| is_acronym(w) || (proper && w.starts_with(char::is_uppercase)))
            };
            // With no adjective before it, the head's completion must hold an acronym («институтом
            // географии РАН»): a proper name alone may be a place («центром Москвы»).
            adjectives_to(k) && completed(k > 0)
        });
    // «региональное министерство здравоохранения», «администрацией области»: a state body in lowercase
    // with no proper name, told apart from a kind of body by an adjective before its head noun or a
    // genitive after it.
    let lower_state = words.len() <= 8
        && words
            .iter()
            .take(3)
            .position(|w| w.starts_with(char::is_lowercase) && head_noun(w))
            .is_some_and(|k| {
                let head = words[k].to_lowercase();
                has_stem(&head, &STATE_BODIES)
                    && adjectives_to(k)
                    && (k > 0 || words.len() > 1)
                    && words[k + 1..].iter().all(|w| all_lower(w))
            });
    let state_body = state_body || lower_body || lower_state;
    let capital =
        named_kind || state_body || first.chars().next().is_some_and(|c| c.is_uppercase() || c == '«');
    let shaped = headed
        || state_body
        || words.iter().any(|w| is_acronym(w))
        || m.contains('«')
        || (words.len() == 1 && compound_name(first));
    (capital && shaped && words.len() <= 16).then(|| Member {
        name: m.to_string(),
        headed,
    })
}

/// A one-word name of a federal agency or company made of stems, the way Russian coins them: «Рос»
/// and a noun (Росмолодежь, Роскосмос, Ростелеком), or a noun and «пром», «банк», «нефть», «строй» …
/// (Газпром, Сбербанк, Роснефть), in any case form.
fn compound_name(word: &str) -> bool {
    let w = word.trim_matches(|c: char| !c.is_alphabetic()).to_lowercase();
    let n = w.chars().count();
    let capital = word.chars().next().is_some_and(char::is_uppercase)
        && word.chars().skip(1).all(|c| c.is_lowercase() || c == '-');
    let stem = |s: &str| {
        ["", "а", "у", "ом", "е", "ы", "ю", "ью", "и", "ой"]
            .iter()
            .any(|e| w.strip_suffix(e).is_some_and(|base| base.ends_with(s)))
    };
    // Россия, Российский, Ростов: a country, an adjective or a city, not such a name.
    let place = ["росси", "ростов"].iter().any(|p| w.starts_with(p)) || is_adjective(&w);
    capital
        && n >= 7
        && !place
        && (w.starts_with("рос")
            || [
                "пром",
                "банк",
                "нефть",
                "нефт",
                "строй",
                "торг",
                "атом",
                "телеком",
                "авиа",
            ]
            .iter()
            .any(|s| stem(s)))
}

/// Stems of the state bodies a text writes in lowercase before the proper name that completes them
/// («правительство Тверской области», «администрации Кировского района», «аппаратом полпреда Президента»).
const STATE_BODIES: [&str; 13] = [
    "правительств",
    "заксобран",
    "коллегия",
    "коллегии",
    "администрац",
    "министерств",
    "аппарат",
    "департамент",
    "управлен",
    "комитет",
    "мэри",
    "горисполк",
    "представительств",
];

/// What the event does, after its supporter's name in «при поддержке X пройдет форум», or when it does
/// it («на площадке X в течение двух дней»): where a name ends.
static PREDICATE: Transient = Transient::new(|| {
    Regex::new(r"^(?:пройд[её]т|проходит|проходил[аио]?|прош[её]л|прошл[аио]|состоится|состоял\w*|стартует|стартовал\w*|откро[ею]тся|открыл\w*|начн[её]тся|продлится|будет|будут)$")
        .expect("predicate regex")
});

/// A member up to the predicate or adverbial that follows the name in it.
fn before_predicate(m: &str) -> &str {
    let mut words = m.split_whitespace().peekable();
    while let Some(w) = words.next() {
        let adverbial = matches!(w, "в" | "во")
            && words
                .peek()
                .is_some_and(|n| matches!(*n, "течение" | "рамках" | "ходе" | "формате"))
            || w == "при"
                && words
                    .peek()
                    .is_some_and(|n| matches!(*n, "участии" | "поддержке" | "содействии"));
        if adverbial || PREDICATE.get().is_match(w) {
            let at = w.as_ptr() as usize - m.as_ptr() as usize;
            return m[..at].trim_end();
        }
    }
    m
}

/// The name after a descriptor: one to three lowercase words ending in a kind of organization
/// (компания, общество, консорциум …), then a name in « », a name in Latin letters, or one capitalized
/// word that is not in the genitive (a complement, as in «центра Москвы», rather than a name); or one or
/// two lowercase words of any kind, naming no event, before a short name in straight marks.
fn after_descriptor(words: &[&str]) -> Option<String> {
    let k = words
        .iter()
        .position(|w| w.starts_with(['«', '"', '“']) || w.chars().next().is_some_and(char::is_uppercase))?;
    let rest = words[k..].join(" ");
    let straight = rest.chars().count() > 2
        && ((rest.starts_with('"') && rest.ends_with('"') && rest.matches('"').count() == 2)
            || (rest.starts_with('“') && rest.ends_with('”') && rest.matches('“').count() == 1));
    let quoted = rest.starts_with('«') && rest.ends_with('»') || straight;
    // A longer description before a name in « » («благотворительный фонд развития культуры «Луч»»), or,
    // before a name in straight marks, a short one of any kind («экспертная инициатива "Минский
    // диалог"») that names no event («форум "…"») and is followed by a short name, not a title.
    let short = straight
        && k <= 2
        && words.len() - k <= 5
        && !words[..k].iter().any(|w| EVENT_WORD.get().is_match(w))
        // «первый "Запорожский форум"»: the title of an event is no name either.
        && (words[k..].iter().any(|w| is_org_head(w)) || !EVENT_WORD.get().is_match(&rest));
    let described = quoted && (k <= 6 && words[..k].iter().any(|w| is_descriptor(w)) || short);
    if k == 0
        || !words[..k].iter().all(|w| all_lower(w))
        || !(described || k <= 3 && is_descriptor(words[k - 1]))
    {
        return None;
    }
    let latin = words[k..]
        .iter()
        .all(|w| w.chars().all(|c| c.is_ascii() || !c.is_alphabetic()));
    let nominative = words.len() == k + 1 && !rest.ends_with(['а', 'я', 'ы', 'и']);
    if quoted && (straight || rest.matches('«').count() == 1) {
        let name = rest.trim_matches(['«', '»', '"', '“', '”']).trim();
        return (!name.is_empty()).then(|| name.to_string());
    }
    (quoted || latin || nominative).then_some(rest)
}

/// Whether a word is written in lowercase letters (and hyphens) only.
fn all_lower(w: &str) -> bool {
    w.chars().all(|c| c.is_lowercase() || c == '-')
}

/// Whether a word (any case form) tells the kind of organization a name is.
fn is_descriptor(word: &str) -> bool {
    has_stem(&word.to_lowercase(), &DESCRIPTORS)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::text::blocks;

    fn orgs(text: &str) -> Vec<(String, Relation)> {
        extract(&blocks(text))
    }

    fn o(name: &str, r: Relation) -> (String, Relation) {
        (name.to_string(), r)
    }

    #[test]
    fn an_adjective_before_a_head_noun_opens_a_new_member() {
        assert_eq!(
            orgs("Партнерами стали Фонд «Соты» и коммуникационное агентство AGT."),
            vec![o("Фонд «Соты»", Relation::Partner), o("AGT", Relation::Partner)]
        );
        // A genitive that goes on into a capitalized head noun stays one name.
        assert_eq!(
            orgs(
                "Организатором выступила Лаборатория региональных проблем и инноваций Института социальных наук."
            ),
            vec![o(
                "Лаборатория региональных проблем и инноваций Института социальных наук",
                Relation::Organizer
            )]
        );
    }

    #[test]
    fn who_gave_support_after_the_verb() {
        assert_eq!(
            orgs("Поддержку форуму оказали Фонд «Соты» и Тверской университет."),
            vec![
                o("Фонд «Соты»", Relation::Supporter),
                o("Тверской университет", Relation::Supporter)
            ]
        );
        assert_eq!(
            orgs("Содействие оказал также Союз пасечников."),
            vec![o("Союз пасечников", Relation::Supporter)]
        );
    }

    #[test]
    fn a_passive_agent_after_a_place_a_declined_participle_and_a_lowercase_assembly() {
        assert_eq!(
            orgs("Слет, который традиционно проводится в Твери Институтом пчеловодства (ИП), собрал гостей."),
            vec![o("Институтом пчеловодства", Relation::Organizer)]
        );
        assert_eq!(
            orgs("Слет стал событием, организованным Министерством сельского хозяйства РФ."),
            vec![o("Министерством сельского хозяйства РФ", Relation::Organizer)]
        );
        assert_eq!(
            orgs(
                "Организатором является заксобрание Тверской области, соорганизаторы – Молодежный парламент и Правительство Тверской области."
            ),
            vec![
                o("заксобрание Тверской области", Relation::Organizer),
                o("Молодежный парламент", Relation::Organizer),
                o("Правительство Тверской области", Relation::Organizer),
            ]
        );
    }

    #[test]
    fn a_lowercase_head_noun_in_a_list_of_named_bodies() {
        assert_eq!(
            orgs(
                "Организаторами конференции выступили Институт социальных наук ИГУ, кафедра социологии Тверского государственного университета, Общественная палата Тверской области."
            ),
            vec![
                o("Институт социальных наук ИГУ", Relation::Organizer),
                o(
                    "кафедра социологии Тверского государственного университета",
                    Relation::Organizer
                ),
                o("Общественная палата Тверской области", Relation::Organizer),
            ]
        );
        // Without a named body before it, a lowercase phrase starts no list.
        assert!(orgs("Организаторами выступили кафедра социологии и студенты.").is_empty());
    }

    #[test]
    fn the_future_of_provesti_is_active() {
        assert_eq!(
            orgs("Фонд Р.Сомовой проведет вторую конференцию «Форум молодежи»."),
            vec![o("Фонд Р.Сомовой", Relation::Organizer)]
        );
        assert_eq!(
            orgs("Ассоциация пчеловодов и Тверской университет проведут форум в мае."),
            vec![
                o("Ассоциация пчеловодов", Relation::Organizer),
                o("Тверской университет", Relation::Organizer)
            ]
        );
    }

    #[test]
    fn an_adverbial_or_an_event_before_the_verb_is_no_subject() {
        assert!(orgs("А для любителей музыки организуют фестиваль «Голос»").is_empty());
        assert!(
            orgs("Встречу с участием Президента РТ Ивана Сомова провел заместитель председателя.").is_empty()
        );
        // A subject after its conjunction is still one.
        assert_eq!(
            orgs("А Тверской университет проведет форум в мае."),
            vec![o("Тверской университет", Relation::Organizer)]
        );
    }

    #[test]
    fn a_relative_pronoun_stands_for_the_subject_and_an_event_title_is_no_name() {
        assert_eq!(
            orgs("Ассоциация «Пчела», которая провела первый \"Медовый форум\", готовит второй."),
            vec![o("Ассоциация «Пчела»", Relation::Organizer)]
        );
    }

    #[test]
    fn a_list_after_a_colon_a_relative_clause_and_a_described_name() {
        assert_eq!(
            orgs(
                "Организаторами слета выступили: Министерство пчеловодства Тверской области; Союз пасечников (СП); Фонд «Соты»."
            ),
            vec![
                o("Министерство пчеловодства Тверской области", Relation::Organizer),
                o("Союз пасечников", Relation::Organizer),
                o("Фонд «Соты»", Relation::Organizer),
            ]
        );
        assert_eq!(
            orgs(
                "Организатором слета, в котором приняли участие 300 пасечников, выступил Издательский дом «Улей»."
            ),
            vec![o("Издательский дом «Улей»", Relation::Organizer)]
        );
        assert_eq!(
            orgs(
                "Организаторами выступили Союз пасечников, пчелиный парк «Мёд – наше всё», Тверской университет."
            ),
            vec![
                o("Союз пасечников", Relation::Organizer),
                o("Мёд – наше всё", Relation::Organizer),
                o("Тверской университет", Relation::Organizer),
            ]
        );
        // A kind of event in lowercase before its title is no organization.
        assert_eq!(
            orgs("Организаторами выступили Союз пасечников, фестиваль «Мёд», Тверской университет."),
            vec![o("Союз пасечников", Relation::Organizer)]
        );
        assert_eq!(
            orgs(
                "Слет прошел при поддержке коллегии Пчелиной комиссии Российской Федерации, Минпромторга России, Минобрнауки России."
            ),
            vec![
                o(
                    "коллегии Пчелиной комиссии Российской Федерации",
                    Relation::Supporter
                ),
                o("Минпромторга России", Relation::Supporter),
                o("Минобрнауки России", Relation::Supporter),
            ]
        );
    }

    #[test]
    fn a_name_in_straight_marks_an_initiative_and_an_acronym_after_a_full_participle() {
        assert_eq!(
            orgs("Форум прошел при поддержке \"Вельпатриотцентра\". Курировало его управление."),
            vec![o("Вельпатриотцентра", Relation::Supporter)]
        );
        assert_eq!(
            orgs("Конференция проводится по инициативе Фонда развития пасек «Медовый край»."),
            vec![o("Фонда развития пасек «Медовый край»", Relation::Organizer)]
        );
        assert_eq!(
            orgs(
                "Прошел конгресс «Вельская система», организованный МИД РФ и посвященный 80-летию конференции."
            ),
            vec![o("МИД РФ", Relation::Organizer)]
        );
        // After a short participle an acronym is the event: «был организован ПМЭФ».
        assert!(orgs("В 2021 году был организован ПМЭФ в условиях ограничений.").is_empty());
        // A full participle in another case than the nominative takes its acronym as agent too.
        assert_eq!(
            orgs("На слете, организованном ВСП совместно с РСПП, выступят пасечники."),
            vec![o("ВСП", Relation::Organizer), o("РСПП", Relation::Organizer)]
        );
    }

    #[test]
    fn two_subjects_joined_by_sovmestno_and_a_second_place_after_po() {
        assert_eq!(
            orgs("Региональная палата совместно с Общественной палатой РФ провела в среду круглый стол."),
            vec![
                o("Региональная палата", Relation::Organizer),
                o("Общественной палатой РФ", Relation::Organizer)
            ]
        );
        assert_eq!(
            orgs(
                "Форум проводится при поддержке администрации Вельска, Территориального управления по Вельску и Марльской области Министерства РФ по антимонопольной политике и поддержке предпринимательства и Вельской торгово-промышленной палаты."
            ),
            vec![
                o("администрации Вельска", Relation::Supporter),
                o(
                    "Территориального управления по Вельску и Марльской области Министерства РФ по антимонопольной политике и поддержке предпринимательства",
                    Relation::Supporter
                ),
                o("Вельской торгово-промышленной палаты", Relation::Supporter)
            ]
        );
    }

    #[test]
    fn a_body_in_lowercase_after_its_adjectives_completed_by_an_acronym() {
        assert_eq!(
            orgs(
                "Её организовал естественно-технологический факультет ЮУрГПУ совместно с министерством экологии Челябинской области."
            ),
            vec![
                o(
                    "естественно-технологический факультет ЮУрГПУ",
                    Relation::Organizer
                ),
                o("министерством экологии Челябинской области", Relation::Organizer)
            ]
        );
        // Without a name after it, a body in lowercase is a description.
        assert!(orgs("Её организовал местный исторический факультет.").is_empty());
        assert_eq!(
            orgs("Конгресс прошёл при поддержке и активном участии Института истории Дальнего Востока."),
            vec![o("Института истории Дальнего Востока", Relation::Supporter)]
        );
    }

    #[test]
    fn marks_around_a_name_that_opens_with_its_head_are_the_texts() {
        assert_eq!(
            orgs(
                "Мероприятие прошло при поддержке «Группы строительных компаний ВИС». «Издательство «Слово» стало информационным партнером форума."
            ),
            vec![
                o("Группы строительных компаний ВИС", Relation::Supporter),
                o("Издательство «Слово»", Relation::Partner)
            ]
        );
    }

    #[test]
    fn supporters_in_the_genitive() {
        assert_eq!(
            orgs(
                "Конференция проводится при поддержке Правительства Москвы, Департамента внешнеэкономических и международных связей города Москвы и Московского Дома соотечественника."
            ),
            vec![
                o("Правительства Москвы", Relation::Supporter),
                o(
                    "Департамента внешнеэкономических и международных связей города Москвы",
                    Relation::Supporter
                ),
                o("Московского Дома соотечественника", Relation::Supporter),
            ]
        );
    }

    #[test]
    fn organizers_after_a_verb_and_those_who_joined() {
        assert_eq!(
            orgs(
                "Это событие традиционно организуют МГУ им. М.В. Ломоносова, ОИЯИ, Пущинский центр биологических исследований РАН, а в последние годы к ним присоединился и Университет «Дубна», став площадкой."
            ),
            vec![
                o("МГУ им. М.В. Ломоносова", Relation::Organizer),
                o("ОИЯИ", Relation::Organizer),
                o(
                    "Пущинский центр биологических исследований РАН",
                    Relation::Organizer
                ),
                o("Университет «Дубна»", Relation::Organizer),
            ]
        );
    }

    #[test]
    fn held_together_with_and_the_operator() {
        assert_eq!(
            orgs("Слёт проводился совместно с медовским Университетом пчеловодства."),
            vec![o("Университетом пчеловодства", Relation::Organizer)]
        );
        assert!(orgs("Слёт проводился совместно с пасечниками района.").is_empty());
        assert_eq!(
            orgs("Задачи оператора взял на себя Фонд «Медовый край» — известный институт развития."),
            vec![o("Фонд «Медовый край»", Relation::Organizer)]
        );
        assert_eq!(
            orgs("Оператором форума выступило Агентство «Соты»."),
            vec![o("Агентство «Соты»", Relation::Organizer)]
        );
        assert!(orgs("Оператором связи выступил МТС.").is_empty());
        assert_eq!(
            orgs("Слёт проходит под эгидой Союза пасечников России."),
            vec![o("Союза пасечников России", Relation::Organizer)]
        );
        assert!(orgs("Семинары проводятся под его эгидой.").is_empty());
        assert_eq!(
            orgs("Слёты запланированы районным союзом пасечников и проводятся под его эгидой."),
            vec![o("районным союзом пасечников", Relation::Organizer)]
        );
        assert!(orgs("Слёты запланированы местными жителями.").is_empty());
    }

    #[test]
    fn a_role_in_apposition_after_a_dash() {
        assert_eq!(
            orgs("По итогам выставки ОАО «Росагролизинг» - генеральный партнер форума - наградит лучших."),
            vec![o("ОАО «Росагролизинг»", Relation::Partner)]
        );
        assert!(orgs("Иван Петров - организатор форума - выступил первым.").is_empty());
    }

    #[test]
    fn organizers_named_and_together_with() {
        assert_eq!(
            orgs(
                "Организаторами форума выступило Минское отделение Белорусской торгово-промышленной палаты, совместно с Минским горисполкомом."
            ),
            vec![
                o(
                    "Минское отделение Белорусской торгово-промышленной палаты",
                    Relation::Organizer
                ),
                o("Минским горисполкомом", Relation::Organizer),
            ]
        );
        assert_eq!(
            orgs("Фонд «Развитие» и Томский университет организовали форум."),
            vec![
                o("Фонд «Развитие»", Relation::Organizer),
                o("Томский университет", Relation::Organizer)
            ]
        );
        assert!(orgs("Форум организовали при поддержке федерального и краевого правительства.").is_empty());
        assert!(orgs("Событие проходит на площадке «МинводыЭКСПО».").is_empty());
        assert!(orgs("Событие проходит на площадке выставочного центра «Экспо».").is_empty());
        assert_eq!(
            orgs("Партнёрами стали Фонд «Открытая книга» и издательство «Северный свет»."),
            vec![
                o("Фонд «Открытая книга»", Relation::Partner),
                o("Северный свет", Relation::Partner)
            ]
        );
        assert_eq!(
            orgs("Конференция прошла на базе Камчатского университета."),
            vec![o("Камчатского университета", Relation::Host)]
        );
    }

    #[test]
    fn descriptors_before_names_are_dropped() {
        assert_eq!(
            orgs(
                "Фестиваль прошел при поддержке «Объединения речных верфей», страхового общества Волгострах, образовательного консорциума «Nord» и компании «Речной порт»."
            ),
            vec![
                o("Объединения речных верфей", Relation::Supporter),
                o("Волгострах", Relation::Supporter),
                o("Nord", Relation::Supporter),
                o("Речной порт", Relation::Supporter),
            ]
        );
        // A capitalized word in the genitive after the noun is its complement, not a name.
        assert!(orgs("Форум прошел при поддержке центра Самары.").is_empty());
        assert_eq!(
            orgs("Слет прошел на базе детского центра «Звезда»."),
            vec![o("Звезда", Relation::Host)]
        );
    }

    #[test]
    fn a_dash_inside_a_name_does_not_end_the_list() {
        assert_eq!(
            orgs(
                "Организаторами выступили Совет округа, Ассамблея городов – членов союза и Правительство края."
            ),
            vec![
                o("Совет округа", Relation::Organizer),
                o("Ассамблея городов – членов союза", Relation::Organizer),
                o("Правительство края", Relation::Organizer),
            ]
        );
        assert_eq!(
            orgs("Организатором выступил Фонд «Север» – он же собрал участников."),
            vec![o("Фонд «Север»", Relation::Organizer)]
        );
    }

    #[test]
    fn an_acronym_after_the_title_owns_the_event() {
        assert_eq!(
            orgs("В Казани открылся «Форум идей» РСМ. Участники обсудили планы."),
            vec![o("РСМ", Relation::Organizer)]
        );
        assert_eq!(
            orgs("Начал работу слет \"Вектор\" ВОД."),
            vec![o("ВОД", Relation::Organizer)]
        );
        assert!(orgs("Открылся форум «Вектор» РФ.").is_empty());
        assert!(orgs("Вышел фильм «Вектор» ВГИК.").is_empty());
    }

    #[test]
    fn a_one_word_name_coined_from_stems() {
        assert_eq!(
            orgs("Организатором слета выступило Росмолодежь."),
            vec![o("Росмолодежь", Relation::Organizer)]
        );
        assert_eq!(
            orgs("Слет проводится при поддержке Сбербанка."),
            vec![o("Сбербанка", Relation::Supporter)]
        );
        // Head nouns of bodies beyond ministries and unions: a front, an organizing committee, a cluster.
        assert_eq!(
            orgs("Организатором слета выступил Общероссийский народный фронт."),
            vec![o("Общероссийский народный фронт", Relation::Organizer)]
        );
        assert_eq!(
            orgs("Слет проводится при поддержке Верхнеречного промышленного кластера."),
            vec![o("Верхнеречного промышленного кластера", Relation::Supporter)]
        );
        // A country, its adjective or a city is no such name.
        assert!(orgs("Слет проводится при поддержке России.").is_empty());
        assert!(orgs("Организатором слета выступил Ростов.").is_empty());
    }

    #[test]
    fn a_state_body_with_no_proper_name_and_supporters_after_their_verb() {
        assert_eq!(
            orgs("Организатором слета выступило региональное министерство рыболовства."),
            vec![o("региональное министерство рыболовства", Relation::Organizer)]
        );
        assert_eq!(
            orgs("Слет организован департаментом рыболовства области при поддержке городской администрации."),
            vec![
                o("департаментом рыболовства области", Relation::Organizer),
                o("городской администрации", Relation::Supporter),
            ]
        );
        // A kind of body alone names no one.
        assert!(orgs("Организатором слета выступило министерство.").is_empty());
        assert_eq!(
            orgs("Слет поддержали Правительство Верхнеречной области и Фонд «Север»."),
            vec![
                o("Правительство Верхнеречной области", Relation::Supporter),
                o("Фонд «Север»", Relation::Supporter),
            ]
        );
        assert_eq!(
            orgs("Слет подготовлен Палатой ремесел совместно с Союзом бортников."),
            vec![
                o("Палатой ремесел", Relation::Organizer),
                o("Союзом бортников", Relation::Organizer),
            ]
        );
        // An adverbial after a name that ends in a genitive does not continue it.
        assert_eq!(
            orgs(
                "Организаторами выступили Палата ремесел и Союз бортников и пасечников, с верхнеречной стороны."
            ),
            vec![
                o("Палата ремесел", Relation::Organizer),
                o("Союз бортников и пасечников", Relation::Organizer),
            ]
        );
    }

    #[test]
    fn state_bodies_in_lowercase_and_a_passive_with_its_agents() {
        assert_eq!(
            orgs(
                "Организатором слета стало правительство Верхнеречной области совместно с аппаратом уполномоченного Губернатора, Палатой ремесел и Союзом бортников."
            ),
            vec![
                o("правительство Верхнеречной области", Relation::Organizer),
                o("аппаратом уполномоченного Губернатора", Relation::Organizer),
                o("Палатой ремесел", Relation::Organizer),
                o("Союзом бортников", Relation::Organizer),
            ]
        );
        assert_eq!(
            orgs("Семинар организован Комитетом по пасекам совместно с Лесным университетом."),
            vec![
                o("Комитетом по пасекам", Relation::Organizer),
                o("Лесным университетом", Relation::Organizer),
            ]
        );
        // After a passive, a name not in the instrumental is the event itself.
        assert!(orgs("Мы узнали, как был организован ЛСФ в прошлом году.").is_empty());
        // The supporter's name ends where the event's predicate starts.
        assert_eq!(
            orgs("При поддержке администрации Озерного района пройдет II форум «Пасека»."),
            vec![o("администрации Озерного района", Relation::Supporter)]
        );
        // A lowercase body with a genitive after it names the region's own body.
        assert_eq!(
            orgs("Форум прошел при поддержке правительства региона."),
            vec![o("правительства региона", Relation::Supporter)]
        );
    }

    #[test]
    fn the_passive_of_provodit_with_its_agent() {
        assert_eq!(
            orgs("Слет проводится Союзом бортников при поддержке Фонда «Соты»."),
            vec![
                o("Союзом бортников", Relation::Organizer),
                o("Фонда «Соты»", Relation::Supporter),
            ]
        );
        assert_eq!(
            orgs("Семинар проведен Лесным университетом."),
            vec![o("Лесным университетом", Relation::Organizer)]
        );
        // No agent: how often, since when, in which format.
        assert!(orgs("Слет проводится в третий раз.").is_empty());
        assert!(orgs("Слет проводится с 1997 года и собирает пасечников.").is_empty());
        // The longer cue «проводилось совместно с» is still the one that reads the list.
        assert_eq!(
            orgs("Мероприятие проводилось совместно с Лесным университетом."),
            vec![o("Лесным университетом", Relation::Organizer)]
        );
    }

    #[test]
    fn an_anaphoric_noun_before_a_role_stands_for_the_name_before_it() {
        assert_eq!(
            orgs("Об этом сообщает пресс-служба Минпчелы РФ, ведомство выступает организатором слета."),
            vec![o("Минпчелы РФ", Relation::Organizer)]
        );
        // A name of its own after the comma is the one that holds the role.
        assert_eq!(
            orgs("Об этом сообщает пресс-служба Минпчелы РФ, Фонд «Соты» выступает организатором слета."),
            vec![o("Фонд «Соты»", Relation::Organizer)]
        );
    }

    #[test]
    fn a_league_is_an_organization() {
        assert_eq!(
            orgs("Традиционно организаторами форума выступили Минздрав России и Лига здоровья нации."),
            vec![
                o("Минздрав России", Relation::Organizer),
                o("Лига здоровья нации", Relation::Organizer)
            ]
        );
    }

    #[test]
    fn a_one_word_name_among_organizations_by_shape() {
        // One capitalized word with no head noun is a name when two members beside it are names by shape.
        assert_eq!(
            orgs("Слет организован Медоснабом, Фондом «Соты», Союзом бортников и Пасечным центром «Улей»."),
            vec![
                o("Медоснабом", Relation::Organizer),
                o("Фондом «Соты»", Relation::Organizer),
                o("Союзом бортников", Relation::Organizer),
                o("Пасечным центром «Улей»", Relation::Organizer),
            ]
        );
        assert_eq!(
            orgs("Слет прошел при поддержке Пчелснаба, Союза бортников и Фонда «Соты»."),
            vec![
                o("Пчелснаба", Relation::Supporter),
                o("Союза бортников", Relation::Supporter),
                o("Фонда «Соты»", Relation::Supporter),
            ]
        );
        // Beside a single name by shape it may be a person or a place: dropped.
        assert_eq!(
            orgs("Слет прошел при поддержке Петрова и Союза бортников."),
            vec![o("Союза бортников", Relation::Supporter)]
        );
        assert!(orgs("Слет организован Медоснабом.").is_empty());
    }

    #[test]
    fn roles_after_a_linking_verb_and_long_descriptions() {
        assert_eq!(
            orgs("«Издательство «Пчелиный вестник» стало информационным партнером слета."),
            vec![o("Издательство «Пчелиный вестник»", Relation::Partner)]
        );
        assert_eq!(
            orgs("Организатором выступил благотворительный фонд поддержки пасечников «Медовый край»."),
            vec![o("Медовый край", Relation::Organizer)]
        );
        assert!(orgs("Иван Сотов стал партнером компании.").is_empty());
    }

    #[test]
    fn an_organization_after_the_kind_of_event_owns_it() {
        assert_eq!(
            orgs("В Озерске состоится Съезд Союза пасечников Верхоречья. Делегаты обсудят планы."),
            vec![o("Союза пасечников Верхоречья", Relation::Organizer)]
        );
        assert_eq!(
            orgs("Дан старт Форуму Общественной палаты «Соты»."),
            vec![o("Общественной палаты", Relation::Organizer)]
        );
        // An adjective made from a head noun, or a country, does not own the event.
        assert!(orgs("Открылся форум Союзного государства.").is_empty());
        assert!(orgs("Прошел форум Российской Федерации и Китая.").is_empty());
    }

    #[test]
    fn a_cue_ending_in_a_colon_and_a_name_before_при() {
        assert_eq!(
            orgs("Организаторы слета: Фонд «Соты» и Союз пасечников."),
            vec![
                o("Фонд «Соты»", Relation::Organizer),
                o("Союз пасечников", Relation::Organizer)
            ]
        );
        assert_eq!(
            orgs("Партнеры слета: Банк «Улей»."),
            vec![o("Банк «Улей»", Relation::Partner)]
        );
        assert_eq!(
            orgs("Слет проводит Союз пасечников при участии Лесного университета."),
            vec![o("Союз пасечников", Relation::Organizer)]
        );
    }

    #[test]
    fn a_host_named_after_someone() {
        assert_eq!(
            orgs("Форум пройдет на площадке ОГУ им. И.П. Сотова в течение двух дней."),
            vec![o("ОГУ им. И.П. Сотова", Relation::Host)]
        );
    }

    #[test]
    fn an_institution_the_event_is_held_in_hosts_it() {
        assert_eq!(
            orgs("В этом году форум пройдет в Тула-ЭКСПО, в двух павильонах."),
            vec![o("Тула-ЭКСПО", Relation::Host)]
        );
        assert!(orgs("В этом году форум пройдет в Туле.").is_empty());
    }

    #[test]
    fn genitives_after_a_name_continue_it_and_a_preposition_holds_its_two_objects() {
        assert_eq!(
            orgs(
                "Организаторами мероприятия выступили Донецкий национальный университет, Международная славянская академия наук, образования, искусств и культуры, а также Ассоциация юридических вузов России."
            ),
            vec![
                o("Донецкий национальный университет", Relation::Organizer),
                o(
                    "Международная славянская академия наук, образования, искусств и культуры",
                    Relation::Organizer
                ),
                o("Ассоциация юридических вузов России", Relation::Organizer),
            ]
        );
        assert_eq!(
            orgs(
                "Выставка организована Московской палатой ремесел и Общественным советом по предпринимательству при мэре и правительстве Москвы."
            ),
            vec![
                o("Московской палатой ремесел", Relation::Organizer),
                o(
                    "Общественным советом по предпринимательству при мэре и правительстве Москвы",
                    Relation::Organizer
                ),
            ]
        );
        // A capitalized name after «и» is another name, and a clause after a comma continues none.
        assert_eq!(
            orgs("Организатором выступил Комитет по культуре и Министерство спорта."),
            vec![
                o("Комитет по культуре", Relation::Organizer),
                o("Министерство спорта", Relation::Organizer)
            ]
        );
        assert_eq!(
            orgs("Организатором выступило Министерство образования, участники обсудили реформу."),
            vec![o("Министерство образования", Relation::Organizer)]
        );
        // A lowercase clause after the list is no part of a name.
        assert_eq!(
            orgs("Организатором выступил Союз журналистов России, а участники обсудили новости."),
            vec![o("Союз журналистов России", Relation::Organizer)]
        );
    }

    #[test]
    fn a_short_description_before_a_name_in_straight_marks() {
        assert_eq!(
            orgs("Его организатором выступила экспертная инициатива \"Минский диалог\"."),
            vec![o("Минский диалог", Relation::Organizer)]
        );
        // An event named in marks, or a long title, is no organization.
        assert!(orgs("Организатором выступил форум \"Антиконтрафакт\".").is_empty());
        assert!(
            orgs("Организатором стала секция \"Серый импорт: вызовы для регулирования и пути усиления контроля\".")
                .is_empty()
        );
    }

    #[test]
    fn lowercase_agents_after_several_adjectives_or_completed_by_an_acronym() {
        assert_eq!(
            orgs("Слет организован областным краеведческим музеем и приурочен к юбилею района."),
            vec![o("областным краеведческим музеем", Relation::Organizer)]
        );
        assert_eq!(
            orgs("Конференция проведена институтом географии ВРАН при поддержке администрации."),
            vec![o("институтом географии ВРАН", Relation::Organizer)]
        );
        // A head noun completed by a proper name alone may be a place.
        assert!(orgs("Слет прошел при поддержке центра Заречья.").is_empty());
    }

    #[test]
    fn a_body_described_by_adjectives_before_its_name_in_marks() {
        assert_eq!(
            orgs(
                "Слет проводится по инициативе общественного движения «Гражданская инициатива «Север», ассоциации «Соты» при поддержке правительства области."
            ),
            vec![
                o(
                    "общественного движения «Гражданская инициатива «Север»",
                    Relation::Organizer
                ),
                o("ассоциации «Соты»", Relation::Organizer),
                o("правительства области", Relation::Supporter),
            ]
        );
        assert_eq!(
            orgs("Слет организован районным отделением «Союза пчеловодов»."),
            vec![o("районным отделением «Союза пчеловодов»", Relation::Organizer)]
        );
    }

    #[test]
    fn a_lowercase_word_in_marks_is_a_kind_of_event_not_a_name() {
        assert!(
            orgs("Главный федеральный инспектор провела «круглый стол», посвященный итогам года.").is_empty()
        );
        assert_eq!(
            orgs("Форум проводит «Газпром» при поддержке правительства Тверской области."),
            vec![
                o("«Газпром»", Relation::Organizer),
                o("правительства Тверской области", Relation::Supporter)
            ]
        );
    }
}
