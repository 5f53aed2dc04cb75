//! Digests and announcements end to end: one `attache` process on the real Synapse and the Discord fake at
//! once ([`bot`]), its digest clock started where a test needs it, and users on both platforms counting
//! what arrives. [`schedule`]: a digest at 09:00 in Berlin on the day summer time starts, to three targets
//! on both platforms; catch-up and skipping; a rejected config change. [`crash`]: SIGKILL at random
//! instants of a digest to three targets, twenty times, and every post exactly once. [`edits`]: a corrected
//! briefing edits what was posted; members cannot post. [`cluster`]: three instances on one PostgreSQL
//! ledger, the leader killed ten times during minutely digests, every post once.
//!
//! The tests take turns with the Discord tests (the fake serves one connected bot at a time).

mod bot;
mod cluster;
mod crash;
mod edits;
mod schedule;

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::discord_bot::{MODERATOR_ROLE, fake};
use crate::matrix::{bot_account, membership, user_on};
use synapse_harness::http::block;
use synapse_harness::{Seen, TestUser, synapse};

use bot::{Bot, Setup};

pub(super) const WAIT: Duration = Duration::from_secs(60);

/// A fictional briefing dropped into `briefings/` while the bot runs.
pub(super) fn new_briefing(id: &str, summary: &str) -> String {
    format!(
        "+++\nid = \"{id}\"\ntitle = \"Example Lighthouse Forum ({id}, a fictional example)\"\n\
         event = \"Example Lighthouse Forum\"\ndate = 2025-03-20\nlocation = \"Example Bay\"\n\
         summary = \"{summary}\"\ntopics = [\"Tide tables\", \"Fog signals\"]\n+++\n\nA fictional example.\n"
    )
}

/// A test's accounts: the bot's Matrix account, a Matrix user who owns the rooms and moderates, and the
/// Discord guild's moderator.
pub(super) struct World {
    pub alice: TestUser,
    pub setup: Setup,
}

impl World {
    /// Fresh accounts named after `test`.
    pub fn new(test: &str) -> World {
        let server = synapse();
        let (account, alice) = block(async {
            let account = bot_account(server, &format!("dgbot-{test}")).await;
            let alice = user_on(server, &format!("dg-{test}-alice")).await;
            (account, alice)
        });
        let fake = fake();
        World {
            setup: Setup {
                homeserver: server.url(),
                moderators: vec![alice.user_id.clone()],
                account,
                discord_api: fake.api_base(),
                discord_token: fake.token().to_string(),
                guild: fake.guild_id(),
                moderator_role: MODERATOR_ROLE,
                database: None,
                env: Vec::new(),
                discord_extra: String::new(),
                http_listen: "127.0.0.1:0".into(),
            },
            alice,
        }
    }

    /// Starts the bot with `extra` (`[[digests]]`, `[announce]`) in its config and its clock at `clock`.
    pub fn start(&self, extra: &str, clock: Option<chrono::DateTime<chrono::Utc>>) -> Bot {
        Bot::start(self.setup.clone(), extra, clock)
    }

    pub fn bot_user(&self) -> String {
        self.setup.account.user_id.clone()
    }

    /// A room alice creates with the bot invited (it joins once it runs).
    pub fn room(&self, name: &str, encrypted: bool) -> String {
        let bot = self.bot_user();
        block(self.alice.create_room(name, encrypted, &[bot.as_str()]))
    }

    /// Waits until the bot has joined every one of `rooms`.
    pub fn wait_joined(&self, rooms: &[&str]) {
        let bot = self.bot_user();
        let deadline = Instant::now() + WAIT;
        for room in rooms {
            while block(membership(&self.alice, room, &bot)) != "join" {
                assert!(Instant::now() < deadline, "the bot did not join {room}");
                std::thread::sleep(Duration::from_millis(100));
            }
        }
    }

    /// The bot's posts in a Matrix room (not its edits, not its replies), oldest first.
    pub fn matrix_posts(&self, room: &str) -> Vec<Seen> {
        let bot = self.bot_user();
        block(self.alice.messages(room))
            .into_iter()
            .filter(|m| m.sender == bot && m.replaces.is_none() && post_key_of_matrix(m).is_some())
            .collect()
    }

    /// Every message in a Matrix room, oldest first.
    pub fn matrix_messages(&self, room: &str) -> Vec<Seen> {
        block(self.alice.messages(room))
    }
}

/// The post key a Matrix post carries.
pub(super) fn post_key_of_matrix(m: &Seen) -> Option<String> {
    m.content["org.attache.post"].as_str().map(str::to_string)
}

/// The post key in a Discord post's footer.
pub(super) fn post_key_of_discord(m: &Value) -> Option<String> {
    let footer = m["embeds"][0]["footer"]["text"].as_str()?;
    let at = footer.find("ref ")?;
    Some(footer[at + 4..].chars().take(24).collect())
}

/// The bot's posts in a Discord channel, oldest first.
pub(super) fn discord_posts(channel: u64) -> Vec<Value> {
    fake()
        .channel_messages(channel)
        .into_iter()
        .filter(|m| post_key_of_discord(m).is_some())
        .collect()
}

/// How many times each key occurs.
pub(super) fn tally(keys: impl IntoIterator<Item = String>) -> BTreeMap<String, usize> {
    let mut out = BTreeMap::new();
    for k in keys {
        *out.entry(k).or_insert(0) += 1;
    }
    out
}

/// Polls `done` until it holds or `timeout` passes; whether it held.
pub(super) fn eventually(timeout: Duration, mut done: impl FnMut() -> bool) -> bool {
    let deadline = Instant::now() + timeout;
    loop {
        if done() {
            return true;
        }
        if Instant::now() >= deadline {
            return false;
        }
        std::thread::sleep(Duration::from_millis(200));
    }
}
