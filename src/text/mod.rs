//! Text processing: byte spans, character offsets, tokens and sentences.

mod endings;
mod folded;
mod lists;
mod normalize;
mod sentences;
mod tokens;

pub use self::endings::Endings;
pub use self::folded::{with_lowercase, Folded};
pub use self::lists::{list_lines, ListIndex};
pub use self::normalize::Normalized;
pub use self::sentences::{split_sentences, Sentence};
pub use self::tokens::{is_mark_token, is_quotation_mark, tokenize, Token, TokenKind};

/// A byte range into a document's original text; `&text[span.range()]` is
/// always valid because spans are only made on character boundaries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// The span from `start` to `end`.
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end);
        Self { start, end }
    }

    /// The span as a range, for slicing.
    pub fn range(self) -> std::ops::Range<usize> {
        self.start..self.end
    }

    /// Whether the two spans share a byte.
    pub fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// Converts byte offsets of one text to character offsets in constant time,
/// from a count taken every few hundred bytes.
#[derive(Debug, Clone)]
pub struct CharOffsets<'a> {
    text: &'a str,
    checkpoints: Vec<usize>,
}

const CHECKPOINT_BYTES: usize = 256;

impl<'a> CharOffsets<'a> {
    /// Prepares the conversion for `text`.
    pub fn new(text: &'a str) -> Self {
        let mut checkpoints = Vec::with_capacity(text.len() / CHECKPOINT_BYTES + 1);
        let mut n_chars = 0;
        for block in text.as_bytes().chunks(CHECKPOINT_BYTES) {
            checkpoints.push(n_chars);
            n_chars += count_char_starts(block);
        }
        checkpoints.push(n_chars);
        Self { text, checkpoints }
    }

    /// The number of characters before byte `offset`.
    pub fn char_offset(&self, offset: usize) -> usize {
        let block = offset / CHECKPOINT_BYTES;
        let block_start = block * CHECKPOINT_BYTES;
        self.checkpoints[block] + count_char_starts(&self.text.as_bytes()[block_start..offset])
    }
}

/// Every byte that is not a UTF-8 continuation byte starts a character.
fn count_char_starts(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&byte| (byte & 0xC0) != 0x80).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_offsets_match_counting_by_hand() {
        let text = "Zürich – 東京 🙂 ".repeat(100);
        let offsets = CharOffsets::new(&text);
        for (byte, _) in text.char_indices().chain([(text.len(), ' ')]) {
            assert_eq!(offsets.char_offset(byte), text[..byte].chars().count());
        }
    }
}
