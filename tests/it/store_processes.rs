//! Several processes bookmarking into one state folder at the same time lose nothing.
//!
//! The test binary runs itself as the writers: `writer` is an ignored test that, when started
//! with `BRIEF_TEST_WRITER_DIR` set, adds bookmarks (and deletes every third one it made) as fast
//! as it can.

use crate::store_fixture;

use brief::store::{BriefingRef, Store};
use std::path::PathBuf;
use std::process::{Command, Stdio};
use store_fixture::*;

const ADDS: usize = 30;
const WRITERS: usize = 3;

#[test]
#[ignore = "run by concurrent_processes_keep_every_bookmark in child processes"]
fn writer() {
    let dir = PathBuf::from(std::env::var("BRIEF_TEST_WRITER_DIR").expect("writer needs a dir"));
    let tag = std::env::var("BRIEF_TEST_WRITER_TAG").expect("writer needs a tag");
    let b = briefing();
    let r = BriefingRef::new(&b, None);
    let (mut store, warnings) = Store::open(Some(dir)).unwrap();
    assert!(warnings.is_empty(), "{warnings:?}");
    for i in 0..ADDS {
        let a = at(i % 3, 1, 0);
        let bm = store
            .add(&r, &b, a, Some(format!("{tag}-{i}")))
            .unwrap()
            .unwrap();
        if i % 3 == 2 {
            assert!(store.delete(&bm.id).unwrap().is_some());
        }
        store.save_position(&r, &b, a).unwrap();
    }
}

/// The writer test's name in the one integration-test binary.
const WRITER_TEST: &str = "store_processes::writer";

#[test]
fn concurrent_processes_keep_every_bookmark() {
    let dir = tempfile::tempdir().unwrap();
    let exe = std::env::current_exe().unwrap();
    let children: Vec<_> = (0..WRITERS)
        .map(|n| {
            Command::new(&exe)
                .args([WRITER_TEST, "--exact", "--ignored", "--test-threads=1"])
                .env("BRIEF_TEST_WRITER_DIR", dir.path())
                .env("BRIEF_TEST_WRITER_TAG", format!("w{n}"))
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for child in children {
        let out = child.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "writer failed:\n{}\n{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        // The writer really ran (a filtered-out test would pass without doing anything).
        assert!(String::from_utf8_lossy(&out.stdout).contains("1 passed"));
    }

    let (store, warnings) = Store::open(Some(dir.path().to_path_buf())).unwrap();
    assert!(warnings.is_empty(), "{warnings:?}");
    let mut notes: Vec<String> = store
        .bookmarks()
        .iter()
        .filter_map(|bm| bm.note.clone())
        .collect();
    notes.sort();
    let mut expected: Vec<String> = (0..WRITERS)
        .flat_map(|n| {
            (0..ADDS)
                .filter(|i| i % 3 != 2)
                .map(move |i| format!("w{n}-{i}"))
        })
        .collect();
    expected.sort();
    assert_eq!(notes, expected);
    assert!(
        store
            .position(&brief::store::identity(&briefing()))
            .is_some()
    );
    // Nothing but the two state files and the lock is left behind (no temporary files).
    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["bookmarks.toml", "positions.toml", "state.lock"]);
}

#[test]
fn a_lock_held_elsewhere_is_waited_for_a_bounded_time_then_reported() {
    let dir = tempfile::tempdir().unwrap();
    let b = briefing();
    let r = BriefingRef::new(&b, None);
    let (mut store, _) = Store::open(Some(dir.path().to_path_buf())).unwrap();
    // Another open of the lock file: flock locks conflict between open files, as between processes.
    let held = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(dir.path().join("state.lock"))
        .unwrap();
    fs4::fs_std::FileExt::lock_exclusive(&held).unwrap();
    let err = store
        .add(&r, &b, at(0, 1, 0), None)
        .expect_err("a held lock is reported");
    assert!(
        err.to_string().contains("locked by another process"),
        "{err}"
    );
    drop(held);
    assert!(store.add(&r, &b, at(0, 1, 0), None).unwrap().is_some());
}

#[cfg(unix)]
#[test]
fn a_state_file_that_is_a_pipe_is_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("bookmarks.toml");
    let made = Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("SKIPPED: mkfifo is not available");
        return;
    }
    let err = match Store::open(Some(dir.path().to_path_buf())) {
        Ok(_) => panic!("a pipe is not read"),
        Err(e) => e.to_string(),
    };
    assert!(err.contains("not a regular file"), "{err}");
    assert!(fifo.exists(), "the pipe is left where it was");
}
