//! `kgex extract --stream`: documents read a record at a time, extracted a
//! small batch at a time on `--jobs` threads, and written one graph each as
//! soon as their batch is done, in input order.

use std::io::{self, BufWriter, Write};

use anyhow::bail;

use super::args::ExtractArgs;
use super::batches::{Batch, Extracted, Overlapped};
use super::output;
use super::progress::Progress;
use kgex::export::{self, write_json_line};
use kgex::input::{list_sources, stream_source, Language};
use kgex::pipeline::Settings;
use kgex::{ExportFormat, ExportOptions};

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
        batches: Overlapped::new(args.jobs, settings)?,
        writing: Writing {
            format,
            options,
            streamed: Streamed { documents: 0, failed: 0 },
            progress: Progress::new(list_sources(&args.inputs).iter().map(super::source_bytes).sum()),
        },
    };
    match &args.output.output {
        Some(path) => output::write_atomically(path, |writer| streamer.all(args, language, writer))?,
        None => streamer.all(args, language, &mut BufWriter::new(io::stdout()))?,
    }
    streamer.writing.progress.finish();
    Ok(streamer.writing.streamed)
}

struct Streamer<'a> {
    batches: Overlapped,
    writing: Writing<'a>,
}

/// What writing the graphs needs, apart from the extraction.
struct Writing<'a> {
    format: ExportFormat,
    options: &'a ExportOptions,
    streamed: Streamed,
    progress: Progress,
}

impl Streamer<'_> {
    fn all(
        &mut self,
        args: &ExtractArgs,
        language: Option<Language>,
        writer: &mut (dyn Write + Send),
    ) -> anyhow::Result<()> {
        let mut batch = Batch::default();
        for source in list_sources(&args.inputs) {
            for result in stream_source(source, language) {
                match result {
                    Ok(document) => batch.add(document),
                    Err(error) => {
                        self.writing.streamed.failed += 1;
                        eprintln!("kgex: error: {error}");
                    }
                }
                if batch.is_full() {
                    let full = std::mem::take(&mut batch);
                    self.batches.extract(&full, |earlier| self.writing.write(earlier, writer))?;
                }
            }
        }
        self.batches.extract(&batch, |earlier| self.writing.write(earlier, writer))?;
        self.writing.write(self.batches.last(), writer)
    }
}

impl Writing<'_> {
    /// Writes the graphs of a batch in input order.
    fn write(&mut self, extracted: Extracted, writer: &mut (dyn Write + Send)) -> anyhow::Result<()> {
        let (mut documents, mut bytes) = (0u64, 0);
        for (length, part) in extracted {
            documents += 1;
            bytes += length as u64;
            let Some(part) = part else {
                self.streamed.failed += 1;
                continue;
            };
            part.explanations.iter().for_each(|line| eprintln!("{line}"));
            match self.format {
                ExportFormat::Json => write_json_line(&part.graph, self.options, &mut *writer)?,
                format => export::export(&part.graph, format, self.options, &mut *writer)?,
            }
            self.streamed.documents += 1;
        }
        self.progress.advance(bytes, documents);
        writer.flush()?;
        Ok(())
    }
}
