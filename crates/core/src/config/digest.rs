//! The `[[digests]]` and `[announce]` sections: scheduled digests and announcements of new briefings.
//!
//! Validated here into typed values (a parsed schedule in its zone, parsed targets and selection), with
//! every problem located at its line; the scheduler in [`crate::digest`] only ever sees valid ones.

use std::collections::HashMap;
use std::time::Duration;

use chrono_tz::Tz;
use serde::Deserialize;
use toml::Spanned;

use super::select::Select;
use super::{ConfigError, Locator};
use crate::schedule::Schedule;
use crate::target::Target;

/// How late a missed run may still be posted when `catch_up` is not set.
pub const DEFAULT_CATCH_UP: Duration = Duration::from_secs(3600);
/// The longest `catch_up` accepted: a digest a month late is news nobody asked for.
const MAX_CATCH_UP: Duration = Duration::from_secs(30 * 86_400);

/// One `[[digests]]` entry.
#[derive(Debug, Clone, PartialEq)]
pub struct DigestConfig {
    /// Unique among digests; names the digest in the ledger and in `digest status`.
    pub name: String,
    /// The cron expression, read in the digest's time zone.
    pub schedule: Schedule,
    pub targets: Vec<Target>,
    pub select: Select,
    /// A run missed while the bot was down is still posted this long after its time.
    pub catch_up: Duration,
}

/// `[announce]`: where a short card goes when a new briefing appears.
#[derive(Debug, Clone, PartialEq)]
pub struct AnnounceConfig {
    pub targets: Vec<Target>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawDigest {
    name: Option<Spanned<String>>,
    schedule: Option<Spanned<String>>,
    timezone: Option<Spanned<String>>,
    targets: Option<Spanned<Vec<Spanned<String>>>>,
    select: Option<Spanned<String>>,
    catch_up: Option<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawAnnounce {
    targets: Option<Spanned<Vec<Spanned<String>>>>,
}

/// Validates every `[[digests]]` entry; names must be unique.
pub(super) fn digests(at: &Locator, raw: Vec<Spanned<RawDigest>>) -> Result<Vec<DigestConfig>, ConfigError> {
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut out = Vec::new();
    for entry in raw {
        let span = entry.span();
        let d = entry.into_inner();
        let missing = |key: &str| at.fail(span.clone(), format!("`digests.{key}` is required"));
        let name = d.name.ok_or_else(|| missing("name"))?;
        let valid_name = (1..=32).contains(&name.get_ref().len())
            && name
                .get_ref()
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
        if !valid_name {
            return Err(at.fail(
                name.span(),
                format!(
                    "`digests.name` = {:?}: use 1 to 32 letters, digits, `-` or `_`",
                    name.get_ref()
                ),
            ));
        }
        let line = at.line(name.span());
        if let Some(first) = seen.insert(name.get_ref().clone(), line) {
            return Err(at.fail(
                name.span(),
                format!(
                    "a digest named `{}` is already defined on line {first}; names must be unique",
                    name.get_ref()
                ),
            ));
        }
        let zone = match d.timezone {
            Some(z) => zone(at, &z)?,
            None => Tz::UTC,
        };
        let expr = d.schedule.ok_or_else(|| missing("schedule"))?;
        let schedule = Schedule::parse(expr.get_ref(), zone).map_err(|why| {
            at.fail(
                expr.span(),
                format!(
                    "`digests.schedule` = {:?} is not a usable cron expression: {why} (five fields: minute hour day-of-month month day-of-week, as in \"0 9 * * MON\")",
                    expr.get_ref()
                ),
            )
        })?;
        let targets = targets(at, d.targets, "digests.targets", span.clone())?;
        let select = match d.select {
            Some(s) => Select::parse(s.get_ref())
                .map_err(|why| at.fail(s.span(), format!("`digests.select` = {:?}: {why}", s.get_ref())))?,
            None => Select::New,
        };
        let catch_up = match d.catch_up {
            Some(c) => match parse_duration(c.get_ref()) {
                Ok(d) if d <= MAX_CATCH_UP => d,
                Ok(_) => {
                    return Err(at.fail(
                        c.span(),
                        format!("`digests.catch_up` = {:?} is longer than 30d", c.get_ref()),
                    ));
                }
                Err(why) => {
                    return Err(at.fail(c.span(), format!("`digests.catch_up` = {:?}: {why}", c.get_ref())));
                }
            },
            None => DEFAULT_CATCH_UP,
        };
        out.push(DigestConfig {
            name: name.into_inner(),
            schedule,
            targets,
            select,
            catch_up,
        });
    }
    Ok(out)
}

pub(super) fn announce(at: &Locator, raw: RawAnnounce, header: usize) -> Result<AnnounceConfig, ConfigError> {
    Ok(AnnounceConfig {
        targets: targets(at, raw.targets, "announce.targets", header..header)?,
    })
}

/// A non-empty list of distinct targets.
fn targets(
    at: &Locator,
    raw: Option<Spanned<Vec<Spanned<String>>>>,
    key: &str,
    section: std::ops::Range<usize>,
) -> Result<Vec<Target>, ConfigError> {
    let list = raw.ok_or_else(|| at.fail(section, format!("`{key}` is required")))?;
    if list.get_ref().is_empty() {
        return Err(at.fail(
            list.span(),
            format!("`{key}` is empty; name at least one channel or room"),
        ));
    }
    let mut out: Vec<Target> = Vec::new();
    for t in list.into_inner() {
        let target = Target::parse(t.get_ref()).map_err(|why| {
            at.fail(
                t.span(),
                format!(
                    "`{key}`: {:?} is not a target: {why} (targets look like \"discord:123456789012345678\" or \"matrix:!room:example.org\")",
                    t.get_ref()
                ),
            )
        })?;
        if out.contains(&target) {
            return Err(at.fail(t.span(), format!("`{key}`: {target} is listed twice")));
        }
        out.push(target);
    }
    Ok(out)
}

/// An IANA zone name; a near miss gets a suggestion.
fn zone(at: &Locator, z: &Spanned<String>) -> Result<Tz, ConfigError> {
    let typed = z.get_ref().trim();
    if let Ok(zone) = typed.parse::<Tz>() {
        return Ok(zone);
    }
    let names: Vec<&str> = chrono_tz::TZ_VARIANTS.iter().map(|t| t.name()).collect();
    // "asia/shanghai" and "Shanghai" are unambiguous; anything else gets the closest name.
    let suggestion = names
        .iter()
        .find(|n| n.eq_ignore_ascii_case(typed))
        .or_else(|| {
            names.iter().find(|n| {
                n.rsplit('/')
                    .next()
                    .is_some_and(|city| city.eq_ignore_ascii_case(typed))
            })
        })
        .copied()
        .or_else(|| crate::tomlerr::did_you_mean(typed, &names));
    let hint = match suggestion {
        Some(s) => format!("; did you mean \"{s}\"?"),
        None => " (IANA names such as \"Europe/Berlin\" or \"UTC\")".into(),
    };
    Err(at.fail(
        z.span(),
        format!("`digests.timezone` = {typed:?} is not a known time zone{hint}"),
    ))
}

/// Parses "90s", "30m", "6h", "1d", "1h30m" or "0".
pub fn parse_duration(s: &str) -> Result<Duration, String> {
    let s = s.trim();
    if s == "0" {
        return Ok(Duration::ZERO);
    }
    if s.chars().any(char::is_whitespace) {
        return Err("write it without spaces, as in \"6h\" or \"1h30m\"".into());
    }
    let mut total: u64 = 0;
    let mut digits = String::new();
    let mut units = 0;
    for c in s.chars() {
        if c.is_ascii_digit() {
            digits.push(c);
            continue;
        }
        let unit = match c {
            's' => 1,
            'm' => 60,
            'h' => 3600,
            'd' => 86_400,
            _ => {
                return Err(format!(
                    "unknown unit `{c}`; use s, m, h or d, as in \"6h\" or \"1h30m\""
                ));
            }
        };
        let n: u64 = digits
            .parse()
            .map_err(|_| "a number must come before each unit, as in \"6h\"".to_string())?;
        total = n
            .checked_mul(unit)
            .and_then(|v| total.checked_add(v))
            .ok_or("too long")?;
        digits.clear();
        units += 1;
    }
    if !digits.is_empty() || units == 0 {
        return Err("a duration needs a unit, as in \"6h\", \"30m\" or \"1h30m\"".into());
    }
    Ok(Duration::from_secs(total))
}

/// The shortest text [`parse_duration`] reads back as `d`: "6h", "1h30m", "2d", "0".
pub fn format_duration(d: Duration) -> String {
    let mut secs = d.as_secs();
    if secs == 0 {
        return "0".into();
    }
    let mut out = String::new();
    for (unit, size) in [("d", 86_400), ("h", 3600), ("m", 60), ("s", 1)] {
        if secs >= size {
            out.push_str(&format!("{}{unit}", secs / size));
            secs %= size;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations() {
        assert_eq!(parse_duration("6h"), Ok(Duration::from_secs(6 * 3600)));
        assert_eq!(parse_duration("1h30m"), Ok(Duration::from_secs(5400)));
        assert_eq!(parse_duration("2d"), Ok(Duration::from_secs(2 * 86_400)));
        assert_eq!(parse_duration("90s"), Ok(Duration::from_secs(90)));
        assert_eq!(parse_duration("0"), Ok(Duration::ZERO));
        for text in ["6h", "1h30m", "2d", "45s", "0", "1d2h3m4s"] {
            assert_eq!(format_duration(parse_duration(text).unwrap()), text);
        }
        assert_eq!(format_duration(Duration::from_secs(90)), "1m30s");
        for bad in ["", "6", "h", "6 h", "6w", "-1h", "1.5h"] {
            assert!(parse_duration(bad).is_err(), "{bad:?}");
        }
    }
}
