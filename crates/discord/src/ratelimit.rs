//! What Discord's rate limits say, kept apart from sending: the route a request is counted under
//! ([`route_key`]), what each route's bucket allows until it resets ([`Buckets`]), and how long a 429 asks
//! to wait ([`retry_after`]). Pure: [`crate::rest`] reads the clock and does the waiting.
//!
//! Interaction tokens are secrets (whoever holds one can answer as the bot for 15 minutes), so no route key
//! carries one: an interaction's callback is counted under its interaction id, and the webhook routes of an
//! interaction under the application id. Route keys show in logs and errors. Every interaction has a
//! route of its own, so the bucket map forgets buckets whose window has passed and holds at most
//! [`MAX_BUCKETS`].

use std::collections::HashMap;
use std::time::Duration;

use reqwest::Method;
use reqwest::header::HeaderMap;
use serde_json::Value;
use tokio::time::Instant;

/// The most buckets remembered at once. Past it, the one that frees up soonest is forgotten: at worst its
/// next request meets a 429, which is waited out like any other.
pub const MAX_BUCKETS: usize = 512;

/// What a bucket allows until it resets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bucket {
    pub remaining: u64,
    pub reset: Instant,
}

/// The buckets of the routes used lately.
#[derive(Debug, Default)]
pub struct Buckets {
    map: HashMap<String, Bucket>,
}

impl Buckets {
    /// Until when a request on `route` must wait, if it must.
    pub fn blocked_until(&self, route: &str, now: Instant) -> Option<Instant> {
        self.map
            .get(route)
            .filter(|b| b.remaining == 0 && b.reset > now)
            .map(|b| b.reset)
    }

    /// Remembers what Discord said of `route`'s bucket. Buckets whose window has passed are forgotten
    /// first: a bucket after its reset is full again and tells a request nothing.
    pub fn remember(&mut self, route: &str, bucket: Bucket, now: Instant) {
        self.map.retain(|_, b| b.reset > now);
        if self.map.len() >= MAX_BUCKETS && !self.map.contains_key(route) {
            // Rather one that still lets requests through; among those, the one that resets soonest.
            let soonest = self
                .map
                .iter()
                .min_by_key(|(_, b)| (b.remaining == 0, b.reset))
                .map(|(k, _)| k.clone());
            if let Some(k) = soonest {
                self.map.remove(&k);
            }
        }
        self.map.insert(route.to_string(), bucket);
    }

    pub fn len(&self) -> usize {
        self.map.len()
    }

    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }
}

/// The bucket a response's `X-RateLimit-Remaining` and `X-RateLimit-Reset-After` describe, if it has both.
pub fn bucket_of(headers: &HeaderMap, now: Instant) -> Option<Bucket> {
    let number = |name: &str| headers.get(name)?.to_str().ok()?.parse::<f64>().ok();
    let remaining = number("x-ratelimit-remaining")?;
    let after = number("x-ratelimit-reset-after")?;
    Some(Bucket {
        remaining: remaining.max(0.0) as u64,
        reset: now + Duration::from_secs_f64(after.clamp(0.0, 3600.0)),
    })
}

/// How long a 429 asks to wait: the body's `retry_after` (seconds, with fractions), else the
/// `Retry-After` header, else `X-RateLimit-Reset-After`, else one second.
pub fn retry_after(headers: &HeaderMap, body: &Value) -> Duration {
    let header = |name: &str| headers.get(name)?.to_str().ok()?.trim().parse::<f64>().ok();
    let secs = body
        .get("retry_after")
        .and_then(Value::as_f64)
        .or_else(|| header("retry-after"))
        .or_else(|| header("x-ratelimit-reset-after"))
        .unwrap_or(1.0);
    Duration::from_secs_f64(secs.clamp(0.0, 3600.0))
}

/// Whether a 429 holds every route.
pub fn is_global(headers: &HeaderMap, body: &Value) -> bool {
    body.get("global").and_then(Value::as_bool).unwrap_or(false)
        || headers.get("x-ratelimit-global").is_some()
        || headers.get("x-ratelimit-scope").and_then(|v| v.to_str().ok()) == Some("global")
}

/// The rate-limit route of a request: the method and path with minor ids (message and command ids)
/// generalized, and the token of an interaction or webhook route left out; channel, guild, interaction and
/// application ids stay, as Discord buckets by them.
pub fn route_key(method: &Method, path: &str) -> String {
    let segments: Vec<&str> = path
        .split('?')
        .next()
        .unwrap_or(path)
        .split('/')
        .filter(|s| !s.is_empty())
        .collect();
    let tokened = matches!(segments.first(), Some(&("interactions" | "webhooks")));
    let mut out = format!("{method} ");
    for (i, segment) in segments.iter().enumerate() {
        let previous = if i > 0 { segments[i - 1] } else { "" };
        let shown = if tokened && i == 2 {
            ":token"
        } else if matches!(previous, "messages" | "commands") && segment.chars().all(|c| c.is_ascii_digit()) {
            ":id"
        } else {
            segment
        };
        out.push('/');
        out.push_str(shown);
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
            route_key(&Method::GET, "/channels/1/messages?limit=50"),
            "GET /channels/1/messages"
        );
    }

    /// Regression guard: route keys carried interaction tokens into logs, errors and the bucket map.
    #[test]
    fn no_route_carries_a_token() {
        assert_eq!(
            route_key(&Method::POST, "/interactions/5/s3cret/callback"),
            "POST /interactions/5/:token/callback"
        );
        assert_eq!(
            route_key(&Method::PATCH, "/webhooks/7/s3cret/messages/@original"),
            "PATCH /webhooks/7/:token/messages/@original"
        );
        assert_eq!(
            route_key(&Method::DELETE, "/webhooks/7/s3cret/messages/99"),
            "DELETE /webhooks/7/:token/messages/:id"
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

    /// Regression guard: the map gained one bucket per interaction, forever.
    #[test]
    fn the_bucket_map_stays_bounded_and_forgets_idle_buckets() {
        let start = Instant::now();
        let mut buckets = Buckets::default();
        let bucket = |remaining, reset_in: Duration| Bucket {
            remaining,
            reset: start + reset_in,
        };
        // A burst of interactions, each with a live bucket of its own; later ones reset later.
        let route = |n: usize| format!("POST /interactions/{n}/:token/callback");
        for n in 0..MAX_BUCKETS * 4 {
            let reset_in = Duration::from_secs(5) + Duration::from_millis(n as u64);
            buckets.remember(&route(n), bucket(n as u64 % 2, reset_in), start);
            assert!(buckets.len() <= MAX_BUCKETS);
        }
        // Buckets that still let requests through go first, then those that reset soonest.
        let exhausted = route(MAX_BUCKETS * 4 - 2);
        assert!(buckets.blocked_until(&exhausted, start).is_some());
        assert!(buckets.blocked_until(&route(0), start).is_none(), "forgotten");
        // Once their windows have passed, the next request's bucket is all that is left.
        let later = start + Duration::from_secs(60);
        buckets.remember("GET /gateway/bot", bucket(1, Duration::from_secs(61)), later);
        assert_eq!(buckets.len(), 1);
        assert_eq!(buckets.blocked_until(&exhausted, later), None);
    }
}
