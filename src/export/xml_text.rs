//! XML text: removes the characters XML 1.0 cannot carry, even as character
//! references, and escapes text content in the same pass.

use std::borrow::Cow;

/// `text` without the characters XML 1.0 forbids: C0 controls other than tab,
/// line feed and carriage return, and U+FFFE and U+FFFF. Borrowed when
/// nothing had to go.
pub fn remove_xml_forbidden(text: &str) -> Cow<'_, str> {
    if !has_forbidden_byte(text.as_bytes()) {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(text.chars().filter(|&c| is_xml_char(c)).collect())
    }
}

/// `text` as XML character data: `&`, `<` and `>` escaped, characters XML
/// 1.0 forbids removed, in one pass. Quotes need no escape outside
/// attributes. Borrowed when nothing changes, which is the common case.
pub fn escape_xml_text(text: &str) -> Cow<'_, str> {
    let needs_work = text
        .bytes()
        .any(|byte| matches!(byte, b'&' | b'<' | b'>' | b'\r' | 0x00..=0x08 | 0x0B | 0x0C | 0x0E..=0x1F | 0xEF));
    if !needs_work {
        return Cow::Borrowed(text);
    }
    let mut escaped = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            // A raw CR would be read back as LF; a reference keeps it.
            '\r' => escaped.push_str("&#13;"),
            c if is_xml_char(c) => escaped.push(c),
            _ => {}
        }
    }
    Cow::Owned(escaped)
}

/// A fast byte scan: forbidden characters are ASCII controls, or U+FFFE and
/// U+FFFF, whose UTF-8 starts with 0xEF.
fn has_forbidden_byte(bytes: &[u8]) -> bool {
    bytes.iter().enumerate().any(|(idx, &byte)| match byte {
        0x00..=0x08 | 0x0B | 0x0C | 0x0E..=0x1F => true,
        0xEF => bytes.get(idx + 1) == Some(&0xBF) && matches!(bytes.get(idx + 2), Some(0xBE | 0xBF)),
        _ => false,
    })
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

    #[test]
    fn escapes_text_content_and_drops_forbidden_characters_in_one_pass() {
        for (input, expected) in [
            ("plain \"quoted\" 'text' ü", "plain \"quoted\" 'text' ü"),
            ("<a & b>", "&lt;a &amp; b&gt;"),
            ("&amp;", "&amp;amp;"),
            ("x\u{0}y\u{1B}z\t\n\r", "xyz\t\n&#13;"),
            ("\u{FFFE}ok\u{FFFF} \u{FEFF}", "ok \u{FEFF}"),
            ("]]> 🙂 עברית", "]]&gt; 🙂 עברית"),
        ] {
            assert_eq!(escape_xml_text(input), expected, "{input:?}");
        }
        assert!(matches!(escape_xml_text("nothing to do"), Cow::Borrowed(_)));
    }
}
