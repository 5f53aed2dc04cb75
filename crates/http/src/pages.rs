//! The briefing pages: the list (`/`, with tag and year filters), one briefing (`/briefings/<id>`, and its
//! JSON at `/briefings/<id>.json`), search (`/search?q=`) and the stylesheet.

use std::sync::Arc;

use attache_core::model::Briefing;
use axum::Json;
use axum::extract::{Path, Query, State as Shared};
use axum::http::{StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use chrono::Datelike;
use maud::{Markup, html};
use serde::Deserialize;

use crate::State;
use crate::views::{self, encode, page};

/// Briefings per page of the list.
const PER_PAGE: usize = 20;
/// Search results per page.
const RESULTS_PER_PAGE: usize = 10;
/// Summaries in the list are cut to about this many characters.
const SUMMARY_CHARS: usize = 240;
/// Snippets are cut to about this many characters (as in chat).
const SNIPPET_CHARS: usize = 180;
/// A query longer than this is cut: it is a search box, not a document.
const MAX_QUERY: usize = 200;

fn html_page(markup: Markup) -> Response {
    (
        [(header::CACHE_CONTROL, "public, max-age=60")],
        Html(markup.into_string()),
    )
        .into_response()
}

#[derive(Debug, Deserialize)]
pub struct ListQuery {
    tag: Option<String>,
    year: Option<i32>,
    page: Option<usize>,
}

/// Every briefing, newest event first, filtered by tag and year.
pub async fn index(Shared(state): Shared<Arc<State>>, Query(q): Query<ListQuery>) -> Response {
    let snapshot = state.engine.snapshot();
    let site = state.engine.name();
    let matching: Vec<&Arc<Briefing>> = snapshot
        .briefings()
        .iter()
        .filter(|b| {
            q.tag
                .as_deref()
                .is_none_or(|t| b.tags.iter().any(|x| x.eq_ignore_ascii_case(t)))
        })
        .filter(|b| q.year.is_none_or(|y| b.date.is_some_and(|d| d.year() == y)))
        .collect();
    let pages = matching.len().div_ceil(PER_PAGE).max(1);
    let current = q.page.unwrap_or(1).clamp(1, pages);
    let mut tags: Vec<&str> = snapshot
        .briefings()
        .iter()
        .flat_map(|b| b.tags.iter().map(String::as_str))
        .collect();
    tags.sort_unstable();
    tags.dedup();
    let mut years: Vec<i32> = snapshot
        .briefings()
        .iter()
        .filter_map(|b| b.date.map(|d| d.year()))
        .collect();
    years.sort_unstable_by(|a, b| b.cmp(a));
    years.dedup();
    let filter = |tag: Option<&str>, year: Option<i32>, page: usize| {
        let mut parts = Vec::new();
        if let Some(t) = tag {
            parts.push(format!("tag={}", encode(t)));
        }
        if let Some(y) = year {
            parts.push(format!("year={y}"));
        }
        if page > 1 {
            parts.push(format!("page={page}"));
        }
        match parts.is_empty() {
            true => "/".to_string(),
            false => format!("/?{}", parts.join("&")),
        }
    };
    let heading = match (&q.tag, q.year) {
        (Some(t), Some(y)) => format!("Briefings tagged #{t} in {y}"),
        (Some(t), None) => format!("Briefings tagged #{t}"),
        (None, Some(y)) => format!("Briefings of {y}"),
        (None, None) => "Briefings".to_string(),
    };
    let body = html! {
        h1 { (heading) }
        @if !years.is_empty() || !tags.is_empty() {
            p.filters {
                @for y in &years { a href=(filter(q.tag.as_deref(), Some(*y), 1)) { (y) } }
                @for t in &tags { a href=(filter(Some(t), q.year, 1)) { "#" (t) } }
                @if q.tag.is_some() || q.year.is_some() { a href="/" { "all" } }
            }
        }
        @if matching.is_empty() { p { "No briefings match." } }
        @for b in matching.iter().skip((current - 1) * PER_PAGE).take(PER_PAGE) {
            (views::entry(b, b.summary.as_deref().map(|s| html! { (shorten(s, SUMMARY_CHARS)) })))
        }
        @if pages > 1 {
            nav.pager {
                @if current > 1 { a href=(filter(q.tag.as_deref(), q.year, current - 1)) rel="prev" { "← Newer" } } @else { span {} }
                span { "Page " (current) " of " (pages) }
                @if current < pages { a href=(filter(q.tag.as_deref(), q.year, current + 1)) rel="next" { "Older →" } } @else { span {} }
            }
        }
    };
    html_page(page(&site, &heading, "en", body))
}

/// `/briefings/<id>`: the whole briefing; `/briefings/<id>.json`: the same JSON as `attache show --json`.
/// Only an id of a loaded briefing is found: anything else, a path included, is a 404.
pub async fn briefing(Shared(state): Shared<Arc<State>>, Path(file): Path<String>) -> Response {
    let (id, json) = match file.strip_suffix(".json") {
        Some(id) => (id, true),
        None => (file.as_str(), false),
    };
    let snapshot = state.engine.snapshot();
    let Some(b) = snapshot.get(id) else {
        return (StatusCode::NOT_FOUND, Html(views::not_found().into_string())).into_response();
    };
    if json {
        return ([(header::CACHE_CONTROL, "public, max-age=60")], Json(b.as_ref())).into_response();
    }
    html_page(page(
        &state.engine.name(),
        &b.title,
        &b.language,
        views::briefing(b),
    ))
}

#[derive(Debug, Deserialize)]
pub struct SearchQuery {
    q: Option<String>,
    page: Option<usize>,
}

/// `/search?q=`: the same ranking and snippets as the `search` command.
pub async fn search(Shared(state): Shared<Arc<State>>, Query(q): Query<SearchQuery>) -> Response {
    let site = state.engine.name();
    let query: String = q.q.unwrap_or_default().trim().chars().take(MAX_QUERY).collect();
    let form = html! {
        form.search action="/search" method="get" role="search" {
            input type="search" name="q" value=(query) aria-label="Search briefings" placeholder="Search briefings";
            button type="submit" { "Search" }
        }
    };
    if query.is_empty() {
        return html_page(page(&site, "Search", "en", html! { h1 { "Search" } (form) }));
    }
    let snapshot = state.engine.snapshot();
    let index = snapshot.index();
    let current = q.page.unwrap_or(1).max(1);
    let (hits, total) = index.search_page(&query, (current - 1) * RESULTS_PER_PAGE, RESULTS_PER_PAGE);
    let pages = total.div_ceil(RESULTS_PER_PAGE).max(1);
    let link = |p: usize| format!("/search?q={}&page={p}", encode(&query));
    let body = html! {
        h1 { "Search" }
        (form)
        @if total == 0 { p { "Nothing found for “" (query) "”. Try fewer or shorter words." } }
        @else { p.meta { (total) @if total == 1 { " briefing" } @else { " briefings" } } }
        @for hit in &hits {
            @let b = &snapshot.briefings()[hit.doc];
            (views::entry(b, Some(views::snippet(&attache_core::search::snippet(b, &query, SNIPPET_CHARS)))))
        }
        @if pages > 1 {
            nav.pager {
                @if current > 1 { a href=(link(current - 1)) rel="prev" { "← Previous" } } @else { span {} }
                span { "Page " (current.min(pages)) " of " (pages) }
                @if current < pages { a href=(link(current + 1)) rel="next" { "Next →" } } @else { span {} }
            }
        }
    };
    html_page(page(&site, &format!("Search: {query}"), "en", body))
}

pub async fn style() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        views::STYLE,
    )
}

/// `text` cut to about `max` characters at a word.
fn shorten(text: &str, max: usize) -> String {
    attache_core::card::shorten(text, max)
}
