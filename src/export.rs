//! Events written out as JSON, JSON Lines, CSV or a Markdown table: for `ictdip export`, and for
//! the dashboard's export of what it shows.

use crate::cells;
use ictdip_core::model::Event;
use ictdip_core::registry::Lang;
use std::io::{self, Write};

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Json,
    Jsonl,
    Csv,
    /// A Markdown table: date, kind, place, countries, bodies, title.
    #[value(name = "md")]
    Markdown,
}

impl Format {
    /// The format a file name's extension asks for (`.json`, `.jsonl`, `.csv`, `.md`).
    pub fn of_file(name: &str) -> Option<Format> {
        let ext = std::path::Path::new(name).extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "json" => Some(Format::Json),
            "jsonl" | "ndjson" => Some(Format::Jsonl),
            "csv" => Some(Format::Csv),
            "md" | "markdown" => Some(Format::Markdown),
            _ => None,
        }
    }
}

/// `events` written in `format`: the command line's export, and the dashboard's export of what it
/// shows.
pub fn write_events(events: &[&Event], format: Format, out: &mut dyn Write) -> io::Result<()> {
    match format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut *out, &events)?;
            writeln!(out)?;
        }
        Format::Jsonl => {
            for e in events {
                serde_json::to_writer(&mut *out, e)?;
                writeln!(out)?;
            }
        }
        Format::Csv => {
            writeln!(out, "id,file,primary,date,published,city,country,countries,orgs,kind,people,topics,title")?;
            for e in events {
                let fields = [
                    e.id.to_string(),
                    e.file.to_string(),
                    e.primary.to_string(),
                    e.date.map(|d| d.to_string()).unwrap_or_default(),
                    e.published.map(|d| d.to_string()).unwrap_or_default(),
                    e.place.as_ref().and_then(|p| p.city.as_ref()).map(ToString::to_string).unwrap_or_default(),
                    e.place.as_ref().map(|p| p.country.to_string()).unwrap_or_default(),
                    cells::codes(&e.countries, ";"),
                    cells::codes(&e.orgs, ";"),
                    e.kind.as_str().to_string(),
                    e.people.iter().map(|p| p.name.as_str()).collect::<Vec<_>>().join(";"),
                    e.topics.join(";"),
                    e.title.clone().unwrap_or_default(),
                ];
                let row: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
                writeln!(out, "{}", row.join(","))?;
            }
        }
        Format::Markdown => {
            writeln!(out, "| date | kind | place | countries | bodies | title |")?;
            writeln!(out, "| --- | --- | --- | --- | --- | --- |")?;
            for e in events {
                let cells = [
                    cells::date(e.date),
                    e.kind.as_str().to_string(),
                    cells::place(e, Lang::En),
                    cells::codes(&e.countries, " "),
                    cells::codes(&e.orgs, " "),
                    e.title.clone().unwrap_or_else(|| e.file.to_string()),
                ];
                let cells: Vec<String> = cells.iter().map(|c| c.replace('|', "\\|").replace('\n', " ")).collect();
                writeln!(out, "| {} |", cells.join(" | "))?;
            }
        }
    }
    Ok(())
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_name_chooses_the_format() {
        assert_eq!(Format::of_file("view.MD"), Some(Format::Markdown));
        assert_eq!(Format::of_file("dir.v2/view.jsonl"), Some(Format::Jsonl));
        assert_eq!(Format::of_file("view"), None);
        assert_eq!(Format::of_file("view.txt"), None);
    }

    #[test]
    fn csv_quotes_fields() {
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_field("plain"), "plain");
    }
}
