//! Front matter that static-site exports put on top of a page: `---`, `key: value` lines, `---`.
//!
//! Only the keys that mean something to a briefing are read (title, date, url, author); the block
//! is removed from the body either way, so a page's tags never become a speaker's words.

use super::text::Line;

/// What the front matter said.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct FrontMatter {
    pub title: Option<String>,
    pub date: Option<String>,
    pub url: Option<String>,
    pub author: Option<String>,
}

/// If the text starts with a front-matter block, return what it holds and how many lines it spans.
pub fn parse(lines: &[Line]) -> Option<(FrontMatter, usize)> {
    let first = lines.iter().position(|l| !l.text.is_empty())?;
    if lines[first].text == "+++" {
        return toml_block(lines, first);
    }
    if lines[first].text != "---" {
        return None;
    }
    let end = first + 1 + lines[first + 1..].iter().position(|l| l.text == "---")?;
    let body = &lines[first + 1..end];
    // A block without a single `key:` line is a horizontal rule, not front matter.
    if !body.iter().any(|l| key_value(&l.text).is_some()) {
        return None;
    }
    let mut fm = FrontMatter::default();
    let mut i = 0;
    while i < body.len() {
        let Some((key, value)) = key_value(&body[i].text) else {
            i += 1;
            continue;
        };
        let quoted = value.starts_with('"');
        let mut value_owned = value.to_string();
        // A double-quoted scalar may continue on indented lines (YAML folds them with a space,
        // or joins them without one after a trailing backslash).
        while quoted && !closes_quote(&value_owned) && i + 1 < body.len() {
            i += 1;
            let next = body[i].text.as_str();
            if let Some(stripped) = value_owned.strip_suffix('\\') {
                value_owned = format!("{stripped}{}", next.trim_start_matches('\\'));
            } else {
                value_owned = format!("{value_owned} {next}");
            }
        }
        let v = unquote(&value_owned);
        let slot = match key {
            "title" => &mut fm.title,
            "date" => &mut fm.date,
            "url" | "source_url" | "original_url" => &mut fm.url,
            "author" => &mut fm.author,
            _ => {
                i += 1;
                continue;
            }
        };
        if slot.is_none() && !v.is_empty() {
            *slot = Some(v);
        }
        i += 1;
    }
    Some((fm, end + 1))
}

/// Hugo's TOML front matter between `+++` lines, read with the TOML parser; a block that is not
/// TOML is not front matter.
fn toml_block(lines: &[Line], first: usize) -> Option<(FrontMatter, usize)> {
    let end = first + 1 + lines[first + 1..].iter().position(|l| l.text == "+++")?;
    let text: Vec<&str> = lines[first + 1..end]
        .iter()
        .map(|l| l.text.as_str())
        .collect();
    let table: toml::Table = toml::from_str(&text.join("\n")).ok()?;
    let field = |keys: &[&str]| {
        keys.iter().find_map(|k| match table.get(*k)? {
            toml::Value::String(s) => Some(super::text::clean(s).0).filter(|s| !s.is_empty()),
            // The day is what a briefing's date holds.
            toml::Value::Datetime(d) => d.date.map(|day| day.to_string()),
            _ => None,
        })
    };
    let fm = FrontMatter {
        title: field(&["title"]),
        date: field(&["date"]),
        url: field(&["url", "source_url", "original_url"]),
        author: field(&["author"]),
    };
    Some((fm, end + 1))
}

fn key_value(line: &str) -> Option<(&str, &str)> {
    let (k, v) = line.split_once(':')?;
    let ok = !k.is_empty()
        && k.chars()
            .all(|c| c.is_ascii_lowercase() || c == '_' || c.is_ascii_digit());
    ok.then(|| (k, v.trim()))
}

fn closes_quote(v: &str) -> bool {
    let inner = &v[1..];
    let mut escaped = false;
    for c in inner.chars() {
        match c {
            '\\' if !escaped => escaped = true,
            '"' if !escaped => return true,
            _ => escaped = false,
        }
    }
    false
}

/// Strip YAML quotes and the escapes web exports use (`\_` is a no-break space).
fn unquote(v: &str) -> String {
    let v = v.trim();
    if let Some(inner) = v.strip_prefix('\'').and_then(|s| s.strip_suffix('\'')) {
        return inner.replace("''", "'");
    }
    let Some(inner) = v.strip_prefix('"') else {
        return v.to_string();
    };
    let inner = inner.strip_suffix('"').unwrap_or(inner);
    let mut out = String::new();
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('_') | Some(' ') => out.push(' '),
            Some('n') | Some('t') => out.push(' '),
            Some(other) => out.push(other),
            None => {}
        }
    }
    super::text::clean(&out).0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::text::lines;

    #[test]
    fn hugo_toml_front_matter_is_read_and_removed() {
        let raw = "+++\nauthor = \"Port Desk\"\ndate = 2021-06-25T02:32:48Z\ntags = [\"a\", \"b\"]\ntitle = \"Ships return, says Costa\"\n\n+++\nBody.\n";
        let (ls, _) = lines(raw);
        let (fm, n) = parse(&ls).expect("front matter");
        assert_eq!(fm.title.as_deref(), Some("Ships return, says Costa"));
        assert_eq!(fm.author.as_deref(), Some("Port Desk"));
        assert_eq!(fm.date.as_deref(), Some("2021-06-25"));
        assert_eq!(ls[n].text, "Body.");
        let (ls, _) = lines("+++\nnot = toml = at all\n+++\nBody.\n");
        assert!(parse(&ls).is_none());
    }

    #[test]
    fn reads_title_date_and_url_and_spans_the_block() {
        let raw = "---\ndate: '2021-03-04'\ntitle: \"Press Call on\\_Ports \\\n  \\ and Rail\"\nsource_url: https://example.org/x\ntags: a\n---\nMR. LEE: Hi.";
        let (ls, _) = lines(raw);
        let (fm, n) = parse(&ls).unwrap();
        assert_eq!(fm.title.as_deref(), Some("Press Call on Ports and Rail"));
        assert_eq!(fm.date.as_deref(), Some("2021-03-04"));
        assert_eq!(fm.url.as_deref(), Some("https://example.org/x"));
        assert_eq!(n, 7);
    }

    #[test]
    fn a_rule_is_not_front_matter() {
        let (ls, _) = lines("---\nJust text.\n---\n");
        assert!(parse(&ls).is_none());
        let (ls, _) = lines("Title\n---\n");
        assert!(parse(&ls).is_none());
    }
}
