//! `kgex extract --stream`: JSON Lines read a line at a time (stdin too),
//! one graph per document written in input order, N-Quads checked by the
//! real consumers, the same entities and relations as one merged run.

use std::collections::BTreeSet;
use std::fs;
use std::io::Write;
use std::process::Stdio;

use crate::util;

const RECORDS: &str = concat!(
    "{\"id\": \"one\", \"text\": \"Die Firma Nordwerk aus Bremen stellte am Montag den Roboter X7 vor. \
     Firmenchefin Anna Berg sagte, man sei stolz.\", \"lang\": \"de\"}\n",
    "{\"id\": \"two\", \"text\": \"Tim Rowe, chief executive of Brightwell, said the firm is based in Leeds.\", \"lang\": \"en\"}\n",
);

fn stream(format: &str, input: &str) -> std::process::Output {
    let mut child = util::kgex()
        .args(["extract", "-", "-f", format, "--stream", "--jobs", "2"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
    child.wait_with_output().unwrap()
}

#[test]
fn nquads_stream_from_stdin_opens_in_the_consumers() {
    let input = format!("{RECORDS}{{\"id\": \"bad\", \"text\": 7}}\n");
    let output = stream("nquads", &input);
    // The bad record is named by line and column; the others are written.
    assert_eq!(output.status.code(), Some(1), "{}", util::stderr(&output));
    assert!(util::stderr(&output).contains("-:3:"), "{}", util::stderr(&output));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("stream.nq");
    fs::write(&path, &output.stdout).unwrap();
    let report = &util::consume(&[path])[0];
    assert!(report.errors.is_empty(), "{:#?}", report.errors);
    let text = String::from_utf8_lossy(&output.stdout);
    for document in ["document/one>", "document/two>"] {
        assert!(text.lines().any(|l| l.trim_end().ends_with(&format!("{document} ."))), "no graph {document}");
    }
}

#[test]
fn json_lines_stream_holds_what_one_run_merges() {
    let output = stream("json", RECORDS);
    assert!(output.status.success(), "{}", util::stderr(&output));
    let lines: Vec<serde_json::Value> =
        String::from_utf8_lossy(&output.stdout).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 2);
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("news.jsonl");
    fs::write(&file, RECORDS).unwrap();
    let merged = util::run(&["extract", file.to_str().unwrap(), "-f", "json"]);
    assert!(merged.status.success(), "{}", util::stderr(&merged));
    let merged: serde_json::Value = serde_json::from_slice(&merged.stdout).unwrap();
    let ids = |graph: &serde_json::Value| -> BTreeSet<String> {
        graph["nodes"].as_array().unwrap().iter().map(|n| n["id"].as_str().unwrap().to_owned()).collect()
    };
    let streamed: BTreeSet<String> = lines.iter().flat_map(ids).collect();
    assert_eq!(streamed, ids(&merged));
    let edges = |graph: &serde_json::Value| graph["edges"].as_array().unwrap().len();
    assert_eq!(lines.iter().map(edges).sum::<usize>(), edges(&merged));
    assert!(edges(&merged) > 0);
    // Other formats are refused with a usage error.
    let refused = util::run(&["extract", file.to_str().unwrap(), "-f", "turtle", "--stream"]);
    assert_eq!(refused.status.code(), Some(2));
    assert!(util::stderr(&refused).contains("--stream"), "{}", util::stderr(&refused));
}
