//! Helpers shared by the integration tests.

#![allow(dead_code)]

pub mod graphs;
pub mod kuzu;
pub mod servers;
pub mod texts;

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use kgex::export::{self, for_each_quad};
use kgex::input::read_inputs;
use kgex::pipeline::{self, Settings};
use kgex::{ExportFormat, ExportOptions, KnowledgeGraph};

/// The project folder.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The `kgex` binary, run from the project folder.
pub fn kgex() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_kgex"));
    command.current_dir(root());
    command
}

/// Runs `kgex` with `args` and returns its output.
pub fn run(args: &[&str]) -> Output {
    kgex().args(args).output().expect("kgex runs")
}

/// Text of the output's stderr.
pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// The graph of the seed articles.
pub fn seed_graph() -> KnowledgeGraph {
    let documents: Vec<_> = read_inputs(&[root().join("seeds")], None).into_iter().map(Result::unwrap).collect();
    assert!(!documents.is_empty(), "seeds/ holds articles");
    pipeline::extract_all(&documents, &Settings::default()).graph
}

/// The bytes of `graph` in `format`; for a folder format, each file's name
/// and bytes in name order.
pub fn export_bytes(graph: &KnowledgeGraph, format: ExportFormat, options: &ExportOptions) -> Vec<u8> {
    let mut bytes = Vec::new();
    if !format.writes_folder() {
        export::export(graph, format, options, &mut bytes).unwrap();
        return bytes;
    }
    let folder = tempfile::tempdir().unwrap();
    export::write_neo4j(graph, options, folder.path()).unwrap();
    contents(folder.path())
}

/// A file's bytes, or a folder's file names and bytes in name order.
pub fn contents(path: &Path) -> Vec<u8> {
    if !path.is_dir() {
        return fs::read(path).unwrap();
    }
    let mut names: Vec<_> = fs::read_dir(path).unwrap().map(|entry| entry.unwrap().file_name()).collect();
    names.sort();
    let mut bytes = Vec::new();
    for name in names {
        bytes.extend(name.to_string_lossy().as_bytes());
        bytes.extend(fs::read(path.join(name)).unwrap());
    }
    bytes
}

/// Writes `graph` in every format into `folder` and returns the files.
pub fn write_every_format(
    graph: &KnowledgeGraph,
    options: &ExportOptions,
    folder: &Path,
) -> Vec<(ExportFormat, PathBuf)> {
    ExportFormat::ALL
        .into_iter()
        .filter(|format| !format.writes_folder())
        .map(|format| {
            let path = folder.join(format!("graph.{}", format.file_extension()));
            let mut bytes = Vec::new();
            export::export(graph, format, options, &mut bytes).unwrap();
            fs::write(&path, bytes).unwrap();
            (format, path)
        })
        .collect()
}

/// The number of distinct statements the RDF form of `graph` has in `format`:
/// quads where the syntax has named graphs, triples otherwise. Also checks
/// that the exporter writes no statement twice.
pub fn rdf_statement_count(graph: &KnowledgeGraph, options: &ExportOptions, format: ExportFormat) -> usize {
    let syntax = format.rdf_syntax().expect("an RDF format");
    let mut statements = Vec::new();
    for_each_quad(graph, options, syntax.has_named_graphs(), |quad| {
        statements.push(quad.to_string());
        Ok(())
    })
    .unwrap();
    let distinct: HashSet<_> = statements.iter().collect();
    assert_eq!(distinct.len(), statements.len(), "the {format} export repeats a statement");
    distinct.len()
}

/// What the consumer harness reported for one file.
#[derive(Debug, serde::Deserialize)]
pub struct Report {
    pub file: String,
    pub format: String,
    pub counts: serde_json::Map<String, serde_json::Value>,
    pub errors: Vec<String>,
}

/// Gives `files` to the real consumers of their formats (tests/consumers.py)
/// and returns one report per file. Fails when the harness cannot run.
pub fn consume(files: &[PathBuf]) -> Vec<Report> {
    let python = std::env::var("PYTHON").unwrap_or_else(|_| "python3".into());
    let output = Command::new(&python)
        .arg(root().join("tests/consumers.py"))
        .arg("--shapes")
        .arg(root().join("schema/shapes.ttl"))
        .arg("--schema")
        .arg(root().join("schema/graph.schema.json"))
        .args(files)
        .output()
        .unwrap_or_else(|error| panic!("cannot run {python} (install it, then run tests/run.sh): {error}"));
    let reports: Vec<Report> = String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(|line| serde_json::from_str(line).expect("one JSON report per line"))
        .collect();
    assert_eq!(reports.len(), files.len(), "consumer harness failed: {}", String::from_utf8_lossy(&output.stderr));
    reports
}

/// A count from a report: `counts[consumer][field]`.
pub fn count(report: &Report, consumer: &str, field: &str) -> u64 {
    report
        .counts
        .get(consumer)
        .and_then(|c| c.get(field))
        .and_then(serde_json::Value::as_u64)
        .unwrap_or_else(|| panic!("{} reported no {field} for {}: {:?}", consumer, report.file, report.counts))
}

/// Checks every export of `graph` with the consumers: no consumer complains,
/// and each one sees exactly the nodes, edges or statements written.
pub fn assert_consumers_accept(graph: &KnowledgeGraph, options: &ExportOptions) {
    let folder = tempfile::tempdir().unwrap();
    let mut files = write_every_format(graph, options, folder.path());
    // The property-graph formats go to a graph database, which is checked
    // for holding exactly the graph.
    files.retain(|(format, _)| *format != ExportFormat::Cypher);
    kuzu::assert_kuzu_holds(graph, options);
    let paths: Vec<PathBuf> = files.iter().map(|(_, path)| path.clone()).collect();
    let reports = consume(&paths);
    let (n_nodes, n_edges) = (graph.entity_count() as u64, graph.relation_count() as u64);
    for ((format, _), report) in files.iter().zip(&reports) {
        assert!(report.errors.is_empty(), "{format}: {:#?}", report.errors);
        match format {
            ExportFormat::Dot => {
                let legend = kgex::EntityKind::ALL.len() as u64;
                assert_eq!(count(report, "dot", "nodes"), n_nodes + legend, "dot nodes");
                assert_eq!(count(report, "dot", "edges"), n_edges, "dot edges");
            }
            ExportFormat::GraphMl | ExportFormat::Json => {
                let consumers: &[&str] =
                    if *format == ExportFormat::Json { &["json", "networkx"] } else { &["networkx", "igraph"] };
                for consumer in consumers {
                    assert_eq!(count(report, consumer, "nodes"), n_nodes, "{format} nodes by {consumer}");
                    assert_eq!(count(report, consumer, "edges"), n_edges, "{format} edges by {consumer}");
                }
            }
            _ => {
                let expected = rdf_statement_count(graph, options, *format) as u64;
                let mut consumers = vec!["rdflib", "pyoxigraph"];
                if *format != ExportFormat::JsonLd {
                    consumers.push("rapper");
                }
                for consumer in consumers {
                    assert_eq!(count(report, consumer, "statements"), expected, "{format} statements by {consumer}");
                }
                assert_eq!(report.counts["pyshacl"]["conforms"], true, "{format} conforms to shapes.ttl");
            }
        }
    }
}
