//! `App::update`: what each action does, depending on the screen, the popup and the focus.

use super::{App, Effect, Focus, Overlay, Prompt, PromptKind, Screen, nav, popups};
use crate::app::action::Action;
use crate::app::filter::Filter;
use crate::app::library::Library;
use crate::app::outline::Row;
use crate::app::view::View;
use crate::model::Anchor;

impl App {
    /// Apply one action (with the count typed before it, if any).
    pub fn update(&mut self, action: Action) {
        let count = self.count.take();
        self.message = None;
        if action == Action::Quit && self.overlay.is_none() {
            self.running = false;
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
        } else if self.focus == Focus::Outline && self.outline_action(action) {
        } else {
            self.update_reader(action, count);
        }
        self.after_move();
    }

    fn update_library(&mut self, action: Action, count: Option<usize>) {
        let page = self.page_height() as isize;
        let Some(lib) = &mut self.library else {
            if action == Action::Library && self.doc.is_some() {
                self.screen = Screen::Reader;
            }
            return;
        };
        let n = count.unwrap_or(1) as isize;
        match action {
            Action::ScrollDown => lib.move_by(n),
            Action::ScrollUp => lib.move_by(-n),
            Action::PageDown | Action::HalfPageDown => lib.move_by(page),
            Action::PageUp | Action::HalfPageUp => lib.move_by(-page),
            Action::Top => lib.selected = 0,
            Action::Bottom => lib.move_by(isize::MAX),
            Action::Select => {
                let Some(entry) = lib.current().cloned() else {
                    return;
                };
                if let Some(e) = &entry.error {
                    let e = e.clone();
                    self.warn(e);
                } else if let Err(e) = self.open_origin(&entry.origin) {
                    self.warn(e.lines().next().unwrap_or_default().to_string());
                }
            }
            Action::Library | Action::Cancel if self.doc.is_some() => self.screen = Screen::Reader,
            Action::Help => self.overlay = Some(Overlay::Help { scroll: 0 }),
            Action::Reload => self.rescan_library(),
            _ => {}
        }
    }

    fn rescan_library(&mut self) {
        let Some(lib) = &self.library else { return };
        let fresh = match &lib.dir {
            Some(dir) => Library::scan(dir),
            None => Ok(Library::samples()),
        };
        match fresh {
            Ok(mut l) => {
                l.selected = lib.selected.min(l.entries.len().saturating_sub(1));
                self.library = Some(l);
            }
            Err(e) => self.warn(format!("cannot read the folder: {e}")),
        }
    }

    /// Go to the library list, making one from the open file's folder when there is none.
    fn show_library(&mut self) {
        if self.library.is_none() {
            let dir = self
                .doc
                .as_ref()
                .and_then(|d| d.path())
                .and_then(|p| p.parent())
                .map(|p| {
                    if p.as_os_str().is_empty() {
                        std::path::Path::new(".")
                    } else {
                        p
                    }
                    .to_path_buf()
                });
            let lib = match dir {
                Some(d) => Library::scan(&d),
                None => Ok(Library::samples()),
            };
            match lib {
                Ok(l) => self.library = Some(l),
                Err(e) => return self.warn(format!("cannot read the folder: {e}")),
            }
        }
        self.screen = Screen::Library;
    }

    fn update_overlay(&mut self, action: Action) {
        let Some(overlay) = &mut self.overlay else {
            return;
        };
        let close = matches!(action, Action::Cancel | Action::Quit)
            || matches!(
                (&*overlay, action),
                (Overlay::Help { .. }, Action::Help)
                    | (Overlay::Terms { .. }, Action::ShowTerms)
                    | (Overlay::Figures { .. }, Action::ShowFigures)
                    | (Overlay::Speakers { .. }, Action::SpeakerFilter)
            );
        if close {
            self.overlay = None;
            return;
        }
        let (selected, len) = match overlay {
            Overlay::Help { scroll } => (scroll, usize::MAX),
            Overlay::Terms { items, selected } => (selected, items.len()),
            Overlay::Figures { items, selected } => (selected, items.len()),
            Overlay::Speakers { items, selected } => (selected, items.len()),
        };
        let last = len.saturating_sub(1);
        match action {
            Action::ScrollDown => *selected = (*selected + 1).min(last),
            Action::ScrollUp => *selected = selected.saturating_sub(1),
            Action::PageDown | Action::HalfPageDown => *selected = (*selected + 10).min(last),
            Action::PageUp | Action::HalfPageUp => *selected = selected.saturating_sub(10),
            Action::Top => *selected = 0,
            Action::Bottom if len != usize::MAX => *selected = last,
            Action::Select => self.select_in_overlay(),
            _ => {}
        }
    }

    fn select_in_overlay(&mut self) {
        match self.overlay.take() {
            Some(Overlay::Figures { items, selected }) => {
                if let Some(item) = items.get(selected) {
                    self.jump_to(item.anchor, Target::Paragraph);
                }
            }
            Some(Overlay::Speakers { items, selected }) => {
                if let Some(id) = items.get(selected) {
                    self.set_filter(Some(id.clone()));
                }
            }
            other => self.overlay = other,
        }
    }

    /// Handle an action meant for the outline; `false` when it is not an outline action.
    fn outline_action(&mut self, action: Action) -> bool {
        let Some(doc) = &mut self.doc else {
            return false;
        };
        let b = doc.filter.as_ref().map_or(&doc.full, |f| &f.view);
        match action {
            Action::ScrollDown => doc.outline.move_by(b, 1),
            Action::ScrollUp => doc.outline.move_by(b, -1),
            Action::Top => doc.outline.selected = 0,
            Action::Bottom => doc.outline.move_by(b, isize::MAX),
            Action::Expand => doc.outline.toggle_expand(b),
            Action::Select => {
                let row = doc.outline.rows(b).get(doc.outline.selected).copied();
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

    fn update_reader(&mut self, action: Action, count: Option<usize>) {
        let n = count.unwrap_or(1);
        let page = self.page_height();
        let Some(doc) = &mut self.doc else { return };
        let b = doc.shown();
        let at = doc.current;
        match action {
            Action::ScrollDown => self.scroll_by(n as isize),
            Action::ScrollUp => self.scroll_by(-(n as isize)),
            Action::PageDown => self.scroll_by((n * page.saturating_sub(1).max(1)) as isize),
            Action::PageUp => self.scroll_by(-((n * page.saturating_sub(1).max(1)) as isize)),
            Action::HalfPageDown => self.scroll_by((n * (page / 2).max(1)) as isize),
            Action::HalfPageUp => self.scroll_by(-((n * (page / 2).max(1)) as isize)),
            Action::Top => self.jump_to_line(count.map_or(0, |c| c.saturating_sub(1))),
            Action::Bottom => self.jump_to_line(usize::MAX),
            Action::GotoPercent => {
                let len = doc.view.len();
                self.jump_to_line(len.saturating_mul(n.min(100)) / 100);
            }
            Action::NextParagraph => self.move_current(true, n),
            Action::PrevParagraph => self.move_current(false, n),
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
            Action::FocusNext => {
                if doc.outline.visible {
                    self.focus = match self.focus {
                        Focus::Transcript => Focus::Outline,
                        Focus::Outline => Focus::Transcript,
                    };
                }
            }
            Action::ToggleOutline => {
                doc.outline.visible = !doc.outline.visible;
                if !doc.outline.visible {
                    self.focus = Focus::Transcript;
                }
                self.relayout();
            }
            Action::OutlineWider => {
                doc.outline.resize(4);
                self.relayout();
            }
            Action::OutlineNarrower => {
                doc.outline.resize(-4);
                self.relayout();
            }
            Action::Expand => {
                let s = doc.current.section;
                if !doc.outline.expanded.remove(&s) {
                    doc.outline.expanded.insert(s);
                }
            }
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
            Action::ShowTerms => {
                let anchors = doc.view.anchors_in(doc.offset..doc.offset + page);
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
            Action::Help => self.overlay = Some(Overlay::Help { scroll: 0 }),
            Action::Reload => self.reload(),
            Action::Library => self.show_library(),
            Action::Cancel => {
                if let Some(doc) = &mut self.doc {
                    doc.search = None;
                }
                self.focus = Focus::Transcript;
            }
            Action::CopyPassage => self.copy_passage(),
            Action::Select | Action::Quit | Action::ToggleMouse => {}
            Action::Bookmark
            | Action::Bookmarks
            | Action::NextBookmark
            | Action::PrevBookmark
            | Action::Delete
            | Action::Undo
            | Action::EditNote
            | Action::ToggleScope => self.say("bookmarks are not available in this build yet"),
        }
    }

    /// Scroll the transcript; the current passage follows the top of the page.
    pub(crate) fn scroll_by(&mut self, delta: isize) {
        let max = self.max_offset();
        let Some(doc) = &mut self.doc else { return };
        doc.offset = doc.offset.saturating_add_signed(delta).min(max);
        if let Some(a) = doc.view.anchor_at(doc.offset) {
            doc.current = a;
        }
    }

    /// The last offset that still fills the page.
    pub(crate) fn max_offset(&self) -> usize {
        let page = self.page_height();
        self.doc
            .as_ref()
            .map_or(0, |d| d.view.len().saturating_sub(page))
    }

    /// A jump to a line (`g`, `G`, `50%`), remembered in the jump list.
    fn jump_to_line(&mut self, line: usize) {
        let max = self.max_offset();
        let Some(doc) = &mut self.doc else { return };
        doc.jumps.record(doc.current);
        doc.offset = line.min(max);
        if let Some(a) = doc.view.anchor_at(doc.offset) {
            doc.current = a;
        }
    }

    fn goto_question(&mut self, n: usize) {
        let Some(doc) = &self.doc else { return };
        match nav::question(doc.shown(), n) {
            Some(s) => self.jump_to(nav::turn_start(s, 0), Target::Section),
            None => self.say("this briefing has no questions"),
        }
    }

    /// A jump to a passage, remembered in the jump list.
    pub(crate) fn jump_to(&mut self, a: Anchor, target: Target) {
        if let Some(doc) = &mut self.doc {
            doc.jumps.record(doc.current);
        }
        self.show(a, target);
    }

    /// Make `a` the current passage with its heading (per `target`) at the top of the page.
    pub(crate) fn show(&mut self, a: Anchor, target: Target) {
        let max = self.max_offset();
        let Some(doc) = &mut self.doc else { return };
        let line = match target {
            Target::Section => doc.view.section_line(a.section),
            Target::Turn => doc.view.turn_line(a.section, a.turn),
            Target::Paragraph => doc.view.line_of(a),
        };
        doc.offset = line.min(max);
        doc.current = a;
    }

    /// Move the current passage by paragraphs, scrolling only when it leaves the page.
    fn move_current(&mut self, forward: bool, n: usize) {
        let page = self.page_height();
        let max = self.max_offset();
        let Some(doc) = &mut self.doc else { return };
        let all: Vec<Anchor> = doc.shown().paragraphs().map(|(a, _)| a).collect();
        let Some(i) = all.iter().position(|&a| a == doc.current) else {
            return;
        };
        let j = if forward {
            (i + n).min(all.len() - 1)
        } else {
            i.saturating_sub(n)
        };
        doc.current = all[j];
        let line = doc.view.line_of(doc.current);
        if line < doc.offset || line >= doc.offset + page {
            doc.offset = line.min(max);
        }
    }

    fn search_step(&mut self, forward: bool, n: usize) {
        let Some(doc) = &mut self.doc else { return };
        let Some(search) = &mut doc.search else {
            return self.say("no search yet: press / to search");
        };
        let before = search.current;
        match search.step(forward, n).map(|m| m.anchor) {
            Some(a) => {
                // The match count is in the status line; say so only when the search wrapped.
                let wrapped = match (before, search.current) {
                    (Some(b), Some(c)) => (forward && c <= b) || (!forward && c >= b),
                    _ => false,
                };
                self.show_match(a);
                if wrapped {
                    self.say(if forward {
                        "search hit the end, continued at the start"
                    } else {
                        "search hit the start, continued at the end"
                    });
                }
            }
            None => {
                let q = search.query.clone();
                self.warn(format!("pattern not found: {q}"));
            }
        }
    }

    /// Bring a match into view: leave the page alone when it is already on it.
    pub(crate) fn show_match(&mut self, a: Anchor) {
        let page = self.page_height();
        let Some(doc) = &mut self.doc else { return };
        let line = doc.view.line_of(a);
        doc.current = a;
        if line < doc.offset || line >= doc.offset + page {
            let max = self.max_offset();
            let doc = self.doc.as_mut().expect("checked above");
            doc.offset = line.saturating_sub(page / 3).min(max);
        }
    }

    /// Turn the speaker filter on (for a speaker id) or off, keeping the reading position.
    pub(crate) fn set_filter(&mut self, speaker: Option<String>) {
        let Some(doc) = &mut self.doc else { return };
        let here = doc.current_full();
        doc.filter = speaker.and_then(|s| Filter::new(&doc.full, &s));
        doc.view = View::new(doc.shown(), doc.view.width());
        doc.highlights.clear();
        doc.search = None;
        doc.jumps = Default::default();
        doc.outline.expanded.clear();
        let a = doc.filter.as_ref().map_or(here, |f| f.to_view(here));
        let label = doc.filter.as_ref().map(|f| {
            doc.full
                .speaker_name(&f.speaker)
                .unwrap_or("Reporter")
                .to_string()
        });
        self.show(a, Target::Paragraph);
        match label {
            Some(name) => self.say(format!("showing only {name} and the questions put to them")),
            None => self.say("showing every speaker"),
        }
    }

    /// Put the current passage and its citation on the clipboard.
    fn copy_passage(&mut self) {
        let Some(doc) = &self.doc else { return };
        let b = &doc.full;
        let a = doc.current_full();
        let Some(p) = b.paragraph(a) else { return };
        let turn = &b.sections[a.section].turns[a.turn];
        let who = match b.speaker(&turn.speaker) {
            Some(s) => match &s.role {
                Some(r) => format!("{}, {}", s.name, r),
                None => s.name.clone(),
            },
            None => "A reporter".to_string(),
        };
        let when = b
            .meta
            .date
            .as_deref()
            .map(|d| format!(", {d}"))
            .unwrap_or_default();
        let text = format!("“{}”\n— {who}. {}{when}", p.text, b.meta.title);
        self.effects.push(Effect::Clipboard(text));
        self.say("passage copied with its citation");
    }

    /// Keep derived state in step after any change: offsets in range, the outline on the
    /// section being read (unless the user moved its cursor), the outline scroll.
    pub(crate) fn after_move(&mut self) {
        let max = self.max_offset();
        let outline_rows = usize::from(self.panes().outline.map_or(0, |r| r.height));
        let moved = std::mem::take(&mut self.outline_moved);
        let list_rows = usize::from(crate::ui::library_list_area(self.area).height);
        if let Some(lib) = &mut self.library {
            lib.keep_in_view(list_rows);
        }
        let Some(doc) = &mut self.doc else { return };
        doc.offset = doc.offset.min(max);
        if !moved {
            let (s, t) = (doc.current.section, doc.current.turn);
            let b = doc.filter.as_ref().map_or(&doc.full, |f| &f.view);
            doc.outline.follow(b, s, t);
        }
        doc.outline.keep_in_view(outline_rows);
    }
}

/// What a jump puts at the top of the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Target {
    Section,
    Turn,
    Paragraph,
}
