//! Scrape noise: what a copy from a web page, an app or a PDF adds around the spoken words.
//!
//! Repeated junk prefixes on lines, photo captions, site navigation, embedded media, footers
//! (editor, source, copyright, licence numbers), stage directions and time stamps. Editor and
//! source are worth keeping and come back as metadata; everything else is removed, and the caller
//! records a note for each removal so that nothing disappears silently.

use super::text::Line;
use regex::Regex;
use std::collections::HashMap;
use std::sync::LazyLock;

/// What to do with a line that is not part of the body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Noise {
    /// Remove it; the reason is shown by `--explain`.
    Drop(&'static str),
    /// Remove it from the body and keep its value as the briefing's editor.
    Editor(String),
    /// Remove it from the body and keep its value as the briefing's source.
    Source(String),
    /// A web address alone on its line: the page the text was copied from.
    Url(String),
}

/// A token that starts many lines and cannot be prose (it has digits and no lower-case letters),
/// like the `1746-IV16 ` an export tool stamped on every other line.
pub fn junk_prefix(lines: &[Line]) -> Option<String> {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    let mut nonblank = 0usize;
    for l in lines {
        if l.text.is_empty() {
            continue;
        }
        nonblank += 1;
        let Some((first, rest)) = l.text.split_once(' ') else {
            continue;
        };
        if !rest.is_empty() && looks_like_junk(first) {
            *counts.entry(first).or_default() += 1;
        }
    }
    let (tok, n) = counts
        .into_iter()
        .max_by_key(|&(t, n)| (n, std::cmp::Reverse(t)))?;
    (n >= 3 && n * 5 >= nonblank).then(|| tok.to_string())
}

fn looks_like_junk(tok: &str) -> bool {
    let len = tok.chars().count();
    (3..=24).contains(&len)
        && tok.chars().any(|c| c.is_ascii_digit())
        && tok
            .chars()
            .any(|c| c.is_ascii_uppercase() || c == '-' || c == '_')
        && !tok.chars().any(|c| c.is_lowercase())
        && tok
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '#' | '/'))
}

static CAPTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(/\d+ |data (figure|map|photo|picture|chart)\b|file photo\b|photo:|photo taken\b|picture:|image:|图为|圖為|资料图|資料圖|图片来源|圖片來源)",
    )
    .expect("caption pattern")
});

static FOOTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(special statement|disclaimer|copyright|submission mailbox|tel ?[:：]|e-?mail ?[:：]|fax ?[:：])",
    )
    .expect("footer pattern")
});

/// Marks of a footer anywhere in a line (licence numbers, copyright).
fn footer_mark(text: &str) -> bool {
    text.contains("ICP")
        || text.contains('©')
        || text.contains("版权所有")
        || text.contains("版權所有")
        || (text.contains("ights") && text.to_lowercase().contains("all rights reserved"))
}

static EDITOR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(translated and edited by|edited by|responsible editors?|editors?|edit)\b\s*[:：]?\s*|(责任编辑|責任編輯|编辑|編輯)\s*[:：]?\s*",
    )
    .expect("editor pattern")
});

static EDITOR_START: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(translated and edited by |edited by |(responsible )?editors? ?[:：]|edit ?[:：]|责任编辑|責任編輯)")
        .expect("editor start pattern")
});

static SOURCE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(source|来源|來源)\s*[:：]\s*(.+)$").expect("source pattern")
});

static TIME_STAMP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\d{1,2}[:.]\d{2}( ?[ap]\.?m\.?)?( [a-z]{2,4})?$|^(香港|北京|台北)?(时间|時間)\d{1,2}(时|時)\d{1,2}分$")
        .expect("time pattern")
});

/// Chinese sites' link words, which come several to a line.
const HAN_NAVIGATION: &[&str] = &[
    "简体版",
    "簡體版",
    "繁体版",
    "繁體版",
    "寄给朋友",
    "寄給朋友",
    "政府新闻网",
    "政府新聞網",
    "打印",
    "列印",
    "关闭",
    "關閉",
    "返回",
    "返回列表",
    "分享",
    "收藏",
    "纠错",
    "糾錯",
    "字号",
    "字號",
    "english",
];

const NAVIGATION: &[&str] = &[
    "read in chinese",
    "read in english",
    "return to list",
    "recommended reading",
    "recommended reading change it",
    "links",
    "share",
    "share this",
    "print",
    "close",
    "back to top",
    "related news",
    "related articles",
    "more",
    "top",
    "---",
    "***",
    "返回列表",
    "列印此页",
    "列印此頁",
    "打印此页",
    "打印本页",
    "返回页首",
    "返回頁首",
    "question-and-answer session",
    "questions and answers",
    "en",
    "cn",
    "中文",
    "english",
    "打印",
    "关闭",
    "關閉",
];

/// The banner every US government site puts above its pages, and other site chrome.
static SITE_BANNER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(an official website of the united states government|here's how you know|here’s how you know|official websites use \.gov|secure \.gov websites use https|\.gov website belongs to an official|a \.gov website belongs to|a lock \(|skip to (main )?content|you are here:)",
    )
    .expect("banner pattern")
});

/// Names of languages as sites list them in a language menu.
const LANGUAGES: &[&str] = &[
    "english",
    "español",
    "espanol",
    "français",
    "francais",
    "русский",
    "عربي",
    "العربية",
    "简体中文",
    "繁體中文",
    "繁体中文",
    "中文",
    "deutsch",
    "português",
    "日本語",
    "한국어",
    "italiano",
    "tiếng",
    "việt",
    "bahasa",
    "indonesia",
    "हिन्दी",
    "polski",
    "türkçe",
    "nederlands",
    "فارسی",
    "kiswahili",
];

/// A line made only of language names (`عربي Español Русский Français 简体中文`).
fn language_menu(text: &str) -> bool {
    let words: Vec<String> = text
        .split([' ', '|', '/', '·'])
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    words.len() >= 3 && words.iter().all(|w| LANGUAGES.contains(&w.as_str()))
}

/// A line of site links: one known item (`Read in Chinese`), or several Chinese ones in a row
/// (`簡體版 寄給朋友 政府新聞網`).
fn is_navigation(text: &str) -> bool {
    let lower = text.to_lowercase();
    NAVIGATION.contains(&lower.as_str())
        || ["字号", "字號"].iter().any(|w| text.starts_with(w))
        // A breadcrumb trail: `首页 > 在线访谈 > 正文`, `Home > Press > Briefings`.
        || (text.chars().count() <= 80 && text.matches(" > ").count() >= 2)
        || (lower.contains(' ')
            && lower
                .split(' ')
                .filter(|w| !w.is_empty() && *w != "|")
                .all(|w| HAN_NAVIGATION.contains(&w)))
}

/// Classify a line that is noise wherever it appears; `None` for a line that may be content.
pub fn line_noise(text: &str) -> Option<Noise> {
    if text.is_empty() {
        return None;
    }
    if text.len() <= 300 && SITE_BANNER.is_match(text) {
        return Some(Noise::Drop("site banner"));
    }
    if text.len() <= 200 && language_menu(text) {
        return Some(Noise::Drop("language menu"));
    }
    if text.len() <= 120 && is_navigation(text) {
        return Some(Noise::Drop("site navigation"));
    }
    let web = ["http://", "https://", "//www."]
        .iter()
        .any(|p| text.starts_with(p));
    if web && !text.contains(' ') {
        return Some(Noise::Url(text.trim_start_matches("//").to_string()));
    }
    if text.starts_with("{{<") || text.starts_with("{{%") {
        return Some(Noise::Drop("embedded media"));
    }
    if text.starts_with('<') && text.ends_with('>') {
        return Some(Noise::Drop("HTML markup or caption"));
    }
    // `…毛盛勇 中國網 宗超 攝`: a photo credit ends the caption.
    let credit = text.chars().count() <= 120
        && ["摄", "攝", "摄）", "攝）", "摄)", "攝)"]
            .iter()
            .any(|e| text.ends_with(e));
    if CAPTION.is_match(text) || credit {
        return Some(Noise::Drop("photo caption"));
    }
    let chars = || {
        if text.len() <= 2400 {
            text.chars().count()
        } else {
            usize::MAX
        }
    };
    if EDITOR_START.is_match(text) && chars() <= 600 {
        // Credits may end with a sentence about the translation; the names come first.
        let credits = match text.find(". ") {
            Some(end) => &text[..end],
            None => text.trim_end_matches('.'),
        };
        let names: Vec<&str> = EDITOR
            .split(credits)
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .collect();
        if !names.is_empty() {
            return Some(Noise::Editor(names.join(", ")));
        }
    }
    if let Some(c) = SOURCE.captures(text)
        && chars() <= 300
    {
        return Some(Noise::Source(c[2].trim().to_string()));
    }
    if (FOOTER.is_match(text) || footer_mark(text)) && chars() <= 600 {
        return Some(Noise::Drop("site footer"));
    }
    None
}

/// `2008年7月4日(星期五)`, `July 4, 2008`: a date and at most its weekday.
fn is_date_alone(text: &str) -> bool {
    let Some((_, range)) = super::header::find_date(text) else {
        return false;
    };
    let rest = format!("{}{}", &text[..range.start], &text[range.end..]);
    let rest = rest.trim_matches(|c: char| !c.is_alphanumeric());
    rest.is_empty()
        || rest.starts_with("星期")
        || rest.starts_with("週")
        || rest.starts_with("周")
        || super::header::is_weekday(rest)
}

/// The reasons [`paragraph_noise`] gives for a paragraph that still says something about the
/// briefing: its time or its date.
pub const TIME_STAMP_ALONE: &str = "time stamp";
pub const DATE_ALONE: &str = "date line";

/// A paragraph that is only a stage direction (`(Laughter.)`, `[Applause]`) or a clock time.
pub fn paragraph_noise(text: &str) -> Option<&'static str> {
    let n = if text.len() <= 800 {
        text.chars().count()
    } else {
        usize::MAX
    };
    if (2..=200).contains(&n) {
        let bracketed = (text.starts_with('(') && text.ends_with(')'))
            || (text.starts_with('[') && text.ends_with(']'))
            || (text.starts_with('（') && text.ends_with('）'));
        let inner = &text[text.chars().next().map_or(0, char::len_utf8)
            ..text.len() - text.chars().last().map_or(0, char::len_utf8)];
        if bracketed && !inner.contains([')', '(', '（', '）', '[', ']']) {
            return Some("stage direction");
        }
    }
    if !text.chars().any(char::is_alphanumeric) {
        return Some("stray punctuation");
    }
    if n <= 20 && TIME_STAMP.is_match(text) {
        return Some(TIME_STAMP_ALONE);
    }
    if n <= 30 && is_date_alone(text) {
        return Some(DATE_ALONE);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::text::lines;

    #[test]
    fn finds_a_repeated_junk_prefix_but_not_words() {
        let raw = "X9-AB1 First line.\nSecond line.\nX9-AB1 Third.\nX9-AB1 Fourth.\nFifth.\n";
        let (ls, _) = lines(raw);
        assert_eq!(junk_prefix(&ls).as_deref(), Some("X9-AB1"));
        let (ls, _) = lines("Q Why?\nQ How?\nQ When?\n");
        assert_eq!(junk_prefix(&ls), None);
        let (ls, _) = lines("2022 was good.\n2022 was bad.\n2022 was long.\n");
        assert_eq!(junk_prefix(&ls), None);
    }

    #[test]
    fn captions_navigation_and_footers_are_noise() {
        assert_eq!(line_noise("/3 Li Ming"), Some(Noise::Drop("photo caption")));
        assert_eq!(
            line_noise("Data photo: a port at dawn. Reporter Wu Fan"),
            Some(Noise::Drop("photo caption"))
        );
        assert_eq!(
            line_noise("Read in Chinese"),
            Some(Noise::Drop("site navigation"))
        );
        assert_eq!(
            line_noise("Edit:Wu Fan    Responsible editor:Li Na"),
            Some(Noise::Editor("Wu Fan, Li Na".into()))
        );
        assert_eq!(
            line_noise("Source:People's Daily"),
            Some(Noise::Source("People's Daily".into()))
        );
        assert_eq!(
            line_noise("Copyright © 2020 example.org"),
            Some(Noise::Drop("site footer"))
        );
        assert_eq!(
            line_noise("京ICP备000000号"),
            Some(Noise::Drop("site footer"))
        );
        assert_eq!(
            line_noise("Translated and edited by Wu Fan and Li Na. The Chinese text prevails."),
            Some(Noise::Editor("Wu Fan and Li Na".into()))
        );
        for banner in [
            "An official website of the United States Government",
            "Secure .gov websites use HTTPS",
            "A lock ( lock ) or https:// means you’ve safely connected to the .gov website.",
        ] {
            assert_eq!(
                line_noise(banner),
                Some(Noise::Drop("site banner")),
                "{banner}"
            );
        }
        assert_eq!(
            line_noise("عربي Español Русский Français 简体中文"),
            Some(Noise::Drop("language menu"))
        );
        assert_eq!(line_noise("English Chinese talks"), None);
        assert_eq!(
            line_noise("簡體版 寄給朋友 政府新聞網"),
            Some(Noise::Drop("site navigation"))
        );
        assert_eq!(line_noise("打印 文章"), None);
        assert_eq!(
            line_noise("字號:默認 超大 | 打印 |"),
            Some(Noise::Drop("site navigation"))
        );
        assert_eq!(line_noise("EN"), Some(Noise::Drop("site navigation")));
        assert_eq!(
            line_noise("沈阳统计信息网 > 在线访谈 > 正文"),
            Some(Noise::Drop("site navigation"))
        );
        assert_eq!(
            line_noise("https://www.gov.cn/"),
            Some(Noise::Url("https://www.gov.cn/".into()))
        );
        assert_eq!(
            line_noise("//www.example.org/"),
            Some(Noise::Url("www.example.org/".into()))
        );
        assert_eq!(line_noise("See https://example.org"), None);
        assert_eq!(line_noise("The source of growth is demand."), None);
        assert_eq!(line_noise("Editors met on Monday to discuss it."), None);
    }

    #[test]
    fn stage_directions_and_clock_times() {
        assert_eq!(paragraph_noise("(Laughter.)"), Some("stage direction"));
        assert_eq!(paragraph_noise("[Applause]"), Some("stage direction"));
        assert_eq!(paragraph_noise("5:28 P.M. EDT"), Some("time stamp"));
        assert_eq!(paragraph_noise("(As interpreted.) Thank you."), None);
        assert_eq!(paragraph_noise("(a) first (b) second"), None);
        assert_eq!(paragraph_noise("Growth was 5.2 percent."), None);
        assert_eq!(paragraph_noise(">"), Some("stray punctuation"));
        assert_eq!(paragraph_noise("(x"), None);
        assert_eq!(paragraph_noise("2008年7月4日(星期五)"), Some("date line"));
        assert_eq!(paragraph_noise("Friday, July 4, 2008"), Some("date line"));
        assert_eq!(paragraph_noise("香港时间20时00分"), Some("time stamp"));
        assert_eq!(paragraph_noise("July 4, 2008 was hot."), None);
        assert_eq!(
            line_noise("…毛盛勇 中國網 宗超 攝"),
            Some(Noise::Drop("photo caption"))
        );
    }
}
