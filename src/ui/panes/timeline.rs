//! The timeline: one row an event, in date order (undated last). Only the rows in view are built,
//! so a frame costs the same for a few events or an archive.

use crate::cells::{self, fit};
use crate::ui::app::App;
use crate::ui::theme;
use ictdip_core::model::FactKind;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

/// The date cell of an event, marked `~` when the text does not state it for the event (taken
/// from the dateline or the publication stamp of a same-day report). Undated events read
/// `undated` whatever their source.
fn marked_date_cell(e: &ictdip_core::model::Event) -> String {
    use ictdip_core::model::DateSource;
    let cell = cells::date(e.date);
    match (e.date, e.date_source) {
        (Some(_), Some(DateSource::Dateline | DateSource::Published)) => format!("{cell}~"),
        _ => cell,
    }
}

/// The title cut to `width` columns, with the fuzzy-matched characters styled.
fn title_spans(title: &str, matches: &[usize], width: usize, base: Style) -> Vec<Span<'static>> {
    let mut spans: Vec<Span> = Vec::new();
    let (shown, cut) = cells::shown_chars(title, width);
    for (i, c) in title.chars().take(shown).enumerate() {
        let style = if matches.contains(&i) { base.patch(theme::fuzzy_match()) } else { base };
        match spans.last_mut() {
            Some(s) if s.style == style => s.content.to_mut().push(c),
            _ => spans.push(Span::styled(c.to_string(), style)),
        }
    }
    if cut && width > 0 {
        spans.push(Span::styled("…", base));
    }
    let used: usize = spans.iter().map(|s| cells::columns(&s.content)).sum();
    if used < width {
        spans.push(Span::styled(" ".repeat(width - used), base));
    }
    spans
}

pub fn draw(f: &mut Frame, area: Rect, app: &App) {
    let focused = app.focus == crate::ui::app::Focus::Timeline;
    // The count, and where the cursor is in it.
    let position =
        if app.events.hits.is_empty() { String::new() } else { format!("· row {} ", app.events.selected + 1) };
    let order = if app.events.newest_first { "· newest first " } else { "" };
    let title = format!(" Timeline ({} of {}) {position}{order}", app.events.hits.len(), app.timeline.len());
    let frame = super::framed(f, area, &title, focused);
    // A header row names the columns; the events are below it.
    let [header, inner] = Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(frame);
    let height = inner.height as usize;
    let width = inner.width as usize;
    // Column widths: date, kind, place, countries, bodies, each with the least room it leaves the
    // title. Wide terminals give every column room; then the columns shrink, the kind goes, then
    // countries and bodies give way, before the title gets under 24 columns.
    let layouts: [[usize; 5]; 5] =
        [[11, 10, 18, 20, 16], [11, 10, 16, 11, 9], [11, 0, 16, 11, 9], [11, 0, 11, 6, 6], [11, 0, 11, 0, 0]];
    // Each shown column is followed by one space.
    let used = |l: &[usize; 5]| l.iter().sum::<usize>() + l.iter().filter(|w| **w > 0).count();
    let widths = layouts
        .iter()
        .enumerate()
        .find(|(i, l)| width.saturating_sub(used(l)) >= [60, 48, 24, 24, 0][*i])
        .map_or(layouts[4], |(_, l)| *l);
    let title_w = width.saturating_sub(used(&widths));
    let names = ["DATE", "KIND", "PLACE", "COUNTRIES", "BODIES"];
    let mut header_cells: Vec<String> =
        names.iter().zip(widths).filter(|(_, w)| *w > 0).map(|(n, w)| fit(n, w) + " ").collect();
    header_cells.push(fit("TITLE", title_w));
    f.render_widget(Paragraph::new(Line::styled(header_cells.concat(), theme::label())), header);
    let mut lines = Vec::with_capacity(height);
    for (row, hit) in app.events.hits.iter().enumerate().skip(app.events.offset).take(height) {
        let e = app.timeline.event(hit.entry);
        let base = if row == app.events.selected { theme::selected_row() } else { Style::default() };
        let date_style = if e.date.is_none() { base.patch(theme::dim()) } else { base };
        let cells = [
            (marked_date_cell(e), date_style),
            (app.timeline.registry().kind_name(e.kind, app.lang).to_string(), base),
            (cells::place(e, app.lang), base),
            (cells::codes(&e.countries, " "), base.patch(theme::fact(FactKind::Country))),
            (cells::codes(&e.orgs, " "), base.patch(theme::fact(FactKind::Body))),
        ];
        let mut spans = Vec::with_capacity(12);
        for ((text, style), w) in cells.into_iter().zip(widths).filter(|(_, w)| *w > 0) {
            spans.push(Span::styled(fit(&text, w), style));
            spans.push(Span::styled(" ", base));
        }
        let mut t = e.title.clone().unwrap_or_else(|| e.file.to_string());
        let mut matches =
            app.events.last_query.as_ref().map(|q| app.timeline.title_highlights(hit.entry, q)).unwrap_or_default();
        if !e.primary {
            t = format!("↳ {t}");
            for m in &mut matches {
                *m += 2;
            }
        }
        spans.extend(title_spans(&t, &matches, title_w, base));
        lines.push(Line::from(spans));
    }
    if lines.is_empty() {
        let msg = if app.timeline.is_empty() {
            "  No events loaded."
        } else {
            "  No event matches the filters (c clears them)."
        };
        lines.push(Line::styled(msg, theme::dim()));
    }
    f.render_widget(Paragraph::new(lines), inner);
}
