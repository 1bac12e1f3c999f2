//! English reports that name a speaker by surname alone, before or after the verb, the order
//! of sports and business journalism: `“…,” said Sainz`, `Sainz added`, `according to Leclerc`.
//! A surname counts as a speaker where it speaks twice, or once and is the last word of a full
//! name the text (or its title) gives, so that `Ferrari said` once is not a person.

use super::reported::NOT_A_PERSON;
use super::text::Para;
use regex::Regex;
use std::collections::HashMap;
use std::sync::LazyLock;

const VERBS: &str = "said|says|added|adds|explained|explains|continued|insisted|admitted|conceded|stressed|noted|warned|told";

/// A capitalised word that speaks: after the verb, before it, or after `according to`.
static SPEAKS: LazyLock<Regex> = LazyLock::new(|| {
    let word = r"([A-Z][a-z]+(?:-[A-Z][a-z]+)?)";
    Regex::new(&format!(
        r"\b(?:{VERBS}) {word}\b|\b{word} (?:also |then |later )?(?:{VERBS})\b|\b[Aa]ccording to {word}\b"
    ))
    .expect("surname speech pattern")
});

/// Capitalised words that speak without being a person's name, besides the organisations and
/// function words of [`NOT_A_PERSON`].
const NOT_NAMES: &[&str] = &[
    "He",
    "She",
    "They",
    "We",
    "I",
    "You",
    "There",
    "Officials",
    "Sources",
    "Reports",
    "Analysts",
    "Experts",
    "Ministers",
    "Spokesman",
    "Spokeswoman",
    "Spokesperson",
    "Reuters",
    "Statement",
    "Team",
    "Club",
    "Council",
    "Board",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "Today",
    "So",
    "When",
    "While",
    "Asked",
];

/// Each match of [`SPEAKS`]: where it starts and the word that speaks.
fn speakers_in(text: &str) -> impl Iterator<Item = (usize, &str)> {
    SPEAKS.captures_iter(text).filter_map(|c| {
        let w = c.get(1).or(c.get(2)).or(c.get(3))?;
        (!NOT_NAMES.contains(&w.as_str()) && !NOT_A_PERSON.contains(&w.as_str()))
            .then(|| (c.get(0).map_or(0, |m| m.start()), w.as_str()))
    })
}

/// The surnames that speak in this report (`title` counts as one more sentence of it).
pub fn surnames(body: &[Para], title: &str) -> Vec<String> {
    let texts = || body.iter().map(|p| p.text.as_str()).chain([title]);
    let mut spoke: HashMap<&str, usize> = HashMap::new();
    for t in texts().filter(|t| t.is_ascii() || !t.chars().any(crate::script::is_han)) {
        for (_, w) in speakers_in(t) {
            *spoke.entry(w).or_default() += 1;
        }
    }
    // `Ana Costa`: the word after a capitalised word somewhere in the text.
    let full_name = |w: &str| {
        texts().any(|t| {
            t.match_indices(w).any(|(at, _)| {
                let after = t[at + w.len()..].chars().next();
                let before = t[..at]
                    .strip_suffix(' ')
                    .and_then(|b| b.split(' ').next_back());
                !after.is_some_and(char::is_alphanumeric)
                    && before.is_some_and(|b| {
                        b.len() > 1
                            && b.starts_with(|c: char| c.is_ascii_uppercase())
                            && b[1..].chars().all(|c| c.is_ascii_lowercase())
                    })
            })
        })
    };
    let mut out: Vec<String> = spoke
        .into_iter()
        .filter(|&(w, n)| n >= 2 || full_name(w))
        .map(|(w, _)| w.to_string())
        .collect();
    out.sort();
    out
}

/// The first of `names` that speaks in `text`, with where.
pub fn speaker<'n>(text: &str, names: &'n [String]) -> Option<(usize, &'n String)> {
    if names.is_empty() {
        return None;
    }
    speakers_in(text).find_map(|(at, w)| names.iter().find(|n| *n == w).map(|n| (at, n)))
}

/// Whether the report gives what people say as direct quotations: at least two paragraphs that
/// report speech quote it, and they are at least half of those that report speech (a press
/// release in indirect speech, `Xu said that …`, goes on in the official's words for paragraphs
/// with no clause at all). Then a paragraph with no quotation mark and no attribution is the
/// writer's, not the last speaker's.
pub fn marks_quotes(body: &[Para]) -> bool {
    let reporting: Vec<&Para> = body.iter().filter(|p| REPORTS.is_match(&p.text)).collect();
    let quoting = reporting.iter().filter(|p| quotes(&p.text)).count();
    quoting >= 2 && quoting * 2 >= reporting.len()
}

/// A clause that reports speech, by any name.
static REPORTS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"\b(?:{VERBS}|[Aa]ccording to)\b")).expect("reporting pattern")
});

/// Whether a paragraph holds a quotation.
pub fn quotes(text: &str) -> bool {
    text.contains(['“', '”', '"'])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paras(texts: &[&str]) -> Vec<Para> {
        texts
            .iter()
            .enumerate()
            .map(|(i, t)| Para {
                line: i as u32 + 1,
                text: t.to_string(),
            })
            .collect()
    }

    #[test]
    fn a_surname_speaks_twice_or_once_after_its_full_name() {
        let body = paras(&[
            "Rover driver Ana Costa led early.",
            "“We were fast,” said Costa. Morel said little.",
            "Harbour said the race was long.",
            "“It rained,” Morel added.",
        ]);
        assert_eq!(
            surnames(&body, "Rain stops play, says Costa"),
            ["Costa", "Morel"]
        );
        let names = surnames(&body, "");
        assert_eq!(
            names,
            ["Costa", "Morel"],
            "Harbour speaks once with no full name"
        );
        assert_eq!(
            speaker("“Fine,” he said. “Very,” said Costa.", &names).map(|(_, n)| n.as_str()),
            Some("Costa")
        );
        assert_eq!(speaker("He said it was fine.", &names), None);
        assert!(marks_quotes(&body));
    }

    #[test]
    fn indirect_speech_is_not_marked_by_quotes() {
        let body = paras(&[
            "Ana Costa said that the port reopened.",
            "Costa said that “green lanes” helped.",
            "She added that ships came back.",
            "According to Costa, rail grew.",
        ]);
        assert!(!marks_quotes(&body));
    }
}
