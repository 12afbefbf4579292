//! Node-link JSON, described by `schema/graph.schema.json`: kgex's lossless
//! format, read back by `kgex convert` and scored by kg-score. Offsets are
//! bytes (`start`, `end`) and characters (`char_start`, `char_end`).

use std::collections::BTreeSet;
use std::io::{self, Write};
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::ExportOptions;
use crate::entities::EntityKind;
use crate::error::{Error, SourcePosition};
use crate::graph::{
    Attributes, DocumentSource, Entity, EntityId, Evidence, KnowledgeGraph, Mention, Relation, TextSpan,
};
use crate::relations::{is_iso_date_prefix, RelationKind};

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct GraphJson {
    directed: bool,
    multigraph: bool,
    graph: GraphInfo,
    nodes: Vec<NodeJson>,
    edges: Vec<EdgeJson>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct GraphInfo {
    generator: String,
    base: String,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct NodeJson {
    id: String,
    iri: String,
    label: String,
    #[serde(rename = "type")]
    kind: String,
    aliases: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    lang: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    description: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    source: Option<SourceJson>,
    mentions: Vec<MentionJson>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct SourceJson {
    #[serde(skip_serializing_if = "Option::is_none", default)]
    path: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    url: Option<String>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct MentionJson {
    document: String,
    start: usize,
    end: usize,
    char_start: usize,
    char_end: usize,
    text: String,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct EdgeJson {
    source: String,
    target: String,
    key: String,
    relation: String,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    role: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    former: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    topic: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    quote: Option<String>,
    confidence: f64,
    evidence: Vec<EvidenceJson>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct EvidenceJson {
    document: String,
    sentence: usize,
    start: usize,
    end: usize,
    char_start: usize,
    char_end: usize,
    text: String,
    rule: String,
    confidence: f64,
}

/// Writes `graph` as node-link JSON, pretty-printed with one space indent.
pub fn write_json(graph: &KnowledgeGraph, options: &ExportOptions, writer: impl Write) -> io::Result<()> {
    let document = GraphJson {
        directed: true,
        multigraph: true,
        graph: GraphInfo { generator: concat!("kgex ", env!("CARGO_PKG_VERSION")).into(), base: options.base.clone() },
        nodes: graph.entities().map(|entity| node_json(entity, &options.base)).collect(),
        edges: graph.relations().map(|r| edge_json(r.subject, r.relation, r.object)).collect(),
    };
    let formatter = serde_json::ser::PrettyFormatter::with_indent(b" ");
    let mut serializer = serde_json::Serializer::with_formatter(writer, formatter);
    document.serialize(&mut serializer).map_err(io::Error::from)?;
    serializer.into_inner().write_all(b"\n")
}

fn node_json(entity: &Entity, base: &str) -> NodeJson {
    NodeJson {
        id: entity.id.to_string(),
        iri: entity.id.iri(base),
        label: entity.label.clone(),
        kind: entity.kind.name().into(),
        aliases: entity.aliases.iter().cloned().collect(),
        lang: entity.lang.clone(),
        description: entity.description.clone(),
        source: entity.source.as_ref().map(|s| SourceJson {
            path: s.path.clone(),
            date: s.date.clone(),
            url: s.url.clone(),
        }),
        mentions: entity
            .mentions
            .iter()
            .map(|m| MentionJson {
                document: m.document.to_string(),
                start: m.span.start,
                end: m.span.end,
                char_start: m.span.char_start,
                char_end: m.span.char_end,
                text: m.text.clone(),
            })
            .collect(),
    }
}

fn edge_json(subject: &Entity, relation: &Relation, object: &Entity) -> EdgeJson {
    let attributes = &relation.attributes;
    EdgeJson {
        source: subject.id.to_string(),
        target: object.id.to_string(),
        key: relation.kind.name().into(),
        relation: relation.kind.name().into(),
        date: attributes.date.clone(),
        role: attributes.role.clone(),
        former: attributes.former,
        topic: attributes.topic.clone(),
        quote: attributes.quote.clone(),
        confidence: relation.confidence(),
        evidence: relation
            .evidence
            .iter()
            .map(|e| EvidenceJson {
                document: e.document.to_string(),
                sentence: e.sentence,
                start: e.span.start,
                end: e.span.end,
                char_start: e.span.char_start,
                char_end: e.span.char_end,
                text: e.text.clone(),
                rule: e.rule.clone(),
                confidence: e.confidence,
            })
            .collect(),
    }
}

/// Reads a graph written by [`write_json`], with the base it was written
/// with. Errors name the file and, for syntax and shape errors, the line
/// and column.
pub fn read_json(path: &Path, bytes: &[u8]) -> Result<(KnowledgeGraph, String), Error> {
    let document: GraphJson = serde_json::from_slice(bytes).map_err(|error| Error::Syntax {
        path: path.to_owned(),
        position: SourcePosition { line: error.line(), column: error.column().max(1), offset: 0 },
        message: format!("invalid kgex JSON graph: {}", strip_position(&error.to_string())),
    })?;
    let invalid = |message: String| Error::Invalid { path: path.to_owned(), message };
    let mut graph = KnowledgeGraph::new();
    for (idx, node) in document.nodes.into_iter().enumerate() {
        let entity = entity_from_json(node).map_err(|message| invalid(format!("nodes[{idx}]: {message}")))?;
        if graph.entity(&entity.id).is_some() {
            return Err(invalid(format!("nodes[{idx}]: duplicate id '{}'", entity.id)));
        }
        graph.add_entity(entity);
    }
    for (idx, edge) in document.edges.into_iter().enumerate() {
        let (subject, object, relation) =
            relation_from_json(edge).map_err(|message| invalid(format!("edges[{idx}]: {message}")))?;
        graph.add_relation(&subject, &object, relation).map_err(|error| invalid(format!("edges[{idx}]: {error}")))?;
    }
    Ok((graph, document.graph.base))
}

/// serde_json ends its messages with " at line L column C"; the position is
/// already in the error's own fields.
fn strip_position(message: &str) -> &str {
    message.rfind(" at line ").map_or(message, |idx| &message[..idx])
}

fn entity_from_json(node: NodeJson) -> Result<Entity, String> {
    let id = EntityId::parse(&node.id)?;
    let kind: EntityKind = node.kind.parse()?;
    if !id.as_str().starts_with(kind.id_segment()) {
        return Err(format!("id '{id}' does not fit type {kind}"));
    }
    if let Some(lang) = &node.lang {
        oxrdf::Literal::new_language_tagged_literal("", lang.as_str())
            .map_err(|error| format!("invalid lang '{lang}': {error}"))?;
    }
    let mentions = node
        .mentions
        .into_iter()
        .map(|m| {
            let document = EntityId::parse(&m.document)?;
            let span = span(m.start, m.end, m.char_start, m.char_end)?;
            Ok(Mention { document, span, text: m.text })
        })
        .collect::<Result<Vec<_>, String>>()?;
    Ok(Entity {
        id,
        kind,
        label: node.label,
        aliases: node.aliases.into_iter().collect::<BTreeSet<_>>(),
        lang: node.lang,
        description: node.description,
        mentions,
        source: node.source.map(|s| DocumentSource { path: s.path, date: s.date, url: s.url }),
    })
}

fn span(start: usize, end: usize, char_start: usize, char_end: usize) -> Result<TextSpan, String> {
    if start > end || char_start > char_end {
        return Err(format!("span {start}..{end} (characters {char_start}..{char_end}) ends before it starts"));
    }
    Ok(TextSpan { start, end, char_start, char_end })
}

fn relation_from_json(edge: EdgeJson) -> Result<(EntityId, EntityId, Relation), String> {
    let kind: RelationKind = edge.relation.parse()?;
    let evidence = edge
        .evidence
        .into_iter()
        .map(|e| {
            if !(0.0..=1.0).contains(&e.confidence) {
                return Err(format!("confidence {} is outside 0..1", e.confidence));
            }
            Ok(Evidence {
                document: EntityId::parse(&e.document)?,
                sentence: e.sentence,
                span: span(e.start, e.end, e.char_start, e.char_end)?,
                text: e.text,
                rule: e.rule,
                confidence: e.confidence,
            })
        })
        .collect::<Result<Vec<_>, String>>()?;
    if let Some(date) = edge.date.as_deref().filter(|date| !is_iso_date_prefix(date)) {
        return Err(format!("date '{date}' is not an ISO 8601 prefix such as 2015, 2023-07, 2025-01-20 or --01-20"));
    }
    let attributes =
        Attributes { date: edge.date, role: edge.role, former: edge.former, topic: edge.topic, quote: edge.quote };
    Ok((EntityId::parse(&edge.source)?, EntityId::parse(&edge.target)?, Relation { kind, attributes, evidence }))
}
