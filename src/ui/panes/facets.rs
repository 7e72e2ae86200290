//! The list panes (Countries, Bodies, and People, Topics or Kinds): each value with its event
//! count; chosen ones filter the timeline.
//! Counts are of the events a value takes part in; with mentions shown (`m`), the events that
//! only mention it are added after a `+`, and a value only mentioned is dimmed.

use crate::cells::fit;
use crate::ui::facet_pane::FacetPane;
use crate::ui::theme;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;
use ratatui::Frame;

pub fn draw(f: &mut Frame, area: Rect, title: &str, pane: &FacetPane, focused: bool, mentions: bool) {
    // Short enough for the pane's usual width.
    let order = match (pane.by_name, mentions) {
        (false, false) => "by count",
        (true, false) => "by name",
        (false, true) => "count+mentions",
        (true, true) => "name+mentions",
    };
    let chosen = if pane.chosen.is_empty() { String::new() } else { format!(" · {} chosen", pane.chosen.len()) };
    // The whole title where the pane is wide enough; else what was chosen matters more than the
    // order.
    let full = format!(" {title} ({order}{chosen}) ");
    let room = area.width.saturating_sub(2) as usize;
    let title = if full.chars().count() <= room {
        full
    } else if !pane.chosen.is_empty() {
        format!(" {title} ({} chosen) ", pane.chosen.len())
    } else {
        format!(" {title} ")
    };
    let inner = super::framed(f, area, &title, focused);
    let height = inner.height as usize;
    let count_w = if mentions { 8 } else { 5 };
    // Countries and bodies have a code column; people, topics and kinds none.
    let code_w = match pane.items.iter().map(|i| i.key.code().chars().count()).max().unwrap_or(0) {
        0 => 0,
        w => w.clamp(2, 8) + 1,
    };
    let name_w = (inner.width as usize).saturating_sub(2 + code_w + count_w);
    let lines: Vec<Line> = pane
        .items
        .iter()
        .enumerate()
        .skip(pane.offset)
        .take(height)
        .map(|(i, item)| {
            let is_chosen = pane.chosen.contains(&item.key);
            let mark = if is_chosen { "● " } else { "  " };
            let code = fit(item.key.code(), code_w);
            let count = match item.mentioned {
                0 => item.count.to_string(),
                m => format!("{}+{m}", item.count - m),
            };
            let text = format!("{mark}{code}{}{count:>count_w$}", fit(&item.name, name_w));
            let mut style = if is_chosen { theme::chosen() } else { ratatui::style::Style::default() };
            if item.mentioned == item.count {
                style = style.patch(theme::dim());
            }
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
