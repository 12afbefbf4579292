//! Graphs of short texts and the relations in them, for the tests of
//! single constructions.

/// The graph of one text, extracted with the default settings.
pub fn graph_of(text: &str, language: kgex::Language) -> kgex::KnowledgeGraph {
    let document = kgex::Document::from_text("text", text, language);
    kgex::pipeline::extract(&document, &kgex::pipeline::Settings::default()).graph
}

/// The (label, kind) of every entity of a graph, after checking that each
/// of `expected` is among them.
pub fn entities_with(
    graph: &kgex::KnowledgeGraph,
    expected: &[(&str, kgex::EntityKind)],
) -> Vec<(String, kgex::EntityKind)> {
    let entities: Vec<(String, kgex::EntityKind)> = graph.entities().map(|e| (e.label.clone(), e.kind)).collect();
    for &(name, kind) in expected {
        assert!(entities.contains(&(name.to_owned(), kind)), "{name} missing: {entities:?}");
    }
    entities
}

/// The (subject, object) labels of a graph's relations of `kind`.
pub fn relations_of(graph: &kgex::KnowledgeGraph, kind: kgex::RelationKind) -> Vec<(String, String)> {
    graph
        .relations()
        .filter(|r| r.relation.kind == kind)
        .map(|r| (r.subject.label.clone(), r.object.label.clone()))
        .collect()
}

/// The (subject, object) labels of the relations of `kind` in one text.
pub fn relations_in(text: &str, language: kgex::Language, kind: kgex::RelationKind) -> Vec<(String, String)> {
    relations_of(&graph_of(text, language), kind)
}

/// The labels of the entities a graph says its document quotes.
pub fn speakers(graph: &kgex::KnowledgeGraph) -> Vec<String> {
    relations_of(graph, kgex::RelationKind::QuotedIn).into_iter().map(|(speaker, _)| speaker).collect()
}
