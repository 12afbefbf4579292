//! The Spark runner (contrib/spark/kgex_spark.py) on Spark in local mode
//! with two cores: the corpus cut into partitions, each extracted into a
//! shard, the shards merged, gives the bytes of one single-process run.

use std::fs;
use std::process::Command;

use crate::util;

#[test]
fn spark_local_run_equals_one_run() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus.jsonl");
    let mut records = String::new();
    let mut texts: Vec<_> = fs::read_dir(util::root().join("tests/gold/de/dev"))
        .unwrap()
        .chain(fs::read_dir(util::root().join("tests/gold/en/dev")).unwrap())
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    texts.sort();
    for (n, path) in texts.iter().enumerate() {
        let text = fs::read_to_string(path).unwrap();
        let id = path.file_stem().unwrap().to_string_lossy();
        records.push_str(&serde_json::json!({"id": id, "text": text}).to_string());
        records.push('\n');
        if n == 5 {
            // A broken record is reported and skipped in both runs.
            records.push_str("{\"id\": \"broken\", \"text\": 3}\n\n");
        }
    }
    fs::write(&corpus, records).unwrap();
    let single = dir.path().join("single.json");
    let output = util::run(&["extract", corpus.to_str().unwrap(), "-f", "json", "-o", single.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1), "{}", util::stderr(&output));

    let python = std::env::var("PYTHON").unwrap_or_else(|_| "python3".into());
    let out = dir.path().join("spark");
    let binary = env!("CARGO_BIN_EXE_kgex");
    let run = Command::new(&python)
        .arg(util::root().join("contrib/spark/kgex_spark.py"))
        .args(["--master", "local[2]", "--partitions", "3", "--kgex", binary])
        .arg(&corpus)
        .arg(&out)
        .output()
        .unwrap_or_else(|error| panic!("cannot run {python} (tests/run.sh installs PySpark): {error}"));
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(run.status.success(), "{stderr}");
    assert!(stderr.contains("3 shard(s) merged"), "{stderr}");
    assert!(stderr.contains("invalid JSON Lines record"), "the broken record is reported: {stderr}");
    assert_eq!(fs::read(out.join("graph.json")).unwrap(), fs::read(&single).unwrap(), "Spark and one run differ");
}
