//! Bookmarks, notes, citations and reading positions in the reader, driven through `update` and
//! key presses without a terminal, with the state kept in a temporary folder as users' would be.

use brief::app::action::Action;
use brief::app::library::Origin;
use brief::app::marks::BookmarkRow;
use brief::app::{App, Effect, Overlay};
use brief::format;
use brief::keymap::Keymap;
use brief::model::Anchor;
use brief::store::Store;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/reader")
        .join(name)
}

/// A reader on the briefing at `path`, keeping its state in `state`, as `brief` starts one.
fn reader(state: &Path, path: &Path) -> App {
    let (store, warnings) = Store::open(Some(state.to_path_buf())).unwrap();
    assert!(warnings.is_empty(), "{warnings:?}");
    let mut app =
        App::new(Keymap::defaults(), Rect::new(0, 0, 100, 30), false).with_store(Ok(store));
    app.open(
        format::load(path).unwrap(),
        Origin::File(path.to_path_buf()),
    );
    app
}

/// Type text into whatever has the keys (a prompt, or the keymap).
fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        app.on_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
    }
}

fn press(app: &mut App, code: KeyCode) {
    app.on_key(KeyEvent::new(code, KeyModifiers::NONE));
}

fn current(app: &App) -> Anchor {
    app.doc.as_ref().unwrap().current
}

fn offset(app: &App) -> usize {
    app.doc.as_ref().unwrap().offset
}

fn message(app: &App) -> String {
    app.message
        .as_ref()
        .map(|m| m.text.clone())
        .unwrap_or_default()
}

/// The rows of the open bookmarks list.
fn rows(app: &App) -> &[BookmarkRow] {
    match &app.overlay {
        Some(Overlay::Bookmarks { items, .. }) => items,
        other => panic!("the bookmarks list is not open: {other:?}"),
    }
}

/// What is on the screen, one string per row.
fn screen(app: &App) -> Vec<String> {
    let mut t = Terminal::new(TestBackend::new(app.area.width, app.area.height)).unwrap();
    t.draw(|f| brief::ui::draw(f, app)).unwrap();
    let buf = t.backend().buffer().clone();
    (0..buf.area.height)
        .map(|y| {
            (0..buf.area.width)
                .map(|x| buf[(x, y)].symbol())
                .collect::<String>()
        })
        .collect()
}

/// Second paragraph of Lin Wei's opening statement: `q`-less section 0, turn 1, paragraph 1.
const SEA_RAIL: Anchor = Anchor {
    section: 0,
    turn: 1,
    paragraph: 1,
};

#[test]
fn m_asks_for_a_note_and_enter_saves_the_bookmark_with_it() {
    let state = tempfile::tempdir().unwrap();
    let path = fixture("harbour.brief");
    let mut app = reader(state.path(), &path);
    type_text(&mut app, "JJ");
    assert_eq!(current(&app), SEA_RAIL);
    type_text(&mut app, "m");
    assert!(app.prompt.is_some(), "m asks for a note");
    // Keys bound to actions are text while the note is typed.
    type_text(&mut app, "check the 14% figure");
    press(&mut app, KeyCode::Enter);
    assert!(app.prompt.is_none());
    assert!(message(&app).starts_with("bookmarked"), "{}", message(&app));
    assert_eq!(app.doc.as_ref().unwrap().marks, vec![SEA_RAIL]);

    // On disk, for another reader (or the next run) to see.
    let (other, _) = Store::open(Some(state.path().to_path_buf())).unwrap();
    let bms = other.bookmarks();
    assert_eq!(bms.len(), 1);
    assert_eq!(bms[0].note.as_deref(), Some("check the 14% figure"));
    assert_eq!(bms[0].section, "Opening remarks");
    assert_eq!(bms[0].speaker, "Lin Wei");
    assert!(
        bms[0]
            .passage
            .quote
            .starts_with("Sea-rail transport kept growing.")
    );
}

#[test]
fn esc_saves_without_a_note_and_ctrl_c_gives_up() {
    let state = tempfile::tempdir().unwrap();
    let mut app = reader(state.path(), &fixture("harbour.brief"));
    type_text(&mut app, "mhalf a note");
    press(&mut app, KeyCode::Esc);
    type_text(&mut app, "Jm");
    app.on_key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL));
    assert_eq!(message(&app), "not bookmarked");
    let (s, _) = Store::open(Some(state.path().to_path_buf())).unwrap();
    assert_eq!(s.bookmarks().len(), 1);
    assert_eq!(s.bookmarks()[0].note, None);
    assert_eq!(s.bookmarks()[0].passage.anchor, "r1.t1.p1");
}

#[test]
fn bookmarked_passages_are_marked_in_the_gutter_and_their_sections_in_the_outline() {
    let state = tempfile::tempdir().unwrap();
    let mut app = reader(state.path(), &fixture("harbour.brief"));
    // The opening answer of Q2 (Coastal Business News).
    app.update(Action::NextQuestion);
    app.update(Action::NextQuestion);
    app.update(Action::NextTurn);
    type_text(&mut app, "m");
    press(&mut app, KeyCode::Enter);
    // Read elsewhere, so that only the bookmark marks Q2.
    app.update(Action::Top);
    let rows = screen(&app);
    let outline: Vec<&String> = rows.iter().filter(|r| r.contains("Coastal")).collect();
    assert!(
        outline.iter().any(|r| r.starts_with('*')),
        "no outline mark:\n{}",
        rows.join("\n")
    );
    app.update(Action::NextBookmark);
    let rows = screen(&app);
    let text = rows
        .iter()
        .find(|r| r.contains("Exports of new energy"))
        .unwrap_or_else(|| panic!("the passage is not shown:\n{}", rows.join("\n")));
    let gutter = text.split('│').nth(1).expect("a pane separator");
    assert!(gutter.starts_with("▌*"), "no gutter marks in {text:?}");
}

#[test]
fn next_and_previous_bookmark_step_in_order_and_wrap_around() {
    let state = tempfile::tempdir().unwrap();
    let mut app = reader(state.path(), &fixture("harbour.brief"));
    let mut made = Vec::new();
    for _ in 0..3 {
        app.update(Action::NextQuestion);
        app.update(Action::NextTurn);
        made.push(current(&app));
        type_text(&mut app, "m");
        press(&mut app, KeyCode::Esc);
    }
    app.update(Action::Top);
    let mut seen = Vec::new();
    for _ in 0..4 {
        app.update(Action::NextBookmark);
        seen.push(current(&app));
    }
    assert_eq!(seen, [made[0], made[1], made[2], made[0]]);
    app.update(Action::PrevBookmark);
    assert_eq!(current(&app), made[2]);
    app.update(Action::PrevBookmark);
    assert_eq!(current(&app), made[1]);
}

#[test]
fn the_list_deletes_undoes_and_edits_notes() {
    let state = tempfile::tempdir().unwrap();
    let mut app = reader(state.path(), &fixture("harbour.brief"));
    type_text(&mut app, "mfirst");
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "JJmsecond");
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "'");
    let notes: Vec<_> = rows(&app).iter().map(|r| r.note.clone()).collect();
    assert_eq!(notes, [Some("first".into()), Some("second".into())]);
    assert_eq!(rows(&app)[0].section, "Opening remarks");
    assert!(rows(&app)[1].start.starts_with("Sea-rail transport"));

    // d on the first, u brings it back in its place.
    type_text(&mut app, "d");
    assert_eq!(rows(&app).len(), 1);
    assert_eq!(app.doc.as_ref().unwrap().marks, vec![SEA_RAIL]);
    type_text(&mut app, "u");
    let notes: Vec<_> = rows(&app).iter().map(|r| r.note.clone()).collect();
    assert_eq!(notes, [Some("first".into()), Some("second".into())]);
    assert_eq!(app.doc.as_ref().unwrap().marks.len(), 2);

    // e on the second: the prompt starts with the old note.
    type_text(&mut app, "je");
    let prompt = app.prompt.as_ref().expect("e asks for the note");
    assert_eq!(prompt.text, "second");
    press(&mut app, KeyCode::Backspace);
    press(&mut app, KeyCode::Backspace);
    type_text(&mut app, "-hand");
    press(&mut app, KeyCode::Enter);
    assert_eq!(rows(&app)[1].note.as_deref(), Some("seco-hand"));
    let (s, _) = Store::open(Some(state.path().to_path_buf())).unwrap();
    assert_eq!(s.bookmarks()[1].note.as_deref(), Some("seco-hand"));

    // Enter jumps to it and closes the list.
    press(&mut app, KeyCode::Esc);
    assert!(app.overlay.is_none());
    app.update(Action::Top);
    type_text(&mut app, "'j");
    press(&mut app, KeyCode::Enter);
    assert!(app.overlay.is_none());
    assert_eq!(current(&app), SEA_RAIL);
}

#[test]
fn the_list_covers_all_briefings_and_enter_opens_the_other_one() {
    let state = tempfile::tempdir().unwrap();
    let chengshi = fixture("chengshi.brief");
    let mut app = reader(state.path(), &chengshi);
    app.update(Action::NextQuestion);
    let there = current(&app);
    type_text(&mut app, "m地铁");
    press(&mut app, KeyCode::Enter);
    drop(app);

    let mut app = reader(state.path(), &fixture("harbour.brief"));
    type_text(&mut app, "'");
    assert!(
        rows(&app).is_empty(),
        "the other briefing's bookmark is listed"
    );
    let rows_text = screen(&app).join("\n");
    assert!(rows_text.contains("No bookmarks yet"), "{rows_text}");
    type_text(&mut app, "a");
    let row = rows(&app)[0].clone();
    assert!(!row.here);
    assert_eq!(row.note.as_deref(), Some("地铁"));
    assert!(row.title.contains("城市"), "{}", row.title);
    let shown = screen(&app).join("\n");
    assert!(shown.contains("All bookmarks"), "{shown}");
    press(&mut app, KeyCode::Enter);
    let doc = app.doc.as_ref().unwrap();
    assert_eq!(doc.path(), Some(chengshi.as_path()));
    assert_eq!(current(&app), there);
}

#[test]
fn y_asks_the_terminal_to_copy_the_passage_with_its_citation() {
    let state = tempfile::tempdir().unwrap();
    let mut app = reader(state.path(), &fixture("harbour.brief"));
    type_text(&mut app, "Jy");
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
    assert!(message(&app).contains("copied"), "{}", message(&app));
}

#[test]
fn the_reading_position_is_saved_on_quit_and_restored_on_open() {
    let state = tempfile::tempdir().unwrap();
    let path = fixture("harbour.brief");
    let mut app = reader(state.path(), &path);
    app.update(Action::NextQuestion);
    app.update(Action::NextQuestion);
    let (top, at) = (offset(&app), current(&app));
    assert!(top > 0);
    app.update(Action::Quit);
    assert!(!app.running);
    // Left at a question's heading: reopened exactly there.
    let mut app = reader(state.path(), &path);
    assert_eq!((offset(&app), current(&app)), (top, at));

    // Left in the middle of a paragraph: that paragraph opens at the top of the page.
    let mid_paragraph = |app: &App| {
        let doc = app.doc.as_ref().unwrap();
        let top = doc.view.anchor_at(doc.offset).unwrap();
        (doc.view.line_of(top) < doc.offset).then_some(top)
    };
    let mut top = None;
    for _ in 0..100 {
        app.update(Action::ScrollDown);
        top = mid_paragraph(&app);
        if top.is_some() {
            break;
        }
    }
    let top = top.expect("a wrapped paragraph at the top of the page");
    app.update(Action::Quit);
    let app = reader(state.path(), &path);
    let doc = app.doc.as_ref().unwrap();
    assert_eq!(doc.view.anchor_at(doc.offset), Some(top));
    assert_eq!(doc.offset, doc.view.block_of(top));
}

#[test]
fn switching_briefings_saves_the_position_of_the_one_left() {
    let state = tempfile::tempdir().unwrap();
    let harbour = fixture("harbour.brief");
    let mut app = reader(state.path(), &harbour);
    app.update(Action::NextQuestion);
    let top = offset(&app);
    let chengshi = fixture("chengshi.brief");
    app.open(
        format::load(&chengshi).unwrap(),
        Origin::File(chengshi.clone()),
    );
    assert_eq!(offset(&app), 0, "a briefing never read opens at its start");
    app.open(format::load(&harbour).unwrap(), Origin::File(harbour));
    assert_eq!(offset(&app), top);
}

#[test]
fn a_passage_removed_from_the_file_is_listed_as_not_found_and_kept() {
    let state = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("harbour.brief");
    let text = std::fs::read_to_string(fixture("harbour.brief")).unwrap();
    std::fs::write(&path, &text).unwrap();
    let mut app = reader(state.path(), &path);
    type_text(&mut app, "JJmrail");
    press(&mut app, KeyCode::Enter);
    drop(app);

    // The paragraph is rewritten beyond recognition (the title is kept: same briefing).
    let para = text
        .lines()
        .find(|l| l.starts_with("Sea-rail transport"))
        .unwrap();
    std::fs::write(&path, text.replace(para, "Nothing to report on trains.")).unwrap();
    let mut app = reader(state.path(), &path);
    assert!(app.doc.as_ref().unwrap().marks.is_empty());
    type_text(&mut app, "'");
    assert_eq!(rows(&app).len(), 1);
    assert_eq!(rows(&app)[0].anchor, None);
    let shown = screen(&app).join("\n");
    assert!(shown.contains("passage not found"), "{shown}");
    let before = current(&app);
    press(&mut app, KeyCode::Enter);
    assert!(message(&app).contains("not found"), "{}", message(&app));
    assert_eq!(current(&app), before);
    let (s, _) = Store::open(Some(state.path().to_path_buf())).unwrap();
    assert_eq!(s.bookmarks().len(), 1, "a lost passage is never deleted");
}

#[test]
fn without_a_usable_state_folder_the_reader_still_reads_and_says_why() {
    let mut app = App::new(Keymap::defaults(), Rect::new(0, 0, 100, 30), false)
        .with_store(Err("state folder is read-only".into()));
    let path = fixture("harbour.brief");
    app.open(format::load(&path).unwrap(), Origin::File(path));
    type_text(&mut app, "m");
    assert!(app.prompt.is_none());
    assert!(message(&app).contains("read-only"), "{}", message(&app));
    app.update(Action::NextQuestion);
    app.update(Action::Quit);
    assert!(!app.running);
}
