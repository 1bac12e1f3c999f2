//! Glossary term detection: one Aho-Corasick automaton over every form of every confirmed term.
//!
//! Matching is ASCII case-insensitive and leftmost-longest ("industrial chain and supply chain" wins
//! over "industrial chain"). Latin-script forms must stand as whole words; forms that start or end
//! with a CJK character are matched anywhere, since Chinese has no spaces between words.

use crate::model::GlossaryEntry;
use aho_corasick::{AhoCorasick, AhoCorasickKind, Anchored, Input, MatchKind, StartKind};
use std::collections::HashMap;
use std::ops::Range;

/// Bits in the table of word openings (a hash of a word's first three bytes, lower-cased).
const OPENING_BITS: usize = 1 << 16;

/// The automaton and, per pattern, the entry it stands for.
pub(crate) struct Terms {
    ac: Option<AhoCorasick>,
    /// Hashed openings of every pattern: a word whose opening is not here starts no term, so the
    /// automaton runs only at the few word starts that might (see [`Terms::find`]).
    openings: Vec<u64>,
    /// Some pattern is too short or starts with a character that is not ASCII alphanumeric, so
    /// the word-start shortcut could miss it: always scan the whole text.
    scan_all: bool,
    /// Some pattern starts with a CJK character: scan the whole text when it has CJK.
    cjk_patterns: bool,
    /// Per pattern: (entry index, whole-word check at the start, at the end).
    patterns: Vec<(usize, bool, bool)>,
    /// Lower-cased form (term, alias, plural) → entry, for hand marks.
    by_form: HashMap<String, usize>,
}

impl Terms {
    pub(crate) fn new(entries: &[GlossaryEntry]) -> Self {
        let mut by_form: HashMap<String, usize> = HashMap::new();
        let mut forms: Vec<String> = Vec::new();
        let mut patterns = Vec::new();
        for (i, e) in entries.iter().enumerate() {
            for base in std::iter::once(&e.term).chain(&e.aliases) {
                let base = base.trim();
                if base.is_empty() {
                    continue;
                }
                for form in std::iter::once(base.to_string()).chain(plural_variants(base)) {
                    let key = form.to_lowercase();
                    if by_form.contains_key(&key) {
                        continue;
                    }
                    by_form.insert(key, i);
                    if e.proposed {
                        continue;
                    }
                    let first = form.chars().next().is_some_and(needs_boundary);
                    let last = form.chars().next_back().is_some_and(needs_boundary);
                    patterns.push((i, first, last));
                    forms.push(form);
                }
            }
        }
        let build = |kind| {
            AhoCorasick::builder()
                .match_kind(MatchKind::LeftmostLongest)
                .ascii_case_insensitive(true)
                .start_kind(StartKind::Both)
                .kind(kind)
                .build(&forms)
        };
        let ac = (!forms.is_empty())
            .then(|| {
                build(Some(AhoCorasickKind::DFA))
                    .or_else(|_| build(None))
                    .ok()
            })
            .flatten();
        let mut openings = vec![0u64; OPENING_BITS / 64];
        let (mut scan_all, mut cjk_patterns) = (false, false);
        for f in &forms {
            let b = f.as_bytes();
            if b[0] >= 0xE3 {
                cjk_patterns = true;
            } else if b.len() < 3 || !b[0].is_ascii_alphanumeric() {
                scan_all = true;
            } else {
                let h = opening_hash(b, 0);
                openings[h / 64] |= 1 << (h % 64);
            }
        }
        Terms {
            ac,
            openings,
            scan_all,
            cjk_patterns,
            patterns,
            by_form,
        }
    }

    /// The entry one of whose forms (term, alias or plural, any case) is `text`.
    pub(crate) fn lookup(&self, text: &str) -> Option<usize> {
        self.by_form.get(&text.trim().to_lowercase()).copied()
    }

    /// Term occurrences in `text`, in order, as (byte range, entry index).
    ///
    /// A Latin-script term starts at a word start, so instead of running the automaton over every
    /// byte, walk the word starts and run it (anchored) only where the word's opening is one a
    /// pattern has. Text with CJK, when CJK terms exist, is scanned whole.
    pub(crate) fn find(&self, text: &str, out: &mut Vec<(Range<usize>, usize)>) {
        let Some(ac) = &self.ac else { return };
        let needs_full = self.scan_all
            || (self.cjk_patterns && !text.is_ascii() && text.bytes().any(|b| b >= 0xE3));
        if needs_full {
            self.find_everywhere(ac, text, out);
        } else {
            self.find_at_word_starts(ac, text, out);
        }
    }
}

impl Terms {
    fn find_everywhere(&self, ac: &AhoCorasick, text: &str, out: &mut Vec<(Range<usize>, usize)>) {
        let mut pos = 0;
        while pos < text.len() {
            let Some(m) = ac.find(Input::new(text).span(pos..text.len())) else {
                break;
            };
            let (entry, check_start, check_end) = self.patterns[m.pattern().as_usize()];
            let ok_start = !check_start || !prev_is_word(text, m.start());
            let ok_end = !check_end || !next_is_word(text, m.end());
            if ok_start && ok_end {
                out.push((m.start()..m.end(), entry));
                pos = m.end();
            } else {
                // A longer form failed the word test; shorter forms may still match from here on.
                pos = m.start() + text[m.start()..].chars().next().map_or(1, char::len_utf8);
            }
        }
    }

    fn find_at_word_starts(
        &self,
        ac: &AhoCorasick,
        text: &str,
        out: &mut Vec<(Range<usize>, usize)>,
    ) {
        let b = text.as_bytes();
        let mut next_allowed = 0;
        let mut prev_alnum = false;
        for (n, chunk) in b.chunks(32).enumerate() {
            let mask = alnum_mask(chunk);
            let mut starts = mask & !((mask << 1) | u32::from(prev_alnum));
            prev_alnum = mask >> (chunk.len() - 1) & 1 == 1;
            while starts != 0 {
                let i = n * 32 + starts.trailing_zeros() as usize;
                starts &= starts - 1;
                if i < next_allowed || i + 3 > b.len() {
                    continue;
                }
                let h = opening_hash(b, i);
                if self.openings[h / 64] & (1 << (h % 64)) == 0 {
                    continue;
                }
                let Some(m) = ac.find(Input::new(text).span(i..text.len()).anchored(Anchored::Yes))
                else {
                    continue;
                };
                let (entry, check_start, check_end) = self.patterns[m.pattern().as_usize()];
                let ok_start = !check_start || !prev_is_word(text, m.start());
                let ok_end = !check_end || !next_is_word(text, m.end());
                if ok_start && ok_end {
                    out.push((m.start()..m.end(), entry));
                    next_allowed = m.end();
                }
            }
        }
    }
}

/// Bit j set when `chunk[j]` is an ASCII letter or digit (chunks of at most 32 bytes). Whole
/// chunks go eight bytes at a time through [`alnum_bits8`]; the word-start walk looks at every byte.
fn alnum_mask(chunk: &[u8]) -> u32 {
    let mut mask = 0u32;
    let mut words = chunk.chunks_exact(8);
    for (k, w) in (&mut words).enumerate() {
        let w = u64::from_le_bytes(w.try_into().unwrap_or([0; 8]));
        mask |= u32::from(alnum_bits8(w)) << (8 * k);
    }
    let done = chunk.len() - words.remainder().len();
    for (j, &c) in words.remainder().iter().enumerate() {
        mask |= u32::from(c.is_ascii_alphanumeric()) << (done + j);
    }
    mask
}

/// Bit j set when byte j (little-endian) of `w` is an ASCII letter or digit, computed for the
/// eight bytes at once: each byte is compared with the bounds of `a..=z` (after folding case) and
/// `0..=9` by adding constants that set its high bit, without carries between bytes.
fn alnum_bits8(w: u64) -> u8 {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const ONES: u64 = 0x0101_0101_0101_0101;
    let ascii = !w & HIGH;
    let low7 = w & !HIGH;
    let in_range = |v: u64, lo: u8, hi: u8| {
        let at_least_lo = v + ONES * u64::from(0x80 - lo);
        let above_hi = v + ONES * u64::from(0x7F - hi);
        at_least_lo & !above_hi & HIGH
    };
    let letters = in_range(low7 | (ONES * 0x20), b'a', b'z');
    let digits = in_range(low7, b'0', b'9');
    let bits = (letters | digits) & ascii;
    ((bits >> 7).wrapping_mul(0x0102_0408_1020_4080) >> 56) as u8
}

/// A hash of the opening of the word at `b[i..]` (its first three bytes, lower-cased) into the
/// openings table.
fn opening_hash(b: &[u8], i: usize) -> usize {
    let k =
        u32::from(b[i] | 0x20) | u32::from(b[i + 1] | 0x20) << 8 | u32::from(b[i + 2] | 0x20) << 16;
    (k.wrapping_mul(0x9E37_79B1) >> 16) as usize % OPENING_BITS
}

/// Simple English plural and singular forms of the last word: "little giant" ↔ "little giants",
/// "SME" ↔ "SMEs", "economy" → "economies". Forms ending in a CJK character have none.
fn plural_variants(form: &str) -> Vec<String> {
    let Some(last) = form.chars().next_back() else {
        return Vec::new();
    };
    if !last.is_ascii_alphabetic() {
        return Vec::new();
    }
    let lower = form.to_ascii_lowercase();
    let mut out = Vec::new();
    if lower.ends_with('s') && !lower.ends_with("ss") {
        if form.len() > 2 {
            out.push(form[..form.len() - 1].to_string());
        }
        if lower.ends_with("ies") && form.len() > 4 {
            out.push(format!("{}y", &form[..form.len() - 3]));
        }
        return out;
    }
    let upper = last.is_ascii_uppercase();
    let penult = lower.chars().rev().nth(1);
    if lower.ends_with('y') && penult.is_some_and(|c| !"aeiou".contains(c)) && !upper {
        out.push(format!("{}ies", &form[..form.len() - 1]));
    } else if ["x", "z", "ch", "sh"].iter().any(|e| lower.ends_with(e)) {
        out.push(format!("{form}es"));
    } else {
        out.push(format!("{form}s"));
    }
    out
}

/// Whether a form that starts or ends with `c` must meet a word boundary there.
fn needs_boundary(c: char) -> bool {
    c.is_alphanumeric() && !crate::script::is_cjk(c)
}

fn prev_is_word(text: &str, at: usize) -> bool {
    text[..at]
        .chars()
        .next_back()
        .is_some_and(|c| c.is_alphanumeric() && !crate::script::is_cjk(c))
}

fn next_is_word(text: &str, at: usize) -> bool {
    text[at..]
        .chars()
        .next()
        .is_some_and(|c| c.is_alphanumeric() && !crate::script::is_cjk(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(term: &str, aliases: &[&str]) -> GlossaryEntry {
        GlossaryEntry {
            term: term.into(),
            definition: "d".into(),
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            proposed: false,
        }
    }

    #[test]
    fn the_word_start_shortcut_finds_what_a_full_scan_finds() {
        let t = Terms::new(&[
            entry("little giants", &["little giant"]),
            entry("SMEs", &["small and medium-sized enterprises"]),
            entry("industrial chain", &[]),
            entry("industrial chain and supply chain", &[]),
            entry("5G+Industrial Internet", &[]),
            entry("10, 100, and 1000 program", &["10, 100, and 1000"]),
            entry("value-added", &["added value"]),
        ]);
        assert!(!t.scan_all && !t.cjk_patterns);
        let ac = t.ac.as_ref().unwrap();
        for text in [
            "Little giants, the little giant, LITTLE GIANTS and littlegiants; SMEs' SMEstate.",
            "The industrial chain and supply chain, an industrial chains, industrial chain.",
            "The “5G+Industrial Internet” 512 Project and the “10, 100, and 1000” program.",
            "value-added of SMEs (small and medium-sized enterprises), added values, re-added value",
            "“White list” café-SMEs naïve little giant—little giants—SMEs…",
            "",
            "sme",
        ] {
            let (mut a, mut b) = (Vec::new(), Vec::new());
            t.find_everywhere(ac, text, &mut a);
            t.find_at_word_starts(ac, text, &mut b);
            assert_eq!(a, b, "{text}");
        }
    }

    #[test]
    fn the_word_at_a_time_alnum_mask_agrees_with_the_byte_test() {
        let mut bytes: Vec<u8> = (0..=255u8).collect();
        bytes.extend(b"Az09 _-`@[{/:\x7f\x80\xff SMEs, 5G+Industrial");
        for start in 0..bytes.len() {
            let chunk = &bytes[start..(start + 32).min(bytes.len())];
            let naive = chunk.iter().enumerate().fold(0u32, |m, (j, c)| {
                m | u32::from(c.is_ascii_alphanumeric()) << j
            });
            assert_eq!(alnum_mask(chunk), naive, "at {start}");
        }
    }

    #[test]
    fn plural_and_singular_variants() {
        assert_eq!(plural_variants("little giants"), ["little giant"]);
        assert_eq!(plural_variants("SME"), ["SMEs"]);
        assert_eq!(plural_variants("economy"), ["economies"]);
        assert_eq!(plural_variants("tax"), ["taxes"]);
        assert_eq!(plural_variants("新三样"), Vec::<String>::new());
    }
}
