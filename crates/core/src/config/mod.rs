//! Configuration in two stages: deserialize `config/attache.toml` strictly (unknown keys rejected with a
//! hint and a line number), then validate into a typed [`Config`].
//!
//! Parsing is a pure function of the text ([`Config::parse`]), so tests need no files; [`Config::load`]
//! reads the file. Secrets never live here: a key names the environment variable that holds one.

use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::Deserialize;
use toml::Spanned;

use crate::text::Lang;
use crate::tomlerr;

mod digest;
mod discord;
mod http;
mod matrix;
mod select;

pub use digest::{AnnounceConfig, DEFAULT_CATCH_UP, DigestConfig, format_duration, parse_duration};
pub use discord::{DiscordConfig, Interactions, PublicKey};
pub use http::HttpConfig;
pub use matrix::{Autojoin, MatrixAuth, MatrixConfig};
pub use select::Select;

/// The default config location, relative to the working directory.
pub const DEFAULT_PATH: &str = "config/attache.toml";

/// A problem with the config file, located when possible: displays as `path:line: message`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}{}: {message}", path.display(), line.map(|l| format!(":{l}")).unwrap_or_default())]
pub struct ConfigError {
    pub path: PathBuf,
    pub line: Option<usize>,
    pub message: String,
}

/// When the console adapter runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ConsoleMode {
    /// Only when no chat platform is configured.
    Auto,
    Always,
    Never,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    Text,
    Json,
}

/// The validated configuration.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    /// Where the config came from; `None` for built-in defaults.
    pub path: Option<PathBuf>,
    pub name: String,
    /// The language of answers when the platform does not say (`bot.language`), and of scheduled posts.
    pub language: Lang,
    pub briefings_dir: PathBuf,
    pub watch: bool,
    pub debounce: Duration,
    pub max_file_bytes: u64,
    pub console: ConsoleMode,
    pub log_filter: String,
    pub log_format: LogFormat,
    pub data_dir: PathBuf,
    /// The SQLite ledger of digest and announcement posts (`data.ledger`, default `<data.dir>/ledger.sqlite3`).
    pub ledger: PathBuf,
    /// `data.database_url_env`: the environment variable holding a `postgres://` URL. When set, the ledger
    /// is on PostgreSQL, shared by every instance, and one instance at a time leads.
    pub database_url_env: Option<String>,
    /// `[[digests]]`: scheduled digests, in file order.
    pub digests: Vec<DigestConfig>,
    /// `[announce]`: off when absent.
    pub announce: Option<AnnounceConfig>,
    /// `[matrix]`: off when absent.
    pub matrix: Option<MatrixConfig>,
    /// `[discord]`: off when absent.
    pub discord: Option<DiscordConfig>,
    /// `[http]`: off when absent.
    pub http: Option<HttpConfig>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    #[serde(default)]
    bot: RawBot,
    #[serde(default)]
    briefings: RawBriefings,
    #[serde(default)]
    console: RawConsole,
    #[serde(default)]
    log: RawLog,
    #[serde(default)]
    data: RawData,
    matrix: Option<matrix::Raw>,
    discord: Option<discord::Raw>,
    http: Option<http::Raw>,
    #[serde(default)]
    digests: Vec<Spanned<digest::RawDigest>>,
    announce: Option<digest::RawAnnounce>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBot {
    name: Option<Spanned<String>>,
    language: Option<Spanned<String>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBriefings {
    dir: Option<Spanned<String>>,
    watch: Option<bool>,
    debounce_ms: Option<Spanned<u64>>,
    max_file_bytes: Option<Spanned<u64>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConsole {
    enabled: Option<ConsoleMode>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLog {
    filter: Option<Spanned<String>>,
    format: Option<LogFormat>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawData {
    dir: Option<Spanned<String>>,
    ledger: Option<Spanned<String>>,
    database_url_env: Option<Spanned<String>>,
}

impl Default for Config {
    fn default() -> Self {
        Config::validate(Raw::default(), "", None).expect("the defaults are valid")
    }
}

impl Config {
    /// Whether `target` is named by a scheduled digest or by `[announce]`: an admin put it in the config,
    /// so a moderator may post a digest there from another platform.
    pub fn names_target(&self, target: &crate::target::Target) -> bool {
        self.digests.iter().any(|d| d.targets.contains(target))
            || self.announce.as_ref().is_some_and(|a| a.targets.contains(target))
    }

    /// Parses and validates config text. `path` is only used to locate errors.
    pub fn parse(src: &str, path: &Path) -> Result<Config, ConfigError> {
        let raw: Raw = toml::from_str(src).map_err(|e| {
            let p = tomlerr::describe(&e, src);
            ConfigError {
                path: path.to_path_buf(),
                line: Some(p.line),
                message: p.message,
            }
        })?;
        Config::validate(raw, src, Some(path))
    }

    /// Reads and parses the config file.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let src = std::fs::read_to_string(path).map_err(|e| ConfigError {
            path: path.to_path_buf(),
            line: None,
            message: format!("cannot read the config file: {e}"),
        })?;
        Config::parse(&src, path)
    }

    /// Loads `path` when given; else the default path when it exists; else the built-in defaults.
    pub fn discover(path: Option<&Path>) -> Result<Config, ConfigError> {
        match path {
            Some(p) => Config::load(p),
            None if Path::new(DEFAULT_PATH).exists() => Config::load(Path::new(DEFAULT_PATH)),
            None => Ok(Config::default()),
        }
    }

    fn validate(raw: Raw, src: &str, path: Option<&Path>) -> Result<Config, ConfigError> {
        let at = Locator { src, path };
        let fail = |span: std::ops::Range<usize>, message: String| at.fail(span, message);
        let text = |v: Option<Spanned<String>>, key: &str, default: &str| match v {
            Some(s) if s.get_ref().trim().is_empty() => {
                Err(fail(s.span(), format!("`{key}` must not be empty")))
            }
            Some(s) => Ok(s.into_inner()),
            None => Ok(default.to_string()),
        };
        let in_range =
            |v: Option<Spanned<u64>>, key: &str, range: std::ops::RangeInclusive<u64>, default| match v {
                Some(n) if !range.contains(n.get_ref()) => Err(fail(
                    n.span(),
                    format!(
                        "`{key}` = {} is out of range ({}..={})",
                        n.get_ref(),
                        range.start(),
                        range.end()
                    ),
                )),
                Some(n) => Ok(n.into_inner()),
                None => Ok(default),
            };
        let log_filter = match raw.log.filter {
            Some(f) if tracing_subscriber::EnvFilter::try_new(f.get_ref()).is_err() => {
                return Err(fail(
                    f.span(),
                    format!(
                        "`log.filter` = {:?} is not a valid filter (try \"info\" or \"attache=debug\")",
                        f.get_ref()
                    ),
                ));
            }
            f => text(f, "log.filter", "info")?,
        };
        let data_dir: PathBuf = text(raw.data.dir, "data.dir", "data")?.into();
        if let (Some(_), Some(url)) = (&raw.data.ledger, &raw.data.database_url_env) {
            return Err(fail(
                url.span(),
                "`data.ledger` (a SQLite file) and `data.database_url_env` (PostgreSQL) are both set; the ledger is on one of them: remove one".into(),
            ));
        }
        let database_url_env = raw
            .data
            .database_url_env
            .map(|v| matrix::env_name(&at, v, "data.database_url_env"))
            .transpose()?;
        let ledger = match raw.data.ledger {
            Some(l) => text(Some(l), "data.ledger", "")?.into(),
            None => data_dir.join("ledger.sqlite3"),
        };
        Ok(Config {
            path: path.map(Path::to_path_buf),
            name: text(raw.bot.name, "bot.name", "Attaché")?,
            language: raw
                .bot
                .language
                .map(|l| language(&at, &l, "bot.language"))
                .transpose()?
                .unwrap_or(Lang::En),
            briefings_dir: text(raw.briefings.dir, "briefings.dir", "briefings")?.into(),
            watch: raw.briefings.watch.unwrap_or(true),
            debounce: Duration::from_millis(in_range(
                raw.briefings.debounce_ms,
                "briefings.debounce_ms",
                50..=10_000,
                500,
            )?),
            max_file_bytes: in_range(
                raw.briefings.max_file_bytes,
                "briefings.max_file_bytes",
                1024..=64 * 1024 * 1024,
                1024 * 1024,
            )?,
            console: raw.console.enabled.unwrap_or(ConsoleMode::Auto),
            log_filter,
            log_format: raw.log.format.unwrap_or(LogFormat::Text),
            data_dir: data_dir.clone(),
            ledger,
            database_url_env,
            digests: digest::digests(&at, raw.digests)?,
            announce: raw
                .announce
                .map(|a| digest::announce(&at, a, at.header("announce")))
                .transpose()?,
            matrix: raw.matrix.map(|m| m.validate(&at, &data_dir)).transpose()?,
            discord: raw
                .discord
                .map(|d| d.validate(&at, raw.http.is_some()))
                .transpose()?,
            http: raw.http.map(|h| h.validate(&at)).transpose()?,
        })
    }

    /// The platform sections that are present, each with what keeps it from starting (a secret missing from
    /// its environment variable), read through `env` so tests need no real environment.
    pub fn platforms(&self, env: impl Fn(&str) -> Option<String>) -> Vec<PlatformCheck> {
        let mut out = Vec::new();
        if let Some(m) = &self.matrix {
            out.push(PlatformCheck {
                name: "matrix",
                problem: m.missing_secret(&env),
            });
        }
        if let Some(d) = &self.discord {
            out.push(PlatformCheck {
                name: "discord",
                problem: d.missing_secret(&env),
            });
        }
        out
    }

    /// Parse options for the briefing store.
    pub fn parse_options(&self) -> crate::briefing::ParseOptions {
        crate::briefing::ParseOptions {
            max_file_bytes: self.max_file_bytes,
        }
    }
}

/// A configured platform and, when it cannot start, why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlatformCheck {
    pub name: &'static str,
    pub problem: Option<String>,
}

/// A language the bot speaks: `en`, `ru` or `zh` (or a tag of one, such as `zh-CN`).
fn language(at: &Locator, v: &Spanned<String>, key: &str) -> Result<Lang, ConfigError> {
    Lang::from_tag(v.get_ref()).ok_or_else(|| {
        at.fail(
            v.span(),
            format!(
                "`{key}` = {:?} is not a language the bot speaks: use \"en\", \"ru\" or \"zh\"",
                v.get_ref()
            ),
        )
    })
}

/// Reads an environment variable as a secret: unset, empty and blank all count as missing.
pub fn env_secret(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.trim().is_empty())
}

/// Turns a span of the config text into a located [`ConfigError`].
struct Locator<'a> {
    src: &'a str,
    path: Option<&'a Path>,
}

impl Locator<'_> {
    fn fail(&self, span: std::ops::Range<usize>, message: String) -> ConfigError {
        ConfigError {
            path: self.path.map(Path::to_path_buf).unwrap_or_default(),
            line: Some(tomlerr::line_of(self.src, span.start)),
            message,
        }
    }

    /// A required key that is missing: located at the start of its section's header.
    fn missing(&self, section: &str, key: &str) -> ConfigError {
        let offset = self.header(section);
        self.fail(offset..offset, format!("`{section}.{key}` is required"))
    }

    /// Where a section's `[header]` starts (0 when it cannot be found).
    fn header(&self, section: &str) -> usize {
        let header = format!("[{section}]");
        let mut offset = 0;
        for line in self.src.split_inclusive('\n') {
            let trimmed = line.trim_start();
            // A commented-out example of the section is not the section.
            if trimmed.starts_with(&header) {
                return offset + (line.len() - trimmed.len());
            }
            offset += line.len();
        }
        0
    }

    /// The 1-based line of a span.
    fn line(&self, span: std::ops::Range<usize>) -> usize {
        tomlerr::line_of(self.src, span.start)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(src: &str) -> Result<Config, ConfigError> {
        Config::parse(src, Path::new("config/attache.toml"))
    }

    #[test]
    fn shipped_config_is_valid_and_matches_the_defaults() {
        let shipped = parse(include_str!("../../../../config/attache.toml")).unwrap();
        let defaults = Config::default();
        assert_eq!(
            Config {
                path: None,
                ..shipped
            },
            defaults
        );
    }

    #[test]
    fn unknown_key_is_located_with_a_hint() {
        let e = parse("[briefings]\ndirr = \"x\"\n").unwrap_err();
        assert_eq!(e.line, Some(2));
        assert!(
            e.to_string()
                .starts_with("config/attache.toml:2: unknown key `dirr`, did you mean `dir`?"),
            "{e}"
        );
    }

    #[test]
    fn invalid_values_are_rejected_with_their_line() {
        let e = parse("[briefings]\nwatch = true\ndebounce_ms = 5\n").unwrap_err();
        assert_eq!(e.line, Some(3));
        assert!(e.message.contains("out of range"), "{e}");
        let e = parse("[log]\nfilter = \"info,,=[\"\n").unwrap_err();
        assert_eq!(e.line, Some(2), "{e}");
        let e = parse("[console]\nenabled = \"sometimes\"\n").unwrap_err();
        assert!(e.message.contains("sometimes"), "{e}");
    }

    /// The shipped config documents both platform sections, commented out; uncommented they must be valid.
    #[test]
    fn shipped_platform_sections_are_valid_when_uncommented() {
        let shipped = include_str!("../../../../config/attache.toml");
        let (_, platforms) = shipped.split_once("# [matrix]").unwrap();
        let uncommented: String = format!("# [matrix]{platforms}")
            .lines()
            .map(|l| l.strip_prefix("# ").unwrap_or(l))
            .filter(|l| !l.starts_with('#'))
            .collect::<Vec<_>>()
            .join("\n");
        let c = parse(&uncommented).unwrap();
        let m = c.matrix.as_ref().unwrap();
        assert_eq!(m.prefix, "!");
        assert_eq!(m.autojoin, Autojoin::Admins);
        assert_eq!(m.store, PathBuf::from("data/matrix"));
        let d = c.discord.as_ref().unwrap();
        assert_eq!(d.api_base, "https://discord.com/api/v10");
        // Secrets are read through `env`, so a test decides what is set.
        let checks = c.platforms(|_| None);
        assert_eq!(checks.len(), 2);
        assert!(
            checks[0]
                .problem
                .as_ref()
                .unwrap()
                .contains("ATTACHE_MATRIX_PASSWORD")
        );
        assert!(
            checks[1]
                .problem
                .as_ref()
                .unwrap()
                .contains("ATTACHE_DISCORD_TOKEN")
        );
        assert!(
            c.platforms(|_| Some("s3cret".into()))
                .iter()
                .all(|p| p.problem.is_none())
        );
    }

    #[test]
    fn unusable_platform_sections_are_located() {
        let e =
            parse("[matrix]\nhomeserver = \"matrix.example.org\"\nuser = \"@a:b\"\npassword_env = \"P\"\n")
                .unwrap_err();
        assert_eq!(e.line, Some(2), "{e}");
        assert!(e.message.contains("not a URL"), "{e}");
        let e = parse("[matrix]\nhomeserver = \"https://m.org\"\nuser = \"attache\"\npassword_env = \"P\"\n")
            .unwrap_err();
        assert_eq!(e.line, Some(3), "{e}");
        assert!(e.message.contains("not a Matrix user id"), "{e}");
        let e = parse("[matrix]\nhomeserver = \"https://m.org\"\nuser = \"@a:m.org\"\n").unwrap_err();
        assert_eq!(e.line, Some(1), "{e}");
        assert!(e.message.contains("password_env"), "{e}");
        let e = parse(
            "[matrix]\nhomeserver = \"https://m.org\"\nuser = \"@a:m.org\"\npassword_env = \"hunter 2\"\n",
        )
        .unwrap_err();
        assert!(e.message.contains("never the secret itself"), "{e}");
        let e = parse("[discord]\ntoken_env = \"T\"\nguilds = [\"abc\"]\n").unwrap_err();
        assert_eq!(e.line, Some(3), "{e}");
        let e =
            parse("[discord]\ntoken_env = \"T\"\napi_base = \"http://127.0.0.1:9/api/v9\"\n").unwrap_err();
        assert!(e.message.contains("/api/v10"), "{e}");
        let c = parse("[discord]\ntoken_env = \"T\"\nguilds = [\"123\", 456]\napi_base = \"http://127.0.0.1:9/api/v10/\"\n")
            .unwrap();
        let d = c.discord.unwrap();
        assert_eq!(d.guilds, vec![123, 456]);
        assert_eq!(d.api_base, "http://127.0.0.1:9/api/v10");
    }

    /// RFC 8032's first test key: a valid Ed25519 public key.
    const KEY: &str = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
    /// y = 2: no x on the curve has it.
    const INVALID_POINT: &str = "0200000000000000000000000000000000000000000000000000000000000000";

    #[test]
    fn discord_interactions_default_to_the_gateway_and_http_needs_a_server_and_a_key() {
        let d = parse("[discord]\ntoken_env = \"T\"\n").unwrap().discord.unwrap();
        assert_eq!(d.interactions, Interactions::Gateway);
        assert_eq!(d.public_key, None);
        let c = parse(&format!(
            "[discord]\ntoken_env = \"T\"\ninteractions = \"http\"\npublic_key = \"{}\"\n\n[http]\n",
            KEY.to_uppercase()
        ))
        .unwrap();
        let d = c.discord.unwrap();
        assert_eq!(d.interactions, Interactions::Http);
        let key = d.public_key.unwrap();
        assert_eq!(key.hex(), KEY);
        assert_eq!(key.line(), Some(4));
        let e = parse(&format!(
            "[discord]\ntoken_env = \"T\"\ninteractions = \"http\"\npublic_key = \"{KEY}\"\n"
        ))
        .unwrap_err();
        assert_eq!(e.line, Some(3), "{e}");
        assert!(e.message.contains("needs the `[http]` section"), "{e}");
        let e = parse("[http]\n[discord]\ntoken_env = \"T\"\ninteractions = \"http\"\n").unwrap_err();
        assert_eq!(e.line, Some(4), "{e}");
        assert!(e.message.contains("needs `discord.public_key`"), "{e}");
        let e = parse("[discord]\ntoken_env = \"T\"\ninteractions = \"webhook\"\n").unwrap_err();
        assert_eq!(e.line, Some(3), "{e}");
        assert!(e.message.contains("webhook"), "{e}");
    }

    #[test]
    fn a_public_key_that_is_not_an_ed25519_key_is_located() {
        let key =
            |k: &str| parse(&format!("[discord]\ntoken_env = \"T\"\n\npublic_key = \"{k}\"\n")).unwrap_err();
        for (bad, why) in [
            (&KEY[..62], "not 64 hex digits"),
            (
                "zz5a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a",
                "not 64 hex digits",
            ),
            (INVALID_POINT, "not a point on the curve"),
            // The identity: a point of small order.
            (
                "0100000000000000000000000000000000000000000000000000000000000000",
                "weak",
            ),
        ] {
            let e = key(bad);
            assert_eq!(e.line, Some(4), "{bad}: {e}");
            assert!(e.message.starts_with("`discord.public_key` "), "{e}");
            assert!(e.message.contains(why), "{bad}: {e}");
        }
    }

    /// The shipped config documents digests and announcements, commented out; uncommented they must be valid.
    #[test]
    fn shipped_digest_sections_are_valid_when_uncommented() {
        let shipped = include_str!("../../../../config/attache.toml");
        let (_, rest) = shipped.split_once("# [[digests]]").unwrap();
        let (sections, _) = rest.split_once("# ----").unwrap();
        let uncommented: String = format!("# [[digests]]{sections}")
            .lines()
            .map(|l| l.strip_prefix("# ").unwrap_or(l))
            .filter(|l| !l.starts_with('#'))
            .collect::<Vec<_>>()
            .join("\n");
        let c = parse(&uncommented).unwrap();
        assert_eq!(c.digests.len(), 1);
        let d = &c.digests[0];
        assert_eq!(d.name, "weekly");
        assert_eq!(d.schedule.expr(), "0 9 * * MON");
        assert_eq!(d.schedule.zone(), chrono_tz::Asia::Shanghai);
        assert_eq!(
            d.targets.iter().map(ToString::to_string).collect::<Vec<_>>(),
            ["discord:123456789012345678", "matrix:#news:example.org"]
        );
        assert_eq!(d.select, crate::config::Select::New);
        assert_eq!(d.catch_up, Duration::from_secs(6 * 3600));
        assert_eq!(c.announce.unwrap().targets.len(), 1);
        assert_eq!(c.ledger, PathBuf::from("data/ledger.sqlite3"));
    }

    #[test]
    fn digest_defaults_and_the_ledger_path() {
        let c = parse("[data]\ndir = \"state\"\n\n[[digests]]\nname = \"daily\"\nschedule = \"0 8 * * *\"\ntargets = [\"matrix:!abc:example.org\"]\n").unwrap();
        assert_eq!(c.ledger, PathBuf::from("state/ledger.sqlite3"));
        let d = &c.digests[0];
        assert_eq!(d.schedule.zone(), chrono_tz::UTC);
        assert_eq!(d.catch_up, DEFAULT_CATCH_UP);
        assert_eq!(d.select, crate::config::Select::New);
        let c = parse("[data]\nledger = \"/var/lib/attache/ledger.db\"\n").unwrap();
        assert_eq!(c.ledger, PathBuf::from("/var/lib/attache/ledger.db"));
        assert!(c.digests.is_empty() && c.announce.is_none());
    }

    fn digest(body: &str) -> ConfigError {
        parse(&format!(
            "[bot]\nname = \"x\"\n\n[[digests]]\nname = \"weekly\"\ntargets = [\"discord:1\"]\n{body}"
        ))
        .unwrap_err()
    }

    #[test]
    fn bad_digests_are_located_with_a_reason() {
        let e = digest("schedule = \"0 9 * *\"\n");
        assert_eq!(e.line, Some(7), "{e}");
        assert!(e.message.contains("not a usable cron expression"), "{e}");
        assert!(e.message.contains("must have 5 fields"), "{e}");
        let e = digest("schedule = \"0 25 * * *\"\n");
        assert_eq!(e.line, Some(7), "{e}");
        let e = digest("schedule = \"0 9 * * MON\"\ntimezone = \"Europe/Berln\"\n");
        assert_eq!(e.line, Some(8), "{e}");
        assert!(e.message.contains("did you mean \"Europe/Berlin\"?"), "{e}");
        let e = digest("schedule = \"0 9 * * MON\"\ntimezone = \"shanghai\"\n");
        assert!(e.message.contains("did you mean \"Asia/Shanghai\"?"), "{e}");
        let e = digest("schedule = \"0 9 * * MON\"\nselect = \"teg:security\"\n");
        assert_eq!(e.line, Some(8), "{e}");
        assert!(e.message.contains("unknown selector"), "{e}");
        let e = digest("schedule = \"0 9 * * MON\"\ncatch_up = \"6 hours\"\n");
        assert_eq!(e.line, Some(8), "{e}");
        let e = digest("schedule = \"0 9 * * MON\"\ncatch_up = \"90d\"\n");
        assert!(e.message.contains("longer than 30d"), "{e}");
        let e = digest("schedule = \"0 9 * * MON\"\nschedul = \"x\"\n");
        assert!(e.message.contains("did you mean `schedule`?"), "{e}");
        // A missing key is located at its own [[digests]] entry, not the first one.
        let e = parse("[[digests]]\nname = \"a\"\nschedule = \"0 9 * * *\"\ntargets = [\"discord:1\"]\n\n[[digests]]\nname = \"b\"\ntargets = [\"discord:1\"]\n").unwrap_err();
        assert!(e.message.contains("`digests.schedule` is required"), "{e}");
        assert!(matches!(e.line, Some(6..=8)), "{e}");
    }

    #[test]
    fn bad_targets_and_duplicate_names_are_located() {
        let e = parse("[[digests]]\nname = \"a\"\nschedule = \"0 9 * * *\"\ntargets = [\"discord:1\", \"discord:general\"]\n").unwrap_err();
        assert_eq!(e.line, Some(4), "{e}");
        assert!(e.message.contains("\"discord:general\" is not a target"), "{e}");
        let e = parse("[[digests]]\nname = \"a\"\nschedule = \"0 9 * * *\"\ntargets = []\n").unwrap_err();
        assert!(e.message.contains("empty"), "{e}");
        let e = parse(
            "[[digests]]\nname = \"a\"\nschedule = \"0 9 * * *\"\ntargets = [\"matrix:!r\", \"matrix:!r\"]\n",
        )
        .unwrap_err();
        assert!(e.message.contains("twice"), "{e}");
        let e = parse("[[digests]]\nname = \"a\"\nschedule = \"0 9 * * *\"\ntargets = [\"discord:1\"]\n\n[[digests]]\nname = \"a\"\nschedule = \"0 10 * * *\"\ntargets = [\"discord:1\"]\n").unwrap_err();
        assert_eq!(e.line, Some(7), "{e}");
        assert!(e.message.contains("already defined on line 2"), "{e}");
        let e = parse("[[digests]]\nname = \"weekly digest\"\n").unwrap_err();
        assert!(e.message.contains("letters, digits"), "{e}");
        let e = parse("# [announce]\n\n[announce]\ntargets = [\"matrix:news\"]\n").unwrap_err();
        assert_eq!(e.line, Some(4), "{e}");
        let e = parse("# [announce]\n[announce]\n").unwrap_err();
        assert_eq!(e.line, Some(2), "{e}");
        assert!(e.message.contains("`announce.targets` is required"), "{e}");
    }
}
