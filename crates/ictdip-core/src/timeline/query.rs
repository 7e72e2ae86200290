//! The filter language shared by the dashboard's filter line and `ictdip list --filter`:
//!
//! - `@kz`, `@казах`, `@корея`, `@korea`: events with that country (its ISO code, or from three
//!   letters on the start of any word of any of its names, Russian or English, in any case form);
//! - `#sco`, `#шос`, `#шанх`: events with that body (its ID or an abbreviation, or the start of any
//!   word of any of its names);
//! - `2025`, `2025-06`, `2025-06-17` (as the timeline shows dates), `17.06.2025`, `06.2025`:
//!   events dated within; `2024..2025`, `2025-01..2025-06`, and open ranges `2025..`, `..2024-06`;
//! - `июнь 2025`, `june 2025`: that month; a month's full name alone (`июнь`): it, in any year;
//! - `kind:forum`, `topic:ai` (or the start of one: `kind:conf`): events of that kind, with that
//!   topic;
//! - `-token` (any of the forms here): events the token would find are left out;
//! - any other words: fuzzy text over titles, people, places, country and body names, with case
//!   and `ё`/`е` folded on both sides (the matcher itself folds ASCII only).

use crate::lexicon::{fold, months};
use crate::model::{BodyId, CountryId, Event, EventDate, Kind};
use crate::registry::Registry;
use std::collections::BTreeSet;

/// A text token without its inflectional ending, so that "встреча" finds "встречу" and "карамай"
/// finds "Карамае": from a word of five letters or more, trailing vowels, "й" and "ь" go (at most
/// two letters). Shorter tokens (abbreviations such as "шос") stay whole.
pub fn stem(token: &str) -> String {
    let chars: Vec<char> = token.chars().collect();
    if chars.len() < 5 || !chars.iter().all(|c| c.is_alphabetic()) {
        return token.to_string();
    }
    let mut n = chars.len();
    while n > chars.len() - 2 && "аеёиоуыэюяйь".contains(chars[n - 1]) {
        n -= 1;
    }
    chars[..n].iter().collect()
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SortOrder {
    /// Oldest first; events with no year after the dated ones, undated last.
    #[default]
    Date,
    /// Newest first; events with no year and undated ones still last.
    NewestFirst,
    /// Best match first, for a query with text.
    Score,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query {
    /// The countries asked for (`@kz`), any of which an event must have; `None` when none is
    /// asked for. A set left empty asked only for countries that do not exist: nothing matches.
    pub countries: Option<BTreeSet<CountryId>>,
    /// The bodies asked for (`#sco`), as the countries are.
    pub bodies: Option<BTreeSet<BodyId>>,
    /// Inclusive (year, month, day) bounds.
    pub from: Option<(i32, u32, u32)>,
    pub to: Option<(i32, u32, u32)>,
    pub text: String,
    /// Quoted tokens (`"кибербезопас`): prefixes searched in article bodies.
    pub phrases: Vec<String>,
    pub sort: SortOrder,
    /// Country and body filters also take events that only mention them.
    pub mentions: bool,
    /// `kind:forum`: events of any of these kinds.
    pub kinds: BTreeSet<Kind>,
    /// `topic:ai`: events with any of these topics.
    pub topics: BTreeSet<String>,
    /// A month's name without a year (`июнь`): events in that month of any year.
    pub month: Option<u32>,
    /// People chosen in the dashboard's People pane: events with any of them (names as the
    /// events give them).
    pub people: BTreeSet<String>,
    /// `-token`: an event any of these would find is left out.
    pub excluded: Vec<Query>,
    /// Tokens the query could not read, each with the reason (`@xx: no such country`): said on
    /// the filter line rather than leaving an empty answer unexplained.
    pub not_understood: Vec<String>,
}

/// `tok` without `prefix`, compared without case; `None` when it does not start so or has nothing
/// after it.
fn strip_prefix_folded<'t>(tok: &'t str, prefix: &str) -> Option<&'t str> {
    let head = tok.get(..prefix.len())?;
    (head.eq_ignore_ascii_case(prefix) && tok.len() > prefix.len()).then(|| &tok[prefix.len()..])
}

/// The one value of `values` that `given` names, whole or by its start (`kind:conf`); otherwise
/// why not, listing the values.
fn one_of<'v>(given: &str, values: impl Iterator<Item = &'v str>) -> Result<&'v str, String> {
    let given = given.to_lowercase();
    let values: Vec<&str> = values.collect();
    if let Some(v) = values.iter().find(|v| **v == given) {
        return Ok(v);
    }
    let starting: Vec<&str> = values.iter().copied().filter(|v| v.starts_with(&given)).collect();
    match starting[..] {
        [one] => Ok(one),
        [] => Err(format!("not one of {}", values.join(", "))),
        _ => Err(format!("could be {}", starting.join(", "))),
    }
}

/// A date as written in a filter: year, and month and day where given.
type DateToken = (i32, Option<u32>, Option<u32>);

/// A date as a filter token: `2025`, `2025-06`, `2025-06-17`, `06.2025`, `17.06.2025`. `None` when
/// it is no date; `Err` with the reason when it reads as one but is none (`2025-13`).
fn parse_date(s: &str) -> Option<Result<DateToken, String>> {
    let digits = |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
    let parts: Vec<&str> = if s.contains('.') { s.split('.').rev().collect() } else { s.split('-').collect() };
    if parts.is_empty() || parts.len() > 3 || !parts.iter().all(|p| digits(p)) || parts[0].len() != 4 {
        return None;
    }
    let y: i32 = parts[0].parse().ok()?;
    // A part too long for a number is no month or day either: said, not dropped.
    let number = |p: Option<&&str>| p.map(|p| p.parse::<u32>().unwrap_or(u32::MAX));
    let (m, d) = (number(parts.get(1)), number(parts.get(2)));
    if m.is_some_and(|m| !(1..=12).contains(&m)) {
        return Some(Err(format!("{s}: no month {}", m.unwrap_or(0))));
    }
    if let (Some(m), Some(d)) = (m, d)
        && chrono::NaiveDate::from_ymd_opt(y, m, d).is_none()
    {
        return Some(Err(format!("{s}: no such day")));
    }
    Some(Ok((y, m, d)))
}

/// The first and last day a date token covers.
fn span_of((y, m, d): DateToken) -> ((i32, u32, u32), (i32, u32, u32)) {
    ((y, m.unwrap_or(1), d.unwrap_or(1)), (y, m.unwrap_or(12), d.unwrap_or(31)))
}

fn resolve_countries(token: &str) -> BTreeSet<CountryId> {
    let r = Registry::embedded();
    let t = fold(token);
    let mut out: BTreeSet<CountryId> = r.country(&token.to_uppercase()).into_iter().collect();
    // From three letters on, any word of any name, in either language and any case form
    // ("@корея" finds both Koreas, "@kazakh" Kazakhstan).
    if t.chars().count() >= 3 {
        out.extend(r.with_word_starting(&t).0);
    }
    out
}

fn resolve_bodies(token: &str) -> BTreeSet<BodyId> {
    let r = Registry::embedded();
    let t = fold(token);
    let exact: BTreeSet<BodyId> = r
        .bodies()
        .filter(|&b| {
            let body = r.body_entry(b);
            fold(&body.id) == t || body.abbreviations.iter().any(|a| fold(a) == t)
        })
        .collect();
    if exact.is_empty() && t.chars().count() >= 3 {
        // Any word of any of its names, Russian or English ("#шанх", "#евразийский").
        r.with_word_starting(&t).1.into_iter().collect()
    } else {
        exact
    }
}

impl Query {
    pub fn parse(input: &str) -> Query {
        let mut q = Query::default();
        let mut words = Vec::new();
        let mut tokens = input.split_whitespace().peekable();
        while let Some(tok) = tokens.next() {
            if let Some(rest) = tok.strip_prefix('-').filter(|r| r.chars().next().is_some_and(|c| c != '-')) {
                // `-word`, `-@kz`, `-kind:forum`: the events the token alone would find are left out.
                let mut excluded = Query::parse(rest);
                q.not_understood.extend(excluded.not_understood.drain(..).map(|why| format!("-{why}")));
                if !excluded.is_empty() {
                    q.excluded.push(excluded);
                }
            } else if let Some(m) = months::month_of(&fold(tok)) {
                // `июнь 2025`, `june 2025`: that month; a month's full name alone: it, in any year.
                match tokens.peek().and_then(|y| y.parse::<i32>().ok()).filter(|y| (1000..=9999).contains(y)) {
                    Some(y) => {
                        tokens.next();
                        let (from, to) = span_of((y, Some(m), None));
                        (q.from, q.to) = (Some(from), Some(to));
                    }
                    None if tok.chars().count() >= 4 => q.month = Some(m),
                    None => words.push(tok),
                }
            } else if !q.take_marked(tok) {
                words.push(tok);
            }
        }
        q.text = words.join(" ");
        q
    }

    /// Reads a token that its form marks (a quote, `@`, `#`, `kind:`, `topic:`, a date or a
    /// range) into the query; false for a plain word.
    fn take_marked(&mut self, tok: &str) -> bool {
        if let Some(p) = tok.strip_prefix(['"', '«']).map(|p| p.trim_end_matches(['"', '»'])).filter(|p| !p.is_empty())
        {
            self.phrases.push(fold(p));
        } else if let Some(c) = tok.strip_prefix('@').filter(|c| !c.is_empty()) {
            let found = resolve_countries(c);
            if found.is_empty() {
                self.not_understood.push(format!("{tok}: no such country"));
            }
            self.countries.get_or_insert_default().extend(found);
        } else if let Some(b) = tok.strip_prefix('#').filter(|b| !b.is_empty()) {
            let found = resolve_bodies(b);
            if found.is_empty() {
                self.not_understood.push(format!("{tok}: no such body"));
            }
            self.bodies.get_or_insert_default().extend(found);
        } else if let Some(k) = strip_prefix_folded(tok, "kind:") {
            match one_of(k, Kind::ALL.iter().map(|k| k.as_str())) {
                Ok(k) => self.kinds.extend(Kind::parse(k)),
                Err(why) => self.not_understood.push(format!("{tok}: {why}")),
            }
        } else if let Some(t) = strip_prefix_folded(tok, "topic:") {
            match one_of(t, crate::extract::topic_names()) {
                Ok(t) => {
                    self.topics.insert(t.to_string());
                }
                Err(why) => self.not_understood.push(format!("{tok}: {why}")),
            }
        } else if let Some((a, b)) = tok.split_once("..").filter(|(a, b)| !a.is_empty() || !b.is_empty()) {
            // A range, open at either end: `2024..2025`, `2025..`, `..2024-06`.
            let side = |s: &str| if s.is_empty() { Some(Ok(None)) } else { parse_date(s).map(|r| r.map(Some)) };
            match (side(a), side(b)) {
                (Some(Ok(lo)), Some(Ok(hi))) => {
                    let (from, to) = (lo.map(|d| span_of(d).0), hi.map(|d| span_of(d).1));
                    if from.zip(to).is_some_and(|(f, t)| f > t) {
                        self.not_understood.push(format!("{tok}: the range ends before it starts"));
                    }
                    (self.from, self.to) = (from, to);
                }
                (Some(Err(why)), _) | (_, Some(Err(why))) => self.not_understood.push(why),
                _ => return false,
            }
        } else if let Some(date) = parse_date(tok) {
            match date {
                Ok(d) => {
                    let (from, to) = span_of(d);
                    (self.from, self.to) = (Some(from), Some(to));
                }
                Err(why) => self.not_understood.push(why),
            }
        } else {
            return false;
        }
        true
    }

    /// True when the query asks something of an event's own fields (kind, topics, month, people)
    /// that the timeline's indexes do not hold.
    pub fn asks_of_events(&self) -> bool {
        !self.kinds.is_empty() || !self.topics.is_empty() || self.month.is_some() || !self.people.is_empty()
    }

    /// True when the event passes the query's kinds, topics, month name and people.
    pub fn accepts_event(&self, e: &Event) -> bool {
        (self.kinds.is_empty() || self.kinds.contains(&e.kind))
            && (self.topics.is_empty() || e.topics.iter().any(|t| self.topics.contains(t.as_str())))
            && self.month.is_none_or(|m| e.date.and_then(|d| d.known_month()) == Some(m))
            && (self.people.is_empty() || e.people.iter().any(|p| self.people.contains(&p.name)))
    }

    /// True when the date lies within the bounds (an event known only to the year or month counts
    /// when its span overlaps them); with bounds set, undated and year-less events do not pass.
    pub fn accepts_date(&self, date: Option<EventDate>) -> bool {
        if self.from.is_none() && self.to.is_none() {
            return true;
        }
        let Some(d) = date else { return false };
        let Some(y) = d.known_year() else { return false };
        let (lo, hi) = span_of((y, d.known_month(), d.known_day()));
        self.from.is_none_or(|f| hi >= f) && self.to.is_none_or(|t| lo <= t)
    }

    /// The text tokens, folded and stemmed, as the matcher takes them.
    pub fn tokens(&self) -> Vec<String> {
        fold(&self.text).split_whitespace().map(stem).collect()
    }

    /// True when each earlier quoted prefix is extended (or kept) by one now.
    fn phrases_narrow(&self, previous: &Query) -> bool {
        previous.phrases.iter().all(|old| self.phrases.iter().any(|new| new.starts_with(old.as_str())))
    }

    /// True when every event matching `self` also matches `previous`: the same facets and dates,
    /// and each earlier token extended (or kept) by a token now. Typing on in the filter line
    /// narrows; deleting, or a stem that got shorter, does not.
    pub fn narrows(&self, previous: &Query) -> bool {
        if self.countries != previous.countries
            || self.bodies != previous.bodies
            || self.kinds != previous.kinds
            || self.topics != previous.topics
            || self.month != previous.month
            || self.people != previous.people
            || self.excluded != previous.excluded
            || self.from != previous.from
            || self.to != previous.to
            || !self.phrases_narrow(previous)
        {
            return false;
        }
        let now = self.tokens();
        previous.tokens().iter().all(|old| now.iter().any(|new| new.starts_with(old.as_str())))
    }

    pub fn is_empty(&self) -> bool {
        self.countries.is_none()
            && self.bodies.is_none()
            && self.kinds.is_empty()
            && self.topics.is_empty()
            && self.month.is_none()
            && self.people.is_empty()
            && self.excluded.is_empty()
            && self.from.is_none()
            && self.to.is_none()
            && self.text.trim().is_empty()
            && self.phrases.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens() {
        let q = Query::parse("@kz #шос 2025-06 совещание");
        assert_eq!(q.countries.iter().flatten().collect::<Vec<_>>(), ["KZ"]);
        assert_eq!(q.bodies.iter().flatten().collect::<Vec<_>>(), ["SCO"]);
        assert_eq!((q.from, q.to), (Some((2025, 6, 1)), Some((2025, 6, 31))));
        assert_eq!(q.text, "совещание");
        assert!(q.not_understood.is_empty());
    }

    #[test]
    fn dates_as_the_timeline_shows_them_dotted_and_in_open_ranges() {
        let bounds = |s: &str| {
            let q = Query::parse(s);
            assert!(q.not_understood.is_empty(), "{s}: {:?}", q.not_understood);
            (q.from, q.to)
        };
        assert_eq!(bounds("2025-06-17"), (Some((2025, 6, 17)), Some((2025, 6, 17))));
        assert_eq!(bounds("17.06.2025"), (Some((2025, 6, 17)), Some((2025, 6, 17))));
        assert_eq!(bounds("06.2025"), (Some((2025, 6, 1)), Some((2025, 6, 31))));
        assert_eq!(bounds("2025.."), (Some((2025, 1, 1)), None));
        assert_eq!(bounds("..2024-06"), (None, Some((2024, 6, 31))));
        assert_eq!(bounds("2024..2025-03"), (Some((2024, 1, 1)), Some((2025, 3, 31))));
        let day = Query::parse("2025-06-17");
        assert!(day.accepts_date(Some(EventDate::day(2025, 6, 17))));
        assert!(!day.accepts_date(Some(EventDate::day(2025, 6, 18))));
        assert!(day.accepts_date(Some(EventDate::month(2025, 6))), "a month-only date overlaps the day");
        assert!(!Query::parse("2025..").accepts_date(Some(EventDate::day(2024, 12, 31))));
    }

    #[test]
    fn tokens_that_cannot_be_read_are_said_with_the_reason() {
        let said = |s: &str| Query::parse(s).not_understood;
        assert_eq!(said("2025-13"), ["2025-13: no month 13"]);
        assert_eq!(said("31.02.2025"), ["31.02.2025: no such day"]);
        assert_eq!(said("2026..2025"), ["2026..2025: the range ends before it starts"]);
        assert_eq!(said("@xx совещание"), ["@xx: no such country"]);
        assert_eq!(said("#qqq"), ["#qqq: no such body"]);
        assert!(said("@kz 2025 совещание").is_empty());
        assert_eq!(said("2025-99999999999"), ["2025-99999999999: no month 4294967295"]);
        assert!(!Query::parse("\"кибер").is_empty(), "a quoted word alone is a filter");
    }

    #[test]
    fn country_and_body_by_name_prefix() {
        assert_eq!(Query::parse("@казах").countries.iter().flatten().collect::<Vec<_>>(), ["KZ"]);
        assert_eq!(Query::parse("@Kazakh").countries.iter().flatten().collect::<Vec<_>>(), ["KZ"]);
        assert_eq!(Query::parse("#sco").bodies.iter().flatten().collect::<Vec<_>>(), ["SCO"]);
        assert_eq!(Query::parse("#МСЭ").bodies.iter().flatten().collect::<Vec<_>>(), ["ITU"]);
        assert_eq!(Query::parse("@zz").countries, Some(BTreeSet::new()), "asked for, and nothing can match");
    }

    #[test]
    fn countries_and_bodies_by_any_word_of_any_of_their_names() {
        let countries = |s: &str| Query::parse(s).countries.into_iter().flatten().collect::<Vec<_>>();
        let bodies = |s: &str| Query::parse(s).bodies.into_iter().flatten().collect::<Vec<_>>();
        assert_eq!(countries("@корея"), ["KP", "KR"]);
        assert_eq!(countries("@кндр"), ["KP"]);
        assert_eq!(countries("@korea"), ["KP", "KR"]);
        assert_eq!(bodies("#шанх"), ["SCO"]);
        assert!(bodies("#евразийский").iter().any(|b| *b == "EAEU"), "{:?}", bodies("#евразийский"));
    }

    #[test]
    fn stems_drop_endings_of_long_words_only() {
        assert_eq!(stem("встреча"), "встреч");
        assert_eq!(stem("карамай"), "карам");
        assert_eq!(stem("шос"), "шос");
        assert_eq!(stem("2025"), "2025");
        assert_eq!(stem("forum"), "forum");
    }

    #[test]
    fn quoted_tokens_are_body_prefixes() {
        let q = Query::parse("шос \"Кибербезопас «спутник»");
        assert_eq!(q.phrases, ["кибербезопас", "спутник"]);
        assert_eq!(q.text, "шос");
        assert!(Query::parse("\"кибербезопасн").narrows(&Query::parse("\"кибер")));
        assert!(!Query::parse("\"кибер").narrows(&Query::parse("\"кибербез")));
    }

    #[test]
    fn narrowing() {
        let q = |s: &str| Query::parse(s);
        assert!(q("шос").narrows(&q("шо")));
        assert!(q("шос минис").narrows(&q("шос")));
        assert!(!q("шо").narrows(&q("шос")), "deleting widens");
        assert!(!q("@kz шос").narrows(&q("шос")), "a new facet token is not a text refinement");
        assert!(!q("автоа").narrows(&q("авто")), "a stem that got shorter widens");
        assert!(q("").narrows(&q("")));
    }

    #[test]
    fn date_ranges() {
        let q = Query::parse("2024..2025");
        assert!(q.accepts_date(Some(EventDate::day(2024, 1, 1))));
        assert!(q.accepts_date(Some(EventDate::year(2025))));
        assert!(!q.accepts_date(Some(EventDate::day(2026, 1, 1))));
        assert!(!q.accepts_date(Some(EventDate::day_month(2, 1))));
        assert!(!q.accepts_date(None));
        let m = Query::parse("2025-06");
        assert!(m.accepts_date(Some(EventDate::year(2025))));
        assert!(!m.accepts_date(Some(EventDate::month(2025, 7))));
        assert!(Query::parse("").accepts_date(None));
    }

    #[test]
    fn kinds_topics_months_and_exclusions_are_read_and_wrong_ones_said() {
        let q = Query::parse("kind:Forum topic:ai июнь -@kz -шос");
        assert_eq!(q.kinds.iter().collect::<Vec<_>>(), [&Kind::Forum]);
        assert_eq!(q.topics.iter().collect::<Vec<_>>(), ["ai"]);
        assert_eq!(q.month, Some(6));
        assert_eq!(q.excluded.len(), 2);
        assert_eq!(q.excluded[0].countries.iter().flatten().collect::<Vec<_>>(), ["KZ"]);
        assert_eq!(q.excluded[1].text, "шос");
        assert!(q.text.is_empty() && q.not_understood.is_empty(), "{q:?}");

        let q = Query::parse("июня 2025 may 2024");
        assert_eq!((q.from, q.to), (Some((2024, 5, 1)), Some((2024, 5, 31))), "the last month with a year wins");
        assert_eq!(Query::parse("май").text, "май", "a short month name alone is a word");

        let why = |s: &str| Query::parse(s).not_understood;
        assert_eq!(
            why("kind:party"),
            ["kind:party: not one of meeting, conference, forum, visit, agreement, statement, other"]
        );
        assert!(why("topic:d")[0].starts_with("topic:d: could be digital-divide, data-protection, digital-economy"));
        assert_eq!(why("-@zz"), ["-@zz: no such country"]);
        assert!(Query::parse("-").excluded.is_empty() && Query::parse("-").text == "-");
    }
}
