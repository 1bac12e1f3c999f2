//! Accuracy on real transcripts the importer was not written from: the labelled corpus in
//! ../shared/corpus, scored by its own score.py against this build of `brief` (turn recall,
//! precision, attribution, officials found: all at least 0.95; question-count error at most 0.05).
//! Skipped, with a message, where the corpus or python3 is absent (a fresh machine; CI has both).

use std::path::PathBuf;
use std::process::Command;

#[test]
fn corpus_scores_at_least_the_thresholds() {
    let corpus = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    let score = corpus.join("score.py");
    if !score.exists() {
        eprintln!(
            "skipped: {} is absent (the labelled corpus is not in this checkout)",
            score.display()
        );
        return;
    }
    let out = match Command::new("python3")
        .arg(&score)
        .arg(env!("CARGO_BIN_EXE_brief"))
        .arg(&corpus)
        .output()
    {
        Ok(out) => out,
        Err(e) => {
            eprintln!("skipped: cannot run python3 ({e})");
            return;
        }
    };
    let stdout = String::from_utf8_lossy(&out.stdout);
    println!("{stdout}");
    eprintln!("{}", String::from_utf8_lossy(&out.stderr));
    let last = stdout.lines().last().unwrap_or("");
    assert!(last.starts_with("corpus:"), "no score line:\n{stdout}");
    let figure = |name: &str| -> f64 {
        let after = last
            .split(name)
            .nth(1)
            .unwrap_or_else(|| panic!("no {name} in {last}"));
        after
            .split_whitespace()
            .next()
            .and_then(|v| v.parse().ok())
            .unwrap()
    };
    for name in ["turn recall", "precision", "attribution", "officials"] {
        assert!(figure(name) >= 0.95, "{name} below 0.95: {last}");
    }
    assert!(figure("question-count error") <= 0.05, "{last}");
    assert!(out.status.success(), "score.py failed: {last}");
}
