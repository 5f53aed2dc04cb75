//! What `digest status` shows: per digest its last and next run and the last skipped one; per target its
//! last post, next scheduled post, last failure and what waits. Data only; the command renders it.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use crate::config::Config;

use super::ledger::{Ledger, LedgerError, Run, TargetRecord};
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

/// What the report reads from the ledger: each configured digest's last run and last skip, and every
/// target's record.
type Read = (Vec<(Option<Run>, Option<Run>)>, Vec<TargetRecord>);

/// One call on the ledger's thread for everything the report reads.
fn read(config: &Config) -> impl FnOnce(&mut Ledger) -> Result<Read, LedgerError> + Send + 'static {
    let names: Vec<String> = config.digests.iter().map(|d| d.name.clone()).collect();
    move |ledger| {
        let mut runs = Vec::new();
        for name in &names {
            runs.push((ledger.last_done(name)?, ledger.last_skipped(name)?));
        }
        Ok((runs, ledger.targets()?))
    }
}

impl Digests {
    /// The status of every configured digest and of every target, configured or found in the ledger;
    /// for callers off the async workers (commands).
    pub fn status(&self, config: &Config) -> Result<Report, LedgerError> {
        let read = self.ledger.call_blocking(read(config))?;
        Ok(self.report(config, read))
    }

    /// [`Digests::status`], awaited.
    pub async fn status_async(&self, config: &Config) -> Result<Report, LedgerError> {
        let read = self.ledger.call(read(config)).await?;
        Ok(self.report(config, read))
    }

    fn report(&self, config: &Config, (runs, records): Read) -> Report {
        let now = self.clock().now();
        let mut digests = Vec::new();
        for (d, (last_run, last_skipped)) in config.digests.iter().zip(runs) {
            digests.push(DigestLine {
                name: d.name.clone(),
                schedule: d.schedule.expr().to_string(),
                zone: d.schedule.zone(),
                select: d.select.to_string(),
                last_run,
                last_skipped,
                next: d.schedule.next_after(now),
            });
        }
        let mut configured: Vec<&Target> = config.digests.iter().flat_map(|d| &d.targets).collect();
        configured.extend(config.announce.iter().flat_map(|a| &a.targets));
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
        Report {
            digests,
            targets,
            announcing: config.announce.is_some(),
        }
    }
}
