//! `attache eval` without the chat adapters, for measuring extraction while changing it:
//! `cargo run -p attache-core --example eval -- <texts-dir> [<labels-dir>]`.

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args_os().skip(1).map(std::path::PathBuf::from);
    let texts = args
        .next()
        .ok_or_else(|| anyhow::anyhow!("usage: eval <texts-dir> [<labels-dir>]"))?;
    let labels = args.next().unwrap_or_else(|| texts.clone());
    let options = attache_core::briefing::ParseOptions::default();
    print!(
        "{}",
        attache_core::eval::report::run(&texts, &labels, &options)?.render()
    );
    Ok(())
}
