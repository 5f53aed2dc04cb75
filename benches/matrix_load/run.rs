//! One load run: the users and the floor; then each bot in turn, in a room of its own with the same users
//! and floor, against the same Synapse: started, warmed up, interleaved round trips to the bot and to the
//! floor, then the bursts; then the report on stdout.

use std::sync::Arc;
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use crate::bots::Bot;
use crate::burst::{Burst, burst};
use crate::clients::{Arrivals, Raw, Replies, TRIGGER, floor, sync_forever};
use crate::{Rss, cpu_seconds, report, rss_mib};
use synapse_harness::Synapse;
use synapse_harness::http::{call, enc};

const PASSWORD: &str = "load-password";
pub const COMMAND: &str = "!summary infoforum";
/// How long an answer may take before the run gives up; also the wait for a bot to come up.
pub const TIMEOUT: Duration = Duration::from_secs(60);

/// How much to measure.
#[derive(Debug, Clone, Copy)]
pub struct Counts {
    pub rounds: usize,
    pub burst: usize,
    /// The users the second burst is sent by (the first is one user's).
    pub burst_users: usize,
}

/// The users every bot meets: `senders[0]` is the user whose `/sync` times everything, the floor answers
/// [`TRIGGER`] and times the homeserver's own delivery.
pub struct Users {
    pub server: &'static Synapse,
    pub senders: Vec<Raw>,
    pub floor: Raw,
    pub replies: Arc<Replies>,
    pub arrivals: Arc<Arrivals>,
}

/// What was measured of one bot.
pub struct Figures {
    pub name: &'static str,
    pub parts: usize,
    pub to_bot: Vec<Duration>,
    pub to_floor: Vec<Duration>,
    /// Bot CPU per round (one command answered, the floor's trigger and answer seen), in seconds.
    pub round_cpu: f64,
    pub bursts: Vec<Burst>,
    pub rss_idle: Rss,
    pub rss_after: Rss,
}

pub async fn run(server: &'static Synapse, counts: Counts) {
    let users = users(server, counts.burst_users.max(1)).await;
    let loader = users.senders[0].session.user_id.clone();

    let room = floor_room(&users).await;
    let floor_sends = crate::sends::sends(&users, &room, counts.burst).await;

    let attache_id = match server.register_async("attache", PASSWORD, false).await {
        synapse_harness::admin::Registered::New(s) => s.user_id,
        synapse_harness::admin::Registered::Existing(id) => id,
    };
    server.override_ratelimit_async(&attache_id, 0, 0).await;
    let mut bot = Bot::attache(server, &attache_id, PASSWORD, &[&loader]);
    wait_for_device(server, &mut bot).await;
    let (attache, answer) = measure(&users, &mut bot, counts).await;
    drop(bot);

    let session = server.session("maubot", PASSWORD, false).await;
    server.override_ratelimit_async(&session.user_id, 0, 0).await;
    let mut bot = Bot::maubot(server, &session, "summary", &answer);
    bot.wait_for_ready_line().await;
    let (maubot, _) = measure(&users, &mut bot, counts).await;
    drop(bot);

    report::print(&[attache, maubot], counts);
    report::print_sends(&floor_sends);
    report::note_limited(&users.replies);
}

/// Registers the senders and the floor (rate limits lifted) and starts their syncs.
async fn users(server: &'static Synapse, senders: usize) -> Users {
    let mut raws = Vec::new();
    for i in 0..senders {
        let name = if i == 0 {
            "loader".to_owned()
        } else {
            format!("loader{i}")
        };
        raws.push(Raw::new(
            server.url(),
            server.session(&name, PASSWORD, false).await,
        ));
    }
    let instant = Raw::new(server.url(), server.session("floor", PASSWORD, false).await);
    for who in raws.iter().chain([&instant]) {
        server.override_ratelimit_async(&who.session.user_id, 0, 0).await;
    }
    let replies = Arc::new(Replies::default());
    let r = replies.clone();
    tokio::spawn(sync_forever(
        raws[0].clone(),
        move |_, event, at| r.record(event, at),
        replies.clone(),
    ));
    let arrivals = Arc::new(Arrivals::default());
    tokio::spawn(floor(instant.clone(), arrivals.clone()));
    Users {
        server,
        senders: raws,
        floor: instant,
        replies,
        arrivals,
    }
}

/// Measures `bot` in a room of its own; its figures, and its answer to [`COMMAND`] (content).
async fn measure(users: &Users, bot: &mut Bot, counts: Counts) -> (Figures, Value) {
    let room = room_with(users, bot).await;
    // Let the syncs see the room before the first command.
    tokio::time::sleep(Duration::from_millis(500)).await;
    let (parts, answer, bot_pongs) = warm_up(users, bot, &room).await;
    let rss_idle = rss_mib(bot.pid());

    let loader = &users.senders[0];
    let floor_id = users.floor.session.user_id.clone();
    let bot_id = bot.user_id.clone();
    let (mut to_bot, mut to_floor) = (Vec::new(), Vec::new());
    let cpu = cpu_seconds(bot.pid());
    for _ in 0..counts.rounds {
        let (took, _) = round_trip(users, loader, &room, COMMAND, &bot_id, parts, bot).await;
        to_bot.push(took);
        let (took, ping) = round_trip(users, loader, &room, TRIGGER, &floor_id, 1, bot).await;
        to_floor.push(took);
        if bot_pongs > 0 {
            wait_replies(&users.replies, &ping, &bot_id, bot_pongs, bot).await;
        }
    }
    let round_cpu = (cpu_seconds(bot.pid()) - cpu) / counts.rounds.max(1) as f64;
    to_bot.sort();
    to_floor.sort();

    let mut bursts = vec![burst(users, bot, &room, parts, 1, counts.burst).await];
    if counts.burst_users > 1 {
        bursts.push(burst(users, bot, &room, parts, counts.burst_users, counts.burst).await);
    }
    let figures = Figures {
        name: bot.name,
        parts,
        to_bot,
        to_floor,
        round_cpu,
        bursts,
        rss_idle,
        rss_after: rss_mib(bot.pid()),
    };
    (figures, answer)
}

/// One command to the bot and the trigger to the floor, each with its answer awaited and then 2 s of
/// quiet: how many events the bot's answer takes, its content, and how many the bot answers the trigger
/// with (it should not: the run then waits for those too, so the bot is idle when the next command goes).
async fn warm_up(users: &Users, bot: &mut Bot, room: &str) -> (usize, Value, usize) {
    let loader = &users.senders[0];
    let bot_id = bot.user_id.clone();
    let first = loader.send_text(room, COMMAND).await;
    wait_replies(&users.replies, &first, &bot_id, 1, bot).await;
    tokio::time::sleep(Duration::from_secs(2)).await;
    let answers = users.replies.replies(&first, &bot_id);
    let ping = loader.send_text(room, TRIGGER).await;
    wait_replies(&users.replies, &ping, &users.floor.session.user_id, 1, bot).await;
    tokio::time::sleep(Duration::from_secs(2)).await;
    let bot_pongs = users.replies.from(&ping, &bot_id).len();
    (answers.len(), answers[0].content.clone(), bot_pongs)
}

/// A room of the user and the floor, for the homeserver's own figures; returns once the floor has joined.
async fn floor_room(users: &Users) -> String {
    let room = new_room(users, "load floor", &[&users.floor], &[]).await;
    // Let the syncs see the room before the first send.
    tokio::time::sleep(Duration::from_millis(500)).await;
    room
}

/// A room of `bot`'s own with every user and the floor in it; returns once the bot has joined.
async fn room_with(users: &Users, bot: &mut Bot) -> String {
    let members: Vec<&Raw> = users.senders[1..].iter().chain([&users.floor]).collect();
    let name = format!("load {}", bot.name);
    let room = new_room(users, &name, &members, &[&bot.user_id]).await;
    wait_for_join(&users.senders[0], bot, &room).await;
    room
}

/// A room named `name`, made by the first user, with `members` invited and joined, and `invited` only
/// invited (a bot joins on its own).
async fn new_room(users: &Users, name: &str, members: &[&Raw], invited: &[&str]) -> String {
    let invite: Vec<&str> = invited
        .iter()
        .copied()
        .chain(members.iter().map(|m| m.session.user_id.as_str()))
        .collect();
    let body = json!({"name": name, "preset": "private_chat", "invite": invite});
    let room = users.senders[0].api("POST", "/createRoom", Some(&body)).await["room_id"]
        .as_str()
        .expect("a room id")
        .to_owned();
    for who in members {
        who.api("POST", &format!("/join/{}", enc(&room)), Some(&json!({})))
            .await;
    }
    room
}

/// Sends `body` and waits for `parts` replies from `from`; the time from before the send to the arrival
/// (in the user's sync) of the last part, and the id of the sent event.
async fn round_trip(
    users: &Users,
    sender: &Raw,
    room: &str,
    body: &str,
    from: &str,
    parts: usize,
    bot: &mut Bot,
) -> (Duration, String) {
    let sent = Instant::now();
    let id = sender.send_text(room, body).await;
    let arrivals = wait_replies(&users.replies, &id, from, parts, bot).await;
    (arrivals[parts - 1].duration_since(sent), id)
}

/// Waits until `from` has sent `parts` replies to `target`; their arrival times.
pub async fn wait_replies(
    replies: &Replies,
    target: &str,
    from: &str,
    parts: usize,
    bot: &mut Bot,
) -> Vec<Instant> {
    let missing = format!("no answer from {from} to {target}");
    // Arrival times are taken in the sync task: this poll's period does not enter the figures.
    bot.wait_for(&missing, TIMEOUT, Duration::from_millis(2), async || {
        let arrivals = replies.from(target, from);
        (arrivals.len() >= parts).then_some(arrivals)
    })
    .await
}

/// Waits until Attaché has logged in (it has a device), which its first start does with a password.
async fn wait_for_device(server: &Synapse, bot: &mut Bot) {
    let url = format!(
        "{}/_synapse/admin/v2/users/{}/devices",
        server.url(),
        enc(&bot.user_id)
    );
    let token = server.admin_token_async().await;
    bot.wait_for(
        "no device (login)",
        TIMEOUT,
        Duration::from_millis(100),
        async || {
            let devices = call("GET", &url, Some(&token), None)
                .await
                .expect("the admin API answers");
            (devices["total"].as_u64().unwrap_or(0) > 0).then_some(())
        },
    )
    .await
}

/// Waits until the bot has accepted the invite.
async fn wait_for_join(user: &Raw, bot: &mut Bot, room: &str) {
    let me = bot.user_id.clone();
    let path = format!("/rooms/{}/joined_members", enc(room));
    bot.wait_for("no join", TIMEOUT, Duration::from_millis(100), async || {
        let members = user.api("GET", &path, None).await;
        members["joined"].get(&me).is_some().then_some(())
    })
    .await
}
