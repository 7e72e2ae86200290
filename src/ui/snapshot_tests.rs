//! The dashboard drawn into ratatui's `TestBackend`, one snapshot per pane and state. Besides the
//! text, each snapshot lists the styled runs that carry meaning (fuzzy matches, fact highlights,
//! the selected row), so a lost highlight fails as surely as a lost word.

use crate::ui::action::Action;
use crate::ui::app::App;
use ictdip_core::corpus::{self, BuildOptions, Source};
use ictdip_core::load::{Article, LoadWarning, Skip};
use ictdip_core::timeline::Timeline;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};
use ratatui::Terminal;

fn seeds_app() -> App {
    let c = corpus::build(&Source::Embedded, &BuildOptions::default());
    App::new(Timeline::new(c.articles, c.events), c.warnings)
}

/// A name for a run's style: what it means on screen.
fn style_name(fg: Color, bg: Color, m: Modifier) -> Option<&'static str> {
    if m.contains(Modifier::REVERSED) {
        return Some("current");
    }
    if fg == Color::LightYellow && m.contains(Modifier::UNDERLINED) {
        return Some("match");
    }
    if bg == Color::Rgb(40, 60, 90) {
        return Some("selected");
    }
    Some(match fg {
        Color::LightCyan => "country",
        Color::Magenta => "body",
        Color::Green => "place",
        Color::Yellow if m.contains(Modifier::BOLD) => "person",
        Color::LightBlue => "date",
        Color::LightGreen => "chosen",
        _ => return None,
    })
}

/// The screen as text, then the styled runs (row, style, text) inside panes.
fn screen(buf: &Buffer, runs: bool) -> String {
    let area = buf.area;
    let mut out = String::new();
    let mut styled = Vec::new();
    for y in 0..area.height {
        let mut line = String::new();
        let mut run: Option<(&str, String)> = None;
        let mut skip = 0;
        for x in 0..area.width {
            let cell = &buf[(x, y)];
            if skip > 0 {
                skip -= 1;
            } else {
                line.push_str(cell.symbol());
                skip = unicode_width::UnicodeWidthStr::width(cell.symbol()).saturating_sub(1);
            }
            let is_border = "│┌┐└┘─".contains(cell.symbol());
            let name = if is_border { None } else { style_name(cell.fg, cell.bg, cell.modifier) };
            match (&mut run, name) {
                (Some((n, text)), Some(m)) if *n == m => text.push_str(cell.symbol()),
                (_, name) => {
                    if let Some((n, text)) = run.take() {
                        styled.push(format!("{y:>2} {n:<8} {}", text.trim_end()));
                    }
                    run = name.map(|n| (n, cell.symbol().to_string()));
                }
            }
        }
        if let Some((n, text)) = run.take() {
            styled.push(format!("{y:>2} {n:<8} {}", text.trim_end()));
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    if runs {
        out.push_str("---- styled runs ----\n");
        for s in styled.iter().filter(|s| !s.trim_end().ends_with("selected")) {
            out.push_str(s);
            out.push('\n');
        }
    }
    out
}

fn draw(app: &mut App, w: u16, h: u16) -> Buffer {
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    // As the dashboard's loop does, but waiting for the reader's article to be read.
    let area = ratatui::layout::Rect::new(0, 0, w, h);
    app.prepare(area);
    app.reader.wait_opened();
    app.prepare(area);
    t.draw(|f| {
        crate::ui::draw(f, app);
    })
    .unwrap();
    t.backend().buffer().clone()
}

fn snap(app: &mut App, w: u16, h: u16, runs: bool) -> String {
    screen(&draw(app, w, h), runs)
}

#[test]
fn start_screen() {
    let mut app = seeds_app();
    let s = snap(&mut app, 120, 40, false);
    assert!(s.contains("Timeline (5 of 5)"), "{s}");
    insta::assert_snapshot!(s);
}

#[test]
fn country_selected() {
    let mut app = seeds_app();
    app.handle(Action::FocusNext);
    app.countries.selected = app.countries.items.iter().position(|i| i.key == "KZ").unwrap();
    app.handle(Action::Activate);
    let s = snap(&mut app, 120, 40, true);
    assert!(s.contains("filters: @KZ"), "{s}");
    assert!(s.contains("Timeline (2 of 5)"), "{s}");
    insta::assert_snapshot!(s);
}

#[test]
fn body_selected() {
    let mut app = seeds_app();
    app.focus = crate::ui::app::Focus::Bodies;
    app.bodies.selected = app.bodies.items.iter().position(|i| i.key == "ITU").unwrap();
    app.handle(Action::Activate);
    let s = snap(&mut app, 120, 40, true);
    assert!(s.contains("filters: #ITU"), "{s}");
    assert!(s.contains("Timeline (1 of 5)"), "{s}");
    insta::assert_snapshot!(s);
}

#[test]
fn filter_typed_with_highlights() {
    let mut app = seeds_app();
    app.handle(Action::OpenFilter);
    for c in "шос".chars() {
        app.handle(Action::Insert(c));
    }
    let s = snap(&mut app, 160, 40, true);
    assert!(s.contains(" / шос▏"), "{s}");
    assert!(s.contains(" match    ШОС"), "the matched letters are highlighted: {s}");
    insta::assert_snapshot!(s);
}

#[test]
fn reader_full_width_with_highlights() {
    let mut app = seeds_app();
    app.events.selected = app
        .events
        .hits
        .iter()
        .position(|h| app.timeline.event(h.entry).place.as_ref().and_then(|p| p.city.as_deref()) == Some("Karamay"))
        .unwrap();
    app.handle(Action::Activate);
    // A frame first, as on screen: the reader reads its article for it.
    draw(&mut app, 100, 30);
    app.handle(Action::NextHighlight);
    let s = snap(&mut app, 100, 30, true);
    for run in [
        "place    Карамай",
        "body     ШОС",
        "country  Китайской Народной Республики",
        "person   Сюн Цзицзюня",
        "date     17 июня",
    ] {
        assert!(s.contains(run), "missing {run:?}: {s}");
    }
    insta::assert_snapshot!(s);
}

#[test]
fn help_overlay() {
    let mut app = seeds_app();
    app.handle(Action::ToggleHelp);
    let s = snap(&mut app, 120, 40, false);
    for b in crate::ui::action::NORMAL {
        let keys = crate::ui::action::keys_shown(b);
        assert!(s.contains(&keys) && s.contains(b.help), "help lists {keys}");
    }
    insta::assert_snapshot!(s);
}

#[test]
fn warnings_list() {
    let c = corpus::build(&Source::Embedded, &BuildOptions::default());
    let warnings =
        vec![LoadWarning::new("archive/scan.txt", Skip::Binary), LoadWarning::new("archive/empty.md", Skip::Empty)];
    let mut app = App::new(Timeline::new(c.articles, c.events), warnings);
    app.handle(Action::ToggleWarnings);
    let s = snap(&mut app, 120, 40, false);
    assert!(s.contains("archive/scan.txt: skipped: binary file, not text"), "{s}");
    assert!(s.contains("2 warnings (w)"), "{s}");
    insta::assert_snapshot!(s);
}

#[test]
fn the_status_line_counts_files_of_other_types() {
    let d = tempfile::tempdir().unwrap();
    std::fs::write(d.path().join("a.txt"), "В Баку прошла встреча министров связи 5 мая 2025 года.").unwrap();
    std::fs::write(d.path().join("scan.pdf"), "not an article").unwrap();
    let opts = BuildOptions { cache_dir: None, ..BuildOptions::default() };
    let c = corpus::build(&Source::Path(d.path().to_path_buf()), &opts);
    let mut app = App::new(Timeline::new(c.articles, c.events), c.warnings);
    app.other_files = c.other_files;
    let status = screen(&draw(&mut app, 160, 30), false);
    assert!(status.contains("1 file of other types skipped (pdf 1)"), "{status}");
}

#[test]
fn a_lead_that_opens_with_a_dateline_is_drawn_as_body_after_it() {
    let text = "Встреча в Душанбе\nДУШАНБЕ, 18.06.2025 /Агентство/. В Душанбе прошла встреча министров связи.\n";
    let article = Article::from_text("lead.txt", text);
    let events = ictdip_core::extract::extract(&article);
    let mut app = App::new(Timeline::new(vec![article.to_ref()], events), Vec::new());
    app.handle(Action::Activate);
    let buf = draw(&mut app, 120, 30);
    // The first cell of a word on screen, and its colour.
    let colour_of = |word: &str| {
        let first = word.chars().next().unwrap().to_string();
        (0..buf.area.height)
            .flat_map(|y| (0..buf.area.width).map(move |x| (x, y)))
            .find(|&(x, y)| {
                let row: String = (x..buf.area.width).map(|x| buf[(x, y)].symbol().to_string()).collect();
                buf[(x, y)].symbol() == first && row.starts_with(word)
            })
            .map(|(x, y)| buf[(x, y)].fg)
    };
    // (The dateline itself is drawn as the date's evidence here.)
    assert_eq!(colour_of("министров"), Some(Color::Reset), "the lead after the dateline is body text");
}

#[test]
fn the_filter_line_says_which_token_it_could_not_read() {
    let mut app = seeds_app();
    app.handle(Action::OpenFilter);
    for c in "@xx 2025-13".chars() {
        app.handle(Action::Insert(c));
    }
    let s = screen(&draw(&mut app, 140, 30), true);
    let line = s.lines().find(|l| l.contains(" / @xx")).unwrap_or_default();
    assert!(line.contains("not understood: @xx: no such country · 2025-13: no month 13"), "{line}");
    insta::assert_snapshot!(s);
}

#[test]
fn the_reader_says_which_highlight_n_is_on() {
    let mut app = seeds_app();
    app.handle(Action::Activate);
    let before = screen(&draw(&mut app, 120, 40), false);
    assert!(before.contains(" Reader (Esc back"), "no count before n: {before}");
    app.handle(Action::NextHighlight);
    app.handle(Action::NextHighlight);
    let after = screen(&draw(&mut app, 120, 40), false);
    let total = app.reader.doc().unwrap().highlight_lines.len();
    assert!(after.contains(&format!(" Reader (highlight 2 of {total} · Esc back")), "{after}");
    insta::assert_snapshot!(screen(&draw(&mut app, 120, 40), true));
}

#[test]
fn a_wide_timeline_gives_countries_and_bodies_room_and_names_its_columns() {
    let mut app = seeds_app();
    let wide = screen(&draw(&mut app, 200, 40), false);
    assert!(wide.contains("DATE") && wide.contains("COUNTRIES") && wide.contains("BODIES"), "{wide}");
    let row = wide.lines().find(|l| l.contains("····-02-01")).unwrap();
    assert!(row.contains("BY CN IN IR KG KZ"), "the Almaty meeting's countries at 200 columns: {row}");
    let narrow = screen(&draw(&mut app, 120, 40), false);
    let row = narrow.lines().find(|l| l.contains("····-02-01")).unwrap();
    assert!(!row.contains("BY CN IN IR KG KZ"), "at 120 they are cut: {row}");
    assert!(narrow.contains("Timeline (5 of 5) · row 1"), "the title says where the cursor is");
    insta::assert_snapshot!("timeline_at_200_columns", wide);
    insta::assert_snapshot!("timeline_at_140_columns", screen(&draw(&mut app, 140, 40), false));
}

#[test]
fn the_reader_parts_paragraphs_and_indents_wrapped_header_values() {
    let text =
        "Встреча в Ташкенте\nВ Ташкенте прошла встреча министров связи Узбекистана и Казахстана.\nСтороны обсудили \
                развитие цифровой инфраструктуры.\n";
    let article = Article::from_text("paragraphs.txt", text);
    let events = ictdip_core::extract::extract(&article);
    let mut app = App::new(Timeline::new(vec![article.to_ref()], events), Vec::new());
    app.handle(Action::Activate);
    let s = screen(&draw(&mut app, 80, 30), false);
    let lines: Vec<&str> = s.lines().collect();
    let first = lines.iter().position(|l| l.contains("В Ташкенте прошла")).unwrap();
    let second = lines.iter().position(|l| l.contains("Стороны обсудили")).unwrap();
    assert!(second > first + 1 && lines[second - 1].trim_matches(['│', ' ']).is_empty(), "a blank line between:\n{s}");
    insta::assert_snapshot!(s);
}

/// The third list cycles through people, topics and kinds (`t`), each counted over the events
/// the filter shows.
#[test]
fn people_topics_and_kinds_facets_follow_the_filter() {
    let mut app = seeds_app();
    app.focus = crate::ui::app::Focus::Countries;
    app.countries.selected = app.countries.items.iter().position(|i| i.key == "KZ").unwrap();
    app.handle(Action::Activate);
    let people = snap(&mut app, 140, 40, false);
    assert!(people.contains("People"), "{people}");
    app.handle(Action::CycleValues);
    let topics = snap(&mut app, 140, 40, false);
    assert!(topics.contains("Topics"), "{topics}");
    app.handle(Action::CycleValues);
    let kinds = snap(&mut app, 140, 40, false);
    assert!(kinds.contains("Kinds"), "{kinds}");
    // Two events with KZ: the kinds count no more than those two.
    let counts: usize = app.values.items.iter().map(|i| i.count).sum();
    assert_eq!(counts, 2, "{:?}", app.values.items);
    insta::assert_snapshot!("facet_people_after_a_filter", people);
    insta::assert_snapshot!("facet_topics_after_a_filter", topics);
    insta::assert_snapshot!("facet_kinds_after_a_filter", kinds);
}

/// With `NO_COLOR`, the selection, focus, chosen values and facts are still marked: by reverse,
/// bold and underline. The runs list every cell's attributes, colours aside.
#[test]
fn without_colours_selection_focus_and_facts_show_by_attributes() {
    crate::ui::theme::force_no_color(true);
    let mut app = seeds_app();
    app.focus = crate::ui::app::Focus::Countries;
    app.handle(Action::Activate);
    app.focus = crate::ui::app::Focus::Timeline;
    let buf = draw(&mut app, 120, 40);
    let mut runs = Vec::new();
    for y in 0..buf.area.height {
        let mut run: Option<(Modifier, String)> = None;
        for x in 0..buf.area.width {
            let cell = &buf[(x, y)];
            assert!(
                matches!(cell.fg, Color::Reset) && matches!(cell.bg, Color::Reset),
                "no colour at {x},{y}: {cell:?}"
            );
            // Borders aside: their dimming says which pane has focus, once per row.
            let modifier = if "│┌┐└┘─".contains(cell.symbol()) { Modifier::empty() } else { cell.modifier };
            match &mut run {
                Some((m, text)) if *m == modifier => text.push_str(cell.symbol()),
                _ => {
                    if let Some((m, text)) = run.take().filter(|(m, _)| !m.is_empty()) {
                        runs.push(format!("{y:>2} {m:?} {}", text.trim_end()));
                    }
                    run = Some((modifier, cell.symbol().to_string()));
                }
            }
        }
        if let Some((m, text)) = run.take().filter(|(m, _)| !m.is_empty()) {
            runs.push(format!("{y:>2} {m:?} {}", text.trim_end()));
        }
    }
    let s = format!("{}---- attribute runs ----\n{}\n", screen(&buf, false), runs.join("\n"));
    assert!(runs.iter().any(|r| r.contains("REVERSED")), "a selection shows: {s}");
    assert!(runs.iter().any(|r| r.contains("UNDERLINED")), "dates show: {s}");
    insta::assert_snapshot!(s);
}

#[test]
fn facet_panes_keep_their_titles_whole_and_name_bodies_as_russian_pages_do() {
    let mut app = seeds_app();
    app.focus = crate::ui::app::Focus::Countries;
    app.handle(Action::Activate);
    let s = screen(&draw(&mut app, 120, 40), false);
    assert!(s.contains("┌ Countries (1 chosen) ─"), "what was chosen outlasts the order in a narrow title: {s}");
    assert!(s.contains("SCO   ШОС · Шанхайск"), "the Russian abbreviation first: {s}");
    let wide = screen(&draw(&mut app, 200, 40), false);
    assert!(wide.contains("Countries (by count · 1 chosen)"), "the whole title where there is room: {wide}");
}

#[test]
fn too_small() {
    let mut app = seeds_app();
    let s = snap(&mut app, 60, 15, false);
    assert!(s.contains("Terminal too small: 60×15."), "{s}");
    insta::assert_snapshot!(s);
}

#[test]
fn cyrillic_and_cjk_title_fills_a_row_exactly() {
    // At 120 columns the title column is 37 wide: this title is exactly 37 columns, with
    // two-column CJK characters and one-column Cyrillic.
    let title = "中国哈萨克斯坦 数字合作 Пекин ИКТ ШОС";
    assert_eq!(unicode_width::UnicodeWidthStr::width(title), 37);
    let text = format!("{title}\n5 мая 2025 года в Пекине прошла встреча министров Китая и Казахстана.\n");
    let article = Article::from_text("cjk.txt", &text);
    let events = ictdip_core::extract::extract(&article);
    let mut app = App::new(Timeline::new(vec![article.to_ref()], events), Vec::new());
    let s = snap(&mut app, 120, 40, false);
    let row = s.lines().find(|l| l.contains("2025-05-05")).unwrap();
    assert!(row.contains(&format!("{title}│")), "the title ends at the border, uncut: {row}");
    insta::assert_snapshot!(s);
}

#[test]
fn narrow_terminal_keeps_titles() {
    let mut app = seeds_app();
    let s = snap(&mut app, 80, 20, false);
    let row = s.lines().find(|l| l.contains("2025-11-21")).unwrap();
    assert!(row.contains("Али Асадов провел"), "at 80 columns the title still shows: {row}");
    insta::assert_snapshot!(s);
}

/// Participants and mentions: the panes count participants; `m` adds the states a membership
/// list only names, marked `+N` and dimmed; the reader lists them on a line of their own, and a
/// date taken from the dateline is marked in the timeline and said in the reader.
#[test]
fn mentions_and_where_a_date_came_from() {
    let text =
        "Совещание ШОС в Ташкенте\nТАШКЕНТ, 20.05.2025 /Агентство/. В Ташкенте прошло совещание министров связи \
                Узбекистана и Казахстана. В ШОС входят Индия, Иран и Пакистан.\n";
    let article = Article::from_text("sco.txt", text);
    let events = ictdip_core::extract::extract(&article);
    let mut app = App::new(Timeline::new(vec![article.to_ref()], events), Vec::new());
    let s = snap(&mut app, 120, 30, false);
    assert!(!s.contains("│  IR Иран"), "mentions are not counted at first:\n{s}");
    assert!(s.contains("2025-05-20~"), "a date from the dateline is marked:\n{s}");
    app.handle(Action::ToggleMentions);
    let s = snap(&mut app, 120, 30, false);
    assert!(s.contains("Countries (count+mentions)"), "{s}");
    assert!(s.lines().any(|l| l.starts_with("│  IR Иран") && l.contains("0+1")), "a mentioned country, marked:\n{s}");
    assert!(s.contains("Mentioned IN Индия, IR Иран, PK Пакистан"), "the reader's own line:\n{s}");
    assert!(s.contains("2025-05-20 · from the dateline"), "{s}");
    insta::assert_snapshot!(s);
}

#[test]
fn the_reader_opens_one_article_of_a_file_that_holds_many() {
    let dir = tempfile::tempdir().unwrap();
    let lines = [
        r#"{"title": "Встреча в Астане", "text": "12 марта 2025 года в Астане прошла встреча министров связи Казахстана и Узбекистана."}"#,
        r#"{"title": "Форум в Бишкеке", "text": "3 апреля 2025 года в Бишкеке открылся форум по кибербезопасности.", "url": "https://example.kg/forum", "source": "Вести"}"#,
    ];
    std::fs::write(dir.path().join("news.jsonl"), lines.join("\n")).unwrap();
    let opts = BuildOptions { cache_dir: None, ..BuildOptions::default() };
    let c = corpus::build(&Source::Path(dir.path().to_path_buf()), &opts);
    let mut app = App::new(Timeline::new(c.articles, c.events), c.warnings);
    app.events.selected =
        app.events.hits.iter().position(|h| app.timeline.event(h.entry).file == "news.jsonl#2").unwrap();
    app.handle(Action::Activate);
    let s = snap(&mut app, 120, 30, false);
    assert!(s.contains("Source    news.jsonl#2, Вести, published unknown, https://example.kg/forum"), "{s}");
    assert!(s.contains("3 апреля 2025 года в Бишкеке открылся форум"), "{s}");
    assert!(!s.contains("Астане прошла"), "the other article of the file is not shown: {s}");
}

#[test]
fn the_help_scrolls_where_the_terminal_is_short() {
    let mut app = seeds_app();
    app.handle(Action::ToggleHelp);
    let top = screen(&draw(&mut app, 80, 24), false);
    assert!(top.contains("Keys (j k PgDn: more)") && top.contains("Tab Shift-Tab"), "{top}");
    assert!(!top.contains("Letters work in the Russian layout"), "{top}");
    app.handle(Action::Bottom);
    let bottom = screen(&draw(&mut app, 80, 24), false);
    assert!(bottom.contains("Letters work in the Russian layout") && !bottom.contains("Tab Shift-Tab"), "{bottom}");
}

#[test]
fn the_reader_keeps_its_layout_until_the_article_width_or_options_change() {
    let mut app = seeds_app();
    draw(&mut app, 120, 40);
    let area = ratatui::layout::Rect::new(0, 0, 120, 40);
    let first = app.reader.doc().unwrap().lines.as_ptr();
    app.prepare(area);
    assert_eq!(app.reader.doc().unwrap().lines.as_ptr(), first, "the same frame again lays nothing out");
    draw(&mut app, 140, 40);
    let wider = app.reader.doc().unwrap().lines.as_ptr();
    assert_ne!(wider, first, "another width lays the text out again");
    app.handle(Action::ToggleFurniture);
    draw(&mut app, 140, 40);
    assert_ne!(app.reader.doc().unwrap().lines.as_ptr(), wider, "so does hiding the furniture");
}

#[test]
fn names_and_words_in_english_with_lang_en() {
    let mut app = seeds_app();
    app.lang = ictdip_core::registry::Lang::En;
    app.refresh_names();
    let s = snap(&mut app, 140, 45, false);
    for english in ["AZ Azerbaijan", "SCO   Shanghai Coope", "meeting", "big data", "Karamay, China (CN)"] {
        assert!(s.contains(english), "missing {english:?}: {s}");
    }
    for russian in ["AZ Азербайджан", ", встреча,", "ШОС ·"] {
        assert!(!s.contains(russian), "{russian:?} in an English screen: {s}");
    }
    insta::assert_snapshot!(s);
}

#[test]
fn names_and_words_in_russian_with_lang_ru() {
    let mut app = seeds_app();
    app.lang = ictdip_core::registry::Lang::Ru;
    app.refresh_names();
    let s = snap(&mut app, 140, 45, false);
    for russian in ["AZ Азербайджан", "SCO   ШОС · Шанхайск", "встреча", "Баку, AZ", "большие данные", "Китай (CN)"]
    {
        assert!(s.contains(russian), "missing {russian:?}: {s}");
    }
    insta::assert_snapshot!(s);
}
