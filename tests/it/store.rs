//! Reloads swap whole snapshots and never lose a good briefing to a bad edit.

use std::fs;

use attache_core::briefing::ParseOptions;
use attache_core::store::Store;

const GOOD: &str = "+++\ntitle = \"Good (fictional example)\"\nlocation = \"Before\"\n+++\n";

#[test]
fn a_broken_edit_keeps_the_last_good_version_and_reports_the_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("event.md");
    fs::write(&path, GOOD).unwrap();
    let store = Store::open(dir.path(), ParseOptions::default());
    let before = store.snapshot();
    assert_eq!(before.get("event").unwrap().location.as_deref(), Some("Before"));

    fs::write(&path, "+++\ntitle = \"Good\"\nlocation = \n+++\n").unwrap();
    let report = store.reload();
    assert_eq!(report.stale, ["event"]);
    assert_eq!(report.errors.len(), 1);
    assert!(
        report.errors[0].to_string().contains("event.md:3:"),
        "{}",
        report.errors[0]
    );
    let during = store.snapshot();
    assert_eq!(during.get("event").unwrap().location.as_deref(), Some("Before"));
    assert_eq!(during.stale, ["event"]);
    // A reader holding the old snapshot still sees it whole.
    assert_eq!(before.len(), 1);

    fs::write(&path, GOOD.replace("Before", "After")).unwrap();
    let report = store.reload();
    assert_eq!(report.changed, ["event"]);
    assert!(report.errors.is_empty() && report.stale.is_empty());
    assert_eq!(
        store.snapshot().get("event").unwrap().location.as_deref(),
        Some("After")
    );
}

#[test]
fn reload_reports_added_changed_and_removed_ids() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.md"), GOOD).unwrap();
    fs::write(dir.path().join("b.txt"), "Raw Article Title\n\nSome text.\n").unwrap();
    let store = Store::open(dir.path(), ParseOptions::default());
    assert_eq!(store.snapshot().len(), 2);

    fs::remove_file(dir.path().join("b.txt")).unwrap();
    fs::create_dir(dir.path().join("nested")).unwrap();
    fs::write(dir.path().join("nested/c.md"), GOOD.replace("Good", "Nested")).unwrap();
    fs::write(dir.path().join(".hidden.md"), GOOD).unwrap();
    fs::write(dir.path().join("a.md~"), GOOD).unwrap();
    let report = store.reload();
    assert_eq!(report.added, ["c"]);
    assert_eq!(report.removed, ["b"]);
    assert!(report.changed.is_empty());
    assert_eq!(report.total, 2);

    let unchanged = store.reload();
    assert!(unchanged.is_unchanged());
}

#[test]
fn a_vanished_directory_keeps_serving_what_was_loaded() {
    let dir = tempfile::tempdir().unwrap();
    let briefings = dir.path().join("briefings");
    fs::create_dir(&briefings).unwrap();
    fs::write(briefings.join("a.md"), GOOD).unwrap();
    let store = Store::open(&briefings, ParseOptions::default());
    fs::rename(&briefings, dir.path().join("moved")).unwrap();
    let report = store.reload();
    assert_eq!(report.errors.len(), 1);
    assert!(
        report.errors[0].to_string().contains("does not exist"),
        "{}",
        report.errors[0]
    );
    assert_eq!(store.snapshot().len(), 1);
}

/// `reload` re-reads the config too: a broken config is rejected and the running one stays; a valid change
/// (here, another briefings directory) takes effect.
#[test]
fn reload_applies_a_valid_config_and_keeps_the_old_one_on_error() {
    use attache_core::command::Role;
    use attache_core::config::Config;
    use attache_core::engine::Engine;

    let dir = tempfile::tempdir().unwrap();
    let (one, two) = (dir.path().join("one"), dir.path().join("two"));
    fs::create_dir(&one).unwrap();
    fs::create_dir(&two).unwrap();
    fs::write(one.join("first.md"), GOOD).unwrap();
    fs::write(two.join("second.md"), GOOD).unwrap();
    let config_path = dir.path().join("attache.toml");
    let write_config = |briefings: &std::path::Path| {
        fs::write(
            &config_path,
            format!("[briefings]\ndir = {:?}\n", briefings.to_str().unwrap()),
        )
        .unwrap();
    };
    write_config(&one);
    let engine = Engine::new(Config::load(&config_path).unwrap());
    assert!(engine.snapshot().get("first").is_some());

    fs::write(&config_path, "[briefings]\ndir = \"x\"\nwatch = \"yes\"\n").unwrap();
    let outcome = engine.reload();
    let err = outcome.config.unwrap_err();
    assert_eq!(err.line, Some(3), "{err}");
    assert!(
        engine.snapshot().get("first").is_some(),
        "the old config keeps serving"
    );
    let reply = engine.handle("reload", Role::Admin);
    let text = attache_core::render::terminal::render(&reply, Default::default());
    assert!(
        text.contains("Config rejected, the running config stays"),
        "{text}"
    );

    write_config(&two);
    let outcome = engine.reload();
    assert_eq!(outcome.config, Ok(true));
    assert_eq!(outcome.briefings.added, ["second"]);
    assert_eq!(outcome.briefings.removed, ["first"]);
}
