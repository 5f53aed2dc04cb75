//! Running the bot: starts the adapters the config enables and the briefing watcher as tracked tasks, and
//! stops them all on one signal (Ctrl-C, SIGTERM, or the console closing when it is the only adapter).

use std::sync::Arc;
use std::time::Duration;

use tokio_util::sync::CancellationToken;
use tokio_util::task::TaskTracker;

use attache_core::config::{Config, ConsoleMode, DiscordConfig, HttpConfig, Interactions};
use attache_core::digest::leader::{Leadership, Standing};
use attache_core::digest::{BoxFuture, NoScheduler};
use attache_core::engine::{Engine, PlatformState};
use attache_core::i18n::Lang;
use attache_core::store::{ReloadReport, watch};
use attache_http::{EndpointReply, SignedRequest};
use metrics_exporter_prometheus::PrometheusHandle;

/// How long tasks get to finish after the shutdown signal before the process exits anyway.
const GRACE: Duration = Duration::from_secs(5);

/// The Discord adapter's start: its config and the token read from the environment.
#[derive(Clone, PartialEq)]
pub struct DiscordStart {
    pub config: DiscordConfig,
    pub token: String,
}

impl std::fmt::Debug for DiscordStart {
    // By hand, so the token never reaches a log line.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DiscordStart")
            .field("config", &self.config)
            .finish_non_exhaustive()
    }
}

/// Which adapters to start.
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    pub console: bool,
    /// The console is the only adapter, so closing it stops the bot.
    pub console_only: bool,
    /// The Matrix adapter, when `[matrix]` is configured and its secrets are set.
    pub matrix: Option<attache_matrix::Start>,
    /// The Discord adapter, when `[discord]` is configured and its token is set.
    pub discord: Option<DiscordStart>,
    /// The HTTP server, when `[http]` is configured.
    pub http: Option<HttpConfig>,
    /// The language the console answers in.
    pub console_lang: Lang,
}

impl Plan {
    /// Decides from the config and the environment (read through `env`, so tests need no real one): each
    /// platform section whose secrets are set starts; `auto` means the console when none can.
    pub fn from_config(config: &Config, env: impl Fn(&str) -> Option<String>) -> Plan {
        let matrix = config.matrix.as_ref().and_then(|m| {
            attache_matrix::Secrets::from_env(m, &env).map(|secrets| attache_matrix::Start {
                config: m.clone(),
                secrets,
            })
        });
        let discord = config.discord.as_ref().and_then(|d| {
            env(&d.token_env).map(|token| DiscordStart {
                config: d.clone(),
                token,
            })
        });
        let platforms = usize::from(matrix.is_some()) + usize::from(discord.is_some());
        let http = config.http.clone();
        // A bot that serves only HTTP (a probe, pages) runs until a signal, like one on a chat platform:
        // its stdin may well be closed.
        let console = match config.console {
            ConsoleMode::Always => true,
            ConsoleMode::Never => false,
            ConsoleMode::Auto => platforms == 0 && http.is_none(),
        };
        Plan {
            console,
            console_only: console && platforms == 0 && http.is_none(),
            matrix,
            discord,
            http,
            console_lang: config.language,
        }
    }

    /// Only the console, whatever the config says (`attache console`).
    pub fn console_only() -> Plan {
        Plan {
            console: true,
            console_only: true,
            matrix: None,
            discord: None,
            http: None,
            console_lang: Lang::En,
        }
    }
}

/// Runs until a shutdown signal, then waits (up to a grace period) for every task to stop. `ready` is called
/// once the signal handlers are installed, so a signal after whatever it announces always stops cleanly.
pub async fn run(
    engine: Arc<Engine>,
    plan: Plan,
    metrics: Option<PrometheusHandle>,
    ready: impl FnOnce(),
) -> anyhow::Result<()> {
    if !plan.console && plan.matrix.is_none() && plan.discord.is_none() && plan.http.is_none() {
        anyhow::bail!(
            "nothing to run: no chat platform can start, `[http]` is absent and `console.enabled` is \"never\" (run `attache check`)"
        );
    }
    let shutdown = CancellationToken::new();
    let tracker = TaskTracker::new();
    // Installed before anything is announced, so a signal from then on always means a clean stop.
    let signals = Signals::install()?;
    tracker.spawn(signals.wait(shutdown.clone()));

    let config = engine.config();
    watch_files(&engine, &tracker, &shutdown);
    // Before the adapters, so each finds the scheduler on the engine and registers its poster once connected.
    // Without a SQLite ledger the bot still answers; digests and announcements wait for the next start.
    // Without its PostgreSQL ledger an instance cannot tell whether it leads: it stops, for its supervisor
    // to start it again.
    let started = engine
        .start_digests(|v| std::env::var(v).ok(), &tracker, shutdown.clone())
        .await;
    if let Err(NoScheduler::Ledger(e)) = &started
        && config.database_url_env.is_some()
    {
        shutdown.cancel();
        tracker.close();
        tracker.wait().await;
        anyhow::bail!("{e}");
    }
    let leadership = engine.digests().map(|d| d.leadership().clone());
    let mut platforms = Vec::new();
    platforms.extend(plan.console.then_some("console"));
    platforms.extend(plan.discord.as_ref().map(|_| "discord"));
    platforms.extend(plan.matrix.as_ref().map(|_| "matrix"));
    // Every platform the bot will run is starting until its adapter says otherwise, so `/readyz` is not
    // ready in the moment between the HTTP server's start and an adapter's.
    for name in &platforms {
        engine.set_platform(name, PlatformState::Starting);
    }
    if metrics.is_some() {
        attache_core::observe::zero(&platforms);
    }
    // The Discord adapter is made before the HTTP server, which passes it the interactions Discord posts
    // when they come over HTTP.
    let discord = plan
        .discord
        .map(|start| discord_adapter(&engine, start, &tracker));
    if let Some(config) = plan.http {
        let interactions = match &discord {
            Some((discord, _)) => interactions_endpoint(discord, metrics.is_some())?,
            None => None,
        };
        let state = Arc::new(attache_http::State {
            engine: engine.clone(),
            config,
            metrics,
            interactions,
        });
        serve_http(state, &tracker, &shutdown).await?;
    }
    if let Some(start) = plan.matrix {
        // One Matrix device syncs from one process: with instances sharing a ledger, the leader's.
        let engine = engine.clone();
        tracker.spawn(while_leading(
            leadership.clone(),
            "matrix",
            engine.clone(),
            shutdown.clone(),
            move |stop| attache_matrix::run(engine.clone(), start.clone(), stop),
        ));
    }
    if let Some((discord, token)) = discord {
        start_discord(discord, token, leadership, &engine, &tracker, &shutdown);
    }
    ready();
    // After the announcement, so the console's prompt comes below it.
    if plan.console {
        tracker.spawn(crate::console::run(
            engine.clone(),
            shutdown.clone(),
            plan.console_only,
            plan.console_lang,
        ));
    }
    shutdown.cancelled().await;
    tracker.close();
    if tokio::time::timeout(GRACE, tracker.wait()).await.is_err() {
        tracing::warn!("some tasks did not stop within {GRACE:?}; exiting anyway");
    }
    Ok(())
}

/// Picks up changes to the briefings and, when the config came from a file, to that file.
fn watch_files(engine: &Arc<Engine>, tracker: &TaskTracker, shutdown: &CancellationToken) {
    let config = engine.config();
    if !config.watch {
        return;
    }
    tracker.spawn(watch::run(
        engine.store().clone(),
        config.debounce,
        shutdown.clone(),
        log_reload,
    ));
    if let Some(path) = config.path.clone() {
        let engine = engine.clone();
        tracker.spawn(watch::config_file(
            path,
            config.debounce,
            shutdown.clone(),
            move || {
                // Logged, and kept for `status`, by the engine.
                let _ = engine.reload_config();
            },
        ));
    }
}

/// The Discord adapter, with its paging state in the ledger when instances share one (so any of them
/// turns a list any other made), else in memory.
fn discord_adapter(
    engine: &Arc<Engine>,
    DiscordStart { config, token }: DiscordStart,
    tracker: &TaskTracker,
) -> (Arc<attache_discord::Discord>, String) {
    let pages: Arc<dyn attache_discord::PageStore> = match engine.digests() {
        Some(digests) if digests.shared() => Arc::new(attache_discord::LedgerPages::new(digests.clone())),
        _ => Arc::new(attache_discord::MemoryPages::new()),
    };
    let discord = attache_discord::Discord::new(engine.clone(), config, &token, tracker.clone(), pages);
    (Arc::new(discord), token)
}

/// The endpoint the HTTP server hands Discord's posted interactions to, when they come over HTTP.
fn interactions_endpoint(
    discord: &Arc<attache_discord::Discord>,
    metrics: bool,
) -> anyhow::Result<Option<Arc<dyn attache_http::InteractionsEndpoint>>> {
    if discord.config().interactions != Interactions::Http {
        return Ok(None);
    }
    let key = discord
        .config()
        .public_key
        .ok_or_else(|| anyhow::anyhow!("`discord.interactions` = \"http\" needs `discord.public_key`"))?;
    let endpoint = attache_discord::Endpoint::new(discord.clone(), &key).map_err(anyhow::Error::msg)?;
    if metrics {
        attache_core::observe::zero_discord_http();
    }
    Ok(Some(Arc::new(DiscordInteractions(endpoint))))
}

/// Binds the HTTP server before the adapters start, so a taken port is reported at once, and serves it; a
/// failure while serving stops the bot, as an operator relying on its probes would want.
async fn serve_http(
    state: Arc<attache_http::State>,
    tracker: &TaskTracker,
    shutdown: &CancellationToken,
) -> anyhow::Result<()> {
    let listener = attache_http::bind(&state.config).await?;
    let stop = shutdown.clone();
    tracker.spawn(async move {
        if let Err(e) = attache_http::serve(listener, state, stop.clone()).await {
            tracing::error!("{e}");
            stop.cancel();
        }
    });
    Ok(())
}

/// Starts Discord. Over HTTP, every instance answers what Discord posts to it and posts digests when it
/// leads; the leader alone registers the commands and removes the buttons of lapsed lists. Over the
/// gateway, every connected instance would answer every interaction: the leader's alone connects.
fn start_discord(
    discord: Arc<attache_discord::Discord>,
    token: String,
    leadership: Option<Leadership>,
    engine: &Arc<Engine>,
    tracker: &TaskTracker,
    shutdown: &CancellationToken,
) {
    if discord.config().interactions == Interactions::Http {
        tracker.spawn(attache_discord::serve_http(discord, leadership, shutdown.clone()));
    } else {
        tracker.spawn(while_leading(
            leadership,
            "discord",
            engine.clone(),
            shutdown.clone(),
            move |stop| attache_discord::run(discord.clone(), token.clone(), stop),
        ));
    }
}

/// Runs `task` while this instance leads (always, without a shared ledger): started when it takes the lead,
/// cancelled (and awaited) when it loses it, the platform shown on standby meanwhile.
async fn while_leading<F, Fut>(
    leadership: Option<Leadership>,
    platform: &'static str,
    engine: Arc<Engine>,
    shutdown: CancellationToken,
    task: F,
) where
    F: Fn(CancellationToken) -> Fut,
    Fut: std::future::Future<Output = ()> + Send + 'static,
{
    let Some(leadership) = leadership.filter(|l| l.standing() != Standing::Sole) else {
        task(shutdown).await;
        return;
    };
    let mut standing = leadership.watch();
    loop {
        engine.set_platform(platform, PlatformState::Standby);
        tokio::select! {
            _ = shutdown.cancelled() => return,
            led = standing.wait_for(Standing::leads) => if led.is_err() { return },
        }
        let stop = shutdown.child_token();
        let running = tokio::spawn(task(stop.clone()));
        tracing::info!("{platform}: this instance leads, starting");
        tokio::select! {
            _ = shutdown.cancelled() => {}
            _ = standing.wait_for(|s| !s.leads()) => {
                tracing::info!("{platform}: another instance leads now, stopping");
            }
        }
        stop.cancel();
        let _ = running.await;
        if shutdown.is_cancelled() {
            return;
        }
    }
}

/// The Discord adapter's endpoint, behind the HTTP server's trait: the two crates know nothing of each other.
struct DiscordInteractions(attache_discord::Endpoint);

impl attache_http::InteractionsEndpoint for DiscordInteractions {
    fn handle<'a>(&'a self, request: SignedRequest<'a>) -> BoxFuture<'a, EndpointReply> {
        Box::pin(async move {
            let (status, body) = self
                .0
                .handle(request.signature, request.timestamp, request.body)
                .await;
            EndpointReply { status, body }
        })
    }
}

/// The shutdown signals: Ctrl-C (SIGINT) and SIGTERM.
struct Signals {
    #[cfg(unix)]
    interrupt: tokio::signal::unix::Signal,
    #[cfg(unix)]
    terminate: tokio::signal::unix::Signal,
}

impl Signals {
    fn install() -> std::io::Result<Signals> {
        #[cfg(unix)]
        {
            use tokio::signal::unix::{SignalKind, signal};
            Ok(Signals {
                interrupt: signal(SignalKind::interrupt())?,
                terminate: signal(SignalKind::terminate())?,
            })
        }
        #[cfg(not(unix))]
        Ok(Signals {})
    }

    /// Cancels `shutdown` on the first signal.
    async fn wait(mut self, shutdown: CancellationToken) {
        #[cfg(unix)]
        let received = async {
            tokio::select! {
                _ = self.interrupt.recv() => "interrupted",
                _ = self.terminate.recv() => "terminated",
            }
        };
        #[cfg(not(unix))]
        let received = async {
            let _ = tokio::signal::ctrl_c().await;
            "interrupted"
        };
        tokio::select! {
            why = received => tracing::info!("{why}, shutting down"),
            _ = shutdown.cancelled() => return,
        }
        shutdown.cancel();
    }
}

/// Logs what a reload changed, and each file that failed, so an admin editing files sees the result.
pub fn log_reload(report: &ReloadReport) {
    for e in &report.errors {
        tracing::warn!("{e}");
    }
    if !report.is_unchanged() {
        tracing::info!(
            added = ?report.added,
            changed = ?report.changed,
            removed = ?report.removed,
            "briefings reloaded: {} served",
            report.total
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MATRIX: &str =
        "[matrix]\nhomeserver = \"https://m.org\"\nuser = \"@bot:m.org\"\npassword_env = \"PW\"\n";

    fn config(extra: &str) -> Config {
        Config::parse(&format!("{extra}{MATRIX}"), std::path::Path::new("t.toml")).unwrap()
    }

    #[test]
    fn a_platform_starts_only_with_its_secret() {
        let with = Plan::from_config(&config(""), |v| (v == "PW").then(|| "pw".to_string()));
        assert!(with.matrix.is_some() && !with.console, "{with:?}");
        let without = Plan::from_config(&config(""), |_| None);
        assert!(without.matrix.is_none() && without.console_only, "{without:?}");
        let always = Plan::from_config(&config("[console]\nenabled = \"always\"\n"), |_| Some("s".into()));
        assert!(always.matrix.is_some() && always.console && !always.console_only);
    }
}
