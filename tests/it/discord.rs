//! Discord payloads: every command's answer as an embed within Discord's limits, snapshot-tested, and any
//! briefing, however large or hostile its text, rendered within every limit.

use std::sync::Arc;

use attache_core::briefing::{Briefing, Quote, Relation, Sponsor, Topic};
use attache_core::command::Role;
use attache_discord::render;
use proptest::prelude::*;
use serde_json::Value;

use crate::{engine_for, fixture};

/// A response as the bot's first reply to a slash command: serenity's builder, as JSON.
fn reply(response: &attache_core::response::Response) -> Value {
    serde_json::to_value(render::render(response).reply()).expect("a payload serializes")
}

fn chars(v: &Value) -> usize {
    v.as_str().map_or(0, |s| s.chars().count())
}

/// Asserts every documented limit on a rendered message.
fn assert_within_limits(m: &Value) {
    assert_eq!(
        m["allowed_mentions"],
        serde_json::json!({"parse": [], "users": [], "roles": []}),
        "nothing may ping"
    );
    assert!(chars(&m["content"]) <= render::CONTENT_MAX);
    let embeds = m["embeds"].as_array().map(Vec::as_slice).unwrap_or_default();
    assert!(embeds.len() <= 10);
    let mut total = 0;
    for e in embeds {
        assert!(chars(&e["title"]) <= render::TITLE_MAX);
        assert!(chars(&e["description"]) <= render::DESCRIPTION_MAX);
        let fields = e["fields"].as_array().map(Vec::as_slice).unwrap_or_default();
        assert!(fields.len() <= render::FIELDS_MAX);
        for f in fields {
            assert!((1..=render::FIELD_NAME_MAX).contains(&chars(&f["name"])), "{f}");
            assert!((1..=render::FIELD_VALUE_MAX).contains(&chars(&f["value"])), "{f}");
            total += chars(&f["name"]) + chars(&f["value"]);
        }
        assert!(chars(&e["footer"]["text"]) <= render::FOOTER_MAX);
        total += chars(&e["title"]) + chars(&e["description"]) + chars(&e["footer"]["text"]);
    }
    assert!(total <= render::EMBED_TOTAL_MAX, "{total}");
}

#[test]
fn every_command_as_an_embed() {
    let engine = engine_for(fixture("corpus"));
    for (line, role) in [
        ("help", Role::Member),
        ("status", Role::Member),
        ("events", Role::Member),
        ("briefing infoforum", Role::Member),
        ("summary infoforum", Role::Member),
        ("topics infoforum", Role::Member),
        ("sponsors infoforum", Role::Member),
        ("quotes noskov", Role::Member),
        ("search cloud security", Role::Member),
        ("summary infofourm", Role::Member),
        ("digest infoforum", Role::Member),
        ("digest infoforum matrix:#news:example.org", Role::Moderator),
    ] {
        let mut message = reply(&engine.handle(line, role));
        assert_within_limits(&message);
        // Uptime moves; everything else is fixed.
        for e in message["embeds"].as_array_mut().into_iter().flatten() {
            let fields = e.get_mut("fields").and_then(Value::as_array_mut);
            for f in fields.into_iter().flatten() {
                if f["name"] == "Uptime" {
                    f["value"] = "<masked>".into();
                }
            }
        }
        let name = format!("discord-{:?}-{}", role, attache_core::briefing::slugify(line)).to_lowercase();
        insta::assert_json_snapshot!(name, message);
    }
}

fn hostile_text() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("@everyone @here <@123456789012345678> <@&1> <#2>".to_string()),
        Just("**bold** __under__ ~~strike~~ ||spoiler|| `code` ```block```".to_string()),
        Just("# heading\n> quote\n- item\n[link](https://x.example)".to_string()),
        "\\PC{0,60}",
    ]
}

fn big_briefing() -> impl Strategy<Value = Briefing> {
    (
        hostile_text(),
        proptest::collection::vec(hostile_text(), 0..100),
        proptest::collection::vec((hostile_text(), hostile_text()), 0..60),
        0usize..5000,
    )
        .prop_map(|(text, topics, quotes, summary_len)| Briefing {
            translation: false,
            aliases: vec![],
            id: "big".into(),
            title: format!("{text} {}", "Title ".repeat(60)),
            event: Some(text.clone()),
            date: None,
            end_date: None,
            location: Some(text.clone()),
            theme: Some(text.repeat(20)),
            language: "en".into(),
            tags: vec![],
            summary: Some(format!("{text} {}", "x".repeat(summary_len))),
            source: Some("https://example.org/a(b)".into()),
            quotes: quotes
                .into_iter()
                .map(|(t, s)| Quote {
                    text: t.repeat(30),
                    speaker: format!("{s} Speaker"),
                    role: Some(s),
                })
                .collect(),
            sponsors: (0..40)
                .map(|i| Sponsor {
                    name: format!("{text} Org {i}"),
                    relation: Relation::ALL[i % 5],
                    country: None,
                })
                .collect(),
            topics: topics
                .into_iter()
                .map(|t| Topic {
                    title: format!("{t} topic"),
                    description: Some(t),
                })
                .collect(),
            links: vec![],
            path: "big.md".into(),
            extracted: vec![],
            notes: vec![],
            body: text,
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn any_briefing_renders_within_every_limit(b in big_briefing()) {
        let b = Arc::new(b);
        let card = attache_core::exec::card_response(attache_core::i18n::Lang::En, &b);
        let message = reply(&card);
        assert_within_limits(&message);
        for e in message["embeds"].as_array().into_iter().flatten() {
            let description = e["description"].as_str().unwrap_or_default();
            prop_assert!(!description.contains("@everyone") && !description.contains("<@1"));
            for f in e["fields"].as_array().into_iter().flatten() {
                let (name, value) = (f["name"].as_str().unwrap_or_default(), f["value"].as_str().unwrap_or_default());
                prop_assert!(!value.contains("@here") && !name.contains("@everyone"));
            }
        }
    }
}
