//! The keymap as users meet it: the shipped keymap.toml, user files layered over it, and bad
//! keymap files run through the binary (a clear `file:line:col` message on stderr, exit code 2,
//! and nothing written to the terminal).

use brief::action::Action;
use brief::keymap::{DEFAULT_KEYMAP, Key, Keymap};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::path::Path;
use std::process::{Command, Output};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn the_binary_embeds_the_repository_keymap() {
    let file = std::fs::read_to_string(root().join("keymap.toml")).unwrap();
    assert_eq!(DEFAULT_KEYMAP, file);
}

#[test]
fn the_shipped_keymap_has_no_key_twice_and_a_key_for_every_action() {
    let km = Keymap::defaults();
    let mut seen: Vec<(String, Action)> = Vec::new();
    for &action in Action::ALL {
        let keys = km.keys_for(action);
        assert!(!keys.is_empty(), "{action} has no default key");
        for k in keys {
            if let Some((_, other)) = seen.iter().find(|(s, _)| *s == k) {
                panic!("key {k} is bound to both {other} and {action}");
            }
            // Every default key reads back as itself.
            let parsed: Key = k.parse().unwrap();
            assert_eq!(parsed.to_string(), k);
            seen.push((k, action));
        }
    }
    // The reverse map agrees with the lists.
    for (k, action) in &seen {
        let key: Key = k.parse().unwrap();
        let event = KeyEvent::new(key.code, key.modifiers);
        assert_eq!(km.action(&event), Some(*action), "{k}");
    }
}

#[test]
fn the_issue_s_default_keys_are_there() {
    let km = Keymap::defaults();
    for (action, key) in [
        (Action::PageDown, "space"),
        (Action::PageUp, "b"),
        (Action::HalfPageDown, "ctrl-d"),
        (Action::NextQuestion, "]"),
        (Action::PrevTurn, "{"),
        (Action::JumpBack, "ctrl-o"),
        (Action::GotoPercent, "%"),
        (Action::Search, "/"),
        (Action::SearchPrev, "N"),
        (Action::Help, "f1"),
        (Action::Bookmark, "m"),
        (Action::Bookmarks, "'"),
        (Action::CopyPassage, "y"),
        (Action::Reload, "r"),
        (Action::FocusNext, "tab"),
    ] {
        assert!(
            km.keys_for(action).iter().any(|k| k == key),
            "{action}: {key}"
        );
    }
}

#[test]
fn a_user_file_overrides_action_by_action() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("keymap.toml");
    std::fs::write(&path, "# mine\n[search]\nsearch = [\"ctrl-f\", \"/\"]\n").unwrap();
    let km = Keymap::load(Some(&path)).unwrap();
    assert_eq!(km.keys_for(Action::Search), ["ctrl-f", "/"]);
    // ctrl-f was page_down's; it moved, and page_down keeps its other keys.
    assert_eq!(km.keys_for(Action::PageDown), ["space", "pagedown"]);
    let ctrl_f = KeyEvent::new(KeyCode::Char('f'), KeyModifiers::CONTROL);
    assert_eq!(km.action(&ctrl_f), Some(Action::Search));
    assert_eq!(km.keys_for(Action::Quit), ["q", "ctrl-c"]);
}

fn brief(args: &[&str], xdg: Option<&Path>) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_brief"));
    cmd.current_dir(root()).args(args).env_remove("NO_COLOR");
    // A home of its own, so a keymap of the machine's user is never read.
    let home = tempfile::tempdir().unwrap();
    cmd.env("HOME", home.path());
    match xdg {
        Some(d) => cmd.env("XDG_CONFIG_HOME", d),
        None => cmd.env("XDG_CONFIG_HOME", home.path()),
    };
    cmd.output().unwrap()
}

#[test]
fn bad_keymaps_are_refused_before_the_terminal_is_touched() {
    let cases = [
        (
            "unknown_action",
            "4:1: unknown action `prev_questoin` (did you mean `prev_question`?)",
        ),
        (
            "malformed_key",
            "2:19: invalid key \"ctrl-\": unknown key `ctrl-`",
        ),
        (
            "duplicate_key",
            "4:11: key \"g\" is bound to both `top` (line 3) and `bottom`",
        ),
        ("duplicate_action", "5:1: `top` is already bound on line 2"),
        (
            "not_a_list",
            "1:8: expected a list of key strings, as in quit = [\"q\", \"ctrl-c\"]",
        ),
        ("bad_toml", "1:9: invalid TOML"),
        (
            "unknown_table",
            "1:2: unknown table `[motion]`; tables are: move, jump",
        ),
        ("digit", "2:18: digits cannot be bound"),
        ("not_a_string", "1:14: expected a key string"),
        ("not_utf8", "3:12: invalid UTF-8 (byte 0xe9)"),
        (
            "ctrl_c_elsewhere",
            "2:16: \"ctrl-c\" always quits; it cannot be bound to `search`",
        ),
    ];
    let dir = root().join("tests/invalid_configs");
    let mut files: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    let mut named: Vec<String> = cases.iter().map(|(n, _)| format!("{n}.toml")).collect();
    named.sort();
    assert_eq!(files, named, "every fixture has an expected message");
    for (name, expected) in cases {
        let file = format!("tests/invalid_configs/{name}.toml");
        let out = brief(
            &["--keymap", &file, "tests/fixtures/reader/harbour.brief"],
            None,
        );
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{name}: {stderr}");
        assert!(
            stderr.starts_with(&format!("brief: {file}:{expected}")),
            "{name}: {stderr}"
        );
        assert!(out.stdout.is_empty(), "{name}: wrote to the terminal");
    }
}

#[test]
fn ctrl_c_quits_whatever_the_keymap_says() {
    let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
    let km = Keymap::from_str_layered("quit = []\n", "user.toml").unwrap();
    assert_eq!(km.action(&ctrl_c), Some(Action::Quit));
    assert_eq!(km.keys_for(Action::Quit), ["ctrl-c"]);
    let q = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::NONE);
    assert_eq!(km.action(&q), None);
    let km = Keymap::from_str_layered("quit = [\"x\"]\n", "user.toml").unwrap();
    assert_eq!(km.action(&ctrl_c), Some(Action::Quit));
    assert_eq!(km.keys_for(Action::Quit), ["x", "ctrl-c"]);
}

#[test]
fn a_missing_keymap_file_is_a_usage_error() {
    let out = brief(&["--keymap", "no/such/keymap.toml"], None);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.starts_with("brief: no/such/keymap.toml: cannot read the keymap"),
        "{stderr}"
    );
}

#[test]
fn the_user_keymap_in_the_config_folder_is_read_and_checked() {
    let xdg = tempfile::tempdir().unwrap();
    std::fs::create_dir(xdg.path().join("brief")).unwrap();
    let path = xdg.path().join("brief/keymap.toml");
    std::fs::write(&path, "quit = [\"Q\", \"Q\"]\n").unwrap();
    let out = brief(&["tests/fixtures/reader/harbour.brief"], Some(xdg.path()));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("brief/keymap.toml:1:14: key \"Q\" is listed twice for `quit`"),
        "{stderr}"
    );
    // A good user keymap is accepted: the run gets as far as the briefing, which is missing.
    std::fs::write(&path, "quit = [\"Q\"]\n").unwrap();
    let out = brief(&["no/such.brief"], Some(xdg.path()));
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
