//! `brief bookmarks`: list and export bookmarks.

use super::CliResult;
use std::path::PathBuf;

#[derive(clap::Args, Debug)]
pub struct BookmarksArgs {
    #[command(subcommand)]
    pub command: Option<BookmarksCommand>,
    /// Print the bookmarks as JSON
    #[arg(long)]
    pub json: bool,
    /// Where bookmarks and reading positions are kept
    #[arg(long, env = "BRIEF_STATE_DIR", value_name = "DIR", global = true)]
    pub state_dir: Option<PathBuf>,
}

#[derive(clap::Subcommand, Debug)]
pub enum BookmarksCommand {
    /// Write every bookmark as a citation-ready block
    Export {
        #[arg(long, value_enum, default_value = "markdown")]
        format: ExportFormat,
        /// Write here instead of standard output
        #[arg(short, long, value_name = "OUT")]
        output: Option<PathBuf>,
    },
}

#[derive(clap::ValueEnum, Clone, Copy, Debug)]
pub enum ExportFormat {
    Markdown,
}

pub fn run(args: BookmarksArgs) -> CliResult {
    let _ = args;
    Err(super::CliError::usage("bookmarks are not built yet"))
}
