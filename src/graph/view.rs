//! Views: the readable part of a large graph, cut before any format is
//! written: the neighbourhood of one entity, some relations or kinds, the
//! entities mentioned often enough, the most connected ones.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::{Entity, KnowledgeGraph};
use crate::entities::EntityKind;
use crate::relations::RelationKind;

/// What part of a graph to keep; the default keeps everything.
#[derive(Debug, Clone, Default)]
pub struct View {
    /// Keep only what is within `depth` relations of this entity: its label,
    /// an alias, its id or its IRI.
    pub around: Option<String>,
    /// How many relations away from `around` (1 when not given).
    pub depth: Option<usize>,
    /// Keep only relations of these kinds (all when empty).
    pub relations: Vec<RelationKind>,
    /// Keep only entities of these kinds (all when empty); documents stay
    /// when a kept relation ends in them or quotes them as evidence.
    pub kinds: Vec<EntityKind>,
    /// Keep only entities mentioned at least this often.
    pub min_mentions: usize,
    /// Keep only the this many entities with the most kept relations.
    pub top: Option<usize>,
}

impl View {
    /// Whether the view keeps the whole graph.
    pub fn is_whole(&self) -> bool {
        self.around.is_none()
            && self.relations.is_empty()
            && self.kinds.is_empty()
            && self.min_mentions == 0
            && self.top.is_none()
    }

    /// The part of `graph` the view keeps, entities and relations in their
    /// order; an `around` that names no entity is an error saying so.
    pub fn apply(&self, graph: &KnowledgeGraph, base: &str) -> Result<KnowledgeGraph, String> {
        let passes = |e: &Entity| {
            e.kind != EntityKind::Document
                && (self.kinds.is_empty() || self.kinds.contains(&e.kind))
                && e.mentions.len() >= self.min_mentions
        };
        let mut kept: HashSet<usize> = graph.indexed_entities().filter(|(_, e)| passes(e)).map(|(n, _)| n).collect();
        let is_document = |n: usize| entity_at(graph, n).kind == EntityKind::Document;
        let edges = |kept: &HashSet<usize>| -> Vec<(usize, usize)> {
            graph
                .relations()
                .filter(|r| self.relations.is_empty() || self.relations.contains(&r.relation.kind))
                .filter(|r| {
                    (kept.contains(&r.subject_node) || is_document(r.subject_node))
                        && (kept.contains(&r.object_node) || is_document(r.object_node))
                })
                .map(|r| (r.subject_node, r.object_node))
                .collect()
        };
        if let Some(top) = self.top {
            let mut degree: HashMap<usize, usize> = HashMap::default();
            for (s, o) in edges(&kept) {
                *degree.entry(s).or_default() += 1;
                *degree.entry(o).or_default() += 1;
            }
            let mut ranked: Vec<usize> = kept.iter().copied().collect();
            ranked.sort_by_key(|n| (std::cmp::Reverse(degree.get(n).copied().unwrap_or(0)), *n));
            kept = ranked.into_iter().take(top).collect();
        }
        if let Some(name) = &self.around {
            let start = find(graph, name, base).ok_or_else(|| format!("--around: no entity named '{name}'"))?;
            kept.insert(start);
            kept = neighbourhood(start, self.depth.unwrap_or(1), &edges(&kept));
            kept.retain(|&n| !is_document(n));
        }
        Ok(subgraph(graph, &kept, &self.relations))
    }
}

fn entity_at(graph: &KnowledgeGraph, node: usize) -> &Entity {
    &graph.petgraph()[petgraph::stable_graph::NodeIndex::new(node)]
}

/// The node of the entity `name` names: id, IRI, label or alias, in that
/// order, case folded for labels and aliases; else the most mentioned entity
/// whose label holds every word of the name.
fn find(graph: &KnowledgeGraph, name: &str, base: &str) -> Option<usize> {
    let folded = name.to_lowercase();
    let entities: Vec<(usize, &Entity)> =
        graph.indexed_entities().filter(|(_, e)| e.kind != EntityKind::Document).collect();
    let exact = entities.iter().find(|(_, e)| e.id.as_str() == name || e.id.iri(base) == name);
    let named = || {
        entities
            .iter()
            .find(|(_, e)| e.label.to_lowercase() == folded || e.aliases.iter().any(|a| a.to_lowercase() == folded))
    };
    // `Merkel` for `Angela Merkel`: every word of the name is a word of the
    // label; the most mentioned such entity.
    let words: Vec<&str> = folded.split_whitespace().collect();
    let partly = || {
        let fits = |e: &&(usize, &Entity)| {
            let label = e.1.label.to_lowercase();
            let label_words: Vec<&str> = label.split_whitespace().collect();
            !words.is_empty() && words.iter().all(|w| label_words.contains(w))
        };
        entities.iter().filter(fits).max_by_key(|(n, e)| (e.mentions.len(), std::cmp::Reverse(*n)))
    };
    exact.or_else(named).or_else(partly).map(|(n, _)| *n)
}

/// The nodes within `depth` edges of `start`, edges read both ways.
fn neighbourhood(start: usize, depth: usize, edges: &[(usize, usize)]) -> HashSet<usize> {
    let mut reached: HashSet<usize> = HashSet::from_iter([start]);
    let mut frontier = vec![start];
    for _ in 0..depth {
        let mut next = Vec::new();
        for &(s, o) in edges {
            for (from, to) in [(s, o), (o, s)] {
                if frontier.contains(&from) && reached.insert(to) {
                    next.push(to);
                }
            }
        }
        frontier = next;
    }
    reached
}

/// The kept entities, the documents their relations end in or quote as
/// evidence, and the relations (of the chosen kinds) between what is kept;
/// entities keep their mentions in those documents only, since a document
/// that is merely mentioned would clutter a drawing.
fn subgraph(graph: &KnowledgeGraph, kept: &HashSet<usize>, kinds: &[RelationKind]) -> KnowledgeGraph {
    let relation_fits = |kind: &RelationKind| kinds.is_empty() || kinds.contains(kind);
    let mut documents: HashSet<&str> = HashSet::default();
    let relations: Vec<_> = graph
        .relations()
        .filter(|r| relation_fits(&r.relation.kind))
        .filter(|r| {
            let end = |n: usize, e: &Entity| kept.contains(&n) || e.kind == EntityKind::Document;
            end(r.subject_node, r.subject)
                && end(r.object_node, r.object)
                && (kept.contains(&r.subject_node) || kept.contains(&r.object_node))
        })
        .collect();
    for r in &relations {
        for end in [r.subject, r.object] {
            if end.kind == EntityKind::Document {
                documents.insert(end.id.as_str());
            }
        }
        // The documents a relation's evidence quotes are named in its RDF.
        documents.extend(r.relation.evidence.iter().map(|e| e.sentence.document.as_str()));
    }
    let mut view = KnowledgeGraph::new();
    for (n, entity) in graph.indexed_entities() {
        if kept.contains(&n) {
            // Mentions in the documents the view keeps.
            let mut entity = entity.clone();
            entity.mentions.retain(|m| documents.contains(m.document.as_str()));
            view.add_entity(entity);
        } else if entity.kind == EntityKind::Document && documents.contains(entity.id.as_str()) {
            view.add_entity(entity.clone());
        }
    }
    for r in relations {
        view.add_relation(&r.subject.id, &r.object.id, r.relation.clone()).expect("both ends are kept");
    }
    view
}
