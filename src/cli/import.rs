//! `brief import RAW`: a raw transcript into an annotated briefing.
//!
//! Invalid UTF-8 is not an error here, unlike for briefings: a raw copy from the web often holds a
//! stray byte in an otherwise good text, and the user wants the text. It is decoded lossily
//! (U+FFFD for each bad sequence) with a warning that gives the line and column of the first one.

use super::{CliError, CliResult};
use crate::{format, import};
use std::path::{Path, PathBuf};

#[derive(clap::Args, Debug)]
pub struct ImportArgs {
    /// The raw transcript (`-` for standard input)
    pub raw: PathBuf,
    /// Write the briefing here instead of standard output
    #[arg(short, long, value_name = "OUT")]
    pub output: Option<PathBuf>,
    /// Overwrite OUT if it exists
    #[arg(long, requires = "output")]
    pub force: bool,
    /// List on stderr what was removed or guessed, and why
    #[arg(long)]
    pub explain: bool,
}

pub fn run(args: ImportArgs) -> CliResult {
    // An existing briefing may hold a reader's hand corrections: replacing it is asked for, not assumed.
    if let Some(out) = &args.output
        && !args.force
        && std::fs::symlink_metadata(out).is_ok_and(|m| m.is_file())
    {
        return Err(CliError::usage(format!(
            "{}: already exists; add --force to overwrite it",
            out.display()
        )));
    }
    let (name, raw) = read_lossy(&args.raw)?;
    let mut imported = import::import(&raw);
    if args.explain {
        for n in &imported.notes {
            super::say(&format!("{name}: {n}"));
        }
    }
    // The shared glossary that will apply to the output already defines some terms: proposing
    // them again would only ask a person to confirm what is known.
    match crate::glossary::shared_for(args.output.as_deref()) {
        Ok(shared) => {
            let known = import::glossary::drop_known(&mut imported.briefing.glossary, &shared);
            if args.explain && !known.is_empty() {
                super::say(&format!(
                    "{name}: glossary: not proposed, already in the shared glossary: {}",
                    known.join(", ")
                ));
            }
        }
        Err(e) => super::say(&format!(
            "brief: warning: {e}; every candidate term is proposed"
        )),
    }
    let text = format::write(&imported.briefing);
    // The importer promises files that `brief check` accepts; if it ever breaks that promise,
    // say so instead of writing a file that the other commands reject.
    if let Err(e) = format::parse(&text, "<imported>") {
        return Err(CliError::invalid(format!(
            "{name}: the imported briefing does not pass check (a bug in brief import):\n{e}"
        )));
    }
    match &args.output {
        Some(out) => crate::fsutil::write_atomically(out, text.as_bytes())
            .map_err(|e| CliError::invalid(format!("{}: {e}", out.display()))),
        None => super::emit(&text),
    }
}

/// Read a file or standard input; invalid UTF-8 is replaced, with a warning that says where.
fn read_lossy(path: &Path) -> Result<(String, String), CliError> {
    let (name, bytes) = super::read_bytes(path)?;
    match String::from_utf8(bytes) {
        Ok(text) => Ok((name, text)),
        Err(e) => {
            let bytes = e.into_bytes();
            if let Err(first) = super::decode_utf8(&name, bytes.clone()) {
                super::say(&format!(
                    "brief: warning: {}; decoded with U+FFFD in place of each invalid byte sequence",
                    first.message
                ));
            }
            Ok((name, String::from_utf8_lossy(&bytes).into_owned()))
        }
    }
}
