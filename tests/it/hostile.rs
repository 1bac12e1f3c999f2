//! Hostile files: nothing a briefing or a file name holds may reach the terminal as a control
//! character or an invisible bidi or zero-width character, through any command, and no failed
//! write to stdout or stderr is a panic.

use assert_cmd::Command;
use std::process::Stdio;

const SAMPLE: &str = "tests/fixtures/format/sample.brief";

fn brief() -> Command {
    Command::cargo_bin("brief").unwrap()
}

/// Control bytes other than line breaks and tabs, and the invisible characters of `safe_text`.
fn unsafe_chars(out: &[u8]) -> Vec<char> {
    String::from_utf8_lossy(out)
        .chars()
        .filter(|&c| brief::safe_text::is_unsafe(c) && !matches!(c, '\n' | '\t'))
        .collect()
}

/// The sample briefing with C1, bidi and zero-width characters in its title, a speaker's name
/// and a glossary definition: accepted by `check`, so every command prints them somewhere.
fn hostile_but_valid() -> String {
    std::fs::read_to_string(SAMPLE)
        .unwrap()
        .replacen("Press conference", "Press\u{9b}31m con\u{202e}ference", 1)
        .replacen("Chen Lihua", "Chen\u{200b} Li\u{2066}hua", 1)
        .replacen("A shipping route", "A \u{85}shipping route", 1)
}

#[test]
fn escapes_in_section_kinds_and_file_names_are_shown_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad\u{1b}]0;pwned\u{7}.brief");
    std::fs::write(
        &bad,
        "+++\ntitle = \"x\"\n+++\n## qa\u{1b}]0;pwned\u{7}\n@nobody\u{9b}:\nHi.\n",
    )
    .unwrap();
    for cmd in ["check", "fmt", "render", "outline", "figures", "terms"] {
        let out = brief().arg(cmd).arg(&bad).output().unwrap();
        assert_eq!(out.status.code(), Some(1), "{cmd}");
        assert_eq!(unsafe_chars(&out.stderr), vec![], "{cmd} stderr");
        assert_eq!(unsafe_chars(&out.stdout), vec![], "{cmd} stdout");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("\\u{1b}]0;pwned\\u{7}"), "{cmd}: {err}");
    }
}

#[test]
fn c1_bidi_and_zero_width_in_a_valid_briefing_never_reach_stdout_raw() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("x.brief");
    std::fs::write(&file, hostile_but_valid()).unwrap();
    brief().arg("check").arg(&file).assert().success();
    for args in [
        vec!["outline"],
        vec!["outline", "--json"],
        vec!["terms"],
        vec!["terms", "--json"],
        vec!["figures"],
        vec!["figures", "--json"],
        vec!["render", "--color", "never"],
        vec!["render", "--color", "always"],
    ] {
        let out = brief().args(&args).arg(&file).output().unwrap();
        assert!(out.status.success(), "{args:?}");
        let text = String::from_utf8_lossy(&out.stdout);
        let bad: Vec<char> = unsafe_chars(&out.stdout)
            .into_iter()
            .filter(|&c| !(c == '\u{1b}' && args.contains(&"always")))
            .collect();
        assert_eq!(bad, vec![], "{args:?}: {text}");
        if args.contains(&"--json") {
            // Escaped, not lost: the JSON still says what the file holds.
            let v: serde_json::Value = serde_json::from_str(&text).unwrap();
            if args[0] == "outline" {
                assert!(v.to_string().contains('\u{9b}'), "{v}");
            }
        }
    }
    let outline = brief().arg("outline").arg(&file).output().unwrap();
    let text = String::from_utf8_lossy(&outline.stdout);
    assert!(text.contains("Chen\\u{200b} Li\\u{2066}hua"), "{text}");
}

#[test]
fn a_full_device_is_an_error_not_a_panic() {
    if !std::path::Path::new("/dev/full").exists() {
        eprintln!("SKIPPED: no /dev/full on this system");
        return;
    }
    let state = tempfile::tempdir().unwrap();
    let state_dir = state.path().to_str().unwrap();
    let raw = "MR. LEE: Good afternoon.\n\nQ: Why?\n\nMR. LEE: Because.\n";
    for args in [
        vec!["fmt", "-"],
        vec!["outline", SAMPLE],
        vec!["outline", "--json", SAMPLE],
        vec!["figures", SAMPLE],
        vec!["figures", "--json", SAMPLE],
        vec!["terms", SAMPLE],
        vec!["terms", "--json", SAMPLE],
        vec!["render", SAMPLE],
        vec!["import", "-"],
        vec!["bookmarks", "--json", "--state-dir", state_dir],
        vec!["completions", "bash"],
        vec!["man"],
    ] {
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap();
        let stdin = if args[0] == "import" {
            raw.to_string()
        } else {
            std::fs::read_to_string(SAMPLE).unwrap()
        };
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_brief"))
            .args(&args)
            .stdin(Stdio::piped())
            .stdout(full)
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        use std::io::Write;
        let _ = child.stdin.take().unwrap().write_all(stdin.as_bytes());
        let out = child.wait_with_output().unwrap();
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert!(
            String::from_utf8_lossy(&out.stderr).contains("<stdout>"),
            "{args:?}"
        );
    }
    // stderr full: nobody can be told, but there is no panic either.
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_brief"))
        .args(["check", SAMPLE])
        .stderr(full)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn a_closed_pipe_ends_quietly() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.brief");
    let sample = std::fs::read_to_string(SAMPLE).unwrap();
    let para = "Throughput rose by 4.1% to 1.2 million containers. ".repeat(40);
    let mut text = sample;
    for _ in 0..400 {
        text.push_str(&format!("\n{para}\n"));
    }
    std::fs::write(&big, text).unwrap();
    brief().arg("check").arg(&big).assert().success();
    let bad = dir.path().join("bad.brief");
    std::fs::write(&bad, "+++\ntitle = 1\n+++\n".repeat(2000)).unwrap();
    let commands: [(&[&str], bool); 11] = [
        (&["render"], false),
        (&["outline"], false),
        (&["outline", "--json"], false),
        (&["figures"], false),
        (&["figures", "--json"], false),
        (&["terms", "--json"], false),
        (&["fmt", "--check"], false),
        (&["import", "--explain"], true),
        (&["import"], false),
        (&["man"], false),
        (&["check"], true),
    ];
    for (args, to_stderr) in commands {
        let cmd = args.join(" ");
        let target = if args[0] == "check" { &bad } else { &big };
        let target = if args[0] == "man" { None } else { Some(target) };
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_brief"))
            .args(args)
            .args(target)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // Read nothing: close the pipe the command writes to.
        if to_stderr {
            drop(child.stderr.take());
        } else {
            drop(child.stdout.take());
        }
        let out = child.wait_with_output().unwrap();
        assert_ne!(out.status.code(), Some(101), "{cmd} panicked");
        assert!(
            !String::from_utf8_lossy(&out.stderr).contains("panicked"),
            "{cmd}"
        );
    }
}

#[test]
fn fmt_keeps_a_files_mode_and_leaves_a_read_only_file_alone_unless_forced() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("x.brief");
    // Two blank lines where the canonical form has one: fmt has something to rewrite.
    let text = std::fs::read_to_string(SAMPLE)
        .unwrap()
        .replacen("\n\n", "\n\n\n", 1);
    let set = |mode| std::fs::set_permissions(&file, std::fs::Permissions::from_mode(mode));
    let mode = || std::fs::metadata(&file).unwrap().permissions().mode() & 0o777;

    std::fs::write(&file, &text).unwrap();
    set(0o600).unwrap();
    brief().arg("fmt").arg(&file).assert().success();
    assert_ne!(std::fs::read_to_string(&file).unwrap(), text);
    assert_eq!(mode(), 0o600);

    set(0o644).unwrap();
    std::fs::write(&file, &text).unwrap();
    set(0o444).unwrap();
    let out = brief().arg("fmt").arg(&file).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("read-only, not rewritten"));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), text);
    brief()
        .args(["fmt", "--force"])
        .arg(&file)
        .assert()
        .success();
    assert_ne!(std::fs::read_to_string(&file).unwrap(), text);
    assert_eq!(mode(), 0o444);
}

/// C0 and C1 controls (but line breaks and tabs), bidi controls and zero-width characters,
/// written out here rather than taken from `safe_text`, so that the test checks it.
fn raw_controls(out: &[u8]) -> Vec<char> {
    String::from_utf8_lossy(out)
        .chars()
        .filter(|&c| {
            (c.is_control() && !matches!(c, '\n' | '\t'))
                || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
                || matches!(c, '\u{200b}'..='\u{200f}' | '\u{feff}')
        })
        .collect()
}

/// Characters an attacker would reach for: C0 and C1 controls, bidi controls, zero-width ones,
/// and ordinary text around them.
fn hostile_text() -> impl proptest::strategy::Strategy<Value = String> {
    use proptest::prelude::*;
    let pick = prop_oneof![
        Just('\u{1b}'),
        Just('\u{7}'),
        Just('\u{9b}'),
        Just('\u{85}'),
        Just('\u{202e}'),
        Just('\u{2066}'),
        Just('\u{200b}'),
        Just('\u{feff}'),
        Just('\r'),
        any::<char>(),
        proptest::char::range('a', 'z'),
    ];
    proptest::collection::vec(pick, 0..24).prop_map(|v| v.into_iter().collect())
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(24))]

    /// Whatever a briefing holds, valid or not, no command prints a control or invisible
    /// character, on stdout or on stderr.
    #[test]
    fn no_command_prints_a_control_character(
        title in hostile_text(),
        name in hostile_text(),
        para in hostile_text(),
        kind in hostile_text(),
        speech in hostile_text(),
    ) {
        let text = std::fs::read_to_string(SAMPLE)
            .unwrap()
            .replacen("Press conference", &title, 1)
            .replacen("Chen Lihua", &name, 1)
            .replacen("A shipping route", &para, 1)
            .replacen("## qa", &format!("## qa{kind}"), 1)
            .replacen("Good afternoon.", &format!("Good {speech} afternoon."), 1);
        let commands: [&[&str]; 9] = [
            &["check", "-"],
            &["fmt", "-"],
            &["outline", "-"],
            &["outline", "--json", "-"],
            &["figures", "--json", "-"],
            &["terms", "-"],
            &["terms", "--json", "-"],
            &["render", "--width", "30", "-"],
            &["import", "-"],
        ];
        for args in commands {
            let out = brief().args(args).write_stdin(text.clone()).output().unwrap();
            proptest::prop_assert!(out.status.code().is_some_and(|c| c < 100), "{args:?} crashed");
            proptest::prop_assert_eq!(raw_controls(&out.stdout), vec![], "{:?} stdout", args);
            proptest::prop_assert_eq!(raw_controls(&out.stderr), vec![], "{:?} stderr", args);
        }
    }
}
