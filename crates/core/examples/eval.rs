//! `attache eval` without the chat adapters, for measuring extraction while changing it:
//! `cargo run -p attache-core --example eval -- <texts-dir> [<labels-dir>] [--aggregate]
//! [--second-labels <dir>]` (`--aggregate`: the totals alone, no line per article, for a set measured
//! blind; `--second-labels`: a second labeling of the same texts scored against the labels instead of the
//! extraction).

use std::path::PathBuf;

fn main() -> anyhow::Result<()> {
    let usage = "usage: eval <texts-dir> [<labels-dir>] [--aggregate] [--second-labels <dir>]";
    let mut aggregate = false;
    let mut second: Option<PathBuf> = None;
    let mut paths = Vec::new();
    let mut args = std::env::args_os().skip(1);
    while let Some(a) = args.next() {
        if a == "--aggregate" {
            aggregate = true;
        } else if a == "--second-labels" {
            second = Some(args.next().ok_or_else(|| anyhow::anyhow!(usage))?.into());
        } else {
            paths.push(PathBuf::from(a));
        }
    }
    let mut paths = paths.into_iter();
    let texts = paths.next().ok_or_else(|| anyhow::anyhow!(usage))?;
    let labels = paths.next().unwrap_or_else(|| texts.clone());
    let options = attache_core::briefing::ParseOptions::default();
    let report = attache_core::eval::report::measure(&texts, &labels, second.as_deref(), &options)?;
    if aggregate {
        print!("{}", report.render_totals());
    } else {
        print!("{}", report.render());
    }
    Ok(())
}
