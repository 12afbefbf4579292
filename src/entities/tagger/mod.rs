//! The statistical name tagger: an averaged structured perceptron over
//! BILOU tags with Viterbi decoding, trained on annotated corpora by
//! `kgex train ner`, shipped compiled in for German and English.

mod corpus;
mod decode;
mod features;
mod labels;
mod model;
mod train;

use std::borrow::Cow;
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::OnceLock;

pub use self::corpus::{append_sentences, name_type, read_corpus, read_corpus_path, CorpusFormat};
pub use self::features::Featurizer;
use self::features::{WordInfo, WordScores, NEIGHBOURS};
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
    /// Per neighbour, the scores of the features a token gets when the
    /// sentence ends before that neighbour.
    edge_scores: [[i32; N_TAGS]; NEIGHBOURS.len()],
}

impl Tagger {
    /// A tagger for `model`.
    pub fn new(model: Model) -> Self {
        let featurizer = Featurizer::new(model.language());
        let moves = Moves::new(&model);
        let mut edge_scores = [[0; N_TAGS]; NEIGHBOURS.len()];
        let mut features = Vec::new();
        for (scores, offset) in edge_scores.iter_mut().zip(NEIGHBOURS) {
            features.clear();
            Featurizer::neighbour(None, offset, &mut features);
            model.add_emissions(&features, scores);
        }
        Self { id: NEXT_ID.fetch_add(1, Ordering::Relaxed), model, moves, featurizer, edge_scores }
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
        let emissions = self.emissions(words);
        let decoded = decode(&self.moves, &emissions);
        names_of(&decoded.tags)
            .into_iter()
            .map(|span| {
                let margin = decoded.margins[span.start..span.end].iter().copied().min().unwrap_or(0);
                TaggedName { span, confidence: self.model.confidence(margin) }
            })
            .collect()
    }

    /// The score of every tag at every token: the kept scores of each word
    /// and of its neighbours, plus the features that pair it with them.
    fn emissions(&self, words: &[&str]) -> Vec<[i32; N_TAGS]> {
        let infos = self.featurizer.infos(words);
        // Each word's kept scores are found once, then read by the word's
        // own token and by its neighbours'.
        let kept: Vec<Cow<WordScores>> = infos.iter().map(|info| self.word_scores(info.word())).collect();
        let mut emissions: Vec<[i32; N_TAGS]> = (0..words.len())
            .map(|idx| {
                let mut scores = kept[idx][0];
                for (k, offset) in NEIGHBOURS.into_iter().enumerate() {
                    let near = idx.checked_add_signed(offset).and_then(|i| kept.get(i));
                    let given = near.map_or(&self.edge_scores[k], |near| &near[1 + k]);
                    scores.iter_mut().zip(given).for_each(|(score, add)| *score += add);
                }
                scores
            })
            .collect();
        // The pair features of the whole window (about a dozen a token) are
        // looked up together.
        let mut pairs = Vec::with_capacity(words.len() * 12);
        let mut tokens = Vec::with_capacity(pairs.capacity());
        for idx in 0..words.len() {
            Featurizer::pairs(&infos, idx, &mut pairs);
            tokens.resize(pairs.len(), idx as u32);
        }
        self.model.add_emissions_of(&pairs, &tokens, &mut emissions);
        emissions
    }

    /// A word's scores under this tagger, computed on its first sight and
    /// kept with the word. Integer sums do not depend on their order, so
    /// scoring a word's features apart from the rest gives the same
    /// emissions. A word first scored by another tagger is scored afresh.
    fn word_scores<'w>(&self, word: &'w WordInfo) -> Cow<'w, WordScores> {
        match word.scores.get_or_init(|| (self.id, self.score_word(word))) {
            (owner, scores) if *owner == self.id => Cow::Borrowed(scores),
            _ => Cow::Owned(self.score_word(word)),
        }
    }

    fn score_word(&self, word: &WordInfo) -> WordScores {
        // All of the word's features are looked up together, as a
        // sentence's pair features are: a new word's are mostly cache misses.
        let mut features = Vec::with_capacity(word.local.len() + 16);
        features.extend_from_slice(&word.local);
        let mut rows = vec![0u32; features.len()];
        for (k, offset) in NEIGHBOURS.into_iter().enumerate() {
            Featurizer::neighbour(Some(word), offset, &mut features);
            rows.resize(features.len(), 1 + k as u32);
        }
        let mut scores = [[0; N_TAGS]; 1 + NEIGHBOURS.len()];
        self.model.add_emissions_of(&features, &rows, &mut scores);
        scores
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kept_word_scores_sum_to_the_scores_of_all_features() {
        let tagger = Tagger::builtin(Language::En);
        let words = ["Yesterday", "Anna", "Weber", "of", "Acme", "Corp", "met", "Anna", "in", "New", "York", "."];
        // Twice: the second time every word's scores come from its cache.
        for _ in 0..2 {
            let (mut features, mut offsets) = (Vec::new(), Vec::new());
            tagger.featurizer.sentence(&words, &mut features, &mut offsets);
            let expected: Vec<[i32; N_TAGS]> = offsets
                .windows(2)
                .map(|w| {
                    let mut scores = [0; N_TAGS];
                    tagger.model.add_emissions(&features[w[0]..w[1]], &mut scores);
                    scores
                })
                .collect();
            assert_eq!(tagger.emissions(&words), expected);
        }
    }
}
