//! The property-graph model that the Neo4j CSV and Cypher exporters share:
//! node labels and relationship types in Neo4j's conventions (`:Person`,
//! `:WORKS_AT`), and one table of properties with their types, so that both
//! exporters write the same properties under the same names.

use std::borrow::Cow;
use std::io;

use super::xml_text::remove_xml_forbidden;
use crate::entities::EntityKind;
use crate::graph::{Entity, RelationRef};
use crate::relations::RelationKind;

/// The type of a property value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PropertyType {
    /// A string.
    Text,
    /// A list of strings.
    TextList,
    /// A whole number, at least 0.
    Int,
    /// A floating-point number.
    Float,
    /// True or false.
    Bool,
}

/// A property value. Texts have the control characters that no consumer
/// takes (those XML 1.0 forbids) removed, as in GraphML.
#[derive(Debug, Clone, PartialEq)]
pub enum Value<'a> {
    /// A string.
    Text(Cow<'a, str>),
    /// A list of strings, never empty.
    TextList(Vec<Cow<'a, str>>),
    /// A whole number.
    Int(u64),
    /// A floating-point number.
    Float(f64),
    /// True or false.
    Bool(bool),
}

/// A property's name and type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Property {
    /// The name, the same in every exporter.
    pub name: &'static str,
    /// The type of its values.
    pub kind: PropertyType,
}

const fn property(name: &'static str, kind: PropertyType) -> Property {
    Property { name, kind }
}

/// The properties of every node, in column order; `iri` identifies the node.
pub const NODE_PROPERTIES: [Property; 9] = [
    property("iri", PropertyType::Text),
    property("label", PropertyType::Text),
    property("aliases", PropertyType::TextList),
    property("lang", PropertyType::Text),
    property("description", PropertyType::Text),
    property("mentions", PropertyType::Int),
    property("source", PropertyType::Text),
    property("date", PropertyType::Text),
    property("url", PropertyType::Text),
];

/// The properties of every relationship, in column order.
pub const RELATIONSHIP_PROPERTIES: [Property; 8] = [
    property("date", PropertyType::Text),
    property("role", PropertyType::Text),
    property("former", PropertyType::Bool),
    property("topic", PropertyType::Text),
    property("quote", PropertyType::Text),
    property("confidence", PropertyType::Float),
    property("evidence", PropertyType::TextList),
    property("rules", PropertyType::TextList),
];

/// The node label of an entity kind: `Person`, `Organization`, ... Neo4j's
/// convention for labels is the kind's own name.
pub const fn node_label(kind: EntityKind) -> &'static str {
    kind.name()
}

/// The relationship type of a relation kind: upper case with `_`, such as
/// `WORKS_AT`. Relation names are lower-case letters, digits and hyphens, so
/// the type is a plain identifier in every Cypher dialect.
pub fn relationship_type(kind: &RelationKind) -> String {
    kind.name().to_ascii_uppercase().replace('-', "_")
}

/// A text value; an empty text is no value, as the Neo4j import tool reads
/// an empty field, so that both exporters agree.
fn text(value: &str) -> Option<Value<'_>> {
    let value = remove_xml_forbidden(value);
    (!value.is_empty()).then_some(Value::Text(value))
}

fn optional_text(value: Option<&str>) -> Option<Value<'_>> {
    value.and_then(text)
}

/// A list value of the non-empty `texts`; none when there are none. Equal
/// neighbours are kept once: a sentence that two rules found is one piece
/// of evidence.
fn text_list<'a>(texts: impl Iterator<Item = Cow<'a, str>>) -> Option<Value<'a>> {
    let allowed = |text: Cow<'a, str>| match text {
        Cow::Borrowed(text) => remove_xml_forbidden(text),
        Cow::Owned(text) => match remove_xml_forbidden(&text) {
            Cow::Borrowed(_) => Cow::Owned(text),
            Cow::Owned(allowed) => Cow::Owned(allowed),
        },
    };
    let mut list: Vec<Cow<'a, str>> = texts.map(allowed).filter(|t| !t.is_empty()).collect();
    list.dedup();
    (!list.is_empty()).then_some(Value::TextList(list))
}

/// The values of [`NODE_PROPERTIES`] for `entity`, `None` where it has none.
pub fn node_values<'a>(entity: &'a Entity, iri: &'a str) -> [Option<Value<'a>>; 9] {
    let source = entity.source.as_deref();
    [
        text(iri),
        text(&entity.label),
        text_list(entity.aliases.iter().map(|alias| Cow::Borrowed(alias.as_str()))),
        optional_text(entity.lang.as_deref()),
        optional_text(entity.description.as_deref()),
        Some(Value::Int(entity.mentions.len() as u64)),
        optional_text(source.and_then(|s| s.path.as_deref())),
        optional_text(source.and_then(|s| s.date.as_deref())),
        optional_text(source.and_then(|s| s.url.as_deref())),
    ]
}

/// The values of [`RELATIONSHIP_PROPERTIES`] for `edge`; an error only
/// when a spilled sentence cannot be read back.
pub fn relationship_values<'a>(edge: &RelationRef<'a>) -> io::Result<[Option<Value<'a>>; 8]> {
    let relation = edge.relation;
    let attributes = relation.attributes();
    Ok([
        optional_text(attributes.date),
        optional_text(attributes.role),
        attributes.former.map(Value::Bool),
        optional_text(attributes.topic),
        optional_text(attributes.quote),
        Some(Value::Float(relation.confidence())),
        text_list(relation.evidence_texts()?.into_iter()),
        text_list(relation.rules().into_iter().map(Cow::Borrowed)),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relationship_types_follow_neo4j_conventions() {
        assert_eq!(relationship_type(&RelationKind::WorksAt), "WORKS_AT");
        assert_eq!(relationship_type(&RelationKind::Cites), "CITES");
        let custom = RelationKind::Custom(crate::relations::CustomRelation::new("sued-by-2").unwrap());
        assert_eq!(relationship_type(&custom), "SUED_BY_2");
    }
}
