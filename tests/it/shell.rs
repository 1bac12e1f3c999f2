//! The command line as the shell expects it: completions, the man page, mistyped commands,
//! refusals that keep a user's file, and the reader asked to draw into a pipe.

use assert_cmd::Command;
use predicates::prelude::*;

const SAMPLE: &str = "tests/fixtures/format/sample.brief";
const RAW: &str = "tests/fixtures/import/qa_spokesperson.txt";

fn brief() -> Command {
    Command::cargo_bin("brief").unwrap()
}

#[test]
fn completions_are_written_for_each_shell() {
    for (shell, mark) in [
        ("bash", "_brief()"),
        ("zsh", "#compdef brief"),
        ("fish", "complete -c brief"),
    ] {
        brief()
            .args(["completions", shell])
            .assert()
            .success()
            .stdout(predicate::str::contains(mark).and(predicate::str::contains("import")));
    }
    brief().args(["completions", "tcsh"]).assert().code(2);
}

#[test]
fn the_man_page_is_roff_naming_every_command() {
    brief().arg("man").assert().success().stdout(
        predicate::str::contains(".TH brief")
            .and(predicate::str::contains("import"))
            .and(predicate::str::contains("bookmarks")),
    );
}

#[test]
fn a_mistyped_command_is_named_with_the_one_meant() {
    brief()
        .args(["imprt", RAW])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "unknown command `imprt`; did you mean `import`?",
        ));
    brief()
        .arg("chekc")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("did you mean `check`?"));
}

#[test]
fn import_keeps_an_existing_output_unless_forced() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("x.brief");
    std::fs::write(&out, "hand-corrected").unwrap();
    brief()
        .args(["import", RAW, "-o"])
        .arg(&out)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("already exists; add --force"));
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "hand-corrected");
    brief()
        .args(["import", RAW, "--force", "-o"])
        .arg(&out)
        .assert()
        .success();
    assert!(std::fs::read_to_string(&out).unwrap().starts_with("+++"));
}

#[test]
fn render_width_zero_is_a_usage_error() {
    brief()
        .args(["render", SAMPLE, "--width", "0"])
        .assert()
        .code(2);
    brief()
        .args(["render", SAMPLE, "--width", "1", "--color", "never"])
        .assert()
        .success();
}

#[test]
fn the_reader_into_a_pipe_says_it_needs_a_terminal() {
    brief()
        .arg(SAMPLE)
        .assert()
        .code(2)
        .stdout(predicate::str::is_empty())
        .stderr(predicate::str::contains("needs a terminal"));
}
