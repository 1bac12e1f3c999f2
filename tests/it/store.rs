//! Bookmarks and reading positions survive restarts, edits, re-imports and damaged files.

use crate::store_fixture;

use brief::model::{Paragraph, Section, SectionKind, SourceLine, Turn, TurnKind};
use brief::store::{BriefingRef, Resolved, Store, Warning, identity};
use std::fs;
use std::path::Path;
use store_fixture::*;

fn open(dir: &Path) -> Store {
    let (store, warnings) = Store::open(Some(dir.to_path_buf())).unwrap();
    assert!(warnings.is_empty(), "{warnings:?}");
    store
}

#[test]
fn bookmarks_and_positions_survive_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let b = briefing();
    let file = dir.path().join("industry.brief");
    let mut store = open(dir.path());
    let first = store
        .add(
            &BriefingRef::new(&b, Some(&file)),
            &b,
            at(1, 1, 0),
            Some("check the 40 firms".into()),
        )
        .unwrap()
        .unwrap();
    let second = store
        .add(&BriefingRef::new(&b, Some(&file)), &b, at(2, 1, 0), None)
        .unwrap()
        .unwrap();
    store
        .save_position(&BriefingRef::new(&b, Some(&file)), &b, at(1, 1, 1))
        .unwrap();
    assert_ne!(first.id, second.id);
    assert_eq!(first.section, "Q1 · China Daily → Zhao Ming");
    assert_eq!(first.speaker, "Zhao Ming");
    assert_eq!(
        first.role.as_deref(),
        Some("Vice minister, Ministry of Industry")
    );
    assert_eq!(first.passage.anchor, "q1.t2.p1");
    assert_eq!(first.passage.quote, CHIPS);
    assert_eq!(first.briefing.path.as_deref(), file.to_str());

    let again = open(dir.path());
    assert_eq!(again.bookmarks(), &[first.clone(), second]);
    let id = identity(&b);
    assert_eq!(again.bookmarks_for(&id).len(), 2);
    let pos = again.position(&id).expect("saved position");
    assert_eq!(pos.restore(&b), Some(at(1, 1, 1)));
    assert_eq!(first.resolve(&b), Resolved::Exact(at(1, 1, 0)));

    let text = fs::read_to_string(dir.path().join("bookmarks.toml")).unwrap();
    assert!(text.contains("note = \"check the 40 firms\""), "{text}");
    assert!(text.contains("anchor = \"q1.t2.p1\""), "{text}");
}

#[test]
fn paragraph_inserted_before_moves_the_bookmark() {
    let dir = tempfile::tempdir().unwrap();
    let b = briefing();
    let mut store = open(dir.path());
    let bm = store
        .add(&BriefingRef::new(&b, None), &b, at(1, 1, 1), None)
        .unwrap()
        .unwrap();

    let mut edited = b.clone();
    edited.sections[1].turns[1]
        .paragraphs
        .insert(0, Paragraph::plain("Thank you for the question."));
    assert!(identity(&edited).matches(&bm.briefing.id));
    let now = bm.resolve(&edited);
    assert_eq!(now, Resolved::Moved(at(1, 1, 2)));
    assert_eq!(edited.paragraph(at(1, 1, 2)).unwrap().text, CHIPS_MORE);
}

#[test]
fn reimport_that_shifts_sections_keeps_the_bookmark() {
    let dir = tempfile::tempdir().unwrap();
    let b = briefing();
    let mut store = open(dir.path());
    let bm = store
        .add(&BriefingRef::new(&b, None), &b, at(2, 1, 0), None)
        .unwrap()
        .unwrap();
    assert_eq!(bm.passage.anchor, "q2.t2.p1");

    // The importer now splits a question it used to miss, and rewraps a paragraph differently.
    let mut reimported = b.clone();
    reimported.sections.insert(
        1,
        Section {
            kind: SectionKind::Qa,
            title: None,
            outlet: None,
            turns: vec![Turn {
                speaker: "reporter".into(),
                kind: TurnKind::Question,
                paragraphs: vec![Paragraph::plain("Could you say more about exports?")],
                line: SourceLine(0),
            }],
            line: SourceLine(0),
        },
    );
    reimported.sections[3].turns[1].paragraphs[0].text = SME.replace(", which", ",  which");

    let reopened = open(dir.path());
    let mine: Vec<_> = reopened.bookmarks_for(&identity(&reimported));
    assert_eq!(mine.len(), 1);
    let now = mine[0].resolve(&reimported);
    assert_eq!(now, Resolved::Moved(at(3, 1, 0)));
    assert_eq!(reimported.anchor_id(now.anchor().unwrap()), "q3.t2.p1");
}

/// Q1 of the fixture with a question inserted before it: Q1 is Q2 now.
fn with_a_question_first(b: &brief::model::Briefing) -> brief::model::Briefing {
    let mut edited = b.clone();
    let mut first = b.sections[1].clone();
    first.outlet = Some("Port News".into());
    first.turns.truncate(1);
    first.turns[0].paragraphs = vec![Paragraph::plain("A question inserted first?")];
    edited.sections.insert(1, first);
    edited
}

#[test]
fn a_relabelled_bookmark_is_shown_at_once_and_written_with_the_next_change() {
    let dir = tempfile::tempdir().unwrap();
    let b = briefing();
    let r = BriefingRef::new(&b, None);
    let mut store = open(dir.path());
    let bm = store.add(&r, &b, at(1, 1, 0), None).unwrap().unwrap();
    assert_eq!(bm.section, "Q1 · China Daily → Zhao Ming");
    let edited = with_a_question_first(&b);
    let now = bm.resolve(&edited).anchor().unwrap();

    store.relabel(&edited, [(bm.id.as_str(), now)]);
    let shown = store.bookmark(&bm.id).unwrap();
    assert_eq!(shown.section, "Q2 · China Daily → Zhao Ming");
    assert_eq!(shown.passage.anchor, "q2.t2.p1");
    // Not written yet; still shown after reading the file again.
    assert_eq!(
        open(dir.path()).bookmark(&bm.id).unwrap().passage.anchor,
        "q1.t2.p1"
    );
    store.reload().unwrap();
    assert_eq!(store.bookmark(&bm.id).unwrap().passage.anchor, "q2.t2.p1");

    // Another reader changes the bookmarks meanwhile; the next change here keeps both.
    let mut other = open(dir.path());
    other
        .set_note(&bm.id, Some("from the other reader".into()))
        .unwrap();
    store.add(&r, &b, at(2, 1, 0), None).unwrap();
    let disk = open(dir.path());
    let written = disk.bookmark(&bm.id).unwrap();
    assert_eq!(written.section, "Q2 · China Daily → Zhao Ming");
    assert_eq!(written.passage.anchor, "q2.t2.p1");
    assert_eq!(written.note.as_deref(), Some("from the other reader"));
    assert_eq!(disk.bookmarks().len(), 2);
    assert_eq!(written.resolve(&edited), Resolved::Exact(now));
}

#[test]
fn reworded_passage_is_found_and_deleted_one_is_kept_as_not_found() {
    let dir = tempfile::tempdir().unwrap();
    let b = briefing();
    let mut store = open(dir.path());
    let reworded = store
        .add(&BriefingRef::new(&b, None), &b, at(0, 1, 0), None)
        .unwrap()
        .unwrap();
    let deleted = store
        .add(
            &BriefingRef::new(&b, None),
            &b,
            at(1, 1, 1),
            Some("still short?".into()),
        )
        .unwrap()
        .unwrap();

    let mut edited = b.clone();
    edited.sections[0].turns[1].paragraphs[0].text = OUTPUT.replace("grew by 3.9%", "rose 3.9%");
    edited.sections[1].turns[1].paragraphs.remove(1);
    assert_eq!(reworded.resolve(&edited), Resolved::Moved(at(0, 1, 0)));
    assert_eq!(deleted.resolve(&edited), Resolved::NotFound);

    // Looking does not delete: the bookmark is still there, note and quote included.
    let reopened = open(dir.path());
    let kept = reopened.bookmark(&deleted.id).expect("kept");
    assert_eq!(kept.note.as_deref(), Some("still short?"));
    assert_eq!(kept.passage.quote, CHIPS_MORE);
}

#[test]
fn delete_returns_the_bookmark_for_undo_and_notes_can_be_edited() {
    let dir = tempfile::tempdir().unwrap();
    let b = briefing();
    let mut store = open(dir.path());
    let ids: Vec<String> = (0..3)
        .map(|i| {
            store
                .add(&BriefingRef::new(&b, None), &b, at(i, 1, 0), None)
                .unwrap()
                .unwrap()
                .id
        })
        .collect();
    let before = store.bookmarks().to_vec();

    let gone = store.delete(&ids[1]).unwrap().expect("deleted");
    assert_eq!(store.bookmarks().len(), 2);
    assert!(store.delete(&ids[1]).unwrap().is_none());
    store.restore(gone).unwrap();
    assert_eq!(open(dir.path()).bookmarks(), &before[..]);

    assert!(
        store
            .set_note(&ids[2], Some("quote in Friday's piece".into()))
            .unwrap()
    );
    assert!(!store.set_note("no-such-id", Some("x".into())).unwrap());
    assert_eq!(
        open(dir.path()).bookmark(&ids[2]).unwrap().note.as_deref(),
        Some("quote in Friday's piece")
    );
    assert!(store.set_note(&ids[2], Some("  ".into())).unwrap());
    assert_eq!(open(dir.path()).bookmark(&ids[2]).unwrap().note, None);
}

#[test]
fn two_open_stores_keep_each_others_changes() {
    let dir = tempfile::tempdir().unwrap();
    let b = briefing();
    let mut one = open(dir.path());
    let mut two = open(dir.path());
    let a = one
        .add(&BriefingRef::new(&b, None), &b, at(0, 0, 0), None)
        .unwrap()
        .unwrap();
    // `two` has not seen `a`, but writes on top of what is on disk, not of its stale copy.
    let c = two
        .add(&BriefingRef::new(&b, None), &b, at(1, 0, 0), None)
        .unwrap()
        .unwrap();
    assert_eq!(two.bookmarks().len(), 2);
    assert!(two.delete(&a.id).unwrap().is_some());
    one.set_note(&c.id, Some("seen by one".into())).unwrap();
    let ids: Vec<_> = open(dir.path())
        .bookmarks()
        .iter()
        .map(|bm| (bm.id.clone(), bm.note.clone()))
        .collect();
    assert_eq!(ids, vec![(c.id, Some("seen by one".to_string()))]);

    one.save_position(&BriefingRef::new(&b, None), &b, at(2, 0, 0))
        .unwrap();
    let mut other = b.clone();
    other.meta.title = "Another briefing".into();
    other.sections[0].turns[0].paragraphs[0].text = "A different opening.".into();
    two.save_position(&BriefingRef::new(&other, None), &other, at(0, 0, 0))
        .unwrap();
    let third = open(dir.path());
    assert!(third.position(&identity(&b)).is_some());
    assert!(third.position(&identity(&other)).is_some());
}

#[test]
fn damaged_bookmarks_file_is_kept_aside_and_reported() {
    let dir = tempfile::tempdir().unwrap();
    let damaged = "version = 1\n[[bookmark]]\nid = \"x\"\nsection = \n";
    fs::write(dir.path().join("bookmarks.toml"), damaged).unwrap();
    let (mut store, warnings) = Store::open(Some(dir.path().to_path_buf())).unwrap();
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    let Warning::MovedAside { moved_to, .. } = &warnings[0];
    let name = moved_to.file_name().unwrap().to_string_lossy().into_owned();
    assert!(name.starts_with("bookmarks.toml.corrupt-20"), "{name}");
    assert!(
        warnings[0].to_string().contains("bookmarks.toml:4:"),
        "{}",
        warnings[0]
    );
    assert!(store.bookmarks().is_empty());

    // The reader goes on: new bookmarks go to a new file, the damaged one is untouched.
    let b = briefing();
    store
        .add(&BriefingRef::new(&b, None), &b, at(0, 0, 0), None)
        .unwrap();
    assert_eq!(fs::read_to_string(moved_to).unwrap(), damaged);
    assert_eq!(open(dir.path()).bookmarks().len(), 1);
}

#[test]
fn file_written_by_a_newer_brief_is_refused_not_replaced() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("positions.toml"), "version = 2\n").unwrap();
    let err = Store::open(Some(dir.path().to_path_buf())).unwrap_err();
    assert!(err.to_string().contains("newer brief"), "{err}");
    assert_eq!(
        fs::read_to_string(dir.path().join("positions.toml")).unwrap(),
        "version = 2\n"
    );
}

#[test]
fn opening_a_moved_file_updates_the_last_known_path() {
    let dir = tempfile::tempdir().unwrap();
    let b = briefing();
    let mut store = open(dir.path());
    store
        .add(
            &BriefingRef::new(&b, Some(Path::new("/old/place/industry.brief"))),
            &b,
            at(0, 0, 0),
            None,
        )
        .unwrap();
    let moved = dir.path().join("new/industry.brief");
    store.touch(&BriefingRef::new(&b, Some(&moved))).unwrap();
    let reopened = open(dir.path());
    let bm = &reopened.bookmarks()[0];
    assert_eq!(bm.briefing.path.as_deref(), moved.to_str());
}

#[test]
fn resolve_all_lists_a_briefings_bookmarks_in_document_order_lost_ones_last() {
    let dir = tempfile::tempdir().unwrap();
    let b = briefing();
    let mut store = open(dir.path());
    let lost = store
        .add(&BriefingRef::new(&b, None), &b, at(1, 1, 1), None)
        .unwrap()
        .unwrap();
    let late = store
        .add(&BriefingRef::new(&b, None), &b, at(2, 1, 0), None)
        .unwrap()
        .unwrap();
    let early = store
        .add(&BriefingRef::new(&b, None), &b, at(0, 1, 0), None)
        .unwrap()
        .unwrap();
    let mut other = b.clone();
    other.meta.title = "Another briefing".into();
    other.sections.truncate(1);
    other.sections[0].turns[0].paragraphs[0].text = "Another opening.".into();
    store
        .add(&BriefingRef::new(&other, None), &other, at(0, 0, 0), None)
        .unwrap();

    let mut edited = b.clone();
    edited.sections[1].turns[1].paragraphs.remove(1);
    edited.sections[0].turns[1]
        .paragraphs
        .insert(0, Paragraph::plain("Let me start with the figures."));
    let got: Vec<_> = store
        .resolve_all(&identity(&edited), &edited)
        .into_iter()
        .map(|(bm, r)| (bm.id.clone(), r))
        .collect();
    assert_eq!(
        got,
        vec![
            (early.id, Resolved::Moved(at(0, 1, 1))),
            (late.id, Resolved::Exact(at(2, 1, 0))),
            (lost.id, Resolved::NotFound),
        ]
    );
}
