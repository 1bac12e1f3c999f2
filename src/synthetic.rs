//! Large briefings for benchmarks and whole-process measurements, made by repeating real text: the
//! sections of the largest shipped briefing (or the format fixture when run outside the repository).

use crate::model::Briefing;
use std::path::Path;

/// The briefing whose sections are repeated: the largest `*.brief` in `dir`, if any parses.
fn source(dir: &Path) -> Option<Briefing> {
    let mut best: Option<(usize, Briefing)> = None;
    for entry in std::fs::read_dir(dir).ok()?.flatten() {
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "brief") {
            continue;
        }
        let Ok(b) = crate::format::load(&path) else {
            continue;
        };
        let size: usize = b.paragraphs().map(|(_, p)| p.text.len()).sum();
        if best.as_ref().is_none_or(|(s, _)| size > *s) {
            best = Some((size, b));
        }
    }
    best.map(|(_, b)| b)
}

/// A briefing of at least `target_bytes` of text in canonical form, built from `repo`'s `briefings/`
/// (falling back to `tests/fixtures/format/`).
pub fn large_briefing_text(repo: &Path, target_bytes: usize) -> String {
    let base = source(&repo.join("briefings"))
        .or_else(|| source(&repo.join("tests/fixtures/format")))
        .expect("a briefing to repeat: run from the repository");
    let one: usize = base.paragraphs().map(|(_, p)| p.text.len() + 2).sum();
    // Enough copies of the body to pass the target; the text is written once.
    let copies = target_bytes.div_ceil(one.max(1)).max(1);
    let mut big = base.clone();
    big.sections = Vec::with_capacity(base.sections.len() * copies);
    for _ in 0..copies {
        big.sections.extend(base.sections.iter().cloned());
    }
    crate::format::write(&big)
}
