//! The scriptable side: `export` (JSON, JSON Lines, CSV), `list` (a readable table) and `stats`.
//! Everything printed here comes from the same [`Timeline`] queries the dashboard uses.

use crate::cells::{self, fit};
use crate::export::{self, Format};
use ictdip_core::load::OtherFiles;
use ictdip_core::model::Event;
use ictdip_core::registry::Lang;
use ictdip_core::timeline::{Query, Timeline};
use std::io::{self, Write};

/// Events in the order the timeline holds them (date order), filtered by `filter`.
fn selected<'a>(t: &'a Timeline, filter: &str) -> Vec<&'a Event> {
    t.query(&Query::parse(filter)).into_iter().map(|h| t.event(h.entry)).collect()
}

pub fn export(t: &Timeline, format: Format, filter: &str, out: &mut dyn Write) -> io::Result<()> {
    export::write_events(&selected(t, filter), format, out)
}

/// The selected events a line each, kinds and places named in `lang`.
pub fn list(t: &Timeline, filter: &str, lang: Lang, out: &mut dyn Write) -> io::Result<()> {
    let events = selected(t, filter);
    writeln!(
        out,
        "{}  {}  {}  {}  {}  TITLE",
        fit("DATE", 10),
        fit("KIND", 10),
        fit("PLACE", 18),
        fit("COUNTRIES", 14),
        fit("BODIES", 12)
    )?;
    for e in &events {
        let line = format!(
            "{}  {}  {}  {}  {}  {}",
            fit(&e.date.map_or("undated".into(), |d| d.to_string()), 10),
            fit(t.registry().kind_name(e.kind, lang), 10),
            fit(&cells::place(e, lang), 18),
            fit(&cells::codes(&e.countries, " "), 14),
            fit(&cells::codes(&e.orgs, " "), 12),
            e.title.as_deref().unwrap_or(&e.file),
        );
        writeln!(out, "{}", line.trim_end())?;
    }
    writeln!(out, "{} of {} events", events.len(), t.len())?;
    Ok(())
}

pub fn stats(t: &Timeline, warnings: usize, other_files: &OtherFiles, out: &mut dyn Write) -> io::Result<()> {
    let primary = t.events().filter(|e| e.primary).count();
    let dated = t.events().filter(|e| e.primary && e.date.is_some()).count();
    let placed = t.events().filter(|e| e.primary && e.place.is_some()).count();
    writeln!(out, "articles      {}", t.articles.len())?;
    writeln!(out, "events        {} ({} primary, {} secondary)", t.len(), primary, t.len() - primary)?;
    writeln!(out, "dated         {dated} of {primary} primary events")?;
    writeln!(out, "placed        {placed} of {primary} primary events")?;
    writeln!(out, "warnings      {warnings}")?;
    if other_files.count() > 0 {
        writeln!(out, "other files   {other_files}")?;
    }
    writeln!(out, "gazetteer     {} names", t.registry().name_count())?;
    let top = |v: Vec<ictdip_core::timeline::FacetCount>| {
        v.iter().take(10).map(|f| format!("{} {}", f.facet, f.count)).collect::<Vec<_>>().join(", ")
    };
    writeln!(out, "countries     {}", top(t.countries()))?;
    writeln!(out, "bodies        {}", top(t.bodies()))?;
    Ok(())
}
