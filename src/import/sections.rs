//! Sections of a labelled transcript: a question opens a Q&A (with the outlet its label or the
//! host named), a heading opens a section, and the host's closing words end the event.

use super::names;
use super::people::People;
use super::text::Para;
use super::{DraftSection, DraftTurn, NoteKind, Notes, Voice};
use crate::model::{SectionKind, SpeakerKind, TurnKind};
use regex::Regex;
use std::sync::LazyLock;

static CALLED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b[A-Z][a-z]+(?: [A-Z][a-z]+)? (?:with|from|of|at) (?:the )?([A-Z][A-Za-z&.'’-]*(?: (?:[A-Z][A-Za-z&.'’-]*|\d{1,3})){0,4})|请(\p{Han}{2,12}?)记者|請(\p{Han}{2,12}?)記者")
        .expect("called outlet pattern")
});

/// The host (or an official) often calls the next reporter by outlet ("Our next question goes
/// to Sam with Reuters.", "请新华社记者提问"): the Q&A that follows gets that outlet.
pub fn outlets_called(turns: &mut [DraftTurn], notes: &mut Notes) {
    for i in 1..turns.len() {
        if turns[i].kind != TurnKind::Question
            || turns[i].outlet.is_some()
            || turns[i - 1].kind == TurnKind::Question
        {
            continue;
        }
        let Some(last) = turns[i - 1].paras.last() else {
            continue;
        };
        // Only the end of the turn calls on the next reporter.
        let from = last.text.len().saturating_sub(240);
        let from = (from..last.text.len())
            .find(|&k| last.text.is_char_boundary(k))
            .unwrap_or(0);
        let tail = &last.text[from..];
        let outlet = CALLED
            .captures_iter(tail)
            .filter_map(|c| {
                let m = c.get(1).or_else(|| c.get(2)).or_else(|| c.get(3))?;
                let o = m.as_str().trim_end_matches(['.', ',', '’', '\'']);
                (c.get(1).is_none() || names::is_outlet(o)).then(|| o.to_string())
            })
            .last();
        if let Some(o) = outlet {
            notes.add(
                turns[i].line,
                NoteKind::Guessed,
                format!("outlet `{o}`, as the previous speaker called it"),
            );
            turns[i].outlet = Some(o);
        }
    }
}

const CLOSING: &[&str] = &[
    "that's all",
    "that’s all",
    "that concludes",
    "this concludes",
    "goodbye",
    "see you",
    "thank you all",
    "thanks, everyone",
    "thank you, everyone",
    "到此结束",
    "到此結束",
    "就到这里",
    "就到這裡",
    "谢谢大家",
    "謝謝大家",
];

/// Group turns into sections: a question opens a Q&A (follow-ups before an answer stay in it),
/// a heading opens a section, and the host's closing words end the event.
pub fn into_sections(turns: Vec<DraftTurn>, people: &People) -> Vec<DraftSection> {
    let mut out: Vec<DraftSection> = Vec::new();
    for mut t in turns {
        // One person's answer split by the transcriber (time stamps, a stage direction) is one turn.
        if let Some(last) = out.last_mut().and_then(|s| s.turns.last_mut())
            && last.voice == t.voice
            && t.kind != TurnKind::Question
            && t.heading.is_none()
        {
            last.paras.append(&mut t.paras);
            continue;
        }
        // `Q    Good afternoon.` greets; it opens no Q&A of its own.
        let is_q = t.kind == TurnKind::Question && !is_greeting(&t);
        let continues_q = out.last().is_some_and(|s| {
            s.kind == SectionKind::Qa
                && s.turns.last().is_some_and(|l| l.kind == TurnKind::Question)
        });
        let new_kind = if t.heading.is_some() {
            Some(if is_q {
                SectionKind::Qa
            } else {
                SectionKind::Remarks
            })
        } else if is_q && !continues_q {
            Some(SectionKind::Qa)
        } else if out.is_empty() {
            Some(SectionKind::Remarks)
        } else {
            None
        };
        if let Some(kind) = new_kind {
            let called_by_host = (kind == SectionKind::Qa)
                .then(|| out.last_mut().and_then(|s| host_introduction(s, people)))
                .flatten();
            out.push(DraftSection {
                kind,
                title: t.heading.take(),
                outlet: t.outlet.clone(),
                turns: called_by_host.into_iter().collect(),
            });
        }
        let s = out.last_mut().expect("a section was opened above");
        if s.outlet.is_none() && is_q {
            s.outlet = t.outlet.clone();
        }
        if !is_q && t.kind != TurnKind::Question {
            t.kind = if s.kind == SectionKind::Qa {
                TurnKind::Answer
            } else {
                TurnKind::Statement
            };
        }
        s.turns.push(t);
    }
    close(&mut out, people);
    out
}

/// A reporter's turn that only greets, thanks or interjects (`Good afternoon.`, `Thank you.`,
/// `(Laughter.)  Awww —`): a few words that ask nothing.
fn is_greeting(t: &DraftTurn) -> bool {
    let [p] = t.paras.as_slice() else {
        return false;
    };
    p.text.split_whitespace().count() <= 6 && !super::questions::asks(&p.text)
}

/// The host's words after an answer and right before the next question (`Your next question
/// comes from…`, `China Daily, please.`) introduce that question: they are taken out of the
/// section they end, to open the next one.
fn host_introduction(s: &mut DraftSection, people: &People) -> Option<DraftTurn> {
    let last = s.turns.last()?;
    let host = matches!(last.voice, Voice::Person(i) if people.list[i].kind == SpeakerKind::Host);
    let answered = s
        .turns
        .iter()
        .rev()
        .skip(1)
        .any(|t| t.kind != TurnKind::Question);
    if !(s.kind == SectionKind::Qa && host && answered) {
        return None;
    }
    let mut t = s.turns.pop()?;
    t.kind = TurnKind::Statement;
    Some(t)
}

fn close(sections: &mut Vec<DraftSection>, people: &People) {
    let Some(last) = sections.last_mut() else {
        return;
    };
    let several = last.turns.len() >= 2;
    let Some(t) = last.turns.last_mut() else {
        return;
    };
    let Voice::Person(i) = t.voice else {
        return;
    };
    if people.list[i].kind != SpeakerKind::Host || !several {
        return;
    }
    let closes = |p: &Para| {
        let lower = p.text.to_lowercase();
        CLOSING.iter().any(|c| lower.contains(c))
    };
    // The closing words are the host's last paragraphs; what comes before them (an answer the
    // host gave, merged into the same turn) stays where it is.
    let Some(from) = t.paras.iter().position(closes) else {
        return;
    };
    let closing = if from == 0 {
        last.turns.pop().expect("checked above")
    } else {
        let mut c = t.clone();
        c.paras = t.paras.split_off(from);
        c.line = c.paras[0].line;
        c.heading = None;
        c
    };
    sections.push(DraftSection {
        kind: SectionKind::Closing,
        title: None,
        outlet: None,
        turns: vec![DraftTurn {
            kind: TurnKind::Statement,
            ..closing
        }],
    });
}

#[cfg(test)]
mod tests {
    use crate::import::import;
    use crate::model::{SectionKind, TurnKind};

    #[test]
    fn greetings_and_interjections_open_no_question() {
        let raw = "MS. ROE:  Good afternoon, everybody.\n\nQ    Good afternoon.\n\n\
                   MS. ROE:  We got you a gift, Ed.\n\nQ    Awww —\n\nMS. ROE:  So, here you go.\n\n\
                   Q    Why did prices rise?\n\nMS. ROE:  Demand.\n";
        let b = import(raw).briefing;
        let kinds: Vec<SectionKind> = b.sections.iter().map(|s| s.kind).collect();
        assert_eq!(kinds, [SectionKind::Remarks, SectionKind::Qa]);
        let asked = b.sections[0]
            .turns
            .iter()
            .filter(|t| t.kind == TurnKind::Question);
        assert_eq!(asked.count(), 2, "the reporters' words stay theirs");
    }
}
