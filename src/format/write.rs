//! The canonical text of a briefing (see "Canonical form" in docs/FORMAT.md).

use super::body::SpeakerKinds;
use crate::model::{Briefing, MarkKind, Paragraph, Section};
use std::fmt::Write as _;

/// Write a briefing canonically.
pub fn write(b: &Briefing) -> String {
    let body_len: usize = b.paragraphs().map(|(_, p)| p.text.len() + 8).sum();
    let mut out = String::with_capacity(body_len + 4096);
    out.push_str("+++\n");
    out.push_str(&super::front::write(&b.meta, &b.speakers, &b.glossary));
    if !out.ends_with('\n') {
        out.push('\n');
    }
    out.push_str("+++\n");
    let kinds = SpeakerKinds::new(&b.speakers);
    for s in &b.sections {
        out.push('\n');
        section_line(&mut out, s);
        for t in &s.turns {
            out.push('\n');
            let _ = write!(out, "@{}", t.speaker);
            if t.kind != kinds.default_turn_kind(s.kind, &t.speaker) {
                let _ = write!(out, " ({})", t.kind);
            }
            out.push_str(":\n");
            for (i, p) in t.paragraphs.iter().enumerate() {
                if i > 0 {
                    out.push('\n');
                }
                paragraph(&mut out, p);
                out.push('\n');
            }
        }
    }
    out
}

fn section_line(out: &mut String, s: &Section) {
    let _ = write!(out, "## {}", s.kind);
    if let Some(o) = &s.outlet {
        let _ = write!(out, " [{o}]");
    }
    if let Some(t) = &s.title {
        let _ = write!(out, ": {t}");
    }
    out.push('\n');
}

/// A paragraph on one line, with its marks and the escapes that keep prose from being read as markup.
fn paragraph(out: &mut String, p: &Paragraph) {
    let mut line = String::with_capacity(p.text.len() + 8);
    let mut at = 0;
    for m in &p.marks {
        let mut gap = String::new();
        escape(&mut gap, &p.text[at..m.range.start]);
        let Some(mark) = written_mark(&p.text[m.range.clone()], &m.kind) else {
            continue;
        };
        // `\[[` would read as a literal bracket: a mark right after a backslash cannot be written.
        if gap.ends_with('\\') {
            continue;
        }
        line.push_str(&gap);
        line.push_str(&mark);
        at = m.range.end;
    }
    escape(&mut line, &p.text[at..]);
    if line.starts_with("##")
        || line.starts_with('@')
        || line.starts_with('\\')
        || line.starts_with("%%")
    {
        out.push('\\');
    }
    out.push_str(&line);
}

/// The markup of one mark, or None where no markup reads back the same (the parser closes a mark at the
/// first closing pair, opens it at the last of `[[[`, and splits a term at its first `|`). Hand marks hold
/// short phrases; the rare one that cannot be written is kept as plain text rather than corrupting the
/// paragraph.
fn written_mark(inner: &str, kind: &MarkKind) -> Option<String> {
    let (open, close, prefix) = match kind {
        MarkKind::Term(_) => ("[[", "]]", ""),
        MarkKind::Figure => ("{{", "}}", ""),
        MarkKind::Plain => ("{{", "}}", "!"),
    };
    let mut body = String::with_capacity(inner.len() + 8);
    escape(&mut body, inner);
    let inside_ok = !inner.is_empty()
        && match kind {
            MarkKind::Term(_) => !body.starts_with('[') && !inner.contains('|'),
            MarkKind::Figure => !body.starts_with(['{', '!']),
            MarkKind::Plain => true,
        };
    if !inside_ok {
        return None;
    }
    if let MarkKind::Term(Some(target)) = kind {
        if target.is_empty() || target.trim() != target {
            return None;
        }
        body.push('|');
        escape(&mut body, target);
        // The parser trims the target, so a space keeps a final `]` from closing the mark early.
        if target.ends_with(']') {
            body.push(' ');
        }
    }
    let close_char = &close[..1];
    if body.contains(close) || body.ends_with(close_char) {
        return None;
    }
    Some(format!("{open}{prefix}{body}{close}"))
}

fn escape(out: &mut String, text: &str) {
    let mut rest = text;
    while let Some(i) = rest.find(['[', '{']) {
        let c = rest.as_bytes()[i];
        if rest.as_bytes().get(i + 1) == Some(&c) {
            out.push_str(&rest[..i]);
            out.push('\\');
            out.push_str(&rest[i..i + 2]);
            rest = &rest[i + 2..];
        } else {
            out.push_str(&rest[..i + 1]);
            rest = &rest[i + 1..];
        }
    }
    out.push_str(rest);
}
