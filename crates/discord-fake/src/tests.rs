//! Tests of the fake itself: that it rejects each documented violation with Discord's code and field
//! path, accepts what sits exactly at the limits, rate-limits and fails on demand, enforces the
//! interaction rules, speaks the gateway protocol to a raw WebSocket client (plain and compressed),
//! and serves a real serenity client end to end. Helpers here: a minimal blocking HTTP client (the
//! test binary has no HTTP client of its own) and a raw gateway client.

mod commands;
mod gateway;
mod interactions;
mod nonce;
mod rest;
mod serenity_client;
mod validation;

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::Duration;

use flate2::{Decompress, FlushDecompress};
use futures_util::{SinkExt, StreamExt};
use serde_json::{Value, json};
use tokio_tungstenite::tungstenite::Message;

use super::FakeDiscord;

/// A response as a test inspects it.
pub struct Resp {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Value,
}

impl Resp {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// Sends one HTTP/1.1 request to the fake (`path` under `/api/v10`), authorized as the bot when `auth`.
pub fn call(fake: &FakeDiscord, method: &str, path: &str, auth: bool, body: Option<&Value>) -> Resp {
    raw_call(
        fake,
        method,
        &format!("/api/v10{path}"),
        auth.then(|| format!("Bot {}", fake.token())),
        body.map(Value::to_string),
    )
}

pub fn raw_call(
    fake: &FakeDiscord,
    method: &str,
    path: &str,
    auth: Option<String>,
    body: Option<String>,
) -> Resp {
    let addr = fake.proxy_url().trim_start_matches("http://").to_string();
    let mut s = TcpStream::connect(&addr).expect("the fake listens");
    s.set_read_timeout(Some(Duration::from_secs(10)))
        .expect("a timeout");
    let body = body.unwrap_or_default();
    let mut req = format!(
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\nContent-Length: {}\r\n",
        body.len()
    );
    if !body.is_empty() {
        req.push_str("Content-Type: application/json\r\n");
    }
    if let Some(a) = auth {
        req.push_str(&format!("Authorization: {a}\r\n"));
    }
    req.push_str("\r\n");
    req.push_str(&body);
    s.write_all(req.as_bytes()).expect("request written");
    let mut raw = Vec::new();
    s.read_to_end(&mut raw).expect("response read");
    let text = String::from_utf8_lossy(&raw).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").expect("a complete response");
    let mut lines = head.lines();
    let status = lines
        .next()
        .and_then(|l| l.split(' ').nth(1))
        .and_then(|c| c.parse().ok())
        .expect("a status line");
    let headers = lines
        .filter_map(|l| l.split_once(": "))
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    let body = if body.is_empty() {
        Value::Null
    } else {
        serde_json::from_str(body).expect("a JSON body")
    };
    Resp {
        status,
        headers,
        body,
    }
}

/// Registers a guild command for tests that dispatch interactions.
pub fn register(fake: &FakeDiscord, command: Value) {
    let path = format!(
        "/applications/{}/guilds/{}/commands",
        fake.application_id(),
        fake.guild_id()
    );
    let r = call(fake, "POST", &path, true, Some(&command));
    assert!(matches!(r.status, 200 | 201), "{}", r.body);
}

/// `/event name:<string, autocomplete>` plus `/ping`.
pub fn register_basics(fake: &FakeDiscord) {
    register(
        fake,
        json!({"name": "event", "description": "Show an event", "options": [
            {"name": "name", "description": "Which event", "type": 3, "required": true, "autocomplete": true}]}),
    );
    register(
        fake,
        json!({"name": "ping", "description": "Check the bot answers"}),
    );
}

/// A raw gateway client, as a library would be underneath.
pub struct Gw {
    ws: tokio_tungstenite::WebSocketStream<tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>>,
    inflate: Decompress,
    pending: Vec<u8>,
    /// Binary (compressed) frames received so far.
    pub binary_frames: usize,
}

impl Gw {
    pub async fn connect(fake: &FakeDiscord, query: &str) -> Gw {
        let url = format!("{}/?{query}", fake.gateway_url());
        let (ws, _) = tokio_tungstenite::connect_async(url)
            .await
            .expect("the gateway accepts");
        Gw {
            ws,
            inflate: Decompress::new(true),
            pending: Vec::new(),
            binary_frames: 0,
        }
    }

    pub async fn send(&mut self, v: Value) {
        self.ws.send(Message::Text(v.to_string())).await.expect("sent");
    }

    /// The next payload; a close arrives as `{"close": code}`. Binary frames are inflated: as part of
    /// a zlib stream when they end in the sync-flush suffix, else as one zlib payload.
    pub async fn recv(&mut self) -> Value {
        loop {
            let msg = tokio::time::timeout(Duration::from_secs(5), self.ws.next())
                .await
                .expect("a gateway message within 5 s");
            match msg {
                Some(Ok(Message::Text(t))) => return serde_json::from_str(&t).expect("JSON"),
                Some(Ok(Message::Binary(b))) => {
                    self.binary_frames += 1;
                    self.pending.extend_from_slice(&b);
                    if !self.pending.ends_with(&[0, 0, 0xff, 0xff]) {
                        let mut out = String::new();
                        let mut dec = flate2::read::ZlibDecoder::new(&self.pending[..]);
                        if dec.read_to_string(&mut out).is_ok() {
                            self.pending.clear();
                            return serde_json::from_str(&out).expect("JSON");
                        }
                        continue;
                    }
                    let mut out = Vec::with_capacity(self.pending.len() * 8);
                    let input = std::mem::take(&mut self.pending);
                    let mut consumed = 0;
                    while consumed < input.len() {
                        out.reserve(4096);
                        let before = self.inflate.total_in();
                        self.inflate
                            .decompress_vec(&input[consumed..], &mut out, FlushDecompress::Sync)
                            .expect("inflate");
                        consumed += (self.inflate.total_in() - before) as usize;
                    }
                    return serde_json::from_slice(&out).expect("JSON");
                }
                Some(Ok(Message::Close(f))) => return json!({"close": f.map(|f| u16::from(f.code))}),
                Some(Ok(_)) => {}
                Some(Err(_)) | None => return json!({"close": null}),
            }
        }
    }

    /// Receives until a payload with op `op` (and event `t`, for dispatches), returning it.
    pub async fn until(&mut self, op: u64, t: Option<&str>) -> Value {
        loop {
            let v = self.recv().await;
            assert!(
                v.get("close").is_none(),
                "closed while waiting for op {op} {t:?}: {v}"
            );
            if v["op"] == op && t.is_none_or(|t| v["t"] == t) {
                return v;
            }
        }
    }

    /// Receives until the server closes, returning its close code.
    pub async fn until_close(&mut self) -> u16 {
        loop {
            if let Some(code) = self.recv().await.get("close") {
                return code
                    .as_u64()
                    .and_then(|c| u16::try_from(c).ok())
                    .expect("a close code");
            }
        }
    }

    pub async fn identify(&mut self, token: &str, compress: bool) -> Value {
        self.send(
            json!({"op": 2, "d": {"token": token, "intents": 1, "compress": compress,
            "properties": {"os": "linux", "browser": "test", "device": "test"}}}),
        )
        .await;
        self.until(0, Some("READY")).await
    }
}

/// A runtime for the raw clients of a plain test.
pub fn rt() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("a runtime")
}

/// A raw client that identified and then just reads, so interactions get delivered; it lives as
/// long as the returned runtime.
pub fn connected_client(fake: &FakeDiscord) -> tokio::runtime::Runtime {
    let rt = rt();
    let mut gw = rt.block_on(Gw::connect(fake, "v=10&encoding=json"));
    rt.block_on(gw.identify(fake.token(), false));
    rt.spawn(async move { while let Some(Ok(_)) = gw.ws.next().await {} });
    rt
}
