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
            let ends = sentence_ends(&p.text);
            for hl in h.paragraph(p) {
                if let HighlightKind::Figure(_) = hl.kind {
                    let sentence = sentence_in(&ends, hl.range.clone());
                    out.push(FigureItem {
                        anchor: Anchor {
                            section,
                            turn: ti,
                            paragraph: pi,
                        },
                        figure: p.text[hl.range.clone()].to_string(),
                        sentence: excerpt(&p.text, sentence, hl.range.clone()),
                        range: hl.range,
                    });
                }
            }
        }
    }
    out
}

/// How much of a sentence is kept on either side of its figure: a paragraph with no full stop
/// would otherwise be copied whole for each of its figures.
const EXCERPT_REACH: usize = 240;

/// `sentence` of `text`, cut to [`EXCERPT_REACH`] bytes either side of `figure` (at char
/// boundaries, an ellipsis where it was cut) and trimmed.
fn excerpt(text: &str, sentence: Range<usize>, figure: Range<usize>) -> String {
    let mut start = sentence
        .start
        .max(figure.start.saturating_sub(EXCERPT_REACH));
    while !text.is_char_boundary(start) {
        start += 1;
    }
    let mut end = sentence.end.min(figure.end + EXCERPT_REACH);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let cut = |yes: bool| if yes { "…" } else { "" };
    format!(
        "{}{}{}",
        cut(start > sentence.start),
        text[start..end].trim(),
        cut(end < sentence.end)
    )
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

/// Where the sentences of `text` end: every place just after a sentence end, and the text's end.
pub fn sentence_ends(text: &str) -> Vec<usize> {
    let mut ends: Vec<usize> = text
        .char_indices()
        .map(|(i, c)| i + c.len_utf8())
        .filter(|&i| i < text.len() && ends_sentence(text, i))
        .collect();
    ends.push(text.len());
    ends
}

/// The byte range of the sentence that contains `range`, given the [`sentence_ends`] of its text.
pub fn sentence_in(ends: &[usize], range: Range<usize>) -> Range<usize> {
    let before = ends.partition_point(|&i| i < range.start);
    let start = if before > 0 { ends[before - 1] } else { 0 };
    let after = ends.partition_point(|&i| i <= range.end);
    let end = ends
        .get(after)
        .copied()
        .unwrap_or(*ends.last().unwrap_or(&0));
    start..end
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentence(text: &str, word: &str) -> String {
        let at = text.find(word).unwrap();
        text[sentence_in(&sentence_ends(text), at..at + word.len())]
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

    #[test]
    fn a_sentence_without_an_end_is_cut_around_its_figure() {
        let text = format!("{} 42% {}", "word ".repeat(1000), "more ".repeat(1000));
        let at = text.find("42%").unwrap();
        let range = at..at + 3;
        let shown = excerpt(
            &text,
            sentence_in(&sentence_ends(&text), range.clone()),
            range,
        );
        assert!(shown.starts_with('…') && shown.ends_with('…'), "{shown}");
        assert!(shown.contains("42%"));
        assert!(
            shown.len() < 2 * EXCERPT_REACH + 20,
            "{} bytes",
            shown.len()
        );
    }
}
