//! Citations of passages, and putting text on the clipboard through the terminal (OSC 52).

use crate::model::{Anchor, Briefing};

/// Who speaks a paragraph: name and role (with organisation), as a citation names them. An
/// unnamed reporter is "A reporter", with the outlet where known.
pub fn speaker_line(b: &Briefing, a: Anchor) -> (String, Option<String>) {
    let Some(section) = b.sections.get(a.section) else {
        return (String::new(), None);
    };
    let Some(turn) = section.turns.get(a.turn) else {
        return (String::new(), None);
    };
    match b.speaker(&turn.speaker) {
        Some(s) => {
            let role = match (&s.role, &s.org) {
                (Some(r), Some(o)) if !r.contains(o.as_str()) => Some(format!("{r}, {o}")),
                (Some(r), _) => Some(r.clone()),
                (None, Some(o)) => Some(o.clone()),
                (None, None) => None,
            };
            (s.name.clone(), role)
        }
        None => match b.speaker_name(&turn.speaker) {
            Some(id) => (id.to_string(), None),
            None => ("A reporter".to_string(), section.outlet.clone()),
        },
    }
}

/// The passage at `a` with everything needed to cite it: the quoted text, then speaker and role,
/// briefing title, date, and the source and URL where known. Empty when `a` names nothing.
pub fn citation(b: &Briefing, a: Anchor) -> String {
    let Some(p) = b.paragraph(a) else {
        return String::new();
    };
    let (name, role) = speaker_line(b, a);
    let m = &b.meta;
    let mut source = vec![name];
    source.extend(role);
    source.push(format!("“{}”", m.title));
    source.extend(m.date.clone());
    source.extend(m.source.clone());
    let mut out = format!("“{}”\n— {}", p.text, source.join(", "));
    if let Some(url) = &m.url {
        out.push_str(&format!("\n{url}"));
    }
    out
}

/// `s` with control characters (escape sequences, bells, carriage returns) replaced by `�`, so
/// that text from a hand-edited state file cannot drive the terminal when printed.
pub fn clean(s: &str) -> String {
    crate::safe_text::replaced(s).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{
        Paragraph, Section, SectionKind, SourceLine, Speaker, Turn, TurnKind, UNNAMED_REPORTER,
    };

    fn turn(speaker: &str, kind: TurnKind, text: &str) -> Turn {
        Turn {
            speaker: speaker.into(),
            kind,
            paragraphs: vec![Paragraph::plain(text)],
            line: SourceLine(0),
        }
    }

    fn sample() -> Briefing {
        let mut b = Briefing::default();
        b.meta.title = "Briefing on industry in the first half".into();
        b.meta.date = Some("2022-07-19".into());
        b.meta.source = Some("State Council Information Office".into());
        b.meta.url = Some("https://example.org/briefing".into());
        b.speakers.push(Speaker {
            id: "tao".into(),
            name: "Tao Qing".into(),
            role: Some("Director of the Department of Operation Monitoring".into()),
            org: Some("MIIT".into()),
            ..Default::default()
        });
        b.sections.push(Section {
            kind: SectionKind::Remarks,
            title: None,
            outlet: None,
            turns: vec![turn("tao", TurnKind::Statement, "Good morning.")],
            line: SourceLine(0),
        });
        for outlet in [None, Some("The Paper")] {
            b.sections.push(Section {
                kind: SectionKind::Qa,
                title: None,
                outlet: outlet.map(String::from),
                turns: vec![
                    turn(UNNAMED_REPORTER, TurnKind::Question, "How is output?"),
                    turn("tao", TurnKind::Answer, "Output rose by 3.4%."),
                ],
                line: SourceLine(0),
            });
        }
        b
    }

    fn at(section: usize, turn: usize) -> Anchor {
        Anchor {
            section,
            turn,
            paragraph: 0,
        }
    }

    #[test]
    fn citation_names_speaker_role_title_date_and_source() {
        let c = citation(&sample(), at(2, 1));
        assert_eq!(
            c,
            "“Output rose by 3.4%.”\n— Tao Qing, Director of the Department of Operation \
             Monitoring, MIIT, “Briefing on industry in the first half”, 2022-07-19, State \
             Council Information Office\nhttps://example.org/briefing"
        );
    }

    #[test]
    fn unnamed_reporter_is_cited_with_the_outlet() {
        let c = citation(&sample(), at(2, 0));
        assert!(
            c.starts_with("“How is output?”\n— A reporter, The Paper, “Briefing"),
            "{c}"
        );
        assert_eq!(citation(&sample(), at(5, 0)), "");
    }

    #[test]
    fn clean_neutralises_escape_sequences() {
        assert_eq!(clean("a\x1b[31mb\x07"), "a\u{fffd}[31mb\u{fffd}");
    }
}
