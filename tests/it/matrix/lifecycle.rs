//! The bot's life in rooms and on the server: invites accepted or ignored, only listed rooms served, a
//! restart that keeps its device and skips what was said while it was down, and a homeserver that goes away
//! and comes back.

use std::process::{Command, Stdio};

use attache_core::command::Role;
use serde_json::json;

use super::*;

/// With `[matrix]` configured but its password unset, `attache run` says which variable is missing and runs
/// the console instead of stopping.
#[test]
fn without_its_secret_matrix_is_skipped_and_the_console_runs() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("attache.toml");
    let toml = format!(
        "[briefings]\ndir = {:?}\nwatch = false\n\n[data]\ndir = {:?}\n\n[matrix]\n\
         homeserver = \"http://127.0.0.1:9\"\nuser = \"@bot:localhost\"\npassword_env = \"ATTACHE_TEST_UNSET\"\n",
        fixture("corpus").display().to_string(),
        dir.path().join("data").display().to_string()
    );
    std::fs::write(&config, toml).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_attache"))
        .arg("--config")
        .arg(&config)
        .arg("run")
        .env_remove("ATTACHE_TEST_UNSET")
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .output()
        .unwrap();
    let (stdout, stderr) = (crate::stdout(&out), crate::stderr(&out));
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.contains("[matrix] not started") && stderr.contains("`ATTACHE_TEST_UNSET`"),
        "{stderr}"
    );
    assert!(
        stdout.starts_with("No chat platform can start: starting the console with 3 briefings"),
        "{stdout}"
    );
    assert!(
        !dir.path().join("data/matrix").exists(),
        "no store made for a platform that did not start"
    );
}

#[tokio::test]
async fn only_the_listed_rooms_are_served() {
    let server = synapse();
    let account = bot_account(server, "mxbot-rooms").await;
    let alice = user_on(server, "mx-rooms-alice").await;
    let bot_id = account.user_id.as_str();
    // Both rooms invite the bot before it starts; only the one whose alias is listed is served.
    let listed = alice.create_room("listed", false, &[bot_id]).await;
    let alias = "#mx-listed:localhost";
    let path = format!("/directory/room/{}", http::enc(alias));
    alice.api("PUT", &path, Some(&json!({"room_id": listed}))).await;
    let other = alice.create_room("other", false, &[bot_id]).await;
    let bot = Bot::start(options(
        server,
        &account,
        &format!("autojoin = \"anyone\"\nrooms = [{alias:?}]"),
    ));
    bot.wait_log(0, "ignoring an invite to a room not in `matrix.rooms`", WAIT);
    let deadline = std::time::Instant::now() + WAIT;
    while membership(&alice, &listed, bot_id).await != "join" {
        assert!(
            std::time::Instant::now() < deadline,
            "the listed room was not joined"
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(membership(&alice, &other, bot_id).await, "invite");
    let cmd = alice.send_text(&listed, "!summary infoforum").await;
    let messages = wait_answered(&alice, &listed, bot_id, &cmd, 1).await;
    assert_answer(
        answers(&messages, bot_id, &cmd)[0],
        &expected("summary infoforum", Role::Moderator)[0],
    );
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
    // Regression: a command said in a room before the bot joined it is history, never answered, even
    // when the bot is running and its timelines leave out its own events (its join among them).
    let joined = admin.create_room("briefings", false, &[]).await;
    let before_join = admin.send_text(&joined, "!summary infoforum").await;
    admin.invite(&joined, bot_id).await;
    let deadline = std::time::Instant::now() + WAIT;
    while membership(&admin, &joined, bot_id).await != "join" {
        assert!(std::time::Instant::now() < deadline, "the bot did not join");
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    bot.wait_log(0, "ignoring an invite `matrix.autojoin` does not allow", WAIT);
    assert_eq!(membership(&stranger, &ignored, bot_id).await, "invite");
    let cmd = admin.send_text(&joined, "!help").await;
    let messages = wait_answered(&admin, &joined, bot_id, &cmd, 1).await;
    assert!(
        answers(&messages, bot_id, &before_join).is_empty(),
        "a command from before the join was answered"
    );
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

/// A moderator sets the room's language; the room's answers are in it from then on, after a restart too,
/// and a member cannot change it.
#[tokio::test]
async fn a_room_keeps_the_language_a_moderator_sets() {
    let server = synapse();
    let bot_id = server.register("mxbot-language", PW, false);
    server.override_ratelimit_async(&bot_id, 0, 0).await;
    let alice = user_on(server, "mx-lang-alice").await;
    let bob = user_on(server, "mx-lang-bob").await;
    let mut bot = Bot::start(Options {
        homeserver: server.url(),
        user: bot_id.clone(),
        auth: Auth::Password(PW.into()),
        matrix_extra: "autojoin = \"anyone\"".into(),
    });
    let room = room_with_bot(&alice, &bot_id, false, &[&bob]).await;
    let body_of = |messages: &[Seen], event: &str| {
        answers(messages, &bot_id, event)
            .iter()
            .map(|m| m.body.clone())
            .collect::<Vec<_>>()
            .join("\n")
    };
    let set = alice.send_text(&room, "!language zh").await;
    let messages = wait_answered(&alice, &room, &bot_id, &set, 1).await;
    assert!(
        body_of(&messages, &set).contains("中文"),
        "{}",
        body_of(&messages, &set)
    );
    let asked = alice.send_text(&room, "!sponsors infoforum").await;
    let messages = wait_answered(&alice, &room, &bot_id, &asked, 1).await;
    assert!(
        body_of(&messages, &asked).contains("相关机构"),
        "{}",
        body_of(&messages, &asked)
    );
    // A member may not change it; the refusal is in the room's language.
    let refused = bob.send_text(&room, "!language ru").await;
    let messages = wait_answered(&bob, &room, &bot_id, &refused, 1).await;
    assert!(
        body_of(&messages, &refused).contains("仅限"),
        "{}",
        body_of(&messages, &refused)
    );

    bot.stop();
    let from = bot.log_len();
    bot.restart();
    bot.wait_log(from, "restored the saved Matrix session", WAIT);
    let again = alice.send_text(&room, "!sponsors infoforum").await;
    let messages = wait_answered(&alice, &room, &bot_id, &again, 1).await;
    assert!(
        body_of(&messages, &again).contains("相关机构"),
        "the language outlived a restart: {}",
        body_of(&messages, &again)
    );
}
