//! The endpoint's checks, each on its own, with requests signed by a test key; and a PING answered
//! through the whole of [`Endpoint::handle`].

use std::sync::Arc;

use ed25519_dalek::{Signer, SigningKey};
use serde_json::json;
use tokio_util::task::TaskTracker;

use super::*;
use crate::pages::MemoryPages;
use attache_core::config::Config;
use attache_core::engine::Engine;

const NOW: i64 = 1_750_000_000;

fn signing_key(seed: u8) -> SigningKey {
    SigningKey::from_bytes(&[seed; 32])
}

fn public_key(key: &SigningKey) -> PublicKey {
    let hex: String = key
        .verifying_key()
        .to_bytes()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    PublicKey::parse(&hex).unwrap()
}

/// The signature header Discord would send for `body` at `timestamp`, signed with `key`.
fn sign(key: &SigningKey, timestamp: &str, body: &[u8]) -> String {
    let mut message = timestamp.as_bytes().to_vec();
    message.extend_from_slice(body);
    key.sign(&message)
        .to_bytes()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn verifier() -> (SigningKey, Verifier) {
    let key = signing_key(7);
    let verifier = Verifier::new(&public_key(&key)).unwrap();
    (key, verifier)
}

const BODY: &[u8] = br#"{"type":1,"id":"1","application_id":"2","token":"t","version":1}"#;

#[test]
fn a_request_signed_with_the_applications_key_passes() {
    let (key, v) = verifier();
    let ts = NOW.to_string();
    assert_eq!(
        v.check(Some(&sign(&key, &ts, BODY)), Some(&ts), BODY, NOW),
        Ok(())
    );
    // Discord's clock may be a little ahead of or behind ours.
    let ts = (NOW + 60).to_string();
    assert_eq!(
        v.check(Some(&sign(&key, &ts, BODY)), Some(&ts), BODY, NOW),
        Ok(())
    );
}

#[test]
fn a_bad_or_foreign_signature_is_401() {
    let (key, v) = verifier();
    let ts = NOW.to_string();
    let good = sign(&key, &ts, BODY);
    let other = sign(&signing_key(8), &ts, BODY);
    let mut flipped = good.clone().into_bytes();
    flipped[0] = if flipped[0] == b'0' { b'1' } else { b'0' };
    let flipped = String::from_utf8(flipped).unwrap();
    let tampered = br#"{"type":2,"id":"1","application_id":"2","token":"t","version":1}"#;
    for (what, signature, body) in [
        ("another key's", other.as_str(), BODY),
        ("a changed signature", flipped.as_str(), BODY),
        ("a changed body", good.as_str(), &tampered[..]),
        ("not hex", &"zz".repeat(64), BODY),
        ("too short", &good[..126], BODY),
        ("empty", "", BODY),
    ] {
        let r = v.check(Some(signature), Some(&ts), body, NOW);
        assert_eq!(r, Err(Rejection::Signature), "{what}");
        assert_eq!(Rejection::Signature.status(), 401);
    }
    // The signature covers the timestamp too: the same signature with another timestamp fails.
    let later = (NOW + 1).to_string();
    assert_eq!(
        v.check(Some(&good), Some(&later), BODY, NOW),
        Err(Rejection::Signature)
    );
}

#[test]
fn missing_headers_are_401() {
    let (key, v) = verifier();
    let ts = NOW.to_string();
    let sig = sign(&key, &ts, BODY);
    for (signature, timestamp) in [
        (None, Some(ts.as_str())),
        (Some(sig.as_str()), None),
        (None, None),
    ] {
        let r = v.check(signature, timestamp, BODY, NOW);
        assert_eq!(r, Err(Rejection::Unsigned));
    }
    assert_eq!(Rejection::Unsigned.status(), 401);
}

#[test]
fn a_timestamp_outside_the_window_is_401() {
    let (key, v) = verifier();
    let window = REPLAY_WINDOW.as_secs() as i64;
    for ts in [
        (NOW - window - 1).to_string(),
        (NOW + window + 1).to_string(),
        "yesterday".to_string(),
        String::new(),
    ] {
        // Signed properly, so only the timestamp is at fault.
        let r = v.check(Some(&sign(&key, &ts, BODY)), Some(&ts), BODY, NOW);
        assert_eq!(r, Err(Rejection::Stale), "{ts:?}");
    }
    assert_eq!(Rejection::Stale.status(), 401);
    let edge = (NOW - window).to_string();
    assert_eq!(
        v.check(Some(&sign(&key, &edge, BODY)), Some(&edge), BODY, NOW),
        Ok(())
    );
}

#[test]
fn a_replayed_request_is_401() {
    let (key, v) = verifier();
    let ts = NOW.to_string();
    let sig = sign(&key, &ts, BODY);
    assert_eq!(v.check(Some(&sig), Some(&ts), BODY, NOW), Ok(()));
    assert_eq!(
        v.check(Some(&sig), Some(&ts), BODY, NOW + 10),
        Err(Rejection::Replay)
    );
    // Upper case hex is the same signature.
    let upper = sig.to_uppercase();
    assert_eq!(
        v.check(Some(&upper), Some(&ts), BODY, NOW + 10),
        Err(Rejection::Replay)
    );
    assert_eq!(Rejection::Replay.status(), 401);
    // A failed check is not remembered: the request it imitated still passes once.
    let ts2 = (NOW + 1).to_string();
    let sig2 = sign(&key, &ts2, BODY);
    assert_eq!(v.check(Some(&sig2), None, BODY, NOW), Err(Rejection::Unsigned));
    assert_eq!(v.check(Some(&sig2), Some(&ts2), BODY, NOW), Ok(()));
}

#[test]
fn a_body_over_the_limit_is_413() {
    let (key, v) = verifier();
    let ts = NOW.to_string();
    let body = vec![b' '; MAX_BODY + 1];
    let r = v.check(Some(&sign(&key, &ts, &body)), Some(&ts), &body, NOW);
    assert_eq!(r, Err(Rejection::TooLarge));
    assert_eq!(Rejection::TooLarge.status(), 413);
    let body = vec![b' '; MAX_BODY];
    assert_eq!(
        v.check(Some(&sign(&key, &ts, &body)), Some(&ts), &body, NOW),
        Ok(())
    );
}

#[test]
fn the_memory_of_signatures_is_bounded_and_forgets_what_the_window_left() {
    let window = REPLAY_WINDOW.as_secs() as i64;
    let mut seen = Signatures::new(3);
    let sig = |n: u8| [n; 64];
    assert!(seen.first_time(sig(1), NOW, NOW));
    assert!(!seen.first_time(sig(1), NOW, NOW));
    assert!(seen.first_time(sig(2), NOW, NOW));
    assert!(seen.first_time(sig(3), NOW, NOW));
    assert!(seen.first_time(sig(4), NOW, NOW));
    assert_eq!(seen.order.len(), 3, "at most `cap` are kept");
    assert!(seen.set.len() <= 3);
    assert!(seen.first_time(sig(1), NOW, NOW), "the oldest made room");
    // Once the window has passed, what was sent before it is forgotten.
    assert!(seen.first_time(sig(9), NOW + window + 1, NOW + window + 1));
    assert_eq!(seen.order.len(), 1, "{:?}", seen.order.len());
}

fn endpoint(key: &SigningKey) -> Endpoint {
    let hex = public_key(key).hex();
    let config = Config::parse(
        &format!("[http]\n[discord]\ntoken_env = \"T\"\ninteractions = \"http\"\npublic_key = \"{hex}\"\n"),
        std::path::Path::new("test.toml"),
    )
    .unwrap();
    let discord_config = config.discord.clone().unwrap();
    let discord = Discord::new(
        Arc::new(Engine::new(config)),
        discord_config,
        "token",
        TaskTracker::new(),
        Arc::new(MemoryPages::new()),
    );
    Endpoint::new(Arc::new(discord), &public_key(key)).unwrap()
}

#[tokio::test]
async fn a_ping_gets_a_pong_and_refusals_say_why() {
    let key = signing_key(7);
    let endpoint = endpoint(&key);
    let ts = unix_now().to_string();
    let sig = sign(&key, &ts, BODY);
    let (status, body) = endpoint.handle(Some(&sig), Some(&ts), BODY).await;
    assert_eq!((status, body), (200, json!({"type": 1})));
    let (status, body) = endpoint.handle(Some(&sig), Some(&ts), BODY).await;
    assert_eq!((status, body), (401, json!({"message": "request already seen"})));
    let (status, body) = endpoint.handle(None, Some(&ts), BODY).await;
    assert_eq!(
        (status, body),
        (401, json!({"message": "missing signature headers"}))
    );
    let foreign = sign(&signing_key(8), &ts, BODY);
    let (status, body) = endpoint.handle(Some(&foreign), Some(&ts), BODY).await;
    assert_eq!(
        (status, body),
        (401, json!({"message": "invalid request signature"}))
    );
    // Signed by Discord, but not an interaction.
    let junk = br#"{"type":1}"#;
    let (status, _) = endpoint
        .handle(Some(&sign(&key, &ts, junk)), Some(&ts), junk)
        .await;
    assert_eq!(status, 400);
}
