//! Kills at every step of a send, and at random ones: every target ends with each post exactly once.

use super::recording::{Bot, Stall};
use super::{assert_each_target_holds, berlin, weekly};
use crate::digest::ledger::PostState;
use crate::digest::ledger::db::Backend;

/// Kills the bot at every step of a digest to three targets (before the first send, mid-send with and
/// without delivery, between sends) and restarts it: every target ends with the post exactly once.
async fn a_kill_at_any_step_of_a_send_leaves_each_post_exactly_once(backend: Backend) {
    for nth in 0..3 {
        for how in [Stall::BeforeDelivery, Stall::AfterDelivery] {
            let mut bot = Bot::start_on(backend, berlin(2025, 3, 24, 8, 0), &weekly("new", "6h"), &[]);
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
            let ledger_rows = bot.digests().ledger.call(|l| l.all_posts()).await.unwrap();
            assert!(ledger_rows.iter().all(|p| p.state == PostState::Sent));
        }
    }
}

/// Twenty runs of: start, let a digest to three targets begin, kill at a pseudo-random point, restart
/// (sometimes killing again), then check that every target holds each post exactly once.
async fn twenty_random_kills_during_a_digest_leave_every_post_exactly_once(backend: Backend) {
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = move |n: u64| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed % n
    };
    let mut kills = 0;
    for round in 0..20 {
        let mut bot = Bot::start_on(backend, berlin(2025, 3, 24, 8, 0), &weekly("new", "6h"), &[]);
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

/// Each test on each backend: the same protocol, the same guarantees.
mod on {
    use super::*;

    #[tokio::test]
    async fn sqlite_a_kill_at_any_step() {
        a_kill_at_any_step_of_a_send_leaves_each_post_exactly_once(Backend::Sqlite).await;
    }

    #[tokio::test]
    async fn postgres_a_kill_at_any_step() {
        a_kill_at_any_step_of_a_send_leaves_each_post_exactly_once(Backend::Postgres).await;
    }

    #[tokio::test]
    async fn sqlite_twenty_random_kills() {
        twenty_random_kills_during_a_digest_leave_every_post_exactly_once(Backend::Sqlite).await;
    }

    #[tokio::test]
    async fn postgres_twenty_random_kills() {
        twenty_random_kills_during_a_digest_leave_every_post_exactly_once(Backend::Postgres).await;
    }
}
