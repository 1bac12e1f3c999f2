//! Keys ↔ actions: key strings (`"ctrl-d"`, `"G"`, `"pagedown"`), the default `keymap.toml`
//! embedded in the binary, and user keymaps layered over it action by action.
//!
//! Every problem in a keymap file is reported as `file:line:col: what is wrong`, so the reader can
//! refuse to start (exit 2) before it touches the terminal.

mod key;

pub use key::Key;

use crate::action::{Action, Group};
use crate::diagnostic::{Diagnostic, SourceMap};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::collections::HashMap;
use std::ops::Range;
use std::path::{Path, PathBuf};
use toml::Spanned;
use toml::de::{DeTable, DeValue};

/// The default keymap, the repository's `keymap.toml`.
pub const DEFAULT_KEYMAP: &str = include_str!("../../keymap.toml");

/// The name the default keymap goes by in messages.
const DEFAULT_NAME: &str = "keymap.toml (built in)";

/// Ctrl-C always quits (closing an open popup, or giving up a prompt, first): a keymap can
/// neither unbind it nor give it to another action, so no keymap can leave the reader without a
/// way out.
pub const QUIT_KEY: Key = Key {
    code: KeyCode::Char('c'),
    modifiers: KeyModifiers::CONTROL,
};

/// Which keys do what: every action's keys, and the reverse map used on each key press.
#[derive(Debug, Clone)]
pub struct Keymap {
    keys: HashMap<Action, Vec<Key>>,
    actions: HashMap<Key, Action>,
}

impl Keymap {
    /// The default keymap alone.
    pub fn defaults() -> Keymap {
        let mut km = Keymap {
            keys: HashMap::new(),
            actions: HashMap::new(),
        };
        // The shipped file is checked by the tests; a failure here is a build mistake.
        let layer =
            parse_layer(DEFAULT_KEYMAP, DEFAULT_NAME).expect("the built-in keymap.toml is valid");
        km.apply(layer);
        km
    }

    /// The defaults with a user keymap layered over them: the file given (`--keymap FILE`, which must
    /// exist), else `$XDG_CONFIG_HOME/brief/keymap.toml` when there is one.
    pub fn load(user: Option<&Path>) -> Result<Keymap, Diagnostic> {
        let path = match user {
            Some(p) => Some(p.to_path_buf()),
            None => Keymap::user_path().filter(|p| p.is_file()),
        };
        let mut km = Keymap::defaults();
        if let Some(path) = path {
            let name = path.display().to_string();
            let bytes = std::fs::read(&path).map_err(|e| {
                Diagnostic::about_file(&name, format!("cannot read the keymap: {e}"))
            })?;
            // The briefing's decoder, so that bad bytes are placed by line and column here too.
            let text = crate::format::decode(&name, bytes)?;
            km.apply(parse_layer(&text, &name)?);
        }
        Ok(km)
    }

    /// The defaults with a keymap text layered over them (`name` is used in errors).
    pub fn from_str_layered(text: &str, name: &str) -> Result<Keymap, Diagnostic> {
        let mut km = Keymap::defaults();
        km.apply(parse_layer(text, name)?);
        Ok(km)
    }

    /// Where the user's keymap lives: `$XDG_CONFIG_HOME/brief/keymap.toml` on Linux.
    pub fn user_path() -> Option<PathBuf> {
        directories::ProjectDirs::from("", "", "brief").map(|d| d.config_dir().join("keymap.toml"))
    }

    /// The action bound to a key event, if any.
    pub fn action(&self, event: &KeyEvent) -> Option<Action> {
        self.actions.get(&Key::from_event(event)).copied()
    }

    /// The keys of an action as key strings, in the order the keymap gives them.
    pub fn keys_for(&self, action: Action) -> Vec<String> {
        self.keys
            .get(&action)
            .map(|ks| ks.iter().map(Key::to_string).collect())
            .unwrap_or_default()
    }

    // A layer replaces the keys of the actions it names; a key it binds is taken from whichever
    // action had it before, so a user can move a key without also unbinding it elsewhere.
    fn apply(&mut self, layer: Vec<(Action, Vec<Key>)>) {
        for (action, keys) in layer {
            for old in self.keys.remove(&action).unwrap_or_default() {
                self.actions.remove(&old);
            }
            for &k in &keys {
                if let Some(prev) = self.actions.insert(k, action)
                    && let Some(list) = self.keys.get_mut(&prev)
                {
                    list.retain(|x| *x != k);
                }
            }
            self.keys.insert(action, keys);
        }
        // `quit = []` leaves Ctrl-C, which parse_layer keeps from every other action.
        let quit = self.keys.entry(Action::Quit).or_default();
        if !quit.contains(&QUIT_KEY) {
            quit.push(QUIT_KEY);
        }
        self.actions.insert(QUIT_KEY, Action::Quit);
    }
}

/// One keymap file, checked: each action it names with its keys, in file order.
fn parse_layer(text: &str, name: &str) -> Result<Vec<(Action, Vec<Key>)>, Diagnostic> {
    let source = SourceMap::new(name, text);
    let err = |span: Range<usize>, message: String| source.diag(span.start, &message, None);
    let root = DeTable::parse(text).map_err(|e| {
        let msg = e
            .message()
            .lines()
            .next()
            .unwrap_or("invalid TOML")
            .to_string();
        err(e.span().unwrap_or(0..0), format!("invalid TOML: {msg}"))
    })?;
    // Each action and key once per file, with where it was first written.
    let mut entries: Vec<(Spanned<&str>, &Spanned<DeValue>)> = Vec::new();
    for (k, v) in root.get_ref() {
        match v.get_ref() {
            DeValue::Table(t) => {
                if Group::from_name(k.get_ref()).is_none() {
                    let names: Vec<_> = Group::ALL.iter().map(|g| g.name()).collect();
                    return Err(err(
                        k.span(),
                        format!(
                            "unknown table `[{}]`; tables are: {}",
                            k.get_ref(),
                            names.join(", ")
                        ),
                    ));
                }
                for (ak, av) in t {
                    entries.push((Spanned::new(ak.span(), ak.get_ref().as_ref()), av));
                }
            }
            _ => entries.push((Spanned::new(k.span(), k.get_ref().as_ref()), v)),
        }
    }
    // The map is sorted by name; errors are easier to follow in file order.
    entries.sort_by_key(|(k, _)| k.span().start);

    let mut seen_actions: HashMap<Action, u32> = HashMap::new();
    let mut seen_keys: HashMap<Key, (Action, u32)> = HashMap::new();
    let mut layer = Vec::new();
    for (k, v) in entries {
        let action = Action::from_name(k.get_ref()).ok_or_else(|| {
            let hint = closest_action(k.get_ref())
                .map(|a| format!(" (did you mean `{a}`?)"))
                .unwrap_or_default();
            err(k.span(), format!("unknown action `{}`{hint}", k.get_ref()))
        })?;
        let line = source.line_of(k.span().start);
        if let Some(first) = seen_actions.insert(action, line) {
            return Err(err(
                k.span(),
                format!("`{action}` is already bound on line {first}"),
            ));
        }
        let DeValue::Array(items) = v.get_ref() else {
            return Err(err(
                v.span(),
                format!(
                    "expected a list of key strings, as in {action} = {}",
                    example(action, name)
                ),
            ));
        };
        let mut keys = Vec::new();
        for item in items.iter() {
            let DeValue::String(s) = item.get_ref() else {
                return Err(err(
                    item.span(),
                    "expected a key string such as \"ctrl-d\"".into(),
                ));
            };
            let key: Key = s
                .parse()
                .map_err(|m| err(item.span(), format!("invalid key \"{s}\": {m}")))?;
            if key.is_count_digit() {
                return Err(err(
                    item.span(),
                    format!("digits cannot be bound: they are the count before a key (\"{s}\")"),
                ));
            }
            if key == QUIT_KEY && action != Action::Quit {
                return Err(err(
                    item.span(),
                    format!("\"{key}\" always quits; it cannot be bound to `{action}`"),
                ));
            }
            let line = source.line_of(item.span().start);
            if let Some((other, first)) = seen_keys.insert(key, (action, line)) {
                let msg = if other == action {
                    format!("key \"{key}\" is listed twice for `{action}`")
                } else {
                    format!(
                        "key \"{key}\" is bound to both `{other}` (line {first}) and `{action}`"
                    )
                };
                return Err(err(item.span(), msg));
            }
            keys.push(key);
        }
        layer.push((action, keys));
    }
    Ok(layer)
}

/// `["q", "ctrl-c"]`: an action's default keys as a keymap writes them, for messages.
fn example(action: Action, file: &str) -> String {
    // The built-in keymap is known to be valid, so this never parses it from its own error path.
    let keys = if file == DEFAULT_NAME {
        Vec::new()
    } else {
        Keymap::defaults().keys_for(action)
    };
    let quoted: Vec<String> = keys.iter().map(|k| format!("\"{k}\"")).collect();
    format!("[{}]", quoted.join(", "))
}

/// The action name nearest to a misspelt one, when it is close enough to be a typo.
fn closest_action(name: &str) -> Option<Action> {
    Action::ALL
        .iter()
        .map(|&a| (edit_distance(name, a.name()), a))
        .filter(|(d, _)| *d <= 2 + name.len() / 6)
        .min_by_key(|(d, _)| *d)
        .map(|(_, a)| a)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::{KeyCode, KeyModifiers};

    fn press(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, modifiers)
    }

    #[test]
    fn terminal_events_match_key_strings() {
        let km = Keymap::defaults();
        // Terminals report an upper-case letter and `?` with Shift held; the keymap says "G", "?".
        assert_eq!(
            km.action(&press(KeyCode::Char('G'), KeyModifiers::SHIFT)),
            Some(Action::Bottom)
        );
        assert_eq!(
            km.action(&press(KeyCode::Char('?'), KeyModifiers::SHIFT)),
            Some(Action::Help)
        );
        assert_eq!(
            km.action(&press(KeyCode::Char('g'), KeyModifiers::NONE)),
            Some(Action::Top)
        );
        assert_eq!(
            km.action(&press(KeyCode::BackTab, KeyModifiers::SHIFT)),
            Some(Action::FocusNext)
        );
        assert_eq!(
            km.action(&press(KeyCode::BackTab, KeyModifiers::NONE)),
            Some(Action::FocusNext)
        );
        assert_eq!(
            km.action(&press(KeyCode::Char('d'), KeyModifiers::CONTROL)),
            Some(Action::HalfPageDown)
        );
        assert_eq!(
            km.action(&press(KeyCode::Char(' '), KeyModifiers::NONE)),
            Some(Action::PageDown)
        );
        assert_eq!(
            km.action(&press(KeyCode::F(1), KeyModifiers::NONE)),
            Some(Action::Help)
        );
        assert_eq!(
            km.action(&press(KeyCode::Char('4'), KeyModifiers::NONE)),
            None
        );
    }

    #[test]
    fn a_user_layer_replaces_only_the_actions_it_names() {
        let km =
            Keymap::from_str_layered("next_question = [\"n\", \"ctrl-n\"]\n", "user.toml").unwrap();
        assert_eq!(km.keys_for(Action::NextQuestion), ["n", "ctrl-n"]);
        // `n` moved to next_question, so search_next keeps only what is left of its keys.
        assert_eq!(km.keys_for(Action::SearchNext), Vec::<String>::new());
        assert_eq!(
            km.action(&press(KeyCode::Char(']'), KeyModifiers::NONE)),
            None
        );
        assert_eq!(km.keys_for(Action::ScrollDown), ["j", "down"]);
        let km = Keymap::from_str_layered("[jump]\nnext_turn = []\n", "user.toml").unwrap();
        assert!(km.keys_for(Action::NextTurn).is_empty());
        assert_eq!(
            km.action(&press(KeyCode::Char('}'), KeyModifiers::NONE)),
            None
        );
    }

    fn error(text: &str) -> String {
        Keymap::from_str_layered(text, "k.toml")
            .unwrap_err()
            .to_string()
    }

    #[test]
    fn errors_say_file_line_column_and_what() {
        assert_eq!(
            error("scroll_down = [\"j\"]\nnext_questoin = [\"]\"]\n"),
            "k.toml:2:1: unknown action `next_questoin` (did you mean `next_question`?)"
        );
        assert_eq!(
            error("[jump]\nnext_turn = [\"}\", \"ctrl-\"]\n"),
            "k.toml:2:19: invalid key \"ctrl-\": unknown key `ctrl-`; use one character or one of: \
             space, enter, esc, tab, backspace, delete, insert, home, end, pageup, pagedown, up, \
             down, left, right, minus, f1 … f24; modifiers are ctrl-, alt- and shift- in front of the key"
        );
        assert_eq!(
            error("top = [\"x\"]\n\n  bottom = [\"y\", \"x\"]\n"),
            "k.toml:3:18: key \"x\" is bound to both `top` (line 1) and `bottom`"
        );
        assert_eq!(
            error("[move]\ntop = [\"x\"]\n[jump]\ntop = [\"y\"]\n"),
            "k.toml:4:1: `top` is already bound on line 2"
        );
        assert_eq!(
            error("top = \"g\"\n"),
            "k.toml:1:7: expected a list of key strings, as in top = [\"g\", \"home\"]"
        );
        assert_eq!(
            error("top = [1]\n"),
            "k.toml:1:8: expected a key string such as \"ctrl-d\""
        );
        assert_eq!(
            error("top = [\"5\"]\n"),
            "k.toml:1:8: digits cannot be bound: they are the count before a key (\"5\")"
        );
        assert!(error("[moves]\n").starts_with("k.toml:1:2: unknown table `[moves]`"));
        assert!(
            error("top = [\"g\"\n").starts_with("k.toml:1:"),
            "{}",
            error("top = [\"g\"\n")
        );
    }

    #[test]
    fn the_shipped_keymap_binds_every_action_once_in_order() {
        // parse_layer refuses a key bound twice, so parsing is the duplicate check.
        let layer = parse_layer(DEFAULT_KEYMAP, DEFAULT_NAME).unwrap();
        let actions: Vec<Action> = layer.iter().map(|(a, _)| *a).collect();
        assert_eq!(
            actions,
            Action::ALL,
            "keymap.toml lists the actions in Action::ALL order"
        );
        let km = Keymap::defaults();
        for &a in Action::ALL {
            assert!(!km.keys_for(a).is_empty(), "`{a}` has no default key");
        }
    }

    #[test]
    fn a_missing_user_file_is_an_error_without_position() {
        let e = Keymap::load(Some(Path::new("no/such/keymap.toml"))).unwrap_err();
        assert_eq!(e.position(), None);
        assert!(
            e.to_string()
                .starts_with("no/such/keymap.toml: cannot read the keymap")
        );
    }
}
