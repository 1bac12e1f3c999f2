//! Section headings inside a transcript: `Hot spot one: …`, `Topic 2: …`, `热点一：…`,
//! Markdown `## …`. A heading titles the Q&A (or remarks) that follows it.

use regex::Regex;
use std::sync::LazyLock;

static NUMBERED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(hot ?spots?|topics?|themes?|focus|part|section|issue|subject)\s+(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2}|[ivx]{1,5})\s*[:：.\-–]\s*\S",
    )
    .expect("heading pattern")
});

static HAN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(热点|熱點|话题|話題|焦点|焦點|议题|議題)[一二三四五六七八九十\d]{1,3}\s*[:：]")
        .expect("han heading")
});

/// The heading's text if this paragraph is a section heading.
pub fn heading(text: &str) -> Option<String> {
    if text.chars().count() > 200 {
        return None;
    }
    if NUMBERED.is_match(text) || HAN.is_match(text) {
        return Some(text.to_string());
    }
    let md = text
        .strip_prefix("## ")
        .or_else(|| text.strip_prefix("### "))?;
    (!md.trim().is_empty()).then(|| md.trim().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbered_headings() {
        assert_eq!(
            heading("Hot spot two: Ports recover").as_deref(),
            Some("Hot spot two: Ports recover")
        );
        assert!(heading("Topic 3: Jobs").is_some());
        assert!(heading("热点一：稳增长").is_some());
        assert_eq!(heading("## Trade").as_deref(), Some("Trade"));
        assert!(heading("Hot spots are places where things happen.").is_none());
        assert!(heading("Part of the plan: more ports.").is_none());
    }
}
