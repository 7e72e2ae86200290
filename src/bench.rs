//! `ictdip bench [PATH]`: the numbers the dashboard's responsiveness depends on, measured on a real
//! folder: load time, time per keystroke of the filter (typing real queries letter by letter), and
//! time to draw a frame. Percentiles, not means: a p99 is what a user feels as lag.

use crate::ui::action::Action;
use crate::ui::app::App;
use ictdip_core::corpus::{self, BuildOptions, Source};
use ictdip_core::timeline::Timeline;
use ratatui::backend::TestBackend;
use ratatui::Terminal;
use std::io::{self, Write};
use std::time::{Duration, Instant};

/// Queries typed letter by letter: Cyrillic and Latin text, facet and date tokens.
pub const QUERIES: &[&str] =
    &["шос", "совещание министров", "@kz", "#sco 2025", "карамай", "ташкент форум", "цифров", "itu", "@узб #снг"];

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let i = ((sorted.len() - 1) as f64 * p).round() as usize;
    sorted[i]
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

fn report(out: &mut dyn Write, what: &str, mut times: Vec<Duration>) -> io::Result<()> {
    times.sort();
    writeln!(
        out,
        "{what:<22} n {:>5}  p50 {:>10}  p90 {:>10}  p99 {:>10}  max {:>10}",
        times.len(),
        ms(percentile(&times, 0.5)),
        ms(percentile(&times, 0.9)),
        ms(percentile(&times, 0.99)),
        ms(times.last().copied().unwrap_or_default())
    )
}

/// Handles one key and returns how long it took; with `ICTDIP_BENCH_TRACE` set, says so on stderr.
fn timed(app: &mut App, action: Action) -> Duration {
    let t = Instant::now();
    app.handle(action.clone());
    let took = t.elapsed();
    if std::env::var_os("ICTDIP_BENCH_TRACE").is_some() {
        eprintln!(
            "{:>8.2} ms  {action:?} -> {:?}, {} hits",
            took.as_secs_f64() * 1e3,
            app.filter.text,
            app.events.hits.len()
        );
    }
    took
}

/// Time per keystroke over [`QUERIES`], each typed, then erased letter by letter.
pub fn keystrokes(app: &mut App) -> Vec<Duration> {
    let mut times = Vec::new();
    for q in QUERIES {
        app.handle(Action::OpenFilter);
        for c in q.chars() {
            times.push(timed(app, Action::Insert(c)));
        }
        for _ in q.chars() {
            times.push(timed(app, Action::DeleteBack));
        }
        app.handle(Action::Back);
    }
    times
}

/// Time to draw a full frame at 160×48, moving the selection down a row between frames.
pub fn frames(app: &mut App, n: usize) -> Vec<Duration> {
    let mut terminal = Terminal::new(TestBackend::new(160, 48)).expect("test backend");
    let mut times = Vec::with_capacity(n);
    for _ in 0..n {
        app.handle(Action::Down);
        let t = Instant::now();
        // What the dashboard does for a frame: fit the panes to it, then draw. The reader's
        // article is read on its own thread meanwhile, as it is there.
        app.prepare(ratatui::layout::Rect::new(0, 0, 160, 48));
        terminal
            .draw(|f| {
                crate::ui::draw(f, app);
            })
            .expect("draw");
        times.push(t.elapsed());
    }
    times
}

pub fn run(source: &Source, opts: &BuildOptions, out: &mut dyn Write) -> io::Result<()> {
    // As the dashboard loads: without evidence spans (freeing millions of them later would stall
    // the allocator on the first large allocation, which is not what a user's first keystroke sees).
    let opts = &BuildOptions { keep_evidence: false, ..opts.clone() };
    let t = Instant::now();
    let c = corpus::build(source, opts);
    let load = t.elapsed();
    let n_articles = c.articles.len();
    let t = Instant::now();
    // As the dashboard has it: with the filter's haystacks built on the loading thread.
    let timeline = Timeline::new(c.articles, c.events);
    timeline.prepare_search();
    let index = t.elapsed();
    writeln!(out, "articles {n_articles}, events {}", timeline.len())?;
    writeln!(out, "load + extract         {}", ms(load))?;
    writeln!(out, "timeline index         {}", ms(index))?;
    let mut app = App::new(timeline, c.warnings);
    report(out, "filter keystroke", keystrokes(&mut app))?;
    report(out, "frame draw 160x48", frames(&mut app, 200))?;
    let t = Instant::now();
    app.timeline.build_fulltext(&opts.load);
    writeln!(out, "body index build       {}", ms(t.elapsed()))?;
    let mut times = Vec::new();
    for _ in 0..5 {
        for q in ["\"кибербезопас", "\"цифров", "\"спутник", "\"искусственн шос"]
        {
            let query = ictdip_core::timeline::Query::parse(q);
            let t = Instant::now();
            let n = app.timeline.query(&query).len();
            times.push(t.elapsed());
            std::hint::black_box(n);
        }
    }
    report(out, "body search query", times)?;
    Ok(())
}
