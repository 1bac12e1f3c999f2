//! The importer on the five seed transcripts (../shared/seeds), each a different shape. Skipped
//! with a message where the seeds are absent (a fresh machine).

use brief::format;
use brief::import::import;
use brief::model::{Briefing, SectionKind, SpeakerKind, TurnKind, UNNAMED_REPORTER};
use std::path::PathBuf;

fn seed(prefix: &str) -> Option<Briefing> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!(
            "skipped: {} is absent (the seeds are not in this checkout)",
            dir.display()
        );
        return None;
    };
    let path = entries.flatten().map(|e| e.path()).find(|p| {
        p.file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with(prefix))
    })?;
    let raw = std::fs::read_to_string(&path).unwrap();
    let b = import(&raw).briefing;
    let text = format::write(&b);
    let name = path.display().to_string();
    let back = format::parse(&text, &name).unwrap_or_else(|e| panic!("{name} fails check:\n{e}"));
    assert_eq!(back, b);
    Some(b)
}

fn body(b: &Briefing) -> String {
    b.paragraphs()
        .map(|(_, p)| format!("{}\n", p.text))
        .collect()
}

fn speaker<'a>(b: &'a Briefing, name: &str) -> &'a brief::model::Speaker {
    b.speakers
        .iter()
        .find(|s| s.name == name)
        .unwrap_or_else(|| panic!("no speaker {name}: {:?}", b.speakers))
}

#[test]
fn news_report_with_a_reported_question() {
    let Some(b) = seed("000_") else { return };
    assert_eq!(b.sections.len(), 1);
    assert_eq!(b.sections[0].kind, SectionKind::Report);
    assert_eq!(b.meta.source.as_deref(), Some("China News Service"));
    let miao = speaker(&b, "Miao Wei");
    assert_eq!(miao.role.as_deref(), Some("Minister"));
    assert_eq!(
        miao.org.as_deref(),
        Some("Ministry of Industry and Information Technology")
    );
    let turns = &b.sections[0].turns;
    let q: Vec<_> = turns
        .iter()
        .filter(|t| t.kind == TurnKind::Question)
        .collect();
    assert_eq!(q.len(), 1);
    assert!(
        q[0].paragraphs[0]
            .text
            .contains("a reporter asked: Since April")
    );
    // Everything after the question is the minister's answer, enumerations included.
    let after: Vec<&str> = turns
        .iter()
        .skip_while(|t| t.kind != TurnKind::Question)
        .skip(1)
        .map(|t| t.speaker.as_str())
        .collect();
    assert_eq!(after, vec![miao.id.as_str()]);
    assert!(!body(&b).contains("Data figure"));
}

#[test]
fn news_report_as_one_wall_of_text_with_footer() {
    let Some(b) = seed("001_") else { return };
    assert!(
        b.meta
            .title
            .starts_with("Steady Recovery of Industrial Production")
    );
    assert_eq!(b.meta.date.as_deref(), Some("2023-07-20"));
    assert_eq!(b.meta.source.as_deref(), Some("Xinhua"));
    assert_eq!(b.meta.editor.as_deref(), Some("He Chuanning, Su Suiyue"));
    assert_eq!(
        speaker(&b, "Zhao Zhiguo").role.as_deref(),
        Some("spokesperson")
    );
    assert!(
        speaker(&b, "Tao Qing")
            .role
            .as_deref()
            .unwrap()
            .starts_with("Director of the Operation")
    );
    let who: Vec<&str> = b.sections[0]
        .turns
        .iter()
        .map(|t| t.speaker.as_str())
        .collect();
    assert_eq!(
        who.len(),
        3,
        "narration, then each official quoted: {who:?}"
    );
    let text = body(&b);
    for junk in [
        "ICP",
        "Special statement",
        "Return to list",
        "Submission mailbox",
        "Edit:",
    ] {
        assert!(!text.contains(junk), "{junk} left in the body");
    }
    assert!(
        b.glossary
            .iter()
            .any(|g| g.term == "New Three Kinds" && g.proposed)
    );
}

#[test]
fn hot_spot_headings_junk_prefix_and_inline_labels() {
    let Some(b) = seed("002_") else { return };
    assert_eq!(b.sections.len(), 1);
    let s = &b.sections[0];
    assert_eq!(s.kind, SectionKind::Qa);
    assert_eq!(
        s.title.as_deref(),
        Some("Hot spot one: The industrial economy is off to a steady start")
    );
    assert_eq!(s.turns[0].speaker, UNNAMED_REPORTER);
    assert_eq!(s.turns[1].speaker, speaker(&b, "Luo Junjie").id);
    assert_eq!(s.turns[1].paragraphs.len(), 7);
    assert!(!body(&b).contains("1746-IV16"));
    assert!(b.glossary.iter().any(|g| g.term == "white list"));
    assert!(b.glossary.iter().any(|g| g.term == "14th Five-Year Plan"));
}

#[test]
fn scio_transcript_with_speaker_list_outlets_and_unlabelled_questions() {
    let Some(b) = seed("003_") else { return };
    assert!(
        b.meta
            .title
            .starts_with("SCIO briefing on the development of industry")
    );
    assert_eq!(b.meta.date.as_deref(), Some("2022-07-19"));
    assert_eq!(b.meta.place.as_deref(), Some("Beijing"));
    let tian = speaker(&b, "Tian Yulong");
    assert_eq!(
        tian.role.as_deref(),
        Some("spokesperson and chief engineer")
    );
    assert_eq!(
        tian.org.as_deref(),
        Some("Ministry of Industry and Information Technology")
    );
    assert_eq!(speaker(&b, "Xing Huina").kind, SpeakerKind::Host);
    for name in ["Tao Qing", "Wang Peng"] {
        assert_eq!(speaker(&b, name).kind, SpeakerKind::Official);
    }
    let qa: Vec<_> = b
        .sections
        .iter()
        .filter(|s| s.kind == SectionKind::Qa)
        .collect();
    let outlets: Vec<Option<&str>> = qa.iter().map(|s| s.outlet.as_deref()).collect();
    assert_eq!(
        outlets,
        vec![
            None,
            Some("Tianmu News"),
            Some("Xinhua News Agency"),
            Some("The Paper"),
            None,
            Some("PPTN (People's Posts and Telecommunications News)"),
            Some("China Daily"),
            None,
            Some("Southern Metropolis Daily"),
        ]
    );
    let answerers: Vec<&str> = qa.iter().map(|s| s.turns[1].speaker.as_str()).collect();
    assert_eq!(
        answerers,
        vec![
            "tian-yulong",
            "wang-peng",
            "tao-qing",
            "tao-qing",
            "tian-yulong",
            "wang-peng",
            "wang-peng",
            "tao-qing",
            "tian-yulong"
        ]
    );
    assert!(
        qa.iter()
            .all(|s| s.turns[0].kind == TurnKind::Question && s.turns.len() == 2)
    );
    assert!(
        qa[0].turns[0].paragraphs[0]
            .text
            .starts_with("Due to multiple factors")
    );
    assert_eq!(
        b.sections.last().map(|s| s.kind),
        Some(SectionKind::Closing)
    );
    let text = body(&b);
    assert!(
        !text.contains("Read in Chinese") && !text.contains("/5") && !text.contains("Group photo")
    );
}

#[test]
fn report_with_according_to() {
    let Some(b) = seed("004_") else { return };
    assert_eq!(b.sections[0].kind, SectionKind::Report);
    let xu = speaker(&b, "Xu Kemin");
    assert_eq!(
        xu.role.as_deref(),
        Some("director of the Department of Industrial Policy and Regulations")
    );
    let who: Vec<&str> = b.sections[0]
        .turns
        .iter()
        .map(|t| t.speaker.as_str())
        .collect();
    assert_eq!(who, vec![xu.id.as_str()]);
    assert!(!body(&b).contains("Data map"));
}
