//! HTML to text: markup inside JSON and feed fields, and whole pages.
//!
//! A page is decoded by its BOM, else the encoding its `<meta charset>` or `http-equiv`
//! declaration names, else the one the bytes show (see `decode`). Its main text is what
//! Mozilla's Readability rules keep (navigation, scripts, styles, share widgets and related lists
//! go); its head is read from the page's metadata:
//!
//! - title: `og:title`, else the first `<h1>`, else `<title>`, less a site suffix (` — Site`)
//! - publication date: `article:published_time`, JSON-LD `datePublished`, `<time datetime>`,
//!   `<meta name="date">`
//! - address: `<link rel="canonical">`, else `og:url`
//! - site: `og:site_name`

use super::decode;
use super::entry::{metadata_date, one_line, Entry};
use crate::problem::Skip;
use dom_query::Document;
use encoding_rs::Encoding;
use std::sync::OnceLock;

/// The text of `s`: its markup reduced when it holds any (tags or character references), blocks
/// and line breaks as lines, scripts and styles dropped; plain text as it is.
pub fn text_of(s: &str) -> String {
    if !looks_like_markup(s) {
        return s.to_string();
    }
    let doc = dom_query::Document::fragment(s);
    doc.select("script, style, noscript, template").remove();
    doc.formatted_text().to_string()
}

/// A tag (`<p`, `</p`, `<br/>`, `<!--`) or a character reference (`&amp;`, `&#171;`).
fn looks_like_markup(s: &str) -> bool {
    let b = s.as_bytes();
    memchr::memchr2_iter(b'<', b'&', b).any(|i| match (b[i], b.get(i + 1)) {
        (b'<', Some(c)) => c.is_ascii_alphabetic() || matches!(c, b'/' | b'!'),
        (b'&', Some(b'#')) => true,
        (b'&', Some(c)) if c.is_ascii_alphabetic() => {
            b[i + 1..].iter().take(10).position(|&c| !c.is_ascii_alphanumeric()).is_some_and(|p| b[i + 1 + p] == b';')
        }
        _ => false,
    })
}

/// Whether a file's name says it is an HTML page.
pub fn is_html_name(name: &str) -> bool {
    super::has_extension(name, &["html", "htm", "xhtml"])
}

/// A page's bytes as text, and the name of their encoding.
pub fn decode_page(bytes: Vec<u8>) -> Result<decode::Decoded, Skip> {
    // A declared UTF-8 is left to the detection, which takes valid UTF-8 as it is and reads bytes
    // that are not (a page saved again in a legacy encoding, its declaration kept) by what they
    // show.
    if Encoding::for_bom(&bytes).is_none()
        && let Some(enc) = declared_encoding(&bytes).filter(|&e| e != encoding_rs::UTF_8)
    {
        if bytes.iter().all(u8::is_ascii_whitespace) {
            return Err(Skip::Empty);
        }
        if memchr::memchr(0, &bytes).is_some() {
            return Err(Skip::Binary);
        }
        let (text, _) = enc.decode_without_bom_handling(&bytes);
        return Ok(decode::Decoded { text: text.into_owned(), encoding: enc.name() });
    }
    super::decode_bytes(bytes)
}

/// The encoding a page declares in its first kilobytes (`<meta charset="…">` or
/// `<meta http-equiv="Content-Type" content="text/html; charset=…">`), as browsers look for it,
/// or an XML declaration's (`<?xml version="1.0" encoding="windows-1251"?>`, XHTML and feeds).
/// A declared UTF-16 is read as UTF-8, as browsers do: a page that reached the declaration in an
/// ASCII-compatible encoding is not UTF-16.
fn declared_encoding(bytes: &[u8]) -> Option<&'static Encoding> {
    static META: OnceLock<regex::bytes::Regex> = OnceLock::new();
    let meta = META.get_or_init(|| {
        regex::bytes::Regex::new(concat!(
            r#"(?i-u)<meta\s[^>]*?charset\s*=\s*["']?\s*([a-z0-9_:.\-]+)"#,
            r#"|^(?:\xEF\xBB\xBF)?\s*<\?xml\s[^>]*?encoding\s*=\s*["']([a-z0-9_:.\-]+)"#
        ))
        .expect("charset pattern")
    });
    let head = &bytes[..bytes.len().min(4096)];
    let found = meta.captures(head)?;
    let label = found.get(1).or_else(|| found.get(2))?.as_bytes();
    let enc = Encoding::for_label(label)?;
    Some(if enc == encoding_rs::UTF_16LE || enc == encoding_rs::UTF_16BE { encoding_rs::UTF_8 } else { enc })
}

/// `html` without the contents of what is never article text, emptied before parsing because
/// parsing and Readability's scoring walk every character of it:
///
/// - scripts and style sheets, which the tokenizer reads a character at a time (JSON-LD blocks
///   stay: the publication date may be there);
/// - navigation, asides and footers: Readability's own cleaning drops asides and footers from
///   what it keeps, and navigation is menus; on a news page they are the related-articles lists,
///   share bars and the site's links, often as long as the article.
///
/// An element left open to the end of the page is left to the parser, so a broken page loses
/// nothing it would otherwise show.
fn without_code(html: &str) -> std::borrow::Cow<'_, str> {
    const RAW: [&str; 2] = ["script", "style"];
    const NESTED: [&str; 3] = ["nav", "aside", "footer"];
    let bytes = html.as_bytes();
    let mut out: Option<String> = None;
    let mut copied = 0;
    let mut at = 0;
    while let Some(found) = memchr::memchr(b'<', &bytes[at..]) {
        let open = at + found;
        at = open + 1;
        let Some(tag) = RAW.into_iter().chain(NESTED).find(|t| tag_at(bytes, open + 1, t)) else { continue };
        let Some(open_end) = memchr::memchr(b'>', &bytes[open..]).map(|i| open + i + 1) else { break };
        let close_at = if RAW.contains(&tag) {
            if html[open..open_end].to_ascii_lowercase().contains("ld+json") {
                continue;
            }
            find_ascii_case_insensitive(&bytes[open_end..], format!("</{tag}").as_bytes()).map(|i| open_end + i)
        } else {
            matching_close(bytes, open_end, tag)
        };
        let Some(close_at) = close_at else { break };
        let o = out.get_or_insert_with(|| String::with_capacity(html.len()));
        o.push_str(&html[copied..open_end]);
        copied = close_at;
        at = close_at;
    }
    match out {
        Some(mut o) => {
            o.push_str(&html[copied..]);
            std::borrow::Cow::Owned(o)
        }
        None => std::borrow::Cow::Borrowed(html),
    }
}

/// Whether the tag `name` (any case) starts at `at`, a whole name (`<nav>`, `<nav class=`, not
/// `<navbar`).
fn tag_at(bytes: &[u8], at: usize, name: &str) -> bool {
    bytes.get(at..at + name.len()).is_some_and(|b| b.eq_ignore_ascii_case(name.as_bytes()))
        && bytes.get(at + name.len()).is_some_and(|b| matches!(b, b'>' | b' ' | b'\t' | b'\n' | b'\r' | b'/'))
}

/// Where the `</name` that closes an element opened just before `from` stands, counting the
/// same elements opened inside it.
fn matching_close(bytes: &[u8], from: usize, name: &str) -> Option<usize> {
    let mut depth = 1;
    let mut at = from;
    while let Some(found) = memchr::memchr(b'<', &bytes[at..]) {
        let lt = at + found;
        at = lt + 1;
        if bytes.get(lt + 1) == Some(&b'/') && tag_at(bytes, lt + 2, name) {
            depth -= 1;
            if depth == 0 {
                return Some(lt);
            }
        } else if tag_at(bytes, lt + 1, name) {
            depth += 1;
        }
    }
    None
}

/// Where `needle` (ASCII) first stands in `haystack`, in any case.
fn find_ascii_case_insensitive(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    let first = needle[0];
    let mut at = 0;
    while let Some(i) = memchr::memchr2(first.to_ascii_lowercase(), first.to_ascii_uppercase(), &haystack[at..]) {
        let start = at + i;
        if haystack.get(start..start + needle.len()).is_some_and(|w| w.eq_ignore_ascii_case(needle)) {
            return Some(start);
        }
        at = start + 1;
    }
    None
}

/// The article of a page: its head from the metadata, its body from the main text.
pub fn page(html: &str) -> Result<Entry, Skip> {
    let html = &*without_code(html);
    let doc = Document::from(html);
    let head = Metadata::read(&doc);
    let site = head.meta("og:site_name");
    let title = head
        .meta("og:title")
        .or_else(|| head.h1.clone())
        .or_else(|| head.title.clone())
        .map(|t| without_site_suffix(&one_line(&t), site.as_deref()));
    let published = head
        .meta("article:published_time")
        .and_then(|d| metadata_date(&d))
        .or_else(|| head.json_ld.iter().find_map(|s| json_ld_published(s)))
        .or(head.time)
        .or_else(|| head.meta("date").and_then(|d| metadata_date(&d)));
    let url = head.canonical.clone().or_else(|| head.meta("og:url"));
    let text = main_text(doc, html);
    let entry = Entry { title, text, published, url, site };
    if entry.text.trim().is_empty() {
        return Err(Skip::NoText);
    }
    Ok(entry)
}

/// What the head of an article is read from, gathered in one walk over the page's elements
/// (a selector for each would be compiled and run over the whole page, for every page).
#[derive(Default)]
struct Metadata {
    /// `<meta property|name=KEY content=...>` for the keys read, the first non-empty of each.
    metas: Vec<(&'static str, String)>,
    h1: Option<String>,
    title: Option<String>,
    /// The first `<time datetime>` that reads as a date.
    time: Option<crate::model::EventDate>,
    /// `<link rel="canonical" href>`.
    canonical: Option<String>,
    /// The text of each JSON-LD block.
    json_ld: Vec<String>,
}

impl Metadata {
    const KEYS: [&'static str; 5] = ["og:site_name", "og:title", "og:url", "article:published_time", "date"];

    fn read(doc: &Document) -> Metadata {
        let mut head = Metadata::default();
        fn trimmed<T: std::ops::Deref<Target = str>>(v: Option<T>) -> Option<String> {
            v.map(|v| v.trim().to_string()).filter(|v| !v.is_empty())
        }
        for node in doc.root().descendants_it() {
            let Some(name) = node.node_name() else { continue };
            match &*name {
                "meta" => {
                    // A key in `property` (Open Graph) or in `name`; the first non-empty wins.
                    for attr in ["property", "name"] {
                        let key = node.attr(attr).and_then(|k| Self::KEYS.into_iter().find(|known| **known == *k));
                        if let Some(key) = key.filter(|k| head.meta(k).is_none()) {
                            head.metas.extend(trimmed(node.attr("content")).map(|c| (key, c)));
                        }
                    }
                }
                "h1" if head.h1.is_none() => head.h1 = Some(one_line(&node.text())).filter(|t| !t.is_empty()),
                "title" if head.title.is_none() => head.title = Some(one_line(&node.text())).filter(|t| !t.is_empty()),
                "time" if head.time.is_none() => head.time = node.attr("datetime").and_then(|d| metadata_date(&d)),
                "link" if head.canonical.is_none() && node.attr("rel").is_some_and(|r| &*r == "canonical") => {
                    head.canonical = trimmed(node.attr("href"));
                }
                "script" if node.attr("type").is_some_and(|t| &*t == "application/ld+json") => {
                    head.json_ld.push(node.text().to_string());
                }
                _ => {}
            }
        }
        head
    }

    fn meta(&self, key: &str) -> Option<String> {
        self.metas.iter().find(|(k, _)| *k == key).map(|(_, v)| v.clone())
    }
}

/// The page's main text by Readability's rules, its blocks as paragraphs; the whole body's text
/// when they find none (a page of one short paragraph).
///
/// One pass with Readability's strictest rules first: it works on the page as parsed, where the
/// full procedure copies the whole page before each of its passes, and most pages need no more.
/// Only a page where that pass finds less than a short article's text goes through the full
/// procedure, on the page parsed again.
fn main_text(doc: Document, html: &str) -> String {
    const ENOUGH: usize = 250;
    let config = || dom_smoothie::Config {
        text_mode: dom_smoothie::TextMode::Formatted,
        // A news brief is often shorter than Readability's 500 characters.
        char_threshold: ENOUGH,
        // The page's JSON-LD is read here for what the loader needs (the publication date).
        disable_json_ld: true,
        ..Default::default()
    };
    let text = |read: Result<dom_smoothie::Article, dom_smoothie::ReadabilityError>| {
        read.ok().map(|a| a.text_content.to_string()).filter(|t| !t.trim().is_empty())
    };
    let strict = dom_smoothie::Readability::with_document(doc, None, Some(config()))
        .and_then(|mut r| r.parse_with_policy(dom_smoothie::ParsePolicy::Strict));
    if let Some(t) = text(strict).filter(|t| t.chars().count() >= ENOUGH) {
        return t;
    }
    let doc = Document::from(html);
    if let Some(t) =
        text(dom_smoothie::Readability::with_document(doc.clone(), None, Some(config())).and_then(|mut r| r.parse()))
    {
        return t;
    }
    let body = doc.select("body");
    body.select("script, style, noscript, template, nav, header, footer, aside, form").remove();
    body.formatted_text().to_string()
}

/// `datePublished` of a JSON-LD block, at any depth (`@graph`, an array of things).
fn json_ld_published(block: &str) -> Option<crate::model::EventDate> {
    fn find(v: &serde_json::Value) -> Option<crate::model::EventDate> {
        match v {
            serde_json::Value::Object(o) => o
                .get("datePublished")
                .and_then(serde_json::Value::as_str)
                .and_then(metadata_date)
                .or_else(|| o.values().find_map(find)),
            serde_json::Value::Array(a) => a.iter().find_map(find),
            _ => None,
        }
    }
    serde_json::from_str::<serde_json::Value>(block.trim()).ok().as_ref().and_then(find)
}

/// A title less the site's name after it (`Встреча министров — РИА Новости`,
/// `Встреча министров | Site`): the last part after a separator, when it is the site's name or
/// a few words against a longer headline.
fn without_site_suffix(title: &str, site: Option<&str>) -> String {
    for sep in [" — ", " – ", " | ", " - ", " :: ", " · "] {
        if let Some((head, tail)) = title.rsplit_once(sep) {
            let is_site = site.is_some_and(|s| tail.trim().eq_ignore_ascii_case(s.trim()) || tail.trim() == s.trim());
            let short = tail.split_whitespace().count() <= 3 && head.chars().count() > 2 * tail.chars().count();
            if !head.trim().is_empty() && (is_site || short) {
                return head.trim().to_string();
            }
        }
    }
    title.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_in_a_field_becomes_lines_of_text() {
        let t =
            text_of("<p>Министры &laquo;цифры&raquo; встретились.</p><script>var x=1;</script><p>Второй<br>абзац.</p>");
        let lines: Vec<&str> = t.lines().filter(|l| !l.trim().is_empty()).collect();
        assert_eq!(lines, ["Министры «цифры» встретились.", "Второй", "абзац."]);
        assert_eq!(text_of("A & B < C"), "A & B < C", "plain text is left as it is");
        assert_eq!(text_of("AT&amp;T"), "AT&T");
    }

    #[test]
    fn scripts_and_styles_are_emptied_before_parsing_and_json_ld_stays() {
        let page = "<html><head><STYLE>p{color:red}</STYLE><script>var a = '<p>no</p>';</script>\
                    <script type=\"application/ld+json\">{\"datePublished\":\"2025-05-12\"}</script></head>\
                    <body><p>Текст</p><script src=x></script></body></html>";
        assert_eq!(
            without_code(page),
            "<html><head><STYLE></STYLE><script></script>\
             <script type=\"application/ld+json\">{\"datePublished\":\"2025-05-12\"}</script></head>\
             <body><p>Текст</p><script src=x></script></body></html>"
        );
        assert!(matches!(without_code("<p>no code</p>"), std::borrow::Cow::Borrowed(_)));
        assert_eq!(without_code("<script>never closed"), "<script>never closed", "left to the parser");
    }

    #[test]
    fn navigation_asides_and_footers_are_emptied_counting_nested_ones() {
        let page = "<body><NAV class=top><ul><li><nav>inner</nav></li></ul>after inner</NAV>\
                    <navbar>kept</navbar><article><p>Текст</p></article>\
                    <aside><p>Читайте также</p></aside><footer><p>©</p></footer></body>";
        assert_eq!(
            without_code(page),
            "<body><NAV class=top></NAV><navbar>kept</navbar><article><p>Текст</p></article>\
             <aside></aside><footer></footer></body>"
        );
        assert_eq!(without_code("<p>a</p><aside><p>never closed"), "<p>a</p><aside><p>never closed");
    }

    #[test]
    fn a_site_suffix_goes_and_a_headline_of_parts_stays() {
        assert_eq!(
            without_site_suffix("Встреча министров связи в Ташкенте — Вести", None),
            "Встреча министров связи в Ташкенте"
        );
        assert_eq!(
            without_site_suffix("Встреча министров | Новости Узбекистана", Some("Новости Узбекистана")),
            "Встреча министров"
        );
        assert_eq!(
            without_site_suffix("Ташкент – Астана: новые цифровые коридоры", None),
            "Ташкент – Астана: новые цифровые коридоры"
        );
    }

    #[test]
    fn the_declared_encoding_is_found_in_either_form() {
        let http_equiv = br#"<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251">"#;
        assert_eq!(declared_encoding(http_equiv), Some(encoding_rs::WINDOWS_1251));
        assert_eq!(declared_encoding(b"<meta charset='koi8-r'>"), Some(encoding_rs::KOI8_R));
        assert_eq!(declared_encoding(b"<meta charset=utf-16>"), Some(encoding_rs::UTF_8));
        assert_eq!(declared_encoding(b"<p>charset=koi8-r</p>"), None);
        let xml = b"<?xml version=\"1.0\" encoding=\"windows-1251\"?>\n<rss version=\"2.0\">";
        assert_eq!(declared_encoding(xml), Some(encoding_rs::WINDOWS_1251));
        assert_eq!(declared_encoding(b"<rss><?xml encoding='koi8-r'?>"), None, "only at the start");
    }
}
