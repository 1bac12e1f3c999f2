//! A web page → clean text blocks, with html5ever (through scraper) doing the parsing.
//!
//! Page chrome goes (scripts, styles, navigation, headers and footers, menus, share bars,
//! related-link lists, comment forms); paragraphs, line breaks, list items, headings and table
//! cells become blocks; inline markup (`<b>`, `<strong>`, `<font>`, `<span>`, where labels often
//! sit) is read as the text it holds. Readability-style extraction was not used: it scores blocks
//! by length and comma count, and a transcript is made of short turns (`Q Thank you.`) that it
//! throws away.

use super::{ContainerMeta, Dropped, Format, Place, Read};
use ego_tree::iter::Edge;
use scraper::{ElementRef, Html, Node, Selector, node::Element};
use std::collections::HashSet;

/// Whether text that was not named as HTML is a page all the same: it opens like one, or its
/// lines are mostly block tags (raw HTML pasted into a text or Markdown file).
pub fn looks_like_html(text: &str) -> bool {
    let head: String = text
        .trim_start()
        .chars()
        .take(64)
        .collect::<String>()
        .to_ascii_lowercase();
    if head.starts_with("<!doctype html") || head.starts_with("<html") {
        return true;
    }
    let sample = &text[..floor_boundary(text, 256 * 1024)];
    let tags = [
        "<p>", "<p ", "</p>", "<br", "<div", "</div>", "<li", "<td", "<h1", "<h2",
    ]
    .iter()
    .map(|t| sample.matches(t).count())
    .sum::<usize>();
    let lines = sample.lines().filter(|l| !l.trim().is_empty()).count();
    tags >= 3 && tags * 2 >= lines
}

fn floor_boundary(s: &str, at: usize) -> usize {
    let mut i = at.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Elements that are never the article.
const CHROME: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "iframe", "nav", "header", "footer", "aside",
    "form", "button", "select", "option", "menu", "head", "object", "canvas", "video", "audio",
    "map", "dialog",
];

/// Class or id words of page chrome, matched against the words of a class or id
/// (`share-bar` → `share`, `bar`).
const CHROME_WORDS: &[&str] = &[
    "nav",
    "navbar",
    "navigation",
    "menu",
    "breadcrumb",
    "breadcrumbs",
    "share",
    "sharing",
    "social",
    "related",
    "comment",
    "comments",
    "footer",
    "sidebar",
    "banner",
    "cookie",
    "newsletter",
    "subscribe",
    "advert",
    "advertisement",
    "ad",
    "ads",
    "promo",
    "skip",
    "masthead",
    "toolbar",
    "pagination",
    "print",
];

/// Elements that start and end a block of text.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "td",
    "th",
    "tr",
    "table",
    "blockquote",
    "pre",
    "section",
    "article",
    "main",
    "figure",
    "figcaption",
    "hr",
    "address",
    "center",
    "body",
    "details",
    "summary",
];

/// Read a page.
pub fn read(source: &str) -> Read {
    // A static-site post keeps its front matter above the HTML: it stays text for the importer's
    // front-matter reader.
    let (front, html_src, front_lines) = split_front_matter(source);
    let doc = Html::parse_document(html_src);
    let mut out = Blocks::new(html_src, front_lines);
    for line in front.lines() {
        out.text.push_str(line);
        out.text.push('\n');
        out.places.push(Place {
            page: None,
            line: out.places.len() as u32 + 1,
        });
    }
    let holds_article = article_holders(&doc);
    let mut dropped = Vec::new();
    let mut skip: Option<ego_tree::NodeId> = None;
    let mut pre_depth = 0usize;
    for edge in doc.tree.root().traverse() {
        match edge {
            Edge::Open(node) => {
                if skip.is_some() {
                    continue;
                }
                match node.value() {
                    Node::Element(el) => {
                        let holds =
                            holds_article.contains(&node.id()) && !NEVER_TEXT.contains(&el.name());
                        if let Some(why) = chrome(el).filter(|_| !holds) {
                            if let Some(e) = ElementRef::wrap(node) {
                                let text = e.text().collect::<String>();
                                let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
                                if !text.is_empty() {
                                    dropped.push((why, text));
                                }
                            }
                            skip = Some(node.id());
                            continue;
                        }
                        match el.name() {
                            "br" => out.line_break(),
                            "pre" => {
                                pre_depth += 1;
                                out.end_block();
                            }
                            "img" => {}
                            name if BLOCKS.contains(&name) => out.end_block(),
                            _ => {}
                        }
                    }
                    Node::Text(t) => out.push_text(t, pre_depth > 0),
                    _ => {}
                }
            }
            Edge::Close(node) => {
                if skip == Some(node.id()) {
                    skip = None;
                    continue;
                }
                if skip.is_some() {
                    continue;
                }
                if let Node::Element(el) = node.value() {
                    if el.name() == "pre" {
                        pre_depth = pre_depth.saturating_sub(1);
                    }
                    if BLOCKS.contains(&el.name()) {
                        out.end_block();
                    }
                }
            }
        }
    }
    out.end_block();
    let dropped = dropped
        .into_iter()
        .map(|(why, text)| Dropped {
            at: out.locate_quietly(&text),
            what: format!("{why}: {}", super::super::text::excerpt(&text, 60)),
        })
        .collect();
    Read {
        format: Format::Html,
        text: out.text,
        places: out.places,
        meta: meta(&doc),
        dropped,
        warnings: Vec::new(),
    }
}

/// `---` front matter at the top: (its text, the rest, how many lines it spans).
fn split_front_matter(source: &str) -> (&str, &str, u32) {
    let Some(rest) = source.strip_prefix("---\n") else {
        return ("", source, 0);
    };
    match rest.find("\n---\n") {
        Some(end) => {
            let cut = 4 + end + 5;
            let front = &source[..cut];
            (front, &source[cut..], front.lines().count() as u32)
        }
        None => ("", source, 0),
    }
}

/// Elements whose content is never text, whatever they hold.
const NEVER_TEXT: &[&str] = &["script", "style", "noscript", "template", "svg", "head"];

/// The elements that hold the page's article (`<main>`, `itemprop="articleBody"`, `role="main"`,
/// else a page's only `<article>`) and all their ancestors: whatever their class or role says (a reading pane
/// marked `role="complementary"`, a page wrapped in one `<form>`), they are not chrome.
fn article_holders(doc: &Html) -> HashSet<ego_tree::NodeId> {
    // `<article>` counts only where it is one: listings of related stories are articles too.
    let main =
        Selector::parse(r#"main, [itemprop="articleBody"], [role="main"]"#).expect("main selector");
    let article = Selector::parse("article").expect("article selector");
    let mut found: Vec<ElementRef> = doc.select(&main).collect();
    if found.is_empty() {
        found = doc.select(&article).collect();
        if found.len() > 1 {
            found.clear();
        }
    }
    let mut out = HashSet::new();
    for el in found {
        let mut node = Some(*el);
        while let Some(n) = node {
            if !out.insert(n.id()) {
                break;
            }
            node = n.parent();
        }
    }
    out
}

/// Why an element is page chrome, if it is.
fn chrome(el: &Element) -> Option<String> {
    let name = el.name();
    if CHROME.contains(&name) {
        return Some(format!("<{name}>"));
    }
    if el.attr("hidden").is_some() || el.attr("aria-hidden") == Some("true") {
        return Some(format!("hidden <{name}>"));
    }
    if let Some(role) = el.attr("role")
        && matches!(
            role,
            "navigation"
                | "banner"
                | "contentinfo"
                | "search"
                | "menu"
                | "menubar"
                | "complementary"
        )
    {
        return Some(format!("role={role}"));
    }
    let words = |s: &str| {
        s.split(|c: char| !c.is_ascii_alphanumeric())
            .any(|w| CHROME_WORDS.contains(&w.to_ascii_lowercase().as_str()))
    };
    let class = el.attr("class").unwrap_or("");
    let id = el.attr("id").unwrap_or("");
    (words(class) || words(id)).then(|| format!("page chrome <{name} {}>", class_or_id(class, id)))
}

fn class_or_id(class: &str, id: &str) -> String {
    if class.is_empty() {
        format!("id=\"{id}\"")
    } else {
        format!("class=\"{}\"", super::super::text::excerpt(class, 40))
    }
}

/// The page's title, date and address, from its head.
fn meta(doc: &Html) -> ContainerMeta {
    let first = |sel: &str, attr: Option<&str>| -> Option<String> {
        let s = Selector::parse(sel).ok()?;
        doc.select(&s).find_map(|e| {
            let v = match attr {
                Some(a) => e.value().attr(a)?.to_string(),
                None => e.text().collect::<String>(),
            };
            let v = v.split_whitespace().collect::<Vec<_>>().join(" ");
            (!v.is_empty()).then_some(v)
        })
    };
    ContainerMeta {
        title: first("meta[property='og:title']", Some("content"))
            .or_else(|| first("title", None))
            .or_else(|| first("h1", None)),
        date: first("meta[property='article:published_time']", Some("content"))
            .or_else(|| {
                first(
                    "meta[name='date'], meta[name='pubdate'], meta[name='PubDate'], \
                     meta[name='publishdate'], meta[name='dc.date'], meta[name='DC.date'], \
                     meta[name='citation_date'], meta[itemprop='datePublished']",
                    Some("content"),
                )
            })
            .or_else(|| first("time[datetime]", Some("datetime"))),
        url: first("link[rel='canonical']", Some("href"))
            .or_else(|| first("meta[property='og:url']", Some("content")))
            .filter(|u| u.starts_with("http")),
        pages: None,
    }
}

/// The text being built, a block at a time, with the source line of each line.
struct Blocks<'a> {
    source: &'a str,
    text: String,
    places: Vec<Place>,
    /// The current line of the block being built.
    line: String,
    /// Lines of the block being built.
    block: Vec<String>,
    /// How far into `source` text has been found, and the line number there.
    found_at: usize,
    found_line: u32,
    line_offset: u32,
}

impl<'a> Blocks<'a> {
    fn new(source: &'a str, line_offset: u32) -> Self {
        Blocks {
            source,
            text: String::new(),
            places: Vec::new(),
            line: String::new(),
            block: Vec::new(),
            found_at: 0,
            found_line: 1,
            line_offset,
        }
    }

    fn push_text(&mut self, t: &str, pre: bool) {
        if pre {
            let mut parts = t.split('\n');
            if let Some(first) = parts.next() {
                self.line.push_str(first);
            }
            for part in parts {
                self.line_break();
                self.line.push_str(part);
            }
            return;
        }
        // HTML white space: any run is one space. U+00A0 and U+3000 are kept: they are text
        // (a line holding only `&nbsp;` is a blank line to the importer).
        let mut space = t.starts_with(|c: char| c.is_ascii_whitespace());
        for word in t.split_ascii_whitespace() {
            if space && !self.line.is_empty() && !self.line.ends_with(' ') {
                self.line.push(' ');
            }
            self.line.push_str(word);
            space = true;
        }
        if t.ends_with(|c: char| c.is_ascii_whitespace()) && !self.line.is_empty() {
            self.line.push(' ');
        }
    }

    fn line_break(&mut self) {
        let line = std::mem::take(&mut self.line);
        self.block.push(line.trim_matches(' ').to_string());
    }

    fn end_block(&mut self) {
        self.line_break();
        let lines = std::mem::take(&mut self.block);
        // Blank lines at either end of a block say nothing; those inside it (`<br>&nbsp;<br>`)
        // break paragraphs.
        let start = lines.iter().position(|l| !l.is_empty());
        let end = lines.iter().rposition(|l| !l.is_empty());
        let (Some(start), Some(end)) = (start, end) else {
            return;
        };
        if !self.text.is_empty() {
            self.text.push('\n');
            let last = self.places.last().copied().unwrap_or_default();
            self.places.push(last);
        }
        for l in &lines[start..=end] {
            let place = self.locate(l);
            self.text.push_str(l);
            self.text.push('\n');
            self.places.push(place);
        }
    }

    /// The source line of a line of text: its first word found in the source, searching
    /// forward from the last one found, in a bounded window so the whole stays linear.
    fn locate(&mut self, line: &str) -> Place {
        if let Some(at) = self.find(line) {
            self.found_line +=
                memchr::memchr_iter(b'\n', &self.source.as_bytes()[self.found_at..at]).count()
                    as u32;
            self.found_at = at;
        }
        Place {
            page: None,
            line: self.found_line + self.line_offset,
        }
    }

    fn locate_quietly(&self, text: &str) -> Place {
        let line = match self.source.find(probe(text)) {
            Some(at) if !probe(text).is_empty() => {
                memchr::memchr_iter(b'\n', &self.source.as_bytes()[..at]).count() as u32 + 1
            }
            _ => 0,
        };
        Place {
            page: None,
            line: line + self.line_offset,
        }
    }

    fn find(&self, line: &str) -> Option<usize> {
        let p = probe(line);
        if p.is_empty() {
            return None;
        }
        let window = floor_boundary(self.source, self.found_at + 512 * 1024);
        self.source[self.found_at..window]
            .find(p)
            .map(|i| self.found_at + i)
    }
}

/// A piece of a line likely to be written the same in the markup: its first run of letters and
/// digits (entities and tags break runs, so the run is taken whole or not at all).
fn probe(line: &str) -> &str {
    let mut best = "";
    for run in line.split(|c: char| !c.is_alphanumeric()) {
        if run.chars().count() >= 4 {
            return run;
        }
        if best.is_empty() && !run.is_empty() {
            best = run;
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(html: &str) -> Vec<String> {
        read(html).text.lines().map(str::to_string).collect()
    }

    #[test]
    fn what_holds_the_article_is_not_chrome() {
        let page = "<html><body><div class='read' role='complementary'>\
            <div itemprop='articleBody'><p>MR. A: Good afternoon.</p></div>\
            <aside class='related'><article>Other story</article><article>More</article></aside>\
            </div><form id='aspnetForm'><p>Form text</p></form></body></html>";
        assert_eq!(lines(page), ["MR. A: Good afternoon."]);
        let wrapped = "<html><body><form id='aspnetForm'><div class='sidebar'>Links</div>\
            <article><p>Q: Why?</p></article></form></body></html>";
        assert_eq!(lines(wrapped), ["Q: Why?"]);
    }

    #[test]
    fn paragraphs_become_blocks_and_chrome_goes() {
        let page = "<!DOCTYPE html><html><head><title>Briefing</title>\
            <script>var x = 1;</script><link rel=canonical href='https://ex.org/b'></head>\
            <body><nav><a>Home</a></nav><div class='share-bar'>Share: X</div>\
            <p><b>MR. A:</b>&nbsp;Good afternoon.</p><p>Q &nbsp; Thank you.</p>\
            <footer>Copyright</footer></body></html>";
        assert_eq!(
            lines(page),
            ["MR. A:\u{a0}Good afternoon.", "", "Q \u{a0} Thank you."]
        );
        let r = read(page);
        assert_eq!(r.meta.title.as_deref(), Some("Briefing"));
        assert_eq!(r.meta.url.as_deref(), Some("https://ex.org/b"));
        let what: Vec<&str> = r.dropped.iter().map(|d| d.what.as_str()).collect();
        assert!(
            what.iter().any(|w| w.starts_with("<nav>: Home")),
            "{what:?}"
        );
        assert!(what.iter().any(|w| w.contains("share-bar")), "{what:?}");
        assert!(!r.text.contains("var x"));
    }

    #[test]
    fn line_breaks_and_nbsp_lines_split_one_paragraph() {
        let page = "<p>MR. A: Hello.<br/>\n\t\u{a0}<br/>\n\tQ: Why?<br/>still asking</p>";
        assert_eq!(
            lines(page),
            ["MR. A: Hello.", "\u{a0}", "Q: Why?", "still asking"]
        );
    }

    #[test]
    fn places_are_source_lines() {
        let page = "<html>\n<body>\n<p>First words</p>\n\n<p>Second paragraph</p>\n</body></html>";
        let r = read(page);
        assert_eq!(r.text, "First words\n\nSecond paragraph\n");
        assert_eq!(r.places[0].line, 3);
        assert_eq!(r.places[2].line, 5);
    }

    #[test]
    fn html_is_recognised_in_text() {
        assert!(looks_like_html("<!doctype html><p>x"));
        assert!(looks_like_html("<div>\n<p>a</p>\n<p>b</p>\n</div>"));
        assert!(!looks_like_html(
            "Q: What about <p> tags?\nA: Rare.\nQ: ok\nA: fine"
        ));
        let post = "---\ntitle: T\n---\n<p>MR. A: Hi.</p>\n<p>Q: Yes?</p>\n<p>MR. A: No.</p>";
        assert!(looks_like_html(post));
        let r = read(post);
        assert!(
            r.text.starts_with("---\ntitle: T\n---\n\nMR. A: Hi.\n"),
            "{}",
            r.text
        );
    }
}
