//! The commands about one event: `briefing`, `summary`, `topics`, `sponsors`, `quotes` and `digest`.

use std::sync::Arc;

use crate::briefing::{Briefing, Quote, Relation};
use crate::command::Command;
use crate::config::HttpConfig;
use crate::response::{Block, Inline, Page, Post, Response, Status};
use crate::store::Snapshot;

use super::lookup::resolve_or_reply;
use crate::card;

/// Quotes shown per page.
const QUOTES_PER_PAGE: usize = 5;

macro_rules! resolve {
    ($snapshot:expr, $query:expr, $command:expr) => {
        match resolve_or_reply($snapshot, $query, $command) {
            Ok(b) => b,
            Err(reply) => return *reply,
        }
    };
}

pub fn briefing(snapshot: &Snapshot, query: &str, http: Option<&HttpConfig>) -> Response {
    let b = resolve!(snapshot, query, "briefing");
    with_page_link(card_response(&b), &b, http)
}

/// `response` with a link to the briefing's page, when the HTTP side has a public URL.
fn with_page_link(mut response: Response, b: &Briefing, http: Option<&HttpConfig>) -> Response {
    if let Some(url) = http.and_then(|h| h.page_url(&b.id)) {
        response.blocks.push(card::page_link(url));
    }
    response
}

/// The full card of one briefing, with its links and a note on what was extracted.
pub fn card_response(b: &Briefing) -> Response {
    let mut blocks = card::card(b);
    if !b.links.is_empty() {
        blocks.push(Block::Links {
            links: b.links.iter().map(|l| (l.title.clone(), l.url.clone())).collect(),
        });
    }
    blocks.extend(card::extracted_note(b));
    blocks.push(Block::Note {
        text: Inline::default()
            .text("More: ")
            .code(format!("quotes {}", b.id))
            .text(" · ")
            .code(format!("topics {}", b.id))
            .text(" · ")
            .code(format!("sponsors {}", b.id)),
    });
    Response::answer(blocks)
}

pub fn summary(snapshot: &Snapshot, query: &str, http: Option<&HttpConfig>) -> Response {
    let b = resolve!(snapshot, query, "summary");
    let mut blocks = vec![card::title(&b), card::facts(&b)];
    match &b.summary {
        Some(s) => blocks.push(Block::Paragraph {
            text: Inline::plain(s),
        }),
        None => blocks.push(Block::Note {
            text: Inline::plain("This briefing has no summary."),
        }),
    }
    with_page_link(Response::answer(blocks), &b, http)
}

pub fn topics(snapshot: &Snapshot, query: &str) -> Response {
    let b = resolve!(snapshot, query, "topics");
    if b.topics.is_empty() {
        return empty(&b, "No topics are listed for ");
    }
    let items = b
        .topics
        .iter()
        .map(|t| match &t.description {
            Some(d) => Inline::default().strong(&t.title).text(format!(": {d}")),
            None => Inline::plain(&t.title),
        })
        .collect();
    Response::answer(vec![
        heading("Topics", &b),
        Block::List {
            heading: None,
            items,
            ordered: true,
        },
    ])
}

pub fn sponsors(snapshot: &Snapshot, query: &str, relation: Option<Relation>) -> Response {
    let b = resolve!(snapshot, query, "sponsors");
    let relations: Vec<Relation> = match relation {
        Some(r) => vec![r],
        None => Relation::ALL.to_vec(),
    };
    let mut blocks = vec![heading("Organizations", &b)];
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
                heading: Some(r.plural_title().into()),
                items,
                ordered: false,
            });
        }
    }
    if blocks.len() == 1 {
        let what = relation.map_or("No organizations", |r| match r {
            Relation::Organizer => "No organizers",
            Relation::Host => "No hosts",
            Relation::Sponsor => "No sponsors",
            Relation::Supporter => "No supporters",
            Relation::Partner => "No partners",
        });
        let mut reply = empty(&b, &format!("{what} are listed for "));
        let present: Vec<&str> = Relation::ALL
            .into_iter()
            .filter(|r| b.sponsors_with(*r).next().is_some())
            .map(Relation::as_str)
            .collect();
        if !present.is_empty() {
            reply.blocks.push(Block::Note {
                text: Inline::plain(format!("It lists: {}.", present.join(", "))),
            });
        }
        return reply;
    }
    Response::answer(blocks)
}

pub fn quotes(snapshot: &Snapshot, event: Option<&str>, speaker: Option<&str>, page: usize) -> Response {
    let event = match event {
        Some(query) => match resolve_or_reply(snapshot, query, "quotes") {
            Ok(b) => Some(b),
            // `quotes noskov`: not an event, but maybe a speaker.
            Err(reply) if speaker.is_none() && reply.status == Status::NotFound => {
                if by_speaker(snapshot, query).is_empty() {
                    return *reply;
                }
                return quotes(snapshot, None, Some(query), page);
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
    let title = match (&event, speaker_name) {
        (Some(b), None) => format!("Quotes — {}", b.display_name()),
        (Some(b), Some(s)) => format!("Quotes by {s} — {}", b.display_name()),
        (None, Some(s)) => format!("Quotes by {s}"),
        (None, None) => "Quotes".to_string(),
    };
    if found.is_empty() {
        let message = match (&event, speaker) {
            (Some(b), Some(s)) => Inline::plain(format!("No quotes by {s} in {}.", b.display_name())),
            (Some(b), None) => Inline::plain(format!("No quotes are listed for {}.", b.display_name())),
            (None, s) => Inline::plain(format!("No quotes by {} in any briefing.", s.unwrap_or("anyone"))),
        };
        return Response::not_found(message, vec![]);
    }
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

pub fn digest(snapshot: &Snapshot, query: &str, target: Option<String>) -> Response {
    let b = resolve!(snapshot, query, "digest");
    if let Some(t) = &target
        && let Err(why) = check_target(t)
    {
        return Response::problem(
            Status::Usage,
            Inline::default()
                .code(t.as_str())
                .text(format!(" is not a target: {why}.")),
            vec![
                Inline::default()
                    .text("Targets look like ")
                    .code("discord:123456789012345678")
                    .text(" or ")
                    .code("matrix:!room:example.org")
                    .text("."),
            ],
        );
    }
    let blocks = card::card(&b);
    let intro = Inline::default().text("Digest of ").code(b.id.as_str());
    let intro = match &target {
        Some(t) => intro.text(", to be posted to ").code(t.as_str()).text(":"),
        None => intro.text(", to be posted here:"),
    };
    Response {
        status: Status::Answer,
        blocks: vec![Block::Note { text: intro }],
        page: None,
        post: Some(Post {
            target,
            briefing: b.id.clone(),
            blocks,
        }),
        private: false,
    }
}

/// A digest target: `discord:<channel id>` or `matrix:<room id or alias>`, as the config accepts them.
fn check_target(t: &str) -> Result<(), &'static str> {
    crate::target::Target::parse(t).map(drop)
}

/// Every quote by `speaker` across the snapshot, newest event first.
fn by_speaker<'a>(snapshot: &'a Snapshot, speaker: &str) -> Vec<(&'a Arc<Briefing>, &'a Quote)> {
    snapshot
        .quotes_by(speaker)
        .into_iter()
        .map(|(d, q)| {
            let b = &snapshot.briefings()[d];
            (b, &b.quotes[q])
        })
        .collect()
}

/// "noskov", "Konstantin Noskov" and "k noskov" all match "Konstantin Noskov": every typed word must be the
/// start of one of the speaker's name words.
fn speaker_matches(name: &str, query: &str) -> bool {
    let mut typed = query.split_whitespace().peekable();
    typed.peek().is_some()
        && typed.all(|w| {
            name.split_whitespace()
                .any(|n| starts_with_caseless(n, w.trim_end_matches('.')))
        })
}

/// `s` starts with `prefix`, ignoring case, without allocating (this runs once per quote per query).
fn starts_with_caseless(s: &str, prefix: &str) -> bool {
    let mut rest = s.chars().flat_map(char::to_lowercase);
    prefix
        .chars()
        .flat_map(char::to_lowercase)
        .all(|c| rest.next() == Some(c))
}

fn heading(what: &str, b: &Briefing) -> Block {
    Block::Title {
        text: format!("{what} — {}", b.display_name()),
        url: b.source.clone(),
    }
}

fn empty(b: &Briefing, message: &str) -> Response {
    Response::not_found(Inline::plain(format!("{message}{}.", b.display_name())), vec![])
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
