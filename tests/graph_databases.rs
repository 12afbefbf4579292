//! Property-graph exports in a real graph database: the Cypher script and
//! the Neo4j CSV folder loaded into Kùzu hold exactly the graph (also for
//! every graph the consumer tests write), the script is idempotent, and the
//! command line writes the folder whole or not at all.

use std::collections::BTreeMap;
use std::fs;

use crate::util::{self, kuzu};
use kgex::ExportOptions;

#[test]
fn the_seed_graph_loads_into_kuzu_from_cypher_and_from_neo4j_csv() {
    let graph = util::seed_graph();
    let expected = kuzu::expected(&graph, &ExportOptions::default().base);
    assert!(!expected.founded_employers.is_empty(), "the query has an answer to compare");
    kuzu::assert_kuzu_holds(&graph, &ExportOptions::default());
}

/// Counts per kind and relation, and the answer to "who works at an
/// organisation someone founded", from the JSON export read as plain JSON.
fn json_export_facts(json: &serde_json::Value) -> (BTreeMap<String, usize>, Vec<(String, String)>) {
    let nodes = json["nodes"].as_array().unwrap();
    let edges = json["edges"].as_array().unwrap();
    let mut counts = BTreeMap::new();
    for node in nodes {
        *counts.entry(node["type"].as_str().unwrap().to_owned()).or_default() += 1;
    }
    for edge in edges {
        let kind = edge["relation"].as_str().unwrap().to_uppercase().replace('-', "_");
        *counts.entry(kind).or_default() += 1;
    }
    let node = |id: &serde_json::Value| nodes.iter().find(|n| n["id"] == *id).unwrap();
    let founded: Vec<_> = edges.iter().filter(|e| e["relation"] == "founded").map(|e| &e["target"]).collect();
    let mut answer: Vec<(String, String)> = edges
        .iter()
        .filter(|e| e["relation"] == "works-at" && founded.contains(&&e["target"]))
        .filter(|e| node(&e["source"])["type"] == "Person" && node(&e["target"])["type"] == "Organization")
        .map(|e| {
            (node(&e["source"])["iri"].as_str().unwrap().into(), node(&e["target"])["iri"].as_str().unwrap().into())
        })
        .collect();
    answer.sort();
    answer.dedup();
    (counts, answer)
}

#[test]
fn kuzu_counts_and_answers_as_the_json_export_says() {
    let folder = tempfile::tempdir().unwrap();
    let (json, script, csv) =
        (folder.path().join("g.json"), folder.path().join("g.cypher"), folder.path().join("neo4j"));
    for (format, path) in [("json", &json), ("cypher", &script), ("neo4j", &csv)] {
        let output = util::run(&[
            "extract",
            "seeds/",
            "tests/fixtures/english.txt",
            "-f",
            format,
            "--cypher-dialect",
            "kuzu",
            "-o",
            path.to_str().unwrap(),
        ]);
        assert!(output.status.success(), "{}", util::stderr(&output));
    }
    let (counts, answer) = json_export_facts(&serde_json::from_slice(&fs::read(&json).unwrap()).unwrap());
    assert!(!answer.is_empty());
    for (mode, path) in [("cypher", &script), ("neo4j", &csv)] {
        let contents = kuzu::load(mode, path);
        let mut found: BTreeMap<String, usize> = BTreeMap::new();
        for row in contents.nodes.iter().chain(&contents.relationships) {
            *found.entry(row[0].as_str().unwrap().to_owned()).or_default() += 1;
        }
        assert_eq!(found, counts, "{mode}: nodes per label and relationships per type");
        let pairs: Vec<(String, String)> = contents
            .founded_employers
            .iter()
            .map(|r| (r[0].as_str().unwrap().to_owned(), r[1].as_str().unwrap().to_owned()))
            .collect();
        assert_eq!(pairs, answer, "{mode}: people at an organisation someone founded");
    }
}

#[test]
fn extract_writes_a_neo4j_folder_and_replaces_it_whole() {
    let folder = tempfile::tempdir().unwrap();
    let target = folder.path().join("import");
    for _ in 0..2 {
        let output = util::run(&["extract", "seeds/", "-f", "neo4j", "-o", target.to_str().unwrap()]);
        assert!(output.status.success(), "{}", util::stderr(&output));
    }
    let mut names: Vec<String> =
        fs::read_dir(&target).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
    names.sort();
    assert!(names.contains(&"README.md".to_owned()) && names.contains(&"nodes-Person.csv".to_owned()), "{names:?}");
    let leftovers: Vec<_> = fs::read_dir(folder.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(leftovers.len(), 1, "no temporary folder left: {leftovers:?}");
    let contents = kuzu::load("neo4j", &target);
    assert!(contents.nodes.len() > 10);
}

#[test]
fn a_folder_format_needs_a_folder() {
    let output = util::run(&["extract", "seeds/", "-f", "neo4j"]);
    assert_eq!(output.status.code(), Some(2), "{}", util::stderr(&output));
    assert!(util::stderr(&output).contains("-o FOLDER"), "{}", util::stderr(&output));
    let folder = tempfile::tempdir().unwrap();
    let file = folder.path().join("taken");
    fs::write(&file, "keep me").unwrap();
    let output = util::run(&["extract", "seeds/", "-f", "neo4j", "-o", file.to_str().unwrap()]);
    assert!(!output.status.success());
    assert_eq!(fs::read_to_string(&file).unwrap(), "keep me");
}

#[test]
fn cypher_dialects_differ_only_in_their_schema() {
    let run = |dialect: &str| {
        let output = util::run(&["extract", "seeds/", "-f", "cypher", "--cypher-dialect", dialect]);
        assert!(output.status.success(), "{}", util::stderr(&output));
        String::from_utf8(output.stdout).unwrap()
    };
    let (neo4j, memgraph, kuzu) = (run("neo4j"), run("memgraph"), run("kuzu"));
    assert!(neo4j.contains("CREATE CONSTRAINT person_iri IF NOT EXISTS FOR (n:Person) REQUIRE n.iri IS UNIQUE;"));
    assert!(memgraph.contains("CREATE CONSTRAINT ON (n:Person) ASSERT n.iri IS UNIQUE;"));
    assert!(kuzu.contains("CREATE NODE TABLE IF NOT EXISTS Person(iri STRING PRIMARY KEY"));
    let body = |script: &str| {
        script.lines().filter(|l| !l.starts_with("CREATE ") && !l.starts_with("//")).collect::<Vec<_>>().join("\n")
    };
    assert_eq!(body(&neo4j), body(&kuzu));
    assert_eq!(body(&memgraph), body(&kuzu));
    assert!(body(&kuzu).contains("MERGE (a)-[r:WORKS_AT]->(b)"));
}

/// The shell blocks of the README's "Load it into a graph database".
fn readme_blocks() -> Vec<String> {
    let readme = fs::read_to_string(util::root().join("README.md")).unwrap();
    let start = readme.find("### Load it into a graph database").expect("the README section");
    let section = &readme[start..];
    let section = &section[..section.find("\n## ").unwrap_or(section.len())];
    section.split("```sh\n").skip(1).map(|block| block.split("```").next().unwrap().to_owned()).collect()
}

/// Runs a README block with bash in a fresh folder that has `seeds/`, with
/// the kgex under test first on the PATH.
fn run_block(block: &str) -> String {
    let folder = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink(util::root().join("seeds"), folder.path().join("seeds")).unwrap();
    let bin = std::path::Path::new(env!("CARGO_BIN_EXE_kgex")).parent().unwrap().to_owned();
    let path = format!("{}:{}", bin.display(), std::env::var("PATH").unwrap_or_default());
    let output = std::process::Command::new("bash")
        .args(["-euo", "pipefail", "-c", block])
        .current_dir(folder.path())
        .env("PATH", path)
        .output()
        .unwrap();
    assert!(output.status.success(), "{block}\n{}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn the_readme_loads_kuzu_virtuoso_and_oxigraph() {
    let blocks = readme_blocks();
    let block = |name: &str| blocks.iter().find(|b| b.starts_with(&format!("# {name}"))).expect(name).clone();
    assert!(block("Neo4j").contains("-f neo4j") && block("Neo4j").contains("-f cypher"));

    let graph = util::seed_graph();
    let works_at: Vec<_> = graph
        .relations()
        .filter(|r| r.relation.kind == kgex::RelationKind::WorksAt && r.subject.kind == kgex::EntityKind::Person)
        .filter(|r| r.object.kind == kgex::EntityKind::Organization)
        .map(|r| format!("{} | {}", r.subject.label, r.object.label))
        .collect();
    let mut printed: Vec<String> = run_block(&block("Kùzu")).lines().map(str::to_owned).collect();
    let mut expected = works_at.clone();
    printed.sort();
    expected.sort();
    assert_eq!(printed, expected, "Kùzu answers who works where");

    let nquads = util::run(&["extract", "seeds/", "-f", "nquads"]).stdout;
    let statements = String::from_utf8(nquads).unwrap().lines().collect::<std::collections::HashSet<_>>().len();
    assert_eq!(run_block(&block("Oxigraph")).trim(), format!("{statements} statements"));

    let virtuoso = crate::util::servers::virtuoso();
    let script = block("Virtuoso").replace("localhost:8890", &format!("127.0.0.1:{}", virtuoso.port));
    let csv = run_block(&script);
    assert_eq!(
        csv.lines().count(),
        1 + graph.relations().filter(|r| r.relation.kind == kgex::RelationKind::WorksAt).count(),
        "{csv}"
    );
}
