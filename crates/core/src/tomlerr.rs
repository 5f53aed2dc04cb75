//! Turns `toml` deserialization errors into one-line messages with a line number, the key at fault and,
//! for a misspelt key, a "did you mean" hint.
//!
//! Shared by briefing front matter and the config file so both speak the same way. Pure: works on the source
//! text the error came from, never reads files.
//!
//! Where the error is comes from the toml crate: its span, and the document parsed with spans
//! ([`toml::de::DeTable`]) to name the dotted key at that span. The list of known keys exists only in
//! serde's `unknown_field` message ("unknown field `x`, expected one of `a`, `b`": toml keeps the error's
//! key path private and serde passes the names no other way), so that one message is read for it.

/// A TOML problem located in its source: `line` is 1-based within the parsed text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TomlProblem {
    pub line: usize,
    pub message: String,
}

/// Describes `err`, raised while deserializing `src`.
pub fn describe(err: &toml::de::Error, src: &str) -> TomlProblem {
    let start = err.span().map(|s| s.start).unwrap_or(0).min(src.len());
    let line = line_of(src, start);
    // serde speaks of sequences and maps; a TOML writer knows arrays and tables.
    let raw = err
        .message()
        .trim()
        .replace("expected a sequence", "expected an array")
        .replace("expected a map", "expected a table");
    let raw = raw.as_str();
    let key = key_at(src, start);
    let mut message = match unknown_field(raw) {
        Some((field, expected)) => {
            // The key as written at the span, quotes and all removed, is what the writer typed.
            let field = key
                .as_deref()
                .and_then(|k| k.rsplit('.').next())
                .filter(|k| k.eq_ignore_ascii_case(field))
                .unwrap_or(field);
            let mut m = format!("unknown key `{field}`");
            if let Some(best) = did_you_mean(field, &expected) {
                m.push_str(&format!(", did you mean `{best}`?"));
            }
            m.push_str(&format!(" (known keys: {})", expected.join(", ")));
            m
        }
        None => match key {
            Some(key) if raw.starts_with("invalid") || raw.starts_with("unknown variant") => {
                format!("`{key}`: {raw}")
            }
            _ => raw.to_string(),
        },
    };
    if message.is_empty() {
        message = "invalid TOML".to_string();
    }
    TomlProblem { line, message }
}

/// 1-based line number of byte `offset` in `src`.
pub fn line_of(src: &str, offset: usize) -> usize {
    let offset = offset.min(src.len());
    src.as_bytes()[..offset].iter().filter(|&&b| b == b'\n').count() + 1
}

/// The closest candidate to `word`, when it is close enough to be a plausible typo: a small edit distance
/// (a swapped pair of letters counts as one edit) or a high Jaro-Winkler similarity.
pub fn did_you_mean<'a, S: AsRef<str>>(word: &str, candidates: &'a [S]) -> Option<&'a str> {
    let word = word.to_lowercase();
    let allowed = (word.chars().count() / 4).max(1);
    candidates
        .iter()
        .map(|c| {
            let c = c.as_ref();
            let lower = c.to_lowercase();
            (
                strsim::damerau_levenshtein(&word, &lower),
                strsim::jaro_winkler(&word, &lower),
                c,
            )
        })
        .filter(|(edits, similarity, _)| *edits <= allowed || *similarity >= 0.85)
        .min_by(|a, b| a.0.cmp(&b.0).then(b.1.total_cmp(&a.1)))
        .map(|(_, _, c)| c)
}

/// Parses serde's "unknown field `x`, expected one of `a`, `b`" (or "expected `a`").
fn unknown_field(msg: &str) -> Option<(&str, Vec<String>)> {
    let rest = msg.strip_prefix("unknown field `")?;
    let (field, rest) = rest.split_once('`')?;
    let expected = rest.split('`').skip(1).step_by(2).map(str::to_string).collect();
    Some((field, expected))
}

/// The dotted key at `offset`: of the key or value whose span holds it, through tables and arrays of
/// tables (`sponsors.name` for a `name` in any `[[sponsors]]`). A table's own span is its header only, so
/// every branch is searched, not just the one whose span holds the offset.
fn key_at(src: &str, offset: usize) -> Option<String> {
    // Recoverable: a document with a syntax error still gives the keys around it.
    let (doc, _errors) = toml::de::DeTable::parse_recoverable(src);
    find_in_table(doc.get_ref(), offset).map(|path| path.join("."))
}

fn find_in_table(table: &toml::de::DeTable<'_>, offset: usize) -> Option<Vec<String>> {
    table.iter().find_map(|(key, value)| {
        // A value's end counts: an unterminated string is reported just past it.
        let value_span = value.span();
        let here = key.span().contains(&offset) || (value_span.start..=value_span.end).contains(&offset);
        let inner = find_in_value(value.get_ref(), offset);
        (here || inner.is_some()).then(|| {
            let mut path = vec![key.get_ref().to_string()];
            path.extend(inner.unwrap_or_default());
            path
        })
    })
}

fn find_in_value(value: &toml::de::DeValue<'_>, offset: usize) -> Option<Vec<String>> {
    match value {
        toml::de::DeValue::Table(t) => find_in_table(t, offset),
        toml::de::DeValue::Array(items) => items.iter().find_map(|i| find_in_value(i.get_ref(), offset)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Doc {
        title: Option<String>,
        sponsors: Option<Vec<Entry>>,
    }

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Entry {
        name: String,
    }

    fn problem(src: &str) -> TomlProblem {
        describe(&toml::from_str::<Doc>(src).unwrap_err(), src)
    }

    #[test]
    fn unknown_key_gets_a_hint_and_its_line() {
        let p = problem("title = \"x\"\nsponsers = []\n");
        assert_eq!(p.line, 2);
        assert!(
            p.message
                .starts_with("unknown key `sponsers`, did you mean `sponsors`?"),
            "{}",
            p.message
        );
    }

    #[test]
    fn far_off_key_gets_no_hint() {
        let p = problem("zzz = 1\n");
        assert!(!p.message.contains("did you mean"), "{}", p.message);
    }

    #[test]
    fn wrong_type_names_the_dotted_key() {
        let p = problem("title = \"x\"\n\n[[sponsors]]\nname = 5\n");
        assert_eq!(p.line, 4);
        assert!(
            p.message.starts_with("`sponsors.name`: invalid type"),
            "{}",
            p.message
        );
    }
}
