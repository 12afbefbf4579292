//! The extractor on the seed article: real entities and relations, every
//! span slicing the text it names.

use std::fs;

use crate::util;
use kgex::{EntityKind, RelationKind};

#[test]
fn the_seed_yields_entities_and_relations_with_evidence() {
    let graph = util::seed_graph();
    let text = fs::read_to_string(util::root().join("seeds/000_03dcce986fe3aa56.txt")).unwrap();
    let kinds: Vec<EntityKind> = graph.entities().map(|e| e.kind).collect();
    for kind in [EntityKind::Person, EntityKind::Organization, EntityKind::Product, EntityKind::Document] {
        assert!(kinds.contains(&kind), "no {kind}");
    }
    for kind in [RelationKind::WorksAt, RelationKind::QuotedIn, RelationKind::Cites] {
        assert!(graph.relations().any(|r| r.relation.kind == kind), "no {kind}");
    }
    for entity in graph.entities() {
        for mention in &entity.mentions {
            assert_eq!(&text[mention.span().range()], mention.text);
        }
    }
    for relation in graph.relations() {
        assert!(!relation.relation.evidence.is_empty());
        for evidence in &relation.relation.evidence {
            let sentence = &evidence.sentence;
            assert_eq!(&text[sentence.span.range()], sentence.text().unwrap());
            assert_eq!(text[..sentence.span.start()].chars().count(), sentence.span.char_start());
        }
    }
}
