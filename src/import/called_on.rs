//! Reporters labelled by their own names (`Matt (00:09):`, `Meghna Dev:`): the label looks like any
//! person's, but the official calls on them by name just before they speak (`With that, Matt?`,
//! `Yes, Meghna.`), and they ask.

use super::people::People;
use super::{DraftTurn, NoteKind, Notes, Voice, questions};
use crate::model::{SpeakerKind, TurnKind};
use std::collections::HashMap;

/// How far from the end of a turn a name still counts as calling on the next speaker.
const CALL_WINDOW: usize = 60;

/// Turn the people who are called on by name and then ask into reporters.
pub fn reporters_called_on(turns: &mut [DraftTurn], people: &mut People, notes: &mut Notes) {
    // Per person: (turns, turns right after being called on, turns that ask, first line).
    let mut stats: HashMap<usize, (usize, usize, usize, u32)> = HashMap::new();
    for k in 0..turns.len() {
        let Voice::Person(i) = turns[k].voice else {
            continue;
        };
        let p = &people.list[i];
        if p.kind != SpeakerKind::Official || p.listed {
            continue;
        }
        let st = stats.entry(i).or_insert((0, 0, 0, turns[k].line));
        st.0 += 1;
        if k > 0 && turns[k - 1].voice != turns[k].voice && calls(&turns[k - 1], &p.name) {
            st.1 += 1;
        }
        if turns[k].paras.iter().any(|p| questions::asks(&p.text)) {
            st.2 += 1;
        }
    }
    let mut reporters: Vec<usize> = stats
        .iter()
        .filter(|(_, (n, called, asks, _))| *called >= 1 && 2 * called >= *n && 2 * asks > *n)
        .map(|(&i, _)| i)
        .collect();
    // Someone must be left to answer.
    let others = people
        .list
        .iter()
        .enumerate()
        .filter(|(i, p)| p.kind != SpeakerKind::Reporter && !reporters.contains(i))
        .count();
    if others == 0 {
        return;
    }
    reporters.sort_unstable();
    for &i in &reporters {
        people.list[i].kind = SpeakerKind::Reporter;
        notes.add(
            stats[&i].3,
            NoteKind::Guessed,
            format!(
                "`{}` is called on by name and asks: read as a reporter",
                people.list[i].name
            ),
        );
    }
    for t in turns.iter_mut() {
        if matches!(t.voice, Voice::Person(i) if reporters.binary_search(&i).is_ok()) {
            t.kind = TurnKind::Question;
        }
    }
}

/// Whether the end of a turn names `name` (its first word will do: officials call on first names).
fn calls(turn: &DraftTurn, name: &str) -> bool {
    let Some(last) = turn.paras.last() else {
        return false;
    };
    let text = &last.text;
    let from = text
        .char_indices()
        .rev()
        .nth(CALL_WINDOW)
        .map_or(0, |(at, _)| at);
    let tail = &text[from..];
    let first = name.split(' ').next().unwrap_or(name);
    [name, first].iter().any(|n| contains_word(tail, n))
}

fn contains_word(hay: &str, word: &str) -> bool {
    hay.match_indices(word).any(|(at, _)| {
        let before = hay[..at].chars().next_back();
        let after = hay[at + word.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::import;

    #[test]
    fn a_first_name_called_on_who_asks_is_a_reporter() {
        let raw = "Ann Lee (00:01):\n\nGood afternoon. Ports grew. With that, Matt?\n\n\
                   Matt (00:09):\n\nWhat about rail?\n\nAnn Lee (00:12):\n\nRail grew too. Yes, Matt.\n\n\
                   Matt (00:20):\n\nAnd next year?\n\nAnn Lee (00:25):\n\nMore of the same.\n";
        let b = import(raw).briefing;
        let matt = b.speakers.iter().find(|s| s.name == "Matt").unwrap();
        assert_eq!(matt.kind, SpeakerKind::Reporter);
        assert_eq!(b.question_count(), 2);
    }

    #[test]
    fn an_official_called_on_who_answers_stays_an_official() {
        let raw = "Ann Lee (00:01):\n\nGood afternoon. Bob, would you say a word?\n\n\
                   Bob (00:09):\n\nThank you. Cases fell by half.\n\n\
                   Speaker 2 (00:12):\n\nWhy did they fall?\n\nBob (00:20):\n\nTesting.\n";
        let b = import(raw).briefing;
        let bob = b.speakers.iter().find(|s| s.name == "Bob").unwrap();
        assert_eq!(bob.kind, SpeakerKind::Official);
    }
}
