//! Each documented limit broken once, with the status, JSON code and field path Discord answers; and
//! bodies sitting exactly at the limits, which must pass.

use serde_json::{Value, json};

use super::{call, raw_call};
use crate::FakeDiscord;

pub fn s(c: char, n: usize) -> String {
    std::iter::repeat_n(c, n).collect()
}

/// The first `_errors` code at a dotted path of a 50035 body (`""` for the body's own errors).
pub fn code_at<'a>(body: &'a Value, path: &str) -> Option<&'a str> {
    let mut node = &body["errors"];
    for seg in path.split('.').filter(|s| !s.is_empty()) {
        node = node.get(seg)?;
    }
    node["_errors"][0]["code"].as_str()
}

fn button(id: &str) -> Value {
    json!({"type": 2, "style": 1, "label": "Go", "custom_id": id})
}

fn row(items: Vec<Value>) -> Value {
    json!({"type": 1, "components": items})
}

fn embed(fields: usize) -> Value {
    json!({"fields": (0..fields).map(|i| json!({"name": format!("n{i}"), "value": "v"})).collect::<Vec<_>>()})
}

#[test]
fn every_documented_message_violation_is_refused_where_discord_refuses_it() {
    let fake = FakeDiscord::start();
    let path = format!("/channels/{}/messages", fake.channel_id());
    let cases: Vec<(&str, Value, &str, &str)> = vec![
        (
            "content over 2000",
            json!({"content": s('a', 2001)}),
            "content",
            "BASE_TYPE_MAX_LENGTH",
        ),
        (
            "2001 two-byte characters",
            json!({"content": s('é', 2001)}),
            "content",
            "BASE_TYPE_MAX_LENGTH",
        ),
        (
            "11 embeds",
            json!({"embeds": vec![json!({"title": "t"}); 11]}),
            "embeds",
            "BASE_TYPE_MAX_LENGTH",
        ),
        (
            "title over 256",
            json!({"embeds": [{"title": s('t', 257)}]}),
            "embeds.0.title",
            "BASE_TYPE_MAX_LENGTH",
        ),
        (
            "description over 4096",
            json!({"embeds": [{"description": s('d', 4097)}]}),
            "embeds.0.description",
            "BASE_TYPE_MAX_LENGTH",
        ),
        (
            "26 fields",
            json!({"embeds": [embed(26)]}),
            "embeds.0.fields",
            "BASE_TYPE_MAX_LENGTH",
        ),
        (
            "field name over 256",
            json!({"embeds": [{"fields": [{"name": s('n', 257), "value": "v"}]}]}),
            "embeds.0.fields.0.name",
            "BASE_TYPE_MAX_LENGTH",
        ),
        (
            "field value over 1024",
            json!({"embeds": [{"fields": [{"name": "n", "value": s('v', 1025)}]}]}),
            "embeds.0.fields.0.value",
            "BASE_TYPE_MAX_LENGTH",
        ),
        (
            "empty field name",
            json!({"embeds": [{"fields": [{"name": "", "value": "v"}]}]}),
            "embeds.0.fields.0.name",
            "BASE_TYPE_REQUIRED",
        ),
        (
            "missing field value",
            json!({"embeds": [{"fields": [{"name": "n"}]}]}),
            "embeds.0.fields.0.value",
            "BASE_TYPE_REQUIRED",
        ),
        (
            "footer over 2048",
            json!({"embeds": [{"footer": {"text": s('f', 2049)}}]}),
            "embeds.0.footer.text",
            "BASE_TYPE_MAX_LENGTH",
        ),
        (
            "author over 256",
            json!({"embeds": [{"author": {"name": s('a', 257)}}]}),
            "embeds.0.author.name",
            "BASE_TYPE_MAX_LENGTH",
        ),
        (
            "6001 characters across embeds",
            json!({"embeds": [{"description": s('d', 4096)}, {"description": s('d', 1904), "title": "x"}]}),
            "embeds",
            "MAX_EMBED_SIZE_EXCEEDED",
        ),
        (
            "users parsed and listed",
            json!({"content": "hi", "allowed_mentions": {"parse": ["users"], "users": ["1"]}}),
            "allowed_mentions",
            "MESSAGE_ALLOWED_MENTIONS_PARSE_EXCLUSIVE",
        ),
        (
            "unknown parse type",
            json!({"content": "hi", "allowed_mentions": {"parse": ["all"]}}),
            "allowed_mentions.parse.0",
            "BASE_TYPE_CHOICES",
        ),
        (
            "101 user ids",
            json!({"content": "hi", "allowed_mentions": {"users": vec!["1"; 101]}}),
            "allowed_mentions.users",
            "BASE_TYPE_MAX_LENGTH",
        ),
        (
            "6 action rows",
            json!({"components": vec![row(vec![button("a")]); 6]}),
            "components",
            "BASE_TYPE_MAX_LENGTH",
        ),
        (
            "6 buttons in a row",
            json!({"components": [row((0..6).map(|i| button(&format!("b{i}"))).collect())]}),
            "components.0.components.5",
            "COMPONENT_LAYOUT_WIDTH_EXCEEDED",
        ),
        (
            "empty action row",
            json!({"content": "x", "components": [row(vec![])]}),
            "components.0.components",
            "BASE_TYPE_BAD_LENGTH",
        ),
        (
            "custom_id over 100",
            json!({"components": [row(vec![button(&s('c', 101))])]}),
            "components.0.components.0.custom_id",
            "BASE_TYPE_BAD_LENGTH",
        ),
        (
            "duplicate custom_id",
            json!({"components": [row(vec![button("same")]), row(vec![button("same")])]}),
            "components.1.components.0.custom_id",
            "COMPONENT_CUSTOM_ID_DUPLICATED",
        ),
        (
            "label over 80",
            json!({"components": [row(vec![json!({"type": 2, "style": 1, "label": s('l', 81), "custom_id": "c"})])]}),
            "components.0.components.0.label",
            "BASE_TYPE_MAX_LENGTH",
        ),
        (
            "link button without url",
            json!({"components": [row(vec![json!({"type": 2, "style": 5, "label": "Docs"})])]}),
            "components.0.components.0.url",
            "BUTTON_COMPONENT_URL_REQUIRED",
        ),
        (
            "link button with custom_id",
            json!({"components": [row(vec![json!({"type": 2, "style": 5, "label": "Docs", "url": "https://example.org", "custom_id": "c"})])]}),
            "components.0.components.0.custom_id",
            "BUTTON_COMPONENT_CUSTOM_ID_URL_MUTUALLY_EXCLUSIVE",
        ),
        (
            "button without custom_id",
            json!({"components": [row(vec![json!({"type": 2, "style": 1, "label": "Go"})])]}),
            "components.0.components.0.custom_id",
            "BUTTON_COMPONENT_CUSTOM_ID_REQUIRED",
        ),
        ("a list for a body", json!([]), "", "DICT_TYPE_CONVERT"),
    ];
    for (what, body, at, code) in cases {
        let r = call(&fake, "POST", &path, true, Some(&body));
        assert_eq!(
            (r.status, &r.body["code"], &r.body["message"]),
            (400, &json!(50035), &json!("Invalid Form Body")),
            "{what}: {}",
            r.body
        );
        assert_eq!(code_at(&r.body, at), Some(code), "{what}: {}", r.body);
    }
    assert!(
        fake.channel_messages(fake.channel_id()).is_empty(),
        "nothing refused was stored"
    );
}

#[test]
fn an_empty_message_and_broken_json_get_their_own_codes() {
    let fake = FakeDiscord::start();
    let path = format!("/channels/{}/messages", fake.channel_id());
    for body in [
        json!({}),
        json!({"content": "", "embeds": []}),
        json!({"content": null, "components": []}),
    ] {
        let r = call(&fake, "POST", &path, true, Some(&body));
        assert_eq!(
            (r.status, r.body.clone()),
            (
                400,
                json!({"code": 50006, "message": "Cannot send an empty message"})
            ),
            "{body}"
        );
    }
    let r = raw_call(
        &fake,
        "POST",
        &format!("/api/v10{path}"),
        Some(format!("Bot {}", fake.token())),
        Some("{\"content\": ".into()),
    );
    assert_eq!((r.status, &r.body["code"]), (400, &json!(50109)));
}

#[test]
fn messages_exactly_at_every_limit_are_accepted() {
    let fake = FakeDiscord::start();
    let path = format!("/channels/{}/messages", fake.channel_id());
    // 256 + 4096 + 256 + 1392 = 6000 characters, and 2000 two-byte characters of content.
    let at_limits = json!({
        "content": s('é', 2000),
        "embeds": [{"title": s('t', 256), "description": s('d', 4096), "author": {"name": s('a', 256)}, "footer": {"text": s('f', 1392)}}],
        "components": (0..5).map(|r| row((0..5).map(|b| json!({
            "type": 2, "style": 1, "label": s('l', 80), "custom_id": format!("{r}{b}{}", s('c', 98)),
        })).collect())).collect::<Vec<_>>(),
        "allowed_mentions": {"parse": [], "users": vec!["1"; 100]},
    });
    let big_fields = json!({
        "embeds": (0..10).map(|i| if i == 0 { embed(25) } else if i == 1 {
            json!({"fields": [{"name": s('n', 256), "value": s('v', 1024)}]})
        } else { json!({"title": "t"}) }).collect::<Vec<_>>(),
        "components": [row(vec![json!({"type": 2, "style": 5, "label": "Docs", "url": "https://example.org"})])],
    });
    for body in [at_limits, big_fields] {
        let r = call(&fake, "POST", &path, true, Some(&body));
        assert_eq!(r.status, 200, "{}", r.body);
        serde_json::from_value::<serenity::model::channel::Message>(r.body.clone())
            .expect("serenity reads the message");
    }
    assert_eq!(fake.channel_messages(fake.channel_id()).len(), 2);
}

#[test]
fn hostile_bodies_get_discord_errors_and_the_server_keeps_serving() {
    let fake = FakeDiscord::start();
    let ch = fake.channel_id();
    let app = fake.application_id();
    let routes = [
        ("POST", format!("/channels/{ch}/messages")),
        ("POST", format!("/applications/{app}/commands")),
        ("PUT", format!("/applications/{app}/commands")),
        ("POST", "/interactions/1/x/callback".to_string()),
    ];
    let bodies = [
        json!(null),
        json!("text"),
        json!(12),
        json!({"content": {"nested": true}}),
        json!({"embeds": "x"}),
        json!({"embeds": [1, null, {"fields": "x"}, {"footer": 3}]}),
        json!({"components": [{"type": 1, "components": "x"}, 7, {"type": 2}]}),
        json!({"allowed_mentions": [], "flags": "x"}),
        json!({"allowed_mentions": {"parse": "users", "users": [{}]}}),
        json!({"name": {"x": 1}, "description": [], "options": [{"type": "x", "choices": "y"}, 3]}),
        json!({"name": "n", "description": "d", "name_localizations": {"_errors": "Bad", "a.b": ""}}),
        json!([{"name": null}, 5, []]),
    ];
    for (method, path) in &routes {
        for body in &bodies {
            let r = call(&fake, method, path, true, Some(body));
            assert!(
                (400..500).contains(&r.status),
                "{method} {path} {body}: {} {}",
                r.status,
                r.body
            );
            assert!(r.body["code"].is_u64(), "{method} {path} {body}: {}", r.body);
        }
    }
    assert_eq!(
        call(&fake, "GET", "/users/@me", true, None).status,
        200,
        "still serving"
    );
}
