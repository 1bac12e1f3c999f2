//! Popups over the reader: help, terms on the page, figures of the section, speaker choice.

use super::fit;
use crate::app::marks::BookmarkRow;
use crate::app::popups::FigureItem;
use crate::app::screen::{centred, help_area, help_last_scroll, wide};
use crate::app::{App, Overlay, help};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Widget, Wrap};

/// Widest a list popup gets.
const POPUP_WIDTH: u16 = 76;

/// Widest the bookmarks list gets: it quotes passages, which a wide screen shows more of.
const BOOKMARKS_WIDTH: u16 = 140;

/// A list popup's content: its title, lines, the line of the selected entry and its width.
struct List<'a> {
    title: &'a str,
    lines: Vec<Line<'a>>,
    selected_line: usize,
    width: u16,
}

impl<'a> List<'a> {
    fn new(title: &'a str, lines: Vec<Line<'a>>, selected_line: usize) -> Self {
        List {
            title,
            lines,
            selected_line,
            width: POPUP_WIDTH,
        }
    }
}

/// Draw a popup.
pub fn render(app: &App, overlay: &Overlay, area: Rect, buf: &mut Buffer) {
    let list = match overlay {
        Overlay::Help { scroll } => return help(app, *scroll, area, buf),
        _ if app.doc.is_none() => return,
        Overlay::Terms { items, selected } => terms(app, items, *selected),
        Overlay::Figures { items, selected } => figures(app, items, *selected),
        Overlay::Speakers { items, selected } => speakers(app, items, *selected),
        Overlay::Bookmarks {
            all,
            items,
            selected,
        } => bookmarks(app, *all, items, *selected, area),
    };
    boxed(list, area, buf);
}

/// Each term with its definition under it.
fn terms<'a>(app: &'a App, items: &[usize], selected: usize) -> List<'a> {
    let entries = app
        .doc
        .as_ref()
        .map_or(&[][..], |d| d.highlighter.entries());
    let (sel, term) = (app.theme.selected, app.theme.term);
    let mut lines = Vec::new();
    let mut at = 0;
    for (i, &t) in items.iter().enumerate() {
        let Some(e) = entries.get(t) else { continue };
        if i == selected {
            at = lines.len();
        }
        let style = if i == selected { term.patch(sel) } else { term };
        lines.push(Line::from(Span::styled(e.term.clone(), style)));
        lines.push(Line::from(format!("  {}", e.definition)));
    }
    List::new("Terms on this page", lines, at)
}

/// Each figure, then its sentence with the figure in the figure style, so that a sentence with
/// several figures shows which one this entry is.
fn figures<'a>(app: &'a App, items: &'a [FigureItem], selected: usize) -> List<'a> {
    let (sel, figure) = (app.theme.selected, app.theme.figure);
    let lines = items
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let base = if i == selected { sel } else { Style::new() };
            let mut spans = vec![
                Span::styled(f.figure.clone(), figure.patch(base)),
                Span::styled(" · ", base),
            ];
            match f.sentence.find(&f.figure) {
                Some(k) => {
                    spans.push(Span::styled(&f.sentence[..k], base));
                    spans.push(Span::styled(f.figure.clone(), figure.patch(base)));
                    spans.push(Span::styled(&f.sentence[k + f.figure.len()..], base));
                }
                None => spans.push(Span::styled(f.sentence.clone(), base)),
            }
            Line::from(spans)
        })
        .collect();
    List::new("Figures of this section · Enter jumps", lines, selected)
}

/// Each speaker with their role.
fn speakers<'a>(app: &'a App, items: &[String], selected: usize) -> List<'a> {
    let Some(doc) = &app.doc else {
        return List::new("", Vec::new(), 0);
    };
    let lines = items
        .iter()
        .enumerate()
        .map(|(i, id)| {
            let name = doc.full.display_name(id);
            let role = doc.full.speaker(id).and_then(|s| s.role.as_deref());
            let text = match role.filter(|r| !r.is_empty()) {
                Some(role) => format!("{name} — {role}"),
                None => name.to_string(),
            };
            let style = if i == selected {
                app.theme.selected
            } else {
                Style::new()
            };
            Line::from(Span::styled(text, style))
        })
        .collect();
    List::new("Show only · Enter chooses", lines, selected)
}

/// Each bookmark: where it is, the start of its passage on one line, its note.
fn bookmarks<'a>(
    app: &'a App,
    all: bool,
    items: &'a [BookmarkRow],
    selected: usize,
    area: Rect,
) -> List<'a> {
    let width = wide(area, BOOKMARKS_WIDTH);
    let room = usize::from(width.saturating_sub(2));
    let title = if all {
        "Bookmarks of all briefings"
    } else {
        "Bookmarks of this briefing"
    };
    let mut lines = vec![Line::from(Span::styled(
        "Enter jumps · d deletes · u undoes · e edits the note · a this/all",
        app.theme.dim,
    ))];
    let mut at = 0;
    if items.is_empty() {
        lines.push(Line::from(
            "No bookmarks yet: m bookmarks the current passage.",
        ));
    }
    for (i, row) in items.iter().enumerate() {
        if i == selected {
            at = lines.len();
        }
        let style = if i == selected {
            app.theme.selected
        } else {
            Style::new()
        };
        let head = if all {
            format!("{} · {} · {}", row.title, row.section, row.date)
        } else {
            format!("{} · {}", row.section, row.date)
        };
        lines.push(Line::from(Span::styled(
            head,
            style.patch(app.theme.speaker),
        )));
        let lead = if row.here && row.anchor.is_none() {
            "  (passage not found) “"
        } else {
            "  “"
        };
        let start = fit(&row.start, room.saturating_sub(lead.chars().count() + 1));
        lines.push(Line::from(Span::styled(format!("{lead}{start}”"), style)));
        if let Some(n) = &row.note {
            lines.push(Line::from(Span::styled(
                format!("  Note: {n}"),
                style.patch(app.theme.dim),
            )));
        }
    }
    List {
        width,
        ..List::new(title, lines, at)
    }
}

fn help(app: &App, scroll: usize, area: Rect, buf: &mut Buffer) {
    let lines = help::lines_over(app, area);
    let scroll = scroll.min(help_last_scroll(lines.len(), area));
    let r = help_area(area);
    Clear.render(r, buf);
    Paragraph::new(lines)
        .block(Block::bordered().title(" Help · j/k scroll · Esc closes "))
        .scroll((scroll.min(usize::from(u16::MAX)) as u16, 0))
        .render(r, buf);
}

/// Rows a line takes when wrapped to `width` columns (word wrapping may take a row more; the
/// popups leave room for it).
fn rows_of(line: &Line, width: usize) -> usize {
    line.width().div_ceil(width.max(1)).max(1)
}

/// A bordered list at most `width` columns wide, scrolled so the selected line is in view.
/// Popups are short, so the ratatui wrapping paragraph is fine here (the transcript has its own
/// line table).
fn boxed(list: List, area: Rect, buf: &mut Buffer) {
    let List {
        title,
        lines,
        selected_line,
        width,
    } = list;
    let width = area.width.min(width);
    let inner_w = usize::from(width.saturating_sub(2));
    let rows: Vec<usize> = lines.iter().map(|l| rows_of(l, inner_w)).collect();
    let want = rows.iter().sum::<usize>() + 2 + lines.len() / 8;
    let want = want.min(usize::from(u16::MAX)) as u16;
    let r = centred(area, width, want.min(area.height.saturating_sub(2).max(3)));
    let inner = usize::from(r.height.saturating_sub(2).max(1));
    let before: usize = rows.iter().take(selected_line).sum();
    let scroll = before.saturating_sub(inner.saturating_sub(3));
    Clear.render(r, buf);
    Paragraph::new(lines)
        .block(Block::bordered().title(format!(
            " {} ",
            fit(title, usize::from(r.width.saturating_sub(4)))
        )))
        .wrap(Wrap { trim: false })
        .scroll((scroll.min(usize::from(u16::MAX)) as u16, 0))
        .render(r, buf);
}
