//! Bookmarks and reading positions in the reader, driven by keys, with a temporary state folder.

use brief::app::library::Origin;
use brief::app::{App, Overlay};
use brief::format;
use brief::keymap::Keymap;
use brief::store::Store;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/reader")
        .join(name)
}

fn app_with_state(state: &Path, file: &Path) -> App {
    let store = Store::open(Some(state.to_path_buf()))
        .map(|(s, _)| s)
        .map_err(|e| e.to_string());
    let mut app = App::new(Keymap::defaults(), Rect::new(0, 0, 100, 30), false).with_store(store);
    app.open(
        format::load(file).unwrap(),
        Origin::File(file.to_path_buf()),
    );
    app
}

fn keys(app: &mut App, seq: &str) {
    for c in seq.chars() {
        let code = match c {
            '\n' => KeyCode::Enter,
            '\x1b' => KeyCode::Esc,
            c => KeyCode::Char(c),
        };
        app.on_key(KeyEvent::new(code, KeyModifiers::NONE));
    }
}

fn list(app: &App) -> (bool, Vec<brief::app::marks::BookmarkRow>, usize) {
    match &app.overlay {
        Some(Overlay::Bookmarks {
            all,
            items,
            selected,
        }) => (*all, items.clone(), *selected),
        other => panic!("no bookmarks list: {other:?}"),
    }
}

#[test]
fn bookmark_with_a_note_then_list_jump_delete_undo_and_edit() {
    let state = tempfile::tempdir().unwrap();
    let file = fixture("harbour.brief");
    let mut app = app_with_state(state.path(), &file);
    keys(&mut app, "]]]");
    let q3 = app.doc.as_ref().unwrap().current;
    keys(&mut app, "mcheck the cost\n");
    assert!(
        app.message
            .as_ref()
            .unwrap()
            .text
            .starts_with("bookmarked: Q3")
    );
    assert_eq!(app.doc.as_ref().unwrap().marks, [q3]);
    // Esc saves without a note.
    keys(&mut app, "g");
    keys(&mut app, "m\x1b");
    assert_eq!(app.doc.as_ref().unwrap().marks.len(), 2);

    keys(&mut app, "'");
    let (all, items, _) = list(&app);
    assert!(!all);
    assert_eq!(items.len(), 2);
    assert_eq!(items[0].note.as_deref(), Some("check the cost"));
    assert!(items[0].start.starts_with("Will the green corridor"));
    assert_eq!(items[1].note, None);
    // Enter jumps to the first one.
    keys(&mut app, "\n");
    assert!(app.overlay.is_none());
    assert_eq!(app.doc.as_ref().unwrap().current, q3);

    // d deletes, u brings it back, e edits the note.
    keys(&mut app, "'d");
    assert_eq!(list(&app).1.len(), 1);
    assert_eq!(app.doc.as_ref().unwrap().marks.len(), 1);
    keys(&mut app, "u");
    assert_eq!(list(&app).1.len(), 2);
    keys(&mut app, "e");
    for _ in 0.."check the cost".len() {
        app.on_key(KeyEvent::new(KeyCode::Backspace, KeyModifiers::NONE));
    }
    keys(&mut app, "ask again\n");
    assert_eq!(list(&app).1[0].note.as_deref(), Some("ask again"));
    keys(&mut app, "\x1b");

    // The notes are on disk: another store sees them.
    let (other, _) = Store::open(Some(state.path().to_path_buf())).unwrap();
    assert_eq!(other.bookmarks().len(), 2);
    assert_eq!(other.bookmarks()[0].note.as_deref(), Some("ask again"));
}

#[test]
fn next_and_previous_bookmark_wrap_and_the_outline_is_marked() {
    let state = tempfile::tempdir().unwrap();
    let mut app = app_with_state(state.path(), &fixture("harbour.brief"));
    keys(&mut app, "]m\x1b]]]m\x1bg");
    let marks = app.doc.as_ref().unwrap().marks.clone();
    assert_eq!(marks.len(), 2);
    keys(&mut app, "+");
    assert_eq!(app.doc.as_ref().unwrap().current, marks[0]);
    keys(&mut app, "+");
    assert_eq!(app.doc.as_ref().unwrap().current, marks[1]);
    keys(&mut app, "+");
    assert_eq!(app.doc.as_ref().unwrap().current, marks[0]);
    keys(&mut app, "-");
    assert_eq!(app.doc.as_ref().unwrap().current, marks[1]);
    let mut t = ratatui::Terminal::new(ratatui::backend::TestBackend::new(100, 30)).unwrap();
    t.draw(|f| brief::ui::draw(f, &app)).unwrap();
    let screen = t.backend().to_string();
    assert!(screen.contains("*Q1 · Harbour Daily"), "{screen}");
}

#[test]
fn the_reading_position_is_restored_when_the_briefing_is_opened_again() {
    let state = tempfile::tempdir().unwrap();
    let file = fixture("harbour.brief");
    let mut app = app_with_state(state.path(), &file);
    keys(&mut app, "]]]]jj");
    let doc = app.doc.as_ref().unwrap();
    let top = doc.view.anchor_at(doc.offset).unwrap();
    keys(&mut app, "q");
    assert!(!app.running);
    let again = app_with_state(state.path(), &file);
    let doc = again.doc.as_ref().unwrap();
    assert_eq!(doc.view.anchor_at(doc.offset), Some(top));
    assert_eq!(doc.current, top);
}

#[test]
fn a_bookmark_of_another_briefing_opens_it() {
    let state = tempfile::tempdir().unwrap();
    let zh = fixture("chengshi.brief");
    let mut app = app_with_state(state.path(), &zh);
    keys(&mut app, "]m地铁\n");
    let marked = app.doc.as_ref().unwrap().current;
    let mut app = app_with_state(state.path(), &fixture("harbour.brief"));
    keys(&mut app, "'");
    assert!(list(&app).1.is_empty());
    keys(&mut app, "a");
    let (all, items, _) = list(&app);
    assert!(all);
    assert_eq!(items.len(), 1);
    assert!(!items[0].here);
    keys(&mut app, "\n");
    let doc = app.doc.as_ref().unwrap();
    assert_eq!(doc.full.meta.title, "城市公共交通发展情况新闻发布会");
    assert_eq!(doc.current, marked);
}

#[test]
fn an_edited_file_keeps_its_bookmarks_and_a_removed_passage_is_not_found() {
    let state = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("h.brief");
    let text = std::fs::read_to_string(fixture("harbour.brief")).unwrap();
    std::fs::write(&path, &text).unwrap();
    let mut app = app_with_state(state.path(), &path);
    keys(&mut app, "]]]m\x1b");
    keys(&mut app, "]m\x1b");
    // A paragraph is inserted before both, and the second passage is removed.
    let edited = text
        .replace(
            "Friends from the media, good morning.",
            "A new first paragraph.\n\nFriends from the media, good morning.",
        )
        .replace(
            "Many small trading firms say that freight costs are still high. What is being done for them?",
            "A different question altogether.",
        );
    std::fs::write(&path, edited).unwrap();
    keys(&mut app, "r");
    let doc = app.doc.as_ref().unwrap();
    assert_eq!(doc.marks.len(), 1);
    let p = doc.full.paragraph(doc.marks[0]).unwrap();
    assert!(p.text.starts_with("Will the green corridor"));
    keys(&mut app, "'");
    let (_, items, _) = list(&app);
    assert_eq!(items.len(), 2);
    assert!(items.iter().any(|r| r.anchor.is_none()));
}

#[test]
fn without_a_usable_state_folder_the_reader_still_works() {
    let dir = tempfile::tempdir().unwrap();
    let blocker = dir.path().join("file-not-folder");
    std::fs::write(&blocker, "").unwrap();
    let store = Store::open(Some(blocker.join("state")))
        .map(|(s, _)| s)
        .map_err(|e| e.to_string());
    assert!(store.is_err());
    let file = fixture("harbour.brief");
    let mut app = App::new(Keymap::defaults(), Rect::new(0, 0, 80, 24), false).with_store(store);
    app.open(format::load(&file).unwrap(), Origin::File(file));
    keys(&mut app, "m");
    assert!(app.prompt.is_none());
    assert!(
        app.message
            .as_ref()
            .unwrap()
            .text
            .starts_with("bookmarks are off")
    );
    keys(&mut app, "]q");
    assert!(!app.running);
}
