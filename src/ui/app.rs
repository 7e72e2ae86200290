//! The dashboard's state and how actions change it. No drawing and no terminal here, so every
//! transition is a plain unit test.

use super::action::Action;
use super::facet_pane::{counted_within, FacetPane, PaneItem, PaneKey};
use super::filter_line::FilterLine;
use super::panes::scrolled;
use super::reader_pane::ReaderPane;
use super::timeline_pane::{moved, TimelinePane};
use super::Panes;
use ictdip_core::load::{LoadOptions, LoadWarning, OtherFiles};
use ictdip_core::model::Event;
use ictdip_core::registry::Lang;
use ictdip_core::timeline::{EventFacet, Facet, Hit, Query, SortOrder, Timeline};
use ratatui::layout::Rect;
use std::collections::BTreeSet;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Focus {
    Countries,
    Bodies,
    /// The third list: people, topics or kinds.
    Values,
    Timeline,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Overlay {
    None,
    Help,
    Warnings,
}

/// Adds chosen values to what a query asks for; nothing chosen leaves it as it was (a facet no
/// token asked for stays unasked).
fn extend_asked<T: Ord>(asked: &mut Option<BTreeSet<T>>, chosen: impl Iterator<Item = T>) {
    let chosen: BTreeSet<T> = chosen.collect();
    if !chosen.is_empty() {
        asked.get_or_insert_default().extend(chosen);
    }
}

/// Where the loading stands.
#[derive(Clone, Debug, PartialEq)]
pub enum LoadState {
    Loading { done: usize, total: usize, per_second: f64 },
    Done,
}

/// Something the dashboard asks of the world outside it, carried out by the terminal's loop (the
/// state itself never touches the terminal).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outside {
    /// Show this file in `$PAGER` (or `less`), the dashboard put aside meanwhile.
    Pager(std::path::PathBuf),
    /// Open this file in `$EDITOR` (or `vi`).
    Editor(std::path::PathBuf),
    /// Put this text on the clipboard, through the terminal (OSC 52), which works over ssh too.
    Copy(String),
    /// Open this address in the browser.
    Browse(String),
}

/// A watched folder (`--watch`): the switch the watch reads, and what the last reload changed.
#[derive(Clone, Debug)]
pub struct WatchState {
    pub on: std::sync::Arc<std::sync::atomic::AtomicBool>,
    /// "+3 new · 1 removed · 2 changed", after a reload.
    pub note: String,
}

impl WatchState {
    pub fn is_on(&self) -> bool {
        self.on.load(std::sync::atomic::Ordering::Relaxed)
    }
}

pub struct App {
    pub timeline: Timeline,
    pub warnings: Vec<LoadWarning>,
    /// Files of other types the load left aside, for the status line.
    pub other_files: OtherFiles,
    pub load: LoadState,
    pub focus: Focus,
    pub overlay: Overlay,
    pub countries: FacetPane,
    pub bodies: FacetPane,
    /// The third list, and which of the events' own facets it shows (`t` cycles them).
    pub values: FacetPane,
    pub values_shown: EventFacet,
    /// The timeline pane: the filters' answer, its order and the cursor on it.
    pub events: TimelinePane,
    /// The filter line: its text is the text filter, open or not.
    pub filter: FilterLine,
    /// The reader pane: its scroll and options, and the article under it.
    pub reader: ReaderPane,
    /// The language names and words are shown in.
    pub lang: Lang,
    /// Countries and bodies the articles only mention count in the facet panes and filters too.
    pub show_mentions: bool,
    pub warnings_scroll: usize,
    /// The first line of the help overlay shown (a short terminal shows it a part at a time).
    pub help_scroll: usize,
    pub load_options: LoadOptions,
    /// Articles read so far for the body index (shown while a quoted token waits for it).
    pub indexed: usize,
    /// The watch of the folder, when `--watch` asked for one and it could start.
    pub watch: Option<WatchState>,
    /// Why `--watch` could not start.
    pub watch_error: Option<String>,
    /// What the terminal's loop is to do outside the dashboard next.
    pub outside: Option<Outside>,
    /// A short word for the status line about the last such request ("copied the event").
    pub notice: Option<String>,
    /// The file name being typed for `x` (export what the timeline shows), while it is.
    pub export_line: Option<FilterLine>,
    pub quit: bool,
}

impl App {
    pub fn new(timeline: Timeline, warnings: Vec<LoadWarning>) -> App {
        let mut app = App {
            timeline,
            warnings,
            other_files: OtherFiles::default(),
            load: LoadState::Done,
            focus: Focus::Timeline,
            overlay: Overlay::None,
            countries: FacetPane::default(),
            bodies: FacetPane::default(),
            values: FacetPane::default(),
            values_shown: EventFacet::People,
            events: TimelinePane::default(),
            filter: FilterLine::default(),
            reader: ReaderPane::default(),
            lang: Lang::default(),
            show_mentions: false,
            warnings_scroll: 0,
            help_scroll: 0,
            load_options: LoadOptions::default(),
            indexed: 0,
            watch: None,
            watch_error: None,
            outside: None,
            notice: None,
            export_line: None,
            quit: false,
        };
        app.refresh_facets();
        app.requery();
        app
    }

    /// A dashboard that is still loading: empty until [`App::set_corpus`].
    pub fn loading() -> App {
        let mut app = App::new(Timeline::new(Vec::new(), Vec::new()), Vec::new());
        app.load = LoadState::Loading { done: 0, total: 0, per_second: 0.0 };
        app
    }

    /// Takes in the folder loaded again after `touched` files changed (`--watch`), and notes what
    /// changed for the status line. Filters and the selected event stay.
    pub fn take_reload(&mut self, timeline: Timeline, warnings: Vec<LoadWarning>, touched: &[String]) {
        let before: BTreeSet<&str> = self.timeline.articles.iter().map(|a| a.rel.as_str()).collect();
        let after: BTreeSet<&str> = timeline.articles.iter().map(|a| a.rel.as_str()).collect();
        let added = after.difference(&before).count();
        let removed = before.difference(&after).count();
        let changed = touched.iter().filter(|t| before.contains(t.as_str()) && after.contains(t.as_str())).count();
        let mut parts = Vec::new();
        for (n, what) in [(added, "new"), (removed, "removed"), (changed, "changed")] {
            if n > 0 {
                parts.push(format!("{}{n} {what}", if what == "new" { "+" } else { "" }));
            }
        }
        if let Some(w) = &mut self.watch {
            w.note = parts.join(" · ");
        }
        self.set_corpus(timeline, warnings);
    }

    /// Takes in a loaded corpus (all of it, or the part loaded so far), keeping filters, the
    /// filter line and, where it is still there, the selected event.
    pub fn set_corpus(&mut self, timeline: Timeline, warnings: Vec<LoadWarning>) {
        let keep = self.selected_entry().map(|e| self.timeline.event(e).id.clone());
        self.timeline = timeline;
        // The old answers belong to the old timeline: search everything.
        self.events.forget_answers(true);
        self.reader.forget();
        self.warnings = warnings;
        self.load = LoadState::Done;
        self.refresh_facets();
        self.requery();
        if let Some(id) = keep {
            self.events.select_where(|entry| self.timeline.event(entry).id == id);
        }
    }

    /// Takes in the body index and answers the filter again (quoted tokens may now match).
    pub fn set_fulltext(&mut self, index: ictdip_core::timeline::fulltext::FullText) {
        self.timeline.set_fulltext(index);
        self.events.forget_answers(false);
        self.requery();
    }

    /// The panes' counts: over every event with no filter, else over the events the filter
    /// shows, leaving out a pane's own choices (values chosen in one pane widen its answer, so
    /// the pane counts what another choice of it would add; the other filters narrow it).
    fn refresh_facets(&mut self) {
        let q = self.query();
        if q.is_empty() {
            let countries = self.timeline.countries_with(self.show_mentions);
            let bodies = self.timeline.bodies_with(self.show_mentions);
            let countries = self.named(countries.into_iter().map(PaneItem::from).collect());
            let bodies = self.named(bodies.into_iter().map(PaneItem::from).collect());
            self.countries.set_items(countries);
            self.bodies.set_items(bodies);
            let values = self.named(self.values_within(&self.events.hits));
            self.values.set_items(values);
            return;
        }
        let without = |own_chosen: bool, clear: fn(&mut Query)| {
            own_chosen.then(|| {
                // Only counted: no ranking to compute.
                let mut other = q.clone();
                clear(&mut other);
                other.sort = SortOrder::Date;
                self.timeline.query(&other)
            })
        };
        let for_countries = without(!self.countries.chosen.is_empty(), |q| q.countries = None);
        let for_bodies = without(!self.bodies.chosen.is_empty(), |q| q.bodies = None);
        let (countries, bodies) = match (&for_countries, &for_bodies) {
            // Both panes count the answer itself (the filter line alone): one pass for both.
            (None, None) => self.timeline.facets_within(&self.events.hits, self.show_mentions),
            _ => (
                self.timeline
                    .facets_within(for_countries.as_deref().unwrap_or(&self.events.hits), self.show_mentions)
                    .0,
                self.timeline.facets_within(for_bodies.as_deref().unwrap_or(&self.events.hits), self.show_mentions).1,
            ),
        };
        let all_countries = self.timeline.countries_with(self.show_mentions);
        let all_bodies = self.timeline.bodies_with(self.show_mentions);
        let countries = self.named(counted_within(all_countries, &countries));
        let bodies = self.named(counted_within(all_bodies, &bodies));
        self.countries.set_items(countries);
        self.bodies.set_items(bodies);
        let for_values = without(!self.values.chosen.is_empty(), |q| {
            q.people.clear();
            q.topics.clear();
            q.kinds.clear();
        });
        let items = self.named(self.values_within(for_values.as_deref().unwrap_or(&self.events.hits)));
        self.values.set_items(items);
    }

    /// Names the panes' values again, after the language changed.
    pub fn refresh_names(&mut self) {
        self.refresh_facets();
    }

    /// The items with their names in the dashboard's language (people keep theirs).
    fn named(&self, mut items: Vec<PaneItem>) -> Vec<PaneItem> {
        let registry = self.timeline.registry();
        for item in &mut items {
            item.name = match &item.key {
                PaneKey::Facet(f) => registry.label(*f, self.lang),
                PaneKey::Topic(t) => registry.topic_name(t, self.lang).to_string(),
                PaneKey::Kind(k) => ictdip_core::model::Kind::parse(k)
                    .map_or(k.clone(), |k| registry.kind_name(k, self.lang).to_string()),
                PaneKey::Person(_) => continue,
            };
        }
        items
    }

    /// The third list's values among the events of `hits`.
    fn values_within(&self, hits: &[Hit]) -> Vec<PaneItem> {
        let shown = self.values_shown;
        self.timeline
            .event_facet_within(hits, shown)
            .into_iter()
            .map(|(value, count)| {
                let key = match shown {
                    EventFacet::People => PaneKey::Person(value.clone()),
                    EventFacet::Topics => PaneKey::Topic(value.clone()),
                    EventFacet::Kinds => PaneKey::Kind(value.clone()),
                };
                PaneItem { key, name: value, count, mentioned: 0 }
            })
            .collect()
    }

    /// The query the filter line and the chosen facets make together.
    pub fn query(&self) -> Query {
        let mut q = Query::parse(&self.filter.text);
        let facets = |pane: &FacetPane| -> Vec<Facet> {
            pane.chosen.iter().filter_map(|k| if let PaneKey::Facet(f) = k { Some(*f) } else { None }).collect()
        };
        extend_asked(&mut q.countries, facets(&self.countries).into_iter().filter_map(Facet::country));
        extend_asked(&mut q.bodies, facets(&self.bodies).into_iter().filter_map(Facet::body));
        for key in &self.values.chosen {
            match key {
                PaneKey::Person(name) => {
                    q.people.insert(name.clone());
                }
                PaneKey::Topic(topic) => {
                    q.topics.insert(topic.clone());
                }
                PaneKey::Kind(kind) => q.kinds.extend(ictdip_core::model::Kind::parse(kind)),
                PaneKey::Facet(_) => {}
            }
        }
        q.sort = self.events.sort();
        q.mentions = self.show_mentions;
        q
    }

    /// Asks the timeline again after a filter changed; keeps the selected event if it is still there.
    pub fn requery(&mut self) {
        let q = self.query();
        let moved_on = self.events.answer(&self.timeline, q);
        self.refresh_facets();
        if moved_on {
            self.reader.rewind();
        }
    }

    /// The timeline entry under the cursor.
    pub fn selected_entry(&self) -> Option<usize> {
        self.events.selected_entry()
    }

    fn facet_mut(&mut self) -> Option<&mut FacetPane> {
        match self.focus {
            Focus::Countries => Some(&mut self.countries),
            Focus::Bodies => Some(&mut self.bodies),
            Focus::Values => Some(&mut self.values),
            Focus::Timeline => None,
        }
    }

    /// Scrolls the reader by `delta` lines, no further than its last screenful.
    pub fn scroll_reader(&mut self, delta: isize) {
        self.prepare_reader();
        self.reader.scroll_by(delta);
    }

    /// Asks for the selected event's article (opened off the draw path: see [`ReaderPane`]),
    /// takes in what has come of it, and lays the reader's document out for the pane's size at
    /// the last layout.
    pub fn prepare_reader(&mut self) {
        let entry = self.selected_entry().map(|e| (e, self.timeline.article_index(e)));
        if let Some((_, index)) = entry {
            self.reader.want(&self.timeline, index, &self.load_options);
        }
        self.reader.take_opened();
        self.reader.lay_out(&self.timeline, entry, self.lang);
    }

    /// Fits the panes' state to a frame of `area`: the rows each list shows and its first
    /// visible row, the reader's size and its document. Drawing then only reads the state.
    pub fn prepare(&mut self, area: Rect) {
        let Some(panes) = Panes::of(area, self.reader.full, self.typing()) else { return };
        if let Some(r) = panes.timeline {
            self.events.fit(Panes::timeline_rows(r));
        }
        for (pane, rect) in
            [(&mut self.countries, panes.countries), (&mut self.bodies, panes.bodies), (&mut self.values, panes.values)]
        {
            if let Some(r) = rect {
                pane.height = Panes::inside(r).height as usize;
                pane.offset = scrolled(pane.offset, pane.selected, pane.height);
            }
        }
        if let Some(r) = panes.reader {
            let inside = Panes::inside(r);
            self.reader.width = inside.width;
            self.reader.height = inside.height as usize;
        }
        self.prepare_reader();
    }

    /// A page of the pane that moves: its own height as last drawn, not the timeline's.
    fn page_of_focus(&self) -> usize {
        let rows = if self.reader.full {
            self.reader.height
        } else {
            match self.focus {
                Focus::Countries => self.countries.height,
                Focus::Bodies => self.bodies.height,
                Focus::Values => self.values.height,
                Focus::Timeline => self.events.page,
            }
        };
        rows.max(1)
    }

    fn move_cursor(&mut self, delta: isize) {
        if self.overlay == Overlay::Warnings {
            self.warnings_scroll = moved(self.warnings_scroll, delta, self.warnings.len());
            return;
        }
        if self.reader.full {
            self.scroll_reader(delta);
            return;
        }
        if let Some(f) = self.facet_mut() {
            f.selected = moved(f.selected, delta, f.items.len());
            return;
        }
        if self.events.move_by(delta) {
            self.reader.rewind();
        }
    }

    /// Asks for the selected event's article in the pager or the editor, the event or its address
    /// on the clipboard, or its address in the browser; says why not where it cannot be done.
    fn ask_outside(&mut self, action: &Action) {
        self.notice = None;
        let Some(entry) = self.selected_entry() else { return };
        let event = self.timeline.event(entry);
        self.outside = match action {
            Action::CopyEvent => {
                self.notice = Some("copied the event".into());
                Some(Outside::Copy(crate::cells::event_as_text(event, self.lang)))
            }
            Action::CopyUrl | Action::Browse => match &event.url {
                Some(url) if *action == Action::CopyUrl => {
                    self.notice = Some("copied the address".into());
                    Some(Outside::Copy(url.clone()))
                }
                Some(url) => Some(Outside::Browse(url.clone())),
                None => {
                    self.notice = Some("this article has no address".into());
                    None
                }
            },
            _ => match self.article_file(entry) {
                Ok(path) if *action == Action::Editor => Some(Outside::Editor(path)),
                Ok(path) => Some(Outside::Pager(path)),
                Err(why) => {
                    self.notice = Some(why);
                    None
                }
            },
        };
    }

    /// A file holding the entry's article: its own file where it has one to itself, else its text
    /// written to a file of the dashboard's in the temporary directory.
    fn article_file(&mut self, entry: usize) -> Result<std::path::PathBuf, String> {
        let index = self.timeline.article_index(entry);
        if let Some(ictdip_core::load::ArticleRef { rel, origin: ictdip_core::load::Origin::File { path } }) =
            self.timeline.articles.get(index)
            && !rel.contains('#')
        {
            return Ok(path.clone());
        }
        self.reader.want(&self.timeline, index, &self.load_options);
        self.reader.wait_opened();
        let Some(Ok(opened)) = self.reader.article(index) else { return Err("the article cannot be read".into()) };
        let path = std::env::temp_dir().join(format!("ictdip-{}-article.txt", std::process::id()));
        std::fs::write(&path, &opened.article.text).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        Ok(path)
    }

    fn toggle_chosen(&mut self) {
        let Some(f) = self.facet_mut() else { return };
        let Some(key) = f.items.get(f.selected).map(|i| i.key.clone()) else { return };
        if !f.chosen.remove(&key) {
            f.chosen.insert(key);
        }
        self.requery();
    }

    fn jump_highlight(&mut self, forward: bool) {
        self.prepare_reader();
        self.reader.jump_highlight(forward);
    }

    /// Applies an editing action to the filter line, and asks the timeline again if its text
    /// changed.
    fn edit_filter(&mut self, action: &Action) {
        if self.filter.apply(action) {
            self.requery();
        }
    }

    /// True while keys are text for a line (the filter, or an export's file name).
    pub fn typing(&self) -> bool {
        self.filter.open || self.export_line.is_some()
    }

    /// Keys while the export's file name is typed: editing, Enter to write, Esc to give up.
    fn handle_export_line(&mut self, action: Action) {
        let Some(line) = &mut self.export_line else { return };
        match action {
            a if a.edits_a_line() => _ = line.apply(&a),
            Action::Back => self.export_line = None,
            Action::AcceptFilter => {
                let name = line.text.trim().to_string();
                self.export_line = None;
                self.notice = Some(match self.export_view(&name) {
                    Ok(path) => format!("wrote {} events to {}", self.events.hits.len(), path.display()),
                    Err(why) => why,
                });
            }
            Action::Quit => self.quit = true,
            _ => {}
        }
    }

    /// Writes the events the timeline shows, in its order, to the file `name` in the format its
    /// extension names; where it went, or why not.
    fn export_view(&self, name: &str) -> Result<std::path::PathBuf, String> {
        let Some(format) = crate::export::Format::of_file(name) else {
            return Err(format!("{name}: name a file ending in .json, .jsonl, .csv or .md"));
        };
        let path = std::path::absolute(name).map_err(|e| format!("{name}: {e}"))?;
        let events: Vec<&Event> = self.events.hits.iter().map(|h| self.timeline.event(h.entry)).collect();
        let write = || -> std::io::Result<()> {
            let mut out = std::io::BufWriter::new(std::fs::File::create(&path)?);
            crate::export::write_events(&events, format, &mut out)?;
            std::io::Write::flush(&mut out)
        };
        write().map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        Ok(path)
    }

    /// Applies one action to the state.
    ///
    /// Long: one arm per action, each a few lines.
    pub fn handle(&mut self, action: Action) {
        if self.export_line.is_some() {
            return self.handle_export_line(action);
        }
        match action {
            Action::Quit => self.quit = true,
            a if a.edits_a_line() || matches!(a, Action::HistoryOlder | Action::HistoryNewer) => self.edit_filter(&a),
            Action::AcceptFilter => self.filter.accept(),
            Action::Back => {
                if self.filter.open {
                    // Esc leaves the line as it was kept before it was opened.
                    self.filter.cancel();
                    self.requery();
                } else if self.overlay != Overlay::None {
                    self.overlay = Overlay::None;
                } else if self.reader.full {
                    self.reader.full = false;
                }
            }
            Action::ToggleHelp => {
                self.overlay = if self.overlay == Overlay::Help { Overlay::None } else { Overlay::Help };
                self.help_scroll = 0;
            }
            Action::ToggleWarnings => {
                self.overlay = if self.overlay == Overlay::Warnings { Overlay::None } else { Overlay::Warnings }
            }
            // The help takes its scrolling and nothing else: the panes behind it are hidden.
            Action::Up | Action::Down | Action::PageUp | Action::PageDown | Action::Top | Action::Bottom
                if self.overlay == Overlay::Help =>
            {
                let delta = match action {
                    Action::Up => -1,
                    Action::Down => 1,
                    Action::PageUp => -10,
                    Action::PageDown => 10,
                    Action::Top => isize::MIN / 2,
                    _ => isize::MAX / 2,
                };
                self.help_scroll = moved(self.help_scroll, delta, super::panes::help::line_count());
            }
            _ if self.overlay == Overlay::Help => {}
            Action::Up => self.move_cursor(-1),
            Action::Down => self.move_cursor(1),
            Action::PageUp => self.move_cursor(-(self.page_of_focus() as isize)),
            Action::PageDown => self.move_cursor(self.page_of_focus() as isize),
            Action::Top => self.move_cursor(isize::MIN / 2),
            Action::Bottom => self.move_cursor(isize::MAX / 2),
            // The warnings list takes only its scrolling (above): the panes behind it are hidden.
            _ if self.overlay == Overlay::Warnings => {}
            Action::FocusNext | Action::FocusPrev if !self.reader.full => {
                let order = [Focus::Countries, Focus::Bodies, Focus::Values, Focus::Timeline];
                let i = order.iter().position(|f| *f == self.focus).unwrap_or(3);
                let step = if action == Action::FocusNext { 1 } else { order.len() - 1 };
                self.focus = order[(i + step) % order.len()];
            }
            Action::Activate => match self.focus {
                Focus::Countries | Focus::Bodies | Focus::Values => self.toggle_chosen(),
                Focus::Timeline if !self.events.hits.is_empty() => {
                    self.reader.full = true;
                    self.reader.rewind();
                }
                Focus::Timeline => {}
            },
            Action::ClearFilters => {
                self.countries.chosen.clear();
                self.bodies.chosen.clear();
                self.values.chosen.clear();
                self.filter.clear();
                self.requery();
            }
            Action::OpenFilter => {
                self.filter.open();
                self.reader.full = false;
                self.focus = Focus::Timeline;
            }
            Action::NextHighlight => self.jump_highlight(true),
            Action::PrevHighlight => self.jump_highlight(false),
            Action::ToggleSort => {
                if let Some(f) = self.facet_mut() {
                    f.by_name = !f.by_name;
                    f.selected = 0;
                    self.refresh_facets();
                } else {
                    self.events.newest_first = !self.events.newest_first;
                    self.requery();
                }
            }
            Action::ToggleFurniture => {
                self.reader.show_furniture = !self.reader.show_furniture;
                self.reader.rewind();
            }
            Action::ToggleMentions => {
                self.show_mentions = !self.show_mentions;
                self.refresh_facets();
                self.requery();
            }
            Action::Pager | Action::Editor | Action::CopyEvent | Action::Browse | Action::CopyUrl => {
                self.ask_outside(&action);
            }
            Action::ExportView => {
                let mut line = FilterLine::default();
                line.open();
                "ictdip-view.md".chars().for_each(|c| line.insert(c));
                self.export_line = Some(line);
            }
            Action::ToggleWatch => {
                if let Some(w) = &self.watch {
                    w.on.fetch_xor(true, std::sync::atomic::Ordering::Relaxed);
                }
            }
            Action::CycleValues => {
                let all = EventFacet::ALL;
                let i = all.iter().position(|f| *f == self.values_shown).unwrap_or(0);
                self.values_shown = all[(i + 1) % all.len()];
                self.values.selected = 0;
                self.values.offset = 0;
                self.refresh_facets();
            }
            Action::ToggleRanking => {
                let ranking = &mut self.events.ranking;
                *ranking = if *ranking == SortOrder::Date { SortOrder::Score } else { SortOrder::Date };
                self.requery();
            }
            _ => {}
        }
    }

    /// A one-line summary of the active filters, for the status bar.
    pub fn filter_summary(&self) -> String {
        let mut parts: Vec<String> = Vec::new();
        parts.extend(self.countries.chosen.iter().map(|c| format!("@{}", c.code())));
        parts.extend(self.bodies.chosen.iter().map(|b| format!("#{}", b.code())));
        parts.extend(self.values.chosen.iter().map(|v| match v {
            PaneKey::Person(name) => name.clone(),
            PaneKey::Topic(topic) => format!("topic:{topic}"),
            PaneKey::Kind(kind) => format!("kind:{kind}"),
            PaneKey::Facet(f) => f.code().to_string(),
        }));
        if !self.filter.text.trim().is_empty() {
            parts.push(format!("/{}", self.filter.text.trim()));
        }
        parts.join(" ")
    }
}

#[cfg(test)]
mod tests;
