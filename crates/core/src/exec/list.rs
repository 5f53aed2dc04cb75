//! The commands that list briefings: `events` (browse) and `search` (ranked, with snippets).

use crate::card::{entry, when_where};
use crate::command::Command;
use crate::i18n::code;
use crate::response::{Block, Inline, Response, Span};
use crate::search;
use crate::{tr, tr_inline};

use super::Context;
use super::event::page_info;

pub const EVENTS_PER_PAGE: usize = 10;
pub const RESULTS_PER_PAGE: usize = 5;
/// Snippets are cut to about this many characters.
const SNIPPET_CHARS: usize = 180;

pub fn events(ctx: &Context<'_>, tag: Option<&str>, year: Option<i32>, page: usize) -> Response {
    let (lang, snapshot) = (ctx.lang, &ctx.snapshot);
    let matching: Vec<_> = snapshot
        .briefings()
        .iter()
        .filter(|b| tag.is_none_or(|t| b.tags.iter().any(|x| x.eq_ignore_ascii_case(t))))
        .filter(|b| year.is_none_or(|y| b.date.is_some_and(|d| chrono::Datelike::year(&d) == y)))
        .collect();
    let (title, none) = match (tag, year) {
        (Some(t), Some(y)) => (
            tr!(lang, "events-title-tag-year", tag = t, year = y.to_string()),
            tr!(lang, "no-events-tag-year", tag = t, year = y.to_string()),
        ),
        (Some(t), None) => (
            tr!(lang, "events-title-tag", tag = t),
            tr!(lang, "no-events-tag", tag = t),
        ),
        (None, Some(y)) => (
            tr!(lang, "events-title-year", year = y.to_string()),
            tr!(lang, "no-events-year", year = y.to_string()),
        ),
        (None, None) => (tr!(lang, "events-title"), tr!(lang, "no-events")),
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
                hints.push(tr_inline!(lang, "tags-in-use", tags = tags.join(", ")));
            }
        }
        return Response::not_found(Inline::plain(none), hints);
    }
    let pages = matching.len().div_ceil(EVENTS_PER_PAGE);
    let page = page.min(pages);
    let mut blocks = vec![Block::Title {
        text: title,
        url: None,
    }];
    blocks.extend(
        matching
            .iter()
            .skip((page - 1) * EVENTS_PER_PAGE)
            .take(EVENTS_PER_PAGE)
            .map(|b| entry(lang, &snapshot.localized(b, lang))),
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

pub fn search(ctx: &Context<'_>, query: &str, page: usize) -> Response {
    let (lang, snapshot) = (ctx.lang, &ctx.snapshot);
    let index = snapshot.index();
    let (mut hits, total) = index.search_page(query, (page - 1) * RESULTS_PER_PAGE, RESULTS_PER_PAGE);
    if total == 0 {
        return Response::not_found(
            tr_inline!(lang, "nothing-found", query = code(query)),
            vec![tr_inline!(lang, "try-fewer-words", events = code("events"))],
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
        text: tr!(lang, "search-title", query = query),
        url: None,
    }];
    for hit in &hits {
        let b = &snapshot.localized(&snapshot.briefings()[hit.doc], lang);
        let snippet = search::snippet(b, query, SNIPPET_CHARS);
        blocks.push(Block::Entry {
            title: b.title.clone(),
            id: Some(b.id.clone()),
            detail: when_where(lang, b),
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
