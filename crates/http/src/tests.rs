//! Every route through the router itself (no socket): status codes, content types, headers, escaping of a
//! hostile briefing, the feed read back by an independent parser.

use std::sync::Arc;

use attache_core::config::{Config, HttpConfig};
use attache_core::engine::{Engine, PlatformState};
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use tower::ServiceExt;

use crate::{EndpointReply, InteractionsEndpoint, SignedRequest, State, router};

/// A briefing written to do harm: markup in every field, a `javascript:` link and source.
const HOSTILE: &str = r#"+++
id = "hostile"
title = "<script>alert('title')</script> Summit"
event = "<img src=x onerror=alert(1)>"
date = 2024-05-14
location = "Example <b>City</b>"
summary = "A summary with </p><script>alert('summary')</script>."
tags = ["x\" onmouseover=\"alert(1)"]
topics = ["<iframe src=//evil>"]

[[quotes]]
text = "Quoted <script>alert('quote')</script>"
speaker = "Mallory <svg onload=alert(1)>"
role = "<em>role</em>"

[[sponsors]]
name = "Evil & Co <script>"
relation = "sponsor"

[[links]]
title = "Click me"
url = "https://example.org/ok"
+++

Body.
"#;

const PLAIN: &str = r#"+++
id = "plain-2023"
title = "Plain Forum 2023"
date = 2023-03-01
tags = ["ports"]
summary = "Harbour pilots discussed tides."
+++

Body about tides and harbour pilots.
"#;

struct Fixture {
    _dir: tempfile::TempDir,
    engine: Arc<Engine>,
}

fn fixture(files: &[(&str, &str)]) -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    let engine = Arc::new(Engine::new(Config {
        briefings_dir: dir.path().to_path_buf(),
        ..Config::default()
    }));
    Fixture { _dir: dir, engine }
}

fn config() -> HttpConfig {
    HttpConfig {
        listen: "127.0.0.1:0".parse().unwrap(),
        base_url: Some("https://briefings.example.org".into()),
        pages: true,
        metrics: true,
    }
}

async fn get(engine: &Arc<Engine>, config: HttpConfig, uri: &str) -> (StatusCode, String, String) {
    let state = Arc::new(State {
        engine: engine.clone(),
        config,
        metrics: None,
        interactions: None,
    });
    let response = router(state)
        .oneshot(Request::get(uri).body(Body::empty()).unwrap())
        .await
        .unwrap();
    let status = response.status();
    let headers = response.headers().clone();
    assert_eq!(headers[header::X_CONTENT_TYPE_OPTIONS], "nosniff", "{uri}");
    assert!(
        headers[header::CONTENT_SECURITY_POLICY]
            .to_str()
            .unwrap()
            .starts_with("default-src 'none'"),
        "{uri}"
    );
    let kind = headers
        .get(header::CONTENT_TYPE)
        .map(|v| v.to_str().unwrap().to_string())
        .unwrap_or_default();
    let body = axum::body::to_bytes(response.into_body(), 1 << 22).await.unwrap();
    (status, kind, String::from_utf8(body.to_vec()).unwrap())
}

#[tokio::test]
async fn every_page_answers_with_its_type() {
    let f = fixture(&[("plain.md", PLAIN), ("hostile.md", HOSTILE)]);
    for (uri, kind) in [
        ("/healthz", "text/plain"),
        ("/readyz", "application/json"),
        ("/", "text/html"),
        ("/?tag=ports", "text/html"),
        ("/?year=2023", "text/html"),
        ("/briefings/plain-2023", "text/html"),
        ("/briefings/plain-2023.json", "application/json"),
        ("/search?q=tides", "text/html"),
        ("/search", "text/html"),
        ("/feed.atom", "application/atom+xml"),
        ("/style.css", "text/css"),
    ] {
        let (status, got, _) = get(&f.engine, config(), uri).await;
        assert_eq!(status, StatusCode::OK, "{uri}");
        assert!(got.starts_with(kind), "{uri}: {got}");
    }
}

#[tokio::test]
async fn a_year_and_a_tag_filter_the_list() {
    let f = fixture(&[("plain.md", PLAIN), ("hostile.md", HOSTILE)]);
    let (_, _, all) = get(&f.engine, config(), "/").await;
    assert!(all.contains("Plain Forum 2023") && all.contains("Summit"));
    let (_, _, ports) = get(&f.engine, config(), "/?tag=ports").await;
    assert!(ports.contains("Plain Forum 2023") && !ports.contains("Summit"));
    let (_, _, year) = get(&f.engine, config(), "/?year=2024").await;
    assert!(!year.contains("Plain Forum 2023") && year.contains("Summit"));
    // Newest first.
    assert!(all.find("Summit").unwrap() < all.find("Plain Forum 2023").unwrap());
}

#[tokio::test]
async fn hostile_text_renders_inert() {
    let f = fixture(&[("hostile.md", HOSTILE)]);
    for uri in ["/briefings/hostile", "/", "/search?q=summit"] {
        let (status, _, page) = get(&f.engine, config(), uri).await;
        assert_eq!(status, StatusCode::OK);
        for bad in [
            "<script",
            "<img",
            "<svg",
            "<iframe",
            "<em>",
            "<b>",
            "onmouseover=\"",
            "javascript:",
        ] {
            assert!(!page.contains(bad), "{uri} holds {bad}:\n{page}");
        }
    }
    let (_, _, page) = get(&f.engine, config(), "/briefings/hostile").await;
    assert!(
        page.contains("&lt;script&gt;alert('quote')&lt;/script&gt;"),
        "{page}"
    );
    assert!(page.contains(r#"<a href="https://example.org/ok""#));
}

#[tokio::test]
async fn only_web_links_become_links() {
    let evil = PLAIN.replace("summary =", "source = \"https://example.org/src\"\nsummary =");
    let f = fixture(&[("plain.md", &evil)]);
    let (_, _, page) = get(&f.engine, config(), "/briefings/plain-2023").await;
    assert!(page.contains(r#"href="https://example.org/src""#), "{page}");
    // A javascript: URL cannot even load: the parser refuses it, with the file and line.
    let bad = PLAIN.replace("summary =", "source = \"javascript:alert(1)\"\nsummary =");
    let f = fixture(&[("plain.md", &bad)]);
    assert!(f.engine.snapshot().is_empty());
    assert!(f.engine.snapshot().errors[0].to_string().contains("plain.md:"));
}

#[tokio::test]
async fn unknown_ids_and_paths_are_404() {
    let f = fixture(&[("plain.md", PLAIN)]);
    for uri in [
        "/briefings/nope",
        "/briefings/..%2f..%2fetc%2fpasswd",
        "/briefings/../Cargo.toml",
        "/briefings/plain.md",
        "/briefings/%2e%2e",
        "/nothing",
        "/briefings/plain-2023/extra",
    ] {
        let (status, kind, _) = get(&f.engine, config(), uri).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{uri}");
        assert!(kind.starts_with("text/html"), "{uri}");
    }
}

#[tokio::test]
async fn the_json_is_the_briefing_model() {
    let f = fixture(&[("plain.md", PLAIN)]);
    let (_, _, json) = get(&f.engine, config(), "/briefings/plain-2023.json").await;
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    let model = serde_json::to_value(f.engine.snapshot().get("plain-2023").unwrap().as_ref()).unwrap();
    assert_eq!(value, model);
}

#[tokio::test]
async fn readiness_waits_for_platforms_and_briefings() {
    let empty = fixture(&[]);
    let (status, _, body) = get(&empty.engine, config(), "/readyz").await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE, "{body}");
    let f = fixture(&[("plain.md", PLAIN)]);
    f.engine.set_platform("discord", PlatformState::Starting);
    let (status, _, body) = get(&f.engine, config(), "/readyz").await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
    let json: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(json["platforms"]["discord"], "starting");
    assert_eq!(json["briefings"], 1);
    f.engine.set_platform("discord", PlatformState::Connected);
    let (status, _, body) = get(&f.engine, config(), "/readyz").await;
    assert_eq!(status, StatusCode::OK, "{body}");
    // Liveness does not care.
    let (status, _, _) = get(&empty.engine, config(), "/healthz").await;
    assert_eq!(status, StatusCode::OK);
}

#[tokio::test]
async fn the_feed_parses_as_atom() {
    let f = fixture(&[("plain.md", PLAIN), ("hostile.md", HOSTILE)]);
    let (_, _, xml) = get(&f.engine, config(), "/feed.atom").await;
    let feed = feed_rs::parser::parse(xml.as_bytes()).expect("a valid feed");
    assert_eq!(feed.feed_type, feed_rs::model::FeedType::Atom);
    assert_eq!(feed.entries.len(), 2);
    let plain = feed
        .entries
        .iter()
        .find(|e| e.title.as_ref().unwrap().content == "Plain Forum 2023")
        .unwrap();
    assert_eq!(
        plain.links[0].href,
        "https://briefings.example.org/briefings/plain-2023"
    );
    assert_eq!(
        plain.summary.as_ref().unwrap().content,
        "Harbour pilots discussed tides."
    );
    let hostile = feed.entries.iter().find(|e| e.id.ends_with("hostile")).unwrap();
    assert!(
        hostile.title.as_ref().unwrap().content.contains("<script>"),
        "text, not markup"
    );
}

#[tokio::test]
async fn pages_and_metrics_can_be_turned_off() {
    let f = fixture(&[("plain.md", PLAIN)]);
    let off = HttpConfig {
        pages: false,
        metrics: false,
        ..config()
    };
    for uri in ["/", "/briefings/plain-2023", "/feed.atom", "/metrics"] {
        let (status, _, _) = get(&f.engine, off.clone(), uri).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{uri}");
    }
    let (status, _, _) = get(&f.engine, off, "/healthz").await;
    assert_eq!(status, StatusCode::OK);
}

/// A request as the endpoint got it: signature, timestamp, body.
type Got = (Option<String>, Option<String>, Vec<u8>);

/// Records what the endpoint was given and answers a PONG.
#[derive(Default)]
struct Recording {
    got: std::sync::Mutex<Vec<Got>>,
}

impl InteractionsEndpoint for Recording {
    fn handle<'a>(&'a self, r: SignedRequest<'a>) -> attache_core::digest::BoxFuture<'a, EndpointReply> {
        self.got.lock().unwrap().push((
            r.signature.map(str::to_string),
            r.timestamp.map(str::to_string),
            r.body.to_vec(),
        ));
        Box::pin(async {
            EndpointReply {
                status: 200,
                body: serde_json::json!({"type": 1}),
            }
        })
    }
}

async fn post(state: Arc<State>, body: Vec<u8>, signed: bool) -> (StatusCode, String) {
    let mut request = Request::post("/discord/interactions").header(header::CONTENT_TYPE, "application/json");
    if signed {
        request = request
            .header("X-Signature-Ed25519", "ab".repeat(64))
            .header("X-Signature-Timestamp", "1700000000");
    }
    let response = router(state)
        .oneshot(request.body(Body::from(body)).unwrap())
        .await
        .unwrap();
    let status = response.status();
    let body = axum::body::to_bytes(response.into_body(), 1 << 20).await.unwrap();
    (status, String::from_utf8_lossy(&body).into_owned())
}

/// The route passes the signature headers and the raw body on untouched, takes bodies up to 64 KiB (over
/// the other routes' 16 KiB), refuses larger ones itself with 413, and exists only with an endpoint.
#[tokio::test]
async fn discord_interactions_are_passed_on_whole_within_their_limit() {
    let f = fixture(&[("plain.md", PLAIN)]);
    let endpoint = Arc::new(Recording::default());
    let state = Arc::new(State {
        engine: f.engine.clone(),
        config: config(),
        metrics: None,
        interactions: Some(endpoint.clone()),
    });
    // Spacing and key order a parser would lose: the signature covers the bytes as sent.
    let body = b"{\"type\":1,  \"id\" : \"1\"}".to_vec();
    let (status, reply) = post(state.clone(), body.clone(), true).await;
    assert_eq!((status, reply.as_str()), (StatusCode::OK, r#"{"type":1}"#));
    let (status, _) = post(state.clone(), b"{}".to_vec(), false).await;
    assert_eq!(
        status,
        StatusCode::OK,
        "the endpoint, not the server, refuses an unsigned request"
    );
    let large = vec![b' '; 40 * 1024];
    assert_eq!(post(state.clone(), large.clone(), true).await.0, StatusCode::OK);
    let too_large = vec![b' '; crate::interactions::BODY_LIMIT + 1];
    let (status, reply) = post(state.clone(), too_large, true).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE, "{reply}");
    let got = endpoint.got.lock().unwrap().clone();
    assert_eq!(got.len(), 3, "the body too large never reached the endpoint");
    assert_eq!(got[0].0.as_deref(), Some("ab".repeat(64).as_str()));
    assert_eq!(got[0].1.as_deref(), Some("1700000000"));
    assert_eq!(got[0].2, body);
    assert_eq!((got[1].0.clone(), got[1].1.clone()), (None, None));
    assert_eq!(got[2].2, large);

    let without = Arc::new(State {
        interactions: None,
        engine: f.engine.clone(),
        config: config(),
        metrics: None,
    });
    assert_eq!(post(without, b"{}".to_vec(), true).await.0, StatusCode::NOT_FOUND);
}
