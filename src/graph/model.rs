//! What the graph holds: entities with their mentions, relations with their
//! attributes and evidence.

use std::borrow::Cow;
use std::collections::BTreeSet;
use std::io;
use std::sync::Arc;

use smallvec::SmallVec;

use crate::entities::EntityKind;
use crate::graph::attributes::{AttributesRef, PackedAttributes};
use crate::graph::{EntityId, Evidence, MentionText, Mentions};
pub use crate::relations::Attributes;
use crate::relations::RelationKind;

/// A place in a document's text, as byte offsets (for slicing the text) and
/// character offsets (for RDF, whose NIF offsets count characters). Held in
/// 32 bits, as a graph keeps one for every mention and sentence: the readers
/// refuse a document of 4 GiB or more.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct TextSpan {
    start: u32,
    end: u32,
    char_start: u32,
    char_end: u32,
}

impl TextSpan {
    /// The span of bytes `start..end` and characters `char_start..char_end`;
    /// `None` when an offset needs more than 32 bits or an end comes before
    /// its start.
    pub fn new(start: usize, end: usize, char_start: usize, char_end: usize) -> Option<Self> {
        let offset = |value: usize| u32::try_from(value).ok();
        let span = Self {
            start: offset(start)?,
            end: offset(end)?,
            char_start: offset(char_start)?,
            char_end: offset(char_end)?,
        };
        (span.start <= span.end && span.char_start <= span.char_end).then_some(span)
    }

    /// First byte.
    pub fn start(&self) -> usize {
        self.start as usize
    }

    /// One past the last byte.
    pub fn end(&self) -> usize {
        self.end as usize
    }

    /// First character.
    pub fn char_start(&self) -> usize {
        self.char_start as usize
    }

    /// One past the last character.
    pub fn char_end(&self) -> usize {
        self.char_end as usize
    }

    /// The bytes, for slicing the document's text.
    pub fn range(&self) -> std::ops::Range<usize> {
        self.start()..self.end()
    }
}

/// A node: a named thing, or an input document.
#[derive(Debug, Clone, PartialEq)]
pub struct Entity {
    /// Identifier; the IRI is the base followed by it.
    pub id: EntityId,
    /// What the entity is.
    pub kind: EntityKind,
    /// The canonical name (for documents: the headline).
    pub label: String,
    /// Every other surface form seen.
    pub aliases: BTreeSet<String>,
    /// Language of the label, a BCP 47 tag such as `de`.
    pub lang: Option<Arc<str>>,
    /// A role or title, such as "Informatikingenieur".
    pub description: Option<String>,
    /// Where the text names the entity, sorted by document and position.
    pub mentions: Mentions,
    /// For documents: where the text came from (boxed, as the other
    /// entities of a graph, most of them, have none).
    pub source: Option<Box<DocumentSource>>,
}

/// Where a document came from.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DocumentSource {
    /// The input path (or `-` for standard input).
    pub path: Option<String>,
    /// Publication date, ISO 8601.
    pub date: Option<String>,
    /// Where it was published.
    pub url: Option<String>,
}

/// An edge: a fact about two entities, with what the text says of it.
#[derive(Debug, Clone, PartialEq)]
pub struct Relation {
    /// What the relation states.
    pub kind: RelationKind,
    /// Date, role, topic and quote, where the text gives them; packed, as
    /// a graph holds millions of relations (most have none, which take no
    /// allocation).
    attributes: PackedAttributes,
    /// The sentences that state the relation, sorted.
    pub evidence: EvidenceList,
}

/// The evidence of a relation: most relations of a corpus graph have one
/// piece, which is held in place instead of in an allocation of its own.
pub type EvidenceList = SmallVec<[Evidence; 1]>;

impl Entity {
    /// A new entity with no aliases, mentions or description.
    pub fn new(kind: EntityKind, label: &str) -> Self {
        Self {
            id: EntityId::new(kind, label),
            kind,
            label: label.to_owned(),
            aliases: BTreeSet::new(),
            lang: None,
            description: None,
            mentions: Mentions::default(),
            source: None,
        }
    }

    /// Takes in what `other`, an entity with the same id, knows: its label
    /// and aliases as aliases, its mentions, and the fields still empty here.
    pub fn absorb(&mut self, other: Entity) {
        if other.label != self.label {
            self.aliases.insert(other.label);
        }
        self.aliases.extend(other.aliases.into_iter().filter(|alias| *alias != self.label));
        self.mentions.absorb(other.mentions);
        self.lang = self.lang.take().or(other.lang);
        self.description = self.description.take().or(other.description);
        self.source = self.source.take().or(other.source);
    }
}

impl Relation {
    /// A relation of `kind` with no attributes and no evidence yet.
    pub fn new(kind: RelationKind) -> Self {
        Self { kind, attributes: PackedAttributes::default(), evidence: SmallVec::new() }
    }

    /// A relation of `kind` with `attributes` and `evidence`.
    pub fn stated(kind: RelationKind, attributes: Attributes, evidence: Vec<Evidence>) -> Self {
        Self { kind, attributes: PackedAttributes::pack(&attributes), evidence: SmallVec::from_vec(evidence) }
    }

    /// Date, role, topic and quote, where the text gives them.
    pub fn attributes(&self) -> AttributesRef<'_> {
        self.attributes.view()
    }

    /// Takes in `other`'s evidence and the attributes still empty here.
    pub fn absorb(&mut self, other: Relation) {
        if self.attributes.is_empty() {
            self.attributes = other.attributes;
        } else if self.attributes.view().lacks_any_of(&other.attributes.view()) {
            let mut attributes = self.attributes.view().to_owned();
            attributes.fill_from(other.attributes.view().to_owned());
            self.attributes = PackedAttributes::pack(&attributes);
        }
        fn before(a: &Evidence, b: &Evidence) -> bool {
            a.order_key() < b.order_key()
        }
        let in_order = other.evidence.windows(2).all(|w| before(&w[0], &w[1]))
            && self.evidence.last().zip(other.evidence.first()).is_none_or(|(last, first)| before(last, first));
        if let Some(room) = snug_room(self.evidence.len() + other.evidence.len(), self.evidence.capacity()) {
            self.evidence.reserve_exact(room - self.evidence.len());
        }
        self.evidence.extend(other.evidence);
        if !in_order {
            self.sort_evidence();
        }
    }

    /// Sorts evidence by document, position and rule, and drops repeats.
    pub fn sort_evidence(&mut self) {
        self.evidence.sort_by(|a, b| a.order_key().cmp(&b.order_key()).then(a.confidence().total_cmp(&b.confidence())));
        self.evidence.dedup_by(|a, b| a.order_key() == b.order_key());
    }

    /// The ids of the rules that found the relation, sorted, each once.
    pub fn rules(&self) -> Vec<&str> {
        let mut rules: Vec<&str> = self.evidence.iter().map(Evidence::rule).collect();
        rules.sort_unstable();
        rules.dedup();
        rules
    }

    /// The texts of the evidence sentences, in the evidence's order; an
    /// error only when a spilled sentence cannot be read back.
    pub fn evidence_texts(&self) -> io::Result<Vec<Cow<'_, str>>> {
        self.evidence.iter().map(|evidence| evidence.sentence.text()).collect()
    }

    /// The highest confidence among the evidence, 0 without evidence.
    pub fn confidence(&self) -> f64 {
        self.evidence.iter().map(Evidence::confidence).fold(0.0, f64::max)
    }
}

/// The capacity a list of `capacity` grows to when it must hold `needed`
/// items, `None` when it holds them already.
pub(super) fn snug_room(needed: usize, capacity: usize) -> Option<usize> {
    (needed > capacity).then(|| if needed <= 8 { needed } else { needed.max(capacity + capacity / 4) })
}

/// One copy of each of a graph's recurring texts: a name that many mentions
/// read, a language tag that many entities have.
#[derive(Debug, Clone)]
pub struct SharedTexts<T = MentionText>(rustc_hash::FxHashSet<T>);

impl<T> Default for SharedTexts<T> {
    fn default() -> Self {
        Self(rustc_hash::FxHashSet::default())
    }
}

impl<T: std::borrow::Borrow<str> + std::hash::Hash + Eq + Clone> SharedTexts<T> {
    /// The shared copy of the text of `text`, which becomes it on first use.
    pub fn share(&mut self, text: &T) -> T {
        if let Some(shared) = self.0.get(text.borrow()) {
            return shared.clone();
        }
        self.0.insert(text.clone());
        text.clone()
    }
}
