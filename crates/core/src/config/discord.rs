//! The `[discord]` section: which token, where commands are registered, who moderates, and how interactions
//! arrive (over the gateway, or posted by Discord to the HTTP server and checked against the application's
//! public key). Validated here; the token is only named, and read at start.

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
    /// How interactions reach the bot.
    pub interactions: Interactions,
    /// The application's public key, which signs interactions posted to the HTTP endpoint. Required with
    /// [`Interactions::Http`].
    pub public_key: Option<PublicKey>,
}

/// How interactions reach the bot (`discord.interactions`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Interactions {
    /// Over serenity's gateway connection (the default).
    Gateway,
    /// Posted by Discord to `POST /discord/interactions` on the HTTP server, signed with the
    /// application's key; no gateway connection is opened.
    Http,
}

/// An application's Ed25519 public key: the Developer Portal's "Public Key", 64 hex digits (32 bytes). It is
/// known to be a usable key (a point on the curve, not of small order) once the config is read; `line`
/// locates it in the config for problems found later (`attache check` comparing it with the application's).
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct PublicKey {
    bytes: [u8; 32],
    line: Option<usize>,
}

impl PublicKey {
    /// Reads a key from hex; the error says what is wrong with it.
    pub fn parse(hex: &str) -> Result<PublicKey, String> {
        let hex = hex.trim();
        if hex.len() != 64 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(format!(
                "is not 64 hex digits ({} characters): copy the Public Key from the Developer Portal's General Information page",
                hex.chars().count()
            ));
        }
        let mut bytes = [0u8; 32];
        for (i, byte) in bytes.iter_mut().enumerate() {
            // Checked above: every pair is two ASCII hex digits.
            *byte = u8::from_str_radix(&hex[2 * i..2 * i + 2], 16).unwrap_or_default();
        }
        match ed25519_dalek::VerifyingKey::from_bytes(&bytes) {
            Err(_) => Err("is not an Ed25519 public key (not a point on the curve)".to_string()),
            Ok(k) if k.is_weak() => {
                Err("is a weak Ed25519 key (of small order), which anyone could sign for".to_string())
            }
            Ok(_) => Ok(PublicKey { bytes, line: None }),
        }
    }

    pub fn bytes(&self) -> &[u8; 32] {
        &self.bytes
    }

    /// The key as 64 lowercase hex digits, as Discord writes `verify_key`.
    pub fn hex(&self) -> String {
        self.bytes.iter().map(|b| format!("{b:02x}")).collect()
    }

    /// The config line the key was read from.
    pub fn line(&self) -> Option<usize> {
        self.line
    }
}

impl std::fmt::Debug for PublicKey {
    // A public key is no secret: shown in full, as hex.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "PublicKey({})", self.hex())
    }
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
    interactions: Option<Spanned<Interactions>>,
    public_key: Option<Spanned<String>>,
}

/// Discord ids are written as integers or, as Discord itself sends them, strings.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum Snowflake {
    Int(i64),
    Text(String),
}

impl Raw {
    /// `http_enabled`: whether `[http]` is present, which HTTP interactions need.
    pub(super) fn validate(self, at: &Locator, http_enabled: bool) -> Result<DiscordConfig, ConfigError> {
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
        let public_key = match self.public_key {
            Some(k) => Some(
                PublicKey::parse(k.get_ref())
                    .map(|key| PublicKey {
                        line: Some(at.line(k.span())),
                        ..key
                    })
                    .map_err(|why| at.fail(k.span(), format!("`discord.public_key` {why}")))?,
            ),
            None => None,
        };
        let interactions = match self.interactions {
            Some(i) if *i.get_ref() == Interactions::Http => {
                if !http_enabled {
                    return Err(at.fail(
                        i.span(),
                        "`discord.interactions` = \"http\" needs the `[http]` section: Discord posts interactions to `/discord/interactions` on that server".to_string(),
                    ));
                }
                if public_key.is_none() {
                    return Err(at.fail(
                        i.span(),
                        "`discord.interactions` = \"http\" needs `discord.public_key`, the application's Public Key from the Developer Portal, to check that interactions come from Discord".to_string(),
                    ));
                }
                Interactions::Http
            }
            Some(i) => i.into_inner(),
            None => Interactions::Gateway,
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
            interactions,
            public_key,
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
