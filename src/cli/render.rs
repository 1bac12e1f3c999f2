//! `brief render`: the transcript as the reader lays it out, on stdout, highlights as ANSI colours.
//!
//! The transcript widget draws into an off-screen buffer a band of lines at a time, so `render`
//! shows exactly what the reader shows, and memory stays flat for long briefings.

use super::show::{ColorChoice, RenderArgs};
use super::{CliResult, emit_raw};
use crate::highlight::HighlightCache;
use crate::layout::Layout;
use crate::theme::Theme;
use crate::ui::transcript::Transcript;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::widgets::Widget;
use std::io::IsTerminal;
use unicode_width::UnicodeWidthStr;

/// Lines drawn per band.
const BAND: usize = 256;

pub fn render(args: RenderArgs) -> CliResult {
    let (_, b) = super::load(&args.file)?;
    let hl = super::show::highlighter_for(&b, &args.file)?;
    let tty = std::io::stdout().is_terminal();
    let width = args
        .width
        .or_else(|| {
            tty.then(|| ratatui::crossterm::terminal::size().ok().map(|s| s.0))
                .flatten()
        })
        .unwrap_or(80)
        .max(1);
    let color = match args.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => tty && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
    };
    let theme = if color {
        Theme::colored()
    } else {
        Theme::no_color()
    };
    let layout = Layout::new(&b, width);
    let cache = HighlightCache::default();
    let mut out = String::new();
    let mut top = 0;
    while top < layout.len() {
        let height = BAND.min(layout.len() - top);
        let area = Rect::new(0, 0, width, height as u16);
        let mut buf = Buffer::empty(area);
        Transcript::new(&b, &layout, top, &theme, &hl, &cache).render(area, &mut buf);
        for y in 0..area.height {
            row(&buf, y, color, &mut out);
        }
        top += height;
        if out.len() > 1 << 16 {
            emit_raw(&std::mem::take(&mut out))?;
        }
    }
    emit_raw(&out)
}

/// One buffer row as text: SGR sequences where the style changes (when `color`), trailing
/// blanks trimmed, and a reset at the end when the row ends styled.
fn row(buf: &Buffer, y: u16, color: bool, out: &mut String) {
    let mut line = String::new();
    let mut style = Style::default();
    let mut x = 0;
    let mut keep = 0; // length of `line` up to its last non-blank cell
    let mut kept_style = Style::default(); // the style in force there
    while x < buf.area.width {
        let cell = &buf[(x, y)];
        let sym = cell.symbol();
        let cs = if color {
            visible(cell.style())
        } else {
            Style::default()
        };
        if cs != style {
            line.push_str(&sgr(cs));
            style = cs;
        }
        line.push_str(sym);
        if !sym.trim().is_empty() || cs != Style::default() {
            keep = line.len();
            kept_style = style;
        }
        x += (sym.width() as u16).max(1);
    }
    // The trimmed blanks may have held the reset after the last styled span: reset here, so
    // that no line (nor the output) leaves the terminal coloured.
    line.truncate(keep);
    if kept_style != Style::default() {
        line.push_str("\x1b[0m");
    }
    out.push_str(line.trim_end_matches(' '));
    out.push('\n');
}

/// The part of a style that shows: `Reset` colours are the terminal's defaults.
fn visible(s: Style) -> Style {
    let set = |c: Option<Color>| c.filter(|&c| c != Color::Reset);
    Style {
        fg: set(s.fg),
        bg: set(s.bg),
        add_modifier: s.add_modifier,
        ..Style::default()
    }
}

/// The SGR sequence that sets `s` from a reset state.
fn sgr(s: Style) -> String {
    let mut codes = vec!["0".to_string()];
    let m = s.add_modifier;
    for (flag, code) in [
        (Modifier::BOLD, "1"),
        (Modifier::DIM, "2"),
        (Modifier::ITALIC, "3"),
        (Modifier::UNDERLINED, "4"),
        (Modifier::REVERSED, "7"),
        (Modifier::CROSSED_OUT, "9"),
    ] {
        if m.contains(flag) {
            codes.push(code.into());
        }
    }
    if let Some(c) = s.fg.and_then(|c| color_code(c, 30)) {
        codes.push(c);
    }
    if let Some(c) = s.bg.and_then(|c| color_code(c, 40)) {
        codes.push(c);
    }
    format!("\x1b[{}m", codes.join(";"))
}

/// The SGR parameter of a colour; `base` is 30 for foreground, 40 for background.
fn color_code(c: Color, base: u8) -> Option<String> {
    let named = |i: u8| Some((base + i).to_string());
    let bright = |i: u8| Some((base + 60 + i).to_string());
    match c {
        Color::Reset => None,
        Color::Black => named(0),
        Color::Red => named(1),
        Color::Green => named(2),
        Color::Yellow => named(3),
        Color::Blue => named(4),
        Color::Magenta => named(5),
        Color::Cyan => named(6),
        Color::Gray => named(7),
        Color::DarkGray => bright(0),
        Color::LightRed => bright(1),
        Color::LightGreen => bright(2),
        Color::LightYellow => bright(3),
        Color::LightBlue => bright(4),
        Color::LightMagenta => bright(5),
        Color::LightCyan => bright(6),
        Color::White => bright(7),
        Color::Indexed(i) => Some(format!("{};5;{i}", base + 8)),
        Color::Rgb(r, g, b) => Some(format!("{};2;{r};{g};{b}", base + 8)),
    }
}
