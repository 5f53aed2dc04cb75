//! The REST side: authorization, unknown resources, permissions, the message lifecycle, rate-limit
//! headers and buckets, and injected 429s and 5xx.

use std::time::Duration;

use serde_json::{Value, json};

use super::call;
use crate::{FakeDiscord, Route};

#[test]
fn requests_need_the_bot_token_except_on_token_routes() {
    let fake = FakeDiscord::start();
    let unauthorized = json!({"message": "401: Unauthorized", "code": 0});
    let r = call(&fake, "GET", "/users/@me", false, None);
    assert_eq!((r.status, r.body), (401, unauthorized.clone()));
    let r = super::raw_call(&fake, "GET", "/api/v10/users/@me", Some("Bot wrong".into()), None);
    assert_eq!((r.status, r.body), (401, unauthorized));
    assert_eq!(fake.api_base(), format!("{}/api/v10", fake.proxy_url()));
    let me = call(&fake, "GET", "/users/@me", true, None);
    assert_eq!(me.status, 200);
    let user: serenity::model::user::CurrentUser =
        serde_json::from_value(me.body).expect("serenity reads the user");
    assert_eq!(user.id.get(), fake.bot_user_id());
    let app = call(&fake, "GET", "/oauth2/applications/@me", true, None);
    serde_json::from_value::<serenity::model::application::CurrentApplicationInfo>(app.body)
        .expect("serenity reads the application");
    let gw = call(&fake, "GET", "/gateway/bot", true, None);
    assert_eq!(
        (gw.body["url"].as_str(), gw.body["shards"].as_u64()),
        (Some(fake.gateway_url().as_str()), Some(1))
    );
    serde_json::from_value::<serenity::model::gateway::BotGateway>(gw.body)
        .expect("serenity reads the gateway");
    // A webhook route is authorized by its token alone, so a bad one is 50027, not 401.
    let r = call(
        &fake,
        "POST",
        &format!("/webhooks/{}/not-a-token", fake.application_id()),
        false,
        Some(&json!({"content": "x"})),
    );
    assert_eq!((r.status, &r.body["code"]), (401, &json!(50027)));
    assert_eq!(
        call(&fake, "GET", "/nowhere", true, None).body,
        json!({"message": "404: Not Found", "code": 0})
    );
}

#[test]
fn unknown_channels_and_messages_and_denied_channels() {
    let fake = FakeDiscord::start();
    let ch = fake.channel_id();
    assert_eq!(
        call(&fake, "GET", "/channels/42/messages", true, None).body,
        json!({"message": "Unknown Channel", "code": 10003})
    );
    assert_eq!(
        call(&fake, "GET", &format!("/channels/{ch}/messages/42"), true, None).body,
        json!({"message": "Unknown Message", "code": 10008})
    );
    let r = call(&fake, "GET", "/channels/general", true, None);
    assert_eq!(
        r.body["errors"]["channel_id"]["_errors"][0]["code"],
        "NUMBER_TYPE_COERCE"
    );
    let other = fake.add_channel();
    fake.deny_channel(other);
    let r = call(
        &fake,
        "POST",
        &format!("/channels/{other}/messages"),
        true,
        Some(&json!({"content": "hi"})),
    );
    assert_eq!(
        (r.status, r.body),
        (403, json!({"message": "Missing Permissions", "code": 50013}))
    );
    let channel = call(&fake, "GET", &format!("/channels/{other}"), true, None).body;
    let channel: serenity::model::channel::GuildChannel =
        serde_json::from_value(channel).expect("serenity reads the channel");
    assert_eq!(
        channel.permission_overwrites.len(),
        1,
        "the denial shows as an overwrite"
    );
}

#[test]
fn messages_are_stored_edited_listed_and_deleted() {
    let fake = FakeDiscord::start();
    let ch = fake.channel_id();
    let path = format!("/channels/{ch}/messages");
    let first = call(
        &fake,
        "POST",
        &path,
        true,
        Some(&json!({"content": "one", "embeds": [{"title": "T"}]})),
    )
    .body;
    let second = call(&fake, "POST", &path, true, Some(&json!({"content": "two"}))).body;
    assert_eq!(
        first["embeds"][0]["type"], "rich",
        "Discord marks sent embeds as rich"
    );
    let id = first["id"].as_str().expect("an id");
    let edited = call(
        &fake,
        "PATCH",
        &format!("{path}/{id}"),
        true,
        Some(&json!({"content": "uno"})),
    );
    assert_eq!((edited.status, &edited.body["content"]), (200, &json!("uno")));
    assert!(edited.body["edited_timestamp"].is_string());
    let emptied = call(
        &fake,
        "PATCH",
        &format!("{path}/{id}"),
        true,
        Some(&json!({"content": "", "embeds": []})),
    );
    assert_eq!(
        emptied.body["code"], 50006,
        "an edit may not leave the message empty"
    );
    let listed = call(&fake, "GET", &format!("{path}?limit=1"), true, None).body;
    assert_eq!(
        listed.as_array().map(|l| l[0]["id"].clone()),
        Some(second["id"].clone()),
        "newest first"
    );
    assert_eq!(
        call(&fake, "GET", &format!("{path}?limit=101"), true, None).body["errors"]["limit"]["_errors"][0]["code"],
        "NUMBER_TYPE_MAX"
    );
    let shown: Vec<Value> = fake
        .channel_messages(ch)
        .iter()
        .map(|m| m["content"].clone())
        .collect();
    assert_eq!(shown, vec![json!("uno"), json!("two")]);
    assert_eq!(
        call(&fake, "DELETE", &format!("{path}/{id}"), true, None).status,
        204
    );
    assert_eq!(fake.channel_messages(ch).len(), 1);
    let recorded = fake.requests();
    assert_eq!(
        (
            recorded[0].method.as_str(),
            recorded[0].status,
            &recorded[0].body["content"]
        ),
        ("POST", 200, &json!("one"))
    );
    assert_eq!(
        recorded[0].response["id"], first["id"],
        "the answer is recorded too"
    );
    let listing = recorded
        .iter()
        .find(|r| r.query == "limit=1")
        .expect("the listing");
    assert_eq!(
        (listing.path.as_str(), listing.response.as_array().map(Vec::len)),
        (path.as_str(), Some(1))
    );
    assert!(recorded.windows(2).all(|w| w[0].at <= w[1].at), "in order");
    assert!(recorded.iter().any(|r| r.method == "DELETE" && r.status == 204));
}

#[test]
fn every_response_carries_its_bucket_and_buckets_run_out() {
    let fake = FakeDiscord::start();
    let (a, b) = (fake.channel_id(), fake.add_channel());
    fake.set_bucket(
        Route::prefix("POST", "/channels/"),
        2,
        Duration::from_millis(1000),
    );
    let post = |ch: u64| {
        call(
            &fake,
            "POST",
            &format!("/channels/{ch}/messages"),
            true,
            Some(&json!({"content": "x"})),
        )
    };
    let (first, second, third) = (post(a), post(a), post(a));
    for (name, v) in [("X-RateLimit-Limit", "2"), ("X-RateLimit-Remaining", "1")] {
        assert_eq!(first.header(name), Some(v), "{name}");
    }
    assert!(first.header("X-RateLimit-Reset").is_some() && first.header("X-RateLimit-Reset-After").is_some());
    assert_eq!(second.header("X-RateLimit-Remaining"), Some("0"));
    assert_eq!(
        (third.status, third.header("X-RateLimit-Scope")),
        (429, Some("user"))
    );
    // Same route, another channel: the same bucket name, counted apart.
    let other = post(b);
    assert_eq!(
        (other.status, other.header("X-RateLimit-Bucket")),
        (200, first.header("X-RateLimit-Bucket"))
    );
    fake.advance(Duration::from_millis(1050));
    assert_eq!(post(a).status, 200, "the window reset");
}

#[test]
fn an_injected_429_has_the_documented_shape_and_an_early_retry_is_refused_again() {
    let fake = FakeDiscord::start();
    let path = format!("/channels/{}/messages", fake.channel_id());
    fake.inject_429(
        Route::regex("POST", r"^/channels/\d+/messages$"),
        1,
        Duration::from_millis(700),
        false,
    );
    let body = json!({"content": "x"});
    let r = call(&fake, "POST", &path, true, Some(&body));
    assert_eq!(r.status, 429);
    assert_eq!(
        r.body,
        json!({"message": "You are being rate limited.", "retry_after": 0.7, "global": false})
    );
    assert_eq!(
        (r.header("Retry-After"), r.header("X-RateLimit-Scope")),
        (Some("1"), Some("user"))
    );
    assert_eq!(r.header("X-RateLimit-Remaining"), Some("0"));
    assert!(r.header("X-RateLimit-Bucket").is_some() && r.header("X-RateLimit-Global").is_none());
    let early = call(&fake, "POST", &path, true, Some(&body));
    assert_eq!(early.status, 429, "a retry before retry_after is refused again");
    assert!(
        early.body["retry_after"]
            .as_f64()
            .is_some_and(|s| s > 0.0 && s <= 0.7)
    );
    assert_eq!(
        call(&fake, "GET", "/users/@me", true, None).status,
        200,
        "other routes are free"
    );
    fake.advance(Duration::from_millis(750));
    assert_eq!(call(&fake, "POST", &path, true, Some(&body)).status, 200);
    let early_count = fake.requests().iter().filter(|r| r.early_retry).count();
    assert_eq!(early_count, 1, "the client that did not wait is counted");
    assert_eq!(
        fake.channel_messages(fake.channel_id()).len(),
        1,
        "refused requests have no effect"
    );
}

#[test]
fn a_global_429_holds_every_route_and_5xx_come_and_go() {
    let fake = FakeDiscord::start();
    fake.inject_429(
        Route::prefix("GET", "/users/@me"),
        1,
        Duration::from_millis(300),
        true,
    );
    let r = call(&fake, "GET", "/users/@me", true, None);
    assert_eq!(
        (
            r.status,
            r.header("X-RateLimit-Global"),
            r.header("X-RateLimit-Scope")
        ),
        (429, Some("true"), Some("global"))
    );
    assert_eq!(r.body["global"], true);
    assert_eq!(
        call(&fake, "GET", "/gateway/bot", true, None).status,
        429,
        "a global limit holds other routes"
    );
    fake.advance(Duration::from_millis(350));
    fake.inject_5xx(Route::prefix("*", "/gateway"), 2, 502);
    assert_eq!(call(&fake, "GET", "/gateway", true, None).status, 502);
    assert_eq!(
        call(&fake, "GET", "/gateway/bot", true, None).body,
        json!({"message": "502: Bad Gateway", "code": 0})
    );
    assert_eq!(call(&fake, "GET", "/gateway", true, None).status, 200);
    fake.inject_5xx(Route::any(), 1, 503);
    assert_eq!(
        call(&fake, "GET", "/users/@me", true, None).body,
        json!({"message": "503: Service Unavailable", "code": 0})
    );
}

#[tokio::test]
async fn starts_and_stops_inside_an_async_test() {
    // Regression guard: a runtime dropped inside another runtime panics unless shut down in the background.
    let fake = std::sync::Arc::new(FakeDiscord::start());
    let f = std::sync::Arc::clone(&fake);
    let status = tokio::task::spawn_blocking(move || call(&f, "GET", "/gateway", true, None).status).await;
    assert_eq!(status.ok(), Some(200));
    drop(fake);
}
