//! The events in time order, indexed by country and by body, and the one query API both the
//! dashboard and the CLI use: facets (countries, bodies), dates and fuzzy text.

pub mod query;

use crate::extract::gazetteer::Gazetteer;
use crate::lexicon::fold;
use crate::load::Article;
use crate::model::Event;
use fuzzy_matcher::skim::SkimMatcherV2;
use fuzzy_matcher::FuzzyMatcher;
pub use query::{Query, SortOrder};
use std::collections::BTreeMap;

/// An event and the article it came from.
pub struct Entry {
    pub event: Event,
    /// Index into [`Timeline::articles`].
    pub article: usize,
    /// Folded text the fuzzy filter searches: the title first, then people, place, countries and
    /// bodies in Russian and English.
    haystack: String,
    /// Number of characters of the title at the start of `haystack`.
    title_chars: usize,
}

/// One row of a query's answer.
#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    /// Index into [`Timeline::entries`].
    pub entry: usize,
    pub score: i64,
    /// Character positions in the title that the fuzzy text matched.
    pub title_matches: Vec<usize>,
}

/// A facet value with the number of events that have it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FacetCount {
    pub code: String,
    pub name: String,
    pub count: usize,
}

pub struct Timeline {
    pub articles: Vec<Article>,
    /// Events sorted by date; undated events last.
    pub entries: Vec<Entry>,
    by_country: BTreeMap<String, Vec<usize>>,
    by_body: BTreeMap<String, Vec<usize>>,
    matcher: SkimMatcherV2,
}

fn haystack_of(event: &Event) -> (String, usize) {
    let g = Gazetteer::get();
    let title = event.title.clone().unwrap_or_else(|| event.file.clone());
    let mut parts = vec![title.clone()];
    parts.extend(event.people.iter().map(|p| p.name.clone()));
    if let Some(city) = event.place.as_ref().and_then(|p| p.city.clone()) {
        parts.push(city);
    }
    for code in &event.countries {
        if let Some(c) = g.country(code) {
            parts.push(format!("{} {} {}", c.code, c.name_ru, c.name_en));
        }
    }
    for id in &event.orgs {
        if let Some(b) = g.body(id) {
            parts.push(format!("{} {} {}", b.id, b.abbreviations.join(" "), b.name_en));
        }
    }
    (fold(&parts.join(" · ")), title.chars().count())
}

impl Timeline {
    pub fn new(articles: Vec<Article>, events: Vec<Event>) -> Timeline {
        let index: std::collections::HashMap<&str, usize> =
            articles.iter().enumerate().map(|(i, a)| (a.rel.as_str(), i)).collect();
        let mut entries: Vec<Entry> = events
            .into_iter()
            .map(|event| {
                let article = index.get(event.file.as_str()).copied().unwrap_or(usize::MAX);
                let (haystack, title_chars) = haystack_of(&event);
                Entry { event, article, haystack, title_chars }
            })
            .collect();
        entries.sort_by(|a, b| {
            let key = |e: &Entry| {
                (e.event.date.is_none(), e.event.date.map(|d| d.sort_key()), e.event.file.clone(), !e.event.primary)
            };
            key(a).cmp(&key(b))
        });
        let mut by_country: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        let mut by_body: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        for (i, e) in entries.iter().enumerate() {
            for c in &e.event.countries {
                by_country.entry(c.clone()).or_default().push(i);
            }
            for b in &e.event.orgs {
                by_body.entry(b.clone()).or_default().push(i);
            }
        }
        Timeline { articles, entries, by_country, by_body, matcher: SkimMatcherV2::default() }
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The article an entry came from.
    pub fn article(&self, entry: usize) -> Option<&Article> {
        self.articles.get(self.entries[entry].article)
    }

    /// Countries with their event counts, most events first (then by code).
    pub fn countries(&self) -> Vec<FacetCount> {
        let g = Gazetteer::get();
        facet(&self.by_country, |code| g.country(code).map_or(code.to_string(), |c| c.name_ru.clone()))
    }

    /// Bodies with their event counts, most events first (then by ID).
    pub fn bodies(&self) -> Vec<FacetCount> {
        let g = Gazetteer::get();
        facet(&self.by_body, |id| g.body(id).map_or(id.to_string(), |b| b.name_en.clone()))
    }

    /// The entries that satisfy `q`, in the order it asks for.
    pub fn query(&self, q: &Query) -> Vec<Hit> {
        let candidates: Vec<usize> = self.facet_candidates(q);
        let tokens: Vec<String> = fold(&q.text).split_whitespace().map(query::stem).collect();
        let mut hits: Vec<Hit> = candidates
            .into_iter()
            .filter(|&i| q.accepts_date(self.entries[i].event.date))
            .filter_map(|i| self.text_match(i, &tokens))
            .collect();
        if q.sort == SortOrder::Score && !tokens.is_empty() {
            hits.sort_by(|a, b| b.score.cmp(&a.score).then(a.entry.cmp(&b.entry)));
        }
        hits
    }

    /// Every token must match the entry's haystack well enough: at least 16 points a character, which
    /// a contiguous or word-initial match reaches and a scatter of letters across unrelated words
    /// ("ш…о…с" in "решений … ООН … с") does not.
    fn text_match(&self, i: usize, tokens: &[String]) -> Option<Hit> {
        let e = &self.entries[i];
        let mut score = 0;
        let mut title_matches = Vec::new();
        let title: String = e.haystack.chars().take(e.title_chars).collect();
        for t in tokens {
            let s = self.matcher.fuzzy_match(&e.haystack, t)?;
            if s < 16 * t.chars().count() as i64 {
                return None;
            }
            score += s;
            // Highlight in the title where the title alone matches well; the best alignment over
            // the whole haystack may lie in the names after it.
            if let Some((ts, idx)) = self.matcher.fuzzy_indices(&title, t) {
                if ts >= 16 * t.chars().count() as i64 {
                    title_matches.extend(idx);
                }
            }
        }
        title_matches.sort_unstable();
        title_matches.dedup();
        Some(Hit { entry: i, score, title_matches })
    }

    /// Entries allowed by the facet filters: OR within countries, OR within bodies, AND across.
    fn facet_candidates(&self, q: &Query) -> Vec<usize> {
        let union = |index: &BTreeMap<String, Vec<usize>>, keys: &std::collections::BTreeSet<String>| {
            let mut v: Vec<usize> = keys.iter().filter_map(|k| index.get(k)).flatten().copied().collect();
            v.sort_unstable();
            v.dedup();
            v
        };
        let mut sets: Vec<Vec<usize>> = Vec::new();
        if !q.countries.is_empty() {
            sets.push(union(&self.by_country, &q.countries));
        }
        if !q.bodies.is_empty() {
            sets.push(union(&self.by_body, &q.bodies));
        }
        match sets.len() {
            0 => (0..self.entries.len()).collect(),
            1 => sets.pop().unwrap_or_default(),
            _ => {
                let other: std::collections::HashSet<usize> = sets[1].iter().copied().collect();
                sets[0].iter().copied().filter(|i| other.contains(i)).collect()
            }
        }
    }
}

fn facet(index: &BTreeMap<String, Vec<usize>>, name: impl Fn(&str) -> String) -> Vec<FacetCount> {
    let mut v: Vec<FacetCount> =
        index.iter().map(|(k, ids)| FacetCount { code: k.clone(), name: name(k), count: ids.len() }).collect();
    v.sort_by(|a, b| b.count.cmp(&a.count).then(a.code.cmp(&b.code)));
    v
}

#[cfg(test)]
mod tests;
