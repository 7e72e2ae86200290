//! The `?` overlay: every key.

use crate::ui::theme;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};
use ratatui::Frame;

/// Every key and what it does; README.md lists the same.
pub const KEYS: &[(&str, &str)] = &[
    ("Tab / Shift-Tab", "next / previous pane"),
    ("j k ↑ ↓", "move"),
    ("PgUp PgDn", "move a page"),
    ("g G Home End", "first / last"),
    ("Enter Space", "toggle a country or body filter; open the reader"),
    ("Esc", "close the reader, overlay or filter line (back to the kept filter)"),
    ("/", "filter: text, \"body words, @country, #body, 2025-06-17, 2024.."),
    ("r", "rank filtered events by date or by match score"),
    ("c", "clear all filters"),
    ("s", "sort a pane by count or by name"),
    ("m", "count countries and bodies only mentioned too (shown +N)"),
    ("n N", "next / previous highlight in the reader"),
    ("f", "show or hide site furniture in the reader"),
    ("w", "load warnings"),
    ("?", "this help"),
    ("q Ctrl-C", "quit"),
];

pub fn draw(f: &mut Frame, area: Rect) {
    let rect = super::centered(area, 86, KEYS.len() as u16 + 5);
    f.render_widget(Clear, rect);
    let block = Block::default().borders(Borders::ALL).border_style(theme::border(true)).title(" Keys ");
    let mut lines: Vec<Line> = KEYS
        .iter()
        .map(|(k, what)| Line::from(vec![Span::styled(format!(" {k:<17}"), theme::label()), Span::raw(*what)]))
        .collect();
    lines.push(Line::raw(""));
    lines.push(Line::styled(" Letters work in the Russian layout too (й = q, о = j, …). Esc closes.", theme::dim()));
    f.render_widget(Paragraph::new(lines).block(block), rect);
}
