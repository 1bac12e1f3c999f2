//! Figures and glossary terms in paragraphs → highlight spans. (Interface fixed; detection being written.)

use crate::model::{GlossaryEntry, Paragraph};
use std::ops::Range;

/// What sort of figure a span is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FigureKind {
    Percent,
    PercentagePoints,
    Amount,
    Multiple,
    Count,
    Date,
}

impl FigureKind {
    /// The name used in JSON output.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Percent => "percent",
            Self::PercentagePoints => "percentage_points",
            Self::Amount => "amount",
            Self::Multiple => "multiple",
            Self::Count => "count",
            Self::Date => "date",
        }
    }
}

/// What a highlight span marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum HighlightKind {
    Figure(FigureKind),
    /// A glossary term: index into [`Highlighter::entries`].
    Term(usize),
}

/// A highlighted byte range of a paragraph's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Highlight {
    pub range: Range<usize>,
    pub kind: HighlightKind,
}

/// Detects figures and terms; built once per briefing from its glossary (file entries first, then shared).
pub struct Highlighter {
    entries: Vec<GlossaryEntry>,
}

impl Highlighter {
    pub fn new(entries: Vec<GlossaryEntry>) -> Self {
        Highlighter { entries }
    }

    pub fn entries(&self) -> &[GlossaryEntry] {
        &self.entries
    }

    /// Highlights of one paragraph, sorted by start and not overlapping; hand marks win.
    pub fn paragraph(&self, p: &Paragraph) -> Vec<Highlight> {
        let _ = p;
        Vec::new()
    }
}
