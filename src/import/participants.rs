//! Participant lists of a conference call (earnings calls, investor days, press calls):
//! `Company Participants` and `Conference Call Participants` (or `Executives` and `Analysts`),
//! one `Name - Title` or `Name - Firm` a line. In the body each turn then starts with the
//! speaker's name alone on its line, with no colon: those lines are the labels.

use super::text::Para;

/// Which side of the call a participant is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// The company's people: they answer.
    Company,
    /// Analysts and other callers: they ask.
    Caller,
}

/// One entry of a participant list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Participant {
    pub name: String,
    /// The title (company side) or the firm (caller side).
    pub detail: String,
    pub side: Side,
}

/// The participant lists, and the paragraphs (list headings and entries) they were read from.
#[derive(Debug, Default)]
pub struct Lists {
    pub people: Vec<Participant>,
    /// Indices of the list headings and entries, in increasing order.
    pub paragraphs: Vec<usize>,
}

fn list_heading(text: &str) -> Option<Side> {
    let t = text.trim().trim_end_matches(':').to_lowercase();
    match t.as_str() {
        "company participants"
        | "corporate participants"
        | "executives"
        | "company representatives" => Some(Side::Company),
        "conference call participants"
        | "call participants"
        | "analysts"
        | "other participants" => Some(Side::Caller),
        // A press briefing's cast: `Speaker: NAME, Director, …`, `Moderator: NAME, …`.
        "participants" | "speakers" | "panelists" | "panellists" => Some(Side::Company),
        _ => None,
    }
}

/// `Colette Kress - EVP & CFO` → (`Colette Kress`, `EVP & CFO`); `Speaker: ABEBE SELASSIE,
/// Director, IMF` → (`ABEBE SELASSIE`, `Director, IMF`).
fn entry(text: &str) -> Option<(&str, &str)> {
    let cast = text
        .split_once(": ")
        .filter(|(part, _)| part.split(' ').count() <= 3)
        .and_then(|(_, rest)| rest.split_once(", "));
    let (name, detail) = cast
        .or_else(|| text.split_once(" - "))
        .or_else(|| text.split_once(" – "))
        .or_else(|| text.split_once(" — "))?;
    let (name, detail) = (name.trim(), detail.trim());
    let words: Vec<&str> = name.split(' ').collect();
    let is_name = (1..=5).contains(&words.len())
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '’'))
        });
    (is_name && !detail.is_empty() && detail.chars().count() <= 100).then_some((name, detail))
}

/// Read the participant lists in the first paragraphs of a text.
pub fn lists(paras: &[Para]) -> Lists {
    let mut out = Lists::default();
    let mut side = None;
    for (i, p) in paras.iter().enumerate().take(200) {
        if let Some(s) = list_heading(&p.text) {
            side = Some(s);
            out.paragraphs.push(i);
            continue;
        }
        let Some(s) = side else { continue };
        match entry(&p.text) {
            Some((name, detail)) => {
                out.people.push(Participant {
                    name: name.to_string(),
                    detail: detail.to_string(),
                    side: s,
                });
                out.paragraphs.push(i);
            }
            None => side = None,
        }
    }
    out
}

impl Lists {
    /// Whether paragraph `i` is a list heading or entry (`paragraphs` is in order).
    pub fn holds(&self, i: usize) -> bool {
        self.paragraphs.binary_search(&i).is_ok()
    }

    /// Whether a paragraph is a speaker line: a listed name, or `Operator`, alone.
    pub fn is_label(&self, text: &str) -> bool {
        !self.people.is_empty()
            && (text.eq_ignore_ascii_case("operator") || self.people.iter().any(|p| p.name == text))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paras(text: &str) -> Vec<Para> {
        text.lines()
            .enumerate()
            .map(|(i, l)| Para {
                line: i as u32 + 1,
                text: l.trim().to_string(),
            })
            .collect()
    }

    #[test]
    fn both_lists_are_read_and_their_names_are_labels() {
        let p = paras(
            "Harbour Co. Q3 Earnings Call\nCompany Participants\nAnn Lee - CEO\nBo Wu - CFO\n\
             Conference Call Participants\nCy Ray - Harbour Securities\nOperator\nGood afternoon.",
        );
        let l = lists(&p);
        let names: Vec<(&str, Side)> = l.people.iter().map(|p| (p.name.as_str(), p.side)).collect();
        assert_eq!(
            names,
            [
                ("Ann Lee", Side::Company),
                ("Bo Wu", Side::Company),
                ("Cy Ray", Side::Caller)
            ]
        );
        assert_eq!(l.paragraphs, [1, 2, 3, 4, 5]);
        assert!(l.is_label("Operator") && l.is_label("Bo Wu"));
        assert!(!l.is_label("Good afternoon."));
    }

    #[test]
    fn a_briefing_cast_list() {
        let l = lists(&paras(
            "PARTICIPANTS:\nSpeaker: ANN LEE, Director, Harbour Department\nModerator: BO WU, Officer\nMR. WU: Welcome.",
        ));
        let got: Vec<(&str, &str)> = l
            .people
            .iter()
            .map(|p| (p.name.as_str(), p.detail.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                ("ANN LEE", "Director, Harbour Department"),
                ("BO WU", "Officer")
            ]
        );
        assert_eq!(l.paragraphs, [0, 1, 2]);
    }

    #[test]
    fn no_lists_no_bare_labels() {
        let l = lists(&paras("Operator\nAnn Lee - CEO"));
        assert!(l.people.is_empty());
        assert!(!l.is_label("Operator"));
    }
}
