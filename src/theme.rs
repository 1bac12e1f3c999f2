//! The styles of the transcript: one per class of text, in colour or, with `NO_COLOR`, in bold,
//! underline and reverse only, so that every distinction survives on a monochrome terminal.

use ratatui::style::{Color, Modifier, Style};

/// One style per class of text the reader draws.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    /// Body text of answers and statements.
    pub text: Style,
    /// Body text of questions.
    pub question_text: Style,
    /// The bar left of question text.
    pub question_bar: Style,
    /// Section headings ("Q4 · The Paper: …").
    pub section_heading: Style,
    /// Turn headings of answers and statements ("Tao Qing — Spokesperson").
    pub speaker: Style,
    /// Turn headings of questions.
    pub question_speaker: Style,
    /// Figures (3.9%, 1.8 trillion yuan).
    pub figure: Style,
    /// Glossary terms.
    pub term: Style,
    /// Search matches.
    pub search_match: Style,
    /// The search match the status line counts as current.
    pub current_match: Style,
    /// The gutter mark of the current passage.
    pub current_mark: Style,
    /// The gutter mark of a bookmarked passage.
    pub bookmark_mark: Style,
    /// Secondary text: separators, hints.
    pub dim: Style,
    /// The selected entry of a list (outline, popups).
    pub selected: Style,
    /// Whether colours are used.
    pub color: bool,
}

/// Gutter symbol of the current passage.
pub const CURRENT_MARK: &str = "▌";
/// Gutter symbol of a bookmarked passage.
pub const BOOKMARK_MARK: &str = "*";
/// Drawn in the indent left of question text.
pub const QUESTION_BAR: &str = "│";

impl Theme {
    /// The theme for this environment: without colour when `NO_COLOR` is set to a non-empty value
    /// (<https://no-color.org>).
    pub fn from_env() -> Theme {
        match std::env::var_os("NO_COLOR") {
            Some(v) if !v.is_empty() => Theme::no_color(),
            _ => Theme::colored(),
        }
    }

    /// Colours on the terminal's default background.
    pub fn colored() -> Theme {
        let bold = Style::new().add_modifier(Modifier::BOLD);
        Theme {
            text: Style::new(),
            question_text: Style::new().fg(Color::LightMagenta),
            question_bar: Style::new().fg(Color::Magenta),
            section_heading: bold.fg(Color::LightBlue).add_modifier(Modifier::UNDERLINED),
            speaker: bold.fg(Color::Green),
            question_speaker: bold.fg(Color::Magenta),
            figure: bold.fg(Color::Cyan),
            term: Style::new()
                .fg(Color::Yellow)
                .add_modifier(Modifier::UNDERLINED),
            search_match: Style::new().fg(Color::Black).bg(Color::Yellow),
            current_match: Style::new()
                .fg(Color::Black)
                .bg(Color::LightRed)
                .add_modifier(Modifier::BOLD),
            current_mark: Style::new().fg(Color::Yellow),
            bookmark_mark: bold.fg(Color::LightRed),
            dim: Style::new().add_modifier(Modifier::DIM),
            selected: Style::new().add_modifier(Modifier::REVERSED),
            color: true,
        }
    }

    /// No colours: figures bold, terms underlined, matches reversed, headings bold (section
    /// headings also underlined), questions in italics behind their bar.
    pub fn no_color() -> Theme {
        let bold = Style::new().add_modifier(Modifier::BOLD);
        let reversed = Style::new().add_modifier(Modifier::REVERSED);
        Theme {
            text: Style::new(),
            question_text: Style::new().add_modifier(Modifier::ITALIC),
            question_bar: Style::new(),
            section_heading: bold.add_modifier(Modifier::UNDERLINED),
            speaker: bold,
            question_speaker: bold.add_modifier(Modifier::ITALIC),
            figure: bold,
            term: Style::new().add_modifier(Modifier::UNDERLINED),
            search_match: reversed,
            current_match: reversed.add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            current_mark: bold,
            bookmark_mark: bold,
            dim: Style::new().add_modifier(Modifier::DIM),
            selected: reversed,
            color: false,
        }
    }

    /// The highlight legend for the help overlay: a sample, its style, and what it means.
    pub fn legend(&self) -> [(&'static str, Style, &'static str); 7] {
        [
            ("3.9%", self.figure, "a figure"),
            ("white list", self.term, "a glossary term"),
            ("Tao Qing — Spokesperson", self.speaker, "who speaks"),
            ("Reporter — The Paper", self.question_speaker, "a question"),
            ("match", self.search_match, "a search match"),
            (CURRENT_MARK, self.current_mark, "the current passage"),
            (BOOKMARK_MARK, self.bookmark_mark, "a bookmarked passage"),
        ]
    }
}

impl Default for Theme {
    fn default() -> Theme {
        Theme::colored()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mods(s: Style) -> Modifier {
        s.add_modifier
    }

    #[test]
    fn without_colour_the_highlight_classes_stay_distinct() {
        let t = Theme::no_color();
        let all = [
            t.figure,
            t.term,
            t.search_match,
            t.current_match,
            t.question_text,
            t.text,
        ];
        for (i, a) in all.iter().enumerate() {
            assert_eq!(a.fg, None);
            assert_eq!(a.bg, None);
            for b in &all[i + 1..] {
                assert_ne!(mods(*a), mods(*b), "{a:?} and {b:?} look the same");
            }
        }
        assert_ne!(mods(t.speaker), mods(t.question_speaker));
        assert_ne!(mods(t.speaker), mods(t.section_heading));
    }

    #[test]
    fn the_colour_theme_gives_each_highlight_class_its_own_look() {
        let t = Theme::colored();
        let all = [
            t.figure,
            t.term,
            t.search_match,
            t.current_match,
            t.speaker,
            t.question_speaker,
        ];
        for (i, a) in all.iter().enumerate() {
            for b in &all[i + 1..] {
                assert_ne!(a, b);
            }
        }
    }
}
