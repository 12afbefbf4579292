//! Entity recognition: finds the names in a sentence, gives each a kind, and
//! resolves the different ways one document names the same thing.

mod aliases;
mod coreference;
mod cues;
mod definitions;
mod demonyms;
mod gazetteer;
mod harmonize;
mod inflection;
mod kind;
mod name_lists;
mod names;
mod outlets;
mod products;
mod pronouns;
mod quoted_names;
mod recognizer;
mod regional_bodies;
mod river_towns;
mod short_forms;
pub mod tagger;

pub use self::aliases::{resolve, Resolution, ResolvedEntity};
pub use self::coreference::add_definite_references;
pub use self::cues::{Cue, CueLists};
pub use self::definitions::apply_definitions;
pub use self::demonyms::{add_country_adjectives, named_country, COUNTRY_ADJECTIVE_ORIGIN};
pub use self::gazetteer::{Gazetteer, Gender, Listed};
pub use self::inflection::{compound_head, possessive_base, strip_genitive};
pub use self::kind::EntityKind;
pub use self::name_lists::NameLists;
pub use self::names::{is_product_code, NameRecognizer};
pub use self::products::{add_maker_products, is_named_after, MAKER_PRODUCT_ORIGIN};
pub use self::pronouns::{add_pronoun_references, PRONOUN_ORIGIN};
pub use self::recognizer::{EntityRecognizer, Layers, DEFAULT_MIN_CONFIDENCE, MODEL_ORIGIN, USER_LIST_ORIGIN};

use crate::text::{Sentence, Span, Token};

/// A name found in a text: where it is, what it is, and its base form.
#[derive(Debug, Clone, PartialEq)]
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
    /// The list key shared by all names of one listed thing (`US` for "USA").
    pub key: Option<&'static str>,
    /// How sure the tagger is of a mention it found (0 to 1); `None` for a
    /// mention a rule or list found.
    pub confidence: Option<f32>,
}

impl Mention {
    /// A mention without role or list key.
    pub fn new(span: Span, kind: EntityKind, name: String, origin: &'static str) -> Self {
        Self { span, kind, name, role: None, origin, key: None, confidence: None }
    }

    /// The same mention with a list key.
    pub fn with_key(mut self, key: Option<&'static str>) -> Self {
        self.key = key;
        self
    }

    /// Whether a cue word right before the name states its kind: a role
    /// before a person, a kind of organisation before its name. (Place cues
    /// and organisation heads were tried too; on held-out data the tagger's
    /// kind was the better one there.)
    pub fn has_stated_kind(&self) -> bool {
        matches!(self.origin, "cue/organization-before" | "cue/person-before")
    }
}

/// Finds names in one sentence; a statistical tagger can implement it too.
pub trait Recognizer {
    /// The mentions in `sentence` of the document `text`, in text order;
    /// `tokens` are the sentence's tokens.
    fn recognize(&self, text: &str, sentence: &Sentence, tokens: &[Token]) -> Vec<Mention>;
}
