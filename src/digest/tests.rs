//! The scheduler's behaviour through [`Digests::tick`], against the in-memory [`RecordingPoster`]: when
//! digests fire, what they post, catch-up and skipping, announcements and edits, reloads, and crashes at
//! every step of a send.

mod recording;

use chrono::{DateTime, TimeZone, Utc};

use super::clock::Clock;
use chrono_tz::Europe::Berlin;

use super::ledger::{PostState, RunOutcome};
use super::poster::{FailureReason, PostFailure};
use super::send::Sent;
use recording::{Bot, Stall, TARGETS};

fn berlin(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
    Berlin
        .with_ymd_and_hms(y, m, d, h, min, 0)
        .unwrap()
        .with_timezone(&Utc)
}

fn weekly(select: &str, catch_up: &str) -> String {
    format!(
        "[[digests]]\nname = \"weekly\"\nschedule = \"0 9 * * MON\"\ntimezone = \"Europe/Berlin\"\ntargets = {TARGETS:?}\nselect = \"{select}\"\ncatch_up = \"{catch_up}\"\n"
    )
}

/// Each target holds exactly these briefing titles, once each, in any order.
fn assert_each_target_holds(bot: &Bot, ids: &[&str]) {
    for target in TARGETS {
        let mut titles: Vec<String> = bot.messages(target).iter().map(|m| m.title()).collect();
        titles.sort();
        let mut expected: Vec<String> = ids.iter().map(|id| format!("Briefing {id}")).collect();
        expected.sort();
        assert_eq!(titles, expected, "{target}");
    }
}

#[tokio::test]
async fn a_weekly_digest_fires_at_nine_in_berlin_before_and_after_daylight_saving_once_per_target() {
    // Monday 24 March 2025, 08:00 CET. Berlin moves to CEST on Sunday 30 March.
    let mut bot = Bot::start(
        berlin(2025, 3, 24, 8, 0),
        &weekly("new", "6h"),
        &[("old", "", "Old.")],
    );
    bot.tick().await; // first look: "old" is the baseline, the schedule starts now
    bot.add_briefing("spring", "", "Spring.");
    bot.set_time(berlin(2025, 3, 24, 8, 59));
    assert_eq!(bot.tick().await.sent.len(), 0);
    bot.set_time(berlin(2025, 3, 24, 9, 0));
    assert_eq!(
        bot.clock.now(),
        Utc.with_ymd_and_hms(2025, 3, 24, 8, 0, 0).unwrap()
    );
    let tick = bot.tick().await;
    assert_eq!(tick.runs.len(), 1);
    assert_eq!(tick.runs[0].outcome, RunOutcome::Posted);
    assert_eq!(tick.sent.len(), 3);
    assert!(tick.sent.iter().all(|(_, s)| matches!(s, Sent::Posted(_))));
    // Ticking on, and restarting, posts nothing more.
    bot.tick().await;
    bot.restart();
    bot.set_time(berlin(2025, 3, 24, 9, 30));
    bot.tick().await;
    assert_each_target_holds(&bot, &["spring"]);

    bot.add_briefing("summer", "", "Summer.");
    // 08:00 UTC on 31 March is 10:00 CEST: the digest must already have fired at 07:00 UTC.
    bot.set_time(berlin(2025, 3, 31, 8, 59));
    assert_eq!(
        bot.clock.now(),
        Utc.with_ymd_and_hms(2025, 3, 31, 6, 59, 0).unwrap()
    );
    assert_eq!(bot.tick().await.sent.len(), 0);
    bot.set_time(berlin(2025, 3, 31, 9, 0));
    assert_eq!(bot.tick().await.sent.len(), 3);
    assert_each_target_holds(&bot, &["spring", "summer"]);
}

#[tokio::test]
async fn a_run_with_nothing_new_posts_nothing() {
    let bot = Bot::start(
        berlin(2025, 3, 24, 8, 0),
        &weekly("new", "6h"),
        &[("old", "", "Old.")],
    );
    bot.tick().await;
    bot.set_time(berlin(2025, 3, 24, 9, 0));
    let tick = bot.tick().await;
    assert_eq!(tick.runs[0].outcome, RunOutcome::Empty);
    assert_eq!(bot.discord.total() + bot.matrix.total(), 0);
    // The same for a tag nobody has, and for an event that is not there.
    for (select, day) in [("tag:nothing", 31), ("no-such-event", 7)] {
        bot.rewrite_config(&weekly(select, "6h"));
        assert!(bot.engine.reload().config.unwrap());
        bot.set_time(berlin(2025, if day == 31 { 3 } else { 4 }, day, 9, 0));
        assert_eq!(bot.tick().await.runs[0].outcome, RunOutcome::Empty, "{select}");
    }
    assert_eq!(bot.discord.total() + bot.matrix.total(), 0);
}

#[tokio::test]
async fn tags_and_events_select_what_they_name() {
    let briefings = [
        ("a", "\"security\"", "A."),
        ("b", "\"other\"", "B."),
        ("c", "\"Security\"", "C."),
    ];
    let bot = Bot::start(
        berlin(2025, 3, 24, 8, 0),
        &weekly("tag:security", "6h"),
        &briefings,
    );
    bot.tick().await;
    bot.set_time(berlin(2025, 3, 24, 9, 0));
    bot.tick().await;
    assert_each_target_holds(&bot, &["a", "c"]);
    bot.rewrite_config(&weekly("b", "6h"));
    assert!(bot.engine.reload().config.unwrap());
    bot.tick().await;
    bot.set_time(berlin(2025, 3, 31, 9, 0));
    bot.tick().await;
    assert_each_target_holds(&bot, &["a", "c", "b"]);
}

#[tokio::test]
async fn a_run_missed_inside_the_window_is_posted_late_and_outside_it_is_skipped_and_reported() {
    let mut bot = Bot::start(berlin(2025, 3, 24, 8, 0), &weekly("new", "6h"), &[]);
    bot.tick().await;
    bot.add_briefing("first", "", "First.");
    bot.tick().await;
    // Down from 08:30 until 14:00: five hours late, inside the six-hour window.
    bot.restart();
    bot.set_time(berlin(2025, 3, 24, 14, 0));
    let tick = bot.tick().await;
    assert_eq!(tick.runs[0].slot, berlin(2025, 3, 24, 9, 0));
    assert_each_target_holds(&bot, &["first"]);

    bot.add_briefing("second", "", "Second.");
    bot.tick().await;
    // Down over the next Monday until 16:00: seven hours late, outside the window.
    bot.restart();
    bot.set_time(berlin(2025, 3, 31, 16, 0));
    let tick = bot.tick().await;
    assert_eq!(tick.runs.len(), 1);
    assert_eq!(tick.runs[0].outcome, RunOutcome::Skipped);
    assert_each_target_holds(&bot, &["first"]);
    let status = bot.digests().status(&bot.engine.config()).unwrap();
    let skipped = status.digests[0].last_skipped.as_ref().unwrap();
    assert_eq!(skipped.slot, berlin(2025, 3, 31, 9, 0));
    assert!(
        skipped.detail.contains("catch-up window of 6h"),
        "{}",
        skipped.detail
    );
    // What was new then is not lost: the next run posts it.
    bot.set_time(berlin(2025, 4, 7, 9, 0));
    bot.tick().await;
    assert_each_target_holds(&bot, &["first", "second"]);
}

/// Kills the bot at every step of a digest to three targets (before the first send, mid-send with and
/// without delivery, between sends) and restarts it: every target ends with the post exactly once.
#[tokio::test]
async fn a_kill_at_any_step_of_a_send_leaves_each_post_exactly_once() {
    for nth in 0..3 {
        for how in [Stall::BeforeDelivery, Stall::AfterDelivery] {
            let mut bot = Bot::start(berlin(2025, 3, 24, 8, 0), &weekly("new", "6h"), &[]);
            bot.tick().await;
            bot.add_briefing("news", "", "News.");
            bot.tick().await;
            // Sends go to the Discord targets first (two sends), then Matrix (one).
            match nth {
                0 | 1 => bot.discord.stall(nth, how),
                _ => bot.matrix.stall(0, how),
            }
            bot.set_time(berlin(2025, 3, 24, 9, 0));
            assert!(!bot.tick_or_die().await, "send {nth} should have stalled");
            bot.set_time(berlin(2025, 3, 24, 9, 1));
            assert!(bot.tick_or_die().await);
            assert_each_target_holds(&bot, &["news"]);
            let ledger_rows = bot.digests().ledger().all_posts().unwrap();
            assert!(ledger_rows.iter().all(|p| p.state == PostState::Sent));
        }
    }
}

/// Twenty runs of: start, let a digest to three targets begin, kill at a pseudo-random point, restart
/// (sometimes killing again), then check that every target holds each post exactly once.
#[tokio::test]
async fn twenty_random_kills_during_a_digest_leave_every_post_exactly_once() {
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = move |n: u64| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed % n
    };
    let mut kills = 0;
    for round in 0..20 {
        let mut bot = Bot::start(berlin(2025, 3, 24, 8, 0), &weekly("new", "6h"), &[]);
        bot.tick().await;
        bot.add_briefing("one", "", "One.");
        bot.add_briefing("two", "", "Two.");
        bot.tick().await;
        // Up to three kills in a row, each at a random send (six sends in all) and phase.
        for minute in 0..1 + next(3) as u32 {
            let nth = next(6) as usize;
            let how = if next(2) == 0 {
                Stall::BeforeDelivery
            } else {
                Stall::AfterDelivery
            };
            // Discord sends come first (four), then Matrix (two).
            if nth < 4 {
                bot.discord.stall(nth, how);
            } else {
                bot.matrix.stall(nth - 4, how);
            }
            bot.set_time(berlin(2025, 3, 24, 9, minute));
            if !bot.tick_or_die().await {
                kills += 1;
            }
        }
        bot.discord.stall(usize::MAX / 2, Stall::BeforeDelivery);
        bot.matrix.stall(usize::MAX / 2, Stall::BeforeDelivery);
        bot.set_time(berlin(2025, 3, 24, 9, 30));
        assert!(bot.tick_or_die().await, "round {round}");
        assert_each_target_holds(&bot, &["one", "two"]);
    }
    assert!(kills >= 20, "only {kills} kills happened");
}

#[tokio::test]
async fn announcements_go_out_once_for_new_briefings_but_not_for_those_already_there() {
    let announce = format!("[announce]\ntargets = {TARGETS:?}\n");
    let mut bot = Bot::start(berlin(2025, 3, 24, 8, 0), &announce, &[("old", "", "Old.")]);
    bot.tick().await;
    assert_eq!(bot.discord.total() + bot.matrix.total(), 0);
    bot.add_briefing("fresh", "", "Fresh.");
    let tick = bot.tick().await;
    assert_eq!(tick.sent.len(), 3);
    let m = &bot.messages("discord:111")[0];
    assert!(m.text().contains("New briefing"), "{}", m.text());
    bot.restart();
    bot.tick().await;
    bot.engine.store().reload();
    bot.tick().await;
    assert_each_target_holds(&bot, &["fresh"]);
}

#[tokio::test]
async fn a_corrected_briefing_edits_its_posts_on_both_platforms_instead_of_posting_again() {
    let config = format!("{}\n[announce]\ntargets = {TARGETS:?}\n", weekly("new", "6h"));
    let mut bot = Bot::start(berlin(2025, 3, 24, 8, 0), &config, &[]);
    bot.tick().await;
    bot.add_briefing("news", "", "First version.");
    bot.tick().await; // announced
    bot.set_time(berlin(2025, 3, 24, 9, 0));
    bot.tick().await; // digest
    assert_eq!(bot.messages("discord:111").len(), 2);
    bot.add_briefing("news", "", "Corrected version.");
    let tick = bot.tick().await;
    assert_eq!(tick.corrected, ["news"]);
    for target in TARGETS {
        let messages = bot.messages(target);
        assert_eq!(messages.len(), 2, "{target}: a correction must not post again");
        for m in &messages {
            assert_eq!(m.edits, 1, "{target}");
            assert!(m.text().contains("Corrected version."), "{target}");
        }
    }
    // Nothing more to edit, even after a restart.
    bot.tick().await;
    bot.restart();
    bot.tick().await;
    assert!(
        bot.messages("matrix:!room:example.org")
            .iter()
            .all(|m| m.edits == 1)
    );
}

#[tokio::test]
async fn an_edit_that_fails_for_now_is_tried_again() {
    let announce = format!("[announce]\ntargets = {TARGETS:?}\n");
    let bot = Bot::start(berlin(2025, 3, 24, 8, 0), &announce, &[]);
    bot.tick().await;
    bot.add_briefing("news", "", "First.");
    bot.tick().await;
    bot.matrix
        .fail("matrix:!room:example.org", Some(PostFailure::rate_limited(None)));
    bot.add_briefing("news", "", "Second.");
    bot.tick().await;
    assert_eq!(bot.messages("matrix:!room:example.org")[0].edits, 0);
    assert_eq!(bot.messages("discord:111")[0].edits, 1);
    bot.matrix.fail("matrix:!room:example.org", None);
    bot.set_time(berlin(2025, 3, 24, 8, 5));
    bot.tick().await;
    assert_eq!(bot.messages("matrix:!room:example.org")[0].edits, 1);
    assert_eq!(bot.messages("discord:111")[0].edits, 1);
}

#[tokio::test]
async fn an_invalid_config_change_is_rejected_and_the_old_schedule_keeps_firing() {
    let bot = Bot::start(berlin(2025, 3, 24, 8, 0), &weekly("new", "6h"), &[]);
    bot.tick().await;
    bot.add_briefing("news", "", "News.");
    bot.rewrite_config(&weekly("new", "6h").replace("0 9 * * MON", "0 9 * * MOON"));
    let outcome = bot.engine.reload();
    let e = outcome.config.unwrap_err();
    assert!(e.to_string().contains("digests.schedule"), "{e}");
    bot.set_time(berlin(2025, 3, 24, 9, 0));
    assert_eq!(bot.tick().await.sent.len(), 3);
    // A valid change applies whole: the new time, and no run of the old one.
    bot.add_briefing("later", "", "Later.");
    bot.rewrite_config(&weekly("new", "6h").replace("0 9 * * MON", "0 10 * * MON"));
    assert!(bot.engine.reload().config.unwrap());
    bot.tick().await;
    bot.set_time(berlin(2025, 3, 31, 9, 0));
    assert_eq!(bot.tick().await.sent.len(), 0);
    bot.set_time(berlin(2025, 3, 31, 10, 0));
    assert_eq!(bot.tick().await.sent.len(), 3);
    assert_each_target_holds(&bot, &["news", "later"]);
}

#[tokio::test]
async fn failures_are_retried_when_they_may_pass_and_reported_in_status() {
    let bot = Bot::start(berlin(2025, 3, 24, 8, 0), &weekly("new", "6h"), &[]);
    bot.tick().await;
    bot.add_briefing("news", "", "News.");
    bot.tick().await;
    bot.matrix.fail(
        "matrix:!room:example.org",
        Some(PostFailure::permanent(
            FailureReason::PowerLevelTooLow,
            "50 needed, 0 held",
        )),
    );
    bot.discord.fail(
        "discord:222",
        Some(PostFailure::rate_limited(Some(std::time::Duration::from_secs(
            10,
        )))),
    );
    bot.set_time(berlin(2025, 3, 24, 9, 0));
    bot.tick().await;
    bot.discord.fail("discord:222", None);
    bot.matrix.fail("matrix:!room:example.org", None);
    // Not yet: the platform asked for ten seconds.
    bot.set_time(berlin(2025, 3, 24, 9, 0) + chrono::Duration::seconds(5));
    bot.tick().await;
    assert!(bot.messages("discord:222").is_empty());
    bot.set_time(berlin(2025, 3, 24, 9, 0) + chrono::Duration::seconds(11));
    bot.tick().await;
    assert_eq!(bot.messages("discord:222").len(), 1);
    // A permanent failure is not retried, and status says why.
    assert!(bot.messages("matrix:!room:example.org").is_empty());
    let status = bot.digests().status(&bot.engine.config()).unwrap();
    let room = status
        .targets
        .iter()
        .find(|t| t.target == "matrix:!room:example.org")
        .unwrap();
    let (_, reason, detail) = room.last_failure.clone().unwrap();
    assert_eq!(reason, FailureReason::PowerLevelTooLow);
    assert_eq!(detail, "50 needed, 0 held");
    assert_eq!(room.next.as_ref().unwrap().0, berlin(2025, 3, 31, 9, 0));
    let limited = status.targets.iter().find(|t| t.target == "discord:222").unwrap();
    assert_eq!(
        limited.last_failure.as_ref().unwrap().1,
        FailureReason::RateLimited
    );
    assert!(limited.last_sent.is_some());
}

#[tokio::test]
async fn posts_wait_for_their_platform_and_expire_past_their_window() {
    let mut bot = Bot::start(berlin(2025, 3, 24, 8, 0), &weekly("new", "1h"), &[]);
    bot.tick().await;
    bot.add_briefing("news", "", "News.");
    bot.tick().await;
    bot.digests().remove_poster(super::Platform::Matrix);
    bot.set_time(berlin(2025, 3, 24, 9, 0));
    bot.tick().await;
    assert!(bot.messages("matrix:!room:example.org").is_empty());
    // Matrix comes back after half an hour: the post goes out.
    bot.restart();
    bot.set_time(berlin(2025, 3, 24, 9, 30));
    bot.tick().await;
    assert_each_target_holds(&bot, &["news"]);
    // Next week Matrix is gone for the whole window and more: the post expires, reported as such.
    bot.add_briefing("late", "", "Late.");
    bot.tick().await;
    bot.digests().remove_poster(super::Platform::Matrix);
    bot.set_time(berlin(2025, 3, 31, 9, 0));
    bot.tick().await;
    bot.set_time(berlin(2025, 3, 31, 12, 0));
    bot.tick().await;
    bot.restart();
    bot.tick().await;
    assert_eq!(bot.messages("matrix:!room:example.org").len(), 1);
    let status = bot.digests().status(&bot.engine.config()).unwrap();
    let room = status
        .targets
        .iter()
        .find(|t| t.target.starts_with("matrix"))
        .unwrap();
    assert_eq!(room.last_failure.as_ref().unwrap().1, FailureReason::Expired);
}

#[tokio::test]
async fn a_manual_digest_is_posted_once_per_request_and_edited_like_the_rest() {
    let bot = Bot::start(berlin(2025, 3, 24, 8, 0), "", &[("news", "", "First.")]);
    bot.tick().await;
    let target = super::Target::parse("matrix:!room:example.org").unwrap();
    let digests = bot.digests();
    let id = digests
        .post_now(&bot.engine, &target, "news", "$event1")
        .await
        .unwrap();
    // The same command delivered twice is one post; another command is another.
    assert_eq!(
        digests
            .post_now(&bot.engine, &target, "news", "$event1")
            .await
            .unwrap(),
        id
    );
    digests
        .post_now(&bot.engine, &target, "news", "$event2")
        .await
        .unwrap();
    assert_eq!(bot.matrix.messages("matrix:!room:example.org").len(), 2);
    let e = digests
        .post_now(&bot.engine, &target, "nope", "$event3")
        .await
        .unwrap_err();
    assert_eq!(e.reason, FailureReason::BriefingGone);
    bot.add_briefing("news", "", "Second.");
    bot.tick().await;
    assert!(
        bot.matrix
            .messages("matrix:!room:example.org")
            .iter()
            .all(|m| m.edits == 1)
    );
}

/// The scheduler task on the manual clock: it fires when the clock reaches the slot, and stops on shutdown.
#[tokio::test]
async fn the_scheduler_task_fires_on_time_and_stops_on_shutdown() {
    let bot = Bot::start(berlin(2025, 3, 24, 8, 0), &weekly("new", "6h"), &[]);
    bot.tick().await;
    bot.add_briefing("news", "", "News.");
    bot.tick().await;
    let shutdown = tokio_util::sync::CancellationToken::new();
    let task = tokio::spawn(super::run(
        bot.engine.clone(),
        bot.digests().clone(),
        shutdown.clone(),
    ));
    bot.set_time(berlin(2025, 3, 24, 9, 0));
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while bot.discord.total() + bot.matrix.total() < 3 {
        assert!(std::time::Instant::now() < deadline, "the digest did not fire");
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
    }
    shutdown.cancel();
    tokio::time::timeout(std::time::Duration::from_secs(5), task)
        .await
        .unwrap()
        .unwrap();
    assert_each_target_holds(&bot, &["news"]);
}
