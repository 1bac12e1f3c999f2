//! The importer never panics or hangs, and what it writes always passes `brief check`: arbitrary
//! text, huge lines, thousands of colons, invalid UTF-8 through the command line.

use assert_cmd::Command;
use brief::format;
use brief::import::import;
use proptest::prelude::*;
use std::time::{Duration, Instant};

fn imports_cleanly(raw: &str) {
    let b = import(raw).briefing;
    let text = format::write(&b);
    if let Err(e) = format::parse(&text, "<imported>") {
        panic!("imported briefing fails check:\n{e}\n---\n{text}");
    }
}

/// Pieces of transcripts, so that random texts hit the shapes the importer looks for.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("Q ".to_string()),
        Just("MS. ROE: ".to_string()),
        Just("Li Ming:\n".to_string()),
        Just("Reporter: ".to_string()),
        Just("记者：".to_string()),
        Just("（中文）记者：".to_string()),
        Just("Speaker 2: (01:02)\n".to_string()),
        Just("Hot spot one: x\n".to_string()),
        Just("---\ntitle: \"a\\\n".to_string()),
        Just("(Laughter.)\n".to_string()),
        Just("\n\n".to_string()),
        Just("\u{a0}".to_string()),
        Just("\u{1b}[2J".to_string()),
        Just("Ann Lee said that ".to_string()),
        Just("a reporter asked: ".to_string()),
        Just("“white list” ".to_string()),
        Just("@x: ## qa +++ [[ {{ \\".to_string()),
        Just("工业和信息化部新闻发言人、运行监测协调局局长 陶青：".to_string()),
        Just("主持人：国务院新闻办新闻局副局长 寿小丽\n".to_string()),
        Just("时间：2024年1月18日 10:00\n".to_string()),
        Just("毛宁:".to_string()),
        Just(
            "Company Participants\nAnn Lee - CEO\nConference Call Participants\nBo Wu - Bank\n"
                .to_string()
        ),
        Just("Operator\n".to_string()),
        Just("1\n00:00:01,000 --> 00:00:02,000\n".to_string()),
        Just("JOSEPH MORONG/GMA7: ".to_string()),
        Just("Vassy Kapelos (VK): ".to_string()),
        Just("Matthew Miller (00:04):\n".to_string()),
        Just("Sir, I am Sahil from ANI. ".to_string()),
        Just("~ TOPIC ~\n".to_string()),
        Just("以下是行政長官梁振英今日的談話全文:\n".to_string()),
        Just("PARTICIPANTS:\nSpeaker: ANN LEE, Director\n".to_string()),
        "[ -~]{0,30}",
        "\\PC{0,20}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    #[test]
    fn arbitrary_strings_import_cleanly(raw in "\\PC*") {
        imports_cleanly(&raw);
    }

    #[test]
    fn arbitrary_chars_including_controls_import_cleanly(raw in proptest::collection::vec(any::<char>(), 0..400)) {
        imports_cleanly(&raw.into_iter().collect::<String>());
    }

    #[test]
    fn transcript_like_texts_import_cleanly(pieces in proptest::collection::vec(piece(), 0..60)) {
        imports_cleanly(&pieces.concat());
    }
}

fn within(limit: Duration, raw: &str) {
    let t = Instant::now();
    imports_cleanly(raw);
    assert!(t.elapsed() < limit, "took {:?}", t.elapsed());
}

#[test]
fn a_three_megabyte_line_is_linear() {
    let line = "Ann Lee said that growth was 5.2% “in the plan” and ".repeat(60_000);
    assert!(line.len() > 3_000_000);
    within(Duration::from_secs(20), &line);
    within(
        Duration::from_secs(20),
        &format!("MS. ROE: {line}\n\nQ {line}\n"),
    );
}

#[test]
fn thousands_of_colons_are_cheap() {
    within(Duration::from_secs(10), &":".repeat(200_000));
    within(Duration::from_secs(10), &"A: ".repeat(200_000));
    within(Duration::from_secs(10), &"A:\n".repeat(100_000));
    within(Duration::from_secs(10), &"记者：".repeat(100_000));
}

#[test]
fn invalid_utf8_is_decoded_with_a_warning_that_says_where() {
    let out = Command::cargo_bin("brief")
        .unwrap()
        .args(["import", "-"])
        .write_stdin(b"Title line\n\nLi Ming said that ports gr\xffew.\n".to_vec())
        .output()
        .unwrap();
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("<stdin>:3:27: invalid UTF-8"), "{err}");
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("ports gr\u{fffd}ew"));
    format::parse(&text, "<stdout>").unwrap();
}

#[test]
fn explain_lists_what_was_removed() {
    let out = Command::cargo_bin("brief")
        .unwrap()
        .args(["import", "--explain", "-"])
        .write_stdin("Read in Chinese\n\nAnn Lee: Hello.\n\nQ Why?\n\n(Laughter.)\n")
        .output()
        .unwrap();
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("<stdin>: line 1: removed: site navigation: Read in Chinese"),
        "{err}"
    );
    assert!(
        err.contains("line 7: removed: stage direction: (Laughter.)"),
        "{err}"
    );
}

#[test]
fn many_distinct_speakers_are_linear() {
    // Import alone (the format's own checks are measured by its tests): 20,000 labels, each new.
    let word = |mut i: usize| {
        let mut w = String::from("Q");
        while i > 0 {
            w.push(char::from(b'a' + (i % 26) as u8));
            i /= 26;
        }
        w
    };
    let raw: String = (0..20_000)
        .map(|i| {
            format!(
                "Speaker {i}: (00:{:02})\nWhy {i}?\nAnn {}: Because.\n",
                i % 60,
                word(i)
            )
        })
        .collect();
    let t = Instant::now();
    let b = import(&raw).briefing;
    assert!(
        t.elapsed() < Duration::from_secs(20),
        "took {:?}",
        t.elapsed()
    );
    assert_eq!(b.question_count(), 20_000);
}
