//! Word wrapping of one paragraph to a number of columns, by grapheme clusters and display widths.
//!
//! Lines are returned as byte ranges of the text, so a wrapped document holds no copy of its text.
//! Lines break at spaces (which are dropped at the break), and anywhere between wide (CJK)
//! characters except before closing and after opening punctuation. A word longer than the line is
//! split at a grapheme boundary. Every line holds at least one grapheme, so any width, even 1,
//! makes progress.

use std::ops::Range;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// The columns a grapheme takes on screen, as ratatui's buffer counts them (control characters
/// are drawn as U+FFFD, one column).
pub fn grapheme_width(g: &str) -> usize {
    if g.len() == 1 {
        return 1;
    }
    if g.chars().any(crate::safe_text::is_unsafe) {
        return 1;
    }
    // Halfwidth sound marks are zero-width in Unicode but take a cell in terminals (and in ratatui).
    g.width()
        + g.chars()
            .filter(|c| matches!(c, '\u{FF9E}' | '\u{FF9F}'))
            .count()
}

/// Wrap `text` to lines of at most `width` columns (a single grapheme wider than the line gets a
/// line of its own). An empty or all-space text gives one empty line, so every paragraph shows.
pub fn wrap(text: &str, width: usize, out: &mut Vec<Range<usize>>) {
    let before = out.len();
    let width = width.max(1);
    let untrimmed = text.starts_with(' ') || text.ends_with(' ');
    if text.len() <= width && !untrimmed {
        // No character takes more columns than bytes, so the text fits: one line (headings, short
        // paragraphs) with no grapheme segmentation.
        if !text.is_empty() {
            out.push(0..text.len());
        }
    } else if text.is_ascii() {
        wrap_ascii(text.as_bytes(), width, out);
    } else {
        wrap_unicode(text, width, out);
    }
    if out.len() == before {
        out.push(0..0);
    }
}

// Most briefings are English: on ASCII a byte is a grapheme of one column, and a line break is a
// backwards search for a space from the line's last column, so wrapping is linear and cheap.
fn wrap_ascii(text: &[u8], width: usize, out: &mut Vec<Range<usize>>) {
    let n = text.len();
    let skip = |mut i: usize| {
        while i < n && text[i] == b' ' {
            i += 1;
        }
        i
    };
    let trim = |start: usize, mut end: usize| {
        while end > start && text[end - 1] == b' ' {
            end -= 1;
        }
        end
    };
    let mut pos = skip(0);
    while pos < n {
        if n - pos <= width {
            out.push(pos..trim(pos, n));
            return;
        }
        let limit = pos + width;
        if text[limit] == b' ' {
            out.push(pos..trim(pos, limit));
            pos = skip(limit);
        } else if let Some(k) = memchr::memrchr(b' ', &text[pos..limit]) {
            // text[pos] is not a space, so k > 0 and the line is not empty.
            out.push(pos..trim(pos, pos + k));
            pos = skip(pos + k);
        } else {
            out.push(pos..limit);
            pos = limit;
        }
    }
}

/// Characters that must not start a line (closing punctuation), as in Chinese typesetting.
fn no_break_before(g: &str) -> bool {
    matches!(
        g.chars().next(),
        Some(
            '，' | '。'
                | '、'
                | '；'
                | '：'
                | '？'
                | '！'
                | '）'
                | '」'
                | '』'
                | '》'
                | '〉'
                | '】'
                | '”'
                | '’'
                | '…'
                | '—'
                | ','
                | '.'
                | ';'
                | ':'
                | '?'
                | '!'
                | ')'
                | '%'
                | '％'
        )
    )
}

/// Characters that must not end a line (opening punctuation).
fn no_break_after(g: &str) -> bool {
    matches!(
        g.chars().next_back(),
        Some('（' | '「' | '『' | '《' | '〈' | '【' | '“' | '‘' | '(')
    )
}

/// Whether a character is always a grapheme cluster of its own, whatever surrounds it: printable
/// ASCII and Latin-1, general punctuation, and the CJK characters, punctuation and full-width
/// forms that make up Chinese text. (Combining marks, joiners, Hangul jamo and the half-width
/// sound marks are left out: they join with their neighbours.)
fn standalone(c: char) -> bool {
    matches!(c,
        ' '..='~'
        | '\u{A0}'..='\u{FF}'
        | '\u{2010}'..='\u{2027}'
        | '\u{2030}'..='\u{205E}'
        | '\u{3000}'..='\u{3029}'
        | '\u{3030}'..='\u{303F}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{FF01}'..='\u{FF9D}'
        | '\u{FFA0}'..='\u{FFEF}')
}

fn wrap_unicode(text: &str, width: usize, out: &mut Vec<Range<usize>>) {
    // Grapheme segmentation is most of the cost of wrapping Chinese; where every character is a
    // cluster of its own, characters are the clusters.
    if text.chars().all(standalone) {
        wrap_clusters(text, chars(text), width, out);
    } else {
        wrap_clusters(text, graphemes(text), width, out);
    }
}

/// Each grapheme of `text` with its byte offset and width.
fn graphemes(text: &str) -> impl Iterator<Item = (usize, &str, usize)> {
    text.grapheme_indices(true)
        .map(|(i, g)| (i, g, grapheme_width(g)))
}

/// Each character of `text` as a cluster, for text whose characters are all [`standalone`].
fn chars(text: &str) -> impl Iterator<Item = (usize, &str, usize)> {
    text.char_indices().map(|(i, c)| {
        let w = if crate::safe_text::is_unsafe(c) {
            1
        } else {
            c.width().unwrap_or(0)
        };
        (i, &text[i..i + c.len_utf8()], w)
    })
}

fn wrap_clusters<'t>(
    text: &'t str,
    clusters: impl Iterator<Item = (usize, &'t str, usize)>,
    width: usize,
    out: &mut Vec<Range<usize>>,
) {
    // The current line starts at `start` and is `col` columns wide so far. `brk` is the last place it
    // may end: (end of the line, start of the next, columns of the current line up to that start).
    let mut start: Option<usize> = None;
    let mut col = 0;
    let mut brk: Option<(usize, usize, usize)> = None;
    let mut prev: Option<(&str, usize)> = None; // previous grapheme and its width
    for (i, g, w) in clusters {
        if g == " " {
            if let Some(s) = start {
                brk = match brk {
                    // A run of spaces: the line ends at its first space, the next starts after it.
                    Some((end, resume, _)) if resume == i && end < i => Some((end, i + 1, col + 1)),
                    _ if s < i => Some((i, i + 1, col + 1)),
                    other => other,
                };
                col += 1;
            }
            prev = Some((g, w));
            continue;
        }
        let Some(s) = start else {
            start = Some(i);
            col = w;
            prev = Some((g, w));
            continue;
        };
        if let Some((p, pw)) = prev
            && p != " "
            && (w >= 2 || pw >= 2)
            && !no_break_before(g)
            && !no_break_after(p)
        {
            brk = Some((i, i, col));
        }
        let mut s = s;
        if col + w > width {
            match brk.take() {
                Some((end, resume, at)) if end > s => {
                    out.push(s..end);
                    s = resume;
                    col -= at;
                }
                _ => {
                    out.push(s..i);
                    s = i;
                    col = 0;
                }
            }
            // What follows the break may itself be a word longer than the line.
            if col > 0 && col + w > width {
                out.push(s..i);
                s = i;
                col = 0;
            }
            start = Some(s);
        }
        col += w;
        prev = Some((g, w));
    }
    if let Some(s) = start {
        let end = text.trim_end_matches(' ').len();
        if end > s {
            out.push(s..end);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str, width: usize) -> Vec<&str> {
        let mut out = Vec::new();
        wrap(text, width, &mut out);
        out.into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn words_wrap_at_spaces_and_spaces_at_breaks_vanish() {
        assert_eq!(
            lines("The added value rose by 9.6% year on year.", 16),
            ["The added value", "rose by 9.6%", "year on year."]
        );
        assert_eq!(lines("  lead   and  trail  ", 5), ["lead", "and", "trail"]);
        assert_eq!(lines("exactly five", 5), ["exact", "ly", "five"]);
    }

    #[test]
    fn a_word_longer_than_the_line_is_split() {
        assert_eq!(
            lines("a supercalifragilistic b", 6),
            ["a", "superc", "alifra", "gilist", "ic b"]
        );
    }

    #[test]
    fn width_one_and_empty_text() {
        assert_eq!(lines("ab c", 1), ["a", "b", "c"]);
        assert_eq!(lines("", 10), [""]);
        assert_eq!(lines("   ", 10), [""]);
        assert_eq!(lines("中文", 1), ["中", "文"]);
        assert_eq!(lines("é x", 0), ["é", "x"]);
    }

    #[test]
    fn chinese_breaks_between_characters_but_not_before_closing_punctuation() {
        assert_eq!(
            lines("上半年，规模以上工业增加值同比增长3.4%。", 10),
            ["上半年，规", "模以上工业", "增加值同比", "增长3.4%。"]
        );
        // "，" may not start a line, so "年" moves down with it.
        assert_eq!(lines("上半年，规模", 6), ["上半", "年，规", "模"]);
        assert_eq!(lines("他说：“很好。”", 8), ["他说：", "“很好。”"]);
    }

    #[test]
    fn mixed_scripts_and_combining_marks_keep_graphemes_whole() {
        // "e\u{301}" is one grapheme of one column.
        assert_eq!(lines("cafe\u{301} ok", 4), ["cafe\u{301}", "ok"]);
        assert_eq!(
            lines("GDP增长 5.2% 左右", 6),
            ["GDP增", "长", "5.2%", "左右"]
        );
    }

    fn widths(text: &str, width: usize) -> Vec<usize> {
        lines(text, width)
            .iter()
            .map(|l| l.graphemes(true).map(grapheme_width).sum())
            .collect()
    }

    #[test]
    fn no_line_is_wider_than_the_width_unless_one_grapheme() {
        let text =
            "新能源汽车 production reached 2.661 million, 1.2 times the figure of 上年同期。";
        for width in 1..40 {
            for (l, w) in lines(text, width).iter().zip(widths(text, width)) {
                assert!(
                    w <= width || l.graphemes(true).count() == 1,
                    "{width}: {l:?}"
                );
            }
        }
    }

    #[test]
    fn standalone_characters_never_join_their_neighbours() {
        let neighbours = [
            'a', ' ', '~', '中', '，', '\u{3000}', 'é', '—', '\u{FF01}', '\u{A0}', '\u{AD}',
        ];
        let all = (0..=0xFFFFu32)
            .filter_map(char::from_u32)
            .filter(|&c| standalone(c));
        let mut pair = String::new();
        for c in all {
            let alone = c.to_string();
            assert_eq!(
                chars(&alone).next().map(|x| x.2),
                Some(grapheme_width(&alone)),
                "{c:?}"
            );
            for d in neighbours.into_iter().chain([c]) {
                for (x, y) in [(c, d), (d, c)] {
                    pair.clear();
                    pair.push(x);
                    pair.push(y);
                    assert_eq!(pair.graphemes(true).count(), 2, "{pair:?}");
                }
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn ascii_fast_path_agrees_with_the_general_path(text in "[a-z .,]{0,80}", width in 1usize..30) {
            let mut fast = Vec::new();
            wrap_ascii(text.as_bytes(), width, &mut fast);
            let mut slow = Vec::new();
            wrap_unicode(&text, width, &mut slow);
            proptest::prop_assert_eq!(fast, slow);
        }

        #[test]
        fn the_character_path_agrees_with_the_grapheme_path(
            text in "[a-z 0-9.,%中文年月，。、“”《》—…％：？（）\u{3000}\u{A0}é]{0,60}",
            width in 1usize..30,
        ) {
            proptest::prop_assert!(text.chars().all(standalone));
            let mut fast = Vec::new();
            wrap_clusters(&text, chars(&text), width, &mut fast);
            let mut slow = Vec::new();
            wrap_clusters(&text, graphemes(&text), width, &mut slow);
            proptest::prop_assert_eq!(fast, slow);
        }

        #[test]
        fn the_fits_on_one_line_path_agrees_with_the_general_path(
            text in "[a-z 中文，é\u{301}]{0,12}",
            width in 1usize..40,
        ) {
            let mut fast = Vec::new();
            wrap(&text, width, &mut fast);
            let mut slow = Vec::new();
            wrap_unicode(&text, width, &mut slow);
            if slow.is_empty() {
                slow.push(0..0);
            }
            proptest::prop_assert_eq!(fast, slow);
        }

        #[test]
        fn wrapping_keeps_every_non_space_character_in_order(
            text in "[a-z 中文，。é\u{301}]{0,60}",
            width in 1usize..12,
        ) {
            let got: String = lines(&text, width).concat().replace(' ', "");
            proptest::prop_assert_eq!(got, text.replace(' ', ""));
        }
    }
}
