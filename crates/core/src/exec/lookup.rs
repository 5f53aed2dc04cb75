//! Resolving `<event>` for a command, or the reply that explains the miss.

use std::sync::Arc;

use crate::briefing::Briefing;
use crate::card::entry;
use crate::i18n::{Lang, code};
use crate::resolve::{self, Resolution};
use crate::response::{Block, Response, Status};
use crate::store::Snapshot;
use crate::tr_inline;

/// Resolves `query`, or returns the reply that explains the miss or lists the candidates.
pub fn resolve_or_reply(
    lang: Lang,
    snapshot: &Snapshot,
    query: &str,
    command: &str,
) -> Result<Arc<Briefing>, Box<Response>> {
    match resolve::resolve(snapshot, query) {
        Resolution::Found(b) => Ok(b),
        Resolution::NotFound { suggestions } => {
            let query = query.trim();
            let (message, mut hints) = match suggestions.first() {
                Some(best) => (
                    tr_inline!(
                        lang,
                        "no-briefing-did-you-mean",
                        query = code(query),
                        best = code(best)
                    ),
                    vec![tr_inline!(
                        lang,
                        "try-command",
                        command = code(format!("{command} {best}"))
                    )],
                ),
                None => (tr_inline!(lang, "no-briefing", query = code(query)), vec![]),
            };
            hints.push(match snapshot.is_empty() {
                true => tr_inline!(lang, "no-briefings-loaded"),
                false => tr_inline!(lang, "type-events-to-list", events = code("events")),
            });
            Err(Box::new(Response::not_found(message, hints)))
        }
        Resolution::Ambiguous(candidates) => {
            let mut blocks = vec![Block::Paragraph {
                text: tr_inline!(lang, "matches-several", query = code(query.trim())),
            }];
            blocks.extend(candidates.iter().map(|b| entry(lang, b)));
            blocks.push(Block::Note {
                text: tr_inline!(
                    lang,
                    "name-one-by-id",
                    command = code(format!("{command} {}", candidates[0].id))
                ),
            });
            let mut reply = Response::answer(blocks);
            reply.status = Status::NotFound;
            Err(Box::new(reply))
        }
    }
}
