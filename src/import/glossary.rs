//! Glossary proposals: quoted phrases ("white list", 「…」, 《…》) and named plans and campaigns
//! ("14th Five-Year Plan") become glossary entries marked `proposed`, for a person to confirm
//! and define.

use crate::model::{GlossaryEntry, Section, Speaker};
use regex::Regex;
use std::collections::HashSet;
use std::sync::LazyLock;

static QUOTED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#""([^"]{2,100})"|“([^”“]{2,100})”|「([^」「]{2,30})」|《([^》《]{2,40})》"#)
        .expect("quote pattern")
});

static NAMED_PLAN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b((?:\d{1,2}(?:st|nd|rd|th) )?(?:[A-Z][A-Za-z-]*(?: (?:of|for|and|on|the|in))? ){1,6}(?:Plan|Campaign|Initiative|Action|Program|Programme|Strategy|Project|Agenda|Framework))\b")
        .expect("plan pattern")
});

const PLAN_WORDS: &[&str] = &[
    "Plan",
    "Campaign",
    "Initiative",
    "Action",
    "Program",
    "Strategy",
    "Project",
    "Agenda",
    "Framework",
];

/// At most this many proposals, so a long text does not bury the real terms.
const MAX_PROPOSALS: usize = 40;

/// Candidate glossary terms of a body, in order of first occurrence.
pub fn propose(sections: &[Section], speakers: &[Speaker]) -> Vec<GlossaryEntry> {
    let mut seen: HashSet<String> = speakers.iter().map(|s| norm(&s.name)).collect();
    let mut out = Vec::new();
    let paragraphs = sections
        .iter()
        .flat_map(|s| &s.turns)
        .flat_map(|t| &t.paragraphs);
    for p in paragraphs {
        let t = p.text.as_str();
        let may_quote = t.contains(['"', '“', '「', '《']);
        let may_plan = PLAN_WORDS.iter().any(|w| t.contains(w));
        let quoted: Vec<(usize, usize, &str)> = QUOTED
            .captures_iter(if may_quote { t } else { "" })
            .filter_map(|c| {
                (1..=4)
                    .find_map(|i| c.get(i))
                    .map(|m| (m.start(), m.end(), m.as_str()))
            })
            .collect();
        // A plan named inside quotes is proposed once, as quoted.
        let plans = NAMED_PLAN
            .captures_iter(if may_plan { t } else { "" })
            .filter_map(|c| c.get(1))
            .filter(|m| {
                !quoted
                    .iter()
                    .any(|&(a, b, _)| a <= m.start() && m.start() < b)
            })
            .map(|m| (m.start(), m.as_str()));
        let mut found: Vec<(usize, &str)> = quoted
            .iter()
            .map(|&(a, _, q)| (a, q))
            .chain(plans)
            .collect();
        found.sort();
        for (_, term) in found {
            let term = term.trim();
            if !is_term(term) || !seen.insert(norm(term)) {
                continue;
            }
            out.push(GlossaryEntry {
                term: term.to_string(),
                definition: String::new(),
                aliases: Vec::new(),
                proposed: true,
            });
            if out.len() >= MAX_PROPOSALS {
                return out;
            }
        }
    }
    out
}

/// Remove proposals that a shared glossary already defines (as a term or an alias), so a person
/// confirms only what is new. Returns the terms removed.
pub fn drop_known(proposals: &mut Vec<GlossaryEntry>, shared: &[GlossaryEntry]) -> Vec<String> {
    let known: HashSet<String> = shared
        .iter()
        .flat_map(|g| std::iter::once(&g.term).chain(&g.aliases))
        .map(|t| norm(t))
        .collect();
    let mut removed = Vec::new();
    proposals.retain(|g| {
        let keep = !g.proposed || !known.contains(&norm(&g.term));
        if !keep {
            removed.push(g.term.clone());
        }
        keep
    });
    removed
}

/// A term is a name, not a sentence: a few words, no sentence punctuation, some letters.
fn is_term(t: &str) -> bool {
    let words: Vec<&str> = t.split(' ').collect();
    // Names of plans are long but written in title case; sentences are not.
    let capitalised = words
        .iter()
        .filter(|w| w.chars().next().is_some_and(|c| !c.is_lowercase()))
        .count();
    let max_words = if capitalised * 3 >= words.len() * 2 {
        16
    } else {
        8
    };
    // A single lower-case word in quotes is emphasis ("turn" the chain around), not a term.
    let scare_quote =
        words.len() == 1 && !t.contains('-') && t.chars().next().is_some_and(char::is_lowercase);
    !scare_quote
        && words.len() <= max_words
        && t.chars().any(char::is_alphabetic)
        && !t.contains([
            '.', '?', '!', ';', ':', ',', '。', '，', '？', '！', '；', '：',
        ])
        && !t.starts_with("I ")
}

/// Case-insensitive key, with a plural `s` folded.
fn norm(t: &str) -> String {
    let l = t.to_lowercase();
    l.strip_suffix('s').map(str::to_string).unwrap_or(l)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Paragraph, SectionKind, SourceLine, Turn, TurnKind};

    fn body(text: &str) -> Vec<Section> {
        vec![Section {
            kind: SectionKind::Remarks,
            title: None,
            outlet: None,
            line: SourceLine(0),
            turns: vec![Turn {
                speaker: "x".into(),
                kind: TurnKind::Statement,
                line: SourceLine(0),
                paragraphs: vec![Paragraph::plain(text)],
            }],
        }]
    }

    #[test]
    fn proposals_the_shared_glossary_knows_are_dropped() {
        let s = body("A “green list” and a “blue list” and “red lines”.");
        let mut proposals = propose(&s, &[]);
        let shared = vec![GlossaryEntry {
            term: "green list".into(),
            definition: "d".into(),
            aliases: vec!["red line".into()],
            proposed: false,
        }];
        assert_eq!(
            drop_known(&mut proposals, &shared),
            vec!["green list", "red lines"]
        );
        assert_eq!(proposals.len(), 1);
        assert_eq!(proposals[0].term, "blue list");
    }

    #[test]
    fn quoted_phrases_and_named_plans_are_proposed() {
        let s = body(
            "We “turn” a “green-blue” “green list” and “Port Action Plan” and the 15th Five-Year Plan, the “green lists” again, and «no». He said \"We will win. Surely.\" 《港口条例》",
        );
        let terms: Vec<String> = propose(&s, &[]).into_iter().map(|g| g.term).collect();
        assert_eq!(
            terms,
            vec![
                "green-blue",
                "green list",
                "Port Action Plan",
                "15th Five-Year Plan",
                "港口条例"
            ]
        );
        assert!(
            propose(&s, &[])
                .iter()
                .all(|g| g.proposed && g.definition.is_empty())
        );
    }
}
