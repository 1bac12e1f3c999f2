//! `brief check` and `brief fmt`.

use super::CliResult;
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
}

pub fn check(args: CheckArgs) -> CliResult {
    let _ = args;
    Err(super::CliError::usage("not built yet"))
}

pub fn fmt(args: FmtArgs) -> CliResult {
    let _ = args;
    Err(super::CliError::usage("not built yet"))
}
