//! Finding the article files under a path. Symlinks are followed, loops are detected, and every
//! problem (unreadable folder, broken link, loop) becomes a warning rather than an error: one bad
//! entry never hides the others.

use crate::problem::{LoadProblem, LoadWarning};
use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

/// File name endings taken as articles.
pub const EXTENSIONS: [&str; 12] =
    ["txt", "md", "markdown", "jsonl", "ndjson", "json", "xml", "rss", "atom", "html", "htm", "xhtml"];

/// A file to load: its path, its name relative to the root the user gave, and, when the walk was
/// asked for them, the size and modification time that say whether it changed since an earlier
/// load.
#[derive(Clone, Debug)]
pub struct FoundFile {
    pub path: PathBuf,
    pub rel: String,
    pub stat: Option<FileStat>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FileStat {
    pub size: u64,
    pub modified: Option<std::time::SystemTime>,
}

impl FileStat {
    fn of(md: &fs::Metadata) -> FileStat {
        FileStat { size: md.len(), modified: md.modified().ok() }
    }
}

#[cfg(test)]
fn is_article(path: &Path) -> bool {
    is_article_name(name_bytes(path))
}

/// Which files of a folder a load reads: those of the formats it knows, or only those with the
/// extensions given (`--include-ext`; one of no known format is read as plain text), less those
/// whose path or name matches a pattern given (`--exclude`, a glob: `drafts`, `*.json`,
/// `2024/**`). A folder whose path or name matches is not walked at all. A file given as the path
/// itself is read whatever its name.
#[derive(Clone, Debug, Default)]
pub struct FileFilter {
    /// Lowercase, without the dot, sorted; empty for every known format.
    include_ext: Vec<String>,
    /// As given, for the cache's key.
    exclude: Vec<String>,
    exclude_set: globset::GlobSet,
}

impl FileFilter {
    /// A filter from the extensions to read (`json` or `.JSON`; none for every known format) and
    /// the glob patterns of paths not to read, or why a pattern cannot be used.
    pub fn new(include_ext: &[String], exclude: &[String]) -> Result<FileFilter, String> {
        let mut include: Vec<String> = include_ext
            .iter()
            .map(|e| e.trim().trim_start_matches('.').to_lowercase())
            .filter(|e| !e.is_empty())
            .collect();
        include.sort();
        include.dedup();
        let mut set = globset::GlobSetBuilder::new();
        for pattern in exclude {
            set.add(globset::Glob::new(pattern).map_err(|e| format!("--exclude {pattern:?}: {}", e.kind()))?);
        }
        let exclude_set = set.build().map_err(|e| format!("--exclude: {e}"))?;
        Ok(FileFilter { include_ext: include, exclude: exclude.to_vec(), exclude_set })
    }

    pub fn include_ext(&self) -> &[String] {
        &self.include_ext
    }

    pub fn exclude(&self) -> &[String] {
        &self.exclude
    }

    /// Whether a file of this name is of a kind the load reads.
    fn reads_name(&self, name: &[u8]) -> bool {
        if self.include_ext.is_empty() {
            return is_article_name(name);
        }
        self.include_ext.iter().any(|x| {
            name.len() > x.len() + 1
                && name[name.len() - x.len() - 1] == b'.'
                && name[name.len() - x.len()..].eq_ignore_ascii_case(x.as_bytes())
        })
    }

    /// Whether the entry at `rel` (relative to the root, `/`-separated), named `name`, is left out.
    fn excludes(&self, rel: &str, name: &str) -> bool {
        !self.exclude_set.is_empty() && (self.exclude_set.is_match(rel) || self.exclude_set.is_match(name))
    }
}

/// The last part of a path, on its bytes: a folder's listing asks this of every entry, and
/// `Path::file_name` takes the whole path apart into components first.
fn name_bytes(path: &Path) -> &[u8] {
    let bytes = path.as_os_str().as_encoded_bytes();
    let bytes = bytes.strip_suffix(b"/").unwrap_or(bytes);
    bytes.rsplit(|&b| b == b'/').next().unwrap_or(bytes)
}

/// A name ending in one of [`EXTENSIONS`] after a dot, in any case, with something before the dot
/// (".txt" has no extension, as for `Path::extension`).
fn is_article_name(name: &[u8]) -> bool {
    EXTENSIONS.iter().any(|x| {
        name.len() > x.len() + 1
            && name[name.len() - x.len() - 1] == b'.'
            && name[name.len() - x.len()..].eq_ignore_ascii_case(x.as_bytes())
    })
}

/// Files under a folder that are not articles (by their name's ending), counted by extension, so
/// that a load can say what it left aside: "12 files of other types skipped (pdf 8, docx 4)".
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OtherFiles {
    by_extension: std::collections::BTreeMap<String, usize>,
}

impl OtherFiles {
    fn add(&mut self, path: &Path) {
        let ext = path.extension().map_or_else(|| "no extension".to_string(), |e| e.to_string_lossy().to_lowercase());
        *self.by_extension.entry(ext).or_default() += 1;
    }

    /// How many files were left aside.
    pub fn count(&self) -> usize {
        self.by_extension.values().sum()
    }

    /// Extensions with their counts, the commonest first.
    pub fn by_extension(&self) -> Vec<(&str, usize)> {
        let mut v: Vec<(&str, usize)> = self.by_extension.iter().map(|(e, &n)| (e.as_str(), n)).collect();
        v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        v
    }
}

impl std::fmt::Display for OtherFiles {
    /// "12 files of other types skipped (pdf 8, docx 4)", the four commonest types named.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let n = self.count();
        let kinds = self.by_extension();
        let named: Vec<String> = kinds.iter().take(4).map(|(e, c)| format!("{e} {c}")).collect();
        let more = if kinds.len() > 4 { ", …" } else { "" };
        let files = if n == 1 { "file" } else { "files" };
        write!(f, "{n} {files} of other types skipped ({}{more})", named.join(", "))
    }
}

/// All article files under `root` (or `root` itself when it is a file), sorted by relative path.
/// With `stat`, each with its size and modification time (what a cache needs); without, a file the
/// listing says is a plain file is not asked about at all: the stats were much of the walk's time,
/// and a load without a cache learns the size by reading.
/// Other files met on the way are counted in `others`.
pub fn walk(
    root: &Path,
    stat: bool,
    filter: &FileFilter,
    warnings: &mut Vec<LoadWarning>,
    others: &mut OtherFiles,
) -> Vec<FoundFile> {
    let mut out = Vec::new();
    match fs::metadata(root) {
        Err(e) => warnings.push(LoadWarning::new(root.display().to_string(), LoadProblem::CannotOpen(e.kind()))),
        Ok(md) if md.is_file() => {
            let rel = root.file_name().map_or_else(|| root.display().to_string(), |n| n.to_string_lossy().into_owned());
            out.push(FoundFile { path: root.to_path_buf(), rel, stat: Some(FileStat::of(&md)) });
        }
        Ok(_) => {
            let mut visited = HashSet::new();
            let mut walk = Walk { root, stat, filter, visited: &mut visited, out: &mut out, warnings, others };
            walk.dir(root);
        }
    }
    out.sort_by(|a, b| a.rel.cmp(&b.rel));
    out
}

/// One walk under way: what it was asked, and what it found so far.
struct Walk<'a> {
    root: &'a Path,
    stat: bool,
    filter: &'a FileFilter,
    /// Folders entered so far, canonical: one reached again through a symlink is a loop.
    visited: &'a mut HashSet<PathBuf>,
    out: &'a mut Vec<FoundFile>,
    warnings: &'a mut Vec<LoadWarning>,
    others: &'a mut OtherFiles,
}

impl Walk<'_> {
    /// The article files under `dir`, appended to `out`; folders reached again through a symlink
    /// (`visited`) are skipped with a warning.
    ///
    /// Long: one pass over a folder's entries, where each kind of entry (file, folder, symlink to
    /// either, broken link, unreadable entry) needs its own few lines.
    fn dir(&mut self, dir: &Path) {
        let (root, stat, filter) = (self.root, self.stat, self.filter);
        let rel_of = |p: &Path| p.strip_prefix(root).unwrap_or(p).to_string_lossy().replace('\\', "/");
        match fs::canonicalize(dir) {
            Ok(canon) => {
                if !self.visited.insert(canon) {
                    self.warnings.push(LoadWarning::new(rel_of(dir), LoadProblem::SymlinkLoop));
                    return;
                }
            }
            Err(e) => {
                self.warnings.push(LoadWarning::new(rel_of(dir), LoadProblem::CannotOpenFolder(e.kind())));
                return;
            }
        }
        let entries = match fs::read_dir(dir) {
            Ok(rd) => rd,
            Err(e) => {
                self.warnings.push(LoadWarning::new(rel_of(dir), LoadProblem::CannotReadFolder(e.kind())));
                return;
            }
        };
        // The listing gives each entry's type: a link is known without a stat of its own, and a
        // plain file that is not an article is passed over without one. Everything after the listing
        // itself (paths, names, stats, each entry's release) runs on all cores: a folder can hold a
        // hundred thousand files, and until it is listed no article is read.
        use rayon::prelude::*;
        let mut listed: Vec<(fs::DirEntry, Option<fs::FileType>)> = Vec::new();
        for entry in entries {
            match entry {
                Ok(e) => {
                    let kind = e.file_type().ok();
                    listed.push((e, kind));
                }
                Err(e) => self.warnings.push(LoadWarning::new(rel_of(dir), LoadProblem::CannotListEntry(e.kind()))),
            }
        }
        // Each child with whether its name is an article's, told once; plain files of other types
        // are only counted.
        let rel_dir = rel_of(dir);
        let (mut children, other): (Vec<_>, Vec<_>) = listed
            .into_par_iter()
            .filter_map(|(e, kind)| {
                let path = e.path();
                let name = name_bytes(&path);
                if name.starts_with(b".") {
                    return None;
                }
                if !filter.exclude.is_empty() {
                    let name = String::from_utf8_lossy(name);
                    let rel = if rel_dir.is_empty() { name.to_string() } else { format!("{rel_dir}/{name}") };
                    if filter.excludes(&rel, &name) {
                        return None;
                    }
                }
                let article = filter.reads_name(name);
                Some(if kind.is_some_and(|k| k.is_file()) && !article {
                    Err(path)
                } else {
                    Ok((e, path, kind, article))
                })
            })
            .partition_map(|child| match child {
                Ok(c) => rayon::iter::Either::Left(c),
                Err(path) => rayon::iter::Either::Right(path),
            });
        for path in &other {
            self.others.add(path);
        }
        // In name order, so that of two ways into one folder (a link and the folder itself) the same
        // one is always taken and the other reported as a loop.
        children
            .par_sort_unstable_by(|a, b| a.1.as_os_str().as_encoded_bytes().cmp(b.1.as_os_str().as_encoded_bytes()));
        // What each entry is: the listing's type for plain files and folders, unless the caller wants
        // the size and modification time (a cache's key); a stat for links and unknown types. An entry
        // that is no link is asked about by its name in the open folder, which spares the system a
        // walk down the whole path.
        enum Kind {
            Folder,
            File(Option<FileStat>),
            Other,
        }
        enum Step {
            File(FoundFile),
            Folder(PathBuf),
            Warn(LoadWarning),
            Skip,
        }
        let of = |md: fs::Metadata| match () {
            () if md.is_dir() => Kind::Folder,
            () if md.is_file() => Kind::File(Some(FileStat::of(&md))),
            () => Kind::Other,
        };
        let steps: Vec<Step> = children
            .into_par_iter()
            .map(|(e, path, kind, article)| {
                let found = match kind {
                    Some(k) if k.is_dir() && !stat => Ok(Kind::Folder),
                    Some(k) if k.is_file() && !stat => Ok(Kind::File(None)),
                    Some(k) if !k.is_symlink() => e.metadata().map(of),
                    _ => fs::metadata(&path).map(of),
                };
                let link = kind.is_none_or(|k| k.is_symlink());
                match found {
                    Err(err) if link => {
                        Step::Warn(LoadWarning::new(rel_of(&path), LoadProblem::BrokenSymlink(err.kind())))
                    }
                    Err(err) => Step::Warn(LoadWarning::new(rel_of(&path), LoadProblem::CannotOpen(err.kind()))),
                    Ok(Kind::Folder) => Step::Folder(path),
                    Ok(Kind::File(file_stat)) if article => {
                        // `rel_of(&path)`, without taking the whole path apart again for every file.
                        let name = String::from_utf8_lossy(name_bytes(&path));
                        let name = if name.contains('\\') { name.replace('\\', "/") } else { name.into_owned() };
                        let rel = if rel_dir.is_empty() { name } else { format!("{rel_dir}/{name}") };
                        Step::File(FoundFile { rel, path, stat: file_stat })
                    }
                    Ok(_) => Step::Skip,
                }
            })
            .collect();
        for step in steps {
            match step {
                Step::File(f) => self.out.push(f),
                Step::Folder(path) => self.dir(&path),
                Step::Warn(w) => self.warnings.push(w),
                Step::Skip => {}
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn article_names_are_told_as_by_their_extension(name in "[a.é]{0,4}(\\.(txt|TxT|md|mD|pdf|t))?[.]?") {
            let path = Path::new("/some/dir").join(&name);
            let by_path = path.extension().and_then(|e| e.to_str()).is_some_and(|e| EXTENSIONS.iter().any(|x| x.eq_ignore_ascii_case(e)));
            proptest::prop_assert_eq!(is_article(&path), by_path, "{:?}", path);
            let by_path = path.file_name().map(|n| n.as_encoded_bytes().to_vec()).unwrap_or_default();
            if !name.is_empty() && name != "." && name != ".." {
                proptest::prop_assert_eq!(name_bytes(&path), &by_path[..]);
            }
        }
    }

    #[test]
    fn a_walk_without_stats_finds_the_same_files() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::create_dir(root.join("sub")).unwrap();
        for name in ["b.txt", "a.md", "sub/c.txt", "notes.pdf", ".hidden.txt"] {
            fs::write(root.join(name), "Заголовок\nТекст.").unwrap();
        }
        std::os::unix::fs::symlink(root.join("a.md"), root.join("link.txt")).unwrap();
        std::os::unix::fs::symlink(root.join("sub"), root.join("sublink")).unwrap();
        let (mut with, mut without) = (Vec::new(), Vec::new());
        let mut others = OtherFiles::default();
        let stat = walk(root, true, &FileFilter::default(), &mut with, &mut others);
        let plain = walk(root, false, &FileFilter::default(), &mut without, &mut OtherFiles::default());
        let rels = |files: &[FoundFile]| files.iter().map(|f| f.rel.clone()).collect::<Vec<_>>();
        assert_eq!(rels(&stat), ["a.md", "b.txt", "link.txt", "sub/c.txt"]);
        assert_eq!(rels(&plain), rels(&stat));
        assert_eq!(with, without, "the same warnings (the folder reached twice)");
        assert!(stat.iter().all(|f| f.stat.is_some_and(|s| s.size == "Заголовок\nТекст.".len() as u64)));
        // Links are asked about either way; plain files only when stats are wanted.
        let stated: Vec<&str> = plain.iter().filter(|f| f.stat.is_some()).map(|f| f.rel.as_str()).collect();
        assert_eq!(stated, ["link.txt"]);
        assert_eq!(others.to_string(), "1 file of other types skipped (pdf 1)");
    }

    #[test]
    fn files_of_other_types_are_counted_by_extension() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::create_dir(root.join("sub")).unwrap();
        let names = ["a.txt", "b.PDF", "c.pdf", "sub/d.pdf", "e.docx", "f.docx", "g.odt", "README", "h.jpg", ".i.pdf"];
        for name in names {
            fs::write(root.join(name), "x").unwrap();
        }
        let mut others = OtherFiles::default();
        let found = walk(root, false, &FileFilter::default(), &mut Vec::new(), &mut others);
        assert_eq!(found.len(), 1);
        assert_eq!(others.count(), 8, "all but the article and the hidden file");
        assert_eq!(others.by_extension()[..2], [("pdf", 3), ("docx", 2)]);
        assert_eq!(others.to_string(), "8 files of other types skipped (pdf 3, docx 2, jpg 1, no extension 1, …)");
    }

    #[test]
    fn included_extensions_and_excluded_patterns_choose_the_files() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for sub in ["drafts", "2024", "2025/drafts"] {
            fs::create_dir_all(root.join(sub)).unwrap();
        }
        let names = [
            "a.txt",
            "b.json",
            "c.log",
            "drafts/d.txt",
            "2024/e.txt",
            "2024/f.json",
            "2025/g.txt",
            "2025/drafts/h.txt",
        ];
        for name in names {
            fs::write(root.join(name), "x").unwrap();
        }
        let rels = |include: &[&str], exclude: &[&str]| {
            let s = |v: &[&str]| v.iter().map(ToString::to_string).collect::<Vec<_>>();
            let filter = FileFilter::new(&s(include), &s(exclude)).unwrap();
            let mut others = OtherFiles::default();
            let found = walk(root, false, &filter, &mut Vec::new(), &mut others);
            (found.into_iter().map(|f| f.rel).collect::<Vec<_>>(), others.count())
        };
        let every = ["2024/e.txt", "2024/f.json", "2025/drafts/h.txt", "2025/g.txt", "a.txt", "b.json", "drafts/d.txt"];
        assert_eq!(rels(&[], &[]), (every.map(String::from).to_vec(), 1), "the log is of another type");
        // An extension of no known format is read as text when asked for; the rest are others.
        assert_eq!(rels(&[".LOG", "json"], &[]), (vec!["2024/f.json".into(), "b.json".into(), "c.log".into()], 5));
        // A folder's name anywhere, a path from the root, a name pattern anywhere.
        assert_eq!(rels(&[], &["drafts"]).0, ["2024/e.txt", "2024/f.json", "2025/g.txt", "a.txt", "b.json"]);
        assert_eq!(rels(&[], &["2024/**"]).0, ["2025/drafts/h.txt", "2025/g.txt", "a.txt", "b.json", "drafts/d.txt"]);
        assert_eq!(rels(&["txt"], &["*.json", "2025"]).0, ["2024/e.txt", "a.txt", "drafts/d.txt"]);
        assert_eq!(
            FileFilter::new(&[], &["a[".to_string()]).unwrap_err(),
            "--exclude \"a[\": unclosed character class; missing ']'"
        );
    }
}
