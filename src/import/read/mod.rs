//! The reading stage: any input (plain text, a saved web page, a PDF, a Markdown export) becomes
//! the same thing, a clean text whose lines are blocks separated by blank lines, each line
//! knowing where it came from in the original, plus what the container says about itself.
//!
//! Every later stage of the importer works on [`Read::text`] and never sees markup. The stages
//! here are pure: bytes in, [`Read`] or a [`ReadError`] out. Fetching a link is the command
//! line's business (`cli::fetch`), which hands the body and its content type to [`read`].

pub mod decode;
pub mod html;
pub mod markdown;
pub mod paged;
pub mod pdf;

use std::fmt;

/// What kind of container the input was.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Markdown,
    Html,
    Pdf,
}

impl Format {
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Markdown => "Markdown",
            Format::Html => "HTML",
            Format::Pdf => "PDF",
        }
    }
}

/// Where a line of [`Read::text`] came from: a line of the original, or a page and a line on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Place {
    pub page: Option<u32>,
    pub line: u32,
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.page {
            Some(p) => write!(f, "page {p}, line {}", self.line),
            None => write!(f, "line {}", self.line),
        }
    }
}

/// What the container carries about the document (an HTML `<title>`, a PDF's page count).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ContainerMeta {
    pub title: Option<String>,
    pub date: Option<String>,
    pub url: Option<String>,
    pub pages: Option<u32>,
}

/// Something the reading stage left out, and where it was.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dropped {
    pub at: Place,
    pub what: String,
}

/// The input, read.
#[derive(Debug, Clone)]
pub struct Read {
    pub format: Format,
    /// Clean text: one block per paragraph or line, blocks separated by blank lines.
    pub text: String,
    /// The place of each line of `text` (index = line number − 1); empty when every line is the
    /// line of the same number in the original.
    pub places: Vec<Place>,
    pub meta: ContainerMeta,
    pub dropped: Vec<Dropped>,
    /// Warnings the user should see even without `--explain` (a lossy decoding).
    pub warnings: Vec<String>,
}

impl Read {
    /// Where line `no` (1-based) of [`Read::text`] came from; line 0 is the text as a whole.
    pub fn place(&self, no: u32) -> Place {
        if no == 0 || self.places.is_empty() {
            return Place {
                page: None,
                line: no,
            };
        }
        let i = (no as usize - 1).min(self.places.len() - 1);
        self.places[i]
    }
}

/// Why an input could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadError(pub String);

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// What is known about an input besides its bytes.
#[derive(Debug, Clone, Copy, Default)]
pub struct Hint<'a> {
    /// The file name's extension, lower case, without the dot.
    pub extension: Option<&'a str>,
    /// A `Content-Type` header's media type, lower case (`text/html`).
    pub content_type: Option<&'a str>,
}

const SUPPORTED: &str = "plain text, HTML, PDF and Markdown";

/// Read an input of any supported format.
pub fn read(bytes: &[u8], hint: Hint) -> Result<Read, ReadError> {
    let kind = sniff(bytes, hint)?;
    let read = match kind {
        Format::Pdf => {
            let mut read = pdf::read(bytes)?;
            paged::clean(&mut read);
            read
        }
        _ => {
            let (text, warning) = decode::text(bytes, kind == Format::Html);
            let mut read = read_text(&text, kind);
            read.warnings.extend(warning);
            read
        }
    };
    if read.text.trim().is_empty() {
        return Err(ReadError(format!(
            "no text found in this {} input",
            read.format.name()
        )));
    }
    Ok(read)
}

/// Read text that is already decoded, as `kind` or as what it turns out to be: HTML written as
/// an escaped string is unescaped, HTML pasted into a text file is read as HTML.
pub fn read_text(text: &str, kind: Format) -> Read {
    let unescaped = decode::literals(text);
    let text = unescaped.as_deref().unwrap_or(text);
    let kind = match kind {
        Format::Text | Format::Markdown if html::looks_like_html(text) => Format::Html,
        Format::Text if markdown::looks_like_markdown(text) => Format::Markdown,
        k => k,
    };
    let mut read = match kind {
        Format::Html => html::read(text),
        Format::Markdown => markdown::read(text),
        _ => Read {
            format: Format::Text,
            text: text.to_string(),
            places: Vec::new(),
            meta: ContainerMeta::default(),
            dropped: Vec::new(),
            warnings: Vec::new(),
        },
    };
    if unescaped.is_some() {
        read.dropped.push(Dropped {
            at: Place::default(),
            what: "the text was written as an escaped string literal; read unescaped".into(),
        });
    }
    paged::clean(&mut read);
    read
}

/// The format of an input, from its first bytes, its name and its content type. Formats that
/// are not text (a word-processor file, an image, an archive) are refused by name.
pub fn sniff(bytes: &[u8], hint: Hint) -> Result<Format, ReadError> {
    let head = &bytes[..bytes.len().min(1024)];
    if memchr::memmem::find(head, b"%PDF-").is_some()
        || hint.content_type == Some("application/pdf")
    {
        return Ok(Format::Pdf);
    }
    if let Some(what) = binary_kind(bytes, hint.extension) {
        return Err(ReadError(format!(
            "{what}: not a supported format (brief imports {SUPPORTED})"
        )));
    }
    Ok(match (hint.extension, hint.content_type) {
        (Some("pdf"), _) => {
            return Err(ReadError(
                "named .pdf but not a PDF (no %PDF- header): the file is damaged or mislabelled"
                    .into(),
            ));
        }
        (Some("html" | "htm" | "xhtml" | "shtml"), _)
        | (_, Some("text/html" | "application/xhtml+xml")) => Format::Html,
        (Some("md" | "markdown" | "mdx"), _) | (_, Some("text/markdown")) => Format::Markdown,
        _ => Format::Text,
    })
}

/// What a non-text input is, by its signature or its name.
fn binary_kind(bytes: &[u8], extension: Option<&str>) -> Option<&'static str> {
    const SIGNATURES: &[(&[u8], &str)] = &[
        (
            b"PK\x03\x04",
            "a zip archive (or a .docx, .odt, .epub, .xlsx)",
        ),
        (b"\xd0\xcf\x11\xe0", "an old Office document (.doc, .xls)"),
        (b"{\\rtf", "an RTF document"),
        (b"\x89PNG", "a PNG image"),
        (b"\xff\xd8\xff", "a JPEG image"),
        (b"GIF8", "a GIF image"),
        (b"RIFF", "a RIFF file (audio, video or WebP)"),
        (b"\x1f\x8b", "a gzip archive"),
        (b"7z\xbc\xaf", "a 7-Zip archive"),
        (b"Rar!", "a RAR archive"),
        (b"%!PS", "a PostScript file"),
        (b"ID3", "an MP3 file"),
        (b"OggS", "an Ogg file"),
        (b"\x7fELF", "a program"),
    ];
    if let Some((_, what)) = SIGNATURES.iter().find(|(sig, _)| bytes.starts_with(sig)) {
        return Some(what);
    }
    if bytes.len() > 8 && &bytes[4..8] == b"ftyp" {
        return Some("a video or image file (MP4, MOV, HEIC)");
    }
    let Some(extension) = extension else {
        return text_is_binary(bytes).then_some("binary data");
    };
    let by_name = match extension {
        "docx" | "doc" | "odt" | "rtf" | "pages" => "a word-processor document",
        "xlsx" | "xls" | "ods" | "csv" if bytes.contains(&0) => "a spreadsheet",
        "pptx" | "ppt" | "odp" | "key" => "a presentation",
        "png" | "jpg" | "jpeg" | "gif" | "webp" | "tif" | "tiff" | "bmp" | "heic" => "an image",
        "zip" | "gz" | "tgz" | "7z" | "rar" | "bz2" | "xz" => "an archive",
        "mp3" | "mp4" | "m4a" | "wav" | "mov" | "mkv" | "webm" => "an audio or video file",
        "epub" | "mobi" => "an e-book",
        _ => return text_is_binary(bytes).then_some("binary data"),
    };
    Some(by_name)
}

/// Text has no NUL bytes; UTF-16 is decoded before this question matters.
fn text_is_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    !decode::is_utf16(head) && head.iter().filter(|&&b| b == 0).count() > head.len() / 100 + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_are_told_apart_by_content_and_name() {
        let h = Hint::default();
        assert_eq!(sniff(b"%PDF-1.7\n", h), Ok(Format::Pdf));
        assert_eq!(sniff(b"plain words", h), Ok(Format::Text));
        let md = Hint {
            extension: Some("md"),
            ..h
        };
        assert_eq!(sniff(b"# Title", md), Ok(Format::Markdown));
        let html = Hint {
            content_type: Some("text/html"),
            ..h
        };
        assert_eq!(sniff(b"<p>x</p>", html), Ok(Format::Html));
        let err = sniff(b"PK\x03\x04rest", h).unwrap_err();
        assert!(err.0.contains("not a supported format"), "{err}");
        assert!(err.0.contains("HTML, PDF and Markdown"), "{err}");
        let docx = Hint {
            extension: Some("docx"),
            ..h
        };
        assert!(sniff(b"whatever", docx).is_err());
        assert!(sniff(b"\0\0\0\0\0\0\0\0\0\0x", h).is_err());
        let fake_pdf = Hint {
            extension: Some("pdf"),
            ..h
        };
        assert!(
            sniff(b"hello", fake_pdf)
                .unwrap_err()
                .0
                .contains("not a PDF")
        );
    }

    #[test]
    fn an_input_without_text_is_an_error() {
        let html = Hint {
            extension: Some("html"),
            content_type: None,
        };
        let err = read(b"<html><script>x()</script></html>", html).unwrap_err();
        assert!(err.0.contains("no text"), "{err}");
        assert!(read(b"   \n\n", Hint::default()).is_err());
    }

    #[test]
    fn places_map_lines_back() {
        let r = Read {
            format: Format::Pdf,
            text: "a\nb".into(),
            places: vec![
                Place {
                    page: Some(1),
                    line: 3,
                },
                Place {
                    page: Some(2),
                    line: 1,
                },
            ],
            meta: ContainerMeta::default(),
            dropped: Vec::new(),
            warnings: Vec::new(),
        };
        assert_eq!(r.place(2).to_string(), "page 2, line 1");
        assert_eq!(r.place(0).to_string(), "line 0");
    }
}
