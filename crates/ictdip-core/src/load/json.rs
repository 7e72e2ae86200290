//! Articles in JSON Lines (one object a line) and JSON (an array of objects, one object, or an
//! object holding an `articles` or `items` array), read by their common field names:
//!
//! - title: `title`, `headline`
//! - text: `text`, `body`, `content`, `articleBody`, else `description`, `summary`
//! - publication date: `date`, `published`, `pubDate`, `datePublished`, `published_at`
//! - address: `url`, `link`
//! - site: `source`, `site` (a string, or an object with a `name`)
//!
//! HTML in a text field is reduced to its text. Each object is one article, named by its line in
//! JSON Lines and by its place in the array (from 1) in JSON, where several may share a line; an
//! object that cannot be read is reported by its line and the others are read.

use super::entry::{metadata_date, one_line, Entries, Entry};
use super::html;
use crate::problem::{EntryProblem, Skip};
use serde_json::value::RawValue;
use serde_json::{Map, Value};

const TITLE: [&str; 2] = ["title", "headline"];
const TEXT: [&str; 6] = ["text", "body", "content", "articleBody", "description", "summary"];
const DATE: [&str; 5] = ["date", "published", "pubDate", "datePublished", "published_at"];
const URL: [&str; 2] = ["url", "link"];
const SITE: [&str; 2] = ["source", "site"];

/// Whether a file's name says it is JSON Lines.
pub fn is_json_lines(name: &str) -> bool {
    super::has_extension(name, &["jsonl", "ndjson"])
}

/// The articles of a JSON Lines file: one object a line, blank lines passed over.
pub fn json_lines(text: &str) -> Result<Entries, Skip> {
    let mut out = Entries::default();
    for (i, line) in text.lines().enumerate() {
        let line_no = i as u32 + 1;
        if line.trim().is_empty() {
            continue;
        }
        match serde_json::from_str::<Value>(line) {
            Ok(v) => out.push(line_no, line_no, &v),
            Err(e) => out.problems.push(EntryProblem::NotJson { line: line_no, reason: reason(&e) }),
        }
    }
    out.no_articles_is_a_skip()
}

/// The articles of a JSON document. A document that does not parse as one value but whose lines
/// do is read as JSON Lines, which files named `.json` often are.
pub fn json(text: &str) -> Result<Entries, Skip> {
    let items: Vec<&RawValue> = match serde_json::from_str::<&RawValue>(text) {
        Ok(doc) => match serde_json::from_str::<Vec<&RawValue>>(doc.get()) {
            Ok(items) => items,
            Err(_) => vec![doc],
        },
        Err(e) => {
            let lines = json_lines(text);
            if lines.as_ref().is_ok_and(|l| !l.entries.is_empty() && l.problems.is_empty()) {
                return lines;
            }
            let line = e.line() as u32;
            return Ok(Entries {
                entries: Vec::new(),
                problems: vec![EntryProblem::NotJson { line, reason: reason(&e) }],
            });
        }
    };
    let mut out = Entries::default();
    for (i, item) in items.iter().enumerate() {
        let line = line_of(text, item.get());
        match serde_json::from_str::<Value>(item.get()) {
            // A wrapper object: `{"articles": [...]}`, as news APIs answer.
            Ok(Value::Object(map)) if !has_any(&map, &TEXT) && !has_any(&map, &TITLE) && wrapped(item).is_some() => {
                for (k, inner) in wrapped(item).unwrap_or_default().iter().enumerate() {
                    let v = serde_json::from_str(inner.get()).unwrap_or(Value::Null);
                    out.push(k as u32 + 1, line_of(text, inner.get()), &v);
                }
            }
            Ok(v) => out.push(i as u32 + 1, line, &v),
            Err(e) => out.problems.push(EntryProblem::NotJson { line, reason: reason(&e) }),
        }
    }
    out.no_articles_is_a_skip()
}

impl Entries {
    /// Adds the object `v`, named `n`, which starts on `line`.
    fn push(&mut self, n: u32, line: u32, v: &Value) {
        let Value::Object(map) = v else {
            self.problems.push(EntryProblem::NotAnObject { line });
            return;
        };
        let entry = entry(map);
        if entry.text.trim().is_empty() {
            self.problems.push(EntryProblem::NoText { line });
        } else {
            self.entries.push((n, entry));
        }
    }

    /// A file that gives no article says so once: one skip for JSON without articles (objects
    /// without text, a list of strings, an empty array: a settings file, a list of labels), the
    /// first fault alone for a file none of whose lines parses (a file misnamed), not a warning
    /// for each object or line.
    fn no_articles_is_a_skip(mut self) -> Result<Entries, Skip> {
        if !self.entries.is_empty() {
            return Ok(self);
        }
        match self.problems.iter().position(|p| matches!(p, EntryProblem::NotJson { .. })) {
            None => Err(Skip::NoArticles),
            Some(first) => {
                self.problems = vec![self.problems.swap_remove(first)];
                Ok(self)
            }
        }
    }
}

/// The array of articles a wrapper object holds (`articles` or `items`), as raw items borrowed
/// from the document, so that each keeps its line.
fn wrapped(object: &RawValue) -> Option<Vec<&RawValue>> {
    let fields: std::collections::BTreeMap<String, &RawValue> = serde_json::from_str(object.get()).ok()?;
    ["articles", "items"].iter().find_map(|k| serde_json::from_str::<Vec<&RawValue>>(fields.get(*k)?.get()).ok())
}

fn has_any(map: &Map<String, Value>, keys: &[&str]) -> bool {
    keys.iter().any(|k| map.get(*k).is_some_and(|v| !v.is_null()))
}

/// The first of `keys` whose value reads as text: a string, an array of strings (paragraphs), or
/// an object's `name`.
fn field(map: &Map<String, Value>, keys: &[&str]) -> Option<String> {
    keys.iter().find_map(|k| match map.get(*k)? {
        Value::String(s) if !s.trim().is_empty() => Some(s.clone()),
        Value::Array(parts) => {
            let parts: Vec<&str> = parts.iter().filter_map(Value::as_str).filter(|s| !s.trim().is_empty()).collect();
            (!parts.is_empty()).then(|| parts.join("\n\n"))
        }
        Value::Object(o) => o.get("name").and_then(Value::as_str).filter(|s| !s.trim().is_empty()).map(str::to_string),
        _ => None,
    })
}

fn entry(map: &Map<String, Value>) -> Entry {
    let text = field(map, &TEXT).map(|t| html::text_of(&t)).unwrap_or_default();
    Entry {
        title: field(map, &TITLE).map(|t| one_line(&html::text_of(&t))),
        text,
        published: field(map, &DATE).as_deref().and_then(metadata_date),
        url: field(map, &URL),
        site: field(map, &SITE),
    }
}

/// The line (from 1) at which `part`, a slice of `text`, starts.
fn line_of(text: &str, part: &str) -> u32 {
    let at = (part.as_ptr() as usize).saturating_sub(text.as_ptr() as usize).min(text.len());
    memchr::memchr_iter(b'\n', &text.as_bytes()[..at]).count() as u32 + 1
}

/// The parser's complaint without its position, which the warning gives as the line (a line of
/// JSON Lines is parsed alone, so its column is kept).
fn reason(e: &serde_json::Error) -> String {
    let full = e.to_string();
    let msg = full.rsplit_once(" at line ").map_or(full.as_str(), |(m, _)| m);
    if e.column() > 0 {
        format!("{msg} at column {}", e.column())
    } else {
        msg.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(e: &Entries) -> Vec<(u32, Option<&str>)> {
        e.entries.iter().map(|(n, e)| (*n, e.title.as_deref())).collect()
    }

    #[test]
    fn arrays_objects_and_wrappers_name_their_items_by_place() {
        let wrapped = "{\"status\": \"ok\",\n \"articles\": [\n  {\"title\": \"А\", \"text\": \"Текст.\"},\n  {\"title\": \"Б\", \"text\": \"Текст.\"}]}";
        assert_eq!(lines(&json(wrapped).unwrap()), [(1, Some("А")), (2, Some("Б"))]);
        let one = "{\"headline\": \"В\", \"body\": [\"Абзац.\", \"Ещё.\"]}";
        let e = json(one).unwrap();
        assert_eq!(lines(&e), [(1, Some("В"))]);
        assert_eq!(e.entries[0].1.text, "Абзац.\n\nЕщё.");
        // Two objects on one line are told apart by their place.
        let e = json("[{\"text\": \"Один.\"}, {\"text\": \"Два.\"}]").unwrap();
        assert_eq!(
            e.entries.iter().map(|(n, e)| (*n, e.text.as_str())).collect::<Vec<_>>(),
            [(1, "Один."), (2, "Два.")]
        );
        // A `.json` file of JSON Lines.
        let e = json("{\"text\": \"Один.\"}\n{\"text\": \"Два.\"}\n").unwrap();
        assert_eq!(e.entries.iter().map(|(n, _)| *n).collect::<Vec<_>>(), [1, 2]);
    }

    #[test]
    fn a_file_without_articles_says_so_once() {
        assert_eq!(json("[\"https://a\", \"https://b\"]").unwrap_err(), Skip::NoArticles);
        assert_eq!(json("[]").unwrap_err(), Skip::NoArticles);
        assert_eq!(json("{\"name\": \"ictdip\", \"version\": 1}").unwrap_err(), Skip::NoArticles);
        assert_eq!(json_lines("{\"id\": 1}\n{\"id\": 2}\n").unwrap_err(), Skip::NoArticles);
        let e = json_lines("plain text\nmore text\n").unwrap();
        assert_eq!(e.problems, [EntryProblem::NotJson { line: 1, reason: "expected value at column 1".into() }]);
    }
}
