//! The transcript pane: draws the visible lines `[offset, offset + height)` of a [`Layout`], with
//! figures, terms, search matches, headings and the gutter marks in the styles of a [`Theme`].
//!
//! Work per frame depends on the pane's size, not on the briefing's: the layout already knows
//! where every line is, and highlights are computed only for the paragraphs on screen, once.

use crate::app::search::Match;
use crate::highlight::{HighlightCache, HighlightKind, Highlights};
use crate::layout::{Columns, DisplayLine, Layout};
use crate::model::{Anchor, Briefing};
use crate::theme::{BOOKMARK_MARK, CURRENT_MARK, QUESTION_BAR, Theme};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::Widget;
use std::borrow::Cow;
use std::ops::Range;

/// The transcript widget: what to draw, borrowed from the app's state for one frame.
pub struct Transcript<'a> {
    briefing: &'a Briefing,
    layout: &'a Layout,
    offset: usize,
    theme: &'a Theme,
    highlights: &'a dyn Highlights,
    cache: &'a HighlightCache,
    current: Option<Anchor>,
    bookmarks: &'a [Anchor],
    matches: &'a [Match],
    current_match: Option<usize>,
}

impl<'a> Transcript<'a> {
    /// The lines of `layout` from `offset` on; `layout` must have been made from `briefing`.
    pub fn new(
        briefing: &'a Briefing,
        layout: &'a Layout,
        offset: usize,
        theme: &'a Theme,
        highlights: &'a dyn Highlights,
        cache: &'a HighlightCache,
    ) -> Self {
        Transcript {
            briefing,
            layout,
            offset,
            theme,
            highlights,
            cache,
            current: None,
            bookmarks: &[],
            matches: &[],
            current_match: None,
        }
    }

    /// Mark the current passage in the gutter.
    pub fn current(mut self, anchor: Option<Anchor>) -> Self {
        self.current = anchor;
        self
    }

    /// Mark bookmarked paragraphs in the gutter.
    pub fn bookmarks(mut self, anchors: &'a [Anchor]) -> Self {
        self.bookmarks = anchors;
        self
    }

    /// Highlight search matches (in document order); `current` indexes the one to stand out.
    pub fn matches(mut self, matches: &'a [Match], current: Option<usize>) -> Self {
        self.matches = matches;
        self.current_match = current;
        self
    }

    fn render_text(&self, area: Rect, y: u16, t: TextLine, buf: &mut Buffer) {
        let TextLine {
            index: line,
            anchor,
            range,
            question,
        } = t;
        let cols = Columns::for_width(area.width);
        let Some(p) = self.briefing.paragraph(anchor) else {
            return;
        };
        if cols.gutter >= 2 {
            if self.current == Some(anchor) {
                buf.set_stringn(area.x, y, CURRENT_MARK, 1, self.theme.current_mark);
            }
            if self.layout.line_of(anchor) == Some(line) && self.bookmarks.contains(&anchor) {
                buf.set_stringn(area.x + 1, y, BOOKMARK_MARK, 1, self.theme.bookmark_mark);
            }
        }
        let mut x = area.x + cols.gutter;
        let base = if question {
            if cols.indent > 0 {
                buf.set_stringn(x, y, QUESTION_BAR, 1, self.theme.question_bar);
                x += cols.indent;
            }
            self.theme.question_text
        } else {
            self.theme.text
        };
        let highlights = self.cache.get(anchor, p, self.highlights);
        // Only the spans that reach into this line: a paragraph may hold a million of them.
        let on_line = |r: &Range<usize>| (r.end > range.start, r.start < range.end);
        let lo = highlights.partition_point(|h| !on_line(&h.range).0);
        let hi = highlights.partition_point(|h| on_line(&h.range).1).max(lo);
        let mut spans: Vec<(Range<usize>, Style)> = highlights[lo..hi]
            .iter()
            .map(|h| (h.range.clone(), self.highlight_style(h.kind)))
            .collect();
        let first = self.matches.partition_point(|m| m.anchor < anchor);
        let count = self.matches[first..]
            .iter()
            .take_while(|m| m.anchor == anchor)
            .count();
        let ours = &self.matches[first..first + count];
        let m_lo = first + ours.partition_point(|m| !on_line(&m.range).0);
        let m_hi = (first + ours.partition_point(|m| on_line(&m.range).1)).max(m_lo);
        // Matches go last so that they are patched over figures and terms.
        spans.extend((m_lo..m_hi).map(|i| {
            let style = if Some(i) == self.current_match {
                self.theme.current_match
            } else {
                self.theme.search_match
            };
            (self.matches[i].range.clone(), style)
        }));
        let right = area.right();
        for (seg, style) in segments(&p.text, range, base, &spans) {
            if x >= right {
                break;
            }
            x = put(buf, x, y, &p.text[seg], right - x, style);
        }
    }

    fn highlight_style(&self, kind: HighlightKind) -> Style {
        match kind {
            HighlightKind::Figure(_) => self.theme.figure,
            HighlightKind::Term(_) => self.theme.term,
        }
    }
}

/// A text line of the layout and its index.
struct TextLine {
    index: usize,
    anchor: Anchor,
    range: Range<usize>,
    question: bool,
}

/// Draw `s` at (x, y) in at most `max` columns; returns the column after it. ASCII, nearly all of
/// an English briefing, is written cell by cell without grapheme segmentation.
fn put(buf: &mut Buffer, x: u16, y: u16, s: &str, max: u16, style: Style) -> u16 {
    if !s.is_ascii() {
        return buf.set_stringn(x, y, clean(s), usize::from(max), style).0;
    }
    let n = s.len().min(usize::from(max));
    let start = buf.index_of(x, y);
    for (cell, b) in buf.content[start..start + n].iter_mut().zip(s.bytes()) {
        let c = if b.is_ascii_control() {
            '\u{FFFD}'
        } else {
            char::from(b)
        };
        cell.set_char(c).set_style(style);
    }
    x + n as u16
}

/// Control characters drawn as U+FFFD: the parser keeps them out of briefings, but nothing that
/// reaches the terminal may be able to drive it.
fn clean(s: &str) -> Cow<'_, str> {
    crate::safe_text::replaced(s)
}

/// The largest char boundary of `text` at or before `i`.
fn floor_boundary(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Split `range` of `text` into runs of one style: `base` patched with every span that covers the
/// run, in the order given. Span ends are moved to char boundaries, so a bad span cannot panic.
fn segments(
    text: &str,
    range: Range<usize>,
    base: Style,
    spans: &[(Range<usize>, Style)],
) -> Vec<(Range<usize>, Style)> {
    let (start, end) = (
        floor_boundary(text, range.start),
        floor_boundary(text, range.end),
    );
    let mut cuts = vec![start, end];
    for (r, _) in spans {
        for c in [r.start, r.end] {
            if c > start && c < end {
                cuts.push(floor_boundary(text, c));
            }
        }
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut out: Vec<(Range<usize>, Style)> = Vec::with_capacity(cuts.len());
    for w in cuts.windows(2) {
        let (a, b) = (w[0], w[1]);
        let style = spans
            .iter()
            .filter(|(r, _)| r.start <= a && b <= r.end)
            .fold(base, |s, (_, st)| s.patch(*st));
        match out.last_mut() {
            Some((r, s)) if *s == style => r.end = b,
            _ => out.push((a..b, style)),
        }
    }
    out
}

impl Widget for Transcript<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let area = area.intersection(buf.area);
        if area.is_empty() {
            return;
        }
        for y in area.top()..area.bottom() {
            let start = buf.index_of(area.x, y);
            for cell in &mut buf.content[start..start + usize::from(area.width)] {
                cell.reset();
            }
        }
        let cols = Columns::for_width(area.width);
        let visible = self.layout.visible(self.offset, usize::from(area.height));
        for (row, line) in visible.iter().enumerate() {
            let y = area.y + row as u16;
            let index = self.offset + row;
            let text_x = area.x + cols.gutter;
            let width = usize::from(area.right() - text_x);
            match line {
                DisplayLine::SectionHeading { .. } => {
                    let text = self.layout.line_text(self.briefing, line);
                    buf.set_stringn(text_x, y, clean(text), width, self.theme.section_heading);
                }
                DisplayLine::TurnHeading { section, turn, .. } => {
                    let question = self
                        .briefing
                        .sections
                        .get(*section as usize)
                        .and_then(|s| s.turns.get(*turn as usize))
                        .is_some_and(|t| t.kind == crate::model::TurnKind::Question);
                    let style = if question {
                        self.theme.question_speaker
                    } else {
                        self.theme.speaker
                    };
                    let text = self.layout.line_text(self.briefing, line);
                    buf.set_stringn(text_x, y, clean(text), width, style);
                }
                DisplayLine::Text { para, question, .. } => {
                    let Some(anchor) = self.layout.paragraph_anchor(*para) else {
                        continue;
                    };
                    let t = TextLine {
                        index,
                        anchor,
                        range: line.range(),
                        question: *question,
                    };
                    self.render_text(area, y, t, buf);
                }
                DisplayLine::Blank => {}
            }
        }
    }
}
