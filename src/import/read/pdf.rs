//! A PDF's text layer, page by page, with pdf-extract (pure Rust, on lopdf): no program is
//! needed at run time. Pages are joined with form feeds, so [`super::paged`] treats a PDF and a
//! `pdftotext` copy of one alike.
//!
//! A PDF may be damaged in ways that make the library panic or loop; it runs on its own thread,
//! its panics are caught and kept off the terminal, and it has a time limit.

use super::{ContainerMeta, Format, Place, Read, ReadError};
use std::sync::{Once, mpsc};
use std::time::Duration;

const THREAD: &str = "brief-pdf";

/// How long a PDF may take before it is given up as damaged.
pub const TIME_LIMIT: Duration = Duration::from_secs(60);

/// Read a PDF's text layer.
pub fn read(bytes: &[u8]) -> Result<Read, ReadError> {
    read_within(bytes, TIME_LIMIT)
}

/// [`read`] with a time limit of one's own (the property tests use a short one).
pub fn read_within(bytes: &[u8], limit: Duration) -> Result<Read, ReadError> {
    quiet_panics();
    let (tx, rx) = mpsc::channel();
    let owned = bytes.to_vec();
    let spawned = std::thread::Builder::new()
        .name(THREAD.into())
        .spawn(move || {
            let result = std::panic::catch_unwind(|| extract(&owned));
            let _ = tx.send(result);
        });
    if spawned.is_err() {
        return Err(ReadError("PDF: cannot start a thread to read it".into()));
    }
    let pages = match rx.recv_timeout(limit) {
        Ok(Ok(result)) => result?,
        Ok(Err(_)) => {
            return Err(ReadError(
                "damaged PDF: its structure could not be read".into(),
            ));
        }
        Err(_) => {
            return Err(ReadError(format!(
                "PDF: gave up after {} s; the file looks damaged",
                limit.as_secs()
            )));
        }
    };
    let count = pages.len() as u32;
    let mut text = String::new();
    let mut places = Vec::new();
    for (p, page) in pages.iter().enumerate() {
        if p > 0 {
            text.push('\u{c}');
        }
        for (l, line) in page.lines().enumerate() {
            text.push_str(line);
            text.push('\n');
            places.push(Place {
                page: Some(p as u32 + 1),
                line: l as u32 + 1,
            });
        }
    }
    if text.chars().all(|c| c.is_whitespace()) {
        return Err(ReadError(format!(
            "PDF without a text layer ({count} pages of images, perhaps a scan): brief reads \
             only the text of a PDF; run it through OCR first"
        )));
    }
    Ok(Read {
        format: Format::Pdf,
        text,
        places,
        meta: ContainerMeta {
            pages: Some(count),
            ..ContainerMeta::default()
        },
        dropped: Vec::new(),
        warnings: Vec::new(),
    })
}

fn extract(bytes: &[u8]) -> Result<Vec<String>, ReadError> {
    let mut doc = pdf_extract::Document::load_mem(bytes)
        .map_err(|e| ReadError(format!("damaged PDF: {e}")))?;
    if doc.is_encrypted() && doc.decrypt("").is_err() {
        return Err(ReadError(
            "encrypted PDF: it cannot be read without its password".into(),
        ));
    }
    let numbers: Vec<u32> = doc.get_pages().keys().copied().collect();
    if numbers.is_empty() {
        return Err(ReadError("damaged PDF: it has no pages".into()));
    }
    let mut pages = Vec::with_capacity(numbers.len());
    let mut failed = 0;
    for n in numbers {
        let mut s = String::new();
        let mut out = pdf_extract::PlainTextOutput::new(&mut s);
        if pdf_extract::output_doc_page(&doc, &mut out, n).is_err() {
            failed += 1;
        }
        pages.push(s);
    }
    if failed == pages.len() {
        return Err(ReadError(
            "damaged PDF: the text of its pages could not be read".into(),
        ));
    }
    Ok(pages)
}

/// Panics on the PDF thread are reported as a damaged file, not printed over the terminal.
fn quiet_panics() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if std::thread::current().name() != Some(THREAD) {
                previous(info);
            }
        }));
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn damaged_and_truncated_pdfs_are_errors() {
        let err = read(b"%PDF-1.4\n1 0 obj <<>> endobj\n").unwrap_err();
        assert!(err.0.contains("PDF"), "{err}");
        assert!(read(b"%PDF-").is_err());
    }
}
