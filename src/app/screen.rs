//! Where each region of the screen goes: the panes of the reader, the library's list, the
//! popups. The update logic pages and hit-tests with the same rectangles the view draws in, so
//! they are computed here, on the app's side, and the view only reads them.

use ratatui::layout::Rect;

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
        Some(w) if !tiny && w >= super::outline::MIN_WIDTH => {
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

/// The width of a popup that uses the screen's width, up to `max` columns.
pub fn wide(area: Rect, max: u16) -> u16 {
    area.width.saturating_sub(4).clamp(1, max)
}

/// A centred rectangle of at most `w` x `h` inside `area`.
pub fn centred(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height.saturating_sub(1)).max(1.min(area.height));
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height.saturating_sub(1) - h.min(area.height.saturating_sub(1))) / 2,
        w,
        h,
    )
}

/// Widest the help gets: its descriptions wrap, and longer lines are hard to read.
const HELP_WIDTH: u16 = 120;

/// Where the help is drawn over `area`: as wide as the screen allows, up to [`HELP_WIDTH`].
pub fn help_area(area: Rect) -> Rect {
    centred(area, wide(area, HELP_WIDTH), area.height.saturating_sub(2))
}

/// The furthest the help scrolls over `area`, when it has `len` lines: to its last page, the
/// last line at the bottom of the popup.
pub fn help_last_scroll(len: usize, area: Rect) -> usize {
    len.saturating_sub(usize::from(help_area(area).height.saturating_sub(2)))
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
}
