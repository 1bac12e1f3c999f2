//! `brief [PATH]`: the reader.

use super::CliResult;
use std::path::PathBuf;

#[derive(clap::Args, Debug)]
pub struct ReadArgs {
    /// A briefing file, or a folder of briefings (default: ./briefings, else the built-in samples)
    pub path: Option<PathBuf>,
    /// A keymap file whose entries override the defaults, action by action
    #[arg(long, value_name = "FILE")]
    pub keymap: Option<PathBuf>,
    /// Do not capture the mouse, so the terminal's own text selection works
    #[arg(long)]
    pub no_mouse: bool,
    /// Where bookmarks and reading positions are kept
    #[arg(long, env = "BRIEF_STATE_DIR", value_name = "DIR")]
    pub state_dir: Option<PathBuf>,
}

pub fn run(args: ReadArgs) -> CliResult {
    let _ = args;
    Err(super::CliError::usage("the reader is not built yet"))
}
