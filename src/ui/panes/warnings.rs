//! The `w` overlay: files that could not be loaded, and why.

use crate::ui::app::App;
use crate::ui::theme;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};
use ratatui::Frame;

pub fn draw(f: &mut Frame, area: Rect, app: &App) {
    let rect = super::centered(area, area.width.saturating_sub(8), area.height.saturating_sub(6));
    f.render_widget(Clear, rect);
    let title = format!(" Load warnings ({}) · j/k scroll · Esc closes ", app.warnings.len());
    let block = Block::default().borders(Borders::ALL).border_style(theme::border(true)).title(title);
    let lines: Vec<Line> = if app.warnings.is_empty() {
        vec![Line::styled(" Every file loaded without a warning.", theme::dim())]
    } else {
        app.warnings.iter().skip(app.warnings_scroll).map(|w| Line::styled(format!(" {w}"), theme::warning())).collect()
    };
    f.render_widget(Paragraph::new(lines).block(block).wrap(Wrap { trim: false }), rect);
}
