//! What surrounds a number and makes it a figure: currency signs before it; percent signs, scale
//! words, units, currencies and Chinese measure words after it; month names around a day.

use super::FigureKind;

pub(super) const MONTHS: [&str; 23] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Jan.",
    "Feb.",
    "Mar.",
    "Apr.",
    "Jun.",
    "Jul.",
    "Aug.",
    "Sept.",
    "Sep.",
    "Oct.",
    "Nov.",
];

/// Words after a scale word or a bare number that make it money; the unit is part of the span.
pub(super) const CURRENCY_WORDS: [&str; 12] = [
    "US dollars",
    "U.S. dollars",
    "Hong Kong dollars",
    "HK dollars",
    "dollars",
    "dollar",
    "yuan",
    "RMB",
    "euros",
    "yen",
    "pounds",
    "rupees",
];

/// Units of measure that belong to the span and make an amount.
pub(super) const UNIT_WORDS: [&str; 22] = [
    "Wh/kg",
    "kWh",
    "TWh",
    "GWh",
    "GW",
    "MW",
    "kW",
    "tonnes",
    "tons",
    "ton",
    "square kilometers",
    "square kilometres",
    "square meters",
    "square metres",
    "kilometers",
    "kilometres",
    "km",
    "kg",
    "hectares",
    "barrels",
    "Gbps",
    "Mbps",
];

pub(super) const SCALE_WORDS: [&str; 6] =
    ["trillion", "billion", "million", "thousand", "bn", "mn"];

/// Chinese scale characters, longest first.
pub(super) const ZH_SCALES: [&str; 7] = ["万亿", "萬億", "亿", "億", "万", "萬", "千"];
pub(super) const ZH_CURRENCY: [&str; 8] = [
    "美元",
    "港元",
    "港币",
    "港幣",
    "人民币",
    "人民幣",
    "欧元",
    "元",
];
pub(super) const ZH_UNITS: [&str; 5] = ["千瓦时", "千瓦", "公里", "吨", "噸"];
/// Measure words after which a number counts things (`250项`, `十八個`).
pub(super) const ZH_MEASURES: &str =
    "个個项項家名人份条條件次座台辆輛架所位种種户戶只宗笔筆款间間批天年";
/// "more than" / "some" between a number and its measure word (`三十多家`, `2000幾份`).
pub(super) const ZH_APPROX: &str = "多余餘几幾";

/// Currency signs and codes written before the number, longest first.
pub(super) const CURRENCY_PREFIXES: [&str; 11] = [
    "US$", "HK$", "NT$", "A$", "C$", "S$", "RMB", "$", "€", "£", "¥",
];

/// What follows a number and makes it a percent, points, multiple or amount: (bytes, kind).
pub(super) fn suffix(rest: &str) -> Option<(usize, FigureKind)> {
    if let Some(r) = zh_suffix(rest) {
        return Some(r);
    }
    let (gap, after) = match rest.strip_prefix([' ', '\u{a0}']) {
        Some(a) => (rest.len() - a.len(), a),
        None => (0, rest),
    };
    if after.starts_with('%') || after.starts_with('％') {
        return Some((gap + after.chars().next()?.len_utf8(), FigureKind::Percent));
    }
    if gap == 0 {
        if let Some(tail) = rest.strip_prefix(['-', '‑']) {
            let hy = rest.len() - tail.len();
            if let Some(n) = word_at(tail, "fold") {
                return Some((hy + n, FigureKind::Multiple));
            }
            if let Some(n) = word_at(tail, "plus") {
                return Some((hy + n, FigureKind::Count));
            }
            if let Some(n) = ["dollar", "yuan"].iter().find_map(|w| word_at(tail, w)) {
                return Some((hy + n, FigureKind::Amount));
            }
        }
        return ["kWh", "GW", "MW", "km", "kg", "bn", "mn"]
            .iter()
            .find_map(|w| word_at(rest, w))
            .map(|n| (n, FigureKind::Amount));
    }
    let words: [(&[&str], FigureKind); 3] = [
        (
            &["percentage points", "percentage point"],
            FigureKind::PercentagePoints,
        ),
        (&["percent", "per cent", "pct"], FigureKind::Percent),
        (&["times", "fold"], FigureKind::Multiple),
    ];
    for (list, kind) in words {
        if let Some(n) = list.iter().find_map(|w| word_at(after, w)) {
            return Some((gap + n, kind));
        }
    }
    if let Some(n) = SCALE_WORDS.iter().find_map(|w| word_at(after, w)) {
        let tail = &after[n..];
        let unit = tail
            .strip_prefix([' ', '\u{a0}'])
            .and_then(|t| {
                CURRENCY_WORDS
                    .iter()
                    .chain(UNIT_WORDS.iter())
                    .find_map(|w| word_at(t, w))
            })
            .map_or(0, |u| u + 1);
        return Some((gap + n + unit, FigureKind::Amount));
    }
    CURRENCY_WORDS
        .iter()
        .chain(UNIT_WORDS.iter())
        .find_map(|w| word_at(after, w))
        .map(|n| (gap + n, FigureKind::Amount))
}

/// Chinese suffixes written straight after the number: `%`, `个百分点`, `倍`, `万亿元`, `吨`.
pub(super) fn zh_suffix(rest: &str) -> Option<(usize, FigureKind)> {
    for p in ["个百分点", "個百分點", "百分点", "百分點"] {
        if rest.starts_with(p) {
            return Some((p.len(), FigureKind::PercentagePoints));
        }
    }
    if rest.starts_with('倍') {
        return Some(('倍'.len_utf8(), FigureKind::Multiple));
    }
    if let Some(sc) = ZH_SCALES.iter().find(|p| rest.starts_with(*p)) {
        let tail = &rest[sc.len()..];
        let cur = ZH_CURRENCY
            .iter()
            .chain(ZH_UNITS.iter())
            .find(|c| tail.starts_with(*c))
            .map_or(0, |c| c.len());
        return Some((sc.len() + cur, FigureKind::Amount));
    }
    ZH_CURRENCY
        .iter()
        .chain(ZH_UNITS.iter())
        .find(|c| rest.starts_with(*c))
        .map(|c| (c.len(), FigureKind::Amount))
}

/// Length of `word` at the start of `s` (ASCII case-insensitive) when it ends at a word boundary.
pub(super) fn word_at(s: &str, word: &str) -> Option<usize> {
    let head = s.get(..word.len())?;
    (head.eq_ignore_ascii_case(word) && !next_is_alpha(s, word.len())).then_some(word.len())
}

pub(super) fn next_is_alpha(s: &str, at: usize) -> bool {
    s.get(at..)
        .and_then(|t| t.chars().next())
        .is_some_and(|c| c.is_alphanumeric())
}

/// ", 2022" or " 2022" after a day: its length, else 0.
pub(super) fn year_after(rest: &str) -> usize {
    for sep in [", ", " "] {
        if let Some(t) = rest.strip_prefix(sep)
            && t.len() >= 4
            && is_year(&t[..4])
            && !next_is_alpha(t, 4)
            && !t[4..].starts_with(|c: char| c.is_ascii_digit())
        {
            return sep.len() + 4;
        }
    }
    0
}

pub(super) fn is_year(tok: &str) -> bool {
    tok.len() == 4 && tok.parse::<u32>().is_ok_and(|y| (1900..=2099).contains(&y))
}

/// Start of a currency sign or code written just before `at` (one space allowed between).
pub(super) fn currency_prefix(text: &str, at: usize) -> Option<usize> {
    let head = &text[..at];
    let head = head.strip_suffix(' ').unwrap_or(head);
    let p = CURRENCY_PREFIXES.iter().find(|p| head.ends_with(*p))?;
    let ps = head.len() - p.len();
    (!prev_char(text, ps).is_some_and(|c| c.is_ascii_alphanumeric())).then_some(ps)
}

fn prev_char(text: &str, at: usize) -> Option<char> {
    text[..at].chars().next_back()
}
