//! The words of one sentence as quote finding sees them: tokens in lower
//! case, which of them are quoted or titles, and where mentions start.

use super::QuoteInput;
use crate::entities::{EntityKind, Mention};
use crate::input::Language;
use crate::text::{Folded, Span, Token, TokenKind};

/// The words of one sentence as quote finding sees them.
pub struct SentenceWords<'a> {
    text: &'a str,
    pub(super) tokens: &'a [Token],
    /// Lower-case token texts.
    pub lower: Folded,
    /// Whether a token is inside a direct quotation.
    pub quoted: Vec<bool>,
    /// Whether a token is inside quotation marks that hold no speech (a
    /// title, a name: `von der „Aktion Deutschland hilft“`).
    pub titled: Vec<bool>,
    /// For a token that starts a mention: the mention and its last token.
    pub mention_at: Vec<Option<(usize, usize)>>,
    /// For a token that is a name in the genitive (`Frankreichs`, whose
    /// mention is `Frankreich`): the mention and the token.
    pub genitive_at: Vec<Option<(usize, usize)>>,
    /// The kind of every mention.
    pub kinds: Vec<EntityKind>,
    /// Whether the text is English.
    pub english: bool,
}

impl<'a> SentenceWords<'a> {
    pub(super) fn new(input: &QuoteInput<'a>, n: usize, quotations: &[Span], titles: &[Span]) -> Self {
        let tokens = &input.tokens[n];
        let lower = Folded::new(input.text, tokens);
        // Only the quotations that reach into this sentence, not all of the text's.
        let span = input.sentences[n].span;
        let inside = |spans: &[Span]| -> Vec<bool> {
            // The quotations follow one another without overlapping: their
            // ends are in order too, so the first reaching in is searched for.
            let first = spans.partition_point(|q| q.end <= span.start);
            let here: Vec<Span> = spans[first..].iter().take_while(|q| q.start < span.end).copied().collect();
            tokens.iter().map(|t| here.iter().any(|q| q.start <= t.span.start && t.span.end <= q.end)).collect()
        };
        let (quoted, titled) = (inside(quotations), inside(titles));
        let (mention_at, genitive_at) = mention_tokens(input.text, tokens, &input.mentions[n]);
        let kinds = input.mentions[n].iter().map(|m| m.kind).collect();
        Self {
            text: input.text,
            tokens,
            lower,
            quoted,
            titled,
            mention_at,
            genitive_at,
            kinds,
            english: input.language == Language::En,
        }
    }

    /// The number of tokens.
    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    /// The token's text as written.
    pub fn original(&self, i: usize) -> &str {
        self.tokens[i].text(self.text)
    }

    /// Whether token `j` is a word in lower case.
    pub fn is_lower_word(&self, j: usize) -> bool {
        self.tokens[j].kind == TokenKind::Word && self.original(j).chars().next().is_some_and(char::is_lowercase)
    }

    /// Whether token `j` is a number.
    pub fn is_number(&self, j: usize) -> bool {
        self.tokens[j].kind == TokenKind::Number
    }

    pub(super) fn is_word(&self, j: usize) -> bool {
        self.tokens[j].kind != TokenKind::Punctuation
    }

    pub(super) fn span(&self, first: usize, last: usize) -> Span {
        Span::new(self.tokens[first].span.start, self.tokens[last].span.end)
    }
}

/// Per token, the mention that starts there with its last token, and the
/// mention that a genitive token holds but for its final `s`.
type MentionTokens = (Vec<Option<(usize, usize)>>, Vec<Option<(usize, usize)>>);

fn mention_tokens(text: &str, tokens: &[Token], mentions: &[Mention]) -> MentionTokens {
    let mut mention_at = vec![None; tokens.len()];
    let mut genitive_at = vec![None; tokens.len()];
    for (m, mention) in mentions.iter().enumerate() {
        let first = tokens.iter().position(|t| t.span.start >= mention.span.start);
        let last = tokens.iter().rposition(|t| t.span.end <= mention.span.end);
        if let (Some(first), Some(last)) = (first, last) {
            if first <= last && mention_at[first].is_none() {
                mention_at[first] = Some((m, last));
            }
        }
        let genitive = tokens.iter().position(|t| {
            t.span.start == mention.span.start
                && t.span.end == mention.span.end + 1
                && text.get(mention.span.end..t.span.end) == Some("s")
        });
        if let Some(at) = genitive {
            genitive_at[at] = Some((m, at));
        }
    }
    (mention_at, genitive_at)
}
