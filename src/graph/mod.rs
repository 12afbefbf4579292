//! The knowledge graph: a petgraph `StableDiGraph` of entities and relations,
//! with an index from entity id to node.

mod attributes;
mod evidence;
mod id;
mod mentions;
mod model;
mod spill;
mod view;

use std::hash::BuildHasher;
use std::sync::Arc;

use hashbrown::HashTable;
use rustc_hash::FxHashMap as HashMap;

use petgraph::stable_graph::{EdgeIndex, NodeIndex, StableDiGraph};
use petgraph::visit::{EdgeRef, IntoEdgeReferences};

pub use self::attributes::AttributesRef;
pub use self::evidence::{Evidence, Finding, Findings, SourceSentence};
pub use self::id::{slug, stable_hash, EntityId};
pub use self::mentions::{Mention, MentionRef, MentionText, Mentions};
pub use self::model::{Attributes, DocumentSource, Entity, EvidenceList, Relation, SharedTexts, TextSpan};
use self::spill::SentenceTexts;
pub use self::spill::SPILL_AFTER;
pub use self::view::View;
use crate::relations::RelationKind;

/// Entities and the relations between them. Nodes and edges iterate in the
/// order they were first added, which keeps exports deterministic.
#[derive(Debug, Clone, Default)]
pub struct KnowledgeGraph {
    graph: StableDiGraph<Entity, Relation>,
    index: HashMap<EntityId, NodeIndex>,
    /// The edge of each source, target and kind: a fact about a name that
    /// recurs in thousands of documents finds its relation here instead of
    /// walking all the edges of that name's node. It holds only the edge
    /// index, hashed by the edge's ends and kind read from the graph: a map
    /// with the key copied into it took 70 bytes per relation, this one 8.
    edges: HashTable<EdgeIndex>,
    /// One copy of each mention text: a name that recurs in thousands of
    /// documents is stored once.
    texts: SharedTexts,
    /// One copy of each language tag, for all the entities of that language.
    langs: SharedTexts<Arc<str>>,
    /// One copy of each rule and confidence for all the facts they found.
    findings: Findings,
    /// Sentence texts: the first `spill_after` bytes stay in memory, those
    /// merged in later go to a temporary file (see [`KnowledgeGraph::merge`]).
    sentences: SentenceTexts,
}

/// A relation whose end is not in the graph.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("relation refers to unknown entity '{0}'")]
pub struct UnknownEntity(pub EntityId);

/// One edge with both its ends.
#[derive(Debug, Clone, Copy)]
pub struct RelationRef<'a> {
    /// Where the edge starts.
    pub subject: &'a Entity,
    /// The edge.
    pub relation: &'a Relation,
    /// Where the edge ends.
    pub object: &'a Entity,
    /// Position among the graph's edges, from 0.
    pub position: usize,
    /// Index of the subject's node, as [`KnowledgeGraph::indexed_entities`] gives it.
    pub subject_node: usize,
    /// Index of the object's node.
    pub object_node: usize,
}

impl KnowledgeGraph {
    /// An empty graph.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds `entity`, or merges it into the entity with the same id.
    pub fn add_entity(&mut self, mut entity: Entity) -> &EntityId {
        entity.mentions.share_texts(&mut self.texts);
        if let Some(lang) = &mut entity.lang {
            *lang = self.langs.share(lang);
        }
        let node = match self.index.get(&entity.id) {
            Some(&node) => {
                self.graph[node].absorb(entity);
                node
            }
            None => {
                let id = entity.id.clone();
                let node = self.graph.add_node(entity);
                self.index.insert(id, node);
                node
            }
        };
        &self.graph[node].id
    }

    /// Adds a relation from `subject` to `object`, or merges it into the
    /// relation of the same kind between them. A symmetric relation is kept
    /// once, from the smaller id to the larger.
    pub fn add_relation(
        &mut self,
        subject: &EntityId,
        object: &EntityId,
        relation: Relation,
    ) -> Result<(), UnknownEntity> {
        let (mut source, mut target) = (self.node(subject)?, self.node(object)?);
        if relation.kind.is_symmetric() && subject > object {
            (source, target) = (target, source);
        }
        let hash = edge_hash(source, target, &relation.kind);
        let graph = &self.graph;
        let same = |&edge: &EdgeIndex| {
            graph.edge_endpoints(edge) == Some((source, target)) && graph[edge].kind == relation.kind
        };
        match self.edges.find(hash, same) {
            Some(&edge) => self.graph[edge].absorb(relation),
            None => {
                let mut relation = relation;
                relation.sort_evidence();
                let edge = self.graph.add_edge(source, target, relation);
                let graph = &self.graph;
                self.edges.insert_unique(hash, edge, |&edge| {
                    let (source, target) = graph.edge_endpoints(edge).expect("the table holds edges of the graph");
                    edge_hash(source, target, &graph[edge].kind)
                });
            }
        }
        Ok(())
    }

    /// Sentence text to keep in memory before the sentences of graphs merged
    /// in go to a temporary file ([`SPILL_AFTER`] unless set).
    pub fn spill_sentences_after(&mut self, bytes: usize) {
        self.sentences.spill_after = bytes;
    }

    /// Adds every entity and relation of `other`, in its order. Evidence
    /// sentences beyond the graph's share of memory move to its spill file;
    /// a sentence shared by several facts stays shared, and a rule with its
    /// confidence is kept once for the whole graph.
    pub fn merge(&mut self, other: KnowledgeGraph) {
        let KnowledgeGraph { mut graph, .. } = other;
        self.take_evidence(&mut graph);
        let edges: Vec<_> = graph.edge_indices().collect();
        let mut ends = Vec::with_capacity(edges.len());
        for edge in &edges {
            let (source, target) = graph.edge_endpoints(*edge).expect("edge index from this graph");
            ends.push((graph[source].id.clone(), graph[target].id.clone()));
        }
        let nodes: Vec<_> = graph.node_indices().collect();
        let mut relations = Vec::with_capacity(edges.len());
        for edge in edges {
            relations.push(graph.remove_edge(edge).expect("edge index from this graph"));
        }
        for node in nodes {
            self.add_entity(graph.remove_node(node).expect("node index from this graph"));
        }
        for ((subject, object), relation) in ends.into_iter().zip(relations) {
            self.add_relation(&subject, &object, relation).expect("both ends were just added");
        }
    }

    /// Points the evidence of `graph`, about to be merged in, at this
    /// graph's findings and at its sentences as this graph keeps them.
    fn take_evidence(&mut self, graph: &mut StableDiGraph<Entity, Relation>) {
        // By address, with the original held so that no address is reused.
        let mut kept: HashMap<*const SourceSentence, [Arc<SourceSentence>; 2]> = HashMap::default();
        for evidence in graph.edge_weights_mut().flat_map(|relation| relation.evidence.iter_mut()) {
            evidence.share_finding(&mut self.findings);
            let [_, sentence] = kept.entry(Arc::as_ptr(&evidence.sentence)).or_insert_with(|| {
                let sentence = &evidence.sentence;
                [sentence.clone(), self.sentences.keep(sentence)]
            });
            evidence.sentence = sentence.clone();
        }
    }

    /// The entity with `id`.
    pub fn entity(&self, id: &EntityId) -> Option<&Entity> {
        self.index.get(id).map(|&node| &self.graph[node])
    }

    /// Every entity, in the order first added.
    pub fn entities(&self) -> impl Iterator<Item = &Entity> + '_ {
        self.graph.node_indices().map(|node| &self.graph[node])
    }

    /// Every entity with the index of its node, which is below
    /// [`KnowledgeGraph::node_bound`]: for tables indexed by node.
    pub fn indexed_entities(&self) -> impl Iterator<Item = (usize, &Entity)> + '_ {
        self.graph.node_indices().map(|node| (node.index(), &self.graph[node]))
    }

    /// One more than the largest node index.
    pub fn node_bound(&self) -> usize {
        self.graph.node_indices().next_back().map_or(0, |node| node.index() + 1)
    }

    /// Every relation with its ends, in the order first added.
    pub fn relations(&self) -> impl Iterator<Item = RelationRef<'_>> + '_ {
        self.graph.edge_references().enumerate().map(|(position, edge)| RelationRef {
            subject: &self.graph[edge.source()],
            relation: edge.weight(),
            object: &self.graph[edge.target()],
            position,
            subject_node: edge.source().index(),
            object_node: edge.target().index(),
        })
    }

    /// Number of entities, documents included.
    pub fn entity_count(&self) -> usize {
        self.graph.node_count()
    }

    /// Number of relations.
    pub fn relation_count(&self) -> usize {
        self.graph.edge_count()
    }

    /// The underlying petgraph graph, for graph algorithms.
    pub fn petgraph(&self) -> &StableDiGraph<Entity, Relation> {
        &self.graph
    }

    fn node(&self, id: &EntityId) -> Result<NodeIndex, UnknownEntity> {
        self.index.get(id).copied().ok_or_else(|| UnknownEntity(id.clone()))
    }
}

/// The hash of the edge from `source` to `target` of `kind`.
fn edge_hash(source: NodeIndex, target: NodeIndex, kind: &RelationKind) -> u64 {
    rustc_hash::FxBuildHasher.hash_one((source, target, kind))
}

#[cfg(test)]
mod tests;
