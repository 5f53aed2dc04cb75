//! People mentioned as speakers: recognizing a person's name and role in attribution phrases
//! ("X said", "X, the ROLE, said", "according to X, the ROLE", "said X, ROLE"), and a registry of
//! those mentions in document order so that "he said" and "the minister said" can be resolved to the
//! last person named.
//!
//! Names are runs of capitalized words; a title in front of a name ("Russian Minister Konstantin
//! Noskov") becomes the role, honorifics ("Dr.", "Mr.") are dropped.

use std::sync::LazyLock;

use regex::Regex;

use super::text::{is_weekday, month_number, sentences};

/// A named person with an optional role, as found in an attribution.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Person {
    pub name: String,
    pub role: Option<String>,
}

/// Who an attribution points at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Subject {
    Named(Person),
    /// "he" / "she": the last person named.
    Pronoun,
    /// "the minister": the last person whose role contains this word.
    Nominal(String),
}

/// Speech verbs (third person, present and past) that attribute a quote.
pub(crate) const VERBS: &str = "said|says|stated|states|added|adds|noted|notes|explained|explains|told|tells|\
commented|comments|remarked|remarks|emphasi[sz]ed|emphasi[sz]es|stressed|stresses|declared|declares|\
announced|announces|observed|observes|pointed out|points out|continued|continues|concluded|concludes|\
argued|argues|asserted|asserts|warned|warns|insisted|insists|acknowledged|acknowledges|recalled|recalls|\
urged|urges|affirmed|affirms|mentioned|mentions|highlighted|highlights|underlined|underlines|\
underscored|underscores|believes|wrote|writes|replied|replies|answered|answers|confirmed|confirms|\
predicted|predicts|suggested|suggests|reiterated|reiterates|admitted|admits|revealed|reveals|\
elaborated|explained|opined|quipped|cautioned|cautions";

/// A speech verb anywhere.
pub(crate) static VERB: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"(?i)\b(?:{VERBS})\b")).expect("verb regex"));

/// One capitalized name word: an initial or a known abbreviation with its period ("J.", "Dr."), a
/// word, or a lone capital. Other words never take the period, which may end the sentence ("… said
/// Jane Doe.").
const NAME_TOKEN: &str = r"(?:\p{Lu}\.|(?:Mr|Mrs|Ms|Dr|Jr|Sr|St|Prof|Gen|Sen|Rep|Gov|Col|Capt|Lt|Hon)\.|\p{Lu}[\p{L}\p{M}'’\-]*[\p{L}\p{M}]|\p{Lu})";

/// A run of capitalized words, allowing lowercase name particles ("Ursula von der Leyen").
pub(crate) static NAME: LazyLock<Regex> = LazyLock::new(|| {
    let particles = "de|da|del|della|der|den|di|du|dos|das|la|le|van|von|bin|ibn|al|el|ter|ten";
    Regex::new(&format!(
        r"\b{NAME_TOKEN}(?:\s+(?:(?:{particles})\s+){{0,2}}{NAME_TOKEN}){{0,5}}"
    ))
    .expect("name regex")
});

static PRONOUN_END: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)(?:^|[^\p{L}])(?:he|she)$").expect("pronoun regex"));
static NOMINAL_END: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\bthe\s+([\p{L}\-]+)$").expect("nominal regex"));

/// Words that make a phrase a job title or role.
const TITLE_WORDS: &[&str] = &[
    "president", "minister", "secretary", "ambassador", "governor", "mayor", "senator", "professor",
    "director", "chairman", "chairwoman", "chair", "chairperson", "ceo", "cto", "cfo", "coo", "cio",
    "ciso", "cmo", "chief", "executive", "deputy", "vice", "general", "commissioner", "chancellor",
    "premier", "prime", "king", "queen", "prince", "princess", "sheikh", "founder", "co-founder",
    "cofounder", "head", "spokesperson", "spokesman", "spokeswoman", "manager", "officer", "envoy",
    "representative", "counsellor", "counselor", "rector", "dean", "secretary-general",
    "director-general", "leader", "partner", "analyst", "researcher", "expert", "editor",
    "correspondent", "member", "advisor", "adviser", "consultant", "coordinator", "engineer",
    "scientist", "economist", "lead", "principal", "owner", "vp", "evp", "svp", "md", "fellow",
    "official", "delegate", "lecturer", "strategist", "architect", "attorney", "lawyer", "mp", "mep",
    "sen.", "rep.", "gov.", "gen.", "president-elect", "chairman-elect", "administrator", "governor-general",
];

/// Honorifics dropped from names; they are not roles.
const HONORIFICS: &[&str] = &["mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame", "h.e", "hon", "messrs"];

/// Capitalized words that start sentences or clauses but are not part of a name.
const NOT_NAMES: &[&str] = &[
    "the", "a", "an", "this", "that", "these", "those", "it", "he", "she", "we", "they", "i", "you",
    "his", "her", "their", "our", "its", "my", "today", "yesterday", "tomorrow", "meanwhile", "however",
    "also", "later", "then", "now", "here", "there", "earlier", "finally", "moreover", "furthermore",
    "additionally", "in", "at", "on", "as", "and", "but", "so", "when", "while", "after", "before",
    "speaking", "addressing", "according", "both", "all", "some", "many", "one", "other", "such",
    "what", "which", "who", "if", "for", "with", "by", "from", "to", "of", "last", "next", "during",
];

pub(crate) fn is_title_word(word: &str) -> bool {
    let w = word.trim_end_matches([',', ';', ':']).to_lowercase();
    TITLE_WORDS.contains(&w.as_str()) || TITLE_WORDS.contains(&w.trim_end_matches('.'))
}

fn is_honorific(word: &str) -> bool {
    HONORIFICS.contains(&word.trim_end_matches('.').to_lowercase().as_str())
}

/// Months and weekdays are not names; only full names count, so "May" (Theresa May) and "Sun" (a
/// common surname) stay possible.
fn is_not_name(word: &str) -> bool {
    let w = word.trim_end_matches('.').to_lowercase();
    let calendar = w.len() > 3 && w != "may" && (month_number(&w).is_some() || is_weekday(&w));
    NOT_NAMES.contains(&w.as_str()) || calendar
}

/// Turns a raw capitalized run into a person: drops leading non-name words and honorifics, moves a
/// leading title ("Russian Minister") into the role when no role is given.
pub(crate) fn make_person(raw: &str, role: Option<String>) -> Option<Person> {
    let mut tokens: Vec<&str> = raw.split_whitespace().collect();
    while tokens.first().is_some_and(|t| is_not_name(t) || is_honorific(t)) {
        tokens.remove(0);
    }
    // The last title word that still leaves a name after it splits title from name.
    let split = tokens
        .iter()
        .enumerate()
        .take(tokens.len().saturating_sub(1))
        .filter(|(_, t)| is_title_word(t))
        .map(|(i, _)| i + 1)
        .next_back();
    let mut role = role;
    if let Some(k) = split {
        let title: Vec<&str> = tokens[..k].iter().copied().filter(|t| !is_honorific(t)).collect();
        if role.is_none() && !title.is_empty() {
            role = Some(title.join(" "));
        }
        tokens.drain(..k);
    }
    tokens.retain(|t| !is_honorific(t));
    if tokens.is_empty() || tokens.len() > 5 || tokens.iter().any(|t| is_not_name(t)) {
        return None;
    }
    let name = tokens.join(" ");
    let name = name.trim_end_matches(['’', '\'']).to_string();
    if name.chars().any(|c| c.is_ascii_digit()) || is_title_word(&name) {
        return None;
    }
    Some(Person { name, role })
}

/// Cleans a role phrase: trims punctuation, drops a leading article, rejects what is clearly not a
/// role (too long, quoted, a clause).
pub(crate) fn clean_role(raw: &str) -> Option<String> {
    let mut r = super::text::collapse_ws(raw);
    r = r.trim_matches(|c: char| c.is_whitespace() || matches!(c, ',' | '.' | ';' | ':' | '-' | '–' | '—')).to_string();
    for article in ["the ", "The ", "a ", "A ", "an ", "An "] {
        if let Some(rest) = r.strip_prefix(article) {
            r = rest.to_string();
            break;
        }
    }
    let words = r.split_whitespace().count();
    if r.is_empty() || words > 20 || r.len() > 160 || r.chars().any(super::quoted::is_quote_mark) {
        return None;
    }
    Some(r)
}

/// Whether a phrase found in apposition reads like a role: it starts with an article or a title word,
/// or contains one.
fn strict_role(raw: &str) -> bool {
    let first = raw.split_whitespace().next().unwrap_or("").to_lowercase();
    matches!(first.as_str(), "the" | "a" | "an") || raw.split_whitespace().any(is_title_word)
}

/// The role in an apposition that runs to the end of a sentence ("X, the ROLE." / "X, ROLE, adding"):
/// the first comma-separated segment plus following segments that start uppercase (a role may contain
/// commas: "Minister of Digital Development, Communications and Mass Media").
fn trailing_role(rest: &str) -> Option<String> {
    let sentence = sentences(rest).into_iter().next().unwrap_or("");
    let sentence = sentence.split([';', ':', '(', '“', '”', '"', '«']).next().unwrap_or("");
    let sentence = ["who is ", "who was ", "who serves as ", "now "]
        .iter()
        .find_map(|p| sentence.strip_prefix(p))
        .unwrap_or(sentence);
    let mut parts = sentence.split(", ");
    let mut role = parts.next()?.to_string();
    let first = role.split_whitespace().next().unwrap_or("");
    let starts_ok = super::text::starts_upper(first) || is_title_word(first) || strict_role(first);
    if !starts_ok {
        return None;
    }
    for part in parts {
        let word = part.split_whitespace().next().unwrap_or("");
        if !super::text::starts_upper(word) || is_not_name(word) {
            break;
        }
        role.push_str(", ");
        role.push_str(part);
    }
    clean_role(&role)
}

/// A person named at the very start of `s` ("Konstantin Noskov, the Russian Minister of …"), with a
/// role in apposition when present.
pub(crate) fn leading_person(s: &str) -> Option<Person> {
    let s = s.trim_start();
    let m = NAME.find(s).filter(|m| m.start() == 0)?;
    let rest = &s[m.end()..];
    let role = if let Some(r) = rest.strip_prefix(", ") {
        trailing_role(r)
    } else if let Some(r) = rest.strip_prefix(" (") {
        r.split(')').next().and_then(clean_role)
    } else {
        None
    };
    make_person(m.as_str(), role)
}

/// The subject that ends `pre` (the text just before a speech verb), if it is a person, a pronoun or
/// "the <title>". Also returns where the subject starts in `pre`.
pub(crate) fn subject_before(pre: &str) -> Option<(Subject, usize)> {
    let pre = pre.trim_end();
    if let Some(m) = PRONOUN_END.find(pre) {
        let start = m.start() + pre[m.start()..].find(|c: char| c.is_alphabetic()).unwrap_or(0);
        return Some((Subject::Pronoun, start));
    }
    if let Some(c) = NOMINAL_END.captures(pre) {
        let word = c.get(1).map_or("", |w| w.as_str());
        if is_title_word(word) {
            return Some((Subject::Nominal(word.to_lowercase()), c.get(0).map_or(0, |m| m.start())));
        }
    }
    if let Some(inner) = pre.strip_suffix(',') {
        return apposition(inner);
    }
    if let Some(inner) = pre.strip_suffix(')') {
        let open = inner.rfind('(')?;
        let name_part = inner[..open].trim_end();
        let m = NAME.find_iter(name_part).last().filter(|m| m.end() == name_part.len())?;
        let person = make_person(m.as_str(), clean_role(&inner[open + 1..]))?;
        return Some((Subject::Named(person), m.start()));
    }
    let m = NAME.find_iter(pre).last().filter(|m| m.end() == pre.len())?;
    let person = make_person(m.as_str(), None)?;
    Some((Subject::Named(person), m.start()))
}

/// "NAME, ROLE" (the text before the comma that precedes the verb): the last name followed by a
/// plausible role; failing that, the last name followed by a comma-free capitalized phrase ("Jane Doe,
/// Acme Inc.").
fn apposition(inner: &str) -> Option<(Subject, usize)> {
    let names: Vec<_> = NAME.find_iter(inner).collect();
    let candidate = |strict: bool| {
        names.iter().rev().find_map(|m| {
            let role = inner[m.end()..].strip_prefix(", ")?;
            let ok = if strict { strict_role(role) } else { !role.contains(',') && super::text::starts_upper(role) };
            if !ok {
                return None;
            }
            let person = make_person(m.as_str(), clean_role(role))?;
            Some((Subject::Named(person), m.start()))
        })
    };
    candidate(true).or_else(|| candidate(false))
}

/// People named in one paragraph, with their byte offsets, in order: speakers in attribution
/// phrases ("according to X, ROLE", "X (, ROLE,) said", "…,” said X") and people introduced with a
/// title or a role ("Prime Minister António Costa opened …", "Jane Doe, Director of X, presented …"),
/// since "he said" may refer to any of them.
pub(crate) fn mentions(text: &str) -> Vec<(usize, Person)> {
    static ACCORDING: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?i)\baccording\s+to\s+").expect("according regex"));
    let mut out = Vec::new();
    for m in ACCORDING.find_iter(text) {
        if let Some(p) = leading_person(&text[m.end()..]) {
            out.push((m.start(), p));
        }
    }
    for m in VERB.find_iter(text) {
        let pre = super::text::tail(&text[..m.start()], 300);
        let pre = sentences(pre).pop().unwrap_or("");
        if let Some((Subject::Named(p), _)) = subject_before(pre) {
            out.push((m.start(), p));
        } else if text[..m.start()].trim_end().ends_with([',', '”', '"'])
            && let Some(p) = leading_person(&text[m.end()..])
        {
            out.push((m.start(), p));
        }
    }
    for m in NAME.find_iter(text) {
        let introduced = match text[m.end()..].strip_prefix(", ") {
            Some(rest) => trailing_role(rest)
                .filter(|r| strict_role(r))
                .and_then(|r| make_person(m.as_str(), Some(r))),
            // A title in front of the name: make_person moves it into the role.
            None => make_person(m.as_str(), None).filter(|p| p.role.is_some()),
        };
        if let Some(p) = introduced {
            out.push((m.start(), p));
        }
    }
    out.sort_by_key(|(off, _)| *off);
    out
}

/// Person mentions in document order, keyed by (paragraph index, byte offset), plus every
/// multi-word name seen, for expanding a bare surname.
#[derive(Debug, Default)]
pub(crate) struct Registry {
    mentions: Vec<((usize, usize), Person)>,
    full_names: Vec<String>,
}

impl Registry {
    /// Records the people of paragraph `para`; paragraphs must be scanned in order.
    pub fn scan(&mut self, para: usize, text: &str) {
        self.mentions.extend(mentions(text).into_iter().map(|(off, p)| ((para, off), p)));
        for m in NAME.find_iter(text) {
            if let Some(p) = make_person(m.as_str(), None)
                && p.name.contains(' ')
                && !self.full_names.contains(&p.name)
                && self.full_names.len() < 1000
            {
                self.full_names.push(p.name);
            }
        }
    }

    fn before(&self, pos: (usize, usize)) -> &[((usize, usize), Person)] {
        let n = self.mentions.partition_point(|(k, _)| *k < pos);
        &self.mentions[..n]
    }

    /// Resolves a subject at `pos` to a person: pronouns to the last person named before, "the
    /// minister" to the last person whose role says so, names completed from other mentions.
    pub fn resolve(&self, subject: Subject, pos: (usize, usize)) -> Option<Person> {
        let earlier = self.before(pos);
        let person = match subject {
            Subject::Pronoun => earlier.last().map(|(_, p)| p.clone())?,
            Subject::Nominal(word) => earlier.iter().rev().take(200).find_map(|(_, p)| {
                let role = p.role.as_deref()?.to_lowercase();
                role.split(|c: char| !c.is_alphanumeric() && c != '-')
                    .any(|w| w == word)
                    .then(|| p.clone())
            })?,
            Subject::Named(p) => p,
        };
        Some(self.complete(person))
    }

    /// Expands a surname to the full name mentioned anywhere ("Berg" → "Anna Berg"), preferring
    /// people with a role, and fills a missing role from another mention of the same person.
    fn complete(&self, p: Person) -> Person {
        let recent = || self.mentions.iter().rev().take(500).map(|(_, k)| k);
        let surname_of = |full: &str| full.contains(' ') && full.rsplit(' ').next() == Some(p.name.as_str());
        let name = if p.name.contains(' ') {
            p.name
        } else if let Some(k) = recent().find(|k| surname_of(&k.name)) {
            k.name.clone()
        } else {
            self.full_names.iter().find(|n| surname_of(n)).cloned().unwrap_or(p.name)
        };
        let role = p
            .role
            .or_else(|| recent().find(|k| k.name == name && k.role.is_some()).and_then(|k| k.role.clone()));
        Person { name, role }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn named(pre: &str) -> Option<Person> {
        match subject_before(pre)?.0 {
            Subject::Named(p) => Some(p),
            _ => None,
        }
    }

    #[test]
    fn title_before_name_becomes_role() {
        let p = named("Yesterday Russian Minister Konstantin Noskov").expect("person");
        assert_eq!(p.name, "Konstantin Noskov");
        assert_eq!(p.role.as_deref(), Some("Russian Minister"));
        let p = named("Dr. Jane Doe").expect("person");
        assert_eq!((p.name.as_str(), p.role), ("Jane Doe", None));
    }

    #[test]
    fn apposition_role_with_inner_commas() {
        let p = named("Later, Konstantin Noskov, the Russian Minister of Digital Development, Communications and Mass Media,")
            .expect("person");
        assert_eq!(p.name, "Konstantin Noskov");
        assert_eq!(
            p.role.as_deref(),
            Some("Russian Minister of Digital Development, Communications and Mass Media")
        );
        let p = named("Jane Doe, Acme Inc.,").expect("person");
        assert_eq!(p.role.as_deref(), Some("Acme Inc"));
    }

    #[test]
    fn pronouns_and_nominals() {
        assert_eq!(subject_before("In Shanghai, he").map(|s| s.0), Some(Subject::Pronoun));
        assert_eq!(
            subject_before("Later the minister").map(|s| s.0),
            Some(Subject::Nominal("minister".into()))
        );
        assert!(subject_before("the company").is_none());
    }

    #[test]
    fn according_to_mention_keeps_role_to_sentence_end() {
        let m = mentions("Growth is near, according to John Smith, the CEO of Foo, Inc. Next sentence.");
        assert!(!m.is_empty());
        assert!(m.iter().all(|(_, p)| p.name == "John Smith" && p.role.as_deref() == Some("CEO of Foo, Inc")));
    }

    #[test]
    fn registry_resolves_surname_and_pronoun() {
        let mut r = Registry::default();
        r.scan(0, "Hi. Jane Doe, the CEO, said so.");
        let p = r.resolve(Subject::Named(Person { name: "Doe".into(), role: None }), (1, 0));
        assert_eq!(p, Some(Person { name: "Jane Doe".into(), role: Some("CEO".into()) }));
        assert_eq!(r.resolve(Subject::Pronoun, (0, 2)), None);
        assert!(r.resolve(Subject::Pronoun, (0, 20)).is_some());
    }
}
