//! Figures and glossary terms in paragraphs → highlight spans.
//!
//! [`Highlighter::paragraph`] combines three sources, in order of authority: the paragraph's hand
//! marks (`{{…}}`, `[[…]]`, `{{!…}}` in the file), glossary terms ([`terms`]) and figures
//! ([`figures`]). Detection is pure and allocation-light: the figure regex is compiled once per
//! process, the term automaton once per [`Highlighter`].

mod cache;
mod figures;
mod spelled;
mod terms;
mod units;

pub use cache::{HighlightCache, Highlights};

use crate::model::{GlossaryEntry, MarkKind, Paragraph};
use std::cmp::Reverse;
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
    pub const ALL: [FigureKind; 6] = [
        Self::Percent,
        Self::PercentagePoints,
        Self::Amount,
        Self::Multiple,
        Self::Count,
        Self::Date,
    ];

    /// The stable name used in JSON output (`brief figures --json`) and in label files.
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

    /// The kind named by [`FigureKind::as_str`].
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
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

/// The figures of a piece of text, in order and not overlapping (no glossary, no hand marks).
pub fn figures(text: &str) -> Vec<(Range<usize>, FigureKind)> {
    let mut out = Vec::new();
    figures::find(text, &mut out);
    out
}

/// Detects figures and terms; built once per briefing from its glossary (file entries first, then shared).
pub struct Highlighter {
    entries: Vec<GlossaryEntry>,
    terms: terms::Terms,
}

impl Highlighter {
    /// Builds the term automaton over every form of every confirmed (not `proposed`) entry. Where
    /// two entries share a form, the earlier entry owns it, so file entries beat shared ones.
    pub fn new(entries: Vec<GlossaryEntry>) -> Self {
        let terms = terms::Terms::new(&entries);
        Highlighter { entries, terms }
    }

    /// A highlighter without a glossary: figures and hand marks only.
    pub fn figures_only() -> Self {
        Self::new(Vec::new())
    }

    /// The glossary, in the order given to [`Highlighter::new`]; [`HighlightKind::Term`] indexes it.
    pub fn entries(&self) -> &[GlossaryEntry] {
        &self.entries
    }

    /// The entry that `text` names (a term, an alias or a plural form of one, in any case).
    pub fn entry_for(&self, text: &str) -> Option<usize> {
        self.terms.lookup(text)
    }

    /// Highlights of one paragraph, sorted by start and not overlapping; hand marks win.
    ///
    /// Among detected spans the leftmost wins, then the longest (a term that contains a number, such
    /// as "14th Five-Year Plan", beats the number). A detected span that touches a hand mark is
    /// dropped: `Plain` marks suppress, `Figure` and `Term` marks replace.
    pub fn paragraph(&self, p: &Paragraph) -> Vec<Highlight> {
        let text = p.text.as_str();
        let mut found: Vec<Highlight> = figures(text)
            .into_iter()
            .map(|(range, k)| Highlight {
                range,
                kind: HighlightKind::Figure(k),
            })
            .collect();
        let mut term_hits = Vec::new();
        self.terms.find(text, &mut term_hits);
        found.extend(term_hits.into_iter().map(|(range, i)| Highlight {
            range,
            kind: HighlightKind::Term(i),
        }));
        found.sort_by_key(|h| (h.range.start, Reverse(h.range.end)));

        let marks = usable_marks(p);
        let mut out: Vec<Highlight> = Vec::with_capacity(found.len() + marks.len());
        // Both lists are sorted by start and marks do not overlap, so one sweep finds the marks a
        // span touches: linear in a paragraph with a million marks.
        let mut end = 0;
        let mut next_mark = 0;
        for h in found {
            while next_mark < marks.len() && marks[next_mark].range.end <= h.range.start {
                next_mark += 1;
            }
            let touches_mark = marks
                .get(next_mark)
                .is_some_and(|m| m.range.start < h.range.end);
            if h.range.start >= end && !touches_mark {
                end = h.range.end;
                out.push(h);
            }
        }
        if marks.is_empty() {
            return out;
        }
        for m in marks {
            let kind = match &m.kind {
                MarkKind::Plain => None,
                MarkKind::Figure => Some(HighlightKind::Figure(guess_kind(&text[m.range.clone()]))),
                MarkKind::Term(name) => {
                    let form = name.as_deref().unwrap_or(&text[m.range.clone()]);
                    self.terms
                        .lookup(form)
                        .filter(|&i| !self.entries[i].proposed)
                        .map(HighlightKind::Term)
                }
            };
            if let Some(kind) = kind {
                out.push(Highlight {
                    range: m.range.clone(),
                    kind,
                });
            }
        }
        out.sort_by_key(|h| h.range.start);
        out
    }
}

/// The paragraph's marks that lie inside its text, sorted by start; of overlapping marks (which a
/// parsed file never has) the first is kept.
fn usable_marks(p: &Paragraph) -> Vec<&crate::model::Mark> {
    let text = p.text.as_str();
    let mut marks: Vec<&crate::model::Mark> = p
        .marks
        .iter()
        .filter(|m| m.range.start < m.range.end && text.get(m.range.clone()).is_some())
        .collect();
    marks.sort_by_key(|m| m.range.start);
    let mut end = 0;
    marks.retain(|m| {
        let keep = m.range.start >= end;
        if keep {
            end = m.range.end;
        }
        keep
    });
    marks
}

/// The kind of a hand-marked figure: what detection makes of its text, else an amount when it
/// carries words ("about 600 yuan") and a count when it is only a number.
fn guess_kind(text: &str) -> FigureKind {
    if let Some((_, k)) = figures(text).into_iter().next() {
        return k;
    }
    if text
        .chars()
        .any(|c| c.is_alphabetic() && !"零〇一二两兩三四五六七八九十百千".contains(c))
    {
        FigureKind::Amount
    } else {
        FigureKind::Count
    }
}

#[cfg(test)]
mod tests;
