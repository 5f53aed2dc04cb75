//! The Matrix adapter against a real Synapse, driven as users would: the `attache` binary runs as a child
//! process ([`bot`]) and test users send commands and read what the bot posts. [`answers`]: what the bot
//! answers, plain, encrypted and by role; [`lifecycle`]: invites, served rooms, restarts of the bot and of
//! the homeserver; [`burst`]: 200 commands at once under a rate limit. The helpers below are shared.
//!
//! Each test has its own bot account and users (rate limits are per user, tests run in parallel). Bots use
//! the access token of their registration, except the restart test, whose bot logs in with its password
//! once and restores that session: Synapse lets 127.0.0.1 log in only 5 times every few minutes.

mod answers;
mod bot;
mod burst;
mod lifecycle;

use std::time::{Duration, Instant};

use attache_core::command::Role;
use attache_matrix::render::{Message, render};

use crate::{engine_for, fixture};
use synapse_harness::seen::Mentions;
use synapse_harness::{Seen, Session, Synapse, TestUser, http, synapse};

use bot::{Auth, Bot, Options};

pub(super) const PW: &str = "test-password";
pub(super) const WAIT: Duration = Duration::from_secs(60);

/// A bot account on `server`, free of rate limits unless a test sets its own.
pub(super) async fn bot_account(server: &Synapse, name: &str) -> Session {
    let session = server.session(name, PW, false).await;
    server.override_ratelimit_async(&session.user_id, 0, 0).await;
    session
}

/// A test user on `server` free of rate limits, so commands go out as fast as a test sends them.
pub(super) async fn user_on(server: &Synapse, name: &str) -> TestUser {
    let user = TestUser::login_on(server, name, PW).await;
    server.override_ratelimit_async(&user.user_id, 0, 0).await;
    user
}

pub(super) fn options(server: &Synapse, account: &Session, extra: &str) -> Options {
    Options {
        homeserver: server.url(),
        user: account.user_id.clone(),
        auth: Auth::AccessToken(account.access_token.clone()),
        matrix_extra: extra.to_string(),
    }
}

/// A room `owner` creates with the bot and `others` invited; returns once the bot has joined.
pub(super) async fn room_with_bot(
    owner: &TestUser,
    bot: &str,
    encrypted: bool,
    others: &[&TestUser],
) -> String {
    let mut invite = vec![bot];
    invite.extend(others.iter().map(|u| u.user_id.as_str()));
    let room = owner.create_room("briefings", encrypted, &invite).await;
    for other in others {
        other.join(&room).await;
    }
    let deadline = Instant::now() + WAIT;
    while membership(owner, &room, bot).await != "join" {
        assert!(Instant::now() < deadline, "the bot did not join {room}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    room
}

/// `user`'s membership in `room` as `asker` sees it ("join", "invite"...).
pub(super) async fn membership(asker: &TestUser, room: &str, user: &str) -> String {
    let path = format!(
        "/rooms/{}/state/m.room.member/{}",
        http::enc(room),
        http::enc(user)
    );
    asker.api("GET", &path, None).await["membership"]
        .as_str()
        .unwrap_or_default()
        .to_string()
}

/// What the bot should answer to `line` from someone with `role`: the renderer's output for the engine's
/// response over the same briefings.
pub(super) fn expected(line: &str, role: Role) -> Vec<Message> {
    render(&engine_for(fixture("corpus")).handle(line, role))
}

/// The bot's replies to `event`, in order.
pub(super) fn answers<'a>(messages: &'a [Seen], bot: &str, event: &str) -> Vec<&'a Seen> {
    messages
        .iter()
        .filter(|m| m.sender == bot && m.in_reply_to.as_deref() == Some(event))
        .collect()
}

/// An answer as a user's client receives it: a notice with both bodies that pings no one.
pub(super) fn assert_answer(seen: &Seen, want: &Message) {
    assert_eq!(seen.msgtype, "m.notice", "{seen:?}");
    assert_eq!(seen.body, want.body);
    assert_eq!(seen.formatted_body.as_deref(), Some(want.formatted_body.as_str()));
    assert_eq!(
        seen.mentions,
        Some(Mentions::default()),
        "m.mentions present and empty"
    );
    let bytes = serde_json::to_vec(&seen.content).unwrap().len();
    assert!(bytes <= 16 * 1024, "{bytes} bytes of content");
}

pub(super) async fn wait_answered(
    user: &TestUser,
    room: &str,
    bot: &str,
    event: &str,
    parts: usize,
) -> Vec<Seen> {
    let messages = user
        .wait_for(room, WAIT, |m| answers(m, bot, event).len() >= parts)
        .await;
    assert!(
        answers(&messages, bot, event).len() >= parts,
        "no answer to {event} within {WAIT:?}"
    );
    messages
}

/// The ids of `user`'s devices, as the admin API lists them.
pub(super) async fn devices_of(server: &Synapse, user: &str) -> Vec<String> {
    let token = server.admin_token_async().await;
    let url = format!(
        "{}/_synapse/admin/v2/users/{}/devices",
        server.url(),
        http::enc(user)
    );
    let devices = http::call("GET", &url, Some(&token), None).await.unwrap();
    let mut ids: Vec<String> = devices["devices"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|d| d["device_id"].as_str().map(str::to_string))
        .collect();
    ids.sort();
    ids
}
