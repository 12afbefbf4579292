//! `kgex train ner`: reads corpora, trains the tagger, prints held-out
//! figures after each epoch, writes the model file atomically.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{bail, Context};

use super::args::{ModelLanguage, TrainNerArgs};
use super::output;
use kgex::entities::tagger::{
    append_sentences, read_corpus_path, train, CorpusFormat, LabelledSentence, Tagger, TrainOptions,
};
use kgex::eval::score_names;
use kgex::input::Language;

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
