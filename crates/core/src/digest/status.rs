//! What `digest status` shows: per digest its last and next run and the last skipped one; per target its
//! last post, next scheduled post, last failure and what waits. Data only; the command renders it.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use crate::config::Config;

use super::ledger::{LedgerError, Run};
use super::poster::FailureReason;
use super::runner::Digests;
use crate::target::Target;

#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    pub digests: Vec<DigestLine>,
    pub targets: Vec<TargetLine>,
    /// Whether announcements are configured.
    pub announcing: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DigestLine {
    pub name: String,
    pub schedule: String,
    pub zone: Tz,
    pub select: String,
    pub last_run: Option<Run>,
    pub last_skipped: Option<Run>,
    pub next: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct TargetLine {
    pub target: String,
    /// When the last post went out, and of which briefing.
    pub last_sent: Option<(DateTime<Utc>, String)>,
    /// The next scheduled post here: when, and which digest.
    pub next: Option<(DateTime<Utc>, String)>,
    pub last_failure: Option<(DateTime<Utc>, FailureReason, String)>,
    pub pending: usize,
    /// Whether the target's platform has a poster registered now.
    pub connected: bool,
    /// Whether the running config still names this target.
    pub configured: bool,
}

impl Digests {
    /// The status of every configured digest and of every target, configured or found in the ledger.
    pub fn status(&self, config: &Config) -> Result<Report, LedgerError> {
        let now = self.clock().now();
        let ledger = self.ledger();
        let mut digests = Vec::new();
        for d in &config.digests {
            digests.push(DigestLine {
                name: d.name.clone(),
                schedule: d.schedule.expr().to_string(),
                zone: d.schedule.zone(),
                select: d.select.to_string(),
                last_run: ledger.last_done(&d.name)?,
                last_skipped: ledger.last_skipped(&d.name)?,
                next: d.schedule.next_after(now),
            });
        }
        let mut configured: Vec<&Target> = config.digests.iter().flat_map(|d| &d.targets).collect();
        configured.extend(config.announce.iter().flat_map(|a| &a.targets));
        let records = ledger.targets()?;
        drop(ledger);
        let mut names: Vec<String> = configured.iter().map(ToString::to_string).collect();
        names.extend(records.iter().map(|r| r.target.clone()));
        names.sort();
        names.dedup();
        let platforms = self.platforms();
        let targets = names
            .into_iter()
            .map(|name| {
                let record = records.iter().find(|r| r.target == name);
                let next = config
                    .digests
                    .iter()
                    .filter(|d| d.targets.iter().any(|t| t.to_string() == name))
                    .filter_map(|d| d.schedule.next_after(now).map(|t| (t, d.name.clone())))
                    .min();
                TargetLine {
                    connected: Target::parse(&name).is_ok_and(|t| platforms.contains(&t.platform())),
                    configured: configured.iter().any(|t| t.to_string() == name),
                    last_sent: record.and_then(|r| r.last_sent.clone()),
                    last_failure: record.and_then(|r| r.last_failure.clone()),
                    pending: record.map_or(0, |r| r.pending),
                    next,
                    target: name,
                }
            })
            .collect();
        Ok(Report {
            digests,
            targets,
            announcing: config.announce.is_some(),
        })
    }
}
