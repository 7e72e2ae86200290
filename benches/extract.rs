//! Extraction per article, and the whole pipeline from bytes, on the sample articles.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use ictdip_core::extract::extract;
use ictdip_core::load::{article_from_bytes, load_embedded};

fn articles(c: &mut Criterion) {
    ictdip_core::extract::warm_up();
    let loaded = load_embedded();
    let bytes: usize = loaded.articles.iter().map(|a| a.text.len()).sum();
    let mut g = c.benchmark_group("sample articles");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("extract", |b| b.iter(|| loaded.articles.iter().map(|a| extract(a).len()).sum::<usize>()));
    let raw: Vec<(String, Vec<u8>)> =
        loaded.articles.iter().map(|a| (a.rel.clone(), a.text.clone().into_bytes())).collect();
    g.bench_function("decode + structure + extract", |b| {
        b.iter(|| {
            raw.iter().map(|(n, bytes)| extract(&article_from_bytes(n, bytes.as_slice()).unwrap()).len()).sum::<usize>()
        });
    });
    g.finish();
}

criterion_group!(benches, articles);
criterion_main!(benches);
