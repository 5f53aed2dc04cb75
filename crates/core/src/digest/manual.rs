//! A moderator's `digest <event> [target]`, posted once for every platform: where the post goes, whether
//! the caller may post there, the post itself through the ledger (so it is sent once and edited when its
//! briefing is corrected), and the reply that says how it went.
//!
//! An adapter gives only what it alone knows: the channel or room the command came from, the platform's
//! id of the command, and a [`Venue`] that says whether the caller may post to another channel or room of
//! that platform.

use std::sync::Arc;

use crate::config::Config;
use crate::response::{Block, Inline, Post, Response, Status};

use super::Digests;
use super::poster::{BoxFuture, FailureReason, PostFailure};
use crate::target::Target;

/// What only a platform can tell about a moderator's digest to another of its channels or rooms.
pub trait Venue: Send + Sync {
    /// `Ok` when the caller may post to `target`, a channel or room of this platform other than the one
    /// the command came from (a channel of the same Discord server; a Matrix room the caller moderates
    /// too); else the refusal to answer with.
    fn may_post<'a>(&'a self, target: &'a Target) -> BoxFuture<'a, Result<(), Response>>;
}

/// Posts a moderator's digest and returns the reply for the moderator. `here` is where the command came
/// from; `request` the platform's id of the command, so the same command delivered twice posts once;
/// `digests` the scheduler, or why none runs.
pub async fn post(
    digests: Result<Arc<Digests>, String>,
    config: &Config,
    post: &Post,
    here: &Target,
    request: &str,
    venue: &dyn Venue,
) -> Response {
    let target = match target(post, here, config) {
        Ok(t) => t,
        Err(refusal) => return *refusal,
    };
    if target != *here
        && target.platform() == here.platform()
        && let Err(refusal) = venue.may_post(&target).await
    {
        return refusal;
    }
    let digests = match digests {
        Ok(d) => d,
        Err(why) => {
            return Response::problem(
                Status::Internal,
                Inline::plain(why),
                vec![Inline::plain(
                    "An admin can fix what the log names and restart the bot; until then nothing is posted.",
                )],
            )
            .private();
        }
    };
    let result = digests.post_now(&target, &post.briefing, request).await.map(drop);
    reply(&post.briefing, &target, target == *here, &result)
}

/// Where a moderator's digest goes: the named target, or `here` (the command's own channel or room).
/// A target on another platform must be named in the config (by a `[[digests]]` or `[announce]`): a
/// moderator of one community cannot post into any room or channel the bot happens to be in elsewhere.
pub fn target(post: &Post, here: &Target, config: &Config) -> Result<Target, Box<Response>> {
    let Some(named) = &post.target else {
        return Ok(here.clone());
    };
    let target = Target::parse(named).map_err(|why| {
        Box::new(Response::problem(
            Status::Usage,
            Inline::default()
                .code(named.as_str())
                .text(format!(" is not a target: {why}.")),
            vec![],
        ))
    })?;
    if target.platform() != here.platform() && !config.names_target(&target) {
        return Err(Box::new(
            Response::problem(
                Status::Denied,
                Inline::default()
                    .text("From ")
                    .text(here.platform().as_str())
                    .text(", a digest can go to another platform only where the config posts digests: ")
                    .code(target.to_string())
                    .text(" is not one of them."),
                vec![Inline::plain(
                    "An admin can add it to a [[digests]] or [announce] target list; or post it from there.",
                )],
            )
            .private(),
        ));
    }
    Ok(target)
}

/// The reply to a moderator once the post went out, or did not.
pub fn reply(briefing: &str, target: &Target, here: bool, result: &Result<(), PostFailure>) -> Response {
    let place = |i: Inline| {
        if here {
            i.text("here")
        } else {
            i.text("to ").code(target.to_string())
        }
    };
    match result {
        Ok(()) => Response::answer(vec![Block::Note {
            text: place(
                Inline::default()
                    .text("Posted the digest of ")
                    .code(briefing)
                    .text(" "),
            )
            .text("."),
        }])
        .private(),
        Err(f) => {
            let message = place(
                Inline::default()
                    .text("Could not post the digest of ")
                    .code(briefing)
                    .text(" "),
            )
            .text(format!(": {f}."));
            let hint = hint(f.reason, target);
            Response::problem(Status::NotFound, message, hint.into_iter().collect()).private()
        }
    }
}

/// What a moderator can do about a failure.
fn hint(reason: FailureReason, target: &Target) -> Option<Inline> {
    let text = match (reason, target) {
        (FailureReason::MissingPermission, _) => {
            "The bot needs View Channel, Send Messages, Embed Links and Read Message History there."
        }
        (FailureReason::PowerLevelTooLow, _) => {
            "Raise the bot's power level in that room to what sending messages needs."
        }
        (FailureReason::NotJoined, _) => "Invite the bot to that room, then try again.",
        (FailureReason::UnknownTarget, _) => "Check the id: the bot sees no such channel or room.",
        (FailureReason::RateLimited | FailureReason::Unavailable, _) => {
            "It will be tried again for a while; `digest status` shows how it goes."
        }
        (FailureReason::Undecryptable, _) => {
            "The bot cannot encrypt for that room yet; its devices may need verifying."
        }
        _ => return None,
    };
    Some(Inline::plain(text))
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
        assert_eq!(target(&post(None), &here, &config).unwrap(), here);
        assert_eq!(
            target(&post(Some("discord:6")), &here, &config).unwrap(),
            Target::Discord(6)
        );
        assert_eq!(
            target(&post(Some("matrix:!news:example.org")), &here, &config).unwrap(),
            Target::Matrix("!news:example.org".into())
        );
        let refused = target(&post(Some("matrix:!other:example.org")), &here, &config).unwrap_err();
        assert_eq!(refused.status, Status::Denied);
        assert!(refused.private);
    }

    #[test]
    fn a_failure_says_why_and_what_to_do() {
        let t = Target::Matrix("!r".into());
        let failed = Err(PostFailure::permanent(FailureReason::NotJoined, ""));
        let answer = reply("b", &t, false, &failed);
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
        assert_eq!(reply("b", &t, true, &Ok(())).status, Status::Answer);
    }
}
