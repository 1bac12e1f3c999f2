//! `brief import RAW`: a raw transcript into an annotated briefing.

use super::CliResult;
use std::path::PathBuf;

#[derive(clap::Args, Debug)]
pub struct ImportArgs {
    /// The raw transcript (`-` for standard input)
    pub raw: PathBuf,
    /// Write the briefing here instead of standard output
    #[arg(short, long, value_name = "OUT")]
    pub output: Option<PathBuf>,
    /// List on stderr what was removed or guessed, and why
    #[arg(long)]
    pub explain: bool,
}

pub fn run(args: ImportArgs) -> CliResult {
    let _ = args;
    Err(super::CliError::usage("import is not built yet"))
}
