//! Keys and mouse events → actions: the count typed before a key, the prompts typed in the
//! status line (search, go to question), the wheel and clicks.

use super::{App, Focus, PromptKind, Screen};
use crate::action::Action;
use crate::app::nav;
use crate::app::outline::Row;
use crate::app::search::Search;
use crate::app::update::Target;
use crate::keymap::Key;
use ratatui::crossterm::event::{
    KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use ratatui::layout::{Position, Rect};

/// How a prompt was left.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Close {
    /// Enter.
    Accept,
    /// Esc.
    Escape,
    /// Ctrl-C, or rubbing out an empty search.
    Abort,
}

/// The largest count kept, so that typing many digits cannot overflow anything.
const MAX_COUNT: usize = 1_000_000;
/// Lines (or entries) moved by one notch of the mouse wheel.
const WHEEL_STEP: isize = 3;

impl App {
    /// Handle a key press (releases and repeats-as-release are ignored).
    pub fn on_key(&mut self, ev: KeyEvent) {
        if ev.kind == KeyEventKind::Release {
            return;
        }
        if self.prompt.is_some() {
            self.prompt_key(ev);
            return;
        }
        let key = Key::from_event(&ev);
        if key.is_count_digit()
            && let KeyCode::Char(c) = key.code
        {
            let d = c as usize - '0' as usize;
            self.count = Some((self.count.unwrap_or(0) * 10 + d).min(MAX_COUNT));
            return;
        }
        match self.keymap.action(&ev) {
            Some(a) => self.update(a),
            None => self.count = None,
        }
    }

    fn prompt_key(&mut self, ev: KeyEvent) {
        let Some(prompt) = &mut self.prompt else {
            return;
        };
        let ctrl = ev.modifiers.contains(KeyModifiers::CONTROL);
        let is_note = matches!(
            prompt.kind,
            PromptKind::Note { .. } | PromptKind::EditNote { .. }
        );
        match ev.code {
            KeyCode::Esc => return self.close_prompt(Close::Escape),
            KeyCode::Char('c') if ctrl => return self.close_prompt(Close::Abort),
            KeyCode::Enter => return self.close_prompt(Close::Accept),
            KeyCode::Backspace => {
                // As in vim's command line, rubbing out an empty search gives up; a note is
                // not given up that easily.
                if prompt.text.pop().is_none() && !is_note {
                    return self.close_prompt(Close::Abort);
                }
            }
            KeyCode::Char('u') if ctrl => prompt.text.clear(),
            KeyCode::Char(c) if !ctrl && !ev.modifiers.contains(KeyModifiers::ALT) => {
                prompt.text.push(c)
            }
            _ => return,
        }
        if prompt.kind == PromptKind::Search {
            let q = prompt.text.clone();
            self.search_as_typed(&q);
        }
    }

    /// Incremental search: find from where the search started and show the first match.
    fn search_as_typed(&mut self, query: &str) {
        let Some((offset, from, _)) = self.search_origin.clone() else {
            return;
        };
        let Some(doc) = &mut self.doc else { return };
        if query.is_empty() {
            doc.search = None;
            doc.offset = offset;
            doc.current = from;
            return;
        }
        // The last query's matches go first: a one-letter query can match a million times.
        doc.search = None;
        let s = Search::run(doc.shown(), query, from);
        let found = s.current_match().cloned();
        doc.search = Some(s);
        match found {
            Some(m) => self.show_match(&m),
            None => {
                let doc = self.doc.as_mut().expect("checked above");
                doc.offset = offset;
                doc.current = from;
            }
        }
        self.after_move();
    }

    /// Finish the prompt: with Enter, Esc (a search goes back to where it started; a new
    /// bookmark is saved without a note) or Ctrl-C (nothing is done).
    fn close_prompt(&mut self, how: Close) {
        let Some(prompt) = self.prompt.take() else {
            return;
        };
        let accept = how == Close::Accept;
        match prompt.kind {
            PromptKind::Search => {
                let origin = self.search_origin.take();
                let committed = accept && !prompt.text.is_empty();
                if committed {
                    self.last_query = Some(prompt.text.clone());
                }
                let found = self
                    .doc
                    .as_ref()
                    .and_then(|d| d.search.as_ref())
                    .map(|s| s.current.is_some());
                match (accept, found) {
                    (true, Some(true)) => {
                        if let (Some(doc), Some((_, from, _))) = (&mut self.doc, &origin) {
                            doc.jumps.record(*from);
                        }
                    }
                    _ => {
                        if let (Some(doc), Some((offset, from, previous))) = (&mut self.doc, origin)
                        {
                            doc.offset = offset;
                            doc.current = from;
                            // A query not found is still the one n and N look for.
                            doc.search = previous.filter(|_| !committed);
                        }
                        if committed {
                            self.warn(format!("pattern not found: {}", prompt.text));
                        }
                    }
                }
            }
            PromptKind::GotoQuestion if accept => match prompt.text.trim().parse::<usize>() {
                Ok(n) if n > 0 => {
                    self.count = Some(n);
                    self.update(crate::action::Action::GotoQuestion);
                }
                // Enter on an empty prompt is a change of mind, as Esc is.
                _ if prompt.text.trim().is_empty() => {}
                _ => self.warn(format!("not a question number: {}", prompt.text)),
            },
            PromptKind::GotoQuestion => {}
            PromptKind::Note { anchor } => match how {
                Close::Accept => self.finish_bookmark(anchor, &prompt.text),
                Close::Escape => self.finish_bookmark(anchor, ""),
                Close::Abort => self.say("not bookmarked"),
            },
            PromptKind::EditNote { id } if accept => self.finish_note(&id, &prompt.text),
            PromptKind::EditNote { .. } => {}
        }
        self.after_move();
    }

    /// Handle a mouse event: the wheel scrolls the pane under the pointer, a click on an outline
    /// entry jumps there, a click in the library selects.
    pub fn on_mouse(&mut self, ev: MouseEvent) {
        let at = Position::new(ev.column, ev.row);
        let delta = match ev.kind {
            MouseEventKind::ScrollDown => WHEEL_STEP,
            MouseEventKind::ScrollUp => -WHEEL_STEP,
            MouseEventKind::Down(MouseButton::Left) => return self.click(at),
            _ => return,
        };
        if self.prompt.is_some() {
            return;
        }
        if self.overlay.is_some() {
            // The wheel moves through the popup's list, as j and k do.
            let step = if delta > 0 {
                Action::ScrollDown
            } else {
                Action::ScrollUp
            };
            for _ in 0..delta.unsigned_abs() {
                self.update(step);
            }
            return;
        }
        if self.screen == Screen::Library || self.doc.is_none() {
            if let Some(l) = &mut self.library {
                l.move_by(delta);
            }
            self.after_move();
            return;
        }
        let panes = self.panes();
        match panes.outline {
            Some(r) if r.contains(at) => {
                if let Some(doc) = &mut self.doc {
                    let b = doc.filter.as_ref().map_or(&doc.full, |f| &f.shown);
                    doc.outline.move_by(b, delta);
                    self.outline_moved = true;
                }
            }
            _ => self.scroll_by(delta),
        }
        self.after_move();
    }

    fn click(&mut self, at: Position) {
        if self.overlay.is_some() || self.prompt.is_some() {
            return;
        }
        if self.screen == Screen::Library || self.doc.is_none() {
            let area = super::screen::library_list_area(self.area);
            if let Some(l) = &mut self.library
                && let Some(i) = row_in(area, at, l.scroll)
                && i < l.entries.len()
            {
                // A click selects; a click on the selected entry opens it.
                if l.selected == i {
                    self.update(Action::Select);
                } else {
                    l.selected = i;
                }
            }
            return;
        }
        let Some(r) = self.panes().outline else {
            return;
        };
        let Some(doc) = &mut self.doc else { return };
        let Some(i) = row_in(r, at, doc.outline.scroll) else {
            return;
        };
        let b = doc.filter.as_ref().map_or(&doc.full, |f| &f.shown);
        let Some(row) = doc.outline.row(b, i) else {
            return;
        };
        doc.outline.selected = i;
        match row {
            Row::Section(s) => self.jump_to(nav::turn_start(s, 0), Target::Section),
            Row::Turn(s, t) => self.jump_to(nav::turn_start(s, t), Target::Turn),
        }
        self.focus = Focus::Transcript;
        self.after_move();
    }
}

/// The list row under the pointer in a list drawn in `area` from row `scroll`.
fn row_in(area: Rect, at: Position, scroll: usize) -> Option<usize> {
    area.contains(at)
        .then(|| scroll + usize::from(at.y - area.y))
}
