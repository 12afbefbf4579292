//! The statistical name tagger: an averaged structured perceptron over
//! BILOU tags with Viterbi decoding, trained on annotated corpora by
//! `kgex train ner`, shipped compiled in for German and English.

mod corpus;
mod decode;
mod features;
mod labels;
mod model;
mod train;

use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::OnceLock;

pub use self::corpus::{append_sentences, name_type, read_corpus, read_corpus_path, CorpusFormat};
pub use self::features::Featurizer;
pub use self::labels::{NameSpan, NameType};
pub use self::model::Model;
pub use self::train::{train, LabelledSentence, TrainOptions};

use self::decode::{decode, Moves};
use self::labels::{names_of, N_TAGS};
use crate::error::{Error, Result};
use crate::input::Language;

const GERMAN_MODEL: &[u8] = include_bytes!("../../../models/de.ner");
const ENGLISH_MODEL: &[u8] = include_bytes!("../../../models/en.ner");

/// Numbers taggers, so that a word's cached scores are used only by the
/// tagger that computed them.
static NEXT_ID: AtomicU64 = AtomicU64::new(1);

/// The most tokens tagged at once.
pub const MAX_WINDOW: usize = 400;

/// A name the tagger found, with how sure it is (0 to 1).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TaggedName {
    /// Tokens and type.
    pub span: NameSpan,
    /// The logistic of the smallest margin of its tokens' tags.
    pub confidence: f32,
}

/// A model with the features it was trained on.
#[derive(Debug, Clone)]
pub struct Tagger {
    /// Tells this tagger's cached scores from another's.
    id: u64,
    model: Model,
    moves: Moves,
    featurizer: Featurizer,
}

impl Tagger {
    /// A tagger for `model`.
    pub fn new(model: Model) -> Self {
        let featurizer = Featurizer::new(model.language());
        let moves = Moves::new(&model);
        Self { id: NEXT_ID.fetch_add(1, Ordering::Relaxed), model, moves, featurizer }
    }

    /// Reads a model file written by `kgex train ner`.
    pub fn read(path: &Path) -> Result<Self> {
        let bytes = std::fs::read(path).map_err(|source| Error::Io { path: path.to_owned(), source })?;
        Ok(Self::new(Model::read(path, &bytes)?))
    }

    /// The built-in tagger of `language`, loaded once per process.
    pub fn builtin(language: Language) -> &'static Tagger {
        static GERMAN: OnceLock<Tagger> = OnceLock::new();
        static ENGLISH: OnceLock<Tagger> = OnceLock::new();
        let (cell, bytes, name) = match language {
            Language::De => (&GERMAN, GERMAN_MODEL, "models/de.ner"),
            Language::En => (&ENGLISH, ENGLISH_MODEL, "models/en.ner"),
        };
        cell.get_or_init(|| Self::new(Model::read(Path::new(name), bytes).expect("the built-in model is valid")))
    }

    /// The first of `models` for `language`, or the built-in tagger.
    pub fn choose(models: &[std::sync::Arc<Tagger>], language: Language) -> &Tagger {
        let own = models.iter().find(|t| t.language() == language);
        own.map_or_else(|| Self::builtin(language), |t| t.as_ref())
    }

    /// The language of its model.
    pub fn language(&self) -> Language {
        self.model.language()
    }

    /// The names in a sentence of `words`. A sentence longer than
    /// [`MAX_WINDOW`] tokens (a text without punctuation) is tagged in
    /// windows of that many, so memory stays bounded.
    pub fn tag(&self, words: &[&str]) -> Vec<TaggedName> {
        let mut names = Vec::new();
        for (n, window) in words.chunks(MAX_WINDOW).enumerate() {
            names.extend(self.tag_window(window).into_iter().map(|mut name| {
                name.span.start += n * MAX_WINDOW;
                name.span.end += n * MAX_WINDOW;
                name
            }));
        }
        names
    }

    fn tag_window(&self, words: &[&str]) -> Vec<TaggedName> {
        let infos = self.featurizer.infos(words);
        let mut context = Vec::with_capacity(40);
        let emissions: Vec<[i32; N_TAGS]> = (0..words.len())
            .map(|idx| {
                // The word's own features score the same wherever it stands.
                let mut scores = match infos[idx].scores.get() {
                    Some((owner, scores)) if owner == self.id => scores,
                    _ => {
                        let mut scores = [0; N_TAGS];
                        self.model.add_emissions(&infos[idx].local, &mut scores);
                        infos[idx].scores.set(Some((self.id, scores)));
                        scores
                    }
                };
                context.clear();
                Featurizer::context(&infos, idx, &mut context);
                self.model.add_emissions(&context, &mut scores);
                scores
            })
            .collect();
        let decoded = decode(&self.moves, &emissions);
        names_of(&decoded.tags)
            .into_iter()
            .map(|span| {
                let margin = decoded.margins[span.start..span.end].iter().copied().min().unwrap_or(0);
                TaggedName { span, confidence: self.model.confidence(margin) }
            })
            .collect()
    }
}
