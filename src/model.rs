//! The in-memory briefing: metadata, speakers, glossary and a body of sections → turns → paragraphs.
//!
//! Everything the reader, the importer and the command-line tools exchange is a [`Briefing`]. The
//! text format (`crate::format`) parses into it and writes it back canonically.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::ops::Range;

/// Where a construct starts in its source file (1-based line). Ignored by equality, so that a
/// briefing parsed from a hand-edited file equals the one parsed from its canonical rewrite.
#[derive(Debug, Clone, Copy, Default, Serialize, Deserialize)]
#[serde(transparent)]
pub struct SourceLine(pub u32);

impl PartialEq for SourceLine {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}
impl Eq for SourceLine {}

/// A whole annotated briefing.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Briefing {
    pub meta: Meta,
    pub speakers: Vec<Speaker>,
    pub glossary: Vec<GlossaryEntry>,
    pub sections: Vec<Section>,
}

/// Facts about the event and where the text came from.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meta {
    pub title: String,
    /// ISO date (`2022-07-19`) where known; free text is kept as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// Who published the text (a ministry, a news agency).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// BCP 47 language tag of the body (`en`, `zh`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub editor: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
}

/// What part a speaker plays at the event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SpeakerKind {
    Host,
    #[default]
    Official,
    Reporter,
    Other,
}

/// A person (or a role, for anonymous speakers) who speaks in the briefing.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Speaker {
    /// Short id used by turn lines (`@tian`): ASCII letters, digits, `-` and `_`.
    pub id: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub org: Option<String>,
    #[serde(default)]
    pub kind: SpeakerKind,
}

/// A policy term and what it means.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GlossaryEntry {
    pub term: String,
    pub definition: String,
    /// Other spellings that mean the same term.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// Proposed by the importer and not yet confirmed by a person.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub proposed: bool,
}

/// The kind of a body section.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SectionKind {
    Remarks = 0,
    Qa,
    Report,
    Closing,
}

impl SectionKind {
    pub const ALL: [SectionKind; 4] = [Self::Remarks, Self::Qa, Self::Report, Self::Closing];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Remarks => "remarks",
            Self::Qa => "qa",
            Self::Report => "report",
            Self::Closing => "closing",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// Prefix of the section anchors of this kind (`q3` is the third Q&A).
    pub fn anchor_prefix(self) -> char {
        match self {
            Self::Remarks => 'r',
            Self::Qa => 'q',
            Self::Report => 'n',
            Self::Closing => 'c',
        }
    }
}

/// A part of the body: opening remarks, one question and its answers, a news report, closing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    pub kind: SectionKind,
    /// A heading or the topic of a question.
    pub title: Option<String>,
    /// The outlet of the reporter who asked (Q&A only); `None` when unknown.
    pub outlet: Option<String>,
    pub turns: Vec<Turn>,
    pub line: SourceLine,
}

/// Whether a turn asks, answers or states.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TurnKind {
    Question,
    Answer,
    Statement,
}

impl TurnKind {
    pub const ALL: [TurnKind; 3] = [Self::Question, Self::Answer, Self::Statement];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Question => "question",
            Self::Answer => "answer",
            Self::Statement => "statement",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// Id of the implicit speaker for reporters whose name is not given.
pub const UNNAMED_REPORTER: &str = "reporter";

/// One speaker's uninterrupted contribution.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Turn {
    /// A speaker id from [`Briefing::speakers`], or [`UNNAMED_REPORTER`].
    pub speaker: String,
    pub kind: TurnKind,
    pub paragraphs: Vec<Paragraph>,
    pub line: SourceLine,
}

/// A paragraph of plain prose with the annotations a person added by hand.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Paragraph {
    /// The text without markup, on one line, with no control characters.
    pub text: String,
    /// Hand annotations, as byte ranges into `text`, sorted and not overlapping.
    pub marks: Vec<Mark>,
    pub line: SourceLine,
}

impl Paragraph {
    pub fn plain(text: impl Into<String>) -> Self {
        Paragraph {
            text: text.into(),
            marks: Vec::new(),
            line: SourceLine::default(),
        }
    }
}

/// A hand annotation on a stretch of a paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mark {
    pub range: Range<usize>,
    pub kind: MarkKind,
}

/// What a hand annotation says about its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MarkKind {
    /// A figure that detection misses.
    Figure,
    /// A glossary term; `Some(term)` names the entry when the text is another form of it.
    Term(Option<String>),
    /// Not a figure and not a term: detection must leave it alone.
    Plain,
}

/// Address of a paragraph that survives re-wrapping and reformatting: `q3.t2.p1` is the first
/// paragraph of the second turn of the third Q&A section. Indices are 1-based in text, 0-based here.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Anchor {
    pub section: usize,
    pub turn: usize,
    pub paragraph: usize,
}

/// The number of a section among the sections of its kind (1-based): `q3` is number 3.
/// One lookup scans the sections before it; for all of them use [`section_numbers`].
pub fn section_number(sections: &[Section], index: usize) -> usize {
    let kind = sections[index].kind;
    sections[..=index].iter().filter(|s| s.kind == kind).count()
}

/// The number of every section among the sections of its kind, in one pass.
pub fn section_numbers(sections: &[Section]) -> Vec<usize> {
    let mut counts = [0usize; SectionKind::ALL.len()];
    sections
        .iter()
        .map(|s| {
            let c = &mut counts[s.kind as usize];
            *c += 1;
            *c
        })
        .collect()
}

impl Anchor {
    pub const fn new(section: usize, turn: usize, paragraph: usize) -> Anchor {
        Anchor {
            section,
            turn,
            paragraph,
        }
    }
}

/// A section's id (`r1`, `q3`, `n1`, `c1`): its kind's prefix and its number among sections of that kind.
pub fn section_id(sections: &[Section], index: usize) -> String {
    format_section_id(sections[index].kind, section_number(sections, index))
}

/// The id of the `number`th section of `kind`.
pub fn format_section_id(kind: SectionKind, number: usize) -> String {
    format!("{}{}", kind.anchor_prefix(), number)
}

impl Briefing {
    /// The speaker with this id; the unnamed reporter is always known.
    pub fn speaker(&self, id: &str) -> Option<&Speaker> {
        self.speakers.iter().find(|s| s.id == id)
    }

    /// The display name of a turn's speaker; `None` for the unnamed reporter.
    pub fn speaker_name<'a>(&'a self, id: &'a str) -> Option<&'a str> {
        match self.speaker(id) {
            Some(s) => Some(&s.name),
            None if id == UNNAMED_REPORTER => None,
            None => Some(id),
        }
    }

    /// The name to show for a turn's speaker: an unnamed reporter is [`Briefing::reporter_word`].
    pub fn display_name<'a>(&'a self, id: &'a str) -> &'a str {
        self.speaker_name(id)
            .unwrap_or_else(|| self.reporter_word())
    }

    /// What a reporter whose name and outlet are not given is called in turn and section
    /// headings, in the briefing's language: "Reporter", or "记者" in a Chinese briefing.
    pub fn reporter_word(&self) -> &'static str {
        match self.meta.language.as_deref() {
            Some(l) if l.starts_with("zh") => "记者",
            _ => "Reporter",
        }
    }

    /// The paragraph an anchor points at, if it exists.
    pub fn paragraph(&self, a: Anchor) -> Option<&Paragraph> {
        self.sections
            .get(a.section)?
            .turns
            .get(a.turn)?
            .paragraphs
            .get(a.paragraph)
    }

    /// Every paragraph with its anchor, in document order.
    pub fn paragraphs(&self) -> impl Iterator<Item = (Anchor, &Paragraph)> {
        self.sections.iter().enumerate().flat_map(|(si, s)| {
            s.turns.iter().enumerate().flat_map(move |(ti, t)| {
                t.paragraphs.iter().enumerate().map(move |(pi, p)| {
                    let a = Anchor {
                        section: si,
                        turn: ti,
                        paragraph: pi,
                    };
                    (a, p)
                })
            })
        })
    }

    /// Number of Q&A sections.
    pub fn question_count(&self) -> usize {
        self.sections
            .iter()
            .filter(|s| s.kind == SectionKind::Qa)
            .count()
    }

    /// The names of the people who answer (or speak, outside Q&A) in a section, in order of first turn.
    pub fn section_speakers(&self, index: usize) -> Vec<&str> {
        let mut names: Vec<&str> = Vec::new();
        let section = &self.sections[index];
        for t in &section.turns {
            // In a Q&A the host's words around the question are not an answer.
            let answers = match section.kind {
                SectionKind::Qa => t.kind == TurnKind::Answer,
                _ => t.kind != TurnKind::Question,
            };
            if !answers {
                continue;
            }
            if let Some(n) = self.speaker_name(&t.speaker)
                && !names.contains(&n)
            {
                names.push(n);
            }
        }
        names
    }

    /// A short label for a section: "Q4 · The Paper → Tao Qing", "Opening remarks", "Closing".
    pub fn section_label(&self, index: usize) -> String {
        self.section_label_numbered(index, section_number(&self.sections, index))
    }

    /// [`Briefing::section_label`] for a section whose number (from [`section_numbers`]) is known.
    pub fn section_label_numbered(&self, index: usize, n: usize) -> String {
        let s = &self.sections[index];
        match s.kind {
            SectionKind::Qa => {
                // The outlet, else the name of a reporter the transcript names, else "Reporter"
                // (in the briefing's language).
                let asker = s
                    .turns
                    .iter()
                    .find(|t| t.kind == TurnKind::Question && t.speaker != UNNAMED_REPORTER)
                    .and_then(|t| self.speaker_name(&t.speaker));
                let who = s
                    .outlet
                    .as_deref()
                    .or(asker)
                    .unwrap_or(self.reporter_word());
                let answer = self.section_speakers(index).join(", ");
                if answer.is_empty() {
                    format!("Q{n} · {who}")
                } else {
                    format!("Q{n} · {who} → {answer}")
                }
            }
            SectionKind::Remarks => s.title.clone().unwrap_or_else(|| "Opening remarks".into()),
            SectionKind::Report => s.title.clone().unwrap_or_else(|| "Report".into()),
            SectionKind::Closing => s.title.clone().unwrap_or_else(|| "Closing".into()),
        }
    }

    /// The text form of an anchor (`q3.t2.p1`).
    pub fn anchor_id(&self, a: Anchor) -> String {
        let section = section_id(&self.sections, a.section);
        format!("{section}.t{}.p{}", a.turn + 1, a.paragraph + 1)
    }

    /// Resolve the text form of an anchor; `None` when it names nothing in this briefing.
    pub fn parse_anchor(&self, id: &str) -> Option<Anchor> {
        let mut parts = id.split('.');
        let sec = parts.next()?;
        let turn: usize = parts.next()?.strip_prefix('t')?.parse().ok()?;
        let para: usize = parts.next()?.strip_prefix('p')?.parse().ok()?;
        if parts.next().is_some() || turn == 0 || para == 0 {
            return None;
        }
        let mut chars = sec.chars();
        let prefix = chars.next()?;
        let kind = SectionKind::ALL
            .into_iter()
            .find(|k| k.anchor_prefix() == prefix)?;
        let number: usize = chars.as_str().parse().ok()?;
        // The `number`th section of `kind`, found in one pass without building ids.
        let section = self
            .sections
            .iter()
            .enumerate()
            .filter(|(_, s)| s.kind == kind)
            .nth(number.checked_sub(1)?)?
            .0;
        let a = Anchor {
            section,
            turn: turn - 1,
            paragraph: para - 1,
        };
        self.paragraph(a).map(|_| a)
    }
}

impl fmt::Display for SectionKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Display for TurnKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A briefing of one remarks section with one turn of these paragraphs, for unit tests.
#[cfg(test)]
pub(crate) fn one_turn_briefing(paras: &[&str]) -> Briefing {
    Briefing {
        sections: vec![Section {
            kind: SectionKind::Remarks,
            title: None,
            outlet: None,
            turns: vec![Turn {
                speaker: "a".into(),
                kind: TurnKind::Statement,
                paragraphs: paras.iter().map(|p| Paragraph::plain(*p)).collect(),
                line: SourceLine(0),
            }],
            line: SourceLine(0),
        }],
        ..Default::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn section(kind: SectionKind, paras: usize) -> Section {
        Section {
            kind,
            title: None,
            outlet: None,
            turns: vec![Turn {
                speaker: UNNAMED_REPORTER.into(),
                kind: TurnKind::Question,
                paragraphs: (0..paras)
                    .map(|i| Paragraph::plain(format!("p{i}")))
                    .collect(),
                line: SourceLine(0),
            }],
            line: SourceLine(0),
        }
    }

    #[test]
    fn anchors_round_trip_through_their_text_form() {
        let b = Briefing {
            sections: vec![
                section(SectionKind::Remarks, 1),
                section(SectionKind::Qa, 2),
                section(SectionKind::Qa, 3),
            ],
            ..Default::default()
        };
        let ids: Vec<String> = b.paragraphs().map(|(a, _)| b.anchor_id(a)).collect();
        assert_eq!(ids[0], "r1.t1.p1");
        assert_eq!(ids[3], "q2.t1.p1");
        for (a, _) in b.paragraphs() {
            assert_eq!(b.parse_anchor(&b.anchor_id(a)), Some(a));
        }
        assert_eq!(b.parse_anchor("q3.t1.p1"), None);
        assert_eq!(b.parse_anchor("q1.t0.p1"), None);
        assert_eq!(b.parse_anchor("garbage"), None);
    }

    #[test]
    fn section_numbers_count_per_kind() {
        use SectionKind::*;
        let sections: Vec<Section> = [Remarks, Qa, Qa, Remarks, Qa, Closing]
            .into_iter()
            .map(|k| section(k, 1))
            .collect();
        assert_eq!(section_numbers(&sections), [1, 1, 2, 2, 3, 1]);
        for (i, n) in section_numbers(&sections).into_iter().enumerate() {
            assert_eq!(section_number(&sections, i), n);
        }
        assert_eq!(section_id(&sections, 4), "q3");
    }

    #[test]
    fn source_lines_do_not_affect_equality() {
        let mut a = Paragraph::plain("x");
        let b = a.clone();
        a.line = SourceLine(42);
        assert_eq!(a, b);
    }
}
