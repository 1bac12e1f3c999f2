//! The library list: the briefings of a folder (or the samples built into brief), each with its
//! title, date, place and number of questions. A file that does not parse is listed with its
//! first error instead of being left out, so the user sees why it will not open.

use crate::format;
use crate::model::Briefing;
use std::path::{Path, PathBuf};

/// Where a briefing in the library comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    File(PathBuf),
    /// Index into [`crate::samples::SAMPLES`].
    Sample(usize),
}

/// One row of the library.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub origin: Origin,
    /// File name (or the sample's name), shown when the briefing has no title or does not parse.
    pub name: String,
    pub title: String,
    pub date: Option<String>,
    pub place: Option<String>,
    pub questions: usize,
    /// The first parse error, when the file does not open.
    pub error: Option<String>,
}

impl Entry {
    /// The entry for a parsed briefing (or for the errors that stopped it).
    pub fn new(origin: Origin, name: String, parsed: Result<&Briefing, String>) -> Entry {
        match parsed {
            Ok(b) => Entry {
                origin,
                name,
                title: b.meta.title.clone(),
                date: b.meta.date.clone(),
                place: b.meta.place.clone(),
                questions: b.question_count(),
                error: None,
            },
            Err(e) => Entry {
                origin,
                title: name.clone(),
                name,
                date: None,
                place: None,
                questions: 0,
                error: Some(e),
            },
        }
    }
}

/// The briefings of a folder and the cursor on them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Library {
    /// What the list was made from: a folder, or `None` for the built-in samples.
    pub dir: Option<PathBuf>,
    pub entries: Vec<Entry>,
    pub selected: usize,
    pub scroll: usize,
}

/// The first line of a parse failure, for a one-line listing.
fn first_error(e: &format::ParseErrors) -> String {
    e.0.first()
        .map_or_else(|| "cannot be read".to_string(), ToString::to_string)
        .lines()
        .next()
        .unwrap_or_default()
        .to_string()
}

impl Library {
    /// Every `*.brief` file of `dir`, sorted by date (newest first), then by file name.
    pub fn scan(dir: &Path) -> std::io::Result<Library> {
        let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)?
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "brief") && p.is_file())
            .collect();
        paths.sort();
        let mut entries: Vec<Entry> = paths
            .into_iter()
            .map(|p| {
                let name = p
                    .file_name()
                    .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
                let parsed = format::load(&p);
                Entry::new(Origin::File(p), name, parsed.as_ref().map_err(first_error))
            })
            .collect();
        sort(&mut entries);
        Ok(Library {
            dir: Some(dir.to_path_buf()),
            entries,
            selected: 0,
            scroll: 0,
        })
    }

    /// The samples built into the binary.
    pub fn samples() -> Library {
        let mut entries: Vec<Entry> = crate::samples::SAMPLES
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let parsed = format::parse(s.text, s.name);
                Entry::new(
                    Origin::Sample(i),
                    s.name.to_string(),
                    parsed.as_ref().map_err(first_error),
                )
            })
            .collect();
        sort(&mut entries);
        Library {
            dir: None,
            entries,
            selected: 0,
            scroll: 0,
        }
    }

    /// Move the cursor by `delta` rows, clamped.
    pub fn move_by(&mut self, delta: isize) {
        if let Some(last) = self.entries.len().checked_sub(1) {
            self.selected = self.selected.saturating_add_signed(delta).min(last);
        }
    }

    /// Scroll so that the cursor is within a list of `height` rows.
    pub fn keep_in_view(&mut self, height: usize) {
        self.scroll = crate::app::lists::scroll_to_show(self.selected, self.scroll, height);
    }

    /// The entry under the cursor.
    pub fn current(&self) -> Option<&Entry> {
        self.entries.get(self.selected)
    }
}

/// Newest first; undated briefings last; then by name so the order is stable.
fn sort(entries: &mut [Entry]) {
    entries.sort_by(|a, b| {
        b.date
            .is_some()
            .cmp(&a.date.is_some())
            .then_with(|| b.date.cmp(&a.date))
            .then_with(|| a.name.cmp(&b.name))
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::testdoc::sample;

    fn entry(name: &str, date: Option<&str>) -> Entry {
        let mut b = sample();
        b.meta.date = date.map(Into::into);
        Entry::new(Origin::File(name.into()), name.into(), Ok(&b))
    }

    #[test]
    fn entries_summarise_the_briefing() {
        let e = entry("a.brief", Some("2024-03-05"));
        assert_eq!(e.title, "Port statistics briefing");
        assert_eq!(e.questions, 3);
        assert_eq!(e.place.as_deref(), Some("Ningbo"));
        let bad = Entry::new(Origin::Sample(0), "x".into(), Err("x:1:1: oops".into()));
        assert_eq!(bad.error.as_deref(), Some("x:1:1: oops"));
    }

    #[test]
    fn newest_first_and_undated_last() {
        let mut v = vec![
            entry("c", None),
            entry("a", Some("2020-01-01")),
            entry("b", Some("2024-01-01")),
        ];
        sort(&mut v);
        let names: Vec<&str> = v.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(names, ["b", "a", "c"]);
        let mut l = Library {
            entries: v,
            ..Default::default()
        };
        l.move_by(10);
        assert_eq!(l.selected, 2);
        l.move_by(-10);
        assert_eq!(l.current().unwrap().name, "b");
    }

    #[test]
    fn the_built_in_samples_all_open() {
        let l = Library::samples();
        assert!(!l.entries.is_empty());
        assert!(l.entries.iter().any(|e| e.questions > 0));
        for e in &l.entries {
            assert_eq!(e.error, None, "{}", e.name);
        }
    }

    #[test]
    fn a_folder_lists_briefings_and_their_errors() {
        let dir = tempfile::tempdir().unwrap();
        for s in crate::samples::SAMPLES {
            std::fs::write(dir.path().join(s.name), s.text).unwrap();
        }
        std::fs::write(dir.path().join("broken.brief"), "+++\ntitle = 1\n+++\n").unwrap();
        std::fs::write(dir.path().join("notes.txt"), "not a briefing").unwrap();
        let l = Library::scan(dir.path()).unwrap();
        assert_eq!(l.entries.len(), crate::samples::SAMPLES.len() + 1);
        let broken = l.entries.iter().find(|e| e.name == "broken.brief").unwrap();
        assert!(
            broken.error.as_deref().unwrap().contains("broken.brief:"),
            "{broken:?}"
        );
        assert!(Library::scan(&dir.path().join("missing")).is_err());
    }
}
