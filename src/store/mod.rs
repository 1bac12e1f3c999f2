//! Bookmarks, notes and reading positions, kept on disk (docs/STATE.md).
//!
//! The state folder (`$XDG_DATA_HOME/brief/`, or `--state-dir` / `BRIEF_STATE_DIR`) holds
//! `bookmarks.toml` and `positions.toml`. Every change takes the folder's lock, re-reads the file,
//! applies itself to what is on disk now, and replaces the file atomically; so two readers open at
//! once both keep their bookmarks, and a crash leaves the old file or the new one. A damaged file
//! is moved aside and reported as a [`Warning`]; the store then starts empty rather than failing.
//!
//! Hashing a large briefing takes time (about 0.2 s for 10 MB), so the caller computes a
//! [`BriefingRef`] once when it opens or reloads a briefing and passes it to every change.
//!
//! What is pure lives in the submodules: [`identity`] (which briefing), [`passage`] (finding a
//! paragraph again after edits), [`cite`] (citations and OSC 52).

pub mod cite;
pub mod file;
pub mod identity;
pub mod passage;

pub use cite::citation;
pub use identity::{BriefingId, BriefingRef, identity};
pub use passage::{Passage, Resolved};

use crate::model::{Anchor, Briefing};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// Name of the bookmarks file in the state folder.
pub const BOOKMARKS_FILE: &str = "bookmarks.toml";
/// Name of the reading positions file in the state folder.
pub const POSITIONS_FILE: &str = "positions.toml";
/// Reading positions kept at most; the oldest are forgotten first.
pub const MAX_POSITIONS: usize = 1000;

/// A bookmarked passage with its note.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Bookmark {
    /// Unique among all bookmarks: creation time, process and a counter.
    pub id: String,
    /// The section's label when the bookmark was made (`Q4 · The Paper → Tao Qing`).
    pub section: String,
    /// Who speaks the passage.
    pub speaker: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// When the bookmark was made, RFC 3339 in UTC.
    pub created: String,
    pub passage: Passage,
    pub briefing: BriefingRef,
}

impl Bookmark {
    /// A bookmark on the paragraph at `a` of `b` (`r` is `b`'s reference; `None` when `a` names
    /// nothing), made at `now`. `id` must be unique; [`Store::add`] makes one.
    pub fn new(
        r: &BriefingRef,
        b: &Briefing,
        a: Anchor,
        note: Option<String>,
        id: String,
        now: SystemTime,
    ) -> Option<Bookmark> {
        let passage = Passage::at(b, a)?;
        let (speaker, role) = cite::speaker_line(b, a);
        Some(Bookmark {
            id,
            section: b.section_label(a.section),
            speaker,
            role,
            note: note.filter(|n| !n.trim().is_empty()),
            created: file::rfc3339(now),
            passage,
            briefing: r.clone(),
        })
    }

    /// Where the passage is in `b` now (which must be this bookmark's briefing).
    pub fn resolve(&self, b: &Briefing) -> Resolved {
        self.passage.locate(b)
    }

    /// Give the bookmark the section label and anchor of its passage in `b`, where it was found
    /// at `a`: after a question was inserted before it, its Q4 is Q5. `true` if either changed.
    pub fn relabel(&mut self, b: &Briefing, a: Anchor) -> bool {
        let section = b.section_label(a.section);
        let anchor = b.anchor_id(a);
        let changed = self.section != section || self.passage.anchor != anchor;
        self.section = section;
        self.passage.anchor = anchor;
        changed
    }

    /// The date part of [`Bookmark::created`] (`2026-11-23`).
    pub fn created_date(&self) -> &str {
        self.created.get(..10).unwrap_or(&self.created)
    }
}

/// Where a reader left a briefing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Position {
    /// When it was saved, RFC 3339 in UTC.
    pub saved: String,
    /// The paragraph at the top of the screen.
    pub passage: Passage,
    pub briefing: BriefingRef,
}

impl Position {
    /// The anchor to open at in `b`, found again by quote if the file changed.
    pub fn restore(&self, b: &Briefing) -> Option<Anchor> {
        self.passage.locate(b).anchor()
    }
}

/// Something the reader should tell the user, though it could go on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Warning {
    /// A state file could not be read and was renamed, never overwritten.
    MovedAside {
        file: PathBuf,
        moved_to: PathBuf,
        /// What is wrong with it, where that is known.
        reason: crate::diagnostic::Diagnostic,
    },
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Warning::MovedAside {
                moved_to, reason, ..
            } => write!(
                f,
                "{reason}; the file could not be read: it was kept beside it as {} and a new one \
                 started",
                moved_to
                    .file_name()
                    .map_or(moved_to.as_os_str(), |n| n)
                    .display()
            ),
        }
    }
}

/// Why the state could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error(
        "{}: written by a newer brief (file version {found}, this one reads version {}); \
         upgrade brief or move the file away",
        path.display(), file::VERSION
    )]
    NewerVersion { path: PathBuf, found: u32 },
    #[error("{}: {reason}", path.display())]
    Unreadable { path: PathBuf, reason: String },
    #[error(
        "cannot tell where to keep bookmarks (no home folder); use --state-dir or BRIEF_STATE_DIR"
    )]
    NoStateDir,
}

impl StoreError {
    fn io(path: &Path, source: std::io::Error) -> Self {
        StoreError::Io {
            path: path.to_path_buf(),
            source,
        }
    }
}

/// `bookmarks.toml` as a whole.
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct BookmarksFile {
    version: u32,
    #[serde(default, rename = "bookmark")]
    bookmarks: Vec<Bookmark>,
}

/// `positions.toml` as a whole.
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct PositionsFile {
    version: u32,
    #[serde(default, rename = "position")]
    positions: Vec<Position>,
}

/// The bookmarks and reading positions of one state folder, as last read.
#[derive(Debug)]
pub struct Store {
    dir: PathBuf,
    bookmarks: Vec<Bookmark>,
    positions: Vec<Position>,
    warnings: Vec<Warning>,
    made: u32,
    /// For each bookmark deleted by this store, the id of the bookmark before it, so that undo
    /// puts it back in its place even among bookmarks made in the same second.
    deleted_after: HashMap<String, Option<String>>,
    /// Bookmark id → the section label and anchor its passage has now ([`Store::relabel`]),
    /// applied to what is read from disk and written with the next change to the bookmarks.
    relabelled: HashMap<String, (String, String)>,
}

/// The default state folder: `$XDG_DATA_HOME/brief` (`~/.local/share/brief`) on Linux, the
/// platform's data folder elsewhere.
pub fn default_dir() -> Result<PathBuf, StoreError> {
    directories::BaseDirs::new()
        .map(|d| d.data_dir().join("brief"))
        .ok_or(StoreError::NoStateDir)
}

impl Store {
    /// Open the state folder `dir` (default: [`default_dir`]), creating it if needed, and read
    /// both files. Damaged files are moved aside and reported in the returned warnings.
    pub fn open(dir: Option<PathBuf>) -> Result<(Store, Vec<Warning>), StoreError> {
        let dir = match dir {
            Some(d) => d,
            None => default_dir()?,
        };
        std::fs::create_dir_all(&dir).map_err(|e| StoreError::io(&dir, e))?;
        let mut store = Store {
            dir,
            bookmarks: Vec::new(),
            positions: Vec::new(),
            warnings: Vec::new(),
            made: 0,
            deleted_after: HashMap::new(),
            relabelled: HashMap::new(),
        };
        store.reload()?;
        let warnings = store.take_warnings();
        Ok((store, warnings))
    }

    /// The state folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Read both files again, to see what another process changed.
    pub fn reload(&mut self) -> Result<(), StoreError> {
        let _lock = file::lock(&self.dir)?;
        self.bookmarks = self.read_bookmarks()?;
        apply_relabels(&self.relabelled, &mut self.bookmarks);
        self.positions = self.read_positions()?;
        Ok(())
    }

    /// Warnings met since the store was opened (a file damaged by another program meanwhile).
    pub fn take_warnings(&mut self) -> Vec<Warning> {
        std::mem::take(&mut self.warnings)
    }

    /// Every bookmark, oldest first.
    pub fn bookmarks(&self) -> &[Bookmark] {
        &self.bookmarks
    }

    /// The bookmarks of one briefing, oldest first.
    pub fn bookmarks_for(&self, id: &BriefingId) -> Vec<&Bookmark> {
        self.bookmarks
            .iter()
            .filter(|bm| bm.briefing.id.matches(id))
            .collect()
    }

    /// The bookmarks of `b`, each with where its passage is now: those found in document order,
    /// then those not found (oldest first). What the reader needs for gutter marks, the outline,
    /// next/previous bookmark and the bookmarks list. `id` is `b`'s [`identity`].
    pub fn resolve_all(&self, id: &BriefingId, b: &Briefing) -> Vec<(&Bookmark, Resolved)> {
        let mine = self.bookmarks_for(id);
        let found = passage::locate_all(b, mine.iter().map(|bm| &bm.passage));
        let mut all: Vec<(&Bookmark, Resolved)> = mine.into_iter().zip(found).collect();
        // `None` sorts first, so flip it: anchors in order, then the lost ones.
        all.sort_by_key(|(_, r)| (r.anchor().is_none(), r.anchor()));
        all
    }

    /// The bookmark with this id.
    pub fn bookmark(&self, id: &str) -> Option<&Bookmark> {
        self.bookmarks.iter().find(|bm| bm.id == id)
    }

    /// Bookmark the paragraph at `a` of `b`, with an optional note; `r` is `b`'s reference.
    /// `None` when `a` names no paragraph.
    pub fn add(
        &mut self,
        r: &BriefingRef,
        b: &Briefing,
        a: Anchor,
        note: Option<String>,
    ) -> Result<Option<Bookmark>, StoreError> {
        let now = SystemTime::now();
        let stamp = file::compact_stamp(now);
        let pid = std::process::id();
        let mut made = self.made;
        let added = self.change_bookmarks(|list| {
            // Unique among the ids on disk now, which the lock keeps still.
            let id = loop {
                made += 1;
                let id = format!("{stamp}Z-{pid:x}-{made}");
                if !list.iter().any(|bm| bm.id == id) {
                    break id;
                }
            };
            let bm = Bookmark::new(r, b, a, note, id, now)?;
            list.push(bm.clone());
            Some(bm)
        })?;
        self.made = made;
        Ok(added)
    }

    /// Put back a bookmark returned by [`Store::delete`] (undo). Nothing happens if a bookmark
    /// with its id exists.
    pub fn restore(&mut self, bm: Bookmark) -> Result<(), StoreError> {
        let before = self.deleted_after.remove(&bm.id);
        self.change_bookmarks(|list| {
            if list.iter().any(|x| x.id == bm.id) {
                return;
            }
            let at = match before {
                // It was the first: it goes first again.
                Some(None) => Some(0),
                Some(Some(id)) => list.iter().position(|x| x.id == id).map(|i| i + 1),
                None => None,
            };
            let at = at.unwrap_or_else(|| list.partition_point(|x| x.created <= bm.created));
            list.insert(at, bm);
        })
    }

    /// Delete a bookmark; returns it, so that it can be restored, or `None` if no bookmark has
    /// this id (another reader may have deleted it).
    pub fn delete(&mut self, id: &str) -> Result<Option<Bookmark>, StoreError> {
        let deleted = self.change_bookmarks(|list| {
            let i = list.iter().position(|bm| bm.id == id)?;
            let before = i.checked_sub(1).map(|j| list[j].id.clone());
            Some((list.remove(i), before))
        })?;
        Ok(deleted.map(|(bm, before)| {
            self.deleted_after.insert(bm.id.clone(), before);
            bm
        }))
    }

    /// Set or clear (`None` or blank) a bookmark's note; `false` if no bookmark has this id.
    pub fn set_note(&mut self, id: &str, note: Option<String>) -> Result<bool, StoreError> {
        let note = note.filter(|n| !n.trim().is_empty());
        self.change_bookmarks(|list| match list.iter_mut().find(|bm| bm.id == id) {
            Some(bm) => {
                bm.note = note;
                true
            }
            None => false,
        })
    }

    /// The passages of these bookmarks of `b` were found at these anchors (bookmark id →
    /// where): those whose section label or anchor changed get the new ones at once, in what
    /// [`Store::bookmarks`] returns, and on disk with the next change to the bookmarks file
    /// (which applies them to the bookmarks on disk then, under the lock).
    pub fn relabel<'a>(
        &mut self,
        b: &Briefing,
        found: impl IntoIterator<Item = (&'a str, Anchor)>,
    ) {
        for (id, a) in found {
            if let Some(bm) = self.bookmarks.iter_mut().find(|bm| bm.id == id)
                && bm.relabel(b, a)
            {
                let now = (bm.section.clone(), bm.passage.anchor.clone());
                self.relabelled.insert(id.to_string(), now);
            }
        }
    }

    /// Record that a briefing was opened (`current` is its reference): its bookmarks learn its
    /// current identity, title and path, so they still match after later edits and the command
    /// line finds the file. Writes only when something changed, or labels wait to be written
    /// ([`Store::relabel`]).
    pub fn touch(&mut self, current: &BriefingRef) -> Result<(), StoreError> {
        if self.relabelled.is_empty()
            && !self
                .bookmarks
                .iter()
                .any(|bm| bm.briefing.id.matches(&current.id) && bm.briefing != *current)
        {
            return Ok(());
        }
        self.change_bookmarks(|list| {
            for bm in list.iter_mut() {
                if bm.briefing.id.matches(&current.id) {
                    let keep_path = current.path.is_none();
                    let old_path = bm.briefing.path.take();
                    bm.briefing = current.clone();
                    if keep_path {
                        bm.briefing.path = old_path;
                    }
                }
            }
        })
    }

    /// The saved reading position of a briefing.
    pub fn position(&self, id: &BriefingId) -> Option<&Position> {
        self.positions.iter().find(|p| p.briefing.id.matches(id))
    }

    /// Save the reading position of `b` (the paragraph at `a`), replacing the previous one; `r`
    /// is `b`'s reference.
    pub fn save_position(
        &mut self,
        r: &BriefingRef,
        b: &Briefing,
        a: Anchor,
    ) -> Result<(), StoreError> {
        let Some(passage) = Passage::at(b, a) else {
            return Ok(());
        };
        let pos = Position {
            saved: file::rfc3339(SystemTime::now()),
            passage,
            briefing: r.clone(),
        };
        let _lock = file::lock(&self.dir)?;
        let mut list = self.read_positions()?;
        list.retain(|p| !p.briefing.id.matches(&pos.briefing.id));
        list.push(pos);
        if list.len() > MAX_POSITIONS {
            list.sort_by(|x, y| x.saved.cmp(&y.saved));
            list.drain(..list.len() - MAX_POSITIONS);
        }
        let path = self.dir.join(POSITIONS_FILE);
        let doc = PositionsFile {
            version: file::VERSION,
            positions: list,
        };
        file::write_atomic(&path, &file::render(&path, "reading positions", &doc)?)?;
        self.positions = doc.positions;
        Ok(())
    }

    /// Apply `change` (and the labels learnt by [`Store::relabel`]) to the bookmarks on disk
    /// under the lock, and write them back if that changed anything.
    fn change_bookmarks<R>(
        &mut self,
        change: impl FnOnce(&mut Vec<Bookmark>) -> R,
    ) -> Result<R, StoreError> {
        let _lock = file::lock(&self.dir)?;
        let mut list = self.read_bookmarks()?;
        let before = list.clone();
        apply_relabels(&self.relabelled, &mut list);
        let result = change(&mut list);
        if list != before {
            let path = self.dir.join(BOOKMARKS_FILE);
            let doc = BookmarksFile {
                version: file::VERSION,
                bookmarks: list,
            };
            file::write_atomic(&path, &file::render(&path, "bookmarks", &doc)?)?;
            list = doc.bookmarks;
        }
        self.bookmarks = list;
        self.relabelled.clear();
        Ok(result)
    }

    fn read_bookmarks(&mut self) -> Result<Vec<Bookmark>, StoreError> {
        let (doc, warning) = file::load::<BookmarksFile>(&self.dir.join(BOOKMARKS_FILE))?;
        self.warnings.extend(warning);
        Ok(doc.map(|d| d.bookmarks).unwrap_or_default())
    }

    fn read_positions(&mut self) -> Result<Vec<Position>, StoreError> {
        let (doc, warning) = file::load::<PositionsFile>(&self.dir.join(POSITIONS_FILE))?;
        self.warnings.extend(warning);
        Ok(doc.map(|d| d.positions).unwrap_or_default())
    }
}

/// Give bookmarks as read from disk the labels learnt by [`Store::relabel`].
fn apply_relabels(relabelled: &HashMap<String, (String, String)>, list: &mut [Bookmark]) {
    for bm in list {
        if let Some((section, anchor)) = relabelled.get(&bm.id) {
            bm.section.clone_from(section);
            bm.passage.anchor.clone_from(anchor);
        }
    }
}
