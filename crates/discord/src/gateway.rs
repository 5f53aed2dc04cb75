//! The Discord connection: registers the commands, opens serenity's gateway (which heartbeats, reconnects
//! and resumes on its own), and hands every interaction to [`answer`](super::answer) as a tracked task.
//! With `interactions = "http"` this does not run: Discord posts interactions to the HTTP endpoint
//! ([`crate::endpoint`]) and [`crate::over_http`] does the rest.
//!
//! When the gateway ends with an error (a bad token, Discord unreachable), the whole connection is started
//! again after the core's retry policy (exponential, capped, jittered) until shutdown. Interactions are
//! deduplicated by id, so an event replayed by a resume is never answered twice.

use std::collections::{HashSet, VecDeque};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use serenity::all::{Context, EventHandler, GatewayIntents, Interaction, Ready, ResumedEvent};
use serenity::http::HttpBuilder;
use tokio_util::sync::CancellationToken;

use crate::answer::{Discord, First};
use crate::commands::application_commands;
use crate::poster::DiscordPoster;
use crate::rest::{Rest, RestError, snowflake};
use crate::sync::{self, Synced};
use attache_core::config::DiscordConfig;
use attache_core::engine::{Engine, PlatformState};
use attache_core::retry::Policy;

/// Waits between attempts to connect: from 1 s, doubling, to 60 s, jittered; back to 1 s once a
/// connection reached READY.
pub(crate) const RECONNECT: Policy = Policy::new(Duration::from_secs(1), Duration::from_secs(60));
/// How many recent interaction ids are remembered to drop replays.
const SEEN: usize = 4096;

/// Runs the Discord adapter until `shutdown`: `discord` answers what arrives, over the gateway or (with
/// `interactions = "http"`) through the endpoint; `token` is the bot's, for the gateway.
pub async fn run(discord: Arc<Discord>, token: String, shutdown: CancellationToken) {
    let engine = discord.engine().clone();
    engine.set_platform("discord", PlatformState::Starting);
    discord
        .tracker()
        .spawn(discord.clone().lapse_pages(shutdown.clone()));
    let mut backoff = RECONNECT.backoff();
    loop {
        let ready = Arc::new(AtomicBool::new(false));
        let outcome = tokio::select! {
            r = connect(&discord, &token, &ready, &shutdown) => r,
            _ = shutdown.cancelled() => Ok(()),
        };
        if shutdown.is_cancelled() {
            break;
        }
        // A connection that was up for a while and then dropped is a new failure, not the next of a
        // series: it starts again from the first wait.
        if ready.load(Ordering::Relaxed) {
            backoff.reset();
        }
        let wait = backoff.next_delay();
        let why = match outcome {
            Ok(()) => "the gateway closed".to_string(),
            Err(e) => format!("{e:#}"),
        };
        tracing::warn!("discord: {why}; connecting again in {wait:?}");
        engine.set_platform("discord", PlatformState::Reconnecting(why));
        tokio::select! {
            _ = tokio::time::sleep(wait) => {}
            _ = shutdown.cancelled() => break,
        }
    }
    engine.set_platform("discord", PlatformState::Stopped);
}

/// One connection: application info, command sync, then the gateway until it ends or shutdown.
async fn connect(
    discord: &Arc<Discord>,
    token: &str,
    ready: &Arc<AtomicBool>,
    shutdown: &CancellationToken,
) -> anyhow::Result<()> {
    let (engine, config, rest) = (discord.engine(), discord.config(), discord.rest());
    let app = rest.get("/oauth2/applications/@me").await.map_err(hint)?;
    let application = snowflake(&app["id"]).ok_or_else(|| anyhow::anyhow!("the application has no id"))?;
    discord.set_application(application);
    register_commands(rest, config, application).await?;
    let gateway = rest.get("/gateway/bot").await.map_err(hint)?;
    let url = gateway
        .get("url")
        .and_then(|u| u.as_str())
        .ok_or_else(|| anyhow::anyhow!("/gateway/bot gave no url"))?
        .to_string();

    // serenity's own rate limiter would send to discord.com whatever the base (serenity issue #1739); REST
    // calls go through `Rest` instead, and serenity only fetches the gateway with this client.
    let http = HttpBuilder::new(token)
        .proxy(config.api_base.trim_end_matches("/api/v10"))
        .ratelimiter_disabled(true)
        .application_id(application.into())
        .build();
    let handler = Handler {
        discord: discord.clone(),
        engine: engine.clone(),
        ready: ready.clone(),
        seen: Mutex::new(Seen::default()),
    };
    let mut client = serenity::client::ClientBuilder::new_with_http(http, GatewayIntents::GUILDS)
        .event_handler(handler)
        .await?;
    // The URL /gateway/bot gave, even if serenity's own lookup failed and fell back to Discord's default.
    *client.ws_url.lock().await = url;
    let shards = client.shard_manager.clone();
    let stop = shutdown.clone();
    tokio::spawn(async move {
        stop.cancelled().await;
        shards.shutdown_all().await;
    });
    client.start().await?;
    Ok(())
}

/// Brings the commands registered in each configured guild (or globally) in step with the catalogue.
pub(crate) async fn register_commands(
    rest: &Rest,
    config: &DiscordConfig,
    application: u64,
) -> anyhow::Result<()> {
    let wanted = application_commands();
    let scopes: Vec<Option<u64>> = if config.guilds.is_empty() {
        vec![None]
    } else {
        config.guilds.iter().copied().map(Some).collect()
    };
    for scope in scopes {
        let where_ = scope.map_or("globally".to_string(), |g| format!("in guild {g}"));
        match sync::sync(rest, application, scope, &wanted)
            .await
            .map_err(hint)?
        {
            Synced::Unchanged => tracing::info!("discord: commands registered {where_} are up to date"),
            Synced::Written { commands } => {
                tracing::info!("discord: registered {commands} commands {where_}")
            }
        }
    }
    Ok(())
}

/// Digests and announcements wait for this: posts go through REST, as the bot's own `user`.
pub(crate) fn add_poster(engine: &Engine, rest: &Arc<Rest>, user: u64) {
    if let Some(digests) = engine.digests() {
        digests.add_poster(Arc::new(DiscordPoster::new(rest.clone(), user)));
    }
}

/// Adds what to do about the errors an admin can fix.
pub(crate) fn hint(e: RestError) -> anyhow::Error {
    let fix = match e.status() {
        Some(401) => " (the token is wrong or was reset: check the variable `discord.token_env` names)",
        Some(403) => " (the bot lacks the applications.commands scope in that guild: invite it again)",
        _ => "",
    };
    anyhow::anyhow!("{e}{fix}")
}

/// Recently answered interaction ids, oldest first.
#[derive(Default)]
pub(crate) struct Seen {
    order: VecDeque<u64>,
    set: HashSet<u64>,
}

impl Seen {
    /// Whether `id` is new; remembers it.
    pub(crate) fn first_time(&mut self, id: u64) -> bool {
        if !self.set.insert(id) {
            return false;
        }
        self.order.push_back(id);
        if self.order.len() > SEEN
            && let Some(old) = self.order.pop_front()
        {
            self.set.remove(&old);
        }
        true
    }
}

struct Handler {
    discord: Arc<Discord>,
    engine: Arc<Engine>,
    /// Set once this connection reached READY.
    ready: Arc<AtomicBool>,
    // A std lock: held only to check and insert one id.
    seen: Mutex<Seen>,
}

#[serenity::async_trait]
impl EventHandler for Handler {
    async fn ready(&self, _ctx: Context, ready: Ready) {
        tracing::info!(user = %ready.user.name, "discord: connected");
        self.ready.store(true, Ordering::Relaxed);
        self.engine.set_platform("discord", PlatformState::Connected);
        add_poster(&self.engine, self.discord.rest(), ready.user.id.get());
    }

    async fn resume(&self, _ctx: Context, _event: ResumedEvent) {
        tracing::info!("discord: session resumed");
        self.engine.set_platform("discord", PlatformState::Connected);
    }

    async fn interaction_create(&self, _ctx: Context, interaction: Interaction) {
        let id = interaction.id().get();
        if !self.seen.lock().unwrap_or_else(|e| e.into_inner()).first_time(id) {
            tracing::debug!(id, "discord: interaction already answered; ignoring the replay");
            return;
        }
        let discord = self.discord.clone();
        discord
            .clone()
            .tracker()
            .spawn(async move { discord.answer(interaction, First::Callback).await });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replays_are_dropped_and_memory_is_bounded() {
        let mut seen = Seen::default();
        assert!(seen.first_time(1));
        assert!(!seen.first_time(1));
        for id in 2..(SEEN as u64 + 10) {
            assert!(seen.first_time(id));
        }
        assert!(seen.set.len() <= SEEN);
        // The oldest ids are forgotten once the window has moved on.
        assert!(seen.first_time(1));
    }
}
