//! The `brief` command line: the reader and the tools around annotated briefings.

use brief::cli::{self, CliError};
use clap::{Parser, Subcommand};
use std::process::ExitCode;

/// A terminal reader for press-briefing transcripts.
///
/// With no subcommand, opens the reader: on a briefing file, on a folder of briefings, or (with no
/// argument) on ./briefings if it exists, else on the sample briefings built into brief.
#[derive(Parser)]
#[command(name = "brief", version, args_conflicts_with_subcommands = true)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    #[command(flatten)]
    read: cli::read::ReadArgs,
}

#[derive(Subcommand)]
enum Command {
    /// Check annotated briefings and report every error as file:line:col
    Check(cli::check::CheckArgs),
    /// Rewrite annotated briefings in canonical form
    Fmt(cli::check::FmtArgs),
    /// Turn a raw transcript into an annotated briefing
    Import(cli::import::ImportArgs),
    /// Print the speakers and sections of a briefing
    Outline(cli::show::OutlineArgs),
    /// List the figures found in a briefing
    Figures(cli::show::FiguresArgs),
    /// List the glossary terms found in a briefing, with their definitions
    Terms(cli::show::TermsArgs),
    /// Print the wrapped transcript, with highlights as ANSI colours
    Render(cli::show::RenderArgs),
    /// List or export bookmarks
    Bookmarks(cli::bookmarks::BookmarksArgs),
}

fn main() -> ExitCode {
    let args = Cli::parse();
    let result = match args.command {
        Some(Command::Check(a)) => cli::check::check(a),
        Some(Command::Fmt(a)) => cli::check::fmt(a),
        Some(Command::Import(a)) => cli::import::run(a),
        Some(Command::Outline(a)) => cli::show::outline(a),
        Some(Command::Figures(a)) => cli::show::figures(a),
        Some(Command::Terms(a)) => cli::show::terms(a),
        Some(Command::Render(a)) => cli::render::render(a),
        Some(Command::Bookmarks(a)) => cli::bookmarks::run(a),
        None => cli::read::run(args.read),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(CliError { code, message }) => {
            if !message.is_empty() {
                eprintln!("brief: {message}");
            }
            ExitCode::from(code)
        }
    }
}
