//! `kgex train ner`: reads corpora, trains the tagger, prints held-out
//! figures after each epoch, writes the model file atomically.

use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{bail, Context};

use super::args::{ModelLanguage, TrainNerArgs, TrainRelationsArgs};
use super::output;
use kgex::entities::tagger::{
    append_sentences, read_corpus_path, train, CorpusFormat, LabelledSentence, Tagger, TrainOptions,
};
use kgex::eval::{score_names, DocRedDocument};
use kgex::input::{Document, Language};
use kgex::pipeline::{Extractor, Settings};
use kgex::relations::scorer::{train_scorer, CLASSES};

/// The language of a `--lang` value.
pub fn language(lang: ModelLanguage) -> Language {
    match lang {
        ModelLanguage::De => Language::De,
        ModelLanguage::En => Language::En,
    }
}

/// Reads every `FORMAT:PATH` source, in the order given.
pub fn read_sources(sources: &[String]) -> anyhow::Result<Vec<LabelledSentence>> {
    let mut sentences = Vec::new();
    for source in sources {
        let Some((format, path)) = source.split_once(':') else {
            bail!("'{source}' is not FORMAT:PATH (for example germeval:NER-de-train.tsv)");
        };
        let format: CorpusFormat = format.parse().map_err(anyhow::Error::msg)?;
        append_sentences(&mut sentences, read_corpus_path(Path::new(path), format)?);
    }
    Ok(sentences)
}

pub fn train_ner(args: TrainNerArgs) -> anyhow::Result<ExitCode> {
    let language = language(args.lang);
    let sentences = read_sources(&args.data)?;
    let dev = read_sources(&args.dev)?;
    let n_tokens: usize = sentences.iter().map(|s| s.words.len()).sum();
    eprintln!("kgex: training on {} sentences, {n_tokens} tokens", sentences.len());
    let options =
        TrainOptions { epochs: args.epochs, seed: args.seed, min_count: args.min_count, temperature: args.temperature };
    let started = Instant::now();
    let model = train(language, &sentences, &options, |epoch, model| {
        let elapsed = started.elapsed().as_secs_f64();
        if dev.is_empty() {
            eprintln!("epoch {epoch}: {elapsed:.1} s");
            return;
        }
        let tagger = Tagger::new(model.clone());
        let scores = score_names(&dev, false, |document| {
            document.iter().map(|words| tagger.tag(words).into_iter().map(|n| n.span).collect()).collect()
        });
        eprintln!("epoch {epoch}: {elapsed:.1} s, held-out F1 {:.4}\n{}", scores.f1(), scores.table());
    });
    let bytes = model.to_bytes();
    output::write_atomically(&args.output, |writer| Ok(writer.write_all(&bytes)?))
        .with_context(|| format!("cannot write '{}'", args.output.display()))?;
    eprintln!(
        "kgex: wrote {} ({} features, {:.1} MB) in {:.1} s",
        args.output.display(),
        model.n_features(),
        bytes.len() as f64 / 1e6,
        started.elapsed().as_secs_f64()
    );
    Ok(ExitCode::SUCCESS)
}

/// Trains the relation scorer: every candidate pair of every document is
/// an example, labelled by the gold relation between the entities its ends
/// name (none when they name no gold pair).
pub fn train_relations(args: TrainRelationsArgs) -> anyhow::Result<ExitCode> {
    let started = Instant::now();
    let extractor = Extractor::new(&Settings::default());
    let mut examples: Vec<(Vec<u32>, usize)> = Vec::new();
    for path in &args.data {
        let json = std::fs::read_to_string(path).with_context(|| format!("cannot read '{}'", path.display()))?;
        let documents: Vec<DocRedDocument> =
            serde_json::from_str(&json).with_context(|| format!("'{}' is not Re-DocRED JSON", path.display()))?;
        for document in &documents {
            let gold = document.gold_relations();
            let text = document.text();
            let pairs = extractor.relation_pairs(&Document::from_text(&document.title, &text, Language::En));
            let names = document.name_index();
            for pair in pairs {
                let ends = (names.entity(&pair.subject), names.entity(&pair.object));
                let class = match ends {
                    (Some(s), Some(o)) => {
                        CLASSES.iter().position(|c| c.as_ref().is_some_and(|k| gold.contains(&(k.clone(), s, o))))
                    }
                    _ => None,
                };
                examples.push((pair.features, class.unwrap_or(0)));
            }
        }
    }
    shuffle(&mut examples, args.seed);
    let positives = examples.iter().filter(|e| e.1 != 0).count();
    eprintln!("kgex: training on {} pairs, {positives} with a relation", examples.len());
    let model = train_scorer(&examples, args.epochs);
    let bytes = model.to_bytes();
    output::write_atomically(&args.output, |writer| Ok(writer.write_all(&bytes)?))
        .with_context(|| format!("cannot write '{}'", args.output.display()))?;
    eprintln!("kgex: wrote {} in {:.1} s", args.output.display(), started.elapsed().as_secs_f64());
    Ok(ExitCode::SUCCESS)
}

/// Fisher-Yates with a xorshift generator: the same seed, the same order.
fn shuffle<T>(items: &mut [T], seed: u64) {
    let mut state = seed.max(1);
    for i in (1..items.len()).rev() {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        items.swap(i, (state % (i as u64 + 1)) as usize);
    }
}
