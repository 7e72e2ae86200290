//! The Countries and Bodies panes: each value with its event count; chosen ones filter the timeline.

use crate::cli::fit;
use crate::ui::app::FacetPane;
use crate::ui::theme;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;
use ratatui::Frame;

pub fn draw(f: &mut Frame, area: Rect, title: &str, pane: &mut FacetPane, focused: bool) {
    let order = if pane.by_name { "by name" } else { "by count" };
    let chosen = if pane.chosen.is_empty() { String::new() } else { format!(" · {} chosen", pane.chosen.len()) };
    let inner = super::framed(f, area, &format!(" {title} ({order}{chosen}) "), focused);
    let height = inner.height as usize;
    pane.offset = super::scrolled(pane.offset, pane.selected, height);
    let count_w = 5;
    let code_w = pane.items.iter().map(|i| i.code.chars().count()).max().unwrap_or(2).clamp(2, 8) + 1;
    let name_w = (inner.width as usize).saturating_sub(2 + code_w + count_w);
    let lines: Vec<Line> = pane
        .items
        .iter()
        .enumerate()
        .skip(pane.offset)
        .take(height)
        .map(|(i, item)| {
            let is_chosen = pane.chosen.contains(&item.code);
            let mark = if is_chosen { "● " } else { "  " };
            let code = fit(&item.code, code_w);
            let text = format!("{mark}{code}{}{:>count_w$}", fit(&item.name, name_w), item.count);
            let mut style = if is_chosen { theme::chosen() } else { ratatui::style::Style::default() };
            if i == pane.selected && focused {
                style = style.patch(theme::selected_row());
            }
            Line::styled(text, style)
        })
        .collect();
    if lines.is_empty() {
        f.render_widget(Paragraph::new(Line::styled("  (none)", theme::dim())), inner);
    } else {
        f.render_widget(Paragraph::new(lines), inner);
    }
}
