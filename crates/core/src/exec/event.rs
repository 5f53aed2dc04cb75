//! The commands about one event: `briefing`, `summary`, `topics`, `sponsors`, `quotes` and `digest`.

use std::sync::Arc;

use crate::briefing::{Briefing, Quote, Relation};
use crate::card;
use crate::command::Command;
use crate::config::HttpConfig;
use crate::i18n::{Lang, code, strong};
use crate::response::{Block, Inline, Page, Post, Response, Status};
use crate::store::Snapshot;
use crate::{tr, tr_inline};

use super::Context;
use super::lookup::resolve_or_reply;

/// Quotes shown per page.
const QUOTES_PER_PAGE: usize = 5;

/// Resolves `<event>` to the briefing's version in the caller's language, or returns the reply to a miss.
macro_rules! resolve {
    ($ctx:expr, $query:expr, $command:expr) => {
        match resolve_or_reply($ctx.lang, &$ctx.snapshot, $query, $command) {
            Ok(b) => $ctx.snapshot.localized(&b, $ctx.lang),
            Err(reply) => return *reply,
        }
    };
}

/// `response` with a note saying which language the briefing is in, when the caller's has no version.
pub fn noted(ctx: &Context<'_>, b: &Briefing, mut response: Response) -> Response {
    let written = Lang::from_tag(&b.language);
    if written != Some(ctx.lang) {
        let name = |tag: &str| match Lang::from_tag(tag) {
            Some(l) => crate::i18n::text(ctx.lang, &format!("language-{}", l.code()), &[]),
            None => tag.to_string(),
        };
        response.blocks.push(Block::Note {
            text: tr_inline!(
                ctx.lang,
                "translation-note",
                language = name(&b.language),
                wanted = name(ctx.lang.code())
            ),
        });
    }
    response
}

pub fn briefing(ctx: &Context<'_>, query: &str) -> Response {
    let b = resolve!(ctx, query, "briefing");
    let reply = with_page_link(
        ctx.lang,
        card_response(ctx.lang, &b),
        &b,
        ctx.config.http.as_ref(),
    );
    noted(ctx, &b, reply)
}

/// `response` with a link to the briefing's page, when the HTTP side has a public URL.
fn with_page_link(lang: Lang, mut response: Response, b: &Briefing, http: Option<&HttpConfig>) -> Response {
    if let Some(url) = http.and_then(|h| h.page_url(&b.id)) {
        response.blocks.push(card::page_link(lang, url));
    }
    response
}

/// The full card of one briefing, with its links and a note on what was extracted.
pub fn card_response(lang: Lang, b: &Briefing) -> Response {
    let mut blocks = card::card(lang, b);
    if !b.links.is_empty() {
        blocks.push(Block::Links {
            links: b.links.iter().map(|l| (l.title.clone(), l.url.clone())).collect(),
        });
    }
    blocks.extend(card::extracted_note(lang, b));
    blocks.push(Block::Note {
        text: card::more_commands(lang, &b.id),
    });
    Response::answer(blocks)
}

pub fn summary(ctx: &Context<'_>, query: &str) -> Response {
    let b = resolve!(ctx, query, "summary");
    let lang = ctx.lang;
    let mut blocks = vec![card::title(&b), card::facts(lang, &b)];
    match &b.summary {
        Some(s) => blocks.push(Block::Paragraph {
            text: Inline::plain(s),
        }),
        None => blocks.push(Block::Note {
            text: tr_inline!(lang, "no-summary"),
        }),
    }
    noted(
        ctx,
        &b,
        with_page_link(lang, Response::answer(blocks), &b, ctx.config.http.as_ref()),
    )
}

pub fn topics(ctx: &Context<'_>, query: &str) -> Response {
    let b = resolve!(ctx, query, "topics");
    let lang = ctx.lang;
    if b.topics.is_empty() {
        return empty(lang, &b, "no-topics");
    }
    let items = b
        .topics
        .iter()
        .map(|t| match &t.description {
            Some(d) => Inline::default().strong(&t.title).text(format!(": {d}")),
            None => Inline::plain(&t.title),
        })
        .collect();
    let reply = Response::answer(vec![
        heading(lang, tr!(lang, "heading-topics"), &b),
        Block::List {
            heading: None,
            items,
            ordered: true,
        },
    ]);
    noted(ctx, &b, reply)
}

pub fn sponsors(ctx: &Context<'_>, query: &str, relation: Option<Relation>) -> Response {
    let b = resolve!(ctx, query, "sponsors");
    let lang = ctx.lang;
    let relations: Vec<Relation> = match relation {
        Some(r) => vec![r],
        None => Relation::ALL.to_vec(),
    };
    let mut blocks = vec![heading(lang, tr!(lang, "heading-organizations"), &b)];
    for r in relations {
        let items: Vec<Inline> = b
            .sponsors_with(r)
            .map(|s| match &s.country {
                Some(c) => Inline::plain(format!("{} ({c})", s.name)),
                None => Inline::plain(&s.name),
            })
            .collect();
        if !items.is_empty() {
            blocks.push(Block::List {
                heading: Some(card::relation_heading(lang, r)),
                items,
                ordered: false,
            });
        }
    }
    if blocks.len() > 1 {
        return noted(ctx, &b, Response::answer(blocks));
    }
    let id = match relation {
        None => "none-listed-organizations",
        Some(Relation::Organizer) => "none-listed-organizer",
        Some(Relation::Host) => "none-listed-host",
        Some(Relation::Sponsor) => "none-listed-sponsor",
        Some(Relation::Supporter) => "none-listed-supporter",
        Some(Relation::Partner) => "none-listed-partner",
    };
    let mut reply = empty(lang, &b, id);
    let present: Vec<String> = Relation::ALL
        .into_iter()
        .filter(|r| b.sponsors_with(*r).next().is_some())
        .map(|r| card::relation_name(lang, r))
        .collect();
    if !present.is_empty() {
        reply.blocks.push(Block::Note {
            text: tr_inline!(lang, "it-lists", relations = present.join(", ")),
        });
    }
    reply
}

pub fn quotes(ctx: &Context<'_>, event: Option<&str>, speaker: Option<&str>, page: usize) -> Response {
    let (lang, snapshot) = (ctx.lang, &ctx.snapshot);
    let event = match event {
        Some(query) => match resolve_or_reply(lang, snapshot, query, "quotes") {
            Ok(b) => Some(snapshot.localized(&b, lang)),
            // `quotes noskov`: not an event, but maybe a speaker.
            Err(reply) if speaker.is_none() && reply.status == Status::NotFound => {
                if by_speaker(snapshot, query).is_empty() {
                    return *reply;
                }
                return quotes(ctx, None, Some(query), page);
            }
            Err(reply) => return *reply,
        },
        None => None,
    };
    let found: Vec<(&Arc<Briefing>, &Quote)> = match (&event, speaker) {
        (Some(b), speaker) => b
            .quotes
            .iter()
            .filter(|q| speaker.is_none_or(|s| speaker_matches(&q.speaker, s)))
            .map(|q| (b, q))
            .collect(),
        (None, Some(s)) => by_speaker(snapshot, s),
        (None, None) => Vec::new(),
    };
    // Name the speaker as the briefings do ("Konstantin Noskov" for "noskov") when the matches agree.
    let speaker_name = speaker.map(|typed| match found.first() {
        Some((_, first)) if found.iter().all(|(_, q)| q.speaker == first.speaker) => first.speaker.as_str(),
        _ => typed,
    });
    if found.is_empty() {
        let message = match (&event, speaker) {
            (Some(b), Some(s)) => tr_inline!(
                lang,
                "no-quotes-by-in",
                speaker = strong(s),
                event = b.display_name()
            ),
            (Some(b), None) => tr_inline!(lang, "no-quotes-in", event = b.display_name()),
            (None, s) => tr_inline!(lang, "no-quotes-by", speaker = strong(s.unwrap_or_default())),
        };
        return Response::not_found(message, vec![]);
    }
    let title = match (&event, speaker_name) {
        (Some(b), None) => tr!(lang, "quotes-of-event", event = b.display_name()),
        (Some(b), Some(s)) => tr!(lang, "quotes-by-in", speaker = s, event = b.display_name()),
        (None, Some(s)) => tr!(lang, "quotes-by", speaker = s),
        (None, None) => tr!(lang, "quotes-title"),
    };
    let pages = found.len().div_ceil(QUOTES_PER_PAGE);
    let page = page.min(pages);
    let mut blocks = vec![Block::Title {
        text: title,
        url: None,
    }];
    blocks.extend(
        found
            .iter()
            .skip((page - 1) * QUOTES_PER_PAGE)
            .take(QUOTES_PER_PAGE)
            .map(|(b, q)| Block::Quote {
                text: q.text.clone(),
                speaker: q.speaker.clone(),
                role: q.role.clone(),
                event: event.is_none().then(|| b.display_name().to_string()),
            }),
    );
    // The next pages name the event by id: the words typed could match another briefing by then.
    let list = Command::Quotes {
        event: event.as_ref().map(|b| b.id.clone()),
        speaker: speaker.map(str::to_string),
        page,
    };
    let mut reply = Response::answer(blocks);
    if pages > 1 {
        reply = reply.with_page(page_info(list, page, pages, found.len()));
    }
    reply
}

pub fn digest(ctx: &Context<'_>, query: &str, target: Option<String>) -> Response {
    let b = resolve!(ctx, query, "digest");
    let lang = ctx.lang;
    if let Some(t) = &target
        && let Err(why) = check_target(t)
    {
        return Response::problem(
            Status::Usage,
            tr_inline!(
                lang,
                "not-a-target",
                target = code(t.as_str()),
                why = tr!(lang, why)
            ),
            vec![tr_inline!(
                lang,
                "targets-look-like",
                discord = code("discord:123456789012345678"),
                matrix = code("matrix:!room:example.org"),
            )],
        );
    }
    let blocks = card::card(lang, &b);
    let intro = match &target {
        Some(t) => tr_inline!(
            lang,
            "digest-intro-to",
            id = code(b.id.as_str()),
            target = code(t.as_str())
        ),
        None => tr_inline!(lang, "digest-intro-here", id = code(b.id.as_str())),
    };
    let mut reply = Response::answer(vec![Block::Note { text: intro }]);
    reply.post = Some(Post {
        target,
        briefing: b.id.clone(),
        blocks,
    });
    reply
}

/// A digest target: `discord:<channel id>` or `matrix:<room id or alias>`, as the config accepts them; the
/// error is the message id of what is wrong.
fn check_target(t: &str) -> Result<(), &'static str> {
    match crate::target::Target::parse(t) {
        Ok(_) => Ok(()),
        Err(_) if t.starts_with("discord:") => Err("target-bad-discord"),
        Err(_) if t.starts_with("matrix:") => Err("target-bad-matrix"),
        Err(_) => Err("target-bad-scheme"),
    }
}

/// Every quote by `speaker` across the snapshot, newest event first, from the language version that names
/// the speaker so.
fn by_speaker<'a>(snapshot: &'a Snapshot, speaker: &str) -> Vec<(&'a Arc<Briefing>, &'a Quote)> {
    snapshot
        .quotes_by(speaker)
        .into_iter()
        .map(|(_, version, q)| (version, &version.quotes[q]))
        .collect()
}

/// "noskov", "Konstantin Noskov", "k noskov" and "Носкова" (for "Носков") match: every typed word, stemmed,
/// must be the start of one of the speaker's stemmed name words.
fn speaker_matches(name: &str, query: &str) -> bool {
    let names = crate::names::words(name);
    let typed = crate::names::words(query);
    !typed.is_empty()
        && typed
            .iter()
            .all(|w| names.iter().any(|n| crate::names::names_word(n, w)))
}

fn heading(lang: Lang, what: String, b: &Briefing) -> Block {
    Block::Title {
        text: tr!(lang, "title-with-event", what = what, event = b.display_name()),
        url: b.source.clone(),
    }
}

/// "No X are listed for <event>."
fn empty(lang: Lang, b: &Briefing, id: &str) -> Response {
    Response::not_found(
        Inline::plain(crate::i18n::text(lang, id, &[("event", b.display_name().into())])),
        vec![],
    )
}

/// Page info with the commands for the neighbouring pages of the list `list` shows.
pub fn page_info(list: Command, page: usize, pages: usize, total: usize) -> Page {
    Page {
        page,
        pages,
        total,
        next: (page < pages).then(|| list.clone().with_page(page + 1)),
        prev: (page > 1).then(|| list.with_page(page - 1)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn speakers_match_by_name_word_prefixes() {
        assert!(speaker_matches("Konstantin Noskov", "noskov"));
        assert!(speaker_matches("Konstantin Noskov", "K. Noskov"));
        assert!(!speaker_matches("Konstantin Noskov", "Noskova"));
        assert!(!speaker_matches("Konstantin Noskov", "  "));
        // A Russian name in another case is the same person.
        assert!(speaker_matches("Константин Носков", "Носкова"));
        assert!(speaker_matches("Константин Носков", "носков"));
    }

    #[test]
    fn targets_are_checked() {
        assert!(check_target("discord:123456789012345678").is_ok());
        assert!(check_target("matrix:!abc").is_ok());
        assert!(check_target("matrix:#news:example.org").is_ok());
        assert!(check_target("discord:general").is_err());
        assert!(check_target("slack:x").is_err());
    }
}
