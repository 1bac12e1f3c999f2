//! Where jumps land: questions, turns, answers by the same speaker, and the jump history
//! (Ctrl-o / Ctrl-i). Pure functions of the briefing and a position; the layout turns the
//! anchors they return into lines.

use crate::model::{Anchor, Briefing, SectionKind};

/// The first paragraph of a turn.
pub fn turn_start(section: usize, turn: usize) -> Anchor {
    Anchor {
        section,
        turn,
        paragraph: 0,
    }
}

fn is_question(b: &Briefing, s: usize) -> bool {
    b.sections[s].kind == SectionKind::Qa
}

/// The `count`-th of `candidates` that is a question, or the last question among them.
fn nth_question(
    b: &Briefing,
    candidates: impl Iterator<Item = usize>,
    count: usize,
) -> Option<usize> {
    let mut found = None;
    for s in candidates.filter(|&s| is_question(b, s)).take(count.max(1)) {
        found = Some(s);
    }
    found
}

/// The section of question `n` (1-based), or the last question when there are fewer.
pub fn question(b: &Briefing, n: usize) -> Option<usize> {
    nth_question(b, 0..b.sections.len(), n)
}

/// The `count`-th question after the section being read (stops at the last one).
pub fn next_question(b: &Briefing, from: usize, count: usize) -> Option<usize> {
    nth_question(b, from + 1..b.sections.len(), count)
}

/// The `count`-th question before the section being read. When reading inside a question but
/// below its heading, the first step goes back to that question's own start, as `[` does in vim.
pub fn prev_question(b: &Briefing, at: Anchor, count: usize) -> Option<usize> {
    let inside = at != turn_start(at.section, 0);
    let last = if inside { at.section + 1 } else { at.section };
    nth_question(b, (0..last.min(b.sections.len())).rev(), count)
}

/// The turns after (section, turn), in order, starting from there rather than from the top.
fn turns_after(
    b: &Briefing,
    section: usize,
    turn: usize,
) -> impl Iterator<Item = (usize, usize)> + '_ {
    (section..b.sections.len()).flat_map(move |s| {
        let from = if s == section { turn + 1 } else { 0 };
        (from..b.sections[s].turns.len()).map(move |t| (s, t))
    })
}

/// The turns before (section, turn), nearest first.
fn turns_before(
    b: &Briefing,
    section: usize,
    turn: usize,
) -> impl Iterator<Item = (usize, usize)> + '_ {
    (0..(section + 1).min(b.sections.len()))
        .rev()
        .flat_map(move |s| {
            let to = if s == section {
                turn
            } else {
                b.sections[s].turns.len()
            };
            (0..to.min(b.sections[s].turns.len()))
                .rev()
                .map(move |t| (s, t))
        })
}

/// The start of the `count`-th turn after the one being read.
pub fn next_turn(b: &Briefing, at: Anchor, count: usize) -> Option<Anchor> {
    turns_after(b, at.section, at.turn)
        .take(count.max(1))
        .last()
        .map(|(s, t)| turn_start(s, t))
}

/// The start of the `count`-th turn before; the first step goes to the current turn's start
/// when reading below it.
pub fn prev_turn(b: &Briefing, at: Anchor, count: usize) -> Option<Anchor> {
    let own = (at.paragraph > 0).then_some((at.section, at.turn));
    own.into_iter()
        .chain(turns_before(b, at.section, at.turn))
        .take(count.max(1))
        .last()
        .map(|(s, t)| turn_start(s, t))
}

/// The next turn by the speaker of the turn being read, wrapping around to the start.
pub fn next_same_speaker(b: &Briefing, at: Anchor) -> Option<Anchor> {
    let who = &b.sections.get(at.section)?.turns.get(at.turn)?.speaker;
    let same = |&(s, t): &(usize, usize)| &b.sections[s].turns[t].speaker == who;
    let here = (at.section, at.turn);
    let all =
        (0..b.sections.len()).flat_map(|s| (0..b.sections[s].turns.len()).map(move |t| (s, t)));
    turns_after(b, at.section, at.turn)
        .find(same)
        .or_else(|| all.take_while(|&x| x < here).find(same))
        .map(|(s, t)| turn_start(s, t))
}

/// The paragraph `n` steps after (or before) `at`, stopping at the first or last paragraph.
/// Walks the structure, so a step costs the same in a short briefing and a huge one.
pub fn step_paragraph(b: &Briefing, at: Anchor, forward: bool, n: usize) -> Anchor {
    let mut a = at;
    for _ in 0..n {
        match if forward {
            next_paragraph(b, a)
        } else {
            prev_paragraph(b, a)
        } {
            Some(x) => a = x,
            None => break,
        }
    }
    a
}

fn next_paragraph(b: &Briefing, a: Anchor) -> Option<Anchor> {
    let (mut s, mut t, mut p) = (a.section, a.turn, a.paragraph + 1);
    while s < b.sections.len() {
        let turns = &b.sections[s].turns;
        while t < turns.len() {
            if p < turns[t].paragraphs.len() {
                return Some(Anchor {
                    section: s,
                    turn: t,
                    paragraph: p,
                });
            }
            (t, p) = (t + 1, 0);
        }
        (s, t, p) = (s + 1, 0, 0);
    }
    None
}

fn prev_paragraph(b: &Briefing, a: Anchor) -> Option<Anchor> {
    if a.paragraph > 0 {
        return Some(Anchor {
            paragraph: a.paragraph - 1,
            ..a
        });
    }
    let (mut s, mut t) = (a.section, a.turn);
    loop {
        if t > 0 {
            t -= 1;
        } else if s > 0 {
            s -= 1;
            t = b.sections[s].turns.len();
            continue;
        } else {
            return None;
        }
        if let Some(p) = b.sections[s].turns[t].paragraphs.len().checked_sub(1) {
            return Some(Anchor {
                section: s,
                turn: t,
                paragraph: p,
            });
        }
    }
}

/// Positions to go back and forth to, as in vim's jump list.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct JumpList {
    back: Vec<Anchor>,
    forward: Vec<Anchor>,
}

/// How many positions the jump list keeps.
const JUMP_LIMIT: usize = 100;

impl JumpList {
    /// Remember `from` before a jump; a new jump forgets the forward positions.
    pub fn record(&mut self, from: Anchor) {
        if self.back.last() != Some(&from) {
            self.back.push(from);
            if self.back.len() > JUMP_LIMIT {
                self.back.remove(0);
            }
        }
        self.forward.clear();
    }

    /// The position before the last jump; `current` becomes reachable with [`JumpList::forward`].
    pub fn back(&mut self, current: Anchor) -> Option<Anchor> {
        let to = self.back.pop()?;
        self.forward.push(current);
        Some(to)
    }

    /// Undo a [`JumpList::back`].
    pub fn forward(&mut self, current: Anchor) -> Option<Anchor> {
        let to = self.forward.pop()?;
        self.back.push(current);
        Some(to)
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
    fn questions_are_found_by_number_and_by_step() {
        let b = sample();
        assert_eq!(question(&b, 1), Some(1));
        assert_eq!(question(&b, 3), Some(3));
        assert_eq!(question(&b, 99), Some(3));
        assert_eq!(next_question(&b, 0, 1), Some(1));
        assert_eq!(next_question(&b, 0, 2), Some(2));
        assert_eq!(next_question(&b, 3, 1), None);
        assert_eq!(prev_question(&b, a(2, 1, 0), 1), Some(2));
        assert_eq!(prev_question(&b, a(2, 0, 0), 1), Some(1));
        assert_eq!(prev_question(&b, a(4, 0, 0), 2), Some(2));
        assert_eq!(prev_question(&b, a(0, 0, 0), 1), None);
    }

    #[test]
    fn turns_step_across_sections() {
        let b = sample();
        assert_eq!(next_turn(&b, a(0, 1, 1), 1), Some(a(1, 0, 0)));
        assert_eq!(next_turn(&b, a(0, 0, 0), 3), Some(a(1, 1, 0)));
        assert_eq!(prev_turn(&b, a(0, 1, 1), 1), Some(a(0, 1, 0)));
        assert_eq!(prev_turn(&b, a(1, 0, 0), 1), Some(a(0, 1, 0)));
        assert_eq!(prev_turn(&b, a(0, 0, 0), 1), None);
        assert_eq!(next_turn(&b, a(4, 0, 0), 1), None);
    }

    #[test]
    fn same_speaker_wraps_around() {
        let b = sample();
        // Ma Qing answers in Q2 and Q3.
        assert_eq!(next_same_speaker(&b, a(2, 2, 0)), Some(a(3, 1, 0)));
        assert_eq!(next_same_speaker(&b, a(3, 1, 0)), Some(a(2, 2, 0)));
        // Lin Wei: remarks → Q1.
        assert_eq!(next_same_speaker(&b, a(0, 1, 0)), Some(a(1, 1, 0)));
    }

    #[test]
    fn paragraphs_step_across_turns_and_sections_and_stop_at_the_ends() {
        let mut b = sample();
        // An empty turn and an empty section are stepped over.
        b.sections[1].turns[1].paragraphs.clear();
        b.sections[2].turns.clear();
        let all: Vec<Anchor> = b.paragraphs().map(|(x, _)| x).collect();
        for (i, &x) in all.iter().enumerate() {
            assert_eq!(
                step_paragraph(&b, x, true, 1),
                all[(i + 1).min(all.len() - 1)]
            );
            assert_eq!(step_paragraph(&b, x, false, 1), all[i.saturating_sub(1)]);
            assert_eq!(
                step_paragraph(&b, x, true, 3),
                all[(i + 3).min(all.len() - 1)]
            );
        }
        assert_eq!(step_paragraph(&b, all[0], false, 9), all[0]);
    }

    #[test]
    fn jump_list_goes_back_and_forth() {
        let mut j = JumpList::default();
        j.record(a(0, 0, 0));
        j.record(a(1, 0, 0));
        assert_eq!(j.back(a(2, 0, 0)), Some(a(1, 0, 0)));
        assert_eq!(j.back(a(1, 0, 0)), Some(a(0, 0, 0)));
        assert_eq!(j.back(a(0, 0, 0)), None);
        assert_eq!(j.forward(a(0, 0, 0)), Some(a(1, 0, 0)));
        assert_eq!(j.forward(a(1, 0, 0)), Some(a(2, 0, 0)));
        assert_eq!(j.forward(a(2, 0, 0)), None);
        j.back(a(2, 0, 0));
        j.record(a(1, 0, 0));
        assert_eq!(j.forward(a(3, 0, 0)), None);
    }
}
