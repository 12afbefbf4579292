//! Shards that merge: a corpus extracted in shards and joined with `kgex
//! merge` gives the bytes one run gives.

use std::fs;
use std::path::Path;

use crate::util;

/// A JSON Lines corpus whose documents share names, so that entities and
/// relations of one shard meet those of another when merged.
fn corpus(folder: &Path) -> std::path::PathBuf {
    let seed = fs::read_to_string(util::root().join("seeds/000_03dcce986fe3aa56.txt")).unwrap();
    let english = fs::read_to_string(util::root().join("tests/fixtures/english.txt")).unwrap();
    let texts = [
        (seed.as_str(), "de"),
        (english.as_str(), "en"),
        ("Die Ingenieurin Marta Quell arbeitet bei der Firma Zorbex in Stuttgart. \"Wir wachsen\", sagt Quell.", "de"),
        ("Harbor Robotics hired Marta Quell. Maya Okafor said the company would open a lab in Rotterdam.", "en"),
        ("Zorbex-Gründer Tilo Brann traf sich am 3. Mai mit Marta Quell in Stuttgart.", "de"),
        ("According to the agency Baltic Wire, Harbor Robotics released its Sorter X2 robot.", "en"),
    ];
    let lines: Vec<String> = texts
        .iter()
        .enumerate()
        .map(|(n, (text, lang))| serde_json::json!({"id": format!("doc-{n}"), "text": text, "lang": lang}).to_string())
        .collect();
    let path = folder.join("corpus.jsonl");
    fs::write(&path, lines.join("\n") + "\n").unwrap();
    path
}

#[test]
fn shards_merged_give_the_bytes_of_one_run() {
    let folder = tempfile::tempdir().unwrap();
    let input = corpus(folder.path());
    let input = input.to_str().unwrap();
    let shards = folder.path().join("shards");
    let output = util::run(&["extract", input, "--shard-size", "200", "-o", shards.to_str().unwrap()]);
    assert!(output.status.success(), "{}", util::stderr(&output));
    let mut parts: Vec<String> = fs::read_dir(&shards)
        .unwrap()
        .map(|e| e.unwrap().path().to_string_lossy().into_owned())
        .filter(|p| p.ends_with(".json"))
        .collect();
    parts.sort();
    assert!(parts.len() >= 3, "expected several shards, got {parts:?}");
    for format in ["json", "nq", "graphml"] {
        let merged = folder.path().join(format!("merged.{format}"));
        let whole = folder.path().join(format!("whole.{format}"));
        let mut args = vec!["merge"];
        args.extend(parts.iter().map(String::as_str));
        args.extend(["-o", merged.to_str().unwrap()]);
        let output = util::run(&args);
        assert!(output.status.success(), "{}", util::stderr(&output));
        assert!(util::run(&["extract", input, "-o", whole.to_str().unwrap()]).status.success());
        assert!(fs::read(&merged).unwrap() == fs::read(&whole).unwrap(), "{format}: merged shards differ from one run");
    }
}

#[test]
fn merge_refuses_graphs_of_another_base_and_shards_need_a_folder() {
    let folder = tempfile::tempdir().unwrap();
    let input = corpus(folder.path());
    let (a, b) = (folder.path().join("a.json"), folder.path().join("b.json"));
    let input = input.to_str().unwrap();
    assert!(util::run(&["extract", input, "-o", a.to_str().unwrap()]).status.success());
    let other = ["extract", input, "--base", "https://example.org/kg/", "-o", b.to_str().unwrap()];
    assert!(util::run(&other).status.success());
    let output = util::run(&["merge", a.to_str().unwrap(), b.to_str().unwrap(), "-f", "json"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        util::stderr(&output).contains("b.json' has entity IRIs under <https://example.org/kg/>"),
        "{}",
        util::stderr(&output)
    );
    assert_eq!(util::run(&["extract", input, "--shard-size", "1M"]).status.code(), Some(2));
    assert_eq!(util::run(&["extract", input, "--shard-size", "0", "-o", "x"]).status.code(), Some(2));
}
