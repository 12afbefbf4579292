//! `kgex eval` and `kgex eval-ner`: score graphs against gold files and the
//! recogniser against GermEval-style data.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context};
use serde_json::Value;

use super::args::{EvalArgs, EvalNerArgs};
use kgex::entities::tagger::{append_sentences, read_corpus_path, CorpusFormat, Tagger};
use kgex::entities::EntityRecognizer;
use kgex::eval::{recognizer_names, score_document, score_names, Scores};
use kgex::input::read_inputs;
use kgex::pipeline::{self, Settings};
use kgex::{ExportFormat, ExportOptions};

const GOLD_SUFFIX: &str = ".gold.json";

/// Scores every gold file against the graph of the document of the same name.
pub fn eval(args: EvalArgs) -> anyhow::Result<ExitCode> {
    let golds = gold_files(&args.gold)?;
    let candidates = files_by_stem(&args.inputs)?;
    let mut total = Scores::default();
    for (stem, gold_path) in &golds {
        let gold: Value = read_json(gold_path)?;
        // One gold file and one input pair up whatever their names.
        let single = (golds.len() == 1 && candidates.len() == 1).then(|| candidates.values().next()).flatten();
        let Some(input) = candidates.get(stem).or(single) else {
            bail!("no graph (.json) or text for gold file '{}' among the inputs", gold_path.display());
        };
        let graph = graph_of(input)?;
        let scores = score_document(&gold, &graph);
        if args.show_errors {
            outln!("# {stem}")?;
            for error in &scores.errors {
                outln!("  {error}")?;
            }
        }
        total.add(&scores);
    }
    out!("{}", total.table())?;
    let bars = [
        ("entity", total.entity_f1(), args.min_entity_f1),
        ("core relation", total.core_f1(), args.min_core_f1),
        ("all relation", total.all_f1(), args.min_all_f1),
    ];
    let mut ok = true;
    for (name, got, want) in bars {
        if let Some(want) = want.filter(|w| got < *w) {
            outln!("FAIL {name} F1 {got:.3} < {want:.3}")?;
            ok = false;
        }
    }
    Ok(if ok { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

/// Scores the name recogniser on annotated corpora.
pub fn eval_ner(args: EvalNerArgs) -> anyhow::Result<ExitCode> {
    let language = super::train::language(args.lang);
    let (models, names) = super::recognizer::load(&args.recognizer)?;
    let layers = super::recognizer::layers(args.recognizer.layer);
    let recognizer = EntityRecognizer::new(Tagger::choose(&models, language), &names, layers)
        .with_min_confidence(args.recognizer.min_confidence);
    let mut sentences = Vec::new();
    for input in &args.inputs {
        let format = match &args.format {
            Some(name) => name.parse::<CorpusFormat>().map_err(anyhow::Error::msg)?,
            None => guess_format(input),
        };
        append_sentences(&mut sentences, read_corpus_path(input, format)?);
    }
    let scores = score_names(&sentences, args.show_errors, |words| recognizer_names(&recognizer, language, words));
    for line in &scores.errors {
        outln!("{line}")?;
    }
    out!("{}", scores.table())?;
    Ok(ExitCode::SUCCESS)
}

/// The corpus format of a path from its extension: `.json` DocRED,
/// `.conllu` or a folder CoNLL-U, anything else CoNLL.
fn guess_format(path: &Path) -> CorpusFormat {
    match path.extension().and_then(|e| e.to_str()) {
        Some("json") => CorpusFormat::DocRed,
        Some("conllu") => CorpusFormat::Conllu,
        _ if path.is_dir() => CorpusFormat::Conllu,
        _ => CorpusFormat::Conll,
    }
}

/// `*.gold.json` in a folder, or one gold file, by document stem.
fn gold_files(path: &Path) -> anyhow::Result<BTreeMap<String, PathBuf>> {
    let paths = if path.is_dir() {
        let entries = fs::read_dir(path).with_context(|| format!("cannot read '{}'", path.display()))?;
        entries.filter_map(|e| e.ok().map(|e| e.path())).collect()
    } else {
        vec![path.to_owned()]
    };
    let golds: BTreeMap<String, PathBuf> = paths
        .into_iter()
        .filter_map(|p| Some((p.file_name()?.to_str()?.strip_suffix(GOLD_SUFFIX)?.to_owned(), p.clone())))
        .collect();
    if golds.is_empty() {
        bail!("no gold file (*{GOLD_SUFFIX}) at '{}'", path.display());
    }
    Ok(golds)
}

/// The input files (folders read one level deep) by stem; a JSON export
/// wins over a text of the same stem.
fn files_by_stem(inputs: &[PathBuf]) -> anyhow::Result<BTreeMap<String, PathBuf>> {
    let mut files = BTreeMap::new();
    for input in inputs {
        let paths: Vec<PathBuf> = if input.is_dir() {
            let entries = fs::read_dir(input).with_context(|| format!("cannot read '{}'", input.display()))?;
            entries.filter_map(|e| e.ok().map(|e| e.path())).collect()
        } else {
            vec![input.clone()]
        };
        for path in paths {
            let (Some(stem), Some(ext)) = (path.file_stem().and_then(|s| s.to_str()), path.extension()) else {
                continue;
            };
            if ext == "json" && !path.to_string_lossy().ends_with(GOLD_SUFFIX)
                || ext == "txt" && !files.contains_key(stem)
            {
                files.insert(stem.to_owned(), path.clone());
            }
        }
    }
    Ok(files)
}

fn read_json(path: &Path) -> anyhow::Result<Value> {
    let bytes = fs::read(path).with_context(|| format!("cannot read '{}'", path.display()))?;
    serde_json::from_slice(&bytes).with_context(|| format!("'{}' is not JSON", path.display()))
}

/// The graph of an input as JSON: read from an export, or extracted from a text.
fn graph_of(path: &Path) -> anyhow::Result<Value> {
    if path.extension().is_some_and(|e| e == "json") {
        return read_json(path);
    }
    let document = read_inputs(&[path.to_owned()], None).into_iter().next().context("no document")??;
    let extraction = pipeline::extract(&document, &Settings::default());
    let mut bytes = Vec::new();
    kgex::export::export(&extraction.graph, ExportFormat::Json, &ExportOptions::default(), &mut bytes)?;
    Ok(serde_json::from_slice(&bytes)?)
}
