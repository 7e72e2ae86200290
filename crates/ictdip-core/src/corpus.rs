//! Loading and extracting together: the one place that runs the pipeline, in parallel, for both
//! the CLI and the dashboard, with the extraction cache in front of it.
//!
//! Texts are dropped as soon as their events are extracted; the corpus keeps an [`ArticleRef`] per
//! article to read it again when the reader opens it.

use crate::cache::{self, Cache, FileKey, Outcome};
use crate::extract;
use crate::load::walk::OtherFiles;
use crate::load::{self, walk, ArticleRef, LoadOptions, Origin};
use crate::model::Event;
use crate::problem::{CacheError, LoadProblem, LoadWarning};
use rayon::prelude::*;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

/// Where articles come from.
#[derive(Clone, Debug)]
pub enum Source {
    /// The sample articles built into the binary.
    Embedded,
    /// A file or a folder (walked recursively).
    Path(PathBuf),
}

impl Source {
    pub fn from_arg(path: Option<&Path>) -> Source {
        match path {
            Some(p) => Source::Path(p.to_path_buf()),
            None => Source::Embedded,
        }
    }
}

#[derive(Clone, Debug)]
pub struct BuildOptions {
    pub load: LoadOptions,
    /// Where to read and write the extraction cache; `None` (`--no-cache`) for no cache.
    pub cache_dir: Option<PathBuf>,
    /// Keep each event's evidence spans. Only `export` prints them; the dashboard reads them again
    /// from the article it opens, and over a large archive they are most of the memory. Places as
    /// written are kept either way: the text filter searches them.
    pub keep_evidence: bool,
}

impl Default for BuildOptions {
    /// Default load options, the default cache directory (see [`cache::dir`]), evidence kept.
    fn default() -> Self {
        BuildOptions { load: LoadOptions::default(), cache_dir: cache::dir(), keep_evidence: true }
    }
}

/// How far a load has got; read from another thread while it runs.
#[derive(Debug, Default)]
pub struct Progress {
    pub done: AtomicUsize,
    pub total: AtomicUsize,
    /// Files whose events came from the cache.
    pub cached: AtomicUsize,
    /// Articles read again for the body index (after loading).
    pub indexed: AtomicUsize,
}

/// Article references, their events (each article's primary event first) and warnings.
#[derive(Clone, Debug, Default)]
pub struct Corpus {
    pub articles: Vec<ArticleRef>,
    pub events: Vec<Event>,
    pub warnings: Vec<LoadWarning>,
    /// Files under the folder that are not articles by their type, counted.
    pub other_files: OtherFiles,
}

/// Loads and extracts everything from `source`.
pub fn build(source: &Source, opts: &BuildOptions) -> Corpus {
    build_with(source, opts, &Progress::default(), &mut |_| {})
}

/// Like [`build`], reporting progress, and handing `partial` the corpus so far after batches of
/// growing size (500, 1,000, 2,000, ... files), so a dashboard can show events while the rest load.
pub fn build_with(
    source: &Source,
    opts: &BuildOptions,
    progress: &Progress,
    partial: &mut dyn FnMut(&Corpus),
) -> Corpus {
    let root = match source {
        Source::Embedded => {
            extract::warm_up();
            return embedded(progress);
        }
        Source::Path(p) => p,
    };
    let mut corpus = Corpus::default();
    let (mut files, cache, cache_warning) =
        list_and_open_cache(root, opts, &mut corpus.warnings, &mut corpus.other_files);
    progress.total.store(files.len(), Ordering::Relaxed);
    corpus.warnings.extend(cache_warning);
    let keys: Vec<FileKey> = files
        .iter()
        .filter_map(|f| f.stat.map(|s| FileKey { rel: f.rel.clone(), size: s.size, modified: s.modified }))
        .collect();
    let (lookup, mut writer) = match CachePlan::new(opts, &cache, &keys, files.len()) {
        CachePlan::Off => (None, None),
        CachePlan::ReadOnly(lookup) => (Some(lookup), None),
        CachePlan::Rewrite(lookup, writer) => (Some(lookup), Some(writer)),
    };
    let wants_records = writer.is_some();
    // Room for the events at once: growing a vector of a hundred thousand events copies it into
    // fresh memory each time. Most articles report one event, some two or three.
    corpus.events.reserve(files.len() + files.len() / 2);
    let load = FolderLoad {
        opts,
        progress,
        cache: &cache,
        lookup: lookup.as_ref(),
        // Evidence that nobody will print or cache is not made at all.
        keep: if opts.keep_evidence || wants_records {
            extract::EvidenceKept::All
        } else {
            extract::EvidenceKept::Unprinted
        },
        wants_records,
    };
    // Batches of growing size, each read on all cores while the one before is moved into place
    // on this thread: the moving is serial work, and done apart it kept the other cores waiting.
    let mut read: Option<(std::ops::Range<usize>, Vec<Read>)> = None;
    let mut batches = Batches::new(files.len());
    loop {
        let next = batches.next().unwrap_or(files.len()..files.len());
        // Files before `next.start` are the ones read so far, whose strings move into the
        // corpus; the next batch only reads its own.
        let (done, rest) = files.split_at_mut(next.start);
        let ((), results) = rayon::join(
            || {
                if let Some((range, results)) = read.take() {
                    let keys = lookup.as_ref().map_or(&[][..], |l| l.keys);
                    corpus.merge(writer.as_mut(), keys, done, range, results);
                }
            },
            || (!next.is_empty()).then(|| load.read_batch(next.clone(), rest)),
        );
        let Some(results) = results else { break };
        if next.start > 0 {
            partial(&corpus);
        }
        read = Some((next, results));
    }
    corpus.warnings.extend(writer.and_then(super::cache::Writer::finish));
    corpus.warnings.sort_by(|a, b| a.path.cmp(&b.path));
    corpus
}

/// The folder's article files, and its cache with the warning it gave, if any. The cache's index
/// is read and the extractor's tables are built while the folder is listed: each takes time of
/// its own, and none needs the walk. With a cache, most files need no
/// extraction: only the names' table is built then (the timeline names countries and bodies
/// with it), and the rest on first use, so that it does not take a core from the walk, which
/// asks every file for its size and modification time (a cache's keys).
fn list_and_open_cache(
    root: &Path,
    opts: &BuildOptions,
    warnings: &mut Vec<LoadWarning>,
    other_files: &mut OtherFiles,
) -> (Vec<walk::FoundFile>, Cache, Option<LoadWarning>) {
    let with_cache = opts.cache_dir.is_some();
    let (files, (cache, cache_warning)) = rayon::join(
        || walk::walk(root, with_cache, &opts.load.files, warnings, other_files),
        || {
            let (cache, warning) = match &opts.cache_dir {
                Some(dir) => Cache::open(dir, root, &opts.load),
                None => (Cache::default(), None),
            };
            if cache.is_empty() {
                extract::warm_up();
            } else {
                extract::gazetteer::Gazetteer::get();
            }
            (cache, warning)
        },
    );
    (files, cache, cache_warning)
}

/// What the extraction cache does for one load, decided before any file is read.
enum CachePlan<'c, 'k> {
    /// No cache: `--no-cache`, or a file the walk could not key by its size and time.
    Off,
    /// Records are read from the cache, and none is written: the folder is as the cache knows it
    /// (an unchanged folder's cache is not written again), or a new one cannot be written.
    ReadOnly(CacheLookup<'k>),
    /// Records are read where the old cache has them, and a new cache is written with every
    /// file's.
    Rewrite(CacheLookup<'k>, cache::Writer<'c>),
}

/// Each file's cache key, and where the old cache holds its record.
struct CacheLookup<'k> {
    keys: &'k [FileKey],
    /// Empty when the old cache is.
    found: Vec<Option<cache::RecordAt>>,
}

impl<'c, 'k> CachePlan<'c, 'k> {
    fn new(opts: &BuildOptions, cache: &'c Cache, keys: &'k [FileKey], files: usize) -> CachePlan<'c, 'k> {
        if opts.cache_dir.is_none() || keys.len() != files {
            return CachePlan::Off;
        }
        let found = if cache.is_empty() { Vec::new() } else { cache.find_all(keys) };
        let writer = if cache.is_current(&found) { None } else { cache.writer(files) };
        let lookup = CacheLookup { keys, found };
        match writer {
            Some(writer) => CachePlan::Rewrite(lookup, writer),
            None => CachePlan::ReadOnly(lookup),
        }
    }
}

/// A folder's load once planned: the options, what the old cache holds, and whether a new one is
/// written.
struct FolderLoad<'a> {
    opts: &'a BuildOptions,
    progress: &'a Progress,
    cache: &'a Cache,
    /// The files' keys and old records, when a cache is in use.
    lookup: Option<&'a CacheLookup<'a>>,
    keep: extract::EvidenceKept,
    /// A new cache is being written, so each file read makes its record.
    wants_records: bool,
}

impl FolderLoad<'_> {
    /// Reads the files of `range` on all cores (`files` starts at `range.start`): from the old
    /// cache where it has them, else from disk, extracting and encoding each new cache record
    /// beside it.
    fn read_batch(&self, range: std::ops::Range<usize>, files: &[walk::FoundFile]) -> Vec<Read> {
        let base = range.start;
        let cached: Vec<Option<Outcome>> = match self.lookup {
            Some(lookup) if !self.cache.is_empty() => {
                self.cache.get_all(&lookup.found[range.clone()], self.opts.keep_evidence)
            }
            _ => vec![None; range.len()],
        };
        range
            .into_par_iter()
            .zip(cached)
            .map(|(i, cached)| {
                // Everything per file happens here: reading, extracting, encoding the cache
                // record, dropping the evidence that was made for it and nobody will print.
                let r = if let Some(o) = cached {
                    self.progress.cached.fetch_add(1, Ordering::Relaxed);
                    (Ok(o), Got::FromCache)
                } else {
                    let mut outcome = process(&files[i - base], &self.opts.load, self.keep);
                    let record = match (&mut outcome, self.lookup) {
                        (Ok(o), Some(l)) if self.wants_records => Some(cache::encode_record(&l.keys[i], o)),
                        _ => None,
                    };
                    if let (Ok(o), true) =
                        (&mut outcome, self.keep == extract::EvidenceKept::All && !self.opts.keep_evidence)
                    {
                        drop_evidence(o);
                    }
                    (outcome, Got::Read(record))
                };
                self.progress.done.fetch_add(1, Ordering::Relaxed);
                r
            })
            .collect()
    }
}

/// The batches a folder of `total` files is read in, as ranges of the file list: 500 files, then
/// twice as many each time, so that a dashboard shows the first events at once and later batches
/// keep every core busy. The last batch is merged with nothing left to read beside it, so it is
/// kept to a sixteenth of the files or 500, whichever is more: one core merges it while the
/// others wait.
struct Batches {
    total: usize,
    start: usize,
    size: usize,
}

impl Batches {
    const FIRST: usize = 500;

    fn new(total: usize) -> Batches {
        Batches { total, start: 0, size: Batches::FIRST }
    }
}

impl Iterator for Batches {
    type Item = std::ops::Range<usize>;

    fn next(&mut self) -> Option<Self::Item> {
        let left = self.total - self.start;
        if left == 0 {
            return None;
        }
        let tail = (self.total / 16).max(Batches::FIRST);
        let size = if left > tail && left <= self.size + tail { left - tail } else { self.size.min(left) };
        let range = self.start..self.start + size;
        self.start += size;
        self.size *= 2;
        Some(range)
    }
}

impl Corpus {
    /// Moves a batch's results into the corpus and the cache writer, in file order. The walk's
    /// strings are moved, not copied: the file list is not used again.
    fn merge(
        &mut self,
        mut writer: Option<&mut cache::Writer>,
        keys: &[FileKey],
        files: &mut [walk::FoundFile],
        range: std::ops::Range<usize>,
        results: Vec<Read>,
    ) {
        for (i, (outcome, got)) in range.zip(results) {
            if let Some(w) = writer.as_deref_mut() {
                match got {
                    Got::FromCache => w.add_cached(&keys[i]),
                    Got::Read(Some(record)) => w.add_record(record),
                    Got::Read(None) => {}
                }
            }
            let f = &mut files[i];
            let rel = std::mem::take(&mut f.rel);
            match outcome {
                Ok(Outcome::Events(events)) => {
                    let path = std::mem::take(&mut f.path);
                    self.articles.push(ArticleRef { rel, origin: Origin::File { path } });
                    self.events.extend(events);
                }
                Ok(Outcome::Entries(events, problems)) => {
                    // An article for each entry (`file#N`): every article gives at least its
                    // primary event.
                    for e in &events {
                        if e.primary {
                            self.articles.push(ArticleRef {
                                rel: e.file.to_string(),
                                origin: Origin::File { path: f.path.clone() },
                            });
                        }
                    }
                    self.events.extend(events);
                    self.warnings.extend(problems.into_iter().map(|p| LoadWarning::new(rel.as_str(), p)));
                }
                Ok(Outcome::Skipped(skip)) => self.warnings.push(LoadWarning::new(rel, skip)),
                Err(w) => self.warnings.push(w),
            }
        }
    }
}

/// One file's outcome (or the problem that kept it from having one), and where it came from.
type Read = (Result<Outcome, LoadWarning>, Got);

/// Where an outcome came from, for the cache writer.
enum Got {
    /// The old cache, whose record is copied as it is.
    FromCache,
    /// The file, with its encoded record when it is cacheable and a cache is being written.
    Read(Option<Result<cache::Record, CacheError>>),
}

fn drop_evidence(outcome: &mut Outcome) {
    outcome.events_mut().iter_mut().for_each(Event::drop_printed_evidence);
}

/// Loads and extracts one file: its outcome, which the cache may keep, or a problem on the way
/// (a read error may pass, and is not cached).
fn process(f: &walk::FoundFile, opts: &LoadOptions, keep: extract::EvidenceKept) -> Result<Outcome, LoadWarning> {
    match load::load_found(f, opts) {
        Ok(all) if !load::Format::of(&f.rel).holds_many() && all.articles.len() == 1 => {
            Ok(Outcome::Events(extract::extract_keeping(&all.articles[0], keep)))
        }
        Ok(all) => Ok(Outcome::Entries(
            all.articles.iter().flat_map(|a| extract::extract_keeping(a, keep)).collect(),
            all.problems,
        )),
        Err(LoadWarning { problem: LoadProblem::Skipped(skip), .. }) => Ok(Outcome::Skipped(skip)),
        Err(w) => Err(w),
    }
}

fn embedded(progress: &Progress) -> Corpus {
    let loaded = load::load_embedded();
    progress.total.store(loaded.articles.len(), Ordering::Relaxed);
    let per_article: Vec<Vec<Event>> = loaded.articles.par_iter().map(extract::extract).collect();
    progress.done.store(loaded.articles.len(), Ordering::Relaxed);
    Corpus {
        articles: loaded.articles.iter().map(super::load::Article::to_ref).collect(),
        events: per_article.into_iter().flatten().collect(),
        warnings: loaded.warnings,
        other_files: OtherFiles::default(),
    }
}

/// Extracts events from articles already in memory (tests, benchmarks).
pub fn from_articles(articles: Vec<load::Article>) -> Corpus {
    let per_article: Vec<Vec<Event>> = articles.par_iter().map(extract::extract).collect();
    Corpus {
        articles: articles.iter().map(super::load::Article::to_ref).collect(),
        events: per_article.into_iter().flatten().collect(),
        warnings: Vec::new(),
        other_files: OtherFiles::default(),
    }
}

/// Removes the cache files in the default cache directory (`ictdip cache clear`).
pub fn clear_cache() -> std::io::Result<usize> {
    match cache::dir() {
        Some(d) => cache::clear(&d),
        None => Ok(0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The plan a load of `root` would make now, by name.
    fn plan_now(root: &Path, opts: &BuildOptions) -> &'static str {
        let (cache, _) = match &opts.cache_dir {
            Some(dir) => Cache::open(dir, root, &opts.load),
            None => (Cache::default(), None),
        };
        let mut other = OtherFiles::default();
        let files = walk::walk(root, opts.cache_dir.is_some(), &opts.load.files, &mut Vec::new(), &mut other);
        let keys: Vec<FileKey> = files
            .iter()
            .filter_map(|f| f.stat.map(|s| FileKey { rel: f.rel.clone(), size: s.size, modified: s.modified }))
            .collect();
        match CachePlan::new(opts, &cache, &keys, files.len()) {
            CachePlan::Off => "off",
            CachePlan::ReadOnly(_) => "read only",
            CachePlan::Rewrite(..) => "rewrite",
        }
    }

    #[test]
    fn the_cache_is_written_when_the_folder_changed_and_only_then() {
        let folder = tempfile::tempdir().unwrap();
        let cache_dir = tempfile::tempdir().unwrap();
        std::fs::write(folder.path().join("a.txt"), "Встреча министров связи в Ташкенте.\n").unwrap();
        let opts = BuildOptions { cache_dir: Some(cache_dir.path().to_path_buf()), ..BuildOptions::default() };
        assert_eq!(plan_now(folder.path(), &opts), "rewrite", "no cache yet");
        build(&Source::Path(folder.path().to_path_buf()), &opts);
        assert_eq!(plan_now(folder.path(), &opts), "read only", "the folder is as the cache knows it");
        std::fs::write(folder.path().join("b.txt"), "Форум в Баку.\n").unwrap();
        assert_eq!(plan_now(folder.path(), &opts), "rewrite", "a file was added");
        let no_cache = BuildOptions { cache_dir: None, ..BuildOptions::default() };
        assert_eq!(plan_now(folder.path(), &no_cache), "off");
    }

    #[test]
    fn batches_cover_every_file_once_growing_with_a_short_last_one() {
        for total in [0, 1, 499, 500, 501, 1500, 7_999, 20_000, 100_000] {
            let ranges: Vec<std::ops::Range<usize>> = Batches::new(total).collect();
            let mut at = 0;
            for r in &ranges {
                assert_eq!(r.start, at, "{total}: in order, no gap");
                assert!(!r.is_empty(), "{total}: no empty batch");
                at = r.end;
            }
            assert_eq!(at, total, "{total}: every file");
            assert!(ranges.first().is_none_or(|r| r.len() <= 500), "{total}: the first events soon");
            if let [.., last] = ranges.as_slice() {
                assert!(last.len() <= (total / 16).max(500), "{total}: a short last batch, {last:?}");
            }
        }
        let sizes: Vec<usize> = Batches::new(100_000).map(|r| r.len()).collect();
        assert_eq!(sizes, [500, 1000, 2000, 4000, 8000, 16000, 32000, 30250, 6250]);
    }
}
