//! The app's window on the line table: which layout is current for the pane width, and the
//! line ↔ anchor questions the update logic asks. Kept apart so that `update` does not depend on
//! how the layout stores its lines.

use crate::model::{Anchor, Briefing};

/// What one display line shows (interim table until the shared layout lands).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Line {
    Section(usize),
    Turn(usize, usize),
    Text(Anchor, usize, usize),
    Blank,
}

/// The line table of a briefing at one width.
#[derive(Debug, Clone)]
pub struct View {
    width: u16,
    lines: Vec<Line>,
}

impl View {
    /// Lay out `b` for a pane `width` columns wide.
    pub fn new(b: &Briefing, width: u16) -> View {
        let w = usize::from(width.max(1));
        let mut lines = Vec::new();
        for (si, s) in b.sections.iter().enumerate() {
            lines.push(Line::Section(si));
            lines.push(Line::Blank);
            for (ti, t) in s.turns.iter().enumerate() {
                lines.push(Line::Turn(si, ti));
                for (pi, p) in t.paragraphs.iter().enumerate() {
                    let a = Anchor {
                        section: si,
                        turn: ti,
                        paragraph: pi,
                    };
                    let starts: Vec<usize> =
                        p.text.char_indices().map(|(i, _)| i).step_by(w).collect();
                    if starts.is_empty() {
                        lines.push(Line::Text(a, 0, 0));
                    }
                    for (k, &st) in starts.iter().enumerate() {
                        let end = starts.get(k + 1).copied().unwrap_or(p.text.len());
                        lines.push(Line::Text(a, st, end));
                    }
                    lines.push(Line::Blank);
                }
            }
        }
        View { width, lines }
    }

    pub fn width(&self) -> u16 {
        self.width
    }

    /// Number of display lines.
    pub fn len(&self) -> usize {
        self.lines.len()
    }

    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }

    /// The paragraph shown on `line`, or on the first text line after it.
    pub fn anchor_at(&self, line: usize) -> Option<Anchor> {
        self.lines.get(line..)?.iter().find_map(|l| match l {
            Line::Text(a, ..) => Some(*a),
            _ => None,
        })
    }

    /// The paragraphs with a line in `lines`, in order, without repeats.
    pub fn anchors_in(&self, lines: std::ops::Range<usize>) -> Vec<Anchor> {
        let mut out: Vec<Anchor> = Vec::new();
        for l in self
            .lines
            .get(lines.start.min(self.len())..lines.end.min(self.len()))
            .unwrap_or(&[])
        {
            if let Line::Text(a, ..) = l
                && out.last() != Some(a)
            {
                out.push(*a);
            }
        }
        out
    }

    /// The first line of a paragraph (0 when it does not exist).
    pub fn line_of(&self, a: Anchor) -> usize {
        self.lines
            .iter()
            .position(|l| matches!(l, Line::Text(x, ..) if *x == a))
            .unwrap_or(0)
    }

    /// The heading line of a section.
    pub fn section_line(&self, s: usize) -> usize {
        self.lines
            .iter()
            .position(|l| *l == Line::Section(s))
            .unwrap_or(0)
    }

    /// The heading line of a turn.
    pub fn turn_line(&self, s: usize, t: usize) -> usize {
        self.lines
            .iter()
            .position(|l| *l == Line::Turn(s, t))
            .unwrap_or(0)
    }
}

/// What a display line shows, for the interim transcript drawing.
pub enum Shown {
    Section(usize),
    Turn(usize, usize),
    Text(Anchor, std::ops::Range<usize>),
    Blank,
}

impl View {
    /// What line `i` shows.
    pub fn shown(&self, i: usize) -> Shown {
        match self.lines.get(i) {
            Some(Line::Section(s)) => Shown::Section(*s),
            Some(Line::Turn(s, t)) => Shown::Turn(*s, *t),
            Some(Line::Text(a, x, y)) => Shown::Text(*a, *x..*y),
            _ => Shown::Blank,
        }
    }
}
