//! Colours and styles in one place. Facts have one style each, used both in the reader's text and
//! in its header, so the eye links a name in the text to the fact it supports.
//!
//! With `NO_COLOR` set (<https://no-color.org>), every style is made of attributes alone (bold,
//! underline, reverse, dim): the terminal then drops colours, and a style that relied on them
//! would leave no selection, focus or highlight to see.

use ictdip_core::model::FactKind;
use ratatui::style::{Color, Modifier, Style};
use std::sync::OnceLock;

/// True when the user asked for no colour (`NO_COLOR` set and not empty), read once.
pub fn no_color() -> bool {
    static NO_COLOR: OnceLock<bool> = OnceLock::new();
    #[cfg(test)]
    if let Some(forced) = FORCED_NO_COLOR.get() {
        return forced;
    }
    *NO_COLOR.get_or_init(|| std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()))
}

#[cfg(test)]
thread_local! {
    /// A test's own answer to [`no_color`]: tests run on threads of their own, so a frame drawn
    /// without colours leaves the others' frames as they are.
    static FORCED_NO_COLOR: std::cell::Cell<Option<bool>> = const { std::cell::Cell::new(None) };
}

/// Draws this thread's frames as with `NO_COLOR` set (`true`), or with colours.
#[cfg(test)]
pub fn force_no_color(on: bool) {
    FORCED_NO_COLOR.set(Some(on));
}

/// `colored` where colours are wanted, else `plain`: the same meaning by attributes.
fn either(colored: Style, plain: Style) -> Style {
    if no_color() {
        plain
    } else {
        colored
    }
}

pub const ACCENT: Color = Color::Cyan;

pub fn fact(kind: FactKind) -> Style {
    let s = Style::default().add_modifier(Modifier::BOLD);
    if no_color() {
        return match kind {
            FactKind::Date => s.add_modifier(Modifier::UNDERLINED),
            _ => s,
        };
    }
    match kind {
        FactKind::Country => s.fg(Color::LightCyan),
        FactKind::Body => s.fg(Color::Magenta),
        FactKind::Place => s.fg(Color::Green),
        FactKind::Person => s.fg(Color::Yellow),
        FactKind::Date => s.fg(Color::LightBlue).add_modifier(Modifier::UNDERLINED),
    }
}

/// The highlight `n`/`N` is on.
pub fn current() -> Style {
    Style::default().add_modifier(Modifier::REVERSED | Modifier::BOLD)
}

pub fn dim() -> Style {
    either(Style::default().fg(Color::DarkGray), Style::default().add_modifier(Modifier::DIM))
}

pub fn label() -> Style {
    either(Style::default().fg(Color::Gray).add_modifier(Modifier::BOLD), Style::default().add_modifier(Modifier::BOLD))
}

pub fn selected_row() -> Style {
    either(
        Style::default().bg(Color::Rgb(40, 60, 90)).add_modifier(Modifier::BOLD),
        Style::default().add_modifier(Modifier::REVERSED | Modifier::BOLD),
    )
}

pub fn fuzzy_match() -> Style {
    either(
        Style::default().fg(Color::LightYellow).add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
        Style::default().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
    )
}

pub fn border(focused: bool) -> Style {
    if focused {
        either(Style::default().fg(ACCENT).add_modifier(Modifier::BOLD), Style::default().add_modifier(Modifier::BOLD))
    } else {
        dim()
    }
}

pub fn chosen() -> Style {
    either(
        Style::default().fg(Color::LightGreen).add_modifier(Modifier::BOLD),
        Style::default().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
    )
}

pub fn warning() -> Style {
    either(Style::default().fg(Color::Yellow), Style::default().add_modifier(Modifier::BOLD))
}

/// The status bar's background.
pub fn status_bar() -> Style {
    either(Style::default().bg(Color::Rgb(30, 30, 30)), Style::default())
}
