//! The outline pane: "Opening remarks", then one entry per question (number, outlet, who
//! answers, topic), turns under expanded entries, the section being read marked.

use super::fit;
use crate::app::outline::{self, Row};
use crate::app::{App, Doc, Focus};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

/// The text of one outline row, in the full briefing's numbering even when filtered.
fn row_text(doc: &Doc, row: Row) -> (String, String) {
    let full = &doc.full;
    match row {
        Row::Section(s) => {
            let fs = doc.full_section(s);
            let label = full.section_label_numbered(fs, doc.numbers[fs]);
            let topic = if full.sections[fs].kind == crate::model::SectionKind::Qa {
                outline::topic(full, fs)
            } else {
                String::new()
            };
            (label, topic)
        }
        Row::Turn(s, t) => {
            let turn = &doc.shown().sections[s].turns[t];
            let who = full.display_name(&turn.speaker);
            (format!("  {who}"), turn.kind.as_str().to_string())
        }
    }
}

/// The label part of a row `width` columns wide. A long label ("Q12 · Reporter → Karine
/// Jean-Pierre") leaves up to 2/5 of the row to the topic, which tells questions apart better
/// than names do: the names after `→` are cut first, and dropped when little of them would show.
fn head(label: &str, topic: &str, width: usize) -> String {
    let w = unicode_width::UnicodeWidthStr::width;
    let reserve = if topic.is_empty() {
        0
    } else {
        (w(topic) + 3).min(width * 2 / 5)
    };
    let budget = width - reserve;
    match label.split_once(" → ") {
        Some((who_asks, _)) if reserve > 0 && w(label) > budget && w(who_asks) + 6 > budget => {
            fit(who_asks, budget)
        }
        _ => fit(label, budget),
    }
}

/// Draw the outline in `area`.
pub fn render(app: &App, doc: &Doc, area: Rect, buf: &mut Buffer) {
    let o = &doc.outline;
    let width = usize::from(area.width);
    for (k, i) in (o.scroll..o.scroll + usize::from(area.height)).enumerate() {
        let Some(row) = o.row(doc.shown(), i) else {
            break;
        };
        let y = area.y + k as u16;
        let reading = match row {
            Row::Section(s) => s == doc.current.section,
            Row::Turn(s, t) => (s, t) == (doc.current.section, doc.current.turn),
        };
        // One ▸: on the turn being read when its section's turns are listed, else the section.
        let pointer = reading && !matches!(row, Row::Section(s) if o.expanded.contains(&s));
        let (label, topic) = row_text(doc, row);
        let marked = match row {
            Row::Section(s) => {
                let i = doc.shown_marks.partition_point(|a| a.section < s);
                doc.shown_marks.get(i).is_some_and(|a| a.section == s)
            }
            Row::Turn(s, t) => doc
                .shown_marks
                .iter()
                .any(|a| (a.section, a.turn) == (s, t)),
        };
        // Both marks, each in its own column, so that ▸ does not hide a bookmark.
        let pointer = if pointer { "▸" } else { " " };
        let mark = if marked {
            crate::theme::BOOKMARK_MARK
        } else {
            " "
        };
        let mut style = Style::new();
        if reading {
            style = style.add_modifier(Modifier::BOLD);
        }
        if i == o.selected && app.focus == Focus::Outline {
            style = style.patch(app.theme.selected);
        }
        let head = head(&format!("{pointer}{mark}{label}"), &topic, width);
        let rest = width.saturating_sub(unicode_width::UnicodeWidthStr::width(head.as_str()));
        let mut spans = vec![Span::styled(head, style)];
        if !topic.is_empty() && rest > 3 {
            spans.push(Span::styled(
                fit(&format!(" · {topic}"), rest),
                style.patch(app.theme.dim),
            ));
        }
        Line::from(spans).render(Rect::new(area.x, y, area.width, 1), buf);
    }
}

#[cfg(test)]
mod tests {
    use super::head;

    #[test]
    fn names_give_way_to_the_topic() {
        let label = "▸Q1 · Harbour Daily → Lin Wei, Ma Qing";
        assert_eq!(head(label, "", 80), label);
        assert_eq!(head(label, "Container growth", 80), label);
        // 34 columns: the topic may take 13, and the names would barely show, so they go.
        assert_eq!(head(label, "Container growth", 34), "▸Q1 · Harbour Daily");
        // With room for some of them, the names are cut.
        assert_eq!(head(label, "Growth", 40), "▸Q1 · Harbour Daily → Lin Wei,…");
        assert_eq!(head(label, "", 24), "▸Q1 · Harbour Daily → L…");
    }
}
