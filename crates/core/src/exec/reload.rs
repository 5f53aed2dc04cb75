//! `reload`: reads the config and the briefings again and reports what changed.

use super::ReloadOutcome;
use crate::response::{Block, Inline, Response};

/// Changed ids are listed up to this many per kind of change.
const IDS_SHOWN: usize = 20;

pub fn run(outcome: &ReloadOutcome) -> Response {
    let report = &outcome.briefings;
    let mut blocks = vec![Block::Title {
        text: "Reloaded".into(),
        url: None,
    }];
    blocks.push(Block::Fields {
        fields: vec![
            ("Briefings".into(), report.total.to_string()),
            ("Added".into(), report.added.len().to_string()),
            ("Changed".into(), report.changed.len().to_string()),
            ("Removed".into(), report.removed.len().to_string()),
            ("Errors".into(), report.errors.len().to_string()),
        ],
    });
    for (heading, ids) in [
        ("Added", &report.added),
        ("Changed", &report.changed),
        ("Removed", &report.removed),
    ] {
        if !ids.is_empty() {
            let ids = ids.iter().map(|id| Inline::default().code(id.as_str()));
            blocks.push(Block::capped_list(Some(heading), ids, IDS_SHOWN));
        }
    }
    if !report.errors.is_empty() {
        let errors = report.errors.iter().map(|e| Inline::plain(e.to_string()));
        blocks.push(Block::capped_list(Some("Errors"), errors, IDS_SHOWN));
    }
    if !report.stale.is_empty() {
        blocks.push(Block::Note {
            text: Inline::plain(format!(
                "Still serving the last good version of: {}.",
                report.stale.join(", ")
            )),
        });
    }
    match &outcome.config {
        Ok(true) => blocks.push(Block::Note {
            text: Inline::plain("Config reloaded."),
        }),
        Ok(false) => {}
        Err(e) => blocks.push(Block::Note {
            text: Inline::plain(format!("Config rejected, the running config stays: {e}")),
        }),
    }
    if report.is_unchanged() && report.errors.is_empty() {
        blocks.push(Block::Note {
            text: Inline::plain("Nothing changed."),
        });
    }
    Response::answer(blocks)
}
