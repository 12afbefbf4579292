//! Every IRI the exporters write, in one place. The names here mirror
//! `schema/kgex.ttl`; a test checks that the two agree.

use crate::entities::EntityKind;
use crate::relations::RelationKind;

/// The default base of entity IRIs.
pub const DEFAULT_BASE: &str = "https://w3id.org/kgex/id/";
/// kgex's own vocabulary.
pub const KGEX: &str = "https://w3id.org/kgex/ns#";
/// schema.org.
pub const SCHEMA: &str = "https://schema.org/";
/// RDF.
pub const RDF: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
/// RDF Schema.
pub const RDFS: &str = "http://www.w3.org/2000/01/rdf-schema#";
/// SKOS, for alternative labels.
pub const SKOS: &str = "http://www.w3.org/2004/02/skos/core#";
/// PROV-O, for where statements come from.
pub const PROV: &str = "http://www.w3.org/ns/prov#";
/// NIF 2.0 core, for text spans.
pub const NIF: &str = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#";
/// ITS 2.0 RDF, for linking a text span to the entity it names.
pub const ITSRDF: &str = "http://www.w3.org/2005/11/its/rdf#";
/// XML Schema datatypes.
pub const XSD: &str = "http://www.w3.org/2001/XMLSchema#";

/// Prefixes written in Turtle, TriG, RDF/XML and JSON-LD.
pub const PREFIXES: [(&str, &str); 10] = [
    ("kgex", KGEX),
    ("schema", SCHEMA),
    ("rdf", RDF),
    ("rdfs", RDFS),
    ("skos", SKOS),
    ("prov", PROV),
    ("nif", NIF),
    ("itsrdf", ITSRDF),
    ("xsd", XSD),
    ("owl", "http://www.w3.org/2002/07/owl#"),
];

/// Local names of kgex's own properties that are not relations.
pub mod property {
    /// Relation attribute: ISO 8601 date prefix.
    pub const DATE: &str = "date";
    /// Relation attribute: role or title.
    pub const ROLE: &str = "role";
    /// Relation attribute: no longer holds.
    pub const FORMER: &str = "former";
    /// Relation attribute: what a meeting was about.
    pub const TOPIC: &str = "topic";
    /// Relation attribute: the words quoted.
    pub const QUOTE: &str = "quote";
    /// Statement → one piece of evidence.
    pub const EVIDENCE: &str = "evidence";
    /// Evidence → id of the rule that found it.
    pub const RULE: &str = "rule";
    /// Evidence or statement → confidence from 0 to 1.
    pub const CONFIDENCE: &str = "confidence";
    /// Evidence → index of the sentence in its document.
    pub const SENTENCE_INDEX: &str = "sentenceIndex";
    /// Document → the path it was read from.
    pub const SOURCE_PATH: &str = "sourcePath";
    /// Every property of kgex's own, relations excluded.
    pub const ALL: [&str; 10] =
        [DATE, ROLE, FORMER, TOPIC, QUOTE, EVIDENCE, RULE, CONFIDENCE, SENTENCE_INDEX, SOURCE_PATH];
}

/// Local names of kgex's own classes.
pub mod class {
    /// A piece of evidence: a sentence that states a relation.
    pub const EVIDENCE: &str = "Evidence";
}

/// The schema.org class of an entity kind.
pub const fn class_iri(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "https://schema.org/Person",
        EntityKind::Organization => "https://schema.org/Organization",
        EntityKind::Place => "https://schema.org/Place",
        EntityKind::Product => "https://schema.org/Product",
        EntityKind::Document => "https://schema.org/NewsArticle",
    }
}

/// The IRI of the property of a relation kind, such as `kgex:worksAt`.
pub fn relation_iri(kind: &RelationKind) -> String {
    format!("{KGEX}{}", kind.property_name())
}

/// The IRI of one of kgex's own properties or classes.
pub fn kgex(local_name: &str) -> String {
    format!("{KGEX}{local_name}")
}
