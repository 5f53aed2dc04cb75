//! Discord payloads: every command's answer as an embed within Discord's limits, snapshot-tested, and any
//! briefing, however large or hostile its text, rendered within every limit.

use std::sync::Arc;

use attache_core::briefing::{Briefing, Quote, Relation, Sponsor, Topic};
use attache_core::command::Role;
use attache_discord::render::{self, Message};
use proptest::prelude::*;

use crate::{engine_for, fixture};

/// Asserts every documented limit on a rendered message.
fn assert_within_limits(m: &Message) {
    assert!(m.allowed_mentions.parse.is_empty(), "nothing may ping");
    assert!(
        m.content
            .as_ref()
            .is_none_or(|c| c.chars().count() <= render::CONTENT_MAX)
    );
    assert!(m.embeds.len() <= 10);
    for e in &m.embeds {
        assert!(
            e.title
                .as_ref()
                .is_none_or(|t| t.chars().count() <= render::TITLE_MAX)
        );
        assert!(e.description.chars().count() <= render::DESCRIPTION_MAX);
        assert!(e.fields.len() <= render::FIELDS_MAX);
        for f in &e.fields {
            assert!(
                (1..=render::FIELD_NAME_MAX).contains(&f.name.chars().count()),
                "{f:?}"
            );
            assert!(
                (1..=render::FIELD_VALUE_MAX).contains(&f.value.chars().count()),
                "{f:?}"
            );
        }
        assert!(
            e.footer
                .as_ref()
                .is_none_or(|f| f.text.chars().count() <= render::FOOTER_MAX)
        );
    }
    let total: usize = m.embeds.iter().map(|e| e.total_chars()).sum();
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
        let mut message = render::render(&engine.handle(line, role));
        assert_within_limits(&message);
        // Uptime moves; everything else is fixed.
        for f in message
            .embeds
            .iter_mut()
            .flat_map(|e| e.fields.iter_mut())
            .filter(|f| f.name == "Uptime")
        {
            f.value = "<masked>".into();
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
        let card = attache_core::exec::card_response(&b);
        let message = render::render(&card);
        assert_within_limits(&message);
        for e in &message.embeds {
            prop_assert!(!e.description.contains("@everyone") && !e.description.contains("<@1"));
            for f in &e.fields {
                prop_assert!(!f.value.contains("@here") && !f.name.contains("@everyone"));
            }
        }
    }
}
