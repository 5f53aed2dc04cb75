//! The Discord adapter end to end: the `attache` binary connects to the Discord fake (REST and gateway) as
//! it would to Discord, and every test asserts what a Discord user would see.
//!
//! One fake serves the whole test binary; the tests take turns (one bot connected at a time, as the fake
//! dispatches interactions to the connected session), each with a bot process of its own that is killed
//! when the test ends, pass or fail.

use std::process::{Child, Command, Stdio};
use std::sync::{Mutex, MutexGuard, OnceLock};
use std::time::Duration;

use serde_json::{Value, json};

use crate::fixture;
use discord_fake::{FakeDiscord, GatewayEvent, Interaction, Invocation, Reply, Route};

const TOKEN_VAR: &str = "ATTACHE_TEST_DISCORD_TOKEN";
pub(crate) const MODERATOR_ROLE: u64 = 555_000_000_000_000_555;
const ADMIN: u64 = 111_000_000_000_000_111;
pub(crate) const MEMBER: u64 = 222_000_000_000_000_222;
const WAIT: Duration = Duration::from_secs(10);

pub(crate) fn fake() -> &'static FakeDiscord {
    static FAKE: OnceLock<FakeDiscord> = OnceLock::new();
    FAKE.get_or_init(FakeDiscord::start)
}

/// One bot at a time: a test holds this while its bot runs.
pub(crate) fn turn() -> MutexGuard<'static, ()> {
    static TURN: Mutex<()> = Mutex::new(());
    TURN.lock().unwrap_or_else(|e| e.into_inner())
}

/// A running bot, killed on drop; its log is printed when the test failed.
struct Bot {
    child: Child,
    log: std::path::PathBuf,
    _dir: tempfile::TempDir,
}

impl Bot {
    fn start(extra: &str) -> Bot {
        Bot::start_with(&fixture("corpus"), extra)
    }

    fn start_with(briefings: &std::path::Path, extra: &str) -> Bot {
        Bot::launch(briefings, extra, None)
    }

    /// A bot serving `briefings`, with `extra` in its `[discord]` section and `RUST_LOG` set to
    /// `rust_log` (else its config's `attache=debug,info`).
    fn launch(briefings: &std::path::Path, extra: &str, rust_log: Option<&str>) -> Bot {
        let fake = fake();
        let sessions = fake.ready_count();
        let dir = tempfile::tempdir().unwrap();
        let config = dir.path().join("attache.toml");
        std::fs::write(
            &config,
            format!(
                r#"[briefings]
dir = "{briefings}"
watch = false

[console]
enabled = "never"

[log]
filter = "attache=debug,info"

[data]
dir = "{data}"

[discord]
token_env = "{TOKEN_VAR}"
guilds = [{guild}]
moderator_roles = [{MODERATOR_ROLE}]
admins = [{ADMIN}]
api_base = "{api}"
{extra}
"#,
                briefings = briefings.display(),
                data = dir.path().join("data").display(),
                guild = fake.guild_id(),
                api = fake.api_base(),
            ),
        )
        .unwrap();
        let log = dir.path().join("bot.log");
        let mut command = Command::new(env!("CARGO_BIN_EXE_attache"));
        command.env_remove("RUST_LOG");
        if let Some(filter) = rust_log {
            command.env("RUST_LOG", filter);
        }
        let child = command
            .args(["--config", config.to_str().unwrap(), "run"])
            .env(TOKEN_VAR, fake.token())
            .env("NO_COLOR", "1")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(std::fs::File::create(&log).unwrap())
            .spawn()
            .expect("the attache binary starts");
        let bot = Bot {
            child,
            log,
            _dir: dir,
        };
        // A new session, not the one of the bot killed by the previous test, which the fake may not have
        // seen close yet: an interaction sent to that one would be lost.
        assert!(
            fake.wait_ready_after(sessions, WAIT),
            "the bot never connected to the fake gateway:\n{}",
            bot.log()
        );
        bot
    }

    fn log(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }

    /// Has the bot answer one more interaction and waits for that answer. The gateway delivers in order,
    /// so whatever the bot was going to do about earlier interactions it has had its turn to do: a check
    /// that nothing more was sent waits for this, not for time to pass. (An answer also shows the bot has
    /// read READY: the fake having sent it is not enough, as a close before serenity reads it leaves no
    /// session to resume.)
    fn settle(&self) {
        let i = fake().slash(member("help", &[]));
        assert!(
            fake().wait_reply(&i, WAIT).is_some(),
            "the bot stopped answering: {}",
            explain_missing(&i, self)
        );
    }
}

impl Drop for Bot {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        if std::thread::panicking() {
            eprintln!("--- bot log ---\n{}", self.log());
        }
    }
}

fn slash(user: u64, roles: &[u64], permissions: u64, name: &str, options: Value) -> Invocation {
    Invocation::new(fake().channel_id(), name)
        .user(user, "someone")
        .roles(roles)
        .permissions(permissions)
        .options(options)
}

/// `/digest infoforum target:discord:<channel>` by a member with the moderator role.
fn moderator_digest(channel: u64) -> Invocation {
    moderator_digest_of("infoforum", channel)
}

/// `/digest <event> target:discord:<channel>` by a member with the moderator role.
fn moderator_digest_of(event: &str, channel: u64) -> Invocation {
    slash(
        MEMBER,
        &[MODERATOR_ROLE],
        1024,
        "digest",
        json!([{"name": "event", "type": 3, "value": event}, {"name": "target", "type": 3, "value": format!("discord:{channel}")}]),
    )
}

/// How many times the bot answered `interaction`: its callbacks, less those refused for a rate limit or a
/// server error (which the bot rightly sends again). A second answer counts even though the fake refuses it
/// (40060). Call it after [`Bot::settle`].
fn answers(interaction: &Interaction) -> usize {
    fake()
        .requests()
        .iter()
        .filter(|r| r.path.starts_with(&format!("/interactions/{}/", interaction.id)))
        .filter(|r| r.status != 429 && r.status < 500)
        .count()
}

/// What the fake saw of an interaction that got no answer, and the bot's log, for the failure message.
fn explain_missing(interaction: &Interaction, bot: &Bot) -> String {
    let tried: Vec<String> = fake()
        .requests()
        .iter()
        .filter(|r| r.path.contains(&interaction.id.to_string()) || r.path.contains(&interaction.token))
        .map(|r| format!("{} {} -> {} {}", r.method, r.path, r.status, r.response))
        .collect();
    format!("requests for it: {tried:?}\n{}", bot.log())
}

/// The reply's callback as the bot sent it: type and data.
fn callback(reply: &Reply) -> Value {
    json!({"type": reply.kind, "data": reply.data})
}

/// `allowed_mentions` that let nothing ping.
fn no_pings() -> Value {
    json!({"parse": [], "users": [], "roles": []})
}

/// A slash command by a member, with string options given as pairs.
fn member(name: &str, options: &[(&str, &str)]) -> Invocation {
    let options = options
        .iter()
        .map(|(k, v)| json!({"name": k, "type": 3, "value": v}))
        .collect();
    slash(MEMBER, &[], 1024, name, Value::Array(options))
}

/// Ids and tokens change between runs; the rest of a payload is the snapshot.
fn masked(mut v: Value) -> Value {
    fn walk(v: &mut Value) {
        match v {
            Value::Object(m) => {
                for (k, x) in m.iter_mut() {
                    if k == "custom_id" || k == "id" || k == "token" {
                        *x = json!("<masked>");
                    } else if k == "value"
                        && x.as_str().is_some_and(|s| s.contains(" ago") || s.ends_with('s'))
                    {
                        // uptime
                        *x = json!("<masked>");
                    } else {
                        walk(x);
                    }
                }
            }
            Value::Array(a) => a.iter_mut().for_each(walk),
            _ => {}
        }
    }
    walk(&mut v);
    v
}

#[test]
fn registered_commands_pass_validation_and_are_written_only_when_changed() {
    let _turn = turn();
    let fake = fake();
    let writes = |fake: &FakeDiscord| {
        fake.requests()
            .iter()
            .filter(|r| r.method == "PUT" && r.path.contains("/commands"))
            .count()
    };
    let before = writes(fake);
    let bot = Bot::start("");
    let registered = fake.registered_commands(Some(fake.guild_id()));
    let names: Vec<&str> = registered.iter().filter_map(|c| c["name"].as_str()).collect();
    for spec in attache_core::catalogue::COMMANDS {
        assert!(
            names.contains(&spec.name),
            "{} not registered: {names:?}",
            spec.name
        );
    }
    // Every write was accepted: no 400 from the fake's validation.
    assert!(
        fake.requests()
            .iter()
            .filter(|r| r.path.contains("/commands"))
            .all(|r| r.status < 400),
        "{}",
        bot.log()
    );
    let after_first = writes(fake);
    assert!(after_first <= before + 1);
    drop(bot);
    let bot = Bot::start("");
    assert_eq!(
        writes(fake),
        after_first,
        "a restart with unchanged commands must not write them again"
    );
    drop(bot);
}

/// A member is answered in the language of their Discord client, and the commands they see are in it.
#[test]
fn a_member_is_answered_in_the_language_of_their_client() {
    let _turn = turn();
    let fake = fake();
    let briefings = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("briefings");
    let bot = Bot::start_with(&briefings, "");
    for (locale, heading, sponsor) in [
        ("ru", "Спонсоры", "Ассоциация кибербезопасности Китая"),
        ("zh-CN", "赞助方", "中国网络安全协会"),
        ("zh-TW", "赞助方", "中国网络安全协会"),
        ("en-US", "Sponsors", "Cybersecurity Association of China"),
    ] {
        let invocation = member("sponsors", &[("event", "infoforum")]).locale(locale);
        let i = fake.slash(invocation);
        let reply = fake
            .wait_reply(&i, WAIT)
            .unwrap_or_else(|| panic!("{locale}: {}", explain_missing(&i, &bot)));
        let text = discord_fake::message_text(&reply.data);
        assert!(
            text.contains(heading) && text.contains(sponsor),
            "{locale}: {text}"
        );
    }
    // A question in plain words, through /ask, is answered in its own language with the command it ran.
    let i = fake.slash(member("ask", &[("question", "кто спонсировал Инфофорум?")]));
    let reply = fake.wait_reply(&i, WAIT).expect("the question is answered");
    let text = discord_fake::message_text(&reply.data);
    assert!(text.contains("Ассоциация кибербезопасности Китая"), "{text}");
    assert!(text.contains("sponsors infoforum-shanghai-2018"), "{text}");
    // The registered commands carry Russian and Chinese names and descriptions, which the fake (holding
    // them to Discord's rules) accepted.
    let registered = fake.registered_commands(Some(fake.guild_id()));
    let sponsors = registered.iter().find(|c| c["name"] == "sponsors").unwrap();
    assert_eq!(sponsors["name_localizations"]["ru"], "спонсоры");
    assert_eq!(sponsors["name_localizations"]["zh-CN"], "赞助方");
    assert!(sponsors["options"][0]["description_localizations"]["zh-CN"].is_string());
}

#[test]
fn every_command_answered_with_an_embed() {
    let _turn = turn();
    let fake = fake();
    let bot = Bot::start("");
    let cases: Vec<(&str, Invocation)> = vec![
        ("help", member("help", &[])),
        ("events", member("events", &[])),
        ("briefing", member("briefing", &[("event", "infoforum")])),
        ("summary", member("summary", &[("event", "infoforum")])),
        (
            "topics",
            member("topics", &[("event", "infoforum-shanghai-2018")]),
        ),
        (
            "sponsors",
            member("sponsors", &[("event", "infoforum"), ("relation", "supporter")]),
        ),
        ("quotes", member("quotes", &[("speaker", "noskov")])),
        ("search", member("search", &[("query", "cloud security")])),
        ("summary-typo", member("summary", &[("event", "infofourm")])),
        ("digest-denied", member("digest", &[("event", "infoforum")])),
        ("reload-denied", member("reload", &[])),
    ];
    let mut asked = Vec::new();
    for (name, invocation) in cases {
        let interaction = fake.slash(invocation);
        let reply = fake
            .wait_reply(&interaction, WAIT)
            .unwrap_or_else(|| panic!("no answer to {name}: {}", explain_missing(&interaction, &bot)));
        let callback = callback(&reply);
        assert_eq!(callback["data"]["allowed_mentions"], no_pings(), "{name}");
        insta::assert_json_snapshot!(format!("discord-live-{name}"), masked(callback));
        asked.push((name, interaction));
    }
    bot.settle();
    for (name, interaction) in &asked {
        assert_eq!(answers(interaction), 1, "{name}: answered exactly once");
    }
}

#[test]
fn autocomplete_offers_matching_events_fast() {
    let _turn = turn();
    let fake = fake();
    let _bot = Bot::start("");
    let partial = slash(
        MEMBER,
        &[],
        1024,
        "summary",
        json!([{"name": "event", "type": 3, "value": "harb"}]),
    )
    .focused("event");
    let interaction = fake.autocomplete(partial);
    let reply = fake
        .wait_reply(&interaction, WAIT)
        .expect("autocomplete answered");
    assert_eq!(reply.kind, 8);
    let choices = reply.choices();
    let values: Vec<&str> = choices.iter().filter_map(|c| c["value"].as_str()).collect();
    assert_eq!(values.len(), 2, "{choices:?}");
    assert!(
        values.iter().all(|v| v.starts_with("example-harbour-summit")),
        "{values:?}"
    );
}

#[test]
fn moderator_commands_need_the_role_or_permission() {
    let _turn = turn();
    let fake = fake();
    let _bot = Bot::start("");
    let digest = |user, roles: &[u64], permissions| {
        let i = fake.slash(slash(
            user,
            roles,
            permissions,
            "digest",
            json!([{"name": "event", "type": 3, "value": "infoforum"}]),
        ));
        callback(&fake.wait_reply(&i, WAIT).expect("answered"))
    };
    let refused = digest(MEMBER, &[], 1024);
    assert_eq!(refused["data"]["flags"], 64, "a refusal is ephemeral: {refused}");
    assert!(
        refused["data"]["content"]
            .as_str()
            .unwrap()
            .contains("moderators only"),
        "{refused}"
    );
    let before = fake.channel_messages(fake.channel_id()).len();
    // Allowed by the role, then by Manage Messages: each posts the card here and says so to the moderator.
    for (roles, permissions) in [(&[MODERATOR_ROLE][..], 1024), (&[][..], 1024 | (1 << 13))] {
        let allowed = digest(MEMBER, roles, permissions);
        assert_eq!(
            allowed["data"]["flags"], 64,
            "the confirmation is ephemeral: {allowed}"
        );
        let text = discord_fake::message_text(&allowed["data"]);
        assert!(text.contains("Posted the digest"), "{allowed}");
    }
    let posted = fake.channel_messages(fake.channel_id());
    assert_eq!(posted.len(), before + 2, "two cards posted to the channel");
    for card in &posted[before..] {
        assert!(
            card["embeds"][0]["title"].as_str().unwrap().contains("Infoforum"),
            "{card}"
        );
    }
}

#[test]
fn paging_buttons_turn_pages_for_the_invoker_only_and_lapse() {
    let _turn = turn();
    let fake = fake();
    // 25 fictional events: three pages of `events`.
    let briefings = tempfile::tempdir().unwrap();
    for n in 1..=25 {
        std::fs::write(
            briefings.path().join(format!("example-meetup-{n:02}.md")),
            format!("+++\ntitle = \"Example Meetup {n} (fictional)\"\ndate = 2020-01-{n:02}\n+++\nA fictional meetup.\n"),
        )
        .unwrap();
    }
    let _bot = Bot::start_with(briefings.path(), "page_timeout_secs = 5");
    let interaction = fake.slash(member("events", &[]));
    let reply = fake.wait_reply(&interaction, WAIT).expect("answered");
    let message = reply.message.clone().expect("a visible message");
    let next = message["components"][0]["components"][1]["custom_id"]
        .as_str()
        .expect("a Next button")
        .to_string();
    let footer = |m: &Value| {
        m["embeds"][0]["footer"]["text"]
            .as_str()
            .unwrap_or_default()
            .to_string()
    };
    assert!(footer(&message).starts_with("Page 1 of"), "{message}");

    let stranger = fake.press(&message, &next, ADMIN);
    let refused = callback(&fake.wait_reply(&stranger, WAIT).expect("answered"));
    assert_eq!(refused["data"]["flags"], 64, "{refused}");
    assert!(
        refused["data"]["content"]
            .as_str()
            .unwrap()
            .contains("Only the person")
    );

    let press = fake.press(&message, &next, MEMBER);
    let turned = callback(&fake.wait_reply(&press, WAIT).expect("answered"));
    assert_eq!(turned["type"], 7, "the list is updated in place: {turned}");
    assert!(footer(&turned["data"]).starts_with("Page 2 of"), "{turned}");

    // After `page_timeout_secs` the buttons are removed, while the token still allows the edit.
    let lapsed = |r: &Reply| {
        r.message
            .as_ref()
            .is_some_and(|m| m["components"].as_array().is_none_or(Vec::is_empty))
    };
    let reply = fake.wait_reply_where(&interaction, Duration::from_secs(15), lapsed);
    assert!(
        reply.is_some(),
        "the buttons never lapsed: {:?}",
        fake.reply(&interaction)
    );
}

#[test]
fn a_burst_of_100_across_429s_is_answered_once_each() {
    let _turn = turn();
    let fake = fake();
    let bot = Bot::start("");
    fake.inject_429(
        Route::prefix("POST", "/interactions/"),
        5,
        Duration::from_millis(400),
        false,
    );
    let interactions: Vec<_> = (0..100)
        .map(|i| {
            fake.slash(member(
                "summary",
                &[("event", if i % 2 == 0 { "infoforum" } else { "harbour 2024" })],
            ))
        })
        .collect();
    let mut answered = 0;
    for i in &interactions {
        let reply = fake
            .wait_reply(i, WAIT)
            .unwrap_or_else(|| panic!("an interaction was lost:\n{}", bot.log()));
        let text = reply.text().to_lowercase();
        assert!(text.contains("infoforum") || text.contains("harbour"), "{text}");
        answered += 1;
    }
    assert_eq!(answered, 100);
    bot.settle();
    for i in &interactions {
        assert_eq!(answers(i), 1, "answered twice");
    }
    let limited = fake.requests().iter().filter(|r| r.status == 429).count();
    assert!(limited >= 5, "the 429s were not met ({limited})");
}

#[test]
fn a_dropped_gateway_resumes_and_the_next_interaction_is_answered() {
    let _turn = turn();
    let fake = fake();
    let bot = Bot::start("");
    bot.settle();
    // 4000: the bot resumes, and an interaction created while it was away is delivered on resume.
    fake.close_gateway(4000);
    let resumed = fake.slash(member("summary", &[("event", "infoforum")]));
    let reply = fake.wait_reply(&resumed, Duration::from_secs(20));
    assert!(reply.is_some(), "no answer after a resume:\n{}", bot.log());
    // 4009 (session timed out): the bot must identify again; the next interaction is answered.
    let sessions = fake.ready_count();
    fake.close_gateway(4009);
    assert!(
        fake.wait_ready_after(sessions, Duration::from_secs(20)),
        "no new session after 4009:\n{}",
        bot.log()
    );
    let i = fake.slash(member("summary", &[("event", "infoforum")]));
    let reply = fake.wait_reply(&i, WAIT);
    assert!(reply.is_some(), "no answer after a new session:\n{}", bot.log());
    bot.settle();
    assert_eq!(answers(&resumed), 1, "a replayed interaction is answered once");
    assert_eq!(answers(&i), 1);
    let log = fake.gateway_log();
    assert!(
        log.iter().any(|e| matches!(e, GatewayEvent::Resume { .. })),
        "a 4000 close is resumed: {log:?}"
    );
}

#[test]
fn a_digest_posts_to_a_channel_and_explains_a_refusal() {
    let _turn = turn();
    let fake = fake();
    let _bot = Bot::start("");
    let channel = fake.add_channel();
    let i = fake.slash(moderator_digest(channel));
    let reply = callback(&fake.wait_reply(&i, WAIT).expect("answered"));
    let text = discord_fake::message_text(&reply["data"]);
    assert!(text.contains("Posted the digest"), "{reply}");
    let posted = fake.channel_messages(channel);
    assert_eq!(posted.len(), 1);
    assert!(discord_fake::message_text(&posted[0]).contains("Infoforum"));
    let sent: Vec<_> = fake
        .requests()
        .into_iter()
        .filter(|r| r.method == "POST" && r.path == format!("/channels/{channel}/messages"))
        .collect();
    assert_eq!(sent.len(), 1);
    assert_eq!(
        sent[0].body["allowed_mentions"],
        no_pings(),
        "nothing the bot posts pings"
    );
    let denied = fake.add_channel();
    fake.deny_channel(denied);
    let i = fake.slash(moderator_digest(denied));
    let reply = callback(&fake.wait_reply(&i, WAIT).expect("answered"));
    let text = discord_fake::message_text(&reply["data"]);
    assert!(text.contains("missing permission"), "{reply}");
    assert!(text.contains("Send Messages"), "says what to grant: {reply}");
    assert!(fake.channel_messages(denied).is_empty());
}

/// The bot starts from the README's instructions: with the token set, `run` connects and serves.
#[test]
fn check_reports_a_missing_token() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("attache.toml");
    std::fs::write(&config, "[discord]\ntoken_env = \"ATTACHE_TEST_UNSET_TOKEN\"\n").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_attache"))
        .args([
            "--config",
            config.to_str().unwrap(),
            "--briefings",
            fixture("corpus").to_str().unwrap(),
            "check",
        ])
        .env_remove("ATTACHE_TEST_UNSET_TOKEN")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(!out.status.success());
    assert!(
        stdout.contains("[discord] cannot start") && stdout.contains("ATTACHE_TEST_UNSET_TOKEN"),
        "{stdout}"
    );
}

/// A connection whose heartbeats go unacknowledged is a zombie: the bot must drop it and connect again
/// (serenity identifies a new session rather than resuming), then answer the next interaction.
#[test]
fn missed_heartbeat_acks_lead_to_a_new_connection() {
    let _turn = turn();
    let fake = fake();
    let bot = Bot::start("");
    let seen = fake.gateway_log().len();
    fake.drop_heartbeat_acks(true);
    // The bot gives the zombie up and gets a session on a new connection: READY after an IDENTIFY, or
    // RESUMED. (A new connection alone is not enough: until its session is up, the fake still sends
    // dispatches to the old one, which it may not have seen close.)
    let reconnected = |log: &[GatewayEvent]| {
        log[seen..].iter().any(|e| {
            matches!(
                e,
                GatewayEvent::Identify { accepted: true, .. } | GatewayEvent::Resume { accepted: true, .. }
            )
        })
    };
    assert!(
        fake.wait_gateway(Duration::from_secs(30), reconnected),
        "the bot never noticed the missing ACKs:\n{}",
        bot.log()
    );
    fake.drop_heartbeat_acks(false);
    assert!(fake.wait_ready(Duration::from_secs(20)), "{}", bot.log());
    let i = fake.slash(member("summary", &[("event", "infoforum")]));
    assert!(
        fake.wait_reply(&i, Duration::from_secs(20)).is_some(),
        "{}",
        bot.log()
    );
    bot.settle();
    assert_eq!(answers(&i), 1);
}

#[test]
fn slow_work_is_deferred_then_edited_in() {
    let _turn = turn();
    let fake = fake();
    let bot = Bot::start("");
    let channel = fake.add_channel();
    // The post to the channel meets a 2-second rate limit, so the answer cannot be ready in time.
    fake.inject_429(
        Route::prefix("POST", &format!("/channels/{channel}/messages")),
        1,
        Duration::from_secs(2),
        false,
    );
    let i = fake.slash(moderator_digest(channel));
    let edited = fake.wait_reply_where(&i, WAIT, |r| r.text().contains("Posted the digest"));
    let Some(reply) = edited else {
        panic!("never edited in: {:?}\n{}", fake.reply(&i), bot.log());
    };
    assert_eq!(reply.kind, 5, "the interaction was deferred first");
    bot.settle();
    assert_eq!(
        fake.channel_messages(channel).len(),
        1,
        "posted once despite the 429"
    );
}

/// Guards against secrets in the log: interaction tokens were in every route key (so in rate-limit and
/// retry messages, and in errors), and reqwest's errors name the URL. With our crates logging at trace
/// and the rest at debug, commands, a 429 and a 502 on the callback and webhook routes, a deferred answer
/// edited in, autocomplete and paging leave neither the bot's token nor any interaction's in the log.
#[test]
fn no_token_reaches_the_log() {
    let _turn = turn();
    let fake = fake();
    let briefings = tempfile::tempdir().unwrap();
    for n in 1..=25 {
        std::fs::write(
            briefings.path().join(format!("example-meetup-{n:02}.md")),
            format!("+++\ntitle = \"Example Meetup {n} (fictional)\"\ndate = 2020-01-{n:02}\n+++\nA fictional meetup.\n"),
        )
        .unwrap();
    }
    let filter = "debug,attache=trace,attache_core=trace,attache_discord=trace";
    let bot = Bot::launch(briefings.path(), "", Some(filter));
    let answered = |i: &Interaction| {
        fake.wait_reply(i, WAIT)
            .unwrap_or_else(|| panic!("no answer: {}", explain_missing(i, &bot)))
    };
    fake.inject_429(
        Route::prefix("POST", "/interactions/"),
        1,
        Duration::from_millis(300),
        false,
    );
    answered(&fake.slash(member("summary", &[("event", "fictional meetup 7")])));
    fake.inject_5xx(Route::prefix("POST", "/interactions/"), 1, 502);
    answered(&fake.slash(member("search", &[("query", "meetup")])));
    let typing = slash(
        MEMBER,
        &[],
        1024,
        "summary",
        json!([{"name": "event", "type": 3, "value": "meet"}]),
    );
    answered(&fake.autocomplete(typing.focused("event")));

    // A digest whose post meets a 2-second limit is deferred, then edited in through the webhook route,
    // which answers 429 and then 502 first.
    let channel = fake.add_channel();
    fake.inject_429(
        Route::prefix("POST", &format!("/channels/{channel}/messages")),
        1,
        Duration::from_secs(2),
        false,
    );
    fake.inject_429(
        Route::prefix("PATCH", "/webhooks/"),
        1,
        Duration::from_millis(300),
        false,
    );
    fake.inject_5xx(Route::prefix("PATCH", "/webhooks/"), 1, 502);
    let deferred = answered(&fake.slash(moderator_digest_of("fictional meetup 3", channel)));
    assert!(
        deferred.kind == 5 && deferred.text().contains("Posted the digest"),
        "{deferred:?}"
    );

    let list = answered(&fake.slash(member("events", &[])));
    let message = list.message.expect("a visible list");
    let next = message["components"][0]["components"][1]["custom_id"]
        .as_str()
        .expect("Next");
    answered(&fake.press(&message, next, ADMIN));
    let turned = answered(&fake.press(&message, next, MEMBER));
    assert!(turned.text().contains("Page 2 of"), "{}", turned.text());

    let log = bot.log();
    for expected in ["discord answered", "discord rate limit", "retrying"] {
        assert!(log.contains(expected), "the log lacks {expected:?}:\n{log}");
    }
    assert!(
        log.contains(":token"),
        "routes name the token's place only:\n{log}"
    );
    let tokens = fake.interaction_tokens();
    assert!(tokens.len() >= 7);
    for (what, secret) in std::iter::once(("the bot token", fake.token().to_string()))
        .chain(tokens.into_iter().map(|t| ("an interaction token", t)))
    {
        assert!(!log.contains(&secret), "{what} is in the log:\n{log}");
    }
}
