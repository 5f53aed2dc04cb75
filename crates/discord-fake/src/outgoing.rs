//! Interactions posted to an interactions endpoint, as Discord does for an application with an
//! Interactions Endpoint URL: the payload as the body, signed with the application's Ed25519 key
//! (`X-Signature-Ed25519` over `X-Signature-Timestamp` followed by the body), and the HTTP response taken
//! as the interaction's first answer. The answer is held to what Discord holds it to: a 200 with a JSON
//! interaction response, within the callback deadline (3 seconds), of a type the interaction allows and
//! valid like a callback sent over REST (a deferral's later edit goes through the webhook routes, as
//! always). What each post came to is kept as a [`Delivery`].
//!
//! Also the endpoint check Discord makes when its URL is saved ([`check_endpoint`]): a signed PING must get
//! a PONG, and a PING with a wrong signature a 401.

use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use ed25519_dalek::Signer;
use serde_json::{Value, json};

use super::Interaction;
use super::interactions;
use super::session::mark_delivered;
use super::state::Shared;

/// What one post of an interaction to an endpoint came to.
#[derive(Clone, Debug)]
pub struct Delivery {
    pub interaction: u64,
    /// The endpoint it was posted to.
    pub endpoint: String,
    /// The HTTP status, when a response came within the deadline.
    pub status: Option<u16>,
    /// From the post to the response (or to giving up).
    pub elapsed: Duration,
    /// The response's interaction response type, when Discord took it; else why it did not (what the
    /// user sees as "This interaction failed").
    pub outcome: Result<u64, String>,
}

/// Lower-case hex, as Discord writes keys and signatures.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The signature headers' values for `body` sent at `timestamp`.
pub(super) fn sign(shared: &Shared, timestamp: &str, body: &[u8]) -> String {
    let mut message = timestamp.as_bytes().to_vec();
    message.extend_from_slice(body);
    hex(&shared.signing.sign(&message).to_bytes())
}

fn unix_now() -> String {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
        .to_string()
}

/// Posts `body` signed as `signature` (made by [`sign`] unless a check wants a wrong one).
async fn post(
    client: &reqwest::Client,
    url: &str,
    timestamp: &str,
    signature: &str,
    body: Vec<u8>,
    deadline: Duration,
) -> Result<(u16, Result<Value, String>), String> {
    let response = client
        .post(url)
        .header("content-type", "application/json")
        .header("user-agent", "Discord-Interactions/1.0 (+https://discord.com)")
        .header("x-signature-ed25519", signature)
        .header("x-signature-timestamp", timestamp)
        .body(body)
        .timeout(deadline)
        .send()
        .await
        .map_err(|e| {
            if e.is_timeout() {
                format!("no response within {deadline:?}")
            } else {
                format!("the endpoint could not be reached: {e}")
            }
        })?;
    let status = response.status().as_u16();
    let json = response
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/json"));
    let body = response
        .bytes()
        .await
        .map_err(|e| format!("the response broke off: {e}"))?;
    let value = if json {
        serde_json::from_slice(&body).map_err(|e| format!("the response is not JSON: {e}"))
    } else {
        Err("the response is not application/json".to_string())
    };
    Ok((status, value))
}

/// Posts `interaction` to `url` and takes the response as its first answer.
pub(super) async fn deliver(
    shared: Arc<Shared>,
    client: reqwest::Client,
    url: String,
    interaction: Interaction,
) {
    let body = serde_json::to_vec(&interaction.payload).unwrap_or_default();
    let timestamp = unix_now();
    let signature = sign(&shared, &timestamp, &body);
    mark_delivered(&mut shared.lock(), Some(interaction.id));
    let started = Instant::now();
    let deadline = shared.opts.callback_deadline;
    let answer = post(&client, &url, &timestamp, &signature, body, deadline).await;
    let elapsed = started.elapsed();
    let mut st = shared.lock();
    let (status, outcome) = match answer {
        Err(why) => (None, Err(why)),
        Ok((status, _)) if status != 200 => (Some(status), Err(format!("the endpoint answered {status}"))),
        Ok((status, Err(why))) => (Some(status), Err(why)),
        Ok((status, Ok(response))) => {
            let id = interaction.id.to_string();
            let taken =
                interactions::callback(&shared, &mut st, &id, &interaction.token, "", Some(&response));
            let kind = response["type"].as_u64().unwrap_or_default();
            (Some(status), taken.map(|_| kind).map_err(|e| e.body.to_string()))
        }
    };
    st.deliveries.push(Delivery {
        interaction: interaction.id,
        endpoint: url,
        status,
        elapsed,
        outcome,
    });
    drop(st);
    shared.notify();
}

/// Discord's check of an endpoint URL when it is saved: a signed PING must be answered 200 with
/// `{"type": 1}`, and the same PING with a wrong signature refused with 401.
pub(super) async fn check_endpoint(
    shared: Arc<Shared>,
    client: reqwest::Client,
    url: String,
) -> Result<(), String> {
    let ping = json!({
        "id": "1",
        "application_id": shared.app_id.to_string(),
        "type": 1,
        "token": "ping",
        "version": 1,
    });
    let body = serde_json::to_vec(&ping).unwrap_or_default();
    let timestamp = unix_now();
    let good = sign(&shared, &timestamp, &body);
    let deadline = shared.opts.callback_deadline;
    // The wrong signature first: an endpoint that remembers signatures must not take it for a replay.
    let wrong = sign(&shared, &timestamp, b"something else");
    match post(&client, &url, &timestamp, &wrong, body.clone(), deadline).await? {
        (401, _) => {}
        (status, _) => {
            return Err(format!(
                "a PING with a wrong signature was answered {status}, not 401"
            ));
        }
    }
    match post(&client, &url, &timestamp, &good, body, deadline).await? {
        (200, Ok(v)) if v["type"] == 1 => Ok(()),
        (status, body) => Err(format!("a PING was answered {status} {body:?}, not a PONG")),
    }
}
