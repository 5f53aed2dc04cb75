//! Announcements, edits of corrected briefings, failures and retries, platforms that come and go, and
//! manual posts.

use super::recording::{Bot, TARGETS};
use super::{assert_each_target_holds, berlin, weekly};
use crate::digest::poster::{FailureReason, PostFailure};

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
    let status = bot.digests().status_async(&bot.engine.config()).await.unwrap();
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
    bot.digests().remove_poster(crate::digest::Platform::Matrix);
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
    bot.digests().remove_poster(crate::digest::Platform::Matrix);
    bot.set_time(berlin(2025, 3, 31, 9, 0));
    bot.tick().await;
    bot.set_time(berlin(2025, 3, 31, 12, 0));
    bot.tick().await;
    bot.restart();
    bot.tick().await;
    assert_eq!(bot.messages("matrix:!room:example.org").len(), 1);
    let status = bot.digests().status_async(&bot.engine.config()).await.unwrap();
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
    let target = crate::digest::Target::parse("matrix:!room:example.org").unwrap();
    let digests = bot.digests();
    let id = digests.post_now(&target, "news", "$event1").await.unwrap();
    // The same command delivered twice is one post; another command is another.
    assert_eq!(digests.post_now(&target, "news", "$event1").await.unwrap(), id);
    digests.post_now(&target, "news", "$event2").await.unwrap();
    assert_eq!(bot.matrix.messages("matrix:!room:example.org").len(), 2);
    let e = digests.post_now(&target, "nope", "$event3").await.unwrap_err();
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

/// A post that one task is sending (a moderator's `digest`, say) is left alone by the scheduler until that
/// send ends, so the two never both send it.
#[tokio::test]
async fn a_post_being_sent_by_one_task_is_not_sent_by_another() {
    let bot = Bot::start(berlin(2025, 3, 24, 8, 0), &weekly("new", "6h"), &[]);
    bot.tick().await;
    bot.add_briefing("news", "", "News.");
    bot.tick().await;
    let key = crate::digest::content::digest_key(
        "weekly",
        berlin(2025, 3, 24, 9, 0),
        &crate::digest::Target::parse("discord:111").unwrap(),
        "news",
    );
    let claim = bot.digests().sending(&key).unwrap();
    assert!(bot.digests().sending(&key).is_none());
    bot.set_time(berlin(2025, 3, 24, 9, 0));
    let tick = bot.tick().await;
    assert_eq!(tick.sent.len(), 2, "the claimed post must wait");
    assert!(bot.messages("discord:111").is_empty());
    drop(claim);
    bot.tick().await;
    assert_each_target_holds(&bot, &["news"]);
}

/// Posts for a platform that is not connected yet go out as soon as its poster registers, not after a
/// backoff.
#[tokio::test]
async fn posts_go_out_as_soon_as_their_platform_connects() {
    let bot = Bot::start(berlin(2025, 3, 24, 8, 0), &weekly("new", "6h"), &[]);
    bot.tick().await;
    bot.add_briefing("news", "", "News.");
    bot.tick().await;
    bot.digests().remove_poster(crate::digest::Platform::Matrix);
    bot.set_time(berlin(2025, 3, 24, 9, 0));
    bot.tick().await;
    assert!(bot.messages("matrix:!room:example.org").is_empty());
    bot.set_time(berlin(2025, 3, 24, 9, 0) + chrono::Duration::seconds(2));
    bot.digests().add_poster(bot.matrix.clone());
    bot.tick().await;
    assert_each_target_holds(&bot, &["news"]);
}
