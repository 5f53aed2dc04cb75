//! `status`: uptime, what is loaded, what failed to load, and which platforms are connected.

use super::HostStatus;
use crate::response::{Block, Inline, Response};
use crate::store::Snapshot;

/// At most this many load errors are listed; the count is always given.
const ERRORS_SHOWN: usize = 10;

pub fn run(host: &HostStatus, snapshot: &Snapshot) -> Response {
    let mut fields = vec![
        ("Uptime".to_string(), human_duration(host.uptime)),
        ("Briefings".to_string(), snapshot.len().to_string()),
        ("Load errors".to_string(), snapshot.errors.len().to_string()),
    ];
    let platforms = &host.platforms;
    fields.push((
        "Platforms".to_string(),
        if platforms.is_empty() {
            "none".to_string()
        } else {
            platforms
                .iter()
                .map(|(name, state)| format!("{name} ({state})"))
                .collect::<Vec<_>>()
                .join(", ")
        },
    ));
    let mut blocks = vec![
        Block::Title {
            text: format!("{} status", host.name),
            url: None,
        },
        Block::Fields { fields },
    ];
    if !snapshot.errors.is_empty() {
        let errors = snapshot.errors.iter().map(|e| Inline::plain(e.to_string()));
        blocks.push(Block::capped_list(Some("Load errors"), errors, ERRORS_SHOWN));
    }
    if !snapshot.stale.is_empty() {
        blocks.push(Block::Note {
            text: Inline::plain(format!(
                "Serving the last good version of: {}.",
                snapshot.stale.join(", ")
            )),
        });
    }
    if let Some(rejected) = &host.config_rejected {
        blocks.push(Block::Note {
            text: Inline::plain(format!(
                "A config change was rejected; the previous config keeps running. {rejected}"
            )),
        });
    }
    Response::answer(blocks)
}

/// "3d 4h", "2h 5m", "45s".
pub fn human_duration(d: std::time::Duration) -> String {
    let s = d.as_secs();
    let (days, hours, minutes, seconds) = (s / 86_400, s / 3600 % 24, s / 60 % 60, s % 60);
    match (days, hours, minutes) {
        (0, 0, 0) => format!("{seconds}s"),
        (0, 0, m) => format!("{m}m {seconds}s"),
        (0, h, m) => format!("{h}h {m}m"),
        (d, h, _) => format!("{d}d {h}h"),
    }
}
