//! Bytes → text: UTF-8, UTF-16 with a byte-order mark, a page's declared charset (Chinese
//! government pages are often GB2312), and text written as an escaped string literal by a
//! scraper (`b'<div>\n<p>\xc2\xa0…'`, `"\u003cp\u003e…"`).

use encoding_rs::Encoding;

/// Whether `head` starts with a UTF-16 byte-order mark.
pub fn is_utf16(head: &[u8]) -> bool {
    head.starts_with(b"\xff\xfe") || head.starts_with(b"\xfe\xff")
}

/// Decode an input's bytes. Returns the text and, when the bytes were not clean UTF-8, a warning
/// that says how they were read (with the line and column of the first bad byte for UTF-8).
pub fn text(bytes: &[u8], html: bool) -> (String, Option<String>) {
    if let Some((enc, bom)) = Encoding::for_bom(bytes) {
        let (text, bad) = enc.decode_without_bom_handling(&bytes[bom..]);
        let warning = bad.then(|| format!("invalid {} sequences replaced", enc.name()));
        return (text.into_owned(), warning);
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return (s.to_string(), None);
    }
    let declared = html.then(|| declared_charset(bytes)).flatten();
    if let Some(enc) = declared.filter(|e| *e != encoding_rs::UTF_8) {
        let (text, _, bad) = enc.decode(bytes);
        let how = if bad {
            ", with some bytes replaced"
        } else {
            ""
        };
        return (
            text.into_owned(),
            Some(format!(
                "decoded as {} (the page's charset){how}",
                enc.name()
            )),
        );
    }
    // Not UTF-8 and nothing declared: a Chinese text saved in GB18030 decodes without a single
    // error; anything else keeps its good UTF-8 and marks each bad sequence.
    let (gb, _, bad) = encoding_rs::GB18030.decode(bytes);
    if !bad && gb.chars().filter(|&c| crate::script::is_han(c)).count() * 4 > gb.len() / 3 {
        return (
            gb.into_owned(),
            Some("not UTF-8: decoded as GB18030".into()),
        );
    }
    let at = crate::format::decode("", bytes.to_vec())
        .err()
        .map(|d| format!("{}:{}: {}", d.line, d.col, d.message))
        .unwrap_or_default();
    (
        String::from_utf8_lossy(bytes).into_owned(),
        Some(format!(
            "{at}; decoded with U+FFFD in place of each invalid byte sequence"
        )),
    )
}

/// The `charset=` an HTML page declares in its first few kilobytes.
fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(4096)];
    let lower = head.to_ascii_lowercase();
    let at = memchr::memmem::find(&lower, b"charset=")? + 8;
    let rest = &lower[at..];
    let rest = rest
        .strip_prefix(b"\"")
        .or(rest.strip_prefix(b"'"))
        .unwrap_or(rest);
    let end = rest
        .iter()
        .position(|b| !(b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_')))
        .unwrap_or(rest.len());
    Encoding::for_label(&rest[..end])
}

/// Replace every line that is one long escaped string literal by what it says. `None` when the
/// text has none.
pub fn literals(text: &str) -> Option<String> {
    if !text.contains('\\') {
        return None;
    }
    let mut out = String::new();
    let mut changed = false;
    for line in text.split_inclusive('\n') {
        match unescape_line(line.trim()) {
            Some(decoded) => {
                out.push_str(&decoded);
                out.push('\n');
                changed = true;
            }
            None => out.push_str(line),
        }
    }
    changed.then_some(out)
}

/// A Python `b'…'`/`'…'` or JSON `"…"` literal with real escapes, decoded.
fn unescape_line(line: &str) -> Option<String> {
    let line = line.strip_suffix(',').unwrap_or(line);
    let (bytes_literal, body) = match line.strip_prefix('b') {
        Some(rest) => (true, rest),
        None => (false, line.strip_prefix('u').unwrap_or(line)),
    };
    let quote = body.chars().next().filter(|c| matches!(c, '\'' | '"'))?;
    let inner = body.strip_prefix(quote)?.strip_suffix(quote)?;
    let escapes =
        inner.matches("\\n").count() + inner.matches("\\x").count() + inner.matches("\\u").count();
    if inner.len() < 80 || escapes < 3 {
        return None;
    }
    let mut bytes = Vec::with_capacity(inner.len());
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            let mut buf = [0; 4];
            bytes.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
            continue;
        }
        match chars.next() {
            Some('n') => bytes.push(b'\n'),
            Some('t') => bytes.push(b'\t'),
            Some('r') => bytes.push(b'\r'),
            Some('x') => {
                let hex: String = chars.by_ref().take(2).collect();
                bytes.push(u8::from_str_radix(&hex, 16).ok()?);
            }
            Some('u') if !bytes_literal => {
                let hex: String = chars.by_ref().take(4).collect();
                let c = char::from_u32(u32::from_str_radix(&hex, 16).ok()?).unwrap_or('\u{fffd}');
                let mut buf = [0; 4];
                bytes.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
            }
            Some(other) => {
                let mut buf = [0; 4];
                bytes.extend_from_slice(other.encode_utf8(&mut buf).as_bytes());
            }
            None => bytes.push(b'\\'),
        }
    }
    Some(String::from_utf8_lossy(&bytes).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bytes_literal_is_decoded_as_utf8() {
        let lit = format!(
            "<h1>T</h1>\nb'<p>\\n\\tMR. A: \\xc2\\xa0Hello \\xe2\\x80\\x99s.<br/>\\n{}</p>'\n",
            "x".repeat(80)
        );
        let out = literals(&lit).unwrap();
        assert!(
            out.starts_with("<h1>T</h1>\n<p>\n\tMR. A: \u{a0}Hello \u{2019}s."),
            "{out}"
        );
        assert!(literals("a plain line with a \\ in it").is_none());
    }

    #[test]
    fn json_strings_and_charsets() {
        let lit = format!(
            "\"\\u003cp\\u003eQ: hi\\u003c/p\\u003e\\n\\n{}\"",
            "y".repeat(80)
        );
        assert!(literals(&lit).unwrap().starts_with("<p>Q: hi</p>\n\n"));
        let (gb, _, _) = encoding_rs::GB18030.encode("<meta charset=gb2312><p>记者：你好</p>");
        let (page, warning) = text(&gb, true);
        assert!(page.contains("记者：你好"), "{page}");
        assert!(warning.unwrap().contains("GBK"));
        let (lossy, warning) = text(b"ab\ncd\xffe", false);
        assert_eq!(lossy, "ab\ncd\u{fffd}e");
        assert!(warning.unwrap().starts_with("2:3: invalid UTF-8"));
        let utf16: Vec<u8> = [0xff, 0xfe, b'h', 0, b'i', 0].to_vec();
        assert_eq!(super::text(&utf16, false).0, "hi");
    }
}
