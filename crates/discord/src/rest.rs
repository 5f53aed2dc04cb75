//! Discord's REST API, with its rate limits honoured: every request waits while its route's bucket is
//! empty, a 429 waits `Retry-After` and retries, and a 5xx or a dropped connection retries with backoff.
//!
//! The adapter sends its own serde payloads through here rather than through serenity's `Http`. Pointing
//! serenity at another base URL needs its rate limiter off (serenity issue #1739: the limiter sends straight
//! to discord.com, bypassing `HttpBuilder::proxy`), and then serenity reports a 429 as an error without
//! the `Retry-After` header or the body's `retry_after`, so it cannot know how long to wait. Here the wait
//! comes from the response itself.

use std::collections::HashMap;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use reqwest::{Method, StatusCode, header::HeaderMap};
use serde::Serialize;
use serde_json::Value;
use tokio::time::Instant;

use attache_core::retry::Policy;

/// Retries after a 429, a 5xx or a transport error, before giving up.
const MAX_ATTEMPTS: u32 = 8;
/// Waits before retrying a 5xx or a dropped connection: from 250 ms, doubling, to 8 s, jittered. A 429 is
/// not retried on this schedule but after the time Discord names.
const RETRY: Policy = Policy::new(Duration::from_millis(250), Duration::from_secs(8));
/// The longest single wait a 429 may ask for before the request is abandoned rather than held.
const MAX_WAIT: Duration = Duration::from_secs(60);

/// A request that did not succeed.
#[derive(Debug, thiserror::Error)]
pub enum RestError {
    /// Discord answered with an error: its status, JSON error code (`50013` Missing Permissions, …) and
    /// message.
    #[error("{method} {route}: {status} {message} (code {code})")]
    Status {
        method: Method,
        route: String,
        status: u16,
        code: i64,
        message: String,
    },
    /// Waiting for a rate limit or a retry would pass the deadline (an interaction's 3 seconds).
    #[error("{method} {route}: rate limited past the deadline (would wait {wait:?})")]
    Deadline {
        method: Method,
        route: String,
        wait: Duration,
    },
    /// The body could not be made into JSON (a bug: every payload is a serde type).
    #[error("{method} {route}: the body is not JSON: {reason}")]
    Encode {
        method: Method,
        route: String,
        reason: String,
    },
    #[error("{method} {route}: {reason}")]
    Transport {
        method: Method,
        route: String,
        reason: String,
    },
}

impl RestError {
    /// Discord's JSON error code, when Discord answered.
    pub fn code(&self) -> Option<i64> {
        match self {
            RestError::Status { code, .. } => Some(*code),
            _ => None,
        }
    }

    pub fn status(&self) -> Option<u16> {
        match self {
            RestError::Status { status, .. } => Some(*status),
            _ => None,
        }
    }
}

/// What a bucket allows until it resets.
#[derive(Debug, Clone, Copy)]
struct Bucket {
    remaining: u64,
    reset: Instant,
}

#[derive(Debug)]
pub struct Rest {
    http: reqwest::Client,
    base: String,
    auth: String,
    // std locks: held only to read or update a bucket, never across an `.await`.
    buckets: Mutex<HashMap<String, Bucket>>,
    global_until: Mutex<Option<Instant>>,
    limited: AtomicU64,
}

impl Rest {
    pub fn new(api_base: &str, token: &str) -> Rest {
        let http = reqwest::Client::builder()
            .user_agent(concat!("DiscordBot (attache, ", env!("CARGO_PKG_VERSION"), ")"))
            .timeout(Duration::from_secs(20))
            .build()
            .unwrap_or_default();
        Rest {
            http,
            base: api_base.trim_end_matches('/').to_string(),
            auth: format!("Bot {}", token.trim().trim_start_matches("Bot ")),
            buckets: Mutex::new(HashMap::new()),
            global_until: Mutex::new(None),
            limited: AtomicU64::new(0),
        }
    }

    /// How many 429s this client has waited out.
    pub fn rate_limited(&self) -> u64 {
        self.limited.load(Ordering::Relaxed)
    }

    pub async fn get(&self, path: &str) -> Result<Value, RestError> {
        self.call(Method::GET, path, None, None).await
    }

    /// [`Rest::call`] with a body of any serde type: serenity's builders, our own payloads.
    pub async fn send(
        &self,
        method: Method,
        path: &str,
        body: &impl Serialize,
        deadline: Option<Instant>,
    ) -> Result<Value, RestError> {
        let body = serde_json::to_value(body).map_err(|e| RestError::Encode {
            route: route_key(&method, path),
            method: method.clone(),
            reason: e.to_string(),
        })?;
        self.call(method, path, Some(&body), deadline).await
    }

    /// Sends one request, waiting out rate limits and retrying transient failures. With a `deadline`, a wait
    /// that would end after it fails fast instead ([`RestError::Deadline`]).
    pub async fn call(
        &self,
        method: Method,
        path: &str,
        body: Option<&Value>,
        deadline: Option<Instant>,
    ) -> Result<Value, RestError> {
        let route = route_key(&method, path);
        let mut attempt = 0;
        let mut backoff = RETRY.backoff();
        loop {
            attempt += 1;
            self.wait_for_bucket(&method, &route, deadline).await?;
            let mut request = self.http.request(method.clone(), format!("{}{path}", self.base));
            // Interaction callbacks and webhook routes are authorized by their token, not the bot's.
            if !path.starts_with("/interactions/") && !path.starts_with("/webhooks/") {
                request = request.header("Authorization", &self.auth);
            }
            if let Some(body) = body {
                request = request.json(body);
            }
            let response = match request.send().await {
                Ok(r) => r,
                Err(e) if attempt < MAX_ATTEMPTS => {
                    let wait = backoff.next_delay();
                    tracing::warn!(%method, route, "discord request failed ({e}); retrying in {wait:?}");
                    self.sleep(&method, &route, wait, deadline).await?;
                    continue;
                }
                Err(e) => {
                    return Err(RestError::Transport {
                        method,
                        route,
                        reason: e.to_string(),
                    });
                }
            };
            let status = response.status();
            let headers = response.headers().clone();
            self.remember_bucket(&route, &headers);
            let text = response.text().await.unwrap_or_default();
            let json: Value = serde_json::from_str(&text).unwrap_or(Value::Null);
            if status.is_success() {
                return Ok(json);
            }
            if status == StatusCode::TOO_MANY_REQUESTS && attempt < MAX_ATTEMPTS {
                let wait = retry_after(&headers, &json);
                self.limited.fetch_add(1, Ordering::Relaxed);
                let global = json.get("global").and_then(Value::as_bool).unwrap_or(false)
                    || headers.get("x-ratelimit-global").is_some()
                    || headers.get("x-ratelimit-scope").and_then(|v| v.to_str().ok()) == Some("global");
                tracing::info!(%method, route, global, "discord rate limit: waiting {wait:?}");
                if wait > MAX_WAIT {
                    return Err(RestError::Deadline { method, route, wait });
                }
                if global {
                    *self.global_until.lock().unwrap_or_else(|e| e.into_inner()) =
                        Some(Instant::now() + wait);
                } else {
                    self.buckets.lock().unwrap_or_else(|e| e.into_inner()).insert(
                        route.clone(),
                        Bucket {
                            remaining: 0,
                            reset: Instant::now() + wait,
                        },
                    );
                }
                continue;
            }
            if status.is_server_error() && attempt < MAX_ATTEMPTS {
                let wait = backoff.next_delay();
                tracing::warn!(%method, route, "discord answered {status}; retrying in {wait:?}");
                self.sleep(&method, &route, wait, deadline).await?;
                continue;
            }
            return Err(RestError::Status {
                method,
                route,
                status: status.as_u16(),
                code: json.get("code").and_then(Value::as_i64).unwrap_or(0),
                message: json
                    .get("message")
                    .and_then(Value::as_str)
                    .unwrap_or(status.canonical_reason().unwrap_or("error"))
                    .to_string(),
            });
        }
    }

    /// Waits while the route's bucket (or the global limit) is exhausted.
    async fn wait_for_bucket(
        &self,
        method: &Method,
        route: &str,
        deadline: Option<Instant>,
    ) -> Result<(), RestError> {
        let now = Instant::now();
        let global = *self.global_until.lock().unwrap_or_else(|e| e.into_inner());
        let bucket = self
            .buckets
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get(route)
            .copied();
        let until = [
            global.filter(|g| *g > now),
            bucket
                .filter(|b| b.remaining == 0 && b.reset > now)
                .map(|b| b.reset),
        ]
        .into_iter()
        .flatten()
        .max();
        match until {
            Some(until) => self.sleep(method, route, until - now, deadline).await,
            None => Ok(()),
        }
    }

    async fn sleep(
        &self,
        method: &Method,
        route: &str,
        wait: Duration,
        deadline: Option<Instant>,
    ) -> Result<(), RestError> {
        if deadline.is_some_and(|d| Instant::now() + wait > d) {
            return Err(RestError::Deadline {
                method: method.clone(),
                route: route.to_string(),
                wait,
            });
        }
        tokio::time::sleep(wait).await;
        Ok(())
    }

    fn remember_bucket(&self, route: &str, headers: &HeaderMap) {
        let number = |name: &str| headers.get(name)?.to_str().ok()?.parse::<f64>().ok();
        if let (Some(remaining), Some(after)) =
            (number("x-ratelimit-remaining"), number("x-ratelimit-reset-after"))
        {
            let reset = Instant::now() + Duration::from_secs_f64(after.clamp(0.0, 3600.0));
            self.buckets.lock().unwrap_or_else(|e| e.into_inner()).insert(
                route.to_string(),
                Bucket {
                    remaining: remaining.max(0.0) as u64,
                    reset,
                },
            );
        }
    }
}

/// How long a 429 asks to wait: the body's `retry_after` (seconds, with fractions), else the
/// `Retry-After` header, else `X-RateLimit-Reset-After`, else one second.
fn retry_after(headers: &HeaderMap, body: &Value) -> Duration {
    let header = |name: &str| headers.get(name)?.to_str().ok()?.trim().parse::<f64>().ok();
    let secs = body
        .get("retry_after")
        .and_then(Value::as_f64)
        .or_else(|| header("retry-after"))
        .or_else(|| header("x-ratelimit-reset-after"))
        .unwrap_or(1.0);
    Duration::from_secs_f64(secs.clamp(0.0, 3600.0))
}

/// `POST /interactions/{id}/{token}/callback`: an interaction's first answer.
pub fn callback_path(interaction: u64, token: &str) -> String {
    format!("/interactions/{interaction}/{token}/callback")
}

/// `/webhooks/{application}/{token}/messages/@original`: the message an interaction's answer made.
pub fn original_path(application: u64, token: &str) -> String {
    format!("/webhooks/{application}/{token}/messages/@original")
}

/// The rate-limit route of a request: the method and path with minor ids (message ids) generalized;
/// channel, guild and webhook ids stay, as Discord buckets by them.
pub fn route_key(method: &Method, path: &str) -> String {
    let mut out = format!("{method} ");
    let mut previous = "";
    for segment in path
        .split('?')
        .next()
        .unwrap_or(path)
        .split('/')
        .filter(|s| !s.is_empty())
    {
        let minor = matches!(previous, "messages" | "commands" | "interactions")
            && segment.chars().all(|c| c.is_ascii_digit());
        out.push('/');
        out.push_str(if minor { ":id" } else { segment });
        previous = segment;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn routes_keep_major_ids_only() {
        assert_eq!(
            route_key(&Method::PATCH, "/channels/1/messages/99"),
            "PATCH /channels/1/messages/:id"
        );
        assert_eq!(
            route_key(&Method::POST, "/interactions/5/tok/callback"),
            "POST /interactions/:id/tok/callback"
        );
        assert_eq!(
            route_key(&Method::GET, "/channels/1/messages?limit=50"),
            "GET /channels/1/messages"
        );
    }

    #[test]
    fn the_wait_comes_from_the_body_then_the_headers() {
        let mut h = HeaderMap::new();
        h.insert("retry-after", "3".parse().unwrap());
        assert_eq!(
            retry_after(&h, &serde_json::json!({"retry_after": 0.25})),
            Duration::from_millis(250)
        );
        assert_eq!(retry_after(&h, &Value::Null), Duration::from_secs(3));
        assert_eq!(
            retry_after(&HeaderMap::new(), &Value::Null),
            Duration::from_secs(1)
        );
    }
}
