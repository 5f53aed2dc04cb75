//! A test double and a harness for the scheduler's own logic.
//!
//! [`RecordingPoster`] is an in-memory stand-in for a platform, for testing the scheduler logic only: it
//! keeps what was posted per target, finds a post by key as the real posters must, and can fail or stop
//! dead mid-send (as a process killed at that instant would). It deliberately does *not* deduplicate
//! repeated keys, so a test passes only if the ledger protocol itself prevents double posts. The real
//! end-to-end tests run against a Synapse homeserver and the Discord fake.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use chrono::{DateTime, Utc};

use crate::config::Config;
use crate::digest::clock::ManualClock;
use crate::digest::leader::Leadership;
use crate::digest::ledger::db::Backend;
use crate::digest::ledger::{LedgerThread, Location};
use crate::digest::poster::{BoxFuture, PostFailure, PostKey, PostedId, Poster};
use crate::digest::runner::{Digests, Tick};
use crate::engine::Engine;
use crate::response::{Block, Response};
use crate::target::{Platform, Target};

/// One message on the stand-in platform.
#[derive(Debug, Clone)]
pub struct Message {
    pub id: String,
    pub key: String,
    pub content: Response,
    pub edits: usize,
}

impl Message {
    /// The card's title: which briefing this is.
    pub fn title(&self) -> String {
        self.content
            .blocks
            .iter()
            .find_map(|b| match b {
                Block::Title { text, .. } => Some(text.clone()),
                _ => None,
            })
            .unwrap_or_default()
    }

    pub fn text(&self) -> String {
        serde_json::to_string(&self.content).unwrap()
    }
}

/// What the next send does before it would return.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stall {
    /// Never returns, and nothing reaches the platform.
    BeforeDelivery,
    /// The message is on the platform, but the call never returns.
    AfterDelivery,
}

#[derive(Default)]
pub struct RecordingPoster {
    platform: Option<Platform>,
    messages: Mutex<HashMap<String, Vec<Message>>>,
    failures: Mutex<HashMap<String, PostFailure>>,
    /// Stall the send with this index (counting every send), and only it.
    stall: Mutex<Option<(usize, Stall)>>,
    sends: Mutex<usize>,
    /// Told when a send stalls, so the test can "kill" the bot at that instant.
    stalled: tokio::sync::Notify,
    /// The number of messages posted so far, for tests to wait on.
    posted: tokio::sync::watch::Sender<usize>,
}

impl RecordingPoster {
    pub fn new(platform: Platform) -> Arc<RecordingPoster> {
        Arc::new(RecordingPoster {
            platform: Some(platform),
            ..RecordingPoster::default()
        })
    }

    pub fn messages(&self, target: &str) -> Vec<Message> {
        self.messages
            .lock()
            .unwrap()
            .get(target)
            .cloned()
            .unwrap_or_default()
    }

    pub fn total(&self) -> usize {
        self.messages.lock().unwrap().values().map(Vec::len).sum()
    }

    /// The number of messages posted, now and after every post.
    pub fn watch_posted(&self) -> tokio::sync::watch::Receiver<usize> {
        self.posted.subscribe()
    }

    /// Every send to `target` fails like this until cleared with `None`.
    pub fn fail(&self, target: &str, failure: Option<PostFailure>) {
        let mut f = self.failures.lock().unwrap();
        match failure {
            Some(failure) => f.insert(target.to_string(), failure),
            None => f.remove(target),
        };
    }

    /// The send numbered `nth` from now (0 = the next one) stalls.
    pub fn stall(&self, nth: usize, how: Stall) {
        let sends = *self.sends.lock().unwrap();
        *self.stall.lock().unwrap() = Some((sends + nth, how));
    }
}

impl Poster for RecordingPoster {
    fn platform(&self) -> Platform {
        self.platform.expect("a platform")
    }

    fn post<'a>(
        &'a self,
        target: &'a Target,
        content: &'a Response,
        key: &'a PostKey,
    ) -> BoxFuture<'a, Result<PostedId, PostFailure>> {
        Box::pin(async move {
            if let Some(f) = self.failures.lock().unwrap().get(&target.to_string()) {
                return Err(f.clone());
            }
            let n = {
                let mut sends = self.sends.lock().unwrap();
                *sends += 1;
                *sends - 1
            };
            let stall = self
                .stall
                .lock()
                .unwrap()
                .filter(|(at, _)| *at == n)
                .map(|(_, how)| how);
            if stall == Some(Stall::BeforeDelivery) {
                self.stalled.notify_one();
                std::future::pending::<()>().await;
            }
            let id = {
                let mut messages = self.messages.lock().unwrap();
                let list = messages.entry(target.to_string()).or_default();
                let id = format!("{}-{}", target, list.len() + 1);
                list.push(Message {
                    id: id.clone(),
                    key: key.to_string(),
                    content: content.clone(),
                    edits: 0,
                });
                id
            };
            self.posted.send_modify(|n| *n += 1);
            if stall == Some(Stall::AfterDelivery) {
                self.stalled.notify_one();
                std::future::pending::<()>().await;
            }
            Ok(PostedId(id))
        })
    }

    fn edit<'a>(
        &'a self,
        target: &'a Target,
        posted: &'a PostedId,
        content: &'a Response,
        _key: &'a PostKey,
    ) -> BoxFuture<'a, Result<(), PostFailure>> {
        Box::pin(async move {
            if let Some(f) = self.failures.lock().unwrap().get(&target.to_string()) {
                return Err(f.clone());
            }
            let mut messages = self.messages.lock().unwrap();
            let m = messages
                .get_mut(&target.to_string())
                .and_then(|l| l.iter_mut().find(|m| m.id == posted.0))
                .expect("an edit names a message that exists");
            m.content = content.clone();
            m.edits += 1;
            Ok(())
        })
    }

    fn find_by_key<'a>(
        &'a self,
        target: &'a Target,
        key: &'a PostKey,
        _since: DateTime<Utc>,
    ) -> BoxFuture<'a, Result<Option<PostedId>, PostFailure>> {
        Box::pin(async move {
            Ok(self
                .messages(&target.to_string())
                .into_iter()
                .find(|m| m.key == key.as_str())
                .map(|m| PostedId(m.id)))
        })
    }
}

/// A bot with a briefings directory, a config file, a ledger file and a manual clock; restartable.
pub struct Bot {
    pub dir: tempfile::TempDir,
    pub clock: ManualClock,
    pub engine: Arc<Engine>,
    pub discord: Arc<RecordingPoster>,
    pub matrix: Arc<RecordingPoster>,
    pub digests: Option<Arc<Digests>>,
    /// The ledger: the config's SQLite file, or a fresh PostgreSQL database of the test server.
    location: Location,
    /// Starts so far: each start is another instance, by name, as a restarted process would be.
    starts: usize,
}

pub const TARGETS: [&str; 3] = ["discord:111", "discord:222", "matrix:!room:example.org"];

impl Bot {
    /// Starts at `now` with `extra` config (digests, announce) and the briefings `(id, tags, summary)`, on a
    /// SQLite ledger.
    pub fn start(now: DateTime<Utc>, extra: &str, briefings: &[(&str, &str, &str)]) -> Bot {
        Bot::start_on(Backend::Sqlite, now, extra, briefings)
    }

    /// [`Bot::start`] on a ledger of either backend.
    pub fn start_on(
        backend: Backend,
        now: DateTime<Utc>,
        extra: &str,
        briefings: &[(&str, &str, &str)],
    ) -> Bot {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("briefings")).unwrap();
        for (id, tags, summary) in briefings {
            write_briefing(dir.path(), id, tags, summary);
        }
        let config = config_path(dir.path());
        std::fs::write(&config, config_text(dir.path(), extra)).unwrap();
        let engine = Arc::new(Engine::new(Config::load(&config).unwrap()));
        let location = match backend {
            Backend::Sqlite => Location::Sqlite(engine.config().ledger.clone()),
            Backend::Postgres => Location::Postgres {
                url: pg_harness::postgres().fresh_database(),
                var: "the test server".into(),
            },
        };
        let mut bot = Bot {
            location,
            starts: 0,
            dir,
            clock: ManualClock::new(now),
            engine,
            discord: RecordingPoster::new(Platform::Discord),
            matrix: RecordingPoster::new(Platform::Matrix),
            digests: None,
        };
        bot.open();
        bot
    }

    fn open(&mut self) {
        self.starts += 1;
        let ledger = LedgerThread::open(self.location.clone()).wait().unwrap();
        let digests = Digests::new(
            ledger,
            Arc::new(self.clock.clone()),
            self.engine.store().clone(),
            self.engine.watch_config(),
            Leadership::sole(format!("bot-{}", self.starts)),
        );
        digests.add_poster(self.discord.clone());
        digests.add_poster(self.matrix.clone());
        self.digests = Some(digests);
    }

    pub fn digests(&self) -> &Arc<Digests> {
        self.digests.as_ref().expect("running")
    }

    /// The process dies (whatever it was doing is dropped) and starts again on the same ledger.
    pub fn restart(&mut self) {
        self.digests = None;
        self.open();
    }

    pub async fn tick(&self) -> Tick {
        self.digests().tick().await.unwrap()
    }

    /// A tick that is killed the instant a send stalls; `true` when it finished instead.
    pub async fn tick_or_die(&mut self) -> bool {
        let finished = tokio::select! {
            _ = self.tick() => true,
            _ = self.discord.stalled.notified() => false,
            _ = self.matrix.stalled.notified() => false,
        };
        if !finished {
            self.restart();
        }
        finished
    }

    pub fn set_time(&self, t: DateTime<Utc>) {
        self.clock.set(t);
    }

    pub fn add_briefing(&self, id: &str, tags: &str, summary: &str) {
        write_briefing(self.dir.path(), id, tags, summary);
        self.engine.store().reload();
    }

    pub fn rewrite_config(&self, extra: &str) {
        std::fs::write(config_path(self.dir.path()), config_text(self.dir.path(), extra)).unwrap();
    }

    /// The messages of `target`, on whichever platform it is.
    pub fn messages(&self, target: &str) -> Vec<Message> {
        match Target::parse(target).unwrap().platform() {
            Platform::Discord => self.discord.messages(target),
            Platform::Matrix => self.matrix.messages(target),
        }
    }
}

fn config_path(dir: &Path) -> PathBuf {
    dir.join("attache.toml")
}

fn config_text(dir: &Path, extra: &str) -> String {
    format!(
        "[briefings]\ndir = {:?}\nwatch = false\n\n[data]\ndir = {:?}\n\n{extra}",
        dir.join("briefings"),
        dir.join("data")
    )
}

pub fn write_briefing(dir: &Path, id: &str, tags: &str, summary: &str) {
    let text = format!(
        "+++\nid = \"{id}\"\ntitle = \"Briefing {id}\"\ndate = 2025-03-01\ntags = [{tags}]\nsummary = \"{summary}\"\n+++\n\nBody of {id}.\n"
    );
    std::fs::write(dir.join("briefings").join(format!("{id}.md")), text).unwrap();
}
