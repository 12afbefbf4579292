//! RDF exports. Triples stream from the graph straight into the oxigraph
//! serializers; no RDF syntax is written here.
//!
//! The modelling is described in `schema/README.md`: one direct triple per
//! relation, a reified statement carrying its attributes, one evidence node
//! per supporting sentence (NIF offsets), one NIF phrase per mention.

use rustc_hash::FxHashMap as HashMap;
use std::io::{self, Write};

use oxrdf::vocab::{rdf, rdfs, xsd};
use std::borrow::Cow;

use oxrdf::{GraphName, Literal, LiteralRef, NamedNode, NamedNodeRef, QuadRef, TermRef};
use oxrdfio::{RdfFormat, RdfSerializer};

use super::{remove_xml_forbidden, ExportOptions};
use crate::graph::{stable_hash, Entity, EntityId, Evidence, KnowledgeGraph, MentionRef, RelationRef};
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
    let mut iris = HashMap::with_capacity_and_hasher(graph.entity_count(), Default::default());
    for entity in graph.entities() {
        iris.insert(&entity.id, NamedNode::new(entity.id.iri(&options.base)).map_err(invalid_data)?);
    }
    let mut emitter = Emitter { sink: &mut sink, graph_name: GraphName::DefaultGraph };
    for entity in graph.entities() {
        emitter.graph_name = GraphName::DefaultGraph;
        emit_entity(&mut emitter, &terms, entity, &iris[&entity.id])?;
        for mention in &entity.mentions {
            let document = iris.get(mention.document).ok_or_else(|| unknown_document(mention.document))?;
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

/// Hands quads to the sink, all in the current graph, borrowing every term
/// so that no IRI is copied per statement.
struct Emitter<'s, F> {
    sink: &'s mut F,
    graph_name: GraphName,
}

impl<F: FnMut(QuadRef<'_>) -> io::Result<()>> Emitter<'_, F> {
    fn emit<'a>(
        &mut self,
        subject: &'a NamedNode,
        predicate: &'a NamedNode,
        object: impl Into<TermRef<'a>>,
    ) -> io::Result<()> {
        let object: TermRef<'a> = object.into();
        let quad = QuadRef {
            subject: subject.into(),
            predicate: predicate.as_ref(),
            object,
            graph_name: self.graph_name.as_ref(),
        };
        (self.sink)(quad)
    }

    /// A string literal, language-tagged when `lang` is given; characters XML
    /// 1.0 forbids are dropped so that every syntax carries the same triples.
    fn text(&mut self, subject: &NamedNode, predicate: &NamedNode, value: &str, lang: Option<&str>) -> io::Result<()> {
        let value: Cow<'_, str> = remove_xml_forbidden(value);
        let literal = match lang {
            Some(lang) => LiteralRef::new_language_tagged_literal_unchecked(&value, lang),
            None => LiteralRef::new_simple_literal(&value),
        };
        self.emit(subject, predicate, literal)
    }

    fn integer(&mut self, subject: &NamedNode, predicate: &NamedNode, value: usize) -> io::Result<()> {
        let value = value.to_string();
        self.emit(subject, predicate, LiteralRef::new_typed_literal(&value, xsd::NON_NEGATIVE_INTEGER))
    }

    fn double(&mut self, subject: &NamedNode, predicate: &NamedNode, value: f64) -> io::Result<()> {
        let value = format!("{value:?}");
        self.emit(subject, predicate, LiteralRef::new_typed_literal(&value, xsd::DOUBLE))
    }
}

/// `lang` when it is a valid BCP 47 tag; otherwise labels go out untagged.
fn valid_lang(lang: Option<&str>) -> Option<&str> {
    lang.filter(|lang| Literal::new_language_tagged_literal("", *lang).is_ok())
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
        _ => return Literal::new_simple_literal(remove_xml_forbidden(date)),
    };
    Literal::new_typed_literal(date, datatype)
}

fn emit_entity<F: FnMut(QuadRef<'_>) -> io::Result<()>>(
    emitter: &mut Emitter<'_, F>,
    terms: &Terms,
    entity: &Entity,
    iri: &NamedNode,
) -> io::Result<()> {
    let lang = valid_lang(entity.lang.as_deref());
    emitter.emit(iri, &terms.type_, NamedNodeRef::new_unchecked(vocab::class_iri(entity.kind)))?;
    emitter.text(iri, &terms.label, &entity.label, lang)?;
    for alias in &entity.aliases {
        emitter.text(iri, &terms.alt_label, alias, lang)?;
    }
    if let Some(description) = &entity.description {
        emitter.text(iri, &terms.description, description, lang)?;
    }
    let Some(source) = &entity.source else { return Ok(()) };
    if let Some(lang) = lang {
        emitter.text(iri, &terms.in_language, lang, None)?;
    }
    if let Some(path) = &source.path {
        emitter.text(iri, &terms.source_path, path, None)?;
    }
    if let Some(date) = &source.date {
        emitter.emit(iri, &terms.date_published, &date_literal(date))?;
    }
    if let Some(url) = &source.url {
        match NamedNode::new(url.clone()) {
            Ok(url) => emitter.emit(iri, &terms.url, &url)?,
            Err(_) => emitter.text(iri, &terms.url, url, None)?,
        }
    }
    Ok(())
}

fn emit_mention<F: FnMut(QuadRef<'_>) -> io::Result<()>>(
    emitter: &mut Emitter<'_, F>,
    terms: &Terms,
    mention: MentionRef<'_>,
    document: &NamedNode,
    entity: &NamedNode,
) -> io::Result<()> {
    let span = mention.span();
    let phrase = NamedNode::new_unchecked(phrase_iri(document.as_str(), span.char_start(), span.char_end()));
    emitter.emit(&phrase, &terms.type_, &terms.phrase)?;
    emitter.emit(&phrase, &terms.reference_context, document)?;
    emitter.integer(&phrase, &terms.begin_index, span.char_start())?;
    emitter.integer(&phrase, &terms.end_index, span.char_end())?;
    emitter.text(&phrase, &terms.anchor_of, mention.text, None)?;
    emitter.emit(&phrase, &terms.ta_ident_ref, entity)
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
        evidence.sentence.document,
        evidence.sentence.span.start(),
        evidence.sentence.span.end(),
        evidence.rule()
    );
    format!("{base}evidence/{:016x}", stable_hash(key.as_bytes()))
}

/// What every statement of one relation needs.
struct StatementContext<'r> {
    relation: &'r RelationRef<'r>,
    iri: NamedNode,
    predicate: NamedNode,
}

fn emit_relation<F: FnMut(QuadRef<'_>) -> io::Result<()>>(
    emitter: &mut Emitter<'_, F>,
    terms: &Terms,
    relation: &RelationRef<'_>,
    iris: &HashMap<&EntityId, NamedNode>,
    options: &ExportOptions,
    named_graphs: bool,
) -> io::Result<()> {
    let predicate = NamedNode::new(vocab::relation_iri(&relation.relation.kind)).map_err(invalid_data)?;
    let context =
        StatementContext { relation, iri: NamedNode::new_unchecked(statement_iri(&options.base, relation)), predicate };
    let mut documents: Vec<&EntityId> = relation.relation.evidence.iter().map(|e| &e.sentence.document).collect();
    documents.dedup();
    let document_iri = |document: &EntityId| iris.get(document).ok_or_else(|| unknown_document(document));
    if !named_graphs || documents.is_empty() {
        emitter.graph_name = GraphName::DefaultGraph;
        emit_statement(emitter, terms, &context, iris)?;
        for document in &documents {
            emitter.emit(&context.iri, &terms.derived_from, document_iri(document)?)?;
        }
        for evidence in &relation.relation.evidence {
            emit_evidence(emitter, terms, evidence, document_iri(&evidence.sentence.document)?, &context.iri, options)?;
        }
        return Ok(());
    }
    for document in documents {
        let document_iri = document_iri(document)?;
        emitter.graph_name = GraphName::NamedNode(document_iri.clone());
        emit_statement(emitter, terms, &context, iris)?;
        emitter.emit(&context.iri, &terms.derived_from, document_iri)?;
        for evidence in relation.relation.evidence.iter().filter(|e| &e.sentence.document == document) {
            emit_evidence(emitter, terms, evidence, document_iri, &context.iri, options)?;
        }
    }
    Ok(())
}

fn emit_statement<F: FnMut(QuadRef<'_>) -> io::Result<()>>(
    emitter: &mut Emitter<'_, F>,
    terms: &Terms,
    context: &StatementContext<'_>,
    iris: &HashMap<&EntityId, NamedNode>,
) -> io::Result<()> {
    let relation = context.relation;
    let (subject, object, statement) = (&iris[&relation.subject.id], &iris[&relation.object.id], &context.iri);
    emitter.emit(subject, &context.predicate, object)?;
    emitter.emit(statement, &terms.type_, &terms.statement)?;
    emitter.emit(statement, &terms.rdf_subject, subject)?;
    emitter.emit(statement, &terms.rdf_predicate, &context.predicate)?;
    emitter.emit(statement, &terms.rdf_object, object)?;
    let attributes = relation.relation.attributes();
    let lang = valid_lang(relation.subject.lang.as_deref());
    let [date, role, former, topic, quote] = &terms.attributes;
    if let Some(value) = attributes.date {
        emitter.emit(statement, date, &date_literal(value))?;
    }
    if let Some(value) = attributes.role {
        emitter.text(statement, role, value, lang)?;
    }
    if let Some(value) = attributes.former {
        emitter.emit(statement, former, &Literal::from(value))?;
    }
    if let Some(value) = attributes.topic {
        emitter.text(statement, topic, value, lang)?;
    }
    if let Some(value) = attributes.quote {
        emitter.text(statement, quote, value, lang)?;
    }
    if !relation.relation.evidence.is_empty() {
        emitter.double(statement, &terms.confidence, relation.relation.confidence())?;
    }
    Ok(())
}

fn emit_evidence<F: FnMut(QuadRef<'_>) -> io::Result<()>>(
    emitter: &mut Emitter<'_, F>,
    terms: &Terms,
    evidence: &Evidence,
    document: &NamedNode,
    statement: &NamedNode,
    options: &ExportOptions,
) -> io::Result<()> {
    let node = NamedNode::new_unchecked(evidence_iri(&options.base, statement.as_str(), evidence));
    emitter.emit(statement, &terms.evidence, &node)?;
    emitter.emit(&node, &terms.type_, &terms.evidence_class)?;
    emitter.emit(&node, &terms.derived_from, document)?;
    emitter.emit(&node, &terms.reference_context, document)?;
    emitter.integer(&node, &terms.begin_index, evidence.sentence.span.char_start())?;
    emitter.integer(&node, &terms.end_index, evidence.sentence.span.char_end())?;
    emitter.text(&node, &terms.anchor_of, &evidence.sentence.text()?, None)?;
    emitter.integer(&node, &terms.sentence_index, evidence.sentence.index as usize)?;
    emitter.text(&node, &terms.rule, evidence.rule(), None)?;
    emitter.double(&node, &terms.confidence, evidence.confidence())
}
