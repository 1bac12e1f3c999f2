//! Chinese labels that give a speaker's office before the name: `工业和信息化部新闻发言人、运行监测
//! 协调局局长 陶青：`, `国家统计局新闻发言人付凌晖：`. Chinese transcripts introduce a speaker so the
//! first time and use the bare name after; both must be one person, with the office as the role.

use super::labels::is_han;

/// Offices that end a title in Chinese, so that what follows is the name.
const OFFICES: &[&str] = &[
    "发言人",
    "發言人",
    "发布人",
    "發布人",
    "主持人",
    "负责人",
    "負責人",
    "总工程师",
    "總工程師",
    "总经济师",
    "總經濟師",
    "秘书长",
    "秘書長",
    "董事长",
    "董事長",
    "总经理",
    "總經理",
    "局长",
    "局長",
    "部长",
    "部長",
    "司长",
    "司長",
    "处长",
    "處長",
    "厅长",
    "廳長",
    "署长",
    "署長",
    "行长",
    "行長",
    "院长",
    "院長",
    "会长",
    "會長",
    "省长",
    "省長",
    "市长",
    "市長",
    "主任",
    "主席",
    "总裁",
    "總裁",
    "总监",
    "總監",
    "书记",
    "書記",
    "大使",
    "理事",
    "委员",
    "委員",
    "巡视员",
    "巡視員",
    "专员",
    "專員",
    "参事",
    "參事",
    "顾问",
    "顧問",
    "所长",
    "所長",
    "校长",
    "校長",
    "经理",
    "經理",
    "组长",
    "組長",
    "研究员",
    "研究員",
    "教授",
    "院士",
    "议员",
    "議員",
    "长官",
    "長官",
    "主任委员",
];

/// The commonest Chinese surnames, simplified and traditional: a label of two to four Han
/// characters that starts with one is a person's name far more often than a word of prose.
const SURNAMES: &str = "王李张張刘劉陈陳杨楊黄黃赵趙吴吳周徐孙孫马馬朱胡郭何高林罗羅郑鄭梁谢謝宋唐许許韩韓冯馮邓鄧曹彭曾肖蕭田董袁潘于蒋蔣蔡余杜叶葉程苏蘇魏吕呂丁任沈姚卢盧姜崔钟鍾谭譚陆陸汪范金石廖贾賈夏韦韋付方白邹鄒孟熊秦邱江尹薛闫閻段雷侯龙龍史陶黎贺賀顾顧毛郝龚龔邵万萬钱錢严嚴覃武戴莫孔向汤湯常温溫康施文牛樊葛邢安齐齊易乔喬伍庞龐颜顏倪庄莊聂聶章鲁魯岳翟殷詹申欧歐耿关關兰蘭焦俞左柳甘祝包宁寧尚符舒阮柯纪紀梅童凌毕畢单單季裴霍涂成苗谷盛曲翁冉骆駱蓝藍路游辛靳管柴蒙鲍鮑华華喻祁蒲房滕屈饶饒解牟艾尤阳陽时時穆农農司卓古吉缪繆简簡车車项項连連芦蘆麦麥褚娄婁窦竇戚岑景党宫宮费費卜冷晏席卫衛米柏宗瞿桂全佟应應臧闵閔苟邬鄔边邊卞姬师師和仇栾欒隋商刁沙荣榮巫寇桑郎甄丛叢仲虞敖巩鞏明佘池查麻苑迟遲邝鄺寿壽赖賴薄戎祖符詹束幸宿怀懷索屠郁胥闻聞贡貢劳勞冉桑桂濮燕冀浦晏柴瞿慕茹艾戈衡耿匡寇禄祿蔚隆巩鞏聂聶晁敖辛饶饒鞠巢荆荊竺权權盖蓋桓郜邰蔺藺逄姬扈阚闞禹揭黎苑凤鳳";

const COMPOUND_SURNAMES: &[&str] = &[
    "欧阳", "歐陽", "司马", "司馬", "上官", "诸葛", "諸葛", "东方", "東方", "皇甫", "令狐", "慕容",
    "司徒", "夏侯", "长孙", "長孫", "宇文", "尉迟", "尉遲",
];

/// Words that end a phrase of reported speech (`王毅说：`): the label is a sentence, not a name.
const SPEECH_VERBS: &[char] = &['说', '說', '称', '稱', '问', '問', '答', '指', '讲', '講'];

/// Whether a label alone is a Chinese person's name: a surname and one to three characters more.
pub fn is_surname_name(s: &str) -> bool {
    if !is_han_name(s) || s.ends_with(SPEECH_VERBS) {
        return false;
    }
    if s.contains(['·', '•']) {
        return true;
    }
    COMPOUND_SURNAMES.iter().any(|c| s.starts_with(c))
        || s.chars().next().is_some_and(|c| SURNAMES.contains(c))
}

/// Whether a label names an office (`行政長官`, `主席`, `新闻发言人`): a speaker even when the
/// label occurs once.
pub fn is_office(label: &str) -> bool {
    label.chars().count() <= 12 && OFFICES.iter().any(|w| label.ends_with(w))
}

/// The longest label read as office + name.
pub const MAX_CHARS: usize = 48;

/// Whether `s` can be a Chinese personal name: two to four Han characters, or a transliterated
/// name joined by `·` (`阿布都热合曼·阿布都拉`).
pub fn is_han_name(s: &str) -> bool {
    let n = s.chars().count();
    let han = s.chars().filter(|&c| is_han(c)).count();
    if s.contains('·') || s.contains('•') {
        return (3..=12).contains(&n) && han + s.matches(['·', '•']).count() == n;
    }
    (2..=4).contains(&n) && han == n
}

/// Split `office name` into (office, name): at the last space, or right after the last office word.
pub fn split(label: &str) -> Option<(&str, &str)> {
    let label = label.trim();
    if label.chars().count() > MAX_CHARS || !label.chars().any(is_han) {
        return None;
    }
    if let Some((office, name)) = label.rsplit_once([' ', '\u{3000}']) {
        let office = office.trim();
        return (ends_with_office(office) && is_han_name(name)).then_some((office, name));
    }
    OFFICES
        .iter()
        .filter_map(|w| label.rfind(w).map(|at| at + w.len()))
        .max()
        .map(|end| (&label[..end], &label[end..]))
        .filter(|(_, name)| is_han_name(name))
}

/// A header line of a Chinese transcript: `时间：2024年1月18日`, `地点：国新办新闻发布厅`,
/// `主持人：国务院新闻办公室新闻局副局长 寿小丽`, and the bare `局长 陶青` that continues a list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Field<'a> {
    Time(&'a str),
    Place(&'a str),
    Person { office: &'a str, name: &'a str },
}

const TIME_KEYS: &[&str] = &["时间", "時間", "日期"];
const PLACE_KEYS: &[&str] = &["地点", "地點", "会场", "會場"];
const PERSON_KEYS: &[&str] = &[
    "主持人",
    "主持",
    "发布人",
    "發布人",
    "出席人",
    "出席",
    "嘉宾",
    "嘉賓",
    "发言人",
    "發言人",
];

/// The header field a line is, if it is one.
pub fn header_field(text: &str) -> Option<Field<'_>> {
    // Every such line starts in Chinese: other text is passed over at once.
    if !text.chars().take(4).any(is_han) {
        return None;
    }
    let keyed = text
        .char_indices()
        .take(5)
        .find(|&(_, c)| super::labels::is_colon(c))
        .map(|(at, c)| (text[..at].trim(), text[at + c.len_utf8()..].trim()));
    let Some((key, rest)) = keyed else {
        return titled_name(text).map(|(office, name)| Field::Person { office, name });
    };
    if rest.is_empty() {
        return None;
    }
    if TIME_KEYS.contains(&key) {
        return Some(Field::Time(rest));
    }
    if PLACE_KEYS.contains(&key) {
        return Some(Field::Place(rest));
    }
    if !PERSON_KEYS.contains(&key) {
        return None;
    }
    if let Some((office, name)) = titled_name(rest) {
        return Some(Field::Person { office, name });
    }
    is_surname_name(rest).then_some(Field::Person {
        office: key,
        name: rest,
    })
}

/// Office and name, and nothing else on the line.
fn titled_name(text: &str) -> Option<(&str, &str)> {
    if !text.chars().all(is_office_char) {
        return None;
    }
    split(text)
}

/// Ends of an organisation's name: `国务院新闻办新闻局 寿小丽` names the bureau, not the office.
const ORGANISATIONS: &[&str] = &[
    "局",
    "部",
    "办",
    "辦",
    "委",
    "院",
    "会",
    "會",
    "署",
    "厅",
    "廳",
    "司",
    "处",
    "處",
    "中心",
    "公司",
    "银行",
    "銀行",
    "政府",
    "办公室",
    "辦公室",
];

fn ends_with_office(s: &str) -> bool {
    OFFICES.iter().chain(ORGANISATIONS).any(|w| s.ends_with(w))
}

/// Characters an office may be written with besides Han: the enumeration comma between two
/// offices, brackets around an abbreviation, Latin letters and digits (`5G`, `IT`).
pub fn is_office_char(c: char) -> bool {
    is_han(c)
        || c.is_ascii_alphanumeric()
        || matches!(
            c,
            '、' | '（' | '）' | '《' | '》' | '〈' | '〉' | '·' | '•' | ' ' | '\u{3000}'
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn office_then_name_with_or_without_a_space() {
        assert_eq!(
            split("工业和信息化部新闻发言人、运行监测协调局局长 陶青"),
            Some(("工业和信息化部新闻发言人、运行监测协调局局长", "陶青"))
        );
        assert_eq!(
            split("国家统计局新闻发言人付凌晖"),
            Some(("国家统计局新闻发言人", "付凌晖"))
        );
        assert_eq!(split("主持人 寿小丽"), Some(("主持人", "寿小丽")));
        assert_eq!(
            split("外交部發言人趙立堅"),
            Some(("外交部發言人", "趙立堅"))
        );
    }

    #[test]
    fn prose_and_bare_offices_are_not_names() {
        assert_eq!(split("国家统计局新闻发言人"), None);
        assert_eq!(split("我们认为这很好"), None);
        assert_eq!(split("他说 我们的工作已经全面展开了"), None);
        assert_eq!(split("Li Ming"), None);
    }

    #[test]
    fn header_fields() {
        assert_eq!(
            header_field("时间：2024年1月18日 10:00"),
            Some(Field::Time("2024年1月18日 10:00"))
        );
        assert_eq!(
            header_field("地点：国务院新闻办新闻发布厅"),
            Some(Field::Place("国务院新闻办新闻发布厅"))
        );
        assert_eq!(
            header_field("主持人：国务院新闻办公室新闻局副局长、新闻发言人 寿小丽"),
            Some(Field::Person {
                office: "国务院新闻办公室新闻局副局长、新闻发言人",
                name: "寿小丽"
            })
        );
        assert_eq!(
            header_field("发布人：寿小丽"),
            Some(Field::Person {
                office: "发布人",
                name: "寿小丽"
            })
        );
        assert_eq!(
            header_field("运行监测协调局局长 陶青"),
            Some(Field::Person {
                office: "运行监测协调局局长",
                name: "陶青"
            })
        );
        assert_eq!(header_field("主持人：女士们、先生们，上午好！"), None);
        assert_eq!(header_field("2024年3月6日 北京"), None);
        assert_eq!(header_field("陶青：谢谢你的提问。"), None);
    }

    #[test]
    fn names_start_with_a_surname() {
        for name in ["汪文斌", "毛宁", "欧阳明", "林鄭月娥", "趙立堅"] {
            assert!(is_surname_name(name), "{name}");
        }
        for word in ["例如", "总之", "第一", "王毅说", "问题"] {
            assert!(!is_surname_name(word), "{word}");
        }
    }

    #[test]
    fn transliterated_names_keep_their_dot() {
        assert!(is_han_name("阿布都热合曼·阿布都拉"));
        assert!(!is_han_name("陶"));
        assert!(!is_han_name("五个字的人名"));
    }
}
