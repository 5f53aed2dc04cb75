//! One task per room with work: it reads the room's commands in the order they were sent and queues each
//! answer on the room's [`Pipeline`], which sends a few at once and keeps each user's answers in order, so
//! a slow answer (a rate limit, a long reply) holds up only its own room and user. A task stops after a
//! while without work, once its answers are out, and the sync loop starts another when needed.
//!
//! Before a batch's commands, the task fetches the gap of a limited sync from `/messages`, and answers the
//! commands found there first. An event that could not be decrypted yet is retried in the background while
//! its room key may still arrive.

use std::sync::Arc;
use std::time::{Duration, Instant};

use matrix_sdk::Room;
use matrix_sdk::deserialized_responses::{TimelineEvent, TimelineEventKind};
use matrix_sdk::room::MessagesOptions;
use matrix_sdk::ruma::{UInt, UserId};
use tokio::sync::mpsc;

use attache_core::command::Role;
use attache_core::engine::Caller;
use attache_core::retry::Policy;

use super::Bot;
use super::event::{self, Request};
use super::pipeline::{Answer, Pipeline};
use super::render;
use super::send;
use super::sync::{Read, read, read_all};

/// A room task stops after this long without work.
const IDLE: Duration = Duration::from_secs(300);
/// Events per `/messages` page, and pages at most per gap (a gap larger than this is logged, not chased).
const GAP_PAGE: u32 = 100;
const GAP_PAGES: usize = 50;
/// Fetching a page of a gap again after a passing failure.
const GAP_RETRY: Policy = Policy::new(Duration::from_millis(500), Duration::from_secs(10));
/// Decrypting a command again while its room key may still arrive, for [`DECRYPT_PATIENCE`] in all.
const DECRYPT_RETRY: Policy = Policy::new(Duration::from_secs(1), Duration::from_secs(15));
const DECRYPT_PATIENCE: Duration = Duration::from_secs(30);

/// The part of a room's timeline a limited sync left out: `/messages` backwards from `from` to `to`.
#[derive(Debug, Clone)]
pub struct Gap {
    pub from: String,
    pub to: Option<String>,
}

/// One sync's work for a room.
pub struct Work {
    pub gap: Option<Gap>,
    pub requests: Vec<Request>,
    pub undecrypted: Vec<TimelineEvent>,
}

/// The sync loop's end of a room task's queue.
pub struct Handle(mpsc::UnboundedSender<Work>);

impl Handle {
    pub fn spawn(bot: Arc<Bot>, room: Room) -> Handle {
        let (tx, rx) = mpsc::unbounded_channel();
        bot.tasks.clone().spawn(serve(bot, room, tx.clone(), rx));
        Handle(tx)
    }

    /// Queues work; gives it back when the task has stopped.
    pub fn send(&self, work: Work) -> Result<(), Work> {
        self.0.send(work).map_err(|e| e.0)
    }

    pub fn is_closed(&self) -> bool {
        self.0.is_closed()
    }
}

async fn serve(
    bot: Arc<Bot>,
    room: Room,
    tx: mpsc::UnboundedSender<Work>,
    mut rx: mpsc::UnboundedReceiver<Work>,
) {
    let mut pipeline = Pipeline::default();
    loop {
        let work = tokio::select! {
            _ = bot.shutdown.cancelled() => return,
            w = tokio::time::timeout(IDLE, rx.recv()) => w,
        };
        match work {
            Ok(Some(work)) => handle(&bot, &room, &tx, &mut pipeline, work).await,
            Ok(None) => break,
            Err(_idle) => {
                // Refuse new work, then finish what was queued meanwhile: nothing sent is dropped.
                rx.close();
                while let Ok(work) = rx.try_recv() {
                    handle(&bot, &room, &tx, &mut pipeline, work).await;
                }
                break;
            }
        }
    }
    // A task started for the room after this one must not overtake these answers.
    pipeline.finish().await;
}

async fn handle(
    bot: &Arc<Bot>,
    room: &Room,
    tx: &mpsc::UnboundedSender<Work>,
    pipeline: &mut Pipeline,
    work: Work,
) {
    let mut undecrypted = work.undecrypted;
    if let Some(gap) = work.gap {
        let (requests, gap_undecrypted) = fill_gap(bot, room, gap).await;
        undecrypted.extend(gap_undecrypted);
        for request in requests {
            answer(bot, room, pipeline, request).await;
        }
    }
    for request in work.requests {
        answer(bot, room, pipeline, request).await;
    }
    for event in undecrypted {
        bot.tasks
            .spawn(retry_decryption(bot.clone(), room.clone(), tx.clone(), event));
    }
}

/// The commands in a gap, oldest first, and the events in it that could not be decrypted yet.
async fn fill_gap(bot: &Bot, room: &Room, gap: Gap) -> (Vec<Request>, Vec<TimelineEvent>) {
    let mut events = Vec::new();
    let mut from = Some(gap.from);
    let mut backoff = GAP_RETRY.backoff();
    let mut pages = 0;
    while let Some(token) = from.take() {
        let mut options = MessagesOptions::backward().from(token.as_str());
        options.to = gap.to.clone();
        options.limit = UInt::from(GAP_PAGE);
        let page = match room.messages(options).await {
            Ok(p) => p,
            Err(e) if send::is_transient(&e) => {
                let wait = send::wait_after(&e, &mut backoff);
                tracing::warn!(room = %room.room_id(), "fetching a gap failed ({e}); retrying in {wait:?}");
                if !send::sleep(wait, &bot.shutdown).await {
                    break;
                }
                from = Some(token);
                continue;
            }
            Err(e) => {
                tracing::error!(room = %room.room_id(), "cannot fetch a gap: {e}");
                break;
            }
        };
        pages += 1;
        // Paging back past the start means the rest is backlog.
        let reached_start = page.chunk.iter().any(|e| bot.is_backlog(e));
        let done = page.chunk.is_empty() || reached_start;
        events.extend(page.chunk);
        if done || pages == GAP_PAGES {
            if pages == GAP_PAGES {
                tracing::warn!(room = %room.room_id(), "a gap of more than {} events; the rest is skipped", GAP_PAGE as usize * GAP_PAGES);
            }
            break;
        }
        from = page.end;
    }
    events.reverse();
    let (requests, undecrypted) = read_all(bot, &events);
    tracing::info!(room = %room.room_id(), events = events.len(), commands = requests.len(), "gap filled");
    (requests, undecrypted)
}

/// Tries again to decrypt an event while its room key may still arrive, then queues it as a command.
async fn retry_decryption(bot: Arc<Bot>, room: Room, tx: mpsc::UnboundedSender<Work>, event: TimelineEvent) {
    let TimelineEventKind::UnableToDecrypt { event: raw, .. } = &event.kind else {
        return;
    };
    let give_up = Instant::now() + DECRYPT_PATIENCE;
    let mut backoff = DECRYPT_RETRY.backoff();
    loop {
        let wait = backoff.next_delay();
        if Instant::now() + wait > give_up {
            break;
        }
        if !send::sleep(wait, &bot.shutdown).await {
            return;
        }
        let Ok(decrypted) = room.decrypt_event(raw.cast_ref_unchecked(), None).await else {
            continue;
        };
        if let Read::Command(request) = read(&bot, &decrypted) {
            let _ = tx.send(Work {
                gap: None,
                requests: vec![request],
                undecrypted: Vec::new(),
            });
        }
        return;
    }
    tracing::warn!(room = %room.room_id(), event = ?event.event_id(), "gave up decrypting an event: its key never arrived");
}

/// Answers one command, once: runs it and queues the answer.
async fn answer(bot: &Arc<Bot>, room: &Room, pipeline: &mut Pipeline, request: Request) {
    if !bot.first_time(request.event_id.as_str()) {
        return;
    }
    let role = role_in(bot, room, &request.sender).await;
    let engine = bot.engine.clone();
    let line = request.line.clone();
    let place = format!("matrix:{}", room.room_id());
    let fallback = bot.engine.config().matrix.as_ref().and_then(|m| m.language);
    let lang = engine.language_of(&place, fallback);
    let caller = Caller::new(role, "matrix").lang(lang).place(place);
    // `reload` reads files: keep commands off the async workers.
    let Ok(mut response) = tokio::task::spawn_blocking(move || engine.handle_as(&line, &caller)).await else {
        tracing::error!("a command task failed");
        return;
    };
    if let Some(post) = response.post.take() {
        response = super::digest::post(bot, room, &request, &post, lang).await;
    }
    let messages = render::render(&response);
    tracing::debug!(
        room = %room.room_id(),
        event = %request.event_id,
        status = ?response.status,
        parts = messages.len(),
        "answering"
    );
    let answer = Answer {
        to: request.sender,
        messages,
        reply_to: Some(request.event_id),
        thread: request.thread,
    };
    pipeline.queue(bot, room, answer);
}

/// The caller's role in `room`, from the configured lists and the room's power levels.
pub(super) async fn role_in(bot: &Bot, room: &Room, sender: &UserId) -> Role {
    let level = bot.power.of(room, sender).await;
    bot.with_config(|c| event::role(sender, level, c))
}
