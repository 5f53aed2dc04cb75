//! The corpus of broken briefing files: each produces its own located error, and the good files beside
//! them keep serving.

use crate::{attache, copy_dir, engine_for, fixture, stdout};
use attache_core::command::Role;

/// Ten megabytes: far over the default 1 MiB limit, so it is refused before it is parsed.
const HUGE: usize = 10 * 1024 * 1024;

#[test]
fn check_reports_every_broken_file_with_the_expected_error() {
    let dir = copy_dir(&fixture("bad"));
    std::fs::write(dir.path().join("huge.md"), "x".repeat(HUGE)).unwrap();
    let o = attache(&["check", "--briefings", dir.path().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let prefix = format!("{}/", dir.path().display());
    let got: Vec<String> = stdout(&o)
        .lines()
        .filter(|l| l.starts_with(&prefix))
        .map(|l| l.replacen(&prefix, "", 2))
        .collect();
    let expected: Vec<String> = std::fs::read_to_string(fixture("bad.expected"))
        .unwrap()
        .lines()
        .map(str::to_string)
        .collect();
    assert_eq!(got, expected);
    assert!(
        stdout(&o).ends_with("4 briefings loaded, 0 with extracted fields, 16 problems\n"),
        "{}",
        stdout(&o)
    );
}

#[test]
fn good_files_beside_broken_ones_keep_serving() {
    let engine = engine_for(fixture("bad"));
    let titles: Vec<String> = engine
        .snapshot()
        .briefings()
        .iter()
        .map(|b| b.title.clone())
        .collect();
    assert_eq!(
        titles,
        [
            "A good briefing among broken ones (fictional example)",
            "First of two with one id",
            "Starts with a byte order mark",
            "Windows line endings",
        ]
    );
    // CRLF endings leave no carriage return behind in any field.
    let crlf = engine.handle("summary windows", Role::Member);
    assert!(crlf.is_answer());
    assert_eq!(
        engine.snapshot().get("crlf").unwrap().location.as_deref(),
        Some("Example City")
    );
}
