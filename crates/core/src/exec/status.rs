//! `status`: uptime, what is loaded, what failed to load, and which platforms are connected.

use super::{HostStatus, PlatformState};
use crate::card::capped_list;
use crate::digest::leader::Standing;
use crate::i18n::Lang;
use crate::response::{Block, Inline, Response};
use crate::store::Snapshot;
use crate::{tr, tr_inline};

/// At most this many load errors are listed; the count is always given.
const ERRORS_SHOWN: usize = 10;

pub fn run(lang: Lang, host: &HostStatus, snapshot: &Snapshot) -> Response {
    let mut fields = vec![
        (tr!(lang, "status-uptime"), human_duration(lang, host.uptime)),
        (tr!(lang, "status-briefings"), snapshot.len().to_string()),
        (tr!(lang, "status-load-errors"), snapshot.errors.len().to_string()),
    ];
    let platforms = &host.platforms;
    fields.push((
        tr!(lang, "status-platforms"),
        if platforms.is_empty() {
            tr!(lang, "status-no-platforms")
        } else {
            platforms
                .iter()
                .map(|(name, state)| format!("{name} ({})", platform_state(lang, state)))
                .collect::<Vec<_>>()
                .join(", ")
        },
    ));
    if let Some((instance, standing)) = &host.leadership {
        let instance = instance.as_str();
        fields.push((
            tr!(lang, "status-instance"),
            match standing {
                Standing::Sole => tr!(lang, "status-leads", instance = instance),
                Standing::Leader { epoch } => {
                    tr!(lang, "status-leads-epoch", instance = instance, epoch = *epoch)
                }
                Standing::Follower { leader: Some(leader) } => {
                    tr!(
                        lang,
                        "status-follows",
                        instance = instance,
                        leader = leader.as_str()
                    )
                }
                Standing::Follower { leader: None } => tr!(lang, "status-no-leader", instance = instance),
            },
        ));
    }
    let mut blocks = vec![
        Block::Title {
            text: tr!(lang, "status-title", name = host.name.as_str()),
            url: None,
        },
        Block::Fields { fields },
    ];
    if !snapshot.errors.is_empty() {
        let errors = snapshot.errors.iter().map(|e| Inline::plain(e.to_string()));
        let heading = Some(tr!(lang, "status-load-errors"));
        blocks.push(capped_list(lang, heading, errors, ERRORS_SHOWN));
    }
    if !snapshot.stale.is_empty() {
        blocks.push(Block::Note {
            text: tr_inline!(lang, "status-stale", ids = snapshot.stale.join(", ")),
        });
    }
    if let Some(rejected) = &host.config_rejected {
        blocks.push(Block::Note {
            text: tr_inline!(lang, "status-config-rejected", error = rejected.as_str()),
        });
    }
    Response::answer(blocks)
}

/// A platform's state in words.
pub fn platform_state(lang: Lang, state: &PlatformState) -> String {
    match state {
        PlatformState::Starting => tr!(lang, "platform-starting"),
        PlatformState::Connected => tr!(lang, "platform-connected"),
        PlatformState::Reconnecting(why) => tr!(lang, "platform-reconnecting", why = why.as_str()),
        PlatformState::Stopped => tr!(lang, "platform-stopped"),
        PlatformState::Standby => tr!(lang, "platform-standby"),
    }
}

/// "3d 4h", "2h 5m", "45s" (or the language's way).
pub fn human_duration(lang: Lang, d: std::time::Duration) -> String {
    let s = d.as_secs();
    let (days, hours, minutes, seconds) = (s / 86_400, s / 3600 % 24, s / 60 % 60, s % 60);
    match (days, hours, minutes) {
        (0, 0, 0) => tr!(lang, "duration-seconds", s = seconds),
        (0, 0, m) => tr!(lang, "duration-minutes", m = m, s = seconds),
        (0, h, m) => tr!(lang, "duration-hours", h = h, m = m),
        (d, h, _) => tr!(lang, "duration-days", d = d, h = h),
    }
}
