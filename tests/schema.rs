//! schema/ agrees with the code, and its shapes and JSON Schema reject what
//! they should.

use std::collections::BTreeSet;
use std::fs;

use oxrdf::{NamedOrBlankNode, Term};
use oxttl::TurtleParser;

use crate::util::{self, graphs};
use kgex::vocab::{self, class, property};
use kgex::{ExportFormat, ExportOptions, RelationKind};

fn ontology() -> Vec<oxrdf::Triple> {
    let turtle = fs::read(util::root().join("schema/kgex.ttl")).unwrap();
    TurtleParser::new().for_slice(&turtle).map(Result::unwrap).collect()
}

#[test]
fn names_in_the_code_and_in_kgex_ttl_agree() {
    let declared: BTreeSet<String> = ontology()
        .iter()
        .filter(|t| t.predicate.as_str() == "http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
        .filter_map(|t| match &t.subject {
            NamedOrBlankNode::NamedNode(node) => node.as_str().strip_prefix(vocab::KGEX).map(str::to_owned),
            NamedOrBlankNode::BlankNode(_) => None,
        })
        .collect();
    let mut used: BTreeSet<String> = RelationKind::BUILT_IN.iter().map(RelationKind::property_name).collect();
    used.extend(property::ALL.iter().map(|p| (*p).to_owned()));
    used.insert(class::EVIDENCE.to_owned());
    assert_eq!(declared, used);
}

#[test]
fn only_met_with_is_symmetric_and_every_term_has_both_languages() {
    let triples = ontology();
    let symmetric: Vec<String> = triples
        .iter()
        .filter(|t| {
            t.object
                == Term::NamedNode(oxrdf::NamedNode::new_unchecked("http://www.w3.org/2002/07/owl#SymmetricProperty"))
        })
        .map(|t| t.subject.to_string())
        .collect();
    let expected: Vec<String> = RelationKind::BUILT_IN
        .iter()
        .filter(|k| k.is_symmetric())
        .map(|k| format!("<{}>", vocab::relation_iri(k)))
        .collect();
    assert_eq!(symmetric, expected);
    for term in property::ALL.iter().copied().chain([class::EVIDENCE]) {
        for predicate in ["label", "comment"] {
            let languages: BTreeSet<String> = triples
                .iter()
                .filter(|t| {
                    t.subject.to_string() == format!("<{}{term}>", vocab::KGEX)
                        && t.predicate.as_str().ends_with(predicate)
                })
                .filter_map(|t| match &t.object {
                    Term::Literal(literal) => literal.language().map(str::to_owned),
                    _ => None,
                })
                .collect();
            assert_eq!(languages, BTreeSet::from(["de".to_owned(), "en".to_owned()]), "{term} rdfs:{predicate}");
        }
    }
}

#[test]
fn shapes_and_json_schema_reject_broken_exports() {
    let folder = tempfile::tempdir().unwrap();
    let graph = graphs::hostile_graph();
    let mut turtle = Vec::new();
    kgex::export::export(&graph, ExportFormat::NTriples, &ExportOptions::default(), &mut turtle).unwrap();
    let broken: String = String::from_utf8(turtle)
        .unwrap()
        .lines()
        .filter(|line| !line.contains("/ns#rule>") && !line.contains("rdf-schema#label>"))
        .map(|line| format!("{line}\n"))
        .collect();
    let nt = folder.path().join("broken.nt");
    fs::write(&nt, broken).unwrap();
    let mut json = Vec::new();
    kgex::export::write_json(&graph, &ExportOptions::default(), &mut json).unwrap();
    let json = String::from_utf8(json).unwrap().replacen("\"type\": \"Person\"", "\"type\": \"Alien\"", 1);
    let json_path = folder.path().join("broken.json");
    fs::write(&json_path, json).unwrap();
    let reports = util::consume(&[nt, json_path]);
    assert!(
        reports[0].errors.iter().any(|e| e.starts_with("pyshacl:")
            && e.contains("Result Path: kgex:rule")
            && e.contains("Result Path: rdfs:label")),
        "{:?}",
        reports[0].errors
    );
    assert!(
        reports[1].errors.iter().any(|e| e.starts_with("jsonschema:") && e.contains("Alien")),
        "{:?}",
        reports[1].errors
    );
}

#[test]
fn a_missing_consumer_fails_and_says_how_to_install_it() {
    let folder = tempfile::tempdir().unwrap();
    let dot = folder.path().join("g.dot");
    fs::write(&dot, "digraph { a -> b }").unwrap();
    let python =
        std::process::Command::new("python3").args(["-c", "import sys; print(sys.executable)"]).output().unwrap();
    let python = String::from_utf8(python.stdout).unwrap();
    let output = std::process::Command::new(python.trim())
        .arg(util::root().join("tests/consumers.py"))
        .arg(&dot)
        .env("PATH", "/nonexistent")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(text.contains("missing consumer 'dot'") && text.contains("tests/run.sh"), "{text}");
}
