//! Tests of merging entities, relations and graphs.

use std::sync::Arc;

use super::*;
use crate::entities::EntityKind;
use crate::relations::RelationKind;

fn evidence(document: &str, start: usize, rule: &str) -> Evidence {
    let sentence = SourceSentence::new(
        EntityId::new(EntityKind::Document, document),
        0,
        TextSpan::new(start, start + 5, start, start + 5).unwrap(),
        "Satz.",
    );
    Evidence::new(sentence.into(), Findings::default().get(rule, 0.5))
}

fn relation(kind: RelationKind, evidence_list: Vec<Evidence>) -> Relation {
    Relation::stated(kind, Attributes::default(), evidence_list)
}

#[test]
fn same_relation_twice_is_one_edge_with_both_evidence() {
    let mut graph = KnowledgeGraph::new();
    let anna = graph.add_entity(Entity::new(EntityKind::Person, "Anna Berg")).clone();
    let acme = graph.add_entity(Entity::new(EntityKind::Organization, "Acme")).clone();
    graph.add_relation(&anna, &acme, relation(RelationKind::WorksAt, vec![evidence("a", 10, "r1")])).unwrap();
    graph.add_relation(&anna, &acme, relation(RelationKind::WorksAt, vec![evidence("a", 0, "r2")])).unwrap();
    graph.add_relation(&anna, &acme, relation(RelationKind::Founded, vec![evidence("a", 0, "r3")])).unwrap();
    assert_eq!(graph.relation_count(), 2);
    let works_at = graph.relations().next().unwrap().relation;
    let starts: Vec<_> = works_at.evidence.iter().map(|e| e.sentence.span.start()).collect();
    assert_eq!(starts, [0, 10]);
}

#[test]
fn met_with_is_one_edge_whichever_way_it_is_stated() {
    let mut graph = KnowledgeGraph::new();
    let a = graph.add_entity(Entity::new(EntityKind::Person, "Zoe Adams")).clone();
    let b = graph.add_entity(Entity::new(EntityKind::Person, "Al Brown")).clone();
    graph.add_relation(&a, &b, relation(RelationKind::MetWith, vec![evidence("d", 0, "m")])).unwrap();
    graph.add_relation(&b, &a, relation(RelationKind::MetWith, vec![evidence("d", 9, "m")])).unwrap();
    assert_eq!(graph.relation_count(), 1);
    let edge = graph.relations().next().unwrap();
    assert_eq!(edge.subject.label, "Al Brown");
    assert_eq!(edge.relation.evidence.len(), 2);
}

#[test]
fn graphs_of_two_documents_merge_by_id() {
    let mut first = KnowledgeGraph::new();
    let mut entity = Entity::new(EntityKind::Organization, "Acme");
    entity.aliases.insert("ACME Corp".into());
    first.add_entity(entity);
    let mut second = KnowledgeGraph::new();
    let mut entity = Entity::new(EntityKind::Organization, "ACME");
    entity.description = Some("maker".into());
    second.add_entity(entity);
    first.merge(second);
    assert_eq!(first.entity_count(), 1);
    let merged = first.entities().next().unwrap();
    assert_eq!(merged.aliases.iter().collect::<Vec<_>>(), ["ACME", "ACME Corp"]);
    assert_eq!(merged.description.as_deref(), Some("maker"));
}

#[test]
fn a_relation_to_an_unknown_entity_is_refused() {
    let mut graph = KnowledgeGraph::new();
    let a = graph.add_entity(Entity::new(EntityKind::Person, "A B")).clone();
    let missing = EntityId::new(EntityKind::Person, "C D");
    assert_eq!(graph.add_relation(&a, &missing, Relation::new(RelationKind::MetWith)), Err(UnknownEntity(missing)));
}

#[test]
fn evidence_stays_sorted_and_unique_in_any_order_of_arrival() {
    let mut graph = KnowledgeGraph::new();
    let anna = graph.add_entity(Entity::new(EntityKind::Person, "Anna Berg")).clone();
    let acme = graph.add_entity(Entity::new(EntityKind::Organization, "Acme")).clone();
    for (document, start) in [("a", 0), ("b", 5), ("c", 1), ("a", 7), ("b", 5)] {
        let works = relation(RelationKind::WorksAt, vec![evidence(document, start, "r")]);
        graph.add_relation(&anna, &acme, works).unwrap();
    }
    let works_at = graph.relations().next().unwrap().relation;
    let order: Vec<_> =
        works_at.evidence.iter().map(|e| (e.sentence.document.to_string(), e.sentence.span.start())).collect();
    let expected = [("document/a", 0), ("document/a", 7), ("document/b", 5), ("document/c", 1)];
    assert_eq!(order, expected.map(|(d, s)| (d.to_owned(), s)));
}

#[test]
fn each_fact_finds_its_relation_while_the_edge_table_grows() {
    // Thousands of edges make the table grow several times; every fact
    // stated again must still find its edge, kind by kind.
    let mut graph = KnowledgeGraph::new();
    let people: Vec<EntityId> =
        (0..100).map(|i| graph.add_entity(Entity::new(EntityKind::Person, &format!("Person {i}"))).clone()).collect();
    let kinds = [RelationKind::Founded, RelationKind::WorksAt];
    for round in 0..2 {
        for (i, a) in people.iter().enumerate() {
            for b in &people[i + 1..] {
                for kind in &kinds {
                    let stated = relation(kind.clone(), vec![evidence("d", round, "r")]);
                    graph.add_relation(a, b, stated).unwrap();
                }
            }
        }
    }
    assert_eq!(graph.relation_count(), 2 * 100 * 99 / 2);
    assert!(graph.relations().all(|r| r.relation.evidence.len() == 2));
}

#[test]
fn a_name_that_recurs_is_one_shared_text() {
    // Within one entity a text is kept once anyway; across entities the
    // graph shares it, whether it is an entity's common text or not.
    let mut graph = KnowledgeGraph::new();
    let named = [
        ("a", EntityKind::Organization, "Acme"),
        ("b", EntityKind::Product, "Acme"),
        ("c", EntityKind::Organization, "ACME"),
        ("d", EntityKind::Place, "ACME"),
    ];
    for (document, kind, label) in named {
        let mut entity = Entity::new(kind, label);
        let span = TextSpan::new(0, 4, 0, 4).unwrap();
        let document = EntityId::new(EntityKind::Document, document);
        entity.mentions.push(Mention::new(document, span, label.into()).unwrap());
        graph.add_entity(entity);
    }
    let mentions: Vec<Vec<_>> = graph.entities().map(|e| e.mentions.iter().map(|m| m.text).collect()).collect();
    let [organization, product, place] = &mentions[..] else { panic!("three entities: {mentions:?}") };
    assert_eq!(
        (organization.as_slice(), product.as_slice(), place.as_slice()),
        (&["Acme", "ACME"][..], &["Acme"][..], &["ACME"][..])
    );
    assert!(std::ptr::eq(organization[0], product[0]), "a common text shared");
    assert!(std::ptr::eq(organization[1], place[0]), "another text shared");
}

#[test]
fn entities_of_one_language_share_its_tag() {
    let mut graph = KnowledgeGraph::new();
    for label in ["Acme", "Globex", "Initech"] {
        let mut entity = Entity::new(EntityKind::Organization, label);
        entity.lang = Some(Arc::from(if label == "Initech" { "en" } else { "de" }));
        graph.add_entity(entity);
    }
    let langs: Vec<_> = graph.entities().map(|e| e.lang.clone().unwrap()).collect();
    assert!(Arc::ptr_eq(&langs[0], &langs[1]));
    assert_eq!((&*langs[0], &*langs[2]), ("de", "en"));
}

#[test]
fn a_rule_and_its_confidence_are_kept_once_for_the_merged_graph() {
    let mut merged = KnowledgeGraph::new();
    for document in ["a", "b"] {
        let mut graph = KnowledgeGraph::new();
        let (anna, acme) = (Entity::new(EntityKind::Person, "Anna"), Entity::new(EntityKind::Organization, "Acme"));
        let (anna, acme) = (graph.add_entity(anna).clone(), graph.add_entity(acme).clone());
        // Each document made its own copy, as the extraction of a document does.
        let stated = relation(RelationKind::WorksAt, vec![evidence(document, 0, "works/at")]);
        graph.add_relation(&anna, &acme, stated).unwrap();
        merged.merge(graph);
    }
    let evidence = &merged.relations().next().unwrap().relation.evidence;
    assert_eq!(evidence.len(), 2);
    assert_eq!((evidence[1].rule(), evidence[1].confidence()), ("works/at", 0.5));
    assert!(Arc::ptr_eq(&evidence[0].finding, &evidence[1].finding));
}

#[test]
fn the_records_a_graph_holds_millions_of_stay_small() {
    // A merged corpus graph holds about 13,000 relations, 22,000 pieces of
    // evidence, 10,000 sentences and 27,000 mentions per input MB: each
    // byte here counts.
    use std::mem::size_of;
    // With its two reference counts, a sentence fills an allocation of 64 bytes.
    assert_eq!(size_of::<SourceSentence>(), 48);
    assert_eq!(size_of::<TextSpan>(), 16);
    assert_eq!(size_of::<Evidence>(), 16);
    assert_eq!(size_of::<Mention>(), 24);
    assert_eq!(size_of::<Mentions>(), 24);
    assert_eq!(size_of::<EntityId>(), 8);
    assert_eq!(size_of::<Relation>(), 40);
    assert_eq!(size_of::<Entity>(), 136);
}
