//! End-to-end: the real `brief` binary in a real terminal (tmux), driven as a user would.
//! Each test runs its own tmux server (`tmux -L <unique socket>`); skipped when tmux is missing.

use crate::tmux;

use std::path::Path;
use std::process::Command;
use tmux::{BIN, Term, fixture, have_tmux};

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
    assert!(marked[0].starts_with("▸ Q3 "), "{s}");
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

/// The processes whose parent is `pid` (from /proc, so no `ps` is needed).
fn children_of(pid: u32) -> Vec<u32> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir("/proc").unwrap().flatten() {
        let Ok(child) = entry.file_name().to_string_lossy().parse::<u32>() else {
            continue;
        };
        let Ok(stat) = std::fs::read_to_string(entry.path().join("stat")) else {
            continue;
        };
        // "pid (comm) state ppid …": the name may hold spaces, so split after its parenthesis.
        let after = stat.rsplit_once(')').map_or("", |(_, rest)| rest);
        if after.split_whitespace().nth(1) == Some(pid.to_string().as_str()) {
            out.push(child);
        }
    }
    out
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
    let child = children_of(pid.trim().parse().unwrap());
    assert_eq!(child.len(), 1, "children of the shell: {child:?}");
    let child = child[0].to_string();
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
    // The shipped briefings, newest first: the second is the SCIO press conference.
    t.wait_for("SCIO briefing on the development");
    t.press("j");
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
    // Back where we left: the question of Q4 at the top of the page, under its headings.
    let s = t.wait_for("Many small trading firms");
    let top = s.lines().next().unwrap();
    assert!(top.contains("Q4 · Reporter: Small firms"), "{s}");
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
            .any(|l| l.starts_with("▸*Q4") || l.starts_with(" *Q4")),
        "{s}"
    );
    t.press("q");
    t.assert_terminal_restored();
}

#[test]
fn mouse_capture_follows_the_flag_and_the_toggle_key() {
    if !have_tmux() {
        return;
    }
    let t = Term::new("mouse", 100, 30);
    let mouse = |t: &Term| {
        t.tmux(&[
            "display-message",
            "-p",
            "#{mouse_any_flag}#{mouse_button_flag}#{mouse_all_flag}",
        ])
        .trim()
        .contains('1')
    };
    let file = fixture("harbour.brief");
    t.run_brief(&[&file]);
    t.wait_for("Opening remarks");
    t.wait_until("mouse capture on", |_| mouse(&t));
    t.press("M");
    t.wait_for("mouse off");
    t.wait_until("mouse capture off", |_| !mouse(&t));
    t.press("q");
    t.assert_terminal_restored();

    t.run_brief(&[Path::new("--no-mouse"), &file]);
    t.wait_for("Opening remarks");
    assert!(!mouse(&t));
    t.press("M");
    t.wait_for("mouse on");
    t.wait_until("mouse capture on", |_| mouse(&t));
    t.press("q");
    t.assert_terminal_restored();
    assert!(!mouse(&t), "mouse capture left on after exit");
}

#[test]
fn no_color_keeps_highlights_apart_without_colours() {
    if !have_tmux() {
        return;
    }
    let t = Term::new("nocolor", 100, 30);
    t.run_brief_with("NO_COLOR=1", &[&fixture("harbour.brief")]);
    t.wait_for("Opening remarks");
    let styled = t.tmux(&["capture-pane", "-p", "-e"]);
    // SGR colour parameters: 30–37, 38;…, 40–47, 48;…, 90–97, 100–107.
    let colour =
        regex::Regex::new(r"\x1b\[(?:[0-9;]*;)?(?:3[0-8]|4[0-8]|9[0-7]|10[0-7])[;m]").unwrap();
    assert!(
        !colour.is_match(&styled),
        "colour with NO_COLOR:\n{styled:?}"
    );
    // Figures are bold and terms underlined instead.
    assert!(
        styled.contains("\x1b[1m") || styled.contains(";1m") || styled.contains("[1;"),
        "{styled:?}"
    );
    assert!(styled.contains("4m"), "{styled:?}");
    t.press("q");
    t.assert_terminal_restored();
}
