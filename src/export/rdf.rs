//! RDF exports. Triples stream from the graph straight into the oxigraph
//! serializers; no RDF syntax is written here.
//!
//! The modelling is described in `schema/README.md`: one direct triple per
//! relation, a reified statement carrying its attributes, one evidence node
//! per supporting sentence (NIF offsets), one NIF phrase per mention.

use std::collections::HashMap;
use std::io::{self, Write};

use oxrdf::vocab::{rdf, rdfs, xsd};
use oxrdf::{GraphName, Literal, NamedNode, NamedNodeRef, Quad, QuadRef, Term};
use oxrdfio::{RdfFormat, RdfSerializer};

use super::{remove_xml_forbidden, ExportOptions};
use crate::graph::{stable_hash, Entity, EntityId, Evidence, KnowledgeGraph, Mention, RelationRef};
use crate::vocab::{self, property};

/// The RDF syntaxes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RdfSyntax {
    /// Turtle.
    Turtle,
    /// N-Triples.
    NTriples,
    /// N-Quads.
    NQuads,
    /// TriG.
    TriG,
    /// RDF/XML.
    RdfXml,
    /// JSON-LD.
    JsonLd,
}

impl RdfSyntax {
    /// The oxrdfio format.
    pub fn format(self) -> RdfFormat {
        match self {
            RdfSyntax::Turtle => RdfFormat::Turtle,
            RdfSyntax::NTriples => RdfFormat::NTriples,
            RdfSyntax::NQuads => RdfFormat::NQuads,
            RdfSyntax::TriG => RdfFormat::TriG,
            RdfSyntax::RdfXml => RdfFormat::RdfXml,
            RdfSyntax::JsonLd => RdfFormat::JsonLd { profile: oxjsonld_profile() },
        }
    }

    /// Whether the syntax has named graphs, so that each document's
    /// statements go into a graph named by the document.
    pub fn has_named_graphs(self) -> bool {
        matches!(self, RdfSyntax::NQuads | RdfSyntax::TriG | RdfSyntax::JsonLd)
    }
}

fn oxjsonld_profile() -> oxrdfio::JsonLdProfileSet {
    oxrdfio::JsonLdProfileSet::empty()
}

/// Writes `graph` as RDF in `syntax`.
pub fn write_rdf(
    graph: &KnowledgeGraph,
    syntax: RdfSyntax,
    options: &ExportOptions,
    writer: impl Write,
) -> io::Result<()> {
    let mut serializer = RdfSerializer::from_format(syntax.format());
    if !matches!(syntax, RdfSyntax::NTriples | RdfSyntax::NQuads) {
        for (prefix, iri) in vocab::PREFIXES {
            serializer = serializer.with_prefix(prefix, iri).map_err(invalid_data)?;
        }
    }
    let mut serializer = serializer.for_writer(writer);
    for_each_quad(graph, options, syntax.has_named_graphs(), |quad| serializer.serialize_quad(quad))?;
    serializer.finish()?;
    Ok(())
}

fn invalid_data(error: impl std::error::Error + Send + Sync + 'static) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, error)
}

/// Calls `sink` with every quad of the RDF form of `graph`, in a fixed order.
/// With `named_graphs`, each document's mentions and statements are put in
/// the graph named by the document; otherwise everything is in the default
/// graph and written once.
pub fn for_each_quad(
    graph: &KnowledgeGraph,
    options: &ExportOptions,
    named_graphs: bool,
    mut sink: impl FnMut(QuadRef<'_>) -> io::Result<()>,
) -> io::Result<()> {
    let terms = Terms::new();
    let mut iris = HashMap::with_capacity(graph.entity_count());
    for entity in graph.entities() {
        iris.insert(&entity.id, NamedNode::new(entity.id.iri(&options.base)).map_err(invalid_data)?);
    }
    let mut emitter = Emitter { sink: &mut sink, graph_name: GraphName::DefaultGraph };
    for entity in graph.entities() {
        emitter.graph_name = GraphName::DefaultGraph;
        emit_entity(&mut emitter, &terms, entity, &iris[&entity.id])?;
        for mention in &entity.mentions {
            let document = iris.get(&mention.document).ok_or_else(|| unknown_document(&mention.document))?;
            emitter.graph_name = graph_name(named_graphs, document);
            emit_mention(&mut emitter, &terms, mention, document, &iris[&entity.id])?;
        }
    }
    for relation in graph.relations() {
        emit_relation(&mut emitter, &terms, &relation, &iris, options, named_graphs)?;
    }
    Ok(())
}

fn unknown_document(id: &EntityId) -> io::Error {
    invalid_data(crate::graph::UnknownEntity(id.clone()))
}

fn graph_name(named_graphs: bool, document: &NamedNode) -> GraphName {
    if named_graphs {
        GraphName::NamedNode(document.clone())
    } else {
        GraphName::DefaultGraph
    }
}

/// The fixed IRIs, built once.
struct Terms {
    type_: NamedNode,
    label: NamedNode,
    alt_label: NamedNode,
    description: NamedNode,
    in_language: NamedNode,
    date_published: NamedNode,
    url: NamedNode,
    source_path: NamedNode,
    phrase: NamedNode,
    reference_context: NamedNode,
    begin_index: NamedNode,
    end_index: NamedNode,
    anchor_of: NamedNode,
    ta_ident_ref: NamedNode,
    statement: NamedNode,
    rdf_subject: NamedNode,
    rdf_predicate: NamedNode,
    rdf_object: NamedNode,
    derived_from: NamedNode,
    evidence_class: NamedNode,
    evidence: NamedNode,
    rule: NamedNode,
    confidence: NamedNode,
    sentence_index: NamedNode,
    attributes: [NamedNode; 5],
}

impl Terms {
    fn new() -> Self {
        let iri = |namespace: &str, local: &str| NamedNode::new_unchecked(format!("{namespace}{local}"));
        let kgex = |local: &str| NamedNode::new_unchecked(vocab::kgex(local));
        Self {
            type_: rdf::TYPE.into_owned(),
            label: rdfs::LABEL.into_owned(),
            alt_label: iri(vocab::SKOS, "altLabel"),
            description: iri(vocab::SCHEMA, "description"),
            in_language: iri(vocab::SCHEMA, "inLanguage"),
            date_published: iri(vocab::SCHEMA, "datePublished"),
            url: iri(vocab::SCHEMA, "url"),
            source_path: kgex(property::SOURCE_PATH),
            phrase: iri(vocab::NIF, "Phrase"),
            reference_context: iri(vocab::NIF, "referenceContext"),
            begin_index: iri(vocab::NIF, "beginIndex"),
            end_index: iri(vocab::NIF, "endIndex"),
            anchor_of: iri(vocab::NIF, "anchorOf"),
            ta_ident_ref: iri(vocab::ITSRDF, "taIdentRef"),
            statement: rdf::STATEMENT.into_owned(),
            rdf_subject: rdf::SUBJECT.into_owned(),
            rdf_predicate: rdf::PREDICATE.into_owned(),
            rdf_object: rdf::OBJECT.into_owned(),
            derived_from: iri(vocab::PROV, "wasDerivedFrom"),
            evidence_class: kgex(vocab::class::EVIDENCE),
            evidence: kgex(property::EVIDENCE),
            rule: kgex(property::RULE),
            confidence: kgex(property::CONFIDENCE),
            sentence_index: kgex(property::SENTENCE_INDEX),
            attributes: [property::DATE, property::ROLE, property::FORMER, property::TOPIC, property::QUOTE].map(kgex),
        }
    }
}

/// Hands quads to the sink, all in the current graph.
struct Emitter<'s, F> {
    sink: &'s mut F,
    graph_name: GraphName,
}

impl<F: FnMut(QuadRef<'_>) -> io::Result<()>> Emitter<'_, F> {
    fn emit(&mut self, subject: &NamedNode, predicate: &NamedNode, object: impl Into<Term>) -> io::Result<()> {
        let quad = Quad::new(subject.clone(), predicate.clone(), object, self.graph_name.clone());
        (self.sink)(quad.as_ref())
    }
}

/// A string literal with the language tag when there is one; characters
/// XML 1.0 forbids are dropped so that every syntax carries the same triples.
fn text_literal(value: &str, lang: Option<&str>) -> Literal {
    let value = remove_xml_forbidden(value).into_owned();
    match lang.and_then(|lang| Literal::new_language_tagged_literal(value.clone(), lang).ok()) {
        Some(literal) => literal,
        None => Literal::new_simple_literal(value),
    }
}

fn integer(value: usize) -> Literal {
    Literal::new_typed_literal(value.to_string(), xsd::NON_NEGATIVE_INTEGER)
}

fn double(value: f64) -> Literal {
    Literal::new_typed_literal(format!("{value:?}"), xsd::DOUBLE)
}

/// A date literal typed by its shape: `2015` gYear, `2023-07` gYearMonth,
/// `--01-20` gMonthDay, `2025-01-20` date; anything else a plain string.
pub fn date_literal(date: &str) -> Literal {
    let shape: String = date.chars().map(|c| if c.is_ascii_digit() { '9' } else { c }).collect();
    let datatype: NamedNodeRef<'_> = match shape.as_str() {
        "9999" => xsd::G_YEAR,
        "9999-99" => xsd::G_YEAR_MONTH,
        "--99-99" => xsd::G_MONTH_DAY,
        "9999-99-99" => xsd::DATE,
        _ => return text_literal(date, None),
    };
    Literal::new_typed_literal(date, datatype)
}

fn emit_entity<F: FnMut(QuadRef<'_>) -> io::Result<()>>(
    emitter: &mut Emitter<'_, F>,
    terms: &Terms,
    entity: &Entity,
    iri: &NamedNode,
) -> io::Result<()> {
    let lang = entity.lang.as_deref();
    emitter.emit(iri, &terms.type_, NamedNode::new_unchecked(vocab::class_iri(entity.kind)))?;
    emitter.emit(iri, &terms.label, text_literal(&entity.label, lang))?;
    for alias in &entity.aliases {
        emitter.emit(iri, &terms.alt_label, text_literal(alias, lang))?;
    }
    if let Some(description) = &entity.description {
        emitter.emit(iri, &terms.description, text_literal(description, lang))?;
    }
    if let Some(lang) = lang.filter(|_| entity.source.is_some()) {
        emitter.emit(iri, &terms.in_language, text_literal(lang, None))?;
    }
    if let Some(source) = &entity.source {
        if let Some(path) = &source.path {
            emitter.emit(iri, &terms.source_path, text_literal(path, None))?;
        }
        if let Some(date) = &source.date {
            emitter.emit(iri, &terms.date_published, date_literal(date))?;
        }
        if let Some(url) = &source.url {
            match NamedNode::new(url.clone()) {
                Ok(url) => emitter.emit(iri, &terms.url, url)?,
                Err(_) => emitter.emit(iri, &terms.url, text_literal(url, None))?,
            }
        }
    }
    Ok(())
}

fn emit_mention<F: FnMut(QuadRef<'_>) -> io::Result<()>>(
    emitter: &mut Emitter<'_, F>,
    terms: &Terms,
    mention: &Mention,
    document: &NamedNode,
    entity: &NamedNode,
) -> io::Result<()> {
    let phrase =
        NamedNode::new_unchecked(phrase_iri(document.as_str(), mention.span.char_start, mention.span.char_end));
    emitter.emit(&phrase, &terms.type_, terms.phrase.clone())?;
    emitter.emit(&phrase, &terms.reference_context, document.clone())?;
    emitter.emit(&phrase, &terms.begin_index, integer(mention.span.char_start))?;
    emitter.emit(&phrase, &terms.end_index, integer(mention.span.char_end))?;
    emitter.emit(&phrase, &terms.anchor_of, text_literal(&mention.text, None))?;
    emitter.emit(&phrase, &terms.ta_ident_ref, entity.clone())
}

/// The IRI of a text span: NIF's RFC 5147 fragment `{document}#char=b,e`, or
/// `{document}/char=b,e` when the document IRI already has a fragment (a
/// base ending in `#`), since an IRI has at most one.
pub fn phrase_iri(document: &str, char_start: usize, char_end: usize) -> String {
    let separator = if document.contains('#') { "/" } else { "#" };
    format!("{document}{separator}char={char_start},{char_end}")
}

/// The IRI of the statement node of a relation: a hash of its ends and kind,
/// so that the same fact gets the same IRI in every run.
pub fn statement_iri(base: &str, relation: &RelationRef<'_>) -> String {
    let key = format!("{}\u{0}{}\u{0}{}", relation.subject.id, relation.relation.kind, relation.object.id);
    format!("{base}statement/{:016x}", stable_hash(key.as_bytes()))
}

fn evidence_iri(base: &str, statement: &str, evidence: &Evidence) -> String {
    let key = format!(
        "{statement}\u{0}{}\u{0}{}\u{0}{}\u{0}{}",
        evidence.document, evidence.span.start, evidence.span.end, evidence.rule
    );
    format!("{base}evidence/{:016x}", stable_hash(key.as_bytes()))
}

fn emit_relation<F: FnMut(QuadRef<'_>) -> io::Result<()>>(
    emitter: &mut Emitter<'_, F>,
    terms: &Terms,
    relation: &RelationRef<'_>,
    iris: &HashMap<&EntityId, NamedNode>,
    options: &ExportOptions,
    named_graphs: bool,
) -> io::Result<()> {
    let statement = NamedNode::new_unchecked(statement_iri(&options.base, relation));
    let mut documents: Vec<&EntityId> = relation.relation.evidence.iter().map(|e| &e.document).collect();
    documents.dedup();
    if !named_graphs || documents.is_empty() {
        emitter.graph_name = GraphName::DefaultGraph;
        emit_statement(emitter, terms, relation, iris, &statement)?;
        for document in &documents {
            let document_iri = iris.get(*document).ok_or_else(|| unknown_document(document))?;
            emitter.emit(&statement, &terms.derived_from, document_iri.clone())?;
        }
        for evidence in &relation.relation.evidence {
            emit_evidence(emitter, terms, evidence, iris, &statement, options)?;
        }
        return Ok(());
    }
    for document in documents {
        let document_iri = iris.get(document).ok_or_else(|| unknown_document(document))?;
        emitter.graph_name = GraphName::NamedNode(document_iri.clone());
        emit_statement(emitter, terms, relation, iris, &statement)?;
        emitter.emit(&statement, &terms.derived_from, document_iri.clone())?;
        for evidence in relation.relation.evidence.iter().filter(|e| &e.document == document) {
            emit_evidence(emitter, terms, evidence, iris, &statement, options)?;
        }
    }
    Ok(())
}

fn emit_statement<F: FnMut(QuadRef<'_>) -> io::Result<()>>(
    emitter: &mut Emitter<'_, F>,
    terms: &Terms,
    relation: &RelationRef<'_>,
    iris: &HashMap<&EntityId, NamedNode>,
    statement: &NamedNode,
) -> io::Result<()> {
    let (subject, object) = (&iris[&relation.subject.id], &iris[&relation.object.id]);
    let predicate = NamedNode::new(vocab::relation_iri(&relation.relation.kind)).map_err(invalid_data)?;
    emitter.emit(subject, &predicate, object.clone())?;
    emitter.emit(statement, &terms.type_, terms.statement.clone())?;
    emitter.emit(statement, &terms.rdf_subject, subject.clone())?;
    emitter.emit(statement, &terms.rdf_predicate, predicate)?;
    emitter.emit(statement, &terms.rdf_object, object.clone())?;
    let attributes = &relation.relation.attributes;
    let lang = relation.subject.lang.as_deref();
    let values = [
        attributes.date.as_deref().map(date_literal),
        attributes.role.as_deref().map(|role| text_literal(role, lang)),
        attributes.former.map(Literal::from),
        attributes.topic.as_deref().map(|topic| text_literal(topic, lang)),
        attributes.quote.as_deref().map(|quote| text_literal(quote, lang)),
    ];
    for (predicate, value) in terms.attributes.iter().zip(values) {
        if let Some(value) = value {
            emitter.emit(statement, predicate, value)?;
        }
    }
    if !relation.relation.evidence.is_empty() {
        emitter.emit(statement, &terms.confidence, double(relation.relation.confidence()))?;
    }
    Ok(())
}

fn emit_evidence<F: FnMut(QuadRef<'_>) -> io::Result<()>>(
    emitter: &mut Emitter<'_, F>,
    terms: &Terms,
    evidence: &Evidence,
    iris: &HashMap<&EntityId, NamedNode>,
    statement: &NamedNode,
    options: &ExportOptions,
) -> io::Result<()> {
    let document = iris.get(&evidence.document).ok_or_else(|| unknown_document(&evidence.document))?;
    let node = NamedNode::new_unchecked(evidence_iri(&options.base, statement.as_str(), evidence));
    emitter.emit(statement, &terms.evidence, node.clone())?;
    emitter.emit(&node, &terms.type_, terms.evidence_class.clone())?;
    emitter.emit(&node, &terms.derived_from, document.clone())?;
    emitter.emit(&node, &terms.reference_context, document.clone())?;
    emitter.emit(&node, &terms.begin_index, integer(evidence.span.char_start))?;
    emitter.emit(&node, &terms.end_index, integer(evidence.span.char_end))?;
    emitter.emit(&node, &terms.anchor_of, text_literal(&evidence.text, None))?;
    emitter.emit(&node, &terms.sentence_index, integer(evidence.sentence))?;
    emitter.emit(&node, &terms.rule, text_literal(&evidence.rule, None))?;
    emitter.emit(&node, &terms.confidence, double(evidence.confidence))
}
