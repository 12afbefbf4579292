//! Views cut a readable part of a graph: the neighbourhood of an entity,
//! chosen relations and kinds, often mentioned or most connected entities;
//! what they keep opens in every consumer.

use std::collections::BTreeSet;

use crate::util;
use kgex::graph::View;
use kgex::{EntityKind, ExportOptions, KnowledgeGraph, RelationKind};

fn labels(graph: &KnowledgeGraph) -> BTreeSet<String> {
    graph.entities().filter(|e| e.kind != EntityKind::Document).map(|e| e.label.clone()).collect()
}

/// Whether an entity of the graph has `name` as its label or an alias.
fn has(graph: &KnowledgeGraph, name: &str) -> bool {
    graph.entities().any(|e| e.label == name || e.aliases.contains(name))
}

#[test]
fn around_an_entity_keeps_its_neighbourhood() {
    let graph = util::seed_graph();
    let base = ExportOptions::default().base;
    let view = View { around: Some("Zihan Wang".into()), ..View::default() };
    let cut = view.apply(&graph, &base).unwrap();
    let kept = labels(&cut);
    assert!(kept.contains("Zihan Wang") && kept.contains("Northwestern University"), "{kept:?}");
    // One relation away: what Zihan Wang is related to, no more.
    assert!(has(&cut, "DeepSeek") && !has(&cut, "Liang Wenfeng"), "{kept:?}");
    for r in cut.relations() {
        assert!(cut.entity(&r.subject.id).is_some() && cut.entity(&r.object.id).is_some());
    }
    let wider = View { around: Some("Wang".into()), depth: Some(2), ..View::default() }.apply(&graph, &base).unwrap();
    assert!(labels(&wider).len() > kept.len(), "depth 2 reaches further");
    assert!(View { around: Some("Nobody Here".into()), ..View::default() }.apply(&graph, &base).is_err());
    util::assert_consumers_accept(&wider, &ExportOptions::default());
}

#[test]
fn relations_kinds_mentions_and_top_cut_the_graph() {
    let graph = util::seed_graph();
    let base = ExportOptions::default().base;
    let only = View {
        relations: vec![RelationKind::WorksAt],
        kinds: vec![EntityKind::Person, EntityKind::Organization],
        ..View::default()
    };
    let cut = only.apply(&graph, &base).unwrap();
    assert!(cut.relation_count() > 0);
    assert!(cut.relations().all(|r| r.relation.kind == RelationKind::WorksAt));
    assert!(cut
        .entities()
        .all(|e| matches!(e.kind, EntityKind::Person | EntityKind::Organization | EntityKind::Document)));
    let often = View { min_mentions: 3, ..View::default() }.apply(&graph, &base).unwrap();
    assert!(often.entities().filter(|e| e.kind != EntityKind::Document).all(|e| e.mentions.len() >= 3));
    let top = View { top: Some(5), ..View::default() }.apply(&graph, &base).unwrap();
    assert_eq!(labels(&top).len(), 5);
    assert!(has(&top, "DeepSeek"), "the most connected entity is kept: {:?}", labels(&top));
    util::assert_consumers_accept(&top, &ExportOptions::default());
}

#[test]
fn views_on_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let graph = dir.path().join("seed.json");
    let output = util::run(&["extract", "seeds/", "-f", "json", "-o", graph.to_str().unwrap()]);
    assert!(output.status.success(), "{}", util::stderr(&output));
    let output =
        util::run(&["convert", graph.to_str().unwrap(), "--top", "3", "--relations", "founded,works-at", "-f", "json"]);
    assert!(output.status.success(), "{}", util::stderr(&output));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let people = json["nodes"].as_array().unwrap().iter().filter(|n| n["type"] != "Document").count();
    assert_eq!(people, 3);
    for (args, message) in
        [(&["--kinds", "Alien"][..], "unknown entity type"), (&["--around", "Nobody Here"], "no entity named")]
    {
        let mut all = vec!["convert", graph.to_str().unwrap(), "-f", "json"];
        all.extend_from_slice(args);
        let output = util::run(&all);
        assert!(!output.status.success());
        assert!(util::stderr(&output).contains(message), "{}", util::stderr(&output));
    }
    let output = util::run(&["extract", "seeds/", "--stream", "-f", "json", "--top", "3"]);
    assert!(!output.status.success() && util::stderr(&output).contains("not with --stream"));
}

#[test]
fn pictures_are_drawn_by_graphviz() {
    let dir = tempfile::tempdir().unwrap();
    let svg = dir.path().join("view.svg");
    let output = util::run(&["extract", "seeds/", "--around", "Liang Wenfeng", "-o", svg.to_str().unwrap()]);
    assert!(output.status.success(), "{}", util::stderr(&output));
    let text = std::fs::read_to_string(&svg).unwrap();
    assert!(text.contains("<svg") && text.contains("Liang Wenfeng"), "{}", &text[..text.len().min(300)]);
    let png = dir.path().join("view.png");
    let output = util::run(&["extract", "seeds/", "--top", "8", "-f", "png", "-o", png.to_str().unwrap()]);
    assert!(output.status.success(), "{}", util::stderr(&output));
    assert!(std::fs::read(&png).unwrap().starts_with(b"\x89PNG\r\n\x1a\n"));
    // Without Graphviz: a clear error, no file.
    let missing = dir.path().join("missing.svg");
    let output = util::kgex()
        .args(["extract", "seeds/", "-o", missing.to_str().unwrap()])
        .env("PATH", dir.path().join("nowhere"))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(util::stderr(&output).contains("apt-get install graphviz"), "{}", util::stderr(&output));
    assert!(!missing.exists());
}

#[test]
fn a_view_of_many_articles_opens_in_every_consumer() {
    let documents: Vec<_> = kgex::input::read_inputs(&[util::root().join("tests/gold/de/dev")], None)
        .into_iter()
        .map(Result::unwrap)
        .collect();
    let graph = kgex::pipeline::extract_all(&documents, &kgex::pipeline::Settings::default()).graph;
    let base = ExportOptions::default().base;
    let view = View { top: Some(12), kinds: vec![EntityKind::Person, EntityKind::Organization], ..View::default() };
    let cut = view.apply(&graph, &base).unwrap();
    assert_eq!(labels(&cut).len(), 12);
    // Only documents that a kept relation ends in or quotes stay.
    let documents = cut.entities().filter(|e| e.kind == EntityKind::Document).count();
    assert!(documents > 1 && documents < 12, "{documents} documents");
    util::assert_consumers_accept(&cut, &ExportOptions::default());
}
