//! Test users as a Matrix client would be: each logs in once per process and keeps one device.
//!
//! Plain rooms go through the raw Client-Server API (fast, and a burst of sends can be fired at once);
//! encrypted rooms through a matrix-sdk client with its own sqlite store, which syncs in the background
//! from login on, so it uploads its keys, learns other devices and receives room keys like a real client:
//! what it sends is encrypted and what it reads is decrypted. Every 429 is waited out and counted.

use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use matrix_sdk::authentication::matrix::MatrixSession;
use matrix_sdk::config::SyncSettings;
use matrix_sdk::store::RoomLoadSettings;
use matrix_sdk::{Client, SessionMeta, SessionTokens};
use serde_json::{Value, json};

use super::e2ee;
use super::http::{call, call_retrying, enc, on_rt, txn_id};
use super::seen::{self, Seen};
use super::{Synapse, synapse};

/// A user logged in on a homeserver, shared by every test of the process that asks for the same name.
#[derive(Clone)]
pub struct TestUser {
    pub user_id: String,
    pub access_token: String,
    pub device_id: String,
    base: String,
    client: Client,
    /// 429s met (and waited out) by this user's requests.
    limited: Arc<AtomicUsize>,
    /// Whether each room the user touched is encrypted, so a send knows its way without asking.
    encrypted: Arc<Mutex<HashMap<String, bool>>>,
}

type Cell = Arc<tokio::sync::OnceCell<TestUser>>;

impl TestUser {
    /// `name` on the shared homeserver: registered if new, logged in once per process, and from then on
    /// the same user and device for every test that asks.
    pub async fn login(name: &str, password: &str) -> TestUser {
        Self::login_on(synapse(), name, password).await
    }

    /// [`TestUser::login`] on a given homeserver (e.g. a [`Synapse::dedicated`] one).
    pub async fn login_on(server: &Synapse, name: &str, password: &str) -> TestUser {
        static USERS: Mutex<Vec<(String, String, Cell)>> = Mutex::new(Vec::new());
        let cell = {
            let mut users = USERS.lock().unwrap();
            let base = server.url();
            match users.iter().find(|(b, n, _)| *b == base && n == name) {
                Some((_, _, cell)) => cell.clone(),
                None => {
                    let cell = Cell::default();
                    users.push((base, name.to_owned(), cell.clone()));
                    cell
                }
            }
        };
        cell.get_or_init(|| Self::connect(server, name, password))
            .await
            .clone()
    }

    async fn connect(server: &Synapse, name: &str, password: &str) -> TestUser {
        let session = server.session(name, password, false).await;
        let base = server.url();
        let store = server
            .dir()
            .join("clients")
            .join(format!("{name}-{}", session.device_id));
        let alive = server.alive();
        let s = session.clone();
        let url = base.clone();
        let client = on_rt(async move {
            let client = Client::builder()
                .homeserver_url(&url)
                .sqlite_store(&store, None)
                .build()
                .await
                .expect("a matrix-sdk client");
            let session = MatrixSession {
                meta: SessionMeta {
                    user_id: s.user_id.as_str().try_into().expect("a user id"),
                    device_id: s.device_id.as_str().into(),
                },
                tokens: SessionTokens {
                    access_token: s.access_token.clone(),
                    refresh_token: None,
                },
            };
            client
                .matrix_auth()
                .restore_session(session, RoomLoadSettings::default())
                .await
                .expect("restore the session");
            // The first sync uploads this device's keys, so others can share room keys with it from now.
            client
                .sync_once(SyncSettings::default())
                .await
                .expect("the first sync");
            tokio::spawn(sync_forever(client.clone(), alive));
            client
        })
        .await;
        TestUser {
            user_id: session.user_id,
            access_token: session.access_token,
            device_id: session.device_id,
            base,
            client,
            limited: Default::default(),
            encrypted: Default::default(),
        }
    }

    /// The matrix-sdk client behind this user (lives on the harness runtime: await it via `on_rt`).
    pub fn client(&self) -> &Client {
        &self.client
    }

    /// How many 429s this user's requests met and waited out, over the whole process.
    pub fn rate_limited(&self) -> usize {
        self.limited.load(Ordering::Relaxed)
    }

    fn url(&self, path: &str) -> String {
        format!("{}/_matrix/client/v3{path}", self.base)
    }

    /// A raw API call as this user, 429s waited out; panics on any other error, naming it.
    pub async fn api(&self, method: &str, path: &str, body: Option<&Value>) -> Value {
        call_retrying(
            method,
            &self.url(path),
            Some(&self.access_token),
            body,
            &self.limited,
        )
        .await
        .unwrap_or_else(|e| panic!("{} as {}: {e}", path, self.user_id))
    }

    /// A private room named `name`, `invite`d at creation (which Synapse does not rate-limit per
    /// invitee, unlike [`TestUser::invite`]); encrypted with Megolm if `encrypted`. The room id.
    pub async fn create_room(&self, name: &str, encrypted: bool, invite: &[&str]) -> String {
        let mut body = json!({"name": name, "preset": "private_chat", "invite": invite});
        if encrypted {
            body["initial_state"] = json!([{
                "type": "m.room.encryption",
                "state_key": "",
                "content": {"algorithm": "m.megolm.v1.aes-sha2"},
            }]);
        }
        let reply = self.api("POST", "/createRoom", Some(&body)).await;
        let room = reply["room_id"].as_str().expect("a room id").to_owned();
        self.encrypted.lock().unwrap().insert(room.clone(), encrypted);
        room
    }

    pub async fn invite(&self, room: &str, user: &str) {
        self.api(
            "POST",
            &format!("/rooms/{}/invite", enc(room)),
            Some(&json!({"user_id": user})),
        )
        .await;
    }

    /// Joins a room by id or alias.
    pub async fn join(&self, room: &str) {
        self.api("POST", &format!("/join/{}", enc(room)), Some(&json!({})))
            .await;
    }

    /// The room's `m.room.power_levels` content.
    pub async fn power_levels(&self, room: &str) -> Value {
        self.api(
            "GET",
            &format!("/rooms/{}/state/m.room.power_levels/", enc(room)),
            None,
        )
        .await
    }

    /// The level the power-levels event lists for `user`; `None` if unlisted (`users_default` applies,
    /// and room version 12 never lists the room's creators, who are above every level).
    pub async fn power_level(&self, room: &str, user: &str) -> Option<i64> {
        self.power_levels(room).await["users"][user].as_i64()
    }

    pub async fn set_power_level(&self, room: &str, user: &str, level: i64) {
        let mut levels = self.power_levels(room).await;
        levels["users"][user] = json!(level);
        let path = format!("/rooms/{}/state/m.room.power_levels/", enc(room));
        self.api("PUT", &path, Some(&levels)).await;
    }

    /// Whether `room` is encrypted, asked of the server once per room.
    pub async fn is_encrypted(&self, room: &str) -> bool {
        if let Some(&known) = self.encrypted.lock().unwrap().get(room) {
            return known;
        }
        let url = self.url(&format!("/rooms/{}/state/m.room.encryption/", enc(room)));
        let encrypted = match call("GET", &url, Some(&self.access_token), None).await {
            Ok(_) => true,
            Err(e) if e.status == 404 => false,
            // Not in the room (yet): do not remember a guess.
            Err(_) => return false,
        };
        self.encrypted.lock().unwrap().insert(room.to_owned(), encrypted);
        encrypted
    }

    /// Sends an `m.room.message` with `content` (encrypted where the room is); the event id.
    pub async fn send(&self, room: &str, content: Value) -> String {
        if self.is_encrypted(room).await {
            return e2ee::send(self.client.clone(), room, content, self.limited.clone()).await;
        }
        let path = format!("/rooms/{}/send/m.room.message/{}", enc(room), txn_id());
        let reply = self.api("PUT", &path, Some(&content)).await;
        reply["event_id"].as_str().expect("an event id").to_owned()
    }

    pub async fn send_text(&self, room: &str, body: &str) -> String {
        self.send(room, seen::plain("m.text", body)).await
    }

    pub async fn send_notice(&self, room: &str, body: &str) -> String {
        self.send(room, seen::plain("m.notice", body)).await
    }

    /// A reply to `in_reply_to` with a reply fallback in `body` and `formatted_body`, as Element sends.
    pub async fn send_reply(&self, room: &str, body: &str, in_reply_to: &str) -> String {
        let original = self.event(room, in_reply_to).await;
        self.send(room, seen::reply(room, &original, body)).await
    }

    /// A message in the thread of `thread_root`, falling back to a reply to the thread's newest message.
    pub async fn send_in_thread(&self, room: &str, body: &str, thread_root: &str) -> String {
        let messages = self.messages(room).await;
        let latest = messages
            .iter()
            .rev()
            .find(|m| m.thread_root.as_deref() == Some(thread_root))
            .map_or(thread_root, |m| m.event_id.as_str());
        self.send(room, seen::in_thread(body, thread_root, latest)).await
    }

    /// Edits `original` (an `m.replace`) to read `new_body`.
    pub async fn edit(&self, room: &str, original: &str, new_body: &str) -> String {
        self.send(room, seen::edit(original, new_body)).await
    }

    /// One message by id, decrypted if it was encrypted.
    pub async fn event(&self, room: &str, event_id: &str) -> Seen {
        if self.is_encrypted(room).await {
            return e2ee::event(self.client.clone(), room, event_id).await;
        }
        let event = self
            .api(
                "GET",
                &format!("/rooms/{}/event/{}", enc(room), enc(event_id)),
                None,
            )
            .await;
        Seen::from_event(&event, false).unwrap_or_else(|| panic!("{event_id} is not a message: {event}"))
    }

    /// Every `m.room.message` in the room as this user sees it now, oldest first, decrypted where
    /// needed (one it has no key for yet is there with `undecryptable`). See [`seen::after`].
    pub async fn messages(&self, room: &str) -> Vec<Seen> {
        if self.is_encrypted(room).await {
            return e2ee::messages(self.client.clone(), room).await;
        }
        let filter = enc(r#"{"types":["m.room.message"]}"#);
        let mut out = Vec::new();
        let mut from = String::new();
        loop {
            let path = format!(
                "/rooms/{}/messages?dir=b&limit=100&filter={filter}{from}",
                enc(room)
            );
            let page = self.api("GET", &path, None).await;
            let chunk = page["chunk"].as_array().cloned().unwrap_or_default();
            out.extend(chunk.iter().filter_map(|e| Seen::from_event(e, false)));
            match page["end"].as_str() {
                Some(end) if !chunk.is_empty() => from = format!("&from={}", enc(end)),
                _ => break,
            }
        }
        out.reverse();
        out
    }

    /// Polls [`TestUser::messages`] until `pred` holds or `timeout` passes; the messages either way.
    pub async fn wait_for(&self, room: &str, timeout: Duration, pred: impl Fn(&[Seen]) -> bool) -> Vec<Seen> {
        let deadline = Instant::now() + timeout;
        loop {
            let messages = self.messages(room).await;
            if pred(&messages) || Instant::now() >= deadline {
                return messages;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }
}

/// Keeps the client synced (to-device room keys, device lists) until its homeserver is dropped; rides
/// out a stopped server by trying again.
async fn sync_forever(client: Client, alive: std::sync::Weak<()>) {
    let settings = SyncSettings::default().timeout(Duration::from_secs(10));
    while alive.upgrade().is_some() {
        if client.sync_once(settings.clone()).await.is_err() {
            tokio::time::sleep(Duration::from_millis(250)).await;
        }
    }
}
