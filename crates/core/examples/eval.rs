//! `attache eval` without the chat adapters, for measuring extraction while changing it:
//! `cargo run -p attache-core --example eval -- <texts-dir> [<labels-dir>] [--aggregate]` (`--aggregate`:
//! the totals alone, no line per article, for a set measured blind).

fn main() -> anyhow::Result<()> {
    let (flags, paths): (Vec<_>, Vec<_>) = std::env::args_os().skip(1).partition(|a| a == "--aggregate");
    let mut args = paths.into_iter().map(std::path::PathBuf::from);
    let texts = args
        .next()
        .ok_or_else(|| anyhow::anyhow!("usage: eval <texts-dir> [<labels-dir>] [--aggregate]"))?;
    let labels = args.next().unwrap_or_else(|| texts.clone());
    let options = attache_core::briefing::ParseOptions::default();
    let report = attache_core::eval::report::run(&texts, &labels, &options)?;
    if flags.is_empty() {
        print!("{}", report.render());
    } else {
        print!("{}", report.render_totals());
    }
    Ok(())
}
