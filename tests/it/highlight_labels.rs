//! Precision and recall of figure detection on real paragraphs labelled by hand.
//!
//! The labels (tests/fixtures/highlight/labels.toml) name a file under `../shared` (the seed
//! transcripts and the corpus of real briefings), where the paragraph starts and the figures in it.
//! The texts themselves are read at test time and never copied into the repository; where
//! `../shared` is absent the test says so and passes.

use brief::glossary;
use brief::highlight::{FigureKind, HighlightKind, Highlighter};
use brief::model::Paragraph;
use serde::Deserialize;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

const MIN_PRECISION: f64 = 0.95;
const MIN_RECALL: f64 = 0.95;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Labels {
    paragraph: Vec<Labelled>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Labelled {
    file: String,
    line: usize,
    #[serde(default = "one")]
    span: usize,
    #[serde(default)]
    #[allow(dead_code)]
    note: Option<String>,
    figures: Vec<(String, String)>,
}

fn one() -> usize {
    1
}

fn shared_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared")
}

/// The paragraph a label points at: its lines trimmed (U+00A0 included) and joined with spaces.
fn paragraph_text(src: &str, line: usize, span: usize) -> Option<String> {
    let lines: Vec<&str> = src.lines().collect();
    let chunk = lines.get(line.checked_sub(1)?..(line - 1 + span))?;
    let trimmed: Vec<&str> = chunk
        .iter()
        .map(|l| l.trim_matches(char::is_whitespace))
        .collect();
    let text = trimmed.join(" ");
    (!text.is_empty()).then_some(text)
}

#[derive(Default)]
struct Tally {
    tp: usize,
    detected: usize,
    expected: usize,
}

#[test]
fn figure_detection_meets_precision_and_recall_on_labelled_real_paragraphs() {
    let labels_path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/highlight/labels.toml");
    let labels: Labels = toml::from_str(&std::fs::read_to_string(&labels_path).unwrap())
        .unwrap_or_else(|e| panic!("{}: {e}", labels_path.display()));
    let shared = shared_dir();
    if !shared.is_dir() {
        println!(
            "SKIPPED: {} is absent (the real texts live outside the repository)",
            shared.display()
        );
        return;
    }
    let highlighter = Highlighter::new(glossary::builtin().unwrap());
    let mut files: HashMap<String, Option<String>> = HashMap::new();
    let mut total = Tally::default();
    let mut per_kind: HashMap<&str, Tally> = HashMap::new();
    let (mut paragraphs, mut missing) = (0, 0);
    let mut report = Vec::new();
    for l in &labels.paragraph {
        for (_, kind) in &l.figures {
            assert!(
                FigureKind::parse(kind).is_some(),
                "{}:{}: unknown kind {kind}",
                l.file,
                l.line
            );
        }
        let src = files
            .entry(l.file.clone())
            .or_insert_with(|| std::fs::read_to_string(shared.join(&l.file)).ok());
        let Some(src) = src else {
            missing += 1;
            continue;
        };
        let text = paragraph_text(src, l.line, l.span)
            .unwrap_or_else(|| panic!("{}:{}: the label points at no text", l.file, l.line));
        paragraphs += 1;
        let found: Vec<(String, &str)> = highlighter
            .paragraph(&Paragraph::plain(text.as_str()))
            .into_iter()
            .filter_map(|h| match h.kind {
                HighlightKind::Figure(k) => Some((text[h.range].to_string(), k.as_str())),
                HighlightKind::Term(_) => None,
            })
            .collect();
        let mut unmatched: Vec<(String, &str)> = l
            .figures
            .iter()
            .map(|(t, k)| (t.clone(), k.as_str()))
            .collect();
        let mut false_pos = Vec::new();
        for f in &found {
            per_kind.entry(f.1).or_default().detected += 1;
            match unmatched.iter().position(|e| e == f) {
                Some(i) => {
                    unmatched.remove(i);
                    total.tp += 1;
                    per_kind.entry(f.1).or_default().tp += 1;
                }
                None => false_pos.push(f.clone()),
            }
        }
        for (_, k) in &l.figures {
            per_kind.entry(k.as_str()).or_default().expected += 1;
        }
        total.detected += found.len();
        total.expected += l.figures.len();
        if !false_pos.is_empty() || !unmatched.is_empty() {
            report.push(format!(
                "  {}:{}  extra {:?}  missed {:?}",
                l.file, l.line, false_pos, unmatched
            ));
        }
    }
    let ratio = |a: usize, b: usize| if b == 0 { 1.0 } else { a as f64 / b as f64 };
    let precision = ratio(total.tp, total.detected);
    let recall = ratio(total.tp, total.expected);
    println!(
        "figures: {paragraphs} paragraphs ({missing} skipped: file absent), {} labelled, {} detected, {} right",
        total.expected, total.detected, total.tp
    );
    println!("precision {precision:.3}  recall {recall:.3}");
    let mut kinds: Vec<_> = per_kind.iter().collect();
    kinds.sort_by_key(|(k, _)| **k);
    for (k, t) in kinds {
        println!(
            "  {k:<18} labelled {:>3}  detected {:>3}  precision {:.3}  recall {:.3}",
            t.expected,
            t.detected,
            ratio(t.tp, t.detected),
            ratio(t.tp, t.expected)
        );
    }
    if !report.is_empty() {
        println!("disagreements (text, kind):\n{}", report.join("\n"));
    }
    if missing == 0 {
        assert!(
            paragraphs >= 60 && total.expected >= 300,
            "the labelled sample is too small"
        );
    }
    assert!(
        precision >= MIN_PRECISION,
        "precision {precision:.3} < {MIN_PRECISION}"
    );
    assert!(recall >= MIN_RECALL, "recall {recall:.3} < {MIN_RECALL}");
}
