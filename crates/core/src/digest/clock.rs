//! Time for the scheduler, injectable: the system clock in production, a [`ManualClock`] in tests, so a
//! test can stand at 08:59 in Berlin on the day daylight saving starts and step to 09:00.

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, Utc};
use tokio::sync::watch;

use super::poster::BoxFuture;

/// The longest the system clock sleeps in one go: the wall clock can jump (NTP, a suspended machine), and
/// the scheduler looks again at least this often.
const MAX_SLEEP: Duration = Duration::from_secs(30);

pub trait Clock: Send + Sync + fmt::Debug {
    fn now(&self) -> DateTime<Utc>;

    /// Resolves at `at` or later, or earlier: callers read [`Clock::now`] again and decide.
    fn sleep_until(&self, at: DateTime<Utc>) -> BoxFuture<'_, ()>;
}

/// The machine's clock.
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }

    fn sleep_until(&self, at: DateTime<Utc>) -> BoxFuture<'_, ()> {
        let wait = (at - Utc::now()).to_std().unwrap_or_default().min(MAX_SLEEP);
        Box::pin(tokio::time::sleep(wait))
    }
}

/// Real time shifted to start at a chosen instant: for end-to-end tests of a real process, which can start
/// the bot a minute before a digest is due on a daylight-saving day (see [`from_env`]).
#[derive(Debug, Clone, Copy)]
pub struct ShiftedClock {
    start: DateTime<Utc>,
    started: std::time::Instant,
}

impl ShiftedClock {
    pub fn starting_at(start: DateTime<Utc>) -> ShiftedClock {
        ShiftedClock {
            start,
            started: std::time::Instant::now(),
        }
    }
}

impl Clock for ShiftedClock {
    fn now(&self) -> DateTime<Utc> {
        self.start + chrono::Duration::from_std(self.started.elapsed()).unwrap_or_default()
    }

    fn sleep_until(&self, at: DateTime<Utc>) -> BoxFuture<'_, ()> {
        let wait = (at - self.now()).to_std().unwrap_or_default().min(MAX_SLEEP);
        Box::pin(tokio::time::sleep(wait))
    }
}

/// The environment variable that starts the scheduler's clock at an RFC 3339 instant, for end-to-end tests.
pub const CLOCK_START_ENV: &str = "ATTACHE_CLOCK_START";

/// The system clock, or a [`ShiftedClock`] when [`CLOCK_START_ENV`] is set to a valid instant.
pub fn from_env() -> Arc<dyn Clock> {
    match std::env::var(CLOCK_START_ENV)
        .ok()
        .map(|v| DateTime::parse_from_rfc3339(v.trim()))
    {
        Some(Ok(start)) => {
            tracing::warn!("{CLOCK_START_ENV} is set: the digest clock starts at {start}");
            Arc::new(ShiftedClock::starting_at(start.with_timezone(&Utc)))
        }
        Some(Err(e)) => {
            tracing::warn!("{CLOCK_START_ENV} is not an RFC 3339 time ({e}); using the system clock");
            Arc::new(SystemClock)
        }
        None => Arc::new(SystemClock),
    }
}

/// A clock that moves only when told to; sleepers wake when it passes their time.
#[derive(Debug, Clone)]
pub struct ManualClock {
    now: Arc<watch::Sender<DateTime<Utc>>>,
}

impl ManualClock {
    pub fn new(start: DateTime<Utc>) -> ManualClock {
        ManualClock {
            now: Arc::new(watch::Sender::new(start)),
        }
    }

    /// Moves the clock to `at` (backwards too, as a wall clock can).
    pub fn set(&self, at: DateTime<Utc>) {
        self.now.send_replace(at);
    }

    pub fn advance(&self, by: chrono::Duration) {
        self.now.send_modify(|t| *t += by);
    }
}

impl Clock for ManualClock {
    fn now(&self) -> DateTime<Utc> {
        *self.now.borrow()
    }

    fn sleep_until(&self, at: DateTime<Utc>) -> BoxFuture<'_, ()> {
        let mut now = self.now.subscribe();
        Box::pin(async move {
            // The sender lives as long as `self`, so this only ends when the time comes.
            let _ = now.wait_for(|t| *t >= at).await;
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_shifted_clock_runs_from_its_start() {
        let start = DateTime::from_timestamp(1_700_000_000, 0).unwrap();
        let clock = ShiftedClock::starting_at(start);
        let now = clock.now();
        assert!(now >= start && now < start + chrono::Duration::seconds(5));
    }

    #[tokio::test]
    async fn manual_clock_wakes_sleepers_when_it_passes_their_time() {
        let start = DateTime::from_timestamp(1_700_000_000, 0).unwrap();
        let clock = ManualClock::new(start);
        let sleeper = tokio::spawn({
            let clock = clock.clone();
            async move { clock.sleep_until(start + chrono::Duration::minutes(5)).await }
        });
        clock.advance(chrono::Duration::minutes(4));
        tokio::task::yield_now().await;
        assert!(!sleeper.is_finished());
        clock.advance(chrono::Duration::minutes(1));
        tokio::time::timeout(Duration::from_secs(5), sleeper)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(clock.now(), start + chrono::Duration::minutes(5));
    }
}
