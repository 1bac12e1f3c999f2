//! The terminal side of the reader: set-up and restore on every exit path, and the event loop.
//!
//! Blocking, no timers: one thread reads terminal events, a file watcher reports changes of
//! the open briefing, a signal thread reports SIGTERM/SIGINT/SIGHUP; all feed one channel, and
//! the loop redraws only after an event. Idle means no CPU.

use crate::app::{App, Effect};
use crossterm::clipboard::CopyToClipboard;
use notify::{RecursiveMode, Watcher};
use ratatui::crossterm::event::{self, DisableMouseCapture, EnableMouseCapture, Event};
use ratatui::crossterm::execute;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::mpsc;

/// Something that wakes the loop.
enum Wake {
    Terminal(Event),
    FileChanged(Vec<PathBuf>),
    Signal,
    InputClosed,
}

/// Restores the terminal when dropped, so an early return or `?` cannot leave it raw.
/// (`ratatui::init` also installs a panic hook that restores it on a panic.)
struct Guard;

impl Drop for Guard {
    fn drop(&mut self) {
        let _ = execute!(io::stdout(), DisableMouseCapture);
        ratatui::restore();
    }
}

/// Run the reader until the user quits or a signal arrives; returns what is left to say once
/// the terminal is restored (a reading position that could not be saved).
pub fn run(mut app: App) -> io::Result<Option<String>> {
    let (tx, rx) = mpsc::channel::<Wake>();
    spawn_signals(tx.clone())?;
    // The guard first: if entering the alternate screen fails after raw mode was turned on,
    // the early return still restores the terminal.
    let _guard = Guard;
    let mut terminal = ratatui::try_init()?;
    if app.mouse {
        execute!(io::stdout(), EnableMouseCapture)?;
    }
    let size = terminal.size()?;
    app.resize(size.width, size.height);
    spawn_input(tx.clone());
    let mut watch = FileWatch::new(tx);
    watch.follow(app.watched());

    while app.running {
        terminal.draw(|f| crate::ui::draw(f, &app))?;
        let Ok(first) = rx.recv() else { break };
        // Everything that arrived meanwhile is handled before the next frame; an editor's save
        // comes as several file events, and one reload is enough.
        let batch: Vec<Wake> = std::iter::once(first).chain(rx.try_iter()).collect();
        let last_change = batch
            .iter()
            .rposition(|w| matches!(w, Wake::FileChanged(_)));
        for (i, wake) in batch.into_iter().enumerate() {
            match wake {
                Wake::Terminal(Event::Key(k)) if k.is_press() => app.on_key(k),
                Wake::Terminal(Event::Mouse(m)) => app.on_mouse(m),
                Wake::Terminal(Event::Resize(w, h)) => app.resize(w, h),
                Wake::Terminal(_) => {}
                Wake::FileChanged(paths) if Some(i) == last_change => {
                    // Every path reported has the briefing's name (a rename reports two).
                    if let Some(p) = paths.first() {
                        app.file_changed(p);
                    }
                }
                Wake::FileChanged(_) => {}
                Wake::Signal | Wake::InputClosed => app.quit(),
            }
            if !app.running {
                break;
            }
        }
        for effect in std::mem::take(&mut app.effects) {
            apply(effect)?;
        }
        watch.follow(app.watched());
    }
    Ok(app.last_words.take())
}

/// Carry out what the app asked of the terminal.
fn apply(effect: Effect) -> io::Result<()> {
    let mut out = io::stdout();
    match effect {
        Effect::Mouse(true) => execute!(out, EnableMouseCapture),
        Effect::Mouse(false) => execute!(out, DisableMouseCapture),
        // OSC 52: the terminal puts the text on the system clipboard (over ssh too).
        Effect::Clipboard(text) => execute!(out, CopyToClipboard::to_clipboard_from(text)),
    }
}

fn spawn_input(tx: mpsc::Sender<Wake>) {
    std::thread::spawn(move || {
        loop {
            let wake = match event::read() {
                Ok(e) => Wake::Terminal(e),
                Err(_) => Wake::InputClosed,
            };
            let closed = matches!(wake, Wake::InputClosed);
            if tx.send(wake).is_err() || closed {
                break;
            }
        }
    });
}

fn spawn_signals(tx: mpsc::Sender<Wake>) -> io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGINT, SIGHUP])?;
    std::thread::spawn(move || {
        if let Some(signal) = signals.forever().next() {
            let _ = tx.send(Wake::Signal);
            // The loop saves and quits at once unless it is busy; a user who sent a signal
            // must not wait for it, nor be left with a raw terminal.
            std::thread::sleep(BUSY_GRACE);
            let _ = execute!(io::stdout(), DisableMouseCapture);
            ratatui::restore();
            eprintln!("brief: stopped by a signal while busy; the reading position was not saved");
            std::process::exit(128 + signal);
        }
    });
    Ok(())
}

/// How long a signal waits for the loop to quit on its own before the process ends anyway.
const BUSY_GRACE: std::time::Duration = std::time::Duration::from_secs(2);

/// Watches the folder of the open briefing (editors often replace a file by renaming a new one
/// over it, which a watch on the file itself would miss) and reports changes to that file.
struct FileWatch {
    tx: mpsc::Sender<Wake>,
    watcher: Option<notify::RecommendedWatcher>,
    file: Option<PathBuf>,
}

impl FileWatch {
    fn new(tx: mpsc::Sender<Wake>) -> FileWatch {
        FileWatch {
            tx,
            watcher: None,
            file: None,
        }
    }

    /// Watch `file` from now on (nothing for `None`); a no-op when it is already watched.
    fn follow(&mut self, file: Option<&Path>) {
        let file = file.map(|f| std::fs::canonicalize(f).unwrap_or_else(|_| f.to_path_buf()));
        if file == self.file {
            return;
        }
        self.watcher = None;
        self.file = file.clone();
        let Some(file) = file else { return };
        let Some(dir) = file.parent().map(Path::to_path_buf) else {
            return;
        };
        let tx = self.tx.clone();
        let name = file.file_name().map(|n| n.to_os_string());
        let watcher = notify::recommended_watcher(move |res: notify::Result<notify::Event>| {
            let Ok(ev) = res else { return };
            if ev.kind.is_access() {
                return;
            }
            let ours: Vec<PathBuf> = ev
                .paths
                .into_iter()
                .filter(|p| p.file_name().map(|n| n.to_os_string()) == name)
                .collect();
            if !ours.is_empty() {
                let _ = tx.send(Wake::FileChanged(ours));
            }
        });
        if let Ok(mut w) = watcher
            && w.watch(&dir, RecursiveMode::NonRecursive).is_ok()
        {
            self.watcher = Some(w);
        }
    }
}
