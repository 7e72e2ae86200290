//! The `?` overlay: every key.

use crate::ui::action::{keys_shown, Action, FILTER, NORMAL};
use crate::ui::theme;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};
use ratatui::Frame;

/// The overlay's lines: every key outside the filter line on a row of its own, then the filter
/// line's keys, two to a row under a heading of their own.
fn lines() -> Vec<Line<'static>> {
    // Quitting is said above already.
    let in_filter: Vec<String> = FILTER
        .iter()
        .filter(|b| b.keys.iter().any(|(_, a)| *a != Action::Quit))
        .map(|b| format!("{} {}", keys_shown(b), b.help))
        .collect();
    let mut lines: Vec<Line> = NORMAL
        .iter()
        .map(|b| Line::from(vec![Span::styled(format!(" {:<17}", keys_shown(b)), theme::label()), Span::raw(b.help)]))
        .collect();
    lines.push(Line::raw(""));
    lines.push(Line::styled(" In the filter line", theme::label()));
    for pair in in_filter.chunks(2) {
        lines.push(Line::raw(format!(" {:<40} {}", pair[0], pair.get(1).map_or("", String::as_str))));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(" Letters work in the Russian layout too (й = q, о = j, …). Esc closes.", theme::dim()));
    lines
}

/// How many lines the overlay has.
pub fn line_count() -> usize {
    lines().len()
}

/// Draws the overlay from line `scroll` on; where the terminal is too short for all of it, the
/// title says how to see the rest.
pub fn draw(f: &mut Frame, area: Rect, scroll: usize) {
    let lines = lines();
    let rect = super::centered(area, 86, lines.len() as u16 + 2);
    let shown = rect.height.saturating_sub(2) as usize;
    let scroll = scroll.min(lines.len().saturating_sub(shown));
    let title = if shown < lines.len() { " Keys (j k PgDn: more) " } else { " Keys " };
    f.render_widget(Clear, rect);
    let block = Block::default().borders(Borders::ALL).border_style(theme::border(true)).title(title);
    f.render_widget(Paragraph::new(lines).scroll((scroll as u16, 0)).block(block), rect);
}
