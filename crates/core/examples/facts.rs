//! What is extracted from each text beside its labels, for looking at misses on a tune set: `cargo run
//! -p attache-core --example facts -- <texts-dir> [<labels-dir>] [--all]`. The event, date and place;
//! with `--all` also the quotes, organizations and topics (labelled first, marked `-`, then extracted,
//! marked `+`); with `--summary` the summary, after the reference one when labelled. Without labels (a
//! folder of `.txt` or `.md` files), what is extracted alone.

use attache_core::briefing::{self, ParseOptions};
use attache_core::eval::Labels;

fn main() -> anyhow::Result<()> {
    let (flags, paths): (Vec<_>, Vec<_>) = std::env::args_os()
        .skip(1)
        .partition(|a| a == "--all" || a == "--summary");
    let all = flags.iter().any(|f| f == "--all");
    let summary = flags.iter().any(|f| f == "--summary");
    let mut args = paths.into_iter().map(std::path::PathBuf::from);
    let texts = args
        .next()
        .ok_or_else(|| anyhow::anyhow!("usage: facts <texts-dir> [<labels-dir>] [--all]"))?;
    let labels = args.next();
    let mut files: Vec<_> = std::fs::read_dir(labels.as_ref().unwrap_or(&texts))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            let ext = p.extension().and_then(|e| e.to_str()).unwrap_or("");
            if labels.is_some() {
                ext == "json"
            } else {
                ext == "txt" || ext == "md"
            }
        })
        .collect();
    files.sort();
    let options = ParseOptions::default();
    for f in files {
        let stem = f.file_stem().unwrap_or_default().to_string_lossy().into_owned();
        let (txt, label) = if labels.is_some() {
            let l = Labels::read(&f)?;
            (texts.join(format!("{stem}.txt")), Some(l))
        } else {
            (f.clone(), None)
        };
        let bytes = std::fs::read(&txt)?;
        let b = match briefing::parse(&txt, &bytes, &options) {
            Ok(b) => b,
            Err(e) => {
                println!("{stem}: {e}");
                continue;
            }
        };
        println!("{stem}");
        let date = b.date.map(|d| d.to_string());
        let show = |o: &Option<String>| o.clone().unwrap_or_else(|| "-".into());
        if all {
            fields(label.as_ref(), &b);
        }
        if summary {
            if let Some(l) = &label {
                println!("  - summary: {}", l.reference());
            }
            println!("  + summary: {}", b.summary.as_deref().unwrap_or("-"));
        }
        match label {
            Some(l) => {
                println!("  event: {} | {}", show(&l.event), show(&b.event));
                println!("  date:  {} | {}", show(&l.date), show(&date));
                println!("  place: {} | {}", show(&l.location), show(&b.location));
            }
            None => println!(
                "  event: {} | date: {} | place: {}",
                show(&b.event),
                show(&date),
                show(&b.location)
            ),
        }
    }
    Ok(())
}

/// The quotes, organizations and topics: the labelled ones (`-`, optional ones in brackets), then the
/// extracted ones (`+`).
fn fields(label: Option<&Labels>, b: &attache_core::model::Briefing) {
    if let Some(l) = label {
        for q in &l.quotes {
            let speaker = q.speaker.as_deref().unwrap_or("?");
            let line = format!("quote {speaker}: {}", q.text);
            println!(
                "  - {}",
                if q.is_optional() {
                    format!("({line})")
                } else {
                    line
                }
            );
        }
    }
    for q in &b.quotes {
        let role = q.role.as_deref().map(|r| format!(" [{r}]")).unwrap_or_default();
        println!("  + quote {}{role}: {}", q.speaker, q.text);
    }
    if let Some(l) = label {
        for o in &l.organizations {
            let line = format!("org {} ({})", o.name, o.relation);
            println!("  - {}", if o.optional { format!("({line})") } else { line });
        }
    }
    for o in &b.sponsors {
        println!("  + org {} ({})", o.name, o.relation.as_str());
    }
    if let Some(l) = label {
        println!("  - topics: {}", l.topics.join(" | "));
    }
    let topics: Vec<&str> = b.topics.iter().map(|t| t.title.as_str()).collect();
    println!("  + topics: {}", topics.join(" | "));
}
