//! Bookmarks and reading positions in the reader, driven by keys, with a temporary state folder.

use brief::action::Action;
use brief::app::library::Origin;
use brief::app::{App, Effect, Overlay};
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

/// The screen as text, drawn at the app's size.
fn screen(app: &App) -> String {
    let (w, h) = (app.area.width, app.area.height);
    let mut t = ratatui::Terminal::new(ratatui::backend::TestBackend::new(w, h)).unwrap();
    t.draw(|f| brief::ui::draw(f, app)).unwrap();
    t.backend().to_string()
}

fn message(app: &App) -> &str {
    app.message.as_ref().map_or("", |m| m.text.as_str())
}

/// A copy of the harbour fixture that a test may edit, with its own state folder.
struct Editable {
    state: tempfile::TempDir,
    /// Holds the folder of `path` for as long as the test runs.
    _dir: tempfile::TempDir,
    path: std::path::PathBuf,
    text: String,
}

/// The editable copy, and a reader open on it.
fn editable_harbour() -> (Editable, App) {
    let state = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("h.brief");
    let text = std::fs::read_to_string(fixture("harbour.brief")).unwrap();
    std::fs::write(&path, &text).unwrap();
    let app = app_with_state(state.path(), &path);
    let h = Editable {
        state,
        _dir: dir,
        path,
        text,
    };
    (h, app)
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
    let top = doc.lines.anchor_at(doc.offset).unwrap();
    keys(&mut app, "q");
    assert!(!app.running);
    let again = app_with_state(state.path(), &file);
    let doc = again.doc.as_ref().unwrap();
    assert_eq!(doc.lines.anchor_at(doc.offset), Some(top));
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
    let (h, mut app) = editable_harbour();
    let (path, text) = (&h.path, &h.text);
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
    std::fs::write(path, edited).unwrap();
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

#[test]
fn ctrl_c_in_the_note_prompt_bookmarks_nothing() {
    let state = tempfile::tempdir().unwrap();
    let mut app = app_with_state(state.path(), &fixture("harbour.brief"));
    keys(&mut app, "mhalf a note");
    app.on_key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL));
    assert!(app.prompt.is_none());
    assert_eq!(message(&app), "not bookmarked");
    assert!(app.doc.as_ref().unwrap().marks.is_empty());
    let (s, _) = Store::open(Some(state.path().to_path_buf())).unwrap();
    assert!(s.bookmarks().is_empty());
}

#[test]
fn the_current_passage_and_bookmarks_are_marked_in_the_gutter() {
    let state = tempfile::tempdir().unwrap();
    let mut app = app_with_state(state.path(), &fixture("harbour.brief"));
    // Ma Qing's answer to Q2, the paragraph after the question.
    keys(&mut app, "]]Jm\n");
    let shown = screen(&app);
    let line = shown
        .lines()
        .find(|l| l.contains("Exports of new energy"))
        .unwrap_or_else(|| panic!("the passage is not shown:\n{shown}"));
    assert!(line.contains("│▌*Exports"), "{line}");
    // Another passage current: the bookmark keeps its mark, the current one moves.
    keys(&mut app, "J");
    let shown = screen(&app);
    let line = shown
        .lines()
        .find(|l| l.contains("Exports of new energy"))
        .unwrap();
    assert!(line.contains("│ *Exports"), "{line}");
}

#[test]
fn undo_puts_a_deleted_bookmark_back_in_its_place() {
    let state = tempfile::tempdir().unwrap();
    let mut app = app_with_state(state.path(), &fixture("harbour.brief"));
    // Made within the same second, so their times cannot order them.
    keys(&mut app, "mfirst\nJmsecond\nJmthird\n");
    let notes =
        |app: &App| -> Vec<String> { list(app).1.into_iter().map(|r| r.note.unwrap()).collect() };
    for i in 0..3 {
        keys(&mut app, "'");
        for _ in 0..i {
            keys(&mut app, "j");
        }
        keys(&mut app, "d");
        assert_eq!(notes(&app).len(), 2);
        keys(&mut app, "u");
        assert_eq!(
            notes(&app),
            ["first", "second", "third"],
            "after deleting {i}"
        );
        keys(&mut app, "\x1b");
    }
}

#[test]
fn y_puts_the_passage_with_its_citation_on_the_clipboard() {
    let state = tempfile::tempdir().unwrap();
    let mut app = app_with_state(state.path(), &fixture("harbour.brief"));
    keys(&mut app, "Jy");
    let copied: Vec<&String> = app
        .effects
        .iter()
        .filter_map(|e| match e {
            Effect::Clipboard(t) => Some(t),
            _ => None,
        })
        .collect();
    assert_eq!(copied.len(), 1);
    let text = copied[0];
    assert!(
        text.starts_with("“In the first quarter, the port handled"),
        "{text}"
    );
    assert!(
        text.contains("— Lin Wei, Director of the Port Authority"),
        "{text}"
    );
    assert!(text.contains("Briefing on port traffic"), "{text}");
    assert!(text.contains("2024-04-16"), "{text}");
    assert_eq!(message(&app), "passage copied with its citation");
}

#[test]
fn a_page_left_at_a_question_heading_reopens_exactly_there() {
    let state = tempfile::tempdir().unwrap();
    let file = fixture("harbour.brief");
    let mut app = app_with_state(state.path(), &file);
    keys(&mut app, "]]");
    let doc = app.doc.as_ref().unwrap();
    let (top, at) = (doc.offset, doc.current);
    assert_eq!(top, doc.lines.section_line(2));
    keys(&mut app, "q");
    let again = app_with_state(state.path(), &file);
    let doc = again.doc.as_ref().unwrap();
    assert_eq!((doc.offset, doc.current), (top, at));
}

#[test]
fn switching_briefings_saves_the_position_of_the_one_left() {
    let state = tempfile::tempdir().unwrap();
    let harbour = fixture("harbour.brief");
    let mut app = app_with_state(state.path(), &harbour);
    app.update(Action::NextQuestion);
    let top = app.doc.as_ref().unwrap().offset;
    let chengshi = fixture("chengshi.brief");
    app.open(
        format::load(&chengshi).unwrap(),
        Origin::File(chengshi.clone()),
    );
    assert_eq!(
        app.doc.as_ref().unwrap().offset,
        0,
        "never read: at its start"
    );
    app.open(format::load(&harbour).unwrap(), Origin::File(harbour));
    assert_eq!(app.doc.as_ref().unwrap().offset, top);
}

#[test]
fn a_passage_not_found_is_listed_so_and_enter_keeps_the_bookmark() {
    let (h, mut app) = editable_harbour();
    let (state, path, text) = (&h.state, &h.path, &h.text);
    keys(&mut app, "JJmrail\n");
    let para = text
        .lines()
        .find(|l| l.starts_with("Sea-rail transport"))
        .unwrap();
    std::fs::write(path, text.replace(para, "Nothing to report on trains.")).unwrap();
    let mut app = app_with_state(state.path(), path);
    keys(&mut app, "'");
    assert_eq!(list(&app).1[0].anchor, None);
    let shown = screen(&app);
    assert!(
        shown.contains("(passage not found) “Sea-rail transport"),
        "{shown}"
    );
    let before = app.doc.as_ref().unwrap().current;
    keys(&mut app, "\n");
    assert!(
        message(&app).starts_with("passage not found"),
        "{}",
        message(&app)
    );
    assert_eq!(app.doc.as_ref().unwrap().current, before);
    let (s, _) = Store::open(Some(state.path().to_path_buf())).unwrap();
    assert_eq!(s.bookmarks().len(), 1, "a lost passage is never deleted");
}

#[test]
fn a_bookmarks_file_damaged_while_reading_is_moved_aside_and_reported() {
    let state = tempfile::tempdir().unwrap();
    let mut app = app_with_state(state.path(), &fixture("harbour.brief"));
    keys(&mut app, "mkept\n");
    let file = state.path().join("bookmarks.toml");
    std::fs::write(&file, "version = 1\n[[bookmark]\n").unwrap();
    keys(&mut app, "Jmafter\n");
    assert!(
        message(&app).contains("could not be read"),
        "{}",
        message(&app)
    );
    let moved: Vec<_> = std::fs::read_dir(state.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("bookmarks.toml.corrupt-"))
        .collect();
    assert_eq!(moved.len(), 1, "{moved:?}");
    assert!(message(&app).contains(&moved[0]), "{}", message(&app));
    // The new bookmark went into a fresh file; the damaged one is untouched.
    let (s, _) = Store::open(Some(state.path().to_path_buf())).unwrap();
    let notes: Vec<_> = s.bookmarks().iter().map(|b| b.note.clone()).collect();
    assert_eq!(notes, [Some("after".to_string())]);
    let kept = std::fs::read_to_string(state.path().join(&moved[0])).unwrap();
    assert_eq!(kept, "version = 1\n[[bookmark]\n");
}

#[test]
fn a_reload_that_regroups_paragraphs_finds_the_bookmarks_again() {
    let (h, mut app) = editable_harbour();
    let (path, text) = (&h.path, &h.text);
    // Ma Qing's second paragraph in the opening remarks.
    keys(&mut app, "JJJJJm\n");
    let before = app.doc.as_ref().unwrap().marks.clone();
    assert_eq!(
        before,
        [brief::model::Anchor {
            section: 0,
            turn: 2,
            paragraph: 1
        }]
    );
    // Same words in the same order (the same briefing by both hashes), but Ma Qing's first
    // paragraph now closes Lin Wei's turn: her second paragraph is her first.
    let regrouped = text
        .replacen("\n@ma:\nForeign trade", "\nForeign trade", 1)
        .replacen(
            "\nPrivate firms accounted",
            "\n@ma:\nPrivate firms accounted",
            1,
        );
    assert_ne!(&regrouped, text);
    std::fs::write(path, regrouped).unwrap();
    keys(&mut app, "r");
    let doc = app.doc.as_ref().unwrap();
    let a = doc.marks[0];
    assert!(
        doc.full
            .paragraph(a)
            .unwrap()
            .text
            .starts_with("Private firms accounted"),
        "the mark points at {a:?}"
    );
}

#[test]
fn m_on_a_bookmarked_passage_edits_its_note_instead_of_adding_a_twin() {
    let state = tempfile::tempdir().unwrap();
    let file = fixture("harbour.brief");
    let mut app = app_with_state(state.path(), &file);
    keys(&mut app, "]]mfirst\n");
    assert!(
        message(&app).starts_with("bookmarked: Q2"),
        "{}",
        message(&app)
    );
    keys(&mut app, "m");
    assert!(
        message(&app).starts_with("already bookmarked"),
        "{}",
        message(&app)
    );
    // The prompt holds the old note; typing adds to it and Enter saves it.
    keys(&mut app, " and second\n");
    keys(&mut app, "'");
    let (_, rows, _) = list(&app);
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].note.as_deref(), Some("first and second"));
}

#[test]
fn a_question_inserted_before_a_bookmark_renumbers_its_label_and_anchor() {
    let (h, mut app) = editable_harbour();
    let (state, path, text) = (&h.state, &h.path, &h.text);
    // Q3, Lin Wei's answer.
    keys(&mut app, "]]]Jm\n");
    keys(&mut app, "'");
    assert!(list(&app).1[0].section.starts_with("Q3 · Maritime Weekly"));
    keys(&mut app, "\x1b");
    let on_disk = || std::fs::read_to_string(state.path().join("bookmarks.toml")).unwrap();
    assert!(on_disk().contains("anchor = \"q3.t2.p1\""));

    let inserted = text.replacen(
        "## qa [Harbour Daily]",
        "## qa [Port News]\n\n@reporter:\nA question inserted first?\n\n## qa [Harbour Daily]",
        1,
    );
    std::fs::write(path, inserted).unwrap();
    keys(&mut app, "r");
    // Shown at once...
    keys(&mut app, "'");
    let (_, items, _) = list(&app);
    assert!(
        items[0].section.starts_with("Q4 · Maritime Weekly"),
        "{items:?}"
    );
    keys(&mut app, "\x1b");
    assert!(on_disk().contains("anchor = \"q3.t2.p1\""));
    // ...and written with the next change: here, opening the briefing again.
    drop(app);
    let app = app_with_state(state.path(), path);
    let text = on_disk();
    assert!(text.contains("anchor = \"q4.t2.p1\""), "{text}");
    assert!(text.contains("section = \"Q4 · Maritime Weekly"), "{text}");
    assert_eq!(app.doc.as_ref().unwrap().marks.len(), 1);
}

#[test]
fn the_outline_shows_the_reading_mark_and_the_bookmark_mark_and_one_pointer() {
    let state = tempfile::tempdir().unwrap();
    let mut app = app_with_state(state.path(), &fixture("harbour.brief"));
    // Bookmark Q1's question and stay there: the row is both read and bookmarked.
    keys(&mut app, "]m\x1b");
    let outline = |app: &App| -> Vec<String> {
        let w = usize::from(app.panes().outline.unwrap().width);
        screen(app)
            .lines()
            .map(|l| l.trim_start_matches('"').chars().take(w).collect())
            .collect()
    };
    let rows = outline(&app);
    assert!(
        rows.iter().any(|r| r.starts_with("▸*Q1 · Harbour Daily")),
        "{rows:#?}"
    );
    // With the turns listed, only the turn being read has the pointer.
    keys(&mut app, "x");
    let rows = outline(&app);
    let pointers: Vec<&String> = rows.iter().filter(|r| r.contains('▸')).collect();
    assert_eq!(pointers.len(), 1, "{rows:#?}");
    assert!(pointers[0].starts_with("▸*  Reporter"), "{rows:#?}");
    assert!(
        rows.iter().any(|r| r.starts_with(" *Q1 · Harbour Daily")),
        "{rows:#?}"
    );
}

#[test]
fn the_bookmarks_list_uses_a_wide_screen_for_the_passage() {
    let state = tempfile::tempdir().unwrap();
    let mut app = app_with_state(state.path(), &fixture("harbour.brief"));
    // The opening remarks' first paragraph, over 200 characters long.
    keys(&mut app, "m\x1b'");
    let quoted = |app: &App| -> String {
        let s = screen(app);
        let row = s
            .lines()
            .find(|l| l.contains("“Friends"))
            .unwrap()
            .to_string();
        let start = row.find('“').unwrap();
        let end = row.rfind('”').unwrap();
        row[start..end].to_string()
    };
    app.resize(80, 30);
    let narrow = quoted(&app).chars().count();
    assert!((60..74).contains(&narrow), "{narrow}");
    app.resize(200, 30);
    let wide = quoted(&app);
    assert!(wide.chars().count() > 120, "{wide}");
    assert!(wide.contains("Mr. Lin Wei, director"), "{wide}");
}

#[test]
fn a_position_that_cannot_be_saved_at_quit_is_kept_to_say_after_the_terminal_is_restored() {
    let dir = tempfile::tempdir().unwrap();
    let state = dir.path().join("state");
    let file = fixture("harbour.brief");
    let mut app = app_with_state(&state, &file);
    keys(&mut app, "jj");
    // The state folder is gone and a file stands in its place: every write fails, as on a full
    // or vanished disk, and the old state is not touched.
    std::fs::remove_dir_all(&state).unwrap();
    std::fs::write(&state, "not a folder").unwrap();
    keys(&mut app, "q");
    assert!(!app.running);
    let said = app.last_words.as_deref().expect("the failure is kept");
    assert!(said.starts_with("reading position not saved"), "{said}");
    assert_eq!(std::fs::read_to_string(&state).unwrap(), "not a folder");
}
