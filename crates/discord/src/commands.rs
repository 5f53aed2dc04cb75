//! Application commands (slash commands) generated from the catalogue.
//!
//! Each catalogue entry becomes one CHAT_INPUT command: event options use autocomplete, choices become
//! Discord choices, integer bounds become `min_value`/`max_value`, and moderator and admin commands carry
//! `default_member_permissions` (the adapter still checks the member itself). Names and descriptions come
//! from the message catalogues: English as the default, with `ru` and `zh-CN` localizations of every
//! command, option and choice, so each member sees the commands in their client's language.

use std::collections::BTreeMap;

use serde::Serialize;
use serenity::all::{CommandOptionType, CommandType, Permissions};

use attache_core::catalogue::{self, Access, CommandSpec, OptionKind, OptionSpec};
use attache_core::i18n::{self, Lang};

/// The Discord locales the commands are localized for, with the language of each.
pub const LOCALES: [(&str, Lang); 2] = [("ru", Lang::Ru), ("zh-CN", Lang::Zh)];

/// A localization dictionary: Discord locale to text.
pub type Localized = BTreeMap<String, String>;

/// The localizations of message `id` (English is the default value, not a localization).
fn localized(id: &str) -> Localized {
    LOCALES
        .iter()
        .map(|(locale, lang)| (locale.to_string(), i18n::text(*lang, id, &[])))
        .collect()
}

/// `MANAGE_MESSAGES`: the permission that marks moderators by default.
pub const MANAGE_MESSAGES: u64 = Permissions::MANAGE_MESSAGES.bits();
/// `ADMINISTRATOR`.
pub const ADMINISTRATOR: u64 = Permissions::ADMINISTRATOR.bits();
/// Free-text options are capped so a query cannot exceed what the core accepts.
const TEXT_MAX_LENGTH: u16 = 200;

/// An application command as sent to `PUT /applications/{id}/commands`.
///
/// A struct of our own rather than serenity's `CreateCommand`: that builder cannot be read back, so
/// neither these tests nor [`crate::sync`]'s comparison could see what it holds, and it sends every
/// optional field (`null` bounds, empty localizations) where these leave them out. Its numbers are
/// serenity's enums.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ApplicationCommand {
    pub name: String,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub name_localizations: Localized,
    pub description: String,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub description_localizations: Localized,
    #[serde(rename = "type")]
    pub kind: CommandType,
    pub options: Vec<CommandOption>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub default_member_permissions: Option<String>,
}

/// One option of an application command.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CommandOption {
    #[serde(rename = "type")]
    pub kind: CommandOptionType,
    pub name: String,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub name_localizations: Localized,
    pub description: String,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub description_localizations: Localized,
    pub required: bool,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub autocomplete: bool,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub choices: Vec<Choice>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min_value: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_value: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_length: Option<u16>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Choice {
    pub name: String,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub name_localizations: Localized,
    pub value: String,
}

/// Every command of the catalogue, as Discord application commands.
pub fn application_commands() -> Vec<ApplicationCommand> {
    catalogue::COMMANDS.iter().map(command).collect()
}

fn command(spec: &CommandSpec) -> ApplicationCommand {
    let description = format!("cmd-{}", spec.name);
    ApplicationCommand {
        name: spec.name.to_string(),
        name_localizations: localized(&format!("slash-{}", spec.name)),
        description: i18n::text(Lang::En, &description, &[]),
        description_localizations: localized(&description),
        kind: CommandType::ChatInput,
        options: spec.options.iter().map(option).collect(),
        default_member_permissions: match spec.access {
            Access::Everyone => None,
            Access::Moderator => Some(MANAGE_MESSAGES.to_string()),
            Access::Admin => Some(ADMINISTRATOR.to_string()),
        },
    }
}

fn option(o: &OptionSpec) -> CommandOption {
    let description = format!("opt-{}", o.name);
    let mut out = CommandOption {
        kind: CommandOptionType::String,
        name: o.name.to_string(),
        name_localizations: localized(&format!("slash-opt-{}", o.name)),
        description: i18n::text(Lang::En, &description, &[]),
        description_localizations: localized(&description),
        required: o.required,
        autocomplete: false,
        choices: Vec::new(),
        min_value: None,
        max_value: None,
        max_length: None,
    };
    match o.kind {
        OptionKind::Event => out.autocomplete = true,
        OptionKind::Text | OptionKind::Word => out.max_length = Some(TEXT_MAX_LENGTH),
        OptionKind::Integer { min, max } => {
            out.kind = CommandOptionType::Integer;
            out.min_value = Some(min);
            out.max_value = Some(max);
        }
        OptionKind::Choice(values) => {
            out.choices = values.iter().map(|v| choice(o.name, v)).collect();
        }
        OptionKind::CommandName => {
            out.choices = catalogue::COMMANDS
                .iter()
                .map(|c| Choice {
                    name: c.name.to_string(),
                    name_localizations: localized(&format!("slash-{}", c.name)),
                    value: c.name.to_string(),
                })
                .collect();
        }
    }
    out
}

/// A choice of a fixed-values option: its value as the default name, and the value's name in each
/// language where the catalogues have one (relations, languages).
fn choice(option: &str, value: &str) -> Choice {
    let id = match option {
        "relation" => Some(format!("relation-name-{value}")),
        "language" => Some(format!("language-{value}")),
        _ => None,
    };
    Choice {
        name: value.to_string(),
        name_localizations: id.map(|id| localized(&id)).unwrap_or_default(),
        value: value.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Discord's rule for command and option names (and their localizations): 1-32 letters, digits, `-`,
    /// `_` or `'`, lower case where the script has case.
    fn name_ok(n: &str) -> bool {
        (1..=32).contains(&n.chars().count())
            && n.chars()
                .all(|c| c.is_alphanumeric() || c == '-' || c == '_' || c == '\'')
            && n.to_lowercase() == n
    }

    /// The longest of a text and its localizations, as Discord counts a command's size.
    fn longest(default: &str, localized: &Localized) -> usize {
        localized
            .values()
            .map(|v| v.chars().count())
            .chain([default.chars().count()])
            .max()
            .unwrap_or(0)
    }

    /// Guards against registering a command Discord would answer with 400 (50035), in any language.
    #[test]
    fn every_command_is_within_discord_limits() {
        let description_ok = |d: &str| (1..=100).contains(&d.chars().count());
        for c in application_commands() {
            assert!(name_ok(&c.name), "{}", c.name);
            assert!(description_ok(&c.description), "{}", c.name);
            for (locale, _) in LOCALES {
                let name = &c.name_localizations[locale];
                assert!(name_ok(name), "{}: {locale} name {name:?}", c.name);
                let description = &c.description_localizations[locale];
                assert!(
                    description_ok(description),
                    "{}: {locale} {description:?}",
                    c.name
                );
            }
            assert!(c.options.len() <= 25, "{}", c.name);
            let mut total = longest(&c.name, &c.name_localizations)
                + longest(&c.description, &c.description_localizations);
            let mut optional_seen = false;
            for (locale, _) in LOCALES {
                let mut names: Vec<&str> = c
                    .options
                    .iter()
                    .map(|o| o.name_localizations[locale].as_str())
                    .collect();
                names.sort_unstable();
                names.dedup();
                assert_eq!(
                    names.len(),
                    c.options.len(),
                    "{}: option names repeat in {locale}",
                    c.name
                );
            }
            for o in &c.options {
                assert!(name_ok(&o.name), "{}.{}", c.name, o.name);
                assert!(description_ok(&o.description));
                for (locale, _) in LOCALES {
                    assert!(
                        name_ok(&o.name_localizations[locale]),
                        "{}.{} {locale}",
                        c.name,
                        o.name
                    );
                    assert!(
                        description_ok(&o.description_localizations[locale]),
                        "{}.{} {locale}",
                        c.name,
                        o.name
                    );
                }
                assert!(o.choices.len() <= 25);
                assert!(
                    !o.autocomplete || o.choices.is_empty(),
                    "autocomplete and choices exclude each other"
                );
                assert!(!(o.required && optional_seen), "required options come first");
                optional_seen |= !o.required;
                total += longest(&o.name, &o.name_localizations)
                    + longest(&o.description, &o.description_localizations);
                for ch in &o.choices {
                    assert!((1..=100).contains(&ch.name.chars().count()) && ch.value.chars().count() <= 100);
                    assert!(
                        ch.name_localizations
                            .values()
                            .all(|n| (1..=100).contains(&n.chars().count()))
                    );
                    total += longest(&ch.name, &ch.name_localizations) + ch.value.chars().count();
                }
            }
            assert!(total <= 4000, "{}: {total} characters", c.name);
        }
    }

    #[test]
    fn commands_speak_russian_and_chinese() {
        let cmds = application_commands();
        let sponsors = cmds.iter().find(|c| c.name == "sponsors").unwrap();
        assert_eq!(sponsors.name_localizations["ru"], "спонсоры");
        assert_eq!(sponsors.name_localizations["zh-CN"], "赞助方");
        let relation = &sponsors.options[1];
        let organizer = relation.choices.iter().find(|c| c.value == "organizer").unwrap();
        assert_eq!(organizer.name_localizations["ru"], "организатор");
        assert!(!sponsors.description_localizations["zh-CN"].is_empty());
    }

    #[test]
    fn moderator_commands_carry_default_permissions() {
        let cmds = application_commands();
        let digest = cmds.iter().find(|c| c.name == "digest").unwrap();
        assert_eq!(digest.default_member_permissions.as_deref(), Some("8192"));
        let reload = cmds.iter().find(|c| c.name == "reload").unwrap();
        assert_eq!(reload.default_member_permissions.as_deref(), Some("8"));
        let summary = cmds.iter().find(|c| c.name == "summary").unwrap();
        assert!(summary.default_member_permissions.is_none());
        assert!(summary.options[0].autocomplete);
        insta::assert_json_snapshot!(
            "discord-sponsors-command",
            cmds.iter().find(|c| c.name == "sponsors").unwrap()
        );
    }
}
