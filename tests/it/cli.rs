//! The `attache` command line, run as a user would.

use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use crate::{attache, copy_dir, fixture, stderr, stdout};

#[test]
fn ask_answers_about_the_shipped_infoforum_briefing_by_id_and_by_name() {
    for event in [
        "infoforum-shanghai-2018",
        "infoforum",
        "Infoforum Shanghai",
        "9th infoforum-china",
    ] {
        let o = attache(&["ask", "sponsors", event]);
        assert!(o.status.success(), "{event}: {}", stderr(&o));
        let out = stdout(&o);
        for name in [
            "Cybersecurity Association of China",
            "Cloud Security Alliance (Great China Region)",
            "Security Council of the Russian Federation",
            "Committee of the Russian State Duma for Security and Anti-Corruption",
            "Ministry of International Affairs",
            "Ministry of Telecom and Mass Communication",
        ] {
            assert!(out.contains(name), "{event}: {name} missing from\n{out}");
        }
    }
    let quotes = stdout(&attache(&["ask", "quotes infoforum"]));
    assert!(quotes.contains(
        "Konstantin Noskov, Russian Minister of Digital Development, Communications and Mass Media"
    ));
    let topics = stdout(&attache(&["ask", "/topics", "infoforum"]));
    assert!(
        topics.contains(" 8. Training directions for Information Security specialists"),
        "{topics}"
    );
    let summary = stdout(&attache(&["ask", "!summary infoforum"]));
    assert!(
        summary.contains("Shanghai") && summary.contains("great potential"),
        "{summary}"
    );
    let card = stdout(&attache(&["ask", "briefing infoforum"]));
    assert!(
        card.contains("9th Infoforum-China") && card.contains("Supporters"),
        "{card}"
    );
}

#[test]
fn a_misspelt_event_is_answered_with_a_suggestion_and_exit_1() {
    let o = attache(&["ask", "sponsors infofourm"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("No briefing `infofourm`. Did you mean `infoforum-shanghai-2018`?"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn a_usage_error_exits_2_and_shows_the_usage() {
    let o = attache(&["ask", "sponsors"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("Usage: `sponsors <event> [relation]`"),
        "{}",
        stderr(&o)
    );
    let o = attache(&["ask", "sponsers infoforum"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("Did you mean `sponsors`?"));
}

#[test]
fn check_passes_on_the_shipped_config_and_briefings() {
    let o = attache(&["check"]);
    assert!(o.status.success(), "{}{}", stdout(&o), stderr(&o));
    assert!(stdout(&o).contains("0 problems"), "{}", stdout(&o));
}

#[test]
fn check_reports_a_broken_config_with_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("attache.toml");
    std::fs::write(&path, "[briefings]\ndir = \"briefings\"\nwach = true\n").unwrap();
    let o = attache(&["check", "--config", path.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let expected = format!("{}:3: unknown key `wach`, did you mean `watch`?", path.display());
    assert!(stdout(&o).contains(&expected), "{}", stdout(&o));
    // Every other command refuses to start on it, and says how to see why.
    let o = attache(&["ask", "--config", path.to_str().unwrap(), "status"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("attache check"), "{}", stderr(&o));
}

#[test]
fn show_json_prints_the_model_with_nulls_for_unknowns() {
    let o = attache(&["show", "infoforum", "--json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["id"], "infoforum-shanghai-2018");
    assert_eq!(v["event"], "9th Infoforum-China");
    assert_eq!(v["location"], "Shanghai");
    assert!(v["date"].is_null() && v["end_date"].is_null() && v["source"].is_null());
    assert_eq!(v["language"], "en");
    assert_eq!(v["topics"].as_array().unwrap().len(), 8);
    assert_eq!(v["quotes"][0]["speaker"], "Konstantin Noskov");
    assert_eq!(v["sponsors"][2]["relation"], "supporter");
    assert_eq!(v["path"], "briefings/infoforum-shanghai-2018.md");
    assert_eq!(v["extracted"], serde_json::json!([]));
    assert_eq!(v["aliases"][0], "Инфофорум");
    // Every key of the documented model, in the documented order.
    let text = stdout(&o);
    let positions: Vec<usize> = [
        "id",
        "aliases",
        "title",
        "event",
        "date",
        "end_date",
        "location",
        "theme",
        "language",
        "tags",
        "summary",
        "source",
        "quotes",
        "sponsors",
        "topics",
        "links",
        "path",
        "extracted",
        "notes",
    ]
    .iter()
    .map(|k| {
        text.find(&format!("\n  \"{k}\":"))
            .unwrap_or_else(|| panic!("no top-level `{k}`"))
    })
    .collect();
    assert!(
        positions.windows(2).all(|w| w[0] < w[1]),
        "keys out of order:\n{text}"
    );
    assert_eq!(v.as_object().unwrap().len(), positions.len());
    let o = attache(&["show", "nothing-like-this", "--json"]);
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn extract_json_gets_the_seed_article_right_and_marks_what_came_from_the_text() {
    let seed = fixture("infoforum-shanghai-2018.txt");
    let o = attache(&["extract", seed.to_str().unwrap(), "--json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(
        v["title"],
        "Infoforum Shanghai 2018: China and Russia to Collaborate on New Digital Economy Technologies"
    );
    assert_eq!(v["id"], "infoforum-shanghai-2018");
    assert_eq!(v["event"], "9th Infoforum-China");
    assert_eq!(v["location"], "Shanghai");
    assert_eq!(
        v["theme"],
        "One Belt One Road: Cooperation in Digital Economy and Information Security"
    );
    assert!(v["date"].is_null(), "the article states no date");

    let quotes = v["quotes"].as_array().unwrap();
    assert_eq!(quotes.len(), 1, "only Noskov's words are speech: {quotes:#?}");
    assert_eq!(quotes[0]["speaker"], "Konstantin Noskov");
    assert_eq!(
        quotes[0]["role"],
        "Russian Minister of Digital Development, Communications and Mass Media"
    );
    let text = quotes[0]["text"].as_str().unwrap();
    assert!(
        text.starts_with("Today’s information and communications technologies (ICT)"),
        "{text}"
    );
    assert!(
        text.ends_with("bilateral cooperation in digital economy."),
        "{text}"
    );

    let orgs: Vec<(&str, &str)> = v["sponsors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| (s["name"].as_str().unwrap(), s["relation"].as_str().unwrap()))
        .collect();
    assert_eq!(
        orgs,
        [
            ("Cybersecurity Association of China", "sponsor"),
            ("Cloud Security Alliance (Great China Region)", "sponsor"),
            ("Security Council of the Russian Federation", "supporter"),
            (
                "Committee of the Russian State Duma for Security and Anti-Corruption",
                "supporter"
            ),
            ("Ministry of International Affairs", "supporter"),
            ("Ministry of Telecom and Mass Communication", "supporter"),
        ]
    );
    let topics: Vec<&str> = v["topics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["title"].as_str().unwrap())
        .collect();
    assert_eq!(topics.len(), 8, "{topics:#?}");
    assert_eq!(
        topics[0],
        "Digital Economy: Global Risks and International Cooperation"
    );
    assert_eq!(
        topics[7],
        "Training directions for Information Security specialists"
    );

    let summary = v["summary"].as_str().unwrap();
    assert!(
        summary.contains("great potential") && summary.contains("Konstantin Noskov"),
        "{summary}"
    );
    let extracted: Vec<&str> = v["extracted"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|f| f.as_str())
        .collect();
    assert_eq!(
        extracted,
        [
            "title", "event", "location", "theme", "summary", "quotes", "sponsors", "topics"
        ]
    );

    // The one doubtful item: Noskov is named only through "he stated that".
    let notes = v["notes"].as_array().unwrap();
    assert_eq!(notes.len(), 1, "{notes:#?}");
    assert_eq!(notes[0]["field"], "quotes");
    assert!(
        notes[0]["note"].as_str().unwrap().contains("pronoun"),
        "{notes:#?}"
    );

    let broken = fixture("bad/unknown-key.md");
    let o = attache(&["extract", broken.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("unknown-key.md:4: unknown key `sponsers`"),
        "{}",
        stderr(&o)
    );
}

/// What front matter states wins; only what it leaves out is extracted, and only that is marked.
#[test]
fn front_matter_wins_and_extraction_fills_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let article = std::fs::read_to_string(fixture("infoforum-shanghai-2018.txt")).unwrap();
    let (_, body) = article.split_once('\n').unwrap();
    let path = dir.path().join("partial.md");
    std::fs::write(
        &path,
        format!("+++\ntitle = \"Stated Title\"\nlocation = \"Stated Place\"\n+++\n{body}"),
    )
    .unwrap();
    let o = attache(&["extract", path.to_str().unwrap(), "--json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["title"], "Stated Title");
    assert_eq!(v["location"], "Stated Place");
    assert_eq!(v["event"], "9th Infoforum-China");
    let extracted: Vec<&str> = v["extracted"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|f| f.as_str())
        .collect();
    assert!(
        !extracted.contains(&"title") && !extracted.contains(&"location"),
        "{extracted:?}"
    );
    assert!(
        extracted.contains(&"event") && extracted.contains(&"quotes"),
        "{extracted:?}"
    );
}

/// The briefing's language is the text's own unless front matter states it (it used to be `en` for every
/// article without front matter).
#[test]
fn extract_sets_the_language_from_the_text_unless_front_matter_states_it() {
    let dir = tempfile::tempdir().unwrap();
    let articles = [
        (
            "ru.txt",
            "Форум в Казани\n\nФорум прошёл при поддержке министерства цифрового развития.",
            "ru",
        ),
        (
            "zh.txt",
            "论坛在上海开幕\n\n本次论坛由上海市人民政府主办，双方就数字经济交换了意见。",
            "zh",
        ),
        (
            "stated.md",
            "+++\nlanguage = \"en\"\n+++\n# Форум\n\nФорум прошёл при поддержке министерства.",
            "en",
        ),
    ];
    for (name, text, language) in articles {
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        let o = attache(&["extract", path.to_str().unwrap(), "--json"]);
        assert!(o.status.success(), "{}", stderr(&o));
        let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        assert_eq!(v["language"], language, "{name}");
    }
}

/// Reads the bot's stdout on a thread, so the test can wait for a line without blocking forever.
fn lines_of(child: &mut std::process::Child) -> mpsc::Receiver<String> {
    let (tx, rx) = mpsc::channel();
    let out = child.stdout.take().unwrap();
    std::thread::spawn(move || {
        for line in BufReader::new(out).lines().map_while(Result::ok) {
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    rx
}

/// Waits for a line containing `needle`, up to `limit` (a bound against hanging, not a speed test).
fn wait_for(rx: &mpsc::Receiver<String>, needle: &str, limit: Duration) -> Result<String, Vec<String>> {
    let deadline = Instant::now() + limit;
    let mut seen = Vec::new();
    while let Some(left) = deadline.checked_duration_since(Instant::now()) {
        match rx.recv_timeout(left) {
            Ok(line) if line.contains(needle) => return Ok(line),
            Ok(line) => seen.push(line),
            Err(_) => break,
        }
    }
    Err(seen)
}

#[test]
fn run_without_platforms_falls_back_to_the_console_and_picks_up_a_dropped_file() {
    let dir = copy_dir(&fixture("corpus"));
    let mut child = Command::new(env!("CARGO_BIN_EXE_attache"))
        .args(["--briefings", dir.path().to_str().unwrap()])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let rx = lines_of(&mut child);
    let mut stdin = child.stdin.take().unwrap();
    wait_for(
        &rx,
        "starting the console with 3 briefings",
        Duration::from_secs(20),
    )
    .expect("fallback line");

    std::fs::write(
        dir.path().join("dropped.md"),
        "+++\ntitle = \"Dropped While Running (fictional example)\"\nlocation = \"Example Town\"\n+++\n",
    )
    .unwrap();
    // Ask until the watcher has reloaded; the file must be served without a restart.
    let deadline = Instant::now() + Duration::from_secs(15);
    let mut found = false;
    while Instant::now() < deadline && !found {
        writeln!(stdin, "summary dropped").unwrap();
        found = wait_for(&rx, "Example Town", Duration::from_millis(500)).is_ok();
    }
    assert!(found, "the dropped briefing was never served");
    writeln!(stdin, "quit").unwrap();
    let status = child.wait().unwrap();
    assert!(status.success());
}

#[test]
fn console_accepts_chat_prefixes_and_stops_at_end_of_input() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_attache"))
        .arg("console")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    {
        let mut stdin = child.stdin.take().unwrap();
        writeln!(stdin, "/topics infoforum\n!quotes noskov\nstatus").unwrap();
    }
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("Digital Economy: Global Risks and International Cooperation"),
        "{text}"
    );
    assert!(text.contains("Quotes by Konstantin Noskov"), "{text}");
    assert!(text.contains("console (connected)"), "{text}");
}

#[test]
fn the_readme_example_briefing_parses_as_documented() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let start = readme.find("```markdown\n").expect("an example in the README") + "```markdown\n".len();
    let example = &readme[start..start + readme[start..].find("\n```").unwrap()];
    let b = attache_core::briefing::parse(
        std::path::Path::new("x.md"),
        example.as_bytes(),
        &Default::default(),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(b.id, "harbour-summit-2024");
    assert_eq!(b.topics[1].description.as_deref(), Some("For small ports"));
    assert_eq!(
        b.sponsors[0].relation,
        attache_core::briefing::Relation::Organizer
    );
    assert_eq!(b.extracted, []);
}

#[test]
fn sigterm_stops_the_bot_cleanly() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_attache"))
        .arg("run")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let rx = lines_of(&mut child);
    wait_for(&rx, "starting the console", Duration::from_secs(20)).expect("started");
    let killed = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let deadline = Instant::now() + Duration::from_secs(10);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        assert!(Instant::now() < deadline, "still running 10 s after SIGTERM");
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(status.success(), "{status:?}");
}

#[test]
fn a_config_file_change_applies_while_running_and_a_broken_one_is_rejected_keeping_the_old() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("attache.toml");
    let write_config = |name: &str| {
        std::fs::write(
            &config,
            format!(
                "[bot]\nname = \"{name}\"\n\n[briefings]\ndir = \"{briefings}\"\ndebounce_ms = 100\n\n[data]\ndir = \"{data}\"\n",
                briefings = fixture("corpus").display(),
                data = dir.path().join("data").display(),
            ),
        )
        .unwrap();
    };
    write_config("Before");
    let mut child = Command::new(env!("CARGO_BIN_EXE_attache"))
        .args(["--config", config.to_str().unwrap(), "run"])
        .env("NO_COLOR", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let rx = lines_of(&mut child);
    let mut stdin = child.stdin.take().unwrap();
    wait_for(&rx, "starting the console", Duration::from_secs(20)).expect("the console starts");
    // Asks `status` until a line containing `needle` comes back (the watcher reloads after a debounce).
    let mut status_until = |needle: &str| {
        let deadline = Instant::now() + Duration::from_secs(15);
        while Instant::now() < deadline {
            writeln!(stdin, "status").unwrap();
            if wait_for(&rx, needle, Duration::from_millis(500)).is_ok() {
                return true;
            }
        }
        false
    };

    write_config("After");
    assert!(
        status_until("After status"),
        "an edited config file was not applied while running"
    );
    std::fs::write(&config, "[bot]\nname = \"Broken\"\nnot toml at all\n").unwrap();
    assert!(
        status_until("config change was rejected"),
        "status did not say the broken config was rejected"
    );
    assert!(
        status_until("attache.toml:3"),
        "the rejection does not name the file and line"
    );
    assert!(
        status_until("After status"),
        "the running config was not kept after a broken change"
    );
    writeln!(stdin, "quit").unwrap();
    drop(stdin);
    assert!(child.wait().unwrap().success());
}
