//! Application commands: each documented limit broken once with Discord's code and field path, the
//! 8,000-character size counted as the docs count it, and the command routes (upsert, bulk
//! overwrite, get, edit, delete).

use serde_json::{Value, json};

use super::call;
use super::validation::{code_at, s};
use crate::FakeDiscord;

fn command_path(fake: &FakeDiscord) -> String {
    format!("/applications/{}/commands", fake.application_id())
}

fn opt(name: &str) -> Value {
    json!({"name": name, "description": "An option", "type": 3})
}

#[test]
fn every_documented_command_violation_is_refused() {
    let fake = FakeDiscord::start();
    let base = |extra: Value| {
        let mut c = json!({"name": "event", "description": "Show an event"});
        if let (Value::Object(c), Value::Object(e)) = (&mut c, extra) {
            c.extend(e);
        }
        c
    };
    let choices = |n: usize| {
        (0..n)
            .map(|i| json!({"name": format!("c{i}"), "value": format!("v{i}")}))
            .collect::<Vec<_>>()
    };
    let cases: Vec<(&str, Value, &str, &str)> = vec![
        (
            "uppercase name",
            base(json!({"name": "Event"})),
            "name",
            "APPLICATION_COMMAND_INVALID_NAME",
        ),
        (
            "name with a space",
            base(json!({"name": "my event"})),
            "name",
            "APPLICATION_COMMAND_INVALID_NAME",
        ),
        (
            "name of 33",
            base(json!({"name": s('e', 33)})),
            "name",
            "BASE_TYPE_BAD_LENGTH",
        ),
        (
            "empty name",
            base(json!({"name": ""})),
            "name",
            "BASE_TYPE_BAD_LENGTH",
        ),
        (
            "empty description",
            base(json!({"description": ""})),
            "description",
            "BASE_TYPE_BAD_LENGTH",
        ),
        (
            "description of 101",
            base(json!({"description": s('d', 101)})),
            "description",
            "BASE_TYPE_BAD_LENGTH",
        ),
        (
            "no description",
            json!({"name": "event"}),
            "description",
            "BASE_TYPE_REQUIRED",
        ),
        (
            "26 options",
            base(json!({"options": (0..26).map(|i| opt(&format!("o{i}"))).collect::<Vec<_>>()})),
            "options",
            "BASE_TYPE_MAX_LENGTH",
        ),
        (
            "26 choices",
            base(json!({"options": [{"name": "o", "description": "d", "type": 3, "choices": choices(26)}]})),
            "options.0.choices",
            "BASE_TYPE_MAX_LENGTH",
        ),
        (
            "choice name of 101",
            base(
                json!({"options": [{"name": "o", "description": "d", "type": 3, "choices": [{"name": s('n', 101), "value": "v"}]}]}),
            ),
            "options.0.choices.0.name",
            "BASE_TYPE_BAD_LENGTH",
        ),
        (
            "choice value of 101",
            base(
                json!({"options": [{"name": "o", "description": "d", "type": 3, "choices": [{"name": "n", "value": s('v', 101)}]}]}),
            ),
            "options.0.choices.0.value",
            "BASE_TYPE_MAX_LENGTH",
        ),
        (
            "required after optional",
            base(
                json!({"options": [opt("a"), {"name": "b", "description": "d", "type": 3, "required": true}]}),
            ),
            "options.1",
            "APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID",
        ),
        (
            "autocomplete beside choices",
            base(
                json!({"options": [{"name": "o", "description": "d", "type": 3, "autocomplete": true, "choices": choices(2)}]}),
            ),
            "options.0.autocomplete",
            "APPLICATION_COMMAND_AUTOCOMPLETE_WITH_CHOICES",
        ),
        (
            "min_value above max_value",
            base(
                json!({"options": [{"name": "n", "description": "d", "type": 4, "min_value": 5, "max_value": 1}]}),
            ),
            "options.0.min_value",
            "APPLICATION_COMMAND_OPTION_VALUE_INVALID",
        ),
        (
            "uppercase option name",
            base(json!({"options": [opt("Name")]})),
            "options.0.name",
            "APPLICATION_COMMAND_INVALID_NAME",
        ),
        (
            "duplicate option names",
            base(json!({"options": [opt("a"), opt("a")]})),
            "options.1.name",
            "APPLICATION_COMMAND_OPTIONS_NAME_ALREADY_EXISTS",
        ),
        (
            "uppercase localized name",
            base(json!({"name_localizations": {"de": "Ereignis"}})),
            "name_localizations.de",
            "APPLICATION_COMMAND_INVALID_NAME",
        ),
    ];
    for (what, body, at, code) in cases {
        let r = call(&fake, "POST", &command_path(&fake), true, Some(&body));
        assert_eq!(
            (r.status, &r.body["code"]),
            (400, &json!(50035)),
            "{what}: {}",
            r.body
        );
        assert_eq!(code_at(&r.body, at), Some(code), "{what}: {}", r.body);
    }
    // A bulk overwrite reports under each command's index.
    let r = call(
        &fake,
        "PUT",
        &command_path(&fake),
        true,
        Some(&json!([base(json!({})), base(json!({"name": "Bad"}))])),
    );
    assert_eq!(
        code_at(&r.body, "1.name"),
        Some("APPLICATION_COMMAND_INVALID_NAME"),
        "{}",
        r.body
    );
    assert!(
        fake.registered_commands(None).is_empty(),
        "nothing refused was registered"
    );
    // Scripts the regex admits: Devanagari, Thai, accented Latin, digits, dash, underscore, apostrophe.
    for name in ["कार्यक्रम", "เหตุการณ์", "événement", "o'clock_2-b"] {
        let r = call(
            &fake,
            "POST",
            &command_path(&fake),
            true,
            Some(&base(json!({"name": name}))),
        );
        assert_eq!(r.status, 201, "{name}: {}", r.body);
    }
}

/// A command whose counted size is exactly `8000 + extra`: 3 + 100, two options with 25 and 13
/// choices of 100 + 100, and a third option whose description (or its longest localization) tops up.
fn sized_command(extra: usize, via_localization: bool) -> Value {
    let choices = |n: usize, tag: char| {
        (0..n).map(|i| json!({"name": format!("{tag}{i:02}{}", s('n', 97)), "value": format!("{tag}{i:02}{}", s('v', 97))})).collect::<Vec<_>>()
    };
    let mut third = json!({"name": "thr", "description": s('d', 88), "type": 3});
    if via_localization {
        third["description_localizations"] = json!({"de": s('d', 88 + extra), "fr": "kurz"});
    } else {
        third["description"] = json!(s('d', 88 + extra));
    }
    json!({"name": "big", "description": s('d', 100), "options": [
        {"name": "one", "description": s('d', 100), "type": 3, "choices": choices(25, 'a')},
        {"name": "two", "description": s('d', 100), "type": 3, "choices": choices(13, 'b')},
        third,
    ]})
}

#[test]
fn a_command_may_count_8000_characters_and_not_one_more() {
    let fake = FakeDiscord::start();
    let ok = call(
        &fake,
        "POST",
        &command_path(&fake),
        true,
        Some(&sized_command(0, false)),
    );
    assert_eq!(ok.status, 201, "{}", ok.body);
    serde_json::from_value::<serenity::model::application::Command>(ok.body)
        .expect("serenity reads the command");
    for via_localization in [false, true] {
        let r = call(
            &fake,
            "POST",
            &command_path(&fake),
            true,
            Some(&sized_command(1, via_localization)),
        );
        assert_eq!(r.status, 400, "{}", r.body);
        assert_eq!(
            r.body["errors"]["_errors"][0],
            json!({"code": "APPLICATION_COMMAND_TOO_LARGE", "message": "Command exceeds maximum size (8000)"})
        );
    }
    // Localizations count at their longest, not summed: many short ones stay within the limit.
    let mut many = sized_command(0, false);
    many["options"][2]["description_localizations"] =
        json!({"de": s('d', 88), "fr": s('d', 88), "es-ES": s('d', 10)});
    assert_eq!(
        call(&fake, "POST", &command_path(&fake), true, Some(&many)).status,
        200,
        "an upsert of the same name"
    );
}

#[test]
fn commands_are_upserted_fetched_edited_and_deleted() {
    let fake = FakeDiscord::start();
    let guild_path = format!(
        "/applications/{}/guilds/{}/commands",
        fake.application_id(),
        fake.guild_id()
    );
    let body = json!({"name": "event", "description": "Show an event"});
    let created = call(&fake, "POST", &guild_path, true, Some(&body));
    assert_eq!(
        (created.status, &created.body["guild_id"]),
        (201, &json!(fake.guild_id().to_string()))
    );
    let again = call(
        &fake,
        "POST",
        &guild_path,
        true,
        Some(&json!({"name": "event", "description": "Changed"})),
    );
    assert_eq!(
        (again.status, &again.body["id"]),
        (200, &created.body["id"]),
        "same name: replaced, same id"
    );
    let id = created.body["id"].as_str().expect("an id");
    let one = format!("{guild_path}/{id}");
    assert_eq!(
        call(&fake, "GET", &one, true, None).body["description"],
        "Changed"
    );
    let edited = call(
        &fake,
        "PATCH",
        &one,
        true,
        Some(&json!({"description": "Edited"})),
    );
    assert_eq!(
        (edited.status, &edited.body["name"], &edited.body["description"]),
        (200, &json!("event"), &json!("Edited"))
    );
    let bad = call(&fake, "PATCH", &one, true, Some(&json!({"name": "Event"})));
    assert_eq!(
        code_at(&bad.body, "name"),
        Some("APPLICATION_COMMAND_INVALID_NAME"),
        "an edit is validated merged"
    );
    assert_eq!(fake.registered_commands(Some(fake.guild_id())).len(), 1);
    assert!(
        fake.registered_commands(None).is_empty(),
        "guild commands are not global"
    );
    assert_eq!(call(&fake, "DELETE", &one, true, None).status, 204);
    let gone = call(&fake, "GET", &one, true, None);
    assert_eq!(
        (gone.status, gone.body),
        (
            404,
            json!({"message": "Unknown application command", "code": 10063})
        )
    );
    let elsewhere = format!("/applications/{}/guilds/1/commands", fake.application_id());
    assert_eq!(
        call(&fake, "GET", &elsewhere, true, None).body["code"],
        50001,
        "a guild the bot is not in"
    );
    // A bulk overwrite keeps the ids of commands it keeps, and drops the others.
    let list = json!([{"name": "ping", "description": "Check"}, {"name": "help", "description": "Help"}]);
    let first = call(&fake, "PUT", &guild_path, true, Some(&list)).body;
    let second = call(&fake, "PUT", &guild_path, true, Some(&json!([list[1]]))).body;
    assert_eq!(
        (second[0]["id"].clone(), second.as_array().map(Vec::len)),
        (first[1]["id"].clone(), Some(1))
    );
    let dup = call(&fake, "PUT", &guild_path, true, Some(&json!([list[0], list[0]])));
    assert_eq!(
        code_at(&dup.body, "1"),
        Some("APPLICATION_COMMANDS_DUPLICATE_NAME"),
        "{}",
        dup.body
    );
    serde_json::from_value::<Vec<serenity::model::application::Command>>(first)
        .expect("serenity reads the list");
}
