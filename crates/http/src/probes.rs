//! Probes and metrics: `/healthz` (the process serves), `/readyz` (every configured platform connected and
//! briefings loaded) and `/metrics` (Prometheus text).

use std::collections::BTreeMap;
use std::sync::Arc;

use attache_core::engine::PlatformState;
use attache_core::exec::Host;
use axum::Json;
use axum::extract::State as Shared;
use axum::http::{StatusCode, header};
use axum::response::IntoResponse;
use serde::Serialize;

use crate::State;

/// 200 while the process serves requests.
pub async fn healthz() -> impl IntoResponse {
    ([(header::CACHE_CONTROL, "no-store")], "ok\n")
}

/// What `/readyz` says, as JSON.
#[derive(Debug, Serialize)]
pub struct Readiness {
    pub ready: bool,
    /// Each platform the bot runs, with its state: `connected`, `starting`, `reconnecting: <why>`,
    /// `stopped`.
    pub platforms: BTreeMap<String, String>,
    pub briefings: usize,
    pub load_errors: usize,
    /// Whether this instance leads (runs the schedules, announcements and Matrix): always for a single
    /// instance; for instances sharing a PostgreSQL ledger, exactly one.
    pub leader: bool,
    /// This instance's name, when instances share a ledger.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub instance: Option<String>,
}

/// 200 when every platform the bot runs is connected (or on standby while another instance leads) and at
/// least one briefing is loaded; 503 otherwise. The body says which part is not ready, and whether this
/// instance leads.
pub async fn readyz(Shared(state): Shared<Arc<State>>) -> impl IntoResponse {
    let snapshot = state.engine.snapshot();
    let platforms = state.engine.platforms();
    let connected = platforms
        .iter()
        .all(|(_, s)| matches!(s, PlatformState::Connected | PlatformState::Standby));
    let status = state.engine.status();
    let body = Readiness {
        ready: connected && !snapshot.is_empty(),
        platforms: platforms
            .into_iter()
            .map(|(name, s)| (name, s.to_string()))
            .collect(),
        briefings: snapshot.len(),
        load_errors: snapshot.errors.len(),
        leader: status.leadership.as_ref().is_none_or(|(_, s)| s.leads()),
        instance: status.leadership.map(|(name, _)| name),
    };
    let status = match body.ready {
        true => StatusCode::OK,
        false => StatusCode::SERVICE_UNAVAILABLE,
    };
    (status, [(header::CACHE_CONTROL, "no-store")], Json(body))
}

/// Every metric in Prometheus text format.
pub async fn metrics(Shared(state): Shared<Arc<State>>) -> impl IntoResponse {
    let text = state.metrics.as_ref().map(|m| m.render()).unwrap_or_default();
    (
        [
            (header::CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8"),
            (header::CACHE_CONTROL, "no-store"),
        ],
        text,
    )
}
