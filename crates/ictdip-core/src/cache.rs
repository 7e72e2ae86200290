//! The extraction cache: the events extracted from each file (never the texts), kept in the
//! platform cache directory, so that opening a folder a second time reads only what changed.
//!
//! One cache file per loaded folder. An entry is reused only when the file's relative path, size
//! and modification time are as recorded and the cache was written by the same extractor (its
//! version, a hash of its sources and of every embedded asset: a fingerprint in the header).
//! Anything else — a changed, new or removed file — is read and extracted again. A cache that
//! cannot be read (truncated, corrupt, another format or extractor) is reported once and rebuilt,
//! never trusted.
//!
//! Layout: a 20-byte header (magic, format, fingerprint); the record count and where the index
//! lies (offset, length); one record a file, in four parts: the key, the outcome without the
//! evidence only `export` prints and without the events' addresses and sites, those addresses and
//! sites, and that evidence (the first three with their lengths, all bincode); then the index, every record's key with its offset and length. Opening reads the
//! header and the index alone, one read each; a record's events are read when the file is looked
//! up, its evidence only when the caller wants it (export; the dashboard and `stats` do not, and
//! the evidence is most of the bytes); a rewrite copies unchanged records byte for byte. Neither a
//! warm nor a cold load holds the whole cache in memory.

use crate::lexicon::assets;
use crate::load::LoadOptions;
use crate::model::{Event, TakenEvidence};
use crate::problem::{CacheError, EntryProblem, LoadWarning, Skip};
use serde::{Deserialize, Serialize};
use std::fs;
use std::io::{BufWriter, Seek, SeekFrom, Write};
use std::os::unix::fs::FileExt;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

const MAGIC: &[u8; 8] = b"ICTDIPC\0";
/// Bumped whenever the layout of the cache file changes.
const FORMAT: u32 = 7;
const HEADER: usize = 20;
/// The header, then the record count, the index's offset and its length.
const PREAMBLE: usize = HEADER + 24;

/// What loading one file gave: its events, or what the file is instead of an article. Read
/// errors are no outcome: they may pass, and are not cached.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Outcome {
    Events(Vec<Event>),
    Skipped(Skip),
    /// A file holding many articles (JSON Lines, JSON, a feed): the events of those that could be
    /// read, in file order, and what kept the others from being read.
    Entries(Vec<Event>, Vec<EntryProblem>),
}

impl Outcome {
    /// The events, whatever kind of file gave them.
    pub fn events_mut(&mut self) -> &mut [Event] {
        match self {
            Outcome::Events(events) | Outcome::Entries(events, _) => events,
            Outcome::Skipped(_) => &mut [],
        }
    }
}

/// An event's address and site, kept beside its record: bincode cannot read back a field that
/// `skip_serializing_if` left out.
type Links = (Option<String>, Option<String>);

/// What says a cached record still describes a file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
struct Key {
    rel: String,
    size: u64,
    modified: Option<(u64, u32)>,
}

/// The extractor's identity: its version, a hash of its sources and of every embedded asset.
pub fn fingerprint() -> u64 {
    let mut h = assets::fingerprint();
    for b in env!("CARGO_PKG_VERSION").bytes().chain(env!("ICTDIP_EXTRACTOR_HASH").bytes()) {
        h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    }
    h
}

fn stamp(t: Option<SystemTime>) -> Option<(u64, u32)> {
    let d = t?.duration_since(UNIX_EPOCH).ok()?;
    Some((d.as_secs(), d.subsec_nanos()))
}

/// Where cache files go: `ICTDIP_CACHE_DIR` if set, else the platform cache directory
/// (`~/.cache/ictdip` on Linux).
pub fn dir() -> Option<PathBuf> {
    if let Some(d) = std::env::var_os("ICTDIP_CACHE_DIR") {
        return Some(PathBuf::from(d));
    }
    directories::ProjectDirs::from("", "", "ictdip").map(|p| p.cache_dir().to_path_buf())
}

/// The cache file for a folder loaded with `opts`, in cache directory `dir`: named by a hash of the
/// folder's absolute path and of every load option that changes what a load gives (the size
/// limit: a file skipped as too large under one limit is an article under another; the files
/// chosen by `--include-ext` and `--exclude`). Loads with
/// other options keep caches of their own, and never read each other's.
pub fn file_for(dir: &Path, root: &Path, opts: &LoadOptions) -> Option<PathBuf> {
    let abs = fs::canonicalize(root).ok()?;
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let LoadOptions { max_bytes, files } = opts;
    // Each extension and pattern ends in a NUL, which none holds, so that no two lists run
    // together into the same bytes.
    let listed = |items: &[String]| items.iter().flat_map(|i| i.bytes().chain([0])).collect::<Vec<u8>>();
    let (include, exclude) = (listed(files.include_ext()), listed(files.exclude()));
    let lists = include.into_iter().chain([1]).chain(exclude);
    for b in abs.to_string_lossy().bytes().chain(max_bytes.to_le_bytes()).chain(lists) {
        h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    }
    Some(dir.join(format!("folder-{h:016x}.bin")))
}

/// A file of this load, as the cache sees it.
#[derive(Clone, Debug)]
pub struct FileKey {
    pub rel: String,
    pub size: u64,
    pub modified: Option<SystemTime>,
}

/// The cached records of one folder: their keys, and where each record lies in the file.
#[derive(Default)]
pub struct Cache {
    path: Option<PathBuf>,
    file: Option<fs::File>,
    index: Index,
}

/// Every record's key, offset and length, by file name.
type Index = crate::lexicon::FastMap<String, (Key, u64, u32)>;

impl Cache {
    /// Reads the keys of `root`'s cache in directory `dir`. A missing cache is silent; an unusable
    /// one gives one warning and is treated as empty.
    pub fn open(dir: &Path, root: &Path, opts: &LoadOptions) -> (Cache, Option<LoadWarning>) {
        let Some(path) = file_for(dir, root, opts) else { return (Cache::default(), None) };
        let mut cache = Cache { path: Some(path.clone()), ..Cache::default() };
        let file = match fs::File::open(&path) {
            Ok(f) => f,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return (cache, None),
            Err(e) => return (cache, Some(warning(&path, CacheError::Unreadable(e.kind())))),
        };
        match read_index(&file) {
            Ok(index) => {
                cache.index = index;
                cache.file = Some(file);
                (cache, None)
            }
            Err(e) => (cache, Some(warning(&path, e))),
        }
    }

    /// True when no record could be read (no cache yet, or an unusable one).
    pub fn is_empty(&self) -> bool {
        self.index.is_empty()
    }

    /// The record of `f`, as (key, offset, length), if its size and modification time are as
    /// recorded.
    fn hit(&self, f: &FileKey) -> Option<&(Key, u64, u32)> {
        let entry @ (key, _, _) = self.index.get(&f.rel)?;
        let now = stamp(f.modified);
        (key.size == f.size && key.modified == now && now.is_some()).then_some(entry)
    }

    fn record(&self, at: u64, len: u32) -> Option<Vec<u8>> {
        let mut buf = vec![0u8; len as usize];
        self.file.as_ref()?.read_exact_at(&mut buf, at).ok()?;
        Some(buf)
    }

    /// Where each of `files` has its record, if its size and modification time are as recorded.
    /// On all cores. A load asks once and hands the answer to [`Cache::is_current`] and
    /// [`Cache::get_all`]: each used to look every file up again.
    pub fn find_all(&self, files: &[FileKey]) -> Vec<Option<RecordAt>> {
        use rayon::prelude::*;
        files.par_iter().map(|f| self.hit(f).map(|&(_, at, len)| RecordAt { at, len })).collect()
    }

    /// The cached outcome for each file whose record `places` gives (see [`Cache::find_all`]), in
    /// order; with its events' evidence when `evidence` is set. On all cores. The records of
    /// files that follow one another lie side by side in the cache when the folder is unchanged:
    /// each such run is read with one call of a few megabytes rather than a call a file. A run is
    /// kept to a quarter of a core's share of `files`: a load asks for its first batches of a few
    /// thousand files, whose records made one run, read and decoded on one core while the others
    /// waited.
    pub fn get_all(&self, places: &[Option<RecordAt>], evidence: bool) -> Vec<Option<Outcome>> {
        use rayon::prelude::*;
        const RUN_BYTES: u64 = 4 << 20;
        // Runs of neighbouring records, as (first file, files, offset, bytes); a miss is a run of
        // its own with no bytes.
        let mut runs: Vec<(usize, usize, u64, u64)> = Vec::new();
        let run_files = (places.len() / (4 * rayon::current_num_threads())).max(16);
        for (i, place) in places.iter().enumerate() {
            match (place.map(|p| (p.at, p.len)), runs.last_mut()) {
                (Some((at, len)), Some(run))
                    if run.3 > 0 && run.2 + run.3 == at && run.3 + u64::from(len) <= RUN_BYTES && run.1 < run_files =>
                {
                    run.1 += 1;
                    run.3 += u64::from(len);
                }
                (Some((at, len)), _) => runs.push((i, 1, at, u64::from(len))),
                (None, _) => runs.push((i, 1, 0, 0)),
            }
        }
        let read: Vec<Vec<Option<Outcome>>> = runs
            .par_iter()
            .map(|&(first, count, at, bytes)| {
                if bytes == 0 {
                    return vec![None];
                }
                let Some(raw) = self.record(at, bytes as u32) else { return vec![None; count] };
                let mut from = 0;
                places[first..first + count]
                    .iter()
                    .map(|place| {
                        let len = place.map_or(0, |p| p.len as usize);
                        let record = &raw[from..from + len];
                        from += len;
                        decode(record, evidence)
                    })
                    .collect()
            })
            .collect();
        read.into_iter().flatten().collect()
    }

    /// True when the files of this load, whose records `found` gives (see [`Cache::find_all`]),
    /// are exactly the cached ones, unchanged.
    pub fn is_current(&self, found: &[Option<RecordAt>]) -> bool {
        self.file.is_some() && found.len() == self.index.len() && found.iter().all(Option::is_some)
    }

    /// A writer for a new cache of this folder, or `None` when there is no cache path.
    pub fn writer(&self, count: usize) -> Option<Writer<'_>> {
        let path = self.path.clone()?;
        Writer::create(self, path, count).ok()
    }
}

/// Where a file's record lies in the cache file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RecordAt {
    at: u64,
    len: u32,
}

/// Writes a new cache beside the old one, record by record as a load goes, and puts it in place at
/// the end. Unchanged files' records are copied from the old cache without being decoded.
pub struct Writer<'c> {
    old: &'c Cache,
    path: PathBuf,
    tmp: PathBuf,
    out: BufWriter<fs::File>,
    /// Where the next record goes.
    at: u64,
    index: Vec<(Key, u64, u32)>,
    failed: Option<CacheError>,
}

impl<'c> Writer<'c> {
    fn create(old: &'c Cache, path: PathBuf, count: usize) -> std::io::Result<Writer<'c>> {
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent)?;
        }
        let tmp = path.with_extension(format!("tmp{}", std::process::id()));
        let mut out = BufWriter::new(fs::File::create(&tmp)?);
        out.write_all(MAGIC)?;
        out.write_all(&FORMAT.to_le_bytes())?;
        out.write_all(&fingerprint().to_le_bytes())?;
        // Count and index, written again at the end.
        out.write_all(&[0; 24])?;
        Ok(Writer { old, path, tmp, out, at: PREAMBLE as u64, index: Vec::with_capacity(count), failed: None })
    }

    /// Adds the record of a file whose outcome came from the old cache, copied as it was.
    pub fn add_cached(&mut self, f: &FileKey) {
        let record = self.old.hit(f).and_then(|(key, at, len)| Some((key.clone(), self.old.record(*at, *len)?)));
        match record {
            Some((key, bytes)) => self.add_record(Ok(Record { key, bytes })),
            None => self.add_record(Err(CacheError::RecordVanished { rel: f.rel.clone() })),
        }
    }

    /// Adds a record made by [`encode_record`] (on any thread, so that a load does not encode its
    /// outcomes one at a time).
    pub fn add_record(&mut self, record: Result<Record, CacheError>) {
        if self.failed.is_some() {
            return;
        }
        let Record { key, bytes } = match record {
            Ok(r) => r,
            Err(e) => {
                self.failed = Some(e);
                return;
            }
        };
        match self.out.write_all(&bytes) {
            Ok(()) => {
                self.index.push((key, self.at, bytes.len() as u32));
                self.at += bytes.len() as u64;
            }
            Err(e) => self.failed = Some(CacheError::Unwritable(e.kind())),
        }
    }

    /// Puts the new cache in place; a failure leaves the old one and says why.
    pub fn finish(mut self) -> Option<LoadWarning> {
        if let Some(e) = self.failed.take() {
            let _ = fs::remove_file(&self.tmp);
            return Some(warning(&self.path, e));
        }
        let result = (|| -> std::io::Result<()> {
            let index = bincode::serialize(&self.index).map_err(std::io::Error::other)?;
            self.out.write_all(&index)?;
            self.out.flush()?;
            let file = self.out.get_mut();
            file.seek(SeekFrom::Start(HEADER as u64))?;
            for n in [self.index.len() as u64, self.at, index.len() as u64] {
                file.write_all(&n.to_le_bytes())?;
            }
            file.sync_data()?;
            fs::rename(&self.tmp, &self.path)
        })();
        match result {
            Ok(()) => None,
            Err(e) => {
                let _ = fs::remove_file(&self.tmp);
                Some(warning(&self.path, CacheError::Unwritable(e.kind())))
            }
        }
    }
}

/// One file's record for [`Writer::add_record`]: its key, the outcome without the evidence only
/// `export` prints (see [`Event::take_printed_evidence`]), then that evidence. The evidence is
/// taken out while the rest is encoded, and put back.
pub fn encode_record(f: &FileKey, outcome: &mut Outcome) -> Result<Record, CacheError> {
    let key = Key { rel: f.rel.clone(), size: f.size, modified: stamp(f.modified) };
    let bytes = encode(&key, outcome).map_err(|_| CacheError::Unencodable)?;
    Ok(Record { key, bytes })
}

/// One file's record, ready to be written, with its key for the index.
pub struct Record {
    key: Key,
    bytes: Vec<u8>,
}

fn encode(key: &Key, outcome: &mut Outcome) -> bincode::Result<Vec<u8>> {
    let evidence: Vec<TakenEvidence> = outcome.events_mut().iter_mut().map(Event::take_printed_evidence).collect();
    let links: Vec<Links> = outcome.events_mut().iter_mut().map(|e| (e.url.take(), e.site.take())).collect();
    let parts = (
        bincode::serialize(key),
        bincode::serialize(outcome),
        bincode::serialize(&links),
        bincode::serialize(&evidence),
    );
    for ((e, ev), (url, site)) in outcome.events_mut().iter_mut().zip(evidence).zip(links) {
        e.restore_evidence(ev);
        (e.url, e.site) = (url, site);
    }
    let (key, bare, links, evidence) = (parts.0?, parts.1?, parts.2?, parts.3?);
    let mut out = Vec::with_capacity(12 + key.len() + bare.len() + links.len() + evidence.len());
    for part in [&key, &bare, &links] {
        out.extend_from_slice(&(part.len() as u32).to_le_bytes());
        out.extend_from_slice(part);
    }
    out.extend_from_slice(&evidence);
    Ok(out)
}

/// The length-prefixed part of `bytes` at `at`, and where the next part starts.
fn part(bytes: &[u8], at: usize) -> Option<(&[u8], usize)> {
    let n = u32::from_le_bytes(bytes.get(at..at + 4)?.try_into().ok()?) as usize;
    Some((bytes.get(at + 4..at + 4 + n)?, at + 4 + n))
}

/// A record's outcome, with its evidence when `evidence` is set; `None` when the bytes are bad.
fn decode(record: &[u8], evidence: bool) -> Option<Outcome> {
    let (_, at) = part(record, 0)?;
    let (bare, at) = part(record, at)?;
    let (links, at) = part(record, at)?;
    let mut outcome: Outcome = bincode::deserialize(bare).ok()?;
    let links: Vec<Links> = bincode::deserialize(links).ok()?;
    let events = outcome.events_mut();
    if links.len() != events.len() {
        return None;
    }
    for (e, (url, site)) in events.iter_mut().zip(links) {
        (e.url, e.site) = (url, site);
    }
    if evidence && !events.is_empty() {
        let all: Vec<TakenEvidence> = bincode::deserialize(&record[at..]).ok()?;
        if all.len() != events.len() {
            return None;
        }
        events.iter_mut().zip(all).for_each(|(e, ev)| e.restore_evidence(ev));
    }
    Some(outcome)
}

fn warning(path: &Path, e: CacheError) -> LoadWarning {
    LoadWarning::new(path.display().to_string(), e)
}

/// Reads the header and the index; the records stay on disk.
fn read_index(file: &fs::File) -> Result<Index, CacheError> {
    let len = file.metadata().map_err(|e| CacheError::Unreadable(e.kind()))?.len();
    let mut header = [0u8; PREAMBLE];
    let have = (len as usize).min(PREAMBLE);
    file.read_exact_at(&mut header[..have], 0).map_err(|_| CacheError::Truncated)?;
    if have >= 8 && &header[..8] != MAGIC {
        return Err(CacheError::NotACache);
    }
    if have < PREAMBLE {
        return Err(CacheError::Truncated);
    }
    let word = |at: usize| u64::from_le_bytes(header[at..at + 8].try_into().expect("8 bytes"));
    let format = u32::from_le_bytes(header[8..12].try_into().expect("4 bytes"));
    if format != FORMAT {
        return Err(CacheError::OtherFormat { found: format, expected: FORMAT });
    }
    if word(12) != fingerprint() {
        return Err(CacheError::OtherExtractor);
    }
    let (count, index_at, index_len) = (word(HEADER), word(HEADER + 8), word(HEADER + 16));
    let end = index_at.checked_add(index_len).ok_or(CacheError::Corrupt("an index past the end"))?;
    if index_at < PREAMBLE as u64 || end > len {
        return Err(CacheError::Truncated);
    }
    if end < len {
        return Err(CacheError::Corrupt("trailing bytes"));
    }
    let mut raw = vec![0u8; index_len as usize];
    file.read_exact_at(&mut raw, index_at).map_err(|_| CacheError::Truncated)?;
    let entries: Vec<(Key, u64, u32)> =
        bincode::deserialize(&raw).map_err(|_| CacheError::Corrupt("an index that cannot be read"))?;
    if entries.len() as u64 != count {
        return Err(CacheError::Corrupt("a count that is not the index's"));
    }
    let mut index = Index::with_capacity_and_hasher(entries.len(), foldhash::fast::RandomState::default());
    for (key, at, n) in entries {
        if at < PREAMBLE as u64 || at.saturating_add(u64::from(n)) > index_at {
            return Err(CacheError::Corrupt("a record outside the records"));
        }
        index.insert(key.rel.clone(), (key, at, n));
    }
    Ok(index)
}

/// Removes every cache file in `d`; returns how many there were.
pub fn clear(d: &Path) -> std::io::Result<usize> {
    let mut n = 0;
    let entries = match fs::read_dir(d) {
        Ok(rd) => rd,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(0),
        Err(e) => return Err(e),
    };
    for e in entries {
        let p = e?.path();
        if p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with("folder-")) {
            fs::remove_file(&p)?;
            n += 1;
        }
    }
    Ok(n)
}
