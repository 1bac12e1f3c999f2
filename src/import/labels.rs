//! Speaker lines: a paragraph that starts with a label saying who speaks.
//!
//! Shapes seen in transcripts: `Q  text` (White House style), all-caps labels (`MS. ROE:`,
//! `THE PRESIDENT:`), names and outlets in mixed case (`Li Ming:` alone on a line or with the text
//! after it, `China Daily:`), Rev-style `Name: (12:34)` with the text on the next line, and Chinese
//! labels with a full-width colon (`记者：`, `主持人 李明：`), sometimes after a parenthetical
//! (`（中文提问）记者：`). This module only recognises the shape; whether a label is accepted is
//! decided for the whole document (a one-off `Note:` is not a speaker).

use super::han_names;

/// How a label is written; decides how much evidence it needs to be accepted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// `Q` followed by white space, or `Q:` / `Question:`.
    Q,
    /// All capitals: `MS. ROE:`.
    Caps,
    /// Capitalised words: `Li Ming:`, `The Daily News:`.
    Mixed,
    /// Any label followed by a recording time: `Speaker 3: (12:34)`.
    Timed,
    /// Chinese characters, full-width or ASCII colon.
    Han,
    /// A speaker line with no colon: a name from a call's participant list, or a Chinese office
    /// and name alone on the line before the speech.
    Bare,
    /// All capitals ended by a full stop (`CHAIR POWELL.  Good afternoon.`), as central banks
    /// print them: accepted only where such labels recur through the text.
    Stop,
}

/// A label found at the start of a paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate<'a> {
    /// The label without its colon, e.g. `MS. ROE` or `记者`.
    pub label: &'a str,
    /// The text after the label (and after a recording time).
    pub rest: &'a str,
    pub shape: Shape,
    /// A parenthetical before the label (`（中文提问）`), removed from the turn's text.
    pub prefix: &'a str,
}

const MAX_LABEL_CHARS: usize = 80;

/// The label at the start of `text`, if it has the shape of one.
pub fn candidate(text: &str) -> Option<Candidate<'_>> {
    if let Some(rest) = q_label(text) {
        return Some(Candidate {
            label: "Q",
            rest,
            shape: Shape::Q,
            prefix: "",
        });
    }
    // Markdown emphasis left around a label: `**Reporter:** text`, `**Reporter: text?**`.
    if let Some(inner) = text.strip_prefix("**").or_else(|| text.strip_prefix("__")) {
        let c = candidate(inner)?;
        let rest = c.rest.trim_start_matches(['*', '_']).trim_start();
        let rest = rest
            .strip_suffix("**")
            .or_else(|| rest.strip_suffix("__"))
            .unwrap_or(rest)
            .trim_end();
        let label = c.label.trim_end_matches(['*', '_']).trim_end();
        // `**问题1：…**` numbers a heading, not a speaker.
        let numbered = label.chars().any(is_han) && label.chars().any(|c| c.is_ascii_digit());
        return (!label.is_empty() && !numbered).then_some(Candidate { label, rest, ..c });
    }
    if let Some((prefix, after)) = leading_parenthetical(text) {
        let c = candidate(after)?;
        let ok = c.shape == Shape::Han || crate::import::names::is_reporter_word(c.label);
        return ok.then_some(Candidate { prefix, ..c });
    }
    if let Some(c) = time_then_colon(text) {
        return Some(c);
    }
    colon_label(text)
        .or_else(|| stop_label(text))
        .or_else(|| dashed_answer(text))
}

/// A label ended by a colon.
fn colon_label(text: &str) -> Option<Candidate<'_>> {
    let (at, colon) = text
        .char_indices()
        .take(MAX_LABEL_CHARS)
        .find(|&(_, c)| is_colon(c))?;
    let label = text[..at].trim();
    let after = &text[at + colon.len_utf8()..];
    // `Edit:Wu` and `10:30` are not labels; Chinese text often has an ASCII colon with no space.
    if colon == ':'
        && !after.is_empty()
        && !after.starts_with([' ', '*', '_'])
        && !is_han_label(label.trim())
    {
        return None;
    }
    let after = after.trim_start();
    if label.is_empty() {
        return None;
    }
    if let Some(rest) = recording_time(after) {
        return plain_words(label, true).then_some(Candidate {
            label,
            rest,
            shape: Shape::Timed,
            prefix: "",
        });
    }
    let shape = if is_han_label(label) {
        Shape::Han
    } else if is_caps_label(label) {
        Shape::Caps
    } else if is_mixed_label(label) {
        Shape::Mixed
    } else {
        return None;
    };
    Some(Candidate {
        label,
        rest: after,
        shape,
        prefix: "",
    })
}

/// `CHAIR POWELL.  text`, `MR. KIRBY.  text`: the longest run of upper-case words at the start,
/// ended by a full stop and followed by a word that is not upper case (or by nothing).
fn stop_label(text: &str) -> Option<Candidate<'_>> {
    let is_caps_word = |w: &str| {
        w.chars().any(|c| c.is_ascii_uppercase())
            && w.chars()
                .all(|c| c.is_ascii_uppercase() || matches!(c, '.' | '\'' | '’' | '-' | '&'))
    };
    let mut end = None;
    let mut offset = 0;
    for (i, word) in text.split(' ').enumerate() {
        let start = offset;
        offset += word.len() + 1;
        if word.is_empty() {
            continue;
        }
        if i >= 8 || !is_caps_word(word) {
            break;
        }
        if word.ends_with('.') {
            end = Some(start + word.len() - 1);
        } else {
            end = None;
        }
    }
    let end = end?;
    let label = &text[..end];
    let rest = text[end + 1..].trim_start();
    // `U.S. officials`, `A. Introduction`: a label has a word of two letters or more.
    let word_of_two = label
        .split([' ', '.'])
        .any(|w| w.chars().filter(char::is_ascii_uppercase).count() >= 2);
    let next_is_caps = rest
        .split(' ')
        .next()
        .is_some_and(|w| !w.is_empty() && is_caps_word(w));
    (word_of_two && !next_is_caps && label.chars().count() <= 40 && is_caps_label(label)).then_some(
        Candidate {
            label,
            rest,
            shape: Shape::Stop,
            prefix: "",
        },
    )
}

fn q_label(text: &str) -> Option<&str> {
    for head in ["Question:", "Question：", "Q:", "Q：", "Q.", "問：", "问："] {
        if let Some(rest) = text.strip_prefix(head) {
            return Some(rest.trim_start());
        }
    }
    if text == "Q" {
        return Some("");
    }
    text.strip_prefix("Q ")
        .or_else(|| dashed(text, &["Question", "Q"]))
}

/// `Question – text`, `Answer - text`: a role word of `words` ended by a dash between spaces
/// (only role words: `Monday - the talks` names nobody).
fn dashed<'a>(text: &'a str, words: &[&str]) -> Option<&'a str> {
    words.iter().find_map(|w| {
        let rest = text.strip_prefix(w)?;
        ["–", "—", "-"].iter().find_map(|d| {
            rest.strip_prefix(' ')?
                .strip_prefix(d)?
                .strip_prefix(' ')
                .map(str::trim_start)
        })
    })
}

/// `Answer – text`, `A - text`: the answer label with a dash, as the label `A`.
fn dashed_answer(text: &str) -> Option<Candidate<'_>> {
    let rest = dashed(text, &["Answer", "A"])?;
    Some(Candidate {
        label: "A",
        rest,
        shape: Shape::Caps,
        prefix: "",
    })
}

fn leading_parenthetical(text: &str) -> Option<(&str, &str)> {
    let close = if text.starts_with('（') {
        '）'
    } else if text.starts_with('(') {
        ')'
    } else {
        return None;
    };
    let (end, _) = text.char_indices().take(30).find(|&(_, c)| c == close)?;
    let end = end + close.len_utf8();
    Some((&text[..end], text[end..].trim_start()))
}

/// Rev.com's other label shape: `Matthew Miller (00:04):`, the recording time before the colon.
fn time_then_colon(text: &str) -> Option<Candidate<'_>> {
    let head = text
        .char_indices()
        .nth(MAX_LABEL_CHARS)
        .map_or(text, |(at, _)| &text[..at]);
    let open = head.find(" (")?;
    let label = text[..open].trim();
    let after = recording_time(&text[open + 1..])?;
    let rest = after.strip_prefix(':')?;
    plain_words(label, true).then_some(Candidate {
        label,
        rest: rest.trim_start(),
        shape: Shape::Timed,
        prefix: "",
    })
}

/// `(12:34)` or `(1:02:03)` at the start: the recording time of a Rev-style label.
fn recording_time(s: &str) -> Option<&str> {
    let inner_end = s.find(')')?;
    let inner = s.strip_prefix('(')?.get(..inner_end - 1)?;
    let parts: Vec<&str> = inner.split(':').collect();
    let ok = (2..=3).contains(&parts.len())
        && parts
            .iter()
            .all(|p| (1..=2).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()));
    ok.then(|| s[inner_end + 1..].trim_start())
}

/// The colons a label may end with: ASCII, full-width, and the look-alikes Chinese sites use
/// (RATIO `∶`, the vertical-form and small colons).
pub fn is_colon(c: char) -> bool {
    matches!(c, ':' | '：' | '∶' | '︰' | '︓' | '﹕')
}

pub(crate) use crate::script::is_han;

fn is_han_label(label: &str) -> bool {
    let n = label.chars().count();
    let short = n <= 15
        && label.chars().any(is_han)
        && label
            .chars()
            .all(|c| is_han(c) || c == '·' || c == '•' || c == ' ' || c.is_ascii_alphanumeric());
    short || (label.chars().all(han_names::is_office_char) && han_names::split(label).is_some())
}

fn is_caps_label(label: &str) -> bool {
    // `JOSEPH MORONG/GMA7`: a reporter and the outlet, which may hold digits.
    if let Some((name, outlet)) = label.split_once('/') {
        return is_caps_label(name)
            && (1..=20).contains(&outlet.len())
            && outlet.chars().all(|c| {
                c.is_ascii_uppercase() || c.is_ascii_digit() || matches!(c, ' ' | '-' | '&')
            });
    }
    let letters = label.chars().filter(|c| c.is_ascii_uppercase()).count();
    letters >= 2
        && label.split(' ').count() <= 6
        && label
            .chars()
            .all(|c| c.is_ascii_uppercase() || matches!(c, ' ' | '.' | '\'' | '’' | '-' | '&'))
}

const CONNECTORS: &[&str] = &[
    "of", "and", "the", "for", "de", "van", "von", "bin", "al", "del", "da", "la", "le", "on",
];

fn is_mixed_label(label: &str) -> bool {
    // A parenthesis at the end explains the label: an outlet's abbreviation (`PPTN (People's
    // Posts News)`), initials, or who holds a role (`Moderator (Zou Lan, Director General)`).
    if let Some(open) = label.find('(')
        && label.ends_with(')')
        && open > 0
    {
        return is_mixed_label(label[..open].trim());
    }
    if label.contains(['(', ')']) {
        return false;
    }
    // `Reporter from Xinhua News Agency`: the reporter word, then the outlet.
    if let Some(outlet) = crate::import::names::reporter_from(label) {
        return is_mixed_label(outlet);
    }
    // `Shri Arindam Bagchi, Official Spokesperson`: a name, then the office.
    if let Some((name, office)) = label.split_once(", ") {
        return !office.contains(',')
            && name.contains(' ')
            && is_mixed_label(name)
            && is_mixed_label(office);
    }
    let outer = label.to_string();
    if outer.is_empty() || !outer.chars().next().is_some_and(char::is_uppercase) {
        return false;
    }
    // An outlet names its reporter in lower case: `CCTV reporter`, `AFP correspondent`.
    let outer = match outer.rsplit_once(' ') {
        Some((stem, "reporter" | "correspondent" | "journalist")) => stem.to_string(),
        _ => outer,
    };
    plain_words(&outer, false)
        && outer.split(' ').all(|w| {
            CONNECTORS.contains(&w)
                || w.chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        })
}

/// At most 8 words of letters (digits only as a trailing number, as in `Speaker 12`).
fn plain_words(label: &str, allow_any_case: bool) -> bool {
    let words: Vec<&str> = label.split(' ').collect();
    if words.len() > 8 {
        return false;
    }
    words.iter().enumerate().all(|(i, w)| {
        let number = w.bytes().all(|b| b.is_ascii_digit()) && i > 0 && i + 1 == words.len();
        number
            || (!w.is_empty()
                && w.chars().any(char::is_alphabetic)
                && w.chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '.' | '\'' | '’' | '-' | '&')))
    }) && (allow_any_case || label.chars().next().is_some_and(char::is_uppercase))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shape(t: &str) -> Option<(Shape, &str, &str)> {
        candidate(t).map(|c| (c.shape, c.label, c.rest))
    }

    #[test]
    fn reporter_q_lines() {
        assert_eq!(
            shape("Q Thanks. Why?"),
            Some((Shape::Q, "Q", "Thanks. Why?"))
        );
        assert_eq!(shape("Q"), Some((Shape::Q, "Q", "")));
        assert_eq!(shape("Q: And then?"), Some((Shape::Q, "Q", "And then?")));
        assert_eq!(shape("Quickly, a word."), None);
    }

    #[test]
    fn caps_mixed_and_timed_labels() {
        assert_eq!(
            shape("MS. ROE: Good morning."),
            Some((Shape::Caps, "MS. ROE", "Good morning."))
        );
        assert_eq!(
            shape("JOSEPH MORONG/GMA7:  No, seriously."),
            Some((Shape::Caps, "JOSEPH MORONG/GMA7", "No, seriously."))
        );
        assert_eq!(shape("ROE/ and then: x"), None);
        assert_eq!(shape("Li Ming:"), Some((Shape::Mixed, "Li Ming", "")));
        assert_eq!(
            shape("Ann Lee: We grew."),
            Some((Shape::Mixed, "Ann Lee", "We grew."))
        );
        assert_eq!(
            shape("RTN (Rail Transport News):"),
            Some((Shape::Mixed, "RTN (Rail Transport News)", ""))
        );
        assert_eq!(
            shape("Speaker 4: (03:12)"),
            Some((Shape::Timed, "Speaker 4", ""))
        );
        assert_eq!(
            shape("Dr Ada: (1:03:12) Yes."),
            Some((Shape::Timed, "Dr Ada", "Yes."))
        );
        assert_eq!(
            shape("Matthew Miller (00:04):"),
            Some((Shape::Timed, "Matthew Miller", ""))
        );
        assert_eq!(
            shape("Matt (1:00:09): Are you?"),
            Some((Shape::Timed, "Matt", "Are you?"))
        );
        assert_eq!(shape("Growth (12:30) was fast: yes"), None);
    }

    #[test]
    fn chinese_labels_with_a_parenthetical() {
        assert_eq!(shape("记者：请问"), Some((Shape::Han, "记者", "请问")));
        let c = candidate("（英文提问）Reporter: Mrs Wu, why?").unwrap();
        assert_eq!(
            (c.label, c.rest, c.prefix),
            ("Reporter", "Mrs Wu, why?", "（英文提问）")
        );
        assert!(candidate("我们认为，这很好：是").is_none());
        assert_eq!(
            shape("路透社记者:关于会谈,是否推迟?"),
            Some((Shape::Han, "路透社记者", "关于会谈,是否推迟?"))
        );
        assert_eq!(
            shape("毛宁:我可以告诉你"),
            Some((Shape::Han, "毛宁", "我可以告诉你"))
        );
    }

    #[test]
    fn outlet_reporter_labels() {
        assert_eq!(
            shape("CCTV reporter: What next?"),
            Some((Shape::Mixed, "CCTV reporter", "What next?"))
        );
        assert_eq!(
            shape("Agence France-Presse correspondent: Why?"),
            Some((Shape::Mixed, "Agence France-Presse correspondent", "Why?"))
        );
        assert_eq!(shape("The reporter said: no"), None);
        assert_eq!(
            shape("Shri Arindam Bagchi, Official Spokesperson: Good afternoon."),
            Some((
                Shape::Mixed,
                "Shri Arindam Bagchi, Official Spokesperson",
                "Good afternoon."
            ))
        );
        assert_eq!(shape("Well, Minister: yes"), None);
        assert_eq!(
            shape("Reporter from Xinhua News Agency: How?"),
            Some((Shape::Mixed, "Reporter from Xinhua News Agency", "How?"))
        );
        assert_eq!(
            shape("Moderator (Zou Lan, Director General of the Financial Market Department): Hi."),
            Some((
                Shape::Mixed,
                "Moderator (Zou Lan, Director General of the Financial Market Department)",
                "Hi."
            ))
        );
    }

    #[test]
    fn caps_labels_ended_by_a_full_stop() {
        assert_eq!(
            shape("CHAIR POWELL.  Good afternoon."),
            Some((Shape::Stop, "CHAIR POWELL", "Good afternoon."))
        );
        assert_eq!(
            shape("MR. KIRBY. Thanks, everybody."),
            Some((Shape::Stop, "MR. KIRBY", "Thanks, everybody."))
        );
        assert_eq!(shape("QUESTION."), Some((Shape::Stop, "QUESTION", "")));
        assert_eq!(shape("U.S. officials said so."), None);
        assert_eq!(shape("THE END OF THE STORY. IT WAS"), None);
        assert_eq!(
            shape("MR. KIRBY: Thanks."),
            Some((Shape::Caps, "MR. KIRBY", "Thanks."))
        );
    }

    #[test]
    fn role_words_with_a_dash_are_labels() {
        let c = candidate("Question - Why now?").unwrap();
        assert_eq!((c.label, c.rest, c.shape), ("Q", "Why now?", Shape::Q));
        let c = candidate("Answer – Because.").unwrap();
        assert_eq!((c.label, c.rest), ("A", "Because."));
        assert_eq!(candidate("Monday - the talks went on"), None);
        assert_eq!(candidate("Answers - none came"), None);
    }

    #[test]
    fn emphasis_around_a_label_is_residue() {
        let c = candidate("**Reporter:** Why now?").unwrap();
        assert_eq!((c.label, c.rest), ("Reporter", "Why now?"));
        let c = candidate("**Reporter: Minister, why now?**").unwrap();
        assert_eq!((c.label, c.rest), ("Reporter", "Minister, why now?"));
        let c = candidate("**记者：**请问").unwrap();
        assert_eq!((c.label, c.rest), ("记者", "请问"));
    }

    #[test]
    fn prose_is_not_a_label() {
        for t in [
            "The main work is as follows:",
            "At the meeting, a reporter asked: Why?",
            "10:30 a.m.",
            "Edit:Wu Fan",
            "**问题1：为什么**",
            "# 标题　林：引语",
            "See https://example.org",
            "Hot spot one: the economy",
            "**中文問題1：為什麼**",
        ] {
            assert_eq!(candidate(t), None, "{t}");
        }
    }

    #[test]
    fn many_colons_and_long_lines_stay_cheap() {
        let t = ":".repeat(100_000);
        assert_eq!(candidate(&t), None);
        let t = format!("A{}", "a".repeat(1_000_000));
        assert_eq!(candidate(&t), None);
    }
}
