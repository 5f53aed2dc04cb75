//! When scheduled digests go out: at the right local time across a daylight-saving change, to every target
//! once; late within `catch_up` after downtime, skipped (and said so) past it; and on the old schedule when
//! a config change is rejected.

use chrono::{DateTime, TimeZone, Utc};
use serde_json::json;

use attache_core::digest::Target;
use attache_core::digest::content::digest_key;

use super::*;
use crate::discord_bot::{MEMBER, turn};
use discord_fake::{Invocation, message_text};

/// What a Discord moderator is shown by `/digest-status`.
fn digest_status() -> String {
    let fake = fake();
    let i = fake.slash(
        Invocation::new(fake.channel_id(), "digest-status")
            .user(MEMBER, "moderator")
            .roles(&[MODERATOR_ROLE])
            .permissions(1024),
    );
    let reply = fake.wait_reply(&i, WAIT).expect("digest-status is answered");
    message_text(&reply.data)
}

fn key(digest: &str, slot: DateTime<Utc>, target: &str, briefing: &str) -> String {
    digest_key(digest, slot, &Target::parse(target).unwrap(), briefing).to_string()
}

#[test]
fn a_digest_fires_at_nine_in_berlin_on_the_day_summer_time_starts_to_three_targets_once() {
    let _turn = turn();
    let world = World::new("dst");
    let plain = world.room("digest-plain", false);
    let encrypted = world.room("digest-encrypted", true);
    let channel = fake().add_channel();
    // The plain room is named by an alias, which the bot resolves.
    let alias = "#dg-dst-plain:localhost";
    let path = format!("/directory/room/{}", synapse_harness::http::enc(alias));
    block(world.alice.api("PUT", &path, Some(&json!({"room_id": plain}))));
    let targets = [
        format!("discord:{channel}"),
        format!("matrix:{alias}"),
        format!("matrix:{encrypted}"),
    ];
    let extra = format!(
        "[[digests]]\nname = \"morning\"\nschedule = \"0 9 * * *\"\ntimezone = \"Europe/Berlin\"\n\
         targets = {targets:?}\nselect = \"new\"\ncatch_up = \"6h\"\n"
    );
    // 08:59:40 in Berlin, where clocks went from 02:00 to 03:00 this morning: 09:00 is 07:00 UTC today
    // (08:00 UTC the day before). A scheduler that ignored the change would post an hour late.
    let start = Utc.with_ymd_and_hms(2025, 3, 30, 6, 59, 40).unwrap();
    let bot = world.start(&extra, Some(start));
    bot.wait_connected();
    world.wait_joined(&[&plain, &encrypted]);
    // New since the digest was first seen: the run posts it, and only it.
    std::fs::write(
        bot.briefings().join("lighthouse.md"),
        new_briefing("lighthouse-2025", "Keepers compared fog signals."),
    )
    .unwrap();
    bot.wait_log("briefings reloaded", WAIT);

    let slot = Utc.with_ymd_and_hms(2025, 3, 30, 7, 0, 0).unwrap();
    let all_there = || {
        !discord_posts(channel).is_empty()
            && !world.matrix_posts(&plain).is_empty()
            && !world.matrix_posts(&encrypted).is_empty()
    };
    assert!(
        eventually(WAIT, all_there),
        "the 09:00 run did not reach every target"
    );
    // Passes of the scheduler after the run must post nothing more.
    bot.wait_scheduler_pass();

    let discord = discord_posts(channel);
    assert_eq!(
        tally(discord.iter().filter_map(post_key_of_discord)),
        tally([key("morning", slot, &targets[0], "lighthouse-2025")]),
        "one post in the Discord channel, for the 09:00 run"
    );
    assert!(message_text(&discord[0]).contains("Example Lighthouse Forum"));
    for (room, target) in [(&plain, &targets[1]), (&encrypted, &targets[2])] {
        let posts = world.matrix_posts(room);
        assert_eq!(
            tally(posts.iter().filter_map(post_key_of_matrix)),
            tally([key("morning", slot, target, "lighthouse-2025")]),
            "one post in {room}"
        );
        assert!(
            posts[0].body.contains("Example Lighthouse Forum"),
            "{:?}",
            posts[0]
        );
        assert_eq!(posts[0].msgtype, "m.notice");
        assert!(posts[0].in_reply_to.is_none());
    }
    assert!(
        world.matrix_posts(&encrypted)[0].encrypted,
        "the post in the encrypted room is encrypted"
    );
    let status = digest_status();
    assert!(
        status.contains("Last run 2025-03-30 09:00 CEST"),
        "digest status names the run in Berlin time:\n{status}"
    );
}

#[test]
fn a_missed_run_is_posted_late_within_catch_up_and_skipped_past_it() {
    let _turn = turn();
    let world = World::new("catchup");
    let room = world.room("digest-catchup", false);
    let channel = fake().add_channel();
    let targets = [format!("discord:{channel}"), format!("matrix:{room}")];
    let extra = format!(
        "[[digests]]\nname = \"noon\"\nschedule = \"0 12 * * *\"\ntargets = {targets:?}\n\
         select = \"infoforum-shanghai-2018\"\ncatch_up = \"6h\"\n"
    );
    // The bot first sees the digest at 11:00 and is stopped before noon.
    let mut bot = world.start(&extra, Some(Utc.with_ymd_and_hms(2025, 6, 1, 11, 0, 0).unwrap()));
    bot.wait_connected();
    world.wait_joined(&[&room]);
    bot.stop();
    assert!(discord_posts(channel).is_empty() && world.matrix_posts(&room).is_empty());

    // Back at 14:00, two hours after the run it missed: inside the window, so the run is posted late.
    bot.restart(Some(Utc.with_ymd_and_hms(2025, 6, 1, 14, 0, 0).unwrap()));
    bot.wait_connected();
    let noon = Utc.with_ymd_and_hms(2025, 6, 1, 12, 0, 0).unwrap();
    assert!(
        eventually(WAIT, || {
            discord_posts(channel).len() == 1 && world.matrix_posts(&room).len() == 1
        }),
        "the missed run was not posted late"
    );
    assert_eq!(
        post_key_of_discord(&discord_posts(channel)[0]),
        Some(key("noon", noon, &targets[0], "infoforum-shanghai-2018"))
    );
    assert_eq!(
        post_key_of_matrix(&world.matrix_posts(&room)[0]),
        Some(key("noon", noon, &targets[1], "infoforum-shanghai-2018"))
    );
    bot.stop();

    // Back the next day at 20:00, eight hours after that day's run: past the window, so it is skipped,
    // and `digest status` says so.
    bot.restart(Some(Utc.with_ymd_and_hms(2025, 6, 2, 20, 0, 0).unwrap()));
    bot.wait_connected();
    let mut status = String::new();
    assert!(
        eventually(WAIT, || {
            status = digest_status();
            status.contains("Skipped 2025-06-02 12:00 UTC")
        }),
        "digest status does not report the skipped run:\n{status}"
    );
    bot.wait_scheduler_pass();
    assert_eq!(discord_posts(channel).len(), 1, "nothing more on Discord");
    assert_eq!(world.matrix_posts(&room).len(), 1, "nothing more on Matrix");
}

#[test]
fn a_rejected_config_change_keeps_the_old_schedule_firing() {
    let _turn = turn();
    let world = World::new("badconfig");
    let channel = fake().add_channel();
    let target = format!("discord:{channel}");
    let digest = |schedule: &str, targets: &str| {
        format!(
            "[[digests]]\nname = \"minutely\"\nschedule = \"{schedule}\"\ntargets = {targets}\n\
             select = \"infoforum-shanghai-2018\"\n"
        )
    };
    let good = digest("* * * * *", &format!("[{target:?}]"));
    let bot = world.start(&good, Some(Utc.with_ymd_and_hms(2025, 6, 1, 10, 0, 40).unwrap()));
    bot.wait_connected();
    // An admin's edit that would move the digest to 1 a.m. and also names a platform that does not exist.
    bot.write_config(&digest("0 1 * * *", "[\"slack:general\"]"));
    let rejected = bot.wait_log("config rejected", WAIT);
    assert!(
        rejected.contains("attache.toml:") && rejected.contains("slack"),
        "the rejection names the file, the line and the problem: {rejected}"
    );
    let fake = fake();
    let reload = fake.slash(
        Invocation::new(fake.channel_id(), "reload")
            .user(MEMBER, "admin")
            .permissions(8)
            .options(json!([])),
    );
    let reply = message_text(&fake.wait_reply(&reload, WAIT).expect("reload is answered").data);
    assert!(reply.contains("Config rejected"), "{reply}");

    // The running schedule fires at 10:01 as before.
    let slot = Utc.with_ymd_and_hms(2025, 6, 1, 10, 1, 0).unwrap();
    assert!(
        eventually(WAIT, || !discord_posts(channel).is_empty()),
        "the old schedule stopped firing:\n{}",
        bot.log()
    );
    assert_eq!(
        post_key_of_discord(&discord_posts(channel)[0]),
        Some(key("minutely", slot, &target, "infoforum-shanghai-2018"))
    );
}

#[test]
fn a_post_that_cannot_be_made_says_why_in_digest_status() {
    let _turn = turn();
    let world = World::new("failures");
    let muted = world.room("digest-muted", false);
    // A room the bot was never invited to.
    let elsewhere = block(world.alice.create_room("digest-elsewhere", false, &[]));
    let denied = fake().add_channel();
    fake().deny_channel(denied);
    let targets = [
        format!("discord:{denied}"),
        format!("matrix:{muted}"),
        format!("matrix:{elsewhere}"),
    ];
    let extra = format!(
        "[[digests]]\nname = \"noon\"\nschedule = \"0 12 * * *\"\ntargets = {targets:?}\n\
         select = \"infoforum-shanghai-2018\"\n"
    );
    let bot = world.start(
        &extra,
        Some(Utc.with_ymd_and_hms(2025, 6, 1, 11, 59, 50).unwrap()),
    );
    bot.wait_connected();
    world.wait_joined(&[&muted]);
    // Only those at 50 may speak in `muted`; the bot has the default 0.
    block(async {
        let mut levels = world.alice.power_levels(&muted).await;
        levels["events_default"] = json!(50);
        let path = format!(
            "/rooms/{}/state/m.room.power_levels/",
            synapse_harness::http::enc(&muted)
        );
        world.alice.api("PUT", &path, Some(&levels)).await;
    });
    let mut status = String::new();
    let reasons = [
        (&targets[0], "missing permission"),
        (&targets[1], "power level too low"),
        (&targets[2], "room not joined"),
    ];
    let all_said = |status: &str| {
        reasons.iter().all(|(target, why)| {
            status
                .lines()
                .any(|l| l.contains(target.as_str()) && l.contains(why))
        })
    };
    assert!(
        eventually(WAIT, || {
            status = digest_status();
            all_said(&status)
        }),
        "digest status does not say why each target failed:\n{status}\n{}",
        bot.log()
    );
    assert!(discord_posts(denied).is_empty());
    assert!(world.matrix_posts(&muted).is_empty());
}
