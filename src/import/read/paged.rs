//! Text laid out on pages: a PDF's text layer, or text copied out of one. Recognised from the
//! text itself, never declared: form feeds, `Page 3 of 28` footers, lines that repeat at the top
//! or bottom of page after page, double spacing.
//!
//! Running headers and footers and bare page numbers go; double spacing is closed up; lines
//! hard-wrapped at the page width are joined into paragraphs again (a paragraph ends at a short
//! line that ends a sentence, or where a speaker label starts a line), with words hyphenated
//! across a line break made whole; letter-spaced words (`Q U E S T I O N :`) are closed up.

use super::{Dropped, Format, Place, Read};
use regex::Regex;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

static PAGE_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(page\s*)?#{1,4}(\s*(of|/)\s*#{1,4})?$|^[-–—]\s*#{1,4}\s*[-–—]$|^#{1,4}\s*(页|頁)$|^第\s*#{1,4}\s*(页|頁)")
        .expect("page number")
});

/// An upper-case speaker label at the start of a line (`CHAIR POWELL.`, `MR. KIRBY:`, `Q.`).
static LABEL_START: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(\p{Lu}[\p{Lu}\d .'’\-]{0,40}\p{Lu}|Q|A)[.:：](\s|$)").expect("label start")
});

/// Clean a read text in place if it is paged; close up letter-spaced words in any text.
pub fn clean(read: &mut Read) {
    let pdf = read.format == Format::Pdf;
    if !pdf && !looks_paged(&read.text) {
        if let Some(closed) = close_letter_spacing_all(&read.text) {
            read.text = closed;
        }
        return;
    }
    let mut lines: Vec<(String, Place)> = read
        .text
        .split('\n')
        .enumerate()
        .map(|(i, l)| {
            let place = if read.places.is_empty() {
                Place {
                    page: None,
                    line: i as u32 + 1,
                }
            } else {
                read.places[i.min(read.places.len() - 1)]
            };
            (l.trim_end_matches('\r').to_string(), place)
        })
        .collect();
    if lines.last().is_some_and(|(l, _)| l.is_empty()) {
        lines.pop();
    }
    let pages = split_pages(&mut lines);
    drop_furniture(&mut lines, &pages, &mut read.dropped);
    lines.retain(|(l, _)| l != "\u{c}");
    let double = double_spaced(&lines);
    if double {
        lines.retain(|(l, _)| !l.is_empty());
        read.dropped.push(Dropped {
            at: Place::default(),
            what: "double spacing closed up".into(),
        });
    }
    let (text, places) = if double || pdf {
        rejoin(&lines)
    } else {
        let mut text = String::new();
        let mut places = Vec::new();
        for (l, p) in &lines {
            text.push_str(l);
            text.push('\n');
            places.push(*p);
        }
        (text, places)
    };
    read.text = close_letter_spacing_all(&text).unwrap_or(text);
    read.places = places;
}

/// Form feeds, or at least two page-number lines.
fn looks_paged(text: &str) -> bool {
    if text.contains('\u{c}') {
        return true;
    }
    let mut footers = 0;
    for line in text.lines() {
        let t = line.trim();
        if t.len() <= 20
            && t.bytes().any(|b| b.is_ascii_digit())
            && PAGE_NUMBER.is_match(&digits_as_hash(t))
            && !t.bytes().all(|b| b.is_ascii_digit())
        {
            footers += 1;
            if footers >= 2 {
                return true;
            }
        }
    }
    false
}

/// Split at form feeds (removed from the text); returns the index where each page starts.
fn split_pages(lines: &mut [(String, Place)]) -> Vec<usize> {
    let mut starts = vec![0];
    for (i, (l, _)) in lines.iter_mut().enumerate() {
        if l.contains('\u{c}') {
            let before_feed = l.split('\u{c}').next().unwrap_or("").trim().is_empty();
            *l = l.replace('\u{c}', "");
            starts.push(if before_feed { i } else { i + 1 });
        }
    }
    starts.dedup();
    starts
}

fn digits_as_hash(s: &str) -> String {
    let collapsed = s.split_whitespace().collect::<Vec<_>>().join(" ");
    collapsed
        .chars()
        .map(|c| if c.is_ascii_digit() { '#' } else { c })
        .collect()
}

/// Running headers and footers (the same line, numbers aside, near the top or bottom of most
/// pages) and page numbers.
fn drop_furniture(lines: &mut [(String, Place)], pages: &[usize], dropped: &mut Vec<Dropped>) {
    let mut ends: Vec<usize> = pages[1..].to_vec();
    ends.push(lines.len());
    let mut edges: Vec<usize> = Vec::new();
    let mut seen: HashMap<String, HashSet<usize>> = HashMap::new();
    for (p, (&start, &end)) in pages.iter().zip(&ends).enumerate() {
        let nonblank: Vec<usize> = (start..end.max(start))
            .filter(|&i| !lines[i].0.trim().is_empty())
            .collect();
        let near: Vec<usize> = if nonblank.len() <= 8 {
            nonblank
        } else {
            nonblank[..4]
                .iter()
                .chain(&nonblank[nonblank.len() - 4..])
                .copied()
                .collect()
        };
        for i in near {
            seen.entry(digits_as_hash(lines[i].0.trim()))
                .or_default()
                .insert(p);
            edges.push(i);
        }
    }
    let min_pages = (pages.len() * 2).div_ceil(5).max(2);
    let repeated =
        |key: &str| pages.len() >= 3 && seen.get(key).is_some_and(|s| s.len() >= min_pages);
    let edge_set: HashSet<usize> = edges.into_iter().collect();
    for (i, (l, place)) in lines.iter_mut().enumerate() {
        let t = l.trim();
        if t.is_empty() || t.chars().count() > 160 {
            continue;
        }
        let key = digits_as_hash(t);
        let why = if PAGE_NUMBER.is_match(&key) {
            "page number"
        } else if edge_set.contains(&i) && repeated(&key) && !LABEL_START.is_match(t) {
            "running header or footer"
        } else {
            continue;
        };
        dropped.push(Dropped {
            at: *place,
            what: format!("{why}: {}", super::super::text::excerpt(t, 60)),
        });
        // Marked, then taken out whole: a footer between two halves of a paragraph must not
        // leave a blank line that breaks it.
        l.clear();
        l.push('\u{c}');
    }
}

/// Most lines followed by exactly one blank line, and most lines ending in mid-sentence: a
/// hard-wrapped text printed with a blank line between lines.
fn double_spaced(lines: &[(String, Place)]) -> bool {
    let mut nonblank = 0usize;
    let mut single_gap = 0usize;
    let mut open = 0usize;
    for (i, (l, _)) in lines.iter().enumerate() {
        if l.trim().is_empty() {
            continue;
        }
        nonblank += 1;
        let gap = lines[i + 1..]
            .iter()
            .take_while(|(n, _)| n.trim().is_empty())
            .count();
        if gap == 1 {
            single_gap += 1;
        }
        if !ends_sentence(l) {
            open += 1;
        }
    }
    nonblank >= 6 && single_gap * 10 >= nonblank * 7 && open * 2 >= nonblank
}

fn ends_sentence(l: &str) -> bool {
    l.trim_end().ends_with([
        '.', '?', '!', '"', '”', '’', ')', ']', ':', '。', '？', '！', '：', '」',
    ])
}

/// Join hard-wrapped lines into paragraphs, one line each, separated by blank lines. A line
/// ends its paragraph when it ends a sentence and the next line's first word would have fitted
/// after it, or when the next line is indented more than the text's usual margin or starts with
/// a speaker label.
fn rejoin(lines: &[(String, Place)]) -> (String, Vec<Place>) {
    let mut widths: Vec<usize> = lines
        .iter()
        .map(|(l, _)| l.trim().chars().count())
        .filter(|&n| n > 0)
        .collect();
    widths.sort_unstable();
    let width = widths.get(widths.len() * 19 / 20).copied().unwrap_or(0);
    let margin = usual_margin(lines);
    let vocabulary: HashSet<String> = lines
        .iter()
        .flat_map(|(l, _)| l.split(|c: char| !c.is_alphabetic()))
        .filter(|w| w.len() > 3)
        .map(str::to_lowercase)
        .collect();
    let mut text = String::new();
    let mut places = Vec::new();
    let mut para = String::new();
    let mut para_place = Place::default();
    let mut prev: Option<&str> = None;
    let flush = |para: &mut String, place: Place, text: &mut String, places: &mut Vec<Place>| {
        if para.is_empty() {
            return;
        }
        if !text.is_empty() {
            text.push('\n');
            places.push(place);
        }
        text.push_str(para.trim_end());
        text.push('\n');
        places.push(place);
        para.clear();
    };
    for (l, place) in lines {
        let t = l.trim();
        if t.is_empty() {
            flush(&mut para, para_place, &mut text, &mut places);
            prev = None;
            continue;
        }
        let starts = match prev {
            None => true,
            Some(p) => {
                // A dash after a space or a dash of its own is an interruption; `health-` is a
                // word broken at the line's end.
                let closed = ends_sentence(p) || p.ends_with(['—', '–', '…']) || p.ends_with(" -");
                let first_word = t.split(' ').next().map_or(0, |w| w.chars().count());
                let fitted = (p.chars().count() + 1 + first_word) * 100 < width * 92;
                let indented = indent(l) > margin + 2;
                closed && (fitted || indented || LABEL_START.is_match(t))
            }
        };
        if starts {
            flush(&mut para, para_place, &mut text, &mut places);
            para_place = *place;
            para.push_str(t);
        } else {
            join_line(&mut para, t, &vocabulary);
        }
        prev = Some(t);
    }
    flush(&mut para, para_place, &mut text, &mut places);
    (text, places)
}

fn indent(l: &str) -> usize {
    l.len() - l.trim_start_matches(' ').len()
}

/// The left margin most lines start at.
fn usual_margin(lines: &[(String, Place)]) -> usize {
    let mut counts: HashMap<usize, usize> = HashMap::new();
    for (l, _) in lines.iter().filter(|(l, _)| !l.trim().is_empty()) {
        *counts.entry(indent(l)).or_default() += 1;
    }
    counts
        .into_iter()
        .max_by_key(|&(i, n)| (n, std::cmp::Reverse(i)))
        .map_or(0, |(i, _)| i)
}

/// Append a wrapped line: a word hyphenated across the break is made whole when the whole word
/// is used elsewhere in the text; a real compound (`health-care`) keeps its hyphen.
fn join_line(para: &mut String, next: &str, vocabulary: &HashSet<String>) {
    let starts_lower = next.chars().next().is_some_and(char::is_lowercase);
    if let Some(stem) = para.strip_suffix('-')
        && stem.chars().last().is_some_and(char::is_alphabetic)
        && starts_lower
    {
        let head: String = stem
            .chars()
            .rev()
            .take_while(|c| c.is_alphabetic())
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        let tail: String = next.chars().take_while(|c| c.is_alphabetic()).collect();
        if vocabulary.contains(&format!("{head}{tail}").to_lowercase()) {
            para.pop();
        }
        para.push_str(next);
        return;
    }
    let cjk =
        |c: char| ('\u{3000}'..='\u{9fff}').contains(&c) || ('\u{ff00}'..='\u{ffef}').contains(&c);
    let glue = para.chars().last().is_some_and(cjk) && next.chars().next().is_some_and(cjk);
    if !glue && !para.ends_with(' ') {
        para.push(' ');
    }
    para.push_str(next);
}

/// Close up letter-spaced words in every line; `None` when there are none.
fn close_letter_spacing_all(text: &str) -> Option<String> {
    if !has_letter_spacing(text.as_bytes()) {
        return None;
    }
    // Only the lines that have it are rebuilt; the rest are copied.
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        if has_letter_spacing(line.as_bytes()) {
            out.push_str(&close_letter_spacing(line));
        } else {
            out.push_str(line);
        }
    }
    Some(out)
}

/// Quick test for `X Y Z W` (four upper-case ASCII letters, each alone), linear in the text.
fn has_letter_spacing(b: &[u8]) -> bool {
    let mut run = 0;
    let mut i = 0;
    while i + 1 < b.len() {
        let lone = b[i].is_ascii_uppercase()
            && b[i + 1] == b' '
            && (i == 0 || !b[i - 1].is_ascii_alphanumeric());
        if lone {
            run += 1;
            if run >= 3 && b.get(i + 2).is_some_and(u8::is_ascii_uppercase) {
                return true;
            }
            i += 2;
        } else {
            run = 0;
            i += 1;
        }
    }
    false
}

/// `Q U E S T I O N :` → `QUESTION:`; `P R O C E E D I N G S` → `PROCEEDINGS`. Only runs of
/// four or more single capitals are closed, so `I A M` stays.
fn close_letter_spacing(line: &str) -> String {
    let tokens: Vec<&str> = line.split(' ').collect();
    let single = |t: &str| t.len() == 1 && t.as_bytes()[0].is_ascii_uppercase();
    let mut out: Vec<String> = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let mut j = i;
        while j < tokens.len() && single(tokens[j]) {
            j += 1;
        }
        if j - i >= 4 {
            let mut word: String = tokens[i..j].concat();
            // A delimiter spaced off the word (`N :`) belongs to it.
            if let Some(&d) = tokens.get(j)
                && matches!(d, ":" | "." | "：")
            {
                word.push_str(d);
                j += 1;
            }
            out.push(word);
            i = j;
        } else {
            out.push(tokens[i].to_string());
            i += 1;
        }
    }
    out.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::read::{ContainerMeta, Read};

    fn text_read(s: &str, format: Format) -> Read {
        Read {
            format,
            text: s.into(),
            places: Vec::new(),
            meta: ContainerMeta::default(),
            dropped: Vec::new(),
            warnings: Vec::new(),
        }
    }

    #[test]
    fn headers_footers_and_page_numbers_go_and_lines_rejoin() {
        let mut pages = Vec::new();
        for (p, topic) in ["housing", "energy", "trade", "credit"].iter().enumerate() {
            pages.push(format!(
                "March 3, 2020   Chair Powell's Press Conference   FINAL\n\nPage {} of 4\n\n\
                 CHAIR POWELL.  The economy is strong and the {topic} market is\n\n\
                 solid, and we are watching {topic} and the health-\n\ncare sector for {topic} and the manu-\n\n\
                 facturing sector with manufacturing data on {topic}.\n\n\
                 QUESTION.  Thank you for the words on {topic}.\n\n",
                p + 1
            ));
        }
        let mut r = text_read(&pages.join("\u{c}"), Format::Text);
        clean(&mut r);
        let paras: Vec<&str> = r.text.split("\n\n").map(str::trim).collect();
        assert_eq!(
            paras[0],
            "CHAIR POWELL.  The economy is strong and the housing market is solid, and we are \
             watching housing and the health-care sector for housing and the manufacturing sector with manufacturing data \
             on housing."
        );
        assert_eq!(paras[1], "QUESTION.  Thank you for the words on housing.");
        assert_eq!(paras.len(), 8, "{paras:?}");
        assert!(!r.text.contains("FINAL") && !r.text.contains("Page"));
        assert!(
            r.dropped
                .iter()
                .any(|d| d.what.starts_with("running header"))
        );
        assert_eq!(r.places[0].line, 5);
    }

    #[test]
    fn letter_spacing_is_closed_up() {
        assert_eq!(
            close_letter_spacing("Q U E S T I O N : Why?"),
            "QUESTION: Why?"
        );
        assert_eq!(close_letter_spacing("P R O C E E D I N G S"), "PROCEEDINGS");
        assert_eq!(close_letter_spacing("I A M here"), "I A M here");
        let mut r = text_read("A plain\nQ U E S T I O N : x\n", Format::Text);
        clean(&mut r);
        assert_eq!(r.text, "A plain\nQUESTION: x\n");
    }

    #[test]
    fn plain_text_is_left_alone() {
        let s = "MR. A: Hello.\n\nQ: Why?\n\nMR. A: Because. It is 2020.\n";
        let mut r = text_read(s, Format::Text);
        clean(&mut r);
        assert_eq!(r.text, s);
        assert!(r.places.is_empty());
    }
}
