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

/// Resolves once `clock` reads `at` or later.
pub async fn reached(clock: &dyn Clock, at: DateTime<Utc>) {
    while clock.now() < at {
        clock.sleep_until(at).await;
    }
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

/// Real time shifted to start at a chosen instant, and optionally run faster: for end-to-end tests of real
/// processes, which can start the bot a minute before a digest is due on a daylight-saving day, or run
/// several instances through many minutely digests in seconds (see [`from_env`]). Instances given the
/// same start, anchor and rate read the same time.
#[derive(Debug, Clone, Copy)]
pub struct ShiftedClock {
    start: DateTime<Utc>,
    /// The real instant at which this clock reads `start`.
    anchor: DateTime<Utc>,
    /// How many seconds of this clock pass per real second.
    rate: u32,
}

impl ShiftedClock {
    pub fn starting_at(start: DateTime<Utc>) -> ShiftedClock {
        ShiftedClock::anchored(start, Utc::now(), 1)
    }

    /// Reads `start` at the real instant `anchor`, and runs `rate` times as fast as real time.
    pub fn anchored(start: DateTime<Utc>, anchor: DateTime<Utc>, rate: u32) -> ShiftedClock {
        ShiftedClock {
            start,
            anchor,
            rate: rate.max(1),
        }
    }
}

impl Clock for ShiftedClock {
    fn now(&self) -> DateTime<Utc> {
        self.start + (Utc::now() - self.anchor) * self.rate as i32
    }

    fn sleep_until(&self, at: DateTime<Utc>) -> BoxFuture<'_, ()> {
        let wait = (at - self.now()).to_std().unwrap_or_default() / self.rate;
        Box::pin(tokio::time::sleep(wait.min(MAX_SLEEP)))
    }
}

/// The environment variable that starts the scheduler's clock at an RFC 3339 instant, for end-to-end tests.
pub const CLOCK_START_ENV: &str = "ATTACHE_CLOCK_START";
/// With [`CLOCK_START_ENV`]: the real instant (RFC 3339) at which the clock reads that start, so several
/// processes agree (default: when the process starts).
pub const CLOCK_ANCHOR_ENV: &str = "ATTACHE_CLOCK_ANCHOR";
/// With [`CLOCK_START_ENV`]: how many times as fast as real time the clock runs (default 1).
pub const CLOCK_RATE_ENV: &str = "ATTACHE_CLOCK_RATE";

/// The system clock, or a [`ShiftedClock`] when [`CLOCK_START_ENV`] is set to a valid instant.
pub fn from_env() -> Arc<dyn Clock> {
    match std::env::var(CLOCK_START_ENV)
        .ok()
        .map(|v| DateTime::parse_from_rfc3339(v.trim()))
    {
        Some(Ok(start)) => {
            let anchor = std::env::var(CLOCK_ANCHOR_ENV)
                .ok()
                .and_then(|v| DateTime::parse_from_rfc3339(v.trim()).ok())
                .map_or_else(Utc::now, |a| a.with_timezone(&Utc));
            let rate = std::env::var(CLOCK_RATE_ENV)
                .ok()
                .and_then(|v| v.trim().parse().ok())
                .unwrap_or(1);
            tracing::warn!(
                "{CLOCK_START_ENV} is set: the digest clock starts at {start} and runs {rate}× real time"
            );
            Arc::new(ShiftedClock::anchored(start.with_timezone(&Utc), anchor, rate))
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
        // Anchored a minute ago at ten times real time: ten minutes on.
        let fast = ShiftedClock::anchored(start, Utc::now() - chrono::Duration::minutes(1), 10);
        let ahead = fast.now() - start;
        assert!(
            ahead >= chrono::Duration::minutes(10) && ahead < chrono::Duration::minutes(11),
            "{ahead}"
        );
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
