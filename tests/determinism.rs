//! Two runs on the same input write byte-identical files in every format.

use crate::util;
use kgex::input::read_inputs;
use kgex::pipeline::{self, Settings};
use kgex::{ExportFormat, ExportOptions, KnowledgeGraph};

#[test]
fn two_runs_write_identical_files() {
    let (first, second) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    for folder in [&first, &second] {
        let output =
            util::run(&["extract", "seeds/", "tests/fixtures/", "-o", &format!("{}/", folder.path().display())]);
        assert_eq!(output.status.code(), Some(1), "fixtures hold bad files: {}", util::stderr(&output));
    }
    for format in ExportFormat::ALL {
        let name = format!("graph.{}", format.file_extension());
        let (a, b) = (util::contents(&first.path().join(&name)), util::contents(&second.path().join(&name)));
        assert!(a.len() > 100, "{name} is nearly empty");
        assert!(a == b, "{name} differs between runs");
    }
}

/// A corpus graph moves the sentence texts of its evidence to a temporary
/// file once it holds its share of them; what it writes stays the same.
#[test]
fn spilled_sentences_write_identical_files() {
    let paths =
        [util::root().join("seeds"), util::root().join("tests/gold/de/dev"), util::root().join("tests/gold/en/dev")];
    let documents: Vec<_> = read_inputs(&paths, None).into_iter().map(Result::unwrap).collect();
    let extractor = pipeline::Extractor::new(&Settings::default());
    let graphs: Vec<_> = documents.iter().map(|document| extractor.extract(document).graph).collect();
    // All in memory, all spilled, and spilled after the first few kilobytes.
    let merged = |spill_after: usize| {
        let mut graph = KnowledgeGraph::new();
        graph.spill_sentences_after(spill_after);
        graphs.iter().cloned().for_each(|other| graph.merge(other));
        graph
    };
    let (held, spilled, mixed) = (merged(usize::MAX), merged(0), merged(4096));
    let evidence = |graph: &KnowledgeGraph| -> Vec<bool> {
        graph.relations().flat_map(|r| r.relation.evidence.iter().map(|e| e.sentence.held_text().is_some())).collect()
    };
    assert!(evidence(&held).iter().all(|&held| held));
    assert!(evidence(&spilled).iter().all(|&held| !held), "every sentence is spilled");
    assert!(evidence(&mixed).contains(&true) && evidence(&mixed).contains(&false));
    let options = ExportOptions::default();
    for format in ExportFormat::ALL {
        let expected = util::export_bytes(&held, format, &options);
        assert!(expected.len() > 1000, "{format} is nearly empty");
        assert!(util::export_bytes(&spilled, format, &options) == expected, "{format} differs when spilled");
        assert!(util::export_bytes(&mixed, format, &options) == expected, "{format} differs when partly spilled");
    }
}
