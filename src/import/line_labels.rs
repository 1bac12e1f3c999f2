//! Labels with no delimiter, alone on their line: `### Michele Bullock`, `**Reporter**`,
//! `PRIME MINISTER`, `主持人`. One such line proves nothing (a heading, a caption); the text is
//! read this way only when several of them recur and alternate like turns, with speech after
//! each. Then every line of the same markup between the first and the last recurring one is a
//! label too, so a reporter who asks once is still a speaker.

use super::names;
use super::text::Para;
use std::collections::HashMap;

/// The longest label accepted, in characters, and its most words.
const MAX_CHARS: usize = 48;
const MAX_WORDS: usize = 6;

/// Markup code of a label that leads its paragraph's text (`GUYON Thank you …`).
const LEADS: usize = 100;

/// Per paragraph, the label it holds and the text after it, if it is a line label of this text.
pub fn find(paras: &[Para]) -> Vec<Option<(&str, &str)>> {
    let shapes: Vec<Option<(usize, &str)>> = paras.iter().map(|p| shape(&p.text)).collect();
    // A label alone is followed by speech, not by another label-like line.
    let cands: Vec<Option<(usize, &str, &str)>> = (0..paras.len())
        .map(|i| {
            let next_is_speech = paras.get(i + 1).is_some() && shapes[i + 1].is_none();
            match shapes[i] {
                Some((m, l)) => next_is_speech.then_some((m, l, "")),
                None => caps_lead(&paras[i].text).map(|(l, rest)| (LEADS, l, rest)),
            }
        })
        .collect();
    // Each candidate's key, once: a text may hold many thousands.
    let keys: Vec<Option<String>> = cands
        .iter()
        .map(|c| c.map(|(_, l, _)| names::key(l)))
        .collect();
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for k in keys.iter().flatten() {
        *counts.entry(k).or_default() += 1;
    }
    let recurs = |i: usize| keys[i].as_deref().is_some_and(|k| counts[k] >= 2);
    let recurring: Vec<usize> = (0..cands.len()).filter(|&i| recurs(i)).collect();
    let none = vec![None; paras.len()];
    let distinct = counts.values().filter(|&&n| n >= 2).count();
    if distinct < 2 || recurring.len() < 4 {
        return none;
    }
    // Turns alternate: the same label twice in a row is the exception.
    let in_order: Vec<&String> = keys.iter().flatten().collect();
    let repeats = in_order.windows(2).filter(|w| w[0] == w[1]).count();
    if repeats * 3 > in_order.len() - 1 {
        return none;
    }
    let markup = most_common(
        recurring
            .iter()
            .filter_map(|&i| cands[i].map(|(m, _, _)| m)),
    );
    let (first, last) = (recurring[0], recurring[recurring.len() - 1]);
    let found: Vec<Option<(&str, &str)>> = cands
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let (m, label, rest) = (*c)?;
            (m == markup && (recurs(i) || (first..=last).contains(&i))).then_some((label, rest))
        })
        .collect();
    // Turns are dense: where labels are, a good share of the paragraphs holds one.
    let dense = 5 * found.iter().flatten().count() >= last + 1 - first;
    if dense { found } else { none }
}

/// `GUYON Thank you …`: a run of one to three upper-case words leading a paragraph, then text
/// that starts a sentence; the label and that text.
fn caps_lead(text: &str) -> Option<(&str, &str)> {
    let mut end = 0;
    let mut words = 0;
    for w in text.split(' ') {
        let caps = w.chars().count() >= 2
            && w.chars()
                .all(|c| c.is_uppercase() || matches!(c, '-' | '\'' | '’'))
            && w.chars().any(char::is_alphabetic);
        if !caps || words == 3 {
            break;
        }
        words += 1;
        end += w.len() + 1;
    }
    if words == 0 || end > 32 {
        return None;
    }
    // The words were split at single spaces, so `end` is a char boundary or the text's end.
    let label = text.get(..end - 1)?.trim();
    let rest = text.get(end..)?.trim_start();
    let first_word = rest.split(' ').next()?;
    let starts_sentence = first_word
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c == '(')
        && first_word.chars().any(char::is_lowercase);
    starts_sentence.then_some((label, rest))
}

/// The markup (heading level, 0 for none) and the label of a line that could be a line label.
fn shape(text: &str) -> Option<(usize, &str)> {
    let hashes = text.chars().take_while(|&c| c == '#').count();
    let rest = if hashes > 0 {
        text[hashes..].strip_prefix(' ')?.trim()
    } else {
        text.trim()
    };
    let rest = rest
        .strip_prefix("**")
        .and_then(|r| r.strip_suffix("**"))
        .unwrap_or(rest)
        .trim();
    name_like(rest).then_some((hashes, rest))
}

/// Whether `s` could name a speaker: a few capitalised words or a short run of Chinese, with no
/// sentence punctuation, digits or delimiter (a delimited label is found by [`super::labels`]).
fn name_like(s: &str) -> bool {
    let chars = s.chars().count();
    if chars == 0 || chars > MAX_CHARS || names::names_event(s) {
        return false;
    }
    if s.chars().any(|c| {
        c.is_ascii_digit()
            || matches!(
                c,
                '.' | '?'
                    | '!'
                    | ','
                    | ';'
                    | ':'
                    | '"'
                    | '“'
                    | '”'
                    | '。'
                    | '？'
                    | '！'
                    | '，'
                    | '；'
                    | '：'
                    | '、'
                    | '['
                    | ']'
                    | '|'
                    | '<'
                    | '>'
                    | '='
                    | '_'
                    | '*'
            )
    }) {
        return false;
    }
    if s.chars()
        .all(|c| super::labels::is_han(c) || c == '·' || c == ' ')
    {
        return chars <= 12;
    }
    let words: Vec<&str> = s.split(' ').filter(|w| !w.is_empty()).collect();
    words.len() <= MAX_WORDS
        && words.iter().all(|w| {
            let first = w.chars().next().unwrap_or(' ');
            first.is_uppercase()
                || first == '('
                || matches!(
                    *w,
                    "von" | "van" | "de" | "der" | "da" | "of" | "the" | "and" | "bin" | "al"
                )
        })
}

/// The value seen most often (the first of equals); 0 when there is none.
fn most_common(values: impl Iterator<Item = usize>) -> usize {
    let mut counts: Vec<(usize, usize)> = Vec::new();
    for v in values {
        match counts.iter_mut().find(|(k, _)| *k == v) {
            Some((_, n)) => *n += 1,
            None => counts.push((v, 1)),
        }
    }
    counts
        .iter()
        .max_by_key(|&&(k, n)| (n, std::cmp::Reverse(k)))
        .map_or(0, |&(k, _)| k)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paras(text: &str) -> Vec<Para> {
        crate::import::text::paragraphs(&crate::import::text::lines(text).0, true)
    }

    fn labels(text: &str) -> Vec<Option<String>> {
        let p = paras(text);
        find(&p)
            .into_iter()
            .map(|l| l.map(|(l, _)| l.to_string()))
            .collect()
    }

    #[test]
    fn name_headings_that_recur_and_alternate_are_labels() {
        let text = "Transcript\n\n### Jane Roe\n\nGood afternoon. The board met.\n\n### Sam Poe\n\nSam Poe from the Daily. Why now?\n\n### Jane Roe\n\nBecause the data moved.\n\n### Ann Lee\n\nAnd jobs?\n\n### Jane Roe\n\nJobs held up.\n\n### Sam Poe\n\nThanks.\n\n### Jane Roe\n\nThank you.\n\n### Board Minutes\n\nPublished in two weeks.";
        let got = labels(text);
        assert_eq!(got[1].as_deref(), Some("Jane Roe"));
        assert_eq!(got[3].as_deref(), Some("Sam Poe"));
        assert_eq!(
            got[7].as_deref(),
            Some("Ann Lee"),
            "asks once, between recurring labels"
        );
        assert_eq!(
            got[15], None,
            "a heading after the last turn is not a speaker"
        );
        assert_eq!(got[0], None);
    }

    #[test]
    fn headings_of_an_article_are_not_labels() {
        let text = "## Background\n\nThe plan began in May.\n\n## Reaction\n\nMarkets rose.\n\n## Background\n\nMore history.\n\n## Outlook\n\nGrowth is expected.";
        assert!(labels(text).iter().all(Option::is_none));
    }

    #[test]
    fn plain_lines_and_chinese_roles_count_too() {
        let text = "主持人\n\n请提问。\n\n记者\n\n请问今年的目标是什么？\n\n发言人\n\n目标不变。\n\n记者\n\n谢谢。\n\n发言人\n\n不客气。";
        let got = labels(text);
        assert_eq!(got[2].as_deref(), Some("记者"));
        assert_eq!(got[4].as_deref(), Some("发言人"));
    }

    #[test]
    fn capitals_leading_a_paragraph_recur_as_labels() {
        let text = "TVNZ interview\n\nANN Thank you for joining us.\n\nBO It is a pleasure.\n\nANN Why now?\n\nBO Because it is time.\n\nANN Okay.\n\nBO Good.";
        let p = paras(text);
        let got = find(&p);
        assert_eq!(got[1], Some(("ANN", "Thank you for joining us.")));
        assert_eq!(got[4], Some(("BO", "Because it is time.")));
        assert_eq!(got[0], None);
        assert_eq!(caps_lead("MEDIA TRANSCRIPT"), None);
        assert_eq!(caps_lead("ÉTÉ Été"), Some(("ÉTÉ", "Été")));
        let report = "US Officials said so.\n\nThe talks ran late.\n\nNATO Ministers met.\n\nIt rained.\n\nUS Forces left.\n\nMore talks followed.\n\nThe end came.";
        assert!(find(&paras(report)).iter().all(Option::is_none));
    }

    #[test]
    fn sentences_are_not_names() {
        assert!(!name_like("The board met."));
        assert!(!name_like("In 2024"));
        assert!(name_like("Franz von Holzhausen"));
        assert!(!name_like("Press Conference"));
    }
}
