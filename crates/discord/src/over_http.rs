//! The Discord adapter when Discord posts interactions over HTTP (`interactions = "http"`): no gateway.
//! The endpoint ([`crate::endpoint`]) answers whatever reaches this instance, so every instance behind a
//! load balancer answers. Besides it, every instance learns the application's id and the bot's user,
//! and registers its REST poster with the scheduler (which sends only on the leader). What must happen
//! once for all instances runs on the leader only, from when it takes the lead until it loses it:
//! registering the commands, and removing the buttons of lists whose time is up (each taken from the
//! shared store once).
//!
//! Failures to reach Discord are retried after the core's retry policy until shutdown.

use std::sync::Arc;

use tokio_util::sync::CancellationToken;

use crate::answer::Discord;
use crate::gateway::{RECONNECT, add_poster, hint, register_commands};
use crate::rest::{Rest, snowflake};
use attache_core::digest::leader::{Leadership, Standing};
use attache_core::engine::PlatformState;

/// Runs until `shutdown`. `leadership` is this instance's (none without a ledger: then it does the
/// leader's part too, as the only instance).
pub async fn serve_http(discord: Arc<Discord>, leadership: Option<Leadership>, shutdown: CancellationToken) {
    let engine = discord.engine().clone();
    engine.set_platform("discord", PlatformState::Starting);
    let mut backoff = RECONNECT.backoff();
    let user = loop {
        match identify(&discord).await {
            Ok(user) => break user,
            Err(e) => {
                let wait = backoff.next_delay();
                let why = format!("{e:#}");
                tracing::warn!("discord: {why}; trying again in {wait:?}");
                engine.set_platform("discord", PlatformState::Reconnecting(why));
                tokio::select! {
                    _ = tokio::time::sleep(wait) => {}
                    _ = shutdown.cancelled() => {
                        engine.set_platform("discord", PlatformState::Stopped);
                        return;
                    }
                }
            }
        }
    };
    tracing::info!("discord: interactions arrive at /discord/interactions");
    engine.set_platform("discord", PlatformState::Connected);
    add_poster(&engine, discord.rest(), user);
    // A sole instance (a SQLite ledger) leads for good; its standing never changes.
    match leadership.filter(|l| l.standing() != Standing::Sole) {
        None => leaders_part(&discord, shutdown.clone()).await,
        Some(leadership) => while_leading(&discord, &leadership, &shutdown).await,
    }
    engine.set_platform("discord", PlatformState::Stopped);
}

/// The application's public key (`verify_key`, in hex) as Discord gives it to the bot with `token`: what
/// `attache check` compares `discord.public_key` with.
pub async fn verify_key(api_base: &str, token: &str) -> anyhow::Result<String> {
    let app = Rest::new(api_base, token)
        .get("/oauth2/applications/@me")
        .await
        .map_err(hint)?;
    app["verify_key"]
        .as_str()
        .map(str::to_ascii_lowercase)
        .ok_or_else(|| anyhow::anyhow!("the application has no verify_key"))
}

/// The application's id (kept on `discord`) and the bot's user id.
async fn identify(discord: &Discord) -> anyhow::Result<u64> {
    let rest = discord.rest();
    let app = rest.get("/oauth2/applications/@me").await.map_err(hint)?;
    let application = snowflake(&app["id"]).ok_or_else(|| anyhow::anyhow!("the application has no id"))?;
    discord.set_application(application);
    let me = rest.get("/users/@me").await.map_err(hint)?;
    snowflake(&me["id"]).ok_or_else(|| anyhow::anyhow!("/users/@me gave no id"))
}

/// Runs the leader's part each time this instance takes the lead, and stops it when it loses it.
async fn while_leading(discord: &Arc<Discord>, leadership: &Leadership, shutdown: &CancellationToken) {
    let mut standing = leadership.watch();
    loop {
        tokio::select! {
            _ = shutdown.cancelled() => return,
            led = standing.wait_for(Standing::leads) => if led.is_err() { return },
        }
        let stop = shutdown.child_token();
        tokio::select! {
            _ = leaders_part(discord, stop.clone()) => {}
            Ok(_) = standing.wait_for(|s| !s.leads()) => {
                tracing::info!("discord: another instance leads now; it registers commands and lapses lists");
            }
        }
        stop.cancel();
        if shutdown.is_cancelled() {
            return;
        }
    }
}

/// Registers the commands (trying again until it works), then removes lapsed lists' buttons until `stop`.
async fn leaders_part(discord: &Arc<Discord>, stop: CancellationToken) {
    let mut backoff = RECONNECT.backoff();
    loop {
        match register_commands(discord.rest(), discord.config(), discord.application()).await {
            Ok(()) => break,
            Err(e) => {
                let wait = backoff.next_delay();
                tracing::warn!("discord: {e:#}; registering commands again in {wait:?}");
                tokio::select! {
                    _ = tokio::time::sleep(wait) => {}
                    _ = stop.cancelled() => return,
                }
            }
        }
    }
    discord.clone().lapse_pages(stop).await;
}
