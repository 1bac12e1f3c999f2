//! Raw text → clean lines → paragraphs.
//!
//! Web copies mix U+00A0 with spaces, carry control characters, and come either hard-wrapped (a
//! paragraph is a block of short lines) or one paragraph per line. Everything later works on
//! [`Para`]s, so this is the only place that knows about either.

/// One line of the raw text, cleaned: no control characters, U+00A0 and tabs read as spaces,
/// trimmed at both ends. `no` is the 1-based line number in the raw text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub no: u32,
    pub text: String,
}

/// A paragraph: the lines of one block joined with single spaces, and the line it starts on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Para {
    pub line: u32,
    pub text: String,
}

/// Whether `c` reads as white space in a transcript's layout (U+00A0 and U+3000 included).
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{a0}' || c == '\u{3000}'
}

/// Clean one raw line: control and zero-width characters are dropped, every run of white space
/// becomes one space, and the ends are trimmed. Returns the line and whether something was dropped.
pub fn clean(raw: &str) -> (String, bool) {
    // Most lines are plain ASCII prose with single spaces: copy them whole.
    let plain =
        raw.is_ascii() && !raw.bytes().any(|b| b < 0x20 || b == 0x7f) && !raw.contains("  ");
    if plain {
        return (raw.trim_matches(' ').to_string(), false);
    }
    let mut out = String::with_capacity(raw.len());
    let mut dropped = false;
    let mut pending_space = false;
    // Copy runs of ordinary characters as slices; ASCII is judged byte by byte, and only other
    // characters are decoded.
    let bytes = raw.as_bytes();
    let mut run_start: Option<usize> = None;
    let mut i = 0;
    while i < bytes.len() {
        // Printable ASCII is by far the most common: skip over it in a tight loop.
        if (0x21..0x7f).contains(&bytes[i]) {
            if run_start.is_none() {
                if pending_space {
                    out.push(' ');
                    pending_space = false;
                }
                run_start = Some(i);
            }
            i += 1;
            while i < bytes.len() && (0x21..0x7f).contains(&bytes[i]) {
                i += 1;
            }
            continue;
        }
        let b = bytes[i];
        let (len, space, control) = if b == 0x1b {
            // A terminal escape sequence goes whole, not only its ESC: no `[31m` debris.
            (escape_len(&bytes[i..]), false, true)
        } else if b < 0x80 {
            (
                1,
                matches!(b, b' ' | b'\t' | 0x0b | 0x0c),
                b < 0x20 || b == 0x7f,
            )
        } else {
            let c = raw[i..].chars().next().unwrap_or(' ');
            let invisible =
                matches!(c, '\u{200b}'..='\u{200f}' | '\u{2028}'..='\u{202e}' | '\u{feff}');
            (c.len_utf8(), is_space(c), c.is_control() || invisible)
        };
        if !space && !control {
            if run_start.is_none() {
                if pending_space {
                    out.push(' ');
                    pending_space = false;
                }
                run_start = Some(i);
            }
            i += len;
            continue;
        }
        if let Some(s) = run_start.take() {
            out.push_str(&raw[s..i]);
        }
        if space {
            pending_space = !out.is_empty();
        } else {
            dropped = true;
        }
        i += len;
    }
    if let Some(s) = run_start {
        out.push_str(&raw[s..]);
    }
    (out, dropped)
}

/// The length of the terminal escape sequence at the start of `b` (which starts with ESC): a CSI
/// sequence (`ESC [ 3 1 m`), a string sequence ended by BEL or `ESC \` (OSC `ESC ] … BEL`), or a
/// two-byte escape.
fn escape_len(b: &[u8]) -> usize {
    let Some(&kind) = b.get(1) else {
        return 1;
    };
    match kind {
        b'[' => {
            let mut j = 2;
            while b.get(j).is_some_and(|c| (0x30..=0x3f).contains(c)) {
                j += 1;
            }
            while b.get(j).is_some_and(|c| (0x20..=0x2f).contains(c)) {
                j += 1;
            }
            j + usize::from(b.get(j).is_some_and(|c| (0x40..=0x7e).contains(c)))
        }
        b']' | b'P' | b'X' | b'^' | b'_' => {
            let end = (2..b.len())
                .find(|&j| b[j] == 0x07 || (b[j] == 0x1b && b.get(j + 1) == Some(&b'\\')));
            match end {
                Some(j) if b[j] == 0x07 => j + 1,
                Some(j) => j + 2,
                None => b.len(),
            }
        }
        0x20..=0x7e => 2,
        _ => 1,
    }
}

/// Split raw text into clean lines (`\n`, `\r\n` and lone `\r` all end a line).
pub fn lines(raw: &str) -> (Vec<Line>, Vec<u32>) {
    let mut out = Vec::new();
    let mut dirty = Vec::new();
    for (i, l) in raw.split('\n').enumerate() {
        let no = u32::try_from(i + 1).unwrap_or(u32::MAX);
        // A lone CR (old Mac files) also ends a line; it stays on the same line number.
        let l = l.strip_suffix('\r').unwrap_or(l);
        for part in l.split('\r') {
            let (text, dropped) = clean(part);
            if dropped {
                dirty.push(no);
            }
            out.push(Line { no, text });
        }
    }
    (out, dirty)
}

/// Whether the text is hard-wrapped: lines often break in mid-sentence (a line without a
/// sentence end followed by one that starts in lower case) and few lines are long. Hard-wrapped
/// text joins a block into one paragraph; otherwise every line is a paragraph.
pub fn is_wrapped(lines: &[Line]) -> bool {
    let mut nonblank = 0usize;
    let mut long = 0usize;
    let mut breaks = 0usize;
    let mut prev: Option<&str> = None;
    for l in lines {
        if l.text.is_empty() {
            prev = None;
            continue;
        }
        nonblank += 1;
        if l.text.chars().count() > 120 {
            long += 1;
        }
        if let Some(p) = prev {
            let open = !p.ends_with(['.', '?', '!', ':', '"', '”', ')', '。', '？', '！', '：']);
            let continues = l
                .text
                .chars()
                .next()
                .is_some_and(|c| c.is_lowercase() || c.is_ascii_digit() || c == '$');
            breaks += usize::from(open && continues);
        }
        prev = Some(&l.text);
    }
    breaks >= 2 && long * 10 < nonblank
}

/// Group lines into paragraphs: blocks between blank lines when `wrapped`, else one per line.
pub fn paragraphs(lines: &[Line], wrapped: bool) -> Vec<Para> {
    let mut out: Vec<Para> = Vec::new();
    let mut open = false;
    for l in lines {
        if l.text.is_empty() {
            open = false;
            continue;
        }
        match out.last_mut() {
            Some(p) if open && wrapped => {
                p.text.push(' ');
                p.text.push_str(&l.text);
            }
            _ => out.push(Para {
                line: l.no,
                text: l.text.clone(),
            }),
        }
        open = true;
    }
    out
}

/// Join paragraphs that a blank line broke in mid-sentence (double-spaced hard wraps, a stray
/// blank line): one that ends without a sentence end, followed by one that starts in lower case.
/// Returns how many were joined.
pub fn join_broken(paras: &mut Vec<Para>) -> usize {
    let before = paras.len();
    let mut out: Vec<Para> = Vec::with_capacity(before);
    for p in paras.drain(..) {
        match out.last_mut() {
            Some(last) if breaks_mid_sentence(&last.text, &p.text) => {
                last.text.push(' ');
                last.text.push_str(&p.text);
            }
            _ => out.push(p),
        }
    }
    *paras = out;
    before - paras.len()
}

fn breaks_mid_sentence(first: &str, next: &str) -> bool {
    let last = first.chars().next_back();
    let open = last.is_some_and(|c| c.is_alphabetic() || c == ',');
    open && next.chars().next().is_some_and(char::is_lowercase)
}

/// The first `n` characters of `s` (for excerpts in notes), with `…` when cut.
pub fn excerpt(s: &str, n: usize) -> String {
    match s.char_indices().nth(n) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_reads_nbsp_as_space_and_drops_controls() {
        assert_eq!(
            clean("Q\u{a0}\u{a0}  Hello\u{1b}[31m "),
            ("Q Hello".into(), true)
        );
        assert_eq!(clean("  a\tb  "), ("a b".into(), false));
    }

    #[test]
    fn escape_sequences_go_whole() {
        assert_eq!(clean("hello \x1b[31mred\x1b[0m world").0, "hello red world");
        assert_eq!(clean("title\x1b]0;pwned\x07 text").0, "title text");
        assert_eq!(
            clean("a\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\ b").0,
            "alink b"
        );
        assert_eq!(clean("end\x1b").0, "end");
        assert!(clean("x\x1bcy").1);
    }

    #[test]
    fn lines_are_numbered_from_one() {
        let (ls, dirty) = lines("a\r\nb\rb2\n\u{7}c");
        assert_eq!(
            ls.iter().map(|l| l.no).collect::<Vec<_>>(),
            vec![1, 2, 2, 3]
        );
        assert_eq!(dirty, vec![3]);
    }

    #[test]
    fn wrapped_text_joins_blocks() {
        let (ls, _) = lines("MS. ROE: Good\nmorning all.\n\nQ Thanks, and\nmore.\n");
        assert!(is_wrapped(&ls));
        let ps = paragraphs(&ls, true);
        assert_eq!(ps.len(), 2);
        assert_eq!(ps[0].text, "MS. ROE: Good morning all.");
        assert_eq!(ps[1].line, 4);
    }

    #[test]
    fn one_paragraph_per_line_text_is_not_wrapped() {
        let long = "word ".repeat(40);
        let raw = format!("Ann Lee: {long}\nBo Chen: {long}\nAnn Lee: {long}\n");
        let (ls, _) = lines(&raw);
        assert!(!is_wrapped(&ls));
        assert_eq!(paragraphs(&ls, false).len(), 3);
        let (ls, _) = lines("Topic one: Ports\nReporter: Why?\nAnn Lee: Because.\nAnd more.\n");
        assert!(!is_wrapped(&ls));
    }

    #[test]
    fn a_paragraph_broken_in_mid_sentence_is_joined() {
        let para = |t: &str| Para {
            line: 1,
            text: t.into(),
        };
        let mut ps = vec![
            para("Let’s start with North Korea and the"),
            para("situation with Private King."),
            para("We grew."),
            para("and then, a list:"),
            para("items follow"),
            para("中文"),
            para("没有小写"),
        ];
        assert_eq!(join_broken(&mut ps), 1);
        assert_eq!(
            ps[0].text,
            "Let’s start with North Korea and the situation with Private King."
        );
        assert_eq!(ps.len(), 6);
    }

    #[test]
    fn excerpt_cuts_on_characters() {
        assert_eq!(excerpt("主持人说话", 2), "主持…");
        assert_eq!(excerpt("ab", 5), "ab");
    }
}
