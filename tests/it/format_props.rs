//! Property tests: parse never panics, and parse(write(x)) == x for every valid briefing.

use brief::format::{parse, write};
use brief::model::*;
use proptest::prelude::*;

/// Prose with the characters that markup cares about mixed in.
fn prose() -> impl Strategy<Value = String> {
    "[a-zA-Z0-9 ,.%:;'\"()#@\\[\\]{}|\\\\!\u{00a0}中文，。　-]{1,40}".prop_filter_map(
        "trimmed",
        |s| {
            let t = s.trim_matches([' ', '\u{3000}', '\u{00a0}']);
            (!t.is_empty() && t == s.trim()).then(|| t.to_string())
        },
    )
}

fn mark_kind() -> impl Strategy<Value = MarkKind> {
    prop_oneof![
        Just(MarkKind::Figure),
        Just(MarkKind::Plain),
        Just(MarkKind::Term(None)),
        "[a-z][a-z ]{0,10}[a-z]".prop_map(|t| MarkKind::Term(Some(t))),
    ]
}

/// A paragraph built from plain runs and marks whose text is writable.
fn paragraph() -> impl Strategy<Value = Paragraph> {
    let piece = (
        prose(),
        proptest::option::of(("[a-zA-Z0-9][a-zA-Z0-9 .,%]{0,12}[a-zA-Z0-9%]", mark_kind())),
    );
    proptest::collection::vec(piece, 1..4).prop_map(|pieces| {
        let mut p = Paragraph::default();
        for (text, mark) in pieces {
            if !p.text.is_empty() {
                p.text.push(' ');
            }
            p.text.push_str(&text);
            if let Some((inner, kind)) = mark {
                if p.text.ends_with('\\') {
                    continue;
                }
                p.text.push(' ');
                let start = p.text.len();
                p.text.push_str(&inner);
                p.marks.push(Mark {
                    range: start..p.text.len(),
                    kind,
                });
            }
        }
        p
    })
}

fn briefing() -> impl Strategy<Value = Briefing> {
    let turn = (
        0usize..3,
        proptest::sample::select(TurnKind::ALL.to_vec()),
        proptest::collection::vec(paragraph(), 1..4),
    );
    let section = (
        proptest::sample::select(SectionKind::ALL.to_vec()),
        proptest::option::of("[A-Za-z][A-Za-z :,.?]{0,20}[A-Za-z?]"),
        proptest::option::of("[A-Za-z][A-Za-z ()']{0,15}[A-Za-z)]"),
        proptest::collection::vec(turn, 0..4),
    );
    (
        prose(),
        proptest::option::of(prose()),
        proptest::collection::vec(section, 0..5),
    )
        .prop_map(|(title, place, sections)| {
            let speakers = vec![
                Speaker {
                    id: "host".into(),
                    name: "Host Name".into(),
                    kind: SpeakerKind::Host,
                    ..Default::default()
                },
                Speaker {
                    id: "off-1".into(),
                    name: "官员".into(),
                    role: Some("Minister".into()),
                    ..Default::default()
                },
            ];
            let ids = ["host", "off-1", UNNAMED_REPORTER];
            let sections = sections
                .into_iter()
                .map(|(kind, title, outlet, turns)| Section {
                    kind,
                    title,
                    outlet: if kind == SectionKind::Qa {
                        outlet
                    } else {
                        None
                    },
                    turns: turns
                        .into_iter()
                        .map(|(who, kind, paragraphs)| Turn {
                            speaker: ids[who].into(),
                            kind,
                            paragraphs,
                            line: SourceLine(0),
                        })
                        .collect(),
                    line: SourceLine(0),
                })
                .collect();
            Briefing {
                meta: Meta {
                    title,
                    place,
                    ..Default::default()
                },
                speakers,
                glossary: vec![GlossaryEntry {
                    term: "white list".into(),
                    definition: "A list.".into(),
                    ..Default::default()
                }],
                sections,
            }
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn write_then_parse_gives_the_briefing_back(b in briefing()) {
        let text = write(&b);
        let back = parse(&text, "prop.brief").map_err(|e| TestCaseError::fail(format!("{e}\n---\n{text}")))?;
        prop_assert_eq!(&back, &b, "{}", text);
        prop_assert_eq!(write(&back), text);
    }

    #[test]
    fn parse_never_panics_on_arbitrary_text(s in "\\PC*") {
        let _ = parse(&s, "x");
        let _ = parse(&format!("+++\ntitle = \"t\"\n+++\n{s}"), "x");
    }

    #[test]
    fn parse_never_panics_on_markup_soup(s in "[#@\\[\\]{}|\\\\!%:+\n a-z]{0,200}") {
        let body = format!("+++\ntitle = \"t\"\n[[speakers]]\nid = \"a\"\nname = \"A\"\n+++\n## remarks\n@a:\n{s}");
        if let Ok(b) = parse(&body, "x") {
            let again = parse(&write(&b), "y").expect("canonical text parses");
            prop_assert_eq!(again, b);
        }
    }
}

#[test]
fn a_huge_line_and_invalid_utf8_are_handled() {
    let big = format!(
        "+++\ntitle = \"t\"\n+++\n## remarks\n@reporter:\n{}\n",
        "word [[ ".repeat(400_000)
    );
    let err = parse(&big, "big").unwrap_err();
    assert!(
        err.to_string().starts_with("big:6:6: `[[` is not closed"),
        "{}",
        &err.to_string()[..80]
    );
    let d = brief::format::decode("bad", b"+++\n\xc3\x28".to_vec()).unwrap_err();
    assert_eq!((d.line, d.col), (2, 1));
}
