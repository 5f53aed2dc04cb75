//! A room's answers on their way out. Up to [`IN_FLIGHT`] answers are sent at once, so that answers to
//! several users go out at the homeserver's pace rather than one round trip after another (Synapse
//! persists a room's concurrent events together). A user's answers keep the order of their commands: an
//! answer is sent only once the previous answer to the same user has been accepted, refused or given up
//! on, since a homeserver may persist concurrent sends in any order. Answers to different users may pass
//! one another.
//!
//! Each message of an answer has its own transaction id, kept across every retry of its send
//! ([`send::send`]), so a send whose response was lost is not posted twice.

use std::collections::HashMap;
use std::sync::Arc;

use matrix_sdk::Room;
use matrix_sdk::ruma::{OwnedEventId, OwnedUserId};
use tokio::sync::{Semaphore, oneshot};
use tokio_util::task::TaskTracker;

use super::Bot;
use super::event;
use super::render::Message;
use super::send;

/// Answers of one room being sent at the same time, at most.
pub const IN_FLIGHT: usize = 4;

/// One answer: its messages, in order, and what they reply to.
pub struct Answer {
    pub to: OwnedUserId,
    pub messages: Vec<Message>,
    pub reply_to: Option<OwnedEventId>,
    pub thread: Option<OwnedEventId>,
}

/// A room's sends: the answers in flight and, per user, the last one queued.
pub struct Pipeline {
    permits: Arc<Semaphore>,
    /// Resolves when the user's last queued answer is done (its sender dropped).
    last: HashMap<OwnedUserId, oneshot::Receiver<()>>,
    sends: TaskTracker,
}

impl Default for Pipeline {
    fn default() -> Self {
        Pipeline {
            permits: Arc::new(Semaphore::new(IN_FLIGHT)),
            last: HashMap::new(),
            sends: TaskTracker::new(),
        }
    }
}

impl Pipeline {
    /// Queues `answer` behind the earlier answers to the same user; it goes out once they are done and
    /// one of the room's [`IN_FLIGHT`] places is free.
    pub fn queue(&mut self, bot: &Arc<Bot>, room: &Room, answer: Answer) {
        let previous = self.last.remove(&answer.to);
        // Users whose answers have all gone out are forgotten: the map holds only those still waiting.
        // (No value is ever sent: a receiver is pending, or closed once its answer is done.)
        self.last
            .retain(|_, r| matches!(r.try_recv(), Err(oneshot::error::TryRecvError::Empty)));
        let (done, next) = oneshot::channel();
        self.last.insert(answer.to.clone(), next);
        let permits = self.permits.clone();
        let tasks = bot.tasks.clone();
        let (bot, room) = (bot.clone(), room.clone());
        let send = self.sends.track_future(async move {
            if let Some(previous) = previous {
                let _ = previous.await;
            }
            // Fair: answers take the free places in the order they became ready.
            let Ok(_place) = permits.acquire_owned().await else {
                return;
            };
            send_all(&bot, &room, &answer).await;
            drop(done);
        });
        tasks.spawn(send);
    }

    /// Waits until every queued answer is done, so that a later pipeline for the room cannot overtake them.
    pub async fn finish(self) {
        self.sends.close();
        self.sends.wait().await;
    }
}

/// Sends an answer's messages in order; a refused one is logged and the rest still tried.
async fn send_all(bot: &Bot, room: &Room, answer: &Answer) {
    for message in &answer.messages {
        let content = event::answer_content(message, answer.reply_to.as_deref(), answer.thread.as_deref());
        match send::send(room, &content, &bot.shutdown).await {
            Ok(_) => {}
            Err(send::SendError::Cancelled) => return,
            Err(e) => tracing::error!(room = %room.room_id(), "an answer was not sent: {e}"),
        }
    }
}
