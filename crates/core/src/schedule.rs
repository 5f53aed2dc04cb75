//! When a scheduled digest runs: a cron expression read in an IANA time zone, and which runs are due now.
//!
//! Pure: no clock, no I/O. A run is identified by its *slot*, the instant (UTC) the schedule names; the
//! ledger records slots, so the same run is never posted twice however often this is asked.
//!
//! Daylight saving follows croner's reading of the Open Cron Pattern Specification:
//! - A fixed-time run (one minute, one hour, such as `30 2 * * *`) whose local time does not exist on a
//!   spring-forward day runs once, at the first valid local time after the gap (03:00 in New York).
//! - On a fall-back day the repeated local hour happens twice; a fixed-time run fires once, at the first
//!   of the two instants.
//! - An interval run (`*/30 * * * *`, `0 * * * *`) fires at every instant whose local time matches: none
//!   inside a gap (those times never happen), both instants in a repeated hour (they are distinct times).

use std::fmt;

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use croner::Cron;
use croner::parser::{CronParser, Seconds};

/// A run reached this late (after its slot) still counts as on time, even with `catch_up = 0`: the bot
/// wakes at the slot, but taking a lock or a busy machine can make it a little late.
pub const ON_TIME: chrono::Duration = chrono::Duration::seconds(60);

/// At most this many missed slots are walked one by one; past that the count is reported as a lower bound
/// (an every-minute digest down for a year need not be counted exactly).
const COUNT_CAP: usize = 10_000;

/// A parsed schedule in its zone.
#[derive(Clone)]
pub struct Schedule {
    expr: String,
    zone: Tz,
    cron: Cron,
}

impl PartialEq for Schedule {
    fn eq(&self, other: &Schedule) -> bool {
        self.expr == other.expr && self.zone == other.zone
    }
}

impl fmt::Debug for Schedule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Schedule({:?} in {})", self.expr, self.zone.name())
    }
}

impl Schedule {
    /// Parses a five-field cron expression (minute, hour, day of month, month, day of week; names such as
    /// `MON` and `JAN` allowed). The error is the parser's reason, for the config error to quote.
    pub fn parse(expr: &str, zone: Tz) -> Result<Schedule, String> {
        let parser = CronParser::builder().seconds(Seconds::Disallowed).build();
        let cron = parser.parse(expr).map_err(|e| {
            use croner::errors::CronError;
            let why = match e {
                CronError::InvalidPattern(m)
                | CronError::IllegalCharacters(m)
                | CronError::ComponentError(m) => m,
                other => other.to_string(),
            };
            let why = why.trim_end_matches('.').replace("CronPattern", "the expression");
            match why.strip_prefix("Pattern") {
                Some(rest) => format!("the expression{rest}"),
                None => why,
            }
        })?;
        let schedule = Schedule {
            expr: expr.trim().to_string(),
            zone,
            cron,
        };
        // `0 0 30 2 *` parses but never fires: say so now rather than never posting.
        let from = DateTime::from_timestamp(1_735_689_600, 0).expect("2025-01-01 is a valid instant");
        if schedule.next_after(from).is_none() {
            return Err("the expression never matches a date (such as 30 February)".into());
        }
        Ok(schedule)
    }

    pub fn expr(&self) -> &str {
        &self.expr
    }

    pub fn zone(&self) -> Tz {
        self.zone
    }

    /// The first slot strictly after `after`.
    pub fn next_after(&self, after: DateTime<Utc>) -> Option<DateTime<Utc>> {
        let local = after.with_timezone(&self.zone);
        self.cron
            .find_next_occurrence(&local, false)
            .ok()
            .map(|t| t.with_timezone(&Utc))
    }

    /// The last slot strictly before `before`.
    fn prev_before(&self, before: DateTime<Utc>) -> Option<DateTime<Utc>> {
        let local = before.with_timezone(&self.zone);
        self.cron
            .find_previous_occurrence(&local, false)
            .ok()
            .map(|t| t.with_timezone(&Utc))
    }

    /// The slots in `(after, until]`, in order, at most `max` of them.
    pub fn slots(&self, after: DateTime<Utc>, until: DateTime<Utc>, max: usize) -> Vec<DateTime<Utc>> {
        let mut out = Vec::new();
        let mut at = after;
        while out.len() < max {
            match self.next_after(at) {
                Some(next) if next <= until => {
                    out.push(next);
                    at = next;
                }
                _ => break,
            }
        }
        out
    }

    /// Which runs are due at `now`, given that every slot up to `after` has been dealt with (the last run
    /// recorded, or when this schedule was first seen) and how late a run may still be posted.
    ///
    /// The latest slot within `catch_up` (plus [`ON_TIME`]) of `now` is the run to post. Every other slot
    /// in `(after, now]` is missed: older ones are outside the window, and earlier ones inside it are
    /// superseded by the later run, so a digest that fell behind catches up with one post, not several.
    pub fn due(&self, after: DateTime<Utc>, now: DateTime<Utc>, catch_up: chrono::Duration) -> Due {
        let window_start = now - catch_up - ON_TIME;
        let mut due = Due::default();
        let mut at = after;
        let mut walked = 0;
        while let Some(slot) = self.next_after(at).filter(|s| *s <= now) {
            walked += 1;
            if slot >= window_start {
                if let Some(superseded) = due.run.replace(slot) {
                    due.miss(superseded);
                }
            } else {
                due.miss(slot);
            }
            at = slot;
            if walked == COUNT_CAP
                && slot < window_start
                && let Some(last) = self.prev_before(window_start).filter(|l| *l > slot)
            {
                // Jump to the last slot before the window; the count becomes a lower bound.
                due.miss(last);
                due.missed.as_mut().expect("a slot was missed").capped = true;
                at = last;
            }
        }
        due
    }
}

/// What [`Schedule::due`] found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Due {
    /// The slot to post now.
    pub run: Option<DateTime<Utc>>,
    /// Slots that will not be posted.
    pub missed: Option<Missed>,
}

impl Due {
    fn miss(&mut self, slot: DateTime<Utc>) {
        let m = self.missed.get_or_insert(Missed {
            first: slot,
            last: slot,
            count: 0,
            capped: false,
        });
        m.first = m.first.min(slot);
        m.last = m.last.max(slot);
        m.count += 1;
    }
}

/// A span of slots that were not posted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Missed {
    pub first: DateTime<Utc>,
    pub last: DateTime<Utc>,
    pub count: usize,
    /// `count` is a lower bound: too many slots to walk one by one.
    pub capped: bool,
}

#[cfg(test)]
mod tests;
