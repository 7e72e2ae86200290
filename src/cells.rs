//! Text cells as the command line's `list` and the dashboard's panes show them: an event's place
//! and date as words, and any text fitted to a number of terminal columns (a Cyrillic letter takes
//! one, a CJK character two), cut with `…` where it does not fit.

use ictdip_core::model::{Event, EventDate, Precision};
use ictdip_core::registry::{Lang, Registry};
use unicode_width::UnicodeWidthChar;

/// The columns a character takes on a terminal (none for a control or combining character).
pub fn char_columns(c: char) -> usize {
    c.width().unwrap_or(0)
}

/// The columns `s` takes on a terminal.
pub fn columns(s: &str) -> usize {
    s.chars().map(char_columns).sum()
}

/// How much of `s` to show in `width` columns: the number of its characters shown, and whether
/// the rest is cut (then one column is left for `…`).
pub fn shown_chars(s: &str, width: usize) -> (usize, bool) {
    if columns(s) <= width {
        return (s.chars().count(), false);
    }
    let mut used = 0;
    let mut n = 0;
    for c in s.chars() {
        if used + char_columns(c) > width.saturating_sub(1) {
            break;
        }
        used += char_columns(c);
        n += 1;
    }
    (n, true)
}

/// Pads or cuts `s` to exactly `width` terminal columns.
pub fn fit(s: &str, width: usize) -> String {
    let (n, cut) = shown_chars(s, width);
    let mut out: String = s.chars().take(n).collect();
    if cut && width > 0 {
        out.push('…');
    }
    let used = columns(&out);
    out.push_str(&" ".repeat(width.saturating_sub(used)));
    out
}

/// Codes (countries, bodies) joined by `separator`: `KZ UZ`, `SCO;CIS`.
pub fn codes<T: std::fmt::Display>(ids: &[T], separator: &str) -> String {
    ids.iter().map(ToString::to_string).collect::<Vec<_>>().join(separator)
}

/// An event as a few lines of text, for the clipboard: date, kind, place, participants, title,
/// file and address.
pub fn event_as_text(e: &Event, lang: Lang) -> String {
    let kind = Registry::embedded().kind_name(e.kind, lang);
    let mut lines = vec![format!("{} · {kind} · {}", date(e.date), place(e, lang))];
    let taking_part = format!("{} {}", codes(&e.countries, " "), codes(&e.orgs, " "));
    if !taking_part.trim().is_empty() {
        lines.push(taking_part.trim().to_string());
    }
    for p in &e.people {
        lines.push(match &p.role {
            Some(role) => format!("{} — {role}", p.name),
            None => p.name.clone(),
        });
    }
    lines.extend([e.title.clone().unwrap_or_default(), e.file.to_string()]);
    lines.extend(e.url.clone());
    lines.join("\n") + "\n"
}

/// An event's place as `City, CC` (the city named in `lang`), or `CC` for a country alone; empty
/// when it has none.
pub fn place(e: &Event, lang: Lang) -> String {
    match &e.place {
        Some(p) => match &p.city {
            Some(c) => format!("{}, {}", Registry::embedded().city_name(c, lang), p.country),
            None => p.country.to_string(),
        },
        None => String::new(),
    }
}

/// A date as the timeline shows it: `2025-06-17`, `2025-06`, `2025`, `····-02-01` for an unknown
/// year, `undated`.
pub fn date(d: Option<EventDate>) -> String {
    match d {
        None => "undated".into(),
        Some(d) if d.precision() == Precision::DayMonth => format!("····{}", &d.to_string()[1..]),
        Some(d) => d.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fit_pads_and_cuts_by_columns() {
        assert_eq!(fit("ШОС", 5), "ШОС  ");
        assert_eq!(fit("Совещание", 5), "Сове…");
        assert_eq!(fit("中国会议", 5), "中国…");
        assert_eq!(fit("中国会议", 4), "中… ");
        assert_eq!(columns(&fit("中国会议", 4)), 4);
        assert_eq!(fit("abc", 0), "");
    }

    #[test]
    fn dates_show_their_precision() {
        assert_eq!(date(Some(EventDate::day(2025, 6, 17))), "2025-06-17");
        assert_eq!(date(Some(EventDate::month(2025, 6))), "2025-06");
        assert_eq!(date(Some(EventDate::day_month(2, 1))), "····-02-01");
        assert_eq!(date(None), "undated");
    }
}
