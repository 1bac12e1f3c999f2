//! The annotated briefing format (docs/FORMAT.md): TOML front matter, then a line-oriented body.

use crate::model::Briefing;
use std::path::Path;

mod body;
pub(crate) mod front;
mod lint;
mod write;

pub use lint::{Warning, lint};

pub use front::valid_speaker_id;

pub use crate::diagnostic::{Diagnostic, ParseErrors, SourceMap};

/// Parse the text of an annotated briefing; `name` is used in diagnostics.
pub fn parse(src: &str, name: &str) -> Result<Briefing, ParseErrors> {
    let pos = SourceMap::new(name, src);
    let src_nobom = src.strip_prefix('\u{feff}').unwrap_or(src);
    let bom = src.len() - src_nobom.len();
    let mut lines = split_lines(src_nobom, bom);
    let first = lines.next();
    if first.map(|(_, l)| l.trim_end()) != Some("+++") {
        let hint =
            "an annotated briefing starts with `+++`, TOML front matter (title, speakers…), `+++`";
        return Err(ParseErrors(vec![pos.diag(
            bom,
            "expected `+++` on the first line",
            Some(hint),
        )]));
    }
    let front_start = first.map_or(0, |(at, l)| at + l.len() + 1).min(src.len());
    let mut front_end = None;
    // Line 1 is the opening `+++`; count on to the closing one.
    let mut closing_line = 1u32;
    for (at, line) in lines.by_ref() {
        closing_line += 1;
        if line.trim_end() == "+++" {
            front_end = Some(at);
            break;
        }
    }
    let Some(front_end) = front_end else {
        let hint = "close the front matter with a line `+++`";
        return Err(ParseErrors(vec![pos.diag(
            bom,
            "the front matter is not closed",
            Some(hint),
        )]));
    };
    let mut errs = Vec::new();
    let front = front::parse(&src[front_start..front_end], &pos, front_start, &mut errs);
    let speakers = front.as_ref().map(|f| &f.speakers[..]);
    let mut body = body::BodyParser::new(&pos, speakers);
    for (n, (at, line)) in lines.enumerate() {
        body.line(closing_line + 1 + n as u32, at, line);
    }
    let (sections, body_errs) = body.finish();
    errs.extend(body_errs);
    match front {
        Some(f) if errs.is_empty() => Ok(Briefing {
            meta: f.meta,
            speakers: f.speakers,
            glossary: f.glossary,
            sections,
        }),
        _ => Err(ParseErrors(errs)),
    }
}

/// Lines with the byte offset where each starts; `\r\n` endings lose their `\r`.
fn split_lines(src: &str, base: usize) -> impl Iterator<Item = (usize, &str)> {
    let mut at = 0;
    std::iter::from_fn(move || {
        if at >= src.len() {
            return None;
        }
        let end = memchr::memchr(b'\n', &src.as_bytes()[at..]).map_or(src.len(), |i| at + i);
        let line = src[at..end].strip_suffix('\r').unwrap_or(&src[at..end]);
        let start = at;
        at = end + 1;
        Some((base + start, line))
    })
}

/// The canonical text of a briefing: `parse(&write(b)) == b`, and `write` of a parsed canonical file
/// gives the same bytes back.
pub fn write(b: &Briefing) -> String {
    write::write(b)
}

/// Decode a file's bytes as UTF-8; the error names the line and column of the first invalid byte.
pub fn decode(name: &str, bytes: Vec<u8>) -> Result<String, Diagnostic> {
    String::from_utf8(bytes).map_err(|e| {
        let bytes = e.as_bytes();
        let at = e.utf8_error().valid_up_to();
        // Everything before the first invalid byte is valid UTF-8.
        let before = std::str::from_utf8(&bytes[..at]).unwrap_or_default();
        let (line, col) = SourceMap::new(name, before).line_col(at);
        Diagnostic {
            file: name.to_string(),
            line,
            col,
            message: format!("invalid UTF-8 (byte 0x{:02x})", bytes[at]),
            hint: Some("save the file as UTF-8".into()),
        }
    })
}

/// Read and parse a briefing file (UTF-8), reporting I/O and encoding problems as diagnostics too.
pub fn load(path: &Path) -> Result<Briefing, ParseErrors> {
    let name = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| {
        ParseErrors(vec![Diagnostic {
            file: name.clone(),
            line: 1,
            col: 1,
            message: format!("cannot read: {e}"),
            hint: None,
        }])
    })?;
    let text = decode(&name, bytes).map_err(|d| ParseErrors(vec![d]))?;
    parse(&text, &name)
}

#[cfg(test)]
mod tests;
