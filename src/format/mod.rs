//! The annotated briefing format (docs/FORMAT.md): TOML front matter, then a line-oriented body.

use crate::model::Briefing;
use std::fmt;
use std::path::Path;

mod body;
pub(crate) mod front;
mod lint;
mod write;

pub use lint::{Warning, lint};

pub use front::valid_speaker_id;

/// One problem in a file, located by 1-based line and column (in characters).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub file: String,
    pub line: u32,
    pub col: u32,
    pub message: String,
    pub hint: Option<String>,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.file, self.line, self.col, self.message
        )?;
        if let Some(h) = &self.hint {
            write!(f, "\n  hint: {h}")?;
        }
        Ok(())
    }
}

/// Every problem found in one file, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseErrors(pub Vec<Diagnostic>);

impl fmt::Display for ParseErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, d) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{d}")?;
        }
        Ok(())
    }
}

impl std::error::Error for ParseErrors {}

/// Maps byte offsets of a file to 1-based lines and columns (columns count characters).
pub struct Position<'a> {
    name: &'a str,
    src: &'a str,
    /// Built on the first diagnostic: files without errors never need it.
    line_starts: std::cell::OnceCell<Vec<usize>>,
}

impl<'a> Position<'a> {
    pub fn new(name: &'a str, src: &'a str) -> Self {
        Position {
            name,
            src,
            line_starts: std::cell::OnceCell::new(),
        }
    }

    fn line_starts(&self) -> &[usize] {
        self.line_starts.get_or_init(|| {
            let mut starts = vec![0];
            starts.extend(memchr::memchr_iter(b'\n', self.src.as_bytes()).map(|i| i + 1));
            starts
        })
    }

    /// The 1-based line of a byte offset.
    pub fn line_of(&self, at: usize) -> u32 {
        self.line_starts().partition_point(|&s| s <= at) as u32
    }

    /// A diagnostic at a byte offset.
    pub fn diag(&self, at: usize, message: &str, hint: Option<&str>) -> Diagnostic {
        let at = at.min(self.src.len());
        let line = self.line_of(at);
        let start = self.line_starts()[line as usize - 1];
        let col = self.src.get(start..at).map_or(1, |s| s.chars().count() + 1) as u32;
        Diagnostic {
            file: self.name.to_string(),
            line,
            col,
            message: message.to_string(),
            hint: hint.map(str::to_string),
        }
    }
}

/// Parse the text of an annotated briefing; `name` is used in diagnostics.
pub fn parse(src: &str, name: &str) -> Result<Briefing, ParseErrors> {
    let pos = Position::new(name, src);
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
        let before = &bytes[..at];
        let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
        let line_start = before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
        let col = String::from_utf8_lossy(&before[line_start..])
            .chars()
            .count()
            + 1;
        Diagnostic {
            file: name.to_string(),
            line: line as u32,
            col: col as u32,
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
