//! RSS (2.0, 0.9x and 1.0) and Atom feeds: one article per item or entry.
//!
//! - title: `title`
//! - text: `content:encoded` or `description` (RSS), `content` or `summary` (Atom), whichever is
//!   longer, its HTML reduced to text
//! - publication date: `pubDate` or `dc:date` (RSS), `published`, else `updated` (Atom), the day as
//!   written
//! - address: `link` (RSS's text, Atom's `href` of the alternate link)
//! - site: the channel's or feed's own `title`
//!
//! Items are numbered from 1 in file order, and name their articles `file#N`. A feed that stops
//! being well-formed keeps the items before the fault, with a warning naming its line.

use super::entry::{metadata_date, one_line, Entries, Entry};
use super::html;
use crate::problem::{EntryProblem, Skip};
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

/// Whether a file's name says it may be a feed (an `.xml` file may also be anything else).
pub fn is_feed_name(name: &str) -> bool {
    super::has_extension(name, &["xml", "rss", "atom"])
}

/// An item's fields as they are being read.
#[derive(Default)]
struct Item {
    title: String,
    /// The longer of the two text fields wins: `description` is often a teaser of `content:encoded`.
    texts: Vec<String>,
    dates: Vec<(u8, String)>,
    link: Option<String>,
}

/// Which field the text being read belongs to.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Field {
    Title,
    Text,
    /// A date, with its rank: the lower is taken first (`published` before `updated`).
    Date(u8),
    Link,
    /// The channel's own title: the site.
    SiteTitle,
}

/// The articles of a feed, or [`Skip::NotAFeed`] when the document is no RSS or Atom.
///
/// Long: one pass over the document's events, where each kind of event (an element opening or
/// closing, text, a reference) needs its own few lines.
pub fn feed(text: &str) -> Result<Entries, Skip> {
    let mut reader = Reader::from_str(text);
    reader.config_mut().trim_text(true);
    let mut out = Entries::default();
    // Element names from the root down.
    let mut path: Vec<String> = Vec::new();
    let mut is_feed = false;
    let mut site: Option<String> = None;
    let mut item: Option<Item> = None;
    let mut items = 0u32;
    // The field being read, and how deep its element is (markup inside it is kept as text).
    let mut field: Option<(Field, usize, String)> = None;
    loop {
        let event = match reader.read_event() {
            Ok(e) => e,
            Err(e) if is_feed => {
                let line = line_at(text, reader.error_position());
                out.problems.push(EntryProblem::BrokenXml { line, reason: e.to_string() });
                break;
            }
            Err(_) => return Err(Skip::NotAFeed),
        };
        match event {
            Event::Start(e) => {
                let name = e.name().as_ref().to_string();
                if path.is_empty() {
                    is_feed = matches!(name.as_str(), "rss" | "feed" | "rdf:RDF" | "RDF");
                    if !is_feed {
                        return Err(Skip::NotAFeed);
                    }
                }
                if let Some((_, _, buf)) = &mut field {
                    // Markup inside a field (Atom's `type="xhtml"`), kept for the HTML reader.
                    buf.push('<');
                    buf.push_str(&name);
                    buf.push('>');
                } else if matches!(name.as_str(), "item" | "entry") {
                    item = Some(Item::default());
                } else if let Some(it) = &mut item {
                    field = item_field(&name).map(|f| (f, path.len(), String::new()));
                    if name == "link" {
                        link_href(&e, it);
                    }
                } else if name == "title" && site.is_none() && matches!(parent(&path), Some("channel" | "feed")) {
                    field = Some((Field::SiteTitle, path.len(), String::new()));
                }
                path.push(name);
            }
            Event::Empty(e) => {
                let name = e.name().as_ref().to_string();
                if let Some((_, _, buf)) = &mut field {
                    buf.push('<');
                    buf.push_str(&name);
                    buf.push_str("/>");
                } else if let (Some(it), "link") = (&mut item, name.as_str()) {
                    link_href(&e, it);
                }
            }
            Event::End(_) => {
                let name = path.pop().unwrap_or_default();
                match &mut field {
                    Some((f, depth, buf)) if *depth == path.len() => {
                        let value = std::mem::take(buf);
                        let f = *f;
                        field = None;
                        if f == Field::SiteTitle {
                            site = Some(one_line(&value)).filter(|s| !s.is_empty());
                        } else if let Some(it) = &mut item {
                            add_field(it, f, value);
                        }
                    }
                    Some((_, _, buf)) => {
                        buf.push_str("</");
                        buf.push_str(&name);
                        buf.push('>');
                    }
                    None => {}
                }
                if matches!(name.as_str(), "item" | "entry") {
                    items += 1;
                    if let Some(it) = item.take() {
                        push_item(&mut out, items, it, site.as_deref());
                    }
                }
            }
            Event::Text(t) => {
                if let Some((_, _, buf)) = &mut field {
                    buf.push_str(&t.xml10_content());
                }
            }
            Event::CData(t) => {
                if let Some((_, _, buf)) = &mut field {
                    buf.push_str(&t.into_inner());
                }
            }
            Event::GeneralRef(r) => {
                if let Some((_, _, buf)) = &mut field {
                    let name = r.xml10_content();
                    match (r.resolve_char_ref(), quick_xml::escape::resolve_predefined_entity(&name)) {
                        (Ok(Some(c)), _) => buf.push(c),
                        (_, Some(s)) => buf.push_str(s),
                        // An HTML entity (`&nbsp;`) left for the HTML reader.
                        _ => {
                            buf.push('&');
                            buf.push_str(&name);
                            buf.push(';');
                        }
                    }
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if !is_feed {
        return Err(Skip::NotAFeed);
    }
    if out.entries.is_empty() && out.problems.is_empty() {
        return Err(Skip::NoText);
    }
    Ok(out)
}

fn parent(path: &[String]) -> Option<&str> {
    path.last().map(String::as_str)
}

fn item_field(name: &str) -> Option<Field> {
    Some(match name {
        "title" => Field::Title,
        "description" | "content:encoded" | "content" | "summary" => Field::Text,
        "pubDate" | "published" | "dc:date" => Field::Date(0),
        "updated" | "atom:updated" => Field::Date(1),
        "link" => Field::Link,
        _ => return None,
    })
}

/// Atom's `<link href="…"/>`: the alternate link (or one without a `rel`) is the article's.
fn link_href(e: &BytesStart, it: &mut Item) {
    let attr = |name: &str| {
        e.try_get_attribute(name)
            .ok()
            .flatten()
            .and_then(|a| a.normalized_value(quick_xml::XmlVersion::Implicit1_0).ok())
            .map(std::borrow::Cow::into_owned)
    };
    if let Some(href) = attr("href")
        && attr("rel").is_none_or(|r| r == "alternate")
        && it.link.is_none()
    {
        it.link = Some(href);
    }
}

fn add_field(it: &mut Item, f: Field, value: String) {
    match f {
        Field::Title => it.title = value,
        Field::Text => it.texts.push(value),
        Field::Date(rank) => it.dates.push((rank, value)),
        Field::Link if !value.trim().is_empty() && it.link.is_none() => it.link = Some(value.trim().to_string()),
        Field::Link | Field::SiteTitle => {}
    }
}

fn push_item(out: &mut Entries, n: u32, mut it: Item, site: Option<&str>) {
    it.dates.sort_by_key(|(rank, _)| *rank);
    let texts: Vec<String> = it.texts.iter().map(|t| html::text_of(t)).collect();
    let text = texts.into_iter().max_by_key(|t| t.trim().len()).unwrap_or_default();
    let entry = Entry {
        title: Some(one_line(&html::text_of(&it.title))).filter(|t| !t.is_empty()),
        text,
        published: it.dates.iter().find_map(|(_, d)| metadata_date(d)),
        url: it.link,
        site: site.map(str::to_string),
    };
    if entry.is_empty() {
        out.problems.push(EntryProblem::EmptyItem { item: n });
    } else {
        out.entries.push((n, entry));
    }
}

/// The line (from 1) of byte `at` in `text`.
fn line_at(text: &str, at: u64) -> u32 {
    let at = (at as usize).min(text.len());
    memchr::memchr_iter(b'\n', &text.as_bytes()[..at]).count() as u32 + 1
}
