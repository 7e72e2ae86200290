//! The key table: every key, the action it gives and the words for it. Key handling, the help
//! overlay and README.md's tables all come from it, so they cannot drift apart. The dashboard's
//! commands are letters, so they are also accepted in the Russian ЙЦУКЕН layout (the key in the
//! same place: `й` is `q`, `о` is `j`); the filter line, in contrast, takes text exactly as typed.

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
    /// The third list shows people, then topics, then kinds.
    CycleValues,
    /// Pause or resume loading a watched folder again (`--watch`).
    ToggleWatch,
    /// The selected event's article in the pager, or in the editor.
    Pager,
    Editor,
    /// The selected event as text on the clipboard.
    CopyEvent,
    /// The article's address in the browser, or on the clipboard.
    Browse,
    CopyUrl,
    /// Write the events the timeline shows to a file named in a prompt.
    ExportView,
    /// Filter line editing.
    Insert(char),
    DeleteBack,
    DeleteForward,
    CursorLeft,
    CursorRight,
    LineStart,
    LineEnd,
    /// ↑ and ↓ in the filter line: the accepted filters before and after the one shown.
    HistoryOlder,
    HistoryNewer,
    /// Ctrl-W: the word before the cursor.
    DeleteWord,
    ClearLine,
    AcceptFilter,
}

impl Action {
    /// True for the keys that edit a line of text (the filter's, or an export's file name).
    pub fn edits_a_line(&self) -> bool {
        matches!(
            self,
            Action::Insert(_)
                | Action::DeleteBack
                | Action::DeleteForward
                | Action::DeleteWord
                | Action::ClearLine
                | Action::CursorLeft
                | Action::CursorRight
                | Action::LineStart
                | Action::LineEnd
        )
    }
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

/// A key as the table names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Key {
    /// A letter or sign; letters also in the Russian layout in normal mode.
    Char(char),
    Ctrl(char),
    Tab,
    BackTab,
    Up,
    Down,
    PageUp,
    PageDown,
    Home,
    End,
    Enter,
    Esc,
    Backspace,
    Delete,
    Left,
    Right,
}

impl Key {
    /// How the help overlay and README.md write the key.
    pub fn name(self) -> String {
        match self {
            Key::Char(' ') => "Space".into(),
            Key::Char(c) => c.to_string(),
            Key::Ctrl(c) => format!("Ctrl-{}", c.to_ascii_uppercase()),
            Key::Tab => "Tab".into(),
            Key::BackTab => "Shift-Tab".into(),
            Key::Up => "↑".into(),
            Key::Down => "↓".into(),
            Key::PageUp => "PgUp".into(),
            Key::PageDown => "PgDn".into(),
            Key::Home => "Home".into(),
            Key::End => "End".into(),
            Key::Enter => "Enter".into(),
            Key::Esc => "Esc".into(),
            Key::Backspace => "Backspace".into(),
            Key::Delete => "Delete".into(),
            Key::Left => "←".into(),
            Key::Right => "→".into(),
        }
    }

    /// The key of a terminal event, with letters as typed.
    fn of(event: KeyEvent) -> Option<Key> {
        let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
        Some(match event.code {
            KeyCode::Char(c) if ctrl => Key::Ctrl(latin_of_russian(c).to_ascii_lowercase()),
            KeyCode::Char(c) => Key::Char(c),
            KeyCode::Tab => Key::Tab,
            KeyCode::BackTab => Key::BackTab,
            KeyCode::Up => Key::Up,
            KeyCode::Down => Key::Down,
            KeyCode::PageUp => Key::PageUp,
            KeyCode::PageDown => Key::PageDown,
            KeyCode::Home => Key::Home,
            KeyCode::End => Key::End,
            KeyCode::Enter => Key::Enter,
            KeyCode::Esc => Key::Esc,
            KeyCode::Backspace => Key::Backspace,
            KeyCode::Delete => Key::Delete,
            KeyCode::Left => Key::Left,
            KeyCode::Right => Key::Right,
            _ => return None,
        })
    }
}

/// One row of the key table: keys with the action each gives, and what they do in words, short
/// for the help overlay and in full for README.md.
pub struct Binding {
    pub keys: &'static [(Key, Action)],
    pub help: &'static str,
    /// Read by the test that holds README.md's key tables to this one.
    #[cfg_attr(not(test), allow(dead_code))]
    pub readme: &'static str,
}

/// Every key outside the filter line. Key handling, the help overlay and README.md's table are
/// all made from it (a test holds the README to it).
pub const NORMAL: &[Binding] = &[
    Binding {
        keys: &[(Key::Tab, Action::FocusNext), (Key::BackTab, Action::FocusPrev)],
        help: "next / previous pane",
        readme: "next / previous pane (Countries, Bodies, People/Topics/Kinds, Timeline)",
    },
    Binding {
        keys: &[
            (Key::Char('j'), Action::Down),
            (Key::Char('k'), Action::Up),
            (Key::Up, Action::Up),
            (Key::Down, Action::Down),
        ],
        help: "move",
        readme: "move",
    },
    Binding {
        keys: &[(Key::PageUp, Action::PageUp), (Key::PageDown, Action::PageDown)],
        help: "move a page",
        readme: "move a page",
    },
    Binding {
        keys: &[
            (Key::Char('g'), Action::Top),
            (Key::Char('G'), Action::Bottom),
            (Key::Home, Action::Top),
            (Key::End, Action::Bottom),
        ],
        help: "first / last",
        readme: "first / last",
    },
    Binding {
        keys: &[(Key::Enter, Action::Activate), (Key::Char(' '), Action::Activate)],
        help: "toggle a country or body filter; open the reader",
        readme: "on a country or body: toggle it as a filter; on an event: open the reader full-width",
    },
    Binding {
        keys: &[(Key::Esc, Action::Back)],
        help: "close the reader, overlay or filter line (back to the kept filter)",
        readme: "close the reader, an overlay, or the filter line (back to the filter kept before it was opened)",
    },
    Binding {
        keys: &[(Key::Char('/'), Action::OpenFilter)],
        help: "filter: text \"body @country #body 2025 kind:forum topic:ai -word",
        readme: "filter line: fuzzy text, `\"prefix` (words in article bodies), `@country`, `#body`, dates as the \
                 timeline shows them (`2025`, `2025-06`, `2025-06-17`) or dotted (`17.06.2025`), ranges open or \
                 closed (`2024..2025`, `2025..`, `..2024-06`), months (`июнь 2025`, `june 2025`, `июнь` in any \
                 year), `kind:forum`, `topic:ai`, and `-token` to leave out what a token finds; a token it cannot \
                 read is named on the line with the reason",
    },
    Binding {
        keys: &[(Key::Char('r'), Action::ToggleRanking)],
        help: "rank filtered events by date or by match score",
        readme: "rank filtered events by date or by match score",
    },
    Binding { keys: &[(Key::Char('c'), Action::ClearFilters)], help: "clear all filters", readme: "clear all filters" },
    Binding {
        keys: &[(Key::Char('s'), Action::ToggleSort)],
        help: "sort a pane by count or name, the timeline oldest or newest first",
        readme: "sort the focused pane: countries and bodies by count or by name, the timeline oldest or newest first",
    },
    Binding {
        keys: &[(Key::Char('m'), Action::ToggleMentions)],
        help: "count countries and bodies only mentioned too (shown +N)",
        readme: "count the countries and bodies articles only mention too (shown as `+N`, dimmed when only \
                 mentioned); facet filters then take those events too",
    },
    Binding {
        keys: &[(Key::Char('t'), Action::CycleValues)],
        help: "the third list: people, topics or kinds",
        readme: "the third list shows people, topics or kinds (choosing one filters by it, as with countries)",
    },
    Binding {
        keys: &[(Key::Char('n'), Action::NextHighlight), (Key::Char('N'), Action::PrevHighlight)],
        help: "next / previous highlight in the reader",
        readme: "next / previous highlight in the reader",
    },
    Binding {
        keys: &[(Key::Char('f'), Action::ToggleFurniture)],
        help: "show or hide site furniture in the reader",
        readme: "show or hide site furniture (related headlines, credits, footers) in the reader",
    },
    Binding { keys: &[(Key::Char('w'), Action::ToggleWarnings)], help: "load warnings", readme: "load warnings" },
    Binding {
        keys: &[(Key::Char('W'), Action::ToggleWatch)],
        help: "pause / resume watching the folder (--watch)",
        readme: "with `--watch`: pause or resume loading the folder again when its files change",
    },
    Binding {
        keys: &[(Key::Char('o'), Action::Pager), (Key::Char('e'), Action::Editor)],
        help: "the article in $PAGER / $EDITOR",
        readme:
            "the selected event's article in `$PAGER` (or `less`) / `$EDITOR` (or `vi`); the dashboard comes back after",
    },
    Binding {
        keys: &[(Key::Char('y'), Action::CopyEvent), (Key::Char('Y'), Action::CopyUrl)],
        help: "copy the event / its address",
        readme: "copy the event as text / the article's address to the clipboard (through the terminal, OSC 52)",
    },
    Binding {
        keys: &[(Key::Char('O'), Action::Browse)],
        help: "the article's address in the browser",
        readme: "open the article's address in the browser (pages, feeds and exports that give one)",
    },
    Binding {
        keys: &[(Key::Char('x'), Action::ExportView)],
        help: "export the events shown (.json .jsonl .csv .md)",
        readme: "export the events the timeline shows to a file named in a prompt; its extension (`.json`, \
                 `.jsonl`, `.csv`, `.md`) chooses the format",
    },
    Binding { keys: &[(Key::Char('?'), Action::ToggleHelp)], help: "this help", readme: "help" },
    Binding { keys: &[(Key::Char('q'), Action::Quit), (Key::Ctrl('c'), Action::Quit)], help: "quit", readme: "quit" },
];

/// Keys in the filter line besides the text itself, which goes in as typed.
pub const FILTER: &[Binding] = &[
    Binding {
        keys: &[(Key::Left, Action::CursorLeft), (Key::Right, Action::CursorRight)],
        help: "move the cursor",
        readme: "move the cursor",
    },
    Binding {
        keys: &[(Key::Home, Action::LineStart), (Key::End, Action::LineEnd)],
        help: "start / end of the line",
        readme: "to the start / end of the line",
    },
    Binding {
        keys: &[(Key::Backspace, Action::DeleteBack), (Key::Delete, Action::DeleteForward)],
        help: "erase back / forward",
        readme: "erase the letter before / at the cursor",
    },
    Binding {
        keys: &[(Key::Ctrl('w'), Action::DeleteWord)],
        help: "erase a word",
        readme: "erase the word before the cursor",
    },
    Binding { keys: &[(Key::Ctrl('u'), Action::ClearLine)], help: "erase the line", readme: "erase the line" },
    Binding {
        keys: &[(Key::Up, Action::HistoryOlder), (Key::Down, Action::HistoryNewer)],
        help: "earlier / later filters",
        readme: "earlier / later accepted filters (kept across runs)",
    },
    Binding {
        keys: &[(Key::Enter, Action::AcceptFilter)],
        help: "keep the filter",
        readme: "keep the filter and close the line",
    },
    Binding {
        keys: &[(Key::Esc, Action::Back)],
        help: "back to the kept filter",
        readme: "close the line, back to the filter kept before",
    },
    Binding { keys: &[(Key::Ctrl('c'), Action::Quit)], help: "quit", readme: "quit" },
];

/// The action `table` gives `key`.
fn look_up(table: &[Binding], key: Key) -> Option<Action> {
    table.iter().flat_map(|b| b.keys).find(|(k, _)| *k == key).map(|(_, a)| a.clone())
}

/// Maps a key in normal mode (not typing in the filter line).
pub fn normal_key(event: KeyEvent) -> Option<Action> {
    if event.kind != KeyEventKind::Press {
        return None;
    }
    let key = match Key::of(event)? {
        Key::Char(c) => Key::Char(latin_of_russian(c)),
        key => key,
    };
    look_up(NORMAL, key)
}

/// Maps a key while the filter line is open: text goes in as typed.
pub fn filter_key(event: KeyEvent) -> Option<Action> {
    if event.kind != KeyEventKind::Press {
        return None;
    }
    match Key::of(event)? {
        Key::Char(c) => Some(Action::Insert(c)),
        key => look_up(FILTER, key),
    }
}

/// The keys of a row as the help overlay writes them ("j k ↑ ↓").
pub fn keys_shown(b: &Binding) -> String {
    b.keys.iter().map(|(k, _)| k.name()).collect::<Vec<_>>().join(" ")
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

    /// README.md's table row for a binding.
    fn readme_row(b: &Binding) -> String {
        let keys: Vec<String> = b.keys.iter().map(|(k, _)| format!("`{}`", k.name())).collect();
        format!("| {} | {} |", keys.join(" "), b.readme)
    }

    #[test]
    fn the_readme_lists_every_key_as_the_table_has_it() {
        let readme = include_str!("../../README.md");
        let all: Vec<String> = NORMAL.iter().chain(FILTER).map(readme_row).collect();
        for row in &all {
            assert!(
                readme.lines().any(|l| l == row),
                "README.md lacks the row\n{row}\nIts key tables should read:\n{}",
                all.join("\n")
            );
        }
        // The rows of every table headed "| key | what it does |".
        let mut rows = 0;
        let mut in_keys = false;
        for line in readme.lines() {
            if line == "| key | what it does |" {
                in_keys = true;
            } else if !line.starts_with('|') {
                in_keys = false;
            } else if in_keys && line.starts_with("| `") {
                rows += 1;
            }
        }
        assert_eq!(rows, NORMAL.len() + FILTER.len(), "README.md's key tables have a row the table lacks");
    }

    #[test]
    fn every_key_in_the_table_gives_its_action() {
        for (table, map) in [(NORMAL, normal_key as fn(KeyEvent) -> Option<Action>), (FILTER, filter_key)] {
            for (key, action) in table.iter().flat_map(|b| b.keys) {
                let (code, modifiers) = match *key {
                    Key::Char(c) => (KeyCode::Char(c), KeyModifiers::NONE),
                    Key::Ctrl(c) => (KeyCode::Char(c), KeyModifiers::CONTROL),
                    Key::Tab => (KeyCode::Tab, KeyModifiers::NONE),
                    Key::BackTab => (KeyCode::BackTab, KeyModifiers::SHIFT),
                    Key::Up => (KeyCode::Up, KeyModifiers::NONE),
                    Key::Down => (KeyCode::Down, KeyModifiers::NONE),
                    Key::PageUp => (KeyCode::PageUp, KeyModifiers::NONE),
                    Key::PageDown => (KeyCode::PageDown, KeyModifiers::NONE),
                    Key::Home => (KeyCode::Home, KeyModifiers::NONE),
                    Key::End => (KeyCode::End, KeyModifiers::NONE),
                    Key::Enter => (KeyCode::Enter, KeyModifiers::NONE),
                    Key::Esc => (KeyCode::Esc, KeyModifiers::NONE),
                    Key::Backspace => (KeyCode::Backspace, KeyModifiers::NONE),
                    Key::Delete => (KeyCode::Delete, KeyModifiers::NONE),
                    Key::Left => (KeyCode::Left, KeyModifiers::NONE),
                    Key::Right => (KeyCode::Right, KeyModifiers::NONE),
                };
                assert_eq!(map(KeyEvent::new(code, modifiers)).as_ref(), Some(action), "{}", key.name());
            }
        }
        let keys: Vec<Key> = NORMAL.iter().flat_map(|b| b.keys).map(|(k, _)| *k).collect();
        for (i, k) in keys.iter().enumerate() {
            assert!(!keys[i + 1..].contains(k), "{} is bound twice", k.name());
        }
    }

    #[test]
    fn ctrl_c_quits_in_both_modes() {
        let k = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(normal_key(k), Some(Action::Quit));
        assert_eq!(filter_key(k), Some(Action::Quit));
    }
}
