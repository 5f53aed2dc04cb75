//! The opening of a gateway session and what clients send on it: HEARTBEAT (answered with an ACK
//! unless a test stops them), IDENTIFY (token, intents and shard checked, then READY and the guild's
//! GUILD_CREATE) and RESUME (the missed dispatches replayed, then RESUMED; an unknown or ended
//! session gets op 9 INVALID_SESSION with `d: false`). Payloads out of turn close the connection with
//! the documented code: 4001 unknown opcode, 4002 decode error, 4003 not authenticated, 4004 bad
//! token, 4005 already authenticated, 4007 invalid seq, 4010 shard, 4013 and 4014 intents.

use serde_json::{Value, json};

use super::payloads;
use super::session::{GatewayEvent, Session, dispatch, frame, mark_delivered};
use super::state::{Shared, State};

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
    let mut payload = d.clone();
    if let Value::Object(m) = &mut payload {
        m.remove("token");
    }
    let log = |st: &mut State, accepted| {
        st.gateway.log.push(GatewayEvent::Identify {
            conn,
            intents: intents.unwrap_or(0),
            compress,
            accepted,
            payload: payload.clone(),
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
