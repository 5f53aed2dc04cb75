//! `/feed.atom`: the newest briefings as an Atom feed (RFC 4287), written by atom_syndication.

use std::sync::Arc;

use atom_syndication::{Content, Entry, Feed, FixedDateTime, Link, Person, Text};
use attache_core::model::Briefing;
use axum::extract::State as Shared;
use axum::http::header;
use axum::response::IntoResponse;
use chrono::{NaiveTime, TimeZone, Utc};

use crate::State;

/// The feed holds the newest briefings, at most this many.
const ENTRIES: usize = 50;

pub async fn atom(Shared(state): Shared<Arc<State>>) -> impl IntoResponse {
    let base = state.config.base_url.clone().unwrap_or_default();
    let snapshot = state.engine.snapshot();
    let loaded: FixedDateTime = chrono::DateTime::<Utc>::from(snapshot.loaded_at).fixed_offset();
    let entries: Vec<Entry> = snapshot
        .briefings()
        .iter()
        .take(ENTRIES)
        .map(|b| entry(b, &base, loaded))
        .collect();
    let mut feed = Feed {
        title: Text::plain(state.engine.name()),
        // A feed's id must not change: the public URL when set, else a tag URI of the bot's name.
        id: match base.is_empty() {
            false => format!("{base}/feed.atom"),
            true => format!("tag:attache,2024:{}", state.engine.name().replace(' ', "-")),
        },
        updated: entries.iter().map(|e| e.updated).max().unwrap_or(loaded),
        entries,
        ..Feed::default()
    };
    feed.links.push(link(&base, "/feed.atom", "self"));
    feed.links.push(link(&base, "/", "alternate"));
    feed.authors.push(Person {
        name: state.engine.name(),
        ..Person::default()
    });
    (
        [
            (header::CONTENT_TYPE, "application/atom+xml; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=300"),
        ],
        feed.to_string(),
    )
}

fn link(base: &str, path: &str, rel: &str) -> Link {
    Link {
        href: format!("{base}{path}"),
        rel: rel.to_string(),
        ..Link::default()
    }
}

/// One briefing as an entry: its summary, and its page as the link. Updated at its event's date (an event
/// without a date counts from when the briefings were loaded).
fn entry(b: &Briefing, base: &str, loaded: FixedDateTime) -> Entry {
    let dated = b
        .date
        .map(|d| Utc.from_utc_datetime(&d.and_time(NaiveTime::MIN)).fixed_offset());
    let mut entry = Entry {
        title: Text::plain(b.title.clone()),
        id: match base.is_empty() {
            false => format!("{base}/briefings/{}", b.id),
            true => format!("tag:attache,2024:briefing:{}", b.id),
        },
        updated: dated.unwrap_or(loaded),
        summary: b.summary.clone().map(Text::plain),
        content: Some(Content {
            lang: Some(b.language.clone()),
            value: Some(b.summary.clone().unwrap_or_else(|| b.title.clone())),
            content_type: Some("text".into()),
            ..Content::default()
        }),
        ..Entry::default()
    };
    entry
        .links
        .push(link(base, &format!("/briefings/{}", b.id), "alternate"));
    entry
}
