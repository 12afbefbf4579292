//! `kgex query`: the README's three SPARQL queries on the seed, answered
//! from texts, Turtle and kgex JSON alike, and checked against the JSON
//! export of the same graph.

use std::collections::BTreeSet;

use crate::util;

const PREFIXES: &str = "PREFIX kgex: <https://w3id.org/kgex/ns#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> ";

/// The rows of a SELECT query in SPARQL JSON results, as label tuples.
fn rows(args: &[&str]) -> Vec<Vec<String>> {
    let output = util::run(args);
    assert!(output.status.success(), "{}", util::stderr(&output));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let vars: Vec<String> =
        json["head"]["vars"].as_array().unwrap().iter().map(|v| v.as_str().unwrap().to_owned()).collect();
    json["results"]["bindings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| vars.iter().map(|v| b[v]["value"].as_str().unwrap_or("").to_owned()).collect())
        .collect()
}

/// (subject label, object label) of the JSON export's edges of `relation`.
fn pairs(graph: &serde_json::Value, relation: &str) -> BTreeSet<(String, String)> {
    let label = |id: &serde_json::Value| {
        let nodes = graph["nodes"].as_array().unwrap();
        nodes.iter().find(|n| &n["id"] == id).unwrap()["label"].as_str().unwrap().to_owned()
    };
    let edges = graph["edges"].as_array().unwrap();
    edges.iter().filter(|e| e["relation"] == relation).map(|e| (label(&e["source"]), label(&e["target"]))).collect()
}

#[test]
fn the_readme_queries_answer_from_every_input() {
    let dir = tempfile::tempdir().unwrap();
    let (json, turtle) = (dir.path().join("seed.json"), dir.path().join("seed.ttl"));
    for path in [&json, &turtle] {
        let output = util::run(&["extract", "seeds/", "-o", path.to_str().unwrap()]);
        assert!(output.status.success(), "{}", util::stderr(&output));
    }
    let graph: serde_json::Value = serde_json::from_slice(&std::fs::read(&json).unwrap()).unwrap();
    let works = format!("{PREFIXES}SELECT ?person ?organization WHERE {{ ?p kgex:worksAt ?o . ?p rdfs:label ?person . ?o rdfs:label ?organization }}");
    let developed = format!("{PREFIXES}SELECT ?organization ?product WHERE {{ ?o kgex:developed ?p . ?o rdfs:label ?organization . ?p rdfs:label ?product }}");
    for input in ["seeds/", turtle.to_str().unwrap(), json.to_str().unwrap()] {
        for (query, relation) in [(&works, "works-at"), (&developed, "developed")] {
            let found: BTreeSet<(String, String)> = rows(&["query", input, query, "--results", "json"])
                .into_iter()
                .map(|r| (r[0].clone(), r[1].clone()))
                .collect();
            assert_eq!(found, pairs(&graph, relation), "{relation} from {input}");
        }
    }
    let quoted = format!(
        "{PREFIXES}SELECT ?speaker (COUNT(DISTINCT ?article) AS ?articles) WHERE {{ ?s kgex:quotedIn ?article . \
         ?s rdfs:label ?speaker }} GROUP BY ?speaker ORDER BY DESC(?articles) ?speaker"
    );
    let speakers: BTreeSet<String> = rows(&["query", json.to_str().unwrap(), &quoted, "--results", "json"])
        .into_iter()
        .map(|r| r[0].clone())
        .collect();
    let expected: BTreeSet<String> = pairs(&graph, "quoted-in").into_iter().map(|(s, _)| s).collect();
    assert_eq!(speakers, expected);
    // The table on a terminal, and a broken query named as such.
    let table = util::run(&["query", "seeds/", &works]);
    assert!(String::from_utf8_lossy(&table.stdout).contains("Zihan Wang"));
    let broken = util::run(&["query", "seeds/", "SELECT nonsense"]);
    assert_eq!(broken.status.code(), Some(2));
    assert!(util::stderr(&broken).contains("invalid SPARQL query"));
}
