//! The catalogues hold each other to account: the same messages with the same arguments in every language,
//! every message the code names present, plurals and dates the locale's way.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use fluent_syntax::ast;

use super::*;

/// Each message of a catalogue with the variables its pattern uses.
fn messages(source: &str) -> BTreeMap<String, BTreeSet<String>> {
    let resource = fluent_syntax::parser::parse(source).unwrap_or_else(|(_, errors)| panic!("{errors:?}"));
    let mut out = BTreeMap::new();
    for entry in resource.body {
        if let ast::Entry::Message(m) = entry {
            let mut vars = BTreeSet::new();
            if let Some(p) = &m.value {
                pattern_vars(p, &mut vars);
            }
            out.insert(m.id.name.to_string(), vars);
        }
    }
    out
}

fn pattern_vars(p: &ast::Pattern<&str>, vars: &mut BTreeSet<String>) {
    for e in &p.elements {
        if let ast::PatternElement::Placeable { expression } = e {
            expression_vars(expression, vars);
        }
    }
}

fn expression_vars(e: &ast::Expression<&str>, vars: &mut BTreeSet<String>) {
    match e {
        ast::Expression::Inline(i) => inline_vars(i, vars),
        ast::Expression::Select { selector, variants } => {
            inline_vars(selector, vars);
            for v in variants {
                pattern_vars(&v.value, vars);
            }
        }
    }
}

fn inline_vars(i: &ast::InlineExpression<&str>, vars: &mut BTreeSet<String>) {
    match i {
        ast::InlineExpression::VariableReference { id } => {
            vars.insert(id.name.to_string());
        }
        ast::InlineExpression::Placeable { expression } => expression_vars(expression, vars),
        _ => {}
    }
}

#[test]
fn every_catalogue_has_every_message_with_the_same_arguments() {
    let english = messages(CATALOGUES[0].1);
    for (lang, source) in &CATALOGUES[1..] {
        let other = messages(source);
        let missing: Vec<_> = english.keys().filter(|k| !other.contains_key(*k)).collect();
        let extra: Vec<_> = other.keys().filter(|k| !english.contains_key(*k)).collect();
        assert!(missing.is_empty(), "{}: missing {missing:?}", locale(*lang));
        assert!(extra.is_empty(), "{}: not in English {extra:?}", locale(*lang));
        for (id, vars) in &english {
            // A translation may leave out an argument its language does not need (the month's number in
            // English, its name in Chinese dates), but never use one the code does not give.
            let theirs = &other[id];
            assert!(
                theirs.is_subset(vars) || id.starts_with("date"),
                "{}: `{id}` uses {theirs:?}, English gives {vars:?}",
                locale(*lang)
            );
            if !id.starts_with("date") {
                assert_eq!(theirs, vars, "{}: `{id}` drops an argument", locale(*lang));
            }
        }
    }
}

/// Every message id the code names, in `tr!`, `tr_inline!` or a call of `text`/`inline`.
fn ids_in_code() -> BTreeSet<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut ids = BTreeSet::new();
    let mut dirs = vec![root.join("crates"), root.join("src")];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                if !path.ends_with("target") {
                    dirs.push(path);
                }
                continue;
            }
            // Not the module that defines the macros, whose docs and tests name them.
            let own = path.ends_with("src/i18n.rs") || path.to_string_lossy().contains("src/i18n/");
            if path.extension().is_none_or(|e| e != "rs") || own {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            for marker in ["tr!(", "tr_inline!(", "i18n::text(", "i18n::inline("] {
                for (at, _) in text.match_indices(marker) {
                    // The id is the first string literal after the language argument.
                    let rest = &text[at + marker.len()..];
                    let Some(comma) = rest.find(',') else { continue };
                    let rest = rest[comma + 1..].trim_start();
                    if let Some(lit) = rest.strip_prefix('"')
                        && let Some(end) = lit.find('"')
                    {
                        ids.insert(lit[..end].to_string());
                    }
                }
            }
        }
    }
    ids
}

#[test]
fn every_message_the_code_names_is_in_english() {
    let english = messages(CATALOGUES[0].1);
    let named = ids_in_code();
    assert!(
        named.len() > 100,
        "the scan finds the code's messages: {}",
        named.len()
    );
    let missing: Vec<_> = named.iter().filter(|id| !english.contains_key(*id)).collect();
    assert!(
        missing.is_empty(),
        "named in code, missing from locales/en: {missing:?}"
    );
    // Ids made from parts.
    for c in crate::catalogue::COMMANDS {
        for id in [format!("cmd-{}", c.name), format!("cmd-{}-help", c.name)] {
            assert!(english.contains_key(&id), "{id}");
        }
        for o in c.options {
            assert!(english.contains_key(&format!("opt-{}", o.name)), "opt-{}", o.name);
        }
    }
    for m in 1..=12 {
        assert!(english.contains_key(&format!("month-{m}")));
    }
}

#[test]
fn plurals_follow_each_language() {
    let count = |lang, n: usize| tr!(lang, "briefings-count", count = n);
    assert_eq!(count(Lang::En, 1), "1 briefing");
    assert_eq!(count(Lang::En, 2), "2 briefings");
    assert_eq!(count(Lang::Ru, 1), "1 брифинг");
    assert_eq!(count(Lang::Ru, 2), "2 брифинга");
    assert_eq!(count(Lang::Ru, 5), "5 брифингов");
    assert_eq!(count(Lang::Ru, 21), "21 брифинг");
    assert_eq!(count(Lang::Zh, 3), "3份简报");
}

#[test]
fn dates_are_written_the_locales_way() {
    let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
    assert_eq!(date(Lang::En, d(2018, 10, 10)), "10 October 2018");
    assert_eq!(date(Lang::Ru, d(2018, 10, 10)), "10 октября 2018 г.");
    assert_eq!(date(Lang::Zh, d(2018, 10, 10)), "2018年10月10日");
    assert_eq!(
        date_range(Lang::En, d(2018, 11, 15), Some(d(2018, 11, 16))),
        "15–16 November 2018"
    );
    assert_eq!(
        date_range(Lang::En, d(2018, 11, 30), Some(d(2018, 12, 2))),
        "30 November – 2 December 2018"
    );
    assert_eq!(
        date_range(Lang::En, d(2018, 12, 31), Some(d(2019, 1, 1))),
        "31 December 2018 – 1 January 2019"
    );
    assert_eq!(
        date_range(Lang::Ru, d(2018, 11, 15), Some(d(2018, 11, 16))),
        "15–16 ноября 2018 г."
    );
    assert_eq!(
        date_range(Lang::Zh, d(2018, 11, 15), Some(d(2018, 11, 16))),
        "2018年11月15日至16日"
    );
    assert_eq!(date_range(Lang::En, d(2018, 11, 15), None), "15 November 2018");
}

#[test]
fn code_arguments_become_code_spans_wherever_the_translation_puts_them() {
    let line = tr_inline!(Lang::Zh, "try-command", command = code("sponsors infoforum"));
    assert_eq!(
        line.0,
        vec![
            Span::Plain("试试 ".into()),
            Span::Code("sponsors infoforum".into())
        ]
    );
    // Text from users never forges a span.
    let sneaky = format!("{OPEN}command{CLOSE}");
    let line = tr_inline!(Lang::En, "nothing-found", query = sneaky.as_str());
    assert!(line.0.iter().all(|s| matches!(s, Span::Plain(_))), "{line:?}");
}

#[test]
fn no_isolation_marks_reach_chat() {
    let text = tr!(Lang::En, "denied", command = "digest", who = "moderators");
    assert_eq!(text, "digest is for moderators only.");
    assert!(!text.contains('\u{2068}') && !text.contains('\u{2069}'));
}
