//! Colours and styles in one place. Facts have one style each, used both in the reader's text and
//! in its header, so the eye links a name in the text to the fact it supports.

use ictdip_core::model::FactKind;
use ratatui::style::{Color, Modifier, Style};

pub const ACCENT: Color = Color::Cyan;

pub fn fact(kind: FactKind) -> Style {
    let s = Style::default().add_modifier(Modifier::BOLD);
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
    Style::default().fg(Color::DarkGray)
}

pub fn label() -> Style {
    Style::default().fg(Color::Gray).add_modifier(Modifier::BOLD)
}

pub fn selected_row() -> Style {
    Style::default().bg(Color::Rgb(40, 60, 90)).add_modifier(Modifier::BOLD)
}

pub fn fuzzy_match() -> Style {
    Style::default().fg(Color::LightYellow).add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
}

pub fn border(focused: bool) -> Style {
    if focused {
        Style::default().fg(ACCENT).add_modifier(Modifier::BOLD)
    } else {
        Style::default().fg(Color::DarkGray)
    }
}

pub fn chosen() -> Style {
    Style::default().fg(Color::LightGreen).add_modifier(Modifier::BOLD)
}

pub fn warning() -> Style {
    Style::default().fg(Color::Yellow)
}
