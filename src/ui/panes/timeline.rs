//! The timeline: one row an event, in date order (undated last). Only the rows in view are built,
//! so a frame costs the same for a few events or an archive.

use crate::cells::{self, fit};
use crate::ui::app::App;
use crate::ui::theme;
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

pub fn draw(f: &mut Frame, area: Rect, app: &mut App) {
    let focused = app.focus == crate::ui::app::Focus::Timeline;
    // The count, and where the cursor is in it.
    let position = if app.hits.is_empty() { String::new() } else { format!("· row {} ", app.selected + 1) };
    let title = format!(" Timeline ({} of {}) {position}", app.hits.len(), app.timeline.len());
    let frame = super::framed(f, area, &title, focused);
    // A header row names the columns; the events are below it.
    let [header, inner] = Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(frame);
    let height = inner.height as usize;
    app.page = height.max(1);
    app.offset = super::scrolled(app.offset, app.selected, height);
    let width = inner.width as usize;
    // Wide terminals give the countries and bodies room; then the columns shrink, then countries
    // and bodies give way, before the title gets under 24 columns.
    let layouts = [(11, 18, 20, 16), (11, 16, 11, 9), (11, 11, 6, 6), (11, 11, 0, 0)];
    // Each shown column is followed by one space.
    let used =
        |(d, p, c, b): (usize, usize, usize, usize)| d + p + c + b + [d, p, c, b].iter().filter(|w| **w > 0).count();
    let &(dw, pw, cw, bw) = layouts
        .iter()
        .enumerate()
        .find(|(i, l)| width.saturating_sub(used(**l)) >= if *i == 0 { 80 } else { 24 })
        .map_or(&layouts[3], |(_, l)| l);
    let title_w = width.saturating_sub(used((dw, pw, cw, bw)));
    let mut names = vec![fit("DATE", dw), " ".into(), fit("PLACE", pw), " ".into()];
    if cw > 0 {
        names.extend([fit("COUNTRIES", cw), " ".into()]);
    }
    if bw > 0 {
        names.extend([fit("BODIES", bw), " ".into()]);
    }
    names.push(fit("TITLE", title_w));
    f.render_widget(Paragraph::new(Line::styled(names.concat(), theme::label())), header);
    let mut lines = Vec::with_capacity(height);
    for (row, hit) in app.hits.iter().enumerate().skip(app.offset).take(height) {
        let e = app.timeline.event(hit.entry);
        let base = if row == app.selected { theme::selected_row() } else { Style::default() };
        let date_style = if e.date.is_none() { base.patch(theme::dim()) } else { base };
        let mut spans = vec![
            Span::styled(fit(&marked_date_cell(e), dw), date_style),
            Span::styled(" ", base),
            Span::styled(fit(&cells::place(e), pw), base),
            Span::styled(" ", base),
        ];
        if cw > 0 {
            spans.push(Span::styled(
                fit(&cells::codes(&e.countries, " "), cw),
                base.patch(theme::fact(ictdip_core::model::FactKind::Country)),
            ));
            spans.push(Span::styled(" ", base));
        }
        if bw > 0 {
            spans.push(Span::styled(
                fit(&cells::codes(&e.orgs, " "), bw),
                base.patch(theme::fact(ictdip_core::model::FactKind::Body)),
            ));
            spans.push(Span::styled(" ", base));
        }
        let mut t = e.title.clone().unwrap_or_else(|| e.file.to_string());
        let mut matches =
            app.last_query.as_ref().map(|q| app.timeline.title_highlights(hit.entry, q)).unwrap_or_default();
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
