//! The terminal rendering of every command, snapshot-tested: a change in what users read shows up in review.

use attache_core::command::Role;
use attache_core::engine::Engine;
use attache_core::render::terminal::{Style, render};

use crate::{engine_for, fixture};

fn engine() -> Engine {
    engine_for(fixture("corpus"))
}

/// Renders `line` for `role`, with the one moving value (uptime) masked.
fn show(engine: &Engine, line: &str, role: Role) -> String {
    let text = render(
        &engine.handle(line, role),
        Style {
            color: false,
            width: 80,
        },
    );
    text.lines()
        .map(|l| {
            if l.trim_start().starts_with("Uptime") {
                "  Uptime       <masked>"
            } else {
                l
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn name(line: &str) -> String {
    let slug = attache_core::briefing::slugify(line);
    if slug.is_empty() { "empty".into() } else { slug }
}

#[test]
fn every_command_as_a_member() {
    let engine = engine();
    for line in [
        "help",
        "help sponsors",
        "help sponsers",
        "status",
        "events",
        "events example",
        "events 2024",
        "events nosuchtag",
        "briefing infoforum",
        "briefing example harbour 2024",
        "summary infoforum",
        "summary example-harbour-summit-2023",
        "topics infoforum",
        "topics example-harbour-summit-2024",
        "topics example-harbour-summit-2023",
        "sponsors infoforum",
        "sponsors infoforum supporters",
        "sponsors infoforum partner",
        "quotes infoforum",
        "quotes noskov",
        "quotes speaker:Sam",
        "quotes example-harbour-summit-2024 alex",
        "search digital economy",
        "search cloud security",
        "search zzzz",
        "summary infofourm",
        "summary harbour",
        "sponsors",
        "quotes",
        "status now",
        "frobnicate",
        "",
        "digest infoforum",
        "reload",
    ] {
        insta::assert_snapshot!(
            format!("member-{}", name(line)),
            show(&engine, line, Role::Member),
            line
        );
    }
}

#[test]
fn moderator_and_admin_commands() {
    let engine = engine();
    for (line, role) in [
        ("digest infoforum", Role::Moderator),
        ("digest infoforum matrix:#news:example.org", Role::Moderator),
        ("digest infoforum slack:general", Role::Moderator),
        ("digest preview infoforum", Role::Moderator),
        ("digest preview nosuchevent", Role::Moderator),
        ("digest status", Role::Moderator),
        ("digest status", Role::Member),
        ("reload", Role::Moderator),
        ("reload", Role::Admin),
        ("help", Role::Admin),
    ] {
        let who = format!("{role:?}").to_lowercase();
        insta::assert_snapshot!(format!("{who}-{}", name(line)), show(&engine, line, role), line);
    }
}

#[test]
fn colour_output_marks_search_hits() {
    let engine = engine();
    let text = render(
        &engine.handle("search noskov", Role::Member),
        Style {
            color: true,
            width: 80,
        },
    );
    assert!(text.contains("\x1b[1mNoskov\x1b[0m"), "{text:?}");
}
