//! The `[matrix]` section: which homeserver and account, where the session and crypto store live, who may
//! do what, and which invites to accept. Validated here; secrets are only named, and read at start.

use std::path::PathBuf;

use serde::Deserialize;
use toml::Spanned;

use super::{ConfigError, Locator};

/// Which invites the bot accepts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Autojoin {
    /// Invites from the configured admins.
    Admins,
    /// Every invite.
    Anyone,
    /// Invites from these user ids (`@alice:example.org`) or from any user of these servers (`example.org`).
    List(Vec<String>),
}

impl Autojoin {
    /// Whether an invite from `inviter` is accepted, given the configured admins.
    pub fn allows(&self, inviter: &str, admins: &[String]) -> bool {
        match self {
            Autojoin::Anyone => true,
            Autojoin::Admins => admins.iter().any(|a| a == inviter),
            Autojoin::List(list) => list.iter().any(|entry| {
                if entry.starts_with('@') {
                    entry == inviter
                } else {
                    server_of(inviter) == Some(entry.as_str())
                }
            }),
        }
    }
}

/// The server part of a user id: everything after the first `:` (it may carry a port).
fn server_of(user: &str) -> Option<&str> {
    user.split_once(':').map(|(_, server)| server)
}

/// How the bot authenticates: each names the environment variable holding the secret.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MatrixAuth {
    Password { env: String },
    AccessToken { env: String },
}

#[derive(Debug, Clone, PartialEq)]
pub struct MatrixConfig {
    /// The homeserver's base URL, without a trailing slash.
    pub homeserver: String,
    pub user: String,
    pub auth: MatrixAuth,
    /// The session file and the sqlite state and crypto stores.
    pub store: PathBuf,
    pub store_passphrase_env: Option<String>,
    pub device_name: String,
    pub prefix: String,
    pub admins: Vec<String>,
    pub moderator_power_level: i64,
    pub moderators: Vec<String>,
    pub autojoin: Autojoin,
    /// Room ids or aliases the bot serves; empty means every room it is in.
    pub rooms: Vec<String>,
    /// The language of answers in rooms where a moderator has set none (`matrix.language`); else
    /// `bot.language`.
    pub language: Option<crate::text::Lang>,
}

impl MatrixConfig {
    /// Why the bot cannot start on Matrix with this environment, if it cannot.
    pub fn missing_secret(&self, env: &impl Fn(&str) -> Option<String>) -> Option<String> {
        let (key, var) = match &self.auth {
            MatrixAuth::Password { env } => ("password_env", env),
            MatrixAuth::AccessToken { env } => ("access_token_env", env),
        };
        if env(var).is_none() {
            return Some(format!(
                "`matrix.{key}` names the environment variable `{var}`, which is not set"
            ));
        }
        if let Some(var) = &self.store_passphrase_env
            && env(var).is_none()
        {
            return Some(format!(
                "`matrix.store_passphrase_env` names the environment variable `{var}`, which is not set"
            ));
        }
        None
    }

    /// Whether `user` is a moderator by the list (power levels are checked by the adapter).
    pub fn is_listed_moderator(&self, user: &str) -> bool {
        self.moderators.iter().any(|m| m == user)
    }

    pub fn is_admin(&self, user: &str) -> bool {
        self.admins.iter().any(|a| a == user)
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Raw {
    homeserver: Option<Spanned<String>>,
    user: Option<Spanned<String>>,
    password_env: Option<Spanned<String>>,
    access_token_env: Option<Spanned<String>>,
    store: Option<Spanned<String>>,
    store_passphrase_env: Option<Spanned<String>>,
    device_name: Option<Spanned<String>>,
    prefix: Option<Spanned<String>>,
    #[serde(default)]
    admins: Vec<Spanned<String>>,
    moderator_power_level: Option<Spanned<i64>>,
    #[serde(default)]
    moderators: Vec<Spanned<String>>,
    autojoin: Option<Spanned<RawAutojoin>>,
    #[serde(default)]
    rooms: Vec<Spanned<String>>,
    language: Option<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum RawAutojoin {
    Word(String),
    List(Vec<String>),
}

impl Raw {
    pub(super) fn validate(
        self,
        at: &Locator,
        data_dir: &std::path::Path,
    ) -> Result<MatrixConfig, ConfigError> {
        let homeserver = self
            .homeserver
            .ok_or_else(|| at.missing("matrix", "homeserver"))?;
        let homeserver = super::discord::check_url(at, &homeserver, "matrix.homeserver")?;
        let user = self.user.ok_or_else(|| at.missing("matrix", "user"))?;
        check_user(at, &user, "matrix.user")?;
        let auth = auth(at, self.password_env, self.access_token_env)?;
        let prefix = prefix(at, self.prefix)?;
        let users = |list: Vec<Spanned<String>>, key: &str| -> Result<Vec<String>, ConfigError> {
            list.into_iter()
                .map(|u| check_user(at, &u, key).map(|()| u.into_inner()))
                .collect()
        };
        let admins = users(self.admins, "matrix.admins")?;
        let moderators = users(self.moderators, "matrix.moderators")?;
        let moderator_power_level = match self.moderator_power_level {
            Some(p) if !(0..=100).contains(p.get_ref()) => {
                return Err(at.fail(
                    p.span(),
                    format!(
                        "`matrix.moderator_power_level` = {} is out of range (0..=100)",
                        p.get_ref()
                    ),
                ));
            }
            Some(p) => p.into_inner(),
            None => 50,
        };
        let autojoin = autojoin(at, self.autojoin)?;
        let rooms = rooms(at, self.rooms)?;
        let text = |v: Option<Spanned<String>>, key: &str| -> Result<Option<String>, ConfigError> {
            match v {
                Some(s) if s.get_ref().trim().is_empty() => {
                    Err(at.fail(s.span(), format!("`{key}` must not be empty")))
                }
                s => Ok(s.map(Spanned::into_inner)),
            }
        };
        Ok(MatrixConfig {
            homeserver,
            user: user.into_inner(),
            auth,
            store: text(self.store, "matrix.store")?
                .map(PathBuf::from)
                .unwrap_or_else(|| data_dir.join("matrix")),
            store_passphrase_env: self
                .store_passphrase_env
                .map(|v| env_name(at, v, "matrix.store_passphrase_env"))
                .transpose()?,
            device_name: text(self.device_name, "matrix.device_name")?.unwrap_or_else(|| "Attaché".into()),
            prefix,
            admins,
            moderator_power_level,
            moderators,
            autojoin,
            rooms,
            language: self
                .language
                .map(|l| super::language(at, &l, "matrix.language"))
                .transpose()?,
        })
    }
}

/// How the bot logs in: a password or an access token, from the variable named; exactly one of the two.
fn auth(
    at: &Locator,
    password_env: Option<Spanned<String>>,
    access_token_env: Option<Spanned<String>>,
) -> Result<MatrixAuth, ConfigError> {
    match (password_env, access_token_env) {
        (Some(p), None) => Ok(MatrixAuth::Password {
            env: env_name(at, p, "matrix.password_env")?,
        }),
        (None, Some(t)) => Ok(MatrixAuth::AccessToken {
            env: env_name(at, t, "matrix.access_token_env")?,
        }),
        (Some(_), Some(t)) => Err(at.fail(
            t.span(),
            "set either `matrix.password_env` or `matrix.access_token_env`, not both".into(),
        )),
        (None, None) => {
            let mut e = at.missing("matrix", "password_env");
            e.message = "`matrix.password_env` or `matrix.access_token_env` is required".into();
            Err(e)
        }
    }
}

/// The command prefix: non-empty, without spaces; `!` by default.
fn prefix(at: &Locator, prefix: Option<Spanned<String>>) -> Result<String, ConfigError> {
    match prefix {
        Some(p) if p.get_ref().trim().is_empty() || p.get_ref().chars().any(char::is_whitespace) => Err(at
            .fail(
                p.span(),
                format!(
                    "`matrix.prefix` = {:?} must be non-empty and without spaces",
                    p.get_ref()
                ),
            )),
        Some(p) => Ok(p.into_inner()),
        None => Ok("!".into()),
    }
}

/// Whose invites the bot accepts: `admins` (the default), `anyone`, or user ids and server names.
fn autojoin(at: &Locator, autojoin: Option<Spanned<RawAutojoin>>) -> Result<Autojoin, ConfigError> {
    let Some(a) = autojoin else {
        return Ok(Autojoin::Admins);
    };
    let span = a.span();
    match a.into_inner() {
        RawAutojoin::Word(w) if w == "admins" => Ok(Autojoin::Admins),
        RawAutojoin::Word(w) if w == "anyone" => Ok(Autojoin::Anyone),
        RawAutojoin::Word(w) => Err(at.fail(
            span,
            format!(
                "`matrix.autojoin` = {w:?}: expected \"admins\", \"anyone\" or a list of user ids and server names"
            ),
        )),
        RawAutojoin::List(list) => {
            if let Some(entry) = list.iter().find(|e| match e.starts_with('@') {
                true => !valid_user(e),
                false => !valid_server(e),
            }) {
                return Err(at.fail(
                    span,
                    format!("`matrix.autojoin`: {entry:?} is neither a user id (@name:server) nor a server name"),
                ));
            }
            Ok(Autojoin::List(list))
        }
    }
}

/// The rooms to serve: room ids (`!id`) or aliases (`#name:server`).
fn rooms(at: &Locator, rooms: Vec<Spanned<String>>) -> Result<Vec<String>, ConfigError> {
    rooms
        .into_iter()
        .map(|r| {
            let room = r.get_ref();
            let ok = (room.starts_with('!') && room.len() > 1)
                || (room.starts_with('#')
                    && room
                        .split_once(':')
                        .is_some_and(|(a, s)| a.len() > 1 && valid_server(s)));
            if ok {
                Ok(r.into_inner())
            } else {
                Err(at.fail(
                    r.span(),
                    format!(
                        "`matrix.rooms`: {room:?} is neither a room id (!id) nor an alias (#name:server)"
                    ),
                ))
            }
        })
        .collect()
}

/// An environment variable name: letters, digits and `_`, not starting with a digit.
pub(super) fn env_name(at: &Locator, v: Spanned<String>, key: &str) -> Result<String, ConfigError> {
    let name = v.get_ref();
    let ok = !name.is_empty()
        && !name.starts_with(|c: char| c.is_ascii_digit())
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    if ok {
        Ok(v.into_inner())
    } else {
        Err(at.fail(
            v.span(),
            format!(
                "`{key}` = {name:?} is not an environment variable name; it names the variable that holds the secret, never the secret itself"
            ),
        ))
    }
}

fn check_user(at: &Locator, user: &Spanned<String>, key: &str) -> Result<(), ConfigError> {
    if valid_user(user.get_ref()) {
        Ok(())
    } else {
        Err(at.fail(
            user.span(),
            format!(
                "`{key}`: {:?} is not a Matrix user id such as @name:example.org",
                user.get_ref()
            ),
        ))
    }
}

/// `@localpart:server`, with a non-empty localpart and a plausible server name.
pub fn valid_user(id: &str) -> bool {
    let Some(rest) = id.strip_prefix('@') else {
        return false;
    };
    let Some((local, server)) = rest.split_once(':') else {
        return false;
    };
    !local.is_empty()
        && local
            .chars()
            .all(|c| c.is_ascii() && !c.is_ascii_control() && c != ' ' && c != ':')
        && valid_server(server)
}

/// A host name, IPv4 or bracketed IPv6 address, with an optional port.
fn valid_server(server: &str) -> bool {
    let (host, port) = match server.rsplit_once(':') {
        Some((h, _)) if !h.ends_with(']') && h.contains(':') => (server, None),
        Some((h, p)) => (h, Some(p)),
        None => (server, None),
    };
    let port_ok = port.is_none_or(|p| !p.is_empty() && p.len() <= 5 && p.chars().all(|c| c.is_ascii_digit()));
    let host_ok = if let Some(v6) = host.strip_prefix('[') {
        v6.ends_with(']') && v6.len() > 2
    } else {
        !host.is_empty()
            && host
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-')
    };
    port_ok && host_ok
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_ids_and_servers() {
        assert!(valid_user("@attache:example.org"));
        assert!(valid_user("@bot:localhost:8008"));
        assert!(valid_user("@a.b_c=d-e/f:[::1]:8448"));
        assert!(!valid_user("attache:example.org"));
        assert!(!valid_user("@attache"));
        assert!(!valid_user("@:example.org"));
        assert!(!valid_user("@a b:example.org"));
        assert!(!valid_user("@a:exa mple.org"));
    }

    #[test]
    fn autojoin_by_user_and_server() {
        let admins = vec!["@alice:example.org".to_string()];
        assert!(Autojoin::Admins.allows("@alice:example.org", &admins));
        assert!(!Autojoin::Admins.allows("@bob:example.org", &admins));
        assert!(Autojoin::Anyone.allows("@bob:example.org", &admins));
        let list = Autojoin::List(vec!["@carol:other.net".into(), "example.org".into()]);
        assert!(list.allows("@bob:example.org", &admins));
        assert!(list.allows("@carol:other.net", &admins));
        assert!(!list.allows("@dave:other.net", &admins));
        // A server name never matches a longer one that merely ends with it.
        assert!(!list.allows("@eve:evilexample.org", &admins));
    }
}
