//! The dashboard. `app` holds the state and applies actions, `action` is the key table (keys, actions, the words for them),
//! `panes` draw, `terminal` owns the terminal and gives it back clean on every exit path.

pub mod action;
pub mod app;
pub mod filter_line;
pub mod panes;
pub mod terminal;
pub mod theme;
pub mod watch;

use app::{App, Focus, Overlay};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};
use ratatui::Frame;

/// Below this size the layout cannot show its panes legibly.
pub const MIN_WIDTH: u16 = 80;
pub const MIN_HEIGHT: u16 = 20;

/// Width of the Countries and Bodies column: narrower on narrow terminals, so titles keep room.
pub fn left_width(total: u16) -> u16 {
    match total {
        180.. => 44,
        110.. => 30,
        _ => 24,
    }
}

/// Where the last frame drew each pane (none when it drew no dashboard): clicks and the wheel are
/// read against it, never against a layout worked out again by hand.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Drawn {
    pub countries: Option<Rect>,
    pub bodies: Option<Rect>,
    pub values: Option<Rect>,
    pub timeline: Option<Rect>,
    pub reader: Option<Rect>,
    /// An overlay covers the panes.
    pub overlay: bool,
}

/// Draws one frame of the dashboard, and says where it drew the panes.
pub fn draw(f: &mut Frame, app: &mut App) -> Drawn {
    let area = f.area();
    let mut drawn = Drawn::default();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        let msg = format!(
            "Terminal too small: {}×{}.\nictdip needs at least {MIN_WIDTH}×{MIN_HEIGHT}.\nEnlarge the window, or press q to quit.",
            area.width, area.height
        );
        let rect = panes::centered(area, area.width, 3.min(area.height));
        f.render_widget(
            Paragraph::new(msg).alignment(ratatui::layout::Alignment::Center).wrap(Wrap { trim: true }),
            rect,
        );
        return drawn;
    }
    let bottom = if app.typing() { 2 } else { 1 };
    let [main, bottom_area] = Layout::vertical([Constraint::Min(1), Constraint::Length(bottom)]).areas(area);
    if app.reader_full {
        panes::reader::draw(f, main, app, true);
        drawn.reader = Some(main);
    } else {
        let [left, right] =
            Layout::horizontal([Constraint::Length(left_width(area.width)), Constraint::Min(40)]).areas(main);
        let [countries, bodies, values] =
            Layout::vertical([Constraint::Percentage(42), Constraint::Percentage(30), Constraint::Percentage(28)])
                .areas(left);
        let [timeline, reader] =
            Layout::vertical([Constraint::Percentage(45), Constraint::Percentage(55)]).areas(right);
        let focus = app.focus;
        let mentions = app.show_mentions;
        panes::facets::draw(f, countries, "Countries", &mut app.countries, focus == Focus::Countries, mentions);
        panes::facets::draw(f, bodies, "Bodies", &mut app.bodies, focus == Focus::Bodies, mentions);
        let values_title = app.values_shown.name();
        panes::facets::draw(f, values, values_title, &mut app.values, focus == Focus::Values, false);
        panes::timeline::draw(f, timeline, app);
        panes::reader::draw(f, reader, app, false);
        drawn = Drawn {
            countries: Some(countries),
            bodies: Some(bodies),
            values: Some(values),
            timeline: Some(timeline),
            reader: Some(reader),
            overlay: false,
        };
    }
    if app.typing() {
        let [line, status] = Layout::vertical([Constraint::Length(1), Constraint::Length(1)]).areas(bottom_area);
        match &app.export_line {
            Some(export) => panes::status::draw_export_line(f, line, export),
            None => panes::status::draw_filter_line(f, line, app),
        }
        panes::status::draw_status(f, status, app);
    } else {
        panes::status::draw_status(f, bottom_area, app);
    }
    match app.overlay {
        Overlay::Help => panes::help::draw(f, main, app.help_scroll),
        Overlay::Warnings => panes::warnings::draw(f, main, app),
        Overlay::None => {}
    }
    drawn.overlay = app.overlay != Overlay::None;
    if app.timeline.is_empty() && matches!(app.load, app::LoadState::Loading { .. }) {
        let rect = panes::centered(main, 40, 3);
        let block = Block::default().borders(Borders::ALL).border_style(theme::border(true));
        f.render_widget(ratatui::widgets::Clear, rect);
        f.render_widget(Paragraph::new(Line::raw(" Loading articles…")).block(block), rect);
    }
    drawn
}

#[cfg(test)]
mod slow_load_tests;
#[cfg(test)]
mod snapshot_tests;
