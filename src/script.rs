//! Which script a character is written in, for the places that treat Chinese (and the other
//! scripts written without spaces between words) differently: labels and names in the importer,
//! term boundaries in the highlighter, word tokens of a bookmarked passage, encoding detection.

/// A Chinese character (a Han ideograph): the unified ideographs, their extensions and the
/// compatibility ideographs.
pub fn is_han(c: char) -> bool {
    matches!(c,
        '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{2FA1F}')
}

/// A character of East Asian text, where words are not separated by spaces: Han, radicals,
/// CJK symbols and punctuation, kana, bopomofo, hangul and the full-width forms. None of them is
/// part of a Latin word.
pub fn is_cjk(c: char) -> bool {
    is_han(c)
        || matches!(c,
            '\u{2E80}'..='\u{33FF}'
            | '\u{AC00}'..='\u{D7AF}'
            | '\u{FF00}'..='\u{FFEF}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn han_and_the_wider_east_asian_set() {
        for c in ['国', '㐀', '鄭', '𠀀', '兀'] {
            assert!(is_han(c) && is_cjk(c), "{c}");
        }
        for c in ['か', 'カ', '한', 'Ａ', '，', '。'] {
            assert!(!is_han(c) && is_cjk(c), "{c}");
        }
        for c in ['a', 'é', '1', ' ', '—', 'Я'] {
            assert!(!is_han(c) && !is_cjk(c), "{c}");
        }
    }
}
