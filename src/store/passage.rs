//! A paragraph remembered by its anchor and a quote of its text, and found again after edits.
//!
//! Anchors (`q3.t2.p1`) shift when sections, turns or paragraphs are added before them, so a
//! [`Passage`] also keeps the start of the paragraph's text and a hash of all of it. Finding it
//! again tries, in order: the anchor still holds the same text; some paragraph has the same text;
//! some paragraph starts with the quote; the paragraph whose opening shares the most word pairs
//! with the quote, if it shares enough of them. Among equally good candidates the one nearest the
//! old anchor wins, so a repeated paragraph ("Thank you.") does not jump across the document.

use super::identity::{hash64, normalize, text_hash};
use crate::model::{Anchor, Briefing};
use serde::{Deserialize, Serialize};
use std::cell::OnceCell;
use std::collections::{HashMap, HashSet};

/// How many characters of a paragraph a passage quotes.
pub const QUOTE_CHARS: usize = 200;

/// Share of word pairs (Dice coefficient) a paragraph's opening must have in common with the
/// quote to count as the same passage after an edit. Measured on real transcripts
/// (tests/store_reanchor.rs): 0.55 finds 93% of passages with one word in five changed, while 6%
/// of deleted passages match another paragraph (near-duplicate lines); 0.65 cuts the second to 5%
/// but the first to 55%.
const FUZZY_THRESHOLD: f64 = 0.55;
/// The same for quotes of fewer than [`SHORT_PAIRS`] word pairs, where one changed word is a large
/// share and near-identical short lines ("Thank you.", "Thank you very much.") abound.
const FUZZY_THRESHOLD_SHORT: f64 = 0.75;
const SHORT_PAIRS: usize = 6;
/// A word pair in more paragraphs than this is too common to pick candidates by.
const COMMON_PAIR: usize = 512;

/// Where a passage was, and what it said.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Passage {
    /// The text form of the paragraph's anchor (`q3.t2.p1`).
    pub anchor: String,
    /// The paragraph's text, or its first [`QUOTE_CHARS`] characters (cut at a word) and `…`.
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

/// What finding passages needs to know about every paragraph of a briefing, computed once so
/// that many passages (all bookmarks of a briefing) can be looked up in one pass each.
pub struct Index {
    paras: Vec<Entry>,
    /// For each word pair, the paragraphs whose opening has it; built on the first fuzzy search.
    postings: OnceCell<HashMap<u64, Vec<u32>>>,
}

struct Entry {
    anchor: Anchor,
    hash: u64,
    normalized: String,
    /// Hashes of the pairs of consecutive words of the paragraph's opening, in order.
    pairs: Vec<u64>,
}

/// Word pairs kept per paragraph: more than a quote of [`QUOTE_CHARS`] characters can hold, even
/// in Chinese where every character is a word.
const PAIRS_KEPT: usize = QUOTE_CHARS + QUOTE_CHARS / 4;

impl Index {
    /// Index every paragraph of `b`.
    pub fn new(b: &Briefing) -> Index {
        let paras = b
            .paragraphs()
            .map(|(anchor, p)| {
                let normalized = normalize(&p.text);
                let mut pairs = pairs(&tokens(&normalized));
                pairs.truncate(PAIRS_KEPT);
                Entry {
                    anchor,
                    hash: hash64(&normalized),
                    pairs,
                    normalized,
                }
            })
            .collect();
        Index {
            paras,
            postings: OnceCell::new(),
        }
    }

    /// Paragraphs worth scoring against a quote's word pairs: those sharing one of its rarer
    /// pairs. Pairs found in more than [`COMMON_PAIR`] paragraphs ("of the") say little and would
    /// make every search visit most of a long briefing; `None` (score them all) when the quote has
    /// only such pairs.
    fn candidates(&self, wanted: &HashSet<u64>) -> Option<Vec<usize>> {
        let postings = self.postings.get_or_init(|| {
            let mut map: HashMap<u64, Vec<u32>> = HashMap::new();
            for (i, e) in self.paras.iter().enumerate() {
                for &h in &e.pairs {
                    let list = map.entry(h).or_default();
                    // Pairs repeat within a paragraph; each paragraph is listed once.
                    if list.last() != Some(&(i as u32)) {
                        list.push(i as u32);
                    }
                }
            }
            map
        });
        let mut found: Vec<usize> = Vec::new();
        let mut any_rare = false;
        for h in wanted {
            match postings.get(h) {
                Some(list) if list.len() <= COMMON_PAIR => {
                    any_rare = true;
                    found.extend(list.iter().map(|&i| i as usize));
                }
                Some(_) => {}
                None => any_rare = true,
            }
        }
        if !any_rare && !wanted.is_empty() {
            return None;
        }
        found.sort_unstable();
        found.dedup();
        Some(found)
    }

    /// Position of an anchor in document order (anchors sort in document order).
    fn position(&self, a: Anchor) -> usize {
        self.paras.partition_point(|e| e.anchor < a)
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

    /// Whether the quote is only the start of the paragraph.
    pub fn is_truncated(&self) -> bool {
        self.quote.ends_with('…')
    }

    /// The paragraph at the stored anchor, if it still has the same text.
    pub fn exact(&self, b: &Briefing) -> Option<Anchor> {
        let a = b.parse_anchor(&self.anchor)?;
        (text_hash(&b.paragraph(a)?.text) == self.hash).then_some(a)
    }

    /// Find the passage in `b` (see the module documentation for the order of attempts).
    /// Looking up many passages in one briefing is faster with [`Passage::locate_in`].
    pub fn locate(&self, b: &Briefing) -> Resolved {
        match self.exact(b) {
            Some(a) => Resolved::Exact(a),
            None => self.locate_in(b, &Index::new(b)),
        }
    }

    /// [`Passage::locate`] with the briefing's index already built.
    pub fn locate_in(&self, b: &Briefing, index: &Index) -> Resolved {
        if let Some(a) = self.exact(b) {
            return Resolved::Exact(a);
        }
        let old = b.parse_anchor(&self.anchor).map(|a| index.position(a));
        let distance = |i: usize| old.map_or(i, |o| o.abs_diff(i));
        let nearest = |found: &mut dyn Iterator<Item = usize>| {
            found
                .min_by_key(|&i| distance(i))
                .map(|i| Resolved::Moved(index.paras[i].anchor))
        };
        let hash = u64::from_str_radix(&self.hash, 16).ok();
        let same = (0..index.paras.len()).filter(|&i| Some(index.paras[i].hash) == hash);
        if let Some(r) = nearest(&mut { same }) {
            return r;
        }
        let stem = normalize(self.quote.trim_end_matches('…'));
        if stem.is_empty() {
            return Resolved::NotFound;
        }
        let starts =
            (0..index.paras.len()).filter(|&i| index.paras[i].normalized.starts_with(&stem));
        if let Some(r) = nearest(&mut { starts }) {
            return r;
        }
        let wanted: HashSet<u64> = pairs(&tokens(&stem)).into_iter().collect();
        // Compare with about as many word pairs of each paragraph's opening as were quoted, so
        // that a long paragraph does not win by sheer size; a little more, for inserted words.
        let take = wanted.len() + wanted.len() / 10 + 1;
        let candidates = index
            .candidates(&wanted)
            .unwrap_or_else(|| (0..index.paras.len()).collect());
        let mut best: Option<(f64, usize)> = None;
        for i in candidates {
            let e = &index.paras[i];
            let window = &e.pairs[..take.min(e.pairs.len())];
            let shared = window.iter().filter(|h| wanted.contains(h)).count();
            // Dice coefficient of the two sets of pairs (a pair repeated within one opening is
            // rare enough to count twice).
            let score =
                2.0 * shared.min(wanted.len()) as f64 / (wanted.len() + window.len()) as f64;
            let better = match best {
                None => true,
                Some((s, j)) => score > s || (score == s && distance(i) < distance(j)),
            };
            if better {
                best = Some((score, i));
            }
        }
        let threshold = if wanted.len() < SHORT_PAIRS {
            FUZZY_THRESHOLD_SHORT
        } else {
            FUZZY_THRESHOLD
        };
        match best {
            Some((score, i)) if score >= threshold => Resolved::Moved(index.paras[i].anchor),
            _ => Resolved::NotFound,
        }
    }
}

/// Find many passages in one briefing, indexing it only if some passage is not where it was.
pub fn locate_all<'a>(
    b: &Briefing,
    passages: impl IntoIterator<Item = &'a Passage>,
) -> Vec<Resolved> {
    let mut index = None;
    passages
        .into_iter()
        .map(|p| match p.exact(b) {
            Some(a) => Resolved::Exact(a),
            None => p.locate_in(b, index.get_or_insert_with(|| Index::new(b))),
        })
        .collect()
}

/// Where paragraphs of `old` are in `new`, a new version of the same briefing: each found by its
/// text as a bookmark is, since inserting a paragraph before one moves its anchor. `None` for a
/// paragraph that is gone (or that `old` does not have).
pub fn follow(old: &Briefing, new: &Briefing, anchors: &[Anchor]) -> Vec<Option<Anchor>> {
    let passages: Vec<Option<Passage>> = anchors.iter().map(|&a| Passage::at(old, a)).collect();
    let mut found = locate_all(new, passages.iter().flatten()).into_iter();
    passages
        .iter()
        .map(|p| p.as_ref().and_then(|_| found.next()?.anchor()))
        .collect()
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

/// Hashes of the words of a normalised text. Words are runs of letters and digits, except that
/// each CJK character is a word of its own, since Chinese text has no spaces between words.
fn tokens(text: &str) -> Vec<u64> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        let cjk = crate::script::is_cjk(c) && c.is_alphanumeric();
        if (cjk || !c.is_alphanumeric())
            && let Some(s) = start.take()
        {
            out.push(hash64(&text[s..i]));
        }
        if cjk {
            out.push(hash64(&text[i..i + c.len_utf8()]));
        } else if c.is_alphanumeric() && start.is_none() {
            start = Some(i);
        }
    }
    if let Some(s) = start {
        out.push(hash64(&text[s..]));
    }
    out
}

/// Hashes of the pairs of consecutive words, in order; a one-word text is its one word.
fn pairs(tokens: &[u64]) -> Vec<u64> {
    if let [only] = tokens {
        return vec![*only];
    }
    tokens
        .windows(2)
        .map(|w| w[0].rotate_left(21) ^ w[1].wrapping_mul(0x9e37_79b9_7f4a_7c15))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn briefing(paras: &[&str]) -> Briefing {
        crate::model::one_turn_briefing(paras)
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
