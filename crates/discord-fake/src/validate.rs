//! The documented limits of a message body (content, embeds, allowed mentions, components) and the
//! error Discord answers when one is broken: 400, code 50035 "Invalid Form Body", with `errors` nested
//! by field path down to an `_errors` list of `{code, message}`. Lengths count characters, not bytes.
//! Codes and messages are the ones Discord sends (`BASE_TYPE_MAX_LENGTH`, "Must be 2000 or fewer in
//! length.", ...). Pure functions over JSON; nothing here touches the state.

use serde_json::{Map, Value, json};

/// An error as Discord answers it: a status and a JSON body.
#[derive(Debug)]
pub(super) struct ApiError {
    pub status: u16,
    pub body: Value,
}

impl ApiError {
    pub fn new(status: u16, code: u64, message: &str) -> ApiError {
        ApiError {
            status,
            body: json!({"message": message, "code": code}),
        }
    }
    pub fn unauthorized() -> ApiError {
        ApiError::new(401, 0, "401: Unauthorized")
    }
    pub fn not_found() -> ApiError {
        ApiError::new(404, 0, "404: Not Found")
    }
    pub fn method_not_allowed() -> ApiError {
        ApiError::new(405, 0, "405: Method Not Allowed")
    }
    pub fn unknown_channel() -> ApiError {
        ApiError::new(404, 10003, "Unknown Channel")
    }
    pub fn unknown_message() -> ApiError {
        ApiError::new(404, 10008, "Unknown Message")
    }
    pub fn unknown_webhook() -> ApiError {
        ApiError::new(404, 10015, "Unknown Webhook")
    }
    pub fn unknown_interaction() -> ApiError {
        ApiError::new(404, 10062, "Unknown interaction")
    }
    pub fn unknown_command() -> ApiError {
        ApiError::new(404, 10063, "Unknown application command")
    }
    pub fn already_acknowledged() -> ApiError {
        ApiError::new(400, 40060, "Interaction has already been acknowledged.")
    }
    pub fn missing_access() -> ApiError {
        ApiError::new(403, 50001, "Missing Access")
    }
    pub fn empty_message() -> ApiError {
        ApiError::new(400, 50006, "Cannot send an empty message")
    }
    pub fn missing_permissions() -> ApiError {
        ApiError::new(403, 50013, "Missing Permissions")
    }
    pub fn invalid_webhook_token() -> ApiError {
        ApiError::new(401, 50027, "Invalid Webhook Token")
    }
    pub fn invalid_json() -> ApiError {
        ApiError::new(400, 50109, "The request body contains invalid JSON.")
    }
}

/// Collects field errors by path, then renders Discord's nested `errors` object.
#[derive(Default)]
pub(super) struct Errors {
    items: Vec<(String, &'static str, String)>,
}

impl Errors {
    /// Records an error at a dotted path (`"embeds.0.title"`; `""` for the body itself).
    pub fn add(&mut self, path: impl Into<String>, code: &'static str, message: impl Into<String>) {
        self.items.push((path.into(), code, message.into()));
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// Moves every error of `other` under `prefix` (for one command of a bulk overwrite).
    pub fn nest(&mut self, prefix: &str, other: Errors) {
        for (path, code, msg) in other.items {
            let full = if path.is_empty() {
                prefix.to_string()
            } else {
                format!("{prefix}.{path}")
            };
            self.items.push((full, code, msg));
        }
    }

    /// `Ok` when nothing was recorded, else the 50035 error.
    pub fn into_result(self) -> Result<(), ApiError> {
        if self.items.is_empty() {
            return Ok(());
        }
        let mut root = Map::new();
        for (path, code, message) in self.items {
            let segs: Vec<&str> = path.split('.').filter(|s| !s.is_empty()).collect();
            insert(&mut root, &segs, json!({"code": code, "message": message}));
        }
        Err(ApiError {
            status: 400,
            body: json!({"code": 50035, "message": "Invalid Form Body", "errors": root}),
        })
    }
}

/// Puts one error at `segs` under `node`, creating the objects on the way. A client's own key can
/// collide with `_errors` (a locale named so, say): the later entry then replaces the earlier one
/// rather than the server panicking.
fn insert(node: &mut Map<String, Value>, segs: &[&str], err: Value) {
    match segs.split_first() {
        None => match node.entry("_errors").or_insert_with(|| json!([])) {
            Value::Array(a) => a.push(err),
            other => *other = json!([err]),
        },
        Some((seg, rest)) => {
            let entry = node.entry(seg.to_string()).or_insert_with(|| json!({}));
            if !entry.is_object() {
                *entry = json!({});
            }
            if let Value::Object(m) = entry {
                insert(m, rest, err);
            }
        }
    }
}

pub(super) fn chars(v: &Value) -> usize {
    v.as_str().map_or(0, |s| s.chars().count())
}

/// The length rule of a string field, with the error code Discord uses for it.
#[derive(Clone, Copy)]
pub(super) enum Len {
    /// At most `n` characters (`BASE_TYPE_MAX_LENGTH`); an empty required string is `BASE_TYPE_REQUIRED`.
    Max(usize),
    /// Between `min` and `max` characters (`BASE_TYPE_BAD_LENGTH`).
    Between(usize, usize),
}

/// Checks a string field: absent or null passes unless `required`; otherwise a string within `len`.
/// Returns its length in characters.
pub(super) fn string_field(
    errs: &mut Errors,
    obj: &Value,
    key: &str,
    path: &str,
    len: Len,
    required: bool,
) -> usize {
    string_value(errs, obj.get(key), join(path, key), len, required)
}

/// [`string_field`] for a value already in hand, reported at `at`.
pub(super) fn string_value(
    errs: &mut Errors,
    v: Option<&Value>,
    at: String,
    len: Len,
    required: bool,
) -> usize {
    match v {
        None | Some(Value::Null) => {
            if required {
                errs.add(at, "BASE_TYPE_REQUIRED", "This field is required");
            }
            0
        }
        Some(Value::String(s)) => {
            let n = s.chars().count();
            match len {
                Len::Max(_) if n == 0 && required => {
                    errs.add(at, "BASE_TYPE_REQUIRED", "This field is required")
                }
                Len::Max(max) if n > max => errs.add(
                    at,
                    "BASE_TYPE_MAX_LENGTH",
                    format!("Must be {max} or fewer in length."),
                ),
                Len::Between(min, max) if n < min || n > max => errs.add(
                    at,
                    "BASE_TYPE_BAD_LENGTH",
                    format!("Must be between {min} and {max} in length."),
                ),
                _ => {}
            }
            n
        }
        Some(other) => {
            errs.add(
                at,
                "BASE_TYPE_STRING",
                format!("Could not interpret \"{other}\" as string."),
            );
            0
        }
    }
}

pub(super) fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

/// An array field: absent or null is empty; too long is `BASE_TYPE_MAX_LENGTH`.
pub(super) fn array_field<'a>(
    errs: &mut Errors,
    obj: &'a Value,
    key: &str,
    path: &str,
    max: usize,
) -> &'a [Value] {
    match obj.get(key) {
        None | Some(Value::Null) => &[],
        Some(Value::Array(a)) => {
            if a.len() > max {
                errs.add(
                    join(path, key),
                    "BASE_TYPE_MAX_LENGTH",
                    format!("Must be {max} or fewer in length."),
                );
            }
            a
        }
        Some(_) => {
            errs.add(join(path, key), "BASE_TYPE_LIST", "Must be a list.");
            &[]
        }
    }
}

/// How a message body is being used: a new message must say something; an edit may leave fields out
/// and is checked for emptiness only once merged into the message it edits.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Mode {
    Create,
    Edit,
}

/// Validates a message body (create or edit) at `path` (`""`, or `"data"` inside a callback).
pub(super) fn message(body: &Value, path: &str, mode: Mode) -> Result<(), ApiError> {
    message_with(body, path, mode, |_| {})
}

/// [`message`] with the route's own fields checked by `more`, so that their errors join the same
/// 50035 answer (Create Message's `nonce`, say).
pub(super) fn message_with(
    body: &Value,
    path: &str,
    mode: Mode,
    more: impl FnOnce(&mut Errors),
) -> Result<(), ApiError> {
    if !body.is_object() {
        let mut errs = Errors::default();
        errs.add(
            path,
            "DICT_TYPE_CONVERT",
            "Only dictionaries may be used in a DictType",
        );
        return errs.into_result();
    }
    let mut errs = Errors::default();
    string_field(&mut errs, body, "content", path, Len::Max(2000), false);
    embeds(&mut errs, body, path);
    allowed_mentions(&mut errs, body, path);
    super::validate_components::components(&mut errs, body, path);
    more(&mut errs);
    errs.into_result()?;
    if mode == Mode::Create && is_empty(body) {
        return Err(ApiError::empty_message());
    }
    Ok(())
}

/// A message with no content, embeds, components, attachments, stickers or poll.
pub(super) fn is_empty(m: &Value) -> bool {
    let blank = |k: &str| match m.get(k) {
        None | Some(Value::Null) => true,
        Some(Value::String(s)) => s.is_empty(),
        Some(Value::Array(a)) => a.is_empty(),
        Some(_) => false,
    };
    [
        "content",
        "embeds",
        "components",
        "attachments",
        "sticker_ids",
        "poll",
    ]
    .iter()
    .all(|k| blank(k))
}

fn embeds(errs: &mut Errors, body: &Value, path: &str) {
    let list = array_field(errs, body, "embeds", path, 10);
    let mut total = 0;
    for (i, e) in list.iter().enumerate() {
        let at = join(path, &format!("embeds.{i}"));
        if !e.is_object() {
            errs.add(
                at,
                "DICT_TYPE_CONVERT",
                "Only dictionaries may be used in a DictType",
            );
            continue;
        }
        total += string_field(errs, e, "title", &at, Len::Max(256), false);
        total += string_field(errs, e, "description", &at, Len::Max(4096), false);
        for (k, (key, req, max)) in [("footer", ("text", true, 2048)), ("author", ("name", true, 256))] {
            if let Some(sub) = e.get(k).filter(|v| !v.is_null()) {
                total += string_field(errs, sub, key, &join(&at, k), Len::Max(max), req);
            }
        }
        let fields = array_field(errs, e, "fields", &at, 25);
        for (j, f) in fields.iter().enumerate() {
            let fat = format!("{at}.fields.{j}");
            total += string_field(errs, f, "name", &fat, Len::Max(256), true);
            total += string_field(errs, f, "value", &fat, Len::Max(1024), true);
        }
    }
    if total > 6000 {
        errs.add(
            join(path, "embeds"),
            "MAX_EMBED_SIZE_EXCEEDED",
            "Embed size exceeds maximum size of 6000",
        );
    }
}

fn allowed_mentions(errs: &mut Errors, body: &Value, path: &str) {
    let Some(am) = body.get("allowed_mentions").filter(|v| !v.is_null()) else {
        return;
    };
    let at = join(path, "allowed_mentions");
    if !am.is_object() {
        errs.add(
            at,
            "DICT_TYPE_CONVERT",
            "Only dictionaries may be used in a DictType",
        );
        return;
    }
    let parse = array_field(errs, am, "parse", &at, 3);
    for (i, p) in parse.iter().enumerate() {
        if !matches!(p.as_str(), Some("roles" | "users" | "everyone")) {
            errs.add(
                format!("{at}.parse.{i}"),
                "BASE_TYPE_CHOICES",
                "Value must be one of ('roles', 'users', 'everyone').",
            );
        }
    }
    for kind in ["users", "roles"] {
        let ids = array_field(errs, am, kind, &at, 100);
        for (i, id) in ids.iter().enumerate() {
            if !is_snowflake(id) {
                errs.add(
                    format!("{at}.{kind}.{i}"),
                    "NUMBER_TYPE_COERCE",
                    format!("Value \"{}\" is not snowflake.", id.as_str().unwrap_or_default()),
                );
            }
        }
        if !ids.is_empty() && parse.iter().any(|p| p.as_str() == Some(kind)) {
            errs.add(
                at.clone(),
                "MESSAGE_ALLOWED_MENTIONS_PARSE_EXCLUSIVE",
                format!("parse:[\"{kind}\"] and {kind}: [ids...] are mutually exclusive."),
            );
        }
    }
    if let Some(r) = am.get("replied_user").filter(|v| !v.is_null() && !v.is_boolean()) {
        errs.add(
            format!("{at}.replied_user"),
            "BASE_TYPE_BOOLEAN",
            format!("Could not interpret \"{r}\" as boolean."),
        );
    }
}

/// A snowflake as JSON carries it: a string of digits (or, leniently, a number).
pub(super) fn is_snowflake(v: &Value) -> bool {
    match v {
        Value::String(s) => !s.is_empty() && s.len() <= 20 && s.parse::<u64>().is_ok(),
        Value::Number(n) => n.as_u64().is_some(),
        _ => false,
    }
}
