//! The gateway's sockets: accepts WebSocket connections (`?v=10&encoding=json`, optionally
//! `&compress=zlib-stream`), sends HELLO, hands each text payload to `session`, and writes what the
//! session queues. Transport compression keeps one zlib context for the whole connection and ends
//! every message with a sync flush (the `00 00 ff ff` suffix clients look for); payload compression
//! (`compress: true` in IDENTIFY) zlib-compresses each dispatch on its own, as a binary frame.

use std::io::Write;
use std::sync::Arc;
use std::time::Duration;

use flate2::write::ZlibEncoder;
use flate2::{Compress, Compression, FlushCompress};
use futures_util::{SinkExt, StreamExt};
use serde_json::json;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::mpsc;
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::tungstenite::handshake::server::{Request, Response};
use tokio_tungstenite::tungstenite::protocol::CloseFrame;
use tokio_tungstenite::tungstenite::protocol::frame::coding::CloseCode;

use super::handshake;
use super::session::Outbound;
use super::state::Shared;

pub(super) async fn serve(shared: Arc<Shared>, listener: TcpListener) {
    while let Ok((stream, _)) = listener.accept().await {
        tokio::spawn(connection(Arc::clone(&shared), stream));
    }
}

async fn connection(shared: Arc<Shared>, stream: TcpStream) {
    let mut query = String::new();
    // tungstenite's callback signature fixes the (large) error type; clippy's size lint cannot apply.
    #[allow(clippy::result_large_err)]
    let callback = |req: &Request, resp: Response| {
        query = req.uri().query().unwrap_or_default().to_string();
        Ok(resp)
    };
    let Ok(ws) = tokio_tungstenite::accept_hdr_async(stream, callback).await else {
        return;
    };
    let param = |k: &str| {
        query
            .split('&')
            .filter_map(|kv| kv.split_once('='))
            .find(|(key, _)| *key == k)
            .map(|(_, v)| v.to_string())
    };
    let transport = param("compress").as_deref() == Some("zlib-stream");
    let (tx, mut rx) = mpsc::unbounded_channel();
    let conn = {
        let mut st = shared.lock();
        let conn = st.gateway.connect(tx.clone(), &query, transport);
        // Discord serves gateway v10 (and the older 9); anything else is closed with 4012.
        if param("v").is_some_and(|v| v != "10" && v != "9") {
            st.gateway.close_with(conn, 4012, "Invalid API version.");
        } else if param("encoding").is_some_and(|e| e != "json") {
            // The fake speaks JSON only; ETF clients are told so plainly.
            st.gateway
                .close_with(conn, 1003, "The fake gateway speaks json only.");
        } else {
            let hello = json!({"op": 10, "d": {"heartbeat_interval": shared.opts.heartbeat_interval.as_millis() as u64}, "s": null, "t": null});
            let _ = tx.send(Outbound::Frame {
                text: hello.to_string(),
                compress: false,
            });
        }
        conn
    };
    shared.notify();
    drop(tx);

    let (mut sink, mut stream) = ws.split();
    let mut zlib = transport.then(|| Compress::new(Compression::default(), true));
    loop {
        tokio::select! {
            incoming = stream.next() => match incoming {
                Some(Ok(Message::Text(text))) => {
                    handshake::on_text(&shared, &mut shared.lock(), conn, &text);
                    shared.notify();
                }
                Some(Ok(Message::Binary(_))) => {
                    // JSON clients send text; binary would be ETF, which the fake does not read.
                    shared.lock().gateway.close_with(conn, 4002, "Error while decoding payload.");
                    shared.notify();
                }
                Some(Ok(Message::Close(frame))) => {
                    shared.lock().gateway.client_closed(conn, frame.map(|f| u16::from(f.code)));
                    // Sends the close reply tungstenite queued.
                    let _ = sink.close().await;
                    break;
                }
                Some(Ok(_)) => {}
                Some(Err(_)) | None => break,
            },
            out = rx.recv() => match out {
                Some(Outbound::Frame { text, compress }) => {
                    let msg = match (&mut zlib, compress) {
                        (Some(z), _) => Message::Binary(stream_compress(z, text.as_bytes())),
                        (None, true) => Message::Binary(payload_compress(text.as_bytes())),
                        (None, false) => Message::Text(text),
                    };
                    if sink.send(msg).await.is_err() {
                        break;
                    }
                }
                Some(Outbound::Close(code, reason)) => {
                    let frame = CloseFrame { code: CloseCode::from(code), reason: reason.into() };
                    let _ = sink.send(Message::Close(Some(frame))).await;
                    // Give the client a moment to answer the close before dropping the socket.
                    let _ = tokio::time::timeout(Duration::from_secs(2), async {
                        while let Some(Ok(m)) = stream.next().await {
                            if m.is_close() {
                                break;
                            }
                        }
                    })
                    .await;
                    break;
                }
                None => break,
            },
        }
    }
    shared.lock().gateway.disconnect(conn);
    shared.notify();
}

/// One message of a `zlib-stream` connection: the shared context, flushed with Z_SYNC_FLUSH.
fn stream_compress(z: &mut Compress, input: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(input.len() / 2 + 64);
    let mut consumed = 0;
    loop {
        if out.capacity() - out.len() < 64 {
            out.reserve(out.capacity().max(256));
        }
        let before = z.total_in();
        if z.compress_vec(&input[consumed..], &mut out, FlushCompress::Sync)
            .is_err()
        {
            break;
        }
        consumed += (z.total_in() - before) as usize;
        // Done when all input is in and the flush fit (output space left over).
        if consumed == input.len() && out.len() < out.capacity() {
            break;
        }
    }
    out
}

/// A payload compressed on its own, as a complete zlib stream.
fn payload_compress(input: &[u8]) -> Vec<u8> {
    let mut enc = ZlibEncoder::new(Vec::new(), Compression::default());
    // Writing into a Vec cannot fail.
    let _ = enc.write_all(input);
    enc.finish().unwrap_or_default()
}
