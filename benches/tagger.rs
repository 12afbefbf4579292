//! Tagger speed: loading the shipped models, and tagging real annotated
//! sentences (GermEval 2014 dev for German, Re-DocRED dev for English,
//! taken from `../shared/data`, or from KGEX_BENCH_DE / KGEX_BENCH_EN) on
//! one core, in tokens per second.
//!
//! `cargo bench --bench tagger` tags every sentence six times and prints the
//! first pass (words new to the caches) and the median of the other five;
//! under `cargo test` it tags the test fixture twice.

use std::path::{Path, PathBuf};
use std::time::Instant;

use kgex::entities::tagger::{read_corpus_path, CorpusFormat, Model, Tagger};
use kgex::input::Language;

const FIXTURE: &str = "tests/fixtures/ner-train.conll";

fn data(variable: &str, default: &str) -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    std::env::var_os(variable).map_or_else(|| root.join(default), PathBuf::from)
}

/// Median seconds of loading a model file's bytes into a tagger.
fn load_seconds(path: &Path, runs: usize) -> f64 {
    let bytes = std::fs::read(path).expect("the model file");
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            let tagger = Tagger::new(Model::read(path, &bytes).expect("a valid model"));
            std::hint::black_box(&tagger);
            start.elapsed().as_secs_f64()
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[runs / 2]
}

/// Tokens per second of the first pass over `sentences` (every word new
/// to the thread's caches) and the median of the later ones.
fn tokens_per_second(tagger: &Tagger, sentences: &[Vec<&str>], runs: usize) -> (usize, f64, f64) {
    let tokens: usize = sentences.iter().map(Vec::len).sum();
    let mut rates: Vec<f64> = (0..=runs)
        .map(|_| {
            let start = Instant::now();
            let found: usize = sentences.iter().map(|words| tagger.tag(words).len()).sum();
            std::hint::black_box(found);
            tokens as f64 / start.elapsed().as_secs_f64()
        })
        .collect();
    let first = rates.remove(0);
    rates.sort_by(f64::total_cmp);
    (tokens, first, rates[runs / 2])
}

fn main() {
    let benching = std::env::args().any(|a| a == "--bench");
    let runs = if benching { 5 } else { 1 };
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let cases = [
        (
            Language::De,
            "models/de.ner",
            data("KGEX_BENCH_DE", "../shared/data/germeval2014-ner/NER-de-dev.tsv"),
            CorpusFormat::Conll,
        ),
        (
            Language::En,
            "models/en.ner",
            data("KGEX_BENCH_EN", "../shared/data/re-docred/dev_revised.json"),
            CorpusFormat::DocRed,
        ),
    ];
    println!(
        "{:<4} {:>8} {:>10} {:>8} {:>16} {:>16}",
        "lang", "load ms", "sentences", "tokens", "tokens/s first", "tokens/s later"
    );
    for (language, model, corpus, format) in cases {
        let (corpus, format) =
            if benching && corpus.exists() { (corpus, format) } else { (root.join(FIXTURE), CorpusFormat::Conll) };
        let sentences = read_corpus_path(&corpus, format).expect("the benchmark corpus");
        let words: Vec<Vec<&str>> = sentences.iter().map(|s| s.words.iter().map(String::as_str).collect()).collect();
        let load = load_seconds(&root.join(model), runs);
        let (tokens, first, later) = tokens_per_second(Tagger::builtin(language), &words, runs);
        println!(
            "{:<4} {:>8.1} {:>10} {:>8} {:>16.0} {:>16.0}",
            language.tag(),
            load * 1e3,
            words.len(),
            tokens,
            first,
            later
        );
    }
}
