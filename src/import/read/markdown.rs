//! A Markdown export → plain lines, one for one, so every line keeps its number.
//!
//! Quote markers, emphasis and code marks (labels often sit inside them: `**Reporter**:`,
//! `> Sergey Lavrov:`), link syntax (the text stays), images, backslash escapes, rules and
//! fences go. A heading that is a speaker label (`### Question:`) becomes the label; other
//! headings stay `## …` for the section reader.

use super::{ContainerMeta, Dropped, Format, Place, Read};
use regex::Regex;
use std::sync::LazyLock;

static SIGNAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(#{1,6} |> |\s*[-*+] \S)|\*\*[^*\s][^*]*\*\*|__[^_\s][^_]*__|!?\[[^\]]*\]\([^)]*\)",
    )
    .expect("markdown signal")
});
static IMAGE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"!\[[^\]]*\]\([^)]*\)").expect("image"));
static LINK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\[([^\]]*)\](\([^)]*\)|\[[^\]]*\])").expect("link"));
static REF_DEF: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\[[^\]]+\]:\s*\S+").expect("reference definition"));
static STRONG: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\*\*([^*]*[^*\s])?\s*\*\*|(^|[^\w])__([^_]*[^_\s])__").expect("strong")
});
static EMPHASIS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(^|[\s(\[>])\*([^*\s][^*]*?)\*|(^|[\s(\[>])_([^_\s][^_]*?)_($|[^\w])").expect("em")
});
static CODE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"`([^`]*)`").expect("code"));
static ESCAPE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\\([\\`*_{}\[\]()#+\-.!|>~])").expect("escape"));
static RULE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*([-*_])(\s*[-*_]){2,}\s*$").expect("rule"));
static HEADING: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(#{1,6})\s+(.*?)\s*#*\s*$").expect("heading"));
static TABLE_RULE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$").expect("table"));

/// Whether text not named as Markdown is written in it: enough of its lines carry its marks.
pub fn looks_like_markdown(text: &str) -> bool {
    let mut marked = 0usize;
    let mut lines = 0usize;
    for l in text.lines().filter(|l| !l.trim().is_empty()).take(2000) {
        lines += 1;
        if SIGNAL.is_match(l) {
            marked += 1;
        }
    }
    marked >= 3 && marked * 10 >= lines
}

/// Read a Markdown text.
pub fn read(source: &str) -> Read {
    let mut text = String::with_capacity(source.len());
    let mut dropped = Vec::new();
    let mut in_front = source.starts_with("---\n") || source.starts_with("---\r\n");
    let mut fenced = false;
    for (i, line) in source.lines().enumerate() {
        let no = i as u32 + 1;
        if in_front {
            text.push_str(line);
            text.push('\n');
            in_front = !(no > 1 && line.trim_end() == "---");
            continue;
        }
        if line.trim_start().starts_with("```") || line.trim_start().starts_with("~~~") {
            fenced = !fenced;
            text.push('\n');
            continue;
        }
        let (clean, why) = if fenced {
            (line.to_string(), None)
        } else {
            clean_line(line)
        };
        if let Some(why) = why {
            dropped.push(Dropped {
                at: Place {
                    page: None,
                    line: no,
                },
                what: format!("{why}: {}", super::super::text::excerpt(line, 60)),
            });
        }
        text.push_str(&clean);
        text.push('\n');
    }
    Read {
        format: Format::Markdown,
        text,
        places: Vec::new(),
        meta: ContainerMeta::default(),
        dropped,
        warnings: Vec::new(),
    }
}

/// One line without its Markdown, and why it was dropped whole if it was.
fn clean_line(line: &str) -> (String, Option<&'static str>) {
    let mut s = line.trim_start();
    // `> > text`: quote markers at any depth.
    while let Some(rest) = s.strip_prefix('>') {
        s = rest.trim_start();
    }
    if RULE.is_match(s) || TABLE_RULE.is_match(s) {
        return (String::new(), (!s.is_empty()).then_some("rule"));
    }
    if REF_DEF.is_match(s) {
        return (String::new(), Some("link definition"));
    }
    let heading = HEADING.captures(s).map(|c| {
        let level = c[1].len();
        (level, c[2].to_string())
    });
    let body = match &heading {
        Some((_, text)) => text.as_str(),
        None => s,
    };
    let without_images = IMAGE.replace_all(body, "");
    if without_images.trim().is_empty() && !body.trim().is_empty() {
        return (String::new(), Some("image"));
    }
    let mut t = LINK.replace_all(&without_images, "$1").into_owned();
    t = CODE.replace_all(&t, "$1").into_owned();
    t = STRONG.replace_all(&t, "$1$2$3").into_owned();
    t = EMPHASIS.replace_all(&t, "$1$2$3$4$5").into_owned();
    t = ESCAPE.replace_all(&t, "$1").into_owned();
    t = t
        .replace("<br>", " ")
        .replace("<br/>", " ")
        .replace("<br />", " ");
    if let Some(rest) = t
        .strip_prefix("* ")
        .or_else(|| t.strip_prefix("- "))
        .or_else(|| t.strip_prefix("+ "))
    {
        t = rest.to_string();
    }
    if t.starts_with('|') && t.trim_end().ends_with('|') {
        t = t
            .trim()
            .trim_matches('|')
            .split('|')
            .map(str::trim)
            .collect::<Vec<_>>()
            .join("  ");
    }
    let t = match heading {
        // A heading that is a label (`### Audrey Tang:`) is a label; a level-1 heading is a
        // title line; other headings stay headings for the section reader.
        Some((_, _)) if is_label_like(&t) => t,
        Some((1, _)) => t,
        Some((2, _)) => format!("## {t}"),
        Some(_) => format!("### {t}"),
        None => t,
    };
    (t, None)
}

/// A short line ending in a colon: a speaker label standing alone.
fn is_label_like(t: &str) -> bool {
    let t = t.trim();
    (t.ends_with(':') || t.ends_with('：')) && t.chars().count() <= 60
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clean(s: &str) -> String {
        read(s).text.trim_end().to_string()
    }

    #[test]
    fn labels_inside_markup_come_out() {
        assert_eq!(clean("**Reporter**: Why?"), "Reporter: Why?");
        assert_eq!(clean("__Q:__ Why?"), "Q: Why?");
        assert_eq!(clean("**Question:** Why?"), "Question: Why?");
        assert_eq!(
            clean("> Sergey Lavrov (speaks after Wang Yi):"),
            "Sergey Lavrov (speaks after Wang Yi):"
        );
        assert_eq!(clean("> > nested"), "nested");
        assert_eq!(clean("### Audrey Tang:"), "Audrey Tang:");
        assert_eq!(clean("### 唐鳳："), "唐鳳：");
        assert_eq!(clean("## Trade and ports"), "## Trade and ports");
        assert_eq!(clean("# The title"), "The title");
    }

    #[test]
    fn links_images_escapes_and_rules() {
        assert_eq!(
            clean("a [press conference](https://x.org \"t\") b"),
            "a press conference b"
        );
        assert_eq!(clean("see ![pic](p.png) here"), "see  here");
        assert_eq!(clean("snake\\_case and 5\\*3"), "snake_case and 5*3");
        assert_eq!(
            clean("an *emphasised* word and a_b_c"),
            "an emphasised word and a_b_c"
        );
        assert_eq!(clean("x\n\n---\n\ny"), "x\n\n\n\ny");
        assert_eq!(clean("`code` stays"), "code stays");
        let r = read("![only](a.png)\n[1]: https://x.org");
        assert_eq!(r.dropped.len(), 2);
        assert_eq!(r.dropped[1].at.line, 2);
    }

    #[test]
    fn front_matter_and_line_numbers_are_kept() {
        let r = read("---\ntitle: \"*T*\"\n---\n**A:** hi\n");
        assert_eq!(r.text, "---\ntitle: \"*T*\"\n---\nA: hi\n");
        assert!(looks_like_markdown("# T\n\n**Q:** a\n\n**A:** b\n\n> c"));
        assert!(!looks_like_markdown("Q: a\nA: b\nQ: c\nA: d"));
    }
}
