//! Rate limits and injected faults, as the rate-limit docs describe them: every response carries the
//! `X-RateLimit-*` headers of its bucket; a bucket (per route, counted per top-level resource) that runs
//! out answers 429; tests can inject 429s and 5xx for the next requests matching a route. A request that
//! arrives inside a 429 window, before `retry_after` has passed, is refused again: that is how a client
//! that does not wait gets caught. This file decides; `rest` writes the responses.

use std::collections::HashMap;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use serde_json::{Value, json};

/// Which requests an injected fault or a bucket applies to: a method (`"*"` for any) and a path under
/// `/api/v10`, given as a prefix or as a regular expression.
#[derive(Clone, Debug)]
pub struct Route {
    method: String,
    matcher: Matcher,
}

#[derive(Clone, Debug)]
enum Matcher {
    Prefix(String),
    Regex(regex::Regex),
}

impl Route {
    /// Requests whose path (under `/api/v10`) starts with `prefix`, e.g. `("POST", "/channels/")`.
    pub fn prefix(method: &str, prefix: &str) -> Route {
        Route {
            method: method.to_ascii_uppercase(),
            matcher: Matcher::Prefix(strip_base(prefix).to_string()),
        }
    }

    /// Requests whose path (under `/api/v10`) matches `pattern`.
    ///
    /// # Panics
    /// If `pattern` is not a valid regular expression (a mistake in the test).
    pub fn regex(method: &str, pattern: &str) -> Route {
        Route {
            method: method.to_ascii_uppercase(),
            matcher: Matcher::Regex(regex::Regex::new(pattern).expect("a valid route regex")),
        }
    }

    /// Every request.
    pub fn any() -> Route {
        Route::prefix("*", "/")
    }

    pub(super) fn matches(&self, method: &str, path: &str) -> bool {
        (self.method == "*" || self.method == method)
            && match &self.matcher {
                Matcher::Prefix(p) => path.starts_with(p.as_str()),
                Matcher::Regex(r) => r.is_match(path),
            }
    }
}

fn strip_base(path: &str) -> &str {
    path.strip_prefix("/api/v10").unwrap_or(path)
}

/// The limit every bucket has unless a test sets one: generous, so a normal client never meets it,
/// and truthful, so the headers always describe what the fake enforces.
const DEFAULT_LIMIT: usize = 50;
const DEFAULT_WINDOW: Duration = Duration::from_secs(1);

#[derive(Default)]
pub(super) struct Limits {
    injected: Vec<Injected429>,
    faults: Vec<Fault>,
    rules: Vec<(Route, usize, Duration)>,
    windows: HashMap<String, Window>,
    global_until: Option<Instant>,
}

struct Injected429 {
    route: Route,
    left: usize,
    retry_after: Duration,
    global: bool,
    until: Option<Instant>,
}

struct Fault {
    route: Route,
    left: usize,
    status: u16,
}

struct Window {
    started: Instant,
    used: usize,
}

/// The rate-limit headers of one response.
pub(super) struct Headers {
    pub limit: usize,
    pub remaining: usize,
    pub reset_after: Duration,
    pub bucket: String,
}

impl Headers {
    pub fn pairs(&self) -> Vec<(&'static str, String)> {
        let reset = SystemTime::now().duration_since(UNIX_EPOCH).unwrap_or_default() + self.reset_after;
        vec![
            ("X-RateLimit-Limit", self.limit.to_string()),
            ("X-RateLimit-Remaining", self.remaining.to_string()),
            ("X-RateLimit-Reset", format!("{:.3}", reset.as_secs_f64())),
            (
                "X-RateLimit-Reset-After",
                format!("{:.3}", self.reset_after.as_secs_f64()),
            ),
            ("X-RateLimit-Bucket", self.bucket.clone()),
        ]
    }
}

/// What the limits say about one request.
pub(super) enum Verdict {
    Pass(Headers),
    TooMany(TooMany),
    Fault(u16, Headers),
}

pub(super) struct TooMany {
    pub headers: Headers,
    pub retry_after: Duration,
    pub global: bool,
    pub scope: &'static str,
    /// The request came inside a 429 window it had already been told about.
    pub early: bool,
}

impl TooMany {
    /// The documented 429 body.
    pub fn body(&self) -> Value {
        json!({
            "message": "You are being rate limited.",
            "retry_after": (self.retry_after.as_micros() as f64 / 1000.0).ceil() / 1000.0,
            "global": self.global,
        })
    }

    /// `Retry-After` is whole seconds, rounded up as in the docs' example (64.57 -> 65).
    pub fn retry_after_header(&self) -> String {
        self.retry_after.as_secs_f64().ceil().max(1.0).to_string()
    }
}

impl Limits {
    pub fn inject_429(&mut self, route: Route, count: usize, retry_after: Duration, global: bool) {
        self.injected.push(Injected429 {
            route,
            left: count,
            retry_after,
            global,
            until: None,
        });
    }

    pub fn inject_fault(&mut self, route: Route, count: usize, status: u16) {
        self.faults.push(Fault {
            route,
            left: count,
            status,
        });
    }

    pub fn set_bucket(&mut self, route: Route, limit: usize, window: Duration) {
        self.rules.push((route, limit.max(1), window));
    }

    /// Counts `method path` against its bucket and decides its fate.
    pub fn check(&mut self, method: &str, path: &str, now: Instant) -> Verdict {
        let (limit, window) = self
            .rules
            .iter()
            .rev()
            .find(|(r, _, _)| r.matches(method, path))
            .map_or((DEFAULT_LIMIT, DEFAULT_WINDOW), |(_, l, w)| (*l, *w));
        let (bucket, major) = bucket_of(method, path);
        let w = self.windows.entry(format!("{bucket}:{major}")).or_insert(Window {
            started: now,
            used: 0,
        });
        if now.duration_since(w.started) >= window {
            *w = Window {
                started: now,
                used: 0,
            };
        }
        w.used += 1;
        let reset_after = window.saturating_sub(now.duration_since(w.started));
        let headers = Headers {
            limit,
            remaining: limit.saturating_sub(w.used),
            reset_after,
            bucket,
        };
        let over = w.used > limit;

        if let Some(until) = self.global_until.filter(|u| *u > now) {
            return Verdict::TooMany(TooMany {
                headers,
                retry_after: until - now,
                global: true,
                scope: "global",
                early: true,
            });
        }
        if let Some(f) = self
            .faults
            .iter_mut()
            .find(|f| f.left > 0 && f.route.matches(method, path))
        {
            f.left -= 1;
            return Verdict::Fault(f.status, headers);
        }
        for inj in self.injected.iter_mut().filter(|i| i.route.matches(method, path)) {
            if let Some(until) = inj.until.filter(|u| *u > now) {
                return Verdict::TooMany(TooMany {
                    headers: Headers {
                        remaining: 0,
                        reset_after: until - now,
                        ..headers
                    },
                    retry_after: until - now,
                    global: inj.global,
                    scope: if inj.global { "global" } else { "user" },
                    early: true,
                });
            }
        }
        if let Some(inj) = self
            .injected
            .iter_mut()
            .find(|i| i.left > 0 && i.route.matches(method, path))
        {
            inj.left -= 1;
            let until = now + inj.retry_after;
            inj.until = Some(until);
            if inj.global {
                self.global_until = Some(until);
            }
            return Verdict::TooMany(TooMany {
                headers: Headers {
                    remaining: 0,
                    reset_after: inj.retry_after,
                    ..headers
                },
                retry_after: inj.retry_after,
                global: inj.global,
                scope: if inj.global { "global" } else { "user" },
                early: false,
            });
        }
        if over {
            return Verdict::TooMany(TooMany {
                retry_after: headers.reset_after,
                headers,
                global: false,
                scope: "user",
                // A client that read `X-RateLimit-Remaining: 0` should not have sent this one.
                early: true,
            });
        }
        Verdict::Pass(headers)
    }
}

/// The bucket of a request (a hash of the method and the route with ids left out, as Discord's
/// `X-RateLimit-Bucket` is "non-inclusive of top-level resources") and the top-level resource it is
/// counted under (channel, guild, or webhook id and token).
fn bucket_of(method: &str, path: &str) -> (String, String) {
    let segs: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    let mut template = String::from(method);
    let mut major = String::new();
    for (i, s) in segs.iter().enumerate() {
        let after_token_owner = i >= 2 && matches!(segs[i - 2], "webhooks" | "interactions");
        let is_id = !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        template.push('/');
        if is_id || after_token_owner {
            template.push(':');
            if i == 1 && matches!(segs[0], "channels" | "guilds" | "webhooks" | "interactions") {
                major.push_str(s);
            } else if after_token_owner && i == 2 {
                major.push('/');
                major.push_str(s);
            }
        } else {
            template.push_str(s);
        }
    }
    // FNV-1a: stable across runs, which a test comparing buckets relies on.
    let hash = template.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
    });
    (format!("{hash:016x}"), major)
}
