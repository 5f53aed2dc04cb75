//! Attribution phrases around a quote: who said it, from the words right after the closing mark ("…,”
//! said X", "…,” X, ROLE, said", "…,” he added", "…”, according to X", "…” — X, ROLE"), right before the
//! opening one ("X said:", "X stated that", "According to X,"), or anywhere in its sentence for a long
//! quote. Turning the subject into a person is [`super::registry`]'s job.

use regex::Regex;

use crate::transient::Transient;

use super::people::{self, ACCORDING, Subject, VERB, WORDS_OF};
use super::quoted;
use super::sentences::{first_sentence, sentences};
use super::text::{has_words, head};

/// What follows a speech verb before a quote: nothing, "that", a short object and "that" ("told the
/// audience that"), or a short adverbial ending in ":"/"," ("told reporters in Beijing:").
static AFTER_VERB_TO_QUOTE: Transient = Transient::new(|| {
    Regex::new(r#"(?i)^(?:(?:\s+that)?\s*[:,]?\s*|[^.!?“”"«»;]*[:,]\s*|(?:\s+[\p{L}’'\-]+){1,4}\s+that\s*)$"#)
        .expect("tail regex")
});

/// Patterns for what follows a closing mark: "said …", "he …", "the minister …".
static LEADING_VERB: Transient = Transient::new(|| {
    Regex::new(&format!(r"(?i)^(?:{})(?-u:\b)\s*", people::VERBS)).expect("leading verb regex")
});
static LEADING_PRONOUN: Transient =
    Transient::new(|| Regex::new(r"(?i)^(?:he|she)(?-u:\b)").expect("leading pronoun regex"));
static LEADING_NOMINAL: Transient =
    Transient::new(|| Regex::new(r"(?i)^the\s+([\p{L}\-]+)(?-u:\b)").expect("leading nominal regex"));

/// A source that reports the speaker's words: "TASS cited Doe as saying", "the agency quoted him as
/// telling reporters", "the statement quoted Jane Doe, ROLE". The speaker is the object, between the verb
/// and "as" or the comma of an apposition.
static CITED_AS: Transient = Transient::new(|| {
    Regex::new(r"^(?:[\p{L}\-.’']+\s+){1,5}?(?:cited|quoted|quotes|cites)\s+(?P<p>[^,.;:“”\x22]{2,80}?)(?:\s+as\s+(?:saying|telling|stating|writing)(?-u:\b)|\s*[,.;]|\s*$)")
        .expect("cited as regex")
});

/// Attribution right after the closing mark: "…,” said X", "…,” X said", "…,” he added",
/// "…”, according to X", "…” — X, ROLE".
pub(super) fn from_after(after: &str) -> Option<Subject> {
    let s = after.trim_start().trim_start_matches([',', ' ', '—', '–', '-']);
    if let Some(m) = ACCORDING.get().find(s).filter(|m| m.start() == 0) {
        return people::leading_person(&s[m.end()..]).map(Subject::Named);
    }
    // "…,” TASS cited Doe as saying": a source reports the speaker, who is the object of its verb.
    if let Some(p) = CITED_AS.get().captures(s).and_then(|c| c.name("p")) {
        let p = p.as_str();
        return if matches!(p.to_lowercase().as_str(), "him" | "her") {
            Some(Subject::Pronoun)
        } else {
            people::leading_person(p)
                .or_else(|| people::titled_after_verb(p))
                .map(Subject::Named)
        };
    }
    if let Some(m) = LEADING_VERB.get().find(s) {
        let rest = &s[m.end()..];
        if LEADING_PRONOUN.get().is_match(rest) {
            return Some(Subject::Pronoun);
        }
        if let Some(c) = LEADING_NOMINAL.get().captures(rest) {
            let word = c.get(1).map_or("", |w| w.as_str());
            if people::is_title_word(word) {
                return Some(Subject::Nominal(word.to_lowercase()));
            }
        }
        // "said organizer Jane Doe": a lowercase role may stand before the name.
        return people::titled_after_verb(rest)
            .or_else(|| speaker_after_verb(rest))
            .or_else(|| role_then_name(rest))
            .map(Subject::Named);
    }
    // "— Jane Doe, CEO of Foo" testimonial style.
    if after.trim_start().starts_with(['—', '–', '-']) {
        return people::leading_person(s).map(Subject::Named);
    }
    // "X said" / "X, ROLE, said" / "he said": the subject must start right after the quote, or after a
    // short descriptor that is its role ("Indian tycoon Mukesh Ambani told …").
    let first = first_sentence(head(s, 250));
    let verb = VERB.get().find(first)?;
    let (subject, start) = people::subject_before(&first[..verb.start()])?;
    let descriptor = first[..start].trim();
    match subject {
        _ if start == 0 => Some(subject),
        Subject::Named(mut p) if has_role_shape(descriptor) => {
            p.role = p.role.or_else(|| people::clean_role(descriptor));
            Some(Subject::Named(p))
        }
        _ => None,
    }
}

/// A few words without punctuation or function words ("Indian tycoon", not "The report by"), which may
/// stand before a name as its role.
fn has_role_shape(words: &str) -> bool {
    let function = |w: &str| {
        matches!(
            w.to_lowercase().as_str(),
            "by" | "of"
                | "in"
                | "at"
                | "on"
                | "for"
                | "to"
                | "the"
                | "a"
                | "an"
                | "and"
                | "with"
                | "from"
                | "as"
        )
    };
    // "Guatemala's economy minister": a capitalized owner's possessive may open the role.
    let bare = words
        .split_once(' ')
        .filter(|(owner, _)| {
            owner.starts_with(char::is_uppercase) && (owner.ends_with("'s") || owner.ends_with("’s"))
        })
        .map_or(words, |(_, rest)| rest);
    !bare.is_empty()
        && !has_words(words, 5)
        && !bare.contains(|c: char| c.is_ascii_punctuation() || is_quote_mark_char(c))
        && !bare.split_whitespace().any(function)
}

fn is_quote_mark_char(c: char) -> bool {
    quoted::is_quote_mark(c) || matches!(c, '‘' | '’')
}

/// Attribution ending right before the opening mark: "X said:", "X stated that", "he added,",
/// "According to X,".
pub(super) fn from_before(before: &str) -> Option<Subject> {
    let sentence = sentences(before).pop().unwrap_or("");
    let verb = VERB
        .get()
        .find_iter(sentence)
        .filter(|m| {
            sentence.len() - m.end() <= 80 && AFTER_VERB_TO_QUOTE.get().is_match(&sentence[m.end()..])
        })
        .last();
    if let Some(verb) = verb {
        let pre = &sentence[..verb.start()];
        // A lone word before the verb ("… Secretary of Ministry of Tourism and Wildlife noted") may end
        // the description of a full name that opens the sentence.
        return match people::subject_before(pre) {
            Some((Subject::Named(p), _)) if !p.name.contains(' ') => {
                described_opener(pre).or(Some(Subject::Named(p)))
            }
            Some((s, _)) => Some(s),
            None => coordinated_subject(pre)
                .or_else(|| described_opener(pre))
                .or_else(|| comma_before_verb(pre)),
        };
    }
    let source = ACCORDING.get().find_iter(sentence).last().or_else(|| {
        sentence
            .contains("words of")
            .then(|| WORDS_OF.get().find_iter(sentence).last())
            .flatten()
    });
    let Some(m) = source else {
        // "Ola Hansen, the head of research at Telenor, took a more cautious line: “…”".
        // "He summed up his position: “…”": a sentence led by a pronoun and ending in a colon.
        if !sentence.trim_end().ends_with(':') {
            return None;
        }
        if LEADING_PRONOUN.get().is_match(sentence.trim_start()) {
            return Some(Subject::Pronoun);
        }
        let person = people::leading_person(sentence).filter(|p| p.role.is_some() || p.name.contains(' '));
        return person.map(Subject::Named);
    };
    let person = people::leading_person(&sentence[m.end()..])?;
    // The name (and role) must run up to the quote: "According to X, the CEO, “…”".
    let rest = &sentence[m.end()..];
    let covered = rest.contains(&person.name)
        && person.role.as_ref().is_none_or(|r| rest.contains(r.as_str()))
        && rest.trim_end().ends_with([',', ':']);
    covered.then_some(Subject::Named(person))
}

/// A name alone before a comma and the verb: "Ms. Jane Doe, noted that “…”".
fn comma_before_verb(pre: &str) -> Option<Subject> {
    let body = pre.trim_end().strip_suffix(',')?.trim_start();
    let body = body
        .split_once(' ')
        .filter(|(first, _)| people::is_honorific(first.trim_end_matches('.')))
        .map_or(body, |(_, rest)| rest);
    let (subject, rest) = opening_subject(body)?;
    let named = matches!(&subject, Subject::Named(p) if p.name.contains(' '));
    (named && rest.trim().is_empty()).then_some(subject)
}

/// The subject of a sentence whose speech verb is the second of two joined by "and": "Orrin turned to
/// a neighbour and said, “…”", "She stood up and added: “…”". The name (or he/she) opens the sentence
/// and a lowercase verb follows it; the first predicate is short and has no comma or quotation.
fn coordinated_subject(pre: &str) -> Option<Subject> {
    let pre = pre.trim_end();
    let body = pre.strip_suffix(" and")?.trim_start();
    if has_words(body, 13) || body.contains([',', ';', ':']) || body.contains(is_quote_mark_char) {
        return None;
    }
    let (subject, predicate) = opening_subject(body)?;
    opens_with_verb(predicate, &["of", "and", "for", "the", "&"]).then_some(subject)
}

/// A sentence that opens with a person and describes them up to the verb: "Dr Jane Doe of the Vell
/// Institute, and organiser of the Vell Symposium said:". After the name come only capitalized words,
/// title words and the words that join them; any other lowercase word may be a verb of a clause.
fn described_opener(pre: &str) -> Option<Subject> {
    let pre = pre.trim();
    let m = people::names(pre).next().filter(|m| m.start() == 0)?;
    let rest = &pre[m.end()..];
    let title = |w: &str| {
        // Each part of a hyphenated word ("manager-global"), or the word itself.
        w.split('-').any(people::is_title_word)
            || matches!(
                w,
                "organiser" | "organizer" | "convener" | "convenor" | "curator" | "moderator" | "facilitator"
            )
    };
    // Each part between commas is capitalized words, title words and the words that join them, or a
    // short role in lowercase with a title word in it ("business development manager-global markets").
    let part = |seg: &str| {
        let words: Vec<&str> = seg
            .split_whitespace()
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-'))
            .filter(|w| !w.is_empty())
            .collect();
        words.iter().all(|w| {
            w.starts_with(char::is_uppercase)
                || matches!(
                    *w,
                    "of" | "the" | "and" | "for" | "at" | "from" | "in" | "on" | "&"
                )
                || title(w)
        }) || (words.len() <= 8 && words.iter().any(|w| title(w)))
    };
    let described = [" of ", " from ", " at ", ", "]
        .iter()
        .any(|p| rest.starts_with(p))
        && !has_words(rest, 16)
        && !rest.contains(is_quote_mark_char)
        && rest.split(", ").all(part);
    if !described {
        return None;
    }
    // The role is the last title after a comma ("organiser of the Vell Symposium"), else the body.
    let rest = rest.trim_start_matches([',', ' ']);
    let role = rest
        .rsplit_once(", ")
        .map(|(_, last)| last.strip_prefix("and ").unwrap_or(last))
        .filter(|last| last.starts_with(char::is_lowercase))
        .or_else(|| ["of ", "from ", "at "].iter().find_map(|p| rest.strip_prefix(p)))
        .and_then(people::clean_role);
    let person = people::make_person(m.as_str(), role)?;
    person.name.contains(' ').then_some(Subject::Named(person))
}

/// The subject a clause opens with, "he"/"she" or a name, and the rest of the clause after it.
fn opening_subject(body: &str) -> Option<(Subject, &str)> {
    if let Some(m) = LEADING_PRONOUN.get().find(body) {
        return Some((Subject::Pronoun, &body[m.end()..]));
    }
    let m = people::names(body).next().filter(|m| m.start() == 0)?;
    let person = people::make_person(m.as_str(), None)?;
    Some((Subject::Named(person), &body[m.end()..]))
}

/// Whether the rest of a clause after its subject is a predicate: a space, then a lowercase word that is
/// none of `not_verbs` (words that go on a name rather than follow it).
fn opens_with_verb(predicate: &str, not_verbs: &[&str]) -> bool {
    predicate.starts_with(' ')
        && predicate
            .split_whitespace()
            .next()
            .is_some_and(|verb| verb.starts_with(char::is_lowercase) && !not_verbs.contains(&verb))
}

/// The person a quote's sentence opens with, when no speech verb attributes it: "Summers nodded to the
/// founders who built “a new way of thinking”", "She described the day as “a turning point”". The
/// sentence up to the quote opens with a name or "he"/"she" followed directly by a lowercase predicate (a
/// role in apposition after the name gives none), and holds no other quotation. The caller takes the name
/// only when it resolves to a person known by full name or with a role.
pub(super) fn from_subject(before: &str) -> Option<Subject> {
    let sentence = sentences(before).pop().unwrap_or("").trim_start();
    if sentence.contains(is_quote_mark_char) || !has_words(sentence, 3) || has_words(sentence, 40) {
        return None;
    }
    let (subject, predicate) = opening_subject(sentence)?;
    // "Jane Doe, director of the Vell Archive, spoke next.": the verb after an apposition.
    let predicate = match predicate.strip_prefix(", ") {
        Some(rest) => rest
            .get(..rest.len().min(100))
            .and_then(|head| head.find(", "))
            .map_or(predicate, |i| &rest[i + 1..]),
        None => predicate,
    };
    opens_with_verb(predicate, &["of", "and", "for", "the", "&", "de", "van", "von"]).then_some(subject)
}

/// A speaker named anywhere in the quote's sentence: "Smith said the plan was “…”." or "According to
/// Smith, the plan is “…”". Only used for long spans.
pub(super) fn from_sentence(before: &str, after: &str) -> Option<Subject> {
    let sentence = sentences(before).pop().unwrap_or("");
    for verb in VERB
        .get()
        .find_iter(sentence)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
    {
        if let Some((subject, _)) = people::subject_before(&sentence[..verb.start()]) {
            return Some(subject);
        }
        // "… is not possible, said Mayor Jane Doe as she opened the fair. “…”": the speaker after the
        // verb, in the sentence the quote follows (unless that sentence has a quote of its own, which
        // the next one continues; "said Jane Doe." after a quote is such a sentence's tail).
        let own_sentence = sentence.trim_start().starts_with(|c: char| c.is_uppercase());
        if own_sentence
            && !people::addresses(verb.as_str())
            && !sentence.contains(is_quote_mark_char)
            && let Some(person) = speaker_after_verb(&sentence[verb.end()..])
        {
            return Some(Subject::Named(person));
        }
    }
    if let Some(m) = ACCORDING.get().find(sentence) {
        return people::leading_person(&sentence[m.end()..]).map(Subject::Named);
    }
    let clause = first_sentence(after);
    let m = ACCORDING.get().find(clause)?;
    people::leading_person(&clause[m.end()..]).map(Subject::Named)
}

/// The person after a role and a comma that follow a speech verb: "said head of the Medical Association,
/// Dr. Marcus Cooper". The role opens with a lowercase title word (after "the"), and holds no sentence
/// punctuation.
fn role_then_name(rest: &str) -> Option<people::Person> {
    let (role, name) = rest.trim_start().split_once(", ")?;
    let first = role.split_whitespace().find(|w| !w.eq_ignore_ascii_case("the"))?;
    let shaped = first.starts_with(char::is_lowercase)
        && people::is_title_word(first)
        && role.len() <= 80
        && !role.contains(['.', ';', ':', '!', '?', '“', '”', '"']);
    if !shaped {
        return None;
    }
    let mut p = people::leading_person(name)?;
    p.role = p.role.or_else(|| people::clean_role(role));
    Some(p)
}

/// The person right after a speech verb: a full name after a role of capitalized and title words
/// ("UCT vice-chancellor Professor Jane Doe"), else the person [`people::leading_person`] finds.
fn speaker_after_verb(rest: &str) -> Option<people::Person> {
    let rest = rest.trim_start();
    // Words of a role: no punctuation, no word that opens a clause or a phrase of its own.
    let role_word = |w: &str| {
        w.chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '’' | '\'' | '&'))
            && !matches!(
                w.to_lowercase().as_str(),
                "the"
                    | "a"
                    | "an"
                    | "as"
                    | "that"
                    | "who"
                    | "which"
                    | "when"
                    | "while"
                    | "and"
                    | "but"
                    | "in"
                    | "on"
                    | "at"
                    | "to"
                    | "after"
                    | "before"
                    | "during"
                    | "with"
            )
    };
    for m in people::names(rest).take(3) {
        let before = &rest[..m.start()];
        if before.len() > 60 || !before.split_whitespace().all(role_word) {
            break;
        }
        // "UCT vice-chancellor …": a single capitalized word may be part of the role.
        if before.is_empty() {
            if m.as_str().contains(' ') {
                break;
            }
            continue;
        }
        let role = people::clean_role(before.trim());
        if let Some(p) = people::make_person(m.as_str(), role).filter(|p| p.name.contains(' ')) {
            return Some(p);
        }
    }
    people::leading_person(rest)
}

/// Title Case without sentence punctuation reads as a name or title, not speech.
pub(super) fn looks_like_title(inner: &str) -> bool {
    let words: Vec<&str> = inner
        .split_whitespace()
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 4)
        .collect();
    let capitalized = words.iter().filter(|w| super::text::starts_upper(w)).count();
    words.len() >= 2 && capitalized * 10 >= words.len() * 7 && !inner.contains(". ") && !has_words(inner, 21)
}
