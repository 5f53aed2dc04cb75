//! Gateway sessions, apart from sockets: connections and the sessions they serve, sequence numbers and
//! resume buffers, dispatches, and the faults tests inject (closes, RECONNECT, unanswered heartbeats).
//! `handshake` answers what clients send; a connection task (`gateway`) writes out the `Outbound`
//! items queued here, in order. Close codes and their "resume?" column follow the
//! opcodes-and-status-codes docs.

use std::collections::{BTreeMap, HashMap};

use serde_json::{Value, json};
use tokio::sync::mpsc::UnboundedSender;

use super::state::State;

/// What happened on the gateway, in order, for tests to assert on.
#[derive(Clone, Debug, PartialEq)]
pub enum GatewayEvent {
    /// A WebSocket connection was accepted, with the query string of its URL.
    Connected {
        conn: u64,
        query: String,
    },
    /// An IDENTIFY arrived; `accepted` is false when the token was wrong or the intents refused.
    /// `payload` is its `d`, without the token.
    Identify {
        conn: u64,
        intents: u64,
        compress: bool,
        accepted: bool,
        payload: Value,
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
    pub conns: BTreeMap<u64, Conn>,
    pub sessions: HashMap<String, Session>,
    pub current: Option<String>,
    /// Dispatches made while no resumable session existed: a new session does not get them.
    pub orphans: Vec<(String, Value, Option<u64>)>,
    pub log: Vec<GatewayEvent>,
    pub drop_acks: bool,
    /// READYs and RESUMEDs sent so far.
    pub ready_count: usize,
    pub identify_count: u64,
    next_conn: u64,
}

pub(super) struct Conn {
    tx: UnboundedSender<Outbound>,
    pub session: Option<String>,
    /// `compress=zlib-stream` on the URL: the task compresses everything itself.
    pub transport: bool,
    /// `compress: true` in IDENTIFY: dispatches go out as zlib-compressed binary frames.
    pub payload: bool,
}

pub(super) struct Session {
    pub seq: u64,
    /// Every dispatch of the session, for replay on resume: seq, frame, interaction id.
    pub buffer: Vec<(u64, Value, Option<u64>)>,
    pub resumable: bool,
    pub conn: Option<u64>,
}

pub(super) fn frame(op: u64, t: Option<&str>, s: Option<u64>, d: Value) -> Value {
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
            if let Some(s) = c.session.and_then(|sid| self.sessions.get_mut(&sid))
                && s.conn == Some(conn)
            {
                s.conn = None;
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

    pub fn send_frame(&self, conn: u64, f: &Value) {
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
        if let Some(sid) = self.conns.get(&conn).and_then(|c| c.session.clone())
            && let Some(s) = self.sessions.get_mut(&sid)
        {
            s.resumable &= resumable_after(code);
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
        if matches!(code, Some(1000 | 1001))
            && let Some(s) = self
                .conns
                .get(&conn)
                .and_then(|c| c.session.clone())
                .and_then(|sid| self.sessions.get_mut(&sid))
        {
            s.resumable = false;
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

pub(super) fn mark_delivered(st: &mut State, interaction: Option<u64>) {
    let now = st.now();
    if let Some(rec) = interaction.and_then(|id| st.interactions.get_mut(&id)) {
        rec.delivered.get_or_insert(now);
    }
}
