//! Training: an averaged structured perceptron over BILOU tags. The same
//! sentences and options give the same model, byte for byte: features are
//! numbered in order of first use, sentences are shuffled by a seeded
//! generator, and the weights are integers until they are averaged.

use rustc_hash::FxHashMap as HashMap;

use super::decode::{best_tags, Moves, Transitions};
use super::features::Featurizer;
use super::labels::{may_end, may_follow, tags_of, NameSpan, N_TAGS};
use super::model::{Model, RawWeights, FORBIDDEN};
use crate::input::Language;

/// A sentence with the names annotated in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LabelledSentence {
    /// The tokens.
    pub words: Vec<String>,
    /// The names, as token ranges with their type.
    pub names: Vec<NameSpan>,
    /// The number of the document the sentence belongs to; consecutive
    /// sentences of one document share it.
    pub document: usize,
}

/// How a model is trained.
#[derive(Debug, Clone, Copy)]
pub struct TrainOptions {
    /// Passes over the training sentences.
    pub epochs: usize,
    /// Seed of the order in which sentences are visited.
    pub seed: u64,
    /// Features seen fewer times than this are left out.
    pub min_count: u32,
    /// Divides score margins before they become confidences.
    pub temperature: f32,
}

impl Default for TrainOptions {
    fn default() -> Self {
        Self { epochs: 10, seed: 1, min_count: 2, temperature: 20.0 }
    }
}

/// The training sentences as feature numbers and gold tags.
struct Encoded {
    /// Feature numbers of every token, all sentences after each other.
    features: Vec<u32>,
    /// Per token: where its features start in `features` (one extra at the end).
    token_offsets: Vec<usize>,
    /// Per sentence: its first token (one extra at the end).
    sentence_offsets: Vec<usize>,
    gold: Vec<u8>,
    /// Hash of each feature number.
    hashes: Vec<u64>,
}

/// Counts the features and numbers those used often enough.
fn encode(language: Language, sentences: &[LabelledSentence], min_count: u32) -> Encoded {
    let featurizer = Featurizer::new(language);
    let (mut all, mut offsets, mut per_sentence) = (Vec::new(), Vec::new(), Vec::new());
    for sentence in sentences {
        let words: Vec<&str> = sentence.words.iter().map(String::as_str).collect();
        let start = all.len();
        featurizer.sentence(&words, &mut all, &mut offsets);
        per_sentence.push((start, offsets.clone()));
    }
    let mut counts: HashMap<u64, u32> = HashMap::default();
    all.iter().for_each(|&h| *counts.entry(h).or_default() += 1);
    let mut numbers: HashMap<u64, u32> = HashMap::default();
    let mut hashes = Vec::new();
    let mut encoded = Encoded {
        features: Vec::new(),
        token_offsets: vec![0],
        sentence_offsets: vec![0],
        gold: Vec::new(),
        hashes: Vec::new(),
    };
    for (sentence, (_, offsets)) in sentences.iter().zip(&per_sentence) {
        for window in offsets.windows(2) {
            for &hash in &all[window[0]..window[1]] {
                if counts[&hash] < min_count {
                    continue;
                }
                let next = hashes.len() as u32;
                let number = *numbers.entry(hash).or_insert(next);
                if number == next {
                    hashes.push(hash);
                }
                encoded.features.push(number);
            }
            encoded.token_offsets.push(encoded.features.len());
        }
        encoded.gold.extend(tags_of(sentence.words.len(), &sentence.names));
        encoded.sentence_offsets.push(encoded.gold.len());
    }
    encoded.hashes = hashes;
    encoded
}

/// Weights during training, with the sums the average is computed from.
struct Perceptron {
    weights: Vec<i32>,
    /// Sum of `step × change` per weight, for the average.
    changes: Vec<i64>,
    transitions: Vec<i32>,
    transition_changes: Vec<i64>,
    step: i64,
}

impl Transitions for Perceptron {
    fn transition(&self, previous: Option<u8>, next: u8) -> i32 {
        if !may_follow(previous, next) {
            return FORBIDDEN;
        }
        self.transitions[previous.map_or(N_TAGS, usize::from) * N_TAGS + usize::from(next)]
    }

    fn end(&self, tag: u8) -> i32 {
        if may_end(tag) {
            0
        } else {
            FORBIDDEN
        }
    }
}

impl Perceptron {
    fn new(n_features: usize) -> Self {
        let n_transitions = (N_TAGS + 1) * N_TAGS;
        Self {
            weights: vec![0; n_features * N_TAGS],
            changes: vec![0; n_features * N_TAGS],
            transitions: vec![0; n_transitions],
            transition_changes: vec![0; n_transitions],
            step: 1,
        }
    }

    fn emissions(&self, data: &Encoded, tokens: std::ops::Range<usize>) -> Vec<[i32; N_TAGS]> {
        tokens
            .map(|token| {
                let mut scores = [0; N_TAGS];
                for &f in &data.features[data.token_offsets[token]..data.token_offsets[token + 1]] {
                    let row = &self.weights[f as usize * N_TAGS..(f as usize + 1) * N_TAGS];
                    scores.iter_mut().zip(row).for_each(|(s, w)| *s += w);
                }
                scores
            })
            .collect()
    }

    /// Moves the weights towards `gold` and away from `predicted`.
    fn update(&mut self, data: &Encoded, first: usize, gold: &[u8], predicted: &[u8]) {
        for (idx, (&g, &p)) in gold.iter().zip(predicted).enumerate() {
            let token = first + idx;
            if g != p {
                for &f in &data.features[data.token_offsets[token]..data.token_offsets[token + 1]] {
                    self.change(f as usize * N_TAGS + usize::from(g), 1);
                    self.change(f as usize * N_TAGS + usize::from(p), -1);
                }
            }
            let before = |tags: &[u8]| idx.checked_sub(1).map_or(N_TAGS, |i| usize::from(tags[i]));
            let (gold_from, predicted_from) = (before(gold), before(predicted));
            if (gold_from, g) != (predicted_from, p) {
                self.change_transition(gold_from * N_TAGS + usize::from(g), 1);
                self.change_transition(predicted_from * N_TAGS + usize::from(p), -1);
            }
        }
    }

    fn change(&mut self, idx: usize, delta: i32) {
        self.weights[idx] += delta;
        self.changes[idx] += self.step * i64::from(delta);
    }

    fn change_transition(&mut self, idx: usize, delta: i32) {
        self.transitions[idx] += delta;
        self.transition_changes[idx] += self.step * i64::from(delta);
    }

    /// The averaged weights.
    fn average(&self, hashes: &[u64]) -> RawWeights {
        let average = |w: i32, change: i64| f64::from(w) - change as f64 / self.step as f64;
        let features = hashes
            .iter()
            .enumerate()
            .map(|(f, &hash)| {
                let row = (0..N_TAGS)
                    .map(|t| (t as u8, average(self.weights[f * N_TAGS + t], self.changes[f * N_TAGS + t])))
                    .filter(|&(_, w)| w != 0.0)
                    .collect();
                (hash, row)
            })
            .collect();
        let transitions = self.transitions.iter().zip(&self.transition_changes).map(|(&w, &c)| average(w, c)).collect();
        RawWeights { features, transitions }
    }
}

/// Trains a model on `sentences`; `after_epoch` sees each epoch's averaged
/// model (to print figures on held-out data, say).
pub fn train(
    language: Language,
    sentences: &[LabelledSentence],
    options: &TrainOptions,
    mut after_epoch: impl FnMut(usize, &Model),
) -> Model {
    let data = encode(language, sentences, options.min_count);
    let mut perceptron = Perceptron::new(data.hashes.len());
    let mut order: Vec<usize> = (0..sentences.len()).collect();
    let mut random = SplitMix(options.seed);
    let mut model = Model::from_weights(language, perceptron.average(&data.hashes), options.temperature);
    for epoch in 0..options.epochs {
        random.shuffle(&mut order);
        for &s in &order {
            let tokens = data.sentence_offsets[s]..data.sentence_offsets[s + 1];
            if !tokens.is_empty() {
                let emissions = perceptron.emissions(&data, tokens.clone());
                let predicted = best_tags(&Moves::new(&perceptron), &emissions);
                let gold = &data.gold[tokens.clone()];
                if predicted != gold {
                    perceptron.update(&data, tokens.start, gold, &predicted);
                }
            }
            perceptron.step += 1;
        }
        model = Model::from_weights(language, perceptron.average(&data.hashes), options.temperature);
        after_epoch(epoch + 1, &model);
    }
    model
}

/// A small seeded random generator (SplitMix64), so that the order of
/// training is the same on every machine.
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn shuffle<T>(&mut self, items: &mut [T]) {
        for idx in (1..items.len()).rev() {
            let other = (self.next() % (idx as u64 + 1)) as usize;
            items.swap(idx, other);
        }
    }
}
