//! Schedules across daylight saving in New York and Berlin, and due, late and missed runs.

use super::*;

use chrono::TimeZone;
use chrono_tz::America::New_York;
use chrono_tz::Europe::Berlin;

fn utc(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

fn in_zone(zone: Tz, t: DateTime<Utc>) -> String {
    t.with_timezone(&zone).format("%Y-%m-%d %H:%M %Z").to_string()
}

/// The local times of the slots in `[from, until)`.
fn local_slots(expr: &str, zone: Tz, from: &str, until: &str) -> Vec<String> {
    let s = Schedule::parse(expr, zone).unwrap();
    s.slots(utc(from) - chrono::Duration::seconds(1), utc(until), 100)
        .into_iter()
        .map(|t| in_zone(zone, t))
        .collect()
}

#[test]
fn weekly_digest_keeps_its_local_hour_across_daylight_saving() {
    // Berlin moves to summer time on 30 March 2025: 09:00 local is 08:00Z before, 07:00Z after.
    let s = Schedule::parse("0 9 * * MON", Berlin).unwrap();
    let got = s.slots(utc("2025-03-20T00:00:00Z"), utc("2025-04-08T00:00:00Z"), 10);
    assert_eq!(
        got,
        [
            utc("2025-03-24T08:00:00Z"),
            utc("2025-03-31T07:00:00Z"),
            utc("2025-04-07T07:00:00Z")
        ]
    );
}

#[test]
fn a_run_inside_the_spring_forward_gap_fires_once_right_after_it() {
    // New York, 9 March 2025: 02:00 EST jumps to 03:00 EDT, so 02:30 does not exist that day.
    assert_eq!(
        local_slots(
            "30 2 * * *",
            New_York,
            "2025-03-08T00:00:00Z",
            "2025-03-11T12:00:00Z"
        ),
        [
            "2025-03-08 02:30 EST",
            "2025-03-09 03:00 EDT",
            "2025-03-10 02:30 EDT",
            "2025-03-11 02:30 EDT"
        ]
    );
    // Berlin, 30 March 2025: 02:00 CET jumps to 03:00 CEST.
    assert_eq!(
        local_slots(
            "15 2 * * *",
            Berlin,
            "2025-03-29T00:00:00Z",
            "2025-03-31T12:00:00Z"
        ),
        [
            "2025-03-29 02:15 CET",
            "2025-03-30 03:00 CEST",
            "2025-03-31 02:15 CEST"
        ]
    );
}

#[test]
fn a_run_in_the_repeated_fall_back_hour_fires_once() {
    // New York, 2 November 2025: 01:00-02:00 happens twice (EDT, then EST).
    assert_eq!(
        local_slots(
            "30 1 * * *",
            New_York,
            "2025-11-01T00:00:00Z",
            "2025-11-04T00:00:00Z"
        ),
        [
            "2025-11-01 01:30 EDT",
            "2025-11-02 01:30 EDT",
            "2025-11-03 01:30 EST"
        ]
    );
    // Berlin, 26 October 2025: 02:00-03:00 happens twice (CEST, then CET).
    assert_eq!(
        local_slots(
            "30 2 * * *",
            Berlin,
            "2025-10-25T00:00:00Z",
            "2025-10-28T00:00:00Z"
        ),
        [
            "2025-10-25 02:30 CEST",
            "2025-10-26 02:30 CEST",
            "2025-10-27 02:30 CET"
        ]
    );
}

#[test]
fn interval_runs_follow_real_time_through_gaps_and_repeats() {
    assert_eq!(
        local_slots(
            "*/30 * * * *",
            New_York,
            "2025-03-09T06:00:00Z",
            "2025-03-09T07:31:00Z"
        ),
        [
            "2025-03-09 01:00 EST",
            "2025-03-09 01:30 EST",
            "2025-03-09 03:00 EDT",
            "2025-03-09 03:30 EDT"
        ]
    );
    assert_eq!(
        local_slots(
            "*/30 * * * *",
            New_York,
            "2025-11-02T05:00:00Z",
            "2025-11-02T07:01:00Z"
        ),
        [
            "2025-11-02 01:00 EDT",
            "2025-11-02 01:30 EDT",
            "2025-11-02 01:00 EST",
            "2025-11-02 01:30 EST",
            "2025-11-02 02:00 EST"
        ]
    );
}

/// Over two years of every hour and minute in both zones, slots strictly increase and a fixed-time
/// schedule fires exactly once per local day.
#[test]
fn fixed_time_runs_fire_once_a_day_through_every_transition() {
    for zone in [New_York, Berlin] {
        for (hour, minute) in [(0, 0), (1, 30), (2, 0), (2, 30), (3, 0), (23, 59)] {
            let s = Schedule::parse(&format!("{minute} {hour} * * *"), zone).unwrap();
            let slots = s.slots(utc("2024-01-01T00:00:00Z"), utc("2026-01-01T00:00:00Z"), 1000);
            let days: Vec<_> = slots
                .iter()
                .map(|t| t.with_timezone(&zone).date_naive())
                .collect();
            assert!(slots.windows(2).all(|w| w[0] < w[1]));
            assert!(
                days.windows(2).all(|w| w[1] == w[0].succ_opt().unwrap()),
                "{zone} {hour}:{minute}: a local day fired twice or not at all"
            );
            assert!((729..=731).contains(&slots.len()), "{}", slots.len());
        }
    }
}

#[test]
fn bad_expressions_say_why() {
    let e = Schedule::parse("0 9 * *", Berlin).unwrap_err();
    assert!(!e.is_empty());
    assert!(Schedule::parse("61 9 * * *", Berlin).is_err());
    assert!(Schedule::parse("0 9 * * FUNDAY", Berlin).is_err());
    // Seconds are not part of a digest schedule.
    assert!(Schedule::parse("0 0 9 * * MON", Berlin).is_err());
    let e = Schedule::parse("0 0 30 2 *", Berlin).unwrap_err();
    assert!(e.contains("never"), "{e}");
}

fn weekly() -> Schedule {
    Schedule::parse("0 9 * * MON", New_York).unwrap()
}

#[test]
fn a_run_is_due_at_its_slot_and_then_never_again() {
    let s = weekly();
    let slot = New_York
        .with_ymd_and_hms(2025, 3, 24, 9, 0, 0)
        .unwrap()
        .with_timezone(&Utc);
    let last = New_York
        .with_ymd_and_hms(2025, 3, 17, 9, 0, 0)
        .unwrap()
        .with_timezone(&Utc);
    let six_hours = chrono::Duration::hours(6);
    assert_eq!(
        s.due(last, slot - chrono::Duration::seconds(1), six_hours),
        Due::default()
    );
    assert_eq!(s.due(last, slot, six_hours).run, Some(slot));
    // Once recorded, the same slot is not due again.
    assert_eq!(
        s.due(slot, slot + chrono::Duration::minutes(5), six_hours),
        Due::default()
    );
}

#[test]
fn a_missed_run_is_posted_late_inside_the_window_and_skipped_outside() {
    let s = weekly();
    let slot = New_York
        .with_ymd_and_hms(2025, 3, 24, 9, 0, 0)
        .unwrap()
        .with_timezone(&Utc);
    let last = New_York
        .with_ymd_and_hms(2025, 3, 17, 9, 0, 0)
        .unwrap()
        .with_timezone(&Utc);
    let six_hours = chrono::Duration::hours(6);
    let late = s.due(last, slot + chrono::Duration::hours(5), six_hours);
    assert_eq!(late.run, Some(slot));
    assert_eq!(late.missed, None);
    let too_late = s.due(last, slot + chrono::Duration::hours(7), six_hours);
    assert_eq!(too_late.run, None);
    assert_eq!(
        too_late.missed,
        Some(Missed {
            first: slot,
            last: slot,
            count: 1,
            capped: false
        })
    );
    // With no catch-up at all, a run reached within a minute still counts as on time.
    let zero = chrono::Duration::zero();
    assert_eq!(
        s.due(last, slot + chrono::Duration::seconds(30), zero).run,
        Some(slot)
    );
    assert_eq!(s.due(last, slot + chrono::Duration::minutes(2), zero).run, None);
}

#[test]
fn a_digest_that_fell_behind_catches_up_with_one_run() {
    let s = Schedule::parse("0 * * * *", Berlin).unwrap();
    let last = utc("2025-06-01T00:00:00Z");
    let now = utc("2025-06-03T00:30:00Z");
    let due = s.due(last, now, chrono::Duration::hours(6));
    assert_eq!(due.run, Some(utc("2025-06-03T00:00:00Z")));
    let missed = due.missed.unwrap();
    assert_eq!(missed.count, 47);
    assert_eq!(missed.first, utc("2025-06-01T01:00:00Z"));
    assert_eq!(missed.last, utc("2025-06-02T23:00:00Z"));
}

#[test]
fn very_long_outages_are_counted_as_a_lower_bound() {
    let s = Schedule::parse("* * * * *", Berlin).unwrap();
    let due = s.due(
        utc("2024-01-01T00:00:00Z"),
        utc("2025-01-01T00:00:00Z"),
        chrono::Duration::hours(1),
    );
    assert_eq!(due.run, Some(utc("2025-01-01T00:00:00Z")));
    let missed = due.missed.unwrap();
    assert!(missed.capped && missed.count >= COUNT_CAP);
    assert_eq!(missed.first, utc("2024-01-01T00:01:00Z"));
    assert_eq!(missed.last, utc("2024-12-31T23:59:00Z"));
}
