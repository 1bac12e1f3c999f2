//! Figure and term detection on sentences written for these tests (English and Chinese).

use super::*;
use crate::model::{Mark, MarkKind, Paragraph};

/// The figures of `text` as (text, kind name) pairs.
fn figs(text: &str) -> Vec<(&str, &'static str)> {
    figures(text)
        .into_iter()
        .map(|(r, k)| (&text[r], k.as_str()))
        .collect()
}

#[test]
fn percentages_in_their_written_forms() {
    assert_eq!(
        figs("Output rose 3.9% after -2.9% in April; the share was 21.6 percent, or 94 %."),
        [
            ("3.9%", "percent"),
            ("-2.9%", "percent"),
            ("21.6 percent", "percent"),
            ("94 %", "percent")
        ]
    );
    assert_eq!(
        figs("增长3.9%，占比百分之五。"),
        [("3.9%", "percent"), ("百分之五", "percent")]
    );
}

#[test]
fn percentage_points_are_their_own_kind() {
    assert_eq!(
        figs("That is 1.4 percentage points higher, and 0.5 percentage point lower."),
        [
            ("1.4 percentage points", "percentage_points"),
            ("0.5 percentage point", "percentage_points")
        ]
    );
    assert_eq!(
        figs("提高了2.6个百分点"),
        [("2.6个百分点", "percentage_points")]
    );
}

#[test]
fn amounts_take_scale_words_and_units_but_not_counted_nouns() {
    assert_eq!(
        figs(
            "Cuts of 1.8 trillion yuan, revenue of 162.4 billion yuan, 2.661 million cars, 590,000 vehicles."
        ),
        [
            ("1.8 trillion yuan", "amount"),
            ("162.4 billion yuan", "amount"),
            ("2.661 million", "amount"),
            ("590,000", "count")
        ]
    );
    assert_eq!(
        figs("A grant of $2 billion, then US$35 million and $33,000 each; cells reach 300 Wh/kg."),
        [
            ("$2 billion", "amount"),
            ("US$35 million", "amount"),
            ("$33,000", "amount"),
            ("300 Wh/kg", "amount")
        ]
    );
    assert_eq!(
        figs("It passed one trillion yuan."),
        [("one trillion yuan", "amount")]
    );
}

#[test]
fn chinese_amounts_and_counts() {
    assert_eq!(
        figs("减税1.2万亿元，新建5万个基站，培育三十多家企业，共250项措施。"),
        [
            ("1.2万亿元", "amount"),
            ("5万", "amount"),
            ("三十", "count"),
            ("250", "count")
        ]
    );
    // Numeral characters inside ordinary words are not figures.
    assert!(figs("第一，统一部署，一些企业，千万不要，七一讲话，十月公布。").is_empty());
}

#[test]
fn multiples_and_counts() {
    assert_eq!(
        figs("Sales rose 1.3 times, a 3-fold jump, to 54,000 units in 41 sectors; 增长1.2倍。"),
        [
            ("1.3 times", "multiple"),
            ("3-fold", "multiple"),
            ("54,000", "count"),
            ("41", "count"),
            ("1.2倍", "multiple")
        ]
    );
}

#[test]
fn pairs_and_ranges_give_two_figures_of_one_kind() {
    assert_eq!(
        figs("It rebounded to 8.9% and 10.5%, from 2 to 3 percent, in 33 and 27 sectors, 5-7%."),
        [
            ("8.9%", "percent"),
            ("10.5%", "percent"),
            ("2", "percent"),
            ("3 percent", "percent"),
            ("33", "count"),
            ("27", "count"),
            ("5", "percent"),
            ("7%", "percent")
        ]
    );
}

#[test]
fn dates_in_english_iso_and_chinese() {
    assert_eq!(
        figs("On July 19, 2022 (2022-07-19), as of April 16 and 25 June 2023, in June 2023."),
        [
            ("July 19, 2022", "date"),
            ("2022-07-19", "date"),
            ("April 16", "date"),
            ("25 June 2023", "date"),
            ("June 2023", "date")
        ]
    );
    assert_eq!(
        figs("2023年7月20日发布，7月19日召开。"),
        [("2023年7月20日", "date"), ("7月19日", "date")]
    );
}

#[test]
fn names_ordinals_times_and_years_are_not_figures() {
    let text = "5G base stations, COVID-19, COVID1-19, the 14th Five-Year Plan, the 20th CPC \
                National Congress, growth in H1 and Q2, the G20, at 10 a.m. and 5:28 P.M., in 2021, \
                the 2023-2025 action, a 12-month plan, the 1990s, call 020-81789645, id 19140089.";
    assert_eq!(figs(text), []);
    assert_eq!(figs("2023年的计划"), []);
}

#[test]
fn list_markers_are_not_figures_but_sentence_numbers_are() {
    assert_eq!(figs("1. First point. 2) Second."), []);
    assert_eq!(
        figs("Steps: (1) plan; (2) act. It grew by 5. Then 7 more."),
        [("5", "count"), ("7", "count")]
    );
}

#[test]
fn prose_without_numbers_has_no_figures() {
    assert!(figs("Friends from the media, good morning.").is_empty());
    assert!(figs("").is_empty());
}

fn entry(term: &str, aliases: &[&str], proposed: bool) -> GlossaryEntry {
    GlossaryEntry {
        term: term.into(),
        definition: format!("meaning of {term}"),
        aliases: aliases.iter().map(|a| a.to_string()).collect(),
        proposed,
    }
}

fn glossary() -> Highlighter {
    Highlighter::new(vec![
        entry("little giants", &["little giant"], false),
        entry("SME", &[], false),
        entry("industrial chain", &[], false),
        entry("industrial chain and supply chain", &[], false),
        entry("white list", &["whitelist"], false),
        entry("14th Five-Year Plan", &[], false),
        entry("新三样", &[], false),
        entry("draft term", &[], true),
    ])
}

/// (text, entry term or figure kind) for every highlight of `text`.
fn spans(h: &Highlighter, p: &Paragraph) -> Vec<(String, String)> {
    h.paragraph(p)
        .into_iter()
        .map(|x| {
            let what = match x.kind {
                HighlightKind::Term(i) => h.entries()[i].term.clone(),
                HighlightKind::Figure(k) => k.as_str().to_string(),
            };
            (p.text[x.range].to_string(), what)
        })
        .collect()
}

fn pairs(v: &[(&str, &str)]) -> Vec<(String, String)> {
    v.iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

#[test]
fn terms_match_case_insensitively_as_whole_words_with_plurals() {
    let h = glossary();
    let p = Paragraph::plain(
        "Little Giants and one little giant, 3 SMEs, the Whitelist, whitelisted firms, SMEstate.",
    );
    assert_eq!(
        spans(&h, &p),
        pairs(&[
            ("Little Giants", "little giants"),
            ("little giant", "little giants"),
            ("3", "count"),
            ("SMEs", "SME"),
            ("Whitelist", "white list"),
        ])
    );
}

#[test]
fn longest_term_wins_and_beats_numbers_inside_it() {
    let h = glossary();
    let p = Paragraph::plain(
        "Keep the industrial chain and supply chain stable under the 14th Five-Year Plan.",
    );
    assert_eq!(
        spans(&h, &p),
        pairs(&[
            (
                "industrial chain and supply chain",
                "industrial chain and supply chain"
            ),
            ("14th Five-Year Plan", "14th Five-Year Plan"),
        ])
    );
}

#[test]
fn cjk_terms_match_without_word_boundaries_and_proposed_terms_do_not() {
    let h = glossary();
    let p = Paragraph::plain("出口新三样增长61.6%。A draft term here.");
    assert_eq!(
        spans(&h, &p),
        pairs(&[("新三样", "新三样"), ("61.6%", "percent")])
    );
}

#[test]
fn hand_marks_override_detection() {
    let h = glossary();
    let text = "About 600 yuan for 5 little giants on the list of 2021, whitelisted.";
    let at = |s: &str| {
        let i = text.find(s).unwrap();
        i..i + s.len()
    };
    let p = Paragraph {
        text: text.into(),
        marks: vec![
            Mark {
                range: at("About 600 yuan"),
                kind: MarkKind::Figure,
            },
            Mark {
                range: at("5 little giants"),
                kind: MarkKind::Plain,
            },
            Mark {
                range: at("2021"),
                kind: MarkKind::Figure,
            },
            Mark {
                range: at("whitelisted"),
                kind: MarkKind::Term(Some("White List".into())),
            },
        ],
        ..Default::default()
    };
    assert_eq!(
        spans(&h, &p),
        pairs(&[
            ("About 600 yuan", "amount"),
            ("2021", "count"),
            ("whitelisted", "white list"),
        ])
    );
}

#[test]
fn a_term_mark_without_a_name_resolves_its_own_text() {
    let h = glossary();
    let text = "the little giant";
    let p = Paragraph {
        text: text.into(),
        marks: vec![Mark {
            range: 4..16,
            kind: MarkKind::Term(None),
        }],
        ..Default::default()
    };
    assert_eq!(spans(&h, &p), pairs(&[("little giant", "little giants")]));
}

#[test]
fn marks_with_bad_ranges_are_ignored_not_a_panic() {
    let h = glossary();
    let p = Paragraph {
        text: "增长5%".into(),
        marks: vec![
            Mark {
                range: 1..2,
                kind: MarkKind::Figure,
            },
            Mark {
                range: 3..99,
                kind: MarkKind::Plain,
            },
        ],
        ..Default::default()
    };
    assert_eq!(spans(&h, &p), pairs(&[("5%", "percent")]));
}

#[test]
fn figure_kinds_round_trip_through_their_names() {
    for k in FigureKind::ALL {
        assert_eq!(FigureKind::parse(k.as_str()), Some(k));
    }
}

#[test]
fn labels_names_and_elided_ranges() {
    assert_eq!(
        figs("Speaker 1: (18:53) Next question from Israel Channel 12."),
        []
    );
    assert_eq!(figs("中文問題1：是否填海？"), []);
    assert_eq!(
        figs("People making $50-, $60,000 a year, or the 600-, 700-dollar payments."),
        [
            ("$50", "amount"),
            ("$60,000", "amount"),
            ("600", "amount"),
            ("700-dollar", "amount")
        ]
    );
}

#[test]
fn more_date_shapes_and_chinese_shares() {
    assert_eq!(
        figs("On the 7th of October, since August of 2022, and on the 20th."),
        [("7th of October", "date"), ("August of 2022", "date")]
    );
    assert_eq!(
        figs("三分之一的企业，约三分一人，十分重要。"),
        [("三分之一", "percent"), ("三分一", "percent")]
    );
}
