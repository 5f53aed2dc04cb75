//! Splitting the list after "sponsored by" & co. into organization names.
//!
//! Items are split at commas and at "and" when "and" starts a new organization rather than continuing
//! a name ("Ministry of Telecom and Mass Communication"); commas inside parentheses and ministry
//! portfolios ("Ministry of Digital Development, Innovation and Aerospace Industry") do not split. An
//! item stops at the first lowercase word that is not a name connector, which also ends the list, so
//! "and other associations of China" and trailing clauses never become organizations.

use std::sync::LazyLock;

use super::people::{is_honorific, is_title_word};
use super::text::{WordSet, in_set, starts_upper, words};

/// Lowercase words allowed inside organization names.
static CONNECTORS: LazyLock<WordSet> = LazyLock::new(|| {
    // Includes the French, Spanish, Italian, German, Dutch and Portuguese ones of names left
    // untranslated ("Fonds Lumière pour l'Éthique").
    words(
        "of for and the de du des la le les van von der den on in at & to y et di da del und für d’ l’ d' l' \
         pour sur par au aux zur zum voor het per della delle dei degli dos das do em para",
    )
});

/// Head words that start or end an organization name, used to tell "Ministry of Science and
/// Technology" (one name) from "Ministry of Science and Acme Corp" (two).
static ORG_HEADS: LazyLock<WordSet> = LazyLock::new(|| {
    words(
        "ministry department university association council committee agency institute foundation center \
         centre chamber federation academy bank office commission bureau authority alliance society union \
         organization organisation group corporation corp company co government embassy administration \
         network school college board fund trust club consortium secretariat inc ltd llc plc gmbh ag sa \
         holdings technologies labs partners army navy police parliament senate initiative programme \
         directorate institution",
    )
});

/// Corporate suffixes that follow a comma but belong to the previous name ("Acme, Inc."), and keep
/// their period.
static SUFFIXES: LazyLock<WordSet> =
    LazyLock::new(|| words("inc ltd llc llp co corp gmbh ag s.a sa plc n.v b.v l.p"));

/// Splits the text after a trigger into organization names, stopping at the first item that turns
/// into a clause.
pub(crate) fn parse_list(list: &str) -> Vec<String> {
    let mut list = list.trim_start_matches([':', ' ']);
    // A trigger inside parentheses, "The forum (sponsored by A and B) opened", lists only up to the
    // parenthesis that closes around it.
    let mut depth = 0i32;
    if let Some((i, _)) = list.char_indices().find(|&(_, c)| {
        depth += match c {
            '(' | '[' => 1,
            ')' | ']' => -1,
            _ => 0,
        };
        depth < 0
    }) {
        list = &list[..i];
    }
    for stop in [
        ", which",
        ", who",
        ", where",
        ", while",
        ", whereas",
        ", with ",
        "; ",
        " – ",
        " — ",
        "“",
        "\"",
    ] {
        if let Some(i) = list.find(stop) {
            list = &list[..i];
        }
    }
    let mut segments: Vec<String> = Vec::new();
    for seg in split_top_level(list) {
        match segments.last_mut() {
            Some(prev) if continues_portfolio(prev, seg) => {
                prev.push_str(", ");
                prev.push_str(seg);
            }
            _ => segments.push(seg.to_string()),
        }
    }
    // "A, the B County Soil and Water District, and C": a list with a comma before its last "and" does
    // not use a bare "and" between its items, so one before a capital continues a name.
    // Only the segments before one that names nothing ("…, included a live Q&A, …, and a panel") are
    // the list's.
    let oxford = segments
        .iter()
        .position(|s| s.starts_with("and "))
        .filter(|&i| i > 1)
        .filter(|&i| segments[..i].iter().all(|s| clean_item(s).0.is_some()));
    let mut names = Vec::new();
    for (si, seg) in segments.iter().enumerate() {
        // "A, B, and C, the Center for …": what follows the last item after a comma describes it.
        if si > 1 && segments[si - 1].starts_with("and ") {
            break;
        }
        let parts = split_and(seg, oxford.is_some_and(|o| si < o));
        for part in parts {
            if part.trim().is_empty() {
                continue;
            }
            let (name, complete) = clean_item(&part);
            if let Some(name) = name {
                names.push(name);
            }
            if !complete || names.len() >= 30 {
                return names;
            }
        }
    }
    names
}

/// Splits at ", " and at " as well as " / " along with " / " together with " / " including " outside
/// parentheses ("the Government and agencies including A, B and C": the members named one by one).
fn split_top_level(list: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut depth = 0i32;
    let mut start = 0;
    for (i, c) in list.char_indices() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth -= 1,
            _ => {}
        }
        if depth > 0 || i < start || !matches!(c, ',' | ' ') {
            continue;
        }
        let rest = &list[i..];
        // ", as well as B" is one separator.
        let sep = [
            ", as well as ",
            ", along with ",
            ", together with ",
            ", including ",
            ", ",
            " as well as ",
            " along with ",
            " together with ",
            " including ",
        ]
        .into_iter()
        .find(|s| rest.starts_with(s));
        // "Acme, Inc." is one name.
        let next_word = rest.get(2..).unwrap_or("").split([' ', ',']).next().unwrap_or("");
        let suffix = sep == Some(", ") && in_set(&SUFFIXES, next_word);
        if let Some(sep) = sep.filter(|_| !suffix) {
            let before = &list[start..i];
            // "the Government and (State) agencies including A, B": the kind the members belong to
            // is none of them.
            let before = if sep.trim_start_matches(',').trim() == "including" {
                without_kind(before)
            } else {
                before
            };
            if !before.trim().is_empty() {
                out.push(before);
            }
            start = i + sep.len();
        }
    }
    out.push(&list[start..]);
    out
}

/// Plural nouns naming a kind of member ("agencies", "partners"), not one organization.
static KINDS_OF_MEMBER: LazyLock<WordSet> = LazyLock::new(|| {
    words(
        "agencies partners bodies organisations organizations institutions companies ministries departments \
         sponsors members groups stakeholders firms",
    )
});

/// A segment without the kind of member that closes it ("A and State Agencies" gives "A"; "agencies"
/// gives nothing).
fn without_kind(segment: &str) -> &str {
    let Some(last) = segment.split_whitespace().next_back() else {
        return segment;
    };
    if !in_set(&KINDS_OF_MEMBER, last) {
        return segment;
    }
    match segment.rfind(" and ") {
        Some(at) if segment[at + 5..].split_whitespace().count() <= 2 => &segment[..at],
        _ if segment.split_whitespace().count() <= 2 => "",
        _ => segment,
    }
}

/// Splits a comma segment at " and " outside brackets where "and" starts another organization: before
/// a lowercase word ("and the …", "and other …"), or (unless `lower_only`, in a list whose items are
/// joined by an Oxford comma) before a capitalized word unless the left side is an "X of Y" name and
/// the right side does not look like an organization of its own.
fn split_and(segment: &str, lower_only: bool) -> Vec<String> {
    let words: Vec<&str> = segment.split_whitespace().collect();
    let mut parts: Vec<Vec<&str>> = vec![Vec::new()];
    let mut depth = 0i32;
    for (i, &w) in words.iter().enumerate() {
        let here_depth = depth;
        depth += w.matches(['(', '[']).count() as i32 - w.matches([')', ']']).count() as i32;
        let current = parts.last().map_or(0, Vec::len);
        if w != "and" || here_depth > 0 || current == 0 {
            if let Some(p) = parts.last_mut() {
                p.push(w);
            }
            continue;
        }
        let next = words.get(i + 1).copied().unwrap_or("");
        let right: Vec<&str> = words[i + 1..]
            .iter()
            .copied()
            .take_while(|&x| x != "and")
            .collect();
        let left = parts.last().map(Vec::as_slice).unwrap_or(&[]);
        // "the Chamber of Commerce (CCOIC) and Fortune China": a short form in brackets closes a name.
        let closed = left
            .last()
            .is_some_and(|w| w.starts_with('(') && w.ends_with(')'));
        let split = if !starts_upper(next) || closed {
            true
        } else if lower_only {
            false
        } else if spelled_by_abbreviation(left, &right) {
            // "Exhibition Services and Contractors Association (ESCA)": the abbreviation spells both
            // sides, so they are one name.
            false
        } else {
            let left_has_of = left
                .iter()
                .any(|x| matches!(*x, "of" | "for" | "on" | "in" | "de"));
            let right_is_org = right.iter().any(|x| is_org_head(x));
            // "the D. Dan and Betty Kahn Foundation", "Kenya Agri-business and Agro Industry
            // Alliance": a left side with no head word of its own shares the right side's.
            let left_is_org = left.iter().any(|x| is_org_head(x));
            // Both sides short: a right side with an "of" of its own, a long left side, or a left side
            // of one word ("Initech and Umbrella Group": a brand), is a name of its own.
            let right_has_of = right.iter().any(|x| matches!(*x, "of" | "for"));
            let shared_head = right_is_org
                && !left_is_org
                && !left_has_of
                && !right_has_of
                && (2..=3).contains(&left.iter().filter(|x| !matches!(**x, "the" | "The")).count());
            // "the Confederation of Indian Industry and World Economic Forum": three capitalized words
            // or more after the "and", the last no portfolio ("… of Fisheries and Aquaculture
            // Development"), make a name of their own.
            let right_named = right.len() >= 3
                && right.iter().all(|x| starts_upper(x))
                && right.last().is_some_and(|x| !in_set(&PORTFOLIO, x))
                && !right.iter().any(|x| is_honorific(x.trim_end_matches('.')));
            !shared_head && (!left_has_of || right_is_org || right_named)
        };
        if split {
            parts.push(Vec::new());
        } else if let Some(p) = parts.last_mut() {
            p.push(w);
        }
    }
    parts.into_iter().map(|p| p.join(" ")).collect()
}

/// Whether the abbreviation in parentheses that closes `right` ("Contractors Association (ESCA)") is
/// the initials of the capitalized words of `left` and `right` together, "and" left out.
fn spelled_by_abbreviation(left: &[&str], right: &[&str]) -> bool {
    let Some(at) = right.iter().position(|w| w.starts_with('(')) else {
        return false;
    };
    let abbreviation: String = right[at]
        .trim_matches(|c: char| !c.is_alphanumeric())
        .chars()
        .collect();
    if abbreviation.chars().count() < 3 || !abbreviation.chars().all(|c| c.is_ascii_uppercase()) {
        return false;
    }
    let initials: String = left
        .iter()
        .chain(&right[..at])
        .filter(|w| starts_upper(w))
        .filter_map(|w| w.chars().next())
        .collect();
    initials == abbreviation
}

/// Portfolio words of ministries and committees, which may be listed with commas inside one name.
static PORTFOLIO: LazyLock<WordSet> = LazyLock::new(|| {
    words(
        "development innovation industry industries communications communication media mass trade science \
         sciences technology technologies education culture sport sports tourism health labour labor \
         social affairs economy economic finance energy agriculture environment transport infrastructure \
         information digital youth research higher security justice defence defense interior foreign \
         commerce investment planning housing water resources mines mining fisheries forestry \
         telecommunications telecom post aerospace arts heritage welfare employment public administration \
         integration regional urban rural natural protection emergency policy services food safety \
         consumer competition entrepreneurship enterprise transformation cooperation relations family \
         women children climate",
    )
});

/// Whether comma segment `seg` continues a name with portfolios in `prev`: "Ministry of Digital
/// Development" + "Innovation and Aerospace Industry of the Republic of Kazakhstan", "Centre for Energy" +
/// "Environmental and Technological Research". The segment has no head word of its own and only
/// portfolio words or adjectives; `prev` has a head word followed by "of" or "for".
fn continues_portfolio(prev: &str, seg: &str) -> bool {
    // Cheap test first: the words after the comma must all be portfolio words or adjectives.
    let seg = seg.trim();
    let seg = seg.strip_prefix("and ").unwrap_or(seg);
    let before_of = seg
        .split(" of ")
        .next()
        .unwrap_or("")
        .split(" (")
        .next()
        .unwrap_or("");
    let adjective = |w: &str| {
        let w = w.to_lowercase();
        ["al", "ic", "ical", "ive", "ary", "ous", "ial"]
            .iter()
            .any(|e| w.ends_with(e))
            && w.len() > 5
    };
    let mut words = before_of
        .split_whitespace()
        .filter(|w| !matches!(*w, "and" | "&"))
        .peekable();
    if words.peek().is_none()
        || !words.all(|w| starts_upper(w) && !is_org_head(w) && (in_set(&PORTFOLIO, w) || adjective(w)))
    {
        return false;
    }
    let lower = prev.to_lowercase();
    let mut words = lower.split_whitespace().peekable();
    while let Some(word) = words.next() {
        if is_org_head(word) && words.peek().is_some_and(|next| matches!(*next, "of" | "for")) {
            return true;
        }
    }
    false
}

/// First words of an opening time or place phrase: "On Monday, …", "Earlier this year, …".
static INTRO: LazyLock<WordSet> = LazyLock::new(|| {
    words("on in at during last this earlier later today yesterday after before since over")
});

/// The organizations named as the subject of an active sentence, "Acme Labs and the Arts Council
/// hosted …". All or nothing: every item must have an organization head word and the list must run
/// up to the verb, so "Arts Council director Jane Doe hosted …" and "Jane Doe, CEO of Acme, hosted
/// …" give nothing.
pub(crate) fn subject_orgs(subject: &str) -> Vec<String> {
    let mut subject = subject.trim().trim_end_matches(',').trim_end();
    // An opening adverbial, "On Monday, the Arts Council hosted …", is not part of the subject.
    if let Some((intro, rest)) = subject.split_once(", ")
        && intro.split_whitespace().next().is_some_and(|w| in_set(&INTRO, w))
    {
        subject = rest;
    }
    let names = parse_list(subject);
    // "The University of Lagos (UL) hosted …": the abbreviation the name drops stands before the verb.
    let bare = without_abbreviation(subject);
    let ends_at_verb = names.last().is_some_and(|n| bare.ends_with(n.as_str()));
    let all_orgs = names.iter().all(|n| n.split_whitespace().any(is_org_head));
    if ends_at_verb && all_orgs {
        names
    } else {
        Vec::new()
    }
}

/// Whether a word heads an organization's name (University, Council, Fund, Inc …).
pub(crate) fn is_org_head(word: &str) -> bool {
    let w = word.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
    ORG_HEADS.contains(&w.as_str())
}

/// Cleans one list item into a name. Returns the name (if any) and whether the item ended cleanly;
/// `false` means a clause began inside it, so the list is over.
pub(crate) fn clean_item(raw: &str) -> (Option<String>, bool) {
    let mut s = raw
        .trim()
        .trim_matches(|c: char| matches!(c, ',' | ';' | ':' | '*' | '"' | '“' | '”'));
    for prefix in [
        "and ",
        "or ",
        "both ",
        "also ",
        "by ",
        "jointly by ",
        "the ",
        "The ",
    ] {
        s = s.strip_prefix(prefix).unwrap_or(s).trim_start();
    }
    // "the city Administration of Saint Petersburg": a lowercase descriptor before a capitalized head
    // word is not part of the name.
    if let Some((first, rest)) = s.split_once(' ')
        && first.chars().all(|c| c.is_lowercase())
        && !in_set(&CONNECTORS, first)
        && rest
            .split(' ')
            .next()
            .is_some_and(|w| starts_upper(w) && is_org_head(w))
    {
        s = rest;
    }
    let mut kept: Vec<&str> = Vec::new();
    let mut depth = 0i32;
    let mut complete = true;
    let words: Vec<&str> = s.split_whitespace().collect();
    for (k, &w) in words.iter().enumerate() {
        let lower = w.trim_end_matches([',', '.', ';']).to_lowercase();
        // "the Portuguese government", "the government of Xinjiang": a lowercase organization noun
        // next to capitalized words.
        let common_head = lower.len() > 3
            && ORG_HEADS.contains(&lower.as_str())
            && (!kept.is_empty() || s.contains(|c: char| c.is_uppercase()));
        let name_like = w.chars().any(|c| c.is_uppercase() || c.is_ascii_digit())
            || CONNECTORS.contains(&lower.as_str())
            || common_head;
        if depth == 0 && !name_like {
            complete = false;
            break;
        }
        depth += w.matches('(').count() as i32 - w.matches(')').count() as i32;
        kept.push(w);
        // "the NUS Global Asia Institute (NUS-GAI) on 28 June", "Vell Research Institute (VRI) of the
        // Vell College": a short form in brackets closes the name it abbreviates, unless capitalized
        // words go on with it ("University of Vell (UV) Asian Center").
        let goes_on = words
            .get(k + 1)
            .is_some_and(|n| n.starts_with(char::is_uppercase));
        if depth == 0
            && kept.len() > 1
            && !goes_on
            && w.starts_with('(')
            && w.trim_end_matches([',', '.', ';']).ends_with(')')
        {
            let inner = w.trim_end_matches([',', '.', ';']).trim_matches(['(', ')']);
            if (2..=10).contains(&inner.chars().count()) && is_short_form(inner) {
                break;
            }
        }
    }
    while kept.last().is_some_and(|w| in_set(&CONNECTORS, w)) {
        kept.pop();
    }
    let mut name = kept.join(" ");
    let keeps_dot = kept.last().is_some_and(|w| {
        let bare = w.trim_end_matches('.').to_lowercase();
        SUFFIXES.contains(&bare.as_str()) || bare.contains('.')
    });
    if !keeps_dot {
        name = name.trim_end_matches('.').to_string();
    }
    let name = without_abbreviation(name.trim_end_matches([',', ';', ':']).trim()).to_string();
    let first_ok = name
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        || kept.first().is_some_and(|w| w.chars().any(char::is_uppercase))
        || (kept.first().is_some_and(|w| is_org_head(w)) && name.contains(char::is_uppercase));
    let pronoun = matches!(
        name.as_str(),
        "It" | "We" | "They" | "Its" | "Our" | "Their" | "This" | "These" | "I"
    );
    let valid = first_ok && !pronoun && !is_person(&name) && kept.len() <= 15 && name.len() <= 150;
    (valid.then_some(name), complete)
}

/// Whether a name is a person's, by the title it opens with and no head word of an organization: "Amir
/// of Qatar", "Minister of Education", "Sheikh Tamin" (not "Queen Mary University", "Office of the
/// President").
fn is_person(name: &str) -> bool {
    let mut words = name.split_whitespace();
    let (Some(first), Some(second)) = (words.next(), words.next()) else {
        return false;
    };
    let first = first.trim_end_matches('.');
    // A ruler's title goes before the name itself ("Sheikh Tamin"), another title before "of".
    let ruler = matches!(
        first.to_lowercase().as_str(),
        "sheikh" | "sheik" | "king" | "queen" | "prince" | "princess" | "amir" | "emir"
    );
    let titled = (is_title_word(first) && (second == "of" || ruler && starts_upper(second)))
        || (is_honorific(first) && starts_upper(second));
    titled && !name.split_whitespace().any(is_org_head)
}

/// A short form: capitals, with digits, "&", "-" or "." among them ("NUS-GAI", "R&D", "U.S.").
fn is_short_form(w: &str) -> bool {
    w.chars().any(char::is_uppercase)
        && w.chars()
            .all(|c| c.is_uppercase() || c.is_ascii_digit() || matches!(c, '&' | '-' | '.'))
}

/// Drops a trailing short form in parentheses ("Asian Broadband Consortium (ABC)" gives "Asian Broadband
/// Consortium"): the name is what people label and search for. A short form is an acronym; or shorter
/// than the name and made of acronyms and the name's own words ("… Coordination Board (NGO Coordination
/// Board)", "(NPI-Africa)"); or one capitalized word with the name's initial, of a name of three
/// capitalized words or more ("National African Federated Chamber of Commerce (Nafcoc)"). Qualifiers
/// ("Cloud Security Alliance (Great China Region)", "(SCN, Europe)") stay.
pub(crate) fn without_abbreviation(name: &str) -> &str {
    let Some(open) = name.strip_suffix(')').and_then(|n| n.rfind('(')) else {
        return name;
    };
    let inside = &name[open + 1..name.len() - 1];
    let head = name[..open].trim_end();
    if !head.chars().any(char::is_alphabetic) {
        return name;
    }
    if (2..=10).contains(&inside.chars().count()) && is_short_form(inside) {
        return head;
    }
    if !inside.starts_with(char::is_uppercase) || inside.len() >= head.len() {
        return name;
    }
    let words: Vec<&str> = head.split([' ', '-']).collect();
    let parts: Vec<&str> = inside.split([' ', '-']).filter(|w| !w.is_empty()).collect();
    let of_own_words = parts.iter().all(|w| is_short_form(w) || words.contains(w));
    let capitals: Vec<&str> = words.iter().copied().filter(|w| starts_upper(w)).collect();
    let initial = parts.len() == 1
        && (3..=8).contains(&inside.chars().count())
        && inside.chars().all(char::is_alphabetic)
        && capitals.len() >= 3
        && !words.contains(&inside)
        && capitals.first().and_then(|w| w.chars().next()) == inside.chars().next();
    if of_own_words || initial { head } else { name }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commas_and_and() {
        assert_eq!(
            parse_list(
                " the Ministry of International Affairs and the Ministry of Telecom and Mass Communication."
            ),
            vec![
                "Ministry of International Affairs",
                "Ministry of Telecom and Mass Communication"
            ]
        );
        assert_eq!(
            parse_list(" Google and Microsoft, Acme, Inc. and Globex"),
            vec!["Google", "Microsoft", "Acme, Inc.", "Globex"]
        );
    }

    #[test]
    fn a_long_capitalized_right_side_and_members_after_including() {
        assert_eq!(
            parse_list(" the Guild of Vell Harbour Pilots and Marl Coastal Shipping Forum."),
            vec!["Guild of Vell Harbour Pilots", "Marl Coastal Shipping Forum"]
        );
        assert_eq!(
            parse_list(" the Ministry of Fisheries and Aquaculture Development."),
            vec!["Ministry of Fisheries and Aquaculture Development"]
        );
        assert_eq!(
            parse_list(
                " the Vell Government and agencies including the Tide Office, Orrin Trust and Marl Bank."
            ),
            vec!["Vell Government", "Tide Office", "Orrin Trust", "Marl Bank"]
        );
    }

    #[test]
    fn a_bare_and_inside_an_item_of_a_list_with_an_oxford_comma() {
        assert_eq!(
            parse_list(" the Vell County Tide and Harbour District, the Orrin Trust, and the Marl Guild"),
            vec![
                "Vell County Tide and Harbour District",
                "Orrin Trust",
                "Marl Guild"
            ]
        );
        assert_eq!(
            parse_list(" Vellco and Orrin, Marl, Tarn and Bolt"),
            vec!["Vellco", "Orrin", "Marl", "Tarn", "Bolt"]
        );
    }

    #[test]
    fn a_shared_head_a_joiner_after_a_comma_and_an_and_after_the_list() {
        assert_eq!(
            parse_list("the Vell Agri-business and Agro Industry Alliance, and the Marl Council"),
            vec!["Vell Agri-business and Agro Industry Alliance", "Marl Council"]
        );
        assert_eq!(
            parse_list("the Vell Health Network and Colliers, included a talk, a chat, and a panel"),
            vec!["Vell Health Network", "Colliers"]
        );
        assert_eq!(
            parse_list("Orrin Canada, as well as the Marl Health Network"),
            vec!["Orrin Canada", "Marl Health Network"]
        );
        // A long left side, or a right side with an "of", is a name of its own.
        assert_eq!(
            parse_list("Vell Power & Light Trust and Peoples Company"),
            vec!["Vell Power & Light Trust", "Peoples Company"]
        );
    }

    #[test]
    fn a_short_form_in_brackets_closes_its_name() {
        assert_eq!(
            clean_item("the Vell Global Institute (VGI) on 28 June")
                .0
                .as_deref(),
            Some("Vell Global Institute")
        );
        assert_eq!(
            clean_item("Vell Research Institute (VRI) of the Orrin College")
                .0
                .as_deref(),
            Some("Vell Research Institute")
        );
        assert_eq!(
            clean_item("University of Vell (UV) Asian Center").0.as_deref(),
            Some("University of Vell (UV) Asian Center")
        );
    }

    #[test]
    fn lowercase_organization_nouns() {
        assert_eq!(
            parse_list(" the Ministry of Commerce and the government of Xinjiang, the expo runs"),
            vec!["Ministry of Commerce", "government of Xinjiang"]
        );
    }

    #[test]
    fn untranslated_names_keep_their_connectors() {
        assert_eq!(
            parse_list(" the Fonds Lumière pour l'Éthique Numérique, ended without a statement"),
            vec!["Fonds Lumière pour l'Éthique Numérique"]
        );
    }

    #[test]
    fn clause_ends_the_list() {
        assert_eq!(
            parse_list(" Acme for the third year, Globex and Initech"),
            vec!["Acme"]
        );
        assert_eq!(parse_list(" Acme, which also sponsored Globex"), vec!["Acme"]);
        assert_eq!(clean_item("other professional associations"), (None, false));
    }
}
