//! Message components as the component reference limits them: at most 5 action rows, each holding
//! 1 to 5 buttons (or one select menu, which is 5 wide); a button's `custom_id` is 1-100 characters and
//! unique in the message, its label at most 80; a link button (style 5) needs a `url` and no
//! `custom_id`, every other style needs a `custom_id`. A message flagged `IS_COMPONENTS_V2` uses the
//! newer layout, where only the custom id rules are checked here.

use std::collections::HashSet;

use serde_json::Value;

use super::validate::{Errors, Len, array_field, join, string_field};

const IS_COMPONENTS_V2: u64 = 1 << 15;

/// Validates `components` of a message body at `path`.
pub(super) fn components(errs: &mut Errors, body: &Value, path: &str) {
    let v2 = body.get("flags").and_then(Value::as_u64).unwrap_or(0) & IS_COMPONENTS_V2 != 0;
    let max_rows = if v2 { 40 } else { 5 };
    let rows = array_field(errs, body, "components", path, max_rows);
    let mut seen = HashSet::new();
    for (r, row) in rows.iter().enumerate() {
        let at = join(path, &format!("components.{r}"));
        if v2 {
            custom_ids(errs, row, &at, &mut seen);
            continue;
        }
        if row.get("type").and_then(Value::as_u64) != Some(1) {
            errs.add(
                join(&at, "type"),
                "COMPONENT_TYPE_INVALID",
                "The specified component type is invalid in this context",
            );
            continue;
        }
        let items = match row.get("components") {
            Some(Value::Array(a)) => a.as_slice(),
            _ => &[],
        };
        if items.is_empty() {
            errs.add(
                join(&at, "components"),
                "BASE_TYPE_BAD_LENGTH",
                "Must be between 1 and 5 in length.",
            );
            continue;
        }
        let mut width = 0;
        for (k, item) in items.iter().enumerate() {
            let iat = format!("{at}.components.{k}");
            let kind = item.get("type").and_then(Value::as_u64).unwrap_or(0);
            width += if kind == 2 { 1 } else { 5 };
            if width > 5 {
                errs.add(
                    iat.clone(),
                    "COMPONENT_LAYOUT_WIDTH_EXCEEDED",
                    "The specified component exceeds the maximum width",
                );
            }
            match kind {
                2 => button(errs, item, &iat, &mut seen),
                3 | 5..=8 => {
                    string_field(errs, item, "custom_id", &iat, Len::Between(1, 100), true);
                    unique(errs, item, &iat, &mut seen);
                }
                _ => errs.add(
                    join(&iat, "type"),
                    "COMPONENT_TYPE_INVALID",
                    "The specified component type is invalid in this context",
                ),
            }
        }
    }
}

fn button(errs: &mut Errors, b: &Value, at: &str, seen: &mut HashSet<String>) {
    string_field(errs, b, "label", at, Len::Max(80), false);
    let style = b.get("style").and_then(Value::as_u64);
    let has = |k: &str| b.get(k).is_some_and(|v| !v.is_null());
    match style {
        Some(5) => {
            if !has("url") {
                errs.add(
                    join(at, "url"),
                    "BUTTON_COMPONENT_URL_REQUIRED",
                    "A url is required",
                );
            }
            if has("custom_id") {
                errs.add(
                    join(at, "custom_id"),
                    "BUTTON_COMPONENT_CUSTOM_ID_URL_MUTUALLY_EXCLUSIVE",
                    "A custom id and url cannot both be specified",
                );
            }
        }
        Some(1..=4) => {
            if has("custom_id") {
                string_field(errs, b, "custom_id", at, Len::Between(1, 100), true);
                unique(errs, b, at, seen);
            } else {
                errs.add(
                    join(at, "custom_id"),
                    "BUTTON_COMPONENT_CUSTOM_ID_REQUIRED",
                    "A custom id is required",
                );
            }
            if has("url") {
                errs.add(
                    join(at, "url"),
                    "BUTTON_COMPONENT_CUSTOM_ID_URL_MUTUALLY_EXCLUSIVE",
                    "A custom id and url cannot both be specified",
                );
            }
        }
        // Premium buttons carry a SKU and nothing else the fake can check.
        Some(6) => {}
        _ => errs.add(
            join(at, "style"),
            "BASE_TYPE_CHOICES",
            "Value must be one of (1, 2, 3, 4, 5, 6).",
        ),
    }
}

fn unique(errs: &mut Errors, c: &Value, at: &str, seen: &mut HashSet<String>) {
    if let Some(id) = c.get("custom_id").and_then(Value::as_str)
        && !seen.insert(id.to_string())
    {
        errs.add(
            join(at, "custom_id"),
            "COMPONENT_CUSTOM_ID_DUPLICATED",
            "Component custom id cannot be duplicated",
        );
    }
}

/// The custom id rules, over any nesting of the newer component layout.
fn custom_ids(errs: &mut Errors, c: &Value, at: &str, seen: &mut HashSet<String>) {
    if c.get("custom_id").is_some_and(|v| !v.is_null()) {
        string_field(errs, c, "custom_id", at, Len::Between(1, 100), true);
        unique(errs, c, at, seen);
    }
    for key in ["components", "accessory"] {
        match c.get(key) {
            Some(Value::Array(a)) => {
                for (i, child) in a.iter().enumerate() {
                    custom_ids(errs, child, &format!("{at}.{key}.{i}"), seen);
                }
            }
            Some(child @ Value::Object(_)) => custom_ids(errs, child, &join(at, key), seen),
            _ => {}
        }
    }
}
