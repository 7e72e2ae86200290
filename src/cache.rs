//! The extraction cache: the events extracted from each file (never the texts), kept in the
//! platform cache directory, so that opening a folder a second time reads only what changed.
//!
//! One cache file per loaded folder. An entry is reused only when the file's relative path, size
//! and modification time are as recorded and the cache was written by an extractor with the same
//! version and the same embedded assets (a fingerprint in the header). Anything else — a changed,
//! new or removed file — is read and extracted again. A cache that cannot be read (truncated,
//! corrupt, written by another format version) is reported once and rebuilt, never trusted.

use crate::lexicon::assets;
use crate::load::LoadWarning;
use crate::model::Event;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::fs;
use std::io::{BufReader, BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

const MAGIC: &[u8; 8] = b"ICTDIPC\0";
/// Bumped whenever the layout of the cache file changes.
const FORMAT: u32 = 1;

/// What loading one file gave: its events, or the reason it was skipped.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Outcome {
    Events(Vec<Event>),
    Skipped(String),
}

/// What a load found for one file: how many events it gave, or why it was skipped.
#[derive(Clone, Debug)]
pub struct FileRecord {
    pub rel: String,
    pub size: u64,
    pub modified: Option<SystemTime>,
    pub result: Result<usize, String>,
    /// False for errors that may pass (a read error), which are tried again next time.
    pub cacheable: bool,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
struct Entry {
    rel: String,
    size: u64,
    modified: Option<(u64, u32)>,
    outcome: Outcome,
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

/// The cached outcomes of one folder, as read at the start of a load.
#[derive(Default)]
pub struct Cache {
    path: Option<PathBuf>,
    entries: HashMap<String, Entry>,
    /// True when what is stored differs from what the load found (so it must be written back).
    dirty: bool,
}

impl Cache {
    /// Reads the cache of `root` from cache directory `dir`. A missing cache is silent; an unusable
    /// one gives one warning.
    pub fn open(dir: &Path, root: &Path) -> (Cache, Option<LoadWarning>) {
        let Some(path) = file_for(dir, root) else { return (Cache::default(), None) };
        let mut cache = Cache { path: Some(path.clone()), ..Cache::default() };
        let file = match fs::File::open(&path) {
            Ok(f) => f,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                cache.dirty = true;
                return (cache, None);
            }
            Err(e) => return (cache, Some(warning(&path, &format!("cannot read ({e})")))),
        };
        match read_entries(BufReader::new(file)) {
            Ok(entries) => {
                cache.entries = entries.into_iter().map(|e| (e.rel.clone(), e)).collect();
                (cache, None)
            }
            Err(reason) => {
                cache.dirty = true;
                (cache, Some(warning(&path, &reason)))
            }
        }
    }

    /// The cached outcome for a file, if its size and modification time are as recorded.
    pub fn get(&self, rel: &str, size: u64, modified: Option<SystemTime>) -> Option<&Outcome> {
        let e = self.entries.get(rel)?;
        (e.size == size && e.modified == stamp(modified) && e.modified.is_some()).then_some(&e.outcome)
    }

    /// Records what this load found, file by file in order (`events` holds the events of all
    /// files that had some, in the same order), and writes it if anything changed.
    pub fn store(mut self, files: &[FileRecord], events: &[Event]) -> Option<LoadWarning> {
        let path = self.path.take()?;
        let kept = || files.iter().filter(|f| f.cacheable);
        let changed = self.dirty
            || kept().count() != self.entries.len()
            || kept().any(|f| self.get(&f.rel, f.size, f.modified).is_none());
        if !changed {
            return None;
        }
        let mut at = 0;
        let mut entries = Vec::with_capacity(files.len());
        for f in files {
            let outcome = match &f.result {
                Ok(n) => {
                    at += n;
                    Outcome::Events(events[at - n..at].to_vec())
                }
                Err(reason) => Outcome::Skipped(reason.clone()),
            };
            if f.cacheable {
                entries.push(Entry { rel: f.rel.clone(), size: f.size, modified: stamp(f.modified), outcome });
            }
        }
        write_entries(&path, &entries).err().map(|reason| warning(&path, &format!("cannot write ({reason})")))
    }
}

fn warning(path: &Path, reason: &str) -> LoadWarning {
    LoadWarning::new(path.display().to_string(), format!("cache {reason}; rebuilding it"))
}

fn read_entries(mut r: impl Read) -> Result<Vec<Entry>, String> {
    let mut header = [0u8; 20];
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
    bincode::deserialize_from(r).map_err(|e| format!("is corrupt ({e})"))
}

fn write_entries(path: &Path, entries: &[Entry]) -> std::io::Result<()> {
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent)?;
    }
    // Written beside, then renamed over: a crash never leaves half a cache under the real name.
    let tmp = path.with_extension(format!("tmp{}", std::process::id()));
    {
        let mut w = BufWriter::new(fs::File::create(&tmp)?);
        w.write_all(MAGIC)?;
        w.write_all(&FORMAT.to_le_bytes())?;
        w.write_all(&fingerprint().to_le_bytes())?;
        bincode::serialize_into(&mut w, entries).map_err(std::io::Error::other)?;
        w.flush()?;
    }
    fs::rename(&tmp, path)
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
