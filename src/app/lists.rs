//! Actions in the lists: the library and the popups (help, terms, figures, speakers).

use super::{App, Overlay, Screen};
use crate::action::Action;
use crate::app::library::Library;
use crate::app::update::Target;

/// The first visible row of a list of `height` rows scrolled to `scroll`, moved as little as needed
/// for row `selected` to be seen (the library and the outline scroll alike).
pub fn scroll_to_show(selected: usize, scroll: usize, height: usize) -> usize {
    if height == 0 || (scroll..scroll + height).contains(&selected) {
        scroll
    } else if selected < scroll {
        selected
    } else {
        selected + 1 - height
    }
}

impl App {
    pub(super) fn update_library(&mut self, action: Action, count: Option<usize>) {
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
                    self.warn(super::status_error(&e, &entry.origin));
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
    pub(super) fn show_library(&mut self) {
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

    pub(super) fn update_overlay(&mut self, action: Action) {
        if self.bookmarks_action(action) {
            return;
        }
        let help_last = super::help::last_scroll(self);
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
                    | (Overlay::Bookmarks { .. }, Action::Bookmarks)
            );
        if close {
            self.overlay = None;
            return;
        }
        let (selected, len) = match overlay {
            // The help scrolls by lines, as far as its last page.
            Overlay::Help { scroll } => (scroll, help_last + 1),
            Overlay::Terms { items, selected } => (selected, items.len()),
            Overlay::Figures { items, selected } => (selected, items.len()),
            Overlay::Speakers { items, selected } => (selected, items.len()),
            Overlay::Bookmarks {
                items, selected, ..
            } => (selected, items.len()),
        };
        let last = len.saturating_sub(1);
        match action {
            Action::ScrollDown => *selected = (*selected + 1).min(last),
            Action::ScrollUp => *selected = selected.saturating_sub(1),
            Action::PageDown | Action::HalfPageDown => *selected = (*selected + 10).min(last),
            Action::PageUp | Action::HalfPageUp => *selected = selected.saturating_sub(10),
            Action::Top => *selected = 0,
            Action::Bottom => *selected = last,
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
}
