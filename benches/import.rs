//! `brief import` throughput on about 10 MB of raw text (target: at least 50 MB/s).
//!
//! The text repeats the in-repo fixtures (texts we wrote in each shape: a labelled call, numbered
//! speakers, a SCIO-style briefing, a news report, Chinese labels), plus the seed transcripts where
//! ../shared/seeds is present. Two inputs: a labelled transcript and a news report, since the two
//! take different paths through the importer.

use brief::import::{Imported, import, import_read, read};

/// What `brief import FILE.txt` does: the reading stage (format sniffing, paged-text checks),
/// then the importer.
fn read_and_import(raw: &str) -> Imported {
    let hint = read::Hint {
        extension: Some("txt"),
        content_type: None,
    };
    let read = read::read(raw.as_bytes(), hint).expect("the bench text reads");
    import_read(&read)
}
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

const TARGET: usize = 10 * 1024 * 1024;

fn read(dir: &Path, names: &[&str]) -> Vec<String> {
    names
        .iter()
        .filter_map(|n| std::fs::read_to_string(dir.join(n)).ok())
        .collect()
}

fn repeat_to_size(parts: &[String]) -> String {
    let mut out = String::with_capacity(TARGET + 100_000);
    while out.len() < TARGET {
        for p in parts {
            out.push_str(p);
            out.push_str("\n\n");
        }
    }
    out
}

/// CPU time of this thread, from /proc (clock ticks of 10 ms); `None` where /proc is absent.
/// The machine the benchmark runs on is shared, so wall time measures the neighbours as much as
/// the importer; CPU time over a half-second iteration is exact to about 2%.
fn thread_cpu() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/thread-self/stat").ok()?;
    // Fields after the command name (which may hold spaces) start at its closing parenthesis.
    let fields: Vec<&str> = stat[stat.rfind(')')? + 2..].split(' ').collect();
    let ticks: u64 = fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?;
    Some(Duration::from_millis(ticks * 10))
}

fn bench(c: &mut Criterion) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let fixtures = root.join("tests/fixtures/import");
    let seeds = root.join("../shared/seeds");
    let seed_names: Vec<String> = std::fs::read_dir(&seeds)
        .map(|d| {
            d.flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    if seed_names.is_empty() {
        eprintln!(
            "note: {} is absent; benchmarking on the fixtures only",
            seeds.display()
        );
    }
    let mut transcript = read(
        &fixtures,
        &[
            "scio_briefing.txt",
            "wh_press_call.txt",
            "rev_segments.txt",
            "chinese_labels.txt",
        ],
    );
    let mut report = read(&fixtures, &["news_report.txt"]);
    for name in &seed_names {
        let text = std::fs::read_to_string(seeds.join(name)).unwrap_or_default();
        // Seeds the importer reads as labelled transcripts go with the transcript, the others
        // (news reports) with the report.
        let is_report = import(&text)
            .briefing
            .sections
            .iter()
            .any(|s| s.kind == brief::model::SectionKind::Report);
        if !is_report {
            transcript.push(text);
        } else {
            report.push(text);
        }
    }
    let mut group = c.benchmark_group("import");
    group.sample_size(10);
    for (name, parts) in [("transcript_10mb", transcript), ("report_10mb", report)] {
        let raw = repeat_to_size(&parts);
        group.throughput(Throughput::Bytes(raw.len() as u64));
        group.bench_function(name, |b| b.iter(|| read_and_import(black_box(&raw))));
        if thread_cpu().is_some() {
            group.bench_function(format!("{name}_cpu_time"), |b| {
                b.iter_custom(|iters| {
                    let (cpu0, wall0) = (thread_cpu(), Instant::now());
                    for _ in 0..iters {
                        black_box(read_and_import(black_box(&raw)));
                    }
                    match (cpu0, thread_cpu()) {
                        (Some(a), Some(b)) => b.saturating_sub(a),
                        _ => wall0.elapsed(),
                    }
                })
            });
        }
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
