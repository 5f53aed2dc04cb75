//! Raw Client-Server API calls and the runtime the harness's clients live on.
//!
//! Each `#[tokio::test]` has its own runtime, which ends with the test; an HTTP connection or a
//! matrix-sdk client made in one test's runtime breaks once that test ends. So every request, and every
//! matrix-sdk client, runs on one process-wide runtime owned here, and tests only await the results.
//! Rate limits are met, not avoided: [`call_retrying`] waits out a 429 as a real client would and counts it.

use std::fmt;
use std::future::Future;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use matrix_sdk::reqwest;
use serde_json::Value;
use tokio::runtime::Runtime;

/// A 429 asking for a longer wait than this is a test's mistake (the sixth login in a few minutes, the
/// sixth invite to one user): waiting would only hide it behind minutes of silence.
pub const MAX_RETRY_WAIT: Duration = Duration::from_secs(60);

/// The harness's runtime: never dropped, so clients on it outlive every test.
pub fn rt() -> &'static Runtime {
    static RT: OnceLock<Runtime> = OnceLock::new();
    RT.get_or_init(|| {
        tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .thread_name("matrix-harness")
            .enable_all()
            .build()
            .expect("the harness runtime starts")
    })
}

/// Runs `fut` on the harness runtime and awaits it from any runtime; a panic inside comes back out.
pub async fn on_rt<F>(fut: F) -> F::Output
where
    F: Future + Send + 'static,
    F::Output: Send + 'static,
{
    match rt().spawn(fut).await {
        Ok(out) => out,
        Err(e) => std::panic::resume_unwind(e.into_panic()),
    }
}

/// Runs `fut` to completion and blocks this thread meanwhile, from sync code or from inside any runtime.
/// It runs on a scratch runtime in a scoped thread, so it may borrow; the requests it makes still go
/// through [`call`] and so run on the harness runtime.
pub fn block<F>(fut: F) -> F::Output
where
    F: Future + Send,
    F::Output: Send,
{
    std::thread::scope(|s| {
        s.spawn(|| {
            tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .expect("a scratch runtime")
                .block_on(fut)
        })
        .join()
        .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
    })
}

fn http() -> &'static reqwest::Client {
    static HTTP: OnceLock<reqwest::Client> = OnceLock::new();
    HTTP.get_or_init(|| {
        reqwest::Client::builder()
            // Long enough for a /sync long-poll with a 30 s timeout.
            .timeout(Duration::from_secs(45))
            .build()
            .expect("an HTTP client")
    })
}

/// A failed call: an HTTP status with the Matrix `errcode` and `error`, or a transport failure (status 0).
#[derive(Debug, Clone)]
pub struct ApiError {
    pub method: String,
    pub url: String,
    pub status: u16,
    pub errcode: String,
    pub error: String,
    pub retry_after_ms: Option<u64>,
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} {}: {} {}: {}",
            self.method, self.url, self.status, self.errcode, self.error
        )?;
        if let Some(ms) = self.retry_after_ms {
            write!(f, " (retry after {:.1} s", ms as f64 / 1000.0)?;
            if Duration::from_millis(ms) > MAX_RETRY_WAIT {
                write!(
                    f,
                    ": a Synapse rate limit that refills slowly, e.g. logins or invites to one user; \
                     reuse logged-in users and invite through create_room"
                )?;
            }
            write!(f, ")")?;
        }
        Ok(())
    }
}

/// One request to `url` (a full URL) with an optional bearer token and JSON body; the JSON reply.
pub async fn call(
    method: &str,
    url: &str,
    token: Option<&str>,
    body: Option<&Value>,
) -> Result<Value, ApiError> {
    let (method, url, token, body) = (
        method.to_owned(),
        url.to_owned(),
        token.map(str::to_owned),
        body.cloned(),
    );
    on_rt(async move {
        let m = reqwest::Method::from_bytes(method.as_bytes()).expect("an HTTP method");
        let mut req = http().request(m, &url);
        if let Some(token) = &token {
            req = req.bearer_auth(token);
        }
        if let Some(body) = &body {
            req = req
                .header("content-type", "application/json")
                .body(serde_json::to_vec(body).expect("JSON"));
        }
        let fail = |status: u16, errcode: &str, error: String| ApiError {
            method: method.clone(),
            url: url.clone(),
            status,
            errcode: errcode.to_owned(),
            error,
            retry_after_ms: None,
        };
        let resp = req
            .send()
            .await
            .map_err(|e| fail(0, "TRANSPORT", e.to_string()))?;
        let status = resp.status().as_u16();
        let bytes = resp
            .bytes()
            .await
            .map_err(|e| fail(status, "TRANSPORT", e.to_string()))?;
        let json: Value = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
        if (200..300).contains(&status) {
            return Ok(json);
        }
        let text = |k: &str| json.get(k).and_then(Value::as_str).unwrap_or_default().to_owned();
        let mut err = fail(status, &text("errcode"), text("error"));
        if err.error.is_empty() {
            err.error = String::from_utf8_lossy(&bytes).chars().take(300).collect();
        }
        err.retry_after_ms = json.get("retry_after_ms").and_then(Value::as_u64);
        Err(err)
    })
    .await
}

/// [`call`], waiting out each 429 for the time the server asks (at most [`MAX_RETRY_WAIT`]) and counting
/// it in `limited`, so a test never loses a request to rate limiting and can still see that it happened.
pub async fn call_retrying(
    method: &str,
    url: &str,
    token: Option<&str>,
    body: Option<&Value>,
    limited: &AtomicUsize,
) -> Result<Value, ApiError> {
    loop {
        match call(method, url, token, body).await {
            Err(e) if e.status == 429 => {
                let wait = Duration::from_millis(e.retry_after_ms.unwrap_or(1000));
                if wait > MAX_RETRY_WAIT {
                    return Err(e);
                }
                limited.fetch_add(1, Ordering::Relaxed);
                // A little past the server's figure: its bucket refills continuously.
                tokio::time::sleep(wait + Duration::from_millis(50)).await;
            }
            other => return other,
        }
    }
}

/// Percent-encodes one path segment (a room, event or user id, a transaction id).
pub fn enc(segment: &str) -> String {
    let mut out = String::with_capacity(segment.len());
    for b in segment.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// A transaction id unique in this process, for `PUT .../send/...`.
pub fn txn_id() -> String {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    format!("t{}-{}", std::process::id(), NEXT.fetch_add(1, Ordering::Relaxed))
}
