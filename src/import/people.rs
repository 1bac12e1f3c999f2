//! The people of one transcript, each once: the header's speaker list and the labels of the body
//! meet here, so `Tian Yulong` (header), `Tian Yulong:` and `Mr. Tian:` are one speaker.

use super::names::{Ids, key, surname_key};
use crate::model::{Speaker, SpeakerKind};
use std::collections::HashMap;

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

/// Everyone who speaks, in order of first mention, indexed by name and surname so that a
/// transcript with thousands of labels is still read in linear time.
#[derive(Debug, Default, Clone)]
pub struct People {
    pub list: Vec<Person>,
    by_key: HashMap<String, usize>,
    by_surname: HashMap<String, Vec<usize>>,
}

impl People {
    /// The person a name refers to: the same name, or a surname that fits exactly one person.
    pub fn find(&self, name: &str) -> Option<usize> {
        let k = key(name);
        if k.is_empty() {
            return None;
        }
        if let Some(&i) = self.by_key.get(&k) {
            return Some(i);
        }
        let mut found: Vec<usize> = Vec::new();
        if !name.trim().contains(' ') {
            // `Tian:` for `Tian Yulong`.
            found.extend(self.by_surname.get(&k).into_iter().flatten());
        }
        // `Anthony Fauci` for a `Fauci` met first.
        if let Some(&i) = self.by_key.get(&surname_key(name))
            && !self.list[i].name.contains(' ')
        {
            found.push(i);
        }
        found.sort_unstable();
        found.dedup();
        (found.len() == 1).then(|| found[0])
    }

    /// The index of this person, adding them if new; a longer form of a name and a missing role
    /// or organisation fill in what was known.
    pub fn add(&mut self, p: Person) -> usize {
        if let Some(i) = self.find(&p.name) {
            if p.name.chars().count() > self.list[i].name.chars().count() && !self.list[i].listed {
                self.index(i, &p.name);
                self.list[i].name = p.name;
            }
            let known = &mut self.list[i];
            if known.role.is_none() {
                known.role = p.role;
            }
            if known.org.is_none() {
                known.org = p.org;
            }
            known.listed |= p.listed;
            return i;
        }
        self.push(p)
    }

    /// Add a person without looking for them first (the narrator is nobody the text names).
    pub fn push(&mut self, p: Person) -> usize {
        let i = self.list.len();
        self.index(i, &p.name);
        self.list.push(p);
        i
    }

    /// Give person `i` a fuller name; the old one still finds them.
    pub fn rename(&mut self, i: usize, name: String) {
        self.index(i, &name);
        self.list[i].name = name;
    }

    /// Index a name under its key and under its first and last words: the family name comes
    /// first in Chinese names (`Mr. Tian` is `Tian Yulong`) and last in Western ones.
    fn index(&mut self, i: usize, name: &str) {
        self.by_key.entry(key(name)).or_insert(i);
        if name.contains(' ') {
            let first = name.split(' ').next().map(key).unwrap_or_default();
            for short in [surname_key(name), first] {
                // Two people under one short name already make it ambiguous: keep no more.
                let list = self.by_surname.entry(short).or_default();
                if list.len() < 2 && !list.contains(&i) {
                    list.push(i);
                }
            }
        }
    }

    /// The speakers for the briefing, with ids; `used[i]` says whether person `i` speaks at all.
    pub fn speakers(&self, used: &[bool]) -> (Vec<Speaker>, Vec<Option<String>>) {
        let mut taken = Ids::default();
        let mut speakers = Vec::new();
        let mut ids = Vec::new();
        for (i, p) in self.list.iter().enumerate() {
            // Listed people who never speak stay: they were announced as speakers of the event.
            if !used.get(i).copied().unwrap_or(false) && !p.listed {
                ids.push(None);
                continue;
            }
            let fallback = match p.kind {
                SpeakerKind::Host => "host",
                SpeakerKind::Official => "official",
                SpeakerKind::Reporter => "journalist",
                SpeakerKind::Other => "other",
            };
            let id = taken.id(&p.name, fallback);
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
        assert_eq!(
            people.add(p("Ann")),
            a,
            "a first name or a family name written first"
        );
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
