//! `brief bookmarks`: list and export bookmarks.
//!
//! Each bookmark whose briefing file is still at its last known path is looked up again in that
//! file, so the list shows where the passage is now (or that it is gone); otherwise the quote
//! stored with the bookmark is used.

use super::{CliError, CliResult};
use crate::format;
use crate::model::Briefing;
use crate::store::cite::clean;
use crate::store::passage::locate_all;
use crate::store::{self, Bookmark, Resolved, Store, citation};
use serde::Serialize;
use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

#[derive(clap::Args, Debug)]
pub struct BookmarksArgs {
    #[command(subcommand)]
    pub command: Option<BookmarksCommand>,
    /// Print the bookmarks as JSON
    #[arg(long)]
    pub json: bool,
    /// Where bookmarks and reading positions are kept
    #[arg(long, env = "BRIEF_STATE_DIR", value_name = "DIR", global = true)]
    pub state_dir: Option<PathBuf>,
}

#[derive(clap::Subcommand, Debug)]
pub enum BookmarksCommand {
    /// Write every bookmark as a citation-ready block
    Export {
        #[arg(long, value_enum, default_value = "markdown")]
        format: ExportFormat,
        /// Write here instead of standard output
        #[arg(short, long, value_name = "OUT")]
        output: Option<PathBuf>,
    },
}

#[derive(clap::ValueEnum, Clone, Copy, Debug)]
pub enum ExportFormat {
    Markdown,
}

pub fn run(args: BookmarksArgs) -> CliResult {
    let (store, warnings) =
        Store::open(args.state_dir).map_err(|e| CliError::invalid(e.to_string()))?;
    for w in warnings {
        super::say(&format!("brief: warning: {w}"));
    }
    let entries = entries(&store);
    match args.command {
        None if args.json => {
            let json: Vec<JsonBookmark> = entries.iter().map(JsonBookmark::from).collect();
            // Plain data with string keys cannot fail to serialise.
            super::emit_json(&(serde_json::to_string_pretty(&json).unwrap_or_default() + "\n"))
        }
        None => super::emit(&list(&entries)),
        Some(BookmarksCommand::Export { format, output }) => {
            let ExportFormat::Markdown = format;
            let md = markdown(&entries);
            match output {
                // A state field may hold anything a hand edit put there: the file gets it escaped too.
                Some(out) => std::fs::write(&out, crate::safe_text::for_terminal(&md).as_bytes())
                    .map_err(|e| CliError::invalid(format!("{}: {e}", out.display()))),
                None => super::emit(&md),
            }
        }
    }
}

/// A bookmark with what was found of it in its briefing file; a passage found there has the
/// section label and anchor it has in the file now ([`Bookmark::relabel`]).
pub struct Entry {
    pub bookmark: Bookmark,
    /// Where the passage is now, when the file could be read; `None` when it could not.
    pub found: Option<Found>,
}

/// The passage as it stands in the current file.
pub struct Found {
    pub resolved: Resolved,
    /// The anchor's text form and the citation, when the passage was found.
    pub anchor: Option<String>,
    pub citation: Option<String>,
}

/// Every bookmark, grouped by briefing (in order of each briefing's first bookmark), each looked
/// up in its file where that file can still be read and is still the same briefing.
pub fn entries(store: &Store) -> Vec<Entry> {
    let bms = store.bookmarks();
    let mut out: Vec<Entry> = bms
        .iter()
        .map(|bm| Entry {
            bookmark: bm.clone(),
            found: None,
        })
        .collect();
    let mut paths: Vec<&str> = bms
        .iter()
        .filter_map(|bm| bm.briefing.path.as_deref())
        .collect();
    paths.sort_unstable();
    paths.dedup();
    for path in paths {
        let Some(b) = load(Path::new(path)) else {
            continue;
        };
        let id = store::identity(&b);
        let here: Vec<usize> = (0..bms.len())
            .filter(|&i| {
                bms[i].briefing.path.as_deref() == Some(path) && bms[i].briefing.id.matches(&id)
            })
            .collect();
        let resolved = locate_all(&b, here.iter().map(|&i| &bms[i].passage));
        for (i, resolved) in here.into_iter().zip(resolved) {
            let anchor = resolved.anchor();
            if let Some(a) = anchor {
                out[i].bookmark.relabel(&b, a);
            }
            out[i].found = Some(Found {
                resolved,
                anchor: anchor.map(|a| b.anchor_id(a)),
                citation: anchor.map(|a| citation(&b, a)),
            });
        }
    }
    // Stable, so bookmarks stay oldest first within each briefing.
    let first: HashMap<String, usize> = bms
        .iter()
        .enumerate()
        .rev()
        .map(|(i, bm)| (bm.briefing.id.meta.clone(), i))
        .collect();
    out.sort_by_key(|e| first[&e.bookmark.briefing.id.meta]);
    out
}

/// The briefing at `path`, if it still exists and parses; a bookmark list is no place to report
/// a broken file, so failures just mean the stored quote is used.
fn load(path: &Path) -> Option<Briefing> {
    if !path.is_file() {
        return None;
    }
    format::load(path).ok()
}

/// What to say about a passage that was looked for and not found.
const NOT_FOUND: &str = "passage not found";

fn status(e: &Entry) -> &'static str {
    match e.found.as_ref().map(|f| f.resolved) {
        None => "unchecked",
        Some(Resolved::Exact(_)) => "exact",
        Some(Resolved::Moved(_)) => "moved",
        Some(Resolved::NotFound) => "not_found",
    }
}

fn list(entries: &[Entry]) -> String {
    if entries.is_empty() {
        return "no bookmarks\n".to_string();
    }
    let mut out = String::new();
    let mut current = None;
    for e in entries {
        let bm = &e.bookmark;
        if current != Some(&bm.briefing.id.meta) {
            current = Some(&bm.briefing.id.meta);
            if !out.is_empty() {
                out.push('\n');
            }
            let date = bm.briefing.date.as_deref().map(|d| format!(" ({d})"));
            let _ = writeln!(
                out,
                "{}{}",
                clean(&bm.briefing.title),
                date.unwrap_or_default()
            );
            if let Some(p) = &bm.briefing.path {
                let _ = writeln!(out, "  {}", clean(p));
            }
        }
        let anchor = e
            .found
            .as_ref()
            .map_or(Some(bm.passage.anchor.as_str()), |f| f.anchor.as_deref());
        let _ = writeln!(
            out,
            "  {}  {} · {} · {}",
            clean(&bm.id),
            clean(&bm.section),
            anchor.unwrap_or(NOT_FOUND),
            bm.created_date()
        );
        let _ = writeln!(out, "    {}", clean(&excerpt(&bm.passage.quote, 100)));
        if let Some(note) = &bm.note {
            let _ = writeln!(out, "    note: {}", clean(note));
        }
    }
    out
}

fn excerpt(text: &str, chars: usize) -> String {
    match text.char_indices().nth(chars) {
        Some((i, _)) => format!("{}…", text[..i].trim_end()),
        None => text.to_string(),
    }
}

/// Citation-ready Markdown: per bookmark a heading with the section, the quoted passage, who
/// said it where and when, and the note.
fn markdown(entries: &[Entry]) -> String {
    let mut out = String::from("# Bookmarks\n");
    for e in entries {
        let bm = &e.bookmark;
        let _ = write!(out, "\n## {}\n\n", clean(&bm.section));
        let found = e.found.as_ref();
        match found.and_then(|f| f.citation.as_deref()) {
            Some(c) => {
                // The citation's first line is the quoted paragraph; the rest names the source.
                for line in clean_lines(c) {
                    let _ = writeln!(out, "> {line}");
                }
            }
            None => {
                let _ = writeln!(out, "> “{}”", clean(&bm.passage.quote));
                let mut source = vec![clean(&bm.speaker)];
                source.extend(bm.role.as_deref().map(clean));
                source.push(format!("“{}”", clean(&bm.briefing.title)));
                source.extend(bm.briefing.date.as_deref().map(clean));
                let _ = writeln!(out, "> — {}", source.join(", "));
            }
        }
        out.push('\n');
        let anchor = found.map_or(Some(bm.passage.anchor.as_str()), |f| f.anchor.as_deref());
        match anchor {
            Some(a) => {
                let _ = writeln!(out, "Passage {a}, bookmarked {}.", bm.created_date());
            }
            None => {
                let _ = writeln!(
                    out,
                    "The briefing has changed and the passage was not found in it; quoted as \
                     bookmarked on {}.",
                    bm.created_date()
                );
            }
        }
        if let Some(note) = &bm.note {
            let _ = writeln!(out, "\nNote: {}", clean(note));
        }
    }
    out
}

fn clean_lines(s: &str) -> impl Iterator<Item = String> + '_ {
    s.lines().map(clean)
}

/// One bookmark in `brief bookmarks --json` (docs/STATE.md documents the fields).
#[derive(Serialize)]
struct JsonBookmark<'a> {
    id: &'a str,
    title: &'a str,
    date: Option<&'a str>,
    path: Option<&'a str>,
    section: &'a str,
    speaker: &'a str,
    role: Option<&'a str>,
    /// The anchor where the passage is now (or was, when unchecked); `null` when not found.
    anchor: Option<&'a str>,
    /// `exact`, `moved`, `not_found`, or `unchecked` when the file could not be read.
    status: &'static str,
    quote: &'a str,
    note: Option<&'a str>,
    created: &'a str,
}

impl<'a> From<&'a Entry> for JsonBookmark<'a> {
    fn from(e: &'a Entry) -> Self {
        let bm = &e.bookmark;
        let anchor = e
            .found
            .as_ref()
            .map_or(Some(bm.passage.anchor.as_str()), |f| f.anchor.as_deref());
        JsonBookmark {
            id: &bm.id,
            title: &bm.briefing.title,
            date: bm.briefing.date.as_deref(),
            path: bm.briefing.path.as_deref(),
            section: &bm.section,
            speaker: &bm.speaker,
            role: bm.role.as_deref(),
            anchor,
            status: status(e),
            quote: &bm.passage.quote,
            note: bm.note.as_deref(),
            created: &bm.created,
        }
    }
}
