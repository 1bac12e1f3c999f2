//! Problems in the files a user writes (briefings, glossaries, keymaps, state files): each is
//! located by file, 1-based line and column (in characters), said with a hint where there is
//! one, and printed the same way whichever file it is in.

use std::fmt;

/// One problem in a file, located by 1-based line and column (in characters). Line 0 is the
/// file as a whole (it could not be read at all).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Diagnostic {
    pub file: String,
    pub line: u32,
    pub col: u32,
    pub message: String,
    pub hint: Option<String>,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            0 => write!(f, "{}: {}", self.file, self.message)?,
            line => write!(f, "{}:{line}:{}: {}", self.file, self.col, self.message)?,
        }
        if let Some(h) = &self.hint {
            write!(f, "\n  hint: {h}")?;
        }
        Ok(())
    }
}

impl Diagnostic {
    /// A problem with the file as a whole, such as one that cannot be read.
    pub fn about_file(file: &str, message: impl Into<String>) -> Self {
        Diagnostic {
            file: file.to_string(),
            line: 0,
            col: 0,
            message: message.into(),
            hint: None,
        }
    }

    /// The 1-based line and column, `None` for the file as a whole.
    pub fn position(&self) -> Option<(u32, u32)> {
        (self.line > 0).then_some((self.line, self.col))
    }
}

impl std::error::Error for Diagnostic {}

/// Every problem found in one file, in order.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
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
pub struct SourceMap<'a> {
    name: &'a str,
    src: &'a str,
    /// Built on the first diagnostic: files without errors never need it.
    line_starts: std::cell::OnceCell<Vec<usize>>,
}

impl<'a> SourceMap<'a> {
    pub fn new(name: &'a str, src: &'a str) -> Self {
        SourceMap {
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

    /// The 1-based line and column (in characters) of a byte offset.
    pub fn line_col(&self, at: usize) -> (u32, u32) {
        let at = at.min(self.src.len());
        let line = self.line_of(at);
        let start = self.line_starts()[line as usize - 1];
        let col = self.src.get(start..at).map_or(1, |s| s.chars().count() + 1) as u32;
        (line, col)
    }

    /// A diagnostic at a byte offset.
    pub fn diag(&self, at: usize, message: &str, hint: Option<&str>) -> Diagnostic {
        let (line, col) = self.line_col(at);
        Diagnostic {
            file: self.name.to_string(),
            line,
            col,
            message: message.to_string(),
            hint: hint.map(str::to_string),
        }
    }
}
