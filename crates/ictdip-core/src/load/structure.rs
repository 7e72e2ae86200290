//! The shape of a news article: title (printed once or twice), a date line or metadata line under
//! it, a dateline opening the body (`ДУШАНБЕ, 18.06.2025 /НИАТ «Ховар»/.`), the body, and the
//! site furniture around it (related headlines, photo credits, counters, footers).
//!
//! Facts are taken from the title and body only; the dateline and metadata give the publication
//! date; the rest is shown dimmed in the reader. Everything here works line by line with general
//! rules and the markers in `assets/furniture.txt`, never with knowledge of particular outlets.

use super::stamp;
use crate::lexicon::furniture::{MarkerKind, WithinMarkers};
use crate::lexicon::{lines_with_spans, months};
use crate::model::{EventDate, Span};
use regex::Regex;
use std::sync::OnceLock;

/// The role a stretch of text plays in the article.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    Title,
    /// The title printed again; shown, but not a source of facts.
    TitleRepeat,
    /// `CITY, DATE /AGENCY/.`: where and when the outlet filed, not where the event was.
    Dateline,
    /// A date or metadata line: gives the publication date.
    Meta,
    Body,
    Furniture,
}

/// An article's text cut into roles. Sections are in text order and do not overlap; blank lines
/// belong to no section.
#[derive(Clone, Debug, Default)]
pub struct Structure {
    pub sections: Vec<(Role, Span)>,
    pub title: Option<Span>,
    /// The publication date and the span that states it; a dateline may give only day and month.
    pub published: Option<(EventDate, Span)>,
    /// The dateline's city, as written (the outlet's seat); for a page with no dateline, its
    /// stamp's line, which may name the city beside the date ("Astana, Kazakhstan 28 March
    /// 2024", "2 марта 2020 г., Москва"): the gazetteer finds the city in it, if any.
    pub dateline_city: Option<Span>,
}

impl Structure {
    /// The spans facts may come from: the title and the body.
    pub fn fact_regions(&self) -> impl Iterator<Item = &Span> {
        self.sections.iter().filter(|(r, _)| matches!(r, Role::Title | Role::Body)).map(|(_, s)| s)
    }

    /// The role of the byte at `at` (blank lines count as body).
    pub fn role_at(&self, at: usize) -> Role {
        self.sections.iter().find(|(_, s)| s.contains(&at)).map_or(Role::Body, |(r, _)| *r)
    }
}

struct Patterns {
    dateline: Regex,
    date_only: Regex,
    meta: Regex,
    /// The same three without the word boundary after a month word; see [`Patterns::line`].
    dateline_plain: Regex,
    date_only_plain: Regex,
    meta_plain: Regex,
    /// The shared date group alone, anchored: the groups of a date are taken with it from the
    /// stretch the larger patterns matched (see `LineMatch`).
    date: Regex,
    /// What stands before the date on a date line and on a metadata line.
    time_prefix: Regex,
    meta_label: Regex,
    /// "АСТАНА. КАЗИНФОРМ –": a city and an agency in capitals, no date.
    dateline_undated: Regex,
    /// "10.09.2025 | 20:05 |": a stamp that runs into the lead, set off by a bar.
    stamp_prefix: Regex,
    /// "28 November 2019 - ": a stamp that opens the headline's line, set off by a dash.
    dated_headline: Regex,
}

fn patterns() -> &'static Patterns {
    static P: OnceLock<Patterns> = OnceLock::new();
    P.get_or_init(|| {
        // A month is any word here, checked against `assets/months.tsv` after the match (see
        // `month_named`): the list of month forms, case-insensitive, made each pattern's
        // automaton many times larger and every match's group extraction as many times slower.
        let m = "[a-zа-яё]+";
        let date = format!(
            r"(?:(\d{{1,2}})[./-](\d{{1,2}})[./-](\d{{4}})|(\d{{4}})-(\d{{2}})-(\d{{2}})|(\d{{1,2}})\s+({m})\.?\s+(\d{{4}})(?:\s*(?:года|г\.))?|(\d{{1,2}})\s+({m})\b)"
        );
        let plain = date.replace(r"\b)", ")");
        // An agency after the date: "/НИАТ «Ховар»/", "(ТАСС)", ", Trend:", ". /ТАСС/." or
        // ". UzDaily.uz.".
        let agency = r"(?:[.,]?\s*(?:/[^/\n]{1,60}/|\([^)\n]{1,60}\)|[A-Za-zА-Яа-яЁё][A-Za-zА-Яа-яЁё\-]{1,20}\s*(?::|$)|[A-Za-z][A-Za-z\-]{1,20}\.[a-z]{2,4}\.))?";
        let tail = stamp::AGENCY_AFTER_DASH;
        let dateline = |date: &str| {
            Regex::new(&format!(
                r"(?i)^\s*([А-ЯЁA-Z][А-ЯЁA-Zа-яёa-z\- ]{{1,30}}(?:\s*/[^/\n]{{1,30}}/|\s*\([^)\n]{{1,30}}\))?)[,.]\s*{date}\s*(?:,?\s*\d{{1,2}}:\d{{2}})?\s*{agency}\s*(?:(?:--|[—–-])\s*{tail}|(?:--|[.—–-])?\s*)"
            ))
            .expect("dateline pattern")
        };
        let date_only = |date: &str| {
            Regex::new(&format!(
                r"(?i)^\s*#*\s*(?:\d{{1,2}}:\d{{2}}\s*[,/|]?\s*)?{date}\s*(?:[,/|]?\s*(?:в\s*)?\d{{1,2}}:\d{{2}})?\s*$"
            ))
            .expect("date line pattern")
        };
        let meta = |date: &str| {
            Regex::new(&format!(
                r"(?i)^\s*(?:date|дата|опубликовано|published|дата публикации|обновлено|updated)\s*:?\s*{date}(?:[ T]\d{{1,2}}:\d{{2}}(?::\d{{2}})?)?\s*"
            ))
            .expect("metadata pattern")
        };
        Patterns {
            dateline: dateline(&date),
            date_only: date_only(&date),
            meta: meta(&date),
            dateline_plain: dateline(&plain),
            date_only_plain: date_only(&plain),
            meta_plain: meta(&plain),
            stamp_prefix: Regex::new(&format!(
                r"(?i)^\s*{date}\s*(?:[|,]\s*\d{{1,2}}:\d{{2}}(?::\d{{2}})?\s*)?\|\s*"
            ))
            .expect("stamp prefix pattern"),
            dated_headline: Regex::new(&format!(
                r"(?i)^\s*{date}\s*(?:,?\s*\d{{1,2}}:\d{{2}}(?::\d{{2}})?\s*)?[—–-]\s+"
            ))
            .expect("dated headline pattern"),
            date: Regex::new(&format!(r"(?i)^{date}")).expect("date pattern"),
            time_prefix: Regex::new(r"(?i)^\s*#*\s*(?:\d{1,2}:\d{2}\s*[,/|]?\s*)?").expect("time prefix pattern"),
            // The longer label first: "дата публикации" is not "дата" and a date.
            meta_label: Regex::new(r"(?i)^\s*(?:дата публикации|date|дата|опубликовано|published|обновлено|updated)\s*:?\s*")
                .expect("metadata label pattern"),
            dateline_undated: Regex::new(concat!(
                r"^\s*(?:([А-ЯЁ][А-ЯЁ\-]{2,20}(?: [А-ЯЁ][А-ЯЁ\-]{2,20})?)[.,]\s*[А-ЯЁA-Z][А-ЯЁA-Z«»\x22 .\-]{1,30}?\s*[–—-]",
                // "Tashkent, Uzbekistan (UzDaily.com) --"
                r"|([A-ZА-ЯЁ][A-Za-zА-Яа-яЁё\-]{2,20})(?:, [A-ZА-ЯЁ][A-Za-zА-Яа-яЁё\- ]{2,30})? \([^)\n]{2,40}\) ?(?:--|–|—|-)",
                // "БАКУ /Trend/ -"
                r"|([А-ЯЁ][А-ЯЁ\-]{2,20}(?: [А-ЯЁ][А-ЯЁ\-]{2,20})?) ?/[^/\n]{2,40}/ ?[–—-])\s*"
            ))
                .expect("undated dateline pattern"),
        }
    })
}

/// The four line patterns behind cheap tests: each is tried only on lines that could match it
/// (a date needs a digit, a metadata line starts with its label, a dateline ends in a dash or
/// holds a date near its start) and only on the line's first few hundred bytes, since none of them
/// reaches further. Body paragraphs run to kilobytes, and a regex capture over such a line costs
/// far more than a scan for a digit.
/// A dated line or line prefix: where the match ends in the line, the groups of its date, and
/// the dateline's city.
struct LineMatch<'t> {
    end: usize,
    date: regex::Captures<'t>,
    city: Option<Span>,
}

/// The line patterns behind cheap tests: each is tried only on lines that could match it (a date
/// needs a digit, a metadata line starts with its label, a dateline ends in a dash or holds a date
/// near its start) and only on the line's first few hundred bytes, since none of them reaches
/// further. A match is found by the pattern's DFA alone; the date's groups are then taken by the
/// small date pattern from the stretch where the date stands. Taking groups with the whole pattern
/// (its agency and city parts repeat broad classes many times over) cost more than the rest of the
/// structure analysis.
impl Patterns {
    fn date_line<'t>(&self, line: &'t str) -> Option<LineMatch<'t>> {
        if line.len() > 160 || !has_digit(line) {
            return None;
        }
        let end = self.line_pattern(line, &self.date_only, &self.date_only_plain).find(line)?.end();
        let from = self.time_prefix.find(line).map_or(0, |m| m.end());
        self.with_date(line, from, end, None)
    }

    fn meta_prefix<'t>(&self, line: &'t str) -> Option<LineMatch<'t>> {
        let head = head(line, 400);
        if !may_open_with_label(head) {
            return None;
        }
        let from = self.meta_label.find(head)?.end();
        let end = self.line_pattern(head, &self.meta, &self.meta_plain).find(head)?.end();
        self.with_date(head, from, end, None)
    }

    fn stamp_prefix<'t>(&self, line: &'t str) -> Option<LineMatch<'t>> {
        let head = head(line, 200);
        if !head.trim_start().starts_with(|c: char| c.is_ascii_digit()) || !head.contains('|') {
            return None;
        }
        let end = self.stamp_prefix.find(head)?.end();
        self.with_date(head, head.len() - head.trim_start().len(), end, None)
    }

    /// A full date with its year, then a dash, opening a line: what follows is the headline. A
    /// day and month alone there ("10 мая - день ...") may begin a sentence.
    fn dated_headline_prefix<'t>(&self, line: &'t str) -> Option<LineMatch<'t>> {
        let head = head(line, 80);
        if !head.trim_start().starts_with(|c: char| c.is_ascii_digit()) || !head.contains(['-', '–', '—']) {
            return None;
        }
        let end = self.dated_headline.find(head)?.end();
        let m = self.with_date(head, head.len() - head.trim_start().len(), end, None)?;
        captured_date(&m.date).is_some_and(|d| d.known_year().is_some()).then_some(m)
    }

    fn dateline_prefix<'t>(&self, line: &'t str) -> Option<LineMatch<'t>> {
        if !has_digit(head(line, 200)) {
            return None;
        }
        let head = head(line, 400);
        let (city, from) = dateline_city_and_date(head)?;
        // "Saturday, 13 July 2024", "Флаг Понедельник, 25 ноября 2024": a clock, not a city and
        // a date.
        if crate::lexicon::fold(&head[city.clone()]).split_whitespace().any(stamp::widget_word) {
            return None;
        }
        let end = self.line_pattern(head, &self.dateline, &self.dateline_plain).find(head)?.end();
        self.with_date(head, from, end, Some(city))
    }

    /// The pattern to find a line's match with: `exact`, or its `plain` twin without the word
    /// boundary after a month word when that boundary cannot fail on `hay`.
    ///
    /// A Unicode word boundary stops the regex crate's DFA at the first non-ASCII byte, and the
    /// fallback engine clears a table as large as the pattern's states times the line's length:
    /// on Russian lines this was a large share of the structure analysis. The boundary stands after
    /// a greedy run of letters, so on every path the two patterns take first it can fail only where
    /// such a letter is followed by a word character outside the run's class (a digit, a Kazakh
    /// letter). Where no such pair occurs, both patterns give the same match.
    fn line_pattern<'p>(&self, hay: &str, exact: &'p Regex, plain: &'p Regex) -> &'p Regex {
        if month_boundaries_certain(hay) {
            plain
        } else {
            exact
        }
    }

    fn with_date<'t>(&self, line: &'t str, from: usize, end: usize, city: Option<Span>) -> Option<LineMatch<'t>> {
        let date = self.date.captures(line.get(from..end)?)?;
        month_named(&date).then_some(LineMatch { end, date, city })
    }

    fn undated_dateline_prefix<'t>(&self, line: &'t str) -> Option<regex::Captures<'t>> {
        let head = head(line, 300);
        if !head.contains(['-', '–', '—']) {
            return None;
        }
        let end = self.dateline_undated.find(head)?.end();
        self.dateline_undated.captures(&head[..end])
    }
}

/// The city of an undated dateline, in whichever of its forms matched ("БАКУ, Trend -",
/// "Tashkent, Uzbekistan (UzDaily.com) --", "БАКУ /Trend/ -").
fn undated_city<'t>(c: &regex::Captures<'t>) -> Option<regex::Match<'t>> {
    c.get(1).or(c.get(2)).or(c.get(3))
}

/// Whether `head` may open with a metadata label: its first letter is the first of one. Most
/// lines fail here, before any pattern runs.
fn may_open_with_label(head: &str) -> bool {
    head.trim_start().starts_with(['д', 'Д', 'd', 'D', 'о', 'О', 'p', 'P', 'u', 'U'])
}

/// Where a dateline's city and date would stand in `head`: the city runs to the first comma or
/// full stop (it can hold neither), and the date after it opens with a digit. A body paragraph
/// fails here, before the pattern runs.
fn dateline_city_and_date(head: &str) -> Option<(Span, usize)> {
    let lead = head.len() - head.trim_start().len();
    let sep = lead + head[lead..].find([',', '.'])?;
    let from = head.len() - head[sep + 1..].trim_start().len();
    head[from..].starts_with(|c: char| c.is_numeric()).then_some((lead..sep, from))
}

/// True unless the date group matched a word that names no month.
fn month_named(c: &regex::Captures) -> bool {
    [8, 11].iter().filter_map(|&i| c.get(i)).all(|m| months::month_of(&crate::lexicon::fold(m.as_str())).is_some())
}

/// True when no character that may belong to a month word's letter class (`(?i)[a-zа-яё]`) is
/// followed by a word character surely outside it: then a word boundary after a maximal run of
/// such letters always holds. Conservative: a non-ASCII character not known to be punctuation or
/// space may be a letter of the class (case folding adds a few), or a word character outside it.
fn month_boundaries_certain(hay: &str) -> bool {
    fn in_class(c: char) -> bool {
        matches!(c, 'a'..='z' | 'A'..='Z' | 'а'..='я' | 'А'..='Я' | 'ё' | 'Ё')
    }
    fn not_word(c: char) -> bool {
        (c.is_ascii() && !c.is_ascii_alphanumeric() && c != '_')
            || matches!(
                c,
                '«' | '»' | '—' | '–' | '…' | '“' | '”' | '„' | '‘' | '’' | '\u{A0}' | '\u{2009}' | '\u{202F}'
            )
    }
    let mut prev_may_be_letter = false;
    for c in hay.chars() {
        if prev_may_be_letter && !in_class(c) && !not_word(c) {
            return false;
        }
        prev_may_be_letter = in_class(c) || (!c.is_ascii() && !not_word(c));
    }
    true
}

fn has_digit(s: &str) -> bool {
    s.bytes().any(|b| b.is_ascii_digit())
}

/// The first `max` bytes of `line`, cut back to a character boundary.
fn head(line: &str, max: usize) -> &str {
    let mut end = line.len().min(max);
    while !line.is_char_boundary(end) {
        end -= 1;
    }
    &line[..end]
}

/// The date in the groups of the date pattern (numeric, ISO or with a month name).
fn captured_date(c: &regex::Captures) -> Option<EventDate> {
    let num = |i: usize| c.get(i).and_then(|m| m.as_str().parse::<i64>().ok());
    let (y, m, d) = if let (Some(d), Some(m), Some(y)) = (num(1), num(2), num(3)) {
        (y, m, d)
    } else if let (Some(y), Some(m), Some(d)) = (num(4), num(5), num(6)) {
        (y, m, d)
    } else if let Some(d) = num(7) {
        let m = i64::from(months::month_of(&crate::lexicon::fold(c.get(8)?.as_str()))?);
        (num(9)?, m, d)
    } else {
        // Day and month only ("ТАШКЕНТ, 20 ноября. /ТАСС/."): the year is not knowable.
        let d = num(10)?;
        let m = months::month_of(&crate::lexicon::fold(c.get(11)?.as_str()))?;
        let date = EventDate::day_month(m, d as u32);
        return chrono::NaiveDate::from_ymd_opt(2024, m, d as u32).map(|_| date);
    };
    let date = EventDate::day(y as i32, m as u32, d as u32);
    date.to_naive().map(|_| date)
}

/// A line of whitespace only. Nearly every line opens with a printable ASCII character or a
/// Russian letter, which no whitespace starts with: told by its first byte, without trimming.
fn is_blank(line: &str) -> bool {
    match line.as_bytes().first() {
        Some(&b) if (0x21..0x80).contains(&b) || b == 0xD0 || b == 0xD1 => false,
        _ => line.trim().is_empty(),
    }
}

/// A line of only numbers and punctuation: view counters, times, photo counters ("/ 6").
fn is_counter(line: &str) -> bool {
    // Nearly every line has a Latin or Cyrillic letter: answered on the bytes.
    if line.bytes().any(|b| b.is_ascii_alphabetic() || matches!(b, 0xD0..=0xD3)) {
        return false;
    }
    let t = line.trim();
    !t.is_empty() && t.chars().all(|c| !crate::lexicon::is_letter(c)) && t.chars().any(|c| c.is_ascii_digit())
}

/// Ends like a sentence rather than a headline.
fn ends_sentence(line: &str) -> bool {
    let t = line.trim_end();
    let t = t.trim_end_matches(['»', '"', '”', ')']);
    t.ends_with(['.', '!', '?', '…', ':', ';'])
}

fn headline_like(line: &str) -> bool {
    // At most 200 characters, counted no further than that: body paragraphs run to thousands. A
    // list item of a Markdown file is body text, never a headline or a related one.
    let t = line.trim();
    !t.is_empty()
        && !t.starts_with(super::markdown::BULLET)
        && crate::lexicon::chars_at_most(t, 201) <= 200
        && !ends_sentence(line)
}

/// How many non-blank lines from the top the lead paragraph is looked for in: menus, widgets and
/// banners above a headline rarely run longer.
const HEAD_LINES: usize = 40;

/// The first line of the article's text proper: a line that opens with a dateline or a metadata
/// prefix, or reads as a paragraph (a sentence of some length, or a long line). `lines.len()`
/// when none is found near the top.
fn lead_line(p: &Patterns, lines: &[(usize, &str)], dates: &LineDates, roles: &[Option<Role>]) -> usize {
    let mut seen = 0;
    for (i, (_, line)) in lines.iter().enumerate() {
        if is_blank(line) || roles[i].is_some() {
            continue;
        }
        seen += 1;
        if seen > HEAD_LINES {
            break;
        }
        // A stamp ("РОССИЯ - 25 Мая 2023 - 20:46 | Просмотров - 303") can look like a dateline.
        if line.len() <= 200 && matches!(dates.of(i), Some(stamp::DateLine::Stamp(_))) {
            continue;
        }
        let has_dateline = |line: &str| {
            p.dateline_prefix(line).is_some()
                || p.undated_dateline_prefix(line).is_some()
                || stamp::dateline(line).is_some()
        };
        if has_dateline(line) {
            return i;
        }
        if reads_as_paragraph(line) && p.date_line(line).is_none() {
            // A short paragraph a few lines above a dateline ("The latest news and stories from
            // Russia. Stay tuned ..." over the headline and "ASTANA, June 29 (RIA Novosti) -") is
            // the site's tagline or a deck: the dateline's paragraph leads.
            if line.len() < 400
                && let Some(j) = (i + 1..lines.len())
                    .filter(|&j| !is_blank(lines[j].1))
                    .take(3)
                    .find(|&j| roles[j].is_none() && has_dateline(lines[j].1))
            {
                return j;
            }
            return i;
        }
        if p.meta_prefix(line).is_some_and(|m| reads_as_paragraph(&line[m.end..])) {
            return i;
        }
    }
    lines.len()
}

/// What [`stamp::classify`] makes of each line: asked by several steps of the same lines, and
/// worked out once, when first asked.
struct LineDates<'a> {
    folded: &'a str,
    lines: &'a [(usize, &'a str)],
    memo: Vec<std::cell::OnceCell<Option<stamp::DateLine>>>,
}

impl<'a> LineDates<'a> {
    fn new(folded: &'a str, lines: &'a [(usize, &'a str)]) -> LineDates<'a> {
        LineDates { folded, lines, memo: vec![std::cell::OnceCell::new(); lines.len()] }
    }

    /// The `i`-th line as a stamp or a widget, if it is one.
    fn of(&self, i: usize) -> Option<stamp::DateLine> {
        *self.memo[i].get_or_init(|| {
            let (start, line) = self.lines[i];
            stamp::classify(&self.folded[start..start + line.len()])
        })
    }
}

/// A sentence of some length, or a long line: body text, not a headline.
fn reads_as_paragraph(line: &str) -> bool {
    let chars = crate::lexicon::chars_at_most(line.trim(), 200);
    chars >= 200 || (ends_sentence(line) && chars >= 60)
}

/// Letters-bearing words in a line.
fn word_count(line: &str) -> usize {
    line.split_whitespace()
        .filter(|w| w.chars().any(|c| !c.is_ascii_digit() && crate::lexicon::is_word_char(c)))
        .count()
}

/// Reads the lines above the lead (`lead`, from [`lead_line`]): stamps become metadata (the first
/// gives the publication date), clock, currency and weather widgets furniture; the headline is
/// found among the headline-like lines, and what stands above it (menus, banners announcing other
/// events) is furniture, what stands between it and the lead (a deck) body. Returns the first line
/// after the headline (or 0 when there is none), from which the lead's prefixes are looked for.
///
/// The headline is, in this order: a line the page prints twice (the `<title>` and the `<h1>`);
/// the headline-like line just above the stamp, or else just below it; the first line of the
/// page; the last headline-like line before the lead. Only the first of these held before pages
/// with widgets and menus above their headline were met.
///
/// Long: the head's lines are read once for stamps and widgets, then the headline's candidates
/// are weighed in the order above; each rule is a few lines and the order is the logic.
fn read_head(
    p: &Patterns,
    lines: &[(usize, &str)],
    dates: &LineDates,
    lead: usize,
    roles: &mut [Option<Role>],
    st: &mut Structure,
    extra: &mut Vec<(Role, Span)>,
) -> usize {
    let head: Vec<usize> = (0..lead.min(lines.len())).filter(|&i| !is_blank(lines[i].1)).collect();
    let mut stamp_line = None;
    // The rest of a metadata line (" date 2025-10-14 Генсек ОДКБ назвал ..."): the headline, when
    // no line of its own is one.
    let mut after_meta: Option<Span> = None;
    let mut plain_stamp_above = false;
    for &i in &head {
        let (start, line) = lines[i];
        if roles[i].is_some() {
            // A stamp printed on a furniture line ("Фото: Akorda 15.09.2023 15:10 613"): the
            // line stays furniture, its date is the article's.
            if stamp_line.is_none()
                && roles[i] == Some(Role::Furniture)
                && let Some(stamp::DateLine::Stamp(d)) = dates.of(i)
            {
                stamp_line = Some(i);
                st.published = Some((d, start..start + line.len()));
            }
            continue;
        }
        if let Some(m) = p.meta_prefix(line) {
            roles[i] = Some(Role::Meta);
            extra.push((Role::Meta, start..start + m.end));
            if stamp_line.is_none() {
                stamp_line = Some(i);
                st.published = captured_date(&m.date).map(|d| (d, start..start + m.end));
            }
            let rest = start + m.end..start + line.trim_end().len();
            if !rest.is_empty() {
                after_meta = Some(rest);
            }
            continue;
        }
        match dates.of(i) {
            Some(stamp::DateLine::Widget) => roles[i] = Some(Role::Furniture),
            Some(stamp::DateLine::Stamp(d)) => {
                roles[i] = Some(Role::Meta);
                // Of two stamps above the text, the lower stands with the article; the upper is
                // the site's clock ("4 мая 2024" in the masthead, "21.04.2008" by the headline).
                if stamp_line.is_none() || plain_stamp_above {
                    stamp_line = Some(i);
                    plain_stamp_above = true;
                    st.published = Some((d, start..start + line.len()));
                    st.dateline_city.get_or_insert(start..start + line.len());
                }
            }
            None if is_counter(line) => roles[i] = Some(Role::Furniture),
            None => {}
        }
    }
    // A breadcrumb ends with the headline it leads to ("» » Россия и Абхазия подписали
    // соглашение"): the same line for this purpose, but not the one to take.
    const CRUMBS: [char; 5] = ['»', '›', '/', '|', '>'];
    fn norm(s: &str) -> &str {
        s.trim_start_matches(|c: char| c == '#' || c.is_whitespace() || CRUMBS.contains(&c)).trim()
    }
    // A line that opens with a dash ("- Sputnik International") is what is left of a page
    // title's site suffix, not a headline.
    let after_dash = |line: &str| line.trim_start().starts_with(['-', '–', '—', '|']);
    let may_head = |i: usize, roles: &[Option<Role>]| {
        roles[i].is_none() && headline_like(lines[i].1) && word_count(lines[i].1) >= 2 && !after_dash(lines[i].1)
    };
    // A stamp and a dash opening the only line that can be the headline ("28 November 2019 -
    // Agreement ... signed"): the page's date, and the rest is the headline. Above another
    // headline, such a line is a banner of its own ("29 октября 2023 года - День траура").
    let dated =
        head.iter().find_map(|&i| Some((i, p.dated_headline_prefix(lines[i].1).filter(|_| may_head(i, roles))?)));
    if let Some((i, m)) = dated
        && !head.iter().any(|&j| j != i && may_head(j, roles))
    {
        let (start, line) = lines[i];
        roles[i] = Some(Role::Meta);
        extra.push((Role::Meta, start..start + m.end));
        if stamp_line.is_none() {
            st.published = captured_date(&m.date).map(|d| (d, start..start + m.end));
        }
        after_meta = Some(start + m.end..start + line.trim_end().len());
    }
    let candidates: Vec<usize> = head.iter().copied().filter(|&i| may_head(i, roles)).collect();
    // A picture's caption is often printed twice too (its alt text and its caption) under a
    // label ("Изображение: (сс)", "Фото: ...").
    let under_picture_label = |i: usize| {
        let caption = norm(lines[i].1);
        (0..i).rev().find(|&k| !is_blank(lines[k].1) && norm(lines[k].1) != caption).is_some_and(|k| {
            let label = crate::lexicon::fold(lines[k].1.trim_start());
            ["фото:", "изображение:", "иллюстрация:", "photo:", "image:"].iter().any(|w| label.starts_with(w))
        })
    };
    // A caption printed twice with its credit ("Сооронбай Жээнбеков. Фото Кабар").
    let credited = |i: usize| {
        crate::lexicon::fold(lines[i].1)
            .split(|c: char| !crate::lexicon::is_word_char(c))
            .any(|w| matches!(w, "фото" | "photo" | "foto"))
    };
    let repeated = candidates.iter().copied().find(|&i| {
        !under_picture_label(i)
            && !credited(i)
            && !lines[i].1.trim_start().starts_with(CRUMBS)
            && (0..lines.len().min(lead + 1))
                .any(|j| j != i && !is_blank(lines[j].1) && norm(lines[j].1) == norm(lines[i].1))
    });
    let near_stamp = stamp_line.and_then(|s| {
        // A rubric of a word or two ("В мире", "Politics") stands by the stamp on many pages:
        // a longer line there is the headline.
        let sized: Vec<usize> = candidates.iter().copied().filter(|&i| word_count(lines[i].1) >= 3).collect();
        let near = if sized.is_empty() { &candidates } else { &sized };
        let above = near.iter().copied().rfind(|&i| i < s);
        let below = near.iter().copied().find(|&i| i > s);
        // Just above: nothing but blank lines, widgets and stamps between.
        let adjacent = |a: usize, b: usize| (a + 1..b).all(|k| is_blank(lines[k].1) || roles[k].is_some());
        above.filter(|&a| adjacent(a, s)).or(below.filter(|&b| adjacent(s, b))).or(above).or(below)
    });
    // The page's first line, if it can be a headline at all: one word will do there when no
    // other line can be one ("Наверх" above a headline is a link).
    // A site's name in capitals above everything ("САЙТ ГАЗЕТЫ ПАРЛАМЕНТСКОГО СОБРАНИЯ") is a
    // masthead when another line can be the headline.
    let shouted = |line: &str| line.chars().any(crate::lexicon::is_letter) && !line.chars().any(char::is_lowercase);
    let first_line = head.first().copied().filter(|&i| {
        roles[i].is_none()
            && headline_like(lines[i].1)
            && !after_dash(lines[i].1)
            && (word_count(lines[i].1) >= 2 || candidates.is_empty() || lead == lines.len())
            && !(shouted(lines[i].1) && candidates.iter().any(|&c| c != i && !shouted(lines[c].1)))
    });
    // With no lead found, the head is the whole text: its last headline-like line is no headline.
    let last = candidates.last().copied().filter(|_| lead < lines.len());
    let title = repeated.or(near_stamp).or(first_line).or(last);
    let Some(t) = title else {
        if let Some(rest) = after_meta {
            let role = if is_link(&dates.folded[rest.clone()]) {
                Role::Furniture
            } else if headline_like(&dates.folded[rest.clone()]) {
                st.title = Some(rest.clone());
                Role::Title
            } else {
                Role::Body
            };
            extra.push((role, rest));
        }
        // No headline: the head is read as body, as before any of it was known.
        return 0;
    };
    if let Some(rest) = after_meta {
        extra.push((Role::Body, rest));
    }
    let (start, line) = lines[t];
    roles[t] = Some(Role::Title);
    let lead_chars = line.len() - line.trim_start_matches(['#', ' ']).len();
    st.title = Some(start + lead_chars..start + line.trim_end().len());
    let mut after = t + 1;
    for &i in &head {
        if roles[i].is_some() {
            continue;
        }
        if i < t && lead < lines.len() {
            roles[i] = Some(Role::Furniture);
        } else if norm(lines[i].1) == norm(line) {
            roles[i] = Some(Role::TitleRepeat);
            after = after.max(i + 1);
        }
    }
    // Repeats just under the headline, when the lead follows at once.
    for j in t + 1..lines.len().min(t + 6) {
        if is_blank(lines[j].1) || roles[j] == Some(Role::TitleRepeat) {
            continue;
        }
        if roles[j].is_none() && norm(lines[j].1) == norm(line) {
            roles[j] = Some(Role::TitleRepeat);
            after = j + 1;
        } else {
            break;
        }
    }
    after
}

/// The publication date from two sources near the top: the first found, unless only the second
/// knows the year.
fn better_published(first: Option<(EventDate, Span)>, second: Option<(EventDate, Span)>) -> Option<(EventDate, Span)> {
    match (first, second) {
        (Some(f), Some(s)) if f.0.known_year().is_none() && s.0.known_year().is_some() => Some(s),
        (Some(f), _) => Some(f),
        (None, s) => s,
    }
}

/// The structure of a cleaned text (folding it first; see [`analyse_folded`]).
#[cfg(test)]
pub fn analyse(text: &str) -> Structure {
    analyse_folded(text, &crate::lexicon::fold(text))
}

/// The structure of a cleaned text, given its folded form (which the loader keeps for the
/// extractor, so it is made once).
pub fn analyse_folded(text: &str, folded: &str) -> Structure {
    let p = patterns();
    // Counted first: collected into a growing vector, an article's lines were allocated again at
    // every growth.
    let mut lines: Vec<(usize, &str)> = Vec::with_capacity(memchr::memchr_iter(b'\n', text.as_bytes()).count() + 1);
    lines.extend(lines_with_spans(text));
    let mut roles: Vec<Option<Role>> = vec![None; lines.len()];
    let mut st = Structure::default();
    // Parts of lines with a role of their own (a dateline prefix, the body after it).
    let mut extra: Vec<(Role, Span)> = Vec::new();
    let dates = LineDates::new(folded, &lines);

    // 1. Furniture by markers and counters; a cut marker ends the article.
    mark_furniture(p, &lines, folded, &dates, &mut roles);
    // 2. The head of the page, above the lead: stamps, widgets, menus, banners, the headline and
    //    its deck.
    let lead = lead_line(p, &lines, &dates, &roles);
    let body_from = read_head(p, &lines, &dates, lead, &mut roles, &mut st, &mut extra);
    // 3. The lead's own prefix, or a line just under the headline.
    read_lead_prefix(p, &lines, body_from, &mut roles, &mut st, &mut extra);
    // 4. Related headlines, captions and credits after the body.
    mark_trailing_block(&lines, body_from, &mut roles);
    // 5. A page with no stamp at its head may give its date with its source at the foot.
    if st.published.is_none() {
        st.published = source_line_date(&lines, folded, &dates);
    }
    // 6. Everything else that is not blank is body.
    st.sections = sections(&lines, &roles, extra);
    st
}

/// The date a page's foot gives with its source ("Источник: РИА \"Новости\" 29 июня 2004", or
/// the date on the line after "Источник: ..."), among its last few lines, with a year.
fn source_line_date(lines: &[(usize, &str)], folded: &str, dates: &LineDates) -> Option<(EventDate, Span)> {
    let tail: Vec<usize> = (0..lines.len()).rev().filter(|&i| !is_blank(lines[i].1)).take(6).collect();
    let is_source = |i: usize| {
        let (start, line) = lines[i];
        let f = folded[start..start + line.len()].trim_start();
        f.starts_with("источник") || f.starts_with("source:")
    };
    tail.iter().enumerate().find_map(|(k, &i)| {
        let stamp::DateLine::Stamp(d) = dates.of(i)? else { return None };
        // `tail` runs from the foot up: the line above this one is the next in it.
        let sourced = is_source(i) || tail.get(k + 1).is_some_and(|&above| is_source(above));
        (sourced && d.known_year().is_some()).then(|| (d, lines[i].0..lines[i].0 + lines[i].1.len()))
    })
}

/// Furniture by the markers of `assets/furniture.txt` and lines of counters; from a cut marker
/// ("Читайте также") on, everything.
fn mark_furniture(p: &Patterns, lines: &[(usize, &str)], folded: &str, dates: &LineDates, roles: &mut [Option<Role>]) {
    let mut cut_at = lines.len();
    let within = WithinMarkers::of(folded);
    for (i, (_, line)) in lines.iter().enumerate() {
        if is_blank(line) {
            continue;
        }
        match within.classify(folded, lines[i].0..lines[i].0 + line.len()) {
            Some(MarkerKind::Cut) => {
                cut_at = i;
                break;
            }
            Some(_) => roles[i] = Some(Role::Furniture),
            // A line of numbers may be the article's stamp ("24.11.2023, 08:28 168136"): the
            // head is read for those next.
            None if is_counter(line)
                && p.date_line(line).is_none()
                && !matches!(dates.of(i), Some(stamp::DateLine::Stamp(_))) =>
            {
                roles[i] = Some(Role::Furniture);
            }
            None if is_byline(line)
                || is_link(line)
                || is_breadcrumb(line)
                || is_markup_debris(line)
                || crate::lexicon::furniture::is_language_menu(line) =>
            {
                roles[i] = Some(Role::Furniture);
            }
            None => {}
        }
    }
    for r in roles.iter_mut().skip(cut_at) {
        *r = Some(Role::Furniture);
    }
    mark_tag_lists(lines, roles);
}

/// A tag list printed a tag a line ("Технологии,", "Политика,", "РК,", "НАТО,", "космос"):
/// three lines or more of a few words, each but the last ending in a comma. Tags name what the
/// site files the story under, not who took part.
fn mark_tag_lists(lines: &[(usize, &str)], roles: &mut [Option<Role>]) {
    let tag = |line: &str| {
        let t = line.trim();
        !t.is_empty() && t.chars().count() <= 40 && t.split_whitespace().count() <= 3
    };
    let mut i = 0;
    while i < lines.len() {
        let mut end = i;
        while end < lines.len() && tag(lines[end].1) && lines[end].1.trim_end().ends_with(',') {
            end += 1;
        }
        if end - i >= 3 {
            // The last tag carries no comma.
            if end < lines.len() && tag(lines[end].1) && !lines[end].1.trim_end().ends_with(['.', '!', '?']) {
                end += 1;
            }
            for r in &mut roles[i..end] {
                *r = Some(Role::Furniture);
            }
        }
        i = end.max(i + 1);
    }
}

/// An English byline on a line of its own: "By" and a few capitalised words ("By Azernews", "By
/// Laman Ismayilova"). A sentence that opens with "By" ("By 2030, the network ...") has more
/// words, or lower-case ones.
fn is_byline(line: &str) -> bool {
    let mut words = line.split_whitespace();
    words.next() == Some("By") && {
        let rest: Vec<&str> = words.collect();
        (1..=4).contains(&rest.len()) && rest.iter().all(|w| w.starts_with(|c: char| c.is_uppercase()))
    }
}

/// A web address alone (`https://news.example.org/20250929/article.html`): the page's own link,
/// printed by the saver beside its metadata; no headline and no sentence.
fn is_link(line: &str) -> bool {
    let t = line.trim();
    ["http://", "https://", "www."].iter().any(|p| t.starts_with(p)) && !t.contains(char::is_whitespace)
}

/// Tags left in a saved page's text with nothing between them (`• <li id="a"></li>`).
fn is_markup_debris(line: &str) -> bool {
    let t = line.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '•' | '-' | '*')).trim_end();
    t.starts_with('<') && t.ends_with('>') && {
        let mut inside = false;
        t.chars().all(|c| {
            match c {
                '<' => inside = true,
                '>' => inside = false,
                _ => {}
            }
            inside || c == '>' || c.is_whitespace()
        })
    }
}

/// A breadcrumb: a few short steps of the site's sections joined by `>>`, `>`, `»` or `/`
/// ("Русский язык>>Китай", "Главная » Новости » Экономика").
fn is_breadcrumb(line: &str) -> bool {
    let line = line.trim();
    let Some(sep) = [">>", " > ", "»", " / "].into_iter().find(|s| line.contains(s)) else { return false };
    let steps: Vec<&str> = line.split(sep).map(str::trim).filter(|s| !s.is_empty()).collect();
    steps.len() >= 2
        && steps.iter().all(|s| (1..=3).contains(&s.split_whitespace().count()))
        && !line.ends_with(['.', '!', '?'])
}

/// The lead's own prefix, or a line just under the headline: a date line, a metadata prefix, or
/// a dateline prefix, within the first few lines from `body_from` (a deck may stand before the
/// dateline's paragraph). A prefix takes its role and the rest of its line is body.
fn read_lead_prefix(
    p: &Patterns,
    lines: &[(usize, &str)],
    body_from: usize,
    roles: &mut [Option<Role>],
    st: &mut Structure,
    extra: &mut Vec<(Role, Span)>,
) {
    let mut seen = 0;
    for i in body_from..lines.len() {
        let (start, line) = lines[i];
        if is_blank(line) || roles[i].is_some() {
            continue;
        }
        seen += 1;
        if seen > 4 {
            break;
        }
        if let Some(m) = p.date_line(line) {
            roles[i] = Some(Role::Meta);
            if let (Some(d), None) = (captured_date(&m.date), &st.published) {
                st.published = Some((d, start..start + line.len()));
            }
            continue;
        }
        // A metadata or dateline prefix: the prefix takes its role, the rest of the line is body.
        // `parts` are the prefix's pieces, each with its role and where it ends in the line.
        let mut split_parts = |parts: &[(Role, usize)]| {
            let mut from = start;
            for &(role, matched) in parts {
                extra.push((role, from..start + matched));
                from = start + matched;
            }
            if from < start + line.len() {
                extra.push((Role::Body, from..start + line.len()));
            }
            roles[i] = Some(parts[0].0);
            start..start + parts[0].1
        };
        if let Some(m) = p.meta_prefix(line).or_else(|| p.stamp_prefix(line)) {
            // A dateline may follow on the same line (" date 2025-09-17 БАКУ /Trend/ - ...").
            let dateline = p.undated_dateline_prefix(&line[m.end..]).and_then(|c| {
                let city = undated_city(&c)?.range();
                Some((m.end + c.get(0)?.end(), start + m.end + city.start..start + m.end + city.end))
            });
            let span = match &dateline {
                Some((end, city)) => {
                    st.dateline_city = Some(city.clone());
                    split_parts(&[(Role::Meta, m.end), (Role::Dateline, *end)])
                }
                None => split_parts(&[(Role::Meta, m.end)]),
            };
            st.published = better_published(st.published.take(), captured_date(&m.date).map(|d| (d, span)));
            break;
        }
        if let Some(m) = p.dateline_prefix(line) {
            let span = split_parts(&[(Role::Dateline, m.end)]);
            st.dateline_city = m.city.map(|city| start + city.start..start + city.end);
            st.published = better_published(st.published.take(), captured_date(&m.date).map(|d| (d, span)));
            break;
        }
        if let Some(c) = p.undated_dateline_prefix(line) {
            split_parts(&[(Role::Dateline, c.get(0).map_or(0, |m| m.end()))]);
            st.dateline_city = undated_city(&c).map(|m| start + m.start()..start + m.end());
            break;
        }
        if let Some(d) = stamp::dateline(line) {
            let span = split_parts(&[(Role::Dateline, d.end)]);
            st.dateline_city = Some(start + d.city.start..start + d.city.end);
            st.published = better_published(st.published.take(), d.date.map(|date| (date, span)));
            break;
        }
    }
}

/// A trailing run of headline-like lines after the last sentence of the body: related headlines,
/// captions, credits, marked furniture. Two or more such lines, any with a marker, or one short
/// line after a body that ends its last sentence make a block.
fn mark_trailing_block(lines: &[(usize, &str)], body_from: usize, roles: &mut [Option<Role>]) {
    let mut run = Vec::new();
    let mut headlines = 0;
    let mut marked = false;
    for i in (body_from..lines.len()).rev() {
        let line = lines[i].1;
        if is_blank(line) {
            continue;
        }
        match roles[i] {
            Some(Role::Furniture) => {
                marked = true;
                run.push(i);
            }
            None if headline_like(line) => {
                headlines += 1;
                run.push(i);
            }
            _ => break,
        }
    }
    let body_lines_left =
        (body_from..lines.len()).any(|i| roles[i].is_none() && !is_blank(lines[i].1) && !run.contains(&i));
    let lone_headline_after_a_sentence = headlines == 1
        && run.iter().all(|&i| lines[i].1.trim().chars().count() <= 150)
        && run
            .iter()
            .min()
            .and_then(|&first| (body_from..first).rev().find(|&i| !is_blank(lines[i].1)))
            .is_some_and(|i| ends_sentence(lines[i].1));
    if (headlines >= 2 || marked || lone_headline_after_a_sentence) && body_lines_left {
        for i in run {
            roles[i] = Some(Role::Furniture);
        }
    }
}

/// Every non-blank line by its role (body where it has none), with the parts of lines that have
/// roles of their own, in text order. A body line hard-wrapped into the next body line (see
/// [`crate::lexicon::line_wraps`]) makes one section with it: its sentence runs on.
fn sections(lines: &[(usize, &str)], roles: &[Option<Role>], extra: Vec<(Role, Span)>) -> Vec<(Role, Span)> {
    let mut sections: Vec<(Role, Span)> = Vec::with_capacity(lines.len() + extra.len());
    let mut wrapped = false;
    for (i, (start, line)) in lines.iter().enumerate() {
        if is_blank(line) {
            wrapped = false;
            continue;
        }
        let span = *start..start + line.len();
        match roles[i] {
            Some(Role::Meta | Role::Dateline) if extra.iter().any(|(_, s)| s.start == *start) => {}
            Some(role) => sections.push((role, span)),
            None if wrapped && let Some((Role::Body, last)) = sections.last_mut() => last.end = span.end,
            None => sections.push((Role::Body, span)),
        }
        wrapped = roles[i].is_none()
            && lines
                .get(i + 1)
                .is_some_and(|(_, next)| roles[i + 1].is_none() && crate::lexicon::line_wraps(line, next));
    }
    sections.extend(extra);
    sections.sort_by_key(|(_, s)| s.start);
    sections
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        // Lines shaped like datelines, date lines and metadata, with month words, digits, Kazakh
        // letters, underscores and marks right after the month to make the boundary fail.
        #[test]
        fn plain_line_patterns_agree_where_boundaries_are_certain(
            s in "(Дата: |# |[А-ЯA-Z][А-Яа-яa-z]{1,8}[,.] )?[0-9]{1,2}[ .](мая|МАЯ|января|May|ма|[а-яәі]{1,4})([ .,:/()—ТАСС0-9a-zәі_\u{301}-]{0,12})(2025| 12:30| /ТАСС/| КАЗИНФОРМ –)?"
        ) {
            let p = patterns();
            if month_boundaries_certain(&s) {
                for (exact, plain) in [(&p.dateline, &p.dateline_plain), (&p.date_only, &p.date_only_plain), (&p.meta, &p.meta_plain)] {
                    proptest::prop_assert_eq!(exact.find(&s).map(|m| m.range()), plain.find(&s).map(|m| m.range()));
                }
            }
        }

        #[test]
        fn blank_lines_are_told_by_their_first_byte(s in "[ \t\u{A0}\u{1680}\u{2003}\u{3000}]{0,3}\\PC{0,3}") {
            proptest::prop_assert_eq!(is_blank(&s), s.trim().is_empty());
        }

        /// The checks in front of the metadata and dateline patterns pass every line the
        /// patterns match.
        #[test]
        fn cheap_checks_keep_every_line_the_patterns_match(
            s in "[ \u{A0}]?(Дата|дата|ДАТА|Опубликовано|Published|date|[А-ЯA-Z][А-Яа-яa-z -]{0,8})( ?:|[,.]|[,.] )[ \u{A0}]?([0-9]{1,2}[ .]?(мая|МАЯ|05)[ .]?(2025)?)?[ ,.:/—ТАСС]{0,6}"
        ) {
            let p = patterns();
            proptest::prop_assert!(p.meta.find(&s).is_none() || may_open_with_label(&s), "metadata");
            proptest::prop_assert!(p.dateline.find(&s).is_none() || dateline_city_and_date(&s).is_some(), "dateline");
        }
    }

    #[test]
    fn month_boundaries_are_certain_only_without_word_characters_after_letters() {
        assert!(month_boundaries_certain("АСТАНА, 12 мая 2025. /ТАСС/ – «Казинформ»"));
        assert!(!month_boundaries_certain("12 мая2025"));
        assert!(!month_boundaries_certain("12 мая_"));
        assert!(!month_boundaries_certain("12 маяә"));
        // The plain pattern would take "мая" as the month here; the exact one finds no date.
        let p = patterns();
        assert!(p.dateline.find("АСТАНА, 12 мая2").is_none());
        assert!(p.dateline_plain.find("АСТАНА, 12 мая2").is_some());
    }

    fn text_of<'a>(t: &'a str, st: &Structure, role: Role) -> Vec<&'a str> {
        st.sections.iter().filter(|(r, _)| *r == role).map(|(_, s)| t[s.clone()].trim()).collect()
    }

    #[test]
    fn repeated_title_and_date_line() {
        let t = "Министры обсудили ИИ\n\nМинистры обсудили ИИ\n21 ноября 2025\n# 17:46\n\nВ Баку состоялась встреча.\n";
        let st = analyse(t);
        assert_eq!(text_of(t, &st, Role::Title), ["Министры обсудили ИИ"]);
        assert_eq!(text_of(t, &st, Role::TitleRepeat), ["Министры обсудили ИИ"]);
        assert_eq!(st.published.as_ref().unwrap().0.to_string(), "2025-11-21");
        assert_eq!(text_of(t, &st, Role::Body), ["В Баку состоялась встреча."]);
        assert_eq!(text_of(t, &st, Role::Furniture), ["# 17:46"]);
    }

    #[test]
    fn date_lines_with_times_either_side() {
        for line in
            ["14:35, 12 марта 2025", "12 марта 2025, 14:35", "12.03.2025 в 14:35", "2025-03-12", "14:35 / 12.03.2025"]
        {
            let t = format!("Заголовок\n{line}\nТекст.");
            let st = analyse(&t);
            assert_eq!(st.published.as_ref().map(|p| p.0.to_string()).as_deref(), Some("2025-03-12"), "{line}");
        }
    }

    #[test]
    fn an_updated_label_and_a_dashed_date_make_a_metadata_line() {
        let t = "Заголовок новости\nОбновлено: 27-09-2023 Источник: Агентство Синьхуа\nТбилиси, 26 сентября /Синьхуа/ -- Форум пройдет в октябре.\n";
        let st = analyse(t);
        assert_eq!(st.published.as_ref().unwrap().0.to_string(), "2023-09-27");
    }

    #[test]
    fn a_stamp_running_into_the_lead_is_split_from_it() {
        let t = "Заголовок новости\n10.09.2025 | 20:05 |В МИД прошла встреча с представителем ООН.\n";
        let st = analyse(t);
        assert_eq!(text_of(t, &st, Role::Meta), ["10.09.2025 | 20:05 |"]);
        assert_eq!(text_of(t, &st, Role::Body), ["В МИД прошла встреча с представителем ООН."]);
        assert_eq!(st.published.as_ref().unwrap().0.to_string(), "2025-09-10");
    }

    #[test]
    fn a_stamp_opening_the_headline_is_split_from_it() {
        let t = "28 November 2019 - Agreement on a Caspian cable signed\n\nThe agreement was signed on November 28 in Ashgabat.\n";
        let st = analyse(t);
        assert_eq!(text_of(t, &st, Role::Title), ["Agreement on a Caspian cable signed"]);
        assert_eq!(st.published.as_ref().unwrap().0.to_string(), "2019-11-28");
        // Without its year, a day and a month may open a sentence of the story.
        let t = "10 мая - день связистов в Казахстане\n\nВ Астане прошла встреча.\n";
        let st = analyse(t);
        assert!(st.published.is_none());
        assert_eq!(text_of(t, &st, Role::Title), ["10 мая - день связистов в Казахстане"]);
        // Above another headline, a dated line is a banner.
        let t = "29 октября 2023 года - День общенационального траура в Республике Казахстан\n\nIT-форум в Казахстане не состоится\n\nИз-за наводнения организаторы отказались от проведения форума.\n";
        let st = analyse(t);
        assert!(st.published.is_none());
    }

    #[test]
    fn a_hard_wrapped_paragraph_is_one_section() {
        let t = "Совет собрался в Бишкеке\n\nЗаседание совета прошло\nв Республике Казахстан\nпо приглашению министерства связи.\nИтоги подведены.\n";
        let st = analyse(t);
        assert_eq!(
            text_of(t, &st, Role::Body),
            ["Заседание совета прошло\nв Республике Казахстан\nпо приглашению министерства связи.", "Итоги подведены."]
        );
    }

    #[test]
    fn dateline_is_split_from_the_body() {
        let t = "Заголовок новости\nДУШАНБЕ, 18.06.2025 /НИАТ «Ховар»/. 17 июня в городе Карамай прошла встреча.\n";
        let st = analyse(t);
        assert_eq!(text_of(t, &st, Role::Dateline), ["ДУШАНБЕ, 18.06.2025 /НИАТ «Ховар»/."]);
        assert_eq!(text_of(t, &st, Role::Body), ["17 июня в городе Карамай прошла встреча."]);
        assert_eq!(&t[st.dateline_city.clone().unwrap()], "ДУШАНБЕ");
        assert_eq!(st.published.as_ref().unwrap().0.to_string(), "2025-06-18");
    }

    #[test]
    fn titlecase_dateline_with_month_name() {
        let t = "Москва, 3 марта 2024 года — Министры стран СНГ встретились в Минске.";
        let st = analyse(t);
        assert_eq!(st.published.as_ref().unwrap().0.to_string(), "2024-03-03");
        assert_eq!(text_of(t, &st, Role::Body), ["Министры стран СНГ встретились в Минске."]);
    }

    #[test]
    fn datelines_without_a_year_and_with_agencies() {
        for (t, dateline, published) in [
            ("ТАШКЕНТ, 20 ноября. /ТАСС/. Форум открылся в среду.", "ТАШКЕНТ, 20 ноября. /ТАСС/.", "--11-20"),
            ("Баку, 5 октября, Trend:\n\nМинистр принял участие в заседании.", "Баку, 5 октября, Trend:", "--10-05"),
            ("Москва, 12 мая 2025 г. (ТАСС) — Министры встретились.", "Москва, 12 мая 2025 г. (ТАСС) —", "2025-05-12"),
            (
                "Ташкент. 5 февраля. UzDaily.uz. Президент принял делегацию.",
                "Ташкент. 5 февраля. UzDaily.uz.",
                "--02-05",
            ),
            // The city's country after it, in slashes or brackets.
            (
                "ХАНЧЖОУ /Китай/, 25 сентября. /ТАСС/. Вице-премьер выступил.",
                "ХАНЧЖОУ /Китай/, 25 сентября. /ТАСС/.",
                "--09-25",
            ),
            ("СИАНЬ (Китай), 24 ноября – ПРАЙМ. Сенатор выступил.", "СИАНЬ (Китай), 24 ноября – ПРАЙМ.", "--11-24"),
            // The agency after the dash, ended by a full stop, is the dateline's, not a sentence.
            ("ТАШКЕНТ, 26 сен — Sputnik. Посол провёл встречу.", "ТАШКЕНТ, 26 сен — Sputnik.", "--09-26"),
            ("АЛМА-АТА, 1 фев - РИА Новости. Премьер выступил.", "АЛМА-АТА, 1 фев - РИА Новости.", "--02-01"),
            (
                "АСТАНА, 23 апр - ИА Новости-Казахстан. Форум открылся.",
                "АСТАНА, 23 апр - ИА Новости-Казахстан.",
                "--04-23",
            ),
            // A sentence after the dash stays the body's.
            ("МОСКВА, 5 июня – Министры встретились в Минске.", "МОСКВА, 5 июня –", "--06-05"),
        ] {
            let st = analyse(t);
            assert_eq!(text_of(t, &st, Role::Dateline), [dateline], "{t}");
            assert_eq!(st.published.as_ref().unwrap().0.to_string(), published, "{t}");
        }
        let t = "Tashkent, Uzbekistan (UzDaily.com) -- On 3 March 2025 the minister met the ITU head.";
        let st = analyse(t);
        assert_eq!(text_of(t, &st, Role::Dateline), ["Tashkent, Uzbekistan (UzDaily.com) --"]);
        let t = "АСТАНА. КАЗИНФОРМ – 12 марта в Астане подписали меморандум.";
        let st = analyse(t);
        assert_eq!(text_of(t, &st, Role::Dateline), ["АСТАНА. КАЗИНФОРМ –"]);
        assert_eq!(&t[st.dateline_city.clone().unwrap()], "АСТАНА");
        assert!(st.published.is_none());
    }

    #[test]
    fn of_two_stamps_above_the_text_the_lower_is_the_articles() {
        let t = "Вестник\nПОИСК НА САЙТЕ\n4 мая 2034\nПочта снова ходит\n\n21.04.2028\nПочта снова ходит\n\nМежду странами сегодня возобновляется почтовое сообщение.\n";
        let st = analyse(t);
        assert_eq!(st.published.as_ref().unwrap().0.to_string(), "2028-04-21");
        assert_eq!(&t[st.title.clone().unwrap()], "Почта снова ходит");
    }

    #[test]
    fn a_link_beside_the_metadata_or_on_its_own_line_is_no_headline() {
        let t = " date 2025-09-29 https://news.example.org/20250929/council-chair-12345.html\n\nТАШКЕНТ, 29 сентября — Sputnik. Узбекистан передал председательство в совете Беларуси.\n";
        let st = analyse(t);
        assert_eq!(st.title, None);
        assert_eq!(text_of(t, &st, Role::Furniture), ["https://news.example.org/20250929/council-chair-12345.html"]);
        assert_eq!(text_of(t, &st, Role::Body), ["Узбекистан передал председательство в совете Беларуси."]);
        let t = "https://news.example.org/a/1\nСовет по космосу провёл заседание\nТАШКЕНТ, 29 сентября — Sputnik. Узбекистан передал председательство в совете Беларуси.\n";
        let st = analyse(t);
        assert_eq!(&t[st.title.clone().unwrap()], "Совет по космосу провёл заседание");
    }

    #[test]
    fn metadata_prefix_gives_publication_date() {
        let t = " date 2026-02-11 С целью более эффективной организации работы.";
        let st = analyse(t);
        assert_eq!(st.published.as_ref().unwrap().0.to_string(), "2026-02-11");
        assert_eq!(text_of(t, &st, Role::Body), ["С целью более эффективной организации работы."]);
        assert!(st.title.is_none());
    }

    #[test]
    fn trailing_headlines_and_credits_are_furniture() {
        let t = "Заголовок\nПервый абзац о встрече в Ташкенте.\nФОТО: Пресс-служба\n\n\nВ Актау открылся порт\nЯпония и Таджикистан подписали соглашение\n";
        let st = analyse(t);
        assert_eq!(text_of(t, &st, Role::Body), ["Первый абзац о встрече в Ташкенте."]);
        assert_eq!(text_of(t, &st, Role::Furniture).len(), 3);
    }

    #[test]
    fn one_related_headline_after_the_last_sentence_is_furniture() {
        let t = "Заголовок\nПервый абзац о встрече.\n\nМежду Таджикистаном и Японией подписано Соглашение\n";
        let st = analyse(t);
        assert_eq!(text_of(t, &st, Role::Body), ["Первый абзац о встрече."]);
        let t = "Заголовок\nПервый абзац о встрече\nВторой абзац без точки\n";
        let st = analyse(t);
        assert_eq!(text_of(t, &st, Role::Body).len(), 2, "no sentence ends before it: body");
    }

    #[test]
    fn subheadings_inside_the_body_stay_body() {
        let t = "Заголовок\nПервый абзац.\nПодзаголовок раздела\nВторой абзац.\n";
        let st = analyse(t);
        assert_eq!(text_of(t, &st, Role::Body), ["Первый абзац.", "Подзаголовок раздела", "Второй абзац."]);
    }

    #[test]
    fn head_with_a_link_a_section_stamp_and_a_deck() {
        let t = "Наверх\n\n  Путин призвал к общей цифровой экосистеме\n\n  РОССИЯ - 25 Мая 2023 - 20:46  |  Просмотров - 303\n\n  Выступая на заседании совета, президент призвал страны выстроить единую цифровую экосистему.\n";
        let st = analyse(t);
        assert_eq!(text_of(t, &st, Role::Title), ["Путин призвал к общей цифровой экосистеме"]);
        assert_eq!(text_of(t, &st, Role::Furniture), ["Наверх"]);
        assert_eq!(st.published.as_ref().unwrap().0.to_string(), "2023-05-25");
        let t = "9 июля 2025, среда, 01:38, Душанбе\nЦИПР-2025: 3–5 июня, Нижний Новгород\nМинистры обсудили связь\n17.06.2025 15:32\nВ Душанбе прошла встреча министров связи Таджикистана и Узбекистана по вопросам цифровизации.\n";
        let st = analyse(t);
        assert_eq!(text_of(t, &st, Role::Title), ["Министры обсудили связь"]);
        assert_eq!(text_of(t, &st, Role::Furniture).len(), 2, "the clock and the banner");
        assert_eq!(st.published.as_ref().unwrap().0.to_string(), "2025-06-17");
    }

    #[test]
    fn a_page_with_no_stamp_takes_the_date_given_with_its_source_at_the_foot() {
        let t = "Эксперты обсудят проект\n\nЗаседание совета пройдет 1 июля в Чолпон-Ате.\n\nИсточник: РИА \"Новости\"\n29 июня 2004\n\n© Фонд\n";
        assert_eq!(analyse(t).published.as_ref().unwrap().0.to_string(), "2004-06-29");
        let t = "Эксперты обсудят проект\n\nЗаседание совета пройдет 1 июля в Чолпон-Ате.\n\nИсточник: РИА \"Новости\" 29 июня 2004\n";
        assert_eq!(analyse(t).published.as_ref().unwrap().0.to_string(), "2004-06-29");
        // A date at the foot with no source is no stamp.
        let body = "Заседание совета пройдет в Чолпон-Ате, сообщили в министерстве связи.\n\n".repeat(6);
        let t = format!("Эксперты обсудят проект\n\n{body}Отчет за 29 июня 2004\n");
        assert!(analyse(&t).published.is_none());
    }

    #[test]
    fn a_clock_after_a_word_is_no_dateline_and_the_stamp_below_it_is_the_articles() {
        let t = "ГОСОРГАНЫ\nФлаг Понедельник, 25 ноября 2024\nМинск-Уручье Переменная облачность 0°C\nВсе новости\nВсе новости\nОбщество\n05 июля 2019, 16:55\n\nФорум пройдет в Минске 9-10 июля\n\n5 июля, Минск /Корр. БЕЛТА/. Форум пройдет в Минске 9-10 июля, сообщили в пресс-службе.\n";
        let st = analyse(t);
        assert_eq!(st.published.as_ref().unwrap().0.to_string(), "2019-07-05");
        assert_eq!(&t[st.title.clone().unwrap()], "Форум пройдет в Минске 9-10 июля");
        assert!(text_of(t, &st, Role::Furniture).contains(&"Флаг Понедельник, 25 ноября 2024"));
    }

    #[test]
    fn a_dateline_after_the_metadata_on_its_line() {
        let t = "Замминистра встретился с генсеком\n\n date 2025-09-17 БАКУ /Trend/ - Заместитель министра провел в Дубае встречу с генеральным секретарем.\n";
        let st = analyse(t);
        assert_eq!(&t[st.dateline_city.clone().unwrap()], "БАКУ");
        assert_eq!(st.published.as_ref().unwrap().0.to_string(), "2025-09-17");
        let t = "Встреча министров\n\nАСТАНА /Kazinform/ - Министры провели встречу.\n";
        assert_eq!(&t[analyse(t).dateline_city.clone().unwrap()], "АСТАНА");
    }

    #[test]
    fn a_masthead_in_capitals_is_no_title() {
        let t = "САЙТ ГАЗЕТЫ ПАРЛАМЕНТСКОГО СОБРАНИЯ\n\nНОВОСТИ\n\nЛукашенко: Цифровая повестка требует актуализации\n\nПрезидент высказался об информационной безопасности в рамках союза, сообщили в пресс-службе.\n";
        let st = analyse(t);
        assert_eq!(&t[st.title.clone().unwrap()], "Лукашенко: Цифровая повестка требует актуализации");
        // A headline in capitals with nothing else above the lead is still the headline.
        let t = "ВСТРЕЧА МИНИСТРОВ СВЯЗИ\n\nМинистры связи провели встречу в Ташкенте, сообщили в министерстве.\n";
        assert_eq!(&t[analyse(t).title.clone().unwrap()], "ВСТРЕЧА МИНИСТРОВ СВЯЗИ");
    }

    #[test]
    fn a_caption_printed_twice_under_its_label_is_no_title() {
        let t = "В Таджикистане USAID профинансирует цифровизацию\n\nИзображение: (сс)\nФонд в Душанбе\nФонд в Душанбе\n\nФинансировать разработку системы будет агентство, заявили в правительстве 25 января.\n";
        let st = analyse(t);
        assert_eq!(&t[st.title.clone().unwrap()], "В Таджикистане USAID профинансирует цифровизацию");
    }

    #[test]
    fn a_portals_log_in_link_above_the_headline_is_no_title() {
        let t = "Войти в почту\n\nМинск поддержал планы Москвы\n\nМосква, 6 января - Белоруссия поддержала планы России, заявил министр.\n";
        let st = analyse(t);
        assert_eq!(&t[st.title.clone().unwrap()], "Минск поддержал планы Москвы");
        assert_eq!(text_of(t, &st, Role::Furniture), ["Войти в почту"]);
    }

    #[test]
    fn a_tag_list_a_tag_a_line_is_furniture() {
        let t = "Казахстан изменит соглашение с Францией\n10 Мая 2018\nТехнологии,\nПолитика,\nРК,\nФранция,\nНАТО,\nкосмос\nПремьер-министр ответил на запрос депутатов о спутниках.\n";
        let st = analyse(t);
        assert_eq!(text_of(t, &st, Role::Body), ["Премьер-министр ответил на запрос депутатов о спутниках."]);
    }

    #[test]
    fn footer_with_registration_date_is_furniture() {
        let t = "Заголовок\nТекст статьи.\nАгентство зарегистрировано в Министерстве информации. Свидетельство о постановке на учет выдано 20 января 2010 года.\nТема\n";
        let st = analyse(t);
        assert_eq!(text_of(t, &st, Role::Body), ["Текст статьи."]);
    }
}
