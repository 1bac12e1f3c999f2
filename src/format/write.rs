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
        let inner = &p.text[m.range.clone()];
        if !writable(&p.text[..m.range.start], inner, &m.kind) {
            continue;
        }
        escape(&mut line, &p.text[at..m.range.start]);
        match &m.kind {
            MarkKind::Figure => {
                line.push_str("{{");
                escape(&mut line, inner);
                line.push_str("}}");
            }
            MarkKind::Plain => {
                line.push_str("{{!");
                escape(&mut line, inner);
                line.push_str("}}");
            }
            MarkKind::Term(target) => {
                line.push_str("[[");
                escape(&mut line, inner);
                if let Some(t) = target {
                    line.push('|');
                    line.push_str(t);
                }
                line.push_str("]]");
            }
        }
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

/// Can this mark be written so that it reads back the same? (Hand marks hold short phrases; the rare
/// one that cannot be written is kept as plain text rather than corrupting the paragraph.)
fn writable(before: &str, inner: &str, kind: &MarkKind) -> bool {
    let close = if matches!(kind, MarkKind::Term(_)) {
        ']'
    } else {
        '}'
    };
    !inner.is_empty()
        && !before.ends_with('\\')
        && !inner.contains([close, '\\', '|'])
        && (!matches!(kind, MarkKind::Figure) || !inner.starts_with('!'))
        && match kind {
            MarkKind::Term(Some(t)) => {
                !t.is_empty() && !t.contains([']', '|', '\\']) && t.trim() == t
            }
            _ => true,
        }
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
