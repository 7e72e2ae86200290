//! Filter keystrokes on a timeline of 120,000 events (the sample articles' events repeated with
//! their dates and titles varied), as at the scale of a large archive. Frames are timed by
//! `ictdip bench`, which draws the dashboard itself.

use criterion::{criterion_group, criterion_main, Criterion};
use ictdip_core::corpus::{self, BuildOptions, Source};

use ictdip_core::model::EventDate;
use ictdip_core::timeline::{Query, Timeline};

/// The sample corpus's events, repeated to `n` with varied dates, titles and files.
pub fn large_timeline(n: usize) -> Timeline {
    let c = corpus::build(&Source::Embedded, &BuildOptions::default());
    let words = ["связь", "форум", "министры", "Ташкент", "Астана", "цифровизация", "саммит", "ИИ"];
    let mut events = Vec::with_capacity(n);
    for i in 0..n {
        let mut e = c.events[i % c.events.len()].clone();
        e.date = Some(EventDate::day(2012 + (i % 15) as i32, 1 + (i % 12) as u32, 1 + (i % 28) as u32));
        e.title = e.title.map(|t| format!("{t} {} {i}", words[i % words.len()]));
        e.file = format!("{i:07}-{}", e.file).into();
        events.push(e);
    }
    Timeline::new(c.articles, events)
}

fn filter(c: &mut Criterion) {
    let t = large_timeline(120_000);
    let mut g = c.benchmark_group("filter 120k events");
    g.sample_size(20);
    for q in ["ш", "шос", "совещание министр", "@kz", "#sco 2025", "встрч"] {
        let query = Query::parse(q);
        g.bench_function(format!("query {q:?}"), |b| b.iter(|| t.query(&query).len()));
    }
    let wide = Query::parse("сов");
    let hits = t.query(&wide);
    let narrow = Query::parse("сове");
    g.bench_function("refine \"сов\" -> \"сове\"", |b| b.iter(|| t.refine(&wide, &hits, &narrow).len()));
    g.finish();
}

criterion_group!(benches, filter);
criterion_main!(benches);
