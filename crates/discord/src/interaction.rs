//! Interactions without the connection: who the caller is ([`role`]), which core command a slash command's
//! typed options make ([`command`]), what autocomplete offers ([`autocomplete`]), and the paging buttons
//! ([`page_buttons`], [`PageButton`]).
//!
//! Pure: the gateway layer hands in plain values taken from serenity's interaction types and sends what
//! comes back, so everything here is unit-tested without Discord.

use serenity::all::{ButtonStyle, CreateActionRow, CreateButton};

use crate::commands::{ADMINISTRATOR, MANAGE_MESSAGES};
use attache_core::catalogue::{self, OptionKind};
use attache_core::command::{Args, Command, Role, UsageError, Value};
use attache_core::config::DiscordConfig;
use attache_core::i18n::Lang;
use attache_core::response::Page;
use attache_core::store::Snapshot;
use attache_core::tr;

/// At most this many autocomplete choices (Discord's limit).
pub const AUTOCOMPLETE_MAX: usize = 25;
/// A choice's name and string value are 1-100 characters.
const CHOICE_MAX: usize = 100;

/// The language to answer an interaction in: the member's client language (`locale`), else the server's
/// (`guild_locale`), else the configured default. Chinese in either script gets the Chinese catalogue.
pub fn language(locale: &str, guild_locale: Option<&str>, default: Lang) -> Lang {
    Lang::from_tag(locale)
        .or_else(|| guild_locale.and_then(Lang::from_tag))
        .unwrap_or(default)
}

/// The caller's standing: admins by the config or the Administrator permission; moderators by a configured
/// role or the Manage Messages permission; everyone else a member. `permissions` is the member's computed
/// permissions in the channel (absent in direct messages).
pub fn role(config: &DiscordConfig, user: u64, roles: &[u64], permissions: Option<u64>) -> Role {
    let perms = permissions.unwrap_or(0);
    if config.admins.contains(&user) || perms & ADMINISTRATOR != 0 {
        Role::Admin
    } else if perms & MANAGE_MESSAGES != 0 || roles.iter().any(|r| config.moderator_roles.contains(r)) {
        Role::Moderator
    } else {
        Role::Member
    }
}

/// An option value as Discord sends it.
#[derive(Debug, Clone, PartialEq)]
pub enum OptionValue {
    Text(String),
    Integer(i64),
    /// Any other type, which no catalogue command declares.
    Other,
}

/// The core command for a slash command and its options. Unknown commands and options are usage errors
/// (a stale registration), never panics.
pub fn command(name: &str, options: &[(String, OptionValue)]) -> Result<Command, UsageError> {
    let spec = catalogue::find(name).ok_or_else(|| UsageError::UnknownCommand {
        name: name.to_string(),
        suggestion: None,
    })?;
    let mut args = Args::new();
    for (option, value) in options {
        let Some(o) = spec.option(option) else {
            continue;
        };
        let value = match (value, o.kind) {
            (OptionValue::Integer(n), _) => Value::Int(*n),
            (OptionValue::Text(t), OptionKind::Integer { .. }) => match t.trim().parse() {
                Ok(n) => Value::Int(n),
                Err(_) => Value::Text(t.clone()),
            },
            (OptionValue::Text(t), _) => Value::Text(t.trim().to_string()),
            (OptionValue::Other, _) => continue,
        };
        args.insert(o.name, value);
    }
    Command::from_args(spec, args)
}

/// One autocomplete choice: the name shown and the value sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    pub name: String,
    pub value: String,
}

/// Choices for an event option from what the user has typed: the briefing's title (and year) shown, its id
/// sent. An id longer than Discord allows for a value is left out rather than cut (it would not resolve).
pub fn autocomplete(snapshot: &Snapshot, partial: &str) -> Vec<Choice> {
    attache_core::resolve::complete(snapshot, partial, AUTOCOMPLETE_MAX)
        .into_iter()
        .filter(|b| b.id.chars().count() <= CHOICE_MAX)
        .map(|b| {
            let name = match b.date {
                Some(d) => format!("{} ({})", b.title, d.format("%Y")),
                None => b.title.clone(),
            };
            let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
            Choice {
                name: crate::markdown::truncate(&name, CHOICE_MAX),
                value: b.id.clone(),
            }
        })
        .collect()
}

/// A paging button's custom id: `page:<key>:<invoker>:<prev|next>`, where `key` names the pager entry (the
/// interaction that made the list) and `invoker` the only user who may turn its pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageButton {
    pub key: u64,
    pub invoker: u64,
    pub forward: bool,
}

impl PageButton {
    pub fn custom_id(&self) -> String {
        let dir = if self.forward { "next" } else { "prev" };
        format!("page:{}:{}:{dir}", self.key, self.invoker)
    }

    pub fn parse(custom_id: &str) -> Option<PageButton> {
        let mut parts = custom_id.split(':');
        if parts.next()? != "page" {
            return None;
        }
        let key = parts.next()?.parse().ok()?;
        let invoker = parts.next()?.parse().ok()?;
        let forward = match parts.next()? {
            "next" => true,
            "prev" => false,
            _ => return None,
        };
        parts.next().is_none().then_some(PageButton {
            key,
            invoker,
            forward,
        })
    }
}

/// Previous and Next buttons for a paged list (secondary style, a direction that leads nowhere
/// disabled); none when everything fits on one page.
pub fn page_buttons(lang: Lang, page: &Page, key: u64, invoker: u64) -> Vec<CreateActionRow> {
    if page.pages <= 1 {
        return Vec::new();
    }
    let button = |forward: bool, label: &str, enabled: bool| {
        let id = PageButton {
            key,
            invoker,
            forward,
        };
        CreateButton::new(id.custom_id())
            .label(label)
            .style(ButtonStyle::Secondary)
            .disabled(!enabled)
    };
    vec![CreateActionRow::Buttons(vec![
        button(false, &tr!(lang, "button-previous"), page.prev.is_some()),
        button(true, &tr!(lang, "button-next"), page.next.is_some()),
    ])]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config() -> DiscordConfig {
        DiscordConfig {
            token_env: "T".into(),
            guilds: vec![],
            moderator_roles: vec![77],
            admins: vec![1],
            api_base: "https://discord.com/api/v10".into(),
            page_timeout: std::time::Duration::from_secs(840),
            interactions: attache_core::config::Interactions::Gateway,
            public_key: None,
        }
    }

    #[test]
    fn roles_from_config_roles_and_permissions() {
        let c = config();
        assert_eq!(role(&c, 1, &[], None), Role::Admin);
        assert_eq!(role(&c, 2, &[], Some(ADMINISTRATOR)), Role::Admin);
        assert_eq!(role(&c, 2, &[77], Some(0)), Role::Moderator);
        assert_eq!(role(&c, 2, &[], Some(MANAGE_MESSAGES | 1024)), Role::Moderator);
        assert_eq!(role(&c, 2, &[78], Some(1024)), Role::Member);
        assert_eq!(role(&c, 2, &[], None), Role::Member);
    }

    #[test]
    fn typed_options_make_the_same_commands_as_lines() {
        let opts = |v: &[(&str, OptionValue)]| -> Vec<(String, OptionValue)> {
            v.iter().map(|(k, v)| (k.to_string(), v.clone())).collect()
        };
        assert_eq!(
            command(
                "sponsors",
                &opts(&[
                    ("event", OptionValue::Text(" infoforum ".into())),
                    ("relation", OptionValue::Text("supporter".into()))
                ])
            )
            .unwrap(),
            Command::parse("sponsors infoforum supporter").unwrap()
        );
        assert_eq!(
            command(
                "search",
                &opts(&[
                    ("query", OptionValue::Text("cyber security".into())),
                    ("page", OptionValue::Integer(2))
                ])
            )
            .unwrap(),
            Command::parse("search cyber security page:2").unwrap()
        );
        assert!(command("nope", &[]).is_err());
        assert!(matches!(command("summary", &[]), Err(UsageError::Missing { .. })));
        // An option the catalogue does not know (a stale registration) is ignored, not fatal.
        assert!(
            command(
                "summary",
                &opts(&[
                    ("event", OptionValue::Text("x".into())),
                    ("colour", OptionValue::Other)
                ])
            )
            .is_ok()
        );
    }

    #[test]
    fn page_buttons_round_trip_and_reject_forgeries() {
        let b = PageButton {
            key: 1_234_567_890_123_456_789,
            invoker: 987_654_321_098_765_432,
            forward: true,
        };
        assert!(b.custom_id().len() <= 100);
        assert_eq!(PageButton::parse(&b.custom_id()), Some(b));
        for bad in [
            "page:1:2",
            "page:1:2:up",
            "page:x:2:next",
            "other:1:2:next",
            "page:1:2:next:3",
            "",
        ] {
            assert_eq!(PageButton::parse(bad), None, "{bad}");
        }
        let page = Page {
            page: 1,
            pages: 3,
            total: 25,
            next: Some(attache_core::command::Command::parse("events page:2").unwrap()),
            prev: None,
        };
        let rows = serde_json::to_value(page_buttons(Lang::En, &page, 5, 6)).unwrap();
        assert_eq!(
            rows,
            serde_json::json!([{"type": 1, "components": [
                {"type": 2, "style": 2, "label": "◀ Previous", "custom_id": "page:5:6:prev", "disabled": true},
                {"type": 2, "style": 2, "label": "Next ▶", "custom_id": "page:5:6:next", "disabled": false},
            ]}]),
            "an action row of two secondary buttons"
        );
        assert!(page_buttons(Lang::En, &Page { pages: 1, ..page }, 5, 6).is_empty());
    }

    #[test]
    fn the_language_is_the_members_then_the_servers_then_the_default() {
        assert_eq!(language("ru", Some("en-US"), Lang::En), Lang::Ru);
        assert_eq!(language("zh-TW", None, Lang::En), Lang::Zh);
        assert_eq!(language("zh-CN", None, Lang::En), Lang::Zh);
        assert_eq!(language("fr", Some("ru"), Lang::En), Lang::Ru);
        assert_eq!(language("fr", Some("de"), Lang::Zh), Lang::Zh);
        assert_eq!(language("en-GB", Some("ru"), Lang::Zh), Lang::En);
    }
}
