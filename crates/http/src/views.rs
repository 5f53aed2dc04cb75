//! The pages, as maud templates: every value is escaped by the template engine, and only http(s) URLs
//! become links. Plain HTML and one stylesheet: readable on a phone, no JavaScript.

use attache_core::card::{date_range, relation_heading};
use attache_core::i18n::Lang;
use attache_core::model::{Briefing, Relation, is_web_url};
use attache_core::search::Snippet;
use attache_core::tr;
use maud::{DOCTYPE, Markup, html};

/// One page: the frame around `body`, in language `lang`.
pub fn page(site: &str, title: &str, lang: &str, body: Markup) -> Markup {
    html! {
        (DOCTYPE)
        html lang=(lang) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) " · " (site) }
                link rel="stylesheet" href="/style.css";
                link rel="alternate" type="application/atom+xml" title=(site) href="/feed.atom";
            }
            body {
                header {
                    nav {
                        a.site href="/" { (site) }
                        a href="/search" { "Search" }
                        a href="/feed.atom" { "Feed" }
                    }
                }
                main { (body) }
            }
        }
    }
}

/// A link when `url` is a web URL, else the text alone.
pub fn link(url: &str, text: &str) -> Markup {
    html! {
        @if is_web_url(url) { a href=(url) rel="nofollow noopener" { (text) } } @else { (text) }
    }
}

/// A query-string value, percent-encoded.
pub fn encode(value: &str) -> String {
    url::form_urlencoded::byte_serialize(value.as_bytes()).collect()
}

/// The language a briefing is written in, when it is one the bot speaks; else English.
pub fn lang_of(b: &Briefing) -> Lang {
    Lang::from_tag(&b.language).unwrap_or(Lang::En)
}

/// When and where, as one line, the briefing's language's way.
pub fn when_where(b: &Briefing) -> Option<String> {
    let when = b.date.map(|d| date_range(lang_of(b), d, b.end_date));
    match (when, b.location.as_deref()) {
        (Some(w), Some(l)) => Some(format!("{w} · {l}")),
        (Some(w), None) => Some(w),
        (None, Some(l)) => Some(l.to_string()),
        (None, None) => None,
    }
}

/// A briefing as an entry of a list.
pub fn entry(b: &Briefing, text: Option<Markup>) -> Markup {
    html! {
        article.entry lang=(b.language) {
            h2 { a href={ "/briefings/" (b.id) } { (b.title) } }
            @if let Some(w) = when_where(b) { p.meta { (w) } }
            @if let Some(t) = text { p { (t) } }
            @if !b.tags.is_empty() {
                p.tags { @for t in &b.tags { a href={ "/?tag=" (encode(t)) } { "#" (t) } " " } }
            }
        }
    }
}

/// The whole briefing, its headings in its own language.
pub fn briefing(b: &Briefing) -> Markup {
    let lang = lang_of(b);
    html! {
        article.briefing {
            h1 { (b.title) }
            @if let Some(w) = when_where(b) { p.meta { (w) } }
            dl.facts {
                @if let Some(e) = &b.event { dt { (tr!(lang, "field-event")) } dd { (e) } }
                @if let Some(t) = &b.theme { dt { (tr!(lang, "field-theme")) } dd { (t) } }
                @if let Some(s) = &b.source { dt { (tr!(lang, "field-source")) } dd { (link(s, s)) } }
            }
            @if let Some(s) = &b.summary { section { h2 { (tr!(lang, "heading-summary")) } p { (s) } } }
            @if !b.quotes.is_empty() {
                section.quotes {
                    h2 { (tr!(lang, "heading-quotes")) }
                    @for q in &b.quotes {
                        figure {
                            blockquote { p { (q.text) } }
                            figcaption {
                                "— " (q.speaker)
                                @if let Some(r) = &q.role { ", " span.role { (r) } }
                            }
                        }
                    }
                }
            }
            @if !b.sponsors.is_empty() {
                section.organizations {
                    h2 { (tr!(lang, "heading-organizations")) }
                    @for r in Relation::ALL {
                        @let names: Vec<_> = b.sponsors_with(r).collect();
                        @if !names.is_empty() {
                            h3 { (relation_heading(lang, r)) }
                            ul { @for s in names {
                                li { (s.name) @if let Some(c) = &s.country { " (" (c) ")" } }
                            } }
                        }
                    }
                }
            }
            @if !b.topics.is_empty() {
                section.topics {
                    h2 { (tr!(lang, "heading-topics")) }
                    ul { @for t in &b.topics {
                        li { (t.title) @if let Some(d) = &t.description { ": " span.description { (d) } } }
                    } }
                }
            }
            @if !b.links.is_empty() {
                section.links {
                    h2 { (tr!(lang, "heading-links")) }
                    ul { @for l in &b.links { li { (link(&l.url, &l.title)) } } }
                }
            }
            @if !b.tags.is_empty() {
                p.tags { @for t in &b.tags { a href={ "/?tag=" (encode(t)) } { "#" (t) } " " } }
            }
            p.meta {
                a href={ "/briefings/" (b.id) ".json" } { "JSON" }
                @if let Some(attache_core::response::Block::Note { text }) = attache_core::card::extracted_note(lang, b) {
                    " · " (text.to_plain())
                }
            }
        }
    }
}

/// A search snippet with its matched words marked.
pub fn snippet(s: &Snippet) -> Markup {
    let mut at = 0;
    let mut parts: Vec<(bool, &str)> = Vec::new();
    for m in &s.marks {
        if m.start > at {
            parts.push((false, &s.text[at..m.start]));
        }
        parts.push((true, &s.text[m.clone()]));
        at = m.end;
    }
    if at < s.text.len() {
        parts.push((false, &s.text[at..]));
    }
    html! { @for (marked, text) in parts { @if marked { mark { (text) } } @else { (text) } } }
}

pub fn not_found() -> Markup {
    page(
        "Attaché",
        "Not found",
        "en",
        html! { h1 { "Not found" } p { "There is nothing here. " a href="/" { "See all briefings" } "." } },
    )
}

/// The stylesheet: system fonts, a readable measure, comfortable on a phone.
pub const STYLE: &str = "\
:root{color-scheme:light dark;--muted:#666;--line:#ddd}\
body{font:1rem/1.5 system-ui,sans-serif;margin:0 auto;max-width:42rem;padding:0 1rem}\
header nav{display:flex;gap:1rem;padding:.75rem 0;border-bottom:1px solid var(--line);flex-wrap:wrap}\
header .site{font-weight:600;margin-right:auto}\
h1{font-size:1.6rem;line-height:1.25}h2{font-size:1.15rem;margin-top:1.75rem}\
.meta,.tags,.role,.description{color:var(--muted)}\
.entry{border-bottom:1px solid var(--line);padding:.5rem 0}.entry h2{margin:.25rem 0}\
blockquote{margin:1rem 0 .25rem;padding-left:1rem;border-left:3px solid var(--line)}\
figure{margin:0 0 1rem}figcaption{font-size:.95rem}\
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}dt{font-weight:600}dd{margin:0}\
form.search{display:flex;gap:.5rem;margin:1rem 0}form.search input{flex:1;font:inherit;padding:.4rem}\
.filters a{margin-right:.5rem}.pager{display:flex;justify-content:space-between;margin:1rem 0}\
mark{background:#fe6;color:#000}\
";
