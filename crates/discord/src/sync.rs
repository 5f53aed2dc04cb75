//! Keeping the registered application commands in step with the catalogue, writing only when they differ.
//!
//! Discord allows 200 command creates a day per guild, and a bot that overwrites its commands on every
//! start burns through them. So the registered commands are read first and compared in a normalized form
//! ([`normalize`]: the fields the bot sets, with Discord's defaults filled in and its own additions such as
//! ids and versions dropped); only a difference leads to one bulk overwrite.

use serde_json::{Map, Value, json};

use crate::commands::ApplicationCommand;
use crate::rest::{Rest, RestError};

/// What syncing did in one scope (global or a guild).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Synced {
    Unchanged,
    Written { commands: usize },
}

/// Makes the commands registered in `guild` (or globally) equal to `wanted`.
pub async fn sync(
    rest: &Rest,
    application: u64,
    guild: Option<u64>,
    wanted: &[ApplicationCommand],
) -> Result<Synced, RestError> {
    let path = match guild {
        Some(g) => format!("/applications/{application}/guilds/{g}/commands"),
        None => format!("/applications/{application}/commands"),
    };
    // Without `with_localizations`, Discord lists commands without their localization dictionaries, and
    // every start would see a difference.
    let registered = rest.get(&format!("{path}?with_localizations=true")).await?;
    let wanted = serde_json::to_value(wanted).unwrap_or(Value::Null);
    if same(&registered, &wanted) {
        return Ok(Synced::Unchanged);
    }
    rest.call(reqwest::Method::PUT, &path, Some(&wanted), None)
        .await?;
    Ok(Synced::Written {
        commands: wanted.as_array().map_or(0, Vec::len),
    })
}

/// Whether two command lists are the same once normalized, in any order.
pub fn same(registered: &Value, wanted: &Value) -> bool {
    let set = |v: &Value| {
        let mut list: Vec<Value> = v.as_array().into_iter().flatten().map(normalize).collect();
        list.sort_by_key(|c| c["name"].as_str().unwrap_or_default().to_string());
        list
    };
    set(registered) == set(wanted)
}

/// A command as the bot defines it: the fields it sets, each with Discord's default when absent.
pub fn normalize(command: &Value) -> Value {
    json!({
        "name": command.get("name").cloned().unwrap_or(Value::Null),
        "name_localizations": localizations(command.get("name_localizations")),
        "description": command.get("description").cloned().unwrap_or(Value::Null),
        "description_localizations": localizations(command.get("description_localizations")),
        "type": command.get("type").and_then(Value::as_u64).unwrap_or(1),
        "default_member_permissions": command
            .get("default_member_permissions")
            .cloned()
            .unwrap_or(Value::Null),
        "options": options(command.get("options")),
    })
}

fn options(options: Option<&Value>) -> Value {
    let list = options.and_then(Value::as_array).cloned().unwrap_or_default();
    Value::Array(
        list.iter()
            .map(|o| {
                let mut out = Map::new();
                out.insert(
                    "name_localizations".into(),
                    localizations(o.get("name_localizations")),
                );
                out.insert(
                    "description_localizations".into(),
                    localizations(o.get("description_localizations")),
                );
                for key in [
                    "type",
                    "name",
                    "description",
                    "min_value",
                    "max_value",
                    "min_length",
                    "max_length",
                ] {
                    out.insert(key.into(), o.get(key).cloned().unwrap_or(Value::Null));
                }
                let flag = |key: &str| Value::Bool(o.get(key).and_then(Value::as_bool).unwrap_or(false));
                out.insert("required".into(), flag("required"));
                out.insert("autocomplete".into(), flag("autocomplete"));
                let choices = o
                    .get("choices")
                    .and_then(Value::as_array)
                    .cloned()
                    .unwrap_or_default();
                let choices: Vec<Value> = choices
                    .iter()
                    .map(|c| {
                        json!({
                            "name": c.get("name"),
                            "name_localizations": localizations(c.get("name_localizations")),
                            "value": c.get("value"),
                        })
                    })
                    .collect();
                out.insert("choices".into(), Value::Array(choices));
                out.insert("options".into(), self::options(o.get("options")));
                Value::Object(out)
            })
            .collect(),
    )
}

/// A localization dictionary; absent, `null` and empty are the same.
fn localizations(v: Option<&Value>) -> Value {
    match v {
        Some(Value::Object(map)) if !map.is_empty() => Value::Object(map.clone()),
        _ => json!({}),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::commands::application_commands;

    #[test]
    fn what_discord_returns_for_our_commands_is_the_same() {
        let wanted = serde_json::to_value(application_commands()).unwrap();
        // Discord echoes commands with ids, versions and defaults the bot never set, in its own order.
        let mut registered = wanted.clone();
        for c in registered.as_array_mut().unwrap() {
            let c = c.as_object_mut().unwrap();
            c.insert("id".into(), json!("1"));
            c.insert("version".into(), json!("2"));
            c.insert("application_id".into(), json!("3"));
            c.insert("nsfw".into(), json!(false));
            c.insert("contexts".into(), Value::Null);
            for o in c.get_mut("options").unwrap().as_array_mut().unwrap() {
                let o = o.as_object_mut().unwrap();
                if o.get("required") == Some(&json!(false)) {
                    o.remove("required");
                }
            }
        }
        registered.as_array_mut().unwrap().reverse();
        assert!(same(&registered, &wanted));
    }

    #[test]
    fn any_change_is_a_difference() {
        let wanted = serde_json::to_value(application_commands()).unwrap();
        let mut changed = wanted.clone();
        changed[0]["description"] = json!("something else");
        assert!(!same(&changed, &wanted));
        let mut translated = wanted.clone();
        translated[0]["name_localizations"]["ru"] = json!("другое");
        assert!(!same(&translated, &wanted), "a changed translation is synced");
        let mut fewer = wanted.clone();
        fewer.as_array_mut().unwrap().pop();
        assert!(!same(&fewer, &wanted));
        assert!(!same(&json!([]), &wanted));
        let mut option = wanted.clone();
        let with_options = option
            .as_array_mut()
            .unwrap()
            .iter_mut()
            .find(|c| !c["options"].as_array().unwrap().is_empty())
            .unwrap();
        with_options["options"][0]["required"] =
            json!(!with_options["options"][0]["required"].as_bool().unwrap());
        assert!(!same(&option, &wanted));
    }
}
