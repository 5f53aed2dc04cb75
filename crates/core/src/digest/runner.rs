//! The scheduler: [`Digests`] holds the ledger, the posters the adapters registered and the clock; [`run`]
//! ticks it until shutdown.
//!
//! The scheduler holds the store and a watch of the running config, never the engine. Each tick reads the
//! current config and snapshot once, so a reload is seen whole or not at all: a new schedule applies from
//! the next tick, and a rejected config never reaches the scheduler (the engine keeps the running one). A
//! change to either wakes it. A tick plans (and records) first and sends after, from the ledger.

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex, RwLock, Weak};

use chrono::{DateTime, Utc};
use tokio::sync::{Notify, watch};
use tokio_util::sync::CancellationToken;
use tokio_util::task::TaskTracker;

use crate::config::Config;
use crate::store::{Snapshot, Store};

use super::clock::Clock;
use super::content::{self, PostKind};
use super::leader::{Leadership, Standing};
use super::ledger::{self, Intent, LedgerError, LedgerThread, Location, Run};
use super::plan;
use super::poster::{FailureReason, PostFailure, PostKey, PostedId, Poster};
use super::send::{self, Sent};
use crate::target::{Platform, Target};

/// Without anything scheduled sooner, the scheduler looks this often for new or corrected briefings and
/// posts due for a retry.
const POLL: chrono::Duration = chrono::Duration::seconds(5);
/// A manual post is retried for this long before it is given up.
const MANUAL_WINDOW: chrono::Duration = chrono::Duration::hours(1);
/// How long a claim on a post lasts: past it, another instance may take a post over whose sender died.
/// Longer than [`SEND_TIMEOUT`], so a live sender always finishes (or gives up) inside its lease.
pub const LEASE: chrono::Duration = chrono::Duration::seconds(30);
/// With a shared ledger, a platform call of a send (a post, a lookup) that has not answered by then is
/// given up and retried later, so it never outlives the lease.
pub const SEND_TIMEOUT: chrono::Duration = chrono::Duration::seconds(20);

/// The digest service: shared by the scheduler task, the engine (for `digest status`) and the adapters
/// (which register their posters and post manual digests through it).
pub struct Digests {
    /// Every ledger call runs on the ledger's own thread.
    pub(super) ledger: LedgerThread,
    /// Whether this instance leads, and the epoch its sends are fenced with.
    leadership: Leadership,
    // std locks: each is held for one map access, never across an `.await`.
    posters: RwLock<HashMap<Platform, Arc<dyn Poster>>>,
    clock: Arc<dyn Clock>,
    store: Arc<Store>,
    config: watch::Receiver<Arc<Config>>,
    state: Mutex<State>,
    /// Posts being sent right now by this process, so the scheduler and a moderator's `digest` never send
    /// one twice (across instances, the ledger's claims do that).
    sending: Mutex<HashSet<PostKey>>,
    // A tokio lock: held for a whole tick, across the posters' awaits, so two ticks never interleave.
    ticking: tokio::sync::Mutex<()>,
    wake: Notify,
}

/// A post claimed for sending within this process; see [`Digests::sending`].
pub(super) struct Sending<'a> {
    digests: &'a Digests,
    key: PostKey,
}

impl Drop for Sending<'_> {
    fn drop(&mut self) {
        let mut sending = self.digests.sending.lock().unwrap_or_else(|e| e.into_inner());
        sending.remove(&self.key);
    }
}

#[derive(Default)]
struct State {
    /// The snapshot the last rescan looked at; a different one means briefings changed.
    scanned: Option<Weak<Snapshot>>,
    /// When edits that failed for a while are to be tried again.
    rescan_at: Option<DateTime<Utc>>,
}

impl std::fmt::Debug for Digests {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Digests")
            .field("ledger", &self.ledger)
            .field("platforms", &self.platforms())
            .finish_non_exhaustive()
    }
}

/// What one tick did, for logs and tests.
#[derive(Debug, Default)]
pub struct Tick {
    pub runs: Vec<Run>,
    pub intended: usize,
    pub sent: Vec<(Intent, Sent)>,
    /// Briefings found corrected, whose posts were looked at for edits.
    pub corrected: Vec<String>,
}

/// The ledger's thread, for what else keeps state in the ledger (the paging state of lists).
impl AsRef<LedgerThread> for Digests {
    fn as_ref(&self) -> &LedgerThread {
        &self.ledger
    }
}

impl Digests {
    /// A scheduler over `ledger` that reads briefings from `store` and schedules from `config`, ticking
    /// while `leadership` says this instance leads.
    pub fn new(
        ledger: LedgerThread,
        clock: Arc<dyn Clock>,
        store: Arc<Store>,
        config: watch::Receiver<Arc<Config>>,
        leadership: Leadership,
    ) -> Arc<Digests> {
        Arc::new(Digests {
            ledger,
            leadership,
            posters: RwLock::new(HashMap::new()),
            clock,
            store,
            config,
            state: Mutex::new(State::default()),
            sending: Mutex::new(HashSet::new()),
            ticking: tokio::sync::Mutex::new(()),
            wake: Notify::new(),
        })
    }

    pub fn clock(&self) -> &dyn Clock {
        self.clock.as_ref()
    }

    pub fn leadership(&self) -> &Leadership {
        &self.leadership
    }

    /// Whether other instances share the ledger (a send must then be claimed before it begins, and may
    /// not outlive its lease).
    pub fn shared(&self) -> bool {
        self.leadership.standing() != Standing::Sole
    }

    /// A claim on a post for a send beginning now, fenced with the leadership epoch when `fenced` (the
    /// leader's own sends).
    pub(super) fn lease(&self, fenced: bool) -> ledger::Claim {
        ledger::Claim {
            holder: self.leadership.instance().to_string(),
            until: self.clock.now() + LEASE,
            fence: match self.leadership.standing() {
                _ if !fenced => None,
                Standing::Sole => None,
                Standing::Leader { epoch } => Some(epoch),
                // Epochs start at 1: a follower's fenced claim always fails.
                Standing::Follower { .. } => Some(0),
            },
        }
    }

    /// Registers the poster of a platform (the adapter calls this once connected; again to replace it).
    pub fn add_poster(&self, poster: Arc<dyn Poster>) {
        let platform = poster.platform();
        self.posters
            .write()
            .unwrap_or_else(|e| e.into_inner())
            .insert(platform, poster);
        self.wake();
    }

    /// Removes a platform's poster (its adapter stopped); its posts wait until one is registered again.
    pub fn remove_poster(&self, platform: Platform) {
        self.posters
            .write()
            .unwrap_or_else(|e| e.into_inner())
            .remove(&platform);
    }

    pub fn poster(&self, platform: Platform) -> Option<Arc<dyn Poster>> {
        self.posters
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .get(&platform)
            .cloned()
    }

    pub fn platforms(&self) -> Vec<Platform> {
        let mut p: Vec<Platform> = self
            .posters
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .keys()
            .copied()
            .collect();
        p.sort();
        p
    }

    /// Asks the scheduler to look now (after a reload, or a poster was registered) rather than at its next
    /// poll.
    pub fn wake(&self) {
        self.wake.notify_one();
    }

    /// One pass: plans and records what is due, edits posts of corrected briefings, sends what waits.
    /// The scheduler calls this in a loop; tests call it directly.
    pub async fn tick(&self) -> Result<Tick, LedgerError> {
        let _one_at_a_time = self.ticking.lock().await;
        let now = self.clock.now();
        // One config and one snapshot for the whole pass: a reload is seen whole or not at all.
        let config = self.config();
        let snapshot = self.store.snapshot();
        let rescan = {
            let state = self.state.lock().unwrap_or_else(|e| e.into_inner());
            let unchanged = state
                .scanned
                .as_ref()
                .and_then(Weak::upgrade)
                .is_some_and(|s| Arc::ptr_eq(&s, &snapshot));
            !unchanged || state.rescan_at.is_some_and(|t| t <= now)
        };
        let plan = self
            .ledger
            .call({
                let (config, snapshot) = (config.clone(), snapshot.clone());
                move |l| plan::plan(l, &config, &snapshot, now, rescan)
            })
            .await?;
        let mut tick = Tick {
            runs: plan.runs,
            intended: plan.intended,
            corrected: plan.changed.iter().map(|(id, _)| id.clone()).collect(),
            ..Tick::default()
        };
        if rescan {
            let done = send::edits(self, &snapshot, &plan.changed).await?;
            let mut state = self.state.lock().unwrap_or_else(|e| e.into_inner());
            state.scanned = Some(Arc::downgrade(&snapshot));
            state.rescan_at = (!done).then(|| now + send::backoff(2));
        }
        tick.sent = send::pending(self, &snapshot)
            .await?
            .into_iter()
            .map(|(post, sent)| (post.intent, sent))
            .collect();
        Ok(tick)
    }

    /// When the scheduler should look next: the next run of any digest, or the poll interval.
    pub fn next_wake(&self) -> DateTime<Utc> {
        let now = self.clock.now();
        self.config()
            .digests
            .iter()
            .filter_map(|d| d.schedule.next_after(now))
            .fold(now + POLL, DateTime::min)
    }

    /// Posts a moderator's `digest` of `briefing` to `target` now, through the ledger, so it is sent once
    /// and edited when the briefing is corrected. `request` is the platform's id of the command (an
    /// interaction id, an event id): the same command delivered twice posts once.
    pub async fn post_now(
        &self,
        target: &Target,
        briefing: &str,
        request: &str,
    ) -> Result<PostedId, PostFailure> {
        let internal = |e: LedgerError| {
            tracing::error!("digest ledger: {e}");
            PostFailure::permanent(FailureReason::Other, "the ledger could not record the post")
        };
        let snapshot = self.store.snapshot();
        let Some(b) = snapshot.get(briefing) else {
            return Err(PostFailure::permanent(
                FailureReason::BriefingGone,
                format!("no briefing `{briefing}`"),
            ));
        };
        let now = self.clock.now();
        let intent = Intent {
            key: content::manual_key(request, target, briefing),
            kind: PostKind::Manual,
            name: String::new(),
            slot: request.to_string(),
            target: target.to_string(),
            briefing: briefing.to_string(),
            version: content::version(&PostKind::Manual.content(b, &snapshot, &self.config())),
            deadline: now + MANUAL_WINDOW,
        };
        self.ledger
            .call({
                let intent = intent.clone();
                move |l| l.write(|w| w.intend(&intent, now))
            })
            .await
            .map_err(internal)?;
        match send::one(self, &snapshot, &intent.key, false)
            .await
            .map_err(internal)?
        {
            Sent::Posted(id) => Ok(id),
            Sent::Retry(f) | Sent::Failed(f) => Err(f),
            Sent::Busy => Err(PostFailure::later(
                FailureReason::Other,
                "it is being posted right now",
            )),
        }
    }

    /// The running config, as last seen by the watch.
    pub fn config(&self) -> Arc<Config> {
        self.config.borrow().clone()
    }

    /// Claims `key` for sending within this process until the returned guard drops (also when a send is
    /// cut short).
    pub(super) fn sending(&self, key: &PostKey) -> Option<Sending<'_>> {
        let mut sending = self.sending.lock().unwrap_or_else(|e| e.into_inner());
        sending.insert(key.clone()).then(|| Sending {
            digests: self,
            key: key.clone(),
        })
    }
}

/// Ticks `digests` until `shutdown`, while this instance leads: at the next scheduled run or poll, when
/// the config or the briefings change, or when woken. A send cut short by shutdown is like one cut short by
/// a crash: the next start (or the next leader) finds it by key or sends it.
pub async fn run(digests: Arc<Digests>, shutdown: CancellationToken) {
    let mut config = digests.config.clone();
    let mut briefings = digests.store.watch();
    let mut standing = digests.leadership.watch();
    let mut passes: u64 = 0;
    loop {
        if !standing.borrow_and_update().leads() {
            tokio::select! {
                _ = shutdown.cancelled() => return,
                changed = standing.changed() => if changed.is_err() { return },
            }
            continue;
        }
        // Marked seen before the tick reads them, so a change during the tick wakes the next one.
        config.borrow_and_update();
        briefings.borrow_and_update();
        tokio::select! {
            _ = shutdown.cancelled() => return,
            result = digests.tick() => match result {
                Ok(tick) => {
                    for run in &tick.runs {
                        tracing::info!(digest = %run.digest, slot = %run.slot, outcome = ?run.outcome, "{}", run.detail);
                    }
                }
                // A full disk or a broken file: say so, and try again at the next wake.
                Err(e) => tracing::error!("digests: {e}"),
            },
        }
        passes += 1;
        // Tests wait for this line to know the scheduler has looked again.
        tracing::debug!(passes, "scheduler pass done");
        let wake = digests.next_wake();
        tokio::select! {
            _ = shutdown.cancelled() => return,
            _ = digests.clock.sleep_until(wake) => {}
            _ = digests.wake.notified() => {}
            Ok(()) = config.changed() => {}
            Ok(()) = briefings.changed() => {}
            Ok(()) = standing.changed() => {}
        }
    }
}

/// Opens the ledger the config names (SQLite, or PostgreSQL with `data.database_url_env`; the URL read
/// through `env`) and starts the scheduler over `store` and `config` as a tracked task, on the system
/// clock (or the one [`super::clock::CLOCK_START_ENV`] sets). With PostgreSQL this instance seeks the lead,
/// and the scheduler ticks only while it holds it. The engine calls this once; adapters then
/// [`Digests::add_poster`].
pub async fn start(
    store: Arc<Store>,
    config: watch::Receiver<Arc<Config>>,
    env: impl Fn(&str) -> Option<String>,
    tracker: &TaskTracker,
    shutdown: CancellationToken,
) -> Result<Arc<Digests>, LedgerError> {
    let location = Location::from_config(&config.borrow(), env)?;
    let ledger = LedgerThread::open(location.clone()).ready().await?;
    // Seeking the lead starts once the ledger is migrated: it writes the epoch into the ledger's tables.
    let instance = super::leader::instance_name();
    let leadership = match &location {
        Location::Postgres { url, .. } => Leadership::postgres(url, instance),
        Location::Sqlite(_) => Leadership::sole(instance),
    };
    let digests = Digests::new(
        ledger,
        super::clock::from_env(),
        store,
        config,
        leadership.clone(),
    );
    tracker.spawn(run(digests.clone(), shutdown.clone()));
    // On shutdown the lead is given up at once, so another instance takes over without waiting a beat.
    tracker.spawn(async move {
        shutdown.cancelled().await;
        let _ = tokio::task::spawn_blocking(move || leadership.step_down()).await;
    });
    Ok(digests)
}
