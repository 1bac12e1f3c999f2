//! A labelled transcript: turns start at speaker lines, unlabelled paragraphs continue the turn,
//! questions open Q&A sections, and the host's last words close the event.

use super::header::{self, HeaderLine};
use super::labels::{Candidate, Shape, candidate};
use super::names::{self, Hint, Who};
use super::people::People;
use super::text::{Para, excerpt};
use super::{DraftSection, DraftTurn, NoteKind, Notes, Voice, headings, new_person, questions};
use crate::model::{Meta, SectionKind, SpeakerKind, TurnKind};
use std::collections::HashMap;

/// The accepted speaker labels, one slot per paragraph; `None` when the text is not a labelled
/// transcript (fewer than two labels), so it is read as a report instead.
pub fn find_labels(paras: &[Para]) -> Option<Vec<Option<Candidate<'_>>>> {
    let cands: Vec<Option<Candidate>> = paras
        .iter()
        .map(|p| {
            if headings::heading(&p.text).is_some() {
                None
            } else {
                candidate(&p.text)
            }
        })
        .collect();
    let mut counts: HashMap<String, usize> = HashMap::new();
    for c in cands.iter().flatten() {
        *counts.entry(names::key(c.label)).or_default() += 1;
    }
    let accepted: Vec<Option<Candidate>> = cands
        .into_iter()
        .map(|c| c.filter(|c| accept(c, counts[&names::key(c.label)])))
        .collect();
    let n = accepted.iter().flatten().count();
    (n >= 2).then_some(accepted)
}

fn accept(c: &Candidate, count: usize) -> bool {
    let known_role = names::is_reporter_word(c.label)
        || !matches!(
            names::classify(c.label),
            Who::Person {
                kind: Hint::Official,
                ..
            }
        );
    let words = c.label.split(' ').count();
    match c.shape {
        Shape::Q | Shape::Timed | Shape::Caps => true,
        Shape::Han => known_role || count >= 2,
        Shape::Mixed => {
            known_role
                || count >= 2
                || (words >= 2 && words <= 4)
                || (words > 4 && c.rest.is_empty())
        }
    }
}

/// Read the header and the labelled turns.
pub fn build(
    paras: &[Para],
    labels: &[Option<Candidate>],
    meta: &mut Meta,
    people: &mut People,
    notes: &mut Notes,
) -> Vec<DraftSection> {
    let first = (0..paras.len())
        .find(|&i| labels[i].is_some() || headings::heading(&paras[i].text).is_some())
        .unwrap_or(paras.len());
    let mut intro = read_header(&paras[..first], meta, people, notes);
    let mut turns: Vec<DraftTurn> = Vec::new();
    let mut heading: Option<String> = None;
    let mut placeholders: Vec<usize> = Vec::new();
    let q_labels = labels.iter().flatten().any(|c| c.shape == Shape::Q);
    for (p, label) in paras.iter().zip(labels).skip(first) {
        if let Some(h) = headings::heading(&p.text) {
            notes.add(p.line, NoteKind::Metadata, format!("section heading: {h}"));
            heading = Some(h);
            continue;
        }
        let Some(c) = label else {
            match turns.last_mut() {
                Some(t) => t.paras.push(p.clone()),
                None => intro.push(p.clone()),
            }
            continue;
        };
        if !c.prefix.is_empty() {
            notes.add(
                p.line,
                NoteKind::Removed,
                format!("note before the label: {}", c.prefix),
            );
        }
        let (voice, kind, outlet) = match names::classify(c.label) {
            Who::Reporter { outlet } => (Voice::Reporter, TurnKind::Question, outlet),
            Who::Placeholder(name) => {
                let i = people.add(new_person(name, None, SpeakerKind::Reporter));
                if !placeholders.contains(&i) {
                    placeholders.push(i);
                }
                (Voice::Person(i), TurnKind::Question, None)
            }
            Who::Person { name, role, kind } => {
                let kind = match kind {
                    Hint::Host => SpeakerKind::Host,
                    Hint::Official => SpeakerKind::Official,
                    Hint::Other => SpeakerKind::Other,
                };
                let i = people.add(new_person(name, role, kind));
                (Voice::Person(i), TurnKind::Answer, None)
            }
        };
        let mut t = DraftTurn {
            voice,
            kind,
            line: p.line,
            paras: Vec::new(),
            outlet,
            heading: heading.take(),
        };
        if !c.rest.is_empty() {
            t.paras.push(Para {
                line: p.line,
                text: c.rest.to_string(),
            });
        }
        turns.push(t);
    }
    decide_placeholders(&mut turns, &placeholders, people, notes);
    resolve_title_labels(people, meta, notes);
    find_host(&turns, people, notes);
    if !q_labels {
        split_unlabelled_questions(&mut turns, people, notes);
    }
    let mut sections = into_sections(turns, people);
    if !intro.is_empty() {
        // Prose before the first speaker introduces the event, and may report what was said:
        // it is read as a report and opens the remarks.
        let intro = super::reported::attribute(&intro, meta, people, notes);
        match sections.first_mut() {
            Some(s) if s.kind == SectionKind::Remarks => {
                s.turns.splice(0..0, intro);
            }
            _ => sections.insert(
                0,
                DraftSection {
                    kind: SectionKind::Remarks,
                    title: None,
                    outlet: None,
                    turns: intro,
                },
            ),
        }
    }
    sections
}

/// Title, date, place and speaker list before the first turn; returns the prose that is left.
fn read_header(
    paras: &[Para],
    meta: &mut Meta,
    people: &mut People,
    notes: &mut Notes,
) -> Vec<Para> {
    let mut prose = Vec::new();
    for p in paras {
        match header::classify(&p.text) {
            HeaderLine::Date { iso, place, time } => {
                meta.date.get_or_insert(iso);
                if let Some(pl) = place {
                    meta.place.get_or_insert(pl);
                }
                if let Some(t) = time {
                    meta.time.get_or_insert(t);
                }
                notes.add(p.line, NoteKind::Metadata, format!("date line: {}", p.text));
            }
            HeaderLine::Speaker { name, role, org } => {
                let mut person = new_person(name, Some(role), SpeakerKind::Official);
                person.org = org;
                person.listed = true;
                people.add(person);
                notes.add(
                    p.line,
                    NoteKind::Metadata,
                    format!("speaker list: {}", excerpt(&p.text, 60)),
                );
            }
            HeaderLine::Short(s) => {
                let s = s.trim_start_matches('#').trim().to_string();
                if meta.title.is_empty() {
                    meta.title = s;
                    notes.add(p.line, NoteKind::Metadata, "title");
                } else if p.text.starts_with('#') || s == meta.title {
                    notes.add(
                        p.line,
                        NoteKind::Removed,
                        format!("repeats the title: {}", excerpt(&s, 60)),
                    );
                } else if s.chars().count() <= 60 {
                    let place = match meta.place.take() {
                        Some(old) => format!("{old}, {s}"),
                        None => s,
                    };
                    meta.place = Some(place);
                    notes.add(p.line, NoteKind::Metadata, format!("place: {}", p.text));
                } else {
                    prose.push(p.clone());
                }
            }
            HeaderLine::Prose => prose.push(p.clone()),
        }
    }
    prose
}

/// `Speaker 3` asks unless every turn of theirs states at length without asking: then the
/// label hides an official (a transcription service numbers everyone it cannot name).
fn decide_placeholders(
    turns: &mut [DraftTurn],
    placeholders: &[usize],
    people: &mut People,
    notes: &mut Notes,
) {
    for &i in placeholders {
        let theirs = || turns.iter().filter(move |t| t.voice == Voice::Person(i));
        let asks = theirs().any(|t| t.paras.iter().any(|p| questions::asks(&p.text)));
        let longest = theirs()
            .map(|t| {
                t.paras
                    .iter()
                    .map(|p| p.text.split(' ').count())
                    .sum::<usize>()
            })
            .max()
            .unwrap_or(0);
        if asks || longest < 80 {
            continue;
        }
        people.list[i].kind = SpeakerKind::Official;
        let line = theirs().next().map_or(0, |t| t.line);
        notes.add(
            line,
            NoteKind::Guessed,
            format!(
                "`{}` answers rather than asks: read as an official",
                people.list[i].name
            ),
        );
        for t in turns.iter_mut().filter(|t| t.voice == Voice::Person(i)) {
            t.kind = TurnKind::Answer;
        }
    }
}

/// `THE PRESIDENT:` is the president the title names (`Remarks by President Lee in …`), and
/// `MS. ROE:` is the `Jane Roe` the title names.
fn resolve_title_labels(people: &mut People, meta: &Meta, notes: &mut Notes) {
    for p in people.list.iter_mut() {
        let one_word =
            !p.name.contains(' ') && p.name.chars().all(|c| c.is_alphabetic() || c == '-');
        if one_word && p.kind != SpeakerKind::Reporter {
            let words: Vec<&str> = meta.title.split(' ').collect();
            let at = words.windows(2).find(|w| {
                w[1].trim_end_matches([',', ';', ':']) == p.name
                    && w[0].chars().next().is_some_and(char::is_uppercase)
                    && w[0].chars().all(char::is_alphabetic)
                    && !is_title_word(w[0])
            });
            if let Some(w) = at {
                let full = format!("{} {}", w[0], p.name);
                notes.add(
                    0,
                    NoteKind::Guessed,
                    format!("`{}` is {full} (from the title)", p.name),
                );
                p.name = full;
                continue;
            }
        }
        let Some(office) = p.name.strip_prefix("The ") else {
            continue;
        };
        let pattern = format!("{office} ");
        let Some(at) = meta.title.find(&pattern) else {
            continue;
        };
        if meta.title[..at].trim_end().ends_with("Vice") && !office.starts_with("Vice") {
            continue;
        }
        let name: Vec<&str> = meta.title[at + pattern.len()..]
            .split(' ')
            .take_while(|w| {
                w.chars().next().is_some_and(char::is_uppercase)
                    && w.chars().all(char::is_alphabetic)
            })
            .take(3)
            .collect();
        if name.is_empty() {
            continue;
        }
        let full = name.join(" ");
        notes.add(
            0,
            NoteKind::Guessed,
            format!("`{}` is {office} {full} (from the title)", p.name),
        );
        p.role.get_or_insert(office.to_string());
        p.name = format!("{office} {full}");
    }
}

fn is_title_word(w: &str) -> bool {
    matches!(
        w.to_lowercase().as_str(),
        "president"
            | "secretary"
            | "minister"
            | "governor"
            | "senator"
            | "ambassador"
            | "advisor"
            | "adviser"
            | "director"
            | "spokesperson"
            | "chair"
            | "by"
            | "with"
            | "and"
            | "the"
    )
}

const WELCOME: &[&str] = &[
    "welcome",
    "good morning",
    "good afternoon",
    "good evening",
    "joined by",
    "the floor",
    "欢迎",
    "歡迎",
    "各位记者",
    "各位記者",
];

/// The first speaker is the host when they open with a welcome and others answer after them.
fn find_host(turns: &[DraftTurn], people: &mut People, notes: &mut Notes) {
    let mut speakers = turns.iter().filter_map(|t| match t.voice {
        Voice::Person(i) if people.list[i].kind != SpeakerKind::Reporter => Some((i, t)),
        _ => None,
    });
    let Some((first, t)) = speakers.next() else {
        return;
    };
    if people.list.iter().any(|p| p.kind == SpeakerKind::Host) || !speakers.any(|(i, _)| i != first)
    {
        return;
    }
    let opening = t
        .paras
        .first()
        .map(|p| p.text.to_lowercase())
        .unwrap_or_default();
    if WELCOME.iter().any(|w| opening.contains(w))
        && people.list[first].kind == SpeakerKind::Official
    {
        people.list[first].kind = SpeakerKind::Host;
        notes.add(
            t.line,
            NoteKind::Guessed,
            format!("{} hosts (opens with a welcome)", people.list[first].name),
        );
    }
}

/// In transcripts that label answers but not questions, a turn's last paragraph that asks,
/// right before another speaker answers, is a reporter's question.
fn split_unlabelled_questions(turns: &mut Vec<DraftTurn>, people: &People, notes: &mut Notes) {
    let answers = |t: &DraftTurn| matches!(t.voice, Voice::Person(i) if people.list[i].kind != SpeakerKind::Reporter);
    let mut i = 0;
    while i + 1 < turns.len() {
        let split = answers(&turns[i])
            && answers(&turns[i + 1])
            && turns[i].paras.len() >= 2
            && turns[i]
                .paras
                .last()
                .is_some_and(|p| questions::is_question_paragraph(&p.text));
        if split {
            let q = turns[i].paras.pop().expect("checked above");
            notes.add(
                q.line,
                NoteKind::Guessed,
                format!("unlabelled question: {}", excerpt(&q.text, 60)),
            );
            turns.insert(
                i + 1,
                DraftTurn {
                    voice: Voice::Reporter,
                    kind: TurnKind::Question,
                    line: q.line,
                    paras: vec![q],
                    outlet: None,
                    heading: None,
                },
            );
            i += 1;
        }
        i += 1;
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
fn into_sections(turns: Vec<DraftTurn>, people: &People) -> Vec<DraftSection> {
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
        let is_q = t.kind == TurnKind::Question;
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
            out.push(DraftSection {
                kind,
                title: t.heading.take(),
                outlet: t.outlet.clone(),
                turns: Vec::new(),
            });
        }
        let s = out.last_mut().expect("a section was opened above");
        if s.outlet.is_none() && is_q {
            s.outlet = t.outlet.clone();
        }
        if !is_q {
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

fn close(sections: &mut Vec<DraftSection>, people: &People) {
    let Some(last) = sections.last_mut() else {
        return;
    };
    let Some(t) = last.turns.last() else {
        return;
    };
    let Voice::Person(i) = t.voice else {
        return;
    };
    let text = t
        .paras
        .iter()
        .map(|p| p.text.to_lowercase())
        .collect::<Vec<_>>()
        .join(" ");
    let closes =
        people.list[i].kind == SpeakerKind::Host && CLOSING.iter().any(|c| text.contains(c));
    if !closes || last.turns.len() < 2 {
        return;
    }
    let mut t = last.turns.pop().expect("checked above");
    t.kind = TurnKind::Statement;
    sections.push(DraftSection {
        kind: SectionKind::Closing,
        title: None,
        outlet: None,
        turns: vec![t],
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::text::{lines, paragraphs};

    fn run(raw: &str) -> (Vec<DraftSection>, People) {
        let (ls, _) = lines(raw);
        let paras = paragraphs(&ls, false);
        let labels = find_labels(&paras).expect("a transcript");
        let mut people = People::default();
        let mut meta = Meta::default();
        let mut notes = Notes::default();
        let s = build(&paras, &labels, &mut meta, &mut people, &mut notes);
        (s, people)
    }

    #[test]
    fn questions_open_qa_sections_and_answers_follow() {
        let raw = "Ann Lee: Welcome, friends.\nBo Chen: We grew fast.\nReporter: Why so fast?\nBo Chen: Demand.\nQ Anything else?\nBo Chen: No.\nAnn Lee: That's all for today. Goodbye.\n";
        let (s, people) = run(raw);
        let kinds: Vec<SectionKind> = s.iter().map(|s| s.kind).collect();
        assert_eq!(
            kinds,
            vec![
                SectionKind::Remarks,
                SectionKind::Qa,
                SectionKind::Qa,
                SectionKind::Closing
            ]
        );
        assert_eq!(s[1].turns[0].voice, Voice::Reporter);
        assert_eq!(s[1].turns[1].kind, TurnKind::Answer);
        assert_eq!(people.list[0].kind, SpeakerKind::Host);
    }

    #[test]
    fn an_unlabelled_question_between_answers_is_split_off() {
        let raw = "Ann Lee:\nWelcome. The floor is open.\nHow fast will ports grow this year? Thank you.\nBo Chen:\nFast.\nJobs? Many more.\nCarl Dunn:\nMany.\n";
        let (s, _) = run(raw);
        let qa: Vec<&DraftSection> = s.iter().filter(|s| s.kind == SectionKind::Qa).collect();
        assert_eq!(
            qa.len(),
            1,
            "a one-paragraph answer keeps its question mark"
        );
        assert!(qa[0].turns[0].paras[0].text.starts_with("How fast"));
    }

    #[test]
    fn outlets_and_headings_title_their_qa() {
        let raw = "Li Ming: Hello.\nTopic one: Ports\nHarbour Daily: Why ports?\nLi Ming: Trade.\n";
        let (s, _) = run(raw);
        let qa = s.iter().find(|s| s.kind == SectionKind::Qa).unwrap();
        assert_eq!(qa.title.as_deref(), Some("Topic one: Ports"));
        assert_eq!(qa.outlet.as_deref(), Some("Harbour Daily"));
    }

    #[test]
    fn a_numbered_speaker_who_states_at_length_is_an_official() {
        let long = "We act now. ".repeat(40);
        let raw = format!(
            "Speaker 1: (00:01)\n{long}\nSpeaker 2: (00:30)\nWhy?\nSpeaker 1: (00:40)\nBecause.\n"
        );
        let (s, people) = run(&raw);
        assert_eq!(people.list[0].kind, SpeakerKind::Official);
        assert_eq!(people.list[1].kind, SpeakerKind::Reporter);
        assert_eq!(s.iter().filter(|s| s.kind == SectionKind::Qa).count(), 1);
    }
}
