//! Spelled-out numbers that are figures: a number word before a scale or percent word
//! ("one trillion yuan", "Ninety percent", "twenty-five percentage points"). Number words without
//! such a word ("three months") are not figures (docs/FIGURES.md).

use super::FigureKind;
use super::units::{CURRENCY_WORDS, next_is_alpha, word_at};
use aho_corasick::AhoCorasick;
use std::ops::Range;
use std::sync::LazyLock;

/// Words that make a spelled-out number a figure, with the kind they give.
const SPELLED_KEYS: [(&str, FigureKind); 7] = [
    ("percentage point", FigureKind::PercentagePoints),
    ("percent", FigureKind::Percent),
    ("per cent", FigureKind::Percent),
    ("trillion", FigureKind::Amount),
    ("billion", FigureKind::Amount),
    ("million", FigureKind::Amount),
    ("thousand", FigureKind::Amount),
];

/// One pass over the text finds every key word; "percentage point" is listed before "percent" so
/// that leftmost-first matching prefers it.
static SPELLED_FINDER: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder()
        .match_kind(aho_corasick::MatchKind::LeftmostFirst)
        .build(SPELLED_KEYS.iter().map(|(k, _)| k))
        .expect("key words build an automaton")
});

const NUMBER_WORDS: [&str; 28] = [
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
    "hundred",
];

/// Spelled-out numbers before a scale or percent word ("one trillion yuan", "Ninety percent"):
/// found from the key word backwards, so text without key words costs one substring search each.
pub(super) fn spelled(text: &str, first: usize, out: &mut Vec<(Range<usize>, FigureKind)>) {
    for m in SPELLED_FINDER.find_iter(text) {
        let (key, kind) = SPELLED_KEYS[m.pattern().as_usize()];
        let at = m.start();
        let mut end = at + key.len();
        if kind == FigureKind::PercentagePoints && text[end..].starts_with('s') {
            end += 1;
        }
        if next_is_alpha(text, end) || !text[..at].ends_with(' ') {
            continue;
        }
        let Some(start) = number_words_before(text, at - 1) else {
            continue;
        };
        if kind == FigureKind::Amount
            && let Some(n) = text[end..]
                .strip_prefix(' ')
                .and_then(|t| CURRENCY_WORDS.iter().find_map(|w| word_at(t, w)))
        {
            end += 1 + n;
        }
        let range = start..end;
        if !out[first..]
            .iter()
            .any(|(r, _)| r.start < range.end && range.start < r.end)
        {
            out.push((range, kind));
        }
    }
}

/// Start of the number words ("twenty", "twenty-five", "one hundred") that end at `end`.
fn number_words_before(text: &str, end: usize) -> Option<usize> {
    let is_number_word = |w: &str| {
        !w.is_empty()
            && w.split('-')
                .all(|part| NUMBER_WORDS.iter().any(|n| n.eq_ignore_ascii_case(part)))
    };
    let word_start = |e: usize| {
        text[..e]
            .rfind(|c: char| !(c.is_ascii_alphabetic() || c == '-'))
            .map_or(0, |i| {
                i + text[i..].chars().next().map_or(1, char::len_utf8)
            })
    };
    let start = word_start(end);
    if !is_number_word(&text[start..end]) {
        return None;
    }
    // "one hundred million": take the word before "hundred" too.
    if text[start..end].eq_ignore_ascii_case("hundred")
        && let Some(head) = text[..start].strip_suffix(' ')
    {
        let s2 = word_start(head.len());
        if is_number_word(&text[s2..head.len()]) {
            return Some(s2);
        }
    }
    Some(start)
}
