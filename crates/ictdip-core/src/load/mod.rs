//! Files to articles: finding files, decoding bytes, cleaning text and cutting it into title,
//! dateline, body and furniture. No facts are extracted here.

mod clean;
mod decode;
pub mod entry;
mod feed;
mod html;
mod json;
mod markdown;
mod stamp;
pub(crate) mod structure;
pub(crate) mod walk;

pub use crate::problem::{EntryProblem, LoadProblem, LoadWarning, Skip};
pub use markdown::BULLET;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Arc;
pub use structure::{Role, Structure};
pub use walk::{FileFilter, OtherFiles};

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/seeds.rs"));
}

/// Default cap on a file's size: a news article is a few KB; a file of many MB is a dump or a
/// mistake and would stall the load.
pub const DEFAULT_MAX_BYTES: u64 = 8 * 1024 * 1024;

/// Where an article's bytes live, so that it can be read again when the reader opens it: the
/// timeline keeps only this, not the text, which keeps memory near the size of the facts.
#[derive(Clone, Debug)]
pub enum Origin {
    /// A file.
    File { path: PathBuf },
    /// The n-th bundled sample article.
    Embedded(usize),
    /// Text handed over in memory (tests, benchmarks).
    Memory(Arc<str>),
}

/// One article: where it came from, its cleaned text and its structure.
#[derive(Clone, Debug)]
pub struct Article {
    /// Path relative to the loaded root; the file name for the bundled samples.
    pub rel: String,
    pub origin: Origin,
    pub encoding: &'static str,
    pub text: String,
    /// `text` lowercased with `ё` as `е`, byte for byte the same length (see
    /// [`crate::lexicon::fold`]): made once here for both the structure analysis and the extractor.
    pub folded: String,
    /// Where the Russian capitals of `text` stand, noted while folding: names start only there.
    pub capitals: Vec<usize>,
    pub structure: Structure,
    /// The article's address, where its source names one (a JSON field, a feed item's link, a
    /// page's canonical link).
    pub url: Option<String>,
    /// The site or outlet, where its source names one.
    pub site: Option<String>,
}

/// An article without its text: enough to name it and to open it again.
#[derive(Clone, Debug)]
pub struct ArticleRef {
    pub rel: String,
    pub origin: Origin,
}

impl Article {
    /// Builds an article from text already in memory (tests, benchmarks).
    pub fn from_text(rel: impl Into<String>, raw: &str) -> Article {
        let text = clean::clean(raw);
        let (folded, capitals) = crate::lexicon::fold_noting_capitals(&text);
        let structure = structure::analyse_folded(&text, &folded);
        let origin = Origin::Memory(Arc::from(raw));
        Article { rel: rel.into(), origin, encoding: "UTF-8", text, folded, capitals, structure, url: None, site: None }
    }

    pub fn to_ref(&self) -> ArticleRef {
        ArticleRef { rel: self.rel.clone(), origin: self.origin.clone() }
    }
}

impl ArticleRef {
    /// Reads, decodes and structures the article again. A file that changed since it was loaded is
    /// read as it is now; the caller extracts from what it gets, so text and facts agree.
    pub fn open(&self, opts: &LoadOptions) -> Result<Article, LoadWarning> {
        match &self.origin {
            Origin::File { path, .. } => load_file(path, &self.rel, opts),
            Origin::Embedded(i) => {
                let (name, bytes) = embedded::SEEDS[*i];
                let mut a = article_from_bytes(name, bytes).map_err(|skip| LoadWarning::new(name, skip))?;
                a.origin = Origin::Embedded(*i);
                Ok(a)
            }
            Origin::Memory(raw) => Ok(Article::from_text(self.rel.clone(), raw)),
        }
    }
}

impl ArticleRef {
    /// The file this article shares with others (JSON Lines, JSON, a feed), if it is one of many.
    fn shared_file(&self) -> Option<&Path> {
        match &self.origin {
            Origin::File { path } if self.rel.contains('#') => {
                let name = path.file_name()?.to_string_lossy();
                Format::of(&name).holds_many().then_some(path.as_path())
            }
            _ => None,
        }
    }
}

/// Reads articles again, in order, each file once: the articles of one file holding many are
/// found in one reading of it, where opening each alone would read the whole file for each.
pub fn open_all(refs: &[ArticleRef], opts: &LoadOptions) -> Vec<Result<Article, LoadWarning>> {
    let mut out = Vec::with_capacity(refs.len());
    let mut at = 0;
    while at < refs.len() {
        let Some(path) = refs[at].shared_file() else {
            out.push(refs[at].open(opts));
            at += 1;
            continue;
        };
        let run = refs[at..].iter().take_while(|r| r.shared_file() == Some(path)).count();
        let file_rel = refs[at].rel.rsplit_once('#').map_or(refs[at].rel.as_str(), |(f, _)| f);
        match read_articles(path, file_rel, opts, None) {
            Ok(all) => {
                let mut by_rel: std::collections::HashMap<String, Article> =
                    all.articles.into_iter().map(|a| (a.rel.clone(), a)).collect();
                for r in &refs[at..at + run] {
                    out.push(
                        by_rel.remove(&r.rel).ok_or_else(|| LoadWarning::new(r.rel.as_str(), LoadProblem::EntryGone)),
                    );
                }
            }
            Err(w) => {
                out.extend(refs[at..at + run].iter().map(|r| Err(LoadWarning::new(r.rel.as_str(), w.problem.clone()))));
            }
        }
        at += run;
    }
    out
}

/// Options for a load.
#[derive(Clone, Debug)]
pub struct LoadOptions {
    pub max_bytes: u64,
    /// Which files of a folder are read (`--include-ext`, `--exclude`).
    pub files: FileFilter,
}

impl Default for LoadOptions {
    fn default() -> Self {
        LoadOptions { max_bytes: DEFAULT_MAX_BYTES, files: FileFilter::default() }
    }
}

/// How a file is read, told by its name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Plain text (`.txt`, and any name of no other format).
    Text,
    Markdown,
    /// One JSON object a line (`.jsonl`, `.ndjson`).
    JsonLines,
    /// An array of objects, or one (`.json`).
    Json,
    /// RSS or Atom (`.xml`, `.rss`, `.atom`); an `.xml` file that is no feed is skipped.
    Feed,
    /// A web page (`.html`, `.htm`, `.xhtml`).
    Html,
}

impl Format {
    pub fn of(name: &str) -> Format {
        if markdown::is_markdown(name) {
            Format::Markdown
        } else if json::is_json_lines(name) {
            Format::JsonLines
        } else if has_extension(name, &["json"]) {
            Format::Json
        } else if feed::is_feed_name(name) {
            Format::Feed
        } else if html::is_html_name(name) {
            Format::Html
        } else {
            Format::Text
        }
    }

    /// True for formats whose files hold many articles, each named `file#N`.
    pub fn holds_many(self) -> bool {
        matches!(self, Format::JsonLines | Format::Json | Format::Feed)
    }
}

/// Whether `name` ends in a dot and one of `extensions` (lowercase), in any case.
pub(crate) fn has_extension(name: &str, extensions: &[&str]) -> bool {
    Path::new(name).extension().is_some_and(|e| extensions.iter().any(|x| e.eq_ignore_ascii_case(x)))
}

/// What one file gave: its articles in file order (one for a page, any number for JSON Lines or
/// a feed), and the articles of it that could not be read.
#[derive(Debug, Default)]
pub struct FileArticles {
    pub articles: Vec<Article>,
    pub problems: Vec<EntryProblem>,
}

/// Reads one article again: the file's only one, or, for a file holding many, the one named
/// `rel` (`file#N`).
pub fn load_file(path: &Path, rel: &str, opts: &LoadOptions) -> Result<Article, LoadWarning> {
    let name = path.file_name().map_or_else(|| rel.into(), |n| n.to_string_lossy());
    if !Format::of(&name).holds_many() {
        let mut all = read_articles(path, rel, opts, None)?;
        return all.articles.pop().ok_or_else(|| LoadWarning::new(rel, Skip::NoText));
    }
    let file_rel = rel.rsplit_once('#').map_or(rel, |(f, _)| f);
    let all = read_articles(path, file_rel, opts, None)?;
    all.articles.into_iter().find(|a| a.rel == rel).ok_or_else(|| LoadWarning::new(rel, LoadProblem::EntryGone))
}

/// Reads a file the walk found, with the size the walk saw if it asked: asking the system again
/// was one call too many per article.
pub fn load_found(f: &walk::FoundFile, opts: &LoadOptions) -> Result<FileArticles, LoadWarning> {
    read_articles(&f.path, &f.rel, opts, f.stat.map(|s| s.size))
}

/// Room for a file whose size is not known beforehand: most articles are a few kilobytes.
const UNKNOWN_SIZE_GUESS: usize = 16 * 1024;

fn read_articles(path: &Path, rel: &str, opts: &LoadOptions, size: Option<u64>) -> Result<FileArticles, LoadWarning> {
    let warn = |problem: LoadProblem| LoadWarning::new(rel, problem);
    let too_large = |len: u64| warn(Skip::TooLarge { len, limit: opts.max_bytes }.into());
    let cannot_read = |e: std::io::Error| warn(LoadProblem::CannotRead(e.kind()));
    let file = fs::File::open(path).map_err(|e| warn(LoadProblem::CannotOpen(e.kind())))?;
    if let Some(len) = size.filter(|&len| len > opts.max_bytes) {
        return Err(too_large(len));
    }
    // Read to the limit and one byte more, whatever the size said: a file can grow meanwhile.
    let mut bytes = Vec::with_capacity(size.map_or(UNKNOWN_SIZE_GUESS, |len| len as usize));
    (&file).take(opts.max_bytes + 1).read_to_end(&mut bytes).map_err(cannot_read)?;
    if bytes.len() as u64 > opts.max_bytes {
        return Err(too_large(file.metadata().map_or(bytes.len() as u64, |m| m.len())));
    }
    let mut all = articles_from_bytes(rel, bytes).map_err(|skip| warn(skip.into()))?;
    for a in &mut all.articles {
        a.origin = Origin::File { path: path.to_path_buf() };
    }
    Ok(all)
}

/// The articles of a file's bytes, by the format its name `rel` says, or what the bytes are
/// instead. Each article of a file holding many is named `rel#N`, N being its line in JSON Lines,
/// its place among the items (from 1) in JSON and feeds.
pub fn articles_from_bytes(rel: &str, bytes: impl Into<Vec<u8>>) -> Result<FileArticles, Skip> {
    let format = Format::of(rel);
    if format == Format::Html {
        let decoded = html::decode_page(bytes.into())?;
        let article = entry::article(rel.to_string(), decoded.encoding, html::page(&decoded.text)?)?;
        return Ok(FileArticles { articles: vec![article], problems: Vec::new() });
    }
    if !format.holds_many() {
        return article_from_bytes(rel, bytes).map(|a| FileArticles { articles: vec![a], problems: Vec::new() });
    }
    // A feed, like a page, may name its encoding (`<?xml … encoding="windows-1251"?>`).
    let decoded = if format == Format::Feed { html::decode_page(bytes.into())? } else { decode_bytes(bytes.into())? };
    let entries = match format {
        Format::JsonLines => json::json_lines(&decoded.text)?,
        Format::Feed => feed::feed(&decoded.text)?,
        _ => json::json(&decoded.text)?,
    };
    let mut out = FileArticles { articles: Vec::with_capacity(entries.entries.len()), problems: entries.problems };
    for (n, e) in entries.entries {
        match entry::article(format!("{rel}#{n}"), decoded.encoding, e) {
            Ok(a) => out.articles.push(a),
            Err(_) => out.problems.push(EntryProblem::EmptyItem { item: n }),
        }
    }
    Ok(out)
}

fn decode_bytes(bytes: Vec<u8>) -> Result<decode::Decoded, Skip> {
    decode::decode(bytes).map_err(|e| match e {
        decode::DecodeError::Empty => Skip::Empty,
        decode::DecodeError::Binary => Skip::Binary,
    })
}

/// Decodes, cleans and structures bytes, or says what they are instead of an article.
pub fn article_from_bytes(rel: &str, bytes: impl Into<Vec<u8>>) -> Result<Article, Skip> {
    let decoded = decode_bytes(bytes.into())?;
    let encoding = decoded.encoding;
    let decoded = if markdown::is_markdown(rel) { markdown::text(&decoded.text) } else { decoded.text };
    let text = clean::clean_owned(decoded);
    if text.trim().is_empty() {
        return Err(Skip::NoText);
    }
    let (folded, capitals) = crate::lexicon::fold_noting_capitals(&text);
    let structure = structure::analyse_folded(&text, &folded);
    Ok(Article {
        rel: rel.to_string(),
        origin: Origin::Embedded(0),
        encoding,
        text,
        folded,
        capitals,
        structure,
        url: None,
        site: None,
    })
}

/// What a load produced: the articles in path order, and the warnings in path order.
#[derive(Debug, Default)]
pub struct Loaded {
    pub articles: Vec<Article>,
    pub warnings: Vec<LoadWarning>,
}

/// The bundled sample articles.
pub fn load_embedded() -> Loaded {
    let mut loaded = Loaded::default();
    for (i, (name, bytes)) in embedded::SEEDS.iter().enumerate() {
        match article_from_bytes(name, *bytes) {
            Ok(mut a) => {
                a.origin = Origin::Embedded(i);
                loaded.articles.push(a);
            }
            Err(skip) => loaded.warnings.push(LoadWarning::new(*name, skip)),
        }
    }
    loaded
}
