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
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell)
    Completions(cli::shell::CompletionsArgs),
    /// Print the man page (roff)
    Man,
}

/// `brief --state-dir DIR bookmarks`: options before a command make clap read the command as the
/// reader's file. Say so, rather than "cannot read bookmarks".
fn misplaced_command(read: &cli::read::ReadArgs) -> Option<CliError> {
    use clap::CommandFactory;
    let path = read.path.as_ref()?;
    let name = path.to_str()?;
    let is_command = Cli::command()
        .get_subcommands()
        .any(|c| c.get_name() == name);
    (is_command && !path.exists()).then(|| {
        CliError::usage(format!(
            "`{name}` is a command: write its options after it (brief {name} --state-dir DIR …)"
        ))
    })
}

fn main() -> ExitCode {
    use clap::CommandFactory;
    let first = std::env::args().nth(1).unwrap_or_default();
    if let Some(e) = cli::shell::mistyped_command(&first, &Cli::command()) {
        return exit(Err(e));
    }
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
        Some(Command::Completions(a)) => cli::shell::completions(a, Cli::command()),
        Some(Command::Man) => cli::shell::man(Cli::command()),
        None => match misplaced_command(&args.read) {
            Some(e) => Err(e),
            None => cli::read::run(args.read),
        },
    };
    exit(result)
}

fn exit(result: cli::CliResult) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(CliError { code, message }) => {
            if !message.is_empty() {
                cli::say(&format!("brief: {message}"));
            }
            ExitCode::from(code)
        }
    }
}
