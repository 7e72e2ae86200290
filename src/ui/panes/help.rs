//! The `?` overlay: every key.

use crate::ui::action::{keys_shown, Action, FILTER, NORMAL};
use crate::ui::theme;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};
use ratatui::Frame;

pub fn draw(f: &mut Frame, area: Rect) {
    // Every key outside the filter line on a row of its own; then the filter line's keys.
    // Quitting is said above already.
    let in_filter: Vec<String> = FILTER
        .iter()
        .filter(|b| b.keys.iter().any(|(_, a)| *a != Action::Quit))
        .map(|b| format!("{} {}", keys_shown(b), b.help))
        .collect();
    let filter_rows = in_filter.len().div_ceil(2) as u16;
    let rect = super::centered(area, 86, NORMAL.len() as u16 + filter_rows + 6);
    f.render_widget(Clear, rect);
    let block = Block::default().borders(Borders::ALL).border_style(theme::border(true)).title(" Keys ");
    let mut lines: Vec<Line> = NORMAL
        .iter()
        .map(|b| Line::from(vec![Span::styled(format!(" {:<17}", keys_shown(b)), theme::label()), Span::raw(b.help)]))
        .collect();
    // The filter line's keys, two to a row under a heading of their own.
    lines.push(Line::raw(""));
    lines.push(Line::styled(" In the filter line", theme::label()));
    for pair in in_filter.chunks(2) {
        lines.push(Line::raw(format!(" {:<40} {}", pair[0], pair.get(1).map_or("", String::as_str))));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(" Letters work in the Russian layout too (й = q, о = j, …). Esc closes.", theme::dim()));
    f.render_widget(Paragraph::new(lines).block(block), rect);
}
