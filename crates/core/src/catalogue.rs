//! The command catalogue: every command's name, typed options, examples and who may run it, declared once.
//!
//! Adapters derive everything from here: the console and Matrix their prefix grammar and help, Discord its
//! application commands. Descriptions and help live in the message catalogues (`cmd-<name>`,
//! `cmd-<name>-help`, `opt-<option>` in `locales/`), in every language; they stay within Discord's limits
//! (1-100 characters), names within 1-32 lowercase characters, and a unit test holds every entry to that.
//! Adding a command means one entry here, its messages, and its execution under `exec/`.

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
/// The languages a room can be set to.
pub const LANGUAGES: &[&str] = &["en", "ru", "zh"];

const fn opt(name: &'static str, kind: OptionKind) -> OptionSpec {
    OptionSpec {
        name,
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

const EVENT: OptionSpec = required(greedy(opt("event", OptionKind::Event)));
const PAGE: OptionSpec = opt("page", OptionKind::Integer { min: 1, max: 10_000 });

/// Every command, in the order help lists them.
pub const COMMANDS: &[CommandSpec] = &[
    CommandSpec {
        name: "help",
        access: Access::Everyone,
        options: &[opt("command", OptionKind::CommandName)],
        examples: &["help", "help sponsors"],
    },
    CommandSpec {
        name: "status",
        access: Access::Everyone,
        options: &[],
        examples: &["status"],
    },
    CommandSpec {
        name: "events",
        access: Access::Everyone,
        options: &[
            opt("tag", OptionKind::Word),
            opt("year", OptionKind::Integer { min: 1900, max: 2999 }),
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
        access: Access::Everyone,
        options: &[EVENT],
        examples: &["briefing infoforum-shanghai-2018", "briefing infoforum"],
    },
    CommandSpec {
        name: "summary",
        access: Access::Everyone,
        options: &[EVENT],
        examples: &["summary infoforum"],
    },
    CommandSpec {
        name: "topics",
        access: Access::Everyone,
        options: &[EVENT],
        examples: &["topics infoforum"],
    },
    CommandSpec {
        name: "sponsors",
        access: Access::Everyone,
        options: &[EVENT, opt("relation", OptionKind::Choice(RELATIONS))],
        examples: &["sponsors infoforum", "sponsors infoforum supporter"],
    },
    CommandSpec {
        name: "quotes",
        access: Access::Everyone,
        options: &[
            opt("event", OptionKind::Event),
            opt("speaker", OptionKind::Text),
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
        access: Access::Everyone,
        options: &[required(greedy(opt("query", OptionKind::Text))), named(PAGE)],
        examples: &["search digital economy", "search cloud security page:2"],
    },
    CommandSpec {
        name: "ask",
        access: Access::Everyone,
        options: &[required(greedy(opt("question", OptionKind::Text)))],
        examples: &[
            "ask who sponsored infoforum?",
            "ask что говорил Носков?",
            "ask 信息论坛的主办方是谁？",
        ],
    },
    CommandSpec {
        name: "language",
        access: Access::Moderator,
        options: &[opt("language", OptionKind::Choice(LANGUAGES))],
        examples: &["language", "language ru", "language zh"],
    },
    CommandSpec {
        name: "digest",
        access: Access::Moderator,
        options: &[
            required(opt("event", OptionKind::Event)),
            opt("target", OptionKind::Text),
        ],
        examples: &["digest infoforum", "digest infoforum matrix:#news:example.org"],
    },
    CommandSpec {
        name: "digest-preview",
        access: Access::Moderator,
        options: &[EVENT],
        examples: &["digest preview infoforum"],
    },
    CommandSpec {
        name: "digest-status",
        access: Access::Moderator,
        options: &[],
        examples: &["digest status"],
    },
    CommandSpec {
        name: "reload",
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
            assert!(c.options.len() <= 25);
            let mut seen_optional = false;
            for o in c.options {
                assert!(valid_name(o.name), "{}.{}", c.name, o.name);
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
