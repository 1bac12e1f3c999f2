//! Incremental search over the paragraphs of a briefing: plain text, smart case (case-insensitive
//! unless the query has a capital, as in less and vim), every match kept as a byte range of its
//! paragraph so the transcript can highlight it.

use crate::model::{Anchor, Briefing};
use regex::RegexBuilder;
use std::ops::Range;

/// One occurrence of the query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Match {
    pub anchor: Anchor,
    pub range: Range<usize>,
}

/// Whether a query is matched ignoring case: only when it has no capital letter.
pub fn ignores_case(query: &str) -> bool {
    !query.chars().any(char::is_uppercase)
}

/// Characters a typed `'` or `"` stands for (and each of them for the others): transcripts use
/// typographic apostrophes and quotes that no keyboard types.
const APOSTROPHES: &str = "'‘’‚‛ʼ′";
const QUOTES: &str = "\"“”„‟″«»";

/// The regex for a literal query, with apostrophes and quotes folded.
fn pattern(query: &str) -> String {
    let mut out = String::new();
    for c in query.chars() {
        match [APOSTROPHES, QUOTES]
            .into_iter()
            .find(|set| set.contains(c))
        {
            Some(set) => {
                out.push('[');
                out.push_str(&regex::escape(set));
                out.push(']');
            }
            None => out.push_str(&regex::escape(c.encode_utf8(&mut [0; 4]))),
        }
    }
    out
}

/// Every match of `query` in document order.
pub fn find_all(b: &Briefing, query: &str) -> Vec<Match> {
    if query.is_empty() {
        return Vec::new();
    }
    // A literal pattern: regex gives Unicode case folding with byte ranges into the original
    // text, which lowercasing both sides would not (some letters change length).
    let Ok(re) = RegexBuilder::new(&pattern(query))
        .case_insensitive(ignores_case(query))
        .build()
    else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (anchor, p) in b.paragraphs() {
        out.extend(re.find_iter(&p.text).map(|m| Match {
            anchor,
            range: m.range(),
        }));
    }
    out
}

/// Where `n` and `N` start from: a match (they step past it), or the place before match `i`
/// (`n` goes to match `i`, `N` to match `i - 1`), as at the top of the screen in less.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StepFrom {
    Match(usize),
    Before(usize),
}

/// A search being typed or done: the query, its matches and which one is current.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Search {
    pub query: String,
    pub matches: Vec<Match>,
    pub current: Option<usize>,
}

impl Search {
    /// Find `query` and make current the first match at or after `from` (wrapping).
    pub fn run(b: &Briefing, query: &str, from: Anchor) -> Search {
        let matches = find_all(b, query);
        let current = if matches.is_empty() {
            None
        } else {
            Some(matches.iter().position(|m| m.anchor >= from).unwrap_or(0))
        };
        Search {
            query: query.to_string(),
            matches,
            current,
        }
    }

    /// Move `count` matches forward (or backward) from `from`, wrapping around the document.
    /// Returns the new current match and whether the move went past the end (or the start).
    pub fn step(&mut self, forward: bool, count: usize, from: StepFrom) -> Option<(&Match, bool)> {
        let n = self.matches.len() as isize;
        if n == 0 {
            return None;
        }
        let extra = count.max(1) as isize - 1;
        // The position of the first step, which may be one past either end.
        let p = match (from, forward) {
            (StepFrom::Match(c), true) => c as isize + 1 + extra,
            (StepFrom::Match(c), false) => c as isize - 1 - extra,
            (StepFrom::Before(i), true) => i as isize + extra,
            (StepFrom::Before(i), false) => i as isize - 1 - extra,
        };
        let next = p.rem_euclid(n) as usize;
        self.current = Some(next);
        Some((&self.matches[next], !(0..n).contains(&p)))
    }

    /// Where a step from a place in the text starts: before the first match for which
    /// `is_before` is false (matches are in document order).
    pub fn before(&self, is_before: impl Fn(&Match) -> bool) -> StepFrom {
        StepFrom::Before(self.matches.partition_point(is_before))
    }

    /// The current match.
    pub fn current_match(&self) -> Option<&Match> {
        self.matches.get(self.current?)
    }

    /// "match 3/17", or "no match" for a query that finds nothing.
    pub fn status(&self) -> String {
        match self.current {
            Some(c) => format!("match {}/{}", c + 1, self.matches.len()),
            None => "no match".to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::testdoc::sample;

    fn a(section: usize, turn: usize, paragraph: usize) -> Anchor {
        Anchor::new(section, turn, paragraph)
    }

    #[test]
    fn lower_case_queries_ignore_case_and_capitals_do_not() {
        let b = sample();
        assert_eq!(find_all(&b, "exports").len(), 3);
        assert_eq!(find_all(&b, "Exports").len(), 2);
        assert_eq!(find_all(&b, "EXPORTS").len(), 0);
        assert!(find_all(&b, "").is_empty());
    }

    #[test]
    fn ranges_point_into_paragraph_text() {
        let b = sample();
        for m in find_all(&b, "7.4%") {
            assert_eq!(&b.paragraph(m.anchor).unwrap().text[m.range], "7.4%");
        }
        let s = Search::run(&b, "the", a(0, 0, 0));
        let p = a(0, 0, 0);
        let text = &b.paragraph(p).unwrap().text;
        for m in s.matches.iter().filter(|m| m.anchor == p) {
            assert!(text[m.range.clone()].eq_ignore_ascii_case("the"));
        }
    }

    #[test]
    fn next_and_previous_wrap_and_count_is_shown() {
        let b = sample();
        let mut s = Search::run(&b, "vehicles", a(2, 0, 0));
        assert_eq!(s.matches.len(), 2);
        assert_eq!(s.current_match().unwrap().anchor, a(2, 2, 0));
        assert_eq!(s.status(), "match 2/2");
        let step = |s: &mut Search, forward, count, from| {
            s.step(forward, count, from)
                .map(|(m, wrapped)| (m.anchor, wrapped))
        };
        assert_eq!(
            step(&mut s, true, 1, StepFrom::Match(1)),
            Some((a(1, 1, 0), true))
        );
        assert_eq!(s.status(), "match 1/2");
        assert_eq!(
            step(&mut s, false, 1, StepFrom::Match(0)),
            Some((a(2, 2, 0), true))
        );
        // From a place between matches: forward lands on the match after it, without wrapping.
        assert_eq!(s.before(|m| m.anchor < a(2, 0, 0)), StepFrom::Before(1));
        assert_eq!(
            step(&mut s, true, 1, StepFrom::Before(1)),
            Some((a(2, 2, 0), false))
        );
        assert_eq!(s.status(), "match 2/2");
        assert_eq!(
            step(&mut s, false, 1, StepFrom::Before(1)),
            Some((a(1, 1, 0), false))
        );
        assert_eq!(
            step(&mut s, false, 1, StepFrom::Before(0)),
            Some((a(2, 2, 0), true))
        );
        assert_eq!(
            step(&mut s, true, 1, StepFrom::Before(2)),
            Some((a(1, 1, 0), true))
        );
        assert_eq!(
            step(&mut s, true, 3, StepFrom::Before(0)),
            Some((a(1, 1, 0), true))
        );
        assert_eq!(Search::run(&b, "zzz", a(0, 0, 0)).status(), "no match");
    }

    #[test]
    fn apostrophes_and_quotes_match_their_typographic_forms() {
        let mut b = sample();
        let text = "We\u{2019}re sure: \u{201c}steady\u{201d}, and we're glad.";
        b.sections[0].turns[0].paragraphs[0].text = text.to_string();
        let found = |q: &str| -> Vec<&str> {
            find_all(&b, q)
                .into_iter()
                .filter(|m| m.anchor == Anchor::new(0, 0, 0))
                .map(|m| &text[m.range])
                .collect()
        };
        assert_eq!(found("we're"), ["We\u{2019}re", "we're"]);
        assert_eq!(found("we\u{2019}re"), ["We\u{2019}re", "we're"]);
        assert_eq!(found("\"steady\""), ["\u{201c}steady\u{201d}"]);
        assert!(found("we\"re").is_empty());
    }

    #[test]
    fn regex_metacharacters_are_plain_text() {
        let b = sample();
        assert!(find_all(&b, "7.4").len() == 1);
        assert!(find_all(&b, "7.").len() == 1);
        assert!(find_all(&b, "(").is_empty());
    }
}
