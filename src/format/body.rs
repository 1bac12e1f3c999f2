//! The body: `## kind [outlet]: title` section lines, `@id (kind):` turn lines, paragraphs, inline marks.

use super::{Diagnostic, SourceMap};
use crate::model::{
    Mark, MarkKind, Paragraph, Section, SectionKind, SourceLine, Speaker, SpeakerKind, Turn,
    TurnKind, UNNAMED_REPORTER,
};
use std::collections::HashMap;

/// Speaker ids and their kinds, looked up once per turn: a list scan per turn would make files with
/// many speakers quadratic.
pub struct SpeakerKinds<'a>(HashMap<&'a str, SpeakerKind>);

impl<'a> SpeakerKinds<'a> {
    pub fn new(speakers: &'a [Speaker]) -> Self {
        SpeakerKinds(speakers.iter().map(|s| (s.id.as_str(), s.kind)).collect())
    }

    /// Is `id` a speaker a turn may name (declared, or the predefined unnamed reporter)?
    pub fn known(&self, id: &str) -> bool {
        id == UNNAMED_REPORTER || self.0.contains_key(id)
    }

    /// The kind a turn has when its line does not say: reporters ask in Q&A, everybody else
    /// answers; outside Q&A everything is a statement.
    pub fn default_turn_kind(&self, section: SectionKind, id: &str) -> TurnKind {
        default_turn_kind(section, self.0.get(id).copied(), id)
    }
}

/// The default kind of a turn by speaker `id`, whose declared kind is `kind`.
fn default_turn_kind(section: SectionKind, kind: Option<SpeakerKind>, id: &str) -> TurnKind {
    if section != SectionKind::Qa {
        return TurnKind::Statement;
    }
    match kind {
        Some(SpeakerKind::Reporter) => TurnKind::Question,
        None if id == UNNAMED_REPORTER => TurnKind::Question,
        _ => TurnKind::Answer,
    }
}

/// Reads body lines into sections; collects diagnostics and keeps going.
pub struct BodyParser<'a> {
    pos: &'a SourceMap<'a>,
    /// The declared speakers; `None` when the front matter could not be read.
    speakers: Option<&'a [Speaker]>,
    kinds: SpeakerKinds<'a>,
    pub sections: Vec<Section>,
    pub errs: Vec<Diagnostic>,
    /// The lines of the paragraph being read: (byte offset of the line's text, text).
    para: Vec<(usize, &'a str)>,
    /// The line being read, and the line where the paragraph being read starts (1-based).
    lineno: u32,
    para_line: u32,
    reported_orphan: bool,
}

impl<'a> BodyParser<'a> {
    /// A parser for a body whose front matter declares `speakers` (`None`: it could not be read).
    pub fn new(pos: &'a SourceMap<'a>, speakers: Option<&'a [Speaker]>) -> Self {
        BodyParser {
            pos,
            speakers,
            kinds: SpeakerKinds::new(speakers.unwrap_or_default()),
            sections: Vec::new(),
            errs: Vec::new(),
            para: Vec::new(),
            lineno: 0,
            para_line: 0,
            reported_orphan: false,
        }
    }

    /// Feed line number `lineno` (without its line break), which starts at byte `at` of the file.
    pub fn line(&mut self, lineno: u32, at: usize, raw: &'a str) {
        self.lineno = lineno;
        let lead = raw.len() - raw.trim_start_matches([' ', '\t']).len();
        let line = raw[lead..].trim_end_matches([' ', '\t']);
        let at = at + lead;
        if line.is_empty() {
            self.flush();
        } else if line.starts_with("%%") {
        } else if let Some(rest) = line.strip_prefix("##") {
            self.flush();
            self.section_line(at, rest);
        } else if let Some(rest) = line.strip_prefix('@') {
            self.flush();
            self.turn_line(at, rest);
        } else if let Some(rest) = line.strip_prefix('\\') {
            let text = rest.trim_start_matches([' ', '\t']);
            self.push_para_line(at + 1 + rest.len() - text.len(), text);
        } else {
            self.push_para_line(at, line);
        }
    }

    fn push_para_line(&mut self, at: usize, text: &'a str) {
        if self.para.is_empty() {
            self.para_line = self.lineno;
        }
        self.para.push((at, text));
    }

    /// End of the body.
    pub fn finish(mut self) -> (Vec<Section>, Vec<Diagnostic>) {
        self.flush();
        self.close_section();
        self.sections.shrink_to_fit();
        (self.sections, self.errs)
    }

    fn err(&mut self, at: usize, msg: &str, hint: Option<&str>) {
        self.errs.push(self.pos.diag(at, msg, hint));
    }

    fn section_line(&mut self, at: usize, rest: &str) {
        let at = at + 2;
        let body = rest.trim_start();
        let body_at = at + (rest.len() - body.len());
        let kind_len = body
            .find(|c: char| c.is_whitespace() || c == '[' || c == ':')
            .unwrap_or(body.len());
        let word = &body[..kind_len];
        let Some(kind) = SectionKind::parse(word) else {
            let msg = if word.is_empty() {
                "expected a section kind after `##`".to_string()
            } else {
                format!("unknown section kind `{word}`")
            };
            self.err(
                body_at,
                &msg,
                Some("use one of: remarks, qa, report, closing"),
            );
            // Keep the following turns from being reported as outside a section.
            self.push_section(SectionKind::Remarks, None, None);
            return;
        };
        let mut rest = body[kind_len..].trim_start();
        let mut outlet = None;
        if let Some(o) = rest.strip_prefix('[') {
            let o_at = body_at + (body.len() - rest.len());
            let Some(end) = o.find(']') else {
                self.err(o_at, "`[` without `]` around the outlet", None);
                return;
            };
            if kind != SectionKind::Qa {
                self.err(o_at, "only `qa` sections name an outlet", None);
            }
            let name = o[..end].trim();
            outlet = (!name.is_empty()).then(|| name.to_string());
            rest = o[end + 1..].trim_start();
        }
        let title = if let Some(t) = rest.strip_prefix(':') {
            let t = t.trim();
            (!t.is_empty()).then(|| t.to_string())
        } else if rest.is_empty() {
            None
        } else {
            let r_at = body_at + (body.len() - rest.len());
            self.err(
                r_at,
                "expected `:` before the section title",
                Some("write `## qa [Outlet]: Title`"),
            );
            None
        };
        if let Some(c) = title
            .iter()
            .chain(outlet.iter())
            .flat_map(|s| s.chars())
            .find(|c| c.is_control())
        {
            self.err(
                at,
                &format!("control character U+{:04X} in a section line", c as u32),
                None,
            );
            return;
        }
        self.push_section(kind, title, outlet);
    }

    /// Vectors grow in steps of at least four: for a 10 MB briefing the slack would be tens of MB,
    /// so each section gives its spare room back when it ends.
    fn close_section(&mut self) {
        if let Some(s) = self.sections.last_mut() {
            if let Some(t) = s.turns.last_mut() {
                t.paragraphs.shrink_to_fit();
            }
            s.turns.shrink_to_fit();
        }
    }

    fn push_section(&mut self, kind: SectionKind, title: Option<String>, outlet: Option<String>) {
        self.close_section();
        self.sections.push(Section {
            kind,
            title,
            outlet,
            turns: Vec::new(),
            line: SourceLine(self.lineno),
        });
    }

    fn turn_line(&mut self, at: usize, rest: &'a str) {
        let id_len = rest
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
            .unwrap_or(rest.len());
        let id = &rest[..id_len];
        let mut tail = rest[id_len..].trim_start();
        let col_of = |s: &str| at + 1 + (rest.len() - s.len());
        if id.is_empty() {
            self.err(
                at + 1,
                "expected a speaker id after `@`",
                Some("write `@id:` with an id from [[speakers]]"),
            );
            return;
        }
        let mut kind = None;
        if let Some(k) = tail.strip_prefix('(') {
            let Some(end) = k.find(')') else {
                self.err(col_of(tail), "`(` without `)` around the turn kind", None);
                return;
            };
            let word = k[..end].trim();
            kind = TurnKind::parse(word);
            if kind.is_none() {
                self.err(
                    col_of(tail) + 1,
                    &format!("unknown turn kind `{word}`"),
                    Some("use one of: question, answer, statement"),
                );
                return;
            }
            tail = k[end + 1..].trim_start();
        }
        let Some(text) = tail.strip_prefix(':') else {
            self.err(
                col_of(tail),
                "expected `:` after the speaker",
                Some("write `@id:` or `@id (question):`"),
            );
            return;
        };
        if !self.kinds.known(id) {
            let ids: Option<Vec<&str>> = self
                .speakers
                .map(|ss| ss.iter().map(|s| s.id.as_str()).collect());
            let hint = match ids {
                None => {
                    "the speakers could not be read: fix the front matter's error first".to_string()
                }
                Some(ids) if ids.is_empty() => {
                    "no speakers are declared: add a [[speakers]] table, or use `reporter`"
                        .to_string()
                }
                Some(ids) => format!("declared speakers are: {} (or `reporter`)", ids.join(", ")),
            };
            self.err(
                at + 1,
                &format!("unknown speaker `{id}` in turn line"),
                Some(&hint),
            );
            // The turn is kept so that its paragraphs are not reported as outside a turn.
        }
        let Some(section) = self.sections.last_mut() else {
            self.err(
                at,
                "a turn before the first section",
                Some("start the body with a `## remarks` line"),
            );
            return;
        };
        let kind = kind.unwrap_or_else(|| self.kinds.default_turn_kind(section.kind, id));
        if let Some(t) = section.turns.last_mut() {
            t.paragraphs.shrink_to_fit();
        }
        section.turns.push(Turn {
            speaker: id.to_string(),
            kind,
            paragraphs: Vec::new(),
            line: SourceLine(self.lineno),
        });
        let text_start = text.trim_start();
        if !text_start.is_empty() {
            self.push_para_line(col_of(text_start), text_start);
        }
    }

    fn flush(&mut self) {
        if self.para.is_empty() {
            return;
        }
        let mut lines = std::mem::take(&mut self.para);
        // A line that was only `\` adds nothing, not even a separating space.
        lines.retain(|l| !l.1.is_empty());
        if lines.is_empty() {
            return;
        }
        let first = lines[0].0;
        let Some(turn) = self.sections.last_mut().and_then(|s| s.turns.last_mut()) else {
            if !self.reported_orphan {
                self.reported_orphan = true;
                self.err(
                    first,
                    "text outside a turn",
                    Some("start a turn with `@id:` on its own line"),
                );
            }
            return;
        };
        match inline(&lines) {
            Ok((text, _)) if text.trim().is_empty() => {}
            Ok((text, mut marks)) => turn.paragraphs.push(Paragraph {
                text,
                marks: {
                    marks.shrink_to_fit();
                    marks
                },
                line: SourceLine(self.para_line),
            }),
            Err((at, msg, hint)) => self.errs.push(self.pos.diag(at, &msg, hint)),
        }
    }
}

type InlineError = (usize, String, Option<&'static str>);

/// Bytes that may start markup or a control character (0xc2 leads the C1 controls in UTF-8).
const SPECIAL: [bool; 256] = {
    let mut t = [false; 256];
    let mut c = 0;
    while c < 0x20 {
        t[c] = true;
        c += 1;
    }
    t[0x7f] = true;
    t[0xc2] = true;
    t[b'\\' as usize] = true;
    t[b'[' as usize] = true;
    t[b'{' as usize] = true;
    t[b']' as usize] = true;
    t[b'}' as usize] = true;
    t[b'|' as usize] = true;
    t
};

/// Join a paragraph's lines and read its inline marks. Offsets in errors are file byte offsets.
fn inline(lines: &[(usize, &str)]) -> Result<(String, Vec<Mark>), InlineError> {
    let mut text = String::with_capacity(lines.iter().map(|l| l.1.len() + 1).sum());
    let mut marks = Vec::new();
    let mut open: Option<(usize, usize, bool)> = None; // (file offset, text offset, is term)
    let mut target: Option<usize> = None; // text offset of `|` in an open term
    for (li, &(base, line)) in lines.iter().enumerate() {
        if li > 0 {
            text.push(' ');
        }
        let b = line.as_bytes();
        let mut i = 0;
        let mut run = 0;
        while i < b.len() {
            let c = b[i];
            if !SPECIAL[c as usize] {
                i += 1;
                continue;
            }
            let two = b.get(i..i + 2);
            let step = match (c, two) {
                (b'\\', _) if matches!(b.get(i + 1..i + 3), Some(b"[[") | Some(b"{{")) => {
                    text.push_str(&line[run..i]);
                    text.push_str(&line[i + 1..i + 3]);
                    run = i + 3;
                    3
                }
                // In `[[[`, the mark opens at the last two brackets: prose may end with `[` before a mark.
                (b'[', Some(b"[[")) | (b'{', Some(b"{{"))
                    if open.is_none() && b.get(i + 2) != Some(&c) =>
                {
                    text.push_str(&line[run..i]);
                    run = i + 2;
                    open = Some((base + i, text.len(), c == b'['));
                    2
                }
                (b']', Some(b"]]")) | (b'}', Some(b"}}"))
                    if open.is_some_and(|o| o.2 == (c == b']')) =>
                {
                    text.push_str(&line[run..i]);
                    run = i + 2;
                    let (at, start, is_term) = open.take().unwrap_or_default();
                    marks.push(close_mark(&mut text, at, start, is_term, target.take())?);
                    2
                }
                (b'|', _) if open.is_some_and(|o| o.2) && target.is_none() => {
                    text.push_str(&line[run..i]);
                    run = i + 1;
                    target = Some(text.len());
                    1
                }
                _ => {
                    let ch = line[i..].chars().next().unwrap_or(' ');
                    if ch == '\t' {
                        text.push_str(&line[run..i]);
                        text.push(' ');
                        run = i + 1;
                    } else if ch.is_control() {
                        let msg = format!("control character U+{:04X} in the text", ch as u32);
                        return Err((
                            base + i,
                            msg,
                            Some("briefings may not carry terminal control codes"),
                        ));
                    }
                    ch.len_utf8()
                }
            };
            i += step;
        }
        text.push_str(&line[run..]);
    }
    if let Some((at, _, is_term)) = open {
        let (o, c) = if is_term { ("[[", "]]") } else { ("{{", "}}") };
        let msg = format!("`{o}` is not closed by `{c}` in this paragraph");
        return Err((
            at,
            msg,
            Some("close the mark, or write `\\[[` / `\\{{` for literal brackets"),
        ));
    }
    Ok((text, marks))
}

fn close_mark(
    text: &mut String,
    at: usize,
    start: usize,
    is_term: bool,
    target: Option<usize>,
) -> Result<Mark, InlineError> {
    let (end, kind) = if is_term {
        match target {
            Some(bar) => {
                let term = text[bar..].trim().to_string();
                text.truncate(bar);
                if term.is_empty() {
                    return Err((at, "empty glossary term after `|`".into(), None));
                }
                (bar, MarkKind::Term(Some(term)))
            }
            None => (text.len(), MarkKind::Term(None)),
        }
    } else if text[start..].starts_with('!') {
        text.replace_range(start..start + 1, "");
        (text.len(), MarkKind::Plain)
    } else {
        (text.len(), MarkKind::Figure)
    };
    if end == start {
        return Err((
            at,
            "empty mark".into(),
            Some("write text between the brackets"),
        ));
    }
    Ok(Mark {
        range: start..end,
        kind,
    })
}
