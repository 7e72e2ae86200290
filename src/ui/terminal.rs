//! Owning the terminal. Raw mode, the alternate screen and mouse capture are undone by a guard's
//! `Drop` (every return and `?` path) and by a panic hook (a panic prints on a clean screen), so
//! the shell is never left broken.
//!
//! The loop draws only when something changed (a key, a resize, new data), never on idle ticks,
//! and wraps each frame in a synchronized update so terminals that support it show no tearing.

use super::action::{filter_key, normal_key, Action};
use super::app::{App, Focus, LoadState, Outside, WatchState};
use ictdip_core::corpus::{self, BuildOptions, Corpus, Progress, Source};
use ictdip_core::load::OtherFiles;
use ictdip_core::registry::Lang;
use ictdip_core::timeline::fulltext::FullText;
use ictdip_core::timeline::Timeline;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, Event, MouseButton, MouseEvent, MouseEventKind,
};
use ratatui::crossterm::terminal::{
    disable_raw_mode, enable_raw_mode, BeginSynchronizedUpdate, EndSynchronizedUpdate, EnterAlternateScreen,
    LeaveAlternateScreen,
};
use ratatui::crossterm::{cursor, execute};
use ratatui::Terminal;
use std::io::{self, Stdout, Write};
use std::sync::atomic::Ordering;
use std::sync::{mpsc, Arc};
use std::time::{Duration, Instant};

/// Puts the terminal back as it was. Safe to call more than once.
fn restore(mouse: bool) {
    let mut out = io::stdout();
    if mouse {
        let _ = execute!(out, DisableMouseCapture);
    }
    let _ = execute!(out, LeaveAlternateScreen, cursor::Show);
    let _ = disable_raw_mode();
}

/// Holds the terminal in dashboard mode; dropping it restores the terminal.
pub struct TerminalGuard {
    mouse: bool,
    pub terminal: Terminal<CrosstermBackend<Stdout>>,
}

impl TerminalGuard {
    pub fn enter(mouse: bool) -> io::Result<TerminalGuard> {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore(mouse);
            previous(info);
        }));
        enable_raw_mode()?;
        let mut out = io::stdout();
        let entered = execute!(out, EnterAlternateScreen, cursor::Hide).and_then(|()| {
            if mouse {
                execute!(out, EnableMouseCapture)
            } else {
                Ok(())
            }
        });
        if let Err(e) = entered {
            restore(mouse);
            return Err(e);
        }
        match Terminal::new(CrosstermBackend::new(io::stdout())) {
            Ok(terminal) => Ok(TerminalGuard { mouse, terminal }),
            Err(e) => {
                restore(mouse);
                Err(e)
            }
        }
    }
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        restore(self.mouse);
    }
}

/// Frames wrapped in a synchronized update, so terminals that support it show no tearing.
pub trait Synchronized {
    fn begin_frame(&mut self) -> io::Result<()>;
    fn end_frame(&mut self) -> io::Result<()>;
}

impl<W: Write> Synchronized for CrosstermBackend<W> {
    fn begin_frame(&mut self) -> io::Result<()> {
        execute!(self, BeginSynchronizedUpdate)
    }
    fn end_frame(&mut self) -> io::Result<()> {
        execute!(self, EndSynchronizedUpdate)
    }
}

/// What the loop asks of the terminal besides frames: to step aside while another program (a
/// pager, an editor) has it, and to pass text to the clipboard.
pub trait Outer {
    fn outside(&mut self, request: &Outside, mouse: bool) -> io::Result<()>;
}

impl<W: Write> Outer for CrosstermBackend<W> {
    fn outside(&mut self, request: &Outside, mouse: bool) -> io::Result<()> {
        match request {
            Outside::Copy(text) => {
                // OSC 52: the terminal puts the text on the clipboard, over ssh too.
                use base64::Engine;
                let encoded = base64::engine::general_purpose::STANDARD.encode(text);
                write!(self, "\x1b]52;c;{encoded}\x07")?;
                self.flush()
            }
            Outside::Browse(url) => open::that_detached(url),
            Outside::Pager(path) => self.aside(mouse, || run_program(&["PAGER"], "less", path)),
            Outside::Editor(path) => self.aside(mouse, || run_program(&["VISUAL", "EDITOR"], "vi", path)),
        }
    }
}

/// Gives the terminal back as it was before the dashboard for as long as `run` takes, then takes
/// it again (the caller redraws everything).
trait Aside {
    fn aside(&mut self, mouse: bool, run: impl FnOnce() -> io::Result<()>) -> io::Result<()>;
}

impl<W: Write> Aside for CrosstermBackend<W> {
    fn aside(&mut self, mouse: bool, run: impl FnOnce() -> io::Result<()>) -> io::Result<()> {
        restore(mouse);
        let ran = run();
        enable_raw_mode()?;
        execute!(self, EnterAlternateScreen, cursor::Hide)?;
        if mouse {
            execute!(self, EnableMouseCapture)?;
        }
        ran
    }
}

/// Runs the program the first of `vars` names (which may carry its own arguments, as
/// `PAGER="less -R"`), or `fallback`, on `path`, and waits for it.
fn run_program(vars: &[&str], fallback: &str, path: &std::path::Path) -> io::Result<()> {
    let program = vars.iter().find_map(|v| std::env::var(v).ok().filter(|p| !p.trim().is_empty()));
    let program = program.unwrap_or_else(|| fallback.to_string());
    let status =
        std::process::Command::new("sh").arg("-c").arg(format!("{program} \"$1\"")).arg("ictdip").arg(path).status()?;
    if status.success() {
        Ok(())
    } else {
        Err(io::Error::other(format!("{program} ended with {status}")))
    }
}

/// Tests run nothing outside.
impl Outer for ratatui::backend::TestBackend {
    fn outside(&mut self, _request: &Outside, _mouse: bool) -> io::Result<()> {
        Ok(())
    }
}

/// Tests draw into memory: nothing to synchronize.
impl Synchronized for ratatui::backend::TestBackend {
    fn begin_frame(&mut self) -> io::Result<()> {
        Ok(())
    }
    fn end_frame(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// Messages from the loading thread: the corpus so far, and at last all of it, each with the
/// load's warnings and the files of other types it left aside.
pub enum Loaded {
    Partial(Timeline, Vec<ictdip_core::load::LoadWarning>, OtherFiles),
    Done(Timeline, Vec<ictdip_core::load::LoadWarning>, OtherFiles),
    /// The body index, built after everything else.
    FullText(FullText),
    /// The whole folder again after files under it changed (`--watch`), with the changed paths.
    Reloaded(Timeline, Vec<ictdip_core::load::LoadWarning>, OtherFiles, Vec<String>),
}

/// A timeline for the dashboard (loaded without evidence spans: the reader reads them again),
/// with the filter's haystacks built here on the loading thread rather than at the first keystroke.
pub(super) fn dashboard_timeline(c: Corpus) -> (Timeline, Vec<ictdip_core::load::LoadWarning>, OtherFiles) {
    let timeline = Timeline::new(c.articles, c.events);
    timeline.prepare_search();
    (timeline, c.warnings, c.other_files)
}

/// Starts loading on a background thread; events arrive in batches on the returned channel.
/// The sender is for whatever else may send timelines later (a watch).
pub fn spawn_loader(
    source: Source,
    opts: BuildOptions,
    progress: Arc<Progress>,
) -> (mpsc::Receiver<Loaded>, mpsc::Sender<Loaded>) {
    let (tx, rx) = mpsc::channel();
    let later = tx.clone();
    std::thread::spawn(move || {
        let partial_tx = tx.clone();
        let c = corpus::build_with(&source, &opts, &progress, &mut |so_far| {
            let (t, w, o) = dashboard_timeline(so_far.clone());
            let _ = partial_tx.send(Loaded::Partial(t, w, o));
        });
        let articles = c.articles.clone();
        let (t, w, o) = dashboard_timeline(c);
        if tx.send(Loaded::Done(t, w, o)).is_err() {
            return; // the dashboard has closed
        }
        let index = FullText::build(&articles, &opts.load, &progress.indexed);
        let _ = tx.send(Loaded::FullText(index));
    });
    (rx, later)
}

/// Opens the dashboard on `source`. The first frame is drawn at once; articles load on a
/// background thread and appear in batches, while keys keep working.
pub fn run(source: Source, opts: BuildOptions, mouse: bool, watch: bool, lang: Lang) -> io::Result<()> {
    let progress = Arc::new(Progress::default());
    let load_options = opts.load.clone();
    let opts = BuildOptions { keep_evidence: false, ..opts };
    let (rx, tx) = spawn_loader(source.clone(), opts.clone(), progress.clone());
    // Kept until the dashboard closes: dropping it stops the watch.
    let watching = match (&source, watch) {
        (Source::Path(root), true) => Some(super::watch::start(root.clone(), opts, progress.clone(), tx)),
        _ => None,
    };
    let mut guard = TerminalGuard::enter(mouse)?;
    let mut app = App::loading();
    app.lang = lang;
    app.refresh_names();
    app.filter = super::filter_line::FilterLine::with_history(super::filter_line::history_file());
    app.load_options = load_options;
    match &watching {
        Some(Ok(w)) => app.watch = Some(WatchState { on: w.on.clone(), note: String::new() }),
        Some(Err(e)) => app.watch_error = Some(format!("cannot watch the folder: {e}")),
        None => {}
    }
    let mut next_event = |timeout: Duration| -> io::Result<Option<Event>> {
        if event::poll(timeout)? {
            event::read().map(Some)
        } else {
            Ok(None)
        }
    };
    event_loop(&mut guard.terminal, &mut app, &mut next_event, &rx, &progress, mouse)
}

/// The dashboard's loop, apart from where its events come from: the real terminal in [`run`], a
/// script in tests. Draws when something changed, handles one input event at a time, takes in
/// whatever the loader has sent, and never waits on the loader.
pub fn event_loop<B: ratatui::backend::Backend + Synchronized + Outer>(
    terminal: &mut Terminal<B>,
    app: &mut App,
    next_event: &mut dyn FnMut(Duration) -> io::Result<Option<Event>>,
    rx: &mpsc::Receiver<Loaded>,
    progress: &Progress,
    mouse: bool,
) -> io::Result<()> {
    let started = Instant::now();
    let mut dirty = true;
    // The loader still has something to send (the rest of the corpus, then the body index): the
    // loop looks for it every few milliseconds instead of only after a key, so that a finished
    // index shows in the answers at once.
    let mut loader_open = true;
    let mut drawn = super::Drawn::default();
    loop {
        if dirty {
            terminal.backend_mut().begin_frame()?;
            let size = terminal.size()?;
            app.prepare(ratatui::layout::Rect::new(0, 0, size.width, size.height));
            terminal.draw(|f| drawn = super::draw(f, app))?;
            terminal.backend_mut().end_frame()?;
            dirty = false;
        }
        if app.quit {
            return Ok(());
        }
        let loading = matches!(app.load, LoadState::Loading { .. });
        // A watched folder may send a new timeline at any time.
        let waiting = loading || (loader_open && (!app.timeline.has_fulltext() || app.watch.is_some()));
        let timeout = if waiting || app.reader.opening() { Duration::from_millis(50) } else { Duration::from_hours(1) };
        match next_event(timeout)? {
            Some(Event::Key(key)) => {
                let action = if app.typing() { filter_key(key) } else { normal_key(key) };
                // While the terminal is too small for the dashboard only quitting acts: a key must
                // not change what cannot be seen.
                let size = terminal.size()?;
                let too_small = size.width < super::MIN_WIDTH || size.height < super::MIN_HEIGHT;
                if let Some(a) = action.filter(|a| !too_small || *a == Action::Quit) {
                    app.handle(a);
                    dirty = true;
                }
                if let Some(request) = app.outside.take() {
                    if let Err(e) = terminal.backend_mut().outside(&request, mouse) {
                        app.notice = Some(e.to_string());
                    }
                    // Another program may have drawn over everything.
                    terminal.clear()?;
                }
            }
            Some(Event::Resize(..)) => dirty = true,
            Some(Event::Mouse(m)) if mouse => dirty |= on_mouse(app, m, &drawn),
            _ => {}
        }
        let (changed, open) = take_loaded(app, rx);
        dirty |= changed;
        // The reader's article, read on its own thread, has come.
        dirty |= app.reader.take_opened();
        loader_open &= open;
        let indexed = progress.indexed.load(Ordering::Relaxed);
        if !app.timeline.has_fulltext() && indexed != app.indexed {
            app.indexed = indexed;
            dirty = true;
        }
        if let LoadState::Loading { done, total, .. } = &mut app.load {
            let (d, t) = (progress.done.load(Ordering::Relaxed), progress.total.load(Ordering::Relaxed));
            if (d, t) != (*done, *total) {
                let per_second = d as f64 / started.elapsed().as_secs_f64().max(0.001);
                app.load = LoadState::Loading { done: d, total: t, per_second };
                dirty = true;
            }
        }
    }
}

/// Takes in whatever the loader has sent, without waiting: whether anything changed, and whether
/// the loader may still send more.
fn take_loaded(app: &mut App, rx: &mpsc::Receiver<Loaded>) -> (bool, bool) {
    let mut changed = false;
    loop {
        let msg = match rx.try_recv() {
            Ok(msg) => msg,
            Err(mpsc::TryRecvError::Empty) => return (changed, true),
            Err(mpsc::TryRecvError::Disconnected) => return (changed, false),
        };
        changed = true;
        let (timeline, warnings, other_files, done) = match msg {
            Loaded::Partial(t, w, o) => (t, w, o, false),
            Loaded::Done(t, w, o) => (t, w, o, true),
            Loaded::Reloaded(t, w, o, touched) => {
                app.take_reload(t, w, &touched);
                app.other_files = o;
                continue;
            }
            Loaded::FullText(index) => {
                app.set_fulltext(index);
                continue;
            }
        };
        app.set_corpus(timeline, warnings);
        app.other_files = other_files;
        if !done {
            app.load = LoadState::Loading { done: 0, total: 0, per_second: 0.0 };
        }
    }
}

/// A click or a turn of the wheel, read against where the last frame drew each pane: the wheel
/// scrolls the pane under it; a click selects the row under it in the timeline or a facet pane
/// (and a click on a facet's selected row chooses it, as Enter does).
fn on_mouse(app: &mut App, m: MouseEvent, drawn: &super::Drawn) -> bool {
    if drawn.overlay {
        return false;
    }
    let at = ratatui::layout::Position { x: m.column, y: m.row };
    let inside = |r: Option<ratatui::layout::Rect>| r.is_some_and(|r| r.contains(at));
    // The row of a bordered pane's inside that the pointer is on.
    let row_in = |r: Option<ratatui::layout::Rect>| {
        r.filter(|r| at.y > r.y && at.y + 1 < r.y + r.height && at.x > r.x && at.x + 1 < r.x + r.width)
            .map(|r| (at.y - r.y - 1) as usize)
    };
    // The list pane under the pointer (the reader is no list).
    let pane = [
        (drawn.panes.countries, Focus::Countries),
        (drawn.panes.bodies, Focus::Bodies),
        (drawn.panes.values, Focus::Values),
        (drawn.panes.timeline, Focus::Timeline),
    ]
    .into_iter()
    .find(|(r, _)| inside(*r))
    .map(|(_, focus)| focus);
    match m.kind {
        MouseEventKind::ScrollDown | MouseEventKind::ScrollUp => {
            let down = m.kind == MouseEventKind::ScrollDown;
            if inside(drawn.panes.reader) {
                app.scroll_reader(if down { 3 } else { -3 });
                return true;
            }
            let Some(focus) = pane else { return false };
            app.focus = focus;
            app.handle(if down { Action::Down } else { Action::Up });
        }
        MouseEventKind::Down(MouseButton::Left) => {
            let Some(focus) = pane else { return false };
            match focus {
                Focus::Timeline => {
                    // Below the header row.
                    let Some(row) =
                        row_in(drawn.panes.timeline).and_then(|r| r.checked_sub(1)).map(|r| app.events.offset + r)
                    else {
                        return false;
                    };
                    if row >= app.events.hits.len() {
                        return false;
                    }
                    app.focus = Focus::Timeline;
                    app.events.selected = row;
                    app.reader.scroll = 0;
                    app.reader.highlight = None;
                }
                Focus::Countries | Focus::Bodies | Focus::Values => {
                    let (rect, facet) = match focus {
                        Focus::Countries => (drawn.panes.countries, &mut app.countries),
                        Focus::Bodies => (drawn.panes.bodies, &mut app.bodies),
                        _ => (drawn.panes.values, &mut app.values),
                    };
                    let Some(r) = row_in(rect) else { return false };
                    let row = facet.offset + r;
                    if row >= facet.items.len() {
                        return false;
                    }
                    let again = app.focus == focus && facet.selected == row;
                    facet.selected = row;
                    app.focus = focus;
                    if again {
                        app.handle(Action::Activate);
                    }
                }
            }
        }
        _ => return false,
    }
    true
}
