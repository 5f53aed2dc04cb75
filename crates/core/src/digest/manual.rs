//! A moderator's `digest <event> [target]`, posted once for every platform: where the post goes, whether
//! the caller may post there, the post itself through the ledger (so it is sent once and edited when its
//! briefing is corrected), and the reply that says how it went.
//!
//! An adapter gives only what it alone knows: the channel or room the command came from, the platform's
//! id of the command, and a [`Venue`] that says whether the caller may post to another channel or room of
//! that platform.

use std::sync::Arc;

use crate::config::Config;
use crate::i18n::{Lang, code};
use crate::response::{Block, Inline, Post, Response, Status};
use crate::{tr, tr_inline};

use super::poster::{BoxFuture, FailureReason, PostFailure};
use super::{Digests, NoScheduler, why_off};
use crate::target::Target;

/// What only a platform can tell about a moderator's digest to another of its channels or rooms.
pub trait Venue: Send + Sync {
    /// `Ok` when the caller may post to `target`, a channel or room of this platform other than the one
    /// the command came from (a channel of the same Discord server; a Matrix room the caller moderates
    /// too); else the refusal to answer with, in `lang`.
    fn may_post<'a>(&'a self, lang: Lang, target: &'a Target) -> BoxFuture<'a, Result<(), Response>>;
}

/// Posts a moderator's digest and returns the reply for the moderator, in `lang`. `here` is where the
/// command came from; `request` the platform's id of the command, so the same command delivered twice
/// posts once; `digests` the scheduler, or why none runs.
pub async fn post(
    lang: Lang,
    digests: Result<Arc<Digests>, NoScheduler>,
    config: &Config,
    post: &Post,
    here: &Target,
    request: &str,
    venue: &dyn Venue,
) -> Response {
    let target = match target(lang, post, here, config) {
        Ok(t) => t,
        Err(refusal) => return *refusal,
    };
    if target != *here
        && target.platform() == here.platform()
        && let Err(refusal) = venue.may_post(lang, &target).await
    {
        return refusal.in_lang(lang);
    }
    let digests = match digests {
        Ok(d) => d,
        Err(why) => {
            let hint = tr_inline!(lang, "digest-fix-and-restart");
            return Response::problem(Status::Internal, why_off(lang, &why), vec![hint])
                .private()
                .in_lang(lang);
        }
    };
    let result = digests.post_now(&target, &post.briefing, request).await.map(drop);
    reply(lang, &post.briefing, &target, target == *here, &result)
}

/// Where a moderator's digest goes: the named target, or `here` (the command's own channel or room).
/// A target on another platform must be named in the config (by a `[[digests]]` or `[announce]`): a
/// moderator of one community cannot post into any room or channel the bot happens to be in elsewhere.
pub fn target(lang: Lang, post: &Post, here: &Target, config: &Config) -> Result<Target, Box<Response>> {
    let Some(named) = &post.target else {
        return Ok(here.clone());
    };
    let target = Target::parse(named).map_err(|_| {
        let why = match named.split_once(':').map(|(p, _)| p) {
            Some("discord") => tr!(lang, "target-bad-discord"),
            Some("matrix") => tr!(lang, "target-bad-matrix"),
            _ => tr!(lang, "target-bad-scheme"),
        };
        Box::new(Response::problem(
            Status::Usage,
            tr_inline!(lang, "not-a-target", target = code(named.as_str()), why = why),
            vec![],
        ))
    })?;
    if target.platform() != here.platform() && !config.names_target(&target) {
        return Err(Box::new(
            Response::problem(
                Status::Denied,
                tr_inline!(
                    lang,
                    "other-platform-refused",
                    platform = here.platform().as_str(),
                    target = code(target.to_string())
                ),
                vec![tr_inline!(lang, "other-platform-hint")],
            )
            .private(),
        ));
    }
    Ok(target)
}

/// The reply to a moderator once the post went out, or did not.
pub fn reply(
    lang: Lang,
    briefing: &str,
    target: &Target,
    here: bool,
    result: &Result<(), PostFailure>,
) -> Response {
    let (id, to) = (code(briefing), code(target.to_string()));
    let reply = match result {
        Ok(()) => Response::answer(vec![Block::Note {
            text: match here {
                true => tr_inline!(lang, "posted-here", id = id),
                false => tr_inline!(lang, "posted-to", id = id, target = to),
            },
        }]),
        Err(f) => {
            let why = match f.detail.is_empty() {
                true => f.reason.text(lang),
                false => format!("{}: {}", f.reason.text(lang), f.detail),
            };
            let message = match here {
                true => tr_inline!(lang, "not-posted-here", id = id, why = why),
                false => tr_inline!(lang, "not-posted-to", id = id, target = to, why = why),
            };
            Response::problem(
                Status::NotFound,
                message,
                hint(lang, f.reason).into_iter().collect(),
            )
        }
    };
    reply.private().in_lang(lang)
}

/// What a moderator can do about a failure.
fn hint(lang: Lang, reason: FailureReason) -> Option<Inline> {
    Some(match reason {
        FailureReason::MissingPermission => tr_inline!(lang, "hint-missing-permission"),
        FailureReason::PowerLevelTooLow => tr_inline!(lang, "hint-power-level"),
        FailureReason::NotJoined => tr_inline!(lang, "hint-not-joined"),
        FailureReason::UnknownTarget => tr_inline!(lang, "hint-unknown-target"),
        FailureReason::RateLimited | FailureReason::Unavailable => {
            tr_inline!(lang, "hint-retrying", status = code("digest status"))
        }
        FailureReason::Undecryptable => tr_inline!(lang, "hint-undecryptable"),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn post(target: Option<&str>) -> Post {
        Post {
            target: target.map(str::to_string),
            briefing: "b".into(),
            blocks: vec![],
        }
    }

    #[test]
    fn another_platform_only_where_the_config_posts() {
        let config = Config::parse(
            "[announce]\ntargets = [\"matrix:!news:example.org\"]\n",
            std::path::Path::new("t.toml"),
        )
        .unwrap();
        let here = Target::Discord(5);
        assert_eq!(target(Lang::En, &post(None), &here, &config).unwrap(), here);
        assert_eq!(
            target(Lang::En, &post(Some("discord:6")), &here, &config).unwrap(),
            Target::Discord(6)
        );
        assert_eq!(
            target(Lang::En, &post(Some("matrix:!news:example.org")), &here, &config).unwrap(),
            Target::Matrix("!news:example.org".into())
        );
        let refused = target(Lang::En, &post(Some("matrix:!other:example.org")), &here, &config).unwrap_err();
        assert_eq!(refused.status, Status::Denied);
        assert!(refused.private);
    }

    #[test]
    fn a_failure_says_why_and_what_to_do() {
        let t = Target::Matrix("!r".into());
        let failed = Err(PostFailure::permanent(FailureReason::NotJoined, ""));
        let answer = reply(Lang::En, "b", &t, false, &failed);
        let text: Vec<String> = answer
            .blocks
            .iter()
            .map(|b| match b {
                Block::Paragraph { text } | Block::Note { text } => text.to_plain(),
                _ => String::new(),
            })
            .collect();
        assert_eq!(
            text[0],
            "Could not post the digest of b to matrix:!r: room not joined."
        );
        assert!(text[1].contains("Invite the bot"), "{text:?}");
        assert_eq!(reply(Lang::En, "b", &t, true, &Ok(())).status, Status::Answer);
    }
}
