//! The `attache` command line: run the bot, try commands, check and inspect briefings.
//!
//! The binary's edge: errors become `anyhow` here and are printed with their causes; exit codes follow the
//! rule 0 = answered, 1 = could not answer or found problems, 2 = usage error.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

mod console;
mod runtime;

use anyhow::Context as _;
use clap::{Parser, Subcommand};

use crate::console::{stdout_style, strip_prefix};
use crate::runtime::Plan;
use attache_core::briefing::{self, Briefing};
use attache_core::command::Role;
use attache_core::config::{Config, Interactions, LogFormat};
use attache_core::engine::{Caller, Engine};
use attache_core::i18n::Lang;
use attache_core::render::terminal;
use attache_core::resolve::{Resolution, resolve};
use attache_core::response::Status;
use attache_core::store::Store;

#[derive(Debug, Parser)]
#[command(
    name = "attache",
    version,
    about = "Event briefings on Discord, Matrix and the console"
)]
struct Cli {
    /// Config file [default: config/attache.toml when it exists, else built-in defaults]
    #[arg(long, global = true, value_name = "PATH")]
    config: Option<PathBuf>,
    /// Serve briefings from this directory instead of the config's `briefings.dir`
    #[arg(long, global = true, value_name = "DIR")]
    briefings: Option<PathBuf>,
    #[command(subcommand)]
    command: Option<Cmd>,
}

#[derive(Debug, Subcommand)]
enum Cmd {
    /// Start the platforms the config enables; with none, the console (the default)
    Run,
    /// Type commands at the terminal, as in chat (with or without a leading `/` or `!`), or ask questions
    Console {
        /// Answer in this language: en, ru or zh [default: from LANG, else `bot.language`]
        #[arg(long, value_name = "TAG")]
        lang: Option<String>,
    },
    /// Run one command, or ask a question, and print the reply: exit 0 when answered, 1 when not, 2 on a
    /// usage error
    Ask {
        /// Answer in this language: en, ru or zh [default: from LANG, else `bot.language`]
        #[arg(long, value_name = "TAG")]
        lang: Option<String>,
        /// The command line or question, e.g. "sponsors infoforum" or "кто спонсировал Инфофорум?"
        #[arg(required = true, num_args = 1.., value_name = "COMMAND")]
        line: Vec<String>,
    },
    /// Validate the config and every briefing; print each problem as path:line: message
    Check,
    /// Show one briefing (by id, title words or a near miss)
    Show {
        event: String,
        /// Print the briefing model as JSON
        #[arg(long)]
        json: bool,
    },
    /// Score extraction on labeled articles (NAME.txt with NAME.json labels) against a naive baseline
    Eval {
        /// The folder of the texts (and of the labels, unless `--labels` names another)
        dir: PathBuf,
        /// The folder of the labels, when they are kept apart from the texts
        #[arg(long)]
        labels: Option<PathBuf>,
        /// Print only the totals for all articles and for each language, no line per article (for a
        /// set that is measured blind)
        #[arg(long)]
        aggregate: bool,
        /// Score a second labeling of the same texts (NAME.json in this folder) against the labels instead
        /// of the extraction: how far two labelers agree under the same scoring rules
        #[arg(long, value_name = "DIR")]
        second_labels: Option<PathBuf>,
    },
    /// Parse one file as a briefing (front matter plus extraction) and print the result
    Extract {
        file: PathBuf,
        /// Print the briefing model as JSON
        #[arg(long)]
        json: bool,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match dispatch(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::from(1)
        }
    }
}

fn dispatch(cli: Cli) -> anyhow::Result<ExitCode> {
    let quiet = !matches!(cli.command, None | Some(Cmd::Run) | Some(Cmd::Console { .. }));
    let mut config = match Config::discover(cli.config.as_deref()) {
        Ok(c) => c,
        // `check` reports a broken config among its findings instead of stopping at it.
        Err(e) if matches!(cli.command, Some(Cmd::Check)) => return check(Err(e), cli.briefings.as_deref()),
        Err(e) => return Err(e).context("the config is invalid (run `attache check` to see every problem)"),
    };
    if let Some(dir) = &cli.briefings {
        config.briefings_dir = dir.clone();
    }
    init_logging(&config, quiet);
    match cli.command.unwrap_or(Cmd::Run) {
        Cmd::Run => {
            let lang = language(None, &config)?;
            serve(config, false, lang)
        }
        Cmd::Console { lang } => {
            let lang = language(lang.as_deref(), &config)?;
            serve(config, true, lang)
        }
        Cmd::Ask { lang, line } => {
            let lang = language(lang.as_deref(), &config)?;
            Ok(ask(config, &line.join(" "), lang))
        }
        Cmd::Check => check(Ok(config), None),
        Cmd::Show { event, json } => show(config, &event, json),
        Cmd::Extract { file, json } => extract(&config, &file, json),
        Cmd::Eval {
            dir,
            labels,
            aggregate,
            second_labels,
        } => {
            let labels = labels.as_deref().unwrap_or(&dir);
            let report = attache_core::eval::report::measure(
                &dir,
                labels,
                second_labels.as_deref(),
                &config.parse_options(),
            )?;
            print!(
                "{}",
                if aggregate {
                    report.render_totals()
                } else {
                    report.render()
                }
            );
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn init_logging(config: &Config, quiet: bool) {
    let default = if quiet { "warn" } else { config.log_filter.as_str() };
    let mut filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new(default));
    // matrix-sdk logs expected answers as faults: a warning after every sync that there is no key backup,
    // which a bot never sets up (https://github.com/matrix-org/matrix-rust-sdk/issues/6367), and an error
    // for every 404 it asks for on purpose, such as an unencrypted room's `m.room.encryption` or the absent
    // secret storage key (https://github.com/8go/matrix-commander-rs/issues/215). The adapter logs every
    // failure that matters itself.
    //
    // serenity records each gateway event it handles, interaction tokens included, as a field of an INFO span
    // (`handle_event`, `handle_gateway_dispatch`) that every log line inside it repeats; with those spans
    // off its shard's warnings still show, without the event.
    for directive in [
        "matrix_sdk_crypto::backups=error",
        "matrix_sdk::http_client=off",
        "serenity::gateway::shard=warn",
    ] {
        if let Ok(d) = directive.parse() {
            filter = filter.add_directive(d);
        }
    }
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    let _ = match config.log_format {
        LogFormat::Json => builder.json().try_init(),
        LogFormat::Text => builder.try_init(),
    };
}

/// The Prometheus recorder behind `/metrics`, with buckets for the latency histogram.
fn install_metrics() -> anyhow::Result<metrics_exporter_prometheus::PrometheusHandle> {
    use metrics_exporter_prometheus::{Matcher, PrometheusBuilder};
    let handle = PrometheusBuilder::new()
        .set_buckets_for_metric(
            Matcher::Full(attache_core::observe::COMMAND_SECONDS.to_string()),
            attache_core::observe::COMMAND_BUCKETS,
        )?
        .install_recorder()?;
    attache_core::observe::describe();
    Ok(handle)
}

fn serve(config: Config, console_only: bool, lang: Lang) -> anyhow::Result<ExitCode> {
    let mut plan = if console_only {
        Plan::console_only()
    } else {
        // A configured platform whose secret is unset is skipped with a warning, so the rest still runs.
        for platform in config.platforms(attache_core::config::env_secret) {
            if let Some(problem) = platform.problem {
                tracing::warn!("[{}] not started: {problem}", platform.name);
            }
        }
        Plan::from_config(&config, attache_core::config::env_secret)
    };
    plan.console_lang = lang;
    let dir = config.briefings_dir.clone();
    let configured = config.matrix.is_some() || config.discord.is_some();
    // Installed before the first load, so the briefings gauge counts it.
    let metrics = match &plan.http {
        Some(http) if http.metrics => Some(install_metrics()?),
        _ => None,
    };
    let engine = Arc::new(Engine::new(config));
    let snapshot = engine.snapshot();
    for e in &snapshot.errors {
        tracing::warn!("{e}");
    }
    let banner = plan.console_only.then(|| {
        format!(
            "No chat platform {}: starting the console with {} from {} (type `help`; Ctrl-D quits).",
            if configured { "can start" } else { "is configured" },
            count(snapshot.len(), "briefing"),
            dir.display()
        )
    });
    drop(snapshot);
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
    runtime.block_on(runtime::run(engine, plan, metrics, || {
        if let Some(banner) = banner {
            println!("{banner}");
        }
    }))?;
    Ok(ExitCode::SUCCESS)
}

/// The language of the terminal: `--lang`, else the `LANG` environment variable (`ru_RU.UTF-8` is
/// Russian; `C` says nothing), else `bot.language`. A `--lang` the bot does not speak is a usage error.
fn language(flag: Option<&str>, config: &Config) -> anyhow::Result<Lang> {
    if let Some(tag) = flag {
        return Lang::from_tag(tag).ok_or_else(|| {
            anyhow::anyhow!("`--lang {tag}`: not a language the bot speaks; use en, ru or zh")
        });
    }
    let from_env = std::env::var("LANG").ok().and_then(|v| Lang::from_tag(&v));
    Ok(from_env.unwrap_or(config.language))
}

fn ask(config: Config, line: &str, lang: Lang) -> ExitCode {
    let engine = Engine::new(config);
    let caller = Caller::new(Role::Admin, "console").lang(lang);
    let response = engine.handle_as(strip_prefix(line), &caller);
    let text = terminal::render(&response, stdout_style());
    let code = match response.status {
        Status::Answer => 0,
        Status::Usage => 2,
        Status::NotFound | Status::Denied | Status::Internal => 1,
    };
    if code == 0 {
        print!("{text}");
    } else {
        eprint!("{text}");
    }
    ExitCode::from(code)
}

fn check(
    config: Result<Config, attache_core::config::ConfigError>,
    briefings: Option<&Path>,
) -> anyhow::Result<ExitCode> {
    let mut out = std::io::stdout().lock();
    let mut problems = 0usize;
    let config = match config {
        Ok(c) => c,
        Err(e) => {
            writeln!(out, "{e}")?;
            problems += 1;
            let mut c = Config::default();
            if let Some(dir) = briefings {
                c.briefings_dir = dir.to_path_buf();
            }
            c
        }
    };
    let config_path = config
        .path
        .clone()
        .unwrap_or_else(|| PathBuf::from(attache_core::config::DEFAULT_PATH));
    for platform in config.platforms(attache_core::config::env_secret) {
        if let Some(problem) = platform.problem {
            writeln!(
                out,
                "{}: [{}] cannot start: {problem}",
                config_path.display(),
                platform.name
            )?;
            problems += 1;
        }
    }
    problems += check_public_key(&mut out, &config, &config_path)?;
    let store = Store::open(&config.briefings_dir, config.parse_options());
    let snapshot = store.snapshot();
    for e in &snapshot.errors {
        writeln!(out, "{e}")?;
    }
    problems += snapshot.errors.len();
    let extracted: Vec<&Arc<Briefing>> = snapshot
        .briefings()
        .iter()
        .filter(|b| {
            b.extracted
                .iter()
                .any(|f| *f != briefing::Field::Title && *f != briefing::Field::Links)
        })
        .collect();
    for b in &extracted {
        let fields: Vec<String> = b
            .extracted
            .iter()
            .map(|f| {
                serde_json::to_value(f)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_string))
                    .unwrap_or_default()
            })
            .collect();
        writeln!(
            out,
            "{}: note: review extracted fields: {}",
            b.path.display(),
            fields.join(", ")
        )?;
    }
    writeln!(
        out,
        "{}: {} loaded, {} with extracted fields, {}",
        config.briefings_dir.display(),
        count(snapshot.len(), "briefing"),
        extracted.len(),
        count(problems, "problem"),
    )?;
    Ok(if problems == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// With HTTP interactions and the bot's token at hand, asks Discord for the application's public key
/// and reports a `discord.public_key` that is not it (every interaction would then be refused); the
/// number of problems found. Discord out of reach is a note, not a problem of the config.
fn check_public_key(out: &mut impl Write, config: &Config, path: &Path) -> anyhow::Result<usize> {
    let Some(discord) = &config.discord else {
        return Ok(0);
    };
    let (Interactions::Http, Some(key), Some(token)) = (
        discord.interactions,
        discord.public_key,
        attache_core::config::env_secret(&discord.token_env),
    ) else {
        return Ok(0);
    };
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    let at = key.line().map(|l| format!(":{l}")).unwrap_or_default();
    match runtime.block_on(attache_discord::over_http::verify_key(&discord.api_base, &token)) {
        Ok(found) if found == key.hex() => Ok(0),
        Ok(found) => {
            writeln!(
                out,
                "{}{at}: `discord.public_key` is not the application's public key ({found}): every interaction would be refused; copy the Public Key from the Developer Portal's General Information page",
                path.display()
            )?;
            Ok(1)
        }
        Err(e) => {
            writeln!(
                out,
                "{}: note: could not compare `discord.public_key` with the application's: {e:#}",
                path.display()
            )?;
            Ok(0)
        }
    }
}

/// "1 briefing", "3 briefings".
fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

fn show(config: Config, event: &str, json: bool) -> anyhow::Result<ExitCode> {
    let lang = config.language;
    let engine = Engine::new(config);
    let snapshot = engine.snapshot();
    match resolve(&snapshot, event) {
        Resolution::Found(b) => print_briefing(&b, json, lang),
        // Not found or ambiguous: the same reply chat users get.
        _ => {
            let reply = engine.handle(&format!("briefing \"{}\"", event.replace('"', "")), Role::Admin);
            eprint!("{}", terminal::render(&reply, stdout_style()));
            Ok(ExitCode::from(1))
        }
    }
}

fn extract(config: &Config, file: &Path, json: bool) -> anyhow::Result<ExitCode> {
    let bytes = std::fs::read(file).with_context(|| format!("cannot read {}", file.display()))?;
    match briefing::parse(file, &bytes, &config.parse_options()) {
        Ok(b) => print_briefing(&b, json, config.language),
        Err(e) => {
            eprintln!("{e}");
            Ok(ExitCode::from(1))
        }
    }
}

fn print_briefing(b: &Briefing, json: bool, lang: Lang) -> anyhow::Result<ExitCode> {
    if json {
        println!("{}", serde_json::to_string_pretty(b)?);
    } else {
        print!(
            "{}",
            terminal::render(
                &attache_core::exec::card_response(lang, b).in_lang(lang),
                stdout_style()
            )
        );
    }
    Ok(ExitCode::SUCCESS)
}
