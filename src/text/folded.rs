//! The lower-case forms of a sentence's tokens, kept in one buffer: rules
//! and quote cues compare words in lower case, and a string per token was a
//! good part of their cost; and one word lowered without a string.

use super::Token;

/// The tokens of a sentence in lower case.
#[derive(Debug, Clone, Default)]
pub struct Folded {
    buffer: String,
    /// Where each token's form ends in `buffer`.
    ends: Vec<usize>,
}

impl Folded {
    /// The lower-case forms of `tokens` of `text`.
    pub fn new(text: &str, tokens: &[Token]) -> Self {
        let mut folded =
            Self { buffer: String::with_capacity(tokens.len() * 8), ends: Vec::with_capacity(tokens.len()) };
        for token in tokens {
            with_lowercase(token.text(text), |lower| folded.buffer.push_str(lower));
            folded.ends.push(folded.buffer.len());
        }
        folded
    }

    /// The number of tokens.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// Whether there are no tokens.
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// Token `idx` in lower case, if there is one.
    pub fn get(&self, idx: usize) -> Option<&str> {
        let end = *self.ends.get(idx)?;
        let start = if idx == 0 { 0 } else { self.ends[idx - 1] };
        Some(&self.buffer[start..end])
    }

    /// Every token in lower case, in order.
    pub fn iter(&self) -> impl Iterator<Item = &str> + '_ {
        (0..self.len()).filter_map(|idx| self.get(idx))
    }
}

/// Calls `f` with `word` in lower case, as `str::to_lowercase` gives it. A
/// short ASCII word (most words) is lowered on the stack: the lists are
/// asked about a word's lower case many times a sentence, and a string
/// for each question is an allocation and a free.
pub fn with_lowercase<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buffer = [0u8; 32];
    match buffer.get_mut(..word.len()) {
        Some(lower) if word.is_ascii() => {
            lower.copy_from_slice(word.as_bytes());
            lower.make_ascii_lowercase();
            // ASCII bytes, lowered, are ASCII still.
            f(std::str::from_utf8(lower).unwrap_or_default())
        }
        // The rest as `str::to_lowercase` lowers it, which knows the final sigma.
        _ => f(&word.to_lowercase()),
    }
}

impl std::ops::Index<usize> for Folded {
    type Output = str;

    fn index(&self, idx: usize) -> &str {
        self.get(idx).expect("token index within the sentence")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{tokenize, Span};

    #[test]
    fn folds_every_token_as_to_lowercase_does() {
        let text = "Die SPD-Fraktion SAGTE: „Ärger“ İstanbul ΟΔΟΣ.";
        let tokens = tokenize(text, Span::new(0, text.len()));
        let folded = Folded::new(text, &tokens);
        assert_eq!(folded.len(), tokens.len());
        for (idx, token) in tokens.iter().enumerate() {
            assert_eq!(&folded[idx], token.text(text).to_lowercase());
        }
        assert_eq!(folded.get(tokens.len()), None);
        assert_eq!(folded.iter().count(), tokens.len());
    }

    #[test]
    fn lowers_a_word_as_to_lowercase_does() {
        let long = "A".repeat(32) + "B";
        for word in ["", "SPD", "Fraktion", "ÄRGER", "ΟΔΟΣ", "x2-MINI", &"Q".repeat(32), &long] {
            assert_eq!(with_lowercase(word, str::to_owned), word.to_lowercase(), "{word}");
        }
    }
}
