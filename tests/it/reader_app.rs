//! The reader's state machine driven by key sequences, without a terminal: the keys a user
//! types → the page, section, search and filter they should lead to.

use brief::app::library::Origin;
use brief::app::outline::Row;
use brief::app::{App, Focus, Overlay, Screen};
use brief::format;
use brief::keymap::Keymap;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use std::path::PathBuf;

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/reader")
        .join(name)
}

fn app_on(name: &str, w: u16, h: u16) -> App {
    let path = fixture(name);
    let b = format::load(&path).unwrap();
    let mut app = App::new(Keymap::defaults(), Rect::new(0, 0, w, h), false);
    app.open(b, Origin::File(path));
    app
}

/// A reader at 80x24 on a copy of a fixture that the test may edit: (its folder, its path, its
/// text, the reader).
fn app_on_copy(name: &str) -> (tempfile::TempDir, std::path::PathBuf, String, App) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("h.brief");
    let text = std::fs::read_to_string(fixture(name)).unwrap();
    std::fs::write(&path, &text).unwrap();
    let mut app = App::new(Keymap::defaults(), Rect::new(0, 0, 80, 24), false);
    app.open(format::load(&path).unwrap(), Origin::File(path.clone()));
    (dir, path, text, app)
}

/// Type keys as a user would: each char is a key; `<esc>`, `<enter>`, `<tab>`, `<bs>`,
/// `<c-o>`, `<c-d>`… name the others.
fn keys(app: &mut App, seq: &str) {
    let mut rest = seq;
    while let Some(c) = rest.chars().next() {
        let (code, mods, len) = if c == '<' && rest.contains('>') {
            let end = rest.find('>').unwrap();
            let name = &rest[1..end];
            let (code, mods) = match name {
                "esc" => (KeyCode::Esc, KeyModifiers::NONE),
                "enter" => (KeyCode::Enter, KeyModifiers::NONE),
                "tab" => (KeyCode::Tab, KeyModifiers::NONE),
                "bs" => (KeyCode::Backspace, KeyModifiers::NONE),
                "space" => (KeyCode::Char(' '), KeyModifiers::NONE),
                n if n.starts_with("c-") => (
                    KeyCode::Char(n[2..].chars().next().unwrap()),
                    KeyModifiers::CONTROL,
                ),
                n if n.starts_with("a-") => match &n[2..] {
                    "right" => (KeyCode::Right, KeyModifiers::ALT),
                    "left" => (KeyCode::Left, KeyModifiers::ALT),
                    other => panic!("unknown key {other}"),
                },
                other => panic!("unknown key <{other}>"),
            };
            (code, mods, end + 1)
        } else {
            (KeyCode::Char(c), KeyModifiers::NONE, c.len_utf8())
        };
        app.on_key(KeyEvent::new(code, mods));
        rest = &rest[len..];
    }
}

/// The screen as text, drawn at the app's size.
fn screen(app: &App) -> String {
    let (w, h) = (app.area.width, app.area.height);
    let mut t = ratatui::Terminal::new(ratatui::backend::TestBackend::new(w, h)).unwrap();
    t.draw(|f| brief::ui::draw(f, app)).unwrap();
    t.backend().to_string()
}

fn section(app: &App) -> usize {
    app.doc.as_ref().unwrap().current.section
}

fn offset(app: &App) -> usize {
    app.doc.as_ref().unwrap().offset
}

#[test]
fn questions_step_forward_and_back_and_the_outline_follows() {
    let mut app = app_on("harbour.brief", 80, 24);
    assert_eq!(app.section_label().unwrap(), "Opening remarks");
    keys(&mut app, "]]]");
    assert_eq!(section(&app), 3);
    assert_eq!(
        app.section_label().unwrap(),
        "Q3 · Maritime Weekly → Lin Wei, Ma Qing"
    );
    let doc = app.doc.as_ref().unwrap();
    assert_eq!(
        doc.outline.rows(&doc.full)[doc.outline.selected],
        Row::Section(3)
    );
    keys(&mut app, "[");
    assert_eq!(section(&app), 2);
    keys(&mut app, "4]");
    assert_eq!(app.section_label().unwrap().split(' ').next(), Some("Q4"));
    keys(&mut app, ":2<enter>");
    assert_eq!(app.section_label().unwrap().split(' ').next(), Some("Q2"));
    keys(&mut app, "99]");
    assert_eq!(app.section_label().unwrap().split(' ').next(), Some("Q6"));
}

#[test]
fn paging_keeps_one_line_of_context_and_reports_the_page() {
    let mut app = app_on("harbour.brief", 80, 24);
    let page = app.page_height();
    keys(&mut app, "<space>");
    assert_eq!(offset(&app), page - 1);
    let p = app.position().unwrap();
    assert_eq!(p.page, 2);
    keys(&mut app, "b");
    assert_eq!(offset(&app), 0);
    keys(&mut app, "<c-d>");
    assert_eq!(offset(&app), page / 2);
    keys(&mut app, "G");
    assert_eq!(app.position().unwrap().percent, 100);
    assert_eq!(app.position().unwrap().page, app.position().unwrap().pages);
    keys(&mut app, "g");
    assert_eq!((offset(&app), app.position().unwrap().percent), (0, 0));
    keys(&mut app, "3j");
    assert_eq!(offset(&app), 3);
    keys(&mut app, "50%");
    let pct = app.position().unwrap().percent;
    // The status line says what was asked for (to the line: 49 or 50).
    assert!((49..=50).contains(&pct), "{pct}");
}

#[test]
fn jump_history_goes_back_and_forward() {
    let mut app = app_on("harbour.brief", 80, 24);
    keys(&mut app, "]]");
    assert_eq!(section(&app), 2);
    keys(&mut app, "G");
    keys(&mut app, "<c-o>");
    assert_eq!(section(&app), 2);
    keys(&mut app, "<c-o>");
    assert_eq!(section(&app), 1);
    keys(&mut app, "<a-right>");
    assert_eq!(section(&app), 2);
}

#[test]
fn turns_and_same_speaker() {
    let mut app = app_on("harbour.brief", 80, 24);
    keys(&mut app, "}");
    let doc = app.doc.as_ref().unwrap();
    assert_eq!((doc.current.section, doc.current.turn), (0, 1));
    // Lin Wei speaks next in Q1.
    keys(&mut app, "s");
    let doc = app.doc.as_ref().unwrap();
    assert_eq!((doc.current.section, doc.current.turn), (1, 1));
    keys(&mut app, "{");
    let doc = app.doc.as_ref().unwrap();
    assert_eq!((doc.current.section, doc.current.turn), (1, 0));
}

#[test]
fn incremental_search_counts_matches_wraps_and_esc_returns() {
    let mut app = app_on("harbour.brief", 80, 24);
    keys(&mut app, "]]");
    let start = (offset(&app), section(&app));
    keys(&mut app, "/yuan");
    let doc = app.doc.as_ref().unwrap();
    let s = doc.search.as_ref().unwrap();
    assert_eq!(s.matches.len(), 5);
    // The first match after Q2 is in Q3 (1.5 billion yuan).
    assert_eq!(s.current_match().unwrap().anchor.section, 3);
    keys(&mut app, "<esc>");
    assert_eq!((offset(&app), section(&app)), start);
    assert!(app.doc.as_ref().unwrap().search.is_none());

    let status = |app: &App| app.doc.as_ref().unwrap().search.as_ref().unwrap().status();
    keys(&mut app, "/yuan<enter>");
    assert_eq!(status(&app), "match 4/5");
    keys(&mut app, "n");
    assert_eq!(status(&app), "match 5/5");
    assert!(app.message.is_none());
    keys(&mut app, "n");
    assert_eq!(status(&app), "match 1/5");
    assert!(
        app.message
            .as_ref()
            .unwrap()
            .text
            .contains("continued at the start")
    );
    assert_eq!(section(&app), 0);
    keys(&mut app, "N");
    assert_eq!(status(&app), "match 5/5");
    // Smart case: a capital makes the search exact.
    keys(&mut app, "/Yuan<enter>");
    assert!(app.message.as_ref().unwrap().error);
}

#[test]
fn n_keeps_the_last_committed_query_after_esc_and_after_not_found() {
    let mut app = app_on("harbour.brief", 80, 24);
    let message = |app: &App| app.message.as_ref().map(|m| m.text.clone());
    let query = |app: &App| {
        app.doc
            .as_ref()
            .unwrap()
            .search
            .as_ref()
            .map(|s| s.query.clone())
    };
    // Nothing committed yet: n says how to search.
    keys(&mut app, "n");
    assert_eq!(
        message(&app).as_deref(),
        Some("no search yet: press / to search")
    );
    keys(&mut app, "/zzz<esc>n");
    assert_eq!(
        message(&app).as_deref(),
        Some("no search yet: press / to search")
    );

    // A query not found is still the last one.
    keys(&mut app, "/zzz<enter>");
    keys(&mut app, "n");
    assert_eq!(message(&app).as_deref(), Some("pattern not found: zzz"));

    // Esc clears the highlights; n finds the query again.
    keys(&mut app, "/yuan<enter><esc>");
    assert_eq!(query(&app), None);
    keys(&mut app, "n");
    assert_eq!(query(&app).as_deref(), Some("yuan"));
    let doc = app.doc.as_ref().unwrap();
    let m = doc
        .search
        .as_ref()
        .unwrap()
        .current_match()
        .unwrap()
        .clone();
    assert_eq!(doc.current, m.anchor);

    // Esc on an edited prompt goes back, and n still looks for the committed query.
    keys(&mut app, "<esc>/port<esc>n");
    assert_eq!(query(&app).as_deref(), Some("yuan"));
}

#[test]
fn n_and_n_search_from_the_page_being_read() {
    let mut app = app_on("harbour.brief", 80, 24);
    let status = |app: &App| app.doc.as_ref().unwrap().search.as_ref().unwrap().status();
    keys(&mut app, "/yuan<enter>");
    assert_eq!(status(&app), "match 1/5");
    // Q4 holds the last match: n finds it below the top of the page, without wrapping.
    keys(&mut app, "4]n");
    assert_eq!(status(&app), "match 5/5");
    assert_eq!(section(&app), 4);
    assert!(app.message.is_none(), "{:?}", app.message);
    // The current match is on the page, so N steps back from it.
    keys(&mut app, "N");
    assert_eq!(status(&app), "match 4/5");
    // Off the page, N finds the last match above the top of the page.
    keys(&mut app, "gN");
    assert_eq!(status(&app), "match 5/5");
    assert!(
        app.message
            .as_ref()
            .unwrap()
            .text
            .contains("continued at the end")
    );
    keys(&mut app, "4]N");
    assert_eq!(status(&app), "match 4/5");
    assert!(app.message.is_none());
}

#[test]
fn the_match_line_itself_is_brought_into_view() {
    // A short, narrow page: the remarks' paragraph with three matches is taller than the page,
    // so showing its first line is not enough.
    let mut app = app_on("harbour.brief", 40, 6);
    keys(&mut app, "/yuan<enter>");
    for _ in 0..5 {
        let doc = app.doc.as_ref().unwrap();
        let m = doc.search.as_ref().unwrap().current_match().unwrap();
        let line = doc.lines.line_of_byte(m.anchor, m.range.start);
        let page = app.page_height();
        assert!(
            (doc.offset..doc.offset + page).contains(&line),
            "match on line {line}, page from {}",
            doc.offset
        );
        keys(&mut app, "n");
    }
}

#[test]
fn speaker_filter_shows_one_speaker_and_toggles_off() {
    let mut app = app_on("harbour.brief", 80, 24);
    let full_len = app.doc.as_ref().unwrap().lines.len();
    keys(&mut app, "}"); // Lin Wei's opening statement
    keys(&mut app, "S");
    assert!(matches!(app.overlay, Some(Overlay::Speakers { .. })));
    keys(&mut app, "<enter>");
    let doc = app.doc.as_ref().unwrap();
    assert_eq!(doc.filter.as_ref().unwrap().speaker, "lin");
    assert!(doc.lines.len() < full_len);
    // Ma Qing's answer to Q4 (small firms) is hidden: Q4 is not in the view.
    keys(&mut app, "4]");
    assert_ne!(app.section_label().unwrap().split(' ').next(), Some("Q4"));
    keys(&mut app, "S");
    assert!(app.doc.as_ref().unwrap().filter.is_none());
    assert_eq!(app.doc.as_ref().unwrap().lines.len(), full_len);
}

/// The heading line of the section being read, as the transcript draws it.
fn heading(app: &App) -> String {
    let doc = app.doc.as_ref().unwrap();
    let layout = doc.lines.layout();
    let line = &layout.lines()[doc.lines.section_line(doc.current.section)];
    layout.line_text(doc.shown(), line).to_string()
}

#[test]
fn the_speaker_filter_keeps_the_briefings_question_numbers() {
    let mut app = app_on("harbour.brief", 80, 24);
    keys(&mut app, "}}S<enter>"); // Ma Qing, who answers Q2, Q3 and Q4 but not Q1
    assert_eq!(
        app.doc.as_ref().unwrap().filter.as_ref().unwrap().speaker,
        "ma"
    );
    keys(&mut app, "]");
    assert_eq!(heading(&app), "Q2 · Coastal Business News");
    assert!(app.section_label().unwrap().starts_with("Q2 · "));
    // Counts name the briefing's own questions, not the n-th question left by the filter.
    keys(&mut app, "3]");
    assert_eq!(heading(&app), "Q3 · Maritime Weekly: Green shipping");
    keys(&mut app, ":4<enter>");
    assert_eq!(heading(&app), "Q4 · Reporter: Small firms");
    assert!(app.section_label().unwrap().starts_with("Q4 · "));
    // A hidden question: stay, and say why.
    let here = section(&app);
    keys(&mut app, "1]");
    assert_eq!(section(&app), here);
    let m = app.message.as_ref().unwrap();
    assert!(m.error && m.text.contains("Q1 is hidden"), "{m:?}");
}

#[test]
fn out_of_range_questions_say_so_and_an_empty_prompt_cancels() {
    let mut app = app_on("harbour.brief", 80, 24);
    let last = |app: &App| app.section_label().unwrap();
    keys(&mut app, "15]");
    assert!(last(&app).starts_with("Q6 · "), "{}", last(&app));
    let m = app.message.as_ref().unwrap();
    assert_eq!(m.text, "no question 15; the last is Q6");
    keys(&mut app, "g:9<enter>");
    assert!(last(&app).starts_with("Q6 · "));
    assert_eq!(
        app.message.as_ref().unwrap().text,
        "no question 9; the last is Q6"
    );
    // A question in range says nothing.
    keys(&mut app, ":2<enter>");
    assert!(last(&app).starts_with("Q2 · "));
    assert!(app.message.is_none());
    // `:` then Enter with nothing typed just closes the prompt.
    keys(&mut app, ":<enter>");
    assert!(app.prompt.is_none());
    assert!(app.message.is_none(), "{:?}", app.message);
    assert!(last(&app).starts_with("Q2 · "));
}

#[test]
fn tab_moves_focus_to_the_outline_where_j_and_enter_jump() {
    let mut app = app_on("harbour.brief", 100, 30);
    keys(&mut app, "<tab>");
    assert_eq!(app.focus, Focus::Outline);
    keys(&mut app, "jjj<enter>");
    assert_eq!(app.focus, Focus::Transcript);
    assert_eq!(section(&app), 3);
    keys(&mut app, "o");
    assert!(app.panes().outline.is_none());
}

#[test]
fn resize_keeps_the_paragraph_at_the_top() {
    let mut app = app_on("harbour.brief", 100, 30);
    keys(&mut app, "]]}");
    let doc = app.doc.as_ref().unwrap();
    let top = doc.lines.anchor_at(doc.offset);
    for (w, h) in [(60, 20), (200, 50), (20, 5), (1, 1), (100, 30)] {
        app.resize(w, h);
        let doc = app.doc.as_ref().unwrap();
        assert!(doc.offset <= doc.lines.len());
        if w >= 20 {
            assert_eq!(doc.lines.anchor_at(doc.offset), top, "at {w}x{h}");
        }
    }
}

#[test]
fn library_opens_a_briefing_and_comes_back() {
    let dir = fixture("");
    let lib = brief::app::library::Library::scan(&dir).unwrap();
    let n = lib.entries.len();
    let mut app = App::new(Keymap::defaults(), Rect::new(0, 0, 80, 24), false).with_library(lib);
    assert_eq!(app.screen, Screen::Library);
    keys(&mut app, "G<enter>");
    assert_eq!(app.screen, Screen::Reader);
    keys(&mut app, "L");
    assert_eq!(app.screen, Screen::Library);
    assert_eq!(app.library.as_ref().unwrap().selected, n - 1);
    keys(&mut app, "q");
    assert!(!app.running);
}

#[test]
fn reload_keeps_the_position_and_survives_a_broken_file() {
    let (_dir, path, text, mut app) = app_on_copy("harbour.brief");
    keys(&mut app, "]]]");
    let before = app.doc.as_ref().unwrap().current;
    std::fs::write(
        &path,
        text.replace("Thank you for your question.", "Thanks."),
    )
    .unwrap();
    app.file_changed(&path);
    assert_eq!(app.doc.as_ref().unwrap().current, before);
    assert_eq!(app.message.as_ref().unwrap().text, "reloaded");
    std::fs::write(&path, "+++\ntitle = \n").unwrap();
    keys(&mut app, "r");
    let m = app.message.as_ref().unwrap();
    assert!(m.error && m.text.contains("h.brief:"), "{m:?}");
    assert_eq!(app.doc.as_ref().unwrap().current, before);
}

#[test]
fn reload_finds_the_passage_by_its_text_when_its_anchor_moved() {
    let (_dir, path, text, mut app) = app_on_copy("harbour.brief");
    let text_at = |app: &App, top: bool| {
        let doc = app.doc.as_ref().unwrap();
        let a = if top {
            doc.lines.anchor_at(doc.offset).unwrap()
        } else {
            doc.current
        };
        doc.shown().paragraph(a).unwrap().text.clone()
    };
    // Scroll until the second paragraph of Lin Wei's answer to Q1 is at the top (and current).
    for _ in 0..200 {
        if text_at(&app, true).starts_with("Whether it lasts") {
            break;
        }
        keys(&mut app, "j");
    }
    assert!(text_at(&app, false).starts_with("Whether it lasts"));
    // A paragraph inserted before it in the same turn moves its anchor on by one.
    let answer = "Thank you for your question. Three things drove it.";
    std::fs::write(
        &path,
        text.replace(answer, &format!("A paragraph added later.\n\n{answer}")),
    )
    .unwrap();
    app.file_changed(&path);
    assert_eq!(app.message.as_ref().unwrap().text, "reloaded");
    assert!(text_at(&app, false).starts_with("Whether it lasts"));
    assert!(text_at(&app, true).starts_with("Whether it lasts"));
}

#[test]
fn the_current_passage_moves_by_paragraph_and_the_page_follows_it() {
    let mut app = app_on("harbour.brief", 80, 12);
    let first = app.doc.as_ref().unwrap().current;
    keys(&mut app, "J");
    let doc = app.doc.as_ref().unwrap();
    assert_eq!((doc.current.turn, doc.current.paragraph), (1, 0));
    // Brought into view with its speaker's heading.
    assert_eq!(doc.offset, doc.lines.turn_line(0, 1));
    keys(&mut app, "5J");
    let doc = app.doc.as_ref().unwrap();
    let line = doc.lines.line_of(doc.current);
    assert!(line >= doc.offset && line < doc.offset + app.page_height());
    keys(&mut app, "99K");
    assert_eq!(app.doc.as_ref().unwrap().current, first);
}

#[test]
fn where_the_page_cannot_scroll_the_current_passage_still_moves() {
    // The whole briefing fits on one page: G and g cannot scroll it.
    let mut app = app_on("harbour.brief", 120, 200);
    assert_eq!(app.position().unwrap().pages, 1);
    let b = app.doc.as_ref().unwrap().full.clone();
    let first = b.paragraphs().next().unwrap().0;
    let last = b.paragraphs().last().unwrap().0;
    let current = |app: &App| app.doc.as_ref().unwrap().current;
    keys(&mut app, "G");
    assert_eq!(current(&app), last);
    // Never back up the page: a line down from there stays on the last paragraph.
    keys(&mut app, "j");
    assert_eq!(current(&app), last);
    keys(&mut app, "g");
    assert_eq!(current(&app), first);
    keys(&mut app, "50%");
    let middle = current(&app);
    assert!(first < middle && middle < last, "{middle:?}");

    // A page down on the last page of a longer view goes on to the last paragraph.
    let mut app = app_on("harbour.brief", 80, 24);
    keys(&mut app, "G");
    assert_eq!(current(&app), last);
    keys(&mut app, "g");
    assert_eq!(current(&app), first);
    keys(&mut app, "99<space>");
    assert_eq!(current(&app), last);
    assert_eq!(app.position().unwrap().percent, 100);
    // Scrolling back up, it follows the top of the page again.
    keys(&mut app, "k");
    let doc = app.doc.as_ref().unwrap();
    assert_eq!(Some(doc.current), doc.lines.anchor_at(doc.offset));
}

#[test]
fn count_prefix_and_unbound_keys() {
    let mut app = app_on("harbour.brief", 80, 24);
    keys(&mut app, "12");
    assert_eq!(app.count, Some(12));
    keys(&mut app, "Z");
    assert_eq!(app.count, None);
    keys(&mut app, "99999999999999j");
    assert_eq!(app.position().unwrap().percent, 100);
}

#[test]
fn help_and_popups_open_and_close() {
    let mut app = app_on("harbour.brief", 80, 24);
    keys(&mut app, "?");
    assert!(matches!(app.overlay, Some(Overlay::Help { .. })));
    keys(&mut app, "jj");
    assert_eq!(app.overlay, Some(Overlay::Help { scroll: 2 }));
    // Scrolling stops at the last page of the help, so one step back is one line back.
    keys(&mut app, "G");
    let end = brief::app::help::last_scroll(&app);
    assert_eq!(app.overlay, Some(Overlay::Help { scroll: end }));
    keys(&mut app, "jjj<space>k");
    assert_eq!(app.overlay, Some(Overlay::Help { scroll: end - 1 }));
    // A full last page: text on the popup's first and last rows.
    let shown = screen(&app);
    let rows: Vec<&str> = shown.lines().collect();
    let top = rows.iter().position(|r| r.contains("┌")).unwrap();
    let bottom = rows.iter().position(|r| r.contains("└")).unwrap();
    let text = |r: &str| r.chars().filter(|c| c.is_alphanumeric()).count();
    assert!(
        text(rows[top + 1]) > 0 && text(rows[bottom - 1]) > 0,
        "{shown}"
    );
    keys(&mut app, "<esc>");
    assert!(app.overlay.is_none());
    keys(&mut app, "y");
    assert!(matches!(
        app.effects.last(),
        Some(brief::app::Effect::Clipboard(t)) if t.contains("Zhou Ping, Spokesperson")
    ));
    keys(&mut app, "M");
    assert!(app.mouse);
}

fn mouse(app: &mut App, kind: ratatui::crossterm::event::MouseEventKind, column: u16, row: u16) {
    app.on_mouse(ratatui::crossterm::event::MouseEvent {
        kind,
        column,
        row,
        modifiers: KeyModifiers::NONE,
    });
}

#[test]
fn the_wheel_scrolls_the_pane_under_the_pointer_and_a_click_jumps() {
    use ratatui::crossterm::event::{MouseButton, MouseEventKind};
    let mut app = app_on("harbour.brief", 100, 30);
    let outline = app.panes().outline.unwrap();
    let text = app.panes().transcript;
    mouse(&mut app, MouseEventKind::ScrollDown, text.x + 5, 3);
    assert_eq!(offset(&app), 3);
    mouse(&mut app, MouseEventKind::ScrollUp, text.x + 5, 3);
    assert_eq!(offset(&app), 0);
    // The wheel over the outline moves its cursor, not the text.
    mouse(&mut app, MouseEventKind::ScrollDown, outline.x + 1, 1);
    assert_eq!(offset(&app), 0);
    assert_eq!(app.doc.as_ref().unwrap().outline.selected, 3);
    // A click on the fifth entry (Q4) jumps there.
    mouse(
        &mut app,
        MouseEventKind::Down(MouseButton::Left),
        outline.x + 2,
        outline.y + 4,
    );
    assert_eq!(section(&app), 4);
    assert_eq!(app.section_label().unwrap().split(' ').next(), Some("Q4"));
    // Clicks outside any entry do nothing.
    mouse(
        &mut app,
        MouseEventKind::Down(MouseButton::Left),
        outline.x + 2,
        outline.y + 25,
    );
    assert_eq!(section(&app), 4);
}

#[test]
fn in_the_library_a_click_selects_and_a_second_click_opens() {
    use ratatui::crossterm::event::{MouseButton, MouseEventKind};
    let lib = brief::app::library::Library::scan(&fixture("")).unwrap();
    let mut app = App::new(Keymap::defaults(), Rect::new(0, 0, 80, 24), false).with_library(lib);
    let list = brief::app::screen::library_list_area(app.area);
    let click = MouseEventKind::Down(MouseButton::Left);
    mouse(&mut app, click, 5, list.y + 1);
    assert_eq!(app.library.as_ref().unwrap().selected, 1);
    assert_eq!(app.screen, Screen::Library);
    mouse(&mut app, click, 5, list.y + 1);
    assert_eq!(app.screen, Screen::Reader);
    // In a popup the wheel moves its cursor.
    keys(&mut app, "S");
    mouse(&mut app, MouseEventKind::ScrollDown, 5, 5);
    assert!(matches!(
        app.overlay,
        Some(Overlay::Speakers { selected: 3, .. })
    ));
}

#[test]
fn the_library_scrolls_with_its_cursor() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(fixture("harbour.brief")).unwrap();
    for i in 0..40 {
        std::fs::write(dir.path().join(format!("b{i:02}.brief")), &text).unwrap();
    }
    let lib = brief::app::library::Library::scan(dir.path()).unwrap();
    let mut app = App::new(Keymap::defaults(), Rect::new(0, 0, 80, 12), false).with_library(lib);
    keys(&mut app, "G");
    let l = app.library.as_ref().unwrap();
    assert_eq!(l.selected, 39);
    assert!(l.scroll > 0 && l.scroll <= 39);
    keys(&mut app, "g");
    assert_eq!(app.library.as_ref().unwrap().scroll, 0);
}

#[test]
fn terms_of_the_page_and_figures_of_the_section_with_a_jump() {
    let mut app = app_on("harbour.brief", 100, 30);
    keys(&mut app, "t");
    let Some(Overlay::Terms { items, .. }) = &app.overlay else {
        panic!("no terms popup: {:?}", app.overlay);
    };
    let doc = app.doc.as_ref().unwrap();
    let terms: Vec<&str> = items
        .iter()
        .map(|&i| doc.highlighter.entries()[i].term.as_str())
        .collect();
    assert!(terms.contains(&"green corridor"), "{terms:?}");
    keys(&mut app, "<esc>");

    keys(&mut app, "f");
    let Some(Overlay::Figures { items, .. }) = &app.overlay else {
        panic!("no figures popup: {:?}", app.overlay);
    };
    let figures: Vec<&str> = items.iter().map(|f| f.figure.as_str()).collect();
    assert!(
        figures.contains(&"4.2%") && figures.contains(&"6.1%"),
        "{figures:?}"
    );
    assert!(items.iter().all(|f| f.anchor.section == 0));
    let k = figures.iter().position(|&f| f == "6.1%").unwrap();
    let target = items[k].anchor;
    assert!(items[k].sentence.starts_with("Imports and exports reached"));
    for _ in 0..k {
        keys(&mut app, "j");
    }
    keys(&mut app, "<enter>");
    assert!(app.overlay.is_none());
    assert_eq!(app.doc.as_ref().unwrap().current, target);
    keys(&mut app, "<c-o>");
    assert_eq!(app.doc.as_ref().unwrap().current.turn, 0);
}

/// Every action, in every popup, at several sizes, on briefings with empty parts: no panic,
/// and the offset stays within the line table.
#[test]
fn every_action_on_odd_briefings_and_sizes_never_panics() {
    use brief::action::Action;
    use brief::model::{Briefing, Paragraph, Section, SectionKind, SourceLine, Turn, TurnKind};
    let turn = |paras: usize| Turn {
        speaker: "reporter".into(),
        kind: TurnKind::Question,
        paragraphs: (0..paras)
            .map(|i| Paragraph::plain(format!("p{i} 3.9% 城市")))
            .collect(),
        line: SourceLine(0),
    };
    let section = |kind, turns: Vec<Turn>| Section {
        kind,
        title: None,
        outlet: None,
        turns,
        line: SourceLine(0),
    };
    let odd = vec![
        Briefing::default(),
        Briefing {
            sections: vec![section(SectionKind::Qa, vec![])],
            ..Default::default()
        },
        Briefing {
            sections: vec![
                section(SectionKind::Qa, vec![turn(0), turn(2)]),
                section(SectionKind::Remarks, vec![]),
                section(SectionKind::Qa, vec![turn(1), turn(0)]),
            ],
            ..Default::default()
        },
        format::load(&fixture("chengshi.brief")).unwrap(),
    ];
    for b in odd {
        for (w, h) in [(1, 1), (20, 5), (80, 24), (7, 3)] {
            let mut app = App::new(Keymap::defaults(), Rect::new(0, 0, w, h), false);
            app.open(b.clone(), Origin::Sample(0));
            for &a in Action::ALL {
                for &then in [
                    Action::ScrollDown,
                    Action::Select,
                    Action::Bottom,
                    Action::Cancel,
                ]
                .iter()
                {
                    app.count = Some(3);
                    app.update(a);
                    app.update(then);
                    keys(&mut app, "x<enter>");
                    let mut t =
                        ratatui::Terminal::new(ratatui::backend::TestBackend::new(w, h)).unwrap();
                    t.draw(|f| brief::ui::draw(f, &app)).unwrap();
                    app.running = true;
                    if let Some(doc) = &app.doc {
                        assert!(doc.offset <= doc.lines.len(), "{a:?} then {then:?}");
                    }
                }
            }
        }
    }
}

#[test]
fn a_reload_error_names_the_file_not_its_whole_path() {
    let dir = tempfile::tempdir().unwrap();
    let deep = dir
        .path()
        .join("a/long/folder/name/that/fills/the/status/line");
    std::fs::create_dir_all(&deep).unwrap();
    let path = deep.join("h.brief");
    let text = std::fs::read_to_string(fixture("harbour.brief")).unwrap();
    std::fs::write(&path, &text).unwrap();
    let mut app = App::new(Keymap::defaults(), Rect::new(0, 0, 80, 24), false);
    app.open(format::load(&path).unwrap(), Origin::File(path.clone()));
    std::fs::write(&path, text.replacen("@lin:", "@nobody:", 1)).unwrap();
    keys(&mut app, "r");
    let m = app.message.as_ref().unwrap();
    assert!(m.error);
    assert!(
        m.text.starts_with("not reloaded: h.brief:42:"),
        "{}",
        m.text
    );
    assert!(m.text.contains("nobody"), "{}", m.text);
}

#[test]
fn ctrl_c_closes_a_popup_or_gives_up_a_prompt_before_it_quits_and_the_help_says_so() {
    let mut app = app_on("harbour.brief", 160, 100);
    keys(&mut app, "?G");
    assert!(
        screen(&app).contains("Quit brief; in a popup, close it (Ctrl-C in a prompt gives it up)"),
        "{}",
        screen(&app)
    );
    keys(&mut app, "<c-c>");
    assert!(app.overlay.is_none() && app.running);
    keys(&mut app, "/yuan<c-c>");
    assert!(app.prompt.is_none() && app.running);
    assert!(app.doc.as_ref().unwrap().search.is_none());
    keys(&mut app, "<c-c>");
    assert!(!app.running);
}
