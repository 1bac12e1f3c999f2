//! Throughput of figure and term detection over a synthetic ~10 MB briefing body.
//!
//! The body repeats the paragraphs of the seed transcripts (read from `../shared/seeds` when
//! present) or, on a machine without them, sentences written for this benchmark. Throughput is
//! reported in bytes of paragraph text per second. Criterion measures wall-clock time, which on a
//! shared machine includes time spent waiting for a core; the bench therefore also prints the
//! throughput in CPU time of the measuring thread (Linux `/proc/thread-self/schedstat`).

use brief::glossary;
use brief::highlight::{Highlighter, figures};
use brief::model::Paragraph;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use std::path::Path;

const TARGET_BYTES: usize = 10 * 1024 * 1024;

/// Sentences in the shape of briefing prose, for machines without the seed texts.
const OWN_TEXT: &[&str] = &[
    "In the first half of the year, the added value of industries above designated size rose by 3.4% year on year, 1.2 percentage points faster than in the first quarter.",
    "We fostered 4,762 little giants and helped SMEs through the white list system, which covered 22,500 firms by June 30, 2022.",
    "Friends from the media, good morning. Welcome to this press conference, and thank you for your interest in our work.",
    "Revenue from emerging businesses reached 162.4 billion yuan, up 36.3% year on year, while 1.85 million 5G base stations were in use.",
    "The industrial chain and supply chain stayed stable, and the digital economy kept growing under the 14th Five-Year Plan.",
    "今年上半年，规模以上工业增加值同比增长3.4%，新能源汽车产量增长1.2倍，减税降费1.8万亿元。",
];

fn body() -> (Vec<Paragraph>, &'static str) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
    let mut seed_paras: Vec<String> = Vec::new();
    if let Ok(entries) = std::fs::read_dir(&dir) {
        let mut paths: Vec<_> = entries.filter_map(|e| e.ok()).map(|e| e.path()).collect();
        paths.sort();
        for p in paths {
            if let Ok(src) = std::fs::read_to_string(&p) {
                seed_paras.extend(
                    src.lines()
                        .map(str::trim)
                        .filter(|l| !l.is_empty())
                        .map(str::to_string),
                );
            }
        }
    }
    let (source, label): (Vec<String>, &'static str) = if seed_paras.is_empty() {
        (
            OWN_TEXT.iter().map(|s| s.to_string()).collect(),
            "own sentences",
        )
    } else {
        (seed_paras, "seed paragraphs")
    };
    let mut out = Vec::new();
    let mut size = 0;
    for text in source.iter().cycle() {
        if size >= TARGET_BYTES {
            break;
        }
        size += text.len();
        out.push(Paragraph::plain(text.as_str()));
    }
    (out, label)
}

fn bench(c: &mut Criterion) {
    let (paras, label) = body();
    let bytes: usize = paras.iter().map(|p| p.text.len()).sum();
    eprintln!(
        "highlight bench: {} paragraphs, {bytes} bytes of {label}",
        paras.len()
    );
    let glossary = glossary::builtin().expect("the built-in glossary parses");
    let highlighter = Highlighter::new(glossary);

    let mut g = c.benchmark_group("highlight");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.sample_size(10);
    g.bench_function("figures_and_terms_10mb", |b| {
        b.iter(|| {
            let mut n = 0;
            for p in &paras {
                n += highlighter.paragraph(black_box(p)).len();
            }
            n
        })
    });
    g.bench_function("figures_only_10mb", |b| {
        b.iter(|| {
            let mut n = 0;
            for p in &paras {
                n += figures(black_box(&p.text)).len();
            }
            n
        })
    });
    g.finish();

    let passes = 10;
    let figures_and_terms = cpu_throughput(bytes, passes, || {
        paras
            .iter()
            .map(|p| highlighter.paragraph(black_box(p)).len())
            .sum()
    });
    let figures_alone = cpu_throughput(bytes, passes, || {
        paras
            .iter()
            .map(|p| figures(black_box(&p.text)).len())
            .sum()
    });
    if let (Some(a), Some(b)) = (figures_and_terms, figures_alone) {
        eprintln!(
            "highlight CPU-time throughput over {passes} passes: figures and terms {a:.0} MB/s, figures alone {b:.0} MB/s"
        );
    }
}

/// Nanoseconds this thread has run on a CPU, where Linux reports it.
fn cpu_ns() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    s.split_whitespace().next()?.parse().ok()
}

/// Bytes per second of CPU time (in MB/s) for `passes` runs of `work` over `bytes` of text.
fn cpu_throughput(bytes: usize, passes: usize, mut work: impl FnMut() -> usize) -> Option<f64> {
    let start = cpu_ns()?;
    let mut found = 0;
    for _ in 0..passes {
        found += work();
    }
    black_box(found);
    let ns = cpu_ns()?.saturating_sub(start).max(1);
    Some((bytes * passes) as f64 / ns as f64 * 1e3)
}

criterion_group!(benches, bench);
criterion_main!(benches);
