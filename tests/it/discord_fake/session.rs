//! The gateway protocol, apart from sockets: what to answer each opcode (HEARTBEAT, IDENTIFY, RESUME),
//! sessions with their sequence numbers and resume buffers, dispatches, and the faults tests inject.
//! A connection task (`gateway`) feeds it payloads and writes out the `Outbound` items it queues, in
//! order. Close codes and their "resume?" column follow the opcodes-and-status-codes docs.

use std::collections::{BTreeMap, HashMap};
use std::time::Instant;

use serde_json::{Value, json};
use tokio::sync::mpsc::UnboundedSender;

use super::payloads;
use super::state::{Shared, State};

/// What happened on the gateway, in order, for tests to assert on.
#[derive(Clone, Debug, PartialEq)]
pub enum GatewayEvent {
    /// A WebSocket connection was accepted, with the query string of its URL.
    Connected {
        conn: u64,
        query: String,
    },
    /// An IDENTIFY arrived; `accepted` is false when the token was wrong or the intents refused.
    Identify {
        conn: u64,
        intents: u64,
        compress: bool,
        accepted: bool,
    },
    /// A RESUME arrived; `replayed` counts the dispatches sent again.
    Resume {
        conn: u64,
        session_id: String,
        seq: u64,
        accepted: bool,
        replayed: usize,
    },
    Heartbeat {
        conn: u64,
        seq: Option<u64>,
        acked: bool,
    },
    /// A dispatch was sent (`delivered`) or buffered for a later resume or lost (`!delivered`).
    Dispatch {
        seq: Option<u64>,
        event: String,
        delivered: bool,
    },
    /// Another opcode from the client (presence, voice state, member requests).
    Payload {
        conn: u64,
        op: u64,
    },
    Reconnect {
        conn: u64,
    },
    InvalidSession {
        conn: u64,
    },
    /// The fake closed the connection with this code.
    ServerClose {
        conn: u64,
        code: u16,
    },
    /// The client closed the connection (with its close code, if it sent one).
    ClientClose {
        conn: u64,
        code: Option<u16>,
    },
    Disconnected {
        conn: u64,
    },
}

/// What a connection task must write, in order.
#[derive(Debug)]
pub(super) enum Outbound {
    Frame { text: String, compress: bool },
    Close(u16, &'static str),
}

#[derive(Default)]
pub(super) struct GatewayState {
    conns: BTreeMap<u64, Conn>,
    sessions: HashMap<String, Session>,
    current: Option<String>,
    /// Dispatches made while no resumable session existed: a new session does not get them.
    orphans: Vec<(String, Value, Option<u64>)>,
    pub log: Vec<GatewayEvent>,
    pub drop_acks: bool,
    /// READYs and RESUMEDs sent so far.
    pub ready_count: usize,
    pub identify_count: u64,
    next_conn: u64,
}

struct Conn {
    tx: UnboundedSender<Outbound>,
    session: Option<String>,
    /// `compress=zlib-stream` on the URL: the task compresses everything itself.
    transport: bool,
    /// `compress: true` in IDENTIFY: dispatches go out as zlib-compressed binary frames.
    payload: bool,
}

struct Session {
    seq: u64,
    buffer: Vec<(u64, Value, Option<u64>)>,
    resumable: bool,
    conn: Option<u64>,
}

fn frame(op: u64, t: Option<&str>, s: Option<u64>, d: Value) -> Value {
    json!({"op": op, "d": d, "s": s, "t": t})
}

/// Whether a session survives the fake closing its connection with `code` (the docs' "Resume"
/// column; codes outside the table, such as 1011, keep it).
fn resumable_after(code: u16) -> bool {
    !matches!(code, 1000 | 1001 | 4001 | 4003 | 4004 | 4005 | 4007 | 4009..=4014)
}

impl GatewayState {
    pub fn connect(&mut self, tx: UnboundedSender<Outbound>, query: &str, transport: bool) -> u64 {
        self.next_conn += 1;
        let id = self.next_conn;
        self.conns.insert(
            id,
            Conn {
                tx,
                session: None,
                transport,
                payload: false,
            },
        );
        self.log.push(GatewayEvent::Connected {
            conn: id,
            query: query.to_string(),
        });
        id
    }

    pub fn disconnect(&mut self, conn: u64) {
        if let Some(c) = self.conns.remove(&conn) {
            if let Some(s) = c.session.and_then(|sid| self.sessions.get_mut(&sid)) {
                if s.conn == Some(conn) {
                    s.conn = None;
                }
            }
            self.log.push(GatewayEvent::Disconnected { conn });
        }
    }

    /// A client is connected with an identified or resumed session.
    pub fn is_ready(&self) -> bool {
        self.conns.values().any(|c| c.session.is_some())
    }

    pub fn is_connected(&self) -> bool {
        !self.conns.is_empty()
    }

    fn send(&self, conn: u64, o: Outbound) {
        if let Some(c) = self.conns.get(&conn) {
            // The task may be gone already; its disconnect is logged separately.
            let _ = c.tx.send(o);
        }
    }

    fn send_frame(&self, conn: u64, f: &Value) {
        let compress = self.conns.get(&conn).is_some_and(|c| c.payload) && f["op"] == 0;
        self.send(
            conn,
            Outbound::Frame {
                text: f.to_string(),
                compress,
            },
        );
    }

    pub fn close_with(&mut self, conn: u64, code: u16, reason: &'static str) {
        self.send(conn, Outbound::Close(code, reason));
        self.log.push(GatewayEvent::ServerClose { conn, code });
        if let Some(sid) = self.conns.get(&conn).and_then(|c| c.session.clone()) {
            if let Some(s) = self.sessions.get_mut(&sid) {
                s.resumable &= resumable_after(code);
            }
        }
    }

    /// Connections serving a session, or every connection when none is identified yet.
    fn live(&self) -> Vec<u64> {
        let ready: Vec<u64> = self
            .conns
            .iter()
            .filter(|(_, c)| c.session.is_some())
            .map(|(id, _)| *id)
            .collect();
        if ready.is_empty() {
            self.conns.keys().copied().collect()
        } else {
            ready
        }
    }

    pub fn close_all(&mut self, code: u16) {
        for conn in self.live() {
            self.close_with(conn, code, "closed by the test");
        }
    }

    pub fn reconnect_all(&mut self) {
        for conn in self.live() {
            self.send_frame(conn, &frame(7, None, None, Value::Null));
            self.log.push(GatewayEvent::Reconnect { conn });
        }
    }

    /// The client closed the socket: 1000 and 1001 end the session, other codes keep it resumable.
    pub fn client_closed(&mut self, conn: u64, code: Option<u16>) {
        self.log.push(GatewayEvent::ClientClose { conn, code });
        if matches!(code, Some(1000 | 1001)) {
            if let Some(s) = self
                .conns
                .get(&conn)
                .and_then(|c| c.session.clone())
                .and_then(|sid| self.sessions.get_mut(&sid))
            {
                s.resumable = false;
            }
        }
    }
}

/// Sends a dispatch on the current session, or buffers it for a resume when no client is connected.
pub(super) fn dispatch(st: &mut State, event: &str, data: Value, interaction: Option<u64>) {
    let gw = &mut st.gateway;
    let Some(sess) = gw
        .current
        .as_ref()
        .and_then(|sid| gw.sessions.get_mut(sid))
        .filter(|s| s.resumable)
    else {
        gw.log.push(GatewayEvent::Dispatch {
            seq: None,
            event: event.to_string(),
            delivered: false,
        });
        gw.orphans.push((event.to_string(), data, interaction));
        return;
    };
    sess.seq += 1;
    let seq = sess.seq;
    let f = frame(0, Some(event), Some(seq), data);
    let conn = sess.conn;
    sess.buffer.push((seq, f.clone(), interaction));
    let delivered = conn.is_some_and(|c| gw.conns.contains_key(&c));
    if let Some(c) = conn.filter(|_| delivered) {
        gw.send_frame(c, &f);
        mark_delivered(st, interaction);
    }
    st.gateway.log.push(GatewayEvent::Dispatch {
        seq: Some(seq),
        event: event.to_string(),
        delivered,
    });
}

fn mark_delivered(st: &mut State, interaction: Option<u64>) {
    if let Some(rec) = interaction.and_then(|id| st.interactions.get_mut(&id)) {
        rec.delivered.get_or_insert_with(Instant::now);
    }
}

/// Handles one text payload from connection `conn`.
pub(super) fn on_text(shared: &Shared, st: &mut State, conn: u64, text: &str) {
    let Some(p) = serde_json::from_str::<Value>(text).ok().filter(Value::is_object) else {
        return st.gateway.close_with(conn, 4002, "Error while decoding payload.");
    };
    let identified = st.gateway.conns.get(&conn).is_some_and(|c| c.session.is_some());
    match p.get("op").and_then(Value::as_u64) {
        Some(1) => {
            let seq = p.get("d").and_then(Value::as_u64);
            let acked = !st.gateway.drop_acks;
            if acked {
                st.gateway.send_frame(conn, &frame(11, None, None, Value::Null));
            }
            st.gateway.log.push(GatewayEvent::Heartbeat { conn, seq, acked });
        }
        Some(2) if identified => st.gateway.close_with(conn, 4005, "Already authenticated."),
        Some(2) => identify(shared, st, conn, &p["d"]),
        Some(6) if identified => st.gateway.close_with(conn, 4005, "Already authenticated."),
        Some(6) => resume(shared, st, conn, &p["d"]),
        Some(op @ (3 | 4 | 8 | 31)) if identified => st.gateway.log.push(GatewayEvent::Payload { conn, op }),
        Some(3 | 4 | 8 | 31) => st.gateway.close_with(conn, 4003, "Not authenticated."),
        Some(_) => st.gateway.close_with(conn, 4001, "Unknown opcode."),
        None => st.gateway.close_with(conn, 4002, "Error while decoding payload."),
    }
}

fn token_ok(shared: &Shared, d: &Value) -> bool {
    let t = d.get("token").and_then(Value::as_str).unwrap_or_default();
    t.strip_prefix("Bot ").unwrap_or(t) == shared.token
}

/// All intents Discord defines: bits 0-16, 20, 21, 24, 25.
const KNOWN_INTENTS: u64 = 0x1_FFFF | (1 << 20) | (1 << 21) | (1 << 24) | (1 << 25);
/// GUILD_MEMBERS, GUILD_PRESENCES and MESSAGE_CONTENT need switching on in the developer portal.
const PRIVILEGED_INTENTS: u64 = (1 << 1) | (1 << 8) | (1 << 15);

fn identify(shared: &Shared, st: &mut State, conn: u64, d: &Value) {
    let intents = d.get("intents").and_then(Value::as_u64);
    let compress = d.get("compress").and_then(Value::as_bool).unwrap_or(false);
    let log = |st: &mut State, accepted| {
        st.gateway.log.push(GatewayEvent::Identify {
            conn,
            intents: intents.unwrap_or(0),
            compress,
            accepted,
        });
    };
    let shard = d.get("shard").filter(|s| !s.is_null());
    let refusal = if !token_ok(shared, d) {
        Some((4004, "Authentication failed."))
    } else if intents.is_none_or(|i| i & !KNOWN_INTENTS != 0) {
        Some((4013, "Invalid intent(s)."))
    } else if intents.is_some_and(|i| i & PRIVILEGED_INTENTS & !shared.opts.privileged_intents != 0) {
        Some((4014, "Disallowed intent(s)."))
    } else if shard.is_some_and(|s| s != &json!([0, 1])) {
        Some((4010, "Invalid shard."))
    } else {
        None
    };
    if let Some((code, reason)) = refusal {
        log(st, false);
        return st.gateway.close_with(conn, code, reason);
    }
    log(st, true);
    let sid = format!("{:032x}", st.snowflake().wrapping_mul(0x2545_F491_4F6C_DD1D));
    let gw = &mut st.gateway;
    gw.identify_count += 1;
    gw.ready_count += 1;
    gw.sessions.insert(
        sid.clone(),
        Session {
            seq: 0,
            buffer: Vec::new(),
            resumable: true,
            conn: Some(conn),
        },
    );
    gw.current = Some(sid.clone());
    if let Some(c) = gw.conns.get_mut(&conn) {
        c.session = Some(sid.clone());
        c.payload = compress && !c.transport;
    }
    dispatch(st, "READY", payloads::ready(shared, &sid, shard), None);
    let channels = st
        .channels
        .values()
        .enumerate()
        .map(|(i, ch)| {
            let last = st
                .messages
                .iter()
                .rev()
                .find(|(_, m)| m.channel == ch.id)
                .map(|(id, _)| *id);
            payloads::channel(shared, ch, i, last)
        })
        .collect();
    dispatch(st, "GUILD_CREATE", payloads::guild_create(shared, channels), None);
    if shared.opts.redeliver_on_identify {
        for (event, data, interaction) in std::mem::take(&mut st.gateway.orphans) {
            dispatch(st, &event, data, interaction);
        }
    }
}

fn resume(shared: &Shared, st: &mut State, conn: u64, d: &Value) {
    let sid = d
        .get("session_id")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string();
    let seq = d.get("seq").and_then(Value::as_u64).unwrap_or(0);
    let log = |st: &mut State, accepted, replayed| {
        st.gateway.log.push(GatewayEvent::Resume {
            conn,
            session_id: sid.clone(),
            seq,
            accepted,
            replayed,
        });
    };
    if !token_ok(shared, d) {
        log(st, false, 0);
        return st.gateway.close_with(conn, 4004, "Authentication failed.");
    }
    let gw = &mut st.gateway;
    let Some(sess) = gw.sessions.get_mut(&sid).filter(|s| s.resumable) else {
        gw.send_frame(conn, &frame(9, None, None, json!(false)));
        gw.log.push(GatewayEvent::InvalidSession { conn });
        return log(st, false, 0);
    };
    if seq > sess.seq {
        log(st, false, 0);
        return st.gateway.close_with(conn, 4007, "Invalid seq.");
    }
    // A session serves one connection: a resume moves it off the old one.
    let old = sess.conn.replace(conn);
    let missed: Vec<(Value, Option<u64>)> = sess
        .buffer
        .iter()
        .filter(|(s, _, _)| *s > seq)
        .map(|(_, f, i)| (f.clone(), *i))
        .collect();
    if let Some(c) = old.and_then(|o| gw.conns.get_mut(&o)) {
        c.session = None;
    }
    if let Some(c) = gw.conns.get_mut(&conn) {
        c.session = Some(sid.clone());
    }
    gw.current = Some(sid.clone());
    gw.ready_count += 1;
    for (f, _) in &missed {
        gw.send_frame(conn, f);
    }
    let replayed = missed.len();
    for (_, i) in missed {
        mark_delivered(st, i);
    }
    log(st, true, replayed);
    dispatch(
        st,
        "RESUMED",
        json!({"_trace": ["[\"gateway-fake\",{\"micros\":0}]"]}),
        None,
    );
}
