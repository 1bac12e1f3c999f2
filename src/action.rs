//! The reader's vocabulary: every action a key can be bound to.
//!
//! The keymap (`crate::keymap`, `keymap.toml`) maps keys to these names and the help overlay lists
//! them with [`Action::describe`], so a new action needs only a line here and a line in
//! `keymap.toml`. Digits are not actions: they are the count prefix (`4]`, `50%`), read by the app.

use serde::{Deserialize, Serialize};

/// Which part of the help overlay (and which table of `keymap.toml`) an action belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Group {
    Move,
    Jump,
    Outline,
    Search,
    View,
    Bookmarks,
    General,
}

impl Group {
    /// Every group, in the order the help overlay shows them.
    pub const ALL: [Group; 7] = [
        Group::Move,
        Group::Jump,
        Group::Outline,
        Group::Search,
        Group::View,
        Group::Bookmarks,
        Group::General,
    ];

    /// The name of the group's table in `keymap.toml`.
    pub fn name(self) -> &'static str {
        match self {
            Group::Move => "move",
            Group::Jump => "jump",
            Group::Outline => "outline",
            Group::Search => "search",
            Group::View => "view",
            Group::Bookmarks => "bookmarks",
            Group::General => "general",
        }
    }

    /// A heading for the help overlay.
    pub fn title(self) -> &'static str {
        match self {
            Group::Move => "Moving",
            Group::Jump => "Jumping",
            Group::Outline => "Outline",
            Group::Search => "Search",
            Group::View => "Highlights and filters",
            Group::Bookmarks => "Bookmarks",
            Group::General => "General",
        }
    }

    /// The group whose table is called `name`.
    pub fn from_name(name: &str) -> Option<Group> {
        Group::ALL.into_iter().find(|g| g.name() == name)
    }
}

// One list drives the enum, its names, groups and descriptions, so they cannot disagree.
macro_rules! actions {
    ($( $variant:ident = $name:literal, $group:ident, $desc:literal; )*) => {
        /// Something the reader can do in answer to a key.
        ///
        /// Serialised by its snake_case name, the name used in `keymap.toml`.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum Action {
            $( #[doc = $desc] $variant, )*
        }

        impl Action {
            /// Every action, in the order of `keymap.toml` and the help overlay.
            pub const ALL: &'static [Action] = &[ $( Action::$variant, )* ];

            /// The name used in `keymap.toml` (`next_question`).
            pub fn name(self) -> &'static str {
                match self { $( Action::$variant => $name, )* }
            }

            /// One line saying what the action does, for the help overlay.
            pub fn describe(self) -> &'static str {
                match self { $( Action::$variant => $desc, )* }
            }

            /// The help group and `keymap.toml` table the action belongs to.
            pub fn group(self) -> Group {
                match self { $( Action::$variant => Group::$group, )* }
            }
        }
    };
}

actions! {
    ScrollDown = "scroll_down", Move, "Scroll down one line (in a list: the next entry)";
    ScrollUp = "scroll_up", Move, "Scroll up one line (in a list: the previous entry)";
    PageDown = "page_down", Move, "Forward one page, keeping one line of context";
    PageUp = "page_up", Move, "Back one page, keeping one line of context";
    HalfPageDown = "half_page_down", Move, "Forward half a page";
    HalfPageUp = "half_page_up", Move, "Back half a page";
    Top = "top", Move, "Go to the start of the briefing";
    Bottom = "bottom", Move, "Go to the end of the briefing";
    GotoPercent = "goto_percent", Move, "Go to N percent of the briefing (type the count first: 50%)";
    NextParagraph = "next_paragraph", Move, "Move the current passage to the next paragraph";
    PrevParagraph = "prev_paragraph", Move, "Move the current passage to the previous paragraph";
    NextQuestion = "next_question", Jump, "Next question (with a count: question N, as in 4])";
    PrevQuestion = "prev_question", Jump, "Previous question";
    NextTurn = "next_turn", Jump, "Next turn (the next speaker)";
    PrevTurn = "prev_turn", Jump, "Previous turn";
    NextSameSpeaker = "next_same_speaker", Jump, "Next turn by the speaker of the current one";
    GotoQuestion = "goto_question", Jump, "Go to question N (uses the count, else asks for N)";
    JumpBack = "jump_back", Jump, "Back to where the last jump started (as vim's Ctrl-o)";
    JumpForward = "jump_forward", Jump, "Forward again through the jump history (as vim's Ctrl-i)";
    FocusNext = "focus_next", Outline, "Move the focus between the outline and the transcript";
    ToggleOutline = "toggle_outline", Outline, "Show or hide the outline";
    OutlineWider = "outline_wider", Outline, "Make the outline wider";
    OutlineNarrower = "outline_narrower", Outline, "Make the outline narrower";
    Expand = "expand", Outline, "Show or hide the turns of the selected outline entry";
    Search = "search", Search, "Search the text (case-insensitive unless the query has capitals)";
    SearchNext = "search_next", Search, "Next match, wrapping around at the end";
    SearchPrev = "search_prev", Search, "Previous match, wrapping around at the start";
    ShowTerms = "show_terms", View, "List the glossary terms on this page with their definitions";
    ShowFigures = "show_figures", View, "List the figures of this section, each with its sentence";
    SpeakerFilter = "speaker_filter", View, "Show only one speaker's turns (press again to show all)";
    ToggleMouse = "toggle_mouse", View, "Turn mouse capture off (to select text) or on";
    Bookmark = "bookmark", Bookmarks, "Bookmark the current passage, with an optional note";
    Bookmarks = "bookmarks", Bookmarks, "List the bookmarks";
    NextBookmark = "next_bookmark", Bookmarks, "Go to the next bookmarked passage";
    PrevBookmark = "prev_bookmark", Bookmarks, "Go to the previous bookmarked passage";
    CopyPassage = "copy_passage", Bookmarks, "Copy the current passage with its citation to the clipboard";
    Delete = "delete", Bookmarks, "In the bookmarks list: delete the selected bookmark";
    Undo = "undo", Bookmarks, "In the bookmarks list: bring back the last deleted bookmark";
    EditNote = "edit_note", Bookmarks, "In the bookmarks list: edit the note of the selected bookmark";
    ToggleScope = "toggle_scope", Bookmarks, "In the bookmarks list: this briefing or all briefings";
    Select = "select", General, "Open or jump to the selected entry; confirm a prompt";
    Cancel = "cancel", General, "Close the popup or prompt; cancel a search and go back";
    Help = "help", General, "Show this help";
    Reload = "reload", General, "Read the briefing file again, keeping the reading position";
    Library = "library", General, "Back to the list of briefings";
    Quit = "quit", General, "Quit brief; in a popup, close it (Ctrl-C in a prompt gives it up)";
}

impl Action {
    /// The action called `name` in `keymap.toml`.
    pub fn from_name(name: &str) -> Option<Action> {
        Action::ALL.iter().copied().find(|a| a.name() == name)
    }
}

impl std::fmt::Display for Action {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_the_serde_names() {
        for &a in Action::ALL {
            let json = serde_json::to_string(&a).unwrap();
            assert_eq!(json, format!("\"{}\"", a.name()));
            let back: Action = serde_json::from_str(&json).unwrap();
            assert_eq!(back, a);
            assert_eq!(Action::from_name(a.name()), Some(a));
        }
        assert_eq!(Action::from_name("no_such_action"), None);
    }

    #[test]
    fn names_and_descriptions_are_unique_and_nonempty() {
        let mut names: Vec<_> = Action::ALL.iter().map(|a| a.name()).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), Action::ALL.len());
        for &a in Action::ALL {
            assert!(!a.describe().is_empty(), "{a}");
            assert!(a.describe().len() <= 72, "too long for one help line: {a}");
        }
    }

    #[test]
    fn actions_are_listed_group_by_group() {
        // keymap.toml and the help overlay list actions in this order; a group split in two would
        // show up twice.
        let groups: Vec<Group> = Action::ALL.iter().map(|a| a.group()).collect();
        let mut seen = Vec::new();
        for g in groups {
            if seen.last() != Some(&g) {
                assert!(!seen.contains(&g), "{g:?} is split");
                seen.push(g);
            }
        }
        assert_eq!(seen, Group::ALL);
        for g in Group::ALL {
            assert_eq!(Group::from_name(g.name()), Some(g));
        }
    }
}
