//! The load run's raw clients: a user speaking the Client-Server API, a `/sync` loop that timestamps
//! every message on arrival, and the "instant floor" that answers `ping` with no processing at all.

use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Instant;

use serde_json::{Value, json};

use synapse_harness::Session;
use synapse_harness::http::{call_retrying, enc, txn_id};

/// A user speaking the raw Client-Server API; 429s are waited out and counted.
#[derive(Clone)]
pub struct Raw {
    pub base: String,
    pub session: Session,
    pub limited: Arc<AtomicUsize>,
}

impl Raw {
    pub fn new(base: String, session: Session) -> Raw {
        Raw {
            base,
            session,
            limited: Arc::default(),
        }
    }

    pub async fn api(&self, method: &str, path: &str, body: Option<&Value>) -> Value {
        let url = format!("{}/_matrix/client/v3{path}", self.base);
        call_retrying(
            method,
            &url,
            Some(&self.session.access_token),
            body,
            &self.limited,
        )
        .await
        .unwrap_or_else(|e| panic!("{e}"))
    }

    pub async fn send(&self, room: &str, content: Value) -> String {
        let path = format!("/rooms/{}/send/m.room.message/{}", enc(room), txn_id());
        let reply = self.api("PUT", &path, Some(&content)).await;
        reply["event_id"].as_str().expect("an event id").to_owned()
    }

    pub async fn send_text(&self, room: &str, body: &str) -> String {
        self.send(room, json!({"msgtype": "m.text", "body": body, "m.mentions": {}}))
            .await
    }
}

/// What one user's `/sync` delivered: every message's place in the order the sync gave them, and every
/// reply by the event it replies to.
#[derive(Default)]
pub struct Replies {
    inner: Mutex<Seen>,
    /// Syncs whose timeline was cut short, so that messages could have been missed.
    pub limited_syncs: AtomicUsize,
}

#[derive(Default)]
struct Seen {
    /// Messages in the order the sync delivered them: event id -> position.
    position: HashMap<String, usize>,
    /// Replies by target: (arrival, sender, position, content).
    by_target: HashMap<String, Vec<Reply>>,
}

/// One reply as the user's sync delivered it.
#[derive(Clone)]
pub struct Reply {
    pub arrival: Instant,
    pub sender: String,
    pub position: usize,
    pub content: Value,
}

impl Replies {
    pub fn record(&self, event: &Value, arrival: Instant) {
        let mut seen = self.inner.lock().unwrap();
        let position = seen.position.len();
        if let Some(id) = event["event_id"].as_str() {
            seen.position.insert(id.to_owned(), position);
        }
        let Some(target) = event["content"]["m.relates_to"]["m.in_reply_to"]["event_id"].as_str() else {
            return;
        };
        let reply = Reply {
            arrival,
            sender: event["sender"].as_str().unwrap_or_default().to_owned(),
            position,
            content: event["content"].clone(),
        };
        seen.by_target.entry(target.to_owned()).or_default().push(reply);
    }

    /// `sender`'s replies to `target`, in the order they arrived.
    pub fn replies(&self, target: &str, sender: &str) -> Vec<Reply> {
        let seen = self.inner.lock().unwrap();
        let mut replies: Vec<Reply> = seen
            .by_target
            .get(target)
            .map(|v| v.iter().filter(|r| r.sender == sender).cloned().collect())
            .unwrap_or_default();
        replies.sort_by_key(|r| r.position);
        replies
    }

    /// Arrival times of `sender`'s replies to `target`, in order.
    pub fn from(&self, target: &str, sender: &str) -> Vec<Instant> {
        self.replies(target, sender).iter().map(|r| r.arrival).collect()
    }

    /// Where the sync delivered `event`, if it did.
    pub fn position(&self, event: &str) -> Option<usize> {
        self.inner.lock().unwrap().position.get(event).copied()
    }
}

/// When the floor's sync first delivered each message: what the homeserver's own delivery is timed by.
#[derive(Default)]
pub struct Arrivals(Mutex<HashMap<String, Instant>>);

impl Arrivals {
    pub fn at(&self, event: &str) -> Option<Instant> {
        self.0.lock().unwrap().get(event).copied()
    }
}

/// Syncs as `who` from now on, forever, calling `on_message(room, event, arrival)` for each new room
/// message. The timeline limit is high so that a burst arrives whole; a cut is counted in `replies`.
pub async fn sync_forever(
    who: Raw,
    on_message: impl Fn(&str, &Value, Instant) + Send + 'static,
    replies: Arc<Replies>,
) {
    let filter = enc(&json!({
        "room": {"timeline": {"limit": 1000, "types": ["m.room.message"]},
                 "state": {"lazy_load_members": true}, "ephemeral": {"not_types": ["*"]}},
        "presence": {"not_types": ["*"]},
        "account_data": {"not_types": ["*"]},
    })
    .to_string());
    let first = who
        .api("GET", &format!("/sync?filter={filter}&timeout=0"), None)
        .await;
    let mut since = first["next_batch"].as_str().expect("next_batch").to_owned();
    loop {
        let path = format!("/sync?filter={filter}&timeout=30000&since={}", enc(&since));
        let reply = who.api("GET", &path, None).await;
        let now = Instant::now();
        for (room_id, room) in reply["rooms"]["join"].as_object().into_iter().flatten() {
            if room["timeline"]["limited"] == true {
                replies.limited_syncs.fetch_add(1, Ordering::Relaxed);
            }
            for event in room["timeline"]["events"].as_array().into_iter().flatten() {
                on_message(room_id, event, now);
            }
        }
        since = reply["next_batch"].as_str().expect("next_batch").to_owned();
    }
}

/// The floor's trigger: plain text, so that neither bot takes it for a command.
pub const TRIGGER: &str = "ping";

/// The instant floor: replies `pong` to every [`TRIGGER`] from someone else as soon as its sync shows it,
/// and notes when its sync delivered each message.
pub async fn floor(me: Raw, arrivals: Arc<Arrivals>) {
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel::<(String, String)>();
    let user = me.session.user_id.clone();
    let on_message = move |room: &str, event: &Value, at: Instant| {
        let id = event["event_id"].as_str().unwrap_or_default().to_owned();
        arrivals.0.lock().unwrap().entry(id.clone()).or_insert(at);
        if event["content"]["body"] == TRIGGER && event["sender"] != user.as_str() {
            let _ = tx.send((room.to_owned(), id));
        }
    };
    tokio::spawn(sync_forever(me.clone(), on_message, Arc::default()));
    while let Some((room, event_id)) = rx.recv().await {
        let me = me.clone();
        tokio::spawn(async move {
            let content = json!({"msgtype": "m.notice", "body": "pong",
                "m.relates_to": {"m.in_reply_to": {"event_id": event_id}}});
            me.send(&room, content).await;
        });
    }
}
