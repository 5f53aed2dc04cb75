//! Every command's Matrix rendering, snapshot-tested against the fixture corpus: the plain and the HTML body
//! of each message, as a user's client receives them. Each message is also checked to fit an event and to pass
//! the spec's HTML allowlist unchanged.

use std::path::Path;

use attache_core::command::Role;
use attache_core::config::Config;
use attache_core::engine::Engine;

use super::render::{Message, render, render_post};
use super::split::BODIES_MAX;

fn engine() -> Engine {
    Engine::new(Config {
        briefings_dir: Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/corpus"),
        ..Config::default()
    })
}

/// The HTML as the strict sanitizer (the spec's allowlist) leaves it, next to the HTML merely reparsed: equal
/// when nothing was removed.
fn assert_allowlisted(html: &str) {
    let reparsed = ruma_html::Html::parse(html).to_string();
    let sanitized = ruma_html::Html::parse(html);
    sanitized.sanitize_with(&ruma_html::SanitizerConfig::strict());
    assert_eq!(sanitized.to_string(), reparsed, "the sanitizer removed something");
}

fn show(messages: &[Message], out: &mut String) {
    for (i, m) in messages.iter().enumerate() {
        assert!(m.body.len() + m.formatted_body.len() <= BODIES_MAX);
        assert_allowlisted(&m.formatted_body);
        out.push_str(&format!(
            "── message {} of {}: body\n{}\n── formatted_body\n{}\n",
            i + 1,
            messages.len(),
            m.body,
            m.formatted_body
        ));
    }
}

/// The reply and, for a digest, what it posts; the one moving value (uptime) masked.
fn rendered(engine: &Engine, line: &str, role: Role) -> String {
    let response = engine.handle(line, role);
    let mut out = String::new();
    show(&render(&response), &mut out);
    if let Some(post) = &response.post {
        out.push_str("══ posted\n");
        show(&render_post(post), &mut out);
    }
    let uptime = regex::Regex::new(r"Uptime(</strong>)?: [0-9a-z ]+").unwrap();
    uptime.replace_all(&out, "Uptime$1: <masked>").into_owned()
}

#[test]
fn every_command() {
    let engine = engine();
    for (line, role) in [
        ("help", Role::Member),
        ("help sponsors", Role::Member),
        ("help sponsers", Role::Member),
        ("status", Role::Member),
        ("events", Role::Member),
        ("events 2024", Role::Member),
        ("events nosuchtag", Role::Member),
        ("briefing infoforum", Role::Member),
        ("briefing example harbour 2024", Role::Member),
        ("summary infoforum", Role::Member),
        ("topics infoforum", Role::Member),
        ("sponsors infoforum", Role::Member),
        ("sponsors infoforum supporters", Role::Member),
        ("quotes infoforum", Role::Member),
        ("quotes noskov", Role::Member),
        ("search digital economy", Role::Member),
        ("search cloud security", Role::Member),
        ("search zzzz", Role::Member),
        ("summary infofourm", Role::Member),
        ("summary harbour", Role::Member),
        ("sponsors", Role::Member),
        ("frobnicate", Role::Member),
        ("", Role::Member),
        ("digest infoforum", Role::Member),
        ("reload", Role::Member),
        ("digest infoforum", Role::Moderator),
        ("digest infoforum matrix:#news:example.org", Role::Moderator),
        ("reload", Role::Moderator),
        ("help", Role::Admin),
    ] {
        let who = format!("{role:?}").to_lowercase();
        let slug = attache_core::briefing::slugify(line);
        let name = format!("{who}-{}", if slug.is_empty() { "empty" } else { &slug });
        insta::assert_snapshot!(name, rendered(&engine, line, role), line);
    }
}

/// A briefing far larger than one event: every part fits, is numbered and allowlisted, parts break between
/// sentences and items, and nothing is lost or reordered.
#[test]
fn long_answers_split_at_natural_boundaries() {
    use attache_core::response::{Block, Inline, Response};
    let sentences: Vec<String> = (0..900)
        .map(|i| format!("Sentence {i} says \"<something>\" & more. "))
        .collect();
    let items: Vec<Inline> = (0..700).map(|i| Inline::plain(format!("Topic {i}"))).collect();
    let response = Response::answer(vec![
        Block::Title {
            text: "A long one".into(),
            url: None,
        },
        Block::Paragraph {
            text: Inline::plain(sentences.concat()),
        },
        Block::List {
            heading: Some("Topics".into()),
            items,
            ordered: true,
        },
    ]);
    let messages = render(&response);
    let n = messages.len();
    assert!(n >= 4, "{n} messages");
    let mut body = String::new();
    for (i, m) in messages.iter().enumerate() {
        assert!(m.body.len() + m.formatted_body.len() <= BODIES_MAX);
        assert_allowlisted(&m.formatted_body);
        let marker = format!("({}/{n})\n", i + 1);
        assert!(m.body.starts_with(&marker), "{:.40}", m.body);
        assert!(m.formatted_body.starts_with(&format!("<p>({}/{n})</p>", i + 1)));
        // Each part ends after a whole sentence or a whole item.
        let end = m.body.trim_end();
        assert!(
            end.ends_with("more.")
                || end.contains("Topic ") && end.rsplit(' ').next().unwrap().parse::<usize>().is_ok(),
            "{end:.80}"
        );
        body.push_str(&m.body[marker.len()..]);
    }
    let mut at = 0;
    for s in &sentences {
        at += body[at..].find(s.trim_end()).expect("every sentence, in order");
    }
    for i in 0..700 {
        at += body[at..]
            .find(&format!("{}. Topic {i}", i + 1))
            .expect("every item, numbered, in order");
    }
}
