//! End-to-end: the real `brief` binary in a real terminal (tmux), driven as a user would.
//! Each test runs its own tmux server (`tmux -L <unique socket>`); skipped when tmux is missing.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_brief");
const PROMPT: &str = "e2e-shell$";

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/reader")
        .join(name)
}

fn have_tmux() -> bool {
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
struct Term {
    socket: String,
    state: tempfile::TempDir,
}

impl Term {
    fn new(name: &str, w: u16, h: u16) -> Term {
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

    fn tmux(&self, args: &[&str]) -> String {
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

    fn screen(&self) -> String {
        self.tmux(&["capture-pane", "-p"])
    }

    /// Type literal text (no key names).
    fn type_text(&self, text: &str) {
        self.tmux(&["send-keys", "-l", text]);
    }

    /// Press named keys (Enter, Escape, …), one at a time so that Esc is not read as Alt.
    fn press(&self, key: &str) {
        self.tmux(&["send-keys", key]);
        std::thread::sleep(Duration::from_millis(60));
    }

    fn wait_until(&self, what: &str, ok: impl Fn(&str) -> bool) -> String {
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

    fn wait_for(&self, text: &str) -> String {
        self.wait_until(text, |s| s.contains(text))
    }

    /// Start brief with `args` from the shell.
    fn run_brief(&self, args: &[&Path]) {
        let mut cmd = format!("{BIN} --state-dir {}", self.state.path().display());
        for a in args {
            cmd.push(' ');
            cmd.push_str(&a.display().to_string());
        }
        self.type_text(&cmd);
        self.press("Enter");
    }

    fn alternate_screen(&self) -> bool {
        self.tmux(&["display-message", "-p", "#{alternate_on}"])
            .trim()
            == "1"
    }

    /// After brief exits: the alternate screen is left and the shell prompt is back.
    fn assert_terminal_restored(&self) {
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

#[test]
fn read_jump_search_resize_and_quit() {
    if !have_tmux() {
        return;
    }
    let t = Term::new("main", 100, 30);
    t.run_brief(&[&fixture("harbour.brief")]);
    t.wait_for("Opening remarks");
    assert!(t.alternate_screen());
    for _ in 0..3 {
        t.press("]");
    }
    let s = t.wait_for("Q3 · Maritime Weekly");
    // The outline marks the third question as the one being read.
    let marked: Vec<&str> = s.lines().filter(|l| l.starts_with('▸')).collect();
    assert_eq!(marked.len(), 1, "{s}");
    assert!(marked[0].starts_with("▸Q3 "), "{s}");
    // Its heading is at the top of the transcript.
    assert!(
        s.lines().next().unwrap().contains("Q3 · Maritime Weekly"),
        "{s}"
    );

    t.press("/");
    t.type_text("41,000");
    t.press("Enter");
    let s = t.wait_for("match 1/1");
    assert!(s.contains("41,000 units"), "{s}");
    assert!(s.contains("Q2 · Coastal Business News"), "{s}");

    t.tmux(&["resize-window", "-x", "60", "-y", "16"]);
    let s = t.wait_until("a 60-column layout", |s| {
        s.lines().all(|l| unicode_width(l) <= 60) && s.contains("41,000")
    });
    assert_eq!(s.lines().count(), 16, "{s}");
    t.tmux(&["resize-window", "-x", "12", "-y", "4"]);
    t.wait_for("small");
    t.tmux(&["resize-window", "-x", "100", "-y", "30"]);
    t.wait_for("41,000");

    t.press("q");
    t.assert_terminal_restored();
}

fn unicode_width(s: &str) -> usize {
    // tmux pads wide characters; counting chars is enough for the ASCII-heavy English fixture.
    s.trim_end().chars().count()
}

#[test]
fn sigterm_restores_the_terminal() {
    if !have_tmux() {
        return;
    }
    let t = Term::new("term", 80, 24);
    t.run_brief(&[&fixture("chengshi.brief")]);
    t.wait_for("城市公共交通");
    let pid = t.tmux(&["display-message", "-p", "#{pane_pid}"]);
    // The shell's child is the brief we started: signal it by its own pid.
    let child = Command::new("ps")
        .args(["--ppid", pid.trim(), "-o", "pid="])
        .output()
        .unwrap();
    let child = String::from_utf8_lossy(&child.stdout).trim().to_string();
    assert!(
        !child.is_empty() && !child.contains('\n'),
        "children: {child:?}"
    );
    let out = Command::new("kill")
        .args(["-TERM", &child])
        .status()
        .unwrap();
    assert!(out.success());
    t.assert_terminal_restored();
}

#[test]
fn a_bad_keymap_is_reported_before_the_terminal_is_touched() {
    let dir = tempfile::tempdir().unwrap();
    let km = dir.path().join("keymap.toml");
    std::fs::write(&km, "[move]\nscroll_down = [\"j\"]\nfly_away = [\"x\"]\n").unwrap();
    let out = Command::new(BIN)
        .arg("--keymap")
        .arg(&km)
        .arg(fixture("harbour.brief"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("keymap.toml:3:1"), "{err}");
    assert!(
        out.stdout.is_empty(),
        "the terminal was touched: {:?}",
        out.stdout
    );
}

#[test]
fn a_broken_briefing_is_reported_before_the_terminal_is_touched() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("bad.brief");
    std::fs::write(&f, "+++\ntitle = \"x\"\n+++\n\n@nobody:\nHello.\n").unwrap();
    let out = Command::new(BIN).arg(&f).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("bad.brief:5:"), "{err}");
    assert!(out.stdout.is_empty());
}

#[test]
fn an_edit_on_disk_is_shown_without_losing_the_place() {
    if !have_tmux() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("harbour.brief");
    let text = std::fs::read_to_string(fixture("harbour.brief")).unwrap();
    std::fs::write(&path, &text).unwrap();
    let t = Term::new("edit", 100, 30);
    t.run_brief(&[&path]);
    t.wait_for("Opening remarks");
    t.press("]");
    t.press("]");
    t.wait_for("41,000 units");
    // An editor that writes a new file and renames it over the old one.
    let tmp = dir.path().join(".harbour.brief.swp");
    std::fs::write(&tmp, text.replace("41,000 units", "42,500 units")).unwrap();
    std::fs::rename(&tmp, &path).unwrap();
    let s = t.wait_for("42,500 units");
    assert!(
        s.lines()
            .next()
            .unwrap()
            .contains("Q2 · Coastal Business News"),
        "{s}"
    );
    t.press("q");
    t.assert_terminal_restored();
}

#[test]
fn with_no_argument_the_samples_library_opens() {
    if !have_tmux() {
        return;
    }
    let t = Term::new("lib", 100, 30);
    let empty = tempfile::tempdir().unwrap();
    t.type_text(&format!("cd {}", empty.path().display()));
    t.press("Enter");
    t.run_brief(&[]);
    t.wait_for("built-in samples");
    t.wait_for("Briefing on port traffic");
    t.press("G");
    t.press("Enter");
    t.wait_for("Opening remarks");
    t.press("L");
    t.wait_for("built-in samples");
    t.press("q");
    t.assert_terminal_restored();
}

#[test]
fn a_bookmark_and_the_position_survive_a_restart() {
    if !have_tmux() {
        return;
    }
    let t = Term::new("marks", 100, 30);
    let file = fixture("harbour.brief");
    t.run_brief(&[&file]);
    t.wait_for("Opening remarks");
    for _ in 0..4 {
        t.press("]");
    }
    t.wait_for("Q4 · Reporter: Small firms");
    t.press("m");
    t.wait_for("Note (Enter saves");
    t.type_text("freight rates");
    t.press("Enter");
    t.wait_for("bookmarked: Q4");
    t.press("j");
    t.press("q");
    t.assert_terminal_restored();

    t.run_brief(&[&file]);
    // Back where we left: the question of Q4 at the top of the page.
    let s = t.wait_for("Many small trading firms");
    let top = s.lines().next().unwrap();
    assert!(top.contains("Many small trading firms"), "{s}");
    t.press("g");
    t.wait_for("· 0%");
    t.press("'");
    let s = t.wait_for("freight rates");
    assert!(s.contains("Many small trading firms"), "{s}");
    t.press("Enter");
    let s = t.wait_until("the bookmarked passage", |s| !s.contains("Note: freight"));
    assert!(s.contains("Many small trading firms"), "{s}");
    assert!(
        s.lines()
            .any(|l| l.starts_with("▸Q4") || l.starts_with("*Q4")),
        "{s}"
    );
    t.press("q");
    t.assert_terminal_restored();
}
