//! Extraction quality: the seed article scored against its gold graph (the
//! bars of the test suite), an English article, user rules, NFC input,
//! parallel runs and the evaluation commands.

use std::fs;

use serde_json::Value;

use crate::util;
use kgex::eval::score_document;
use kgex::{ExportFormat, ExportOptions};

const SEED_GOLD: &str = "tests/fixtures/000_03dcce986fe3aa56.gold.json";

fn json_of(graph: &kgex::KnowledgeGraph) -> Value {
    let mut bytes = Vec::new();
    kgex::export::export(graph, ExportFormat::Json, &ExportOptions::default(), &mut bytes).unwrap();
    serde_json::from_slice(&bytes).unwrap()
}

#[test]
fn the_seed_meets_the_quality_bars() {
    let gold: Value = serde_json::from_str(&fs::read_to_string(util::root().join(SEED_GOLD)).unwrap()).unwrap();
    let scores = score_document(&gold, &json_of(&util::seed_graph()));
    let table = scores.table();
    assert!(scores.entity_f1() >= 0.90, "headline entity F1 below 0.90\n{table}{:#?}", scores.errors);
    assert!(scores.core_f1() >= 0.95, "core relation F1 below 0.95\n{table}{:#?}", scores.errors);
    assert!(scores.all_f1() >= 0.85, "all-relation F1 below 0.85\n{table}{:#?}", scores.errors);
    // The same bars through the command line, on the text and on an export.
    let output = util::run(&[
        "eval",
        "--gold",
        SEED_GOLD,
        "seeds/",
        "--min-entity-f1",
        "0.90",
        "--min-core-f1",
        "0.95",
        "--min-all-f1",
        "0.85",
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stdout));
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.contains("relations:") && stdout.contains("entity-F1 "), "{stdout}");
}

#[test]
fn eval_fails_below_a_bar_and_lists_errors() {
    let folder = tempfile::tempdir().unwrap();
    let graph = folder.path().join("000_03dcce986fe3aa56.json");
    fs::write(&graph, r#"{"nodes": [{"id": "d", "type": "Document", "label": "x"}], "edges": []}"#).unwrap();
    let output =
        util::run(&["eval", "--gold", SEED_GOLD, graph.to_str().unwrap(), "--show-errors", "--min-core-f1", "0.5"]);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(1), "{stdout}");
    assert!(stdout.contains("FAIL core relation F1 0.000 < 0.500"), "{stdout}");
    assert!(stdout.contains("relation FN "), "{stdout}");
}

/// The relations of a graph as (subject label, relation, object label).
fn triples(json: &Value) -> Vec<(String, String, String)> {
    let label = |id: &Value| {
        let node = json["nodes"].as_array().unwrap().iter().find(|n| n["id"] == *id).unwrap();
        if node["type"] == "Document" {
            "@doc".to_owned()
        } else {
            node["label"].as_str().unwrap().to_owned()
        }
    };
    json["edges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (label(&e["source"]), e["relation"].as_str().unwrap().to_owned(), label(&e["target"])))
        .collect()
}

#[test]
fn an_english_article_yields_the_seven_kinds_of_relation() {
    let output = util::run(&["extract", "tests/fixtures/english.txt", "-f", "json"]);
    assert_eq!(output.status.code(), Some(0), "{}", util::stderr(&output));
    let json: Value = serde_json::from_slice(&output.stdout).unwrap();
    let found = triples(&json);
    let expected = [
        ("Maya Okafor", "founded", "Harbor Robotics"),
        ("Maya Okafor", "works-at", "Harbor Robotics"),
        ("Maya Okafor", "quoted-in", "@doc"),
        ("Tomas Lindqvist", "works-at", "Uppsala University"),
        ("Tomas Lindqvist", "met-with", "Maya Okafor"),
        ("@doc", "cites", "Baltic Wire"),
        ("Harbor Robotics", "developed", "Sorter X2"),
    ];
    for (s, r, o) in expected {
        let either = |a: &str, b: &str| found.contains(&(a.to_owned(), r.to_owned(), b.to_owned()));
        assert!(either(s, o) || r == "met-with" && either(o, s), "missing {s} {r} {o} in {found:?}");
    }
    let met = json["edges"].as_array().unwrap().iter().find(|e| e["relation"] == "met-with").unwrap();
    assert_eq!(met["date"], "2024-03-03");
    assert_eq!(met["topic"], "warehouse automation");
}

#[test]
fn user_rules_add_relations_and_broken_rules_name_file_line_and_column() {
    let folder = tempfile::tempdir().unwrap();
    let rules = folder.path().join("mine.rules");
    fs::write(&rules, "list praise = lobte lobt\nrule praised.verb praised: S=@PER $praise ~3 O=@PER|ORG\n").unwrap();
    let text = folder.path().join("a.txt");
    fs::write(&text, "Premierministerin Alma Kovač lobte den Forscher Jonas Weber.\n").unwrap();
    let output = util::run(&["extract", text.to_str().unwrap(), "--rules", rules.to_str().unwrap(), "-f", "json"]);
    assert_eq!(output.status.code(), Some(0), "{}", util::stderr(&output));
    let found = triples(&serde_json::from_slice(&output.stdout).unwrap());
    assert!(found.contains(&("Alma Kovač".into(), "praised".into(), "Jonas Weber".into())), "{found:?}");

    fs::write(&rules, "# mine\nrule broken founded: S=@PER O=@NOPE\n").unwrap();
    let output = util::run(&["extract", text.to_str().unwrap(), "--rules", rules.to_str().unwrap(), "-f", "json"]);
    assert_eq!(output.status.code(), Some(2));
    let error = util::stderr(&output);
    assert!(error.contains("mine.rules:2:31: unknown entity kind `NOPE`"), "{error}");
    assert!(output.stdout.is_empty());
}

#[test]
fn decomposed_input_is_matched_in_nfc_and_spans_slice_the_original() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("nfd.txt");
    let text = "Die Firma Zo\u{0308}llner Robotik gründete Jo\u{0308}rg Hu\u{0308}bner. \"Gut\", sagt Jo\u{0308}rg Hu\u{0308}bner.\n";
    fs::write(&path, text).unwrap();
    let output = util::run(&["extract", path.to_str().unwrap(), "-f", "json", "--lang", "de"]);
    let json: Value = serde_json::from_slice(&output.stdout).unwrap();
    let labels: Vec<&str> = json["nodes"].as_array().unwrap().iter().filter_map(|n| n["label"].as_str()).collect();
    assert!(labels.contains(&"Jörg Hübner"), "{labels:?}");
    for node in json["nodes"].as_array().unwrap() {
        for mention in node["mentions"].as_array().into_iter().flatten() {
            let (start, end) = (mention["start"].as_u64().unwrap() as usize, mention["end"].as_u64().unwrap() as usize);
            assert_eq!(&text[start..end], mention["text"].as_str().unwrap());
        }
    }
}

/// A JSON Lines corpus of `count` short documents, each naming people and
/// companies of its own and some that recur, with an unreadable line at
/// `bad_line`.
fn many_documents(count: usize, bad_line: usize) -> String {
    let line = |n: usize| {
        let text = format!(
            "Die Ingenieurin Marta Quell{n} arbeitet bei der Firma Zorbex{} in Stuttgart. \
             \"Wir wachsen\", sagt Quell{n}. Tilo Brann traf sich mit Marta Quell{n}.",
            n % 7
        );
        serde_json::json!({"id": format!("doc-{n}"), "text": text, "lang": "de"}).to_string()
    };
    (0..count).map(|n| if n == bad_line { "{\"id\": ".to_owned() } else { line(n) }).collect::<Vec<_>>().join("\n")
}

/// Documents are extracted a batch at a time while the batch before merges:
/// across several batches the graph is the same with one thread and two,
/// and every readable document is in it.
#[test]
fn a_corpus_of_several_batches_keeps_every_document_with_any_number_of_jobs() {
    let folder = tempfile::tempdir().unwrap();
    let corpus = folder.path().join("corpus.jsonl");
    fs::write(&corpus, many_documents(300, 100)).unwrap();
    let outputs: Vec<Vec<u8>> = ["1", "2"]
        .iter()
        .map(|jobs| {
            let out = folder.path().join(format!("graph-{jobs}.json"));
            let output = util::run(&["extract", corpus.to_str().unwrap(), "--jobs", jobs, "-o", out.to_str().unwrap()]);
            assert_eq!(output.status.code(), Some(1), "{}", util::stderr(&output));
            assert!(util::stderr(&output).contains("corpus.jsonl:101"), "{}", util::stderr(&output));
            fs::read(out).unwrap()
        })
        .collect();
    assert_eq!(outputs[0], outputs[1]);
    let graph: Value = serde_json::from_slice(&outputs[0]).unwrap();
    let nodes = graph["nodes"].as_array().unwrap();
    let documents: Vec<&str> =
        nodes.iter().filter(|n| n["type"] == "Document").map(|n| n["label"].as_str().unwrap()).collect();
    assert_eq!(documents.len(), 299);
    let people = nodes.iter().filter(|n| n["type"] == "Person").count();
    assert!(people > 250, "{people} people");
}

#[test]
fn two_jobs_give_the_same_bytes_as_one() {
    let folder = tempfile::tempdir().unwrap();
    let outputs: Vec<Vec<u8>> = ["1", "2"]
        .iter()
        .map(|jobs| {
            let out = folder.path().join(format!("graph-{jobs}.ttl"));
            let output = util::run(&[
                "extract",
                "seeds/",
                "tests/fixtures/english.txt",
                "--jobs",
                jobs,
                "-o",
                out.to_str().unwrap(),
            ]);
            assert_eq!(output.status.code(), Some(0), "{}", util::stderr(&output));
            fs::read(out).unwrap()
        })
        .collect();
    assert!(!outputs[0].is_empty());
    assert_eq!(outputs[0], outputs[1]);
    assert_eq!(util::run(&["extract", "seeds/", "--jobs", "0"]).status.code(), Some(2));
}

#[test]
fn eval_ner_scores_strict_spans_per_type() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("ner.tsv");
    let data = "# made up\n1\tMaria\tB-PER\tO\n2\tSchulz\tI-PER\tO\n3\treist\tO\tO\n4\tnach\tO\tO\n5\tFrankreich\tB-LOC\tO\n\n\
                1\tDer\tO\tO\n2\tKonzern\tO\tO\n3\tNordwind\tB-ORG\tO\n4\twächst\tO\tO\n\n";
    fs::write(&path, data).unwrap();
    let output = util::run(&["eval-ner", path.to_str().unwrap()]);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(0), "{}", util::stderr(&output));
    assert!(stdout.contains("sentences: 2"), "{stdout}");
    assert!(stdout.contains("all   P 1.000  R 1.000  F1 1.000   (tp 3, fp 0, fn 0)"), "{stdout}");
    fs::write(&path, "1\tMaria\n").unwrap();
    let output = util::run(&["eval-ner", path.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    assert!(util::stderr(&output).contains("ner.tsv:1:1:"), "{}", util::stderr(&output));
}
