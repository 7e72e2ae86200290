//! One module per pane; each draws from the [`App`](super::app::App) state and nothing else.

pub mod facets;
pub mod help;
pub mod reader;
pub mod status;
pub mod timeline;
pub mod warnings;

use ratatui::layout::Rect;

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
