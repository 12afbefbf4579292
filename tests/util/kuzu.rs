//! Loads exports into Kùzu (tests/kuzu_load.py) and says what the database
//! should then hold, straight from the graph's fields.

use std::path::Path;
use std::process::Command;

use serde_json::{json, Value};

use super::root;
use kgex::export::{self, remove_xml_forbidden, CypherDialect};
use kgex::{EntityKind, ExportFormat, ExportOptions, KnowledgeGraph, RelationKind};

/// What Kùzu holds after loading an export: nodes, relationships (each
/// sorted) and the answer to "who works at an organisation that someone
/// founded".
#[derive(Debug, PartialEq)]
pub struct Contents {
    pub nodes: Vec<Value>,
    pub relationships: Vec<Value>,
    pub founded_employers: Vec<Value>,
}

/// Loads `path` (a Cypher script or a Neo4j folder) into a new Kùzu
/// database; fails on any error the loader reports.
pub fn load(mode: &str, path: &Path) -> Contents {
    let python = std::env::var("PYTHON").unwrap_or_else(|_| "python3".into());
    let output = Command::new(&python)
        .arg(root().join("tests/kuzu_load.py"))
        .args([mode.as_ref(), path.as_os_str()])
        .output()
        .unwrap_or_else(|error| panic!("cannot run {python} (run tests/run.sh): {error}"));
    let report: Value = serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|_| panic!("kuzu_load.py failed: {}", String::from_utf8_lossy(&output.stderr)));
    assert_eq!(report["errors"], json!([]), "Kùzu loading {mode} {}", path.display());
    let list = |key: &str| sorted(report[key].as_array().expect("a list").clone());
    Contents {
        nodes: list("nodes"),
        relationships: list("relationships"),
        founded_employers: list("founded_employers"),
    }
}

fn sorted(mut rows: Vec<Value>) -> Vec<Value> {
    rows.sort_by_key(Value::to_string);
    rows
}

fn text(value: Option<&str>) -> Value {
    value.map(|v| remove_xml_forbidden(v).into_owned()).filter(|v| !v.is_empty()).map_or(Value::Null, Value::from)
}

fn texts<'a>(values: impl Iterator<Item = &'a str>) -> Value {
    let mut list: Vec<String> =
        values.map(|v| remove_xml_forbidden(v).into_owned()).filter(|v| !v.is_empty()).collect();
    list.dedup();
    if list.is_empty() {
        Value::Null
    } else {
        Value::from(list)
    }
}

/// What a database should hold for `graph`.
pub fn expected(graph: &KnowledgeGraph, base: &str) -> Contents {
    let nodes = graph.entities().map(|e| {
        let source = e.source.as_deref();
        json!([
            e.kind.name(),
            e.id.iri(base),
            text(Some(&e.label)),
            texts(e.aliases.iter().map(String::as_str)),
            text(e.lang.as_deref()),
            text(e.description.as_deref()),
            e.mentions.len(),
            text(source.and_then(|s| s.path.as_deref())),
            text(source.and_then(|s| s.date.as_deref())),
            text(source.and_then(|s| s.url.as_deref())),
        ])
    });
    let relationships = graph.relations().map(|r| {
        let a = r.relation.attributes();
        let mut rules: Vec<&str> = r.relation.evidence.iter().map(|e| e.rule()).collect();
        rules.sort_unstable();
        json!([
            r.relation.kind.name().to_uppercase().replace('-', "_"),
            r.subject.id.iri(base),
            r.object.id.iri(base),
            text(a.date),
            text(a.role),
            a.former,
            text(a.topic),
            text(a.quote),
            r.relation.confidence(),
            texts(r.relation.evidence_texts().unwrap().iter().map(|text| &**text)),
            texts(rules.into_iter()),
        ])
    });
    Contents {
        nodes: sorted(nodes.collect()),
        relationships: sorted(relationships.collect()),
        founded_employers: sorted(founded_employers(graph, base)),
    }
}

/// People who work at an organisation that someone founded, as IRI pairs.
fn founded_employers(graph: &KnowledgeGraph, base: &str) -> Vec<Value> {
    let founded: Vec<_> = graph.relations().filter(|r| r.relation.kind == RelationKind::Founded).collect();
    let mut pairs: Vec<Value> = graph
        .relations()
        .filter(|r| r.relation.kind == RelationKind::WorksAt)
        .filter(|r| r.subject.kind == EntityKind::Person && r.object.kind == EntityKind::Organization)
        .filter(|r| founded.iter().any(|f| f.object.id == r.object.id))
        .map(|r| json!([r.subject.id.iri(base), r.object.id.iri(base)]))
        .collect();
    pairs.sort_by_key(Value::to_string);
    pairs.dedup();
    pairs
}

/// Writes `graph` as a Kùzu Cypher script and as a Neo4j CSV folder, loads
/// each into Kùzu and checks that the database holds exactly the graph.
pub fn assert_kuzu_holds(graph: &KnowledgeGraph, options: &ExportOptions) {
    let folder = tempfile::tempdir().unwrap();
    let script = folder.path().join("graph.cypher");
    let mut options = options.clone();
    options.cypher_dialect = CypherDialect::Kuzu;
    let mut bytes = Vec::new();
    export::export(graph, ExportFormat::Cypher, &options, &mut bytes).unwrap();
    std::fs::write(&script, bytes).unwrap();
    let csv = folder.path().join("neo4j");
    std::fs::create_dir(&csv).unwrap();
    export::write_neo4j(graph, &options, &csv).unwrap();
    let expected = expected(graph, &options.base);
    assert_same(&load("cypher", &script), &expected, "Kùzu after the Cypher script");
    assert_same(&load("neo4j", &csv), &expected, "Kùzu after loading the Neo4j CSV files");
}

/// Fails with the first rows that differ, not two whole graphs.
fn assert_same(found: &Contents, expected: &Contents, what: &str) {
    for (name, found, expected) in [
        ("nodes", &found.nodes, &expected.nodes),
        ("relationships", &found.relationships, &expected.relationships),
        ("founded_employers", &found.founded_employers, &expected.founded_employers),
    ] {
        let missing: Vec<_> = expected.iter().filter(|row| !found.contains(row)).take(2).collect();
        let extra: Vec<_> = found.iter().filter(|row| !expected.contains(row)).take(2).collect();
        assert!(missing.is_empty() && extra.is_empty(), "{what}: {name} differ\nexpected {missing:?}\nfound {extra:?}");
        assert_eq!(found.len(), expected.len(), "{what}: number of {name}");
    }
}
