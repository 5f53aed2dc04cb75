//! Application commands as the application-commands docs limit them: a chat-input name of 1-32
//! characters matching `^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$` in lowercase, a description of
//! 1-100, at most 25 options with unique names and required ones first, at most 25 choices of 1-100
//! character names and string values of at most 100, `autocomplete` never beside `choices`, sane
//! `min_value`/`max_value` and `min_length`/`max_length`, and at most 8,000 characters in all the
//! names, descriptions and values (counting the longest localization of each field). Also the
//! autocomplete callback's choices. Pure functions over JSON.

use std::sync::OnceLock;

use serde_json::Value;

use super::validate::{ApiError, Errors, Len, array_field, join, string_field, string_value};

const SIZE_LIMIT: usize = 8000;
/// The documented range of INTEGER options: -2^53+1 ..= 2^53-1.
const INT_BOUND: f64 = 9_007_199_254_740_991.0;

fn name_regex() -> &'static regex::Regex {
    static RE: OnceLock<regex::Regex> = OnceLock::new();
    RE.get_or_init(|| {
        regex::Regex::new(r"^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$")
            .expect("the documented regex compiles")
    })
}

/// Validates one command body; `create` requires the fields a new command needs.
pub(super) fn command(body: &Value) -> Errors {
    let mut errs = Errors::default();
    if !body.is_object() {
        errs.add(
            "",
            "DICT_TYPE_CONVERT",
            "Only dictionaries may be used in a DictType",
        );
        return errs;
    }
    let kind = match body.get("type") {
        None | Some(Value::Null) => 1,
        Some(t) => match t.as_u64() {
            Some(k @ 1..=4) => k,
            _ => {
                errs.add("type", "BASE_TYPE_CHOICES", "Value must be one of (1, 2, 3, 4).");
                1
            }
        },
    };
    let chat = kind == 1;
    name(&mut errs, body, "", chat);
    if chat {
        string_field(&mut errs, body, "description", "", Len::Between(1, 100), true);
        localizations(&mut errs, body, "description_localizations", "", description);
        options(&mut errs, body, "", 0);
    } else {
        if body
            .get("description")
            .and_then(Value::as_str)
            .is_some_and(|d| !d.is_empty())
        {
            errs.add(
                "description",
                "BASE_TYPE_MAX_LENGTH",
                "Must be 0 or fewer in length.",
            );
        }
        if body
            .get("options")
            .is_some_and(|o| o.as_array().is_some_and(|a| !a.is_empty()))
        {
            errs.add("options", "BASE_TYPE_MAX_LENGTH", "Must be 0 or fewer in length.");
        }
    }
    if let Some(p) = body.get("default_member_permissions").filter(|p| !p.is_null())
        && p.as_str().is_none_or(|s| s.parse::<u64>().is_err())
    {
        errs.add(
            "default_member_permissions",
            "BASE_TYPE_STRING",
            "Must be a string of a permission bit set.",
        );
    }
    if errs.is_empty() && size(body) > SIZE_LIMIT {
        errs.add(
            "",
            "APPLICATION_COMMAND_TOO_LARGE",
            "Command exceeds maximum size (8000)",
        );
    }
    errs
}

/// A name (of a command or an option) and its localizations.
fn name(errs: &mut Errors, obj: &Value, path: &str, chat: bool) {
    let check = |errs: &mut Errors, v: Option<&Value>, at: String| {
        let n = string_value(errs, v, at.clone(), Len::Between(1, 32), true);
        let s = v.and_then(Value::as_str).unwrap_or_default();
        if chat && (1..=32).contains(&n) && (!name_regex().is_match(s) || s.to_lowercase() != s) {
            errs.add(at, "APPLICATION_COMMAND_INVALID_NAME", "Command name is invalid");
        }
    };
    check(errs, obj.get("name"), join(path, "name"));
    localizations(errs, obj, "name_localizations", path, check);
}

/// Runs `check` on each value of a localization dictionary, reported at `key.locale`.
fn localizations(
    errs: &mut Errors,
    obj: &Value,
    key: &str,
    path: &str,
    check: impl Fn(&mut Errors, Option<&Value>, String),
) {
    if let Some(Value::Object(map)) = obj.get(key) {
        for (locale, v) in map {
            check(errs, Some(v), join(&join(path, key), locale));
        }
    }
}

/// A 1-100 character description, or its localization.
fn description(errs: &mut Errors, v: Option<&Value>, at: String) {
    string_value(errs, v, at, Len::Between(1, 100), true);
}

fn options(errs: &mut Errors, holder: &Value, path: &str, depth: usize) {
    let list = array_field(errs, holder, "options", path, 25);
    let subs = list
        .iter()
        .filter(|o| matches!(o.get("type").and_then(Value::as_u64), Some(1 | 2)))
        .count();
    if subs != 0 && subs != list.len() {
        errs.add(
            join(path, "options"),
            "APPLICATION_COMMAND_OPTIONS_TYPE_INVALID",
            "Sub-command and sub-command group option types are mutually exclusive to all other types",
        );
    }
    let mut names = std::collections::HashSet::new();
    let mut optional_seen = false;
    for (i, o) in list.iter().enumerate() {
        let at = join(path, &format!("options.{i}"));
        let kind = o.get("type").and_then(Value::as_u64).unwrap_or(0);
        if !(1..=11).contains(&kind) {
            errs.add(
                join(&at, "type"),
                "BASE_TYPE_CHOICES",
                "Value must be one of (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11).",
            );
        }
        // A group holds sub-commands only, a sub-command holds parameters only.
        let parent_kind = holder.get("type").and_then(Value::as_u64);
        if depth > 0 && (parent_kind == Some(1) && kind <= 2 || parent_kind == Some(2) && kind != 1) {
            errs.add(
                join(&at, "type"),
                "APPLICATION_COMMAND_OPTIONS_TYPE_INVALID",
                "Invalid option type in this context",
            );
        }
        name(errs, o, &at, true);
        string_field(errs, o, "description", &at, Len::Between(1, 100), true);
        localizations(errs, o, "description_localizations", &at, description);
        if let Some(n) = o.get("name").and_then(Value::as_str)
            && !names.insert(n.to_string())
        {
            errs.add(
                join(&at, "name"),
                "APPLICATION_COMMAND_OPTIONS_NAME_ALREADY_EXISTS",
                "Option names must be unique",
            );
        }
        if kind <= 2 {
            options(errs, o, &at, depth + 1);
            continue;
        }
        let required = o.get("required").and_then(Value::as_bool).unwrap_or(false);
        if required && optional_seen {
            errs.add(
                at.clone(),
                "APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID",
                "Required options must be placed before non-required options",
            );
        }
        optional_seen |= !required;
        choices(errs, o, &at, kind);
        bounds(errs, o, &at, kind);
    }
}

fn choices(errs: &mut Errors, o: &Value, at: &str, kind: u64) {
    let list = array_field(errs, o, "choices", at, 25);
    if list.is_empty() {
        return;
    }
    if !matches!(kind, 3 | 4 | 10) {
        errs.add(
            join(at, "choices"),
            "APPLICATION_COMMAND_OPTION_CHOICES_INVALID",
            "Choices are only allowed on STRING, INTEGER and NUMBER options",
        );
    }
    if o.get("autocomplete").and_then(Value::as_bool) == Some(true) {
        errs.add(
            join(at, "autocomplete"),
            "APPLICATION_COMMAND_AUTOCOMPLETE_WITH_CHOICES",
            "Autocomplete cannot be enabled on an option with choices",
        );
    }
    for (j, c) in list.iter().enumerate() {
        choice(errs, c, &format!("{at}.choices.{j}"), kind);
    }
}

/// One choice, of a registered option or of an autocomplete answer.
fn choice(errs: &mut Errors, c: &Value, at: &str, kind: u64) {
    string_field(errs, c, "name", at, Len::Between(1, 100), true);
    localizations(errs, c, "name_localizations", at, description);
    match (kind, c.get("value")) {
        (_, None | Some(Value::Null)) => {
            errs.add(join(at, "value"), "BASE_TYPE_REQUIRED", "This field is required")
        }
        (3, Some(Value::String(_))) => {
            string_field(errs, c, "value", at, Len::Max(100), true);
        }
        (3, Some(v)) => errs.add(
            join(at, "value"),
            "BASE_TYPE_STRING",
            format!("Could not interpret \"{v}\" as string."),
        ),
        (4, Some(v)) if !v.is_i64() => errs.add(
            join(at, "value"),
            "NUMBER_TYPE_COERCE",
            format!("Value \"{v}\" is not int."),
        ),
        (10, Some(v)) if !v.is_number() => errs.add(
            join(at, "value"),
            "NUMBER_TYPE_COERCE",
            format!("Value \"{v}\" is not a number."),
        ),
        _ => {}
    }
}

fn bounds(errs: &mut Errors, o: &Value, at: &str, kind: u64) {
    let num = |k: &str| o.get(k).and_then(Value::as_f64);
    for k in ["min_value", "max_value"] {
        if let Some(v) = o.get(k).filter(|v| !v.is_null()) {
            if !matches!(kind, 4 | 10) {
                errs.add(
                    join(at, k),
                    "APPLICATION_COMMAND_OPTION_VALUE_INVALID",
                    "Only INTEGER and NUMBER options have bounds",
                );
            } else if kind == 4 && !v.is_i64() || !v.is_number() {
                errs.add(
                    join(at, k),
                    "NUMBER_TYPE_COERCE",
                    format!("Value \"{v}\" is not int."),
                );
            } else if v.as_f64().is_some_and(|x| x.abs() > INT_BOUND) {
                errs.add(
                    join(at, k),
                    "NUMBER_TYPE_MAX",
                    "int value should be less than or equal to 9007199254740991.",
                );
            }
        }
    }
    if let (Some(lo), Some(hi)) = (num("min_value"), num("max_value"))
        && lo > hi
    {
        errs.add(
            join(at, "min_value"),
            "APPLICATION_COMMAND_OPTION_VALUE_INVALID",
            "min_value must be less than or equal to max_value",
        );
    }
    for (k, lo) in [("min_length", 0), ("max_length", 1)] {
        if let Some(v) = o.get(k).filter(|v| !v.is_null()) {
            match v.as_u64() {
                _ if kind != 3 => errs.add(
                    join(at, k),
                    "APPLICATION_COMMAND_OPTION_LENGTH_INVALID",
                    "Only STRING options have lengths",
                ),
                Some(n) if n < lo => errs.add(
                    join(at, k),
                    "NUMBER_TYPE_MIN",
                    format!("int value should be greater than or equal to {lo}."),
                ),
                Some(n) if n > 6000 => errs.add(
                    join(at, k),
                    "NUMBER_TYPE_MAX",
                    "int value should be less than or equal to 6000.",
                ),
                Some(_) => {}
                None => errs.add(
                    join(at, k),
                    "NUMBER_TYPE_COERCE",
                    format!("Value \"{v}\" is not int."),
                ),
            }
        }
    }
    if let (Some(lo), Some(hi)) = (num("min_length"), num("max_length"))
        && lo > hi
    {
        errs.add(
            join(at, "min_length"),
            "APPLICATION_COMMAND_OPTION_LENGTH_INVALID",
            "min_length must be less than or equal to max_length",
        );
    }
}

/// The size the 8,000-character limit counts: names, descriptions and choice values of the command,
/// its options (recursively) and choices, each field counted at its longest localization.
pub(super) fn size(v: &Value) -> usize {
    let longest = |field: &str, locs: &str| {
        let base = v.get(field).map_or(0, |x| match x {
            Value::String(s) => s.chars().count(),
            Value::Number(n) => n.to_string().chars().count(),
            _ => 0,
        });
        let loc = match v.get(locs) {
            Some(Value::Object(m)) => m.values().map(super::validate::chars).max().unwrap_or(0),
            _ => 0,
        };
        base.max(loc)
    };
    let mut n = longest("name", "name_localizations") + longest("description", "description_localizations");
    if v.get("value").is_some() {
        n += longest("value", "value_localizations");
    }
    for key in ["options", "choices"] {
        if let Some(Value::Array(a)) = v.get(key) {
            n += a.iter().map(size).sum::<usize>();
        }
    }
    n
}

/// Validates the data of an autocomplete answer (callback type 8): at most 25 choices.
pub(super) fn autocomplete_result(data: &Value) -> Result<(), ApiError> {
    let mut errs = Errors::default();
    let list = array_field(&mut errs, data, "choices", "data", 25);
    for (j, c) in list.iter().enumerate() {
        let kind = match c.get("value") {
            Some(Value::String(_)) => 3,
            Some(v) if v.is_i64() => 4,
            _ => 10,
        };
        choice(&mut errs, c, &format!("data.choices.{j}"), kind);
    }
    errs.into_result()
}
