//! Article to events. Pure: text and structure in, facts with their spans out; no I/O, and no
//! state beyond the tables built once from `assets/`.
//!
//! The steps, each in its own module:
//! 1. names (`gazetteer`): countries, bodies, cities, regions, one lookup per word;
//! 2. dates (`dates`) and event cues (`phrases`, from `assets/cues.tsv`) per sentence;
//! 3. the event date: the first date in a sentence that reports a gathering, else one in a
//!    sentence that reports words said, else the publication date for a same-day report;
//! 4. the place: a city in the event's sentence before its verb or just after it, else a visited
//!    or hosting country, else the country the article names most;
//! 5. people (`people`), kind and topics (`phrases`, from `assets/kinds.tsv` and `topics.tsv`).

mod dates;
pub(crate) mod gazetteer;
mod names;
mod people;
mod people_en;
mod phrases;

use crate::lexicon::assets::{tsv_rows, CUES, KINDS, TOPICS};
use crate::lexicon::{sentences_into, FastMap, Words};
use crate::load::Article;
use crate::model::{
    BodyId, CountryId, DateSource, Event, EventDate, Evidence, FactKind, Kind, Mentioned, Person, Place, PlaceSource,
    ShortText, Span,
};
use compact_str::ToCompactString;
use dates::DateMention;
use gazetteer::{Gazetteer, Hit, Target};
use phrases::PhraseSet;
use std::sync::OnceLock;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Cue {
    Gathering,
    Speech,
}

/// What a phrase from the word lexicons says.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Phrase {
    Cue(Cue),
    Kind(Kind, u32),
    Topic(&'static str),
}

/// Event cues, kinds and topics in one lexicon: one pass over an article's words finds all three.
fn lexicons() -> &'static PhraseSet<Phrase> {
    static L: OnceLock<PhraseSet<Phrase>> = OnceLock::new();
    L.get_or_init(|| {
        let cues = tsv_rows(CUES).map(|r| {
            let cue = if r[0] == "speech" { Cue::Speech } else { Cue::Gathering };
            (Phrase::Cue(cue), r[1].to_string())
        });
        let kinds = tsv_rows(KINDS)
            .filter_map(|r| Some((Phrase::Kind(Kind::parse(r[0])?, r[1].parse().unwrap_or(1)), r.get(2)?.to_string())));
        let topics = tsv_rows(TOPICS).map(|r| (Phrase::Topic(r[0]), r[1].to_string()));
        PhraseSet::new(cues.chain(kinds).chain(topics))
    })
}

/// Builds every table the extractor uses, so the first article does not pay for it.
/// Every topic an event can have, in the order of `assets/topics.tsv`, each once.
pub fn topic_names() -> impl Iterator<Item = &'static str> {
    let mut seen: Vec<&'static str> = Vec::new();
    for row in tsv_rows(TOPICS) {
        if !seen.contains(&row[0]) {
            seen.push(row[0]);
        }
    }
    seen.into_iter()
}

pub fn warm_up() {
    Gazetteer::get();
    lexicons();
    let _ = extract(&Article::from_text("warm-up", "Заголовок\n1 июня в Баку прошла встреча ШОС."));
}

/// Everything found in one article, before it is shaped into events.
struct Facts<'a> {
    text: &'a str,
    folded: &'a str,
    sentences: Vec<Span>,
    hits: Vec<Hit>,
    /// In order of their start (see `Facts::cues_in`).
    cues: Vec<(Cue, Span)>,
    kinds: Vec<((Kind, u32), Span)>,
    topics: Vec<(&'static str, Span)>,
    dates: Vec<DateMention>,
    /// The publication date as the page gives it (maybe without a year).
    stamp: Option<EventDate>,
    /// True when that date is a dateline's ("МИНСК, 29 сентября. /ТАСС/."): a hard-news item,
    /// which reports its own day.
    stamp_is_dateline: bool,
    /// The date year-less mentions are read against: the stamp, its year completed from the
    /// text where the page gives none (see [`completed_publication`]).
    published: Option<EventDate>,
    attribution_openers: Vec<(usize, usize)>,
    /// What each sentence's words say of its time ([`TimeMarks`]), worked out when first asked:
    /// the rules ask of the same few sentences again and again.
    time_marks: Vec<std::cell::Cell<u8>>,
    /// The spans of quoted speech ([`quoted_speech`]), found when first asked: the kind and the
    /// bodies both ask, and most articles never need them.
    quotes: std::cell::OnceCell<Vec<Span>>,
}

/// Fixed phrases looked for in a sentence, all in one pass: a searcher per phrase read the
/// sentence once for each of them, and `str::contains` also builds its searcher at every call.
/// Leftmost matching lets the searcher use its vector prefilter (Teddy) for a few dozen phrases.
struct Phrases(aho_corasick::AhoCorasick);

impl Phrases {
    fn new(phrases: &[&'static str]) -> Phrases {
        let searcher = aho_corasick::AhoCorasick::builder()
            .match_kind(aho_corasick::MatchKind::LeftmostFirst)
            .build(phrases)
            .expect("fixed phrases build a searcher");
        Phrases(searcher)
    }

    /// True when any of the phrases occurs in `hay`.
    fn any_in(&self, hay: &str) -> bool {
        self.0.is_match(hay)
    }

    /// Where the first of the phrases found in `hay` ends.
    fn end_in(&self, hay: &str) -> Option<usize> {
        self.0.find(hay).map(|m| m.end())
    }
}

/// A static set of [`Phrases`], built at first use.
macro_rules! phrases {
    ($($p:expr),* $(,)?) => {{
        static P: OnceLock<Phrases> = OnceLock::new();
        P.get_or_init(|| Phrases::new(&[$($p),*]))
    }};
}

/// The marker of a fixed list that ends last in a stretch of text: `(where it starts, its
/// length)`. Some markers are looked for behind every name an article holds, so their reverse
/// searchers are built once, not at every call as `str::rfind` would.
macro_rules! last_marker {
    ($hay:expr, $($m:literal),+ $(,)?) => {{
        static F: OnceLock<Vec<memchr::memmem::FinderRev<'static>>> = OnceLock::new();
        let hay: &str = $hay;
        F.get_or_init(|| vec![$(memchr::memmem::FinderRev::new($m)),+])
            .iter()
            .filter_map(|f| f.rfind(hay.as_bytes()).map(|i| (i, f.needle().len())))
            .max_by_key(|&(i, len)| i + len)
    }};
}

/// Bits of [`Facts::time_marks`].
struct TimeMarks;

impl TimeMarks {
    const KNOWN: u8 = 1;
    const BACKGROUND: u8 = 2;
    const ANNOUNCES: u8 = 4;
    /// The sentence opens a paragraph of recall ("Напомним, ...", "As a reminder, ...").
    const RECALLS: u8 = 8;
}

impl Facts<'_> {
    /// The sentence holding byte `at` (sentences are in text order and do not overlap).
    fn sentence_of(&self, at: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.end <= at);
        self.sentences.get(i).filter(|s| s.contains(&at)).map(|_| i)
    }
    /// The cues inside a sentence. Cues are in order of their start, so the sentence's cues
    /// are found by a binary search: this is asked for every place name, and an article has
    /// dozens of cues.
    fn cues_in(&self, sentence: usize) -> impl Iterator<Item = &(Cue, Span)> {
        let s = self.sentences[sentence].clone();
        let first = self.cues.partition_point(|(_, c)| c.start < s.start);
        self.cues[first..].iter().take_while(move |(_, c)| c.start < s.end).filter(move |(_, c)| c.end <= s.end)
    }
    /// True when byte `at` stands inside quoted speech.
    fn quoted(&self, at: usize) -> bool {
        self.quotes.get_or_init(|| quoted_speech(self.text)).iter().any(|q| q.contains(&at))
    }
    fn has_cue(&self, sentence: usize, cue: Cue) -> bool {
        self.cues_in(sentence).any(|(c, _)| *c == cue)
    }
}

/// Which evidence an extraction keeps with its events.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EvidenceKept {
    /// Every span that produced a fact: `export` prints them.
    All,
    /// What stays with an event whose evidence is not printed, the places as written (see
    /// [`Event::take_printed_evidence`]): the events [`EvidenceKept::All`] gives after
    /// [`Event::drop_printed_evidence`], without making the rest first. An article's evidence is
    /// some twenty pieces of two strings each, made only to be dropped by loads that print none.
    Unprinted,
}

/// Evidence gathered as the facts are found, keeping only what is asked for.
struct EvidenceList<'a> {
    text: &'a str,
    keep: EvidenceKept,
    items: Vec<Evidence>,
}

impl<'a> EvidenceList<'a> {
    /// A list with room for `room` pieces when all are kept (few are otherwise).
    fn new(text: &'a str, keep: EvidenceKept, room: usize) -> Self {
        EvidenceList { text, keep, items: Vec::with_capacity(if keep == EvidenceKept::All { room } else { 0 }) }
    }

    /// Adds the evidence that `span` of the text gave a fact of `kind`; `value` is asked for only
    /// if the piece is kept.
    fn push(&mut self, kind: FactKind, span: Span, value: impl FnOnce() -> ShortText) {
        // Only places can stay unprinted; `finish` leaves out repeated ones.
        if self.keep == EvidenceKept::All || kind == FactKind::Place {
            self.items.push(Evidence::new(self.text, kind, span, value()));
        }
    }

    /// The evidence in text order.
    fn finish(mut self) -> Vec<Evidence> {
        self.items.sort_by_key(|e| (e.start, e.end));
        match self.keep {
            EvidenceKept::All => self.items,
            EvidenceKept::Unprinted => {
                let mut kept = Vec::new();
                for e in self.items {
                    if Evidence::kept_unprinted(&kept, &e) {
                        kept.push(e);
                    }
                }
                // Kept as long as the event: no room to spare.
                kept.shrink_to_fit();
                kept
            }
        }
    }
}

/// The primary event of an article and any secondary ones (other dated gatherings it reports),
/// with all their evidence.
pub fn extract(article: &Article) -> Vec<Event> {
    extract_keeping(article, EvidenceKept::All)
}

/// Like [`extract`], keeping the evidence `keep` asks for.
///
/// Long: an article's facts are found once (names, phrases, dates, sentences) and every field of
/// the event is derived from them here, in the order the fields depend on one another.
pub fn extract_keeping(article: &Article, keep: EvidenceKept) -> Vec<Event> {
    let g = Gazetteer::get();
    let lx = lexicons();
    let text = article.text.as_str();
    let folded = article.folded.as_str();
    let regions: Vec<Span> = article.structure.fact_regions().cloned().collect();
    let words = Words::new(folded, &regions);
    let hits: Vec<Hit> = g.find_in(text, folded, &regions, &words);
    // Room for what an article holds, so that these do not grow one region at a time.
    let mut sents = Vec::with_capacity(article.text.len() / 128 + 1);
    let mut cues = Vec::with_capacity(16);
    let mut kind_phrases = Vec::with_capacity(16);
    let mut topic_phrases = Vec::with_capacity(16);
    for (phrase, span) in lx.find(folded, &regions, &words) {
        match phrase {
            Phrase::Cue(c) => cues.push((c, span)),
            Phrase::Kind(k, w) => kind_phrases.push(((k, w), span)),
            Phrase::Topic(t) => topic_phrases.push((t, span)),
        }
    }
    for r in &regions {
        sentences_into(text, r.clone(), &mut sents);
    }
    let date_mentions = dates::find(folded, &regions, &words);
    let sents_len = sents.len();
    // In text order for `Facts::cues_in`; every use of the cues asks whether any is there, so
    // their order is otherwise free.
    cues.sort_by_key(|(_, s): &(Cue, Span)| s.start);
    let facts = Facts {
        text,
        folded,
        sentences: sents,
        hits,
        cues,
        kinds: kind_phrases,
        topics: topic_phrases,
        dates: date_mentions,
        stamp: article.structure.published.as_ref().map(|(d, _)| *d),
        stamp_is_dateline: article
            .structure
            .published
            .as_ref()
            .is_some_and(|(_, span)| article.structure.role_at(span.start) == crate::load::structure::Role::Dateline),
        published: completed_publication(article.structure.published.as_ref().map(|(d, _)| *d), text, folded, &regions),
        attribution_openers: attribution_openers(folded, &words),
        time_marks: vec![std::cell::Cell::new(0); sents_len],
        quotes: std::cell::OnceCell::new(),
    };

    let lead = lead_sentence(&facts, article.structure.title.as_ref());
    let title_sentence = article.structure.title.as_ref().and_then(|t| facts.sentence_of(t.start));
    let (date, anchor) = event_date(&facts, lead, title_sentence);
    let date = date.map(|d| year_from_the_same_day(&facts, d));
    let date_source = date.map(|_| date_source(&facts, article, anchor, date));
    // Dated by a lead that reports words said: a statement, whatever gatherings it speaks of,
    // unless the headline reports a visit (its lead told by an embassy or a ministry).
    let speech_lead = anchor.is_some()
        && anchor == lead
        && dated_speech_lead(&facts, lead).is_some()
        && !article.structure.title.as_ref().is_some_and(|t| visit_heads(&facts, t));
    let kind = if speech_lead { Kind::Statement } else { kind(&facts, article.structure.title.as_ref(), anchor) };
    let (place, place_source) = match place(&facts, date, anchor, title_sentence, kind, speech_lead) {
        // Held at a ministry the text does not tie to a state ("в Министерстве по развитию
        // информационных технологий прошла встреча с директором ... Эстонии"): the outlet's own
        // ministry, in the dateline's city, whatever guest the sentence names.
        Some((p, PlaceSource::Implied))
            if [anchor, lead].into_iter().flatten().any(|s| at_an_unnamed_ministry(&facts, s)) =>
        {
            match dateline_place(article) {
                Some(d) => (Some(d), Some(PlaceSource::Implied)),
                None => (Some(p), Some(PlaceSource::Implied)),
            }
        }
        Some((p, source)) => (Some(p), Some(source)),
        None => match dateline_place(article) {
            Some(p) => (Some(p), Some(PlaceSource::Dateline)),
            None => (None, None),
        },
    };
    let mut evidence = EvidenceList::new(text, keep, facts.hits.len() + 8);
    let head = [anchor, lead, title_sentence];
    let (mut countries, orgs, mentioned) = countries_and_bodies(&facts, date, head, &mut evidence);
    // A gathering whose text names no state but its venue ("в Казани прошло заседание
    // оргкомитета") is the host's: the venue's country takes part. Not from the dateline alone,
    // which says where the outlet filed from.
    if countries.is_empty()
        && kind != Kind::Statement
        && place_source.is_some_and(|s| s != PlaceSource::Dateline)
        && let Some(p) = &place
    {
        countries.push(p.country);
    }
    if let (Some(anchor), Some(d)) = (anchor, date) {
        if let Some(m) = facts
            .dates
            .iter()
            .find(|m| facts.sentence_of(m.span().start) == Some(anchor) && m.resolve(facts.published) == Some(d))
        {
            evidence.push(FactKind::Date, m.span().start..m.span().end, || d.to_compact_string());
        }
    } else if let (Some((d, span)), Some(_)) = (&article.structure.published, date) {
        evidence.push(FactKind::Date, span.start..span.end, || d.to_compact_string());
    }
    for h in &facts.hits {
        if let Target::City(c) = h.target {
            evidence.push(FactKind::Place, h.span.start..h.span.end, || ShortText::new(&g.cities[c as usize].name));
        }
    }
    let speech: Vec<Span> = facts.cues.iter().filter(|(c, _)| *c == Cue::Speech).map(|(_, s)| s.clone()).collect();
    let mut found_people = people::find(text, facts.folded, &article.capitals, &facts.sentences, &facts.hits, &speech);
    found_people.extend(people_en::find(text, &facts.sentences, &facts.hits));
    // Kept as long as the event: no room to spare.
    let mut persons = Vec::with_capacity(found_people.len());
    for p in found_people {
        evidence.push(FactKind::Person, p.span.start..p.span.end, || ShortText::new(&p.name));
        persons.push(Person { name: p.name, role: p.role, country: p.country.map(CountryId::from_number) });
    }
    let topics = topics(&facts);
    let title =
        article.structure.title.as_ref().map(|t| text[t.clone()].trim().to_string()).or_else(|| lead_as_title(&facts));

    let mut warnings = Vec::new();
    if date.is_none() {
        warnings.push("no event date found".to_string());
    }
    let primary = Event {
        id: event_id(&article.rel, 0),
        file: ShortText::new(&article.rel),
        primary: true,
        title,
        // Exported only when complete: a dateline may give day and month alone, and a page
        // that names its gathering with a year ("Kazan Digital Week 2026") completes them.
        published: facts.published.filter(|d| d.known_year().is_some() && d.known_day().is_some()),
        date,
        date_source,
        place,
        place_source,
        countries,
        orgs,
        mentioned,
        people: persons,
        kind,
        topics,
        warnings,
        evidence: evidence.finish(),
        url: article.url.clone(),
        site: article.site.clone(),
    };
    let mut events = vec![primary];
    secondary_events(&facts, anchor, keep, &mut events);
    events
}

/// `file#n`: the id of an article's `n`-th event.
fn event_id(file: &str, n: usize) -> ShortText {
    use std::fmt::Write;
    let mut id = ShortText::with_capacity(file.len() + 4);
    id.push_str(file);
    id.push('#');
    write!(id, "{n}").expect("writing to a string");
    id
}

/// For an article without a headline, its lead sentence (cut to about 120 characters) stands in.
fn lead_as_title(f: &Facts) -> Option<String> {
    Some(sentence_as_title(&f.text[f.sentences.first()?.clone()]))
}

/// A sentence as an event's title: trimmed, cut to about 120 characters at a space.
fn sentence_as_title(sentence: &str) -> String {
    let lead = sentence.trim().trim_end_matches('.');
    // Sentences of a thousand characters are met: the cut is found without counting them all.
    let Some((cut_at, _)) = lead.char_indices().nth(120) else { return lead.to_string() };
    let cut = &lead[..cut_at];
    let cut = cut.rsplit_once(' ').map_or(cut, |(a, _)| a);
    format!("{cut}…")
}

/// The publication date to read year-less dates against. A page that prints no year ("20 АПР,
/// 10:32", "ТБИЛИСИ, 20 апреля. /ТАСС/.") or no stamp at all often names its year elsewhere: in
/// the name of the gathering ("ПМЭФ-2022", "Bakutel-2017", "ICT Summit 2014"). That year is taken
/// for the stamp's; a year that stands alone ("в 1992 году") is history as often as not, and is
/// not.
///
/// A stamp's day and month printed again with a year anywhere on the page (a photo caption's "в
/// Алма-Ате. 1 февраля 2019" under the dateline "АЛМА-АТА, 1 фев") give the year first.
fn completed_publication(stamp: Option<EventDate>, text: &str, folded: &str, regions: &[Span]) -> Option<EventDate> {
    if stamp.is_some_and(|d| d.known_year().is_some()) {
        return stamp;
    }
    if let Some(day) = stamp.filter(|d| d.known_day().is_some()) {
        // Rare enough (a stamp with no year) that the whole page is read for it.
        let whole = 0..folded.len();
        let all = std::slice::from_ref(&whole);
        let words = Words::new(folded, all);
        let repeated = dates::find(folded, all, &words).iter().find_map(|m| {
            let d = m.resolve(None)?;
            (d.known_year().is_some() && d.known_month() == day.known_month() && d.known_day() == day.known_day())
                .then_some(d)
        });
        if repeated.is_some() {
            return repeated;
        }
    }
    let year = regions.iter().find_map(|r| named_year(&text[r.clone()]));
    match (stamp, year) {
        (Some(d), Some(y)) => Some(d.with_year(y)),
        (None, Some(y)) => Some(EventDate::year(y)),
        (d, None) => d,
    }
}

/// The first year written as part of a name in `text`: after a hyphen ("ЦИПР-2023") or after a
/// capitalised word ("Summit 2014", "Форум 2025"), not followed by another year ("2025–2028").
fn named_year(text: &str) -> Option<i32> {
    let bytes = text.as_bytes();
    let mut i = 0;
    // Digits are a few bytes in a thousand: jumped to by the vector scan.
    loop {
        let at = ictdip_scan::next_in_ranges(bytes, i, &[(b'0', b'9')]);
        if at == bytes.len() {
            return None;
        }
        let end = at + bytes[at..].iter().take_while(|b| b.is_ascii_digit()).count();
        i = end;
        if end - at != 4
            || (end < bytes.len()
                && matches!(bytes[end], b'-' | b'.' | b',' if bytes.get(end + 1).is_some_and(u8::is_ascii_digit)))
        {
            continue;
        }
        let Ok(y) = text[at..end].parse::<i32>() else { continue };
        if !(1990..=2100).contains(&y) || text[end..].trim_start().starts_with(['–', '—']) {
            continue;
        }
        let before = &text[..at];
        let hyphened = before.ends_with('-') && before[..before.len() - 1].ends_with(|c: char| c.is_alphabetic());
        let after_name = before.ends_with(' ')
            && before.trim_end().rsplit(' ').next().is_some_and(|w| {
                // "(IGF 2023)": the bracket is not part of the name.
                let w = w.trim_start_matches(['(', '«', '"', '“']);
                w.chars().next().is_some_and(char::is_uppercase)
                    && w.chars().all(char::is_alphanumeric)
                    && !opens_a_time(w)
                    && crate::lexicon::months::month_of(&w.to_lowercase()).is_none()
            });
        // A programme's horizon ("стратегии «Цифровой Узбекистан-2030»", "the Vision 2030
        // programme") is no gathering's year.
        let programme = || {
            let near = &before[before.char_indices().rev().nth(60).map_or(0, |(i, _)| i)..];
            [
                "стратеги",
                "программ",
                "концепци",
                "Стратеги",
                "Программ",
                "Концепци",
                "strateg",
                "Strateg",
                "program",
                "Program",
                "Vision",
                "vision",
            ]
            .iter()
            .any(|w| near.contains(w))
        };
        if (hyphened || after_name) && !programme() {
            return Some(y);
        }
    }
}

/// True for a word that, capitalised at a sentence's start, opens a time rather than names a
/// thing: "In 2016, the government ...", "С 2019 года", "До 2030 года". (A month before a year,
/// "In July 2024", is a time as well.)
fn opens_a_time(word: &str) -> bool {
    matches!(
        word,
        "In" | "On"
            | "By"
            | "Since"
            | "From"
            | "Until"
            | "Till"
            | "Before"
            | "After"
            | "During"
            | "Through"
            | "For"
            | "В"
            | "Во"
            | "С"
            | "Со"
            | "До"
            | "К"
            | "По"
            | "От"
            | "За"
            | "После"
            | "Начиная"
    )
}

/// The event date and the sentence it was found in (`None` when it is the publication date).
fn event_date(f: &Facts, lead: Option<usize>, title: Option<usize>) -> (Option<EventDate>, Option<usize>) {
    // A lead that reports words said on a day and names no gathering ("the ministry said on
    // Thursday") is the story: a gathering dated further on is the one the words were about.
    if let Some(d) = dated_speech_lead(f, lead) {
        return (Some(d), lead);
    }
    let pick = |cue: Cue, want_day: bool| {
        f.dates.iter().find_map(|m| {
            let s = f.sentence_of(m.span().start)?;
            if m.has_day() != want_day || !f.has_cue(s, cue) || background_sentence(f, s) {
                return None;
            }
            // A gathering to come, further on, is not the one a story of the past reports
            // ("Discussions will resume on August 21"); an announcement's headline or lead
            // dates it, and so does a head that names a gathering it does not report held
            // ("Обнародована повестка VIII саммита": the summit is still to come).
            // The next one of a series ("очередное заседание состоится в Астане") is another.
            let head = [lead, title];
            let head_awaits = head.into_iter().flatten().any(|h| {
                announces(f, h)
                    || (f.has_cue(h, Cue::Gathering) && !tells_of_the_past(&f.folded[f.sentences[h].clone()]))
            });
            let next_one = phrases!("очередн", "следующ", "next ").any_in(&f.folded[f.sentences[s].clone()]);
            if !head.contains(&Some(s)) && announces(f, s) && (!head_awaits || next_one) {
                return None;
            }
            if agreements_past_signing(f, s, &head) {
                return None;
            }
            // Under a lead that reports words said and no gathering ("Россия и Беларусь готовят
            // новую дорожную карту, сообщил посол"), a month or a year further on dates what the
            // speaker went back over ("Дорожную карту подписали в 2019 году"), not the story.
            if !want_day && !head.contains(&Some(s)) && lead.is_some_and(|l| speaks_without_gathering(f, l)) {
                return None;
            }
            // A date next to the verb of telling dates the telling ("Как сообщили в понедельник
            // организаторы, с 9 по 11 ноября саммит состоится"), when the gathering has its own.
            if cue == Cue::Gathering && dates_the_telling(f, m, s) {
                return None;
            }
            let d = past_year_if_reported(f, m, s, m.resolve(f.published)?);
            let d = year_from_its_sentence(f, s, d);
            if weeks_before_an_undated_lead(f, lead, s, d) {
                return None;
            }
            Some((d, s))
        })
    };
    for (cue, want_day) in [(Cue::Gathering, true), (Cue::Gathering, false), (Cue::Speech, true)] {
        if let Some((d, s)) = pick(cue, want_day) {
            // "в феврале 2022 года" in a report stamped 28 February 2022: the stamp's day is the
            // nearer reading of a same-day report.
            if let Some(stamp) = f.stamp.filter(|p| p.known_day().is_some() && !want_day && within_period(*p, d)) {
                return (Some(stamp), None);
            }
            // A long gathering's span ("under way from September 6 to October 14"), and further
            // on a day inside it that reports what happened ("On October 3, within the
            // conference, delegates voted"): that day is the news.
            if want_day && let Some(inside) = day_inside_span(f, s, d) {
                return inside;
            }
            return (Some(d), Some(s));
        }
    }
    // No dated gathering, but a lead that dates its scene ("2–4 октября в Астане стояла
    // прохладная погода", over a forum's report): the lead's day.
    if let Some(l) = lead.filter(|&l| !background_sentence(f, l) && f.cues.iter().any(|(c, _)| *c == Cue::Gathering)) {
        let dated = f.dates.iter().find_map(|m| {
            (m.has_day() && f.sentence_of(m.span().start) == Some(l)).then(|| m.resolve(f.published)).flatten()
        });
        if let Some(d) = dated {
            return (Some(d), Some(l));
        }
    }
    // No dated gathering in the text: the report is taken as same-day, if its date is known; a
    // page with no stamp that names its gathering with a year ("Digital Almaty 2024", "Global
    // e-Government Forum 2014") has that year.
    match f.stamp {
        // The stamp as the page completes it (its year printed elsewhere), where it does.
        Some(d) => (
            d.known_day().is_some().then(|| {
                f.published
                    .filter(|p| p.known_month() == d.known_month() && p.known_day() == d.known_day())
                    .unwrap_or(d)
            }),
            None,
        ),
        None => (
            f.published.filter(|d| d.known_month().is_none() && f.cues.iter().any(|(c, _)| *c == Cue::Gathering)),
            None,
        ),
    }
}

/// True when sentence `s` reports words said and names no gathering.
fn speaks_without_gathering(f: &Facts, s: usize) -> bool {
    f.has_cue(s, Cue::Speech) && !f.has_cue(s, Cue::Gathering)
}

/// A year-less day on a page whose year is unknown, in a sentence that dates something else with
/// a year close to it ("On the 19-th of September, the first coordination meeting took place,
/// dedicated to the 26th Congress (September 20 – October 7, 2016, Istanbul)"): the same
/// calendar, so that year. Only a date within a season of the day counts; a year further off is
/// history or a plan.
fn year_from_its_sentence(f: &Facts, s: usize, d: EventDate) -> EventDate {
    if d.known_year().is_some() || d.known_day().is_none() {
        return d;
    }
    let sentence = &f.sentences[s];
    f.dates
        .iter()
        .filter(|m| sentence.contains(&m.span().start))
        .filter(|m| matches!(m, DateMention::Calendar { year: dates::YearRef::Stated, .. }))
        .find_map(|m| {
            let other = m.resolve(None)?;
            let year = other.known_year()?;
            let (Some(day), Some(other)) = (d.with_year(year).to_naive(), other.to_naive()) else { return None };
            ((day - other).num_days().abs() <= 92).then(|| d.with_year(year))
        })
        .unwrap_or(d)
}

/// A year-less day printed again with its year elsewhere on the page ("С 1 апреля ... вступило в
/// силу соглашение" and further on "«1 апреля 2019 года начало действовать ...»"): that year.
fn year_from_the_same_day(f: &Facts, d: EventDate) -> EventDate {
    if d.known_year().is_some() || d.known_day().is_none() {
        return d;
    }
    f.dates
        .iter()
        .filter(|m| matches!(m, DateMention::Calendar { year: dates::YearRef::Stated, .. }))
        .filter_map(|m| m.resolve(None))
        .find(|o| o.known_year().is_some() && o.known_month() == d.known_month() && o.known_day() == d.known_day())
        .unwrap_or(d)
}

/// True when a day further on is weeks before a dateline's, under a lead that reports something
/// done and dates nothing ("ASTANA, June 29 (RIA Novosti) - Kazakhstan's lower house approved
/// ratifying the agreement ... The agreement was signed in Moscow on January 18"): a hard-news
/// item reports its own day, so that day is an earlier happening's. A page with only a stamp may
/// report weeks late, and is not read so.
fn weeks_before_an_undated_lead(f: &Facts, lead: Option<usize>, s: usize, d: EventDate) -> bool {
    let Some(l) = lead.filter(|&l| l != s && !background_sentence(f, l)) else { return false };
    let Some(page) = f.stamp.filter(|p| f.stamp_is_dateline && p.known_day().is_some()) else { return false };
    if d.known_day().is_none()
        || f.dates.iter().any(|m| f.sentence_of(m.span().start) == Some(l))
        || !tells_of_the_past(&f.folded[f.sentences[l].clone()])
    {
        return false;
    }
    // Year-less days are read as the page's year: the same calendar.
    let year = page.known_year().or(d.known_year()).unwrap_or(2001);
    let (Some(page), Some(day)) =
        (page.with_year(year).to_naive(), d.with_year(d.known_year().unwrap_or(year)).to_naive())
    else {
        return false;
    };
    (page - day).num_days() > 14
}

/// Words that open a sentence of background ("Ранее, в сентябре ...", "Earlier, on September 22
/// ..."): what it reports happened before and apart from the story. A related item the outlet
/// links under the story ("Ранее сообщалось, что ...", "Earlier it was reported that ...") is
/// background too. A reminder opens one as well (see [`RECALL_OPENERS`]).
const BACKGROUND_OPENERS: [&str; 12] = [
    "еще раньше",
    "ещё раньше",
    "ранее ",
    "earlier ",
    // "До этого председателем совета был представитель Таджикистана".
    "до этого ",
    "before that",
    "ранее сообщалось",
    "ранее мы сообщали",
    "как сообщалось ранее",
    "ранее стало известно",
    "it was reported earlier",
    "as reported earlier",
];

/// Words that open a reminder ("Напомним, в сентябре ...", "As a reminder, ..."): background
/// to the end of its paragraph (see [`time_marks`]), where "ранее" and "earlier" date one
/// sentence and the next may be back in the present.
const RECALL_OPENERS: [&str; 8] = [
    "напомним",
    "напомню",
    "напоминаем",
    "as a reminder",
    "recall that",
    "to recall",
    "it will be recalled",
    "it should be recalled",
];

/// True when sentence `s` is background: it opens with a background opener, a speaker recalls
/// something in it ("он напомнил о недавнем саммите", "he recalled that earlier meetings"), or
/// it tells of a founding or a long past.
fn background_sentence(f: &Facts, s: usize) -> bool {
    time_marks(f, s) & TimeMarks::BACKGROUND != 0
}

/// The [`TimeMarks`] of sentence `s`, worked out once.
fn time_marks(f: &Facts, s: usize) -> u8 {
    let cell = &f.time_marks[s];
    if cell.get() & TimeMarks::KNOWN == 0 {
        let sentence = &f.folded[f.sentences[s].clone()];
        let mut marks = TimeMarks::KNOWN;
        if reads_as_background(sentence) {
            marks |= TimeMarks::BACKGROUND;
        }
        // What a reminder opens goes on to its paragraph's end ("Напомним, после выборов 4
        // октября прошли митинги. 5 октября начались беспорядки."): the sentences after it in
        // the same paragraph recall too.
        let opens_recall = RECALL_OPENERS.iter().any(|o| crate::lexicon::has_prefix(sentence.trim_start(), o));
        let recall_goes_on = s > 0
            && !f.text[f.sentences[s - 1].end..f.sentences[s].start].contains('\n')
            && time_marks(f, s - 1) & TimeMarks::RECALLS != 0;
        if opens_recall || recall_goes_on {
            marks |= TimeMarks::BACKGROUND | TimeMarks::RECALLS;
        }
        if reads_as_announcement(sentence) {
            marks |= TimeMarks::ANNOUNCES;
        }
        cell.set(marks);
    }
    cell.get()
}

/// See [`background_sentence`].
fn reads_as_background(sentence: &str) -> bool {
    let sentence = sentence.trim_start();
    BACKGROUND_OPENERS.iter().any(|o| crate::lexicon::has_prefix(sentence, o))
        || phrases!(
            "напомнил",
            "recalled",
            // A founding or a long past ("Six CIS nations set it up in 2002", "the Advisory Body
            // set up by the UN", "еще с 2001 года, когда в рамках ОБСЕ").
            "set it up",
            "was set up",
            "set up by",
            "established by",
            "was founded",
            "was established",
            " создана в ",
            " создан в ",
            " основана в ",
            " учреждена в ",
            "еще с ",
            "ещё с ",
            // The gathering before this one ("Its previous, ninth meeting took place in Bishkek").
            "previous meeting",
            "previous session",
            "previous summit",
            "previous forum",
            "previous, ",
            "предыдущее заседание",
            "предыдущем заседании",
            "предыдущая встреча",
            "предыдущей встрече",
            "предыдущий саммит",
            "предыдущем саммите",
            "предыдущая сессия",
            "предыдущей сессии",
            // A year before ("At the state visit to Seoul in November last year, ... signed").
            "last year",
            "a year ago",
            "в прошлом году",
            "в минувшем году",
            "год назад",
        )
        .any_in(sentence)
}

/// True when sentence `s`, away from the head, tells when an agreement the head reports
/// ratified, approved or in force was signed ("Совет Федерации ратифицировал соглашение ...
/// документ был подписан в Ереване 7 апреля 2016 года", "Подписали его в Минске в июне 2001
/// года"): the document's history, neither the news's date nor its venue.
fn agreements_past_signing(f: &Facts, s: usize, head: &[Option<usize>]) -> bool {
    let sentence = |s: usize| &f.folded[f.sentences[s].clone()];
    !head.contains(&Some(s))
        && phrases!("подписан", "подписали", "signed").any_in(sentence(s))
        // Ratified or in force: a document signed before. Not every act of `kind`'s
        // `acted_on` says so: a draft "approved" ("The decree to that effect was signed") or
        // terms "согласовали" ("по результатам которого было подписано соглашение") are signed
        // only now.
        && head.iter().flatten().any(|&h| {
            phrases!("ратифицир", "ratif", "утвердил", "одобрил", "в силу", "into force").any_in(sentence(h))
        })
}

/// True when sentence `s` speaks of a gathering to come.
fn announces(f: &Facts, s: usize) -> bool {
    time_marks(f, s) & TimeMarks::ANNOUNCES != 0
}

/// See [`announces`].
fn reads_as_announcement(sentence: &str) -> bool {
    phrases!(
        " will ",
        "состоится",
        "состоятся",
        "пройдет",
        "пройдёт",
        "пройдут",
        "откроется",
        "начнется",
        "планируется",
        "намечен",
        " due in ",
        " due to be ",
        " is due ",
        // "draft documents, which are to be signed during the summit on November 28".
        " is to be ",
        " are to be ",
        " to be held",
        "upcoming",
        "forthcoming",
    )
    .any_in(sentence)
}

/// When sentence `s` gives a span that opens on `start` (a second day later in it), the first
/// later sentence that reports a gathering held on a day inside the span, with that day.
fn day_inside_span(f: &Facts, s: usize, start: EventDate) -> Option<(Option<EventDate>, Option<usize>)> {
    // Compared as (year, month, day): a page may give no year, and the span's days share it.
    let key = |d: EventDate| Some((d.known_year(), d.known_month()?, d.known_day()?));
    let in_s = |m: &&DateMention| f.sentence_of(m.span().start) == Some(s);
    let end = f.dates.iter().filter(in_s).filter_map(|m| m.resolve(f.published)).filter_map(key).max()?;
    let first = key(start)?;
    if end <= first {
        return None;
    }
    f.dates.iter().find_map(|m| {
        let t = f.sentence_of(m.span().start)?;
        let d = m.resolve(f.published)?;
        let day = key(d)?;
        (t > s && m.has_day() && day > first && day <= end && f.has_cue(t, Cue::Gathering) && !announces(f, t))
            .then_some((Some(d), Some(t)))
    })
}

/// True when date `m` in sentence `s` stands right after a verb of telling and another date of
/// the sentence follows it.
fn dates_the_telling(f: &Facts, m: &DateMention, s: usize) -> bool {
    let told = f.cues_in(s).any(|(c, span)| {
        *c == Cue::Speech && span.end <= m.span().start && words_between_at_most(f.text, span.end, m.span().start, 1)
    });
    told && f.dates.iter().any(|o| o.span().start >= m.span().end && f.sentence_of(o.span().start) == Some(s))
}

/// The day of a lead that reports words said and names no gathering.
fn dated_speech_lead(f: &Facts, lead: Option<usize>) -> Option<EventDate> {
    let l = lead.filter(|&l| f.has_cue(l, Cue::Speech) && !f.has_cue(l, Cue::Gathering))?;
    f.dates.iter().find_map(|m| {
        (m.has_day() && f.sentence_of(m.span().start) == Some(l)).then(|| m.resolve(f.published)).flatten()
    })
}

/// True when a country is named as where a gathering of another date is held ("the
/// conference, which will be held on October 20, 2034 in Busan, Republic of Korea", "its
/// previous meeting took place in Bishkek on 23 July 2017, with Kyrgyzstan as host").
fn hosts_another_event(f: &Facts, h: &Hit, date: Option<EventDate>) -> bool {
    let Some(s) = f.sentence_of(h.span.start) else { return false };
    if date.is_none() || !f.has_cue(s, Cue::Gathering) {
        return false;
    }
    // Dated otherwise, and not also dated as the event.
    let (mut other, mut same) = (false, false);
    for d in f.dates.iter().filter(|m| f.sentence_of(m.span().start) == Some(s)).filter_map(|m| m.resolve(f.published))
    {
        if within_days(d, date, 3) || date.is_some_and(|e| within_period(e, d) || within_period(d, e)) {
            same = true;
        } else if d.known_year().is_some() {
            other = true;
        }
    }
    other && !same
}

/// True when the day `day` lies in the month or year `period` names.
fn within_period(day: EventDate, period: EventDate) -> bool {
    day.known_year() == period.known_year() && period.known_month().is_none_or(|m| day.known_month() == Some(m))
}

/// A year-less date reported in the past tense cannot lie after publication: "28 декабря
/// состоялось", published on 5 January, is the 28 December before.
fn past_year_if_reported(f: &Facts, m: &DateMention, sentence: usize, d: EventDate) -> EventDate {
    let year_missing = matches!(m, DateMention::Calendar { year: dates::YearRef::Missing, .. });
    let (Some(date), Some(published)) = (d.to_naive(), f.published.and_then(super::model::EventDate::to_naive)) else {
        return d;
    };
    let past = f.cues_in(sentence).any(|(c, span)| {
        *c == Cue::Gathering && {
            let w = f.folded[span.clone()].split_whitespace().next().unwrap_or("");
            ["л", "ла", "ло", "ли", "лся", "лась", "лось", "лись"].iter().any(|e| w.ends_with(e))
        }
    });
    if year_missing && past && date > published + chrono::Duration::days(7) {
        d.known_year().map_or(d, |y| d.with_year(y - 1))
    } else {
        d
    }
}

/// True when at most `limit` words stand between the end of `a` and the start of `b`: pieces
/// between whitespace with a letter or digit in them. Counting stops at the limit: the stretch can
/// be a whole paragraph, and this is asked for every name and cue. Read on the bytes for ASCII
/// and Russian, by the character elsewhere.
fn words_between_at_most(text: &str, a_end: usize, b_start: usize, limit: usize) -> bool {
    if b_start <= a_end {
        return true;
    }
    let s = &text[a_end..b_start];
    let bytes = s.as_bytes();
    let (mut words, mut in_piece, mut piece_has_word) = (0, false, false);
    let mut i = 0;
    while i < bytes.len() {
        let (space, word, len) = match bytes[i] {
            b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C => (true, false, 1),
            b @ 0..=0x7F => (false, b.is_ascii_alphanumeric(), 1),
            // U+0400..U+047F: Cyrillic letters.
            0xD0 | 0xD1 => (false, true, 2),
            _ => {
                let c = s[i..].chars().next().expect("a character starts here");
                (c.is_whitespace(), crate::lexicon::is_word_char(c), c.len_utf8())
            }
        };
        if space {
            in_piece = false;
        } else {
            if !in_piece {
                (in_piece, piece_has_word) = (true, false);
            }
            if word && !piece_has_word {
                piece_has_word = true;
                words += 1;
                if words > limit {
                    return false;
                }
            }
        }
        i += len;
    }
    true
}

/// A name tied to a gathering in its sentence: it stands before the verb ("В Баку состоялась",
/// "17 июня в городе Карамай ... состоялось") or shortly after it ("прошла в Ташкенте"): five
/// words at most, eight when a locative "в"/"г." introduces it ("провели заседание Регионального
/// содружества в области связи в Ташкенте"). A purpose or topic phrase in between ("для",
/// "о", "по вопросам") starts another constituent that the name then belongs to ("посетили
/// Казахстан для обсуждения создания центра ... в Алматы").
fn tied_to_cue(f: &Facts, span: &Span) -> Option<usize> {
    let s = f.sentence_of(span.start)?;
    if in_attribution(f, s, span) {
        return None;
    }
    let before = f.folded[..span.start].trim_end();
    let prev = before.rsplit(|ch: char| !crate::lexicon::is_word_char(ch) && ch != '.').next().unwrap_or("");
    let reach = if matches!(prev, "в" | "во" | "г." | "городе" | "столице" | "in") { 8 } else { 5 };
    let blocked = |from: usize| purpose_between(f, from, span.start);
    let tied = f.cues_in(s).any(|(c, cs)| {
        *c == Cue::Gathering
            && (span.end <= cs.start || (words_between_at_most(f.text, cs.end, span.start, reach) && !blocked(cs.end)))
    });
    tied.then_some(s)
}

/// True when a purpose or topic phrase ("для", "о", "по вопросам") stands between `from` and
/// `to`: a name after it belongs to what the gathering was for or about, not to where it was.
fn purpose_between(f: &Facts, from: usize, to: usize) -> bool {
    let mut words = f.folded[from..to].split(|ch: char| !crate::lexicon::is_word_char(ch)).filter(|w| !w.is_empty());
    while let Some(w) = words.next() {
        if matches!(w, "для" | "о" | "об" | "про" | "ради" | "вопросам" | "целью" | "about") {
            return true;
        }
        // "on" opens a topic ("a forum on e-government"), not a day ("on April 25", "on 3 May",
        // "on Thursday").
        if w == "on" && !words.next().is_some_and(names_a_day) {
            return true;
        }
    }
    false
}

/// True for a folded word that begins a day's name: a number, a month, a weekday ("on
/// Thursday", "в среду").
fn names_a_day(w: &str) -> bool {
    w.starts_with(|c: char| c.is_ascii_digit()) || crate::lexicon::months::month_of(w).is_some() || dates::is_weekday(w)
}

/// Words that open a source attribution ("Как сообщили НИАТ «Ховар» в Секретариате ШОС в
/// Пекине, ..."); the attribution runs to the next comma.
const ATTRIBUTION_OPENERS: [&str; 6] =
    ["как сообщ", "как передает", "как передают", "по сообщению", "по данным", "как стало известно"];

/// Where attribution openers stand in the folded text, as (start, end), in text order: found once
/// per article at the words that open them, since every name asks about them.
fn attribution_openers(folded: &str, words: &Words) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    let bytes = folded.as_bytes();
    for w in words.within(0..folded.len()) {
        // Compared as bytes (lengths first), with no string slice: this looks at every word.
        let word = &bytes[w.start..w.end];
        if word != "как".as_bytes() && word != "по".as_bytes() {
            continue;
        }
        for o in ATTRIBUTION_OPENERS {
            if crate::lexicon::has_prefix(&folded[w.start..], o) {
                found.push((w.start, w.start + o.len()));
            }
        }
    }
    found
}

/// True inside a source attribution: after an opener in the same sentence with no comma since.
/// A city there is where the news came from, not where the event was.
fn in_attribution(f: &Facts, sentence: usize, span: &Span) -> bool {
    let s = &f.sentences[sentence];
    let opener = f
        .attribution_openers
        .iter()
        .filter(|&&(start, end)| start >= s.start && end <= span.start)
        .map(|&(start, _)| start)
        .max();
    opener.is_some_and(|o| !f.folded[o..span.start].contains(','))
}

/// The words before byte `at` in the folded text, nearest first (`n` at most): runs of word
/// characters and dots ("г.", "т.е"), a lone dot not counted. Read back on the bytes: this is
/// asked several times for every name of an article.
fn words_before(folded: &str, at: usize, n: usize) -> WordsBack<'_> {
    WordsBack { text: folded, pos: at, left: n }
}

/// See [`words_before`].
struct WordsBack<'t> {
    text: &'t str,
    pos: usize,
    left: usize,
}

impl<'t> Iterator for WordsBack<'t> {
    type Item = &'t str;

    fn next(&mut self) -> Option<&'t str> {
        // Dots belong to words here ("г.", "т.е").
        let part_before = |at: usize| ictdip_scan::word_part_before(self.text, at, b'.');
        while self.left > 0 {
            let mut end = self.pos;
            while end > 0 {
                let (part, start) = part_before(end);
                if part {
                    break;
                }
                end = start;
            }
            if end == 0 {
                self.left = 0;
                return None;
            }
            let mut start = end;
            while start > 0 {
                let (part, before) = part_before(start);
                if !part {
                    break;
                }
                start = before;
            }
            self.pos = start;
            let word = &self.text[start..end];
            if word != "." {
                self.left -= 1;
                return Some(word);
            }
        }
        None
    }
}

/// The word after byte `at` in the folded text. On the bytes, as [`words_before`].
fn word_after(folded: &str, at: usize) -> &str {
    let mut i = at;
    while i < folded.len() {
        let (word, len) = ictdip_scan::word_char_at(folded, i);
        if word {
            break;
        }
        i += len;
    }
    let start = i;
    while i < folded.len() {
        let (word, len) = ictdip_scan::word_char_at(folded, i);
        if !word {
            break;
        }
        i += len;
    }
    &folded[start..i]
}

/// Nouns of the institutions a meeting is held in ("в МИД Казахстана", "в Министерстве связи
/// Беларуси", "в Доме инноваций и технологий Ирана", "at the Ministry of ICT of Iran"): the country they belong to is the venue's.
/// Embassies are left out: an embassy stands in the other country.
fn institution_word(w: &str) -> bool {
    matches!(
        w,
        "мид"
            | "министерстве"
            | "министерство"
            | "администрации"
            | "правительстве"
            | "парламенте"
            | "ministry"
            | "ministries"
            | "agency"
            | "академии"
            | "academy"
            // "в НАН Беларуси": a national academy of sciences by its initials.
            | "нан"
            | "университете"
            | "university"
            | "headquarters"
            | "палате"
            | "доме"
    ) || MINISTRY_SHORT_NAMES.iter().any(|m| w.starts_with(m))
}

/// Ministries by their short names ("в Минкомсвязи России", "в Минцифры Казахстана").
const MINISTRY_SHORT_NAMES: [&str; 12] = [
    "минкомсвяз",
    "минсвяз",
    "мининформ",
    "минцифр",
    "минэконом",
    "минпромторг",
    "минобр",
    "минфин",
    "минюст",
    "минздрав",
    "минтранс",
    "минэнерго",
];

/// The venue of the main event and how it is known, from the text alone: a city or region tied
/// to a gathering, a capital given by periphrasis, a hosting or visited country, an institution's
/// country, and for a report of a gathering that names one country only, that country.
///
/// Long: the rules are tried in order and the first that holds decides; each is a few lines,
/// and kept together the order can be read at once.
fn place(
    f: &Facts,
    date: Option<EventDate>,
    anchor: Option<usize>,
    title: Option<usize>,
    kind: Kind,
    speech_lead: bool,
) -> Option<(Place, PlaceSource)> {
    let g = Gazetteer::get();
    let city_place = |c: u16| city_place(g, c);
    let country_place = |c: u16| Place { city: None, country: CountryId::from_number(c) };
    // The hits of one kind tied to a gathering, with their sentences, in text order. Asked kind by
    // kind, cities first: most articles name a city and never need the ties of their countries,
    // and each tie reads the words around the name.
    let lead = lead_sentence(f, title.map(|t| &f.sentences[t]));
    // Words said in the lead are said where the lead or the title puts them: the gatherings
    // further on are what they spoke of. A gathering held online ("в формате видеоконференции",
    // "held online") has no venue but one its own sentences state.
    let after_lead = lead.map(|l| l + 1).filter(|&s| s < f.sentences.len());
    let online: Vec<usize> = [anchor, title, lead, after_lead]
        .into_iter()
        .flatten()
        .filter(|&s| held_online(&f.folded[f.sentences[s].clone()]))
        .collect();
    let in_scope =
        |s: usize| (!speech_lead && online.is_empty()) || [anchor, title].contains(&Some(s)) || online.contains(&s);
    // Beside a gathering held online, one held in person somewhere ("chaired the final virtual
    // meeting and is organizing an in-person session in Brasília") is another gathering.
    let in_person = |h: &Hit| {
        !online.is_empty()
            && words_before(f.folded, h.span.start, 4)
                .any(|w| matches!(w, "person" | "face" | "очной" | "очную" | "очного" | "очном" | "очное" | "очная"))
    };
    let tied = |kind: fn(&Target) -> bool| -> Vec<(usize, &Hit)> {
        f.hits
            .iter()
            .filter(|h| {
                kind(&h.target)
                    && !in_person(h)
                    && !city_for_its_state(f, h)
                    && !in_brackets(f, h)
                    && !in_company_name(f, h)
                    && !candidate_site(f, h)
                    && !site_of_the_work(f, h)
                    && !guests_city(f, h)
                    && !whose_region(f, h)
                    && !given_name_of(f, h)
            })
            .filter_map(|h| tied_to_cue(f, &h.span).map(|s| (s, h)))
            .filter(|(s, _)| in_scope(*s))
            .collect()
    };
    // In the event's sentence, then the title, then anywhere.
    // Elsewhere in the text, a sentence that dates its gathering otherwise ("в июне 2018 года в
    // Минске") reports another event.
    // A span around the event's day ("from September 6 to October 14") dates the same gathering.
    let key = |d: EventDate| Some((d.known_year(), d.known_month()?, d.known_day()?));
    let spans_the_event = |s: usize| {
        let days: Vec<_> = f
            .dates
            .iter()
            .filter(|m| f.sentence_of(m.span().start) == Some(s))
            .filter_map(|m| key(m.resolve(f.published)?))
            .collect();
        date.and_then(key).is_some_and(|e| {
            days.iter().min().is_some_and(|first| *first <= e) && days.iter().max().is_some_and(|last| e <= *last)
        })
    };
    // A date in a relative clause after the name ("..., который пройдет с 7 по 19 сентября в
    // Дубае") dates the gathering that clause speaks of, not the one the name is tied to.
    let dated_otherwise = |s: usize, h: &Hit| {
        f.dates.iter().any(|m| {
            f.sentence_of(m.span().start) == Some(s) && !in_relative_clause_after(f, s, m.span().start, h.span.end) && {
                let d = m.resolve(f.published);
                d.is_some()
                    && d != date
                    && !d.is_some_and(|d| within_days(d, date, 3) || date.is_some_and(|e| within_period(e, d)))
            }
        }) && !spans_the_event(s)
    };
    // A gathering to come, further on, is not the one a story of the past reports ("preparations
    // for the conference due in Bucharest"), as for the event's date.
    let head_announces = [anchor, title, lead].into_iter().flatten().any(|s| announces(f, s));
    // A name tied to a gathering away from the event's sentence and the title: not in a sentence
    // that dates its gathering otherwise, nor background, nor a gathering to come.
    let holds_further_on = |s: usize, h: &Hit| {
        !dated_otherwise(s, h)
            && !background_sentence(f, s)
            && !agreements_past_signing(f, s, &[anchor, title, lead])
            && (head_announces || !announced_in_clause(f, s, &h.span))
    };
    // Within the sentence found, a name after a locative ("встретились в Ташкенте") is where the
    // gathering was; one standing bare before the verb may be an institution's name or whose
    // people came ("гендиректор Иннополиса ... встретились в Ташкенте"). Not a destination ("во
    // время визита в Москву"): the accusative says where someone goes, not where they met.
    let at_locative = |h: &Hit| {
        matches!(words_before(f.folded, h.span.start, 1).next(), Some("в" | "во" | "in"))
            && !f.folded[h.span.clone()].ends_with(['у', 'ю'])
    };
    let preferred = |tied: &[(usize, &Hit)]| {
        [anchor, title, None].into_iter().find_map(|want| {
            let (s, first) =
                tied.iter().find(|(s, h)| want == Some(*s) || (want.is_none() && holds_further_on(*s, h)))?;
            if at_locative(first) {
                return Some(first.target);
            }
            let located =
                tied.iter().find(|(o, h)| o == s && at_locative(h) && (want.is_some() || holds_further_on(*o, h)));
            Some(located.unwrap_or(&(*s, *first)).1.target)
        })
    };
    let tied_cities = tied(|t| matches!(t, Target::City(_)));
    // An event page's line of its own that gives the venue ("Baku, Azerbaijan", "SONCA, ESCAP,
    // 2nd floor, Almaty, Kazakhstan") wins over a city the text ties to a gathering: the page
    // states it apart from the prose.
    if !speech_lead
        && online.is_empty()
        && let Some(c) = venue_line(f)
    {
        return Some((city_place(c), PlaceSource::Stated));
    }
    if let Some(Target::City(c)) = preferred(&tied_cities) {
        return Some((city_place(c), PlaceSource::Stated));
    }
    // A city brought in by a locative in the title, the lead or the event's sentence that reports
    // a gathering, though no gathering word stands near it: "находится в Гаване с рабочим визитом", "at the Hofburg in
    // Vienna", "Токаев прилетел в Баку".
    // The sentence of a name brought in so, if it is one of those.
    // "Об этом Президент заявил в Мюнхене", "Как сообщает Report, об этом ... сказал": the
    // sentence that says who told the lead, and where, after a lead that is the words themselves.
    let tells_the_lead = |s: usize| {
        lead.is_some_and(|l| s > l && s <= l + 3) && {
            let sentence = f.folded[f.sentences[s].clone()].trim_start();
            let opening = &sentence[..sentence.floor_char_boundary(sentence.len().min(60))];
            ["this was said", "this was stated"].iter().any(|p| sentence.starts_with(p))
                || opening.starts_with("об этом ")
                || opening.contains(", об этом ")
        }
    };
    let locative = |h: &Hit| -> Option<usize> {
        let s = f.sentence_of(h.span.start)?;
        let before = words_before(f.folded, h.span.start, 1).next();
        let at_locative = matches!(
            before,
            // "in Kazakhstan's capital, Astana": the capital in apposition.
            Some("в" | "во" | "г." | "городе" | "in" | "capital" | "столице")
        ) || (before == Some("to") && visit_before(f, s, h.span.start));
        let tells_the_lead = tells_the_lead(s);
        let held_there = ([anchor, title, lead].contains(&Some(s)) || tells_the_lead)
            && ((f.has_cue(s, Cue::Gathering) && !tells_the_lead) || said_there(f, s, &h.span))
            && at_locative
            && !in_attribution(f, s, &h.span)
            && !f.cues_in(s).any(|(c, cs)| {
                *c == Cue::Gathering && cs.end <= h.span.start && purpose_between(f, cs.end, h.span.start)
            });
        held_there.then_some(s)
    };
    let in_lead = |kind: fn(&Target) -> bool| {
        let found: Vec<(usize, &Hit)> = f
            .hits
            .iter()
            .filter(|h| {
                kind(&h.target) && !candidate_site(f, h) && !guest(f, h) && !in_company_name(f, h) && !in_person(h)
            })
            .filter_map(|h| Some((locative(h)?, h)))
            .collect();
        preferred(&found)
    };
    if let Some(Target::City(c)) = in_lead(|t| matches!(t, Target::City(_))) {
        return Some((city_place(c), PlaceSource::Stated));
    }
    // A gathering named after its city, where the head says the event happened: "на Мюнхенской
    // конференции по безопасности", "в рамках Ташкентского форума".
    let told_lead =
        lead.into_iter().flat_map(|l| l + 1..=l + 3).filter(|&s| s < f.sentences.len() && tells_the_lead(s));
    if let Some(c) =
        [anchor, title, lead].into_iter().flatten().chain(told_lead).find_map(|s| gathering_named_after_city(f, s))
    {
        return Some((city_place(c), PlaceSource::Stated));
    }
    if let Some(Target::Region(c)) = preferred(&tied(|t| matches!(t, Target::Region(_)))) {
        return Some((country_place(c), PlaceSource::Stated));
    }
    // The event's own sentence, the title and the lead speak first: a country named further on
    // ("обсудили работу в сфере ИКТ во Вьетнаме и в России") is what the talks were about.
    // Further on, as for cities ("перед саммитом, намеченным на 3-5 сентября в Китае").
    let mut countries = tied(|t| matches!(t, Target::Country(_)));
    countries.retain(|(s, h)| [anchor, title].contains(&Some(*s)) || holds_further_on(*s, h));
    countries
        .sort_by_key(|(s, h)| ([anchor, title, lead].iter().position(|w| *w == Some(*s)).unwrap_or(3), h.span.start));
    // A capital given by periphrasis: "в столице Белоруссии", "в туркменской столице", "in the
    // Uzbek capital", "in the capital of Kazakhstan".
    for (_, h) in &countries {
        let Target::Country(c) = h.target else { continue };
        let before: Vec<&str> = words_before(f.folded, h.span.start, 3).collect();
        // Not a compound ("IT-столица России", "культурная столица" is another matter).
        let compound = |w: &str| {
            let at = w.as_ptr() as usize - f.folded.as_ptr() as usize;
            f.folded[..at].ends_with('-')
        };
        let capital_before =
            before.first().is_some_and(|w| matches!(*w, "столица" | "столице" | "столицу" | "столицы") && !compound(w))
                || (before.first() == Some(&"of") && before.get(1) == Some(&"capital"));
        // "Kazakhstan's capital": the possessive's "s" is a word of its own here.
        let after = match word_after(f.folded, h.span.end) {
            "s" => word_after(f.folded, h.span.end + f.folded[h.span.end..].find('s').unwrap_or(0) + 1),
            w => w,
        };
        let capital_after = matches!(after, "столица" | "столице" | "столицу" | "capital");
        if (capital_before || capital_after)
            && let Some(city) = g.capital(c)
        {
            return Some((city_place(city), PlaceSource::Implied));
        }
    }
    // A hosting or visited country ("в Китае состоялось", "посетили Казахстан", "визит в
    // Казахстан"), or an institution's ("в МИД Казахстана", "в Министерстве связи и
    // информатизации Беларуси", "at the Ministry of ICT of Iran"): the first such country in the
    // order above.
    for (_, h) in &countries {
        let Target::Country(c) = h.target else { continue };
        // A speaker's own words tell of other trips ("«Буквально вчера завершился мой визит в
        // Российскую Федерацию»"), not where they stand.
        if f.quoted(h.span.start) {
            continue;
        }
        let before: Vec<&str> = words_before(f.folded, h.span.start, 10).collect();
        // The preposition stands before the state's form, if any: "gathered in the Kyrgyz
        // Republic", "held in the Republic of Uzbekistan", "в Республике Казахстан".
        let form = before
            .iter()
            .take_while(|w| matches!(**w, "the" | "of" | "republic" | "республике" | "республику"))
            .count();
        // Not "to the": "talking to the Russian deputy minister" names a guest, not a trip.
        let prev = match before.get(form).copied().unwrap_or("") {
            "to" if form > 0 => "",
            w => w,
        };
        let after_visit = f.cues.iter().any(|(_, cs)| {
            cs.end <= h.span.start
                && words_between_at_most(f.text, cs.end, h.span.start, 0)
                && (f.folded[cs.clone()].starts_with("посет") || f.folded[cs.clone()].starts_with("visit"))
        });
        // The visited country first ("Узбекистан с рабочим визитом посетила делегация"): a form
        // that can be the accusative ("Узбекистан", "Россию"; not "Казахстана", whose president
        // "посетил" somewhere else), with a few words before "посетил".
        let visited_before = [anchor, title, lead].contains(&f.sentence_of(h.span.start))
            && !guest(f, h)
            && f.folded[h.span.clone()].ends_with(|c: char| !matches!(c, 'а' | 'я' | 'и' | 'ы' | 'е' | 'о'))
            // Not an adjective ("Турецкий министр посетил").
            && !["ий", "ый", "ой"].iter().any(|e| f.folded[h.span.clone()].ends_with(e))
            && f.folded[h.span.clone()].chars().last().is_some_and(|c| ('а'..='я').contains(&c))
            && f.cues.iter().any(|(_, cs)| {
                cs.start >= h.span.end
                    && words_between_at_most(f.text, h.span.end, cs.start, 3)
                    && f.sentence_of(cs.start) == f.sentence_of(h.span.start)
                    && f.folded[cs.clone()].starts_with("посет")
            });
        // "входящей в Emirates Telecommunications Group": a part of something, not a place.
        let part_of = before.get(form + 1).is_some_and(|w| w.starts_with("входя") || w.starts_with("входит"));
        if (matches!(prev, "в" | "во" | "in" | "to") && !part_of) || after_visit || visited_before {
            return Some((country_place(c), PlaceSource::Stated));
        }
        let held_in = before.iter().position(|w| institution_word(w)).is_some_and(|i| {
            before.get(i + 1).is_some_and(|w| matches!(*w, "в" | "во" | "at" | "in"))
                || (before.get(i + 1) == Some(&"the") && before.get(i + 2).is_some_and(|w| matches!(*w, "at" | "in")))
        });
        if held_in {
            return Some((country_place(c), PlaceSource::Implied));
        }
    }
    if !online.is_empty() {
        return None;
    }
    // A reception: a host receives a guest where the host is ("Премьер-министр Грузии 4 апреля
    // принял министра ... Азербайджана", "the President of Kazakhstan received the delegation").
    // The host's country is the one named before the verb, a visiting delegation's aside.
    if let Some(s) = anchor.or(lead) {
        let reception = f.cues_in(s).find(|(c, cs)| {
            let w = &f.folded[cs.clone()];
            *c == Cue::Gathering && (w.starts_with("принял") || w.starts_with("received")) && !w.contains("участи")
        });
        if let Some((_, cs)) = reception
            && let Some(Target::Country(c)) = f
                .hits
                .iter()
                .rev()
                .filter(|h| matches!(h.target, Target::Country(_)) && h.span.end <= cs.start && !guest(f, h))
                .find(|h| f.sentence_of(h.span.start) == Some(s))
                .map(|h| h.target)
        {
            return Some((country_place(c), PlaceSource::Implied));
        }
    }
    // A gathering reported with one country only: a domestic one, held where that country is;
    // with a visiting delegation's country besides ("делегация Китая", "a Chinese delegation"),
    // held at the host's.
    if kind == Kind::Statement {
        return None;
    }
    let guests: Vec<u16> = f
        .hits
        .iter()
        .filter_map(|h| match h.target {
            Target::Country(c)
                if [anchor, title, lead, after_lead].contains(&f.sentence_of(h.span.start)) && guest(f, h) =>
            {
                Some(c)
            }
            _ => None,
        })
        .collect();
    // With an international body at the table and no visiting delegation, the one country is a
    // party, not a host: talks with a body's head are as often held at the body's seat or on a
    // visit abroad ("the minister held talks with the EU Commissioner").
    let body_in_head = f
        .hits
        .iter()
        .any(|h| matches!(h.target, Target::Body(_)) && [anchor, title, lead].contains(&f.sentence_of(h.span.start)));
    if guests.is_empty() && body_in_head {
        return None;
    }
    // A city standing for its state ("отношений Минска с Пекином") names that state.
    let mut hosts = f.hits.iter().filter_map(|h| match h.target {
        Target::Country(c) if !guests.contains(&c) => Some(c),
        Target::City(c) if city_for_its_state(f, h) => {
            Some(g.cities[c as usize].country).filter(|c| !guests.contains(c))
        }
        _ => None,
    });
    let first = hosts.next()?;
    hosts.all(|c| c == first).then(|| (country_place(first), PlaceSource::Implied))
}

/// True when a visit is named before byte `at` in sentence `s` ("a short visit of the agency's
/// head to Astana", "his trip to Minsk"): a place after "to" there is where the visit went.
fn visit_before(f: &Facts, s: usize, at: usize) -> bool {
    let sentence = &f.sentences[s];
    f.kinds.iter().any(|((k, _), span)| *k == Kind::Visit && span.start >= sentence.start && span.end <= at)
}

/// True when byte `at` of sentence `s` stands in a relative clause ("который ...", "which ...")
/// that opens after byte `after`.
fn in_relative_clause_after(f: &Facts, s: usize, at: usize, after: usize) -> bool {
    let from = clause_start(f.folded, f.sentences[s].start, at, b",;(");
    from >= after
        && list_words(&f.folded[from..at])
            .next()
            .is_some_and(|w| w.starts_with("котор") || matches!(w, "which" | "where" | "that"))
}

/// True when the name at `span` says where words were said: it follows a verb of telling with
/// only a time or the audience between ("сообщил в среду в Москве", "заявил журналистам в
/// Ташкенте", "said on Tuesday in Baku"), not the thing told of ("рассказал о сети в Москве").
fn said_there(f: &Facts, s: usize, span: &Span) -> bool {
    f.cues_in(s).any(|(c, cs)| {
        *c == Cue::Speech
            && cs.end <= span.start
            && words_between_at_most(f.text, cs.end, span.start, 5)
            && list_words(&f.folded[cs.end..span.start]).all(|w| {
                names_a_day(w)
                    || matches!(
                        w,
                        "в" | "во"
                            | "in"
                            | "on"
                            | "at"
                            | "вчера"
                            | "сегодня"
                            | "года"
                            | "г"
                            | "yesterday"
                            | "today"
                            | "журналистам"
                            | "корреспонденту"
                            | "reporters"
                            | "journalists"
                    )
            })
    })
}

/// True when the clause of sentence `s` around `span` speaks of a gathering to come ("the
/// conference due in Bucharest"); the sentence's other clauses may report one held ("Минск
/// принимает заседание Совета: в эти же дни здесь пройдет и саммит").
fn announced_in_clause(f: &Facts, s: usize, span: &Span) -> bool {
    let sentence = f.sentences[s].clone();
    let stops = b",;:(\n";
    let from = clause_start(f.folded, sentence.start, span.start, stops);
    let to = f.folded[span.end..sentence.end]
        .bytes()
        .position(|b| stops.contains(&b))
        .map_or(sentence.end, |i| span.end + i);
    announces(f, s) && reads_as_announcement(&f.folded[from..to])
}

/// True when a place is put forward to host something ("поддержали кандидатуру Самарканда",
/// "заявку Баку на проведение", "Almaty's bid", "могут пройти в Казани", "could be held in
/// Kazan"): a proposed site, not where this event was.
fn candidate_site(f: &Facts, h: &Hit) -> bool {
    words_before(f.folded, h.span.start, 2)
        .any(|w| w.starts_with("кандидатур") || w.starts_with("заявк") || matches!(w, "candidacy" | "bid"))
        || f.folded[h.span.end..].starts_with("'s bid")
        || words_before(f.folded, h.span.start, 4).any(|w| matches!(w, "могут" | "может" | "could" | "might"))
}

/// True when a place is the site a cooperation or a use concerns ("Концепцию сотрудничества между
/// Россией и Казахстаном на комплексе «Байконур» подписали", "использования спектра на
/// территории комплекса Байконур", "cooperation at Kazakhstan's Baikonur space launch complex"):
/// what the document is about, not where it was signed. Only the site's own words ("комплекс",
/// "территория", "space launch complex") stand between "на" or "at" and the name. So is a site
/// after "по", what a body or talks deal with ("комиссии по комплексу «Байконур»").
fn site_of_the_work(f: &Facts, h: &Hit) -> bool {
    let site_word = |w: &str| {
        ["комплекс", "космодром", "территори", "полигон", "complex", "cosmodrome", "spaceport", "territor", "site"]
            .iter()
            .any(|p| w.starts_with(p))
            || matches!(w, "space" | "launch" | "s" | "the")
    };
    // "Kazakhstan's Baikonur": the site's country may stand before it.
    let country_word = |w: &str| {
        let at = w.as_ptr() as usize - f.folded.as_ptr() as usize;
        f.hits.iter().any(|o| matches!(o.target, Target::Country(_)) && o.span.start <= at && at < o.span.end)
    };
    let mut before = words_before(f.folded, h.span.start, 12);
    let mut at_site = false;
    for w in before.by_ref().take(5) {
        if matches!(w, "на" | "at") {
            at_site = true;
            break;
        }
        // What a body or talks are about ("комиссии по комплексу «Байконур»", "переговоры по
        // Афганистану"): the subject, not where they sit.
        if w == "по" {
            return true;
        }
        if !(site_word(w) || country_word(w)) {
            return false;
        }
    }
    // Within the sentence: "сотрудничество" a sentence before says nothing of this one.
    let from = f.sentence_of(h.span.start).map_or(0, |s| f.sentences[s].start);
    at_site
        && before.take(6).take_while(|w| w.as_ptr() as usize - f.folded.as_ptr() as usize >= from).any(|w| {
            ["сотруднич", "взаимодейств", "использовани", "эксплуатаци", "cooperation", "operation"]
                .iter()
                .any(|p| w.starts_with(p))
                || matches!(w, "use" | "usage")
        })
}

/// True when a city is a visiting delegation's ("Делегация Сочи посетила Узбекистан"): the
/// guests' home, not the venue.
/// True for a city's name that is a person's given name here: bare, not after a preposition, and
/// followed at once by a capitalised surname ("Баглан Казиев", "Арарат Мирзоян"). Many of the
/// region's given names are towns somewhere.
fn given_name_of(f: &Facts, h: &Hit) -> bool {
    const SURNAME_ENDINGS: [&str; 14] =
        ["ов", "ев", "ёв", "ин", "ова", "ева", "ина", "ян", "янц", "ский", "ская", "енко", "швили", "дзе"];
    matches!(h.target, Target::City(_))
        && f.text[h.span.end..].starts_with(' ')
        && f.text[h.span.end + 1..].starts_with(|c: char| c.is_uppercase())
        && {
            let next = word_after(f.folded, h.span.end);
            next.chars().count() > 3 && SURNAME_ENDINGS.iter().any(|e| next.ends_with(e))
        }
        && !words_before(f.folded, h.span.start, 1).next().is_some_and(|w| {
            matches!(
                w,
                "в" | "во"
                    | "из"
                    | "до"
                    | "к"
                    | "ко"
                    | "по"
                    | "под"
                    | "у"
                    | "от"
                    | "через"
                    | "in"
                    | "to"
                    | "from"
                    | "at"
            )
        })
}

/// True for a region named as whose someone is ("Раис Татарстана", "губернатор Омской области",
/// "делегация Нижегородской области"): where they come from, not where they met.
fn whose_region(f: &Facts, h: &Hit) -> bool {
    matches!(h.target, Target::Region(_))
        && words_before(f.folded, h.span.start, 1).next().is_some_and(|w| {
            people_noun(w)
                || ["раис", "президент", "губернатор", "мэр", "правительств", "администраци", "делегаци", "парламент"]
                    .iter()
                    .any(|p| w.starts_with(p))
        })
}

fn guests_city(f: &Facts, h: &Hit) -> bool {
    matches!(h.target, Target::City(_)) && guest(f, h)
}

/// True when the name stands inside a company's name in quotes ("АО «НК «Қазақстан Ғарыш
/// Сапары»", "компании «Ташкент Телеком»"): the company's, not a place of the event. So is a
/// name in Latin letters that opens a longer one in a Russian sentence ("китайских компаний
/// (China Great Wall Industries Corporation, Shanghai Engineering Centre for Microsatellites)").
fn in_company_name(f: &Facts, h: &Hit) -> bool {
    if opens_a_foreign_name(f, h) {
        return true;
    }
    let from = f.text.floor_char_boundary(h.span.start.saturating_sub(120));
    let before = &f.text[from..h.span.start];
    let Some(open) = before.rfind('«') else { return false };
    if before[open..].contains('»') {
        return false;
    }
    let at = from + open;
    words_before(f.folded, at, 1).next().is_some_and(|w| {
        matches!(
            w,
            "ао" | "тоо"
                | "ооо"
                | "оао"
                | "зао"
                | "пао"
                | "нк"
                | "гк"
                | "ук"
                | "ип"
                | "фгуп"
                | "гуп"
                | "ргп"
        ) || company_word(w)
    })
}

/// True when a city in Latin letters opens a company's or an institution's name in Latin letters
/// ("Shanghai Engineering Centre for Microsatellites", "Shanghai Spacesail Technologies CO.,
/// Ltd.") in a sentence written mostly in Cyrillic. A gathering's name ("Kazan Digital Week")
/// still names its city, and English sentences are left alone: there "Baku Congress Center" is
/// where a gathering meets.
fn opens_a_foreign_name(f: &Facts, h: &Hit) -> bool {
    let name = &f.text[h.span.clone()];
    if !name.bytes().all(|b| b.is_ascii_alphabetic() || b == b' ' || b == b'-') {
        return false;
    }
    // The Latin words after the city, up to the first other character but spaces and dots.
    let rest = &f.text[h.span.end..];
    let latin_end =
        rest.find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, ' ' | '.' | '-' | '&'))).unwrap_or(rest.len());
    let organisation = rest[..latin_end].split([' ', '.']).any(|w| {
        matches!(
            w.to_ascii_lowercase().as_str(),
            "corporation"
                | "company"
                | "co"
                | "ltd"
                | "inc"
                | "llc"
                | "jsc"
                | "group"
                | "holding"
                | "technologies"
                | "technology"
                | "engineering"
                | "industries"
                | "industry"
                | "systems"
                | "telecom"
                | "centre"
                | "center"
                | "institute"
                | "university"
                | "academy"
                | "bank"
        )
    });
    let Some(s) = f.sentence_of(h.span.start) else { return false };
    organisation && {
        let sentence = &f.text[f.sentences[s].clone()];
        let cyrillic = sentence.chars().filter(|c| ('а'..='я').contains(c) || ('А'..='Я').contains(c)).count();
        let latin = sentence.bytes().filter(u8::is_ascii_alphabetic).count();
        cyrillic > latin
    }
}

/// True when a name stands alone in brackets after another ("Jinda Anbang (Beijing) Technology
/// Co."): a company's or an office's seat, not where anything was held.
fn in_brackets(f: &Facts, h: &Hit) -> bool {
    f.text[..h.span.start].ends_with('(') && f.text[h.span.end..].starts_with(')')
}

/// True when a country is named as a visiting delegation's ("делегация Китайской Народной
/// Республики", "a high-level Chinese delegation", "the delegation of China"). Not an
/// ambassador's: an envoy meets the host where he serves, but a report of it often names no
/// venue at all.
fn guest(f: &Facts, h: &Hit) -> bool {
    let envoy = |w: &str| w.starts_with("делегаци") || matches!(w, "delegation" | "delegations");
    let mut before = words_before(f.folded, h.span.start, 4);
    let first = before.next().unwrap_or("");
    // "делегация из Китая", "делегацией компании Huawei из Китая".
    envoy(first) || (matches!(first, "of" | "из") && before.any(envoy)) || envoy(word_after(f.folded, h.span.end))
}

/// The city of a short line near the top that ends with a city and its country ("Baku,
/// Azerbaijan", "26 September - 14 October 2022, PP-22, Bucharest, Romania"): an event page's
/// venue line.
fn venue_line(f: &Facts) -> Option<u16> {
    let g = Gazetteer::get();
    f.sentences.iter().take(VENUE_LINE_WITHIN).find_map(|line| {
        if !words_between_at_most(f.text, line.start, line.end, 12) {
            return None;
        }
        let first = f.hits.partition_point(|h| h.span.start < line.start);
        let hits: Vec<&Hit> = f.hits[first..].iter().take_while(|h| h.span.end <= line.end).collect();
        hits.windows(2).find_map(|w| match (w[0].target, w[1].target) {
            (Target::City(c), Target::Country(k))
                if g.cities[c as usize].country == k
                    && f.text[w[0].span.end..w[1].span.start].trim() == ","
                    && f.text[w[1].span.end..line.end].trim().trim_end_matches('.').is_empty() =>
            {
                Some(c)
            }
            _ => None,
        })
    })
}

/// How many sentences from the top a venue line may stand.
const VENUE_LINE_WITHIN: usize = 6;

/// True when a capital stands for its state: "Moscow's envoy", "Москва и Гавана договорились",
/// "Tashkent and Beijing will expand": a possessive, or one of a pair of cities. A venue is one
/// place.
fn city_for_its_state(f: &Facts, h: &Hit) -> bool {
    if !matches!(h.target, Target::City(_)) {
        return false;
    }
    let after = &f.text[h.span.end..];
    if after.starts_with("'s") || after.starts_with("’s") {
        return true;
    }
    // Hits are in text order: the neighbours are next to this one. A pair after a preposition
    // ("в Ташкенте и Самарканде пройдут") is two venues, not two governments; a pair joined by
    // "с" is two parties ("отношений Минска с Пекином").
    let i = f.hits.partition_point(|o| o.span.start < h.span.start);
    let paired = |o: &Hit, a: usize, b: usize| {
        matches!(o.target, Target::City(_)) && matches!(f.folded[a..b].trim(), "и" | "and" | "&" | "с" | "со")
    };
    let located =
        |at: usize| matches!(words_before(f.folded, at, 1).next(), Some("в" | "во" | "in" | "at" | "between"));
    let next = f.hits[i..].iter().find(|o| o.span.start >= h.span.end);
    let prev = f.hits[..i].iter().rev().find(|o| o.span.end <= h.span.start);
    (next.is_some_and(|n| paired(n, h.span.end, n.span.start)) && !located(h.span.start))
        || prev.is_some_and(|p| paired(p, p.span.end, h.span.start) && !located(p.span.start))
}

/// True when a sentence (folded) says its gathering was held online. Not one guest's video
/// link ("по видеосвязи обратился к участникам саммита"): the summit still has its venue.
fn held_online(sentence: &str) -> bool {
    phrases!(
        "видеоконференц",
        "видеомост",
        "онлайн-формат",
        "формате онлайн",
        "режиме онлайн",
        "онлайн-переговор",
        "онлайн-встреч",
        "video conference",
        "videoconference",
        "held online",
        "online talks",
        "online meeting",
        "met online",
        "virtual meeting",
    )
    .any_in(sentence)
}

/// The dateline's city as a place, when the gazetteer knows it: where the outlet filed from,
/// which stands for the venue only when the text names none.
fn dateline_place(article: &Article) -> Option<Place> {
    let g = Gazetteer::get();
    let span = article.structure.dateline_city.clone()?;
    let hits = g.find_in(
        &article.text,
        &article.folded,
        std::slice::from_ref(&span),
        &Words::new(&article.folded, std::slice::from_ref(&span)),
    );
    hits.iter().find_map(|h| match h.target {
        Target::City(c) => Some(city_place(g, c)),
        _ => None,
    })
}

/// True when sentence `s` has a gathering held in a ministry whose name, up to the gathering's
/// verb, names no state ("в Министерстве по развитию информационных технологий и коммуникаций
/// прошла встреча").
fn at_an_unnamed_ministry(f: &Facts, s: usize) -> bool {
    let sentence = f.sentences[s].clone();
    let text = &f.folded[sentence.clone()];
    let Some(at) = [
        "в министерстве",
        "в стенах министерства",
        "в здании министерства",
        "в мид ",
        "at the ministry",
        "in the ministry",
    ]
    .iter()
    .find_map(|p| text.find(p)) else {
        return false;
    };
    let from = sentence.start + at;
    let Some(verb) = f.cues_in(s).find(|(c, cs)| *c == Cue::Gathering && cs.start > from).map(|(_, cs)| cs.start)
    else {
        return false;
    };
    !f.hits.iter().any(|h| {
        matches!(h.target, Target::Country(_) | Target::City(_) | Target::Region(_))
            && h.span.start > from
            && h.span.start < verb
    })
}

/// A city of the gazetteer (by index) as a place: its English name and its country's code.
/// The city a gathering in sentence `s` is named after, by the adjective before the gathering's
/// word, where the event is at that gathering ("на Мюнхенской конференции", "в ходе Бишкекского
/// саммита", "в рамках Ташкентского форума"). The adjective is the city's name with "-ск-" and an
/// ending ("мюнхен-ск-ой"), a final vowel dropped ("женев-ск-ий") or "-ин-" put in its place
/// ("бак-ин-ск-ий", "алмат-ин-ск-ий"); a name that ends in "-ск" keeps it ("минск-ий").
fn gathering_named_after_city(f: &Facts, s: usize) -> Option<u16> {
    const GATHERINGS: [&str; 6] = ["конференци", "форум", "саммит", "совещани", "заседани", "сесси"];
    const ENDINGS: [&str; 13] = ["ая", "ой", "ую", "ий", "ого", "ом", "ому", "ие", "их", "им", "ими", "ое", "ей"];
    let sentence = &f.folded[f.sentences[s].clone()];
    let words: Vec<&str> = list_words(sentence).collect();
    let g = Gazetteer::get();
    // An edition's number may stand between ("на X Московской конференции", "на 11-м Ташкентском
    // форуме"): a Roman numeral or digits.
    let ordinal = |w: &str| {
        w.bytes().all(|b| matches!(b, b'i' | b'v' | b'x' | b'l' | b'c')) || w.starts_with(|c: char| c.is_ascii_digit())
    };
    (0..words.len()).find_map(|i| {
        let mut j = i + 1;
        if words.get(j).is_some_and(|w| ordinal(w)) {
            // "11-м": the case ending is a word of its own here.
            let digits = words[j].starts_with(|c: char| c.is_ascii_digit());
            j += 1 + usize::from(digits && words.get(j + 1).is_some_and(|w| w.chars().count() <= 2));
        }
        let (at, adjective, noun) = (words[i], *words.get(j)?, *words.get(j + 1)?);
        if !matches!(at, "на" | "в" | "во" | "ходе" | "рамках" | "кулуарах" | "полях")
            || !GATHERINGS.iter().any(|n| noun.starts_with(n))
        {
            return None;
        }
        let stem = ENDINGS.iter().find_map(|e| adjective.strip_suffix(e))?;
        let base = stem.strip_suffix("ск")?;
        let dropped = base.strip_suffix("ин").unwrap_or(base);
        let names = [stem.to_string(), base.to_string()]
            .into_iter()
            .chain(["а", "у", "ы", "е", "и"].iter().map(|v| format!("{dropped}{v}")))
            .chain(std::iter::once(format!("{base}а")));
        names.into_iter().find_map(|name| {
            let mut chars = name.chars();
            let written: String = chars.next()?.to_uppercase().chain(chars).collect();
            g.find(&written, &name).into_iter().find(|h| h.span == (0..name.len())).and_then(|h| {
                if let Target::City(c) = h.target {
                    Some(c)
                } else {
                    None
                }
            })
        })
    })
}

fn city_place(g: &Gazetteer, c: u16) -> Place {
    let city = &g.cities[c as usize];
    Place { city: Some(ShortText::new(&city.name)), country: CountryId::from_number(city.country) }
}

/// How the event date was found: in the event's sentence (stated, or relative to publication),
/// or, for a same-day report, from the dateline or the publication stamp.
fn date_source(f: &Facts, article: &Article, anchor: Option<usize>, date: Option<EventDate>) -> DateSource {
    use crate::load::structure::Role;
    match anchor {
        Some(s) => {
            let relative = f.dates.iter().any(|m| {
                matches!(m, DateMention::Relative { .. } | DateMention::Weekday { .. })
                    && f.sentence_of(m.span().start) == Some(s)
                    && m.resolve(f.published) == date
            });
            if relative {
                DateSource::Relative
            } else {
                DateSource::Stated
            }
        }
        None => match &article.structure.published {
            Some((_, span)) if article.structure.role_at(span.start) == Role::Dateline => DateSource::Dateline,
            Some(_) => DateSource::Published,
            // The year of the gathering's name, on a page with no stamp.
            None => DateSource::Stated,
        },
    }
}

/// Words that open a list of an organisation's members (folded): the states listed after them are
/// named as its make-up, not as parties to the event ("В ШОС входят Индия, Иран, ...",
/// "SPECA member countries are ...").
const MEMBERSHIP_OPENERS: [&str; 15] = [
    "входят",
    "входит",
    // "Central Asia consists of five former Soviet republics (Kazakhstan, ...)".
    "состоит",
    "состоят",
    "consists",
    "consist",
    "объединяет",
    "объединяющей",
    "объединяющая",
    "состав",
    "members",
    "comprises",
    "include",
    "belong",
    "belongs",
];

/// Words after a nationality that make it a company's ("китайская компания Huawei", "a Chinese
/// company", "французского концерна Thales"): the country is not a party to the event.
fn company_word(w: &str) -> bool {
    w.starts_with("компани")
        || w.starts_with("корпорац")
        || w.starts_with("концерн")
        || w.starts_with("производител")
        || w.starts_with("разработчик")
        || w.starts_with("бренд")
        || matches!(w, "company" | "companies" | "firm" | "firms" | "corporation" | "giant" | "vendor" | "manufacturer")
}

/// Nouns for routes: roads, railways, corridors, pipelines.
fn route_word(w: &str) -> bool {
    // "дорога" by its forms: "дорогие коллеги" is no road.
    matches!(w, "дорога" | "дороги" | "дороге" | "дорогу" | "дорог")
        || ["железнодорож", "коридор", "маршрут", "трубопровод", "газопровод", "магистрал", "транзит"]
            .iter()
            .any(|r| w.starts_with(r))
        || ["route", "railway", "railroad", "corridor", "pipeline", "highway", "transit"]
            .iter()
            .any(|r| w.starts_with(r))
}

/// Nouns that say a sentence is about an organisation's make-up ("Its members today are ...",
/// "Armenia, Belarus ... are the members of the CSTO", "Среди участников АТЭС - Китай, США ...").
/// Rankings and awards speak of lists too ("опередила Италию и Саудовскую Аравию в рейтинге",
/// "в номинации первой стала Южная Корея, второй — Австралия"); so do examples of a kind ("с
/// Евросоюзом, Китаем, Великобританией и другими странами", "partners such as ...").
const MEMBERSHIP_NOUNS: [&str; 46] = [
    "членов",
    "members",
    "member",
    "membership",
    "членами",
    "члены",
    "участников",
    "участвуют",
    "рейтинг",
    "рейтинга",
    "рейтинге",
    "номинации",
    "номинацию",
    "первое место",
    "второе место",
    "третье место",
    "первом месте",
    "втором месте",
    "третьем месте",
    "опередила",
    "опередил",
    "ranking",
    "rankings",
    "ranked",
    "index",
    "другими странами",
    "другие страны",
    "других стран",
    "другим странам",
    "другими государствами",
    "других государств",
    "other countries",
    "such as",
    // "outpaced such countries as Russia and the USA", "опередив такие страны, как ...".
    "such countries",
    "таких стран",
    "такие страны",
    "таких государств",
    "такие государства",
    "outpaced",
    "outpacing",
    "surpassed",
    "опередив",
    "опередили",
    "обогнав",
    "обогнал",
    "обогнала",
];

/// Searchers for [`MEMBERSHIP_OPENERS`] and [`MEMBERSHIP_NOUNS`], built once, each finding all of
/// its words in one pass over a sentence.
fn membership_finders() -> &'static (aho_corasick::AhoCorasick, aho_corasick::AhoCorasick) {
    static F: OnceLock<(aho_corasick::AhoCorasick, aho_corasick::AhoCorasick)> = OnceLock::new();
    F.get_or_init(|| {
        let searcher = |words: &[&'static str]| {
            aho_corasick::AhoCorasick::builder()
                .match_kind(aho_corasick::MatchKind::LeftmostLongest)
                .build(words)
                .expect("fixed words build a searcher")
        };
        (searcher(&MEMBERSHIP_OPENERS), searcher(&MEMBERSHIP_NOUNS))
    })
}

/// True when a body is named as the owner of a measure a state is rated by: an index, a
/// ranking, a survey, goals ("по Индексу ООН", "в рейтинге электронного правительства ООН",
/// "Целей устойчивого развития ООН", "the United Nations' e-government assessment", "the Goals
/// set out by the UN", "ITU's Global Cybersecurity Index"). Countries are scored against the
/// body's yardstick; the body does nothing in the event.
fn owns_a_measure(f: &Facts, h: &Hit) -> bool {
    let measure = |w: &str| {
        ["индекс", "рейтинг", "index", "ranking", "rating", "assessment", "survey"].iter().any(|m| w.starts_with(m))
    };
    let punctuation = [',', '.', ';', ':', '—', '–', '(', ')', '«', '»', '"', '“', '”'];
    // Goals count only as the development goals ("целей сотрудничества в рамках ШОС" are the
    // parties' own).
    let goals = |phrase: &str| {
        ["устойчивого развития", "развития тысячелетия", "sustainable development", "development goals"]
            .iter()
            .any(|g| phrase.contains(g))
    };
    // Before the body, in the same phrase: the measure's noun and its own words ("в Индексе
    // развития электронного правительства ООН", "the Goals set out by the UN").
    // Asked of every body named: the phrase is looked for in the few words before it only.
    let near = f.folded.floor_char_boundary(h.span.start.saturating_sub(160));
    let before = &f.folded[near..h.span.start];
    let from = before.rfind(punctuation).map_or(0, |i| i + before[i..].chars().next().map_or(1, char::len_utf8));
    let phrase = &before[from..];
    let mut development = false;
    let measured = words_before(f.folded, h.span.start, 6)
        .take_while(|w| w.as_ptr() as usize >= phrase.as_ptr() as usize)
        .any(|w| {
            development |= matches!(w, "развития" | "development" | "goals");
            measure(w)
        });
    if measured || (development && goals(phrase)) {
        return true;
    }
    // After it, a possessive or a name it heads ("the United Nations' e-government assessment",
    // "ITU's Global Cybersecurity Index", "UN E-Government Development Index").
    // Without the possessive, only a capitalised name counts ("ITU presented the rating" is the
    // body at work).
    let after = f.text[h.span.end..].split(punctuation).next().unwrap_or("");
    let possessive = ["'s ", "’s ", "' ", "’ "].iter().any(|p| after.starts_with(p));
    let words = after.split(|c: char| !c.is_alphanumeric() && c != '-').filter(|w| !w.is_empty());
    if possessive {
        words.take(5).any(|w| measure(&w.to_lowercase())) || goals(&after.to_lowercase())
    } else {
        words.take(4).take_while(|w| w.starts_with(char::is_uppercase)).any(|w| measure(&w.to_lowercase()))
    }
}

/// True when a name stands where it is only mentioned: in a membership list, as a company's
/// nationality, or in a list of states in a sentence that reports no gathering (rankings,
/// winners of an award, history, partners hoped for).
///
/// Long: one rule after another, each a few lines reading the sentence around the name, in the
/// order they are tried; apart, each would need the same sentence and notes handed to it.
fn only_mentioned(f: &Facts, h: &Hit, notes: &mut [Option<ListNotes>]) -> bool {
    if matches!(h.target, Target::Country(_)) {
        // A figure given for a country ("ranges from 12% in Turkmenistan to 55% in
        // Kazakhstan", "30 процентов в Казахстане"): a statistic, not a part in the event.
        let before = f.folded[..h.span.start].trim_end();
        let figure = ["in", "в", "во"]
            .iter()
            .find_map(|p| before.strip_suffix(p).filter(|b| b.ends_with(' ')))
            .map(str::trim_end)
            .is_some_and(|b| ["%", "процента", "процентов", "percent"].iter().any(|u| b.ends_with(u)));
        // A country in brackets after a quoted name is the company's or the product's
        // ("«Falcon 9» от «SpaceX» (США)", "изготовленный «Thales Alenia Space» (Франция)").
        // So is one after a brand written as one word with capitals inside ("made by
        // ThalesAleniaSpace (France)", "a Falcon 9 from SpaceX (USA)").
        let brand = |name: &str| {
            let last = name.rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
            last.starts_with(|c: char| c.is_ascii_uppercase()) && last.chars().skip(1).any(|c| c.is_ascii_uppercase())
        };
        let quoted_companys = in_brackets(f, h) && {
            let name = f.text[..h.span.start - 1].trim_end();
            name.ends_with(['»', '"', '”']) || brand(name)
        };
        if company_word(word_after(f.folded, h.span.end))
            || currency(f, h)
            || ambassadors_host(f, h)
            || figure
            || quoted_companys
        {
            return true;
        }
    }
    // A route's end or way ("железной дороги «Узбекистан - Кыргызстан - Китай»", "маршруты через
    // Афганистан", "транзит трафика между РФ и Евросоюзом"): the road is named, not a part in
    // the event.
    if matches!(h.target, Target::Country(_) | Target::Body(_))
        && words_before(f.folded, h.span.start, 5).any(route_word)
    {
        return true;
    }
    let Some(s) = f.sentence_of(h.span.start) else { return false };
    // Background ("Напомним, ...", "As a reminder, ...") names what is apart from the story.
    if background_sentence(f, s) {
        return true;
    }
    if matches!(h.target, Target::Country(_)) && in_a_posts_region(f, h, f.sentences[s].start) {
        return true;
    }
    let n = *notes[s].get_or_insert_with(|| ListNotes::of(f, s));
    if n.first_opener.is_some_and(|at| at < h.span.start) {
        return true;
    }
    if let Target::Body(_) = h.target {
        // An abbreviation in brackets after the full name ("the Shanghai Cooperation
        // Organization (SCO)") is named as the full name is.
        let i = f.hits.partition_point(|o| o.span.start < h.span.start);
        if let Some(full) = f.hits[..i].iter().rev().find(|o| o.span.end <= h.span.start)
            && full.target == h.target
            && f.text[full.span.end..h.span.start].trim() == "("
        {
            return only_mentioned(f, full, notes);
        }
        let before: Vec<&str> = words_before(f.folded, h.span.start, 4).collect();
        // A body cited as a source of figures ("according to International Telecommunication
        // Union data (ITU, 2014)", "по данным МСЭ"): where the numbers come from.
        let cited = before.contains(&"according")
            || matches!(before.as_slice(), ["данным" | "оценкам", "по", ..])
            || (f.text[..h.span.start].ends_with('(')
                && f.text[h.span.end..].strip_prefix(", ").is_some_and(|t| {
                    t.len() > 5 && t.as_bytes()[..4].iter().all(u8::is_ascii_digit) && t.as_bytes()[4] == b')'
                }));
        // A body named as what something is outside of ("в единственном государстве вне НАТО",
        // "outside the EU").
        let outside = matches!(before.as_slice(), ["вне" | "outside", ..] | ["the", "outside", ..]);
        if cited || outside || owns_a_measure(f, h) {
            return true;
        }
        // A section or a periodical named after a body ("Газета СНГ", "рубрика ЕАЭС"), an office
        // in a diplomat's title ("при Отделении ООН в Женеве", "to the UN Office"), or a body
        // that describes another ("the specialized UN agency for ICT").
        if before.first().is_some_and(|w| {
            matches!(*w, "газета" | "газеты" | "журнал" | "рубрика" | "раздел" | "отделении" | "отделению")
        }) || (matches!(word_after(f.folded, h.span.end), "office" | "agency")
            && matches!(before.as_slice(), ["the", "to" | "at", ..] | ["specialized" | "specialised", ..]))
            // A body's agency, named as another's description ("CEPOL, the European Union
            // Agency for Law Enforcement Training").
            || (word_after(f.folded, h.span.end) == "agency" && f.folded[..h.span.start].trim_end().ends_with(", the"))
            // A body's place in the UN system, in an "about" paragraph ("ITU is the United
            // Nations specialized agency for ICTs", "МСЭ является специализированным учреждением
            // ООН").
            || matches!(word_after(f.folded, h.span.end), "specialized" | "specialised")
            // "the UPU has served as the UN institute that regulates ...".
            || (before.first() == Some(&"the") && matches!(word_after(f.folded, h.span.end), "institute" | "institution"))
            || (before.first().is_some_and(|w| w.starts_with("учреждени"))
                && before.get(1).is_some_and(|w| w.starts_with("специализированн")))
            // "является ведущим учреждением ООН", "одним из учреждений ООН".
            || before.first().is_some_and(|w| matches!(*w, "учреждением" | "учреждений"))
        {
            return true;
        }
        // A body as the set a state is compared within ("впервые среди стран СНГ", "first among
        // the SCO countries"): a ranking, not a part in the event.
        let among = matches!(before.as_slice(), ["стран" | "государств", "среди", ..])
            || (matches!(before.as_slice(), ["among", ..] | ["the", "among", ..])
                && matches!(word_after(f.folded, h.span.end), "countries" | "nations" | "states" | "members"));
        if among {
            return true;
        }
        // The region named after a body ("в регионе СНГ", "от региона стран Восточной Европы и
        // СНГ", "in the CIS region"): geography, not the body at work.
        let region = |w: &str| {
            matches!(
                w,
                "регион"
                    | "региона"
                    | "регионе"
                    | "региону"
                    | "регионом"
                    | "регионов"
                    | "регионах"
                    | "region"
            )
        };
        // Between the region's word and the body, only other regions' names and "и" ("региона
        // стран Восточной Европы и СНГ"), no punctuation ("событие региона — Неделю СПЕКА").
        let offset = |w: &str| w.as_ptr() as usize - f.folded.as_ptr() as usize;
        // Six words back lie within this many bytes but for rare long words; a search there
        // settles most bodies before any word is read.
        let mut near = h.span.start.saturating_sub(160);
        while !f.folded.is_char_boundary(near) {
            near += 1;
        }
        let near = &f.folded.as_bytes()[near..h.span.start];
        let may_name_region = memchr::memmem::find(near, "регион".as_bytes()).is_some()
            || memchr::memmem::find(near, b"region").is_some();
        let region_before = may_name_region
            && words_before(f.folded, h.span.start, 6).find(|w| region(w)).is_some_and(|w| {
                let between = &f.text[offset(w) + w.len()..h.span.start];
                !between.contains(['—', '–', ',', '.', ':', ';', '(', '«', '"'])
                    && between.split_whitespace().all(|x| {
                        matches!(x, "и" | "and" | "the" | "стран" | "государств") || x.starts_with(char::is_uppercase)
                    })
            });
        if region_before || matches!(word_after(f.folded, h.span.end), "region" | "regions") {
            return true;
        }
        // Examples of a kind ("на площадках, таких как БРИКС, ШОС, МСЭ", "platforms such as the
        // SCO and BRICS"): named, not at work in this event. Only names, commas and "и" stand
        // between the marker and the body.
        let sentence_start = f.sentences[s].start;
        let lead_in = &f.folded[sentence_start..h.span.start];
        let after_kak = last_marker!(lead_in, " как ")
            .filter(|&(i, _)| matches!(words_before(lead_in, i, 1).next(), Some("таких" | "такие" | "такими")));
        let marker = [after_kak, last_marker!(lead_in, "such as ")].into_iter().flatten().map(|(i, len)| i + len).max();
        if marker.is_some_and(|at| only_names(&f.text[sentence_start + at..h.span.start])) {
            return true;
        }
        // A body as what a state belongs to ("активный член ЕАЭС", "партнерами по СНГ", "a
        // member of the CSTO") or as the author or party of a document ("Соглашение об
        // ассоциации РМ-ЕС", "стратегии кибербезопасности ЕС", "the Statement of the Council of
        // Heads of State of the SCO"): named, not taking part.
        // But the member states' own gathering ("совещания министров внутренних дел
        // государств-членов ОДКБ") is the body's: a gathering word governs the members, a few
        // words before them.
        let members_gather = matches!(before.as_slice(), [m, "государств" | "стран", ..] if m.starts_with("член"))
            && f.cues_in(s).any(|(c, cs)| {
                *c == Cue::Gathering && cs.end <= h.span.start && words_between_at_most(f.text, cs.end, h.span.start, 6)
            });
        let member = !members_gather
            && (matches!(before.first(), Some(w) if w.starts_with("член") || w.starts_with("партнер"))
                || matches!(before.as_slice(), ["по", w, ..] if w.starts_with("партнер"))
                || matches!(before.as_slice(), ["of", "member" | "members" | "partner" | "partners", ..]));
        // The document's name may be long ("Соглашение о всеобъемлющем и расширенном партнерстве
        // между Арменией и ЕС"); it stays within the clause.
        // Looked for within the sentence: a clause does not run across one.
        let from = f.sentences[s].start;
        let clause = clause_start(f.folded, from, h.span.start, b",.;:(\n");
        let document = words_before(&f.folded[clause..h.span.start], h.span.start - clause, 10).any(|w| {
            ["соглашени", "стратеги", "конвенци", "устав", "хартии", "хартия", "деклараци", "договор"]
                .iter()
                .any(|d| w.starts_with(d))
                || matches!(w, "statement" | "strategy" | "convention" | "charter" | "declaration" | "agreement")
        }) && !f.has_cue(s, Cue::Gathering)
            // Unless the sentence acts on the document ("Госдума ратифицировала соглашение стран
            // СНГ", "the agreement of the CSTO states entered into force"): the body's agreement
            // is then the story's subject.
            && !phrases!("ратифицир", "ratif", "вступил", "вступает", "into force", "утвердил", "approved")
                .any_in(&f.folded[f.sentences[s].clone()]);
        // A document that bears the body's name ("the UN Framework Convention on Climate Change",
        // "the UN Charter"), whatever the sentence reports.
        let named_document = matches!(word_after(f.folded, h.span.end), "framework" | "charter");
        if member || document || named_document {
            return true;
        }
        // A body as the arena states act in ("согласовывать позиции в ООН и на других
        // площадках", "на площадке ООН", "ключевая роль отводится ООН"): the states' work there
        // is the subject, not the body's part in this event.
        let sentence = &f.folded[f.sentences[s].clone()];
        let arena = (matches!(before.as_slice(), ["в" | "in" | "at", ..] | ["the", "in" | "at", ..])
            && ["площадк", "platform", "форумах", " fora"].iter().any(|w| sentence.contains(w)))
            || matches!(before.first(), Some(&("площадке" | "площадках")))
            || before.iter().take(3).any(|w| matches!(*w, "роль" | "role"));
        if arena {
            return true;
        }
        // The region another body's office serves: "ITU Regional Office for the CIS",
        // "Зональное отделение МСЭ для региона СНГ".
        // The region may be named with others ("UNDP Regional Bureau for Europe and the CIS").
        let serves = before.iter().take(4).any(|w| matches!(*w, "for" | "для"));
        return serves
            && f.hits.iter().any(|o| {
                matches!(o.target, Target::Body(_))
                    && o.span.end <= h.span.start
                    && words_between_at_most(f.text, o.span.end, h.span.start, 7)
            });
    }
    // The states a list of people comes from take part ("Участие приняли представители
    // министерств из Казахстана, Азербайджана, Турции и Узбекистана", "experts from Russia,
    // Belarus, ..."), to the end of the clause.
    if n.from_people.is_some_and(|at| at < h.span.start && !f.folded[at..h.span.start].contains([';', '.'])) {
        return false;
    }
    // The rest speaks of lists of states, in a sentence that reports no gathering or only ones
    // hoped for ("Рассчитываем, что будут подписаны соглашения с Кубой, Румынией, ...").
    // A state named alone is a member where the word of membership comes first: after it, the
    // word speaks of others ("Kazakhstan's minister called on his colleagues in the Council's
    // member countries").
    let speaks_of_others = n.states == 1 && n.member_word.is_some_and(|at| at > h.span.end);
    let as_member = n.membership_noun && !speaks_of_others;
    (!f.has_cue(s, Cue::Gathering) || prospective(f, s)) && (as_member || n.states >= 4)
}

/// The words of a stretch of the original text.
fn list_words(list: &str) -> impl Iterator<Item = &str> {
    list.split(|c: char| !crate::lexicon::is_word_char(c)).filter(|w| !w.is_empty())
}

/// True when a stretch of the original text holds only names and the words that join them
/// ("Казахстану, Афганистану и Ирану", "БРИКС, ШОС, МСЭ"): a list, not a clause that goes on.
fn only_names(list: &str) -> bool {
    list_words(list).all(|w| matches!(w, "и" | "and" | "the") || w.starts_with(char::is_uppercase))
}

/// True when a body is named, away from the story's head, as a framework two parties work in
/// ("expanding interaction within the United Nations, the SCO and BRICS", "развивать
/// сотрудничество в рамках ООН и ШОС"): the relations' settings, not a party to this event.
/// Only names, commas and "и" stand between the framework's words and the body.
fn cooperation_within(f: &Facts, h: &Hit) -> bool {
    let Some(s) = f.sentence_of(h.span.start) else { return false };
    let lead_in = &f.folded[f.sentences[s].start..h.span.start];
    let Some((at, len)) =
        last_marker!(lead_in, " within the ", " within ", " в рамках ", " на площадках ", " на площадке ")
    else {
        return false;
    };
    let start = f.sentences[s].start;
    only_names(&f.text[start + at + len..h.span.start])
        && words_before(lead_in, at, 3).any(|w| {
            ["взаимодейств", "сотруднич", "координац", "interaction", "cooperation", "partnership", "coordination"]
                .iter()
                .any(|p| w.starts_with(p))
        })
}

/// True when a country is part of the region an official's post covers ("региональным
/// представителем УНП ООН по Центральной Азии, Афганистану, Ирану и Пакистану", "Regional
/// Representative for Central Asia, Afghanistan and Iran"): named in a title, not taking part.
/// Only names and "и", "and" stand between the "по" or "for" and the country, so a sentence
/// that goes on ("представитель по культурному сотрудничеству посетил Узбекистан") is not one.
fn in_a_posts_region(f: &Facts, h: &Hit, sentence_start: usize) -> bool {
    let before = &f.folded[sentence_start..h.span.start];
    let Some((at, len)) = last_marker!(before, " по ", " for ") else {
        return false;
    };
    let list = &f.text[sentence_start + at + len..h.span.start];
    let names_only = list_words(list).count() <= 8 && only_names(list);
    names_only
        && words_before(f.folded, sentence_start + at, 10).any(|w| {
            ["представител", "координатор", "посланник", "спецпосланник", "representative", "coordinator", "envoy"]
                .iter()
                .any(|r| w.starts_with(r))
        })
}

/// True when a state names a currency ("80-100 миллионов долларов США", "US dollars", "US$").
fn currency(f: &Facts, h: &Hit) -> bool {
    f.text[h.span.end..].starts_with('$')
        || word_after(f.folded, h.span.end).starts_with("dollar")
        || words_before(f.folded, h.span.start, 1).next().is_some_and(|w| w.starts_with("доллар"))
}

/// True when a state is where an ambassador serves, in the ambassador's title ("Ambassador of
/// Kazakhstan to Switzerland", "посол Казахстана в Швейцарии"): the host of the posting, not a
/// party to what the ambassador does. Only names and the title's words stand between.
fn ambassadors_host(f: &Facts, h: &Hit) -> bool {
    let mut before = words_before(f.folded, h.span.start, 6);
    if !matches!(before.next(), Some("to" | "в" | "во")) {
        return false;
    }
    for w in before {
        if w.starts_with("ambassador")
            || matches!(w, "envoy" | "посол" | "посла" | "послу" | "послом" | "послы" | "послов" | "послам")
        {
            return true;
        }
        let at = w.as_ptr() as usize - f.folded.as_ptr() as usize;
        let title_word = matches!(
            w,
            "of" | "the" | "и" | "and" | "extraordinary" | "plenipotentiary" | "чрезвычайный" | "полномочный"
        );
        if !title_word && !f.text[at..].starts_with(char::is_uppercase) {
            return false;
        }
    }
    false
}

/// True when sentence `s` speaks of what is to come or hoped for, and reports no gathering held
/// ("главы ведомств обсудили, как будут работать" reports one).
fn prospective(f: &Facts, s: usize) -> bool {
    !reports_held(f, s)
        && (announces(f, s) || {
            let sentence = &f.folded[f.sentences[s].clone()];
            phrases!(
                "будут",
                "будет",
                "рассчитыва",
                "планиру",
                "намерен",
                " would ",
                " expects",
                " plans to",
                " intends",
                "готов",
                " ready to",
                " willing"
            )
            .any_in(sentence)
        })
}

/// True when a sentence has a word that reads as a verb in the past ("вела", "приняли",
/// "provided"): taken broadly, as a noun that ends so only makes the sentence read as a report.
fn tells_of_the_past(sentence: &str) -> bool {
    sentence.split(|c: char| !crate::lexicon::is_word_char(c)).any(|w| {
        w.chars().count() > 3
            && (["л", "ла", "ло", "ли", "лся", "лась", "лось", "лись"].iter().any(|e| w.ends_with(e))
                || (w.ends_with("ed") && w.is_ascii())
                || matches!(w, "met" | "took" | "held"))
    })
}

/// True when sentence `s` reports a gathering held: a gathering word in the past ("прошла",
/// "обсудили", "met", "held").
fn reports_held(f: &Facts, s: usize) -> bool {
    f.cues_in(s).any(|(c, span)| {
        *c == Cue::Gathering && {
            let w = f.folded[span.clone()].split_whitespace().next().unwrap_or("");
            ["л", "ла", "ло", "ли", "лся", "лась", "лось", "лись", "ed"].iter().any(|e| w.ends_with(e))
                || matches!(w, "met" | "took")
        }
    })
}

/// Nouns for the people a list of states sends ("представители из", "experts from"), and for the
/// agencies they come from ("профильных органов из шести государств").
fn people_noun(w: &str) -> bool {
    [
        "представител",
        "эксперт",
        "специалист",
        "сотрудник",
        "делегаци",
        "делегат",
        "участник",
        "министр",
        "руководител",
        "глав",
        "орган",
        "ведомств",
    ]
    .iter()
    .any(|p| w.starts_with(p))
        || matches!(
            w,
            "representatives"
                | "experts"
                | "specialists"
                | "delegations"
                | "delegates"
                | "ministers"
                | "officials"
                | "participants"
                | "agencies"
                | "authorities"
        )
}

/// Where "из" or "from" (or "representing") follows a noun for people, at most four words after
/// it, in `hay` (a sentence of the folded text starting at byte `base`).
fn from_people_at(hay: &str, base: usize) -> Option<usize> {
    ["из ", "from ", "representing ", "представляющие ", "представляющих "].iter().find_map(|p| {
        hay.match_indices(p).find_map(|(at, _)| {
            let word_start = !hay[..at].chars().next_back().is_some_and(crate::lexicon::is_word_char);
            (word_start && words_before(hay, at, 4).any(people_noun)).then_some(base + at)
        })
    })
}

/// What a sentence says of the states named in it, worked out once for all its names: how many
/// states it names and, where it lists two or more, where a membership list opens and whether it
/// speaks of members.
#[derive(Clone, Copy, Debug, Default)]
struct ListNotes {
    first_opener: Option<usize>,
    membership_noun: bool,
    /// Where a word of membership itself stands ("members", "членов"), when it is the first such
    /// word and no ranking or example comes before it.
    member_word: Option<usize>,
    states: usize,
    /// Where a list of the places people came from opens (see [`from_people_at`]).
    from_people: Option<usize>,
}

impl ListNotes {
    fn of(f: &Facts, s: usize) -> ListNotes {
        let sentence = f.sentences[s].clone();
        let mut notes = ListNotes::default();
        // Each word is looked for by a vector search over the sentence, rather than the sentence
        // cut into words: this is asked of every sentence that names a state or a body.
        // Hits are in text order.
        let first = f.hits.partition_point(|h| h.span.start < sentence.start);
        notes.states = f.hits[first..]
            .iter()
            .take_while(|h| h.span.start < sentence.end)
            .filter(|h| matches!(h.target, Target::Country(_)))
            .count();
        if notes.states == 0 {
            return notes;
        }
        let hay = &f.folded[sentence.clone()];
        // The first of the searcher's words that stands as a whole word (matches come in text
        // order).
        let whole_word_at = |searcher: &aho_corasick::AhoCorasick| {
            searcher.find_iter(hay).find(|m| {
                let before = hay[..m.start()].chars().next_back();
                let after = hay[m.end()..].chars().next();
                !before.is_some_and(crate::lexicon::is_word_char) && !after.is_some_and(crate::lexicon::is_word_char)
            })
        };
        let (openers, nouns) = membership_finders();
        // One state may be named as a member ("пригласило 6 новых членов, среди них Аргентину").
        let noun = whole_word_at(nouns);
        notes.membership_noun = noun.is_some();
        notes.member_word = noun
            .filter(|m| hay[m.range()].starts_with("член") || hay[m.range()].starts_with("member"))
            .map(|m| sentence.start + m.start());
        // A list names two states at least: most sentences name one, and are searched no further.
        if notes.states < 2 {
            return notes;
        }
        notes.first_opener = whole_word_at(openers).map(|m| sentence.start + m.start());
        notes.from_people = from_people_at(hay, sentence.start);
        notes
    }
}

/// Participants (countries and bodies that take part in the main event or are its subject) and
/// the rest the text names. A name counts as a participant if any of its mentions does.
fn countries_and_bodies(
    f: &Facts,
    date: Option<EventDate>,
    head: [Option<usize>; 3],
    evidence: &mut EvidenceList,
) -> (Vec<CountryId>, Vec<BodyId>, Mentioned) {
    let g = Gazetteer::get();
    let mut countries = Vec::with_capacity(f.hits.len());
    let mut orgs = Vec::with_capacity(f.hits.len());
    let mut other_countries = Vec::new();
    let mut other_orgs = Vec::new();
    let mut notes = vec![None; f.sentences.len()];
    // Names in a clause that announces another gathering ("в эти же дни здесь пройдет и саммит
    // «Соединим пространство СНГ»") take part in that one, unless the story is itself an
    // announcement.
    let head_announces = head.into_iter().flatten().any(|s| announces(f, s));
    let to_come = |h: &Hit| {
        !head_announces
            && f.sentence_of(h.span.start)
                .is_some_and(|s| !head.contains(&Some(s)) && announced_in_clause(f, s, &h.span))
    };
    for h in &f.hits {
        let mention = only_mentioned(f, h, &mut notes)
            || to_come(h)
            || (matches!(h.target, Target::Body(_))
                && !f.sentence_of(h.span.start).is_some_and(|s| head.contains(&Some(s)))
                && (f.quoted(h.span.start) || cooperation_within(f, h)))
            || (matches!(h.target, Target::Country(_))
                && (hosts_another_event(f, h, date) || at_side_event(f, h, head)));
        match h.target {
            Target::Country(c) => {
                let code = &g.countries[c as usize].code;
                evidence.push(FactKind::Country, h.span.start..h.span.end, || ShortText::new(code));
                if mention { &mut other_countries } else { &mut countries }.push(CountryId::from_number(c));
            }
            Target::Body(b) => {
                let body = &g.bodies[b as usize];
                evidence.push(FactKind::Body, h.span.start..h.span.end, || ShortText::new(&body.id));
                let list = if mention { &mut other_orgs } else { &mut orgs };
                list.push(BodyId::from_number(b));
                // "ЕЭК ООН" names the UN too; "ЕЭК" alone does not.
                if let Some(number) = body.parent {
                    let parent = &g.bodies[number as usize];
                    let matched = &f.text[h.span.clone()];
                    if parent
                        .abbreviations
                        .iter()
                        .any(|a| matched.split(|c: char| !crate::lexicon::is_word_char(c)).any(|w| w == a))
                    {
                        list.push(BodyId::from_number(number));
                    }
                }
            }
            // Two capitals joined as parties in the story's head ("Москва и Пекин готовятся
            // подписать", "сотрудничества Минска и Москвы") are their states at the table.
            Target::City(c)
                if !mention
                    && f.sentence_of(h.span.start).is_some_and(|s| head.contains(&Some(s)))
                    && city_for_its_state(f, h) =>
            {
                let state = g.cities[c as usize].country;
                if g.capital(state) == Some(c) {
                    countries.push(CountryId::from_number(state));
                }
            }
            _ => {}
        }
    }
    other_countries.retain(|c| !countries.contains(c));
    other_orgs.retain(|o| !orgs.contains(o));
    let mentioned = Mentioned { countries: sorted_distinct(other_countries), orgs: sorted_distinct(other_orgs) };
    (sorted_distinct(countries), sorted_distinct(orgs), mentioned)
}

/// The spans of quoted speech in `text`: between quotation marks (« », “ ”, or straight quotes
/// within a paragraph), twelve words and more. A body named in someone's words away from the
/// story's head is one they spoke of ("повышение роли Международного союза электросвязи", -
/// отмечается в документе); a shorter quotation is a name ("форум «Цифровой шёлковый путь»").
fn quoted_speech(text: &str) -> Vec<Span> {
    const MIN_WORDS: usize = 12;
    // Marks by their bytes: '"', '«' and '»' (0xC2 ..), '“' and '”' (0xE2 0x80 ..); found by a
    // vector search for their first bytes, as this reads every article with a body in it.
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut open: Option<(usize, u8)> = None;
    let mut depth = 0;
    for i in memchr::memchr3_iter(b'"', 0xC2, 0xE2, bytes) {
        let mark = match (bytes[i], bytes.get(i + 1), bytes.get(i + 2)) {
            (b'"', ..) => b'"',
            (0xC2, Some(0xAB), _) => b'<',
            (0xC2, Some(0xBB), _) => b'>',
            (0xE2, Some(0x80), Some(0x9C)) => b'(',
            (0xE2, Some(0x80), Some(0x9D)) => b')',
            _ => continue,
        };
        // A straight quote left open ends with its paragraph.
        if let Some((from, b'"')) = open
            && memchr::memchr(b'\n', &bytes[from..i]).is_some()
        {
            open = None;
        }
        match (open, mark) {
            (None, b'"' | b'<' | b'(') => (open, depth) = (Some((i, mark)), 1),
            (Some((_, b'<')), b'<') => depth += 1,
            (Some((from, o)), c) if matches!((o, c), (b'<', b'>') | (b'(', b')') | (b'"', b'"')) => {
                depth -= 1;
                if depth == 0 {
                    if text[from..i].split_whitespace().nth(MIN_WORDS - 1).is_some() {
                        out.push(from..i);
                    }
                    open = None;
                }
            }
            _ => {}
        }
    }
    out
}

/// True when a name stands in a sentence that opens on a side event ("On the sidelines, the
/// delegation met ministers from ...", "На полях форума министр также встретился с ..."), away
/// from the story's head (`head`: its event's sentence, lead and title): the states met there
/// take part in that, not in the story's event.
fn at_side_event(f: &Facts, h: &Hit, head: [Option<usize>; 3]) -> bool {
    let Some(s) = f.sentence_of(h.span.start) else { return false };
    if head.contains(&Some(s)) {
        return false;
    }
    let opening = f.folded[f.sentences[s].clone()].trim_start();
    if ["on the sidelines", "on the margins", "на полях", "в кулуарах", "кроме того, на полях", "также на полях"]
        .iter()
        .any(|o| crate::lexicon::has_prefix(opening, o))
    {
        return true;
    }
    // Bilateral meetings held during the gathering ("during the days of the event the delegates
    // held bilateral meetings with officials of the USA, the UK, ..."), the name further on in
    // the same clause, unless the head reports meetings: then they are the story.
    let sentence = f.sentences[s].start;
    // Asked of every state named: a vector search for the word's stem settles most sentences.
    let lead_in = &f.folded.as_bytes()[sentence..h.span.start];
    let may_name_bilateral = memchr::memmem::find(lead_in, b"bilateral").is_some()
        || memchr::memmem::find(lead_in, "двусторонн".as_bytes()).is_some();
    let bilateral = phrases!("bilateral meetings", "двусторонние встречи", "двусторонних встреч");
    may_name_bilateral
        && bilateral
            .end_in(&f.folded[sentence..h.span.start])
            .is_some_and(|end| !f.text[sentence + end..h.span.start].contains(['"', '»', '“', '”', ';', '–', '—']))
        && !head.into_iter().flatten().any(|h| {
            phrases!("meetings", "talks", "встречи", "встреч ", "переговор").any_in(&f.folded[f.sentences[h].clone()])
        })
}

/// The distinct values of `v`, sorted (countries and bodies sort as their codes do).
fn sorted_distinct<T: Ord>(mut v: Vec<T>) -> Vec<T> {
    v.sort_unstable();
    v.dedup();
    v
}

/// The lead: the first sentence of the body that is one, not a byline, a place name or a
/// caption credit left standing alone ("Weather", "ALMATY.", "By Azernews", "МОСКВА, 20 дек -
/// РИА Новости.").
fn lead_sentence(f: &Facts, title: Option<&Span>) -> Option<usize> {
    let lead_like = |s: &Span| {
        title.is_none_or(|t| !t.contains(&s.start))
            && !words_between_at_most(f.text, s.start, s.end, LEAD_WORDS_AT_LEAST - 1)
            && !photo_caption(&f.folded[s.clone()])
    };
    // The lead follows the headline: what stands above it (a tag list run on from a metadata
    // line, a banner) leads nothing, unless nothing follows.
    let after_title = title.map_or(0, |t| f.sentences.partition_point(|s| s.start < t.end));
    f.sentences[after_title..]
        .iter()
        .position(lead_like)
        .map(|i| after_title + i)
        .or_else(|| f.sentences.iter().position(lead_like))
}

/// True for a photo's caption, which credits it ("[Photo/Xinhua]", "Фото: пресс-служба").
fn photo_caption(folded: &str) -> bool {
    phrases!("[photo", "photo/", "photo:", "фото:", "фото /").any_in(folded)
}

/// Words a sentence needs to be a lead: datelines and credits have fewer.
const LEAD_WORDS_AT_LEAST: usize = 7;

/// The event's kind, from the kind words of the head and the event's sentence, weighed.
///
/// Long: the weights of each word (where it stands, what frames it, what it is part of) are
/// settled in one pass over the words, and every adjustment needs the same sentence marks.
fn kind(f: &Facts, title: Option<&Span>, anchor: Option<usize>) -> Kind {
    let first_body = lead_sentence(f, title);
    let mut scores: FastMap<Kind, u32> = FastMap::default();
    // Each kind word's weight, kept for the head's checks below: a word that names no gathering
    // here (quoted, a frame, a stance) names none there either.
    let mut counted = vec![false; f.kinds.len()];
    for (i, ((k, w), span)) in f.kinds.iter().enumerate() {
        let s = f.sentence_of(span.start);
        // The title and the lead sentence summarise the story; the event's own sentence next.
        let factor = if title.is_some_and(|t| t.contains(&span.start)) || (s.is_some() && s == first_body) {
            3
        } else if s.is_some() && s == anchor {
            2
        } else {
            1
        };
        // "пресс-конференция", "press conference": a briefing, counted as one; "video
        // conference": a meeting held so; "пленарная сессия", "plenary meeting": a part of a
        // larger gathering, which names its kind. A word of a body's name ("Организация Договора о
        // коллективной безопасности") names no gathering.
        let compound = *k != Kind::Statement
            && (matches!(
                words_before(f.folded, span.start, 1).next(),
                Some("пресс" | "press" | "video" | "видео" | "пленарной" | "пленарном" | "пленарное" | "plenary")
            ) || held_for_the_press(f, span));
        // Words quoted ("«Со дня подписания соглашения ...», — сказал министр") are what someone
        // said: the story is the saying, not what the words name.
        let quoted = *k != Kind::Statement && f.quoted(span.start);
        // Background ("Напомним, ...", "As a reminder, ... met at the Summit") tells of other
        // happenings.
        // So is the signing of an agreement the head reports ratified or in force.
        let head = [title.and_then(|t| f.sentence_of(t.start)), first_body];
        let background = s.is_some_and(|s| background_sentence(f, s) || agreements_past_signing(f, s, &head));
        let weight = match kind_setting(f.folded, span.start) {
            _ if compound
                || quoted
                || background
                || in_body_name(f, span)
                || (*k != Kind::Statement && stance_on(f.folded, span.start))
                || (*k == Kind::Agreement && signs_an_act(f.folded, span.end))
                || (*k == Kind::Agreement && signing_to_come(f.folded, span.start)) =>
            {
                0
            }
            KindSetting::Frame => 0,
            KindSetting::Attended => 2 * w,
            KindSetting::Plain => *w,
        };
        // A gathering's own name ("the World Telecommunication Development Conference") is
        // what the story is of; "a meeting", "talks" may be any of its side events.
        let named = f.text[span.clone()].starts_with(|c: char| c.is_ascii_uppercase())
            && !crate::lexicon::starts_sentence(f.text, span.start);
        let weight = if named { 2 * weight } else { weight };
        counted[i] = weight > 0;
        if weight > 0 {
            *scores.entry(*k).or_default() += weight * factor;
        }
    }
    // A gathering called off ("форум не состоится", "the forum was cancelled") takes place
    // nowhere: the story is the announcement.
    // The headline and the lead, asked for words that set the whole story.
    let head_has = |phrases: &Phrases| {
        [title.cloned(), first_body.map(|l| f.sentences[l].clone())]
            .into_iter()
            .flatten()
            .any(|head| phrases.any_in(&f.folded[head]))
    };
    let called_off = head_has(phrases!(
        " не состоится",
        " не пройдет",
        " не пройдёт",
        "отменен",
        "отменили",
        "cancelled",
        "canceled",
        "called off"
    ));
    if called_off {
        return Kind::Statement;
    }
    // An award received or presented ("the award was received by Kazakhstan's e-Government
    // application", "ООН наградила страны") is the story, whatever gathering it was given at.
    let award = phrases!("award", "prize", "наград", "премию", "премия", "премии ", "лауреат");
    let given = phrases!("receiv", "present", "won ", "получил", "вручил", "вручен", "удостоен", "наградил");
    let award_given = [title.cloned(), first_body.map(|l| f.sentences[l].clone())]
        .into_iter()
        .flatten()
        .any(|head| award.any_in(&f.folded[head.clone()]) && given.any_in(&f.folded[head]));
    if award_given {
        return Kind::Other;
    }
    let title_names_gathering = f.kinds.iter().any(|((k, _), span)| {
        *k != Kind::Statement && title.is_some_and(|t| t.contains(&span.start)) && !held_for_the_press(f, span)
    });
    if words_sent(f, title, first_body, title_names_gathering) {
        return Kind::Statement;
    }
    if title.is_some_and(|t| visit_heads(f, t)) {
        return Kind::Visit;
    }
    // A headline that reports words said ("Генсек ОДКБ назвал кибербезопасность приоритетом",
    // "Лукашенко: ИКТ — одна из опор экономики"), over a lead that names no gathering either,
    // heads a statement, whatever gatherings the body goes on to name.
    if let Some(t) = title {
        let lead = first_body.map(|i| f.sentences[i].clone());
        let in_title = |want_statement: bool| {
            f.kinds.iter().zip(&counted).any(|(((k, _), span), &counted)| {
                (counted || want_statement)
                    && (*k == Kind::Statement) == want_statement
                    && (t.contains(&span.start)
                        || (!want_statement && lead.as_ref().is_some_and(|l| l.contains(&span.start))))
            })
        };
        let head = &f.text[t.clone()];
        // "Мезенцев: концепцию рассмотрят ...", and words given before their speaker after a
        // comma and a dash ("Интернет не отключат, — глава Минцифры").
        let speaker_colon = head
            .split_once(": ")
            .is_some_and(|(who, _)| (1..=4).contains(&who.split_whitespace().count()) && !who.contains(['«', '"']))
            || [", — ", ", – ", ",— "].iter().any(|d| head.contains(d));
        // Words said at a gathering ("выступил на заседании ОЧЭС", "addressing the forum") in
        // the lead, the sentence after it or the event's sentence are that gathering's story; so is a headline that
        // reports one ("послание президента обсудили в Ташкенте").
        // So is a gathering the lead or the sentence after it reports held ("Такие итоги
        // состоявшихся в Минске консультаций подвела пресс-служба").
        let spoken_at = f.kinds.iter().zip(&counted).any(|(((k, _), span), &counted)| {
            let s = f.sentence_of(span.start);
            counted
                && *k != Kind::Statement
                && [first_body, first_body.map(|l| l + 1), anchor].contains(&s)
                && (kind_setting(f.folded, span.start) == KindSetting::Attended
                    || s.is_some_and(|s| f.has_cue(s, Cue::Gathering)))
        });
        let title_gathers = f
            .cues
            .iter()
            .any(|(c, span)| *c == Cue::Gathering && t.contains(&span.start) && !stance_on(f.folded, span.start));
        // A lead that reports words said and no gathering ("Белоруссия поддержала планы РФ ...,
        // заявил министр") heads a statement as such a headline does.
        let lead_speaks = first_body.is_some_and(|l| speaks_without_gathering(f, l));
        if (in_title(true) || speaker_colon || lead_speaks) && !in_title(false) && !spoken_at && !title_gathers {
            return Kind::Statement;
        }
    }
    let in_head = |span: &Span| {
        title.is_some_and(|t| t.contains(&span.start))
            || [first_body, anchor].into_iter().flatten().any(|l| f.sentences[l].contains(&span.start))
    };
    // A briefing in the head or in the event's sentence counts against a headline that names no
    // gathering: "Tashkent to host the forum",
    // told at a press conference, is still the forum's story.
    let briefing = !title_names_gathering
        && f.kinds.iter().any(|((k, w), span)| *k == Kind::Statement && *w >= 2 && in_head(span));
    // A signing is the story when the head reports one: documents named elsewhere ("соглашение
    // о ...", "a memorandum is being prepared") are what a meeting or a statement spoke of.
    let near_head = |span: &Span| {
        in_head(span) || first_body.is_some_and(|l| f.sentence_of(span.start).is_some_and(|s| s > l && s <= l + 2))
    };
    let signed_in_head = f.kinds.iter().any(|((k, _), span)| {
        *k == Kind::Agreement
            && near_head(span)
            && !signs_an_act(f.folded, span.end)
            && ["подпис", "sign", "заключ", "conclud", "парафир", "initial"]
                .iter()
                .any(|v| f.folded[span.clone()].starts_with(v))
            && !signing_to_come(f.folded, span.start)
            && !f.sentence_of(span.start).is_some_and(|s| {
                agreements_past_signing(f, s, &[title.and_then(|t| f.sentence_of(t.start)), first_body])
            })
    });
    let best = scores
        .iter()
        .filter(|(k, _)| briefing || **k != Kind::Statement)
        .filter(|(k, _)| signed_in_head || **k != Kind::Agreement || scores.len() == 1)
        .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
        .map(|(k, _)| *k);
    // An agreement approved, ratified or in force ("Правительство утвердило соглашение", "с 1
    // апреля начало действовать соглашение", "the agreement entered into force"), with no
    // signing in the head, is an act at home: no gathering, no signing.
    let acted_on = || {
        head_has(phrases!(
            "в силу",
            "начало действовать",
            "начал действовать",
            "начали действовать",
            "into force",
            "ратифицир",
            "ratif",
            "утвердил",
            "утвержд",
            "одобрил",
            "одобрен",
            "согласовал",
            "approved",
            "approves",
        ))
    };
    // A legislature's vote on an agreement ("Мажилис ратифицировал соглашение", "the lower house
    // approved ratifying the agreement") is an act at home whatever session it was taken at.
    let by_legislature = || {
        head_has(phrases!(
            "парламент",
            "мажилис",
            "сенат",
            "госдум",
            "государственная дума",
            "депутат",
            "parliament",
            "lower house",
            "upper house",
            "senate",
            "duma",
            "mazhilis",
            "majlis",
            "lawmakers",
        ))
    };
    match best {
        Some(Kind::Agreement) if !signed_in_head && acted_on() => Kind::Other,
        Some(Kind::Meeting)
            if !signed_in_head && scores.contains_key(&Kind::Agreement) && acted_on() && by_legislature() =>
        {
            Kind::Other
        }
        Some(k) => k,
        // An act on an agreement told by someone ("the upper house ratified the agreement, the
        // senator told colleagues"): still the act, not the telling.
        None if !signed_in_head && scores.contains_key(&Kind::Agreement) && acted_on() => Kind::Other,
        None if scores.contains_key(&Kind::Statement) => Kind::Statement,
        None => Kind::Other,
    }
}

/// True when a gathering word names one held for the press ("в ходе заседания Международного
/// пресс-клуба", "встреча с журналистами", "a meeting with reporters"): words said to the press,
/// a briefing by another name.
fn held_for_the_press(f: &Facts, span: &Span) -> bool {
    let mut at = span.end;
    for _ in 0..3 {
        let w = word_after(f.folded, at);
        if w.is_empty() {
            return false;
        }
        let start = w.as_ptr() as usize - f.folded.as_ptr() as usize;
        // One phrase: "конференция, сообщила пресс-служба" names its source, not its guests.
        if f.folded[span.end..start].contains([',', '.', ';', ':', '—', '–']) {
            return false;
        }
        if matches!(w, "пресс" | "press" | "сми" | "media" | "reporters")
            || w.starts_with("журналист")
            || w.starts_with("journalist")
        {
            return true;
        }
        at = start + w.len();
    }
    false
}

/// True when the story is words sent or given rather than a gathering attended: a greeting or
/// message sent to a gathering's participants or to a body's head ("направил приветствие
/// участникам форума", "в послании генсеку МСЭ", "has sent greetings to the participants of the
/// forum"), said so in the headline or in the lead under a headline that names no gathering; or an
/// interview the outlet prints ("рассказал в интервью", "Предлагаем читателям текст интервью"),
/// whatever gathering brought the speaker.
fn words_sent(f: &Facts, title: Option<&Span>, first_body: Option<usize>, title_names_gathering: bool) -> bool {
    let greets = |span: Span| {
        let text = &f.folded[span];
        // Their distinctive stems first: most heads have none, and phrases that open with "в"
        // give a search nothing rare to skip to.
        phrases!(
            "приветств",
            "поздрав",
            "послани",
            "видеоречь",
            "видеообращ",
            "greeting",
            "message",
            "congratulat",
            "video address"
        )
        .any_in(text)
            && phrases!(
                "направил приветствие",
                "направил приветственн",
                "приветствие участникам",
                "приветствии, которое",
                "обратился с приветствием",
                "обратился с поздравлением",
                "обратился с видеоречью",
                "обратился с видеообращением",
                "video address",
                "video message",
                "поздравил участников",
                "в послании",
                "sent greetings",
                "sent a greeting",
                "greetings to the participants",
                "greeting to the participants",
                "message to the participants",
                "congratulated the participants",
                "in a message to",
                "in his message to",
            )
            .any_in(text)
    };
    let after_lead = first_body.map(|l| l + 1).filter(|&s| s < f.sentences.len());
    let greeting_in_lead = [first_body, after_lead].into_iter().flatten().any(|s| greets(f.sentences[s].clone()));
    if title.is_some_and(|t| greets(t.clone())) || (greeting_in_lead && !title_names_gathering) {
        return true;
    }
    let interview = |span: Span| phrases!("в интервью", "in an interview", "interview with").any_in(&f.folded[span]);
    // An interview's introduction may run a few sentences before it says so ("О том, какие
    // риски существуют, в интервью РИА Новости рассказал ...").
    let head_sentences = first_body.map_or(0..0, |l| l..(l + 6).min(f.sentences.len()));
    title.into_iter().cloned().chain(head_sentences.map(|s| f.sentences[s].clone())).any(interview)
        || phrases!("текст интервью", "full interview", "the interview below").any_in(f.folded)
}

/// True when the headline reports a visit and names no other gathering: "с рабочим визитом",
/// "посетила компанию", "returns from Moscow trip", or a delegation as its subject ("Tajik
/// delegation learns about ...", "Делегация Казахстана ознакомилась ..."). The talks and tours
/// the body goes on to list are the visit's programme. A visit that only frames the headline's
/// happening ("В рамках визита ... подписано", "Во время визита ... прошла встреча") and a
/// delegation received ("встретился с делегацией", "met a delegation") head no visit.
fn visit_heads(f: &Facts, title: &Span) -> bool {
    let framed = |at: usize| {
        let before: Vec<&str> = words_before(f.folded, at, 4).collect();
        kind_setting(f.folded, at) == KindSetting::Frame
            || before.windows(2).any(|w| matches!((w[1], w[0]), ("во", "время") | ("в", "ходе") | ("course", "of")))
            || before.contains(&"during")
    };
    let in_title = |span: &Span| title.contains(&span.start) && !in_body_name(f, span);
    let visit = f.kinds.iter().any(|((k, _), span)| *k == Kind::Visit && in_title(span) && !framed(span.start));
    let delegation = || {
        let words: Vec<&str> = list_words(&f.folded[title.clone()]).collect();
        words.iter().enumerate().any(|(i, w)| {
            (*w == "делегация" || *w == "delegation")
                && !words[i.saturating_sub(4)..i].iter().any(|b| {
                    matches!(
                        *b,
                        "with"
                            | "receives"
                            | "received"
                            | "receive"
                            | "met"
                            | "meets"
                            | "meet"
                            | "hosts"
                            | "hosted"
                            | "host"
                            | "welcomes"
                            | "welcomed"
                    )
                })
        })
    };
    let other = f.kinds.iter().any(|((k, _), span)| !matches!(k, Kind::Visit | Kind::Statement) && in_title(span));
    (visit || delegation()) && !other
}

/// True when the words before an agreement word say it is yet to be signed ("намерены подписать
/// меморандум", "будут подписаны соглашения", "plan to sign a memorandum", "подготовка к
/// подписанию") or that a draft or a
/// signed text was approved ("одобрил проект меморандума", "approved the draft memorandum",
/// "утвердил соглашение"), or that someone is empowered to sign ("министр уполномочен на
/// подписание", "authorized to sign"): an intention or a decision at home, not a signing.
fn signing_to_come(folded: &str, at: usize) -> bool {
    words_before(folded, at, 3).any(|w| {
        matches!(w, "подписать" | "заключить" | "будут" | "будет" | "sign" | "conclude" | "will" | "draft")
            || [
                "проект",
                "утверд",
                "одобр",
                "ратифиц",
                "подготов",
                "готов",
                "уполномоч",
                "approv",
                "ratif",
                "prepar",
                "authori",
                "empower",
            ]
            .iter()
            .any(|p| w.starts_with(p))
    })
}

/// True when a signing word is followed by a law or a decree ("подписал закон «О ратификации
/// Протокола ...»", "signed the decree", "signed into law"): an act at home, not an agreement
/// signed with another party.
fn signs_an_act(folded: &str, at: usize) -> bool {
    let w = word_after(folded, at);
    // "указанное соглашение" is the agreement named before, "billion" no bill.
    ["закон", "постановлени", "распоряжени", "decree"].iter().any(|p| w.starts_with(p))
        || matches!(w, "указ" | "указы" | "law" | "laws" | "bill" | "bills")
        || (w == "into" && word_after(folded, at + folded[at..].find("into").map_or(0, |i| i + 4)) == "law")
}

/// True when the words before a gathering word say someone is ready for it, means it or
/// proposes it ("Белоруссия готова завершить переговоры", "предложил провести саммит", "ready to
/// hold talks"): a stance, which is words said, not a gathering held or set for a day.
/// The gathering is the stance's object: one named as where something happened ("предложение
/// прозвучало на встрече") was held.
fn stance_on(folded: &str, at: usize) -> bool {
    let mut before = words_before(folded, at, 4).peekable();
    if before.peek().is_some_and(|w| matches!(*w, "на" | "в" | "во" | "at" | "in" | "on" | "during")) {
        return false;
    }
    before.any(|w| {
        [
            "готов",
            "намерен",
            "предлага",
            "предложил",
            "призва",
            "призыва",
            "хочет",
            "хотят",
            "ready",
            "willing",
            "propose",
        ]
        .iter()
        .any(|p| w.starts_with(p))
    })
}

/// How the words before a kind word set the gathering it names against the story.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum KindSetting {
    /// The frame another happening took place in ("в рамках форума", "на полях саммита", "on
    /// the margins of the conference"): the story is of what happened there.
    Frame,
    /// The gathering someone attends or speaks at ("принял участие в конференции", "выступил на
    /// форуме", "is taking part in the conference"): the story is of that gathering, whatever
    /// talks its guests held on the side.
    Attended,
    Plain,
}

/// Where the clause that ends at byte `at` of `text` begins: just after the last of `stops` (ASCII
/// punctuation, which no other character's bytes hold) before `at`, or at `from`. Found by vector
/// searches, three stops at a time: a search by character walked the clause back one character
/// at a time, and this is asked for every body and every kind word.
fn clause_start(text: &str, from: usize, at: usize, stops: &[u8]) -> usize {
    let hay = &text.as_bytes()[from..at];
    let last = stops.chunks(3).filter_map(|c| match *c {
        [a] => memchr::memrchr(a, hay),
        [a, b] => memchr::memrchr2(a, b, hay),
        [a, b, c] => memchr::memrchr3(a, b, c, hay),
        _ => None,
    });
    last.max().map_or(from, |i| from + i + 1)
}

/// The setting of the kind word at byte `at`, from the few words before it: a gathering's name
/// may stand between ("в рамках XV Международного форума", "on the first day of the Digital
/// Almaty 2024 forum").
fn kind_setting(folded: &str, at: usize) -> KindSetting {
    // Within the clause: "on the margins of the conference, the minister met" frames no meeting.
    let clause = clause_start(folded, 0, at, b",.;:!?\n");
    let before: Vec<&str> = words_before(&folded[clause..at], at - clause, 6).collect();
    for (i, w) in before.iter().enumerate() {
        let prev = before.get(i + 1).copied().unwrap_or("");
        // A gathering another one prepares, or whose document another one drafts ("заседание
        // оргкомитета по подготовке и проведению форума", "the drafting group on the Declaration
        // of the Ministerial Conference"), is what that one works for, not what is held.
        let prepared = w.starts_with("подготов")
            || matches!(
                *w,
                "preparation" | "preparations" | "preparing" | "preparatory" | "declaration" | "декларации"
            );
        let frame = prepared
            || matches!(*w, "рамках" | "полях")
            || (*w == "of" && matches!(prev, "margins" | "margin" | "sidelines" | "framework" | "day" | "part"));
        if frame {
            return KindSetting::Frame;
        }
        let attended = (matches!(*w, "в" | "во")
            && matches!(prev, "участие" | "участвовал" | "участвовала" | "участвует" | "участвуют" | "участвовали"))
            || (*w == "на" && (prev.starts_with("выступ") || prev.starts_with("прибыл")))
            || (*w == "in" && matches!(prev, "part" | "participated" | "participates" | "participating"))
            || (*w == "at" && matches!(prev, "spoke" | "speaking"))
            || matches!(*w, "attends" | "attended" | "attending" | "attend" | "addressing" | "addressed");
        if attended {
            return KindSetting::Attended;
        }
    }
    KindSetting::Plain
}

/// True when `span` lies inside a body's name.
fn in_body_name(f: &Facts, span: &Span) -> bool {
    // Hits are in text order and do not overlap (but for the targets of one name): the one that
    // could hold the span is found by a binary search.
    let after = f.hits.partition_point(|h| h.span.start <= span.start);
    f.hits[..after]
        .iter()
        .rev()
        .take(4)
        .any(|h| matches!(h.target, Target::Body(_)) && h.span.start <= span.start && span.end <= h.span.end)
}

fn topics(f: &Facts) -> Vec<ShortText> {
    // An article names the same topic many times: gathered as references and owned once each at
    // the end, where a set of owned strings made one for every mention.
    let topics = sorted_distinct(f.topics.iter().filter(|(_, span)| !in_body_name(f, span)).map(|(t, _)| *t).collect());
    topics.into_iter().map(ShortText::new).collect()
}

/// True when both dates are full days at most `days` apart: a side meeting on the eve of a summit
/// is part of the same gathering, not an event of its own.
fn within_days(a: EventDate, b: Option<EventDate>, days: i64) -> bool {
    match (a.to_naive(), b.and_then(super::model::EventDate::to_naive)) {
        (Some(a), Some(b)) => (a - b).num_days().abs() <= days,
        _ => false,
    }
}

/// Other dated gatherings in the article (a side meeting the day before, a follow-up): one
/// secondary event per distinct day, with the names of its own sentence.
fn secondary_events(f: &Facts, anchor: Option<usize>, keep: EvidenceKept, events: &mut Vec<Event>) {
    let g = Gazetteer::get();
    let primary_date = events[0].date;
    let mut seen = vec![primary_date];
    for m in &f.dates {
        let Some(s) = f.sentence_of(m.span().start) else { continue };
        if Some(s) == anchor || !m.has_day() || !f.has_cue(s, Cue::Gathering) {
            continue;
        }
        let Some(d) = m.resolve(f.published) else { continue };
        if seen.contains(&Some(d)) || within_days(d, primary_date, 3) {
            continue;
        }
        seen.push(Some(d));
        let sentence = f.sentences[s].clone();
        let inside = |h: &&Hit| h.span.start >= sentence.start && h.span.end <= sentence.end;
        let mut countries = Vec::new();
        let mut orgs = Vec::new();
        let mut place = None;
        for h in f.hits.iter().filter(inside) {
            match h.target {
                Target::Country(c) => countries.push(CountryId::from_number(c)),
                Target::Body(b) => orgs.push(BodyId::from_number(b)),
                Target::City(c) if place.is_none() && tied_to_cue(f, &h.span).is_some() => {
                    place = Some(city_place(g, c));
                }
                _ => {}
            }
        }
        let p = &events[0];
        let event = Event {
            id: event_id(&p.file, events.len()),
            file: p.file.clone(),
            primary: false,
            // The sentence that reports it: `list` would otherwise show the article's headline
            // twice, for two different gatherings.
            title: Some(sentence_as_title(&f.text[sentence.clone()])),
            published: p.published,
            date: Some(d),
            date_source: Some(if matches!(m, DateMention::Relative { .. } | DateMention::Weekday { .. }) {
                DateSource::Relative
            } else {
                DateSource::Stated
            }),
            place_source: if place.is_some() { Some(PlaceSource::Stated) } else { p.place_source },
            place: place.or_else(|| p.place.clone()),
            countries: sorted_distinct(countries),
            orgs: sorted_distinct(orgs),
            mentioned: Mentioned::default(),
            people: Vec::new(),
            kind: Kind::Meeting,
            topics: Vec::new(),
            warnings: Vec::new(),
            evidence: {
                let mut e = EvidenceList::new(f.text, keep, 1);
                e.push(FactKind::Date, m.span().start..m.span().end, || d.to_compact_string());
                e.finish()
            },
            url: p.url.clone(),
            site: p.site.clone(),
        };
        events.push(event);
    }
}

#[cfg(test)]
mod tests;
