//! The view: draws the app's state, never changes it. One file per region; this one splits the
//! screen into panes (the same split the update logic uses for paging and mouse hits).

mod help;
mod library;
mod outline;
mod popups;
mod status;
pub mod theme;
pub mod transcript;

use crate::app::{App, Screen};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::{Clear, Paragraph, Widget, Wrap};

/// The transcript keeps at least this many columns; the outline narrows (down to its minimum)
/// or hides to leave them.
const MIN_TEXT: u16 = 30;
/// Smallest terminal the reader draws in; below it a short notice is shown.
pub const MIN_WIDTH: u16 = 20;
pub const MIN_HEIGHT: u16 = 5;

/// Where each region of the reader goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Panes {
    /// The outline, when shown and when there is room for it.
    pub outline: Option<Rect>,
    /// The column between outline and transcript.
    pub separator: Option<Rect>,
    pub transcript: Rect,
    pub status: Rect,
    /// The terminal is smaller than [`MIN_WIDTH`] x [`MIN_HEIGHT`].
    pub tiny: bool,
}

impl Panes {
    /// Width of the transcript pane, for its layout (which keeps its own gutter).
    pub fn text_width(&self) -> u16 {
        self.transcript.width.max(1)
    }
}

/// Split the terminal: outline (if `outline_width` is given and fits), transcript, status line.
pub fn panes(area: Rect, outline_width: Option<u16>) -> Panes {
    let tiny = area.width < MIN_WIDTH || area.height < MIN_HEIGHT;
    let body_h = area.height.saturating_sub(1);
    let status = Rect::new(area.x, area.y + body_h, area.width, area.height.min(1));
    let body = Rect::new(area.x, area.y, area.width, body_h);
    // A wide outline gives way to the text on a narrow terminal rather than vanishing.
    let fitted = outline_width.map(|w| w.min(body.width.saturating_sub(1 + MIN_TEXT)));
    match fitted {
        Some(w) if !tiny && w >= crate::app::outline::MIN_WIDTH => {
            let outline = Rect::new(body.x, body.y, w, body.height);
            let separator = Rect::new(body.x + w, body.y, 1, body.height);
            let transcript = Rect::new(body.x + w + 1, body.y, body.width - w - 1, body.height);
            Panes {
                outline: Some(outline),
                separator: Some(separator),
                transcript,
                status,
                tiny,
            }
        }
        _ => Panes {
            outline: None,
            separator: None,
            transcript: body,
            status,
            tiny,
        },
    }
}

/// The furthest the help scrolls on this screen: its last page.
pub fn help_last_scroll(app: &App) -> usize {
    popups::help_last_scroll(popups::help_lines(app, app.area).len(), app.area)
}

/// Where the library list's rows are drawn (below its header line).
pub fn library_list_area(area: Rect) -> Rect {
    let body = Rect::new(area.x, area.y, area.width, area.height.saturating_sub(1));
    Rect::new(
        body.x,
        body.y + 2.min(body.height),
        body.width,
        body.height.saturating_sub(2),
    )
}

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
        doc.view.layout(),
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
    fn the_outline_narrows_then_hides_as_the_terminal_shrinks() {
        let p = panes(Rect::new(0, 0, 100, 30), Some(34));
        assert_eq!(p.outline.unwrap().width, 34);
        assert_eq!(p.transcript.width, 65);
        assert_eq!(p.status.y, 29);
        let p = panes(Rect::new(0, 0, 60, 30), Some(34));
        assert_eq!(p.outline.unwrap().width, 29);
        assert_eq!(p.transcript.width, 30);
        assert!(panes(Rect::new(0, 0, 40, 30), Some(34)).outline.is_none());
        assert!(panes(Rect::new(0, 0, 100, 30), None).outline.is_none());
        let tiny = panes(Rect::new(0, 0, 1, 1), Some(34));
        assert!(tiny.tiny && tiny.outline.is_none());
        assert_eq!(tiny.transcript.height, 0);
    }

    #[test]
    fn fit_cuts_by_display_width_and_neutralises_control_characters() {
        assert_eq!(fit("abcdef", 4), "abc…");
        assert_eq!(fit("城市公共交通", 5), "城市…");
        assert_eq!(fit("a\u{1b}[31mb", 20), "a\u{FFFD}[31mb");
        assert_eq!(pad("城市", 6), "城市  ");
        assert_eq!(fit("abc", 0), "");
    }
}
