//! Full-text search in article bodies: `"кибербезопас` in the filter finds the events whose
//! article's title or body has a word starting so.
//!
//! The timeline keeps no texts, so the index is built apart, on a background thread once the
//! events are in (the articles are read again, usually from the page cache): a sorted vocabulary
//! of folded words of four letters or more, each with the sorted list of articles that use it. A
//! prefix is a range of the vocabulary found by binary search; its articles are the union of the
//! range's lists. Building streams over the articles in chunks, so the word lists of all articles
//! are never in memory at once.

use crate::lexicon::{fold, is_compound_word_char};
use crate::load::{ArticleRef, LoadOptions, Origin};
use rayon::prelude::*;
use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Shorter words are not indexed: a prefix of three letters or fewer finds half of any corpus.
pub const MIN_WORD: usize = 4;

/// The index: vocabulary and, for each word, the articles (indexes into the timeline's articles).
#[derive(Debug, Default)]
pub struct FullText {
    words: Vec<Box<str>>,
    postings: Vec<Vec<u32>>,
}

/// The distinct folded words of an article's title and body.
fn words_of(article: &crate::load::Article) -> Vec<String> {
    let folded = fold(&article.text);
    let mut words: Vec<String> = Vec::new();
    for region in article.structure.fact_regions() {
        let mut start = None;
        for (i, c) in folded[region.clone()].char_indices().chain(std::iter::once((region.len(), ' '))) {
            if is_compound_word_char(c) {
                start.get_or_insert(i);
            } else if let Some(s) = start.take() {
                let w = &folded[region.start + s..region.start + i];
                if w.chars().count() >= MIN_WORD {
                    words.push(w.to_string());
                }
            }
        }
    }
    words.sort_unstable();
    words.dedup();
    words
}

/// Whether two articles were read from the same file.
fn same_file(a: &ArticleRef, b: &ArticleRef) -> bool {
    matches!((&a.origin, &b.origin), (Origin::File { path: p }, Origin::File { path: q }) if p == q)
}

impl FullText {
    /// Reads every article again and indexes its words; `done` counts articles as they go.
    pub fn build(articles: &[ArticleRef], opts: &LoadOptions, done: &AtomicUsize) -> FullText {
        let mut map: HashMap<String, Vec<u32>> = HashMap::new();
        for (chunk_no, chunk) in articles.chunks(2048).enumerate() {
            // Runs of articles from one file are read together (a JSON Lines file or a feed is
            // read once, not once for each of its articles); other articles one by one.
            let mut runs: Vec<std::ops::Range<usize>> = Vec::new();
            for (i, a) in chunk.iter().enumerate() {
                match runs.last_mut() {
                    Some(r) if a.rel.contains('#') && same_file(&chunk[r.start], a) => r.end = i + 1,
                    _ => runs.push(i..i + 1),
                }
            }
            let lists: Vec<Vec<String>> = runs
                .par_iter()
                .flat_map_iter(|r| {
                    let words: Vec<Vec<String>> = crate::load::open_all(&chunk[r.clone()], opts)
                        .into_iter()
                        .map(|art| art.map(|art| words_of(&art)).unwrap_or_default())
                        .collect();
                    done.fetch_add(r.len(), Ordering::Relaxed);
                    words
                })
                .collect();
            for (i, words) in lists.into_iter().enumerate() {
                let id = (chunk_no * 2048 + i) as u32;
                for w in words {
                    map.entry(w).or_default().push(id);
                }
            }
        }
        let mut pairs: Vec<(String, Vec<u32>)> = map.into_iter().collect();
        pairs.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let (words, postings) = pairs
            .into_iter()
            .map(|(w, mut p)| {
                p.shrink_to_fit();
                (w.into_boxed_str(), p)
            })
            .unzip();
        FullText { words, postings }
    }

    /// The articles with a word starting with `prefix` (folded), sorted.
    pub fn articles_with_prefix(&self, prefix: &str) -> Vec<u32> {
        let prefix = fold(prefix);
        let from = self.words.partition_point(|w| w.as_ref() < prefix.as_str());
        let mut out: Vec<u32> = self.words[from..]
            .iter()
            .zip(&self.postings[from..])
            .take_while(|(w, _)| w.starts_with(prefix.as_str()))
            .flat_map(|(_, p)| p.iter().copied())
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::Article;

    #[test]
    fn prefixes_find_articles_by_their_body_words() {
        let arts = [
            Article::from_text("a.txt", "Заголовок\nОбсудили кибербезопасность и связь."),
            Article::from_text(
                "b.txt",
                "Другой\nРечь шла о киберугрозах.\n\nЧитайте также\nКибербезопасность в Японии",
            ),
            Article::from_text("c.txt", "Третий\nО погоде."),
        ];
        let refs: Vec<ArticleRef> = arts.iter().map(crate::load::Article::to_ref).collect();
        let ft = FullText::build(&refs, &LoadOptions::default(), &AtomicUsize::new(0));
        assert_eq!(ft.articles_with_prefix("кибербезопас"), [0], "furniture is not indexed");
        assert_eq!(ft.articles_with_prefix("КИБЕР"), [0, 1]);
        assert!(ft.articles_with_prefix("спутник").is_empty());
    }
}
