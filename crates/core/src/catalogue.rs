//! The command catalogue: every command's name, description, typed options and who may run it, declared once.
//!
//! Adapters derive everything from here: the console and Matrix their prefix grammar and help, Discord its
//! application commands. Descriptions stay within Discord's limits (1-100 characters), names within 1-32
//! lowercase characters; a unit test holds every entry to that. Adding a command means one entry here and one
//! file under `command/`.

/// Who may run a command.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Access {
    Everyone,
    Moderator,
    Admin,
}

impl Access {
    pub fn describe(self) -> &'static str {
        match self {
            Access::Everyone => "everyone",
            Access::Moderator => "moderators",
            Access::Admin => "admins",
        }
    }
}

/// The type of an option's value, which also decides which positional words it accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OptionKind {
    /// A briefing, by id, title words or a near miss. Resolved when the command runs.
    Event,
    /// Free text.
    Text,
    /// One word that is not a number (a tag).
    Word,
    /// A whole number within bounds.
    Integer { min: i64, max: i64 },
    /// One of fixed values; a trailing plural `s` is accepted.
    Choice(&'static [&'static str]),
    /// A command name.
    CommandName,
}

/// One option of a command.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OptionSpec {
    pub name: &'static str,
    pub description: &'static str,
    pub kind: OptionKind,
    pub required: bool,
    /// Takes several words when given positionally (a multi-word event name or query).
    pub greedy: bool,
    /// Only given as `name:value`, never positionally (so a greedy option before it cannot swallow it).
    pub named_only: bool,
}

/// One command.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CommandSpec {
    pub name: &'static str,
    /// One line, at most 100 characters (Discord's limit for descriptions).
    pub description: &'static str,
    /// A longer explanation for `help <command>`.
    pub help: &'static str,
    pub access: Access,
    pub options: &'static [OptionSpec],
    pub examples: &'static [&'static str],
}

impl CommandSpec {
    pub fn option(&self, name: &str) -> Option<&OptionSpec> {
        self.options.iter().find(|o| o.name == name)
    }

    /// The usage line, as in `sponsors <event> [relation]`.
    pub fn usage(&self) -> String {
        let mut s = self.name.to_string();
        for o in self.options {
            let name = if o.named_only {
                format!("{}:<{}>", o.name, o.name)
            } else {
                o.name.to_string()
            };
            if o.required {
                s.push_str(&format!(" <{name}>"));
            } else {
                s.push_str(&format!(" [{name}]"));
            }
        }
        s
    }
}

pub const RELATIONS: &[&str] = &["organizer", "host", "sponsor", "supporter", "partner"];

const fn opt(name: &'static str, description: &'static str, kind: OptionKind) -> OptionSpec {
    OptionSpec {
        name,
        description,
        kind,
        required: false,
        greedy: false,
        named_only: false,
    }
}

const fn required(mut o: OptionSpec) -> OptionSpec {
    o.required = true;
    o
}

const fn greedy(mut o: OptionSpec) -> OptionSpec {
    o.greedy = true;
    o
}

const fn named(mut o: OptionSpec) -> OptionSpec {
    o.named_only = true;
    o
}

const EVENT: OptionSpec = required(greedy(opt(
    "event",
    "The event: its id or words of its title",
    OptionKind::Event,
)));
const PAGE: OptionSpec = opt("page", "Page number", OptionKind::Integer { min: 1, max: 10_000 });

/// Every command, in the order help lists them.
pub const COMMANDS: &[CommandSpec] = &[
    CommandSpec {
        name: "help",
        description: "List the commands, or explain one",
        help: "Without an argument, lists every command you can run. With a command name, shows its usage, options and examples.",
        access: Access::Everyone,
        options: &[opt("command", "The command to explain", OptionKind::CommandName)],
        examples: &["help", "help sponsors"],
    },
    CommandSpec {
        name: "status",
        description: "Uptime, briefings loaded, load errors and connected platforms",
        help: "Shows how long the bot has run, how many briefings it serves, which briefing files failed to load and which chat platforms are connected.",
        access: Access::Everyone,
        options: &[],
        examples: &["status"],
    },
    CommandSpec {
        name: "events",
        description: "List briefings, newest first, optionally by tag or year",
        help: "Lists the events the bot has briefings for, newest first, ten to a page. Narrow the list with a tag, a year, or both.",
        access: Access::Everyone,
        options: &[
            opt("tag", "Only events with this tag", OptionKind::Word),
            opt(
                "year",
                "Only events in this year",
                OptionKind::Integer { min: 1900, max: 2999 },
            ),
            PAGE,
        ],
        examples: &[
            "events",
            "events security",
            "events 2018",
            "events security 2018 2",
        ],
    },
    CommandSpec {
        name: "briefing",
        description: "The event's card: date, place, theme, summary, a quote, topics and sponsors",
        help: "Shows the briefing card of one event. Name the event by its id, by words of its title, or by a near miss.",
        access: Access::Everyone,
        options: &[EVENT],
        examples: &["briefing infoforum-shanghai-2018", "briefing infoforum"],
    },
    CommandSpec {
        name: "summary",
        description: "A short summary of the event",
        help: "Shows the event's summary, with its date and place.",
        access: Access::Everyone,
        options: &[EVENT],
        examples: &["summary infoforum"],
    },
    CommandSpec {
        name: "topics",
        description: "The topics discussed at the event",
        help: "Lists the topics, sessions or panels of the event.",
        access: Access::Everyone,
        options: &[EVENT],
        examples: &["topics infoforum"],
    },
    CommandSpec {
        name: "sponsors",
        description: "Sponsors, organizers, hosts, supporters and partners of the event",
        help: "Lists the organizations behind the event, grouped by their part. Name a relation to see only that group.",
        access: Access::Everyone,
        options: &[
            EVENT,
            opt("relation", "Only this relation", OptionKind::Choice(RELATIONS)),
        ],
        examples: &["sponsors infoforum", "sponsors infoforum supporter"],
    },
    CommandSpec {
        name: "quotes",
        description: "Quotes from the event, or a speaker's quotes across all events",
        help: "Lists the direct quotes of an event with speaker and role. Name a speaker to filter; give only a speaker (`quotes speaker:Noskov`) to see their quotes from every event.",
        access: Access::Everyone,
        options: &[
            opt(
                "event",
                "The event: its id or words of its title",
                OptionKind::Event,
            ),
            opt("speaker", "Only quotes by this speaker", OptionKind::Text),
            named(PAGE),
        ],
        examples: &[
            "quotes infoforum",
            "quotes infoforum noskov",
            "quotes speaker:Noskov",
        ],
    },
    CommandSpec {
        name: "search",
        description: "Search titles, summaries, quotes, topics, sponsors and text",
        help: "Finds briefings that mention your words, best match first, with the passage that matched. A word is also matched as the start of longer words.",
        access: Access::Everyone,
        options: &[
            required(greedy(opt("query", "What to look for", OptionKind::Text))),
            named(PAGE),
        ],
        examples: &["search digital economy", "search cloud security page:2"],
    },
    CommandSpec {
        name: "digest",
        description: "Post the event's digest here or to a target (moderators)",
        help: "Posts the event's digest card to this channel or room, or to a named target such as `discord:<channel id>` or `matrix:<room id>`.",
        access: Access::Moderator,
        options: &[
            required(opt(
                "event",
                "The event: its id or words of its title",
                OptionKind::Event,
            )),
            opt(
                "target",
                "Where to post: discord:<channel id> or matrix:<room>",
                OptionKind::Text,
            ),
        ],
        examples: &["digest infoforum", "digest infoforum matrix:#news:example.org"],
    },
    CommandSpec {
        name: "digest-preview",
        description: "Show the event's digest card to you alone, as it would be posted (moderators)",
        help: "Shows the digest card of an event only to you, exactly as `digest` would post it, so you can check it before posting. Type `digest preview <event>` or `digest-preview <event>`.",
        access: Access::Moderator,
        options: &[EVENT],
        examples: &["digest preview infoforum"],
    },
    CommandSpec {
        name: "digest-status",
        description: "Scheduled digests and their targets: last and next post, last failure (moderators)",
        help: "For each scheduled digest: its schedule, last run, next run, and the last run skipped because the bot was down too long. For each target: the last post, the next scheduled post, posts waiting, and the last failure with its reason (missing permission, power level too low, room not joined, rate limited, undecryptable room). Type `digest status` or `digest-status`.",
        access: Access::Moderator,
        options: &[],
        examples: &["digest status"],
    },
    CommandSpec {
        name: "reload",
        description: "Reload briefings and config; shows what changed and any errors (admins)",
        help: "Reads the briefings directory and the config file again. A file with errors keeps serving its last good version; an invalid config is rejected and the running one stays.",
        access: Access::Admin,
        options: &[],
        examples: &["reload"],
    },
];

/// Looks a command up by exact name.
pub fn find(name: &str) -> Option<&'static CommandSpec> {
    COMMANDS.iter().find(|c| c.name == name)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Guards the catalogue against entries Discord would reject when registering application commands.
    #[test]
    fn every_entry_fits_discord_limits() {
        let valid_name = |n: &str| {
            (1..=32).contains(&n.len())
                && n.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
        };
        for c in COMMANDS {
            assert!(valid_name(c.name), "{}", c.name);
            assert!((1..=100).contains(&c.description.chars().count()), "{}", c.name);
            assert!(c.options.len() <= 25);
            let mut seen_optional = false;
            for o in c.options {
                assert!(valid_name(o.name), "{}.{}", c.name, o.name);
                assert!(
                    (1..=100).contains(&o.description.chars().count()),
                    "{}.{}",
                    c.name,
                    o.name
                );
                // Discord requires required options to come before optional ones.
                assert!(
                    !(o.required && seen_optional),
                    "{}.{} required after optional",
                    c.name,
                    o.name
                );
                seen_optional |= !o.required;
                if let OptionKind::Choice(values) = o.kind {
                    assert!(values.len() <= 25);
                }
            }
        }
    }

    #[test]
    fn names_are_unique() {
        let mut names: Vec<_> = COMMANDS.iter().map(|c| c.name).collect();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), COMMANDS.len());
    }
}
