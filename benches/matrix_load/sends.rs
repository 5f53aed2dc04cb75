//! The homeserver's own cost of answering a burst, with no bot at all: the floor client sends `n` replies
//! one after another (each once the previous is accepted, the only way to keep their order) and then `n`
//! all at once, timed, with Synapse's CPU, and how many of the concurrent ones the user's sync shows out
//! of the order they were sent in. What a bot that keeps each user's order can reach in a one-user burst
//! is the first; the second is what a bot that does not can reach, and what order it loses.

use std::time::{Duration, Instant};

use crate::cpu_seconds;
use crate::run::{TIMEOUT, Users};

/// One way of sending `n` messages.
pub struct Sends {
    pub n: usize,
    pub took: Duration,
    pub synapse_cpu: f64,
    /// Messages out of the order they were sent in: all but the longest run (not necessarily
    /// contiguous) that the user's sync showed in sent order.
    pub out_of_order: usize,
}

/// `n` sends by the floor into `room`, one after another and then all at once.
pub async fn sends(users: &Users, room: &str, n: usize) -> (Sends, Sends) {
    let serial = measure(users, room, n, false).await;
    let concurrent = measure(users, room, n, true).await;
    (serial, concurrent)
}

async fn measure(users: &Users, room: &str, n: usize, at_once: bool) -> Sends {
    let floor = &users.floor;
    let synapse_pid = users.server.pid();
    let cpu = synapse_pid.map_or(0.0, cpu_seconds);
    let started = Instant::now();
    let ids: Vec<String> = if at_once {
        let sends = (0..n).map(|i| async move { floor.send_text(room, &format!("reply {i}")).await });
        futures_util::future::join_all(sends).await
    } else {
        let mut ids = Vec::with_capacity(n);
        for i in 0..n {
            ids.push(floor.send_text(room, &format!("reply {i}")).await);
        }
        ids
    };
    let took = started.elapsed();
    let synapse_cpu = synapse_pid.map_or(0.0, cpu_seconds) - cpu;
    // Where the user's sync put each one, in the order they were sent.
    let waited = Instant::now();
    let positions = loop {
        let positions: Option<Vec<usize>> = ids.iter().map(|id| users.replies.position(id)).collect();
        if let Some(p) = positions {
            break p;
        }
        assert!(
            waited.elapsed() < TIMEOUT,
            "the user's sync never showed all {n} sends"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    };
    let out_of_order = n - longest_increasing(&positions);
    Sends {
        n,
        took,
        synapse_cpu,
        out_of_order,
    }
}

/// The length of the longest strictly increasing subsequence of `values` (patience sorting).
fn longest_increasing(values: &[usize]) -> usize {
    let mut tails: Vec<usize> = Vec::new();
    for &v in values {
        match tails.binary_search(&v) {
            Ok(_) => {}
            Err(i) if i == tails.len() => tails.push(v),
            Err(i) => tails[i] = v,
        }
    }
    tails.len()
}
