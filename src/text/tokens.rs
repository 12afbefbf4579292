//! Splits text into word, number and punctuation tokens with byte spans.

use super::Span;

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters (and digits, hyphens, apostrophes inside).
    Word,
    /// Digits, with inner `.` or `,` separators.
    Number,
    /// Any other single character that is not white space.
    Punctuation,
}

/// A token: its place in the text and what it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Where it is.
    pub span: Span,
    /// What it is.
    pub kind: TokenKind,
}

impl Token {
    /// The token's text within `text`.
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        &text[self.span.range()]
    }
}

/// Whether `c` is a double quotation mark of German, English or French
/// typesetting (single marks are left out: they are apostrophes too often).
pub fn is_quotation_mark(c: char) -> bool {
    matches!(c, '"' | '„' | '“' | '”' | '»' | '«')
}

/// Whether a token is one double quotation mark (`„`, `“`, `"`, ...).
pub fn is_mark_token(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(is_quotation_mark) && chars.next().is_none()
}

/// The tokens of `text[span]`. Hyphenated compounds (`US-Bundesstaat`,
/// `Q700-Chips`) stay one token; a hyphen at the end of a word (`Informations-`)
/// stays with it.
pub fn tokenize(text: &str, span: Span) -> Vec<Token> {
    let mut tokens = Vec::new();
    let slice = &text[span.range()];
    let mut chars = slice.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if c.is_whitespace() || c == '\u{feff}' {
            continue;
        }
        let mut end = start + c.len_utf8();
        let kind = if c.is_alphanumeric() {
            while let Some(&(offset, next)) = chars.peek() {
                let joins = next.is_alphanumeric()
                    || (matches!(next, '-' | '\'' | '’' | '.' | ',')
                        && joins_word(slice, offset, next, &slice[start..offset]));
                if !joins {
                    break;
                }
                end = offset + next.len_utf8();
                chars.next();
            }
            if slice[start..end].chars().all(|ch| ch.is_ascii_digit() || ch == '.' || ch == ',') {
                TokenKind::Number
            } else {
                TokenKind::Word
            }
        } else {
            TokenKind::Punctuation
        };
        tokens.push(Token { span: Span::new(span.start + start, span.start + end), kind });
    }
    tokens
}

/// Whether the separator `sep` at `offset` belongs to the word before it:
/// a hyphen or apostrophe followed by a letter (or a hyphen ending a word
/// before a space and a conjunction), a `.` or `,` between digits.
fn joins_word(slice: &str, offset: usize, sep: char, word: &str) -> bool {
    let after = slice[offset + sep.len_utf8()..].chars().next();
    match sep {
        '-' => after.is_some_and(char::is_alphanumeric) || (after == Some(' ') && !word.is_empty()),
        '\'' | '’' => after.is_some_and(char::is_alphabetic),
        '.' if is_initialism(word) => after.is_some_and(char::is_uppercase) || word.contains('.'),
        _ => {
            word.chars().all(|c| c.is_ascii_digit() || c == '.' || c == ',')
                && after.is_some_and(|c| c.is_ascii_digit())
        }
    }
}

/// `U`, `U.S`: capitals with dots between, the start of `U.S.` or `U.K.`.
fn is_initialism(word: &str) -> bool {
    word.len() <= 5 && word.split('.').all(|part| part.chars().count() == 1 && part.chars().all(char::is_uppercase))
}

impl Token {
    /// The parts of a hyphenated compound (`US-Bundesstaat` → `US`,
    /// `Bundesstaat`) as spans; one part for other tokens.
    pub fn parts(&self, text: &str) -> Vec<Span> {
        let mut parts = Vec::new();
        let mut start = self.span.start;
        for (offset, _) in self.text(text).match_indices('-') {
            let at = self.span.start + offset;
            if at > start {
                parts.push(Span::new(start, at));
            }
            start = at + 1;
        }
        if start < self.span.end {
            parts.push(Span::new(start, self.span.end));
        }
        parts
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        tokenize(text, Span::new(0, text.len())).iter().map(|t| t.text(text)).collect()
    }

    #[test]
    fn keeps_compounds_numbers_and_quotes_apart() {
        assert_eq!(texts("im US-Bundesstaat Ohio."), ["im", "US-Bundesstaat", "Ohio", "."]);
        assert_eq!(
            texts("„Mondtechs Q700-Chips“, 10.000 Stück"),
            ["„", "Mondtechs", "Q700-Chips", "“", ",", "10.000", "Stück"]
        );
        assert_eq!(texts("Informations- und"), ["Informations-", "und"]);
        assert_eq!(texts("Acme's q7-mini"), ["Acme's", "q7-mini"]);
        assert_eq!(
            texts("The U.S. firm, CEO. Am 20. Januar"),
            ["The", "U.S.", "firm", ",", "CEO", ".", "Am", "20", ".", "Januar"]
        );
        let text = "Zeta-Gründer Kim";
        let token = tokenize(text, Span::new(0, text.len()))[0];
        let parts: Vec<&str> = token.parts(text).iter().map(|s| &text[s.range()]).collect();
        assert_eq!(parts, ["Zeta", "Gründer"]);
    }
}
