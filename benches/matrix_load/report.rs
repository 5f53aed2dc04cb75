//! The run's report on stdout: one column per bot, one row per figure.

use std::sync::atomic::Ordering;
use std::time::Duration;

use crate::bots::MAUBOT;
use crate::burst::Burst;
use crate::clients::Replies;
use crate::run::{COMMAND, Counts, Figures};
use crate::sends::Sends;
use crate::{ms, quantile};

pub fn print(figures: &[Figures], counts: Counts) {
    println!(
        "Matrix load: Synapse {} on loopback; release `attache` and maubot {} (standalone, default settings), \
         one after the other, each in a room of its own with the same users and floor",
        synapse_harness::install::SYNAPSE_VERSION,
        MAUBOT.version
    );
    let head: Vec<String> = figures.iter().map(|f| f.name.to_string()).collect();
    row("", &head);
    let each = |f: &dyn Fn(&Figures) -> String| figures.iter().map(f).collect::<Vec<_>>();
    let rounds = counts.rounds;
    println!(
        "`{COMMAND}` to the bot, `ping` to the floor, {rounds} interleaved rounds, as the user's /sync shows them:"
    );
    row("  bot's answer, median", &each(&|f| ms(quantile(&f.to_bot, 0.5))));
    row(
        "  floor's answer, median",
        &each(&|f| ms(quantile(&f.to_floor, 0.5))),
    );
    row("  bot minus floor, median", &each(&|f| signed_ms(minus_floor(f))));
    row("  bot's answer, p95", &each(&|f| ms(quantile(&f.to_bot, 0.95))));
    row("  events per answer", &each(&|f| f.parts.to_string()));
    row(
        "  bot CPU per round",
        &each(&|f| format!("{:.2} ms", f.round_cpu * 1000.0)),
    );
    for i in 0..figures.first().map_or(0, |f| f.bursts.len()) {
        fn at(f: &Figures, i: usize) -> &Burst {
            &f.bursts[i]
        }
        let first = at(&figures[0], i);
        println!(
            "burst: {} `{COMMAND}` sent at once by {} user(s):",
            first.commands, first.users
        );
        row(
            "  all sent (PUTs answered)",
            &each(&|f| secs(Some(at(f, i).sent_in))),
        );
        row(
            "  homeserver's delivery (floor)",
            &each(&|f| secs(at(f, i).delivered)),
        );
        row("  all answered", &each(&|f| secs(at(f, i).answered_in)));
        row("  answered after delivery", &each(&|f| behind(at(f, i))));
        row(
            "  Synapse CPU",
            &each(&|f| format!("{:.2} s", at(f, i).synapse_cpu)),
        );
        row("  bot CPU (per answer)", &each(&|f| bot_cpu(at(f, i))));
        row(
            "  answered / lost / duplicated",
            &each(&|f| {
                let b = at(f, i);
                format!("{} / {} / {}", b.answered, b.commands - b.answered, b.duplicates)
            }),
        );
        row(
            "  out of the user's order",
            &each(&|f| at(f, i).out_of_order.to_string()),
        );
    }
    println!("memory (resident, of which private = RssAnon):");
    row(
        "  idle, after warm-up",
        &each(&|f| format!("{:.1} ({:.1}) MiB", f.rss_idle.total, f.rss_idle.anon)),
    );
    row(
        "  after the bursts",
        &each(&|f| format!("{:.1} ({:.1}) MiB", f.rss_after.total, f.rss_after.anon)),
    );
}

/// The homeserver alone: the same number of replies sent by a client doing no work, one after another
/// (their order kept) and all at once.
pub fn print_sends((serial, concurrent): &(Sends, Sends)) {
    println!(
        "the homeserver alone: {} replies sent by a client doing no work (the floor), with the user and floor syncing:",
        serial.n
    );
    for (label, s) in [("  one after another", serial), ("  all at once", concurrent)] {
        println!(
            "{label:<34}{:>10.2} s, Synapse CPU {:.2} s, {} out of the order sent (all but the longest in-order run)",
            s.took.as_secs_f64(),
            s.synapse_cpu,
            s.out_of_order
        );
    }
}

/// Says when the user's own sync was cut short, so an answer counted missing may only be unseen.
pub fn note_limited(replies: &Replies) {
    let cut = replies.limited_syncs.load(Ordering::Relaxed);
    if cut > 0 {
        println!(
            "note: {cut} of the user's syncs were limited (cut short): answers could be counted missing"
        );
    }
}

fn row(label: &str, values: &[String]) {
    let cells: String = values.iter().map(|v| format!("{v:>22}")).collect();
    println!("{label:<34}{cells}");
}

/// The bot's median round trip minus the floor's, in seconds (negative when the bot was faster).
fn minus_floor(f: &Figures) -> f64 {
    quantile(&f.to_bot, 0.5).as_secs_f64() - quantile(&f.to_floor, 0.5).as_secs_f64()
}

fn signed_ms(seconds: f64) -> String {
    format!("{:+.1} ms", seconds * 1000.0)
}

fn secs(d: Option<Duration>) -> String {
    d.map_or_else(|| "-".into(), |d| format!("{:.2} s", d.as_secs_f64()))
}

fn behind(b: &Burst) -> String {
    match (b.answered_in, b.delivered) {
        (Some(a), Some(d)) => format!("{:+.2} s", a.as_secs_f64() - d.as_secs_f64()),
        _ => "-".into(),
    }
}

fn bot_cpu(b: &Burst) -> String {
    format!(
        "{:.2} s ({:.2} ms)",
        b.bot_cpu,
        b.bot_cpu * 1000.0 / b.answered.max(1) as f64
    )
}
