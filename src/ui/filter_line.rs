//! The filter line's own state: its text and cursor, the filter kept when it was opened, and the
//! history of accepted filters, kept across runs in the platform data directory.

use super::action::Action;
use std::path::{Path, PathBuf};

/// How many accepted filters the history keeps.
const HISTORY_LIMIT: usize = 500;

#[derive(Clone, Debug, Default)]
pub struct FilterLine {
    pub text: String,
    /// The cursor, as a count of characters before it.
    pub cursor: usize,
    /// The filter as it was when the line was opened: Esc goes back to it.
    pub kept: String,
    pub open: bool,
    /// Accepted filters, oldest first.
    history: Vec<String>,
    /// While ↑ and ↓ walk the history: the entry shown, and the text typed before the walk.
    browsing: Option<(usize, String)>,
    /// Where the history is read from and written to; none in tests.
    history_file: Option<PathBuf>,
}

/// Where the history lives: `ICTDIP_DATA_DIR` if set, else the platform data directory
/// (`~/.local/share/ictdip` on Linux).
pub fn history_file() -> Option<PathBuf> {
    let dir = match std::env::var_os("ICTDIP_DATA_DIR") {
        Some(d) => PathBuf::from(d),
        None => directories::ProjectDirs::from("", "", "ictdip")?.data_dir().to_path_buf(),
    };
    Some(dir.join("filter-history.txt"))
}

impl FilterLine {
    /// A line whose history is read from `file` (a missing or unreadable file is an empty history:
    /// a history is a convenience, never a reason to stop) and written back there.
    pub fn with_history(file: Option<PathBuf>) -> FilterLine {
        let history = file
            .as_deref()
            .and_then(|f| std::fs::read_to_string(f).ok())
            .map(|text| text.lines().filter(|l| !l.trim().is_empty()).map(String::from).collect())
            .unwrap_or_default();
        FilterLine { history, history_file: file, ..FilterLine::default() }
    }

    #[cfg(test)]
    pub fn history(&self) -> &[String] {
        &self.history
    }

    /// Byte offset of the cursor in `text`.
    fn cursor_byte(&self) -> usize {
        self.text.char_indices().nth(self.cursor).map_or(self.text.len(), |(i, _)| i)
    }

    fn chars(&self) -> usize {
        self.text.chars().count()
    }

    /// Opens the line on the current filter, keeping it for Esc.
    pub fn open(&mut self) {
        self.kept = self.text.clone();
        self.open = true;
        self.cursor = self.chars();
        self.browsing = None;
    }

    /// Closes the line keeping its text, and puts the text in the history.
    pub fn accept(&mut self) {
        self.open = false;
        self.browsing = None;
        let text = self.text.trim();
        if text.is_empty() {
            return;
        }
        self.history.retain(|h| h != text);
        self.history.push(text.to_string());
        let over = self.history.len().saturating_sub(HISTORY_LIMIT);
        self.history.drain(..over);
        if let Some(file) = &self.history_file {
            // Not being able to keep the history costs the user nothing now: said nowhere.
            let _ = save(file, &self.history);
        }
    }

    /// Closes the line going back to the filter kept when it was opened.
    pub fn cancel(&mut self) {
        self.open = false;
        self.browsing = None;
        self.text = self.kept.clone();
        self.cursor = self.chars();
    }

    pub fn insert(&mut self, c: char) {
        let at = self.cursor_byte();
        self.text.insert(at, c);
        self.cursor += 1;
    }

    /// Erases the character before the cursor; false when there is none.
    pub fn delete_back(&mut self) -> bool {
        if self.cursor == 0 {
            return false;
        }
        self.cursor -= 1;
        let at = self.cursor_byte();
        self.text.remove(at);
        true
    }

    /// Erases the character under the cursor; false when there is none.
    pub fn delete_forward(&mut self) -> bool {
        let at = self.cursor_byte();
        if at == self.text.len() {
            return false;
        }
        self.text.remove(at);
        true
    }

    /// Erases the word before the cursor, with the spaces between it and the cursor (Ctrl-W, as in
    /// a shell).
    pub fn delete_word(&mut self) -> bool {
        let end = self.cursor_byte();
        let before = self.text[..end].trim_end();
        let start = before.rfind(' ').map_or(0, |i| i + 1);
        if start == end {
            return false;
        }
        self.cursor -= self.text[start..end].chars().count();
        self.text.replace_range(start..end, "");
        true
    }

    pub fn clear(&mut self) -> bool {
        let had = !self.text.is_empty();
        self.text.clear();
        self.cursor = 0;
        had
    }

    pub fn left(&mut self) {
        self.cursor = self.cursor.saturating_sub(1);
    }

    pub fn right(&mut self) {
        self.cursor = (self.cursor + 1).min(self.chars());
    }

    pub fn home(&mut self) {
        self.cursor = 0;
    }

    pub fn end(&mut self) {
        self.cursor = self.chars();
    }

    /// Shows the accepted filter before the one shown (↑); false at the oldest.
    pub fn older(&mut self) -> bool {
        let at = match &self.browsing {
            None if self.history.is_empty() => return false,
            None => self.history.len() - 1,
            Some((0, _)) => return false,
            Some((i, _)) => i - 1,
        };
        let draft = match self.browsing.take() {
            Some((_, draft)) => draft,
            None => self.text.clone(),
        };
        self.show(self.history[at].clone());
        self.browsing = Some((at, draft));
        true
    }

    /// Shows the accepted filter after the one shown (↓), and past the newest the text typed
    /// before the walk; false when not walking the history.
    pub fn newer(&mut self) -> bool {
        let Some((at, draft)) = self.browsing.take() else { return false };
        if at + 1 < self.history.len() {
            self.show(self.history[at + 1].clone());
            self.browsing = Some((at + 1, draft));
        } else {
            self.show(draft);
        }
        true
    }

    /// Applies an editing action (a letter, an erasure, a cursor move, a step through the
    /// history): whether the text changed. Other actions do nothing here.
    pub fn apply(&mut self, action: &Action) -> bool {
        match *action {
            Action::Insert(c) => {
                self.insert(c);
                true
            }
            Action::DeleteBack => self.delete_back(),
            Action::DeleteForward => self.delete_forward(),
            Action::DeleteWord => self.delete_word(),
            Action::ClearLine => self.clear(),
            Action::HistoryOlder => self.older(),
            Action::HistoryNewer => self.newer(),
            Action::CursorLeft => {
                self.left();
                false
            }
            Action::CursorRight => {
                self.right();
                false
            }
            Action::LineStart => {
                self.home();
                false
            }
            Action::LineEnd => {
                self.end();
                false
            }
            _ => false,
        }
    }

    fn show(&mut self, text: String) {
        self.text = text;
        self.cursor = self.chars();
    }
}

fn save(file: &Path, history: &[String]) -> std::io::Result<()> {
    if let Some(dir) = file.parent() {
        std::fs::create_dir_all(dir)?;
    }
    // Written whole to a file beside it, then renamed: two dashboards closing at once leave one
    // history or the other, never a mix.
    let partial = file.with_extension("txt.partial");
    std::fs::write(&partial, history.join("\n") + "\n")?;
    std::fs::rename(partial, file)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(s: &str) -> FilterLine {
        let mut line = FilterLine::default();
        line.open();
        s.chars().for_each(|c| line.insert(c));
        line
    }

    #[test]
    fn editing_at_the_cursor_in_cyrillic() {
        let mut line = typed("шос 2025");
        line.home();
        line.right();
        line.right();
        line.right();
        line.insert('!');
        assert_eq!((line.text.as_str(), line.cursor), ("шос! 2025", 4));
        assert!(line.delete_back());
        line.left();
        assert!(line.delete_forward());
        assert_eq!(line.text, "шо 2025");
        line.end();
        assert!(line.delete_word());
        assert_eq!((line.text.as_str(), line.cursor), ("шо ", 3));
        line.home();
        assert!(!line.delete_back() && !line.delete_word(), "nothing before the cursor");
        assert!(line.clear() && line.text.is_empty() && line.cursor == 0);
    }

    #[test]
    fn ctrl_w_takes_the_word_before_the_cursor_and_the_spaces_up_to_it() {
        let mut line = typed("@kz  #sco форум");
        for _ in 0.."форум".chars().count() {
            line.left();
        }
        assert!(line.delete_word());
        assert_eq!((line.text.as_str(), line.cursor), ("@kz  форум", 5));
    }

    #[test]
    fn history_walks_back_and_forth_and_is_kept_across_runs() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("data").join("filter-history.txt");
        let mut line = FilterLine::with_history(Some(file.clone()));
        for filter in ["#шос", "@kz", "#шос"] {
            line.open();
            line.clear();
            filter.chars().for_each(|c| line.insert(c));
            line.accept();
        }
        assert_eq!(line.history(), ["@kz", "#шос"], "an accepted filter moves to the end, once");

        let mut line = FilterLine::with_history(Some(file));
        assert_eq!(line.history(), ["@kz", "#шос"], "read back in a new run");
        line.open();
        line.insert('x');
        assert!(line.older());
        assert_eq!(line.text, "#шос");
        assert!(line.older());
        assert_eq!(line.text, "@kz");
        assert!(!line.older(), "the oldest");
        assert!(line.newer() && line.newer());
        assert_eq!((line.text.as_str(), line.cursor), ("x", 1), "past the newest: what was typed");
        assert!(!line.newer());
    }

    #[test]
    fn an_unwritable_history_is_no_failure() {
        let dir = tempfile::tempdir().unwrap();
        let blocker = dir.path().join("a file");
        std::fs::write(&blocker, "").unwrap();
        let mut line = FilterLine::with_history(Some(blocker.join("filter-history.txt")));
        line.open();
        line.insert('q');
        line.accept();
        assert_eq!(line.history(), ["q"], "kept for this run");
    }
}
