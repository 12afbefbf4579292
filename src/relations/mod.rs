//! Relation extraction: finds the facts a sentence states about the
//! entities mentioned in it.

mod dates;
mod inference;
mod kind;
mod lists;
mod matcher;
mod pattern;
mod quotes;
mod rules;
pub mod scorer;

pub use self::dates::{find_date, is_iso_date_prefix};
pub use self::inference::{infer_located, is_town_adjective, name_holds_place, PlaceFacts};
pub use self::kind::{CustomRelation, RelationKind};
pub use self::matcher::SentenceView;
pub use self::pattern::{Atom, Capture, DocumentEnd, Element, ListRef, PatternError, Rule, RuleFile};
pub use self::quotes::{find_quotes, quotations, Quote, QuoteForm, QuoteInput};
pub use self::rules::{builtin_rules, load_rules};

/// The optional attributes of a relation.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Attributes {
    /// An ISO 8601 prefix: `2015`, `2023-07`, `--01-20`, `2025-01-20`.
    pub date: Option<String>,
    /// Role or title held, for `works-at`.
    pub role: Option<String>,
    /// Whether the relation no longer holds, for `works-at`.
    pub former: Option<bool>,
    /// What a meeting was about, for `met-with`.
    pub topic: Option<String>,
    /// The words quoted, for `quoted-in`.
    pub quote: Option<String>,
}

impl Attributes {
    /// Fills the attributes still empty here from `other`.
    pub fn fill_from(&mut self, other: Attributes) {
        self.date = self.date.take().or(other.date);
        self.role = self.role.take().or(other.role);
        self.former = self.former.or(other.former);
        self.topic = self.topic.take().or(other.topic);
        self.quote = self.quote.take().or(other.quote);
    }
}

/// One end of a fact: a mention in the sentence, or the document itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Endpoint {
    /// Index into the sentence's mentions.
    Mention(usize),
    /// The document being read.
    Document,
    /// The organisation named last before the sentence's match.
    RecentOrganization,
    /// The organisation the text names most often up to the sentence (the
    /// company a `Konzernsprecher` speaks for).
    MainOrganization,
    /// An entity of the document (an index into its resolution), for facts
    /// whose subject is named in another sentence (a pronoun's antecedent).
    Entity(usize),
}

/// A relation stated by one sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Fact {
    /// What it states.
    pub kind: RelationKind,
    /// Where it starts.
    pub subject: Endpoint,
    /// Where it ends.
    pub object: Endpoint,
    /// Date, role, topic or quote where the sentence gives them.
    pub attributes: Attributes,
    /// The id of the rule that found it.
    pub rule: String,
    /// How sure the rule is, from 0 to 1.
    pub confidence: f64,
}
