//! Tests of the parser and the writer on hand-written files.

use super::*;
use crate::model::{MarkKind, SectionKind, TurnKind};

const SAMPLE: &str = include_str!("../../tests/fixtures/format/sample.brief");

fn errors(src: &str) -> Vec<String> {
    match parse(src, "t.brief") {
        Ok(_) => Vec::new(),
        Err(e) => e.0.iter().map(|d| d.to_string()).collect(),
    }
}

fn with_body(body: &str) -> String {
    format!("+++\ntitle = \"T\"\n[[speakers]]\nid = \"a\"\nname = \"A\"\n+++\n{body}")
}

#[test]
fn the_sample_parses_into_the_expected_structure() {
    let b = parse(SAMPLE, "sample.brief").unwrap();
    assert_eq!(b.meta.date.as_deref(), Some("2025-04-18"));
    assert_eq!(b.speakers.len(), 3);
    assert_eq!(b.glossary.len(), 2);
    assert!(b.glossary[1].proposed);
    let kinds: Vec<SectionKind> = b.sections.iter().map(|s| s.kind).collect();
    use SectionKind::*;
    assert_eq!(kinds, [Remarks, Qa, Qa, Closing]);
    assert_eq!(b.sections[1].outlet.as_deref(), Some("Harbour Weekly"));
    assert_eq!(b.sections[1].title.as_deref(), Some("Sea-rail transport"));
    assert_eq!(b.sections[2].title, None);
    let q1 = &b.sections[1];
    assert_eq!(q1.turns[0].kind, TurnKind::Question);
    assert_eq!(q1.turns[1].kind, TurnKind::Answer);
    assert_eq!(b.sections[2].turns[0].kind, TurnKind::Question);
    assert_eq!(b.sections[2].turns[1].kind, TurnKind::Statement);
    assert_eq!(b.sections[0].turns[0].kind, TurnKind::Statement);
    // Hard-wrapped lines join into one paragraph.
    let p = &b.sections[0].turns[1].paragraphs[0];
    assert!(p.text.ends_with("up 7.4% year on year. Cargo throughput grew by 2.1 percentage points faster than last year."));
    assert_eq!(b.sections[0].turns[1].line.0, 45);
    let marked = &b.sections[0].turns[1].paragraphs[1];
    assert_eq!(
        &marked.text[marked.marks[0].range.clone()],
        "green corridor"
    );
    assert_eq!(marked.marks[0].kind, MarkKind::Term(None));
    assert_eq!(
        &marked.text[marked.marks[1].range.clone()],
        "about six hundred"
    );
    assert_eq!(marked.marks[1].kind, MarkKind::Figure);
    let answer = &q1.turns[1].paragraphs[0];
    assert!(
        answer.text.contains("a year, [[sic]] and the G20 partners"),
        "{}",
        answer.text
    );
    assert_eq!(answer.marks[0].kind, MarkKind::Plain);
    assert_eq!(
        b.sections[2].turns[1].paragraphs[0].text,
        "@Harbour accounts asked the same. Fees fell by 3.5% in January."
    );
}

#[test]
fn writing_is_canonical_and_idempotent() {
    let b = parse(SAMPLE, "sample.brief").unwrap();
    let once = write(&b);
    let again = parse(&once, "once").unwrap();
    assert_eq!(again, b);
    assert_eq!(write(&again), once);
    assert!(!once.contains("%%"), "comments are not part of the model");
    assert!(once.contains("\n@zhou (statement):\n"));
    assert!(once.contains("\n\\@Harbour accounts"));
}

#[test]
fn crlf_and_bom_are_accepted() {
    let crlf = format!("\u{feff}{}", SAMPLE.replace('\n', "\r\n"));
    assert_eq!(parse(&crlf, "x").unwrap(), parse(SAMPLE, "x").unwrap());
}

#[test]
fn errors_name_file_line_and_column() {
    let errs = errors(&with_body(
        "## q&a\n@a:\nText.\n## qa\n@b: hi\n@a (reply):\n",
    ));
    assert_eq!(errs.len(), 3, "{errs:#?}");
    assert!(
        errs[0].starts_with("t.brief:7:4: unknown section kind `q&a`"),
        "{}",
        errs[0]
    );
    assert!(
        errs[1].starts_with("t.brief:11:2: unknown speaker `b`"),
        "{}",
        errs[1]
    );
    assert!(errs[1].contains("hint: declared speakers are: a (or `reporter`)"));
    assert!(
        errs[2].starts_with("t.brief:12:5: unknown turn kind `reply`"),
        "{}",
        errs[2]
    );
}

#[test]
fn an_unknown_speaker_after_a_front_matter_error_does_not_say_none_are_declared() {
    let src = "+++\ntitle = \"x\"\ndat = \"x\"\n[[speakers]]\nid = \"a\"\nname = \"A\"\n+++\n\
               ## remarks\n@b:\nHi.\n";
    let errs = errors(src);
    assert!(errs[0].contains("unknown field `dat`"), "{errs:?}");
    let b = errs
        .iter()
        .find(|e| e.contains("unknown speaker `b`"))
        .unwrap();
    assert!(!b.contains("no speakers are declared"), "{b}");
    assert!(b.contains("the speakers could not be read"), "{b}");
}

#[test]
fn structural_errors_are_reported() {
    assert!(errors("title = 1")[0].starts_with("t.brief:1:1: expected `+++`"));
    assert!(errors("+++\ntitle = \"x\"\n")[0].contains("not closed"));
    let e = errors("+++\ntitle = \"x\"\ncolour = 1\n+++\n");
    assert!(
        e[0].starts_with("t.brief:3:1: front matter: unknown field `colour`"),
        "{e:?}"
    );
    let e = errors("+++\ntitle = \"x\\u001b[31m\"\n+++\n");
    assert!(e[0].starts_with("t.brief:2:11: control character"), "{e:?}");
    let e = errors(&with_body("Loose text.\n"));
    assert!(
        e[0].starts_with("t.brief:7:1: text outside a turn"),
        "{e:?}"
    );
    let e = errors(&with_body("## remarks\n@a:\nAn \u{1b}[2J escape.\n"));
    assert!(
        e[0].starts_with("t.brief:9:4: control character U+001B"),
        "{e:?}"
    );
    let e = errors(&with_body("## remarks\n@a:\nAn [[open mark.\n"));
    assert!(e[0].starts_with("t.brief:9:4: `[[` is not closed"), "{e:?}");
    let e = errors(&with_body("## remarks [Outlet]\n@a\n"));
    assert!(e[0].contains("only `qa` sections name an outlet"), "{e:?}");
    assert!(
        e[1].starts_with("t.brief:8:3: expected `:` after the speaker"),
        "{e:?}"
    );
    let e = errors(
        "+++\ntitle = \"x\"\n[[speakers]]\nid = \"9x\"\nname = \"\"\n[[glossary]]\nterm = \"t\"\n+++\n",
    );
    assert_eq!(e.len(), 3, "{e:?}");
}

#[test]
fn tabs_become_spaces_and_literal_brackets_survive() {
    let b = parse(
        &with_body("## remarks\n@a:\nA\ttab, \\[[not a mark]] and \\{{ this }}.\n"),
        "t",
    )
    .unwrap();
    let p = &b.sections[0].turns[0].paragraphs[0];
    assert_eq!(p.text, "A tab, [[not a mark]] and {{ this }}.");
    assert!(p.marks.is_empty());
    let again = parse(&write(&b), "t").unwrap();
    assert_eq!(again, b);
}

#[test]
fn marks_with_backslashes_and_bracketed_targets_survive_a_rewrite() {
    for body in [
        "a[[\\]]",
        "#@[[#|] ]]",
        "[[x\\|y]] and {{!{odd}} and {{\\{{z}}",
        "[[a]][[b|c|d]]",
    ] {
        let src = with_body(&format!("## remarks\n@a:\n{body}\n"));
        let b = parse(&src, "t.brief").unwrap();
        let again = parse(&write(&b), "t.brief").unwrap();
        let marks = |b: &crate::model::Briefing| b.sections[0].turns[0].paragraphs[0].marks.clone();
        assert_eq!(marks(&again), marks(&b), "{body}");
        assert!(!marks(&b).is_empty(), "{body}");
    }
}
