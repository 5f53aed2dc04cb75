//! Commands: parsed once into a typed [`Command`], then executed into a [`Response`].
//!
//! Parsing is derived from the catalogue ([`args`]); each command's behaviour lives in its own file below.
//! Executing never sends anything: it reads the snapshot (and, for `reload`, asks the engine to reload) and
//! returns a response for the adapter to render and deliver.

pub mod args;
pub(crate) mod card;
mod digest;
mod event;
mod help;
mod list;
mod reload;
mod status;

use crate::briefing::Relation;
use crate::catalogue::{self, Access, CommandSpec};
use crate::engine::Engine;
use crate::response::Response;

pub use args::{Args, MAX_LINE, UsageError, Value};
pub use event::card_response;
pub use status::human_duration;

/// The caller's standing, decided by the adapter from platform roles, power levels or config.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Role {
    Member,
    Moderator,
    Admin,
}

impl Role {
    pub fn may(self, access: Access) -> bool {
        match access {
            Access::Everyone => true,
            Access::Moderator => self >= Role::Moderator,
            Access::Admin => self == Role::Admin,
        }
    }
}

/// One parsed command.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    Help {
        command: Option<String>,
    },
    Status,
    Events {
        tag: Option<String>,
        year: Option<i32>,
        page: usize,
    },
    Briefing {
        event: String,
    },
    Summary {
        event: String,
    },
    Topics {
        event: String,
    },
    Sponsors {
        event: String,
        relation: Option<Relation>,
    },
    Quotes {
        event: Option<String>,
        speaker: Option<String>,
        page: usize,
    },
    Search {
        query: String,
        page: usize,
    },
    Digest {
        event: String,
        target: Option<String>,
    },
    DigestPreview {
        event: String,
    },
    DigestStatus,
    Reload,
}

impl Command {
    /// Parses a command line (without the platform's prefix).
    pub fn parse(line: &str) -> Result<Command, UsageError> {
        let (spec, args) = args::parse_line(line)?;
        Command::from_args(spec, args)
    }

    /// Builds a command from typed arguments: those parsed from a line, or a platform's own typed options.
    pub fn from_args(spec: &'static CommandSpec, mut args: Args) -> Result<Command, UsageError> {
        let mut text = |name: &str| match args.remove(name) {
            Some(Value::Text(s)) => Some(s),
            Some(Value::Int(n)) => Some(n.to_string()),
            None => None,
        };
        let required = |v: Option<String>, option: &'static str| {
            v.ok_or(UsageError::Missing {
                command: spec.name,
                option,
            })
        };
        let number = |v: Option<String>| v.and_then(|s| s.parse::<i64>().ok());
        let page = |v: Option<String>| number(v).unwrap_or(1).max(1) as usize;
        Ok(match spec.name {
            "help" => Command::Help {
                command: text("command"),
            },
            "status" => Command::Status,
            "events" => Command::Events {
                tag: text("tag"),
                year: number(text("year")).map(|y| y as i32),
                page: page(text("page")),
            },
            "briefing" => Command::Briefing {
                event: required(text("event"), "event")?,
            },
            "summary" => Command::Summary {
                event: required(text("event"), "event")?,
            },
            "topics" => Command::Topics {
                event: required(text("event"), "event")?,
            },
            "sponsors" => Command::Sponsors {
                event: required(text("event"), "event")?,
                relation: text("relation").and_then(|r| r.parse().ok()),
            },
            "quotes" => {
                let (event, speaker) = (text("event"), text("speaker"));
                if event.is_none() && speaker.is_none() {
                    return Err(UsageError::Missing {
                        command: spec.name,
                        option: "event",
                    });
                }
                Command::Quotes {
                    event,
                    speaker,
                    page: page(text("page")),
                }
            }
            "search" => Command::Search {
                query: required(text("query"), "query")?,
                page: page(text("page")),
            },
            "digest" => Command::Digest {
                event: required(text("event"), "event")?,
                target: text("target"),
            },
            "digest-preview" => Command::DigestPreview {
                event: required(text("event"), "event")?,
            },
            "digest-status" => Command::DigestStatus,
            "reload" => Command::Reload,
            other => {
                return Err(UsageError::UnknownCommand {
                    name: other.to_string(),
                    suggestion: None,
                });
            }
        })
    }

    /// The catalogue entry of this command.
    pub fn spec(&self) -> &'static CommandSpec {
        let name = match self {
            Command::Help { .. } => "help",
            Command::Status => "status",
            Command::Events { .. } => "events",
            Command::Briefing { .. } => "briefing",
            Command::Summary { .. } => "summary",
            Command::Topics { .. } => "topics",
            Command::Sponsors { .. } => "sponsors",
            Command::Quotes { .. } => "quotes",
            Command::Search { .. } => "search",
            Command::Digest { .. } => "digest",
            Command::DigestPreview { .. } => "digest-preview",
            Command::DigestStatus => "digest-status",
            Command::Reload => "reload",
        };
        catalogue::find(name).expect("every command is in the catalogue")
    }

    /// Runs the command. The caller's permission has been checked by the engine.
    pub fn execute(self, engine: &Engine, role: Role) -> Response {
        let snapshot = engine.snapshot();
        match self {
            Command::Help { command } => help::run(command.as_deref(), role),
            Command::Status => status::run(engine, &snapshot),
            Command::Events { tag, year, page } => list::events(&snapshot, tag.as_deref(), year, page),
            Command::Briefing { event } => event::briefing(&snapshot, &event),
            Command::Summary { event } => event::summary(&snapshot, &event),
            Command::Topics { event } => event::topics(&snapshot, &event),
            Command::Sponsors { event, relation } => event::sponsors(&snapshot, &event, relation),
            Command::Quotes { event, speaker, page } => {
                event::quotes(&snapshot, event.as_deref(), speaker.as_deref(), page)
            }
            Command::Search { query, page } => list::search(&snapshot, &query, page),
            Command::Digest { event, target } => event::digest(&snapshot, &event, target),
            Command::DigestPreview { event } => digest::preview(&snapshot, &event),
            Command::DigestStatus => digest::status(engine),
            Command::Reload => reload::run(engine),
        }
    }
}
