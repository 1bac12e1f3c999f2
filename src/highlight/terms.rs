//! Glossary term detection: one Aho-Corasick automaton over every form of every confirmed term.
//!
//! Matching is ASCII case-insensitive and leftmost-longest ("industrial chain and supply chain" wins
//! over "industrial chain"). Latin-script forms must stand as whole words; forms that start or end
//! with a CJK character are matched anywhere, since Chinese has no spaces between words.

use crate::model::GlossaryEntry;
use aho_corasick::{AhoCorasick, AhoCorasickKind, Input, MatchKind};
use std::collections::HashMap;
use std::ops::Range;

/// The automaton and, per pattern, the entry it stands for.
pub(crate) struct Terms {
    ac: Option<AhoCorasick>,
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
        let ac = (!forms.is_empty()).then(|| {
            AhoCorasick::builder()
                .match_kind(MatchKind::LeftmostLongest)
                .ascii_case_insensitive(true)
                .kind(Some(AhoCorasickKind::DFA))
                .prefilter(false)
                .build(&forms)
                .or_else(|_| {
                    AhoCorasick::builder()
                        .match_kind(MatchKind::LeftmostLongest)
                        .ascii_case_insensitive(true)
                        .build(&forms)
                })
        });
        Terms {
            ac: ac.and_then(Result::ok),
            patterns,
            by_form,
        }
    }

    /// The entry one of whose forms (term, alias or plural, any case) is `text`.
    pub(crate) fn lookup(&self, text: &str) -> Option<usize> {
        self.by_form.get(&text.trim().to_lowercase()).copied()
    }

    /// Term occurrences in `text`, in order, as (byte range, entry index).
    pub(crate) fn find(&self, text: &str, out: &mut Vec<(Range<usize>, usize)>) {
        let Some(ac) = &self.ac else { return };
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
    c.is_alphanumeric() && !is_cjk(c)
}

fn is_cjk(c: char) -> bool {
    matches!(c, '\u{2E80}'..='\u{9FFF}' | '\u{AC00}'..='\u{D7AF}' | '\u{F900}'..='\u{FAFF}' | '\u{FF00}'..='\u{FFEF}' | '\u{20000}'..='\u{2FA1F}')
}

fn prev_is_word(text: &str, at: usize) -> bool {
    text[..at]
        .chars()
        .next_back()
        .is_some_and(|c| c.is_alphanumeric() && !is_cjk(c))
}

fn next_is_word(text: &str, at: usize) -> bool {
    text[at..]
        .chars()
        .next()
        .is_some_and(|c| c.is_alphanumeric() && !is_cjk(c))
}
