//! A burst of commands larger than a sync can carry, answered under a rate limit.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use attache_core::command::Role;

use super::*;

/// Regression: a burst larger than one sync's timeline (Synapse returns at most 100 events per room and
/// marks the timeline limited) lost the commands in the gap. Answers go out a few at once, so only each
/// user's answers must keep the order of that user's commands; the two users' may interleave. The bot is frozen while two users send 200
/// commands at once, 150 to one room and 10 to each of five others, so its next sync is limited in the
/// first. It answers under a limit of 5 messages a second, and must lose no answer to the 429s it meets.
/// So that it meets them however fast this machine is (a loaded one once kept the bot under 5 a second),
/// another device of the bot's account takes about 4 of those 5 a second in a room of its own until the
/// bot has waited out a 429.
#[tokio::test]
async fn a_burst_of_200_commands_gets_200_answers_each_once_and_in_each_users_order() {
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
    let filler = ratelimit_filler(server, &account.access_token).await;
    bot.signal("CONT");
    let bot_met_429 = {
        let bot = &bot;
        move || !bot.log_lines(from, "rate limited (429)").is_empty()
    };
    filler.run_until(bot_met_429, Duration::from_secs(60)).await;

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
    // A command answered twice would be answered again before anything its user sent after it: each user's
    // answers keep their order, so once a later command of each user is answered in every room, every
    // second answer would be there too.
    let mut later = Vec::new();
    for room in &rooms {
        for user in [&alice, &bob] {
            later.push((room, user.send_text(room, "!help").await));
        }
    }
    for (room, event) in &later {
        wait_answered(&alice, room, bot_id, event, 1).await;
    }
    let mut answered: HashMap<String, usize> = HashMap::new();
    for room in &rooms {
        let messages = alice.messages(room).await;
        let sender: HashMap<&str, &str> = messages
            .iter()
            .map(|m| (m.event_id.as_str(), m.sender.as_str()))
            .collect();
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
            if later.iter().any(|(_, l)| l == event) {
                continue;
            }
            let word = asked.get(event).expect("answers reply to the burst's commands");
            assert_eq!(m.body, expected(&format!("search {word}"), Role::Member)[0].body);
            *answered.entry(event.to_string()).or_default() += 1;
            replies.push(event);
        }
        for user in [&alice, &bob] {
            let of_user = |events: &[&str]| -> Vec<String> {
                events
                    .iter()
                    .filter(|e| sender.get(**e) == Some(&user.user_id.as_str()))
                    .map(|e| e.to_string())
                    .collect()
            };
            assert_eq!(
                of_user(&replies),
                of_user(&commands),
                "{}'s commands answered in the order they were sent",
                user.user_id
            );
        }
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

/// Messages sent as the bot from another device, taking most of the account's message rate.
struct Filler {
    url: String,
    token: String,
}

/// A room of the bot account's own (the bot never answers its own messages) to send filler into.
async fn ratelimit_filler(server: &Synapse, token: &str) -> Filler {
    let created = http::call(
        "POST",
        &format!("{}/_matrix/client/v3/createRoom", server.url()),
        Some(token),
        Some(&serde_json::json!({"name": "filler"})),
    )
    .await
    .expect("the filler room is created");
    let room = created["room_id"].as_str().expect("a room id").to_string();
    Filler {
        url: format!(
            "{}/_matrix/client/v3/rooms/{}/send/m.room.message/",
            server.url(),
            http::enc(&room)
        ),
        token: token.to_string(),
    }
}

impl Filler {
    /// Sends a notice every 250 ms (waiting out its own 429s) until `done` or `timeout`.
    async fn run_until(&self, done: impl Fn() -> bool, timeout: Duration) {
        let deadline = Instant::now() + timeout;
        while !done() && Instant::now() < deadline {
            let body = serde_json::json!({"msgtype": "m.notice", "body": "filler"});
            let url = format!("{}{}", self.url, http::txn_id());
            if let Err(e) = http::call("PUT", &url, Some(&self.token), Some(&body)).await {
                let wait = e.retry_after_ms.unwrap_or(250).min(5_000);
                tokio::time::sleep(Duration::from_millis(wait)).await;
            }
            tokio::time::sleep(Duration::from_millis(250)).await;
        }
    }
}
