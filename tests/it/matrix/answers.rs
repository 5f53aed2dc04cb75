//! What the bot answers: every command with its exact bodies, the ways of asking (prefix, name, pill, reply,
//! thread), what it never answers, encrypted rooms, and commands refused or allowed by role.

use attache_core::command::Role;
use matrix_sdk::ruma::UserId;
use matrix_sdk::ruma::events::room::message::RoomMessageEventContent;

use super::*;

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
    let bot_user = UserId::parse(bot).unwrap();
    let pill = RoomMessageEventContent::text_html(
        "Attaché: sponsors example-harbour-summit-2023",
        format!(
            "<a href=\"{}\">Attaché</a>: sponsors example-harbour-summit-2023",
            bot_user.matrix_to_uri()
        ),
    )
    .add_mentions(matrix_sdk::ruma::events::Mentions::with_user_ids([bot_user]));
    let by_pill = alice.send(&room, serde_json::to_value(pill).unwrap()).await;
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
    // `is_falling_back` is false or left out (which the spec reads as false).
    let falling_back = &in_thread.content["m.relates_to"]["is_falling_back"];
    assert!(falling_back.is_null() || *falling_back == false, "{falling_back}");
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
    wait_answered(&alice, &room, bot, &cmd, 1).await;
    // The answer's room key travels apart from it (to-device) and can reach alice's client a moment
    // after the answer: read again once she can decrypt it, as her client would show it.
    let messages = alice
        .wait_for(&room, WAIT, |m| {
            answers(m, bot, &cmd).first().is_some_and(|a| !a.undecryptable)
        })
        .await;
    let asked = messages.iter().find(|m| m.event_id == cmd).unwrap();
    assert!(asked.encrypted, "the command went out encrypted");
    let answer = answers(&messages, bot, &cmd)[0];
    assert!(answer.encrypted && !answer.undecryptable, "{answer:?}");
    assert_answer(answer, &expected("summary infoforum", Role::Member)[0]);
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
    // The refusal, then a posted digest and a reply for each of the two.
    let messages = bob
        .wait_for(&room, WAIT, |m| m.iter().filter(|m| m.sender == bot).count() >= 5)
        .await;
    let engine = engine_for(fixture("corpus"));
    let here = attache_core::digest::Target::Matrix(room.clone());
    for (event, id) in [
        (&allowed, "infoforum-shanghai-2018"),
        (&listed, "example-harbour-summit-2024"),
    ] {
        let reply = answers(&messages, bot, event)[0];
        let confirmation =
            attache_core::digest::manual::reply(attache_core::i18n::Lang::En, id, &here, true, &Ok(()));
        assert_answer(reply, &render(&confirmation)[0]);
        // The digest itself comes before its reply, posted to the room rather than replying to anyone.
        let at = messages
            .iter()
            .position(|m| m.event_id == reply.event_id)
            .unwrap();
        let card = attache_core::digest::content::digest_card(
            attache_core::i18n::Lang::En,
            engine.snapshot().get(id).unwrap(),
        );
        let posted = messages[..at]
            .iter()
            .rev()
            .find(|m| m.sender == bot && m.body == attache_matrix::render::render_one(&card).body)
            .expect("the digest is posted");
        assert_eq!(posted.in_reply_to, None);
        assert_eq!(posted.msgtype, "m.notice");
        assert_eq!(posted.mentions, Some(Mentions::default()));
    }
}
