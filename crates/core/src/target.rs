//! Where a digest or an announcement goes: `discord:<channel id>` or `matrix:<room id or alias>`.
//!
//! One parser for the `digest` command and the config, so a target that works in one works in the other.
//! The text form is also the target's name in the ledger, so it must stay stable.

use std::fmt;
use std::str::FromStr;

/// A chat platform that digests can be posted to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Platform {
    Discord,
    Matrix,
}

impl Platform {
    pub fn as_str(self) -> &'static str {
        match self {
            Platform::Discord => "discord",
            Platform::Matrix => "matrix",
        }
    }
}

impl fmt::Display for Platform {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A channel or room, as written in the config or a command.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Target {
    /// A Discord channel id.
    Discord(u64),
    /// A Matrix room id (`!id` or `!id:server`) or alias (`#name:server`); the poster resolves an alias.
    Matrix(String),
}

impl Target {
    /// Parses `discord:<id>` or `matrix:<room>`; the error says what is wrong, for a user to read.
    pub fn parse(s: &str) -> Result<Target, &'static str> {
        match s.split_once(':') {
            Some(("discord", id)) => match id.parse::<u64>() {
                Ok(n) if n > 0 && id.bytes().all(|b| b.is_ascii_digit()) => Ok(Target::Discord(n)),
                _ => Err("a Discord channel id is a number such as 123456789012345678"),
            },
            Some(("matrix", room)) if room.chars().any(char::is_whitespace) => {
                Err("a Matrix room id or alias has no spaces")
            }
            // Room ids of room version 12 have no server part, so `!` and anything after it is accepted.
            Some(("matrix", room)) if room.starts_with('!') && room.len() > 1 => {
                Ok(Target::Matrix(room.into()))
            }
            Some(("matrix", room)) if room.starts_with('#') => match room[1..].split_once(':') {
                Some((name, server)) if !name.is_empty() && !server.is_empty() => {
                    Ok(Target::Matrix(room.into()))
                }
                _ => Err("a Matrix room alias looks like #name:example.org"),
            },
            Some(("matrix", _)) => Err("a Matrix room starts with `!` (id) or `#` (alias)"),
            _ => Err("the platform must be `discord` or `matrix`"),
        }
    }

    pub fn platform(&self) -> Platform {
        match self {
            Target::Discord(_) => Platform::Discord,
            Target::Matrix(_) => Platform::Matrix,
        }
    }
}

impl fmt::Display for Target {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Target::Discord(id) => write!(f, "discord:{id}"),
            Target::Matrix(room) => write!(f, "matrix:{room}"),
        }
    }
}

impl FromStr for Target {
    type Err = &'static str;

    fn from_str(s: &str) -> Result<Target, &'static str> {
        Target::parse(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_parse_and_print_back() {
        for ok in [
            "discord:123456789012345678",
            "matrix:!abc:example.org",
            "matrix:!opaque12",
            "matrix:#news:example.org",
            "matrix:#news:localhost:8448",
        ] {
            assert_eq!(Target::parse(ok).unwrap().to_string(), ok);
        }
        assert_eq!(Target::parse("discord:42").unwrap().platform(), Platform::Discord);
        for bad in [
            "discord:general",
            "discord:0",
            "discord:+12",
            "discord:",
            "matrix:news",
            "matrix:#news",
            "matrix:#:example.org",
            "matrix:!",
            "matrix:!a b",
            "slack:x",
            "123",
        ] {
            assert!(Target::parse(bad).is_err(), "{bad}");
        }
    }
}
