//! The outline pane: one entry per section ("Opening remarks", then one per question), turns
//! expandable under their section, and the selection that follows the reading position.

use crate::model::Briefing;
use std::collections::BTreeSet;

/// How many characters of a question's first words stand in for a missing topic.
const FIRST_WORDS: usize = 48;
/// Narrowest and widest the outline pane may be made, in columns.
pub const MIN_WIDTH: u16 = 16;
pub const MAX_WIDTH: u16 = 80;
/// Until the user sets a width, the pane takes this share of the screen (in percent), within
/// [`DEFAULT_MIN`]..=[`DEFAULT_MAX`]: on a wide screen the topics show, on a narrow one the text
/// keeps its room.
const DEFAULT_SHARE: u16 = 30;
const DEFAULT_MIN: u16 = 34;
const DEFAULT_MAX: u16 = 64;

/// The topic of a question, or the first words of the question (of the first turn, where no turn
/// asks) when it has none: the host's "Your next question comes from…" tells nothing apart.
pub fn topic(b: &Briefing, section: usize) -> String {
    let s = &b.sections[section];
    if let Some(t) = &s.title {
        return t.clone();
    }
    let asking = s
        .turns
        .iter()
        .find(|t| t.kind == crate::model::TurnKind::Question)
        .or(s.turns.first());
    let first = asking
        .and_then(|t| t.paragraphs.first())
        .map_or("", |p| p.text.as_str());
    first_words(first, FIRST_WORDS)
}

/// At most `max` characters of `text`, cut at a word boundary where there is one, with "…".
pub fn first_words(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max).collect();
    let at_space = cut.rfind(' ').filter(|&i| i > max / 2);
    format!("{}…", cut[..at_space.unwrap_or(cut.len())].trim_end())
}

/// One row of the outline as shown: a section, or a turn under an expanded section.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    Section(usize),
    Turn(usize, usize),
}

impl Row {
    /// The section a row belongs to.
    pub fn section(self) -> usize {
        match self {
            Row::Section(s) | Row::Turn(s, _) => s,
        }
    }
}

/// What the outline pane shows and where its cursor is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outline {
    pub visible: bool,
    /// The width set with `<` / `>`; `None` follows the screen ([`Outline::width_for`]).
    pub width: Option<u16>,
    /// Sections whose turns are listed under them.
    pub expanded: BTreeSet<usize>,
    /// Index into [`Outline::rows`] of the cursor.
    pub selected: usize,
    /// First row shown, kept so that the cursor stays in view.
    pub scroll: usize,
}

impl Default for Outline {
    fn default() -> Self {
        Outline {
            visible: true,
            width: None,
            expanded: BTreeSet::new(),
            selected: 0,
            scroll: 0,
        }
    }
}

impl Outline {
    /// The rows for this briefing with the current expansions.
    pub fn rows(&self, b: &Briefing) -> Vec<Row> {
        (0..self.len(b)).filter_map(|i| self.row(b, i)).collect()
    }

    /// Turns listed under an expanded section (none for an index the briefing no longer has).
    fn turns_of(b: &Briefing, section: usize) -> usize {
        b.sections.get(section).map_or(0, |s| s.turns.len())
    }

    /// Number of rows. Like [`Outline::row`] and [`Outline::index_of`], it costs the number of
    /// expanded sections, not of sections, so a huge briefing's outline is as quick as a small one's.
    pub fn len(&self, b: &Briefing) -> usize {
        b.sections.len()
            + self
                .expanded
                .iter()
                .map(|&e| Self::turns_of(b, e))
                .sum::<usize>()
    }

    /// Whether there are no rows.
    pub fn is_empty(&self, b: &Briefing) -> bool {
        b.sections.is_empty()
    }

    /// The row at index `i`.
    pub fn row(&self, b: &Briefing, i: usize) -> Option<Row> {
        let mut extra = 0;
        for &e in self.expanded.iter().filter(|&&e| e < b.sections.len()) {
            let section_row = e + extra;
            if i <= section_row {
                break;
            }
            let turns = Self::turns_of(b, e);
            if i <= section_row + turns {
                return Some(Row::Turn(e, i - section_row - 1));
            }
            extra += turns;
        }
        let s = i - extra;
        (s < b.sections.len()).then_some(Row::Section(s))
    }

    /// The index of a row (of its section's row, for a turn of a collapsed section).
    pub fn index_of(&self, b: &Briefing, row: Row) -> usize {
        let s = row.section();
        let extra: usize = self
            .expanded
            .range(..s)
            .map(|&e| Self::turns_of(b, e))
            .sum();
        match row {
            Row::Turn(_, t) if self.expanded.contains(&s) => s + extra + 1 + t,
            _ => s + extra,
        }
    }

    /// Put the cursor on the row of the section (or turn, when expanded) being read.
    pub fn follow(&mut self, b: &Briefing, section: usize, turn: usize) {
        if section < b.sections.len() {
            self.selected = self.index_of(b, Row::Turn(section, turn));
        }
    }

    /// Move the cursor by `delta` rows, clamped to the list.
    pub fn move_by(&mut self, b: &Briefing, delta: isize) {
        let n = self.len(b);
        if n == 0 {
            return;
        }
        self.selected = self.selected.saturating_add_signed(delta).min(n - 1);
    }

    /// Expand or collapse the section under the cursor, keeping the cursor on that section.
    pub fn toggle_expand(&mut self, b: &Briefing) {
        let Some(row) = self.row(b, self.selected) else {
            return;
        };
        let s = row.section();
        if !self.expanded.remove(&s) {
            self.expanded.insert(s);
        }
        self.selected = self.index_of(b, Row::Section(s));
    }

    /// The pane's width on a screen `screen` columns wide.
    pub fn width_for(&self, screen: u16) -> u16 {
        self.width.unwrap_or_else(|| {
            (u32::from(screen) * u32::from(DEFAULT_SHARE) / 100)
                .clamp(u32::from(DEFAULT_MIN), u32::from(DEFAULT_MAX)) as u16
        })
    }

    /// Widen (positive) or narrow the pane shown on a screen `screen` columns wide, within
    /// [`MIN_WIDTH`]..=[`MAX_WIDTH`]; from then on the width no longer follows the screen.
    pub fn resize(&mut self, delta: i32, screen: u16) {
        let w = (i32::from(self.width_for(screen)) + delta)
            .clamp(i32::from(MIN_WIDTH), i32::from(MAX_WIDTH));
        self.width = Some(w as u16);
    }

    /// Scroll so that the cursor is within a pane of `height` rows.
    pub fn keep_in_view(&mut self, height: usize) {
        self.scroll = crate::app::lists::scroll_to_show(self.selected, self.scroll, height);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::testdoc::sample;

    #[test]
    fn questions_are_labelled_with_outlet_and_answerers() {
        // The labels come from the model, numbered in one pass as the outline does.
        let b = sample();
        let n = crate::model::section_numbers(&b.sections);
        assert_eq!(b.section_label_numbered(0, n[0]), "Opening remarks");
        assert_eq!(
            b.section_label_numbered(1, n[1]),
            "Q1 · Harbour Daily → Lin Wei"
        );
        assert_eq!(
            b.section_label_numbered(2, n[2]),
            "Q2 · Reporter → Lin Wei, Ma Qing"
        );
    }

    #[test]
    fn a_question_without_topic_shows_its_first_words() {
        let b = sample();
        assert_eq!(topic(&b, 1), "Exports");
        assert!(topic(&b, 2).starts_with("What is the outlook"));
        // The host's introduction before the question tells questions apart less than the question.
        let mut b = sample();
        let intro = crate::model::Turn {
            speaker: "zhou".into(),
            kind: crate::model::TurnKind::Statement,
            paragraphs: vec![crate::model::Paragraph::plain("Next question, please.")],
            line: crate::model::SourceLine(0),
        };
        b.sections[2].turns.insert(0, intro);
        assert!(topic(&b, 2).starts_with("What is the outlook"));
        assert_eq!(first_words("one two three four", 9), "one two…");
        assert_eq!(first_words("短文", 9), "短文");
    }

    #[test]
    fn expanding_lists_turns_and_follow_finds_them() {
        let b = sample();
        let mut o = Outline::default();
        assert_eq!(o.rows(&b).len(), b.sections.len());
        o.selected = 2;
        o.toggle_expand(&b);
        let rows = o.rows(&b);
        assert_eq!(rows[3], Row::Turn(2, 0));
        assert_eq!(o.selected, 2);
        o.follow(&b, 2, 1);
        assert_eq!(rows[o.selected], Row::Turn(2, 1));
        o.follow(&b, 3, 0);
        assert_eq!(o.rows(&b)[o.selected], Row::Section(3));
        o.toggle_expand(&b);
        o.selected = 2;
        o.toggle_expand(&b);
        assert_eq!(
            o.rows(&b).len(),
            b.sections.len() + b.sections[3].turns.len()
        );
    }

    #[test]
    fn rows_by_index_agree_with_the_list() {
        let b = sample();
        let mut o = Outline::default();
        for expanded in [
            vec![],
            vec![0],
            vec![1, 3],
            vec![0, 1, 2, 3, 4],
            vec![4, 99],
        ] {
            o.expanded = expanded.into_iter().collect();
            let mut list = Vec::new();
            for (si, s) in b.sections.iter().enumerate() {
                list.push(Row::Section(si));
                if o.expanded.contains(&si) {
                    list.extend((0..s.turns.len()).map(|t| Row::Turn(si, t)));
                }
            }
            assert_eq!(o.rows(&b), list);
            assert_eq!(o.len(&b), list.len());
            assert_eq!(o.row(&b, list.len()), None);
            for (i, &r) in list.iter().enumerate() {
                assert_eq!(o.index_of(&b, r), i);
            }
        }
    }

    #[test]
    fn width_and_scroll_stay_in_bounds() {
        let b = sample();
        let mut o = Outline::default();
        // The default follows the screen, within bounds; a set width stays.
        assert_eq!(o.width_for(80), DEFAULT_MIN);
        assert_eq!(o.width_for(160), 48);
        assert_eq!(o.width_for(400), DEFAULT_MAX);
        o.resize(4, 160);
        assert_eq!((o.width_for(80), o.width_for(400)), (52, 52));
        o.resize(-1000, 80);
        assert_eq!(o.width, Some(MIN_WIDTH));
        o.resize(1000, 80);
        assert_eq!(o.width, Some(MAX_WIDTH));
        o.move_by(&b, 100);
        assert_eq!(o.selected, b.sections.len() - 1);
        o.keep_in_view(2);
        assert_eq!(o.scroll, b.sections.len() - 2);
        o.move_by(&b, -100);
        o.keep_in_view(2);
        assert_eq!((o.selected, o.scroll), (0, 0));
    }
}
