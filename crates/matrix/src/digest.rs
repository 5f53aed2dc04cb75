//! A moderator's `digest <event> [target]` typed in a Matrix room: the post goes here, to another room the
//! caller moderates too, or to a target on another platform that the config names, through the scheduler's
//! ledger (so it goes out once and is edited when the briefing is corrected).

use matrix_sdk::{Room, RoomState};

use attache_core::command::Role;
use attache_core::digest::{Target, manual};
use attache_core::response::{Inline, Post, Response, Status};

use super::Bot;
use super::event::Request;
use super::render;
use super::room::{role_in, send_all};

/// Posts `post` and returns the reply that says where it went, or why not.
pub(super) async fn post(bot: &Bot, room: &Room, request: &Request, post: &Post) -> Response {
    let here = Target::Matrix(room.room_id().to_string());
    let config = bot.engine.config();
    let target = match manual::target(post, &here, &config) {
        Ok(t) => t,
        Err(refusal) => return *refusal,
    };
    let mut other_room = None;
    if let Target::Matrix(name) = &target
        && target != here
    {
        match moderated_room(bot, request, name).await {
            Ok(r) => other_room = Some(r),
            Err(refusal) => return refusal,
        }
    }
    let Some(digests) = bot.engine.digests() else {
        // No ledger (the log says why): Matrix rooms still get the card, without the ledger's guarantees.
        return match (&target, other_room.as_ref()) {
            (Target::Matrix(_), r) => {
                send_all(bot, r.unwrap_or(room), &render::render_post(post), None, None).await;
                manual::reply(&post.briefing, &target, r.is_none(), &Ok(()))
            }
            _ => Response::problem(
                Status::Internal,
                Inline::plain("Digests to other platforms need the digest ledger, which is not open here."),
                vec![],
            ),
        };
    };
    let result = digests
        .post_now(
            &bot.engine,
            &target,
            &post.briefing,
            &format!("matrix:{}", request.event_id),
        )
        .await
        .map(drop);
    manual::reply(&post.briefing, &target, target == here, &result)
}

/// The joined room `name` (an id or an alias), if the caller moderates it as well.
async fn moderated_room(bot: &Bot, request: &Request, name: &str) -> Result<Room, Response> {
    let problem =
        |status, message: Inline, hint: &str| Response::problem(status, message, vec![Inline::plain(hint)]);
    let room_id = super::room_id(&bot.client, name).await.ok();
    let joined = room_id
        .and_then(|id| bot.client.get_room(&id))
        .filter(|r| r.state() == RoomState::Joined && bot.serves(r.room_id()));
    let Some(target_room) = joined else {
        return Err(problem(
            Status::NotFound,
            Inline::default().text("I am not in ").code(name).text("."),
            "Invite me there first, then try again.",
        ));
    };
    if role_in(bot, &target_room, &request.sender).await < Role::Moderator {
        return Err(problem(
            Status::Denied,
            Inline::default()
                .text("You are not a moderator in ")
                .code(name)
                .text("."),
            "Ask a moderator of that room to post the digest.",
        ));
    }
    Ok(target_room)
}
