//! Articles that a source gives as fields rather than as a page of text: a JSON object, a feed's
//! item, an HTML page's metadata and main text. They are laid out as the text of a plain article
//! (the title, the publication date on a line of its own, a blank line, the body) so that the
//! extractor reads them as it reads any other, and the head the source names is kept as the
//! article's structure whatever the line rules would have guessed.

use super::structure::{self, Role, Structure};
use super::{clean, Article, Origin};
use crate::model::{EventDate, Span};
use crate::problem::{EntryProblem, Skip};
use regex::Regex;
use std::fmt::Write;
use std::sync::OnceLock;

/// An article read from fields.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Entry {
    pub title: Option<String>,
    /// The body as text (markup already reduced).
    pub text: String,
    pub published: Option<EventDate>,
    pub url: Option<String>,
    pub site: Option<String>,
}

impl Entry {
    /// True when there is neither a title nor any text to read.
    pub fn is_empty(&self) -> bool {
        self.text.trim().is_empty() && self.title.as_deref().is_none_or(|t| t.trim().is_empty())
    }
}

/// What a file holding many articles gave: each readable article with the number it is named by
/// (its line, or its place among the items), and the problems of the rest in file order.
#[derive(Debug, Default)]
pub struct Entries {
    pub entries: Vec<(u32, Entry)>,
    pub problems: Vec<EntryProblem>,
}

/// The article an entry makes, named `rel`; `encoding` is the file's.
pub fn article(rel: String, encoding: &'static str, entry: Entry) -> Result<Article, Skip> {
    let Entry { title, text: body, published, url, site } = entry;
    let mut text = String::with_capacity(body.len() + 256);
    // Each part is cleaned alone, so that the spans of the title and the date line are known.
    let title = title.map(|t| clean::clean(&one_line(&t))).filter(|t| !t.trim().is_empty());
    let title_span = title.map(|t| {
        text.push_str(t.trim());
        let span = 0..text.len();
        text.push('\n');
        span
    });
    // The date as news pages print it under a headline, which the line rules read as a stamp.
    let stamp = published.and_then(|d| {
        let EventDate::Day { year: y, month: m, day } = d else { return None };
        let start = text.len();
        write!(text, "{day:02}.{m:02}.{y:04}").expect("writing to a string");
        let span = start..text.len();
        text.push('\n');
        Some((d, span))
    });
    let body = clean::clean_owned(body);
    let body = body.trim_matches('\n');
    if !text.is_empty() && !body.trim().is_empty() {
        text.push('\n');
    }
    text.push_str(body);
    if !text.ends_with('\n') {
        text.push('\n');
    }
    if text.trim().is_empty() {
        return Err(Skip::NoText);
    }
    let (folded, capitals) = crate::lexicon::fold_noting_capitals(&text);
    let mut st = structure::analyse_folded(&text, &folded);
    keep_head(&mut st, title_span, stamp);
    Ok(Article {
        rel,
        origin: Origin::Embedded(0),
        encoding,
        text,
        folded,
        capitals,
        structure: st,
        url: url.filter(|u| !u.trim().is_empty()).map(|u| u.trim().to_string()),
        site: site.map(|s| one_line(&s)).filter(|s| !s.is_empty()),
    })
}

/// The title and the date line as the source names them, in place of whatever the line rules
/// made of those lines.
fn keep_head(st: &mut Structure, title: Option<Span>, stamp: Option<(EventDate, Span)>) {
    let head: Vec<(Role, Span)> = title
        .iter()
        .map(|s| (Role::Title, s.clone()))
        .chain(stamp.iter().map(|(_, s)| (Role::Meta, s.clone())))
        .collect();
    if head.is_empty() {
        return;
    }
    if title.is_some() {
        st.title = title;
    }
    if stamp.is_some() {
        st.published = stamp;
    }
    st.sections.retain(|(_, s)| !head.iter().any(|(_, h)| s.start < h.end && h.start < s.end));
    st.sections.extend(head);
    st.sections.sort_by_key(|(_, s)| s.start);
}

/// Whitespace runs (line breaks too) as one space, trimmed.
pub fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A publication date as metadata writes it: ISO 8601 (`2025-06-17`, `2025-06-17T09:30:00+05:00`),
/// RFC 822 as RSS has it (`Tue, 17 Jun 2025 09:30:00 +0500`), or dotted (`17.06.2025`). The day is
/// the one written, in the writer's own time zone: moved to UTC, a page published in Tashkent
/// after midnight would be dated the day before.
pub fn metadata_date(s: &str) -> Option<EventDate> {
    static PATTERNS: OnceLock<[Regex; 3]> = OnceLock::new();
    let [iso, rfc, dotted] = PATTERNS.get_or_init(|| {
        [
            Regex::new(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[T\s])").expect("ISO date pattern"),
            Regex::new(r"(?i)^\s*(?:[a-z]{3},?\s+)?(\d{1,2})\s+([a-z]{3})[a-z]*\.?\s+(\d{4})\b")
                .expect("RFC 822 pattern"),
            Regex::new(r"^\s*(\d{1,2})\.(\d{1,2})\.(\d{4})\b").expect("dotted date pattern"),
        ]
    });
    let num = |c: &regex::Captures, i: usize| c.get(i).and_then(|m| m.as_str().parse::<u32>().ok());
    let (y, m, d) = if let Some(c) = iso.captures(s) {
        (num(&c, 1)?, num(&c, 2)?, num(&c, 3)?)
    } else if let Some(c) = rfc.captures(s) {
        const MONTHS: [&str; 12] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
        let name = c[2].to_ascii_lowercase();
        let m = MONTHS.iter().position(|x| *x == name)? as u32 + 1;
        (num(&c, 3)?, m, num(&c, 1)?)
    } else if let Some(c) = dotted.captures(s) {
        (num(&c, 3)?, num(&c, 2)?, num(&c, 1)?)
    } else {
        return None;
    };
    chrono::NaiveDate::from_ymd_opt(y as i32, m, d).map(EventDate::from_naive)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn metadata_dates_keep_the_day_as_written() {
        let d = Some(EventDate::day(2025, 6, 17));
        for s in [
            "2025-06-17",
            "2025-06-17T00:30:00+05:00",
            "2025-06-17 23:59",
            "Tue, 17 Jun 2025 00:30:00 +0500",
            "17 June 2025",
            "17.06.2025",
        ] {
            assert_eq!(metadata_date(s), d, "{s}");
        }
        for s in ["", "yesterday", "2025-13-01", "31.02.2025", "17 Foo 2025", "20250617"] {
            assert_eq!(metadata_date(s), None, "{s}");
        }
    }

    #[test]
    fn the_head_the_source_names_is_the_structure() {
        let entry = Entry {
            title: Some("Министры связи\nвстретились в Ташкенте".into()),
            text: "ТАШКЕНТ, 18 июня. 17 июня в Ташкенте прошла встреча министров.\n\nВторой абзац.".into(),
            published: Some(EventDate::day(2025, 6, 18)),
            url: Some(" https://example.org/a ".into()),
            site: Some("Вести\n".into()),
        };
        let a = article("a.jsonl#1".into(), "UTF-8", entry).unwrap();
        assert!(
            a.text.starts_with("Министры связи встретились в Ташкенте\n18.06.2025\n\nТАШКЕНТ, 18 июня."),
            "{}",
            a.text
        );
        let title = a.structure.title.clone().unwrap();
        assert_eq!(&a.text[title], "Министры связи встретились в Ташкенте");
        let (d, span) = a.structure.published.clone().unwrap();
        assert_eq!((d, &a.text[span]), (EventDate::day(2025, 6, 18), "18.06.2025"));
        assert_eq!(a.url.as_deref(), Some("https://example.org/a"));
        assert_eq!(a.site.as_deref(), Some("Вести"));
        let empty = Entry { title: Some("  ".into()), ..Entry::default() };
        assert!(empty.is_empty());
        assert_eq!(article("b".into(), "UTF-8", empty).unwrap_err(), Skip::NoText);
    }
}
