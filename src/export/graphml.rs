//! GraphML for Gephi, yEd, NetworkX and igraph, written with quick-xml.
//!
//! Every `<key>` is declared before `<graph>` from one fixed table, with
//! `for`, `attr.name` and `attr.type`; edges have ids; lists are one string
//! joined by " | "; characters XML 1.0 forbids are removed. No key is named
//! `color`, `size`, `x` or `y`, which Gephi and yEd read as layout.

use std::borrow::Cow;
use std::fmt::Write as _;
use std::io::{self, Write};

use quick_xml::events::attributes::Attribute;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};
use quick_xml::name::QName;
use quick_xml::Writer;

use super::xml_text::escape_xml_text;
use super::ExportOptions;
use crate::graph::{Entity, EntityId, KnowledgeGraph, RelationRef};

const GRAPHML_NS: &str = "http://graphml.graphdrawing.org/xmlns";
const SCHEMA_LOCATION: &str =
    "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd";
/// Separator of list values inside one attribute.
pub const LIST_SEPARATOR: &str = " | ";

/// Declares the attribute keys as `KEYS` (id, for, attr.name, attr.type) and
/// `data_tag`, the start tag of a `<data>` element for a key, as a constant so
/// that writing a value allocates nothing for the tag.
macro_rules! keys {
    ($(($id:literal, $domain:literal, $name:literal, $kind:literal)),* $(,)?) => {
        const KEYS: [(&str, &str, &str, &str); [$($id),*].len()] = [$(($id, $domain, $name, $kind)),*];

        fn data_tag(key: &str) -> &'static str {
            match key {
                $($id => concat!("data key=\"", $id, "\""),)*
                _ => unreachable!("every key is declared in KEYS"),
            }
        }
    };
}

keys![
    ("n_label", "node", "label", "string"),
    ("n_type", "node", "type", "string"),
    ("n_iri", "node", "iri", "string"),
    ("n_aliases", "node", "aliases", "string"),
    ("n_lang", "node", "lang", "string"),
    ("n_description", "node", "description", "string"),
    ("n_mentions", "node", "mentions", "int"),
    ("n_mention_spans", "node", "mention_spans", "string"),
    ("n_source", "node", "source", "string"),
    ("e_label", "edge", "label", "string"),
    ("e_relation", "edge", "relation", "string"),
    ("e_date", "edge", "date", "string"),
    ("e_role", "edge", "role", "string"),
    ("e_former", "edge", "former", "boolean"),
    ("e_topic", "edge", "topic", "string"),
    ("e_quote", "edge", "quote", "string"),
    ("e_confidence", "edge", "confidence", "double"),
    ("e_evidence", "edge", "evidence", "string"),
    ("e_evidence_spans", "edge", "evidence_spans", "string"),
    ("e_rules", "edge", "rules", "string"),
    ("e_symmetric", "edge", "symmetric", "boolean"),
];

/// Writes `graph` as GraphML: one line per key, node and edge.
pub fn write_graphml(graph: &KnowledgeGraph, options: &ExportOptions, writer: impl Write) -> io::Result<()> {
    let mut xml = Writer::new(writer);
    xml.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    xml.get_mut().write_all(b"\n")?;
    xml.create_element("graphml")
        .with_attribute(("xmlns", GRAPHML_NS))
        .with_attribute(("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"))
        .with_attribute(("xsi:schemaLocation", SCHEMA_LOCATION))
        .write_inner_content(|xml| {
            for (id, domain, name, kind) in KEYS {
                xml.get_mut().write_all(b"\n")?;
                let key = xml.create_element("key").with_attributes([
                    ("id", id),
                    ("for", domain),
                    ("attr.name", name),
                    ("attr.type", kind),
                ]);
                // Most relations are not symmetric: a default saves writing it on every edge.
                match id {
                    "e_symmetric" => key.write_inner_content(|xml| {
                        xml.create_element("default").write_text_content(BytesText::new("false"))?;
                        Ok(())
                    })?,
                    _ => key.write_empty()?,
                };
            }
            xml.get_mut().write_all(b"\n")?;
            xml.create_element("graph")
                .with_attributes([("id", "kgex"), ("edgedefault", "directed")])
                .write_inner_content(|xml| write_elements(xml, graph, options))?;
            xml.get_mut().write_all(b"\n")
        })?;
    xml.get_mut().write_all(b"\n")
}

fn write_elements<W: Write>(xml: &mut Writer<W>, graph: &KnowledgeGraph, options: &ExportOptions) -> io::Result<()> {
    let mut scratch = String::new();
    let mut node_ids = vec![String::new(); graph.node_bound()];
    for (node, entity) in graph.indexed_entities() {
        node_ids[node] = node_id(&entity.id);
        xml.get_mut().write_all(b"\n")?;
        xml.create_element("node")
            .with_attribute(name_token("id", &node_ids[node]))
            .write_inner_content(|xml| write_node_data(xml, entity, &options.base, &mut scratch))?;
    }
    let mut edge_id = String::new();
    for relation in graph.relations() {
        edge_id.clear();
        write!(edge_id, "e{}", relation.position).expect("writing to a String cannot fail");
        let (source, target) = (&node_ids[relation.subject_node], &node_ids[relation.object_node]);
        xml.get_mut().write_all(b"\n")?;
        xml.create_element("edge")
            .with_attributes([name_token("id", &edge_id), name_token("source", source), name_token("target", target)])
            .write_inner_content(|xml| write_edge_data(xml, &relation, &mut scratch))?;
    }
    xml.get_mut().write_all(b"\n")
}

/// An attribute whose value is an XML name token, such as a node id: name
/// tokens hold no character that needs escaping, so the value is written as
/// it is instead of going through the escaper.
fn name_token<'a>(key: &'a str, value: &'a str) -> Attribute<'a> {
    debug_assert!(value.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b':' | b'_' | b'.')));
    Attribute { key: QName(key.as_bytes()), value: Cow::Borrowed(value.as_bytes()) }
}

/// The GraphML id of an entity: GraphML ids are XML name tokens, which
/// allow neither `/` nor, in older XML parsers, every letter. So the kind is
/// joined with `:` and each non-ASCII byte written as `_XX`; slugs never
/// contain `_`, so distinct entities keep distinct ids.
pub fn node_id(id: &EntityId) -> String {
    let id = id.as_str();
    if id.is_ascii() {
        return id.replacen('/', ":", 1);
    }
    let mut node_id = String::with_capacity(id.len() * 2);
    for byte in id.bytes() {
        match byte {
            b'/' => node_id.push(':'),
            b if b.is_ascii() => node_id.push(char::from(b)),
            b => {
                const HEX: &[u8; 16] = b"0123456789ABCDEF";
                node_id.push('_');
                node_id.push(char::from(HEX[usize::from(b >> 4)]));
                node_id.push(char::from(HEX[usize::from(b & 0xF)]));
            }
        }
    }
    node_id
}

fn data<W: Write>(xml: &mut Writer<W>, key: &str, value: &str) -> io::Result<()> {
    xml.write_event(Event::Start(BytesStart::from_content(data_tag(key), 4)))?;
    xml.write_event(Event::Text(BytesText::from_escaped(escape_xml_text(value))))?;
    xml.write_event(Event::End(BytesEnd::new("data")))?;
    Ok(())
}

fn optional_data<W: Write>(xml: &mut Writer<W>, key: &str, value: Option<&str>) -> io::Result<()> {
    match value {
        Some(value) => data(xml, key, value),
        None => Ok(()),
    }
}

/// Joins `items` into `scratch` with [`LIST_SEPARATOR`], each written by `write_item`.
fn join_into<T>(
    scratch: &mut String,
    items: impl IntoIterator<Item = T>,
    mut write_item: impl FnMut(&mut String, T),
) -> &str {
    scratch.clear();
    for (idx, item) in items.into_iter().enumerate() {
        if idx > 0 {
            scratch.push_str(LIST_SEPARATOR);
        }
        write_item(scratch, item);
    }
    scratch
}

fn write_node_data<W: Write>(xml: &mut Writer<W>, entity: &Entity, base: &str, scratch: &mut String) -> io::Result<()> {
    data(xml, "n_label", &entity.label)?;
    data(xml, "n_type", entity.kind.name())?;
    data(xml, "n_iri", &entity.id.iri(base))?;
    if !entity.aliases.is_empty() {
        data(xml, "n_aliases", join_into(scratch, &entity.aliases, |out, alias| out.push_str(alias)))?;
    }
    optional_data(xml, "n_lang", entity.lang.as_deref())?;
    optional_data(xml, "n_description", entity.description.as_deref())?;
    data(xml, "n_mentions", &entity.mentions.len().to_string())?;
    if !entity.mentions.is_empty() {
        let spans = join_into(scratch, &entity.mentions, |out, m| {
            let span = m.span();
            write!(out, "{}:{}-{}", m.document, span.start(), span.end()).expect("writing to a String cannot fail")
        });
        data(xml, "n_mention_spans", spans)?;
    }
    optional_data(xml, "n_source", entity.source.as_deref().and_then(|s| s.path.as_deref()))
}

fn write_edge_data<W: Write>(xml: &mut Writer<W>, edge: &RelationRef<'_>, scratch: &mut String) -> io::Result<()> {
    let relation = edge.relation;
    let attributes = relation.attributes();
    data(xml, "e_label", relation.kind.name())?;
    data(xml, "e_relation", relation.kind.name())?;
    optional_data(xml, "e_date", attributes.date)?;
    optional_data(xml, "e_role", attributes.role)?;
    optional_data(xml, "e_former", attributes.former.map(|former| if former { "true" } else { "false" }))?;
    optional_data(xml, "e_topic", attributes.topic)?;
    optional_data(xml, "e_quote", attributes.quote)?;
    scratch.clear();
    write!(scratch, "{:?}", relation.confidence()).expect("writing to a String cannot fail");
    data(xml, "e_confidence", scratch)?;
    if !relation.evidence.is_empty() {
        let texts = relation.evidence_texts()?;
        data(xml, "e_evidence", join_into(scratch, &texts, |out, text| out.push_str(text)))?;
        let spans = join_into(scratch, &relation.evidence, |out, e| {
            write!(out, "{}:{}-{}", e.sentence.document, e.sentence.span.start(), e.sentence.span.end())
                .expect("writing to a String cannot fail")
        });
        data(xml, "e_evidence_spans", spans)?;
        data(xml, "e_rules", join_into(scratch, relation.rules(), |out, rule| out.push_str(rule)))?;
    }
    if relation.kind.is_symmetric() {
        data(xml, "e_symmetric", "true")?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::EntityKind;

    #[test]
    fn node_ids_are_name_tokens() {
        assert_eq!(node_id(&EntityId::new(EntityKind::Person, "Anna Berg")), "person:anna-berg");
        assert_eq!(node_id(&EntityId::new(EntityKind::Place, "Zürich")), "place:z_C3_BCrich");
    }
}
