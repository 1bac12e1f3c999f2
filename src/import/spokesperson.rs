//! Regular press conferences of a ministry's spokesperson. Their transcripts often label the
//! answers only `A:` (after `Q:`), and the title names who answers: `Foreign Ministry
//! Spokesperson Hong Lei's Regular Press Conference on …`, `… Spokesperson Wang Wenbin hosted a
//! regular press conference`, `外交部发言人汪文斌主持例行记者会`.

use super::people::People;
use super::{NoteKind, Notes};
use crate::model::SpeakerKind;

/// Words of the title that follow the name of a spokesperson, not part of it.
const AFTER_NAME: &[&str] = &[
    "hosted",
    "hosts",
    "holds",
    "held",
    "on",
    "at",
    "in",
    "answers",
    "regular",
    "daily",
    "press",
    "briefing",
    "conference",
    "remarks",
    "statement",
];

/// The spokesperson the title names, e.g. `Hong Lei` or `汪文斌`.
pub fn in_title(title: &str) -> Option<String> {
    if let Some(at) = title.find("发言人").or_else(|| title.find("發言人")) {
        let rest = &title[at + "发言人".len()..];
        let name: String = rest
            .chars()
            .take_while(|&c| super::labels::is_han(c) && c != '主' && c != '在')
            .take(4)
            .collect();
        return (name.chars().count() >= 2).then_some(name);
    }
    let at = title.find("Spokesperson ")?;
    let mut name = Vec::new();
    for w in title[at + "Spokesperson ".len()..].split(' ').take(4) {
        let (w, possessive) = match w.strip_suffix("'s").or_else(|| w.strip_suffix("’s")) {
            Some(stem) => (stem, true),
            None => (w.trim_end_matches([',', ':', ';']), false),
        };
        let capital = w.chars().next().is_some_and(char::is_uppercase);
        if !capital
            || AFTER_NAME.contains(&w.to_lowercase().as_str())
            || !w.chars().all(|c| c.is_alphabetic() || c == '-')
        {
            break;
        }
        name.push(w);
        if possessive {
            break;
        }
    }
    // A lone capitalised word is more likely `Regular` than a name.
    (name.len() >= 2).then(|| name.join(" "))
}

/// `A:` answering `Q:` is the spokesperson the title names, else an unnamed `Spokesperson`.
pub fn resolve_answer_label(people: &mut People, title: &str, notes: &mut Notes) {
    let Some(i) = people.list.iter().position(|p| p.name == "A") else {
        return;
    };
    let named = in_title(title).or_else(|| {
        super::title_people::person_in_title(title)
            .or_else(|| super::title_people::person_leading_title(title))
            .map(|(name, _)| name)
    });
    let (name, why) = match named {
        Some(name) => (name, "the person the title names"),
        None => (
            "Spokesperson".to_string(),
            "the spokesperson answering `Q:`",
        ),
    };
    notes.add(0, NoteKind::Guessed, format!("`A` is {name} ({why})"));
    let p = &mut people.list[i];
    p.kind = SpeakerKind::Official;
    if p.role.is_none() {
        p.role = Some("Spokesperson".to_string());
    }
    people.rename(i, name);
}

#[cfg(test)]
mod tests {
    use super::in_title;

    #[test]
    fn names_in_titles() {
        let cases = [
            (
                "Foreign Ministry Spokesperson Hong Lei's Regular Press Conference on November 9, 2015",
                Some("Hong Lei"),
            ),
            (
                "Foreign Ministry Spokesperson Wang Wenbin hosted a regular press conference on May 18, 2022",
                Some("Wang Wenbin"),
            ),
            (
                "2022年8月19日外交部发言人汪文斌主持例行记者会",
                Some("汪文斌"),
            ),
            (
                "Foreign Ministry Spokesperson's Regular Press Conference",
                None,
            ),
            ("Remarks by the Spokesperson Regular Briefing", None),
            ("Press Call by Deputy Secretary Jane Roe", None),
        ];
        for (title, want) in cases {
            assert_eq!(in_title(title).as_deref(), want, "{title}");
        }
    }
}
