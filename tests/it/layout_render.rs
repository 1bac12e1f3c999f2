//! The transcript widget on a test buffer: exact screens in English and Chinese, highlight and
//! mark styles with and without colour, control characters, tiny areas, and the highlight cache.

use brief::app::search::Match;
use brief::format;
use brief::highlight::HighlightCache;
use brief::highlight::{FigureKind, Highlight, HighlightKind};
use brief::layout::Layout;
use brief::model::{Anchor, Briefing, Paragraph};
use brief::theme::Theme;
use brief::ui::transcript::Transcript;
use ratatui::buffer::{Buffer, Cell};
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::widgets::Widget;

const TALK: &str = r#"+++
title = "Harbour logistics briefing"

[[speakers]]
id = "lin"
name = "Lin Wei"
role = "Spokesperson"
+++

## remarks

@lin:
Throughput rose by 4.2% in January.

Questions please.

## qa [Coastal Daily]

@reporter:
Which berths reopened?

@lin:
Berths 3 and 4 reopened on Monday.
"#;

const ZH: &str = r#"+++
title = "港口物流发布会"

[[speakers]]
id = "lin"
name = "林伟"
role = "新闻发言人"
+++

## qa [海滨日报]

@reporter:
今年新开了多少冷库？

@lin:
全年新开冷库十二座，同比增长百分之四点二。
"#;

fn parse(src: &str) -> Briefing {
    format::parse(src, "test.brief").unwrap_or_else(|e| panic!("{e}"))
}

fn a(section: usize, turn: usize, paragraph: usize) -> Anchor {
    Anchor::new(section, turn, paragraph)
}

fn none(_: &Paragraph) -> Vec<Highlight> {
    Vec::new()
}

/// A briefing's figures as a highlighter would find them: every "N%" here.
fn percents(p: &Paragraph) -> Vec<Highlight> {
    let re = regex::Regex::new(r"\d+(\.\d+)?%").unwrap();
    re.find_iter(&p.text)
        .map(|m| Highlight {
            range: m.range(),
            kind: HighlightKind::Figure(FigureKind::Percent),
        })
        .collect()
}

/// What a cell looks like: colours and modifiers.
fn look(c: &Cell) -> (Color, Color, Modifier) {
    (c.fg, c.bg, c.modifier)
}

/// What a style looks like on a fresh cell.
fn looks(s: Style) -> (Color, Color, Modifier) {
    let mut c = Cell::default();
    c.set_style(s);
    look(&c)
}

/// Each row as text; the cell hidden behind a wide character is skipped.
fn rows(buf: &Buffer) -> Vec<String> {
    let area = buf.area;
    (area.top()..area.bottom())
        .map(|y| {
            let mut s = String::new();
            let mut x = area.left();
            while x < area.right() {
                let sym = buf[(x, y)].symbol();
                s.push_str(sym);
                x += unicode_width::UnicodeWidthStr::width(sym).max(1) as u16;
            }
            s.trim_end().to_string()
        })
        .collect()
}

#[test]
fn an_english_page_with_marks_and_question_bar() {
    let b = parse(TALK);
    let layout = Layout::new(&b, 30);
    let theme = Theme::colored();
    let cache = HighlightCache::default();
    let bookmarks = [a(0, 0, 1)];
    let mut buf = Buffer::empty(Rect::new(0, 0, 30, 14));
    Transcript::new(&b, &layout, 0, &theme, &none, &cache)
        .current(Some(a(0, 0, 0)))
        .bookmarks(&bookmarks)
        .render(buf.area, &mut buf);
    assert_eq!(
        rows(&buf),
        [
            "  Opening remarks",
            "",
            "  Lin Wei — Spokesperson",
            "▌ Throughput rose by 4.2% in",
            "▌ January.",
            "",
            " *Questions please.",
            "",
            "  Q1 · Coastal Daily",
            "",
            "  Reporter — Coastal Daily",
            "  │ Which berths reopened?",
            "",
            "  Lin Wei — Spokesperson",
        ]
    );
    assert_eq!(buf[(0, 3)].fg, theme.current_mark.fg.unwrap());
    assert_eq!(buf[(1, 6)].fg, theme.bookmark_mark.fg.unwrap());
    assert_eq!(buf[(2, 11)].fg, theme.question_bar.fg.unwrap());
    assert_eq!(buf[(4, 11)].fg, theme.question_text.fg.unwrap());
    assert_eq!(buf[(2, 0)].fg, theme.section_heading.fg.unwrap());
    assert_eq!(buf[(2, 10)].fg, theme.question_speaker.fg.unwrap());
    assert_eq!(buf[(2, 2)].fg, theme.speaker.fg.unwrap());
}

#[test]
fn the_page_at_an_offset_and_past_the_end() {
    let b = parse(TALK);
    let layout = Layout::new(&b, 30);
    let theme = Theme::colored();
    let cache = HighlightCache::default();
    let mut buf = Buffer::empty(Rect::new(0, 0, 30, 4));
    Transcript::new(&b, &layout, 13, &theme, &none, &cache).render(buf.area, &mut buf);
    assert_eq!(
        rows(&buf),
        [
            "  Lin Wei — Spokesperson",
            "  Berths 3 and 4 reopened on",
            "  Monday.",
            ""
        ]
    );
    // Whatever was drawn before is cleared, and an offset past the end draws nothing.
    Transcript::new(&b, &layout, 1000, &theme, &none, &cache).render(buf.area, &mut buf);
    assert_eq!(rows(&buf), ["", "", "", ""]);
}

#[test]
fn figures_and_search_matches_have_their_styles() {
    let b = parse(TALK);
    let layout = Layout::new(&b, 40);
    let cache = HighlightCache::default();
    // "Throughput rose by 4.2% in January." — "4.2%" at bytes 19..23, "rose" at 11..15.
    let matches = [
        Match {
            anchor: a(0, 0, 0),
            range: 11..15,
        },
        Match {
            anchor: a(0, 0, 0),
            range: 21..23,
        },
    ];
    for theme in [Theme::colored(), Theme::no_color()] {
        let mut buf = Buffer::empty(Rect::new(0, 0, 40, 4));
        Transcript::new(&b, &layout, 3, &theme, &percents, &cache)
            .matches(&matches, Some(1))
            .render(buf.area, &mut buf);
        assert_eq!(rows(&buf)[0], "  Throughput rose by 4.2% in January.");
        let x0 = 2;
        let style = |x: u16| look(&buf[(x0 + x, 0)]);
        assert_eq!(style(0), looks(theme.text));
        assert_eq!(style(19), looks(theme.text.patch(theme.figure)), "figure");
        assert_eq!(
            style(11),
            looks(theme.text.patch(theme.search_match)),
            "match"
        );
        // The current match is drawn over the figure it falls in.
        assert_eq!(
            style(21),
            looks(theme.text.patch(theme.figure).patch(theme.current_match)),
            "current match"
        );
        assert_ne!(style(21), style(11), "the current match stands out");
        if !theme.color {
            assert!(style(19).2.contains(Modifier::BOLD));
            assert!(style(11).2.contains(Modifier::REVERSED));
        }
    }
}

#[test]
fn chinese_text_is_drawn_by_display_width() {
    let b = parse(ZH);
    let layout = Layout::new(&b, 22);
    let theme = Theme::no_color();
    let cache = HighlightCache::default();
    let mut buf = Buffer::empty(Rect::new(0, 0, 22, 10));
    Transcript::new(&b, &layout, 0, &theme, &none, &cache)
        .current(Some(a(0, 1, 0)))
        .render(buf.area, &mut buf);
    let expected = Buffer::with_lines([
        "  Q1 · 海滨日报",
        "",
        "  Reporter — 海滨日报",
        "  │ 今年新开了多少冷",
        "  │ 库？",
        "",
        "  林伟 — 新闻发言人",
        "▌ 全年新开冷库十二座，",
        "▌ 同比增长百分之四点",
        "▌ 二。",
    ]);
    assert_eq!(rows(&buf), rows(&expected));
    // A wide character takes two cells; the second is left blank for the terminal.
    assert_eq!(buf[(2, 7)].symbol(), "全");
    assert_eq!(buf[(3, 7)].symbol(), " ");
    assert_eq!(buf[(4, 7)].symbol(), "年");
}

#[test]
fn control_characters_never_reach_the_buffer() {
    // The parser refuses them; a briefing built in code might not.
    let mut b = parse(TALK);
    b.sections[0].turns[0].paragraphs[0] = Paragraph::plain("red \u{1b}[31mtext\u{7}");
    let layout = Layout::new(&b, 40);
    let theme = Theme::colored();
    let cache = HighlightCache::default();
    let mut buf = Buffer::empty(Rect::new(0, 0, 40, 4));
    Transcript::new(&b, &layout, 3, &theme, &none, &cache).render(buf.area, &mut buf);
    assert_eq!(rows(&buf)[0], "  red \u{FFFD}[31mtext\u{FFFD}");
}

#[test]
fn tiny_areas_do_not_panic() {
    for src in [TALK, ZH] {
        let b = parse(src);
        let theme = Theme::colored();
        let cache = HighlightCache::default();
        for (w, h) in [(1, 1), (2, 1), (1, 5), (3, 3), (7, 2), (20, 5)] {
            let layout = Layout::new(&b, w);
            for offset in [0, 1, layout.len().saturating_sub(1), layout.len() + 5] {
                let mut buf = Buffer::empty(Rect::new(0, 0, w, h));
                Transcript::new(&b, &layout, offset, &theme, &percents, &cache)
                    .current(Some(a(0, 0, 0)))
                    .render(buf.area, &mut buf);
            }
        }
        // An area larger than the buffer, and an empty one.
        let layout = Layout::new(&b, 80);
        let mut buf = Buffer::empty(Rect::new(0, 0, 10, 2));
        Transcript::new(&b, &layout, 0, &theme, &none, &cache)
            .render(Rect::new(5, 1, 80, 24), &mut buf);
        Transcript::new(&b, &layout, 0, &theme, &none, &cache)
            .render(Rect::new(0, 0, 0, 0), &mut buf);
    }
}

#[test]
fn highlights_are_computed_once_and_only_for_visible_paragraphs() {
    let b = parse(TALK);
    let layout = Layout::new(&b, 40);
    let theme = Theme::colored();
    let cache = HighlightCache::default();
    let calls = std::cell::Cell::new(0);
    let counting = |p: &Paragraph| {
        calls.set(calls.get() + 1);
        percents(p)
    };
    let mut buf = Buffer::empty(Rect::new(0, 0, 40, 6));
    for offset in [0, 0, 1, 2, 0] {
        Transcript::new(&b, &layout, offset, &theme, &counting, &cache).render(buf.area, &mut buf);
    }
    // Lines 0..8 hold the two paragraphs of the remarks; the question (line 11) is never shown.
    assert_eq!(calls.get(), 2);
    assert_eq!(cache.len(), 2);
    cache.clear();
    assert!(cache.is_empty());
}

/// A briefing of one question and one answer with the given texts, built without the parser so
/// that any text at all can be tried.
fn two_turns(question: &str, answer: &str) -> Briefing {
    let mut b = parse(TALK);
    b.sections[1].turns[0].paragraphs = vec![Paragraph::plain(question)];
    b.sections[1].turns[1].paragraphs = vec![Paragraph::plain(answer)];
    b
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(200))]

    #[test]
    fn any_text_at_any_size_draws_without_panic_inside_its_area(
        question in "\\PC{0,80}",
        answer in "(\\PC|[\u{1b}\u{7}\t\u{301}中，])*",
        width in 0u16..60,
        height in 0u16..12,
        offset in 0usize..40,
        highlight_end in 0usize..200,
    ) {
        let b = two_turns(&question, &answer);
        let layout = Layout::new(&b, width);
        let theme = Theme::no_color();
        let cache = HighlightCache::default();
        // Highlights and matches with arbitrary (possibly bad) byte ranges must not panic either.
        let odd = move |p: &Paragraph| {
            vec![Highlight {
                range: 1..highlight_end.min(p.text.len() + 3),
                kind: HighlightKind::Figure(FigureKind::Count),
            }]
        };
        let matches = [Match { anchor: a(1, 1, 0), range: 2..highlight_end }];
        let area = Rect::new(1, 1, width, height);
        let mut buf = Buffer::empty(Rect::new(0, 0, width + 2, height + 2));
        Transcript::new(&b, &layout, offset, &theme, &odd, &cache)
            .current(Some(a(1, 1, 0)))
            .matches(&matches, Some(0))
            .render(area, &mut buf);
        // Nothing is drawn outside the area, and no control character reaches a cell.
        for y in 0..height + 2 {
            for x in 0..width + 2 {
                let cell = &buf[(x, y)];
                let inside = x >= 1 && x <= width && y >= 1 && y <= height;
                proptest::prop_assert!(inside || cell.symbol() == " ", "({x},{y}) {:?}", cell.symbol());
                proptest::prop_assert!(!cell.symbol().chars().any(char::is_control));
            }
        }
    }
}
