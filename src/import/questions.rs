//! Questions: whether a paragraph asks, and questions that carry no label at all.
//!
//! Some transcripts label only the answers: the question sits as a paragraph between the end of
//! an answer (or the host's "the floor is open") and the next speaker line. It is recognised
//! when it asks and is the last thing before another speaker answers.

/// Whether a paragraph asks something.
pub fn asks(text: &str) -> bool {
    if text.contains(['?', '？']) {
        return true;
    }
    let lower = text.to_lowercase();
    [
        "may i ask",
        "i'd like to ask",
        "i would like to ask",
        "i want to ask",
        "my question is",
        "could you tell us",
        "can you tell us",
        "请问",
        "請問",
        "想问",
        "想問",
    ]
    .iter()
    .any(|p| lower.contains(p))
}

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
}
