//! A small briefing built in code, shared by the store and bookmark tests. The text is written
//! for these tests in the shape of a ministry press conference.
#![allow(dead_code)]

use brief::model::{
    Anchor, Briefing, Paragraph, Section, SectionKind, SourceLine, Speaker, SpeakerKind, Turn,
    TurnKind, UNNAMED_REPORTER,
};

pub const OPENING: &str = "Friends from the media, good morning. Today we have invited officials \
    of the ministry to brief you on how industry fared in the first three quarters.";
pub const OUTPUT: &str = "Value added of industrial firms above designated size grew by 3.9% year \
    on year, and high-tech manufacturing grew faster than industry as a whole.";
pub const ASK_CHIPS: &str =
    "What has the ministry done to steady the supply of chips to carmakers?";
pub const CHIPS: &str = "We set up a platform that matches chip makers with carmakers, and more \
    than 40 firms joined it in the first month.";
pub const CHIPS_MORE: &str = "Supply improved steadily after that, although some high-end chips \
    remain short and we keep watching them closely.";
pub const ASK_SME: &str =
    "How many small and medium-sized firms were named little giants this year?";
pub const SME: &str = "This year 3,000 more firms were named little giants, which brings the \
    total to more than 9,000 across the country.";

fn turn(speaker: &str, kind: TurnKind, paras: &[&str]) -> Turn {
    Turn {
        speaker: speaker.into(),
        kind,
        paragraphs: paras.iter().map(|p| Paragraph::plain(*p)).collect(),
        line: SourceLine(0),
    }
}

fn section(kind: SectionKind, outlet: Option<&str>, turns: Vec<Turn>) -> Section {
    Section {
        kind,
        title: None,
        outlet: outlet.map(String::from),
        turns,
        line: SourceLine(0),
    }
}

/// Remarks, then Q1 (China Daily, answered by Zhao Ming in two paragraphs), then Q2 (The Paper,
/// answered by Qian Li).
pub fn briefing() -> Briefing {
    let mut b = Briefing::default();
    b.meta.title = "Press conference on industry in the first three quarters".into();
    b.meta.date = Some("2026-10-20".into());
    b.meta.source = Some("Ministry of Industry".into());
    b.speakers = vec![
        Speaker {
            id: "host".into(),
            name: "Sun Hua".into(),
            role: Some("Spokesperson".into()),
            kind: SpeakerKind::Host,
            ..Default::default()
        },
        Speaker {
            id: "zhao".into(),
            name: "Zhao Ming".into(),
            role: Some("Vice minister".into()),
            org: Some("Ministry of Industry".into()),
            ..Default::default()
        },
        Speaker {
            id: "qian".into(),
            name: "Qian Li".into(),
            role: Some("Director of the SME Bureau".into()),
            ..Default::default()
        },
    ];
    b.sections = vec![
        section(
            SectionKind::Remarks,
            None,
            vec![
                turn("host", TurnKind::Statement, &[OPENING]),
                turn("zhao", TurnKind::Statement, &[OUTPUT]),
            ],
        ),
        section(
            SectionKind::Qa,
            Some("China Daily"),
            vec![
                turn(UNNAMED_REPORTER, TurnKind::Question, &[ASK_CHIPS]),
                turn("zhao", TurnKind::Answer, &[CHIPS, CHIPS_MORE]),
            ],
        ),
        section(
            SectionKind::Qa,
            Some("The Paper"),
            vec![
                turn(UNNAMED_REPORTER, TurnKind::Question, &[ASK_SME]),
                turn("qian", TurnKind::Answer, &[SME]),
            ],
        ),
    ];
    b
}

/// The anchor of a paragraph, by 0-based indices.
pub fn at(section: usize, turn: usize, paragraph: usize) -> Anchor {
    Anchor {
        section,
        turn,
        paragraph,
    }
}

/// The anchor of the paragraph with exactly this text.
pub fn find(b: &Briefing, text: &str) -> Anchor {
    b.paragraphs()
        .find(|(_, p)| p.text == text)
        .map(|(a, _)| a)
        .expect("fixture paragraph")
}
