//! Moving through the transcript: scrolling, jumps (remembered in the jump list), the current
//! passage, search matches, the speaker filter, and the derived state kept in step after a move.

use super::{App, nav};
use crate::app::filter::Filter;
use crate::app::search::{Match, Search, StepFrom};
use crate::app::update::Target;
use crate::model::Anchor;

impl App {
    /// Scroll the transcript; the current passage follows the top of the page.
    pub(crate) fn scroll_by(&mut self, delta: isize) {
        let Some(doc) = &self.doc else { return };
        self.scroll_to(doc.offset.saturating_add_signed(delta));
    }

    /// Put the top of the page at `line`, as far as the page goes, with the current passage at
    /// the top of the page. Where the page stops short of `line` at the end, the passage still
    /// goes on to the paragraph at `line` (never back up the page): `G` ends on the last
    /// paragraph however short the briefing, and so does a page down on the last page.
    fn scroll_to(&mut self, line: usize) {
        let max = self.max_offset();
        let Some(doc) = &mut self.doc else { return };
        doc.offset = line.min(max);
        let at = doc.lines.anchor_at(line);
        let follow = if line > max {
            at.map(|a| a.max(doc.current))
        } else {
            at
        };
        if let Some(a) = follow {
            doc.current = a;
        }
    }

    /// The last offset that still fills the page.
    pub(crate) fn max_offset(&self) -> usize {
        let page = self.page_height();
        self.doc
            .as_ref()
            .map_or(0, |d| d.lines.len().saturating_sub(page))
    }

    /// A jump to a line (`g`, `G`, `50%`), remembered in the jump list.
    pub(super) fn jump_to_line(&mut self, line: usize) {
        let Some(doc) = &mut self.doc else { return };
        doc.jumps.record(doc.current);
        self.scroll_to(line);
    }

    /// Go to question `n` as the briefing numbers it (the number its heading shows, whatever the
    /// filter). A question the speaker filter hides is not shown: turning the filter off behind
    /// the user's back would lose the view they chose, so the reader stays and says how to see it.
    pub(super) fn goto_question(&mut self, n: usize) {
        let Some(doc) = &self.doc else { return };
        let Some(full) = nav::question(&doc.full, n) else {
            return self.say("this briefing has no questions");
        };
        let number = doc.numbers[full];
        // Past the last question, go to the last one and say so.
        let missing = (number < n).then(|| format!("no question {n}; the last is Q{number}"));
        let shown = match &doc.filter {
            None => Some(full),
            Some(f) => f.view_section(full),
        };
        let Some(s) = shown else {
            let f = doc.filter.as_ref().expect("only a filter hides a question");
            let name = doc.full.display_name(&f.speaker);
            let why =
                format!("Q{number} is hidden: {name} does not speak in it (S shows everyone)");
            return self.warn(missing.map_or(why.clone(), |m| format!("{m}; {why}")));
        };
        self.jump_to(nav::turn_start(s, 0), Target::Section);
        if let Some(m) = missing {
            self.say(m);
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
            Target::Section => doc.lines.section_line(a.section),
            Target::Turn => doc.lines.turn_line(a.section, a.turn),
            Target::Paragraph => doc.lines.block_of(a),
        };
        doc.offset = line.min(max);
        doc.current = a;
    }

    /// Move the current passage by paragraphs, scrolling only when it leaves the page.
    pub(super) fn move_current(&mut self, forward: bool, n: usize) {
        let page = self.page_height();
        let max = self.max_offset();
        let Some(doc) = &mut self.doc else { return };
        doc.current = nav::step_paragraph(doc.shown(), doc.current, forward, n);
        let line = doc.lines.line_of(doc.current);
        if line < doc.offset || line >= doc.offset + page {
            // Show the passage with the headings above it, as a jump does.
            doc.offset = doc.lines.block_of(doc.current).min(max);
        }
    }

    /// `n` / `N`: the next match after the current one when it is on the page, else the first
    /// match below the top of the page (the last one above it for `N`), as less and vim do.
    pub(super) fn search_step(&mut self, forward: bool, n: usize) {
        let page = self.page_height();
        let Some(doc) = &mut self.doc else { return };
        if doc.search.is_none()
            && let Some(q) = &self.last_query
        {
            // Esc cleared the highlights, not the query: find it again from the page.
            let mut s = Search::run(doc.shown(), q, doc.current);
            s.current = None;
            doc.search = Some(s);
        }
        let Some(search) = &mut doc.search else {
            return self.say("no search yet: press / to search");
        };
        let view = &doc.lines;
        let line = |m: &Match| view.line_of_byte(m.anchor, m.range.start);
        let on_page = |l: usize| (doc.offset..doc.offset + page).contains(&l);
        let from = match search.current {
            Some(c) if on_page(line(&search.matches[c])) => StepFrom::Match(c),
            _ => search.before(|m| line(m) < doc.offset),
        };
        match search.step(forward, n, from) {
            Some((m, wrapped)) => {
                let m = m.clone();
                self.show_match(&m);
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

    /// Bring a match into view, its own line rather than its paragraph's start: leave the page
    /// alone when the line is already on it.
    pub(crate) fn show_match(&mut self, m: &Match) {
        let page = self.page_height();
        let max = self.max_offset();
        let Some(doc) = &mut self.doc else { return };
        let line = doc.lines.line_of_byte(m.anchor, m.range.start);
        doc.current = m.anchor;
        if line < doc.offset || line >= doc.offset + page {
            doc.offset = line.saturating_sub(page / 3).min(max);
        }
    }

    /// Turn the speaker filter on (for a speaker id) or off, keeping the reading position.
    pub(crate) fn set_filter(&mut self, speaker: Option<String>) {
        let Some(doc) = &mut self.doc else { return };
        let here = doc.current_full();
        doc.filter = speaker.and_then(|s| Filter::new(&doc.full, &s));
        let width = doc.lines.width();
        doc.lay_out(width);
        doc.highlights.clear();
        doc.search = None;
        doc.jumps = Default::default();
        doc.outline.expanded.clear();
        let a = doc.filter.as_ref().map_or(here, |f| f.to_view(here));
        let label = doc
            .filter
            .as_ref()
            .map(|f| doc.full.display_name(&f.speaker).to_string());
        self.show(a, Target::Paragraph);
        self.refresh_marks();
        match label {
            Some(name) => self.say(format!("showing only {name} and the questions put to them")),
            None => self.say("showing every speaker"),
        }
    }

    /// Keep derived state in step after any change: offsets in range, the outline on the
    /// section being read (unless the user moved its cursor), the outline scroll.
    pub(crate) fn after_move(&mut self) {
        let max = self.max_offset();
        let outline_rows = usize::from(self.panes().outline.map_or(0, |r| r.height));
        let moved = std::mem::take(&mut self.outline_moved);
        let list_rows = usize::from(super::screen::library_list_area(self.area).height);
        if let Some(lib) = &mut self.library {
            lib.keep_in_view(list_rows);
        }
        let Some(doc) = &mut self.doc else { return };
        doc.offset = doc.offset.min(max);
        if !moved {
            let (s, t) = (doc.current.section, doc.current.turn);
            let b = doc.filter.as_ref().map_or(&doc.full, |f| &f.shown);
            doc.outline.follow(b, s, t);
        }
        doc.outline.keep_in_view(outline_rows);
    }
}
