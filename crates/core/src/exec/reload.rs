//! `reload`: reads the config and the briefings again and reports what changed.

use super::ReloadOutcome;
use crate::card::capped_list;
use crate::i18n::Lang;
use crate::response::{Block, Inline, Response};
use crate::{tr, tr_inline};

/// Changed ids are listed up to this many per kind of change.
const IDS_SHOWN: usize = 20;

pub fn run(lang: Lang, outcome: &ReloadOutcome) -> Response {
    let report = &outcome.briefings;
    let mut blocks = vec![Block::Title {
        text: tr!(lang, "reload-title"),
        url: None,
    }];
    blocks.push(Block::Fields {
        fields: vec![
            (tr!(lang, "status-briefings"), report.total.to_string()),
            (tr!(lang, "reload-added"), report.added.len().to_string()),
            (tr!(lang, "reload-changed"), report.changed.len().to_string()),
            (tr!(lang, "reload-removed"), report.removed.len().to_string()),
            (tr!(lang, "reload-errors"), report.errors.len().to_string()),
        ],
    });
    for (heading, ids) in [
        (tr!(lang, "reload-added"), &report.added),
        (tr!(lang, "reload-changed"), &report.changed),
        (tr!(lang, "reload-removed"), &report.removed),
    ] {
        if !ids.is_empty() {
            let ids = ids
                .iter()
                .map(|id| Inline::default().push(crate::response::Span::Code(id.clone())));
            blocks.push(capped_list(lang, Some(heading), ids, IDS_SHOWN));
        }
    }
    if !report.errors.is_empty() {
        let errors = report.errors.iter().map(|e| Inline::plain(e.to_string()));
        blocks.push(capped_list(
            lang,
            Some(tr!(lang, "reload-errors")),
            errors,
            IDS_SHOWN,
        ));
    }
    if !report.stale.is_empty() {
        blocks.push(Block::Note {
            text: tr_inline!(lang, "reload-stale", ids = report.stale.join(", ")),
        });
    }
    match &outcome.config {
        Ok(true) => blocks.push(Block::Note {
            text: tr_inline!(lang, "reload-config"),
        }),
        Ok(false) => {}
        Err(e) => blocks.push(Block::Note {
            text: tr_inline!(lang, "reload-config-rejected", error = e.to_string()),
        }),
    }
    if report.is_unchanged() && report.errors.is_empty() {
        blocks.push(Block::Note {
            text: tr_inline!(lang, "reload-nothing"),
        });
    }
    Response::answer(blocks)
}
