//! The ledger's own thread. Every ledger call (a SQLite transaction synced to disk with
//! `synchronous = FULL`, which can take milliseconds) runs there, never on a tokio worker: async callers
//! await the answer, and a blocking caller (a command already off the async workers) waits for it.
//!
//! Calls run one at a time in the order they were made, so the thread is also what serialises writers
//! within the process (the lock file keeps other processes off). A call whose caller stopped waiting (its
//! task was cancelled) is skipped, as if the process had died before making it; the exactly-once
//! protocol is built for that. Dropping the handle closes the ledger before the drop returns, so a
//! restart in the same process can open the file again at once.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::mpsc;
use std::thread::JoinHandle;

use super::{Ledger, LedgerError, Location};

type Job = Box<dyn FnOnce(&mut Ledger) + Send>;

/// A ledger being opened on its thread: connecting to PostgreSQL, or migrating, takes a while and
/// blocks, so it happens there too.
pub struct Opening {
    thread: LedgerThread,
    opened: mpsc::Receiver<Result<(), LedgerError>>,
}

impl Opening {
    /// Waits for the ledger without blocking an async worker.
    pub async fn ready(self) -> Result<LedgerThread, LedgerError> {
        tokio::task::spawn_blocking(move || self.wait())
            .await
            .map_err(|_| LedgerError::Gone)?
    }

    /// Waits for the ledger, blocking: for callers off the async workers, and tests.
    pub fn wait(self) -> Result<LedgerThread, LedgerError> {
        self.opened.recv().map_err(|_| LedgerError::Gone)??;
        Ok(self.thread)
    }
}

/// The thread that owns the ledger; it ends, closing the ledger, when this is dropped.
#[derive(Debug)]
pub struct LedgerThread {
    jobs: Option<mpsc::Sender<Job>>,
    thread: Option<JoinHandle<()>>,
}

impl LedgerThread {
    /// Moves `ledger` to a thread of its own.
    pub fn spawn(ledger: Ledger) -> LedgerThread {
        LedgerThread::start(move || Ok(ledger)).thread
    }

    /// Opens the ledger at `location` on a thread of its own.
    pub fn open(location: Location) -> Opening {
        LedgerThread::start(move || Ledger::open_at(&location))
    }

    fn start(open: impl FnOnce() -> Result<Ledger, LedgerError> + Send + 'static) -> Opening {
        let (jobs, queue) = mpsc::channel::<Job>();
        let (opened, on_open) = mpsc::channel();
        let thread = std::thread::Builder::new()
            .name("attache-ledger".into())
            .spawn(move || {
                let mut ledger = match open() {
                    Ok(ledger) => {
                        let _ = opened.send(Ok(()));
                        ledger
                    }
                    Err(e) => {
                        let _ = opened.send(Err(e));
                        return;
                    }
                };
                for job in queue {
                    // A panicking call drops its answer (the caller gets `LedgerError::Gone`); the next
                    // call still runs: every call is a transaction of its own, rolled back when cut short.
                    let _ = catch_unwind(AssertUnwindSafe(|| job(&mut ledger)));
                }
            })
            .expect("the ledger thread starts");
        Opening {
            thread: LedgerThread {
                jobs: Some(jobs),
                thread: Some(thread),
            },
            opened: on_open,
        }
    }

    fn send<T: Send + 'static>(
        &self,
        f: impl FnOnce(&mut Ledger) -> Result<T, LedgerError> + Send + 'static,
    ) -> Result<tokio::sync::oneshot::Receiver<Result<T, LedgerError>>, LedgerError> {
        let (answer, receive) = tokio::sync::oneshot::channel();
        let job: Job = Box::new(move |ledger| {
            if !answer.is_closed() {
                let _ = answer.send(f(ledger));
            }
        });
        let jobs = self.jobs.as_ref().ok_or(LedgerError::Gone)?;
        jobs.send(job).map_err(|_| LedgerError::Gone)?;
        Ok(receive)
    }

    /// Runs `f` on the ledger's thread and waits for it without blocking the async worker.
    pub async fn call<T: Send + 'static>(
        &self,
        f: impl FnOnce(&mut Ledger) -> Result<T, LedgerError> + Send + 'static,
    ) -> Result<T, LedgerError> {
        self.send(f)?.await.map_err(|_| LedgerError::Gone)?
    }

    /// Runs `f` on the ledger's thread and blocks until it is done: for callers off the async workers
    /// (commands run there). Called on an async worker it panics rather than stall the runtime.
    pub fn call_blocking<T: Send + 'static>(
        &self,
        f: impl FnOnce(&mut Ledger) -> Result<T, LedgerError> + Send + 'static,
    ) -> Result<T, LedgerError> {
        self.send(f)?.blocking_recv().map_err(|_| LedgerError::Gone)?
    }
}

/// So that whatever keeps state in the ledger can take the thread itself or what owns it.
impl AsRef<LedgerThread> for LedgerThread {
    fn as_ref(&self) -> &LedgerThread {
        self
    }
}

impl Drop for LedgerThread {
    fn drop(&mut self) {
        drop(self.jobs.take());
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn calls_run_in_order_and_survive_a_panicking_one() {
        let thread = std::sync::Arc::new(LedgerThread::spawn(Ledger::in_memory().unwrap()));
        let first = thread
            .call(|l| l.write(|w| w.set_baseline(chrono::Utc::now())))
            .await;
        assert!(first.is_ok());
        let panicked = thread.call::<()>(|_| panic!("a bug inside a ledger call")).await;
        assert!(matches!(panicked, Err(LedgerError::Gone)), "{panicked:?}");
        let after = thread.call(|l| l.baseline()).await.unwrap();
        assert!(after.is_some(), "the ledger keeps serving after a panic");
        let on_worker = tokio::task::spawn_blocking({
            let thread = thread.clone();
            move || thread.call_blocking(|l| l.baseline())
        })
        .await
        .unwrap();
        assert_eq!(on_worker.unwrap(), after);
    }
}

#[cfg(test)]
mod drop_tests {
    use super::*;

    /// Regression guard: a restart in one process (the crash tests) must find the ledger file unlocked.
    #[test]
    fn dropping_closes_the_ledger_at_once() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("ledger.sqlite3");
        let thread = LedgerThread::spawn(Ledger::open(&path).unwrap());
        assert!(matches!(Ledger::open(&path), Err(LedgerError::Locked { .. })));
        drop(thread);
        assert!(Ledger::open(&path).is_ok());
    }
}
