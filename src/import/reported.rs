//! News reports in reported speech: "Li Ming said that …", "According to Li Ming, …",
//! "a reporter asked: …", "李明表示…". The report becomes one section whose paragraphs are
//! attributed to the official quoted; a reported question is a question turn; narration before
//! anyone is quoted belongs to the narrator (the publisher, where known).

use super::header::{self, HeaderLine};
use super::people::People;
use super::quoted;
use super::text::{Para, excerpt};
use super::{DraftSection, DraftTurn, NoteKind, Notes, Voice, new_person};
use crate::model::{Meta, SectionKind, SpeakerKind, TurnKind};
use regex::Regex;
use std::collections::HashMap;
use std::sync::LazyLock;

const NAME: &str = r"[A-Z][a-z]+(?:-[A-Za-z][a-z]+)?(?: [A-Z][a-z]+(?:-[A-Za-z][a-z]+)?){1,2}";

static SAID: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"According to ({NAME}),|({NAME})(?:, ([^,;]{{3,200}}?),)? (?:also |further |then |later )?(?:said|says|stated|pointed out|noted|added|emphasized|emphasised|stressed|introduced|explained|believes|told|revealed|disclosed|announced|remarked|indicated|mentioned|highlighted|underlined|urged)\b"
    ))
    .expect("reported speech pattern")
});

/// A cheap test that a text may report speech at all, before the costly patterns run.
static SPEECH_VERB: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:said|says|stated|pointed out|noted|added|emphasized|emphasised|stressed|introduced|explained|believes|told|revealed|disclosed|announced|remarked|indicated|mentioned|highlighted|underlined|urged)\b|According to")
        .expect("speech verb pattern")
});

static ASKED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:a|one|another|the) (?:reporter|journalist|correspondent) (?:asked|raised)|\breporters asked\b|记者问[：:]|記者問[：:]|记者提问[：:]|記者提問[：:]")
        .expect("question pattern")
});

static INSTITUTION_SAID: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:Ministry|Council|Office|Department|Bureau|Commission|Committee|Government|Administration|Agency|Bank|Association|Company)\b[^.,;:]{0,60}? (?:also )?(?:said|says|stated|announced|noted|added)\b")
        .expect("institution pattern")
});

static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^([A-Z][A-Za-z]+(?: [A-Z][A-Za-z]+){0,4}),? (?:January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}\b")
        .expect("dateline pattern")
});

static DATELINE_FULL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[A-Z][A-Za-z]+(?: [A-Z][A-Za-z]+){0,4},? (?:January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}\b[,\s]*(?:\d{1,2}(?:st|nd|rd|th)\b[,\s]*)?")
        .expect("full dateline pattern")
});

/// The text without a news dateline in front (`Port News, June 3, `).
pub fn strip_dateline(text: &str) -> &str {
    match DATELINE_FULL.find(text) {
        Some(m) => &text[m.end()..],
        None => text,
    }
}

/// Chinese speech verbs, longest first where one starts another.
const HAN_VERBS: &str = "說|说|表示|指出|指|強調|强调|重申|稱|称|回應|回应|認為|认为|答|提到|談到|谈到|介紹|介绍|透露|坦言|解釋|解释|補充|补充|說明|说明";

/// A pronoun that goes on speaking (`他表示`, `她并指出`): the last person quoted.
static HAN_PRONOUN_SAID: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^[他她](?:并|並|也|还|還|又|同时|同時|进一步|進一步)?(?:{HAN_VERBS})"
    ))
    .expect("han pronoun pattern")
});

static HAN_SAID: LazyLock<Regex> = LazyLock::new(|| {
    // The verb may follow a phrase of where or when (`林明在发布会上表示`) and of whom to
    // (`对记者表示`, `对此表示`).
    Regex::new(&format!(
        r"(\p{{Han}}{{2,8}})(?:在[^，。：；“”「」]{{1,16}}?[上中时時里裡])?(?:[对對向][^，。：；“”「」]{{1,12}}?)?(?:{HAN_VERBS})"
    ))
        .expect("han speech pattern")
});

/// Words that make a capitalised phrase an organisation or a place rather than a person.
pub(super) const NOT_A_PERSON: &[&str] = &[
    "Council",
    "Ministry",
    "Office",
    "Department",
    "Bureau",
    "Commission",
    "Committee",
    "Government",
    "Administration",
    "Agency",
    "Bank",
    "Association",
    "Company",
    "Group",
    "Daily",
    "News",
    "Times",
    "Service",
    "Party",
    "Congress",
    "China",
    "Chinese",
    "States",
    "Nations",
    "Union",
    "House",
    "Court",
    "Police",
    "Press",
    "Media",
    "Network",
    "Information",
    "Technology",
    "Industry",
    "The",
    "This",
    "That",
    "These",
    "Those",
    "It",
    "In",
    "On",
    "At",
    "As",
    "For",
    "And",
    "But",
];

const HAN_NOT_A_PERSON: &[&str] = &[
    "政府",
    "記者",
    "记者",
    "他們",
    "他们",
    "我們",
    "我们",
    "港府",
    "當局",
    "当局",
    "發言人",
    "发言人",
    "聲明",
    "声明",
    "報道",
    "报道",
    "消息",
    "文章",
    "問題",
    "问题",
];

/// Build the report: a short header (title, date), then the body in one report section.
pub fn build(
    paras: &[Para],
    meta: &mut Meta,
    people: &mut People,
    notes: &mut Notes,
) -> Vec<DraftSection> {
    let mut body_start = 0;
    for p in paras.iter().take(3) {
        match header::classify(&p.text) {
            HeaderLine::Date { iso, .. } => {
                meta.date.get_or_insert(iso);
                notes.add(p.line, NoteKind::Metadata, format!("date line: {}", p.text));
            }
            HeaderLine::Short(s) if meta.title.is_empty() => {
                meta.title = s.trim_start_matches('#').trim().to_string();
                notes.add(p.line, NoteKind::Metadata, "title");
            }
            HeaderLine::Short(s) if p.text.starts_with('#') => {
                notes.add(
                    p.line,
                    NoteKind::Removed,
                    format!("repeats the title: {}", excerpt(&s, 60)),
                );
            }
            _ => break,
        }
        body_start += 1;
    }
    let body = &paras[body_start..];
    if let Some(first) = body.first()
        && let Some(c) = DATELINE.captures(&first.text)
        && meta.source.is_none()
    {
        meta.source = Some(c[1].to_string());
        notes.add(
            first.line,
            NoteKind::Metadata,
            format!("source from the dateline: {}", &c[1]),
        );
    }
    vec![DraftSection {
        kind: SectionKind::Report,
        title: None,
        outlet: None,
        turns: attribute(body, meta, people, notes),
    }]
}

/// Attribute each paragraph (each sentence of a very long one) to whoever it reports, carrying
/// the last person quoted over to paragraphs that quote nobody new.
pub fn attribute(
    body: &[Para],
    meta: &Meta,
    people: &mut People,
    notes: &mut Notes,
) -> Vec<DraftTurn> {
    let han_names = han_speakers(body);
    let surnames = quoted::surnames(body, &meta.title);
    let marks_quotes = quoted::marks_quotes(body);
    let narrator = super::narrator(people, meta);
    let mut current = Voice::Person(narrator);
    // The last person quoted, whom a pronoun that speaks (`他表示`) goes back to.
    let mut quoted: Option<Voice> = None;
    let names = Names {
        han: &han_names,
        surnames: &surnames,
    };
    let mut turns: Vec<DraftTurn> = Vec::new();
    for p in body {
        // Chinese reports switch voice from sentence to sentence; English ones mostly keep a
        // paragraph in one voice, so only a wall of text is cut there.
        let han = p.text.chars().any(super::labels::is_han);
        let pieces = if p.text.len() > 1200 || han {
            split_sentences(&p.text)
        } else {
            vec![p.text.as_str()]
        };
        let mut chunk = String::new();
        for (k, piece) in pieces.into_iter().enumerate() {
            let pronoun = han && HAN_PRONOUN_SAID.is_match(piece.trim_start());
            let voice = attribution(piece, &names, narrator, people, notes, p.line)
                .or(quoted.filter(|_| pronoun))
                .unwrap_or(match current {
                    // A reported question is one paragraph; what follows is narration or an answer.
                    Voice::Reporter => Voice::Person(narrator),
                    // A Chinese paragraph that names no speaker is the writer's unless it goes on
                    // with the last one's words.
                    _ if han && k == 0 && !continues_speech(piece) => Voice::Person(narrator),
                    // Where quotation marks show speech, a paragraph with none is the writer's.
                    _ if !han && marks_quotes && !quoted::quotes(piece) => Voice::Person(narrator),
                    v => v,
                });
            if matches!(voice, Voice::Person(i) if i != narrator) {
                quoted = Some(voice);
            }
            if voice != current && !chunk.is_empty() {
                push(&mut turns, current, p.line, std::mem::take(&mut chunk));
            }
            current = voice;
            if !chunk.is_empty() {
                chunk.push(' ');
            }
            chunk.push_str(piece.trim());
        }
        if !chunk.is_empty() {
            push(&mut turns, current, p.line, chunk);
        }
    }
    turns
}

/// Words that open a paragraph going on with what the last person quoted said: an
/// enumeration, an addition, a pronoun that speaks.
const GOES_ON: &[&str] = &[
    "第一", "第二", "第三", "第四", "第五", "一是", "二是", "三是", "四是", "五是", "首先", "其次",
    "此外", "另外", "同时", "同時", "最后", "最後", "他", "她", "我们", "我們",
];

/// Whether a paragraph that names no speaker goes on with the last one's words: it quotes, or it
/// opens with a word of [`GOES_ON`].
fn continues_speech(text: &str) -> bool {
    let t = text.trim_start();
    t.starts_with(['“', '"', '「', '『', '‘']) || GOES_ON.iter().any(|w| t.starts_with(w))
}

fn push(turns: &mut Vec<DraftTurn>, voice: Voice, line: u32, text: String) {
    let para = Para { line, text };
    if let Some(t) = turns.last_mut()
        && t.voice == voice
        && voice != Voice::Reporter
    {
        t.paras.push(para);
        return;
    }
    turns.push(DraftTurn {
        voice,
        kind: if voice == Voice::Reporter {
            TurnKind::Question
        } else {
            TurnKind::Statement
        },
        line,
        paras: vec![para],
        outlet: None,
        heading: None,
    });
}

/// The people a report quotes by a name that a pattern of full names does not catch.
struct Names<'a> {
    /// Chinese names that speak (`林明表示`).
    han: &'a [String],
    /// Surnames that speak (`said Costa`).
    surnames: &'a [String],
}

/// Who a piece of text is attributed to, if it says.
fn attribution(
    text: &str,
    names: &Names,
    narrator: usize,
    people: &mut People,
    notes: &mut Notes,
    line: u32,
) -> Option<Voice> {
    let may_ask = text.contains("asked") || text.contains("raised") || !text.is_ascii();
    let asked = if may_ask {
        ASKED.find(text).map(|m| m.start())
    } else {
        None
    };
    let speech = SPEECH_VERB.is_match(text);
    let mut institution = if speech {
        INSTITUTION_SAID.find(text).map(|m| m.start())
    } else {
        None
    };
    // Find matches with the fast automaton; capture groups only inside each (short) match.
    let said = SAID
        .find_iter(if speech { text } else { "" })
        .find_map(|m| {
            let (name, role) = parse_said(m.as_str());
            let words: Vec<&str> = name.split(' ').collect();
            let words = &words[words.len().saturating_sub(2)..];
            let start = m.start();
            if words.iter().any(|w| NOT_A_PERSON.contains(w)) {
                institution = Some(institution.map_or(start, |i| i.min(start)));
                return None;
            }
            Some((start, words.join(" "), role.map(str::to_string)))
        });
    // "The ministry said …" before anyone is quoted: the report speaks, not the last official.
    if let Some(at) = institution
        && said.as_ref().is_none_or(|s| at < s.0)
        && asked.is_none_or(|q| at < q)
    {
        return Some(Voice::Person(narrator));
    }
    let han = if names.han.is_empty() {
        None
    } else {
        han_speaker(text, names.han)
    };
    let said =
        said.or_else(|| quoted::speaker(text, names.surnames).map(|(at, n)| (at, n.clone(), None)));
    match (asked, said, han) {
        (Some(q), s, h) if s.as_ref().is_none_or(|s| q < s.0) && h.is_none_or(|h| q < h.0) => {
            Some(Voice::Reporter)
        }
        (_, Some((_, name, role)), _) => {
            // A person met before needs no second reading of their role.
            if let Some(i) = people.find(&name)
                && (role.is_none() || people.list[i].role.is_some())
            {
                return Some(Voice::Person(i));
            }
            let (role, org) = match role {
                Some(r)
                    if r.chars()
                        .next()
                        .is_some_and(|c| c.is_lowercase() || c.is_uppercase()) =>
                {
                    let (r, o) = header::split_org(&r);
                    (Some(r), o)
                }
                _ => (None, None),
            };
            let known = people.find(&name).is_some();
            let mut p = new_person(name.clone(), role, SpeakerKind::Official);
            p.org = org;
            let i = people.add(p);
            if !known {
                notes.add(
                    line,
                    NoteKind::Guessed,
                    format!("{name} is quoted in reported speech"),
                );
            }
            Some(Voice::Person(i))
        }
        (_, None, Some((_, name))) => {
            let i = people.add(new_person(name.clone(), None, SpeakerKind::Official));
            Some(Voice::Person(i))
        }
        _ => None,
    }
}

/// The name and the role of a match of [`SAID`], read from its shape rather than with capture
/// groups (the costly part of a regex search): `According to NAME,`, `NAME, ROLE, said`,
/// `NAME (also) said`.
fn parse_said(m: &str) -> (&str, Option<&str>) {
    if let Some(rest) = m.strip_prefix("According to ") {
        return (rest.trim_end_matches(','), None);
    }
    if let Some((name, rest)) = m.split_once(", ") {
        let role = rest.split(',').next().filter(|r| !r.is_empty());
        return (name, role);
    }
    let end = m
        .split(' ')
        .take_while(|w| w.chars().next().is_some_and(char::is_uppercase))
        .map(|w| w.len() + 1)
        .sum::<usize>();
    (m[..end.saturating_sub(1).min(m.len())].trim(), None)
}

/// The first of `names` that speaks in `text` (`林鄭月娥表示`, `林鄭也說`, a short form that
/// starts a full name), with where: a name merely mentioned does not speak.
fn han_speaker<'n>(text: &str, names: &'n [String]) -> Option<(usize, &'n String)> {
    HAN_SAID.captures_iter(text).find_map(|c| {
        let run = c.get(1)?;
        let chars: Vec<char> = run.as_str().chars().collect();
        let mut end = chars.len();
        while end > 0 && ADVERBS.contains(&chars[end - 1]) {
            end -= 1;
        }
        let before: String = chars[..end].iter().collect();
        names.iter().find_map(|n| {
            let short: String = n.chars().take(2).collect();
            let hit = [n.as_str(), short.as_str()]
                .into_iter()
                .find(|f| before.ends_with(f))?;
            let at = run.start() + before.len() - hit.len();
            Some((at, n))
        })
    })
}

/// Chinese names quoted at least twice ("林明说", "特首林明亮表示") that also recur in the text;
/// a short form (`林明`) folds into the full name it starts.
fn han_speakers(body: &[Para]) -> Vec<String> {
    // (times before a speech verb, once after a title)
    let mut before_verb: HashMap<String, (usize, bool)> = HashMap::new();
    for p in body
        .iter()
        .filter(|p| !p.text.is_ascii() && p.text.chars().any(super::labels::is_han))
    {
        for c in HAN_SAID.captures_iter(&p.text) {
            let run: Vec<char> = c[1].chars().collect();
            let mut run = &run[..];
            while let Some((last, rest)) = run.split_last() {
                if !ADVERBS.contains(last) {
                    break;
                }
                run = rest;
            }
            // The name ends where the verb (or its adverb) starts; titles may come before it.
            for len in 2..=4.min(run.len()) {
                let name: String = run[run.len() - len..].iter().collect();
                let titled = run.len() > len && TITLE_ENDS.contains(&run[run.len() - len - 1]);
                let seen = before_verb.entry(name).or_default();
                seen.0 += 1;
                seen.1 |= titled;
            }
        }
    }
    let text_of = |n: &str| {
        body.iter()
            .map(|p| p.text.matches(n).count())
            .sum::<usize>()
    };
    let mut names: Vec<(String, usize)> = before_verb
        .into_iter()
        .filter(|(n, (c, titled))| {
            (*c >= 2 || *titled)
                && !HAN_NOT_A_PERSON.contains(&n.as_str())
                && super::han_names::is_surname_name(n)
                && !n.starts_with(|ch: char| FUNCTION_CHARS.contains(&ch))
        })
        .map(|(n, (_, titled))| {
            let f = text_of(&n);
            (n, f, titled)
        })
        // A name said once after its title (`发言人林明在会上表示`) is introduced as a speaker;
        // an untitled one must recur.
        .filter(|(_, f, titled)| *f >= 3 || *titled)
        .map(|(n, f, _)| (n, f))
        .collect();
    names.sort_by(|a, b| {
        b.0.chars()
            .count()
            .cmp(&a.0.chars().count())
            .then(a.0.cmp(&b.0))
    });
    let mut out: Vec<String> = Vec::new();
    for (n, _) in names {
        if !out.iter().any(|long| long.contains(&n)) {
            out.push(n);
        }
    }
    out.truncate(8);
    out.into_iter().map(|n| full_form(&n, body)).collect()
}

/// The fuller form of a short name when the text also uses it often (`林明` → `林明亮`): the
/// one or two characters that most often follow the name, kept while they follow it in at least
/// a quarter of its occurrences (and three times at least).
fn full_form(name: &str, body: &[Para]) -> String {
    let total: usize = body.iter().map(|p| p.text.matches(name).count()).sum();
    let mut best = name.to_string();
    for _ in 0..2 {
        let mut next: HashMap<char, usize> = HashMap::new();
        for p in body {
            for (at, m) in p.text.match_indices(best.as_str()) {
                let after = &p.text[at + m.len()..];
                // `林明表示` is the name and its verb, not a longer name.
                if let Some(c) = after.chars().next()
                    && super::labels::is_han(c)
                    && !HAN_VERBS.split('|').any(|v| after.starts_with(v))
                {
                    *next.entry(c).or_default() += 1;
                }
            }
        }
        let Some((c, n)) = next
            .into_iter()
            .max_by_key(|&(c, n)| (n, std::cmp::Reverse(c)))
        else {
            break;
        };
        if n < 3 || n * 4 < total {
            break;
        }
        best.push(c);
    }
    best
}

/// Last characters of a title before a name: 发言人, 副行长, 主任, 发言官, 委员, 总理, 主席,
/// 书记, 总监, 总裁, 大使, 董事.
const TITLE_ENDS: &[char] = &[
    '人', '长', '長', '任', '官', '员', '員', '理', '席', '记', '記', '监', '監', '裁', '使', '事',
];

/// Adverbs between a name and its verb ("林明也说", "林明只是重申").
const ADVERBS: &[char] = &[
    '也', '又', '亦', '再', '還', '还', '則', '则', '卻', '却', '更', '只', '是', '就', '都', '曾',
    '已', '並', '并', '今', '日', '天',
];

/// Characters a name does not start with: pronouns, conjunctions, particles.
const FUNCTION_CHARS: &[char] = &[
    '但', '而', '並', '并', '她', '他', '我', '你', '又', '也', '亦', '則', '则', '卻', '却', '更',
    '還', '还', '就', '都', '再', '這', '这', '那', '其', '首', '該', '该', '此', '之', '後', '后',
    '在', '對', '对', '於', '于', '和', '與', '与', '及', '的', '是', '有', '被', '將', '将', '會',
    '会', '已', '不',
];

/// Split a very long paragraph into sentences, so that a wall of text can be attributed piece
/// by piece.
fn split_sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut prev_end = false;
    for (i, c) in text.char_indices() {
        if prev_end && (c == ' ' || super::labels::is_han(c)) {
            let cut = if c == ' ' { i + 1 } else { i };
            if cut > start {
                out.push(&text[start..cut]);
                start = cut;
            }
        }
        prev_end = matches!(c, '.' | '?' | '!' | '。' | '？' | '！');
    }
    if start < text.len() {
        out.push(&text[start..]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::text::{lines, paragraphs};

    fn run(raw: &str) -> (Vec<DraftSection>, People, Meta) {
        let (ls, _) = lines(raw);
        let paras = paragraphs(&ls, true);
        let mut people = People::default();
        let mut meta = Meta::default();
        let mut notes = Notes::default();
        let s = build(&paras, &mut meta, &mut people, &mut notes);
        (s, people, meta)
    }

    #[test]
    fn quoted_officials_and_a_reported_question() {
        let raw = "Port News, June 3, the harbour reopened.\n\nAnn Lee, director of the Bureau of Ports, said that traffic rose.\n\nFirst, more ships came.\n\nAt the event, a reporter asked: Will it last?\n\nAccording to Ann Lee, it will.\n";
        let (s, people, meta) = run(raw);
        assert_eq!(meta.source.as_deref(), Some("Port News"));
        let t = &s[0].turns;
        let who: Vec<(Voice, TurnKind, usize)> =
            t.iter().map(|t| (t.voice, t.kind, t.paras.len())).collect();
        let lee = people.find("Ann Lee").unwrap();
        assert_eq!(
            who,
            vec![
                (Voice::Person(0), TurnKind::Statement, 1),
                (Voice::Person(lee), TurnKind::Statement, 2),
                (Voice::Reporter, TurnKind::Question, 1),
                (Voice::Person(lee), TurnKind::Statement, 1),
            ]
        );
        assert_eq!(people.list[lee].role.as_deref(), Some("director"));
        assert_eq!(people.list[lee].org.as_deref(), Some("Bureau of Ports"));
    }

    #[test]
    fn said_matches_give_name_and_role() {
        assert_eq!(parse_said("According to Ann Lee,"), ("Ann Lee", None));
        assert_eq!(
            parse_said("Ann Lee, director of Ports, said"),
            ("Ann Lee", Some("director of Ports"))
        );
        assert_eq!(parse_said("Ann Lee also pointed out"), ("Ann Lee", None));
        assert_eq!(parse_said("Ann Lee said"), ("Ann Lee", None));
    }

    #[test]
    fn datelines_are_stripped() {
        assert_eq!(
            strip_dateline("Port News, June 3, 3rd, Ann Lee said"),
            "Ann Lee said"
        );
        assert_eq!(strip_dateline("Port News June 3, the port"), "the port");
        assert_eq!(strip_dateline("Ann Lee said"), "Ann Lee said");
    }

    #[test]
    fn organisations_are_not_people() {
        let (s, people, _) = run(
            "Ann Lee said ports grew.\n\nThe State Council said that ports matter.\n\nAnn Lee said more.\n\nThe Ministry of Ports also said so.\n",
        );
        assert_eq!(s[0].turns.len(), 4);
        assert_eq!(s[0].turns[3].voice, Voice::Person(0), "the narrator");
        assert_eq!(s[0].turns[1].voice, Voice::Person(0), "the narrator");
        assert_eq!(people.list.len(), 2);
    }

    #[test]
    fn a_wall_of_text_is_split_where_a_new_official_is_quoted() {
        let filler = "Trade grew again this year. ".repeat(30);
        let raw = format!(
            "{filler}Ann Lee, spokesperson for the Ministry of Ports, said that ships came. {filler}Bo Chen said that rail grew. More followed.\n"
        );
        let (s, people, _) = run(&raw);
        assert_eq!(s[0].turns.len(), 3);
        assert_eq!(people.list.len(), 3);
    }

    #[test]
    fn chinese_reported_speech() {
        let raw = "会后，部长林明亮表示，港口恢复。\n\n林明亮还说了别的。林明亮很忙。林明指出，铁路增长。林明又说好。林明重申。但她说好。\n";
        let (s, people, _) = run(raw);
        assert!(people.find("林明亮").is_some());
        assert!(
            s[0].turns
                .iter()
                .any(|t| matches!(t.voice, Voice::Person(i) if people.list[i].name == "林明亮"))
        );
    }

    #[test]
    fn a_titled_name_speaks_after_where_and_to_whom_and_a_pronoun_goes_on() {
        // Said once, after a title and a phrase of where and to whom; then `他表示`; the name
        // followed by its verb is not a longer name.
        let raw = "海港日报讯 本周，部长办公室召开会议。\n\n\
                   当天，港务局发言人周立新在例行记者会上对本报记者表示，港口吞吐量回升。\n\n\
                   他并表示，下一步将扩大航线。\n\n\
                   周立新表示，铁路运量增长。周立新表示，航空恢复。\n";
        let (s, people, _) = run(raw);
        let zhou = people.find("周立新").expect("the spokesperson");
        assert_eq!(people.list[zhou].name, "周立新");
        let by = |start: &str| {
            s[0].turns
                .iter()
                .find(|t| t.paras.iter().any(|p| p.text.contains(start)))
                .map(|t| t.voice == Voice::Person(zhou))
        };
        assert_eq!(by("港口吞吐量回升"), Some(true));
        assert_eq!(by("下一步将扩大航线"), Some(true));
        assert_eq!(by("部长办公室召开会议"), Some(false));
    }

    #[test]
    fn a_chinese_report_gives_back_the_writers_words() {
        let raw = "记者会上，发言人林明亮表示，港口恢复。林明亮说，铁路增长。\n\n\
                   这场疫情始发于去年，林明亮曾到访港口。\n\n\
                   此外，林明亮还说，航空也在恢复。\n\n\
                   林明亮在会上的讲话引起关注。\n";
        let (s, people, _) = run(raw);
        let lin = people.find("林明亮").expect("the spokesperson");
        let by: Vec<(bool, &str)> = s[0]
            .turns
            .iter()
            .flat_map(|t| {
                t.paras
                    .iter()
                    .map(move |p| (t.voice == Voice::Person(lin), p.text.as_str()))
            })
            .collect();
        let lin_said = |start: &str| by.iter().find(|(_, t)| t.contains(start)).map(|b| b.0);
        assert_eq!(lin_said("铁路增长"), Some(true));
        assert_eq!(
            lin_said("这场疫情"),
            Some(false),
            "background, and a mere mention"
        );
        assert_eq!(lin_said("此外"), Some(true));
        assert_eq!(lin_said("林明亮在会上"), Some(false), "named, not speaking");
    }
}
