//! The header: what comes before the first spoken turn. Title, date, place and time lines, and
//! the list of speakers ("Name, role of Organisation") from which roles are filled.

use super::han_names::{self, Field};
use super::people::People;
use super::text::{Para, excerpt};
use super::{NoteKind, Notes, new_person};
use crate::model::{Meta, SpeakerKind};
use regex::Regex;
use std::sync::LazyLock;

/// What one header paragraph is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HeaderLine {
    /// A date, with what else the line says (`Beijing | 10 a.m. July 19, 2022`).
    Date {
        iso: String,
        place: Option<String>,
        time: Option<String>,
    },
    /// An entry of the speaker list.
    Speaker {
        name: String,
        role: String,
        org: Option<String>,
    },
    /// A short line without a full stop: a title, a venue, a place.
    Short(String),
    /// The place or venue given as a field (`地点：…`).
    Place(String),
    /// An entry of a topic index (`~ NORTH KOREA ~`).
    Topic(String),
    /// The time of the event alone on its line (`1:23 p.m. EDT`).
    Time(String),
    /// A short `Key: value` line (`Briefer: Spokesperson Matthew Miller`).
    Field(String),
    /// Anything else: prose that introduces the event.
    Prose,
}

const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

static ISO: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b").expect("iso date"));
static MDY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.? (\d{1,2}),? (\d{4})\b")
        .expect("month day year")
});
static DMY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(\d{1,2}) (january|february|march|april|may|june|july|august|september|october|november|december) (\d{4})\b")
        .expect("day month year")
});
static HAN_DATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(\d{4})年(\d{1,2})月(\d{1,2})日").expect("han date"));
static HAN_CLOCK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b\d{1,2}[:：]\d{2}\b").expect("24-hour clock"));

static CLOCK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b\d{1,2}(:\d{2})? ?(a\.m\.|p\.m\.|am|pm)").expect("clock time")
});

fn month_number(m: &str) -> Option<u32> {
    let m = m.to_lowercase();
    MONTHS
        .iter()
        .position(|full| full.starts_with(&m[..m.len().min(3)]))
        .map(|i| i as u32 + 1)
}

fn iso(y: &str, m: u32, d: &str) -> Option<String> {
    let d: u32 = d.parse().ok()?;
    let y: u32 = y.parse().ok()?;
    ((1..=12).contains(&m) && (1..=31).contains(&d) && (1900..=2200).contains(&y))
        .then(|| format!("{y:04}-{m:02}-{d:02}"))
}

/// The first full date in a text, as `YYYY-MM-DD`, and where it sits.
pub fn find_date(text: &str) -> Option<(String, std::ops::Range<usize>)> {
    let mut best: Option<(String, std::ops::Range<usize>)> = None;
    let mut consider = |found: Option<String>, r: std::ops::Range<usize>| {
        if let Some(d) = found
            && best.as_ref().is_none_or(|(_, b)| r.start < b.start)
        {
            best = Some((d, r));
        }
    };
    if let Some(c) = ISO.captures(text) {
        consider(
            c[2].parse().ok().and_then(|m| iso(&c[1], m, &c[3])),
            c.get(0).map_or(0..0, |m| m.range()),
        );
    }
    if let Some(c) = MDY.captures(text) {
        consider(
            month_number(&c[1]).and_then(|m| iso(&c[3], m, &c[2])),
            c.get(0).map_or(0..0, |m| m.range()),
        );
    }
    if let Some(c) = DMY.captures(text) {
        consider(
            month_number(&c[2]).and_then(|m| iso(&c[3], m, &c[1])),
            c.get(0).map_or(0..0, |m| m.range()),
        );
    }
    if let Some(c) = HAN_DATE.captures(text) {
        consider(
            c[2].parse().ok().and_then(|m| iso(&c[1], m, &c[3])),
            c.get(0).map_or(0..0, |m| m.range()),
        );
    }
    best
}

/// Classify a paragraph of the header.
pub fn classify(text: &str) -> HeaderLine {
    // Markdown bold around a field's name (`**Date:** 2025-07-30`) is layout, not text.
    if text.contains("**") {
        return classify(&text.replace("**", ""));
    }
    if let Some(f) = han_names::header_field(text) {
        return match f {
            Field::Time(t) => match find_date(t) {
                Some((iso, _)) => HeaderLine::Date {
                    iso,
                    place: None,
                    time: HAN_CLOCK.find(t).map(|m| m.as_str().to_string()),
                },
                None => HeaderLine::Time(t.to_string()),
            },
            Field::Place(p) => HeaderLine::Place(p.to_string()),
            Field::Person { office, name } => HeaderLine::Speaker {
                name: name.to_string(),
                role: office.to_string(),
                org: None,
            },
        };
    }
    let n = text.chars().count();
    if n <= 80
        && let Some((iso, range)) = find_date(text)
    {
        let rest = format!("{} {}", &text[..range.start], &text[range.end..]);
        let time = CLOCK.find(&rest).map(|m| m.as_str().to_string());
        let place = rest
            .split(['|', ','])
            .map(|s| match &time {
                Some(t) => s.replace(t.as_str(), ""),
                None => s.to_string(),
            })
            .map(|s| s.trim().to_string())
            // `来源: 新闻办网站`, `Date:` are fields, not places.
            .find(|s| s.chars().any(char::is_alphabetic) && !is_weekday(s) && is_place(s));
        return HeaderLine::Date { iso, place, time };
    }
    if let Some(s) = speaker_entry(text) {
        return s;
    }
    // `以下是行政長官梁振英今日…的談話全文:` introduces the text that follows.
    if n <= 200
        && ["以下是", "以下为", "以下為"]
            .iter()
            .any(|p| text.starts_with(p))
        && text.ends_with(super::labels::is_colon)
    {
        return HeaderLine::Field(text.to_string());
    }
    if let Some(topic) = text.strip_prefix('~').and_then(|t| t.strip_suffix('~')) {
        return HeaderLine::Topic(topic.trim().to_string());
    }
    if n <= 30
        && let Some(m) = CLOCK.find(text)
        && m.start() == 0
        && text[m.end()..]
            .split_whitespace()
            .all(|w| w.len() <= 4 && w.chars().all(|c| c.is_ascii_uppercase()))
    {
        return HeaderLine::Time(text.to_string());
    }
    if n <= 120
        && let Some((key, value)) = text.split_once(": ")
        && (1..=2).contains(&key.split(' ').count())
        && key.chars().next().is_some_and(char::is_uppercase)
        && !value.trim().is_empty()
    {
        return HeaderLine::Field(text.to_string());
    }
    let sentence_end = text.ends_with(['.', '。', '!', '?', '！', '？']);
    if n <= 250 && !sentence_end {
        return HeaderLine::Short(text.to_string());
    }
    HeaderLine::Prose
}

/// Whether what a line says besides its date is a title (`国务院新闻办公室 新闻发布会`, `Regular
/// Press Conference on`) rather than a dateline's place.
pub fn is_title_like(rest: &str) -> bool {
    let han = rest.chars().filter(|&c| super::labels::is_han(c)).count();
    han >= 6 || rest.split_whitespace().count() >= 4
}

/// Whether a short header line names the body that publishes the text (`India - Ministry of
/// External Affairs`, `U.S. Department of State`): its source, not its place.
pub fn is_publisher(s: &str) -> bool {
    const BODIES: &[&str] = &[
        "Ministry",
        "Bureau",
        "Department",
        "Council",
        "Commission",
        "Committee",
        "Agency",
        "Government",
        "Authority",
        "Administration",
    ];
    s.chars().count() <= 80 && s.split([' ', ',']).any(|w| BODIES.contains(&w))
}

/// Whether a short header line can name the place or venue (`Beijing`, `Aboard Air Force One`,
/// `James S. Brady Press Briefing Room`): a few words, no sentence punctuation, not introducing
/// what follows.
pub fn is_place(s: &str) -> bool {
    let han = s.chars().filter(|&c| super::labels::is_han(c)).count();
    let list_item = s
        .split_once(". ")
        .is_some_and(|(n, _)| n.chars().all(|c| c.is_ascii_digit()));
    !list_item
        && s.chars().count() <= 60
        && han <= 16
        && s.split(" ").count() <= 10
        && !s.contains([
            '，', '。', '？', '！', '?', '!', ';', '；', '：', ':', '(', '（',
        ])
}

pub fn is_weekday(s: &str) -> bool {
    let l = s.to_lowercase();
    [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ]
    .contains(&l.as_str())
}

/// `Name, role of Organisation`: a name of two to four capitalised words, then a role that reads
/// as a description (it has lower-case words, unlike `Woodside, California`).
fn speaker_entry(text: &str) -> Option<HeaderLine> {
    if text.chars().count() > 300 || text.ends_with('.') {
        return None;
    }
    let (name, role) = text.split_once(", ").or_else(|| text.split_once('，'))?;
    let name = name.trim();
    let words: Vec<&str> = name.split(' ').collect();
    let han_name =
        (2..=4).contains(&name.chars().count()) && name.chars().all(super::labels::is_han);
    let latin_name = (2..=4).contains(&words.len())
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars()
                    .all(|c| c.is_alphabetic() || c == '-' || c == '\'')
        });
    let role = role.trim();
    let descriptive = role.split(' ').count() >= 2
        && role
            .split(' ')
            .any(|w| w.chars().next().is_some_and(char::is_lowercase));
    if !(han_name || (latin_name && descriptive)) || role.is_empty() {
        return None;
    }
    let (role, org) = split_org(role);
    Some(HeaderLine::Speaker {
        name: name.to_string(),
        role,
        org,
    })
}

const ORG_HEADS: &[&str] = &[
    "Ministry",
    "Office",
    "Bureau",
    "Department",
    "Council",
    "Commission",
    "Administration",
    "Bank",
    "Committee",
    "Agency",
    "Government",
    "Institute",
    "Association",
    "Academy",
    "Center",
    "Centre",
    "Corporation",
    "Authority",
    "Service",
    "State",
    "People's",
    "National",
    "General",
    "China",
];

/// Split `spokesperson and chief engineer of the Ministry of X` into role and organisation at
/// the last `of`/`for`/`at` that is followed by the name of an organisation; a further office
/// after the organisation (`… Office and spokesperson of the Office`) goes back to the role.
pub(super) fn split_org(role: &str) -> (String, Option<String>) {
    // A second office after the organisation (`… Office and spokesperson of the Office`) is set
    // aside first.
    let first_org = role
        .match_indices(' ')
        .find(|&(i, _)| ORG_HEADS.contains(&role[i + 1..].split(' ').next().unwrap_or("")))
        .map_or(role.len(), |(i, _)| i);
    let tail_at = role[first_org..]
        .match_indices(" and ")
        .find(|&(i, m)| {
            role[first_org + i + m.len()..]
                .chars()
                .next()
                .is_some_and(char::is_lowercase)
        })
        .map_or(role.len(), |(i, _)| first_org + i);
    let (head, tail) = role.split_at(tail_at);
    for sep in [" of the ", " for the ", " at the ", " of ", " for ", ", "] {
        let found = head.match_indices(sep).filter(|&(at, _)| {
            let first = head[at + sep.len()..].split(' ').next().unwrap_or("");
            ORG_HEADS.contains(&first)
        });
        if let Some((at, _)) = found.last() {
            let org = head[at + sep.len()..]
                .trim()
                .trim_end_matches([',', ';'])
                .to_string();
            return (format!("{}{tail}", head[..at].trim()), Some(org));
        }
    }
    (role.to_string(), None)
}

/// Title, date, place and speaker list before the first turn; returns the prose that is left.
pub fn read(paras: &[Para], meta: &mut Meta, people: &mut People, notes: &mut Notes) -> Vec<Para> {
    let mut prose = Vec::new();
    for (k, p) in paras.iter().enumerate() {
        match classify(&p.text) {
            // `国务院新闻办公室2024年1月18日新闻发布会`: a first line with a date in it is the title.
            HeaderLine::Date { iso, place, .. }
                if k == 0
                    && meta.title.is_empty()
                    && place.as_ref().is_some_and(|pl| is_title_like(pl)) =>
            {
                meta.date.get_or_insert(iso);
                meta.title = p.text.clone();
                notes.add(p.line, NoteKind::Metadata, "title (with the date)");
            }
            HeaderLine::Date { iso, place, time } => {
                meta.date.get_or_insert(iso);
                if let Some(pl) = place {
                    meta.place.get_or_insert(pl);
                }
                if let Some(t) = time {
                    meta.time.get_or_insert(t);
                }
                notes.add(p.line, NoteKind::Metadata, format!("date line: {}", p.text));
            }
            HeaderLine::Speaker { name, role, org } => {
                let mut person = new_person(name, Some(role), SpeakerKind::Official);
                person.org = org;
                person.listed = true;
                people.add(person);
                notes.add(
                    p.line,
                    NoteKind::Metadata,
                    format!("speaker list: {}", excerpt(&p.text, 60)),
                );
            }
            HeaderLine::Short(s) => {
                let s = s.trim_start_matches('#').trim().to_string();
                if meta.title.is_empty() {
                    meta.title = s;
                    notes.add(p.line, NoteKind::Metadata, "title");
                } else if p.text.starts_with('#') || s == meta.title {
                    notes.add(
                        p.line,
                        NoteKind::Removed,
                        format!("repeats the title: {}", excerpt(&s, 60)),
                    );
                } else if is_publisher(&s) && meta.source.is_none() {
                    notes.add(p.line, NoteKind::Metadata, format!("source: {}", p.text));
                    meta.source = Some(s);
                } else if is_place(&s) {
                    let place = match meta.place.take() {
                        Some(old) => format!("{old}, {s}"),
                        None => s,
                    };
                    meta.place = Some(place);
                    notes.add(p.line, NoteKind::Metadata, format!("place: {}", p.text));
                } else if s.chars().count() <= 60 && !s.ends_with([':', '：']) {
                    add_note(meta, "", &s, "\n");
                    notes.add(p.line, NoteKind::Metadata, format!("note: {}", p.text));
                } else {
                    prose.push(p.clone());
                }
            }
            HeaderLine::Place(pl) => {
                meta.place.get_or_insert(pl);
                notes.add(p.line, NoteKind::Metadata, format!("place: {}", p.text));
            }
            HeaderLine::Topic(t) => {
                add_note(meta, "Topics", &t, "; ");
                notes.add(p.line, NoteKind::Metadata, format!("topic index: {t}"));
            }
            HeaderLine::Time(t) => {
                meta.time.get_or_insert(t);
                notes.add(p.line, NoteKind::Metadata, format!("time: {}", p.text));
            }
            HeaderLine::Field(f) => {
                add_note(meta, "", &f, "\n");
                notes.add(p.line, NoteKind::Metadata, format!("note: {f}"));
            }
            HeaderLine::Prose => prose.push(p.clone()),
        }
    }
    prose
}

/// Add to the briefing's notes: `Topics: A; B` grows by `; C`, other lines each on their own line.
fn add_note(meta: &mut Meta, heading: &str, text: &str, sep: &str) {
    let notes = meta.notes.get_or_insert_with(String::new);
    let open = format!("{heading}: ");
    if !heading.is_empty() && notes.lines().last().is_some_and(|l| l.starts_with(&open)) {
        notes.push_str(sep);
    } else {
        if !notes.is_empty() {
            notes.push('\n');
        }
        if !heading.is_empty() {
            notes.push_str(&open);
        }
    }
    notes.push_str(text);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_several_spellings() {
        assert_eq!(find_date("Issued 2023-07-20").unwrap().0, "2023-07-20");
        assert_eq!(
            find_date("on July 9, 2021 at noon").unwrap().0,
            "2021-07-09"
        );
        assert_eq!(find_date("9 March 2020").unwrap().0, "2020-03-09");
        assert_eq!(find_date("2021年3月4日上午").unwrap().0, "2021-03-04");
        assert_eq!(find_date("May 20"), None);
    }

    #[test]
    fn publishers_are_sources() {
        assert!(is_publisher("India - Ministry of External Affairs"));
        assert!(!is_publisher("James S. Brady Press Briefing Room"));
    }

    #[test]
    fn places_are_short_and_are_no_sentences() {
        assert!(is_place(
            "Aboard Air Force One En Route Goldsboro, North Carolina"
        ));
        assert!(is_place("北京"));
        assert!(!is_place(
            "本著求真精神，究竟當時中文記者提問，同港台英文台記者提問，有無如林鄭所言重複？且看："
        ));
        assert!(!is_place("Briefer: Spokesperson Matthew Miller"));
        assert_eq!(
            classify("~ NORTH KOREA ~"),
            HeaderLine::Topic("NORTH KOREA".into())
        );
        assert_eq!(
            classify("Briefer: Spokesperson Matthew Miller"),
            HeaderLine::Field("Briefer: Spokesperson Matthew Miller".into())
        );
    }

    #[test]
    fn a_dateline_gives_place_and_time() {
        assert_eq!(
            classify("Shanghai | 3 p.m. March 2, 2021"),
            HeaderLine::Date {
                iso: "2021-03-02".into(),
                place: Some("Shanghai".into()),
                time: Some("3 p.m.".into())
            }
        );
    }

    #[test]
    fn speaker_list_entries_split_role_and_organisation() {
        assert_eq!(
            classify("Li Ming, spokesperson and chief economist of the Ministry of Ports"),
            HeaderLine::Speaker {
                name: "Li Ming".into(),
                role: "spokesperson and chief economist".into(),
                org: Some("Ministry of Ports".into())
            }
        );
        assert_eq!(
            classify(
                "Wu Fan, deputy head of the Press Bureau of the State Office (SO) and spokesperson of the SO"
            ),
            HeaderLine::Speaker {
                name: "Wu Fan".into(),
                role: "deputy head of the Press Bureau and spokesperson of the SO".into(),
                org: Some("State Office (SO)".into())
            }
        );
        assert_eq!(
            classify("Woodside, California"),
            HeaderLine::Short("Woodside, California".into())
        );
        assert_eq!(
            classify("Friends, good morning to you all."),
            HeaderLine::Prose
        );
    }
}
