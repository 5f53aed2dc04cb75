//! `digest preview <event>` (the card as it would be posted, for the caller alone) and `digest status`
//! (scheduled digests and their targets, read from the running scheduler).

use std::sync::Arc;

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use crate::config::Config;
use crate::digest::Digests;
use crate::digest::content;
use crate::digest::ledger::RunOutcome;
use crate::digest::status::{DigestLine, Report, TargetLine};
use crate::response::{Block, Inline, Response, Status};
use crate::store::Snapshot;

use super::lookup::resolve_or_reply;

pub fn preview(snapshot: &Snapshot, query: &str, config: &Config) -> Response {
    let b = match resolve_or_reply(snapshot, query, "digest preview") {
        Ok(b) => b,
        Err(reply) => return *reply,
    };
    let mut blocks = vec![Block::Note {
        text: Inline::default()
            .text("Preview of the digest of ")
            .code(b.id.as_str())
            .text(", shown only to you. Post it with ")
            .code(format!("digest {}", b.id))
            .text("."),
    }];
    blocks.extend(content::PostKind::Digest.content(&b, config).blocks);
    Response::answer(blocks).private()
}

pub fn status(digests: Result<Arc<Digests>, String>, config: &Config) -> Response {
    let digests = match digests {
        Ok(d) => d,
        Err(why) => return not_running(&why, config),
    };
    match digests.status(config) {
        Ok(report) => render(&report).private(),
        Err(e) => {
            tracing::error!("digest status: {e}");
            Response::problem(
                Status::Internal,
                Inline::plain("Sorry, the digest ledger could not be read. It has been logged."),
                vec![],
            )
        }
    }
}

/// The answer when no scheduler runs: why, and what is configured.
fn not_running(why: &str, config: &Config) -> Response {
    let mut reply = Response::problem(
        Status::NotFound,
        Inline::plain("The digest scheduler is not running here, so nothing is posted on a schedule."),
        vec![Inline::plain(why.to_string())],
    );
    if !config.digests.is_empty() {
        let names = config.digests.iter().map(|d| d.name.as_str()).collect::<Vec<_>>();
        reply.blocks.push(Block::Note {
            text: Inline::plain(format!("Configured digests: {}.", names.join(", "))),
        });
    }
    reply.private()
}

fn render(report: &Report) -> Response {
    let mut blocks = vec![Block::Title {
        text: "Digest status".into(),
        url: None,
    }];
    if report.digests.is_empty() && report.targets.is_empty() {
        blocks.push(Block::Paragraph {
            text: Inline::plain(
                "No digests are scheduled and nothing has been posted yet. Scheduled digests are [[digests]] \
                 sections of the config; announcements of new briefings, [announce].",
            ),
        });
        return Response::answer(blocks);
    }
    if !report.digests.is_empty() {
        blocks.push(Block::List {
            heading: Some("Digests".into()),
            items: report.digests.iter().map(digest_line).collect(),
            ordered: false,
        });
    }
    if !report.targets.is_empty() {
        blocks.push(Block::List {
            heading: Some("Targets".into()),
            items: report.targets.iter().map(target_line).collect(),
            ordered: false,
        });
    }
    blocks.push(Block::Note {
        text: Inline::plain(if report.announcing {
            "New briefings are announced to the [announce] targets; corrected ones are edited in place."
        } else {
            "New briefings are not announced ([announce] is not configured)."
        }),
    });
    Response::answer(blocks)
}

fn digest_line(d: &DigestLine) -> Inline {
    let mut line = Inline::default().strong(&d.name).text(format!(
        " — {} ({}), {}",
        d.schedule,
        d.zone.name(),
        d.select
    ));
    match &d.last_run {
        Some(run) => {
            let what = match run.outcome {
                RunOutcome::Posted => run.detail.clone(),
                _ => "nothing to post".to_string(),
            };
            line = line.text(format!(". Last run {}: {what}", local(run.slot, d.zone)));
        }
        None => line = line.text(". No run yet"),
    }
    if let Some(next) = d.next {
        line = line.text(format!(". Next {}", local(next, d.zone)));
    }
    if let Some(skipped) = &d.last_skipped {
        line = line.text(format!(
            ". Skipped {}: {}",
            local(skipped.slot, d.zone),
            skipped.detail
        ));
    }
    line.text(".")
}

fn target_line(t: &TargetLine) -> Inline {
    let mut parts = Vec::new();
    match &t.last_sent {
        Some((at, briefing)) => parts.push(format!("last post {} ({briefing})", utc(*at))),
        None => parts.push("nothing posted yet".to_string()),
    }
    if let Some((at, digest)) = &t.next {
        parts.push(format!("next {} ({digest})", utc(*at)));
    }
    if t.pending > 0 {
        parts.push(format!("{} waiting", t.pending));
    }
    if let Some((at, reason, detail)) = &t.last_failure {
        let detail = if detail.is_empty() {
            String::new()
        } else {
            format!(" ({detail})")
        };
        parts.push(format!(
            "last failure {}: {}{detail}",
            utc(*at),
            reason.describe()
        ));
    }
    if !t.connected {
        parts.push("platform not connected".to_string());
    }
    if !t.configured {
        parts.push("no longer configured".to_string());
    }
    Inline::default()
        .code(t.target.as_str())
        .text(format!(": {}.", parts.join("; ")))
}

fn local(t: DateTime<Utc>, zone: Tz) -> String {
    t.with_timezone(&zone).format("%Y-%m-%d %H:%M %Z").to_string()
}

fn utc(t: DateTime<Utc>) -> String {
    t.format("%Y-%m-%d %H:%M UTC").to_string()
}

#[cfg(test)]
mod tests {
    use crate::command::{Command, Role};
    use crate::config::Config;
    use crate::engine::Engine;
    use crate::response::{Block, Status};

    fn engine() -> Engine {
        Engine::new(Config {
            briefings_dir: concat!(env!("CARGO_MANIFEST_DIR"), "/../../briefings").into(),
            ..Config::default()
        })
    }

    #[test]
    fn two_word_digest_commands_parse_with_a_space_or_a_hyphen() {
        let preview = Command::DigestPreview {
            event: "infoforum shanghai".into(),
        };
        assert_eq!(
            Command::parse("digest preview infoforum shanghai"),
            Ok(preview.clone())
        );
        assert_eq!(Command::parse("Digest-Preview infoforum shanghai"), Ok(preview));
        assert_eq!(Command::parse("digest status"), Ok(Command::DigestStatus));
        assert_eq!(
            Command::parse("digest infoforum"),
            Ok(Command::Digest {
                event: "infoforum".into(),
                target: None
            })
        );
    }

    /// A member can neither post a digest, nor preview one, nor read the schedule's status.
    #[test]
    fn digest_commands_are_for_moderators() {
        let engine = engine();
        for line in ["digest infoforum", "digest preview infoforum", "digest status"] {
            assert_eq!(engine.handle(line, Role::Member).status, Status::Denied, "{line}");
            assert_ne!(
                engine.handle(line, Role::Moderator).status,
                Status::Denied,
                "{line}"
            );
        }
    }

    #[test]
    fn a_preview_is_the_posted_card_shown_to_the_caller_alone() {
        let engine = engine();
        let preview = engine.handle("digest preview infoforum", Role::Moderator);
        assert_eq!(preview.status, Status::Answer);
        assert!(preview.private);
        assert!(preview.post.is_none(), "a preview posts nothing");
        let posted = engine.handle("digest infoforum", Role::Moderator).post.unwrap();
        assert!(matches!(preview.blocks[0], Block::Note { .. }));
        assert_eq!(preview.blocks[1..], posted.blocks[..]);
        assert!(!engine.handle("digest infoforum", Role::Moderator).private);
    }

    #[test]
    fn status_without_a_scheduler_says_so() {
        let reply = engine().handle("digest status", Role::Moderator);
        assert_eq!(reply.status, Status::NotFound);
        assert!(reply.private);
        let text: String = reply
            .blocks
            .iter()
            .filter_map(|b| match b {
                Block::Paragraph { text } => Some(text.to_plain()),
                _ => None,
            })
            .collect();
        assert!(text.contains("not running"), "{text}");
    }
}
