//! Popups over the reader: help, terms on the page, figures of the section, speaker choice.

use super::fit;
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

/// Draw a popup.
pub fn render(app: &App, overlay: &Overlay, area: Rect, buf: &mut Buffer) {
    let Some(doc) = &app.doc else {
        if let Overlay::Help { scroll } = overlay {
            help(app, *scroll, area, buf);
        }
        return;
    };
    let sel = app.theme.selected;
    let (term, figure) = (app.theme.term, app.theme.figure);
    let mut width = POPUP_WIDTH;
    let (title, lines, selected_line): (&str, Vec<Line>, usize) = match overlay {
        Overlay::Help { scroll } => return help(app, *scroll, area, buf),
        Overlay::Terms { items, selected } => {
            let entries = doc.highlighter.entries();
            let mut lines = Vec::new();
            let mut at = 0;
            for (i, &t) in items.iter().enumerate() {
                let Some(e) = entries.get(t) else { continue };
                if i == *selected {
                    at = lines.len();
                }
                let style = if i == *selected {
                    term.patch(sel)
                } else {
                    term
                };
                lines.push(Line::from(Span::styled(e.term.clone(), style)));
                lines.push(Line::from(format!("  {}", e.definition)));
            }
            ("Terms on this page", lines, at)
        }
        Overlay::Figures { items, selected } => {
            let mut lines = Vec::new();
            let mut at = 0;
            for (i, f) in items.iter().enumerate() {
                if i == *selected {
                    at = lines.len();
                }
                let base = if i == *selected { sel } else { Style::new() };
                // The sentence with its figure in the figure style, so that a sentence with
                // several figures shows which one this entry is.
                let mut spans = vec![
                    Span::styled(f.figure.clone(), figure.patch(base)),
                    Span::styled(" · ", base),
                ];
                match f.sentence.find(&f.figure) {
                    Some(k) => {
                        spans.push(Span::styled(f.sentence[..k].to_string(), base));
                        spans.push(Span::styled(f.figure.clone(), figure.patch(base)));
                        spans.push(Span::styled(
                            f.sentence[k + f.figure.len()..].to_string(),
                            base,
                        ));
                    }
                    None => spans.push(Span::styled(f.sentence.clone(), base)),
                }
                lines.push(Line::from(spans));
            }
            ("Figures of this section · Enter jumps", lines, at)
        }
        Overlay::Speakers { items, selected } => {
            let lines = items
                .iter()
                .enumerate()
                .map(|(i, id)| {
                    let s = doc.full.speaker(id);
                    let name = doc.full.display_name(id);
                    let role = s.and_then(|s| s.role.as_deref()).unwrap_or("");
                    let text = if role.is_empty() {
                        name.to_string()
                    } else {
                        format!("{name} — {role}")
                    };
                    Line::from(Span::styled(
                        text,
                        if i == *selected { sel } else { Style::new() },
                    ))
                })
                .collect();
            ("Show only · Enter chooses", lines, *selected)
        }
        Overlay::Bookmarks {
            all,
            items,
            selected,
        } => {
            width = wide(area, BOOKMARKS_WIDTH);
            // The passage's start, on one line inside the border.
            let room = usize::from(width.saturating_sub(2));
            let title = if *all {
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
                if i == *selected {
                    at = lines.len();
                }
                let style = if i == *selected { sel } else { Style::new() };
                let head = if *all {
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
                let passage = format!("{lead}{start}”");
                lines.push(Line::from(Span::styled(passage, style)));
                if let Some(n) = &row.note {
                    lines.push(Line::from(Span::styled(
                        format!("  Note: {n}"),
                        style.patch(app.theme.dim),
                    )));
                }
            }
            (title, lines, at)
        }
    };
    boxed(title, lines, selected_line, width, area, buf);
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
fn boxed(
    title: &str,
    lines: Vec<Line>,
    selected_line: usize,
    width: u16,
    area: Rect,
    buf: &mut Buffer,
) {
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
