//! Leadership among instances sharing a PostgreSQL ledger: exactly one at a time runs the schedules, the
//! announcements and the Matrix sync.
//!
//! The leader holds a PostgreSQL session advisory lock on a connection of its own. The server releases it
//! when that connection ends, however it ends (the process killed, the network cut), and another instance,
//! trying every second, takes it over. On taking it, an instance raises the leadership epoch in the ledger
//! and claims its sends with that epoch (see [`super::ledger::Claim`]): once a later leader has raised it,
//! a deposed leader that has not noticed yet cannot post. The leader checks its connection every second
//! and steps down as soon as a check fails.
//!
//! With a SQLite ledger there is one process, and it is always the leader ([`Leadership::sole`]).

use std::sync::mpsc::{self, RecvTimeoutError};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

use tokio::sync::watch;

use super::ledger::db::{LOCK_CLASS, postgres_config as config};
use crate::retry::Policy;

/// How often a follower tries to take the lead, and the leader checks it still holds it.
const BEAT: Duration = Duration::from_secs(1);
/// Reconnecting after the connection failed: 0.5 s doubling to 4 s, so a failover stays within seconds.
const RECONNECT: Policy = Policy::new(Duration::from_millis(500), Duration::from_secs(4));
/// The advisory lock key of leadership, in the ledger's lock class.
const LEADER_LOCK: i32 = 3;

/// Where this instance stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Standing {
    /// The only instance (a SQLite ledger): it leads, with nothing to fence.
    Sole,
    /// It leads, under this epoch.
    Leader { epoch: i64 },
    /// Another instance leads (named, when known), or none is known to yet.
    Follower { leader: Option<String> },
}

impl Standing {
    pub fn leads(&self) -> bool {
        matches!(self, Standing::Sole | Standing::Leader { .. })
    }

    /// The epoch to claim the leader's sends with.
    pub fn fence(&self) -> Option<i64> {
        match self {
            Standing::Leader { epoch } => Some(*epoch),
            _ => None,
        }
    }
}

/// This instance's leadership, shared by whatever must run on the leader only.
#[derive(Clone)]
pub struct Leadership {
    instance: Arc<str>,
    standing: watch::Receiver<Standing>,
    elector: Option<Arc<Elector>>,
}

impl std::fmt::Debug for Leadership {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Leadership")
            .field("instance", &self.instance)
            .field("standing", &*self.standing.borrow())
            .finish()
    }
}

/// The thread that holds (or seeks) the lead; stopping it releases the lock at once.
struct Elector {
    stop: Mutex<Option<mpsc::Sender<()>>>,
    thread: Mutex<Option<JoinHandle<()>>>,
}

impl Drop for Elector {
    fn drop(&mut self) {
        drop(self.stop.lock().unwrap_or_else(|e| e.into_inner()).take());
        if let Some(t) = self.thread.lock().unwrap_or_else(|e| e.into_inner()).take() {
            let _ = t.join();
        }
    }
}

/// This process's name among instances: `ATTACHE_INSTANCE` when set, else the host name and process id.
pub fn instance_name() -> String {
    if let Ok(name) = std::env::var("ATTACHE_INSTANCE")
        && !name.trim().is_empty()
    {
        return name.trim().to_string();
    }
    let host = std::fs::read_to_string("/proc/sys/kernel/hostname")
        .or_else(|_| std::env::var("HOSTNAME"))
        .map(|h| h.trim().to_string())
        .ok()
        .filter(|h| !h.is_empty())
        .unwrap_or_else(|| "attache".into());
    format!("{host}:{}", std::process::id())
}

impl Leadership {
    /// The only instance: always the leader.
    pub fn sole(instance: impl Into<Arc<str>>) -> Leadership {
        let (_, standing) = watch::channel(Standing::Sole);
        Leadership {
            instance: instance.into(),
            standing,
            elector: None,
        }
    }

    /// Seeks the lead among the instances on the PostgreSQL database at `url`, on a thread of its own,
    /// until the last clone of this is dropped (or [`Leadership::step_down`]). Starts as a follower.
    pub fn postgres(url: &str, instance: impl Into<Arc<str>>) -> Leadership {
        let instance: Arc<str> = instance.into();
        let (publish, standing) = watch::channel(Standing::Follower { leader: None });
        let (stop, stopped) = mpsc::channel();
        let thread = std::thread::Builder::new()
            .name("attache-leader".into())
            .spawn({
                let (url, instance) = (url.to_string(), instance.clone());
                move || elect(&url, &instance, &publish, &stopped)
            })
            .expect("the leadership thread starts");
        Leadership {
            instance,
            standing,
            elector: Some(Arc::new(Elector {
                stop: Mutex::new(Some(stop)),
                thread: Mutex::new(Some(thread)),
            })),
        }
    }

    pub fn instance(&self) -> &str {
        &self.instance
    }

    pub fn standing(&self) -> Standing {
        self.standing.borrow().clone()
    }

    pub fn leads(&self) -> bool {
        self.standing.borrow().leads()
    }

    /// Follows changes of standing.
    pub fn watch(&self) -> watch::Receiver<Standing> {
        self.standing.clone()
    }

    /// Gives the lead up (if held) and stops seeking it; blocks until the lock is released. For a
    /// clean shutdown, so another instance takes over at once rather than after a missed beat.
    pub fn step_down(&self) {
        if let Some(e) = &self.elector {
            drop(e.stop.lock().unwrap_or_else(|e| e.into_inner()).take());
            if let Some(t) = e.thread.lock().unwrap_or_else(|e| e.into_inner()).take() {
                let _ = t.join();
            }
        }
    }
}

/// The elector's loop: connect, then every beat either try to take the lock or check it is still held;
/// on any failure, step down and connect again.
fn elect(url: &str, instance: &str, publish: &watch::Sender<Standing>, stop: &mpsc::Receiver<()>) {
    let mut backoff = RECONNECT.backoff();
    // `true` when the stop channel says to end.
    let wait = |d: Duration| !matches!(stop.recv_timeout(d), Err(RecvTimeoutError::Timeout));
    loop {
        let connected = config(url)
            .map_err(|e| e.to_string())
            .and_then(|c| c.connect(postgres::NoTls).map_err(|e| e.to_string()));
        let mut client = match connected {
            Ok(c) => c,
            Err(e) => {
                publish.send_replace(Standing::Follower { leader: None });
                tracing::warn!("leadership: cannot reach PostgreSQL: {e}");
                if wait(backoff.next_delay()) {
                    return;
                }
                continue;
            }
        };
        backoff.reset();
        loop {
            let held = publish.borrow().leads();
            let beat = if held {
                client.simple_query("SELECT 1").map(|_| None)
            } else {
                seek(&mut client, instance).map(Some)
            };
            match beat {
                Ok(None) => {}
                Ok(Some(standing)) => {
                    if standing != *publish.borrow() {
                        match &standing {
                            Standing::Leader { epoch } => {
                                tracing::info!(instance, epoch, "leadership: this instance leads")
                            }
                            Standing::Follower { leader } => {
                                tracing::info!(
                                    instance,
                                    leader = leader.as_deref().unwrap_or("?"),
                                    "leadership: following"
                                )
                            }
                            Standing::Sole => {}
                        }
                    }
                    publish.send_replace(standing);
                }
                Err(e) => {
                    if held {
                        tracing::warn!(
                            instance,
                            "leadership: lost the connection that holds the lead, stepping down: {e}"
                        );
                    } else {
                        tracing::warn!(instance, "leadership: {e}");
                    }
                    publish.send_replace(Standing::Follower { leader: None });
                    break;
                }
            }
            if wait(BEAT) {
                // Dropping the client ends the session: the server releases the lock at once.
                publish.send_replace(Standing::Follower { leader: None });
                return;
            }
        }
        drop(client);
        if wait(backoff.next_delay()) {
            return;
        }
    }
}

/// Tries to take the lead: on success raises the epoch and names this instance as the leader.
fn seek(client: &mut postgres::Client, instance: &str) -> Result<Standing, postgres::Error> {
    let got: bool = client
        .query_one(
            "SELECT pg_try_advisory_lock($1, $2)",
            &[&LOCK_CLASS, &LEADER_LOCK],
        )?
        .get(0);
    if !got {
        let leader = client
            .query_opt("SELECT value FROM meta WHERE key = 'leader'", &[])?
            .map(|r| r.get::<_, String>(0));
        return Ok(Standing::Follower { leader });
    }
    let mut tx = client.transaction()?;
    let epoch: String = tx
        .query_one(
            "INSERT INTO meta (key, value) VALUES ('epoch', '1')
             ON CONFLICT (key) DO UPDATE SET value = CAST(CAST(meta.value AS BIGINT) + 1 AS TEXT)
             RETURNING value",
            &[],
        )?
        .get(0);
    tx.execute(
        "INSERT INTO meta (key, value) VALUES ('leader', $1)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        &[&instance],
    )?;
    tx.commit()?;
    Ok(Standing::Leader {
        epoch: epoch.parse().unwrap_or_default(),
    })
}

#[cfg(test)]
mod tests {
    use std::time::Instant;

    use super::*;
    use crate::digest::ledger::Ledger;

    async fn until(l: &Leadership, what: &str, pred: impl Fn(&Standing) -> bool) -> Standing {
        let mut w = l.watch();
        match tokio::time::timeout(Duration::from_secs(20), w.wait_for(|s| pred(s))).await {
            Ok(Ok(s)) => s.clone(),
            _ => panic!("{} never {what}; it stands {:?}", l.instance(), l.standing()),
        }
    }

    /// Two instances: one leads, the other names it; the leader's connection is cut and the other takes
    /// over within seconds under a higher epoch; the first, back, follows; a clean step-down hands over.
    #[tokio::test]
    async fn one_leads_and_another_takes_over_when_its_connection_dies() {
        let pg = pg_harness::postgres();
        let url = pg.fresh_database();
        let database = url.rsplit('/').next().unwrap().to_string();
        tokio::task::spawn_blocking({
            let url = url.clone();
            move || Ledger::connect(&url, "test").map(drop)
        })
        .await
        .unwrap()
        .unwrap();
        let a = Leadership::postgres(&format!("{url}?application_name=elector-a"), "a");
        let first = until(&a, "led", Standing::leads).await;
        let b = Leadership::postgres(&format!("{url}?application_name=elector-b"), "b");
        until(&b, "named a as the leader", |s| {
            *s == Standing::Follower {
                leader: Some("a".into()),
            }
        })
        .await;
        assert!(a.leads() && !b.leads());

        let cut = Instant::now();
        assert_eq!(pg.terminate(&database, "elector-a"), 1);
        let second = until(&b, "took over", Standing::leads).await;
        let took = cut.elapsed();
        assert!(second.fence() > first.fence(), "{second:?} after {first:?}");
        // The deposed one notices, reconnects and follows the new leader.
        until(&a, "followed b", |s| {
            *s == Standing::Follower {
                leader: Some("b".into()),
            }
        })
        .await;
        eprintln!("failover after a cut connection: {took:?}");
        assert!(took < Duration::from_secs(10), "took {took:?}");

        let handed = Instant::now();
        let stepping = b.clone();
        tokio::task::spawn_blocking(move || stepping.step_down())
            .await
            .unwrap();
        let third = until(&a, "took over again", Standing::leads).await;
        assert!(third.fence() > second.fence());
        eprintln!("handover on a clean stop: {:?}", handed.elapsed());
    }
}
