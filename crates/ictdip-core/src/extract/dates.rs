//! Date mentions in Russian (and English) news text.
//!
//! Forms: "17 июня", "1–2 февраля", "с 3 по 5 марта", "17 июня 2025 года", "18.06.2025",
//! "2025-06-18", "в июне 2025 года" (month), "в 2025 году" (year), "1 февраля с.г." / "текущего
//! года" (the publication year), "вчера" / "накануне" / "сегодня" (relative to publication).
//! Not event dates: document dates ("Указ от 5 марта 2024 года", "... 2024 года №"), birth dates,
//! deadlines ("до 2030 года"), periods ("на 2025–2028 годы", which no pattern accepts).

use crate::lexicon::{months, Word, Words};
use crate::model::{EventDate, Span};
use regex::Regex;
use std::sync::OnceLock;

/// How a mention fixes its year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum YearRef {
    /// The text states the year.
    Stated,
    /// "с.г.", "текущего года": the publication year, if known.
    ThisYear,
    /// No year at all: the publication year, if known.
    Missing,
}

/// One date found in the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DateMention {
    /// A calendar date (maybe without its year) and, for ranges, the last day.
    Calendar { date: EventDate, year: YearRef, span: Span },
    /// A month named with no year ("в октябре"): of the publication's year, if that is known.
    MonthOfPublicationYear { month: u32, span: Span },
    /// Days relative to publication: -1 for "вчера", 0 for "сегодня".
    Relative { days: i64, span: Span },
    /// A weekday, the last one on or before publication ("во вторник", "on Thursday"), or
    /// strictly before it ("в минувшую пятницу", "last Friday"). `weekday` counts from Monday = 0.
    Weekday { weekday: u32, strictly_before: bool, span: Span },
}

impl DateMention {
    pub fn span(&self) -> &Span {
        match self {
            DateMention::Calendar { span, .. }
            | DateMention::MonthOfPublicationYear { span, .. }
            | DateMention::Relative { span, .. }
            | DateMention::Weekday { span, .. } => span,
        }
    }

    /// The date this mention stands for, given the publication date.
    pub fn resolve(&self, published: Option<EventDate>) -> Option<EventDate> {
        match self {
            DateMention::Calendar { date, year: YearRef::Stated, .. } => Some(*date),
            DateMention::Calendar { date, .. } => match published.and_then(|p| p.known_year()) {
                Some(y) => Some(date.with_year(y)),
                None => Some(*date),
            },
            // A month with no year has no form of its own: not knowable without one.
            DateMention::MonthOfPublicationYear { month, .. } => {
                Some(EventDate::month(published.and_then(|p| p.known_year())?, *month))
            }
            DateMention::Relative { days, .. } => match published? {
                // A dateline with no year ("Ташкент, 20 февраля /Синьхуа/"): "сегодня", "вчера"
                // still name its day and month. Counted in a year with no 29 February, the
                // likelier case, unless the dateline gives that day.
                EventDate::DayMonth { month, day } => {
                    use chrono::Datelike;
                    let at = chrono::NaiveDate::from_ymd_opt(2001, month, day)
                        .or(chrono::NaiveDate::from_ymd_opt(2000, month, day))?;
                    let d = at + chrono::Duration::days(*days);
                    Some(EventDate::day_month(d.month(), d.day()))
                }
                p => Some(EventDate::from_naive(p.to_naive()? + chrono::Duration::days(*days))),
            },
            DateMention::Weekday { weekday, strictly_before, .. } => {
                use chrono::Datelike;
                let p = published?.to_naive()?;
                let mut back = (p.weekday().num_days_from_monday() + 7 - weekday) % 7;
                if back == 0 && *strictly_before {
                    back = 7;
                }
                Some(EventDate::from_naive(p - chrono::Duration::days(i64::from(back))))
            }
        }
    }

    /// True for a mention that names a day (not only a month or a year).
    pub fn has_day(&self) -> bool {
        match self {
            DateMention::Calendar { date, .. } => date.known_day().is_some(),
            DateMention::MonthOfPublicationYear { .. } => false,
            DateMention::Relative { .. } | DateMention::Weekday { .. } => true,
        }
    }
}

/// The date shapes that begin with a number, each anchored (`^`) and tried only where a run of
/// digits starts, on a short window of text: articles hold few digits, and scanning every byte of
/// every paragraph with six automata made date search the slowest step. A month is matched as
/// any word and then looked up in `assets/months.tsv`, which keeps the patterns small.
struct Patterns {
    /// "17 июня", "1–2 февраля", "3 по 5 марта 2023 г.", "1 февраля с.г." (an "с" before is
    /// taken in by the caller).
    day_month: Regex,
    numeric: Regex,
    iso: Regex,
    /// The year of "в 2025 году" and of "июне 2025 года" (the words before are checked by hand).
    year_in: Regex,
    year_of: Regex,
}

/// True when no word character stands just before `start` or just after `end`. Checked here
/// rather than with `\b` in the patterns: a Unicode `\b` keeps the regex engine off its fast
/// automaton.
fn bounded(hay: &str, start: usize, end: usize) -> bool {
    let before_ok = !hay[..start].chars().next_back().is_some_and(crate::lexicon::is_word_char);
    let after_ok = !hay[end..].chars().next().is_some_and(crate::lexicon::is_word_char);
    before_ok && after_ok
}

fn patterns() -> &'static Patterns {
    static P: OnceLock<Patterns> = OnceLock::new();
    P.get_or_init(|| {
        let dash = r"\s*(?:-|–|—)\s*";
        let this_year = r"(?:\s*,?\s*(с\.\s?г\.|текущего года|этого года|нынешнего года|сего года|т\.\s?г\.))?";
        Patterns {
            day_month: Regex::new(&format!(
                r"^(\d{{1,2}})(?:-?(?:st|nd|rd|th)|-го|-ого)?(?:(?:{dash}|\s+(?:по|and|to)\s+)(\d{{1,2}})(?:-?(?:st|nd|rd|th)|-го|-ого)?)?\s+(?:of\s+)?([a-zа-я]+)\.?(?:,?\s+(\d{{4}})\s*(?:года|год|г\.)?)?{this_year}"
            ))
            .expect("day-month pattern"),
            numeric: Regex::new(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})").expect("numeric date pattern"),
            iso: Regex::new(r"^(\d{4})-(\d{2})-(\d{2})").expect("ISO date pattern"),
            year_in: Regex::new(r"^(\d{4})\s*(?:году|г\.)").expect("year pattern"),
            year_of: Regex::new(r"^(\d{4})\s*(?:года|г\.)").expect("month-year pattern"),
        }
    })
}

/// The groups of `re`'s match at the start of `text`, if any. The regex's DFA decides first
/// whether there is a match, which for most numbers there is not ("5 человек"); the groups are
/// then taken over the match alone.
fn groups<'t>(re: &Regex, text: &'t str) -> Option<regex::Captures<'t>> {
    let end = re.find(text)?.end();
    re.captures(&text[..end])
}

/// False when the day-month pattern cannot give a date at the start of `text`, whose first
/// `digits` bytes are digits: its month word, the run of letters after "17 ", "1–2 " or "3 по 5 ",
/// names no month. Most numbers in a text count things ("5 человек"); this spares them the
/// pattern, whose groups cost far more than a look at the word.
fn may_name_a_month(text: &str, digits: usize) -> bool {
    let letters_at = |at: usize| {
        let run =
            text[at..].find(|c: char| !matches!(c, 'a'..='z' | 'а'..='я')).map_or(&text[at..], |n| &text[at..at + n]);
        months::month_of(run).is_some()
    };
    let spaces = |at: usize| text[at..].find(|c: char| !c.is_whitespace()).map_or(text.len(), |n| at + n);
    // A day's ordinal ending and "of": "17th April", "the 3rd of June", "19-го сентября", and
    // the ending set off by a hyphen as in Russian ("the 19-th of September").
    let past_ordinal = |at: usize| {
        let at = ["st", "nd", "rd", "th", "-st", "-nd", "-rd", "-th", "-ого", "-го"]
            .iter()
            .find(|e| text[at..].starts_with(**e))
            .map_or(at, |e| at + e.len());
        let spaced = spaces(at);
        if spaced > at && text[spaced..].starts_with("of ") {
            spaces(spaced + 2)
        } else {
            spaced
        }
    };
    let after_day = past_ordinal(digits);
    // "17 июня": the word after the day.
    if after_day > digits && letters_at(after_day) {
        return true;
    }
    // "1–2 июня", "3 по 5 июня", "17th and 18th April": the word after the second day.
    let joined = |w: &str| {
        after_day > digits && text[after_day..].starts_with(w) && spaces(after_day + w.len()) > after_day + w.len()
    };
    let second_day = if let Some(dash) = ["-", "–", "—"].iter().find(|d| text[after_day..].starts_with(**d)) {
        spaces(after_day + dash.len())
    } else if let Some(w) = ["по", "and", "to"].into_iter().find(|w| joined(w)) {
        spaces(after_day + w.len())
    } else {
        return false;
    };
    let second_digits = text[second_day..].bytes().take_while(u8::is_ascii_digit).count();
    let after = past_ordinal(second_day + second_digits);
    (1..=2).contains(&second_digits) && after > second_day + second_digits && letters_at(after)
}

/// The text from `at` on, cut to a window no date form outgrows.
fn window(hay: &str, at: usize) -> &str {
    let mut end = hay.len().min(at + 160);
    while !hay.is_char_boundary(end) {
        end -= 1;
    }
    &hay[at..end]
}

/// Where the word that ends `before` (a run of letters, then spaces) starts, if spaces separate it
/// from `before`.
fn word_before(hay: &str, before: usize) -> Option<(usize, usize)> {
    let gap = hay[..before].trim_end_matches(char::is_whitespace).len();
    if gap == before {
        return None;
    }
    let start = hay[..gap].trim_end_matches(crate::lexicon::is_word_char).len();
    (start < gap).then_some((start, gap))
}

/// Runs of ASCII digits in `hay`, as (start, end). Digits are a few bytes in a thousand of
/// Russian text: the scan jumps to them sixteen bytes at a time.
fn digit_runs(hay: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let b = hay.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        let start = ictdip_scan::next_in_ranges(b, i, &[(b'0', b'9')]);
        if start == b.len() {
            return None;
        }
        let end = start + b[start..].iter().position(|c| !c.is_ascii_digit()).unwrap_or(b.len() - start);
        i = end;
        Some((start, end))
    })
}

/// Words just before a date that make it a document, birth or deadline date, not an event's.
fn excluded_by_context(folded: &str, start: usize, end: usize) -> bool {
    let before_start = folded[..start].char_indices().rev().nth(40).map_or(0, |(i, _)| i);
    let before = &folded[before_start..start];
    let after_end = folded[end..].char_indices().nth(12).map_or(folded.len(), |(i, _)| end + i);
    let after = &folded[end..after_end];
    let last_word = before.split(|c: char| !crate::lexicon::is_word_char(c)).rfind(|w| !w.is_empty()).unwrap_or("");
    // A photo's date ("in this drone photo from Aug 5", "фото от 5 августа") dates the picture.
    // Within the date's line, or the line it wraps from: a headline's "(photos)" says nothing
    // of the lead's date.
    let line_start = before
        .match_indices('\n')
        .map(|(i, _)| i + 1)
        .rfind(|&i| !before[i..].chars().next().is_some_and(char::is_lowercase))
        .unwrap_or(0);
    let photo = before[line_start..]
        .split(|c: char| !crate::lexicon::is_word_char(c))
        .filter(|w| !w.is_empty())
        .rev()
        .take(3)
        .any(|w| matches!(w, "photo" | "photos" | "фото" | "снимок" | "снимке" | "pictured" | "file"));
    // An agency's credit in brackets ("(WAM - 12th Feb, 2025)", "(Reuters, 5 May)") dates the
    // report, not what it tells.
    let credit = after.starts_with(')')
        && before.rfind('(').is_some_and(|open| {
            let inside = before[open + 1..].trim_end();
            !before[open..].contains(')') && (inside.ends_with(" -") || inside.ends_with(" –") || inside.ends_with(','))
        });
    // A document described by a clause of its own ("the Roadmap ..., signed in Baku on September
    // 14, 2021", "меморандума, подписанного 5 мая в Ташкенте"): the document's date.
    let clause = before.rsplit_once(',').map_or("", |(_, c)| c.trim_start());
    // Its participle may follow a relative pronoun: ", which was signed in Baku on ...".
    let document_clause = clause.split(' ').take(3).any(|w| {
        ["signed", "adopted", "подписанн", "подписан", "принят", "утвержденн"].iter().any(|p| w.starts_with(p))
    });
    // A year in a programme's or an event's name ("«Цифровой Узбекистан-2030»",
    // "Kazakhstan-2050"): the year is the name's.
    let in_a_name =
        before.ends_with('-') && before[..before.len() - 1].chars().next_back().is_some_and(char::is_alphabetic);
    // A date in a clause about a bid to host an event ("кандидатуру Самарканда для проведения
    // конгресса в 2028 году", "a bid to host the congress in 2028"): that event's. ("Tashkent to
    // host the forum on Sept 6" announces the story's own.)
    let wide_start = folded[..start].char_indices().rev().nth(160).map_or(0, |(i, _)| i);
    let wide = &folded[wide_start..start];
    let wide_clause = wide.rsplit_once([',', '.', ';']).map_or(wide, |(_, c)| c);
    let hosting_another = ["для проведения", "на проведение", "право проведения", "bid to host", "right to host"]
        .iter()
        .any(|p| wide_clause.contains(p));
    photo
        || credit
        || in_a_name
        || hosting_another
        || document_clause
        || matches!(last_word, "от" | "до" | "к" | "по" | "датой" | "рождения")
        || before.contains("родил")
        || before.contains("выдан")
        || after.trim_start().starts_with('№')
        || after.trim_start().starts_with("рождения")
}

fn valid(date: EventDate) -> bool {
    let (Some(m), Some(d)) = (date.known_month(), date.known_day()) else { return true };
    chrono::NaiveDate::from_ymd_opt(date.known_year().unwrap_or(2024), m, d).is_some()
}

/// "в октябре" at `preposition` and `month`, as a month of a year to be found, unless a year
/// follows ("в октябре 2024 года" is read elsewhere) or the words are something else.
fn month_in(folded: &str, preposition: Word, month: Word, end: usize) -> Option<DateMention> {
    if !folded[preposition.end..month.start].chars().all(char::is_whitespace) {
        return None;
    }
    // A locative ("октябре").
    let word = &folded[month.start..month.end];
    if !word.ends_with('е') || word.chars().count() <= 3 {
        return None;
    }
    if folded[month.end..end].trim_start().starts_with(|ch: char| ch.is_ascii_digit()) {
        return None;
    }
    let m = months::month_of(word)?;
    Some(DateMention::MonthOfPublicationYear { month: m, span: preposition.start..month.end })
}

/// All date mentions in `folded[range]` for each of `ranges` (in text order and apart, as an
/// article's regions are), in text order, without overlaps (the longest reading of a stretch wins:
/// "17 июня 2025 года" is one mention, not a day-month and a year).
pub fn find(folded: &str, ranges: &[Span], words: &Words) -> Vec<DateMention> {
    let mut found: Vec<DateMention> = Vec::new();
    for range in ranges {
        find_in(folded, range.clone(), words, &mut found);
    }
    found.sort_by(|a, b| a.span().start.cmp(&b.span().start).then(b.span().end.cmp(&a.span().end)));
    let mut out: Vec<DateMention> = Vec::new();
    for d in found {
        if out.last().is_some_and(|l| d.span().start < l.span().end) {
            continue;
        }
        out.push(d);
    }
    // Context is judged on the longest reading: "от 5 марта 2024 года" is a document date as a
    // whole, and its "марта 2024 года" must not survive on its own.
    out.retain(|d| match d {
        DateMention::Calendar { date, .. } => {
            valid(*date)
                && date.known_year().is_none_or(|y| (1900..=2100).contains(&y))
                && !excluded_by_context(folded, d.span().start, d.span().end)
        }
        DateMention::MonthOfPublicationYear { .. } | DateMention::Relative { .. } | DateMention::Weekday { .. } => true,
    });
    out
}

/// The date mentions in `folded[range]`, appended to `found` as they are met.
///
/// Long: one pass over the digit runs, each tried against the date shapes a run can begin, then
/// one over the words that date on their own; a pass split up would be walked twice.
fn find_in(folded: &str, range: Span, words: &Words, found: &mut Vec<DateMention>) {
    let p = patterns();
    let hay = &folded[range.clone()];
    let off = range.start;
    let num = |s: Option<regex::Match>| s.and_then(|m| m.as_str().parse::<i32>().ok());
    let calendar =
        |date, year, start: usize, end: usize| DateMention::Calendar { date, year, span: off + start..off + end };
    for (at, digits_end) in digit_runs(hay) {
        let text = window(hay, at);
        let digits = digits_end - at;
        // "18.06.2025" and "2025-06-18": the groups holding year, month and day.
        let all_numbers = |re: &Regex, ymd: [usize; 3]| {
            let c = groups(re, text)?;
            let end = at + c.get(0)?.end();
            let n = |i: usize| num(c.get(ymd[i])).unwrap_or(0);
            let date = EventDate::day(n(0), n(1) as u32, n(2) as u32);
            bounded(hay, at, end).then(|| calendar(date, YearRef::Stated, at, end))
        };
        if digits <= 2 {
            if let Some(c) = may_name_a_month(text, digits).then(|| groups(&p.day_month, text)).flatten() {
                let month_word = c.get(3).expect("month group");
                let month = months::month_of(month_word.as_str());
                // "с 3 по 5 марта": the range begins at the "с".
                let start = word_before(hay, at).filter(|&(s, e)| &hay[s..e] == "с").map_or(at, |(s, _)| s);
                if let (Some(day), Some(month), true) =
                    (num(c.get(1)), month, bounded(hay, start, at + month_word.end()))
                {
                    let (date, year) = match (num(c.get(4)), c.get(5)) {
                        (Some(y), _) => (EventDate::day(y, month, day as u32), YearRef::Stated),
                        (None, Some(_)) => (EventDate::day_month(month, day as u32), YearRef::ThisYear),
                        (None, None) => (EventDate::day_month(month, day as u32), YearRef::Missing),
                    };
                    found.push(calendar(date, year, start, at + c.get(0).expect("match").end()));
                }
            }
            if text.as_bytes().get(digits) == Some(&b'.') {
                found.extend(all_numbers(&p.numeric, [3, 2, 1]));
            }
            // English, month first: "April 18, 2016", "Apr. 12", "on June 17".
            if let Some(m) = english_month_before(hay, at) {
                found.extend(
                    month_first(hay, m, at, digits_end)
                        .map(|(date, year, start, end)| calendar(date, year, start, end)),
                );
            }
        } else if digits == 4 {
            if text.as_bytes().get(digits) == Some(&b'-') {
                found.extend(all_numbers(&p.iso, [1, 2, 3]));
            }
            let Some((word_start, word_end)) = word_before(hay, at) else { continue };
            let word = &hay[word_start..word_end];
            if word == "в" {
                if let Some(c) = groups(&p.year_in, text) {
                    let end = at + c.get(0).expect("match").end();
                    if let (Some(y), true) = (num(c.get(1)), bounded(hay, word_start, end)) {
                        found.push(calendar(EventDate::year(y), YearRef::Stated, word_start, end));
                    }
                }
            } else if let Some(m) = months::month_of(word)
                && let (Some(c), true) = (groups(&p.year_of, text), bounded(hay, word_start, word_end))
                && let Some(y) = num(c.get(1))
            {
                let end = at + c.get(0).expect("match").end();
                found.push(calendar(EventDate::month(y, m), YearRef::Stated, word_start, end));
            }
        }
    }
    // Words that date on their own: "в октябре" with no year (the month of the publication year)
    // and "вчера", "сегодня"... Read from the article's words, which are told apart by their
    // length in bytes first: a search for the month names themselves stopped on every other
    // Cyrillic letter, and comparing every word with each of these cost more than the rest.
    let words = words.within(range.clone());
    for (i, word) in words.iter().enumerate() {
        // Wire style, a weekday straight after the verb ("agreed Tuesday", "said Monday").
        if (6..=9).contains(&(word.end - word.start))
            && let Some(weekday) = WEEKDAYS.iter().position(|[_, en]| *en == &folded[word.start..word.end])
            && i > 0
            && {
                let verb = &folded[words[i - 1].start..words[i - 1].end];
                (verb.len() > 4 && verb.ends_with("ed")) || matches!(verb, "said" | "met" | "told" | "held" | "began")
            }
        {
            found.push(DateMention::Weekday {
                weekday: weekday as u32,
                strictly_before: false,
                span: word.start..word.end,
            });
            continue;
        }
        let days = match word.end - word.start {
            // "в", "во", "on", "last": a month ("в октябре") or a weekday ("во вторник", "в минувшую
            // пятницу", "on Thursday", "last Friday") may follow. Most words are of other lengths
            // and go no further than the length.
            2 | 4 => {
                let w = &folded[word.start..word.end];
                if let Some(month) = words.get(i + 1).filter(|_| w == "в") {
                    found.extend(month_in(folded, *word, *month, range.end));
                }
                if matches!(w, "в" | "во" | "on" | "last") {
                    found.extend(weekday_after(folded, words, i));
                }
                continue;
            }
            5 | 9 if &folded[word.start..word.end] == "today" => 0,
            9 if &folded[word.start..word.end] == "yesterday" => -1,
            10 | 14 | 16 | 18 => match &folded[word.start..word.end] {
                "сегодня" => 0,
                "вчера" | "накануне" => -1,
                "позавчера" => -2,
                _ => continue,
            },
            _ => continue,
        };
        found.push(DateMention::Relative { days, span: word.start..word.end });
    }
}

/// The English month word just before `at` ("April 18", "Apr. 18"), with where it starts.
fn english_month_before(hay: &str, at: usize) -> Option<(u32, usize)> {
    let before = hay[..at].trim_end_matches(' ');
    if before.len() == at {
        return None;
    }
    let before = before.strip_suffix('.').unwrap_or(before);
    let start = before.trim_end_matches(|c: char| c.is_ascii_lowercase()).len();
    let word = &before[start..];
    (word.len() >= 3).then_some(())?;
    Some((months::month_of(word)?, start))
}

/// The date of "April 18, 2016" or "Apr. 12": the month found before the day at `day..day_end`,
/// a year after it if one follows.
fn month_first(
    hay: &str,
    (month, start): (u32, usize),
    day: usize,
    day_end: usize,
) -> Option<(EventDate, YearRef, usize, usize)> {
    let d: u32 = hay[day..day_end].parse().ok()?;
    if !bounded(hay, start, day_end) {
        return None;
    }
    // A span's second day before the year ("June 17-18, 2025", "June 17 to 18, 2025"): the year
    // is the first day's too.
    let rest = second_day_skipped(&hay[day_end..]);
    let after_comma = rest.strip_prefix(',').unwrap_or(rest);
    let year_text = after_comma.trim_start_matches(' ');
    let year_digits = year_text.bytes().take_while(u8::is_ascii_digit).count();
    if year_digits == 4 && after_comma.len() > year_text.len() {
        let year_end = hay.len() - year_text.len() + 4;
        if let Ok(y) = year_text[..4].parse() {
            return Some((EventDate::day(y, month, d), YearRef::Stated, start, year_end));
        }
    }
    Some((EventDate::day_month(month, d), YearRef::Missing, start, day_end))
}

/// `rest` past a span's second day that opens it ("-18", " – 18", " to 18", " and 18"), where
/// one does; else `rest` itself.
fn second_day_skipped(rest: &str) -> &str {
    let joined = ["-", "–", "—", " - ", " – ", " — ", " to ", " and ", " through "]
        .iter()
        .find_map(|j| rest.strip_prefix(j))
        .filter(|r| matches!(r.bytes().take_while(u8::is_ascii_digit).count(), 1 | 2));
    match joined {
        Some(r) => {
            let after = r.trim_start_matches(|c: char| c.is_ascii_digit());
            // The second day is a day, not the start of a year or a number ("June 17 to 2025").
            if after.starts_with(|c: char| c.is_alphanumeric()) {
                rest
            } else {
                after
            }
        }
        None => rest,
    }
}

/// The weekdays, Monday first, as a day of the news names them: in the accusative ("во
/// вторник", "в среду") and in English.
const WEEKDAYS: [[&str; 2]; 7] = [
    ["понедельник", "monday"],
    ["вторник", "tuesday"],
    ["среду", "wednesday"],
    ["четверг", "thursday"],
    ["пятницу", "friday"],
    ["субботу", "saturday"],
    ["воскресенье", "sunday"],
];

/// True for a folded weekday as [`WEEKDAYS`] has it.
pub(super) fn is_weekday(w: &str) -> bool {
    WEEKDAYS.iter().any(|forms| forms.contains(&w))
}

/// A weekday named as a day of the news after the `i`-th of `words`, which opens it ("во
/// вторник", "в минувшую пятницу", "on Thursday", "last Friday"): the weekday in the accusative
/// or in English, after a preposition, "last", or a preposition and a word for "last".
fn weekday_after(folded: &str, words: &[Word], i: usize) -> Option<DateMention> {
    let text = |k: usize| words.get(k).map(|w| &folded[w.start..w.end]);
    let opener = text(i)?;
    let mut day = i + 1;
    let mut strictly_before = opener == "last";
    if matches!(opener, "в" | "во")
        && matches!(text(day)?, "минувшую" | "минувший" | "прошлую" | "прошлый" | "прошедшую" | "прошедший")
    {
        day += 1;
        strictly_before = true;
    }
    let word = text(day)?;
    let weekday = WEEKDAYS.iter().position(|forms| forms.contains(&word))? as u32;
    Some(DateMention::Weekday { weekday, strictly_before, span: words[i].start..words[day].end })
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        // Where the quick look says no, the pattern gives no month either.
        #[test]
        fn the_month_look_never_hides_a_date(
            text in "[0-9]{1,2}(\\s{0,2}|[-–—]|\\s*по\\s*)[0-9]{0,3}\\s{0,2}(мая|марта|март|по|человек|may|[а-яa-zә]{1,6})[ .,0-9]{0,6}"
        ) {
            let digits = text.bytes().take_while(u8::is_ascii_digit).count();
            if !may_name_a_month(&text, digits) {
                let month = groups(&patterns().day_month, &text).and_then(|c| months::month_of(c.get(3)?.as_str()));
                proptest::prop_assert_eq!(month, None);
            }
        }
    }
    use crate::lexicon::fold;

    fn dates(text: &str, published: Option<EventDate>) -> Vec<String> {
        let f = fold(text);
        let whole = 0..f.len();
        let all = std::slice::from_ref(&whole);
        find(&f, all, &Words::new(&f, all))
            .iter()
            .map(|d| d.resolve(published).map_or("?".into(), |x| x.to_string()))
            .collect()
    }

    #[test]
    fn mentions_stay_inside_their_range_and_come_in_text_order() {
        let f = fold("Встреча 17 июня 2025 года и 5\nмарта 2024 г., вчера");
        let cut = f.find('\n').unwrap();
        let regions = [0..cut, cut + 1..f.len()];
        let found: Vec<&str> =
            find(&f, &regions, &Words::new(&f, &regions)).iter().map(|d| &f[d.span().clone()]).collect();
        // "5\nмарта 2024" crosses the cut: only its second half is a date of its own.
        assert_eq!(found, ["17 июня 2025 года", "марта 2024 г.", "вчера"]);
    }

    #[test]
    fn every_form() {
        let p = Some(EventDate::day(2025, 6, 18));
        assert_eq!(dates("17 июня в городе", p), ["2025-06-17"]);
        assert_eq!(dates("17 июня 2024 года", p), ["2024-06-17"]);
        assert_eq!(dates("1–2 февраля", None), ["--02-01"]);
        assert_eq!(dates("с 3 по 5 марта 2023 г.", None), ["2023-03-03"]);
        assert_eq!(dates("на встрече 18.06.2025 и 2025-06-19", None), ["2025-06-18", "2025-06-19"]);
        assert_eq!(dates("в июне 2025 года", None), ["2025-06"]);
        assert_eq!(dates("в октябре прошел форум", p), ["2025-10"]);
        assert_eq!(dates("в октябре прошел форум", None), ["?"]);
        assert_eq!(dates("в 2024 году", None), ["2024"]);
        assert_eq!(dates("1 февраля с.г.", None), ["--02-01"]);
        assert_eq!(dates("1 февраля с.г.", p), ["2025-02-01"]);
        assert_eq!(dates("5 мая текущего года", p), ["2025-05-05"]);
        assert_eq!(dates("вчера", p), ["2025-06-17"]);
        assert_eq!(dates("накануне", p), ["2025-06-17"]);
        assert_eq!(dates("сегодня", p), ["2025-06-18"]);
        assert_eq!(dates("сегодня", None), ["?"]);
        assert_eq!(dates("позавчера и в ноябре", p), ["2025-06-16", "2025-11"]);
        assert_eq!(dates("в  ноябре, в ноябрьском, в декабре", p), ["2025-11", "2025-12"]);
        assert_eq!(dates("в октябре 2024 года", p), ["2024-10"]);
        assert_eq!(dates("3 Dec. 2024", None), ["2024-12-03"]);
        assert_eq!(dates("held on April 18, 2016 in Tashkent", None), ["2016-04-18"]);
        assert_eq!(dates("the forum in Baku on Apr. 12", p), ["2025-04-12"]);
        assert_eq!(dates("from September 6 to October 14", None), ["--09-06", "--10-14"]);
        assert_eq!(dates("On June 17 to 18, 2025, the meeting", None), ["2025-06-17"]);
        assert_eq!(dates("held June 17-18, 2025 in Karamay", None), ["2025-06-17"]);
        assert_eq!(dates("on June 17 and 18 in Karamay", None), ["--06-17"]);
        assert_eq!(
            dates("the Roadmap of the group, signed in Baku on September 14, 2021, and", None),
            Vec::<String>::new()
        );
        assert_eq!(dates("меморандума, подписанного в Ташкенте 5 мая 2024 года", None), Vec::<String>::new());
        assert_eq!(dates("the Roadmap, which was signed in Baku on September 14, 2021.", None), Vec::<String>::new());
        assert_eq!(dates("Меморандум был подписан 5 мая 2024 года", None), ["2024-05-05"]);
    }

    #[test]
    fn not_event_dates() {
        assert!(dates("Стратегия на 2025–2028 годы", None).is_empty());
        assert!(dates("Указом от 5 марта 2024 года", None).is_empty());
        assert!(dates("приказ 12 мая 2023 года № 45", None).is_empty());
        assert!(dates("родился 3 мая 1970 года", None).is_empty());
        assert!(dates("до 2030 года", None).is_empty());
        assert!(dates("31 февраля", None).is_empty());
        assert!(dates("a banner hangs in Tianjin in this photo from Aug 5, 2025", None).is_empty());
        assert!(dates("на снимке от 3 мая", None).is_empty());
        assert!(dates("сегодняшнее совещание", None).is_empty());
    }
}
