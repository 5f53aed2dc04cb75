//! The prefix grammar shared by the console and Matrix: words, quoting, `name:value` options, and the
//! assignment of positional words to a command's typed options.
//!
//! Derived entirely from the catalogue: nothing here knows a particular command. Never panics, whatever the
//! input: a line is at most [`MAX_LINE`] characters and every slice is taken on character boundaries.

use std::collections::BTreeMap;

use crate::catalogue::{self, CommandSpec, OptionKind, OptionSpec};

/// The longest command line accepted (Discord's message limit; longer input is not a command).
pub const MAX_LINE: usize = 2000;

/// A typed option value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    Text(String),
    Int(i64),
}

/// Option values by option name, as parsed from a line or received from a platform's typed options.
pub type Args = BTreeMap<&'static str, Value>;

/// A command line that cannot be understood. Each message tells the user what to type instead.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum UsageError {
    #[error("Type a command, or `help` to see them all.")]
    Empty,
    #[error("That line is too long ({len} characters; at most {MAX_LINE}).")]
    TooLong { len: usize },
    #[error("No command `{name}`.{}", suggest(.suggestion))]
    UnknownCommand {
        name: String,
        suggestion: Option<&'static str>,
    },
    #[error("`{command}` has no option `{option}`.{}", suggest(.suggestion))]
    UnknownOption {
        command: &'static str,
        option: String,
        suggestion: Option<&'static str>,
    },
    #[error("`{command}` needs `{option}`.")]
    Missing {
        command: &'static str,
        option: &'static str,
    },
    #[error("`{command}` needs `{first}` or `{second}`.")]
    MissingOneOf {
        command: &'static str,
        first: &'static str,
        second: &'static str,
    },
    #[error("`{command}` got `{option}` twice.")]
    Repeated {
        command: &'static str,
        option: &'static str,
    },
    #[error("`{command}` did not expect `{words}`.")]
    Unexpected { command: &'static str, words: String },
    #[error("`{value}` is not a valid `{option}`: expected {expected}.")]
    BadValue {
        option: &'static str,
        value: String,
        expected: Expected,
    },
}

/// What an option's value should have been.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expected {
    Number { min: i64, max: i64 },
    OneOf(&'static [&'static str]),
    Text,
}

impl std::fmt::Display for Expected {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Expected::Number { min, max } => write!(f, "a number from {min} to {max}"),
            Expected::OneOf(values) => write!(f, "one of {}", values.join(", ")),
            Expected::Text => f.write_str("some text"),
        }
    }
}

fn suggest(s: &Option<&'static str>) -> String {
    s.map(|s| format!(" Did you mean `{s}`?")).unwrap_or_default()
}

impl UsageError {
    /// The command the error is about, so the reply can show its usage.
    pub fn command(&self) -> Option<&'static str> {
        match self {
            UsageError::UnknownOption { command, .. }
            | UsageError::Missing { command, .. }
            | UsageError::MissingOneOf { command, .. }
            | UsageError::Repeated { command, .. }
            | UsageError::Unexpected { command, .. } => Some(command),
            _ => None,
        }
    }
}

/// One word of a command line, after quote removal.
#[derive(Debug, Clone, PartialEq)]
struct Word {
    text: String,
    /// Byte position of an unquoted `:` that may separate an option name from its value.
    colon: Option<usize>,
}

/// Splits a line into words. Double, single, curly and guillemet quotes group words; an unclosed quote runs
/// to the end of the line.
fn words(line: &str) -> Vec<Word> {
    let mut out = Vec::new();
    let mut chars = line.chars().peekable();
    loop {
        while chars.peek().is_some_and(|c| c.is_whitespace()) {
            chars.next();
        }
        if chars.peek().is_none() {
            return out;
        }
        let mut word = Word {
            text: String::new(),
            colon: None,
        };
        let mut quoted = false;
        while let Some(&c) = chars.peek() {
            if c.is_whitespace() {
                break;
            }
            chars.next();
            if let Some(close) = closing_quote(c) {
                quoted = true;
                for q in chars.by_ref() {
                    if q == close || (close == '"' && q == '”') {
                        break;
                    }
                    word.text.push(q);
                }
            } else {
                if c == ':' && !quoted && word.colon.is_none() {
                    word.colon = Some(word.text.len());
                }
                word.text.push(c);
            }
        }
        out.push(word);
    }
}

fn closing_quote(c: char) -> Option<char> {
    match c {
        '"' => Some('"'),
        '\'' => Some('\''),
        '“' => Some('”'),
        '„' => Some('“'),
        '«' => Some('»'),
        '‘' => Some('’'),
        _ => None,
    }
}

/// Parses `line` (without any platform prefix) into the command and its arguments.
pub fn parse_line(line: &str) -> Result<(&'static CommandSpec, Args), UsageError> {
    let len = line.chars().count();
    if len > MAX_LINE {
        return Err(UsageError::TooLong { len });
    }
    let mut words = words(line).into_iter().peekable();
    let mut name = words.next().ok_or(UsageError::Empty)?.text.to_lowercase();
    // A command whose name joins two words (`digest-status`) can be typed with a space (`digest status`).
    if let Some(next) = words.peek() {
        let joined = format!("{name}-{}", next.text.to_lowercase());
        if catalogue::find(&joined).is_some() {
            words.next();
            name = joined;
        }
    }
    let spec = catalogue::find(&name).ok_or_else(|| UsageError::UnknownCommand {
        suggestion: crate::tomlerr::did_you_mean(
            &name,
            &catalogue::COMMANDS.iter().map(|c| c.name).collect::<Vec<_>>(),
        )
        .and_then(catalogue::find)
        .map(|c| c.name),
        name,
    })?;
    let mut args = Args::new();
    let mut positional = Vec::new();
    for word in words {
        let named = word.colon.and_then(|at| {
            let key = word.text[..at].to_lowercase();
            spec.options
                .iter()
                .find(|o| o.name == key)
                .map(|o| (o, word.text[at + 1..].to_string()))
        });
        match named {
            Some((opt, value)) => {
                if args.contains_key(opt.name) {
                    return Err(UsageError::Repeated {
                        command: spec.name,
                        option: opt.name,
                    });
                }
                args.insert(opt.name, convert(opt, &value)?);
            }
            None => {
                if let Some(at) = word.colon.filter(|&at| looks_like_option(&word.text[..at])) {
                    let option = word.text[..at].to_lowercase();
                    let names: Vec<&str> = spec.options.iter().map(|o| o.name).collect();
                    if !is_target_scheme(&option) && spec.options.iter().all(|o| o.kind != OptionKind::Text) {
                        return Err(UsageError::UnknownOption {
                            command: spec.name,
                            suggestion: crate::tomlerr::did_you_mean(&option, &names)
                                .and_then(|n| spec.option(n))
                                .map(|o| o.name),
                            option,
                        });
                    }
                }
                positional.push(word.text);
            }
        }
    }
    let free: Vec<&'static OptionSpec> = spec
        .options
        .iter()
        .filter(|o| !o.named_only && !args.contains_key(o.name))
        .collect();
    match assign(&free, &positional) {
        Some(found) => {
            for (opt, value) in found {
                args.insert(opt.name, convert(opt, &value)?);
            }
        }
        None => return Err(explain_mismatch(spec, &free, &positional)),
    }
    if let Some(missing) = spec
        .options
        .iter()
        .find(|o| o.required && !args.contains_key(o.name))
    {
        return Err(UsageError::Missing {
            command: spec.name,
            option: missing.name,
        });
    }
    Ok((spec, args))
}

/// `word:` could be meant as an option name (not a URL scheme, not a Matrix id).
fn looks_like_option(prefix: &str) -> bool {
    !prefix.is_empty() && prefix.len() <= 32 && prefix.chars().all(|c| c.is_ascii_alphabetic() || c == '_')
}

/// Target prefixes that look like options but are values (`discord:123`, `matrix:!room`).
fn is_target_scheme(prefix: &str) -> bool {
    matches!(prefix, "discord" | "matrix" | "console" | "http" | "https")
}

/// Assigns positional words to options in declared order, filling as many options as possible; among
/// equally full assignments, a greedy option takes as many words as it can (`sponsors infoforum shanghai
/// supporters` gives the event two words and the relation one). An optional option that does not accept a
/// word is skipped.
fn assign(options: &[&'static OptionSpec], words: &[String]) -> Option<Vec<(&'static OptionSpec, String)>> {
    let Some((opt, rest)) = options.split_first() else {
        return words.is_empty().then(Vec::new);
    };
    let mut best: Option<Vec<(&'static OptionSpec, String)>> = None;
    let mut consider = |candidate: Option<Vec<_>>| {
        if let Some(c) = candidate
            && best.as_ref().is_none_or(|b| c.len() > b.len())
        {
            best = Some(c);
        }
    };
    let max = if opt.greedy {
        words.len()
    } else {
        words.len().min(1)
    };
    for take in (1..=max).rev() {
        let value = words[..take].join(" ");
        if accepts(opt.kind, &value) {
            consider(assign(rest, &words[take..]).map(|mut tail| {
                tail.insert(0, (*opt, value));
                tail
            }));
        }
    }
    if !opt.required {
        consider(assign(rest, words));
    }
    best
}

/// Does a positional word fit this kind of option?
fn accepts(kind: OptionKind, value: &str) -> bool {
    match kind {
        OptionKind::Event | OptionKind::Text => !value.trim().is_empty(),
        OptionKind::Word | OptionKind::CommandName => {
            !value.contains(' ') && !value.is_empty() && value.parse::<i64>().is_err()
        }
        OptionKind::Integer { min, max } => value.parse::<i64>().is_ok_and(|n| (min..=max).contains(&n)),
        OptionKind::Choice(values) => choice(values, value).is_some(),
    }
}

fn choice(values: &[&'static str], value: &str) -> Option<&'static str> {
    let v = value.trim().to_lowercase();
    let singular = v.strip_suffix('s').unwrap_or(&v);
    values.iter().copied().find(|c| *c == v || *c == singular)
}

/// Checks and types a value for an option, whether it came positionally, by name, or from a platform.
pub fn convert(opt: &'static OptionSpec, value: &str) -> Result<Value, UsageError> {
    let bad = |expected: Expected| UsageError::BadValue {
        option: opt.name,
        value: value.to_string(),
        expected,
    };
    match opt.kind {
        OptionKind::Integer { min, max } => match value.trim().parse::<i64>() {
            Ok(n) if (min..=max).contains(&n) => Ok(Value::Int(n)),
            _ => Err(bad(Expected::Number { min, max })),
        },
        OptionKind::Choice(values) => choice(values, value)
            .map(|c| Value::Text(c.to_string()))
            .ok_or_else(|| bad(Expected::OneOf(values))),
        _ if value.trim().is_empty() => Err(bad(Expected::Text)),
        _ => Ok(Value::Text(value.trim().to_string())),
    }
}

/// Why the positional words did not fit: a missing option or words left over.
fn explain_mismatch(
    spec: &'static CommandSpec,
    free: &[&'static OptionSpec],
    words: &[String],
) -> UsageError {
    if let Some(opt) = free.iter().find(|o| o.required)
        && words.is_empty()
    {
        return UsageError::Missing {
            command: spec.name,
            option: opt.name,
        };
    }
    // Fill greedily one word per option to find the first word nothing accepts.
    let mut rest = words;
    for opt in free {
        if let Some(w) = rest.first() {
            if accepts(opt.kind, w) {
                rest = &rest[1..];
            } else if opt.required {
                return convert(opt, w).err().unwrap_or(UsageError::Missing {
                    command: spec.name,
                    option: opt.name,
                });
            }
        }
    }
    UsageError::Unexpected {
        command: spec.name,
        words: if rest.is_empty() {
            words.join(" ")
        } else {
            rest.join(" ")
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(line: &str) -> Result<Vec<(&'static str, Value)>, UsageError> {
        parse_line(line).map(|(_, a)| a.into_iter().collect())
    }

    fn text(s: &str) -> Value {
        Value::Text(s.into())
    }

    #[test]
    fn greedy_event_takes_the_rest_but_leaves_a_relation() {
        assert_eq!(
            parse("summary infoforum shanghai 2018").unwrap(),
            [("event", text("infoforum shanghai 2018"))]
        );
        assert_eq!(
            parse("sponsors infoforum shanghai supporters").unwrap(),
            [
                ("event", text("infoforum shanghai")),
                ("relation", text("supporter"))
            ]
        );
    }

    #[test]
    fn typed_positionals_find_their_option() {
        assert_eq!(parse("events 2018").unwrap(), [("year", Value::Int(2018))]);
        assert_eq!(parse("events 3").unwrap(), [("page", Value::Int(3))]);
        assert_eq!(
            parse("events security 2018 2").unwrap(),
            [
                ("page", Value::Int(2)),
                ("tag", text("security")),
                ("year", Value::Int(2018))
            ]
        );
    }

    #[test]
    fn quotes_and_named_options() {
        assert_eq!(
            parse(r#"quotes speaker:"Konstantin Noskov""#).unwrap(),
            [("speaker", text("Konstantin Noskov"))]
        );
        assert_eq!(
            parse("quotes “infoforum shanghai” noskov").unwrap(),
            [("event", text("infoforum shanghai")), ("speaker", text("noskov"))]
        );
        assert_eq!(
            parse("search cloud security page:2").unwrap(),
            [("page", Value::Int(2)), ("query", text("cloud security"))]
        );
        assert_eq!(
            parse("digest infoforum matrix:!abc:example.org").unwrap(),
            [
                ("event", text("infoforum")),
                ("target", text("matrix:!abc:example.org"))
            ]
        );
    }

    #[test]
    fn mistakes_get_specific_errors() {
        assert!(matches!(parse(""), Err(UsageError::Empty)));
        assert!(matches!(
            parse("sponsers x"),
            Err(UsageError::UnknownCommand {
                suggestion: Some("sponsors"),
                ..
            })
        ));
        assert!(matches!(
            parse("summary"),
            Err(UsageError::Missing { option: "event", .. })
        ));
        assert!(matches!(parse("status now"), Err(UsageError::Unexpected { .. })));
        assert!(matches!(
            parse("events page:0"),
            Err(UsageError::BadValue { option: "page", .. })
        ));
        assert!(matches!(
            parse("events tga:x"),
            Err(UsageError::UnknownOption {
                suggestion: Some("tag"),
                ..
            })
        ));
        assert!(matches!(
            parse("events 1 1"),
            Err(UsageError::Repeated { .. }) | Err(UsageError::Unexpected { .. })
        ));
        assert!(matches!(
            parse(&"a".repeat(3000)),
            Err(UsageError::TooLong { .. })
        ));
    }

    #[test]
    fn unclosed_quote_runs_to_the_end() {
        assert_eq!(
            parse("search \"digital econ").unwrap(),
            [("query", text("digital econ"))]
        );
    }
}
