//! A labelled transcript: turns start at speaker lines, unlabelled paragraphs continue the turn,
//! questions open Q&A sections, and the host's last words close the event.

use super::han_names::Field;
use super::header;
use super::labels::{Candidate, Shape, candidate};
use super::names::{self, Hint, Who};
use super::participants::{Lists, Side};
use super::people::People;
use super::text::{Para, excerpt};
use super::{
    DraftSection, DraftTurn, NoteKind, Notes, Voice, han_names, headings, new_person, questions,
};
use crate::model::{Meta, SectionKind, SpeakerKind, TurnKind};
use std::collections::HashMap;

/// The accepted speaker labels, one slot per paragraph; `None` when the text is not a labelled
/// transcript (fewer than two labels), so it is read as a report instead.
pub fn find_labels<'a>(paras: &'a [Para], listed: &Lists) -> Option<Vec<Option<Candidate<'a>>>> {
    let bare = |text: &'a str| Candidate {
        label: text,
        rest: "",
        shape: Shape::Bare,
        prefix: "",
    };
    let fields: Vec<Option<Field>> = paras
        .iter()
        .map(|p| han_names::header_field(&p.text))
        .collect();
    let line_labels = super::line_labels::find(paras);
    let mut cands: Vec<Option<Candidate>> = paras
        .iter()
        .zip(&fields)
        .enumerate()
        .map(|(i, (p, field))| {
            let metadata = field.is_some() || listed.holds(i);
            if let Some((label, rest)) = line_labels[i] {
                Some(Candidate {
                    rest,
                    ..bare(label)
                })
            } else if headings::heading(&p.text).is_some() || metadata {
                None
            } else if listed.is_label(&p.text) {
                Some(bare(&p.text))
            } else {
                candidate(&p.text)
            }
        })
        .collect();
    // `国务院新闻办新闻局局长、新闻发言人 胡凯红` alone, then the speech: a label without its colon
    // (in a speaker list, the next line is another entry or a label).
    for i in 0..paras.len().saturating_sub(1) {
        let own_line = matches!(fields[i], Some(Field::Person { .. }))
            && !paras[i].text.contains(super::labels::is_colon);
        if own_line && fields[i + 1].is_none() && cands[i + 1].is_none() {
            cands[i] = Some(bare(&paras[i].text));
        }
    }
    let mut counts: HashMap<String, usize> = HashMap::new();
    // `State Minister for Foreign Affairs Yasuhide Nakayama:` then `State Minister Nakayama:`:
    // titled labels that end in the same surname are one speaker's.
    let mut families: HashMap<String, usize> = HashMap::new();
    for c in cands.iter().flatten() {
        *counts.entry(names::key(c.label)).or_default() += 1;
        if let Some(f) = family(c) {
            *families.entry(f).or_default() += 1;
        }
    }
    // Full-stop labels are trusted where the text is written in them: several, one recurring.
    let stops = cands
        .iter()
        .flatten()
        .filter(|c| c.shape == Shape::Stop)
        .count();
    let stop_recurs = cands
        .iter()
        .flatten()
        .any(|c| c.shape == Shape::Stop && counts[&names::key(c.label)] >= 2);
    let stop_text = stops >= 3 && stop_recurs;
    // Labels repeat: classify each distinct one once.
    let mut roles: HashMap<&str, bool> = HashMap::new();
    let accepted: Vec<Option<Candidate>> = cands
        .into_iter()
        .map(|c| {
            c.filter(|c| {
                let known = *roles.entry(c.label).or_insert_with(|| known_role(c.label));
                let seen = counts[&names::key(c.label)];
                let kin = family(c).map_or(0, |f| families[&f]);
                accept(c, seen.max(kin), known, stop_text)
            })
        })
        .collect();
    let n = accepted.iter().flatten().count();
    (n >= 2).then_some(accepted)
}

/// The surname a mixed-case label of several words ends with.
fn family(c: &Candidate) -> Option<String> {
    let (rest, last) = c.label.rsplit_once(' ')?;
    let name_like = last.chars().next().is_some_and(char::is_uppercase) && !rest.contains(", ");
    (c.shape == Shape::Mixed && name_like).then(|| names::key(last))
}

/// Whether a label names a part (reporter, host, interpreter, outlet) rather than a person.
fn known_role(label: &str) -> bool {
    names::is_reporter_word(label)
        || !matches!(
            names::classify(label),
            Who::Person {
                kind: Hint::Official,
                ..
            }
        )
}

/// Whether a label's text is only a date (`Issued on:  April 15, 2020`, `Posted: 3 May`): a
/// header field, not speech.
fn dates_only(rest: &str) -> bool {
    rest.len() < 60
        && header::find_date(rest).is_some_and(|(_, r)| {
            let outside = format!("{}{}", &rest[..r.start], &rest[r.end..]);
            !outside.chars().any(char::is_alphabetic)
        })
}

fn accept(c: &Candidate, count: usize, known_role: bool, stop_text: bool) -> bool {
    if c.shape != Shape::Q && !c.rest.is_empty() && dates_only(c.rest) {
        return false;
    }
    let words = c.label.split(' ').count();
    if names::names_event(c.label) && matches!(c.shape, Shape::Mixed | Shape::Caps | Shape::Stop) {
        return false;
    }
    match c.shape {
        Shape::Q | Shape::Timed | Shape::Caps | Shape::Bare => true,
        Shape::Stop => stop_text,
        Shape::Han => {
            known_role
                || count >= 2
                || han_names::split(c.label).is_some()
                || han_names::is_surname_name(c.label)
                || han_names::is_office(c.label)
        }
        Shape::Mixed => {
            known_role
                || count >= 2
                || (2..=4).contains(&words)
                || (words > 4 && c.rest.is_empty())
                || super::named_reporters::introduces_self(c.label, c.rest).is_some()
                || names::short_form(c.label).is_some()
        }
    }
}

/// Read the header and the labelled turns.
pub fn build(
    paras: &[Para],
    labels: &[Option<Candidate>],
    listed: &Lists,
    meta: &mut Meta,
    people: &mut People,
    notes: &mut Notes,
) -> Vec<DraftSection> {
    let first = (0..paras.len())
        .find(|&i| labels[i].is_some() || headings::heading(&paras[i].text).is_some())
        .unwrap_or(paras.len());
    add_participants(listed, paras, people, notes);
    let header: Vec<Para> = (0..first)
        .filter(|&i| !listed.holds(i))
        .map(|i| paras[i].clone())
        .collect();
    let mut intro = header::read(&header, meta, people, notes);
    let mut turns: Vec<DraftTurn> = Vec::new();
    let mut heading: Option<String> = None;
    let mut placeholders: Vec<usize> = Vec::new();
    let q_labels = labels.iter().flatten().any(|c| c.shape == Shape::Q);
    let mut voices: HashMap<&str, (Voice, TurnKind, Option<String>)> = HashMap::new();
    // `Vassy Kapelos (VK):` once, then `VK:`; `Moderator (Zou Lan, …):`, then `Moderator:`: the
    // short form is that speaker's label too.
    let initials: HashMap<&str, &str> = labels
        .iter()
        .flatten()
        .filter_map(|c| names::short_form(c.label).map(|short| (short, c.label)))
        .collect();
    for (p, label) in paras.iter().zip(labels).skip(first) {
        if let Some(h) = headings::heading(&p.text).filter(|_| label.is_none()) {
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
        let label = initials.get(c.label).copied().unwrap_or(c.label);
        let cached = voices.get(label).cloned();
        let (voice, kind, outlet) = match cached {
            Some(v) => v,
            None => {
                let v = voice_of(label, people, &mut placeholders);
                voices.insert(label, v.clone());
                v
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
    questions::split_unlabelled_answers(&mut turns, people, &meta.title, notes);
    super::named_reporters::find(&mut turns, people, notes);
    super::title_people::resolve(people, meta, notes);
    if q_labels {
        // With no title yet, the opening words may name who answers.
        let about = match intro.first() {
            Some(p) if meta.title.trim().is_empty() => p.text.as_str(),
            _ => meta.title.as_str(),
        };
        super::spokesperson::resolve_answer_label(people, about, notes);
    }
    find_host(&turns, people, notes);
    // Where reporters have labels of their own (`Q`, a call's listed analysts), no question hides
    // unlabelled in an answer.
    let callers_listed = listed.people.iter().any(|p| p.side == Side::Caller);
    if !q_labels && !callers_listed {
        split_unlabelled_questions(&mut turns, people, notes);
    }
    super::sections::outlets_called(&mut turns, notes);
    let mut sections = super::sections::into_sections(turns, people);
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

/// The people of a call's participant lists: the company's answer, the callers ask for their firm.
fn add_participants(listed: &Lists, paras: &[Para], people: &mut People, notes: &mut Notes) {
    for p in &listed.people {
        let (kind, role, org) = match p.side {
            Side::Company => (SpeakerKind::Official, Some(p.detail.clone()), None),
            Side::Caller => (SpeakerKind::Reporter, None, Some(p.detail.clone())),
        };
        let mut person = new_person(names::title_case(&p.name), role, kind);
        person.org = org;
        person.listed = true;
        people.add(person);
    }
    for &i in &listed.paragraphs {
        notes.add(
            paras[i].line,
            NoteKind::Metadata,
            format!("participant list: {}", excerpt(&paras[i].text, 60)),
        );
    }
}

/// Who a label stands for, as a voice of this transcript (placeholders are remembered, to be
/// decided once all their turns are known).
fn voice_of(
    label: &str,
    people: &mut People,
    placeholders: &mut Vec<usize>,
) -> (Voice, TurnKind, Option<String>) {
    match names::classify(label) {
        Who::Reporter { outlet } => (Voice::Reporter, TurnKind::Question, outlet),
        Who::Placeholder(name) => {
            let i = people.add(new_person(name, None, SpeakerKind::Reporter));
            placeholders.push(i);
            (Voice::Person(i), TurnKind::Question, None)
        }
        Who::NamedReporter { name, outlet } => {
            let mut p = new_person(name, None, SpeakerKind::Reporter);
            p.org = Some(outlet.clone());
            (
                Voice::Person(people.add(p)),
                TurnKind::Question,
                Some(outlet),
            )
        }
        Who::Person { name, role, kind } => {
            let kind = match kind {
                Hint::Host => SpeakerKind::Host,
                Hint::Official => SpeakerKind::Official,
                Hint::Other => SpeakerKind::Other,
            };
            let i = people.add(new_person(name, role, kind));
            // A listed caller asks, for the firm the list gives.
            match &people.list[i] {
                p if p.kind == SpeakerKind::Reporter => {
                    (Voice::Person(i), TurnKind::Question, p.org.clone())
                }
                _ => (Voice::Person(i), TurnKind::Answer, None),
            }
        }
    }
}

/// `Speaker 3` asks unless every turn of theirs states at length without asking: then the
/// label hides an official (a transcription service numbers everyone it cannot name).
fn decide_placeholders(
    turns: &mut [DraftTurn],
    placeholders: &[usize],
    people: &mut People,
    notes: &mut Notes,
) {
    // One pass over the turns: (asks, longest turn in words, first line) per placeholder.
    let mut stats: HashMap<usize, (bool, usize, u32)> =
        placeholders.iter().map(|&i| (i, (false, 0, 0))).collect();
    for t in turns.iter() {
        let Voice::Person(i) = t.voice else { continue };
        let Some(st) = stats.get_mut(&i) else {
            continue;
        };
        st.0 |= t.paras.iter().any(|p| questions::asks(&p.text));
        st.1 =
            st.1.max(t.paras.iter().map(|p| p.text.split(' ').count()).sum());
        if st.2 == 0 {
            st.2 = t.line;
        }
    }
    let mut officials: Vec<usize> = stats
        .iter()
        .filter(|(_, (asks, longest, _))| !*asks && *longest >= 80)
        .map(|(&i, _)| i)
        .collect();
    officials.sort_unstable();
    for &i in &officials {
        people.list[i].kind = SpeakerKind::Official;
        notes.add(
            stats[&i].2,
            NoteKind::Guessed,
            format!(
                "`{}` answers rather than asks: read as an official",
                people.list[i].name
            ),
        );
    }
    for t in turns.iter_mut() {
        if matches!(t.voice, Voice::Person(i) if officials.binary_search(&i).is_ok()) {
            t.kind = TurnKind::Answer;
        }
    }
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
    "上午好",
    "下午好",
    "媒体朋友",
    "媒體朋友",
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
    let old = std::mem::take(turns);
    let answers: Vec<bool> = old
        .iter()
        .map(
            |t| matches!(t.voice, Voice::Person(i) if people.list[i].kind != SpeakerKind::Reporter),
        )
        .collect();
    for (i, mut t) in old.into_iter().enumerate() {
        let split = answers[i]
            && answers.get(i + 1).copied().unwrap_or(false)
            && t.paras.len() >= 2
            && t.paras.last().is_some_and(|p| {
                questions::is_question_paragraph(&p.text) && !questions::asks_for_questions(&p.text)
            });
        let question = if split { t.paras.pop() } else { None };
        turns.push(t);
        if let Some(q) = question {
            notes.add(
                q.line,
                NoteKind::Guessed,
                format!("unlabelled question: {}", excerpt(&q.text, 60)),
            );
            turns.push(DraftTurn {
                voice: Voice::Reporter,
                kind: TurnKind::Question,
                line: q.line,
                paras: vec![q],
                outlet: None,
                heading: None,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::text::{lines, paragraphs};

    fn run(raw: &str) -> (Vec<DraftSection>, People) {
        let (ls, _) = lines(raw);
        let paras = paragraphs(&ls, false);
        let labels = find_labels(&paras, &Lists::default()).expect("a transcript");
        let mut people = People::default();
        let mut meta = Meta::default();
        let mut notes = Notes::default();
        let s = build(
            &paras,
            &labels,
            &Lists::default(),
            &mut meta,
            &mut people,
            &mut notes,
        );
        (s, people)
    }

    #[test]
    fn a_label_followed_by_only_a_date_is_a_header_field() {
        assert!(dates_only("April 15, 2020"));
        assert!(dates_only("2020-04-15"));
        assert!(!dates_only("We met on April 15, 2020 and agreed."));
        let raw = "Issued on:  April 15, 2020\n\nMS. ROE: Good afternoon.\n\nQ: Why?\n\nMS. ROE: Because.\n";
        let (_, people) = run(raw);
        assert!(
            people
                .list
                .iter()
                .all(|p| p.name != "Issued On" && p.name != "Issued on")
        );
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
    fn an_outlet_called_by_the_host_goes_to_the_next_qa() {
        let raw = "MODERATOR: Next question goes to Sam with Harbour Daily 7.\nQ Why ports?\nMR. LEE: Trade.\nMR. LEE: Next, Secretary of State.\nQ And rail?\n";
        let (s, _) = run(raw);
        let outlets: Vec<Option<&str>> = s
            .iter()
            .filter(|s| s.kind == SectionKind::Qa)
            .map(|s| s.outlet.as_deref())
            .collect();
        assert_eq!(outlets, vec![Some("Harbour Daily 7"), None]);
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
