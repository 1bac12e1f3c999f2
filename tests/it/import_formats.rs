//! One briefing written as plain text, a saved page, a Markdown export and text copied out of a
//! PDF imports to the same speakers, turns and paragraphs; other formats are refused by name;
//! arbitrary bytes given as each format give a briefing or a clear error, never a panic.

use brief::import::{self, read};
use proptest::prelude::*;

const TURNS: &[(&str, &str)] = &[
    (
        "MS. LI",
        "Good morning. Today we release the figures for the first half of the year.",
    ),
    (
        "Q",
        "Thank you. How fast did exports grow in the second quarter of this year?",
    ),
    (
        "MS. LI",
        "Exports grew by 4.2 percent year on year, led by machinery and electronics.",
    ),
    (
        "Q",
        "And what about imports from the neighbouring economies of the region?",
    ),
    (
        "MS. LI",
        "Imports rose slightly. We expect a steady second half. Thank you all.",
    ),
];

fn shape(raw: &[u8], ext: &str) -> Vec<(String, Vec<String>)> {
    let hint = read::Hint {
        extension: Some(ext),
        content_type: None,
    };
    let r = read::read(raw, hint).unwrap_or_else(|e| panic!("{ext}: {e}"));
    let b = import::import_read(&r).briefing;
    b.sections
        .iter()
        .flat_map(|s| &s.turns)
        .map(|t| {
            let who = b.speakers.iter().find(|s| s.id == t.speaker);
            let name = who.map_or(t.speaker.clone(), |s| s.name.clone());
            (name, t.paragraphs.iter().map(|p| p.text.clone()).collect())
        })
        .collect()
}

fn as_text() -> String {
    let body: Vec<String> = TURNS.iter().map(|(w, t)| format!("{w}: {t}")).collect();
    format!("Press conference on trade\n\n{}\n", body.join("\n\n"))
}

fn as_html() -> String {
    let body: String = TURNS
        .iter()
        .map(|(w, t)| format!("<p><strong>{w}:</strong>&nbsp;{t}</p>\n"))
        .collect();
    format!(
        "<!DOCTYPE html><html><head><title>Press conference on trade | Ministry</title>\
         <script>track();</script></head><body><nav><ul><li>Home</li><li>News</li></ul></nav>\
         <h1>Press conference on trade</h1><div class=\"article\">{body}</div>\
         <div class=\"share-links\">Share: Weibo WeChat</div><footer>Copyright</footer></body></html>"
    )
}

fn as_markdown() -> String {
    let body: Vec<String> = TURNS
        .iter()
        .map(|(w, t)| format!("> **{w}:** {t}"))
        .collect();
    format!(
        "---\ntitle: \"Press conference on trade\"\n---\n\n# Press conference on trade\n\n{}\n",
        body.join("\n>\n")
    )
}

/// Hard-wrapped at 40 columns, double-spaced, with a running header and page numbers.
fn as_pdf_copy() -> String {
    let mut lines = vec!["Press conference on trade".to_string(), String::new()];
    for (w, t) in TURNS {
        let mut line = format!("{w}.");
        for word in t.split(' ') {
            if line.len() + 1 + word.len() > 40 {
                lines.push(std::mem::take(&mut line));
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
        lines.push(line);
    }
    let mut out = String::new();
    for (i, chunk) in lines.chunks(4).enumerate() {
        if i > 0 {
            out.push('\u{c}');
        }
        out.push_str("Ministry of Commerce   Press Conference   FINAL\n\n");
        for l in chunk {
            out.push_str(l);
            out.push_str("\n\n");
        }
        out.push_str(&format!("Page {} of {}\n", i + 1, lines.len().div_ceil(4)));
    }
    out
}

#[test]
fn one_briefing_in_four_formats_imports_alike() {
    let want = shape(as_text().as_bytes(), "txt");
    assert_eq!(want.len(), TURNS.len(), "{want:#?}");
    assert_eq!(shape(as_html().as_bytes(), "html"), want, "HTML");
    assert_eq!(shape(as_markdown().as_bytes(), "md"), want, "Markdown");
    let copied = shape(as_pdf_copy().as_bytes(), "txt");
    // Labels end in a full stop in the copy, as central banks print them; the words are the same.
    assert_eq!(copied.len(), want.len(), "{copied:#?}");
    for ((_, a), (_, b)) in copied.iter().zip(&want) {
        assert_eq!(a, b, "PDF copy");
    }
}

#[test]
fn html_title_and_address_reach_the_briefing() {
    let r = read::read(
        as_html().as_bytes(),
        read::Hint {
            extension: Some("html"),
            content_type: None,
        },
    )
    .unwrap();
    assert!(!r.text.contains("track()") && !r.text.contains("Weibo") && !r.text.contains("Home"));
    let b = import::import_read(&r).briefing;
    assert_eq!(b.meta.title, "Press conference on trade");
}

#[test]
fn a_section_name_above_the_title_gives_way_to_the_pages_own_title() {
    let page = "<html><head><title>Remarks by Minister Jane Roe on Trade | Ministry</title></head>\
        <body><p>Press Briefings</p><p>Remarks by Minister Jane Roe on Trade</p>\
        <p>Issued on: April 15, 2020</p><p>MS. ROE: Good afternoon.</p><p>Q: Why?</p>\
        <p>MS. ROE: Because.</p></body></html>";
    let hint = read::Hint {
        extension: Some("html"),
        content_type: None,
    };
    let b = import::import_read(&read::read(page.as_bytes(), hint).unwrap()).briefing;
    assert_eq!(b.meta.title, "Remarks by Minister Jane Roe on Trade");
    assert_eq!(b.meta.date.as_deref(), Some("2020-04-15"));
    assert!(
        b.speakers.iter().all(|s| !s.name.starts_with("Issued")),
        "{:?}",
        b.speakers
    );
}

#[test]
fn other_formats_and_empty_inputs_are_clear_errors() {
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes) in [
        ("slides.docx", b"PK\x03\x04rest".to_vec()),
        ("photo.png", b"\x89PNG\r\n".to_vec()),
        ("empty.html", b"<html><script>x()</script></html>".to_vec()),
        ("fake.pdf", b"not a pdf at all".to_vec()),
        ("broken.pdf", b"%PDF-1.4\n1 0 obj\n".to_vec()),
    ] {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        let out = assert_cmd::Command::cargo_bin("brief")
            .unwrap()
            .args(["import"])
            .arg(&path)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{name}");
        assert!(out.stdout.is_empty(), "{name}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(name), "{name}: {err}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn arbitrary_bytes_in_any_format_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2000),
                                                 cut in 0usize..4000) {
        for ext in ["txt", "html", "md", "pdf"] {
            let hint = read::Hint { extension: Some(ext), content_type: None };
            if let Ok(r) = read::read(&bytes, hint) {
                let _ = import::import_read(&r);
            }
        }
        let mut pdf = b"%PDF-1.4\n".to_vec();
        pdf.extend_from_slice(&bytes);
        let _ = read::pdf::read_within(&pdf, std::time::Duration::from_secs(5));
        let page = as_html();
        let truncated = &page.as_bytes()[..cut.min(page.len())];
        if let Ok(r) = read::read(truncated, read::Hint { extension: Some("html"), content_type: None }) {
            let _ = import::import_read(&r);
        }
    }
}

/// Serve `body` with `content_type` to `requests` connections on 127.0.0.1; the address.
fn serve(
    body: Vec<u8>,
    content_type: &'static str,
    status: &'static str,
    requests: usize,
) -> String {
    use std::io::{Read, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    std::thread::spawn(move || {
        for stream in listener.incoming().take(requests) {
            let Ok(mut s) = stream else { continue };
            let mut buf = [0u8; 4096];
            let _ = s.read(&mut buf);
            let head = format!(
                "HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                body.len()
            );
            let _ = s.write_all(head.as_bytes());
            let _ = s.write_all(&body);
        }
    });
    format!("http://{addr}")
}

#[test]
fn a_link_is_fetched_and_read_by_its_content_type() {
    // No extension in the address: the content type says it is a page.
    let url = serve(
        as_html().into_bytes(),
        "text/html; charset=utf-8",
        "200 OK",
        1,
    );
    let out = assert_cmd::Command::cargo_bin("brief")
        .unwrap()
        .args(["import", &format!("{url}/briefing")])
        .env("NO_PROXY", "127.0.0.1")
        .env("no_proxy", "127.0.0.1")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    let b = brief::format::parse(&text, "<stdout>").unwrap();
    assert_eq!(
        b.meta.url.as_deref(),
        Some(format!("{url}/briefing").as_str())
    );
    assert_eq!(
        b.sections.iter().map(|s| s.turns.len()).sum::<usize>(),
        TURNS.len()
    );

    let missing = serve(b"gone".to_vec(), "text/plain", "404 Not Found", 1);
    let out = assert_cmd::Command::cargo_bin("brief")
        .unwrap()
        .args(["import", &format!("{missing}/x")])
        .env("NO_PROXY", "127.0.0.1")
        .env("no_proxy", "127.0.0.1")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("HTTP 404"));
}
