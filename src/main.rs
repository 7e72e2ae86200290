//! The `ictdip` binary: with no subcommand it opens the dashboard; `export`, `list` and `stats`
//! print what the dashboard knows.

#![forbid(unsafe_code)]

mod bench;
mod cells;
mod cli;
mod export;
mod ui;

use crate::export::Format;
use clap::{Parser, Subcommand};
use ictdip_core::corpus::{self, BuildOptions, Progress, Source};
use ictdip_core::load::LoadOptions;
use ictdip_core::registry::Lang;
use ictdip_core::timeline::Timeline;
use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// mimalloc instead of the system allocator: extraction makes many small short-lived allocations
/// across threads, and glibc's per-thread arenas stalled the first filter keystroke after a large
/// load, long enough to feel, while consolidating what the loader had freed.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The filter language, as `--help` tells it (the dashboard's `/` reads the same).
const FILTER_LANGUAGE: &str = "\
Filter language (--filter, and / in the dashboard); tokens combine with AND:
  words              fuzzy text in titles, people, places, countries, bodies
                     (short words match where a word starts)
  \"prefix            words in the articles' bodies
  @kz @казах @korea  a country by code or any word of its names
  #sco #шос #шанх    a body by ID, abbreviation or any word of its names
  2025 2025-06 2025-06-17 17.06.2025
                     dated within; ranges 2024..2025, 2025.., ..2024-06
  июнь 2025, june 2025, июнь
                     a month of a year, or of any year
  kind:forum         meeting, conference, forum, visit, agreement, statement, other
  topic:ai           an ICT topic (ai, cybersecurity, telecom, e-government, ...)
  -token             leave out what the token finds (-@ru, -kind:visit, -word)
A token that cannot be read is named, with the reason, on stderr.";

#[derive(Parser)]
#[command(
    name = "ictdip",
    version,
    about = "ICT diplomacy news as a timeline: who met whom, where, when, under which body",
    after_help = FILTER_LANGUAGE
)]
struct Args {
    /// A folder of articles (.txt, .md, .json, .jsonl, .ndjson, .xml, .rss, .atom, .html, .htm,
    /// .xhtml) or one file; the bundled samples when omitted.
    path: Option<PathBuf>,
    /// Click to select and wheel to scroll in the dashboard.
    #[arg(long)]
    mouse: bool,
    /// Load the folder again when files under it are added, changed or removed (W pauses).
    #[arg(long)]
    watch: bool,
    /// Skip files larger than this many bytes.
    #[arg(long, global = true, default_value_t = ictdip_core::load::DEFAULT_MAX_BYTES)]
    max_size: u64,
    /// Neither read nor write the extraction cache.
    #[arg(long, global = true)]
    no_cache: bool,
    /// Read only files with these extensions (`json,jsonl`; may be given again); one of no known
    /// format is read as plain text.
    #[arg(long, global = true, value_delimiter = ',', value_name = "EXT")]
    include_ext: Vec<String>,
    /// Leave out the files and folders whose path under the folder, or whose name, matches this
    /// glob (`drafts`, `*.json`, `2024/**`); may be given again.
    #[arg(long, global = true, value_name = "GLOB")]
    exclude: Vec<String>,
    /// Show names of countries, cities and bodies, and kinds and topics, in this language (ru,
    /// en); from the locale (LANG) when omitted. Exports keep their codes either way.
    #[arg(long, global = true, value_parser = parse_lang, value_name = "LANG")]
    lang: Option<Lang>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Print every event as JSON, JSON Lines or CSV.
    #[command(after_help = FILTER_LANGUAGE)]
    Export {
        path: Option<PathBuf>,
        #[arg(long, value_enum, default_value_t = Format::Json)]
        format: Format,
        /// Only events matching this filter (same language as the dashboard's `/`).
        #[arg(long, default_value = "")]
        filter: String,
    },
    /// Print a readable table of events.
    #[command(after_help = FILTER_LANGUAGE)]
    List {
        path: Option<PathBuf>,
        /// Only events matching this filter (same language as the dashboard's `/`).
        #[arg(long, default_value = "")]
        filter: String,
    },
    /// Load everything and print counts.
    Stats { path: Option<PathBuf> },
    /// Score the events of a folder (or a saved export) against hand-made labels.
    Eval {
        /// The labels: a JSON array of articles (see README, "Accuracy").
        gold: PathBuf,
        /// The articles the labels are for; the bundled samples when omitted.
        path: Option<PathBuf>,
        /// Score this saved `export --format json` output instead of loading PATH.
        #[arg(long, conflicts_with = "path")]
        events: Option<PathBuf>,
        /// Print every wrong answer before the figures.
        #[arg(long)]
        verbose: bool,
        /// Score the main labels alone, without their accepted alternatives.
        #[arg(long)]
        strict: bool,
    },
    /// Print every name the gazetteer knows, one per line (for grep baselines and checks).
    Names,
    /// Measure load time, time per filter keystroke and frame draw time on a folder.
    Bench { path: Option<PathBuf> },
    /// Manage the extraction cache.
    Cache {
        #[command(subcommand)]
        action: CacheAction,
    },
}

#[derive(Subcommand)]
enum CacheAction {
    /// Remove every cached extraction.
    Clear,
    /// Print where the cache lives.
    Dir,
}

/// Loads a source for a CLI command, with a progress bar on stderr when it is a terminal.
/// What a command reads besides the timeline: how many warnings the load gave, and the files of
/// other types it left aside.
struct LoadSummary {
    warnings: usize,
    other_files: ictdip_core::load::OtherFiles,
}

fn load(path: Option<&std::path::Path>, opts: &BuildOptions) -> anyhow::Result<(Timeline, LoadSummary)> {
    use std::io::IsTerminal;
    let source = Source::from_arg(path);
    let progress = Progress::default();
    let c = if io::stderr().is_terminal() {
        std::thread::scope(|s| {
            let worker = s.spawn(|| corpus::build_with(&source, opts, &progress, &mut |_| {}));
            let bar = indicatif::ProgressBar::new(0).with_style(
                indicatif::ProgressStyle::with_template("{bar:30} {pos}/{len} files · {per_sec} · {eta} left")
                    .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
            );
            while !worker.is_finished() {
                bar.set_length(progress.total.load(std::sync::atomic::Ordering::Relaxed) as u64);
                bar.set_position(progress.done.load(std::sync::atomic::Ordering::Relaxed) as u64);
                std::thread::sleep(std::time::Duration::from_millis(100));
            }
            bar.finish_and_clear();
            worker.join().unwrap_or_default()
        })
    } else {
        corpus::build(&source, opts)
    };
    let stderr = io::stderr();
    let mut err = stderr.lock();
    for w in &c.warnings {
        let _ = writeln!(err, "ictdip: warning: {w}");
    }
    if c.other_files.count() > 0 {
        let _ = writeln!(err, "ictdip: {}", c.other_files);
    }
    if c.articles.is_empty() {
        anyhow::bail!(
            "no article could be loaded from {}",
            path.map_or("the bundled samples".into(), |p| p.display().to_string())
        );
    }
    let summary = LoadSummary { warnings: c.warnings.len(), other_files: c.other_files };
    Ok((Timeline::new(c.articles, c.events), summary))
}

/// Runs `print` on the timeline of a command that exits next, and leaves the timeline to the
/// operating system: freeing every event one allocation at a time was a noticeable part of a warm
/// load.
fn leaving<R>(t: Timeline, print: impl FnOnce(&Timeline) -> R) -> R {
    let r = print(&t);
    std::mem::forget(t);
    r
}

/// Builds the body index when the filter searches bodies (a quoted token), and says on stderr
/// which of the filter's tokens could not be read.
fn with_index(mut t: Timeline, filter: &str, opts: &BuildOptions) -> Timeline {
    let q = ictdip_core::timeline::Query::parse(filter);
    for why in &q.not_understood {
        eprintln!("ictdip: filter: not understood: {why}");
    }
    if !q.phrases.is_empty() {
        t.build_fulltext(&opts.load);
    }
    t
}

fn main() -> ExitCode {
    match run(Args::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            // The whole chain: "cannot read gold.json: No such file or directory".
            eprintln!("ictdip: {e:#}");
            ExitCode::from(1)
        }
    }
}

/// A reader that stopped reading (`ictdip export | head`) is no failure of ours: the one place
/// this is decided, for every command.
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|cause| cause.downcast_ref::<io::Error>().is_some_and(|io| io.kind() == io::ErrorKind::BrokenPipe))
}

fn run(args: Args) -> anyhow::Result<()> {
    let files = ictdip_core::load::FileFilter::new(&args.include_ext, &args.exclude).map_err(anyhow::Error::msg)?;
    let opts = BuildOptions {
        load: LoadOptions { max_bytes: args.max_size, files },
        cache_dir: if args.no_cache { None } else { ictdip_core::cache::dir() },
        // Only export prints evidence; everything else reads it again when it needs it.
        keep_evidence: matches!(args.command, Some(Command::Export { .. })),
    };
    let lang = args.lang.unwrap_or_else(|| Lang::from_locale(|v| std::env::var(v).ok()));
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    match args.command {
        Some(Command::Export { path, format, filter }) => {
            let (t, _) = load(path.as_deref(), &opts)?;
            leaving(with_index(t, &filter, &opts), |t| cli::export(t, format, &filter, &mut out))?;
        }
        Some(Command::List { path, filter }) => {
            let (t, _) = load(path.as_deref(), &opts)?;
            leaving(with_index(t, &filter, &opts), |t| cli::list(t, &filter, lang, &mut out))?;
        }
        Some(Command::Stats { path }) => {
            let (t, s) = load(path.as_deref(), &opts)?;
            leaving(t, |t| cli::stats(t, s.warnings, &s.other_files, &mut out))?;
        }
        Some(Command::Eval { gold, path, events, verbose, strict }) => {
            let report = eval(&gold, path.as_deref(), events.as_deref(), strict, &opts)?;
            out.write_all(report.render(verbose).as_bytes())?;
        }
        Some(Command::Bench { path }) => crate::bench::run(&Source::from_arg(path.as_deref()), &opts, &mut out)?,
        Some(Command::Cache { action: CacheAction::Clear }) => {
            let n = corpus::clear_cache()?;
            writeln!(out, "removed {n} cache file(s)")?;
        }
        Some(Command::Cache { action: CacheAction::Dir }) => writeln!(
            out,
            "{}",
            ictdip_core::cache::dir().map_or("(no cache directory)".into(), |d| d.display().to_string())
        )?,
        Some(Command::Names) => {
            for n in ictdip_core::registry::Registry::embedded().names() {
                writeln!(out, "{n}")?;
            }
        }
        None => {
            drop(out);
            return ictdip_dashboard(args.path, args.mouse, args.watch, lang, opts);
        }
    }
    out.flush()?;
    Ok(())
}

/// The report of `ictdip eval`: labels read, events loaded (or read from a saved export), scored.
fn eval(
    gold: &std::path::Path,
    path: Option<&std::path::Path>,
    events: Option<&std::path::Path>,
    strict: bool,
    opts: &BuildOptions,
) -> anyhow::Result<ictdip_core::eval::Report> {
    use anyhow::Context;
    let read_json = |p: &std::path::Path| -> anyhow::Result<serde_json::Value> {
        let text = std::fs::read_to_string(p).with_context(|| format!("cannot read {}", p.display()))?;
        serde_json::from_str(&text).with_context(|| format!("{} is not valid JSON", p.display()))
    };
    let labels: Vec<ictdip_core::eval::Label> = serde_json::from_value(read_json(gold)?)
        .with_context(|| format!("{} is not a list of labels", gold.display()))?;
    let events: Vec<serde_json::Value> = if let Some(file) = events {
        match read_json(file)? {
            serde_json::Value::Array(a) => a,
            _ => anyhow::bail!("{} is not an export (a JSON array of events)", file.display()),
        }
    } else {
        let (t, _) = load(path, opts)?;
        leaving(t, |t| t.events().map(|e| serde_json::to_value(e).unwrap_or_default()).collect())
    };
    Ok(ictdip_core::eval::score(&events, &labels, strict))
}

/// `--lang`'s value.
fn parse_lang(s: &str) -> Result<Lang, String> {
    Lang::parse(s).ok_or_else(|| format!("{s:?} is not a language ictdip speaks (ru, en)"))
}

fn ictdip_dashboard(
    path: Option<PathBuf>,
    mouse: bool,
    watch: bool,
    lang: Lang,
    opts: BuildOptions,
) -> anyhow::Result<()> {
    use std::io::IsTerminal;
    // A path that cannot be opened is said at once, as the other commands say it, rather than
    // shown as an empty dashboard.
    if let Some(p) = &path
        && let Err(e) = std::fs::metadata(p)
    {
        let problem = ictdip_core::problem::LoadProblem::CannotOpen(e.kind());
        anyhow::bail!("{}: {problem}", p.display());
    }
    if !io::stdout().is_terminal() {
        anyhow::bail!("the dashboard needs a terminal; use export, list or stats to print");
    }
    Ok(crate::ui::terminal::run(Source::from_arg(path.as_deref()), opts, mouse, watch, lang)?)
}
