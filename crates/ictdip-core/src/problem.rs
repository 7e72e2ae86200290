//! What went wrong with a file, a folder or the extraction cache, as values: callers decide by
//! kind (whether a skip may be cached, whether a cache must be rebuilt), and the words are written
//! once, here, for people. The cache stores a [`Skip`] itself, never its wording.
//!
//! This module sits under `load` and `cache`, which both report through it.

use serde::{Deserialize, Serialize};
use std::io;

/// A file, a folder or a cache file that gave nothing, and why. Shown one per line:
/// `path: problem`.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{path}: {problem}")]
pub struct LoadWarning {
    pub path: String,
    pub problem: LoadProblem,
}

impl LoadWarning {
    pub fn new(path: impl Into<String>, problem: impl Into<LoadProblem>) -> Self {
        LoadWarning { path: path.into(), problem: problem.into() }
    }
}

/// What a file is that makes it no article. Known from its bytes and the load's options alone, so
/// the cache may remember it until the file changes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum Skip {
    #[error("empty file")]
    Empty,
    #[error("binary file, not text")]
    Binary,
    #[error("no text after cleaning")]
    NoText,
    #[error("{len} bytes is over the {limit} byte limit (--max-size)")]
    TooLarge { len: u64, limit: u64 },
    /// JSON whose objects have none of the fields an article is read from (a settings file, a
    /// list of labels).
    #[error("JSON without articles (no object has a text, body or content field)")]
    NoArticles,
    /// XML that is not an RSS or Atom feed.
    #[error("XML that is not an RSS or Atom feed")]
    NotAFeed,
}

/// One article of a file that holds many (JSON Lines, JSON, a feed) that could not be read; the
/// file's other articles are. Known from the file's bytes alone, so the cache keeps it with the
/// file's events until the file changes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum EntryProblem {
    /// The line (JSON Lines) or the document (JSON) does not parse; `reason` is the parser's.
    #[error("line {line}: not JSON ({reason})")]
    NotJson { line: u32, reason: String },
    #[error("line {line}: not a JSON object")]
    NotAnObject { line: u32 },
    #[error("line {line}: no article text (no text, body or content field)")]
    NoText { line: u32 },
    /// A feed's item or entry, counted from 1, with neither a title nor any text.
    #[error("item {item}: no title or text")]
    EmptyItem { item: u32 },
    /// The feed stops being well-formed XML here; the items before it are read.
    #[error("line {line}: broken XML ({reason}); the items after it are not read")]
    BrokenXml { line: u32, reason: String },
}

/// Why a path gave no article.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum LoadProblem {
    /// The file is no article (see [`Skip`]).
    #[error("skipped: {0}")]
    Skipped(#[from] Skip),
    /// The path given could not be opened, or a file could not be opened.
    #[error("cannot open: {}", io_phrase(*.0))]
    CannotOpen(io::ErrorKind),
    #[error("cannot read: {}", io_phrase(*.0))]
    CannotRead(io::ErrorKind),
    #[error("broken symlink: {}", io_phrase(*.0))]
    BrokenSymlink(io::ErrorKind),
    #[error("symlink loop: folder already visited, skipped")]
    SymlinkLoop,
    #[error("cannot open folder: {}", io_phrase(*.0))]
    CannotOpenFolder(io::ErrorKind),
    #[error("cannot read folder: {}", io_phrase(*.0))]
    CannotReadFolder(io::ErrorKind),
    #[error("cannot list an entry: {}", io_phrase(*.0))]
    CannotListEntry(io::ErrorKind),
    /// One article of a file holding many (see [`EntryProblem`]).
    #[error("{0}")]
    Entry(#[from] EntryProblem),
    /// The article a reader asked for is no longer in its file (the file changed since it was
    /// loaded).
    #[error("the article is no longer in the file")]
    EntryGone,
    /// The folder's cache file could not be used or written; the load goes on without it.
    #[error("cache {0}")]
    Cache(#[from] CacheError),
}

impl LoadProblem {
    /// True for what the file is (empty, binary, too large, an article of it that cannot be read), which holds until it changes; false
    /// for what went wrong on the way (a read error may pass).
    pub fn cacheable(&self) -> bool {
        matches!(self, LoadProblem::Skipped(_) | LoadProblem::Entry(_))
    }
}

/// What is wrong with a folder's cache file (it is then rebuilt), or with writing a new one (the
/// old one then stays).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CacheError {
    #[error("cannot be read ({}); rebuilding it", io_phrase(*.0))]
    Unreadable(io::ErrorKind),
    #[error("is not an ictdip cache; rebuilding it")]
    NotACache,
    #[error("is truncated; rebuilding it")]
    Truncated,
    #[error("has format {found}, this ictdip writes {expected}; rebuilding it")]
    OtherFormat { found: u32, expected: u32 },
    #[error("was written by another version of the extractor; rebuilding it")]
    OtherExtractor,
    /// The bytes disagree with themselves; says which way.
    #[error("is corrupt ({0}); rebuilding it")]
    Corrupt(&'static str),
    #[error("cannot be written ({}); the old one stays", io_phrase(*.0))]
    Unwritable(io::ErrorKind),
    #[error("cannot be written ({rel}: record vanished from the old cache); the old one stays")]
    RecordVanished { rel: String },
    #[error("cannot be written (a record that cannot be encoded); the old one stays")]
    Unencodable,
}

/// An I/O error kind as a short lowercase phrase ("permission denied"). The two met most are
/// worded as the system words them; the rest as the standard library does.
pub fn io_phrase(kind: io::ErrorKind) -> String {
    match kind {
        io::ErrorKind::NotFound => "no such file or directory".into(),
        io::ErrorKind::PermissionDenied => "permission denied".into(),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn problems_read_as_one_line_and_only_skips_are_cached() {
        let w = LoadWarning::new("a/b.txt", Skip::TooLarge { len: 9000, limit: 4096 });
        assert_eq!(w.to_string(), "a/b.txt: skipped: 9000 bytes is over the 4096 byte limit (--max-size)");
        assert!(w.problem.cacheable());
        let w = LoadWarning::new("c.txt", LoadProblem::CannotRead(io::ErrorKind::PermissionDenied));
        assert_eq!(w.to_string(), "c.txt: cannot read: permission denied");
        assert!(!w.problem.cacheable());
        let w = LoadWarning::new("folder-1.bin", CacheError::OtherFormat { found: 4, expected: 6 });
        assert_eq!(w.to_string(), "folder-1.bin: cache has format 4, this ictdip writes 6; rebuilding it");
        assert!(!w.problem.cacheable());
        let w = LoadWarning::new("folder-1.bin", CacheError::Unwritable(io::ErrorKind::PermissionDenied));
        assert_eq!(w.to_string(), "folder-1.bin: cache cannot be written (permission denied); the old one stays");
    }
}
