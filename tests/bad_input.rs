//! Bad input: each case gets a clear message naming the file and position,
//! the other inputs are still exported, and nothing panics.

use std::fs;
use std::path::Path;

use crate::util;

fn extract_json(inputs: &[&Path]) -> (Option<i32>, String, serde_json::Value) {
    let mut args = vec!["extract".to_owned()];
    args.extend(inputs.iter().map(|p| p.to_str().unwrap().to_owned()));
    args.extend(["-f".into(), "json".into()]);
    let output = util::kgex().args(&args).output().unwrap();
    let json = serde_json::from_slice(&output.stdout).unwrap_or(serde_json::Value::Null);
    (output.status.code(), util::stderr(&output), json)
}

fn documents(json: &serde_json::Value) -> Vec<String> {
    json["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| n["type"] == "Document")
        .map(|n| n["id"].as_str().unwrap().to_owned())
        .collect()
}

fn good_file(folder: &Path) -> std::path::PathBuf {
    let path = folder.join("good.txt");
    fs::write(&path, "Die Nachrichtenagentur Mondpost meldet Neues.").unwrap();
    path
}

#[test]
fn a_missing_path_is_named_and_the_rest_exported() {
    let folder = tempfile::tempdir().unwrap();
    let good = good_file(folder.path());
    let (code, stderr, json) = extract_json(&[&folder.path().join("nope.txt"), &good]);
    assert_eq!(code, Some(1));
    assert!(stderr.contains("nope.txt") && stderr.contains("No such file"), "{stderr}");
    assert_eq!(documents(&json), ["document/good"]);
}

#[test]
fn a_folder_without_text_files_is_named() {
    let folder = tempfile::tempdir().unwrap();
    fs::write(folder.path().join("image.png"), [0x89, b'P', b'N', b'G']).unwrap();
    let (code, stderr, _) = extract_json(&[folder.path()]);
    assert_eq!(code, Some(1));
    assert!(stderr.contains("folder holds no .txt, .md or .jsonl file"), "{stderr}");
}

#[test]
fn binary_and_invalid_utf8_files_are_named_with_position() {
    let (code, stderr, json) = extract_json(&[Path::new("tests/fixtures/")]);
    assert_eq!(code, Some(1));
    assert!(stderr.contains("binary.txt:1:5: binary file"), "{stderr}");
    assert!(stderr.contains("latin1.txt:2:9: invalid UTF-8 at byte offset 32"), "{stderr}");
    assert!(stderr.contains("broken.jsonl:2:"), "{stderr}");
    let documents = documents(&json);
    for expected in
        ["document/bom-crlf", "document/english", "document/empty", "document/broken-ok-1", "document/broken-ok-3"]
    {
        assert!(documents.iter().any(|d| d == expected), "{expected} missing from {documents:?}");
    }
}

#[test]
fn an_empty_file_gives_a_valid_graph_with_its_document() {
    let folder = tempfile::tempdir().unwrap();
    let empty = folder.path().join("empty.txt");
    fs::write(&empty, "").unwrap();
    let (code, _, json) = extract_json(&[&empty]);
    assert_eq!(code, Some(0));
    assert_eq!(documents(&json), ["document/empty"]);
    assert_eq!(json["edges"].as_array().unwrap().len(), 0);
}

#[test]
fn spans_index_the_text_exactly_with_bom_and_crlf() {
    let text = fs::read_to_string(util::root().join("tests/fixtures/bom-crlf.txt")).unwrap();
    assert!(text.starts_with('\u{feff}') && text.contains("\r\n"));
    let (_, _, json) = extract_json(&[Path::new("tests/fixtures/bom-crlf.txt")]);
    let mut n_checked = 0;
    for node in json["nodes"].as_array().unwrap() {
        for mention in node["mentions"].as_array().unwrap() {
            let (start, end) = (mention["start"].as_u64().unwrap() as usize, mention["end"].as_u64().unwrap() as usize);
            assert_eq!(&text[start..end], mention["text"].as_str().unwrap());
            let chars = mention["char_start"].as_u64().unwrap() as usize;
            assert_eq!(text[..start].chars().count(), chars);
            n_checked += 1;
        }
    }
    for edge in json["edges"].as_array().unwrap() {
        for evidence in edge["evidence"].as_array().unwrap() {
            let (start, end) =
                (evidence["start"].as_u64().unwrap() as usize, evidence["end"].as_u64().unwrap() as usize);
            assert_eq!(&text[start..end], evidence["text"].as_str().unwrap());
            n_checked += 1;
        }
    }
    assert!(n_checked >= 4, "the fixture yields mentions and evidence");
    assert!(json["edges"].as_array().unwrap().iter().any(|e| e["relation"] == "works-at"));
}

#[test]
fn a_50_megabyte_line_is_read() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("long.txt");
    let line = "Wörter ohne Ende und ohne Satzzeichen ".repeat(50 * 1024 * 1024 / 39);
    fs::write(&path, &line).unwrap();
    let out = folder.path().join("out.nt");
    let output = util::run(&["extract", path.to_str().unwrap(), "-o", out.to_str().unwrap()]);
    assert!(output.status.success(), "{}", util::stderr(&output));
    assert!(fs::read_to_string(out).unwrap().contains("NewsArticle"));
}

#[test]
fn convert_names_line_and_column_of_bad_json() {
    let folder = tempfile::tempdir().unwrap();
    for (content, expected) in [
        ("{\n \"directed\": true,\n \"nodes\": [\n", "bad.json:4:1: invalid kgex JSON graph: EOF while parsing"),
        ("{\"directed\": true, \"multigraph\": true, \"graph\": {\"generator\": \"x\", \"base\": \"http://e.org/\"},\n\"nodes\": [{\"id\": 5}], \"edges\": []}", "bad.json:2:18: invalid kgex JSON graph: invalid type: integer `5`, expected a string"),
        ("{\"directed\": true, \"multigraph\": true, \"graph\": {\"generator\": \"x\", \"base\": \"http://e.org/\"},\n\"nodes\": [], \"edges\": [], \"extra\": 1}", "bad.json:2:33: invalid kgex JSON graph: unknown field `extra`"),
        ("{\"directed\": true, \"multigraph\": true, \"graph\": {\"generator\": \"x\", \"base\": \"http://e.org/\"}, \"nodes\": [], \"edges\": [{\"source\": \"person/a\", \"target\": \"person/b\", \"key\": \"founded\", \"relation\": \"founded\", \"confidence\": 1.0, \"evidence\": []}]}", "edges[0]: relation refers to unknown entity 'person/a'"),
        ("{\"directed\": true, \"multigraph\": true, \"graph\": {\"generator\": \"x\", \"base\": \"http://e.org/\"}, \"nodes\": [{\"id\": \"person/a\", \"iri\": \"http://e.org/person/a\", \"label\": \"A\", \"type\": \"Person\", \"aliases\": [], \"mentions\": [{\"document\": \"document/d\", \"start\": 4294967296, \"end\": 4294967300, \"char_start\": 0, \"char_end\": 4, \"text\": \"A\"}]}], \"edges\": []}", "nodes[0]: span 4294967296..4294967300 (characters 0..4) is beyond 4 GiB"),
        ("{\"directed\": true, \"multigraph\": true, \"graph\": {\"generator\": \"x\", \"base\": \"http://e.org/\"}, \"nodes\": [{\"id\": \"person/a\", \"iri\": \"http://e.org/person/a\", \"label\": \"A\", \"type\": \"Person\", \"aliases\": [], \"mentions\": [{\"document\": \"document/d\", \"start\": 0, \"end\": 4, \"char_start\": 0, \"char_end\": 4, \"text\": \"A\"}]}], \"edges\": []}", "nodes[0]: mention 'A' at 0..4 is not as long as its span"),
    ] {
        let path = folder.path().join("bad.json");
        fs::write(&path, content).unwrap();
        let out = folder.path().join("out.ttl");
        let output = util::run(&["convert", path.to_str().unwrap(), "-o", out.to_str().unwrap()]);
        assert_eq!(output.status.code(), Some(2));
        assert!(util::stderr(&output).contains(expected), "expected {expected:?} in {}", util::stderr(&output));
        assert!(!out.exists(), "a failed run leaves no output file");
    }
}
