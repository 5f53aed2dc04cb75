//! The interaction rules over REST: one callback, within the deadline after delivery (40060, 10062);
//! tokens that expire (50027); no webhook before the callback (10015); deferred replies, follow-ups,
//! button presses and autocomplete answers, as users then see them.

use std::time::Duration;

use serde_json::{Value, json};

use super::{call, connected_client, register_basics};
use crate::{FakeDiscord, FakeOptions, Invocation, message_text};

fn callback(fake: &FakeDiscord, i: &crate::Interaction, body: Value) -> super::Resp {
    call(
        fake,
        "POST",
        &format!("/interactions/{}/{}/callback", i.id, i.token),
        false,
        Some(&body),
    )
}

#[test]
fn an_interaction_takes_one_callback_within_the_deadline() {
    let fake = FakeDiscord::with_options(FakeOptions {
        callback_deadline: Duration::from_millis(1000),
        ..FakeOptions::default()
    });
    register_basics(&fake);
    let _client = connected_client(&fake);
    let i = fake.slash(Invocation::new(fake.channel_id(), "ping"));
    let answer = json!({"type": 4, "data": {"content": "pong"}});
    assert_eq!(
        callback(&fake, &i, json!({"type": 4, "data": {"content": ""}})).body["code"],
        50006,
        "a refused callback does not count"
    );
    assert_eq!(callback(&fake, &i, answer.clone()).status, 204);
    let again = callback(&fake, &i, answer.clone());
    assert_eq!(
        (again.status, again.body),
        (
            400,
            json!({"message": "Interaction has already been acknowledged.", "code": 40060})
        )
    );
    let reply = fake.wait_reply(&i, Duration::from_secs(1)).expect("a reply");
    assert_eq!(
        (reply.kind, reply.text(), reply.ephemeral),
        (4, "pong".to_string(), false)
    );
    assert_eq!(
        fake.channel_messages(fake.channel_id()).len(),
        1,
        "the response shows in the channel"
    );

    let late = fake.slash(Invocation::new(fake.channel_id(), "ping"));
    fake.advance(Duration::from_millis(1100));
    let r = callback(&fake, &late, answer.clone());
    assert_eq!(
        (r.status, r.body),
        (404, json!({"message": "Unknown interaction", "code": 10062}))
    );
    let wrong_token = call(
        &fake,
        "POST",
        &format!("/interactions/{}/nope/callback", i.id),
        false,
        Some(&answer),
    );
    assert_eq!(wrong_token.body["code"], 10062);
    let wrong_type = fake.slash(Invocation::new(fake.channel_id(), "ping"));
    let r = callback(&fake, &wrong_type, json!({"type": 8, "data": {"choices": []}}));
    assert_eq!(
        r.body["errors"]["type"]["_errors"][0]["code"], "BASE_TYPE_CHOICES",
        "{}",
        r.body
    );
}

#[test]
fn tokens_expire_and_follow_ups_need_an_acknowledged_interaction() {
    let fake = FakeDiscord::with_options(FakeOptions {
        token_lifetime: Duration::from_millis(1000),
        ..FakeOptions::default()
    });
    register_basics(&fake);
    let _client = connected_client(&fake);
    let i = fake.slash(Invocation::new(fake.channel_id(), "ping"));
    let hook = format!("/webhooks/{}/{}", fake.application_id(), i.token);
    let r = call(&fake, "POST", &hook, false, Some(&json!({"content": "early"})));
    assert_eq!(
        r.body,
        json!({"message": "Unknown Webhook", "code": 10015}),
        "no webhook before the callback"
    );
    assert_eq!(
        callback(&fake, &i, json!({"type": 5, "data": {"flags": 64}})).status,
        204
    );
    let loading = fake
        .wait_reply(&i, Duration::from_millis(100))
        .expect("a deferred reply");
    assert_eq!(
        (loading.kind, loading.message.as_ref().map(|m| m["flags"].clone())),
        (5, Some(json!(128 | 64)))
    );
    let edited = call(
        &fake,
        "PATCH",
        &format!("{hook}/messages/@original"),
        false,
        Some(&json!({"content": "done"})),
    );
    assert_eq!(
        (edited.status, &edited.body["flags"]),
        (200, &json!(64)),
        "no longer loading, still ephemeral"
    );
    let follow = call(
        &fake,
        "POST",
        &hook,
        false,
        Some(&json!({"content": "more", "flags": 64})),
    );
    serde_json::from_value::<serenity::model::channel::Message>(follow.body)
        .expect("serenity reads a follow-up");
    let reply = fake
        .wait_reply(&i, Duration::from_secs(1))
        .expect("a settled reply");
    assert_eq!(
        (reply.text(), reply.followups.len(), reply.ephemeral),
        ("done".to_string(), 1, true)
    );
    assert!(
        fake.channel_messages(fake.channel_id()).is_empty(),
        "ephemeral messages are not in the channel"
    );
    fake.advance(Duration::from_millis(1100));
    let r = call(
        &fake,
        "PATCH",
        &format!("{hook}/messages/@original"),
        false,
        Some(&json!({"content": "too late"})),
    );
    assert_eq!(
        (r.status, r.body),
        (401, json!({"message": "Invalid Webhook Token", "code": 50027}))
    );
}

#[test]
fn buttons_autocomplete_and_deferred_follow_ups() {
    let fake = FakeDiscord::start();
    register_basics(&fake);
    let _client = connected_client(&fake);
    let i = fake.slash(Invocation::new(fake.channel_id(), "ping"));
    let with_button = json!({"type": 4, "data": {"content": "page 1", "components": [
        {"type": 1, "components": [{"type": 2, "style": 1, "label": "Next", "custom_id": "page:2"}]}]}});
    assert_eq!(callback(&fake, &i, with_button).status, 204);
    let message = fake
        .wait_reply(&i, Duration::from_secs(1))
        .and_then(|r| r.message)
        .expect("a message");
    let press = fake.press(&message, "page:2", 2000);
    let parsed: serenity::model::application::Interaction =
        serde_json::from_value(press.payload.clone()).expect("serenity reads a press");
    let serenity::model::application::Interaction::Component(c) = parsed else {
        panic!("a component interaction")
    };
    assert_eq!((c.data.custom_id.as_str(), c.user.id.get()), ("page:2", 2000));
    let update = json!({"type": 7, "data": {"content": "page 2"}});
    assert_eq!(callback(&fake, &press, update).status, 204);
    let shown = message_text(&fake.channel_messages(fake.channel_id())[0]);
    assert_eq!(shown, "page 2", "the update edits the message in place");

    let typing = fake.autocomplete(
        Invocation::new(fake.channel_id(), "event")
            .options(json!([{"name": "name", "type": 3, "value": "inf"}])),
    );
    let too_many: Vec<Value> = (0..26)
        .map(|n| json!({"name": format!("e{n}"), "value": format!("e{n}")}))
        .collect();
    let r = callback(&fake, &typing, json!({"type": 8, "data": {"choices": too_many}}));
    assert_eq!(
        r.body["errors"]["data"]["choices"]["_errors"][0]["code"], "BASE_TYPE_MAX_LENGTH",
        "{}",
        r.body
    );
    let r = call(
        &fake,
        "POST",
        &format!(
            "/interactions/{}/{}/callback?with_response=true",
            typing.id, typing.token
        ),
        false,
        Some(&json!({"type": 8, "data": {"choices": [{"name": "infoforum", "value": "infoforum"}]}})),
    );
    assert_eq!(
        (r.status, &r.body["interaction"]["id"]),
        (200, &json!(typing.id.to_string()))
    );
    assert_eq!(fake.reply(&typing).map(|r| r.choices().len()), Some(1));

    // Right after a deferred message, a follow-up edits the loading message instead of adding one.
    let slow = fake.slash(Invocation::new(fake.channel_id(), "ping"));
    callback(&fake, &slow, json!({"type": 5}));
    let hook = format!("/webhooks/{}/{}", fake.application_id(), slow.token);
    call(&fake, "POST", &hook, false, Some(&json!({"content": "finally"})));
    let reply = fake.wait_reply(&slow, Duration::from_secs(1)).expect("a reply");
    assert_eq!((reply.text(), reply.followups.len()), ("finally".to_string(), 0));
}
