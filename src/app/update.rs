//! `App::update`: what each action does, depending on the screen, the popup and the focus.

use super::{App, Effect, Focus, Overlay, Prompt, PromptKind, Screen, nav, popups};
use crate::action::{Action, Group};
use crate::app::outline::Row;

impl App {
    /// Apply one action (with the count typed before it, if any).
    pub fn update(&mut self, action: Action) {
        let count = self.count.take();
        self.message = None;
        if action == Action::Quit && self.overlay.is_none() {
            self.quit();
            return;
        }
        if action == Action::ToggleMouse {
            self.mouse = !self.mouse;
            self.effects.push(Effect::Mouse(self.mouse));
            self.say(if self.mouse {
                "mouse on"
            } else {
                "mouse off: the terminal can select text"
            });
            return;
        }
        if self.overlay.is_some() {
            self.update_overlay(action);
        } else if self.screen == Screen::Library || self.doc.is_none() {
            self.update_library(action, count);
        } else if !(self.focus == Focus::Outline && self.outline_action(action)) {
            self.update_reader(action, count);
        }
        self.after_move();
    }

    /// Handle an action meant for the outline; `false` when it is not an outline action.
    fn outline_action(&mut self, action: Action) -> bool {
        let Some(doc) = &mut self.doc else {
            return false;
        };
        let b = doc.filter.as_ref().map_or(&doc.full, |f| &f.shown);
        match action {
            Action::ScrollDown => doc.outline.move_by(b, 1),
            Action::ScrollUp => doc.outline.move_by(b, -1),
            Action::Top => doc.outline.selected = 0,
            Action::Bottom => doc.outline.move_by(b, isize::MAX),
            Action::Expand => doc.outline.toggle_expand(b),
            Action::Select => {
                let row = doc.outline.row(b, doc.outline.selected);
                match row {
                    Some(Row::Section(s)) => self.jump_to(nav::turn_start(s, 0), Target::Section),
                    Some(Row::Turn(s, t)) => self.jump_to(nav::turn_start(s, t), Target::Turn),
                    None => {}
                }
                self.focus = Focus::Transcript;
                return true;
            }
            _ => return false,
        }
        // Moving the outline cursor must not be undone by the follow in after_move.
        self.outline_moved = true;
        true
    }

    /// A reader action, handed to the part for its help group.
    fn update_reader(&mut self, action: Action, count: Option<usize>) {
        match action.group() {
            Group::Move => self.reader_move(action, count),
            Group::Jump => self.reader_jump(action, count),
            Group::Outline => self.reader_outline(action),
            Group::Search => self.reader_search(action, count.unwrap_or(1)),
            Group::View => self.reader_popup(action),
            Group::Bookmarks => self.reader_bookmarks(action),
            Group::General => self.reader_general(action),
        }
    }

    fn reader_move(&mut self, action: Action, count: Option<usize>) {
        let n = count.unwrap_or(1);
        let page = self.page_height();
        let (step_page, step_half) = (page.saturating_sub(1).max(1), (page / 2).max(1));
        match action {
            Action::ScrollDown => self.scroll_by(n as isize),
            Action::ScrollUp => self.scroll_by(-(n as isize)),
            Action::PageDown => self.scroll_by((n * step_page) as isize),
            Action::PageUp => self.scroll_by(-((n * step_page) as isize)),
            Action::HalfPageDown => self.scroll_by((n * step_half) as isize),
            Action::HalfPageUp => self.scroll_by(-((n * step_half) as isize)),
            Action::Top => self.jump_to_line(count.map_or(0, |c| c.saturating_sub(1))),
            Action::Bottom => self.jump_to_line(usize::MAX),
            Action::GotoPercent => {
                let len = self.doc.as_ref().map_or(0, |d| d.lines.len());
                self.jump_to_line(len.saturating_mul(n.min(100)) / 100);
            }
            Action::NextParagraph => self.move_current(true, n),
            Action::PrevParagraph => self.move_current(false, n),
            _ => {}
        }
    }

    fn reader_jump(&mut self, action: Action, count: Option<usize>) {
        let n = count.unwrap_or(1);
        let Some(doc) = &mut self.doc else { return };
        let b = doc.filter.as_ref().map_or(&doc.full, |f| &f.shown);
        let at = doc.current;
        match action {
            Action::NextQuestion => match count {
                // As in the issue: a count before `]` names the question (`4]`).
                Some(c) => self.goto_question(c),
                None => match nav::next_question(b, at.section, 1) {
                    Some(s) => self.jump_to(nav::turn_start(s, 0), Target::Section),
                    None => self.say("no more questions"),
                },
            },
            Action::PrevQuestion => match nav::prev_question(b, at, n) {
                Some(s) => self.jump_to(nav::turn_start(s, 0), Target::Section),
                None => self.say("no question before this one"),
            },
            Action::NextTurn => match nav::next_turn(b, at, n) {
                Some(a) => self.jump_to(a, Target::Turn),
                None => self.say("this is the last turn"),
            },
            Action::PrevTurn => match nav::prev_turn(b, at, n) {
                Some(a) => self.jump_to(a, Target::Turn),
                None => self.say("this is the first turn"),
            },
            Action::NextSameSpeaker => match nav::next_same_speaker(b, at) {
                Some(a) => self.jump_to(a, Target::Turn),
                None => self.say("no other turn by this speaker"),
            },
            Action::GotoQuestion => match count {
                Some(c) => self.goto_question(c),
                None => {
                    self.prompt = Some(Prompt {
                        kind: PromptKind::GotoQuestion,
                        text: String::new(),
                    })
                }
            },
            Action::JumpBack => match doc.jumps.back(at) {
                Some(a) => self.show(a, Target::Paragraph),
                None => self.say("no earlier position"),
            },
            Action::JumpForward => match doc.jumps.forward(at) {
                Some(a) => self.show(a, Target::Paragraph),
                None => self.say("no later position"),
            },
            _ => {}
        }
    }

    fn reader_outline(&mut self, action: Action) {
        let Some(doc) = &mut self.doc else { return };
        match action {
            Action::FocusNext if doc.outline.visible => {
                self.focus = match self.focus {
                    Focus::Transcript => Focus::Outline,
                    Focus::Outline => Focus::Transcript,
                };
            }
            Action::ToggleOutline => {
                doc.outline.visible = !doc.outline.visible;
                if !doc.outline.visible {
                    self.focus = Focus::Transcript;
                }
                self.relayout();
            }
            Action::OutlineWider => {
                doc.outline.resize(4, self.area.width);
                self.relayout();
            }
            Action::OutlineNarrower => {
                doc.outline.resize(-4, self.area.width);
                self.relayout();
            }
            Action::Expand => {
                let s = doc.current.section;
                if !doc.outline.expanded.remove(&s) {
                    doc.outline.expanded.insert(s);
                }
            }
            _ => {}
        }
    }

    fn reader_search(&mut self, action: Action, n: usize) {
        let Some(doc) = &mut self.doc else { return };
        match action {
            Action::Search => {
                self.search_origin = Some((doc.offset, doc.current, doc.search.clone()));
                self.prompt = Some(Prompt {
                    kind: PromptKind::Search,
                    text: String::new(),
                });
            }
            Action::SearchNext | Action::SearchPrev => {
                self.search_step(action == Action::SearchNext, n)
            }
            _ => {}
        }
    }

    /// The popups of the page's terms and the section's figures, and the speaker filter.
    fn reader_popup(&mut self, action: Action) {
        let page = self.page_height();
        let Some(doc) = &mut self.doc else { return };
        let b = doc.filter.as_ref().map_or(&doc.full, |f| &f.shown);
        let at = doc.current;
        match action {
            Action::ShowTerms => {
                let anchors = doc.lines.anchors_in(doc.offset..doc.offset + page);
                let items = popups::terms_in(b, &doc.highlighter, anchors);
                if items.is_empty() {
                    self.say("no glossary terms on this page");
                } else {
                    self.overlay = Some(Overlay::Terms { items, selected: 0 });
                }
            }
            Action::ShowFigures => {
                let items = popups::figures_in(b, &doc.highlighter, at.section);
                if items.is_empty() {
                    self.say("no figures in this section");
                } else {
                    self.overlay = Some(Overlay::Figures { items, selected: 0 });
                }
            }
            Action::SpeakerFilter => {
                if doc.filter.is_some() {
                    self.set_filter(None);
                } else {
                    let mut items: Vec<String> = Vec::new();
                    for t in doc.full.sections.iter().flat_map(|s| &s.turns) {
                        if !items.contains(&t.speaker) {
                            items.push(t.speaker.clone());
                        }
                    }
                    let here = b
                        .sections
                        .get(at.section)
                        .and_then(|s| s.turns.get(at.turn));
                    let selected = here
                        .and_then(|t| items.iter().position(|i| *i == t.speaker))
                        .unwrap_or(0);
                    self.overlay = Some(Overlay::Speakers { items, selected });
                }
            }
            // Mouse capture is handled before any screen: it works everywhere.
            _ => {}
        }
    }

    fn reader_bookmarks(&mut self, action: Action) {
        match action {
            Action::CopyPassage => self.copy_passage(),
            Action::Bookmark => self.start_bookmark(),
            Action::Bookmarks => self.show_bookmarks(),
            Action::NextBookmark => self.step_bookmark(true),
            Action::PrevBookmark => self.step_bookmark(false),
            // Keys of the bookmarks list; outside it they do nothing.
            _ => {}
        }
    }

    fn reader_general(&mut self, action: Action) {
        match action {
            Action::Help => self.overlay = Some(Overlay::Help { scroll: 0 }),
            Action::Reload => self.reload(),
            Action::Library => self.show_library(),
            Action::Cancel => {
                if let Some(doc) = &mut self.doc {
                    doc.search = None;
                }
                self.focus = Focus::Transcript;
            }
            // Select acts in lists and prompts; Quit was handled before any screen.
            _ => {}
        }
    }
}

/// What a jump puts at the top of the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Target {
    Section,
    Turn,
    Paragraph,
}
