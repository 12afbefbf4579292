//! Extraction of a whole run: documents read a batch at a time, each batch
//! extracted on the worker threads while the batch before it merges into
//! the run's graph or its shards, in input order.

use rayon::prelude::*;

use super::args::ExtractArgs;
use super::progress::Progress;
use super::shards;
use super::source_bytes;
use kgex::input::{list_sources, stream_source, Document, Language};
use kgex::pipeline::{Extraction, Extractor, Settings};

/// What a run extracted, with the count of documents and failed inputs.
pub struct Run {
    pub extraction: Extraction,
    pub documents: usize,
    pub failed: usize,
}

/// Extracts one document. A panic in the extractor is a bug, but it loses
/// this document only (said on stderr with its name), not the whole run.
fn extract_guarded(extractor: &Extractor, document: &Document) -> Option<Extraction> {
    let extract = std::panic::AssertUnwindSafe(|| extractor.extract(document));
    let result = std::panic::catch_unwind(extract);
    if result.is_err() {
        let name = document.path.as_deref().unwrap_or(&document.name);
        eprintln!("kgex: error: {name}: extraction failed on an internal error; document skipped");
    }
    result.ok()
}

/// Reads the inputs a batch at a time and extracts each batch on `--jobs`
/// threads; graphs merge in input order, so the output does not depend on
/// the number of threads.
pub fn run_extraction(
    args: &ExtractArgs,
    language: Option<Language>,
    settings: &Settings,
    mut shards: Option<&mut shards::Shards>,
) -> anyhow::Result<Run> {
    let sources = list_sources(&args.inputs);
    let mut progress = Progress::new(sources.iter().map(source_bytes).sum());
    let mut batches = Overlapped::new(args.jobs, settings)?;
    let mut run = Run { extraction: Extraction::default(), documents: 0, failed: 0 };
    let mut batch = Batch::default();
    for source in sources {
        let bytes = source_bytes(&source);
        let mut read = 0;
        for result in stream_source(source, language) {
            match result {
                Ok(document) => {
                    batch.add(document);
                    read += 1;
                }
                Err(error) => {
                    run.failed += 1;
                    eprintln!("kgex: error: {error}");
                }
            }
            if batch.is_full() {
                let full = std::mem::take(&mut batch);
                batches.extract(&full, |earlier| collect(earlier, &mut run, shards.as_deref_mut()))?;
            }
        }
        progress.advance(bytes, read);
    }
    batches.extract(&batch, |earlier| collect(earlier, &mut run, shards.as_deref_mut()))?;
    progress.finish();
    collect(batches.last(), &mut run, shards)?;
    Ok(run)
}

/// Documents read for extraction together: at most this much text or this
/// many documents, so that memory holds one batch of text and of
/// per-document graphs however large an input file is; a batch still gives
/// every thread many documents, and a pipe (`--stream`) sees output soon. The
/// graphs of 256 short documents took 30 MB until merged; 64 take a quarter
/// and run as fast.
#[derive(Default)]
pub struct Batch {
    documents: Vec<Document>,
    bytes: usize,
}

impl Batch {
    const MAX_BYTES: usize = 1 << 20;
    const MAX_DOCUMENTS: usize = 64;

    pub fn add(&mut self, document: Document) {
        self.bytes += document.text.len();
        self.documents.push(document);
    }

    pub fn is_full(&self) -> bool {
        self.bytes >= Self::MAX_BYTES || self.documents.len() >= Self::MAX_DOCUMENTS
    }
}

/// The graphs of one batch, with the length of each document's text, in
/// input order; `None` for a document the extractor failed on.
pub type Extracted = Vec<(usize, Option<Extraction>)>;

/// Extraction a batch at a time on the worker threads, each batch extracted
/// while the one before it is merged or written: that step is serial, and
/// with the two one after the other the other threads waited for it (a
/// fifth of the time with two threads). It runs on one of the `--jobs`
/// threads, as one side of a `rayon::join`.
pub struct Overlapped {
    extractor: Extractor,
    /// The batch extracted last, not taken yet.
    extracted: Extracted,
}

impl Overlapped {
    /// Extraction with `settings` on `jobs` threads.
    pub fn new(jobs: u16, settings: &Settings) -> anyhow::Result<Self> {
        start_workers(jobs)?;
        Ok(Self { extractor: Extractor::new(settings), extracted: Vec::new() })
    }

    /// Extracts `batch` while `take` takes the batch extracted before it
    /// (nothing before the first).
    pub fn extract<R: Send>(&mut self, batch: &Batch, take: impl FnOnce(Extracted) -> R + Send) -> R {
        let earlier = std::mem::take(&mut self.extracted);
        let extractor = &self.extractor;
        let (taken, extracted) = rayon::join(|| take(earlier), || extract_batch(extractor, batch));
        self.extracted = extracted;
        taken
    }

    /// The batch extracted last, which nothing has taken.
    pub fn last(&mut self) -> Extracted {
        std::mem::take(&mut self.extracted)
    }
}

/// The graphs of a batch's documents, extracted on the current pool. The
/// longest documents are handed out first, so that the batch ends on short
/// ones and no thread waits long for the last document of the batch.
fn extract_batch(extractor: &Extractor, batch: &Batch) -> Extracted {
    let documents = &batch.documents;
    let mut order: Vec<usize> = (0..documents.len()).collect();
    order.sort_by_key(|&idx| std::cmp::Reverse(documents[idx].text.len()));
    let mut extracted: Vec<(usize, Option<Extraction>)> =
        order.par_iter().with_max_len(1).map(|&idx| (idx, extract_guarded(extractor, &documents[idx]))).collect();
    extracted.sort_unstable_by_key(|&(idx, _)| idx);
    extracted.into_iter().map(|(idx, part)| (documents[idx].text.len(), part)).collect()
}

/// Adds the graphs of a batch, in order, to the run's graph or its shards.
fn collect(extracted: Extracted, run: &mut Run, mut shards: Option<&mut shards::Shards>) -> anyhow::Result<()> {
    for (bytes, part) in extracted {
        let Some(part) = part else {
            run.failed += 1;
            continue;
        };
        run.documents += 1;
        part.explanations.iter().for_each(|line| eprintln!("{line}"));
        match shards.as_deref_mut() {
            Some(shards) => shards.add(part.graph, bytes)?,
            None => run.extraction.merge(Extraction { graph: part.graph, explanations: Vec::new() }),
        }
    }
    Ok(())
}

/// Makes rayon's global pool the `--jobs` threads, which extract documents
/// and write the graph at the end. It is kept until the process ends. Each
/// worker holds a cache of the words it has seen (tens of megabytes on a
/// large corpus); a pool that is dropped frees it word by word, which cost
/// 3 % of a run's time, while the end of the process frees it at once.
fn start_workers(jobs: u16) -> anyhow::Result<()> {
    Ok(rayon::ThreadPoolBuilder::new().num_threads(usize::from(jobs)).build_global()?)
}
