//! Which briefing a bookmark belongs to, independent of where the file lies.
//!
//! A briefing is known by two keys: one from its metadata (title, date, source or URL) and one
//! from its content (every paragraph's text). Two briefings are the same when either key agrees: a
//! moved file keeps both, an edited file keeps its metadata key, and a re-import that touched the
//! header but not the body keeps its content key.

use crate::model::Briefing;
use serde::{Deserialize, Serialize};

/// The stable identity of a briefing: see the module documentation for the matching rule.
// No `deny_unknown_fields` here or in `BriefingRef`: serde does not support it with `flatten`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct BriefingId {
    /// Hash of the normalised title, date and source (URL where present, else publisher).
    pub meta: String,
    /// Hash of the normalised text of every paragraph, in order.
    pub content: String,
}

impl BriefingId {
    /// Whether two identities name the same briefing: same metadata, or same content.
    pub fn matches(&self, other: &BriefingId) -> bool {
        self.meta == other.meta || self.content == other.content
    }
}

/// What a stored record knows about its briefing: the identity plus what to show and where to
/// look for the file when the briefing is not open.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BriefingRef {
    #[serde(flatten)]
    pub id: BriefingId,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// The last path the briefing was opened from; may no longer exist.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
}

impl BriefingRef {
    /// The reference to an open briefing, read from `path` (if it came from a file).
    pub fn new(b: &Briefing, path: Option<&std::path::Path>) -> Self {
        BriefingRef {
            id: identity(b),
            title: b.meta.title.clone(),
            date: b.meta.date.clone(),
            path: path.map(|p| absolute(p).display().to_string()),
        }
    }
}

/// An absolute form of `p`, so that a path stored today still points at the file when `brief`
/// next runs from another folder. Falls back to `p` as given when the current folder is unknown.
fn absolute(p: &std::path::Path) -> std::path::PathBuf {
    std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf())
}

/// The identity of a briefing.
pub fn identity(b: &Briefing) -> BriefingId {
    let m = &b.meta;
    let origin = m.url.as_deref().or(m.source.as_deref()).unwrap_or("");
    let mut meta = Fnv::new();
    for field in [m.title.as_str(), m.date.as_deref().unwrap_or(""), origin] {
        meta.write_normalized(field);
        // A separator keeps ("ab", "c") and ("a", "bc") apart.
        meta.write(&[0xff]);
    }
    let mut content = Fnv::new();
    for (_, p) in b.paragraphs() {
        content.write_normalized(&p.text);
        content.write(&[0xff]);
    }
    BriefingId {
        meta: meta.hex(),
        content: content.hex(),
    }
}

/// Text reduced to what survives reformatting: lower case, whitespace runs as one space, trimmed.
pub fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
    out
}

/// The hash of a text after [`normalize`], as 16 hex digits.
pub fn text_hash(s: &str) -> String {
    let mut h = Fnv::new();
    h.write_normalized(s);
    h.hex()
}

/// 64-bit FNV-1a of a string as it is (callers normalise first where they need to).
pub fn hash64(s: &str) -> u64 {
    let mut h = Fnv::new();
    h.write_str(s);
    h.0
}

/// 64-bit FNV-1a: small, and unlike std's hasher its output is fixed forever, which the files
/// on disk rely on.
struct Fnv(u64);

impl Fnv {
    fn new() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }

    fn write_str(&mut self, s: &str) {
        self.write(s.as_bytes());
    }

    /// Hash `normalize(s)` without building it: identity hashes every paragraph of a briefing,
    /// and a 10 MB briefing should not be copied for that.
    fn write_normalized(&mut self, s: &str) {
        let mut buf = [0u8; 4];
        for (i, word) in s.split_whitespace().enumerate() {
            if i > 0 {
                self.write(b" ");
            }
            if word.is_ascii() {
                for &b in word.as_bytes() {
                    self.write(&[b.to_ascii_lowercase()]);
                }
            } else {
                for c in word.chars().flat_map(char::to_lowercase) {
                    self.write(c.encode_utf8(&mut buf).as_bytes());
                }
            }
        }
    }

    fn hex(&self) -> String {
        format!("{:016x}", self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashing_in_place_equals_hashing_the_normalised_copy() {
        for s in [
            "",
            "  ",
            "Plain words",
            "  Mixed\tWHITE  space\n and CASE ",
            "İstanbul ΣΟΦΙΑ Straße 城市 交通",
            "a\u{a0}b\u{3000}c",
        ] {
            let mut a = Fnv::new();
            a.write_str(&normalize(s));
            let mut b = Fnv::new();
            b.write_normalized(s);
            assert_eq!(a.hex(), b.hex(), "{s:?}");
        }
    }

    fn briefing(title: &str, paras: &[&str]) -> Briefing {
        let mut b = crate::model::one_turn_briefing(paras);
        b.meta.title = title.into();
        b.meta.date = Some("2022-07-19".into());
        b.meta.source = Some("State Council Information Office".into());
        b
    }

    #[test]
    fn fnv_matches_the_published_test_vectors() {
        let mut h = Fnv::new();
        h.write_str("a");
        assert_eq!(h.hex(), "af63dc4c8601ec8c");
        assert_eq!(Fnv::new().hex(), "cbf29ce484222325");
    }

    #[test]
    fn edited_body_keeps_the_metadata_key() {
        let a = identity(&briefing("Briefing on industry", &["One.", "Two."]));
        let b = identity(&briefing("Briefing on industry", &["One.", "Two, edited."]));
        assert_eq!(a.meta, b.meta);
        assert_ne!(a.content, b.content);
        assert!(a.matches(&b));
    }

    #[test]
    fn retitled_briefing_is_matched_by_content() {
        let a = identity(&briefing("Briefing on industry", &["One.", "Two."]));
        let b = identity(&briefing("SCIO briefing on industry", &["One.", "  Two. "]));
        assert_ne!(a.meta, b.meta);
        assert!(a.matches(&b));
    }

    #[test]
    fn different_briefings_do_not_match() {
        let a = identity(&briefing("Briefing on industry", &["One."]));
        let b = identity(&briefing("Briefing on trade", &["Other."]));
        assert!(!a.matches(&b));
    }

    #[test]
    fn hashing_while_normalising_equals_hashing_the_normalised_text() {
        for s in [
            "",
            "  The  Paper\tasked ",
            "İstanbul ÉTÉ 国务院 新闻办",
            "a\u{3000}b",
        ] {
            assert_eq!(
                text_hash(s),
                format!("{:016x}", hash64(&normalize(s))),
                "{s:?}"
            );
        }
    }

    #[test]
    fn normalize_ignores_case_and_spacing() {
        assert_eq!(normalize("  The  Paper\tasked "), "the paper asked");
        assert_eq!(text_hash("A  b"), text_hash("a b"));
    }
}
