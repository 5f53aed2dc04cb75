//! People in attribution phrases: recognizing a person's name and role ("X said", "X, the ROLE,
//! said", "according to X, the ROLE", "said X, ROLE", "the CEO of Acme, Jane Doe, said") and the
//! subject of a speech verb (a name, "he"/"she", or "the minister").
//!
//! Names are runs of capitalized words; a title in front of a name ("Russian Minister Konstantin
//! Noskov") becomes the role, honorifics ("Dr.", "Mr.") are dropped. Resolving pronouns against
//! earlier mentions is [`super::registry`]'s job.

use std::sync::LazyLock;

use regex::Regex;

use crate::transient::Transient;

use super::sentences::first_sentence;
use super::text::{WordSet, has_words, head, in_set, words};

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
elaborated|explained|opined|quipped|cautioned|cautions|recounted|recounts|joked|jokes|exclaimed|conceded|concedes|\
agrees|agreed|countered|counters|responded|responds|retorted|maintained|contended|claimed|reflected|assured|\
promised|vowed|pledged|lamented|mused|reminded|proclaimed|wondered|asked|asks|summari[sz]ed|shared";

/// Speech verbs whose object is the one spoken to: the name after "tells" or "told" is the hearer
/// ("Arnaldo Brown, tells JIS News that …"), never the speaker, as it may be after "said".
pub(crate) fn addresses(verb: &str) -> bool {
    matches!(
        verb.to_lowercase().as_str(),
        "told" | "tells" | "reminded" | "assured"
    )
}

/// A speech verb anywhere.
pub(crate) static VERB: Transient =
    Transient::new(|| Regex::new(&format!(r"(?i)(?-u:\b)(?:{VERBS})(?-u:\b)")).expect("verb regex"));

/// "according to", which introduces a source.
pub(crate) static ACCORDING: Transient =
    Transient::new(|| Regex::new(r"(?i)(?-u:\b)according\s+to\s+").expect("according regex"));

/// "In the words of X, “…”": a source before a quote, rarer than "according to" and looked for only
/// where "words of" is written.
pub(crate) static WORDS_OF: Transient =
    Transient::new(|| Regex::new(r"(?i)(?-u:\b)in\s+the\s+words\s+of\s+").expect("words of regex"));

/// One capitalized name word: an initial or a known abbreviation with its period ("J.", "Dr."), a
/// word, or a lone capital. Other words never take the period, which may end the sentence ("… said
/// Jane Doe.").
const NAME_TOKEN: &str = r"(?:\p{Lu}\.|(?:Mr|Mrs|Ms|Dr|Jr|Sr|St|Prof|Gen|Sen|Rep|Gov|Col|Capt|Lt|Hon)\.|\p{Lu}[\p{L}\p{M}'’\-]*[\p{L}\p{M}]|\p{Lu})";

/// A run of capitalized words, allowing lowercase name particles ("Ursula von der Leyen", "Yasir
/// al-Rumayyan").
static NAME: Transient = Transient::new(|| {
    let particles = "de|da|del|della|der|den|di|du|dos|das|la|le|van|von|bin|ibn|al|el|ter|ten";
    let joined = "al|el|ad|as|ash|bin|ibn|abu|ben|bint";
    Regex::new(&format!(
        r"{NAME_TOKEN}(?:\s+(?:(?:{particles})\s+)*(?:(?:{joined})-)?{NAME_TOKEN})*"
    ))
    .expect("name regex")
});

/// Name runs that start at a word boundary (the regex cannot check this itself without falling back
/// to a slow engine on non-ASCII text).
pub(crate) fn names(text: &str) -> impl Iterator<Item = regex::Match<'_>> {
    let found: Vec<_> = NAME
        .get()
        .find_iter(text)
        .filter(|m| {
            !text[..m.start()]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
        })
        .collect();
    found.into_iter()
}

/// "he" / "she" ending the text before a speech verb.
static PRONOUN_END: Transient =
    Transient::new(|| Regex::new(r"(?i)(?:^|[^\p{L}])(?:he|she)$").expect("pronoun regex"));
/// "the <word>" ending the text before a speech verb ("the minister said").
static NOMINAL_END: Transient =
    Transient::new(|| Regex::new(r"(?i)(?-u:\b)the\s+([\p{L}\-]+)$").expect("nominal regex"));

/// "the psychology sophomore" ending the text before a speech verb: a person named by what they are,
/// not by a title, which refers back to the last person named.
static DESCRIBED_END: Transient = Transient::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)the\s+(?:[\p{Ll}\-]+\s+){0,2}(sophomore|freshman|junior|senior|student|graduate|undergraduate|alumnus|alumna|resident|farmer|teacher|nurse|volunteer|veteran|attendee|participant|parent|mother|father|entrepreneur|activist|author|panell?ist|speaker|woman|man)$",
    )
    .expect("described regex")
});

/// Whether a word of [`DESCRIBED_END`] names a person by what they are rather than by a title.
pub(crate) fn is_descriptive_noun(word: &str) -> bool {
    DESCRIBED_END.get().is_match(&format!("the {word}")) && !is_title_word(word)
}

/// Words that make a phrase a job title or role.
static TITLE_WORDS: LazyLock<WordSet> = LazyLock::new(|| {
    words(
        "president minister secretary ambassador governor mayor senator professor director chairman \
         chairwoman chair chairperson ceo cto cfo coo cio ciso cmo chief executive deputy vice general \
         commissioner chancellor premier prime king queen prince princess sheikh sheik amir emir founder co-founder \
         cofounder head spokesperson spokesman spokeswoman manager officer envoy representative \
         counsellor counselor rector dean secretary-general director-general leader partner analyst \
         researcher expert editor correspondent member advisor adviser consultant coordinator engineer \
         scientist economist lead principal owner vp evp svp md fellow official delegate lecturer \
         strategist architect attorney lawyer mp mep sen rep gov gen president-elect chairman-elect \
         administrator governor-general tempore emeritus emerita co-chair co-chairman co-chairwoman \
         co-chairperson co-director co-president co-lead co-leader treasurer host co-host speaker",
    )
});

/// Lowercase words that may stand between a subject and its speech verb.
static BETWEEN_SUBJECT_AND_VERB: LazyLock<WordSet> = LazyLock::new(|| {
    words(
        "also further then later previously again recently earlier additionally repeatedly once has had \
         have reportedly publicly personally separately similarly specifically firmly often always never",
    )
});

/// Honorifics dropped from names; they are not roles.
static HONORIFICS: LazyLock<WordSet> =
    LazyLock::new(|| words("mr mrs ms miss mx dr prof sir dame h.e hon messrs excellency"));

/// Letters after a name that tell a seat or an honour ("Jane Doe MP", "John Roe QC"), not part of it.
static POST_NOMINALS: LazyLock<WordSet> =
    LazyLock::new(|| words("MP MSP MEP MLA MPP MHA MNA QC KC OBE MBE CBE KBE DBE PhD"));

/// Capitalized words that start sentences or clauses but are not part of a name, and full month and
/// weekday names, but not "May" (Theresa May); abbreviations like "Sun" may be surnames.
static NOT_NAMES: LazyLock<WordSet> = LazyLock::new(|| {
    words(
        "the a an this that these those it he she we they i you his her their our its my today yesterday \
         tomorrow meanwhile however also later then now here there earlier finally moreover furthermore \
         nobody everyone everybody someone somebody anyone anybody none no \
         additionally in at on as and but so when while after before speaking addressing according both \
         all some many one other such what which who if for with by from to of last next during \
         january february march april june july august september october november december monday tuesday \
         wednesday thursday friday saturday sunday",
    )
});

/// A title word, or one joined by hyphens to others that ends in one ("Vice-President", "Deputy-Director").
pub(crate) fn is_title_word(word: &str) -> bool {
    in_set(&TITLE_WORDS, word)
        || word
            .rsplit_once('-')
            .is_some_and(|(first, last)| !first.is_empty() && in_set(&TITLE_WORDS, last))
}

pub(crate) fn is_honorific(word: &str) -> bool {
    in_set(&HONORIFICS, word)
}

fn is_not_name(word: &str) -> bool {
    in_set(&NOT_NAMES, word)
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
    // Case matters: "Mp" or "Kc" would be a name.
    while tokens.len() > 2
        && tokens
            .last()
            .is_some_and(|t| POST_NOMINALS.contains(t.trim_end_matches([',', '.'])))
    {
        tokens.pop();
    }
    if tokens.is_empty() || tokens.len() > 5 || tokens.iter().any(|t| is_not_name(t)) {
        return None;
    }
    let name = tokens.join(" ");
    // "Jane Doe’s message was clear:": the possessive is no part of the name.
    let name = name
        .strip_suffix("’s")
        .or_else(|| name.strip_suffix("'s"))
        .unwrap_or(&name)
        .trim_end_matches(['’', '\''])
        .to_string();
    // "the Larwood Symposium said": a run ending in an event's kind names the event, not a person.
    let event = tokens
        .last()
        .is_some_and(|t| super::facts::KINDS.split('|').any(|k| t.eq_ignore_ascii_case(k)));
    // "Vice Minister SAPPRFT": an acronym alone after a title is the body the title belongs to.
    let body =
        split.is_some() && tokens.len() == 1 && super::text::is_acronym(tokens[0]) && tokens[0].len() >= 4;
    if name.chars().any(|c| c.is_ascii_digit()) || is_title_word(&name) || event || body {
        return None;
    }
    Some(Person { name, role })
}

/// Cleans a role phrase: trims punctuation, drops a leading article, rejects what is clearly not a
/// role (too long, quoted, a clause).
pub(crate) fn clean_role(raw: &str) -> Option<String> {
    let mut r = super::text::collapse_ws(raw);
    r = r
        .trim_matches(|c: char| c.is_whitespace() || matches!(c, ',' | '.' | ';' | ':' | '-' | '–' | '—'))
        .to_string();
    for article in ["the ", "The ", "a ", "A ", "an ", "An "] {
        if let Some(rest) = r.strip_prefix(article) {
            r = rest.to_string();
            break;
        }
    }
    let words = r.split_whitespace().count();
    // "NSW Parliament will host a conference": a clause with a finite verb is no role.
    if r.is_empty()
        || words > 20
        || r.len() > 160
        || is_clause(&r)
        || r.chars().any(super::quoted::is_quote_mark)
    {
        return None;
    }
    Some(r)
}

/// Whether words hold a finite verb ("NSW Parliament will host a conference", "the day was a
/// success"), which makes them a clause rather than a role.
pub(crate) fn is_clause(words: &str) -> bool {
    words.split_whitespace().any(|w| {
        matches!(
            w,
            "will" | "would" | "is" | "was" | "are" | "were" | "has" | "had" | "have"
        )
    })
}

/// Whether a phrase found in apposition reads like a role: it starts with an article or a title word,
/// or contains one.
pub(crate) fn strict_role(raw: &str) -> bool {
    let first = raw.split_whitespace().next().unwrap_or("").to_lowercase();
    matches!(first.as_str(), "the" | "a" | "an") || raw.split_whitespace().any(is_title_word)
}

/// An academic or professional degree written after a name: MD, MPH, PhD, RN, MBA, Esq.
fn is_degree(word: &str) -> bool {
    matches!(
        word.trim().trim_end_matches('.'),
        "MD" | "M.D"
            | "MPH"
            | "DrPH"
            | "PhD"
            | "Ph.D"
            | "DPhil"
            | "RN"
            | "DO"
            | "DDS"
            | "DVM"
            | "MBA"
            | "JD"
            | "J.D"
            | "Esq"
            | "FRCP"
            | "FACS"
    )
}

/// The role in an apposition that runs to the end of a sentence ("X, the ROLE." / "X, ROLE, adding"):
/// the first comma-separated segment plus following segments that start uppercase (a role may contain
/// commas: "Minister of Digital Development, Communications and Mass Media").
pub(crate) fn trailing_role(rest: &str) -> Option<String> {
    let sentence = first_sentence(head(rest, 200));
    let sentence = sentence
        .split([';', ':', '(', '“', '”', '"', '«'])
        .next()
        .unwrap_or("");
    let sentence = ["who is ", "who was ", "who serves as ", "now "]
        .iter()
        .find_map(|p| sentence.strip_prefix(p))
        .unwrap_or(sentence);
    // "Jane Doe, MD, MPH, the institute's director": academic degrees after the name are no role; the
    // apposition after them is.
    let mut sentence = sentence;
    while let Some((degree, rest)) = sentence.split_once(", ")
        && is_degree(degree)
    {
        sentence = rest;
    }
    if is_degree(sentence) {
        return None;
    }
    let mut parts = sentence.split(", ");
    let mut role = parts.next()?.to_string();
    let first = role.split_whitespace().next().unwrap_or("");
    // "content manager for Acme": a lowercase word may lead a title word.
    let starts_ok = super::text::starts_upper(first)
        || strict_role(first)
        || role.split_whitespace().take(3).any(is_title_word);
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
    let m = NAME.get().find(s).filter(|m| m.start() == 0)?;
    let rest = &s[m.end()..];
    let role = if let Some(r) = rest.strip_prefix(", ") {
        trailing_role(r)
    } else if let Some(r) = rest.strip_prefix(" (") {
        r.split(')').next().and_then(clean_role)
    } else if let Some(r) = rest.strip_prefix(" of ") {
        // "Prof. Anna Lind of the University of Bergen": the organization stands for the role.
        let org = first_sentence(head(r, 200));
        let org = org.split([',', ';', ':', '(', '“', '"']).next().unwrap_or("");
        let bare = org.strip_prefix("the ").unwrap_or(org);
        if super::text::starts_upper(bare) {
            clean_role(org)
        } else {
            None
        }
    } else {
        None
    };
    make_person(m.as_str(), role)
}

/// The speaker after a speech verb whose role, of capitalized words joined by "of", "for", "and",
/// "the" or "&", runs into the name: "said Vell Office of Harbours Executive Director Ann Orrin",
/// "said Minister of Fisheries Tam Berg". The name follows the last title word of the last run, or is
/// that run's last two words when the first run is a bare title. A first run that is a person's name
/// ("Anna Lind of the University of Marl") gives none.
pub(crate) fn titled_after_verb(rest: &str) -> Option<Person> {
    let rest = rest.trim_start();
    let runs: Vec<regex::Match> = names(rest).take(8).collect();
    let first = runs.first().filter(|m| m.start() == 0)?;
    let mut end = 0;
    for i in 1..runs.len() {
        let gap = &rest[runs[i - 1].end()..runs[i].start()];
        if matches!(
            gap,
            " of " | " for " | " and " | " the " | " of the " | " for the " | " & " | " and the "
        ) {
            end = i;
        } else {
            break;
        }
    }
    if end == 0 {
        return None;
    }
    let lead = make_person(first.as_str(), None);
    let lead_is_person = lead.as_ref().is_some_and(|p| {
        p.role.is_none() && !first.as_str().split_whitespace().any(super::orglist::is_org_head)
    });
    if lead_is_person {
        return None;
    }
    let last = &runs[end];
    let prefix = &rest[..last.start()];
    let tokens: Vec<&str> = last.as_str().split_whitespace().collect();
    let (name, role) = match tokens.iter().rposition(|t| is_title_word(t)) {
        Some(k) if k + 1 < tokens.len() => (
            tokens[k + 1..].join(" "),
            format!("{prefix}{}", tokens[..=k].join(" ")),
        ),
        Some(_) => return None,
        None if tokens.len() >= 3 && lead.is_none() => {
            let k = tokens.len() - 2;
            (
                tokens[k..].join(" "),
                format!("{prefix}{}", tokens[..k].join(" ")),
            )
        }
        None => return None,
    };
    make_person(&name, clean_role(&role)).filter(|p| p.name.contains(' '))
}

/// `pre` without the auxiliaries and adverbs that may stand between a subject and its verb ("Putin
/// also said", "Smith has repeatedly said").
pub(crate) fn trim_adverbs(pre: &str) -> &str {
    let mut pre = pre.trim_end();
    for _ in 0..2 {
        match pre.rsplit_once(' ') {
            Some((rest, last)) if in_set(&BETWEEN_SUBJECT_AND_VERB, last) => pre = rest.trim_end(),
            _ => break,
        }
    }
    pre
}

/// The subject that ends `pre` (the text just before a speech verb), if it is a person, a pronoun or
/// "the <title>". Also returns where the subject starts in `pre`.
pub(crate) fn subject_before(pre: &str) -> Option<(Subject, usize)> {
    let pre = trim_adverbs(pre);
    if let Some(m) = PRONOUN_END.get().find(pre) {
        let start = m.start() + pre[m.start()..].find(|c: char| c.is_alphabetic()).unwrap_or(0);
        return Some((Subject::Pronoun, start));
    }
    if let Some(c) = DESCRIBED_END.get().captures(pre) {
        let word = c.get(1).map_or("", |w| w.as_str());
        return Some((
            Subject::Nominal(word.to_lowercase()),
            c.get(0).map_or(0, |m| m.start()),
        ));
    }
    if let Some(c) = NOMINAL_END.get().captures(pre) {
        let word = c.get(1).map_or("", |w| w.as_str());
        if is_title_word(word) {
            return Some((
                Subject::Nominal(word.to_lowercase()),
                c.get(0).map_or(0, |m| m.start()),
            ));
        }
    }
    // "… opened by Mayor Tom Birch, who said": the relative pronoun stands for the name before it.
    if let Some(inner) = pre.strip_suffix(", who") {
        return apposition(inner)
            .or_else(|| subject_before(inner).filter(|(s, _)| !matches!(s, Subject::Pronoun)));
    }
    if let Some(inner) = pre.strip_suffix(',') {
        return apposition(inner);
    }
    // "X, co-host of the show “Vell & Tam,” said": the comma before the verb sits inside the closing
    // mark of a title.
    if let Some(inner) = pre.strip_suffix(",”").or_else(|| pre.strip_suffix(",\"")) {
        return apposition(&format!("{inner}”"));
    }
    if let Some(inner) = pre.strip_suffix(')') {
        let open = inner.rfind('(')?;
        let name_part = inner[..open].trim_end();
        let m = names(name_part).last().filter(|m| m.end() == name_part.len())?;
        let person = make_person(m.as_str(), clean_role(&inner[open + 1..]))?;
        return Some((Subject::Named(person), m.start()));
    }
    // "Brian McGrath, Chief Executive, Foyle Port said": a name opening the clause, its title and its
    // employer set off by commas, with no comma before the verb.
    if let Some((first, rest)) = pre.split_once(", ")
        && let Some((title, _)) = rest.split_once(", ")
        && title.split_whitespace().any(is_title_word)
        && let Some(m) = names(first)
            .next()
            .filter(|m| m.start() == 0 && m.end() == first.len())
        && let Some(person) = make_person(m.as_str(), clean_role(rest))
    {
        return Some((Subject::Named(person), 0));
    }
    if let Some(found) = with_employer(pre) {
        return Some(found);
    }
    let Some(m) = names(pre).last().filter(|m| m.end() == pre.len()) else {
        return open_apposition(pre);
    };
    if let Some(found) = after_role_object(pre, &m) {
        return Some(found);
    }
    if let Some(person) = make_person(m.as_str(), None) {
        return Some((Subject::Named(person), m.start()));
    }
    // A long capitalized run ("… Investment Fund Kirill Dmitriev"): the name is its last two words.
    let raw = m.as_str();
    let last_two = raw
        .rmatch_indices(' ')
        .nth(1)
        .map(|(i, _)| i + 1)
        .and_then(|cut| Some((make_person(&raw[cut..], None)?, cut)));
    match last_two {
        Some((person, cut)) => Some((Subject::Named(person), m.start() + cut)),
        // "Sun Shoushan, Vice Minister SAPPRFT": no person ends the clause; one may open it.
        None => open_apposition(pre),
    }
}

/// "Jane Doe of the Vell Archive", "Dr. Jane Doe from Leeds University": a person of two or more words
/// and, after "of", "from" or "at", the capitalized body or place they speak for, which is the role.
fn with_employer(pre: &str) -> Option<(Subject, usize)> {
    if !pre.ends_with(|c: char| c.is_alphabetic()) {
        return None;
    }
    for sep in [" of ", " from ", " at "] {
        for (i, _) in pre.rmatch_indices(sep).take(3) {
            let after = &pre[i + sep.len()..];
            let body = after.strip_prefix("the ").unwrap_or(after);
            let words: Vec<&str> = body.split_whitespace().collect();
            let capital = |w: &&str| w.starts_with(char::is_uppercase);
            let joined = words.len() <= 8
                && words.first().is_some_and(capital)
                && words.last().is_some_and(capital)
                && words
                    .iter()
                    .all(|w| capital(w) || matches!(*w, "of" | "for" | "and" | "the" | "&"))
                && !body.contains([',', '.', ';', ':', '(', ')']);
            if !joined {
                continue;
            }
            let before = &pre[..i];
            let Some(m) = names(before).last().filter(|m| m.end() == before.len()) else {
                continue;
            };
            let is_body = m.as_str().split_whitespace().any(super::orglist::is_org_head);
            if let Some(person) =
                make_person(m.as_str(), Some(body.to_string())).filter(|p| !is_body && p.name.contains(' '))
            {
                return Some((Subject::Named(person), m.start()));
            }
        }
    }
    None
}

/// A role before the name whose object runs into it: "Special Envoy for Trade and Industry Ann Lee",
/// "Chairman of the Board Tom Berg". The capitalized run after the role's "of", "for", "and" or "the"
/// ends the object and starts the name, which is its last words: the surname, particles and initials
/// before it, and one given name. The role runs from the start of the clause, which must have a title
/// word.
fn after_role_object(pre: &str, m: &regex::Match) -> Option<(Subject, usize)> {
    // An object, a given name and a surname take three words at least; fewer is settled before the
    // clause is read.
    m.as_str().split_whitespace().nth(2)?;
    let before = &pre[..m.start()];
    if ![" of ", " for ", " and ", " the "]
        .iter()
        .any(|c| before.ends_with(c))
    {
        return None;
    }
    let start = before.rfind([',', ';', ':']).map_or(0, |i| i + 1);
    let start = start + (before.len() - start - before[start..].trim_start().len());
    let clause = &before[start..];
    if !clause.split_whitespace().any(is_title_word) {
        return None;
    }
    let tokens: Vec<&str> = m.as_str().split_whitespace().collect();
    let initial = |t: &str| t.len() == 2 && t.ends_with('.') && t.starts_with(char::is_uppercase);
    let mut k = tokens.len().checked_sub(1)?;
    // Particles and initials before the surname, then the given name.
    while k > 0 && (initial(tokens[k - 1]) || tokens[k - 1].starts_with(char::is_lowercase)) {
        k -= 1;
    }
    k = k.checked_sub(1)?;
    while k > 0 && initial(tokens[k - 1]) {
        k -= 1;
    }
    if k == 0 {
        return None;
    }
    let object = tokens[..k].iter().copied().filter(|t| !is_honorific(t));
    let role = clause
        .split_whitespace()
        .chain(object)
        .collect::<Vec<_>>()
        .join(" ");
    let person = make_person(&tokens[k..].join(" "), clean_role(&role))?;
    Some((Subject::Named(person), start))
}

/// The person a capitalized run of `text` names when a role's object runs into it ("Vice President for
/// Global Engagement Thomas Banchoff" names Thomas Banchoff): see [`after_role_object`].
pub(crate) fn after_role(text: &str, run: &regex::Match) -> Option<Person> {
    match after_role_object(text, run)? {
        (Subject::Named(p), _) => Some(p),
        _ => None,
    }
}

/// A subject whose apposition is not closed by a comma before the verb: "Jane Doe, Chairman of Acme in
/// the United States and a panellist in the plenary told …". The name opens the clause and the role
/// runs, without punctuation, up to the verb.
fn open_apposition(pre: &str) -> Option<(Subject, usize)> {
    let lead = pre.len() - pre.trim_start().len();
    // The name opens the clause, or follows one fronted phrase set off by a comma ("Emphasising …, Sun
    // Shoushan, Vice Minister SAPPRFT said").
    let fronted = |m: &regex::Match| {
        let before = pre[..m.start()].trim_end();
        before
            .strip_suffix(',')
            .is_some_and(|phrase| !phrase.contains(',') && !phrase.contains(super::quoted::is_quote_mark))
    };
    names(pre)
        .filter(|m| m.start() == lead || fronted(m))
        .take(2)
        .find_map(|m| {
            let role = pre[m.end()..].strip_prefix(", ")?.trim_end();
            let plain = !role.contains(|c: char| {
                matches!(c, ',' | ';' | ':' | '.' | '(' | ')') || super::quoted::is_quote_mark(c)
            });
            if !plain || !strict_role(role) || has_words(role, 25) {
                return None;
            }
            let person = make_person(m.as_str(), clean_role(role))?;
            Some((Subject::Named(person), m.start()))
        })
}

/// The subject in apposition before the comma that precedes a verb, tried in this order: "NAME,
/// ROLE" with a role-like phrase; "ROLE, NAME" ("the CEO of Acme, Jane Doe"); "NAME, Capitalized
/// Phrase" without commas ("Jane Doe, Acme Inc.").
fn apposition(inner: &str) -> Option<(Subject, usize)> {
    let found: Vec<_> = names(inner).collect();
    let name_then_role = |strict: bool| {
        found.iter().rev().find_map(|m| {
            let role = inner[m.end()..].strip_prefix(", ")?;
            // "X, who succeeded Y as director, said": a clause, not a role (see `relative_clause`).
            if RELATIVE.iter().any(|r| role.starts_with(&r[2..])) {
                return None;
            }
            let ok = if strict {
                strict_role(role)
            } else {
                !role.contains(',') && super::text::starts_upper(role)
            };
            if !ok {
                return None;
            }
            let person = make_person(m.as_str(), clean_role(role))?;
            Some((Subject::Named(person), m.start()))
        })
    };
    let role_then_name = || {
        let m = found.last().filter(|m| m.end() == inner.len())?;
        let head = inner[..m.start()].strip_suffix(", ")?;
        let start = head.rfind(", ").map_or(0, |i| i + 2);
        let role = &head[start..];
        if !strict_role(role) {
            return None;
        }
        let person = make_person(m.as_str(), clean_role(role))?;
        Some((Subject::Named(person), start))
    };
    // "Jane Doe, 45, said": an age in apposition.
    let aged = || {
        let m = found.last()?;
        let age = inner[m.end()..].strip_prefix(", ")?;
        is_age(age)
            .then(|| make_person(m.as_str(), None))
            .flatten()
            .map(|p| (Subject::Named(p), m.start()))
    };
    name_then_role(true)
        .or_else(role_then_name)
        .or_else(|| name_then_role(false))
        .or_else(aged)
        .or_else(|| relative_clause(inner, &found))
}

/// An age set off after a name ("Jane Doe, 45, said"): one to three digits.
pub(crate) fn is_age(s: &str) -> bool {
    (1..=3).contains(&s.len()) && s.chars().all(|c| c.is_ascii_digit())
}

/// Lowercase clauses that describe a person in apposition ("X, who runs a school, said").
pub(crate) const RELATIVE: [&str; 4] = [", who ", ", whose ", ", speaking ", ", herself "];

/// "NAME, who …," / "NAME, speaking for …,": the last name followed by such a clause, without a role.
fn relative_clause(inner: &str, found: &[regex::Match]) -> Option<(Subject, usize)> {
    let m = found.iter().rev().find(|m| {
        let rest = &inner[m.end()..];
        RELATIVE.iter().any(|r| rest.starts_with(r)) && !rest.contains(['.', ';', ':'])
    })?;
    let person = make_person(m.as_str(), None)?;
    Some((Subject::Named(person), m.start()))
}

#[cfg(test)]
mod tests;
