//! The importer on texts we wrote ourselves, one per shape (tests/fixtures/import/).

use brief::format;
use brief::import::{NoteKind, import};
use brief::model::{Briefing, SectionKind, SpeakerKind, TurnKind, UNNAMED_REPORTER};

fn fixture(name: &str) -> Briefing {
    let path = format!(
        "{}/tests/fixtures/import/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    let raw = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let b = import(&raw).briefing;
    let text = format::write(&b);
    let back =
        format::parse(&text, name).unwrap_or_else(|e| panic!("{name} fails check:\n{e}\n{text}"));
    assert_eq!(back, b, "{name}: the written briefing reads back the same");
    b
}

fn kinds(b: &Briefing) -> Vec<SectionKind> {
    b.sections.iter().map(|s| s.kind).collect()
}

fn speaker_of(b: &Briefing, section: usize, turn: usize) -> &str {
    &b.sections[section].turns[turn].speaker
}

#[test]
fn white_house_style_call() {
    let b = fixture("wh_press_call.txt");
    assert_eq!(
        b.meta.title,
        "Press Call by Deputy Harbour Secretary Jane Roe on Winter Shipping"
    );
    assert_eq!(b.meta.date.as_deref(), Some("2024-02-14"));
    assert_eq!(
        b.meta.time.as_deref(),
        Some("2:03 P.M. EST"),
        "the time stamp at the top"
    );
    assert_eq!(
        b.meta.url.as_deref(),
        Some("https://example.org/briefings/2024/02/14/harbour-call")
    );
    let roe = b
        .speakers
        .iter()
        .find(|s| s.name == "Jane Roe")
        .expect("MS. ROE named from the title");
    assert_eq!(roe.kind, SpeakerKind::Official);
    assert_eq!(
        b.speaker("moderator").map(|s| s.kind),
        Some(SpeakerKind::Host)
    );
    assert_eq!(
        kinds(&b),
        vec![
            SectionKind::Remarks,
            SectionKind::Qa,
            SectionKind::Qa,
            SectionKind::Qa,
            SectionKind::Closing
        ]
    );
    // Two follow-ups before an answer stay in one Q&A; "Q Quickly" is a question, prose "Quickly" is not.
    assert_eq!(b.sections[2].turns.len(), 3);
    assert!(
        b.sections[3].turns[0].paragraphs[0]
            .text
            .starts_with("Quickly, one more")
    );
    assert_eq!(b.question_count(), 3);
    let all: String = b.paragraphs().map(|(_, p)| p.text.clone()).collect();
    assert!(!all.contains("(Laughter.)") && !all.contains("P.M."));
    assert!(!all.contains('\u{a0}'));
    // Hard-wrapped lines are joined into one paragraph.
    assert_eq!(b.sections[0].turns[1].paragraphs.len(), 2);
}

#[test]
fn numbered_speakers_of_a_transcription_service() {
    let b = fixture("rev_segments.txt");
    let s1 = b.speakers.iter().find(|s| s.name == "Speaker 1").unwrap();
    assert_eq!(
        s1.kind,
        SpeakerKind::Official,
        "states at length and never asks"
    );
    let s2 = b.speakers.iter().find(|s| s.name == "Speaker 2").unwrap();
    assert_eq!(s2.kind, SpeakerKind::Reporter);
    // The two segments of the opening statement are one turn.
    assert_eq!(b.sections[0].turns.len(), 2);
    // The reporter's closing "Thank you." is no question of its own.
    assert_eq!(b.question_count(), 2);
    let last = b.sections.last().unwrap().turns.last().unwrap();
    assert_eq!(
        (last.kind, last.paragraphs[0].text.as_str()),
        (TurnKind::Question, "Thank you.")
    );
    assert!(
        b.sections[1].turns[0].paragraphs[0]
            .text
            .starts_with("Governor, how much")
    );
}

#[test]
fn scio_style_briefing_with_speaker_list_outlets_and_unlabelled_questions() {
    let b = fixture("scio_briefing.txt");
    assert_eq!(
        b.meta.title,
        "Press conference on the development of ports and shipping in 2023"
    );
    assert_eq!(b.meta.date.as_deref(), Some("2024-01-18"));
    assert_eq!(b.meta.place.as_deref(), Some("Tianjin"));
    assert_eq!(b.meta.editor.as_deref(), Some("Zhou Yi and Tom Gray"));
    let li = b.speaker("li-ming").unwrap();
    assert_eq!(li.role.as_deref(), Some("spokesperson and chief economist"));
    assert_eq!(li.org.as_deref(), Some("Ministry of Transport"));
    let wu = b.speaker("wu-fan").unwrap();
    assert_eq!(wu.kind, SpeakerKind::Host);
    assert_eq!(wu.org.as_deref(), Some("State Council Information Office"));
    let qa: Vec<_> = b
        .sections
        .iter()
        .filter(|s| s.kind == SectionKind::Qa)
        .collect();
    assert_eq!(qa.len(), 3);
    assert_eq!(qa[0].turns[0].speaker, UNNAMED_REPORTER);
    assert!(
        qa[0].turns[0].paragraphs[0]
            .text
            .starts_with("How will the ministry")
    );
    assert_eq!(qa[1].outlet.as_deref(), Some("Harbour Daily"));
    // A question an official asks and answers in their own answer is not a reporter's.
    assert_eq!(qa[1].turns.len(), 3);
    assert!(
        qa[2].turns[0].paragraphs[0]
            .text
            .starts_with("What about the cost")
    );
    assert_eq!(kinds(&b).last(), Some(&SectionKind::Closing));
    let all: String = b.paragraphs().map(|(_, p)| p.text.clone()).collect();
    assert!(!all.contains("Read in Chinese") && !all.contains("/4") && !all.contains("Translated"));
    let terms: Vec<&str> = b.glossary.iter().map(|g| g.term.as_str()).collect();
    assert_eq!(
        terms,
        vec!["green corridor", "Smart Port Action Plan", "white list"]
    );
    assert!(b.glossary.iter().all(|g| g.proposed));
}

#[test]
fn news_report_in_reported_speech() {
    let b = fixture("news_report.txt");
    assert_eq!(kinds(&b), vec![SectionKind::Report]);
    assert_eq!(b.meta.source.as_deref(), Some("Port News"));
    assert_eq!(b.meta.editor.as_deref(), Some("Zhou Yi, Ann Gray"));
    let li = b.speaker("li-ming").unwrap();
    assert_eq!(
        (li.role.as_deref(), li.org.as_deref()),
        (Some("spokesperson"), Some("Ministry of Transport"))
    );
    let turns = &b.sections[0].turns;
    let shape: Vec<(&str, TurnKind)> = turns.iter().map(|t| (t.speaker.as_str(), t.kind)).collect();
    assert_eq!(
        shape,
        vec![
            ("li-ming", TurnKind::Statement),
            ("reporter", TurnKind::Question),
            ("li-ming", TurnKind::Statement),
            ("chen-hua", TurnKind::Statement),
            ("port-news", TurnKind::Statement),
        ]
    );
    let all: String = b.paragraphs().map(|(_, p)| p.text.clone()).collect();
    assert!(!all.contains("Data photo") && !all.contains("Copyright") && !all.contains("Edit:"));
}

#[test]
fn chinese_labels_with_full_width_colons() {
    let b = fixture("chinese_labels.txt");
    assert_eq!(b.meta.language.as_deref(), Some("zh"));
    assert_eq!(b.meta.date.as_deref(), Some("2024-01-18"));
    let host = b.speakers.iter().find(|s| s.name == "王芳").unwrap();
    assert_eq!(host.kind, SpeakerKind::Host);
    let li = b.speakers.iter().find(|s| s.name == "李明").unwrap();
    assert_eq!(li.role.as_deref(), Some("发布人"));
    assert_eq!(
        b.speakers.len(),
        2,
        "one speaker per person whatever the label says"
    );
    assert_eq!(
        kinds(&b),
        vec![
            SectionKind::Remarks,
            SectionKind::Qa,
            SectionKind::Qa,
            SectionKind::Closing
        ]
    );
    assert_eq!(b.sections[1].outlet.as_deref(), Some("新华社"));
    assert_eq!(speaker_of(&b, 1, 0), UNNAMED_REPORTER);
    assert_eq!(b.glossary[0].term, "绿色航道");
}

#[test]
fn junk_prefixes_topics_and_inline_labels() {
    let raw = std::fs::read_to_string(format!(
        "{}/tests/fixtures/import/prefix_and_topics.txt",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let imported = import(&raw);
    let removed = imported
        .notes
        .iter()
        .filter(|n| n.kind == NoteKind::Removed && n.message.contains("X7-QQ21"))
        .count();
    assert_eq!(removed, 4, "every removal is noted with its line");
    let b = fixture("prefix_and_topics.txt");
    let titles: Vec<Option<&str>> = b.sections.iter().map(|s| s.title.as_deref()).collect();
    assert_eq!(
        titles,
        vec![
            Some("Topic one: Ports in winter"),
            Some("Topic two: Jobs on the docks")
        ]
    );
    assert_eq!(b.question_count(), 2);
    assert!(b.paragraphs().all(|(_, p)| !p.text.contains("X7-QQ21")));
    assert_eq!(b.sections[0].turns[1].paragraphs.len(), 4);
}

#[test]
fn outlet_and_reporter_word_labels() {
    let b = fixture("outlet_reporters.txt");
    let outlets: Vec<Option<&str>> = b
        .sections
        .iter()
        .filter(|s| s.kind == SectionKind::Qa)
        .map(|s| s.outlet.as_deref())
        .collect();
    assert_eq!(
        outlets,
        vec![Some("Harbour Daily"), Some("AFP"), Some("海港日报")]
    );
    for s in b.sections.iter().filter(|s| s.kind == SectionKind::Qa) {
        let q = &s.turns[0];
        assert_eq!(q.kind, TurnKind::Question);
        let text = &q.paragraphs[0].text;
        assert!(
            !text.contains("reporter") && !text.contains("记者"),
            "{text}"
        );
    }
}

/// The name of the speaker of every answer, in order.
fn answerers(b: &Briefing) -> Vec<String> {
    b.sections
        .iter()
        .flat_map(|s| &s.turns)
        .filter(|t| t.kind == TurnKind::Answer)
        .map(|t| b.speaker(&t.speaker).expect("listed").name.clone())
        .collect()
}

#[test]
fn a_answering_q_is_the_spokesperson() {
    let b = fixture("qa_spokesperson.txt");
    assert_eq!(answerers(&b), vec!["Lin Mei", "Lin Mei"]);
    assert!(b.speakers.iter().all(|s| s.name != "A"));
    let b = fixture("qa_unnamed_spokesperson.txt");
    assert_eq!(answerers(&b), vec!["Spokesperson", "Spokesperson"]);
    assert_eq!(kinds(&b), vec![SectionKind::Qa, SectionKind::Qa]);
}

#[test]
fn chinese_labels_that_give_the_office_before_the_name() {
    let b = fixture("chinese_office_labels.txt");
    let names: Vec<&str> = b.speakers.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["周明", "陈刚", "李华"], "one speaker per person");
    let role = |name: &str| {
        let s = b.speakers.iter().find(|s| s.name == name).unwrap();
        s.role.as_deref()
    };
    assert_eq!(role("陈刚"), Some("交通运输部副部长"));
    assert_eq!(role("李华"), Some("交通运输部新闻发言人、水运局局长"));
    assert_eq!(
        kinds(&b),
        [
            SectionKind::Remarks,
            SectionKind::Qa,
            SectionKind::Qa,
            SectionKind::Closing
        ]
    );
    let second = &b.sections[2];
    assert_eq!(second.outlet.as_deref(), Some("路透社"));
    let who: Vec<&str> = second.turns.iter().map(|t| t.speaker.as_str()).collect();
    let li = &b.speakers[2].id;
    let chen = &b.speakers[1].id;
    assert_eq!(who, [UNNAMED_REPORTER, li.as_str(), chen.as_str()]);
}

#[test]
fn earnings_call_with_participant_lists_and_bare_name_lines() {
    let b = fixture("earnings_call.txt");
    let kind_of = |name: &str| b.speakers.iter().find(|s| s.name == name).unwrap().kind;
    assert_eq!(kind_of("Ann Lee"), SpeakerKind::Official);
    assert_eq!(kind_of("Cy Ray"), SpeakerKind::Reporter);
    assert_eq!(kind_of("Operator"), SpeakerKind::Host);
    let lee = b.speakers.iter().find(|s| s.name == "Ann Lee").unwrap();
    assert_eq!(lee.role.as_deref(), Some("Chief Executive Officer"));
    assert_eq!(
        kinds(&b),
        [
            SectionKind::Remarks,
            SectionKind::Qa,
            SectionKind::Qa,
            SectionKind::Closing
        ]
    );
    // The operator's introduction opens the question it introduces, and is no answer.
    assert_eq!(b.section_label(1), "Q1 · Northgate Securities → Ann Lee");
    assert_eq!(b.section_label(2), "Q2 · Eastline Capital → Bo Wu");
    assert_eq!(b.sections[2].turns[0].kind, TurnKind::Statement);
    assert_eq!(b.sections[2].turns[1].kind, TurnKind::Question);
    assert!(b.meta.place.is_none(), "{:?}", b.meta.place);
}

#[test]
fn chinese_header_with_time_and_a_speaker_list() {
    let b = fixture("chinese_speaker_list.txt");
    assert_eq!(b.meta.title, "国务院新闻办公室2024年1月18日新闻发布会");
    assert_eq!(b.meta.date.as_deref(), Some("2024-01-18"));
    assert_eq!(b.meta.time.as_deref(), Some("10:00"));
    let names: Vec<&str> = b.speakers.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(
        names,
        ["寿小丽", "辛国斌", "陶青"],
        "list fields are no speakers"
    );
    assert_eq!(b.speakers[0].kind, SpeakerKind::Host);
    assert_eq!(b.speakers[1].role.as_deref(), Some("工业和信息化部副部长"));
    assert_eq!(
        b.speakers[2].role.as_deref(),
        Some("工业和信息化部新闻发言人、运行监测协调局局长")
    );
    assert_eq!(
        kinds(&b),
        [SectionKind::Remarks, SectionKind::Qa, SectionKind::Closing]
    );
}

#[test]
fn chinese_office_and_name_alone_on_a_line_is_a_label() {
    let b = fixture("chinese_colonless_labels.txt");
    let zhou = b.speakers.iter().find(|s| s.name == "周明").unwrap();
    assert_eq!(zhou.kind, SpeakerKind::Host);
    assert_eq!(
        zhou.role.as_deref(),
        Some("国务院新闻办新闻局副局长、新闻发言人")
    );
    let chen = b.speakers.iter().find(|s| s.name == "陈刚").unwrap();
    assert_eq!(
        chen.role.as_deref(),
        Some("《内河航运发展纲要》起草组负责人、交通运输部副部长")
    );
    assert_eq!(
        b.question_count(),
        1,
        "答记者问 in the introduction asks nothing"
    );
    let opening = &b.sections[0];
    let zhou_turn = opening.turns.iter().find(|t| t.speaker == zhou.id).unwrap();
    assert!(zhou_turn.paragraphs[0].text.starts_with("女士们、先生们"));
}

#[test]
fn a_role_with_its_holder_and_reporters_from_outlets() {
    let b = fixture("role_holder_and_reporter_from.txt");
    let names: Vec<&str> = b.speakers.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["Zou Lan", "Ruan Jianhong"], "Moderator: is Zou Lan");
    assert_eq!(b.speakers[0].kind, SpeakerKind::Host);
    assert_eq!(
        b.speakers[0].role.as_deref(),
        Some("Director General of the Financial Market Department")
    );
    let outlets: Vec<Option<&str>> = b.sections.iter().map(|s| s.outlet.as_deref()).collect();
    assert_eq!(
        outlets,
        [None, Some("Xinhua News Agency"), Some("Bloomberg"), None]
    );
    // The moderator answers the last question, then closes: the answer stays in the Q&A.
    assert_eq!(b.section_label(2), "Q2 · Bloomberg → Zou Lan");
    let closing = b.sections.last().unwrap();
    assert_eq!(closing.kind, SectionKind::Closing);
    assert!(
        closing.turns[0].paragraphs[0]
            .text
            .starts_with("That concludes")
    );
}
