//! Figure detection: numbers with what makes them a statistic (a percent sign, a scale word, a unit,
//! a currency), dates, and the number-like tokens that are names rather than figures.
//!
//! Two regexes, compiled once, find candidate tokens: numbers and dates that start with a digit, and
//! Chinese numeral runs (searched only in text with CJK characters). The surrounding text then
//! decides, in plain code, whether a candidate is a figure, of what kind, and how far its span
//! reaches ([`super::units`] holds the word lists). Lookaround in code keeps the regexes simple and
//! fast, and lets each rule be read on its own. Spelled-out numbers are in [`super::spelled`].
//!
//! Conventions (docs/FIGURES.md):
//! - a unit of measure or a currency belongs to the span ("162.4 billion yuan", "300 Wh/kg",
//!   "$2 billion"); a counted noun does not ("590,000" in "590,000 vehicles" is a count);
//! - a scale word makes an amount ("2.661 million"), a bare number is a count;
//! - a year on its own ("in 2021", "2023年") is not a figure; a day with its month is a date;
//! - clock times, ordinals ("14th"), names ("5G", "COVID-19", "H1", "G20"), compound adjectives
//!   ("12-month", "three-year"), list markers and long digit strings (phone numbers, ids) are not.

use super::FigureKind;
use super::spelled::spelled;
use super::units::{
    MONTHS, ZH_APPROX, ZH_CURRENCY, ZH_MEASURES, currency_prefix, is_year, next_is_alpha, suffix,
    year_after, zh_suffix,
};
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// Candidate tokens that start with an ASCII digit. Alternatives are tried left to right at each
/// position, so dates come first. Searched only from a digit found by [`next_digit`].
static NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        [12][0-9]{3}-[01]?[0-9]-[0-3]?[0-9]
      | (?:[12][0-9]{3}\s?年\s?)?[01]?[0-9]\s?月\s?[0-3]?[0-9]\s?[日号號]
      | [12][0-9]{3}\s?年\s?[01]?[0-9]\s?月
      | [0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?
      | [0-9]+(?:\.[0-9]+)?
      ",
    )
    .expect("number regex is valid")
});

/// Chinese numeral runs, searched only in text that has CJK characters.
static CJK_NUMERAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"百分之[零〇一二两兩三四五六七八九十百点點]+|[〇一二两兩三四五六七八九十][零〇一二两兩三四五六七八九十百千万萬亿億]*",
    )
    .expect("numeral regex is valid")
});

/// Figures of `text` in order, not overlapping, appended to `out` as (byte range, kind).
pub fn find(text: &str, out: &mut Vec<(Range<usize>, FigureKind)>) {
    let first = out.len();
    // The number regex has its own fast prefilter; the numeral one runs only on text with CJK.
    let cjk = !text.is_ascii() && text.bytes().any(|b| b >= 0xE3);
    let mut scan = Scan {
        text,
        last_end: 0,
        rejected_end: usize::MAX,
    };
    let mut numbers = Numbers { text, pos: 0 }.peekable();
    let mut numerals = cjk
        .then(|| CJK_NUMERAL.find_iter(text))
        .into_iter()
        .flatten()
        .peekable();
    loop {
        let next = match (numbers.peek(), numerals.peek()) {
            (Some(a), Some(b)) if b.start() < a.start() => numerals.next(),
            (Some(_), _) => numbers.next(),
            (None, _) => numerals.next(),
        };
        let Some(m) = next else { break };
        if m.start() < scan.last_end {
            continue;
        }
        match scan.classify(m.start(), m.end()) {
            Some((range, kind)) => {
                scan.last_end = range.end;
                out.push((range, kind));
            }
            None => scan.rejected_end = m.end(),
        }
    }
    let before = out.len();
    spelled(text, first, out);
    if out.len() > before {
        out[first..].sort_by_key(|(r, _)| r.start);
    }
    inherit_range_kinds(text, &mut out[first..]);
}

/// Matches of [`NUMBER`], found by jumping to the next ASCII digit first: every match starts with
/// one, and a vectorised digit search is several times faster than the regex's own scan of prose.
struct Numbers<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> Iterator for Numbers<'a> {
    type Item = regex::Match<'a>;

    fn next(&mut self) -> Option<Self::Item> {
        let at = self.pos + next_digit(&self.text.as_bytes()[self.pos..])?;
        let m = NUMBER.find_at(self.text, at)?;
        self.pos = m.end().max(at + 1);
        Some(m)
    }
}

/// Index of the first ASCII digit in `b`: 16-byte blocks are tested whole, which compiles to SIMD.
fn next_digit(b: &[u8]) -> Option<usize> {
    let is_digit = |c: u8| c.wrapping_sub(b'0') < 10;
    let mut chunks = b.chunks_exact(16);
    let mut base = 0;
    for chunk in &mut chunks {
        if chunk.iter().fold(false, |acc, &c| acc | is_digit(c)) {
            return chunk.iter().position(|&c| is_digit(c)).map(|i| base + i);
        }
        base += 16;
    }
    chunks
        .remainder()
        .iter()
        .position(|&c| is_digit(c))
        .map(|i| base + i)
}

/// In "from 2 to 3 percent" or "5 and 10 million", the bare first number shares the second's kind.
fn inherit_range_kinds(text: &str, figs: &mut [(Range<usize>, FigureKind)]) {
    for i in 1..figs.len() {
        let (prev, next) = (&figs[i - 1], &figs[i]);
        if prev.1 != FigureKind::Count || !text[prev.0.clone()].bytes().all(is_plain_number_byte) {
            continue;
        }
        let inherits = matches!(
            next.1,
            FigureKind::Percent | FigureKind::PercentagePoints | FigureKind::Multiple
        ) || (next.1 == FigureKind::Amount
            && text[next.0.clone()].starts_with(|c: char| c.is_ascii_digit()));
        let gap = text[prev.0.end..next.0.start].trim();
        if inherits
            && matches!(
                gap,
                "-" | "–" | "—" | "~" | "-," | "–," | "to" | "and" | "or" | "至" | "到"
            )
        {
            figs[i - 1].1 = next.1;
        }
    }
}

fn is_plain_number_byte(b: u8) -> bool {
    b.is_ascii_digit() || b == b'.' || b == b','
}

struct Scan<'a> {
    text: &'a str,
    /// End of the last accepted figure: later candidates inside it are skipped.
    last_end: usize,
    /// End of the last rejected candidate, so that "COVID1-19" does not yield "19" as a range end.
    rejected_end: usize,
}

impl Scan<'_> {
    fn classify(&self, s: usize, e: usize) -> Option<(Range<usize>, FigureKind)> {
        let tok = &self.text[s..e];
        let first = tok.chars().next()?;
        if first.is_ascii_digit() {
            if tok.contains('月') {
                return self.cjk_date(s, e);
            }
            if tok.len() > 4 && tok.as_bytes()[4] == b'-' {
                return self.iso_date(s, e);
            }
            return self.number(s, e);
        }
        if tok.starts_with("百分之") {
            return Some((s..e, FigureKind::Percent));
        }
        self.cjk_numeral(s, e)
    }

    fn cjk_date(&self, s: usize, e: usize) -> Option<(Range<usize>, FigureKind)> {
        if prev_char(self.text, s).is_some_and(|c| c.is_ascii_alphanumeric()) {
            return None;
        }
        Some((s..e, FigureKind::Date))
    }

    fn iso_date(&self, s: usize, e: usize) -> Option<(Range<usize>, FigureKind)> {
        let mut parts = self.text[s..e].split('-').map(|p| p.parse::<u32>().ok());
        let (_, m, d) = (parts.next()??, parts.next()??, parts.next()??);
        let clean_left = !prev_char(self.text, s).is_some_and(|c| c.is_alphanumeric() || c == '-');
        let clean_right = !next_char(self.text, e).is_some_and(|c| c.is_alphanumeric() || c == '-');
        ((1..=12).contains(&m) && (1..=31).contains(&d) && clean_left && clean_right)
            .then_some((s..e, FigureKind::Date))
    }

    /// An Arabic number: decide from its neighbours whether and what kind of figure it is.
    fn number(&self, s: usize, e: usize) -> Option<(Range<usize>, FigureKind)> {
        let text = self.text;
        let tok = &text[s..e];
        let before = prev_char(text, s);
        let before2 = before.and_then(|c| prev_char(text, s - c.len_utf8()));
        let mut start = s;
        match before {
            Some(c) if c.is_ascii_alphanumeric() || "_/=#&?%\\@第".contains(c) => return None,
            Some('.') | Some(':') | Some(',') if before2.is_some_and(|c| c.is_ascii_digit()) => {
                return None;
            }
            Some(c @ ('-' | '–' | '+' | '−')) => match before2 {
                Some(b) if b.is_alphabetic() => return None,
                // "2-3%" is a range, but not after a rejected token ("COVID1-19").
                Some(b) if b.is_ascii_digit() && self.rejected_end == s - c.len_utf8() => {
                    return None;
                }
                None | Some(' ' | '\u{a0}' | '(' | '（') if c != '–' => start = s - c.len_utf8(),
                _ => {}
            },
            _ => {}
        }
        // A leading zero marks a code or a phone number, not a quantity ("020", but "0.5" is fine).
        if tok.len() > 1 && tok.starts_with('0') && tok.as_bytes()[1] != b'.' {
            return None;
        }
        let currency_start = currency_prefix(text, start);
        let start = currency_start.unwrap_or(start);
        let rest = &text[e..];

        if let Some(date) = self.english_date(s, e) {
            return Some(date);
        }
        if let Some((len, kind)) = suffix(rest) {
            let kind = if currency_start.is_some() && kind == FigureKind::Count {
                FigureKind::Amount
            } else {
                kind
            };
            return Some((start..e + len, kind));
        }
        if rest.starts_with(|c: char| c.is_ascii_alphabetic()) {
            return None;
        }
        if let Some(c) = rest.strip_prefix(['-', '‑']).and_then(|r| r.chars().next())
            && c.is_alphabetic()
        {
            return None;
        }
        if currency_start.is_some() {
            return Some((start..e, FigureKind::Amount));
        }
        self.bare_number(start, s, e)
    }

    /// A number with nothing that makes it a percent, amount or multiple: a count, unless its
    /// context shows a year, a time, a list marker or an identifier.
    fn bare_number(&self, start: usize, s: usize, e: usize) -> Option<(Range<usize>, FigureKind)> {
        let text = self.text;
        let tok = &text[s..e];
        let rest = &text[e..];
        let plain_int = tok.bytes().all(|b| b.is_ascii_digit());
        if let Some(c) = rest.chars().next()
            && ('\u{3400}'..='\u{9fff}').contains(&c)
        {
            return self.cjk_count(start, s, e);
        }
        if plain_int && start == s && is_year(tok) {
            return None;
        }
        // "Speaker 1:", "問題1：" label a turn or an item.
        if plain_int && (rest.starts_with(": ") || rest.starts_with('：') || rest == ":") {
            return None;
        }
        if plain_int && start == s && self.after_name(s) {
            return None;
        }
        if rest.starts_with(':') && rest[1..].starts_with(|c: char| c.is_ascii_digit()) {
            return None;
        }
        let lower_rest = rest
            .get(..6.min(rest.len()))
            .unwrap_or("")
            .to_ascii_lowercase();
        if [" a.m.", " p.m.", "am", "pm", " am", " pm", "a.m.", "p.m."]
            .iter()
            .any(|t| lower_rest.starts_with(t) && !next_is_alpha(rest, t.len()))
        {
            return None;
        }
        if rest.starts_with('/') && rest[1..].starts_with(|c: char| c.is_ascii_alphanumeric()) {
            return None;
        }
        if rest.starts_with('(') && rest[1..].starts_with(|c: char| c.is_ascii_alphabetic()) {
            return None;
        }
        if plain_int && tok.len() >= 7 {
            return None;
        }
        if plain_int && tok.len() <= 2 && self.is_list_marker(start, e) {
            return None;
        }
        Some((start..e, FigureKind::Count))
    }

    /// An Arabic number inside Chinese text: a count only before a measure word; a year before `年`.
    fn cjk_count(&self, start: usize, s: usize, e: usize) -> Option<(Range<usize>, FigureKind)> {
        let mut rest = self.text[e..].chars();
        let mut c = rest.next()?;
        if ZH_APPROX.contains(c) {
            c = rest.next()?;
        }
        if !ZH_MEASURES.contains(c)
            && !self.text[e..].starts_with("分鐘")
            && !self.text[e..].starts_with("分钟")
        {
            return None;
        }
        if c == '年' && is_year(&self.text[s..e]) {
            return None;
        }
        Some((start..e, FigureKind::Count))
    }

    /// A number straight after a capitalised word inside a sentence names something ("Channel 12",
    /// "Speaker 2", "Article 5") rather than counting.
    fn after_name(&self, s: usize) -> bool {
        let head = &self.text[..s];
        let Some(head) = head.strip_suffix(' ') else {
            return false;
        };
        let word_start = head.rfind(|c: char| !c.is_alphabetic()).map_or(0, |i| {
            i + head[i..].chars().next().map_or(1, char::len_utf8)
        });
        let word = &head[word_start..];
        if !word.starts_with(|c: char| c.is_uppercase()) || word.len() < 2 || MONTHS.contains(&word)
        {
            return false;
        }
        let before = head[..word_start].trim_end_matches([' ', '\u{a0}']);
        !(before.is_empty() || before.ends_with(['.', '!', '?', ':', ';', '"', '“', '(', '—']))
    }

    /// "1." or "(2)" opening a sentence, not a quantity.
    fn is_list_marker(&self, start: usize, e: usize) -> bool {
        let text = self.text;
        let rest = &text[e..];
        let head = text[..start].trim_end();
        if text[..start].ends_with('(') || text[..start].ends_with('（') {
            return rest.starts_with(')') || rest.starts_with('）');
        }
        let closes = rest.starts_with(". ") || rest.starts_with(") ") || rest == "." || rest == ")";
        closes && (head.is_empty() || head.ends_with(['.', ':', ';', '!', '?']))
    }

    /// "July 19", "July 19, 2022", "19 July 2022", "June 2023": the span of the whole date.
    fn english_date(&self, s: usize, e: usize) -> Option<(Range<usize>, FigureKind)> {
        let text = self.text;
        let tok = &text[s..e];
        let day_like = tok.len() <= 2 && tok.parse::<u32>().is_ok_and(|d| (1..=31).contains(&d));
        let head = text[..s].strip_suffix([' ', '\u{a0}'])?;
        let head = head.strip_suffix(" of").unwrap_or(head);
        if let Some(month) = MONTHS.iter().find(|m| head.ends_with(*m)) {
            let mstart = head.len() - month.len();
            if prev_char(text, mstart).is_some_and(|c| c.is_alphanumeric()) {
                return None;
            }
            if is_year(tok) {
                return Some((mstart..e, FigureKind::Date));
            }
            if !day_like {
                return None;
            }
            let mut end = e;
            for ord in ["st", "nd", "rd", "th"] {
                if text[end..].starts_with(ord) && !next_is_alpha(&text[end..], 2) {
                    end += 2;
                }
            }
            return Some((mstart..end + year_after(&text[end..]), FigureKind::Date));
        }
        if day_like {
            let mut rest = &text[e..];
            let mut e = e;
            for ord in ["st", "nd", "rd", "th"] {
                if rest.starts_with(ord) && !next_is_alpha(rest, 2) {
                    (rest, e) = (&rest[2..], e + 2);
                }
            }
            if let Some(r) = rest.strip_prefix(" of") {
                (rest, e) = (r, e + 3);
            }
            let rest = rest.strip_prefix(' ')?;
            let month = MONTHS.iter().find(|m| {
                rest.starts_with(*m) && (m.ends_with('.') || !next_is_alpha(rest, m.len()))
            })?;
            let end = e + 1 + month.len();
            return Some((s..end + year_after(&text[end..]), FigureKind::Date));
        }
        None
    }

    /// A Chinese numeral run: a figure with a scale, `倍`, `个百分点` or a measure word.
    fn cjk_numeral(&self, s: usize, e: usize) -> Option<(Range<usize>, FigureKind)> {
        let text = self.text;
        let tok = &text[s..e];
        if prev_char(text, s).is_some_and(|c| c == '第' || c == '星' || c == '礼' || c == '禮')
        {
            return None;
        }
        let rest = &text[e..];
        if tok.contains(['万', '萬', '亿', '億']) {
            let cur = ZH_CURRENCY
                .iter()
                .find(|c| rest.starts_with(*c))
                .map_or(0, |c| c.len());
            return Some((s..e + cur, FigureKind::Amount));
        }
        // "三分之一", "三分一": a share.
        if let Some(after) = rest
            .strip_prefix("分之")
            .or_else(|| rest.strip_prefix('分'))
            && let Some(c) = after.chars().next()
            && "一二三四五六七八九十".contains(c)
        {
            return Some((
                s..text.len() - after.len() + c.len_utf8(),
                FigureKind::Percent,
            ));
        }
        if let Some((len, kind)) = zh_suffix(rest)
            && kind != FigureKind::Count
        {
            return Some((s..e + len, kind));
        }
        // One-character numerals before a measure word are mostly words ("一个", "两种").
        if tok.chars().count() < 2 {
            return None;
        }
        let mut chars = rest.chars();
        let mut c = chars.next()?;
        if ZH_APPROX.contains(c) {
            c = chars.next()?;
        }
        ZH_MEASURES.contains(c).then_some((s..e, FigureKind::Count))
    }
}

fn prev_char(text: &str, at: usize) -> Option<char> {
    text[..at].chars().next_back()
}

fn next_char(text: &str, at: usize) -> Option<char> {
    text[at..].chars().next()
}
