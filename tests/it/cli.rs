//! The command-line tools, run as a user runs them.

use assert_cmd::Command;
use predicates::prelude::*;

const SAMPLE: &str = "tests/fixtures/format/sample.brief";

fn brief() -> Command {
    Command::cargo_bin("brief").unwrap()
}

#[test]
fn check_accepts_a_good_file_and_reports_every_error_in_a_bad_one() {
    brief()
        .args(["check", SAMPLE])
        .assert()
        .success()
        .stderr(predicate::str::contains("ok (4 sections, 2 questions"));
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.brief");
    std::fs::write(
        &bad,
        "+++\ntitle = \"x\"\n+++\n## remarks\n@nobody:\nHi.\n## panel\n",
    )
    .unwrap();
    let out = brief()
        .arg("check")
        .arg(&bad)
        .assert()
        .code(1)
        .get_output()
        .stderr
        .clone();
    let err = String::from_utf8(out).unwrap();
    assert!(
        err.contains("bad.brief:5:2: unknown speaker `nobody`"),
        "{err}"
    );
    assert!(
        err.contains("bad.brief:7:4: unknown section kind `panel`"),
        "{err}"
    );
    assert!(err.contains("1 of 1 file has errors"), "{err}");
}

#[test]
fn usage_errors_exit_2_and_missing_files_exit_1() {
    brief().args(["check"]).assert().code(2);
    brief()
        .args(["outline", "--bogus", SAMPLE])
        .assert()
        .code(2);
    brief()
        .args(["check", "no/such/file.brief"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no/such/file.brief"));
}

#[test]
fn invalid_utf8_on_stdin_is_an_error_with_a_position() {
    brief()
        .args(["check", "-"])
        .write_stdin(b"+++\ntitle = \"\xff\"\n".to_vec())
        .assert()
        .code(1)
        .stderr(predicate::str::contains("<stdin>:2:10: invalid UTF-8"));
}

#[test]
fn fmt_rewrites_in_place_and_is_idempotent() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("s.brief");
    std::fs::copy(SAMPLE, &file).unwrap();
    brief()
        .args(["fmt", "--check"])
        .arg(&file)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("1 file is not in canonical form"));
    let other = dir.path().join("t.brief");
    std::fs::copy(SAMPLE, &other).unwrap();
    brief()
        .args(["fmt", "--check"])
        .arg(&file)
        .arg(&other)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "2 files are not in canonical form",
        ));
    brief().arg("fmt").arg(&file).assert().success();
    let once = std::fs::read_to_string(&file).unwrap();
    brief()
        .args(["fmt", "--check"])
        .arg(&file)
        .assert()
        .success();
    brief().arg("fmt").arg(&file).assert().success();
    assert_eq!(std::fs::read_to_string(&file).unwrap(), once);
    // Standard input to standard output.
    brief()
        .args(["fmt", "-"])
        .write_stdin(once.clone())
        .assert()
        .success()
        .stdout(once);
}

#[test]
fn fmt_leaves_a_file_with_errors_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("bad.brief");
    let text = "+++\ntitle = \"x\"\n+++\n## remarks\n@ghost:\nHi.\n";
    std::fs::write(&file, text).unwrap();
    brief().arg("fmt").arg(&file).assert().code(1);
    assert_eq!(std::fs::read_to_string(&file).unwrap(), text);
}

#[test]
fn outline_json_has_the_documented_shape() {
    let out = brief()
        .args(["outline", "--json", SAMPLE])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(
        v["title"],
        "Press conference on the port economy in the first quarter"
    );
    assert_eq!(v["date"], "2025-04-18");
    assert_eq!(v["speakers"][1]["name"], "Zhou Ming");
    assert_eq!(v["speakers"][1]["role"], "Deputy director");
    let q = &v["sections"][1];
    assert_eq!(q["kind"], "qa");
    assert_eq!(q["outlet"], "Harbour Weekly");
    assert_eq!(q["title"], "Sea-rail transport");
    assert_eq!(q["turns"][0]["kind"], "question");
    assert_eq!(q["turns"][0]["speaker"], "Li Na");
    assert_eq!(q["turns"][1]["kind"], "answer");
    assert_eq!(q["turns"][1]["line"], 56);
    let unnamed = &v["sections"][2]["turns"][0];
    assert!(unnamed["speaker"].is_null());
    assert_eq!(unnamed["excerpt"], "Will fees fall?");
    assert_eq!(v["sections"][2]["outlet"], serde_json::Value::Null);
    let excerpt = v["sections"][0]["turns"][1]["excerpt"].as_str().unwrap();
    assert_eq!(excerpt.chars().count(), 80);
}

#[test]
fn outline_reads_standard_input_and_survives_a_closed_pipe() {
    let text = std::fs::read_to_string(SAMPLE).unwrap();
    brief()
        .args(["outline", "-"])
        .write_stdin(text)
        .assert()
        .success()
        .stdout(predicate::str::contains("Q1 · Harbour Weekly → Zhou Ming"));
    // `brief outline big | head -1`: a closed pipe ends the output quietly, not with a panic.
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.brief");
    let turns = "@reporter:\nA question about the port?\n\n".repeat(20_000);
    std::fs::write(&big, format!("+++\ntitle = \"Big\"\n+++\n## qa\n{turns}")).unwrap();
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_brief"))
        .arg("outline")
        .arg(&big)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{:?}", out.status);
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn every_subcommand_has_help() {
    for sub in [
        "check",
        "fmt",
        "import",
        "outline",
        "figures",
        "terms",
        "render",
        "bookmarks",
    ] {
        brief()
            .args([sub, "--help"])
            .assert()
            .success()
            .stdout(predicate::str::contains("Usage: brief"));
    }
}

#[test]
fn the_reader_on_standard_input_is_a_usage_error() {
    let out = brief().arg("-").write_stdin("").assert().code(2);
    let err = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert!(err.contains("the reader needs a file"), "{err}");
    assert!(!err.contains("No such file"), "{err}");
    assert!(out.get_output().stdout.is_empty());
}

#[test]
fn options_before_a_command_are_a_usage_error_that_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let out = brief()
        .current_dir(dir.path())
        .args(["--state-dir", "st", "bookmarks"])
        .assert()
        .code(2);
    let err = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert!(err.contains("`bookmarks` is a command"), "{err}");
    assert!(out.get_output().stdout.is_empty());
}

#[test]
fn a_shared_glossary_with_control_characters_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("s.brief");
    std::fs::copy(SAMPLE, &file).unwrap();
    std::fs::write(
        dir.path().join("glossary.toml"),
        "[[glossary]]\nterm = \"cold chain\"\ndefinition = \"bad \\u001b[31m def\"\n",
    )
    .unwrap();
    let at = format!(
        "{}:3:19: control character",
        dir.path().join("glossary.toml").display()
    );
    let check = brief().arg("check").arg(&file).assert().code(1);
    let err = String::from_utf8(check.get_output().stderr.clone()).unwrap();
    assert!(err.contains(&at), "{err}");
    let terms = brief().arg("terms").arg(&file).assert().code(1);
    assert!(!terms.get_output().stdout.contains(&0x1b));
    let err = String::from_utf8(terms.get_output().stderr.clone()).unwrap();
    assert!(err.contains(&at), "{err}");
}

#[test]
fn render_wraps_to_the_width_and_colours_only_when_asked() {
    let plain = brief()
        .args(["render", "--width", "40", "--color", "never", SAMPLE])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let plain = String::from_utf8(plain).unwrap();
    assert!(!plain.contains('\u{1b}'));
    assert!(
        plain
            .lines()
            .all(|l| unicode_width::UnicodeWidthStr::width(l) <= 40),
        "{plain}"
    );
    assert!(plain.contains("Q1 · Harbour Weekly: Sea-rail\n"), "{plain}");
    assert!(plain.contains("Zhou Ming — Deputy director"), "{plain}");
    let words = |s: &str| {
        s.split_whitespace()
            .filter(|w| w.chars().all(char::is_alphanumeric))
            .count()
    };
    assert!(words(&plain) > 100);
    let colour = brief()
        .args(["render", "--width", "40", "--color", "always", SAMPLE])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let colour = String::from_utf8(colour).unwrap();
    assert!(
        colour.contains("\u{1b}["),
        "figures and headings are coloured"
    );
    // The last style a line sets is a reset, so the terminal is not left coloured.
    for line in colour.lines().filter(|l| l.contains('\u{1b}')) {
        let last = &line[line.rfind('\u{1b}').unwrap()..];
        assert!(last.starts_with("\u{1b}[0m"), "{line:?}");
    }
    // Piped output defaults to no colour.
    let auto = brief()
        .args(["render", SAMPLE])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert!(!auto.contains(&0x1b));
}
