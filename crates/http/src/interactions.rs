//! `POST /discord/interactions`: where Discord posts interactions when the bot takes them over HTTP
//! (`discord.interactions = "http"`). The server only passes each request on to an
//! [`InteractionsEndpoint`], which the binary wires to the Discord adapter: the two signature headers and
//! the raw body, which the signature covers, so it is never parsed or re-encoded here. This crate knows
//! nothing of Discord's payloads, keys or chat library; the endpoint decides every answer, refusals
//! included, except a body over [`BODY_LIMIT`], refused here before it is read whole.

use std::sync::Arc;

use attache_core::digest::BoxFuture;
use axum::Json;
use axum::body::Body;
use axum::extract::State as Shared;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};

use crate::State;

/// The largest body passed on: Discord's interaction payloads are a few KiB.
pub const BODY_LIMIT: usize = 64 * 1024;

/// A request as Discord signs it.
#[derive(Debug, Clone, Copy)]
pub struct SignedRequest<'a> {
    /// `X-Signature-Ed25519`, when present.
    pub signature: Option<&'a str>,
    /// `X-Signature-Timestamp`, when present.
    pub timestamp: Option<&'a str>,
    /// The body exactly as it arrived.
    pub body: &'a [u8],
}

/// What the endpoint answers: an HTTP status and a JSON body.
#[derive(Debug, Clone, PartialEq)]
pub struct EndpointReply {
    pub status: u16,
    pub body: Value,
}

/// Answers the requests Discord posts to `/discord/interactions`.
pub trait InteractionsEndpoint: Send + Sync {
    fn handle<'a>(&'a self, request: SignedRequest<'a>) -> BoxFuture<'a, EndpointReply>;
}

/// Passes a request on to the endpoint; a body over [`BODY_LIMIT`] is 413.
pub async fn post(Shared(state): Shared<Arc<State>>, headers: HeaderMap, body: Body) -> Response {
    let Some(endpoint) = state.interactions.as_ref() else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok());
    let bytes = match declared {
        Some(n) if n > BODY_LIMIT => None,
        _ => axum::body::to_bytes(body, BODY_LIMIT).await.ok(),
    };
    let Some(bytes) = bytes else {
        attache_core::observe::discord_http_rejection("too_large");
        let body = Json(json!({"message": "request body too large"}));
        return (StatusCode::PAYLOAD_TOO_LARGE, body).into_response();
    };
    let text = |name: &str| headers.get(name).and_then(|v| v.to_str().ok());
    let request = SignedRequest {
        signature: text("x-signature-ed25519"),
        timestamp: text("x-signature-timestamp"),
        body: &bytes,
    };
    let reply = endpoint.handle(request).await;
    let status = StatusCode::from_u16(reply.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    (status, [(header::CACHE_CONTROL, "no-store")], Json(reply.body)).into_response()
}
