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
//! Layout: a 20-byte header (magic, format, fingerprint), a record count, then one record a file:
//! its length, then three parts: the key, the outcome without the evidence only `export` prints,
//! and that evidence
//! (the first two with their lengths, all bincode). Opening reads only the keys, skipping the rest
//! of each record; a record's events are read when the file is looked up, its evidence only when
//! the caller wants it (export; the dashboard and `stats` do not, and the evidence is most of the
//! bytes); a rewrite copies unchanged records byte for byte. Neither a warm nor a cold load holds
//! the whole cache in memory.

use crate::lexicon::assets;
use crate::load::LoadWarning;
use crate::model::{Event, TakenEvidence};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::fs;
use std::io::{BufWriter, Read, Seek, SeekFrom, Write};
use std::os::unix::fs::FileExt;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

const MAGIC: &[u8; 8] = b"ICTDIPC\0";
/// Bumped whenever the layout of the cache file changes.
const FORMAT: u32 = 4;
const HEADER: usize = 20;

/// What loading one file gave: its events, or the reason it was skipped.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Outcome {
    Events(Vec<Event>),
    Skipped(String),
}

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
        h = (h ^ b as u64).wrapping_mul(0x100000001b3);
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

/// The cache file for a loaded folder in cache directory `dir`, named by a hash of the folder's
/// absolute path.
pub fn file_for(dir: &Path, root: &Path) -> Option<PathBuf> {
    let abs = fs::canonicalize(root).ok()?;
    let mut h: u64 = 0xcbf29ce484222325;
    for b in abs.to_string_lossy().bytes() {
        h = (h ^ b as u64).wrapping_mul(0x100000001b3);
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
    index: HashMap<String, (Key, u64, u32)>,
}

impl Cache {
    /// Reads the keys of `root`'s cache in directory `dir`. A missing cache is silent; an unusable
    /// one gives one warning and is treated as empty.
    pub fn open(dir: &Path, root: &Path) -> (Cache, Option<LoadWarning>) {
        let Some(path) = file_for(dir, root) else { return (Cache::default(), None) };
        let mut cache = Cache { path: Some(path.clone()), ..Cache::default() };
        let file = match fs::File::open(&path) {
            Ok(f) => f,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return (cache, None),
            Err(e) => return (cache, Some(warning(&path, &format!("cannot be read ({e})")))),
        };
        match read_index(&file) {
            Ok(index) => {
                cache.index = index;
                cache.file = Some(file);
                (cache, None)
            }
            Err(reason) => (cache, Some(warning(&path, &reason))),
        }
    }

    fn hit(&self, f: &FileKey) -> Option<(u64, u32)> {
        let (key, at, len) = self.index.get(&f.rel)?;
        let now = stamp(f.modified);
        (key.size == f.size && key.modified == now && now.is_some()).then_some((*at, *len))
    }

    fn record(&self, at: u64, len: u32) -> Option<Vec<u8>> {
        let mut buf = vec![0u8; len as usize];
        self.file.as_ref()?.read_exact_at(&mut buf, at).ok()?;
        Some(buf)
    }

    /// The cached outcome for a file, if its size and modification time are as recorded; with its
    /// events' evidence when `evidence` is set.
    pub fn get(&self, f: &FileKey, evidence: bool) -> Option<Outcome> {
        let (at, len) = self.hit(f)?;
        decode(&self.record(at, len)?, evidence)
    }

    /// True when the files of this load are exactly the cached ones, unchanged.
    pub fn is_current(&self, files: &[FileKey]) -> bool {
        self.file.is_some() && files.len() == self.index.len() && files.iter().all(|f| self.hit(f).is_some())
    }

    /// A writer for a new cache of this folder, or `None` when there is no cache path.
    pub fn writer(&self, count: usize) -> Option<Writer<'_>> {
        let path = self.path.clone()?;
        Writer::create(self, path, count).ok()
    }
}

/// Writes a new cache beside the old one, record by record as a load goes, and puts it in place at
/// the end. Unchanged files' records are copied from the old cache without being decoded.
pub struct Writer<'c> {
    old: &'c Cache,
    path: PathBuf,
    tmp: PathBuf,
    out: BufWriter<fs::File>,
    written: u64,
    failed: Option<String>,
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
        out.write_all(&(count as u64).to_le_bytes())?;
        Ok(Writer { old, path, tmp, out, written: 0, failed: None })
    }

    /// Adds the record of a file whose outcome came from the old cache, copied as it was.
    pub fn add_cached(&mut self, f: &FileKey) {
        match self.old.hit(f).and_then(|(at, len)| self.old.record(at, len)) {
            Some(raw) => self.add_record(Ok(raw)),
            None => self.add_record(Err(format!("{}: record vanished from the old cache", f.rel))),
        }
    }

    /// Adds a record made by [`encode_record`] (on any thread, so that a load does not encode its
    /// outcomes one at a time).
    pub fn add_record(&mut self, record: Result<Vec<u8>, String>) {
        if self.failed.is_some() {
            return;
        }
        let bytes = match record {
            Ok(b) => b,
            Err(e) => {
                self.failed = Some(e);
                return;
            }
        };
        let r = self.out.write_all(&(bytes.len() as u32).to_le_bytes()).and_then(|_| self.out.write_all(&bytes));
        match r {
            Ok(()) => self.written += 1,
            Err(e) => self.failed = Some(e.to_string()),
        }
    }

    /// Puts the new cache in place; a failure leaves the old one and says why.
    pub fn finish(mut self) -> Option<LoadWarning> {
        let result = (|| -> std::io::Result<()> {
            if let Some(reason) = self.failed.take() {
                return Err(std::io::Error::other(reason));
            }
            self.out.flush()?;
            let file = self.out.get_mut();
            file.seek(SeekFrom::Start(HEADER as u64))?;
            file.write_all(&self.written.to_le_bytes())?;
            file.sync_data()?;
            fs::rename(&self.tmp, &self.path)
        })();
        match result {
            Ok(()) => None,
            Err(e) => {
                let _ = fs::remove_file(&self.tmp);
                Some(warning(&self.path, &format!("cannot be written ({e})")))
            }
        }
    }
}

/// One file's record for [`Writer::add_record`]: its key, the outcome without the evidence only
/// `export` prints (see [`Event::take_printed_evidence`]), then that evidence. The evidence is
/// taken out while the rest is encoded, and put back.
pub fn encode_record(f: &FileKey, outcome: &mut Outcome) -> Result<Vec<u8>, String> {
    let key = Key { rel: f.rel.clone(), size: f.size, modified: stamp(f.modified) };
    encode(&key, outcome).map_err(|e| e.to_string())
}

fn encode(key: &Key, outcome: &mut Outcome) -> bincode::Result<Vec<u8>> {
    let evidence: Vec<TakenEvidence> = match outcome {
        Outcome::Events(events) => events.iter_mut().map(Event::take_printed_evidence).collect(),
        Outcome::Skipped(_) => Vec::new(),
    };
    let parts = (bincode::serialize(key), bincode::serialize(outcome), bincode::serialize(&evidence));
    if let Outcome::Events(events) = outcome {
        events.iter_mut().zip(evidence).for_each(|(e, ev)| e.restore_evidence(ev));
    }
    let (key, bare, evidence) = (parts.0?, parts.1?, parts.2?);
    let mut out = Vec::with_capacity(8 + key.len() + bare.len() + evidence.len());
    for part in [&key, &bare] {
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
    let mut outcome: Outcome = bincode::deserialize(bare).ok()?;
    if let (true, Outcome::Events(events)) = (evidence, &mut outcome) {
        let all: Vec<TakenEvidence> = bincode::deserialize(&record[at..]).ok()?;
        if all.len() != events.len() {
            return None;
        }
        events.iter_mut().zip(all).for_each(|(e, ev)| e.restore_evidence(ev));
    }
    Some(outcome)
}

fn warning(path: &Path, reason: &str) -> LoadWarning {
    LoadWarning::new(path.display().to_string(), format!("cache {reason}; rebuilding it"))
}

/// Reads the header and every record's key; the events stay on disk.
fn read_index(file: &fs::File) -> Result<HashMap<String, (Key, u64, u32)>, String> {
    let len = file.metadata().map_err(|e| e.to_string())?.len();
    let mut r = std::io::BufReader::new(file);
    let mut header = [0u8; HEADER + 8];
    r.read_exact(&mut header).map_err(|_| "is truncated".to_string())?;
    if &header[..8] != MAGIC {
        return Err("is not an ictdip cache".into());
    }
    let format = u32::from_le_bytes(header[8..12].try_into().expect("4 bytes"));
    let print = u64::from_le_bytes(header[12..20].try_into().expect("8 bytes"));
    if format != FORMAT {
        return Err(format!("has format {format}, this ictdip writes {FORMAT}"));
    }
    if print != fingerprint() {
        return Err("was written by another version of the extractor".into());
    }
    let count = u64::from_le_bytes(header[20..28].try_into().expect("8 bytes"));
    let mut index = HashMap::new();
    let mut at = (HEADER + 8) as u64;
    for _ in 0..count {
        let mut n = [0u8; 4];
        r.read_exact(&mut n).map_err(|_| "is truncated".to_string())?;
        let n = u32::from_le_bytes(n);
        at += 4;
        if at + n as u64 > len {
            return Err("is truncated".into());
        }
        // The key opens the record, with its length; the rest is passed over.
        let mut key_len = [0u8; 4];
        r.read_exact(&mut key_len).map_err(|_| "is truncated".to_string())?;
        let key_len = u32::from_le_bytes(key_len);
        if key_len.saturating_add(4) > n {
            return Err("is corrupt (a key longer than its record)".into());
        }
        let mut key = vec![0u8; key_len as usize];
        r.read_exact(&mut key).map_err(|_| "is truncated".to_string())?;
        let key: Key = bincode::deserialize(&key).map_err(|e| format!("is corrupt ({e})"))?;
        r.seek_relative((n - 4 - key_len) as i64).map_err(|e| e.to_string())?;
        index.insert(key.rel.clone(), (key, at, n));
        at += n as u64;
    }
    if at != len {
        return Err("is corrupt (trailing bytes)".into());
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
