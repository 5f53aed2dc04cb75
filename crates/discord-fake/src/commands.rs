//! Application command routes, global (`/applications/{app}/commands`) and guild
//! (`/applications/{app}/guilds/{guild}/commands`): list, create (an upsert by name and type: 201 when
//! new, 200 when it replaced one), bulk overwrite, get, edit, delete. Bodies are checked by
//! `validate_command`; errors of a bulk overwrite are nested under the command's index.

use std::collections::HashSet;

use serde_json::{Value, json};

use super::rest::{Outcome, snowflake};
use super::state::{Shared, State};
use super::validate::{ApiError, Errors};
use super::validate_command;

pub(super) fn route(
    shared: &Shared,
    st: &mut State,
    m: &str,
    app: &str,
    rest: &[&str],
    query: &str,
    body: Option<&Value>,
) -> Outcome {
    if snowflake("application_id", app)? != shared.app_id {
        return Err(ApiError::missing_access());
    }
    let (scope, rest) = match rest {
        ["guilds", g, rest @ ..] => {
            if snowflake("guild_id", g)? != shared.guild_id {
                return Err(ApiError::missing_access());
            }
            (Some(shared.guild_id), rest)
        }
        _ => (None, rest),
    };
    let body = body.unwrap_or(&Value::Null);
    match (m, rest) {
        ("GET", ["commands"]) => {
            let full = super::rest::query_param(query, "with_localizations") == Some("true");
            let list = st.commands.get(&scope).cloned().unwrap_or_default();
            Ok((
                200,
                Value::Array(list.iter().map(|c| as_listed(c, full)).collect()),
            ))
        }
        ("POST", ["commands"]) => create(shared, st, scope, body),
        ("PUT", ["commands"]) => overwrite(shared, st, scope, body),
        (_, ["commands", id]) => {
            let id = snowflake("command_id", id)?;
            let list = st.commands.entry(scope).or_default();
            let Some(pos) = list
                .iter()
                .position(|c| c["id"].as_str() == Some(id.to_string().as_str()))
            else {
                return Err(ApiError::unknown_command());
            };
            match m {
                "GET" => Ok((200, list[pos].clone())),
                "DELETE" => {
                    list.remove(pos);
                    Ok((204, Value::Null))
                }
                "PATCH" => {
                    let mut merged = list[pos].clone();
                    if let Value::Object(fields) = body {
                        for (k, v) in fields {
                            merged[k] = v.clone();
                        }
                    }
                    validate_command::command(&merged).into_result()?;
                    let version = st.snowflake();
                    merged["version"] = json!(version.to_string());
                    st.commands.entry(scope).or_default()[pos] = merged.clone();
                    Ok((200, merged))
                }
                _ => Err(ApiError::method_not_allowed()),
            }
        }
        (_, ["commands"]) => Err(ApiError::method_not_allowed()),
        _ => Err(ApiError::not_found()),
    }
}

fn kind_of(c: &Value) -> u64 {
    c.get("type").and_then(Value::as_u64).unwrap_or(1)
}

/// The documented caps per scope: 100 chat-input, 5 user, 5 message, 1 entry-point command.
fn cap(kind: u64) -> usize {
    match kind {
        1 => 100,
        4 => 1,
        _ => 5,
    }
}

fn too_many() -> ApiError {
    ApiError::new(400, 30032, "Maximum number of application commands reached")
}

/// A command as Get Application Commands lists it. As documented, the full `name_localizations` and
/// `description_localizations` dictionaries (of the command, its options and their choices) come only with
/// `with_localizations=true`; without it they are left out (a client in a locale would get
/// `name_localized` instead, and the fake has no locale).
fn as_listed(command: &Value, with_localizations: bool) -> Value {
    let mut c = command.clone();
    if !with_localizations {
        strip_localizations(&mut c);
    }
    c
}

fn strip_localizations(v: &mut Value) {
    match v {
        Value::Object(map) => {
            map.remove("name_localizations");
            map.remove("description_localizations");
            for child in map.values_mut() {
                strip_localizations(child);
            }
        }
        Value::Array(items) => items.iter_mut().for_each(strip_localizations),
        _ => {}
    }
}

/// The stored form of a command body: what Discord adds (ids, version, defaults) over what was sent.
fn stored(shared: &Shared, id: u64, version: u64, scope: Option<u64>, body: &Value) -> Value {
    let mut c = json!({
        "id": id.to_string(),
        "application_id": shared.app_id.to_string(),
        "version": version.to_string(),
        "default_member_permissions": null,
        "type": 1,
        "description": "",
        "nsfw": false,
        "integration_types": [0],
        "contexts": null,
    });
    if let Some(g) = scope {
        c["guild_id"] = json!(g.to_string());
    } else {
        c["dm_permission"] = json!(true);
    }
    if let Value::Object(fields) = body {
        for (k, v) in fields
            .iter()
            .filter(|(k, _)| !matches!(k.as_str(), "id" | "application_id" | "version" | "guild_id"))
        {
            c[k] = v.clone();
        }
    }
    c
}

fn create(shared: &Shared, st: &mut State, scope: Option<u64>, body: &Value) -> Outcome {
    validate_command::command(body).into_result()?;
    let (name, kind) = (body["name"].clone(), kind_of(body));
    let list = st.commands.entry(scope).or_default();
    let existing = list.iter().position(|c| c["name"] == name && kind_of(c) == kind);
    if existing.is_none() && list.iter().filter(|c| kind_of(c) == kind).count() >= cap(kind) {
        return Err(too_many());
    }
    let id = match existing {
        Some(pos) => list[pos]["id"].as_str().and_then(|s| s.parse().ok()).unwrap_or(0),
        None => st.snowflake(),
    };
    let version = st.snowflake();
    let command = stored(shared, id, version, scope, body);
    let list = st.commands.entry(scope).or_default();
    match existing {
        Some(pos) => {
            list[pos] = command.clone();
            Ok((200, command))
        }
        None => {
            list.push(command.clone());
            Ok((201, command))
        }
    }
}

fn overwrite(shared: &Shared, st: &mut State, scope: Option<u64>, body: &Value) -> Outcome {
    let Value::Array(items) = body else {
        let mut e = Errors::default();
        e.add(
            "",
            "LIST_TYPE_CONVERT",
            "Only iterables may be used in a ListType",
        );
        return e.into_result().map(|()| (200, Value::Null));
    };
    let mut errs = Errors::default();
    let mut seen = HashSet::new();
    for (i, c) in items.iter().enumerate() {
        errs.nest(&i.to_string(), validate_command::command(c));
        if !seen.insert((c["name"].to_string(), kind_of(c))) {
            errs.add(
                i.to_string(),
                "APPLICATION_COMMANDS_DUPLICATE_NAME",
                "Application command names must be unique",
            );
        }
    }
    errs.into_result()?;
    for kind in 1..=4 {
        if items.iter().filter(|c| kind_of(c) == kind).count() > cap(kind) {
            return Err(too_many());
        }
    }
    let old = st.commands.get(&scope).cloned().unwrap_or_default();
    let mut fresh = Vec::with_capacity(items.len());
    for c in items {
        let id = old
            .iter()
            .find(|o| o["name"] == c["name"] && kind_of(o) == kind_of(c))
            .and_then(|o| o["id"].as_str().and_then(|s| s.parse().ok()));
        let id = id.unwrap_or_else(|| st.snowflake());
        let version = st.snowflake();
        fresh.push(stored(shared, id, version, scope, c));
    }
    st.commands.insert(scope, fresh.clone());
    Ok((200, Value::Array(fresh)))
}
