//! The reader: the selected event's facts, then its article with every found name lit in the
//! style of its fact, and site furniture dimmed (or hidden with `f`).
//!
//! Text is wrapped here rather than by the widget, so that the line of every highlight is known
//! and `n`/`N` can scroll to it exactly.

use crate::ui::app::App;
use crate::ui::reader_pane::Opened;
use crate::ui::theme;
use ictdip_core::lines_with_spans;
use ictdip_core::load::Role;
use ictdip_core::model::{DateSource, Event, Evidence, FactKind, PlaceSource};
use ictdip_core::registry::Lang;
use ictdip_core::timeline::Timeline;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

/// The reader's content, wrapped to a width.
#[derive(Clone)]
pub struct ReaderDoc {
    pub lines: Vec<Line<'static>>,
    /// For each highlight in text order, the line it starts on.
    pub highlight_lines: Vec<usize>,
}

/// One styled character, and whether a highlight starts at it.
type Cell = (char, Style, bool);

/// Greedy word wrap of styled characters into lines of at most `width` columns; lines after the
/// first start `indent` columns in (a header's values under its first value).
fn wrap(cells: &[Cell], width: usize, indent: usize, out: &mut ReaderDoc) {
    let width = width.max(1);
    let indent = if indent * 2 < width { indent } else { 0 };
    let mut start = 0;
    loop {
        let continued = start > 0;
        let width = if continued { width - indent } else { width };
        let mut used = 0;
        let mut end = start;
        let mut last_space = None;
        while end < cells.len() {
            let w = crate::cells::char_columns(cells[end].0);
            if used + w > width {
                break;
            }
            if cells[end].0 == ' ' {
                last_space = Some(end);
            }
            used += w;
            end += 1;
        }
        if end < cells.len()
            && let Some(sp) = last_space.filter(|&sp| sp > start)
        {
            end = sp + 1;
        }
        let line_no = out.lines.len();
        let mut spans: Vec<Span<'static>> = Vec::new();
        if continued && indent > 0 {
            spans.push(Span::raw(" ".repeat(indent)));
        }
        for &(c, style, starts) in &cells[start..end] {
            if starts {
                out.highlight_lines.push(line_no);
            }
            match spans.last_mut() {
                Some(s) if s.style == style => s.content.to_mut().push(c),
                _ => spans.push(Span::styled(c.to_string(), style)),
            }
        }
        out.lines.push(Line::from(spans));
        if end >= cells.len() {
            break;
        }
        start = end.max(start + 1);
    }
}

fn push_plain(doc: &mut ReaderDoc, text: &str, style: Style, width: usize) {
    let cells: Vec<Cell> = text.chars().map(|c| (c, style, false)).collect();
    wrap(&cells, width, 0, doc);
}

/// Columns of a header line's label ("Countries "): its values wrap to stand under each other.
const LABEL_WIDTH: usize = 10;

/// A header line: a label, then values each in its fact's style.
fn push_field(doc: &mut ReaderDoc, label: &str, values: Vec<(String, Style)>, width: usize) {
    let mut cells: Vec<Cell> = format!("{label:<LABEL_WIDTH$}").chars().map(|c| (c, theme::label(), false)).collect();
    for (i, (v, s)) in values.into_iter().enumerate() {
        if i > 0 {
            cells.extend(", ".chars().map(|c| (c, Style::default(), false)));
        }
        cells.extend(v.chars().map(|c| (c, s, false)));
    }
    wrap(&cells, width, LABEL_WIDTH, doc);
}

/// How a date was found, as the reader says it; nothing for a date the text states.
pub fn date_source_words(source: DateSource) -> Option<&'static str> {
    match source {
        DateSource::Stated => None,
        DateSource::Relative => Some("from a relative date"),
        DateSource::Dateline => Some("from the dateline"),
        DateSource::Published => Some("from the publication date"),
    }
}

/// How a place was found, as the reader says it; nothing for a venue the text states.
fn place_source_words(source: PlaceSource) -> Option<&'static str> {
    match source {
        PlaceSource::Stated => None,
        PlaceSource::Implied => Some("implied"),
        PlaceSource::Dateline => Some("from the dateline"),
    }
}

/// Evidence of every event of the opened article, in text order, without duplicates.
fn article_evidence(opened: &Opened) -> Vec<Evidence> {
    let mut ev: Vec<Evidence> = opened.events.iter().flat_map(|e| e.evidence.iter().cloned()).collect();
    ev.sort_by_key(|e| (e.start, e.end));
    ev.dedup_by(|a, b| a.start == b.start && a.end == b.end);
    ev
}

/// How the reader lays its document out: what changes the lines it shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DocOptions {
    /// Columns to wrap to.
    pub width: u16,
    pub show_furniture: bool,
    /// The highlight `n`/`N` is on.
    pub current: Option<usize>,
    /// A reader only a few lines high: the header is one line (date, kind, place, countries and
    /// bodies).
    pub compact: bool,
    pub lang: Lang,
}

/// The reader's lines for an entry: its facts from the timeline, then the opened article's text
/// (or why it could not be opened).
///
/// Long: one block per header field, in the order the reader shows them; apart, the order and
/// the shared wrapping would be spread over as many functions.
pub fn layout(t: &Timeline, entry: usize, opened: Option<Result<&Opened, &String>>, o: DocOptions) -> ReaderDoc {
    let DocOptions { width, show_furniture, current, compact, lang } = o;
    let registry = t.registry();
    let width = width as usize;
    let mut doc = ReaderDoc { lines: Vec::new(), highlight_lines: Vec::new() };
    let e = t.event(entry);
    let style = theme::fact;
    let date_only = crate::cells::date(e.date);
    let date = match e.date.and(e.date_source).and_then(date_source_words) {
        Some(source) => format!("{date_only} · {source}"),
        None => date_only.clone(),
    };
    let kind = registry.kind_name(e.kind, lang).to_string();
    let mut first = vec![(date, style(FactKind::Date)), (kind.clone(), Style::default())];
    if let Some(p) = &e.place {
        let country = format!("{} ({})", registry.country_name(p.country, lang), p.country);
        match &p.city {
            Some(city) => {
                first.push((format!("{}, {country}", registry.city_name(city, lang)), style(FactKind::Place)));
            }
            None => first.push((country, style(FactKind::Place))),
        }
        if let (Some(source), Some(place)) = (e.place_source.and_then(place_source_words), first.last_mut()) {
            place.0 = format!("{} · {source}", place.0);
        }
    }
    if !e.primary {
        first.push(("secondary event".into(), theme::dim()));
    }
    if compact {
        // The place as the timeline writes it, and the codes alone: short enough for one line.
        let mut line = vec![(date_only, style(FactKind::Date)), (kind, Style::default())];
        line.extend(e.place.as_ref().map(|_| (crate::cells::place(e, lang), style(FactKind::Place))));
        let codes = crate::cells::codes(&e.countries, " ") + " " + &crate::cells::codes(&e.orgs, " ");
        if !codes.trim().is_empty() {
            line.push((codes.trim().to_string(), style(FactKind::Country)));
        }
        push_field(&mut doc, "Event", line, width);
        doc.lines.truncate(1);
    } else {
        push_header(&mut doc, t, e, first, width, lang);
    }
    push_plain(&mut doc, &"─".repeat(width), theme::dim(), width);
    push_body(&mut doc, opened, width, show_furniture, current);
    doc
}

/// The full header: the event's line, then its participants, mentions, people, topics and source,
/// a field a line.
fn push_header(doc: &mut ReaderDoc, t: &Timeline, e: &Event, first: Vec<(String, Style)>, width: usize, lang: Lang) {
    let registry = t.registry();
    let style = theme::fact;
    push_field(doc, "Event", first, width);
    let countries = e
        .countries
        .iter()
        .map(|&c| (format!("{c} {}", registry.country_name(c, lang)), style(FactKind::Country)))
        .collect();
    push_field(doc, "Countries", countries, width);
    let bodies =
        e.orgs.iter().map(|&b| (format!("{b} {}", registry.body_name(b, lang)), style(FactKind::Body))).collect();
    push_field(doc, "Bodies", bodies, width);
    // Named by the article but not taking part: on a line of their own, so that the lines above
    // are the participants alone.
    let mentioned: Vec<(String, Style)> = e
        .mentioned
        .countries
        .iter()
        .map(|&c| format!("{c} {}", registry.country_name(c, lang)))
        .chain(e.mentioned.orgs.iter().map(std::string::ToString::to_string))
        .map(|v| (v, theme::dim()))
        .collect();
    if !mentioned.is_empty() {
        push_field(doc, "Mentioned", mentioned, width);
    }
    let people = e
        .people
        .iter()
        .map(|p| {
            let role = p.role.as_ref().map(|r| format!(" — {r}")).unwrap_or_default();
            (format!("{}{role}", p.name), style(FactKind::Person))
        })
        .collect();
    push_field(doc, "People", people, width);
    let topics = e.topics.iter().map(|x| (registry.topic_name(x, lang).to_string(), Style::default())).collect();
    push_field(doc, "Topics", topics, width);
    let published = e.published.map_or("unknown".to_string(), |d| d.to_string());
    // The site and the address, where the source named them (a page's metadata, a feed, JSON).
    let mut source = vec![(e.file.to_string(), Style::default())];
    source.extend(e.site.iter().map(|s| (s.clone(), Style::default())));
    source.push((format!("published {published}"), theme::dim()));
    source.extend(e.url.iter().map(|u| (u.clone(), theme::dim())));
    push_field(doc, "Source", source, width);
}

/// The opened article's text, its facts highlighted (or why it could not be opened).
fn push_body(
    doc: &mut ReaderDoc,
    opened: Option<Result<&Opened, &String>>,
    width: usize,
    show_furniture: bool,
    current: Option<usize>,
) {
    let opened = match opened {
        Some(Ok(o)) => o,
        Some(Err(why)) => {
            push_plain(doc, &format!("Cannot open the article: {why}"), theme::warning(), width);
            return;
        }
        None => {
            push_plain(doc, "(the article text is not available)", theme::dim(), width);
            return;
        }
    };
    let article = &opened.article;
    let evidence = article_evidence(opened);
    let mut next_ev = 0;
    let mut ev_index = 0;
    // Two paragraphs the source puts on adjacent lines get a blank line between them, as the
    // source's own blank lines give: where the line before ends a sentence (a hard-wrapped
    // paragraph's lines do not), and not between the items of a list.
    let mut after_sentence = false;
    for (start, line) in lines_with_spans(&article.text) {
        let role = article.structure.role_at(start);
        let hidden = matches!(role, Role::Furniture | Role::TitleRepeat);
        if hidden && !show_furniture {
            continue;
        }
        let text = line.trim();
        let bullet = text.starts_with(ictdip_core::load::BULLET);
        if !text.is_empty() && after_sentence && role == Role::Body && !bullet {
            doc.lines.push(Line::raw(""));
        }
        after_sentence = !bullet && text.trim_end_matches(['»', '"', '”', ')']).ends_with(['.', '!', '?', '…']);
        let style_of = |role: Role| match role {
            Role::Furniture | Role::TitleRepeat | Role::Meta | Role::Dateline => theme::dim(),
            Role::Title => theme::label(),
            Role::Body => Style::default(),
        };
        // A line may hold two parts: a dateline or metadata prefix, then the lead's body text,
        // each drawn as what it is.
        let first_part_end = article.structure.sections.iter().find(|(_, s)| s.contains(&start)).map(|(_, s)| s.end);
        let rest = first_part_end
            .filter(|&end| end < start + line.len())
            .map(|end| (end, style_of(article.structure.role_at(end))));
        let mut cells: Vec<Cell> = Vec::with_capacity(line.len());
        for (off, c) in line.char_indices() {
            let at = start + off;
            let base = match rest {
                Some((end, style)) if at >= end => style,
                _ => style_of(role),
            };
            while next_ev < evidence.len() && evidence[next_ev].end <= at {
                next_ev += 1;
            }
            let ev = evidence.get(next_ev).filter(|e| e.start <= at && at < e.end);
            let (style, starts) = match ev {
                Some(ev) => {
                    let starts = ev.start == at;
                    if starts {
                        ev_index += 1;
                    }
                    let mut s = base.patch(theme::fact(ev.kind));
                    if current == Some(ev_index - 1) {
                        s = s.patch(theme::current());
                    }
                    (s, starts)
                }
                None => (base, false),
            };
            cells.push((c, style, starts));
        }
        wrap(&cells, width, 0, doc);
    }
}

pub fn draw(f: &mut Frame, area: Rect, app: &App, focused: bool) {
    let reader = &app.reader;
    let doc = app.selected_entry().and(reader.doc());
    let at = match (reader.highlight, doc) {
        (Some(h), Some(doc)) => format!("highlight {} of {} · ", h + 1, doc.highlight_lines.len()),
        _ => String::new(),
    };
    // The frame's title says where `n`/`N` stands among the highlights ("highlight 3 of 25"), and
    // that the article is still being read.
    let opening = if reader.opening() { "reading the article… · " } else { "" };
    let title = if reader.full {
        format!(" Reader ({opening}{at}Esc back · n/N highlights · f furniture) ")
    } else if at.is_empty() && opening.is_empty() {
        " Reader ".to_string()
    } else {
        format!(" Reader ({}) ", format!("{opening}{at}").trim_end_matches(" · "))
    };
    let inner = super::framed(f, area, &title, focused);
    let Some(doc) = doc else {
        f.render_widget(Paragraph::new(Line::styled("  Select an event to read it.", theme::dim())), inner);
        return;
    };
    let visible: Vec<Line> = doc.lines.iter().skip(reader.scroll).take(inner.height as usize).cloned().collect();
    f.render_widget(Paragraph::new(visible), inner);
}
