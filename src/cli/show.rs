//! `brief outline`, `brief figures`, `brief terms` and `brief render`.

use super::{CliError, CliResult};
use crate::highlight::{HighlightKind, Highlighter};
use crate::model::{Anchor, Briefing, format_section_id, section_numbers};
use serde_json::{Value, json};
use std::path::{Path, PathBuf};

#[derive(clap::Args, Debug)]
pub struct OutlineArgs {
    /// An annotated briefing (`-` for standard input)
    pub file: PathBuf,
    /// Print one JSON object (documented in docs/FORMAT.md)
    #[arg(long)]
    pub json: bool,
}

#[derive(clap::Args, Debug)]
pub struct FiguresArgs {
    /// An annotated briefing (`-` for standard input)
    pub file: PathBuf,
    /// Print a JSON array (documented in docs/FORMAT.md)
    #[arg(long)]
    pub json: bool,
}

#[derive(clap::Args, Debug)]
pub struct TermsArgs {
    /// An annotated briefing (`-` for standard input)
    pub file: PathBuf,
    /// Print a JSON array (documented in docs/FORMAT.md)
    #[arg(long)]
    pub json: bool,
}

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(clap::Args, Debug)]
pub struct RenderArgs {
    /// An annotated briefing (`-` for standard input)
    pub file: PathBuf,
    /// Wrap to this many columns, 1 or more (default: the terminal's width, else 80)
    #[arg(long, value_parser = clap::value_parser!(u16).range(1..))]
    pub width: Option<u16>,
    /// Colour the highlights with ANSI escapes
    #[arg(long, value_enum, default_value = "auto")]
    pub color: ColorChoice,
}

/// The first `n` characters of a text.
fn excerpt(text: &str, n: usize) -> &str {
    text.char_indices().nth(n).map_or(text, |(i, _)| &text[..i])
}

/// The outline as the JSON object documented in docs/FORMAT.md.
pub fn outline_json(b: &Briefing) -> Value {
    let speakers: Vec<Value> = b
        .speakers
        .iter()
        .map(|s| json!({"id": s.id, "name": s.name, "role": s.role, "org": s.org, "kind": s.kind}))
        .collect();
    let numbers = section_numbers(&b.sections);
    let sections: Vec<Value> = b
        .sections
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let turns: Vec<Value> = s
                .turns
                .iter()
                .map(|t| {
                    let first = t.paragraphs.first().map_or("", |p| p.text.as_str());
                    json!({
                        "speaker": b.speaker_name(&t.speaker),
                        "kind": t.kind,
                        "line": t.line.0,
                        "paragraphs": t.paragraphs.len(),
                        "excerpt": excerpt(first, 80),
                    })
                })
                .collect();
            json!({
                "id": format_section_id(s.kind, numbers[i]),
                "kind": s.kind,
                "title": s.title,
                "outlet": s.outlet,
                "line": s.line.0,
                "turns": turns,
            })
        })
        .collect();
    json!({"title": b.meta.title, "date": b.meta.date, "speakers": speakers, "sections": sections})
}

/// The outline for people: speakers, then one line per section and per turn.
pub fn outline_text(b: &Briefing) -> String {
    let mut out = String::new();
    out.push_str(&b.meta.title);
    out.push('\n');
    let facts: Vec<&str> = [&b.meta.date, &b.meta.place, &b.meta.source]
        .into_iter()
        .filter_map(|x| x.as_deref())
        .collect();
    if !facts.is_empty() {
        out.push_str(&facts.join(" · "));
        out.push('\n');
    }
    out.push_str("\nSpeakers\n");
    for s in &b.speakers {
        let role: Vec<&str> = [&s.role, &s.org]
            .into_iter()
            .filter_map(|x| x.as_deref())
            .collect();
        if role.is_empty() {
            out.push_str(&format!("  {}\n", s.name));
        } else {
            out.push_str(&format!("  {} — {}\n", s.name, role.join(", ")));
        }
    }
    let numbers = section_numbers(&b.sections);
    for (i, s) in b.sections.iter().enumerate() {
        let id = format_section_id(s.kind, numbers[i]);
        let label = b.section_label_numbered(i, numbers[i]);
        out.push_str(&format!("\n{id:<4} {label}"));
        if let (crate::model::SectionKind::Qa, Some(t)) = (s.kind, &s.title) {
            out.push_str(&format!(": {t}"));
        }
        out.push_str(&format!("  (line {})\n", s.line.0));
        for t in &s.turns {
            let who = b.display_name(&t.speaker);
            let first = t.paragraphs.first().map_or("", |p| p.text.as_str());
            out.push_str(&format!(
                "     {who} ({}): {}\n",
                t.kind,
                excerpt(first, 60)
            ));
        }
    }
    out
}

/// The highlighter for a briefing read from `path`: its glossary merged with the shared one.
pub fn highlighter_for(b: &Briefing, path: &Path) -> Result<Highlighter, CliError> {
    let at = (path.as_os_str() != "-").then_some(path);
    let shared = crate::glossary::shared_for(at)?;
    Ok(Highlighter::new(crate::glossary::merged(
        &b.glossary,
        &shared,
    )))
}

pub fn outline(args: OutlineArgs) -> CliResult {
    let (_, b) = super::load(&args.file)?;
    if args.json {
        super::emit_json(&format!("{}\n", outline_json(&b)))
    } else {
        super::emit(&outline_text(&b))
    }
}

/// Where a paragraph is, for the JSON listings; `numbers` from [`section_numbers`].
fn place(b: &Briefing, numbers: &[usize], a: Anchor) -> Value {
    let p = b.paragraph(a).map_or(0, |p| p.line.0);
    let section = format_section_id(b.sections[a.section].kind, numbers[a.section]);
    let anchor = format!("{section}.t{}.p{}", a.turn + 1, a.paragraph + 1);
    json!({"section": section, "turn": a.turn + 1, "paragraph": a.paragraph + 1, "line": p, "anchor": anchor})
}

pub fn figures(args: FiguresArgs) -> CliResult {
    let (_, b) = super::load(&args.file)?;
    let hl = highlighter_for(&b, &args.file)?;
    let numbers = section_numbers(&b.sections);
    let mut rows = Vec::new();
    for (a, p) in b.paragraphs() {
        for h in hl.paragraph(p) {
            if let HighlightKind::Figure(kind) = h.kind {
                let mut row = place(&b, &numbers, a);
                row["text"] = json!(&p.text[h.range.clone()]);
                row["kind"] = json!(kind.as_str());
                rows.push(row);
            }
        }
    }
    if args.json {
        return super::emit_json(&format!("{}\n", Value::Array(rows)));
    }
    let mut out = String::new();
    for r in rows {
        let field = |k: &str| r[k].as_str().unwrap_or("").to_string();
        let (anchor, kind, text) = (field("anchor"), field("kind"), field("text"));
        out.push_str(&format!("{anchor:<10} {kind:<18} {text}\n"));
    }
    super::emit(&out)
}

pub fn terms(args: TermsArgs) -> CliResult {
    let (_, b) = super::load(&args.file)?;
    let hl = highlighter_for(&b, &args.file)?;
    let numbers = section_numbers(&b.sections);
    // (entry index, count, first anchor), in order of first occurrence.
    let mut found: Vec<(usize, usize, Anchor)> = Vec::new();
    for (a, p) in b.paragraphs() {
        for h in hl.paragraph(p) {
            if let HighlightKind::Term(i) = h.kind {
                match found.iter_mut().find(|f| f.0 == i) {
                    Some(f) => f.1 += 1,
                    None => found.push((i, 1, a)),
                }
            }
        }
    }
    let entries = hl.entries();
    let mut rows: Vec<Value> = found
        .iter()
        .map(|&(i, count, a)| {
            let e = &entries[i];
            json!({"term": e.term, "definition": e.definition, "proposed": e.proposed, "count": count, "first": place(&b, &numbers, a)})
        })
        .collect();
    // Proposed terms are not highlighted, but a person confirming them wants to see them listed.
    for e in b.glossary.iter().filter(|e| e.proposed) {
        rows.push(json!({"term": e.term, "definition": e.definition, "proposed": true, "count": null, "first": null}));
    }
    if args.json {
        return super::emit_json(&format!("{}\n", Value::Array(rows)));
    }
    let mut out = String::new();
    for r in rows {
        let count = r["count"]
            .as_u64()
            .map_or("proposed".into(), |c| format!("{c}×"));
        let (term, def) = (
            r["term"].as_str().unwrap_or(""),
            r["definition"].as_str().unwrap_or(""),
        );
        out.push_str(&format!("{term} ({count})\n    {def}\n"));
    }
    super::emit(&out)
}
