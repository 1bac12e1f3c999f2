//! The shared glossary (`glossary.toml` beside the briefings, else the built-in one) merged with a file's own.
//!
//! A glossary file holds `[[glossary]]` tables and nothing else (docs/FORMAT.md, "The shared
//! glossary"). Errors name the file, line and column, as the briefing parser's do.

use crate::diagnostic::{Diagnostic, ParseErrors, SourceMap};
use crate::format::front::{RawEntry, check_control_escapes, glossary_entries};
use crate::model::GlossaryEntry;
use serde::Deserialize;
use std::path::Path;

/// The repository's `briefings/glossary.toml`, built into the binary for briefings that have no
/// `glossary.toml` of their own beside them.
pub const BUILTIN: &str = include_str!("../briefings/glossary.toml");

/// Name of the shared glossary file looked for in a briefing's folder.
pub const FILE_NAME: &str = "glossary.toml";

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct GlossaryFile {
    #[serde(default)]
    glossary: Vec<RawEntry>,
}

/// The shared glossary that applies to the briefing at `briefing_path` (or the built-in one).
///
/// `None` (standard input, or no file) means the built-in glossary.
pub fn shared_for(briefing_path: Option<&Path>) -> Result<Vec<GlossaryEntry>, ParseErrors> {
    if let Some(path) = briefing_path {
        let dir = match path.parent() {
            Some(d) if !d.as_os_str().is_empty() => d,
            _ => Path::new("."),
        };
        let file = dir.join(FILE_NAME);
        if file.is_file() {
            let name = file.display().to_string();
            let src = std::fs::read_to_string(&file).map_err(|e| {
                ParseErrors(vec![Diagnostic::about_file(
                    &name,
                    format!("cannot read the glossary: {e}"),
                )])
            })?;
            return parse(&src, &name);
        }
    }
    builtin()
}

/// The built-in shared glossary.
pub fn builtin() -> Result<Vec<GlossaryEntry>, ParseErrors> {
    parse(BUILTIN, "briefings/glossary.toml (built in)")
}

/// Parse the text of a glossary file; `name` is used in error messages (`name:line:col: …`).
///
/// Every entry needs a non-empty `term` and, unless `proposed`, a non-empty `definition`; a term
/// may appear only once (case-insensitively).
pub fn parse(src: &str, name: &str) -> Result<Vec<GlossaryEntry>, ParseErrors> {
    let pos = SourceMap::new(name, src);
    let mut errs = Vec::new();
    check_control_escapes(src, &pos, 0, &mut errs);
    let file: GlossaryFile = toml::from_str(src).map_err(|e| {
        let at = e.span().map_or(0, |s| s.start);
        errs.push(pos.diag(at, e.message().trim_end(), None));
        ParseErrors(std::mem::take(&mut errs))
    })?;
    let out = glossary_entries(file.glossary, &pos, 0, &mut errs);
    if errs.is_empty() {
        Ok(out)
    } else {
        Err(ParseErrors(errs))
    }
}

/// The file's entries, then the shared entries whose term the file does not define.
pub fn merged(file: &[GlossaryEntry], shared: &[GlossaryEntry]) -> Vec<GlossaryEntry> {
    let same = |a: &GlossaryEntry, b: &GlossaryEntry| a.term.eq_ignore_ascii_case(&b.term);
    // A term the importer only proposed does not hide the shared glossary's confirmed definition.
    let mut out: Vec<GlossaryEntry> = file
        .iter()
        .filter(|f| !(f.proposed && shared.iter().any(|s| !s.proposed && same(f, s))))
        .cloned()
        .collect();
    for e in shared {
        if !out.iter().any(|f| same(f, e)) {
            out.push(e.clone());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_proposed_file_entry_does_not_hide_a_shared_definition() {
        let entry = |term: &str, definition: &str, proposed| GlossaryEntry {
            term: term.into(),
            definition: definition.into(),
            proposed,
            ..Default::default()
        };
        let shared = [entry("white list", "Firms kept running.", false)];
        let m = merged(&[entry("White List", "", true)], &shared);
        assert_eq!(m, shared);
        let own = [entry("white list", "Our own words.", false)];
        assert_eq!(merged(&own, &shared), own);
    }

    #[test]
    fn the_built_in_glossary_parses_and_every_entry_is_defined() {
        let g = builtin().unwrap();
        assert!(g.len() >= 20, "only {} entries", g.len());
        for e in &g {
            assert!(
                !e.proposed,
                "{} is proposed in the shipped glossary",
                e.term
            );
            assert!(e.definition.len() >= 20, "{}: definition too short", e.term);
        }
        for t in [
            "white list",
            "little giants",
            "dual-gigabit",
            "New Three Kinds",
        ] {
            assert!(g.iter().any(|e| e.term == t), "missing {t}");
        }
    }

    #[test]
    fn control_escapes_are_errors_as_in_a_briefing() {
        let src = "[[glossary]]\nterm = \"a\"\ndefinition = \"bad \\u001b[31m def\"\n";
        let err = parse(src, "g.toml").unwrap_err().to_string();
        assert!(err.starts_with("g.toml:3:19: control character"), "{err}");
    }

    #[test]
    fn syntax_errors_give_file_line_and_column() {
        let src =
            "[[glossary]]\nterm = \"a\"\ndefinition = \"b\"\n\n[[glossary]]\nterm = = \"c\"\n";
        let err = parse(src, "g.toml").unwrap_err().to_string();
        assert!(err.starts_with("g.toml:6:"), "{err}");
    }

    #[test]
    fn unknown_keys_and_missing_definitions_are_errors() {
        let err = parse("[[glossary]]\nterm = \"a\"\nmeaning = \"b\"\n", "g.toml")
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with("g.toml:3:1:") && err.contains("meaning"),
            "{err}"
        );
        let err = parse("[[glossary]]\nterm = \"white list\"\n", "g.toml")
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with("g.toml:2:8: glossary term `white list` has no definition"),
            "{err}"
        );
        let ok = parse("[[glossary]]\nterm = \"x\"\nproposed = true\n", "g.toml").unwrap();
        assert!(ok[0].proposed && ok[0].definition.is_empty());
    }

    #[test]
    fn duplicate_terms_are_reported_at_the_second_one() {
        let src = "[[glossary]]\nterm = \"SME\"\ndefinition = \"d\"\n[[glossary]]\nterm = \"sme\"\ndefinition = \"d\"\n";
        let err = parse(src, "g.toml").unwrap_err().to_string();
        assert!(
            err.starts_with("g.toml:5:8: glossary term `sme` is defined twice"),
            "{err}"
        );
    }

    #[test]
    fn a_glossary_beside_the_briefing_wins_over_the_built_in_one() {
        let dir = tempfile::tempdir().unwrap();
        let brief = dir.path().join("talk.brief");
        assert_eq!(shared_for(Some(&brief)).unwrap(), builtin().unwrap());
        std::fs::write(
            dir.path().join(FILE_NAME),
            "[[glossary]]\nterm = \"local term\"\ndefinition = \"only here\"\n",
        )
        .unwrap();
        let g = shared_for(Some(&brief)).unwrap();
        assert_eq!(g.len(), 1);
        assert_eq!(g[0].term, "local term");
        std::fs::write(dir.path().join(FILE_NAME), "glossary = 3\n").unwrap();
        let err = shared_for(Some(&brief)).unwrap_err().to_string();
        assert!(err.contains("glossary.toml:1:"), "{err}");
    }

    #[test]
    fn merged_keeps_file_entries_first_and_drops_shadowed_shared_ones() {
        let e = |t: &str, d: &str| GlossaryEntry {
            term: t.into(),
            definition: d.into(),
            ..Default::default()
        };
        let m = merged(
            &[e("White List", "file")],
            &[e("white list", "shared"), e("SME", "s")],
        );
        assert_eq!(m, vec![e("White List", "file"), e("SME", "s")]);
    }
}
