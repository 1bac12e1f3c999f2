//! The harness of the end-to-end tests: the real `brief` binary in a real terminal (tmux),
//! driven as a user would. Each `Term` runs its own tmux server (`tmux -L <unique socket>`).

// Each test crate that includes this module uses only part of it.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

pub const BIN: &str = env!("CARGO_BIN_EXE_brief");
pub const PROMPT: &str = "e2e-shell$";

pub fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/reader")
        .join(name)
}

pub fn have_tmux() -> bool {
    let ok = Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok {
        eprintln!("SKIPPED: tmux is not installed, so the end-to-end reader tests cannot run");
    }
    ok
}

/// A tmux server with one shell window, killed on drop.
pub struct Term {
    socket: String,
    pub state: tempfile::TempDir,
}

impl Term {
    pub fn new(name: &str, w: u16, h: u16) -> Term {
        let socket = format!("brief-e2e-{}-{name}", std::process::id());
        let t = Term {
            socket,
            state: tempfile::tempdir().unwrap(),
        };
        let shell = format!(
            "env -i PATH=/usr/bin:/bin HOME=/nonexistent TERM=xterm-256color PS1='{PROMPT} ' sh"
        );
        t.tmux(&[
            "-f",
            "/dev/null",
            "new-session",
            "-d",
            "-x",
            &w.to_string(),
            "-y",
            &h.to_string(),
            &shell,
        ]);
        t.wait_for(PROMPT);
        t
    }

    pub fn tmux(&self, args: &[&str]) -> String {
        let out = Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "tmux {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    pub fn screen(&self) -> String {
        self.tmux(&["capture-pane", "-p"])
    }

    /// Type literal text (no key names).
    pub fn type_text(&self, text: &str) {
        self.tmux(&["send-keys", "-l", text]);
    }

    /// Press named keys (Enter, Escape, …), one at a time so that Esc is not read as Alt.
    pub fn press(&self, key: &str) {
        self.tmux(&["send-keys", key]);
        std::thread::sleep(Duration::from_millis(60));
    }

    pub fn wait_until(&self, what: &str, ok: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let s = self.screen();
            if ok(&s) {
                return s;
            }
            if start.elapsed() > Duration::from_secs(10) {
                panic!("timed out waiting for {what}; screen:\n{s}");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    pub fn wait_for(&self, text: &str) -> String {
        self.wait_until(text, |s| s.contains(text))
    }

    /// Start brief with `args` from the shell.
    pub fn run_brief(&self, args: &[&Path]) {
        self.run_brief_with("", args);
    }

    /// Start brief with environment settings (`NAME=value …`) and `args`.
    pub fn run_brief_with(&self, env: &str, args: &[&Path]) {
        let mut cmd = format!("{env} {BIN} --state-dir {}", self.state.path().display());
        for a in args {
            cmd.push(' ');
            cmd.push_str(&a.display().to_string());
        }
        self.type_text(&cmd);
        self.press("Enter");
    }

    pub fn alternate_screen(&self) -> bool {
        self.tmux(&["display-message", "-p", "#{alternate_on}"])
            .trim()
            == "1"
    }

    /// After brief exits: the alternate screen is left and the shell prompt is back.
    pub fn assert_terminal_restored(&self) {
        let s = self.wait_until("the shell prompt after brief", |s| {
            s.lines().filter(|l| l.starts_with(PROMPT)).count() >= 2
        });
        assert!(
            !self.alternate_screen(),
            "still on the alternate screen:\n{s}"
        );
        // Raw mode would swallow the newline of this echo.
        self.type_text("echo cooked-$((40+2))");
        self.press("Enter");
        self.wait_for("cooked-42");
    }
}

impl Drop for Term {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .arg("kill-server")
            .output();
    }
}
