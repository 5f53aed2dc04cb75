//! Direct quotes in Russian text: a span in « », „ “ or “ ” with a speech verb next to it. The attribution
//! follows a dash after the quote («…», – отметил ректор Андрей Деникин), on a line of its own (– подчеркнул
//! министр), inside the quote («…, – сказал он. – …», two quotes), or precedes it (Иван Петров отметил:
//! «…»; По словам Ивана Петрова, «…»). A role or a pronoun resolves to a person named in the article, and a
//! speaker is given in the dictionary form when the text has it anywhere.

use regex::Regex;

use crate::transient::Transient;

use super::notes::{Basis, quote_notes};
use super::quoted;
use super::ru::{is_name_word, is_role, name_runs, names, nominative_among, role_before, surname};
use super::text::is_cut_mark;
use crate::model::{Note, Quote};

/// Speech verbs, past and present, in every gender and number.
const VERBS: &str = "сказал|отметил|заявил|подчеркнул|подчеркивает|подчёркивает|сообщил|добавил|пояснил|рассказал|\
заметил|напомнил|уточнил|признал|констатировал|резюмировал|указал|выразил|поделил|ответил|прокомментировал|обратил|\
объяснил|предупредил|призвал|высказал|акцентировал|заключил|продолжил|заверил|отмечает|говорит|считает|уверен|\
убежден|убеждён|пишет|подытожил|проинформировал|написал|произн[её]с|пообещал|воскликнул|посетовал|возразил|\
добавляет|поясняет|уточняет|рассказывает|заявляет|подчеркивают|отмечают|говорят|считают|полагает|вспоминает|\
вспомнил|констатирует|резюмирует|делится|признается|признаётся|уверяет|заверяет|говорил|отмечал|рассказывал|\
подчеркивал|подчёркивал|заявлял|добавлял|пояснял|объяснял|объясняет|делился|вспоминал|признавался|утверждает|\
утверждал|рассуждает|рассуждал|пошутил|шутит|сетует|сетовал|уточнял|согласился|соглашается|предложил|\
посоветовал|поблагодарил|обещает|напоминает|комментирует|продолжает|заключает|отвечает|спросил|спрашивает|\
поинтересовал|призывает|предупреждает|размышляет|размышлял|приветствовал|приветствует|поприветствовал|дополнил";

/// The endings a speech verb of [`VERBS`] takes for gender, number and voice (сказала, отметили,
/// поделился), as a regex fragment.
const FORMS: &str = "(?:а|и|о|ся|ась|ись|ось)?";

/// The attribution after a speech verb, up to the end of its sentence or a dash; a dash between two
/// parts of a role («вице-губернатор – председатель комитета Иван Петров») and the period of an initial
/// («С. Г. Захаров») do not end it. The initial comes first among the alternatives: the regex prefers
/// the earlier one, and «Е.» read letter by letter would end the attribution at the initial.
const REST: &str = r"(?:\s(?-i:[А-ЯЁ])\.|\s[—–]\s+[а-яё]|[^.!?—–])*";

/// A dash and a speech verb after a quote, and the attribution up to the end of its sentence.
static AFTER: Transient = Transient::new(|| {
    Regex::new(&format!(
        r"(?i)^\s*[,.!?…]?\s*[—–-]\s*(?:(?:также|тоже|ещё|еще|затем|потом|позже|далее|[а-яё]+о)\s+)?(?:(?P<verb>(?:{VERBS}){FORMS})|(?:(?:такими|этими)\s+словами|с\s+(?:этих|таких)\s+слов)\s+(?P<act>[а-яё]+)|(?P<cite>(?:привод(?:ятся|ится|ит|ят|ились|ил[аои]?)|цитиру(?:ются|ется|ет|ют)|цитировал(?:и|а|ось|ись)?)(?:\s+[^\s,.!?«»—–]+){{0,3}}?\s+слова(?:м|ми)?|цитиру(?:ет|ют)|цитировал[аи]?))(?P<rest>{REST})"
    ))
    .expect("attribution regex")
});
/// An attribution inside a quote that goes on after it: «…, – сказал он. – …».
static INSIDE: Transient = Transient::new(|| {
    Regex::new(&format!(
        r"(?i)[,.!?…]\s*[—–]\s*(?:{VERBS}){FORMS}(?P<rest>(?:[^.!?—–]|\s(?-i:[А-ЯЁ])\.)*)[.,:]\s*[—–]\s*"
    ))
    .expect("inner attribution regex")
});
/// A paragraph of dialogue, without quotation marks: "– Я рада заметить, …, – сообщил директор Ирина
/// Бокова." (the opening dash may have been taken off as a bullet). Russian indirect speech never puts a
/// dash and a speech verb after a comma, so the words before them are the quote. Names in marks inside
/// it («Байкал», "Газпром") are part of the quote. "– …, – с этих слов начал выступление X" attributes it
/// as a speech verb does.
static DIALOGUE: Transient = Transient::new(|| {
    Regex::new(&format!(
        r#"(?i)^[\s—–-]*(?P<quote>(?:[^«»„“”"\n]|«[^«»\n]+»|„[^„“”\n]+[“”]|“[^“”\n]+”|"[^"\n]+"){{20,}}?)[,.!?…]\s*(?:[—–]|-\s)\s*(?:(?:{VERBS}){FORMS}|с\s+(?:этих|таких)\s+слов\s+[а-яё]+)(?P<rest>{REST})"#
    ))
    .expect("dialogue regex")
});
/// The speech of a dialogue line that a sentence of the report opens: "Гостей приветствовал X. – Это
/// мероприятие …, – отметил X" gives what follows the dash after the sentence's end.
fn after_report(quote: &str) -> &str {
    let mut start = 0;
    for (i, c) in quote.char_indices() {
        if !matches!(c, '.' | '!' | '?' | '…') {
            continue;
        }
        let rest = &quote[i + c.len_utf8()..];
        let Some(speech) = rest
            .strip_prefix(" – ")
            .or_else(|| rest.strip_prefix(" — "))
            .filter(|s| s.starts_with(char::is_uppercase))
        else {
            continue;
        };
        start = quote.len() - speech.len();
    }
    &quote[start..]
}

/// Whether the text before a mark ends in a preposition, so that what the marks hold is a name or a
/// title («в "Вестнике"», «о „Слове“»), not speech.
fn after_preposition(before: &str) -> bool {
    before.split_whitespace().next_back().is_some_and(|w| {
        matches!(
            w.to_lowercase().as_str(),
            "в" | "во" | "на" | "о" | "об" | "про" | "из" | "для" | "от" | "с" | "со" | "к" | "по"
        )
    })
}

/// Dialogue going on after its attribution, to the paragraph's end: "— …, — сказал он. — Мы ждём всех."
static GOES_ON: Transient =
    Transient::new(|| Regex::new(r"^[.,:]\s*[—–]\s*(?P<more>[^—–«»]+?)\s*$").expect("goes on regex"));
/// A quote signed after a dash, with no speech verb, to the paragraph's end: "«…» – руководитель клуба
/// «Память» Елена Андреева".
static SIGNED: Transient = Transient::new(|| {
    Regex::new(r"^\s*[,.!?…]?\s*[—–-]\s*(?P<rest>[^.!?—–]+?)[.\s]*$").expect("signature regex")
});
/// A sentence after a quote that says who said it: "«…». Об этом сообщил министр Иван Петров.", "«…». Так
/// считает Иван Петров.", "Такое мнение высказал …".
static ABOUT: Transient = Transient::new(|| {
    Regex::new(&format!(
        r"(?i)^\s*[.!?…]?\s*(?:об\s+этом|так|такое\s+мнение|такую\s+оценку)\s+(?:[^\s.!?«»]+\s+){{0,3}}?(?P<verb>(?:{VERBS}){FORMS})(?P<rest>{REST})"
    ))
    .expect("about-this regex")
});
/// A speech verb anywhere, for attributions before a quote.
static VERB: Transient =
    Transient::new(|| Regex::new(&format!(r"(?i)(?:{VERBS}){FORMS}(?:\s|[:,])")).expect("verb regex"));
/// "По словам X," before a quote, or opening a sentence of reported speech that a colon hands over to
/// the quote: "По словам X, форум удался: «…»".
static WORDS_OF: Transient = Transient::new(|| {
    Regex::new(r"(?i)по\s+(?:словам|мнению)\s+(?P<who>[^,]+),\s*$").expect("words of regex")
});
static WORDS_OF_COLON: Transient = Transient::new(|| {
    Regex::new(r#"(?i)^\s*по\s+(?:словам|мнению)\s+(?P<who>[^,:]+),[^«»"“”„:]*:\s*$"#)
        .expect("words of regex")
});

/// A person and the role the text gives them.
type Person = (String, Option<String>);

/// Quotes of a Russian text, in order, without duplicates, with notes on speakers found through a role
/// or a pronoun.
pub(crate) fn extract(title: Option<&str>, paragraphs: &[&str]) -> (Vec<Quote>, Vec<Note>) {
    let merged = merge_open_quotes(paragraphs);
    let merged: Vec<&str> = merged.iter().map(|p| p.as_ref()).collect();
    let paragraphs = merged.as_slice();
    let text = paragraphs.join("\n");
    // The names of the whole text, found once, on the first speaker to put in the dictionary form.
    let runs = std::cell::OnceCell::new();
    let nominative = |name: &str| nominative_among(name, runs.get_or_init(|| name_runs(&text)));
    let people = mentions(paragraphs);
    let mut out: Vec<Quote> = Vec::new();
    let mut notes = Vec::new();
    let mut last: Option<Person> = None;
    for (pi, p) in paragraphs.iter().enumerate() {
        let spans = quoted::spans(p);
        // A paragraph that is a quote without marks: dialogue with its attribution after a dash, or
        // speech after a line naming its speaker.
        let unmarked = DIALOGUE
            .get()
            .captures(p)
            // Names in marks inside the quote, none closing it (`… "Сам форум …", - сказал X` is a
            // quote in marks after a sentence of the report).
            // A short title after a preposition may close it (`- … опубликованы в "Вестнике", -
            // отметил X`).
            .filter(|c| {
                spans.iter().all(|s| {
                    c.name("quote").is_some_and(|q| s.close_end < q.end())
                        || (after_preposition(&p[..s.open]) && s.inner(p).split_whitespace().count() <= 6)
                })
            })
            .and_then(|c| {
                let (quote, rest) = (c.name("quote")?, c.name("rest")?);
                let found = after_verb(rest.as_str(), &people, (pi, 0), last.as_ref())?;
                // "— …, — сказал он. — …": the speech goes on after its attribution.
                let more = GOES_ON
                    .get()
                    .captures(&p[rest.end()..])
                    .and_then(|m| m.name("more"))
                    .map(|m| m.as_str().trim())
                    .filter(|m| m.split_whitespace().count() >= 3);
                // An exclamation or a question mark belongs to the speech; a comma does not.
                let end = quote.end()
                    + p[quote.end()..]
                        .find(|c| !matches!(c, '!' | '?' | '…'))
                        .unwrap_or(0);
                Some((after_report(&p[quote.start()..end]).trim(), found, more))
            })
            .or_else(|| {
                // "…председатель союза Иван Петров:" then "— Этот форум …": the line ends with its
                // speaker's name and a colon; or it says who spoke with a speech verb («ректор Светлана
                // Петрова выразила благодарность участникам:») and the paragraph is the speech (its
                // opening dash may have been read as a bullet).
                let prev = paragraphs[pi.checked_sub(1)?].trim_end();
                let line = prev.strip_suffix(':')?;
                let named = names(line)
                    .last()
                    .is_some_and(|&(_, e)| e == line.trim_end().len());
                let said = VERB.get().is_match(prev);
                if !spans.is_empty() || !(named || said) || p.split_whitespace().count() < 8 {
                    return None;
                }
                let found = colon_line(prev, &people, (pi, 0), last.as_ref())?;
                Some((
                    p.trim().trim_start_matches(['—', '–', '-', ' ']).trim_end(),
                    found,
                    None,
                ))
            });
        if let Some((text, ((name, role), basis), more)) = unmarked {
            let person = (nominative(&name), role);
            last = Some(person.clone());
            for (i, text) in std::iter::once(text).chain(more).enumerate() {
                let basis = if i == 0 {
                    basis.clone()
                } else {
                    Basis::Continuation
                };
                emit(&mut out, &mut notes, text, &person, &basis);
            }
            continue;
        }
        // Where the last attributed quote of this paragraph closes.
        let mut closed: Option<usize> = None;
        for span in spans {
            let inner = span.inner(p).trim();
            let after = &p[span.close_end..];
            // The attribution may stand on the next line: "«…»," then "— подчеркнул министр."
            let next = after
                .trim()
                .trim_matches([',', '.'])
                .is_empty()
                .then(|| paragraphs.get(pi + 1).copied())
                .flatten();
            // A dash opening a line is read as a bullet and taken off: put it back.
            let next = next.map(|n| format!("— {}", n.trim_start_matches(['—', '–', '-', ' '])));
            // "Об этом сообщил X" after a quote that opens its sentence.
            let opens_sentence = p[..span.open]
                .trim_end_matches([' ', '—', '–', '-'])
                .chars()
                .next_back()
                .is_none_or(|c| matches!(c, '.' | '!' | '?' | '…' | '»'));
            let attribution = AFTER
                .get()
                .captures(after)
                .or_else(|| next.as_deref().and_then(|n| AFTER.get().captures(n)))
                .or_else(|| opens_sentence.then(|| ABOUT.get().captures(after)).flatten())
                .and_then(|c| {
                    // "«…», – приводятся в сообщении слова министра Ивана Петрова": the speaker in the
                    // genitive after «слова».
                    let verb = c
                        .name("verb")
                        .or_else(|| c.name("act"))
                        .or_else(|| c.name("cite"))?;
                    Some((
                        is_past(verb.as_str()),
                        c.name("rest")?.as_str().to_string(),
                        goes_on(verb.as_str()),
                    ))
                });
            // The quote is a paragraph of its own, and the paragraph before it.
            let whole = p[..span.open].trim().is_empty() && after.trim().trim_matches(['.', ',']).is_empty();
            let prev = pi.checked_sub(1).map(|i| paragraphs[i]);
            let found = match attribution {
                Some((past, rest, more)) => after_verb(&rest, &people, (pi, span.open), last.as_ref())
                    .or_else(|| past.then(|| lone_surname(&rest, &people)).flatten())
                    .or_else(|| {
                        // "«…», — сказал Нарышкин. «…», — добавил спикер Госдумы": a speaker who adds
                        // to a quote of this paragraph, under a role the text gives no one else.
                        let anyone = names(&rest).is_empty();
                        (more && anyone && closed.is_some())
                            .then(|| last.clone().map(|l| (l, Basis::Continuation)))
                            .flatten()
                    })
                    .or_else(|| {
                        // "«…», – сказал" where the text is cut after the verb: the person last named.
                        let cut = rest.trim().is_empty()
                            && p[span.close_end..]
                                .trim_end()
                                .ends_with(|c: char| c.is_alphabetic())
                            && paragraphs[pi + 1..]
                                .iter()
                                .all(|n| n.trim().is_empty() || is_cut_mark(n));
                        cut.then(|| pronoun_speaker(&people, (pi, span.open), last.as_ref()))
                            .flatten()
                    }),
                None => signed(after, &people)
                    .or_else(|| before(&p[..span.open], &people, (pi, span.open), last.as_ref()))
                    .or_else(|| {
                        // "X отметил, что конгресс стал «площадкой, …»": a fragment of the speaker's
                        // words, in lowercase, closing the reported speech a few words after «что».
                        let pre = reported_until(&p[..span.open], inner)?;
                        before(pre, &people, (pi, span.open), last.as_ref())
                    })
                    .or_else(|| {
                        // "По словам X, форум стал «площадкой …»", "Как отметил X, форум «…»": a
                        // fragment in a sentence that opens by naming its source.
                        let pre = &p[..span.open];
                        let sentence = &pre[after_last(pre, &['.', '!', '?', '»'])..];
                        let c = SOURCE_OPENS
                            .get()
                            .captures(sentence)
                            .filter(|_| is_fragment(inner))?;
                        let who = c.name("who").or_else(|| c.name("rest"))?.as_str();
                        after_verb(who, &people, (pi, span.open), last.as_ref())
                            .or_else(|| lone_surname(who, &people))
                    })
                    .or_else(|| {
                        // A quote that is a paragraph of its own, after a line "Иван Петров, министр:".
                        let prev = prev.filter(|_| whole)?;
                        colon_line(prev, &people, (pi, span.open), last.as_ref())
                            .or_else(|| alone_after(prev, pi - 1, &people))
                    }),
            };
            let found = found.or_else(|| {
                let c = INSIDE.get().captures(inner)?;
                after_verb(c.name("rest")?.as_str(), &people, (pi, span.open), last.as_ref())
            });
            // A quote that is a paragraph of its own, after a paragraph whose last sentence reports the
            // speaker's words: "Иван Петров считает …. По его словам, …." then "«…»".
            let found = found.or_else(|| {
                let prev = prev.filter(|_| whole)?;
                reported_before(prev, &people, pi - 1, last.as_ref())
            });
            // "«…», — сказала Белова и добавила: «…»": the previous quote's attribution goes on.
            let found = found.or_else(|| {
                let between = &p[closed?..span.open];
                let goes_on = AFTER.get().is_match(between)
                    && between.trim_end().ends_with(':')
                    && between.split_whitespace().count() <= 15;
                goes_on
                    .then(|| last.clone().map(|l| (l, Basis::Continuation)))
                    .flatten()
            });
            let Some(((name, role), basis)) = found else {
                continue;
            };
            let person = (nominative(&name), role);
            last = Some(person.clone());
            closed = Some(span.close_end);
            for part in split_inside(inner) {
                if part.split_whitespace().count() < 3 || out.iter().any(|q| q.text == part) {
                    continue;
                }
                emit(&mut out, &mut notes, part, &person, &basis);
            }
        }
        // «Х подчеркнул важность …: «Воспитательная роль … любое неверное ре» cut off by the excerpt's
        // end: an opener left unclosed in the last paragraph, after a colon that ends its attribution.
        let cut = pi + 1 < paragraphs.len()
            && paragraphs[pi + 1..]
                .iter()
                .all(|n| n.trim().is_empty() || is_cut_mark(n));
        // Also after a sentence that reports its speaker: "Иван Петров подчеркнул, что …. «Мы …" or
        // "По ее словам, …. «Очень …"; or attributed inside, before the cut: "«Мы …, — рассказывает
        // Иван Петров. — Секция …".
        if cut
            && let (_, Some((open, inner_start))) = quoted::spans_and_tail(p)
            && let Some(((name, role), basis)) = if p[..open].trim_end().ends_with(':') {
                before(&p[..open], &people, (pi, open), last.as_ref())
            } else if p[..open].trim().is_empty()
                && let Some(prev) = pi.checked_sub(1).map(|pp| paragraphs[pp])
            {
                // An opener that starts its paragraph: the sentence that ends the one before.
                reported_before(prev, &people, pi - 1, last.as_ref())
            } else {
                reported_before(&p[..open], &people, pi, last.as_ref())
            }
            .or_else(|| {
                let c = INSIDE.get().captures(&p[inner_start..])?;
                after_verb(c.name("rest")?.as_str(), &people, (pi, open), last.as_ref())
            })
        {
            let person = (nominative(&name), role);
            for text in split_inside(p[inner_start..].trim_end()) {
                if text.split_whitespace().count() >= 3 && !out.iter().any(|q| q.text == text) {
                    emit(&mut out, &mut notes, text, &person, &basis);
                }
            }
        }
    }
    if let Some((quote, basis)) = title.and_then(|t| headline(t, paragraphs, &people, &nominative))
        && !out.iter().any(|q| q.text.contains(&quote.text))
    {
        notes.extend(quote_notes(&quote, &basis));
        out.insert(0, quote);
    }
    (out, notes)
}

/// The speaker of the sentence that ends right before an opener: one that opens with «по словам X,» or
/// reports X's words with «X подчеркнул, что …».
/// A quote of `person`'s, with the notes on how its speaker was found.
fn emit(out: &mut Vec<Quote>, notes: &mut Vec<Note>, text: &str, person: &Person, basis: &Basis) {
    let quote = Quote {
        text: text.to_string(),
        speaker: person.0.clone(),
        role: person.1.clone(),
    };
    notes.extend(quote_notes(&quote, basis));
    out.push(quote);
}

fn reported_before(
    pre: &str,
    people: &[Mention],
    pi: usize,
    last: Option<&Person>,
) -> Option<(Person, Basis)> {
    let pre = pre.trim_end().strip_suffix('.')?;
    // A name in marks inside the sentence does not end it (the sentence before a quote ends in a period).
    let start = after_last(pre, &['.', '!', '?']);
    let sentence = &pre[start..];
    let head = match WORDS_OF_OPENING.get().captures(sentence) {
        // «По ее словам,»: the person spoken of before.
        Some(c) if c.name("pronoun").is_some() => return pronoun_speaker(people, (pi, start), last),
        Some(c) => c.get(0)?.end(),
        None => {
            // The match of a verb takes the comma after it.
            let verb = VERB.get().find(sentence)?;
            let rest = sentence[verb.end()..].trim_start_matches(',');
            let comma = verb.as_str().ends_with(',') || sentence[verb.end()..].starts_with(',');
            (comma && rest.starts_with(" что ")).then(|| sentence.len() - rest.len() + " что".len())?
        }
    };
    before(&pre[..start + head], people, (pi, start), last)
}

/// «По словам X,» (or «по ее словам,») opening a sentence.
static WORDS_OF_OPENING: Transient = Transient::new(|| {
    Regex::new(r"(?i)^\s*по\s+(?:(?P<pronoun>его|ее|её|их)\s+)?(?:словам|мнению)(?:\s+[^,]+)?,")
        .expect("words of opening regex")
});

/// A headline that is a quote in marks, restated in the body by a sentence that the next one attributes:
/// "«A»" over "A'. Такое мнение выразил министр Иван Петров." (A' shares most of its words with A).
fn headline(
    title: &str,
    paragraphs: &[&str],
    people: &[Mention],
    nominative: &dyn Fn(&str) -> String,
) -> Option<(Quote, Basis)> {
    let spans = quoted::spans(title);
    let [span] = spans.as_slice() else {
        return None;
    };
    if span.open != 0 || span.close_end != title.trim_end().len() {
        return None;
    }
    let inner = span.inner(title).trim();
    let stems = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.chars().count() >= 4)
            .map(|w| w.to_lowercase().chars().take(5).collect())
            .collect()
    };
    let quoted = stems(inner);
    if quoted.len() < 4 {
        return None;
    }
    for (pi, p) in paragraphs.iter().enumerate() {
        let sentences = super::sentences::sentences(p);
        for pair in sentences.windows(2) {
            let said = stems(pair[0]);
            let shared = said.iter().filter(|w| quoted.contains(w)).count();
            if shared < 4 || shared * 5 < said.len() * 3 {
                continue;
            }
            let Some(c) = ABOUT.get().captures(pair[1]) else {
                continue;
            };
            let at = (pi, pair[1].as_ptr() as usize - p.as_ptr() as usize);
            let rest = c.name("rest")?.as_str();
            let ((name, role), basis) = after_verb(rest, people, at, None)?;
            let quote = Quote {
                text: inner.to_string(),
                speaker: nominative(&name),
                role,
            };
            return Some((quote, basis));
        }
    }
    None
}

/// A quote that runs over several paragraphs, opened in the first and closed only in the last (each
/// paragraph after the first may open with « again, as Russian typesetting does), as one paragraph.
fn merge_open_quotes<'a>(paragraphs: &[&'a str]) -> Vec<std::borrow::Cow<'a, str>> {
    let balance = |p: &str| p.matches('«').count() as isize - p.matches('»').count() as isize;
    let mut out = Vec::with_capacity(paragraphs.len());
    let mut i = 0;
    while i < paragraphs.len() {
        let p = paragraphs[i];
        let open = balance(p);
        if open > 0 && p.trim_start().starts_with('«') {
            // Up to four more paragraphs, until the marks balance.
            let mut depth = open;
            let mut end = None;
            for (k, next) in paragraphs.iter().enumerate().skip(i + 1).take(4) {
                let next = next.trim_start();
                depth += balance(next) - isize::from(next.starts_with('«') && balance(next) >= 0);
                if depth <= 0 {
                    end = (depth == 0).then_some(k);
                    break;
                }
            }
            if let Some(end) = end {
                let mut joined = p.trim_end().to_string();
                for next in &paragraphs[i + 1..=end] {
                    let next = next.trim_start();
                    let next = match next.strip_prefix('«') {
                        Some(rest) if balance(next) >= 0 => rest,
                        _ => next,
                    };
                    joined.push(' ');
                    joined.push_str(next.trim_end());
                }
                out.push(std::borrow::Cow::Owned(joined));
                i = end + 1;
                continue;
            }
        }
        out.push(std::borrow::Cow::Borrowed(p));
        i += 1;
    }
    out
}

/// A quote with an attribution inside it, «A, – сказал он. – B», is two quotes, A and B.
fn split_inside(inner: &str) -> Vec<&str> {
    match INSIDE.get().find(inner) {
        Some(m) => {
            let cut = m.start() + inner[m.start()..].chars().next().map_or(0, char::len_utf8);
            vec![inner[..cut].trim_end_matches(',').trim(), inner[m.end()..].trim()]
        }
        None => vec![inner.trim_end_matches(',').trim()],
    }
}

/// The speaker in what follows a speech verb: a name (with the role before it), else a role word or a
/// pronoun resolved against the article's people.
fn after_verb(
    rest: &str,
    people: &[Mention],
    at: (usize, usize),
    last: Option<&Person>,
) -> Option<(Person, Basis)> {
    if let Some(&span) = names(rest).last() {
        return Some(named(rest, span, people));
    }
    let words: Vec<&str> = rest.split_whitespace().collect();
    if let Some(full) = words.iter().rev().find_map(|w| by_surname(people, w)) {
        let role = known_role(people, &full);
        return Some(((full.clone(), role), Basis::Named(full)));
    }
    if words.first().is_some_and(|w| is_pronoun(w)) {
        return pronoun_speaker(people, at, last);
    }
    if let Some(role) = words.iter().find(|w| is_role(w))
        && let Some(p) = by_role(people, role, at)
    {
        return Some((p, Basis::Nominal(role.to_lowercase())));
    }
    // "– сказал вице-спикер", "– заявила лидер уральского «МедиаСоюза»": a title the article did not
    // write before the speaker's name stands for the last person it named, as a pronoun does.
    let head = words.first()?;
    if words.len() <= 6 && is_title_noun(head) {
        let (person, _) = pronoun_speaker(people, at, last)?;
        return Some((person, Basis::Nominal(head.to_lowercase())));
    }
    None
}

/// Whether a word after a speech verb can be a title in the nominative singular standing for a person
/// (вице-спикер, градоначальник, лидер, глава): lowercase letters and hyphens, four at least, not a
/// plural (организаторы, участники), a dative (журналистам) or an adverb of time or sequence.
fn is_title_noun(word: &str) -> bool {
    const NOT: [&str; 14] = [
        "сегодня",
        "вчера",
        "затем",
        "также",
        "тоже",
        "потом",
        "позже",
        "далее",
        "ранее",
        "после",
        "однако",
        "впрочем",
        "именно",
        "заранее",
    ];
    word.chars().count() >= 4
        && word.chars().all(|c| matches!(c, 'а'..='я' | 'ё' | '-'))
        && !word.ends_with(['ы', 'и', 'о', 'е'])
        && !["ам", "ям", "ому", "ему"].iter().any(|e| word.ends_with(e))
        && !NOT.contains(&word)
}

/// The person a quote is signed to ([`SIGNED`]): the attribution ends with a name, or opens with one
/// and gives the role after a comma («…», – Елена Середа, начальник управления).
fn signed(after: &str, people: &[Mention]) -> Option<(Person, Basis)> {
    let rest = SIGNED.get().captures(after)?.name("rest")?.as_str().trim_end();
    let spans = names(rest);
    if let Some(&span) = spans.last()
        && span.1 == rest.len()
    {
        return Some(named(rest, span, people));
    }
    let &(s, e) = spans.first()?;
    let role = rest[e..].strip_prefix(',')?.trim();
    let is_signature = rest[..s].trim().is_empty()
        && role.split_whitespace().next().is_some_and(is_role)
        && !VERB.get().is_match(role);
    is_signature.then(|| {
        let ((name, _), basis) = named(rest, (s, e), people);
        ((name, Some(role.to_string())), basis)
    })
}

/// The person named at `span` of `text`, with the role the words before the name give, else the role
/// the article gives them elsewhere.
fn named(text: &str, (s, e): (usize, usize), people: &[Mention]) -> (Person, Basis) {
    let name = text[s..e].to_string();
    let name = by_first_name(people, &name)
        .or_else(|| by_initial(people, &name))
        .unwrap_or(name);
    let role = role_before(&text[..s]).or_else(|| known_role(people, &name));
    ((name.clone(), role), Basis::Named(name))
}

/// «Е. Петров» (or «Е.Петров») as the person named in full with that surname and a first name with that
/// initial.
fn by_initial(people: &[Mention], name: &str) -> Option<String> {
    let (initial, last) = name.split_once('.')?;
    let last = last.trim_start();
    let mut letters = initial.chars();
    let (Some(letter), None) = (letters.next(), letters.next()) else {
        return None;
    };
    people
        .iter()
        .find(|m| {
            let mut words = m.name.split_whitespace();
            words
                .next()
                .is_some_and(|first| first.starts_with(letter) && first.chars().count() > 2)
                && crate::text::same_name(surname(&m.name), last)
        })
        .map(|m| m.name.clone())
}

/// The words before a quote up to «что» when the quote is a fragment closing reported speech: it starts
/// in lowercase and has two words at least, and at most twelve words without marks stand between «что»
/// and it («отметил, что конгресс стал «площадкой, …»»).
fn reported_until<'a>(pre: &'a str, quote: &str) -> Option<&'a str> {
    let at = pre.rfind(" что ")? + " что".len();
    let between = &pre[at..];
    (is_fragment(quote)
        && between.split_whitespace().count() <= 12
        && !between.contains(['«', '»', '"', '“', '”', '.']))
    .then(|| &pre[..at])
}

/// Whether a quote is a fragment of someone's words rather than a whole utterance or a name: it starts
/// in lowercase and has two words at least.
fn is_fragment(quote: &str) -> bool {
    let mut words = quote.split_whitespace();
    words.next().is_some_and(|w| w.starts_with(char::is_lowercase)) && words.next().is_some()
}

/// A sentence that opens by naming the source of what it reports: "По словам X,", "По мнению X,", "Как
/// отметил X,".
static SOURCE_OPENS: Transient = Transient::new(|| {
    Regex::new(&format!(
        r"(?i)^\s*(?:по\s+(?:словам|мнению)\s+(?P<who>[^,«»]+)|как\s+(?:{VERBS}){FORMS}(?P<rest>[^,«»]+)),"
    ))
    .expect("source regex")
});

/// "он" or "она", before a comma or not.
fn is_pronoun(word: &str) -> bool {
    matches!(word.trim_end_matches(',').to_lowercase().as_str(), "он" | "она")
}

/// The speaker a pronoun stands for: the last person named before the quote, or the last speaker.
fn pronoun_speaker(people: &[Mention], at: (usize, usize), last: Option<&Person>) -> Option<(Person, Basis)> {
    let named = people.iter().rfind(|m| m.at < at).map(|m| {
        let role = m.role.clone().or_else(|| known_role(people, &m.name));
        (m.name.clone(), role)
    });
    named.or_else(|| last.cloned()).map(|p| (p, Basis::Pronoun))
}

/// The speaker before a quote: "Иван Петров отметил: «…»", "Как сказал Иван Петров, «…»", "По словам
/// Ивана Петрова, «…»".
fn before(
    pre: &str,
    people: &[Mention],
    at: (usize, usize),
    last: Option<&Person>,
) -> Option<(Person, Basis)> {
    let sentence_start = after_last(pre, &['.', '!', '?', '»']);
    let sentence = &pre[sentence_start..];
    if let Some(c) = WORDS_OF
        .get()
        .captures(sentence)
        .or_else(|| WORDS_OF_COLON.get().captures(sentence))
    {
        let who = c.name("who")?.as_str();
        return after_verb(who, people, at, last).or_else(|| lone_surname(who, people));
    }
    let Some(verb) = VERB.get().find_iter(sentence).last() else {
        // "Министр края Иван Петров: «…»", "Иван Петров, министр края: «…»".
        let line = sentence.trim();
        return line
            .ends_with(':')
            .then(|| colon_line(line, people, at, last))
            .flatten();
    };
    let tail = sentence[verb.end()..].trim_end();
    // "Иван Петров отметил: «…»", and the fragment of reported speech in "отметил, что «…»".
    let reported = tail
        .strip_suffix("что")
        .is_some_and(|t| t.trim().is_empty() || t.trim_end().ends_with(','));
    // What follows the verb is short, or one clause that hands over to the quote with a colon
    // («выразила благодарность всем участникам этого масштабного мероприятия:»).
    let handed_over = tail.ends_with(':') && !tail.contains(',') && tail.chars().count() <= 100;
    if !(tail.is_empty() || tail.ends_with([':', ',']) || reported)
        || (tail.chars().count() > 60 && !handed_over)
    {
        return None;
    }
    let head = &sentence[..verb.start()];
    // "Иван Петров, открывая форум, подчеркнул:": an aside between commas after the name.
    let aside = |rest: &str| {
        let rest = rest.trim();
        rest.len() > 2 && rest.starts_with(',') && rest.ends_with(',') && names(rest).is_empty()
    };
    // "Иван Петров в своем обращении к участникам отметил:": a prepositional phrase after the name.
    let adverbial = |rest: &str| {
        let words: Vec<&str> = rest.split_whitespace().collect();
        words.first().is_some_and(|w| {
            matches!(
                w.to_lowercase().as_str(),
                "в" | "во" | "на" | "при" | "перед" | "после" | "по"
            )
        }) && words.len() <= 7
            && !rest.contains([',', '«', '»', '"'])
            && names(rest).is_empty()
    };
    match names(head).last() {
        Some(&(s, e))
            if head[e..].trim().is_empty()
                || aside(&head[e..])
                || relative(&head[e..])
                || adverbial(&head[e..]) =>
        {
            Some(named(head, (s, e), people))
        }
        _ => after_verb(&sentence[verb.end()..], people, at, last)
            .or_else(|| {
                let full = head
                    .split_whitespace()
                    .next_back()
                    .and_then(|w| by_surname(people, w))?;
                let role = known_role(people, &full);
                Some(((full.clone(), role), Basis::Named(full)))
            })
            .or_else(|| {
                // "Он отметил: «…»", "Она, в частности, сказала: «…»": a pronoun alone before the
                // verb, or with an aside; also after an adverbial and before an adverb ("В своей речи
                // он особо отметил: «…»").
                let head = head.trim_start();
                let (start, word) = head
                    .split_whitespace()
                    .take(8)
                    .map(|w| (w.as_ptr() as usize - head.as_ptr() as usize, w))
                    .find(|(_, w)| is_pronoun(w.trim_end_matches(',')))?;
                let lead = &head[..start];
                let rest = &head[start + word.trim_end_matches(',').len()..];
                let adverb =
                    rest.split_whitespace().count() == 1 && rest.trim().chars().all(|c| c.is_lowercase());
                ((lead.is_empty() || adverbial(lead)) && (rest.trim().is_empty() || aside(rest) || adverb))
                    .then(|| pronoun_speaker(people, at, last))?
            })
            .or_else(|| {
                // "Ректор пояснил: «…»": a role alone before the verb, the person named before.
                let words: Vec<&str> = head.split_whitespace().collect();
                let role = words.iter().find(|w| is_role(w)).filter(|_| words.len() <= 4)?;
                by_role(people, role, at).map(|p| (p, Basis::Nominal(role.to_lowercase())))
            }),
    }
}

/// Whether the words after a name are a verb of its own and a relative clause whose verb is the speech
/// verb: "Иван Петров обратился с приветствием к гостям, в котором отметил: «…»".
fn relative(rest: &str) -> bool {
    let Some(clause) = RELATIVE.get().captures(rest) else {
        return false;
    };
    clause.name("verb").is_some_and(|v| is_past(v.as_str())) && names(rest).is_empty()
}

static RELATIVE: Transient = Transient::new(|| {
    Regex::new(r"(?i)^\s+(?P<verb>[а-яё]{4,})\s+[^«»:]{0,80},\s+(?:в|на)\s+котор(?:ом|ой|ых)\s*$")
        .expect("relative regex")
});

/// Whether a speech verb goes on with what its speaker said before: «добавил», «продолжил», «дополнил».
fn goes_on(verb: &str) -> bool {
    let verb = verb.to_lowercase();
    ["добав", "продолж", "дополн"].iter().any(|v| verb.starts_with(v))
}

/// Whether a speech verb is in the past tense (сказал, сказала, поделились): a lone capitalized word after
/// it is a surname ("— сказала Матвиенко"), where after a present one it may be a source ("— сообщает
/// Интерфакс").
fn is_past(verb: &str) -> bool {
    let v = verb.to_lowercase();
    ["л", "ла", "ло", "ли", "лся", "лась", "лось", "лись", "с"]
        .iter()
        .any(|e| v.ends_with(e))
}

/// A speaker named by a surname alone that the article gives no first name for: the attribution is one
/// capitalized word that is no role, organization, place or month ("— сказала Матвиенко.").
fn lone_surname(rest: &str, people: &[Mention]) -> Option<(Person, Basis)> {
    let word = rest
        .trim()
        .trim_end_matches(['.', ',', '!', '?', '…', ':'])
        .trim();
    let mut chars = word.chars();
    let first = chars.next()?;
    let shaped = matches!(first, 'А'..='Я' | 'Ё')
        && word.chars().count() >= 3
        && chars.all(|c| matches!(c, 'а'..='я' | 'ё' | '-'))
        && !word.ends_with('-');
    if !shaped || !is_name_word(word) {
        return None;
    }
    let role = known_role(people, word);
    Some(((word.to_string(), role), Basis::Named(word.to_string())))
}

/// The speaker of a quote that is a paragraph of its own, after a paragraph without quotes that names
/// one person and reports their speech («Министр Иван Петров отметил, что …») or opens with them
/// («С приветственным словом выступил министр Иван Петров.» names them with a role).
fn alone_after(prev: &str, pp: usize, people: &[Mention]) -> Option<(Person, Basis)> {
    if prev.contains(quoted::is_quote_mark) || prev.trim_end().ends_with(':') {
        return None;
    }
    let named: Vec<&Mention> = people.iter().filter(|m| m.at.0 == pp).collect();
    let first = named.first()?;
    // Every name of the paragraph is one person's, in any case form (Петров, Петрова).
    let one = named
        .iter()
        .all(|m| crate::text::same_name(surname(&m.name), surname(&first.name)));
    if first.name.split_whitespace().count() < 2 || !one {
        return None;
    }
    let role = first.role.clone().or_else(|| known_role(people, &first.name));
    (VERB.get().is_match(prev) || role.is_some()).then(|| ((first.name.clone(), role), Basis::NextParagraph))
}

/// The speaker on a line of its own that ends in a colon, before a quote that is the next paragraph:
/// "Иван Петров, министр края:", "Министр края Иван Петров:", "Иван Петров отметил:".
fn colon_line(
    line: &str,
    people: &[Mention],
    at: (usize, usize),
    last: Option<&Person>,
) -> Option<(Person, Basis)> {
    let line = line.trim().strip_suffix(':')?.trim_end();
    // One sentence: a period only inside an abbreviation («и.о. ректора», «проф. Иванов»), before a
    // lowercase word.
    let two_sentences = line.match_indices('.').any(|(i, _)| ends_sentence(line, i));
    if line.split_whitespace().count() > 20 || line.contains(['«', '»', '"', '“']) || two_sentences {
        return None;
    }
    if VERB.get().is_match(&format!("{line}:")) {
        return before(&format!("{line}: "), people, at, last);
    }
    let found = names(line);
    let &(s, e) = found.first()?;
    let tail = line[e..].trim_start();
    // "Иван Петров, министр края": the name opens the line, the role follows it.
    if s == 0 && (tail.is_empty() || tail.starts_with(',')) {
        let role = tail.trim_start_matches(',').trim();
        let role = (!role.is_empty()).then(|| role.to_string());
        let name = line[s..e].to_string();
        return Some(((name.clone(), role), Basis::Named(name)));
    }
    // "Министр края Иван Петров": a role, then the name ending the line.
    let &(s, e) = found.last()?;
    let role = role_before(&line[..s])?;
    (e == line.len() && line[..s].trim() == role).then(|| {
        let name = line[s..e].to_string();
        ((name.clone(), Some(role)), Basis::Named(name))
    })
}

/// The full name of a person addressed by first name and patronymic ("подчеркнул Олег Николаевич" after
/// "ректор Олег Полухин"): the one person named before with that first name and a surname, when there is
/// one.
fn by_first_name(people: &[Mention], name: &str) -> Option<String> {
    let [first, patronymic] = name.split_whitespace().collect::<Vec<_>>()[..] else {
        return None;
    };
    if !ends_as_patronymic(patronymic) || ends_as_patronymic(first) {
        return None;
    }
    // The person is named in full before being addressed so: a name first met in this form is a name
    // of its own (Олег Лукашевич).
    let first_met = people.iter().filter(|m| m.name == name).map(|m| m.at).min()?;
    let mut full = people.iter().filter(|m| m.at < first_met).filter_map(|m| {
        let words: Vec<&str> = m.name.split_whitespace().collect();
        let surname = words.last()?;
        // A full name with a patronymic of its own must have this one («Олег Николаевич Петров»).
        let middle_agrees = words.len() < 3 || crate::text::same_name(words[1], patronymic);
        (words.len() >= 2
            && crate::text::same_name(words[0], first)
            && !ends_as_patronymic(surname)
            && middle_agrees
            && m.name != name)
            .then(|| m.name.clone())
    });
    let one = full.next()?;
    full.all(|other| other == one).then_some(one)
}

/// A patronymic by its ending (Николаевич, Петровна, Ильича), not a surname that holds «ич» (Лукашевич
/// is one, so a patronymic needs a first name before it, which the caller checks).
fn ends_as_patronymic(word: &str) -> bool {
    let w = word.to_lowercase();
    w.chars().count() >= 6
        && [
            "вич",
            "вича",
            "вичу",
            "вичем",
            "виче",
            "вна",
            "вны",
            "вне",
            "вну",
            "вной",
            "ична",
            "ичны",
            "ичне",
            "ичну",
            "ичной",
            "ьич",
            "ьича",
        ]
        .iter()
        .any(|e| w.ends_with(e))
}

/// The full name of someone named before whose surname is `word` in any case form ("Сидоров",
/// "Сидорова" for "Пётр Сидоров").
fn by_surname(people: &[Mention], word: &str) -> Option<String> {
    let word = word.trim_matches(|c: char| !c.is_alphanumeric());
    if !word.chars().next().is_some_and(char::is_uppercase) || word.chars().count() < 3 {
        return None;
    }
    people
        .iter()
        .find(|m| crate::text::same_name(surname(&m.name), word))
        .map(|m| m.name.clone())
}

/// Whether the period at byte `i` of `s` ends a sentence: a period before a lowercase word closes an
/// abbreviation («и.о. ректора»), and one after a lone capital an initial («С. Г. Захаров»), not a
/// sentence.
fn ends_sentence(s: &str, i: usize) -> bool {
    let mut before = s[..i].chars().rev();
    let initial = before.next().is_some_and(char::is_uppercase)
        && before.next().is_none_or(|c| c.is_whitespace() || c == '.');
    !initial && !s[i + 1..].trim_start().starts_with(char::is_lowercase)
}

/// The byte offset just past the last of `marks` in `s`, or 0; a period counts only where it
/// [`ends_sentence`].
fn after_last(s: &str, marks: &[char]) -> usize {
    s.char_indices()
        .rev()
        .find(|&(i, c)| marks.contains(&c) && (c != '.' || ends_sentence(s, i)))
        .map_or(0, |(i, c)| i + c.len_utf8())
}

/// A person named in the article, with the role written before the name and where it stands.
struct Mention {
    at: (usize, usize),
    name: String,
    role: Option<String>,
}

/// Everyone named in the article, with the role before each name in its sentence ("главы ведомства
/// Ивана Ковалёва", "Министр энергетики … Иван Ковалёв").
fn mentions(paragraphs: &[&str]) -> Vec<Mention> {
    let mut out = Vec::new();
    for (pi, p) in paragraphs.iter().enumerate() {
        for (s, e) in names(p) {
            let sentence_start = after_last(&p[..s], &['.', '!', '?', '»', '«']);
            out.push(Mention {
                at: (pi, s),
                name: p[s..e].to_string(),
                role: role_before(&p[sentence_start..s]),
            });
        }
    }
    out
}

/// The role a name is given elsewhere in the article.
fn known_role(people: &[Mention], name: &str) -> Option<String> {
    people
        .iter()
        .filter(|m| m.name == name)
        .find_map(|m| m.role.clone())
}

/// The person whose role has the same word ("министр" finds "Министр энергетики … Иван Ковалёв"): the last
/// one named before the quote, else the first after it.
fn by_role(people: &[Mention], role: &str, at: (usize, usize)) -> Option<Person> {
    let stem = role.to_lowercase().chars().take(5).collect::<String>();
    let fits = |m: &&Mention| {
        m.role
            .as_deref()
            .is_some_and(|r| r.split_whitespace().any(|w| w.to_lowercase().starts_with(&stem)))
    };
    let found = people
        .iter()
        .filter(|m| m.at < at)
        .rfind(fits)
        .or_else(|| people.iter().filter(|m| m.at >= at).find(fits))?;
    Some((found.name.clone(), found.role.clone()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quotes(text: &str) -> Vec<(String, String)> {
        let paragraphs: Vec<&str> = text.split('\n').filter(|l| !l.trim().is_empty()).collect();
        extract(None, &paragraphs)
            .0
            .into_iter()
            .map(|q| (q.speaker, q.text))
            .collect()
    }

    #[test]
    fn a_title_the_article_did_not_give_stands_for_the_last_person_named() {
        let text = "Форум откроет мэр города Олег Смирнов. «Мы ждём гостей из сорока стран», – сказал \
                    градоначальник. «Это важная площадка», – заявила лидер молодёжного «Союза» Ирина Лебедева.";
        assert_eq!(
            quotes(text),
            vec![
                (
                    "Олег Смирнов".to_string(),
                    "Мы ждём гостей из сорока стран".to_string()
                ),
                ("Ирина Лебедева".to_string(), "Это важная площадка".to_string()),
            ]
        );
        // Organizers are no person, nor is a dative the speaker.
        for said in ["– сообщили организаторы.", "– сказал журналистам."]
        {
            let text =
                format!("Форум откроет мэр города Олег Смирнов. Гостей ждут в мае. «Приходите все» {said}");
            assert!(quotes(&text).is_empty(), "{said}");
        }
    }

    #[test]
    fn a_pronoun_after_an_adverbial_and_before_an_adverb() {
        let intro = "К участникам обратилась министр культуры Анна Белова. ";
        for said in [
            "В своем выступлении она особо отметила роль музеев:",
            "На открытии она также сказала:",
        ] {
            assert_eq!(
                quotes(&format!(
                    "{intro}{said} «Музеи хранят память нашего края и ждут гостей»."
                ),),
                vec![(
                    "Анна Белова".to_string(),
                    "Музеи хранят память нашего края и ждут гостей".to_string()
                )],
                "{said}"
            );
        }
    }

    #[test]
    fn cut_off_after_an_attribution_inside() {
        assert_eq!(
            quotes(
                "В Заречье открылась конференция ботаников.\n«Конференция проходит в шестой раз, — рассказывает ученый секретарь сада Елена Байкова. — Отдельная секция посвящена охране редких растений и лесов\n[TRUNCATED]"
            ),
            vec![
                (
                    "Елена Байкова".to_string(),
                    "Конференция проходит в шестой раз".to_string()
                ),
                (
                    "Елена Байкова".to_string(),
                    "Отдельная секция посвящена охране редких растений и лесов".to_string()
                )
            ]
        );
    }

    #[test]
    fn cut_off_after_a_sentence_that_reports_its_speaker() {
        assert_eq!(
            quotes(
                "Член совета Анна Бакаева подчеркнула, что слет прошел на стыке двух дат. «Мы поговорим о ценностях пчеловодов, о том, что нас объединяет: какие страницы истории были переломными\n[TRUNCATED]"
            ),
            vec![(
                "Анна Бакаева".to_string(),
                "Мы поговорим о ценностях пчеловодов, о том, что нас объединяет: какие страницы истории были переломными".to_string()
            )]
        );
        assert_eq!(
            quotes(
                "«Слет удался на славу в этом году», — сказала министр Анна Бакаева.\nПо ее словам, в этом году слет проводится уже пятый раз. «Очень приятно, что именно Вельск выбран местом проведения слета. Симпозиу\n[TRUNCATED]"
            )
            .len(),
            2
        );
    }

    #[test]
    fn dialogue_with_a_title_after_a_preposition_after_a_report_sentence_and_cut_off() {
        assert_eq!(
            quotes(
                "На конференции соберутся библиотекари из районов области. Тексты докладов будут опубликованы в \"Вельском вестнике\", - отметил Борис Петров."
            ),
            vec![(
                "Борис Петров".to_string(),
                "На конференции соберутся библиотекари из районов области. Тексты докладов будут опубликованы в \"Вельском вестнике\"".to_string()
            )]
        );
        assert_eq!(
            quotes(
                "Гостей приветствовали заместитель губернатора Иван Петров и Михаил Сидоров. – Это мероприятие является одним из главных проектов области, – отметил Иван Петров."
            ),
            vec![(
                "Иван Петров".to_string(),
                "Это мероприятие является одним из главных проектов области".to_string()
            )]
        );
        assert_eq!(
            quotes(
                "Председатель общества Вячеслав Петров подчеркнул важность просвещения: «Воспитательная роль общественных организаций огромна. Дети должны понимать, что любое ре\n[TRUNCATED]"
            ),
            vec![(
                "Вячеслав Петров".to_string(),
                "Воспитательная роль общественных организаций огромна. Дети должны понимать, что любое ре"
                    .to_string()
            )]
        );
    }

    #[test]
    fn a_quote_alone_after_the_paragraph_that_names_its_speaker() {
        for intro in [
            "Мэр Заречья Иван Петров отметил, что ярмарка выросла.",
            "С приветственным словом выступил мэр Заречья Иван Петров.",
        ] {
            assert_eq!(
                quotes(&format!(
                    "{intro}\n«Ярмарка стала площадкой для мастеров. Мы ждём гостей и в следующем году»."
                )),
                vec![(
                    "Иван Петров".to_string(),
                    "Ярмарка стала площадкой для мастеров. Мы ждём гостей и в следующем году".to_string()
                )],
                "{intro}"
            );
        }
        // Two people named before: no guess.
        assert!(
            quotes(
                "Мэр Заречья Иван Петров и ректор Анна Белова открыли ярмарку.\n«Ярмарка стала площадкой для мастеров. Мы ждём гостей»."
            )
            .is_empty()
        );
    }

    #[test]
    fn dialogue_going_on_after_its_attribution_and_a_press_service_citing() {
        let intro = "На ярмарке выступил мэр Заречья Иван Петров.\n";
        assert_eq!(
            quotes(&format!(
                "{intro}— Ярмарка стала площадкой для мастеров, — сказал он. — Мы ждём гостей и в следующем году."
            )),
            vec![
                (
                    "Иван Петров".to_string(),
                    "Ярмарка стала площадкой для мастеров".to_string()
                ),
                (
                    "Иван Петров".to_string(),
                    "Мы ждём гостей и в следующем году.".to_string()
                ),
            ]
        );
        assert_eq!(
            quotes(&format!(
                "{intro}«Ярмарка стала площадкой для мастеров», — цитирует Ивана Петрова пресс-служба."
            )),
            vec![(
                "Иван Петров".to_string(),
                "Ярмарка стала площадкой для мастеров".to_string()
            )]
        );
    }

    #[test]
    fn a_fragment_in_a_sentence_that_opens_by_naming_its_source() {
        let intro = "На ярмарке выступили мэр Заречья Иван Петров и ректор Анна Белова.\n";
        for (line, who) in [
            (
                "По словам Ивана Петрова, ярмарка стала «настоящей площадкой для мастеров».",
                "Иван Петров",
            ),
            (
                "По мнению Анны Беловой, ярмарка «открывает новые возможности для студентов».",
                "Анна Белова",
            ),
            (
                "Как подчеркнула Анна Белова, ярмарка «открывает новые возможности для студентов».",
                "Анна Белова",
            ),
        ] {
            let got = quotes(&format!("{intro}{line}"));
            assert_eq!(got.len(), 1, "{line}");
            assert_eq!(got[0].0, who, "{line}");
        }
        // A name in marks, or a sentence that names no source, gives no quote.
        assert!(
            quotes(&format!(
                "{intro}По словам Ивана Петрова, ярмарку провёл «Союз мастеров»."
            ))
            .is_empty()
        );
        assert!(
            quotes(&format!(
                "{intro}Ярмарка стала «настоящей площадкой для мастеров»."
            ))
            .is_empty()
        );
    }

    #[test]
    fn a_fragment_after_a_verb_with_its_object_and_that() {
        let got = quotes(
            "Заместитель министра Мария Волкова выразила надежду, что форум «станет традиционным местом встречи экспертов».",
        );
        assert_eq!(
            got,
            vec![(
                "Мария Волкова".to_string(),
                "станет традиционным местом встречи экспертов".to_string()
            )]
        );
    }

    #[test]
    fn the_speech_verb_in_a_relative_clause_about_the_greeting() {
        assert_eq!(
            quotes(
                "Мэр Заречья Пётр Соболев обратился с приветствием к гостям ярмарки, в котором отметил: «Мы ждём мастеров со всей страны»."
            ),
            vec![(
                "Пётр Соболев".to_string(),
                "Мы ждём мастеров со всей страны".to_string()
            )]
        );
        // Another person named in the clause is not passed over.
        assert!(
            quotes("Пётр Соболев передал письмо, в котором Анна Белова отметила: «Мы ждём мастеров».")
                .iter()
                .all(|(who, _)| who != "Пётр Соболев")
        );
    }

    #[test]
    fn the_speaker_in_the_genitive_after_words_cited() {
        assert_eq!(
            quotes(
                "«Ярмарка соберёт мастеров со всей страны», – приводятся в сообщении слова мэра Заречья Петра Соболева."
            ),
            vec![(
                "Петра Соболева".to_string(),
                "Ярмарка соберёт мастеров со всей страны".to_string()
            )]
        );
    }

    #[test]
    fn words_quoted_by_a_message_resolve_a_genitive_surname_to_the_person_named() {
        let text = "Губернатор области Сергей Жвачкин дал старт подготовке форума.\n\"Мы на форуме постараемся это доказать и показать стране\", - цитируются в сообщении слова Жвачкина.";
        assert_eq!(
            quotes(text),
            vec![(
                "Сергей Жвачкин".to_string(),
                "Мы на форуме постараемся это доказать и показать стране".to_string()
            )]
        );
    }

    #[test]
    fn a_pronoun_before_the_verb_names_the_last_person() {
        let text = "На ярмарке выступил мэр Заречья Пётр Соболев.\nОн, в частности, сказал: «Город ждёт мастеров».\nОн отметил: «Гостей будет больше».";
        assert_eq!(
            quotes(text),
            vec![
                ("Пётр Соболев".to_string(), "Город ждёт мастеров".to_string()),
                ("Пётр Соболев".to_string(), "Гостей будет больше".to_string())
            ]
        );
        // Anything else before the verb is not a pronoun's aside.
        assert!(
            quotes("Он видел Петра Соболева. Он увидел всё иначе и сказал: «Нет».")
                .iter()
                .all(|(who, _)| who != "Петра Соболева")
        );
    }

    #[test]
    fn dash_attribution_after_the_quote_with_nested_marks() {
        let got = quotes(
            "«Мы стали одной из площадок, на которой «приземляется» конференция», – отметил в приветственном слове ректор Университета «Дубна» Андрей Деникин.",
        );
        assert_eq!(
            got,
            vec![(
                "Андрей Деникин".to_string(),
                "Мы стали одной из площадок, на которой «приземляется» конференция".to_string()
            )]
        );
    }

    #[test]
    fn a_paragraph_of_dialogue_without_marks_is_a_quote() {
        let got = quotes(
            "Письмо пришло губернатору.\nЯ рада заметить, что этот форум отвечает нашим приоритетам, – сообщил генеральный директор организации Ирина Бокова.",
        );
        assert_eq!(
            got,
            vec![(
                "Ирина Бокова".to_string(),
                "Я рада заметить, что этот форум отвечает нашим приоритетам".to_string()
            )]
        );
        // A hyphen for a dash, and a dash inside the role.
        let got = quotes(
            "Мы готовы принять гостей со всего края и из соседних регионов, - отметил вице-губернатор - председатель комитета Олег Сидоров.",
        );
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].0, "Олег Сидоров");
        let got = quotes(
            "«Мы готовы принять гостей со всего края», – отметил вице-губернатор – председатель комитета Олег Сидоров.",
        );
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].0, "Олег Сидоров");
        // Indirect speech has no dash before its verb.
        assert!(quotes("Министр отметил, что форум проводится в третий раз.").is_empty());
        // A name in marks inside the dialogue belongs to the quote.
        let got = quotes(
            "— Мы проводим форум «Кедр» в крае уже в пятый раз, приглашая молодых лидеров, — прокомментировал губернатор края Иван Петров.",
        );
        assert_eq!(
            got,
            vec![(
                "Иван Петров".to_string(),
                "Мы проводим форум «Кедр» в крае уже в пятый раз, приглашая молодых лидеров".to_string()
            )]
        );
        // A quote in marks closing the words before the dash is that quote alone.
        let got = quotes(
            "Сегодня прошло заседание оргкомитета. \"Сам форум пройдёт в сентябре, дату определят позже\", - сообщил Иван Петров.",
        );
        assert_eq!(
            got,
            vec![(
                "Иван Петров".to_string(),
                "Сам форум пройдёт в сентябре, дату определят позже".to_string()
            )]
        );
        // A quote in marks after the dialogue is not swallowed by it.
        let got =
            quotes("Он пришёл на форум, — сообщил Иван Петров. «Мы ждём всех гостей края», — добавил он.");
        assert!(got.iter().all(|(_, q)| !q.contains("Он пришёл")), "{got:?}");
    }

    #[test]
    fn a_prepositional_phrase_after_the_name_and_speech_after_a_line_naming_its_speaker() {
        assert_eq!(
            quotes(
                "Губернатор края Иван Петров в своем обращении к участникам отметил: \"Край доказал свою эффективность в создании городской среды\"."
            ),
            vec![(
                "Иван Петров".to_string(),
                "Край доказал свою эффективность в создании городской среды".to_string()
            )]
        );
        let got = quotes(
            "Затем к гостям обратился председатель союза журналистов Пётр Соболев:\n— Этот форум будет насыщен интереснейшими событиями и гостями, впереди важная неделя.",
        );
        assert_eq!(
            got,
            vec![(
                "Пётр Соболев".to_string(),
                "Этот форум будет насыщен интереснейшими событиями и гостями, впереди важная неделя."
                    .to_string()
            )]
        );
        // A line that ends with something else than a name introduces no speech.
        assert!(quotes("Губернатор назвал три направления работы:\n— экономика, образование и культура края в ближайшие годы и дальше").is_empty());
    }

    #[test]
    fn a_quote_signed_after_a_dash_and_one_cut_after_its_verb() {
        // No speech verb: the dash and a name close the paragraph.
        assert_eq!(
            quotes(
                "\"Было много открытий и интересных встреч на форуме\" - руководитель клуба \"Память\" Елена Андреева"
            ),
            vec![(
                "Елена Андреева".to_string(),
                "Было много открытий и интересных встреч на форуме".to_string()
            )]
        );
        // The name first and the role after it, with no verb.
        assert_eq!(
            quotes("«Мы рады видеть всех гостей форума», — Иван Петров, глава администрации города."),
            vec![(
                "Иван Петров".to_string(),
                "Мы рады видеть всех гостей форума".to_string()
            )]
        );
        // A clause after the name is no role.
        assert!(
            quotes("«Мы рады видеть всех гостей форума», — Иван Петров, когда открывал форум.").is_empty()
        );
        // Words after the name: not a signature.
        assert!(quotes("«Было много открытий и встреч» – так считает Елена Андреева из клуба.").is_empty());
        // The excerpt ends after the verb: the person named last before the quote.
        let got = quotes(
            "Директор компании Андрей Булатов поблагодарил гостей.\n«Мы стараемся поддерживать молодых исследователей», – сказал\n[TRUNCATED]",
        );
        assert_eq!(
            got,
            vec![(
                "Андрей Булатов".to_string(),
                "Мы стараемся поддерживать молодых исследователей".to_string()
            )]
        );
        // A verb with no one after it in the middle of a text is not enough.
        let got = quotes(
            "Директор компании Андрей Булатов поблагодарил гостей.\n«Мы стараемся поддерживать молодых исследователей», – сказал\nДалее был концерт.",
        );
        assert!(got.is_empty(), "{got:?}");
    }

    #[test]
    fn role_on_its_own_line_resolves_to_the_nominative() {
        let got = quotes(
            "По словам главы ведомства Ивана Ковалёва, форум удался.\n«Широкий круг участников говорит о том, что мы движемся верно»,\n\n— подчеркнул министр.\nМинистр энергетики края Иван Ковалёв",
        );
        assert_eq!(got[0].0, "Иван Ковалёв");
    }

    #[test]
    fn one_initial_before_the_surname_after_the_verb() {
        let got = quotes(
            "В ходе обсуждения Ержан Петров отметил роль общества.\n«Дискуссии на площадке форума помогут проанализировать сделанное», — подчеркнул Е. Петров.",
        );
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].0, "Ержан Петров");
        let got = quotes(
            "В ходе обсуждения Ержан Петров отметил роль общества.\n«Дискуссии на площадке форума помогут проанализировать сделанное», — подчеркнул Е.Петров.",
        );
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].0, "Ержан Петров");
    }

    #[test]
    fn a_speaker_named_by_initials_in_a_split_quote() {
        let got = quotes(
            "«Мероприятие проводится в шестой раз, – рассказал доцент кафедры географии С. Г. Захаров. – Но есть один нюанс: до этого она была заочной».",
        );
        assert_eq!(got.len(), 2, "{got:?}");
        assert!(got.iter().all(|(who, _)| who == "С. Г. Захаров"), "{got:?}");
    }

    #[test]
    fn split_quote_and_attribution_before() {
        let got = quotes(
            "«Первая часть мысли здесь, – сказал глава города Пётр Сидоров. – А вот вторая часть мысли». Сидоров добавил: «Мы продолжим эту работу вместе».",
        );
        assert_eq!(got.len(), 3, "{got:?}");
        assert!(got.iter().all(|(s, _)| s == "Пётр Сидоров"), "{got:?}");
        assert_eq!(got[0].1, "Первая часть мысли здесь");
        assert_eq!(got[1].1, "А вот вторая часть мысли");
    }

    #[test]
    fn attributions_in_the_next_sentence_and_reported_speech() {
        let got = quotes(
            "«Мы откроем новые лаборатории в каждом районе». Об этом рассказал министр образования края Пётр Громов.",
        );
        assert_eq!(
            got,
            vec![(
                "Пётр Громов".to_string(),
                "Мы откроем новые лаборатории в каждом районе".to_string()
            )]
        );
        let got = quotes("«Наставники нужны каждому кружку». Так считает директор центра Анна Белова.");
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].0, "Анна Белова");
        // A title in marks inside a sentence is not attributed by the next one.
        assert!(
            quotes("Губернатор вручил премию «За вклад в развитие края». Об этом сообщил Иван Петров.")
                .is_empty()
        );
        let got = quotes(
            "Глава района Семён Каменев подчеркнул, что «форум стал традиционной площадкой для общения».",
        );
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].0, "Семён Каменев");
        let got = quotes("По мнению эксперта Ивана Лескова, «изобретатели нуждаются в наставниках».");
        assert_eq!(got.len(), 1);
        // The text has no nominative of the name: it is given as written.
        assert_eq!(got[0].0, "Ивана Лескова");
        // Indirect speech with no marks stays out.
        assert!(quotes("Глава района Семён Каменев подчеркнул, что форум стал традиционным.").is_empty());
    }

    #[test]
    fn a_speaker_named_surname_first_is_found_by_surname() {
        let got = quotes(
            "На форуме выступила ректор Белова Анна Сергеевна.\n«Инженерное образование начинается с любопытства», – сказала Белова.",
        );
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].0, "Белова Анна Сергеевна");
    }

    #[test]
    fn pronoun_and_role_only_speakers_after_any_speech_verb() {
        let got = quotes(
            "Об этом рассказала советник главы округа Вера Лыкова.\nВера Лыкова проинформировала, что всё готово. «Площадки откроются в каждом районе округа», — проинформировала она.\n«Главная тема встречи — молодые семьи и их жильё», — написала советник главы округа.",
        );
        assert_eq!(got.len(), 2, "{got:?}");
        assert!(got.iter().all(|(s, _)| s == "Вера Лыкова"), "{got:?}");
        // A role that governs another one is read whole.
        assert_eq!(
            role_before("советник главы округа "),
            Some("советник главы округа".to_string())
        );
    }

    #[test]
    fn straight_marks_a_hyphen_and_a_surname_alone() {
        let got = quotes(
            "По словам Костенко, на встрече обсудили многое: \"Это хорошая площадка для разговора о будущем\". Мэр отметил и другое. \"Мы построили новый зал на триста мест\", - сказал Костенко.",
        );
        assert_eq!(got.len(), 2, "{got:?}");
        assert!(got.iter().all(|(s, _)| s == "Костенко"), "{got:?}");
        // A source after a verb in the present is no speaker.
        assert!(quotes("«Форум соберёт гостей из десяти стран», — сообщает Вестник.").is_empty());
        // Nor a role or a place standing alone.
        assert!(quotes("«Форум соберёт гостей из десяти стран», — сказал Губернатор.").is_empty());
    }

    #[test]
    fn a_speaker_on_a_line_of_its_own_before_the_quote() {
        let got = quotes(
            "В работе форума участвовала Алла Гурьева.\nАлла Гурьева, депутат городской думы:\n«Здесь можно обменяться опытом и найти единомышленников».",
        );
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].0, "Алла Гурьева");
        let got = quotes("Ректор академии Пётр Савин:\n«Студенты сами выбрали темы своих проектов».");
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].0, "Пётр Савин");
        // A heading before a title in marks names no speaker.
        assert!(quotes("Секции форума:\n«Город и люди».").is_empty());
    }

    #[test]
    fn more_shapes_of_attribution() {
        let text = "Его открыл глава района Иван Седов.\n\
            Иван Седов, открывая ярмарку, подчеркнул: «Ремесло живёт, пока есть ученики».\n\
            «Каждое село привезло свои изделия», — говорила директор музея Анна Носова.\n\
            «Мы открыли три мастерские», — сказала Носова и добавила: «Скоро откроем ещё две».\n\
            Министр культуры Пётр Жаров: «Такие встречи нужны каждому городу».\n\
            «Гончарное дело возвращается в школы» — такими словами начал выступление Жаров.\n\
            «Интерес к ремеслу растёт», — также отметил Жаров.\n\
            «Детям нужны кружки рядом с домом», — рассуждает Жаров.";
        let got = quotes(text);
        let speakers: Vec<&str> = got.iter().map(|(s, _)| s.as_str()).collect();
        assert_eq!(
            speakers,
            [
                "Иван Седов",
                "Анна Носова",
                "Анна Носова",
                "Анна Носова",
                "Пётр Жаров",
                "Пётр Жаров",
                "Пётр Жаров",
                "Пётр Жаров"
            ],
            "{got:?}"
        );
        assert_eq!(got[3].1, "Скоро откроем ещё две");
        // A second quote after a description, not an attribution, is not given the first one's speaker.
        assert_eq!(
            quotes("«Мы открыли три мастерские», — сказала Анна Носова. Выставка «Город мастеров» откроется завтра.")
                .len(),
            1
        );
    }

    #[test]
    fn a_headline_in_marks_restated_and_attributed_in_the_body() {
        let body = [
            "Тверь. 3 мая. Ярмарка ремёсел ясно показывает, что мастерам нужны новые площадки. Такое мнение выразил глава района Олег Буров.",
            "«Мы откроем ещё два павильона», — сказал Олег Буров.",
        ];
        let title = "«Ярмарка ясно показывает, что мастерам района нужны новые площадки для работы»";
        let (got, _) = extract(Some(title), &body);
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(got[0].speaker, "Олег Буров");
        assert!(got[0].text.starts_with("Ярмарка ясно показывает"));
        // A headline in marks the body does not restate is left alone.
        let (got, _) = extract(Some("«Город мастеров»"), &body);
        assert_eq!(got.len(), 1, "{got:?}");
    }

    #[test]
    fn a_quote_over_several_paragraphs() {
        let got = quotes(
            "На форуме выступила глава района Нина Лаптева.\n«Первый абзац речи о развитии села.\n«Второй абзац о дорогах.\n«Третий абзац о школах», — сказала глава района.",
        );
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].0, "Нина Лаптева");
        assert_eq!(
            got[0].1,
            "Первый абзац речи о развитии села. Второй абзац о дорогах. Третий абзац о школах"
        );
        // Without the opening mark again, and a title left open is not joined to what follows.
        let got = quotes("«Мы видим, как меняются районы.\nНам нужно удержать темп», — сказал Олег Пахомов.");
        assert_eq!(got.len(), 1, "{got:?}");
        assert!(quotes("«Город мастеров открыт.\nФорум прошёл успешно.").is_empty());
    }

    #[test]
    fn a_role_alone_before_the_verb_and_the_colon() {
        let got = quotes(
            "О планах рассказал ректор академии Илья Мартов.\nРектор пояснил: «Набор вырастет на треть».",
        );
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].0, "Илья Мартов");
    }

    #[test]
    fn titles_in_marks_are_not_quotes() {
        assert!(
            quotes("В Минске прошла конференция «Сохранение, поддержка и продвижение русской культуры».")
                .is_empty()
        );
    }

    #[test]
    fn a_first_name_and_patronymic_resolve_to_the_person_named_in_full() {
        let text = "Участников приветствовал ректор, профессор Олег Полухин.\n- Год назад симпозиум впервые прошел в формате видеоконференции, но это никак не повлияло на его атмосферу, - подчеркнул Олег Николаевич.";
        assert_eq!(quotes(text)[0].0, "Олег Полухин");
        // Two people of that first name: the patronymic stays as written.
        let two = format!("Выступил и министр Олег Петров.\n{text}");
        assert_eq!(quotes(&two)[0].0, "Олег Николаевич");
    }

    #[test]
    fn a_dash_paragraph_after_a_line_that_says_who_spoke() {
        let text = "Открывая конференцию, и.о. ректора Светлана Беспалова выразила благодарность всем участникам этого масштабного мероприятия:\n– Для Донецкого национального университета важна поддержка конференции со стороны научной общественности разных государств.";
        assert_eq!(
            quotes(text),
            vec![(
                "Светлана Беспалова".to_string(),
                "Для Донецкого национального университета важна поддержка конференции со стороны научной общественности разных государств.".to_string()
            )]
        );
    }

    #[test]
    fn a_greeting_after_a_dash_is_speech() {
        let text = "Форум открыл мэр города Виктор Ломов.\n– Добро пожаловать в Приморск! – приветствовал гостей мэр.";
        assert_eq!(
            quotes(text),
            vec![(
                "Виктор Ломов".to_string(),
                "Добро пожаловать в Приморск!".to_string()
            )]
        );
    }

    #[test]
    fn with_these_words_the_speaker_opened() {
        let text = "Встречу открыл президент клуба Андрей Сомов.\n– Такие встречи нужны всем нам и нашим гостям, – с этих слов начал свое выступление Сомов. – Здесь рождаются новые идеи и проекты.";
        assert_eq!(
            quotes(text),
            vec![
                (
                    "Андрей Сомов".to_string(),
                    "Такие встречи нужны всем нам и нашим гостям".to_string()
                ),
                (
                    "Андрей Сомов".to_string(),
                    "Здесь рождаются новые идеи и проекты.".to_string()
                ),
            ]
        );
        // In marks.
        let marked = "Встречу открыл президент клуба Андрей Сомов.\n«Такие встречи нужны всем нам и нашим гостям», – с таких слов начал свое выступление Сомов.";
        assert_eq!(quotes(marked).len(), 1);
    }

    #[test]
    fn a_quote_paragraph_after_a_paragraph_of_reported_speech() {
        let said = "Об этом сообщил министр связи Олег Рябов. По словам министра, выставка «Связь-Экспо» станет больше.";
        // Closed, and cut off by the excerpt's end.
        for quote in [
            "«В прошлом году генеральным спонсором выставки была одна компания, в этом году их будет три».",
            "«В прошлом году генеральным спонсором выставки была одна компания, в этом году их\n[TRUNCATED]",
        ] {
            let got = quotes(&format!("{said}\n{quote}"));
            assert_eq!(got.len(), 1, "{got:?}");
            assert_eq!(got[0].0, "Олег Рябов");
        }
        // A paragraph that reports nobody's words gives the quote no speaker.
        let plain = "Министр связи Олег Рябов открыл выставку. Выставка «Связь-Экспо» станет больше.";
        let quote =
            "«В прошлом году генеральным спонсором выставки была одна компания, в этом году их будет три».";
        assert!(quotes(&format!("{plain}\n{quote}")).is_empty());
    }

    #[test]
    fn a_speaker_who_adds_under_a_role_given_no_one() {
        let text = "Председатель оргкомитета Сергей Нарин открыл выставку.\n«Территория парка давно стала местом отдыха горожан», — сказал Нарин. «Широкий выбор книг зависит от таланта авторов», — добавил спикер парламента.";
        let got = quotes(text);
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(got[1].0, "Сергей Нарин");
        // «сказали» of people in the plural carries no speaker over (a title in the singular that no one
        // holds stands for the last person named: see the next test).
        let other = text.replace("добавил спикер парламента", "сказали организаторы");
        assert_eq!(quotes(&other).len(), 1);
    }
}
