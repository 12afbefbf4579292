//! Each RDF export parsed back with the oxigraph parsers is the dataset that
//! was written, and JSON read back and written again is byte-identical.

use std::fs;

use oxrdf::{Dataset, GraphName, Quad};
use oxrdfio::RdfParser;

use crate::util::{self, graphs};
use kgex::export::{self, for_each_quad, read_json};
use kgex::{ExportFormat, ExportOptions, KnowledgeGraph};

fn written_dataset(graph: &KnowledgeGraph, options: &ExportOptions, named_graphs: bool) -> Dataset {
    let mut dataset = Dataset::new();
    for_each_quad(graph, options, named_graphs, |quad| {
        dataset.insert(quad);
        Ok(())
    })
    .unwrap();
    dataset
}

fn assert_rdf_round_trips(graph: &KnowledgeGraph) {
    let options = ExportOptions::default();
    for format in ExportFormat::ALL {
        let Some(syntax) = format.rdf_syntax() else { continue };
        let mut bytes = Vec::new();
        export::export(graph, format, &options, &mut bytes).unwrap();
        let parsed: Dataset = RdfParser::from_format(syntax.format())
            .for_slice(&bytes)
            .map(|quad| quad.unwrap_or_else(|error| panic!("{format} does not parse back: {error}")))
            .collect();
        let expected = written_dataset(graph, &options, syntax.has_named_graphs());
        assert!(!expected.is_empty());
        assert_eq!(parsed, expected, "{format} parsed back differs from what was written");
        if !syntax.has_named_graphs() {
            assert!(parsed.iter().all(|quad| quad.graph_name.is_default_graph()));
        }
    }
}

#[test]
fn rdf_of_the_seed_parses_back_to_what_was_written() {
    assert_rdf_round_trips(&util::seed_graph());
}

#[test]
fn rdf_with_hostile_labels_parses_back_to_what_was_written() {
    assert_rdf_round_trips(&graphs::hostile_graph());
}

#[test]
fn quad_formats_name_a_graph_per_document() {
    let graph = graphs::hostile_graph();
    let dataset = written_dataset(&graph, &ExportOptions::default(), true);
    let names: std::collections::BTreeSet<String> = dataset
        .iter()
        .filter_map(|quad| match quad.graph_name {
            oxrdf::GraphNameRef::NamedNode(node) => Some(node.as_str().to_owned()),
            _ => None,
        })
        .collect();
    let documents: std::collections::BTreeSet<String> = graph
        .entities()
        .filter(|e| e.kind == kgex::EntityKind::Document)
        .map(|e| e.id.iri(kgex::vocab::DEFAULT_BASE))
        .collect();
    assert_eq!(names, documents);
    let direct = Quad::new(
        oxrdf::NamedNode::new(graph.relations().next().unwrap().subject.id.iri(kgex::vocab::DEFAULT_BASE)).unwrap(),
        oxrdf::NamedNode::new(kgex::vocab::relation_iri(&kgex::RelationKind::Founded)).unwrap(),
        oxrdf::NamedNode::new(graph.relations().next().unwrap().object.id.iri(kgex::vocab::DEFAULT_BASE)).unwrap(),
        GraphName::DefaultGraph,
    );
    assert!(!dataset.contains(&direct), "relations live in their documents' graphs");
}

#[test]
fn json_read_back_and_written_again_is_identical() {
    for graph in [util::seed_graph(), graphs::hostile_graph()] {
        let options = ExportOptions::default();
        let mut first = Vec::new();
        export::write_json(&graph, &options, &mut first).unwrap();
        let (read, base) = read_json(std::path::Path::new("graph.json"), &first).unwrap();
        assert_eq!(base, options.base);
        let mut second = Vec::new();
        export::write_json(&read, &options, &mut second).unwrap();
        assert!(first == second, "JSON changed on the way through");
        for format in ExportFormat::ALL {
            let (direct, converted) =
                (util::export_bytes(&graph, format, &options), util::export_bytes(&read, format, &options));
            assert!(direct == converted, "{format} from read-back JSON differs");
        }
    }
}

#[test]
fn convert_command_is_exact_for_json_and_keeps_the_base() {
    let folder = tempfile::tempdir().unwrap();
    let json = folder.path().join("graph.json");
    let output = util::run(&["extract", "seeds/", "--base", "http://example.org/id/", "-o", json.to_str().unwrap()]);
    assert!(output.status.success(), "{}", util::stderr(&output));
    let again = folder.path().join("again.json");
    let output = util::run(&["convert", json.to_str().unwrap(), "-o", again.to_str().unwrap()]);
    assert!(output.status.success(), "{}", util::stderr(&output));
    assert_eq!(fs::read(&json).unwrap(), fs::read(&again).unwrap());
    let output = util::run(&["convert", json.to_str().unwrap(), "-f", "nt"]);
    assert!(output.status.success());
    assert!(String::from_utf8(output.stdout).unwrap().contains("<http://example.org/id/document/"));
}
