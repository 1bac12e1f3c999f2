//! A paragraph remembered by its anchor and a quote of its text, and found again after edits.
//!
//! Anchors (`q3.t2.p1`) shift when sections, turns or paragraphs are added before them, so a
//! [`Passage`] also keeps the start of the paragraph's text and a hash of all of it. Finding it
//! again tries, in order: the anchor still holds the same text; some paragraph has the same text;
//! some paragraph starts with the quote; the paragraph whose opening shares the most word pairs
//! with the quote, if it shares enough of them.

use super::identity::{normalize, text_hash};
use crate::model::{Anchor, Briefing};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

/// How many characters of a paragraph a passage quotes.
pub const QUOTE_CHARS: usize = 200;

/// Share of the quote's word pairs a paragraph must contain to count as the same passage after an
/// edit (Dice coefficient). Half keeps a paragraph with a sentence rewritten, and rejects a
/// different paragraph that merely shares the speaker's stock phrases.
const FUZZY_THRESHOLD: f64 = 0.5;

/// Where a passage was, and what it said.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Passage {
    /// The text form of the paragraph's anchor (`q3.t2.p1`).
    pub anchor: String,
    /// The paragraph's text, or its first [`QUOTE_CHARS`] characters (cut at a word).
    pub quote: String,
    /// [`text_hash`] of the whole paragraph.
    pub hash: String,
}

/// Where a remembered passage is in a briefing now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resolved {
    /// The anchor still holds the same text.
    Exact(Anchor),
    /// Found again by its quote, at another anchor or with its text edited.
    Moved(Anchor),
    /// No paragraph is close enough: the passage was deleted or rewritten.
    NotFound,
}

impl Resolved {
    /// The anchor to jump to, if the passage was found.
    pub fn anchor(self) -> Option<Anchor> {
        match self {
            Resolved::Exact(a) | Resolved::Moved(a) => Some(a),
            Resolved::NotFound => None,
        }
    }
}

impl Passage {
    /// Remember the paragraph at `a`; `None` when the anchor names nothing in `b`.
    pub fn at(b: &Briefing, a: Anchor) -> Option<Passage> {
        let p = b.paragraph(a)?;
        Some(Passage {
            anchor: b.anchor_id(a),
            quote: quote(&p.text),
            hash: text_hash(&p.text),
        })
    }

    /// Whether the quote is the whole paragraph rather than its start.
    pub fn is_truncated(&self) -> bool {
        self.quote.ends_with('…')
    }

    /// Find the passage in `b` (see the module documentation for the order of attempts).
    pub fn locate(&self, b: &Briefing) -> Resolved {
        let at = b.parse_anchor(&self.anchor);
        if let Some(a) = at
            && b.paragraph(a)
                .is_some_and(|p| text_hash(&p.text) == self.hash)
        {
            return Resolved::Exact(a);
        }
        // Among equally good candidates, the one nearest the old anchor wins: a repeated
        // paragraph ("Thank you.") should not jump across the document.
        let near = |a: &Anchor| at.map_or(0, |old| distance(b, old, *a));
        let same_text = b
            .paragraphs()
            .filter(|(_, p)| text_hash(&p.text) == self.hash)
            .map(|(a, _)| a)
            .min_by_key(near);
        if let Some(a) = same_text {
            return Resolved::Moved(a);
        }
        let stem = normalize(self.quote.trim_end_matches('…'));
        let starts = b
            .paragraphs()
            .filter(|(_, p)| !stem.is_empty() && normalize(&p.text).starts_with(&stem))
            .map(|(a, _)| a)
            .min_by_key(near);
        if let Some(a) = starts {
            return Resolved::Moved(a);
        }
        let wanted = shingles(&stem);
        let quoted_chars = stem.chars().count();
        let mut best: Option<(f64, Anchor)> = None;
        for (a, p) in b.paragraphs() {
            // Compare with as much of the paragraph as was quoted (plus slack for inserted
            // words), so that a long paragraph does not win by sheer size.
            let opening: String = normalize(&p.text)
                .chars()
                .take(quoted_chars + quoted_chars / 4)
                .collect();
            let score = dice(&wanted, &shingles(&opening));
            let better = match best {
                None => true,
                Some((s, prev)) => score > s || (score == s && near(&a) < near(&prev)),
            };
            if better {
                best = Some((score, a));
            }
        }
        match best {
            Some((score, a)) if score >= FUZZY_THRESHOLD => Resolved::Moved(a),
            _ => Resolved::NotFound,
        }
    }
}

/// The quote kept for a paragraph: all of it when short, else its first [`QUOTE_CHARS`] characters
/// cut back to a word boundary and followed by `…`.
pub fn quote(text: &str) -> String {
    if text.chars().count() <= QUOTE_CHARS {
        return text.to_string();
    }
    let end = text
        .char_indices()
        .nth(QUOTE_CHARS)
        .map_or(text.len(), |(i, _)| i);
    let head = &text[..end];
    // Cut at the last space if there is one in the second half; CJK text has none and is cut
    // at the character limit.
    let cut = head
        .rfind(' ')
        .filter(|&i| i > head.len() / 2)
        .unwrap_or(end);
    format!("{}…", head[..cut].trim_end())
}

/// Paragraphs between two anchors, in document order (how far a passage moved).
fn distance(b: &Briefing, x: Anchor, y: Anchor) -> usize {
    let index = |a: Anchor| b.paragraphs().position(|(p, _)| p == a).unwrap_or(0);
    index(x).abs_diff(index(y))
}

/// Pairs of consecutive tokens. Tokens are words, except that each CJK character is a token of
/// its own, since Chinese text has no spaces between words.
fn shingles(text: &str) -> HashSet<(String, String)> {
    let mut tokens: Vec<String> = Vec::new();
    let mut word = String::new();
    for c in text.chars() {
        if is_cjk(c) {
            if !word.is_empty() {
                tokens.push(std::mem::take(&mut word));
            }
            tokens.push(c.to_string());
        } else if c.is_alphanumeric() {
            word.push(c);
        } else if !word.is_empty() {
            tokens.push(std::mem::take(&mut word));
        }
    }
    if !word.is_empty() {
        tokens.push(word);
    }
    if tokens.len() == 1 {
        return HashSet::from([(tokens.remove(0), String::new())]);
    }
    tokens
        .windows(2)
        .map(|w| (w[0].clone(), w[1].clone()))
        .collect()
}

fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30ff}' | '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}'
        | '\u{f900}'..='\u{faff}' | '\u{ac00}'..='\u{d7af}')
}

fn dice(a: &HashSet<(String, String)>, b: &HashSet<(String, String)>) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let shared = a.intersection(b).count();
    2.0 * shared as f64 / (a.len() + b.len()) as f64
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Paragraph, Section, SectionKind, SourceLine, Turn, TurnKind};

    fn briefing(paras: &[&str]) -> Briefing {
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

    fn at(p: usize) -> Anchor {
        Anchor {
            section: 0,
            turn: 0,
            paragraph: p,
        }
    }

    const OUTPUT: &str = "In the first half of the year, the added value of high-tech manufacturing \
        rose by 9.6% year on year, faster than industry as a whole.";
    const EXPORTS: &str = "Exports of new energy vehicles more than doubled, and the country \
        shipped 590,000 of them abroad in six months.";

    #[test]
    fn short_paragraphs_are_quoted_whole_and_long_ones_cut_at_a_word() {
        assert_eq!(quote("Thank you."), "Thank you.");
        let long = "word ".repeat(100);
        let q = quote(&long);
        assert!(q.ends_with("word…"), "{q}");
        assert!(q.chars().count() <= QUOTE_CHARS + 1);
        let han = "国".repeat(300);
        assert_eq!(quote(&han).chars().count(), QUOTE_CHARS + 1);
    }

    #[test]
    fn unchanged_paragraph_is_exact() {
        let b = briefing(&[OUTPUT, EXPORTS]);
        let p = Passage::at(&b, at(1)).unwrap();
        assert_eq!(p.anchor, "r1.t1.p2");
        assert_eq!(p.locate(&b), Resolved::Exact(at(1)));
    }

    #[test]
    fn paragraph_shifted_by_an_insertion_is_moved() {
        let p = Passage::at(&briefing(&[OUTPUT, EXPORTS]), at(1)).unwrap();
        let edited = briefing(&["A new first paragraph.", OUTPUT, EXPORTS]);
        assert_eq!(p.locate(&edited), Resolved::Moved(at(2)));
    }

    #[test]
    fn edited_paragraph_is_found_by_its_words() {
        let p = Passage::at(&briefing(&[OUTPUT, EXPORTS]), at(0)).unwrap();
        let reworded = OUTPUT.replace("rose by 9.6%", "grew by 9.6 percent");
        let edited = briefing(&[EXPORTS, &reworded]);
        assert_eq!(p.locate(&edited), Resolved::Moved(at(1)));
    }

    #[test]
    fn deleted_paragraph_is_not_found() {
        let p = Passage::at(&briefing(&[OUTPUT, EXPORTS]), at(1)).unwrap();
        let edited = briefing(&[OUTPUT, "Something else entirely about the weather."]);
        assert_eq!(p.locate(&edited), Resolved::NotFound);
    }

    #[test]
    fn repeated_text_resolves_to_the_nearest_copy() {
        let b = briefing(&["Thank you.", OUTPUT, "Thank you.", EXPORTS, "Thank you."]);
        let p = Passage::at(&b, at(2)).unwrap();
        let shifted = briefing(&["Thank you.", "Inserted.", OUTPUT, "Thank you.", EXPORTS]);
        assert_eq!(p.locate(&shifted), Resolved::Moved(at(3)));
    }

    #[test]
    fn chinese_text_is_matched_by_characters() {
        let zh = "今年上半年，规模以上工业增加值同比增长百分之三点四，高技术制造业增加值增长百分之九点六。";
        let p = Passage::at(&briefing(&[zh]), at(0)).unwrap();
        let edited_zh = zh.replace("同比增长", "比去年同期增长");
        let edited = briefing(&["新的段落。", &edited_zh]);
        assert_eq!(p.locate(&edited), Resolved::Moved(at(1)));
    }
}
