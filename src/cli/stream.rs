//! `kgex extract --stream`: documents read a record at a time, extracted a
//! small batch at a time on `--jobs` threads, and written one graph each as
//! soon as their batch is done, in input order.

use std::io::{self, BufWriter, Write};

use anyhow::bail;
use rayon::prelude::*;

use super::args::ExtractArgs;
use super::extract_guarded;
use super::output;
use super::progress::Progress;
use kgex::export::{self, write_json_line};
use kgex::input::{list_sources, stream_source, Document, Language};
use kgex::pipeline::{Extractor, Settings};
use kgex::{ExportFormat, ExportOptions};

/// Documents extracted together: small, so that a pipe sees output soon.
const BATCH_DOCUMENTS: usize = 64;
/// Or this much text, whichever comes first.
const BATCH_BYTES: usize = 1 << 20;

/// How many documents were written and how many inputs failed.
pub struct Streamed {
    pub documents: usize,
    pub failed: usize,
}

/// The one format `--stream` writes: N-Quads or JSON (as JSON Lines).
pub fn stream_format(args: &ExtractArgs) -> anyhow::Result<ExportFormat> {
    let targets = output::targets(&args.output)?;
    match targets.as_slice() {
        [target] if target.picture.is_none() && matches!(target.format, ExportFormat::NQuads | ExportFormat::Json) => {
            Ok(target.format)
        }
        _ => bail!("--stream writes one graph per document as N-Quads (-f nquads) or JSON Lines (-f json)"),
    }
}

/// Extracts and writes every document of the inputs, to the `-o` file
/// (atomically) or to stdout.
pub fn run(
    args: &ExtractArgs,
    language: Option<Language>,
    settings: &Settings,
    options: &ExportOptions,
) -> anyhow::Result<Streamed> {
    let format = stream_format(args)?;
    let mut streamer = Streamer {
        pool: super::worker_pool(args.jobs)?,
        extractor: Extractor::new(settings),
        format,
        options,
        streamed: Streamed { documents: 0, failed: 0 },
        progress: Progress::new(list_sources(&args.inputs).iter().map(super::source_bytes).sum()),
    };
    match &args.output.output {
        Some(path) => output::write_atomically(path, |writer| streamer.all(args, language, writer))?,
        None => streamer.all(args, language, &mut BufWriter::new(io::stdout().lock()))?,
    }
    streamer.progress.finish();
    Ok(streamer.streamed)
}

struct Streamer<'a> {
    pool: &'static rayon::ThreadPool,
    extractor: Extractor,
    format: ExportFormat,
    options: &'a ExportOptions,
    streamed: Streamed,
    progress: Progress,
}

impl Streamer<'_> {
    fn all(&mut self, args: &ExtractArgs, language: Option<Language>, writer: &mut dyn Write) -> anyhow::Result<()> {
        let mut batch: Vec<Document> = Vec::new();
        let mut bytes = 0;
        for source in list_sources(&args.inputs) {
            for result in stream_source(source, language) {
                match result {
                    Ok(document) => {
                        bytes += document.text.len();
                        batch.push(document);
                    }
                    Err(error) => {
                        self.streamed.failed += 1;
                        eprintln!("kgex: error: {error}");
                    }
                }
                if batch.len() >= BATCH_DOCUMENTS || bytes >= BATCH_BYTES {
                    self.batch(&mut batch, writer)?;
                    bytes = 0;
                }
            }
        }
        self.batch(&mut batch, writer)
    }

    /// Extracts a batch in parallel and writes its graphs in input order.
    fn batch(&mut self, batch: &mut Vec<Document>, writer: &mut dyn Write) -> anyhow::Result<()> {
        let extractor = &self.extractor;
        let parts: Vec<_> = self.pool.install(|| batch.par_iter().map(|d| extract_guarded(extractor, d)).collect());
        let failed = parts.iter().filter(|part| part.is_none()).count();
        for part in parts.into_iter().flatten() {
            part.explanations.iter().for_each(|line| eprintln!("{line}"));
            match self.format {
                ExportFormat::Json => write_json_line(&part.graph, self.options, &mut *writer)?,
                format => export::export(&part.graph, format, self.options, &mut *writer)?,
            }
        }
        self.streamed.documents += batch.len() - failed;
        self.streamed.failed += failed;
        let bytes = batch.iter().map(|d| d.text.len() as u64).sum();
        self.progress.advance(bytes, batch.len() as u64);
        batch.clear();
        writer.flush()?;
        Ok(())
    }
}
