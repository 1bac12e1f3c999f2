//! The view: draws the app's state, never changes it. One file per region; this one splits the
//! screen into panes (the same split the update logic uses for paging and mouse hits).

mod library;
mod outline;
mod popups;
mod status;
pub mod transcript;

use crate::app::screen::{MIN_HEIGHT, MIN_WIDTH};
use crate::app::{App, Screen};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::{Clear, Paragraph, Widget, Wrap};

/// Draw the whole screen.
pub fn draw(frame: &mut Frame, app: &App) {
    let area = frame.area();
    let buf = frame.buffer_mut();
    let panes = app.panes();
    if panes.tiny {
        tiny_notice(area, buf);
        return;
    }
    match (app.screen, &app.doc) {
        (Screen::Reader, Some(doc)) => {
            if let Some(r) = panes.outline {
                outline::render(app, doc, r, buf);
            }
            if let Some(r) = panes.separator {
                for y in r.top()..r.bottom() {
                    buf[(r.x, y)]
                        .set_symbol("│")
                        .set_style(Style::new().add_modifier(Modifier::DIM));
                }
            }
            transcript(app, doc, panes.transcript, buf);
        }
        _ => library::render(app, area, buf),
    }
    status::render(app, panes.status, buf);
    if let Some(o) = &app.overlay {
        popups::render(app, o, area, buf);
    }
}

/// Shown instead of the reader when the terminal is too small to read in.
fn tiny_notice(area: Rect, buf: &mut ratatui::buffer::Buffer) {
    Clear.render(area, buf);
    let text = format!("Too small ({MIN_WIDTH}x{MIN_HEIGHT}); q quits");
    Paragraph::new(Line::from(text))
        .wrap(Wrap { trim: true })
        .render(area, buf);
}

/// `text` cut to `width` columns (by grapheme, counting wide characters as two), with "…" when
/// cut, and with control characters replaced so briefing text cannot drive the terminal.
pub(crate) fn fit(text: &str, width: usize) -> String {
    use unicode_segmentation::UnicodeSegmentation;
    use unicode_width::UnicodeWidthStr;
    let clean = crate::safe_text::replaced(text).into_owned();
    if clean.width() <= width {
        return clean;
    }
    let mut out = String::new();
    let mut used = 0;
    for g in clean.graphemes(true) {
        let w = g.width();
        if used + w + 1 > width {
            break;
        }
        out.push_str(g);
        used += w;
    }
    if width > 0 {
        out.push('…');
    }
    out
}

/// Draw the visible lines of the transcript with the shared widget.
fn transcript(app: &App, doc: &crate::app::Doc, area: Rect, buf: &mut ratatui::buffer::Buffer) {
    let (matches, current): (&[crate::app::search::Match], _) = match &doc.search {
        Some(s) => (&s.matches, s.current),
        None => (&[], None),
    };
    transcript::Transcript::new(
        doc.shown(),
        doc.lines.layout(),
        doc.offset,
        &app.theme,
        &doc.highlighter,
        &doc.highlights,
    )
    .current(Some(doc.current))
    .bookmarks(&doc.shown_marks)
    .matches(matches, current)
    .render(area, buf);
}

/// `text` fitted to `width` columns and padded with spaces to exactly `width` columns (format's
/// padding counts characters, which misaligns wide CJK text).
pub(crate) fn pad(text: &str, width: usize) -> String {
    let mut s = fit(text, width);
    let w = unicode_width::UnicodeWidthStr::width(s.as_str());
    s.extend(std::iter::repeat_n(' ', width.saturating_sub(w)));
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fit_cuts_by_display_width_and_neutralises_control_characters() {
        assert_eq!(fit("abcdef", 4), "abc…");
        assert_eq!(fit("城市公共交通", 5), "城市…");
        assert_eq!(fit("a\u{1b}[31mb", 20), "a\u{FFFD}[31mb");
        assert_eq!(pad("城市", 6), "城市  ");
        assert_eq!(fit("abc", 0), "");
    }
}
