//! Executing commands: a [`Command`] and a [`Context`] in, a [`Response`] out; one file per group of
//! commands below.
//!
//! A command reads the snapshot and config it is given; what it needs of the running bot (its status, a
//! reload, the digest scheduler) it asks through [`Host`], which the engine implements. Executing never
//! sends anything: adapters render and deliver the response.

mod ask;
mod digest;
mod event;
mod help;
mod language;
mod list;
mod lookup;
mod reload;
mod status;

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use crate::command::{Command, Role};
use crate::config::{Config, ConfigError};
use crate::digest::Digests;
use crate::i18n::Lang;
use crate::response::Response;
use crate::store::{ReloadReport, Snapshot};

pub use crate::digest::NoScheduler;
pub use event::card_response;
pub use help::{description, option_description, who};
pub use status::{human_duration, platform_state};

/// What an adapter last said about its platform connection.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlatformState {
    Starting,
    Connected,
    Reconnecting(String),
    Stopped,
    /// Not run here: another instance leads and runs it (Matrix, and Discord's gateway).
    Standby,
}

impl fmt::Display for PlatformState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PlatformState::Starting => f.write_str("starting"),
            PlatformState::Connected => f.write_str("connected"),
            PlatformState::Reconnecting(why) => write!(f, "reconnecting: {why}"),
            PlatformState::Stopped => f.write_str("stopped"),
            PlatformState::Standby => f.write_str("standby"),
        }
    }
}

/// The result of `reload`: the briefings report, and whether the config changed (or why it was rejected).
#[derive(Debug)]
pub struct ReloadOutcome {
    pub briefings: ReloadReport,
    pub config: Result<bool, ConfigError>,
}

/// The running bot as `status` shows it.
#[derive(Debug, Clone)]
pub struct HostStatus {
    pub name: String,
    pub uptime: Duration,
    pub platforms: Vec<(String, PlatformState)>,
    /// Why the last change to the config file was rejected, while an older config runs.
    pub config_rejected: Option<String>,
    /// With instances sharing a PostgreSQL ledger: this instance's name and where it stands.
    pub leadership: Option<(String, crate::digest::leader::Standing)>,
}

/// What commands may ask of the running bot beyond the snapshot and config they are given.
pub trait Host: Sync {
    fn status(&self) -> HostStatus;
    /// Reads the config and the briefings again.
    fn reload(&self) -> ReloadOutcome;
    /// The digest scheduler, or why none runs.
    fn scheduler(&self) -> Result<Arc<Digests>, NoScheduler>;
    /// Sets the language of answers in `place` (a room, as `matrix:<room id>`), kept across restarts when
    /// it can be; the error says why it could not be kept.
    fn set_language(&self, place: &str, lang: Lang) -> Result<(), String>;
}

/// What one command runs with: one snapshot and one config for the whole command, the caller's role and
/// language, and the host.
pub struct Context<'a> {
    pub snapshot: Arc<Snapshot>,
    pub config: Arc<Config>,
    pub role: Role,
    pub lang: Lang,
    /// The platform the command came from: `discord`, `matrix`, `console`.
    pub platform: &'static str,
    /// Where it came from, as a target (`matrix:<room id>`), when the platform says.
    pub place: Option<String>,
    pub host: &'a dyn Host,
}

/// Runs `command`. The caller's permission has been checked by the engine.
pub fn execute(command: Command, ctx: &Context<'_>) -> Response {
    let (lang, snapshot) = (ctx.lang, &ctx.snapshot);
    let response = match command {
        Command::Help { command } => help::run(lang, command.as_deref(), ctx.role),
        Command::Status => status::run(lang, &ctx.host.status(), snapshot),
        Command::Events { tag, year, page } => list::events(ctx, tag.as_deref(), year, page),
        Command::Briefing { event } => event::briefing(ctx, &event),
        Command::Summary { event } => event::summary(ctx, &event),
        Command::Topics { event } => event::topics(ctx, &event),
        Command::Sponsors { event, relation } => event::sponsors(ctx, &event, relation),
        Command::Quotes { event, speaker, page } => {
            event::quotes(ctx, event.as_deref(), speaker.as_deref(), page)
        }
        Command::Search { query, page } => list::search(ctx, &query, page),
        Command::Ask { question } => ask::run(ctx, &question),
        Command::Language { language } => language::run(ctx, language.as_deref()),
        Command::Digest { event, target } => event::digest(ctx, &event, target),
        Command::DigestPreview { event } => digest::preview(lang, snapshot, &event, &ctx.config),
        Command::DigestStatus => digest::status(lang, ctx.host.scheduler(), &ctx.config),
        Command::Reload => reload::run(lang, &ctx.host.reload()),
    };
    response.in_lang(lang)
}

#[cfg(test)]
mod tests {
    use crate::command::Role;
    use crate::config::Config;
    use crate::engine::Engine;
    use crate::response::Block;

    fn engine(http: &str) -> Engine {
        let text = format!(
            "[briefings]\ndir = {:?}\nwatch = false\n{http}",
            concat!(env!("CARGO_MANIFEST_DIR"), "/../../briefings")
        );
        Engine::new(Config::parse(&text, std::path::Path::new("t.toml")).unwrap())
    }

    fn links(engine: &Engine, line: &str) -> Vec<(String, String)> {
        engine
            .handle(line, Role::Moderator)
            .blocks
            .into_iter()
            .flat_map(|b| match b {
                Block::Links { links } => links,
                _ => vec![],
            })
            .collect()
    }

    #[test]
    fn answers_link_to_the_page_when_a_public_url_is_set() {
        let page = "https://b.example.org/briefings/infoforum-shanghai-2018";
        let with = engine("[http]\nbase_url = \"https://b.example.org/\"\n");
        for line in [
            "briefing infoforum",
            "summary infoforum",
            "digest preview infoforum",
        ] {
            assert!(
                links(&with, line).iter().any(|(_, url)| url == page),
                "{line}: {:?}",
                links(&with, line)
            );
        }
        let without = engine("");
        assert!(links(&without, "summary infoforum").is_empty());
        let no_pages = engine("[http]\nbase_url = \"https://b.example.org\"\npages = false\n");
        assert!(links(&no_pages, "summary infoforum").is_empty());
    }
}
