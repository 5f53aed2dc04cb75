//! The gateway, driven by a raw WebSocket client: HELLO, IDENTIFY and READY, heartbeats, interactions
//! that serenity's model reads, closes and RESUME with the missed events replayed, invalid sessions,
//! and both kinds of compression. Every frame is also read as serenity's `GatewayEvent`.

use std::time::Duration;

use serde_json::{Value, json};
use serenity::model::application::Interaction as SerenityInteraction;
use serenity::model::event::GatewayEvent as SerenityFrame;

use super::{Gw, register_basics, rt};
use crate::{FakeDiscord, GatewayEvent, InteractionKind, Invocation};

fn serenity_reads(frame: &Value) {
    serde_json::from_value::<SerenityFrame>(frame.clone())
        .unwrap_or_else(|e| panic!("serenity cannot read {frame}: {e}"));
}

#[test]
fn identify_gets_ready_and_the_guild_and_interactions_serenity_can_read() {
    let fake = FakeDiscord::start();
    register_basics(&fake);
    rt().block_on(async {
        let mut gw = Gw::connect(&fake, "v=10&encoding=json").await;
        let hello = gw.recv().await;
        assert_eq!(
            (hello["op"].as_u64(), hello["d"]["heartbeat_interval"].as_u64()),
            (Some(10), Some(1000))
        );
        serenity_reads(&hello);
        gw.send(json!({"op": 1, "d": null})).await;
        assert_eq!(
            gw.recv().await["op"],
            11,
            "a heartbeat before identifying is acknowledged"
        );
        let ready = gw.identify(fake.token(), false).await;
        serenity_reads(&ready);
        assert_eq!(ready["s"], 1);
        assert_eq!(
            ready["d"]["resume_gateway_url"].as_str(),
            Some(fake.gateway_url().as_str())
        );
        assert_eq!(ready["d"]["application"]["id"], fake.application_id().to_string());
        assert_eq!(
            ready["d"]["guilds"],
            json!([{"id": fake.guild_id().to_string(), "unavailable": true}])
        );
        let guild = gw.until(0, Some("GUILD_CREATE")).await;
        serenity_reads(&guild);
        assert!(fake.wait_ready(Duration::from_secs(1)));

        let slash = fake.slash(
            Invocation::new(fake.channel_id(), "ping")
                .user(7, "ana")
                .roles(&[99])
                .permissions(8),
        );
        assert_eq!(
            (slash.kind, slash.channel),
            (InteractionKind::Command, fake.channel_id())
        );
        let frame = gw.until(0, Some("INTERACTION_CREATE")).await;
        serenity_reads(&frame);
        assert_eq!(frame["d"], slash.payload);
        let SerenityInteraction::Command(cmd) =
            serde_json::from_value(frame["d"].clone()).expect("an interaction")
        else {
            panic!("a command interaction");
        };
        assert_eq!(
            (cmd.data.name.as_str(), cmd.user.id.get(), cmd.token.as_str()),
            ("ping", 7, slash.token.as_str())
        );
        let member = cmd.member.expect("a member");
        assert_eq!(
            (member.roles.len(), member.permissions.map(|p| p.bits())),
            (1, Some(8))
        );

        let typed = json!([{"name": "name", "type": 3, "value": "inf"}]);
        fake.autocomplete(
            Invocation::new(fake.channel_id(), "event")
                .options(typed)
                .focused("name")
                .locale("de"),
        );
        let frame = gw.until(0, Some("INTERACTION_CREATE")).await;
        assert_eq!(
            (&frame["d"]["type"], &frame["d"]["locale"]),
            (&json!(4), &json!("de"))
        );
        let SerenityInteraction::Autocomplete(ac) =
            serde_json::from_value(frame["d"].clone()).expect("an interaction")
        else {
            panic!("an autocomplete interaction");
        };
        assert_eq!(
            ac.data.autocomplete().map(|o| (o.name, o.value)),
            Some(("name", "inf"))
        );
    });
    let log = fake.gateway_log();
    assert!(
        log.iter().any(|e| matches!(
            e,
            GatewayEvent::Identify {
                intents: 1,
                accepted: true,
                ..
            }
        )),
        "{log:?}"
    );
}

#[test]
fn a_closed_session_resumes_with_what_it_missed_and_a_dead_one_is_invalid() {
    let fake = FakeDiscord::start();
    register_basics(&fake);
    rt().block_on(async {
        let mut gw = Gw::connect(&fake, "v=10&encoding=json").await;
        let ready = gw.identify(fake.token(), false).await;
        let session = ready["d"]["session_id"]
            .as_str()
            .expect("a session id")
            .to_string();
        let guild = gw.until(0, Some("GUILD_CREATE")).await;
        let seq = guild["s"].as_u64().expect("a seq");

        fake.close_gateway(4000);
        assert_eq!(gw.recv().await, json!({"close": 4000}));
        assert!(fake.wait_disconnected(Duration::from_secs(3)));
        // Dispatched while nobody listens: kept for the resume.
        let missed = fake.slash(Invocation::new(fake.channel_id(), "ping"));

        let mut again = Gw::connect(&fake, "v=10&encoding=json").await;
        again.until(10, None).await;
        again
            .send(json!({"op": 6, "d": {"token": fake.token(), "session_id": session, "seq": seq}}))
            .await;
        let replayed = again.until(0, None).await;
        assert_eq!(
            (replayed["t"].as_str(), replayed["s"].as_u64()),
            (Some("INTERACTION_CREATE"), Some(seq + 1))
        );
        assert_eq!(replayed["d"]["id"], missed.id.to_string());
        let resumed = again.until(0, Some("RESUMED")).await;
        serenity_reads(&resumed);
        assert_eq!(resumed["s"].as_u64(), Some(seq + 2));

        // 4009 ends the session: resuming it now is answered with op 9, d: false.
        fake.close_gateway(4009);
        assert_eq!(again.recv().await, json!({"close": 4009}));
        let mut third = Gw::connect(&fake, "v=10").await;
        third
            .send(json!({"op": 6, "d": {"token": fake.token(), "session_id": session, "seq": seq + 2}}))
            .await;
        let invalid = third.until(9, None).await;
        assert_eq!(invalid["d"], false);
        serenity_reads(&invalid);
        let unknown = Gw::connect(&fake, "v=10").await;
        let mut unknown = unknown;
        unknown
            .send(json!({"op": 6, "d": {"token": fake.token(), "session_id": "nope", "seq": 1}}))
            .await;
        assert_eq!(unknown.until(9, None).await["d"], false);
    });
    let log = fake.gateway_log();
    assert!(
        log.iter().any(|e| matches!(
            e,
            GatewayEvent::Resume {
                accepted: true,
                replayed: 1,
                ..
            }
        )),
        "{log:?}"
    );
    assert!(
        log.iter()
            .any(|e| matches!(e, GatewayEvent::ServerClose { code: 4009, .. }))
    );
}

#[test]
fn faults_and_refusals_close_with_the_documented_codes() {
    let fake = FakeDiscord::start();
    rt().block_on(async {
        let mut gw = Gw::connect(&fake, "v=10").await;
        gw.send(json!({"op": 2, "d": {"token": "wrong", "intents": 1, "properties": {}}}))
            .await;
        assert_eq!(gw.until_close().await, 4004);
        let mut gw = Gw::connect(&fake, "v=10").await;
        gw.send(json!({"op": 2, "d": {"token": fake.token(), "intents": 1 << 15, "properties": {}}}))
            .await;
        assert_eq!(
            gw.until_close().await,
            4014,
            "MESSAGE_CONTENT is privileged and not granted"
        );
        let mut gw = Gw::connect(&fake, "v=10").await;
        gw.send(json!({"op": 3, "d": {}})).await;
        assert_eq!(
            gw.until_close().await,
            4003,
            "a presence update before identifying"
        );
        let mut gw = Gw::connect(&fake, "v=10").await;
        gw.send(json!("not a payload")).await;
        assert_eq!(gw.until_close().await, 4002, "a payload that is not an object");
        let mut gw = Gw::connect(&fake, "v=8").await;
        assert_eq!(gw.until_close().await, 4012);

        let mut gw = Gw::connect(&fake, "v=10&encoding=json").await;
        gw.identify(fake.token(), false).await;
        gw.until(0, Some("GUILD_CREATE")).await;
        gw.send(json!({"op": 2, "d": {"token": fake.token(), "intents": 1, "properties": {}}}))
            .await;
        assert_eq!(gw.until_close().await, 4005, "a second identify");

        let mut gw = Gw::connect(&fake, "v=10&encoding=json").await;
        gw.identify(fake.token(), false).await;
        fake.drop_heartbeat_acks(true);
        gw.send(json!({"op": 1, "d": 2})).await;
        // The heartbeat is handled before ACKs are turned back on, not raced by the RECONNECT.
        assert!(
            fake.wait_gateway(Duration::from_secs(10), |log| log
                .iter()
                .any(|e| matches!(e, GatewayEvent::Heartbeat { seq: Some(2), .. }))),
            "the heartbeat reaches the fake"
        );
        fake.send_reconnect();
        assert_eq!(
            gw.until(7, None).await["op"],
            7,
            "RECONNECT arrives, and no ACK came before it"
        );
        fake.drop_heartbeat_acks(false);
        gw.send(json!({"op": 99, "d": null})).await;
        assert_eq!(gw.until_close().await, 4001);
    });
    let log = fake.gateway_log();
    assert!(
        log.iter().any(|e| matches!(
            e,
            GatewayEvent::Heartbeat {
                seq: Some(2),
                acked: false,
                ..
            }
        )),
        "{log:?}"
    );
}

#[test]
fn zlib_stream_and_payload_compression_both_work() {
    let fake = FakeDiscord::start();
    rt().block_on(async {
        // Transport compression: every frame binary, one zlib context, sync-flushed per message.
        let mut gw = Gw::connect(&fake, "v=10&encoding=json&compress=zlib-stream").await;
        assert_eq!(gw.recv().await["op"], 10);
        let ready = gw.identify(fake.token(), false).await;
        assert_eq!(ready["d"]["user"]["id"], fake.bot_user_id().to_string());
        gw.until(0, Some("GUILD_CREATE")).await;
        gw.send(json!({"op": 1, "d": 2})).await;
        assert_eq!(gw.until(11, None).await["op"], 11);
        assert!(
            gw.binary_frames > 3,
            "frames came compressed: {}",
            gw.binary_frames
        );
        // Payload compression, as serenity asks for: dispatches are each a whole zlib stream.
        let mut gw = Gw::connect(&fake, "v=10").await;
        let ready = gw.identify(fake.token(), true).await;
        serenity_reads(&ready);
        assert_eq!(gw.binary_frames, 1, "READY came as one compressed payload");
    });
}
