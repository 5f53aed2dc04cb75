//! Discord's REST API, with its rate limits honoured: every request waits while its route's bucket is
//! empty, a 429 waits `Retry-After` and retries, and a 5xx or a dropped connection retries with backoff.
//!
//! Interaction tokens go only into request paths: logs and errors name a request by its route key
//! ([`crate::ratelimit::route_key`]), which leaves them out, and the bot's token is a [`Secret`].
//!
//! The adapter sends its own serde payloads through here rather than through serenity's `Http`. Pointing
//! serenity at another base URL needs its rate limiter off (serenity issue #1739: the limiter sends straight
//! to discord.com, bypassing `HttpBuilder::proxy`), and then serenity reports a 429 as an error without
//! the `Retry-After` header or the body's `retry_after`, so it cannot know how long to wait. Here the wait
//! comes from the response itself.

use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use reqwest::{Method, StatusCode};
use serde::Serialize;
use serde_json::Value;
use tokio::time::Instant;

use crate::ratelimit::{Bucket, Buckets, bucket_of, is_global, retry_after, route_key};
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

/// A token that authorizes requests (the bot's, an interaction's). `Debug` shows `<redacted>`, so neither
/// a log nor an error message can carry it; only [`Secret::expose`] gives it, for a request.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    pub fn new(value: impl Into<String>) -> Secret {
        Secret(value.into())
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("<redacted>")
    }
}

/// Why one attempt at a request failed, and what to do about it.
enum Failure {
    /// A 429: try again once `wait` has passed, which holds the route (or, when `global`, every route).
    Limited {
        wait: Duration,
        global: bool,
        error: RestError,
    },
    /// A 5xx or a dropped connection: try again after a backoff.
    Transient(RestError),
    /// Anything else: trying again cannot help.
    Final(RestError),
}

#[derive(Debug)]
pub struct Rest {
    http: reqwest::Client,
    base: String,
    auth: Secret,
    // std locks: held only to read or update a bucket, never across an `.await`.
    buckets: Mutex<Buckets>,
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
            auth: Secret::new(format!("Bot {}", token.trim().trim_start_matches("Bot "))),
            buckets: Mutex::new(Buckets::default()),
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
        let mut backoff = RETRY.backoff();
        let mut attempt = 0;
        loop {
            attempt += 1;
            self.wait_for_bucket(&method, &route, deadline).await?;
            let failure = match self.attempt(&method, path, &route, body).await {
                Ok(json) => return Ok(json),
                Err(failure) => failure,
            };
            match failure {
                Failure::Final(e) => return Err(e),
                Failure::Limited { error, .. } | Failure::Transient(error) if attempt >= MAX_ATTEMPTS => {
                    return Err(error);
                }
                Failure::Limited { wait, global, .. } => self.hold(&method, &route, wait, global)?,
                Failure::Transient(e) => {
                    let wait = backoff.next_delay();
                    tracing::warn!("discord: {e}; retrying in {wait:?}");
                    self.sleep(&method, &route, wait, deadline).await?;
                }
            }
        }
    }

    /// One attempt at a request. Only the route key, never the path (which may hold an interaction's token),
    /// goes into logs and errors; reqwest's errors name the URL, so it is cut from them.
    async fn attempt(
        &self,
        method: &Method,
        path: &str,
        route: &str,
        body: Option<&Value>,
    ) -> Result<Value, Failure> {
        let mut request = self.http.request(method.clone(), format!("{}{path}", self.base));
        // Interaction callbacks and webhook routes are authorized by their token, not the bot's.
        if !path.starts_with("/interactions/") && !path.starts_with("/webhooks/") {
            request = request.header("Authorization", self.auth.expose());
        }
        if let Some(body) = body {
            request = request.json(body);
        }
        let response = request.send().await.map_err(|e| {
            Failure::Transient(RestError::Transport {
                method: method.clone(),
                route: route.to_string(),
                reason: e.without_url().to_string(),
            })
        })?;
        let status = response.status();
        let headers = response.headers().clone();
        if let Some(bucket) = bucket_of(&headers, Instant::now()) {
            self.buckets().remember(route, bucket, Instant::now());
        }
        let text = response.text().await.unwrap_or_default();
        let json: Value = serde_json::from_str(&text).unwrap_or(Value::Null);
        tracing::trace!(%method, route, status = status.as_u16(), "discord answered");
        if status.is_success() {
            return Ok(json);
        }
        let error = RestError::Status {
            method: method.clone(),
            route: route.to_string(),
            status: status.as_u16(),
            code: json.get("code").and_then(Value::as_i64).unwrap_or(0),
            message: json
                .get("message")
                .and_then(Value::as_str)
                .unwrap_or(status.canonical_reason().unwrap_or("error"))
                .to_string(),
        };
        if status == StatusCode::TOO_MANY_REQUESTS {
            self.limited.fetch_add(1, Ordering::Relaxed);
            attache_core::observe::rate_limit_wait("discord");
            let (wait, global) = (retry_after(&headers, &json), is_global(&headers, &json));
            tracing::info!(%method, route, global, "discord rate limit: waiting {wait:?}");
            return Err(Failure::Limited { wait, global, error });
        }
        if status.is_server_error() {
            return Err(Failure::Transient(error));
        }
        Err(Failure::Final(error))
    }

    fn buckets(&self) -> std::sync::MutexGuard<'_, Buckets> {
        self.buckets.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Holds the route (or every route) for the `wait` a 429 named; a wait past [`MAX_WAIT`] is given up.
    fn hold(&self, method: &Method, route: &str, wait: Duration, global: bool) -> Result<(), RestError> {
        if wait > MAX_WAIT {
            return Err(RestError::Deadline {
                method: method.clone(),
                route: route.to_string(),
                wait,
            });
        }
        let now = Instant::now();
        if global {
            *self.global_until.lock().unwrap_or_else(|e| e.into_inner()) = Some(now + wait);
        } else {
            let bucket = Bucket {
                remaining: 0,
                reset: now + wait,
            };
            self.buckets().remember(route, bucket, now);
        }
        Ok(())
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
        let bucket = self.buckets().blocked_until(route, now);
        let until = [global.filter(|g| *g > now), bucket].into_iter().flatten().max();
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
}

/// A snowflake as Discord's JSON carries it: a string of digits (or, leniently, a number).
pub fn snowflake(v: &Value) -> Option<u64> {
    match v {
        Value::String(s) => s.parse().ok(),
        Value::Number(n) => n.as_u64(),
        _ => None,
    }
}

/// `POST /interactions/{id}/{token}/callback`: an interaction's first answer.
pub fn callback_path(interaction: u64, token: &str) -> String {
    format!("/interactions/{interaction}/{token}/callback")
}

/// `/webhooks/{application}/{token}/messages/@original`: the message an interaction's answer made.
pub fn original_path(application: u64, token: &str) -> String {
    format!("/webhooks/{application}/{token}/messages/@original")
}
