//! No input panics: not a chat line of any shape, not a briefing file of any bytes.

use std::path::Path;
use std::sync::OnceLock;

use attache_core::briefing::{ParseOptions, parse};
use attache_core::command::Role;
use attache_core::engine::Engine;
use proptest::prelude::*;

use crate::{engine_for, fixture};

fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| engine_for(fixture("corpus")))
}

/// Words that steer the parser into its interesting corners: command names, options, quotes, targets.
fn chat_word() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("help".to_string()),
        Just("events".to_string()),
        Just("quotes".to_string()),
        Just("sponsors".to_string()),
        Just("search".to_string()),
        Just("digest".to_string()),
        Just("summary".to_string()),
        Just("page:".to_string()),
        Just("speaker:".to_string()),
        Just("\"".to_string()),
        Just("“".to_string()),
        Just("'".to_string()),
        Just("matrix:!".to_string()),
        Just("2018".to_string()),
        Just("-1".to_string()),
        Just("99999999999999999999".to_string()),
        Just("infoforum".to_string()),
        "\\PC{0,12}",
        "[a-z:\"' ]{0,8}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn any_chat_line_gets_an_answer(words in proptest::collection::vec(chat_word(), 0..8), role in 0..3u8) {
        let line = words.join(" ");
        let role = [Role::Member, Role::Moderator, Role::Admin][role as usize];
        // `reload` reads files; fine here, the corpus does not change.
        let response = engine().handle(&line, role);
        prop_assert!(!response.blocks.is_empty());
        let _ = attache_core::render::terminal::render(&response, Default::default());
    }

    #[test]
    fn any_unicode_line_gets_an_answer(line in "\\PC{0,300}") {
        let response = engine().handle(&line, Role::Member);
        prop_assert!(!response.blocks.is_empty());
    }

    #[test]
    fn any_file_content_parses_or_fails_cleanly(bytes in proptest::collection::vec(any::<u8>(), 0..600), md in any::<bool>()) {
        let path = if md { Path::new("x.md") } else { Path::new("x.txt") };
        let _ = parse(path, &bytes, &ParseOptions::default());
    }

    #[test]
    fn any_front_matter_text_parses_or_fails_cleanly(text in "\\+\\+\\+\n[a-z_ =\"\\[\\]\n0-9.,{}-]{0,200}(\n\\+\\+\\+\n)?\\PC{0,100}") {
        let _ = parse(Path::new("x.md"), text.as_bytes(), &ParseOptions::default());
    }
}
