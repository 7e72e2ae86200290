//! Loading and extracting together: the one place that runs the pipeline, in parallel, for both
//! the CLI and the dashboard.

use crate::extract;
use crate::load::{self, Article, LoadOptions, LoadWarning};
use crate::model::Event;
use rayon::prelude::*;
use std::path::Path;

/// Where articles come from.
#[derive(Clone, Debug)]
pub enum Source {
    /// The sample articles built into the binary.
    Embedded,
    /// A file or a folder (walked recursively).
    Path(std::path::PathBuf),
}

impl Source {
    pub fn from_arg(path: Option<&Path>) -> Source {
        match path {
            Some(p) => Source::Path(p.to_path_buf()),
            None => Source::Embedded,
        }
    }
}

/// Articles, their events (in article order; each article's primary event first) and warnings.
#[derive(Debug, Default)]
pub struct Corpus {
    pub articles: Vec<Article>,
    pub events: Vec<Event>,
    pub warnings: Vec<LoadWarning>,
}

/// Loads and extracts everything from `source`.
pub fn build(source: &Source, opts: &LoadOptions) -> Corpus {
    let loaded = match source {
        Source::Embedded => load::load_embedded(),
        Source::Path(p) => load::load_path(p, opts),
    };
    from_articles(loaded.articles, loaded.warnings)
}

/// Extracts events from articles already loaded.
pub fn from_articles(articles: Vec<Article>, warnings: Vec<LoadWarning>) -> Corpus {
    extract::warm_up();
    let per_article: Vec<Vec<Event>> = articles.par_iter().map(extract::extract).collect();
    let events = per_article.into_iter().flatten().collect();
    Corpus { articles, events, warnings }
}
