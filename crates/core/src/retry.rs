//! One retry policy for every place that tries again: Discord REST calls and gateway reconnects, Matrix
//! sends, syncs and joins, and the scheduler's posts. Each site keeps its own limits (a [`Policy`]); the
//! shape is the same everywhere: exponential backoff from `first`, capped at `cap`, with jitter.
//!
//! Jitter ("equal jitter": a wait is drawn between half and all of the exponential delay) keeps many
//! clients that failed together (every instance after a homeserver restart, every post after a 5xx) from
//! retrying together, while never waiting less than half the intended time. A time the server named
//! (`Retry-After`) is not a backoff and is waited out as given.

use std::time::Duration;

/// Where a retry sequence starts and where it stops growing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Policy {
    pub first: Duration,
    pub cap: Duration,
}

impl Policy {
    pub const fn new(first: Duration, cap: Duration) -> Policy {
        Policy { first, cap }
    }

    /// The exponential delay before retry `attempt` (0 for the first retry), before jitter:
    /// `first · 2^attempt`, at most `cap`.
    pub fn ceiling(&self, attempt: u32) -> Duration {
        let factor = 1u32 << attempt.min(20);
        self.first.saturating_mul(factor).min(self.cap)
    }

    /// The wait before retry `attempt`, jittered between half and all of [`Policy::ceiling`].
    pub fn delay(&self, attempt: u32) -> Duration {
        let ceiling = self.ceiling(attempt);
        let half = ceiling / 2;
        let spread = (ceiling - half).as_nanos() as u64;
        half + Duration::from_nanos(fastrand::u64(0..=spread))
    }

    /// A retry sequence that counts its own attempts.
    pub fn backoff(self) -> Backoff {
        Backoff {
            policy: self,
            attempt: 0,
        }
    }
}

/// The waits of one retry sequence, growing with each [`Backoff::next_delay`] until [`Backoff::reset`].
#[derive(Debug, Clone)]
pub struct Backoff {
    policy: Policy,
    attempt: u32,
}

impl Backoff {
    pub fn next_delay(&mut self) -> Duration {
        let d = self.policy.delay(self.attempt);
        self.attempt = self.attempt.saturating_add(1);
        d
    }

    /// After a success: the next failure starts again from the first delay.
    pub fn reset(&mut self) {
        self.attempt = 0;
    }

    /// Retries so far since the last reset.
    pub fn attempts(&self) -> u32 {
        self.attempt
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delays_double_to_the_cap_within_their_jitter() {
        let policy = Policy::new(Duration::from_secs(1), Duration::from_secs(5));
        let ceilings: Vec<u64> = (0..5).map(|a| policy.ceiling(a).as_secs()).collect();
        assert_eq!(ceilings, [1, 2, 4, 5, 5]);
        let mut b = policy.backoff();
        for attempt in 0..40 {
            let d = b.next_delay();
            let ceiling = policy.ceiling(attempt);
            assert!(d >= ceiling / 2 && d <= ceiling, "{d:?} outside {ceiling:?}");
        }
        b.reset();
        assert!(b.next_delay() <= Duration::from_secs(1));
    }

    /// Regression guard: without jitter, every waiter retries at the same instant.
    #[test]
    fn waits_are_spread() {
        let policy = Policy::new(Duration::from_secs(8), Duration::from_secs(8));
        let waits: std::collections::BTreeSet<Duration> = (0..20).map(|_| policy.delay(0)).collect();
        assert!(waits.len() > 10, "{waits:?}");
    }

    #[test]
    fn huge_attempts_do_not_overflow() {
        let policy = Policy::new(Duration::from_secs(30), Duration::from_secs(900));
        assert_eq!(policy.ceiling(u32::MAX), Duration::from_secs(900));
    }
}
