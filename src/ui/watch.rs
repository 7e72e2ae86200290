//! `--watch`: a folder that keeps growing. Changes under it are gathered until they settle, then
//! the folder is loaded again through the extraction cache, so that only new and changed files
//! are read and extracted, and the new timeline reaches the dashboard as the first one did.

use super::terminal::{dashboard_timeline, Loaded};
use ictdip_core::corpus::{self, BuildOptions, Progress, Source};
use ictdip_core::timeline::fulltext::FullText;
use notify::Watcher;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{mpsc, Arc};
use std::time::Duration;

/// How long the folder must stay quiet before it is loaded again: a file being saved or copied
/// gives several events in a row, and one load should follow them all.
const SETTLE: Duration = Duration::from_millis(250);

/// A running watch. Dropping it stops watching.
pub struct Watch {
    /// Off: changes are noted but not loaded until it is on again.
    pub on: Arc<AtomicBool>,
    _watcher: notify::RecommendedWatcher,
}

/// Starts watching `root` (recursively) and loading it again after each burst of changes,
/// sending [`Loaded::Reloaded`] and then the new body index on `tx`.
pub fn start(
    root: PathBuf,
    opts: BuildOptions,
    progress: Arc<Progress>,
    tx: mpsc::Sender<Loaded>,
) -> notify::Result<Watch> {
    let (events_tx, events) = mpsc::channel::<notify::Result<notify::Event>>();
    let mut watcher = notify::recommended_watcher(events_tx)?;
    watcher.watch(&root, notify::RecursiveMode::Recursive)?;
    let on = Arc::new(AtomicBool::new(true));
    let switch = on.clone();
    std::thread::spawn(move || {
        let mut touched: Vec<String> = Vec::new();
        // Each pass waits for a change, then for the changes to settle.
        while let Ok(first) = events.recv() {
            note(&root, first, &mut touched);
            loop {
                match events.recv_timeout(SETTLE) {
                    Ok(more) => note(&root, more, &mut touched),
                    Err(mpsc::RecvTimeoutError::Timeout) => break,
                    Err(mpsc::RecvTimeoutError::Disconnected) => return,
                }
            }
            if !switch.load(Ordering::Relaxed) {
                continue;
            }
            let c = corpus::build(&Source::Path(root.clone()), &opts);
            let articles = c.articles.clone();
            let (t, w, o) = dashboard_timeline(c);
            touched.sort();
            touched.dedup();
            if tx.send(Loaded::Reloaded(t, w, o, std::mem::take(&mut touched))).is_err() {
                return; // the dashboard has closed
            }
            let index = FullText::build(&articles, &opts.load, &progress.indexed);
            if tx.send(Loaded::FullText(index)).is_err() {
                return;
            }
        }
    });
    Ok(Watch { on, _watcher: watcher })
}

/// Keeps the paths (relative to `root`) that an event touched; events about the folder itself or
/// that only read files are left out.
fn note(root: &Path, event: notify::Result<notify::Event>, touched: &mut Vec<String>) {
    let Ok(event) = event else { return };
    if matches!(event.kind, notify::EventKind::Access(_)) {
        return;
    }
    for path in event.paths {
        if let Ok(rel) = path.strip_prefix(root)
            && !rel.as_os_str().is_empty()
        {
            touched.push(rel.to_string_lossy().into_owned());
        }
    }
}
