//! `brief import RAW`: a raw transcript (a text, a saved page, a PDF, a Markdown export, or a
//! link to a page or PDF) into an annotated briefing.
//!
//! Invalid UTF-8 is not an error here, unlike for briefings: a raw copy from the web often holds a
//! stray byte in an otherwise good text, and the user wants the text. It is decoded lossily
//! (U+FFFD for each bad sequence) with a warning that gives the line and column of the first one.
//! An input that is not one of the supported formats, or holds no text, is an error.

use super::{CliError, CliResult};
use crate::import::read;
use crate::{format, import};
use std::path::{Path, PathBuf};

#[derive(clap::Args, Debug)]
pub struct ImportArgs {
    /// The raw transcript: a text, HTML, PDF or Markdown file, `-` for standard input, or an
    /// http(s) link
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
    /// Print the clean text read from RAW (page chrome, markup and page furniture removed)
    /// instead of importing it
    #[arg(long, conflicts_with = "output")]
    pub text: bool,
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
    let (name, read) = read_input(&args.raw)?;
    for w in &read.warnings {
        // `3:27: invalid UTF-8` is a place in the file: `<stdin>:3:27: …`.
        let sep = if w.starts_with(|c: char| c.is_ascii_digit()) {
            ":"
        } else {
            ": "
        };
        super::say(&format!("brief: warning: {name}{sep}{w}"));
    }
    if args.text {
        return super::emit(&read.text);
    }
    let mut imported = import::import_read(&read);
    if args.explain {
        super::say(&format!("{name}: read as {}", read.format.name()));
        for d in &read.dropped {
            super::say(&format!("{name}: {}: removed: {}", d.at, d.what));
        }
        for n in &imported.notes {
            super::say(&format!(
                "{name}: {}: {}: {}",
                read.place(n.line),
                n.kind.name(),
                n.message
            ));
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

/// Read a file, standard input or a link, as whatever format it is.
fn read_input(path: &Path) -> Result<(String, read::Read), CliError> {
    if let Some(url) = path.to_str().filter(|p| super::fetch::is_link(p)) {
        let fetched = super::fetch::fetch(url).map_err(CliError::invalid)?;
        let hint = read::Hint {
            extension: extension_of(url),
            content_type: fetched.content_type.as_deref(),
        };
        let mut r = read::read(&fetched.bytes, hint)
            .map_err(|e| CliError::invalid(format!("{url}: {e}")))?;
        r.meta.url.get_or_insert(fetched.url);
        return Ok((url.to_string(), r));
    }
    let (name, bytes) = super::read_bytes(path)?;
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    let hint = read::Hint {
        extension: ext.as_deref(),
        content_type: None,
    };
    let r = read::read(&bytes, hint).map_err(|e| CliError::invalid(format!("{name}: {e}")))?;
    Ok((name, r))
}

/// The extension of a link's path (`…/brief.pdf?x=1` → `pdf`).
fn extension_of(url: &str) -> Option<&str> {
    let path = url.split(['?', '#']).next()?;
    let last = path.rsplit('/').next()?;
    let (_, ext) = last.rsplit_once('.')?;
    (ext.len() <= 5 && ext.chars().all(|c| c.is_ascii_alphanumeric())).then_some(ext)
}
