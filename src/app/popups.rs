//! What the terms and figures popups list: the glossary terms on the page, and the figures of
//! the section being read, each with the sentence it stands in.

use crate::highlight::{HighlightKind, Highlighter};
use crate::model::{Anchor, Briefing};
use std::ops::Range;

/// A figure of the section, with where it is and the sentence around it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FigureItem {
    pub anchor: Anchor,
    /// Byte range of the figure in its paragraph.
    pub range: Range<usize>,
    pub figure: String,
    pub sentence: String,
}

/// The glossary entries (indices into [`Highlighter::entries`]) found in these paragraphs, in
/// order of first appearance.
pub fn terms_in(
    b: &Briefing,
    h: &Highlighter,
    anchors: impl IntoIterator<Item = Anchor>,
) -> Vec<usize> {
    let mut out = Vec::new();
    for a in anchors {
        let Some(p) = b.paragraph(a) else { continue };
        for hl in h.paragraph(p) {
            if let HighlightKind::Term(i) = hl.kind
                && !out.contains(&i)
            {
                out.push(i);
            }
        }
    }
    out
}

/// Every figure of a section, in order.
pub fn figures_in(b: &Briefing, h: &Highlighter, section: usize) -> Vec<FigureItem> {
    let mut out = Vec::new();
    let Some(s) = b.sections.get(section) else {
        return out;
    };
    for (ti, t) in s.turns.iter().enumerate() {
        for (pi, p) in t.paragraphs.iter().enumerate() {
            for hl in h.paragraph(p) {
                if let HighlightKind::Figure(_) = hl.kind {
                    let sentence = sentence_around(&p.text, hl.range.clone());
                    out.push(FigureItem {
                        anchor: Anchor {
                            section,
                            turn: ti,
                            paragraph: pi,
                        },
                        figure: p.text[hl.range.clone()].to_string(),
                        range: hl.range,
                        sentence: p.text[sentence].trim().to_string(),
                    });
                }
            }
        }
    }
    out
}

/// Whether the text just before `i` ends a sentence: a full stop, question or exclamation mark
/// (Western followed by a space, or CJK), so "3.9%" and "Mr. Lin" mostly stay whole.
fn ends_sentence(text: &str, i: usize) -> bool {
    let before = &text[..i];
    let Some(c) = before.chars().next_back() else {
        return false;
    };
    if matches!(c, '。' | '！' | '？' | '；') {
        return true;
    }
    let after_space = text[i..].starts_with(' ');
    let abbreviation = ["Mr.", "Ms.", "Mrs.", "Dr.", "No."]
        .iter()
        .any(|a| before.ends_with(a));
    matches!(c, '.' | '?' | '!') && after_space && !abbreviation
}

/// The byte range of the sentence of `text` that contains `range`.
pub fn sentence_around(text: &str, range: Range<usize>) -> Range<usize> {
    let start = text[..range.start]
        .char_indices()
        .rev()
        .map(|(i, _)| i)
        .find(|&i| i > 0 && ends_sentence(text, i))
        .unwrap_or(0);
    let end = text[range.end..]
        .char_indices()
        .map(|(i, c)| range.end + i + c.len_utf8())
        .find(|&i| i == text.len() || ends_sentence(text, i))
        .unwrap_or(text.len());
    start..end
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentence(text: &str, word: &str) -> String {
        let at = text.find(word).unwrap();
        text[sentence_around(text, at..at + word.len())]
            .trim()
            .to_string()
    }

    #[test]
    fn the_sentence_around_a_figure() {
        let t = "Output rose. Mr. Lin said exports grew 3.9% in May. Imports fell.";
        assert_eq!(
            sentence(t, "3.9%"),
            "Mr. Lin said exports grew 3.9% in May."
        );
        assert_eq!(sentence(t, "Output"), "Output rose.");
        assert_eq!(sentence(t, "Imports"), "Imports fell.");
        let z = "客运量增长7.3%。地铁里程达到516公里。";
        assert_eq!(sentence(z, "516"), "地铁里程达到516公里。");
        assert_eq!(sentence(z, "7.3%"), "客运量增长7.3%。");
    }
}
