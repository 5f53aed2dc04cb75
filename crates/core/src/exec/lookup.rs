//! Resolving `<event>` for a command, or the reply that explains the miss.

use std::sync::Arc;

use crate::briefing::Briefing;
use crate::card::entry;
use crate::resolve::{self, Resolution};
use crate::response::{Block, Inline, Response, Status};
use crate::store::Snapshot;

/// Resolves `query`, or returns the reply that explains the miss or lists the candidates.
pub fn resolve_or_reply(
    snapshot: &Snapshot,
    query: &str,
    command: &str,
) -> Result<Arc<Briefing>, Box<Response>> {
    match resolve::resolve(snapshot, query) {
        Resolution::Found(b) => Ok(b),
        Resolution::NotFound { suggestions } => {
            let mut message = Inline::default()
                .text("No briefing ")
                .code(query.trim())
                .text(".");
            if let Some(best) = suggestions.first() {
                message = message.text(" Did you mean ").code(best.as_str()).text("?");
            }
            let mut hints = Vec::new();
            if let Some(best) = suggestions.first() {
                hints.push(Inline::default().text("Try ").code(format!("{command} {best}")));
            }
            if snapshot.is_empty() {
                hints.push(Inline::plain("No briefings are loaded yet."));
            } else {
                hints.push(
                    Inline::default()
                        .text("Type ")
                        .code("events")
                        .text(" to list them all."),
                );
            }
            Err(Box::new(Response::not_found(message, hints)))
        }
        Resolution::Ambiguous(candidates) => {
            let mut blocks = vec![Block::Paragraph {
                text: Inline::default()
                    .code(query.trim())
                    .text(" matches several briefings:"),
            }];
            blocks.extend(candidates.iter().map(|b| entry(b)));
            blocks.push(Block::Note {
                text: Inline::default()
                    .text("Name one by its id, e.g. ")
                    .code(format!("{command} {}", candidates[0].id)),
            });
            Err(Box::new(Response {
                status: Status::NotFound,
                blocks,
                page: None,
                post: None,
                private: false,
            }))
        }
    }
}
