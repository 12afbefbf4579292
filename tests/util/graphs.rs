//! Graphs built by hand: hostile labels, and a generator for property tests.

use kgex::graph::{
    Attributes, DocumentSource, Entity, EntityId, Evidence, Findings, KnowledgeGraph, Mention, Relation,
    SourceSentence, TextSpan,
};
use kgex::{EntityKind, RelationKind};

/// Text that breaks naive writers of every format.
pub const HOSTILE: &[&str] = &[
    "He said \"hi\" and left",
    "back\\slash \\N \\l \\\\",
    "<&> &amp; </graphml> ]]> <!--",
    "two\nlines\r\nand\ttabs",
    "C0 \u{0}\u{1}\u{8}\u{b}\u{c}\u{1b}\u{1f} DEL \u{7f}",
    "emoji 🙂👩‍🔬🇩🇪",
    "right-to-left עברית العربية \u{202e}mixed\u{202c}",
    "„German“ ‚quotes‘ »guillemets« 'single'",
    "{\"json\": [1, 2]} @prefix x: <y> .",
    "\u{feff}bom and \u{fffe}\u{ffff} nonchars",
    "!!!",
    "",
];

fn span(start: usize, text: &str) -> TextSpan {
    TextSpan::new(start, start + text.len(), start, start + text.chars().count()).unwrap()
}

/// An entity of `kind` named `label`, with hostile aliases and description,
/// mentioned at a span that `position` makes distinct.
pub fn entity(kind: EntityKind, label: &str, document: &EntityId, extra: &str, position: usize) -> Entity {
    let mut entity = Entity::new(kind, label);
    entity.aliases.insert(format!("{label} {extra}"));
    entity.lang = Some("de".into());
    entity.description = Some(extra.to_owned());
    let span = span(position * 10, label);
    entity.mentions.push(Mention::new(document.clone(), span, label.into()).unwrap());
    entity
}

/// A document node named `name`.
pub fn document(name: &str, title: &str) -> Entity {
    let mut document = Entity::new(EntityKind::Document, name);
    document.label = title.to_owned();
    document.lang = Some("de".into());
    document.source = Some(Box::new(DocumentSource {
        path: Some(format!("in/{name}.txt")),
        date: Some("2025-01-20".into()),
        url: Some("https://example.org/a?b=c&d=\"e\"".into()),
    }));
    document
}

/// A relation with one piece of evidence whose sentence is `text`.
pub fn relation(kind: RelationKind, document: &EntityId, text: &str, attributes: Attributes) -> Relation {
    // A span that does not fit the text, as a hand-made graph may have.
    let start = text.len() % 89;
    let sentence =
        SourceSentence::new(document.clone(), 3, TextSpan::new(start, start + 4, start, start + 4).unwrap(), text);
    let evidence = Evidence::new(sentence.into(), Findings::default().get(&format!("rule/{}", kind.name()), 0.75));
    Relation::stated(kind, attributes, vec![evidence])
}

/// A graph whose every label, alias, attribute and sentence is hostile text,
/// with two documents, every relation kind and a 10 kB label.
pub fn hostile_graph() -> KnowledgeGraph {
    let mut graph = KnowledgeGraph::new();
    let first = graph.add_entity(document("doc \"one\" <&>", HOSTILE[3])).clone();
    let second = graph.add_entity(document("zweites Dokument 🙂", "")).clone();
    let long_label = "Überlanger Name ".repeat(640);
    let mut labels: Vec<String> = HOSTILE.iter().map(|s| (*s).to_owned()).collect();
    labels.push(long_label);
    let kinds = [EntityKind::Person, EntityKind::Organization, EntityKind::Place, EntityKind::Product];
    let mut ids = Vec::new();
    for (idx, label) in labels.iter().enumerate() {
        let document = if idx % 2 == 0 { &first } else { &second };
        let extra = HOSTILE[(idx + 1) % HOSTILE.len()];
        ids.push(graph.add_entity(entity(kinds[idx % kinds.len()], label, document, extra, idx)).clone());
    }
    let mut kinds: Vec<RelationKind> = RelationKind::BUILT_IN.to_vec();
    kinds.push("board-member-of".parse().unwrap());
    for (idx, kind) in kinds.iter().enumerate() {
        let (subject, object) = (&ids[idx], &ids[(idx + 3) % ids.len()]);
        let text = HOSTILE[idx % HOSTILE.len()];
        let attributes = Attributes {
            date: Some(["2015", "2023-07", "--01-20", "2025-01-20", "1999"][idx % 5].into()),
            role: Some(HOSTILE[(idx + 2) % HOSTILE.len()].into()),
            former: Some(idx % 2 == 0),
            topic: Some(HOSTILE[(idx + 4) % HOSTILE.len()].into()),
            quote: Some(HOSTILE[(idx + 5) % HOSTILE.len()].into()),
        };
        graph.add_relation(subject, object, relation(kind.clone(), &first, text, attributes.clone())).unwrap();
        graph.add_relation(subject, object, relation(kind.clone(), &second, HOSTILE[1], attributes)).unwrap();
    }
    graph
        .add_relation(&ids[0], &first, relation(RelationKind::QuotedIn, &first, "„Zitat“", Attributes::default()))
        .unwrap();
    graph
        .add_relation(&first, &ids[1], relation(RelationKind::Cites, &first, "(X berichtete)", Attributes::default()))
        .unwrap();
    graph
}

/// A graph from generated parts: `labels[i]` names entity i, `edges` are
/// (subject, object, kind, sentence) indices into those lists.
pub fn generated_graph(labels: &[String], edges: &[(usize, usize, usize, String)]) -> KnowledgeGraph {
    let mut graph = KnowledgeGraph::new();
    let document_id = graph.add_entity(document("generated", labels.first().map_or("", String::as_str))).clone();
    let kinds = [EntityKind::Person, EntityKind::Organization, EntityKind::Place, EntityKind::Product];
    let ids: Vec<EntityId> = labels
        .iter()
        .enumerate()
        .map(|(idx, label)| graph.add_entity(entity(kinds[idx % 4], label, &document_id, label, idx)).clone())
        .collect();
    for (subject, object, kind, sentence) in edges {
        let (subject, object) = (&ids[subject % ids.len()], &ids[object % ids.len()]);
        let kind = RelationKind::BUILT_IN[kind % RelationKind::BUILT_IN.len()].clone();
        let attributes = Attributes { quote: Some(sentence.clone()), ..Attributes::default() };
        graph.add_relation(subject, object, relation(kind, &document_id, sentence, attributes)).unwrap();
    }
    graph
}
