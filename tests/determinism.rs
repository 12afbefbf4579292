//! Two runs on the same input write byte-identical files in every format.

use crate::util;
use kgex::ExportFormat;

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
