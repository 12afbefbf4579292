//! `kgex extract --shard-size`: the documents of a run cut into shards of
//! about a given size, in input order, each written as its own graph, so
//! that memory holds one shard and `kgex merge` joins them later.

use std::path::{Path, PathBuf};

use anyhow::bail;

use super::output::{self, Target};
use kgex::{ExportFormat, ExportOptions, KnowledgeGraph};

/// The shard being filled and where shards go.
pub struct Shards {
    size: u64,
    folder: PathBuf,
    formats: Vec<ExportFormat>,
    options: ExportOptions,
    graph: KnowledgeGraph,
    bytes: u64,
    documents: usize,
    written: usize,
}

impl Shards {
    /// Shards of `size` bytes of text into `folder`, in `formats` (JSON
    /// when none is given, the format `kgex merge` reads).
    pub fn new(size: u64, folder: &Path, formats: Vec<ExportFormat>, options: ExportOptions) -> anyhow::Result<Self> {
        if folder.extension().is_some() && !folder.is_dir() {
            bail!("--shard-size writes a graph per shard into a folder; -o '{}' looks like a file", folder.display());
        }
        let formats = if formats.is_empty() { vec![ExportFormat::Json] } else { formats };
        let graph = KnowledgeGraph::new();
        Ok(Self { size, folder: folder.to_owned(), formats, options, graph, bytes: 0, documents: 0, written: 0 })
    }

    /// Adds the graph of one document of `bytes` bytes of text; writes the
    /// shard once it holds `size` bytes or more.
    pub fn add(&mut self, graph: KnowledgeGraph, bytes: usize) -> anyhow::Result<()> {
        self.graph.merge(graph);
        self.bytes += bytes as u64;
        self.documents += 1;
        if self.bytes >= self.size {
            self.write()?;
        }
        Ok(())
    }

    /// Writes the last shard, if it holds any document, and returns how
    /// many shards were written.
    pub fn finish(mut self) -> anyhow::Result<usize> {
        if self.documents > 0 {
            self.write()?;
        }
        Ok(self.written)
    }

    fn write(&mut self) -> anyhow::Result<()> {
        let name = format!("shard-{:05}", self.written);
        let targets: Vec<Target> = self
            .formats
            .iter()
            .map(|&format| Target {
                format,
                path: Some(self.folder.join(format!("{name}.{}", format.file_extension()))),
                picture: None,
            })
            .collect();
        output::write_all(&self.graph, &targets, &self.options)?;
        self.graph = KnowledgeGraph::new();
        (self.bytes, self.documents) = (0, 0);
        self.written += 1;
        Ok(())
    }
}

/// A size such as `64M`, `500k`, `2G` or `1000000` (bytes; K, M and G are
/// powers of 1024).
pub fn parse_size(text: &str) -> Result<u64, String> {
    let text = text.trim();
    let (number, unit) = match text.char_indices().find(|(_, c)| !c.is_ascii_digit()) {
        Some((at, _)) => (&text[..at], &text[at..]),
        None => (text, ""),
    };
    let factor: u64 = match unit.to_ascii_uppercase().trim_end_matches('B') {
        "" => 1,
        "K" => 1 << 10,
        "M" => 1 << 20,
        "G" => 1 << 30,
        _ => return Err(format!("'{text}' is not a size (for example 64M, 500K, 2G)")),
    };
    let value: u64 = number.parse().map_err(|_| format!("'{text}' is not a size (for example 64M, 500K, 2G)"))?;
    if value == 0 {
        return Err("a shard size must be more than 0".into());
    }
    value.checked_mul(factor).ok_or_else(|| format!("'{text}' is too large"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_sizes() {
        assert_eq!(parse_size("64M"), Ok(64 << 20));
        assert_eq!(parse_size("500k"), Ok(500 << 10));
        assert_eq!(parse_size("1000"), Ok(1000));
        assert_eq!(parse_size("2GB"), Ok(2 << 30));
        assert!(parse_size("0").is_err() && parse_size("12X").is_err() && parse_size("M").is_err());
    }
}
