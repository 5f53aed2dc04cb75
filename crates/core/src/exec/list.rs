//! The commands that list briefings: `events` (browse) and `search` (ranked, with snippets).

use crate::command::Command;
use crate::response::{Block, Inline, Response, Span};
use crate::search;
use crate::store::Snapshot;

use super::event::page_info;
use crate::card::{entry, when_where};

pub const EVENTS_PER_PAGE: usize = 10;
pub const RESULTS_PER_PAGE: usize = 5;
/// Snippets are cut to about this many characters.
const SNIPPET_CHARS: usize = 180;

pub fn events(snapshot: &Snapshot, tag: Option<&str>, year: Option<i32>, page: usize) -> Response {
    let matching: Vec<_> = snapshot
        .briefings()
        .iter()
        .filter(|b| tag.is_none_or(|t| b.tags.iter().any(|x| x.eq_ignore_ascii_case(t))))
        .filter(|b| year.is_none_or(|y| b.date.is_some_and(|d| chrono::Datelike::year(&d) == y)))
        .collect();
    let filter = match (tag, year) {
        (Some(t), Some(y)) => format!(" tagged {t} in {y}"),
        (Some(t), None) => format!(" tagged {t}"),
        (None, Some(y)) => format!(" in {y}"),
        (None, None) => String::new(),
    };
    if matching.is_empty() {
        let mut hints = Vec::new();
        if tag.is_some() {
            let mut tags: Vec<&str> = snapshot
                .briefings()
                .iter()
                .flat_map(|b| b.tags.iter().map(String::as_str))
                .collect();
            tags.sort_unstable();
            tags.dedup();
            if !tags.is_empty() {
                hints.push(Inline::plain(format!("Tags in use: {}.", tags.join(", "))));
            }
        }
        return Response::not_found(Inline::plain(format!("No events{filter}.")), hints);
    }
    let pages = matching.len().div_ceil(EVENTS_PER_PAGE);
    let page = page.min(pages);
    let mut blocks = vec![Block::Title {
        text: format!("Events{filter}"),
        url: None,
    }];
    blocks.extend(
        matching
            .iter()
            .skip((page - 1) * EVENTS_PER_PAGE)
            .take(EVENTS_PER_PAGE)
            .map(|b| entry(b)),
    );
    let list = Command::Events {
        tag: tag.map(str::to_string),
        year,
        page,
    };
    paged(
        Response::answer(blocks),
        page_info(list, page, pages, matching.len()),
    )
}

pub fn search(snapshot: &Snapshot, query: &str, page: usize) -> Response {
    let index = snapshot.index();
    let (mut hits, total) = index.search_page(query, (page - 1) * RESULTS_PER_PAGE, RESULTS_PER_PAGE);
    if total == 0 {
        return Response::not_found(
            Inline::default().text("Nothing found for ").code(query).text("."),
            vec![
                Inline::default()
                    .text("Try fewer or shorter words, or ")
                    .code("events")
                    .text(" to browse."),
            ],
        );
    }
    let pages = total.div_ceil(RESULTS_PER_PAGE);
    let page = page.min(pages);
    if hits.is_empty() {
        // Asked past the end: show the last page rather than nothing.
        hits = index
            .search_page(query, (page - 1) * RESULTS_PER_PAGE, RESULTS_PER_PAGE)
            .0;
    }
    let mut blocks = vec![Block::Title {
        text: format!("Search: {query}"),
        url: None,
    }];
    for hit in &hits {
        let b = &snapshot.briefings()[hit.doc];
        let snippet = search::snippet(b, query, SNIPPET_CHARS);
        blocks.push(Block::Entry {
            title: b.title.clone(),
            id: Some(b.id.clone()),
            detail: when_where(b),
            text: Some(marked(&snippet)),
        });
    }
    let list = Command::Search {
        query: query.to_string(),
        page,
    };
    paged(Response::answer(blocks), page_info(list, page, pages, total))
}

/// Adds page info when there is more than one page.
fn paged(reply: Response, page: crate::response::Page) -> Response {
    if page.pages > 1 {
        reply.with_page(page)
    } else {
        reply
    }
}

/// A snippet as inline text with its matched words strong.
fn marked(s: &search::Snippet) -> Inline {
    let mut spans = Vec::new();
    let mut at = 0;
    for m in &s.marks {
        if m.start > at {
            spans.push(Span::Plain(s.text[at..m.start].to_string()));
        }
        spans.push(Span::Strong(s.text[m.clone()].to_string()));
        at = m.end;
    }
    if at < s.text.len() {
        spans.push(Span::Plain(s.text[at..].to_string()));
    }
    Inline(spans)
}
