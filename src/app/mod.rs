//! The reader's state and how actions change it (Elm architecture: [`App::update`] and the input
//! handlers are the only places state changes; `crate::ui` only reads it). Tested without a
//! terminal.

pub mod filter;
pub mod help;
mod input;
pub mod library;
pub mod lines;
mod lists;
pub mod marks;
mod motion;
pub mod nav;
pub mod outline;
pub mod popups;
pub mod screen;
pub mod search;
#[cfg(test)]
pub(crate) mod testdoc;
mod update;

use crate::format;
use crate::glossary;
use crate::highlight::HighlightCache;
use crate::highlight::Highlighter;
use crate::keymap::Keymap;
use crate::model::{Anchor, Briefing};
use crate::store::{Bookmark, BriefingRef, Store};
use crate::theme::Theme;
use filter::Filter;
use library::{Library, Origin};
use lines::Lines;
use nav::JumpList;
use outline::Outline;
use popups::FigureItem;
use ratatui::layout::Rect;
use search::Search;
use std::path::{Path, PathBuf};

/// Which screen is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Library,
    Reader,
}

/// Which pane of the reader receives the movement keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Transcript,
    Outline,
}

/// A popup over the reader.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Overlay {
    Help {
        scroll: usize,
    },
    /// Glossary entries (indices into the highlighter's entries) on the page.
    Terms {
        items: Vec<usize>,
        selected: usize,
    },
    Figures {
        items: Vec<FigureItem>,
        selected: usize,
    },
    /// Choose the speaker to filter on: speaker ids in order of first turn.
    Speakers {
        items: Vec<String>,
        selected: usize,
    },
    /// The bookmarks of this briefing, or of all briefings.
    Bookmarks {
        all: bool,
        items: Vec<marks::BookmarkRow>,
        selected: usize,
    },
}

/// What a prompt in the status line asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PromptKind {
    Search,
    GotoQuestion,
    /// The note of a new bookmark on this passage (of the full briefing).
    Note {
        anchor: Anchor,
    },
    /// A new text for the note of this bookmark.
    EditNote {
        id: String,
    },
}

/// A line being typed in the status line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prompt {
    pub kind: PromptKind,
    pub text: String,
}

/// Something the terminal loop must do on the app's behalf.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Put text on the clipboard through the terminal (OSC 52).
    Clipboard(String),
    /// Turn mouse capture on or off.
    Mouse(bool),
}

/// A one-line message in the status line, until the next key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub text: String,
    pub error: bool,
}

/// The open briefing and the reading state that belongs to it.
pub struct Doc {
    /// The briefing as loaded.
    pub full: Briefing,
    pub origin: Origin,
    pub highlighter: Highlighter,
    /// The speaker filter, when one is on: then the filtered view is what is read.
    pub filter: Option<Filter>,
    /// The line table for the current pane width.
    pub lines: Lines,
    /// First line shown.
    pub offset: usize,
    /// The current passage, in the shown briefing.
    pub current: Anchor,
    pub outline: Outline,
    pub search: Option<Search>,
    pub jumps: JumpList,
    /// Highlights of the paragraphs drawn lately (cleared when the shown briefing changes).
    pub highlights: HighlightCache,
    /// The number of each section of the full briefing among those of its kind (Q4 is 4).
    pub numbers: Vec<usize>,
    /// Which briefing this is and where it was read from, for bookmarks and reading positions;
    /// computed once per open, since hashing a 10 MB briefing takes a noticeable moment.
    pub briefing: BriefingRef,
    /// Bookmarked paragraphs of the full briefing, in order.
    pub marks: Vec<Anchor>,
    /// The same in the shown briefing (only those the filter shows).
    pub shown_marks: Vec<Anchor>,
    /// Where each bookmark of this briefing is in it, found once per version of its text.
    pub found: marks::Found,
}

impl std::fmt::Debug for Doc {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Doc")
            .field("title", &self.full.meta.title)
            .field("origin", &self.origin)
            .field("offset", &self.offset)
            .field("current", &self.current)
            .finish_non_exhaustive()
    }
}

impl Doc {
    /// Open a briefing: its highlighter from the file's glossary and the shared one.
    pub fn new(full: Briefing, origin: Origin, width: u16) -> Doc {
        let path = match &origin {
            Origin::File(p) => Some(p.as_path()),
            Origin::Sample(_) => None,
        };
        let shared = glossary::shared_for(path).unwrap_or_default();
        let highlighter = Highlighter::new(glossary::merged(&full.glossary, &shared));
        let numbers = crate::model::section_numbers(&full.sections);
        let lines = Lines::new(&full, &numbers, width);
        Doc {
            briefing: BriefingRef::new(&full, path),
            marks: Vec::new(),
            shown_marks: Vec::new(),
            found: marks::Found::default(),
            numbers,
            full,
            origin,
            highlighter,
            filter: None,
            lines,
            offset: 0,
            current: nav::turn_start(0, 0),
            outline: Outline::default(),
            search: None,
            jumps: JumpList::default(),
            highlights: HighlightCache::default(),
        }
    }

    /// The briefing being read: the filtered view when a filter is on.
    pub fn shown(&self) -> &Briefing {
        self.filter.as_ref().map_or(&self.full, |f| &f.shown)
    }

    /// The full briefing's section index of a shown section.
    pub fn full_section(&self, shown: usize) -> usize {
        self.filter
            .as_ref()
            .map_or(shown, |f| f.full_section(shown))
    }

    /// Lay out the shown briefing (again) for `width`, its headings numbered as in the full
    /// briefing: with a filter on, Q3 is still Q3 when Q1 and Q2 are hidden.
    pub(crate) fn lay_out(&mut self, width: u16) {
        let shown = self.filter.as_ref().map_or(&self.full, |f| &f.shown);
        let numbers: Vec<usize> = (0..shown.sections.len())
            .map(|s| self.numbers[self.full_section(s)])
            .collect();
        self.lines.rebuild(shown, &numbers, width);
    }

    /// The current passage in the full briefing.
    pub fn current_full(&self) -> Anchor {
        self.filter
            .as_ref()
            .map_or(self.current, |f| f.to_full(self.current))
    }

    /// The file the briefing came from, if any.
    pub fn path(&self) -> Option<&Path> {
        match &self.origin {
            Origin::File(p) => Some(p),
            Origin::Sample(_) => None,
        }
    }
}

/// The whole state of the reader.
#[derive(Debug)]
pub struct App {
    pub keymap: Keymap,
    /// The library list, once there is one.
    pub library: Option<Library>,
    pub doc: Option<Doc>,
    pub screen: Screen,
    pub focus: Focus,
    pub overlay: Option<Overlay>,
    pub prompt: Option<Prompt>,
    /// Digits typed before a key.
    pub count: Option<usize>,
    pub message: Option<Message>,
    pub mouse: bool,
    pub running: bool,
    /// What to say once the terminal is restored: a reading position that quitting could not save.
    pub last_words: Option<String>,
    /// Styles of the screen (colour, or the NO_COLOR fallback).
    pub theme: Theme,
    /// Bookmarks and reading positions; `None` when the state folder cannot be used.
    pub store: Option<Store>,
    /// Why there is no store.
    pub store_error: Option<String>,
    /// Bookmarks deleted in the list, newest last, for undo.
    pub deleted: Vec<Bookmark>,
    /// Size of the terminal.
    pub area: Rect,
    /// Work for the terminal loop, drained after each event.
    pub effects: Vec<Effect>,
    /// Where an incremental search started, to return to on Esc: (offset, current passage).
    search_origin: Option<(usize, Anchor, Option<Search>)>,
    /// The last query committed with Enter, found or not: what `n` and `N` look for once Esc
    /// has cleared the search's highlights, as in vim.
    last_query: Option<String>,
    /// The outline cursor was moved by hand, so it must not jump back to the reading position.
    outline_moved: bool,
}

/// Why a briefing could not be opened.
pub type OpenError = String;

impl App {
    /// An app with nothing open yet.
    pub fn new(keymap: Keymap, area: Rect, mouse: bool) -> App {
        App {
            keymap,
            library: None,
            doc: None,
            screen: Screen::Library,
            focus: Focus::Transcript,
            overlay: None,
            prompt: None,
            count: None,
            message: None,
            mouse,
            running: true,
            last_words: None,
            theme: Theme::from_env(),
            store: None,
            store_error: None,
            deleted: Vec::new(),
            area,
            effects: Vec::new(),
            search_origin: None,
            last_query: None,
            outline_moved: false,
        }
    }

    /// Use these styles (tests use a fixed theme, whatever NO_COLOR says).
    pub fn with_theme(mut self, theme: Theme) -> App {
        self.theme = theme;
        self
    }

    /// Keep bookmarks and reading positions in this store (or say why there is none).
    pub fn with_store(mut self, store: Result<Store, String>) -> App {
        match store {
            Ok(s) => self.store = Some(s),
            Err(e) => self.store_error = Some(e),
        }
        self
    }

    /// Show a library list.
    pub fn with_library(mut self, library: Library) -> App {
        self.library = Some(library);
        self.screen = Screen::Library;
        self
    }

    /// Open a briefing in the reader.
    pub fn open(&mut self, full: Briefing, origin: Origin) {
        // A failure is in the status line; the new briefing opens all the same.
        let _ = self.save_position();
        let width = self.text_width();
        self.doc = Some(Doc::new(full, origin, width));
        self.refresh_marks();
        self.restore_position();
        self.report_store_warnings();
        self.screen = Screen::Reader;
        self.focus = Focus::Transcript;
        self.overlay = None;
        self.prompt = None;
        self.search_origin = None;
        self.after_move();
    }

    /// Open what a library entry points at.
    pub fn open_origin(&mut self, origin: &Origin) -> Result<(), OpenError> {
        let b = load_origin(origin)?;
        self.open(b, origin.clone());
        Ok(())
    }

    /// Show a message in the status line.
    pub fn say(&mut self, text: impl Into<String>) {
        self.message = Some(Message {
            text: text.into(),
            error: false,
        });
    }

    /// Show an error in the status line.
    pub fn warn(&mut self, text: impl Into<String>) {
        self.message = Some(Message {
            text: text.into(),
            error: true,
        });
    }

    /// The panes of the reader for the current terminal size.
    pub fn panes(&self) -> screen::Panes {
        let outline = self
            .doc
            .as_ref()
            .and_then(|d| self.outline_width(&d.outline));
        screen::panes(self.area, outline)
    }

    /// The outline pane's width on this screen; `None` when it is hidden.
    fn outline_width(&self, o: &Outline) -> Option<u16> {
        o.visible.then(|| o.width_for(self.area.width))
    }

    /// Width of the transcript pane, which its layout is made for (the layout keeps its own
    /// gutter). Before a briefing is open, the outline is assumed at its default width.
    fn text_width(&self) -> u16 {
        let outline = match &self.doc {
            Some(d) => self.outline_width(&d.outline),
            None => self.outline_width(&Outline::default()),
        };
        screen::panes(self.area, outline).text_width()
    }

    /// Height of the transcript pane, in lines (at least 1, so paging always moves).
    pub fn page_height(&self) -> usize {
        usize::from(self.panes().transcript.height).max(1)
    }

    /// The terminal was resized: reflow, keeping the paragraph at the top of the page.
    pub fn resize(&mut self, width: u16, height: u16) {
        self.area = Rect::new(0, 0, width, height);
        self.relayout();
    }

    /// Rebuild the line table if the text width changed, keeping the top paragraph.
    pub(crate) fn relayout(&mut self) {
        let width = self.text_width();
        let Some(doc) = &mut self.doc else { return };
        if doc.lines.width() == width {
            return;
        }
        let keep = TopKeeper::remember(doc);
        doc.lay_out(width);
        keep.restore(doc);
        self.after_move();
    }

    /// The path to watch for changes: the open briefing's file.
    pub fn watched(&self) -> Option<&Path> {
        self.doc.as_ref()?.path()
    }

    /// A file changed on disk: reload the briefing if it is the open one.
    pub fn file_changed(&mut self, path: &Path) {
        let same = self.watched().is_some_and(|w| same_file(w, path));
        if same {
            self.reload();
        }
    }

    /// Read the briefing again, keeping the reading position; on error keep the old text.
    pub fn reload(&mut self) {
        let Some(doc) = &self.doc else { return };
        let origin = doc.origin.clone();
        match load_origin(&origin) {
            // The first error is enough for the status line; `brief check` lists them all.
            Err(e) => self.warn(format!("not reloaded: {}", status_error(&e, &origin))),
            Ok(full) => {
                let doc = self.doc.as_mut().expect("checked above");
                let mut keep = TopKeeper::remember(doc);
                // Anchors shift when text is added before them: find the paragraphs by their text.
                let current = doc.current_full();
                let old = [current, keep.anchor.unwrap_or(current)];
                let found = crate::store::passage::follow(&doc.full, &full, &old);
                let now = |i: usize| found[i].unwrap_or_else(|| clamp_anchor(&full, old[i]));
                let current = now(0);
                keep.anchor = keep.anchor.map(|_| now(1));
                let speaker = doc.filter.as_ref().map(|f| f.speaker.clone());
                let width = doc.lines.width();
                doc.numbers = crate::model::section_numbers(&full.sections);
                doc.briefing = BriefingRef::new(&full, doc.path());
                // Turns split or merged keep both hashes but move anchors: find passages anew.
                doc.found = marks::Found::default();
                doc.full = full;
                doc.filter = speaker.and_then(|s| Filter::new(&doc.full, &s));
                doc.lay_out(width);
                doc.highlights.clear();
                doc.current = clamp_anchor(
                    doc.shown(),
                    doc.filter.as_ref().map_or(current, |f| f.to_view(current)),
                );
                keep.restore(doc);
                if let Some(s) = &doc.search {
                    let q = s.query.clone();
                    doc.search = Some(Search::run(doc.shown(), &q, doc.current));
                }
                self.refresh_marks();
                self.say("reloaded");
                self.after_move();
            }
        }
    }
}

/// The paragraph at the top of the page and how far above it the page starts, so that a new
/// layout (another width, a reloaded file) can start the page at the same paragraph.
struct TopKeeper {
    anchor: Option<Anchor>,
    above: usize,
}

impl TopKeeper {
    fn remember(doc: &Doc) -> TopKeeper {
        let anchor = doc
            .lines
            .anchor_at(doc.offset)
            .map(|a| doc.filter.as_ref().map_or(a, |f| f.to_full(a)));
        let above = anchor.map_or(0, |_| {
            let a = doc.lines.anchor_at(doc.offset).expect("just found");
            doc.lines.line_of(a).saturating_sub(doc.offset)
        });
        TopKeeper { anchor, above }
    }

    fn restore(self, doc: &mut Doc) {
        let Some(full) = self.anchor else { return };
        let a = doc.filter.as_ref().map_or(full, |f| f.to_view(full));
        let a = clamp_anchor(doc.shown(), a);
        doc.offset = doc.lines.line_of(a).saturating_sub(self.above);
    }
}

/// The nearest existing paragraph to `a` (the briefing may have shrunk).
pub fn clamp_anchor(b: &Briefing, a: Anchor) -> Anchor {
    if b.paragraph(a).is_some() {
        return a;
    }
    b.paragraphs()
        .map(|(x, _)| x)
        .take_while(|x| *x <= a)
        .last()
        .or_else(|| b.paragraphs().map(|(x, _)| x).next())
        .unwrap_or(nav::turn_start(0, 0))
}

/// Read a briefing from its file or the built-in samples.
pub fn load_origin(origin: &Origin) -> Result<Briefing, OpenError> {
    match origin {
        Origin::File(p) => format::load(p).map_err(|e| e.to_string()),
        Origin::Sample(i) => {
            let s = crate::samples::SAMPLES.get(*i).ok_or("no such sample")?;
            format::parse(s.text, s.name).map_err(|e| e.to_string())
        }
    }
}

/// The first line of an error about `origin`, for the status line: with the file's name, not
/// its whole path, so that what is wrong fits (`F.brief:82:2: unknown speaker …`).
pub fn status_error(e: &str, origin: &Origin) -> String {
    let first = e.lines().next().unwrap_or_default();
    if let Origin::File(p) = origin
        && let Some(name) = p.file_name()
        && let Some(rest) = first.strip_prefix(p.display().to_string().as_str())
    {
        return format!("{}{rest}", name.to_string_lossy());
    }
    first.to_string()
}

/// Whether two paths name the same file (the watcher reports absolute paths).
fn same_file(a: &Path, b: &Path) -> bool {
    let canon = |p: &Path| std::fs::canonicalize(p).unwrap_or_else(|_| PathBuf::from(p));
    a == b || canon(a) == canon(b)
}

/// Where the page is in the transcript, for the status line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PagePosition {
    /// 1-based page number.
    pub page: usize,
    pub pages: usize,
    /// 0 at the start, 100 when the last page is shown.
    pub percent: usize,
}

impl App {
    /// The page being read, out of how many, and how far into the briefing.
    pub fn position(&self) -> Option<PagePosition> {
        let doc = self.doc.as_ref()?;
        let page = self.page_height();
        let max = self.max_offset();
        // A page forward moves by one line less than the page (one line of context).
        let step = page.saturating_sub(1).max(1);
        let pages = max.div_ceil(step) + 1;
        // Percent of the text above the top of the page, as `50%` counts it to go there.
        let len = doc.lines.len().max(1);
        let (n, percent) = if doc.offset >= max {
            (pages, 100)
        } else {
            (doc.offset / step + 1, doc.offset * 100 / len)
        };
        Some(PagePosition {
            page: n.min(pages),
            pages,
            percent,
        })
    }

    /// The section being read as the status line names it: "Q4 · The Paper → Tao Qing".
    pub fn section_label(&self) -> Option<String> {
        let doc = self.doc.as_ref()?;
        doc.shown().sections.get(doc.current.section)?;
        let fs = doc.full_section(doc.current.section);
        Some(doc.full.section_label_numbered(fs, doc.numbers[fs]))
    }
}
