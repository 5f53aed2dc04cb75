//! The labeled development set and `attache eval`: labels must be exact substrings of their articles (so the
//! scorer measures extraction, not label typos), and the extraction must beat the naive baseline.

use attache_core::eval::Labels;

use crate::{attache, fixture, stderr, stdout};

fn articles() -> Vec<(String, String, Labels)> {
    let dir = fixture("articles");
    let mut out = Vec::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "json") {
            let labels: Labels = serde_json::from_str(&std::fs::read_to_string(&path).unwrap())
                .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            let text = std::fs::read_to_string(path.with_extension("txt")).unwrap();
            out.push((
                path.file_stem().unwrap().to_string_lossy().into_owned(),
                text,
                labels,
            ));
        }
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

#[test]
fn every_label_is_an_exact_substring_of_its_article() {
    let all = articles();
    assert!(!all.is_empty());
    for (name, text, l) in &all {
        let check =
            |what: &str, s: &str| assert!(text.contains(s), "{name}: {what} {s:?} is not in the text");
        for q in &l.quotes {
            check("quote", &q.text);
        }
        for o in &l.organizations {
            check("organization", &o.name);
            for a in &o.aliases {
                check("alias", a);
            }
            assert!(
                ["sponsor", "organizer", "host", "supporter", "partner"].contains(&o.relation.as_str()),
                "{name}: relation {}",
                o.relation
            );
        }
        for t in &l.topics {
            check("topic", t);
        }
        if let Some(d) = &l.date {
            assert!(
                chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").is_ok(),
                "{name}: date {d}"
            );
        }
    }
}

#[test]
fn eval_prints_every_field_and_beats_the_baseline_on_quotes() {
    let dir = fixture("articles");
    let o = attache(&["eval", dir.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    for field in [
        "quotes (with speaker)",
        "organizations (name + relation)",
        "topics",
        "summary ROUGE-1",
    ] {
        assert!(out.contains(field), "{field} missing:\n{out}");
    }
    let f1 = |row: &str, column: usize| -> f64 {
        let line = out.lines().find(|l| l.starts_with(row)).unwrap();
        let numbers: Vec<f64> = line[row.len()..]
            .split_whitespace()
            .filter_map(|n| n.parse().ok())
            .collect();
        numbers[column]
    };
    let (system, baseline) = (f1("quotes (with speaker)", 2), f1("quotes (with speaker)", 5));
    assert!(
        system > baseline,
        "extraction {system} vs baseline {baseline}\n{out}"
    );
    assert!(f1("topics", 2) >= f1("topics", 5), "{out}");
}

/// Labels kept apart from their texts (as the real reports are, whose texts are never committed) are read
/// with `--labels`, and every language gets its own table.
#[test]
fn eval_reads_labels_from_another_folder_and_reports_each_language() {
    let (texts, labels) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    for entry in std::fs::read_dir(fixture("articles")).unwrap() {
        let path = entry.unwrap().path();
        let to = if path.extension().is_some_and(|e| e == "json") {
            labels.path()
        } else {
            texts.path()
        };
        std::fs::copy(&path, to.join(path.file_name().unwrap())).unwrap();
    }
    let o = attache(&[
        "eval",
        texts.path().to_str().unwrap(),
        "--labels",
        labels.path().to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("== all languages"), "{out}");
    assert!(out.contains("== en"), "{out}");
    assert!(out.contains("lead-3"), "{out}");
    // A blind set's measure: the totals, and no article named.
    let o = attache(&[
        "eval",
        texts.path().to_str().unwrap(),
        "--labels",
        labels.path().to_str().unwrap(),
        "--aggregate",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let totals = stdout(&o);
    assert!(
        totals.contains("== all languages") && totals.contains("resamples"),
        "{totals}"
    );
    for entry in std::fs::read_dir(labels.path()).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_stem().unwrap().to_str().unwrap().to_string();
        assert!(out.contains(&name), "{name} missing from the full tables");
        assert!(!totals.contains(&name), "{name} named in the totals:\n{totals}");
    }
    let missing = attache(&["eval", labels.path().to_str().unwrap()]);
    assert!(!missing.status.success());
    assert!(stderr(&missing).contains("cannot read"), "{}", stderr(&missing));
}

/// A second labeling of the same texts is scored against the labels in place of the extraction: the labels
/// agree with themselves on every field, one topic dropped from the second labeling is one miss, and a
/// text the second labeling lacks is an error naming its file.
#[test]
fn eval_scores_a_second_labeling_against_the_first() {
    let dir = fixture("articles");
    let second = tempfile::tempdir().unwrap();
    let mut changed = None;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "json") {
            continue;
        }
        let mut labels: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let topics = labels["topics"].as_array_mut().unwrap();
        if changed.is_none() && topics.len() > 1 {
            topics.pop();
            changed = Some(path.file_stem().unwrap().to_str().unwrap().to_string());
        }
        std::fs::write(second.path().join(path.file_name().unwrap()), labels.to_string()).unwrap();
    }
    let changed = changed.expect("an article with two topics or more");
    let o = attache(&[
        "eval",
        dir.to_str().unwrap(),
        "--second-labels",
        second.path().to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("second labeling"), "{out}");
    // Dates as the text writes them are not read against each other.
    assert!(out.contains("not compared"), "{out}");
    let row = |name: &str| {
        out.lines()
            .find(|l| l.starts_with(name))
            .unwrap_or_else(|| panic!("{name} missing:\n{out}"))
            .split_whitespace()
            .filter_map(|n| n.parse::<f64>().ok())
            .collect::<Vec<_>>()
    };
    assert_eq!(row("quotes (with speaker)")[..3], [1.0, 1.0, 1.0], "{out}");
    assert_eq!(
        row("organizations (name + relation)")[..3],
        [1.0, 1.0, 1.0],
        "{out}"
    );
    let topics = row("topics");
    assert!(topics[0] == 1.0 && topics[1] < 1.0, "{out}");
    assert!(
        out.contains("topics missed: 0 beside a prediction with other bounds, 1 with none near"),
        "{out}"
    );
    let article = row(&changed);
    assert!(article[3] < 1.0, "{changed}: {article:?}\n{out}");
    std::fs::remove_file(second.path().join(format!("{changed}.json"))).unwrap();
    let o = attache(&[
        "eval",
        dir.to_str().unwrap(),
        "--second-labels",
        second.path().to_str().unwrap(),
    ]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains(&format!("{changed}.json")), "{}", stderr(&o));
}
