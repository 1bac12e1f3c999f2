//! The people of one transcript, each once: the header's speaker list and the labels of the body
//! meet here, so `Tian Yulong` (header), `Tian Yulong:` and `Mr. Tian:` are one speaker.

use super::names::{key, slug, surname_key};
use crate::model::{Speaker, SpeakerKind};

/// A person while the transcript is read; becomes a [`Speaker`] at the end.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    pub name: String,
    pub role: Option<String>,
    pub org: Option<String>,
    pub kind: SpeakerKind,
    /// Listed in the header's speaker list (so known before the body names them).
    pub listed: bool,
}

/// Everyone who speaks, in order of first mention.
#[derive(Debug, Default, Clone)]
pub struct People {
    pub list: Vec<Person>,
}

impl People {
    /// The person a name refers to: the same name, or a surname that fits exactly one person.
    pub fn find(&self, name: &str) -> Option<usize> {
        let k = key(name);
        if k.is_empty() {
            return None;
        }
        if let Some(i) = self.list.iter().position(|p| key(&p.name) == k) {
            return Some(i);
        }
        let one_word = !name.trim().contains(' ');
        let sur = surname_key(name);
        let matches: Vec<usize> = (0..self.list.len())
            .filter(|&i| {
                let p = &self.list[i];
                let p_one_word = !p.name.contains(' ');
                (one_word && surname_key(&p.name) == k) || (p_one_word && key(&p.name) == sur)
            })
            .collect();
        (matches.len() == 1).then(|| matches[0])
    }

    /// The index of this person, adding them if new; a longer form of a name and a missing role
    /// or organisation fill in what was known.
    pub fn add(&mut self, p: Person) -> usize {
        if let Some(i) = self.find(&p.name) {
            let known = &mut self.list[i];
            if p.name.chars().count() > known.name.chars().count() && !known.listed {
                known.name = p.name;
            }
            if known.role.is_none() {
                known.role = p.role;
            }
            if known.org.is_none() {
                known.org = p.org;
            }
            known.listed |= p.listed;
            return i;
        }
        self.list.push(p);
        self.list.len() - 1
    }

    /// The speakers for the briefing, with ids; `used[i]` says whether person `i` speaks at all.
    pub fn speakers(&self, used: &[bool]) -> (Vec<Speaker>, Vec<Option<String>>) {
        let mut taken: Vec<String> = Vec::new();
        let mut speakers = Vec::new();
        let mut ids = Vec::new();
        for (i, p) in self.list.iter().enumerate() {
            // Listed people who never speak stay: they were announced as speakers of the event.
            if !used.get(i).copied().unwrap_or(false) && !p.listed {
                ids.push(None);
                continue;
            }
            let id = slug(&p.name, &taken);
            taken.push(id.clone());
            speakers.push(Speaker {
                id: id.clone(),
                name: p.name.clone(),
                role: p.role.clone(),
                org: p.org.clone(),
                kind: p.kind,
            });
            ids.push(Some(id));
        }
        (speakers, ids)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(name: &str) -> Person {
        Person {
            name: name.into(),
            role: None,
            org: None,
            kind: SpeakerKind::Official,
            listed: false,
        }
    }

    #[test]
    fn one_person_under_several_spellings() {
        let mut people = People::default();
        let a = people.add(Person {
            listed: true,
            role: Some("spokesperson".into()),
            ..p("Ann Lee")
        });
        assert_eq!(people.add(p("Ann Lee")), a);
        assert_eq!(people.add(p("Lee")), a);
        assert_eq!(people.add(p("Ms. Ann Lee")), a);
        let b = people.add(p("Bo Chen"));
        assert_ne!(a, b);
        assert_eq!(people.list[a].role.as_deref(), Some("spokesperson"));
    }

    #[test]
    fn a_surname_shared_by_two_people_is_not_guessed() {
        let mut people = People::default();
        people.add(p("Ann Lee"));
        people.add(p("Bo Lee"));
        assert_eq!(people.find("Lee"), None);
    }

    #[test]
    fn a_short_form_met_first_grows_into_the_full_name() {
        let mut people = People::default();
        let a = people.add(p("Fauci"));
        assert_eq!(people.add(p("Anthony Fauci")), a);
        assert_eq!(people.list[a].name, "Anthony Fauci");
    }
}
