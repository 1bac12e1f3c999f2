//! The status line: title, section, page and percent; or a message; or a prompt being typed.

use super::fit;
use crate::app::{App, PromptKind, Screen};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use unicode_width::UnicodeWidthStr;

/// Draw the status line in `area` (one row).
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let width = usize::from(area.width);
    let base = Style::new().add_modifier(Modifier::REVERSED);
    buf.set_style(area, base);
    if let Some(p) = &app.prompt {
        let label = match p.kind {
            PromptKind::Search => "/",
            PromptKind::GotoQuestion => "Go to question: ",
            PromptKind::Note { .. } => "Note (Enter saves, Esc saves without one): ",
            PromptKind::EditNote { .. } => "Note: ",
        };
        let text = format!("{label}{}", p.text);
        // Keep the end of a long query in view, where the user is typing.
        let shown: String = if text.width() + 1 > width {
            let skip = text.chars().count().saturating_sub(width.saturating_sub(1));
            text.chars().skip(skip).collect()
        } else {
            text
        };
        let line = Line::from(vec![
            Span::styled(fit(&shown, width), Style::new()),
            Span::styled(" ", base),
        ]);
        buf.set_style(area, Style::new());
        line.render(area, buf);
        return;
    }
    // The right part's facts follow the left part's, separated as they are among themselves.
    let right = match right_part(app) {
        r if r.is_empty() => r,
        r => format!("· {r}"),
    };
    let right_w = right.width().min(width);
    // The left part after a leading space, and at least one space before the right part.
    let avail = width.saturating_sub(right_w + 2);
    let left = match &app.message {
        Some(m) => fit(&m.text, avail),
        None => left_part(app, avail),
    };
    let style = match &app.message {
        Some(m) if m.error && app.theme.color => base
            .add_modifier(Modifier::BOLD)
            .fg(ratatui::style::Color::LightRed),
        Some(m) if m.error => base.add_modifier(Modifier::BOLD),
        _ => base,
    };
    Line::from(Span::styled(format!(" {left}"), style)).render(area, buf);
    if right_w > 0 && right_w < width {
        let x = area.x + (width - right_w) as u16;
        Line::from(Span::styled(right, base)).render(Rect::new(x, area.y, right_w as u16, 1), buf);
    }
}

/// "title · Q4 · The Paper → Tao Qing" in `avail` columns (the title gives way first), or
/// the library's name.
fn left_part(app: &App, avail: usize) -> String {
    match (app.screen, &app.doc) {
        (Screen::Reader, Some(doc)) => {
            let title = &doc.full.meta.title;
            let Some(section) = app.section_label() else {
                return fit(title, avail);
            };
            let need = title.width() + 3 + section.width();
            if need <= avail {
                format!("{title} · {section}")
            } else if section.width() + 8 <= avail {
                let title = fit(title, avail - section.width() - 3);
                format!("{title} · {section}")
            } else {
                fit(&section, avail)
            }
        }
        _ => {
            let n = app.library.as_ref().map_or(0, |l| l.entries.len());
            let from = match app.library.as_ref().and_then(|l| l.dir.as_ref()) {
                Some(d) => d.display().to_string(),
                None => "built-in samples".to_string(),
            };
            fit(
                &format!("{n} briefings in {from} · Enter opens · ? help · q quits"),
                avail,
            )
        }
    }
}

/// Search position, filter, pending count, focus: short facts shown at the right.
fn right_part(app: &App) -> String {
    let mut parts: Vec<String> = Vec::new();
    if let Some(c) = app.count {
        parts.push(c.to_string());
    }
    if let Some(doc) = &app.doc
        && app.screen == Screen::Reader
    {
        if let Some(f) = &doc.filter {
            let name = doc.full.display_name(&f.speaker);
            parts.push(format!("only {name}"));
        }
        if let Some(s) = &doc.search {
            parts.push(format!("/{}: {}", s.query, s.status()));
        }
        if app.focus == crate::app::Focus::Outline {
            parts.push("outline".into());
        }
        if let Some(p) = app.position() {
            parts.push(format!("page {}/{}", p.page, p.pages));
            parts.push(format!("{}%", p.percent));
        }
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!("{} ", parts.join(" · "))
    }
}
