//! The facts ictdip deals in: events, their dates, places, people and the spans they came from.
//!
//! These types are shared by every layer (`extract` produces them, `timeline` indexes them, `ui`
//! and `cli` show them), so they hold data only and know nothing of files or terminals.

pub use crate::registry::{BodyId, CountryId};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::ops::Range;

/// A byte range in an article's cleaned text.
pub type Span = Range<usize>;

/// How much of a date the text gives. A year is never invented: "1 февраля с.г." with no
/// publication date stays `DayMonth`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Precision {
    Year,
    Month,
    Day,
    /// Day and month known, year not knowable from the text.
    DayMonth,
}

/// A calendar date at one of the precisions a text gives: each variant holds exactly the parts
/// it knows, so a day without a month, or a month with neither year nor day, cannot be made.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EventDate {
    Day {
        year: i32,
        month: u32,
        day: u32,
    },
    Month {
        year: i32,
        month: u32,
    },
    Year {
        year: i32,
    },
    /// Day and month known, year not knowable from the text.
    DayMonth {
        month: u32,
        day: u32,
    },
}

impl EventDate {
    pub fn day(year: i32, month: u32, day: u32) -> Self {
        EventDate::Day { year, month, day }
    }
    pub fn day_month(month: u32, day: u32) -> Self {
        EventDate::DayMonth { month, day }
    }
    pub fn month(year: i32, month: u32) -> Self {
        EventDate::Month { year, month }
    }
    pub fn year(year: i32) -> Self {
        EventDate::Year { year }
    }
    pub fn precision(&self) -> Precision {
        match self {
            EventDate::Day { .. } => Precision::Day,
            EventDate::Month { .. } => Precision::Month,
            EventDate::Year { .. } => Precision::Year,
            EventDate::DayMonth { .. } => Precision::DayMonth,
        }
    }
    /// The year, where the date has one.
    pub fn known_year(&self) -> Option<i32> {
        match *self {
            EventDate::Day { year, .. } | EventDate::Month { year, .. } | EventDate::Year { year } => Some(year),
            EventDate::DayMonth { .. } => None,
        }
    }
    /// The month, where the date has one.
    pub fn known_month(&self) -> Option<u32> {
        match *self {
            EventDate::Day { month, .. } | EventDate::Month { month, .. } | EventDate::DayMonth { month, .. } => {
                Some(month)
            }
            EventDate::Year { .. } => None,
        }
    }
    /// The day of the month, where the date has one.
    pub fn known_day(&self) -> Option<u32> {
        match *self {
            EventDate::Day { day, .. } | EventDate::DayMonth { day, .. } => Some(day),
            EventDate::Month { .. } | EventDate::Year { .. } => None,
        }
    }
    /// The same date in the given year: a year-less date gains it, a dated one has its year
    /// replaced.
    pub fn with_year(self, year: i32) -> Self {
        match self {
            EventDate::Day { month, day, .. } | EventDate::DayMonth { month, day } => {
                EventDate::Day { year, month, day }
            }
            EventDate::Month { month, .. } => EventDate::Month { year, month },
            EventDate::Year { .. } => EventDate::Year { year },
        }
    }
    pub fn to_naive(self) -> Option<chrono::NaiveDate> {
        chrono::NaiveDate::from_ymd_opt(self.known_year()?, self.known_month()?, self.known_day()?)
    }
    pub fn from_naive(d: chrono::NaiveDate) -> Self {
        use chrono::Datelike;
        EventDate::day(d.year(), d.month(), d.day())
    }
    /// A key that sorts dates in time order; year-less dates sort after all dated ones.
    pub fn sort_key(&self) -> (i32, u32, u32) {
        (self.known_year().unwrap_or(i32::MAX), self.known_month().unwrap_or(0), self.known_day().unwrap_or(0))
    }
}

/// `YYYY-MM-DD`, `YYYY-MM`, `YYYY` or `--MM-DD`, the forms the export and the gold labels use.
impl fmt::Display for EventDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            EventDate::Day { year, month, day } => write!(f, "{year:04}-{month:02}-{day:02}"),
            EventDate::Month { year, month } => write!(f, "{year:04}-{month:02}"),
            EventDate::Year { year } => write!(f, "{year:04}"),
            EventDate::DayMonth { month, day } => write!(f, "--{month:02}-{day:02}"),
        }
    }
}

impl Serialize for EventDate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl std::str::FromStr for EventDate {
    type Err = String;

    /// Reads back what `Display` writes.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || format!("not a date: {s:?}");
        let num = |p: &str| p.parse::<u32>().map_err(|_| bad());
        if let Some(md) = s.strip_prefix("--") {
            let (m, d) = md.split_once('-').ok_or_else(bad)?;
            return Ok(EventDate::day_month(num(m)?, num(d)?));
        }
        let parts: Vec<&str> = s.split('-').collect();
        let y = parts[0].parse::<i32>().map_err(|_| bad())?;
        match parts.len() {
            1 => Ok(EventDate::year(y)),
            2 => Ok(EventDate::month(y, num(parts[1])?)),
            3 => Ok(EventDate::day(y, num(parts[1])?, num(parts[2])?)),
            _ => Err(bad()),
        }
    }
}

impl<'de> Deserialize<'de> for EventDate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// What kind of gathering an event is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Meeting,
    Conference,
    Forum,
    Visit,
    Agreement,
    Statement,
    Other,
}

impl Kind {
    pub const ALL: [Kind; 7] =
        [Kind::Meeting, Kind::Conference, Kind::Forum, Kind::Visit, Kind::Agreement, Kind::Statement, Kind::Other];
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Meeting => "meeting",
            Kind::Conference => "conference",
            Kind::Forum => "forum",
            Kind::Visit => "visit",
            Kind::Agreement => "agreement",
            Kind::Statement => "statement",
            Kind::Other => "other",
        }
    }
    pub fn parse(s: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// Text that is mostly short: codes, IDs, topic and city names, event ids and file paths. Kept in
/// place when it fits in 24 bytes, as nearly all do, where a `String` is an allocation of its own:
/// an event holds a dozen of these, and over a large archive their scattered allocations were a
/// good part of a load's memory and of the time to index it.
pub type ShortText = compact_str::CompactString;

/// Where an event happened: an English `GeoNames` city name (if the text names one) and an ISO
/// 3166-1 alpha-2 country code.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Place {
    pub city: Option<ShortText>,
    pub country: CountryId,
}

/// A person named in the article, as written, with the role and country the text gives.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    pub name: String,
    pub role: Option<String>,
    pub country: Option<CountryId>,
}

/// What sort of fact a span supports; the reader highlights each in its own style.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FactKind {
    Country,
    Body,
    Place,
    Person,
    Date,
}

/// One piece of evidence: the bytes of the cleaned text that produced a fact, the text as written
/// there, and the fact's value (an ISO code, a body ID, a city name, a person's name or a date).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    pub kind: FactKind,
    pub start: usize,
    pub end: usize,
    pub text: ShortText,
    pub value: ShortText,
}

impl Evidence {
    pub fn new(source: &str, kind: FactKind, span: Span, value: ShortText) -> Evidence {
        Evidence { kind, start: span.start, end: span.end, text: ShortText::new(&source[span]), value }
    }

    /// Whether `e`, coming after `kept` in text order, stays with an event whose evidence is not
    /// printed: the first span of each place as written does (see
    /// [`Event::take_printed_evidence`]).
    pub fn kept_unprinted(kept: &[Evidence], e: &Evidence) -> bool {
        e.kind == FactKind::Place && !kept.iter().any(|k| k.text == e.text)
    }
}

/// Where an event's date came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DateSource {
    /// The text states it for the event ("17 июня", "on 3 March 2025").
    Stated,
    /// The text gives it relative to publication ("вчера", "во вторник", "on Thursday").
    Relative,
    /// The dateline's date: a same-day report that states no date of its own.
    Dateline,
    /// The page's publication stamp, for the same reason.
    Published,
}

/// Where an event's place came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PlaceSource {
    /// The text names the venue ("в Ташкенте прошла", "held in Geneva").
    Stated,
    /// The text implies it: a periphrasis ("в туркменской столице"), an institution ("в МИД
    /// Казахстана"), a visit, or the one country a domestic report names.
    Implied,
    /// Only the dateline's city (the outlet's bureau) is known.
    Dateline,
}

/// Countries and bodies the article's own text names that do not take part in its main event:
/// members listed as boilerplate, a company's nationality, history, other events.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mentioned {
    pub countries: Vec<CountryId>,
    pub orgs: Vec<BodyId>,
}

/// One dated gathering reported by an article.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// `file#n`, unique within one load.
    pub id: ShortText,
    /// Path relative to the loaded root (or the file name for a single file).
    pub file: ShortText,
    /// The article's main event; other events of the same article are secondary.
    pub primary: bool,
    pub title: Option<String>,
    pub published: Option<EventDate>,
    pub date: Option<EventDate>,
    pub date_source: Option<DateSource>,
    pub place: Option<Place>,
    pub place_source: Option<PlaceSource>,
    /// Participants: countries that take part in the main event or are its subject.
    pub countries: Vec<CountryId>,
    /// Bodies that take part in the main event or are its subject.
    pub orgs: Vec<BodyId>,
    pub mentioned: Mentioned,
    pub people: Vec<Person>,
    pub kind: Kind,
    pub topics: Vec<ShortText>,
    pub warnings: Vec<String>,
    pub evidence: Vec<Evidence>,
    /// The article's address and site, where its source names them (JSON fields, a feed item's
    /// link, a page's canonical link and `og:site_name`); left out of the export when unknown.
    /// The cache keeps them beside its records, not in them (see `cache`): a field left out by
    /// `skip_serializing_if` would throw its binary records out of step.
    #[serde(default, skip_serializing_if = "Option::is_none", skip_deserializing)]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none", skip_deserializing)]
    pub site: Option<String>,
}

/// Evidence taken out of an event, each piece with its place in the event's list, so that it
/// can be put back exactly where it was ([`Event::restore_evidence`]).
pub type TakenEvidence = Vec<(u32, Evidence)>;

impl Event {
    /// Takes out the evidence that only `export` prints, and returns it: everything but the first
    /// span of each place as written ("в Карамае"), which the timeline's text filter searches so
    /// that a Russian query finds the place. Loads that print no evidence keep the rest out of
    /// memory (over a large archive it was most of it).
    pub fn take_printed_evidence(&mut self) -> TakenEvidence {
        let mut taken = Vec::new();
        self.split_printed_evidence(|i, e| taken.push((i, e)));
        taken
    }

    /// Drops the evidence [`Event::take_printed_evidence`] would take, without gathering it.
    pub fn drop_printed_evidence(&mut self) {
        self.split_printed_evidence(|_, _| {});
    }

    /// Keeps the places as written and hands `taken` the rest with its index.
    fn split_printed_evidence(&mut self, mut taken: impl FnMut(u32, Evidence)) {
        let mut kept: Vec<Evidence> = Vec::new();
        for (i, e) in std::mem::take(&mut self.evidence).into_iter().enumerate() {
            if Evidence::kept_unprinted(&kept, &e) {
                kept.push(e);
            } else {
                taken(i as u32, e);
            }
        }
        // Kept as long as the event: no room to spare.
        kept.shrink_to_fit();
        self.evidence = kept;
    }

    /// Puts back what [`Event::take_printed_evidence`] took, each piece in its old place.
    pub fn restore_evidence(&mut self, taken: TakenEvidence) {
        let kept = std::mem::take(&mut self.evidence);
        let mut all = Vec::with_capacity(kept.len() + taken.len());
        let mut kept = kept.into_iter();
        for (at, e) in taken {
            while all.len() < at as usize {
                match kept.next() {
                    Some(k) => all.push(k),
                    None => break,
                }
            }
            all.push(e);
        }
        all.extend(kept);
        self.evidence = all;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn printed_evidence_goes_back_where_it_was() {
        let ev = |kind, text: &str, at| Evidence {
            kind,
            start: at,
            end: at + 1,
            text: text.into(),
            value: ShortText::default(),
        };
        let all = vec![
            ev(FactKind::Country, "Китае", 0),
            ev(FactKind::Place, "Карамае", 1),
            ev(FactKind::Date, "17 июня", 2),
            ev(FactKind::Place, "Карамае", 3),
            ev(FactKind::Place, "Урумчи", 4),
            ev(FactKind::Person, "Шадаев", 5),
        ];
        let mut event = Event {
            id: "a#0".into(),
            file: "a".into(),
            primary: true,
            title: None,
            published: None,
            date: None,
            date_source: None,
            place: None,
            place_source: None,
            countries: vec![],
            orgs: vec![],
            mentioned: Mentioned::default(),
            people: vec![],
            kind: Kind::Other,
            topics: vec![],
            warnings: vec![],
            evidence: all.clone(),
            url: None,
            site: None,
        };
        let taken = event.take_printed_evidence();
        let kept: Vec<&str> = event.evidence.iter().map(|e| e.text.as_str()).collect();
        assert_eq!(kept, ["Карамае", "Урумчи"]);
        assert_eq!(taken.iter().map(|(i, _)| *i).collect::<Vec<_>>(), [0, 2, 3, 5]);
        let kept_by_taking = event.evidence.clone();
        event.restore_evidence(taken);
        assert_eq!(event.evidence, all);
        event.drop_printed_evidence();
        assert_eq!(event.evidence, kept_by_taking, "dropping keeps what taking keeps");
    }

    #[test]
    fn dates_read_back_what_they_write() {
        for d in
            [EventDate::day(2025, 6, 17), EventDate::month(2025, 6), EventDate::year(2025), EventDate::day_month(2, 1)]
        {
            assert_eq!(d.to_string().parse::<EventDate>(), Ok(d));
        }
        assert!("junk".parse::<EventDate>().is_err());
    }
}
