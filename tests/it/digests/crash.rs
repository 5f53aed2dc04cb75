//! Exactly once across crashes: a digest to three targets (a Discord channel, a plain and an encrypted
//! Matrix room) runs every minute of the bot's clock; twenty times the bot is started just before a run,
//! killed with SIGKILL at a random instant of it, and started again; every target must then hold each
//! run's post exactly once, none missing.
//!
//! The Discord fake answers each new message 400 ms after creating it, so a kill can fall between a post
//! being made and the bot hearing of it. On odd rounds the instant is anywhere in the time a whole run
//! takes (measured on a first run that is not cut short): before the run is decided, between the ledger's
//! steps, after. On even rounds it falls inside that slow answer. In half the rounds the fake forgets
//! nonces at once, so a resend cannot lean on `enforce_nonce` and the bot must find its post in the
//! channel's history. The seed is printed; `ATTACHE_TEST_SEED` replays one.

use std::time::Instant;

use chrono::{DateTime, TimeZone, Utc};

use attache_core::digest::Target;
use attache_core::digest::content::digest_key;

use super::*;
use crate::discord_bot::turn;

const ROUNDS: u32 = 20;
const BRIEFING: &str = "infoforum-shanghai-2018";

/// xorshift64*: enough randomness for kill instants, replayable from its seed.
pub(super) struct Rng(pub(super) u64);

impl Rng {
    pub(super) fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    pub(super) fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

pub(super) fn seed() -> u64 {
    std::env::var("ATTACHE_TEST_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(1, |d| d.as_nanos() as u64)
                | 1
        })
}

#[test]
fn every_post_is_made_exactly_once_through_twenty_kills_at_random_instants() {
    let _turn = turn();
    let seed = seed();
    eprintln!("crash test seed: {seed} (ATTACHE_TEST_SEED={seed} replays it)");
    let mut rng = Rng(seed);
    let world = World::new("crash");
    let plain = world.room("crash-plain", false);
    let encrypted = world.room("crash-encrypted", true);
    let channel = fake().add_channel();
    let targets = [
        format!("discord:{channel}"),
        format!("matrix:{plain}"),
        format!("matrix:{encrypted}"),
    ];
    let extra = format!(
        "[[digests]]\nname = \"minutely\"\nschedule = \"* * * * *\"\ntargets = {targets:?}\n\
         select = \"{BRIEFING}\"\ncatch_up = \"1h\"\n"
    );
    let base = Utc.with_ymd_and_hms(2025, 1, 6, 8, 0, 0).unwrap();
    let slot = |round: u32| base + chrono::Duration::minutes(i64::from(round));
    let key = |round: u32, target: &str| {
        digest_key("minutely", slot(round), &Target::parse(target).unwrap(), BRIEFING).to_string()
    };
    // The posts each target holds, by key.
    let held = |target: &str| -> BTreeMap<String, usize> {
        match Target::parse(target).unwrap() {
            Target::Discord(c) => tally(discord_posts(c).iter().filter_map(post_key_of_discord)),
            Target::Matrix(room) => tally(world.matrix_posts(&room).iter().filter_map(post_key_of_matrix)),
        }
    };
    let has_round = |round: u32| targets.iter().all(|t| held(t).contains_key(&key(round, t)));

    // Discord creates each message at once but answers it late, so a kill often falls between a post
    // being made and the bot hearing of it: the window the ledger and the poster must close together.
    let slow_answer = Duration::from_millis(400);
    fake().delay_create_answers(slow_answer);
    // Round 0, not cut short: when the first post lands and how long a whole run takes, from the start.
    let spawned = Instant::now();
    let mut bot = world.start(&extra, Some(slot(0) - chrono::Duration::seconds(1)));
    let mut first_post = None;
    while first_post.is_none() && spawned.elapsed() < WAIT {
        if !discord_posts(channel).is_empty() {
            first_post = Some(spawned.elapsed());
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    let first_post = first_post.expect("round 0 posted nothing on Discord");
    bot.wait_connected();
    world.wait_joined(&[&plain, &encrypted]);
    assert!(eventually(WAIT, || has_round(0)), "round 0 never completed");
    let run = spawned.elapsed();
    bot.kill();
    eprintln!("the first post lands {first_post:?} and a whole run ends {run:?} after the bot's start");

    let mut kills = Vec::new();
    // Posts a kill left unrecorded between the platform's answer and the ledger, found again by key.
    let mut recovered = 0;
    for round in 1..=ROUNDS {
        fake().set_nonce_window(if round % 4 < 2 {
            Duration::ZERO
        } else {
            Duration::from_secs(300)
        });
        let at: DateTime<Utc> = slot(round) - chrono::Duration::seconds(1);
        bot.restart(Some(at));
        // Every other round inside the slow answer, the others anywhere in the run.
        let delay = if round % 2 == 0 {
            let from = first_post.saturating_sub(Duration::from_millis(100));
            from + Duration::from_millis(rng.below(slow_answer.as_millis() as u64 + 200))
        } else {
            Duration::from_millis(rng.below(run.as_millis() as u64 * 6 / 5))
        };
        std::thread::sleep(delay);
        bot.kill();
        kills.push(delay);
        // Back within the catch-up window: whatever the kill cut short is finished, once.
        let back = Instant::now();
        bot.restart(Some(slot(round) + chrono::Duration::seconds(20)));
        assert!(
            eventually(WAIT, || has_round(round)),
            "round {round} (killed after {delay:?}, seed {seed}) never reached every target"
        );
        let found = bot.log().matches("found a post sent before a restart").count();
        recovered += found;
        eprintln!(
            "round {round}: killed after {delay:?}; {found} posts found by key, complete {:?} after the restart",
            back.elapsed()
        );
        bot.kill();
        for target in &targets {
            let want: BTreeMap<String, usize> = (0..=round).map(|r| (key(r, target), 1)).collect();
            assert_eq!(
                held(target),
                want,
                "{target} after round {round} (killed after {delay:?}, seed {seed})"
            );
        }
    }
    fake().set_nonce_window(Duration::from_secs(300));
    fake().delay_create_answers(Duration::ZERO);
    eprintln!("killed after {kills:?}; {recovered} posts were found by key after a kill");
}
