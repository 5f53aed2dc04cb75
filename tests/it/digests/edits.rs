//! What happens to posts after they are made: a corrected briefing edits its announcement and its digests
//! in place on both platforms (never a second post); and who may post at all.

use serde_json::json;

use super::*;
use crate::discord_bot::{MEMBER, turn};
use discord_fake::{Invocation, message_text};

#[test]
fn a_corrected_briefing_edits_its_posts_in_place_on_both_platforms() {
    let _turn = turn();
    let world = World::new("edits");
    let room = world.room("digest-edits", false);
    let channel = fake().add_channel();
    let extra = format!("[announce]\ntargets = [\"discord:{channel}\", \"matrix:{room}\"]\n");
    let bot = world.start(&extra, None);
    bot.wait_connected();
    world.wait_joined(&[&room]);

    let file = bot.briefings().join("lighthouse.md");
    std::fs::write(&file, new_briefing("lighthouse-2025", "Keepers met once.")).unwrap();
    assert!(
        eventually(WAIT, || {
            discord_posts(channel).len() == 1 && world.matrix_posts(&room).len() == 1
        }),
        "the new briefing was not announced on both platforms:\n{}",
        bot.log()
    );
    // A moderator also posts its digest card to the room.
    let command = block(world.alice.send_text(&room, "!digest lighthouse-2025"));
    assert!(
        eventually(WAIT, || world.matrix_posts(&room).len() == 2),
        "the digest was not posted"
    );
    let confirmation = world
        .matrix_messages(&room)
        .into_iter()
        .find(|m| m.in_reply_to.as_deref() == Some(command.as_str()))
        .expect("the moderator is told");
    assert!(
        confirmation.body.contains("Posted the digest"),
        "{confirmation:?}"
    );

    // The correction.
    std::fs::write(&file, new_briefing("lighthouse-2025", "Keepers met twice.")).unwrap();
    let edited_on_discord = || {
        let posts = discord_posts(channel);
        posts.len() == 1 && message_text(&posts[0]).contains("Keepers met twice.")
    };
    assert!(
        eventually(WAIT, edited_on_discord),
        "the Discord announcement was not edited: {:?}",
        discord_posts(channel)
    );
    let posted = &discord_posts(channel)[0];
    assert!(
        posted["edited_timestamp"].is_string(),
        "edited in place: {posted}"
    );

    let bot_user = world.bot_user();
    let originals: Vec<String> = world
        .matrix_posts(&room)
        .iter()
        .map(|m| m.event_id.clone())
        .collect();
    let edits_of = |messages: &[Seen], original: &str| -> Vec<Seen> {
        messages
            .iter()
            .filter(|m| m.sender == bot_user && m.replaces.as_deref() == Some(original))
            .cloned()
            .collect()
    };
    assert!(
        eventually(WAIT, || {
            let messages = world.matrix_messages(&room);
            originals.iter().all(|o| !edits_of(&messages, o).is_empty())
        }),
        "not every Matrix post was edited"
    );
    let messages = world.matrix_messages(&room);
    for original in &originals {
        let edits = edits_of(&messages, original);
        assert_eq!(edits.len(), 1, "one edit of {original}: {edits:?}");
        let new = &edits[0].content["m.new_content"];
        assert!(
            new["body"].as_str().unwrap().contains("Keepers met twice."),
            "{new}"
        );
        assert_eq!(edits[0].content["m.relates_to"]["rel_type"], "m.replace");
        assert_eq!(edits[0].mentions, Some(Default::default()));
    }
    assert_eq!(world.matrix_posts(&room).len(), 2, "edits, not new posts");
    assert_eq!(discord_posts(channel).len(), 1, "an edit, not a new post");

    // A command on Discord too, then every metric of the HTTP side is there, with both platforms.
    let summary = Invocation::new(fake().channel_id(), "summary")
        .options(json!([{"name": "event", "type": 3, "value": "lighthouse"}]));
    let i = fake().slash(summary);
    fake()
        .wait_reply(&i, WAIT)
        .expect("the member is answered on Discord");
    let metrics = bot.metrics();
    let scrape = prometheus_parse::Scrape::parse(metrics.lines().map(|l| Ok(l.to_string()))).unwrap();
    let has = |name: &str, labels: &[(&str, &str)]| {
        scrape
            .samples
            .iter()
            .any(|s| s.metric == name && labels.iter().all(|(k, v)| s.labels.get(k) == Some(*v)))
    };
    for (name, labels) in [
        (
            "attache_commands_total",
            vec![("platform", "discord"), ("command", "summary")],
        ),
        (
            "attache_commands_total",
            vec![("platform", "matrix"), ("command", "digest")],
        ),
        ("attache_command_duration_seconds", vec![("platform", "matrix")]),
        ("attache_briefings_loaded", vec![]),
        ("attache_briefing_load_errors", vec![]),
        ("attache_reloads_total", vec![("result", "changed")]),
        (
            "attache_posts_total",
            vec![
                ("platform", "discord"),
                ("kind", "announce"),
                ("outcome", "posted"),
            ],
        ),
        (
            "attache_posts_total",
            vec![("platform", "matrix"), ("kind", "manual"), ("outcome", "posted")],
        ),
        ("attache_rate_limit_waits_total", vec![("platform", "discord")]),
        ("attache_rate_limit_waits_total", vec![("platform", "matrix")]),
        ("attache_platform_connected", vec![("platform", "discord")]),
        ("attache_platform_connected", vec![("platform", "matrix")]),
        ("attache_matrix_gap_fetches_total", vec![]),
        ("attache_config_rejections_total", vec![]),
    ] {
        assert!(
            has(name, &labels),
            "{name} {labels:?} missing from /metrics:\n{metrics}"
        );
    }
    for line in metrics
        .lines()
        .filter(|l| l.starts_with("attache_platform_connected"))
    {
        assert!(line.ends_with(" 1"), "both platforms connected: {line}");
    }
    // Labels never carry ids or free text.
    assert!(!metrics.contains(&room) && !metrics.contains(&channel.to_string()));
}

#[test]
fn members_cannot_post_digests_on_either_platform() {
    let _turn = turn();
    let world = World::new("members");
    let room = world.room("digest-members", false);
    let channel = fake().add_channel();
    // Both are configured targets, so only the caller's role stands in the way.
    let extra = format!("[announce]\ntargets = [\"discord:{channel}\", \"matrix:{room}\"]\n");
    let bot = world.start(&extra, None);
    bot.wait_connected();
    world.wait_joined(&[&room]);
    let bob = block(crate::matrix::user_on(synapse(), "dg-members-bob"));
    block(world.alice.invite(&room, &bob.user_id));
    block(bob.join(&room));

    let fake = fake();
    let i = fake.slash(
        Invocation::new(fake.channel_id(), "digest")
            .user(MEMBER, "member")
            .permissions(1024)
            .options(json!([
                {"name": "event", "type": 3, "value": "infoforum"},
                {"name": "target", "type": 3, "value": format!("matrix:{room}")},
            ])),
    );
    let reply = fake.wait_reply(&i, WAIT).expect("answered");
    assert_eq!(reply.data["flags"], 64, "the refusal is for the member alone");
    assert!(
        message_text(&reply.data).contains("moderators only"),
        "{:?}",
        reply.data
    );

    let command = block(bob.send_text(&room, &format!("!digest infoforum discord:{channel}")));
    let bot_user = world.bot_user();
    let messages = block(bob.wait_for(&room, WAIT, |m| {
        m.iter()
            .any(|m| m.sender == bot_user && m.in_reply_to.as_deref() == Some(command.as_str()))
    }));
    let refusal = messages
        .iter()
        .find(|m| m.in_reply_to.as_deref() == Some(command.as_str()))
        .expect("the member is answered");
    assert!(refusal.body.contains("for moderators"), "{refusal:?}");
    let reload = block(bob.send_text(&room, "!reload"));
    let messages = block(bob.wait_for(&room, WAIT, |m| {
        m.iter()
            .any(|m| m.in_reply_to.as_deref() == Some(reload.as_str()))
    }));
    let refusal = messages
        .iter()
        .find(|m| m.in_reply_to.as_deref() == Some(reload.as_str()))
        .expect("the member is answered");
    assert!(refusal.body.contains("for admins"), "{refusal:?}");

    // A post made through the scheduler would be out once it has looked again.
    bot.wait_scheduler_pass();
    assert!(discord_posts(channel).is_empty(), "nothing posted on Discord");
    assert!(world.matrix_posts(&room).is_empty(), "nothing posted on Matrix");
}
