//! The Matrix adapter against a real Synapse, driven as users would: the `attache` binary runs as a child
//! process ([`bot`]) and test users send commands and read what the bot posts.
//!
//! Each test has its own bot account and users (rate limits are per user, tests run in parallel). Bots use
//! the access token of their registration, except the restart test, whose bot logs in with its password
//! once and restores that session: Synapse lets 127.0.0.1 log in only 5 times every few minutes.

mod bot;

use std::collections::HashMap;
use std::time::{Duration, Instant};

use attache::command::Role;
use attache::matrix::render::{Message, render, render_post};
use serde_json::json;

use crate::synapse::seen::Mentions;
use crate::synapse::{Seen, Session, Synapse, TestUser, http, synapse};
use crate::{engine_for, fixture};

use bot::{Auth, Bot, Options};

const PW: &str = "test-password";
const WAIT: Duration = Duration::from_secs(60);

/// A bot account on `server`, free of rate limits unless a test sets its own.
async fn bot_account(server: &Synapse, name: &str) -> Session {
    let session = server.session(name, PW, false).await;
    server.override_ratelimit_async(&session.user_id, 0, 0).await;
    session
}

/// A test user on `server` free of rate limits, so commands go out as fast as a test sends them.
async fn user_on(server: &Synapse, name: &str) -> TestUser {
    let user = TestUser::login_on(server, name, PW).await;
    server.override_ratelimit_async(&user.user_id, 0, 0).await;
    user
}

fn options(server: &Synapse, account: &Session, extra: &str) -> Options {
    Options {
        homeserver: server.url(),
        user: account.user_id.clone(),
        auth: Auth::AccessToken(account.access_token.clone()),
        matrix_extra: extra.to_string(),
    }
}

/// A room `owner` creates with the bot and `others` invited; returns once the bot has joined.
async fn room_with_bot(owner: &TestUser, bot: &str, encrypted: bool, others: &[&TestUser]) -> String {
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
async fn membership(asker: &TestUser, room: &str, user: &str) -> String {
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
fn expected(line: &str, role: Role) -> Vec<Message> {
    render(&engine_for(fixture("corpus")).handle(line, role))
}

/// The bot's replies to `event`, in order.
fn answers<'a>(messages: &'a [Seen], bot: &str, event: &str) -> Vec<&'a Seen> {
    messages
        .iter()
        .filter(|m| m.sender == bot && m.in_reply_to.as_deref() == Some(event))
        .collect()
}

/// An answer as a user's client receives it: a notice with both bodies that pings no one.
fn assert_answer(seen: &Seen, want: &Message) {
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

async fn wait_answered(user: &TestUser, room: &str, bot: &str, event: &str, parts: usize) -> Vec<Seen> {
    let messages = user
        .wait_for(room, WAIT, |m| answers(m, bot, event).len() >= parts)
        .await;
    assert!(
        answers(&messages, bot, event).len() >= parts,
        "no answer to {event} within {WAIT:?}"
    );
    messages
}

#[tokio::test]
async fn every_command_is_answered_in_a_plain_room() {
    let server = synapse();
    let account = bot_account(server, "mxbot-cmd").await;
    let alice = user_on(server, "mx-cmd-alice").await;
    let _bot = Bot::start(options(server, &account, "autojoin = \"anyone\""));
    let bot = account.user_id.as_str();
    let room = room_with_bot(&alice, bot, false, &[]).await;
    let lines = [
        "help",
        "help sponsors",
        "events",
        "briefing infoforum",
        "summary infoforum",
        "topics example-harbour-summit-2024",
        "sponsors infoforum",
        "quotes noskov",
        "search cloud security",
        "summary infofourm",
        "frobnicate",
        "reload",
    ];
    let mut asked = Vec::new();
    for line in lines {
        asked.push((alice.send_text(&room, &format!("!{line}")).await, line));
    }
    let status = alice.send_text(&room, "!status").await;
    // Other ways to ask: by name, by pill, in a reply (whose fallback quotes another command), in a thread.
    let by_name = alice.send_text(&room, "mxbot-cmd: topics infoforum").await;
    let pill = json!({"msgtype": "m.text", "body": "Attaché: sponsors example-harbour-summit-2023",
        "format": "org.matrix.custom.html",
        "formatted_body": format!("<a href=\"https://matrix.to/#/{bot}\">Attaché</a>: sponsors example-harbour-summit-2023"),
        "m.mentions": {"user_ids": [bot]}});
    let by_pill = alice.send(&room, pill).await;
    let reply = alice
        .send_reply(&room, "!summary example-harbour-summit-2023", &asked[0].0)
        .await;
    let root = alice
        .send_text(&room, "Shall we talk about the harbour summit?")
        .await;
    let threaded = alice
        .send_in_thread(&room, "!quotes example-harbour-summit-2024", &root)
        .await;
    // Never answered: a notice, an edit into a command, chat.
    let notice = alice.send_notice(&room, "!help").await;
    let edit = alice.edit(&room, &root, "!help").await;
    let chat = alice.send_text(&room, "thanks, that helps").await;
    let last = alice.send_text(&room, "!events 2024").await;
    // Answers come in order, so once the last is there every earlier one is.
    let messages = wait_answered(&alice, &room, bot, &last, 1).await;

    for (event, line) in asked.iter().map(|(e, l)| (e.as_str(), *l)).chain([
        (by_name.as_str(), "topics infoforum"),
        (by_pill.as_str(), "sponsors example-harbour-summit-2023"),
        (reply.as_str(), "summary example-harbour-summit-2023"),
        (threaded.as_str(), "quotes example-harbour-summit-2024"),
        (last.as_str(), "events 2024"),
    ]) {
        let got = answers(&messages, bot, event);
        // Alice created the room: her power level of 100 makes her a moderator.
        let want = expected(line, Role::Moderator);
        assert_eq!(got.len(), want.len(), "parts answering `{line}`");
        for (seen, want) in got.iter().zip(&want) {
            assert_answer(seen, want);
        }
    }
    let status = answers(&messages, bot, &status);
    assert!(
        status[0].body.starts_with("Attaché status\n"),
        "{}",
        status[0].body
    );
    assert!(
        status[0].body.contains("Platforms: matrix (connected)"),
        "{}",
        status[0].body
    );
    let denied = &answers(&messages, bot, &asked[11].0)[0].body;
    assert!(denied.starts_with("`reload` is for admins only."), "{denied}");
    // The threaded command is answered inside its thread, as a real reply rather than a fallback.
    let in_thread = answers(&messages, bot, &threaded)[0];
    assert_eq!(in_thread.thread_root.as_deref(), Some(root.as_str()));
    assert_eq!(in_thread.content["m.relates_to"]["is_falling_back"], false);
    for quiet in [&notice, &edit, &chat, &root] {
        assert!(answers(&messages, bot, quiet).is_empty(), "{quiet} was answered");
    }
    let from_bot = messages.iter().filter(|m| m.sender == bot).count();
    let replies: usize = messages
        .iter()
        .filter(|m| m.sender == bot && m.in_reply_to.is_some())
        .count();
    assert_eq!(
        from_bot, replies,
        "everything the bot posted replies to a command"
    );
}

#[tokio::test]
async fn encrypted_commands_get_encrypted_answers() {
    let server = synapse();
    let account = bot_account(server, "mxbot-e2ee").await;
    let alice = user_on(server, "mx-e2ee-alice").await;
    let _bot = Bot::start(options(server, &account, "autojoin = \"anyone\""));
    let bot = account.user_id.as_str();
    let room = room_with_bot(&alice, bot, true, &[]).await;
    let cmd = alice.send_text(&room, "!summary infoforum").await;
    let messages = wait_answered(&alice, &room, bot, &cmd, 1).await;
    let asked = messages.iter().find(|m| m.event_id == cmd).unwrap();
    assert!(asked.encrypted, "the command went out encrypted");
    let answer = answers(&messages, bot, &cmd)[0];
    assert!(answer.encrypted && !answer.undecryptable, "{answer:?}");
    assert_answer(answer, &expected("summary infoforum", Role::Member)[0]);
}

#[tokio::test]
async fn invites_are_joined_or_ignored_as_autojoin_says() {
    let server = synapse();
    let account = bot_account(server, "mxbot-invite").await;
    let admin = user_on(server, "mx-inv-admin").await;
    let stranger = user_on(server, "mx-inv-stranger").await;
    let bot = Bot::start(options(
        server,
        &account,
        &format!("admins = [{:?}]\nautojoin = \"admins\"", admin.user_id),
    ));
    let bot_id = account.user_id.as_str();
    let ignored = stranger.create_room("not for bots", false, &[bot_id]).await;
    let joined = room_with_bot(&admin, bot_id, false, &[]).await;
    bot.wait_log(0, "ignoring an invite `matrix.autojoin` does not allow", WAIT);
    assert_eq!(membership(&stranger, &ignored, bot_id).await, "invite");
    let cmd = admin.send_text(&joined, "!help").await;
    let messages = wait_answered(&admin, &joined, bot_id, &cmd, 1).await;
    // An admin's help lists the admin commands too.
    assert_answer(
        answers(&messages, bot_id, &cmd)[0],
        &expected("help", Role::Admin)[0],
    );
}

#[tokio::test]
async fn a_restarted_bot_keeps_its_device_and_answers_only_new_commands() {
    let server = synapse();
    let bot_id = server.register("mxbot-restart", PW, false);
    server.override_ratelimit_async(&bot_id, 0, 0).await;
    let alice = user_on(server, "mx-rs-alice").await;
    let mut bot = Bot::start(Options {
        homeserver: server.url(),
        user: bot_id.clone(),
        auth: Auth::Password(PW.into()),
        matrix_extra: "autojoin = \"anyone\"".into(),
    });
    let room = room_with_bot(&alice, &bot_id, true, &[]).await;
    let first = alice.send_text(&room, "!summary infoforum").await;
    wait_answered(&alice, &room, &bot_id, &first, 1).await;
    let session: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(bot.store().join("session.json")).unwrap()).unwrap();
    let device = session["device_id"].as_str().unwrap().to_string();
    let devices_before = devices_of(server, &bot_id).await;

    bot.stop();
    let old = alice.send_text(&room, "!topics infoforum").await;
    let from = bot.log_len();
    bot.restart();
    bot.wait_log(from, "restored the saved Matrix session", WAIT);
    let new = alice.send_text(&room, "!sponsors infoforum").await;
    let messages = wait_answered(&alice, &room, &bot_id, &new, 1).await;
    assert_answer(
        answers(&messages, &bot_id, &new)[0],
        &expected("sponsors infoforum", Role::Member)[0],
    );
    assert!(
        answers(&messages, &bot_id, &old).is_empty(),
        "a command sent while it was down was answered"
    );
    assert_eq!(
        answers(&messages, &bot_id, &first).len(),
        1,
        "the first command answered once"
    );

    // The same devices as before the restart (the registration's and the bot's login): it restored its
    // session rather than logging in again.
    assert_eq!(devices_of(server, &bot_id).await, devices_before);
    assert!(
        devices_before.contains(&device),
        "{devices_before:?} lacks {device}"
    );
}

/// The ids of `user`'s devices, as the admin API lists them.
async fn devices_of(server: &Synapse, user: &str) -> Vec<String> {
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

#[tokio::test]
async fn moderator_commands_need_a_power_level_or_the_list() {
    let server = synapse();
    let account = bot_account(server, "mxbot-mod").await;
    let alice = user_on(server, "mx-mod-alice").await;
    let bob = user_on(server, "mx-mod-bob").await;
    let carol = user_on(server, "mx-mod-carol").await;
    let _bot = Bot::start(options(
        server,
        &account,
        &format!("autojoin = \"anyone\"\nmoderators = [{:?}]", carol.user_id),
    ));
    let bot = account.user_id.as_str();
    let room = room_with_bot(&alice, bot, false, &[&bob, &carol]).await;
    let refused = bob.send_text(&room, "!digest infoforum").await;
    let messages = wait_answered(&bob, &room, bot, &refused, 1).await;
    let reply = answers(&messages, bot, &refused)[0];
    assert_answer(reply, &expected("digest infoforum", Role::Member)[0]);
    assert!(
        reply.body.starts_with("`digest` is for moderators"),
        "{}",
        reply.body
    );

    alice.set_power_level(&room, &bob.user_id, 50).await;
    let allowed = bob.send_text(&room, "!digest infoforum").await;
    let listed = carol
        .send_text(&room, "!digest example-harbour-summit-2024")
        .await;
    // The refusal, then a reply and a posted digest for each of the two.
    let messages = bob
        .wait_for(&room, WAIT, |m| m.iter().filter(|m| m.sender == bot).count() >= 5)
        .await;
    let engine = engine_for(fixture("corpus"));
    for (event, line) in [
        (&allowed, "digest infoforum"),
        (&listed, "digest example-harbour-summit-2024"),
    ] {
        let response = engine.handle(line, Role::Moderator);
        let reply = answers(&messages, bot, event)[0];
        assert_answer(reply, &render(&response)[0]);
        // The digest itself follows its reply, posted to the room rather than replying to anyone.
        let at = messages
            .iter()
            .position(|m| m.event_id == reply.event_id)
            .unwrap();
        let posted = messages[at + 1..]
            .iter()
            .find(|m| m.sender == bot)
            .expect("the digest is posted");
        assert_eq!((posted.sender.as_str(), posted.in_reply_to.as_ref()), (bot, None));
        assert_eq!(posted.body, render_post(response.post.as_ref().unwrap())[0].body);
        assert_eq!(posted.mentions, Some(Mentions::default()));
    }
}

/// Regression: a burst larger than one sync's timeline (Synapse returns at most 100 events per room and
/// marks the timeline limited) lost the commands in the gap. The bot is frozen while two users send 200
/// commands at once, 150 to one room and 10 to each of five others, so its next sync is limited in the
/// first. Answering six rooms at once under a limit of 5 messages a second, it meets 429s (one room alone
/// would not: Synapse here takes 0.2 to 0.6 s to accept each message) and must lose no answer to them.
#[tokio::test]
async fn a_burst_of_200_commands_gets_200_answers_each_once_and_in_order() {
    let server = synapse();
    let account = bot_account(server, "mxbot-burst").await;
    server.override_ratelimit_async(&account.user_id, 5, 10).await;
    let alice = user_on(server, "mx-burst-alice").await;
    let bob = user_on(server, "mx-burst-bob").await;
    let bot = Bot::start(options(server, &account, "autojoin = \"anyone\""));
    let bot_id = account.user_id.as_str();
    let others = [&bob];
    let rooms: Vec<String> =
        futures_util::future::join_all((0..6).map(|_| room_with_bot(&alice, bot_id, false, &others))).await;
    // Commands 0..75 of each user go to the busy room, then 5 to each quiet one.
    let room_of = |i: usize| &rooms[if i < 75 { 0 } else { 1 + (i - 75) / 5 }];

    let from = bot.log_len();
    bot.signal("STOP");
    let send = |user: &TestUser, tag: &str| {
        let asks: Vec<(String, String)> = (0..100)
            .map(|i| (room_of(i).clone(), format!("zq{tag}{i}")))
            .collect();
        let user = user.clone();
        async move {
            let lines: Vec<String> = asks.iter().map(|(_, w)| format!("!search {w}")).collect();
            let sent = futures_util::future::join_all(
                asks.iter()
                    .zip(&lines)
                    .map(|((room, _), line)| user.send_text(room, line)),
            )
            .await;
            sent.into_iter()
                .zip(asks.into_iter().map(|(_, w)| w))
                .collect::<Vec<_>>()
        }
    };
    let (a, b) = tokio::join!(send(&alice, "a"), send(&bob, "b"));
    let asked: HashMap<String, String> = a.into_iter().chain(b).collect();
    assert_eq!(asked.len(), 200);
    let started = Instant::now();
    bot.signal("CONT");

    // Polled every second: reading hundreds of messages ten times a second would slow Synapse down more
    // than the rate limit does.
    let count = |m: &[Seen]| m.iter().filter(|m| m.sender == bot_id).count();
    let deadline = started + Duration::from_secs(240);
    loop {
        let mut answered = 0;
        for room in &rooms {
            answered += count(&alice.messages(room).await);
        }
        if answered >= 200 || Instant::now() > deadline {
            break;
        }
        tokio::time::sleep(Duration::from_secs(1)).await;
    }
    let took = started.elapsed();
    // A little longer: anything answered twice would show now.
    tokio::time::sleep(Duration::from_secs(2)).await;
    let mut answered: HashMap<String, usize> = HashMap::new();
    for room in &rooms {
        let messages = alice.messages(room).await;
        let commands: Vec<&str> = messages
            .iter()
            .filter(|m| asked.contains_key(&m.event_id))
            .map(|m| m.event_id.as_str())
            .collect();
        let mut replies = Vec::new();
        for m in messages.iter().filter(|m| m.sender == bot_id) {
            let event = m
                .in_reply_to
                .as_deref()
                .expect("every answer replies to its command");
            let word = asked.get(event).expect("answers reply to the burst's commands");
            assert_eq!(m.body, expected(&format!("search {word}"), Role::Member)[0].body);
            *answered.entry(event.to_string()).or_default() += 1;
            replies.push(event);
        }
        assert_eq!(replies, commands, "answered in the order the commands were sent");
    }
    assert_eq!(answered.len(), 200, "every command answered");
    assert!(answered.values().all(|&n| n == 1), "each exactly once");
    let limited = bot.log_lines(from, "sync timeline limited").len();
    let from_gaps: usize = bot
        .log_lines(from, "gap filled")
        .iter()
        .filter_map(|l| {
            l.split("commands=")
                .nth(1)?
                .split_whitespace()
                .next()?
                .parse::<usize>()
                .ok()
        })
        .sum();
    let waits = bot.log_lines(from, "rate limited (429)").len();
    eprintln!(
        "burst: 200 answers in {took:.1?}, {limited} limited syncs, {from_gaps} commands found in gaps, \
         {waits} 429s waited out"
    );
    assert!(
        limited >= 1 && from_gaps >= 1,
        "the gap of a limited sync was not crossed\n{}",
        bot.log_tail(20)
    );
    assert!(waits >= 1, "the bot met no 429 at 5 messages a second");
}

#[tokio::test]
async fn the_bot_answers_again_after_the_homeserver_restarts() {
    let server = Synapse::dedicated();
    let account = bot_account(&server, "mxbot-down").await;
    let alice = user_on(&server, "mx-down-alice").await;
    let bot = Bot::start(options(&server, &account, "autojoin = \"anyone\""));
    let bot_id = account.user_id.as_str();
    let room = room_with_bot(&alice, bot_id, false, &[]).await;
    let before = alice.send_text(&room, "!summary infoforum").await;
    wait_answered(&alice, &room, bot_id, &before, 1).await;

    let from = bot.log_len();
    server.stop();
    bot.wait_log(from, "Matrix sync failed", WAIT);
    server.start();
    let after = alice.send_text(&room, "!status").await;
    let messages = wait_answered(&alice, &room, bot_id, &after, 1).await;
    let status = &answers(&messages, bot_id, &after)[0].body;
    assert!(status.contains("Platforms: matrix (connected)"), "{status}");
    assert_eq!(
        answers(&messages, bot_id, &before).len(),
        1,
        "nothing answered twice after reconnecting"
    );
}
