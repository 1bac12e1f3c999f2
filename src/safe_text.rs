//! The one place where text from outside (file contents, file names, state fields, keymap text,
//! OS error messages) is made safe for a terminal before anything prints or draws it.
//!
//! Unsafe are the control characters (C0, DEL and C1: U+009B alone is a CSI to many terminals)
//! and the invisible format characters that make a passage read differently from what it is:
//! bidi embeddings, overrides and isolates, marks, zero-width spaces and joiners, the BOM.

use std::borrow::Cow;

/// Whether `c` may not reach a terminal as it is.
pub fn is_unsafe(c: char) -> bool {
    c.is_control() || is_invisible_format(c)
}

/// Bidi controls and zero-width characters.
fn is_invisible_format(c: char) -> bool {
    matches!(
        c,
        '\u{061C}'
            | '\u{180E}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}'
            | '\u{FEFF}'
    )
}

/// `s` with every unsafe character drawn as U+FFFD: for the screen, the clipboard and state
/// fields, where one cell must stay one cell.
pub fn replaced(s: &str) -> Cow<'_, str> {
    map_unsafe(s, |_, out| out.push('\u{FFFD}'), |_| false)
}

/// `s` for a message or a text output: line breaks and tabs stay, every other unsafe character
/// is shown as its escape (`\u{1b}`), so a reader sees what the file holds.
pub fn for_terminal(s: &str) -> Cow<'_, str> {
    map_unsafe(
        s,
        |c, out| out.push_str(&format!("\\u{{{:x}}}", u32::from(c))),
        |c| matches!(c, '\n' | '\t'),
    )
}

/// Serialised JSON with the unsafe characters that serde leaves raw (C1, bidi, zero-width)
/// written as `\uXXXX` escapes; they can stand only inside strings, where the escape is valid.
pub fn for_json(json: &str) -> Cow<'_, str> {
    map_unsafe(
        json,
        |c, out| out.push_str(&format!("\\u{:04x}", u32::from(c))),
        |c| matches!(c, '\n' | '\t' | '\r'),
    )
}

/// `s` with each unsafe character (but those `keep` allows) written by `write`, borrowed when
/// there is none.
fn map_unsafe(
    s: &str,
    write: impl Fn(char, &mut String),
    keep: impl Fn(char) -> bool,
) -> Cow<'_, str> {
    let bad = |c: char| is_unsafe(c) && !keep(c);
    if !s.chars().any(bad) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        if bad(c) {
            write(c, &mut out);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_c0_c1_bidi_and_zero_width_visibly() {
        let s = "qa\u{1b}]0;pwned\u{7}\u{9b}31m \u{202e}abc\u{2066} a\u{200b}b";
        let t = for_terminal(s);
        assert_eq!(
            t,
            "qa\\u{1b}]0;pwned\\u{7}\\u{9b}31m \\u{202e}abc\\u{2066} a\\u{200b}b"
        );
        assert!(!t.chars().any(is_unsafe));
        assert_eq!(for_terminal("line\n\tnext"), "line\n\tnext");
    }

    #[test]
    fn the_screen_gets_one_replacement_a_character() {
        assert_eq!(replaced("a\u{1b}[31mb\u{202e}"), "a\u{FFFD}[31mb\u{FFFD}");
        assert!(matches!(replaced("plain 中文"), Cow::Borrowed(_)));
    }

    #[test]
    fn json_keeps_its_shape() {
        let json = serde_json::to_string(&"a\u{1b}b\u{85}c\u{202e}").unwrap();
        let safe = for_json(&json);
        assert_eq!(safe, "\"a\\u001bb\\u0085c\\u202e\"");
        let back: String = serde_json::from_str(&safe).unwrap();
        assert_eq!(back, "a\u{1b}b\u{85}c\u{202e}");
    }
}
