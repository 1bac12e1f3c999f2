//! End-to-end: bookmarks, notes, citations and reading positions in the real `brief` binary in
//! a real terminal (tmux), across two runs sharing a state folder. Skipped when tmux is missing.

use crate::tmux;

use tmux::{Term, fixture, have_tmux};

/// The row of the screen holding `text`, which must be there.
fn row_with<'a>(screen: &'a str, text: &str) -> &'a str {
    screen
        .lines()
        .find(|l| l.contains(text))
        .unwrap_or_else(|| panic!("{text:?} is not on the screen:\n{screen}"))
}

#[test]
fn bookmark_with_a_note_survives_a_restart_and_enter_jumps_to_it() {
    if !have_tmux() {
        return;
    }
    let t = Term::new("bm", 100, 30);
    // Let brief's OSC 52 reach tmux's paste buffers, where the test can read them.
    t.tmux(&["set-option", "-s", "set-clipboard", "on"]);
    let harbour = fixture("harbour.brief");
    t.run_brief(&[&harbour]);
    t.wait_for("Opening remarks");

    // Down to Q2, then one paragraph on: Ma Qing's answer.
    t.press("]");
    t.press("]");
    t.wait_for("Q2 · Coastal Business News");
    t.press("J");
    t.press("m");
    t.wait_for("Note (Enter saves");
    t.type_text("compare with March");
    t.press("Enter");
    let s = t.wait_for("bookmarked: Q2");
    let line = row_with(&s, "Exports of new energy vehicles");
    assert!(
        line.contains("▌*Exports"),
        "no marks in the gutter: {line:?}"
    );

    t.press("y");
    t.wait_for("copied");
    let copied = t.tmux(&["show-buffer"]);
    assert!(
        copied.starts_with("“Exports of new energy vehicles were 41,000 units"),
        "{copied}"
    );
    assert!(copied.contains("— Ma Qing, Chief economist"), "{copied}");

    // Read on, so that the position saved is not the bookmark's.
    t.press("]");
    t.wait_for("Q3 · Maritime Weekly");
    t.press("q");
    t.assert_terminal_restored();
    assert!(t.state.path().join("bookmarks.toml").is_file());

    t.tmux(&["send-keys", "clear", "Enter"]);
    t.run_brief(&[&harbour]);
    // Opened where it was left: Q3 at the top, marked in the outline.
    let s = t.wait_for("Q3 · Maritime Weekly");
    assert!(
        s.lines().next().unwrap().contains("Q3 · Maritime Weekly"),
        "the position was not restored:\n{s}"
    );
    let q2 = row_with(&s, "Q2 · Coastal");
    assert!(q2.starts_with(" *Q2"), "Q2 lacks its outline mark: {q2:?}");

    t.press("'");
    let s = t.wait_for("compare with March");
    assert!(
        s.contains("Q2 · Coastal Business News → Ma Qing, Lin Wei"),
        "{s}"
    );
    assert!(s.contains("“Exports of new energy vehicles"), "{s}");
    t.press("Enter");
    let s = t.wait_until("the jump to the bookmark", |s| {
        !s.contains("compare with March") && s.contains("Exports of new energy")
    });
    let line = row_with(&s, "Exports of new energy vehicles");
    assert!(
        line.contains("▌*Exports"),
        "not the current passage: {line:?}"
    );

    t.press("q");
    t.assert_terminal_restored();
}

#[test]
fn a_damaged_bookmarks_file_is_kept_and_reported_and_reading_goes_on() {
    if !have_tmux() {
        return;
    }
    let t = Term::new("corrupt", 100, 30);
    let file = t.state.path().join("bookmarks.toml");
    std::fs::write(&file, "version = 1\n[[bookmark]]\nid = \n").unwrap();
    t.run_brief(&[&fixture("harbour.brief")]);
    let s = t.wait_for("bookmarks.toml:3:6");
    assert!(s.contains("Opening remarks"), "{s}");
    t.press("m");
    t.press("Enter");
    t.wait_for("bookmarked");
    t.press("q");
    t.assert_terminal_restored();
    let kept: Vec<_> = std::fs::read_dir(t.state.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("bookmarks.toml.corrupt-"))
        .collect();
    assert_eq!(kept.len(), 1, "{kept:?}");
    let moved = std::fs::read_to_string(t.state.path().join(&kept[0])).unwrap();
    assert_eq!(moved, "version = 1\n[[bookmark]]\nid = \n");
}
