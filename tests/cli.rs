//! The command line: where output goes, in which format, and exit codes.

use std::fs;
use std::io::Read;
use std::process::Stdio;

use crate::util;
use kgex::ExportFormat;

#[test]
fn extract_into_a_folder_writes_every_format() {
    let folder = tempfile::tempdir().unwrap();
    let output = util::run(&["extract", "seeds/", "-o", &format!("{}/", folder.path().display())]);
    assert!(output.status.success(), "{}", util::stderr(&output));
    let mut names: Vec<String> =
        fs::read_dir(folder.path()).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
    names.sort();
    let mut expected: Vec<String> = ExportFormat::ALL.iter().map(|f| format!("graph.{}", f.file_extension())).collect();
    expected.sort();
    assert_eq!(names, expected, "every format and no temporary file left behind");
}

#[test]
fn without_output_turtle_goes_to_stdout() {
    let output = util::run(&["extract", "seeds/"]);
    assert!(output.status.success());
    let turtle = String::from_utf8(output.stdout).unwrap();
    assert!(turtle.contains("@prefix schema: <https://schema.org/>"));
    assert!(turtle.contains("schema:NewsArticle"));
}

#[test]
fn format_comes_from_the_extension_or_the_flag() {
    let folder = tempfile::tempdir().unwrap();
    let graphml = folder.path().join("g.graphml");
    assert!(util::run(&["extract", "seeds/", "-o", graphml.to_str().unwrap()]).status.success());
    assert!(fs::read_to_string(&graphml).unwrap().contains("<graphml"));
    let named = folder.path().join("g.out");
    assert!(util::run(&["extract", "seeds/", "-f", "dot", "-o", named.to_str().unwrap()]).status.success());
    assert!(fs::read_to_string(&named).unwrap().starts_with("digraph"));
    let some = folder.path().join("some");
    assert!(util::run(&["extract", "seeds/", "-f", "nt", "-f", "trig", "-o", some.to_str().unwrap()]).status.success());
    assert!(some.join("graph.nt").exists() && some.join("graph.trig").exists() && !some.join("graph.ttl").exists());
}

#[test]
fn usage_errors_exit_2_with_a_message() {
    for (args, message) in [
        (vec!["extract", "seeds/", "-o", "/tmp/kgex-test-x.unknownext"], "cannot tell the format"),
        (vec!["extract", "seeds/", "-f", "ttl", "-f", "nt"], "several formats need -o FOLDER"),
        (vec!["extract", "seeds/", "-f", "yaml"], "unknown format 'yaml'"),
        (vec!["extract", "seeds/", "--base", "not an iri"], "invalid base IRI"),
        (vec!["extract"], "required"),
        (vec!["frobnicate"], "unrecognized subcommand"),
    ] {
        let output = util::run(&args);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(util::stderr(&output).contains(message), "{args:?}: {}", util::stderr(&output));
    }
}

#[test]
fn formats_lists_extension_and_media_type() {
    let output = util::run(&["formats"]);
    let text = String::from_utf8(output.stdout).unwrap();
    for format in ExportFormat::ALL {
        assert!(text.contains(format.media_type()) && text.contains(format.name()), "{format}");
    }
}

#[test]
fn help_shows_examples() {
    let text = String::from_utf8(util::run(&["--help"]).stdout).unwrap();
    assert!(text.contains("Examples:") && text.contains("kgex extract seeds/ -o out/"));
}

#[test]
fn an_output_that_is_also_an_input_is_refused() {
    let folder = tempfile::tempdir().unwrap();
    let input = folder.path().join("article.txt");
    fs::write(&input, "Anna Berg, Forscherin an der Universität Jena, sagt: \"Gut.\"").unwrap();
    let output = util::run(&["extract", input.to_str().unwrap(), "-f", "turtle", "-o", input.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    assert!(util::stderr(&output).contains("is also an input"));
    assert!(fs::read_to_string(&input).unwrap().starts_with("Anna Berg"));
}

#[test]
fn stdin_and_json_lines_are_read() {
    let mut child =
        util::kgex().args(["extract", "-", "-f", "json"]).stdin(Stdio::piped()).stdout(Stdio::piped()).spawn().unwrap();
    std::io::Write::write_all(
        child.stdin.as_mut().unwrap(),
        "Laut Nachrichtenagentur Mondpost wächst der Markt.".as_bytes(),
    )
    .unwrap();
    let output = child.wait_with_output().unwrap();
    assert!(output.status.success());
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["nodes"][0]["id"], "document/stdin");
    let output = util::run(&["extract", "tests/fixtures/good.jsonl", "-f", "json"]);
    assert!(output.status.success(), "{}", util::stderr(&output));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let documents: Vec<&str> = json["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| n["type"] == "Document")
        .map(|n| n["id"].as_str().unwrap())
        .collect();
    assert_eq!(documents, ["document/wire-001", "document/wire-002"]);
}

#[test]
fn a_closed_pipe_is_not_an_error() {
    let big = tempfile::tempdir().unwrap();
    let text = fs::read_to_string(util::root().join("seeds/000_03dcce986fe3aa56.txt")).unwrap();
    for idx in 0..40 {
        fs::write(big.path().join(format!("copy{idx:02}.txt")), format!("Kopie {idx}\n\n{text}")).unwrap();
    }
    let mut child = util::kgex()
        .args(["extract", big.path().to_str().unwrap(), "-f", "nt"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 64];
    child.stdout.take().unwrap().read_exact(&mut first).unwrap();
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", util::stderr(&output));
    assert!(util::stderr(&output).is_empty(), "{}", util::stderr(&output));
}

#[test]
fn explain_prints_merges_and_relations_with_rule_and_sentence() {
    let output = util::run(&["extract", "--explain", "seeds/", "-f", "json"]);
    let text = util::stderr(&output);
    assert!(text.lines().any(|l| l.starts_with("merge: Person '") && l.contains(" → ")), "{text}");
    assert!(
        text.lines().any(|l| l.starts_with("relation: ")
            && l.contains(" works-at ")
            && l.contains("[works.")
            && l.contains(" in: ")),
        "{text}"
    );
}

#[cfg(unix)]
#[test]
fn writing_to_a_device_keeps_the_device() {
    use std::os::unix::fs::FileTypeExt;
    for args in [
        &["extract", "seeds/", "-f", "json", "-o", "/dev/null"][..],
        &["extract", "seeds/", "-f", "nquads", "--stream", "-o", "/dev/null"],
    ] {
        let output = util::run(args);
        assert!(output.status.success(), "{}", util::stderr(&output));
        let kind = fs::metadata("/dev/null").unwrap().file_type();
        assert!(kind.is_char_device(), "{args:?} replaced /dev/null with a file");
    }
}

#[test]
fn evaluation_tables_into_a_closed_pipe_end_quietly() {
    let mut child = util::kgex()
        .args(["eval", "--gold", "tests/gold/de/dev", "tests/gold/de/dev", "--show-errors"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // The reader goes away before kgex writes (as `| head -0` would).
    drop(child.stdout.take());
    let output = child.wait_with_output().unwrap();
    assert!(output.status.success(), "{}", util::stderr(&output));
    assert!(!util::stderr(&output).contains("panicked"), "{}", util::stderr(&output));
}

#[test]
fn output_dash_is_stdout_as_input_dash_is_stdin() {
    let folder = tempfile::tempdir().unwrap();
    let seed = util::root().join("seeds");
    let args = ["extract", seed.to_str().unwrap(), "-f", "nt", "-o", "-"];
    let output = util::kgex().current_dir(folder.path()).args(args).output().unwrap();
    assert!(output.status.success(), "{}", util::stderr(&output));
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.contains("schema.org/NewsArticle"), "{stdout:.200}");
    assert!(!folder.path().join("-").exists(), "wrote a file named '-'");
}
