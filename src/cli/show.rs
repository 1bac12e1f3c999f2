//! `brief outline`, `brief figures`, `brief terms` and `brief render`.

use super::CliResult;
use std::path::PathBuf;

#[derive(clap::Args, Debug)]
pub struct OutlineArgs {
    /// An annotated briefing (`-` for standard input)
    pub file: PathBuf,
    /// Print one JSON object (documented in docs/FORMAT.md)
    #[arg(long)]
    pub json: bool,
}

#[derive(clap::Args, Debug)]
pub struct FiguresArgs {
    /// An annotated briefing (`-` for standard input)
    pub file: PathBuf,
    /// Print a JSON array (documented in docs/FORMAT.md)
    #[arg(long)]
    pub json: bool,
}

#[derive(clap::Args, Debug)]
pub struct TermsArgs {
    /// An annotated briefing (`-` for standard input)
    pub file: PathBuf,
    /// Print a JSON array (documented in docs/FORMAT.md)
    #[arg(long)]
    pub json: bool,
}

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(clap::Args, Debug)]
pub struct RenderArgs {
    /// An annotated briefing (`-` for standard input)
    pub file: PathBuf,
    /// Wrap to this many columns (default: the terminal's width, else 80)
    #[arg(long)]
    pub width: Option<u16>,
    /// Colour the highlights with ANSI escapes
    #[arg(long, value_enum, default_value = "auto")]
    pub color: ColorChoice,
}

pub fn outline(args: OutlineArgs) -> CliResult {
    let _ = args;
    Err(super::CliError::usage("not built yet"))
}
pub fn figures(args: FiguresArgs) -> CliResult {
    let _ = args;
    Err(super::CliError::usage("not built yet"))
}
pub fn terms(args: TermsArgs) -> CliResult {
    let _ = args;
    Err(super::CliError::usage("not built yet"))
}
pub fn render(args: RenderArgs) -> CliResult {
    let _ = args;
    Err(super::CliError::usage("not built yet"))
}
