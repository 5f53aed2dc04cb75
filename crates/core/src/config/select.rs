//! A digest's `select` key: which briefings each run posts. Choosing them from a snapshot is the
//! scheduler's part ([`crate::digest::select`]).

use std::fmt;

/// Which briefings a digest posts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Select {
    /// Briefings first seen since the digest's last run.
    New,
    /// Briefings with this tag; with `new_only`, just those first seen since the last run.
    Tag { tag: String, new_only: bool },
    /// One briefing, by id, every run.
    Event(String),
}

impl Select {
    /// Parses `new`, `tag:<tag>`, `new tag:<tag>`, `event:<id>` or a bare event id.
    pub fn parse(s: &str) -> Result<Select, String> {
        let words: Vec<&str> = s.split_whitespace().collect();
        let tag = |w: &str| w.strip_prefix("tag:").map(str::to_string);
        let bad_tag = "`tag:` needs a tag, as in tag:security".to_string();
        match words.as_slice() {
            ["new"] => Ok(Select::New),
            [w] if w.starts_with("tag:") => match tag(w) {
                Some(t) if !t.is_empty() => Ok(Select::Tag {
                    tag: t,
                    new_only: false,
                }),
                _ => Err(bad_tag),
            },
            ["new", w] | [w, "new"] if w.starts_with("tag:") => match tag(w) {
                Some(t) if !t.is_empty() => Ok(Select::Tag {
                    tag: t,
                    new_only: true,
                }),
                _ => Err(bad_tag),
            },
            [w] => {
                let id = w.strip_prefix("event:").unwrap_or(w);
                if let Some((prefix, _)) = id.split_once(':') {
                    return Err(format!(
                        "unknown selector `{prefix}:`; expected \"new\", \"tag:<tag>\", \"new tag:<tag>\" or an event id"
                    ));
                }
                if id.is_empty() {
                    return Err("`event:` needs an event id".into());
                }
                Ok(Select::Event(id.to_string()))
            }
            [] => Err("expected \"new\", \"tag:<tag>\", \"new tag:<tag>\" or an event id".into()),
            _ => Err(format!(
                "{s:?} is not a selection; expected \"new\", \"tag:<tag>\", \"new tag:<tag>\" or one event id"
            )),
        }
    }

    /// Whether the selection depends on what is new (and so on the briefings the ledger has seen).
    pub fn wants_new(&self) -> bool {
        matches!(self, Select::New | Select::Tag { new_only: true, .. })
    }
}

impl fmt::Display for Select {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Select::New => f.write_str("new"),
            Select::Tag { tag, new_only: false } => write!(f, "tag:{tag}"),
            Select::Tag { tag, new_only: true } => write!(f, "new tag:{tag}"),
            Select::Event(id) => write!(f, "event:{id}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn selections_parse() {
        assert_eq!(Select::parse("new"), Ok(Select::New));
        assert_eq!(
            Select::parse("tag:security"),
            Ok(Select::Tag {
                tag: "security".into(),
                new_only: false
            })
        );
        assert_eq!(
            Select::parse(" new  tag:security "),
            Ok(Select::Tag {
                tag: "security".into(),
                new_only: true
            })
        );
        assert_eq!(
            Select::parse("infoforum-shanghai-2018"),
            Ok(Select::Event("infoforum-shanghai-2018".into()))
        );
        assert_eq!(Select::parse("event:x"), Ok(Select::Event("x".into())));
        for bad in [
            "",
            "tag:",
            "new tag:",
            "teg:security",
            "new old",
            "a b c",
            "event:",
        ] {
            assert!(Select::parse(bad).is_err(), "{bad:?}");
        }
        assert!(
            Select::parse("teg:x")
                .unwrap_err()
                .contains("unknown selector `teg:`")
        );
        for s in ["new", "tag:x", "new tag:x", "event:y"] {
            assert_eq!(Select::parse(s).unwrap().to_string(), s);
        }
    }
}
