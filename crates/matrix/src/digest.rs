//! A moderator's `digest <event> [target]` typed in a Matrix room, through the core's
//! [`manual::post`]: here, to another room the caller moderates too, or to a target on another platform
//! that the config names. What only Matrix can tell is whether the caller moderates that other room.

use attache_core::command::Role;
use attache_core::digest::manual::{self, Venue};
use attache_core::digest::{BoxFuture, Target};
use attache_core::i18n::{Lang, code};
use attache_core::response::{Inline, Post, Response, Status};
use attache_core::tr_inline;
use matrix_sdk::{Room, RoomState};

use super::Bot;
use super::event::Request;
use super::room::role_in;

/// Posts `post` and returns the reply that says where it went, or why not.
pub(super) async fn post(bot: &Bot, room: &Room, request: &Request, post: &Post, lang: Lang) -> Response {
    let venue = Moderated { bot, request };
    manual::post(
        lang,
        bot.engine.scheduler(),
        &bot.engine.config(),
        post,
        &Target::Matrix(room.room_id().to_string()),
        &format!("matrix:{}", request.event_id),
        &venue,
    )
    .await
}

/// Another room may be posted to when the bot is in it and the caller moderates it as well.
struct Moderated<'a> {
    bot: &'a Bot,
    request: &'a Request,
}

impl Venue for Moderated<'_> {
    fn may_post<'a>(&'a self, lang: Lang, target: &'a Target) -> BoxFuture<'a, Result<(), Response>> {
        Box::pin(async move {
            match target {
                Target::Matrix(name) => moderated_room(lang, self.bot, self.request, name).await.map(drop),
                Target::Discord(_) => Ok(()),
            }
        })
    }
}

/// The joined room `name` (an id or an alias), if the caller moderates it as well.
async fn moderated_room(lang: Lang, bot: &Bot, request: &Request, name: &str) -> Result<Room, Response> {
    let problem = |status, message: Inline, hint: Inline| Response::problem(status, message, vec![hint]);
    let room_id = super::room_id(&bot.client, name).await.ok();
    let joined = room_id
        .and_then(|id| bot.client.get_room(&id))
        .filter(|r| r.state() == RoomState::Joined && bot.serves(r.room_id()));
    let Some(target_room) = joined else {
        return Err(problem(
            Status::NotFound,
            tr_inline!(lang, "not-in-room", room = code(name)),
            tr_inline!(lang, "invite-me-first"),
        ));
    };
    if role_in(bot, &target_room, &request.sender).await < Role::Moderator {
        return Err(problem(
            Status::Denied,
            tr_inline!(lang, "not-moderator-in", room = code(name)),
            tr_inline!(lang, "ask-moderator-there"),
        ));
    }
    Ok(target_room)
}
