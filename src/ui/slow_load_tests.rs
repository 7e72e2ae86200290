//! The dashboard keeps answering keys while its loader is stuck: a loader that blocks until the
//! test releases it, a scripted keyboard, and ratatui's `TestBackend`.

use crate::ui::app::{App, LoadState, Overlay};
use crate::ui::terminal::{event_loop, Loaded};
use ictdip_core::corpus::{self, BuildOptions, Progress, Source};
use ictdip_core::timeline::Timeline;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use std::collections::VecDeque;
use std::sync::{mpsc, Arc, Barrier};
use std::time::Duration;

fn key(c: char) -> Event {
    Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))
}

#[test]
fn keys_are_answered_while_the_loader_blocks() {
    let (tx, rx) = mpsc::channel();
    let release = Arc::new(Barrier::new(2));
    let loader = {
        let release = release.clone();
        std::thread::spawn(move || {
            release.wait(); // blocked until the test has typed everything
            let c = corpus::build(&Source::Embedded, &BuildOptions::default());
            tx.send(Loaded::Done(Timeline::new(c.articles, c.events), c.warnings, c.other_files)).unwrap();
        })
    };
    let progress = Progress::default();
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
    let mut app = App::loading();

    // Phase one: the loader is blocked. Open and close help, type a filter, then quit the loop.
    let mut script: VecDeque<Event> = [key('?'), Event::Key(KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE)), key('/')]
        .into_iter()
        .chain("шос".chars().map(key))
        .chain([Event::Key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE)), key('q')])
        .collect();
    let mut next = |_: Duration| -> std::io::Result<Option<Event>> { Ok(script.pop_front()) };
    event_loop(&mut terminal, &mut app, &mut next, &rx, &progress, false).unwrap();
    assert!(matches!(app.load, LoadState::Loading { .. }), "still loading: every key was answered without it");
    assert_eq!(app.filter.text, "шос");
    assert_eq!(app.overlay, Overlay::None);
    let screen: String = terminal.backend().buffer().content().iter().map(ratatui::buffer::Cell::symbol).collect();
    assert!(screen.contains("Loading articles"), "the frame says it is loading");

    // Phase two: release the loader; the same loop takes the events in and the filter applies.
    release.wait();
    loader.join().unwrap();
    app.quit = false;
    let mut polls = 0;
    let mut next = |_: Duration| -> std::io::Result<Option<Event>> {
        polls += 1;
        Ok(if polls > 1 { Some(key('q')) } else { None })
    };
    event_loop(&mut terminal, &mut app, &mut next, &rx, &progress, false).unwrap();
    assert_eq!(app.load, LoadState::Done);
    assert_eq!(app.events.hits.len(), 2, "the typed filter applies to the events that arrived");
}

#[test]
fn keys_do_nothing_but_quit_while_the_terminal_is_too_small() {
    let (_tx, rx) = mpsc::channel();
    let progress = Progress::default();
    let mut terminal = Terminal::new(TestBackend::new(60, 15)).unwrap();
    let c = corpus::build(&Source::Embedded, &BuildOptions::default());
    let mut app = App::new(Timeline::new(c.articles, c.events), c.warnings);
    let mut script: VecDeque<Event> = [
        Event::Key(KeyEvent::new(KeyCode::Tab, KeyModifiers::NONE)),
        Event::Key(KeyEvent::new(KeyCode::Down, KeyModifiers::NONE)),
        Event::Key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE)),
        key('?'),
        key('q'),
    ]
    .into_iter()
    .collect();
    let mut next = |_: Duration| -> std::io::Result<Option<Event>> { Ok(script.pop_front()) };
    let (focus, selected) = (app.focus, app.events.selected);
    event_loop(&mut terminal, &mut app, &mut next, &rx, &progress, false).unwrap();
    assert!(app.quit, "q still quits");
    assert_eq!((app.focus, app.events.selected, app.reader.full, app.overlay), (focus, selected, false, Overlay::None));
}

#[test]
fn a_body_index_that_arrives_after_the_load_is_taken_in_without_a_key() {
    let (tx, rx) = mpsc::channel();
    let progress = Progress::default();
    let c = corpus::build(&Source::Embedded, &BuildOptions::default());
    let index = ictdip_core::timeline::fulltext::FullText::build(
        &c.articles,
        &ictdip_core::load::LoadOptions::default(),
        &progress.indexed,
    );
    tx.send(Loaded::Done(Timeline::new(c.articles, c.events), c.warnings, c.other_files)).unwrap();
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
    let mut app = App::loading();
    // A quoted word searches the bodies: no answer until the index is in.
    app.filter.text = "\"кибер".into();
    let mut index = Some(index);
    let mut waits = Vec::new();
    let mut next = |timeout: Duration| -> std::io::Result<Option<Event>> {
        waits.push(timeout);
        // No key at all: the index arrives at the second wait; then the loop looks again soon
        // only while the reader's article is being read, and the first long wait is the last.
        if waits.len() == 2 {
            tx.send(Loaded::FullText(index.take().unwrap())).unwrap();
        }
        if timeout < Duration::from_secs(1) {
            std::thread::sleep(Duration::from_millis(1));
        }
        Ok((waits.len() > 2 && timeout > Duration::from_mins(1) || waits.len() > 5000).then(|| key('q')))
    };
    event_loop(&mut terminal, &mut app, &mut next, &rx, &progress, false).unwrap();
    assert!(app.timeline.has_fulltext(), "the index was taken in");
    assert!(waits[1] <= Duration::from_millis(100), "the loop looked for the index soon: {waits:?}");
    assert!(waits.last().unwrap() > &Duration::from_mins(1), "and, with it in, waits for keys only: {waits:?}");
}

#[test]
fn clicks_and_the_wheel_act_on_the_pane_under_them() {
    use ratatui::crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
    let (_tx, rx) = mpsc::channel();
    let progress = Progress::default();
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
    let c = corpus::build(&Source::Embedded, &BuildOptions::default());
    let mut app = App::new(Timeline::new(c.articles, c.events), c.warnings);
    let mut drawn = crate::ui::Drawn::default();
    app.prepare(ratatui::layout::Rect::new(0, 0, 120, 40));
    terminal.draw(|f| drawn = crate::ui::draw(f, &app)).unwrap();
    let (timeline, countries, reader) =
        (drawn.panes.timeline.unwrap(), drawn.panes.countries.unwrap(), drawn.panes.reader.unwrap());
    let mouse = |kind, column, row| Event::Mouse(MouseEvent { kind, column, row, modifiers: KeyModifiers::NONE });
    let click = MouseEventKind::Down(MouseButton::Left);
    let mut run = |app: &mut App, events: Vec<Event>| {
        let mut script: VecDeque<Event> = events.into_iter().chain([key('q')]).collect();
        let mut next = |_: Duration| -> std::io::Result<Option<Event>> { Ok(script.pop_front()) };
        app.quit = false;
        event_loop(&mut terminal, app, &mut next, &rx, &progress, true).unwrap();
    };

    // The last event's row of the timeline (under the border and the header row).
    let last = app.events.hits.len() - 1;
    run(&mut app, vec![mouse(click, timeline.x + 5, timeline.y + 2 + last as u16)]);
    assert_eq!(app.events.selected, last);

    // The wheel over the reader scrolls the reader, not the timeline (once its article is read).
    app.prepare_reader();
    app.reader.wait_opened();
    run(&mut app, vec![mouse(MouseEventKind::ScrollDown, reader.x + 5, reader.y + 3)]);
    assert!(app.reader.scroll > 0, "the wheel scrolled the reader");
    assert_eq!(app.events.selected, last, "and left the timeline where it was");

    // The second row of Countries: a click selects it, a second one chooses it.
    let key = app.countries.items[1].key.clone();
    run(&mut app, vec![mouse(click, countries.x + 3, countries.y + 2)]);
    assert_eq!((app.focus, app.countries.selected), (crate::ui::app::Focus::Countries, 1));
    assert!(app.countries.chosen.is_empty());
    run(&mut app, vec![mouse(click, countries.x + 3, countries.y + 2)]);
    assert!(app.countries.chosen.contains(&key), "a second click on a row chooses it");
}
