//! `brief check` and `brief fmt`.

use super::{CliError, CliResult};
use crate::format;
use std::path::PathBuf;

#[derive(clap::Args, Debug)]
pub struct CheckArgs {
    /// Annotated briefings (`-` for standard input)
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
}

#[derive(clap::Args, Debug)]
pub struct FmtArgs {
    /// Annotated briefings to rewrite in place (`-` reads standard input and writes standard output)
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// Only report files that are not in canonical form (exit 1 if any)
    #[arg(long)]
    pub check: bool,
    /// Rewrite read-only files too (they keep their mode)
    #[arg(long)]
    pub force: bool,
}

/// A file its owner marked read-only: rewriting it (which a rename in its folder allows) would
/// go against that.
fn is_read_only(path: &std::path::Path) -> bool {
    std::fs::metadata(path).is_ok_and(|m| m.permissions().readonly())
}

/// "1 section", "9 questions".
fn counted(n: usize, noun: &str) -> String {
    match n {
        1 => format!("1 {noun}"),
        _ => format!("{n} {noun}s"),
    }
}

/// Parse every file and print every problem; exit 1 if any file has one.
pub fn check(args: CheckArgs) -> CliResult {
    let mut failed = 0;
    // A folder's shared glossary is checked with each of its briefings, reported once.
    let mut glossary_errors = std::collections::HashSet::new();
    for path in &args.files {
        let at = (path.as_os_str() != "-").then_some(path.as_path());
        if let Err(e) = crate::glossary::shared_for(at) {
            failed += 1;
            if glossary_errors.insert(e.clone()) {
                super::say(&e.to_string());
            }
            continue;
        }
        match super::load(path) {
            Ok((input, b)) => {
                for w in format::lint(&b) {
                    match w.line {
                        0 => super::say(&format!("{}: warning: {}", input.name, w.message)),
                        n => super::say(&format!("{}:{n}: warning: {}", input.name, w.message)),
                    }
                }
                let paragraphs = b.paragraphs().count();
                super::say(&format!(
                    "{}: ok ({}, {}, {})",
                    input.name,
                    counted(b.sections.len(), "section"),
                    counted(b.question_count(), "question"),
                    counted(paragraphs, "paragraph")
                ));
            }
            Err(e) => {
                failed += 1;
                super::say(&e.message);
            }
        }
    }
    match failed {
        0 => Ok(()),
        n => Err(CliError::invalid(have_errors(n, args.files.len()))),
    }
}

/// "1 of 3 files has errors", "2 of 3 files have errors".
fn have_errors(n: usize, of: usize) -> String {
    let verb = if n == 1 { "has" } else { "have" };
    format!("{n} of {} {verb} errors", counted(of, "file"))
}

/// Rewrite each file canonically (atomically, so a crash never leaves half a file).
pub fn fmt(args: FmtArgs) -> CliResult {
    let mut failed = 0;
    let mut unformatted = 0;
    for path in &args.files {
        let (input, b) = match super::load(path) {
            Ok(x) => x,
            Err(e) => {
                failed += 1;
                super::say(&e.message);
                continue;
            }
        };
        let text = format::write(&b);
        let canonical = text == input.text;
        unformatted += usize::from(!canonical);
        if args.check {
            if !canonical {
                super::say(&format!("{}: not in canonical form", input.name));
            }
        } else if path.as_os_str() == "-" {
            super::emit(&text)?;
        } else if !canonical && !args.force && is_read_only(path) {
            failed += 1;
            super::say(&format!(
                "{}: read-only, not rewritten (make it writable, or add --force)",
                input.name
            ));
        } else if !canonical {
            crate::fsutil::write_atomically(path, text.as_bytes())
                .map_err(|e| CliError::invalid(format!("{}: cannot write: {e}", input.name)))?;
            super::say(&format!("{}: formatted", input.name));
        }
    }
    if failed > 0 {
        return Err(CliError::invalid(have_errors(failed, args.files.len())));
    }
    if args.check && unformatted > 0 {
        let verb = if unformatted == 1 { "is" } else { "are" };
        return Err(CliError::invalid(format!(
            "{} {verb} not in canonical form",
            counted(unformatted, "file")
        )));
    }
    Ok(())
}
