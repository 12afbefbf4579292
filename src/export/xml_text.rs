//! Removes the characters XML 1.0 cannot carry, even as character references.

use std::borrow::Cow;

/// `text` without the characters XML 1.0 forbids: C0 controls other than tab,
/// line feed and carriage return, and U+FFFE and U+FFFF. Borrowed when
/// nothing had to go.
pub fn remove_xml_forbidden(text: &str) -> Cow<'_, str> {
    if text.chars().all(is_xml_char) {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(text.chars().filter(|&c| is_xml_char(c)).collect())
    }
}

fn is_xml_char(c: char) -> bool {
    !matches!(c, '\u{0}'..='\u{8}' | '\u{B}' | '\u{C}' | '\u{E}'..='\u{1F}' | '\u{FFFE}' | '\u{FFFF}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_allowed_text_borrowed_and_drops_the_rest() {
        for (input, expected) in [
            ("plain", "plain"),
            ("tab\tline\ncr\r", "tab\tline\ncr\r"),
            ("a\u{0}b\u{1F}c\u{B}", "abc"),
            ("\u{FFFE}x\u{FFFF}", "x"),
            ("<&> 🙂 עברית \u{7F}", "<&> 🙂 עברית \u{7F}"),
        ] {
            assert_eq!(remove_xml_forbidden(input), expected);
        }
        assert!(matches!(remove_xml_forbidden("ok <&>"), Cow::Borrowed(_)));
    }
}
