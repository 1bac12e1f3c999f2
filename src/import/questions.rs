//! Questions: whether a paragraph asks, and questions that carry no label at all.
//!
//! Some transcripts label only the answers: the question sits as a paragraph between the end of
//! an answer (or the host's "the floor is open") and the next speaker line. It is recognised
//! when it asks and is the last thing before another speaker answers.

use super::people::People;
use super::{DraftTurn, NoteKind, Notes, Voice, new_person};
use crate::model::{SpeakerKind, TurnKind};

/// Some transcripts label only the questions (`**Reporter: …?**`) and print the answer after
/// them unlabelled. When no labelled turn answers, the paragraphs after a question turn's
/// question are the answer of the person the title names (else an unnamed `Interviewee`).
pub fn split_unlabelled_answers(
    turns: &mut Vec<DraftTurn>,
    people: &mut People,
    title: &str,
    notes: &mut Notes,
) {
    let only_questions = turns.len() >= 2 && turns.iter().all(|t| t.kind == TurnKind::Question);
    let answered = |t: &DraftTurn| t.paras.len() >= 2 && asks(&t.paras[0].text);
    if !only_questions || turns.iter().filter(|t| answered(t)).count() < 2 {
        return;
    }
    let (name, role) = super::title_people::person_in_title(title)
        .unwrap_or_else(|| ("Interviewee".to_string(), None));
    notes.add(
        turns[0].line,
        NoteKind::Guessed,
        format!("only questions are labelled: the text after each is {name}'s answer"),
    );
    let who = people.add(new_person(name, role, SpeakerKind::Official));
    let old = std::mem::take(turns);
    for mut t in old {
        // The question runs to its last asking paragraph before the rest.
        let asked = t.paras.iter().take_while(|p| asks(&p.text)).count().max(1);
        let answer = t.paras.split_off(asked.min(t.paras.len()));
        let line = answer.first().map(|p| p.line);
        turns.push(t);
        if let Some(line) = line {
            turns.push(DraftTurn {
                voice: Voice::Person(who),
                kind: TurnKind::Answer,
                line,
                paras: answer,
                outlet: None,
                heading: None,
            });
        }
    }
}

/// Whether a paragraph asks something.
pub fn asks(text: &str) -> bool {
    text.contains(['?', '？']) || ASKING.is_match(text)
}

/// Phrases that ask without a question mark.
static ASKING: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(
        "(?i)may i ask|i'd like to ask|i would like to ask|i want to ask|my question is|could you tell us|can you tell us|请问|請問|想问|想問",
    )
    .expect("asking pattern")
});

/// Whether a paragraph asks the host for the questions rather than asking one (`Operator, would
/// you please poll for questions?`, `Any questions?`).
pub fn asks_for_questions(text: &str) -> bool {
    let lower = text.to_lowercase();
    lower.starts_with("operator")
        || [
            "for questions",
            "any questions",
            "open the floor",
            "open the call",
            "take your questions",
            "take questions",
        ]
        .iter()
        .any(|p| lower.contains(p))
}

/// Whether a paragraph is a whole question: it asks, and ends asking or with thanks after asking.
pub fn is_question_paragraph(text: &str) -> bool {
    let t = text.trim_end();
    if t.ends_with(['?', '？']) {
        return true;
    }
    let lower = t.to_lowercase();
    let thanks = [
        "thank you.",
        "thanks.",
        "thank you very much.",
        "谢谢。",
        "謝謝。",
        "谢谢！",
    ];
    asks(t) && thanks.iter().any(|x| lower.ends_with(x))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn asking_paragraphs() {
        assert!(asks("What will you do next?"));
        assert!(asks("May I ask whether growth will continue."));
        assert!(!asks("We will do more."));
        assert!(is_question_paragraph(
            "How do you see it? What comes next? Thank you."
        ));
        assert!(is_question_paragraph("请问下一步怎么做？"));
        assert!(!is_question_paragraph(
            "Why? Because demand grew. We are confident."
        ));
        assert!(!is_question_paragraph("Thank you."));
        assert!(asks_for_questions(
            "Operator, would you please poll for questions?"
        ));
        assert!(!asks_for_questions("What will the ministry do next?"));
    }

    #[test]
    fn answers_after_labelled_questions_go_to_the_person_the_title_names() {
        let raw = "---\ntitle: 'Media Interview with Mr K Tan, Minister for Trade'\n---\n\n\
                   **Reporter: Minister, what is your view of the ruling?**\n\n\
                   We will study it carefully.\n\nThen we respond.\n\n\
                   **Reporter: Will it affect ties?**\n\nTies are strong.\n";
        let b = crate::import::import(raw).briefing;
        let tan = b
            .speakers
            .iter()
            .find(|s| s.name == "K Tan")
            .expect("the minister");
        assert_eq!(tan.role.as_deref(), Some("Minister for Trade"));
        assert_eq!(b.question_count(), 2);
        let answers: Vec<&str> = b
            .sections
            .iter()
            .flat_map(|s| &s.turns)
            .filter(|t| t.speaker == tan.id)
            .map(|t| t.paragraphs[0].text.as_str())
            .collect();
        assert_eq!(answers, ["We will study it carefully.", "Ties are strong."]);
    }
}
