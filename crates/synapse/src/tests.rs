//! The harness tests itself against the real Synapse: start, users, plain and encrypted rooms, power
//! levels, rate limits met and lifted, restart, and teardown when the test process dies.
//!
//! Each test has its own users: rate limits and 429 counts are per user, and tests run in parallel.

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use super::seen::after;
use super::{Seen, Synapse, TestUser, synapse};

const PW: &str = "test-password";
const WAIT: Duration = Duration::from_secs(20);

#[test]
fn synapse_starts_and_answers_versions() {
    let s = synapse();
    assert!(s.is_up(), "{}", s.log_tail(20));
    assert_eq!(s.url(), format!("http://127.0.0.1:{}", s.port()));
    assert_eq!(s.server_name(), "localhost");
}

#[tokio::test]
async fn users_register_and_log_in_once_per_process() {
    let first = TestUser::login("st-once", PW).await;
    let again = TestUser::login("st-once", PW).await;
    assert_eq!(first.user_id, "@st-once:localhost");
    assert_eq!(
        (&first.device_id, &first.access_token),
        (&again.device_id, &again.access_token)
    );
    // Registering a taken name is not an error (`--exists-ok`).
    assert_eq!(synapse().register("st-once", PW, false), "@st-once:localhost");
    let whoami = first.api("GET", "/account/whoami", None).await;
    assert_eq!(whoami["device_id"], first.device_id.as_str());
    assert_eq!(
        first.client().device_id().map(|d| d.to_string()),
        Some(first.device_id.clone())
    );
    // The admin API knows the user, and that it is no admin.
    let s = synapse();
    let url = format!(
        "{}/_synapse/admin/v2/users/{}",
        s.url(),
        super::http::enc(&first.user_id)
    );
    let token = s.admin_token();
    let user = super::http::call("GET", &url, Some(&token), None)
        .await
        .expect("the admin API answers");
    assert_eq!(user["admin"], false);
}

#[tokio::test]
async fn a_plain_room_carries_texts_replies_threads_notices_and_edits() {
    let alice = TestUser::login("st-plain-a", PW).await;
    let bob = TestUser::login("st-plain-b", PW).await;
    let room = alice.create_room("plain", false, &[&bob.user_id]).await;
    bob.join(&room).await;
    let hello = alice.send_text(&room, "hello <bob>").await;
    let seen = bob
        .wait_for(&room, WAIT, |m| m.iter().any(|s| s.event_id == hello))
        .await;
    let msg = seen
        .iter()
        .find(|s| s.event_id == hello)
        .expect("bob sees alice's message");
    assert_eq!(
        (msg.sender.as_str(), msg.msgtype.as_str()),
        (alice.user_id.as_str(), "m.text")
    );
    assert_eq!(msg.body, "hello <bob>");
    assert!(!msg.encrypted);

    let reply = bob.send_reply(&room, "hi alice", &hello).await;
    let thread = bob.send_in_thread(&room, "in thread", &hello).await;
    let notice = bob.send_notice(&room, "a notice").await;
    let edit = bob.edit(&room, &notice, "an edited notice").await;
    let seen = alice
        .wait_for(&room, WAIT, |m| m.iter().any(|s| s.event_id == edit))
        .await;
    let later: &[Seen] = after(&seen, &hello);
    assert_eq!(later.len(), 4, "{later:#?}");
    let r = &later[0];
    assert_eq!(
        (r.event_id.as_str(), r.in_reply_to.as_deref()),
        (reply.as_str(), Some(hello.as_str()))
    );
    assert_eq!(r.body, "> <@st-plain-a:localhost> hello <bob>\n\nhi alice");
    assert_eq!(r.body_without_fallback(), "hi alice");
    let html = r.formatted_body.as_deref().expect("an HTML body");
    assert!(
        html.starts_with("<mx-reply><blockquote>") && html.contains("hello &lt;bob&gt;"),
        "{html}"
    );
    assert!(html.ends_with("</mx-reply>hi alice"), "{html}");
    assert_eq!(
        r.mentions.as_ref().map(|m| m.user_ids.clone()),
        Some(vec![alice.user_id.clone()])
    );
    assert_eq!(
        (later[1].event_id.as_str(), later[1].thread_root.as_deref()),
        (thread.as_str(), Some(&*hello))
    );
    assert_eq!(
        (later[2].msgtype.as_str(), later[2].body.as_str()),
        ("m.notice", "a notice")
    );
    assert_eq!(later[3].replaces.as_deref(), Some(notice.as_str()));
    assert_eq!(later[3].content["m.new_content"]["body"], "an edited notice");
}

#[tokio::test]
async fn in_an_encrypted_room_the_other_user_reads_decrypted_messages() {
    let alice = TestUser::login("st-e2ee-a", PW).await;
    let bob = TestUser::login("st-e2ee-b", PW).await;
    let room = alice.create_room("secret", true, &[&bob.user_id]).await;
    bob.join(&room).await;
    let hello = alice.send_text(&room, "a secret").await;
    let seen = bob
        .wait_for(&room, WAIT, |m| {
            m.iter().any(|s| s.event_id == hello && !s.undecryptable)
        })
        .await;
    let msg = seen
        .iter()
        .find(|s| s.event_id == hello)
        .expect("bob sees the message");
    assert!(msg.encrypted && !msg.undecryptable, "{msg:#?}");
    assert_eq!(
        (msg.body.as_str(), msg.sender.as_str()),
        ("a secret", alice.user_id.as_str())
    );

    // On the wire it is ciphertext: the server never saw the body.
    let path = format!(
        "/rooms/{}/event/{}",
        super::http::enc(&room),
        super::http::enc(&hello)
    );
    let raw = bob.api("GET", &path, None).await;
    assert_eq!(raw["type"], "m.room.encrypted");
    assert!(!raw.to_string().contains("a secret"));

    let reply = bob.send_reply(&room, "got it", &hello).await;
    let seen = alice
        .wait_for(&room, WAIT, |m| {
            m.iter().any(|s| s.event_id == reply && !s.undecryptable)
        })
        .await;
    let r = seen
        .iter()
        .find(|s| s.event_id == reply)
        .expect("alice sees the reply");
    assert_eq!(
        (r.body_without_fallback(), r.in_reply_to.as_deref()),
        ("got it", Some(hello.as_str()))
    );
    assert!(r.encrypted);
}

#[tokio::test]
async fn a_power_level_is_set_and_read_back() {
    let alice = TestUser::login("st-pl-a", PW).await;
    let bob = TestUser::login("st-pl-b", PW).await;
    let room = alice.create_room("levels", false, &[]).await;
    alice.invite(&room, &bob.user_id).await;
    bob.join(&room).await;
    assert_eq!(alice.power_level(&room, &bob.user_id).await, None);
    alice.set_power_level(&room, &bob.user_id, 50).await;
    assert_eq!(bob.power_level(&room, &bob.user_id).await, Some(50));
}

#[tokio::test]
async fn rate_limits_are_waited_out_and_an_override_lifts_them() {
    let flood = TestUser::login("st-flood", PW).await;
    let room = flood.create_room("flood", false, &[]).await;
    // Synapse's default lets 10 actions through at once (the room creation was one), then one every 5 s:
    // 11 messages at once meet at least one 429 and take about 10 s.
    let bodies: Vec<String> = (0..31).map(|i| format!("m{i}")).collect();
    let sent = futures_util::future::join_all(bodies[..11].iter().map(|b| flood.send_text(&room, b))).await;
    let limited = flood.rate_limited();
    assert!(
        limited > 0,
        "11 quick messages met no 429: are the default rate limits in force?"
    );
    // Sent at once, they arrive in any order, but every one arrives, once.
    let mut seen: Vec<String> = flood.messages(&room).await.into_iter().map(|s| s.body).collect();
    seen.sort_by_key(|b| b[1..].parse::<u32>().unwrap());
    assert_eq!(seen, bodies[..11]);

    synapse().override_ratelimit(&flood.user_id, 50, 100);
    let burst = futures_util::future::join_all(bodies[11..].iter().map(|b| flood.send_text(&room, b))).await;
    assert_eq!(
        flood.rate_limited(),
        limited,
        "the override did not lift the limit"
    );
    assert_eq!(flood.messages(&room).await.len(), sent.len() + burst.len());
}

#[tokio::test]
async fn a_stopped_server_starts_again_on_the_same_port_with_the_same_users() {
    let server = Synapse::dedicated();
    let carol = TestUser::login_on(&server, "st-carol", PW).await;
    let room = carol.create_room("kept", false, &[]).await;
    let before = carol.send_text(&room, "before").await;
    let url = server.url();
    server.stop();
    assert!(!server.is_up());
    server.start();
    assert!(server.is_up());
    assert_eq!(server.url(), url);
    // The old access token still works, and the room kept its message.
    let again = carol.send_text(&room, "after").await;
    let bodies: Vec<_> = carol
        .messages(&room)
        .await
        .into_iter()
        .map(|s| (s.event_id, s.body))
        .collect();
    assert_eq!(bodies, [(before, "before".into()), (again, "after".into())]);
}

/// Not a test on its own: the child process of the next test, holding a server until it is killed.
#[test]
#[ignore = "run by killed_test_process_takes_synapse_and_its_data_with_it"]
fn hold_a_server_until_killed() {
    let server = Synapse::dedicated();
    println!(
        "HELD {} {}",
        server.pid().expect("running"),
        server.dir().display()
    );
    std::thread::sleep(Duration::from_secs(120));
}

#[test]
fn killed_test_process_takes_synapse_and_its_data_with_it() {
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args([
            "--ignored",
            "--exact",
            "--nocapture",
            "tests::hold_a_server_until_killed",
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut out = std::io::BufReader::new(child.stdout.take().unwrap());
    let held = std::iter::from_fn(|| {
        let mut line = String::new();
        (std::io::BufRead::read_line(&mut out, &mut line).unwrap_or(0) > 0).then_some(line)
    })
    .find_map(|l| l.strip_prefix("HELD ").map(|rest| rest.trim().to_owned()))
    .expect("the child reports its server");
    let (pid, dir) = held.split_once(' ').unwrap();
    assert!(std::path::Path::new(&format!("/proc/{pid}")).exists());
    child.kill().unwrap(); // SIGKILL: no unwinding, no Drop, no atexit.
    child.wait().unwrap();
    let deadline = Instant::now() + Duration::from_secs(30);
    while (watchdog::alive(pid.parse().unwrap()) || std::path::Path::new(dir).exists())
        && Instant::now() < deadline
    {
        std::thread::sleep(Duration::from_millis(100));
    }
    assert!(
        !watchdog::alive(pid.parse().unwrap()),
        "Synapse {pid} outlived its test process"
    );
    assert!(
        !std::path::Path::new(dir).exists(),
        "{dir} outlived its test process"
    );
}
