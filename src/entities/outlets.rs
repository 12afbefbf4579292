//! News outlets named by their short title (`nach Angaben der Tagesschau`,
//! `von der „Netzeitung“ zitiert`): organisations whatever the tagger says,
//! as a report's source is what the `cites` relation needs. A title that is
//! also an ordinary word (`Welt`, `Presse`) counts only in quotation marks.

use super::cues::{Cue, CueLists};
use super::gazetteer::Gazetteer;
use super::names::Context;
use super::{EntityKind, Mention};
use crate::input::Language;
use crate::text::is_mark_token;

/// The origin of the mentions found here.
pub const OUTLET_ORIGIN: &str = "list/outlet";

/// The outlets a sentence names by a listed title.
pub(super) fn outlets(ctx: &Context, language: Language) -> Vec<Mention> {
    let cues = CueLists::for_language(language);
    // `Süddeutsche Zeitung`, `Spiegel Online`: a name that goes on is longer
    // than its title, and the tagger's or the heads' to find.
    let goes_on = |i: usize| ctx.word(i + 1).starts_with(char::is_uppercase);
    // `Michael Bloomberg`: after a first name, a title is a surname.
    let surname = |i: usize| i > 0 && Gazetteer::get().is_first_name(ctx.word(i - 1));
    (0..ctx.tokens.len())
        .filter(|&i| {
            cues.has(Cue::Outlet, ctx.word(i)) && !goes_on(i) && !surname(i)
                || cues.has(Cue::OutletQuoted, ctx.word(i)) && quoted(ctx, i)
        })
        .map(|i| Mention::new(ctx.span(i, i + 1), EntityKind::Organization, ctx.word(i).to_owned(), OUTLET_ORIGIN))
        .collect()
}

/// Whether token `i` alone stands in quotation marks (`„Welt“`, `"Welt"`).
fn quoted(ctx: &Context, i: usize) -> bool {
    is_mark_token(ctx.before(i, 1)) && is_mark_token(ctx.word(i + 1))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{tokenize, Span};

    fn found(text: &str) -> Vec<&str> {
        let tokens = tokenize(text, Span::new(0, text.len()));
        let ctx = Context::new(text, &tokens);
        outlets(&ctx, Language::De).iter().map(|m| &text[m.span.range()]).collect()
    }

    #[test]
    fn a_listed_title_is_an_outlet_and_an_ordinary_word_only_in_quotation_marks() {
        assert_eq!(found("nach Angaben der Tagesschau und der „Welt“"), ["Tagesschau", "Welt"]);
        assert!(found("die Presse und die Welt").is_empty());
        assert!(found("laut Süddeutscher Zeitung und Süddeutsche Zeitung").is_empty(), "a longer name");
        assert!(found("sagte Michael Bloomberg").is_empty(), "a surname after a first name");
    }
}
