//! The dashboard. `app` holds the state and applies actions (each pane's own state in its
//! `*_pane` module), `action` is the key table (keys, actions, the words for them),
//! `panes` draw, `terminal` owns the terminal and gives it back clean on every exit path.

pub mod action;
pub mod app;
pub mod facet_pane;
pub mod filter_line;
pub mod panes;
pub mod reader_pane;
pub mod terminal;
pub mod theme;
pub mod timeline_pane;
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
    pub panes: Panes,
    /// An overlay covers the panes.
    pub overlay: bool,
}

/// Where a frame of a given size puts each pane: worked out the same way by [`App::prepare`],
/// which fits the panes' rows and the reader's width to it, and by [`draw`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Panes {
    pub countries: Option<Rect>,
    pub bodies: Option<Rect>,
    pub values: Option<Rect>,
    pub timeline: Option<Rect>,
    pub reader: Option<Rect>,
    /// Everything above the status line (overlays cover it).
    pub main: Rect,
    /// The status line, and the filter line above it while one is typed.
    pub bottom: Rect,
}

impl Panes {
    /// The panes of a frame of `area`; `None` when it is too small for them.
    pub fn of(area: Rect, reader_full: bool, typing: bool) -> Option<Panes> {
        if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
            return None;
        }
        let bottom = if typing { 2 } else { 1 };
        let [main, bottom] = Layout::vertical([Constraint::Min(1), Constraint::Length(bottom)]).areas(area);
        if reader_full {
            let none = None;
            return Some(Panes {
                countries: none,
                bodies: none,
                values: none,
                timeline: none,
                reader: Some(main),
                main,
                bottom,
            });
        }
        let [left, right] =
            Layout::horizontal([Constraint::Length(left_width(area.width)), Constraint::Min(40)]).areas(main);
        let [countries, bodies, values] =
            Layout::vertical([Constraint::Percentage(42), Constraint::Percentage(30), Constraint::Percentage(28)])
                .areas(left);
        let [timeline, reader] =
            Layout::vertical([Constraint::Percentage(45), Constraint::Percentage(55)]).areas(right);
        Some(Panes {
            countries: Some(countries),
            bodies: Some(bodies),
            values: Some(values),
            timeline: Some(timeline),
            reader: Some(reader),
            main,
            bottom,
        })
    }

    /// The inside of a bordered pane.
    pub fn inside(pane: Rect) -> Rect {
        Block::default().borders(Borders::ALL).inner(pane)
    }

    /// Event rows of the timeline pane at `pane`: its inside less the header row.
    pub fn timeline_rows(pane: Rect) -> usize {
        Self::inside(pane).height.saturating_sub(1) as usize
    }
}

/// Draws one frame of the dashboard from the state as [`App::prepare`] left it for this size,
/// and says where it drew the panes. Drawing changes nothing.
pub fn draw(f: &mut Frame, app: &App) -> Drawn {
    let area = f.area();
    let Some(panes) = Panes::of(area, app.reader.full, app.typing()) else {
        let msg = format!(
            "Terminal too small: {}×{}.\nictdip needs at least {MIN_WIDTH}×{MIN_HEIGHT}.\nEnlarge the window, or press q to quit.",
            area.width, area.height
        );
        let rect = panes::centered(area, area.width, 3.min(area.height));
        f.render_widget(
            Paragraph::new(msg).alignment(ratatui::layout::Alignment::Center).wrap(Wrap { trim: true }),
            rect,
        );
        return Drawn::default();
    };
    let focus = app.focus;
    let mentions = app.show_mentions;
    if let Some(r) = panes.countries {
        panes::facets::draw(f, r, "Countries", &app.countries, focus == Focus::Countries, mentions);
    }
    if let Some(r) = panes.bodies {
        panes::facets::draw(f, r, "Bodies", &app.bodies, focus == Focus::Bodies, mentions);
    }
    if let Some(r) = panes.values {
        panes::facets::draw(f, r, app.values_shown.name(), &app.values, focus == Focus::Values, false);
    }
    if let Some(r) = panes.timeline {
        panes::timeline::draw(f, r, app);
    }
    if let Some(r) = panes.reader {
        panes::reader::draw(f, r, app, app.reader.full);
    }
    if app.typing() {
        let [line, status] = Layout::vertical([Constraint::Length(1), Constraint::Length(1)]).areas(panes.bottom);
        match &app.export_line {
            Some(export) => panes::status::draw_export_line(f, line, export),
            None => panes::status::draw_filter_line(f, line, app),
        }
        panes::status::draw_status(f, status, app);
    } else {
        panes::status::draw_status(f, panes.bottom, app);
    }
    match app.overlay {
        Overlay::Help => panes::help::draw(f, panes.main, app.help_scroll),
        Overlay::Warnings => panes::warnings::draw(f, panes.main, app),
        Overlay::None => {}
    }
    if app.timeline.is_empty() && matches!(app.load, app::LoadState::Loading { .. }) {
        let rect = panes::centered(panes.main, 40, 3);
        let block = Block::default().borders(Borders::ALL).border_style(theme::border(true));
        f.render_widget(ratatui::widgets::Clear, rect);
        f.render_widget(Paragraph::new(Line::raw(" Loading articles…")).block(block), rect);
    }
    Drawn { panes, overlay: app.overlay != Overlay::None }
}

#[cfg(test)]
mod slow_load_tests;
#[cfg(test)]
mod snapshot_tests;
