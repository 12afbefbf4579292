//! Unicode NFC with a way back: the pipeline reads the normalised text, and
//! every span it finds is mapped back to bytes of the original.

use std::borrow::Cow;

use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

use super::Span;

/// A text in NFC and, when normalising changed it, the alignment of its
/// segments to the original.
#[derive(Debug, Clone)]
pub struct Normalized<'a> {
    text: Cow<'a, str>,
    /// (offset in the normalised text, offset in the original) at the start
    /// of every segment; empty when the text was already in NFC.
    segments: Vec<(usize, usize)>,
}

impl<'a> Normalized<'a> {
    /// Normalises `original`; borrows it when it is already in NFC.
    pub fn new(original: &'a str) -> Self {
        if is_nfc_quick(original.chars()) == IsNormalized::Yes {
            return Self { text: Cow::Borrowed(original), segments: Vec::new() };
        }
        let mut text = String::with_capacity(original.len());
        let mut segments = Vec::new();
        let mut start = 0;
        for (offset, c) in original.char_indices().skip(1) {
            // A segment is a starter with the combining marks after it; NFC
            // never composes across segments, so each normalises alone.
            if canonical_combining_class(c) == 0 && !is_hangul_jamo_tail(c) {
                segments.push((text.len(), start));
                text.extend(original[start..offset].nfc());
                start = offset;
            }
        }
        segments.push((text.len(), start));
        text.extend(original[start..].nfc());
        segments.push((text.len(), original.len()));
        Self { text: Cow::Owned(text), segments }
    }

    /// The normalised text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The span of the original text that `span` of the normalised text
    /// covers; a span inside a segment widens to the whole segment.
    pub fn to_original(&self, span: Span) -> Span {
        if self.segments.is_empty() {
            return span;
        }
        let start = match self.segments.binary_search_by_key(&span.start, |s| s.0) {
            Ok(i) => self.segments[i].1,
            Err(i) => self.segments[i - 1].1,
        };
        let end = match self.segments.binary_search_by_key(&span.end, |s| s.0) {
            Ok(i) => self.segments[i].1,
            Err(i) => self.segments[i].1,
        };
        Span::new(start, end)
    }
}

/// Hangul vowel and trailing consonant jamo compose with the jamo before them.
fn is_hangul_jamo_tail(c: char) -> bool {
    matches!(c, '\u{1161}'..='\u{1175}' | '\u{11A8}'..='\u{11C2}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_spans_of_the_nfc_text_back_to_the_original() {
        let original = "Mu\u{0308}ller und Zoe\u{0308} in Ko\u{0301}ln";
        let normalized = Normalized::new(original);
        assert_eq!(normalized.text(), "Müller und Zoë in Kóln");
        let text = normalized.text();
        for word in ["Müller", "Zoë", "Kóln", "und"] {
            let start = text.find(word).unwrap();
            let span = normalized.to_original(Span::new(start, start + word.len()));
            assert_eq!(original[span.range()].nfc().collect::<String>(), word);
        }
        let plain = Normalized::new("schon NFC");
        assert!(matches!(plain.text, Cow::Borrowed(_)));
        assert_eq!(plain.to_original(Span::new(0, 5)), Span::new(0, 5));
    }
}
