//! Detection never panics and always returns sorted, non-overlapping spans on char boundaries,
//! whatever the text and the hand marks.

use brief::glossary;
use brief::highlight::{Highlighter, figures};
use brief::model::{Mark, MarkKind, Paragraph};
use proptest::prelude::*;
use std::sync::LazyLock;

static HIGHLIGHTER: LazyLock<Highlighter> =
    LazyLock::new(|| Highlighter::new(glossary::builtin().unwrap()));

/// Text that is dense in what detection looks at: digits, signs, units, month names, CJK numerals.
fn briefing_like() -> impl Strategy<Value = String> {
    let atoms = prop::sample::select(vec![
        "1",
        "23",
        "4,500",
        "6.7",
        "-",
        "–",
        "—",
        "%",
        "％",
        " ",
        ",",
        ".",
        ":",
        "(",
        ")",
        "$",
        "US$",
        "percent",
        "percentage points",
        "million",
        "yuan",
        "times",
        "-fold",
        "July",
        "May",
        "of",
        "the",
        "one",
        "hundred",
        "twenty",
        "trillion",
        "年",
        "月",
        "日",
        "万",
        "亿",
        "元",
        "倍",
        "个",
        "百分之",
        "五",
        "十",
        "三分",
        "第",
        "é",
        "’",
        "SMEs",
        "white list",
        "little giant",
        "5G",
        "COVID-19",
        "新三样",
        "a.m.",
        "th",
        "\u{a0}",
    ]);
    prop::collection::vec(atoms, 0..40).prop_map(|v| v.concat())
}

fn check_spans(text: &str, spans: &[std::ops::Range<usize>]) {
    let mut end = 0;
    for r in spans {
        assert!(
            r.start >= end && r.start < r.end && r.end <= text.len(),
            "{r:?} in {text:?}"
        );
        assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
        end = r.end;
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn figures_are_ordered_and_in_bounds(text in briefing_like()) {
        let spans: Vec<_> = figures(&text).into_iter().map(|(r, _)| r).collect();
        check_spans(&text, &spans);
    }

    #[test]
    fn arbitrary_unicode_never_panics(text in "\\PC{0,200}") {
        let spans: Vec<_> = figures(&text).into_iter().map(|(r, _)| r).collect();
        check_spans(&text, &spans);
    }

    #[test]
    fn paragraphs_with_any_marks_stay_ordered(
        text in briefing_like(),
        marks in prop::collection::vec((0usize..300, 0usize..40, 0u8..4), 0..4),
    ) {
        let marks = marks
            .into_iter()
            .map(|(start, len, k)| Mark {
                range: start..start + len,
                kind: match k {
                    0 => MarkKind::Figure,
                    1 => MarkKind::Term(None),
                    2 => MarkKind::Term(Some("white list".into())),
                    _ => MarkKind::Plain,
                },
            })
            .collect();
        let p = Paragraph { text: text.clone(), marks, ..Default::default() };
        let spans: Vec<_> = HIGHLIGHTER.paragraph(&p).into_iter().map(|h| h.range).collect();
        check_spans(&text, &spans);
    }
}
