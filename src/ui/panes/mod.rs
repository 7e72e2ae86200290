//! One module per pane; each draws from the [`App`](super::app::App) state and nothing else.

pub mod facets;
pub mod help;
pub mod reader;
pub mod status;
pub mod timeline;
pub mod warnings;

use crate::ui::theme;
use ratatui::layout::Rect;
use ratatui::text::Span;
use ratatui::widgets::{Block, Borders};
use ratatui::Frame;

/// Draws a pane's border with its title, highlighted when focused, and returns the inside.
pub fn framed(f: &mut Frame, area: Rect, title: &str, focused: bool) -> Rect {
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme::border(focused))
        .title(Span::styled(title.to_string(), theme::border(focused)));
    let inner = block.inner(area);
    f.render_widget(block, area);
    inner
}

/// The largest centred rectangle of at most `w`×`h` inside `area`.
pub fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect { x: area.x + (area.width - w) / 2, y: area.y + (area.height - h) / 2, width: w, height: h }
}

/// Moves a list's first visible row so that `selected` stays inside `height` rows.
pub fn scrolled(offset: usize, selected: usize, height: usize) -> usize {
    if height == 0 {
        return selected;
    }
    if selected < offset {
        selected
    } else if selected >= offset + height {
        selected + 1 - height
    } else {
        offset
    }
}
