//! The `ictdip` binary: with no subcommand it opens the dashboard; `export`, `list` and `stats`
//! print what the dashboard knows.

use clap::{Parser, Subcommand};
use ictdip::cli::{self, Format};
use ictdip::corpus::{self, Source};
use ictdip::load::LoadOptions;
use ictdip::timeline::Timeline;
use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "ictdip",
    version,
    about = "ICT diplomacy news as a timeline: who met whom, where, when, under which body"
)]
#[command(args_conflicts_with_subcommands = true)]
struct Args {
    /// A folder of articles (.txt, .md) or one article; the bundled samples when omitted.
    path: Option<PathBuf>,
    /// Click to select and wheel to scroll in the dashboard.
    #[arg(long)]
    mouse: bool,
    /// Skip files larger than this many bytes.
    #[arg(long, global = true, default_value_t = ictdip::load::DEFAULT_MAX_BYTES)]
    max_size: u64,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Print every event as JSON, JSON Lines or CSV.
    Export {
        path: Option<PathBuf>,
        #[arg(long, value_enum, default_value_t = Format::Json)]
        format: Format,
        /// Only events matching this filter (same language as the dashboard's `/`).
        #[arg(long, default_value = "")]
        filter: String,
    },
    /// Print a readable table of events.
    List {
        path: Option<PathBuf>,
        #[arg(long, default_value = "")]
        filter: String,
    },
    /// Load everything and print counts.
    Stats { path: Option<PathBuf> },
    /// Print every name the gazetteer knows, one per line (for grep baselines and checks).
    Names,
    /// Measure load time, time per filter keystroke and frame draw time on a folder.
    Bench { path: Option<PathBuf> },
}

fn load(path: Option<&std::path::Path>, opts: &LoadOptions) -> Result<(Timeline, usize), ExitCode> {
    let c = corpus::build(&Source::from_arg(path), opts);
    let stderr = io::stderr();
    let mut err = stderr.lock();
    for w in &c.warnings {
        let _ = writeln!(err, "ictdip: warning: {w}");
    }
    if c.articles.is_empty() {
        let _ = writeln!(
            err,
            "ictdip: no article could be loaded from {}",
            path.map_or("the bundled samples".into(), |p| p.display().to_string())
        );
        return Err(ExitCode::from(1));
    }
    let n = c.warnings.len();
    Ok((Timeline::new(c.articles, c.events), n))
}

fn main() -> ExitCode {
    let args = Args::parse();
    let opts = LoadOptions { max_bytes: args.max_size };
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let result = match args.command {
        Some(Command::Export { path, format, filter }) => {
            load(path.as_deref(), &opts).map(|(t, _)| cli::export(&t, format, &filter, &mut out))
        }
        Some(Command::List { path, filter }) => {
            load(path.as_deref(), &opts).map(|(t, _)| cli::list(&t, &filter, &mut out))
        }
        Some(Command::Stats { path }) => load(path.as_deref(), &opts).map(|(t, n)| cli::stats(&t, n, &mut out)),
        Some(Command::Bench { path }) => Ok(ictdip::bench::run(&Source::from_arg(path.as_deref()), &opts, &mut out)),
        Some(Command::Names) => Ok(ictdip::extract::gazetteer::Gazetteer::get()
            .surface_forms()
            .iter()
            .try_for_each(|n| writeln!(out, "{n}"))),
        None => {
            drop(out);
            return match ictdip_dashboard(args.path, args.mouse, opts) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("ictdip: {e}");
                    ExitCode::from(1)
                }
            };
        }
    };
    match result {
        Ok(Ok(())) => match out.flush() {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("ictdip: {e}");
                ExitCode::from(1)
            }
        },
        Ok(Err(e)) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Ok(Err(e)) => {
            eprintln!("ictdip: {e}");
            ExitCode::from(1)
        }
        Err(code) => code,
    }
}

fn ictdip_dashboard(path: Option<PathBuf>, mouse: bool, opts: LoadOptions) -> io::Result<()> {
    use std::io::IsTerminal;
    if !io::stdout().is_terminal() {
        return Err(io::Error::other("the dashboard needs a terminal; use export, list or stats to print"));
    }
    ictdip::ui::terminal::run(Source::from_arg(path.as_deref()), opts, mouse)
}
