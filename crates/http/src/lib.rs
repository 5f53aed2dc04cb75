//! Attaché's HTTP side: health probes, Prometheus metrics, briefing pages, search and an Atom feed; and,
//! when the bot takes Discord interactions over HTTP, the route Discord posts them to.
//!
//! Read-only by construction: every route but that one is a `GET` (or `HEAD`) that reads the engine's
//! current snapshot. `POST /discord/interactions` ([`interactions`]) is passed on whole to an
//! [`InteractionsEndpoint`], which accepts only what Discord signed and answers it as a Discord command.
//! Briefings are addressed by id only (a slug), never by a
//! path, so `/briefings/..%2f..` is a 404 like any other unknown id. Pages are rendered on the server from
//! compile-time templates (maud), which escape every value: briefing text cannot become markup, and only
//! http(s) URLs become links. Every response carries a strict `Content-Security-Policy` and
//! `X-Content-Type-Options: nosniff`; requests have a time limit and a body limit.
//!
//! # What this crate may depend on
//! The core, axum and tower for serving, maud for pages, atom_syndication for the feed, and the
//! Prometheus exporter's handle to render metrics. No chat library: the Discord adapter reaches the
//! interactions route only through the [`InteractionsEndpoint`] trait, wired by the binary.

mod feed;
pub mod interactions;
mod pages;
mod probes;
mod views;

use std::sync::Arc;
use std::time::Duration;

use attache_core::config::HttpConfig;
use attache_core::engine::Engine;
use axum::Router;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::IntoResponse;
use axum::routing::{get, post};
use metrics_exporter_prometheus::PrometheusHandle;
use tokio_util::sync::CancellationToken;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::timeout::TimeoutLayer;

/// A request that takes longer is answered 408.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(10);
/// Nothing here takes a body, but for Discord's interactions (with a limit of their own,
/// [`interactions::BODY_LIMIT`]); anything larger than this is refused.
const BODY_LIMIT: usize = 16 * 1024;
/// Pages load their stylesheet from here and nothing else: no scripts, no frames, no other origins.
const CSP: &str = "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/// What the handlers share.
pub struct State {
    pub engine: Arc<Engine>,
    pub config: HttpConfig,
    /// The Prometheus recorder's handle, when metrics are served.
    pub metrics: Option<PrometheusHandle>,
    /// Where `POST /discord/interactions` goes, when Discord posts interactions here.
    pub interactions: Option<Arc<dyn InteractionsEndpoint>>,
}

pub use interactions::{EndpointReply, InteractionsEndpoint, SignedRequest};

/// Why the server could not run.
#[derive(Debug, thiserror::Error)]
pub enum HttpError {
    #[error("cannot listen on {addr}: {source} (set `http.listen` to a free address)")]
    Bind {
        addr: std::net::SocketAddr,
        #[source]
        source: std::io::Error,
    },
    #[error("the HTTP server stopped: {0}")]
    Serve(#[source] std::io::Error),
}

/// Every route, with the safety layers.
pub fn router(state: Arc<State>) -> Router {
    let mut routes = Router::new()
        .route("/healthz", get(probes::healthz))
        .route("/readyz", get(probes::readyz));
    if state.config.metrics && state.metrics.is_some() {
        routes = routes.route("/metrics", get(probes::metrics));
    }
    if state.config.pages {
        routes = routes
            .route("/", get(pages::index))
            .route("/briefings/{file}", get(pages::briefing))
            .route("/search", get(pages::search))
            .route("/feed.atom", get(feed::atom))
            .route("/style.css", get(pages::style));
    }
    routes = routes
        .fallback(not_found)
        .layer(RequestBodyLimitLayer::new(BODY_LIMIT));
    // After the layer above, so that its smaller limit does not apply here.
    if state.interactions.is_some() {
        routes = routes.route("/discord/interactions", post(interactions::post));
    }
    routes
        .layer(SetResponseHeaderLayer::overriding(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(CSP),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::REFERRER_POLICY,
            HeaderValue::from_static("no-referrer"),
        ))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            REQUEST_TIMEOUT,
        ))
        .with_state(state)
}

async fn not_found() -> impl IntoResponse {
    (
        StatusCode::NOT_FOUND,
        axum::response::Html(views::not_found().into_string()),
    )
}

/// Binds the configured address (before anything else starts, so a taken port is reported at once).
pub async fn bind(config: &HttpConfig) -> Result<tokio::net::TcpListener, HttpError> {
    let addr = config.listen;
    tokio::net::TcpListener::bind(addr)
        .await
        .map_err(|source| HttpError::Bind { addr, source })
}

/// Serves on `listener` until `shutdown`.
pub async fn serve(
    listener: tokio::net::TcpListener,
    state: Arc<State>,
    shutdown: CancellationToken,
) -> Result<(), HttpError> {
    if let Ok(local) = listener.local_addr() {
        tracing::info!("http: serving on http://{local}");
    }
    axum::serve(listener, router(state))
        .with_graceful_shutdown(async move { shutdown.cancelled().await })
        .await
        .map_err(HttpError::Serve)
}

#[cfg(test)]
mod tests;
