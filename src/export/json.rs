//! Node-link JSON, described by `schema/graph.schema.json`: kgex's lossless
//! format, read back by `kgex convert` and scored by kg-score. Offsets are
//! bytes (`start`, `end`) and characters (`char_start`, `char_end`).

use std::collections::BTreeSet;
use std::io::{self, Write};
use std::path::Path;
use std::sync::Arc;

use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use super::pretty::PrettyObject;
use super::ExportOptions;
use crate::entities::EntityKind;
use crate::error::{Error, SourcePosition};
use crate::graph::{
    Attributes, DocumentSource, Entity, EntityId, Evidence, Findings, KnowledgeGraph, Mention, Mentions, Relation,
    RelationRef, SourceSentence, TextSpan,
};
use crate::relations::{is_iso_date_prefix, RelationKind};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct GraphJson {
    directed: bool,
    multigraph: bool,
    graph: GraphInfo,
    nodes: Vec<NodeJson>,
    edges: Vec<EdgeJson>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct GraphInfo {
    /// Which program wrote the file; any value is accepted.
    #[serde(rename = "generator")]
    _generator: String,
    base: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NodeJson {
    id: String,
    iri: String,
    label: String,
    #[serde(rename = "type")]
    kind: String,
    aliases: Vec<String>,
    #[serde(default)]
    lang: Option<String>,
    #[serde(default)]
    description: Option<String>,
    #[serde(default)]
    source: Option<SourceJson>,
    mentions: Vec<MentionJson>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SourceJson {
    #[serde(default)]
    path: Option<String>,
    #[serde(default)]
    date: Option<String>,
    #[serde(default)]
    url: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MentionJson {
    document: String,
    start: usize,
    end: usize,
    char_start: usize,
    char_end: usize,
    text: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EdgeJson {
    source: String,
    target: String,
    key: String,
    relation: String,
    #[serde(default)]
    date: Option<String>,
    #[serde(default)]
    role: Option<String>,
    #[serde(default)]
    former: Option<bool>,
    #[serde(default)]
    topic: Option<String>,
    #[serde(default)]
    quote: Option<String>,
    confidence: f64,
    evidence: Vec<EvidenceJson>,
}

#[derive(Deserialize)]
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
/// Nodes and edges are rendered straight from the graph, a part at a time
/// on the threads of the current rayon pool, so writing needs no copy of it.
pub fn write_json(graph: &KnowledgeGraph, options: &ExportOptions, writer: impl Write) -> io::Result<()> {
    let top = graph_out(graph, options);
    let mut object = PrettyObject::new(writer)?;
    object.field("directed", &top.directed)?;
    object.field("multigraph", &top.multigraph)?;
    object.field("graph", &top.graph)?;
    let nodes = graph.entities();
    object.array_field("nodes", nodes, |entity| entity.mentions.len() + 1, |entity| node_out(entity, &options.base))?;
    let edges = graph.relations();
    let weight = |edge: &RelationRef| 2 * edge.relation.evidence.len() + 1;
    object.array_field("edges", edges, weight, |edge| edge_out(edge.subject, edge.relation, edge.object))?;
    object.end()?.write_all(b"\n")
}

/// Writes `graph` as the same node-link JSON on one line, for JSON Lines
/// with one graph per line.
pub fn write_json_line(graph: &KnowledgeGraph, options: &ExportOptions, writer: impl Write) -> io::Result<()> {
    super::buffered(writer, |writer| {
        serde_json::to_writer(&mut *writer, &graph_out(graph, options)).map_err(io::Error::from)?;
        writer.write_all(b"\n")
    })
}

fn graph_out<'a>(graph: &'a KnowledgeGraph, options: &'a ExportOptions) -> GraphOut<'a> {
    GraphOut {
        directed: true,
        multigraph: true,
        graph: GraphInfoOut { generator: concat!("kgex ", env!("CARGO_PKG_VERSION")), base: &options.base },
        nodes: NodesOut(graph, &options.base),
        edges: EdgesOut(graph),
    }
}

/// The write side mirrors the read side's structs field by field, borrowing
/// from the graph instead of owning.
#[derive(Serialize)]
struct GraphOut<'a> {
    directed: bool,
    multigraph: bool,
    graph: GraphInfoOut<'a>,
    nodes: NodesOut<'a>,
    edges: EdgesOut<'a>,
}

#[derive(Serialize)]
struct GraphInfoOut<'a> {
    generator: &'a str,
    base: &'a str,
}

struct NodesOut<'a>(&'a KnowledgeGraph, &'a str);

struct EdgesOut<'a>(&'a KnowledgeGraph);

impl Serialize for NodesOut<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.entities().map(|entity| node_out(entity, self.1)))
    }
}

impl Serialize for EdgesOut<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.relations().map(|edge| edge_out(edge.subject, edge.relation, edge.object)))
    }
}

#[derive(Serialize)]
struct NodeOut<'a> {
    id: &'a str,
    iri: IriOut<'a>,
    label: &'a str,
    #[serde(rename = "type")]
    kind: &'a str,
    aliases: &'a BTreeSet<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    lang: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<SourceOut<'a>>,
    mentions: MentionsOut<'a>,
}

#[derive(Serialize)]
struct SourceOut<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    path: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
}

#[derive(Serialize)]
struct MentionOut<'a> {
    document: &'a str,
    start: usize,
    end: usize,
    char_start: usize,
    char_end: usize,
    text: &'a str,
}

#[derive(Serialize)]
struct EdgeOut<'a> {
    source: &'a str,
    target: &'a str,
    key: &'a str,
    relation: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    role: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    former: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    topic: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    quote: Option<&'a str>,
    confidence: f64,
    evidence: EvidenceListOut<'a>,
}

#[derive(Serialize)]
struct EvidenceOut<'a> {
    document: &'a str,
    sentence: u32,
    start: usize,
    end: usize,
    char_start: usize,
    char_end: usize,
    text: &'a str,
    rule: &'a str,
    confidence: f64,
}

/// An entity's IRI, written as base and id without building the string.
struct IriOut<'a>(&'a str, &'a EntityId);

/// A node's mentions, serialised one by one from the graph.
struct MentionsOut<'a>(&'a Mentions);

/// An edge's evidence, serialised one by one from the graph.
struct EvidenceListOut<'a>(&'a [Evidence]);

impl Serialize for IriOut<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(&format_args!("{}{}", self.0, self.1))
    }
}

impl Serialize for MentionsOut<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.iter().map(|mention| {
            let span = mention.span();
            MentionOut {
                document: mention.document.as_str(),
                start: span.start(),
                end: span.end(),
                char_start: span.char_start(),
                char_end: span.char_end(),
                text: mention.text,
            }
        }))
    }
}

impl Serialize for EvidenceListOut<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::{Error, SerializeSeq};
        let mut seq = serializer.serialize_seq(Some(self.0.len()))?;
        for evidence in self.0 {
            let text = evidence.sentence.text().map_err(S::Error::custom)?;
            seq.serialize_element(&EvidenceOut {
                document: evidence.sentence.document.as_str(),
                sentence: evidence.sentence.index,
                start: evidence.sentence.span.start(),
                end: evidence.sentence.span.end(),
                char_start: evidence.sentence.span.char_start(),
                char_end: evidence.sentence.span.char_end(),
                text: &text,
                rule: evidence.rule(),
                confidence: evidence.confidence(),
            })?;
        }
        seq.end()
    }
}

fn node_out<'a>(entity: &'a Entity, base: &'a str) -> NodeOut<'a> {
    NodeOut {
        id: entity.id.as_str(),
        iri: IriOut(base, &entity.id),
        label: &entity.label,
        kind: entity.kind.name(),
        aliases: &entity.aliases,
        lang: entity.lang.as_deref(),
        description: entity.description.as_deref(),
        source: entity.source.as_deref().map(|source| SourceOut {
            path: source.path.as_deref(),
            date: source.date.as_deref(),
            url: source.url.as_deref(),
        }),
        mentions: MentionsOut(&entity.mentions),
    }
}

fn edge_out<'a>(subject: &'a Entity, relation: &'a Relation, object: &'a Entity) -> EdgeOut<'a> {
    let attributes = relation.attributes();
    EdgeOut {
        source: subject.id.as_str(),
        target: object.id.as_str(),
        key: relation.kind.name(),
        relation: relation.kind.name(),
        date: attributes.date,
        role: attributes.role,
        former: attributes.former,
        topic: attributes.topic,
        quote: attributes.quote,
        confidence: relation.confidence(),
        evidence: EvidenceListOut(&relation.evidence),
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
    if !document.directed || !document.multigraph {
        return Err(invalid("a kgex graph is directed and a multigraph".into()));
    }
    let base = document.graph.base;
    let mut graph = KnowledgeGraph::new();
    let mut shared = Shared::default();
    for (idx, node) in document.nodes.into_iter().enumerate() {
        if node.iri != format!("{base}{}", node.id) {
            return Err(invalid(format!("nodes[{idx}]: iri '{}' is not the base followed by the id", node.iri)));
        }
        let entity =
            entity_from_json(node, &mut shared).map_err(|message| invalid(format!("nodes[{idx}]: {message}")))?;
        if graph.entity(&entity.id).is_some() {
            return Err(invalid(format!("nodes[{idx}]: duplicate id '{}'", entity.id)));
        }
        graph.add_entity(entity);
    }
    for (idx, edge) in document.edges.into_iter().enumerate() {
        let (subject, object, relation) =
            relation_from_json(edge, &mut shared).map_err(|message| invalid(format!("edges[{idx}]: {message}")))?;
        graph.add_relation(&subject, &object, relation).map_err(|error| invalid(format!("edges[{idx}]: {error}")))?;
    }
    Ok((graph, base))
}

/// serde_json ends its messages with " at line L column C"; the position is
/// already in the error's own fields.
fn strip_position(message: &str) -> &str {
    message.rfind(" at line ").map_or(message, |idx| &message[..idx])
}

/// What the graph shares instead of copying: a sentence's text for all the
/// facts it states, a rule and its confidence, a document's id for all its
/// mentions.
#[derive(Default)]
struct Shared {
    findings: Findings,
    documents: FxHashMap<String, EntityId>,
    /// Every sentence read, so that the evidence of all the facts a sentence
    /// states shares one copy of it, as in the graph that was written.
    sentences: FxHashMap<(EntityId, u32, TextSpan), Arc<SourceSentence>>,
}

impl Shared {
    fn document(&mut self, id: &str) -> Result<EntityId, String> {
        if let Some(shared) = self.documents.get(id) {
            return Ok(shared.clone());
        }
        let parsed = EntityId::parse(id)?;
        self.documents.insert(id.to_owned(), parsed.clone());
        Ok(parsed)
    }

    /// The shared copy of a sentence; a sentence read before with another
    /// text gets a copy of its own.
    fn sentence(&mut self, sentence: SourceSentence) -> Arc<SourceSentence> {
        let key = (sentence.document.clone(), sentence.index, sentence.span);
        match self.sentences.get(&key) {
            Some(shared) if shared.held_text() == sentence.held_text() => shared.clone(),
            Some(_) => Arc::new(sentence),
            None => self.sentences.entry(key).or_insert_with(|| Arc::new(sentence)).clone(),
        }
    }
}

fn entity_from_json(node: NodeJson, shared: &mut Shared) -> Result<Entity, String> {
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
            let document = shared.document(&m.document)?;
            let span = span(m.start, m.end, m.char_start, m.char_end)?;
            // The graph keeps one copy of each text as it adds the entity.
            Mention::new(document, span, m.text.as_str().into())
                .ok_or_else(|| format!("mention '{}' at {}..{} is not as long as its span", m.text, m.start, m.end))
        })
        .collect::<Result<Mentions, String>>()?;
    Ok(Entity {
        id,
        kind,
        label: node.label,
        aliases: node.aliases.into_iter().collect::<BTreeSet<_>>(),
        lang: node.lang.map(Arc::from),
        description: node.description,
        mentions,
        source: node.source.map(|s| Box::new(DocumentSource { path: s.path, date: s.date, url: s.url })),
    })
}

fn span(start: usize, end: usize, char_start: usize, char_end: usize) -> Result<TextSpan, String> {
    if start > end || char_start > char_end {
        return Err(format!("span {start}..{end} (characters {char_start}..{char_end}) ends before it starts"));
    }
    TextSpan::new(start, end, char_start, char_end)
        .ok_or_else(|| format!("span {start}..{end} (characters {char_start}..{char_end}) is beyond 4 GiB"))
}

fn relation_from_json(edge: EdgeJson, shared: &mut Shared) -> Result<(EntityId, EntityId, Relation), String> {
    let kind: RelationKind = edge.relation.parse()?;
    if edge.key != edge.relation {
        return Err(format!("key '{}' differs from relation '{}'", edge.key, edge.relation));
    }
    if !(0.0..=1.0).contains(&edge.confidence) {
        return Err(format!("confidence {} is outside 0..1", edge.confidence));
    }
    let evidence = edge
        .evidence
        .into_iter()
        .map(|e| {
            if !(0.0..=1.0).contains(&e.confidence) {
                return Err(format!("confidence {} is outside 0..1", e.confidence));
            }
            let sentence = SourceSentence::new(
                shared.document(&e.document)?,
                u32::try_from(e.sentence).map_err(|_| format!("sentence {} is beyond 2^32", e.sentence))?,
                span(e.start, e.end, e.char_start, e.char_end)?,
                &e.text,
            );
            Ok(Evidence::new(shared.sentence(sentence), shared.findings.get(&e.rule, e.confidence)))
        })
        .collect::<Result<Vec<_>, String>>()?;
    if let Some(date) = edge.date.as_deref().filter(|date| !is_iso_date_prefix(date)) {
        return Err(format!("date '{date}' is not an ISO 8601 prefix such as 2015, 2023-07, 2025-01-20 or --01-20"));
    }
    let attributes =
        Attributes { date: edge.date, role: edge.role, former: edge.former, topic: edge.topic, quote: edge.quote };
    Ok((EntityId::parse(&edge.source)?, EntityId::parse(&edge.target)?, Relation::stated(kind, attributes, evidence)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::TextSpan;

    /// Thousands of entities and relations, one entity mentioned ten
    /// thousand times: parts of every kind.
    fn large_graph() -> KnowledgeGraph {
        let mut graph = KnowledgeGraph::new();
        let document = graph.add_entity(Entity::new(EntityKind::Document, "doc \"1\"")).clone();
        let mut findings = Findings::default();
        let mut ids = Vec::new();
        for n in 0..3000usize {
            let mut entity = Entity::new([EntityKind::Person, EntityKind::Place][n % 2], &format!("Name {n} „ö“\t"));
            for m in 0..if n == 7 { 10_000 } else { 1 + n % 5 } {
                let text = format!("Näme {m}");
                let span = TextSpan::new(m, m + text.len(), m, m + text.chars().count()).unwrap();
                entity.mentions.push(Mention::new(document.clone(), span, text.into()).unwrap());
            }
            ids.push(graph.add_entity(entity).clone());
        }
        for n in 0..2000 {
            let span = TextSpan::new(n, n + 4, n, n + 4).unwrap();
            let text = &format!("Satz {n}\n„zitiert“");
            let sentence = Arc::new(SourceSentence::new(document.clone(), n as u32, span, text));
            let evidence = Evidence::new(sentence, findings.get("rule/x", 0.25 + (n % 7) as f64 / 10.0));
            let relation = Relation::stated(RelationKind::WorksAt, Attributes::default(), vec![evidence]);
            graph.add_relation(&ids[n * 7 % 3000], &ids[(n * 13 + 1) % 3000], relation).unwrap();
        }
        graph
    }

    #[test]
    fn json_written_in_parts_is_the_graph_pretty_printed_in_one_piece() {
        let graph = large_graph();
        let options = ExportOptions::default();
        let mut expected = Vec::new();
        let formatter = serde_json::ser::PrettyFormatter::with_indent(b" ");
        graph_out(&graph, &options)
            .serialize(&mut serde_json::Serializer::with_formatter(&mut expected, formatter))
            .unwrap();
        expected.push(b'\n');
        // From outside the pool, parts are rendered on it; on a thread of
        // the pool, in order on that thread.
        let pool = rayon::ThreadPoolBuilder::new().num_threads(2).build().unwrap();
        for inside in [false, true] {
            let write = || {
                let mut written = Vec::new();
                write_json(&graph, &options, &mut written).map(|()| written)
            };
            let written = if inside { pool.install(write) } else { write() }.unwrap();
            assert!(written == expected, "the JSON written in parts differs from serde_json's (inside: {inside})");
        }
    }
}
