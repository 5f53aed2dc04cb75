//! Commands as values: a line or a platform's typed options parsed once into a [`Command`], and a command
//! written back as the line that gives it ([`Command::to_line`]).
//!
//! Parsing is derived from the catalogue ([`args`]). What a command does lives in [`crate::exec`]; a
//! command value knows nothing of the snapshot or the bot, so a response can carry one (the command of a
//! list's next page) and a platform can build one from its own typed options.

pub mod args;
mod line;

use crate::catalogue::{self, Access, CommandSpec};
use crate::model::Relation;

pub use args::{Args, Expected, MAX_LINE, UsageError, Value};

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
    /// A question in plain words, answered by the command it maps to.
    Ask {
        question: String,
    },
    /// Sets (or, without a value, tells) the language of the caller's room.
    Language {
        language: Option<String>,
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
                    return Err(UsageError::MissingOneOf {
                        command: spec.name,
                        first: "event",
                        second: "speaker",
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
            "ask" => Command::Ask {
                question: required(text("question"), "question")?,
            },
            "language" => Command::Language {
                language: text("language"),
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
            Command::Ask { .. } => "ask",
            Command::Language { .. } => "language",
            Command::Digest { .. } => "digest",
            Command::DigestPreview { .. } => "digest-preview",
            Command::DigestStatus => "digest-status",
            Command::Reload => "reload",
        };
        catalogue::find(name).expect("every command is in the catalogue")
    }

    /// The same command on another page, for the commands that list (others are returned unchanged).
    pub fn with_page(mut self, to: usize) -> Command {
        match &mut self {
            Command::Events { page, .. } | Command::Quotes { page, .. } | Command::Search { page, .. } => {
                *page = to.max(1)
            }
            _ => {}
        }
        self
    }
}
