//! Two runs on the same input write byte-identical files in every format.

use std::fs;
use std::path::Path;

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
        let (a, b) = (contents(&first.path().join(&name)), contents(&second.path().join(&name)));
        assert!(a.len() > 100, "{name} is nearly empty");
        assert!(a == b, "{name} differs between runs");
    }
}

/// A file's bytes, or a folder's file names and bytes in name order.
fn contents(path: &Path) -> Vec<u8> {
    if !path.is_dir() {
        return fs::read(path).unwrap();
    }
    let mut names: Vec<_> = fs::read_dir(path).unwrap().map(|entry| entry.unwrap().file_name()).collect();
    names.sort();
    let mut bytes = Vec::new();
    for name in names {
        bytes.extend(name.to_string_lossy().as_bytes());
        bytes.extend(fs::read(path.join(name)).unwrap());
    }
    bytes
}
