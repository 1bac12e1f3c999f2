//! The line table: exact lines for small briefings in English and Chinese, the maps between lines
//! and anchors, and narrow panes down to one column.

use brief::format;
use brief::layout::{Columns, DisplayLine, Layout};
use brief::model::{Anchor, Briefing};

const TALK: &str = r#"+++
title = "Harbour logistics briefing"
date = "2025-03-04"

[[speakers]]
id = "lin"
name = "Lin Wei"
role = "Spokesperson"

[[speakers]]
id = "zhao"
name = "Zhao Min"
role = "Director of the Port Office"
+++

## remarks

@lin:
Good morning. Container throughput rose by 4.2% in January.

Questions please.

## qa [Coastal Daily]: Cold chain

@reporter:
How many cold storage sites opened this year?

@zhao:
Twelve sites opened, with 310,000 tonnes of capacity.
"#;

const ZH: &str = r#"+++
title = "港口物流发布会"
language = "zh"

[[speakers]]
id = "lin"
name = "林伟"
role = "新闻发言人"
+++

## qa [海滨日报]

@reporter:
今年新开了多少冷库？

@lin:
全年新开冷库十二座，新增库容三十一万吨，同比增长百分之四点二。
"#;

fn parse(src: &str) -> Briefing {
    format::parse(src, "test.brief").unwrap_or_else(|e| panic!("{e}"))
}

/// The lines as they read on screen, without the gutter: question text is prefixed with "| ".
fn render(b: &Briefing, l: &Layout) -> Vec<String> {
    l.lines()
        .iter()
        .map(|line| {
            let text = l.line_text(b, line);
            match line {
                DisplayLine::SectionHeading { .. } => format!("# {text}"),
                DisplayLine::TurnHeading { .. } => format!("@ {text}"),
                DisplayLine::Text { question: true, .. } => format!("| {text}"),
                _ => text.to_string(),
            }
        })
        .collect()
}

fn a(section: usize, turn: usize, paragraph: usize) -> Anchor {
    Anchor::new(section, turn, paragraph)
}

#[test]
fn an_english_briefing_wraps_to_the_pane() {
    let b = parse(TALK);
    // 32 columns: 2 of gutter leave 30 for text, 28 for question text.
    let l = Layout::new(&b, 32);
    assert_eq!(
        render(&b, &l),
        [
            "# Opening remarks",
            "",
            "@ Lin Wei — Spokesperson",
            "Good morning. Container",
            "throughput rose by 4.2% in",
            "January.",
            "",
            "Questions please.",
            "",
            "# Q1 · Coastal Daily: Cold chain",
            "",
            "@ Reporter — Coastal Daily",
            "| How many cold storage sites",
            "| opened this year?",
            "",
            "@ Zhao Min — Director of the",
            "@ Port Office",
            "Twelve sites opened, with",
            "310,000 tonnes of capacity.",
        ]
    );
}

#[test]
fn chinese_wraps_by_display_width() {
    let b = parse(ZH);
    let l = Layout::new(&b, 22);
    // 20 columns of text are 10 Chinese characters; 18 for the question, 9 characters.
    assert_eq!(
        render(&b, &l),
        [
            "# Q1 · 海滨日报",
            "",
            // An unnamed reporter of a Chinese briefing is 记者.
            "@ 记者 — 海滨日报",
            "| 今年新开了多少冷",
            // "？" may not start a line: the character before it comes along.
            "| 库？",
            "",
            "@ 林伟 — 新闻发言人",
            "全年新开冷库十二座，",
            "新增库容三十一万吨，",
            "同比增长百分之四点",
            "二。",
        ]
    );
}

#[test]
fn a_named_reporter_is_shown_with_their_own_outlet_not_the_sections() {
    let b = parse(
        r#"+++
title = "Press conference"

[[speakers]]
id = "huma"
name = "Huma Siddiqui"
kind = "reporter"

[[speakers]]
id = "ana"
name = "Ana Lee"
org = "Harbour Times"
kind = "reporter"

[[speakers]]
id = "lin"
name = "Lin Wei"
role = "Spokesperson"
+++

## qa [DD News]

@huma:
First question?

@ana:
Second question?

@reporter:
Third question?

@lin:
Answers.
"#,
    );
    let headings: Vec<String> = (0..4)
        .map(|t| brief::layout::turn_heading(&b, 0, t))
        .collect();
    assert_eq!(
        headings,
        [
            "Huma Siddiqui",
            "Ana Lee — Harbour Times",
            "Reporter — DD News",
            "Lin Wei — Spokesperson",
        ]
    );
}

/// The heading line the transcript shows for section `s`.
fn section_heading(b: &Briefing, s: usize) -> String {
    let l = Layout::new(b, 200);
    let line = l.lines()[l.section_line(s).expect("a heading line")];
    l.line_text(b, &line).to_string()
}

#[test]
fn a_question_without_outlet_is_the_reporters_in_the_briefings_language() {
    let zh = parse(&ZH.replace("## qa [海滨日报]", "## qa"));
    assert_eq!(section_heading(&zh, 0), "Q1 · 记者");
    assert_eq!(zh.section_label(0), "Q1 · 记者 → 林伟");
    assert_eq!(brief::layout::turn_heading(&zh, 0, 0), "记者");
    let en = parse(&TALK.replace("## qa [Coastal Daily]", "## qa"));
    assert_eq!(section_heading(&en, 1), "Q1 · Reporter: Cold chain");
    assert_eq!(en.section_label(1), "Q1 · Reporter → Zhao Min");
}

#[test]
fn lines_and_anchors_map_both_ways() {
    let b = parse(TALK);
    let l = Layout::new(&b, 32);
    assert_eq!(l.line_of(a(0, 0, 0)), Some(3));
    assert_eq!(l.line_of(a(0, 0, 1)), Some(7));
    assert_eq!(l.line_of(a(1, 1, 0)), Some(17));
    assert_eq!(l.line_of(a(1, 2, 0)), None);
    // Inside a paragraph, the line that shows a byte ("4.2%" is on its second line).
    let first = &b.sections[0].turns[0].paragraphs[0].text;
    assert_eq!(l.line_of_byte(a(0, 0, 0), 0), Some(3));
    assert_eq!(
        l.line_of_byte(a(0, 0, 0), first.find("4.2%").unwrap()),
        Some(4)
    );
    assert_eq!(l.line_of_byte(a(0, 0, 0), first.len()), Some(5));
    assert_eq!(l.line_of_byte(a(1, 2, 0), 0), None);
    assert_eq!(l.block_of(a(0, 0, 0)), Some(0));
    assert_eq!(l.block_of(a(1, 0, 0)), Some(9));
    assert_eq!(l.block_of(a(1, 1, 0)), Some(15));
    assert_eq!(l.block_of(a(0, 0, 1)), Some(7));
    // Headings and blank lines belong to the paragraph after them; past the end, the last one.
    assert_eq!(l.anchor_at(0), Some(a(0, 0, 0)));
    assert_eq!(l.anchor_at(5), Some(a(0, 0, 0)));
    assert_eq!(l.anchor_at(6), Some(a(0, 0, 1)));
    assert_eq!(l.anchor_at(8), Some(a(1, 0, 0)));
    assert_eq!(l.anchor_at(18), Some(a(1, 1, 0)));
    assert_eq!(l.anchor_at(1000), Some(a(1, 1, 0)));
    for (line, anchor) in [(3, a(0, 0, 0)), (7, a(0, 0, 1)), (12, a(1, 0, 0))] {
        assert_eq!(l.anchor_at(line), Some(anchor));
        assert_eq!(l.line_of(anchor), Some(line));
    }
    assert_eq!(l.section_line(1), Some(9));
    assert_eq!(l.turn_line(1, 1), Some(15));
    assert_eq!(l.turn_line(1, 2), None);
    assert_eq!(
        l.anchors_in(4..13).collect::<Vec<_>>(),
        [a(0, 0, 0), a(0, 0, 1), a(1, 0, 0)]
    );
    assert_eq!(l.anchors_in(14..15).count(), 0);
}

#[test]
fn every_width_down_to_one_column_lays_out_every_character() {
    for src in [TALK, ZH] {
        let b = parse(src);
        for width in 0..=40 {
            let l = Layout::new(&b, width);
            let mut seen = String::new();
            for line in l.lines() {
                if let DisplayLine::Text { .. } = line {
                    seen.push_str(l.line_text(&b, line));
                }
            }
            let all: String = b.paragraphs().map(|(_, p)| p.text.as_str()).collect();
            assert_eq!(seen.replace(' ', ""), all.replace(' ', ""), "width {width}");
            for (anchor, _) in b.paragraphs() {
                let line = l.line_of(anchor).expect("every paragraph has a line");
                assert_eq!(l.anchor_at(line), Some(anchor));
            }
        }
    }
}

#[test]
fn width_one_gives_one_grapheme_per_line() {
    let b = parse(ZH);
    let l = Layout::new(&b, 1);
    assert_eq!(Columns::for_width(1).text(1, true), 1);
    let q = l.line_of(a(0, 0, 0)).unwrap();
    let first: Vec<&str> = l.lines()[q..q + 3]
        .iter()
        .map(|x| l.line_text(&b, x))
        .collect();
    assert_eq!(first, ["今", "年", "新"]);
}

#[test]
fn an_empty_briefing_has_no_lines_and_no_anchors() {
    let l = Layout::new(&Briefing::default(), 80);
    assert!(l.is_empty());
    assert_eq!(l.anchor_at(0), None);
    assert!(l.visible(0, 10).is_empty());
}

#[test]
fn a_display_line_stays_small() {
    // The line table of a 10 MB briefing has over 100,000 lines; the memory budget counts on this.
    assert!(std::mem::size_of::<DisplayLine>() <= 24);
}

#[test]
fn text_lines_name_their_paragraph() {
    let b = parse(TALK);
    let l = Layout::new(&b, 32);
    let line = l.lines()[17];
    let DisplayLine::Text { para, .. } = line else {
        panic!("line 17 is text");
    };
    assert_eq!(l.paragraph_anchor(para), Some(a(1, 1, 0)));
    assert_eq!(line.range(), 0..25);
    assert!(!matches!(l.lines()[0], DisplayLine::Text { .. }));
}
