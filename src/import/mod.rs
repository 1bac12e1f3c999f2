//! Raw transcript → [`Briefing`]: text copied from a ministry's page, a news site, a PDF.
//!
//! The pipeline, one module per shape it recognises:
//! [`text`] (clean lines, paragraphs) → [`frontmatter`] → [`noise`] (junk prefixes, captions,
//! footers, stage directions) → [`labels`] + [`names`] + [`people`] (who speaks) → [`header`]
//! (title, date, place, speaker list) → either [`transcript`] (labelled turns, [`headings`],
//! unlabelled [`questions`], [`sections`]) or [`reported`] (a news report in reported speech) →
//! [`glossary`] (proposed terms). Every removal or guess becomes an [`ImportNote`].
//!
//! Everything is linear in the input: each paragraph is looked at a bounded number of times, and
//! labels are searched for only in the first characters of a paragraph.

pub mod frontmatter;
pub mod glossary;
pub mod han_names;
pub mod header;
pub mod headings;
pub mod labels;
pub mod line_labels;
pub mod named_reporters;
pub mod names;
pub mod noise;
pub mod participants;
pub mod people;
pub mod questions;
pub mod quoted;
pub mod read;
pub mod reported;
pub mod sections;
pub mod spokesperson;
pub mod subtitles;
pub mod text;
pub mod title_people;
pub mod transcript;

use crate::model::{
    Briefing, Meta, Paragraph, Section, SectionKind, SourceLine, SpeakerKind, Turn, TurnKind,
    UNNAMED_REPORTER,
};
use people::{People, Person};
use std::fmt;
use text::Para;

/// The result of an import: the briefing and what was removed or guessed on the way.
#[derive(Debug, Clone)]
pub struct Imported {
    pub briefing: Briefing,
    pub notes: Vec<ImportNote>,
}

/// Something the importer removed, kept elsewhere or guessed, with the raw line it concerns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportNote {
    /// 1-based line in the raw text (0 for the text as a whole).
    pub line: u32,
    pub kind: NoteKind,
    pub message: String,
}

/// What the importer did with a piece of the raw text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoteKind {
    /// Left out of the briefing.
    Removed,
    /// Moved out of the body into the metadata.
    Metadata,
    /// Decided without certainty.
    Guessed,
}

impl NoteKind {
    pub fn name(self) -> &'static str {
        match self {
            NoteKind::Removed => "removed",
            NoteKind::Metadata => "metadata",
            NoteKind::Guessed => "guessed",
        }
    }
}

impl fmt::Display for ImportNote {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "line {}: {}: {}",
            self.line,
            self.kind.name(),
            self.message
        )
    }
}

/// Who speaks a turn while the briefing is being built.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Voice {
    /// An unnamed reporter.
    Reporter,
    /// A person of [`People`].
    Person(usize),
}

/// A turn while the briefing is being built.
#[derive(Debug, Clone)]
pub struct DraftTurn {
    pub voice: Voice,
    pub kind: TurnKind,
    pub line: u32,
    pub paras: Vec<Para>,
    /// The outlet the label named, for the Q&A this question opens.
    pub outlet: Option<String>,
    /// A heading that came right before this turn.
    pub heading: Option<String>,
}

/// A section while the briefing is being built.
#[derive(Debug, Clone)]
pub struct DraftSection {
    pub kind: SectionKind,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub turns: Vec<DraftTurn>,
}

/// Collects notes; shared by every stage.
#[derive(Debug, Default)]
pub struct Notes(pub Vec<ImportNote>);

impl Notes {
    pub fn add(&mut self, line: u32, kind: NoteKind, message: impl Into<String>) {
        self.0.push(ImportNote {
            line,
            kind,
            message: message.into(),
        });
    }
}

/// Import a raw transcript. Never fails and never panics: the worst input gives a briefing with
/// a guessed title and one section of plain paragraphs, and the notes say so.
pub fn import(raw: &str) -> Imported {
    import_with(raw, &read::ContainerMeta::default())
}

/// Import what the reading stage made of an input of any format. Line numbers in the notes are
/// lines of [`read::Read::text`]; [`read::Read::place`] says where they were in the original.
pub fn import_read(read: &read::Read) -> Imported {
    import_with(&read.text, &read.meta)
}

/// Import clean text, with what its container said about it as a fallback for the metadata.
fn import_with(raw: &str, container: &read::ContainerMeta) -> Imported {
    let mut notes = Notes::default();
    let mut meta = Meta::default();
    let (mut lines, dirty) = text::lines(raw);
    for no in dirty {
        notes.add(no, NoteKind::Removed, "control or invisible characters");
    }

    let mut start = 0;
    if let Some((fm, n)) = frontmatter::parse(&lines) {
        notes.add(
            lines[0].no,
            NoteKind::Metadata,
            format!(
                "front matter (lines 1–{}) read as metadata",
                lines[n - 1].no
            ),
        );
        meta.title = fm.title.unwrap_or_default();
        meta.date = fm.date.filter(|d| header::find_date(d).is_some()).or(None);
        meta.url = fm.url;
        meta.editor = fm.author;
        start = n;
    }
    let lines = &mut lines[start..];
    strip_noise(lines, &mut meta, &mut notes);

    let wrapped = text::is_wrapped(lines);
    let mut paras = text::paragraphs(lines, wrapped);
    let mut kept = 0usize;
    paras.retain(|p| match noise::paragraph_noise(&p.text) {
        Some(why) => {
            if why == noise::DATE_ALONE && meta.date.is_none() {
                meta.date = header::find_date(&p.text).map(|(iso, _)| iso);
            }
            // `4:30 P.M. EDT` near the top is when the briefing began (the one at the end, when
            // it ended).
            let (kind, what) = if why == noise::TIME_STAMP_ALONE && kept < 12 && meta.time.is_none()
            {
                meta.time = Some(p.text.clone());
                (NoteKind::Metadata, "time")
            } else {
                (NoteKind::Removed, why)
            };
            notes.add(
                p.line,
                kind,
                format!("{what}: {}", text::excerpt(&p.text, 60)),
            );
            false
        }
        None => {
            kept += 1;
            true
        }
    });

    let joined = text::join_broken(&mut paras);
    if joined > 0 {
        notes.add(
            0,
            NoteKind::Guessed,
            format!("{joined} paragraphs broken in mid-sentence joined to the one before"),
        );
    }
    let mut people = People::default();
    let listed = participants::lists(&paras);
    let sections = match transcript::find_labels(&paras, &listed) {
        Some(labels) => {
            transcript::build(&paras, &labels, &listed, &mut meta, &mut people, &mut notes)
        }
        None => reported::build(&paras, &mut meta, &mut people, &mut notes),
    };
    finish(meta, people, sections, raw, container, notes)
}

/// Remove noise lines in place (they become blank, so paragraphs still break around them).
fn strip_noise(lines: &mut [text::Line], meta: &mut Meta, notes: &mut Notes) {
    let cues = subtitles::join_cues(lines);
    if cues > 0 {
        notes.add(
            0,
            NoteKind::Removed,
            format!("subtitle file: {cues} cue numbers and timings; cues joined into paragraphs"),
        );
    }
    if let Some(junk) = noise::junk_prefix(lines) {
        let prefix = format!("{junk} ");
        let mut count = 0;
        for l in lines.iter_mut() {
            if let Some(rest) = l.text.strip_prefix(&prefix) {
                l.text = rest.to_string();
                count += 1;
                notes.add(l.no, NoteKind::Removed, format!("repeated prefix `{junk}`"));
            }
        }
        debug_assert!(count > 0);
    }
    for l in lines.iter_mut() {
        let Some(n) = noise::line_noise(&l.text) else {
            continue;
        };
        let shown = text::excerpt(&l.text, 60);
        match n {
            noise::Noise::Drop(why) => {
                notes.add(l.no, NoteKind::Removed, format!("{why}: {shown}"))
            }
            noise::Noise::Editor(e) => {
                notes.add(l.no, NoteKind::Metadata, format!("editor: {shown}"));
                meta.editor.get_or_insert(e);
            }
            noise::Noise::Source(s) => {
                notes.add(l.no, NoteKind::Metadata, format!("source: {shown}"));
                meta.source.get_or_insert(s);
            }
            noise::Noise::Url(u) => {
                notes.add(l.no, NoteKind::Metadata, format!("url: {shown}"));
                meta.url.get_or_insert(u);
            }
        }
        l.text.clear();
    }
}

/// Turn the drafts into a briefing that `brief check` accepts.
fn finish(
    mut meta: Meta,
    people: People,
    drafts: Vec<DraftSection>,
    raw: &str,
    container: &read::ContainerMeta,
    mut notes: Notes,
) -> Imported {
    let mut used = vec![false; people.list.len()];
    for d in &drafts {
        for t in &d.turns {
            if let Voice::Person(i) = t.voice {
                used[i] = true;
            }
        }
    }
    let (speakers, ids) = people.speakers(&used);
    let mut sections = Vec::new();
    for DraftSection {
        kind,
        title,
        outlet,
        turns,
    } in drafts
    {
        let line = turns.first().map_or(0, |t| t.line);
        let turns: Vec<Turn> = turns
            .into_iter()
            .filter(|t| !t.paras.is_empty())
            .map(|t| Turn {
                speaker: match t.voice {
                    Voice::Reporter => UNNAMED_REPORTER.to_string(),
                    Voice::Person(i) => ids[i].clone().unwrap_or_else(|| UNNAMED_REPORTER.into()),
                },
                kind: t.kind,
                line: SourceLine(t.line),
                paragraphs: t
                    .paras
                    .into_iter()
                    .map(|p| Paragraph {
                        text: p.text,
                        marks: Vec::new(),
                        line: SourceLine(p.line),
                    })
                    .collect(),
            })
            .collect();
        if turns.is_empty() {
            continue;
        }
        sections.push(Section {
            kind,
            title,
            outlet: if kind == SectionKind::Qa {
                outlet
            } else {
                None
            },
            turns,
            line: SourceLine(line),
        });
    }
    // `Press Briefings` above `Remarks by President Trump …`: a page's section name read as the
    // title. The document's own title, when the text repeats it near the top, is the better one.
    if let Some(t) = container.title.as_deref().map(page_title)
        && !meta.title.trim().is_empty()
        && t.len() > meta.title.len()
        && head_of(raw, 8192)
            .replace('\u{a0}', " ")
            .contains(t.as_str())
    {
        notes.add(
            0,
            NoteKind::Metadata,
            format!(
                "title from the document, repeated in the text: {t} (not {})",
                meta.title
            ),
        );
        meta.title = t;
    }
    if meta.title.trim().is_empty()
        && let Some(t) = container.title.as_deref().map(page_title)
    {
        notes.add(
            0,
            NoteKind::Metadata,
            format!("title from the document: {t}"),
        );
        meta.title = t;
    }
    if meta.date.is_none()
        && let Some((iso, _)) = container.date.as_deref().and_then(header::find_date)
    {
        notes.add(
            0,
            NoteKind::Metadata,
            format!("date {iso} from the document"),
        );
        meta.date = Some(iso);
    }
    if meta.url.is_none() {
        meta.url.clone_from(&container.url);
    }
    if meta.title.trim().is_empty() {
        meta.title = guess_title(&sections);
        notes.add(0, NoteKind::Guessed, format!("title: {}", meta.title));
    }
    // `… Earnings Conference Call February 21, 2024 5:00 PM ET`: a long title may carry the date.
    if meta.date.is_none()
        && let Some((iso, _)) = header::find_date(&meta.title)
    {
        notes.add(0, NoteKind::Guessed, format!("date {iso} (from the title)"));
        meta.date = Some(iso);
    }
    meta.language = Some(language(raw).to_string());
    let glossary = glossary::propose(&sections, &speakers);
    let briefing = Briefing {
        meta,
        speakers,
        glossary,
        sections,
    };
    let mut notes = notes.0;
    notes.sort_by_key(|n| n.line);
    Imported { briefing, notes }
}

/// The first `n` bytes of `s`, or fewer, ending at a char boundary.
fn head_of(s: &str, n: usize) -> &str {
    let mut end = n.min(s.len());
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// A page's title without the site's name after it (`Remarks by … | The White House`).
fn page_title(t: &str) -> String {
    let t = t.replace('\u{a0}', " ");
    let t = t.as_str();
    let cut = [" | ", " • ", " – ", " — ", " - ", "_"]
        .iter()
        .filter_map(|sep| t.find(sep))
        .min()
        .unwrap_or(t.len());
    let first = t[..cut].trim();
    if first.chars().count() >= 12 {
        first
    } else {
        t.trim()
    }
    .to_string()
}

/// A title for a text that has none: the first heading, else the start of the first paragraph.
fn guess_title(sections: &[Section]) -> String {
    if let Some(t) = sections.iter().find_map(|s| s.title.clone()) {
        return t;
    }
    let first = sections
        .iter()
        .flat_map(|s| &s.turns)
        .flat_map(|t| &t.paragraphs)
        .map(|p| p.text.as_str())
        .next()
        .unwrap_or("");
    let sentence = reported::strip_dateline(first)
        .split_inclusive(['.', '。', '?', '？', '!', '！'])
        .next()
        .unwrap_or("")
        .trim();
    let t = text::excerpt(sentence, 120);
    if t.is_empty() {
        "Imported transcript".to_string()
    } else {
        t
    }
}

/// `zh` when Chinese characters outnumber Latin letters, else `en`.
fn language(raw: &str) -> &'static str {
    let (mut han, mut latin) = (0usize, 0usize);
    for c in raw.chars().take(200_000) {
        if labels::is_han(c) {
            han += 1;
        } else if c.is_ascii_alphabetic() {
            latin += 1;
        }
    }
    if han * 2 > latin { "zh" } else { "en" }
}

/// A new person from what a label or a sentence says about them.
pub(crate) fn new_person(name: String, role: Option<String>, kind: SpeakerKind) -> Person {
    Person {
        name,
        role,
        org: None,
        kind,
        listed: false,
    }
}

/// The narrator of text nobody in it speaks: the publisher where known.
pub(crate) fn narrator(people: &mut People, meta: &Meta) -> usize {
    let name = meta
        .source
        .clone()
        .unwrap_or_else(|| "Narrator".to_string());
    if let Some(i) = people
        .list
        .iter()
        .position(|p| p.kind == SpeakerKind::Other && p.name == name)
    {
        return i;
    }
    people.push(new_person(
        name,
        Some("narration".into()),
        SpeakerKind::Other,
    ))
}
