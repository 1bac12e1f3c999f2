//! The people a briefing's title names: `THE PRESIDENT:` is the `President Lee` of `Remarks by
//! President Lee in …`, `MS. ROE:` is its `Jane Roe`, and the words before a name in the title
//! are that person's office (`Press Briefing by Press Secretary Karine Jean-Pierre`,
//! `外交部发言人汪文斌主持例行记者会`).

use super::names;
use super::people::People;
use super::{NoteKind, Notes, han_names};
use crate::model::{Meta, SpeakerKind};

/// `THE PRESIDENT:` is the president the title names (`Remarks by President Lee in …`), and
/// `MS. ROE:` is the `Jane Roe` the title names.
pub fn resolve(people: &mut People, meta: &Meta, notes: &mut Notes) {
    for i in 0..people.list.len() {
        let p = &people.list[i];
        if p.kind == SpeakerKind::Reporter {
            continue;
        }
        let (full, role) = if let Some(office) = p.name.strip_prefix("The ") {
            match office_holder(office, &meta.title) {
                Some(full) => (full, Some(office.to_string())),
                None => continue,
            }
        } else {
            match first_name_in_title(&p.name, &meta.title) {
                Some(full) => (full, None),
                None => continue,
            }
        };
        notes.add(
            0,
            NoteKind::Guessed,
            format!("`{}` is {full} (from the title)", p.name),
        );
        if people.list[i].role.is_none() {
            people.list[i].role = role;
        }
        people.rename(i, full);
    }
    for i in 0..people.list.len() {
        let p = &people.list[i];
        if p.kind == SpeakerKind::Reporter || !han_names::is_office(&p.name) {
            continue;
        }
        let text = [meta.title.as_str(), meta.notes.as_deref().unwrap_or("")];
        if let Some(name) = text.iter().find_map(|t| han_holder(&p.name, t)) {
            notes.add(
                0,
                NoteKind::Guessed,
                format!("`{}` is {name} (from the header)", p.name),
            );
            let office = p.name.clone();
            people.list[i].role.get_or_insert(office);
            people.rename(i, name);
        }
    }
    for p in people.list.iter_mut() {
        if p.kind == SpeakerKind::Reporter {
            continue;
        }
        // The title's fuller form of the label's title (`Secretary` → `Secretary of Education`).
        let fuller = |office: &String| match &p.role {
            None => true,
            Some(r) => office.len() > r.len() && office.starts_with(r.as_str()),
        };
        if let Some(office) = office_in_title(&p.name, &meta.title).filter(fuller) {
            notes.add(
                0,
                NoteKind::Guessed,
                format!("{} is {office} (from the title)", p.name),
            );
            p.role = Some(office);
        }
    }
}

/// Characters that follow a name in a Chinese sentence and so end it (`梁振英今日…`).
const AFTER_NAME: &str = "今昨明在于於的和与與对對向就是出会會表说說等及称稱";

/// The name right after an office in Chinese text: `行政長官梁振英今日…` → `梁振英`.
pub fn han_holder(office: &str, text: &str) -> Option<String> {
    text.match_indices(office).find_map(|(at, _)| {
        let next: Vec<char> = text[at + office.len()..].chars().take(3).collect();
        [3, 2]
            .into_iter()
            .filter(|&n| next.len() >= n)
            .map(|n| next[..n].iter().collect::<String>())
            .find(|name| {
                han_names::is_surname_name(name)
                    && !name.chars().skip(2).any(|c| AFTER_NAME.contains(c))
            })
    })
}

/// Words that may stand inside an office's name in lower case.
const OFFICE_LINKS: &[&str] = &["of", "the", "for", "on", "and", "&"];

/// The office the title gives right before a name: `Press Secretary` in `Press Briefing by Press
/// Secretary Karine Jean-Pierre, …`, `外交部发言人` in `2022年8月19日外交部发言人汪文斌主持…`.
pub fn office_in_title(name: &str, title: &str) -> Option<String> {
    let at = title.find(name)?;
    if name.chars().any(super::labels::is_han) {
        let start = title[..at]
            .char_indices()
            .rev()
            .take_while(|&(_, c)| super::labels::is_han(c) && !matches!(c, '年' | '月' | '日'))
            .last()
            .map_or(at, |(i, _)| i);
        let titled = &title[start..at + name.len()];
        let (office, _) = han_names::split(titled)?;
        return (office.chars().count() >= 2).then(|| office.to_string());
    }
    let words: Vec<&str> = title[..at].split_whitespace().collect();
    let mut start = words.len();
    while start > 0 {
        let w = words[start - 1];
        let capital = w.chars().next().is_some_and(char::is_uppercase)
            && w.chars()
                .all(|c| c.is_alphabetic() || matches!(c, '-' | '.' | '’' | '\''));
        // `…, and Deputy Director`, `President Biden and President Yoon`: an `and` that joins
        // two people (a list's, or one before another office) is not part of the office.
        let list_and = w == "and"
            && ((start >= 2 && words[start - 2].ends_with(','))
                || words.get(start).is_some_and(|next| names::is_title(next)));
        if !(capital || OFFICE_LINKS.contains(&w)) || list_and || matches!(w, "By" | "With") {
            break;
        }
        start -= 1;
    }
    let mut office = &words[start..];
    while let [first, rest @ ..] = office
        && OFFICE_LINKS.contains(first)
    {
        office = rest;
    }
    while let [rest @ .., last] = office
        && OFFICE_LINKS.contains(last)
    {
        office = rest;
    }
    let office = office.join(" ");
    (!office.is_empty() && names_an_office(&office)).then_some(office)
}

/// Whether a phrase names an office at all (and is not, say, the event's name).
fn names_an_office(phrase: &str) -> bool {
    phrase.split(' ').any(|w| {
        names::is_title(w)
            || matches!(
                w.to_lowercase().as_str(),
                "chief" | "officer" | "coordinator" | "advisor" | "adviser" | "spokesperson"
            )
    })
}

/// The person a title is by or with: `Media Interview with Mr K Shanmugam, Minister for Law` →
/// (`K Shanmugam`, `Minister for Law`); `Press Conference by Minister Jane Roe on …` → (`Jane Roe`,
/// `Minister`); `外交部发言人汪文斌主持例行记者会` → (`汪文斌`, `外交部发言人`).
pub fn person_in_title(title: &str) -> Option<(String, Option<String>)> {
    if let Some(name) = super::spokesperson::in_title(title) {
        let office = office_in_title(&name, title);
        return Some((name, office));
    }
    let at = [" with ", " by ", " With ", " By "]
        .iter()
        .filter_map(|w| title.find(w).map(|i| i + w.len()))
        .min()?;
    let mut words = title[at..].split(' ').peekable();
    let mut office: Vec<&str> = Vec::new();
    let mut name: Vec<&str> = Vec::new();
    let mut after_comma = None;
    while let Some(w) = words.next() {
        let bare = w.trim_end_matches([',', ';', ':']);
        let lower = bare.to_lowercase();
        let capital = bare.chars().next().is_some_and(char::is_uppercase)
            && bare
                .chars()
                .all(|c| c.is_alphabetic() || matches!(c, '-' | '.' | '’' | '\''));
        if !capital {
            break;
        }
        if name.is_empty() && (is_title_word(bare) || names::is_title(bare)) {
            office.push(bare);
        } else if !(name.is_empty()
            && matches!(
                lower.as_str(),
                "mr" | "mr." | "ms" | "ms." | "mrs" | "mrs." | "dr" | "dr." | "madam"
            ))
        {
            name.push(bare);
        }
        if w.ends_with(',') {
            after_comma = Some(words.by_ref().collect::<Vec<_>>().join(" "));
            break;
        }
        if name.len() == 4 {
            break;
        }
    }
    if name.is_empty() {
        return None;
    }
    let office = if office.is_empty() {
        after_comma
            .map(|rest| {
                let end = [" on ", " at ", " in ", ", "]
                    .iter()
                    .filter_map(|w| rest.find(w))
                    .min()
                    .unwrap_or(rest.len());
                rest[..end].trim().to_string()
            })
            .filter(|o| names_an_office(o))
    } else {
        Some(office.join(" "))
    };
    Some((name.join(" "), office))
}

/// The person a title opens with, before a comma and an office: `Y Venugopal Reddy, ex-RBI
/// Governor and IAS officer, visited …` → (`Y Venugopal Reddy`, `ex-RBI Governor and IAS officer`).
pub fn person_leading_title(title: &str) -> Option<(String, Option<String>)> {
    let (name, rest) = title.split_once(", ")?;
    let words: Vec<&str> = name.split(' ').collect();
    let name_like = (2..=4).contains(&words.len())
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\''))
        });
    let office = rest.split(',').next().unwrap_or("").trim();
    (name_like && names_an_office(office)).then(|| (name.to_string(), Some(office.to_string())))
}

/// `Jane Roe` in the title for a one-word label `Roe`.
fn first_name_in_title(name: &str, title: &str) -> Option<String> {
    let one_word = !name.contains(' ') && name.chars().all(|c| c.is_alphabetic() || c == '-');
    if !one_word {
        return None;
    }
    let words: Vec<&str> = title.split(' ').collect();
    words
        .windows(2)
        .find(|w| {
            w[1].trim_end_matches([',', ';', ':']) == name
                && w[0].chars().next().is_some_and(char::is_uppercase)
                && w[0].chars().all(char::is_alphabetic)
                && !is_title_word(w[0])
        })
        .map(|w| format!("{} {name}", w[0]))
        .or_else(|| {
            // `Green Party Leader Metiria Turei` for the label `METIRIA`: a first name.
            words.windows(2).find_map(|w| {
                let surname = w[1].trim_end_matches([',', ';', ':', '.']);
                let fits = w[0] == name
                    && surname.chars().next().is_some_and(char::is_uppercase)
                    && surname.chars().all(|c| c.is_alphabetic() || c == '-')
                    && !is_title_word(surname);
                fits.then(|| format!("{name} {surname}"))
            })
        })
}

/// `President Lee` in the title for the label `THE PRESIDENT`.
fn office_holder(office: &str, title: &str) -> Option<String> {
    let pattern = format!("{office} ");
    let at = title.find(&pattern)?;
    if title[..at].trim_end().ends_with("Vice") && !office.starts_with("Vice") {
        return None;
    }
    let name: Vec<&str> = title[at + pattern.len()..]
        .split(' ')
        .take_while(|w| {
            w.chars().next().is_some_and(char::is_uppercase) && w.chars().all(char::is_alphabetic)
        })
        .take(3)
        .collect();
    (!name.is_empty()).then(|| format!("{office} {}", name.join(" ")))
}

fn is_title_word(w: &str) -> bool {
    matches!(
        w.to_lowercase().as_str(),
        "president"
            | "secretary"
            | "minister"
            | "governor"
            | "senator"
            | "ambassador"
            | "advisor"
            | "adviser"
            | "director"
            | "spokesperson"
            | "chair"
            | "leader"
            | "premier"
            | "mayor"
            | "by"
            | "with"
            | "and"
            | "the"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offices_before_names_in_titles() {
        let t = "Press Briefing by Press Secretary Karine Jean-Pierre, Secretary of Education Miguel Cardona, and Deputy Director of the National Economic Council Bharat Ramamurti";
        assert_eq!(
            office_in_title("Karine Jean-Pierre", t).as_deref(),
            Some("Press Secretary")
        );
        assert_eq!(
            office_in_title("Miguel Cardona", t).as_deref(),
            Some("Secretary of Education")
        );
        assert_eq!(
            office_in_title("Bharat Ramamurti", t).as_deref(),
            Some("Deputy Director of the National Economic Council")
        );
        assert_eq!(
            office_in_title(
                "Mao Ning",
                "Foreign Ministry Spokesperson Mao Ning’s Regular Press Conference on April 28, 2023"
            )
            .as_deref(),
            Some("Foreign Ministry Spokesperson")
        );
        assert_eq!(
            office_in_title("汪文斌", "2022年8月19日外交部发言人汪文斌主持例行记者会").as_deref(),
            Some("外交部发言人")
        );
        assert_eq!(office_in_title("Ann Lee", "Ann Lee on ports"), None);
        assert_eq!(
            office_in_title(
                "Yoon",
                "Remarks by President Biden and President Yoon Suk Yeol"
            )
            .as_deref(),
            Some("President")
        );
        assert_eq!(
            office_in_title(
                "Ann Lee",
                "Briefing by Secretary of Health and Human Services Ann Lee"
            )
            .as_deref(),
            Some("Secretary of Health and Human Services")
        );
        assert_eq!(
            han_holder(
                "行政長官",
                "以下是行政長官梁振英今日(六月二十一日)上午的談話全文:"
            )
            .as_deref(),
            Some("梁振英")
        );
        assert_eq!(han_holder("局长", "请王局长今日发言").as_deref(), None);
        assert_eq!(
            office_in_title("Ann Lee", "Harbour Forum with Ann Lee"),
            None
        );
    }

    #[test]
    fn the_person_a_title_is_with() {
        let got = |t: &str| person_in_title(t);
        assert_eq!(
            got(
                "Transcript of Media Interview with Mr K Shanmugam, Minister for Home Affairs and Minister for Law, on Pedra Branca on 5 February 2017"
            ),
            Some((
                "K Shanmugam".to_string(),
                Some("Minister for Home Affairs and Minister for Law".to_string())
            ))
        );
        assert_eq!(
            got("Press Conference by Minister Jane Roe on Trade"),
            Some(("Jane Roe".to_string(), Some("Minister".to_string())))
        );
        assert_eq!(got("Weekly press conference on trade"), None);
        assert_eq!(
            first_name_in_title(
                "Metiria",
                "Espiner interviews Green Party Leader Metiria Turei"
            ),
            Some("Metiria Turei".to_string())
        );
        assert_eq!(
            first_name_in_title("Roe", "Press Call by Deputy Secretary Jane Roe"),
            Some("Jane Roe".to_string())
        );
        assert_eq!(
            person_leading_title("Ann Bo Lee, former Governor of the Bank, spoke to students"),
            Some((
                "Ann Bo Lee".to_string(),
                Some("former Governor of the Bank".to_string())
            ))
        );
        assert_eq!(
            person_leading_title("Today, the talks went on, and on"),
            None
        );
    }
}
