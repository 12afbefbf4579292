//! Names in quotation marks after the word for their kind: `die
//! Organisation „Reporter ohne Grenzen“`, `die Partei „Die Freiheit“`. The
//! marks say where the name ends, so it may hold lower-case words and an
//! article, which no run of name words would take in.

use super::cues::{Cue, CueLists};
use super::inflection::genitive_bases;
use super::names::{Context, KIND_CUES};
use super::{EntityKind, Mention};
use crate::text::{is_mark_token, TokenKind};

/// More words than this in quotation marks are a saying, not a name.
const MAX_WORDS: usize = 6;

/// The names a sentence gives in quotation marks right after a word for an
/// organisation or a product.
pub(super) fn quoted_names(ctx: &Context, cues: &CueLists) -> Vec<Mention> {
    // People and places are not written in quotation marks.
    let kinds = KIND_CUES.iter().filter(|(_, kind, _)| matches!(kind, EntityKind::Organization | EntityKind::Product));
    let mut found = Vec::new();
    for open in 1..ctx.tokens.len() {
        if !is_mark_token(ctx.word(open)) {
            continue;
        }
        // `des Fachmagazins „Automobilwoche“`: the kind word may be a genitive.
        let word = ctx.word(open - 1);
        let is_kind = |section: Cue| genitive_bases(word).any(|form| cues.matches(section, form));
        let Some(&(_, kind, origin)) = kinds.clone().find(|&&(section, _, _)| is_kind(section)) else {
            continue;
        };
        if let Some(close) = closing_mark(ctx, open) {
            let name = ctx.text[ctx.span(open + 1, close).range()].to_owned();
            found.push(Mention::new(ctx.span(open + 1, close), kind, name, origin));
        }
    }
    found
}

/// The closing mark of a name opened at `open`: the words in between start
/// with a capital letter and hold no sentence punctuation.
fn closing_mark(ctx: &Context, open: usize) -> Option<usize> {
    let first = open + 1;
    if !ctx.word(first).starts_with(char::is_uppercase) {
        return None;
    }
    let inside =
        |i: usize| ctx.tokens[i].kind != TokenKind::Punctuation || matches!(ctx.word(i), "&" | "-" | "'" | "’");
    let close = (first..ctx.tokens.len().min(first + MAX_WORDS + 1)).find(|&i| !inside(i))?;
    (close > first && is_mark_token(ctx.word(close))).then_some(close)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::Language;
    use crate::text::{tokenize, Span};

    fn found(text: &str) -> Vec<(&str, EntityKind)> {
        let tokens = tokenize(text, Span::new(0, text.len()));
        let ctx = Context::new(text, &tokens);
        let names = quoted_names(&ctx, CueLists::for_language(Language::De));
        names.iter().map(|m| (&text[m.span.range()], m.kind)).collect()
    }

    #[test]
    fn a_quoted_name_after_its_kind_is_taken_whole() {
        assert_eq!(
            found("Die Organisation „Reporter ohne Grenzen“ kritisierte die Partei „Die Freiheit“."),
            [("Reporter ohne Grenzen", EntityKind::Organization), ("Die Freiheit", EntityKind::Organization)]
        );
        assert_eq!(
            found("laut dem Bericht des Fachmagazins „Automobilwoche“"),
            [("Automobilwoche", EntityKind::Organization)]
        );
    }

    #[test]
    fn a_saying_or_a_lower_case_phrase_in_marks_is_no_name() {
        assert!(found("Die Partei „Wir lassen niemanden zurück, niemals“ gewann.").is_empty(), "a comma");
        assert!(found("Die Partei nannte das „reine Spekulation“.").is_empty(), "no kind word before");
        assert!(found("Die Partei „sehr gut“ fand.").is_empty(), "lower case");
        assert!(found("Die Partei „Eins zwei drei vier fünf sechs sieben“ gewann.").is_empty(), "too long");
    }
}
