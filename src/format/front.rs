//! The TOML front matter: metadata, speakers, glossary.

use super::{Diagnostic, SourceMap};
use crate::model::{GlossaryEntry, Meta, Speaker, SpeakerKind};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use toml::Spanned;

/// The front matter as it is written; converted to model types after validation.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFront {
    title: Spanned<String>,
    date: Option<String>,
    time: Option<String>,
    place: Option<String>,
    source: Option<String>,
    url: Option<String>,
    language: Option<String>,
    editor: Option<String>,
    notes: Option<String>,
    #[serde(default)]
    speakers: Vec<RawSpeaker>,
    #[serde(default)]
    glossary: Vec<RawEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSpeaker {
    id: Spanned<String>,
    name: Spanned<String>,
    role: Option<String>,
    org: Option<String>,
    #[serde(default)]
    kind: SpeakerKind,
}

/// A glossary entry as written (in front matter or in a shared `glossary.toml`).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawEntry {
    term: Spanned<String>,
    #[serde(default)]
    definition: Option<String>,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    proposed: bool,
}

/// What the front matter holds, once checked.
pub struct Front {
    pub meta: Meta,
    pub speakers: Vec<Speaker>,
    pub glossary: Vec<GlossaryEntry>,
}

/// Is `id` usable in a turn line (`@id:`)?
pub fn valid_speaker_id(id: &str) -> bool {
    let mut chars = id.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// Parse the front matter text, which starts at byte `base` of the file; problems go to `errs`.
pub fn parse(
    text: &str,
    pos: &SourceMap,
    base: usize,
    errs: &mut Vec<Diagnostic>,
) -> Option<Front> {
    check_control_escapes(text, pos, base, errs);
    let raw: RawFront = match toml::from_str(text) {
        Ok(raw) => raw,
        Err(e) => {
            let at = e.span().map_or(0, |s| s.start);
            let msg = e.message().trim().replace('\n', " ");
            errs.push(pos.diag(base + at, &format!("front matter: {msg}"), None));
            return None;
        }
    };
    let before = errs.len();
    if raw.title.get_ref().trim().is_empty() {
        errs.push(pos.diag(base + raw.title.span().start, "the title is empty", None));
    }
    let mut speakers: Vec<Speaker> = Vec::new();
    let mut ids: HashSet<String> = HashSet::new();
    for s in raw.speakers {
        let id = s.id.get_ref();
        let at = base + s.id.span().start;
        if !valid_speaker_id(id) {
            errs.push(pos.diag(
                at,
                &format!("invalid speaker id `{id}`"),
                Some("ids are ASCII letters, digits, `-` and `_`, starting with a letter"),
            ));
        } else if !ids.insert(id.clone()) {
            errs.push(pos.diag(at, &format!("speaker id `{id}` is declared twice"), None));
        }
        if s.name.get_ref().trim().is_empty() {
            errs.push(pos.diag(
                base + s.name.span().start,
                "the speaker's name is empty",
                None,
            ));
        }
        speakers.push(Speaker {
            id: s.id.into_inner(),
            name: one_line(s.name.into_inner()),
            role: s.role.map(one_line),
            org: s.org.map(one_line),
            kind: s.kind,
        });
    }
    let glossary = glossary_entries(raw.glossary, pos, base, errs);
    if errs.len() > before {
        return None;
    }
    let meta = Meta {
        title: one_line(raw.title.into_inner()),
        date: raw.date.map(one_line),
        time: raw.time.map(one_line),
        place: raw.place.map(one_line),
        source: raw.source.map(one_line),
        url: raw.url.map(one_line),
        language: raw.language.map(one_line),
        editor: raw.editor.map(one_line),
        notes: raw.notes.map(|n| n.replace('\t', " ").trim().to_string()),
    };
    Some(Front {
        meta,
        speakers,
        glossary,
    })
}

/// Check glossary entries as written (`base`: where their TOML text starts in the file): each needs a
/// term, a definition unless `proposed`, and a term of its own (case-insensitively).
pub fn glossary_entries(
    raw: Vec<RawEntry>,
    pos: &SourceMap,
    base: usize,
    errs: &mut Vec<Diagnostic>,
) -> Vec<GlossaryEntry> {
    let mut out: Vec<GlossaryEntry> = Vec::with_capacity(raw.len());
    let mut seen: HashSet<String> = HashSet::new();
    for g in raw {
        let at = base + g.term.span().start;
        let term = one_line(g.term.into_inner());
        let definition = g.definition.map(one_line).unwrap_or_default();
        if term.is_empty() {
            errs.push(pos.diag(at, "the glossary term is empty", None));
        } else if definition.is_empty() && !g.proposed {
            errs.push(pos.diag(
                at,
                &format!("glossary term `{term}` has no definition"),
                Some("write a `definition`, or mark the entry `proposed = true`"),
            ));
        } else if !seen.insert(term.to_lowercase()) {
            errs.push(pos.diag(
                at,
                &format!("glossary term `{term}` is defined twice"),
                Some("merge the two entries, or make one form an alias of the other"),
            ));
        }
        out.push(GlossaryEntry {
            term,
            definition,
            aliases: g.aliases.into_iter().map(one_line).collect(),
            proposed: g.proposed,
        });
    }
    out
}

/// Tabs and line breaks in a single-line field become spaces, and the ends are trimmed.
fn one_line(s: String) -> String {
    if s.contains(['\t', '\n', '\r']) {
        s.split(['\t', '\n', '\r'])
            .filter(|p| !p.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
            .trim()
            .to_string()
    } else if s.trim().len() != s.len() {
        s.trim().to_string()
    } else {
        s
    }
}

/// Report every TOML escape in `text` (at byte `base` of its file) that would put a terminal
/// control code into a string: the rule for a briefing's front matter and for glossary files.
pub fn check_control_escapes(text: &str, pos: &SourceMap, base: usize, errs: &mut Vec<Diagnostic>) {
    for esc in control_escapes(text) {
        errs.push(pos.diag(
            base + esc,
            "control character in a string: brief files may not carry terminal control codes",
            Some("remove the escape (\\u0000–\\u001f, \\u007f–\\u009f, \\b, \\f, \\e)"),
        ));
    }
}

/// Byte offsets of TOML escapes that would put a control character (other than tab, CR, LF) into a
/// string. Only basic strings (`"…"`, `"""…"""`) have escapes; literal strings and comments are skipped.
fn control_escapes(text: &str) -> Vec<usize> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    // The closing delimiter while inside a basic string.
    let mut in_basic: Option<&[u8]> = None;
    while i < b.len() {
        let rest = &b[i..];
        match in_basic {
            None => match b[i] {
                b'#' => i += memchr::memchr(b'\n', rest).unwrap_or(rest.len()),
                b'\'' => {
                    let delim: &[u8] = if rest.starts_with(b"'''") {
                        b"'''"
                    } else {
                        b"'"
                    };
                    let body = &rest[delim.len()..];
                    let end =
                        memchr::memmem::find(body, delim).map_or(body.len(), |e| e + delim.len());
                    i += delim.len() + end;
                }
                b'"' => {
                    let delim: &[u8] = if rest.starts_with(b"\"\"\"") {
                        b"\"\"\""
                    } else {
                        b"\""
                    };
                    in_basic = Some(delim);
                    i += delim.len();
                }
                _ => i += 1,
            },
            Some(delim) if rest.starts_with(delim) => {
                in_basic = None;
                i += delim.len();
            }
            Some(_) if b[i] == b'\\' && i + 1 < b.len() => {
                if control_escape_at(text, i) {
                    out.push(i);
                }
                i += 2;
            }
            Some(_) => i += 1,
        }
    }
    out
}

/// Does the escape starting at byte `i` (a backslash) stand for a control character?
fn control_escape_at(text: &str, i: usize) -> bool {
    let hex = |len: usize| {
        text.get(i + 2..i + 2 + len)
            .and_then(|h| u32::from_str_radix(h, 16).ok())
    };
    let code = match text.as_bytes()[i + 1] {
        b'b' => Some(8),
        b'f' => Some(12),
        b'e' => Some(27),
        b'u' => hex(4),
        b'U' => hex(8),
        _ => None,
    };
    code.and_then(char::from_u32)
        .is_some_and(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
}

/// The front matter as written by `brief fmt`: keys in a fixed order.
#[derive(Serialize)]
struct OutFront<'a> {
    #[serde(flatten)]
    meta: &'a Meta,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    speakers: &'a [Speaker],
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    glossary: &'a [GlossaryEntry],
}

/// The canonical TOML text of the front matter (without the `+++` lines).
pub fn write(meta: &Meta, speakers: &[Speaker], glossary: &[GlossaryEntry]) -> String {
    let out = OutFront {
        meta,
        speakers,
        glossary,
    };
    toml::to_string(&out).unwrap_or_else(|e| {
        // Serialising plain strings, bools and arrays of tables cannot fail; keep the data anyway.
        format!(
            "# could not write front matter: {e}\ntitle = {:?}\n",
            meta.title
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_escapes_are_found() {
        assert_eq!(control_escapes(r#"a = "x\u001b[31m""#), vec![6]);
        assert_eq!(control_escapes(r#"a = "x\e""#), vec![6]);
        assert!(control_escapes(r#"a = "tab\there\nline \\u001b""#).is_empty());
        assert!(control_escapes(r#"a = '\e' # "\e""#).is_empty());
        assert_eq!(
            control_escapes("a = '''x'''\nb = \"\"\"\n\\b\"\"\""),
            vec![20]
        );
    }

    #[test]
    fn speaker_ids_are_checked() {
        assert!(valid_speaker_id("tian"));
        assert!(valid_speaker_id("wang-peng_2"));
        assert!(!valid_speaker_id("2tian"));
        assert!(!valid_speaker_id("ti an"));
        assert!(!valid_speaker_id(""));
    }
}
