//! One load run: set up the users, the room and the bot; warm up; interleaved round trips to the bot and
//! to the floor; a burst; then the report on stdout.

use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

use serde_json::json;

use crate::clients::{Raw, Replies, floor, sync_forever};
use crate::{Bot, cpu_seconds, ms, quantile, rss_mib};
use synapse_harness::Synapse;
use synapse_harness::http::{call, enc};

const PASSWORD: &str = "load-password";
const COMMAND: &str = "!summary infoforum";
/// How long an answer may take before it counts as missing; also the wait for the bot to come up.
const TIMEOUT: Duration = Duration::from_secs(60);

pub async fn run(server: &'static Synapse, rounds: usize, burst: usize) {
    let bot_id = match server.register_async("attache", PASSWORD, false).await {
        synapse_harness::admin::Registered::New(s) => s.user_id,
        synapse_harness::admin::Registered::Existing(id) => id,
    };
    let user = Raw::new(server.url(), server.session("loader", PASSWORD, false).await);
    let instant = Raw::new(server.url(), server.session("floor", PASSWORD, false).await);
    for id in [&bot_id, &user.session.user_id, &instant.session.user_id] {
        server.override_ratelimit_async(id, 0, 0).await;
    }

    let mut bot = Bot::start(server, &bot_id, PASSWORD, &[&user.session.user_id]);
    wait_for_device(server, &mut bot, &bot_id).await;
    let room = user
        .api(
            "POST",
            "/createRoom",
            Some(&json!({"name": "load", "preset": "private_chat",
                "invite": [bot_id, instant.session.user_id]})),
        )
        .await["room_id"]
        .as_str()
        .expect("a room id")
        .to_owned();
    instant
        .api("POST", &format!("/join/{}", enc(&room)), Some(&json!({})))
        .await;
    wait_for_join(&user, &mut bot, &room, &bot_id).await;

    let replies = Arc::new(Replies::default());
    let r = replies.clone();
    tokio::spawn(sync_forever(
        user.clone(),
        move |_, event, at| r.record(event, at),
        replies.clone(),
    ));
    tokio::spawn(floor(instant.clone()));
    // Let both syncs start before the first command.
    tokio::time::sleep(Duration::from_millis(500)).await;

    // Warm-up: learns how many events one answer takes (the renderer may split it).
    let first = user.send_text(&room, COMMAND).await;
    wait_replies(&replies, &first, &bot_id, 1, &mut bot).await;
    tokio::time::sleep(Duration::from_secs(2)).await;
    let parts = replies.from(&first, &bot_id).len();
    let ping = user.send_text(&room, "!ping").await;
    wait_replies(&replies, &ping, &instant.session.user_id, 1, &mut bot).await;
    tokio::time::sleep(Duration::from_secs(2)).await;
    // The bot has no `ping` and may say so: each round then waits for that too, so that the bot is idle
    // when the next command is timed.
    let bot_pongs = replies.from(&ping, &bot_id).len();
    let rss_idle = rss_mib(bot.pid());

    let floor_id = instant.session.user_id.clone();
    let (mut to_bot, mut to_floor) = (Vec::new(), Vec::new());
    for _ in 0..rounds {
        let (took, _) = round_trip(&user, &room, COMMAND, &replies, &bot_id, parts, &mut bot).await;
        to_bot.push(took);
        let (took, ping) = round_trip(&user, &room, "!ping", &replies, &floor_id, 1, &mut bot).await;
        to_floor.push(took);
        if bot_pongs > 0 {
            wait_replies(&replies, &ping, &bot_id, bot_pongs, &mut bot).await;
        }
    }
    to_bot.sort();
    to_floor.sort();

    let (bot_cpu, synapse_cpu) = (cpu_seconds(bot.pid()), server.pid().map_or(0.0, cpu_seconds));
    let started = Instant::now();
    let sends = (0..burst).map(|_| user.send_text(&room, COMMAND));
    let ids = futures_util::future::join_all(sends).await;
    let sent_in = started.elapsed();
    // Until every command has its answer, or none has come for TIMEOUT.
    let mut last_progress = (0, Instant::now());
    loop {
        let done: usize = ids
            .iter()
            .map(|id| replies.from(id, &bot_id).len().min(parts))
            .sum();
        if done == ids.len() * parts {
            break;
        }
        if done > last_progress.0 {
            last_progress = (done, Instant::now());
        } else if last_progress.1.elapsed() > TIMEOUT {
            break;
        }
        bot.assert_running();
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let last_answer = ids
        .iter()
        .filter_map(|id| replies.from(id, &bot_id).last().copied())
        .max();
    let bot_cpu = cpu_seconds(bot.pid()) - bot_cpu;
    let synapse_cpu = server.pid().map_or(0.0, cpu_seconds) - synapse_cpu;
    // Late duplicates would come now.
    tokio::time::sleep(Duration::from_secs(3)).await;
    let counts: Vec<usize> = ids.iter().map(|id| replies.from(id, &bot_id).len()).collect();
    let answered = counts.iter().filter(|&&n| n >= parts).count();
    let duplicates: usize = counts.iter().map(|&n| n.saturating_sub(parts)).sum();
    let rss_after = rss_mib(bot.pid());

    let span = last_answer.map_or(Duration::ZERO, |t| t.duration_since(started));
    println!(
        "Matrix load: Synapse {} on loopback, release `attache`",
        synapse_harness::install::SYNAPSE_VERSION
    );
    println!("round trip, command sent to answer seen via /sync ({rounds} interleaved rounds):");
    println!("                                   median       p95");
    let row = |name: &str, d: &[Duration]| {
        println!(
            "  {name:<30} {:>10} {:>10}",
            ms(quantile(d, 0.5)),
            ms(quantile(d, 0.95))
        );
    };
    row(&format!("bot `{COMMAND}` ({parts} ev)"), &to_bot);
    row("instant floor `!ping`", &to_floor);
    if bot_pongs > 0 {
        println!("  (the bot answers `!ping` too, with {bot_pongs} event(s); each round waits for it)");
    }
    println!(
        "burst of {burst} commands sent at once (all sent in {}):",
        ms(sent_in)
    );
    println!(
        "  answered {answered}, missing {}, duplicate events {duplicates}; last answer {:.2} s after the first send ({:.0} answers/s)",
        burst - answered,
        span.as_secs_f64(),
        answered as f64 / span.as_secs_f64().max(1e-9)
    );
    println!(
        "  bot CPU {:.2} s, {:.2} ms per answer; Synapse CPU {:.2} s",
        bot_cpu,
        bot_cpu * 1000.0 / answered.max(1) as f64,
        synapse_cpu
    );
    println!("bot resident: idle {rss_idle}; after the burst {rss_after}");
    let cut = replies.limited_syncs.load(Ordering::Relaxed);
    if cut > 0 {
        println!(
            "note: {cut} of the user's syncs were limited (cut short): answers could be counted missing"
        );
    }
}

/// Sends `body` and waits for `parts` replies from `from`; the time from before the send to the arrival
/// (in the user's sync) of the last part, and the id of the sent event.
#[allow(clippy::too_many_arguments)]
async fn round_trip(
    user: &Raw,
    room: &str,
    body: &str,
    replies: &Replies,
    from: &str,
    parts: usize,
    bot: &mut Bot,
) -> (Duration, String) {
    let sent = Instant::now();
    let id = user.send_text(room, body).await;
    let arrivals = wait_replies(replies, &id, from, parts, bot).await;
    (arrivals[parts - 1].duration_since(sent), id)
}

/// Waits until `from` has sent `parts` replies to `target`; their arrival times.
async fn wait_replies(
    replies: &Replies,
    target: &str,
    from: &str,
    parts: usize,
    bot: &mut Bot,
) -> Vec<Instant> {
    let deadline = Instant::now() + TIMEOUT;
    loop {
        let arrivals = replies.from(target, from);
        if arrivals.len() >= parts {
            return arrivals;
        }
        bot.assert_running();
        assert!(
            Instant::now() < deadline,
            "no answer from {from} to {target} within {TIMEOUT:?}; the bot's log ends:\n{}",
            bot.log_tail()
        );
        // Arrival times are taken in the sync task: this poll's period does not enter the figures.
        tokio::time::sleep(Duration::from_millis(2)).await;
    }
}

/// Waits until the bot has logged in (it has a device), which its first start does with a password.
async fn wait_for_device(server: &Synapse, bot: &mut Bot, bot_id: &str) {
    let url = format!("{}/_synapse/admin/v2/users/{}/devices", server.url(), enc(bot_id));
    let token = server.admin_token_async().await;
    let deadline = Instant::now() + TIMEOUT;
    loop {
        let devices = call("GET", &url, Some(&token), None)
            .await
            .expect("the admin API answers");
        if devices["total"].as_u64().unwrap_or(0) > 0 {
            return;
        }
        bot.assert_running();
        assert!(
            Instant::now() < deadline,
            "the bot did not log in; its log ends:\n{}",
            bot.log_tail()
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Waits until the bot has accepted the invite.
async fn wait_for_join(user: &Raw, bot: &mut Bot, room: &str, bot_id: &str) {
    let deadline = Instant::now() + TIMEOUT;
    loop {
        let members = user
            .api("GET", &format!("/rooms/{}/joined_members", enc(room)), None)
            .await;
        if members["joined"].get(bot_id).is_some() {
            return;
        }
        bot.assert_running();
        assert!(
            Instant::now() < deadline,
            "the bot did not join; its log ends:\n{}",
            bot.log_tail()
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}
