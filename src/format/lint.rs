//! Warnings: things a valid briefing may hold but a person probably wants to fix.

use crate::model::Briefing;

/// A warning about a valid briefing; `line` is 0 when it concerns the front matter as a whole.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    pub line: u32,
    pub message: String,
}

/// Is `d` a calendar date written `YYYY-MM-DD`?
fn iso_date(d: &str) -> bool {
    let b = d.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    if b.len() != 10
        || b[4] != b'-'
        || b[7] != b'-'
        || !digits(0..4)
        || !digits(5..7)
        || !digits(8..10)
    {
        return false;
    }
    let year: u32 = d[0..4].parse().unwrap_or(0);
    let month: u32 = d[5..7].parse().unwrap_or(0);
    let day: u32 = d[8..10].parse().unwrap_or(0);
    let leap = year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400));
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&day)
}

/// The warnings for a parsed briefing, in file order.
pub fn lint(b: &Briefing) -> Vec<Warning> {
    let mut out = Vec::new();
    if let Some(d) = b.meta.date.as_deref().filter(|d| !iso_date(d)) {
        out.push(Warning {
            line: 0,
            message: format!("date `{d}` is not written YYYY-MM-DD: the library cannot sort by it"),
        });
    }
    let proposed = b.glossary.iter().filter(|g| g.proposed).count();
    if proposed > 0 {
        out.push(Warning {
            line: 0,
            message: format!(
                "{proposed} proposed glossary terms await confirmation: write a definition and remove `proposed`"
            ),
        });
    }
    for s in &b.sections {
        if s.turns.is_empty() {
            out.push(Warning {
                line: s.line.0,
                message: "section with no turns".into(),
            });
        }
        for t in s.turns.iter().filter(|t| t.paragraphs.is_empty()) {
            out.push(Warning {
                line: t.line.0,
                message: "turn with no text".into(),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_empty_parts_are_warned_about() {
        let src =
            "+++\ntitle = \"t\"\ndate = \"July 19, 2022\"\n+++\n## remarks\n## qa\n@reporter:\n";
        let b = crate::format::parse(src, "t").unwrap();
        let w = lint(&b);
        assert_eq!(w.len(), 3, "{w:?}");
        assert!(w[0].message.starts_with("date `July 19, 2022`"));
        assert_eq!(
            (w[1].line, w[1].message.as_str()),
            (5, "section with no turns")
        );
        assert_eq!((w[2].line, w[2].message.as_str()), (7, "turn with no text"));
        assert!(iso_date("2022-07-19"));
        assert!(!iso_date("2022-13-19"));
        assert!(!iso_date("2022-7-19"));
        assert!(!iso_date("2022-02-31"));
        assert!(!iso_date("2023-02-29"));
        assert!(iso_date("2024-02-29"));
        assert!(!iso_date("1900-02-29"));
        assert!(iso_date("2000-02-29"));
        assert!(!iso_date("2022-04-31"));
    }
}
