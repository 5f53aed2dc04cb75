//! The event, date and place extracted from each text beside its labels, for looking at misses on a
//! tune set: `cargo run -p attache-core --example facts -- <texts-dir> [<labels-dir>]`. Without labels
//! (a folder of `.txt` or `.md` files), the extracted facts alone.

use attache_core::briefing::{self, ParseOptions};
use attache_core::eval::Labels;

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args_os().skip(1).map(std::path::PathBuf::from);
    let texts = args
        .next()
        .ok_or_else(|| anyhow::anyhow!("usage: facts <texts-dir> [<labels-dir>]"))?;
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
            let l: Labels = serde_json::from_str(&std::fs::read_to_string(&f)?)?;
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
