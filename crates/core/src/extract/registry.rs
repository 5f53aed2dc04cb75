//! The people of an article in document order, so that "he said" and "the minister said" resolve to
//! the last person named (including one named in an "according to X, the ROLE" clause of an earlier
//! paragraph), and a bare surname ("Noskov said") to the full name mentioned elsewhere.

use std::collections::{HashMap, HashSet};

use regex::Match;

use super::people::{
    ACCORDING, Person, RELATIVE, Subject, VERB, addresses, after_role, clean_role, is_age, is_clause,
    is_descriptive_noun, is_honorific, is_title_word, leading_person, make_person, names, strict_role,
    subject_before, titled_after_verb, trailing_role, trim_adverbs,
};
use super::quoted;
use super::sentences::sentences;
use super::text::{has_words, tail};

/// Words that make a title of their own of the title after them: a prime minister is no minister the text
/// calls "the minister".
const TITLE_MODIFIERS: [&str; 4] = ["prime", "vice", "deputy", "assistant"];

/// People named in one paragraph, with their byte offsets, in order: speakers in attribution
/// phrases ("according to X, ROLE", "X (, ROLE,) said", "…,” said X") and people introduced with a
/// title or a role ("Prime Minister António Costa opened …", "Jane Doe, Director of X, presented …"),
/// since "he said" may refer to any of them.
fn mentions(text: &str, runs: &[Match]) -> Vec<(usize, Person)> {
    let mut out = Vec::new();
    // Verbs inside quotes ("Nobody said …") attribute nothing.
    let spans = quoted::spans(text);
    let quoted_at = |i: usize| {
        let k = spans.partition_point(|s| s.close_end <= i);
        spans.get(k).is_some_and(|s| s.open <= i)
    };
    for m in ACCORDING.get().find_iter(text) {
        if let Some(p) = leading_person(&text[m.end()..]) {
            out.push((m.start(), p));
        }
    }
    for m in VERB.get().find_iter(text).filter(|m| !quoted_at(m.start())) {
        let pre = tail(&text[..m.start()], 300);
        if !may_end_with_subject(pre) {
            continue;
        }
        let pre = sentences(pre).pop().unwrap_or("");
        if let Some((Subject::Named(p), _)) = subject_before(pre) {
            out.push((m.start(), p));
        } else if text[..m.start()].trim_end().ends_with([',', '”', '"'])
            && !addresses(m.as_str())
            && let Some(p) = titled_after_verb(&text[m.end()..]).or_else(|| leading_person(&text[m.end()..]))
        {
            out.push((m.start(), p));
        }
    }
    // Names inside quotes are spoken of, not introduced ("“Leeds is proud to host …”").
    for m in runs.iter().filter(|m| !quoted_at(m.start())) {
        let raw = m.as_str();
        let after = &text[m.end()..];
        // "X, the ROLE", "X, an archivist from …", "X is head of …".
        let with_role = after
            .strip_prefix(", ")
            .filter(|rest| role_ahead(rest))
            .and_then(|rest| {
                let r = trailing_role(rest)?;
                let article = ["a ", "an ", "the "].iter().any(|a| rest.starts_with(a));
                // "San Marl, the mayors announced that …" is a clause, not a role.
                // "For Ann Orrin, the day was a success": a clause with a finite verb is no role.
                ((strict_role(&r) || article) && !VERB.get().is_match(&r) && !is_clause(&r)).then_some(r)
            })
            .or_else(|| {
                let rest = after
                    .strip_prefix(" is ")
                    .or_else(|| after.strip_prefix(" was "))?;
                trailing_role(rest).filter(|r| strict_role(r))
            })
            .and_then(|r| make_person(raw, Some(r)))
            .or_else(|| described(raw, after))
            .or_else(|| titled(raw, &text[..m.start()]))
            .or_else(|| title_of_place(raw, &text[..m.start()]));
        // A title in front of the name: make_person moves it into the role. An honorific marks a
        // person too ("a worthwhile trip for Dr Abby Smith of …, she said").
        let with_title = || {
            let titled = raw.split_whitespace().any(is_title_word);
            let honoured = raw.split_whitespace().next().is_some_and(is_honorific);
            (titled || honoured)
                .then(|| {
                    make_person(raw, None).filter(|p| p.role.is_some() || (honoured && p.name.contains(' ')))
                })
                .flatten()
        };
        let introduced = with_role.or_else(with_title);
        if let Some(p) = introduced {
            out.push((m.start(), p));
        }
    }
    out.sort_by_key(|(off, _)| *off);
    out
}

/// Full names opening a sentence of `text` as its subject, a lowercase word after them ("Ann Orrin
/// wanted to …"), with their byte offsets. Two or three words, no title, no head word of a body.
/// `runs` are the name runs of the whole of `text`.
fn sentence_subjects<'t>(text: &'t str, sents: &[&'t str], runs: &[Match<'t>]) -> Vec<(usize, Person)> {
    let mut out = Vec::new();
    for &sentence in sents {
        let base = (sentence.as_ptr() as usize).saturating_sub(text.as_ptr() as usize);
        let lead = sentence.len() - sentence.trim_start().len();
        // "After lunch, Ann Orrin took the stage": a short opening phrase before the subject.
        let opened = sentence[lead..]
            .split_once(", ")
            .filter(|(intro, _)| {
                !has_words(intro, 5) && !intro.contains(|c: char| quoted::is_quote_mark(c) || c == ',')
            })
            .map_or(lead, |(intro, _)| lead + intro.len() + 2);
        // A run of the paragraph may go on past the sentence's end ("… Dr.Dr."): only runs inside it.
        let at = |offset: usize| {
            let k = runs.partition_point(|m| m.start() < base + offset);
            runs.get(k)
                .filter(|m| m.start() == base + offset && m.end() <= base + sentence.len())
        };
        let within = &text[..base + sentence.len()];
        let found = at(lead)
            .and_then(|m| subject_run(within, m))
            .or_else(|| {
                (opened != lead)
                    .then(|| at(opened).and_then(|m| subject_run(within, m)))
                    .flatten()
            })
            .map(|(off, p)| (off - base, p));
        // "The keynote was delivered by Ann Orrin.", "Among the speakers was Ann Orrin.": a passive's
        // agent or a copula's subject ending its clause.
        let agent = || {
            [" by ", " was ", " were "].iter().find_map(|cue| {
                sentence.match_indices(cue).find_map(|(i, _)| {
                    let at = i + cue.len();
                    let rest = &sentence[at..];
                    if !rest.starts_with(char::is_uppercase) {
                        return None;
                    }
                    let m = names(rest).next().filter(|m| m.start() == 0)?;
                    let after = &rest[m.end()..];
                    let ends = after.trim_end().is_empty() || after.starts_with([',', '.', ';']);
                    let words: Vec<&str> = m.as_str().split_whitespace().collect();
                    ends.then(|| plain_person(&words)).flatten().map(|p| (at, p))
                })
            })
        };
        if let Some((at, p)) = found.or_else(agent) {
            out.push((base + at, p));
        }
    }
    out
}

/// A name run that is a sentence's subject: two or three words, no title or head word of a body, not
/// led by an article, and a lowercase word after it that is neither a function word, a title nor a
/// description ("The East Coast mayor said" qualifies someone else).
fn subject_run(sentence: &str, m: &Match) -> Option<(usize, Person)> {
    let words: Vec<&str> = m.as_str().split_whitespace().collect();
    // "Ann Orrin, 45, runs a shipping firm": an age in apposition before the verb.
    let rest = &sentence[m.end()..];
    let rest = rest
        .strip_prefix(", ")
        .and_then(|r| r.split_once(','))
        .filter(|(age, _)| is_age(age))
        .map_or(rest, |(_, r)| r);
    let next = rest.strip_prefix(' ').and_then(|r| r.split(' ').next());
    let verb_like = next.is_some_and(|w| {
        w.starts_with(char::is_lowercase)
            && !matches!(w, "of" | "and" | "for" | "the" | "&" | "at" | "in")
            && !is_title_word(w)
            && !is_descriptive_noun(w)
    });
    if !verb_like {
        return None;
    }
    plain_person(&words).map(|p| (m.start(), p))
}

/// A person named by two or three words alone: no article before them, no title and no head word of a
/// body among them.
fn plain_person(words: &[&str]) -> Option<Person> {
    if !(2..=3).contains(&words.len())
        || matches!(words[0], "The" | "A" | "An")
        || words
            .iter()
            .any(|w| is_title_word(w) || super::orglist::is_org_head(w))
    {
        return None;
    }
    make_person(&words.join(" "), None).filter(|p| p.name.contains(' '))
}

/// "X, who leads …" or "X, harbour master at …, who …": a person described by a relative clause,
/// with the apposition before it as the role.
fn described(raw: &str, after: &str) -> Option<Person> {
    // A lone word before "who" is more often a place ending a role than a new person.
    if RELATIVE.iter().any(|r| after.starts_with(r)) {
        return make_person(raw, None).filter(|p| p.name.contains(' '));
    }
    let rest = after.strip_prefix(", ")?;
    let end = rest.get(..rest.len().min(120))?.find(", who")?;
    let role = &rest[..end];
    if role.contains([',', '.', ';', ':']) || role.starts_with(char::is_uppercase) {
        return None;
    }
    make_person(raw, clean_role(role))
}

/// "chairperson Jane Doe", "SCSC chairperson Jane Doe": a lowercase title right before the name,
/// with an acronym or capitalized word before it.
fn titled(raw: &str, before: &str) -> Option<Person> {
    let before = before.strip_suffix(' ')?;
    let (rest, title) = before.rsplit_once(' ').unwrap_or(("", before));
    if !title.starts_with(char::is_lowercase) || !is_title_word(title) {
        return None;
    }
    let owner = rest.rsplit(' ').next().unwrap_or("");
    let role = if owner.starts_with(char::is_uppercase)
        && !is_title_word(owner)
        && make_person(owner, None).is_some()
    {
        format!("{owner} {title}")
    } else {
        title.to_string()
    };
    make_person(raw, Some(role))
}

/// "President of Afghanistan Hamid Karzai", "Minister for Interior Shahryar Afridi": a run of three or
/// four words after a capitalized title and "of" or "for" is a place or a portfolio and the name, its
/// last two words; the title and the place are the role.
fn title_of_place(raw: &str, before: &str) -> Option<Person> {
    let (title_end, joiner) = before
        .strip_suffix(" of ")
        .map(|t| (t, "of"))
        .or_else(|| before.strip_suffix(" for ").map(|t| (t, "for")))?;
    let last = title_end.rsplit(' ').next()?;
    let words: Vec<&str> = raw.split_whitespace().collect();
    if !last.starts_with(char::is_uppercase) || !is_title_word(last) || !(3..=4).contains(&words.len()) {
        return None;
    }
    // "Vice President for …": capitalized title words before the last one belong to the title.
    let title_words = title_end
        .split(' ')
        .rev()
        .take_while(|w| w.starts_with(char::is_uppercase) && is_title_word(w))
        .count();
    let title = title_end
        .rsplitn(title_words + 1, ' ')
        .take(title_words)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect::<Vec<_>>()
        .join(" ");
    let (place, name) = words.split_at(words.len() - 2);
    make_person(
        &name.join(" "),
        Some(format!("{title} {joiner} {}", place.join(" "))),
    )
}

/// A cheap test before the costly role parse: a role starts with an article or has a title word
/// among its first words ("Jane Doe, Director of …" but not "Russia, China, Asia").
fn role_ahead(rest: &str) -> bool {
    let mut words = rest.split_whitespace().take(8);
    let first = words.next().unwrap_or("");
    matches!(first, "the" | "a" | "an") || is_title_word(first) || words.any(is_title_word)
}

/// A cheap test before the costly subject search: a subject ends in a capitalized word, "he"/"she",
/// "the <title>", or an apposition closed by a comma or parenthesis; "… as the notes" cannot.
fn may_end_with_subject(pre: &str) -> bool {
    let pre = trim_adverbs(pre);
    let last = pre.rsplit(' ').next().unwrap_or("");
    pre.ends_with([',', ')', '”', '"'])
        || last.starts_with(char::is_uppercase)
        || matches!(last, "he" | "she")
        || is_title_word(last)
}

/// Person mentions in document order, keyed by (paragraph index, byte offset), plus every
/// multi-word name seen, for expanding a bare surname.
#[derive(Debug, Default)]
pub(crate) struct Registry {
    mentions: Vec<((usize, usize), Person)>,
    full_names: Vec<String>,
    seen: HashSet<String>,
    /// People already mentioned, by full name and by surname, for later bare mentions.
    known: HashMap<String, Person>,
    /// Full names that open a sentence as its subject ("Ann Orrin wanted to …"), for a pronoun no
    /// mention above resolves.
    subjects: Vec<((usize, usize), Person)>,
    /// Where each sentence of the scanned paragraphs starts, in order.
    starts: Vec<(usize, usize)>,
    /// Mentions that open their sentence as its subject ("Jane Doe thanked Mayor John Smith."), the
    /// person a pronoun after that sentence most likely refers to.
    openers: HashSet<(usize, usize)>,
}

impl Registry {
    /// Records the people of paragraph `para`; paragraphs must be scanned in order.
    pub fn scan(&mut self, para: usize, text: &str) {
        let runs: Vec<Match> = names(text).collect();
        let mut found = mentions(text, &runs);
        // A later bare mention of someone already introduced ("Doe asked …") is a mention too.
        for m in &runs {
            if found.iter().any(|(off, _)| *off == m.start()) {
                continue;
            }
            if let Some(p) = self.known.get(m.as_str()) {
                found.push((m.start(), p.clone()));
            }
        }
        found.sort_by_key(|(off, _)| *off);
        // Sentences matter only where a paragraph names two people or more (the subject of the one
        // that names them); elsewhere the paragraph is one stretch.
        let sents = sentences(text);
        if found.len() < 2 || self.starts.len() >= 5000 {
            self.starts.push((para, 0));
        } else {
            for sentence in &sents {
                let start = (sentence.as_ptr() as usize).saturating_sub(text.as_ptr() as usize);
                self.starts.push((para, start));
                let lead = start + sentence.len() - sentence.trim_start().len();
                let k = runs.partition_point(|m| m.start() < lead);
                if let Some(run) = runs.get(k).filter(|m| m.start() == lead)
                    && let Some((off, _)) = found.iter().find(|(off, p)| {
                        (start..start + sentence.len()).contains(off)
                            && run.as_str().contains(p.name.as_str())
                    })
                {
                    self.openers.insert((para, *off));
                }
            }
        }
        for (_, p) in &found {
            if p.name.contains(' ') && self.known.len() < 2000 {
                let surname = p.name.rsplit(' ').next().unwrap_or("");
                self.known.insert(surname.to_string(), p.clone());
                self.known.insert(p.name.clone(), p.clone());
            }
        }
        self.mentions
            .extend(found.into_iter().map(|(off, p)| ((para, off), p)));
        if self.subjects.len() < 500 {
            self.subjects.extend(
                sentence_subjects(text, &sents, &runs)
                    .into_iter()
                    .map(|(off, p)| ((para, off), p)),
            );
        }
        // Raw runs of two or more words; cleaned only when a surname matches one. A role's object that
        // runs into the name ("Vice President for Global Engagement Thomas Banchoff") is no part of it.
        for m in runs {
            let raw = after_role(text, &m).map_or_else(|| m.as_str().to_string(), |p| p.name);
            if self.full_names.len() < 1000 && raw.contains(' ') && self.seen.insert(raw.clone()) {
                self.full_names.push(raw);
            }
        }
    }

    /// The last person mentioned in paragraph `para`.
    pub fn last_in(&self, para: usize) -> Option<Person> {
        let n = self.mentions.partition_point(|((p, _), _)| *p <= para);
        self.mentions[..n]
            .last()
            .filter(|((p, _), _)| *p == para)
            .map(|(_, p)| p.clone())
    }

    fn before(&self, pos: (usize, usize)) -> &[((usize, usize), Person)] {
        let n = self.mentions.partition_point(|(k, _)| *k < pos);
        &self.mentions[..n]
    }

    /// Resolves a subject at `pos` to a person: pronouns to the last person named before, "the
    /// minister" to the last person whose role says so, names completed from other mentions.
    pub fn resolve(&self, subject: Subject, pos: (usize, usize)) -> Option<Person> {
        let earlier = self.before(pos);
        // The last person named in this paragraph or the one before.
        let recent = || {
            earlier
                .last()
                .filter(|((para, _), _)| para + 1 >= pos.0)
                .map(|(_, p)| p.clone())
        };
        let person = match subject {
            // A pronoun before any mention: the person a sentence of the last three paragraphs
            // opened with ("Ann Orrin wanted to …").
            Subject::Pronoun if earlier.is_empty() => {
                let n = self.subjects.partition_point(|(k, _)| *k < pos);
                self.subjects[..n]
                    .last()
                    .filter(|((para, _), _)| para + 2 >= pos.0)
                    .map(|(_, p)| p.clone())?
            }
            // "Jane Doe thanked Mayor John Smith. “…,” she said.": the subject of the last sentence
            // that names anyone, before a person it names later.
            Subject::Pronoun => {
                let (last, p) = earlier.last()?;
                // "Mayor Tom Varo opened the fair. Ann Orrin spoke next. “…,” she said.": a full name
                // opening a sentence after the last person introduced with a title or a role.
                let n = self.subjects.partition_point(|(k, _)| *k < pos);
                if let Some((_, subject)) = self.subjects[..n]
                    .last()
                    .filter(|(k, _)| k > last && k.0 + 1 >= pos.0)
                {
                    return Some(self.complete(subject.clone()));
                }
                let start = self.starts[..self.starts.partition_point(|s| s <= last)]
                    .last()
                    .copied()
                    .unwrap_or(*last);
                earlier
                    .iter()
                    .rev()
                    .take_while(|(k, _)| *k >= start)
                    .find(|(k, _)| self.openers.contains(k))
                    .map_or(p, |(_, opener)| opener)
                    .clone()
            }
            // "the minister": the last person whose role holds the title itself, else one whose role
            // makes a title of its own of it ("Prime Minister", "Vice President", "Deputy Mayor").
            Subject::Nominal(word) => [true, false]
                .into_iter()
                .find_map(|plain| {
                    earlier.iter().rev().take(200).find_map(|(_, p)| {
                        let role = p.role.as_deref()?.to_lowercase();
                        let words: Vec<&str> = role
                            .split(|c: char| !c.is_alphanumeric() && c != '-')
                            .filter(|w| !w.is_empty())
                            .collect();
                        words
                            .iter()
                            .enumerate()
                            .any(|(i, w)| {
                                *w == word && (!plain || i == 0 || !TITLE_MODIFIERS.contains(&words[i - 1]))
                            })
                            .then(|| p.clone())
                    })
                })
                // "the psychology sophomore said": a description, not a title, is the last person.
                .or_else(|| is_descriptive_noun(&word).then(recent).flatten())?,
            Subject::Named(p) => p,
        };
        Some(self.complete(person))
    }

    /// Expands a surname to the full name mentioned anywhere ("Berg" → "Anna Berg"), or a short form to
    /// the one name it begins ("Ershad" → "Ershadullah"), preferring people with a role, and fills a
    /// missing role from another mention of the same person.
    fn complete(&self, p: Person) -> Person {
        let recent = || self.mentions.iter().rev().take(500).map(|(_, k)| k);
        // The family name comes last in most names but first in Chinese ones ("Xi" of "Xi Jinping").
        // A surname may join its words with a hyphen where the full name has a space ("Al-Jaber" of
        // "Sultan Al Jaber").
        let spaced = format!(" {}", p.name.replace('-', " "));
        // "O’Dea" of "Jonathan O'Dea": the apostrophe may be typed either way.
        let plain = |s: &str| s.replace('’', "'");
        let surname = plain(&p.name);
        let last_of = |full: &str| {
            full.contains(' ')
                && (full.rsplit(' ').next().is_some_and(|l| plain(l) == surname)
                    || (p.name.contains('-') && full.ends_with(spaced.as_str())))
        };
        let first_of = |full: &str| full.contains(' ') && full.split(' ').next() == Some(p.name.as_str());
        // "Morales" of "Rubén Morales Monroy": the first of two family names (Spanish, Portuguese).
        let paternal_of = |full: &str| {
            let words: Vec<&str> = full.split(' ').collect();
            words.len() >= 3 && words[words.len() - 2] == p.name
        };
        let cleaned = || {
            self.full_names
                .iter()
                .filter_map(|raw| make_person(raw, None))
                .map(|p| p.name)
        };
        let name = if p.name.contains(' ') {
            p.name
        } else {
            let known = || recent().map(|k| k.name.clone()).chain(cleaned());
            // "Ershad" of "Ershadullah": a short form that begins one known name, and no other.
            let short_of = |full: &str| {
                full.rsplit(' ')
                    .next()
                    .is_some_and(|last| last.len() > p.name.len() && last.starts_with(p.name.as_str()))
            };
            let shortened = || {
                let mut found = known().filter(|n| short_of(n));
                let first = found.next()?;
                found.all(|n| n == first).then_some(first)
            };
            known()
                .find(|n| last_of(n))
                .or_else(|| known().find(|n| first_of(n)))
                .or_else(|| known().find(|n| paternal_of(n)))
                .or_else(|| (p.name.chars().count() >= 4).then(shortened).flatten())
                .unwrap_or(p.name)
        };
        let role = p.role.or_else(|| {
            recent()
                .find(|k| k.name == name && k.role.is_some())
                .and_then(|k| k.role.clone())
        });
        Person { name, role }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn people_in(text: &str) -> Vec<(usize, Person)> {
        let runs: Vec<Match> = names(text).collect();
        mentions(text, &runs)
    }

    #[test]
    fn according_to_mention_keeps_role_to_sentence_end() {
        let m = people_in("Growth is near, according to John Smith, the CEO of Foo, Inc. Next sentence.");
        assert!(!m.is_empty());
        assert!(
            m.iter()
                .all(|(_, p)| p.name == "John Smith" && p.role.as_deref() == Some("CEO of Foo, Inc"))
        );
    }

    #[test]
    fn title_before_name_registers_despite_a_clause() {
        let m = people_in("Russian President Vladimir Putin, who also attended, praised it.");
        assert_eq!(m.len(), 1);
        assert_eq!(m[0].1.role.as_deref(), Some("Russian President"));
    }

    #[test]
    fn registry_resolves_surname_and_pronoun() {
        let mut r = Registry::default();
        r.scan(0, "Hi. Jane Doe, the CEO, said so.");
        let p = r.resolve(
            Subject::Named(Person {
                name: "Doe".into(),
                role: None,
            }),
            (1, 0),
        );
        assert_eq!(
            p,
            Some(Person {
                name: "Jane Doe".into(),
                role: Some("CEO".into())
            })
        );
        assert_eq!(r.resolve(Subject::Pronoun, (0, 2)), None);
        assert!(r.resolve(Subject::Pronoun, (0, 20)).is_some());
        let hyphen = r.resolve(
            Subject::Named(Person {
                name: "Al-Varo".into(),
                role: None,
            }),
            (1, 0),
        );
        assert_eq!(hyphen.map(|p| p.name), Some("Al-Varo".into()));
        r.scan(1, "Guests included Dr. Sami bin Omar Al Varo, the harbour chief.");
        let hyphen = r.resolve(
            Subject::Named(Person {
                name: "Al-Varo".into(),
                role: None,
            }),
            (2, 0),
        );
        assert_eq!(hyphen.map(|p| p.name), Some("Sami bin Omar Al Varo".into()));
        r.scan(1, "Ann Lee spoke. Doe asked for funds.");
        assert_eq!(
            r.resolve(Subject::Pronoun, (1, 30)).map(|p| p.name),
            Some("Jane Doe".into())
        );
    }
}
