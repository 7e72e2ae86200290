//! A folder in, events out: the library without the dashboard.
//!
//! ```text
//! cargo run -p ictdip-core --example extract_folder -- path/to/articles
//! ```
//!
//! Reads every article under the folder (with no path, the bundled samples), extracts its events
//! and prints one line per event, in date order: date, place, participating countries and bodies,
//! and the title. Files that cannot be read are reported with the reason, and the rest go on.

use ictdip_core::corpus::{self, BuildOptions, Source};
use ictdip_core::timeline::Timeline;
use std::path::PathBuf;

fn main() {
    let source = match std::env::args_os().nth(1) {
        Some(path) => Source::Path(PathBuf::from(path)),
        None => Source::Embedded,
    };
    // No cache: an example should leave nothing behind.
    let opts = BuildOptions { cache_dir: None, ..BuildOptions::default() };
    let corpus = corpus::build(&source, &opts);
    for w in &corpus.warnings {
        eprintln!("{w}");
    }
    let timeline = Timeline::new(corpus.articles, corpus.events);
    let registry = timeline.registry();
    for e in timeline.events() {
        let date = e.date.map_or_else(|| "no date".to_string(), |d| d.to_string());
        let place = e.place.as_ref().map_or_else(String::new, |p| match &p.city {
            Some(city) => format!("{city}, {}", p.country),
            None => p.country.to_string(),
        });
        println!(
            "{date}\t{place}\t{}\t{}\t{}",
            // Countries by their Russian names, bodies by their codes.
            e.countries.iter().map(|&c| registry.country_entry(c).name_ru.as_str()).collect::<Vec<_>>().join(", "),
            e.orgs.iter().map(|b| b.code()).collect::<Vec<_>>().join(" "),
            e.title.as_deref().unwrap_or(&e.file)
        );
    }
}
