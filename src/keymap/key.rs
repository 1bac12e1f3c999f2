//! Key strings (`"ctrl-d"`, `"G"`, `"pagedown"`) and the keys terminals send, normalised so the
//! two compare equal.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::fmt;
use std::str::FromStr;

/// A key with its modifiers, normalised so that a key string and the event a terminal sends for
/// that key compare equal: a character carries its case itself (`G`, not `shift-g`), and Shift is
/// kept only for keys that have no shifted character (`shift-tab`, `shift-f1`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub modifiers: KeyModifiers,
}

impl Key {
    /// Build a normalised key.
    pub fn new(code: KeyCode, modifiers: KeyModifiers) -> Key {
        let mut modifiers =
            modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SHIFT);
        let code = match code {
            KeyCode::Char(c) if modifiers.contains(KeyModifiers::SHIFT) => {
                modifiers.remove(KeyModifiers::SHIFT);
                KeyCode::Char(c.to_uppercase().next().unwrap_or(c))
            }
            KeyCode::BackTab => {
                modifiers.insert(KeyModifiers::SHIFT);
                KeyCode::BackTab
            }
            KeyCode::Tab if modifiers.contains(KeyModifiers::SHIFT) => KeyCode::BackTab,
            other => other,
        };
        Key { code, modifiers }
    }

    /// The key of a key event (its kind — press, repeat, release — is the caller's business).
    pub fn from_event(event: &KeyEvent) -> Key {
        Key::new(event.code, event.modifiers)
    }

    /// Whether a key is a digit without modifiers: those are the count prefix, never bound.
    pub fn is_count_digit(&self) -> bool {
        matches!(self.code, KeyCode::Char(c) if c.is_ascii_digit()) && self.modifiers.is_empty()
    }
}

/// The highest function key: terminals send F13…F24 for Shift or Ctrl with F1…F12.
const MAX_F: u8 = 24;

/// How the modifiers are written, for messages.
const MODIFIERS: &str = "modifiers are ctrl-, alt- and shift- in front of the key";

/// Names of the keys that are not single characters; the first spelling is the canonical one.
const NAMED: &[(&str, KeyCode)] = &[
    ("space", KeyCode::Char(' ')),
    ("enter", KeyCode::Enter),
    ("return", KeyCode::Enter),
    ("esc", KeyCode::Esc),
    ("escape", KeyCode::Esc),
    ("tab", KeyCode::Tab),
    ("backspace", KeyCode::Backspace),
    ("delete", KeyCode::Delete),
    ("del", KeyCode::Delete),
    ("insert", KeyCode::Insert),
    ("home", KeyCode::Home),
    ("end", KeyCode::End),
    ("pageup", KeyCode::PageUp),
    ("pagedown", KeyCode::PageDown),
    ("up", KeyCode::Up),
    ("down", KeyCode::Down),
    ("left", KeyCode::Left),
    ("right", KeyCode::Right),
    ("minus", KeyCode::Char('-')),
];

impl FromStr for Key {
    type Err = String;

    /// Parse `[ctrl-][alt-][shift-]KEY`; modifiers and names ignore case, characters keep it.
    fn from_str(s: &str) -> Result<Key, String> {
        if s.is_empty() {
            return Err("empty key".into());
        }
        let mut modifiers = KeyModifiers::NONE;
        let mut rest = s;
        // A trailing `-` is the minus key itself (`ctrl--`), not a separator.
        while let Some((head, tail)) = rest.split_once('-').filter(|(_, t)| !t.is_empty()) {
            let m = match head.to_ascii_lowercase().as_str() {
                "ctrl" | "control" => KeyModifiers::CONTROL,
                "alt" => KeyModifiers::ALT,
                "shift" => KeyModifiers::SHIFT,
                // Terminals send Meta as Alt, and keyboards that report Meta apart report it as a
                // key of its own, so `meta-` would bind something other than what it says.
                _ => return Err(format!("unknown modifier `{head}-`; {MODIFIERS}")),
            };
            if modifiers.contains(m) {
                return Err(format!("modifier `{head}` written twice"));
            }
            modifiers |= m;
            rest = tail;
        }
        let mut chars = rest.chars();
        let code = match (chars.next(), chars.next()) {
            (Some(c), None) if c.is_control() => {
                return Err("control characters are not keys; use a name such as `tab`".into());
            }
            (Some(' '), None) => return Err("write the space bar as `space`".into()),
            (Some(c), None) => KeyCode::Char(c),
            _ => parse_name(rest).ok_or_else(|| {
                format!(
                    "unknown key `{rest}`; use one character or one of: {}, f1 … f{MAX_F}; {MODIFIERS}",
                    canonical_names().join(", ")
                )
            })?,
        };
        if let KeyCode::Char(c) = code
            && modifiers.contains(KeyModifiers::SHIFT)
            && c.to_lowercase().eq(c.to_uppercase())
            && c != ' '
        {
            return Err(format!(
                "`shift-{c}` cannot be typed as such; write the character the shifted key gives"
            ));
        }
        Ok(Key::new(code, modifiers))
    }
}

/// The names of [`NAMED`] without their aliases (`return`, `escape`, `del`).
fn canonical_names() -> Vec<&'static str> {
    NAMED
        .iter()
        .enumerate()
        .filter(|(i, (_, code))| !NAMED[..*i].iter().any(|(_, c)| c == code))
        .map(|(_, (name, _))| *name)
        .collect()
}

fn parse_name(name: &str) -> Option<KeyCode> {
    let lower = name.to_ascii_lowercase();
    if let Some((_, code)) = NAMED.iter().find(|(n, _)| *n == lower) {
        return Some(*code);
    }
    let n: u8 = lower.strip_prefix('f')?.parse().ok()?;
    (1..=MAX_F).contains(&n).then_some(KeyCode::F(n))
}

impl fmt::Display for Key {
    /// The canonical key string: `Key::from_str(&k.to_string()) == Ok(k)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.modifiers.contains(KeyModifiers::CONTROL) {
            f.write_str("ctrl-")?;
        }
        if self.modifiers.contains(KeyModifiers::ALT) {
            f.write_str("alt-")?;
        }
        if self.modifiers.contains(KeyModifiers::SHIFT) {
            f.write_str("shift-")?;
        }
        match self.code {
            KeyCode::BackTab => f.write_str("tab"),
            KeyCode::Char(' ') => f.write_str("space"),
            KeyCode::Char('-') if !self.modifiers.is_empty() => f.write_str("minus"),
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::F(n) => write!(f, "f{n}"),
            code => match NAMED.iter().find(|(_, c)| *c == code) {
                Some((name, _)) => f.write_str(name),
                None => write!(f, "{code:?}"),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(s: &str) -> Key {
        s.parse().unwrap_or_else(|e| panic!("{s}: {e}"))
    }

    #[test]
    fn key_strings_round_trip() {
        for s in [
            "j",
            "G",
            "?",
            "]",
            "%",
            "space",
            "enter",
            "esc",
            "tab",
            "shift-tab",
            "ctrl-d",
            "alt-x",
            "pagedown",
            "f1",
            "f12",
            "ctrl-alt-x",
            "backspace",
            "-",
            "ctrl-minus",
            "'",
            "中",
            "shift-f5",
            "ctrl-G",
            "f13",
            "f24",
        ] {
            let k = key(s);
            assert_eq!(k.to_string(), s, "canonical form of {s}");
            assert_eq!(key(&k.to_string()), k);
        }
    }

    #[test]
    fn spellings_normalise_to_one_key() {
        assert_eq!(key("shift-g"), key("G"));
        assert_eq!(key("Ctrl-D"), key("ctrl-D"));
        assert_eq!(key("CTRL-d"), key("ctrl-d"));
        assert_eq!(key("PageDown"), key("pagedown"));
        assert_eq!(key("return"), key("enter"));
        assert_eq!(key("shift-space"), key("shift-space"));
        assert_eq!(key("ctrl--"), key("ctrl-minus"));
        assert_ne!(key("g"), key("G"));
    }

    #[test]
    fn the_keymap_documents_the_keys_that_are_accepted() {
        let header: String = crate::keymap::DEFAULT_KEYMAP
            .lines()
            .take_while(|l| l.starts_with('#'))
            .map(|l| l.trim_start_matches('#').trim())
            .collect::<Vec<_>>()
            .join(" ");
        for name in canonical_names() {
            assert!(
                header.contains(&format!(" {name},")),
                "{name} is not documented"
            );
        }
        assert!(header.contains(&format!("f1 … f{MAX_F}.")));
        assert!(header.contains("ctrl-, alt- and shift-"));
    }

    #[test]
    fn malformed_keys_are_refused_with_a_reason() {
        for (s, why) in [
            ("", "empty"),
            ("ctrl-", "unknown key"),
            ("pgdwn", "unknown key `pgdwn`"),
            (
                "hyper-x",
                "unknown modifier `hyper-`; modifiers are ctrl-, alt- and shift-",
            ),
            ("meta-j", "unknown modifier `meta-`"),
            ("ctrl-shift-meta-j", "unknown modifier `meta-`"),
            ("f13x", "f1 … f24; modifiers are ctrl-, alt- and shift-"),
            ("ctrl-ctrl-x", "twice"),
            (" ", "space"),
            ("f25", "unknown key"),
            ("shift-?", "cannot be typed"),
            ("\t", "control"),
        ] {
            let e = s.parse::<Key>().unwrap_err();
            assert!(e.contains(why), "{s:?}: {e}");
        }
    }
}
