//! The scheduler's behaviour through [`Digests::tick`], against the in-memory [`RecordingPoster`]: when
//! digests fire, what they post, catch-up and skipping, announcements and edits, reloads, and crashes at
//! every step of a send.

mod crash;
mod delivery;
mod recording;

use chrono::{DateTime, TimeZone, Utc};

use super::clock::Clock;
use chrono_tz::Europe::Berlin;

use super::ledger::RunOutcome;
use super::send::Sent;
use recording::{Bot, TARGETS};

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
    let status = bot.digests().status_async(&bot.engine.config()).await.unwrap();
    let skipped = status.digests[0].last_skipped.as_ref().unwrap();
    assert_eq!(skipped.slot, berlin(2025, 3, 31, 9, 0));
    assert_eq!(skipped.detail, "missed: more than 6h late (catch_up)");
    // What was new then is not lost: the next run posts it.
    bot.set_time(berlin(2025, 4, 7, 9, 0));
    bot.tick().await;
    assert_each_target_holds(&bot, &["first", "second"]);
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

/// The scheduler task on the manual clock: it fires when the clock reaches the slot, and stops on shutdown.
#[tokio::test]
async fn the_scheduler_task_fires_on_time_and_stops_on_shutdown() {
    let bot = Bot::start(berlin(2025, 3, 24, 8, 0), &weekly("new", "6h"), &[]);
    bot.tick().await;
    bot.add_briefing("news", "", "News.");
    bot.tick().await;
    let shutdown = tokio_util::sync::CancellationToken::new();
    let task = tokio::spawn(super::run(bot.digests().clone(), shutdown.clone()));
    let (mut discord, mut matrix) = (bot.discord.watch_posted(), bot.matrix.watch_posted());
    bot.set_time(berlin(2025, 3, 24, 9, 0));
    let fired = async {
        discord.wait_for(|n| *n == 2).await.unwrap();
        matrix.wait_for(|n| *n == 1).await.unwrap();
    };
    tokio::time::timeout(std::time::Duration::from_secs(10), fired)
        .await
        .expect("the digest did not fire");
    shutdown.cancel();
    tokio::time::timeout(std::time::Duration::from_secs(5), task)
        .await
        .unwrap()
        .unwrap();
    assert_each_target_holds(&bot, &["news"]);
}

/// `digest status` as a moderator reads it: each digest's runs, each target's posts and failures.
#[tokio::test]
async fn digest_status_shows_runs_skips_posts_and_failures_with_reasons() {
    use crate::command::Role;
    use crate::digest::poster::{FailureReason, PostFailure};
    use crate::render::terminal::{Style, render};

    let bot = Bot::start(berlin(2025, 3, 24, 8, 0), &weekly("new", "6h"), &[]);
    bot.engine.set_digests(bot.digests().clone());
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
    bot.set_time(berlin(2025, 3, 24, 9, 0));
    bot.tick().await;
    // No tick until past the next run's window, as if the bot were down.
    bot.set_time(berlin(2025, 3, 31, 20, 0));
    bot.tick().await;
    // Commands run off the async workers, as every adapter runs them.
    let engine = bot.engine.clone();
    let reply = tokio::task::spawn_blocking(move || engine.handle("digest status", Role::Moderator))
        .await
        .unwrap();
    assert!(reply.private);
    let text = render(
        &reply,
        Style {
            color: false,
            width: 200,
        },
    );
    for expected in [
        "weekly — 0 9 * * MON (Europe/Berlin), new",
        "Last run 2025-03-24 09:00 CET: 1 briefing(s): news",
        "Next 2025-04-07 09:00 CEST",
        "Skipped 2025-03-31 09:00 CEST: missed: more than 6h late (catch_up).",
        "`discord:111`: last post 2025-03-24 08:00 UTC (news); next 2025-04-07 07:00 UTC (weekly).",
        "`matrix:!room:example.org`: nothing posted yet; next 2025-04-07 07:00 UTC (weekly); last failure 2025-03-24 08:00 UTC: power level too low (50 needed, 0 held).",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in:\n{text}");
    }
}

/// Back after three missed hourly runs, inside the window: one run is posted (the latest), and the two
/// before it are recorded as folded into it rather than posted one after another.
#[tokio::test]
async fn runs_missed_inside_the_window_are_folded_into_one() {
    let hourly = weekly("new", "6h").replace("0 9 * * MON", "0 * * * *");
    let mut bot = Bot::start(berlin(2025, 3, 24, 8, 30), &hourly, &[]);
    bot.tick().await;
    bot.add_briefing("news", "", "News.");
    bot.tick().await;
    bot.restart();
    bot.set_time(berlin(2025, 3, 24, 11, 10));
    let tick = bot.tick().await;
    assert_eq!(tick.runs.len(), 2);
    let skipped = tick
        .runs
        .iter()
        .find(|r| r.outcome == RunOutcome::Skipped)
        .unwrap();
    assert_eq!(
        skipped.detail,
        "2 runs missed (from 2025-03-24 08:00 UTC to 2025-03-24 09:00 UTC), folded into the run of 2025-03-24 10:00 UTC"
    );
    let posted = tick
        .runs
        .iter()
        .find(|r| r.outcome == RunOutcome::Posted)
        .unwrap();
    assert_eq!(posted.slot, berlin(2025, 3, 24, 11, 0));
    assert_each_target_holds(&bot, &["news"]);
}
