//! A briefing laid out for one pane width: a table of display lines, built once per width, and
//! the maps between lines and anchors that scrolling, jumping and resizing use.
//!
//! A [`DisplayLine`] holds no text: it names a heading or a byte range of a paragraph's text, so
//! the table of a 10 MB briefing is a few megabytes and the widget draws only the visible lines.
//!
//! The shape of a section on screen (`│` marks the question's indent, drawn by the widget):
//!
//! ```text
//! Q1 · China Daily: Industry as ballast     section heading
//!                                           blank
//! Reporter — China Daily                    turn heading
//!   │ How do you see industry's role…       question text, indented
//!                                           blank
//! Tian Yulong — Spokesperson                turn heading
//! Thank you for your questions…             answer text
//! ```

mod wrap;

pub use wrap::{grapheme_width, wrap};

use crate::model::{Anchor, Briefing, SectionKind, TurnKind, UNNAMED_REPORTER};
use std::ops::Range;

/// How a pane's columns are shared out: a gutter for marks, the question indent, and the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Columns {
    /// Columns at the left for the current-passage and bookmark marks.
    pub gutter: u16,
    /// Extra indent of question text (after the gutter).
    pub indent: u16,
}

impl Columns {
    /// The split for a pane `width` columns wide; narrow panes give up the gutter and indent first.
    pub fn for_width(width: u16) -> Columns {
        Columns {
            gutter: if width >= 8 { 2 } else { 0 },
            indent: if width >= 16 { 2 } else { 0 },
        }
    }

    /// Columns left for text, at least 1.
    pub fn text(self, width: u16, question: bool) -> usize {
        let used = self.gutter + if question { self.indent } else { 0 };
        usize::from(width.saturating_sub(used)).max(1)
    }
}

/// What one screen line of the transcript shows. Indices and byte offsets are `u32` so that a
/// line takes 24 bytes: the table of a 10 MB briefing has over 100,000 of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DisplayLine {
    /// A section heading (one line of it, when it wraps): bytes `start..end` of [`Layout::heading`].
    SectionHeading {
        section: u32,
        heading: u32,
        start: u32,
        end: u32,
    },
    /// A turn heading, "Name — role": bytes `start..end` of [`Layout::heading`].
    TurnHeading {
        section: u32,
        turn: u32,
        heading: u32,
        start: u32,
        end: u32,
    },
    /// Bytes `start..end` of the `text` of paragraph number `para` ([`Layout::paragraph_anchor`]).
    Text {
        para: u32,
        start: u32,
        end: u32,
        question: bool,
    },
    Blank,
}

impl DisplayLine {
    /// The byte range of the heading or paragraph text the line shows (empty for a blank line).
    pub fn range(&self) -> Range<usize> {
        match *self {
            DisplayLine::SectionHeading { start, end, .. }
            | DisplayLine::TurnHeading { start, end, .. }
            | DisplayLine::Text { start, end, .. } => start as usize..end as usize,
            DisplayLine::Blank => 0..0,
        }
    }
}

/// An index or byte offset as stored in a [`DisplayLine`]. Briefings are far below 4 GB; past
/// that the table would point at the wrong place, but never panic.
fn n32(x: usize) -> u32 {
    u32::try_from(x).unwrap_or(u32::MAX)
}

/// Where a paragraph is: the first line of its block (the headings above it, if any), and the
/// lines `[text, end)` of its text.
#[derive(Debug, Clone, Copy)]
struct Placed {
    anchor: Anchor,
    block: usize,
    text: usize,
    end: usize,
}

/// A briefing wrapped to one width: the line table and its maps.
#[derive(Debug, Clone)]
pub struct Layout {
    width: u16,
    lines: Vec<DisplayLine>,
    headings: Vec<String>,
    /// Paragraphs in document order (which is anchor order).
    placed: Vec<Placed>,
    /// The heading line of each section.
    sections: Vec<usize>,
    /// The heading line of each turn, per section.
    turns: Vec<Vec<usize>>,
}

/// The heading of section `index` of `b`, which is Q&A number `number` (if it is a Q&A).
fn heading_of(b: &Briefing, index: usize, number: usize) -> String {
    let s = &b.sections[index];
    match (s.kind, &s.title) {
        (SectionKind::Qa, title) => {
            let outlet = s.outlet.as_deref().unwrap_or(b.reporter_word());
            match title {
                Some(t) => format!("Q{number} · {outlet}: {t}"),
                None => format!("Q{number} · {outlet}"),
            }
        }
        (_, Some(t)) => t.clone(),
        (SectionKind::Remarks, None) => String::from("Opening remarks"),
        (SectionKind::Report, None) => String::from("Report"),
        (SectionKind::Closing, None) => String::from("Closing"),
    }
}

/// The heading of a turn: "Name — role" (or organisation). The section's outlet is the
/// unnamed reporter's ("Reporter — outlet"); a reporter the transcript names may be from
/// another outlet, so is shown with their own organisation or nothing.
pub fn turn_heading(b: &Briefing, section: usize, turn: usize) -> String {
    let s = &b.sections[section];
    let t = &s.turns[turn];
    let speaker = b.speaker(&t.speaker);
    let name = b.display_name(&t.speaker);
    let role = speaker.and_then(|sp| sp.role.as_deref().or(sp.org.as_deref()));
    let role = role.or(s
        .outlet
        .as_deref()
        .filter(|_| t.speaker == UNNAMED_REPORTER));
    let mut out = name.to_string();
    if let Some(r) = role {
        out.push_str(" — ");
        out.push_str(r);
    }
    out
}

impl Layout {
    /// Lay out `b` for a transcript pane `width` columns wide (gutter included: see [`Columns`]).
    pub fn new(b: &Briefing, width: u16) -> Layout {
        Layout::numbered(b, &crate::model::section_numbers(&b.sections), width)
    }

    /// [`Layout::new`] with the number each section's heading shows (`numbers[i]` for section
    /// `i`): a filtered view keeps the full briefing's question numbers.
    pub fn numbered(b: &Briefing, numbers: &[usize], width: u16) -> Layout {
        let cols = Columns::for_width(width);
        let text_width = cols.text(width, false);
        let mut l = Layout {
            width,
            lines: Vec::new(),
            headings: Vec::new(),
            placed: Vec::new(),
            sections: Vec::with_capacity(b.sections.len()),
            turns: Vec::with_capacity(b.sections.len()),
        };
        let mut ranges = Vec::new();
        for (si, s) in b.sections.iter().enumerate() {
            // A paragraph's block starts at the headings above it, so a jump shows them too.
            if !l.lines.is_empty() {
                l.lines.push(DisplayLine::Blank);
            }
            let section_line = l.lines.len();
            l.sections.push(section_line);
            l.turns.push(Vec::with_capacity(s.turns.len()));
            let heading = l.push_heading(heading_of(b, si, numbers[si]), text_width, &mut ranges);
            for r in ranges.drain(..) {
                l.lines.push(DisplayLine::SectionHeading {
                    section: n32(si),
                    heading: n32(heading),
                    start: n32(r.start),
                    end: n32(r.end),
                });
            }
            for (ti, t) in s.turns.iter().enumerate() {
                let question = t.kind == TurnKind::Question;
                l.lines.push(DisplayLine::Blank);
                let turn_line = l.lines.len();
                l.turns[si].push(turn_line);
                let heading = l.push_heading(turn_heading(b, si, ti), text_width, &mut ranges);
                for r in ranges.drain(..) {
                    l.lines.push(DisplayLine::TurnHeading {
                        section: n32(si),
                        turn: n32(ti),
                        heading: n32(heading),
                        start: n32(r.start),
                        end: n32(r.end),
                    });
                }
                for (pi, p) in t.paragraphs.iter().enumerate() {
                    let anchor = Anchor {
                        section: si,
                        turn: ti,
                        paragraph: pi,
                    };
                    let block = match (ti, pi) {
                        (0, 0) => section_line,
                        (_, 0) => turn_line,
                        _ => {
                            l.lines.push(DisplayLine::Blank);
                            l.lines.len()
                        }
                    };
                    let text = l.lines.len();
                    let para = n32(l.placed.len());
                    wrap(&p.text, cols.text(width, question), &mut ranges);
                    for r in ranges.drain(..) {
                        l.lines.push(DisplayLine::Text {
                            para,
                            start: n32(r.start),
                            end: n32(r.end),
                            question,
                        });
                    }
                    l.placed.push(Placed {
                        anchor,
                        block,
                        text,
                        end: l.lines.len(),
                    });
                }
            }
        }
        l
    }

    fn push_heading(
        &mut self,
        text: String,
        width: usize,
        ranges: &mut Vec<Range<usize>>,
    ) -> usize {
        wrap(&text, width, ranges);
        self.headings.push(text);
        self.headings.len() - 1
    }

    /// The pane width this layout was made for.
    pub fn width(&self) -> u16 {
        self.width
    }

    /// Number of lines.
    pub fn len(&self) -> usize {
        self.lines.len()
    }

    /// Whether there is nothing to show (a briefing without sections).
    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }

    /// All lines.
    pub fn lines(&self) -> &[DisplayLine] {
        &self.lines
    }

    /// The lines `[offset, offset + height)` that exist.
    pub fn visible(&self, offset: usize, height: usize) -> &[DisplayLine] {
        let start = offset.min(self.lines.len());
        let end = offset.saturating_add(height).min(self.lines.len());
        &self.lines[start..end]
    }

    /// The anchor of paragraph number `para` of a [`DisplayLine::Text`].
    pub fn paragraph_anchor(&self, para: u32) -> Option<Anchor> {
        self.placed.get(para as usize).map(|p| p.anchor)
    }

    /// The text of a section or turn heading named by a [`DisplayLine`].
    pub fn heading(&self, index: usize) -> &str {
        &self.headings[index]
    }

    /// The text a line shows (empty for a blank line).
    pub fn line_text<'a>(&'a self, b: &'a Briefing, line: &DisplayLine) -> &'a str {
        match *line {
            DisplayLine::SectionHeading { heading, .. }
            | DisplayLine::TurnHeading { heading, .. } => self
                .headings
                .get(heading as usize)
                .and_then(|h| h.get(line.range()))
                .unwrap_or(""),
            DisplayLine::Text { para, .. } => self
                .paragraph_anchor(para)
                .and_then(|a| b.paragraph(a))
                .and_then(|p| p.text.get(line.range()))
                .unwrap_or(""),
            DisplayLine::Blank => "",
        }
    }

    /// The paragraph shown on a line, or for a heading or blank line the first paragraph after it
    /// (the last paragraph, past the end). `None` only when the briefing has no paragraph.
    pub fn anchor_at(&self, line: usize) -> Option<Anchor> {
        let i = self.placed.partition_point(|p| p.end <= line);
        self.placed.get(i).or(self.placed.last()).map(|p| p.anchor)
    }

    /// The paragraphs with a text line in `lines`, in order.
    pub fn anchors_in(&self, lines: Range<usize>) -> impl Iterator<Item = Anchor> + '_ {
        let first = self.placed.partition_point(|p| p.end <= lines.start);
        self.placed[first..]
            .iter()
            .take_while(move |p| p.text < lines.end)
            .map(|p| p.anchor)
    }

    /// The first text line of a paragraph; `None` when the briefing has no such paragraph.
    pub fn line_of(&self, anchor: Anchor) -> Option<usize> {
        self.find(anchor).map(|p| p.text)
    }

    /// The text line of a paragraph that shows byte `byte` of its text (the last line for a byte
    /// past the end); `None` when the briefing has no such paragraph.
    pub fn line_of_byte(&self, anchor: Anchor, byte: usize) -> Option<usize> {
        let p = self.find(anchor)?;
        let lines = &self.lines[p.text..p.end];
        let after = lines.partition_point(|l| l.range().start <= byte);
        Some(p.text + after.saturating_sub(1))
    }

    /// The first line of a paragraph's block: its section and turn headings when it is the first
    /// paragraph of one, else its first text line. The line to put at the top of the pane to show
    /// the paragraph with its context.
    pub fn block_of(&self, anchor: Anchor) -> Option<usize> {
        self.find(anchor).map(|p| p.block)
    }

    fn find(&self, anchor: Anchor) -> Option<&Placed> {
        let i = self.placed.partition_point(|p| p.anchor < anchor);
        self.placed.get(i).filter(|p| p.anchor == anchor)
    }

    /// The paragraphs in document order.
    pub fn anchors(&self) -> impl Iterator<Item = Anchor> + '_ {
        self.placed.iter().map(|p| p.anchor)
    }

    /// The line of a section's heading; `None` when out of range.
    pub fn section_line(&self, section: usize) -> Option<usize> {
        self.sections.get(section).copied()
    }

    /// The line of a turn's heading; `None` when out of range.
    pub fn turn_line(&self, section: usize, turn: usize) -> Option<usize> {
        self.turns.get(section)?.get(turn).copied()
    }
}
