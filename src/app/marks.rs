//! Bookmarks, notes and reading positions in the reader, kept on disk by [`crate::store`]:
//! `m` bookmarks the current passage (a note is asked for in the status line), the bookmarks
//! list jumps, deletes (with undo) and edits notes, `+`/`-` step through the marks, and the
//! reading position is saved when a briefing is left and restored when it is opened again.

use super::{App, Effect, Overlay, Prompt, PromptKind, Screen, update::Target};
use crate::action::Action;
use crate::app::library::Origin;
use crate::model::Anchor;
use crate::store::{self, BriefingId};
use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

/// Where the bookmarks of the open briefing are in it, each found once per version of the
/// briefing. Finding a passage that moved means indexing the whole briefing: for a 10 MB
/// transcript whose anchors shifted, 20 bookmarks took 4.3 s one by one (0.5 s indexed once),
/// and that was paid again at every `m`, `d` and `u`.
#[derive(Debug, Default)]
pub struct Found {
    /// The briefing the anchors are for (both hashes); a reload also starts afresh.
    of: Option<BriefingId>,
    /// Bookmark id → the anchor of its passage in the full briefing (`None`: not found).
    anchors: HashMap<String, Option<Anchor>>,
}

impl Found {
    /// Where the passage of the bookmark `id` is: `None` when unknown, `Some(None)` when not
    /// found.
    pub fn get(&self, id: &str) -> Option<Option<Anchor>> {
        self.anchors.get(id).copied()
    }
}

/// One row of the bookmarks list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BookmarkRow {
    pub id: String,
    pub title: String,
    /// "Q4 · The Paper → Tao Qing"
    pub section: String,
    /// The passage as quoted when bookmarked (its start, for a long one), which the list cuts
    /// to its width.
    pub start: String,
    pub note: Option<String>,
    /// The day it was made (`2026-11-23`).
    pub date: String,
    /// Whether it belongs to the open briefing.
    pub here: bool,
    /// Where the passage is now, for a bookmark of the open briefing (`None`: not found).
    pub anchor: Option<Anchor>,
    /// Where its briefing was last opened from.
    pub path: Option<PathBuf>,
}

impl App {
    /// Read the bookmarks of the open briefing again: gutter and outline marks follow.
    pub(crate) fn refresh_marks(&mut self) {
        let Some(doc) = &mut self.doc else { return };
        let mine = self
            .store
            .as_ref()
            .map(|s| s.bookmarks_for(&doc.briefing.id))
            .unwrap_or_default();
        let found = &mut doc.found;
        if found.of.as_ref() != Some(&doc.briefing.id) {
            *found = Found {
                of: Some(doc.briefing.id.clone()),
                anchors: HashMap::new(),
            };
        }
        // Only bookmarks not seen yet (made here, or by another reader) are looked up.
        let new: Vec<_> = mine
            .iter()
            .filter(|bm| !found.anchors.contains_key(&bm.id))
            .collect();
        let located = store::passage::locate_all(&doc.full, new.iter().map(|bm| &bm.passage));
        for (bm, r) in new.into_iter().zip(located) {
            found.anchors.insert(bm.id.clone(), r.anchor());
        }
        let ids: HashSet<&str> = mine.iter().map(|bm| bm.id.as_str()).collect();
        found.anchors.retain(|id, _| ids.contains(id.as_str()));
        // A passage found elsewhere in a changed briefing is listed under its section now.
        if let Some(store) = &mut self.store {
            let now = found.anchors.iter();
            store.relabel(
                &doc.full,
                now.filter_map(|(id, a)| Some((id.as_str(), (*a)?))),
            );
        }
        let mut marks: Vec<Anchor> = found.anchors.values().flatten().copied().collect();
        marks.sort();
        marks.dedup();
        doc.shown_marks = match &doc.filter {
            None => marks.clone(),
            Some(f) => marks
                .iter()
                .map(|&a| f.to_view(a))
                .filter(|&v| marks.binary_search(&f.to_full(v)).is_ok())
                .collect(),
        };
        doc.marks = marks;
    }

    /// The rows of the bookmarks list: this briefing's, or all of them.
    pub fn bookmark_rows(&self, all: bool) -> Vec<BookmarkRow> {
        let Some(store) = &self.store else {
            return Vec::new();
        };
        let doc = self.doc.as_ref();
        store
            .bookmarks()
            .iter()
            .filter_map(|bm| {
                let here = doc.is_some_and(|d| bm.briefing.id.matches(&d.briefing.id));
                if !here && !all {
                    return None;
                }
                let anchor = doc.filter(|_| here).and_then(|d| {
                    d.found
                        .get(&bm.id)
                        .unwrap_or_else(|| bm.resolve(&d.full).anchor())
                });
                Some(BookmarkRow {
                    id: bm.id.clone(),
                    title: bm.briefing.title.clone(),
                    section: bm.section.clone(),
                    start: bm.passage.quote.trim_end_matches('…').to_string(),
                    note: bm.note.clone(),
                    date: bm.created_date().to_string(),
                    here,
                    anchor,
                    path: bm.briefing.path.as_ref().map(PathBuf::from),
                })
            })
            .collect()
    }

    /// `m`: ask for a note, then bookmark the current passage.
    pub(crate) fn start_bookmark(&mut self) {
        if let Some(reason) = self.store_unavailable() {
            return self.warn(reason);
        }
        let Some(doc) = &self.doc else { return };
        let anchor = doc.current_full();
        // A passage is bookmarked once: `m` on it again edits the note instead of adding a twin.
        let existing = doc
            .found
            .anchors
            .iter()
            .find(|(_, a)| **a == Some(anchor))
            .map(|(id, _)| id.clone());
        if let Some(id) = existing {
            let note = self
                .store
                .as_ref()
                .and_then(|s| s.bookmark(&id))
                .and_then(|bm| bm.note.clone());
            self.prompt = Some(Prompt {
                kind: PromptKind::EditNote { id },
                text: note.unwrap_or_default(),
            });
            return self.say("already bookmarked: edit its note (Enter saves)");
        }
        self.prompt = Some(Prompt {
            kind: PromptKind::Note { anchor },
            text: String::new(),
        });
    }

    /// Save the bookmark asked for with `m`; `note` may be empty.
    pub(crate) fn finish_bookmark(&mut self, anchor: Anchor, note: &str) {
        let (Some(store), Some(doc)) = (&mut self.store, &self.doc) else {
            return;
        };
        let note = Some(note.trim().to_string()).filter(|n| !n.is_empty());
        match store.add(&doc.briefing, &doc.full, anchor, note) {
            Ok(Some(bm)) => {
                let msg = format!("bookmarked: {}", bm.section);
                self.refresh_marks();
                self.say(msg);
            }
            Ok(None) => self.warn("nothing to bookmark here"),
            Err(e) => self.warn(format!("bookmark not saved: {e}")),
        }
        self.report_store_warnings();
    }

    /// Say that a state file damaged while reading (by hand or by another program) was moved
    /// aside: that matters more than the message of the action that found it.
    pub(crate) fn report_store_warnings(&mut self) {
        let Some(store) = &mut self.store else { return };
        let warnings: Vec<String> = store
            .take_warnings()
            .iter()
            .map(|w| w.to_string())
            .collect();
        if !warnings.is_empty() {
            self.warn(warnings.join("; "));
        }
    }

    /// Why bookmarks cannot be used, if they cannot.
    fn store_unavailable(&self) -> Option<String> {
        match (&self.store, &self.store_error) {
            (Some(_), _) => None,
            (None, Some(e)) => Some(format!("bookmarks are off: {e}")),
            (None, None) => Some("bookmarks are off".to_string()),
        }
    }

    /// Open the bookmarks list.
    pub(crate) fn show_bookmarks(&mut self) {
        if let Some(reason) = self.store_unavailable() {
            return self.warn(reason);
        }
        if let Some(s) = &mut self.store
            && let Err(e) = s.reload()
        {
            self.warn(format!("cannot read the bookmarks: {e}"));
        }
        // Another reader may have bookmarked or deleted meanwhile: the marks follow the list.
        self.refresh_marks();
        self.report_store_warnings();
        let all = self.doc.is_none() || self.screen == Screen::Library;
        let items = self.bookmark_rows(all);
        self.overlay = Some(Overlay::Bookmarks {
            all,
            items,
            selected: 0,
        });
    }

    /// Actions inside the bookmarks list; `true` when handled here.
    pub(crate) fn bookmarks_action(&mut self, action: Action) -> bool {
        let Some(Overlay::Bookmarks {
            all,
            items,
            selected,
        }) = &self.overlay
        else {
            return false;
        };
        let (all, row) = (*all, items.get(*selected).cloned());
        match action {
            Action::ToggleScope => self.relist_bookmarks(!all),
            Action::Delete => {
                let Some(row) = row else { return true };
                let store = self
                    .store
                    .as_mut()
                    .expect("the list exists only with a store");
                match store.delete(&row.id) {
                    Ok(Some(bm)) => {
                        self.deleted.push(bm);
                        self.say("bookmark deleted (u brings it back)");
                    }
                    Ok(None) => self.warn("already deleted by another reader"),
                    Err(e) => self.warn(format!("not deleted: {e}")),
                }
                self.relist_bookmarks(all);
            }
            Action::Undo => {
                let Some(bm) = self.deleted.pop() else {
                    self.say("nothing to undo");
                    return true;
                };
                let store = self
                    .store
                    .as_mut()
                    .expect("the list exists only with a store");
                match store.restore(bm) {
                    Ok(()) => self.say("bookmark restored"),
                    Err(e) => self.warn(format!("not restored: {e}")),
                }
                self.relist_bookmarks(all);
            }
            Action::EditNote => {
                let Some(row) = row else { return true };
                self.prompt = Some(Prompt {
                    kind: PromptKind::EditNote { id: row.id },
                    text: row.note.unwrap_or_default(),
                });
            }
            Action::Select => {
                let Some(row) = row else { return true };
                self.overlay = None;
                self.goto_bookmark(&row);
            }
            _ => return false,
        }
        self.report_store_warnings();
        true
    }

    /// Save an edited note.
    pub(crate) fn finish_note(&mut self, id: &str, note: &str) {
        let Some(store) = &mut self.store else { return };
        let note = Some(note.trim().to_string()).filter(|n| !n.is_empty());
        match store.set_note(id, note) {
            Ok(true) => self.say("note saved"),
            Ok(false) => self.warn("that bookmark was deleted by another reader"),
            Err(e) => self.warn(format!("note not saved: {e}")),
        }
        if let Some(Overlay::Bookmarks { all, .. }) = &self.overlay {
            let all = *all;
            self.relist_bookmarks(all);
        }
        self.report_store_warnings();
    }

    /// Rebuild the list (after a change), keeping the cursor in range.
    fn relist_bookmarks(&mut self, all: bool) {
        let items = self.bookmark_rows(all);
        let selected = match &self.overlay {
            Some(Overlay::Bookmarks { selected, .. }) => {
                (*selected).min(items.len().saturating_sub(1))
            }
            _ => 0,
        };
        self.overlay = Some(Overlay::Bookmarks {
            all,
            items,
            selected,
        });
        self.refresh_marks();
    }

    /// Jump to a bookmark, opening its briefing first when it is another one.
    fn goto_bookmark(&mut self, row: &BookmarkRow) {
        if !row.here {
            let Some(path) = row.path.clone() else {
                return self.warn("the bookmark's briefing has no known file");
            };
            let origin = Origin::File(path);
            if let Err(e) = self.open_origin(&origin) {
                let e = super::status_error(&e, &origin);
                return self.warn(format!("cannot open the briefing: {e}"));
            }
        }
        let Some(doc) = &self.doc else { return };
        let found = doc.found.get(&row.id).unwrap_or_else(|| {
            self.store
                .as_ref()
                .and_then(|s| s.bookmark(&row.id))
                .and_then(|bm| bm.resolve(&doc.full).anchor())
        });
        match found {
            Some(a) => {
                let shown = doc.filter.as_ref().map_or(a, |f| f.to_view(a));
                self.jump_to(shown, Target::Paragraph);
            }
            None => self.warn("passage not found: the text was changed or removed"),
        }
    }

    /// `+` / `-`: the next or previous bookmarked passage, wrapping around.
    pub(crate) fn step_bookmark(&mut self, forward: bool) {
        let Some(doc) = &self.doc else { return };
        let marks = &doc.shown_marks;
        if marks.is_empty() {
            return self.say("no bookmarks in this briefing");
        }
        let at = doc.current;
        let next = if forward {
            marks.iter().find(|&&a| a > at).or(marks.first())
        } else {
            marks.iter().rev().find(|&&a| a < at).or(marks.last())
        };
        if let Some(&a) = next {
            self.jump_to(a, Target::Paragraph);
        }
    }

    /// `y`: put the current passage with its citation on the clipboard.
    pub(crate) fn copy_passage(&mut self) {
        let Some(doc) = &self.doc else { return };
        let text = store::citation(&doc.full, doc.current_full());
        if text.is_empty() {
            return;
        }
        self.effects.push(Effect::Clipboard(text));
        self.say("passage copied with its citation");
    }

    /// Remember where the open briefing is being read (the paragraph at the top of the page).
    ///
    /// Returns what went wrong, also shown in the status line, for a caller that is quitting and
    /// must say it once the terminal is restored.
    pub fn save_position(&mut self) -> Option<String> {
        let (Some(store), Some(doc)) = (&mut self.store, &self.doc) else {
            return None;
        };
        let top = doc.lines.anchor_at(doc.offset)?;
        let full = doc.filter.as_ref().map_or(top, |f| f.to_full(top));
        let e = store.save_position(&doc.briefing, &doc.full, full).err()?;
        let text = format!("reading position not saved: {e}");
        self.warn(text.clone());
        Some(text)
    }

    /// Save the reading position and stop, keeping any failure to tell after the terminal is
    /// restored.
    pub fn quit(&mut self) {
        self.last_words = self.save_position();
        self.running = false;
    }

    /// Open the briefing where it was left last time, and tell the store where it lives now.
    pub(crate) fn restore_position(&mut self) {
        let (Some(store), Some(doc)) = (&mut self.store, &self.doc) else {
            return;
        };
        // Only bookmarks learn the briefing's current path and title, and hashing a big briefing
        // again costs time on every open: touch only when there are some. Failing to update
        // them only makes `brief bookmarks` less helpful; reading goes on.
        if !store.bookmarks_for(&doc.briefing.id).is_empty() {
            let _ = store.touch(&doc.briefing);
        }
        let Some(full) = store
            .position(&doc.briefing.id)
            .and_then(|p| p.restore(&doc.full))
        else {
            return;
        };
        let a = doc.filter.as_ref().map_or(full, |f| f.to_view(full));
        let max = self.max_offset();
        let doc = self.doc.as_mut().expect("checked above");
        // Only the paragraph is saved, not whether its headings were on screen above it: show
        // them, as a jump does, so that a page left at a question's heading opens the same way.
        doc.offset = doc.lines.block_of(a).min(max);
        doc.current = a;
    }
}
