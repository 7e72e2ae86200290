//! The status bar (counts, filters, warnings, key hints) and the filter line above it.

use crate::ui::app::{App, LoadState};
use crate::ui::filter_line::FilterLine;
use crate::ui::theme;
use ictdip_core::timeline::SortOrder;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

pub fn draw_status(f: &mut Frame, area: Rect, app: &App) {
    let mut spans = vec![Span::styled(
        format!(" {} of {} events ", app.events.hits.len(), app.timeline.len()),
        Style::default().add_modifier(Modifier::BOLD),
    )];
    if let LoadState::Loading { done, total, per_second } = app.load {
        let bar_w = 16;
        let filled = (done * bar_w).checked_div(total).unwrap_or(0).min(bar_w);
        let bar = format!("{}{}", "█".repeat(filled), "░".repeat(bar_w - filled));
        spans.push(Span::styled(
            format!("· loading {bar} {done}/{total} files · {per_second:.0} files/s "),
            theme::warning(),
        ));
    }
    if !app.timeline.has_fulltext() && app.events.last_query.as_ref().is_some_and(|q| !q.phrases.is_empty()) {
        spans.push(Span::styled(
            format!("· indexing bodies {}/{} ", app.indexed, app.timeline.articles.len()),
            theme::warning(),
        ));
    }
    let filters = app.filter_summary();
    if !filters.is_empty() {
        spans.push(Span::styled(format!("· filters: {filters} "), theme::chosen()));
    }
    if app.events.ranking == SortOrder::Score {
        spans.push(Span::raw("· ranked by match "));
    }
    if let Some(w) = &app.watch {
        let state = if w.is_on() { "watching" } else { "watch paused (W)" };
        let note = if w.note.is_empty() { String::new() } else { format!(": {}", w.note) };
        spans.push(Span::styled(format!("· {state}{note} "), theme::chosen()));
    }
    if let Some(notice) = &app.notice {
        spans.push(Span::styled(format!("· {notice} "), theme::chosen()));
    }
    if let Some(why) = &app.watch_error {
        spans.push(Span::styled(format!("· {why} "), theme::warning()));
    }
    if !app.warnings.is_empty() {
        spans.push(Span::styled(format!("· {} warnings (w) ", app.warnings.len()), theme::warning()));
    }
    if app.other_files.count() > 0 {
        spans.push(Span::styled(format!("· {} ", app.other_files), theme::dim()));
    }
    let hints = " ? help · / filter · Tab panes · q quit ";
    let used: usize = spans.iter().map(ratatui::prelude::Span::width).sum();
    let pad = (area.width as usize).saturating_sub(used + hints.chars().count());
    spans.push(Span::raw(" ".repeat(pad)));
    spans.push(Span::styled(hints, theme::dim()));
    f.render_widget(Paragraph::new(Line::from(spans)).style(theme::status_bar()), area);
}

pub fn draw_filter_line(f: &mut Frame, area: Rect, app: &App) {
    // A token the filter cannot read is said here, in place of the hint: an empty answer is then
    // never left unexplained.
    let not_understood = ictdip_core::timeline::Query::parse(&app.filter.text).not_understood;
    let after = if not_understood.is_empty() {
        Span::styled(
            "   Enter keeps · Esc goes back · ↑↓ earlier filters · @country #body kind: topic: -word",
            theme::dim(),
        )
    } else {
        Span::styled(format!("   not understood: {}", not_understood.join(" · ")), theme::warning())
    };
    let mut spans = vec![Span::styled(" / ", theme::border(true))];
    spans.extend(with_cursor(&app.filter));
    spans.push(after);
    let line = Line::from(spans);
    f.render_widget(Paragraph::new(line), area);
}

/// The prompt for `x`: the file the events shown are written to.
pub fn draw_export_line(f: &mut Frame, area: Rect, line: &FilterLine) {
    let mut spans = vec![Span::styled(" export to: ", theme::border(true))];
    spans.extend(with_cursor(line));
    spans.push(Span::styled("   Enter writes · Esc gives up · .json .jsonl .csv .md", theme::dim()));
    f.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// A line's text with its cursor as a thin bar between the characters it stands between.
fn with_cursor(line: &FilterLine) -> [Span<'_>; 3] {
    let text = &line.text;
    let at = text.char_indices().nth(line.cursor).map_or(text.len(), |(i, _)| i);
    [Span::raw(&text[..at]), Span::styled("▏", theme::border(true)), Span::raw(&text[at..])]
}
