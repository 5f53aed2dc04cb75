//! `digest preview <event>` (the card as it would be posted, for the caller alone) and `digest status`
//! (scheduled digests and their targets, read from the running scheduler).

use std::sync::Arc;

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use crate::config::Config;
use crate::digest::ledger::RunOutcome;
use crate::digest::status::{DigestLine, Report, TargetLine};
use crate::digest::{Digests, NoScheduler, content, why_off};
use crate::i18n::{Lang, code};
use crate::response::{Block, Inline, Response, Status};
use crate::store::Snapshot;
use crate::{tr, tr_inline};

use super::lookup::resolve_or_reply;

pub fn preview(lang: Lang, snapshot: &Snapshot, query: &str, config: &Config) -> Response {
    let b = match resolve_or_reply(lang, snapshot, query, "digest preview") {
        Ok(b) => b,
        Err(reply) => return *reply,
    };
    let mut blocks = vec![Block::Note {
        text: tr_inline!(
            lang,
            "digest-preview-note",
            id = code(b.id.as_str()),
            command = code(format!("digest {}", b.id))
        ),
    }];
    blocks.extend(content::PostKind::Digest.content(&b, snapshot, config).blocks);
    Response::answer(blocks).private()
}

pub fn status(lang: Lang, digests: Result<Arc<Digests>, NoScheduler>, config: &Config) -> Response {
    let digests = match digests {
        Ok(d) => d,
        Err(why) => return not_running(lang, &why, config),
    };
    match digests.status(config) {
        Ok(report) => render(lang, &report).private(),
        Err(e) => {
            tracing::error!("digest status: {e}");
            Response::problem(
                Status::Internal,
                tr_inline!(lang, "digest-ledger-unreadable"),
                vec![],
            )
        }
    }
}

/// The answer when no scheduler runs: why, and what is configured.
fn not_running(lang: Lang, why: &NoScheduler, config: &Config) -> Response {
    let mut reply = Response::problem(
        Status::NotFound,
        tr_inline!(lang, "digest-not-running"),
        vec![why_off(lang, why)],
    );
    if !config.digests.is_empty() {
        let names = config.digests.iter().map(|d| d.name.as_str()).collect::<Vec<_>>();
        reply.blocks.push(Block::Note {
            text: tr_inline!(lang, "digest-configured", names = names.join(", ")),
        });
    }
    reply.private()
}

fn render(lang: Lang, report: &Report) -> Response {
    let mut blocks = vec![Block::Title {
        text: tr!(lang, "digest-status-title"),
        url: None,
    }];
    if report.digests.is_empty() && report.targets.is_empty() {
        blocks.push(Block::Paragraph {
            text: tr_inline!(lang, "digest-status-empty"),
        });
        return Response::answer(blocks);
    }
    if !report.digests.is_empty() {
        blocks.push(Block::List {
            heading: Some(tr!(lang, "digest-status-digests")),
            items: report.digests.iter().map(|d| digest_line(lang, d)).collect(),
            ordered: false,
        });
    }
    if !report.targets.is_empty() {
        blocks.push(Block::List {
            heading: Some(tr!(lang, "digest-status-targets")),
            items: report.targets.iter().map(|t| target_line(lang, t)).collect(),
            ordered: false,
        });
    }
    blocks.push(Block::Note {
        text: match report.announcing {
            true => tr_inline!(lang, "digest-status-announcing"),
            false => tr_inline!(lang, "digest-status-not-announcing"),
        },
    });
    Response::answer(blocks)
}

fn digest_line(lang: Lang, d: &DigestLine) -> Inline {
    let mut parts = vec![tr!(
        lang,
        "digest-line-schedule",
        schedule = d.schedule.as_str(),
        zone = d.zone.name(),
        select = d.select.as_str()
    )];
    parts.push(match &d.last_run {
        Some(run) => match run.outcome {
            RunOutcome::Posted => tr!(
                lang,
                "digest-line-last-posted",
                at = local(run.slot, d.zone),
                detail = run.detail.as_str()
            ),
            _ => tr!(lang, "digest-line-last-empty", at = local(run.slot, d.zone)),
        },
        None => tr!(lang, "digest-line-no-run"),
    });
    if let Some(next) = d.next {
        parts.push(tr!(lang, "digest-line-next", at = local(next, d.zone)));
    }
    if let Some(skipped) = &d.last_skipped {
        parts.push(tr!(
            lang,
            "digest-line-skipped",
            at = local(skipped.slot, d.zone),
            detail = skipped.detail.as_str()
        ));
    }
    Inline::default()
        .strong(&d.name)
        .text(format!(" — {}.", parts.join(". ")))
}

fn target_line(lang: Lang, t: &TargetLine) -> Inline {
    let mut parts = Vec::new();
    match &t.last_sent {
        Some((at, briefing)) => parts.push(tr!(
            lang,
            "target-last-post",
            at = utc(*at),
            briefing = briefing.as_str()
        )),
        None => parts.push(tr!(lang, "target-nothing-posted")),
    }
    if let Some((at, digest)) = &t.next {
        parts.push(tr!(lang, "target-next", at = utc(*at), digest = digest.as_str()));
    }
    if t.pending > 0 {
        parts.push(tr!(lang, "target-waiting", count = t.pending));
    }
    if let Some((at, why, detail)) = &t.last_failure {
        parts.push(match detail.is_empty() {
            true => tr!(
                lang,
                "target-last-failure",
                at = utc(*at),
                reason = why.text(lang)
            ),
            false => tr!(
                lang,
                "target-last-failure-detail",
                at = utc(*at),
                reason = why.text(lang),
                detail = detail.as_str()
            ),
        });
    }
    if !t.connected {
        parts.push(tr!(lang, "target-not-connected"));
    }
    if !t.configured {
        parts.push(tr!(lang, "target-not-configured"));
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
