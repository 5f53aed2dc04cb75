//! A burst: `n` commands sent at once by one or more users, timed against the homeserver's own delivery of
//! them (when the floor's sync showed the last one), with the bot's and Synapse's CPU during it, and the
//! answers missing, duplicated or out of their user's order.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use crate::bots::Bot;
use crate::cpu_seconds;
use crate::run::{COMMAND, Users};

/// A burst is over once every command has its answer, or when none has come for this long (an answer a
/// bot lost never comes).
const QUIET: Duration = Duration::from_secs(10);
/// Late duplicates would come within this.
const LATE: Duration = Duration::from_secs(3);

/// What one burst showed.
pub struct Burst {
    pub users: usize,
    pub commands: usize,
    /// All commands sent (their PUTs answered).
    pub sent_in: Duration,
    /// The floor's sync showed the last command: the homeserver's own delivery.
    pub delivered: Option<Duration>,
    /// The last answer arrived in the user's sync.
    pub answered_in: Option<Duration>,
    pub answered: usize,
    pub duplicates: usize,
    /// Answers that arrived before the answer to an earlier command of the same user.
    pub out_of_order: usize,
    pub bot_cpu: f64,
    pub synapse_cpu: f64,
}

pub async fn burst(
    users: &Users,
    bot: &mut Bot,
    room: &str,
    parts: usize,
    senders: usize,
    n: usize,
) -> Burst {
    let synapse_pid = users.server.pid();
    let (bot_cpu, synapse_cpu) = (cpu_seconds(bot.pid()), synapse_pid.map_or(0.0, cpu_seconds));
    let started = Instant::now();
    let sends = (0..n).map(|i| {
        let sender = &users.senders[i % senders];
        async move { (i % senders, sender.send_text(room, COMMAND).await) }
    });
    let ids: Vec<(usize, String)> = futures_util::future::join_all(sends).await;
    let sent_in = started.elapsed();
    let bot_id = bot.user_id.clone();
    let done = |ids: &[(usize, String)]| -> usize {
        ids.iter()
            .map(|(_, id)| users.replies.from(id, &bot_id).len().min(parts))
            .sum()
    };
    let mut last_progress = (0, Instant::now());
    loop {
        let answered = done(&ids);
        if answered == ids.len() * parts {
            break;
        }
        if answered > last_progress.0 {
            last_progress = (answered, Instant::now());
        } else if last_progress.1.elapsed() > QUIET {
            break;
        }
        bot.assert_running();
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let bot_cpu = cpu_seconds(bot.pid()) - bot_cpu;
    let synapse_cpu = synapse_pid.map_or(0.0, cpu_seconds) - synapse_cpu;
    let since = |t: Instant| t.duration_since(started);
    let answered_in = ids
        .iter()
        .filter_map(|(_, id)| users.replies.from(id, &bot.user_id).last().copied())
        .max()
        .map(since);
    let delivered = ids
        .iter()
        .map(|(_, id)| users.arrivals.at(id))
        .collect::<Option<Vec<_>>>()
        .and_then(|at| at.into_iter().max())
        .map(since);
    tokio::time::sleep(LATE).await;
    let counts: Vec<usize> = ids
        .iter()
        .map(|(_, id)| users.replies.from(id, &bot.user_id).len())
        .collect();
    Burst {
        users: senders,
        commands: n,
        sent_in,
        delivered,
        answered_in,
        answered: counts.iter().filter(|&&c| c >= parts).count(),
        duplicates: counts.iter().map(|&c| c.saturating_sub(parts)).sum(),
        out_of_order: out_of_order(users, &bot.user_id, &ids),
        bot_cpu,
        synapse_cpu,
    }
}

/// For each user, their answered commands in the order the timeline has them: how many answers came
/// before the answer to an earlier command of the same user.
fn out_of_order(users: &Users, bot: &str, ids: &[(usize, String)]) -> usize {
    let mut by_user: HashMap<usize, Vec<(usize, usize)>> = HashMap::new();
    for (user, id) in ids {
        let answer = users.replies.replies(id, bot).first().map(|r| r.position);
        if let (Some(asked), Some(answer)) = (users.replies.position(id), answer) {
            by_user.entry(*user).or_default().push((asked, answer));
        }
    }
    by_user
        .into_values()
        .map(|mut pairs| {
            pairs.sort();
            let mut latest = 0;
            let mut overtaken = 0;
            for (_, answer) in pairs {
                if answer < latest {
                    overtaken += 1;
                }
                latest = latest.max(answer);
            }
            overtaken
        })
        .sum()
}
