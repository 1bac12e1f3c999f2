//! Reporters labelled by their own names (`Matt (00:09):`, `Meghna Dev:`): the label looks like any
//! person's, but either the official calls on them by name just before they speak (`With that,
//! Matt?`, `Yes, Meghna.`) and they ask, or they introduce themselves and their outlet (`Sir, I am
//! Sahil from ANI.`).

use super::names;
use super::people::People;
use super::{DraftTurn, NoteKind, Notes, Voice, questions};
use crate::model::{SpeakerKind, TurnKind};
use regex::Regex;
use std::collections::HashMap;
use std::sync::LazyLock;

static SELF_INTRODUCTION: LazyLock<Regex> = LazyLock::new(|| {
    // Courtesies and a vocative (`Governor, Peter Hannam from The Guardian`).
    let courtesy = r"(?:(?:(?i:sir|ma'am|ma’am|madam|thank you|thanks|hi|hello|yes|good (?:morning|afternoon|evening)))[,.!]?\s+|\p{Lu}\p{Ll}+[,.]\s+)*";
    let intro = r"(?:(?i:i am|i'm|i’m|this is|my name is)\s+)?";
    let name = r"(\p{Lu}[\p{L}'’.-]+(?:\s+\p{Lu}[\p{L}'’.-]+){0,3})";
    let outlet = r"(\p{Lu}[\p{L}\p{N}&'’.-]*(?:\s+(?:\p{Lu}[\p{L}\p{N}&'’.-]*|of|and|for|the))*)";
    Regex::new(&format!(
        r"^{courtesy}{intro}{name}(?:\s+(?:from|with)|,)\s+(?:(?i:the)\s+)?{outlet}"
    ))
    .expect("self-introduction pattern")
});

/// `Sir, I am Huma Siddiqui from the Financial Express.` → (`Huma Siddiqui`, `Financial Express`).
pub fn self_introduction(text: &str) -> Option<(&str, &str)> {
    let head = text
        .char_indices()
        .nth(160)
        .map_or(text, |(at, _)| &text[..at]);
    let c = SELF_INTRODUCTION.captures(head)?;
    let outlet = c.get(2)?.as_str();
    let outlet = outlet
        .split(". ")
        .next()
        .unwrap_or(outlet)
        .trim_end_matches(['.', ',']);
    Some((c.get(1)?.as_str(), outlet))
}

/// Whether a turn's text opens with its speaker introducing themselves by `label`.
pub fn introduces_self(label: &str, text: &str) -> Option<String> {
    let (name, outlet) = self_introduction(text)?;
    let (k, first) = (
        names::key(name),
        names::key(label.split(' ').next().unwrap_or(label)),
    );
    (k == names::key(label) || k.starts_with(&first)).then(|| outlet.to_string())
}

/// How far from the end of a turn a name still counts as calling on the next speaker.
const CALL_WINDOW: usize = 60;

/// What one labelled person does across the transcript.
#[derive(Default)]
struct Seen {
    turns: usize,
    called: usize,
    asks: usize,
    introduced: bool,
    /// Turns after which the principal speaks, and the bytes of all their turns (how much they
    /// say, in proportion: the text is in one language).
    answered: usize,
    size: usize,
    /// The outlet they named when they introduced themselves.
    outlet: Option<String>,
    line: u32,
}

/// Turn the people who are called on by name and then ask, or who introduce themselves with
/// their outlet, into reporters.
pub fn find(turns: &mut [DraftTurn], people: &mut People, notes: &mut Notes) {
    let mut seen: HashMap<usize, Seen> = HashMap::new();
    let turn_sizes: Vec<usize> = turns
        .iter()
        .map(|t| t.paras.iter().map(|p| p.text.len()).sum())
        .collect();
    let principal = principal(turns, &turn_sizes, people);
    for k in 0..turns.len() {
        let Voice::Person(i) = turns[k].voice else {
            continue;
        };
        let p = &people.list[i];
        if p.kind != SpeakerKind::Official || p.listed {
            continue;
        }
        let st = seen.entry(i).or_insert_with(|| Seen {
            line: turns[k].line,
            ..Seen::default()
        });
        st.turns += 1;
        st.size += turn_sizes[k];
        if principal.is_some_and(|(pi, _)| {
            pi != i
                && turns
                    .get(k + 1)
                    .is_some_and(|n| n.voice == Voice::Person(pi))
        }) {
            st.answered += 1;
        }
        if k > 0 && turns[k - 1].voice != turns[k].voice && calls(&turns[k - 1], &p.name) {
            st.called += 1;
        }
        if let Some(first) = turns[k].paras.first()
            && let Some(outlet) = introduces_self(&p.name, &first.text)
        {
            st.introduced = true;
            st.outlet.get_or_insert(outlet.clone());
            turns[k].outlet.get_or_insert(outlet);
        }
    }
    // An interview: nobody is labelled as a reporter, so whoever asks in most of their turns,
    // while the others hardly do, is the one asking the questions.
    let interview = !turns.iter().any(|t| t.kind == TurnKind::Question)
        && !people.list.iter().any(|p| p.kind == SpeakerKind::Reporter);
    // Whether they ask is looked at only for those it can decide.
    for t in turns.iter() {
        if let Voice::Person(i) = t.voice
            && let Some(st) = seen.get_mut(&i)
            && (st.called > 0 || interview || st.answered > 0)
            && t.paras.iter().any(|p| questions::asks(&p.text))
        {
            st.asks += 1;
        }
    }
    let share = |s: &Seen| s.asks as f64 / s.turns.max(1) as f64;
    let interviewer = interview
        .then(|| {
            let mut by_share: Vec<(&usize, &Seen)> =
                seen.iter().filter(|(_, s)| s.turns >= 3).collect();
            by_share.sort_by(|a, b| share(b.1).total_cmp(&share(a.1)).then(a.0.cmp(b.0)));
            match by_share.as_slice() {
                [(i, top), (_, next), ..] if share(top) >= 0.6 && share(next) <= 0.3 => Some(**i),
                _ => None,
            }
        })
        .flatten();
    let mut reporters: Vec<usize> = seen
        .iter()
        .filter(|(i, s)| {
            s.introduced
                || (s.called >= 1 && 2 * s.called >= s.turns && 2 * s.asks > s.turns)
                || interviewer == Some(**i)
                || principal.is_some_and(|p| asks_the_principal(s, p))
        })
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
        if people.list[i].org.is_none() {
            people.list[i].org = seen[&i].outlet.clone();
        }
        let why = if seen[&i].introduced {
            "introduces themselves with an outlet"
        } else if interviewer == Some(i) {
            "asks in most turns of an interview"
        } else if seen[&i].called == 0 {
            "asks, briefly, and the principal speaker answers"
        } else {
            "is called on by name and asks"
        };
        notes.add(
            seen[&i].line,
            NoteKind::Guessed,
            format!("`{}` {why}: read as a reporter", people.list[i].name),
        );
    }
    for t in turns.iter_mut() {
        if matches!(t.voice, Voice::Person(i) if reporters.binary_search(&i).is_ok()) {
            t.kind = TurnKind::Question;
        }
    }
}

/// The speaker who says the most, with the mean size of their turns, when they speak in at
/// least three turns and say a third of all there is: the one the others put questions to.
fn principal(turns: &[DraftTurn], turn_sizes: &[usize], people: &People) -> Option<(usize, f64)> {
    let mut by_person: HashMap<usize, (usize, usize)> = HashMap::new();
    let mut total = 0;
    for (t, &n) in turns.iter().zip(turn_sizes) {
        total += n;
        if let Voice::Person(i) = t.voice
            && people.list[i].kind != SpeakerKind::Reporter
        {
            let e = by_person.entry(i).or_default();
            e.0 += 1;
            e.1 += n;
        }
    }
    let (&i, &(turns_n, size_n)) = by_person
        .iter()
        .max_by_key(|(i, (_, w))| (*w, std::cmp::Reverse(**i)))?;
    (turns_n >= 3 && 3 * size_n >= total).then(|| (i, size_n as f64 / turns_n as f64))
}

/// Whether someone puts questions to the principal: they ask in half their turns or more,
/// the principal speaks after half of them or more, and they say less each time.
fn asks_the_principal(s: &Seen, (_, principal_mean): (usize, f64)) -> bool {
    let mean = s.size as f64 / s.turns.max(1) as f64;
    s.asks > 0 && 2 * s.asks >= s.turns && 2 * s.answered >= s.turns && mean < principal_mean
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
    fn self_introductions() {
        assert_eq!(
            self_introduction(
                "Sir, I am Huma Siddiqui from the Financial Express. I have two questions."
            ),
            Some(("Huma Siddiqui", "Financial Express"))
        );
        assert_eq!(
            self_introduction("Sir Meghna Dev from DD News. I wanted to know"),
            Some(("Meghna Dev", "DD News"))
        );
        assert_eq!(
            self_introduction("Samira Hussain from BBC News."),
            Some(("Samira Hussain", "BBC News"))
        );
        assert_eq!(
            introduces_self("Sahil", "Sir, I am Sahil from ANI. It is about").as_deref(),
            Some("ANI")
        );
        assert_eq!(
            self_introduction("Governor, Peter Hannam from The Guardian."),
            Some(("Peter Hannam", "Guardian"))
        );
        assert_eq!(
            self_introduction("Governor. Cecile Lefort, The Financial Review. In the minutes"),
            Some(("Cecile Lefort", "Financial Review"))
        );
        assert_eq!(introduces_self("Ann Lee", "Exports from China grew."), None);
        assert_eq!(
            introduces_self("Ann Lee", "Officials from the Ministry came."),
            None
        );
    }

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
    fn in_an_interview_the_one_who_asks_is_the_reporter() {
        let raw = "Ann Lee: Welcome, Minister. How are the ports?\n\nBo Wu: They grew by 8%.\n\n\
                   Ann Lee: Why?\n\nBo Wu: Demand came back.\n\nAnn Lee: And next year?\n\n\
                   Bo Wu: More of the same. We are confident.\n";
        let b = import(raw).briefing;
        let ann = b.speakers.iter().find(|s| s.name == "Ann Lee").unwrap();
        assert_eq!(ann.kind, SpeakerKind::Reporter);
        assert_eq!(b.question_count(), 3);
    }

    #[test]
    fn those_who_put_questions_to_the_principal_are_reporters() {
        let raw = "Jane Roe: Good afternoon. The board left the rate unchanged. Inflation is easing \
                   but remains too high, and the labour market is tight.\n\n\
                   Sam Poe: Why not cut now?\n\n\
                   Jane Roe: Because inflation is still above the band, and we want to see it fall \
                   further before we move.\n\n\
                   Ann Lee: And what about jobs?\n\n\
                   Jane Roe: Jobs held up well; unemployment is near its lows and wages are rising.\n\n\
                   Bo Wu: I agree with the Governor, and the figures show it.\n\n\
                   Sam Poe: Thanks.\n";
        let b = import(raw).briefing;
        let kind = |name: &str| b.speakers.iter().find(|s| s.name == name).unwrap().kind;
        assert_eq!(kind("Ann Lee"), SpeakerKind::Reporter);
        assert_eq!(kind("Sam Poe"), SpeakerKind::Reporter);
        assert_ne!(kind("Jane Roe"), SpeakerKind::Reporter);
        assert_eq!(kind("Bo Wu"), SpeakerKind::Official, "speaks, asks nothing");
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
