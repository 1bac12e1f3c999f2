//! Screens of the reader, drawn with ratatui's TestBackend and compared with insta snapshots
//! (tests/it/snapshots/), at 80x24 and 160x48, on an English and a Chinese briefing.

use brief::app::App;
use brief::app::library::{Library, Origin};
use brief::format;
use brief::keymap::Keymap;
use brief::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
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
    let mut app =
        App::new(Keymap::defaults(), Rect::new(0, 0, w, h), false).with_theme(Theme::no_color());
    // A relative origin keeps machine paths out of the snapshots.
    app.open(b, Origin::File(PathBuf::from(name)));
    app
}

fn press(app: &mut App, keys: &str) {
    for c in keys.chars() {
        let code = match c {
            '\n' => KeyCode::Enter,
            '\t' => KeyCode::Tab,
            c => KeyCode::Char(c),
        };
        app.on_key(KeyEvent::new(code, KeyModifiers::NONE));
    }
}

fn draw(app: &App) -> String {
    let mut t = Terminal::new(TestBackend::new(app.area.width, app.area.height)).unwrap();
    t.draw(|f| brief::ui::draw(f, app)).unwrap();
    t.backend().to_string()
}

#[test]
fn english_briefing_at_80x24() {
    let mut app = app_on("harbour.brief", 80, 24);
    insta::assert_snapshot!("harbour_80x24_start", draw(&app));
    press(&mut app, "]]]");
    insta::assert_snapshot!("harbour_80x24_q3", draw(&app));
}

#[test]
fn english_briefing_at_160x48_with_search_and_expanded_outline() {
    let mut app = app_on("harbour.brief", 160, 48);
    press(&mut app, "]x/billion yuan\n");
    insta::assert_snapshot!("harbour_160x48_search", draw(&app));
}

#[test]
fn chinese_briefing_at_80x24_and_160x48() {
    let mut app = app_on("chengshi.brief", 80, 24);
    insta::assert_snapshot!("chengshi_80x24", draw(&app));
    press(&mut app, "]");
    insta::assert_snapshot!("chengshi_80x24_q1", draw(&app));
    app.resize(160, 48);
    insta::assert_snapshot!("chengshi_160x48", draw(&app));
}

#[test]
fn help_overlay_lists_the_keymap() {
    let mut app = app_on("harbour.brief", 160, 48);
    press(&mut app, "?");
    let screen = draw(&app);
    assert!(screen.contains("next_question") || screen.contains("Next question"));
    insta::assert_snapshot!("help_160x48", screen);
}

#[test]
fn help_uses_the_width_and_wraps_descriptions_whole() {
    for (w, h) in [(200, 100), (60, 200), (40, 300)] {
        let mut app = app_on("harbour.brief", w, h);
        press(&mut app, "?");
        let screen = draw(&app);
        let rows: Vec<Vec<char>> = screen.lines().map(|l| l.chars().collect()).collect();
        let top = rows.iter().find(|r| r.contains(&'┌')).unwrap();
        let left = top.iter().position(|&c| c == '┌').unwrap();
        let right = top.iter().position(|&c| c == '┐').unwrap();
        if w == 200 {
            // The box is as wide as is readable, not a fixed 84 columns.
            assert_eq!(right - left + 1, 120);
        }
        // The text inside the box, its lines joined: every description is there whole.
        let inside: Vec<String> = rows
            .iter()
            .filter(|r| r.len() > right)
            .map(|r| r[left + 1..right].iter().collect::<String>())
            .collect();
        let text = inside
            .join(" ")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        for a in brief::action::Action::ALL {
            assert!(
                text.contains(a.describe()),
                "{w}x{h}: {:?} is cut\n{screen}",
                a.describe()
            );
        }
    }
}

#[test]
fn the_outline_grows_with_the_screen_and_shows_topics() {
    let app = app_on("harbour.brief", 200, 30);
    let screen = draw(&app);
    assert!(
        screen.contains("Q3 · Maritime Weekly → Lin Wei, Ma Qing · Green shipping"),
        "{screen}"
    );
    // On a narrow screen the names give way first, so some of the topic shows.
    let app = app_on("harbour.brief", 80, 24);
    let screen = draw(&app);
    let row = screen.lines().find(|l| l.contains("Q3 ·")).unwrap();
    assert!(row.contains("· Green"), "{row}");
}

#[test]
fn the_status_line_separates_every_field() {
    let mut app = app_on("harbour.brief", 60, 20);
    press(&mut app, "]");
    let status = |app: &App| draw(app).lines().last().unwrap().to_string();
    // The title is cut to make room; the section and the page stay apart.
    let line = status(&app);
    assert!(line.contains("Harbour Daily → Lin Wei · page "), "{line}");
    press(&mut app, "}S\n");
    let line = status(&app);
    assert!(line.contains(" · only Lin Wei · page "), "{line}");
}

#[test]
fn library_of_the_fixtures() {
    let mut lib = Library::scan(&fixture("")).unwrap();
    lib.dir = Some(PathBuf::from("tests/fixtures/reader"));
    for e in &mut lib.entries {
        if let Origin::File(p) = &mut e.origin {
            *p = PathBuf::from(p.file_name().unwrap());
        }
    }
    let app = App::new(Keymap::defaults(), Rect::new(0, 0, 80, 24), false)
        .with_theme(Theme::no_color())
        .with_library(lib);
    insta::assert_snapshot!("library_80x24", draw(&app));
}

#[test]
fn tiny_terminals_show_a_notice_and_never_panic() {
    let mut app = app_on("chengshi.brief", 20, 5);
    insta::assert_snapshot!("chengshi_20x5", draw(&app));
    for (w, h) in [(1, 1), (19, 5), (20, 4), (2, 40), (300, 2), (20, 5)] {
        app.resize(w, h);
        press(&mut app, "]]jG?\t");
        draw(&app);
        press(&mut app, "/公交\n");
        draw(&app);
    }
    app.resize(1, 1);
    assert_eq!(draw(&app).lines().count(), 1);
}

#[test]
fn help_follows_the_user_keymap() {
    let km = Keymap::from_str_layered("[jump]\nnext_question = [\"ctrl-n\", \"Q\"]\n", "user.toml")
        .unwrap();
    let path = fixture("harbour.brief");
    let mut app = App::new(km, Rect::new(0, 0, 120, 60), false).with_theme(Theme::no_color());
    app.open(
        format::load(&path).unwrap(),
        Origin::File(PathBuf::from("harbour.brief")),
    );
    press(&mut app, "?");
    let screen = draw(&app);
    let line = screen
        .lines()
        .find(|l| l.contains("Next question"))
        .unwrap_or_else(|| panic!("{screen}"));
    assert!(line.contains("ctrl-n Q"), "{line}");
    assert!(!line.contains(" ] "), "{line}");
    // And the key works.
    app.on_key(KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE));
    press(&mut app, "Q");
    assert_eq!(app.section_label().unwrap().split(' ').next(), Some("Q1"));
}

/// The shipped SCIO briefing (a seed, imported and checked), opened as a user opens it.
fn app_on_seed(w: u16, h: u16) -> App {
    let name = "briefings/2022-07-19-scio-industry-and-it-first-half.brief";
    let b = format::load(&PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(name)).unwrap();
    let mut app =
        App::new(Keymap::defaults(), Rect::new(0, 0, w, h), false).with_theme(Theme::no_color());
    app.open(b, Origin::File(PathBuf::from(name)));
    app
}

#[test]
fn seed_briefing_at_80x24_and_160x48() {
    let mut app = app_on_seed(80, 24);
    press(&mut app, "]]]]");
    insta::assert_snapshot!("seed_80x24_q4", draw(&app));
    let mut app = app_on_seed(160, 48);
    press(&mut app, "5]");
    insta::assert_snapshot!("seed_160x48_q5", draw(&app));
}
