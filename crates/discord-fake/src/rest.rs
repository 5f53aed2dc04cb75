//! The REST API's front door: every request under `/api/v10` passes here, is recorded with the status
//! it got, is counted against its rate-limit bucket (and the faults tests injected), is checked for
//! `Authorization: Bot <token>` (except on webhook and interaction-callback routes, which the token in
//! the path authorizes), has its JSON parsed, and is routed to the handlers in `channels`, `commands`
//! and `interactions`. Routing is by hand, so that no request can get anything but a Discord-style
//! answer: unknown routes 404 `{"message": "404: Not Found", "code": 0}`, bad JSON 50109.

use std::sync::Arc;

use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::State as AxumState;
use axum::http::{HeaderMap, Method, Uri};
use axum::response::Response;
use serde_json::{Value, json};

use super::limits::Verdict;
use super::state::{Shared, State};
use super::validate::{ApiError, Errors};
use super::{Recorded, channels, commands, interactions, payloads};

/// A handler's answer: a status and a JSON body (`Value::Null` for 204).
pub(super) type Outcome = Result<(u16, Value), ApiError>;

pub(super) fn router(shared: Arc<Shared>) -> Router {
    Router::new().fallback(entry).with_state(shared)
}

async fn entry(
    AxumState(shared): AxumState<Arc<Shared>>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let response = handle(&shared, method.as_str(), &uri, &headers, &body);
    shared.notify();
    let delay = shared.lock().create_answer_delay;
    let creates = method == Method::POST && uri.path().ends_with("/messages");
    if creates && !delay.is_zero() {
        tokio::time::sleep(delay).await;
    }
    response
}

fn handle(shared: &Shared, method: &str, uri: &Uri, headers: &HeaderMap, raw: &Bytes) -> Response {
    let query = uri.query().unwrap_or_default();
    let parsed: Result<Option<Value>, ()> = if raw.is_empty() {
        Ok(None)
    } else {
        serde_json::from_slice(raw).map(Some).map_err(|_| ())
    };
    let recorded_body = match &parsed {
        Ok(Some(v)) => v.clone(),
        Ok(None) => Value::Null,
        Err(()) => Value::String(String::from_utf8_lossy(raw).into_owned()),
    };
    let mut st = shared.lock();
    let now = st.now();
    let path = uri
        .path()
        .strip_prefix("/api/v10")
        .map(|p| if p.is_empty() { "/" } else { p });
    let mut early_retry = false;
    let (status, body, extra) = match path {
        None => {
            let e = ApiError::not_found();
            (e.status, e.body, Vec::new())
        }
        Some(path) => match st.limits.check(method, path, now) {
            Verdict::Fault(status, h) => {
                let message = match status {
                    502 => "502: Bad Gateway",
                    503 => "503: Service Unavailable",
                    504 => "504: Gateway Timeout",
                    _ => "500: Internal Server Error",
                };
                (status, json!({"message": message, "code": 0}), h.pairs())
            }
            Verdict::TooMany(t) => {
                early_retry = t.early;
                let mut extra = t.headers.pairs();
                extra.push(("Retry-After", t.retry_after_header()));
                extra.push(("X-RateLimit-Scope", t.scope.to_string()));
                if t.global {
                    extra.push(("X-RateLimit-Global", "true".to_string()));
                }
                (429, t.body(), extra)
            }
            Verdict::Pass(h) => {
                let outcome = if needs_auth(path) && !authorized(shared, headers) {
                    Err(ApiError::unauthorized())
                } else if is_multipart(headers) {
                    Err(ApiError::new(
                        400,
                        0,
                        "The fake accepts JSON bodies only, not multipart uploads",
                    ))
                } else {
                    match parsed {
                        Err(()) => Err(ApiError::invalid_json()),
                        Ok(body) => route(shared, &mut st, method, path, query, body.as_ref()),
                    }
                };
                let (status, body) = outcome.unwrap_or_else(|e| (e.status, e.body));
                (status, body, h.pairs())
            }
        },
    };
    st.requests.push(Recorded {
        method: method.to_string(),
        path: path.unwrap_or(uri.path()).to_string(),
        query: query.to_string(),
        status,
        body: recorded_body,
        response: body.clone(),
        at: shared.elapsed(),
        early_retry,
    });
    drop(st);
    respond(status, &body, &extra)
}

fn respond(status: u16, body: &Value, headers: &[(&'static str, String)]) -> Response {
    let mut b = Response::builder().status(status);
    for (k, v) in headers {
        b = b.header(*k, v.as_str());
    }
    let built = if status == 204 {
        b.body(Body::empty())
    } else {
        b.header("Content-Type", "application/json")
            .body(Body::from(body.to_string()))
    };
    // Only a header value with a newline could fail here, and the fake writes none.
    built.unwrap_or_else(|_| Response::new(Body::empty()))
}

/// Webhook routes and interaction callbacks are authorized by the token in their path.
fn needs_auth(path: &str) -> bool {
    !(path.starts_with("/webhooks/") || path.starts_with("/interactions/"))
}

fn authorized(shared: &Shared, headers: &HeaderMap) -> bool {
    headers
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bot "))
        .is_some_and(|t| t == shared.token)
}

fn is_multipart(headers: &HeaderMap) -> bool {
    headers
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("multipart/"))
}

/// Parses an id from the path; Discord answers a malformed one with a form error.
pub(super) fn snowflake(field: &str, s: &str) -> Result<u64, ApiError> {
    s.parse::<u64>().ok().filter(|v| *v > 0).ok_or_else(|| {
        let mut e = Errors::default();
        e.add(
            field,
            "NUMBER_TYPE_COERCE",
            format!("Value \"{s}\" is not snowflake."),
        );
        e.into_result().err().unwrap_or_else(ApiError::not_found)
    })
}

/// The value of `key` in a query string.
pub(super) fn query_param<'a>(query: &'a str, key: &str) -> Option<&'a str> {
    query
        .split('&')
        .filter_map(|kv| kv.split_once('='))
        .find(|(k, _)| *k == key)
        .map(|(_, v)| v)
}

fn route(shared: &Shared, st: &mut State, m: &str, path: &str, query: &str, body: Option<&Value>) -> Outcome {
    let segs: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    let get = |m: &str, v: Value| {
        if m == "GET" {
            Ok((200, v))
        } else {
            Err(ApiError::method_not_allowed())
        }
    };
    match segs.as_slice() {
        ["gateway"] => get(m, json!({"url": shared.ws_url})),
        ["gateway", "bot"] => get(
            m,
            json!({
                "url": shared.ws_url,
                "shards": 1,
                "session_start_limit": {
                    "total": 1000,
                    "remaining": 1000u64.saturating_sub(st.gateway.identify_count),
                    "reset_after": 86_400_000,
                    "max_concurrency": 1,
                },
            }),
        ),
        ["users", "@me"] => get(m, payloads::current_user(shared)),
        ["oauth2", "applications", "@me"] | ["applications", "@me"] => get(m, payloads::application(shared)),
        ["applications", app, rest @ ..] => commands::route(shared, st, m, app, rest, query, body),
        ["channels", rest @ ..] => channels::route(shared, st, m, rest, query, body),
        ["interactions", id, token, "callback"] => {
            if m == "POST" {
                interactions::callback(shared, st, id, token, query, body)
            } else {
                Err(ApiError::method_not_allowed())
            }
        }
        ["webhooks", app, token, rest @ ..] => interactions::webhook(shared, st, m, app, token, rest, body),
        _ => Err(ApiError::not_found()),
    }
}
