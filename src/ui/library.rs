//! The library list: one row per briefing with its date, number of questions, place and title.

use super::{fit, pad};
use crate::app::App;
use crate::app::screen::library_list_area;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

/// Draw the library screen (everything above the status line).
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let bold = Style::new().add_modifier(Modifier::BOLD);
    let Some(lib) = &app.library else { return };
    let width = usize::from(area.width);
    let head = format!("{:<10}  {:>3}  {:<12}  {}", "Date", "Qs", "Place", "Title");
    Line::from(Span::styled(fit(&format!(" {head}"), width), bold)).render(
        Rect::new(area.x, area.y, area.width, 1.min(area.height)),
        buf,
    );
    let list = library_list_area(area);
    if lib.entries.is_empty() {
        Line::from(" No briefings (*.brief) here.").render(list, buf);
        return;
    }
    let height = usize::from(list.height);
    let scroll = lib.scroll;
    for (i, e) in lib.entries.iter().enumerate().skip(scroll).take(height) {
        let y = list.y + (i - scroll) as u16;
        let text = match &e.error {
            None => format!(
                " {}  {:>3}  {}  {}",
                pad(e.date.as_deref().unwrap_or("—"), 10),
                e.questions,
                pad(e.place.as_deref().unwrap_or(""), 12),
                e.title
            ),
            Some(err) => format!(" {:<10}  {:>3}  {:<12}  {}: {err}", "—", "—", "", e.name),
        };
        let mut style = Style::new();
        if e.error.is_some() {
            style = style.add_modifier(Modifier::DIM);
        }
        if i == lib.selected {
            style = style.add_modifier(Modifier::REVERSED);
        }
        Line::from(Span::styled(fit(&text, width), style))
            .render(Rect::new(list.x, y, list.width, 1), buf);
    }
}
