//! `brief bookmarks`: listing, JSON and Markdown export, through the real binary.

use crate::store_fixture;

use assert_cmd::Command;
use brief::store::{BriefingRef, Store};
use predicates::prelude::*;
use std::path::Path;
use store_fixture::*;

fn brief(state: &Path) -> Command {
    let mut cmd = Command::cargo_bin("brief").unwrap();
    cmd.env("BRIEF_STATE_DIR", state);
    cmd
}

/// Two bookmarks on the fixture, remembered at a path where no file exists (so the stored quotes
/// are used), one with a note.
fn bookmarked(state: &Path) {
    let b = briefing();
    let gone = state.join("moved-away/industry.brief");
    let (mut store, _) = Store::open(Some(state.to_path_buf())).unwrap();
    store
        .add(
            &BriefingRef::new(&b, Some(&gone)),
            &b,
            at(1, 1, 0),
            Some("ask for the list of 40 firms".into()),
        )
        .unwrap();
    store
        .add(&BriefingRef::new(&b, Some(&gone)), &b, at(2, 1, 0), None)
        .unwrap();
}

#[test]
fn empty_state_lists_no_bookmarks() {
    let dir = tempfile::tempdir().unwrap();
    brief(dir.path())
        .arg("bookmarks")
        .assert()
        .success()
        .stdout("no bookmarks\n");
    brief(dir.path())
        .args(["bookmarks", "--json"])
        .assert()
        .success()
        .stdout("[]\n");
}

#[test]
fn list_shows_briefing_section_passage_note_and_date() {
    let dir = tempfile::tempdir().unwrap();
    bookmarked(dir.path());
    let out = brief(dir.path()).arg("bookmarks").assert().success();
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(
        text.starts_with("Press conference on industry in the first three quarters (2026-10-20)\n"),
        "{text}"
    );
    assert!(
        text.contains("Q1 · China Daily → Zhao Ming · q1.t2.p1 · 20"),
        "{text}"
    );
    assert!(
        text.contains("    We set up a platform that matches chip makers"),
        "{text}"
    );
    assert!(
        text.contains("    note: ask for the list of 40 firms\n"),
        "{text}"
    );
    assert!(
        text.contains("Q2 · The Paper → Qian Li · q2.t2.p1"),
        "{text}"
    );
}

#[test]
fn json_lists_every_field_and_says_the_file_was_not_checked() {
    let dir = tempfile::tempdir().unwrap();
    bookmarked(dir.path());
    let out = brief(dir.path())
        .args(["bookmarks", "--json"])
        .assert()
        .success();
    let v: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    let list = v.as_array().unwrap();
    assert_eq!(list.len(), 2);
    let first = &list[0];
    assert_eq!(
        first["title"],
        "Press conference on industry in the first three quarters"
    );
    assert_eq!(first["date"], "2026-10-20");
    assert_eq!(first["section"], "Q1 · China Daily → Zhao Ming");
    assert_eq!(first["speaker"], "Zhao Ming");
    assert_eq!(first["role"], "Vice minister, Ministry of Industry");
    assert_eq!(first["anchor"], "q1.t2.p1");
    assert_eq!(first["status"], "unchecked");
    assert_eq!(first["quote"], CHIPS);
    assert_eq!(first["note"], "ask for the list of 40 firms");
    assert!(first["created"].as_str().unwrap().ends_with('Z'));
    assert!(list[1]["note"].is_null());
}

#[test]
fn markdown_export_writes_citation_ready_blocks() {
    let dir = tempfile::tempdir().unwrap();
    bookmarked(dir.path());
    let out = dir.path().join("bookmarks.md");
    brief(dir.path())
        .args(["bookmarks", "export", "--format", "markdown", "-o"])
        .arg(&out)
        .assert()
        .success()
        .stdout("");
    let md = std::fs::read_to_string(&out).unwrap();
    let block = format!(
        "## Q1 · China Daily → Zhao Ming\n\n> “{CHIPS}”\n> — Zhao Ming, Vice minister, Ministry of \
         Industry, “Press conference on industry in the first three quarters”, 2026-10-20\n\n\
         Passage q1.t2.p1, bookmarked 20"
    );
    assert!(md.starts_with("# Bookmarks\n\n"), "{md}");
    assert!(md.contains(&block), "{md}");
    assert!(
        md.contains("\nNote: ask for the list of 40 firms\n"),
        "{md}"
    );
    assert!(md.contains("## Q2 · The Paper → Qian Li"), "{md}");
}

#[test]
fn state_dir_flag_overrides_the_environment() {
    let used = tempfile::tempdir().unwrap();
    let other = tempfile::tempdir().unwrap();
    bookmarked(used.path());
    brief(other.path())
        .arg("bookmarks")
        .arg("--state-dir")
        .arg(used.path())
        .assert()
        .success()
        .stdout(predicate::str::contains("Q2 · The Paper"));
}

#[test]
fn damaged_state_is_reported_and_kept() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("bookmarks.toml"), "this is [not toml").unwrap();
    brief(dir.path())
        .arg("bookmarks")
        .assert()
        .success()
        .stdout("no bookmarks\n")
        .stderr(
            predicate::str::contains("brief: warning: ")
                .and(predicate::str::contains("bookmarks.toml:1:")),
        );
    let kept: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("bookmarks.toml.corrupt-"))
        .collect();
    assert_eq!(kept.len(), 1);
}

#[test]
fn control_characters_in_a_hand_edited_file_do_not_reach_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    bookmarked(dir.path());
    let path = dir.path().join("bookmarks.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    let edited = text.replace(
        "ask for the list",
        "ask \\u001b]52;c;aGk=\\u0007for the list",
    );
    assert_ne!(text, edited);
    std::fs::write(&path, edited).unwrap();
    for args in [&["bookmarks"][..], &["bookmarks", "export"]] {
        let out = brief(dir.path()).args(args).assert().success();
        let stdout = String::from_utf8(out.get_output().stdout.clone()).unwrap();
        assert!(
            !stdout.contains('\x1b') && !stdout.contains('\x07'),
            "{stdout:?}"
        );
        assert!(stdout.contains("ask �]52;c;aGk=�for the list"), "{stdout}");
    }
}

#[test]
fn bookmarks_are_looked_up_again_in_the_edited_file() {
    let dir = tempfile::tempdir().unwrap();
    let state = dir.path().join("state");
    let file = dir.path().join("industry.brief");
    std::fs::write(&file, brief::format::write(&briefing())).unwrap();
    let b = brief::format::load(&file).unwrap();
    let (mut store, _) = Store::open(Some(state.clone())).unwrap();
    let json = |state: &Path| -> Vec<serde_json::Value> {
        let out = brief(state)
            .args(["bookmarks", "--json"])
            .assert()
            .success();
        serde_json::from_slice(&out.get_output().stdout).unwrap()
    };
    store
        .add(
            &BriefingRef::new(&b, Some(&file)),
            &b,
            find(&b, CHIPS_MORE),
            Some("n".into()),
        )
        .unwrap();
    store
        .add(&BriefingRef::new(&b, Some(&file)), &b, find(&b, SME), None)
        .unwrap();
    let v = json(&state);
    assert_eq!(v[0]["status"], "exact");
    assert_eq!(v[0]["anchor"], "q1.t2.p2");

    let mut edited = b.clone();
    edited.sections[1].turns[1]
        .paragraphs
        .insert(0, brief::model::Paragraph::plain("Thank you."));
    edited.sections[2].turns[1].paragraphs[0].text = "We will publish the list soon.".into();
    std::fs::write(&file, brief::format::write(&edited)).unwrap();

    let v = json(&state);
    assert_eq!(v[0]["status"], "moved");
    assert_eq!(v[0]["anchor"], "q1.t2.p3");
    assert_eq!(v[1]["status"], "not_found");
    assert!(v[1]["anchor"].is_null());
    brief(&state)
        .arg("bookmarks")
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "Q2 · The Paper → Qian Li · passage not found",
        ));
    let out = brief(&state)
        .args(["bookmarks", "export"])
        .assert()
        .success();
    let md = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    // A found passage is cited from the file as it is now, source included.
    assert!(
        md.contains(&format!(
            "> “{CHIPS_MORE}”\n> — Zhao Ming, Vice minister, Ministry of Industry, “Press \
             conference on industry in the first three quarters”, 2026-10-20, Ministry of \
             Industry\n\nPassage q1.t2.p3"
        )),
        "{md}"
    );
    // A lost one is quoted as it was bookmarked, and says so.
    assert!(md.contains(&format!("> “{SME}”")), "{md}");
    assert!(
        md.contains("the passage was not found in it; quoted as bookmarked on 20"),
        "{md}"
    );
}

#[test]
fn a_passage_found_under_another_question_number_is_listed_under_it() {
    let dir = tempfile::tempdir().unwrap();
    let state = dir.path().join("state");
    let file = dir.path().join("industry.brief");
    let b = briefing();
    std::fs::write(&file, brief::format::write(&b)).unwrap();
    let b = brief::format::load(&file).unwrap();
    let (mut store, _) = Store::open(Some(state.clone())).unwrap();
    store
        .add(&BriefingRef::new(&b, Some(&file)), &b, find(&b, SME), None)
        .unwrap();
    // A question is inserted before Q2, which becomes Q3.
    let mut edited = b.clone();
    edited.sections.insert(1, b.sections[1].clone());
    edited.sections[1].turns[1].paragraphs = vec![brief::model::Paragraph::plain("Yes.")];
    std::fs::write(&file, brief::format::write(&edited)).unwrap();

    let out = brief(&state)
        .args(["bookmarks", "--json"])
        .assert()
        .success();
    let v: Vec<serde_json::Value> = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(v[0]["status"], "moved");
    assert_eq!(v[0]["section"], "Q3 · The Paper → Qian Li");
    assert_eq!(v[0]["anchor"], "q3.t2.p1");
    brief(&state)
        .arg("bookmarks")
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "Q3 · The Paper → Qian Li · q3.t2.p1",
        ));
    brief(&state)
        .args(["bookmarks", "export"])
        .assert()
        .success()
        .stdout(predicate::str::contains("## Q3 · The Paper → Qian Li\n"));
}
