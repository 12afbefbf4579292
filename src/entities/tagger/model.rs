//! A trained tagger model: sparse feature weights and tag transitions,
//! quantised to 16-bit integers, with the binary file format that stores
//! them and the checks that refuse a broken or foreign file.
//!
//! Layout (little-endian): magic `KGEXNER\0`, format version, feature-set
//! version, language tag, tag count, scale, temperature, feature count,
//! weight count, then the sorted feature hashes, per-feature offsets, tags
//! and weights of the sparse rows, the transitions (one row per previous
//! tag, the last row for the start of a sentence), and an FNV-1a checksum
//! of everything before it.

use std::path::Path;

use super::decode::Transitions;
use super::features::FEATURE_SET_VERSION;
use super::labels::{may_end, may_follow, N_TAGS};
use crate::error::{Error, Result};
use crate::input::Language;

const MAGIC: &[u8; 8] = b"KGEXNER\0";
const FORMAT_VERSION: u32 = 1;

/// A score that rules a tag sequence out.
pub const FORBIDDEN: i32 = i32::MIN / 4;

/// Feature weights and transitions of one language.
#[derive(Debug, Clone)]
pub struct Model {
    language: Language,
    /// The real value of one unit of the quantised weights.
    scale: f32,
    /// Divides score margins before the logistic function gives a confidence.
    temperature: f32,
    /// Feature hashes in ascending order; row `i` belongs to `hashes[i]`.
    hashes: Vec<u64>,
    table: FeatureTable,
    offsets: Vec<u32>,
    /// Tag and weight of every row, one after the other.
    entries: Vec<(u8, i16)>,
    /// `(N_TAGS + 1) × N_TAGS`, forbidden moves set to [`FORBIDDEN`].
    transitions: Vec<i32>,
    /// Per tag: 0, or [`FORBIDDEN`] where a sentence may not end.
    ends: Vec<i32>,
}

/// An open-addressing hash table from feature hash to the feature's
/// entries, built when a model is loaded. A slot is 8 bytes, so that the
/// table of a shipped model (2 MB) stays in the processor's caches: the
/// high 32 bits of the hash (the low bits choose the slot) and the entries
/// packed as first entry (27 bits) and count (5 bits).
#[derive(Debug, Clone, Default)]
struct FeatureTable {
    slots: Vec<(u32, u32)>,
    mask: usize,
}

/// Entries of one feature: at most one per tag, so 5 bits count them.
const COUNT_BITS: u32 = 5;

impl FeatureTable {
    fn new(hashes: &[u64], offsets: &[u32]) -> Self {
        let capacity = (hashes.len() * 2).next_power_of_two().max(16);
        let mut table = Self { slots: vec![(0, 0); capacity], mask: capacity - 1 };
        for (row, &hash) in hashes.iter().enumerate() {
            let mut slot = hash as usize & table.mask;
            while table.slots[slot].0 != 0 {
                slot = (slot + 1) & table.mask;
            }
            let count = offsets[row + 1] - offsets[row];
            table.slots[slot] = (fingerprint(hash), offsets[row] << COUNT_BITS | count);
        }
        table
    }

    /// A feature's first entry and count packed as in a slot; a count of 0
    /// when the model has no such feature.
    fn packed(&self, hash: u64) -> u32 {
        let key = fingerprint(hash);
        let mut slot = hash as usize & self.mask;
        loop {
            match self.slots[slot] {
                (0, _) => return 0,
                (found, packed) if found == key => return packed,
                _ => slot = (slot + 1) & self.mask,
            }
        }
    }
}

/// The range of entries of a packed slot value (empty for none).
fn unpack(packed: u32) -> std::ops::Range<usize> {
    let start = (packed >> COUNT_BITS) as usize;
    start..start + (packed & ((1 << COUNT_BITS) - 1)) as usize
}

/// The high half of a feature hash, never 0 (which marks an empty slot).
fn fingerprint(hash: u64) -> u32 {
    ((hash >> 32) as u32).max(1)
}

impl Transitions for Model {
    fn transition(&self, previous: Option<u8>, next: u8) -> i32 {
        let row = previous.map_or(N_TAGS, usize::from);
        self.transitions[row * N_TAGS + usize::from(next)]
    }

    fn end(&self, tag: u8) -> i32 {
        self.ends[usize::from(tag)]
    }
}

/// Trained weights before quantisation: per feature its hash and the
/// weight of each tag it votes for, and the transition weights.
#[derive(Debug, Clone, Default)]
pub struct RawWeights {
    /// Feature hash and `(tag, weight)` pairs, in any order.
    pub features: Vec<(u64, Vec<(u8, f64)>)>,
    /// `(N_TAGS + 1) × N_TAGS`: previous tag (last row: start) to next tag.
    pub transitions: Vec<f64>,
}

impl Model {
    /// Quantises trained weights into a model.
    pub fn from_weights(language: Language, mut raw: RawWeights, temperature: f32) -> Self {
        raw.features.sort_unstable_by_key(|(hash, _)| *hash);
        raw.features.dedup_by_key(|(hash, _)| *hash);
        let largest = raw
            .features
            .iter()
            .flat_map(|(_, row)| row.iter().map(|(_, w)| w.abs()))
            .chain(raw.transitions.iter().map(|w| w.abs()))
            .fold(0.0f64, f64::max);
        let scale = if largest > 0.0 { largest / f64::from(i16::MAX) } else { 1.0 };
        let quantise = |w: f64| (w / scale).round() as i16;
        let mut parts = Parts { language, scale: scale as f32, temperature, ..Parts::default() };
        parts.offsets.push(0);
        for (hash, row) in &raw.features {
            let row: Vec<(u8, i16)> = row.iter().map(|&(t, w)| (t, quantise(w))).filter(|&(_, w)| w != 0).collect();
            if row.is_empty() {
                continue;
            }
            parts.hashes.push(*hash);
            parts.tags.extend(row.iter().map(|&(t, _)| t));
            parts.weights.extend(row.iter().map(|&(_, w)| w));
            parts.offsets.push(parts.tags.len() as u32);
        }
        parts.transitions = raw.transitions.iter().map(|&w| quantise(w)).collect();
        Self::from_parts(parts)
    }

    fn from_parts(parts: Parts) -> Self {
        let transitions = (0..=N_TAGS)
            .flat_map(|from| (0..N_TAGS).map(move |to| (from, to)))
            .map(|(from, to)| {
                let previous = (from < N_TAGS).then_some(from as u8);
                let weight = i32::from(parts.transitions[from * N_TAGS + to]);
                if may_follow(previous, to as u8) {
                    weight
                } else {
                    FORBIDDEN
                }
            })
            .collect();
        let ends = (0..N_TAGS as u8).map(|t| if may_end(t) { 0 } else { FORBIDDEN }).collect();
        Self {
            language: parts.language,
            scale: parts.scale,
            temperature: parts.temperature,
            table: FeatureTable::new(&parts.hashes, &parts.offsets),
            hashes: parts.hashes,
            offsets: parts.offsets,
            entries: parts.tags.into_iter().zip(parts.weights).collect(),
            transitions,
            ends,
        }
    }

    /// The language the model was trained for.
    pub fn language(&self) -> Language {
        self.language
    }

    /// Number of features with weights.
    pub fn n_features(&self) -> usize {
        self.hashes.len()
    }

    /// Adds the weights of `features` to `scores` (one score per tag).
    pub fn add_emissions(&self, features: &[u64], scores: &mut [i32; N_TAGS]) {
        for &hash in features {
            self.add_entries(self.table.packed(hash), scores);
        }
    }

    /// Adds the weights of many features, each to the scores of its token:
    /// feature `i` belongs to token `tokens[i]`. The table is read for all
    /// features before any entry is: lookups that do not wait for one
    /// another's results let the processor overlap their cache misses,
    /// which the lookups of a whole sentence mostly are.
    pub fn add_emissions_of(&self, features: &[u64], tokens: &[u32], scores: &mut [[i32; N_TAGS]]) {
        // In chunks on the stack: enough lookups in flight, no allocation.
        let mut found = [0u32; 64];
        for (features, tokens) in features.chunks(found.len()).zip(tokens.chunks(found.len())) {
            for (slot, &hash) in found.iter_mut().zip(features) {
                *slot = self.table.packed(hash);
            }
            for (&packed, &token) in found.iter().zip(tokens) {
                self.add_entries(packed, &mut scores[token as usize]);
            }
        }
    }

    /// Adds the entries of one looked-up feature (a packed slot value).
    fn add_entries(&self, packed: u32, scores: &mut [i32; N_TAGS]) {
        for &(tag, weight) in &self.entries[unpack(packed)] {
            scores[usize::from(tag)] += i32::from(weight);
        }
    }

    /// The confidence that goes with a margin in quantised score units.
    pub fn confidence(&self, margin: i32) -> f32 {
        let margin = margin as f32 * self.scale / self.temperature;
        1.0 / (1.0 + (-margin).exp())
    }

    /// The model in its file format.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(16 * self.hashes.len() + 3 * self.entries.len());
        out.extend_from_slice(MAGIC);
        for value in [FORMAT_VERSION, FEATURE_SET_VERSION] {
            out.extend_from_slice(&value.to_le_bytes());
        }
        out.extend_from_slice(self.language.tag().as_bytes());
        out.extend_from_slice(&(N_TAGS as u32).to_le_bytes());
        out.extend_from_slice(&self.scale.to_le_bytes());
        out.extend_from_slice(&self.temperature.to_le_bytes());
        out.extend_from_slice(&(self.hashes.len() as u32).to_le_bytes());
        out.extend_from_slice(&(self.entries.len() as u32).to_le_bytes());
        self.hashes.iter().for_each(|h| out.extend_from_slice(&h.to_le_bytes()));
        self.offsets.iter().for_each(|o| out.extend_from_slice(&o.to_le_bytes()));
        self.entries.iter().for_each(|&(tag, _)| out.push(tag));
        self.entries.iter().for_each(|(_, w)| out.extend_from_slice(&w.to_le_bytes()));
        for (idx, &t) in self.transitions.iter().enumerate() {
            let (from, to) = (idx / N_TAGS, idx % N_TAGS);
            let allowed = may_follow((from < N_TAGS).then_some(from as u8), to as u8);
            let stored = if allowed { t as i16 } else { 0 };
            out.extend_from_slice(&stored.to_le_bytes());
        }
        let checksum = fnv(&out);
        out.extend_from_slice(&checksum.to_le_bytes());
        out
    }

    /// Reads a model file; `path` names it in errors.
    pub fn read(path: &Path, bytes: &[u8]) -> Result<Self> {
        let invalid = |message: String| Error::Invalid { path: path.to_owned(), message };
        if bytes.len() < MAGIC.len() || &bytes[..MAGIC.len()] != MAGIC {
            return Err(invalid("not a kgex tagger model (it does not start with KGEXNER)".into()));
        }
        let (body, checksum) = bytes.split_at(bytes.len().saturating_sub(8).max(MAGIC.len()));
        if checksum.len() != 8 || fnv(body).to_le_bytes() != checksum {
            return Err(invalid("the model file is damaged (its checksum does not match)".into()));
        }
        let mut reader = Reader { bytes: body, at: MAGIC.len() };
        Self::read_body(&mut reader).map_err(invalid)
    }

    fn read_body(reader: &mut Reader) -> Result<Self, String> {
        let format = reader.u32()?;
        let features = reader.u32()?;
        if format != FORMAT_VERSION || features != FEATURE_SET_VERSION {
            return Err(format!(
                "model format {format} with feature set {features}; this kgex reads format {FORMAT_VERSION} \
                 with feature set {FEATURE_SET_VERSION} (train the model again with this version)"
            ));
        }
        let tag = std::str::from_utf8(reader.take(2)?).unwrap_or("??").to_owned();
        let language = tag.parse::<Language>()?;
        let n_tags = reader.u32()? as usize;
        if n_tags != N_TAGS {
            return Err(format!("model has {n_tags} tags; this kgex uses {N_TAGS}"));
        }
        let mut parts = Parts { language, scale: reader.f32()?, temperature: reader.f32()?, ..Parts::default() };
        let (n_features, n_weights) = (reader.u32()? as usize, reader.u32()? as usize);
        parts.hashes = reader.array(n_features, |b| u64::from_le_bytes(b.try_into().unwrap_or_default()))?;
        parts.offsets = reader.array(n_features + 1, |b| u32::from_le_bytes(b.try_into().unwrap_or_default()))?;
        parts.tags = reader.take(n_weights)?.to_vec();
        parts.weights = reader.array(n_weights, |b| i16::from_le_bytes(b.try_into().unwrap_or_default()))?;
        parts.transitions =
            reader.array((N_TAGS + 1) * N_TAGS, |b| i16::from_le_bytes(b.try_into().unwrap_or_default()))?;
        if reader.at != reader.bytes.len() {
            return Err(format!("{} bytes left over after the transitions", reader.bytes.len() - reader.at));
        }
        parts.check()?;
        Ok(Self::from_parts(parts))
    }
}

/// A model's arrays as stored, before the lookup table is built.
#[derive(Debug, Default)]
struct Parts {
    language: Language,
    scale: f32,
    temperature: f32,
    hashes: Vec<u64>,
    offsets: Vec<u32>,
    tags: Vec<u8>,
    weights: Vec<i16>,
    transitions: Vec<i16>,
}

impl Parts {
    /// Whether the arrays fit together, so that tagging cannot index out of
    /// bounds whatever the file held.
    fn check(&self) -> Result<(), String> {
        if !self.hashes.windows(2).all(|w| w[0] < w[1]) || self.hashes.contains(&0) {
            return Err("feature hashes are not in strictly ascending order".into());
        }
        let offsets_ok = self.offsets.first() == Some(&0)
            && self.offsets.windows(2).all(|w| w[0] <= w[1])
            && self.offsets.last().copied() == Some(self.tags.len() as u32);
        if !offsets_ok {
            return Err("feature offsets do not match the weights".into());
        }
        if self.tags.len() >= 1 << (32 - COUNT_BITS) || self.offsets.windows(2).any(|w| w[1] - w[0] > N_TAGS as u32) {
            return Err("a feature has more weights than there are tags, or the model is too large".into());
        }
        if self.tags.iter().any(|&t| usize::from(t) >= N_TAGS) {
            return Err("a weight names a tag that does not exist".into());
        }
        if !(self.scale.is_finite() && self.scale > 0.0 && self.temperature.is_finite() && self.temperature > 0.0) {
            return Err("scale and temperature must be positive numbers".into());
        }
        Ok(())
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], String> {
        let end = self.at.checked_add(n).filter(|&end| end <= self.bytes.len());
        let end = end.ok_or_else(|| format!("the file ends early, at byte {}", self.bytes.len()))?;
        let slice = &self.bytes[self.at..end];
        self.at = end;
        Ok(slice)
    }

    fn u32(&mut self) -> Result<u32, String> {
        Ok(u32::from_le_bytes(self.take(4)?.try_into().unwrap_or_default()))
    }

    fn f32(&mut self) -> Result<f32, String> {
        Ok(f32::from_le_bytes(self.take(4)?.try_into().unwrap_or_default()))
    }

    fn array<T>(&mut self, n: usize, convert: impl Fn(&[u8]) -> T) -> Result<Vec<T>, String> {
        let width = std::mem::size_of::<T>();
        let bytes = self.take(n.checked_mul(width).ok_or("array too large")?)?;
        Ok(bytes.chunks_exact(width).map(convert).collect())
    }
}

/// FNV-1a over bytes, the model file's checksum.
fn fnv(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn small() -> Model {
        let raw = RawWeights {
            features: vec![(7, vec![(1, 2.5), (0, -1.0)]), (3, vec![(4, 0.5)]), (9, vec![(2, 0.0)])],
            transitions: (0..(N_TAGS + 1) * N_TAGS).map(|i| (i % 5) as f64 - 2.0).collect(),
        };
        Model::from_weights(Language::En, raw, 2.0)
    }

    #[test]
    fn writes_and_reads_the_same_model() {
        let model = small();
        assert_eq!(model.n_features(), 2, "a feature without weight is left out");
        let bytes = model.to_bytes();
        let read = Model::read(Path::new("m.ner"), &bytes).unwrap();
        assert_eq!(read.to_bytes(), bytes);
        assert_eq!(read.language(), Language::En);
        let mut scores = [0; N_TAGS];
        read.add_emissions(&[7, 3, 42], &mut scores);
        assert!(scores[1] > 0 && scores[0] < 0 && scores[4] > 0 && scores[2] == 0, "{scores:?}");
        assert_eq!(read.transition(Some(0), 2), FORBIDDEN, "O cannot be followed by an inside tag");
    }

    #[test]
    fn refuses_models_of_another_version() {
        let mut bytes = small().to_bytes();
        bytes[12] ^= 0xff; // the feature-set version
        let body = bytes.len() - 8;
        let checksum = fnv(&bytes[..body]).to_le_bytes();
        bytes[body..].copy_from_slice(&checksum);
        let error = Model::read(Path::new("m.ner"), &bytes).unwrap_err().to_string();
        assert!(error.starts_with("m.ner: model format 1 with feature set"), "{error}");
    }
}
