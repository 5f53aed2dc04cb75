//! What the bot counts, through the `metrics` facade: one function per metric, so names and labels are
//! written once. The binary installs a Prometheus recorder when `[http] metrics` is on; without one these
//! calls cost next to nothing.
//!
//! Names follow Prometheus conventions (`attache_` prefix, `_total` for counters, `_seconds` for
//! durations). Labels take values from small fixed sets (command names, platforms, outcomes): never user
//! ids, room ids or free text.

use std::time::Duration;

pub const COMMANDS: &str = "attache_commands_total";
pub const COMMAND_SECONDS: &str = "attache_command_duration_seconds";
pub const BRIEFINGS: &str = "attache_briefings_loaded";
pub const LOAD_ERRORS: &str = "attache_briefing_load_errors";
pub const RELOADS: &str = "attache_reloads_total";
pub const POSTS: &str = "attache_posts_total";
pub const RATE_LIMIT_WAITS: &str = "attache_rate_limit_waits_total";
pub const CONNECTED: &str = "attache_platform_connected";
pub const GAP_FETCHES: &str = "attache_matrix_gap_fetches_total";
pub const CONFIG_REJECTIONS: &str = "attache_config_rejections_total";
pub const DISCORD_HTTP_INTERACTIONS: &str = "attache_discord_http_interactions_total";
pub const DISCORD_HTTP_REJECTIONS: &str = "attache_discord_http_rejections_total";

/// Why the Discord interactions endpoint refuses a request: the values of its rejections' `reason` label.
pub const DISCORD_HTTP_REASONS: &[&str] = &[
    "unsigned",
    "signature",
    "stale",
    "replay",
    "too_large",
    "malformed",
    "unsupported",
    "unanswered",
];
/// What Discord posts to the interactions endpoint: the values of the `kind` label.
pub const DISCORD_HTTP_KINDS: &[&str] = &["ping", "command", "autocomplete", "component"];

/// Histogram buckets of command latency, in seconds: from 50 µs (a lookup) to 5 s (a deferred answer).
pub const COMMAND_BUCKETS: &[f64] = &[
    0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0,
];

/// Describes every metric, for the exporter's `# HELP` lines. Called once after a recorder is installed.
pub fn describe() {
    use metrics::{Unit, describe_counter, describe_gauge, describe_histogram};
    describe_counter!(COMMANDS, "Commands answered, by command, platform and outcome");
    describe_histogram!(
        COMMAND_SECONDS,
        Unit::Seconds,
        "Time to answer a command, by command and platform"
    );
    describe_gauge!(BRIEFINGS, "Briefings being served");
    describe_gauge!(LOAD_ERRORS, "Briefing files that failed to load in the last load");
    describe_counter!(RELOADS, "Reloads of the briefings, by result");
    describe_counter!(
        POSTS,
        "Digest, announcement and manual posts, by platform, kind and outcome"
    );
    describe_counter!(RATE_LIMIT_WAITS, "Waits for a platform's rate limit, by platform");
    describe_gauge!(CONNECTED, "Whether a platform is connected (1) or not (0)");
    describe_counter!(GAP_FETCHES, "Gaps of limited Matrix syncs fetched with /messages");
    describe_counter!(CONFIG_REJECTIONS, "Config file changes rejected as invalid");
    describe_counter!(
        DISCORD_HTTP_INTERACTIONS,
        "Interactions Discord posted to the HTTP endpoint and the bot took, by kind"
    );
    describe_counter!(
        DISCORD_HTTP_REJECTIONS,
        "Requests to the Discord interactions endpoint refused, by reason"
    );
}

/// Starts the Discord interactions endpoint's counters at zero, every kind and reason, when it serves.
pub fn zero_discord_http() {
    for &kind in DISCORD_HTTP_KINDS {
        metrics::counter!(DISCORD_HTTP_INTERACTIONS, "kind" => kind).absolute(0);
    }
    for &reason in DISCORD_HTTP_REASONS {
        metrics::counter!(DISCORD_HTTP_REJECTIONS, "reason" => reason).absolute(0);
    }
}

/// Starts the counters and gauges that would otherwise appear only when first used at zero, so a
/// dashboard (and `rate()`) sees them from the start: per running platform its connection and rate-limit
/// waits, Matrix gap fetches, config rejections.
pub fn zero(platforms: &[&'static str]) {
    metrics::counter!(CONFIG_REJECTIONS).absolute(0);
    for &platform in platforms {
        metrics::gauge!(CONNECTED, "platform" => platform).set(0.0);
        if platform != "console" {
            metrics::counter!(RATE_LIMIT_WAITS, "platform" => platform).absolute(0);
        }
        if platform == "matrix" {
            metrics::counter!(GAP_FETCHES).absolute(0);
        }
    }
}

/// A command answered: `outcome` is the response's status (`answer`, `not_found`, `usage`, `denied`,
/// `internal`).
pub fn command(command: &'static str, platform: &'static str, outcome: &'static str, took: Duration) {
    metrics::counter!(COMMANDS, "command" => command, "platform" => platform, "outcome" => outcome)
        .increment(1);
    metrics::histogram!(COMMAND_SECONDS, "command" => command, "platform" => platform)
        .record(took.as_secs_f64());
}

/// The briefings served after a load, and the files that failed.
pub fn briefings(loaded: usize, errors: usize) {
    metrics::gauge!(BRIEFINGS).set(loaded as f64);
    metrics::gauge!(LOAD_ERRORS).set(errors as f64);
}

/// A reload of the briefings: `changed`, `unchanged` or `errors` (some file failed).
pub fn reload(result: &'static str) {
    metrics::counter!(RELOADS, "result" => result).increment(1);
}

/// A post went out, or failed for now or for good: `outcome` is `posted`, `retry` or `failed`.
pub fn post(platform: &'static str, kind: &'static str, outcome: &'static str) {
    metrics::counter!(POSTS, "platform" => platform, "kind" => kind, "outcome" => outcome).increment(1);
}

/// A wait for a platform's rate limit (a 429, or a bucket found empty before sending).
pub fn rate_limit_wait(platform: &'static str) {
    metrics::counter!(RATE_LIMIT_WAITS, "platform" => platform).increment(1);
}

/// Whether a platform is connected now.
pub fn connected(platform: &str, yes: bool) {
    let platform = match platform {
        "discord" => "discord",
        "matrix" => "matrix",
        "console" => "console",
        _ => "other",
    };
    metrics::gauge!(CONNECTED, "platform" => platform).set(if yes { 1.0 } else { 0.0 });
}

/// A Matrix sync came back limited and its gap was fetched.
pub fn gap_fetch() {
    metrics::counter!(GAP_FETCHES).increment(1);
}

/// Discord posted an interaction of `kind` (one of [`DISCORD_HTTP_KINDS`]) to the endpoint, and it was
/// taken.
pub fn discord_http_interaction(kind: &'static str) {
    metrics::counter!(DISCORD_HTTP_INTERACTIONS, "kind" => kind).increment(1);
}

/// The Discord interactions endpoint refused a request, for `reason` (one of [`DISCORD_HTTP_REASONS`]).
pub fn discord_http_rejection(reason: &'static str) {
    metrics::counter!(DISCORD_HTTP_REJECTIONS, "reason" => reason).increment(1);
}

/// A change to the config file was rejected.
pub fn config_rejected() {
    metrics::counter!(CONFIG_REJECTIONS).increment(1);
}
