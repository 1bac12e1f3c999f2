//! A small briefing built in code for unit tests of the app state, so they do not depend on the
//! parser. The prose is our own, written in the shape of a press briefing.

use crate::model::*;

fn speaker(id: &str, name: &str, role: &str, kind: SpeakerKind) -> Speaker {
    Speaker {
        id: id.into(),
        name: name.into(),
        role: Some(role.into()),
        org: None,
        kind,
    }
}

fn turn(speaker: &str, kind: TurnKind, paras: &[&str]) -> Turn {
    Turn {
        speaker: speaker.into(),
        kind,
        paragraphs: paras.iter().map(|p| Paragraph::plain(*p)).collect(),
        line: SourceLine(0),
    }
}

fn section(
    kind: SectionKind,
    outlet: Option<&str>,
    title: Option<&str>,
    turns: Vec<Turn>,
) -> Section {
    Section {
        kind,
        title: title.map(Into::into),
        outlet: outlet.map(Into::into),
        turns,
        line: SourceLine(0),
    }
}

/// Remarks, three questions and a closing; two officials, a host and reporters.
pub fn sample() -> Briefing {
    use SectionKind::*;
    use TurnKind::*;
    Briefing {
        meta: Meta {
            title: "Port statistics briefing".into(),
            date: Some("2024-03-05".into()),
            place: Some("Ningbo".into()),
            ..Default::default()
        },
        speakers: vec![
            speaker("zhou", "Zhou Ping", "Press officer", SpeakerKind::Host),
            speaker(
                "lin",
                "Lin Wei",
                "Director of the port authority",
                SpeakerKind::Official,
            ),
            speaker("ma", "Ma Qing", "Chief economist", SpeakerKind::Official),
        ],
        glossary: vec![GlossaryEntry {
            term: "green corridor".into(),
            definition: "A shipping route run with low-emission fuel.".into(),
            aliases: vec![],
            proposed: false,
        }],
        sections: vec![
            section(
                Remarks,
                None,
                None,
                vec![
                    turn(
                        "zhou",
                        Statement,
                        &["Good morning. Welcome to the briefing on port statistics."],
                    ),
                    turn(
                        "lin",
                        Statement,
                        &[
                            "Container throughput rose by 7.4% in the first two months.",
                            "The green corridor to Singapore opened in January.",
                        ],
                    ),
                ],
            ),
            section(
                Qa,
                Some("Harbour Daily"),
                Some("Exports"),
                vec![
                    turn("reporter", Question, &["How did exports do? Thank you."]),
                    turn(
                        "lin",
                        Answer,
                        &["Exports grew by 3.1 percent, led by vehicles."],
                    ),
                ],
            ),
            section(
                Qa,
                None,
                None,
                vec![
                    turn(
                        "reporter",
                        Question,
                        &["What is the outlook for the rest of the year?"],
                    ),
                    turn("lin", Answer, &["We expect steady growth."]),
                    turn(
                        "ma",
                        Answer,
                        &["Demand abroad is the main risk. Exports of vehicles may slow."],
                    ),
                ],
            ),
            section(
                Qa,
                Some("Sea News"),
                Some("Green shipping"),
                vec![
                    turn(
                        "reporter",
                        Question,
                        &["Will the green corridor be extended?"],
                    ),
                    turn("ma", Answer, &["Two more routes are planned."]),
                    turn(
                        "lin",
                        Answer,
                        &["I would add that the port will build 12 new berths."],
                    ),
                ],
            ),
            section(
                Closing,
                None,
                None,
                vec![turn(
                    "zhou",
                    Statement,
                    &["Thank you all. This concludes the briefing."],
                )],
            ),
        ],
    }
}
