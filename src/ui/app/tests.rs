//! State transitions of the dashboard, on the bundled sample articles.

use super::*;
use ictdip_core::corpus::{self, BuildOptions, Source};

fn app() -> App {
    let c = corpus::build(&Source::Embedded, &BuildOptions::default());
    App::new(Timeline::new(c.articles, c.events), c.warnings)
}

fn titles(app: &App) -> Vec<String> {
    app.events.hits.iter().map(|h| app.timeline.event(h.entry).title.clone().unwrap_or_default()).collect()
}

fn type_filter(app: &mut App, text: &str) {
    app.handle(Action::OpenFilter);
    for c in text.chars() {
        app.handle(Action::Insert(c));
    }
}

#[test]
fn starts_on_the_timeline_with_every_event() {
    let a = app();
    assert_eq!(a.focus, Focus::Timeline);
    assert_eq!(a.events.hits.len(), a.timeline.len());
    assert_eq!(a.events.selected, 0);
}

#[test]
fn focus_cycles_both_ways() {
    let mut a = app();
    a.handle(Action::FocusNext);
    assert_eq!(a.focus, Focus::Countries);
    a.handle(Action::FocusNext);
    assert_eq!(a.focus, Focus::Bodies);
    a.handle(Action::FocusPrev);
    a.handle(Action::FocusPrev);
    assert_eq!(a.focus, Focus::Timeline);
}

#[test]
fn choosing_facets_filters_with_or_within_and_across() {
    let mut a = app();
    a.handle(Action::FocusNext); // countries, sorted by count: AZ, CN, KZ first
    let az = a.countries.items.iter().position(|i| i.key == "AZ").unwrap();
    a.countries.selected = az;
    a.handle(Action::Activate);
    assert!(a.events.hits.iter().all(|h| a.timeline.event(h.entry).countries.iter().any(|c| c == "AZ")));
    let n_az = a.events.hits.len();
    let kz = a.countries.items.iter().position(|i| i.key == "KZ").unwrap();
    a.countries.selected = kz;
    a.handle(Action::Activate);
    assert!(a.events.hits.len() > n_az, "a second country widens (OR)");
    a.handle(Action::FocusNext); // bodies
    let sco = a.bodies.items.iter().position(|i| i.key == "SCO").unwrap();
    a.bodies.selected = sco;
    a.handle(Action::Activate);
    assert_eq!(a.events.hits.len(), 1, "a body narrows (AND): only the Almaty meeting has KZ or AZ and SCO");
    assert_eq!(a.filter_summary(), "@AZ @KZ #SCO");
    a.handle(Action::ClearFilters);
    assert_eq!(a.events.hits.len(), a.timeline.len());
    assert_eq!(a.filter_summary(), "");
}

#[test]
fn facet_counts_follow_the_other_filters_and_keep_every_value() {
    let mut a = app();
    let count = |pane: &FacetPane, code: &str| pane.items.iter().find(|i| i.key == code).map(|i| i.count);
    assert_eq!(count(&a.countries, "AZ"), Some(2));
    // A filter line: both panes count the events it leaves; a value with none stays, at zero.
    type_filter(&mut a, "шос");
    assert_eq!(count(&a.countries, "CN"), Some(2));
    assert_eq!(count(&a.countries, "AZ"), Some(0));
    assert_eq!(count(&a.bodies, "ITU"), Some(0));
    a.handle(Action::ClearFilters);
    // A chosen country: the bodies count the events with it, the countries stay as they were,
    // since another country would widen the answer.
    let kz = a.countries.items.iter().position(|i| i.key == "KZ").unwrap();
    a.focus = Focus::Countries;
    a.countries.selected = kz;
    a.handle(Action::Activate);
    assert_eq!(count(&a.countries, "AZ"), Some(2));
    assert_eq!(count(&a.bodies, "ITU"), Some(0));
    assert_eq!(count(&a.bodies, "SCO"), Some(1));
    assert_eq!(a.countries.items[a.countries.selected].key.code(), "KZ", "the cursor stays on its value");
}

#[test]
fn filter_line_narrows_as_you_type_and_esc_goes_back_to_the_kept_filter() {
    let mut a = app();
    type_filter(&mut a, "шос");
    assert!(a.filter.open);
    assert_eq!(a.events.hits.len(), 2, "the two SCO meetings: {:?}", titles(&a));
    a.handle(Action::AcceptFilter);
    assert!(!a.filter.open);
    assert_eq!(a.filter.text, "шос");
    // Editing, then Esc: the kept filter comes back.
    type_filter(&mut a, " казах");
    a.handle(Action::Back);
    assert_eq!((a.filter.text.as_str(), a.events.hits.len()), ("шос", 2));
    // Ctrl-W takes the last word; Ctrl-U the line.
    type_filter(&mut a, " казах");
    a.handle(Action::DeleteWord);
    assert_eq!(a.filter.text, "шос ");
    a.handle(Action::DeleteWord);
    assert_eq!(a.filter.text, "");
    assert_eq!(a.events.hits.len(), a.timeline.len());
    a.handle(Action::AcceptFilter);
    a.handle(Action::ClearFilters);
    assert_eq!(a.filter.text, "");
}

#[test]
fn moving_is_clamped_and_pages() {
    let mut a = app();
    a.handle(Action::Up);
    assert_eq!(a.events.selected, 0);
    a.handle(Action::Bottom);
    assert_eq!(a.events.selected, a.events.hits.len() - 1);
    a.handle(Action::Down);
    assert_eq!(a.events.selected, a.events.hits.len() - 1);
    a.events.page = 2;
    a.handle(Action::PageUp);
    assert_eq!(a.events.selected, a.events.hits.len() - 3);
    a.handle(Action::Top);
    assert_eq!(a.events.selected, 0);
    // Each pane pages by its own height.
    a.focus = Focus::Countries;
    a.countries.height = 4;
    a.handle(Action::PageDown);
    assert_eq!(a.countries.selected, 4);
    assert_eq!(a.events.selected, 0, "the timeline stays");
}

#[test]
fn reader_opens_scrolls_jumps_between_highlights_and_closes() {
    let mut a = app();
    a.reader.width = 60;
    let karamay = a
        .events
        .hits
        .iter()
        .position(|h| a.timeline.event(h.entry).date.map(|d| d.to_string()) == Some("2025-06-17".into()))
        .unwrap();
    a.events.selected = karamay;
    a.handle(Action::Activate);
    assert!(a.reader.full);
    let doc = laid_out(&mut a);
    assert!(doc.highlight_lines.len() >= 5);
    a.handle(Action::NextHighlight);
    assert_eq!(a.reader.highlight, Some(0));
    a.handle(Action::NextHighlight);
    assert_eq!(a.reader.highlight, Some(1));
    assert_eq!(a.reader.scroll, doc.highlight_lines[1].saturating_sub(2));
    a.handle(Action::PrevHighlight);
    a.handle(Action::PrevHighlight);
    assert_eq!(a.reader.highlight, Some(doc.highlight_lines.len() - 1), "wraps around");
    a.handle(Action::Top);
    assert_eq!(a.reader.scroll, 0);
    // The end of the text is the last screenful, not its last line alone.
    // (Ten lines high, the header folds to one line: the document is shorter.)
    a.reader.height = 10;
    let lines = laid_out(&mut a).lines.len();
    assert!(lines < doc.lines.len());
    a.handle(Action::Bottom);
    assert_eq!(a.reader.scroll, lines - 10);
    a.handle(Action::Back);
    assert!(!a.reader.full);
}

#[test]
fn overlays_toggle_and_help_swallows_movement() {
    let mut a = app();
    a.handle(Action::ToggleHelp);
    assert_eq!(a.overlay, Overlay::Help);
    a.handle(Action::Down);
    assert_eq!(a.events.selected, 0);
    assert_eq!(a.help_scroll, 1, "movement scrolls the help instead");
    a.handle(Action::Bottom);
    assert_eq!(a.help_scroll, crate::ui::panes::help::line_count() - 1);
    a.handle(Action::Back);
    assert_eq!(a.overlay, Overlay::None);
    a.handle(Action::ToggleWarnings);
    assert_eq!(a.overlay, Overlay::Warnings);
    a.handle(Action::ToggleWarnings);
    assert_eq!(a.overlay, Overlay::None);
}

#[test]
fn the_warnings_list_lets_no_key_through_to_the_panes_behind_it() {
    let mut a = app();
    a.handle(Action::ToggleWarnings);
    let (focus, chosen, full) = (a.focus, a.countries.chosen.clone(), a.reader.full);
    for action in [Action::FocusNext, Action::Activate, Action::FocusPrev, Action::Activate] {
        a.handle(action);
    }
    assert_eq!((a.focus, &a.countries.chosen, a.reader.full), (focus, &chosen, full), "nothing behind it changed");
    assert_eq!(a.overlay, Overlay::Warnings);
    a.handle(Action::Back);
    assert_eq!(a.overlay, Overlay::None);
}

#[test]
fn sort_toggle_orders_a_pane_by_name() {
    let mut a = app();
    a.handle(Action::FocusNext);
    a.handle(Action::ToggleSort);
    assert!(a.countries.by_name);
    let names: Vec<String> = a.countries.items.iter().map(|i| i.name.to_lowercase()).collect();
    let mut sorted = names.clone();
    sorted.sort();
    assert_eq!(names, sorted);
}

#[test]
fn loading_state_takes_in_a_corpus_and_keeps_the_filter() {
    let mut a = App::loading();
    type_filter(&mut a, "шос");
    assert!(a.events.hits.is_empty());
    let c = corpus::build(&Source::Embedded, &BuildOptions::default());
    a.set_corpus(Timeline::new(c.articles, c.events), c.warnings);
    assert_eq!(a.load, LoadState::Done);
    assert_eq!(a.events.hits.len(), 2);
}

#[test]
fn quit() {
    let mut a = app();
    a.handle(Action::Quit);
    assert!(a.quit);
}

#[test]
fn the_mentions_key_adds_mentioned_values_to_the_panes_and_back() {
    let article = ictdip_core::load::Article::from_text(
        "sco.txt",
        "В Ташкенте прошло совещание министров связи Узбекистана. В ШОС входят Индия, Иран и Пакистан.",
    );
    let events = ictdip_core::extract::extract(&article);
    let mut a = App::new(Timeline::new(vec![article.to_ref()], events), Vec::new());
    let before = a.countries.items.clone();
    assert_eq!(before.iter().map(|f| f.key.code()).collect::<Vec<_>>(), ["UZ"], "participants only");
    a.handle(Action::ToggleMentions);
    assert!(a.show_mentions && a.query().mentions);
    let iran = a.countries.items.iter().find(|f| f.key == "IR").expect("a mentioned country is listed");
    assert_eq!((iran.count, iran.mentioned), (1, 1));
    a.countries.chosen.insert(PaneKey::Facet(ictdip_core::timeline::Facet::Country("IR".parse().unwrap())));
    a.requery();
    assert_eq!(a.events.hits.len(), 1, "the filter takes the event that only mentions it");
    a.countries.chosen.clear();
    a.handle(Action::ToggleMentions);
    assert_eq!(a.countries.items, before);
}

#[test]
fn s_on_the_timeline_puts_the_newest_first_and_back() {
    let mut a = app();
    a.focus = Focus::Timeline;
    let dates = |a: &App| -> Vec<String> {
        a.events.hits.iter().map(|h| crate::cells::date(a.timeline.event(h.entry).date)).collect()
    };
    // The samples' dates as the timeline shows them, oldest first, then the year-less and undated.
    assert_eq!(dates(&a), ["2025-06-17", "2025-11-21", "2026-02-11", "····-02-01", "undated"]);
    a.handle(Action::ToggleSort);
    assert_eq!(dates(&a), ["2026-02-11", "2025-11-21", "2025-06-17", "····-02-01", "undated"]);
    a.handle(Action::ToggleSort);
    assert_eq!(dates(&a)[0], "2025-06-17");
}

#[test]
fn the_third_list_chooses_people_topics_and_kinds() {
    let mut a = app();
    a.focus = Focus::Values;
    assert_eq!(a.values_shown, EventFacet::People);
    let asadov = a.values.items.iter().position(|i| i.key == "Али Асадов").expect("a person of the samples");
    a.values.selected = asadov;
    a.handle(Action::Activate);
    assert_eq!(a.events.hits.len(), 1);
    assert!(a.timeline.event(a.events.hits[0].entry).people.iter().any(|p| p.name == "Али Асадов"));
    assert!(a.filter_summary().contains("Али Асадов"), "{}", a.filter_summary());

    // Kinds, counted over the events the other filters leave: the samples hold four meetings and
    // a visit.
    a.handle(Action::ClearFilters);
    a.handle(Action::CycleValues);
    assert_eq!(a.values_shown, EventFacet::Topics);
    a.handle(Action::CycleValues);
    let kinds: Vec<(String, usize)> = a.values.items.iter().map(|i| (i.name.clone(), i.count)).collect();
    assert_eq!(kinds, [("встреча".to_string(), 4), ("визит".to_string(), 1)]);
    assert_eq!(a.values.items[0].key, "meeting", "named in the dashboard's language, chosen by code");
    a.values.selected = 1;
    a.handle(Action::Activate);
    assert_eq!(a.events.hits.len(), 1);
    assert_eq!(a.values.items[1].count, 1, "a pane's own choice does not narrow its counts");
    assert_eq!(a.values.items[0].count, 4);
}

#[test]
fn pager_editor_clipboard_and_browser_requests() {
    let mut a = app();
    a.focus = Focus::Timeline;
    // The first event of the samples (Karamay, 17 June 2025) as clipboard text.
    a.handle(Action::CopyEvent);
    let Some(Outside::Copy(text)) = a.outside.take() else { panic!("a copy request") };
    assert!(text.starts_with("2025-06-17 · встреча · Karamay, CN\nCN SCO\n"), "{text}");
    a.lang = ictdip_core::registry::Lang::En;
    a.handle(Action::CopyEvent);
    let Some(Outside::Copy(text)) = a.outside.take() else { panic!("a copy request") };
    assert!(text.starts_with("2025-06-17 · meeting · Karamay, CN\nCN SCO\n"), "{text}");
    assert_eq!(a.notice.as_deref(), Some("copied the event"));

    // A bundled sample has no file of its own: its text goes to a temporary file for the pager.
    a.handle(Action::Pager);
    let Some(Outside::Pager(path)) = a.outside.take() else { panic!("a pager request") };
    let written = std::fs::read_to_string(&path).unwrap();
    assert!(written.contains("17 июня в городе Карамай"), "{written}");
    a.handle(Action::Editor);
    assert_eq!(a.outside.take(), Some(Outside::Editor(path)));

    // The samples give no address: said, and nothing asked of the terminal.
    a.handle(Action::Browse);
    assert_eq!((a.outside.take(), a.notice.as_deref()), (None, Some("this article has no address")));
    a.handle(Action::CopyUrl);
    assert_eq!(a.outside.take(), None);
}

#[test]
fn x_writes_the_events_shown_in_the_format_the_name_asks_for() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = app();
    type_filter(&mut a, "шос");
    a.handle(Action::AcceptFilter);
    a.handle(Action::ExportView);
    assert_eq!(a.export_line.as_ref().map(|l| l.text.as_str()), Some("ictdip-view.md"));
    assert!(a.typing());
    a.handle(Action::ClearLine);
    let path = dir.path().join("shown.csv");
    path.to_str().unwrap().chars().for_each(|c| a.handle(Action::Insert(c)));
    a.handle(Action::AcceptFilter);
    assert!(!a.typing());
    let csv = std::fs::read_to_string(&path).unwrap();
    // A header and the two SCO meetings, in the timeline's order.
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines.len(), 3, "{csv}");
    assert!(lines[1].contains(",2025-06-17,") && lines[2].contains(",--02-01,"), "{csv}");
    assert_eq!(a.notice, Some(format!("wrote 2 events to {}", path.display())));

    // A name with no known extension is refused, and said.
    a.handle(Action::ExportView);
    a.handle(Action::ClearLine);
    "view.txt".chars().for_each(|c| a.handle(Action::Insert(c)));
    a.handle(Action::AcceptFilter);
    assert_eq!(a.notice.as_deref(), Some("view.txt: name a file ending in .json, .jsonl, .csv or .md"));
    // Esc gives up without writing.
    a.handle(Action::ExportView);
    a.handle(Action::Back);
    assert!(a.export_line.is_none() && !a.filter.open);
}

/// The reader's document for the selected event, once its article is read.
fn laid_out(a: &mut App) -> crate::ui::panes::reader::ReaderDoc {
    a.prepare_reader();
    a.reader.wait_opened();
    a.prepare_reader();
    a.reader.doc().expect("an event is selected").clone()
}
