//! Sending what the ledger holds: intended posts (with recovery of a send a crash interrupted) and edits of
//! sent posts whose briefing was corrected.
//!
//! Every step is recorded before the next one starts: `begin_attempt` is committed before the poster is
//! called, `mark_sent` right after it returns. Each ledger call runs on the ledger's thread and is awaited
//! ([`super::ledger::LedgerThread`]), so no tokio worker waits for the disk.

use std::time::Duration;

use chrono::{DateTime, Utc};

use crate::retry::Policy;
use crate::store::Snapshot;

use super::content;
use super::ledger::{Claim, Claimed, LedgerError, Post, PostState};
use super::poster::{FailureReason, PostFailure, PostKey, PostedId, Poster, Retry};
use super::runner::{Digests, SEND_TIMEOUT};
use crate::target::Target;

/// A post's retries: from 30 s, doubling up to 15 minutes, jittered.
const RETRIES: Policy = Policy::new(Duration::from_secs(30), Duration::from_secs(15 * 60));
/// The longest wait, also when a platform names a longer one.
const MAX_BACKOFF: chrono::Duration = chrono::Duration::minutes(15);

/// How one post ended this time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Sent {
    /// On the platform (now, or found there from an attempt before a crash).
    Posted(PostedId),
    /// Not yet; tried again later.
    Retry(PostFailure),
    /// Not sent, and it will not be.
    Failed(PostFailure),
    /// Another task or instance is sending it at this moment (the scheduler, or a moderator's
    /// `digest`), or this instance no longer leads.
    Busy,
}

/// The wait before trying a post again after `attempts` sends begun.
pub fn backoff(attempts: u32) -> chrono::Duration {
    chrono::Duration::from_std(RETRIES.delay(attempts.saturating_sub(1))).unwrap_or(MAX_BACKOFF)
}

/// A platform call of a send, bounded by [`SEND_TIMEOUT`] on the scheduler's clock (the clock leases are
/// measured on) when instances share the ledger, so it ends within the claim's lease; past it, the call is
/// given up and retried later (looking for the post first, as after a crash).
async fn bounded<T>(
    d: &Digests,
    call: impl Future<Output = Result<T, PostFailure>>,
) -> Result<T, PostFailure> {
    if !d.shared() {
        return call.await;
    }
    let give_up = d.clock().now() + SEND_TIMEOUT;
    tokio::select! {
        out = call => out,
        () = super::clock::reached(d.clock(), give_up) => Err(PostFailure::later(
            FailureReason::Unavailable,
            format!("no answer within {} s", SEND_TIMEOUT.num_seconds()),
        )),
    }
}

async fn release(d: &Digests, key: &PostKey, claim: &Claim) -> Result<(), LedgerError> {
    let (key, holder) = (key.clone(), claim.holder.clone());
    d.ledger.call(move |l| l.release(&key, &holder)).await
}

/// Sends every pending post whose time has come; returns how each went, by key.
pub async fn pending(d: &Digests, snapshot: &Snapshot) -> Result<Vec<(Post, Sent)>, LedgerError> {
    let now = d.clock().now();
    let due: Vec<Post> = d
        .ledger
        .call(|l| l.pending())
        .await?
        .into_iter()
        .filter(|p| p.next_attempt <= now)
        .collect();
    let mut out = Vec::new();
    for post in due {
        match one(d, snapshot, &post.intent.key, true).await? {
            Sent::Busy => {}
            sent => out.push((post, sent)),
        }
    }
    Ok(out)
}

/// Sends one post if it is still intended, first looking for it on the platform when an earlier attempt
/// may have delivered it. A post already sent or failed is reported as it stands. `fenced`: the leader's
/// own send, refused once another instance leads.
pub async fn one(d: &Digests, snapshot: &Snapshot, key: &PostKey, fenced: bool) -> Result<Sent, LedgerError> {
    // Claimed before the row is read, so no two tasks (in this process, then across instances) both see
    // it intended and both send it.
    let Some(_sending) = d.sending(key) else {
        return Ok(Sent::Busy);
    };
    let claim = d.lease(fenced);
    let claimed = d
        .ledger
        .call({
            let (key, claim, now) = (key.clone(), claim.clone(), d.clock().now());
            move |l| l.claim(&key, &claim, now)
        })
        .await?;
    match claimed {
        Claimed::Yes | Claimed::Settled => {}
        Claimed::Held => return Ok(Sent::Busy),
        Claimed::Fenced => {
            tracing::warn!(key = %key, "not sending: another instance leads now");
            return Ok(Sent::Busy);
        }
    }
    let Some(post) = d
        .ledger
        .call({
            let key = key.clone();
            move |l| l.post(&key)
        })
        .await?
    else {
        return Err(LedgerError::UnknownKey(key.to_string()));
    };
    let post = &post;
    match post.state {
        PostState::Intended => {}
        PostState::Sent => {
            return Ok(Sent::Posted(
                post.message_id.clone().unwrap_or(PostedId(String::new())),
            ));
        }
        PostState::Failed => {
            let (reason, detail) = match &post.failure {
                Some((_, reason, detail)) => (*reason, detail.clone()),
                None => (FailureReason::Other, String::new()),
            };
            return Ok(Sent::Failed(PostFailure::permanent(reason, detail)));
        }
    }
    let now = d.clock().now();
    let fail = |f: PostFailure| fail(d, post, f, now);
    let retry = |f: PostFailure, attempts: u32| retry(d, post, f, attempts, now);
    let too_late = now > post.intent.deadline;
    let target = match Target::parse(&post.intent.target) {
        Ok(t) => t,
        Err(why) => return fail(PostFailure::permanent(FailureReason::UnknownTarget, why)).await,
    };
    let Some(poster) = d.poster(target.platform()) else {
        let why = format!("{} is not connected", target.platform());
        if too_late {
            return fail(PostFailure::permanent(FailureReason::Expired, why)).await;
        }
        // Nothing is recorded: the post goes out on the first pass after the platform's poster registers
        // (which wakes the scheduler), and `digest status` shows the platform as not connected meanwhile.
        // The claim is given up, so an instance connected to the platform may send it at once.
        release(d, key, &claim).await?;
        return Ok(Sent::Retry(PostFailure::later(FailureReason::Unavailable, why)));
    };
    if post.attempts > 0
        && let Some(sent) = recover(d, snapshot, post, poster.as_ref(), &target).await?
    {
        return Ok(sent);
    }
    if too_late {
        return fail(PostFailure::permanent(
            FailureReason::Expired,
            format!("not sent by {}", post.intent.deadline),
        ))
        .await;
    }
    let Some(b) = snapshot.get(&post.intent.briefing) else {
        return fail(PostFailure::permanent(
            FailureReason::BriefingGone,
            format!("`{}` is no longer served", post.intent.briefing),
        ))
        .await;
    };
    let content = post.intent.kind.content(b, snapshot, &d.config());
    let version = content::version(&content);
    let begun = d
        .ledger
        .call({
            let (key, version, claim) = (key.clone(), version.clone(), d.lease(fenced));
            move |l| l.begin_attempt(&key, &version, &claim, now)
        })
        .await?;
    if let Err(why) = begun {
        tracing::warn!(key = %key, "not sending: the claim on it is gone ({why:?})");
        return Ok(Sent::Busy);
    }
    match bounded(d, poster.post(&target, &content, key)).await {
        Ok(id) => {
            observe(post, "posted");
            mark_sent(d, key, &id).await?;
            tracing::info!(to = %target, briefing = %b.id, kind = post.intent.kind.code(), "posted");
            Ok(Sent::Posted(id))
        }
        Err(f) if f.retry == Retry::Never => fail(f).await,
        Err(f) => retry(f, post.attempts + 1).await,
    }
}

/// After an attempt that may have reached the platform before the process died, looks for the post there
/// before anything is sent again: found, it is recorded as sent (and brought up to date if the briefing
/// changed since); `None` when it is not there, so it is to be sent.
async fn recover(
    d: &Digests,
    snapshot: &Snapshot,
    post: &Post,
    poster: &dyn Poster,
    target: &Target,
) -> Result<Option<Sent>, LedgerError> {
    let key = &post.intent.key;
    let now = d.clock().now();
    match bounded(d, poster.find_by_key(target, key, post.intended_at)).await {
        Ok(Some(id)) => {
            mark_sent(d, key, &id).await?;
            tracing::info!(to = %target, briefing = %post.intent.briefing, "found a post sent before a restart");
            // It carries the content of that attempt; bring it up to date if the briefing changed since.
            if let Some(b) = snapshot.get(&post.intent.briefing) {
                let content = post.intent.kind.content(b, snapshot, &d.config());
                if content::version(&content) != post.intent.version {
                    let mut sent = post.clone();
                    sent.message_id = Some(id.clone());
                    edit(d, &sent, &content).await?;
                }
            }
            Ok(Some(Sent::Posted(id)))
        }
        Ok(None) => Ok(None),
        // Not knowing whether it is there, sending could post it twice: never risk that.
        Err(f) if f.retry == Retry::Never => fail(d, post, f, now).await.map(Some),
        Err(f) => retry(d, post, f, post.attempts, now).await.map(Some),
    }
}

/// Edits the sent posts of each changed briefing whose content differs from what was posted. A briefing
/// whose edits all went through (or cannot go through) is recorded at its new version; `false` when some
/// edit is to be tried again later.
pub async fn edits(
    d: &Digests,
    snapshot: &Snapshot,
    changed: &[(String, String)],
) -> Result<bool, LedgerError> {
    let mut all_done = true;
    for (id, version) in changed {
        let mut done = true;
        if let Some(b) = snapshot.get(id) {
            let sent = d
                .ledger
                .call({
                    let id = id.clone();
                    move |l| l.sent_of(&id)
                })
                .await?;
            for post in sent {
                let content = post.intent.kind.content(b, snapshot, &d.config());
                if content::version(&content) != post.intent.version {
                    done &= edit(d, &post, &content).await?;
                }
            }
        }
        if done {
            let (id, version) = (id.clone(), version.clone());
            d.ledger
                .call(move |l| l.write(|w| w.see(&id, &version, None)))
                .await?;
        }
        all_done &= done;
    }
    Ok(all_done)
}

/// Edits one sent post to `content`; `false` when it should be tried again later.
async fn edit(d: &Digests, post: &Post, content: &crate::response::Response) -> Result<bool, LedgerError> {
    let key = &post.intent.key;
    let version = content::version(content);
    let failed = async |f: PostFailure, now: DateTime<Utc>| -> Result<bool, LedgerError> {
        let never = f.retry == Retry::Never;
        tracing::warn!(to = %post.intent.target, briefing = %post.intent.briefing, "edit failed: {f}");
        let key = key.clone();
        d.ledger.call(move |l| l.note_failure(&key, &f, now)).await?;
        Ok(never)
    };
    let now = d.clock().now();
    let (Ok(target), Some(posted)) = (Target::parse(&post.intent.target), &post.message_id) else {
        return Ok(true);
    };
    let Some(poster) = d.poster(target.platform()) else {
        let why = format!("{} is not connected", target.platform());
        return failed(PostFailure::later(FailureReason::Unavailable, why), now).await;
    };
    match poster.edit(&target, posted, content, key).await {
        Ok(()) => {
            let (key, now) = (key.clone(), d.clock().now());
            d.ledger.call(move |l| l.mark_edited(&key, &version, now)).await?;
            tracing::info!(to = %target, briefing = %post.intent.briefing, "edited a post after a correction");
            Ok(true)
        }
        Err(f) => failed(f, now).await,
    }
}

async fn mark_sent(d: &Digests, key: &PostKey, id: &PostedId) -> Result<(), LedgerError> {
    let (key, id, now) = (key.clone(), id.clone(), d.clock().now());
    d.ledger.call(move |l| l.mark_sent(&key, &id, now)).await
}

/// Records that `post` failed for good.
async fn fail(d: &Digests, post: &Post, f: PostFailure, now: DateTime<Utc>) -> Result<Sent, LedgerError> {
    observe(post, "failed");
    tracing::warn!(to = %post.intent.target, briefing = %post.intent.briefing, "post failed: {f}");
    let (key, failure) = (post.intent.key.clone(), f.clone());
    d.ledger.call(move |l| l.mark_failed(&key, &failure, now)).await?;
    Ok(Sent::Failed(f))
}

/// Records that `post` is to be tried again: when the platform said, else after a backoff set by
/// `attempts`, the sends begun so far.
async fn retry(
    d: &Digests,
    post: &Post,
    f: PostFailure,
    attempts: u32,
    now: DateTime<Utc>,
) -> Result<Sent, LedgerError> {
    observe(post, "retry");
    let wait = match f.retry {
        Retry::Later(Some(after)) => chrono::Duration::from_std(after).unwrap_or(MAX_BACKOFF),
        _ => backoff(attempts),
    };
    tracing::info!(to = %post.intent.target, briefing = %post.intent.briefing, "post delayed: {f}");
    let (key, failure) = (post.intent.key.clone(), f.clone());
    d.ledger
        .call(move |l| l.mark_retry(&key, &failure, now + wait, now))
        .await?;
    Ok(Sent::Retry(f))
}

/// Counts a post's outcome by platform and kind.
fn observe(post: &Post, outcome: &'static str) {
    let platform = Target::parse(&post.intent.target).map_or("other", |t| t.platform().as_str());
    crate::observe::post(platform, post.intent.kind.code(), outcome);
}
