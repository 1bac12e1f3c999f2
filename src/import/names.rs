//! Names: what a label says about who speaks, and one identity per person.
//!
//! `MS. ROE:`, `Ms. Roe:` and `Jane Roe:` are one speaker; honorifics are dropped, titles
//! (`SECRETARY`, `Spokesperson`) become the role, all-caps names are written in title case.
//! Labels that name a role rather than a person (`Reporter`, `MODERATOR`, `Speaker 3`,
//! `主持人`) and labels that name a media outlet (`China Daily:`) are told apart here.

use super::labels::is_han;
use std::collections::{HashMap, HashSet};

/// What a label stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Who {
    /// A reporter whose name is not given; `outlet` when the label names one.
    Reporter { outlet: Option<String> },
    /// A numbered or anonymous label (`Speaker 3`): a reporter unless the text shows otherwise.
    Placeholder(String),
    /// A reporter the label names with their outlet (`JOSEPH MORONG/GMA7`).
    NamedReporter { name: String, outlet: String },
    /// A named person or a role that answers (`MODERATOR`), with a title from the label.
    Person {
        name: String,
        role: Option<String>,
        kind: Hint,
    },
}

/// What the label alone says about a person's part.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hint {
    Host,
    Official,
    Other,
}

const HONORIFICS: &[&str] = &[
    "mr", "mr.", "ms", "ms.", "mrs", "mrs.", "miss", "dr", "dr.", "madam", "madame", "sir", "shri",
    "smt", "smt.", "sri",
];

const TITLES: &[&str] = &[
    "secretary",
    "president",
    "vice",
    "prime",
    "minister",
    "ambassador",
    "governor",
    "senator",
    "admiral",
    "general",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "chair",
    "chairman",
    "chairwoman",
    "director",
    "deputy",
    "commissioner",
    "mayor",
    "premier",
    "chancellor",
    "leader",
    "representative",
    // Ranks: `MAJOR GENERAL PAT RYDER:` and `GEN. RYDER:` are one person.
    "major",
    "maj.",
    "gen.",
    "gen",
    "lieutenant",
    "lt.",
    "colonel",
    "col.",
    "captain",
    "capt.",
    "brigadier",
    "brig.",
    "rear",
    "adm.",
    "sergeant",
    "sgt.",
    "commander",
    "cmdr.",
    "press",
    "principal",
    "under",
    "assistant",
    "special",
    "envoy",
    "state",
    // Abbreviated offices: `PM Lee Hsien Loong` and `PM Lee` are one person, as are
    // `PCO USEC. ATTY. CASTRO` and `USEC. CASTRO`.
    "pm",
    "sec.",
    "usec.",
    "asec.",
    "atty.",
    "hon.",
    "sen.",
    "rep.",
    "gov.",
    "pco",
];

/// Short labels that stand for an office, not a newspaper, and the office they name.
const OFFICE_ABBREVIATIONS: &[(&str, &str)] = &[
    ("PM", "Prime Minister"),
    ("DPM", "Deputy Prime Minister"),
    ("FM", "Foreign Minister"),
    ("VP", "Vice President"),
    ("POTUS", "The President"),
    ("CEO", "Chief Executive Officer"),
    ("CFO", "Chief Financial Officer"),
    ("COO", "Chief Operating Officer"),
    ("CTO", "Chief Technology Officer"),
    ("SG", "Secretary-General"),
    ("DG", "Director-General"),
];

fn office_abbreviation(label: &str) -> Option<&'static str> {
    OFFICE_ABBREVIATIONS
        .iter()
        .find(|(short, _)| *short == label)
        .map(|(_, office)| *office)
}

const MEDIA_WORDS: &[&str] = &[
    "news",
    "daily",
    "times",
    "post",
    "agency",
    "press",
    "tv",
    "television",
    "radio",
    "network",
    "journal",
    "paper",
    "media",
    "broadcasting",
    "channel",
    "magazine",
    "weekly",
    "herald",
    "tribune",
    "observer",
    "gazette",
    "reuters",
    "bloomberg",
    "xinhua",
    "online",
    "telegraph",
    "guardian",
    "economist",
    "cnn",
    "bbc",
    "cctv",
    "cgtn",
    "afp",
    "nhk",
    "yonhap",
];

const PLACEHOLDERS: &[&str] = &[
    "speaker",
    "unidentified",
    "unknown",
    "audience",
    "participant",
    "male",
    "female",
    "voice",
    "voices",
    "questioner",
    "attendee",
];

/// Whether a label names an unnamed reporter's part (`Reporter`, `记者`, `Journalist`).
pub fn is_reporter_word(label: &str) -> bool {
    matches!(
        label.to_lowercase().as_str(),
        "reporter"
            | "journalist"
            | "correspondent"
            | "question"
            | "q"
            | "press"
            | "记者"
            | "記者"
            | "问"
            | "問"
            | "提问"
            | "提問"
    )
}

fn is_host_word(lower: &str) -> bool {
    matches!(
        lower,
        "moderator" | "host" | "chair" | "chairperson" | "mc" | "operator" | "主持人" | "主持"
    )
}

/// Words that name the event, not a speaker (`Press Briefing Transcript: African Department`).
const EVENT_WORDS: &[&str] = &[
    "transcript",
    "briefing",
    "conference",
    "remarks",
    "readout",
    "gaggle",
    "interview",
    "statement",
];

/// Whether a label holds a word that names the event (`Press Briefing Transcript`).
pub fn names_event(label: &str) -> bool {
    label
        .split(' ')
        .any(|w| EVENT_WORDS.contains(&w.to_lowercase().as_str()))
}

/// What a label stands for. Never fails: an unknown label is a person named by it.
pub fn classify(label: &str) -> Who {
    let lower = label.to_lowercase();
    if is_reporter_word(label) {
        return Who::Reporter { outlet: None };
    }
    if let Some(outlet) = chinese_outlet(label).or_else(|| english_outlet(label)) {
        return Who::Reporter { outlet };
    }
    if is_host_word(&lower) {
        return person(label, None, Hint::Host);
    }
    // `Answer:` and `答：` are the `A:` that answers `Q:`.
    if matches!(lower.as_str(), "answer" | "答" | "回答") {
        return person("A", None, Hint::Official);
    }
    if matches!(
        lower.as_str(),
        "interpreter" | "translator" | "翻译" | "翻譯"
    ) {
        return person(label, None, Hint::Other);
    }
    for host in ["主持人", "主持"] {
        if let Some(name) = label.strip_prefix(host) {
            return person(name.trim(), Some(host.to_string()), Hint::Host);
        }
    }
    for official in ["发布人", "發布人", "发言人", "發言人"] {
        if let Some(name) = label.strip_prefix(official) {
            let name = name.trim();
            let name = if name.is_empty() { label } else { name };
            return person(name, Some(official.to_string()), Hint::Official);
        }
    }
    if let Some((name, outlet)) = label.split_once('/')
        && !name.trim().is_empty()
        && !outlet.trim().is_empty()
    {
        return Who::NamedReporter {
            name: title_case(name.trim()),
            outlet: outlet.trim().to_string(),
        };
    }
    if let Some((name, _)) = initialled(label) {
        return classify(name);
    }
    if let Some((role, name, office)) = role_holder(label) {
        let hint = if is_host_word(&role.to_lowercase()) {
            Hint::Host
        } else {
            Hint::Official
        };
        return person(name, Some(office.unwrap_or(role).to_string()), hint);
    }
    if let Some(outlet) = reporter_from(label) {
        return Who::Reporter {
            outlet: Some(outlet.to_string()),
        };
    }
    if let Some(office) = office_abbreviation(label) {
        return Who::Person {
            name: office.to_string(),
            role: Some(office.trim_start_matches("The ").to_string()),
            kind: Hint::Official,
        };
    }
    if let Some((office, name)) = super::han_names::split(label) {
        return person(name, Some(office.to_string()), Hint::Official);
    }
    let first = lower.split(' ').next().unwrap_or("");
    if PLACEHOLDERS.contains(&first) && !label.chars().any(is_han) {
        return Who::Placeholder(title_case(label));
    }
    if is_outlet(label) {
        return Who::Reporter {
            outlet: Some(label.to_string()),
        };
    }
    if let Some((name, office)) = label.split_once(", ") {
        let (name, title) = split_title(name);
        return person(
            &name,
            Some(title.unwrap_or_else(|| office.to_string())),
            Hint::Official,
        );
    }
    let (name, role) = split_title(label);
    person(&name, role, Hint::Official)
}

fn person(name: &str, role: Option<String>, kind: Hint) -> Who {
    Who::Person {
        name: title_case(name),
        role,
        kind,
    }
}

/// `CCTV reporter` / `AFP correspondent` → the outlet before the reporter word. The stem must
/// not itself look like a person's title (`Senior correspondent` stays a reporter without outlet).
fn english_outlet(label: &str) -> Option<Option<String>> {
    let (stem, last) = label.trim().rsplit_once(' ')?;
    if !matches!(
        last.to_lowercase().as_str(),
        "reporter" | "correspondent" | "journalist"
    ) {
        return None;
    }
    let stem = stem.trim();
    // Codes such as `X7-QQ21` are junk prefixes, not outlets.
    let outlet_like = stem.split(' ').count() <= 4
        && stem.chars().next().is_some_and(char::is_uppercase)
        && stem
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, ' ' | '.' | '-' | '&' | '\'' | '’'));
    outlet_like.then(|| Some(stem.to_string()))
}

/// `新华社记者` → outlet `新华社`; a bare `记者` has none.
fn chinese_outlet(label: &str) -> Option<Option<String>> {
    let stem = label
        .strip_suffix("记者")
        .or_else(|| label.strip_suffix("記者"))?
        .trim();
    Some((!stem.is_empty()).then(|| stem.to_string()))
}

/// `Reporter from Xinhua News Agency`, `Journalist with Reuters` → the outlet.
pub fn reporter_from(label: &str) -> Option<&str> {
    let (word, rest) = label.split_once(' ')?;
    let (link, outlet) = rest.split_once(' ')?;
    let reporter = matches!(
        word.to_lowercase().as_str(),
        "reporter" | "journalist" | "correspondent"
    );
    (reporter && matches!(link, "from" | "with" | "of") && !outlet.trim().is_empty())
        .then(|| outlet.trim())
}

/// `Moderator (Zou Lan, Director General of the Financial Market Department)`: a role and who
/// holds it → (role, name, office). Later turns are labelled with the role alone.
pub fn role_holder(label: &str) -> Option<(&str, &str, Option<&str>)> {
    let (role, rest) = label.split_once(" (")?;
    let inner = rest.strip_suffix(')')?;
    let (name, office) = match inner.split_once(", ") {
        Some((n, o)) => (n.trim(), Some(o.trim())),
        None => (inner.trim(), None),
    };
    let words = name.split(' ').count();
    let is_name = (2..=4).contains(&words)
        && name
            .split(' ')
            .all(|w| w.chars().next().is_some_and(char::is_uppercase));
    let is_role = is_host_word(&role.to_lowercase()) || is_title(role.split(' ').next()?);
    (is_role && is_name).then_some((role.trim(), name, office))
}

/// The shorter label a transcript uses for a speaker after a fuller one: the initials of `Vassy
/// Kapelos (VK)`, the role of `Moderator (Zou Lan, …)`.
pub fn short_form(label: &str) -> Option<&str> {
    initialled(label)
        .map(|(_, short)| short)
        .or_else(|| role_holder(label).map(|(role, _, _)| role))
}

/// `Vassy Kapelos (VK)`, `Prime Minister Justin Trudeau (PMJT)`: a name and the initials the
/// transcript uses for it after; (name, initials) when the letters are the words' first letters.
pub fn initialled(label: &str) -> Option<(&str, &str)> {
    let (name, rest) = label.split_once(" (")?;
    let initials = rest.strip_suffix(')')?;
    let firsts: String = name
        .split([' ', '-'])
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_uppercase())
        .collect();
    let ok = (2..=6).contains(&initials.len())
        && initials.chars().all(|c| c.is_ascii_uppercase())
        && firsts == initials;
    ok.then_some((name.trim(), initials))
}

/// Whether a label names a media outlet rather than a person.
pub fn is_outlet(label: &str) -> bool {
    if label.contains('(') || label.starts_with("The ") {
        return true;
    }
    let words: Vec<String> = label
        .split([' ', '-'])
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .collect();
    if words.iter().any(|w| MEDIA_WORDS.contains(&w.as_str())) {
        return true;
    }
    // A lone acronym in a mixed-case document (`PPTN:`) is an outlet, not a person, unless it
    // abbreviates an office (`PM:` is the prime minister).
    words.len() == 1
        && office_abbreviation(label).is_none()
        && label.len() >= 2
        && label.len() <= 6
        && label.chars().all(|c| c.is_ascii_uppercase())
}

/// Whether a word is an office or rank (`Secretary`, `Minister`, `Gen.`).
pub fn is_title(word: &str) -> bool {
    TITLES.contains(&word.to_lowercase().as_str())
}

/// Split a leading title from a name: `SECRETARY CARDONA` → (`Cardona`, `Secretary`). A label
/// that is only a title (`THE PRESIDENT`) stays the name, and the title is its role too.
fn split_title(label: &str) -> (String, Option<String>) {
    let words: Vec<&str> = label
        .split(' ')
        .filter(|w| !HONORIFICS.contains(&w.to_lowercase().as_str()))
        .collect();
    let words = if words.is_empty() {
        label.split(' ').collect()
    } else {
        words
    };
    let is_title = |w: &&str| is_title(w) || w.eq_ignore_ascii_case("the");
    let n_titles = words.iter().take_while(|w| is_title(w)).count();
    if n_titles == 0 {
        return (words.join(" "), None);
    }
    // `State Minister for Foreign Affairs Yasuhide Nakayama`: an office with its portfolio, then
    // the name in its last two words.
    let portfolio = words[n_titles..]
        .first()
        .is_some_and(|w| matches!(*w, "of" | "for" | "on"));
    if portfolio && words.len() >= n_titles + 4 {
        let (office, name) = words.split_at(words.len() - 2);
        return (name.join(" "), Some(title_case(&office.join(" "))));
    }
    let role_words: Vec<&str> = words[..n_titles]
        .iter()
        .copied()
        .filter(|w| !w.eq_ignore_ascii_case("the"))
        .collect();
    let role = (!role_words.is_empty()).then(|| title_case(&role_words.join(" ")));
    if n_titles == words.len() {
        (words.join(" "), role)
    } else {
        (words[n_titles..].join(" "), role)
    }
}

/// Title case for all-caps words (`JEAN-PIERRE` → `Jean-Pierre`); other words are kept.
pub fn title_case(s: &str) -> String {
    s.split(' ')
        .map(|w| {
            let letters = w.chars().filter(|c| c.is_alphabetic()).count();
            let caps = letters > 1 && w.chars().all(|c| !c.is_lowercase());
            if !caps {
                return w.to_string();
            }
            let mut out = String::with_capacity(w.len());
            let mut start = true;
            for c in w.chars() {
                if start {
                    out.extend(c.to_uppercase());
                } else {
                    out.extend(c.to_lowercase());
                }
                start = matches!(c, '-' | '\'' | '’' | '.');
            }
            out
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The key under which two spellings of one name meet: letters only, lower case, honorifics out.
pub fn key(name: &str) -> String {
    name.split(' ')
        .filter(|w| !HONORIFICS.contains(&w.to_lowercase().as_str()))
        .flat_map(|w| w.chars())
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The last word of a name, lower case: how a transcript often calls people after introducing them.
pub fn surname_key(name: &str) -> String {
    if name.chars().any(is_han) {
        return key(name);
    }
    name.split(' ').next_back().map(key).unwrap_or_default()
}

/// Gives speaker ids for the format: ASCII letters, digits, `-`; starting with a letter; never
/// `reporter`; unique. Names without Latin letters get the `fallback` word (their part, `host`).
#[derive(Debug, Default)]
pub struct Ids {
    taken: HashSet<String>,
    next: HashMap<String, usize>,
}

impl Ids {
    pub fn id(&mut self, name: &str, fallback: &str) -> String {
        let mut s = String::new();
        for c in name.chars() {
            if c.is_ascii_alphanumeric() {
                s.push(c.to_ascii_lowercase());
            } else if matches!(c, ' ' | '-' | '.' | '_') && !s.is_empty() && !s.ends_with('-') {
                s.push('-');
            }
        }
        let s = s.trim_matches('-').to_string();
        let base = if s.starts_with(|c: char| c.is_ascii_alphabetic()) && s.len() <= 40 {
            s
        } else {
            fallback.to_string()
        };
        let base = if base == crate::model::UNNAMED_REPORTER {
            "reporter-1".to_string()
        } else {
            base
        };
        let mut id = base.clone();
        while self.taken.contains(&id) {
            let n = self.next.entry(base.clone()).or_insert(1);
            *n += 1;
            id = format!("{base}-{n}");
        }
        self.taken.insert(id.clone());
        id
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person_of(label: &str) -> (String, Option<String>, Hint) {
        match classify(label) {
            Who::Person { name, role, kind } => (name, role, kind),
            other => panic!("{label}: {other:?}"),
        }
    }

    #[test]
    fn outlet_and_reporter_word_name_the_outlet() {
        for (label, outlet) in [
            ("CCTV reporter", Some("CCTV")),
            ("AFP correspondent", Some("AFP")),
            ("Global Times journalist", Some("Global Times")),
            ("澎湃新闻记者", Some("澎湃新闻")),
            ("Correspondent", None),
        ] {
            assert_eq!(
                classify(label),
                Who::Reporter {
                    outlet: outlet.map(String::from)
                },
                "{label}"
            );
        }
        assert!(!matches!(
            classify("the reporter"),
            Who::Reporter { outlet: Some(_) }
        ));
    }

    #[test]
    fn titles_become_roles_and_caps_become_title_case() {
        assert_eq!(
            person_of("MS. JEAN-ROE"),
            ("Jean-Roe".into(), None, Hint::Official)
        );
        assert_eq!(
            person_of("SECRETARY VALDEZ"),
            ("Valdez".into(), Some("Secretary".into()), Hint::Official)
        );
        assert_eq!(
            person_of("THE PRESIDENT"),
            (
                "The President".into(),
                Some("President".into()),
                Hint::Official
            )
        );
        assert_eq!(person_of("MODERATOR").2, Hint::Host);
        assert_eq!(person_of("Li Ming").0, "Li Ming");
        assert_eq!(
            person_of("MAJOR GENERAL PAT RYDER"),
            (
                "Pat Ryder".into(),
                Some("Major General".into()),
                Hint::Official
            )
        );
        assert_eq!(person_of("GEN. RYDER").0, "Ryder");
        assert_eq!(
            person_of("State Minister for Foreign Affairs Yasuhide Nakayama"),
            (
                "Yasuhide Nakayama".into(),
                Some("State Minister for Foreign Affairs".into()),
                Hint::Official
            )
        );
        assert_eq!(person_of("State Minister Nakayama").0, "Nakayama");
        assert_eq!(person_of("Shri Arindam Bagchi").0, "Arindam Bagchi");
        assert_eq!(
            person_of("主持人 王芳"),
            ("王芳".into(), Some("主持人".into()), Hint::Host)
        );
    }

    #[test]
    fn reporters_outlets_and_placeholders() {
        assert_eq!(classify("Reporter"), Who::Reporter { outlet: None });
        assert_eq!(
            classify("PPTN"),
            Who::Reporter {
                outlet: Some("PPTN".into())
            }
        );
        assert!(matches!(classify("PM"), Who::Person { .. }));
        assert_eq!(
            initialled("Vassy Kapelos (VK)"),
            Some(("Vassy Kapelos", "VK"))
        );
        assert_eq!(
            initialled("Prime Minister Justin Trudeau (PMJT)"),
            Some(("Prime Minister Justin Trudeau", "PMJT"))
        );
        assert_eq!(
            initialled("PPTN (People's Posts and Telecommunications News)"),
            None
        );
        assert_eq!(person_of("Vassy Kapelos (VK)").0, "Vassy Kapelos");
        assert_eq!(
            person_of("Moderator (Zou Lan, Director General of the Financial Market Department)"),
            (
                "Zou Lan".into(),
                Some("Director General of the Financial Market Department".into()),
                Hint::Host
            )
        );
        assert_eq!(
            classify("Reporter from Xinhua News Agency"),
            Who::Reporter {
                outlet: Some("Xinhua News Agency".into())
            }
        );
        assert_eq!(
            short_form("Moderator (Zou Lan, Director)"),
            Some("Moderator")
        );
        assert_eq!(
            classify("JOSEPH MORONG/GMA7"),
            Who::NamedReporter {
                name: "Joseph Morong".into(),
                outlet: "GMA7".into()
            }
        );
        assert_eq!(
            classify("Harbour Daily"),
            Who::Reporter {
                outlet: Some("Harbour Daily".into())
            }
        );
        assert_eq!(
            classify("RTN (Rail Transport News)"),
            Who::Reporter {
                outlet: Some("RTN (Rail Transport News)".into())
            }
        );
        assert_eq!(
            classify("新华社记者"),
            Who::Reporter {
                outlet: Some("新华社".into())
            }
        );
        assert_eq!(
            classify("Speaker 12"),
            Who::Placeholder("Speaker 12".into())
        );
    }

    #[test]
    fn keys_and_slugs() {
        assert_eq!(key("Ms. Jean-Roe"), key("JEAN-ROE"));
        assert_eq!(surname_key("Tian Yu"), "yu");
        let mut ids = Ids::default();
        assert_eq!(ids.id("Li Ming", "official"), "li-ming");
        assert_eq!(ids.id("Li Ming", "official"), "li-ming-2");
        assert_eq!(ids.id("王芳", "host"), "host");
        assert_eq!(ids.id("李明", "official"), "official");
        assert_eq!(ids.id("张华", "official"), "official-2");
        assert_eq!(ids.id("Reporter", "journalist"), "reporter-1");
        assert_eq!(ids.id("Dr. O'Neil", "official"), "dr-oneil");
    }
}
