//! Finding the article files under a path. Symlinks are followed, loops are detected, and every
//! problem (unreadable folder, broken link, loop) becomes a warning rather than an error: one bad
//! entry never hides the others.

use super::LoadWarning;
use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

/// File name endings taken as articles.
pub const EXTENSIONS: [&str; 2] = ["txt", "md"];

/// A file to load: its path, its name relative to the root the user gave, and the size and
/// modification time that say whether it changed since an earlier load.
#[derive(Clone, Debug)]
pub struct FoundFile {
    pub path: PathBuf,
    pub rel: String,
    pub size: u64,
    pub modified: Option<std::time::SystemTime>,
}

fn is_article(path: &Path) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| EXTENSIONS.iter().any(|x| x.eq_ignore_ascii_case(e)))
}

/// All article files under `root` (or `root` itself when it is a file), sorted by relative path.
pub fn walk(root: &Path, warnings: &mut Vec<LoadWarning>) -> Vec<FoundFile> {
    let mut out = Vec::new();
    match fs::metadata(root) {
        Err(e) => {
            warnings.push(LoadWarning::new(root.display().to_string(), format!("cannot open: {}", io_reason(&e))))
        }
        Ok(md) if md.is_file() => {
            let rel = root.file_name().map_or_else(|| root.display().to_string(), |n| n.to_string_lossy().into_owned());
            out.push(FoundFile { path: root.to_path_buf(), rel, size: md.len(), modified: md.modified().ok() });
        }
        Ok(_) => {
            let mut visited = HashSet::new();
            walk_dir(root, root, &mut visited, &mut out, warnings);
        }
    }
    out.sort_by(|a, b| a.rel.cmp(&b.rel));
    out
}

fn walk_dir(
    root: &Path,
    dir: &Path,
    visited: &mut HashSet<PathBuf>,
    out: &mut Vec<FoundFile>,
    warnings: &mut Vec<LoadWarning>,
) {
    let rel_of = |p: &Path| p.strip_prefix(root).unwrap_or(p).to_string_lossy().replace('\\', "/");
    match fs::canonicalize(dir) {
        Ok(canon) => {
            if !visited.insert(canon) {
                warnings.push(LoadWarning::new(rel_of(dir), "symlink loop: folder already visited, skipped".into()));
                return;
            }
        }
        Err(e) => {
            warnings.push(LoadWarning::new(rel_of(dir), format!("cannot open folder: {}", io_reason(&e))));
            return;
        }
    }
    let entries = match fs::read_dir(dir) {
        Ok(rd) => rd,
        Err(e) => {
            warnings.push(LoadWarning::new(rel_of(dir), format!("cannot read folder: {}", io_reason(&e))));
            return;
        }
    };
    // The listing gives each entry's type: a link is known without a stat of its own, and a
    // plain file that is not an article is passed over without one.
    let mut children: Vec<(fs::DirEntry, PathBuf, Option<fs::FileType>)> = Vec::new();
    for entry in entries {
        match entry {
            Ok(e) => {
                let (path, kind) = (e.path(), e.file_type().ok());
                let hidden = path.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with('.'));
                let other_file = kind.is_some_and(|k| k.is_file()) && !is_article(&path);
                if !hidden && !other_file {
                    children.push((e, path, kind));
                }
            }
            Err(e) => warnings.push(LoadWarning::new(rel_of(dir), format!("cannot list an entry: {}", io_reason(&e)))),
        }
    }
    // In name order, so that of two ways into one folder (a link and the folder itself) the same
    // one is always taken and the other reported as a loop.
    children.sort_unstable_by(|a, b| a.1.as_os_str().as_encoded_bytes().cmp(b.1.as_os_str().as_encoded_bytes()));
    // Each article needs its size and modification time (the cache's key): the stats run on all
    // cores, since a folder can hold a hundred thousand files. An entry that is no link is asked
    // about by its name in the open folder, which spares the system a walk down the whole path.
    let stats: Vec<std::io::Result<fs::Metadata>> = {
        use rayon::prelude::*;
        children
            .par_iter()
            .map(|(e, path, kind)| match kind {
                Some(k) if !k.is_symlink() => e.metadata(),
                _ => fs::metadata(path),
            })
            .collect()
    };
    let rel_dir = rel_of(dir);
    for ((_, path, kind), md) in children.into_iter().zip(stats) {
        let link = kind.is_none_or(|k| k.is_symlink());
        match md {
            Err(e) if link => {
                warnings.push(LoadWarning::new(rel_of(&path), format!("broken symlink: {}", io_reason(&e))))
            }
            Err(e) => warnings.push(LoadWarning::new(rel_of(&path), format!("cannot open: {}", io_reason(&e)))),
            Ok(md) if md.is_dir() => walk_dir(root, &path, visited, out, warnings),
            Ok(md) if md.is_file() && is_article(&path) => {
                // `rel_of(&path)`, without taking the whole path apart again for every file.
                let name = path.file_name().map_or_else(String::new, |n| n.to_string_lossy().replace('\\', "/"));
                let rel = if rel_dir.is_empty() { name } else { format!("{rel_dir}/{name}") };
                out.push(FoundFile { rel, path, size: md.len(), modified: md.modified().ok() })
            }
            Ok(_) => {}
        }
    }
}

/// An I/O error as a short lowercase phrase ("permission denied"), without the OS error number.
pub fn io_reason(e: &std::io::Error) -> String {
    let s = e.to_string();
    let s = s.split(" (os error").next().unwrap_or(&s).to_string();
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().collect::<String>() + c.as_str(),
        None => s,
    }
}
