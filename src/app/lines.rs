//! The app's window on the line table ([`crate::layout::Layout`]) of the briefing being read:
//! the line ↔ anchor questions the update logic asks, with a line for every answer (the top of
//! the document when an anchor has no line), so that `update` stays free of `Option` plumbing.

use crate::layout::Layout;
use crate::model::{Anchor, Briefing};
use std::ops::Range;

/// The layout of the shown briefing for the current transcript pane width.
#[derive(Debug, Clone)]
pub struct Lines {
    layout: Layout,
}

impl Lines {
    /// Lay out `b` for a transcript pane `width` columns wide (gutter included), each section
    /// headed with its number in `numbers` (see [`Layout::numbered`]).
    pub fn new(b: &Briefing, numbers: &[usize], width: u16) -> Lines {
        Lines {
            layout: Layout::numbered(b, numbers, width),
        }
    }

    /// Lay out `b` again (another width, a reloaded or filtered briefing), freeing the old
    /// table first: two tables of a 10 MB briefing at once would double the memory peak.
    pub fn rebuild(&mut self, b: &Briefing, numbers: &[usize], width: u16) {
        self.layout = Layout::new(&Briefing::default(), width);
        self.layout = Layout::numbered(b, numbers, width);
    }

    /// The line table, for drawing.
    pub fn layout(&self) -> &Layout {
        &self.layout
    }

    /// The pane width the table was made for.
    pub fn width(&self) -> u16 {
        self.layout.width()
    }

    /// Number of display lines.
    pub fn len(&self) -> usize {
        self.layout.len()
    }

    pub fn is_empty(&self) -> bool {
        self.layout.is_empty()
    }

    /// The paragraph shown on `line`, or on the first text line after it.
    pub fn anchor_at(&self, line: usize) -> Option<Anchor> {
        self.layout.anchor_at(line)
    }

    /// The paragraphs with a line in `lines`, in order.
    pub fn anchors_in(&self, lines: Range<usize>) -> Vec<Anchor> {
        self.layout.anchors_in(lines).collect()
    }

    /// The first text line of a paragraph.
    pub fn line_of(&self, a: Anchor) -> usize {
        self.layout.line_of(a).unwrap_or(0)
    }

    /// The line that shows byte `byte` of a paragraph's text (a search match, say).
    pub fn line_of_byte(&self, a: Anchor, byte: usize) -> usize {
        self.layout.line_of_byte(a, byte).unwrap_or(0)
    }

    /// The first line of a paragraph with the headings just above it.
    pub fn block_of(&self, a: Anchor) -> usize {
        self.layout.block_of(a).unwrap_or(0)
    }

    /// The heading line of a section.
    pub fn section_line(&self, s: usize) -> usize {
        self.layout.section_line(s).unwrap_or(0)
    }

    /// The heading line of a turn.
    pub fn turn_line(&self, s: usize, t: usize) -> usize {
        self.layout.turn_line(s, t).unwrap_or(0)
    }
}
