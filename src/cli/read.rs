//! `brief [PATH]`: the reader. Everything that can fail (keymap, the briefing) is loaded and
//! checked before the terminal is touched, so errors print on a normal screen.

use super::{CliError, CliResult};
use crate::app::App;
use crate::app::library::{Library, Origin};
use crate::format;
use crate::keymap::Keymap;
use crate::store::Store;
use ratatui::layout::Rect;
use std::path::{Path, PathBuf};

#[derive(clap::Args, Debug)]
pub struct ReadArgs {
    /// A briefing file, or a folder of briefings (default: ./briefings, else the built-in samples)
    pub path: Option<PathBuf>,
    /// A keymap file whose entries override the defaults, action by action
    #[arg(long, value_name = "FILE")]
    pub keymap: Option<PathBuf>,
    /// Do not capture the mouse, so the terminal's own text selection works (M toggles it)
    #[arg(long, env = "BRIEF_NO_MOUSE")]
    pub no_mouse: bool,
    /// Where bookmarks and reading positions are kept
    #[arg(long, env = "BRIEF_STATE_DIR", value_name = "DIR")]
    pub state_dir: Option<PathBuf>,
}

/// What the reader opens first.
enum Start {
    File(PathBuf),
    Folder(PathBuf),
    Samples,
}

fn start(path: Option<&Path>) -> Start {
    match path {
        Some(p) if p.is_dir() => Start::Folder(p.to_path_buf()),
        Some(p) => Start::File(p.to_path_buf()),
        None if Path::new("briefings").is_dir() => Start::Folder(PathBuf::from("briefings")),
        None => Start::Samples,
    }
}

/// Build the app for the arguments, without touching the terminal.
pub fn prepare(args: &ReadArgs, area: Rect) -> Result<App, CliError> {
    // The reader reloads its file when it changes and keeps bookmarks by path: it needs a file.
    if args.path.as_deref() == Some(Path::new("-")) {
        return Err(CliError::usage(
            "the reader needs a file, not standard input (`-`): save the briefing and run \
             `brief FILE`; `-` works with check, fmt, import, outline, figures, terms and render",
        ));
    }
    let keymap =
        Keymap::load(args.keymap.as_deref()).map_err(|e| CliError::usage(e.to_string()))?;
    let store = Store::open(args.state_dir.clone()).map_err(|e| e.to_string());
    let warnings = match &store {
        Ok((_, w)) => w.iter().map(ToString::to_string).collect::<Vec<_>>(),
        Err(_) => Vec::new(),
    };
    let mut app = App::new(keymap, area, !args.no_mouse).with_store(store.map(|(s, _)| s));
    match start(args.path.as_deref()) {
        Start::File(p) => {
            let b = format::load(&p).map_err(|e| CliError::invalid(e.to_string()))?;
            app.open(b, Origin::File(p));
        }
        Start::Folder(d) => {
            let lib = Library::scan(&d)
                .map_err(|e| CliError::invalid(format!("{}: {e}", d.display())))?;
            app = app.with_library(lib);
        }
        Start::Samples => app = app.with_library(Library::samples()),
    }
    // A damaged state file was moved aside: say so, in the status line, once the reader is up.
    if !warnings.is_empty() {
        // Both files may have been damaged; the status line shows as much as fits.
        app.warn(warnings.join("; "));
    } else if let Some(e) = &app.store_error {
        let e = format!("bookmarks are off: {e}");
        app.warn(e);
    }
    Ok(app)
}

pub fn run(args: ReadArgs) -> CliResult {
    // The real size from the start, so that the briefing is laid out once, not for a guess and
    // again for the terminal.
    let (w, h) = ratatui::crossterm::terminal::size().unwrap_or((80, 24));
    let app = prepare(&args, Rect::new(0, 0, w, h))?;
    // The reader draws with escape codes: into a pipe or a file they are garbage, not a transcript.
    use std::io::IsTerminal;
    if !std::io::stdout().is_terminal() {
        return Err(CliError::usage(
            "the reader needs a terminal, and standard output is not one: \
             use `brief render FILE` to print a briefing",
        ));
    }
    match crate::tui::run(app).map_err(|e| CliError::invalid(format!("terminal: {e}")))? {
        // The terminal is restored by now: the user sees this under their shell prompt.
        Some(unsaved) => Err(CliError::invalid(unsaved)),
        None => Ok(()),
    }
}
