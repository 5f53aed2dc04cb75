//! A real serenity 0.12 client against the fake: it fetches the gateway URL, connects, identifies,
//! registers a guild command from its `ready` handler, answers a slash command with
//! `create_response`, resumes after a 4000 close and after op 7 RECONNECT, answering what it missed,
//! and meets an injected 429, which with its rate limiter off it reports as an error rather than
//! retrying.
//!
//! Not tested here because it takes seconds: when heartbeat ACKs stop, serenity 0.12.5 drops the
//! socket without a close frame and identifies a new session (not a resume) about 5 s later, the
//! pause its shard queuer keeps between identifies.

use std::sync::{Arc, mpsc};
use std::time::Duration;

use serenity::all::{
    Context, CreateCommand, CreateInteractionResponse, CreateInteractionResponseMessage, EventHandler,
    GatewayIntents, GuildId, HttpBuilder, Interaction, Ready,
};

use super::rt;
use crate::{FakeDiscord, GatewayEvent, Invocation, Route};

struct Handler {
    guild: GuildId,
    /// Every error the handler met, as it meets it: the test waits on these.
    errors: mpsc::Sender<String>,
}

impl Handler {
    fn note(&self, e: impl std::fmt::Debug) {
        // The test may have ended and dropped the receiver.
        let _ = self.errors.send(format!("{e:?}"));
    }
}

#[serenity::async_trait]
impl EventHandler for Handler {
    async fn ready(&self, ctx: Context, _ready: Ready) {
        let ping = CreateCommand::new("ping").description("Check the bot answers");
        if let Err(e) = self.guild.set_commands(&ctx.http, vec![ping]).await {
            self.note(e);
        }
    }

    async fn interaction_create(&self, ctx: Context, interaction: Interaction) {
        if let Interaction::Command(cmd) = interaction {
            let msg = CreateInteractionResponseMessage::new().content(format!("pong from {}", cmd.user.name));
            if let Err(e) = cmd
                .create_response(&ctx.http, CreateInteractionResponse::Message(msg))
                .await
            {
                self.note(e);
            }
        }
    }
}

#[test]
fn a_real_serenity_client_connects_answers_resumes_and_meets_a_429() {
    let fake = FakeDiscord::start();
    let (errors, noted) = mpsc::channel();
    let rt = rt();
    // serenity's own rate limiter talks to discord.com whatever the proxy (serenity issue #1739).
    let http = HttpBuilder::new(fake.token())
        .proxy(fake.proxy_url())
        .ratelimiter_disabled(true)
        .build();
    let handler = Handler {
        guild: GuildId::new(fake.guild_id()),
        errors,
    };
    let mut client = rt
        .block_on(async {
            serenity::client::ClientBuilder::new_with_http(http, GatewayIntents::GUILDS)
                .event_handler(handler)
                .await
        })
        .expect("a serenity client");
    let shards = Arc::clone(&client.shard_manager);
    rt.spawn(async move { client.start().await });

    assert!(
        fake.wait_ready(Duration::from_secs(10)),
        "serenity identified: {:?}",
        fake.gateway_log()
    );
    let guild = Some(fake.guild_id());
    let registered = |r: &[crate::Recorded]| {
        r.iter()
            .any(|r| r.method == "PUT" && r.path.ends_with("/commands") && r.status == 200)
    };
    assert!(
        fake.wait_requests(Duration::from_secs(5), registered),
        "serenity registered /ping: {:?}",
        noted.try_iter().collect::<Vec<_>>()
    );
    assert!(
        fake.registered_commands(guild)
            .iter()
            .any(|c| c["name"] == "ping")
    );
    let first = fake.slash(Invocation::new(fake.channel_id(), "ping").user(7, "ana"));
    let reply = fake
        .wait_reply(&first, Duration::from_secs(5))
        .expect("serenity answered");
    assert_eq!((reply.kind, reply.text()), (4, "pong from ana".to_string()));

    // What serenity sends on connect: IDENTIFY asking for payload compression, with its intents.
    let log = fake.gateway_log();
    assert!(
        log.iter().any(|e| matches!(
            e,
            GatewayEvent::Identify {
                compress: true,
                intents: 1,
                accepted: true,
                ..
            }
        )),
        "{log:?}"
    );
    assert!(
        log.iter()
            .any(|e| matches!(e, GatewayEvent::Connected { query, .. } if query == "v=10")),
        "{log:?}"
    );
    let callback = format!("/interactions/{}/{}/callback", first.id, first.token);
    assert!(
        fake.requests()
            .iter()
            .any(|r| r.path == callback && r.status == 204),
        "{:?}",
        fake.requests()
    );

    // Closed with 4000, serenity resumes, and gets the interaction dispatched meanwhile.
    let readies = fake.ready_count();
    fake.close_gateway(4000);
    let missed = fake.slash(Invocation::new(fake.channel_id(), "ping").user(8, "bo"));
    let reply = fake
        .wait_reply(&missed, Duration::from_secs(10))
        .expect("answered after resuming");
    assert_eq!(reply.text(), "pong from bo");
    assert!(fake.wait_ready_after(readies, Duration::from_secs(5)));
    assert!(
        fake.gateway_log()
            .iter()
            .any(|e| matches!(e, GatewayEvent::Resume { accepted: true, .. }))
    );

    // Told to reconnect (op 7), serenity opens a new connection and resumes there.
    let readies = fake.ready_count();
    fake.send_reconnect();
    assert!(
        fake.wait_ready_after(readies, Duration::from_secs(5)),
        "{:?}",
        fake.gateway_log()
    );
    let resumes = fake
        .gateway_log()
        .iter()
        .filter(|e| matches!(e, GatewayEvent::Resume { accepted: true, .. }))
        .count();
    assert_eq!(resumes, 2, "{:?}", fake.gateway_log());

    // With its rate limiter off, serenity does not retry a 429: the handler sees the error.
    fake.inject_429(
        Route::regex("POST", r"^/interactions/\d+/[^/]+/callback$"),
        1,
        Duration::from_secs(1),
        false,
    );
    let limited = fake.slash(Invocation::new(fake.channel_id(), "ping"));
    let seen = noted
        .recv_timeout(Duration::from_secs(5))
        .expect("the handler met an error");
    // serenity cannot read the documented 429 body (it has no `code`), so it reports code -1 and
    // "missing field `code`"; the status is the reliable part.
    assert!(seen.contains("status_code: 429"), "{seen}");
    assert!(
        fake.reply(&limited).is_none(),
        "the refused callback acknowledged nothing"
    );

    rt.block_on(shards.shutdown_all());
}
