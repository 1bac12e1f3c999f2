//! Subtitle files (SRT, WebVTT): numbered cues with a timing line each, the text cut into short
//! pieces wherever the timing fell. The numbers and timings go; a cue that does not start with a
//! speaker label continues the one before, so the text reads as paragraphs again.

use super::labels;
use super::text::Line;
use regex::Regex;
use std::sync::LazyLock;

static TIMING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(\d{1,2}:)?\d{2}:\d{2}[,.]\d{1,3} --> (\d{1,2}:)?\d{2}:\d{2}[,.]\d{1,3}")
        .expect("subtitle timing pattern")
});

/// Fewer timing lines than this and the text is no subtitle file.
const MIN_CUES: usize = 3;

/// Rewrite subtitle cues in place; returns how many cues there were (0: not a subtitle file).
pub fn join_cues(lines: &mut [Line]) -> usize {
    let timings: Vec<usize> = (0..lines.len())
        .filter(|&i| TIMING.is_match(&lines[i].text))
        .collect();
    if timings.len() < MIN_CUES {
        return 0;
    }
    for &i in &timings {
        lines[i].text.clear();
        if i > 0 && lines[i - 1].text.bytes().all(|b| b.is_ascii_digit()) {
            lines[i - 1].text.clear();
        }
    }
    // The line that holds the text so far, which an unlabelled cue continues.
    let mut holder: Option<usize> = None;
    for (k, &t) in timings.iter().enumerate() {
        let end = timings.get(k + 1).copied().unwrap_or(lines.len());
        let cue: Vec<usize> = (t + 1..end)
            .filter(|&i| !lines[i].text.is_empty())
            .collect();
        let Some(&first) = cue.first() else { continue };
        let labelled = labels::candidate(&lines[first].text).is_some();
        match holder {
            Some(h) if !labelled => {
                for &i in &cue {
                    let piece = std::mem::take(&mut lines[i].text);
                    lines[h].text.push(' ');
                    lines[h].text.push_str(&piece);
                }
            }
            _ => {
                // The cue's own lines become one: a new paragraph that the next cues may continue.
                for &i in &cue[1..] {
                    let piece = std::mem::take(&mut lines[i].text);
                    lines[first].text.push(' ');
                    lines[first].text.push_str(&piece);
                }
                holder = Some(first);
            }
        }
    }
    timings.len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::import;

    #[test]
    fn cues_become_turns_of_their_speakers() {
        let raw = "1\n00:00:05,758 --> 00:00:09,147\nAnn: Hello and welcome to\nthe harbour podcast.\n\n\
                   2\n00:00:09,147 --> 00:00:13,928\nToday we talk about\nports.\n\n\
                   3\n00:00:13,928 --> 00:00:17,437\nBo: Why ports?\n\n\
                   4\n00:00:17,437 --> 00:00:20,077\nAnn: Because they grew.\n";
        let b = import(raw).briefing;
        let turns: Vec<(&str, &str)> = b
            .sections
            .iter()
            .flat_map(|s| &s.turns)
            .map(|t| (t.speaker.as_str(), t.paragraphs[0].text.as_str()))
            .collect();
        assert_eq!(turns.len(), 3, "{turns:?}");
        assert_eq!(
            turns[0].1,
            "Hello and welcome to the harbour podcast. Today we talk about ports."
        );
        assert!(
            !b.sections
                .iter()
                .flat_map(|s| &s.turns)
                .any(|t| t.paragraphs.iter().any(|p| p.text.contains("-->")))
        );
    }

    #[test]
    fn a_text_with_one_arrow_is_no_subtitle_file() {
        let mut lines = vec![Line {
            no: 1,
            text: "00:00:01,000 --> 00:00:02,000".into(),
        }];
        assert_eq!(join_cues(&mut lines), 0);
        assert!(!lines[0].text.is_empty());
    }
}
