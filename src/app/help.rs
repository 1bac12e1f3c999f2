//! The help overlay, generated from the active keymap: every action with its keys and what it
//! does, group by group, then the legend of the highlight styles.

use super::App;
use super::screen::{help_area, help_last_scroll};
use crate::action::{Action, Group};
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};

/// Width of the keys column.
const KEYS: usize = 22;

/// Fewest columns a description gets beside its keys; with less, it goes below them.
const MIN_TEXT: usize = 24;

/// Indent of a description that goes below its keys.
const BELOW: usize = 4;

/// The lines of the help text for this keymap, `width` columns wide: descriptions wrap, their
/// continuation lines indented under their first.
pub fn lines(app: &App, width: usize) -> Vec<Line<'static>> {
    let bold = Style::new().add_modifier(Modifier::BOLD);
    let mut out = Vec::new();
    for g in Group::ALL {
        let actions: Vec<Action> = Action::ALL
            .iter()
            .copied()
            .filter(|a| a.group() == g)
            .collect();
        if actions.is_empty() {
            continue;
        }
        out.push(Line::from(Span::styled(g.title().to_string(), bold)));
        for a in actions {
            let keys = app.keymap.keys_for(a);
            let keys = if keys.is_empty() {
                "(unbound)".to_string()
            } else {
                keys.join(" ")
            };
            let lead = Span::styled(format!("  {keys:<KEYS$} "), bold);
            push_wrapped(&mut out, vec![lead], a.describe(), width);
        }
        out.push(Line::default());
    }
    out.push(Line::from(Span::styled("Counts", bold)));
    push_wrapped(
        &mut out,
        vec![Span::raw("  ")],
        "Digits before a key repeat it or give it a number: 4] question 4, 50% the middle, 3j",
        width,
    );
    out.push(Line::default());
    out.push(Line::from(Span::styled("Highlights", bold)));
    for (sample, style, what) in app.theme.legend() {
        let lead = vec![
            Span::raw("  "),
            Span::styled(sample, style),
            Span::raw("  "),
        ];
        push_wrapped(&mut out, lead, what, width);
    }
    out
}

/// The help's lines at the width it is drawn at over `area` (inside its border).
pub fn lines_over(app: &App, area: Rect) -> Vec<Line<'static>> {
    lines(app, usize::from(help_area(area).width.saturating_sub(2)))
}

/// The furthest the help scrolls on this screen: its last page.
pub fn last_scroll(app: &App) -> usize {
    help_last_scroll(lines_over(app, app.area).len(), app.area)
}

/// `lead` followed by `text` wrapped to the rest of `width`, its continuation lines indented
/// under it; when `lead` leaves too little room, the text goes on the lines below it.
fn push_wrapped(out: &mut Vec<Line<'static>>, lead: Vec<Span<'static>>, text: &str, width: usize) {
    let lead_width: usize = lead.iter().map(Span::width).sum();
    let beside = width >= lead_width + MIN_TEXT;
    let indent = if beside { lead_width } else { BELOW };
    let mut first = Some(lead);
    if !beside {
        out.extend(first.take().map(Line::from));
    }
    let mut ranges = Vec::new();
    crate::layout::wrap(text, width.saturating_sub(indent).max(1), &mut ranges);
    for r in ranges {
        let mut spans = first
            .take()
            .unwrap_or_else(|| vec![Span::raw(" ".repeat(indent))]);
        spans.push(Span::raw(text[r].to_string()));
        out.push(Line::from(spans));
    }
}
