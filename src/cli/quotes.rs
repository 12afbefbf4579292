//! `kgex eval-quotes` and `kgex eval-docred`: speaker attribution scored on
//! SpkAtt-2023 data, relations on Re-DocRED.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context};

use super::args::{EvalDocredArgs, EvalQuotesArgs, RecognizerArgs};
use kgex::eval::{read_spkatt, DocRedDocument, DocRedScores, GoldQuote, QuoteScores, SystemQuote};
use kgex::input::{Document, Language};
use kgex::pipeline::{Extractor, Settings};

/// Scores every SpkAtt document given and prints the table.
pub fn eval_quotes(args: EvalQuotesArgs) -> anyhow::Result<ExitCode> {
    let extractor = extractor(&args.recognizer)?;
    let mut scores = QuoteScores::default();
    for path in json_files(&args.inputs)? {
        let json = fs::read_to_string(&path).with_context(|| format!("cannot read '{}'", path.display()))?;
        let gold = read_spkatt(&json).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
        let name = path.file_stem().and_then(|s| s.to_str()).unwrap_or("document");
        let document = Document::from_text(name, &gold.text, Language::De);
        let system: Vec<SystemQuote> = extractor
            .quotes(&document)
            .into_iter()
            .map(|q| SystemQuote { message: q.message, speaker: q.speaker, form: q.form.as_str(), cue: q.cue })
            .collect();
        if args.show_errors {
            print_errors(&path, &gold.text, &gold.quotes, &system)?;
        }
        scores.add(&gold.quotes, &system);
    }
    out!("{}", scores.table())?;
    let f1 = scores.total.prf().2;
    match args.min_f1 {
        Some(min) if f1 < min => {
            outln!("FAIL speaker attribution F1 {f1:.3} < {min:.3}")?;
            Ok(ExitCode::from(1))
        }
        _ => Ok(ExitCode::SUCCESS),
    }
}

/// Scores the mapped relations of every Re-DocRED document that has one.
pub fn eval_docred(args: EvalDocredArgs) -> anyhow::Result<ExitCode> {
    let extractor = extractor(&args.recognizer)?;
    let path = &args.input;
    let json = fs::read_to_string(path).with_context(|| format!("cannot read '{}'", path.display()))?;
    let documents: Vec<DocRedDocument> =
        serde_json::from_str(&json).with_context(|| format!("'{}' is not Re-DocRED JSON", path.display()))?;
    let mut scores = DocRedScores::default();
    for document in documents.iter().filter(|d| !d.gold_relations().is_empty()) {
        let text = document.text();
        let extraction = extractor.extract(&Document::from_text(&document.title, &text, Language::En));
        scores.add(document, &extraction.graph, args.show_errors);
    }
    for line in &scores.errors {
        outln!("{line}")?;
    }
    out!("{}", scores.table())?;
    Ok(ExitCode::SUCCESS)
}

/// The extractor with the recogniser options given.
fn extractor(args: &RecognizerArgs) -> anyhow::Result<Extractor> {
    let (models, names) = super::recognizer::load(args)?;
    let settings = Settings {
        models,
        names,
        layers: super::recognizer::layers(args.layer),
        min_confidence: args.min_confidence,
        relation_scorer: super::recognizer::load_scorer(args)?,
        ..Settings::default()
    };
    Ok(Extractor::new(&settings))
}

fn print_errors(path: &Path, text: &str, gold: &[GoldQuote], system: &[SystemQuote]) -> std::io::Result<()> {
    let words = |spans: &[kgex::text::Span]| -> String {
        let (Some(first), Some(last)) = (spans.first(), spans.last()) else { return String::new() };
        text[first.start..last.end.max(first.end)].chars().take(90).collect()
    };
    outln!("# {}", path.display())?;
    for quote in system {
        let cue = quote.cue.map_or("", |c| &text[c.range()]);
        let hit = if gold.iter().any(|g| g.found_by(quote)) { "+" } else { "-" };
        outln!(
            "  kgex{hit} {:<9} cue={cue} [{}] <- {}",
            quote.form,
            words(&[quote.message]),
            &text[quote.speaker.range()]
        )?;
    }
    for g in gold.iter().filter(|g| !g.nested && !g.source.is_empty()) {
        let message = system.iter().find(|q| g.has_message(q.message));
        let hit = match message {
            Some(q) if g.has_source(q.speaker) => "+",
            Some(_) => "~",
            None => "-",
        };
        outln!("  gold{hit} {:<9} [{}] <- {}", g.form, words(&g.message), words(&g.source))?;
    }
    Ok(())
}

/// The `.json` files of the inputs, folders read one level deep, sorted.
fn json_files(inputs: &[PathBuf]) -> anyhow::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for input in inputs {
        if input.is_dir() {
            let entries = fs::read_dir(input).with_context(|| format!("cannot read '{}'", input.display()))?;
            let mut found: Vec<PathBuf> = entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|e| e == "json"))
                .collect();
            found.sort();
            files.extend(found);
        } else {
            files.push(input.clone());
        }
    }
    if files.is_empty() {
        bail!("no SpkAtt JSON file among the inputs");
    }
    Ok(files)
}
