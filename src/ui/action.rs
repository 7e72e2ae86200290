//! Keys to actions. The dashboard's commands are letters, so they are also accepted in the
//! Russian ЙЦУКЕН layout (the key in the same place: `й` is `q`, `о` is `j`); the filter line,
//! in contrast, takes text exactly as typed.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

/// Everything the user can ask for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    Quit,
    FocusNext,
    FocusPrev,
    Up,
    Down,
    PageUp,
    PageDown,
    Top,
    Bottom,
    /// Enter or Space: toggle a facet, or open the reader on an event.
    Activate,
    /// Esc: close whatever is open (overlay, full reader, filter line).
    Back,
    ClearFilters,
    OpenFilter,
    NextHighlight,
    PrevHighlight,
    ToggleWarnings,
    ToggleHelp,
    ToggleSort,
    ToggleFurniture,
    ToggleRanking,
    /// Count and filter by the countries and bodies articles only mention, too.
    ToggleMentions,
    /// Filter line editing.
    Insert(char),
    DeleteBack,
    /// Ctrl-W: the word before the cursor.
    DeleteWord,
    ClearLine,
    AcceptFilter,
}

/// The Latin key in the same place as a Russian-layout letter (and `.` `,` where `/` `?` are).
pub fn latin_of_russian(c: char) -> char {
    const RU: &str = "йцукенгшщзхъфывапролджэячсмитьбюЙЦУКЕНГШЩЗХЪФЫВАПРОЛДЖЭЯЧСМИТЬБЮ";
    const EN: &str = "qwertyuiop[]asdfghjkl;'zxcvbnm,.QWERTYUIOP{}ASDFGHJKL:\"ZXCVBNM<>";
    match c {
        '.' => '/',
        ',' => '?',
        _ => RU.chars().position(|r| r == c).and_then(|i| EN.chars().nth(i)).unwrap_or(c),
    }
}

/// Maps a key in normal mode (not typing in the filter line).
pub fn normal_key(key: KeyEvent) -> Option<Action> {
    if key.kind != KeyEventKind::Press {
        return None;
    }
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    Some(match key.code {
        KeyCode::Char('c' | 'с') if ctrl => Action::Quit,
        KeyCode::Tab => Action::FocusNext,
        KeyCode::BackTab => Action::FocusPrev,
        KeyCode::Up => Action::Up,
        KeyCode::Down => Action::Down,
        KeyCode::PageUp => Action::PageUp,
        KeyCode::PageDown => Action::PageDown,
        KeyCode::Home => Action::Top,
        KeyCode::End => Action::Bottom,
        KeyCode::Enter => Action::Activate,
        KeyCode::Esc => Action::Back,
        KeyCode::Char(c) if !ctrl => match latin_of_russian(c) {
            'q' => Action::Quit,
            'j' => Action::Down,
            'k' => Action::Up,
            'g' => Action::Top,
            'G' => Action::Bottom,
            ' ' => Action::Activate,
            'c' => Action::ClearFilters,
            '/' => Action::OpenFilter,
            'n' => Action::NextHighlight,
            'N' => Action::PrevHighlight,
            'w' => Action::ToggleWarnings,
            '?' => Action::ToggleHelp,
            's' => Action::ToggleSort,
            'f' => Action::ToggleFurniture,
            'r' => Action::ToggleRanking,
            'm' => Action::ToggleMentions,
            _ => return None,
        },
        _ => return None,
    })
}

/// Maps a key while the filter line is open: text goes in as typed.
pub fn filter_key(key: KeyEvent) -> Option<Action> {
    if key.kind != KeyEventKind::Press {
        return None;
    }
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    Some(match key.code {
        KeyCode::Char('c') if ctrl => Action::Quit,
        KeyCode::Char('u') if ctrl => Action::ClearLine,
        KeyCode::Char('w') if ctrl => Action::DeleteWord,
        KeyCode::Char(c) if !ctrl => Action::Insert(c),
        KeyCode::Backspace => Action::DeleteBack,
        KeyCode::Enter => Action::AcceptFilter,
        KeyCode::Esc => Action::Back,
        KeyCode::Up => Action::Up,
        KeyCode::Down => Action::Down,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::KeyEventState;

    fn press(c: KeyCode) -> KeyEvent {
        KeyEvent::new(c, KeyModifiers::NONE)
    }

    #[test]
    fn russian_layout_letters_act_as_their_latin_keys() {
        assert_eq!(normal_key(press(KeyCode::Char('й'))), Some(Action::Quit));
        assert_eq!(normal_key(press(KeyCode::Char('о'))), Some(Action::Down));
        assert_eq!(normal_key(press(KeyCode::Char('л'))), Some(Action::Up));
        assert_eq!(normal_key(press(KeyCode::Char('П'))), Some(Action::Bottom));
        assert_eq!(normal_key(press(KeyCode::Char('.'))), Some(Action::OpenFilter));
        assert_eq!(normal_key(press(KeyCode::Char('т'))), Some(Action::NextHighlight));
        assert_eq!(normal_key(press(KeyCode::Char('Т'))), Some(Action::PrevHighlight));
    }

    #[test]
    fn filter_line_takes_text_as_typed() {
        assert_eq!(filter_key(press(KeyCode::Char('й'))), Some(Action::Insert('й')));
        assert_eq!(filter_key(press(KeyCode::Char('q'))), Some(Action::Insert('q')));
    }

    #[test]
    fn releases_are_ignored() {
        let release = KeyEvent {
            code: KeyCode::Char('q'),
            modifiers: KeyModifiers::NONE,
            kind: KeyEventKind::Release,
            state: KeyEventState::NONE,
        };
        assert_eq!(normal_key(release), None);
        assert_eq!(filter_key(release), None);
    }

    #[test]
    fn ctrl_c_quits_in_both_modes() {
        let k = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(normal_key(k), Some(Action::Quit));
        assert_eq!(filter_key(k), Some(Action::Quit));
    }
}
