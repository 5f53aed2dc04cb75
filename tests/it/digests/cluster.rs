//! Three instances on one PostgreSQL ledger, as a bot past one machine runs: each with its own data
//! directory, HTTP side and Matrix device, the same config and briefings, one digest clock (shared and
//! sped up, so a minute of digests passes in a few seconds), and Discord over HTTP interactions: a Discord
//! fake of the test's own posts signed interactions to the three endpoints in turn. A digest to a Discord
//! channel and a Matrix room runs every minute of that clock; ten times the leader (found by its
//! `/readyz`) is killed with SIGKILL at a random instant, another instance takes over, and the killed one
//! is started again, as its supervisor would; then users run commands, spread over the three instances.
//! Every post must be in every target exactly once, none missing; every interaction answered once; and
//! each round's failover time (the kill to another instance's `/readyz` saying `"leader": true`) is
//! reported.
//!
//! The seed of the kill instants is printed; `ATTACHE_TEST_SEED` replays one.

use std::time::Instant;

use chrono::{DateTime, DurationRound, TimeZone, Utc};

use attache_core::digest::Target;
use attache_core::digest::clock::{CLOCK_ANCHOR_ENV, CLOCK_RATE_ENV};
use attache_core::digest::content::digest_key;
use discord_fake::{FakeDiscord, Interaction, Invocation};
use serde_json::json;
use synapse_harness::Session;

use super::crash::{Rng, seed};
use super::*;
use crate::discord_bot::MEMBER;

const INSTANCES: usize = 3;
const ROUNDS: u32 = 10;
const BRIEFING: &str = "infoforum-shanghai-2018";
/// How many times as fast as real time the shared clock runs: a minute of digests every 10 s.
const RATE: u32 = 6;

/// The instance that leads now, by its `/readyz`, if exactly one of the running ones says so.
fn leader(bots: &[Bot]) -> Option<usize> {
    let leading: Vec<usize> = bots
        .iter()
        .enumerate()
        .filter(|(_, b)| b.running())
        .filter(|(_, b)| {
            b.get("/readyz")
                .and_then(|(_, body)| serde_json::from_str::<Value>(&body).ok())
                .is_some_and(|v| v["leader"] == Value::Bool(true))
        })
        .map(|(i, _)| i)
        .collect();
    match leading[..] {
        [one] => Some(one),
        _ => None,
    }
}

/// Commands by a member, of three kinds, posted to the endpoints in turn.
fn commands(discord: &FakeDiscord, n: usize) -> Vec<Interaction> {
    (0..n)
        .map(|i| {
            let (name, options) = match i % 3 {
                0 => ("help", json!([])),
                1 => (
                    "search",
                    json!([{"name": "query", "type": 3, "value": "security"}]),
                ),
                _ => (
                    "sponsors",
                    json!([{"name": "event", "type": 3, "value": "infoforum"}]),
                ),
            };
            discord.slash(
                Invocation::new(discord.channel_id(), name)
                    .user(MEMBER, "someone")
                    .options(options),
            )
        })
        .collect()
}

/// Waits until exactly one running instance leads; which, and how long it took.
fn wait_leader(bots: &[Bot]) -> (usize, Duration) {
    let start = Instant::now();
    loop {
        if let Some(i) = leader(bots) {
            return (i, start.elapsed());
        }
        assert!(start.elapsed() < WAIT, "no single instance led within {WAIT:?}");
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn three_instances_on_postgresql_post_every_digest_once_through_ten_leader_kills() {
    let seed = seed();
    eprintln!("cluster test seed: {seed} (ATTACHE_TEST_SEED={seed} replays it)");
    let mut rng = Rng(seed);
    let world = World::new("cluster");
    // One Matrix device per instance, as each keeps its own store: the first is the world's account.
    let server = synapse();
    let mut devices: Vec<Session> = vec![world.setup.account.clone()];
    for _ in 1..INSTANCES {
        let name = world.setup.account.user_id[1..]
            .split(':')
            .next()
            .unwrap()
            .to_string();
        devices.push(block(server.login(&name, crate::matrix::PW)));
    }
    let room = world.room("cluster-plain", false);
    // A Discord of this test's own, delivering interactions over HTTP.
    let discord = FakeDiscord::start();
    let channel = discord.add_channel();
    let targets = [format!("discord:{channel}"), format!("matrix:{room}")];
    let extra = format!(
        "[[digests]]\nname = \"minutely\"\nschedule = \"* * * * *\"\ntargets = {targets:?}\n\
         select = \"{BRIEFING}\"\ncatch_up = \"1h\"\n"
    );
    let database = pg_harness::postgres().fresh_database();

    // The clock reads `start` at `anchor` in every instance, and runs RATE times as fast.
    let start = Utc.with_ymd_and_hms(2025, 1, 6, 8, 0, 0).unwrap();
    let anchor = Utc::now();
    let clock_now = || start + (Utc::now() - anchor) * RATE as i32;
    let minute = |at: DateTime<Utc>| at.duration_trunc(chrono::Duration::minutes(1)).unwrap();
    let key = |slot: DateTime<Utc>, target: &str| {
        digest_key("minutely", slot, &Target::parse(target).unwrap(), BRIEFING).to_string()
    };
    let held = |target: &str| -> BTreeMap<String, usize> {
        match Target::parse(target).unwrap() {
            Target::Discord(c) => tally(discord.channel_messages(c).iter().filter_map(post_key_of_discord)),
            Target::Matrix(room) => tally(world.matrix_posts(&room).iter().filter_map(post_key_of_matrix)),
        }
    };

    // Fixed, so each instance keeps its endpoint URL across its restarts.
    let ports: Vec<u16> = (0..INSTANCES).map(|_| watchdog::free_port()).collect();
    let mut bots: Vec<Bot> = devices
        .iter()
        .enumerate()
        .map(|(i, device)| {
            let mut setup = world.setup.clone();
            setup.account = device.clone();
            setup.database = Some(database.clone());
            setup.discord_api = discord.api_base();
            setup.discord_token = discord.token().to_string();
            setup.guild = discord.guild_id();
            setup.discord_extra = format!(
                "interactions = \"http\"\npublic_key = \"{}\"",
                discord.verify_key()
            );
            setup.http_listen = format!("127.0.0.1:{}", ports[i]);
            setup.env = vec![
                ("ATTACHE_INSTANCE".into(), format!("node-{i}")),
                (CLOCK_ANCHOR_ENV.into(), anchor.to_rfc3339()),
                (CLOCK_RATE_ENV.into(), RATE.to_string()),
            ];
            Bot::start(setup, &extra, Some(start))
        })
        .collect();
    let endpoints: Vec<String> = ports
        .iter()
        .map(|p| format!("http://127.0.0.1:{p}/discord/interactions"))
        .collect();
    discord.deliver_over_http(&endpoints);
    let (first, _) = wait_leader(&bots);
    bots[first].wait_log("Matrix: synced", WAIT);
    world.wait_joined(&[&room]);
    let mut asked: Vec<Interaction> = Vec::new();

    // A slot of the shared clock lasts 60 / RATE seconds of real time.
    let slot_real = Duration::from_secs(60 / u64::from(RATE));
    let mut failovers = Vec::new();
    for round in 1..=ROUNDS {
        // Half a slot to a slot and a half: the kills spread over the slots, at any phase of a run.
        let slot_ms = slot_real.as_millis() as u64;
        std::thread::sleep(Duration::from_millis(slot_ms / 2 + rng.below(slot_ms)));
        let (old, _) = wait_leader(&bots);
        let at = clock_now();
        bots[old].kill();
        let (new, took) = wait_leader(&bots);
        assert_ne!(new, old, "round {round}: the killed instance still leads");
        failovers.push(took);
        eprintln!("round {round}: node-{old} killed at {at} (clock), node-{new} leads {took:?} later");
        // Its supervisor starts it again; it follows.
        bots[old].restart(Some(start));
        bots[new].wait_log("this instance leads", WAIT);
        // Users go on: once the restarted instance takes interactions, a few to each instance.
        bots[old].wait_log("discord: interactions arrive", WAIT);
        let round_asked = commands(&discord, 3 * INSTANCES);
        let answered = asked.len() + round_asked.len();
        asked.extend(round_asked);
        assert!(
            discord.wait_deliveries(answered, WAIT).is_some(),
            "round {round}: {} of {answered} interactions answered",
            discord.deliveries().len()
        );
    }

    // Every slot from the first post to the last one begun before the rounds ended reaches every target.
    let last = minute(clock_now());
    // The earliest slot a target holds the post of, searched from an hour before the clock's start.
    let first_slot = |got: &BTreeMap<String, usize>, target: &str| {
        (0..240)
            .map(|m| start - chrono::Duration::minutes(60) + chrono::Duration::minutes(m))
            .find(|s| got.contains_key(&key(*s, target)))
    };
    let complete = |target: &str| {
        let got = held(target);
        let Some(from) = first_slot(&got, target) else {
            return false;
        };
        let mut slot = from;
        while slot <= last {
            if !got.contains_key(&key(slot, target)) {
                return false;
            }
            slot += chrono::Duration::minutes(1);
        }
        true
    };
    assert!(
        eventually(WAIT * 2, || targets.iter().all(|t| complete(t))),
        "not every slot up to {last} reached every target (seed {seed}): {:?}",
        targets.iter().map(|t| (t, held(t))).collect::<Vec<_>>()
    );
    // Once, not more: no key twice, in either target.
    for target in &targets {
        let got = held(target);
        let twice: Vec<_> = got.iter().filter(|(_, n)| **n > 1).collect();
        assert!(
            twice.is_empty(),
            "{target}: posted more than once: {twice:?} (seed {seed})"
        );
        let from = first_slot(&got, target).unwrap();
        assert!(
            from <= start + chrono::Duration::minutes(1),
            "{target}: the first post is for {from}, later than the clock's start {start}"
        );
        eprintln!(
            "{target}: {} posts, {from} to {last} and on, each once",
            got.len()
        );
    }
    // Each interaction was posted once and taken: answered inline or deferred, then edited in.
    let deliveries = discord.deliveries();
    let refused: Vec<_> = deliveries.iter().filter(|d| d.outcome.is_err()).collect();
    assert!(refused.is_empty(), "refused by Discord: {refused:?}");
    let mut ids: Vec<u64> = deliveries.iter().map(|d| d.interaction).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), asked.len(), "each interaction posted once");
    for endpoint in &endpoints {
        let taken = deliveries.iter().filter(|d| &d.endpoint == endpoint).count();
        assert_eq!(taken, asked.len() / INSTANCES, "{endpoint} took its share");
    }
    for interaction in &asked {
        let reply = discord.wait_reply(interaction, WAIT).expect("answered");
        assert!(!reply.text().is_empty(), "{reply:?}");
    }
    let callbacks = discord
        .requests()
        .iter()
        .filter(|r| r.path.starts_with("/interactions/"))
        .count();
    assert_eq!(callbacks, 0, "no first answer was sent twice over REST");
    eprintln!(
        "{} interactions over the rounds, each answered once ({} deferred)",
        asked.len(),
        deliveries.iter().filter(|d| d.outcome == Ok(5)).count()
    );
    failovers.sort();
    eprintln!(
        "failover (kill to a new leader's /readyz) over {ROUNDS} rounds: median {:?}, worst {:?}, all {failovers:?}",
        failovers[failovers.len() / 2],
        failovers.last().unwrap()
    );
}
