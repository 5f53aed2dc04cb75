//! Answering interactions: a slash command runs in the engine and its response goes back as the callback,
//! autocomplete gets its choices, and paging buttons turn the pages of a list for the one who asked.
//!
//! Discord wants the first answer within 3 seconds. An answer not ready within [`DEFER_AFTER`] is deferred
//! first (a "thinking…" callback for a command, a silent acknowledgement for a button) and then edited in,
//! so slow work (a reload, a post to another channel that meets a rate limit) never loses the interaction.
//! Paging buttons are removed before the interaction token they depend on expires, so they lapse cleanly
//! instead of failing when pressed; which lists have them is kept in a [`PageStore`].
//!
//! An answer is built the same way whichever way the interaction came; only the delivery of the first
//! answer differs ([`First`]): a REST callback for an interaction from the gateway, the body of the HTTP
//! response for one Discord posted to the endpoint ([`crate::endpoint`]). Edits after a deferral go over
//! REST either way.

use std::future::Future;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use chrono::Utc;
use reqwest::Method;
use serenity::all::{
    CommandDataOptionValue, CommandInteraction, ComponentInteraction, CreateAutocompleteResponse,
    CreateInteractionResponse, CreateInteractionResponseMessage, EditInteractionResponse, Interaction,
    Member, User,
};
use tokio::sync::oneshot;
use tokio::time::Instant;
use tokio_util::sync::CancellationToken;
use tokio_util::task::TaskTracker;

use crate::interaction::{self, OptionValue, PageButton, page_buttons};
use crate::pages::{PageStore, Pager};
use crate::poster::failure;
use crate::render::{self, Rendered};
use crate::rest::{Rest, RestError, callback_path, original_path, snowflake};
use attache_core::command::{Command, Role};
use attache_core::config::DiscordConfig;
use attache_core::digest::manual::{self, Venue};
use attache_core::digest::{BoxFuture, Target};
use attache_core::engine::{Caller, Engine, usage_reply};
use attache_core::i18n::{self, Lang};
use attache_core::response::{Page, Response};
use attache_core::retry::Policy;
use attache_core::tr_inline;

/// Discord's window for the first callback.
const CALLBACK_WINDOW: Duration = Duration::from_secs(3);
/// An answer not ready by then is deferred, leaving time for the deferral itself to meet a rate limit.
pub const DEFER_AFTER: Duration = Duration::from_millis(1500);
/// Waits before editing a deferral sent in an HTTP response again, when Discord did not know of it yet
/// (10015 Unknown Webhook: the edit overtook the response): from 50 ms, doubling, to 1 s.
const EDIT_AFTER_INLINE: Policy = Policy::new(Duration::from_millis(50), Duration::from_secs(1));
/// Tries of such an edit before giving up.
const EDIT_TRIES: u32 = 6;
/// Discord's JSON error code for an unknown webhook.
const UNKNOWN_WEBHOOK: i64 = 10015;

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

/// How an interaction's first answer reaches Discord.
pub enum First {
    /// `POST /interactions/{id}/{token}/callback`: for an interaction that came over the gateway.
    Callback,
    /// The body of the HTTP response to Discord's POST: for an interaction posted to the endpoint, which
    /// waits on the other end.
    Inline(oneshot::Sender<CreateInteractionResponse>),
}

/// Why an interaction went unanswered.
#[derive(Debug, thiserror::Error)]
enum AnswerError {
    #[error(transparent)]
    Rest(#[from] RestError),
    #[error("the HTTP request it came in was gone before its first answer was ready")]
    Gone,
}

/// Answering one interaction: where its first answer goes, and what its later edits need.
struct Reply {
    first: First,
    id: u64,
    application: u64,
    token: String,
    /// Discord's 3 seconds for the first answer, counted from when the interaction arrived.
    deadline: Instant,
}

impl Reply {
    fn inline(&self) -> bool {
        matches!(self.first, First::Inline(_))
    }

    /// Sends the first answer.
    async fn first(self, rest: &Rest, body: CreateInteractionResponse) -> Result<(), AnswerError> {
        match self.first {
            First::Callback => {
                let path = callback_path(self.id, &self.token);
                rest.send(Method::POST, &path, &body, Some(self.deadline)).await?;
                Ok(())
            }
            First::Inline(to) => to.send(body).map_err(|_| AnswerError::Gone),
        }
    }
}

pub struct Discord {
    engine: Arc<Engine>,
    config: DiscordConfig,
    rest: Arc<Rest>,
    /// The application's id, once known (0 until then): from Discord at start, or from an interaction.
    application: AtomicU64,
    tracker: TaskTracker,
    pages: Arc<dyn PageStore>,
}

impl Discord {
    /// The adapter's answering side, with its REST client for `config.api_base` and `token`, and the
    /// store of paging buttons (in memory unless several instances share one).
    pub fn new(
        engine: Arc<Engine>,
        config: DiscordConfig,
        token: &str,
        tracker: TaskTracker,
        pages: Arc<dyn PageStore>,
    ) -> Discord {
        Discord {
            rest: Arc::new(Rest::new(&config.api_base, token)),
            engine,
            config,
            application: AtomicU64::new(0),
            tracker,
            pages,
        }
    }

    pub fn tracker(&self) -> &TaskTracker {
        &self.tracker
    }

    pub fn rest(&self) -> &Arc<Rest> {
        &self.rest
    }

    pub fn config(&self) -> &DiscordConfig {
        &self.config
    }

    pub fn engine(&self) -> &Arc<Engine> {
        &self.engine
    }

    /// The application's id, 0 while unknown.
    pub fn application(&self) -> u64 {
        self.application.load(Ordering::Relaxed)
    }

    pub fn set_application(&self, id: u64) {
        self.application.store(id, Ordering::Relaxed);
    }

    /// Answers `interaction`, its first answer delivered as `first` says. An interaction of a kind the bot
    /// does not take (a modal submission) is left alone, and an inline `first` is dropped unsent.
    pub async fn answer(self: Arc<Self>, interaction: Interaction, first: First) {
        let deadline = Instant::now() + CALLBACK_WINDOW;
        let reply = |id: u64, application: u64, token: &str| {
            if self.application() == 0 {
                self.set_application(application);
            }
            Reply {
                first,
                id,
                application,
                token: token.to_string(),
                deadline,
            }
        };
        let result = match interaction {
            Interaction::Command(c) => {
                let r = reply(c.id.get(), c.application_id.get(), &c.token);
                self.slash(c, r).await
            }
            Interaction::Autocomplete(c) => {
                let r = reply(c.id.get(), c.application_id.get(), &c.token);
                self.autocomplete(c, r).await
            }
            Interaction::Component(c) => {
                let r = reply(c.id.get(), c.application_id.get(), &c.token);
                self.button(c, r).await
            }
            _ => Ok(()),
        };
        if let Err(e) = result {
            tracing::warn!("discord: could not answer an interaction: {e}");
        }
    }

    /// Sends `work`'s result as the first answer (`ready`) when it is done within [`DEFER_AFTER`]; else
    /// `deferral` first, then the result as an edit of the original response (`edit`).
    async fn answer_or_defer(
        &self,
        reply: Reply,
        work: impl Future<Output = Rendered>,
        ready: impl FnOnce(Rendered) -> CreateInteractionResponse,
        deferral: CreateInteractionResponse,
        edit: impl FnOnce(Rendered) -> EditInteractionResponse,
    ) -> Result<(), AnswerError> {
        let mut work = std::pin::pin!(work);
        tokio::select! {
            rendered = &mut work => reply.first(&self.rest, ready(rendered)).await,
            _ = tokio::time::sleep(DEFER_AFTER) => {
                let (application, token, inline) = (reply.application, reply.token.clone(), reply.inline());
                reply.first(&self.rest, deferral).await?;
                let rendered = work.await;
                self.edit_original(application, &token, &edit(rendered), inline).await?;
                Ok(())
            }
        }
    }

    fn role(&self, user: &User, member: Option<&Member>) -> Role {
        let roles: Vec<u64> = member
            .map(|m| m.roles.iter().map(|r| r.get()).collect())
            .unwrap_or_default();
        let permissions = member.and_then(|m| m.permissions).map(|p| p.bits());
        interaction::role(&self.config, user.id.get(), &roles, permissions)
    }

    async fn slash(self: &Arc<Self>, c: CommandInteraction, reply: Reply) -> Result<(), AnswerError> {
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
        let work = async move {
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
        };
        // Whether the answer will be for the caller alone is not known when it is deferred, and a deferred
        // reply cannot become ephemeral later: it is deferred for everyone.
        let deferral = CreateInteractionResponse::Defer(CreateInteractionResponseMessage::new());
        self.answer_or_defer(
            reply,
            work,
            |r| CreateInteractionResponse::Message(r.reply()),
            deferral,
            Rendered::edit_reply,
        )
        .await
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
            self.remember(key, invoker, page, token).await;
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

    /// Edits the message an interaction's answer made. After a deferral sent in an HTTP response
    /// (`after_inline`), Discord may not know of the deferral yet when the edit arrives: an unknown webhook
    /// is then tried again, a few times.
    async fn edit_original(
        &self,
        application: u64,
        token: &str,
        edit: &EditInteractionResponse,
        after_inline: bool,
    ) -> Result<(), RestError> {
        let path = original_path(application, token);
        let mut backoff = EDIT_AFTER_INLINE.backoff();
        let mut tries = 0;
        loop {
            tries += 1;
            match self.rest.send(Method::PATCH, &path, edit, None).await {
                Err(e) if after_inline && e.code() == Some(UNKNOWN_WEBHOOK) && tries < EDIT_TRIES => {
                    tokio::time::sleep(backoff.next_delay()).await;
                }
                result => return result.map(drop),
            }
        }
    }

    async fn autocomplete(&self, c: CommandInteraction, reply: Reply) -> Result<(), AnswerError> {
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
        reply
            .first(&self.rest, CreateInteractionResponse::Autocomplete(choices))
            .await
    }

    /// A press of a paging button: the next or previous page in place of the list, for the one who asked;
    /// anyone else, or a list whose time is up, is told so privately. A page not ready within
    /// [`DEFER_AFTER`] is acknowledged first and edited in.
    async fn button(&self, c: ComponentInteraction, reply: Reply) -> Result<(), AnswerError> {
        let lang = interaction::language(
            &c.locale,
            c.guild_locale.as_deref(),
            self.engine.config().language,
        );
        let (button, command) = match self.press(&c, lang).await {
            Ok(turn) => turn,
            Err(at_once) => return reply.first(&self.rest, at_once).await,
        };
        let role = self.role(&c.user, c.member.as_ref());
        let engine = self.engine.clone();
        let caller = Caller::new(role, "discord")
            .lang(lang)
            .place(format!("discord:{}", c.channel_id.get()));
        let work = async {
            let response = off_thread(move || engine.run_as(command, &caller)).await;
            let rows = match &response.page {
                Some(page) => {
                    self.remember(button.key, button.invoker, page, &c.token).await;
                    page_buttons(lang, page, button.key, button.invoker)
                }
                None => Vec::new(),
            };
            render::render(&response).with_components(rows)
        };
        self.answer_or_defer(
            reply,
            work,
            |r| CreateInteractionResponse::UpdateMessage(r.update()),
            CreateInteractionResponse::Acknowledge,
            Rendered::edit_update,
        )
        .await
    }

    /// The command a press turns the page with; or, when there is nothing to run, the answer to give at
    /// once (a notice to someone else or about a lapsed list, or an acknowledgement when there is no page
    /// that way).
    async fn press(
        &self,
        c: &ComponentInteraction,
        lang: Lang,
    ) -> Result<(PageButton, Command), CreateInteractionResponse> {
        let notice =
            |id: &str| CreateInteractionResponse::Message(render::notice(&i18n::text(lang, id, &[])));
        let Some(button) = PageButton::parse(&c.data.custom_id) else {
            return Err(notice("list-expired"));
        };
        if button.invoker != c.user.id.get() {
            return Err(notice("only-invoker-pages"));
        }
        let pager = match self.pages.get(button.key).await {
            Ok(pager) => pager.filter(|p| p.lapses > Utc::now()),
            Err(e) => {
                tracing::warn!("discord: {e}");
                return Err(notice("internal-error"));
            }
        };
        let Some(pager) = pager else {
            return Err(notice("list-expired"));
        };
        match pager.command(button.forward) {
            Some(command) => Ok((button, command)),
            // Nothing further that way: acknowledge without changing the message.
            None => Err(CreateInteractionResponse::Acknowledge),
        }
    }

    /// Keeps a list's buttons working until `page_timeout` after the latest interaction that showed it.
    /// A store that fails is logged: the buttons then answer that the list has expired.
    async fn remember(&self, key: u64, invoker: u64, page: &Page, token: &str) {
        let timeout = chrono::Duration::from_std(self.config.page_timeout).unwrap_or_default();
        let pager = Pager::new(invoker, page, token, Utc::now() + timeout);
        if let Err(e) = self.pages.remember(key, pager).await {
            tracing::warn!(key, "discord: paging buttons will not work: {e}");
        }
    }

    /// Removes the buttons of lists whose time is up, while their interaction token still allows the edit.
    pub async fn lapse_pages(self: Arc<Self>, shutdown: CancellationToken) {
        let mut tick = tokio::time::interval(Duration::from_secs(1));
        loop {
            tokio::select! {
                _ = tick.tick() => {}
                _ = shutdown.cancelled() => return,
            }
            // Lists are only made once interactions arrive, which tells the application's id.
            let application = self.application();
            if application == 0 {
                continue;
            }
            let due = match self.pages.take_lapsed(Utc::now()).await {
                Ok(due) => due,
                Err(e) => {
                    tracing::warn!("discord: {e}");
                    continue;
                }
            };
            for (key, pager) in due {
                let lapsed = EditInteractionResponse::new().components(Vec::new());
                match self
                    .edit_original(application, pager.token.expose(), &lapsed, false)
                    .await
                {
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
