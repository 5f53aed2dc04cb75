//! Discord over HTTP interactions end to end: `attache` processes with `discord.interactions = "http"`,
//! and the Discord fake posting signed interactions to their `/discord/interactions` in turn, holding each
//! response to what Discord holds it to (a 200 with an interaction response of an allowed type within 3
//! seconds). Several instances share a real PostgreSQL ledger. Each test has a fake of its own, so tests
//! run side by side.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde_json::{Value, json};

use crate::fixture;
use discord_fake::{FakeDiscord, FakeOptions, Interaction, Invocation, Reply, Route};

const TOKEN_VAR: &str = "ATTACHE_TEST_DISCORD_TOKEN";
const DATABASE_VAR: &str = "ATTACHE_TEST_DATABASE_URL";
const MODERATOR_ROLE: u64 = 555_000_000_000_000_555;
const MEMBER: u64 = 222_000_000_000_000_222;
const WAIT: Duration = Duration::from_secs(20);
/// A valid Ed25519 public key that is not the fake application's (RFC 8032, test 1).
const OTHER_KEY: &str = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";

/// One `attache` instance taking interactions over HTTP; killed on drop, its log printed when the test
/// failed.
struct Instance {
    child: Child,
    port: u16,
    log: Arc<Mutex<String>>,
    lines: mpsc::Receiver<String>,
    _dir: tempfile::TempDir,
}

/// How an instance is started.
struct Setup<'a> {
    briefings: &'a std::path::Path,
    /// The PostgreSQL URL of a ledger shared with other instances; else a SQLite ledger of its own.
    database: Option<&'a str>,
    public_key: String,
    /// `RUST_LOG`, else the config's `attache=debug,info`.
    rust_log: Option<&'a str>,
}

impl Instance {
    fn start(fake: &FakeDiscord, setup: &Setup) -> Instance {
        let dir = tempfile::tempdir().unwrap();
        let config = dir.path().join("attache.toml");
        let database = setup
            .database
            .map(|_| format!("database_url_env = \"{DATABASE_VAR}\"\n"))
            .unwrap_or_default();
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
{database}
[http]
listen = "127.0.0.1:0"
metrics = true

[discord]
token_env = "{TOKEN_VAR}"
guilds = [{guild}]
moderator_roles = [{MODERATOR_ROLE}]
api_base = "{api}"
interactions = "http"
public_key = "{key}"
"#,
                briefings = setup.briefings.display(),
                data = dir.path().join("data").display(),
                guild = fake.guild_id(),
                api = fake.api_base(),
                key = setup.public_key,
            ),
        )
        .unwrap();
        let mut command = Command::new(env!("CARGO_BIN_EXE_attache"));
        command.env_remove("RUST_LOG");
        if let Some(filter) = setup.rust_log {
            command.env("RUST_LOG", filter);
        }
        if let Some(url) = setup.database {
            command.env(DATABASE_VAR, url);
        }
        let mut child = command
            .args(["--config", config.to_str().unwrap(), "run"])
            .env(TOKEN_VAR, fake.token())
            .env("NO_COLOR", "1")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("the attache binary starts");
        let (send, lines) = mpsc::channel();
        let log = Arc::new(Mutex::new(String::new()));
        let stderr = child.stderr.take().unwrap();
        let kept = log.clone();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                let mut log = kept.lock().unwrap();
                log.push_str(&line);
                log.push('\n');
                drop(log);
                let _ = send.send(line);
            }
        });
        let mut instance = Instance {
            child,
            port: 0,
            log,
            lines,
            _dir: dir,
        };
        let serving = instance.wait_line("http: serving on http://127.0.0.1:");
        instance.port = serving
            .rsplit(':')
            .next()
            .and_then(|p| p.trim().parse().ok())
            .expect("the log names the port");
        instance.wait_line("discord: interactions arrive at /discord/interactions");
        instance
    }

    /// Waits for a line of the log containing `needle`.
    fn wait_line(&self, needle: &str) -> String {
        loop {
            match self.lines.recv_timeout(WAIT) {
                Ok(line) if line.contains(needle) => return line,
                Ok(_) => {}
                Err(_) => panic!("no log line with {needle:?}:\n{}", self.log()),
            }
        }
    }

    fn url(&self) -> String {
        format!("http://127.0.0.1:{}/discord/interactions", self.port)
    }

    fn log(&self) -> String {
        self.log.lock().unwrap().clone()
    }

    /// A metric's value in `/metrics`, 0 when absent.
    fn metric(&self, name_and_labels: &str) -> f64 {
        let (_, text) = request(self.port, "GET", "/metrics", &[], b"");
        text.lines()
            .find_map(|l| l.strip_prefix(name_and_labels)?.trim().parse().ok())
            .unwrap_or(0.0)
    }
}

impl Drop for Instance {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        if std::thread::panicking() {
            eprintln!("--- instance log (port {}) ---\n{}", self.port, self.log());
        }
    }
}

/// One HTTP/1.1 request over a fresh connection: the status and the body.
fn request(port: u16, method: &str, path: &str, headers: &[(&str, &str)], body: &[u8]) -> (u16, String) {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).expect("the instance listens");
    let mut head = format!(
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Length: {}\r\n",
        body.len()
    );
    for (k, v) in headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes()).unwrap();
    // A server may refuse a body too large before reading it whole, and close.
    let _ = stream.write_all(body);
    let mut response = Vec::new();
    let _ = stream.read_to_end(&mut response);
    let text = String::from_utf8_lossy(&response).into_owned();
    let status = text
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("not an HTTP response: {text:?}"));
    let body = text
        .split_once("\r\n\r\n")
        .map(|(_, b)| b.to_string())
        .unwrap_or_default();
    (status, body)
}

fn unix_now() -> i64 {
    SystemTime::now().duration_since(UNIX_EPOCH).unwrap().as_secs() as i64
}

/// Posts `body` to the endpoint with these signature headers (each left out when `None`).
fn post_signed(
    instance: &Instance,
    signature: Option<&str>,
    timestamp: Option<&str>,
    body: &[u8],
) -> (u16, String) {
    let mut headers = vec![("Content-Type", "application/json")];
    headers.extend(signature.map(|s| ("X-Signature-Ed25519", s)));
    headers.extend(timestamp.map(|t| ("X-Signature-Timestamp", t)));
    request(instance.port, "POST", "/discord/interactions", &headers, body)
}

/// 25 fictional events: three pages of `/events`.
fn many_events() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for n in 1..=25 {
        std::fs::write(
            dir.path().join(format!("example-meetup-{n:02}.md")),
            format!("+++\ntitle = \"Example Meetup {n} (fictional)\"\ndate = 2020-01-{n:02}\n+++\nA fictional meetup.\n"),
        )
        .unwrap();
    }
    dir
}

/// A slash command by a member, with string options given as pairs.
fn member(fake: &FakeDiscord, name: &str, options: &[(&str, &str)]) -> Invocation {
    let options = options
        .iter()
        .map(|(k, v)| json!({"name": k, "type": 3, "value": v}))
        .collect();
    Invocation::new(fake.channel_id(), name)
        .user(MEMBER, "someone")
        .options(Value::Array(options))
}

/// Waits until the instances' leader has registered the commands (before that, no user can run one).
fn wait_commands(fake: &FakeDiscord) {
    let put = format!(
        "/applications/{}/guilds/{}/commands",
        fake.application_id(),
        fake.guild_id()
    );
    assert!(
        fake.wait_requests(WAIT, |r| r
            .iter()
            .any(|r| r.method == "PUT" && r.path == put && r.status == 200)),
        "the commands were never registered"
    );
}

/// Waits for the answer to `interaction` to settle (a deferral edited in).
fn answered(fake: &FakeDiscord, interaction: &Interaction, instances: &[&Instance]) -> Reply {
    fake.wait_reply(interaction, WAIT).unwrap_or_else(|| {
        let logs: Vec<String> = instances.iter().map(|i| i.log()).collect();
        panic!(
            "no answer; deliveries {:?}\n{}",
            fake.deliveries(),
            logs.join("\n---\n")
        )
    })
}

/// The delivery of `interaction`: the instance it went to and what Discord made of the response.
fn delivery(fake: &FakeDiscord, interaction: &Interaction) -> discord_fake::Delivery {
    fake.deliveries()
        .into_iter()
        .find(|d| d.interaction == interaction.id)
        .expect("the interaction was posted")
}

fn single(fake: &FakeDiscord, briefings: &std::path::Path, rust_log: Option<&str>) -> Instance {
    let instance = Instance::start(
        fake,
        &Setup {
            briefings,
            database: None,
            public_key: fake.verify_key(),
            rust_log,
        },
    );
    fake.deliver_over_http(&[instance.url()]);
    wait_commands(fake);
    instance
}

/// Only what Discord signed, recently and once, gets through: Discord's own endpoint check passes (a
/// PONG for a signed PING, 401 for a wrong signature); missing headers, a signature over another body, a
/// stale timestamp and a replay are 401, a body over 64 KiB is 413; each refusal is counted by reason.
#[test]
fn the_endpoint_takes_only_what_discord_signed_recently_and_once() {
    let fake = FakeDiscord::start();
    let instance = single(&fake, &fixture("corpus"), None);
    fake.check_endpoint(&instance.url())
        .expect("the endpoint passes Discord's check");

    let ping = json!({"id": "42", "application_id": fake.application_id().to_string(), "type": 1, "token": "x", "version": 1});
    let body = serde_json::to_vec(&ping).unwrap();
    let now = unix_now().to_string();
    let signature = fake.sign(&now, &body);

    assert_eq!(post_signed(&instance, None, None, &body).0, 401, "no headers");
    assert_eq!(
        post_signed(&instance, Some(&signature), None, &body).0,
        401,
        "no timestamp"
    );
    assert_eq!(
        post_signed(&instance, None, Some(&now), &body).0,
        401,
        "no signature"
    );
    let tampered = serde_json::to_vec(&json!({"type": 1, "id": "43"})).unwrap();
    assert_eq!(
        post_signed(&instance, Some(&signature), Some(&now), &tampered).0,
        401,
        "another body"
    );
    assert_eq!(
        post_signed(&instance, Some("zz"), Some(&now), &body).0,
        401,
        "not a signature"
    );
    let stale = (unix_now() - 6 * 60).to_string();
    let stale_signature = fake.sign(&stale, &body);
    assert_eq!(
        post_signed(&instance, Some(&stale_signature), Some(&stale), &body).0,
        401,
        "stale"
    );

    let (status, pong) = post_signed(&instance, Some(&signature), Some(&now), &body);
    assert_eq!((status, pong.as_str()), (200, r#"{"type":1}"#));
    assert_eq!(
        post_signed(&instance, Some(&signature), Some(&now), &body).0,
        401,
        "a replay"
    );

    let large = vec![b' '; 70 * 1024];
    let large_signature = fake.sign(&now, &large);
    assert_eq!(
        post_signed(&instance, Some(&large_signature), Some(&now), &large).0,
        413
    );

    let refused = |reason: &str| {
        instance.metric(&format!(
            "attache_discord_http_rejections_total{{reason=\"{reason}\"}}"
        ))
    };
    // Discord's check sent one wrong signature.
    assert_eq!(refused("unsigned"), 3.0);
    assert_eq!(refused("signature"), 3.0);
    assert_eq!(refused("stale"), 1.0);
    assert_eq!(refused("replay"), 1.0);
    assert_eq!(refused("too_large"), 1.0);
    assert_eq!(
        instance.metric("attache_discord_http_interactions_total{kind=\"ping\"}"),
        2.0
    );
}

/// A quick command is answered in the HTTP response itself; one whose work meets a 2-second rate limit
/// is deferred in the response, then edited in over REST; neither is called back over REST.
#[test]
fn a_command_is_answered_inline_and_a_slow_one_deferred_then_edited() {
    let fake = FakeDiscord::start();
    let instance = single(&fake, &fixture("corpus"), None);

    let quick = fake.slash(member(&fake, "events", &[]));
    let reply = answered(&fake, &quick, &[&instance]);
    assert_eq!(reply.kind, 4, "{reply:?}");
    assert!(!reply.text().is_empty());
    assert_eq!(delivery(&fake, &quick).outcome, Ok(4));

    let channel = fake.add_channel();
    fake.inject_429(
        Route::prefix("POST", &format!("/channels/{channel}/messages")),
        1,
        Duration::from_secs(2),
        false,
    );
    let digest = Invocation::new(fake.channel_id(), "digest")
        .user(MEMBER, "moderator")
        .roles(&[MODERATOR_ROLE])
        .options(json!([{"name": "event", "type": 3, "value": "infoforum"}, {"name": "target", "type": 3, "value": format!("discord:{channel}")}]));
    let slow = fake.slash(digest);
    let edited = fake.wait_reply_where(&slow, WAIT, |r| r.text().contains("Posted the digest"));
    let Some(reply) = edited else {
        panic!("never edited in: {:?}\n{}", fake.reply(&slow), instance.log());
    };
    assert_eq!(reply.kind, 5, "deferred first");
    assert_eq!(delivery(&fake, &slow).outcome, Ok(5));
    assert_eq!(fake.channel_messages(channel).len(), 1, "posted once");
    let callbacks = fake
        .requests()
        .iter()
        .filter(|r| r.path.starts_with("/interactions/"))
        .count();
    assert_eq!(callbacks, 0, "every first answer went in an HTTP response");
}

/// Guards against secrets in the log: with everything logged down to trace, the interactions posted to
/// the endpoint (a command, a deferred one, paging) leave no interaction token and not the bot's token in
/// the log.
#[test]
fn no_token_reaches_the_log_over_http() {
    let fake = FakeDiscord::start();
    let briefings = many_events();
    let filter = "debug,attache=trace,attache_core=trace,attache_discord=trace,attache_http=trace";
    let instance = single(&fake, briefings.path(), Some(filter));
    let list = answered(&fake, &fake.slash(member(&fake, "events", &[])), &[&instance]);
    let message = list.message.expect("a visible list");
    let next = message["components"][0]["components"][1]["custom_id"]
        .as_str()
        .expect("Next");
    let turned = answered(&fake, &fake.press(&message, next, MEMBER), &[&instance]);
    assert!(turned.text().contains("Page 2 of"), "{}", turned.text());
    answered(
        &fake,
        &fake.slash(member(&fake, "search", &[("query", "meetup")])),
        &[&instance],
    );

    let log = instance.log();
    assert!(log.contains("DEBUG"), "debug logging is on:\n{log}");
    let tokens = fake.interaction_tokens();
    assert_eq!(tokens.len(), 3);
    for (what, secret) in std::iter::once(("the bot token", fake.token().to_string()))
        .chain(tokens.into_iter().map(|t| ("an interaction token", t)))
    {
        assert!(!log.contains(&secret), "{what} is in the log:\n{log}");
    }
}

/// `count` instances sharing a fresh PostgreSQL ledger, the fake posting to them in turn.
fn shared_instances(fake: &FakeDiscord, briefings: &std::path::Path, count: usize) -> Vec<Instance> {
    let url = pg_harness::postgres().fresh_database();
    let instances: Vec<Instance> = (0..count)
        .map(|_| {
            Instance::start(
                fake,
                &Setup {
                    briefings,
                    database: Some(&url),
                    public_key: fake.verify_key(),
                    rust_log: None,
                },
            )
        })
        .collect();
    let urls: Vec<String> = instances.iter().map(Instance::url).collect();
    fake.deliver_over_http(&urls);
    wait_commands(fake);
    instances
}

/// A list made on one instance is turned by a Next pressed on another: its paging state is in the
/// shared ledger, not in the memory of the instance that made it.
#[test]
fn a_list_made_on_one_instance_turns_on_another() {
    let fake = FakeDiscord::start();
    let briefings = many_events();
    let instances = shared_instances(&fake, briefings.path(), 2);
    let all: Vec<&Instance> = instances.iter().collect();
    let made = fake.slash(member(&fake, "events", &[]));
    let list = answered(&fake, &made, &all);
    assert!(list.text().contains("Page 1 of"), "{}", list.text());
    let message = list.message.expect("a visible list");
    let next = message["components"][0]["components"][1]["custom_id"]
        .as_str()
        .expect("Next");
    let press = fake.press(&message, next, MEMBER);
    let turned = answered(&fake, &press, &all);
    assert_ne!(
        delivery(&fake, &made).endpoint,
        delivery(&fake, &press).endpoint,
        "the press went to the other instance"
    );
    assert_eq!(turned.kind, 7, "updated in place: {turned:?}");
    assert!(turned.text().contains("Page 2 of"), "{}", turned.text());
}

/// A burst of 200 interactions over three instances on one PostgreSQL ledger: each is posted once, to
/// the instances in turn, and answered once, in its HTTP response. What is asserted is exactly once, not
/// speed: 200 posted at the same instant to three debug builds on a shared machine may take longer than
/// Discord's 3 seconds to be read at all, so the fake waits longer here (the interactions per second
/// answered within Discord's limit are measured in `benches/interactions.rs`, on a release build).
#[test]
fn a_burst_of_200_over_three_instances_is_answered_once_each() {
    let fake = FakeDiscord::with_options(FakeOptions {
        callback_deadline: Duration::from_secs(30),
        ..FakeOptions::default()
    });
    let instances = shared_instances(&fake, &fixture("corpus"), 3);
    let burst: Vec<Interaction> = (0..200)
        .map(|n| match n % 3 {
            0 => fake.slash(member(&fake, "help", &[])),
            1 => fake.slash(member(&fake, "search", &[("query", "security")])),
            _ => fake.slash(member(&fake, "events", &[])),
        })
        .collect();
    let Some(deliveries) = fake.wait_deliveries(burst.len(), Duration::from_secs(120)) else {
        panic!("only {} of 200 answered", fake.deliveries().len());
    };
    let failed: Vec<_> = deliveries.iter().filter(|d| d.outcome.is_err()).collect();
    if !failed.is_empty() {
        let warnings: Vec<String> = instances
            .iter()
            .flat_map(|i| {
                i.log()
                    .lines()
                    .filter(|l| l.contains("WARN"))
                    .map(str::to_string)
                    .collect::<Vec<_>>()
            })
            .collect();
        panic!(
            "{} of 200 refused by Discord, the first: {:?}\nwarnings: {warnings:#?}",
            failed.len(),
            &failed[..failed.len().min(3)]
        );
    }
    let mut ids: Vec<u64> = deliveries.iter().map(|d| d.interaction).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), 200, "each posted once");
    for instance in &instances {
        let taken = deliveries.iter().filter(|d| d.endpoint == instance.url()).count();
        assert!((66..=67).contains(&taken), "{taken} went to {}", instance.url());
        let answered = instance.metric("attache_discord_http_interactions_total{kind=\"command\"}");
        assert_eq!(
            answered as usize, taken,
            "each instance took what was posted to it"
        );
    }
    for i in &burst {
        // A deferral (under load) counts once it is edited in.
        let reply = fake.wait_reply(i, WAIT).expect("answered");
        assert!(matches!(reply.kind, 4 | 5), "{reply:?}");
        assert!(!reply.text().is_empty(), "{reply:?}");
    }
    let callbacks = fake
        .requests()
        .iter()
        .filter(|r| r.path.starts_with("/interactions/"))
        .count();
    assert_eq!(callbacks, 0, "no answer was sent twice over REST");
}

/// `attache check` asks Discord for the application's public key and reports a `discord.public_key`
/// that is not it, naming the config line.
#[test]
fn check_reports_a_public_key_that_is_not_the_applications() {
    let fake = FakeDiscord::start();
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("attache.toml");
    let write = |key: &str| {
        std::fs::write(
            &config,
            format!(
                "[briefings]\ndir = {:?}\n[data]\ndir = {:?}\n[http]\nlisten = \"127.0.0.1:0\"\n[discord]\ntoken_env = \"{TOKEN_VAR}\"\napi_base = \"{}\"\ninteractions = \"http\"\npublic_key = \"{key}\"\n",
                fixture("corpus"),
                dir.path().join("data"),
                fake.api_base(),
            ),
        )
        .unwrap();
    };
    let check = || {
        Command::new(env!("CARGO_BIN_EXE_attache"))
            .args(["--config", config.to_str().unwrap(), "check"])
            .env(TOKEN_VAR, fake.token())
            .env("NO_COLOR", "1")
            .env_remove("RUST_LOG")
            .output()
            .expect("attache check runs")
    };
    write(OTHER_KEY);
    let wrong = check();
    let out = String::from_utf8_lossy(&wrong.stdout);
    let expected = format!(
        "{}:11: `discord.public_key` is not the application's public key ({})",
        config.display(),
        fake.verify_key()
    );
    assert!(out.contains(&expected), "{out}");
    assert!(!wrong.status.success());

    write(&fake.verify_key());
    let right = check();
    let out = String::from_utf8_lossy(&right.stdout);
    assert!(!out.contains("public_key"), "{out}");
    assert!(right.status.success(), "{out}");
}
