//! Deciding what to post, and recording the decision before anything is sent.
//!
//! One pass reads the ledger, compares it with the running config and the briefings snapshot, and writes
//! every decision in one transaction: briefings first seen, announcements of new ones, digest runs (posted,
//! empty or skipped) with an intended post per target and briefing. Sending comes after, from the ledger
//! alone, so a crash at any point either loses the whole decision (and it is taken again) or none of it.

use std::collections::HashMap;
use std::sync::Arc;

use chrono::{DateTime, Utc};

use crate::config::{Config, DigestConfig};
use crate::model::Briefing;
use crate::store::Snapshot;

use super::content::{self, PostKind};
use super::ledger::{Intent, Ledger, LedgerError, Run, RunOutcome, Seen};
use crate::schedule::ON_TIME;

/// A retry of a scheduled post may go on this long after its catch-up window.
const DIGEST_RETRY_GRACE: chrono::Duration = chrono::Duration::hours(1);
/// An announcement is still worth making this long after its briefing appeared.
const ANNOUNCE_WINDOW: chrono::Duration = chrono::Duration::hours(24);

/// What a planning pass decided.
#[derive(Debug, Default)]
pub struct Plan {
    /// Briefings whose content changed since the ledger last looked, with their new version: their sent
    /// posts are to be edited. The ledger keeps the old version until the edits are done.
    pub changed: Vec<(String, String)>,
    /// Runs recorded in this pass.
    pub runs: Vec<Run>,
    /// Posts intended in this pass.
    pub intended: usize,
}

/// What one pass reads: the running config and snapshot, at one instant.
#[derive(Clone, Copy)]
struct Pass<'a> {
    config: &'a Config,
    snapshot: &'a Snapshot,
    now: DateTime<Utc>,
}

/// What one pass decides, before it is recorded in one transaction.
#[derive(Default)]
struct Decisions {
    /// Set the ledger's baseline: the first look, whose briefings are not news.
    baseline: bool,
    /// Briefings seen with their version, and when first seen (`None` for the baseline).
    seen: Vec<(String, String, Option<DateTime<Utc>>)>,
    intents: Vec<Intent>,
    /// Digests (or schedules) met for the first time, with their fingerprint.
    schedules: Vec<(String, String)>,
}

/// Plans at `now`. `rescan` compares every briefing with the ledger (on start, and when the snapshot
/// changed); otherwise only digests are looked at.
pub fn plan(
    ledger: &mut Ledger,
    config: &Config,
    snapshot: &Snapshot,
    now: DateTime<Utc>,
    rescan: bool,
) -> Result<Plan, LedgerError> {
    let mut plan = Plan::default();
    let mut decided = Decisions::default();
    let mut seen = match rescan {
        true => Some(rescan_briefings(
            ledger,
            config,
            snapshot,
            now,
            &mut plan,
            &mut decided,
        )?),
        false => None,
    };
    for d in &config.digests {
        let pass = Pass {
            config,
            snapshot,
            now,
        };
        plan_digest(ledger, &pass, d, &mut seen, &mut plan, &mut decided)?;
    }
    record(ledger, &decided, &mut plan, now)?;
    Ok(plan)
}

/// Compares every briefing with what the ledger has seen: new ones are recorded (and announced),
/// changed ones listed for edits. On the first look, the briefings there are recorded as the baseline.
/// Returns what the ledger had seen.
fn rescan_briefings(
    ledger: &mut Ledger,
    config: &Config,
    snapshot: &Snapshot,
    now: DateTime<Utc>,
    plan: &mut Plan,
    decided: &mut Decisions,
) -> Result<HashMap<String, Seen>, LedgerError> {
    let known = ledger.seen()?;
    if ledger.baseline()?.is_none() {
        // The first look: whatever is there already is not news. An unreadable directory (nothing
        // loaded, errors reported) is not a baseline; wait for a good load.
        let unreadable = snapshot.is_empty() && !snapshot.errors.is_empty();
        if !unreadable {
            decided.baseline = true;
            for b in snapshot.briefings() {
                decided
                    .seen
                    .push((b.id.clone(), content::briefing_version(b, snapshot), None));
            }
        }
        return Ok(known);
    }
    for b in snapshot.briefings() {
        let version = content::briefing_version(b, snapshot);
        match known.get(&b.id) {
            None => {
                decided.seen.push((b.id.clone(), version, Some(now)));
                for target in config.announce.iter().flat_map(|a| &a.targets) {
                    let announce = intent(
                        config,
                        snapshot,
                        Which::Announce,
                        target,
                        b,
                        now + ANNOUNCE_WINDOW,
                    );
                    decided.intents.push(announce);
                }
            }
            Some(s) if s.version != version => plan.changed.push((b.id.clone(), version)),
            Some(_) => {}
        }
    }
    Ok(known)
}

/// Looks at one digest: a run missed past its catch-up window is recorded as skipped, a due run is
/// recorded with its intended posts. `seen` is read from the ledger once, when a selection first needs it.
fn plan_digest(
    ledger: &mut Ledger,
    pass: &Pass<'_>,
    d: &DigestConfig,
    seen: &mut Option<HashMap<String, Seen>>,
    plan: &mut Plan,
    decided: &mut Decisions,
) -> Result<(), LedgerError> {
    let Pass {
        config,
        snapshot,
        now,
    } = *pass;
    let fingerprint = format!("{}@{}", d.schedule.expr(), d.schedule.zone().name());
    let Some((since, since_mark)) = ledger.schedule_since(&d.name, &fingerprint)? else {
        // A digest (or a schedule) seen for the first time starts now: runs before it are not missed.
        decided.schedules.push((d.name.clone(), fingerprint));
        return Ok(());
    };
    let last = ledger.last_run(&d.name)?;
    let after = last.as_ref().map_or(since, |r| r.slot.max(since));
    let catch_up = chrono::Duration::from_std(d.catch_up).unwrap_or(chrono::Duration::MAX);
    let due = d.schedule.due(after, now, catch_up);
    if let Some(m) = due.missed {
        let window_start = now - catch_up - ON_TIME;
        let detail = match due.run {
            Some(run) if m.last >= window_start => {
                format!("{}, folded into the run of {}", runs(&m), utc(run))
            }
            _ => format!(
                "{}: more than {} late (catch_up)",
                runs(&m),
                crate::config::format_duration(d.catch_up)
            ),
        };
        tracing::warn!(digest = %d.name, "{detail}");
        plan.runs.push(Run {
            digest: d.name.clone(),
            slot: m.last,
            outcome: RunOutcome::Skipped,
            at: now,
            detail,
            watermark: 0,
        });
    }
    let Some(slot) = due.run else {
        return Ok(());
    };
    if seen.is_none() && d.select.wants_new() {
        *seen = Some(ledger.seen()?);
    }
    // New: first seen after the last run was recorded, or since this schedule began; briefings first
    // seen in this very pass are new too (the ledger numbers them below, before recording this run).
    let mark = ledger.last_done(&d.name)?.map_or(since_mark, |r| r.watermark);
    let seen_now: Vec<&str> = decided
        .seen
        .iter()
        .filter(|(_, _, first)| first.is_some())
        .map(|(id, _, _)| id.as_str())
        .collect();
    let is_new = |id: &str| {
        seen_now.contains(&id)
            || seen
                .as_ref()
                .and_then(|s| s.get(id))
                .is_some_and(|s| s.first_seen.is_some() && s.seq > mark)
    };
    let mut intents = Vec::new();
    plan.runs
        .push(run(config, d, slot, now, snapshot, &is_new, &mut intents));
    decided.intents.extend(intents);
    Ok(())
}

/// Records every decision of the pass in one transaction (nothing when nothing was decided).
fn record(
    ledger: &mut Ledger,
    decided: &Decisions,
    plan: &mut Plan,
    now: DateTime<Utc>,
) -> Result<(), LedgerError> {
    let nothing = !decided.baseline
        && decided.seen.is_empty()
        && decided.intents.is_empty()
        && plan.runs.is_empty()
        && decided.schedules.is_empty();
    if nothing {
        return Ok(());
    }
    ledger.write(|w| {
        if decided.baseline {
            w.set_baseline(now)?;
        }
        for (id, version, first_seen) in &decided.seen {
            w.see(id, version, *first_seen)?;
        }
        for (name, fingerprint) in &decided.schedules {
            w.set_schedule(name, fingerprint, now)?;
        }
        for run in &plan.runs {
            w.record_run(run)?;
        }
        for i in &decided.intents {
            if w.intend(i, now)? {
                plan.intended += 1;
            }
        }
        Ok(())
    })
}

/// One run of a digest: the briefings it selects, one intended post per target and briefing.
fn run(
    config: &Config,
    d: &DigestConfig,
    slot: DateTime<Utc>,
    now: DateTime<Utc>,
    snapshot: &Snapshot,
    is_new: &dyn Fn(&str) -> bool,
    intents: &mut Vec<Intent>,
) -> Run {
    let (chosen, left_out) = super::select::pick(&d.select, snapshot, is_new);
    let catch_up = chrono::Duration::from_std(d.catch_up).unwrap_or(chrono::Duration::MAX);
    let deadline = slot + catch_up + ON_TIME + DIGEST_RETRY_GRACE;
    for target in &d.targets {
        for b in &chosen {
            let which = Which::Digest { name: &d.name, slot };
            intents.push(intent(config, snapshot, which, target, b, deadline));
        }
    }
    let mut detail = match (&d.select, chosen.len()) {
        (crate::config::Select::Event(id), 0) => format!("no briefing `{id}`"),
        (_, 0) => "nothing to post".to_string(),
        (_, n) => format!(
            "{n} briefing(s): {}",
            chosen
                .iter()
                .map(|b| b.id.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ),
    };
    if left_out > 0 {
        detail.push_str(&format!(
            "; {left_out} more not posted (at most {} a run)",
            super::select::MAX_PER_RUN
        ));
        tracing::warn!(digest = %d.name, "{detail}");
    }
    Run {
        digest: d.name.clone(),
        slot,
        outcome: if chosen.is_empty() {
            RunOutcome::Empty
        } else {
            RunOutcome::Posted
        },
        at: now,
        detail,
        watermark: 0,
    }
}

/// Which post an intent is: an announcement, or a digest's run at a slot.
enum Which<'a> {
    Announce,
    Digest { name: &'a str, slot: DateTime<Utc> },
}

/// The intent of posting `b` to `target`, keyed by what the post is.
fn intent(
    config: &Config,
    snapshot: &Snapshot,
    which: Which<'_>,
    target: &crate::target::Target,
    b: &Arc<Briefing>,
    deadline: DateTime<Utc>,
) -> Intent {
    let (key, kind, name, slot) = match which {
        Which::Announce => (
            content::announce_key(target, &b.id),
            PostKind::Announce,
            String::new(),
            String::new(),
        ),
        Which::Digest { name, slot } => (
            content::digest_key(name, slot, target, &b.id),
            PostKind::Digest,
            name.to_string(),
            slot.timestamp().to_string(),
        ),
    };
    Intent {
        key,
        kind,
        name,
        slot,
        target: target.to_string(),
        briefing: b.id.clone(),
        version: content::version(&kind.content(b, snapshot, config)),
        deadline,
    }
}

/// "missed", or "3 runs missed (from … to …)".
fn runs(m: &crate::schedule::Missed) -> String {
    match (m.count, m.capped) {
        (1, false) => "missed".to_string(),
        (n, capped) => format!(
            "{}{n} runs missed (from {} to {})",
            if capped { "more than " } else { "" },
            utc(m.first),
            utc(m.last)
        ),
    }
}

fn utc(t: DateTime<Utc>) -> String {
    t.format("%Y-%m-%d %H:%M UTC").to_string()
}
