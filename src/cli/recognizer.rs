//! The recogniser options shared by `extract` and `eval-ner`: `--model`
//! files that replace the built-in taggers, `--names` files.

use std::path::PathBuf;
use std::sync::Arc;

use anyhow::bail;

use super::args::{LayerArg, RecognizerArgs};
use kgex::entities::tagger::Tagger;
use kgex::entities::{Layers, NameLists};
use kgex::input::Language;
use kgex::relations::scorer::RelationScorer;

/// The `--model` files, read; two for one language is a usage error.
pub fn load_models(paths: &[PathBuf]) -> anyhow::Result<Vec<Arc<Tagger>>> {
    let mut taggers: Vec<Arc<Tagger>> = Vec::new();
    for path in paths {
        let tagger = Tagger::read(path)?;
        if taggers.iter().any(|t| t.language() == tagger.language()) {
            bail!("two --model files for language '{}'", tagger.language().tag());
        }
        taggers.push(Arc::new(tagger));
    }
    Ok(taggers)
}

/// The names of every `--names` file, later files winning.
pub fn load_names(paths: &[PathBuf]) -> anyhow::Result<NameLists> {
    let mut names = NameLists::default();
    for path in paths {
        names.extend(NameLists::read(path)?);
    }
    Ok(names)
}

/// The layers a `--layer` value names.
pub fn layers(layer: LayerArg) -> Layers {
    match layer {
        LayerArg::Both => Layers::Both,
        LayerArg::Model => Layers::Model,
        LayerArg::Rules => Layers::Rules,
    }
}

/// Models and names of the recogniser options.
pub fn load(args: &RecognizerArgs) -> anyhow::Result<(Vec<Arc<Tagger>>, Arc<NameLists>)> {
    Ok((load_models(&args.models)?, Arc::new(load_names(&args.names)?)))
}

/// The `--relation-model` file, read, for English.
pub fn load_scorer(args: &RecognizerArgs) -> anyhow::Result<Option<(Language, Arc<RelationScorer>)>> {
    let Some(path) = &args.relation_model else { return Ok(None) };
    let bytes = std::fs::read(path).map_err(|e| anyhow::anyhow!("cannot read '{}': {e}", path.display()))?;
    let scorer = RelationScorer::from_bytes(&bytes).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
    Ok(Some((Language::En, Arc::new(scorer))))
}
