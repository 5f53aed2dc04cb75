//! The `[discord]` section: which token, where commands are registered, and who moderates. Validated here;
//! the token is only named, and read at start.

use serde::Deserialize;
use toml::Spanned;

use super::{ConfigError, Locator};

#[derive(Debug, Clone, PartialEq)]
pub struct DiscordConfig {
    pub token_env: String,
    /// Guilds to register commands in (instant updates); empty registers global commands.
    pub guilds: Vec<u64>,
    /// Roles whose members are moderators (members with Manage Messages are too).
    pub moderator_roles: Vec<u64>,
    pub admins: Vec<u64>,
    /// The REST base, such as `https://discord.com/api/v10`, without a trailing slash.
    pub api_base: String,
    /// How long paging buttons stay usable: they are removed before the interaction token they were
    /// answered with expires (Discord: 15 minutes), so nobody presses a dead button.
    pub page_timeout: std::time::Duration,
}

impl DiscordConfig {
    /// Why the bot cannot start on Discord with this environment, if it cannot.
    pub fn missing_secret(&self, env: &impl Fn(&str) -> Option<String>) -> Option<String> {
        env(&self.token_env).is_none().then(|| {
            format!(
                "`discord.token_env` names the environment variable `{}`, which is not set",
                self.token_env
            )
        })
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Raw {
    token_env: Option<Spanned<String>>,
    #[serde(default)]
    guilds: Vec<Spanned<Snowflake>>,
    #[serde(default)]
    moderator_roles: Vec<Spanned<Snowflake>>,
    #[serde(default)]
    admins: Vec<Spanned<Snowflake>>,
    api_base: Option<Spanned<String>>,
    page_timeout_secs: Option<Spanned<u64>>,
}

/// Discord ids are written as integers or, as Discord itself sends them, strings.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum Snowflake {
    Int(i64),
    Text(String),
}

impl Raw {
    pub(super) fn validate(self, at: &Locator) -> Result<DiscordConfig, ConfigError> {
        let token_env = self.token_env.ok_or_else(|| at.missing("discord", "token_env"))?;
        let token_env = super::matrix::env_name(at, token_env, "discord.token_env")?;
        let ids = |list: Vec<Spanned<Snowflake>>, key: &str| -> Result<Vec<u64>, ConfigError> {
            list.into_iter()
                .map(|s| {
                    let span = s.span();
                    let id = match s.into_inner() {
                        Snowflake::Int(n) => u64::try_from(n).ok(),
                        Snowflake::Text(t) => t.parse::<u64>().ok(),
                    };
                    id.filter(|&n| n > 0).ok_or_else(|| {
                        at.fail(
                            span,
                            format!("`{key}`: expected a Discord id such as 123456789012345678"),
                        )
                    })
                })
                .collect()
        };
        let api_base = match self.api_base {
            Some(u) => {
                let base = check_url(at, &u, "discord.api_base")?;
                if !base.ends_with("/api/v10") {
                    return Err(at.fail(
                        u.span(),
                        format!(
                            "`discord.api_base` = {:?} must end with /api/v10, the API version the bot speaks",
                            u.get_ref()
                        ),
                    ));
                }
                base
            }
            None => "https://discord.com/api/v10".into(),
        };
        Ok(DiscordConfig {
            token_env,
            guilds: ids(self.guilds, "discord.guilds")?,
            moderator_roles: ids(self.moderator_roles, "discord.moderator_roles")?,
            admins: ids(self.admins, "discord.admins")?,
            api_base,
            page_timeout: std::time::Duration::from_secs(match self.page_timeout_secs {
                Some(s) if !(5..=840).contains(s.get_ref()) => {
                    return Err(at.fail(
                        s.span(),
                        format!(
                            "`discord.page_timeout_secs` = {} is out of range (5..=840: buttons must go before the 15-minute interaction token expires)",
                            s.get_ref()
                        ),
                    ));
                }
                Some(s) => s.into_inner(),
                None => 840,
            }),
        })
    }
}

/// An absolute http(s) URL, returned without a trailing slash.
pub(super) fn check_url(at: &Locator, v: &Spanned<String>, key: &str) -> Result<String, ConfigError> {
    match url::Url::parse(v.get_ref()) {
        Ok(u) if matches!(u.scheme(), "http" | "https") && u.host().is_some() => {
            Ok(v.get_ref().trim_end_matches('/').to_string())
        }
        Ok(_) => Err(at.fail(
            v.span(),
            format!("`{key}` = {:?} must be an http or https URL", v.get_ref()),
        )),
        Err(e) => Err(at.fail(
            v.span(),
            format!("`{key}` = {:?} is not a URL ({e})", v.get_ref()),
        )),
    }
}
