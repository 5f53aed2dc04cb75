//! A command written back as the line that gives it: what a list's "next page" hint shows, and what an
//! answer to a plain question names so people learn the commands. [`Command::parse`] of the line gives
//! the same command back (a property test holds it to that).

use serde::{Serialize, Serializer};

use super::Command;

/// A command serializes as its line, as a user would type it.
impl Serialize for Command {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_line())
    }
}

impl Command {
    /// The option values of this command by catalogue option name, in catalogue order.
    pub fn options(&self) -> Vec<(&'static str, String)> {
        let mut out: Vec<(&'static str, String)> = Vec::new();
        let mut text = |name: &'static str, value: Option<&String>| {
            if let Some(v) = value {
                out.push((name, v.clone()));
            }
        };
        match self {
            Command::Help { command } => text("command", command.as_ref()),
            Command::Status | Command::DigestStatus | Command::Reload => {}
            Command::Events { tag, year, .. } => {
                text("tag", tag.as_ref());
                text("year", year.map(|y| y.to_string()).as_ref());
            }
            Command::Briefing { event }
            | Command::Summary { event }
            | Command::Topics { event }
            | Command::DigestPreview { event } => text("event", Some(event)),
            Command::Sponsors { event, relation } => {
                text("event", Some(event));
                text("relation", relation.map(|r| r.to_string()).as_ref());
            }
            Command::Quotes { event, speaker, .. } => {
                text("event", event.as_ref());
                text("speaker", speaker.as_ref());
            }
            Command::Search { query, .. } => text("query", Some(query)),
            Command::Ask { question } => text("question", Some(question)),
            Command::Language { language } => text("language", language.as_ref()),
            Command::Digest { event, target } => {
                text("event", Some(event));
                text("target", target.as_ref());
            }
        }
        match self {
            Command::Events { page, .. } | Command::Quotes { page, .. } | Command::Search { page, .. }
                if *page > 1 =>
            {
                out.push(("page", page.to_string()))
            }
            _ => {}
        }
        out
    }

    /// The command line that gives this command: `search "cloud security" page:2`. The first option is
    /// written in its place, the others by name; values are quoted when they would be misread.
    pub fn to_line(&self) -> String {
        let spec = self.spec();
        let mut line = spec.name.replace('-', " ");
        let options = self.options();
        let first_positional = spec.options.iter().find(|o| !o.named_only).map(|o| o.name);
        for (i, (name, value)) in options.iter().enumerate() {
            line.push(' ');
            if i == 0 && Some(*name) == first_positional {
                line.push_str(&quoted(value));
            } else {
                line.push_str(name);
                line.push(':');
                line.push_str(&quoted(value));
            }
        }
        line
    }
}

/// `value` as one word of a command line: quoted when it holds spaces, quotes or a colon (which could
/// read as an option name), with a quote mark it does not contain.
fn quoted(value: &str) -> String {
    let plain = !value.is_empty()
        && !value
            .chars()
            .any(|c| c.is_whitespace() || c == ':' || "\"'“”„«»‘’".contains(c));
    if plain {
        return value.to_string();
    }
    let pairs = [('"', '"'), ('«', '»'), ('\'', '\''), ('‘', '’')];
    for (open, close) in pairs {
        let clash = value.contains(close) || (open == '"' && value.contains('”'));
        if !clash {
            return format!("{open}{value}{close}");
        }
    }
    // Every kind of quote occurs inside: drop the double ones, which are the least likely to matter.
    format!("\"{}\"", value.replace(['"', '”'], ""))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn lines_read_as_typed() {
        let search = Command::Search {
            query: "cloud security".into(),
            page: 2,
        };
        assert_eq!(search.to_line(), "search \"cloud security\" page:2");
        let sponsors = Command::Sponsors {
            event: "infoforum".into(),
            relation: Some(crate::model::Relation::Supporter),
        };
        assert_eq!(sponsors.to_line(), "sponsors infoforum relation:supporter");
        assert_eq!(Command::DigestStatus.to_line(), "digest status");
        let quotes = Command::Quotes {
            event: None,
            speaker: Some("Konstantin Noskov".into()),
            page: 1,
        };
        assert_eq!(quotes.to_line(), "quotes speaker:\"Konstantin Noskov\"");
    }

    fn any_text() -> impl Strategy<Value = String> {
        // Words in several scripts, with the characters the grammar gives a meaning to.
        proptest::string::string_regex("[a-zA-Z0-9 :\"'«»“”‘’инфо信息-]{1,24}")
            .unwrap()
            .prop_map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "))
            .prop_filter("not empty", |s| !s.is_empty())
    }

    fn any_command() -> impl Strategy<Value = Command> {
        let page = 1usize..50;
        prop_oneof![
            (any_text(), page.clone()).prop_map(|(query, page)| Command::Search { query, page }),
            (
                proptest::option::of(any_text()),
                proptest::option::of(any_text()),
                page.clone()
            )
                .prop_filter("an event or a speaker", |(e, s, _)| e.is_some() || s.is_some())
                .prop_map(|(event, speaker, page)| Command::Quotes { event, speaker, page }),
            any_text().prop_map(|event| Command::Summary { event }),
            (
                proptest::option::of("[a-z]{1,8}"),
                proptest::option::of(1900i32..2100),
                page
            )
                .prop_map(|(tag, year, page)| Command::Events { tag, year, page }),
            any_text().prop_map(|event| Command::Sponsors {
                event,
                relation: Some(crate::model::Relation::Host)
            }),
        ]
    }

    proptest! {
        /// Regression guard: a "next page" line that parses to another command would page through the wrong list.
        #[test]
        fn a_line_parses_back_to_its_command(command in any_command()) {
            // A value holding every kind of quote mark loses its double quotes (see `quoted`).
            let every_quote = |v: &String| {
                (v.contains('"') || v.contains('”')) && ['»', '\'', '’'].iter().all(|q| v.contains(*q))
            };
            prop_assume!(!command.options().iter().any(|(_, v)| every_quote(v)));
            let line = command.to_line();
            prop_assert_eq!(Command::parse(&line), Ok(command), "{}", line);
        }
    }
}
