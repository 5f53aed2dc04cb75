//! Answering interactions: a slash command runs in the engine and its response goes back as the callback,
//! autocomplete gets its choices, and paging buttons turn the pages of a list for the one who asked.
//!
//! Discord wants a callback within 3 seconds. An answer not ready within [`DEFER_AFTER`] is deferred first
//! (a "thinking…" callback) and then edited in, so slow work (a reload, a post to another channel that
//! meets a rate limit) never loses the interaction. Paging buttons are removed before the interaction
//! token they depend on expires, so they lapse cleanly instead of failing when pressed.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use reqwest::Method;
use serenity::all::{
    CommandDataOptionValue, CommandInteraction, ComponentInteraction, CreateAutocompleteResponse,
    CreateInteractionResponse, CreateInteractionResponseMessage, EditInteractionResponse, Interaction,
    Member, User,
};
use tokio::time::Instant;
use tokio_util::sync::CancellationToken;
use tokio_util::task::TaskTracker;

use crate::interaction::{self, OptionValue, PageButton, page_buttons};
use crate::poster::failure;
use crate::render::{self, Rendered};
use crate::rest::{Rest, RestError, Secret, callback_path, original_path, snowflake};
use attache_core::command::{Command, Role};
use attache_core::config::DiscordConfig;
use attache_core::digest::manual::{self, Venue};
use attache_core::digest::{BoxFuture, Target};
use attache_core::engine::{Caller, Engine, usage_reply};
use attache_core::i18n::{self, Lang};
use attache_core::response::{Page, Response};
use attache_core::tr_inline;

/// Discord's window for the first callback.
const CALLBACK_WINDOW: Duration = Duration::from_secs(3);
/// An answer not ready by then is deferred, leaving time for the deferral itself to meet a rate limit.
const DEFER_AFTER: Duration = Duration::from_millis(1500);
/// At most this many lists keep working buttons; the oldest lapse first beyond it.
const MAX_PAGERS: usize = 10_000;

/// A moderator's digest to another channel goes only to a channel of the server the command came from.
struct SameGuild<'a> {
    discord: &'a Discord,
    guild: Option<u64>,
}

impl Venue for SameGuild<'_> {
    fn may_post<'a>(&'a self, lang: Lang, target: &'a Target) -> BoxFuture<'a, Result<(), Response>> {
        Box::pin(async move {
            match *target {
                Target::Discord(channel) => self.discord.same_guild(lang, channel, self.guild).await,
                Target::Matrix(_) => Ok(()),
            }
        })
    }
}

/// Where an interaction came from, and the language to answer it in.
#[derive(Debug, Clone, Copy)]
struct Origin {
    channel: u64,
    guild: Option<u64>,
    lang: Lang,
}

/// A list whose buttons still work.
#[derive(Debug, Clone)]
struct Pager {
    invoker: u64,
    prev: Option<Command>,
    next: Option<Command>,
    /// The token of the latest interaction that showed this list, and when its buttons lapse.
    token: Secret,
    lapses: Instant,
}

pub struct Discord {
    engine: Arc<Engine>,
    config: DiscordConfig,
    rest: Arc<Rest>,
    application: u64,
    tracker: TaskTracker,
    // A std lock: held only to read or update one entry, never across an `.await`.
    pagers: Mutex<HashMap<u64, Pager>>,
}

impl Discord {
    pub fn new(
        engine: Arc<Engine>,
        config: DiscordConfig,
        rest: Arc<Rest>,
        application: u64,
        tracker: TaskTracker,
    ) -> Discord {
        Discord {
            engine,
            config,
            rest,
            application,
            tracker,
            pagers: Mutex::new(HashMap::new()),
        }
    }

    pub fn tracker(&self) -> &TaskTracker {
        &self.tracker
    }

    pub fn rest(&self) -> &Arc<Rest> {
        &self.rest
    }

    pub async fn answer(self: Arc<Self>, interaction: Interaction) {
        let deadline = Instant::now() + CALLBACK_WINDOW;
        let result = match interaction {
            Interaction::Command(c) => self.slash(c, deadline).await,
            Interaction::Autocomplete(c) => self.autocomplete(c, deadline).await,
            Interaction::Component(c) => self.button(c, deadline).await,
            _ => Ok(()),
        };
        if let Err(e) = result {
            tracing::warn!("discord: could not answer an interaction: {e}");
        }
    }

    fn role(&self, user: &User, member: Option<&Member>) -> Role {
        let roles: Vec<u64> = member
            .map(|m| m.roles.iter().map(|r| r.get()).collect())
            .unwrap_or_default();
        let permissions = member.and_then(|m| m.permissions).map(|p| p.bits());
        interaction::role(&self.config, user.id.get(), &roles, permissions)
    }

    async fn slash(self: &Arc<Self>, c: CommandInteraction, deadline: Instant) -> Result<(), RestError> {
        let role = self.role(&c.user, c.member.as_deref());
        let options: Vec<(String, OptionValue)> = c
            .data
            .options
            .iter()
            .map(|o| {
                let value = match &o.value {
                    CommandDataOptionValue::String(s) => OptionValue::Text(s.clone()),
                    CommandDataOptionValue::Integer(n) => OptionValue::Integer(*n),
                    _ => OptionValue::Other,
                };
                (o.name.clone(), value)
            })
            .collect();
        let invoker = c.user.id.get();
        let key = c.id.get();
        let this = self.clone();
        let name = c.data.name.clone();
        let token = c.token.clone();
        let lang = interaction::language(
            &c.locale,
            c.guild_locale.as_deref(),
            self.engine.config().language,
        );
        let from = Origin {
            channel: c.channel_id.get(),
            guild: c.guild_id.map(|g| g.get()),
            lang,
        };
        let mut work = Box::pin(async move {
            let engine = this.engine.clone();
            let caller = Caller::new(role, "discord")
                .lang(lang)
                .place(format!("discord:{}", from.channel));
            let response = off_thread(move || match interaction::command(&name, &options) {
                Ok(command) => engine.run_as(command, &caller),
                Err(e) => usage_reply(lang, &e),
            })
            .await;
            this.deliver(response, key, invoker, &token, from).await
        });
        let callback = callback_path(c.id.get(), &c.token);
        tokio::select! {
            rendered = &mut work => {
                let body = CreateInteractionResponse::Message(rendered.reply());
                self.rest.send(Method::POST, &callback, &body, Some(deadline)).await?;
            }
            _ = tokio::time::sleep(DEFER_AFTER) => {
                // Whether the answer will be for the caller alone is not known yet, and a deferred
                // reply cannot become ephemeral later: it is deferred for everyone.
                let defer = CreateInteractionResponse::Defer(CreateInteractionResponseMessage::new());
                self.rest.send(Method::POST, &callback, &defer, Some(deadline)).await?;
                let rendered = work.await;
                self.edit_original(&c.token, &rendered.edit_reply()).await?;
            }
        }
        Ok(())
    }

    /// The message for a response: posts a digest to its target first, and adds paging buttons.
    async fn deliver(
        &self,
        response: Response,
        key: u64,
        invoker: u64,
        token: &str,
        from: Origin,
    ) -> Rendered {
        if let Some(post) = &response.post {
            return self.post_digest(post, key, from).await;
        }
        let rendered = render::render(&response);
        let Some(page) = &response.page else {
            return rendered;
        };
        let rows = page_buttons(response.lang, page, key, invoker);
        if !rows.is_empty() {
            self.remember(key, invoker, page, token);
        }
        rendered.with_components(rows)
    }

    /// Posts a moderator's digest through the scheduler's ledger (so it goes out once and is edited when the
    /// briefing is corrected); the reply, for the moderator alone, says where it went or why it could not.
    async fn post_digest(
        &self,
        post: &attache_core::response::Post,
        interaction: u64,
        from: Origin,
    ) -> Rendered {
        let venue = SameGuild {
            discord: self,
            guild: from.guild,
        };
        let reply = manual::post(
            from.lang,
            self.engine.scheduler(),
            &self.engine.config(),
            post,
            &Target::Discord(from.channel),
            &format!("discord:{interaction}"),
            &venue,
        )
        .await;
        render::render(&reply)
    }

    /// A channel named by a moderator must be in the guild they moderate.
    async fn same_guild(&self, lang: Lang, channel: u64, guild: Option<u64>) -> Result<(), Response> {
        let found = self.rest.get(&format!("/channels/{channel}")).await;
        let channel_guild = found.as_ref().ok().and_then(|c| snowflake(&c["guild_id"]));
        if guild.is_some() && channel_guild == guild {
            return Ok(());
        }
        let at = format!("<#{channel}>");
        let message = match found {
            Err(e) => tr_inline!(
                lang,
                "channel-not-reachable",
                channel = at,
                why = explain(lang, &e)
            ),
            Ok(_) => tr_inline!(lang, "channel-other-server", channel = at),
        };
        Err(Response::problem(
            attache_core::response::Status::Denied,
            message,
            vec![tr_inline!(lang, "post-in-your-server")],
        )
        .private())
    }

    async fn edit_original(&self, token: &str, edit: &EditInteractionResponse) -> Result<(), RestError> {
        let path = original_path(self.application, token);
        self.rest.send(Method::PATCH, &path, edit, None).await.map(drop)
    }

    async fn autocomplete(&self, c: CommandInteraction, deadline: Instant) -> Result<(), RestError> {
        let typed = c
            .data
            .autocomplete()
            .map(|o| o.value.to_string())
            .unwrap_or_default();
        let snapshot = self.engine.snapshot();
        let choices = interaction::autocomplete(&snapshot, &typed)
            .into_iter()
            .fold(CreateAutocompleteResponse::new(), |r, c| {
                r.add_string_choice(c.name, c.value)
            });
        let body = CreateInteractionResponse::Autocomplete(choices);
        let path = callback_path(c.id.get(), &c.token);
        self.rest
            .send(Method::POST, &path, &body, Some(deadline))
            .await
            .map(drop)
    }

    async fn button(&self, c: ComponentInteraction, deadline: Instant) -> Result<(), RestError> {
        let body = self.press(&c).await;
        let path = callback_path(c.id.get(), &c.token);
        self.rest
            .send(Method::POST, &path, &body, Some(deadline))
            .await
            .map(drop)
    }

    /// What a press of a paging button answers: the next or previous page in place of the list, for the
    /// one who asked; anyone else, or a list whose time is up, is told so privately.
    async fn press(&self, c: &ComponentInteraction) -> CreateInteractionResponse {
        let lang = interaction::language(
            &c.locale,
            c.guild_locale.as_deref(),
            self.engine.config().language,
        );
        let notice =
            |id: &str| CreateInteractionResponse::Message(render::notice(&i18n::text(lang, id, &[])));
        let Some(button) = PageButton::parse(&c.data.custom_id) else {
            return notice("list-expired");
        };
        if button.invoker != c.user.id.get() {
            return notice("only-invoker-pages");
        }
        let pager = self
            .pagers
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get(&button.key)
            .cloned();
        let Some(pager) = pager else {
            return notice("list-expired");
        };
        let command = if button.forward { pager.next } else { pager.prev };
        let Some(command) = command else {
            // Nothing further that way: acknowledge without changing the message.
            return CreateInteractionResponse::Acknowledge;
        };
        let role = self.role(&c.user, c.member.as_ref());
        let engine = self.engine.clone();
        let caller = Caller::new(role, "discord")
            .lang(lang)
            .place(format!("discord:{}", c.channel_id.get()));
        let response = off_thread(move || engine.run_as(command, &caller)).await;
        let rows = match &response.page {
            Some(page) => {
                self.remember(button.key, button.invoker, page, &c.token);
                page_buttons(lang, page, button.key, button.invoker)
            }
            None => Vec::new(),
        };
        CreateInteractionResponse::UpdateMessage(render::render(&response).with_components(rows).update())
    }

    /// Keeps a list's buttons working until `page_timeout` after the latest interaction that showed it.
    fn remember(&self, key: u64, invoker: u64, page: &Page, token: &str) {
        let mut pagers = self.pagers.lock().unwrap_or_else(|e| e.into_inner());
        if pagers.len() >= MAX_PAGERS
            && !pagers.contains_key(&key)
            && let Some(oldest) = pagers.iter().min_by_key(|(_, p)| p.lapses).map(|(k, _)| *k)
        {
            pagers.remove(&oldest);
        }
        pagers.insert(
            key,
            Pager {
                invoker,
                prev: page.prev.clone(),
                next: page.next.clone(),
                token: Secret::new(token),
                lapses: Instant::now() + self.config.page_timeout,
            },
        );
    }

    /// Removes the buttons of lists whose time is up, while their interaction token still allows the edit.
    pub async fn lapse_pages(self: Arc<Self>, shutdown: CancellationToken) {
        let mut tick = tokio::time::interval(Duration::from_secs(1));
        loop {
            tokio::select! {
                _ = tick.tick() => {}
                _ = shutdown.cancelled() => return,
            }
            let now = Instant::now();
            let due: Vec<(u64, Pager)> = {
                let mut pagers = self.pagers.lock().unwrap_or_else(|e| e.into_inner());
                let keys: Vec<u64> = pagers
                    .iter()
                    .filter(|(_, p)| p.lapses <= now)
                    .map(|(k, _)| *k)
                    .collect();
                keys.into_iter()
                    .filter_map(|k| pagers.remove(&k).map(|p| (k, p)))
                    .collect()
            };
            for (key, pager) in due {
                let lapsed = EditInteractionResponse::new().components(Vec::new());
                match self.edit_original(pager.token.expose(), &lapsed).await {
                    Ok(_) => tracing::debug!(key, invoker = pager.invoker, "discord: paging buttons lapsed"),
                    Err(e) => tracing::debug!(key, "discord: could not remove lapsed paging buttons: {e}"),
                }
            }
        }
    }
}

/// Runs engine work on the blocking pool. The engine catches panics inside commands itself; a failure to
/// join (a panic outside that guard) still gets an apology rather than silence.
async fn off_thread(work: impl FnOnce() -> Response + Send + 'static) -> Response {
    tokio::task::spawn_blocking(work).await.unwrap_or_else(|_| {
        Response::problem(
            attache_core::response::Status::Internal,
            tr_inline!(Lang::En, "internal-error"),
            vec![],
        )
    })
}

/// Why a channel cannot be posted to, in `lang`: the same classification as a digest's failures
/// ([`failure`]).
fn explain(lang: Lang, e: &RestError) -> String {
    failure(e).reason.text(lang)
}
