//! The help overlay, generated from the active keymap: every action with its keys and what it
//! does, group by group, then the legend of the highlight styles.

use crate::app::App;
use crate::app::action::{Action, Group};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};

/// Width of the keys column.
const KEYS: usize = 22;

/// The lines of the help text for this keymap.
pub fn lines(app: &App) -> Vec<Line<'static>> {
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
            out.push(Line::from(vec![
                Span::styled(
                    format!("  {keys:<KEYS$} "),
                    Style::new().add_modifier(Modifier::BOLD),
                ),
                Span::raw(a.describe().to_string()),
            ]));
        }
        out.push(Line::default());
    }
    out.push(Line::from(Span::styled("Counts", bold)));
    out.push(Line::from(
        "  Digits before a key repeat it or give it a number: 4] question 4, 50% the middle, 3j",
    ));
    out.push(Line::default());
    out.push(Line::from(Span::styled("Highlights", bold)));
    for (sample, style, what) in app.theme.legend() {
        out.push(Line::from(vec![
            Span::raw("  "),
            Span::styled(sample, style),
            Span::raw(format!("  {what}")),
        ]));
    }
    out
}
