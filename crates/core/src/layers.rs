//! The module layers of the core, checked: a module may use only modules of lower layers, so the core has
//! no cycles (a command cannot reach back into the engine, the scheduler cannot reach the engine, the
//! config does not need the scheduler). Test code is exempt.
//!
//! The crate boundary keeps chat platforms out (the compiler does that: this crate has no chat library to
//! import); this test keeps the order inside it.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// Lowest first. A module may use the modules of the layers before its own, never its own layer's or a
/// later one's.
const LAYERS: &[&[&str]] = &[
    &["transient"],
    &[
        "tomlerr",
        "wordindex",
        "catalogue",
        "schedule",
        "target",
        "retry",
        "text",
        "observe",
    ],
    &["model"],
    &["command", "extract"],
    &["response", "briefing"],
    &["i18n", "eval", "search", "names"],
    &["card", "render"],
    &["store"],
    &["resolve", "config"],
    &["question"],
    &["digest"],
    &["exec"],
    &["engine"],
];

fn layer_of(module: &str) -> Option<usize> {
    LAYERS.iter().position(|l| l.contains(&module))
}

/// Every `.rs` file of `module` (a file or a directory), without test files.
fn files(src: &Path, module: &str) -> Vec<PathBuf> {
    let file = src.join(format!("{module}.rs"));
    let mut out = Vec::new();
    if file.exists() {
        out.push(file);
    }
    let mut dirs = vec![src.join(module)];
    while let Some(dir) = dirs.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
            if path.is_dir() {
                if name != "tests" {
                    dirs.push(path);
                }
            } else if name.ends_with(".rs") && name != "tests.rs" {
                out.push(path);
            }
        }
    }
    out
}

/// The `crate::x` modules a file's code names, outside comments and its `#[cfg(test)]` module.
fn uses(text: &str) -> BTreeSet<String> {
    let code = text.split("#[cfg(test)]\nmod tests").next().unwrap_or_default();
    let mut found = BTreeSet::new();
    for line in code.lines() {
        let line = line.trim_start();
        if line.starts_with("//") {
            continue;
        }
        let mut rest = line;
        while let Some(at) = rest.find("crate::") {
            rest = &rest[at + "crate::".len()..];
            let name: String = rest
                .chars()
                .take_while(|c| c.is_ascii_lowercase() || *c == '_')
                .collect();
            found.insert(name);
        }
    }
    found
}

#[test]
fn modules_use_only_lower_layers() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let lib = std::fs::read_to_string(src.join("lib.rs")).unwrap();
    let modules: Vec<&str> = lib
        .lines()
        .filter_map(|l| {
            l.trim()
                .strip_prefix("pub mod ")
                .or_else(|| l.trim().strip_prefix("mod "))
        })
        .map(|l| l.trim_end_matches(';'))
        .filter(|m| *m != "layers")
        .collect();
    let mut problems = Vec::new();
    for module in &modules {
        let Some(layer) = layer_of(module) else {
            problems.push(format!("`{module}` is in no layer: add it to LAYERS"));
            continue;
        };
        for file in files(&src, module) {
            let text = std::fs::read_to_string(&file).unwrap();
            for used in uses(&text) {
                if used == *module || !modules.contains(&used.as_str()) {
                    continue;
                }
                if layer_of(&used).is_none_or(|l| l >= layer) {
                    problems.push(format!(
                        "{}: `{module}` (layer {layer}) uses `{used}` (layer {:?})",
                        file.strip_prefix(&src).unwrap_or(&file).display(),
                        layer_of(&used)
                    ));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
