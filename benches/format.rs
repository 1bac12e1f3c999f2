//! Parse, and parse + highlight, of a synthetic 10 MB briefing. Target: ≥ 100 MB/s for both together.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use std::path::Path;

fn bench(c: &mut Criterion) {
    let text =
        brief::synthetic::large_briefing_text(Path::new(env!("CARGO_MANIFEST_DIR")), 10 << 20);
    let mut g = c.benchmark_group("format");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("parse_10mb", |b| {
        b.iter(|| brief::format::parse(black_box(&text), "big").unwrap())
    });
    let parsed = brief::format::parse(&text, "big").unwrap();
    g.bench_function("write_10mb", |b| {
        b.iter(|| brief::format::write(black_box(&parsed)))
    });
    let shared = brief::glossary::shared_for(None).unwrap();
    g.bench_function("parse_and_highlight_10mb", |b| {
        b.iter(|| {
            let briefing = brief::format::parse(black_box(&text), "big").unwrap();
            let hl = brief::highlight::Highlighter::new(brief::glossary::merged(
                &briefing.glossary,
                &shared,
            ));
            let spans: usize = briefing
                .paragraphs()
                .map(|(_, p)| hl.paragraph(p).len())
                .sum();
            black_box(spans)
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
