//! Create Message's `nonce` and `enforce_nonce`: a repeat inside the window returns the first message,
//! anything else creates one; the nonce is echoed on the create answer but not kept on the message;
//! bad nonces are 50035 at their field. And the history listing a client searches after the window.

use std::time::Duration;

use serde_json::{Value, json};

use super::call;
use super::validation::{code_at, s};
use crate::FakeDiscord;

fn post(fake: &FakeDiscord, channel: u64, body: Value) -> super::Resp {
    call(
        fake,
        "POST",
        &format!("/channels/{channel}/messages"),
        true,
        Some(&body),
    )
}

fn id(r: &super::Resp) -> String {
    assert_eq!(r.status, 200, "{}", r.body);
    r.body["id"].as_str().expect("a message id").to_string()
}

#[test]
fn a_repeated_nonce_with_enforce_nonce_returns_the_first_message_and_creates_none() {
    let fake = FakeDiscord::start();
    let ch = fake.channel_id();
    let first = post(
        &fake,
        ch,
        json!({"content": "digest", "nonce": "d:2024-06-01", "enforce_nonce": true}),
    );
    let again = post(
        &fake,
        ch,
        json!({"content": "digest, retried", "nonce": "d:2024-06-01", "enforce_nonce": true}),
    );
    assert_eq!(id(&again), id(&first), "the same message comes back");
    assert_eq!(
        again.body["content"], "digest",
        "the first message as it reads, not the retry's body"
    );
    assert_eq!(again.body["nonce"], "d:2024-06-01");
    assert_eq!(fake.channel_messages(ch).len(), 1, "nothing new was created");
    // An integer nonce works the same, and is not the string of its digits.
    let n = post(
        &fake,
        ch,
        json!({"content": "n", "nonce": 42, "enforce_nonce": true}),
    );
    let n_again = post(
        &fake,
        ch,
        json!({"content": "n2", "nonce": 42, "enforce_nonce": true}),
    );
    assert_eq!((id(&n_again), &n_again.body["nonce"]), (id(&n), &json!(42)));
    let text = post(
        &fake,
        ch,
        json!({"content": "t", "nonce": "42", "enforce_nonce": true}),
    );
    assert_ne!(id(&text), id(&n));
    assert_eq!(fake.channel_messages(ch).len(), 3);
}

#[test]
fn without_enforce_nonce_a_repeated_nonce_creates_another_message() {
    let fake = FakeDiscord::start();
    let ch = fake.channel_id();
    let a = post(&fake, ch, json!({"content": "a", "nonce": "same"}));
    let b = post(
        &fake,
        ch,
        json!({"content": "b", "nonce": "same", "enforce_nonce": false}),
    );
    assert_ne!(id(&a), id(&b));
    assert_eq!(
        (&a.body["nonce"], &b.body["nonce"]),
        (&json!("same"), &json!("same"))
    );
    assert_eq!(fake.channel_messages(ch).len(), 2);
    // The latest message with the nonce is the one a later enforced send returns.
    let c = post(
        &fake,
        ch,
        json!({"content": "c", "nonce": "same", "enforce_nonce": true}),
    );
    assert_eq!(id(&c), id(&b));
    // enforce_nonce without a nonce has nothing to check.
    let d = post(&fake, ch, json!({"content": "d", "enforce_nonce": true}));
    let e = post(&fake, ch, json!({"content": "d", "enforce_nonce": true}));
    assert_ne!(id(&d), id(&e));
    assert_eq!(fake.channel_messages(ch).len(), 4);
}

#[test]
fn past_the_window_a_repeated_nonce_creates_a_new_message() {
    let fake = FakeDiscord::start();
    let ch = fake.channel_id();
    let body = json!({"content": "x", "nonce": "k", "enforce_nonce": true});
    let first = post(&fake, ch, body.clone());
    fake.set_nonce_window(Duration::ZERO);
    let second = post(&fake, ch, body.clone());
    assert_ne!(id(&second), id(&first), "a zero window matches nothing");
    assert_eq!(fake.channel_messages(ch).len(), 2);
    fake.set_nonce_window(Duration::from_millis(200));
    assert_eq!(
        id(&post(&fake, ch, body.clone())),
        id(&second),
        "inside the window again"
    );
    fake.advance(Duration::from_millis(250));
    let third = post(&fake, ch, body);
    assert_ne!(id(&third), id(&second), "the window ran out");
    assert_eq!(fake.channel_messages(ch).len(), 3);
}

#[test]
fn a_nonce_is_matched_in_its_own_channel_and_a_deleted_match_is_not_recreated() {
    let fake = FakeDiscord::start();
    let (a, b) = (fake.channel_id(), fake.add_channel());
    let body = json!({"content": "x", "nonce": "k", "enforce_nonce": true});
    let in_a = post(&fake, a, body.clone());
    let in_b = post(&fake, b, body.clone());
    assert_ne!(id(&in_b), id(&in_a));
    assert_eq!(in_b.body["channel_id"], b.to_string());
    let deleted = call(
        &fake,
        "DELETE",
        &format!("/channels/{a}/messages/{}", id(&in_a)),
        true,
        None,
    );
    assert_eq!(deleted.status, 204);
    let retry = post(&fake, a, body);
    assert_eq!(
        (retry.status, retry.body),
        (404, json!({"message": "Unknown Message", "code": 10008})),
        "Discord does not make a deleted message again for its nonce"
    );
    assert!(fake.channel_messages(a).is_empty());
}

#[test]
fn bad_nonces_and_enforce_nonces_are_refused_at_their_field() {
    let fake = FakeDiscord::start();
    let ch = fake.channel_id();
    let cases = [
        (
            "26 characters",
            json!(s('n', 26)),
            "nonce",
            "BASE_TYPE_MAX_LENGTH",
        ),
        (
            "26 two-byte characters",
            json!(s('é', 26)),
            "nonce",
            "BASE_TYPE_MAX_LENGTH",
        ),
        ("a boolean", json!(true), "nonce", "NONCE_TYPE_INVALID"),
        ("a fraction", json!(1.5), "nonce", "NONCE_TYPE_INVALID"),
        ("past int64", json!(u64::MAX), "nonce", "NONCE_TYPE_INVALID"),
        ("an object", json!({}), "nonce", "NONCE_TYPE_INVALID"),
        ("a list", json!(["a"]), "nonce", "NONCE_TYPE_INVALID"),
    ];
    for (name, nonce, field, code) in cases {
        let r = post(
            &fake,
            ch,
            json!({"content": "x", "nonce": nonce, "enforce_nonce": true}),
        );
        assert_eq!(
            (r.status, &r.body["code"]),
            (400, &json!(50035)),
            "{name}: {}",
            r.body
        );
        assert_eq!(code_at(&r.body, field), Some(code), "{name}: {}", r.body);
    }
    let r = post(
        &fake,
        ch,
        json!({"content": "x", "nonce": "k", "enforce_nonce": "yes"}),
    );
    assert_eq!(
        code_at(&r.body, "enforce_nonce"),
        Some("BASE_TYPE_BOOLEAN"),
        "{}",
        r.body
    );
    // Errors of the body's other fields come in the same answer.
    let r = post(&fake, ch, json!({"content": s('c', 2001), "nonce": s('n', 26)}));
    assert_eq!(
        (code_at(&r.body, "content"), code_at(&r.body, "nonce")),
        (Some("BASE_TYPE_MAX_LENGTH"), Some("BASE_TYPE_MAX_LENGTH"))
    );
    assert!(
        fake.channel_messages(ch).is_empty(),
        "refused sends create nothing"
    );
    for ok in [
        json!(s('n', 25)),
        json!(s('é', 25)),
        json!(""),
        json!(i64::MAX),
        json!(-1),
        Value::Null,
    ] {
        let r = post(
            &fake,
            ch,
            json!({"content": "x", "nonce": ok, "enforce_nonce": null}),
        );
        assert_eq!(r.status, 200, "{ok}: {}", r.body);
    }
}

#[test]
fn fetched_messages_carry_no_nonce() {
    let fake = FakeDiscord::start();
    let ch = fake.channel_id();
    let sent = post(
        &fake,
        ch,
        json!({"content": "x", "nonce": "k", "enforce_nonce": true}),
    );
    let mid = id(&sent);
    assert_eq!(sent.body["nonce"], "k", "the create answer echoes it");
    let one = call(
        &fake,
        "GET",
        &format!("/channels/{ch}/messages/{mid}"),
        true,
        None,
    );
    assert_eq!((one.status, &one.body["id"]), (200, &json!(mid)));
    assert!(one.body.get("nonce").is_none(), "{}", one.body);
    let listed = call(&fake, "GET", &format!("/channels/{ch}/messages"), true, None);
    let listed = listed.body.as_array().expect("a list").clone();
    assert_eq!(listed.len(), 1);
    assert!(listed[0].get("nonce").is_none(), "{}", listed[0]);
    assert!(fake.channel_messages(ch)[0].get("nonce").is_none());
    let edited = call(
        &fake,
        "PATCH",
        &format!("/channels/{ch}/messages/{mid}"),
        true,
        Some(&json!({"content": "y"})),
    );
    assert!(edited.body.get("nonce").is_none(), "{}", edited.body);
}

#[test]
fn the_history_pages_by_before_and_after_with_the_bots_author_and_embeds() {
    let fake = FakeDiscord::start();
    let ch = fake.channel_id();
    let ids: Vec<String> = (0..5)
        .map(|i| {
            let embed = json!({"title": format!("t{i}"), "footer": {"text": format!("ref k{i}")}});
            id(&post(&fake, ch, json!({"embeds": [embed]})))
        })
        .collect();
    let page = |q: &str| -> Vec<Value> {
        let r = call(&fake, "GET", &format!("/channels/{ch}/messages?{q}"), true, None);
        assert_eq!(r.status, 200, "{q}: {}", r.body);
        r.body.as_array().expect("a list").clone()
    };
    let ids_of = |p: &[Value]| {
        p.iter()
            .map(|m| m["id"].as_str().unwrap_or_default().to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(ids_of(&page("limit=2")), [ids[4].as_str(), ids[3].as_str()]);
    assert_eq!(
        ids_of(&page(&format!("before={}&limit=2", ids[3]))),
        [ids[2].as_str(), ids[1].as_str()]
    );
    assert_eq!(
        ids_of(&page(&format!("after={}&limit=2", ids[0]))),
        [ids[2].as_str(), ids[1].as_str()],
        "the messages right after, newest first"
    );
    assert_eq!(ids_of(&page(&format!("after={}", ids[3]))), [ids[4].as_str()]);
    let all = page("");
    assert_eq!(all.len(), 5);
    let bot = fake.bot_user_id().to_string();
    assert!(
        all.iter()
            .all(|m| m["author"]["id"] == bot.as_str() && m["author"]["bot"] == true)
    );
    assert_eq!(
        all[0]["embeds"],
        json!([{"title": "t4", "footer": {"text": "ref k4"}, "type": "rich"}]),
        "the embed as sent"
    );
}

/// The slow answer the crash tests lean on: the message exists before its creator hears of it.
#[test]
fn a_delayed_create_answer_comes_late_after_the_message_exists() {
    let fake = std::sync::Arc::new(FakeDiscord::start());
    let ch = fake.channel_id();
    fake.delay_create_answers(Duration::from_millis(600));
    let sender = {
        let fake = fake.clone();
        std::thread::spawn(move || post(&fake, ch, json!({"content": "slow"})))
    };
    let created = |r: &[crate::Recorded]| {
        r.iter()
            .any(|r| r.method == "POST" && r.path.ends_with("/messages"))
    };
    assert!(fake.wait_requests(Duration::from_secs(5), created));
    assert_eq!(fake.channel_messages(ch).len(), 1, "created before the answer");
    assert!(!sender.is_finished(), "the answer is still on its way");
    assert_eq!(sender.join().unwrap().status, 200);
    fake.delay_create_answers(Duration::ZERO);
}
