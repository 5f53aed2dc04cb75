//! Names, roles and subjects of speech verbs, one case per test.

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
    let p = named("Co-Chair Tam Orrin").expect("person");
    assert_eq!(p.name, "Tam Orrin");
    assert_eq!(p.role.as_deref(), Some("Co-Chair"));
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
fn role_before_name_in_apposition() {
    let (subject, start) = subject_before("the CEO of Acme, Jane Doe,").expect("subject");
    assert_eq!(start, 0);
    assert_eq!(
        subject,
        Subject::Named(Person {
            name: "Jane Doe".into(),
            role: Some("CEO of Acme".into())
        })
    );
}

#[test]
fn long_capitalized_run_ends_with_the_name() {
    let p = named("Head of the Russian Direct Investment Fund Kirill Dmitriev").expect("person");
    assert_eq!(p.name, "Kirill Dmitriev");
}

#[test]
fn relative_clause_after_the_name() {
    let p = named("Jane Doe, whose agency places 4,000 workers a year,").expect("person");
    assert_eq!((p.name.as_str(), p.role), ("Jane Doe", None));
    let p = named("Tom Ray, speaking for the union,").expect("person");
    assert_eq!(p.name, "Tom Ray");
    assert!(named("Nobody").is_none());
}

#[test]
fn adverbs_between_subject_and_verb() {
    assert_eq!(named("Putin also").map(|p| p.name), Some("Putin".into()));
    assert_eq!(
        subject_before("In Beijing, he has repeatedly").map(|s| s.0),
        Some(Subject::Pronoun)
    );
}

#[test]
fn pronouns_and_nominals() {
    assert_eq!(
        subject_before("In Shanghai, he").map(|s| s.0),
        Some(Subject::Pronoun)
    );
    assert_eq!(
        subject_before("Later the minister").map(|s| s.0),
        Some(Subject::Nominal("minister".into()))
    );
    assert!(subject_before("the company").is_none());
}

#[test]
fn an_apposition_left_open_up_to_the_verb() {
    let p = named("Maria Lindqvist, Chair of the Harbour Logistics Group in the Nordic countries and a speaker in the plenary ")
        .expect("person");
    assert_eq!(p.name, "Maria Lindqvist");
    assert!(
        p.role
            .is_some_and(|r| r.starts_with("Chair of the Harbour Logistics Group"))
    );
    // Without a role word the words after the comma are not an apposition.
    assert!(named("Maria Lindqvist, after a long day in the plenary ").is_none());
}

#[test]
fn role_object_runs_into_the_name() {
    let p = named("Special Envoy for Trade and Industry Ann Lee").expect("person");
    assert_eq!(p.name, "Ann Lee");
    assert_eq!(p.role.as_deref(), Some("Special Envoy for Trade and Industry"));
    let p = named("Yesterday, Chairman of the Harbour Board Dr. Tom J. Berg").expect("person");
    assert_eq!(p.name, "Tom J. Berg");
    assert_eq!(p.role.as_deref(), Some("Chairman of the Harbour Board"));
    // No title word: a name with "of" before it stays whole.
    let p = named("a friend of Ann Lee").expect("person");
    assert_eq!(p.name, "Ann Lee");
}

#[test]
fn a_title_after_the_title_word_stays_in_the_role() {
    let p = named("Vell Council President Pro Tempore Mara Quist").expect("person");
    assert_eq!(p.name, "Mara Quist");
    assert_eq!(p.role.as_deref(), Some("Vell Council President Pro Tempore"));
}

#[test]
fn a_lowercase_word_before_the_title_word() {
    let p = leading_person("Mara Quist, content manager for Vellco. She left.").expect("person");
    assert_eq!(p.role.as_deref(), Some("content manager for Vellco"));
    assert_eq!(
        leading_person("Mara Quist, who left early.").and_then(|p| p.role),
        None
    );
}

#[test]
fn degrees_after_a_name_are_no_role() {
    assert_eq!(
        trailing_role("MD, MPH, the harbour clinic's chief physician, spoke first.").as_deref(),
        Some("harbour clinic's chief physician")
    );
    assert_eq!(trailing_role("PhD, spoke first.").as_deref(), None);
    let p = leading_person("Ann Orrin, RN, head nurse at Marl Hospital, opened the day.").expect("person");
    assert_eq!(p.role.as_deref(), Some("head nurse at Marl Hospital"));
}

#[test]
fn an_acronym_after_a_title_is_the_body_not_the_name() {
    let p = named("Emphasising the importance of exchanges, Sun Shoushan, Vice Minister SAPPRFT")
        .expect("person");
    assert_eq!(p.name, "Sun Shoushan");
    assert_eq!(p.role.as_deref(), Some("Vice Minister SAPPRFT"));
    let p = named("Sun Shoushan, Vice Minister SAPPRFT").expect("person");
    assert_eq!(p.name, "Sun Shoushan");
    // A title and an acronym alone name no one.
    assert!(named("the Vice Minister SAPPRFT").is_none());
}
