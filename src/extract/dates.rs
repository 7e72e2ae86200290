//! Date mentions in Russian (and English) news text.
//!
//! Forms: "17 июня", "1–2 февраля", "с 3 по 5 марта", "17 июня 2025 года", "18.06.2025",
//! "2025-06-18", "в июне 2025 года" (month), "в 2025 году" (year), "1 февраля с.г." / "текущего
//! года" (the publication year), "вчера" / "накануне" / "сегодня" (relative to publication).
//! Not event dates: document dates ("Указ от 5 марта 2024 года", "... 2024 года №"), birth dates,
//! deadlines ("до 2030 года"), periods ("на 2025–2028 годы", which no pattern accepts).

use crate::lexicon::months;
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
    /// Days relative to publication: -1 for "вчера", 0 for "сегодня".
    Relative { days: i64, span: Span },
}

impl DateMention {
    pub fn span(&self) -> &Span {
        match self {
            DateMention::Calendar { span, .. } | DateMention::Relative { span, .. } => span,
        }
    }

    /// The date this mention stands for, given the publication date.
    pub fn resolve(&self, published: Option<EventDate>) -> Option<EventDate> {
        match self {
            DateMention::Calendar { date, year: YearRef::Stated, .. } => Some(*date),
            DateMention::Calendar { date, .. } => match (published.and_then(|p| p.year), date.day) {
                (Some(y), _) => Some(date.with_year(y)),
                (None, Some(_)) => Some(*date),
                // A month with no year has no form of its own: not knowable.
                (None, None) => None,
            },
            DateMention::Relative { days, .. } => {
                let p = published?.to_naive()?;
                Some(EventDate::from_naive(p + chrono::Duration::days(*days)))
            }
        }
    }

    /// True for a mention that names a day (not only a month or a year).
    pub fn has_day(&self) -> bool {
        match self {
            DateMention::Calendar { date, .. } => date.day.is_some(),
            DateMention::Relative { .. } => true,
        }
    }
}

struct Patterns {
    day_month: Regex,
    numeric: Regex,
    iso: Regex,
    month_year: Regex,
    /// "в октябре" with no year: the month of the publication year.
    month_alone: Regex,
    year: Regex,
    relative: Regex,
}

/// Word boundaries are checked here rather than with `\b` in the patterns: a Unicode `\b` keeps
/// the regex engine off its fast automaton, which made date search the slowest step.
fn bounded(hay: &str, m: &regex::Match, month: Option<regex::Match>) -> bool {
    let before_ok = !hay[..m.start()].chars().next_back().is_some_and(crate::lexicon::is_word_char);
    let end = month.map_or(m.end(), |mm| mm.end());
    let after_ok = !hay[end..].chars().next().is_some_and(crate::lexicon::is_word_char);
    before_ok && after_ok
}

fn patterns() -> &'static Patterns {
    static P: OnceLock<Patterns> = OnceLock::new();
    P.get_or_init(|| {
        let mut forms: Vec<&str> = months::forms().map(|(f, _)| f).collect();
        forms.sort_by_key(|f| std::cmp::Reverse(f.len()));
        let m = forms.join("|");
        let locative = forms.iter().filter(|f| f.ends_with('е') && f.chars().count() > 3).copied().collect::<Vec<_>>().join("|");
        let dash = r"\s*(?:-|–|—)\s*";
        let this_year = r"(?:\s*,?\s*(с\.\s?г\.|текущего года|этого года|нынешнего года|сего года|т\.\s?г\.))?";
        Patterns {
            day_month: Regex::new(&format!(
                r"(?:с\s+)?(\d{{1,2}})(?:(?:{dash}|\s+по\s+)(\d{{1,2}}))?\s+({m})\.?(?:\s+(\d{{4}})\s*(?:года|год|г\.)?)?{this_year}"
            ))
            .expect("day-month pattern"),
            numeric: Regex::new(r"(\d{1,2})\.(\d{1,2})\.(\d{4})").expect("numeric date pattern"),
            iso: Regex::new(r"(\d{4})-(\d{2})-(\d{2})").expect("ISO date pattern"),
            month_year: Regex::new(&format!(r"({m})\s+(\d{{4}})\s*(?:года|г\.)")).expect("month-year pattern"),
            month_alone: Regex::new(&format!(r"(?:^|[^\p{{L}}])в\s+({locative})(?:[^\p{{L}}\p{{N}}]|$)")).expect("month pattern"),
            year: Regex::new(r"в\s+(\d{4})\s*(?:году|г\.)").expect("year pattern"),
            relative: Regex::new(r"(вчера|накануне|сегодня|позавчера)").expect("relative pattern"),
        }
    })
}

/// Words just before a date that make it a document, birth or deadline date, not an event's.
fn excluded_by_context(folded: &str, start: usize, end: usize) -> bool {
    let before_start = folded[..start].char_indices().rev().nth(40).map_or(0, |(i, _)| i);
    let before = &folded[before_start..start];
    let after_end = folded[end..].char_indices().nth(12).map_or(folded.len(), |(i, _)| end + i);
    let after = &folded[end..after_end];
    let last_word = before.split(|c: char| !crate::lexicon::is_word_char(c)).rfind(|w| !w.is_empty()).unwrap_or("");
    matches!(last_word, "от" | "до" | "к" | "по" | "датой" | "рождения")
        || before.contains("родил")
        || before.contains("выдан")
        || after.trim_start().starts_with('№')
        || after.trim_start().starts_with("рождения")
}

fn valid(date: EventDate) -> bool {
    let (Some(m), Some(d)) = (date.month, date.day) else { return true };
    chrono::NaiveDate::from_ymd_opt(date.year.unwrap_or(2024), m, d).is_some()
}

/// All date mentions in `folded[range]`, in text order, without overlaps (the longest reading of a
/// stretch wins: "17 июня 2025 года" is one mention, not a day-month and a year).
pub fn find(folded: &str, range: Span) -> Vec<DateMention> {
    let p = patterns();
    let hay = &folded[range.clone()];
    let off = range.start;
    let mut found: Vec<DateMention> = Vec::new();
    let num = |s: Option<regex::Match>| s.and_then(|m| m.as_str().parse::<i32>().ok());
    // Five of the patterns need a digit: a stretch without one is not scanned for them.
    let digits = hay.bytes().any(|b| b.is_ascii_digit());
    let with_digits = |re: &'static Regex| re.captures_iter(if digits { hay } else { "" });
    for c in with_digits(&p.day_month) {
        let all = c.get(0).expect("match");
        if !bounded(hay, &all, c.get(3)) {
            continue;
        }
        let (Some(day), Some(month)) = (num(c.get(1)), c.get(3).and_then(|m| months::month_of(m.as_str()))) else {
            continue;
        };
        let stated = num(c.get(4));
        let (date, year) = match (stated, c.get(5)) {
            (Some(y), _) => (EventDate::day(y, month, day as u32), YearRef::Stated),
            (None, Some(_)) => (EventDate::day_month(month, day as u32), YearRef::ThisYear),
            (None, None) => (EventDate::day_month(month, day as u32), YearRef::Missing),
        };
        found.push(DateMention::Calendar { date, year, span: off + all.start()..off + all.end() });
    }
    for re in [&p.numeric, &p.iso] {
        for c in with_digits(re) {
            let all = c.get(0).expect("match");
            if !bounded(hay, &all, None) {
                continue;
            }
            let (a, b, cc) = (num(c.get(1)), num(c.get(2)), num(c.get(3)));
            let date = if std::ptr::eq(re, &p.iso) {
                EventDate::day(a.unwrap_or(0), b.unwrap_or(0) as u32, cc.unwrap_or(0) as u32)
            } else {
                EventDate::day(cc.unwrap_or(0), b.unwrap_or(0) as u32, a.unwrap_or(0) as u32)
            };
            found.push(DateMention::Calendar { date, year: YearRef::Stated, span: off + all.start()..off + all.end() });
        }
    }
    for c in with_digits(&p.month_year) {
        let all = c.get(0).expect("match");
        if !bounded(hay, &all, c.get(1)) {
            continue;
        }
        if let (Some(m), Some(y)) = (c.get(1).and_then(|m| months::month_of(m.as_str())), num(c.get(2))) {
            found.push(DateMention::Calendar {
                date: EventDate::month(y, m),
                year: YearRef::Stated,
                span: off + all.start()..off + all.end(),
            });
        }
    }
    for c in p.month_alone.captures_iter(hay) {
        let (Some(all), Some(month)) = (c.get(0), c.get(1)) else { continue };
        // Unless a year follows ("в октябре 2024 года" is the month-year pattern's).
        if hay[month.end()..].trim_start().starts_with(|ch: char| ch.is_ascii_digit()) {
            continue;
        }
        if let Some(m) = months::month_of(month.as_str()) {
            let date = EventDate { year: None, month: Some(m), day: None };
            let start = all.start() + all.as_str().find('в').unwrap_or(0);
            found.push(DateMention::Calendar { date, year: YearRef::Missing, span: off + start..off + month.end() });
        }
    }
    for c in with_digits(&p.year) {
        let all = c.get(0).expect("match");
        if !bounded(hay, &all, None) {
            continue;
        }
        if let Some(y) = num(c.get(1)) {
            found.push(DateMention::Calendar {
                date: EventDate::year(y),
                year: YearRef::Stated,
                span: off + all.start()..off + all.end(),
            });
        }
    }
    for c in p.relative.captures_iter(hay) {
        let all = c.get(0).expect("match");
        if !bounded(hay, &all, None) {
            continue;
        }
        let days = match all.as_str() {
            "сегодня" => 0,
            "позавчера" => -2,
            _ => -1,
        };
        found.push(DateMention::Relative { days, span: off + all.start()..off + all.end() });
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
                && date.year.is_none_or(|y| (1900..=2100).contains(&y))
                && !excluded_by_context(folded, d.span().start, d.span().end)
        }
        DateMention::Relative { .. } => true,
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::fold;

    fn dates(text: &str, published: Option<EventDate>) -> Vec<String> {
        let f = fold(text);
        find(&f, 0..f.len()).iter().map(|d| d.resolve(published).map_or("?".into(), |x| x.to_string())).collect()
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
        assert_eq!(dates("3 Dec. 2024", None), ["2024-12-03"]);
    }

    #[test]
    fn not_event_dates() {
        assert!(dates("Стратегия на 2025–2028 годы", None).is_empty());
        assert!(dates("Указом от 5 марта 2024 года", None).is_empty());
        assert!(dates("приказ 12 мая 2023 года № 45", None).is_empty());
        assert!(dates("родился 3 мая 1970 года", None).is_empty());
        assert!(dates("до 2030 года", None).is_empty());
        assert!(dates("31 февраля", None).is_empty());
        assert!(dates("сегодняшнее совещание", None).is_empty());
    }
}
