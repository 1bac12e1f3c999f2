//! The speaker filter: a view of the briefing with only one speaker's turns and the questions
//! they answered. The view is a briefing of its own (so layout, search and jumps need not know
//! about filtering) plus the map back to the anchors of the full briefing, which bookmarks, the
//! outline's question numbers and the reading position use.

use crate::model::{Anchor, Briefing, TurnKind};

/// A filtered view and where its sections and turns come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Filter {
    /// The speaker id shown.
    pub speaker: String,
    /// The full briefing's sections and turns that remain, as (section, [turns]).
    kept: Vec<(usize, Vec<usize>)>,
    /// The filtered briefing that is laid out and read.
    pub shown: Briefing,
}

impl Filter {
    /// The turns of `speaker`, and in the sections where they speak, the questions asked there.
    /// `None` when the speaker says nothing.
    pub fn new(full: &Briefing, speaker: &str) -> Option<Filter> {
        let mut kept = Vec::new();
        let mut shown = Briefing {
            meta: full.meta.clone(),
            speakers: full.speakers.clone(),
            glossary: full.glossary.clone(),
            sections: Vec::new(),
        };
        for (si, s) in full.sections.iter().enumerate() {
            if !s.turns.iter().any(|t| t.speaker == speaker) {
                continue;
            }
            let turns: Vec<usize> = (0..s.turns.len())
                .filter(|&ti| {
                    let t = &s.turns[ti];
                    t.speaker == speaker || t.kind == TurnKind::Question
                })
                .collect();
            let mut section = s.clone();
            section.turns = turns.iter().map(|&ti| s.turns[ti].clone()).collect();
            shown.sections.push(section);
            kept.push((si, turns));
        }
        (!kept.is_empty()).then(|| Filter {
            speaker: speaker.to_string(),
            kept,
            shown,
        })
    }

    /// The full briefing's section for a section of the view.
    pub fn full_section(&self, view_section: usize) -> usize {
        self.kept[view_section].0
    }

    /// The section of the view that shows a section of the full briefing, if the filter keeps it.
    pub fn view_section(&self, full_section: usize) -> Option<usize> {
        self.kept
            .binary_search_by_key(&full_section, |(s, _)| *s)
            .ok()
    }

    /// The anchor in the full briefing of an anchor of the view.
    pub fn to_full(&self, a: Anchor) -> Anchor {
        let (section, turns) = &self.kept[a.section];
        Anchor {
            section: *section,
            turn: turns[a.turn],
            paragraph: a.paragraph,
        }
    }

    /// The anchor of the view for a full anchor: the same paragraph when it is shown, else the
    /// first shown paragraph after it (or the last one of the view).
    pub fn to_view(&self, a: Anchor) -> Anchor {
        for (vs, (s, turns)) in self.kept.iter().enumerate() {
            for (vt, &t) in turns.iter().enumerate() {
                if (*s, t) == (a.section, a.turn) {
                    return Anchor {
                        section: vs,
                        turn: vt,
                        paragraph: a.paragraph,
                    };
                }
                if (*s, t) > (a.section, a.turn) {
                    return Anchor {
                        section: vs,
                        turn: vt,
                        paragraph: 0,
                    };
                }
            }
        }
        let vs = self.kept.len() - 1;
        Anchor {
            section: vs,
            turn: self.kept[vs].1.len() - 1,
            paragraph: 0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::testdoc::sample;

    #[test]
    fn keeps_the_speakers_turns_and_the_questions_they_answered() {
        let b = sample();
        let f = Filter::new(&b, "ma").unwrap();
        assert_eq!(f.shown.sections.len(), 2);
        let kinds: Vec<Vec<&str>> = f
            .shown
            .sections
            .iter()
            .map(|s| s.turns.iter().map(|t| t.speaker.as_str()).collect())
            .collect();
        assert_eq!(kinds, [vec!["reporter", "ma"], vec!["reporter", "ma"]]);
        assert_eq!(f.full_section(1), 3);
        assert_eq!(f.view_section(3), Some(1));
        assert_eq!(f.view_section(1), None);
        assert!(Filter::new(&b, "nobody").is_none());
    }

    #[test]
    fn anchors_map_both_ways() {
        let b = sample();
        let f = Filter::new(&b, "ma").unwrap();
        let v = Anchor {
            section: 0,
            turn: 1,
            paragraph: 0,
        };
        let full = f.to_full(v);
        assert_eq!((full.section, full.turn), (2, 2));
        assert_eq!(f.to_view(full), v);
        // Hidden paragraphs map to the next shown turn, and past the end to the last turn.
        let hidden = Anchor {
            section: 0,
            turn: 0,
            paragraph: 0,
        };
        assert_eq!(
            f.to_view(hidden),
            Anchor {
                section: 0,
                turn: 0,
                paragraph: 0
            }
        );
        let end = Anchor {
            section: 4,
            turn: 0,
            paragraph: 0,
        };
        assert_eq!(
            f.to_view(end),
            Anchor {
                section: 1,
                turn: 1,
                paragraph: 0
            }
        );
        for (a, p) in f.shown.paragraphs() {
            assert_eq!(b.paragraph(f.to_full(a)), Some(p));
        }
    }
}
