//! Entity recognition: finds the names in a sentence and gives each a kind.

mod cues;
mod kind;

pub use self::cues::{possessive_base, strip_genitive, CueRecognizer};
pub use self::kind::EntityKind;

use crate::text::{Sentence, Span};

/// A name found in a text: where it is, what it is, and its base form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// Where the name is in the document's text (without article or title).
    pub span: Span,
    /// What it names.
    pub kind: EntityKind,
    /// The name in base form (a genitive ending removed, for example).
    pub name: String,
    /// A role or title stated just before the name.
    pub role: Option<String>,
    /// The id of the rule or list that found it.
    pub origin: &'static str,
}

/// Finds names in one sentence.
pub trait Recognizer {
    /// The mentions in `sentence` of the document `text`, in text order.
    fn recognize(&self, text: &str, sentence: &Sentence) -> Vec<Mention>;
}
