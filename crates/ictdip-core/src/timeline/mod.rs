//! The events in time order, indexed by country and by body, and the one query API both the
//! dashboard and the CLI use: facets (countries, bodies), dates and fuzzy text.

pub mod fulltext;
mod query;
mod text;

use crate::lexicon::{fold, FastMap};
use crate::load::ArticleRef;
use crate::model::{BodyId, CountryId, Event, EventDate, FactKind};
use crate::registry::Lang;
pub use crate::registry::{Facet, Registry};
pub use query::{Query, SortOrder};
use rayon::prelude::*;
use std::borrow::Cow;
use std::collections::BTreeMap;
use text::{char_mask, char_mask_of, TextMatch, TextMatcher, Token};

/// A place in the timeline: which event stands there, and what every query asks of it, kept
/// beside it so that a keystroke does not reach into the events.
struct Entry {
    /// Index into [`Timeline::events`].
    event: usize,
    /// Index into [`Timeline::articles`].
    article: usize,
    date: Option<EventDate>,
}

/// Every entry's haystack (see [`haystack_parts`]) in one buffer, in entry order, with the
/// character masks beside it: a keystroke scans contiguous memory instead of chasing a pointer per
/// event. Built the first time a query has text to match, or when asked
/// ([`Timeline::prepare_search`]): folding every event's facts is most of a timeline's making, and
/// `stats` never searches.
struct Haystacks {
    text: String,
    /// Start of each entry's haystack in `text`; one more at the end.
    starts: Vec<usize>,
    masks: Vec<u128>,
    /// Each entry's [`text::initials_mask`] and [`text::word_beginnings`].
    initials: Vec<(u128, u128)>,
}

impl Haystacks {
    fn haystack(&self, i: usize) -> &str {
        &self.text[self.starts[i]..self.starts[i + 1]]
    }

    /// Folds each entry's haystack straight into its place in one buffer, on all cores: making
    /// them apart and copying them in took twice the memory, all of it fresh pages.
    fn build(events: &[Event], entries: &[Entry]) -> Haystacks {
        let lens: Vec<usize> = entries
            .par_iter()
            .map(|e| {
                let (title, parts) = haystack_parts(&events[e.event]);
                joined_len(title, &parts)
            })
            .collect();
        let mut text = vec![0u8; lens.iter().sum()];
        let mut slots: Vec<&mut [u8]> = Vec::with_capacity(lens.len());
        let mut rest = text.as_mut_slice();
        for &len in &lens {
            let (slot, after) = rest.split_at_mut(len);
            slots.push(slot);
            rest = after;
        }
        let (masks, initials): (Vec<u128>, Vec<(u128, u128)>) = slots
            .into_par_iter()
            .zip(entries.par_iter())
            .map(|(slot, e)| {
                let (title, parts) = haystack_parts(&events[e.event]);
                let joined = joined(title, &parts);
                crate::lexicon::fold_into(&joined, slot);
                let folded = joined.chars().map(crate::lexicon::fold_char);
                let starts = (text::initials_mask_of(folded.clone()), text::word_beginnings_of(folded.clone()));
                (char_mask_of(folded), starts)
            })
            .unzip();
        // Folded UTF-8 text, laid end to end: UTF-8, as the check confirms.
        let text = ictdip_scan::utf8_string(text).unwrap_or_else(|text| String::from_utf8_lossy(&text).into_owned());
        let mut starts = Vec::with_capacity(lens.len() + 1);
        let mut at = 0;
        for len in lens {
            starts.push(at);
            at += len;
        }
        starts.push(at);
        Haystacks { text, starts, masks, initials }
    }
}

/// Each entry's countries and bodies (indexes into [`FacetNames`]), flattened in entry order.
#[derive(Default)]
struct EntryFacets {
    facets: Vec<u32>,
    /// Start of each entry's facets in `facets`; one more at the end.
    starts: Vec<usize>,
}

impl EntryFacets {
    fn of(&self, i: usize) -> &[u32] {
        &self.facets[self.starts[i]..self.starts[i + 1]]
    }
}

/// One row of a query's answer. Highlights are not computed here but for visible rows only
/// ([`Timeline::title_highlights`]), so a keystroke costs one pass of cheap tests.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hit {
    /// Index into the timeline's entries (its events in date order).
    pub entry: usize,
    pub score: i64,
}

/// A facet whose values the events hold themselves rather than the timeline's indexes: who is
/// named, what about, what kind of gathering. Counted on demand, for the dashboard's third pane.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EventFacet {
    People,
    Topics,
    Kinds,
}

impl EventFacet {
    pub const ALL: [EventFacet; 3] = [EventFacet::People, EventFacet::Topics, EventFacet::Kinds];

    pub fn name(self) -> &'static str {
        match self {
            EventFacet::People => "People",
            EventFacet::Topics => "Topics",
            EventFacet::Kinds => "Kinds",
        }
    }
}

/// Each entry's people, topics and kind as small numbers, made the first time they are counted
/// (a load that never shows them never pays for them).
struct EventValues {
    /// Every distinct person's name, then every topic, then every kind: one numbering for all.
    names: Vec<(EventFacet, String)>,
    /// Each entry's values (indexes into `names`), flattened in entry order.
    values: EntryFacets,
}

impl EventValues {
    fn build(events: &[Event], entries: &[Entry]) -> EventValues {
        let mut numbers: FastMap<(EventFacet, &str), u32> = FastMap::default();
        let mut names: Vec<(EventFacet, String)> = Vec::new();
        let mut values = EntryFacets { facets: Vec::new(), starts: Vec::with_capacity(entries.len() + 1) };
        for entry in entries {
            let e = &events[entry.event];
            let start = values.facets.len();
            values.starts.push(start);
            let people = e.people.iter().map(|p| (EventFacet::People, p.name.as_str()));
            let topics = e.topics.iter().map(|t| (EventFacet::Topics, t.as_str()));
            for key in people.chain(topics).chain([(EventFacet::Kinds, e.kind.as_str())]) {
                let n = *numbers.entry(key).or_insert_with(|| {
                    names.push((key.0, key.1.to_string()));
                    names.len() as u32 - 1
                });
                if !values.facets[start..].contains(&n) {
                    values.facets.push(n);
                }
            }
        }
        values.starts.push(values.facets.len());
        EventValues { names, values }
    }
}

/// A facet value with the number of events that have it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FacetCount {
    pub facet: Facet,
    /// How the panes name it ([`Registry::label`]).
    pub name: String,
    /// Events with it: as a participant, or also as a mention when mentions are asked for.
    pub count: usize,
    /// Of `count`, the events that only mention it.
    pub mentioned: usize,
}

pub struct Timeline {
    pub articles: Vec<ArticleRef>,
    /// The events in the order they were loaded. They stay where the loader put them: moving them
    /// into date order is serial work on one core, most of it the kernel clearing fresh pages for
    /// the copy.
    events: Vec<Event>,
    /// The timeline order: by date, undated events last.
    entries: Vec<Entry>,
    by_country: BTreeMap<CountryId, Vec<usize>>,
    by_body: BTreeMap<BodyId, Vec<usize>>,
    /// Entries whose article names a country or body without its taking part (few: kept apart
    /// from the facet ids, which the filter's hot path reads).
    mentioned_country: BTreeMap<CountryId, Vec<usize>>,
    mentioned_body: BTreeMap<BodyId, Vec<usize>>,
    facets: EntryFacets,
    haystacks: std::sync::OnceLock<Haystacks>,
    event_values: std::sync::OnceLock<EventValues>,
    facet_names: FacetNames,
    matcher: TextMatcher,
    /// The body index, once built ([`Timeline::set_fulltext`]); quoted tokens need it.
    fulltext: Option<fulltext::FullText>,
    registry: Registry,
}

/// Below this many candidates, scoring on one thread is quicker than splitting the work.
const PARALLEL_FROM: usize = 4096;

/// The text an event's own facts give the filter, folded, is its haystack: title, people, places
/// (the `GeoNames` name and the text's own spelling, "Карамае", so a Russian query finds it),
/// and the people's names in Latin letters, joined. Country and body names are matched once per
/// query in [`FacetNames`], not stored with every event. This gives the title and the other
/// pieces.
fn haystack_parts(event: &Event) -> (&str, Vec<Cow<'_, str>>) {
    let title = event.title.as_deref().unwrap_or(&event.file);
    let mut written: Vec<&str> =
        event.evidence.iter().filter(|e| e.kind == FactKind::Place).map(|e| e.text.as_str()).collect();
    written.sort_unstable();
    written.dedup();
    let city = event.place.as_ref().and_then(|p| p.city.as_deref());
    let people = event.people.iter().map(|p| p.name.as_str());
    let mut parts: Vec<Cow<str>> = people.chain(city).chain(written).map(Cow::Borrowed).collect();
    // The people's names in Latin letters too, for a query typed in Latin ("shermatov").
    parts.extend(event.people.iter().filter_map(|p| crate::lexicon::translit::latin(&fold(&p.name))).map(Cow::Owned));
    (title, parts)
}

const PART_SEPARATOR: &str = " · ";

/// The haystack before folding (which keeps its length).
fn joined(title: &str, parts: &[Cow<str>]) -> String {
    let mut joined = String::with_capacity(joined_len(title, parts));
    joined.push_str(title);
    for part in parts {
        joined.push_str(PART_SEPARATOR);
        joined.push_str(part);
    }
    joined
}

fn joined_len(title: &str, parts: &[Cow<str>]) -> usize {
    title.len() + parts.iter().map(|p| PART_SEPARATOR.len() + p.len()).sum::<usize>()
}

/// The names of every country and body in the timeline (code, Russian and English names,
/// abbreviations), folded, in one table that events point into.
#[derive(Default)]
struct FacetNames {
    /// Each facet value to its index into `names`.
    ids: FastMap<Facet, u32>,
    /// Each index's facet value, the other way round.
    keys: Vec<Facet>,
    names: Vec<(String, u128)>,
}

impl FacetNames {
    /// The table for every country and body the events name, numbered in sorted order. There are
    /// a few hundred; the events are read on all cores, since their lists lie scattered over the
    /// heap.
    fn of(registry: Registry, events: &[Event]) -> FacetNames {
        type Seen = std::collections::BTreeSet<Facet>;
        let seen: Seen = events
            .par_iter()
            .fold(Seen::default, |mut seen, e| {
                seen.extend(e.countries.iter().copied().map(Facet::Country));
                seen.extend(e.orgs.iter().copied().map(Facet::Body));
                seen
            })
            .reduce(Seen::default, |mut a, b| {
                a.extend(b);
                a
            });
        let mut names = FacetNames::default();
        for facet in seen {
            let folded = fold(&registry.all_names(facet));
            names.names.push((folded.clone(), char_mask(&folded)));
            names.ids.insert(facet, names.names.len() as u32 - 1);
            names.keys.push(facet);
        }
        names
    }

    /// An event's countries, then its bodies, as indexes into `names`.
    fn ids_of(&self, event: &Event) -> Vec<u32> {
        let countries = event.countries.iter().map(|&c| Facet::Country(c));
        countries.chain(event.orgs.iter().map(|&b| Facet::Body(b))).filter_map(|f| self.ids.get(&f)).copied().collect()
    }

    /// For each name, whether the token matches it.
    fn matching(&self, m: &TextMatcher, t: &Token) -> Vec<bool> {
        self.names.iter().map(|(n, mask)| m.matches(|| n.as_str(), *mask, t)).collect()
    }
}

/// Each event's article (an index into `articles`, or `usize::MAX` for none). The loader puts an
/// article's events right after the previous article's, so one pass matches them, comparing each
/// event's file with the article at hand or the next; anything else is looked up by name.
fn article_of_each(articles: &[ArticleRef], events: &[Event]) -> Vec<usize> {
    let mut out = Vec::with_capacity(events.len());
    let mut at = 0;
    for e in events {
        let is = |i: usize| articles.get(i).is_some_and(|a| a.rel == e.file);
        if !is(at) {
            if !is(at + 1) {
                let index: FastMap<&str, usize> =
                    articles.iter().enumerate().map(|(i, a)| (a.rel.as_str(), i)).collect();
                return events.iter().map(|e| index.get(e.file.as_str()).copied().unwrap_or(usize::MAX)).collect();
            }
            at += 1;
        }
        out.push(at);
    }
    out
}

/// The entries taking part with each country and each body, in entry order.
type ByFacet = (BTreeMap<CountryId, Vec<usize>>, BTreeMap<BodyId, Vec<usize>>);

/// The entries each country and body takes part in, from the entries' facet numbers.
fn entries_by_facet(keys: &[Facet], facets: &EntryFacets, entries: usize) -> ByFacet {
    let mut by_facet: Vec<Vec<usize>> = vec![Vec::new(); keys.len()];
    for i in 0..entries {
        for &f in facets.of(i) {
            by_facet[f as usize].push(i);
        }
    }
    let (mut by_country, mut by_body) = ByFacet::default();
    for (&facet, list) in keys.iter().zip(by_facet) {
        if list.is_empty() {
            continue;
        }
        match facet {
            Facet::Country(c) => by_country.insert(c, list),
            Facet::Body(b) => by_body.insert(b, list),
        };
    }
    (by_country, by_body)
}

/// The entries whose article names each country and body without its taking part.
fn entries_mentioning(events: &[Event], entries: &[Entry]) -> ByFacet {
    let (mut countries, mut bodies) = ByFacet::default();
    for (i, entry) in entries.iter().enumerate() {
        let m = &events[entry.event].mentioned;
        for &c in &m.countries {
            countries.entry(c).or_insert_with(Vec::new).push(i);
        }
        for &b in &m.orgs {
            bodies.entry(b).or_insert_with(Vec::new).push(i);
        }
    }
    (countries, bodies)
}

/// Where an event goes in the timeline: dated events first, by date, then by article, each
/// article's primary event before the others.
type OrderKey<'e> = (bool, Option<(i32, u32, u32)>, &'e str, bool);

/// What the timeline keeps of an event besides the event: made on all cores.
struct Prepared {
    facets: Vec<u32>,
    article: usize,
}

impl Timeline {
    pub fn new(articles: Vec<ArticleRef>, events: Vec<Event>) -> Timeline {
        let registry = Registry::embedded();
        let article_of = article_of_each(&articles, &events);
        let facet_names = FacetNames::of(registry, &events);
        // Every event's strings lie apart on the heap: read on all cores.
        let prepared: Vec<Prepared> = events
            .par_iter()
            .zip(article_of)
            .map(|(event, article)| Prepared { facets: facet_names.ids_of(event), article })
            .collect();
        // Indexes are sorted, not events: an event is hundreds of bytes to move. The keys are laid
        // out side by side first, so that comparisons do not chase every event across the heap;
        // the index ends each key, which makes the order the one a stable sort by date would give.
        let mut keyed: Vec<(OrderKey, usize)> = events
            .par_iter()
            .enumerate()
            .map(|(i, e)| ((e.date.is_none(), e.date.map(|d| d.sort_key()), e.file.as_str(), !e.primary), i))
            .collect();
        keyed.par_sort_unstable();
        let order: Vec<usize> = keyed.into_iter().map(|(_, i)| i).collect();

        // Laid out in timeline order on all cores: over a large archive a loop on one thread spent
        // most of its time waiting for memory (each event's strings lie elsewhere on the heap).
        let entries: Vec<Entry> = order
            .par_iter()
            .map(|&from| {
                let p = &prepared[from];
                Entry { event: from, article: p.article, date: events[from].date }
            })
            .collect();
        let mut facets = EntryFacets {
            facets: order.par_iter().flat_map_iter(|&from| prepared[from].facets.iter().copied()).collect(),
            starts: Vec::with_capacity(order.len() + 1),
        };
        let mut at = 0;
        for &from in &order {
            facets.starts.push(at);
            at += prepared[from].facets.len();
        }
        facets.starts.push(at);
        let (by_country, by_body) = entries_by_facet(&facet_names.keys, &facets, entries.len());
        let (mentioned_country, mentioned_body) = entries_mentioning(&events, &entries);
        Timeline {
            articles,
            events,
            entries,
            by_country,
            by_body,
            mentioned_country,
            mentioned_body,
            facets,
            haystacks: std::sync::OnceLock::new(),
            event_values: std::sync::OnceLock::new(),
            facet_names,
            matcher: TextMatcher::default(),
            fulltext: None,
            registry,
        }
    }

    /// The countries and bodies the events are numbered by, with their names.
    pub fn registry(&self) -> &Registry {
        &self.registry
    }

    /// Builds the haystacks the text filter searches, if they are not built yet. The dashboard
    /// does it on its loading thread, so that the first keystroke does not wait for it.
    pub fn prepare_search(&self) {
        self.haystacks();
    }

    fn haystacks(&self) -> &Haystacks {
        self.haystacks.get_or_init(|| Haystacks::build(&self.events, &self.entries))
    }

    /// The event at a place in the timeline.
    pub fn event(&self, entry: usize) -> &Event {
        &self.events[self.entries[entry].event]
    }

    /// Every event, in timeline order.
    pub fn events(&self) -> impl Iterator<Item = &Event> {
        self.entries.iter().map(|e| &self.events[e.event])
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The article an entry came from.
    pub fn article(&self, entry: usize) -> Option<&ArticleRef> {
        self.articles.get(self.entries[entry].article)
    }

    /// Index into [`Timeline::articles`] of an entry's article.
    pub fn article_index(&self, entry: usize) -> usize {
        self.entries[entry].article
    }

    /// Takes in the body index; until then, quoted tokens match nothing.
    pub fn set_fulltext(&mut self, index: fulltext::FullText) {
        self.fulltext = Some(index);
    }

    pub fn has_fulltext(&self) -> bool {
        self.fulltext.is_some()
    }

    /// Builds the body index here and now (the CLI, when a filter has a quoted token).
    pub fn build_fulltext(&mut self, opts: &crate::load::LoadOptions) {
        let done = std::sync::atomic::AtomicUsize::new(0);
        self.fulltext = Some(fulltext::FullText::build(&self.articles, opts, &done));
    }

    /// Countries with the number of events they take part in, most events first (then by code).
    pub fn countries(&self) -> Vec<FacetCount> {
        self.countries_with(false)
    }

    /// Bodies with the number of events they take part in, most events first (then by ID).
    pub fn bodies(&self) -> Vec<FacetCount> {
        self.bodies_with(false)
    }

    /// Like [`Timeline::countries`], counting the events that only mention a country too when
    /// `mentions` is set.
    pub fn countries_with(&self, mentions: bool) -> Vec<FacetCount> {
        let extra = mentions.then_some(&self.mentioned_country);
        self.facet(&self.by_country, extra, Facet::Country)
    }

    /// Like [`Timeline::bodies`], counting the events that only mention a body too when
    /// `mentions` is set.
    pub fn bodies_with(&self, mentions: bool) -> Vec<FacetCount> {
        let extra = mentions.then_some(&self.mentioned_body);
        self.facet(&self.by_body, extra, Facet::Body)
    }

    /// Countries and bodies counted over the events of an answer (what a filter shows), as
    /// [`Timeline::countries_with`] and [`Timeline::bodies_with`] count them over every event:
    /// the panes follow the filter. One pass over the answer's facets, which the filter reads
    /// anyway, so it keeps to a keystroke's time.
    pub fn facets_within(&self, hits: &[Hit], mentions: bool) -> (Vec<FacetCount>, Vec<FacetCount>) {
        let mut counts = vec![0usize; self.facet_names.keys.len()];
        for h in hits {
            for &f in self.facets.of(h.entry) {
                counts[f as usize] += 1;
            }
        }
        let mut all: Vec<FacetCount> = self
            .facet_names
            .keys
            .iter()
            .zip(counts)
            .filter(|(_, count)| *count > 0)
            .map(|(&facet, count)| FacetCount { facet, name: String::new(), count, mentioned: 0 })
            .collect();
        if mentions {
            // Mentions are few: looked up in the answer as a set.
            let mut in_answer = vec![false; self.entries.len()];
            for h in hits {
                in_answer[h.entry] = true;
            }
            let only_mentioned = |taking_part: Option<&Vec<usize>>, entries: &[usize]| {
                entries
                    .iter()
                    .filter(|&&e| in_answer[e] && taking_part.is_none_or(|t| t.binary_search(&e).is_err()))
                    .count()
            };
            let countries = self
                .mentioned_country
                .iter()
                .map(|(c, entries)| (Facet::Country(*c), only_mentioned(self.by_country.get(c), entries)));
            let bodies = self
                .mentioned_body
                .iter()
                .map(|(b, entries)| (Facet::Body(*b), only_mentioned(self.by_body.get(b), entries)));
            for (facet, only) in countries.chain(bodies).filter(|(_, only)| *only > 0).collect::<Vec<_>>() {
                add_mentions(&mut all, facet, only);
            }
        }
        for f in &mut all {
            f.name = self.registry.label(f.facet, Lang::Ru);
        }
        let (mut countries, mut bodies): (Vec<FacetCount>, Vec<FacetCount>) =
            all.into_iter().partition(|f| matches!(f.facet, Facet::Country(_)));
        for v in [&mut countries, &mut bodies] {
            v.sort_by(|a, b| b.count.cmp(&a.count).then(a.facet.cmp(&b.facet)));
        }
        (countries, bodies)
    }

    /// The values of `facet` among the events of `hits` (people's names, topics, kinds), each
    /// with the number of those events that have it, most first (then by value).
    pub fn event_facet_within(&self, hits: &[Hit], facet: EventFacet) -> Vec<(String, usize)> {
        let ev = self.event_values.get_or_init(|| EventValues::build(&self.events, &self.entries));
        let mut counts = vec![0usize; ev.names.len()];
        for h in hits {
            for &v in ev.values.of(h.entry) {
                counts[v as usize] += 1;
            }
        }
        let mut out: Vec<(String, usize)> = ev
            .names
            .iter()
            .zip(counts)
            .filter(|((f, _), count)| *f == facet && *count > 0)
            .map(|((_, name), count)| (name.clone(), count))
            .collect();
        out.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        out
    }

    /// The entries that satisfy `q`, in the order it asks for.
    pub fn query(&self, q: &Query) -> Vec<Hit> {
        self.answer(q, self.facet_candidates(q))
    }

    /// Like [`Timeline::query`] when `q` only narrows `previous_query` (the filter line grew):
    /// only the previous answer is searched again.
    pub fn refine(&self, previous_query: &Query, previous: &[Hit], q: &Query) -> Vec<Hit> {
        if q.narrows(previous_query) {
            let mut candidates: Vec<usize> = previous.iter().map(|h| h.entry).collect();
            candidates.sort_unstable();
            self.answer(q, candidates)
        } else {
            self.query(q)
        }
    }

    fn answer(&self, q: &Query, mut candidates: Vec<usize>) -> Vec<Hit> {
        if !q.phrases.is_empty() {
            // Every quoted prefix must occur in the article's title or body.
            let mut allowed: Option<Vec<u32>> = None;
            for p in &q.phrases {
                let found = self.fulltext.as_ref().map(|ft| ft.articles_with_prefix(p)).unwrap_or_default();
                allowed = Some(match allowed {
                    None => found,
                    Some(prev) => prev.into_iter().filter(|a| found.binary_search(a).is_ok()).collect(),
                });
            }
            let allowed = allowed.unwrap_or_default();
            candidates.retain(|&i| allowed.binary_search(&(self.entries[i].article as u32)).is_ok());
        }
        let tokens: Vec<Token> = q.tokens().into_iter().map(Token::new).collect();
        let facet_match: Vec<Vec<bool>> = tokens.iter().map(|t| self.facet_names.matching(&self.matcher, t)).collect();
        let any_facet: Vec<bool> = facet_match.iter().map(|fm| fm.contains(&true)).collect();
        let search = if tokens.is_empty() { None } else { Some(self.haystacks()) };
        let dated = q.from.is_some() || q.to.is_some();
        let by_event = q.asks_of_events();
        let check = |&i: &usize| {
            if dated && !q.accepts_date(self.entries[i].date) {
                return None;
            }
            if by_event && !q.accepts_event(self.event(i)) {
                return None;
            }
            let mut score = 0;
            if let Some(search) = search {
                let (mask, (initials, beginnings)) = (search.masks[i], search.initials[i]);
                for (k, t) in tokens.iter().enumerate() {
                    let text = self.matcher.text_match(|| search.haystack(i), mask, initials, beginnings, t);
                    if text.is_none()
                        && !(any_facet[k] && self.facets.of(i).iter().any(|&f| facet_match[k][f as usize]))
                    {
                        return None;
                    }
                    if q.sort == SortOrder::Score {
                        // A substring match scores the same in every haystack: no need to read it
                        // again.
                        score += match text {
                            Some(TextMatch::Substring) => t.substring_score(),
                            _ => self.matcher.score(search.haystack(i), t),
                        };
                    }
                }
            }
            Some(Hit { entry: i, score })
        };
        let mut hits: Vec<Hit> = if candidates.len() >= PARALLEL_FROM && !tokens.is_empty() {
            candidates.par_iter().filter_map(check).collect()
        } else {
            candidates.iter().filter_map(check).collect()
        };
        for excluded in &q.excluded {
            let mut out: Vec<usize> = self.query(excluded).into_iter().map(|h| h.entry).collect();
            out.sort_unstable();
            hits.retain(|h| out.binary_search(&h.entry).is_err());
        }
        if q.sort == SortOrder::NewestFirst {
            // The answer is in timeline order, whose events with a year come first.
            let with_year =
                hits.partition_point(|h| self.entries[h.entry].date.is_some_and(|d| d.known_year().is_some()));
            hits[..with_year].reverse();
        }
        // When every hit scores alike (short tokens matched as substrings) and stands in timeline
        // order, the answer is already in the order the sort would give.
        let settled = hits.windows(2).all(|w| w[0].score == w[1].score && w[0].entry < w[1].entry);
        if q.sort == SortOrder::Score && !tokens.is_empty() && !settled {
            // Entries are unique, so an unstable sort gives the one order; on all cores, for a short
            // query that half of a large archive matches.
            let by_score = |a: &Hit, b: &Hit| b.score.cmp(&a.score).then(a.entry.cmp(&b.entry));
            if hits.len() >= PARALLEL_FROM {
                hits.par_sort_unstable_by(by_score);
            } else {
                hits.sort_unstable_by(by_score);
            }
        }
        hits
    }

    /// Character positions in an entry's title that the query's text matches.
    pub fn title_highlights(&self, entry: usize, q: &Query) -> Vec<usize> {
        let tokens: Vec<Token> = q.tokens().into_iter().map(Token::new).collect();
        if tokens.is_empty() {
            return Vec::new();
        }
        // The haystack opens with the title, folded (which keeps its characters' count). Counted
        // here, for the few rows on screen, rather than for every event when the timeline is made.
        let e = self.event(entry);
        let title_chars = e.title.as_deref().unwrap_or(&e.file).chars().count();
        let title: String = self.haystacks().haystack(entry).chars().take(title_chars).collect();
        self.matcher.highlights(&title, &tokens)
    }

    /// Entries allowed by the facet filters: OR within countries, OR within bodies, AND across.
    fn facet_candidates(&self, q: &Query) -> Vec<usize> {
        /// The entries that have any of `keys`, or only mention one when `mentions` is set.
        fn having_any<K: Ord>(
            keys: &std::collections::BTreeSet<K>,
            index: &BTreeMap<K, Vec<usize>>,
            mentioned: Option<&BTreeMap<K, Vec<usize>>>,
        ) -> Vec<usize> {
            let mut v: Vec<usize> = [Some(index), mentioned]
                .into_iter()
                .flatten()
                .flat_map(|i| keys.iter().filter_map(|k| i.get(k)))
                .flatten()
                .copied()
                .collect();
            v.sort_unstable();
            v.dedup();
            v
        }
        let mut sets: Vec<Vec<usize>> = Vec::new();
        if let Some(countries) = &q.countries {
            sets.push(having_any(countries, &self.by_country, q.mentions.then_some(&self.mentioned_country)));
        }
        if let Some(bodies) = &q.bodies {
            sets.push(having_any(bodies, &self.by_body, q.mentions.then_some(&self.mentioned_body)));
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

impl Timeline {
    /// The counts of a facet's values over `index`, and over `mentioned` too when it is given (an
    /// entry counted once, however it names the value).
    fn facet<K: Ord + Copy>(
        &self,
        index: &BTreeMap<K, Vec<usize>>,
        mentioned: Option<&BTreeMap<K, Vec<usize>>>,
        facet: impl Fn(K) -> Facet,
    ) -> Vec<FacetCount> {
        let mut v: Vec<FacetCount> = index
            .iter()
            .map(|(&k, ids)| FacetCount { facet: facet(k), name: String::new(), count: ids.len(), mentioned: 0 })
            .collect();
        for (k, ids) in mentioned.into_iter().flatten() {
            let only: usize = match index.get(k) {
                Some(taking_part) => ids.iter().filter(|i| taking_part.binary_search(i).is_err()).count(),
                None => ids.len(),
            };
            if only > 0 {
                add_mentions(&mut v, facet(*k), only);
            }
        }
        for f in &mut v {
            f.name = self.registry.label(f.facet, Lang::Ru);
        }
        v.sort_by(|a, b| b.count.cmp(&a.count).then(a.facet.cmp(&b.facet)));
        v
    }
}

/// Counts `only` events that only mention `facet` into its row, which is added if it has none.
fn add_mentions(counts: &mut Vec<FacetCount>, facet: Facet, only: usize) {
    match counts.iter_mut().find(|f| f.facet == facet) {
        Some(f) => {
            f.count += only;
            f.mentioned = only;
        }
        None => counts.push(FacetCount { facet, name: String::new(), count: only, mentioned: only }),
    }
}

#[cfg(test)]
mod tests;
