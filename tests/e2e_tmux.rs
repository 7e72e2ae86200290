//! The dashboard in a real terminal: tmux runs the binary at 120×40, keys go in with
//! `send-keys`, and the screen comes back with `capture-pane`. `scripts/test.sh` installs tmux.

use std::process::{Command, Output};
use std::thread::sleep;
use std::time::{Duration, Instant};

struct Tmux {
    socket: String,
}

impl Tmux {
    /// A tmux server of its own (`name` tells tests apart) running a shell at 120×40, at its prompt.
    fn start(name: &str) -> Tmux {
        let tmux = Tmux { socket: format!("ictdip-{name}-{}", std::process::id()) };
        let started = tmux.run(&["new-session", "-d", "-s", "e2e", "-x", "120", "-y", "40", "env PS1='e2e$ ' sh"]);
        assert!(started.status.success(), "tmux: {}", String::from_utf8_lossy(&started.stderr));
        tmux.wait_for("e2e$");
        tmux
    }

    fn run(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .output()
            .expect("tmux is installed (scripts/test.sh installs it)")
    }

    /// The visible screen; with `escapes`, with its colours as terminal escape sequences.
    fn capture(&self, escapes: bool) -> String {
        let mut args = vec!["capture-pane", "-p", "-t", "e2e"];
        if escapes {
            args.push("-e");
        }
        String::from_utf8_lossy(&self.run(&args).stdout).into_owned()
    }

    fn wait_for(&self, what: &str) -> String {
        let start = Instant::now();
        loop {
            let screen = self.capture(false);
            if screen.contains(what) {
                return screen;
            }
            assert!(start.elapsed() < Duration::from_secs(20), "timed out waiting for {what:?}; screen:\n{screen}");
            sleep(Duration::from_millis(100));
        }
    }

    /// Waits until the screen no longer shows `what`.
    fn wait_without(&self, what: &str) {
        let start = Instant::now();
        while self.capture(false).contains(what) {
            assert!(start.elapsed() < Duration::from_secs(20), "timed out waiting for {what:?} to go");
            sleep(Duration::from_millis(100));
        }
    }

    fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "e2e"];
        args.extend_from_slice(keys);
        assert!(self.run(&args).status.success());
    }

    fn text(&self, text: &str) {
        assert!(self.run(&["send-keys", "-t", "e2e", "-l", text]).status.success());
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.run(&["kill-server"]);
    }
}

#[test]
fn filter_open_read_and_quit_in_a_real_terminal() {
    let tmux = Tmux::start("e2e");
    let bin = env!("CARGO_BIN_EXE_ictdip");
    let data = tempfile::tempdir().unwrap();
    // A pager of our own that shows which file it was given and waits for Enter, as `less` waits
    // for `q`.
    let pager = data.path().join("pager.sh");
    std::fs::write(&pager, "#!/bin/sh\nprintf 'PAGER ON %s\\n' \"$(basename \"$1\")\"\nread answer\n").unwrap();
    std::process::Command::new("chmod").arg("+x").arg(&pager).status().unwrap();
    tmux.text(&format!("ICTDIP_DATA_DIR='{}' PAGER='{}' {bin}; echo EXIT=$?", data.path().display(), pager.display()));
    tmux.keys(&["Enter"]);
    tmux.wait_for("Timeline (5 of 5)");

    // A body by a word of its Russian name.
    tmux.text("/#шанх");
    tmux.keys(&["Enter"]);
    tmux.wait_for("Timeline (2 of 5)");
    tmux.keys(&["c"]);
    tmux.wait_for("Timeline (5 of 5)");

    tmux.text("/шос");
    tmux.keys(&["Enter"]);
    let screen = tmux.wait_for("Timeline (2 of 5)");
    let rows: Vec<&str> =
        screen.lines().filter(|l| l.contains("││20") || l.contains("││····") || l.contains("││undated")).collect();
    assert_eq!(rows.len(), 2, "exactly the two SCO meetings:\n{screen}");
    // Dates the text states carry no `~` mark (that is for dates taken from a dateline or stamp).
    assert!(rows[0].contains("2025-06-17  Karamay, CN") && rows[0].contains("SCO"), "{}", rows[0]);
    assert!(rows[1].contains("····-02-01  Almaty, KZ") && rows[1].contains("SCO"), "{}", rows[1]);

    // The Karamay meeting is selected (first in date order): open it full-width.
    tmux.keys(&["Enter"]);
    let screen = tmux.wait_for("Reader (Esc back");
    assert!(screen.contains("Карамай"), "{screen}");
    let coloured = tmux.capture(true);
    let lit = coloured.split("Карамай").next().unwrap_or("");
    let last_sgr = lit.rfind("\u{1b}[").map_or("", |i| &lit[i..]);
    // Green is SGR 32, or colour 2 of the 256-colour palette as tmux reports it.
    let green = last_sgr.contains("[32m") || last_sgr.contains(";32m") || last_sgr.contains("38;5;2m");
    assert!(green, "Карамай is drawn in the place colour (green), got {last_sgr:?}");

    // `o` hands the terminal to the pager with the article, and the dashboard comes back after.
    // (Each Escape is waited for: an Escape followed at once by a letter reads as Alt and the
    // letter.)
    tmux.keys(&["Escape"]);
    tmux.wait_for("Countries (");
    tmux.text("o");
    let screen = tmux.wait_for("PAGER ON ictdip-");
    assert!(!screen.contains("Timeline ("), "the pager has the terminal:\n{screen}");
    tmux.keys(&["Enter"]);
    tmux.wait_for("Timeline (2 of 5)");

    // The filters accepted so far come back with ↑ in the filter line, and are kept on disk.
    tmux.text("/");
    tmux.keys(&["Up"]);
    tmux.wait_for(" / шос▏");
    tmux.keys(&["Up"]);
    tmux.wait_for(" / #шанх▏");
    tmux.keys(&["Escape"]);
    tmux.wait_without("▏");
    let history = std::fs::read_to_string(data.path().join("filter-history.txt")).unwrap_or_default();
    assert_eq!(history, "#шанх\nшос\n");

    tmux.keys(&["q"]);
    let screen = tmux.wait_for("EXIT=0");
    assert!(!screen.contains("Timeline ("), "the dashboard is gone and the shell is back:\n{screen}");
    // The shell prints its prompt just after the exit status: waited for, not raced.
    let start = Instant::now();
    loop {
        let screen = tmux.capture(false);
        let after = screen.lines().rev().find(|l| !l.trim().is_empty()).unwrap_or("");
        if after.trim() == "e2e$" {
            break;
        }
        assert!(start.elapsed() < Duration::from_secs(20), "back at a shell prompt:\n{screen}");
        sleep(Duration::from_millis(100));
    }
}

#[test]
fn with_no_color_the_selection_and_facts_still_show() {
    let tmux = Tmux::start("no-color");
    let bin = env!("CARGO_BIN_EXE_ictdip");
    tmux.text(&format!("NO_COLOR=1 {bin}; echo EXIT=$?"));
    tmux.keys(&["Enter"]);
    tmux.wait_for("Timeline (5 of 5)");
    let screen = tmux.capture(true);
    // The selected timeline row is in reverse video (SGR 7), with no colour anywhere.
    let selected = screen.lines().find(|l| l.contains("2025-06-17")).unwrap_or("");
    assert!(
        selected.contains("\u{1b}[1m\u{1b}[7m") || selected.contains("\u{1b}[7m") || selected.contains(";7m"),
        "{selected:?}"
    );
    // Every SGR parameter is an attribute or a reset to the default colours (39, 49), never a
    // colour.
    let colour = |p: u32| matches!(p, 30..=38 | 40..=48 | 90..=97 | 100..=107);
    let params = screen.split("\u{1b}[").skip(1).filter_map(|seq| seq.split_once('m')).map(|(params, _)| params);
    let coloured: Vec<&str> = params.filter(|p| p.split(';').filter_map(|n| n.parse().ok()).any(colour)).collect();
    assert!(coloured.is_empty(), "colour codes {coloured:?} in:\n{screen:?}");
    tmux.keys(&["q"]);
    tmux.wait_for("EXIT=0");
}

#[test]
fn a_watched_folder_shows_new_and_removed_files() {
    let tmux = Tmux::start("watch");
    let bin = env!("CARGO_BIN_EXE_ictdip");
    let folder = tempfile::tempdir().unwrap();
    let cache = tempfile::tempdir().unwrap();
    let article = |city: &str, day: u32| {
        format!(
            "Встреча министров связи в {city}\n{day} мая 2025 года в {city} состоялась встреча министров связи \
             Казахстана и Узбекистана.\n"
        )
    };
    std::fs::write(folder.path().join("a.txt"), article("Ташкенте", 12)).unwrap();
    tmux.text(&format!(
        "ICTDIP_CACHE_DIR='{}' {bin} --watch '{}'; echo EXIT=$?",
        cache.path().display(),
        folder.path().display()
    ));
    tmux.keys(&["Enter"]);
    tmux.wait_for("Timeline (1 of 1)");
    tmux.wait_for("· watching");

    // A new file shows up without a key pressed, and the status line says what came.
    let written = Instant::now();
    std::fs::write(folder.path().join("b.txt"), article("Астане", 14)).unwrap();
    let screen = tmux.wait_for("Timeline (2 of 2)");
    let took = written.elapsed();
    assert!(screen.contains("watching: +1 new"), "{screen}");
    // One second is the aim; the bound leaves room for a loaded test machine.
    assert!(took < Duration::from_secs(5), "the new file took {took:?} to show");

    // A removed file's events go.
    std::fs::remove_file(folder.path().join("a.txt")).unwrap();
    let screen = tmux.wait_for("Timeline (1 of 1)");
    assert!(screen.contains("watching: 1 removed"), "{screen}");

    // Paused, a change waits; resumed, the next change brings everything in.
    tmux.text("W");
    tmux.wait_for("watch paused (W)");
    std::fs::write(folder.path().join("c.txt"), article("Бишкеке", 16)).unwrap();
    sleep(Duration::from_millis(800));
    assert!(tmux.capture(false).contains("Timeline (1 of 1)"), "nothing loaded while paused");
    tmux.text("W");
    std::fs::write(folder.path().join("d.txt"), article("Баку", 18)).unwrap();
    tmux.wait_for("Timeline (3 of 3)");

    tmux.keys(&["q"]);
    tmux.wait_for("EXIT=0");
}
