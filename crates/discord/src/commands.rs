//! Application commands (slash commands) generated from the catalogue.
//!
//! Each catalogue entry becomes one CHAT_INPUT command: event options use autocomplete, choices become
//! Discord choices, integer bounds become `min_value`/`max_value`, and moderator and admin commands carry
//! `default_member_permissions` (the adapter still checks the member itself).

use serde::Serialize;
use serenity::all::{CommandOptionType, CommandType, Permissions};

use attache_core::catalogue::{self, Access, CommandSpec, OptionKind, OptionSpec};

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
    pub description: String,
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
    pub description: String,
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
    pub value: String,
}

/// Every command of the catalogue, as Discord application commands.
pub fn application_commands() -> Vec<ApplicationCommand> {
    catalogue::COMMANDS.iter().map(command).collect()
}

fn command(spec: &CommandSpec) -> ApplicationCommand {
    ApplicationCommand {
        name: spec.name.to_string(),
        description: spec.description.to_string(),
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
    let mut out = CommandOption {
        kind: CommandOptionType::String,
        name: o.name.to_string(),
        description: o.description.to_string(),
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
            out.choices = values
                .iter()
                .map(|v| Choice {
                    name: v.to_string(),
                    value: v.to_string(),
                })
                .collect();
        }
        OptionKind::CommandName => {
            out.choices = catalogue::COMMANDS
                .iter()
                .map(|c| Choice {
                    name: c.name.to_string(),
                    value: c.name.to_string(),
                })
                .collect();
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Guards against registering a command Discord would answer with 400 (50035).
    #[test]
    fn every_command_is_within_discord_limits() {
        let name_ok = |n: &str| {
            (1..=32).contains(&n.chars().count())
                && n.chars()
                    .all(|c| c.is_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
        };
        for c in application_commands() {
            assert!(name_ok(&c.name), "{}", c.name);
            assert!((1..=100).contains(&c.description.chars().count()), "{}", c.name);
            assert!(c.options.len() <= 25, "{}", c.name);
            let mut total = c.name.chars().count() + c.description.chars().count();
            let mut optional_seen = false;
            for o in &c.options {
                assert!(name_ok(&o.name), "{}.{}", c.name, o.name);
                assert!((1..=100).contains(&o.description.chars().count()));
                assert!(o.choices.len() <= 25);
                assert!(
                    !o.autocomplete || o.choices.is_empty(),
                    "autocomplete and choices exclude each other"
                );
                assert!(!(o.required && optional_seen), "required options come first");
                optional_seen |= !o.required;
                total += o.name.chars().count() + o.description.chars().count();
                for ch in &o.choices {
                    assert!((1..=100).contains(&ch.name.chars().count()) && ch.value.chars().count() <= 100);
                    total += ch.name.chars().count() + ch.value.chars().count();
                }
            }
            assert!(total <= 4000, "{}: {total} characters", c.name);
        }
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
